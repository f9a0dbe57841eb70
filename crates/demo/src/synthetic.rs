//! A synthetic province for benchmarks: many districts, communes, cooperatives, groups and
//! ten years of reports. Deterministic; not meant to look real.

use hoptac_core::date::ymd;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, ReportFigures, UnitId};
use hoptac_core::types::*;
use hoptac_core::{Fixed, Snapshot};

pub struct Size {
    pub htx: usize,
    pub tht: usize,
    pub years: i32,
}

impl Default for Size {
    fn default() -> Self {
        Size {
            htx: 1_000,
            tht: 5_000,
            years: 10,
        }
    }
}

pub fn province(size: &Size) -> Snapshot {
    let mut units = vec![AdminUnit {
        id: UnitId(1),
        code: "99".into(),
        name: "Tỉnh Thử Nghiệm".into(),
        level: AdminLevel::Province,
        parent: None,
        valid_from: None,
        valid_to: None,
    }];
    let districts = 12;
    let per_district = 15;
    for d in 0..districts {
        let did = UnitId(2 + d as i64);
        units.push(AdminUnit {
            id: did,
            code: format!("9{d:02}"),
            name: format!("Huyện Số {}", d + 1),
            level: AdminLevel::District,
            parent: Some(UnitId(1)),
            valid_from: None,
            valid_to: None,
        });
    }
    let mut communes = Vec::new();
    for d in 0..districts {
        for c in 0..per_district {
            let id = UnitId(100 + (d * per_district + c) as i64);
            communes.push(id);
            units.push(AdminUnit {
                id,
                code: format!("9{d:02}{c:02}"),
                name: format!("Xã Thử {} - {}", d + 1, c + 1),
                level: AdminLevel::Commune,
                parent: Some(UnitId(2 + d as i64)),
                valid_from: None,
                valid_to: None,
            });
        }
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
        let founded = first - 5 + rnd(size.years as u64 + 5) as i32;
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
        orgs.push(o);
    }
    Snapshot {
        units,
        orgs,
        reports,
        managers,
    }
}
