//! A synthetic province for benchmarks: many districts, communes, cooperatives, groups and
//! ten years of reports. Deterministic; not meant to look real.

use hoptac_core::date::ymd;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, ReportFigures, UnitId};
use hoptac_core::types::*;
use hoptac_core::{Fixed, Snapshot};

/// How big the synthetic country is. The defaults are the province of BENCHMARKS.md; the
/// national rows use `provinces: 34, managers: 3, history: 30` (most organisations then
/// report every year, as a country's register does).
pub struct Size {
    pub htx: usize,
    pub tht: usize,
    pub years: i32,
    /// Provinces, each with 12 districts of 15 communes; the organisations are spread over
    /// all communes. The first province is always the same (code 99).
    pub provinces: usize,
    /// Managers per organisation: the chair, then director, accountant, controller…
    pub managers: usize,
    /// Founding years are spread over this many years before the first reported year.
    pub history: i32,
    /// Live through a reorganisation on 1 July 2025: districts end, communes merge three
    /// into one (the new one reusing the first's code), as in the 2025 reform.
    pub reform: bool,
}

impl Default for Size {
    fn default() -> Self {
        Size {
            htx: 1_000,
            tht: 5_000,
            years: 10,
            provinces: 1,
            managers: 1,
            history: 5,
            reform: false,
        }
    }
}

/// The units of one synthetic province: the first keeps the codes and ids it always had
/// (99, 9dd, 9ddcc); the others get codes 01…, 100… and 10000… and ids from 10.000 up.
fn province_units(p: usize, units: &mut Vec<AdminUnit>, communes: &mut Vec<UnitId>) {
    let districts = 12;
    let per_district = 15;
    let base = if p == 0 { 0 } else { 10_000 * p as i64 };
    let province = UnitId(base + 1);
    units.push(AdminUnit {
        id: province,
        code: if p == 0 {
            "99".into()
        } else {
            format!("{p:02}")
        },
        name: if p == 0 {
            "Tỉnh Thử Nghiệm".into()
        } else {
            format!("Tỉnh Thử Nghiệm {}", p + 1)
        },
        level: AdminLevel::Province,
        parent: None,
        valid_from: None,
        valid_to: None,
    });
    let district_code = |d: usize| {
        if p == 0 {
            format!("9{d:02}")
        } else {
            (100 + (p - 1) * districts + d).to_string()
        }
    };
    for d in 0..districts {
        units.push(AdminUnit {
            id: UnitId(base + 2 + d as i64),
            code: district_code(d),
            name: format!("Huyện Số {}", d + 1),
            level: AdminLevel::District,
            parent: Some(province),
            valid_from: None,
            valid_to: None,
        });
    }
    for d in 0..districts {
        for c in 0..per_district {
            let id = UnitId(base + 100 + (d * per_district + c) as i64);
            communes.push(id);
            units.push(AdminUnit {
                id,
                code: format!("{}{c:02}", district_code(d)),
                name: format!("Xã Thử {} - {}", d + 1, c + 1),
                level: AdminLevel::Commune,
                parent: Some(UnitId(base + 2 + d as i64)),
                valid_from: None,
                valid_to: None,
            });
        }
    }
}

