//! The review page (rà soát): open cases and suspicious figures, paged; review runs and year locks.

use crate::features::dashboard::handlers::scope_options;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::forms::year_param;
use crate::http::layout::Opt;
use crate::http::layout::Page;
use crate::http::paging::{PER_PAGE, Paged};
use crate::http::request::Params;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_core::date::to_vi;
use std::collections::HashMap;

pub(crate) struct CaseRow {
    pub id: i64,
    /// Who has the case ("" no one).
    pub assignee: String,
    /// Recorded by a review run; otherwise a ground shown as of the page's date only.
    pub recorded: bool,
    pub open: bool,
    pub status: String,
    pub title: String,
    pub code: String,
    pub name: String,
    pub since: String,
    pub evidence: String,
    pub legal_ref: String,
    pub confirmed: bool,
}

pub(crate) struct FigureRow {
    pub code: String,
    pub name: String,
    pub year: i32,
    pub field: String,
    pub message: String,
}

/// An organisation to place: code, name, the old commune, the candidates (code, label) and
/// the day the placement takes effect.
pub(crate) struct UnplacedRow {
    pub code: String,
    pub name: String,
    pub commune: String,
    pub candidates: Vec<(String, String)>,
    pub from: String,
}

#[derive(askama::Template)]
#[template(path = "review/quality.html")]
pub(crate) struct QualityPage {
    pub p: Page,
    pub year: String,
    pub scopes: Vec<Opt>,
    pub as_of: String,
    pub cases: Paged<CaseRow>,
    /// The grounds of the cases found, for the case list's filter; and where a case stands.
    pub grounds: Vec<Opt>,
    pub case_states: Vec<Opt>,
    pub figures: Paged<FigureRow>,
    pub duplicates: usize,
    pub report_year: i32,
    /// Reports received by commune: a country has 6.562 communes, a page shows fifty.
    pub completeness: Paged<hoptac_app::checks::Completeness>,
    /// Organisations to place after a reorganisation, with their candidate communes.
    pub unplaced: Paged<UnplacedRow>,
    /// Reporting years closed in force: (year, territory, who, when, reason).
    pub locks: Vec<(i32, String, String, String, String)>,
    /// Staff may record the grounds (a review run).
    pub can_run: bool,
    /// "opened closed" after a run.
    pub ran: String,
    /// The filtered case list as a workbook.
    pub export_link: String,
    /// Only the cases given to this account.
    pub mine: bool,
    /// OCOP certificates lapsing within 90 days of today or lapsed: (product, href,
    /// organisation, stars, state, lapses on).
    pub certificates: Vec<(String, String, String, String, &'static str, String)>,
}

/// The review (rà soát): open cases, figures breaking a rule, reports received.
pub(crate) async fn quality(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let list = crate::features::review::case_list::case_list(&st, &u, l, &q).await?;
    let (as_of, scope) = (list.as_of, list.scope.clone());
    let r = st
        .app
        .check(u.actor(), as_of, Some(&scope))
        .await
        .map_err(e)?;
    let certificates = (st.app)
        .certificate_reminders(u.actor(), Some(&scope), hoptac_app::today())
        .await
        .map_err(e)?
        .into_iter()
        .map(|c| {
            (
                c.product_name,
                format!("/products/{}", crate::http::format::enc(&c.product)),
                c.org_name,
                "★".repeat(usize::from(c.stars)),
                c.state.label(l.code()),
                to_vi(c.expires_on),
            )
        })
        .collect();
    let ground = list.ground.as_deref();
    let state = list.state.as_deref();
    let cases = &list.all;
    let mut grounds: Vec<(String, String)> = cases
        .iter()
        .map(|c| (c.case.rule.clone(), c.title_vi.to_string()))
        .collect();
    grounds.sort();
    grounds.dedup();
    let ground_opts: Vec<Opt> = std::iter::once(Opt {
        value: String::new(),
        label: crate::http::i18n::t(l, "any").into(),
        selected: ground.is_none(),
    })
    .chain(grounds.into_iter().map(|(code, title)| Opt {
        selected: Some(code.as_str()) == ground,
        value: code,
        label: title,
    }))
    .collect();
    let state_opts: Vec<Opt> = ["all", "open", "pending", "closed"]
        .iter()
        .map(|k| Opt {
            value: k.to_string(),
            label: crate::http::i18n::t(l, &format!("case_state_{k}")).into(),
            selected: state.unwrap_or("all") == *k,
        })
        .collect();
    let cases = &list.kept;
    let units = st.app.units_in_scope(u.actor()).await.map_err(e)?;
    let export_link = format!(
        "/quality/cases.xlsx?{}",
        ["year", "scope", "ground", "state", "mine"]
            .iter()
            .filter_map(|k| q.get(*k).map(|v| format!("{k}={}", enc(v.trim()))))
            .collect::<Vec<_>>()
            .join("&")
    );
    let t = QualityPage {
        certificates,
        mine: list.mine,
        export_link,
        grounds: ground_opts,
        case_states: state_opts,
        p: page(&st, &u, l, "nav_quality").await,
        year: q.get("year").cloned().unwrap_or_default(),
        scopes: scope_options(&units, scope.trim(), as_of, l),
        as_of: to_vi(as_of),
        cases: Paged::of(cases, PER_PAGE, "/quality", "cpage", &q, "cases", |c| {
            CaseRow {
                assignee: hoptac_app::case_assign::assignee(&c.case)
                    .unwrap_or_default()
                    .to_string(),
                id: c.case.id,
                recorded: c.recorded,
                open: c.case.closed_at.is_none(),
                status: crate::features::review::case_list::case_status(l, c),
                title: c.title_vi.to_string(),
                code: c.case.org.to_string(),
                name: c.org_name.clone(),
                since: to_vi(c.case.since),
                evidence: c.case.evidence.clone(),
                legal_ref: c.legal_ref.to_string(),
                confirmed: c.confirmed,
            }
        }),
        figures: Paged::of(
            &r.figures,
            PER_PAGE,
            "/quality",
            "fpage",
            &q,
            "figure-issues",
            |f| FigureRow {
                code: f.org.clone(),
                name: f.org_name.clone(),
                year: f.year,
                field: f.finding.field.to_string(),
                message: f.finding.msg.get(l.code()).to_string(),
            },
        ),
        duplicates: r.duplicates.len(),
        report_year: r.report_year,
        unplaced: Paged::of(
            &r.unplaced,
            PER_PAGE,
            "/quality",
            "upage",
            &q,
            "unplaced",
            |u| UnplacedRow {
                code: u.org.clone(),
                name: u.org_name.clone(),
                commune: u.commune.clone(),
                candidates: u
                    .candidates
                    .iter()
                    .map(|(code, name)| (code.clone(), format!("{name} ({code})")))
                    .collect(),
                from: u.from.clone(),
            },
        ),
        completeness: Paged::of(
            &r.completeness,
            PER_PAGE,
            "/quality",
            "kpage",
            &q,
            "completeness",
            |c| c.clone(),
        ),
        locks: {
            let all = st.app.reporting_locks().await.map_err(e)?;
            hoptac_app::reporting::closed(&all)
                .into_iter()
                .map(|k| {
                    let place = k
                        .unit
                        .and_then(|id| units.iter().find(|x| x.id == id))
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| crate::http::i18n::t(l, "whole_installation").into());
                    (
                        k.year,
                        place,
                        k.actor.clone(),
                        k.at.clone(),
                        k.reason.clone(),
                    )
                })
                .collect()
        },
        can_run: u.actor().account.role >= hoptac_core::auth::Role::Commune,
        ran: q.get("ran").cloned().unwrap_or_default(),
    };
    Ok(render(&t))
}

