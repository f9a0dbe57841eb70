//! The cooperatives (HTX): the 21 named in the plan, those dissolved, those founded later, and their members.

use super::kit::*;
use hoptac_core::types::*;
use std::collections::BTreeMap;

/// The named cooperatives: (name, commune, sector, founded year, multi-service).
pub(super) const NAMED_HTX: [(&str, &str, Sector, i32, bool); 21] = [
    ("HTX DVNN Mỹ Quý", "30055", Sector::Agriculture, 2003, false),
    (
        "HTX DVNN Mỹ Đông 2",
        "30058",
        Sector::Agriculture,
        2008,
        true,
    ),
    (
        "HTX DVNN Thắng Lợi",
        "30064",
        Sector::Agriculture,
        2005,
        true,
    ),
    ("HTX DVNN Mỹ An", "30037", Sector::Agriculture, 2004, true),
    (
        "HTX DVNN Hưng Thạnh",
        "30043",
        Sector::Agriculture,
        2006,
        true,
    ),
    (
        "HTX DVNN Trường Xuân",
        "30046",
        Sector::Agriculture,
        2009,
        false,
    ),
    (
        "HTX DVNN Tân Kiều",
        "30049",
        Sector::Agriculture,
        2007,
        true,
    ),
    (
        "HTX DVNN Thạnh Lợi",
        "30040",
        Sector::Agriculture,
        2010,
        true,
    ),
    (
        "HTX DVNN Đốc Binh Kiều",
        "30061",
        Sector::Agriculture,
        2008,
        true,
    ),
    (
        "HTX GTVT Tháp Mười",
        "30037",
        Sector::Transport,
        2002,
        false,
    ),
    (
        "HTX DVNN Phước Tiến",
        "30052",
        Sector::Agriculture,
        2016,
        false,
    ),
    (
        "HTX DVNN Phước Thành",
        "30061",
        Sector::Agriculture,
        2016,
        false,
    ),
    (
        "HTX DVNN An Phong-Mỹ Hòa",
        "30052",
        Sector::Agriculture,
        2017,
        false,
    ),
    (
        "HTX DVNN Đông Thành",
        "30055",
        Sector::Agriculture,
        2017,
        false,
    ),
    (
        "HTX DVNN Mỹ Đông 3",
        "30058",
        Sector::Agriculture,
        2017,
        false,
    ),
    (
        "HTX DVNN Trường Phát",
        "30046",
        Sector::Agriculture,
        2018,
        false,
    ),
    (
        "HTX DVNN Lộc Phát",
        "30040",
        Sector::Agriculture,
        2018,
        false,
    ),
    (
        "HTX DVNN Phú Điền",
        "30067",
        Sector::Agriculture,
        2019,
        false,
    ),
    (
        "HTX DVNN Thanh Mỹ",
        "30073",
        Sector::Agriculture,
        2019,
        false,
    ),
    (
        "HTX DVNN Láng Biển",
        "30070",
        Sector::Agriculture,
        2020,
        false,
    ),
    (
        "HTX Vận tải Thủy bộ Tháp Mười",
        "30037",
        Sector::Transport,
        2020,
        false,
    ),
];

/// Cooperatives dissolved 2016–2020 (generated names): (name, commune, sector, founded, dissolved).
pub(super) const DISSOLVED_HTX: [(&str, &str, Sector, i32, i32); 12] = [
    (
        "HTX DVNN Mỹ Hòa 1",
        "30052",
        Sector::Agriculture,
        2001,
        2016,
    ),
    (
        "HTX DVNN Tân Kiều 2",
        "30049",
        Sector::Agriculture,
        2004,
        2017,
    ),
    (
        "HTX DVNN Phú Điền 1",
        "30067",
        Sector::Agriculture,
        2003,
        2017,
    ),
    (
        "HTX Vận tải Trường Xuân",
        "30046",
        Sector::Transport,
        2006,
        2017,
    ),
    (
        "HTX DVNN Láng Biển 1",
        "30070",
        Sector::Agriculture,
        2002,
        2018,
    ),
    (
        "HTX DVNN Thanh Mỹ 1",
        "30073",
        Sector::Agriculture,
        2005,
        2018,
    ),
    (
        "HTX DVNN Hưng Thạnh 2",
        "30043",
        Sector::Agriculture,
        2007,
        2018,
    ),
    (
        "HTX Tiểu thủ công nghiệp Mỹ An",
        "30064",
        Sector::Handicraft,
        2009,
        2018,
    ),
    (
        "HTX DVNN Mỹ Quý 2",
        "30055",
        Sector::Agriculture,
        2004,
        2019,
    ),
    (
        "HTX DVNN Đốc Binh Kiều 2",
        "30061",
        Sector::Agriculture,
        2006,
        2019,
    ),
    (
        "HTX DVNN Thạnh Lợi 2",
        "30040",
        Sector::Agriculture,
        2008,
        2020,
    ),
    (
        "HTX DVNN Mỹ Đông 1",
        "30058",
        Sector::Agriculture,
        2003,
        2020,
    ),
];

