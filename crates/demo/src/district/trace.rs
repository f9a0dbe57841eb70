//! The demo's planting areas, packing house, lots and their events, ILLUSTRATIVE DATA: the
//! codes follow the shape of QĐ 3156/QĐ-BNN-TT (`VN-province-district-commune-no-yy`, here
//! with Đồng Tháp's old codes 87 and 872), the packing-house code's format is not confirmed
//! and is invented; areas, households, quantities and days are invented. A paddy lot of
//! Tân Kiều is milled into two rice lots (a processing step), one of them inspected, packed
//! into a case and shipped; a lotus-seed lot of Mỹ An is harvested and shipped.

use hoptac_core::date::ymd;
use hoptac_core::gtin::Gtin;
use hoptac_core::lots::{Facility, Lot, LotQuantity, TraceEvent, TraceRecords};
use hoptac_core::model::{AdminUnit, Product};
use hoptac_core::types::{FacilityKind, FacilityStatus, LotUnit, OcopGroup, TraceStep};
use hoptac_core::{Date, Fixed, OrgCode};

/// The paddy the rice is milled from: a product with a GTIN, not an OCOP one.
pub(super) fn paddy() -> Product {
    Product {
        code: "SP-TM-LUA".into(),
        org: OrgCode::parse("HTX-TM-07").expect("a demo code"),
        name: "Lúa tươi ST25 Tân Kiều".into(),
        group: OcopGroup::Food,
        subgroup: "Gạo, ngũ cốc".into(),
        gtin: Some(Gtin::parse("8938888000053").expect("a demo GTIN has its check digit")),
        unit: "kg".into(),
        public: true,
    }
}

fn day(y: i32, m: u8, d: u8) -> Date {
    ymd(y, m, d).expect("a demo day")
}

