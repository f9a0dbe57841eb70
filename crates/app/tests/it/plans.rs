//! Plans and targets on a real database: the demo plan, edits, indicators as data, imports.

use crate::{app, csv, sys};
use hoptac_core::Fixed;
use hoptac_core::plan::{Comparator, Status, Target};
use hoptac_core::spec::IndicatorRecord;
use hoptac_demo::plan::PLAN_CODE;

async fn demo() -> (hoptac_app::App, hoptac_store_conformance::TestDb) {
    let (a, d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    (a, d)
}

fn int(n: i64) -> Option<Fixed> {
    Some(Fixed::from_int(n))
}

#[tokio::test]
async fn the_demo_plan_is_tracked_year_by_year() {
    let (a, _d) = demo().await;
    let p = a.plan_progress(&sys(), PLAN_CODE, None).await.unwrap();
    assert_eq!(p.targets.len(), 11);
    let t = |no: &str| p.targets.iter().find(|t| t.target.no == no).unwrap();
    // target 1: handicraft groups founded in communes without one, counted from 2021
    let t1 = t("1");
    assert!(t1.flow);
    assert_eq!(
        t1.years.iter().map(|y| y.value).collect::<Vec<_>>(),
        vec![int(1), int(2), int(3), int(4), int(5), None]
    );
    assert_eq!(t1.latest.as_ref().unwrap().status, Status::Behind);
    assert!(!t1.projection.as_ref().unwrap().meets);
    // target 2: met before the plan began (2.600 vs 2.697 in 2020)
    let t2 = t("2");
    assert_eq!(t2.baseline, int(2697));
    assert!(
        t2.checks
            .iter()
            .any(|c| c.vi().contains("đã đạt ngay từ năm gốc 2020 (2.697)"))
    );
    assert_eq!(t2.latest.as_ref().unwrap().status, Status::Exceeded);
    // target 6 measures workers' income while part A reported members' income
    assert!(
        t("6")
            .checks
            .iter()
            .any(|c| c.vi().contains("htx.member_income_avg = 45")
                && c.vi().contains("htx.worker_income_avg"))
    );
    // no figures for 2026 yet: the projection speaks for it
    for tp in &p.targets {
        assert_eq!(
            tp.years.last().unwrap().status,
            Status::NoData,
            "{}",
            tp.target.no
        );
        assert_eq!(tp.latest.as_ref().unwrap().year, 2025);
        assert!(tp.projection.is_some());
    }
    let missed: Vec<&str> = p
        .targets
        .iter()
        .filter(|t| t.projection.as_ref().is_some_and(|p| !p.meets))
        .map(|t| t.target.no.as_str())
        .collect();
    assert!(
        missed.contains(&"3")
            && missed.contains(&"5")
            && missed.contains(&"7b")
            && missed.contains(&"8b"),
        "{missed:?}"
    );
    // as of 2023, later years are ignored
    let p23 = a
        .plan_progress(&sys(), PLAN_CODE, Some(2023))
        .await
        .unwrap();
    assert!(
        p23.targets
            .iter()
            .all(|t| t.latest.as_ref().unwrap().year == 2023)
    );
    assert!(
        a.plan_progress(&sys(), PLAN_CODE, Some(1999))
            .await
            .unwrap_err()
            .is_user_error()
    );
}

#[tokio::test]
async fn editing_a_target_keeps_the_others_and_bad_targets_are_refused() {
    let (a, _d) = demo().await;
    let mut t = a
        .plan(&sys(), PLAN_CODE)
        .await
        .unwrap()
        .targets
        .into_iter()
        .find(|t| t.no == "8b")
        .unwrap();
    t.value = Fixed::from_int(4);
    t.milestones = vec![(2023, Fixed::from_int(3))];
    a.save_target(&sys(), PLAN_CODE, t).await.unwrap();
    let plan = a.plan(&sys(), PLAN_CODE).await.unwrap();
    assert_eq!(plan.targets.len(), 11);
    assert_eq!(
        plan.targets
            .iter()
            .find(|t| t.no == "8b")
            .unwrap()
            .milestones,
        vec![(2023, Fixed::from_int(3))]
    );

    let bad = |f: &dyn Fn(&mut Target)| {
        let mut t = Target {
            no: "10".into(),
            wording: "Tỷ lệ HTX có lãi".into(),
            indicator: "htx.agri.profitable_pct".into(),
            comparator: Comparator::Ge,
            value: Fixed::from_int(90),
            value_hi: None,
            baseline_indicator: None,
            milestones: vec![],
            note: String::new(),
        };
        f(&mut t);
        t
    };
    for (t, field) in [
        (bad(&|t| t.value = Fixed::from_int(120)), "value"),
        (bad(&|t| t.indicator = "htx.happiness".into()), "indicator"),
        (bad(&|t| t.comparator = Comparator::Between), "value_hi"),
        (bad(&|t| t.wording = " ".into()), "wording"),
        (
            bad(&|t| t.baseline_indicator = Some("nope".into())),
            "baseline_indicator",
        ),
    ] {
        match a.save_target(&sys(), PLAN_CODE, t).await.unwrap_err() {
            hoptac_app::AppError::Invalid { field: f, msg, .. } => {
                assert_eq!(f, field);
                assert!(!msg.vi().is_empty() && !msg.en().is_empty());
            }
            e => panic!("{e}"),
        }
    }
    assert_eq!(
        a.plan(&sys(), PLAN_CODE).await.unwrap().targets.len(),
        11,
        "nothing was written"
    );
    assert!(
        a.save_target(&sys(), "NO-PLAN", bad(&|_| {}))
            .await
            .is_err()
    );
}

#[tokio::test]
async fn a_new_indicator_and_target_without_code() {
    let (a, _d) = demo().await;
    let rec = IndicatorRecord {
        id: "htx.transport.members".into(),
        label_vi: "Thành viên HTX vận tải".into(),
        label_en: "Members of transport cooperatives".into(),
        definition: "subject=active_orgs; kinds=HTX; where=sector:transport; aggregate=sum:members"
            .into(),
        description: "".into(),
    };
    a.save_indicator(&sys(), rec.clone()).await.unwrap();
    assert!(
        a.indicator_catalogue()
            .await
            .unwrap()
            .iter()
            .any(|d| d.id == "htx.transport.members")
    );
    a.save_target(
        &sys(),
        PLAN_CODE,
        Target {
            no: "10".into(),
            wording: "Thành viên HTX vận tải từ 150 người trở lên".into(),
            indicator: "htx.transport.members".into(),
            comparator: Comparator::Ge,
            value: Fixed::from_int(150),
            value_hi: None,
            baseline_indicator: None,
            milestones: vec![],
            note: String::new(),
        },
    )
    .await
    .unwrap();
    let p = a.plan_progress(&sys(), PLAN_CODE, None).await.unwrap();
    let t = p.targets.iter().find(|t| t.target.no == "10").unwrap();
    assert!(t.baseline.is_some() && t.latest.is_some());

    let err = |definition: &str, id: &str| {
        let mut r = rec.clone();
        r.definition = definition.into();
        r.id = id.into();
        r
    };
    assert!(
        a.save_indicator(
            &sys(),
            err(
                "subject=active_orgs; kinds=HTX; aggregate=avg:height",
                "x.y"
            )
        )
        .await
        .unwrap_err()
        .message()
        .en()
        .contains("height")
    );
    assert!(
        a.save_indicator(
            &sys(),
            err(
                "subject=active_orgs; kinds=HTX; aggregate=count",
                "htx.active"
            )
        )
        .await
        .unwrap_err()
        .message()
        .vi()
        .contains("chỉ tiêu gốc")
    );
}

#[tokio::test]
async fn plans_import_from_sheets_all_or_nothing() {
    let (a, _d) = demo().await;
    let good = csv(&[
        (
            "plans",
            "code,title,from,to,baseline_year,scope\nP-2026,Kế hoạch 2026 – 2030,2026,2030,2025,Tháp Mười\n",
        ),
        (
            "targets",
            "plan_code,no,wording,indicator,comparator,value,value_hi,milestones\nP-2026,1,HTX có lãi,htx.agri.profitable_pct,trở lên,100,,2027: 96; 2028: 98\nP-2026,2,Dịch vụ,htx.services_avg,range,4,5,\n",
        ),
    ]);
    let o = a.import_book(&sys(), &good, true).await.unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let p = a.plan(&sys(), "P-2026").await.unwrap();
    // a name is resolved at the plan's end: in 2030 "Tháp Mười" is the new commune (30037,
    // the code of the former Thị trấn Mỹ An), the district having ended in 2025
    assert_eq!((p.scope.as_str(), p.targets.len()), ("30037", 2));
    assert_eq!(p.targets[0].milestones[1], (2028, Fixed::from_int(98)));
    assert_eq!(
        a.import_book(&sys(), &good, true).await.unwrap().changes(),
        0,
        "idempotent"
    );

    let bad = csv(&[(
        "targets",
        "plan_code,no,wording,indicator,comparator,value\nP-2026,3,X,htx.agri.profitable_pct,>=,120\nNOPE,1,X,htx.members,>=,1\nP-2026,4,X,htx.members,nhiều,1\n",
    )]);
    let o = a.import_book(&sys(), &bad, true).await.unwrap();
    assert!(!o.applied);
    let cols: Vec<(Option<u32>, Option<&str>)> = o
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| (p.row, p.key))
        .collect();
    assert_eq!(
        cols,
        vec![
            (Some(2), Some("value")),
            (Some(3), Some("plan_code")),
            (Some(4), Some("comparator"))
        ]
    );
    assert_eq!(a.plan(&sys(), "P-2026").await.unwrap().targets.len(), 2);
}

