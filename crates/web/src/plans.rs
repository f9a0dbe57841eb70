//! Plan pages: the plan with its targets, a target's drill-down, plan/target/indicator forms,
//! the plan assessment report.

use crate::AppState;
use crate::error::{WebError, render};
use crate::handlers::{
    Params, WebResult, enc, field, form_page_errors, lang, page, select, to_map,
};
use crate::i18n::{Lang, t};
use crate::page::{Field, Opt, Page};
use crate::session::CurrentUser;
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::chart::bars_with_target;
use hoptac_core::plan::{Comparator, Plan, Status, Target, fmt};
use hoptac_core::report::{plan_assessment, render_html, render_md};
use hoptac_core::spec::{IndicatorRecord, to_spec};
use hoptac_core::{Fixed, Msg};
use std::collections::HashMap;

pub struct PlanRow {
    pub code: String,
    pub title: String,
    pub period: String,
    pub scope: String,
    pub targets: usize,
}

#[derive(Template)]
#[template(path = "plans.html")]
pub struct PlansPage {
    pub p: Page,
    pub rows: Vec<PlanRow>,
}

pub struct Cell {
    pub text: String,
    pub css: &'static str,
}

pub struct TargetRow {
    pub no: String,
    pub wording: String,
    pub indicator: String,
    pub label: String,
    pub baseline: String,
    pub goal: String,
    pub cells: Vec<Cell>,
    pub status: String,
    pub status_css: &'static str,
    pub projection: String,
    pub chart: String,
    pub checks: Vec<String>,
    pub note: String,
    pub drill: String,
    pub edit: String,
}

#[derive(Template)]
#[template(path = "plan.html")]
pub struct PlanPage {
    pub p: Page,
    pub code: String,
    pub title: String,
    pub facts: Vec<(String, String)>,
    pub years: Vec<i32>,
    pub rows: Vec<TargetRow>,
    pub as_of: String,
    /// Without a chosen year: which reporting year the page stops at, and why.
    pub data_year: String,
    pub method: String,
}

pub struct DrillCommune {
    pub name: String,
    pub value: String,
}

pub struct DrillOrg {
    pub code: String,
    pub name: String,
    pub commune: String,
    pub value: String,
    pub counted: String,
}

#[derive(Template)]
#[template(path = "drill.html")]
pub struct DrillPage {
    pub p: Page,
    pub plan_code: String,
    pub heading: String,
    pub definition: String,
    pub year: i32,
    pub communes: Vec<DrillCommune>,
    pub orgs: Vec<DrillOrg>,
    pub show_counted: bool,
}

pub struct IndicatorRow {
    pub id: String,
    pub label: String,
    pub definition: String,
    pub description: String,
    pub edit: String,
}

#[derive(Template)]
#[template(path = "indicators.html")]
pub struct IndicatorsPage {
    pub p: Page,
    pub rows: Vec<IndicatorRow>,
}

fn status_label(l: Lang, s: Status) -> &'static str {
    if l == Lang::En {
        s.label_en()
    } else {
        s.label_vi()
    }
}

pub async fn plans(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let plans = st
        .app
        .plans(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let units = st.app.units().await.map_err(|e| WebError::new(l, e))?;
    let rows = plans
        .iter()
        .map(|p| PlanRow {
            code: p.code.clone(),
            title: p.title.clone(),
            period: format!("{} – {}", p.from, p.to),
            scope: units
                .iter()
                .find(|u| u.code == p.scope)
                .map(|u| u.name.clone())
                .unwrap_or_else(|| p.scope.clone()),
            targets: p.targets.len(),
        })
        .collect();
    Ok(render(&PlansPage {
        p: page(&st, &u, l, "nav_plans").await,
        rows,
    }))
}

fn opt_year(q: &HashMap<String, String>, key: &str) -> Result<Option<i32>, AppError> {
    match q.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse::<i32>().map(Some).map_err(|_| {
            AppError::invalid(
                key,
                s,
                Msg::new(
                    format!("Năm không hợp lệ ở \"{key}\": \"{s}\""),
                    format!("Invalid year in \"{key}\": \"{s}\""),
                ),
            )
        }),
    }
}

