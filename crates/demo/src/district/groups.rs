//! Cooperative groups (THT) and farmer clubs (Hội quán).

use super::cooperatives::{MemberTargets, THT_MEMBERS_2016, THT_MEMBERS_2020, members_plan};
use super::kit::*;
use hoptac_core::model::{AnnualReport, Organization, ReportFigures};
use hoptac_core::types::*;
use std::collections::BTreeMap;

/// (sector, name stem, commune) of the cooperative groups active at the end of 2020, by
/// sector count: 115 agriculture, 3 aquaculture, 8 handicraft, 1 trade-services, 2 other.
pub(super) fn tht_plans(rng: &mut Rng) -> Vec<Plan> {
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

pub(super) fn farmer_clubs(rng: &mut Rng) -> (Vec<Organization>, Vec<AnnualReport>) {
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