#[tokio::test]
async fn drill_down_shows_who_makes_up_the_figure() {
    let (a, _d) = demo().await;
    let d = a
        .target_drill(&sys(), PLAN_CODE, "4", Some(2025))
        .await
        .unwrap();
    // at the end of 2025 the district's ground is its six new communes; in 2020 its 13 old
    let names: Vec<&str> = d.by_commune.iter().map(|c| c.0.name.as_str()).collect();
    assert_eq!(d.by_commune.len(), 6, "{names:?}");
    assert!(names.contains(&"Xã Đốc Binh Kiều") && !names.contains(&"Xã Tân Kiều"));
    let old = a
        .target_drill(&sys(), PLAN_CODE, "4", Some(2020))
        .await
        .unwrap();
    assert_eq!(old.by_commune.len(), 13);
    assert_eq!(
        d.by_org.len(),
        24,
        "the 24 cooperatives active and reporting in 2025"
    );
    assert!(
        d.by_org.windows(2).all(|w| w[0].value <= w[1].value),
        "lowest first"
    );
    let sum: i128 = d
        .by_org
        .iter()
        .map(|r| r.value.unwrap().micros() as i128)
        .sum();
    assert_eq!(
        Fixed::average(sum, d.by_org.len()),
        int(1870),
        "the parts add up to the figure"
    );
    let d1 = a.target_drill(&sys(), PLAN_CODE, "1", None).await.unwrap();
    assert_eq!(d1.year, 2025);
    assert_eq!(d1.by_org.len(), 5);
    let d7 = a
        .target_drill(&sys(), PLAN_CODE, "7a", Some(2025))
        .await
        .unwrap();
    assert!(d7.by_org.iter().all(|r| r.items >= 1 && r.hits <= r.items));
    assert!(a.target_drill(&sys(), PLAN_CODE, "99", None).await.is_err());
}

