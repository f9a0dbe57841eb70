//! A plan's tasks in the browser: every task of the demo plan by group, with its offices
//! (a ceased office with its successor), status and evidence; a status set with its reason
//! by who manages the plan, never over an unseen change, refused (and audited) to others.

use crate::demo_app;
use crate::http::{enc, get, post_form};
use crate::trust::{form_version, post_edit};
use axum::http::StatusCode;
use hoptac_store::AuditQuery;

const PLAN: &str = "TM-KTTT-2021-2026";

#[tokio::test]
async fn an_office_follows_the_plans_tasks_and_sets_their_status() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let page = get(&staff, &format!("/plans/{PLAN}/tasks")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    for t in hoptac_demo::plan_tasks::tasks() {
        assert!(
            page.body.contains(&format!("id=\"task-{}\"", t.number)),
            "{}",
            t.number
        );
    }
    assert!(
        page.body
            .contains("(từ 01/07/2025: Sở Nông nghiệp và Môi trường"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Số HTX, THT thành lập từ Hội quán: 2"),
        "{}",
        page.body
    );
    // each figure leads to the records behind it
    let href = "/indicators/hoiquan.became_coop/records?from=2021&#38;to=2026";
    assert!(page.body.contains(href), "{}", page.body);
    let records = get(&staff, &href.replace("&#38;", "&")).await;
    assert_eq!(records.status, StatusCode::OK);
    assert!(
        records.body.contains("HTX Nông nghiệp Hội quán Mỹ Hòa"),
        "{}",
        records.body
    );
    // a status other than "not started" needs its reason, on its field
    let uri = format!("/plans/{PLAN}/tasks/II.1.1");
    let form = get(&staff, &uri).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let r = post_edit(&staff, &uri, "task_status=done&task_reason=").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-task_reason"), "{}", r.body);
    let r = post_edit(&staff, &uri, "task_status=paused&task_reason=x").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-task_status"), "{}", r.body);
    // two clerks: the older form does not overwrite the newer status unseen
    let stale = form_version(&staff, &uri).await;
    let reason = enc("Đã tổ chức 02 hội nghị quán triệt Luật HTX 2023");
    let r = post_edit(
        &admin,
        &uri,
        &format!("task_status=done&task_reason={reason}"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_form(
        &staff,
        &uri,
        &format!("task_status=not_done&task_reason=x&_version={stale}"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("quantri"),
        "who changed it is said: {}",
        r.body
    );
    let plan = admin.app.plan(&admin.actor().await, PLAN).await.unwrap();
    let task = plan.tasks.iter().find(|t| t.number == "II.1.1").unwrap();
    assert_eq!(task.status, hoptac_core::types::TaskStatus::Done);
    assert!(task.reason.contains("02 hội nghị"));
    let audit = (admin.app.store())
        .audit(&AuditQuery {
            entity: Some("plan_tasks".into()),
            key: Some(format!("{PLAN}/II.1.1")),
            limit: 5,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(audit.len(), 1, "{audit:#?}");
    assert!(audit[0].before.as_deref().unwrap().contains("not_started"));
    assert!(audit[0].after.as_deref().unwrap().contains("\"done\""));
    // and the assessment says it so
    let md = get(&staff, &format!("/plans/{PLAN}/report?format=md")).await;
    assert!(
        md.body
            .contains("Tình hình: đã hoàn thành (Đã tổ chức 02 hội nghị"),
        "{}",
        md.body
    );
}

#[tokio::test]
async fn only_the_plans_office_sets_a_tasks_status() {
    let (admin, _d) = demo_app().await;
    // staff of the neighbouring district: their role would do, not their scope
    crate::trust::with_neighbour(&admin).await;
    let uri = format!("/plans/{PLAN}/tasks/II.5.1");
    for who in ["xa.tankieu", "xem", "canbo.cl"] {
        let u = admin.as_user(who).await;
        let r = post_form(&u, &uri, "task_status=done&task_reason=x&_version=0").await;
        assert!(
            matches!(r.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
            "{who}: {}",
            r.status
        );
        let page = get(&u, &uri).await;
        assert!(
            matches!(page.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
            "{who}"
        );
    }
    let plan = admin.app.plan(&admin.actor().await, PLAN).await.unwrap();
    let task = plan.tasks.iter().find(|t| t.number == "II.5.1").unwrap();
    assert_eq!(task.status, hoptac_core::types::TaskStatus::InProgress);
    let refused = (admin.app.store())
        .audit(&AuditQuery {
            action: Some("refused".into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    for who in ["xa.tankieu", "xem"] {
        assert!(
            refused.iter().any(|e| e.actor == who),
            "{who}: {refused:#?}"
        );
    }
}

#[tokio::test]
async fn an_administrator_writes_the_plans_tasks_and_offices() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let new = format!("/plans/{PLAN}/tasks/new");
    assert_eq!(get(&admin, &new).await.status, StatusCode::OK);
    assert_eq!(get(&staff, &new).await.status, StatusCode::FORBIDDEN);
    let body = |number: &str, lead: &str, evidence: &str| {
        format!(
            "task_number={number}&task_group={}&task_text={}&task_lead={}&task_partners=&task_output=&task_evidence_ids={}&_version=0",
            enc("Bổ sung"),
            enc("Rà soát mã vùng trồng của các HTX"),
            enc(lead),
            enc(evidence)
        )
    };
    // each problem on its field: an office the plan lacks, an unknown indicator, a number
    // the plan already has
    let r = post_form(&admin, &new, &body("II.1.1", "NN-PTNT;ZZ", "no.such")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    for id in [
        "error-task_lead",
        "error-task_evidence_ids",
        "error-task_number",
    ] {
        assert!(r.body.contains(id), "{id}: {}", r.body);
    }
    let r = post_form(&admin, &new, &body("IV.1.1", "NN-PTNT", "htx.founded")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let plan = admin.app.plan(&admin.actor().await, PLAN).await.unwrap();
    let k = plan.tasks.iter().find(|t| t.number == "IV.1.1").unwrap();
    assert_eq!(k.status, hoptac_core::types::TaskStatus::NotStarted);
    assert_eq!(
        plan.tasks.last().unwrap().number,
        "IV.1.1",
        "in the plan's order"
    );
    // an edit keeps the status its office set
    let edit = format!("/plans/{PLAN}/tasks/II.5.5/edit");
    let r = post_edit(
        &admin,
        &edit,
        &body("II.5.5", "NN-PTNT;UBND-XA", "hoiquan.became_coop").replace("&_version=0", ""),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let plan = admin.app.plan(&admin.actor().await, PLAN).await.unwrap();
    let k = plan.tasks.iter().find(|t| t.number == "II.5.5").unwrap();
    assert_eq!(
        (k.status, k.lead.len()),
        (hoptac_core::types::TaskStatus::Done, 2)
    );
    // offices: one a task names stays; a day that is not one is said; a new one is added
    let uri = format!("/plans/{PLAN}/offices");
    let text = hoptac_app::plan_tasks::offices_text(&plan.offices);
    let without: String = (text.lines())
        .filter(|l| !l.starts_with("UBND-XA"))
        .collect::<Vec<_>>()
        .join("\n");
    let r = post_edit(&admin, &uri, &format!("plan_offices={}", enc(&without))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("UBND-XA"), "{}", r.body);
    let bad = format!("{text}\nSO-TC | Sở Tài chính | 31/02/2025 |");
    let r = post_edit(&admin, &uri, &format!("plan_offices={}", enc(&bad))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("31/02/2025"), "{}", r.body);
    let good = format!("{text}\nSO-TC | Sở Tài chính tỉnh Đồng Tháp");
    let r = post_edit(&admin, &uri, &format!("plan_offices={}", enc(&good))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let plan = admin.app.plan(&admin.actor().await, PLAN).await.unwrap();
    assert_eq!(plan.offices.len(), 6);
    let r = post_form(&staff, &uri, "plan_offices=&_version=0").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}
