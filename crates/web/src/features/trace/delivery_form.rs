//! The delivery form (ghi lần giao hàng): the day, the quantity and the lot delivered under
//! a linkage contract. A delivery after the term or beyond the contract's quantity is shown
//! as a warning on its field and saved only when sent again.

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    Removal, day_of, field, form_page_errors, form_page_warnings, overlong, problem_texts, to_map,
    version_field, version_of, warnings_accepted,
};
use crate::http::i18n::{Lang, t};
use crate::http::layout::Field;
use crate::http::request::{Path, WebResult, lang};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::chain::Delivery;
use hoptac_core::date::to_vi;
use hoptac_core::i18n::Msg;
use std::collections::HashMap;

type FormProblems = Vec<(String, String, Msg)>;

fn fields(l: Lang, v: &HashMap<String, String>, editing: bool, version: i64) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut code = field(l, "delivery_code", "text", get("delivery_code"));
    code.required = true;
    code.readonly = editing;
    code.hint = t(l, "record_code_hint");
    let mut on = field(
        l,
        "delivery_delivered_on",
        "day",
        get("delivery_delivered_on"),
    );
    on.required = true;
    on.hint = t(l, "date_hint");
    let mut quantity = field(l, "delivery_quantity", "text", get("delivery_quantity"));
    quantity.required = true;
    let lot = field(l, "delivery_lot", "text", get("delivery_lot"));
    vec![code, on, quantity, lot, version_field(version)]
}

fn values_of(d: &Delivery) -> HashMap<String, String> {
    [
        ("delivery_code", d.code.clone()),
        ("delivery_delivered_on", to_vi(d.delivered_on)),
        ("delivery_quantity", d.quantity.format_vi(3, false)),
        ("delivery_lot", d.lot.clone().unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn read(contract: &str, v: &HashMap<String, String>) -> Result<Delivery, FormProblems> {
    let mut problems = overlong(v, 1_000, "", 0);
    if !problems.is_empty() {
        return Err(problems);
    }
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or_default();
    let on = day_of(v, "delivery_delivered_on", &mut problems);
    let quantity = hoptac_core::parse::parse_number(get("delivery_quantity")).map(|n| n.value);
    if quantity.is_none() {
        let s = get("delivery_quantity");
        problems.push((
            "delivery_quantity".into(),
            s.to_string(),
            hoptac_core::msg!("web.number_expected", s = s),
        ));
    }
    match (on, quantity) {
        (Some(delivered_on), Some(quantity)) if problems.is_empty() => Ok(Delivery {
            code: get("delivery_code").to_string(),
            contract: contract.to_string(),
            delivered_on,
            quantity,
            lot: Some(get("delivery_lot").to_string()).filter(|x| !x.is_empty()),
        }),
        _ => Err(problems),
    }
}

fn form_key(f: &str) -> String {
    format!("delivery_{f}")
}

/// The contract as the account reads it, refused (audited) unless it writes every party.
async fn writable(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
) -> Result<hoptac_app::contracts::ContractView, WebError> {
    let e = |err| WebError::new(l, err);
    let v = (st.app.contract(u.actor(), code, hoptac_app::today()).await).map_err(e)?;
    if !v.can_edit {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    Ok(v)
}

/// Where the form posts and where it goes back to, and its heading.
fn paths(l: Lang, code: &str, original: &Option<String>) -> (String, String, String) {
    let base = format!("/trace/contracts/{}", enc(code));
    match original {
        None => (
            format!("{base}/deliveries/new"),
            base,
            format!("{} — {code}", t(l, "delivery_new")),
        ),
        Some(d) => (
            format!("{base}/deliveries/{}/edit", enc(d)),
            base,
            format!("{} — {d}", t(l, "delivery_edit")),
        ),
    }
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    writable(&st, &u, l, &code).await?;
    let v: HashMap<String, String> = [(
        "delivery_delivered_on".to_string(),
        to_vi(hoptac_app::today()),
    )]
    .into_iter()
    .collect();
    let (action, back, heading) = paths(l, &code, &None);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading,
        action,
        back,
        fields(l, &v, false, 0),
        None,
    )
    .await)
}

pub(crate) async fn create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(st, h, u, code, None, pairs).await
}

/// The delivery `delivery` of contract `code` the account writes, with its version.
async fn writable_delivery(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
    delivery: &str,
) -> Result<(Delivery, i64), WebError> {
    let v = writable(st, u, l, code).await?;
    let Some(d) = v.deliveries.into_iter().find(|d| d.code == delivery) else {
        return Err(WebError::new(l, AppError::not_found("delivery", delivery)));
    };
    let version =
        (st.app.row_version("deliveries", delivery).await).map_err(|e| WebError::new(l, e))?;
    Ok((d, version))
}

pub(crate) async fn edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, delivery)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let (d, version) = writable_delivery(&st, &u, l, &code, &delivery).await?;
    let (action, back, heading) = paths(l, &code, &Some(delivery));
    let fs = fields(l, &values_of(&d), true, version);
    Ok(form_page_errors(&st, &u, l, heading, action, back, fs, None).await)
}

