//! Linkage projects in the browser: the district office reads the demo's project with the
//! support paid beside the support approved, records a project of two cooperatives, is told
//! plainly what is wrong with a bad one, pays support under it from the disbursement form;
//! a cooperative records none; a project with support paid under it is not removed.

use crate::demo_app;
use crate::http::{enc, get, post_form};
use axum::http::StatusCode;

fn project(code: &str, orgs: &[&str], contracts: &[&str], investment: &str) -> String {
    let list = |k: &str, xs: &[&str]| {
        xs.iter()
            .map(|x| format!("&{k}={}", enc(x)))
            .collect::<String>()
    };
    format!(
        "project_code={code}&project_name={}&project_lead={}{}{}&project_area_ha=35,5&project_households=28&project_investment_vnd={}&project_support_approved_vnd={}&project_approved_by={}&project_decision={}&project_approved_on={}&project_starts_on={}&project_ends_on={}&_version=0",
        enc("Liên kết tiêu thụ hạt sen Mỹ An"),
        enc("Công ty CP Sen Đồng Tháp"),
        list("project_orgs", orgs),
        list("project_contracts", contracts),
        enc(investment),
        enc("300.000.000"),
        enc("UBND tỉnh Đồng Tháp"),
        enc("QĐ 88/QĐ-UBND"),
        enc("10/11/2026"),
        enc("01/12/2026"),
        enc("31/12/2027"),
    )
}

fn paid(code: &str, org: &str, project: &str) -> String {
    format!(
        "paid_code={code}&paid_policy=linkage&paid_legal_basis={}&paid_decision=&paid_org={org}&paid_amount={}&paid_source={}&paid_on={}&paid_project={}&_version=0",
        enc("NĐ 98/2018/NĐ-CP"),
        enc("120.000.000"),
        enc("Ngân sách tỉnh"),
        enc("01/12/2026"),
        enc(project)
    )
}

#[tokio::test]
async fn the_office_records_a_project_and_pays_support_under_it() {
    let (admin, _d) = demo_app().await;
    let office = admin.as_user("canbo").await;
    let list = get(&office, "/trace").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("id=\"project-list\""), "{}", list.body);
    assert!(list.body.contains("DA-LK-2026-01"), "{}", list.body);
    let page = get(&office, "/trace/projects/DA-LK-2026-01").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("1.950.000.000 đ"), "{}", page.body);
    assert!(
        page.body.contains("650.000.000 đ (33,33%)"),
        "{}",
        page.body
    );
    assert!(page.body.contains("CH-DALK-2026-01"), "{}", page.body);
    // a cooperative is not given the form, nor may it post one
    let coop = admin.as_user("htx.tankieu").await;
    let r = get(&coop, "/trace/projects/new").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post_form(
        &coop,
        "/trace/projects/new",
        &project("DA-X", &["HTX-TM-07"], &[], "1.000.000.000"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // the money is whole đồng; the contract must be of one of its cooperatives
    let bad = project("DA-MA-01", &["HTX-TM-04"], &["HDLK-2026-01"], "1,5");
    let r = post_form(&office, "/trace/projects/new", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("error-project_investment_vnd"),
        "{}",
        r.body
    );
    let bad = project("DA-MA-01", &["HTX-TM-04"], &["HDLK-2026-01"], "900.000.000");
    let r = post_form(&office, "/trace/projects/new", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-project_contracts"), "{}", r.body);
    assert!(
        admin
            .app
            .snapshot()
            .await
            .unwrap()
            .contracts
            .project("DA-MA-01")
            .is_none()
    );
    let good = project(
        "DA-MA-01",
        &["HTX-TM-04", "HTX-TM-01"],
        &["HDLK-2026-02"],
        "900.000.000",
    );
    let r = post_form(&office, "/trace/projects/new", &good).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let snap = admin.app.snapshot().await.unwrap();
    let p = snap.contracts.project("DA-MA-01").unwrap();
    assert_eq!(
        (p.investment_vnd, p.orgs.len(), p.contracts.clone()),
        (900_000_000, 2, vec!["HDLK-2026-02".to_string()])
    );
    // support paid under it: the form offers it, a cooperative outside it is refused
    let form = get(&office, "/support/paid/new").await;
    assert!(form.body.contains("value=\"DA-MA-01\""), "{}", form.body);
    let r = post_form(
        &office,
        "/support/paid/new",
        &paid("CH-MA-01", "HTX-TM-07", "DA-MA-01"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-paid_project"), "{}", r.body);
    let r = post_form(
        &office,
        "/support/paid/new",
        &paid("CH-MA-01", "HTX-TM-04", "DA-MA-01"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&office, "/trace/projects/DA-MA-01").await;
    assert!(
        page.body.contains("120.000.000 đ (40,00%)"),
        "{}",
        page.body
    );
    // a project with support paid under it stays
    let r = post_form(
        &office,
        "/trace/projects/DA-LK-2026-01/remove",
        &format!("reason={}&_version=0", enc("nhập nhầm")),
    )
    .await;
    assert_ne!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        (admin.app.snapshot().await.unwrap().contracts)
            .project("DA-LK-2026-01")
            .is_some()
    );
}
