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

pub mod clubs;
pub mod contracts;
pub mod ledgers;
pub mod products;
pub mod projects;
pub mod support;
pub mod tasks;
pub mod trace;
pub mod training;

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

/// The columns of a yearly report (as [`report`]), then `id, archived_at, archived_by,
/// reason, restored_at`.
pub fn archived_report(r: &impl Columns) -> Result<crate::port::records::ArchivedReport> {
    const T: &str = "archived_reports";
    Ok(crate::port::records::ArchivedReport {
        report: report(r)?,
        id: int(r, 18, T)?,
        archived_at: text(r, 19, T)?,
        archived_by: text(r, 20, T)?,
        reason: text(r, 21, T)?,
        restored_at: r.text(22)?,
    })
}

/// The columns of an organisation (as [`org`]), then `services, id, archived_at,
/// archived_by, reason, restored_at`; its managers are read apart.
pub fn archived_org(r: &impl Columns) -> Result<crate::port::records::ArchivedOrg> {
    const T: &str = "archived_orgs";
    let services = text(r, 8, T)?
        .split(';')
        .filter(|s| !s.is_empty())
        .map(|s| Service::parse(s).ok_or_else(|| corrupt(T, format!("bad service {s:?}"))))
        .collect::<Result<_>>()?;
    Ok(crate::port::records::ArchivedOrg {
        org: org(r)?,
        managers: Vec::new(),
        services,
        id: int(r, 9, T)?,
        archived_at: text(r, 10, T)?,
        archived_by: text(r, 11, T)?,
        reason: text(r, 12, T)?,
        restored_at: r.text(13)?,
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

/// Targets numbered 1, 2, … 7a, 7b, … 10 sort as people read them.
pub fn target_order(no: &str) -> (u32, String) {
    let digits: String = no.chars().take_while(|c| c.is_ascii_digit()).collect();
    (
        digits.parse().unwrap_or(u32::MAX),
        no[digits.len()..].to_string(),
    )
}

/// `year:value` milestones, `;`-separated.
fn milestones(t: &str) -> Result<Vec<(i32, Fixed)>> {
    t.split(';')
        .filter(|m| !m.is_empty())
        .map(|m| {
            let bad = || corrupt("targets", format!("bad milestone {m:?}"));
            let (y, v) = m.split_once(':').ok_or_else(bad)?;
            Ok((
                y.parse().map_err(|_| bad())?,
                Fixed::parse_plain(v).ok_or_else(bad)?,
            ))
        })
        .collect()
}

/// `plan_code, no, wording, indicator, comparator, value, value_hi, baseline_indicator,
/// milestones, note`: the plan's code and the target.
pub fn target(r: &impl Columns) -> Result<(String, hoptac_core::plan::Target)> {
    const T: &str = "targets";
    Ok((
        text(r, 0, T)?,
        hoptac_core::plan::Target {
            no: text(r, 1, T)?,
            wording: text(r, 2, T)?,
            indicator: text(r, 3, T)?,
            comparator: enum_of(r, 4, T, hoptac_core::plan::Comparator::parse)?,
            value: Fixed::from_micros(int(r, 5, T)?),
            value_hi: money(r, 6)?,
            baseline_indicator: r.text(7)?,
            milestones: milestones(&text(r, 8, T)?)?,
            note: text(r, 9, T)?,
        },
    ))
}

/// `code, title, issuer, doc_no, doc_date, from_year, to_year, baseline_year, scope_code`,
/// with the plan's targets.
pub fn plan(
    r: &impl Columns,
    mut targets: Vec<hoptac_core::plan::Target>,
) -> Result<hoptac_core::plan::Plan> {
    const T: &str = "plans";
    targets.sort_by_key(|t| target_order(&t.no));
    Ok(hoptac_core::plan::Plan {
        code: text(r, 0, T)?,
        title: text(r, 1, T)?,
        issuer: text(r, 2, T)?,
        doc_no: text(r, 3, T)?,
        doc_date: date(r, 4, T)?,
        from: int(r, 5, T)? as i32,
        to: int(r, 6, T)? as i32,
        baseline_year: int(r, 7, T)? as i32,
        scope: text(r, 8, T)?,
        targets,
        offices: vec![],
        tasks: vec![],
    })
}

/// `id, label_vi, label_en, definition, description`
pub fn indicator(r: &impl Columns) -> Result<hoptac_core::spec::IndicatorRecord> {
    const T: &str = "indicators";
    Ok(hoptac_core::spec::IndicatorRecord {
        id: text(r, 0, T)?,
        label_vi: text(r, 1, T)?,
        label_en: text(r, 2, T)?,
        definition: text(r, 3, T)?,
        description: text(r, 4, T)?,
    })
}

/// `id, expression, severity, message_vi, message_en, active`
pub fn validation_rule(r: &impl Columns) -> Result<hoptac_core::rules::RuleRecord> {
    use hoptac_core::validate::Severity;
    const T: &str = "validation_rules";
    Ok(hoptac_core::rules::RuleRecord {
        id: text(r, 0, T)?,
        expression: text(r, 1, T)?,
        severity: if text(r, 2, T)? == "error" {
            Severity::Error
        } else {
            Severity::Warning
        },
        message_vi: text(r, 3, T)?,
        message_en: text(r, 4, T)?,
        active: int(r, 5, T)? != 0,
    })
}

/// `id, rule, org_code, since, evidence, opened_at, closed_at, closed_reason`, with the
/// case's actions.
pub fn stored_case(
    r: &impl Columns,
    actions: Vec<CaseAction>,
) -> Result<crate::port::records::StoredCase> {
    const T: &str = "cases";
    Ok(crate::port::records::StoredCase {
        id: int(r, 0, T)?,
        rule: text(r, 1, T)?,
        org: code(r, 2, T)?,
        since: req_date(r, 3, T, "date")?,
        evidence: text(r, 4, T)?,
        opened_at: text(r, 5, T)?,
        closed_at: r.text(6)?,
        closed_reason: r.text(7)?,
        actions,
    })
}

/// `id, at, actor, keep_code, drop_code, moved_years, moved_managers, case_ids, (archive,)
/// undone_at, moved_accounts`: the archive, bytes, read by the adapter itself.
pub fn merge(r: &impl Columns, archive: Vec<u8>) -> Result<crate::port::records::MergeRecord> {
    const T: &str = "merges";
    Ok(crate::port::records::MergeRecord {
        id: int(r, 0, T)?,
        at: text(r, 1, T)?,
        actor: text(r, 2, T)?,
        keep: text(r, 3, T)?,
        drop: text(r, 4, T)?,
        moved_years: text(r, 5, T)?
            .split(';')
            .filter_map(|y| y.parse().ok())
            .collect(),
        moved_managers: text(r, 6, T)?
            .lines()
            .filter_map(|l| {
                let mut p = l.split('\t');
                Some((
                    p.next()?.to_string(),
                    p.next()?.to_string(),
                    p.next().unwrap_or("").to_string(),
                ))
            })
            .collect(),
        case_ids: text(r, 7, T)?
            .split(';')
            .filter_map(|y| y.parse().ok())
            .collect(),
        archive,
        undone_at: r.text(9)?,
        moved_accounts: text(r, 10, T)?
            .split(';')
            .filter(|u| !u.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

/// The columns a merge record is written with, in the order of `merges`'s INSERT:
/// `moved_years, moved_managers, case_ids, moved_accounts`.
pub fn merge_lists(m: &crate::port::records::MergeRecord) -> [String; 4] {
    let joined = |items: Vec<String>, sep: &str| items.join(sep);
    [
        joined(m.moved_years.iter().map(|y| y.to_string()).collect(), ";"),
        joined(
            m.moved_managers
                .iter()
                .map(|(a, b, c)| format!("{a}\t{b}\t{c}"))
                .collect(),
            "\n",
        ),
        joined(m.case_ids.iter().map(|y| y.to_string()).collect(), ";"),
        m.moved_accounts.join(";"),
    ]
}

/// `org_code, year, supply, vsic, capital, agri_field`
pub fn classification(r: &impl Columns) -> Result<crate::port::records::StoredClassification> {
    use hoptac_core::evaluation::classification::{AgriField, Classification, SupplyType};
    const T: &str = "classifications";
    let c = text(r, 0, T)?;
    let bad = |what: &str| corrupt(T, format!("{c}: {what}"));
    Ok(crate::port::records::StoredClassification {
        org: OrgCode::parse(&c).ok_or_else(|| bad("code"))?,
        year: int(r, 1, T)? as i32,
        axes: Classification {
            supply: match r.text(2)? {
                Some(s) => Some(SupplyType::parse(&s).ok_or_else(|| bad("supply"))?),
                None => None,
            },
            vsic: r.text(3)?.and_then(|v| v.chars().next()),
            capital: match r.text(4)? {
                Some(v) => Some(Fixed::parse_plain(&v).ok_or_else(|| bad("capital"))?),
                None => None,
            },
            agri_field: match r.text(5)? {
                Some(f) => Some(AgriField::parse(&f).ok_or_else(|| bad("agri_field"))?),
                None => None,
            },
        },
    })
}

/// `rubric_id, version, document, note, loaded_by, loaded_at`
pub fn rubric_version(r: &impl Columns) -> Result<crate::port::records::StoredRubric> {
    const T: &str = "rubric_versions";
    Ok(crate::port::records::StoredRubric {
        rubric_id: text(r, 0, T)?,
        version: int(r, 1, T)? as u32,
        document: text(r, 2, T)?,
        note: text(r, 3, T)?,
        loaded_by: text(r, 4, T)?,
        loaded_at: text(r, 5, T)?,
    })
}
