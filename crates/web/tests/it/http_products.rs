//! Products and OCOP in the browser: a cooperative enters its product (a GTIN with a wrong
//! check digit said on its field), the commune officer records its OCOP rating (stars outside
//! the band said on their field), the product's page shows the stars and the state; the
//! demo's lapsing and lapsed certificates are on the list, the to-do page and the review;
//! a viewer writes nothing; a stale edit does not win.

use crate::demo_app;
use crate::http::{enc, get, post_form};
use crate::trust::{form_version, post_edit};
use axum::http::StatusCode;

fn product(code: &str, org: &str, gtin: &str) -> String {
    format!(
        "product_code={code}&product_org={org}&product_name={}&product_group=food&product_subgroup=&product_gtin={gtin}&product_unit={}&product_public=yes",
        enc("Bánh phồng sen Tân Kiều"),
        enc("gói 250 g"),
    )
}

fn rating(code: &str, stars: u8, score: &str, on: &str) -> String {
    format!(
        "ocop_code={code}&ocop_kind=new&ocop_criteria=&ocop_stars={stars}&ocop_score={}&ocop_part_a=&ocop_part_b=&ocop_part_c=&ocop_decision={}&ocop_decided_on={}&ocop_level=province&ocop_revoked_on=&ocop_revocation=",
        enc(score),
        enc("77/QĐ-UBND"),
        enc(on)
    )
}

#[tokio::test]
async fn a_cooperative_enters_its_product_and_the_commune_rates_it() {
    let (admin, _d) = demo_app().await;
    let coop = admin.as_user("htx.tankieu").await;
    let officer = admin.as_user("xa.tankieu").await;
    assert_eq!(get(&coop, "/products/new").await.status, StatusCode::OK);
    let r = post_form(
        &coop,
        "/products/new",
        &format!(
            "{}&_version=0",
            product("SP-BP", "HTX-TM-07", "8938888000061")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-product_gtin"), "{}", r.body);
    assert!(
        r.body.contains("phải là 0"),
        "the right check digit is said: {}",
        r.body
    );
    let r = post_form(
        &coop,
        "/products/new",
        &format!(
            "{}&_version=0",
            product("SP-BP", "HTX-TM-07", "8938888000060")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // the cooperative may not rate it; the officer of its commune does
    assert_eq!(
        get(&coop, "/products/SP-BP/ocop/new").await.status,
        StatusCode::FORBIDDEN
    );
    let r = post_form(
        &officer,
        "/products/SP-BP/ocop/new",
        &format!("{}&_version=0", rating("OC-BP", 4, "65,5", "10/11/2026")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-ocop_stars"), "{}", r.body);
    let r = post_form(
        &officer,
        "/products/SP-BP/ocop/new",
        &format!("{}&_version=0", rating("OC-BP", 3, "65,5", "10/11/2026")),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&coop, "/products/SP-BP").await;
    assert_eq!(page.status, StatusCode::OK);
    for words in ["★★★", "Còn hiệu lực", "65,5", "8938888000060", "10/11/2029"] {
        assert!(page.body.contains(words), "{words} in {}", page.body);
    }
    // two officers: the older form does not overwrite the newer edit
    let uri = "/ocop/OC-BP/edit";
    let stale = form_version(&officer, uri).await;
    let r = post_edit(&admin, uri, &rating("OC-BP", 3, "66", "10/11/2026")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_form(
        &officer,
        uri,
        &format!(
            "{}&_version={stale}",
            rating("OC-BP", 3, "51", "10/11/2026")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let snap = admin.app.snapshot().await.unwrap();
    assert_eq!(
        snap.products.rating("OC-BP").unwrap().score,
        Some(hoptac_core::Fixed::from_int(66))
    );
    // a viewer reads the list but opens no form
    let viewer = admin.as_user("xem").await;
    assert_eq!(get(&viewer, "/products").await.status, StatusCode::OK);
    assert_eq!(
        get(&viewer, "/products/new").await.status,
        StatusCode::FORBIDDEN
    );
    let r = post_form(
        &viewer,
        "/products/new",
        &format!("{}&_version=0", product("SP-X", "HTX-TM-07", "")),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
}

#[tokio::test]
async fn the_lapsed_and_lapsing_certificates_are_listed_where_offices_look() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    // the demo's dried fish lapsed on 15/06/2025 and was not renewed
    for uri in ["/products", "/todo", "/quality"] {
        let page = get(&staff, uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        assert!(
            page.body.contains("Khô cá lóc Mỹ Quý") && page.body.contains("15/06/2025"),
            "{uri}: {}",
            page.body
        );
    }
    let list = get(&staff, "/products").await;
    assert!(list.body.contains("Trà tim sen Mỹ An"), "{}", list.body);
    // the cooperative of Tân Kiều sees its own products only
    let coop = admin.as_user("htx.tankieu").await;
    let own = get(&coop, "/products").await;
    assert!(own.body.contains("Gạo thơm Tân Kiều"), "{}", own.body);
    assert!(!own.body.contains("Trà tim sen"), "{}", own.body);
    assert_eq!(
        get(&coop, "/products/SP-TM-TRASEN").await.status,
        StatusCode::NOT_FOUND
    );
}
