//! Traceability and linkage in the browser: the contracts with where each stands, a
//! delivery beyond the contract's quantity warned first and saved when sent again, a lot's
//! journey and its EPCIS document; a viewer records no delivery.

use crate::demo_app;
use crate::http::{enc, get, post_form};
use axum::http::StatusCode;

fn delivery(code: &str, on: &str, qty: &str) -> String {
    format!(
        "delivery_code={code}&delivery_delivered_on={}&delivery_quantity={}&delivery_lot=&_version=0",
        enc(on),
        enc(qty)
    )
}

#[tokio::test]
async fn a_delivery_over_the_contract_is_warned_then_saved_and_a_lot_shows_its_journey() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let list = get(&staff, "/trace").await;
    assert_eq!(list.status, StatusCode::OK);
    for words in [
        "HDLK-2026-01",
        "Công ty CP Thực phẩm Sen Đồng Tháp",
        "VN-87-872-30049-01-21",
        "G2026-03-A",
    ] {
        assert!(list.body.contains(words), "{words} in {}", list.body);
    }
    let uri = "/trace/contracts/HDLK-2026-02/deliveries/new";
    assert_eq!(get(&staff, uri).await.status, StatusCode::OK);
    // 21 of 40 t delivered: 25 more is over the contract — a warning first, nothing saved
    let r = post_form(&staff, uri, &delivery("GH-X", "15/12/2026", "25")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("warning-delivery_quantity"), "{}", r.body);
    assert!(
        staff
            .app
            .snapshot()
            .await
            .unwrap()
            .contracts
            .delivery("GH-X")
            .is_none()
    );
    let r = post_form(
        &staff,
        uri,
        &format!(
            "{}&_accept_warnings=1",
            delivery("GH-X", "15/12/2026", "25")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        staff
            .app
            .snapshot()
            .await
            .unwrap()
            .contracts
            .delivery("GH-X")
            .is_some()
    );
    // before the signing: refused on its field
    let r = post_form(&staff, uri, &delivery("GH-Y", "01/01/2026", "1")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-delivery_delivered_on"), "{}", r.body);
    // a lot's journey and its EPCIS document
    let lot = get(&staff, "/trace/lots/SP-TM-GAO/G2026-03-A").await;
    assert_eq!(lot.status, StatusCode::OK);
    assert!(
        lot.body.contains("L2026-03-01 → G2026-03-A"),
        "{}",
        lot.body
    );
    let doc = get(&staff, "/trace/lots/SP-TM-GAO/G2026-03-A/epcis.json").await;
    assert_eq!(doc.status, StatusCode::OK);
    let v: serde_json::Value = serde_json::from_str(&doc.body).unwrap();
    assert_eq!(v["epcisBody"]["eventList"].as_array().unwrap().len(), 5);
    // a viewer reads, records nothing; a cooperative does not see another's lot
    let viewer = admin.as_user("xem").await;
    assert_eq!(get(&viewer, "/trace").await.status, StatusCode::OK);
    assert_eq!(get(&viewer, uri).await.status, StatusCode::FORBIDDEN);
    let coop = admin.as_user("htx.tankieu").await;
    assert_eq!(
        get(&coop, "/trace/lots/SP-TM-HATSEN/HS2026-07")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_cooperative_records_a_lot_of_its_own_product() {
    let (admin, _d) = demo_app().await;
    let coop = admin.as_user("htx.tankieu").await;
    let form = get(&coop, "/trace/lots/new").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("SP-TM-GAO") && !form.body.contains("SP-TM-TRASEN"),
        "{}",
        form.body
    );
    let lot = |product: &str, lot: &str| {
        format!(
            "lot_product={product}&lot_lot={}&lot_quantity=1.200&lot_unit=KGM&lot_produced_on={}&lot_facility=VN-87-872-30049-01-21&_version=0",
            enc(lot),
            enc("02/12/2026")
        )
    };
    let r = post_form(&coop, "/trace/lots/new", &lot("SP-TM-GAO", "Lô 1")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-lot_lot"), "{}", r.body);
    let r = post_form(&coop, "/trace/lots/new", &lot("SP-TM-GAO", "G2026-12-A")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let saved = coop.app.snapshot().await.unwrap();
    let l = saved.trace.lot("SP-TM-GAO", "G2026-12-A").unwrap();
    assert_eq!(l.quantity, hoptac_core::Fixed::from_int(1_200));
    // another cooperative's product is refused, and the refusal kept
    let r = post_form(&coop, "/trace/lots/new", &lot("SP-TM-TRASEN", "T1")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let viewer = admin.as_user("xem").await;
    assert_eq!(
        get(&viewer, "/trace/lots/new").await.status,
        StatusCode::FORBIDDEN
    );
}
