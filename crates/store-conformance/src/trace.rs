//! Planting areas, lots and trace events: written in the unit of work and read back whole
//! (an event's lots in order, its inputs apart), an event's lots replaced when it is
//! written again; a lot named by an event is not removed from under it, a facility named
//! by a lot neither, an organisation with a facility is not archived.

use crate::fixtures::*;
use hoptac_core::date::ymd;
use hoptac_core::gtin::Gtin;
use hoptac_core::lots::{Facility, Lot, LotQuantity, TraceEvent};
use hoptac_core::model::{Product, UnitId};
use hoptac_core::types::{FacilityKind, FacilityStatus, LotUnit, OcopGroup, TraceStep};
use hoptac_core::{Fixed, OrgCode};
use hoptac_store::{ChangeSet, Store};

fn product(code: &str, gtin: &str) -> Product {
    Product {
        code: code.into(),
        org: OrgCode::parse("A1").unwrap(),
        name: code.into(),
        group: OcopGroup::Food,
        subgroup: String::new(),
        gtin: Some(Gtin::parse(gtin).unwrap()),
        unit: String::new(),
        public: true,
    }
}

fn area(code: &str) -> Facility {
    Facility {
        code: code.into(),
        kind: FacilityKind::PlantingArea,
        org: OrgCode::parse("A1").unwrap(),
        crop: "lúa \"ST25\"".into(),
        area_ha: Fixed::parse_plain("120.5"),
        households: Some(85),
        unit: UnitId(2),
        issued_by: "Chi cục Trồng trọt và BVTV".into(),
        issued_on: ymd(2021, 5, 4).unwrap(),
        market: "nội địa".into(),
        status: FacilityStatus::Valid,
        status_since: None,
    }
}

fn lot(product: &str, lot: &str, facility: Option<&str>) -> Lot {
    Lot {
        product: product.into(),
        lot: lot.into(),
        quantity: Fixed::parse_plain("10000.125").unwrap(),
        unit: LotUnit::Kgm,
        produced_on: ymd(2024, 3, 1).unwrap(),
        facility: facility.map(str::to_string),
    }
}

fn q(product: &str, lot: &str, kg: i64) -> LotQuantity {
    LotQuantity {
        product: product.into(),
        lot: lot.into(),
        quantity: Fixed::from_int(kg),
    }
}

fn milling() -> TraceEvent {
    TraceEvent {
        code: "E2".into(),
        step: TraceStep::Processing,
        occurred_on: ymd(2024, 3, 10).unwrap(),
        time: Some("07:30".into()),
        facility: Some("V1".into()),
        inputs: vec![q("LUA", "L1", 6_000), q("LUA", "L2", 100)],
        lots: vec![q("GAO", "G1", 3_000), q("GAO", "G2", 2_000)],
        parent: None,
        note: "Xay xát tại nhà máy của HTX".into(),
    }
}

pub async fn planting_areas_lots_and_trace_events_round_trip_and_guard_each_other(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let harvest = TraceEvent {
        code: "E1".into(),
        step: TraceStep::Harvesting,
        occurred_on: ymd(2024, 3, 1).unwrap(),
        time: None,
        facility: None,
        inputs: vec![],
        lots: vec![q("LUA", "L1", 10_000)],
        parent: None,
        note: String::new(),
    };
    let mut revoked = area("V2");
    revoked.status = FacilityStatus::Revoked;
    revoked.status_since = ymd(2025, 1, 1);
    revoked.area_ha = None;
    revoked.households = None;
    s.apply(&ChangeSet {
        products: vec![
            product("LUA", "8938888000015"),
            product("GAO", "8938888000022"),
        ],
        facilities: vec![revoked.clone(), area("V1")],
        lots: vec![
            lot("LUA", "L2", None),
            lot("GAO", "G2", None),
            lot("LUA", "L1", Some("V1")),
            lot("GAO", "G1", Some("V1")),
        ],
        trace_events: vec![milling(), harvest.clone()],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().trace;
    assert_eq!(t.facilities, vec![area("V1"), revoked]);
    let keys: Vec<(&str, &str)> = t
        .lots
        .iter()
        .map(|l| (l.product.as_str(), l.lot.as_str()))
        .collect();
    assert_eq!(
        keys,
        [("GAO", "G1"), ("GAO", "G2"), ("LUA", "L1"), ("LUA", "L2")]
    );
    assert_eq!(t.lot("LUA", "L1"), Some(&lot("LUA", "L1", Some("V1"))));
    assert_eq!(t.events, vec![harvest.clone(), milling()]);
    // an event written again has the lots it names now
    let mut fewer = milling();
    fewer.inputs.truncate(1);
    fewer.lots.reverse();
    s.apply(&ChangeSet {
        trace_events: vec![fewer.clone()],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().trace;
    assert_eq!(t.event("E2"), Some(&fewer));
    // what others name is not removed from under them; a failing set writes nothing
    for bad in [
        ChangeSet {
            removed_lots: vec![("LUA".into(), "L1".into())],
            ..Default::default()
        },
        ChangeSet {
            removed_facilities: vec!["V1".into()],
            ..Default::default()
        },
        ChangeSet {
            facilities: vec![area("V3")],
            trace_events: vec![TraceEvent {
                code: "E3".into(),
                lots: vec![q("LUA", "NONE", 1)],
                ..harvest.clone()
            }],
            ..Default::default()
        },
    ] {
        let r = s.apply(&bad).await;
        assert!(r.is_err(), "{r:?}");
    }
    let t = s.snapshot(None).await.unwrap().trace;
    assert_eq!(
        (t.facilities.len(), t.lots.len(), t.events.len()),
        (2, 4, 2)
    );
    // taken out in the right order, in one set
    s.apply(&ChangeSet {
        removed_trace_events: vec!["E1".into(), "E2".into()],
        removed_lots: vec![("LUA".into(), "L1".into()), ("GAO".into(), "G1".into())],
        removed_facilities: vec!["V1".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().trace;
    assert_eq!(
        (t.facilities.len(), t.lots.len(), t.events.len()),
        (1, 2, 0)
    );
    let archived = s
        .apply(&ChangeSet {
            archived_orgs: vec![hoptac_store::OrgArchive {
                org: OrgCode::parse("A1").unwrap(),
                at: "2026-12-07 09:15:00".into(),
                actor: "canbo".into(),
                reason: "nhập trùng".into(),
            }],
            ..Default::default()
        })
        .await;
    assert!(archived.is_err(), "{archived:?}");
}
