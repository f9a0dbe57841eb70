//! The planting-area and packing-house form (mã số vùng trồng, cơ sở đóng gói): the code as
//! issued, the cooperative that holds it, the crop, area and households, the commune as it
//! was on the day of issue, who issued it and for which market, and its status. Removal asks
//! a reason.

use super::inputs::{
    FormProblems, choice, get, optional_count, optional_day, optional_number, options, org_choices,
    writable_orgs,
};
use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    Removal, day_of, field, form_page_errors, overlong, problem_texts, select, to_map, unit_label,
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
use hoptac_core::date::to_vi;
use hoptac_core::lots::Facility;
use hoptac_core::model::Organization;
use hoptac_core::types::{AdminLevel, FacilityKind, FacilityStatus};
use std::collections::HashMap;

const ENTITY: &str = "facilities";

fn form_key(f: &str) -> String {
    match f {
        "org_code" => "facility_org".into(),
        f => format!("facility_{f}"),
    }
}

struct Choices {
    orgs: Vec<Organization>,
    /// (unit id, label) of the communes the account reads, those of before the reform
    /// included: a code is held for the commune of the day it was issued.
    communes: Vec<(String, String)>,
}

async fn choices(st: &AppState, u: &CurrentUser, l: Lang) -> Result<Choices, WebError> {
    let orgs = writable_orgs(st, u, l).await?;
    let mut units = (st.app.units_in_scope(u.actor()).await).map_err(|e| WebError::new(l, e))?;
    units.retain(|x| x.level == AdminLevel::Commune);
    units.sort_by_cached_key(|x| {
        (
            x.valid_to.is_some(),
            hoptac_core::text::fold_unit_name(&x.name),
        )
    });
    Ok(Choices {
        orgs,
        communes: units
            .iter()
            .map(|x| (x.id.0.to_string(), unit_label(l, x)))
            .collect(),
    })
}

fn fields(
    l: Lang,
    v: &HashMap<String, String>,
    c: &Choices,
    editing: bool,
    version: i64,
) -> Vec<Field> {
    let g = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut code = field(l, "facility_code", "text", g("facility_code"));
    code.required = true;
    code.readonly = editing;
    code.hint = t(l, "facility_code_hint");
    let kind = select(
        l,
        "facility_kind",
        FacilityKind::all(),
        &g("facility_kind"),
        FacilityKind::code,
        FacilityKind::label,
        false,
    );
    let mut org = field(l, "facility_org", "select", g("facility_org"));
    org.required = true;
    org.options = options(&org_choices(&c.orgs), &g("facility_org"), false);
    let mut crop = field(l, "facility_crop", "text", g("facility_crop"));
    crop.required = true;
    let mut area = field(l, "facility_area_ha", "text", g("facility_area_ha"));
    area.hint = t(l, "facility_area_hint");
    let households = field(l, "facility_households", "text", g("facility_households"));
    let mut unit = field(l, "facility_unit", "select", g("facility_unit"));
    unit.required = true;
    unit.options = options(&c.communes, &g("facility_unit"), true);
    unit.hint = t(l, "facility_unit_hint");
    let mut issued_by = field(l, "facility_issued_by", "text", g("facility_issued_by"));
    issued_by.required = true;
    let mut issued_on = field(l, "facility_issued_on", "day", g("facility_issued_on"));
    issued_on.required = true;
    issued_on.hint = t(l, "date_hint");
    let market = field(l, "facility_market", "text", g("facility_market"));
    let status = select(
        l,
        "facility_status",
        FacilityStatus::all(),
        &g("facility_status"),
        FacilityStatus::code,
        FacilityStatus::label,
        false,
    );
    let mut since = field(
        l,
        "facility_status_since",
        "day",
        g("facility_status_since"),
    );
    since.hint = t(l, "facility_status_since_hint");
    vec![
        code,
        kind,
        org,
        crop,
        area,
        households,
        unit,
        issued_by,
        issued_on,
        market,
        status,
        since,
        version_field(version),
    ]
}

