//! The public page of a lot at its GS1 Digital Link, signed out: the product, its
//! cooperative, its OCOP stars, the lot's journey from the harvest, and a QR code of the
//! page's own address; nothing of a product not marked public, no person, no figure.

use crate::demo_app;
use crate::http::send_to;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

async fn anonymous(app: &crate::TestApp, uri: &str) -> crate::http::Resp {
    let router = hoptac_web::router(app.app.clone(), std::sync::Arc::new(hoptac_web::WordOnly));
    let req = Request::get(uri)
        .header(header::HOST, "truyxuat.hoptac.example")
        .body(Body::empty())
        .unwrap();
    send_to(&router, req).await
}

#[tokio::test]
async fn a_lots_page_answers_signed_out_with_its_journey_and_no_private_field() {
    let (admin, _d) = demo_app().await;
    let r = anonymous(&admin, "/01/08938888000015/10/G2026-03-A").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    for words in [
        "Gạo thơm Tân Kiều",
        "HTX DVNN Tân Kiều",
        "★★★★",
        "G2026-03-A",
        // from the paddy's harvest on its planting area to the shipping
        "01/03/2026 06:30",
        "VN-87-872-30049-01-21",
        "Sơ chế, chế biến",
        "Xuất hàng, vận chuyển",
        "<svg",
    ] {
        assert!(r.body.contains(words), "{words} in {}", r.body);
    }
    // the sibling lot's milling is not this lot's journey
    assert!(!r.body.contains("G2026-03-B"), "{}", r.body);
    // nothing of the cooperative's people or figures
    let snap = admin.app.snapshot().await.unwrap();
    for m in snap
        .managers
        .iter()
        .filter(|m| m.org.as_str() == "HTX-TM-07")
    {
        assert!(
            !r.body.contains(&m.full_name),
            "{} on the public page",
            m.full_name
        );
    }
    for words in ["Doanh thu", "doanh thu", "HTX-TM-07", "canbo", "_csrf"] {
        assert!(!r.body.contains(words), "{words} on the public page");
    }
    // the product's own page, and the QR code of an address on the request's host
    let p = anonymous(&admin, "/01/8938888000015").await;
    assert_eq!(p.status, StatusCode::OK);
    let qr = anonymous(&admin, "/01/08938888000015/10/G2026-03-A/qr.svg").await;
    assert_eq!(qr.status, StatusCode::OK);
    assert_eq!(qr.headers[header::CONTENT_TYPE], "image/svg+xml");
    assert!(
        qr.body.starts_with("<?xml") || qr.body.contains("<svg"),
        "{}",
        qr.body
    );
    // English on the switch
    let router = hoptac_web::router(admin.app.clone(), std::sync::Arc::new(hoptac_web::WordOnly));
    let en = send_to(
        &router,
        Request::get("/01/08938888000015/10/G2026-03-A")
            .header(header::COOKIE, "lang=en")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        en.body.contains("journey") && en.body.contains("Processing"),
        "{}",
        en.body
    );
    // unknown lots, wrong GTINs and products not marked public answer 404
    let mut hidden = snap.products.product("SP-TM-TRASEN").unwrap().clone();
    hidden.public = false;
    assert!(
        admin
            .app
            .save_product(
                &hoptac_app::Actor::system(),
                Some("SP-TM-TRASEN"),
                hidden,
                admin
                    .app
                    .row_version("products", "SP-TM-TRASEN")
                    .await
                    .unwrap()
            )
            .await
            .unwrap()
            .is_empty()
    );
    for uri in [
        "/01/08938888000015/10/NONE",
        "/01/08938888000016",
        "/01/not-a-gtin",
        "/01/08938888000022",
    ] {
        assert_eq!(
            anonymous(&admin, uri).await.status,
            StatusCode::NOT_FOUND,
            "{uri}"
        );
    }
}
