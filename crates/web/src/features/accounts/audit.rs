//! The audit trail (nhật ký): filtered list, CSV download, one organisation's history.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::i18n::t;
use crate::http::layout::Page;
use crate::http::request::Params;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use hoptac_store::AuditQuery;

pub(crate) struct AuditRow {
    pub at: String,
    /// dd/mm/yyyy hh:mm (Vietnam time), for the page; `at` as stored for the CSV.
    pub at_shown: String,
    /// The action and the table in words where the catalogue has them, else their codes.
    pub action_shown: String,
    pub entity_shown: String,
    /// Field by field: (field in words, before, after), for changes of JSON objects.
    pub changes: Vec<(String, String, String)>,
    pub actor: String,
    pub ip: String,
    pub action: String,
    pub entity: String,
    pub key: String,
    pub before: String,
    pub after: String,
    /// For a change of a yearly report: its edit form filled as before the change.
    pub earlier_link: String,
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
    /// The tables and actions to filter by: (code, words), the chosen one marked.
    pub tables: Vec<(String, String)>,
    pub actions: Vec<(String, String)>,
    /// The next page (older rows) and the first (newest), "" when there is none.
    pub older_link: String,
    pub newest_link: String,
}

/// Rows on one page of the audit, newest first; older ones a link away.
pub(crate) const AUDIT_PAGE: u32 = 100;

const TABLES: &[&str] = &[
    "organizations",
    "annual_reports",
    "managers",
    "admin_units",
    "accounts",
    "reporting_locks",
    "evaluations",
    "plans",
    "targets",
    "indicators",
    "cases",
    "validation_rules",
    "support_events",
    "support_disbursements",
    "products",
    "ocop_ratings",
    "facilities",
    "lots",
    "trace_events",
    "contracts",
    "deliveries",
    "linkage_projects",
    "plan_tasks",
    "ledger_years",
    "meta",
];

const ACTIONS: &[&str] = &[
    "create",
    "update",
    "archive",
    "restore",
    "replace",
    "delete",
    "merge",
    "close_year",
    "reopen_year",
    "import",
    "close",
    "reopen",
    "refused",
    "login",
    "login_failed",
    "logout",
    "password_changed",
];

fn choices(l: crate::http::i18n::Lang, prefix: &str, codes: &[&str]) -> Vec<(String, String)> {
    codes
        .iter()
        .map(|c| (c.to_string(), words(l, &format!("{prefix}.{c}"))))
        .collect()
}

/// The words for `key` in the catalogue, or the key itself (an action or a field the
/// catalogue does not name yet is still shown).
fn words(l: crate::http::i18n::Lang, key: &str) -> String {
    hoptac_core::i18n::ui(l, key)
        .map(str::to_string)
        .unwrap_or_else(|| key.to_string())
}

fn shown(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        // a date as a clerk writes it
        serde_json::Value::String(s) if s.len() == 10 && s.as_bytes()[4] == b'-' => {
            hoptac_core::date::parse(s)
                .map(hoptac_core::date::to_vi)
                .unwrap_or_else(|| s.clone())
        }
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a.iter().map(shown).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// A field's value as a clerk reads it: an enumeration's label rather than its code
/// (`kha` → "Khá", `HOIQUAN` → "Hội quán").
fn shown_field(l: crate::http::i18n::Lang, field: &str, v: &serde_json::Value) -> String {
    use hoptac_core::{AdminLevel, OrgKind, Qualification, Rating, Role, Sector, Service};
    fn label<T: hoptac_core::types::Enumerated>(l: &str, s: &str) -> Option<String> {
        T::ALL.iter().find(|v| v.code() == s).map(|v| {
            if l == "en" {
                v.label_en()
            } else {
                v.label_vi()
            }
            .to_string()
        })
    }
    let one = |s: &str| -> Option<String> {
        let l = l.code();
        match field {
            "kind" => label::<OrgKind>(l, s),
            "sector" => label::<Sector>(l, s),
            "rating" => label::<Rating>(l, s),
            "role" => label::<Role>(l, s),
            "qualification" => label::<Qualification>(l, s),
            "level" => label::<AdminLevel>(l, s),
            "services" => label::<Service>(l, s),
            _ => None,
        }
    };
    match v {
        serde_json::Value::String(s) => one(s).unwrap_or_else(|| shown(v)),
        serde_json::Value::Array(a) => a
            .iter()
            .map(|x| match x {
                serde_json::Value::String(s) => one(s).unwrap_or_else(|| shown(x)),
                x => shown(x),
            })
            .collect::<Vec<_>>()
            .join(", "),
        v => shown(v),
    }
}

/// The fields whose values differ between two JSON objects (a missing field is empty).
fn field_changes(
    l: crate::http::i18n::Lang,
    before: Option<&str>,
    after: Option<&str>,
) -> Vec<(String, String, String)> {
    let parse = |s: Option<&str>| -> Option<serde_json::Map<String, serde_json::Value>> {
        match serde_json::from_str(s?) {
            // a record's nested part (a report's figures) is read as its own fields
            Ok(serde_json::Value::Object(m)) => Some(
                m.into_iter()
                    .flat_map(|(k, v)| match v {
                        serde_json::Value::Object(inner) => inner.into_iter().collect::<Vec<_>>(),
                        v => vec![(k, v)],
                    })
                    .collect(),
            ),
            _ => None,
        }
    };
    let (b, a) = (parse(before), parse(after));
    if b.is_none() && a.is_none() {
        return vec![];
    }
    let (b, a) = (b.unwrap_or_default(), a.unwrap_or_default());
    let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let null = serde_json::Value::Null;
            let (x, y) = (b.get(k).unwrap_or(&null), a.get(k).unwrap_or(&null));
            (x != y).then(|| (words(l, k), shown_field(l, k, x), shown_field(l, k, y)))
        })
        .collect()
}