fn q(product: &str, lot: &str, kg: i64) -> LotQuantity {
    LotQuantity {
        product: product.into(),
        lot: lot.into(),
        quantity: Fixed::from_int(kg),
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    code: &str,
    step: TraceStep,
    on: Date,
    time: &str,
    facility: Option<&str>,
    inputs: Vec<LotQuantity>,
    lots: Vec<LotQuantity>,
    note: &str,
) -> TraceEvent {
    TraceEvent {
        code: code.into(),
        step,
        occurred_on: on,
        time: Some(time.into()),
        facility: facility.map(str::to_string),
        inputs,
        lots,
        parent: None,
        note: note.into(),
    }
}

const RICE_AREA: &str = "VN-87-872-30049-01-21";
const LOTUS_AREA: &str = "VN-87-872-30037-02-22";
const MILL: &str = "DT-CSDG-0001";

pub(super) fn trace_records(units: &[AdminUnit]) -> TraceRecords {
    let unit = |code: &str, d: Date| {
        (units.iter())
            .find(|u| u.code == code && u.valid_on(d))
            .map(|u| u.id)
            .expect("a demo commune of the day")
    };
    let facility = |code: &str,
                    kind,
                    org: &str,
                    crop: &str,
                    ha: Option<&str>,
                    households,
                    commune: &str,
                    issued: Date| Facility {
        code: code.into(),
        kind,
        org: OrgCode::parse(org).expect("a demo code"),
        crop: crop.into(),
        area_ha: ha.and_then(Fixed::parse_plain),
        households,
        unit: unit(commune, issued),
        issued_by: "Chi cục Trồng trọt và Bảo vệ thực vật tỉnh Đồng Tháp".into(),
        issued_on: issued,
        market: "nội địa".into(),
        status: FacilityStatus::Valid,
        status_since: None,
    };
    let mut facilities = vec![
        facility(
            RICE_AREA,
            FacilityKind::PlantingArea,
            "HTX-TM-07",
            "lúa ST25",
            Some("120.5"),
            Some(85),
            "30049",
            day(2021, 5, 4),
        ),
        facility(
            LOTUS_AREA,
            FacilityKind::PlantingArea,
            "HTX-TM-04",
            "sen lấy hạt",
            Some("45"),
            Some(30),
            "30037",
            day(2022, 3, 10),
        ),
        facility(
            MILL,
            FacilityKind::PackingHouse,
            "HTX-TM-07",
            "gạo",
            None,
            None,
            "30049",
            day(2023, 6, 1),
        ),
    ];
    facilities.sort_by(|a, b| a.code.cmp(&b.code));
    let lot = |product: &str, lot: &str, kg: i64, on: Date, facility: &str| Lot {
        product: product.into(),
        lot: lot.into(),
        quantity: Fixed::from_int(kg),
        unit: LotUnit::Kgm,
        produced_on: on,
        facility: Some(facility.into()),
    };
    let mut lots = vec![
        lot(
            "SP-TM-LUA",
            "L2026-03-01",
            12_000,
            day(2026, 3, 1),
            RICE_AREA,
        ),
        lot("SP-TM-GAO", "G2026-03-A", 3_600, day(2026, 3, 8), MILL),
        lot("SP-TM-GAO", "G2026-03-B", 3_000, day(2026, 3, 9), MILL),
        lot(
            "SP-TM-HATSEN",
            "HS2026-07",
            800,
            day(2026, 7, 15),
            LOTUS_AREA,
        ),
    ];
    lots.sort_by(|a, b| (&a.product, &a.lot).cmp(&(&b.product, &b.lot)));
    let mut packed = event(
        "TK-2026-05",
        TraceStep::Packing,
        day(2026, 3, 10),
        "14:00",
        Some(MILL),
        vec![],
        vec![q("SP-TM-GAO", "G2026-03-A", 3_600)],
        "Đóng túi 5 kg, 720 túi vào thùng",
    );
    packed.parent = Some("THUNG-TK-0001".into());
    let mut events = vec![
        event(
            "TK-2026-01",
            TraceStep::Harvesting,
            day(2026, 3, 1),
            "06:30",
            Some(RICE_AREA),
            vec![],
            vec![q("SP-TM-LUA", "L2026-03-01", 12_000)],
            "Thu hoạch vụ Đông Xuân 2025–2026",
        ),
        event(
            "TK-2026-02",
            TraceStep::Processing,
            day(2026, 3, 8),
            "08:00",
            Some(MILL),
            vec![q("SP-TM-LUA", "L2026-03-01", 7_000)],
            vec![q("SP-TM-GAO", "G2026-03-A", 3_600)],
            "Sấy, xay xát, đánh bóng",
        ),
        event(
            "TK-2026-03",
            TraceStep::Processing,
            day(2026, 3, 9),
            "08:00",
            Some(MILL),
            vec![q("SP-TM-LUA", "L2026-03-01", 5_000)],
            vec![q("SP-TM-GAO", "G2026-03-B", 3_000)],
            "Sấy, xay xát",
        ),
        event(
            "TK-2026-04",
            TraceStep::Inspecting,
            day(2026, 3, 9),
            "15:30",
            Some(MILL),
            vec![],
            vec![q("SP-TM-GAO", "G2026-03-A", 3_600)],
            "Kiểm nghiệm dư lượng thuốc BVTV: đạt",
        ),
        packed,
        event(
            "TK-2026-06",
            TraceStep::Shipping,
            day(2026, 3, 12),
            "07:00",
            Some(MILL),
            vec![],
            vec![q("SP-TM-GAO", "G2026-03-A", 3_600)],
            "Giao theo hợp đồng liên kết tiêu thụ",
        ),
        event(
            "MA-2026-01",
            TraceStep::Harvesting,
            day(2026, 7, 15),
            "05:30",
            Some(LOTUS_AREA),
            vec![],
            vec![q("SP-TM-HATSEN", "HS2026-07", 800)],
            "Thu hoạch gương sen",
        ),
        event(
            "MA-2026-02",
            TraceStep::Shipping,
            day(2026, 7, 20),
            "09:00",
            Some(LOTUS_AREA),
            vec![],
            vec![q("SP-TM-HATSEN", "HS2026-07", 800)],
            "",
        ),
    ];
    events.sort_by(|a, b| a.code.cmp(&b.code));
    TraceRecords {
        facilities,
        lots,
        events,
    }
}
