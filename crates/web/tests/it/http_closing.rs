//! Closing the demo plan in the browser's requests: the final assessment as a page, Word and
//! Excel; the next plan's draft as a GET that writes nothing; saving it once, by an account
//! that manages plans.

use crate::demo_app;
use crate::http::{get, post_form, send_raw};
use axum::http::{StatusCode, header};
use hoptac_demo::plan::PLAN_CODE;

#[tokio::test]
async fn the_plan_is_closed_and_its_successor_drafted_and_saved_once() {
    let (t, _d) = demo_app().await;
    let page = get(&t, &format!("/plans/{PLAN_CODE}/closing")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("BÁO CÁO TỔNG KẾT THỰC HIỆN"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Huyện Tháp Mười (đến 30/06/2025)"));
    assert!(page.body.contains("Tăng nhiều nhất"));
    for f in ["docx", "xlsx"] {
        let bytes = send_raw(&t, &format!("/plans/{PLAN_CODE}/closing?format={f}")).await;
        assert_eq!(&bytes[..2], b"PK", "{f} is a zip package");
    }
    let plan = get(&t, &format!("/plans/{PLAN_CODE}")).await;
    assert!(plan.body.contains("id=\"closing-link\"") && plan.body.contains("id=\"next-link\""));
    // the plan crosses the reform: it says which ground it compared
    assert!(plan.body.contains("id=\"territory-note\""), "{}", plan.body);
    // the plan's ground in its last year with figures: the six new communes
    assert_eq!(
        plan.body.matches("class=\"commune\"").count(),
        6,
        "{}",
        plan.body
    );

    let audit_rows = || async {
        t.app
            .store()
            .audit(&hoptac_store::AuditQuery {
                limit: 100_000,
                ..Default::default()
            })
            .await
            .unwrap()
            .len()
    };
    let audit = audit_rows().await;
    let draft = get(
        &t,
        &format!("/plans/{PLAN_CODE}/next?unit=30061&from=2026&to=2030"),
    )
    .await;
    assert_eq!(draft.status, StatusCode::OK);
    assert!(
        draft
            .body
            .contains("DỰ THẢO KẾ HOẠCH PHÁT TRIỂN KINH TẾ TẬP THỂ XÃ ĐỐC BINH KIỀU")
    );
    assert!(draft.body.contains("id=\"draft-warning\"") && draft.body.contains("ĐỀ XUẤT"));
    assert!(draft.body.contains("<option value=\"30061\" selected>"));
    assert_eq!(audit_rows().await, audit, "a draft writes nothing");
    assert_eq!(t.app.store().plans().await.unwrap().len(), 1);

    let viewer = t.as_user("xem").await;
    let r = post_form(
        &viewer,
        &format!("/plans/{PLAN_CODE}/next"),
        "unit=30061&from=2026&to=2030",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(t.app.store().plans().await.unwrap().len(), 1);

    let r = post_form(
        &t,
        &format!("/plans/{PLAN_CODE}/next"),
        "unit=30061&from=2026&to=2030",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        r.headers.get(header::LOCATION).unwrap(),
        "/plans/KTTT-30061-2026-2030"
    );
    let saved = get(&t, "/plans/KTTT-30061-2026-2030").await;
    assert!(saved.body.contains("(dự thảo)"), "{}", saved.body);
    let again = post_form(
        &t,
        &format!("/plans/{PLAN_CODE}/next"),
        "unit=30061&from=2026&to=2030",
    )
    .await;
    assert_eq!(
        again.status,
        StatusCode::BAD_REQUEST,
        "taken: {}",
        again.body
    );
    let bad = post_form(
        &t,
        &format!("/plans/{PLAN_CODE}/next"),
        "unit=30061&from=abc&to=2030",
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("abc"));
}

/// The dashboard draws the scope's communes at the period's end as bubbles at the register's
/// points: after the reform, the six new communes of the former district.
#[tokio::test]
async fn the_dashboard_maps_the_new_communes() {
    let (t, _d) = demo_app().await;
    let page = get(&t, "/?from=2021&to=2025&scope=872&map=htx.members").await;
    assert_eq!(page.status, StatusCode::OK);
    let at = page.body.find("id=\"commune-map\"").expect("a map");
    let map = &page.body[at..at + page.body[at..].find("</figure>").unwrap()];
    assert_eq!(map.matches("class=\"commune\"").count(), 6, "{map}");
    for code in ["30037", "30043", "30046", "30055", "30061", "30073"] {
        assert!(map.contains(&format!("data-code=\"{code}\"")), "{code}");
    }
    assert!(
        map.contains("Xã Đốc Binh Kiều: 669"),
        "the commune's own figure: {map}"
    );
    assert!(
        page.body
            .contains("<option value=\"htx.members\" selected>")
    );
    // before the reform the same scope is its 13 old communes, at their own points
    let old = get(&t, "/?from=2016&to=2020&scope=872").await;
    let at = old.body.find("id=\"commune-map\"").expect("a map");
    let map = &old.body[at..at + old.body[at..].find("</figure>").unwrap()];
    assert_eq!(map.matches("data-code=").count(), 13, "{map}");
    assert!(map.contains("Xã Tân Kiều"));
}