pub(crate) async fn update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, delivery)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(st, h, u, code, Some(delivery), pairs).await
}

async fn save(
    st: AppState,
    h: HeaderMap,
    u: CurrentUser,
    code: String,
    original: Option<String>,
    pairs: Vec<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let mut v = to_map(&pairs);
    if let Some(d) = &original {
        v.insert("delivery_code".into(), d.clone());
    }
    let version = version_of(&v);
    let editing = original.is_some();
    let (action, back, heading) = paths(l, &code, &original);
    let problems: FormProblems = match read(&code, &v) {
        Err(p) => p,
        Ok(d) => match st
            .app
            .save_delivery(
                u.actor(),
                original.as_deref(),
                d,
                version,
                warnings_accepted(&v),
            )
            .await
        {
            Ok((errors, warnings)) if errors.is_empty() && warnings.is_empty() => {
                let to = format!("{back}?saved=delivery");
                return Ok(Redirect::to(&to).into_response());
            }
            Ok((errors, warnings)) if errors.is_empty() => {
                let w = warnings
                    .into_iter()
                    .map(|(f, _, m)| (form_key(f), m))
                    .collect();
                let fs = fields(l, &v, editing, version);
                return Ok(form_page_warnings(&st, &u, l, heading, action, back, fs, w).await);
            }
            Ok((errors, _)) => errors
                .into_iter()
                .map(|(f, v, m)| (form_key(f), v, m))
                .collect(),
            Err(AppError::Invalid { field, value, msg }) => vec![(form_key(&field), value, msg)],
            Err(err) => return Err(e(err)),
        },
    };
    let fs = fields(l, &v, editing, version);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading,
        action,
        back,
        fs,
        Some(problem_texts(l, problems)),
    )
    .await)
}

fn removal(l: Lang, code: &str, delivery: &str) -> Removal {
    let base = format!("/trace/contracts/{}", enc(code));
    Removal {
        heading: format!("{} — {delivery}", t(l, "delivery_remove")),
        action: format!("{base}/deliveries/{}/remove", enc(delivery)),
        back: base,
        done: "/trace?saved=removed#contracts",
    }
}

pub(crate) async fn remove_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, delivery)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let (_, version) = writable_delivery(&st, &u, l, &code, &delivery).await?;
    let r = removal(l, &code, &delivery);
    Ok(r.page(&st, &u, l, "", version, None).await)
}

pub(crate) async fn remove(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, delivery)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let reason = v.get("reason").cloned().unwrap_or_default();
    let version = version_of(&v);
    let result = (st.app)
        .remove_delivery(u.actor(), &delivery, &reason, version)
        .await;
    (removal(l, &code, &delivery))
        .outcome(&st, &u, l, &reason, version, result)
        .await
}
