//! Yearly figures: services, the totals each year must reach, the reports and their ratings.

use super::cooperatives::member_flows;
use super::kit::*;
use hoptac_core::Fixed;
use hoptac_core::model::{AnnualReport, ReportFigures};
use hoptac_core::types::*;
use std::collections::{BTreeMap, BTreeSet};

pub(super) const AGRI_SERVICES: [Service; 9] = [
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

pub(super) fn services(p: &Plan, y: i32, rng: &mut Rng) -> BTreeSet<Service> {
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
pub(super) fn spread(idx: &[usize], avg: i64, rng: &mut Rng, lo: i64, hi: i64) -> Vec<i64> {
    let w: Vec<i64> = idx.iter().map(|_| rng.range(lo, hi)).collect();
    exact_split(&w, avg * idx.len() as i64)
}

pub(super) struct YearTargets {
    pub(super) revenue: i64,
    pub(super) profit: i64,
    pub(super) member_income: i64,
    pub(super) worker_income: i64,
    pub(super) workers_total: i64,
}

pub(super) fn htx_targets(y: i32) -> YearTargets {
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

pub(super) fn tht_targets(y: i32) -> YearTargets {
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

pub(super) fn reports(
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

/// Ratings of the groups: for 2020 exactly as the plan reports (93 of 129 fairly good or
/// better: 84 agriculture, 3 aquaculture, 5 handicraft, 1 trade-services; the rest average).
pub(super) fn rate_groups(plans: &[Plan], reports: &mut [AnnualReport], rng: &mut Rng) {
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

/// Yearly ratings of the cooperatives. Not rated in the year they were founded (less than
/// 12 months of activity, Circular 01/2020). Of the seven multi-service cooperatives only
/// three were rated fairly good or better in 2020; more were after 2021.
pub(super) fn rate_cooperatives(plans: &[Plan], reports: &mut [AnnualReport]) {
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
pub(super) fn tht_reps_outlier_target<'a>(
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
pub(super) fn plant_review_cases(htx: &[Plan], reps: &mut Vec<AnnualReport>) {
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
