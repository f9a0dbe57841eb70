//! Support and propaganda in the browser: an office records what it paid (exact đồng, as it
//! types it) and the events it held, every problem of a form said at once; an edit never
//! overwrites an unseen one; a removal needs a reason and keeps the record in the audit;
//! scope on every side.

use crate::demo_app;
use crate::http::{enc, get, post_form};
use crate::trust::{form_version, post_edit};
use axum::http::StatusCode;
use hoptac_store::AuditQuery;

fn paid(code: &str, org: &str, amount: &str, on: &str) -> String {
    format!(
        "paid_code={code}&paid_policy=linkage&paid_legal_basis={}&paid_decision=&paid_org={org}&paid_amount={}&paid_source={}&paid_on={}",
        enc("NĐ 98/2018/NĐ-CP"),
        enc(amount),
        enc("Ngân sách tỉnh"),
        enc(on)
    )
}

fn event(code: &str, unit: i64, on: &str, reach: &str) -> String {
    format!(
        "event_code={code}&event_kind=fair&event_title={}&event_held_on={}&event_organiser={}&event_unit={unit}&event_audience={}&event_reach={}",
        enc("Hội chợ nông sản và sản phẩm OCOP"),
        enc(on),
        enc("Phòng Kinh tế"),
        enc("HTX, THT"),
        enc(reach)
    )
}

