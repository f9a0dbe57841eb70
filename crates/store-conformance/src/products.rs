//! Products and OCOP ratings: written in the unit of work and read back whole (points exact,
//! the GTIN as its 14 digits); a GTIN names one product, a product with ratings is not
//! removed from under them, an organisation with products is not archived.

use crate::fixtures::*;
use hoptac_core::date::ymd;
use hoptac_core::gtin::Gtin;
use hoptac_core::model::{OcopRating, Product};
use hoptac_core::types::{OcopCriteria, OcopEvaluationKind, OcopGroup, OfficialLevel};
use hoptac_core::{Fixed, OrgCode};
use hoptac_store::{ChangeSet, Store};

fn product(code: &str, org: &str, gtin: Option<&str>) -> Product {
    Product {
        code: code.into(),
        org: OrgCode::parse(org).unwrap(),
        name: "Gạo hữu cơ \"Tháp Mười\"; túi 5 kg".into(),
        group: OcopGroup::Food,
        subgroup: "Gạo, ngũ cốc".into(),
        gtin: gtin.map(|g| Gtin::parse(g).unwrap()),
        unit: "túi".into(),
        public: true,
    }
}

fn rating(code: &str, product: &str) -> OcopRating {
    OcopRating {
        code: code.into(),
        product: product.into(),
        criteria: OcopCriteria::Qd148,
        kind: OcopEvaluationKind::New,
        parts: Some([
            Fixed::parse_plain("30.5").unwrap(),
            Fixed::from_int(20),
            Fixed::parse_plain("21.25").unwrap(),
        ]),
        score: Some(Fixed::parse_plain("71.75").unwrap()),
        stars: 4,
        decision: "1234/QĐ-UBND".into(),
        decided_on: ymd(2024, 3, 15).unwrap(),
        level: OfficialLevel::Province,
        revoked_on: None,
        revocation: String::new(),
    }
}

pub async fn products_and_ocop_ratings_round_trip_and_guard_the_register(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let mut bare = product("P2", "B2", None);
    bare.public = false;
    let mut old = rating("R1", "P1");
    old.parts = None;
    old.score = None;
    old.stars = 3;
    old.level = OfficialLevel::District;
    old.criteria = OcopCriteria::Qd1048;
    old.decided_on = ymd(2021, 1, 5).unwrap();
    old.revoked_on = ymd(2024, 2, 1);
    old.revocation = "99/QĐ-UBND".into();
    s.apply(&ChangeSet {
        products: vec![bare.clone(), product("P1", "A1", Some("8934563138165"))],
        ratings: vec![rating("R2", "P1"), old.clone()],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().products;
    assert_eq!(
        t.products,
        vec![product("P1", "A1", Some("8934563138165")), bare.clone()]
    );
    assert_eq!(
        t.products[0].gtin.as_ref().unwrap().as_str(),
        "08934563138165"
    );
    assert_eq!(t.ratings, vec![old.clone(), rating("R2", "P1")]);
    // a second product with the same GTIN, a rating of no product: refused whole
    for bad in [
        ChangeSet {
            products: vec![product("P3", "A1", Some("08934563138165"))],
            ..Default::default()
        },
        ChangeSet {
            products: vec![product("P4", "A1", None)],
            ratings: vec![rating("R3", "NOWHERE")],
            ..Default::default()
        },
    ] {
        let r = s.apply(&bad).await;
        assert!(r.is_err(), "{r:?}");
    }
    let t = s.snapshot(None).await.unwrap().products;
    assert_eq!((t.products.len(), t.ratings.len()), (2, 2));
    // a product with ratings is not removed from under them; with its ratings it is
    let r = s
        .apply(&ChangeSet {
            removed_products: vec!["P1".into()],
            ..Default::default()
        })
        .await;
    assert!(r.is_err(), "{r:?}");
    s.apply(&ChangeSet {
        removed_ratings: vec!["R1".into(), "R2".into()],
        removed_products: vec!["P1".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().products;
    assert_eq!(t.products, vec![bare]);
    assert!(t.ratings.is_empty());
    // an organisation with a product (and nothing else) is not archived from under it
    let archived = s
        .apply(&ChangeSet {
            archived_orgs: vec![hoptac_store::OrgArchive {
                org: OrgCode::parse("B2").unwrap(),
                at: "2026-12-07 09:15:00".into(),
                actor: "canbo".into(),
                reason: "nhập trùng".into(),
            }],
            ..Default::default()
        })
        .await;
    assert!(
        matches!(archived, Err(hoptac_store::StoreError::Stale { .. })),
        "{archived:?}"
    );
}
