//! The rows every case starts from.

use hoptac_core::Fixed;
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, ReportFigures, UnitId};
use hoptac_core::types::*;
use hoptac_store::{AuditEntry, ChangeSet};

pub(crate) fn units() -> Vec<AdminUnit> {
    vec![
        AdminUnit {
            id: UnitId(1),
            code: "872".into(),
            name: "Huyện Tháp Mười".into(),
            level: AdminLevel::District,
            parent: None,
            valid_from: None,
            valid_to: ymd(2025, 6, 30),
        },
        AdminUnit {
            id: UnitId(2),
            code: "30049".into(),
            name: "Xã Tân Kiều".into(),
            level: AdminLevel::Commune,
            parent: Some(UnitId(1)),
            valid_from: None,
            valid_to: None,
        },
        // a reused code: the same number names another unit from 2025
        AdminUnit {
            id: UnitId(3),
            code: "30043".into(),
            name: "Xã Hưng Thạnh".into(),
            level: AdminLevel::Commune,
            parent: Some(UnitId(1)),
            valid_from: None,
            valid_to: ymd(2025, 6, 30),
        },
        AdminUnit {
            id: UnitId(4),
            code: "30043".into(),
            name: "Xã Phương Thịnh".into(),
            level: AdminLevel::Commune,
            parent: None,
            valid_from: ymd(2025, 7, 1),
            valid_to: None,
        },
    ]
}

pub(crate) fn org(code: &str, name: &str, commune: i64) -> Organization {
    Organization {
        code: OrgCode::parse(code).unwrap(),
        kind: OrgKind::Htx,
        name: name.into(),
        sector: Sector::Agriculture,
        commune: UnitId(commune),
        founded_on: ymd(2010, 1, 2).unwrap(),
        dissolved_on: None,
        registration_no: Some("1407001".into()),
    }
}

pub(crate) fn report(code: &str, year: i32) -> AnnualReport {
    AnnualReport {
        org: OrgCode::parse(code).unwrap(),
        year: Year::new(year).unwrap(),
        figures: ReportFigures {
            members: Some(120),
            members_joined: Some(5),
            members_left: Some(1),
            workers: Some(9),
            revenue: Some(Fixed::parse_plain("1600.123456").unwrap()),
            profit: Some(Fixed::parse_plain("-12.5").unwrap()),
            member_income: Some(Fixed::from_int(45)),
            worker_income: None,
            services: [Service::Irrigation, Service::SeedSupply].into(),
            rating: Some(Rating::Kha),
            general_meeting_on: ymd(year, 3, 15),
            statements_filed: Some(true),
            received_on: ymd(year + 1, 1, 12),
            statements_filed_on: ymd(year + 1, 3, 30),
            self_assessment_sent_on: ymd(year, 12, 12),
            rating_basis: Some("Họp xét của xã; \"tiêu chí\" 2024".into()),
        },
    }
}

pub(crate) fn base() -> ChangeSet {
    ChangeSet {
        units: units(),
        orgs: vec![
            org("A1", "HTX DVNN Tân Kiều", 2),
            org("B2", "HTX Đồng Tâm", 3),
        ],
        reports: vec![report("A1", 2019), report("A1", 2020)],
        managers: vec![Manager {
            org: OrgCode::parse("A1").unwrap(),
            full_name: "Nguyễn Văn Đức".into(),
            role: Role::Director,
            qualification: Some(Qualification::College),
            trained_on: ymd(2019, 5, 1),
            from: ymd(2015, 1, 1),
            to: None,
        }],
        meta: vec![("dataset".into(), "test".into())],
        ..Default::default()
    }
}

pub(crate) fn entry(action: &str, entity: &str, key: &str, unit: Option<i64>) -> AuditEntry {
    AuditEntry {
        at: "2026-12-03 09:00:00".into(),
        actor: "canbo".into(),
        ip: "127.0.0.1".into(),
        action: action.into(),
        entity: entity.into(),
        key: key.into(),
        unit: unit.map(UnitId),
        before: None,
        after: Some("{}".into()),
        ..Default::default()
    }
}
