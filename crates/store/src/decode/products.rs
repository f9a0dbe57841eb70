//! Products and OCOP ratings read back: the queries every adapter runs and their rows as
//! core types.

use super::{Columns, code, corrupt, date, enum_of, flag, int, money, req_date, text};
use crate::port::error::Result;
use hoptac_core::gtin::Gtin;
use hoptac_core::model::{OcopRating, Product};
use hoptac_core::types::{OcopCriteria, OcopEvaluationKind, OcopGroup, OfficialLevel};

pub const PRODUCTS: &str = "SELECT code, org_code, name, ocop_group, subgroup, gtin, unit, public \
     FROM products ORDER BY code";
pub const RATINGS: &str = "SELECT code, product_code, criteria, kind, part_a, part_b, part_c, score, stars, \
     decision, decided_on, level, revoked_on, revocation FROM ocop_ratings ORDER BY code";

/// `code, org_code, name, ocop_group, subgroup, gtin, unit, public`
pub fn product(r: &impl Columns) -> Result<Product> {
    const T: &str = "products";
    let gtin = match r.text(5)? {
        Some(g) => Some(Gtin::parse(&g).map_err(|_| corrupt(T, format!("GTIN {g}")))?),
        None => None,
    };
    Ok(Product {
        code: text(r, 0, T)?,
        org: code(r, 1, T)?,
        name: text(r, 2, T)?,
        group: enum_of(r, 3, T, OcopGroup::parse)?,
        subgroup: text(r, 4, T)?,
        gtin,
        unit: text(r, 6, T)?,
        public: flag(r, 7)?.unwrap_or(false),
    })
}

/// `code, product_code, criteria, kind, part_a, part_b, part_c, score, stars, decision,
/// decided_on, level, revoked_on, revocation`
pub fn rating(r: &impl Columns) -> Result<OcopRating> {
    const T: &str = "ocop_ratings";
    let parts = match (money(r, 4)?, money(r, 5)?, money(r, 6)?) {
        (Some(a), Some(b), Some(c)) => Some([a, b, c]),
        (None, None, None) => None,
        _ => return Err(corrupt(T, "parts A, B, C are all given or none")),
    };
    let stars = int(r, 8, T)?;
    Ok(OcopRating {
        code: text(r, 0, T)?,
        product: text(r, 1, T)?,
        criteria: enum_of(r, 2, T, OcopCriteria::parse)?,
        kind: enum_of(r, 3, T, OcopEvaluationKind::parse)?,
        parts,
        score: money(r, 7)?,
        stars: u8::try_from(stars).map_err(|_| corrupt(T, format!("stars {stars}")))?,
        decision: text(r, 9, T)?,
        decided_on: req_date(r, 10, T, "decided_on")?,
        level: enum_of(r, 11, T, OfficialLevel::parse)?,
        revoked_on: date(r, 12, T)?,
        revocation: text(r, 13, T)?,
    })
}
