//! The office's daily work as a clerk clicks it: a report entered by mistake archived and
//! put back, a manager added and their term ended.

use super::{browser, login, serve, text, text_when};
use fantoccini::{Client, Locator};

async fn click(c: &Client, css: &str) {
    c.wait()
        .for_element(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

async fn type_into(c: &Client, css: &str, s: &str) {
    let e = c.find(Locator::Css(css)).await.unwrap();
    e.clear().await.unwrap();
    e.send_keys(s).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_entered_by_mistake_is_archived_and_restored_in_the_browser() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    login(&c, &base, "canbo").await;
    c.goto(&format!("{base}/orgs/HTX-TM-07")).await.unwrap();
    click(&c, "a[href='/orgs/HTX-TM-07/reports/2024/archive']").await;
    // no reason first: refused on the form, nothing archived
    click(&c, "#save").await;
    let e = text(&c, "#error-reason").await;
    assert!(e.contains("Cần ghi lý do"), "{e}");
    type_into(&c, "#f-reason", "Nhập trùng năm 2024").await;
    click(&c, "#save").await;
    let archived = text(&c, "#archived-reports").await;
    assert!(
        archived.contains("2024") && archived.contains("Nhập trùng năm 2024"),
        "{archived}"
    );
    assert!(
        text(&c, "#notice")
            .await
            .contains("Đã lưu trữ báo cáo năm 2024")
    );
    let years = text(&c, "#reports tbody").await;
    assert!(!years.lines().any(|l| l.starts_with("2024")), "{years}");
    click(&c, "button.restore-report").await;
    text_when(&c, "#notice", |t| t.contains("Đã khôi phục")).await;
    let years = text(&c, "#reports tbody").await;
    assert!(years.lines().any(|l| l.starts_with("2024")), "{years}");
    assert!(
        text(&c, "#archived-reports")
            .await
            .contains("Đã khôi phục lúc")
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_is_added_and_their_term_ended_in_the_browser() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    // a commune officer, on a phone
    c.set_window_size(390, 844).await.unwrap();
    login(&c, &base, "xa.tankieu").await;
    c.goto(&format!("{base}/orgs/HTX-TM-07")).await.unwrap();
    click(&c, "#add-manager").await;
    type_into(&c, "#f-full_name", "Phan Thị Ngọc Ánh").await;
    c.find(Locator::Css("#f-role"))
        .await
        .unwrap()
        .select_by_value("accountant")
        .await
        .unwrap();
    type_into(&c, "#f-from", "1/2/2024").await;
    click(&c, "#save").await;
    let rows = text(&c, "#managers-table").await;
    let row = rows
        .lines()
        .find(|l| l.contains("Phan Thị Ngọc Ánh"))
        .unwrap_or_else(|| panic!("{rows}"))
        .to_string();
    assert!(
        row.contains("Kế toán") && row.contains("01/02/2024"),
        "{row}"
    );
    let edit = c
        .find(Locator::XPath(
            "//table[@id='managers-table']//tr[td[1]='Phan Thị Ngọc Ánh']//a[@class='edit-manager']",
        ))
        .await
        .unwrap();
    edit.click().await.unwrap();
    type_into(&c, "#f-to", "31/12/2025").await;
    type_into(&c, "#f-trained_on", "15/03/2025").await;
    click(&c, "#save").await;
    let rows = text(&c, "#managers-table").await;
    let row = rows
        .lines()
        .find(|l| l.contains("Phan Thị Ngọc Ánh"))
        .unwrap_or_else(|| panic!("{rows}"))
        .to_string();
    assert!(
        row.contains("01/02/2024 – 31/12/2025") && row.contains("15/03/2025"),
        "{row}"
    );
    let width: f64 = c
        .execute("return document.documentElement.scrollWidth", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(
        width <= 390.0,
        "the page does not scroll sideways on a phone: {width}"
    );
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_submitted_sheet_appears_on_the_reviewers_to_do_page() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    login(&c, &base, "canbo").await;
    c.goto(&format!("{base}/todo")).await.unwrap();
    let before = text(&c, "main").await;
    assert!(!before.contains("HTX-TM-11"), "{before}");
    c.goto(&format!("{base}/evaluations/HTX-TM-11/2025"))
        .await
        .unwrap();
    click(&c, "#ev-submit").await;
    c.wait()
        .for_element(Locator::Css("input[name='a.TC3.a']"))
        .await
        .unwrap();
    click(&c, "#todo-link").await;
    let review = text(&c, "#to-review").await;
    assert!(
        review.contains("2025") && review.contains("HTX-TM-11"),
        "{review}"
    );
    let n: usize = text(&c, "#todo-count").await.parse().unwrap();
    assert!(n >= 1);
    click(&c, "#to-review a").await;
    c.wait()
        .for_element(Locator::Css("input[name='a.TC3.a']"))
        .await
        .unwrap();
    c.close().await.unwrap();
}

/// What a page shows that a thumb cannot use: the page wider than the screen, controls
/// (buttons, inputs, selects, menu links) lower than 40 px, and inputs of the main column
/// off the screen's sides (a wide table's inputs reached only by scrolling it).
const LAYOUT_PROBLEMS: &str = r#"
var out = [];
var w = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth > w + 1) out.push("page scrolls sideways: " + document.documentElement.scrollWidth + " > " + w);
var els = document.querySelectorAll("button, input:not([type=hidden]), select, textarea, header nav a, a.button, .pager a");
for (var i = 0; i < els.length; i++) {
  var e = els[i], r = e.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (e.type === "checkbox" || e.type === "radio") { if (e.closest("label") && e.closest("label").getBoundingClientRect().height >= 40) continue; }
  var name = e.id || e.name || e.textContent.trim().slice(0, 30) || e.tagName;
  if (r.height < 40 && arguments[0]) out.push(name + " is " + Math.round(r.height) + " px high");
  // an input reached only by scrolling a table sideways is not on screen for a thumb
  if (arguments[0] && e.closest("main") && (r.right > w + 1 || r.left < -1)) out.push(name + " is off screen (" + Math.round(r.left) + "–" + Math.round(r.right) + " of " + w + ")");
}
return out;
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_main_page_fits_a_phone_and_an_office_screen() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    login(&c, &base, "canbo").await;
    let pages = [
        "/",
        "/todo",
        "/orgs",
        "/orgs/HTX-TM-07",
        "/orgs/HTX-TM-07/managers/new",
        "/orgs/HTX-TM-07/reports/2025/edit",
        "/evaluations",
        "/evaluations/HTX-TM-11/2025",
        "/plans",
        "/quality",
        "/import",
        "/audit",
        "/report/situation",
        "/indicators/htx.founded/records?from=2016&to=2020",
        "/quality/cases/1",
        "/orgs/HQ-TM-05/club",
        "/orgs/HQ-TM-05/meetings/new",
        "/training",
        "/training/new",
        "/training/TM-2023-127",
        "/support",
        "/support/paid/new",
        "/support/events/new",
        "/plans/TM-KTTT-2021-2026/tasks",
        "/plans/TM-KTTT-2021-2026/tasks/II.5.1",
        "/products",
        "/products/SP-TM-GAO",
        "/products/new",
        "/products/SP-TM-GAO/ocop/new",
        "/trace",
        "/trace/lots/SP-TM-GAO/G2026-03-A",
        "/trace/contracts/HDLK-2026-02/deliveries/new",
        "/trace/lots/new",
    ];
    let mut problems = Vec::new();
    for (w, h, phone) in [(390, 844, true), (1280, 900, false)] {
        c.set_window_size(w, h).await.unwrap();
        for p in pages {
            c.goto(&format!("{base}{p}")).await.unwrap();
            c.wait().for_element(Locator::Css("main")).await.unwrap();
            let found = c
                .execute(LAYOUT_PROBLEMS, vec![serde_json::json!(phone)])
                .await
                .unwrap();
            for f in found.as_array().unwrap() {
                problems.push(format!("{w}×{h} {p}: {}", f.as_str().unwrap()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    c.close().await.unwrap();
}

/// The office closes the 2024 reporting year of its district on the review page; the
/// cooperative, signed in on its own, then finds its 2024 figures refused, with who closed it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_year_refuses_the_cooperatives_figures_in_the_browser() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    login(&c, &base, "canbo").await;
    c.goto(&format!("{base}/quality?scope=872")).await.unwrap();
    type_into(&c, "#year-lock-form input[name=year]", "2024").await;
    type_into(&c, "#year-lock-form input[name=reason]", "Hết hạn báo cáo").await;
    click(&c, "#year-lock-form button[type=submit]").await;
    text_when(&c, "main", |t| t.contains("Hết hạn báo cáo")).await;
    c.delete_all_cookies().await.unwrap();
    login(&c, &base, "htx.tankieu").await;
    c.goto(&format!("{base}/orgs/HTX-TM-07/reports/2024/edit"))
        .await
        .unwrap();
    type_into(&c, "#f-members", "295").await;
    click(&c, "#save").await;
    let refused = text_when(&c, "main", |t| t.contains("đã khóa sổ")).await;
    assert!(refused.contains("canbo"), "who closed it: {refused}");
    c.close().await.unwrap();
}

/// The registry filtered to operating HTX founded in 2020 downloads as a workbook of
/// exactly those rows, the filters at its head.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_filtered_registry_is_exported_from_the_browser() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    login(&c, &base, "canbo").await;
    c.goto(&format!("{base}/orgs?kind=HTX&status=active"))
        .await
        .unwrap();
    let href = c
        .wait()
        .for_element(Locator::Css("#export-list"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    assert!(
        href.contains("kind=HTX") && href.contains("status=active"),
        "{href}"
    );
    // the download as the browser's session fetches it
    let bytes: Vec<u8> = c
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b))));"#,
            vec![serde_json::json!(href)],
        )
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as u8)
        .collect();
    let book = hoptac_exchange::read::read_xlsx(&bytes).unwrap();
    let rows = &book.sheets[0].rows;
    let shown: usize = text(&c, "#total")
        .await
        .split_whitespace()
        .next()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap();
    let data = rows.iter().filter(|(n, _)| *n > 4).count();
    assert_eq!(data, shown, "the workbook holds the rows the page counts");
    c.close().await.unwrap();
}

/// A page answered to an upload keeps the CSRF token out of the address bar (the token is in
/// the upload's address, where the server checks it): the address keeps its other parts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_leaves_the_csrf_token_in_the_address_bar() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    login(&c, &base, "canbo").await;
    c.goto(&format!("{base}/orgs?_csrf=abc123&kind=HTX"))
        .await
        .unwrap();
    c.wait().for_element(Locator::Css("main")).await.unwrap();
    let mut href = String::new();
    for _ in 0..50 {
        href = c.current_url().await.unwrap().to_string();
        if !href.contains("_csrf") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        !href.contains("_csrf") && href.ends_with("/orgs?kind=HTX"),
        "{href}"
    );
    c.close().await.unwrap();
}