/// Cooperatives founded after 2020, two grown from farmer clubs (Hội quán).
pub(super) const LATER_HTX: [(&str, &str, Sector, i32); 4] = [
    (
        "HTX Nông nghiệp Hội quán Mỹ Hòa",
        "30052",
        Sector::Agriculture,
        2021,
    ),
    ("HTX DVNN Tân Kiều Xanh", "30049", Sector::Agriculture, 2022),
    (
        "HTX Thủy sản Trường Xuân",
        "30046",
        Sector::Aquaculture,
        2023,
    ),
    (
        "HTX Nông nghiệp Hội quán Láng Biển",
        "30070",
        Sector::Agriculture,
        2024,
    ),
];

pub(super) const HTX_MEMBERS_2016: i64 = 1398;

pub(super) const HTX_MEMBERS_2020: i64 = 2697;

pub(super) const HTX_JOINED_2016_2020: i64 = 1799;

pub(super) const THT_MEMBERS_2016: i64 = 2768;

pub(super) const THT_MEMBERS_2020: i64 = 3127;

pub(super) const THT_JOINED_2016_2020: i64 = 292;

pub(super) fn htx_plans(rng: &mut Rng) -> Vec<Plan> {
    let mut plans = Vec::new();
    let mut n = 0;
    let mut code = || {
        n += 1;
        format!("HTX-TM-{n:02}")
    };
    for (name, commune, sector, year, multi) in NAMED_HTX {
        let founded = date(year, rng.range(1, 12) as u8, rng.range(1, 28) as u8);
        // the dissolution of one weak cooperative in 2023 (after missing its general meetings)
        let dissolved = (name == "HTX DVNN Trường Phát").then(|| date(2023, 9, 15));
        plans.push(Plan {
            org: org(
                code(),
                OrgKind::Htx,
                name,
                sector,
                commune,
                founded,
                dissolved,
            ),
            points: vec![],
            multi,
        });
    }
    for (name, commune, sector, year, dy) in DISSOLVED_HTX {
        let founded = date(year, rng.range(1, 12) as u8, rng.range(1, 28) as u8);
        let dissolved = date(dy, rng.range(3, 11) as u8, rng.range(1, 28) as u8);
        plans.push(Plan {
            org: org(
                code(),
                OrgKind::Htx,
                name,
                sector,
                commune,
                founded,
                Some(dissolved),
            ),
            points: vec![],
            multi: false,
        });
    }
    for (name, commune, sector, year) in LATER_HTX {
        let founded = date(year, rng.range(2, 10) as u8, rng.range(1, 28) as u8);
        plans.push(Plan {
            org: org(code(), OrgKind::Htx, name, sector, commune, founded, None),
            points: vec![],
            multi: false,
        });
    }
    let weight = |p: &Plan, rng: &mut Rng| match (
        p.org.sector,
        p.org.dissolved_on.is_some(),
        p.org.founded_on.year() >= 2016,
    ) {
        (Sector::Transport, _, _) => rng.range(25, 45),
        (_, true, _) => rng.range(25, 55),
        (_, _, true) => rng.range(25, 40),
        _ => rng.range(60, 130),
    };
    members_plan(
        &mut plans,
        rng,
        MemberTargets {
            m2016: HTX_MEMBERS_2016,
            m2020: HTX_MEMBERS_2020,
            flat_before_2016: false,
            founders: (20, 40),
            growth_2025: (106, 114),
        },
        &weight,
    );
    plans
}

pub(super) struct MemberTargets {
    pub(super) m2016: i64,
    pub(super) m2020: i64,
    /// Cooperative groups barely changed in 2016; keeping them flat leaves room for the
    /// small number of joiners the plan reports (292).
    pub(super) flat_before_2016: bool,
    pub(super) founders: (i64, i64),
    /// Growth 2020 → 2025, in percent of the 2020 value.
    pub(super) growth_2025: (i64, i64),
}

