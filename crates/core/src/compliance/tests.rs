use super::*;
use crate::Fixed;
use crate::model::{AdminUnit, Organization, ReportFigures, UnitId};
use crate::types::{AdminLevel, Sector, Year};

fn org(code: &str, founded: Date) -> Organization {
    Organization {
        code: OrgCode::parse(code).unwrap(),
        kind: OrgKind::Htx,
        name: format!("HTX {code}"),
        sector: Sector::Agriculture,
        commune: UnitId(1),
        founded_on: founded,
        dissolved_on: None,
        registration_no: None,
    }
}

fn report(code: &str, year: i32, f: impl FnOnce(&mut ReportFigures)) -> AnnualReport {
    let mut figures = ReportFigures {
        members: Some(30),
        revenue: Some(Fixed::from_int(100)),
        services: [crate::types::Service::Irrigation].into(),
        statements_filed: Some(true),
        ..Default::default()
    };
    f(&mut figures);
    AnnualReport {
        org: OrgCode::parse(code).unwrap(),
        year: Year::new(year).unwrap(),
        figures,
    }
}

fn snap(orgs: Vec<Organization>, reports: Vec<AnnualReport>) -> Snapshot {
    Snapshot {
        units: vec![AdminUnit {
            id: UnitId(1),
            code: "1".into(),
            name: "X".into(),
            level: AdminLevel::Commune,
            parent: None,
            valid_from: None,
            valid_to: None,
        }],
        orgs,
        reports,
        managers: vec![],
        ..Default::default()
    }
}

fn d(y: i32, m: u8, dd: u8) -> Date {
    ymd(y, m, dd).unwrap()
}

fn fired(s: &Snapshot, as_of: Date, rule_prefix: &str) -> Vec<Case> {
    cases(s, as_of)
        .into_iter()
        .filter(|c| c.rule.starts_with(rule_prefix))
        .collect()
}

#[test]
fn eighteen_months_without_a_general_meeting_the_day_before_and_the_day() {
    let s = snap(
        vec![org("A", d(2015, 1, 1))],
        vec![
            report("A", 2022, |f| f.general_meeting_on = Some(d(2022, 3, 15))),
            report("A", 2023, |_| {}),
        ],
    );
    assert!(
        fired(&s, d(2023, 9, 14), "no_general_meeting").is_empty(),
        "the day before the 18 months run out"
    );
    let c = fired(&s, d(2023, 9, 15), "no_general_meeting");
    assert_eq!(c.len(), 1, "the day they run out");
    assert_eq!(c[0].since, d(2023, 9, 15));
    assert!(
        c[0].evidence.vi().contains("15/03/2022")
            && c[0].confirmed
            && c[0].legal_ref.contains("2012")
    );
    // after 1 July 2024 the same ground under the 2023 Law is marked unconfirmed
    let later = fired(&s, d(2024, 8, 1), "no_general_meeting");
    assert_eq!(later.len(), 1);
    assert!(!later[0].confirmed && later[0].legal_ref.contains("chưa được xác nhận"));
    // a meeting in time closes it
    let s2 = snap(
        vec![org("A", d(2015, 1, 1))],
        vec![
            report("A", 2022, |f| f.general_meeting_on = Some(d(2022, 3, 15))),
            report("A", 2023, |f| f.general_meeting_on = Some(d(2023, 9, 1))),
        ],
    );
    assert!(fired(&s2, d(2023, 9, 15), "no_general_meeting").is_empty());
    // months are calendar months: 31 August + 18 months = 28/29 February
    assert_eq!(add_months(d(2022, 8, 31), 18), d(2024, 2, 29));
}

#[test]
fn members_below_the_minimum_follow_the_law_in_force() {
    let s = snap(
        vec![org("A", d(2015, 1, 1))],
        vec![
            report("A", 2022, |f| f.members = Some(6)),
            report("A", 2023, |f| f.members = Some(6)),
            report("A", 2024, |f| f.members = Some(6)),
            report("A", 2025, |f| f.members = Some(6)),
        ],
    );
    assert_eq!(
        fired(&s, d(2024, 3, 1), "members_below_minimum").len(),
        1,
        "7 under the 2012 Law"
    );
    assert!(
        fired(&s, d(2026, 3, 1), "members_below_minimum").is_empty(),
        "6 is enough under the 2023 Law (5)"
    );
    let one_year = snap(
        vec![org("A", d(2015, 1, 1))],
        vec![
            report("A", 2022, |f| f.members = Some(9)),
            report("A", 2023, |f| f.members = Some(6)),
        ],
    );
    assert!(
        fired(&one_year, d(2024, 3, 1), "members_below_minimum").is_empty(),
        "one year end is not 12 months"
    );
}

