//! Who issues and signs the installation's documents (thông tin cơ quan ban hành): one form,
//! saved by an administrator, read by every generated text.

use crate::AppState;
use crate::error::WebError;
use crate::handlers::{WebResult, field, form_page_errors, lang, to_map};
use crate::session::CurrentUser;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_core::official::Issuer;

const FIELDS: [&str; 8] = [
    "doc_parent_body",
    "doc_body",
    "doc_symbol",
    "doc_place",
    "doc_signer_authority",
    "doc_signer_title",
    "doc_signer_name",
    "doc_recipients",
];

fn fields(l: crate::i18n::Lang, i: &Issuer, readonly: bool) -> Vec<crate::page::Field> {
    let values = [
        i.parent_body.clone(),
        i.body.clone(),
        i.symbol.clone(),
        i.place.clone(),
        i.signer_authority.clone(),
        i.signer_title.clone(),
        i.signer_name.clone(),
        i.recipients.join("\n"),
    ];
    FIELDS
        .iter()
        .zip(values)
        .map(|(k, v)| {
            let kind = if *k == "doc_recipients" {
                "textarea"
            } else {
                "text"
            };
            let mut f = field(l, k, kind, v);
            f.readonly = readonly;
            f.required = !matches!(
                *k,
                "doc_parent_body" | "doc_signer_authority" | "doc_recipients"
            );
            f
        })
        .collect()
}

pub async fn settings_form(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let i = st
        .app
        .document_settings()
        .await
        .map_err(|e| WebError::new(l, e))?;
    let readonly = u.actor().account.role != hoptac_core::auth::Role::Admin;
    Ok(form_page_errors(
        &st,
        &u,
        l,
        crate::i18n::t(l, "doc_settings").to_string(),
        "/settings/documents".into(),
        "/report/situation".into(),
        fields(l, &i, readonly),
        None,
    )
    .await)
}

pub async fn settings_save(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let i = Issuer {
        parent_body: get("doc_parent_body"),
        body: get("doc_body"),
        symbol: get("doc_symbol"),
        place: get("doc_place"),
        signer_authority: get("doc_signer_authority"),
        signer_title: get("doc_signer_title"),
        signer_name: get("doc_signer_name"),
        recipients: get("doc_recipients")
            .lines()
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect(),
    };
    // what a document cannot do without is named on its field; nothing is saved
    let missing = i.missing();
    if !missing.is_empty() {
        let errors = missing
            .iter()
            .map(|m| {
                (
                    format!("doc_{}", m.field),
                    match l {
                        crate::i18n::Lang::Vi => format!("Chưa nhập: {}", m.vi),
                        crate::i18n::Lang::En => format!("Missing: {}", m.en),
                    },
                )
            })
            .collect();
        return Ok(form_page_errors(
            &st,
            &u,
            l,
            crate::i18n::t(l, "doc_settings").to_string(),
            "/settings/documents".into(),
            "/report/situation".into(),
            fields(l, &i, false),
            Some(errors),
        )
        .await);
    }
    st.app
        .save_document_settings(u.actor(), &i)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(Redirect::to("/report/situation").into_response())
}
