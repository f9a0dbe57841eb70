//! The lot form (ghi lô hàng): a cooperative's product with a GTIN, the batch number as it
//! is printed, the quantity and its unit, the day harvested or produced, where it came from.

use super::inputs::options;
use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    day_of, field, form_page_errors, overlong, problem_texts, select, to_map, version_field,
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
use hoptac_core::date::to_vi;
use hoptac_core::lots::Lot;
use hoptac_core::types::LotUnit;
use std::collections::HashMap;

use super::inputs::FormProblems;

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

fn fields(
    l: Lang,
    v: &HashMap<String, String>,
    products: &[(String, String)],
    places: &[(String, String)],
    editing: bool,
    version: i64,
) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut product = field(l, "lot_product", "select", get("lot_product"));
    product.required = true;
    product.options = options(products, &get("lot_product"), false);
    product.readonly = editing;
    let mut lot = field(l, "lot_lot", "text", get("lot_lot"));
    lot.required = true;
    lot.readonly = editing;
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
    vec![
        product,
        lot,
        quantity,
        unit,
        on,
        facility,
        version_field(version),
    ]
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
        fields(l, &v, &products, &places, false, 0),
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
    save(st, h, u, None, pairs).await
}

fn values_of(x: &Lot) -> HashMap<String, String> {
    [
        ("lot_product", x.product.clone()),
        ("lot_lot", x.lot.clone()),
        ("lot_quantity", x.quantity.format_vi(3, false)),
        ("lot_unit", x.unit.code().to_string()),
        ("lot_produced_on", to_vi(x.produced_on)),
        ("lot_facility", x.facility.clone().unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The lot the account writes, with its version: refused (audited) otherwise.
async fn writable(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    product: &str,
    lot: &str,
) -> Result<(Lot, i64), WebError> {
    let e = |err| WebError::new(l, err);
    let v = st.app.lot(u.actor(), product, lot).await.map_err(e)?;
    if !v.can_edit {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let key = hoptac_app::trace::lot_key(product, lot);
    let version = st.app.row_version("lots", &key).await.map_err(e)?;
    Ok((v.lot, version))
}

fn lot_path(product: &str, lot: &str) -> String {
    format!("/trace/lots/{}/{}", enc(product), enc(lot))
}

pub(crate) async fn edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((product, lot)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let (x, version) = writable(&st, &u, l, &product, &lot).await?;
    let (products, places) = choices(&st, &u, l).await?;
    let fs = fields(l, &values_of(&x), &products, &places, true, version);
    let back = lot_path(&product, &lot);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {lot}", t(l, "lot_edit")),
        format!("{back}/edit"),
        back,
        fs,
        None,
    )
    .await)
}

pub(crate) async fn update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((product, lot)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(st, h, u, Some((product, lot)), pairs).await
}

async fn save(
    st: AppState,
    h: HeaderMap,
    u: CurrentUser,
    original: Option<(String, String)>,
    pairs: Vec<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let mut v = to_map(&pairs);
    if let Some((p, x)) = &original {
        v.insert("lot_product".into(), p.clone());
        v.insert("lot_lot".into(), x.clone());
    }
    let version = crate::http::forms::version_of(&v);
    let (products, places) = choices(&st, &u, l).await?;
    let problems: FormProblems = match read(&v) {
        Err(p) => p,
        Ok(lot) => {
            let to = lot_path(&lot.product, &lot.lot);
            let o = original.as_ref().map(|(p, x)| (p.as_str(), x.as_str()));
            match st.app.save_lot(u.actor(), o, lot, version).await {
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
    let (heading, action, back) = match &original {
        None => (
            t(l, "lot_new").to_string(),
            "/trace/lots/new".to_string(),
            "/trace".to_string(),
        ),
        Some((p, x)) => (
            format!("{} — {x}", t(l, "lot_edit")),
            format!("{}/edit", lot_path(p, x)),
            lot_path(p, x),
        ),
    };
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading,
        action,
        back,
        fields(l, &v, &products, &places, original.is_some(), version),
        Some(problem_texts(l, problems)),
    )
    .await)
}

fn removal(l: Lang, product: &str, lot: &str) -> crate::http::forms::Removal {
    let back = lot_path(product, lot);
    crate::http::forms::Removal {
        heading: format!("{} — {lot}", t(l, "lot_remove")),
        action: format!("{back}/remove"),
        back,
        done: "/trace?saved=removed#lots",
    }
}

pub(crate) async fn remove_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((product, lot)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let (_, version) = writable(&st, &u, l, &product, &lot).await?;
    let r = removal(l, &product, &lot);
    Ok(r.page(&st, &u, l, "", version, None).await)
}

pub(crate) async fn remove(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((product, lot)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let reason = v.get("reason").cloned().unwrap_or_default();
    let version = crate::http::forms::version_of(&v);
    let result = (st.app)
        .remove_lot(u.actor(), &product, &lot, &reason, version)
        .await;
    (removal(l, &product, &lot))
        .outcome(&st, &u, l, &reason, version, result)
        .await
}
