//! The delivery form (ghi lần giao hàng): the day, the quantity and the lot delivered under
//! a linkage contract. A delivery after the term or beyond the contract's quantity is shown
//! as a warning on its field and saved only when sent again.

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    day_of, field, form_page_errors, form_page_warnings, overlong, problem_texts, to_map,
    version_field, warnings_accepted,
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

fn fields(l: Lang, v: &HashMap<String, String>) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut code = field(l, "delivery_code", "text", get("delivery_code"));
    code.required = true;
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
    vec![code, on, quantity, lot, version_field(0)]
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

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let mine = st
        .app
        .contracts(u.actor(), hoptac_app::today())
        .await
        .map_err(e)?;
    match mine.iter().find(|c| c.contract.code == code) {
        Some(c) if c.can_edit => {}
        Some(_) => {
            st.app.check_support_write(u.actor()).await.map_err(e)?;
            return Err(e(AppError::Forbidden));
        }
        None => return Err(e(AppError::not_found("contract", &code))),
    }
    let v: HashMap<String, String> = [(
        "delivery_delivered_on".to_string(),
        to_vi(hoptac_app::today()),
    )]
    .into_iter()
    .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {code}", t(l, "delivery_new")),
        format!("/trace/contracts/{}/deliveries/new", enc(&code)),
        "/trace".into(),
        fields(l, &v),
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
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let v = to_map(&pairs);
    let heading = format!("{} — {code}", t(l, "delivery_new"));
    let action = format!("/trace/contracts/{}/deliveries/new", enc(&code));
    let problems: FormProblems = match read(&code, &v) {
        Err(p) => p,
        Ok(d) => match st
            .app
            .save_delivery(u.actor(), None, d, 0, warnings_accepted(&v))
            .await
        {
            Ok((errors, warnings)) if errors.is_empty() && warnings.is_empty() => {
                return Ok(Redirect::to("/trace?saved=delivery#contracts").into_response());
            }
            Ok((errors, warnings)) if errors.is_empty() => {
                let w = warnings
                    .into_iter()
                    .map(|(f, _, m)| (form_key(f), m))
                    .collect();
                return Ok(form_page_warnings(
                    &st,
                    &u,
                    l,
                    heading,
                    action,
                    "/trace".into(),
                    fields(l, &v),
                    w,
                )
                .await);
            }
            Ok((errors, _)) => errors
                .into_iter()
                .map(|(f, v, m)| (form_key(f), v, m))
                .collect(),
            Err(AppError::Invalid { field, value, msg }) => vec![(form_key(&field), value, msg)],
            Err(err) => return Err(e(err)),
        },
    };
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading,
        action,
        "/trace".into(),
        fields(l, &v),
        Some(problem_texts(l, problems)),
    )
    .await)
}