#[tokio::test]
async fn missing_records_are_said_beside_the_target() {
    let (a, _d) = demo().await;
    let book = csv(&[
        (
            "organizations",
            "code,kind,name,sector,commune,founded_on\nNEW-HTX,HTX,HTX Mới Chưa Có Hồ Sơ,agriculture,30049,2024-02-01\n",
        ),
        ("annual_reports", "org_code,year,members\nNEW-HTX,2024,10\n"),
    ]);
    assert!(a.import_book(&sys(), &book, true).await.unwrap().applied);
    let p = a.plan_progress(&sys(), PLAN_CODE, None).await.unwrap();
    let t7a = p.targets.iter().find(|t| t.target.no == "7a").unwrap();
    assert!(
        t7a.checks
            .iter()
            .any(|c| c.vi().contains("chưa có hồ sơ cán bộ quản lý")),
        "{:?}",
        t7a.checks
    );
    let t4 = p.targets.iter().find(|t| t.target.no == "4").unwrap();
    assert!(
        t4.checks
            .iter()
            .any(|c| c.vi().contains("chưa nộp báo cáo năm 2025")),
        "{:?}",
        t4.checks
    );
}

#[tokio::test]
async fn a_plan_whose_baseline_lies_outside_the_data_is_refused() {
    let (a, _d) = demo().await;
    let mut p = a.plan(&sys(), PLAN_CODE).await.unwrap();
    p.code = "FAR".into();
    p.from = 2041;
    p.to = 2045;
    p.baseline_year = 2040;
    let e = a.save_plan(&sys(), p.clone()).await.unwrap_err();
    assert!(
        e.message()
            .vi()
            .contains("nằm ngoài số liệu đang có (2015–2025)"),
        "{}",
        e.message().vi()
    );
    p.from = 2026;
    p.to = 2030;
    p.baseline_year = 2025;
    a.save_plan(&sys(), p).await.unwrap();
    assert_eq!(a.plan(&sys(), "FAR").await.unwrap().targets.len(), 0);
}

