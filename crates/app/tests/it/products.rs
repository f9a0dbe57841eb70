//! Products and OCOP ratings through the services: a cooperative enters its own products,
//! not another's, and no rating; a commune officer rates the products of its commune; a GTIN
//! with a wrong check digit, stars outside their band, a stale edit and a product removed
//! from under its ratings are refused; the certificates to act on reach the to-do page.

use crate::demo;
use crate::signed_in as actor;

use crate::sys;
use hoptac_core::date::ymd;
use hoptac_core::model::{OcopRating, Product};
use hoptac_core::ocop::CertificateState;
use hoptac_core::types::{OcopCriteria, OcopEvaluationKind, OcopGroup, OfficialLevel};
use hoptac_core::{Fixed, OrgCode};
use hoptac_store::AuditQuery;

fn product(code: &str, org: &str, gtin: Option<&str>) -> Product {
    Product {
        code: code.into(),
        org: OrgCode::parse(org).unwrap(),
        name: "Gạo thơm Tân Kiều".into(),
        group: OcopGroup::Food,
        subgroup: "Gạo, ngũ cốc".into(),
        gtin: gtin.map(|g| hoptac_core::gtin::Gtin::parse(g).unwrap()),
        unit: "túi 5 kg".into(),
        public: true,
    }
}

fn rating(code: &str, product: &str, on: (i32, u8, u8), stars: u8) -> OcopRating {
    OcopRating {
        code: code.into(),
        product: product.into(),
        criteria: OcopCriteria::Qd148,
        kind: OcopEvaluationKind::New,
        parts: None,
        score: Some(Fixed::from_int(if stars == 4 { 75 } else { 60 })),
        stars,
        decision: "15/QĐ-UBND".into(),
        decided_on: ymd(on.0, on.1, on.2).unwrap(),
        level: OfficialLevel::Province,
        revoked_on: None,
        revocation: String::new(),
    }
}