pub async fn plan(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let as_of = opt_year(&q, "year").map_err(e)?;
    let pr = st
        .app
        .plan_progress(u.actor(), &code, as_of)
        .await
        .map_err(e)?;
    let plan = &pr.plan;
    let years: Vec<i32> = (plan.from..=plan.to).collect();
    let rows = pr
        .targets
        .iter()
        .map(|tp| {
            let u = tp.unit;
            let f = |v: Option<Fixed>| v.map(|v| fmt(v, u)).unwrap_or_else(|| "—".into());
            let mut points: Vec<(i32, Option<Fixed>)> = vec![(plan.baseline_year, tp.baseline)];
            points.extend(tp.years.iter().map(|y| (y.year, y.value)));
            let projection = tp
                .projection
                .as_ref()
                .map(|p| {
                    let range = match (p.low, p.high) {
                        (Some(lo), Some(hi)) if lo != hi => {
                            format!(" ({} – {})", fmt(lo, u), fmt(hi, u))
                        }
                        _ => String::new(),
                    };
                    format!(
                        "{}: {}{range}{}",
                        p.year,
                        fmt(p.value, u),
                        if p.meets { "" } else { " ⚠" }
                    )
                })
                .unwrap_or_default();
            let latest = tp.latest.as_ref();
            TargetRow {
                no: tp.target.no.clone(),
                wording: tp.target.wording.clone(),
                indicator: tp.target.indicator.clone(),
                label: if l == Lang::En && !tp.label_en.is_empty() {
                    tp.label_en.clone()
                } else {
                    tp.label_vi.clone()
                },
                baseline: f(tp.baseline),
                goal: tp.target.describe(u),
                cells: tp
                    .years
                    .iter()
                    .map(|y| Cell {
                        text: f(y.value),
                        css: y.status.css(),
                    })
                    .collect(),
                status: latest
                    .map(|x| {
                        let mut s = format!("{}: {}", x.year, status_label(l, x.status));
                        if !matches!(x.status, Status::Met | Status::Exceeded) {
                            if let Some(g) = x.gap {
                                s.push_str(&format!(" · {} {}", t(l, "gap"), fmt(g, u)));
                            }
                            if let Some(sh) = x.share_pct.filter(|v| *v >= Fixed::ZERO) {
                                s.push_str(&format!(
                                    " · {} {}",
                                    hoptac_core::report::pct_vi(sh),
                                    t(l, "of_the_way")
                                ));
                            }
                        }
                        s
                    })
                    .unwrap_or_else(|| status_label(l, Status::NoData).into()),
                status_css: latest.map(|x| x.status.css()).unwrap_or("none"),
                projection,
                chart: bars_with_target(&tp.target.no, &points, Some(tp.target.value)),
                checks: tp
                    .checks
                    .iter()
                    .map(|c| c.get(l.code()).to_string())
                    .collect(),
                note: tp.target.note.clone(),
                drill: format!("/plans/{}/targets/{}", enc(&plan.code), enc(&tp.target.no)),
                edit: format!(
                    "/plans/{}/targets/{}/edit",
                    enc(&plan.code),
                    enc(&tp.target.no)
                ),
            }
        })
        .collect();
    let facts = vec![
        (
            t(l, "issuer").to_string(),
            format!("{} {}", plan.issuer, plan.doc_no),
        ),
        (
            t(l, "period").to_string(),
            format!("{} – {}", plan.from, plan.to),
        ),
        (
            t(l, "baseline_year").to_string(),
            plan.baseline_year.to_string(),
        ),
        (t(l, "scope").to_string(), pr.scope_name.clone()),
    ];
    let page_t = PlanPage {
        p: page(&st, &u, l, "nav_plans").await,
        code: plan.code.clone(),
        title: plan.title.clone(),
        facts,
        years,
        rows,
        as_of: as_of.map(|y| y.to_string()).unwrap_or_default(),
        data_year: pr
            .data_year
            .as_ref()
            .map(|y| y.why.get(l.code()).to_string())
            .unwrap_or_default(),
        method: hoptac_core::plan::PROJECTION_METHOD
            .split(" / ")
            .nth(if l == Lang::En { 1 } else { 0 })
            .unwrap_or_default()
            .to_string(),
    };
    Ok(render(&page_t))
}

