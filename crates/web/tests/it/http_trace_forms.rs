//! The traceability and linkage forms: a cooperative records its planting area and a
//! contract, corrects and removes them; a stale edit does not win; a contract with
//! deliveries is not removed; an event recorded from a lot's page joins its journey; an EPCIS
//! document is loaded all or nothing; a viewer and another cooperative write nothing.

use crate::demo_app;
use crate::http::{enc, get, post_form, send};
use crate::trust::{form_version, post_edit};
use axum::http::StatusCode;

fn area(code: &str, area: &str, unit: i64) -> String {
    format!(
        "facility_code={code}&facility_kind=planting_area&facility_org=HTX-TM-07&facility_crop={}&facility_area_ha={}&facility_households=12&facility_unit={unit}&facility_issued_by={}&facility_issued_on={}&facility_market={}&facility_status=valid&facility_status_since=",
        enc("lúa"),
        enc(area),
        enc("Chi cục Trồng trọt và BVTV"),
        enc("01/10/2026"),
        enc("nội địa")
    )
}

fn contract(code: &str, others: &str, qty: &str, schedule: &str) -> String {
    format!(
        "contract_code={code}&contract_lead=HTX-TM-07&contract_others={}&contract_partner={}&contract_partner_tax_code=1400999777&contract_form=production_sale&contract_goods={}&contract_product=&contract_quantity={}&contract_unit=TNE&contract_area_ha=20&contract_households=15&contract_price={}&contract_signed_on={}&contract_starts_on={}&contract_ends_on={}&contract_ended_on=&contract_schedule={}",
        enc(others),
        enc("Công ty TNHH Gạo Tháp Mười"),
        enc("Lúa tươi"),
        enc(qty),
        enc("Giá thị trường cộng 100 đồng/kg"),
        enc("01/11/2026"),
        enc("01/11/2026"),
        enc("30/06/2027"),
        enc(schedule)
    )
}

