//! The cooperative's accountant enters a voucher in the browser on an old PC's screen: the
//! keyboard from the first field to the last, the difference of debits and credits shown as
//! the amounts are typed, the account found by its number, the voucher in the journal after
//! saving.

use super::{browser, login, serve, text, text_when};
use fantoccini::Locator;
use fantoccini::key::Key;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_voucher_is_typed_with_its_balance_shown_live_and_lands_in_the_journal() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    login(&c, &base, "htx.tankieu").await;
    c.set_window_size(1024, 768).await.unwrap();
    c.goto(&format!("{base}/books/HTX-TM-07/2026/vouchers/new"))
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("#voucher-form"))
        .await
        .unwrap();
    let field = |id: &'static str| {
        let c = c.clone();
        async move { c.find(Locator::Css(id)).await.unwrap() }
    };
    field("#f-number")
        .await
        .send_keys("PT-TRINH-DUYET")
        .await
        .unwrap();
    let day = field("#f-date").await;
    day.clear().await.unwrap();
    day.send_keys("04/12/2026").await.unwrap();
    field("#f-description")
        .await
        .send_keys("Thu tiền sấy lúa vụ Thu Đông")
        .await
        .unwrap();
    field("#f-account_0").await.send_keys("1111").await.unwrap();
    field("#f-debit_0")
        .await
        .send_keys("2.750.000")
        .await
        .unwrap();
    assert_eq!(
        text_when(&c, "#balance", |t| t == "2.750.000").await,
        "2.750.000"
    );
    field("#f-account_1").await.send_keys("5113").await.unwrap();
    // Tab from the account to its debit, then to its credit: keyboard only
    field("#f-account_1")
        .await
        .send_keys(&format!("{}{}", Key::Tab, Key::Tab))
        .await
        .unwrap();
    let active = c.active_element().await.unwrap();
    assert_eq!(
        active.attr("id").await.unwrap().as_deref(),
        Some("f-credit_1")
    );
    active.send_keys("2.700.000").await.unwrap();
    assert_eq!(text_when(&c, "#balance", |t| t == "50.000").await, "50.000");
    active
        .send_keys(Key::Backspace.to_string().repeat(9).as_str())
        .await
        .unwrap();
    active.send_keys("2.750.000").await.unwrap();
    assert_eq!(text_when(&c, "#balance", |t| t == "0").await, "0");
    field("#save").await.click().await.unwrap();
    let journal = text_when(&c, "#journal", |t| t.contains("PT-TRINH-DUYET")).await;
    assert!(journal.contains("2.750.000"), "{journal}");
    assert!(text(&c, "#notice").await.len() > 1);
    c.close().await.unwrap();
}
