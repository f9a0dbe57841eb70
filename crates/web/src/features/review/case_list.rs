//! The review's case list as the page and its export share it: the cases of a scope as of a
//! date, filtered by ground and by where each stands, and each case's status in words.

use crate::http::download::XLSX;
use crate::http::download::download;
use crate::http::error::WebError;
use crate::http::forms::year_param;
use crate::http::i18n::{Lang, t};
use crate::http::request::Params;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use hoptac_app::checks::{CaseStep, ReviewCase};
use hoptac_app::{ListCell, write_list};
use hoptac_core::Date;
use std::collections::HashMap;

/// The review's date (`year=` or the review date), the scope, every case in it, and the
/// cases the list's filters keep.
pub(crate) struct CaseList {
    pub as_of: Date,
    pub scope: String,
    pub all: Vec<ReviewCase>,
    pub kept: Vec<ReviewCase>,
    pub ground: Option<String>,
    pub state: Option<String>,
    /// Only the cases given to the account asking.
    pub mine: bool,
}

pub(crate) async fn case_list(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    q: &HashMap<String, String>,
) -> Result<CaseList, WebError> {
    let e = |err| WebError::new(l, err);
    let as_of = match q.get("year").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        Some(_) => hoptac_core::date::year_end(year_param(q, "year", 0).map_err(e)?),
        None => st.app.review_date().await.map_err(e)?,
    };
    let scope = crate::http::request::scope_param(st, u, q)
        .await
        .map_err(e)?;
    let all = st
        .app
        .review_cases(u.actor(), as_of, Some(&scope))
        .await
        .map_err(e)?;
    let ground = q
        .get("ground")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let state = q
        .get("state")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty() && s != "all");
    let mine = q.get("mine").is_some_and(|v| v == "1");
    let me = u.actor().name();
    let kept = all
        .iter()
        .filter(|c| !mine || hoptac_app::case_assign::assignee(&c.case) == Some(me))
        .filter(|c| ground.as_deref().is_none_or(|g| c.case.rule == g))
        .filter(|c| match state.as_deref() {
            Some("open") => c.recorded && c.case.closed_at.is_none(),
            Some("pending") => !c.recorded,
            Some("closed") => c.case.closed_at.is_some(),
            _ => true,
        })
        .cloned()
        .collect();
    Ok(CaseList {
        as_of,
        scope,
        all,
        kept,
        ground,
        state,
        mine,
    })
}

/// Where a case stands, in words: not yet recorded, its last step, or closed (when, why).
pub(crate) fn case_status(l: Lang, c: &ReviewCase) -> String {
    match (&c.case.closed_at, &c.case.closed_reason) {
        (None, _) if !c.recorded => t(l, "case_pending").into(),
        (None, _) => c
            .case
            .actions
            .last()
            .map(|a| match CaseStep::parse(&a.action) {
                Some(s) => s.label_vi().to_string(),
                None if a.action == "reopened" => t(l, "case_reopened").to_string(),
                None => a.action.clone(),
            })
            .unwrap_or_else(|| t(l, "case_open").into()),
        (Some(at), reason) => format!(
            "{} {}: {}",
            t(l, "case_closed"),
            crate::http::format::vn_time(at),
            reason.clone().unwrap_or_default()
        ),
    }
}

/// The filtered case list as a workbook, the filters at its head.
pub(crate) async fn cases_export(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let list = case_list(&st, &u, l, &q).await?;
    let scope_name = match st.app.scope_unit(&list.scope).await.map_err(e)? {
        Some(u) => u.name,
        None => t(l, "all_scopes").to_string(),
    };
    let mut described = vec![
        format!(
            "{}: {}",
            t(l, "review_as_of"),
            hoptac_core::date::to_vi(list.as_of)
        ),
        format!("{}: {scope_name}", t(l, "scope")),
    ];
    if let Some(g) = &list.ground {
        let title = list
            .all
            .iter()
            .find(|c| &c.case.rule == g)
            .map(|c| c.title_vi.to_string())
            .unwrap_or_else(|| g.clone());
        described.push(format!("{}: {title}", t(l, "rule")));
    }
    if let Some(s) = &list.state {
        described.push(format!(
            "{}: {}",
            t(l, "status"),
            hoptac_core::i18n::ui(l, &format!("case_state_{s}")).unwrap_or(s)
        ));
    }
    if list.mine {
        described.push(format!("{}: {}", t(l, "case_assignee"), u.actor().name()));
    }
    let cells: Vec<Vec<ListCell>> = list
        .kept
        .iter()
        .map(|c| {
            vec![
                if c.recorded {
                    ListCell::Int(c.case.id)
                } else {
                    ListCell::Empty
                },
                ListCell::Text(c.title_vi.to_string()),
                ListCell::Text(c.case.org.to_string()),
                ListCell::Text(c.org_name.clone()),
                ListCell::Date(c.case.since),
                ListCell::Text(c.case.evidence.clone()),
                ListCell::Text(case_status(l, c)),
                ListCell::Text(
                    hoptac_app::case_assign::assignee(&c.case)
                        .unwrap_or_default()
                        .to_string(),
                ),
                ListCell::Text(c.legal_ref.to_string()),
            ]
        })
        .collect();
    let headers: Vec<&'static str> = [
        "case",
        "rule",
        "code",
        "name",
        "since",
        "evidence",
        "status",
        "legal_ref",
    ]
    .iter()
    .map(|k| t(l, k))
    .collect();
    let title = t(l, "case_list_title").to_string();
    let sheet = t(l, "nav_quality").to_string();
    let described = described.join(" · ");
    let bytes = tokio::task::spawn_blocking(move || {
        write_list(&sheet, &title, &described, &headers, &cells)
    })
    .await
    .map_err(|x| e(hoptac_app::AppError::internal(format!("export: {x}"))))?
    .map_err(|x| e(hoptac_app::AppError::internal(format!("export: {x}"))))?;
    Ok(download(XLSX, "danh-sach-ra-soat.xlsx", bytes))
}
