//! Import of a workbook (check, page through its problems, confirm) and export of the register.

use crate::features::exchange::views::ImportPage;
use crate::features::exchange::views::ProblemRow;
use crate::features::exchange::views::SummaryRow;
use crate::http::download::XLSX;
use crate::http::download::download;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::i18n::Lang;
use crate::http::layout::Page;
use crate::http::request::Params;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use crate::http::state::PENDING_TTL;
use crate::http::state::Pending;
use crate::http::upload::token;
use crate::http::upload::uploaded_file;
use axum::Form;
use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use hoptac_app::ExportHeaders as Headers;
use hoptac_app::ImportOutcome;
use std::collections::HashMap;
use std::time::Instant;

pub(crate) async fn import_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    Ok(render(&import_view(
        page(&st, &u, l, "nav_import").await,
        l,
        None,
        String::new(),
        String::new(),
        false,
    )))
}

/// Problems listed on the import preview; the rest are counted by column.
pub(crate) const PREVIEW_PROBLEMS: usize = 200;

pub(crate) fn import_view(
    p: Page,
    l: Lang,
    o: Option<&ImportOutcome>,
    file_name: String,
    token: String,
    done: bool,
) -> ImportPage {
    import_view_page(p, l, o, file_name, token, done, 0, String::new())
}

