//! Trustworthy records (issue 11): reads never write, creates never overwrite, stale forms
//! never win, one early report does not move the pages' year.

use crate::demo_app;
use crate::http::{get, post_form};
use axum::http::StatusCode;

/// The version an edit form carries, as a browser would send it back.
pub async fn form_version(app: &crate::TestApp, uri: &str) -> String {
    let page = get(app, uri).await;
    assert_eq!(page.status, StatusCode::OK, "{uri}");
    let at = page
        .body
        .find("name=\"_version\" value=\"")
        .unwrap_or_else(|| panic!("{uri} has no version field"));
    let rest = &page.body[at + "name=\"_version\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// Posts an edit form the way a person does: opened first, then sent with its version.
pub async fn post_edit(app: &crate::TestApp, uri: &str, body: &str) -> crate::http::Resp {
    let v = form_version(app, uri).await;
    post_form(app, uri, &format!("{body}&_version={v}")).await
}

async fn case_rows(app: &crate::TestApp) -> Vec<(i64, bool)> {
    app.app
        .store()
        .cases()
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.closed_at.is_none()))
        .collect()
}

#[tokio::test]
async fn looking_at_the_review_changes_no_case() {
    let (admin, _d) = demo_app().await;
    let viewer = admin.as_user("xem").await;
    let before = case_rows(&admin).await;
    assert!(
        before.iter().any(|c| c.1),
        "the demo's run recorded open cases"
    );
    // one early report for 2026, then a viewer looks at every year
    let staff = admin.as_user("canbo").await;
    let r = post_form(
        &staff,
        "/orgs/HTX-TM-07/reports/new",
        "year=2026&members=300&members_joined=1&members_left=2",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    for uri in [
        "/quality",
        "/quality?year=2026",
        "/quality?year=2027",
        "/quality?year=2018",
        "/quality?year=2026&scope=872",
    ] {
        let r = get(&viewer, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
    }
    assert_eq!(
        case_rows(&admin).await,
        before,
        "a GET opened or closed cases"
    );
    // a ground found as of another year is shown, marked as not recorded
    let page = get(&viewer, "/quality?year=2026").await.body;
    assert!(page.contains("Chưa ghi nhận"), "pending grounds are marked");
    assert!(
        !page.contains("id=\"run-review\""),
        "a viewer cannot run the review"
    );
    // only a run writes, audited, as of the review date (2025: its deadline has passed)
    let r = post_form(&viewer, "/quality/run", "scope=").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post_form(&staff, "/quality/run", "scope=").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        case_rows(&admin).await,
        before,
        "the data as of 2025 is unchanged"
    );
    let trail = admin
        .app
        .audit_trail(
            &hoptac_app::Actor::system(),
            hoptac_store::AuditQuery {
                action: Some("review_run".into()),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(trail.iter().any(|e| e.actor == "canbo"), "{trail:?}");
}

#[tokio::test]
async fn adding_figures_for_a_year_that_has_them_is_refused() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let before = admin
        .app
        .store()
        .reports_of(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap();
    let r = post_form(&staff, "/orgs/HTX-TM-07/reports/new", "year=2025&members=1").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Đã có số liệu năm 2025"), "{}", r.body);
    assert!(r.body.contains("/orgs/HTX-TM-07/reports/2025/edit"));
    let after = admin
        .app
        .store()
        .reports_of(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap();
    assert_eq!(before, after, "nothing was replaced");
    // the same for an organisation code
    let r = post_form(&staff, "/orgs/new", "code=HTX-TM-07&kind=HTX&name=Kh%C3%A1c&sector=agriculture&commune=30052&founded_on=2020-01-01").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("đã được dùng"), "{}", r.body);
    // the edit page shows the stored values
    let page = get(&staff, "/orgs/HTX-TM-07/reports/2025/edit").await.body;
    let stored = before.iter().find(|r| r.year.get() == 2025).unwrap();
    assert!(page.contains(&format!("value=\"{}\"", stored.figures.members.unwrap())));
}

#[tokio::test]
async fn a_stale_form_changes_nothing_and_says_who_came_first() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let uri = "/orgs/HTX-TM-07/reports/2025/edit";
    // two people open the same report
    let v1 = form_version(&admin, uri).await;
    let v2 = form_version(&staff, uri).await;
    assert_eq!(v1, v2);
    let r = post_form(&staff, uri, &format!("members=302&_version={v2}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_form(&admin, uri, &format!("members=999&_version={v1}")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("canbo"), "names who changed it: {}", r.body);
    assert!(r.body.contains("tải lại"), "{}", r.body);
    let stored = admin
        .app
        .store()
        .reports_of(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap();
    let y = stored.iter().find(|r| r.year.get() == 2025).unwrap();
    assert_eq!(y.figures.members, Some(302), "the first save stands");
    // an edit form without its version is refused too
    let r = post_form(&admin, uri, "members=998").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // a fresh form goes through
    let r = crate::trust::post_edit(&admin, uri, "members=303").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test]
async fn one_early_report_does_not_move_the_pages_year() {
    let (admin, _d) = demo_app().await;
    let before_plan = get(&admin, "/plans/TM-KTTT-2021-2026").await.body;
    let review_date = admin.app.review_date().await.unwrap();
    let staff = admin.as_user("canbo").await;
    let r = post_form(
        &staff,
        "/orgs/HTX-TM-07/reports/new",
        "year=2026&members=999&members_joined=700&members_left=2",
    )
    .await;
    assert!(
        r.status == StatusCode::SEE_OTHER || r.status == StatusCode::OK,
        "saved (with warnings): {}",
        r.status
    );
    assert!(r.body.is_empty() || r.body.contains("Đã lưu"), "{}", r.body);
    assert_eq!(admin.app.review_date().await.unwrap(), review_date);
    let plan = get(&admin, "/plans/TM-KTTT-2021-2026").await.body;
    assert!(
        plan.contains("id=\"data-year\""),
        "the page says which year"
    );
    assert!(plan.contains("Năm 2025"), "and why");
    let strip = |s: &str| {
        s.split("<table")
            .nth(1)
            .map(|t| t.split("</table>").next().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        strip(&before_plan),
        strip(&plan),
        "the targets are judged on 2025 as before"
    );
    let drill = get(&admin, "/plans/TM-KTTT-2021-2026/targets/1").await;
    assert_eq!(drill.status, StatusCode::OK);
    assert!(
        !drill.body.contains("value=\"2026\""),
        "the drill-down stays on 2025"
    );
}
