//! A commune officer on a phone records a Hội quán meeting: the form comes filled from the
//! last meeting, so the usual case is the number of people and "Lưu".

use super::{browser, login, serve, text, text_when};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_is_recorded_on_a_phone_in_a_few_taps() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    c.set_window_size(390, 844).await.unwrap();
    login(&c, &base, "xa.tankieu").await;
    c.goto(&format!("{base}/orgs/HQ-TM-05")).await.unwrap();
    c.wait()
        .for_element(Locator::Css("#club-page"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("#new-meeting"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // the first meeting of the month, typed: date, people, the official who came
    let fill = |css: &'static str, v: &'static str| {
        let c = c.clone();
        async move {
            let e = c.wait().for_element(Locator::Css(css)).await.unwrap();
            e.clear().await.unwrap();
            e.send_keys(v).await.unwrap();
        }
    };
    fill("#f-held_on", "01/12/2026").await;
    fill("#f-attendance", "27").await;
    fill("#f-officials", "Lê Văn Tâm | UBND xã | xã").await;
    c.find(Locator::Css("#save"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!(text(&c, "#notice").await.contains("Đã lưu buổi sinh hoạt"));
    // the next one comes proposed from it: today's date, its people and officials, so
    // "Lưu" is all a usual meeting needs
    c.wait()
        .for_element(Locator::Css("#new-meeting"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let value = |css: &'static str| {
        let c = c.clone();
        async move {
            c.wait()
                .for_element(Locator::Css(css))
                .await
                .unwrap()
                .prop("value")
                .await
                .unwrap()
                .unwrap_or_default()
        }
    };
    let day = value("#f-held_on").await;
    assert_eq!(day, hoptac_core::date::to_vi(hoptac_app::today()));
    assert_eq!(value("#f-attendance").await, "27");
    assert!(value("#f-officials").await.contains("Lê Văn Tâm | UBND xã"));
    // nothing to scroll sideways to reach "Lưu"
    let width: f64 = c
        .execute("return document.documentElement.scrollWidth", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(width <= 390.0, "no sideways scroll: {width}");
    c.find(Locator::Css("#save"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!(text(&c, "#notice").await.contains("Đã lưu buổi sinh hoạt"));
    // the club's page again, the new meeting on top of the first
    let rows = text_when(&c, "#meetings-table tbody", |t| t.contains(&day)).await;
    assert!(rows.contains("01/12/2026"), "{rows}");
    assert!(rows.contains("Lê Văn Tâm (UBND xã)"), "{rows}");
    c.close().await.unwrap();
}
