//! The linkage contract form (hợp đồng liên kết, NĐ 98/2018/NĐ-CP): the cooperatives party
//! to it (the lead first), the enterprise and its tax code, the form of linkage, the goods,
//! quantity, area and households, the price or how it is set, the term, and the delivery
//! schedule, one installment a line. Removal asks a reason.

use super::inputs::{
    FormProblems, choice, get, number, optional_count, optional_day, optional_number, options,
    org_choices, writable_orgs,
};
use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    Removal, day_of, field, form_page_errors, overlong, problem_texts, select, to_map,
    version_field, version_of,
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
use hoptac_core::chain::{Contract, Installment};
use hoptac_core::date::to_vi;
use hoptac_core::model::Organization;
use hoptac_core::types::{LinkageForm, LotUnit};
use std::collections::HashMap;

const ENTITY: &str = "contracts";

fn form_key(f: &str) -> String {
    match f {
        "orgs" => "contract_lead".into(),
        f => format!("contract_{f}"),
    }
}

struct Choices {
    orgs: Vec<Organization>,
    products: Vec<(String, String)>,
}

async fn choices(st: &AppState, u: &CurrentUser, l: Lang) -> Result<Choices, WebError> {
    let orgs = writable_orgs(st, u, l).await?;
    let products = (st.app.products(u.actor(), hoptac_app::today()).await)
        .map_err(|e| WebError::new(l, e))?
        .into_iter()
        .filter(|v| v.can_edit)
        .map(|v| {
            (
                v.product.code.clone(),
                format!("{} ({})", v.product.name, v.org_name),
            )
        })
        .collect();
    Ok(Choices { orgs, products })
}

fn fields(
    l: Lang,
    v: &HashMap<String, String>,
    c: &Choices,
    editing: bool,
    version: i64,
) -> Vec<Field> {
    let g = |k: &str| v.get(k).cloned().unwrap_or_default();
    let text = |key: &'static str, required: bool| {
        let mut f = field(l, key, "text", g(key));
        f.required = required;
        f
    };
    let day = |key: &'static str, required: bool| {
        let mut f = field(l, key, "day", g(key));
        f.required = required;
        f.hint = t(l, "date_hint");
        f
    };
    let mut code = text("contract_code", true);
    code.readonly = editing;
    code.hint = t(l, "record_code_hint");
    let mut lead = field(l, "contract_lead", "select", g("contract_lead"));
    lead.required = true;
    lead.options = options(&org_choices(&c.orgs), &g("contract_lead"), false);
    let mut others = text("contract_others", false);
    others.hint = t(l, "contract_others_hint");
    let mut tax = text("contract_partner_tax_code", true);
    tax.hint = t(l, "contract_tax_code_hint");
    let form = select(
        l,
        "contract_form",
        LinkageForm::all(),
        &g("contract_form"),
        LinkageForm::code,
        LinkageForm::label,
        false,
    );
    let mut product = field(l, "contract_product", "select", g("contract_product"));
    product.options = options(&c.products, &g("contract_product"), true);
    let unit = select(
        l,
        "contract_unit",
        LotUnit::all(),
        &g("contract_unit"),
        LotUnit::code,
        LotUnit::label,
        false,
    );
    let mut price = text("contract_price", true);
    price.hint = t(l, "contract_price_hint");
    let mut ended = day("contract_ended_on", false);
    ended.hint = t(l, "contract_ended_hint");
    let mut schedule = field(l, "contract_schedule", "textarea", g("contract_schedule"));
    schedule.hint = t(l, "contract_schedule_hint");
    vec![
        code,
        lead,
        others,
        text("contract_partner", true),
        tax,
        form,
        text("contract_goods", true),
        product,
        text("contract_quantity", true),
        unit,
        text("contract_area_ha", false),
        text("contract_households", false),
        price,
        day("contract_signed_on", true),
        day("contract_starts_on", true),
        day("contract_ends_on", true),
        ended,
        schedule,
        version_field(version),
    ]
}

