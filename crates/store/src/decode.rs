//! Rows read back as core types, written once for every adapter: each adapter shows its
//! rows through [`Columns`] (text and integers, as SQLite stores them; the PostgreSQL
//! adapter turns its dates, moments and flags into that shape), and every column is
//! parsed here, a bad one reported as corrupt naming its table.

use crate::port::error::{Result, StoreError};
use crate::port::records::{AuditEntry, CaseAction, ReportingLock, StoredEvaluation};
use hoptac_core::auth::{Account, Role as AccountRole, Scope};
use hoptac_core::evaluation::{Evaluation, State};
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, ReportFigures, UnitId};
use hoptac_core::types::{AdminLevel, OrgKind, Qualification, Rating, Role, Sector, Service, Year};
use hoptac_core::{Date, Fixed, OrgCode};
use std::collections::BTreeMap;

/// One row of a result, column by column (0-based), in the two shapes every column is
/// stored or cast to: text and 64-bit integers. NULL is `None`.
pub trait Columns {
    fn text(&self, i: usize) -> Result<Option<String>>;
    fn int(&self, i: usize) -> Result<Option<i64>>;
}

pub fn corrupt(table: &'static str, detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        table,
        detail: detail.into(),
    }
}

/// A column that may not be NULL.
pub fn text(r: &impl Columns, i: usize, table: &'static str) -> Result<String> {
    r.text(i)?
        .ok_or_else(|| corrupt(table, format!("column {i} is empty")))
}

pub fn int(r: &impl Columns, i: usize, table: &'static str) -> Result<i64> {
    r.int(i)?
        .ok_or_else(|| corrupt(table, format!("column {i} is empty")))
}

pub fn date(r: &impl Columns, i: usize, table: &'static str) -> Result<Option<Date>> {
    match r.text(i)? {
        None => Ok(None),
        Some(s) => hoptac_core::date::parse(&s)
            .map(Some)
            .ok_or_else(|| corrupt(table, format!("bad date {s:?}"))),
    }
}

pub fn req_date(r: &impl Columns, i: usize, table: &'static str, what: &str) -> Result<Date> {
    date(r, i, table)?.ok_or_else(|| corrupt(table, format!("no {what}")))
}

