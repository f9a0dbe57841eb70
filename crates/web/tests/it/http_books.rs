//! The books in the browser: the cooperative's accountant reads its journal and statements,
//! posts a voucher from the form (accounts offered by number and by name without
//! diacritics), is told plainly what is wrong with an unbalanced one, closes and reopens the
//! year; the offices read and post nothing; another cooperative's books are not found.

use crate::demo_app;
use crate::http::{enc, get, post_form};
use axum::http::StatusCode;

fn version(body: &str) -> String {
    let at = body
        .find("name=\"_version\" value=\"")
        .expect("a version field")
        + 23;
    body[at..].split('"').next().unwrap().to_string()
}

fn voucher(version: &str, number: &str, debit: &str, credit: &str) -> String {
    format!(
        "kind=receipt&number={number}&date={}&description={}&account_0={}&debit_0={}&credit_0=&account_1=5113&debit_1=&credit_1={}&_version={version}",
        enc("03/12/2026"),
        enc("Thu tiền dịch vụ sấy lúa"),
        enc("1111 — Tiền Việt Nam"),
        enc(debit),
        enc(credit),
    )
}

#[tokio::test]
async fn the_accountant_posts_a_voucher_and_sees_the_books_and_statements() {
    let (admin, _d) = demo_app().await;
    let own = admin.as_user("htx.tankieu").await;
    let list = get(&own, "/books").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("/books/HTX-TM-07/2025"), "{}", list.body);
    assert!(
        !list.body.contains("HTX-TM-01"),
        "another cooperative's books are not listed"
    );
    let year = get(&own, "/books/HTX-TM-07/2026").await;
    assert_eq!(year.status, StatusCode::OK, "{}", year.body);
    assert!(year.body.contains("id=\"journal\"") && year.body.contains("id=\"new-voucher\""));
    let form = get(&own, "/books/HTX-TM-07/2026/vouchers/new").await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.body.contains("value=\"5113\" label=\"5113 — Doanh thu cung cấp dịch vụ (doanh thu cung cap dich vu)\""),
        "type-ahead by name without diacritics"
    );
    assert!(
        !form.body.contains("value=\"511\" "),
        "a heading account is not offered"
    );
    let v = version(&form.body);
    let bad = post_form(
        &own,
        "/books/HTX-TM-07/2026/vouchers/new",
        &voucher(&v, "PT-WEB-1", "1.500.000", "1.400.000"),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("1.500.000 / 1.400.000"), "{}", bad.body);
    assert!(bad.body.contains("Chứng từ không cân"), "{}", bad.body);
    assert!(
        bad.body.contains("value=\"PT-WEB-1\""),
        "what was typed stays"
    );
    let good = post_form(
        &own,
        "/books/HTX-TM-07/2026/vouchers/new",
        &voucher(&v, "PT-WEB-1", "1.500.000", "1.500.000"),
    )
    .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
    let after = get(&own, "/books/HTX-TM-07/2026?month=12").await;
    assert!(after.body.contains("Phiếu thu PT-WEB-1"), "{}", after.body);
    assert!(after.body.contains("1.500.000"));
    // the form read before the voucher landed is stale now
    let stale = post_form(
        &own,
        "/books/HTX-TM-07/2026/vouchers/new",
        &voucher(&v, "PT-WEB-2", "5", "5"),
    )
    .await;
    assert_eq!(
        stale.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        stale.body
    );
    let s = get(&own, "/books/HTX-TM-07/2025/statements").await;
    assert_eq!(s.status, StatusCode::OK, "{}", s.body);
    assert!(s.body.contains("id=\"b01-balanced\""), "{}", s.body);
    assert!(s.body.contains("TỔNG CỘNG NGUỒN VỐN") && s.body.contains("data-code=\"60\""));
    let cash = get(&own, "/books/HTX-TM-07/2025/accounts/111").await;
    assert_eq!(cash.status, StatusCode::OK, "{}", cash.body);
    assert!(
        cash.body.contains("id=\"account-book\"") && cash.body.contains("5113"),
        "{}",
        cash.body
    );
    assert!(
        s.body.contains("/books/HTX-TM-07/2025/accounts/111"),
        "F01 links to the Sổ Cái"
    );
    assert_eq!(
        get(&own, "/books/HTX-TM-07/2025/accounts/999").await.status,
        StatusCode::NOT_FOUND
    );
    let xlsx = get(&own, "/books/HTX-TM-07/2025/statements.xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let journal = get(&own, "/books/HTX-TM-07/2025/journal.txt").await;
    assert!(
        journal
            .body
            .starts_with("; hoptac: sổ kế toán HTX-TM-07 năm 2025"),
        "{}",
        journal.body
    );
}

