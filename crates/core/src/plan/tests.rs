use super::*;
use crate::indicator::catalogue;

fn plan() -> Plan {
    Plan {
        code: "P".into(),
        title: "Kế hoạch".into(),
        issuer: "UBND huyện".into(),
        doc_no: "".into(),
        doc_date: None,
        from: 2021,
        to: 2026,
        baseline_year: 2020,
        scope: "872".into(),
        targets: vec![],
        offices: vec![],
        tasks: vec![],
    }
}

fn target(c: Comparator, v: i64, hi: Option<i64>) -> Target {
    Target {
        no: "1".into(),
        wording: "x".into(),
        indicator: "htx.members".into(),
        comparator: c,
        value: Fixed::from_int(v),
        value_hi: hi.map(Fixed::from_int),
        baseline_indicator: None,
        milestones: vec![],
        note: String::new(),
    }
}

fn def(id: &str) -> IndicatorDef {
    catalogue().into_iter().find(|d| d.id == id).unwrap()
}

/// Progress with values given per year (None: no data).
fn run(t: &Target, id: &str, vals: &[(i32, i64)]) -> TargetProgress {
    let d = def(id);
    let vals: Vec<(i32, i64)> = vals.to_vec();
    let values = move |y: i32| {
        vals.iter()
            .find(|(vy, _)| *vy == y)
            .map(|(_, v)| Fixed::from_int(*v))
    };
    let has = |y: i32| y <= 2025;
    progress(
        &plan(),
        t,
        &Inputs {
            def: &d,
            values: &values,
            baseline_other: None,
            years_with_data: &has,
            coverage: None,
        },
    )
}

fn status(p: &TargetProgress, y: i32) -> Status {
    p.years.iter().find(|x| x.year == y).unwrap().status
}

#[test]
fn exactly_on_target_meets_at_least_but_not_above() {
    let ge = run(
        &target(Comparator::Ge, 100, None),
        "htx.members",
        &[(2020, 80), (2021, 100), (2022, 101)],
    );
    assert_eq!(status(&ge, 2021), Status::Met);
    assert_eq!(status(&ge, 2022), Status::Exceeded);
    // "trên 45": 45 is not above 45
    let gt = run(
        &target(Comparator::Gt, 100, None),
        "htx.members",
        &[(2020, 80), (2021, 100), (2022, 101)],
    );
    assert_ne!(status(&gt, 2021), Status::Met);
    assert_ne!(status(&gt, 2021), Status::Exceeded);
    assert_eq!(status(&gt, 2022), Status::Exceeded);
}

#[test]
fn ranges_are_met_inside_and_exceeded_above() {
    let t = target(Comparator::Between, 5, Some(6));
    let p = run(
        &t,
        "htx.members",
        &[(2020, 2), (2021, 5), (2022, 6), (2023, 7), (2024, 3)],
    );
    assert_eq!(status(&p, 2021), Status::Met);
    assert_eq!(status(&p, 2022), Status::Met);
    assert_eq!(status(&p, 2023), Status::Exceeded);
    assert_eq!(
        p.years.iter().find(|y| y.year == 2023).unwrap().gap,
        Some(Fixed::from_int(-1))
    );
    // 3 in 2024: the straight path from 2 (2020) to 5 (2026) stands at 4 → behind
    assert_eq!(status(&p, 2024), Status::Behind);
}

#[test]
fn on_track_follows_the_straight_path_or_the_milestones() {
    let t = target(Comparator::Ge, 160, None);
    // path from 100 (2020) to 160 (2026): +10 a year
    let p = run(&t, "htx.members", &[(2020, 100), (2021, 110), (2022, 119)]);
    assert_eq!(status(&p, 2021), Status::OnTrack);
    assert_eq!(status(&p, 2022), Status::Behind);
    let mut t2 = t.clone();
    t2.milestones = vec![(2022, Fixed::from_int(115))];
    let p = run(&t2, "htx.members", &[(2020, 100), (2021, 110), (2022, 119)]);
    assert_eq!(status(&p, 2022), Status::OnTrack);
    assert_eq!(
        p.years[1].share_pct,
        Some(Fixed::parse_plain("31.67").unwrap())
    );
}

#[test]
fn lower_is_better_for_at_most_targets() {
    let t = target(Comparator::Le, 10, None);
    let p = run(&t, "htx.members", &[(2020, 40), (2021, 34), (2022, 33)]);
    // path from 40 to 10: −5 a year → 35 in 2021, 30 in 2022
    assert_eq!(status(&p, 2021), Status::OnTrack);
    assert_eq!(status(&p, 2022), Status::Behind);
}

#[test]
fn missing_years_are_no_data_and_the_latest_year_counts() {
    let t = target(Comparator::Ge, 160, None);
    let p = run(&t, "htx.members", &[(2020, 100), (2021, 110), (2023, 140)]);
    assert_eq!(status(&p, 2022), Status::NoData);
    assert_eq!(status(&p, 2026), Status::NoData);
    assert_eq!(p.latest.as_ref().unwrap().year, 2023);
    let proj = p.projection.unwrap();
    assert_eq!(proj.points, 3);
    assert!(proj.low.is_some() && proj.low <= Some(proj.value) && Some(proj.value) <= proj.high);
}

