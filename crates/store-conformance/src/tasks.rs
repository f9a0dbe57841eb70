//! The offices and tasks of a plan: written in the unit of work after the plan, read back in
//! it (tasks in the plan's number order, lists of codes whole), upserted one by one, taken
//! out one by one, and gone with the plan's rows they hang on.

use hoptac_core::date::ymd;
use hoptac_core::plan::{Plan, PlanOffice, PlanTask};
use hoptac_core::types::TaskStatus;
use hoptac_store::{ChangeSet, Store};

fn office(code: &str, until: Option<hoptac_core::Date>) -> PlanOffice {
    PlanOffice {
        code: code.into(),
        name: format!("Phòng {code} huyện; \"cũ\""),
        until,
        successor: if until.is_some() {
            "Sở Nông nghiệp và Môi trường".into()
        } else {
            String::new()
        },
    }
}

fn task(number: &str, status: TaskStatus) -> PlanTask {
    PlanTask {
        number: number.into(),
        group: "Về tuyên truyền".into(),
        text: format!("Nhiệm vụ {number}: hội nghị, bản tin; phóng sự"),
        lead: vec!["NN".into()],
        partners: vec!["TCKH".into(), "MTTQ".into()],
        output: "Mỗi năm 02 hội nghị".into(),
        evidence: vec!["propaganda.events".into(), "propaganda.reach".into()],
        status,
        reason: if status == TaskStatus::NotStarted {
            String::new()
        } else {
            "Có 25 sự kiện".into()
        },
    }
}

pub async fn plan_offices_and_tasks_round_trip_in_number_order(s: &dyn Store) {
    let plan = Plan {
        code: "P".into(),
        title: "Kế hoạch".into(),
        issuer: "UBND".into(),
        doc_no: String::new(),
        doc_date: None,
        from: 2021,
        to: 2026,
        baseline_year: 2020,
        scope: "872".into(),
        targets: vec![],
        offices: vec![],
        tasks: vec![],
    };
    let offices = vec![
        office("MTTQ", None),
        office("NN", ymd(2025, 6, 30)),
        office("TCKH", ymd(2025, 6, 30)),
    ];
    let p = |x: &PlanTask| ("P".to_string(), x.clone());
    let (a, b, c) = (
        task("II.10.1", TaskStatus::NotStarted),
        task("II.2.1", TaskStatus::Done),
        task("III.1.2", TaskStatus::InProgress),
    );
    s.apply(&ChangeSet {
        plans: vec![plan.clone()],
        plan_offices: offices
            .iter()
            .map(|o| ("P".to_string(), o.clone()))
            .collect(),
        plan_tasks: vec![p(&a), p(&b), p(&c)],
        ..Default::default()
    })
    .await
    .unwrap();
    let got = s.plans().await.unwrap().remove(0);
    assert_eq!(got.offices, offices);
    assert_eq!(got.tasks, vec![b.clone(), a.clone(), c.clone()]);
    // a plan written again without them keeps them; one task upserted, one taken out
    let done = PlanTask {
        status: TaskStatus::Done,
        reason: "Đủ".into(),
        ..a.clone()
    };
    s.apply(&ChangeSet {
        plans: vec![plan.clone()],
        plan_tasks: vec![p(&done)],
        removed_plan_tasks: vec![("P".into(), "III.1.2".into())],
        ..Default::default()
    })
    .await
    .unwrap();
    let got = s.plans().await.unwrap().remove(0);
    assert_eq!(got.tasks, vec![b.clone(), done]);
    assert_eq!(got.offices.len(), 3);
    // a task of no plan is refused with everything else of its change set
    let r = s
        .apply(&ChangeSet {
            plan_offices: vec![("P".into(), office("X", None))],
            plan_tasks: vec![("NOPLAN".into(), b.clone())],
            ..Default::default()
        })
        .await;
    assert!(r.is_err(), "{r:?}");
    assert_eq!(s.plans().await.unwrap()[0].offices.len(), 3);
    // an office taken out
    s.apply(&ChangeSet {
        removed_plan_offices: vec![("P".into(), "MTTQ".into())],
        ..Default::default()
    })
    .await
    .unwrap();
    let codes: Vec<String> = (s.plans().await.unwrap()[0].offices.iter())
        .map(|o| o.code.clone())
        .collect();
    assert_eq!(codes, ["NN", "TCKH"]);
}