pub fn enum_of<T>(
    r: &impl Columns,
    i: usize,
    table: &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<T> {
    let s = text(r, i, table)?;
    parse(&s).ok_or_else(|| corrupt(table, format!("bad value {s:?}")))
}

pub fn opt_enum_of<T>(
    r: &impl Columns,
    i: usize,
    table: &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>> {
    r.text(i)?
        .map(|s| parse(&s).ok_or_else(|| corrupt(table, format!("bad value {s:?}"))))
        .transpose()
}

pub fn code(r: &impl Columns, i: usize, table: &'static str) -> Result<OrgCode> {
    let c = text(r, i, table)?;
    OrgCode::parse(&c).ok_or_else(|| corrupt(table, format!("bad code {c:?}")))
}

pub fn money(r: &impl Columns, i: usize) -> Result<Option<Fixed>> {
    Ok(r.int(i)?.map(Fixed::from_micros))
}

pub fn flag(r: &impl Columns, i: usize) -> Result<Option<bool>> {
    Ok(r.int(i)?.map(|v| v != 0))
}

/// `username, display_name, role, scope_kind, scope_value, must_change, disabled`
pub fn account(r: &impl Columns) -> Result<Account> {
    let kind = text(r, 3, "accounts")?;
    let value = text(r, 4, "accounts")?;
    let scope = match kind.as_str() {
        "all" => Scope::All,
        "unit" => {
            Scope::Unit(UnitId(value.parse().map_err(|_| {
                corrupt("accounts", format!("bad unit scope {value:?}"))
            })?))
        }
        _ => Scope::Org(
            OrgCode::parse(&value)
                .ok_or_else(|| corrupt("accounts", format!("bad org scope {value:?}")))?,
        ),
    };
    Ok(Account {
        username: text(r, 0, "accounts")?,
        display_name: text(r, 1, "accounts")?,
        role: enum_of(r, 2, "accounts", AccountRole::parse)?,
        scope,
        must_change_password: int(r, 5, "accounts")? != 0,
        disabled: int(r, 6, "accounts")? != 0,
    })
}

/// `id, code, name, level, parent_id, valid_from, valid_to`
pub fn unit(r: &impl Columns) -> Result<AdminUnit> {
    Ok(AdminUnit {
        id: UnitId(int(r, 0, "admin_units")?),
        code: text(r, 1, "admin_units")?,
        name: text(r, 2, "admin_units")?,
        level: enum_of(r, 3, "admin_units", AdminLevel::parse)?,
        parent: r.int(4)?.map(UnitId),
        valid_from: date(r, 5, "admin_units")?,
        valid_to: date(r, 6, "admin_units")?,
    })
}

/// `old_id, new_id, on_date, kind, basis`
pub fn unit_change(r: &impl Columns) -> Result<hoptac_core::territory::UnitChange> {
    use hoptac_core::territory::{ChangeKind, UnitChange};
    Ok(UnitChange {
        old: UnitId(int(r, 0, "unit_changes")?),
        new: UnitId(int(r, 1, "unit_changes")?),
        on: req_date(r, 2, "unit_changes", "date")?,
        kind: enum_of(r, 3, "unit_changes", ChangeKind::parse)?,
        basis: text(r, 4, "unit_changes")?,
    })
}

/// `org_code, commune_id, moved_on, reason`
pub fn org_move(r: &impl Columns) -> Result<hoptac_core::territory::OrgMove> {
    Ok(hoptac_core::territory::OrgMove {
        org: code(r, 0, "organization_moves")?,
        commune: UnitId(int(r, 1, "organization_moves")?),
        moved_on: req_date(r, 2, "organization_moves", "date")?,
        reason: text(r, 3, "organization_moves")?,
    })
}

/// `code, kind, name, sector, commune_id, founded_on, dissolved_on, registration_no`
pub fn org(r: &impl Columns) -> Result<Organization> {
    Ok(Organization {
        code: code(r, 0, "organizations")?,
        kind: enum_of(r, 1, "organizations", OrgKind::parse)?,
        name: text(r, 2, "organizations")?,
        sector: enum_of(r, 3, "organizations", Sector::parse)?,
        commune: UnitId(int(r, 4, "organizations")?),
        founded_on: req_date(r, 5, "organizations", "founding date")?,
        dissolved_on: date(r, 6, "organizations")?,
        registration_no: r.text(7)?,
    })
}

/// `org_code, year, members, members_joined, members_left, workers, revenue, profit,
/// member_income, worker_income, services, rating, general_meeting_on, statements_filed,
/// received_on, statements_filed_on, self_assessment_sent_on, rating_basis`
pub fn report(r: &impl Columns) -> Result<AnnualReport> {
    const T: &str = "annual_reports";
    let year = int(r, 1, T)?;
    let services = text(r, 10, T)?
        .split(';')
        .filter(|s| !s.is_empty())
        .map(|s| Service::parse(s).ok_or_else(|| corrupt(T, format!("bad service {s:?}"))))
        .collect::<Result<_>>()?;
    Ok(AnnualReport {
        org: code(r, 0, T)?,
        year: Year::new(year as i32).ok_or_else(|| corrupt(T, format!("bad year {year}")))?,
        figures: ReportFigures {
            members: r.int(2)?,
            members_joined: r.int(3)?,
            members_left: r.int(4)?,
            workers: r.int(5)?,
            revenue: money(r, 6)?,
            profit: money(r, 7)?,
            member_income: money(r, 8)?,
            worker_income: money(r, 9)?,
            services,
            rating: opt_enum_of(r, 11, T, Rating::parse)?,
            general_meeting_on: date(r, 12, T)?,
            statements_filed: flag(r, 13)?,
            received_on: date(r, 14, T)?,
            statements_filed_on: date(r, 15, T)?,
            self_assessment_sent_on: date(r, 16, T)?,
            rating_basis: r.text(17)?,
        },
    })
}

/// `org_code, full_name, role, qualification, trained_on, from_date, to_date`
pub fn manager(r: &impl Columns) -> Result<Manager> {
    Ok(Manager {
        org: code(r, 0, "managers")?,
        full_name: text(r, 1, "managers")?,
        role: enum_of(r, 2, "managers", Role::parse)?,
        qualification: opt_enum_of(r, 3, "managers", Qualification::parse)?,
        trained_on: date(r, 4, "managers")?,
        from: date(r, 5, "managers")?,
        to: date(r, 6, "managers")?,
    })
}

/// `id, at, actor, ip, action, entity, key, unit_id, before, after`
pub fn audit(r: &impl Columns) -> Result<AuditEntry> {
    const T: &str = "audit";
    Ok(AuditEntry {
        id: int(r, 0, T)?,
        at: text(r, 1, T)?,
        actor: text(r, 2, T)?,
        ip: text(r, 3, T)?,
        action: text(r, 4, T)?,
        entity: text(r, 5, T)?,
        key: text(r, 6, T)?,
        unit: r.int(7)?.map(UnitId),
        before: r.text(8)?,
        after: r.text(9)?,
    })
}

/// `at, actor, action, note, on_date` from column `first` on.
pub fn case_action(r: &impl Columns, first: usize) -> Result<CaseAction> {
    const T: &str = "case_actions";
    Ok(CaseAction {
        at: text(r, first, T)?,
        actor: text(r, first + 1, T)?,
        action: text(r, first + 2, T)?,
        note: text(r, first + 3, T)?,
        on_date: date(r, first + 4, T)?,
    })
}

/// `id, year, unit_id, action, reason, actor, at`
pub fn reporting_lock(r: &impl Columns) -> Result<ReportingLock> {
    const T: &str = "reporting_locks";
    Ok(ReportingLock {
        id: int(r, 0, T)?,
        year: int(r, 1, T)? as i32,
        unit: r.int(2)?.map(UnitId),
        closed: text(r, 3, T)? == "close",
        reason: text(r, 4, T)?,
        actor: text(r, 5, T)?,
        at: text(r, 6, T)?,
    })
}

pub fn state_code(s: State) -> &'static str {
    match s {
        State::Draft => "draft",
        State::Submitted => "submitted",
        State::Reviewed => "reviewed",
        State::Approved => "approved",
    }
}

fn state_of(s: &str) -> Option<State> {
    Some(match s {
        "draft" => State::Draft,
        "submitted" => State::Submitted,
        "reviewed" => State::Reviewed,
        "approved" => State::Approved,
        _ => return None,
    })
}

/// Scores as `item=value` lines: exact decimals, readable in a database browser.
pub fn scores_text(s: &BTreeMap<String, Fixed>) -> String {
    s.iter().map(|(k, v)| format!("{k}={v}\n")).collect()
}

/// Adjusted scores as `item=value=reason` lines.
pub fn adjusted_text(s: &BTreeMap<String, (Fixed, String)>) -> String {
    // a reason is one line: line breaks typed in a form become spaces
    s.iter()
        .map(|(k, (v, why))| format!("{k}={v}={}\n", why.replace(['\n', '\r'], " ")))
        .collect()
}

fn parse_scores(t: &str) -> Option<BTreeMap<String, Fixed>> {
    t.lines()
        .map(|l| {
            let (k, v) = l.split_once('=')?;
            Some((k.to_string(), Fixed::parse_plain(v)?))
        })
        .collect()
}

fn parse_adjusted(t: &str) -> Option<BTreeMap<String, (Fixed, String)>> {
    t.lines()
        .map(|l| {
            let mut p = l.splitn(3, '=');
            let (k, v, why) = (p.next()?, p.next()?, p.next()?);
            Some((k.to_string(), (Fixed::parse_plain(v)?, why.to_string())))
        })
        .collect()
}

/// `org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on`
pub fn evaluation(r: &impl Columns) -> Result<StoredEvaluation> {
    const T: &str = "evaluations";
    let c = text(r, 0, T)?;
    let year = int(r, 1, T)?;
    let bad = |what: &str| corrupt(T, format!("{c}/{year}: {what}"));
    Ok(StoredEvaluation {
        org: OrgCode::parse(&c).ok_or_else(|| bad("code"))?,
        year: year as i32,
        evaluation: Evaluation {
            rubric_id: text(r, 2, T)?,
            rubric_version: int(r, 3, T)? as u32,
            state: state_of(&text(r, 4, T)?).ok_or_else(|| bad("state"))?,
            self_scores: parse_scores(&text(r, 5, T)?).ok_or_else(|| bad("self_scores"))?,
            adjusted: parse_adjusted(&text(r, 6, T)?).ok_or_else(|| bad("adjusted"))?,
            submitted_on: match r.text(7)? {
                None => None,
                Some(d) => Some(hoptac_core::date::parse(&d).ok_or_else(|| bad("submitted_on"))?),
            },
        },
    })
}