#[test]
fn missing_reports_statements_and_inactivity() {
    let s = snap(
        vec![
            org("A", d(2015, 1, 1)),
            org("B", d(2015, 1, 1)),
            org("NEW", d(2025, 6, 1)),
        ],
        vec![
            report("A", 2024, |f| f.statements_filed = Some(false)),
            report("B", 2025, |f| {
                f.revenue = Some(Fixed::ZERO);
                f.services.clear();
            }),
        ],
    );
    let missing = fired(&s, d(2026, 1, 16), "report_missing");
    assert_eq!(
        missing.iter().map(|c| c.org.as_str()).collect::<Vec<_>>(),
        ["A", "NEW"],
        "A has no 2025 report; NEW existed in 2025"
    );
    assert!(
        fired(&s, d(2026, 1, 15), "report_missing").is_empty(),
        "due on 15 January itself"
    );
    assert_eq!(fired(&s, d(2025, 4, 1), "statements_not_filed").len(), 1);
    assert!(
        fired(&s, d(2025, 3, 31), "statements_not_filed").is_empty(),
        "90 days: until 31 March"
    );
    assert_eq!(
        fired(&s, d(2026, 2, 1), "not_operating")[0].org.as_str(),
        "B"
    );
}

#[test]
fn a_report_received_after_the_review_date_is_not_yet_there() {
    let s = snap(
        vec![org("A", d(2015, 1, 1))],
        vec![report("A", 2024, |f| f.received_on = Some(d(2025, 2, 20)))],
    );
    assert_eq!(
        fired(&s, d(2025, 2, 19), "report_missing").len(),
        1,
        "late: not received by the review date"
    );
    assert!(
        fired(&s, d(2025, 2, 20), "report_missing").is_empty(),
        "received"
    );
}