fn values_of(c: &Contract) -> HashMap<String, String> {
    let qty = |f: hoptac_core::Fixed| f.format_vi(3, false);
    [
        ("contract_code", c.code.clone()),
        (
            "contract_lead",
            c.orgs.first().map(|o| o.to_string()).unwrap_or_default(),
        ),
        (
            "contract_others",
            (c.orgs.iter().skip(1).map(|o| o.to_string()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("contract_partner", c.partner.clone()),
        ("contract_partner_tax_code", c.partner_tax_code.clone()),
        ("contract_form", c.form.code().to_string()),
        ("contract_goods", c.goods.clone()),
        ("contract_product", c.product.clone().unwrap_or_default()),
        ("contract_quantity", qty(c.quantity)),
        ("contract_unit", c.unit.code().to_string()),
        (
            "contract_area_ha",
            c.area_ha.map(|a| a.format_vi(4, false)).unwrap_or_default(),
        ),
        (
            "contract_households",
            c.households.map(|n| n.to_string()).unwrap_or_default(),
        ),
        ("contract_price", c.price.clone()),
        ("contract_signed_on", to_vi(c.signed_on)),
        ("contract_starts_on", to_vi(c.starts_on)),
        ("contract_ends_on", to_vi(c.ends_on)),
        (
            "contract_ended_on",
            c.ended_on.map(to_vi).unwrap_or_default(),
        ),
        (
            "contract_schedule",
            (c.schedule.iter())
                .map(|i| format!("{}; {}", to_vi(i.due), qty(i.quantity)))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The installments of the schedule, one a line: the day due and the quantity.
fn schedule(v: &HashMap<String, String>, problems: &mut FormProblems) -> Vec<Installment> {
    let key = "contract_schedule";
    let mut out = Vec::new();
    for line in get(v, key).lines().map(str::trim).filter(|x| !x.is_empty()) {
        let (day, qty) = line.split_once([';', '\t']).unwrap_or((line, ""));
        let due = hoptac_core::date::parse(day.trim()).filter(|_| day.trim().len() > 4);
        let quantity = hoptac_core::parse::parse_number(qty.trim()).map(|n| n.value);
        match (due, quantity) {
            (Some(due), Some(quantity)) => out.push(Installment { due, quantity }),
            _ => problems.push((
                key.into(),
                line.to_string(),
                hoptac_core::msg!("linkage.installment_unreadable", line = line),
            )),
        }
    }
    out
}

fn read(v: &HashMap<String, String>) -> Result<Contract, FormProblems> {
    let mut problems = overlong(v, 1_000, "contract_schedule", 20_000);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut orgs = Vec::new();
    let lead = get(v, "contract_lead");
    let others = get(v, "contract_others");
    for code in std::iter::once(lead).chain(others.split([',', ';', ' ', '\n'])) {
        let code = code.trim();
        if code.is_empty() {
            continue;
        }
        match hoptac_core::OrgCode::parse(code) {
            Some(o) if !orgs.contains(&o) => orgs.push(o),
            Some(_) => {}
            None => problems.push((
                "contract_others".into(),
                code.to_string(),
                hoptac_core::msg!("import.no_such_organisation", code = code),
            )),
        }
    }
    let form = choice::<LinkageForm>(v, "contract_form", &mut problems);
    let unit = choice::<LotUnit>(v, "contract_unit", &mut problems);
    let quantity = number(v, "contract_quantity", &mut problems);
    let area_ha = optional_number(v, "contract_area_ha", &mut problems);
    let households = optional_count(v, "contract_households", &mut problems);
    let signed = day_of(v, "contract_signed_on", &mut problems);
    let starts = day_of(v, "contract_starts_on", &mut problems);
    let ends = day_of(v, "contract_ends_on", &mut problems);
    let ended_on = optional_day(v, "contract_ended_on", &mut problems);
    let schedule = schedule(v, &mut problems);
    match (form, unit, quantity, signed, starts, ends) {
        (
            Some(form),
            Some(unit),
            Some(quantity),
            Some(signed_on),
            Some(starts_on),
            Some(ends_on),
        ) if problems.is_empty() => Ok(Contract {
            code: get(v, "contract_code").to_string(),
            orgs,
            partner: get(v, "contract_partner").to_string(),
            partner_tax_code: get(v, "contract_partner_tax_code").to_string(),
            form,
            goods: get(v, "contract_goods").to_string(),
            product: Some(get(v, "contract_product").to_string()).filter(|x| !x.is_empty()),
            quantity,
            unit,
            area_ha,
            households,
            price: get(v, "contract_price").to_string(),
            signed_on,
            starts_on,
            ends_on,
            ended_on,
            schedule,
        }),
        _ => Err(problems),
    }
}

fn paths(original: &Option<String>) -> (String, String) {
    match original {
        None => ("/trace/contracts/new".into(), "/trace#contracts".into()),
        Some(c) => (
            format!("/trace/contracts/{}/edit", enc(c)),
            format!("/trace/contracts/{}", enc(c)),
        ),
    }
}

fn heading(l: Lang, original: &Option<String>) -> String {
    match original {
        None => t(l, "contract_new").to_string(),
        Some(c) => format!("{} — {c}", t(l, "contract_edit")),
    }
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let c = choices(&st, &u, l).await?;
    let today = to_vi(hoptac_app::today());
    let mut v: HashMap<String, String> = [
        (
            "contract_form",
            LinkageForm::ProductionSale.code().to_string(),
        ),
        ("contract_unit", LotUnit::Tne.code().to_string()),
        ("contract_signed_on", today.clone()),
        ("contract_starts_on", today),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    if let [only] = c.orgs.as_slice() {
        v.insert("contract_lead".into(), only.code.to_string());
    }
    let (action, back) = paths(&None);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading(l, &None),
        action,
        back,
        fields(l, &v, &c, false, 0),
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

/// The contract `code` the account writes every party of, with its version: refused
/// (audited) otherwise.
async fn writable(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
) -> Result<(Contract, i64), WebError> {
    let e = |err| WebError::new(l, err);
    let v = (st.app.contract(u.actor(), code, hoptac_app::today()).await).map_err(e)?;
    if !v.can_edit {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let version = st.app.row_version(ENTITY, code).await.map_err(e)?;
    Ok((v.contract, version))
}

pub(crate) async fn edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let (k, version) = writable(&st, &u, l, &code).await?;
    let c = choices(&st, &u, l).await?;
    let original = Some(code);
    let (action, back) = paths(&original);
    let fs = fields(l, &values_of(&k), &c, true, version);
    Ok(form_page_errors(&st, &u, l, heading(l, &original), action, back, fs, None).await)
}

pub(crate) async fn update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(st, h, u, Some(code), pairs).await
}

async fn save(
    st: AppState,
    h: HeaderMap,
    u: CurrentUser,
    original: Option<String>,
    pairs: Vec<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let mut v = to_map(&pairs);
    if let Some(code) = &original {
        v.insert("contract_code".into(), code.clone());
    }
    let version = version_of(&v);
    let c = choices(&st, &u, l).await?;
    let problems: FormProblems = match read(&v) {
        Err(p) => p,
        Ok(k) => {
            let to = format!("/trace/contracts/{}?saved=contract", enc(k.code.trim()));
            match (st.app)
                .save_contract(u.actor(), original.as_deref(), k, version)
                .await
            {
                Ok(p) if p.is_empty() => return Ok(Redirect::to(&to).into_response()),
                Ok(p) => p.into_iter().map(|(f, v, m)| (form_key(f), v, m)).collect(),
                Err(AppError::Invalid { field, value, msg }) => {
                    vec![(form_key(&field), value, msg)]
                }
                Err(err) => return Err(WebError::new(l, err)),
            }
        }
    };
    let (action, back) = paths(&original);
    let fs = fields(l, &v, &c, original.is_some(), version);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading(l, &original),
        action,
        back,
        fs,
        Some(problem_texts(l, problems)),
    )
    .await)
}

fn removal(l: Lang, code: &str) -> Removal {
    Removal {
        heading: format!("{} — {code}", t(l, "contract_remove")),
        action: format!("/trace/contracts/{}/remove", enc(code)),
        back: format!("/trace/contracts/{}", enc(code)),
        done: "/trace?saved=removed#contracts",
    }
}

pub(crate) async fn remove_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let (_, version) = writable(&st, &u, l, &code).await?;
    Ok(removal(l, &code).page(&st, &u, l, "", version, None).await)
}

pub(crate) async fn remove(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let reason = v.get("reason").cloned().unwrap_or_default();
    let version = version_of(&v);
    let result = (st.app)
        .remove_contract(u.actor(), &code, &reason, version)
        .await;
    (removal(l, &code))
        .outcome(&st, &u, l, &reason, version, result)
        .await
}
