//! The first-run page over HTTP: a search is a GET that writes nothing, finds units without
//! diacritics and sends the list alone to the type-ahead; only an administrator of
//! everything chooses (a refusal is audited); the choice becomes the default scope.

use crate::TestApp;
use crate::http::{get, post_form};
use axum::http::{StatusCode, header};
use hoptac_core::auth::{Account, Role, Scope};

async fn fresh() -> (TestApp, hoptac_store_conformance::TestDb) {
    let (store, dir) = hoptac_store_conformance::TestDb::new().await;
    let app = hoptac_app::App::new(store);
    app.ensure_seed().await.unwrap();
    for (name, role) in [("quantri", Role::Admin), ("xem", Role::Viewer)] {
        app.create_account(
            &hoptac_app::Actor::system(),
            Account {
                username: name.into(),
                display_name: name.into(),
                role,
                scope: Scope::All,
                must_change_password: false,
                disabled: false,
            },
            Some(hoptac_demo::district::DEMO_PASSWORD),
        )
        .await
        .unwrap();
    }
    let t = TestApp {
        app,
        cookie: String::new(),
        csrf: String::new(),
    };
    (t.as_user("quantri").await, dir)
}

async fn audit_rows(t: &TestApp) -> usize {
    t.app
        .store()
        .audit(&hoptac_store::AuditQuery {
            limit: 100_000,
            ..Default::default()
        })
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn the_first_run_finds_chooses_and_sets_the_default_scope() {
    let (t, _d) = fresh().await;
    let home = get(&t, "/").await;
    assert_eq!(home.status, StatusCode::SEE_OTHER);
    assert_eq!(home.headers.get(header::LOCATION).unwrap(), "/setup");
    let before = audit_rows(&t).await;
    let page = get(&t, "/setup?q=doc%20binh%20kieu").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Xã Đốc Binh Kiều") && page.body.contains("Tỉnh Đồng Tháp"));
    assert!(page.body.contains("<html"), "the whole page");
    let part = get(&t, "/setup?q=DOC%20BINH&fragment=1").await;
    assert!(part.body.contains("data-code=\"30061\"") && !part.body.contains("<html"));
    assert!(
        get(&t, "/setup?q=zzzz&fragment=1")
            .await
            .body
            .contains("no-unit")
    );
    assert_eq!(audit_rows(&t).await, before, "a search writes nothing");

    // a viewer may look but not choose: refused and audited, nothing loaded
    let viewer = t.as_user("xem").await;
    assert!(
        !get(&viewer, "/setup?q=dong%20thap")
            .await
            .body
            .contains("class=\"choose\"")
    );
    let r = post_form(&viewer, "/setup", "code=82").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(t.app.store().counts().await.unwrap().units, 0);
    assert!(audit_rows(&t).await > before, "the refusal is audited");

    // a code the register does not hold in force is named
    let r = post_form(&t, "/setup", "code=30049").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(r.body.contains("30049"));

    // the new Xã Đốc Binh Kiều: its province is loaded, it is the dashboard's scope
    let r = post_form(&t, "/setup", "code=30061").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(t.app.store().counts().await.unwrap().units, 433);
    let home = get(&t, "/?from=2021&to=2025").await;
    assert!(
        home.body.contains("<option value=\"30061\" selected>"),
        "{}",
        home.body
    );
    // asked for everything, it is everything
    assert!(
        get(&t, "/?from=2021&to=2025&scope=")
            .await
            .body
            .contains("<option value=\"\" selected>")
    );
    let setup = get(&t, "/setup").await;
    assert!(setup.body.contains("office-unit") && setup.body.contains("Xã Đốc Binh Kiều (30061)"));
}

/// After loading the register, a cooperative of old Xã Phú Thuận B (split between Xã Long
/// Phú Thuận and Xã Tân Long on 01/07/2025) waits on the review page with both candidates;
/// the office places it with one click (a viewer may not); then it is counted there.
#[tokio::test]
async fn an_organisation_of_a_split_commune_is_placed_from_the_review_page() {
    let (t, _d) = fresh().await;
    let l = t
        .app
        .load_register(
            &hoptac_app::Actor::system(),
            &hoptac_app::RegisterChoice::Province("87".into()),
            true,
        )
        .await
        .unwrap();
    assert!(!l.outcome.has_errors());
    let book = crate::http::csv_book(&[
        (
            "organizations",
            "code,kind,name,sector,commune,founded_on\nHTX-PTB,HTX,HTX Phú Thuận B,agriculture,29995,2015-01-01\n",
        ),
        (
            "annual_reports",
            "org_code,year,members\nHTX-PTB,2024,30\nHTX-PTB,2025,31\n",
        ),
    ]);
    let o = t
        .app
        .import_book(&hoptac_app::Actor::system(), &book, true)
        .await
        .unwrap();
    assert!(!o.has_errors(), "{:?}", o.problems);
    let page = get(&t, "/quality?scope=&year=2025").await;
    assert!(page.body.contains("id=\"unplaced-orgs\""), "{}", page.body);
    assert!(page.body.contains("data-org=\"HTX-PTB\""));
    assert!(
        page.body.contains("<option value=\"29992\">")
            && page.body.contains("<option value=\"30154\">")
    );

    let viewer = t.as_user("xem").await;
    let r = post_form(
        &viewer,
        "/quality/place",
        "org=HTX-PTB&commune=30154&from=2025-07-01&scope=",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = post_form(
        &t,
        "/quality/place",
        "org=HTX-PTB&commune=30154&from=2025-07-01&scope=",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&t, "/quality?scope=&year=2025").await;
    assert!(
        !page.body.contains("data-org=\"HTX-PTB\""),
        "placed: no longer listed"
    );
    let s = t
        .app
        .stats(&hoptac_app::Actor::system(), 2025, 2025, Some("30154"))
        .await
        .unwrap();
    let v = hoptac_core::indicator::find(&s.indicators, "htx.active").unwrap();
    assert_eq!(
        v.value,
        Some(hoptac_core::Fixed::from_int(1)),
        "counted in Xã Tân Long"
    );
    // a commune it could not be in is named
    let r = post_form(
        &t,
        "/quality/place",
        "org=HTX-PTB&commune=99999&from=2025-07-01&scope=",
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("99999"));
}
