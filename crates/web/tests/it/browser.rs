//! Real-browser tests: headless Chromium through chromedriver, against the app served on a
//! loopback port. CI installs chromium and chromium-driver; without them these tests fail
//! (there is no switch that turns them into passes: on a machine without a browser, leave
//! them out with `cargo nextest run -E 'not test(browser::)'`, and nextest counts them as
//! skipped).

mod books;
mod clubs;
mod daily;
mod public;

use crate::demo_app;
use fantoccini::{Client, ClientBuilder, Locator};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn browser() -> (fantoccini::Client, Driver, tempfile::TempDir) {
    let port = free_port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver not found: install chromium and chromium-driver (apt-get install chromium chromium-driver) or leave the browser tests out with -E 'not test(browser::)'");
    let driver = Driver(child);
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let profile = tempfile::tempdir().unwrap();
    let args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
    ];
    let mut args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.path().display()));
    let mut caps = serde_json::Map::new();
    let mut chrome = serde_json::json!({ "args": args });
    if std::path::Path::new("/usr/bin/chromium").exists() {
        chrome["binary"] = "/usr/bin/chromium".into();
    }
    caps.insert("goog:chromeOptions".into(), chrome);
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a chromedriver session");
    (client, driver, profile)
}

async fn serve() -> (String, hoptac_store_conformance::TestDb) {
    let (app, dir) = demo_app().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(hoptac_web::serve(
        app.app.clone(),
        std::sync::Arc::new(hoptac_web::WordOnly),
        listener,
    ));
    (format!("http://{addr}"), dir)
}

