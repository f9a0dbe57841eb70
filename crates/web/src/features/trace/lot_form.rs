//! The lot form (ghi lô hàng): a cooperative's product with a GTIN, the batch number as it
//! is printed, the quantity and its unit, the day harvested or produced, where it came from.

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    day_of, field, form_page_errors, overlong, problem_texts, select, to_map, version_field,
};
use crate::http::i18n::{Lang, t};
use crate::http::layout::{Field, Opt};
use crate::http::request::{WebResult, lang};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::date::to_vi;
use hoptac_core::i18n::Msg;
use hoptac_core::lots::Lot;
use hoptac_core::types::LotUnit;
use std::collections::HashMap;

type FormProblems = Vec<(String, String, Msg)>;

/// (code, label) of the products with a GTIN the account writes, and of the places it reads.
async fn choices(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), WebError> {
    let e = |err| WebError::new(l, err);
    let products = (st
        .app
        .products(u.actor(), hoptac_app::today())
        .await
        .map_err(e)?
        .into_iter())
    .filter(|v| v.can_edit && v.product.gtin.is_some())
    .map(|v| {
        (
            v.product.code.clone(),
            format!("{} ({})", v.product.name, v.org_name),
        )
    })
    .collect();
    let places = (st.app.facilities(u.actor()).await.map_err(e)?.into_iter())
        .map(|(f, org)| (f.code.clone(), format!("{} — {org}", f.code)))
        .collect();
    Ok((products, places))
}

fn options(all: &[(String, String)], value: &str, empty: bool) -> Vec<Opt> {
    let mut out = Vec::new();
    if empty {
        out.push(Opt {
            value: String::new(),
            label: "—".into(),
            selected: value.is_empty(),
        });
    }
    out.extend(all.iter().map(|(code, label)| Opt {
        value: code.clone(),
        label: label.clone(),
        selected: code == value,
    }));
    out
}

fn fields(
    l: Lang,
    v: &HashMap<String, String>,
    products: &[(String, String)],
    places: &[(String, String)],
) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut product = field(l, "lot_product", "select", get("lot_product"));
    product.required = true;
    product.options = options(products, &get("lot_product"), false);
    let mut lot = field(l, "lot_lot", "text", get("lot_lot"));
    lot.required = true;
    lot.hint = t(l, "lot_lot_hint");
    let mut quantity = field(l, "lot_quantity", "text", get("lot_quantity"));
    quantity.required = true;
    let mut unit = select(
        l,
        "lot_unit",
        LotUnit::all(),
        &get("lot_unit"),
        LotUnit::code,
        LotUnit::label,
        false,
    );
    unit.required = true;
    let mut on = field(l, "lot_produced_on", "day", get("lot_produced_on"));
    on.required = true;
    on.hint = t(l, "date_hint");
    let mut facility = field(l, "lot_facility", "select", get("lot_facility"));
    facility.options = options(places, &get("lot_facility"), true);
    vec![product, lot, quantity, unit, on, facility, version_field(0)]
}

fn read(v: &HashMap<String, String>) -> Result<Lot, FormProblems> {
    let mut problems = overlong(v, 1_000, "", 0);
    if !problems.is_empty() {
        return Err(problems);
    }
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or_default();
    let on = day_of(v, "lot_produced_on", &mut problems);
    let quantity = hoptac_core::parse::parse_number(get("lot_quantity")).map(|n| n.value);
    if quantity.is_none() {
        let s = get("lot_quantity");
        problems.push((
            "lot_quantity".into(),
            s.to_string(),
            hoptac_core::msg!("web.number_expected", s = s),
        ));
    }
    let unit = LotUnit::parse(get("lot_unit"));
    if unit.is_none() {
        problems.push((
            "lot_unit".into(),
            get("lot_unit").to_string(),
            hoptac_core::msg!("exchange.required_value_missing"),
        ));
    }
    match (on, quantity, unit) {
        (Some(produced_on), Some(quantity), Some(unit)) if problems.is_empty() => Ok(Lot {
            product: get("lot_product").to_string(),
            lot: get("lot_lot").to_string(),
            quantity,
            unit,
            produced_on,
            facility: Some(get("lot_facility").to_string()).filter(|x| !x.is_empty()),
        }),
        _ => Err(problems),
    }
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let (products, places) = choices(&st, &u, l).await?;
    if products.is_empty() {
        st.app
            .check_support_write(u.actor())
            .await
            .map_err(|e| WebError::new(l, e))?;
        return Err(WebError::new(l, AppError::Forbidden));
    }
    let v: HashMap<String, String> = [
        ("lot_produced_on".to_string(), to_vi(hoptac_app::today())),
        ("lot_unit".to_string(), LotUnit::Kgm.code().to_string()),
    ]
    .into_iter()
    .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "lot_new").to_string(),
        "/trace/lots/new".into(),
        "/trace".into(),
        fields(l, &v, &products, &places),
        None,
    )
    .await)
}

pub(crate) async fn create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let v = to_map(&pairs);
    let (products, places) = choices(&st, &u, l).await?;
    let problems: FormProblems = match read(&v) {
        Err(p) => p,
        Ok(lot) => {
            let to = format!("/trace/lots/{}/{}", enc(&lot.product), enc(&lot.lot));
            match st.app.save_lot(u.actor(), None, lot, 0).await {
                Ok(p) if p.is_empty() => return Ok(Redirect::to(&to).into_response()),
                Ok(p) => p
                    .into_iter()
                    .map(|(f, v, m)| (format!("lot_{f}"), v, m))
                    .collect(),
                Err(AppError::Invalid { field, value, msg }) => {
                    vec![(format!("lot_{field}"), value, msg)]
                }
                Err(err) => return Err(e(err)),
            }
        }
    };
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "lot_new").to_string(),
        "/trace/lots/new".into(),
        "/trace".into(),
        fields(l, &v, &products, &places),
        Some(problem_texts(l, problems)),
    )
    .await)
}