pub async fn drill(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, no)): Path<(String, String)>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let year = opt_year(&q, "year").map_err(e)?;
    let d = st
        .app
        .target_drill(u.actor(), &code, &no, year)
        .await
        .map_err(e)?;
    let unit = d.def.unit;
    let f = |v: Option<Fixed>| v.map(|v| fmt(v, unit)).unwrap_or_else(|| "—".into());
    let show_counted = matches!(
        d.def.aggregate,
        hoptac_core::indicator::Aggregate::Count | hoptac_core::indicator::Aggregate::SharePct(_)
    );
    let page_t = DrillPage {
        p: page(&st, &u, l, "nav_plans").await,
        plan_code: code.clone(),
        heading: format!(
            "{} {} — {}",
            t(l, "target"),
            no,
            if l == Lang::En && !d.def.label_en.is_empty() {
                &d.def.label_en
            } else {
                &d.def.label_vi
            }
        ),
        definition: to_spec(&d.def),
        year: d.year,
        communes: d
            .by_commune
            .iter()
            .map(|(u, v)| DrillCommune {
                name: u.name.clone(),
                value: f(*v),
            })
            .collect(),
        orgs: d
            .by_org
            .iter()
            .map(|r| DrillOrg {
                code: r.code.clone(),
                name: r.name.clone(),
                commune: r.commune.clone(),
                value: f(r.value),
                counted: format!("{}/{}", r.hits, r.items),
            })
            .collect(),
        show_counted,
    };
    Ok(render(&page_t))
}

fn plan_fields(l: Lang, v: &HashMap<String, String>, editing: bool) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut code = field(l, "code", "text", get("code"));
    code.readonly = editing;
    code.required = true;
    let mut title = field(l, "title", "text", get("title"));
    title.required = true;
    let mut out = vec![
        code,
        title,
        field(l, "issuer", "text", get("issuer")),
        field(l, "doc_no", "text", get("doc_no")),
        field(l, "doc_date", "date", get("doc_date")),
    ];
    for k in ["from", "to", "baseline_year"] {
        let mut f = field(l, k, "number", get(k));
        f.required = true;
        out.push(f);
    }
    let mut scope = field(l, "scope", "text", get("scope"));
    scope.required = true;
    scope.hint = t(l, "scope_hint");
    out.push(scope);
    out
}

fn year_of(v: &HashMap<String, String>, key: &'static str) -> Result<i32, AppError> {
    let s = v.get(key).map(|s| s.trim()).unwrap_or_default();
    s.parse::<i32>().map_err(|_| {
        AppError::invalid(
            key,
            s,
            Msg::new(
                format!("Cần một năm (ví dụ 2021), có \"{s}\""),
                format!("A year is expected (e.g. 2021), found \"{s}\""),
            ),
        )
    })
}

fn plan_from(v: &HashMap<String, String>) -> Result<Plan, AppError> {
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let doc_date = match get("doc_date") {
        s if s.is_empty() => None,
        s => Some(hoptac_core::date::parse(&s).ok_or_else(|| {
            AppError::invalid(
                "doc_date",
                s.clone(),
                Msg::new(
                    format!("Ngày không hợp lệ \"{s}\""),
                    format!("Invalid date \"{s}\""),
                ),
            )
        })?),
    };
    Ok(Plan {
        code: get("code"),
        title: get("title"),
        issuer: get("issuer"),
        doc_no: get("doc_no"),
        doc_date,
        from: year_of(v, "from")?,
        to: year_of(v, "to")?,
        baseline_year: year_of(v, "baseline_year")?,
        scope: get("scope"),
        targets: vec![],
    })
}

fn error_list(l: Lang, e: &AppError) -> Option<Vec<(String, String)>> {
    match e {
        AppError::Invalid { field, value, msg } => Some(vec![(
            field.clone(),
            format!(
                "{}{}",
                msg.get(l.code()),
                if value.is_empty() {
                    String::new()
                } else {
                    format!(" [{value}]")
                }
            ),
        )]),
        _ => None,
    }
}

pub async fn plan_new_form(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let v: HashMap<String, String> = [("from", "2026"), ("to", "2030"), ("baseline_year", "2025")]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "new_plan").into(),
        "/plans/new".into(),
        "/plans".into(),
        plan_fields(l, &v, false),
        None,
    )
    .await)
}