fn fields(p: &[(&'static str, String, hoptac_core::Msg)]) -> Vec<(&'static str, String)> {
    p.iter().map(|(f, v, _)| (*f, v.clone())).collect()
}

#[tokio::test]
async fn a_cooperative_keeps_its_own_products_and_the_commune_rates_them() {
    let (a, _d) = demo().await;
    let coop = actor(&a, "htx.tankieu").await;
    let officer = actor(&a, "xa.tankieu").await;
    // its own product, with a GTIN; another cooperative's is refused
    let own = product("SP-T1", "HTX-TM-07", Some("8934563138165"));
    assert!(
        a.save_product(&coop, None, own.clone(), 0)
            .await
            .unwrap()
            .is_empty()
    );
    let theirs = product("SP-T2", "HTX-TM-01", None);
    let r = a.save_product(&coop, None, theirs.clone(), 0).await;
    assert!(matches!(r, Err(hoptac_app::AppError::Forbidden)), "{r:?}");
    // a second product with the same GTIN is named on its field
    let twin = product("SP-T3", "HTX-TM-07", Some("08934563138165"));
    let p = a.save_product(&coop, None, twin, 0).await.unwrap();
    assert_eq!(fields(&p), [("gtin", "8934563138165".into())]);
    // the cooperative enters no rating; the commune officer does, checked by its band
    let r = a
        .save_ocop_rating(&coop, None, rating("OC-1", "SP-T1", (2024, 3, 1), 3), 0)
        .await;
    assert!(matches!(r, Err(hoptac_app::AppError::Forbidden)), "{r:?}");
    let mut wrong = rating("OC-1", "SP-T1", (2024, 3, 1), 4);
    wrong.score = Some(Fixed::from_int(60));
    let p = a.save_ocop_rating(&officer, None, wrong, 0).await.unwrap();
    assert_eq!(fields(&p), [("stars", "4".into())]);
    let ok = rating("OC-1", "SP-T1", (2024, 3, 1), 3);
    assert!(
        a.save_ocop_rating(&officer, None, ok.clone(), 0)
            .await
            .unwrap()
            .is_empty()
    );
    // the product's page shows the certificate in force
    let today = ymd(2026, 12, 7).unwrap();
    let v = a.product(&coop, "SP-T1", today).await.unwrap();
    assert_eq!(
        v.current.as_ref().map(|(r, s)| (r.code.as_str(), *s)),
        Some(("OC-1", CertificateState::Valid))
    );
    assert!(v.can_edit && !v.can_rate);
    // an edit of an old version is refused; the product is not removed under its rating
    let mut renamed = own.clone();
    renamed.name = "Gạo thơm ST25 Tân Kiều".into();
    let r = a
        .save_product(&coop, Some("SP-T1"), renamed.clone(), 0)
        .await;
    assert!(r.is_err(), "a stale version: {r:?}");
    let r = a.remove_product(&coop, "SP-T1", "nhập nhầm", 0).await;
    assert!(
        matches!(r, Err(hoptac_app::AppError::Invalid { .. })),
        "{r:?}"
    );
    // moving a product to another commune's cooperative is refused on the new owner
    let mut moved = own.clone();
    moved.org = OrgCode::parse("HTX-TM-01").unwrap();
    let r = a.save_product(&officer, Some("SP-T1"), moved, 0).await;
    assert!(matches!(r, Err(hoptac_app::AppError::Forbidden)), "{r:?}");
    let refusals = a
        .audit_trail(
            &sys(),
            AuditQuery {
                action: Some("refused".into()),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        refusals.iter().filter(|e| e.actor == "htx.tankieu").count() >= 2
            && refusals.iter().any(|e| e.actor == "xa.tankieu"),
        "{refusals:#?}"
    );
}

#[tokio::test]
async fn certificates_lapsing_or_lapsed_reach_the_to_do_page_of_their_keepers() {
    let (a, _d) = demo().await;
    let officer = actor(&a, "xa.tankieu").await;
    for p in [
        product("SP-A", "HTX-TM-07", None),
        product("SP-B", "HTX-TM-07", None),
        product("SP-C", "HTX-TM-07", None),
    ] {
        assert!(a.save_product(&sys(), None, p, 0).await.unwrap().is_empty());
    }
    // A lapses in 60 days, B lapsed last month, C runs two more years
    for r in [
        rating("OC-A", "SP-A", (2024, 2, 5), 3),
        rating("OC-B", "SP-B", (2023, 11, 1), 4),
        rating("OC-C", "SP-C", (2025, 12, 1), 3),
    ] {
        assert!(
            a.save_ocop_rating(&sys(), None, r, 0)
                .await
                .unwrap()
                .is_empty()
        );
    }
    let today = ymd(2026, 12, 7).unwrap();
    let mine: Vec<(String, CertificateState, i64)> = a
        .certificate_reminders(&officer, None, today)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.product.starts_with("SP-"))
        .map(|r| (r.product, r.state, r.days_left))
        .collect();
    assert_eq!(
        mine,
        [
            ("SP-B".to_string(), CertificateState::Expired, -36),
            ("SP-A".to_string(), CertificateState::Valid, 60),
        ]
    );
    let todo = a.todo(&officer, today).await.unwrap();
    assert!(todo.certificates.iter().any(|c| c.product == "SP-B"));
    // another commune's officer does not see them
    let viewer = actor(&a, "xem").await;
    assert!(
        a.todo(&viewer, today)
            .await
            .unwrap()
            .certificates
            .is_empty()
    );
}

const PRODUCTS_HEAD: &str = "code,org_code,name,group,subgroup,gtin,unit,public\n";
const RATINGS_HEAD: &str = "code,product,criteria,kind,part_a,part_b,part_c,score,stars,decision,decided_on,level,revoked_on,revocation\n";

fn errors(o: &hoptac_app::ImportOutcome) -> Vec<(String, String)> {
    (o.problems.iter())
        .filter(|p| p.is_error())
        .map(|p| (p.key.unwrap_or_default().to_string(), p.value.clone()))
        .collect()
}

#[tokio::test]
async fn every_bad_product_and_rating_row_is_named_and_nothing_is_written() {
    let (a, _d) = demo().await;
    let products = format!(
        "{PRODUCTS_HEAD}\
P1,HTX-TM-07,Gạo thơm,food,,8938888000016,túi,có\n\
P2,NOWHERE,Gạo,food,,,,\n\
P3,HTX-TM-07,Gạo,rice,,,,\n\
P4,HTX-TM-07,Trà sen,beverage,,8938888000022,hộp,không\n\
P5,HTX-TM-07,Gạo nếp,food,,,,\n"
    );
    let ratings = format!(
        "{RATINGS_HEAD}\
R1,P5,,new,,,,60,4,1/QĐ-UBND,2024-03-01,province,,\n\
R2,P5,,new,30,20,,,3,1/QĐ-UBND,2024-03-01,province,,\n\
R3,P9,,new,,,,,3,1/QĐ-UBND,2024-03-01,province,,\n\
R4,P5,,new,,,,,3,1/QĐ-UBND,2025-08-01,district,,\n\
R5,P5,,new,,,,,7,1/QĐ-UBND,2024-03-01,province,,\n"
    );
    let before = a.store().counts().await.unwrap();
    let book = crate::csv(&[("products", &products), ("ocop_evaluations", &ratings)]);
    let o = a.import_book(&sys(), &book, true).await.unwrap();
    assert!(!o.applied);
    let p = errors(&o);
    for (key, value) in [
        ("gtin", "8938888000016"),
        ("org_code", "NOWHERE"),
        ("group", "rice"),
        // the demo's tea already carries this GTIN
        ("gtin", "8938888000022"),
        ("stars", "4"),
        ("part_c", ""),
        ("product", "P9"),
        ("level", "Huyện"),
        ("stars", "7"),
    ] {
        assert!(
            p.iter().any(|(k, v)| k == key && v == value),
            "{key} {value}: {p:#?}"
        );
    }
    assert_eq!(p.len(), 9, "{p:#?}");
    assert_eq!(a.store().counts().await.unwrap(), before, "nothing written");
    // the good rows alone are applied once, then again as unchanged
    let good_p = format!("{PRODUCTS_HEAD}P5,HTX-TM-07,Gạo nếp,food,,,,\n");
    let good_r =
        format!("{RATINGS_HEAD}R1,P5,,new,25,15,22.5,62.5,3,1/QĐ-UBND,2024-03-01,province,,\n");
    let book = crate::csv(&[("products", &good_p), ("ocop_evaluations", &good_r)]);
    let o = a.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let r = a.ocop_rating(&sys(), "R1").await.unwrap();
    assert_eq!(
        r.criteria,
        OcopCriteria::Qd148,
        "the set in force on the day"
    );
    assert_eq!(r.score, Some(Fixed::parse_plain("62.5").unwrap()));
    let o = a.import_book(&sys(), &book, true).await.unwrap();
    assert_eq!(
        o.summary.iter().map(|s| s.new + s.changed).sum::<usize>(),
        0
    );
    // a cooperative's account imports no rating, and no product of another cooperative
    let coop = actor(&a, "htx.tankieu").await;
    let theirs = format!("{PRODUCTS_HEAD}P6,HTX-TM-01,Khô cá,food,,,,\n");
    let o = a
        .import_book(&coop, &crate::csv(&[("products", &theirs)]), true)
        .await
        .unwrap();
    assert!(!o.applied);
    let again = good_r.replace("2024-03-01", "2024-03-02");
    let o = a
        .import_book(&coop, &crate::csv(&[("ocop_evaluations", &again)]), true)
        .await
        .unwrap();
    assert!(!o.applied, "a cooperative enters no rating");
}

#[tokio::test]
async fn planting_areas_lots_and_contracts_through_the_workbook() {
    let (a, _d) = demo().await;
    let areas = "code,kind,org_code,crop,area_ha,households,unit,issued_by,issued_on,market,status,status_since\n\
VN-87-872-30049-09-24,planting_area,HTX-TM-07,lúa,0,10,30049,Chi cục,2024-05-01,,valid,\n\
VN-87-872-30049-10-24,planting_area,HTX-TM-07,lúa,12,10,30049,Chi cục,2024-05-01,,revoked,\n";
    let lots = "product,gtin,lot,quantity,uom,produced_on,facility\n\
SP-TM-LUA,08938888000022,L-X,100,KGM,2026-03-01,\n\
SP-TM-LUA,,Lô 2,100,KGM,2026-03-01,\n";
    let contracts = "code,orgs,partner,partner_tax_code,form,goods,product,quantity,uom,area_ha,households,price,signed_on,starts_on,ends_on,ended_on,schedule\n\
HDLK-X,HTX-TM-07,Công ty A,12345,production_sale,lúa,,100,TNE,,,giá thị trường,2026-01-01,2026-01-01,2026-12-31,,31/03/2026 600\n";
    let deliveries = "code,contract,delivered_on,quantity,lot\n\
GH-X,HDLK-2026-02,2027-01-15,30,\n";
    let before = a.store().counts().await.unwrap();
    let book = crate::csv(&[
        ("planting_areas", areas),
        ("lots", lots),
        ("contracts", contracts),
        ("deliveries", deliveries),
    ]);
    let o = a.import_book(&sys(), &book, true).await.unwrap();
    assert!(!o.applied);
    let p = errors(&o);
    for (key, value) in [
        ("area_ha", "0"),
        ("status_since", ""),
        ("gtin", "08938888000022"),
        ("lot", "Lô 2"),
        ("schedule", "31/03/2026 600"),
    ] {
        assert!(
            p.iter().any(|(k, v)| k == key && v == value),
            "{key} {value}: {p:#?}"
        );
    }
    // a delivery after the term and over the quantity is a warning, not a refusal
    let warned: Vec<String> = (o.problems.iter())
        .filter(|x| !x.is_error())
        .map(|x| x.key.unwrap_or_default().to_string())
        .collect();
    assert!(
        warned.contains(&"delivered_on".to_string()) && warned.contains(&"quantity".to_string()),
        "{warned:?}"
    );
    assert!(!p.iter().any(|(k, _)| k == "delivered_on"), "{p:#?}");
    assert_eq!(a.store().counts().await.unwrap(), before, "nothing written");
    let o = a
        .import_book(&sys(), &crate::csv(&[("deliveries", deliveries)]), true)
        .await
        .unwrap();
    assert!(o.applied, "warnings only: {:#?}", o.problems);
    assert!(
        a.snapshot()
            .await
            .unwrap()
            .contracts
            .delivery("GH-X")
            .is_some()
    );
}

#[tokio::test]
async fn contracts_behind_their_schedule_reach_the_to_do_page_of_their_keepers() {
    let (a, _d) = demo().await;
    let day = ymd(2026, 12, 7).unwrap();
    // the lotus contract: 21 of the 40 t due by 31/10/2026 delivered
    let staff = actor(&a, "canbo").await;
    let todo = a.todo(&staff, day).await.unwrap();
    let codes: Vec<&str> = todo
        .contracts_behind
        .iter()
        .map(|(c, _)| c.code.as_str())
        .collect();
    assert_eq!(codes, ["HDLK-2026-02"]);
    assert_eq!(
        todo.contracts_behind[0].1.standing,
        hoptac_core::linkage::Standing::AtRisk
    );
    // Tân Kiều's cooperative and commune: their contract is on schedule
    let coop = actor(&a, "htx.tankieu").await;
    assert!(
        a.todo(&coop, day)
            .await
            .unwrap()
            .contracts_behind
            .is_empty()
    );
    let viewer = actor(&a, "xem").await;
    assert!(
        a.todo(&viewer, day)
            .await
            .unwrap()
            .contracts_behind
            .is_empty()
    );
    // ended short in 2026: still shown in 2027, left to the records in 2028
    let later = a.todo(&staff, ymd(2027, 6, 1).unwrap()).await.unwrap();
    assert!(
        later
            .contracts_behind
            .iter()
            .any(|(c, _)| c.code == "HDLK-2026-02")
    );
    let much_later = a.todo(&staff, ymd(2028, 2, 1).unwrap()).await.unwrap();
    assert!(
        !much_later
            .contracts_behind
            .iter()
            .any(|(c, _)| c.code == "HDLK-2026-02")
    );
}

/// The traceability writes check every side: a cooperative records its own planting area,
/// not another's; no event of another cooperative's lot; a lot named by events is not
/// removed; each write audited, each refusal too.
#[tokio::test]
async fn traceability_writes_check_their_scope_and_are_audited() {
    use hoptac_core::lots::{Facility, LotQuantity, TraceEvent};
    use hoptac_core::types::{FacilityKind, FacilityStatus, TraceStep};
    let (a, _d) = demo().await;
    let coop = actor(&a, "htx.tankieu").await;
    let snap = a.snapshot().await.unwrap();
    let commune = snap.trace.facility("VN-87-872-30049-01-21").unwrap().unit;
    let area = |code: &str, org: &str| Facility {
        code: code.into(),
        kind: FacilityKind::PlantingArea,
        org: OrgCode::parse(org).unwrap(),
        crop: "lúa".into(),
        area_ha: Some(Fixed::from_int(10)),
        households: Some(5),
        unit: commune,
        issued_by: "Chi cục".into(),
        issued_on: ymd(2024, 5, 1).unwrap(),
        market: String::new(),
        status: FacilityStatus::Valid,
        status_since: None,
    };
    let own = a
        .save_facility(&coop, None, area("VN-87-872-30049-11-24", "HTX-TM-07"), 0)
        .await
        .unwrap();
    assert!(own.is_empty(), "{own:?}");
    let r = a
        .save_facility(&coop, None, area("VN-87-872-30055-12-24", "HTX-TM-01"), 0)
        .await;
    assert!(matches!(r, Err(hoptac_app::AppError::Forbidden)), "{r:?}");
    let shipping = TraceEvent {
        code: "MA-2026-09".into(),
        step: TraceStep::Shipping,
        occurred_on: ymd(2026, 8, 1).unwrap(),
        time: None,
        facility: None,
        inputs: vec![],
        lots: vec![LotQuantity {
            product: "SP-TM-HATSEN".into(),
            lot: "HS2026-07".into(),
            quantity: Fixed::from_int(10),
        }],
        parent: None,
        note: String::new(),
    };
    let r = a.save_trace_event(&coop, None, shipping, 0).await;
    assert!(
        matches!(r, Err(hoptac_app::AppError::Forbidden)),
        "another's lot: {r:?}"
    );
    let r = a
        .remove_lot(&coop, "SP-TM-GAO", "G2026-03-A", "nhập nhầm", 0)
        .await;
    assert!(
        matches!(r, Err(hoptac_app::AppError::Invalid { .. })),
        "named by events: {r:?}"
    );
    let audit = a
        .audit_trail(
            &sys(),
            AuditQuery {
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        audit.iter().any(|e| e.actor == "htx.tankieu"
            && e.action == "create"
            && e.key == "VN-87-872-30049-11-24"),
        "{audit:#?}"
    );
    assert!(
        audit
            .iter()
            .filter(|e| e.actor == "htx.tankieu" && e.action == "refused")
            .count()
            >= 2,
        "{audit:#?}"
    );
}
