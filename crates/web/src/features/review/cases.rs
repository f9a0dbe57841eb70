//! One review case (hồ sơ rà soát): its ground, history and the actions a clerk can take.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::forms::bad;
use crate::http::i18n::Lang;
use crate::http::layout::Opt;
use crate::http::layout::Page;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use hoptac_app::AppError;
use hoptac_core::date::to_vi;
use std::collections::HashMap;

#[derive(askama::Template)]
#[template(path = "review/case.html")]
pub(crate) struct CasePage {
    pub p: Page,
    pub id: i64,
    pub title: String,
    pub org_code: String,
    pub org_name: String,
    pub since: String,
    pub evidence: String,
    pub legal_ref: String,
    pub confirmed: bool,
    pub open: bool,
    pub closed: String,
    pub actions: Vec<(String, String, String, String, String)>,
    pub steps: Vec<Opt>,
    pub error: String,
    /// Who has the case now ("" no one), and who it may be given to.
    pub assignee: String,
    pub assignees: Vec<Opt>,
}

pub(crate) async fn case_page(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    id: i64,
    error: String,
) -> Result<Response, WebError> {
    let e = |err| WebError::new(l, err);
    let as_of = st.app.review_date().await.map_err(e)?;
    let cases = st
        .app
        .review_cases(u.actor(), as_of, None)
        .await
        .map_err(e)?;
    let c = cases
        .into_iter()
        .find(|c| c.recorded && c.case.id == id)
        .ok_or_else(|| e(AppError::not_found("case", id.to_string())))?;
    let failed = !error.is_empty();
    let assignee = hoptac_app::case_assign::assignee(&c.case)
        .unwrap_or_default()
        .to_string();
    // the choice is offered to those who may make it
    let assignees = if c.case.closed_at.is_none()
        && u.actor().account.role >= hoptac_core::auth::Role::Commune
    {
        let mut v = vec![Opt {
            value: String::new(),
            label: crate::http::i18n::t(l, "nobody").into(),
            selected: assignee.is_empty(),
        }];
        v.extend(
            st.app
                .case_assignees(u.actor(), id)
                .await
                .map_err(e)?
                .into_iter()
                .map(|a| Opt {
                    selected: a.username == assignee,
                    label: if a.display_name.is_empty() {
                        a.username.clone()
                    } else {
                        format!("{} ({})", a.display_name, a.username)
                    },
                    value: a.username,
                }),
        );
        v
    } else {
        vec![]
    };
    let mut r = render(&CasePage {
        assignee,
        assignees,
        p: page(st, u, l, "nav_quality").await,
        id,
        title: c.title_vi.to_string(),
        org_code: c.case.org.to_string(),
        org_name: c.org_name.clone(),
        since: to_vi(c.case.since),
        evidence: c.case.evidence.clone(),
        legal_ref: c.legal_ref.to_string(),
        confirmed: c.confirmed,
        open: c.case.closed_at.is_none(),
        closed: c
            .case
            .closed_at
            .as_ref()
            .map(|at| format!("{at}: {}", c.case.closed_reason.clone().unwrap_or_default()))
            .unwrap_or_default(),
        actions: c
            .case
            .actions
            .iter()
            .map(|a| {
                let label = match hoptac_app::checks::CaseStep::parse(&a.action) {
                    Some(s) => s.label_vi().to_string(),
                    None if a.action == "reopened" => {
                        crate::http::i18n::t(l, "case_reopened").to_string()
                    }
                    None if a.action == hoptac_app::case_assign::ASSIGNED => {
                        crate::http::i18n::t(l, "case_assigned").to_string()
                    }
                    None => a.action.clone(),
                };
                (
                    a.at.clone(),
                    a.actor.clone(),
                    label,
                    a.note.clone(),
                    a.on_date.map(to_vi).unwrap_or_default(),
                )
            })
            .collect(),
        steps: hoptac_app::checks::CaseStep::ALL
            .iter()
            .map(|s| Opt {
                value: s.code().into(),
                label: s.label_vi().into(),
                selected: false,
            })
            .collect(),
        error,
    });
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub(crate) async fn case(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<i64>,
) -> WebResult {
    case_page(&st, &u, lang(&h), id, String::new()).await
}

pub(crate) async fn case_act(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let get = |k: &str| f.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let step = hoptac_app::checks::CaseStep::parse(&get("step"));
    let date = match get("on_date") {
        d if d.is_empty() => Ok(None),
        d => hoptac_core::date::parse(&d).map(Some).ok_or_else(|| {
            bad(
                "on_date",
                &d,
                hoptac_core::msg!("web.invalid_case_date", d = d),
            )
        }),
    };
    let result = match (step, date) {
        (None, _) => Err(bad(
            "step",
            &get("step"),
            hoptac_core::msg!("web.no_step_chosen"),
        )),
        (_, Err(err)) => Err(err),
        (Some(s), Ok(d)) => st.app.case_action(u.actor(), id, s, &get("note"), d).await,
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/quality/cases/{id}")).into_response()),
        Err(err @ AppError::Invalid { .. }) => {
            case_page(&st, &u, l, id, err.message().get(l.code()).to_string()).await
        }
        Err(err) => Err(WebError::new(l, err)),
    }
}

/// Reopens a closed case with its reason (and takes back the dissolution it recorded).
pub(crate) async fn case_reopen(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let reason = f
        .get("reason")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    match st.app.reopen_case(u.actor(), id, &reason).await {
        Ok(()) => Ok(Redirect::to(&format!("/quality/cases/{id}")).into_response()),
        Err(err @ AppError::Invalid { .. }) => {
            case_page(&st, &u, l, id, err.message().get(l.code()).to_string()).await
        }
        Err(err) => Err(WebError::new(l, err)),
    }
}

/// Gives the case to a person (or to no one).
pub(crate) async fn case_assign(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let who = f
        .get("assignee")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    match st.app.assign_case(u.actor(), id, &who).await {
        Ok(()) => Ok(Redirect::to(&format!("/quality/cases/{id}")).into_response()),
        Err(err @ AppError::Invalid { .. }) => {
            case_page(&st, &u, l, id, err.message().get(l.code()).to_string()).await
        }
        Err(err) => Err(WebError::new(l, err)),
    }
}