pub async fn plan_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let p = st
        .app
        .plan(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let v: HashMap<String, String> = [
        ("code", p.code.clone()),
        ("title", p.title.clone()),
        ("issuer", p.issuer.clone()),
        ("doc_no", p.doc_no.clone()),
        (
            "doc_date",
            p.doc_date
                .map(hoptac_core::date::to_iso)
                .unwrap_or_default(),
        ),
        ("from", p.from.to_string()),
        ("to", p.to.to_string()),
        ("baseline_year", p.baseline_year.to_string()),
        ("scope", p.scope.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let path = format!("/plans/{}", enc(&code));
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "edit"), p.title),
        format!("{path}/edit"),
        path,
        crate::handlers::with_version(&st, l, plan_fields(l, &v, true), "plans", &code).await?,
        None,
    )
    .await)
}

async fn save_plan(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    mut v: HashMap<String, String>,
    fixed: Option<String>,
) -> WebResult {
    if let Some(c) = &fixed {
        st.app
            .plan(u.actor(), c)
            .await
            .map_err(|e| WebError::new(l, e))?;
        v.insert("code".into(), c.clone());
    }
    let (heading, action, back) = match &fixed {
        Some(c) => (
            t(l, "edit").to_string(),
            format!("/plans/{}/edit", enc(c)),
            format!("/plans/{}", enc(c)),
        ),
        None => (
            t(l, "new_plan").to_string(),
            "/plans/new".into(),
            "/plans".into(),
        ),
    };
    if fixed.is_none()
        && let Some(c) = v.get("code")
        && st.app.plan(u.actor(), c.trim()).await.is_ok()
    {
        let err = AppError::invalid(
            "code",
            c.clone(),
            Msg::new(
                format!("Mã kế hoạch \"{c}\" đã có"),
                format!("The plan code \"{c}\" is taken"),
            ),
        );
        return Ok(form_page_errors(
            st,
            u,
            l,
            heading,
            action,
            back,
            plan_fields(l, &v, false),
            error_list(l, &err),
        )
        .await);
    }
    let result = match plan_from(&v) {
        Ok(p) => {
            st.app
                .save_plan_at(
                    u.actor(),
                    p,
                    crate::handlers::edit_version(&v, fixed.is_some()),
                )
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!(
            "/plans/{}",
            enc(v.get("code").map(|s| s.trim()).unwrap_or_default())
        ))
        .into_response()),
        Err(e @ AppError::Invalid { .. }) => Ok(form_page_errors(
            st,
            u,
            l,
            heading,
            action,
            back,
            {
                let mut f = plan_fields(l, &v, fixed.is_some());
                crate::handlers::keep_version(&mut f, &v);
                f
            },
            error_list(l, &e),
        )
        .await),
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub async fn plan_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_plan(&st, &u, lang(&h), to_map(&pairs), None).await
}

pub async fn plan_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_plan(&st, &u, lang(&h), to_map(&pairs), Some(code)).await
}

async fn target_fields(
    st: &AppState,
    l: Lang,
    v: &HashMap<String, String>,
    editing: bool,
) -> Result<Vec<Field>, WebError> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let cat = st
        .app
        .indicator_catalogue()
        .await
        .map_err(|e| WebError::new(l, e))?;
    let mut no = field(l, "target_no", "text", get("no"));
    no.key = "no";
    no.readonly = editing;
    no.required = true;
    let mut wording = field(l, "wording", "text", get("wording"));
    wording.required = true;
    let opts = |selected: &str, empty: bool| {
        let mut o: Vec<Opt> = if empty {
            vec![Opt {
                value: String::new(),
                label: "—".into(),
                selected: selected.is_empty(),
            }]
        } else {
            vec![]
        };
        o.extend(cat.iter().map(|d| Opt {
            value: d.id.clone(),
            label: format!("{} — {}", d.id, d.label_vi),
            selected: d.id == selected,
        }));
        o
    };
    let mut indicator = field(l, "indicator", "select", get("indicator"));
    indicator.options = opts(&get("indicator"), false);
    let comparator = select(
        l,
        "comparator",
        &Comparator::ALL,
        &get("comparator"),
        Comparator::code,
        |c, _| c.label_vi(),
        false,
    );
    let mut value = field(l, "target_value", "text", get("value"));
    value.key = "value";
    value.required = true;
    value.hint = t(l, "number_hint");
    let mut hi = field(l, "value_hi", "text", get("value_hi"));
    hi.hint = t(l, "value_hi_hint");
    let mut base = field(l, "baseline_indicator", "select", get("baseline_indicator"));
    base.options = opts(&get("baseline_indicator"), true);
    let mut milestones = field(l, "milestones", "text", get("milestones"));
    milestones.hint = t(l, "milestones_hint");
    Ok(vec![
        no,
        wording,
        indicator,
        comparator,
        value,
        hi,
        base,
        milestones,
        field(l, "note", "text", get("note")),
    ])
}

