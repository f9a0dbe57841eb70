//! Done when (issue 17): a buyer scans a label's QR code on a phone and, signed out, sees
//! the lot's product, cooperative, OCOP stars, origin and journey — and no private field —
//! in Vietnamese, then in English with the switch.

use super::{browser, serve, text};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lots_public_page_opens_signed_out_on_a_phone() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&format!("{base}/01/08938888000015/10/G2026-03-A"))
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("#timeline"))
        .await
        .unwrap();
    let facts = text(&c, "#public-facts").await;
    for words in ["HTX DVNN Tân Kiều", "★★★★", "G2026-03-A", "DT-CSDG-0001"] {
        assert!(facts.contains(words), "{words} in {facts}");
    }
    let journey = text(&c, "#timeline").await;
    assert!(
        journey.contains("Thu hoạch") && journey.contains("VN-87-872-30049-01-21"),
        "{journey}"
    );
    let page = text(&c, "body").await;
    for private in ["Đăng nhập", "Doanh thu", "Chủ tịch", "Giám đốc"] {
        assert!(
            !page.contains(private),
            "{private} on the public page: {page}"
        );
    }
    let width: f64 = c
        .execute("return document.body.scrollWidth", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(width <= 400.0, "the page does not scroll sideways: {width}");
    let qr: bool = c
        .execute("return !!document.querySelector('#qr svg')", vec![])
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(qr, "the QR code is drawn");
    c.find(Locator::Css("#lang-switch"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::XPath("//h2[contains(., 'journey')]"))
        .await
        .unwrap();
    assert!(text(&c, "#timeline").await.contains("Harvesting"));
    c.close().await.unwrap();
}
