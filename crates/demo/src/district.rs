//! The demo district: Tháp Mười, 2015–2025, ILLUSTRATIVE DATA.
//!
//! The 21 cooperatives named in the footnotes of the source plan (one record each, under the
//! commune's correct spelling), 129 cooperative groups with generated names, farmer clubs,
//! yearly reports and managers. Individual figures are invented; the totals are built so that
//! the statistics for 2016–2020 reproduce every figure of part A of the plan, and 2021–2025
//! continue plausibly (some plan targets met, some missed). Deterministic: the same data on
//! every run.

use hoptac_app::seed::{commune_id, thap_muoi_units};
use hoptac_core::date::ymd;
use hoptac_core::model::{AnnualReport, Manager, Organization, ReportFigures};
use hoptac_core::types::*;
use hoptac_core::{Date, Fixed, Snapshot};
use std::collections::{BTreeMap, BTreeSet};

pub const FIRST_YEAR: i32 = 2015;
pub const LAST_YEAR: i32 = 2025;

/// splitmix64: small, deterministic, good enough for invented figures.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1) as u64)) as i64
    }
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() % xs.len() as u64) as usize]
    }
}

/// Splits `total` in proportion to `weights`, exactly (largest remainder).
pub fn exact_split(weights: &[i64], total: i64) -> Vec<i64> {
    let w: i64 = weights.iter().sum();
    assert!(
        w > 0 && total >= 0,
        "exact_split needs positive weights and a non-negative total"
    );
    let mut out: Vec<i64> = weights.iter().map(|x| total * x / w).collect();
    let mut rest = total - out.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((total * weights[i]) % w));
    for &i in order.iter().cycle() {
        if rest == 0 {
            break;
        }
        out[i] += 1;
        rest -= 1;
    }
    out
}

/// How an organisation's membership moves: values at given years, straight lines between.
#[derive(Debug, Clone)]
struct Plan {
    org: Organization,
    points: Vec<(i32, i64)>,
    /// Provides 3 or more services (footnote 3 of the plan).
    multi: bool,
}

impl Plan {
    fn first_year(&self) -> i32 {
        self.org.founded_on.year().max(FIRST_YEAR)
    }
    fn last_year(&self) -> i32 {
        self.org
            .dissolved_on
            .map(|d| d.year() - 1)
            .unwrap_or(LAST_YEAR)
    }
    fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.first_year()..=self.last_year()
    }
    fn active_end(&self, y: i32) -> bool {
        self.org.active_on(ymd(y, 12, 31).expect("date"))
    }
    fn members(&self, y: i32) -> i64 {
        let pts = &self.points;
        if y <= pts[0].0 {
            return pts[0].1;
        }
        for w in pts.windows(2) {
            let ((y0, v0), (y1, v1)) = (w[0], w[1]);
            if y <= y1 {
                return v0 + ((v1 - v0) * (y - y0) as i64) / (y1 - y0) as i64;
            }
        }
        pts[pts.len() - 1].1
    }
}

fn date(y: i32, m: u8, d: u8) -> Date {
    ymd(y, m, d).expect("valid demo date")
}

fn org(
    code: String,
    kind: OrgKind,
    name: &str,
    sector: Sector,
    commune: &str,
    founded: Date,
    dissolved: Option<Date>,
) -> Organization {
    let registration_no =
        (kind == OrgKind::Htx).then(|| format!("1407{}", &code[code.len() - 2..]));
    Organization {
        code: OrgCode::parse(&code).expect("demo code"),
        kind,
        name: name.to_string(),
        sector,
        commune: commune_id(commune),
        founded_on: founded,
        dissolved_on: dissolved,
        registration_no,
    }
}

