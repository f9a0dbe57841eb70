//! The linkage project form (dự án, kế hoạch liên kết, NĐ 98/2018/NĐ-CP): what the approving
//! decision names (who leads it, the cooperatives taking part, the contracts it rests on,
//! area, households, total investment and the support approved, the authority, the decision
//! and its day, the term). Kept by the commune and the offices above; removal asks a reason.

use super::inputs::{FormProblems, get, optional_count, optional_number};
use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    Removal, day_of, field, form_page_errors, overlong, problem_texts, to_map, version_field,
    version_of,
};
use crate::http::i18n::{Lang, t};
use crate::http::layout::{Field, Opt};
use crate::http::request::{Path, WebResult, lang};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_app::support::parse_amount;
use hoptac_core::chain::LinkageProject;
use hoptac_core::date::to_vi;
use std::collections::HashMap;

const ENTITY: &str = "linkage_projects";

fn form_key(f: &str) -> String {
    format!("project_{f}")
}

/// The cooperatives the account keeps and the contracts it reads, as (code, label).
struct Choices {
    orgs: Vec<(String, String)>,
    contracts: Vec<(String, String)>,
}

async fn choices(st: &AppState, u: &CurrentUser, l: Lang) -> Result<Choices, WebError> {
    let e = |err| WebError::new(l, err);
    st.app.check_project_write(u.actor()).await.map_err(e)?;
    let orgs = (st
        .app
        .support_beneficiaries(u.actor())
        .await
        .map_err(e)?
        .iter())
    .map(|o| (o.code.to_string(), format!("{} ({})", o.name, o.code)))
    .collect();
    let contracts = (st.app.contracts(u.actor(), hoptac_app::today()).await)
        .map_err(e)?
        .iter()
        .map(|v| {
            let c = &v.contract;
            (
                c.code.clone(),
                format!("{} — {} ({})", c.code, c.partner, c.goods),
            )
        })
        .collect();
    Ok(Choices { orgs, contracts })
}

/// Checkboxes of `all`, those in `chosen` (`;`-separated, as a form sends them) ticked; a
/// chosen one the account cannot pick any more is still shown, so an edit does not drop it
/// unseen.
fn ticks(l: Lang, key: &'static str, all: &[(String, String)], chosen: &str) -> Field {
    let chosen: Vec<&str> = chosen
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let mut f = field(l, key, "checkboxes", String::new());
    f.options = (all.iter())
        .map(|(code, label)| Opt {
            value: code.clone(),
            label: label.clone(),
            selected: chosen.contains(&code.as_str()),
        })
        .collect();
    for c in chosen {
        if !all.iter().any(|(code, _)| code == c) {
            f.options.push(Opt {
                value: c.to_string(),
                label: c.to_string(),
                selected: true,
            });
        }
    }
    f
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
    let day = |key: &'static str| {
        let mut f = field(l, key, "day", g(key));
        f.required = true;
        f.hint = t(l, "date_hint");
        f
    };
    let money = |key: &'static str| {
        let mut f = text(key, true);
        f.hint = t(l, "paid_amount_hint");
        f
    };
    let mut code = text("project_code", true);
    code.readonly = editing;
    code.hint = t(l, "record_code_hint");
    let mut lead = text("project_lead", true);
    lead.hint = t(l, "project_lead_hint");
    let mut decision = text("project_decision", true);
    decision.hint = t(l, "project_decision_hint");
    vec![
        code,
        text("project_name", true),
        lead,
        ticks(l, "project_orgs", &c.orgs, &g("project_orgs")),
        ticks(
            l,
            "project_contracts",
            &c.contracts,
            &g("project_contracts"),
        ),
        text("project_area_ha", false),
        text("project_households", false),
        money("project_investment_vnd"),
        money("project_support_approved_vnd"),
        text("project_approved_by", true),
        decision,
        day("project_approved_on"),
        day("project_starts_on"),
        day("project_ends_on"),
        version_field(version),
    ]
}

