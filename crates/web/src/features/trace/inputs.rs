//! What the traceability and linkage forms share: choices as options, numbers and days read
//! with the field named, the organisations an account writes.

use crate::http::error::WebError;
use crate::http::i18n::Lang;
use crate::http::layout::Opt;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use hoptac_app::AppError;
use hoptac_core::Fixed;
use hoptac_core::i18n::Msg;
use hoptac_core::model::Organization;
use std::collections::HashMap;

pub(super) type FormProblems = Vec<(String, String, Msg)>;

/// (value, label) choices as a select's options, `empty` adding "—" first.
pub(super) fn options(all: &[(String, String)], value: &str, empty: bool) -> Vec<Opt> {
    let mut out = Vec::new();
    if empty {
        out.push(Opt {
            value: String::new(),
            label: "—".into(),
            selected: value.is_empty(),
        });
    }
    out.extend(all.iter().map(|(code, label)| Opt {
        value: code.clone(),
        label: label.clone(),
        selected: code == value,
    }));
    out
}

/// The trimmed value of a field, empty when absent.
pub(super) fn get<'a>(v: &'a HashMap<String, String>, k: &str) -> &'a str {
    v.get(k).map(|s| s.trim()).unwrap_or_default()
}

/// A number as offices type it (1.600,5), or the problem of the field.
pub(super) fn number(
    v: &HashMap<String, String>,
    key: &str,
    problems: &mut FormProblems,
) -> Option<Fixed> {
    let s = get(v, key);
    let n = hoptac_core::parse::parse_number(s).map(|n| n.value);
    if n.is_none() {
        problems.push((
            key.into(),
            s.to_string(),
            hoptac_core::msg!("web.number_expected", s = s),
        ));
    }
    n
}

/// A number that may be left empty.
pub(super) fn optional_number(
    v: &HashMap<String, String>,
    key: &str,
    problems: &mut FormProblems,
) -> Option<Fixed> {
    if get(v, key).is_empty() {
        return None;
    }
    number(v, key, problems)
}

/// A whole number that may be left empty (households).
pub(super) fn optional_count(
    v: &HashMap<String, String>,
    key: &str,
    problems: &mut FormProblems,
) -> Option<i64> {
    let s = get(v, key).replace('.', "");
    if s.is_empty() {
        return None;
    }
    let n = s.parse::<i64>().ok();
    if n.is_none() {
        problems.push((
            key.into(),
            get(v, key).to_string(),
            hoptac_core::msg!("web.number_expected", s = get(v, key)),
        ));
    }
    n
}

/// A day that may be left empty.
pub(super) fn optional_day(
    v: &HashMap<String, String>,
    key: &str,
    problems: &mut FormProblems,
) -> Option<hoptac_core::Date> {
    if get(v, key).is_empty() {
        return None;
    }
    crate::http::forms::day_of(v, key, problems)
}

/// An enumerated choice, or the problem of the field.
pub(super) fn choice<T: hoptac_core::types::Enumerated>(
    v: &HashMap<String, String>,
    key: &str,
    problems: &mut FormProblems,
) -> Option<T> {
    let s = get(v, key);
    let x = T::parse(s);
    if x.is_none() {
        problems.push((
            key.into(),
            s.to_string(),
            hoptac_core::msg!("club.topic_unknown", value = s, expected = T::expected()),
        ));
    }
    x
}

/// The organisations the account writes the records of; none is a refusal (audited).
pub(super) async fn writable_orgs(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
) -> Result<Vec<Organization>, WebError> {
    let orgs = (st.app.product_owners(u.actor()).await).map_err(|e| WebError::new(l, e))?;
    if orgs.is_empty() {
        (st.app.check_support_write(u.actor()).await).map_err(|e| WebError::new(l, e))?;
        return Err(WebError::new(l, AppError::Forbidden));
    }
    Ok(orgs)
}

/// The organisations as (code, label) choices.
pub(super) fn org_choices(orgs: &[Organization]) -> Vec<(String, String)> {
    orgs.iter()
        .map(|o| (o.code.to_string(), format!("{} ({})", o.name, o.code)))
        .collect()
}

/// The class a contract's standing is shown with.
pub(super) fn standing_class(s: hoptac_core::linkage::Standing) -> &'static str {
    use hoptac_core::linkage::Standing::*;
    match s {
        OnSchedule | Completed => "ok",
        Late => "warn",
        AtRisk | Short => "bad",
        NotStarted => "muted",
    }
}
