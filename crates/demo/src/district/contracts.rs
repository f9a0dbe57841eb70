//! The demo's value-chain linkage contracts, ILLUSTRATIVE DATA: the enterprises, tax codes,
//! quantities, prices and days are invented; the forms are the seven of Điều 4 NĐ 98/2018.
//! Tân Kiều and Mỹ Quý sell their paddy to a rice company under a two-season contract
//! (on schedule in December 2026); Mỹ An sells lotus seeds to a food company and is behind
//! its schedule.

use hoptac_core::chain::{Contract, ContractRecords, Delivery, Installment, LinkageProject};
use hoptac_core::date::ymd;
use hoptac_core::types::{LinkageForm, LotUnit};
use hoptac_core::{Date, Fixed, OrgCode};

fn day(y: i32, m: u8, d: u8) -> Date {
    ymd(y, m, d).expect("a demo day")
}

fn t(n: i64) -> Fixed {
    Fixed::from_int(n)
}

/// The demo's linkage project.
pub(super) const PROJECT: &str = "DA-LK-2026-01";

/// The support paid under the demo's project: its first instalment.
pub(super) fn project_disbursement() -> hoptac_core::model::Disbursement {
    hoptac_core::model::Disbursement {
        code: "CH-DALK-2026-01".into(),
        policy: hoptac_core::types::SupportPolicy::Linkage,
        legal_basis: "NĐ 98/2018/NĐ-CP".into(),
        decision: "QĐ 15/QĐ-UBND (minh họa)".into(),
        org: OrgCode::parse("HTX-TM-07").expect("a demo code"),
        amount_vnd: 650_000_000,
        source: "Ngân sách tỉnh".into(),
        paid_on: day(2026, 9, 15),
        project: Some(PROJECT.into()),
    }
}

pub(super) fn contract_records() -> ContractRecords {
    let org = |c: &str| OrgCode::parse(c).expect("a demo code");
    let installment = |due: Date, n: i64| Installment {
        due,
        quantity: t(n),
    };
    let contracts = vec![
        Contract {
            code: "HDLK-2026-01".into(),
            orgs: vec![org("HTX-TM-07"), org("HTX-TM-01")],
            partner: "Công ty TNHH Lương thực Tháp Mười (minh họa)".into(),
            partner_tax_code: "1400999001".into(),
            form: LinkageForm::InputsProductionSale,
            goods: "Lúa tươi ST25".into(),
            product: Some("SP-TM-LUA".into()),
            quantity: t(1_200),
            unit: LotUnit::Tne,
            area_ha: Fixed::parse_plain("180"),
            households: Some(120),
            price: "Giá lúa tươi thị trường tại ruộng ngày thu hoạch, cộng 200 đồng/kg".into(),
            signed_on: day(2025, 12, 10),
            starts_on: day(2026, 1, 1),
            ends_on: day(2027, 6, 30),
            ended_on: None,
            schedule: vec![
                installment(day(2026, 3, 31), 600),
                installment(day(2026, 8, 31), 300),
                installment(day(2027, 3, 31), 300),
            ],
        },
        Contract {
            code: "HDLK-2026-02".into(),
            orgs: vec![org("HTX-TM-04")],
            partner: "Công ty CP Thực phẩm Sen Đồng Tháp (minh họa)".into(),
            partner_tax_code: "1400999002".into(),
            form: LinkageForm::ProductionProcessingSale,
            goods: "Hạt sen tươi".into(),
            product: Some("SP-TM-HATSEN".into()),
            quantity: t(40),
            unit: LotUnit::Tne,
            area_ha: Fixed::parse_plain("45"),
            households: Some(30),
            price: "95.000 đồng/kg, điều chỉnh theo quý".into(),
            signed_on: day(2026, 3, 1),
            starts_on: day(2026, 4, 1),
            ends_on: day(2026, 12, 31),
            ended_on: None,
            schedule: vec![
                installment(day(2026, 7, 31), 20),
                installment(day(2026, 10, 31), 20),
            ],
        },
    ];
    let delivery = |code: &str, contract: &str, on: Date, n: i64, lot: Option<&str>| Delivery {
        code: code.into(),
        contract: contract.into(),
        delivered_on: on,
        quantity: t(n),
        lot: lot.map(str::to_string),
    };
    let mut deliveries = vec![
        delivery(
            "GH-2026-01",
            "HDLK-2026-01",
            day(2026, 3, 5),
            350,
            Some("L2026-03-01"),
        ),
        delivery("GH-2026-02", "HDLK-2026-01", day(2026, 3, 28), 260, None),
        delivery("GH-2026-03", "HDLK-2026-01", day(2026, 8, 20), 310, None),
        delivery(
            "GH-2026-04",
            "HDLK-2026-02",
            day(2026, 7, 20),
            12,
            Some("HS2026-07"),
        ),
        delivery("GH-2026-05", "HDLK-2026-02", day(2026, 10, 25), 9, None),
    ];
    deliveries.sort_by(|a, b| a.code.cmp(&b.code));
    // a linkage project approved for support on the first contract; amounts illustrative
    let projects = vec![LinkageProject {
        code: PROJECT.into(),
        name: "Liên kết sản xuất và tiêu thụ lúa ST25 vùng Tân Kiều – Mỹ Quý (minh họa)".into(),
        lead: "Công ty TNHH Lương thực Tháp Mười (minh họa)".into(),
        orgs: vec![org("HTX-TM-07"), org("HTX-TM-01")],
        contracts: vec!["HDLK-2026-01".into()],
        area_ha: Fixed::parse_plain("180"),
        households: Some(120),
        investment_vnd: 6_500_000_000,
        support_approved_vnd: 1_950_000_000,
        approved_by: "UBND tỉnh Đồng Tháp".into(),
        decision: "QĐ 15/QĐ-UBND (minh họa)".into(),
        approved_on: day(2026, 1, 20),
        starts_on: day(2026, 2, 1),
        ends_on: day(2027, 12, 31),
    }];
    ContractRecords {
        projects,
        contracts,
        deliveries,
    }
}