fn values_of(p: &LinkageProject) -> HashMap<String, String> {
    let money = |n: i64| hoptac_core::text::group_thousands(i128::from(n));
    let join = |xs: Vec<String>| xs.join(";");
    [
        ("project_code", p.code.clone()),
        ("project_name", p.name.clone()),
        ("project_lead", p.lead.clone()),
        (
            "project_orgs",
            join(p.orgs.iter().map(|o| o.to_string()).collect()),
        ),
        ("project_contracts", join(p.contracts.clone())),
        (
            "project_area_ha",
            p.area_ha.map(|a| a.format_vi(4, false)).unwrap_or_default(),
        ),
        (
            "project_households",
            p.households.map(|n| n.to_string()).unwrap_or_default(),
        ),
        ("project_investment_vnd", money(p.investment_vnd)),
        (
            "project_support_approved_vnd",
            money(p.support_approved_vnd),
        ),
        ("project_approved_by", p.approved_by.clone()),
        ("project_decision", p.decision.clone()),
        ("project_approved_on", to_vi(p.approved_on)),
        ("project_starts_on", to_vi(p.starts_on)),
        ("project_ends_on", to_vi(p.ends_on)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn amount(v: &HashMap<String, String>, key: &str, problems: &mut FormProblems) -> Option<i64> {
    match parse_amount(get(v, key)) {
        Ok(n) => Some(n),
        Err(m) => {
            problems.push((key.into(), get(v, key).to_string(), m));
            None
        }
    }
}

fn read(v: &HashMap<String, String>) -> Result<LinkageProject, FormProblems> {
    let mut problems = overlong(v, 1_000, "project_contracts", 20_000);
    if !problems.is_empty() {
        return Err(problems);
    }
    let list = |k: &str| {
        get(v, k)
            .split(';')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let mut orgs = Vec::new();
    for code in list("project_orgs") {
        match hoptac_core::OrgCode::parse(&code) {
            Some(o) if !orgs.contains(&o) => orgs.push(o),
            Some(_) => {}
            None => problems.push((
                "project_orgs".into(),
                code.clone(),
                hoptac_core::msg!("import.no_such_organisation", code = code),
            )),
        }
    }
    let mut contracts = list("project_contracts");
    contracts.dedup();
    let area_ha = optional_number(v, "project_area_ha", &mut problems);
    let households = optional_count(v, "project_households", &mut problems);
    let investment = amount(v, "project_investment_vnd", &mut problems);
    let support = amount(v, "project_support_approved_vnd", &mut problems);
    let approved = day_of(v, "project_approved_on", &mut problems);
    let starts = day_of(v, "project_starts_on", &mut problems);
    let ends = day_of(v, "project_ends_on", &mut problems);
    match (investment, support, approved, starts, ends) {
        (
            Some(investment_vnd),
            Some(support_approved_vnd),
            Some(approved_on),
            Some(starts_on),
            Some(ends_on),
        ) if problems.is_empty() => Ok(LinkageProject {
            code: get(v, "project_code").to_string(),
            name: get(v, "project_name").to_string(),
            lead: get(v, "project_lead").to_string(),
            orgs,
            contracts,
            area_ha,
            households,
            investment_vnd,
            support_approved_vnd,
            approved_by: get(v, "project_approved_by").to_string(),
            decision: get(v, "project_decision").to_string(),
            approved_on,
            starts_on,
            ends_on,
        }),
        _ => Err(problems),
    }
}

fn paths(original: &Option<String>) -> (String, String) {
    match original {
        None => ("/trace/projects/new".into(), "/trace#projects".into()),
        Some(c) => (
            format!("/trace/projects/{}/edit", enc(c)),
            format!("/trace/projects/{}", enc(c)),
        ),
    }
}

fn heading(l: Lang, original: &Option<String>) -> String {
    match original {
        None => t(l, "project_new").to_string(),
        Some(c) => format!("{} — {c}", t(l, "project_edit")),
    }
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let c = choices(&st, &u, l).await?;
    let v: HashMap<String, String> = [("project_approved_on", to_vi(hoptac_app::today()))]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let (action, back) = paths(&None);
    let fs = fields(l, &v, &c, false, 0);
    Ok(form_page_errors(&st, &u, l, heading(l, &None), action, back, fs, None).await)
}

pub(crate) async fn create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(st, h, u, None, pairs).await
}

/// The project `code` the account keeps, with its version: refused (audited) otherwise.
async fn writable(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
) -> Result<(LinkageProject, i64), WebError> {
    let e = |err| WebError::new(l, err);
    let v = st.app.project(u.actor(), code).await.map_err(e)?;
    if !v.can_edit {
        st.app.check_project_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let version = st.app.row_version(ENTITY, code).await.map_err(e)?;
    Ok((v.project, version))
}

pub(crate) async fn edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let (p, version) = writable(&st, &u, l, &code).await?;
    let c = choices(&st, &u, l).await?;
    let original = Some(code);
    let (action, back) = paths(&original);
    let fs = fields(l, &values_of(&p), &c, true, version);
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
        v.insert("project_code".into(), code.clone());
    }
    let version = version_of(&v);
    let c = choices(&st, &u, l).await?;
    let problems: FormProblems = match read(&v) {
        Err(p) => p,
        Ok(p) => {
            let to = format!("/trace/projects/{}?saved=project", enc(p.code.trim()));
            match (st.app)
                .save_project(u.actor(), original.as_deref(), p, version)
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
        heading: format!("{} — {code}", t(l, "project_remove")),
        action: format!("/trace/projects/{}/remove", enc(code)),
        back: format!("/trace/projects/{}", enc(code)),
        done: "/trace?saved=removed#projects",
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
        .remove_project(u.actor(), &code, &reason, version)
        .await;
    (removal(l, &code))
        .outcome(&st, &u, l, &reason, version, result)
        .await
}
