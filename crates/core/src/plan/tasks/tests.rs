use super::*;
use crate::date::ymd;

fn task() -> PlanTask {
    PlanTask {
        number: "II.5.1".into(),
        group: "Phát triển Hội quán".into(),
        text: "Tổ chức sinh hoạt thường xuyên, định kỳ…".into(),
        lead: vec!["NN-PTNT".into()],
        partners: vec!["UBND-XA".into()],
        output: "Hội quán sinh hoạt hằng tháng".into(),
        evidence: vec!["hoiquan.meetings".into()],
        status: TaskStatus::NotStarted,
        reason: String::new(),
    }
}

const OFFICES: [&str; 2] = ["NN-PTNT", "UBND-XA"];
const IDS: [&str; 2] = ["hoiquan.meetings", "training.courses"];

#[test]
fn a_task_of_known_offices_and_indicators_passes() {
    assert!(task_problems(&task(), &OFFICES, &IDS).is_empty());
    assert_eq!(task().group_number(), "II.5");
}

#[test]
fn each_problem_of_a_task_names_its_field() {
    let t = PlanTask {
        number: "II-5".into(),
        lead: vec![],
        partners: vec!["MTTQ".into()],
        evidence: vec!["no.such".into()],
        status: TaskStatus::Done,
        ..task()
    };
    let f: Vec<(&str, String)> = task_problems(&t, &OFFICES, &IDS)
        .into_iter()
        .map(|(f, v, _)| (f, v))
        .collect();
    assert_eq!(
        f,
        [
            ("number", "II-5".to_string()),
            ("lead", String::new()),
            ("partners", "MTTQ".to_string()),
            ("evidence", "no.such".to_string()),
            ("reason", String::new()),
        ]
    );
}

#[test]
fn the_records_suggest_a_status_by_the_plans_time() {
    let some = vec![("a".to_string(), Some(Fixed::from_int(3)))];
    let none = vec![
        ("a".to_string(), Some(Fixed::ZERO)),
        ("b".to_string(), None),
    ];
    assert_eq!(suggested(&some, false), Some(TaskStatus::InProgress));
    assert_eq!(suggested(&some, true), Some(TaskStatus::Done));
    assert_eq!(suggested(&none, false), Some(TaskStatus::NotStarted));
    assert_eq!(suggested(&none, true), Some(TaskStatus::NotDone));
    assert_eq!(suggested(&[], true), None);
}

#[test]
fn an_office_that_ceased_is_named_with_its_successor() {
    let o = PlanOffice {
        code: "NN-PTNT".into(),
        name: "Phòng Nông nghiệp và PTNT huyện".into(),
        until: ymd(2025, 6, 30),
        successor: "Sở Nông nghiệp và Môi trường".into(),
    };
    assert_eq!(office_label(&o, ymd(2025, 6, 30).unwrap()), o.name);
    assert_eq!(
        office_label(&o, ymd(2026, 12, 31).unwrap()),
        "Phòng Nông nghiệp và PTNT huyện (từ 01/07/2025: Sở Nông nghiệp và Môi trường)"
    );
    assert!(office_problems(&o).is_empty());
}

#[test]
fn task_numbers_sort_as_the_plan_reads() {
    let mut n = vec!["III.1.1", "II.10.1", "II.2.1", "IV.1", "II.2.10", "II.2.2"];
    n.sort_by_key(|x| number_order(x));
    assert_eq!(
        n,
        ["II.2.1", "II.2.2", "II.2.10", "II.10.1", "III.1.1", "IV.1"]
    );
    assert_eq!(split_codes(" A; B,,C "), ["A", "B", "C"]);
}