/// Imports obey the same scope as forms: a commune's staff cannot write another commune's
/// cooperative by putting its code in a workbook; the refusal is recorded.
#[tokio::test]
async fn imports_are_limited_to_the_actors_scope() {
    let (a, _d) = demo().await;
    let commune = a
        .login(
            "xa.tankieu",
            hoptac_demo::district::DEMO_PASSWORD,
            "10.0.0.1",
        )
        .await
        .unwrap();
    let s = a
        .session(&commune.token, "10.0.0.1")
        .await
        .unwrap()
        .unwrap();
    let own = csv(&[(
        "annual_reports",
        "org_code,year,members,members_joined,members_left\nHTX-TM-07,2025,310,12,3\n",
    )]);
    assert!(
        a.import_book(&s.actor, &own, true).await.unwrap().applied,
        "its own commune's cooperative"
    );
    let other = csv(&[(
        "annual_reports",
        "org_code,year,members\nHTX-TM-07,2024,290\nHTX-TM-01,2025,1\n",
    )]);
    let o = a.import_book(&s.actor, &other, true).await.unwrap();
    assert!(!o.applied);
    let e = o.problems.iter().find(|p| p.is_error()).unwrap();
    assert_eq!(e.value, "HTX-TM-01/2025");
    assert!(e.msg.vi().contains("không có quyền") && e.msg.en().contains("may not write"));
    let r = a
        .store()
        .reports_of(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap();
    assert_ne!(
        r.iter()
            .find(|r| r.year.get() == 2024)
            .unwrap()
            .figures
            .members,
        Some(290),
        "nothing of the refused file was written"
    );
    let refused = a
        .audit_trail(
            &sys(),
            hoptac_store::AuditQuery {
                actor: Some("xa.tankieu".into()),
                action: Some("refused".into()),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0]
            .after
            .as_ref()
            .unwrap()
            .contains("annual_reports:HTX-TM-01/2025")
    );
    // plans are the administrators' business
    let units = a
        .import_book(
            &s.actor,
            &csv(&[(
                "plans",
                "code,title,from,to,baseline_year,scope\nX,Y,2026,2030,2025,30049\n",
            )]),
            true,
        )
        .await
        .unwrap();
    assert!(!units.applied);
}

/// The plan's own footnotes spell four cooperatives another way; importing them as new
/// records is flagged against the registered ones, and pairs show on the duplicates list.
#[tokio::test]
async fn footnote_spelling_variants_are_caught() {
    let (a, _d) = demo().await;
    let book = csv(&[(
        "organizations",
        "code,kind,name,sector,commune,founded_on\n\
         V1,HTX,HTX DVNN Tân Kiêu,agriculture,30049,2007-12-04\n\
         V2,HTX,HTX DVNN Đốc Bình Kiều,agriculture,30061,2008-01-01\n\
         V3,HTX,HTX DVNN Thanh Lợi,agriculture,30040,2010-01-01\n\
         V4,HTX,HTX DVNN Láng Biền,agriculture,30070,2020-01-01\n\
         V5,HTX,HTX DVNN Mỹ Đông 4,agriculture,30058,2020-01-01\n\
         V6,HTX,Hợp tác xã DV nông nghiệp Mỹ Đông 4,agriculture,30058,2020-01-01\n",
    )]);
    let o = a.import_book(&sys(), &book, false).await.unwrap();
    let warned: Vec<(u32, String)> = o
        .problems
        .iter()
        .filter(|p| !p.is_error() && p.key == Some("name"))
        .map(|p| (p.row.unwrap(), p.msg.vi().clone()))
        .collect();
    assert_eq!(warned.len(), 5, "{warned:#?}");
    assert!(warned[0].1.contains("HTX-TM-07") && warned[0].1.contains("giống 100%"));
    assert!(warned[1].1.contains("Đốc Binh Kiều"));
    assert!(warned[2].1.contains("HTX DVNN Thạnh Lợi"));
    assert!(warned[3].1.contains("HTX DVNN Láng Biển"));
    assert!(
        warned[4].1.contains("V5"),
        "a near-duplicate within the same file"
    );
    // the registered demo has no pair; the variants, once written, pair with their originals
    let before = a.near_duplicates(&sys()).await.unwrap();
    assert_eq!(
        before.len(),
        1,
        "only the planted Hội quán pair; numbered cooperatives (Mỹ Đông 2 / 3) are not paired"
    );
    assert!(
        a.import_book(&sys(), &book, true).await.unwrap().applied,
        "a warning does not block"
    );
    let pairs = a.near_duplicates(&sys()).await.unwrap();
    let codes: Vec<(String, String)> = pairs
        .iter()
        .map(|d| {
            (
                d.a.code.to_string().min(d.b.code.to_string()),
                d.a.code.to_string().max(d.b.code.to_string()),
            )
        })
        .collect();
    for (x, y) in [
        ("HTX-TM-07", "V1"),
        ("HTX-TM-09", "V2"),
        ("HTX-TM-08", "V3"),
        ("HTX-TM-20", "V4"),
        ("V5", "V6"),
    ] {
        assert!(
            codes.contains(&(x.to_string(), y.to_string())),
            "{x} ~ {y} in {codes:?}"
        );
    }
}

#[tokio::test]
async fn the_review_lists_the_planted_cases_and_nothing_spurious() {
    let (a, _d) = demo().await;
    let as_of = a.review_date().await.unwrap();
    assert_eq!(
        as_of,
        hoptac_core::date::ymd(2025, 12, 31).unwrap(),
        "the figures end with 2025"
    );
    let r = a.check(&sys(), as_of, None).await.unwrap();
    let meeting: Vec<&str> = r
        .cases
        .iter()
        .filter(|c| c.rule.starts_with("no_general_meeting"))
        .map(|c| c.org.as_str())
        .collect();
    assert_eq!(
        meeting,
        ["HTX-TM-19"],
        "HTX DVNN Thanh Mỹ, last meeting in April 2024"
    );
    let c = r
        .cases
        .iter()
        .find(|c| c.org.as_str() == "HTX-TM-19")
        .unwrap();
    assert!(
        c.evidence.vi().contains("13/04/2024") && !c.confirmed,
        "the 2023 Law's article is not confirmed"
    );
    let sheets: Vec<&str> = r
        .cases
        .iter()
        .filter(|c| c.rule == "self_assessment_missing")
        .map(|c| c.org.as_str())
        .collect();
    assert_eq!(
        sheets,
        ["HTX-TM-11"],
        "HTX DVNN Phước Tiến, no self-scoring sheet for 2025"
    );
    // one planted case of each ground; the statements not filed are the demo's own (below)
    let planted: Vec<(&str, &str)> = r
        .cases
        .iter()
        .filter(|c| c.rule != "statements_not_filed")
        .map(|c| (c.rule, c.org.as_str()))
        .collect();
    assert_eq!(
        planted,
        [
            ("members_below_minimum.2023", "HTX-TM-21"),
            ("no_general_meeting.2023", "HTX-TM-19"),
            ("not_operating.2023", "HTX-TM-20"),
            ("report_missing", "HTX-TM-15"),
            ("self_assessment_missing", "HTX-TM-11"),
        ],
        "{:#?}",
        r.cases
    );
    let small = r
        .cases
        .iter()
        .find(|c| c.org.as_str() == "HTX-TM-21")
        .unwrap();
    assert!(
        small
            .evidence
            .vi()
            .contains("cuối năm 2024: 4 (tối thiểu 5)"),
        "{}",
        small.evidence.vi()
    );
    for c in r.cases.iter().filter(|c| c.rule == "statements_not_filed") {
        let rep = a
            .store()
            .reports_of(&c.org)
            .await
            .unwrap()
            .into_iter()
            .find(|x| x.year.get() == 2024)
            .unwrap();
        assert_eq!(rep.figures.statements_filed, Some(false), "{}", c.org);
    }
    let figures: Vec<(&str, i32, &str)> = r
        .figures
        .iter()
        .map(|f| (f.org.as_str(), f.year, f.finding.field))
        .collect();
    assert_eq!(
        figures,
        [
            ("HTX-TM-20", 2024, "revenue"),
            ("THT-TM-006", 2025, "revenue"),
            ("THT-TM-006", 2025, "revenue")
        ],
        "the dormant cooperative's fall and the planted outlier (a jump and far above its \
         sector), nothing else"
    );
    let pairs: Vec<(String, String)> = r
        .duplicates
        .iter()
        .map(|d| (d.a.code.to_string(), d.b.code.to_string()))
        .collect();
    assert_eq!(
        pairs,
        [("HQ-TM-05".to_string(), "HQ-TM-14".to_string())],
        "the planted spelling variant"
    );
    assert_eq!(r.report_year, 2024);
    assert_eq!(r.completeness.len(), 13);
    let short: Vec<(&str, usize, usize)> = r
        .completeness
        .iter()
        .filter(|c| c.reported != c.expected)
        .map(|c| (c.commune.as_str(), c.reported, c.expected))
        .collect();
    assert_eq!(
        short.len(),
        1,
        "only Mỹ Đông 3's 2024 report is missing: {short:?}"
    );
    assert_eq!(short[0].2 - short[0].1, 1);
    // the day before the planted ground arose, it is not there
    let before = a
        .check(&sys(), hoptac_core::date::ymd(2025, 10, 12).unwrap(), None)
        .await
        .unwrap();
    assert!(
        !before
            .cases
            .iter()
            .any(|c| c.org.as_str() == "HTX-TM-19" && c.rule.starts_with("no_general"))
    );
    // a commune's staff sees its commune only
    let s = a
        .login("xa.tankieu", hoptac_demo::district::DEMO_PASSWORD, "x")
        .await
        .unwrap();
    let actor = a.session(&s.token, "x").await.unwrap().unwrap().actor;
    let mine = a.check(&actor, as_of, None).await.unwrap();
    assert_eq!(mine.scope, "30049");
    assert_eq!(mine.completeness.len(), 1);
    assert!(a.check(&actor, as_of, Some("872")).await.is_err());
}

/// The review list carries a case to a completed dissolution, which the statistics then
/// show; a case the data no longer triggers closes by itself; the history stays.
#[tokio::test]
async fn a_case_goes_to_a_completed_dissolution() {
    use hoptac_app::checks::CaseStep;
    let (a, _d) = demo().await;
    let as_of = a.review_date().await.unwrap();
    let list = a.review_cases(&sys(), as_of, None).await.unwrap();
    let case = list
        .iter()
        .find(|c| c.case.org.as_str() == "HTX-TM-19")
        .unwrap()
        .case
        .id;
    assert_eq!(
        a.review_cases(&sys(), as_of, None).await.unwrap().len(),
        list.len(),
        "reviewing twice opens nothing new"
    );
    let before = a.stats(&sys(), 2025, 2025, None).await.unwrap();
    a.case_action(
        &sys(),
        case,
        CaseStep::Contacted,
        "Đã gọi điện cho giám đốc",
        None,
    )
    .await
    .unwrap();
    let e = a
        .case_action(&sys(), case, CaseStep::ExplanationAccepted, " ", None)
        .await
        .unwrap_err();
    assert!(e.message().vi().contains("lý do"));
    a.case_action(&sys(), case, CaseStep::DissolutionProposed, "", None)
        .await
        .unwrap();
    a.case_action(
        &sys(),
        case,
        CaseStep::DissolutionDecided,
        "Quyết định số 12/QĐ-UBND",
        hoptac_core::date::ymd(2025, 11, 20),
    )
    .await
    .unwrap();
    assert!(
        a.case_action(&sys(), case, CaseStep::DissolutionCompleted, "", None)
            .await
            .is_err(),
        "the date is required"
    );
    assert!(
        a.case_action(
            &sys(),
            case,
            CaseStep::DissolutionCompleted,
            "",
            hoptac_core::date::ymd(2010, 1, 1)
        )
        .await
        .is_err(),
        "not before founding"
    );
    // a payment recorded after the day would be left outside its life: said, nothing written
    let paid = hoptac_core::model::Disbursement {
        project: None,
        code: "HT-SAU".into(),
        policy: hoptac_core::types::SupportPolicy::Linkage,
        legal_basis: "NĐ 98/2018/NĐ-CP".into(),
        decision: String::new(),
        org: hoptac_core::OrgCode::parse("HTX-TM-19").unwrap(),
        amount_vnd: 5_000_000,
        source: "Ngân sách tỉnh".into(),
        paid_on: hoptac_core::date::ymd(2025, 12, 21).unwrap(),
    };
    assert!(
        a.save_disbursement(&sys(), None, paid, 0)
            .await
            .unwrap()
            .is_empty()
    );
    let e = a
        .case_action(
            &sys(),
            case,
            CaseStep::DissolutionCompleted,
            "",
            hoptac_core::date::ymd(2025, 12, 20),
        )
        .await
        .unwrap_err();
    assert!(e.message().en().contains("HT-SAU"), "{}", e.message().en());
    let v = a
        .row_version("support_disbursements", "HT-SAU")
        .await
        .unwrap();
    a.remove_disbursement(&sys(), "HT-SAU", "ghi nhầm ngày", v)
        .await
        .unwrap();
    a.case_action(
        &sys(),
        case,
        CaseStep::DissolutionCompleted,
        "",
        hoptac_core::date::ymd(2025, 12, 20),
    )
    .await
    .unwrap();
    let org = a
        .store()
        .org(&hoptac_core::OrgCode::parse("HTX-TM-19").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(org.dissolved_on, hoptac_core::date::ymd(2025, 12, 20));
    let after = a.stats(&sys(), 2025, 2025, None).await.unwrap();
    let v = |s: &hoptac_app::Stats, id: &str| {
        hoptac_core::indicator::find(&s.indicators, id)
            .unwrap()
            .value
            .unwrap()
    };
    assert_eq!(
        v(&after, "htx.active").micros(),
        v(&before, "htx.active").micros() - 1_000_000,
        "the statistics show it"
    );
    assert_eq!(
        v(&after, "htx.dissolved").micros(),
        v(&before, "htx.dissolved").micros() + 1_000_000
    );
    let c = a
        .review_cases(&sys(), as_of, None)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.case.id == case)
        .unwrap();
    assert!(
        c.case.closed_at.is_some() && c.case.actions.len() == 4,
        "closed, with its history"
    );
    assert!(
        a.case_action(&sys(), case, CaseStep::Contacted, "", None)
            .await
            .is_err(),
        "a closed case takes no more steps"
    );
    let trail = a
        .audit_trail(
            &sys(),
            hoptac_store::AuditQuery {
                entity: Some("organizations".into()),
                key: Some("HTX-TM-19".into()),
                limit: 5,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(trail[0].after.as_ref().unwrap().contains("2025-12-20"));
}

#[tokio::test]
async fn a_case_closes_when_the_data_no_longer_triggers_it() {
    let (a, _d) = demo().await;
    let as_of = a.review_date().await.unwrap();
    let id = a
        .review_cases(&sys(), as_of, None)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.case.org.as_str() == "HTX-TM-19")
        .unwrap()
        .case
        .id;
    // the 2025 general meeting is found after all: a workbook with just that column fills it
    // in, and leaves the other figures of the row as they are
    let code = hoptac_core::OrgCode::parse("HTX-TM-19").unwrap();
    let before = a
        .store()
        .reports_of(&code)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.year.get() == 2025)
        .unwrap();
    let book = csv(&[(
        "annual_reports",
        "org_code,year,general_meeting_on\nHTX-TM-19,2025,20/03/2025\n",
    )]);
    let o = a.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let after = a
        .store()
        .reports_of(&code)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.year.get() == 2025)
        .unwrap();
    assert_eq!(
        after.figures.general_meeting_on,
        hoptac_core::date::ymd(2025, 3, 20)
    );
    assert!(
        before.figures.received_on.is_some() && before.figures.self_assessment_sent_on.is_some(),
        "the row has dates to lose"
    );
    let mut expected = before.figures.clone();
    expected.general_meeting_on = after.figures.general_meeting_on;
    assert_eq!(
        after.figures, expected,
        "columns absent from the file are kept, dates included"
    );
    let still_open = |list: Vec<hoptac_app::checks::ReviewCase>| {
        list.into_iter()
            .find(|c| c.case.id == id)
            .unwrap()
            .case
            .closed_at
            .is_none()
    };
    assert!(
        still_open(a.review_cases(&sys(), as_of, None).await.unwrap()),
        "looking does not close it"
    );
    let run = a.run_review(&sys(), None).await.unwrap();
    assert_eq!(run.closed, 1, "{run:?}");
    let c = a
        .review_cases(&sys(), as_of, None)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.case.id == id)
        .unwrap();
    assert!(c.case.closed_at.is_some());
    assert!(c.case.closed_reason.unwrap().contains("no longer"));
}