fn values_of(f: &Facility) -> HashMap<String, String> {
    [
        ("facility_code", f.code.clone()),
        ("facility_kind", f.kind.code().to_string()),
        ("facility_org", f.org.to_string()),
        ("facility_crop", f.crop.clone()),
        (
            "facility_area_ha",
            f.area_ha.map(|a| a.format_vi(4, false)).unwrap_or_default(),
        ),
        (
            "facility_households",
            f.households.map(|n| n.to_string()).unwrap_or_default(),
        ),
        ("facility_unit", f.unit.0.to_string()),
        ("facility_issued_by", f.issued_by.clone()),
        ("facility_issued_on", to_vi(f.issued_on)),
        ("facility_market", f.market.clone()),
        ("facility_status", f.status.code().to_string()),
        (
            "facility_status_since",
            f.status_since.map(to_vi).unwrap_or_default(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn read(v: &HashMap<String, String>) -> Result<Facility, FormProblems> {
    let mut problems = overlong(v, 1_000, "", 0);
    if !problems.is_empty() {
        return Err(problems);
    }
    let kind = choice::<FacilityKind>(v, "facility_kind", &mut problems);
    let status = choice::<FacilityStatus>(v, "facility_status", &mut problems);
    let org = hoptac_core::OrgCode::parse(get(v, "facility_org"));
    if org.is_none() {
        problems.push((
            "facility_org".into(),
            get(v, "facility_org").to_string(),
            hoptac_core::msg!("exchange.required_value_missing"),
        ));
    }
    let unit = get(v, "facility_unit").parse::<i64>().ok();
    if unit.is_none() {
        problems.push((
            "facility_unit".into(),
            String::new(),
            hoptac_core::msg!("exchange.required_value_missing"),
        ));
    }
    let area_ha = optional_number(v, "facility_area_ha", &mut problems);
    let households = optional_count(v, "facility_households", &mut problems);
    let issued_on = day_of(v, "facility_issued_on", &mut problems);
    let status_since = optional_day(v, "facility_status_since", &mut problems);
    match (kind, status, org, unit, issued_on) {
        (Some(kind), Some(status), Some(org), Some(unit), Some(issued_on))
            if problems.is_empty() =>
        {
            Ok(Facility {
                code: get(v, "facility_code").to_string(),
                kind,
                org,
                crop: get(v, "facility_crop").to_string(),
                area_ha,
                households,
                unit: hoptac_core::UnitId(unit),
                issued_by: get(v, "facility_issued_by").to_string(),
                issued_on,
                market: get(v, "facility_market").to_string(),
                status,
                status_since,
            })
        }
        _ => Err(problems),
    }
}

fn paths(original: &Option<String>) -> (String, String) {
    match original {
        None => ("/trace/areas/new".into(), "/trace#areas".into()),
        Some(c) => (
            format!("/trace/areas/{}/edit", enc(c)),
            "/trace#areas".into(),
        ),
    }
}

fn heading(l: Lang, original: &Option<String>) -> String {
    match original {
        None => t(l, "facility_new").to_string(),
        Some(c) => format!("{} — {c}", t(l, "facility_edit")),
    }
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let c = choices(&st, &u, l).await?;
    let mut v: HashMap<String, String> = [
        (
            "facility_kind",
            FacilityKind::PlantingArea.code().to_string(),
        ),
        ("facility_status", FacilityStatus::Valid.code().to_string()),
        ("facility_issued_on", to_vi(hoptac_app::today())),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    if let [only] = c.orgs.as_slice() {
        v.insert("facility_org".into(), only.code.to_string());
        let today = hoptac_app::today();
        if let Some(u) =
            (st.app.commune_on(&only.code, today).await).map_err(|e| WebError::new(l, e))?
        {
            v.insert("facility_unit".into(), u.0.to_string());
        }
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

/// The facility `code` the account writes, with its version: refused (audited) otherwise.
async fn writable(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
) -> Result<(Facility, i64), WebError> {
    let e = |err| WebError::new(l, err);
    let found = (st.app.facilities(u.actor()).await.map_err(e)?.into_iter())
        .map(|(f, _)| f)
        .find(|f| f.code == code);
    let Some(f) = found else {
        return Err(e(AppError::not_found("facility", code)));
    };
    let orgs = writable_orgs(st, u, l).await?;
    if !orgs.iter().any(|o| o.code == f.org) {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let version = st.app.row_version(ENTITY, code).await.map_err(e)?;
    Ok((f, version))
}

pub(crate) async fn edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let (f, version) = writable(&st, &u, l, &code).await?;
    let c = choices(&st, &u, l).await?;
    let original = Some(code);
    let (action, back) = paths(&original);
    let fs = fields(l, &values_of(&f), &c, true, version);
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
        v.insert("facility_code".into(), code.clone());
    }
    let version = version_of(&v);
    let c = choices(&st, &u, l).await?;
    let problems: FormProblems = match read(&v) {
        Err(p) => p,
        Ok(f) => match (st.app)
            .save_facility(u.actor(), original.as_deref(), f, version)
            .await
        {
            Ok(p) if p.is_empty() => {
                return Ok(Redirect::to("/trace?saved=area#areas").into_response());
            }
            Ok(p) => p.into_iter().map(|(f, v, m)| (form_key(f), v, m)).collect(),
            Err(AppError::Invalid { field, value, msg }) => vec![(form_key(&field), value, msg)],
            Err(err) => return Err(WebError::new(l, err)),
        },
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
        heading: format!("{} — {code}", t(l, "facility_remove")),
        action: format!("/trace/areas/{}/remove", enc(code)),
        back: "/trace#areas".into(),
        done: "/trace?saved=removed#areas",
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
        .remove_facility(u.actor(), &code, &reason, version)
        .await;
    (removal(l, &code))
        .outcome(&st, &u, l, &reason, version, result)
        .await
}