#[test]
fn the_final_year_decides_missed() {
    let t = target(Comparator::Ge, 160, None);
    let vals: Vec<(i32, i64)> = (2020..=2026)
        .map(|y| (y, 100 + (y as i64 - 2020) * 9))
        .collect();
    let d = def("htx.members");
    let values = move |y: i32| {
        vals.iter()
            .find(|(vy, _)| *vy == y)
            .map(|(_, v)| Fixed::from_int(*v))
    };
    let all = |_| true;
    let p = progress(
        &plan(),
        &t,
        &Inputs {
            def: &d,
            values: &values,
            baseline_other: None,
            years_with_data: &all,
            coverage: None,
        },
    );
    assert_eq!(status(&p, 2026), Status::Missed);
    assert!(
        p.projection.is_none(),
        "no projection once the final year is known"
    );
}

#[test]
fn a_projection_short_of_the_target_warns() {
    let t = target(Comparator::Ge, 200, None);
    let p = run(
        &t,
        "htx.members",
        &[
            (2020, 100),
            (2021, 105),
            (2022, 110),
            (2023, 115),
            (2024, 120),
            (2025, 125),
        ],
    );
    let proj = p.projection.clone().unwrap();
    assert_eq!(proj.value, Fixed::from_int(130));
    assert!(!proj.meets);
    assert_eq!(
        proj.low,
        Some(Fixed::from_int(130)),
        "a perfect line has no spread"
    );
    assert!(p.checks.iter().any(|c| c.en().starts_with("Warning")));
}

#[test]
fn plan_checks_catch_targets_met_at_baseline_and_other_indicators() {
    let t = target(Comparator::Ge, 2600, None);
    let p = run(&t, "htx.members", &[(2020, 2697), (2021, 2700)]);
    assert!(
        p.checks[0]
            .vi()
            .contains("đã đạt ngay từ năm gốc 2020 (2.697)"),
        "{:?}",
        p.checks
    );
    let d = def("htx.worker_income_avg");
    let values = |y: i32| (y == 2020).then(|| Fixed::from_int(44));
    let has = |_| true;
    let mut t6 = target(Comparator::Gt, 45, None);
    t6.indicator = "htx.worker_income_avg".into();
    let p = progress(
        &plan(),
        &t6,
        &Inputs {
            def: &d,
            values: &values,
            baseline_other: Some(("htx.member_income_avg".into(), Some(Fixed::from_int(45)))),
            years_with_data: &has,
            coverage: None,
        },
    );
    assert!(
        p.checks
            .iter()
            .any(|c| c.vi().contains("htx.member_income_avg = 45"))
    );
    let none = |_| None;
    let p = progress(
        &plan(),
        &t6,
        &Inputs {
            def: &d,
            values: &none,
            baseline_other: None,
            years_with_data: &has,
            coverage: None,
        },
    );
    assert!(
        p.checks
            .iter()
            .any(|c| c.en() == "No data can measure this target yet")
    );
}

#[test]
fn flows_count_from_the_start_of_the_plan() {
    let mut t = target(Comparator::Ge, 7, None);
    t.indicator = "tht.founded".into();
    let p = run(&t, "tht.founded", &[(2021, 1), (2022, 3), (2023, 3)]);
    assert!(p.flow);
    assert_eq!(p.baseline, Some(Fixed::ZERO));
    // the path 0 → 7 over 2020–2026 stands at 1,17 in 2021, 2,33 in 2022, 3,5 in 2023
    assert_eq!(status(&p, 2021), Status::Behind);
    assert_eq!(status(&p, 2022), Status::OnTrack);
    assert_eq!(status(&p, 2023), Status::Behind);
    assert!(
        p.checks.iter().all(|c| !c.vi().contains("năm gốc")),
        "a flow is never met at the baseline"
    );
}

#[test]
fn targets_must_fit_their_unit() {
    let pct = def("htx.agri.profitable_pct");
    let mut t = target(Comparator::Ge, 120, None);
    assert_eq!(check_target(&t, Some(&pct))[0].0, "value");
    t.value = Fixed::parse_plain("7.5").unwrap();
    assert!(
        check_target(&t, Some(&def("htx.members")))[0]
            .1
            .en()
            .contains("whole")
    );
    let r = target(Comparator::Between, 6, Some(5));
    assert_eq!(
        check_target(&r, Some(&def("htx.services_avg")))[0].0,
        "value_hi"
    );
    assert_eq!(
        check_target(
            &target(Comparator::Between, 5, None),
            Some(&def("htx.services_avg"))
        )[0]
        .0,
        "value_hi"
    );
    assert_eq!(
        check_target(&target(Comparator::Ge, 5, None), None)[0].0,
        "indicator"
    );
    assert!(
        check_target(
            &target(Comparator::Ge, 2600, None),
            Some(&def("htx.members"))
        )
        .is_empty()
    );
    let mut bad = plan();
    bad.baseline_year = 2021;
    assert_eq!(check_plan(&bad)[0].0, "baseline_year");
}

#[test]
fn comparators_parse_from_words() {
    assert_eq!(Comparator::parse("trở lên"), Some(Comparator::Ge));
    assert_eq!(Comparator::parse("trên"), Some(Comparator::Gt));
    assert_eq!(Comparator::parse("≥"), Some(Comparator::Ge));
    assert_eq!(Comparator::parse("range"), Some(Comparator::Between));
    assert_eq!(Comparator::parse("nhiều"), None);
}

#[test]
fn projections_stay_within_the_unit() {
    let mut t = target(Comparator::Ge, 100, None);
    t.indicator = "htx.agri.profitable_pct".into();
    let p = run(
        &t,
        "htx.agri.profitable_pct",
        &[
            (2020, 90),
            (2021, 95),
            (2022, 98),
            (2023, 100),
            (2024, 100),
            (2025, 100),
        ],
    );
    let pr = p.projection.unwrap();
    assert_eq!(pr.value, Fixed::from_int(100));
    assert!(pr.high.unwrap() <= Fixed::from_int(100));
}
