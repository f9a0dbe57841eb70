//! The audit trail (nhật ký): filtered list, CSV download, one organisation's history.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::i18n::t;
use crate::http::layout::Page;
use crate::http::request::Params;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use hoptac_store::AuditQuery;

pub(crate) struct AuditRow {
    pub at: String,
    pub actor: String,
    pub ip: String,
    pub action: String,
    pub entity: String,
    pub key: String,
    pub before: String,
    pub after: String,
}

#[derive(Template)]
#[template(path = "accounts/audit.html")]
pub(crate) struct AuditPage {
    pub p: Page,
    pub heading: String,
    pub actor: String,
    pub entity: String,
    pub key: String,
    pub action: String,
    pub rows: Vec<AuditRow>,
    pub csv_link: String,
}

pub(crate) fn rows(entries: Vec<hoptac_store::AuditEntry>) -> Vec<AuditRow> {
    entries
        .into_iter()
        .map(|e| AuditRow {
            at: e.at,
            actor: e.actor,
            ip: e.ip,
            action: e.action,
            entity: e.entity,
            key: e.key,
            before: e.before.unwrap_or_default(),
            after: e.after.unwrap_or_default(),
        })
        .collect()
}

pub(crate) fn csv_cell(s: &str) -> String {
    // a leading = + - @ would be a formula in a spreadsheet
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

pub(crate) fn csv(rows: &[AuditRow]) -> String {
    let mut out = String::from("\u{feff}at,actor,ip,action,entity,key,before,after\n");
    for r in rows {
        let cells = [
            &r.at, &r.actor, &r.ip, &r.action, &r.entity, &r.key, &r.before, &r.after,
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

pub(crate) async fn audit(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let get = |k: &str| {
        q.get(k)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let query = AuditQuery {
        actor: get("actor"),
        entity: get("entity"),
        key: get("key"),
        action: get("action"),
        units: None,
        limit: 500,
    };
    let entries = st
        .app
        .audit_trail(u.actor(), query)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let rows = rows(entries);
    if q.get("format").is_some_and(|f| f == "csv") {
        return Ok(crate::http::download::download(
            "text/csv; charset=utf-8",
            "nhat-ky.csv",
            csv(&rows).into_bytes(),
        ));
    }
    let qs: Vec<String> = ["actor", "entity", "key", "action"]
        .iter()
        .filter_map(|k| get(k).map(|v| format!("{k}={}", enc(&v))))
        .collect();
    Ok(render(&AuditPage {
        p: page(&st, &u, l, "nav_audit").await,
        heading: t(l, "nav_audit").into(),
        actor: get("actor").unwrap_or_default(),
        entity: get("entity").unwrap_or_default(),
        key: get("key").unwrap_or_default(),
        action: get("action").unwrap_or_default(),
        rows,
        csv_link: format!("/audit?{}&format=csv", qs.join("&")),
    }))
}

/// The history of one organisation: its profile, yearly figures and managers.
pub(crate) async fn org_history(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let entries = st
        .app
        .org_history(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(render(&AuditPage {
        p: page(&st, &u, l, "history").await,
        heading: format!("{} — {code}", t(l, "history")),
        actor: String::new(),
        entity: String::new(),
        key: String::new(),
        action: String::new(),
        rows: rows(entries),
        csv_link: String::new(),
    }))
}