pub fn province(size: &Size) -> Snapshot {
    let mut units = Vec::new();
    let mut communes = Vec::new();
    for p in 0..size.provinces.max(1) {
        province_units(p, &mut units, &mut communes);
    }
    let first = 2025 - size.years + 1;
    let mut orgs = Vec::new();
    let mut reports = Vec::new();
    let mut managers = Vec::new();
    let sectors = Sector::all();
    let mut seed: u64 = 42;
    let mut rnd = |m: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    for i in 0..size.htx + size.tht {
        let is_htx = i < size.htx;
        let kind = if is_htx { OrgKind::Htx } else { OrgKind::Tht };
        let founded = first - size.history + rnd((size.years + size.history) as u64) as i32;
        let dissolved = (rnd(10) == 0)
            .then(|| founded + 1 + rnd(6) as i32)
            .filter(|y| *y <= 2025);
        let code =
            OrgCode::parse(&format!("{}-{i:06}", if is_htx { "H" } else { "T" })).expect("code");
        let o = Organization {
            code: code.clone(),
            kind,
            name: format!("{} Thử Nghiệm Số {i}", if is_htx { "HTX" } else { "THT" }),
            sector: sectors[rnd(sectors.len() as u64) as usize],
            commune: communes[rnd(communes.len() as u64) as usize],
            founded_on: ymd(founded, 1 + rnd(12) as u8, 1 + rnd(28) as u8).expect("date"),
            dissolved_on: dissolved.map(|y| ymd(y, 6, 30).expect("date")),
            registration_no: None,
        };
        let last = dissolved.map(|y| y - 1).unwrap_or(2025);
        let mut members = 10 + rnd(200) as i64;
        for y in founded.max(first)..=last {
            let joined = rnd(10) as i64;
            let left = rnd(5) as i64;
            members = (members + joined - left).max(left);
            let services = (0..rnd(5)).map(|k| Service::all()[k as usize]).collect();
            reports.push(AnnualReport {
                org: code.clone(),
                year: Year::new(y).expect("year"),
                figures: ReportFigures {
                    members: Some(members),
                    members_joined: Some(joined),
                    members_left: Some(left),
                    workers: Some(rnd(30) as i64),
                    revenue: Some(Fixed::from_micros(rnd(5_000_000_000) as i64)),
                    profit: Some(Fixed::from_micros(rnd(600_000_000) as i64 - 100_000_000)),
                    member_income: Some(Fixed::from_int(20 + rnd(60) as i64)),
                    worker_income: Some(Fixed::from_int(20 + rnd(60) as i64)),
                    services,
                    rating: Some(Rating::all()[rnd(4) as usize]),
                    general_meeting_on: ymd(y, 3, 15),
                    statements_filed: Some(rnd(5) != 0),
                    received_on: ymd(y + 1, 1, 10),
                    statements_filed_on: None,
                    self_assessment_sent_on: ymd(y, 12, 10),
                    rating_basis: None,
                },
            });
        }
        managers.push(Manager {
            org: code,
            full_name: format!("Người Quản Lý {i}"),
            role: Role::Chair,
            qualification: Some(Qualification::all()[rnd(6) as usize]),
            trained_on: ymd(2015 + rnd(11) as i32, 5, 5),
            from: Some(o.founded_on),
            to: None,
        });
        for k in 1..size.managers {
            managers.push(Manager {
                org: o.code.clone(),
                full_name: format!("Người Quản Lý {i}-{k}"),
                role: [
                    Role::Director,
                    Role::Accountant,
                    Role::Controller,
                    Role::Deputy,
                ][(k - 1) % 4],
                qualification: Some(Qualification::all()[rnd(6) as usize]),
                trained_on: ymd(2015 + rnd(11) as i32, 5, 5),
                from: Some(o.founded_on),
                to: None,
            });
        }
        orgs.push(o);
    }
    let changes = if size.reform {
        reorganise(&mut units)
    } else {
        Vec::new()
    };
    Snapshot {
        units,
        orgs,
        reports,
        managers,
        changes,
        ..Default::default()
    }
}

/// The 2025 reform on synthetic ground: every district ends on 30 June 2025, every three
/// communes of a district go wholly into one new commune of the province from 1 July (the
/// new one reuses the code of the first), ids from 5.000 above the province's base.
fn reorganise(units: &mut Vec<AdminUnit>) -> Vec<hoptac_core::model::UnitChange> {
    let (ended, began) = (ymd(2025, 6, 30), ymd(2025, 7, 1));
    let province_of: std::collections::HashMap<UnitId, UnitId> = units
        .iter()
        .filter(|u| u.level == AdminLevel::District)
        .filter_map(|u| Some((u.id, u.parent?)))
        .collect();
    let old: Vec<AdminUnit> = units
        .iter()
        .filter(|u| u.level == AdminLevel::Commune)
        .cloned()
        .collect();
    for u in units.iter_mut() {
        if u.level != AdminLevel::Province {
            u.valid_to = ended;
        }
    }
    let mut changes = Vec::new();
    let mut by_district: std::collections::BTreeMap<UnitId, Vec<&AdminUnit>> = Default::default();
    for c in &old {
        by_district
            .entry(c.parent.expect("a commune's district"))
            .or_default()
            .push(c);
    }
    let mut next = std::collections::HashMap::<UnitId, i64>::new();
    for (district, communes) in by_district {
        let province = province_of[&district];
        for group in communes.chunks(3) {
            let k = next.entry(province).or_insert(province.0 - 1 + 5_000);
            *k += 1;
            let id = UnitId(*k);
            units.push(AdminUnit {
                id,
                code: group[0].code.clone(),
                name: format!("{} mới", group[0].name),
                level: AdminLevel::Commune,
                parent: Some(province),
                valid_from: began,
                valid_to: None,
            });
            for o in group {
                changes.push(hoptac_core::model::UnitChange {
                    old: o.id,
                    new: id,
                    on: began.expect("1 July 2025 exists"),
                    kind: hoptac_core::model::ChangeKind::Full,
                    basis: "thử nghiệm".into(),
                });
            }
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_synthetic_reform_is_a_register_that_holds_together() {
        let snap = province(&Size {
            htx: 30,
            tht: 30,
            reform: true,
            ..Size::default()
        });
        let new: Vec<_> = snap
            .units
            .iter()
            .filter(|u| u.valid_from.is_some())
            .collect();
        assert_eq!(new.len(), 60, "180 communes, three into one");
        assert_eq!(snap.changes.len(), 180);
        assert_eq!(
            hoptac_core::territory::check_register(&snap.units, &snap.changes, &[]),
            vec![]
        );
        // the whole province's ground is the same before and after
        let engine = hoptac_core::indicator::Engine::scoped(&snap, Some(UnitId(1)));
        let def = hoptac_core::indicator::catalogue()
            .into_iter()
            .find(|d| d.id == "htx.active")
            .unwrap();
        let plain = province(&Size {
            htx: 30,
            tht: 30,
            ..Size::default()
        });
        let before = hoptac_core::indicator::Engine::scoped(&plain, Some(UnitId(1)));
        assert_eq!(engine.at(&def, 2025), before.at(&def, 2025));
    }
}
