//! The plan's offices and tasks through the import: a task naming an office the plan does
//! not have, an unknown indicator, a status without its reason, a bad number, a task of no
//! plan — each named with its column and value, nothing written; a good file applied once
//! and counted, the tasks read back in the plan's order.

use crate::{app, csv, sys};

const PLAN: &str = "code,title,from,to,baseline_year,scope\nKH-1,Kế hoạch thử,2021,2026,2020,872\n";
const OFFICES: &str = "plan_code,code,name,until,successor\n\
KH-1,NN,Phòng Nông nghiệp và PTNT huyện,2025-06-30,Sở Nông nghiệp và Môi trường\n\
KH-1,XA,UBND các xã,,\n";
const HEAD: &str = "plan_code,number,group,text,lead,partners,output,evidence,status,reason\n";

fn errors(o: &hoptac_app::ImportOutcome) -> Vec<(String, String)> {
    (o.problems.iter())
        .filter(|p| p.is_error())
        .map(|p| (p.key.unwrap_or_default().to_string(), p.value.clone()))
        .collect()
}

#[tokio::test]
async fn every_bad_task_row_is_named_and_nothing_is_written() {
    let (app, _d) = app().await;
    let tasks = format!(
        "{HEAD}\
KH-1,II.1.1,Tuyên truyền,Hội nghị,NN;MTTQ,,,propaganda.events,in_progress,Có 2 hội nghị\n\
KH-1,II.1.2,Tuyên truyền,Bản tin,NN,,,no.such,not_started,\n\
KH-1,II.1.3,Tuyên truyền,Phóng sự,NN,,,,done,\n\
KH-1,II-1-4,Tuyên truyền,Hội chợ,NN,,,,not_started,\n\
KH-9,II.1.5,Tuyên truyền,Hội chợ,NN,,,,not_started,\n\
KH-1,II.1.6,Tuyên truyền,Hội chợ,NN,,,,paused,\n"
    );
    let before = app.store().counts().await.unwrap();
    let book = csv(&[
        ("plans", PLAN),
        ("plan_offices", OFFICES),
        ("plan_tasks", &tasks),
    ]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(!o.applied);
    let p = errors(&o);
    for (key, value) in [
        ("lead", "MTTQ"),
        ("evidence", "no.such"),
        ("reason", ""),
        ("number", "II-1-4"),
        ("plan_code", "KH-9"),
        ("status", "paused"),
    ] {
        assert!(
            p.iter().any(|(k, v)| k == key && v == value),
            "{key} {value}: {p:#?}"
        );
    }
    assert_eq!(p.len(), 6, "{p:#?}");
    assert_eq!(
        app.store().counts().await.unwrap(),
        before,
        "nothing written"
    );
}

#[tokio::test]
async fn a_plans_tasks_are_applied_once_and_read_back_in_order() {
    let (app, _d) = app().await;
    let tasks = format!(
        "{HEAD}\
KH-1,III.1.1,Phòng NN-PTNT,Củng cố HTX,NN,XA,,htx.services_avg,not_started,\n\
KH-1,II.10.1,Khác,Việc khác,XA,,,,not_started,\n\
KH-1,II.2.1,Chính sách,Triển khai chính sách,NN,XA,Mỗi năm 01 báo cáo,support.amount;support.beneficiaries,in_progress,Đã chi hỗ trợ\n"
    );
    let book = csv(&[
        ("plans", PLAN),
        ("plan_offices", OFFICES),
        ("plan_tasks", &tasks),
    ]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let new = |t: &str| o.summary.iter().find(|s| s.table == t).unwrap().new;
    assert_eq!((new("plan_offices"), new("plan_tasks")), (2, 3));
    let again = app.import_book(&sys(), &book, true).await.unwrap();
    assert_eq!(again.changes(), 0, "{:#?}", again.summary);
    let plan = app.plan(&sys(), "KH-1").await.unwrap();
    let numbers: Vec<&str> = plan.tasks.iter().map(|t| t.number.as_str()).collect();
    assert_eq!(numbers, ["II.2.1", "II.10.1", "III.1.1"]);
    assert_eq!(
        plan.tasks[0].evidence,
        ["support.amount", "support.beneficiaries"]
    );
    assert_eq!(plan.offices[0].until, hoptac_core::date::ymd(2025, 6, 30));
}