pub(crate) fn rows(
    l: crate::http::i18n::Lang,
    entries: Vec<hoptac_store::AuditEntry>,
) -> Vec<AuditRow> {
    entries
        .into_iter()
        .map(|e| AuditRow {
            earlier_link: match (
                e.entity.as_str(),
                e.key.rsplit_once('/'),
                e.before.as_deref(),
            ) {
                ("annual_reports", Some((code, year)), Some(b))
                    if !matches!(e.action.as_str(), "restore" | "archive")
                        && crate::features::registry::versions::values_of(b).is_some() =>
                {
                    format!(
                        "/orgs/{}/reports/{year}/edit?from_change={}",
                        enc(code),
                        e.id
                    )
                }
                ("organizations", _, Some(b))
                    if e.action == "update" && b.starts_with('{') && b.contains("\"code\"") =>
                {
                    format!("/orgs/{}/edit?from_change={}", enc(&e.key), e.id)
                }
                ("managers", _, Some(b))
                    if e.action == "update"
                        && crate::features::registry::versions::manager_values_of(b).is_some() =>
                {
                    let org = e.key.split('/').next().unwrap_or_default();
                    format!(
                        "/orgs/{}/managers/{}/edit?from_change={}",
                        enc(org),
                        hoptac_core::model::slug_of_key(&e.key),
                        e.id
                    )
                }
                _ => String::new(),
            },
            at_shown: crate::http::format::vn_time(&e.at),
            action_shown: words(l, &format!("audit.{}", e.action)),
            entity_shown: words(l, &format!("table.{}", e.entity)),
            changes: field_changes(l, e.before.as_deref(), e.after.as_deref()),
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
    let csv_asked = q.get("format").is_some_and(|f| f == "csv");
    let before_id: Option<i64> = get("before").and_then(|b| b.parse().ok());
    let query = AuditQuery {
        actor: get("actor"),
        entity: get("entity"),
        key: get("key"),
        action: get("action"),
        units: None,
        // the CSV is the whole filtered trail (to its bound); the page is one page of it
        limit: if csv_asked { 100_000 } else { AUDIT_PAGE },
        before_id: if csv_asked { None } else { before_id },
    };
    let entries = st
        .app
        .audit_trail(u.actor(), query)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let oldest = entries.last().map(|e| e.id);
    let full = entries.len() as u32 >= AUDIT_PAGE;
    let rows = rows(l, entries);
    if csv_asked {
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
        tables: choices(l, "table", TABLES),
        actions: choices(l, "audit", ACTIONS),
        older_link: match oldest {
            Some(id) if full => format!("/audit?{}&before={id}", qs.join("&")),
            _ => String::new(),
        },
        newest_link: if before_id.is_some() {
            format!("/audit?{}", qs.join("&"))
        } else {
            String::new()
        },
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
        rows: rows(l, entries),
        csv_link: String::new(),
        tables: vec![],
        actions: vec![],
        older_link: String::new(),
        newest_link: String::new(),
    }))
}
