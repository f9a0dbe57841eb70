//! The product sheets: products (the GTIN as printed under its barcode, as text so no digit
//! is lost) and OCOP ratings (points exact).

use super::val::{Val, opt, text};
use hoptac_core::model::ProductRecords;

fn yes_no(b: bool) -> Val {
    let (code, label) = if b { ("yes", "có") } else { ("no", "không") };
    Val::Coded(code.into(), label.into())
}

pub(super) fn product_rows(s: &ProductRecords) -> Vec<Vec<Val>> {
    (s.products.iter())
        .map(|p| {
            vec![
                Val::Text(p.code.clone()),
                Val::Text(p.org.to_string()),
                Val::Text(p.name.clone()),
                Val::Coded(p.group.code().into(), p.group.label_vi().into()),
                text(&p.subgroup),
                opt(p.gtin.as_ref(), |g| Val::Text(g.short().to_string())),
                text(&p.unit),
                yes_no(p.public),
            ]
        })
        .collect()
}

pub(super) fn rating_rows(s: &ProductRecords) -> Vec<Vec<Val>> {
    (s.ratings.iter())
        .map(|r| {
            let part = |i: usize| opt(r.parts.map(|p| p[i]), Val::Money);
            vec![
                Val::Text(r.code.clone()),
                Val::Text(r.product.clone()),
                Val::Coded(r.criteria.code().into(), r.criteria.label_vi().into()),
                Val::Coded(r.kind.code().into(), r.kind.label_vi().into()),
                part(0),
                part(1),
                part(2),
                opt(r.score, Val::Money),
                Val::Int(i64::from(r.stars)),
                Val::Text(r.decision.clone()),
                Val::Date(r.decided_on),
                Val::Coded(r.level.code().into(), r.level.label_vi().into()),
                opt(r.revoked_on, Val::Date),
                text(&r.revocation),
            ]
        })
        .collect()
}