#[tokio::test]
async fn a_late_report_shows_in_timeliness_and_as_a_case_while_missing() {
    let (a, _d) = demo().await;
    let r = a
        .check(&sys(), hoptac_core::date::ymd(2025, 12, 31).unwrap(), None)
        .await
        .unwrap();
    let reported: usize = r.completeness.iter().map(|c| c.reported).sum();
    let on_time: usize = r.completeness.iter().map(|c| c.on_time).sum();
    assert_eq!(
        on_time,
        reported - 1,
        "HTX DVNN Lộc Phát's 2024 report came on 20 February"
    );
    let early = a
        .check(&sys(), hoptac_core::date::ymd(2025, 2, 1).unwrap(), None)
        .await
        .unwrap();
    let missing: Vec<&str> = early
        .cases
        .iter()
        .filter(|c| c.rule == "report_missing")
        .map(|c| c.org.as_str())
        .collect();
    assert_eq!(
        missing,
        ["HTX-TM-15", "HTX-TM-17"],
        "Mỹ Đông 3 never sent its 2024 report; Lộc Phát's was still to come"
    );
}

#[tokio::test]
async fn a_merge_is_previewed_recorded_and_undone() {
    let (a, _d) = demo().await;
    let book = csv(&[
        (
            "organizations",
            "code,kind,name,sector,commune,founded_on\nV1,HTX,HTX DVNN Tân Kiêu,agriculture,30049,2007-12-04\n",
        ),
        (
            "annual_reports",
            "org_code,year,members,revenue\nV1,2014,80,900\nV1,2020,999,1\n",
        ),
        (
            "managers",
            "org_code,full_name,role,from\nV1,Lê Văn Tám,director,2010-01-01\n",
        ),
    ]);
    assert!(a.import_book(&sys(), &book, true).await.unwrap().applied);
    let code = |c: &str| hoptac_core::OrgCode::parse(c).unwrap();
    // the duplicate's director had an account of their own
    a.save_account(
        &sys(),
        hoptac_core::auth::Account {
            username: "v1.giamdoc".into(),
            display_name: "Lê Văn Tám".into(),
            role: hoptac_core::auth::Role::Org,
            scope: hoptac_core::auth::Scope::Org(code("V1")),
            must_change_password: false,
            disabled: false,
        },
        Some("mat-khau-rat-dai-1"),
    )
    .await
    .unwrap();
    let scope_of = async |u: &str| a.store().account(u).await.unwrap().unwrap().account.scope;
    let keep_before = a.store().reports_of(&code("HTX-TM-07")).await.unwrap();
    let p = a.merge_preview(&sys(), "HTX-TM-07", "V1").await.unwrap();
    assert_eq!(
        (
            p.move_years.clone(),
            p.conflict_years.clone(),
            p.move_managers,
            p.similarity
        ),
        (vec![2014], vec![2020], 1, 100)
    );
    assert_eq!(p.accounts, ["v1.giamdoc"]);
    assert!(
        a.store().org(&code("V1")).await.unwrap().is_some(),
        "a preview writes nothing"
    );
    let id = a.merge(&sys(), "HTX-TM-07", "V1").await.unwrap();
    assert!(a.store().org(&code("V1")).await.unwrap().is_none());
    assert_eq!(
        scope_of("v1.giamdoc").await,
        hoptac_core::auth::Scope::Org(code("HTX-TM-07")),
        "the account acts for the kept record"
    );
    assert_eq!(
        scope_of("htx.tankieu").await,
        hoptac_core::auth::Scope::Org(code("HTX-TM-07"))
    );
    let keep = a.store().reports_of(&code("HTX-TM-07")).await.unwrap();
    assert_eq!(keep.len(), keep_before.len() + 1);
    assert_eq!(
        keep.iter().find(|r| r.year.get() == 2020),
        keep_before.iter().find(|r| r.year.get() == 2020),
        "the kept record's own report wins"
    );
    assert!(
        a.store()
            .managers_of(&code("HTX-TM-07"))
            .await
            .unwrap()
            .iter()
            .any(|m| m.full_name == "Lê Văn Tám")
    );
    let trail = a
        .audit_trail(
            &sys(),
            hoptac_store::AuditQuery {
                action: Some("merge".into()),
                limit: 5,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(trail[0].after.as_ref().unwrap().contains("HTX-TM-07"));
    // undo: everything back as it was
    a.undo_merge(&sys(), id).await.unwrap();
    assert_eq!(
        a.store().reports_of(&code("HTX-TM-07")).await.unwrap(),
        keep_before
    );
    let v1 = a.store().reports_of(&code("V1")).await.unwrap();
    assert_eq!(
        v1.iter()
            .map(|r| (r.year.get(), r.figures.members))
            .collect::<Vec<_>>(),
        vec![(2014, Some(80)), (2020, Some(999))]
    );
    assert!(
        a.store()
            .managers_of(&code("V1"))
            .await
            .unwrap()
            .iter()
            .any(|m| m.full_name == "Lê Văn Tám")
    );
    assert!(
        !a.store()
            .managers_of(&code("HTX-TM-07"))
            .await
            .unwrap()
            .iter()
            .any(|m| m.full_name == "Lê Văn Tám")
    );
    assert_eq!(
        scope_of("v1.giamdoc").await,
        hoptac_core::auth::Scope::Org(code("V1")),
        "undone: the account is given back"
    );
    assert_eq!(
        scope_of("htx.tankieu").await,
        hoptac_core::auth::Scope::Org(code("HTX-TM-07")),
        "an account of the kept record stays"
    );
    assert!(a.undo_merge(&sys(), id).await.is_err(), "once");
    // a cooperative cannot merge, nor merge across kinds
    let s = a
        .login("htx.tankieu", hoptac_demo::district::DEMO_PASSWORD, "x")
        .await
        .unwrap();
    let coop = a.session(&s.token, "x").await.unwrap().unwrap().actor;
    assert!(matches!(
        a.merge(&coop, "HTX-TM-07", "V1").await,
        Err(hoptac_app::AppError::Forbidden)
    ));
    assert!(
        a.merge_preview(&sys(), "HTX-TM-07", "THT-TM-005")
            .await
            .is_err()
    );
}

#[tokio::test]
async fn services_provided_must_be_among_those_registered() {
    let (a, _d) = demo().await;
    let book = csv(&[
        (
            "organizations",
            "code,kind,name,sector,commune,founded_on,registered_services\nR1,HTX,HTX Dịch vụ Nước sạch Mỹ An,rural_water,30064,2015-01-01,clean_water\n",
        ),
        (
            "annual_reports",
            "org_code,year,members,revenue,services\nR1,2025,30,500,clean_water;electricity\n",
        ),
    ]);
    let o = a.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied);
    let w: Vec<String> = o
        .problems
        .iter()
        .filter(|p| !p.is_error())
        .map(|p| p.msg.vi())
        .collect();
    assert!(
        w.iter()
            .any(|m| m.contains("không có trong các dịch vụ đã đăng ký")),
        "{w:?}"
    );
    let stored = a.store().registered_services().await.unwrap();
    assert_eq!(stored[&hoptac_core::OrgCode::parse("R1").unwrap()].len(), 1);
    // a sheet without the column keeps the list; the demo's cooperatives provide only what they registered
    let again = csv(&[(
        "organizations",
        "code,kind,name,sector,commune,founded_on\nR1,HTX,HTX Dịch vụ Nước sạch Mỹ An,rural_water,30064,2015-01-01\n",
    )]);
    assert!(a.import_book(&sys(), &again, true).await.unwrap().applied);
    assert_eq!(
        a.store().registered_services().await.unwrap()[&hoptac_core::OrgCode::parse("R1").unwrap()]
            .len(),
        1
    );
    let r = a
        .check(&sys(), a.review_date().await.unwrap(), None)
        .await
        .unwrap();
    assert!(
        r.figures
            .iter()
            .filter(|f| f.org != "R1")
            .all(|f| f.org == "THT-TM-006" || f.org == "HTX-TM-20"),
        "only the planted findings besides R1"
    );
    // a cooperative's own account cannot change its registration
    let s = a
        .login("htx.tankieu", hoptac_demo::district::DEMO_PASSWORD, "x")
        .await
        .unwrap();
    let coop = a.session(&s.token, "x").await.unwrap().unwrap().actor;
    let own = csv(&[(
        "organizations",
        "code,kind,name,sector,commune,founded_on,registered_services\nHTX-TM-07,HTX,HTX DVNN Tân Kiều,agriculture,30049,2007-12-04,irrigation\n",
    )]);
    let founded = a
        .store()
        .org(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap()
        .unwrap()
        .founded_on;
    let own = if hoptac_core::date::to_iso(founded) == "2007-12-04" {
        own
    } else {
        panic!("demo founding date moved: {founded}")
    };
    assert!(!a.import_book(&coop, &own, true).await.unwrap().applied);
}

/// A form that creates a plan, a target, an indicator or a rule whose key is taken is refused
/// by the app (not by the page), naming the key, and the stored row is left as it was.
#[tokio::test]
async fn creating_never_overwrites() {
    use hoptac_app::{AppError, FormIntent};
    let (a, _d) = demo().await;
    let create = Some(FormIntent::Create);
    let taken = |e: AppError, field: &str, key: &str| match e {
        AppError::Invalid {
            field: f,
            value,
            msg,
        } => {
            assert_eq!(f, field);
            assert_eq!(value, key);
            assert!(
                msg.vi().contains("đã có") && msg.en().contains("is taken"),
                "{msg:?}"
            );
        }
        other => panic!("{other:?}"),
    };

    let plan = a.plan(&sys(), PLAN_CODE).await.unwrap();
    let mut p = plan.clone();
    p.title = "Bản ghi đè".into();
    p.targets = vec![];
    taken(
        a.save_plan_at(&sys(), p.clone(), create).await.unwrap_err(),
        "code",
        PLAN_CODE,
    );
    assert_eq!(a.plan(&sys(), PLAN_CODE).await.unwrap().title, plan.title);
    // an edit at the version read goes through; the same edit again is stale
    let version = a.row_version("plans", PLAN_CODE).await.unwrap();
    let update = Some(FormIntent::Update { version });
    a.save_plan_at(&sys(), p.clone(), update).await.unwrap();
    assert!(a.save_plan_at(&sys(), p, update).await.is_err());

    let mut t = plan.targets[0].clone();
    let old_wording = t.wording.clone();
    t.wording = "Ghi đè".into();
    taken(
        a.save_target_at(&sys(), PLAN_CODE, t.clone(), create)
            .await
            .unwrap_err(),
        "no",
        &t.no,
    );
    let after = a.plan(&sys(), PLAN_CODE).await.unwrap();
    assert_eq!(after.targets[0].wording, old_wording);

    let rec = IndicatorRecord {
        id: "htx.transport.members".into(),
        label_vi: "Thành viên HTX vận tải".into(),
        label_en: "Members of transport cooperatives".into(),
        definition: "subject=active_orgs; kinds=HTX; where=sector:transport; aggregate=sum:members"
            .into(),
        description: "".into(),
    };
    a.save_indicator_at(&sys(), rec.clone(), create)
        .await
        .unwrap();
    let again = IndicatorRecord {
        label_vi: "Ghi đè".into(),
        ..rec.clone()
    };
    taken(
        a.save_indicator_at(&sys(), again, create)
            .await
            .unwrap_err(),
        "id",
        &rec.id,
    );
    let stored = a.store().indicators().await.unwrap();
    assert_eq!(
        stored.iter().find(|r| r.id == rec.id).unwrap().label_vi,
        rec.label_vi
    );

    let rule = a.validation_rules().await.unwrap()[0].clone();
    let over = hoptac_core::rules::RuleRecord {
        message_vi: "Ghi đè".into(),
        ..rule.clone()
    };
    taken(
        a.save_validation_rule_at(&sys(), over, create)
            .await
            .unwrap_err(),
        "id",
        &rule.id,
    );
    let rules = a.validation_rules().await.unwrap();
    assert_eq!(
        rules.iter().find(|r| r.id == rule.id).unwrap().message_vi,
        rule.message_vi
    );
}