#[tokio::test]
async fn the_year_is_reopened_with_a_reason_and_closed_again() {
    let (admin, _d) = demo_app().await;
    let own = admin.as_user("htx.tankieu").await;
    let page = get(&own, "/books/HTX-TM-07/2025").await;
    assert!(page.body.contains("id=\"reopen-form\""), "{}", page.body);
    let v = version(&page.body);
    let no_reason = post_form(
        &own,
        "/books/HTX-TM-07/2025/reopen",
        &format!("reason=&_version={v}"),
    )
    .await;
    assert_eq!(
        no_reason.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        no_reason.body
    );
    assert!(
        no_reason.body.contains("id=\"year-error\"") && no_reason.body.contains("Cần ghi lý do"),
        "the reason is asked for on the year's page: {}",
        no_reason.body
    );
    assert!(no_reason.body.contains("id=\"reopen-form\""));
    let r = post_form(
        &own,
        "/books/HTX-TM-07/2025/reopen",
        &format!("reason={}&_version={v}", enc("Điều chỉnh khấu hao")),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let open = get(&own, "/books/HTX-TM-07/2025").await;
    assert!(open.body.contains("id=\"close-form\""), "{}", open.body);
    let c = post_form(
        &own,
        "/books/HTX-TM-07/2025/close",
        &format!("_version={}", version(&open.body)),
    )
    .await;
    assert_eq!(c.status, StatusCode::SEE_OTHER, "{}", c.body);
    assert!(
        get(&own, "/books/HTX-TM-07/2025")
            .await
            .body
            .contains("KC-2025")
    );
}

#[tokio::test]
async fn the_offices_read_the_books_and_post_nothing() {
    let (admin, _d) = demo_app().await;
    for office in ["canbo", "xa.tankieu"] {
        let o = admin.as_user(office).await;
        let page = get(&o, "/books/HTX-TM-07/2026").await;
        assert_eq!(page.status, StatusCode::OK, "{office}");
        assert!(
            !page.body.contains("id=\"new-voucher\"") && !page.body.contains("id=\"close-form\""),
            "{office}"
        );
        let form = get(&o, "/books/HTX-TM-07/2026/vouchers/new").await;
        assert_eq!(form.status, StatusCode::FORBIDDEN, "{office}");
        let v = version(
            &page
                .body
                .replace("id=\"journal\"", "name=\"_version\" value=\"1\""),
        );
        let post = post_form(
            &o,
            "/books/HTX-TM-07/2026/vouchers/new",
            &voucher(&v, "PT-X", "5", "5"),
        )
        .await;
        assert_eq!(post.status, StatusCode::FORBIDDEN, "{office}");
    }
    let commune = admin.as_user("xa.tankieu").await;
    let other = get(&commune, "/books/HTX-TM-01/2025").await;
    assert_eq!(
        other.status,
        StatusCode::NOT_FOUND,
        "another commune's cooperative"
    );
    let own = admin.as_user("htx.tankieu").await;
    assert_eq!(
        get(&own, "/books/HTX-TM-01/2025/statements").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_org_page_shows_the_figures_from_the_books_beside_the_typed_ones() {
    let (admin, _d) = demo_app().await;
    let office = admin.as_user("canbo").await;
    let page = get(&office, "/orgs/HTX-TM-07").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"book-figures\""), "{}", page.body);
    assert!(page.body.contains("/books/HTX-TM-07/2025/statements"));
    assert!(
        !page.body.contains("khác số liệu nhập"),
        "the demo's report is its books'"
    );
    // an organisation keeping no books shows no such table
    let other = get(&office, "/orgs/HTX-TM-04").await;
    assert!(!other.body.contains("id=\"book-figures\""));
}