#[tokio::test]
async fn an_office_records_what_it_paid_and_the_events_it_held() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let snap = staff.app.snapshot().await.unwrap();
    let gone = snap.orgs.iter().find(|o| o.dissolved_on.is_some()).unwrap();
    let (gone, end) = (gone.code.to_string(), gone.dissolved_on.unwrap());
    let district = snap.units.iter().find(|u| u.code == "872").unwrap().id.0;
    let before = snap.support.disbursements.len();
    assert_eq!(get(&staff, "/support").await.status, StatusCode::OK);
    assert_eq!(
        get(&staff, "/support/paid/new").await.status,
        StatusCode::OK
    );
    // what the form cannot read, each on its field
    let r = post_form(
        &staff,
        "/support/paid/new",
        &format!("{}&_version=0", paid("HT-1", "HTX-TM-07", "1,5", "hôm qua")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    for id in ["error-paid_amount", "error-paid_on"] {
        assert!(r.body.contains(id), "{id} in {}", r.body);
    }
    // what the rules refuse: a negative amount; a payment after the dissolution
    let after = hoptac_core::date::to_vi(end.next_day().unwrap());
    for (body, id) in [
        (
            paid("HT-1", "HTX-TM-07", "-5.000.000", "01/03/2025"),
            "error-paid_amount",
        ),
        (paid("HT-1", &gone, "5.000.000", &after), "error-paid_on"),
    ] {
        let r = post_form(&staff, "/support/paid/new", &format!("{body}&_version=0")).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.body.contains(id), "{id} in {}", r.body);
    }
    assert_eq!(
        staff
            .app
            .snapshot()
            .await
            .unwrap()
            .support
            .disbursements
            .len(),
        before
    );
    // a good one, as offices type money: exact, and the list says it so
    let r = post_form(
        &staff,
        "/support/paid/new",
        &format!(
            "{}&_version=0",
            paid("HT-1", "HTX-TM-07", "150.000.001", "01/03/2025")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let d = staff.app.snapshot().await.unwrap();
    assert_eq!(
        d.support.disbursement("HT-1").unwrap().amount_vnd,
        150_000_001
    );
    let list = get(&staff, "/support").await;
    assert!(list.body.contains("150.000.001"), "{}", list.body);
    // two clerks: the older form does not overwrite the newer edit unseen
    let uri = "/support/paid/HT-1/edit";
    let stale = form_version(&staff, uri).await;
    let r = post_edit(
        &admin,
        uri,
        &paid("HT-1", "HTX-TM-07", "120.000.000", "01/03/2025"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_form(
        &staff,
        uri,
        &format!(
            "{}&_version={stale}",
            paid("HT-1", "HTX-TM-07", "99", "01/03/2025")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("quantri"),
        "who changed it is said: {}",
        r.body
    );
    let d = staff.app.snapshot().await.unwrap();
    assert_eq!(
        d.support.disbursement("HT-1").unwrap().amount_vnd,
        120_000_000
    );
    // a removal needs a reason; the audit keeps what was paid
    let rm = "/support/paid/HT-1/remove";
    assert_eq!(
        post_edit(&staff, rm, "reason=").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let r = post_edit(&staff, rm, &format!("reason={}", enc("ghi nhầm"))).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let audit = (staff.app.store())
        .audit(&AuditQuery {
            entity: Some("support_disbursements".into()),
            key: Some("HT-1".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["delete", "update", "create"], "{audit:#?}");
    assert!(audit[0].before.as_deref().unwrap().contains("120000000"));
    // an event: a reach below zero refused on its field, then recorded and listed
    let r = post_form(
        &staff,
        "/support/events/new",
        &format!("{}&_version=0", event("SK-1", district, "20/11/2025", "-3")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-event_reach"), "{}", r.body);
    let r = post_form(
        &staff,
        "/support/events/new",
        &format!(
            "{}&_version=0",
            event("SK-1", district, "20/11/2025", "1.500")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let e = staff.app.snapshot().await.unwrap();
    assert_eq!(e.support.event("SK-1").unwrap().reach, Some(1_500));
    let r = post_edit(
        &staff,
        "/support/events/SK-1/edit",
        &event("SK-1", district, "21/11/2025", ""),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let list = get(&staff, "/support").await;
    assert!(
        list.body.contains("21/11/2025") && list.body.contains("Hội chợ nông sản"),
        "{}",
        list.body
    );
    let r = post_edit(
        &staff,
        "/support/events/SK-1/remove",
        &format!("reason={}", enc("trùng")),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        staff
            .app
            .snapshot()
            .await
            .unwrap()
            .support
            .event("SK-1")
            .is_none()
    );
}

#[tokio::test]
async fn support_is_kept_by_the_offices_of_the_organisation_and_the_unit() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let commune = admin.as_user("xa.tankieu").await;
    let viewer = admin.as_user("xem").await;
    let htx = admin.as_user("htx.tankieu").await;
    let snap = staff.app.snapshot().await.unwrap();
    let tan_kieu = snap.units.iter().find(|u| u.code == "30049").unwrap().id;
    let elsewhere = (snap.orgs.iter())
        .find(|o| o.commune != tan_kieu && o.dissolved_on.is_none())
        .unwrap()
        .code
        .to_string();
    let district = snap.units.iter().find(|u| u.code == "872").unwrap().id.0;
    // the commune pays its own cooperative, not another commune's
    let r = post_form(
        &commune,
        "/support/paid/new",
        &format!(
            "{}&_version=0",
            paid("XA-1", "HTX-TM-07", "5.000.000", "01/03/2025")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_form(
        &commune,
        "/support/paid/new",
        &format!(
            "{}&_version=0",
            paid("XA-2", &elsewhere, "5.000.000", "01/03/2025")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // nor moves its payment there: the new owner is checked too
    let r = post_edit(
        &commune,
        "/support/paid/XA-1/edit",
        &paid("XA-1", &elsewhere, "5.000.000", "01/03/2025"),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // a district payment made by the district is not the commune's to edit
    let r = post_form(
        &staff,
        "/support/paid/new",
        &format!(
            "{}&_version=0",
            paid("HU-1", &elsewhere, "5.000.000", "01/03/2025")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&commune, "/support/paid/HU-1/edit").await;
    assert!(
        matches!(page.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        page.status
    );
    // nor take it over by naming its own cooperative: the old owner is checked too
    let r = post_form(
        &commune,
        "/support/paid/HU-1/edit",
        &format!(
            "{}&_version=0",
            paid("HU-1", "HTX-TM-07", "5.000.000", "01/03/2025")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let d = commune.app.snapshot().await.unwrap();
    assert_eq!(
        d.support.disbursement("HU-1").unwrap().org.as_str(),
        elsewhere
    );
    // nor may it hold an event for the district
    let r = post_form(
        &commune,
        "/support/events/new",
        &format!("{}&_version=0", event("XA-E", district, "20/11/2025", "10")),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // a viewer and a cooperative read; they record nothing
    for who in [&viewer, &htx] {
        assert_eq!(get(who, "/support").await.status, StatusCode::OK);
        assert_eq!(
            get(who, "/support/paid/new").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            get(who, "/support/events/new").await.status,
            StatusCode::FORBIDDEN
        );
    }
    let list = get(&htx, "/support").await;
    assert!(
        list.body.contains("XA-1") && !list.body.contains("HU-1"),
        "{}",
        list.body
    );
    let refused = (admin.app.store())
        .audit(&AuditQuery {
            action: Some("refused".into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap();
    for who in ["xa.tankieu", "xem", "htx.tankieu"] {
        assert!(
            refused.iter().any(|e| e.actor == who),
            "{who}: {refused:#?}"
        );
    }
}
