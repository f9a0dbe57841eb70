//! Who issues and signs the installation's documents (thông tin cơ quan ban hành): one form,
//! saved by an administrator, read by every generated text.

use crate::http::error::WebError;
use crate::http::forms::field;
use crate::http::forms::form_page_errors;
use crate::http::forms::to_map;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_core::official::Issuer;

/// The form's fields, in the order of `Issuer::FIELDS` (`doc_` + the setting's name, which
/// is also its label key).
pub(crate) const FIELDS: [&str; 8] = [
    "doc_parent_body",
    "doc_body",
    "doc_symbol",
    "doc_place",
    "doc_signer_authority",
    "doc_signer_title",
    "doc_signer_name",
    "doc_recipients",
];

pub(crate) fn fields(
    l: crate::http::i18n::Lang,
    i: &Issuer,
    readonly: bool,
) -> Vec<crate::http::layout::Field> {
    FIELDS
        .iter()
        .zip(i.values())
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

pub(crate) async fn settings_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
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
        crate::http::i18n::t(l, "doc_settings").to_string(),
        "/settings/documents".into(),
        "/report/situation".into(),
        fields(l, &i, readonly),
        None,
    )
    .await)
}

pub(crate) async fn settings_save(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    // who may is checked before what was sent is looked at
    st.app
        .authorize_settings(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let v = to_map(&pairs);
    let i = Issuer::from_values(|k| v.get(&format!("doc_{k}")).cloned().unwrap_or_default());
    // what a document cannot do without is named on its field; nothing is saved
    let missing = i.missing();
    if !missing.is_empty() {
        let errors = missing
            .iter()
            .map(|m| {
                (
                    format!("doc_{}", m.field),
                    hoptac_core::msg!(
                        "web.missing_setting",
                        setting = hoptac_core::i18n::Arg::both(m.vi, m.en)
                    )
                    .render(l),
                )
            })
            .collect();
        return Ok(form_page_errors(
            &st,
            &u,
            l,
            crate::http::i18n::t(l, "doc_settings").to_string(),
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_form_fields_follow_the_settings() {
        for (f, k) in super::FIELDS
            .iter()
            .zip(hoptac_core::official::Issuer::FIELDS)
        {
            assert_eq!(*f, format!("doc_{k}"));
        }
    }
}