#[test]
fn self_scoring_sheet_due_on_15_december() {
    let sent =
        |y, m, dd| move |f: &mut ReportFigures| f.self_assessment_sent_on = Some(d(y, m, dd));
    let s = snap(
        vec![
            org("ON", d(2015, 1, 1)),
            org("LATE", d(2015, 1, 1)),
            org("NONE", d(2015, 1, 1)),
            // founded less than 12 months before the deadline: not rated, no sheet due
            org("NEW", d(2024, 12, 16)),
            org("YEAR", d(2024, 12, 15)),
        ],
        vec![
            report("ON", 2025, sent(2025, 12, 15)),
            report("LATE", 2025, sent(2026, 1, 10)),
            report("NONE", 2025, |_| {}),
        ],
    );
    let orgs = |as_of| {
        fired(&s, as_of, "self_assessment_missing")
            .into_iter()
            .map(|c| c.org.as_str().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        orgs(d(2025, 12, 15)),
        Vec::<String>::new(),
        "the 2024 sheets were not tracked; 2025 due today"
    );
    assert_eq!(
        orgs(d(2025, 12, 16)),
        ["LATE", "NONE", "YEAR"],
        "the day after the deadline"
    );
    assert_eq!(
        orgs(d(2026, 1, 10)),
        ["NONE", "YEAR"],
        "the late sheet arrived: its case closes"
    );
    let case = &fired(&s, d(2025, 12, 16), "self_assessment_missing")[0];
    assert_eq!(case.since, d(2025, 12, 15));
    assert!(
        case.evidence.vi().contains("năm 2025"),
        "{}",
        case.evidence.vi()
    );
    assert!(
        case.evidence.vi().contains("1 tổ chức đã gửi"),
        "{}",
        case.evidence.vi()
    );
}

#[test]
fn no_self_scoring_rule_before_the_circular() {
    let s = snap(
        vec![org("A", d(2010, 1, 1)), org("B", d(2010, 1, 1))],
        vec![report("A", 2019, |f| {
            f.self_assessment_sent_on = Some(d(2019, 12, 1))
        })],
    );
    assert!(fired(&s, d(2020, 1, 10), "self_assessment_missing").is_empty());
    assert!(fired(&s, d(2020, 3, 31), "self_assessment_missing").is_empty());
    assert!(
        fired(&s, d(2020, 4, 2), "self_assessment_missing").is_empty(),
        "in force, but the 2019 sheet was due before the circular"
    );
}

#[test]
fn members_below_the_minimum_at_the_law_change_and_the_thresholds() {
    let with = |n: i64| {
        snap(
            vec![org("A", d(2015, 1, 1))],
            vec![
                report("A", 2022, |f| f.members = Some(n)),
                report("A", 2023, |f| f.members = Some(n)),
                report("A", 2024, |f| f.members = Some(n)),
                report("A", 2025, |f| f.members = Some(n)),
            ],
        )
    };
    let count = |n, as_of| fired(&with(n), as_of, "members_below_minimum").len();
    // the last day of the 2012 Law and the first of the 2023 Law
    assert_eq!(count(6, d(2024, 6, 30)), 1, "6 < 7 on 30/06/2024");
    assert_eq!(count(6, d(2024, 7, 1)), 0, "6 >= 5 from 01/07/2024");
    assert_eq!(count(7, d(2024, 6, 30)), 0, "7 is the 2012 minimum");
    assert_eq!(count(5, d(2026, 3, 1)), 0, "5 is the 2023 minimum");
    assert_eq!(count(4, d(2026, 3, 1)), 1);
    let case = &fired(&with(4), d(2024, 7, 1), "members_below_minimum")[0];
    assert_eq!(case.rule, "members_below_minimum.2023");
    assert!(
        !case.confirmed,
        "the 12 months under the 2023 Law are not confirmed"
    );
}

#[test]
fn a_year_with_a_service_but_no_revenue_is_operating() {
    let s = snap(
        vec![org("A", d(2015, 1, 1))],
        vec![report("A", 2025, |f| f.revenue = Some(Fixed::ZERO))],
    );
    assert!(fired(&s, d(2026, 2, 1), "not_operating").is_empty());
    let idle = snap(
        vec![org("A", d(2015, 1, 1))],
        vec![report("A", 2025, |f| {
            f.revenue = Some(Fixed::ZERO);
            f.services.clear();
        })],
    );
    assert!(
        fired(&idle, d(2025, 12, 31), "not_operating").is_empty(),
        "the year is not over"
    );
    let c = &fired(&idle, d(2026, 1, 1), "not_operating")[0];
    assert_eq!(c.since, d(2025, 12, 31));
}

#[test]
fn a_sheet_submitted_in_hoptac_counts_as_sent_without_a_report() {
    // no yearly report for 2025 yet (it comes in January): only the evaluations know
    let s = snap(
        vec![
            org("SENT", d(2015, 1, 1)),
            org("LATE", d(2015, 1, 1)),
            org("NONE", d(2015, 1, 1)),
        ],
        vec![],
    );
    let sheets: HashMap<(OrgCode, i32), Date> = [
        ((OrgCode::parse("SENT").unwrap(), 2025), d(2025, 12, 12)),
        ((OrgCode::parse("LATE").unwrap(), 2025), d(2025, 12, 20)),
    ]
    .into();
    let orgs = |as_of| {
        cases_with_sheets(&s, as_of, &sheets)
            .into_iter()
            .filter(|c| c.rule == "self_assessment_missing")
            .map(|c| c.org.as_str().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(orgs(d(2025, 12, 16)), ["LATE", "NONE"]);
    assert_eq!(
        orgs(d(2025, 12, 20)),
        ["NONE"],
        "the late submission closes its case"
    );
    assert!(
        fired(&s, d(2025, 12, 16), "self_assessment_missing").is_empty(),
        "without the evaluations the year is not tracked"
    );
    // a report's date and an evaluation's: the earlier counts
    let s2 = snap(
        vec![org("LATE", d(2015, 1, 1))],
        vec![report("LATE", 2025, |f| {
            f.self_assessment_sent_on = Some(d(2025, 12, 10))
        })],
    );
    assert!(
        cases_with_sheets(&s2, d(2025, 12, 16), &sheets)
            .iter()
            .all(|c| c.rule != "self_assessment_missing")
    );
}