/// Closes or reopens a reporting year (POST): `year`, `scope`, `action` close|reopen,
/// `reason` (required to reopen).
pub(crate) async fn year_lock(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let get = |k: &str| f.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let year = year_param(&f, "year", 0).map_err(e)?;
    let scope = get("scope");
    st.app
        .set_year_lock(
            u.actor(),
            year,
            Some(&scope),
            get("action") != "reopen",
            &get("reason"),
        )
        .await
        .map_err(e)?;
    Ok(Redirect::to(&format!("/quality?scope={}#locks", enc(&scope))).into_response())
}

/// A review run (POST): records the grounds as of the review date, then shows the list.
pub(crate) async fn review_run(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let scope = f.get("scope").cloned().unwrap_or_default();
    let run = st
        .app
        .run_review(u.actor(), Some(&scope))
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(Redirect::to(&format!(
        "/quality?scope={}&ran={}+{}",
        enc(&scope),
        run.opened,
        run.closed
    ))
    .into_response())
}

/// Places an organisation of a split commune in one of its candidates (POST).
pub(crate) async fn place(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let get = |k: &str| f.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let on = hoptac_core::date::parse(&get("from")).ok_or_else(|| {
        e(hoptac_app::AppError::invalid(
            "from",
            get("from"),
            hoptac_core::msg!("web.invalid_date", s = get("from")),
        ))
    })?;
    let o = st
        .app
        .place_org(u.actor(), &get("org"), &get("commune"), on)
        .await
        .map_err(e)?;
    if let Some(p) = o.problems.iter().find(|p| p.is_error()) {
        return Err(e(hoptac_app::AppError::invalid(
            p.column.clone().unwrap_or_else(|| "commune".into()),
            p.value.clone(),
            p.msg.clone(),
        )));
    }
    Ok(Redirect::to(&format!("/quality?scope={}#unplaced", enc(&get("scope")))).into_response())
}
