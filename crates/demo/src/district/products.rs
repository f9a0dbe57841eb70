//! The demo's products and OCOP ratings, ILLUSTRATIVE DATA: the products, GTINs (GS1
//! Vietnam's prefix 893 with an invented company number, check digits right), scores,
//! decision numbers and days are invented. What is real is the frame they follow: the
//! criteria set in force on each day, a district recognising 3★ until 6 July 2025, the
//! province 3★ and 4★ after, certificates valid 36 months.
//!
//! Chosen so the demo shows each state on its December 2026: a 4★ and 3★ products in force,
//! one certificate lapsing in January 2027, one lapsed in 2025 without renewal, one renewed
//! and one upgraded.

use hoptac_core::date::ymd;
use hoptac_core::gtin::Gtin;
use hoptac_core::model::{OcopRating, Organization, Product, ProductRecords};
use hoptac_core::ocop::criteria::in_force_on;
use hoptac_core::types::{OcopEvaluationKind, OcopGroup, OfficialLevel};
use hoptac_core::{Fixed, OrgCode};

/// (code, organisation, name, group, sub-group, GTIN, unit of sale).
type Made = (
    &'static str,
    &'static str,
    &'static str,
    OcopGroup,
    &'static str,
    Option<&'static str>,
    &'static str,
);

const PRODUCTS: [Made; 5] = [
    (
        "SP-TM-GAO",
        "HTX-TM-07",
        "Gạo thơm Tân Kiều",
        OcopGroup::Food,
        "Gạo, ngũ cốc",
        Some("8938888000015"),
        "túi 5 kg",
    ),
    (
        "SP-TM-TRASEN",
        "HTX-TM-04",
        "Trà tim sen Mỹ An",
        OcopGroup::Beverage,
        "Trà",
        Some("8938888000022"),
        "hộp 200 g",
    ),
    (
        "SP-TM-HATSEN",
        "HTX-TM-04",
        "Hạt sen sấy Mỹ An",
        OcopGroup::Food,
        "Chế biến từ rau, củ, quả, hạt",
        Some("8938888000039"),
        "túi 500 g",
    ),
    (
        "SP-TM-KHOCA",
        "HTX-TM-01",
        "Khô cá lóc Mỹ Quý",
        OcopGroup::Food,
        "Thịt, thủy sản chế biến",
        None,
        "kg",
    ),
    (
        "SP-TM-MAMCA",
        "HTX-TM-01",
        "Mắm cá linh Mỹ Quý",
        OcopGroup::Food,
        "Thủy sản chế biến",
        Some("8938888000046"),
        "hũ 500 g",
    ),
];

/// (code, product, kind, stars, score, decision, day, level).
type Rating = (
    &'static str,
    &'static str,
    OcopEvaluationKind,
    u8,
    &'static str,
    &'static str,
    (i32, u8, u8),
    OfficialLevel,
);

const RATINGS: [Rating; 7] = [
    // recognised by the district in 2021, renewed in 2024, upgraded by the province in 2026
    (
        "OCOP-2021-07",
        "SP-TM-GAO",
        OcopEvaluationKind::New,
        3,
        "58",
        "2150/QĐ-UBND",
        (2021, 9, 10),
        OfficialLevel::District,
    ),
    (
        "OCOP-2024-03",
        "SP-TM-GAO",
        OcopEvaluationKind::Renewal,
        3,
        "66,5",
        "1880/QĐ-UBND",
        (2024, 9, 5),
        OfficialLevel::District,
    ),
    (
        "OCOP-2026-11",
        "SP-TM-GAO",
        OcopEvaluationKind::Upgrade,
        4,
        "73",
        "912/QĐ-UBND",
        (2026, 8, 20),
        OfficialLevel::Province,
    ),
    // a 4★ product of the province, in force
    (
        "OCOP-2024-12",
        "SP-TM-TRASEN",
        OcopEvaluationKind::New,
        4,
        "78,25",
        "245/QĐ-UBND",
        (2024, 8, 12),
        OfficialLevel::Province,
    ),
    // lapses on 20/01/2027: the to-do page and the review list it from October 2026
    (
        "OCOP-2024-01",
        "SP-TM-HATSEN",
        OcopEvaluationKind::New,
        3,
        "61",
        "105/QĐ-UBND",
        (2024, 1, 20),
        OfficialLevel::District,
    ),
    // lapsed on 15/06/2025 and was not renewed
    (
        "OCOP-2022-05",
        "SP-TM-KHOCA",
        OcopEvaluationKind::New,
        3,
        "55",
        "1320/QĐ-UBND",
        (2022, 6, 15),
        OfficialLevel::District,
    ),
    (
        "OCOP-2025-02",
        "SP-TM-MAMCA",
        OcopEvaluationKind::New,
        3,
        "63",
        "388/QĐ-UBND",
        (2025, 10, 2),
        OfficialLevel::Province,
    ),
];

/// The products of the organisations of the demo that make them, and their ratings.
pub(super) fn product_records(orgs: &[Organization]) -> ProductRecords {
    let has = |code: &str| orgs.iter().any(|o| o.code.as_str() == code);
    let mut products: Vec<Product> = (PRODUCTS.iter())
        .filter(|p| has(p.1))
        .map(|&(code, org, name, group, subgroup, gtin, unit)| Product {
            code: code.into(),
            org: OrgCode::parse(org).expect("a demo code"),
            name: name.into(),
            group,
            subgroup: subgroup.into(),
            gtin: gtin.map(|g| Gtin::parse(g).expect("a demo GTIN has its check digit")),
            unit: unit.into(),
            public: true,
        })
        .collect();
    products.sort_by(|a, b| a.code.cmp(&b.code));
    let mut ratings: Vec<OcopRating> = (RATINGS.iter())
        .filter(|r| products.iter().any(|p| p.code == r.1))
        .map(
            |&(code, product, kind, stars, score, decision, (y, m, d), level)| {
                let decided_on = ymd(y, m, d).expect("a demo day");
                OcopRating {
                    code: code.into(),
                    product: product.into(),
                    criteria: in_force_on(decided_on),
                    kind,
                    parts: None,
                    score: Fixed::parse_plain(&score.replace(',', ".")),
                    stars,
                    decision: decision.into(),
                    decided_on,
                    level,
                    revoked_on: None,
                    revocation: String::new(),
                }
            },
        )
        .collect();
    ratings.sort_by(|a, b| a.code.cmp(&b.code));
    ProductRecords { products, ratings }
}
