//! Plans (kế hoạch): the list, one plan with its targets and progress, the plan form, the
//! assessment report.

use crate::features::plans::views::Cell;
use crate::features::plans::views::PlanPage;
use crate::features::plans::views::PlanRow;
use crate::features::plans::views::PlansPage;
use crate::features::plans::views::ReportPage;
use crate::features::plans::views::TargetRow;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::forms::field;
use crate::http::forms::form_page_errors;
use crate::http::forms::to_map;
use crate::http::i18n::Lang;
use crate::http::i18n::t;
use crate::http::layout::Field;
use crate::http::request::Params;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::Fixed;
use hoptac_core::chart::bars_with_target;
use hoptac_core::plan::{Plan, Status, fmt};
use hoptac_core::report::render_html;
use std::collections::HashMap;

pub(crate) fn status_label(l: Lang, s: Status) -> &'static str {
    l.pick(s.label_vi(), s.label_en())
}

pub(crate) async fn plans(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
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

pub(crate) fn opt_year(q: &HashMap<String, String>, key: &str) -> Result<Option<i32>, AppError> {
    match q.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => s.parse::<i32>().map(Some).map_err(|_| {
            AppError::invalid(
                key,
                s,
                hoptac_core::msg!("web.invalid_year_in", key = key, s = s),
            )
        }),
    }
}

pub(crate) async fn plan(
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
                label: l.pick(&tp.label_vi, &tp.label_en).to_string(),
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
    // the plan's ground on a map, in the last year with figures
    let map_year = pr
        .targets
        .iter()
        .filter_map(|t| t.latest.as_ref().map(|y| y.year))
        .max()
        .unwrap_or(plan.baseline_year);
    let map =
        crate::features::dashboard::map::map_view(&st, &u, l, q.get("map"), map_year, &plan.scope)
            .await
            .map_err(e)?;
    let page_t = PlanPage {
        territory_note: pr
            .territory_note
            .as_ref()
            .map(|m| m.render(l))
            .unwrap_or_default(),
        map: map.svg,
        map_options: map.options,
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
        method: hoptac_core::plan::projection_method().render(l),
    };
    Ok(render(&page_t))
}

pub(crate) fn plan_fields(l: Lang, v: &HashMap<String, String>, editing: bool) -> Vec<Field> {
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

pub(crate) fn year_of(v: &HashMap<String, String>, key: &'static str) -> Result<i32, AppError> {
    let s = v.get(key).map(|s| s.trim()).unwrap_or_default();
    s.parse::<i32>()
        .map_err(|_| AppError::invalid(key, s, hoptac_core::msg!("web.year_expected", s = s)))
}

pub(crate) fn plan_from(v: &HashMap<String, String>) -> Result<Plan, AppError> {
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let doc_date = match get("doc_date") {
        s if s.is_empty() => None,
        s => Some(hoptac_core::date::parse(&s).ok_or_else(|| {
            AppError::invalid(
                "doc_date",
                s.clone(),
                hoptac_core::msg!("web.invalid_date", s = s),
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
        offices: vec![],
        tasks: vec![],
    })
}

pub(crate) fn error_list(l: Lang, e: &AppError) -> Option<Vec<(String, String)>> {
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

pub(crate) async fn plan_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
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

pub(crate) async fn plan_edit_form(
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
        crate::http::forms::with_version(&st, l, plan_fields(l, &v, true), "plans", &code).await?,
        None,
    )
    .await)
}

pub(crate) async fn save_plan(
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
    let result = match plan_from(&v) {
        Ok(p) => {
            st.app
                .save_plan_at(
                    u.actor(),
                    p,
                    Some(crate::http::forms::form_intent(&v, fixed.is_some())),
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
                crate::http::forms::keep_version(&mut f, &v);
                f
            },
            error_list(l, &e),
        )
        .await),
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub(crate) async fn plan_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_plan(&st, &u, lang(&h), to_map(&pairs), None).await
}

pub(crate) async fn plan_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_plan(&st, &u, lang(&h), to_map(&pairs), Some(code)).await
}

pub(crate) async fn plan_report(
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
    let doc = pr.assessment();
    // the code is the plan's: only [A-Za-z0-9-] reaches a file name
    let safe = crate::http::download::file_part(&code);
    if q.get("format").map(String::as_str) == Some("xlsx") {
        let bytes = st.app.plan_xlsx(u.actor(), &code, as_of).await.map_err(e)?;
        return Ok(crate::http::download::download(
            crate::http::download::XLSX,
            &format!("phu-luc-{safe}.xlsx"),
            bytes,
        ));
    }
    let format = q.get("format").map(String::as_str);
    let stem = format!("danh-gia-{safe}");
    if let Some(file) = crate::http::download::report_download(&st, l, &doc, format, &stem).await? {
        return Ok(file);
    }
    let link = |_: &str| format!("/plans/{}", enc(&code));
    Ok(render(&ReportPage {
        p: page(&st, &u, l, "plan_report").await,
        body: render_html(&doc, &link),
        md_link: format!("/plans/{}/report?format=md", enc(&code)),
        base_link: format!("/plans/{}/report", enc(&code)),
    }))
}
