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
use axum::response::{IntoResponse, Redirect, Response};
use hoptac_app::AppError;
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

/// Checks an upload and answers with a redirect to its preview (post, redirect, get): the
/// upload's URL carries the CSRF token, which must not stay in the address bar, the history
/// or a bookmark, and a reload must not send the file again.
pub(crate) async fn import_check(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    mut mp: Multipart,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let checked = match uploaded_file(l, &mut mp).await {
        Ok((name, bytes)) => st
            .app
            .import_bytes(u.actor(), &name, &bytes, false)
            .await
            .map(|o| (name, bytes, o)),
        Err(w) => Err(w.err),
    };
    let (name, bytes, outcome) = match checked {
        Ok(c) => c,
        // the file itself is the problem: say so on the upload form, from a clean URL
        Err(err @ (AppError::Invalid { .. } | AppError::Unreadable(_) | AppError::TooLarge(_))) => {
            let status = match err {
                AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
                _ => StatusCode::BAD_REQUEST,
            };
            let why = Some((status, err.message().render(l)));
            let t = keep(
                &st,
                &u,
                String::new(),
                Default::default(),
                String::new(),
                why,
            );
            return Ok(Redirect::to(&format!("/import/problems?results={t}")).into_response());
        }
        Err(err) => return Err(e(err)),
    };
    let confirm = if outcome.has_errors() {
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
    let t = keep(&st, &u, name, outcome, confirm, None);
    Ok(Redirect::to(&format!("/import/problems?results={t}")).into_response())
}

/// Problems kept for paging a preview: the first this many (fix them, then check again).
pub(crate) const KEPT_PROBLEMS: usize = 20_000;

/// Keeps a checked outcome (its first [`KEPT_PROBLEMS`] problems) for its preview pages,
/// bounded like the pending uploads: 16 at most, 30 minutes each, one account's own.
fn keep(
    st: &AppState,
    u: &CurrentUser,
    file_name: String,
    mut outcome: ImportOutcome,
    confirm: String,
    failed: Option<(StatusCode, String)>,
) -> String {
    let t = token();
    outcome.problems.truncate(KEPT_PROBLEMS);
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
            file_name,
            outcome,
            confirm,
            failed,
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

/// The preview of a checked file at one page of its problems (GET: reads what the check
/// kept), or the upload form saying why the file could not be checked.
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
        .map(|c| {
            (
                c.file_name.clone(),
                c.outcome.clone(),
                c.confirm.clone(),
                c.failed.clone(),
            )
        });
    let Some((name, o, confirm, failed)) = kept else {
        return Ok(import_expired(&st, &u, l).await);
    };
    if let Some((status, why)) = failed {
        let mut v = import_view(
            page(&st, &u, l, "nav_import").await,
            l,
            None,
            String::new(),
            String::new(),
            false,
        );
        v.notice = why;
        let mut r = render(&v);
        *r.status_mut() = status;
        return Ok(r);
    }
    // the upload still waits for its confirmation (not yet confirmed, nor too old)
    let confirm = if st
        .pending
        .lock()
        .expect("pending lock")
        .get(&confirm)
        .is_some_and(|p| p.at.elapsed() < PENDING_TTL)
    {
        confirm
    } else {
        String::new()
    };
    let last = o.problems.len().div_ceil(PREVIEW_PROBLEMS).max(1);
    let paged = o.problems.len() > PREVIEW_PROBLEMS;
    Ok(render(&import_view_page(
        page(&st, &u, l, "nav_import").await,
        l,
        Some(&o),
        name,
        confirm,
        false,
        page_no.min(last) - 1,
        if paged { t } else { String::new() },
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