fn number(v: &HashMap<String, String>, key: &'static str) -> Result<Option<Fixed>, AppError> {
    let s = v.get(key).map(|s| s.trim()).unwrap_or_default();
    if s.is_empty() {
        return Ok(None);
    }
    hoptac_core::parse::parse_number(s)
        .map(|p| Some(p.value))
        .ok_or_else(|| {
            AppError::invalid(
                key,
                s,
                Msg::new(
                    format!("Cần một số (ví dụ 1.800 hoặc 40,5), có \"{s}\""),
                    format!("A number is expected (e.g. 1800 or 40.5), found \"{s}\""),
                ),
            )
        })
}

fn target_from(v: &HashMap<String, String>) -> Result<Target, AppError> {
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let comparator = Comparator::parse(&get("comparator")).ok_or_else(|| {
        AppError::invalid(
            "comparator",
            get("comparator"),
            Msg::new("So sánh không hợp lệ", "Invalid comparator"),
        )
    })?;
    let value = number(v, "value")?.ok_or_else(|| {
        AppError::invalid(
            "value",
            "",
            Msg::new("Thiếu giá trị mục tiêu", "The target value is missing"),
        )
    })?;
    let mut milestones = Vec::new();
    for part in get("milestones")
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let m = part.split_once(':').and_then(|(y, x)| {
            Some((
                y.trim().parse::<i32>().ok()?,
                hoptac_core::parse::parse_number(x)?.value,
            ))
        });
        milestones.push(m.ok_or_else(|| {
            AppError::invalid(
                "milestones",
                part,
                Msg::new(
                    format!("Mốc \"{part}\" không hợp lệ; cần năm: giá trị (ví dụ 2023: 50)"),
                    format!("Invalid milestone \"{part}\"; expected year: value (e.g. 2023: 50)"),
                ),
            )
        })?);
    }
    Ok(Target {
        no: get("no"),
        wording: get("wording"),
        indicator: get("indicator"),
        comparator,
        value,
        value_hi: number(v, "value_hi")?,
        baseline_indicator: Some(get("baseline_indicator")).filter(|s| !s.is_empty()),
        milestones,
        note: get("note"),
    })
}

pub async fn target_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let p = st
        .app
        .plan(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let v: HashMap<String, String> = [
        ("no".to_string(), (p.targets.len() + 1).to_string()),
        ("comparator".to_string(), ">=".to_string()),
    ]
    .into();
    let path = format!("/plans/{}", enc(&code));
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "new_target"), p.title),
        format!("{path}/targets/new"),
        path,
        target_fields(&st, l, &v, false).await?,
        None,
    )
    .await)
}

pub async fn target_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, no)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let p = st
        .app
        .plan(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let tg =
        p.targets.iter().find(|x| x.no == no).ok_or_else(|| {
            WebError::new(l, AppError::not_found("target", format!("{code} / {no}")))
        })?;
    let v: HashMap<String, String> = [
        ("no", tg.no.clone()),
        ("wording", tg.wording.clone()),
        ("indicator", tg.indicator.clone()),
        ("comparator", tg.comparator.code().to_string()),
        ("value", tg.value.to_string()),
        (
            "value_hi",
            tg.value_hi.map(|v| v.to_string()).unwrap_or_default(),
        ),
        (
            "baseline_indicator",
            tg.baseline_indicator.clone().unwrap_or_default(),
        ),
        (
            "milestones",
            tg.milestones
                .iter()
                .map(|(y, v)| format!("{y}: {v}"))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        ("note", tg.note.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let path = format!("/plans/{}", enc(&code));
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} {} — {}", t(l, "target"), no, p.title),
        format!("{path}/targets/{}/edit", enc(&no)),
        path,
        crate::handlers::with_version(
            &st,
            l,
            target_fields(&st, l, &v, true).await?,
            "targets",
            &format!("{code}/{no}"),
        )
        .await?,
        None,
    )
    .await)
}

