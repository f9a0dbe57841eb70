use super::*;
use crate::date::ymd;
use crate::lots::{Facility, Lot, LotQuantity, TraceEvent, TraceRecords};
use crate::types::{FacilityStatus, LotUnit, OrgCode, UnitId};

fn d(y: i32, m: u8, day: u8) -> crate::Date {
    ymd(y, m, day).unwrap()
}

fn lot(product: &str, lot: &str, kg: i64, on: crate::Date) -> Lot {
    Lot {
        product: product.into(),
        lot: lot.into(),
        quantity: Fixed::from_int(kg),
        unit: LotUnit::Kgm,
        produced_on: on,
        facility: Some("VN-87-872-30049-01-21".into()),
    }
}

fn q(product: &str, lot: &str, kg: i64) -> LotQuantity {
    LotQuantity {
        product: product.into(),
        lot: lot.into(),
        quantity: Fixed::from_int(kg),
    }
}

fn event(
    code: &str,
    step: TraceStep,
    on: crate::Date,
    inputs: Vec<LotQuantity>,
    lots: Vec<LotQuantity>,
) -> TraceEvent {
    TraceEvent {
        code: code.into(),
        step,
        occurred_on: on,
        time: Some("07:30".into()),
        facility: Some("VN-87-872-30049-01-21".into()),
        inputs,
        lots,
        parent: None,
        note: String::new(),
    }
}

/// Paddy harvested in two lots, milled into rice (two lots from the first, one from
/// both), each rice lot packed and shipped.
fn records() -> TraceRecords {
    let area = Facility {
        code: "VN-87-872-30049-01-21".into(),
        kind: crate::types::FacilityKind::PlantingArea,
        org: OrgCode::parse("HTX-1").unwrap(),
        crop: "lúa".into(),
        area_ha: Some(Fixed::from_int(120)),
        households: Some(85),
        unit: UnitId(2),
        issued_by: "Chi cục Trồng trọt và BVTV".into(),
        issued_on: d(2021, 5, 4),
        market: "nội địa".into(),
        status: FacilityStatus::Valid,
        status_since: None,
    };
    let mut lots = vec![
        lot("LUA", "L1", 10_000, d(2024, 3, 1)),
        lot("LUA", "L2", 8_000, d(2024, 3, 2)),
        lot("GAO", "G1", 3_000, d(2024, 3, 10)),
        lot("GAO", "G2", 3_000, d(2024, 3, 10)),
        lot("GAO", "G3", 5_000, d(2024, 3, 12)),
    ];
    lots.sort_by(|a, b| (&a.product, &a.lot).cmp(&(&b.product, &b.lot)));
    let mut events = vec![
        event(
            "E1",
            TraceStep::Harvesting,
            d(2024, 3, 1),
            vec![],
            vec![q("LUA", "L1", 10_000)],
        ),
        event(
            "E2",
            TraceStep::Harvesting,
            d(2024, 3, 2),
            vec![],
            vec![q("LUA", "L2", 8_000)],
        ),
        event(
            "E3",
            TraceStep::Processing,
            d(2024, 3, 10),
            vec![q("LUA", "L1", 6_000)],
            vec![q("GAO", "G1", 3_000), q("GAO", "G2", 3_000)],
        ),
        event(
            "E4",
            TraceStep::Processing,
            d(2024, 3, 12),
            vec![q("LUA", "L1", 4_000), q("LUA", "L2", 8_000)],
            vec![q("GAO", "G3", 5_000)],
        ),
        event(
            "E5",
            TraceStep::Shipping,
            d(2024, 3, 15),
            vec![],
            vec![q("GAO", "G1", 3_000)],
        ),
        event(
            "E6",
            TraceStep::Shipping,
            d(2024, 3, 16),
            vec![],
            vec![q("GAO", "G3", 5_000)],
        ),
    ];
    events.sort_by(|a, b| a.code.cmp(&b.code));
    TraceRecords {
        facilities: vec![area],
        lots,
        events,
    }
}