/// The preview at one page of its problems; `results` names the checked outcome the other
/// pages are read from.
#[allow(clippy::too_many_arguments)]
pub(crate) fn import_view_page(
    p: Page,
    l: Lang,
    o: Option<&ImportOutcome>,
    file_name: String,
    token: String,
    done: bool,
    page: usize,
    results: String,
) -> ImportPage {
    let summary = o
        .map(|o| {
            o.summary
                .iter()
                .map(|s| SummaryRow {
                    table: s.table,
                    new: s.new,
                    changed: s.changed,
                    unchanged: s.unchanged,
                })
                .collect()
        })
        .unwrap_or_default();
    let problems: Vec<ProblemRow> = o
        .map(|o| {
            o.problems
                .iter()
                .skip(page * PREVIEW_PROBLEMS)
                .take(PREVIEW_PROBLEMS)
                .map(|p| ProblemRow {
                    error: p.is_error(),
                    sheet: p.sheet.clone(),
                    row: p.row.map(|r| r.to_string()).unwrap_or_default(),
                    column: p.column.clone().unwrap_or_default(),
                    value: hoptac_app::auth::bounded(&p.value, 200),
                    message: p.msg.get(l.code()).to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    let mut by_column: std::collections::BTreeMap<(String, String), (usize, usize)> =
        Default::default();
    for p in o.map(|o| o.problems.as_slice()).unwrap_or_default() {
        let k = by_column
            .entry((p.sheet.clone(), p.column.clone().unwrap_or_default()))
            .or_default();
        if p.is_error() { k.0 += 1 } else { k.1 += 1 }
    }
    let total = o.map(|o| o.problems.len()).unwrap_or(0);
    let more = total - problems.len();
    let pages = total.div_ceil(PREVIEW_PROBLEMS);
    ImportPage {
        p,
        checked: o.is_some(),
        file_name,
        token,
        blocked: o.is_some_and(|o| o.has_errors()),
        done,
        nothing: o.is_some_and(|o| !o.has_errors() && o.changes() == 0),
        summary,
        problems,
        by_column: by_column
            .into_iter()
            .take(100)
            .map(|((sheet, col), (e, w))| (sheet, col, e, w))
            .collect(),
        more,
        page: page + 1,
        pages,
        results,
        errors: o.map(|o| o.errors()).unwrap_or(0),
        warnings: o.map(|o| o.warnings()).unwrap_or(0),
        notice: String::new(),
    }
}

pub(crate) async fn import_check(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    mut mp: Multipart,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let (name, bytes) = uploaded_file(l, &mut mp).await?;
    let outcome = st
        .app
        .import_bytes(u.actor(), &name, &bytes, false)
        .await
        .map_err(e)?;
    let results = keep_results(&st, &u, &name, &outcome);
    let tok = if outcome.has_errors() {
        String::new()
    } else {
        let t = token();
        let mut pending = st.pending.lock().expect("pending lock");
        pending.retain(|_, p| p.at.elapsed() < PENDING_TTL);
        if pending.len() >= 16 {
            // an office has few clerks; drop the oldest rather than grow without bound
            if let Some(oldest) = pending
                .iter()
                .min_by_key(|(_, p)| p.at)
                .map(|(k, _)| k.clone())
            {
                pending.remove(&oldest);
            }
        }
        pending.insert(
            t.clone(),
            Pending {
                file_name: name.clone(),
                bytes,
                at: Instant::now(),
            },
        );
        t
    };
    Ok(render(&import_view_page(
        page(&st, &u, l, "nav_import").await,
        l,
        Some(&outcome),
        name,
        tok,
        false,
        0,
        results,
    )))
}

/// Problems kept for paging a preview: the first this many (fix them, then check again).
pub(crate) const KEPT_PROBLEMS: usize = 20_000;

/// Keeps a checked outcome (its first [`KEPT_PROBLEMS`] problems) for its other pages,
/// bounded like the pending uploads: 16 at most, 30 minutes each, one account's own.
pub(crate) fn keep_results(
    st: &AppState,
    u: &CurrentUser,
    name: &str,
    o: &ImportOutcome,
) -> String {
    if o.problems.len() <= PREVIEW_PROBLEMS {
        return String::new();
    }
    let t = token();
    let mut kept = o.clone();
    kept.problems.truncate(KEPT_PROBLEMS);
    let mut r = st.results.lock().expect("results lock");
    r.retain(|_, c| c.at.elapsed() < PENDING_TTL);
    if r.len() >= 16
        && let Some(oldest) = r.iter().min_by_key(|(_, c)| c.at).map(|(k, _)| k.clone())
    {
        r.remove(&oldest);
    }
    r.insert(
        t.clone(),
        crate::http::state::Checked {
            user: u.actor().name().to_string(),
            file_name: name.to_string(),
            outcome: kept,
            at: Instant::now(),
        },
    );
    t
}

/// The import page saying that what it refers to (an upload to confirm, a checked file's
/// problems) is gone: used, too old, or another account's (410).
pub(crate) async fn import_expired(st: &AppState, u: &CurrentUser, l: Lang) -> Response {
    let mut v = import_view(
        page(st, u, l, "nav_import").await,
        l,
        None,
        String::new(),
        String::new(),
        false,
    );
    v.notice = crate::http::i18n::t(l, "import_expired").into();
    let mut r = render(&v);
    *r.status_mut() = StatusCode::GONE;
    r
}

/// Another page of a checked file's problems (GET: reads what the check kept).
pub(crate) async fn import_problems(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let t = q.get("results").cloned().unwrap_or_default();
    let page_no: usize = q
        .get("page")
        .and_then(|p| p.trim().parse().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    let kept = st
        .results
        .lock()
        .expect("results lock")
        .get(&t)
        .filter(|c| c.user == u.actor().name() && c.at.elapsed() < PENDING_TTL)
        .map(|c| (c.file_name.clone(), c.outcome.clone()));
    let Some((name, o)) = kept else {
        return Ok(import_expired(&st, &u, l).await);
    };
    let last = o.problems.len().div_ceil(PREVIEW_PROBLEMS).max(1);
    Ok(render(&import_view_page(
        page(&st, &u, l, "nav_import").await,
        l,
        Some(&o),
        name,
        String::new(),
        false,
        page_no.min(last) - 1,
        t,
    )))
}

pub(crate) async fn import_confirm(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let tok = f.get("token").cloned().unwrap_or_default();
    let pending = st
        .pending
        .lock()
        .expect("pending lock")
        .remove(&tok)
        .filter(|p| p.at.elapsed() < PENDING_TTL);
    let Some(p) = pending else {
        return Ok(import_expired(&st, &u, l).await);
    };
    let outcome = st
        .app
        .import_bytes(u.actor(), &p.file_name, &p.bytes, true)
        .await
        .map_err(e)?;
    let done = outcome.applied;
    Ok(render(&import_view(
        page(&st, &u, l, "nav_import").await,
        l,
        Some(&outcome),
        p.file_name,
        String::new(),
        done,
    )))
}

pub(crate) async fn export(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let headers = if q.get("headers").is_some_and(|v| v == "keys") {
        Headers::Keys
    } else {
        Headers::Vietnamese
    };
    let bytes = st
        .app
        .export_xlsx(u.actor(), headers)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let name = format!(
        "hoptac-{}.xlsx",
        hoptac_core::date::to_iso(hoptac_app::today())
    );
    Ok(download(XLSX, &name, bytes))
}