async fn save_target(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: String,
    mut v: HashMap<String, String>,
    fixed: Option<String>,
) -> WebResult {
    let p = st
        .app
        .plan(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    if let Some(no) = &fixed {
        p.targets.iter().find(|x| &x.no == no).ok_or_else(|| {
            WebError::new(l, AppError::not_found("target", format!("{code} / {no}")))
        })?;
        v.insert("no".into(), no.clone());
    }
    let path = format!("/plans/{}", enc(&code));
    let action = match &fixed {
        Some(no) => format!("{path}/targets/{}/edit", enc(no)),
        None => format!("{path}/targets/new"),
    };
    let new_no = v
        .get("no")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    let result = if fixed.is_none() && p.targets.iter().any(|x| x.no == new_no) {
        Err(AppError::invalid(
            "no",
            new_no.clone(),
            Msg::new(
                format!("Kế hoạch đã có chỉ tiêu số {new_no}"),
                format!("The plan already has a target {new_no}"),
            ),
        ))
    } else {
        match target_from(&v) {
            Ok(tg) => {
                st.app
                    .save_target_at(
                        u.actor(),
                        &code,
                        tg,
                        crate::handlers::edit_version(&v, fixed.is_some()),
                    )
                    .await
            }
            Err(e) => Err(e),
        }
    };
    match result {
        Ok(()) => Ok(Redirect::to(&path).into_response()),
        Err(e @ AppError::Invalid { .. }) => {
            let mut fields = target_fields(st, l, &v, fixed.is_some()).await?;
            crate::handlers::keep_version(&mut fields, &v);
            Ok(form_page_errors(
                st,
                u,
                l,
                format!("{} — {}", t(l, "target"), p.title),
                action,
                path,
                fields,
                error_list(l, &e),
            )
            .await)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub async fn target_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_target(&st, &u, lang(&h), code, to_map(&pairs), None).await
}

pub async fn target_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, no)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_target(&st, &u, lang(&h), code, to_map(&pairs), Some(no)).await
}

pub async fn indicators(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let records = st.app.indicator_records().await.map_err(e)?;
    let mut rows: Vec<IndicatorRow> = records
        .iter()
        .map(|r| IndicatorRow {
            id: r.id.clone(),
            label: r.label_vi.clone(),
            definition: r.definition.clone(),
            description: r.description.clone(),
            edit: format!("/indicators/{}/edit", enc(&r.id)),
        })
        .collect();
    rows.extend(
        hoptac_core::indicator::catalogue()
            .iter()
            .map(|d| IndicatorRow {
                id: d.id.clone(),
                label: if l == Lang::En {
                    d.label_en.clone()
                } else {
                    d.label_vi.clone()
                },
                definition: to_spec(d),
                description: t(l, "core_indicator").into(),
                edit: String::new(),
            }),
    );
    Ok(render(&IndicatorsPage {
        p: page(&st, &u, l, "nav_indicators").await,
        rows,
    }))
}

fn indicator_fields(l: Lang, v: &HashMap<String, String>, editing: bool) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut id = field(l, "indicator_id", "text", get("id"));
    id.key = "id";
    id.readonly = editing;
    id.required = true;
    let mut label = field(l, "label_vi", "text", get("label_vi"));
    label.required = true;
    let mut def = field(l, "definition", "text", get("definition"));
    def.required = true;
    def.hint = t(l, "definition_hint");
    vec![
        id,
        label,
        field(l, "label_en", "text", get("label_en")),
        def,
        field(l, "description", "text", get("description")),
    ]
}

pub async fn indicator_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let v: HashMap<String, String> = [(
        "definition".to_string(),
        "subject=active_orgs; kinds=HTX; where=reported; aggregate=share; share=profit>0"
            .to_string(),
    )]
    .into();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "new_indicator").into(),
        "/indicators/new".into(),
        "/indicators".into(),
        indicator_fields(l, &v, false),
        None,
    )
    .await)
}

pub async fn indicator_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let r = st
        .app
        .indicator_records()
        .await
        .map_err(|e| WebError::new(l, e))?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| WebError::new(l, AppError::not_found("indicator", id.clone())))?;
    let v: HashMap<String, String> = [
        ("id", r.id),
        ("label_vi", r.label_vi),
        ("label_en", r.label_en),
        ("definition", r.definition),
        ("description", r.description),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {id}", t(l, "edit")),
        format!("/indicators/{}/edit", enc(&id)),
        "/indicators".into(),
        crate::handlers::with_version(&st, l, indicator_fields(l, &v, true), "indicators", &id)
            .await?,
        None,
    )
    .await)
}