/// Sets every plan's membership points so that the totals of 2016 and 2020 are exact.
pub(super) fn members_plan(
    plans: &mut [Plan],
    rng: &mut Rng,
    t: MemberTargets,
    weight: &dyn Fn(&Plan, &mut Rng) -> i64,
) {
    let active16: Vec<usize> = (0..plans.len())
        .filter(|&i| plans[i].active_end(2016))
        .collect();
    let w: Vec<i64> = active16.iter().map(|&i| weight(&plans[i], rng)).collect();
    let a16: BTreeMap<usize, i64> = active16
        .iter()
        .copied()
        .zip(exact_split(&w, t.m2016))
        .collect();
    // founded 2017–2020: founders, then (cooperatives only) some growth until 2020
    let mut a20: BTreeMap<usize, i64> = BTreeMap::new();
    let mut founders: BTreeMap<usize, i64> = BTreeMap::new();
    for (i, plan) in plans.iter().enumerate() {
        let fy = plan.org.founded_on.year();
        if (2017..=2020).contains(&fy) && plan.active_end(2020) {
            let f = rng.range(t.founders.0, t.founders.1);
            founders.insert(i, f);
            let grow = if t.flat_before_2016 {
                0
            } else {
                (2020 - fy) as i64 * rng.range(6, 14)
            };
            a20.insert(i, f + grow);
        }
    }
    let survivors: Vec<usize> = active16
        .iter()
        .copied()
        .filter(|&i| plans[i].active_end(2020))
        .collect();
    let growth_total =
        t.m2020 - a20.values().sum::<i64>() - survivors.iter().map(|i| a16[i]).sum::<i64>();
    assert!(growth_total >= 0, "demo: 2020 members below 2016 survivors");
    let gw: Vec<i64> = survivors
        .iter()
        .map(|i| a16[i] + rng.range(0, a16[i]))
        .collect();
    for (i, g) in survivors.iter().zip(exact_split(&gw, growth_total)) {
        a20.insert(*i, a16[i] + g);
    }
    for (i, p) in plans.iter_mut().enumerate() {
        let (fy, ly) = (p.first_year(), p.last_year());
        let mut pts = Vec::new();
        if let Some(&v16) = a16.get(&i) {
            if fy < 2016 {
                let before = if p.org.dissolved_on.is_some() {
                    v16 + rng.range(0, 6)
                } else if t.flat_before_2016 {
                    v16
                } else {
                    v16 - rng.range(1, v16 / 12 + 1)
                };
                pts.push((fy, before));
            }
            pts.push((2016, v16));
        } else if fy < 2016 {
            pts.push((fy, rng.range(20, 45))); // dissolved during 2016
        } else if let Some(&f) = founders.get(&i) {
            pts.push((fy, f));
        } else if fy > 2020 {
            pts.push((fy, rng.range(t.founders.0, t.founders.1)));
        }
        if let Some(&v20) = a20.get(&i) {
            if fy < 2020 || !pts.iter().any(|(y, _)| *y == 2020) {
                pts.retain(|(y, _)| *y != 2020);
                pts.push((2020, v20));
            }
            if ly > 2020 {
                let v25 = v20 * rng.range(t.growth_2025.0, t.growth_2025.1) / 100;
                pts.push((ly, if ly == LAST_YEAR { v25 } else { v20 }));
            }
        } else if p.org.dissolved_on.is_some() && ly > 2016 {
            let v = a16.get(&i).copied().unwrap_or(30);
            pts.push((ly, v * 85 / 100));
        } else if fy > 2020 && ly > fy {
            let f = pts[0].1;
            pts.push((ly, f * 130 / 100));
        }
        pts.sort();
        pts.dedup_by_key(|(y, _)| *y);
        p.points = pts;
    }
}

/// Yearly flows of members: joined and left, consistent with the stocks; "churn" (people
/// joining and others leaving in the same year) fills the total of joiners the plan reports.
pub(super) fn member_flows(
    plans: &[Plan],
    rng: &mut Rng,
    joined_2016_2020: i64,
) -> BTreeMap<(usize, i32), (i64, i64)> {
    let mut flows = BTreeMap::new();
    let mut eligible = Vec::new();
    for (i, p) in plans.iter().enumerate() {
        for y in p.years() {
            let m = p.members(y);
            let (j, l) = if y == p.first_year() {
                if p.org.founded_on.year() == y {
                    (0, 0)
                } else {
                    (rng.range(0, 4), rng.range(0, 3))
                }
            } else {
                let d = m - p.members(y - 1);
                if (2016..=2020).contains(&y) {
                    eligible.push((i, y));
                    (d.max(0), (-d).max(0))
                } else {
                    let c = rng.range(0, 2);
                    (d.max(0) + c, (-d).max(0) + c)
                }
            };
            flows.insert((i, y), (j, l));
        }
    }
    let base: i64 = flows
        .iter()
        .filter(|((_, y), _)| (2016..=2020).contains(y))
        .map(|(_, (j, _))| j)
        .sum();
    let mut extra = joined_2016_2020 - base;
    assert!(
        extra >= 0,
        "demo: more joiners from growth ({base}) than the plan reports ({joined_2016_2020})"
    );
    while extra > 0 {
        let k = *rng.pick(&eligible);
        let e = flows.get_mut(&k).expect("eligible flow");
        e.0 += 1;
        e.1 += 1;
        extra -= 1;
    }
    flows
}