#[test]
fn a_lots_trace_goes_up_to_its_harvest_and_down_to_what_it_became_not_to_its_siblings() {
    let r = records();
    let ix = TraceIndex::new(&r);
    fn codes(t: &Trace<'_>) -> Vec<String> {
        t.events.iter().map(|e| e.code.clone()).collect()
    }
    // G1 came from L1 (E3): its harvest E1, its milling, its shipping; not G3's milling
    // from the same paddy, not G2's events
    let g1 = ix.trace("GAO", "G1");
    assert_eq!(codes(&g1), ["E1", "E3", "E5"]);
    assert!(g1.lots.contains(&("LUA", "L1")) && !g1.lots.contains(&("GAO", "G2")));
    // L1 goes down to every rice made of it and their shipping
    let l1 = ix.trace("LUA", "L1");
    assert_eq!(codes(&l1), ["E1", "E3", "E4", "E5", "E6"]);
    assert!(l1.lots.contains(&("GAO", "G3")));
    // G3 came from both paddy lots
    assert_eq!(codes(&ix.trace("GAO", "G3")), ["E1", "E2", "E4", "E6"]);
    assert!(ix.trace("GAO", "NONE").events.is_empty());
}

#[test]
fn an_event_before_its_lot_or_beyond_what_is_left_is_refused_with_the_field() {
    let r = records();
    assert!(
        r.events.iter().all(|e| event_problems(e, &r).is_empty()),
        "{:?}",
        r.events
            .iter()
            .map(|e| event_problems(e, &r))
            .collect::<Vec<_>>()
    );
    let mut early = r.event("E5").unwrap().clone();
    early.occurred_on = d(2024, 3, 9);
    let p = event_problems(&early, &r);
    assert_eq!(p.iter().map(|x| x.0).collect::<Vec<_>>(), ["occurred_on"]);
    // L1 had 10 t, 6 t and 4 t were milled: nothing left for a third milling
    let third = event(
        "E7",
        TraceStep::Processing,
        d(2024, 4, 1),
        vec![q("LUA", "L1", 1)],
        vec![q("GAO", "G1", 1)],
    );
    let p = event_problems(&third, &r);
    assert_eq!(
        p.iter().map(|x| (x.0, x.1.as_str())).collect::<Vec<_>>(),
        [("inputs", "LUA/L1")]
    );
    assert!(
        p[0].2.render(crate::Lang::Vi).contains("chỉ còn 0"),
        "{}",
        p[0].2.render(crate::Lang::Vi)
    );
    // editing E4 itself does not count its own inputs twice
    assert!(event_problems(r.event("E4").unwrap(), &r).is_empty());
    let mut pack = event(
        "E8",
        TraceStep::Packing,
        d(2024, 3, 14),
        vec![],
        vec![q("GAO", "G1", 3_000)],
    );
    assert_eq!(event_problems(&pack, &r)[0].0, "parent");
    pack.parent = Some("089345631381650011".into());
    assert_eq!(
        event_problems(&pack, &r)[0].0,
        "parent",
        "a wrong SSCC check digit"
    );
    pack.parent = Some("THUNG-0001".into());
    assert!(event_problems(&pack, &r).is_empty());
    let mut ghost = pack.clone();
    ghost.lots = vec![q("GAO", "G9", 1)];
    ghost.time = Some("25:00".into());
    let fields: Vec<_> = event_problems(&ghost, &r).iter().map(|x| x.0).collect();
    assert_eq!(fields, ["time", "lots"]);
}

#[test]
fn lot_numbers_and_serial_shipping_codes_follow_gs1() {
    assert!(lot_fits("L2024-03/01"));
    assert!(!lot_fits("Lô 1") && !lot_fits("") && !lot_fits("123456789012345678901"));
    let body: Vec<u8> = "08934563138165001".bytes().map(|b| b - b'0').collect();
    let sscc = format!("08934563138165001{}", crate::gtin::check_digit(&body));
    assert!(is_sscc(&sscc));
    assert!(!is_sscc("089345631381650011") || sscc == "089345631381650011");
    assert_eq!(encode_ai("A B/1"), "A%20B%2F1");
    let g = Gtin::parse("8934563138165").unwrap();
    assert_eq!(
        digital_link_path(&g, "L1/2"),
        "/01/08934563138165/10/L1%2F2"
    );
}

