//! An earlier version of a yearly report or an organisation, from its history (phiên bản
//! trước): the values the record had before a recorded change, put back into its edit form. Nothing is written until
//! the clerk saves, and the save goes through every check of the form (the version read now,
//! the closed years, the warnings).

use crate::features::registry::views::REPORT_KEYS;
use crate::http::format::amount_input;
use hoptac_app::{Actor, App, AppError};
use hoptac_core::Fixed;
use std::collections::HashMap;

/// Money fields of a report, read from the audit's JSON numbers.
const AMOUNTS: [&str; 4] = ["revenue", "profit", "member_income", "worker_income"];

/// The audit row `id` of the record (`entity`, `key`), as the account may read it.
async fn change_of(
    app: &App,
    actor: &Actor,
    entity: &str,
    key: &str,
    id: i64,
) -> Result<hoptac_store::AuditEntry, AppError> {
    app.audit_trail(
        actor,
        hoptac_store::AuditQuery {
            entity: Some(entity.into()),
            key: Some(key.to_string()),
            before_id: Some(id.saturating_add(1)),
            limit: 1,
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .find(|e| e.id == id)
    .ok_or_else(|| {
        let kind = match entity {
            "annual_reports" => "report",
            "organizations" => "org",
            _ => "item",
        };
        AppError::not_found(kind, format!("{key} #{id}"))
    })
}

/// The report's values before change `id` (an audit row of this report), as form values,
/// with when and by whom the change was made.
pub(crate) async fn before_change(
    app: &App,
    actor: &Actor,
    code: &str,
    year: &str,
    id: i64,
) -> Result<(HashMap<String, String>, String, String), AppError> {
    let key = format!("{code}/{year}");
    let entry = change_of(app, actor, "annual_reports", &key, id).await?;
    let json = entry.before.as_deref().unwrap_or("");
    let values = values_of(json).ok_or_else(|| {
        AppError::invalid(
            "from_change",
            id.to_string(),
            hoptac_core::msg!("web.no_earlier_version", id = id),
        )
    })?;
    Ok((values, entry.at, entry.actor))
}

/// A report as the audit recorded it, as the values of its form; `None` when it is not a
/// report (a row that did not exist before, or a JSON of another shape).
pub(crate) fn values_of(json: &str) -> Option<HashMap<String, String>> {
    let serde_json::Value::Object(m) = serde_json::from_str(json).ok()? else {
        return None;
    };
    m.get("year")?;
    let mut out = HashMap::new();
    for k in REPORT_KEYS {
        let v = match m.get(k) {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(serde_json::Value::Number(n)) if AMOUNTS.contains(&k) => {
                // a number as JSON wrote it (the shortest form that reads back the same)
                let exact = Fixed::parse_plain(&n.to_string())?;
                amount_input(exact)
            }
            Some(serde_json::Value::Number(n)) => n.to_string(),
            Some(serde_json::Value::Bool(b)) => if *b { "yes" } else { "no" }.to_string(),
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .filter_map(|x| x.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            Some(serde_json::Value::String(s)) if s.len() == 10 && s.as_bytes()[4] == b'-' => {
                hoptac_core::date::parse(s)
                    .map(hoptac_core::date::to_vi)
                    .unwrap_or_else(|| s.clone())
            }
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(_) => return None,
        };
        out.insert(k.to_string(), v);
    }
    Some(out)
}

/// Fields of an organisation as the audit records them (its commune by the unit's id).
const ORG_FIELDS: [&str; 8] = [
    "code",
    "kind",
    "name",
    "sector",
    "commune",
    "founded_on",
    "dissolved_on",
    "registration_no",
];

/// An organisation as the audit recorded it, as form values; its commune is named by the code
/// of the unit with that id (`units`: id → code).
pub(crate) fn org_values_of(
    json: &str,
    units: &HashMap<i64, String>,
) -> Option<HashMap<String, String>> {
    let serde_json::Value::Object(m) = serde_json::from_str(json).ok()? else {
        return None;
    };
    m.get("code")?;
    let mut out = HashMap::new();
    for k in ORG_FIELDS {
        let v = match (k, m.get(k)) {
            (_, None | Some(serde_json::Value::Null)) => String::new(),
            ("commune", Some(serde_json::Value::Number(n))) => units.get(&n.as_i64()?)?.clone(),
            (_, Some(serde_json::Value::String(s))) if s.len() == 10 && s.as_bytes()[4] == b'-' => {
                hoptac_core::date::parse(s)
                    .map(hoptac_core::date::to_vi)
                    .unwrap_or_else(|| s.clone())
            }
            (_, Some(serde_json::Value::String(s))) => s.clone(),
            _ => return None,
        };
        out.insert(k.to_string(), v);
    }
    Some(out)
}

/// The organisation's values before change `id` (an audit row of it), with when and by whom.
pub(crate) async fn org_before_change(
    app: &App,
    actor: &Actor,
    code: &str,
    id: i64,
) -> Result<(HashMap<String, String>, String, String), AppError> {
    let entry = change_of(app, actor, "organizations", code, id).await?;
    let units: HashMap<i64, String> = app
        .units()
        .await?
        .into_iter()
        .map(|u| (u.id.0, u.code))
        .collect();
    let values = org_values_of(entry.before.as_deref().unwrap_or(""), &units).ok_or_else(|| {
        AppError::invalid(
            "from_change",
            id.to_string(),
            hoptac_core::msg!("web.no_earlier_version", id = id),
        )
    })?;
    Ok((values, entry.at, entry.actor))
}

/// Fields of a manager as the audit records them.
const MANAGER_FIELDS: [&str; 6] = [
    "full_name",
    "role",
    "qualification",
    "trained_on",
    "from",
    "to",
];

/// A manager as the audit recorded them, as form values; `None` when it is not a manager's
/// row.
pub(crate) fn manager_values_of(json: &str) -> Option<HashMap<String, String>> {
    let serde_json::Value::Object(m) = serde_json::from_str(json).ok()? else {
        return None;
    };
    m.get("full_name")?;
    let mut out = HashMap::new();
    for k in MANAGER_FIELDS {
        let v = match m.get(k) {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(serde_json::Value::String(s)) if s.len() == 10 && s.as_bytes()[4] == b'-' => {
                hoptac_core::date::parse(s)
                    .map(hoptac_core::date::to_vi)
                    .unwrap_or_else(|| s.clone())
            }
            Some(serde_json::Value::String(s)) => s.clone(),
            _ => return None,
        };
        out.insert(k.to_string(), v);
    }
    Some(out)
}

/// A manager's values before change `id` (an audit row of the row named `key`), with when
/// and by whom.
pub(crate) async fn manager_before_change(
    app: &App,
    actor: &Actor,
    key: &str,
    id: i64,
) -> Result<(HashMap<String, String>, String, String), AppError> {
    let entry = change_of(app, actor, "managers", key, id).await?;
    let values = manager_values_of(entry.before.as_deref().unwrap_or("")).ok_or_else(|| {
        AppError::invalid(
            "from_change",
            id.to_string(),
            hoptac_core::msg!("web.no_earlier_version", id = id),
        )
    })?;
    Ok((values, entry.at, entry.actor))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_recorded_manager_reads_back_into_their_form() {
        let json = r#"{"org":"HTX-1","full_name":"Lê Văn A","role":"director","qualification":"college","trained_on":"2023-05-02","from":"2015-01-01","to":null}"#;
        let v = super::manager_values_of(json).unwrap();
        assert_eq!(v["role"], "director");
        assert_eq!(v["trained_on"], "02/05/2023");
        assert_eq!(v["to"], "");
        assert!(super::manager_values_of(r#"{"code":"HTX-1"}"#).is_none());
    }

    #[test]
    fn a_recorded_organisation_reads_back_into_its_form() {
        let units = [(7, "30049".to_string())].into_iter().collect();
        let json = r#"{"code":"HTX-1","kind":"HTX","name":"HTX Một","sector":"agriculture","commune":7,"founded_on":"2007-12-04","dissolved_on":null,"registration_no":"140707"}"#;
        let v = super::org_values_of(json, &units).unwrap();
        assert_eq!(v["commune"], "30049");
        assert_eq!(v["founded_on"], "04/12/2007");
        assert_eq!(v["dissolved_on"], "");
        assert_eq!(v["name"], "HTX Một");
        let gone = r#"{"code":"HTX-1","commune":99}"#;
        assert!(
            super::org_values_of(gone, &units).is_none(),
            "a unit no longer known"
        );
    }

    #[test]
    fn a_recorded_report_reads_back_into_its_form_exactly() {
        let json = r#"{"org":"HTX-1","year":2024,"members":294,"revenue":123.456,"profit":907,"services":["irrigation","seed"],"rating":"kha","general_meeting_on":"2024-04-09","statements_filed":true}"#;
        let v = super::values_of(json).unwrap();
        assert_eq!(v["members"], "294");
        assert_eq!(v["revenue"], "123,4560");
        assert_eq!(v["profit"], "907");
        assert_eq!(v["services"], "irrigation;seed");
        assert_eq!(v["general_meeting_on"], "09/04/2024");
        assert_eq!(v["statements_filed"], "yes");
        assert_eq!(v["worker_income"], "");
        assert!(
            super::values_of("null").is_none(),
            "no earlier version of a new row"
        );
    }
}
