//! The register the tests of units through time share: a district merged like Tháp Mười in 2025: old communes A and B (B's code 30061 reused by
//! the new commune), P split between the new communes N1 and N2, all under an old district
//! that was abolished without a successor of its level.

use super::*;
use crate::date::ymd;
use crate::types::{OrgKind, Sector};

pub(crate) const OLD_END: (i32, u8, u8) = (2025, 6, 30);
pub(crate) const NEW_START: (i32, u8, u8) = (2025, 7, 1);

pub(crate) fn d(y: i32, m: u8, day: u8) -> Date {
    ymd(y, m, day).unwrap()
}

pub(crate) fn old_end() -> Date {
    d(OLD_END.0, OLD_END.1, OLD_END.2)
}

pub(crate) fn new_start() -> Date {
    d(NEW_START.0, NEW_START.1, NEW_START.2)
}

pub(crate) fn unit(
    id: i64,
    code: &str,
    level: AdminLevel,
    parent: Option<i64>,
    new: bool,
) -> AdminUnit {
    AdminUnit {
        id: UnitId(id),
        code: code.into(),
        name: format!("Unit {code}"),
        level,
        parent: parent.map(UnitId),
        valid_from: new.then(new_start),
        valid_to: (!new).then(old_end),
    }
}

pub(crate) const OLD_PROVINCE: i64 = 1;
pub(crate) const DISTRICT: i64 = 2;
pub(crate) const A: i64 = 10;
pub(crate) const B: i64 = 11;
pub(crate) const P: i64 = 12;
pub(crate) const NEW_PROVINCE: i64 = 100;
pub(crate) const N1: i64 = 101;
pub(crate) const N2: i64 = 102;

pub(crate) fn units() -> Vec<AdminUnit> {
    vec![
        unit(OLD_PROVINCE, "87", AdminLevel::Province, None, false),
        unit(
            DISTRICT,
            "872",
            AdminLevel::District,
            Some(OLD_PROVINCE),
            false,
        ),
        unit(A, "30058", AdminLevel::Commune, Some(DISTRICT), false),
        unit(B, "30061", AdminLevel::Commune, Some(DISTRICT), false),
        unit(P, "30064", AdminLevel::Commune, Some(DISTRICT), false),
        unit(NEW_PROVINCE, "82", AdminLevel::Province, None, true),
        unit(N1, "30061", AdminLevel::Commune, Some(NEW_PROVINCE), true),
        unit(N2, "30073", AdminLevel::Commune, Some(NEW_PROVINCE), true),
    ]
}

pub(crate) fn change(old: i64, new: i64, kind: ChangeKind) -> UnitChange {
    UnitChange {
        old: UnitId(old),
        new: UnitId(new),
        on: new_start(),
        kind,
        basis: "NQ 1663/NQ-UBTVQH15".into(),
    }
}

pub(crate) fn changes() -> Vec<UnitChange> {
    vec![
        change(A, N1, ChangeKind::Full),
        change(B, N1, ChangeKind::Full),
        change(P, N1, ChangeKind::Partial),
        change(P, N2, ChangeKind::Partial),
    ]
}

pub(crate) fn org(code: &str, commune: i64) -> Organization {
    Organization {
        code: OrgCode::parse(code).unwrap(),
        kind: OrgKind::Htx,
        name: code.into(),
        sector: Sector::Agriculture,
        commune: UnitId(commune),
        founded_on: d(2015, 1, 1),
        dissolved_on: None,
        registration_no: None,
    }
}

pub(crate) fn ids(s: impl IntoIterator<Item = UnitId>) -> Vec<i64> {
    s.into_iter().map(|u| u.0).collect()
}