/// The named cooperatives: (name, commune, sector, founded year, multi-service).
const NAMED_HTX: [(&str, &str, Sector, i32, bool); 21] = [
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
const DISSOLVED_HTX: [(&str, &str, Sector, i32, i32); 12] = [
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
const LATER_HTX: [(&str, &str, Sector, i32); 4] = [
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

const HTX_MEMBERS_2016: i64 = 1398;
const HTX_MEMBERS_2020: i64 = 2697;
const HTX_JOINED_2016_2020: i64 = 1799;
const THT_MEMBERS_2016: i64 = 2768;
const THT_MEMBERS_2020: i64 = 3127;
const THT_JOINED_2016_2020: i64 = 292;

fn htx_plans(rng: &mut Rng) -> Vec<Plan> {
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

struct MemberTargets {
    m2016: i64,
    m2020: i64,
    /// Cooperative groups barely changed in 2016; keeping them flat leaves room for the
    /// small number of joiners the plan reports (292).
    flat_before_2016: bool,
    founders: (i64, i64),
    /// Growth 2020 → 2025, in percent of the 2020 value.
    growth_2025: (i64, i64),
}

/// Sets every plan's membership points so that the totals of 2016 and 2020 are exact.
fn members_plan(
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
fn member_flows(
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

const AGRI_SERVICES: [Service; 9] = [
    Service::Irrigation,
    Service::PlantProtection,
    Service::InputSupply,
    Service::SeedSupply,
    Service::LandPreparation,
    Service::Harvesting,
    Service::DryingStorage,
    Service::ProductSales,
    Service::Credit,
];

fn services(p: &Plan, y: i32, rng: &mut Rng) -> BTreeSet<Service> {
    let n = match (p.org.kind, p.org.sector) {
        (OrgKind::Htx, Sector::Transport) => return [Service::Transport].into(),
        (OrgKind::Htx, Sector::Aquaculture) => {
            return [Service::InputSupply, Service::ProductSales].into();
        }
        (OrgKind::Htx, Sector::Handicraft) => return [Service::ProductSales].into(),
        (OrgKind::Htx, _) if p.multi => rng.range(3, if y > 2020 { 6 } else { 5 }),
        (OrgKind::Htx, _) if p.org.founded_on.year() > 2020 => rng.range(2, 4),
        // a few single-service cooperatives widen their services after 2020
        (OrgKind::Htx, _) if y > 2021 && p.org.code.as_str() < "HTX-TM-15" => 3,
        (OrgKind::Htx, _) => rng.range(1, 2),
        (OrgKind::Tht, Sector::Agriculture) => rng.range(1, 2),
        _ => return BTreeSet::new(),
    };
    AGRI_SERVICES[..n as usize].iter().copied().collect()
}

/// A figure for every organisation reporting in a year, averaging `avg` exactly.
fn spread(idx: &[usize], avg: i64, rng: &mut Rng, lo: i64, hi: i64) -> Vec<i64> {
    let w: Vec<i64> = idx.iter().map(|_| rng.range(lo, hi)).collect();
    exact_split(&w, avg * idx.len() as i64)
}

struct YearTargets {
    revenue: i64,
    profit: i64,
    member_income: i64,
    worker_income: i64,
    workers_total: i64,
}

fn htx_targets(y: i32) -> YearTargets {
    let t = |revenue, profit, member_income, worker_income, workers_total| YearTargets {
        revenue,
        profit,
        member_income,
        worker_income,
        workers_total,
    };
    match y {
        2015 => t(1450, 170, 38, 36, 228),
        2016 => t(1500, 180, 40, 38, 225),
        2017 => t(1520, 185, 41, 39, 228),
        2018 => t(1540, 190, 42, 41, 232),
        2019 => t(1580, 195, 44, 43, 236),
        2020 => t(1600, 200, 45, 44, 240),
        2021 => t(1650, 195, 46, 46, 246),
        2022 => t(1700, 190, 47, 48, 252),
        2023 => t(1760, 195, 48, 49, 258),
        2024 => t(1820, 190, 49, 51, 262),
        _ => t(1870, 186, 50, 52, 268),
    }
}

fn tht_targets(y: i32) -> YearTargets {
    let t = |revenue, profit, workers_total| YearTargets {
        revenue,
        profit,
        member_income: 0,
        worker_income: 0,
        workers_total,
    };
    match y {
        2015 => t(440, 112, 515),
        2016 => t(443, 110, 520),
        2017 => t(445, 102, 525),
        2018 => t(446, 95, 530),
        2019 => t(448, 90, 536),
        2020 => t(450, 85, 542),
        2021 => t(455, 88, 548),
        2022 => t(462, 90, 552),
        2023 => t(470, 92, 556),
        2024 => t(476, 94, 560),
        _ => t(482, 95, 564),
    }
}

fn reports(
    plans: &[Plan],
    rng: &mut Rng,
    joined: i64,
    targets: fn(i32) -> YearTargets,
) -> Vec<AnnualReport> {
    let flows = member_flows(plans, rng, joined);
    let mut out: BTreeMap<(usize, i32), AnnualReport> = BTreeMap::new();
    for y in FIRST_YEAR..=LAST_YEAR {
        let idx: Vec<usize> = (0..plans.len())
            .filter(|&i| plans[i].years().contains(&y))
            .collect();
        if idx.is_empty() {
            continue;
        }
        let t = targets(y);
        let is_htx = plans[idx[0]].org.kind == OrgKind::Htx;
        let revenue = spread(&idx, t.revenue, rng, 40, 160);
        let ww: Vec<i64> = idx.iter().map(|&i| plans[i].members(y).max(1)).collect();
        let workers = exact_split(&ww, t.workers_total);
        // losses: in 2020 two young agricultural cooperatives, in 2025 one; groups now and then
        let losers: BTreeSet<usize> = idx
            .iter()
            .copied()
            .filter(|&i| {
                let p = &plans[i];
                let name = p.org.name.as_str();
                if is_htx {
                    (y == 2020 && (name == "HTX DVNN Láng Biển" || name == "HTX DVNN Thanh Mỹ"))
                        || (y == 2025 && name == "HTX DVNN Phú Điền")
                        || ((2021..=2022).contains(&y) && name == "HTX DVNN Trường Phát")
                } else {
                    (i + y as usize).is_multiple_of(23)
                }
            })
            .collect();
        let loss: Vec<i64> = losers.iter().map(|_| rng.range(5, 20)).collect();
        let gainers: Vec<usize> = idx
            .iter()
            .copied()
            .filter(|i| !losers.contains(i))
            .collect();
        let pw: Vec<i64> = gainers.iter().map(|_| rng.range(40, 160)).collect();
        let profit_total = t.profit * idx.len() as i64 + loss.iter().sum::<i64>();
        let mut profit: BTreeMap<usize, i64> = gainers
            .iter()
            .copied()
            .zip(exact_split(&pw, profit_total))
            .collect();
        profit.extend(losers.iter().copied().zip(loss.iter().map(|l| -l)));
        let member_income = if is_htx {
            spread(&idx, t.member_income, rng, 70, 130)
        } else {
            vec![]
        };
        let worker_income = if is_htx {
            spread(&idx, t.worker_income, rng, 80, 120)
        } else {
            vec![]
        };
        for (k, &i) in idx.iter().enumerate() {
            let p = &plans[i];
            let (joined, left) = flows[&(i, y)];
            let skip_meeting = p.org.name == "HTX DVNN Trường Phát" && y >= 2021;
            let figures = ReportFigures {
                members: Some(p.members(y)),
                members_joined: Some(joined),
                members_left: Some(left),
                workers: Some(workers[k]),
                revenue: Some(Fixed::from_int(revenue[k])),
                profit: Some(Fixed::from_int(profit[&i])),
                member_income: member_income.get(k).map(|v| Fixed::from_int(*v)),
                worker_income: worker_income.get(k).map(|v| Fixed::from_int(*v)),
                services: services(p, y, rng),
                rating: None,
                general_meeting_on: (!skip_meeting)
                    .then(|| date(y, rng.range(2, 4) as u8, rng.range(1, 28) as u8))
                    // a planted case for the review: no general meeting since early 2024
                    .filter(|_| !(p.org.name == "HTX DVNN Thanh Mỹ" && y == 2025)),
                statements_filed: Some(!(skip_meeting || (is_htx && y >= 2021 && rng.chance(8)))),
                // received in the first half of January; one planted late report
                received_on: Some(if p.org.name == "HTX DVNN Lộc Phát" && y == 2024 {
                    date(2025, 2, 20)
                } else {
                    date(y + 1, 1, 3 + ((i * 7 + y as usize) % 12) as u8)
                }),
                statements_filed_on: None,
                // self-scoring sheets from the first year of Circular 01/2020, sent in the
                // first half of December by cooperatives rated that year; one planted
                // missing sheet for 2025
                self_assessment_sent_on: (matches!(p.org.kind, OrgKind::Htx | OrgKind::Lhhtx)
                    && y >= 2020
                    && Some(p.org.founded_on) <= hoptac_core::date::ymd(y - 1, 12, 15)
                    && !(p.org.name == "HTX DVNN Phước Tiến" && y == 2025))
                    .then(|| {
                        // one planted late sheet
                        if p.org.name == "HTX DVNN Phú Điền" && y == 2025 {
                            date(2025, 12, 17)
                        } else {
                            date(y, 12, 1 + ((i * 5 + y as usize) % 14) as u8)
                        }
                    }),
                rating_basis: None,
            };
            let mut figures = figures;
            if figures.statements_filed == Some(true) {
                figures.statements_filed_on =
                    Some(date(y + 1, 3, 1 + ((i * 3 + y as usize) % 28) as u8));
            }
            out.insert(
                (i, y),
                AnnualReport {
                    org: p.org.code.clone(),
                    year: Year::new(y).expect("year"),
                    figures,
                },
            );
        }
    }
    out.into_values().collect()
}

/// (sector, name stem, commune) of the cooperative groups active at the end of 2020, by
/// sector count: 115 agriculture, 3 aquaculture, 8 handicraft, 1 trade-services, 2 other.
fn tht_plans(rng: &mut Rng) -> Vec<Plan> {
    use hoptac_app::seed::THAP_MUOI_COMMUNES as C;
    let short = |code: &str| {
        C.iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| n.trim_start_matches("Xã ").trim_start_matches("Thị trấn "))
            .unwrap_or("")
    };
    let agri_stems = [
        "THT bơm tưới",
        "THT phun xịt",
        "THT sản xuất lúa",
        "THT nuôi vịt",
        "THT trồng sen",
        "THT làm đất",
    ];
    let mut specs: Vec<(Sector, String, &str, i32, Option<i32>)> = Vec::new(); // sector, name, commune, founded, dissolved
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    let mut name_for = |stem: &str, commune: &str| {
        let key = format!("{stem} {}", short(commune));
        let n = count.entry(key.clone()).or_insert(0);
        *n += 1;
        format!("{key} {}", n)
    };
    // 115 agriculture active in 2020: 106 old, 5 founded 2016, 4 founded 2017–2020
    for k in 0..115 {
        let commune = C[k % 13].0;
        let stem = agri_stems[(k / 13) % agri_stems.len()];
        let founded = if k < 106 {
            2000 + (k as i32 % 15)
        } else if k < 111 {
            2016
        } else {
            2017 + (k as i32 - 111)
        };
        // one old group gives up in 2023
        let dissolved = (k == 7).then_some(2023);
        specs.push((
            Sector::Agriculture,
            name_for(stem, commune),
            commune,
            founded,
            dissolved,
        ));
    }
    for (k, commune) in ["30070", "30073", "30046"].iter().enumerate() {
        let founded = if k == 2 { 2019 } else { 2012 + k as i32 };
        specs.push((
            Sector::Aquaculture,
            name_for("THT nuôi cá", commune),
            commune,
            founded,
            None,
        ));
    }
    // handicraft (đan lục bình) in 6 communes; the other 7 have none — target 1 of the plan
    for (k, commune) in [
        "30052", "30052", "30049", "30049", "30040", "30046", "30064", "30043",
    ]
    .iter()
    .enumerate()
    {
        let founded = if k >= 5 {
            2017 + k as i32 - 5
        } else {
            2011 + k as i32
        };
        specs.push((
            Sector::Handicraft,
            name_for("THT đan lục bình", commune),
            commune,
            founded,
            None,
        ));
    }
    specs.push((
        Sector::TradeServices,
        name_for("THT dịch vụ thương mại", "30037"),
        "30037",
        2014,
        None,
    ));
    specs.push((
        Sector::Other,
        name_for("THT vệ sinh môi trường", "30037"),
        "30037",
        2013,
        None,
    ));
    specs.push((
        Sector::Other,
        name_for("THT dịch vụ mai táng", "30064"),
        "30064",
        2016,
        None,
    ));
    // dissolved: 2 in 2016, 1 each year 2017–2020
    for (k, dy) in [2016, 2016, 2017, 2018, 2019, 2020].iter().enumerate() {
        let commune = C[(k * 5) % 13].0;
        specs.push((
            Sector::Agriculture,
            name_for("THT bơm tưới", commune),
            commune,
            2005 + k as i32,
            Some(*dy),
        ));
    }
    // founded 2021–2025: handicraft in communes that had none (5 of the 7 the plan asks for)
    for (k, commune) in ["30055", "30058", "30061", "30067", "30070"]
        .iter()
        .enumerate()
    {
        specs.push((
            Sector::Handicraft,
            name_for("THT đan lục bình", commune),
            commune,
            2021 + k as i32,
            None,
        ));
    }
    let mut plans: Vec<Plan> = specs
        .into_iter()
        .enumerate()
        .map(|(n, (sector, name, commune, fy, dy))| {
            let founded = date(fy, rng.range(1, 12) as u8, rng.range(1, 28) as u8);
            let dissolved = dy.map(|y| date(y, rng.range(3, 11) as u8, rng.range(1, 28) as u8));
            Plan {
                org: org(
                    format!("THT-TM-{:03}", n + 1),
                    OrgKind::Tht,
                    &name,
                    sector,
                    commune,
                    founded,
                    dissolved,
                ),
                points: vec![],
                multi: false,
            }
        })
        .collect();
    let weight = |p: &Plan, rng: &mut Rng| {
        if p.org.dissolved_on.is_some() {
            rng.range(8, 12)
        } else {
            rng.range(15, 32)
        }
    };
    members_plan(
        &mut plans,
        rng,
        MemberTargets {
            m2016: THT_MEMBERS_2016,
            m2020: THT_MEMBERS_2020,
            flat_before_2016: true,
            founders: (14, 22),
            growth_2025: (97, 99),
        },
        &weight,
    );
    plans
}

/// Ratings of the groups: for 2020 exactly as the plan reports (93 of 129 fairly good or
/// better: 84 agriculture, 3 aquaculture, 5 handicraft, 1 trade-services; the rest average).
fn rate_groups(plans: &[Plan], reports: &mut [AnnualReport], rng: &mut Rng) {
    let mut good_left: BTreeMap<Sector, usize> = [
        (Sector::Agriculture, 84),
        (Sector::Aquaculture, 3),
        (Sector::Handicraft, 5),
        (Sector::TradeServices, 1),
    ]
    .into();
    let by_code: BTreeMap<&OrgCode, &Plan> = plans.iter().map(|p| (&p.org.code, p)).collect();
    for r in reports.iter_mut() {
        let p = by_code[&r.org];
        let y = r.year.get();
        r.figures.rating = Some(if y == 2020 {
            let left = good_left.entry(p.org.sector).or_insert(0);
            if *left > 0 {
                *left -= 1;
                if rng.chance(12) {
                    Rating::Tot
                } else {
                    Rating::Kha
                }
            } else {
                Rating::TrungBinh
            }
        } else {
            match rng.range(0, 99) {
                0..=9 => Rating::Tot,
                10..=69 => Rating::Kha,
                70..=94 => Rating::TrungBinh,
                _ => Rating::Yeu,
            }
        });
        // groups are rated by local criteria: the demo records where the rating came from
        r.figures.rating_basis = Some(format!(
            "Biên bản họp xét cuối năm {y} của UBND xã (minh họa)"
        ));
    }
}

const FAMILY: [&str; 12] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
];
const MIDDLE_M: [&str; 5] = ["Văn", "Minh", "Thanh", "Hữu", "Công"];
const MIDDLE_F: [&str; 4] = ["Thị", "Ngọc", "Thanh", "Kim"];
const GIVEN_M: [&str; 14] = [
    "An", "Bình", "Cường", "Dũng", "Hùng", "Phúc", "Tâm", "Thành", "Tuấn", "Sơn", "Long", "Hải",
    "Nam", "Trí",
];
const GIVEN_F: [&str; 8] = ["Lan", "Mai", "Hoa", "Hạnh", "Thảo", "Nga", "Hương", "Yến"];

fn person(rng: &mut Rng) -> String {
    if rng.chance(30) {
        format!(
            "{} {} {}",
            rng.pick(&FAMILY),
            rng.pick(&MIDDLE_F),
            rng.pick(&GIVEN_F)
        )
    } else {
        format!(
            "{} {} {}",
            rng.pick(&FAMILY),
            rng.pick(&MIDDLE_M),
            rng.pick(&GIVEN_M)
        )
    }
}

fn qualification(rng: &mut Rng, professional_pct: u64) -> Qualification {
    if rng.chance(professional_pct) {
        *rng.pick(&[
            Qualification::Intermediate,
            Qualification::Intermediate,
            Qualification::College,
            Qualification::University,
        ])
    } else {
        *rng.pick(&[
            Qualification::None,
            Qualification::Elementary,
            Qualification::Elementary,
        ])
    }
}

fn trained(rng: &mut Rng, from: Date) -> Option<Date> {
    let lo = from.year().max(2012) as i64;
    if rng.chance(72) {
        let y = rng.range(lo, LAST_YEAR as i64) as i32;
        Some(date(y, rng.range(3, 11) as u8, rng.range(1, 28) as u8))
    } else {
        None
    }
}

fn managers(plans: &[Plan], rng: &mut Rng) -> Vec<Manager> {
    let mut out = Vec::new();
    for p in plans {
        let start = p.org.founded_on;
        let end = p.org.dissolved_on;
        let roles: &[Role] = if p.org.kind == OrgKind::Htx {
            &[Role::Chair, Role::Accountant, Role::Controller]
        } else {
            &[Role::Chair]
        };
        for role in roles {
            let pct = if p.org.kind == OrgKind::Htx { 30 } else { 8 };
            let m = Manager {
                org: p.org.code.clone(),
                full_name: person(rng),
                role: *role,
                qualification: Some(qualification(rng, pct)),
                trained_on: trained(rng, start),
                from: Some(start),
                to: end,
            };
            // cooperatives renew part of their boards after 2021 with trained, qualified people
            if p.org.kind == OrgKind::Htx && end.is_none() && start.year() < 2021 && rng.chance(35)
            {
                let change = date(rng.range(2021, 2024) as i32, 7, 1);
                let prev_end = change.previous_day().expect("date");
                out.push(Manager {
                    to: Some(prev_end),
                    trained_on: m.trained_on.filter(|t| *t <= prev_end),
                    ..m.clone()
                });
                out.push(Manager {
                    full_name: person(rng),
                    qualification: Some(qualification(rng, 75)),
                    trained_on: Some(date(change.year(), 10, 15)),
                    from: Some(change),
                    ..m
                });
            } else {
                out.push(m);
            }
        }
    }
    out
}

fn farmer_clubs(rng: &mut Rng) -> (Vec<Organization>, Vec<AnnualReport>) {
    let mut orgs = Vec::new();
    let mut reports = Vec::new();
    for (k, (code, name)) in hoptac_app::seed::THAP_MUOI_COMMUNES.iter().enumerate() {
        let short = name
            .trim_start_matches("Xã ")
            .trim_start_matches("Thị trấn ");
        let founded = date(
            2016 + (k as i32 % 4),
            rng.range(1, 12) as u8,
            rng.range(1, 28) as u8,
        );
        let o = org(
            format!("HQ-TM-{:02}", k + 1),
            OrgKind::HoiQuan,
            &format!("Hội quán {short}"),
            Sector::Agriculture,
            code,
            founded,
            None,
        );
        let mut members = rng.range(25, 40);
        for y in founded.year()..=LAST_YEAR {
            let joined = if y == founded.year() {
                0
            } else {
                rng.range(0, 6)
            };
            members += joined;
            reports.push(AnnualReport {
                org: o.code.clone(),
                year: Year::new(y).expect("year"),
                figures: ReportFigures {
                    members: Some(members),
                    members_joined: Some(joined),
                    members_left: Some(0),
                    ..Default::default()
                },
            });
        }
        orgs.push(o);
    }
    // a planted spelling variant for the review: the same club entered twice, once with the
    // plan's own misspelling of Tân Kiều
    orgs.push(org(
        "HQ-TM-14".into(),
        OrgKind::HoiQuan,
        "Hội quán Tân Kiêu",
        Sector::Agriculture,
        "30049",
        date(2019, 5, 2),
        None,
    ));
    (orgs, reports)
}

/// Yearly ratings of the cooperatives. Not rated in the year they were founded (less than
/// 12 months of activity, Circular 01/2020). Of the seven multi-service cooperatives only
/// three were rated fairly good or better in 2020; more were after 2021.
fn rate_cooperatives(plans: &[Plan], reports: &mut [AnnualReport]) {
    let mut rng = Rng(0x6874_7872_6174_696e); // a stream of its own: the rest stays as it was
    let by_code: BTreeMap<&OrgCode, &Plan> = plans.iter().map(|p| (&p.org.code, p)).collect();
    let good_2020 = [
        "HTX DVNN Thắng Lợi",
        "HTX DVNN Mỹ Đông 2",
        "HTX DVNN Tân Kiều",
    ];
    for r in reports.iter_mut() {
        let Some(p) = by_code.get(&r.org) else {
            continue;
        };
        let y = r.year.get();
        if p.org.founded_on.year() == y {
            continue;
        }
        let roll = rng.range(0, 99);
        r.figures.rating = Some(match (p.multi, y) {
            (true, 2020) if good_2020.contains(&p.org.name.as_str()) => {
                if roll < 30 {
                    Rating::Tot
                } else {
                    Rating::Kha
                }
            }
            (true, 2020) => Rating::TrungBinh,
            (true, y) if y > 2020 => match roll {
                0..=14 => Rating::Tot,
                15..=79 => Rating::Kha,
                _ => Rating::TrungBinh,
            },
            _ => match roll {
                0..=4 => Rating::Tot,
                5..=44 => Rating::Kha,
                45..=89 => Rating::TrungBinh,
                _ => Rating::Yeu,
            },
        });
    }
}

/// The report the review should find far out of its sector's range.
fn tht_reps_outlier_target<'a>(
    tht: &[Plan],
    reps: &'a mut [AnnualReport],
) -> impl Iterator<Item = &'a mut AnnualReport> {
    let code = tht
        .iter()
        .find(|p| p.org.name == "THT bơm tưới Mỹ Hòa 1")
        .map(|p| p.org.code.clone());
    reps.iter_mut()
        .filter(move |r| Some(&r.org) == code.as_ref() && r.year.get() == LAST_YEAR)
}

/// True cases for the review, one per ground the other plants do not cover, on cooperatives
/// of the years after the source document (its figures stay as they are):
/// - HTX DVNN Mỹ Đông 3 never sent its 2024 report;
/// - HTX DVNN Láng Biển stopped operating in 2024 (no revenue, no service); its members took
///   their business to HTX DVNN Phước Thành, so the district's totals (and the plan's
///   progress) are those of the undisturbed demo;
/// - HTX Vận tải Thủy bộ Tháp Mười shrank to 4 members from 2023, below the 2023 Law's 5.
fn plant_review_cases(htx: &[Plan], reps: &mut Vec<AnnualReport>) {
    let code = |name: &str| {
        htx.iter()
            .find(|p| p.org.name == name)
            .map(|p| p.org.code.clone())
            .expect("planted cooperative")
    };
    let missing = code("HTX DVNN Mỹ Đông 3");
    reps.retain(|r| !(r.org == missing && r.year.get() == 2024));
    let dormant = code("HTX DVNN Láng Biển");
    let taker = code("HTX DVNN Phước Thành");
    let small = code("HTX Vận tải Thủy bộ Tháp Mười");
    let mut prev_members = None;
    reps.sort_by(|a, b| (&a.org, a.year).cmp(&(&b.org, b.year)));
    let moved: BTreeMap<i32, (Fixed, Fixed)> = reps
        .iter()
        .filter(|r| r.org == dormant && r.year.get() >= 2024)
        .map(|r| {
            let f = &r.figures;
            (
                r.year.get(),
                (
                    f.revenue.unwrap_or(Fixed::ZERO),
                    f.profit.unwrap_or(Fixed::ZERO),
                ),
            )
        })
        .collect();
    for r in reps.iter_mut() {
        let (y, f) = (r.year.get(), &mut r.figures);
        if r.org == taker
            && let Some((revenue, profit)) = moved.get(&y)
        {
            f.revenue = f.revenue.and_then(|v| v.checked_add(*revenue));
            f.profit = f.profit.and_then(|v| v.checked_add(*profit));
        }
        if r.org == dormant && y >= 2024 {
            f.revenue = Some(Fixed::ZERO);
            f.profit = Some(Fixed::ZERO);
            f.services.clear();
            f.member_income = None;
            f.worker_income = None;
            f.workers = Some(0);
        }
        if r.org == small {
            if y == 2022 {
                prev_members = f.members;
            }
            if y >= 2023 {
                let before = prev_members.unwrap_or(4);
                f.members_joined = Some(0);
                f.members_left = Some(before - 4);
                f.members = Some(4);
                prev_members = Some(4);
            }
        }
    }
}

/// The whole demo district.
pub fn demo_snapshot() -> Snapshot {
    let mut rng = Rng(0x7468_6170_6d75_6f69); // "thapmuoi"
    let htx = htx_plans(&mut rng);
    let tht = tht_plans(&mut rng);
    let mut reps = reports(&htx, &mut rng, HTX_JOINED_2016_2020, htx_targets);
    rate_cooperatives(&htx, &mut reps);
    let mut tht_reps = reports(&tht, &mut rng, THT_JOINED_2016_2020, tht_targets);
    rate_groups(&tht, &mut tht_reps, &mut rng);
    reps.extend(tht_reps);
    let mut mgrs = managers(&htx, &mut rng);
    mgrs.extend(managers(&tht, &mut rng));
    // a planted outlier for the review: one group's 2025 revenue, far above its sector's
    for r in tht_reps_outlier_target(&tht, &mut reps) {
        r.figures.revenue = Some(Fixed::from_int(6_000));
    }
    plant_review_cases(&htx, &mut reps);
    let (clubs, club_reports) = farmer_clubs(&mut rng);
    reps.extend(club_reports);
    let mut orgs: Vec<Organization> = htx.into_iter().chain(tht).map(|p| p.org).collect();
    orgs.extend(clubs);
    Snapshot {
        units: thap_muoi_units(),
        orgs,
        reports: reps,
        managers: mgrs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_split_is_exact() {
        assert_eq!(exact_split(&[1, 1, 1], 10).iter().sum::<i64>(), 10);
        assert_eq!(exact_split(&[3, 1], 8), vec![6, 2]);
        assert_eq!(exact_split(&[5], 0), vec![0]);
    }

    #[test]
    fn demo_is_deterministic() {
        let a = demo_snapshot();
        let b = demo_snapshot();
        assert_eq!(a.orgs, b.orgs);
        assert_eq!(a.reports, b.reports);
        assert_eq!(a.managers, b.managers);
    }
}

#[cfg(test)]
mod part_a {
    use super::*;
    use hoptac_core::indicator::{evaluate_all, find};
    use hoptac_core::validate::{Finding, check_manager, check_organization, check_report};

    /// Every figure of part A of the plan, from the records (see shared/seed/README.md).
    #[test]
    fn statistics_2016_2020_reproduce_part_a() {
        let snap = demo_snapshot();
        let all = evaluate_all(&snap, 2016, 2020);
        let get = |id: &str| find(&all, id).unwrap_or_else(|| panic!("{id}")).clone();
        let s = |v: Option<Fixed>| v.map(|x| x.to_string()).unwrap_or_else(|| "null".into());
        let check = |id: &str, value: &str, base: &str, pct: &str| {
            let v = get(id);
            assert_eq!(s(v.value), value, "{id} value");
            if !base.is_empty() {
                assert_eq!(s(v.base), base, "{id} base");
            }
            if !pct.is_empty() {
                let p = if pct.starts_with('r') {
                    s(v.ratio_pct)
                } else {
                    s(v.change_pct)
                };
                assert_eq!(p, pct.trim_start_matches('r'), "{id} pct");
            }
        };
        check("htx.active", "21", "23", "-8.7");
        check("htx.founded", "11", "", "");
        check("htx.dissolved", "12", "", "");
        check("htx.active.by_sector.agriculture", "19", "", "");
        check("htx.active.by_sector.transport", "2", "", "");
        check("htx.members", "2697", "1398", "r192.92");
        check("htx.members_joined", "1799", "", "");
        check("htx.workers", "240", "", "");
        check("htx.revenue_avg", "1600", "1500", "6.67");
        check("htx.profit_avg", "200", "180", "11.11");
        check("htx.member_income_avg", "45", "", "");
        check("htx.agri.multiservice3", "7", "", "");
        check("tht.active", "129", "125", "3.2");
        check("tht.active.by_sector.agriculture", "115", "", "");
        check("tht.active.by_sector.aquaculture", "3", "", "");
        check("tht.active.by_sector.handicraft", "8", "", "");
        check("tht.active.by_sector.trade_services", "1", "", "");
        check("tht.active.by_sector.other", "2", "", "");
        check("tht.members", "3127", "2768", "12.97");
        check("tht.members_joined", "292", "", "");
        check("tht.workers", "542", "", "");
        check("tht.revenue_avg", "450", "443", "1.58");
        check("tht.profit_avg", "85", "110", "-22.73");
        check("tht.rated_kha_or_better", "93", "", "");
        check("tht.rated_kha_or_better_pct", "72.09", "", "");
        // the 22 active at the start of 2016 + 11 − 12 = 21
        let e = hoptac_core::indicator::Engine::new(&snap);
        let active = hoptac_core::indicator::catalogue()
            .into_iter()
            .find(|d| d.id == "htx.active")
            .unwrap();
        assert_eq!(e.at(&active, 2015), Some(Fixed::from_int(22)));
    }

    #[test]
    fn multi_service_cooperatives_are_those_of_footnote_3() {
        let snap = demo_snapshot();
        let mut names: Vec<&str> = snap
            .reports
            .iter()
            .filter(|r| r.year.get() == 2020 && r.figures.services.len() >= 3)
            .filter_map(|r| {
                snap.orgs
                    .iter()
                    .find(|o| o.code == r.org && o.kind == OrgKind::Htx)
            })
            .map(|o| o.name.as_str())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "HTX DVNN Hưng Thạnh",
                "HTX DVNN Mỹ An",
                "HTX DVNN Mỹ Đông 2",
                "HTX DVNN Thạnh Lợi",
                "HTX DVNN Thắng Lợi",
                "HTX DVNN Tân Kiều",
                "HTX DVNN Đốc Binh Kiều"
            ]
        );
    }

    /// The demo obeys every invariant, member flows included (not even a warning).
    #[test]
    fn demo_breaks_no_rule() {
        let snap = demo_snapshot();
        let today = ymd(2026, 1, 1).unwrap();
        let mut findings: Vec<Finding> = snap
            .orgs
            .iter()
            .flat_map(|o| check_organization(o, today))
            .collect();
        for r in &snap.reports {
            let o = snap.orgs.iter().find(|o| o.code == r.org).unwrap();
            let prev = snap
                .reports
                .iter()
                .find(|p| p.org == r.org && p.year.get() == r.year.get() - 1);
            findings.extend(check_report(o, r, prev));
        }
        findings.extend(snap.managers.iter().flat_map(check_manager));
        assert!(findings.is_empty(), "{findings:#?}");
    }

    #[test]
    fn years_after_2020_meet_some_targets_and_miss_others() {
        let snap = demo_snapshot();
        let all = evaluate_all(&snap, 2020, 2025);
        let v = |id: &str| find(&all, id).unwrap().value.unwrap();
        assert!(v("htx.members") >= Fixed::from_int(2600)); // target 2: met
        assert!(v("tht.members") < Fixed::from_int(3200)); // target 3: missed
        assert!(v("htx.revenue_avg") >= Fixed::from_int(1800)); // target 4: met
        assert!(v("htx.profit_avg") < Fixed::from_int(200)); // target 5: missed
        assert!(v("htx.worker_income_avg") > Fixed::from_int(45)); // target 6: met
        assert!(v("htx.agri.profitable_pct") < Fixed::from_int(100)); // target 8: missed
    }
}

/// The password of every demo account (documented in the README; demo only).
pub const DEMO_PASSWORD: &str = "hoptac-demo";

/// One account per role, for trying the demo: `(account, password)`.
pub fn demo_accounts() -> Vec<(hoptac_core::auth::Account, &'static str)> {
    use hoptac_app::seed::{DISTRICT_ID, PROVINCE_ID, commune_id};
    use hoptac_core::auth::{Account, Role, Scope};
    let a = |username: &str, display: &str, role, scope| Account {
        username: username.into(),
        display_name: display.into(),
        role,
        scope,
        must_change_password: false,
        disabled: false,
    };
    vec![
        (
            a(
                "quantri",
                "Quản trị tỉnh (minh họa)",
                Role::Admin,
                Scope::Unit(PROVINCE_ID),
            ),
            DEMO_PASSWORD,
        ),
        (
            a(
                "canbo",
                "Cán bộ Phòng NN-PTNT huyện (minh họa)",
                Role::Staff,
                Scope::Unit(DISTRICT_ID),
            ),
            DEMO_PASSWORD,
        ),
        (
            a(
                "xa.tankieu",
                "Cán bộ xã Tân Kiều (minh họa)",
                Role::Commune,
                Scope::Unit(commune_id("30049")),
            ),
            DEMO_PASSWORD,
        ),
        (
            a(
                "htx.tankieu",
                "HTX DVNN Tân Kiều (minh họa)",
                Role::Org,
                Scope::Org(OrgCode::parse("HTX-TM-07").expect("code")),
            ),
            DEMO_PASSWORD,
        ),
        (
            a(
                "xem",
                "Mặt trận Tổ quốc huyện (chỉ xem, minh họa)",
                Role::Viewer,
                Scope::Unit(DISTRICT_ID),
            ),
            DEMO_PASSWORD,
        ),
    ]
}

/// The services each organisation is registered for: agricultural cooperatives registered
/// many ("đăng ký đa dịch vụ", as the plan says), the others what they do.
pub fn registered_services(orgs: &[Organization]) -> Vec<(OrgCode, BTreeSet<Service>)> {
    orgs.iter()
        .filter_map(|o| {
            let set: BTreeSet<Service> = match (o.kind, o.sector) {
                (OrgKind::Htx, Sector::Agriculture) => AGRI_SERVICES.iter().copied().collect(),
                (OrgKind::Htx, Sector::Transport) => [Service::Transport].into(),
                (OrgKind::Htx, Sector::Aquaculture) => {
                    [Service::InputSupply, Service::ProductSales].into()
                }
                (OrgKind::Htx, Sector::Handicraft) => [Service::ProductSales].into(),
                (OrgKind::Tht, Sector::Agriculture) => {
                    [Service::Irrigation, Service::PlantProtection].into()
                }
                _ => return None,
            };
            Some((o.code.clone(), set))
        })
        .collect()
}

/// Evaluations of the demo cooperatives for 2020–2025, run through the workflow's own rules:
/// sheets sent on the date the yearly report records (Phước Tiến's 2025 one never was: a
/// draft), 2020–2024 approved, 2025 part submitted, part reviewed (one line adjusted with a
/// reason), a spread of ratings. Scores are invented, like the rest of the demo.
pub fn demo_evaluations(s: &Snapshot) -> Vec<hoptac_store::StoredEvaluation> {
    use hoptac_core::evaluation::{Evaluation, Step};
    let r = hoptac_core::rubric::Rubric::tt01_2020();
    let mut out = Vec::new();
    for rep in s
        .reports
        .iter()
        .filter(|x| (2020..=2025).contains(&x.year.get()))
    {
        let Some(o) = s.orgs.iter().find(|o| o.code == rep.org) else {
            continue;
        };
        let year = rep.year.get();
        if hoptac_app::evaluation::exclusion(o, year, Some(rep)).is_some() {
            continue;
        }
        // a share of each line's maximum, from 40 % to 95 %, higher for a profitable year
        let mut rng = Rng(o.code.as_str().bytes().fold(year as u64, |a, b| {
            a.wrapping_mul(131).wrapping_add(b as u64)
        }));
        let h = rng.next();
        let profitable = rep.figures.profit.is_some_and(|p| p.is_positive());
        let pct = 40 + (h % 45) as i64 + if profitable { 10 } else { 0 };
        let mut e = Evaluation::new(&r);
        for i in r.items().into_iter().filter(|i| i.children.is_empty()) {
            // group III's lines have no confirmed maxima: 6 of its 40 points each at most
            let max = i.max.unwrap_or(Fixed::from_int(6)).micros();
            // to the half point below
            let half = 500_000;
            let score = (max * pct / 100) / half * half;
            e.apply(
                &r,
                Step::SelfScore {
                    item: i.id.clone(),
                    score: Fixed::from_micros(score),
                },
            )
            .expect("demo score within its maximum");
        }
        if let Some(on) = rep.figures.self_assessment_sent_on {
            e.apply(&r, Step::Submit { on }).expect("complete sheet");
            let reviewed = year < 2025 || h.is_multiple_of(3) || o.name == "HTX DVNN Mỹ Quý";
            if reviewed {
                if year == 2025 && o.name == "HTX DVNN Mỹ Quý" {
                    e.apply(
                        &r,
                        Step::Adjust {
                            item: "TC5".into(),
                            score: Fixed::from_int(2),
                            reason: "Chưa nộp báo cáo tài chính năm 2024 đúng hạn".into(),
                        },
                    )
                    .expect("demo adjustment");
                }
                e.apply(&r, Step::Review).expect("review");
            }
            if year < 2025 {
                e.apply(&r, Step::Approve).expect("approve");
            }
        }
        out.push(hoptac_store::StoredEvaluation {
            org: o.code.clone(),
            year,
            evaluation: e,
        });
    }
    // one agricultural sheet by TT09/2017 in progress: Mỹ Quý scored its revenue line a band
    // higher than its figures give, which the sheet page flags
    let tt09 = hoptac_core::rubric::Rubric::tt09_2017();
    if let Some(rep) = s.reports.iter().find(|r| {
        r.year.get() == 2025
            && s.orgs
                .iter()
                .any(|o| o.code == r.org && o.name == "HTX DVNN Mỹ Quý")
    }) {
        let proposed = hoptac_core::evaluation::propose(&tt09, &rep.figures)
            .into_iter()
            .find(|p| p.item == "1.2")
            .and_then(|p| p.points)
            .unwrap_or(Fixed::ZERO);
        let claimed = if proposed >= Fixed::from_int(10) {
            Fixed::from_int(8)
        } else {
            proposed.checked_add(Fixed::from_int(2)).expect("small")
        };
        let mut e = Evaluation::new(&tt09);
        for (item, score) in [("1.1", Fixed::from_int(4)), ("1.2", claimed)] {
            e.apply(
                &tt09,
                Step::SelfScore {
                    item: item.into(),
                    score,
                },
            )
            .expect("demo TT09 score");
        }
        out.push(hoptac_store::StoredEvaluation {
            org: rep.org.clone(),
            year: 2025,
            evaluation: e,
        });
    }
    out
}

/// The demo's 2025 classification axes, as an office would have entered them from the
/// cooperatives' sheets (illustrative): agricultural service cooperatives supply their
/// members' production (VSIC A, rice growing); the aquaculture one its fish farmers; the
/// transport ones are left to enter. Capital is illustrative too (0,8 × the year's revenue).
pub fn demo_classifications(s: &Snapshot) -> Vec<hoptac_store::StoredClassification> {
    use hoptac_core::evaluation::classification::{AgriField, Classification, SupplyType};
    s.reports
        .iter()
        .filter(|r| r.year.get() == 2025)
        .filter_map(|r| {
            let o = s.orgs.iter().find(|o| o.code == r.org)?;
            let field = match (o.kind, o.sector) {
                (OrgKind::Htx, Sector::Agriculture) => AgriField::Crops,
                (OrgKind::Htx, Sector::Aquaculture) => AgriField::Aquaculture,
                _ => return None,
            };
            let capital = r
                .figures
                .revenue
                .and_then(|v| Fixed::ratio(v.micros() as i128 * 8, 10 * 1_000_000, 0));
            Some(hoptac_store::StoredClassification {
                org: o.code.clone(),
                year: 2025,
                axes: Classification {
                    supply: Some(SupplyType::Production),
                    vsic: Some('A'),
                    capital,
                    agri_field: Some(field),
                },
            })
        })
        .collect()
}