/// Signs in through the login page, as a person would.
async fn login(c: &fantoccini::Client, base: &str, username: &str) {
    c.goto(&format!("{base}/orgs")).await.unwrap();
    c.wait()
        .for_element(Locator::Css("#login-form"))
        .await
        .unwrap();
    c.find(Locator::Css("#username"))
        .await
        .unwrap()
        .send_keys(username)
        .await
        .unwrap();
    c.find(Locator::Css("#password"))
        .await
        .unwrap()
        .send_keys(hoptac_demo::district::DEMO_PASSWORD)
        .await
        .unwrap();
    c.find(Locator::Css("#login-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait().for_element(Locator::Css("#who")).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_search_without_diacritics_and_a_form_error() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    login(&c, &base, "canbo").await;

    // the dashboard shows the part-A figures
    c.goto(&format!("{base}/?from=2016&to=2020")).await.unwrap();
    let table = c
        .find(Locator::Css("#indicators"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        table.contains("2.697") && table.contains("-8,70%"),
        "{table}"
    );

    // the registry finds "Tân Kiều" from "tan kieu"
    c.goto(&format!("{base}/orgs")).await.unwrap();
    let q = c.find(Locator::Css("#q")).await.unwrap();
    q.send_keys("tan kieu").await.unwrap();
    c.find(Locator::Css("#search-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // wait for the filtered page, not the full list the link also stands on
    for _ in 0..100 {
        if c.current_url().await.unwrap().as_str().contains("q=tan") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let link = c
        .wait()
        .for_element(Locator::LinkText("HTX DVNN Tân Kiều"))
        .await
        .unwrap();
    let rows = c
        .find(Locator::Css("#orgs tbody"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!rows.contains("Mỹ Quý"), "{rows}");

    // open it, then submit a form with a mistake and see the message beside the field
    link.click().await.unwrap();
    c.wait()
        .for_element(Locator::Css("#org-name"))
        .await
        .unwrap();
    c.goto(&format!("{base}/orgs/new")).await.unwrap();
    c.find(Locator::Css("#f-code"))
        .await
        .unwrap()
        .send_keys("BROWSER-1")
        .await
        .unwrap();
    c.find(Locator::Css("#f-name"))
        .await
        .unwrap()
        .send_keys("HTX Thử Trình Duyệt")
        .await
        .unwrap();
    c.find(Locator::Css("#save"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let err = c
        .wait()
        .for_element(Locator::Css("#error-founded_on"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(err.contains("Thiếu giá trị bắt buộc"), "{err}");
    let kept = c
        .find(Locator::Css("#f-name"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        kept.as_deref(),
        Some("HTX Thử Trình Duyệt"),
        "the typed value is kept"
    );

    // English is one click away
    c.find(Locator::Css("#lang-switch"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let h = c
        .wait()
        .for_element(Locator::Css("#lang-switch"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(h, "Tiếng Việt");
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn phone_sized_screen_keeps_the_registry_usable() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    c.set_window_size(390, 844).await.unwrap();
    login(&c, &base, "xem").await;
    c.goto(&format!("{base}/orgs?q=my+dong")).await.unwrap();
    let body_width: f64 = c
        .execute("return document.body.scrollWidth", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(
        body_width <= 400.0,
        "the page does not scroll sideways: {body_width}"
    );
    let rows = c
        .find(Locator::Css("#orgs tbody"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(rows.contains("HTX DVNN Mỹ Đông 2"));
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cooperative_sheet_is_scored_corrected_and_submitted_in_the_browser() {
    let (c, _driver, _profile) = browser().await;
    let (base, _db) = serve().await;
    login(&c, &base, "quantri").await;
    c.goto(&format!("{base}/evaluations/HTX-TM-11/2025"))
        .await
        .unwrap();
    let line = Locator::Css("input[name='s.TC3.a']");
    let input = c.find(line).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys("4,5").await.unwrap();
    c.find(Locator::Css("button[value='save']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // refused, the line named and the typed value kept
    let err = c
        .wait()
        .for_element(Locator::Css("#ev-error"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(err.contains("TC3.a") && err.contains("4,5"), "{err}");
    let input = c.find(line).await.unwrap();
    assert_eq!(input.prop("value").await.unwrap().as_deref(), Some("4,5"));
    input.clear().await.unwrap();
    input.send_keys("3,5").await.unwrap();
    c.find(Locator::Css("#ev-submit"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // the submitted page: the district administrator may now review (its inputs appear
    // only there, so waiting for them waits for the new page, not the old one)
    c.wait()
        .for_element(Locator::Css("input[name='a.TC3.a']"))
        .await
        .unwrap();
    let result = c
        .find(Locator::Css("#ev-result"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(result.contains("HTX đã nộp"), "{result}");
    c.close().await.unwrap();
}

/// A new office's first run: its administrator signs in on an empty database, is sent to the
/// first-run page, types part of the province's name without diacritics, sees the matches
/// refresh as they type, and chooses; the province is loaded with both versions and becomes
/// the dashboard's scope. On a phone-sized screen, as a commune officer might do it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_administrator_chooses_the_office_unit_by_typing_its_name() {
    let (c, _driver, _profile) = browser().await;
    let (store, _db) = hoptac_store_conformance::TestDb::new().await;
    let app = hoptac_app::App::new(store);
    app.ensure_seed().await.unwrap();
    app.create_account(
        &hoptac_app::Actor::system(),
        hoptac_core::auth::Account {
            username: "quantri".into(),
            display_name: "Quản trị".into(),
            role: hoptac_core::auth::Role::Admin,
            scope: hoptac_core::auth::Scope::All,
            must_change_password: false,
            disabled: false,
        },
        Some(hoptac_demo::district::DEMO_PASSWORD),
    )
    .await
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(hoptac_web::serve(
        app.clone(),
        std::sync::Arc::new(hoptac_web::WordOnly),
        listener,
    ));
    c.set_window_size(390, 844).await.unwrap();
    login(&c, &base, "quantri").await;
    c.goto(&format!("{base}/")).await.unwrap();
    let q = c.wait().for_element(Locator::Css("#unit-q")).await.unwrap();
    assert!(c.current_url().await.unwrap().as_str().ends_with("/setup"));
    q.send_keys("dong thap").await.unwrap();
    // the list refreshes as the user types: no button pressed
    let choose = c
        .wait()
        .for_element(Locator::Css("button.choose[data-code='82']"))
        .await
        .unwrap();
    let hits = c
        .find(Locator::Css("#unit-hits"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(hits.contains("Tỉnh Đồng Tháp"), "{hits}");
    choose.click().await.unwrap();
    c.wait()
        .for_element(Locator::Css("#indicators"))
        .await
        .unwrap();
    let office = app.office_unit().await.unwrap().unwrap();
    assert_eq!(
        (office.code.as_str(), office.name.as_str()),
        ("82", "Tỉnh Đồng Tháp")
    );
    assert_eq!(app.store().counts().await.unwrap().units, 433);
    // the dashboard's scope is the office's unit
    let selected = c
        .find(Locator::Css("select[name='scope'] option[selected]"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(selected.contains("Đồng Tháp"), "{selected}");
    c.close().await.unwrap();
}

/// The text of the element `css`, once it is there.
pub(crate) async fn text(c: &Client, css: &str) -> String {
    c.wait()
        .for_element(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The text of `css` once it satisfies `ok`: a page that is being replaced still shows its
/// old element for a moment (and then loses it), so the new page's is waited for.
pub(crate) async fn text_when(c: &Client, css: &str, ok: impl Fn(&str) -> bool) -> String {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(e) = c.find(Locator::Css(css)).await
            && let Ok(t) = e.text().await
        {
            if ok(&t) {
                return t;
            }
            last = t;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{css} never satisfied the test; last text: {last:?}");
}