#[tokio::test]
async fn a_cooperative_records_corrects_and_removes_its_planting_area_and_contract() {
    let (admin, _d) = demo_app().await;
    let coop = admin.as_user("htx.tankieu").await;
    // the form offers the commune the cooperative is in today (Tân Kiều merged into Đốc
    // Binh Kiều on 01/07/2025), and a code issued then names it
    let form = get(&coop, "/trace/areas/new").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let fields = crate::http::form_fields(&form.body);
    let unit = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let commune: i64 = unit("facility_unit").unwrap().parse().unwrap();
    let snap = admin.app.snapshot().await.unwrap();
    assert_eq!(
        snap.unit(hoptac_core::UnitId(commune)).unwrap().code,
        "30061"
    );
    // a planting area without its area is refused on the field
    let r = post_form(
        &coop,
        "/trace/areas/new",
        &format!("{}&_version=0", area("VN-TEST-01", "", commune)),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-facility_area_ha"), "{}", r.body);
    let r = post_form(
        &coop,
        "/trace/areas/new",
        &format!("{}&_version=0", area("VN-TEST-01", "12,5", commune)),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let f = admin
        .app
        .snapshot()
        .await
        .unwrap()
        .trace
        .facility("VN-TEST-01")
        .cloned()
        .unwrap();
    assert_eq!(f.area_ha, Some(hoptac_core::Fixed::from_micros(12_500_000)));
    // two edits from the same form: the older does not overwrite the newer
    let uri = "/trace/areas/VN-TEST-01/edit";
    let stale = form_version(&coop, uri).await;
    let r = post_edit(&coop, uri, &area("VN-TEST-01", "13", commune)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_form(
        &coop,
        uri,
        &format!("{}&_version={stale}", area("VN-TEST-01", "99", commune)),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let f = admin
        .app
        .snapshot()
        .await
        .unwrap()
        .trace
        .facility("VN-TEST-01")
        .cloned()
        .unwrap();
    assert_eq!(f.area_ha, Some(hoptac_core::Fixed::from_int(13)));
    // a commune officer elsewhere does not even see another commune's area
    let officer = admin.as_user("xa.tankieu").await;
    assert_eq!(
        get(&officer, "/trace/areas/VN-87-872-30037-02-22/edit")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // removed with a reason, audited
    let version = form_version(&coop, "/trace/areas/VN-TEST-01/remove").await;
    let r = post_form(
        &coop,
        "/trace/areas/VN-TEST-01/remove",
        &format!("reason={}&_version={version}", enc("ghi nhầm")),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        admin
            .app
            .snapshot()
            .await
            .unwrap()
            .trace
            .facility("VN-TEST-01")
            .is_none()
    );

    // a contract naming a cooperative the account does not write is refused
    let new = "/trace/contracts/new";
    assert_eq!(get(&coop, new).await.status, StatusCode::OK);
    let r = post_form(
        &coop,
        new,
        &format!("{}&_version=0", contract("HD-T1", "HTX-TM-04", "100", "")),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // a schedule line that cannot be read, and one that does not add up, on their field
    let r = post_form(
        &coop,
        new,
        &format!("{}&_version=0", contract("HD-T1", "", "100", "mai; 50")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-contract_schedule"), "{}", r.body);
    let r = post_form(
        &coop,
        new,
        &format!(
            "{}&_version=0",
            contract("HD-T1", "", "100", "31/12/2026; 40\n30/06/2027; 50")
        ),
    )
    .await;
    assert!(r.body.contains("error-contract_schedule"), "{}", r.body);
    let r = post_form(
        &coop,
        new,
        &format!(
            "{}&_version=0",
            contract("HD-T1", "", "100", "31/12/2026; 40\n30/06/2027; 60")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&coop, "/trace/contracts/HD-T1").await;
    assert_eq!(page.status, StatusCode::OK);
    for words in [
        "Công ty TNHH Gạo Tháp Mười",
        "31/12/2026",
        "1400999777",
        "new-delivery",
    ] {
        assert!(page.body.contains(words), "{words} in {}", page.body);
    }
    let r = post_edit(
        &coop,
        "/trace/contracts/HD-T1/edit",
        &contract("HD-T1", "", "120", "31/12/2026; 60\n30/06/2027; 60"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let k = admin
        .app
        .snapshot()
        .await
        .unwrap()
        .contracts
        .contract("HD-T1")
        .cloned()
        .unwrap();
    assert_eq!(k.quantity, hoptac_core::Fixed::from_int(120));
    // a delivery, corrected; the contract is not removed under it
    let d = |qty: &str| {
        format!(
            "delivery_code=GH-T1&delivery_delivered_on={}&delivery_quantity={qty}&delivery_lot=&_version=0",
            enc("20/11/2026")
        )
    };
    let r = post_form(&coop, "/trace/contracts/HD-T1/deliveries/new", &d("30")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_edit(
        &coop,
        "/trace/contracts/HD-T1/deliveries/GH-T1/edit",
        &d("35").replace("&_version=0", ""),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let snap = admin.app.snapshot().await.unwrap();
    assert_eq!(
        snap.contracts.delivery("GH-T1").unwrap().quantity,
        hoptac_core::Fixed::from_int(35)
    );
    let version = form_version(&coop, "/trace/contracts/HD-T1/remove").await;
    let r = post_form(
        &coop,
        "/trace/contracts/HD-T1/remove",
        &format!("reason=x&_version={version}"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("1"), "{}", r.body);
    let version = form_version(&coop, "/trace/contracts/HD-T1/deliveries/GH-T1/remove").await;
    let r = post_form(
        &coop,
        "/trace/contracts/HD-T1/deliveries/GH-T1/remove",
        &format!("reason=x&_version={version}"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let version = form_version(&coop, "/trace/contracts/HD-T1/remove").await;
    let r = post_form(
        &coop,
        "/trace/contracts/HD-T1/remove",
        &format!("reason=x&_version={version}"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        admin
            .app
            .snapshot()
            .await
            .unwrap()
            .contracts
            .contract("HD-T1")
            .is_none()
    );
    // every write and the refusal are in the audit
    let audit = admin
        .app
        .audit_trail(
            &hoptac_app::Actor::system(),
            hoptac_store::AuditQuery {
                limit: 500,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for (action, entity, key) in [
        ("create", "facilities", "VN-TEST-01"),
        ("update", "facilities", "VN-TEST-01"),
        ("delete", "facilities", "VN-TEST-01"),
        ("create", "contracts", "HD-T1"),
        ("update", "deliveries", "GH-T1"),
        ("delete", "contracts", "HD-T1"),
        ("refused", "write", "HTX-TM-04"),
    ] {
        assert!(
            audit
                .iter()
                .any(|e| e.action == action && e.entity == entity && e.key == key),
            "{action} {entity} {key}"
        );
    }
    // a viewer opens no form
    let viewer = admin.as_user("xem").await;
    for uri in [
        "/trace/areas/new",
        "/trace/contracts/new",
        "/trace/epcis/import",
    ] {
        assert_eq!(
            get(&viewer, uri).await.status,
            StatusCode::FORBIDDEN,
            "{uri}"
        );
    }
}

fn upload_to(
    app: &crate::TestApp,
    uri: &str,
    content: &[u8],
) -> axum::http::Request<axum::body::Body> {
    let mut req = crate::http::multipart(app, "epcis.json", content);
    *req.uri_mut() = format!("{uri}?_csrf={}", app.csrf).parse().unwrap();
    req
}

#[tokio::test]
async fn an_event_joins_its_lots_journey_and_an_epcis_document_loads_all_or_nothing() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let base = "/trace/lots/SP-TM-GAO/G2026-03-A";
    let form = get(&staff, &format!("{base}/events/new")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("G2026-03-A; "), "{}", form.body);
    let event = |code: &str, step: &str, inputs: &str| {
        format!(
            "trace_event_code={code}&trace_event_step={step}&trace_event_occurred_on={}&trace_event_time=08:15&trace_event_facility=&trace_event_lots={}&trace_event_inputs={}&trace_event_parent=&trace_event_note={}",
            enc("20/04/2026"),
            enc("G2026-03-A; 100"),
            enc(inputs),
            enc("Giao kho Cần Thơ")
        )
    };
    let uri = format!("{base}/events/new");
    // a processing without the lots it used is refused on that field
    let r = post_form(
        &staff,
        &uri,
        &format!("{}&_version=0", event("EV-T1", "processing", "")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-trace_event_inputs"), "{}", r.body);
    // a lot named that is not there
    let r = post_form(
        &staff,
        &uri,
        &format!("{}&_version=0", event("EV-T1", "processing", "KHONG-CO; 5")),
    )
    .await;
    assert!(r.body.contains("error-trace_event_inputs"), "{}", r.body);
    let r = post_form(
        &staff,
        &uri,
        &format!("{}&_version=0", event("EV-T1", "shipping", "")),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let lot = get(&staff, base).await;
    assert!(
        lot.body.contains("Giao kho Cần Thơ") && lot.body.contains("/trace/events/EV-T1/edit"),
        "{}",
        lot.body
    );
    let r = post_edit(
        &staff,
        "/trace/events/EV-T1/edit",
        &event("EV-T1", "receiving", ""),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let snap = admin.app.snapshot().await.unwrap();
    assert_eq!(
        snap.trace.event("EV-T1").unwrap().step,
        hoptac_core::types::TraceStep::Receiving
    );
    // the lot's document loads again as it is: nothing new to write
    let doc = get(&staff, &format!("{base}/epcis.json")).await;
    let r = send(
        &staff,
        upload_to(&staff, "/trace/epcis/import", doc.body.as_bytes()),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // one event broken: nothing written, the event's place named
    let mut v: serde_json::Value = serde_json::from_str(&doc.body).unwrap();
    let list = v["epcisBody"]["eventList"].as_array_mut().unwrap();
    let n = list.len();
    // the first under a new code (a new event), the last one broken
    let id = list[0]["eventID"].as_str().unwrap().to_string();
    let fresh = format!("{}/EV-NEW-1", id.rsplit_once('/').unwrap().0);
    list[0]["eventID"] = serde_json::json!(fresh);
    // the last one before its lot was harvested: the new first one is not written either
    list[n - 1]["eventTime"] = serde_json::json!("2020-01-02T08:00:00.000+07:00");
    let r = send(
        &staff,
        upload_to(&staff, "/trace/epcis/import", v.to_string().as_bytes()),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("epcis-problems") && r.body.contains(&format!("Sự kiện thứ {n}")),
        "{}",
        r.body
    );
    assert_eq!(
        admin.app.snapshot().await.unwrap().trace.events.len(),
        snap.trace.events.len()
    );
    // a step EPCIS does not know, named with its place
    let list = v["epcisBody"]["eventList"].as_array_mut().unwrap();
    list[n - 1]["bizStep"] = serde_json::json!("dancing");
    let r = send(
        &staff,
        upload_to(&staff, "/trace/epcis/import", v.to_string().as_bytes()),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("dancing"), "{}", r.body);
    // not a document at all
    let r = send(
        &staff,
        upload_to(&staff, "/trace/epcis/import", b"{not json"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    // removed with a reason; a cooperative does not open another's event
    let coop = admin.as_user("htx.tankieu").await;
    assert_eq!(
        get(&coop, "/trace/events/MA-2026-01/edit").await.status,
        StatusCode::NOT_FOUND
    );
    let version = form_version(&staff, "/trace/events/EV-T1/remove").await;
    let r = post_form(
        &staff,
        "/trace/events/EV-T1/remove",
        &format!("reason=x&_version={version}"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        admin
            .app
            .snapshot()
            .await
            .unwrap()
            .trace
            .event("EV-T1")
            .is_none()
    );
}