async fn save_indicator(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    mut v: HashMap<String, String>,
    fixed: Option<String>,
) -> WebResult {
    let existing = st
        .app
        .indicator_records()
        .await
        .map_err(|e| WebError::new(l, e))?;
    if let Some(id) = &fixed {
        existing
            .iter()
            .find(|r| &r.id == id)
            .ok_or_else(|| WebError::new(l, AppError::not_found("indicator", id.clone())))?;
        v.insert("id".into(), id.clone());
    }
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let (heading, action) = match &fixed {
        Some(id) => (
            format!("{} — {id}", t(l, "edit")),
            format!("/indicators/{}/edit", enc(id)),
        ),
        None => (t(l, "new_indicator").to_string(), "/indicators/new".into()),
    };
    let result = if fixed.is_none() && existing.iter().any(|r| r.id == get("id")) {
        Err(AppError::invalid(
            "id",
            get("id"),
            Msg::new(
                format!("Mã \"{}\" đã có", get("id")),
                format!("The id \"{}\" is taken", get("id")),
            ),
        ))
    } else {
        st.app
            .save_indicator_at(
                u.actor(),
                IndicatorRecord {
                    id: get("id"),
                    label_vi: get("label_vi"),
                    label_en: get("label_en"),
                    definition: get("definition"),
                    description: get("description"),
                },
                crate::handlers::edit_version(&v, fixed.is_some()),
            )
            .await
    };
    match result {
        Ok(()) => Ok(Redirect::to("/indicators").into_response()),
        Err(e @ AppError::Invalid { .. }) => {
            // a definition that does not parse names its own part; show it beside the definition
            let errs = error_list(l, &e).map(|v| {
                v.into_iter()
                    .map(|(k, m)| {
                        (
                            if k == "label_vi" || k == "id" {
                                k
                            } else {
                                "definition".into()
                            },
                            m,
                        )
                    })
                    .collect()
            });
            Ok(form_page_errors(
                st,
                u,
                l,
                heading,
                action,
                "/indicators".into(),
                {
                    let mut f = indicator_fields(l, &v, fixed.is_some());
                    crate::handlers::keep_version(&mut f, &v);
                    f
                },
                errs,
            )
            .await)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub async fn indicator_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_indicator(&st, &u, lang(&h), to_map(&pairs), None).await
}

pub async fn indicator_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_indicator(&st, &u, lang(&h), to_map(&pairs), Some(id)).await
}

#[derive(Template)]
#[template(path = "report.html")]
pub struct ReportPage {
    pub p: Page,
    pub body: String,
    pub md_link: String,
    /// The report's address, for the Word and PDF downloads.
    pub base_link: String,
}

pub async fn plan_report(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let as_of = opt_year(&q, "year").map_err(e)?;
    let pr = st
        .app
        .plan_progress(u.actor(), &code, as_of)
        .await
        .map_err(e)?;
    let doc = plan_assessment(&pr.plan, &pr.targets, &pr.scope_name);
    // the code is the plan's: only [A-Za-z0-9-] reaches a file name
    let safe = crate::handlers::file_part(&code);
    match q.get("format").map(String::as_str) {
        Some(f @ ("docx" | "pdf")) => {
            let official = st
                .app
                .official_doc(doc, hoptac_core::official::DocKind::Report, vec![])
                .await
                .map_err(e)?;
            return crate::official_download(l, official, f, &format!("danh-gia-{safe}")).await;
        }
        Some("xlsx") => {
            let bytes = st.app.plan_xlsx(u.actor(), &code, as_of).await.map_err(e)?;
            return Ok(crate::handlers::download(
                crate::handlers::XLSX,
                &format!("phu-luc-{safe}.xlsx"),
                bytes,
            ));
        }
        Some("md") => {
            return Ok(crate::handlers::download(
                crate::handlers::MARKDOWN,
                &format!("danh-gia-{}.md", enc(&code)),
                render_md(&doc).into_bytes(),
            ));
        }
        _ => {}
    }
    let link = |_: &str| format!("/plans/{}", enc(&code));
    Ok(render(&ReportPage {
        p: page(&st, &u, l, "plan_report").await,
        body: render_html(&doc, &link),
        md_link: format!("/plans/{}/report?format=md", enc(&code)),
        base_link: format!("/plans/{}/report", enc(&code)),
    }))
}
