//! Rows read back as core types: every column parsed, a bad one reported as corrupt.

use super::db::*;
use crate::port::error::Result;
use hoptac_core::OrgCode;
use hoptac_core::auth::{Account, Role as AccountRole, Scope};
use hoptac_core::model::ReportFigures;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, UnitId};
use hoptac_core::types::{AdminLevel, Qualification, Rating, Role, Service, Year};
use hoptac_core::types::{OrgKind, Sector};
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

pub(super) fn account_row(r: &SqliteRow) -> Result<Account> {
    let kind: String = r.try_get(3)?;
    let value: String = r.try_get(4)?;
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
        username: r.try_get(0)?,
        display_name: r.try_get(1)?,
        role: enum_col(r, 2, "accounts", AccountRole::parse)?,
        scope,
        must_change_password: r.try_get::<i64, _>(5)? != 0,
        disabled: r.try_get::<i64, _>(6)? != 0,
    })
}

pub(super) fn unit_row(r: &SqliteRow) -> Result<AdminUnit> {
    Ok(AdminUnit {
        id: UnitId(r.try_get(0)?),
        code: r.try_get(1)?,
        name: r.try_get(2)?,
        level: enum_col(r, 3, "admin_units", AdminLevel::parse)?,
        parent: r.try_get::<Option<i64>, _>(4)?.map(UnitId),
        valid_from: date_col(r, 5, "admin_units")?,
        valid_to: date_col(r, 6, "admin_units")?,
    })
}

pub(super) fn unit_change_row(r: &SqliteRow) -> Result<hoptac_core::territory::UnitChange> {
    use hoptac_core::territory::{ChangeKind, UnitChange};
    Ok(UnitChange {
        old: UnitId(r.try_get(0)?),
        new: UnitId(r.try_get(1)?),
        on: date_col(r, 2, "unit_changes")?.ok_or_else(|| corrupt("unit_changes", "no date"))?,
        kind: enum_col(r, 3, "unit_changes", ChangeKind::parse)?,
        basis: r.try_get(4)?,
    })
}

pub(super) fn move_row(r: &SqliteRow) -> Result<hoptac_core::territory::OrgMove> {
    let code: String = r.try_get(0)?;
    Ok(hoptac_core::territory::OrgMove {
        org: OrgCode::parse(&code)
            .ok_or_else(|| corrupt("organization_moves", format!("bad code {code:?}")))?,
        commune: UnitId(r.try_get(1)?),
        moved_on: date_col(r, 2, "organization_moves")?
            .ok_or_else(|| corrupt("organization_moves", "no date"))?,
        reason: r.try_get(3)?,
    })
}

pub(super) fn org_row(r: &SqliteRow) -> Result<Organization> {
    let code: String = r.try_get(0)?;
    Ok(Organization {
        code: OrgCode::parse(&code)
            .ok_or_else(|| corrupt("organizations", format!("bad code {code:?}")))?,
        kind: enum_col(r, 1, "organizations", OrgKind::parse)?,
        name: r.try_get(2)?,
        sector: enum_col(r, 3, "organizations", Sector::parse)?,
        commune: UnitId(r.try_get(4)?),
        founded_on: date_col(r, 5, "organizations")?
            .ok_or_else(|| corrupt("organizations", "no founding date"))?,
        dissolved_on: date_col(r, 6, "organizations")?,
        registration_no: r.try_get(7)?,
    })
}

pub(super) fn report_row(r: &SqliteRow) -> Result<AnnualReport> {
    let code: String = r.try_get(0)?;
    let year: i64 = r.try_get(1)?;
    let services: String = r.try_get(10)?;
    let services = services
        .split(';')
        .filter(|s| !s.is_empty())
        .map(|s| {
            Service::parse(s).ok_or_else(|| corrupt("annual_reports", format!("bad service {s:?}")))
        })
        .collect::<Result<_>>()?;
    Ok(AnnualReport {
        org: OrgCode::parse(&code)
            .ok_or_else(|| corrupt("annual_reports", format!("bad code {code:?}")))?,
        year: Year::new(year as i32)
            .ok_or_else(|| corrupt("annual_reports", format!("bad year {year}")))?,
        figures: ReportFigures {
            members: r.try_get(2)?,
            members_joined: r.try_get(3)?,
            members_left: r.try_get(4)?,
            workers: r.try_get(5)?,
            revenue: money_col(r, 6)?,
            profit: money_col(r, 7)?,
            member_income: money_col(r, 8)?,
            worker_income: money_col(r, 9)?,
            services,
            rating: opt_enum_col(r, 11, "annual_reports", Rating::parse)?,
            general_meeting_on: date_col(r, 12, "annual_reports")?,
            statements_filed: r.try_get::<Option<i64>, _>(13)?.map(|v| v != 0),
            received_on: date_col(r, 14, "annual_reports")?,
            statements_filed_on: date_col(r, 15, "annual_reports")?,
            self_assessment_sent_on: date_col(r, 16, "annual_reports")?,
            rating_basis: r.try_get(17)?,
        },
    })
}

pub(super) fn manager_row(r: &SqliteRow) -> Result<Manager> {
    let code: String = r.try_get(0)?;
    Ok(Manager {
        org: OrgCode::parse(&code)
            .ok_or_else(|| corrupt("managers", format!("bad code {code:?}")))?,
        full_name: r.try_get(1)?,
        role: enum_col(r, 2, "managers", Role::parse)?,
        qualification: opt_enum_col(r, 3, "managers", Qualification::parse)?,
        trained_on: date_col(r, 4, "managers")?,
        from: date_col(r, 5, "managers")?,
        to: date_col(r, 6, "managers")?,
    })
}