#[test]
fn the_epcis_document_names_lots_by_digital_link_and_steps_by_the_cbv() {
    let r = records();
    let g = Gtin::parse("8934563138165").unwrap();
    let gtin_of = |_: &str| Some(&g);
    let x = epcis::Epcis {
        records: &r,
        gtin_of: &gtin_of,
        base: "https://hoptac.example",
    };
    let events: Vec<&TraceEvent> = r.events.iter().collect();
    let doc = x.document(&events, "2026-12-07T10:00:00+07:00");
    assert_eq!(doc["schemaVersion"], "2.0");
    let list = doc["epcisBody"]["eventList"].as_array().unwrap();
    assert_eq!(list.len(), 6);
    let e1 = &list[0];
    assert_eq!(e1["type"], "ObjectEvent");
    assert_eq!(
        (e1["action"].as_str(), e1["bizStep"].as_str()),
        (Some("ADD"), Some("commissioning"))
    );
    assert_eq!(e1["eventTime"], "2024-03-01T07:30:00+07:00");
    assert_eq!(
        e1["quantityList"][0]["epcClass"],
        "https://id.gs1.org/01/08934563138165/10/L1"
    );
    assert_eq!(e1["quantityList"][0]["uom"], "KGM");
    assert_eq!(
        e1["bizLocation"]["id"],
        "https://hoptac.example/loc/VN-87-872-30049-01-21"
    );
    let e3 = &list[2];
    assert_eq!(e3["type"], "TransformationEvent");
    assert!(e3.get("action").is_none());
    assert_eq!(e3["inputQuantityList"][0]["quantity"], 6000.0);
    assert_eq!(e3["outputQuantityList"].as_array().unwrap().len(), 2);
}

#[test]
fn a_planting_area_needs_its_area_crop_and_a_commune_of_the_day() {
    let r = records();
    let f = &r.facilities[0];
    let org = crate::model::Organization {
        code: OrgCode::parse("HTX-1").unwrap(),
        kind: crate::types::OrgKind::Htx,
        name: "HTX".into(),
        sector: crate::types::Sector::Agriculture,
        commune: UnitId(2),
        founded_on: d(2010, 1, 1),
        dissolved_on: None,
        registration_no: None,
    };
    let commune = AdminUnit {
        id: UnitId(2),
        code: "30049".into(),
        name: "Xã Tân Kiều".into(),
        level: AdminLevel::Commune,
        parent: None,
        valid_from: None,
        valid_to: Some(d(2025, 6, 30)),
    };
    assert!(facility_problems(f, Some(&org), Some(&commune)).is_empty());
    let mut late = f.clone();
    late.issued_on = d(2025, 8, 1);
    late.area_ha = Some(Fixed::ZERO);
    let fields: Vec<_> = facility_problems(&late, None, Some(&commune))
        .iter()
        .map(|x| x.0)
        .collect();
    assert_eq!(fields, ["org_code", "area_ha", "unit"]);
}

#[test]
fn an_epcis_document_reads_back_into_the_same_events() {
    let mut r = records();
    let mut pack = event(
        "E9",
        TraceStep::Packing,
        d(2024, 3, 14),
        vec![],
        vec![q("GAO", "G1", 3_000)],
    );
    pack.parent = Some("THUNG 1/A".into());
    r.events.push(pack);
    r.events.sort_by(|a, b| a.code.cmp(&b.code));
    let (lua, gao) = (
        Gtin::parse("8938888000053").unwrap(),
        Gtin::parse("8938888000015").unwrap(),
    );
    let gtin_of = |p: &str| match p {
        "LUA" => Some(&lua),
        "GAO" => Some(&gao),
        _ => None,
    };
    let x = epcis::Epcis {
        records: &r,
        gtin_of: &gtin_of,
        base: "https://hoptac.example",
    };
    let doc = x.document(
        &r.events.iter().collect::<Vec<_>>(),
        "2026-12-07T10:00:00+07:00",
    );
    let product_of = |g: &Gtin| {
        (g == &lua)
            .then(|| "LUA".to_string())
            .or_else(|| (g == &gao).then(|| "GAO".to_string()))
    };
    let back = epcis_read::read(&doc, "https://hoptac.example/", product_of).unwrap();
    let mut want = r.events.clone();
    for e in &mut want {
        e.note.clear();
    }
    assert_eq!(back, want);
    // what cannot be read is named with its place, field and value
    let mut bad = doc.clone();
    bad["epcisBody"]["eventList"][1]["eventTime"] = "hôm qua".into();
    bad["epcisBody"]["eventList"][4]["quantityList"][0]["epcClass"] =
        "urn:epc:class:lgtin:893.1.L1".into();
    let problems = epcis_read::read(&bad, "https://hoptac.example", product_of).unwrap_err();
    let got: Vec<(usize, &str)> = problems.iter().map(|p| (p.0, p.1)).collect();
    assert_eq!(got, [(2, "eventTime"), (5, "quantityList")]);
    assert!(epcis_read::read(&serde_json::json!({"type": "x"}), "", product_of).is_err());
}
