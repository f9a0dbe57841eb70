//! The national register in the binary: a new database holds no units until the office
//! loads its province; the load goes through the import's checks, scope and audit.

use super::{csv, sys};
use hoptac_app::{App, RegisterChoice};
use hoptac_core::auth::{Account, Role, Scope};
use hoptac_core::date::ymd;
use hoptac_core::indicator::find;
use hoptac_store::AuditQuery;

async fn empty() -> (App, hoptac_store_conformance::TestDb) {
    let (store, dir) = hoptac_store_conformance::TestDb::new().await;
    let app = App::new(store);
    app.ensure_seed().await.unwrap();
    (app, dir)
}

fn province(code: &str) -> RegisterChoice {
    RegisterChoice::Province(code.into())
}

#[tokio::test]
async fn a_new_database_holds_no_units_until_its_province_is_loaded() {
    let (app, _d) = empty().await;
    assert!(
        app.units_at(&sys(), None, None, None)
            .await
            .unwrap()
            .is_empty()
    );
    let l = app
        .load_register(&sys(), &province("82"), true)
        .await
        .unwrap();
    assert!(!l.outcome.has_errors(), "{:?}", l.outcome.problems);
    assert_eq!((l.provinces, l.communes), (3, 102 + 141 + 164));
    let on = ymd(2026, 1, 1);
    let communes = app
        .units_at(
            &sys(),
            on,
            Some("82"),
            Some(hoptac_core::AdminLevel::Commune),
        )
        .await
        .unwrap();
    assert_eq!(communes.len(), 102);
    let audit = app
        .audit_trail(
            &sys(),
            AuditQuery {
                entity: Some("admin_units".into()),
                limit: 1000,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(audit.len(), 433, "every stored unit version is audited");
}

/// Organisations imported against the register are counted like for like across the
/// reform: the new Xã Đốc Binh Kiều's 2020 base is old Tân Kiều plus old Đốc Binh Kiều.
#[tokio::test]
async fn statistics_across_the_reform_on_the_loaded_register() {
    let (app, _d) = empty().await;
    app.load_register(&sys(), &province("87"), true)
        .await
        .unwrap();
    let book = csv(&[(
        "organizations",
        "code,kind,name,sector,commune,founded_on\n\
         A,HTX,HTX Tân Kiều,agriculture,30049,2015-01-01\n\
         B,HTX,HTX Đốc Binh Kiều,agriculture,30061,2016-01-01\n\
         C,HTX,HTX Mỹ An,agriculture,30037,2016-01-01\n\
         D,HTX,HTX mới,agriculture,30061,2025-09-01\n",
    )]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(!o.has_errors(), "{:?}", o.problems);
    let s = app.stats(&sys(), 2020, 2025, Some("30061")).await.unwrap();
    let htx = find(&s.indicators, "htx.active").unwrap();
    let n = |x: i64| Some(hoptac_core::Fixed::from_int(x));
    assert_eq!((htx.base, htx.value), (n(2), n(3)));
    assert!(s.territory_note.is_some());
}

/// A commune officer may not store the country's register (refused whole, and audited); a
/// stored unit that contradicts the register is named, and nothing is written.
#[tokio::test]
async fn a_load_outside_the_scope_or_against_the_stored_units_is_refused_whole() {
    let (app, _d) = empty().await;
    app.load_register(&sys(), &province("87"), true)
        .await
        .unwrap();
    let commune = app.resolve_scope("30061").await.unwrap();
    app.create_account(
        &sys(),
        Account {
            username: "can.bo.xa".into(),
            display_name: "Cán bộ xã".into(),
            role: Role::Admin,
            scope: Scope::Unit(commune.id),
            must_change_password: false,
            disabled: false,
        },
        Some("mot-mat-khau-rat-dai"),
    )
    .await
    .unwrap();
    let s = app
        .login("can.bo.xa", "mot-mat-khau-rat-dai", "x")
        .await
        .unwrap();
    let officer = app.session(&s.token, "x").await.unwrap().unwrap().actor;
    let before = app.store().counts().await.unwrap().units;
    let r = app
        .load_register(&officer, &RegisterChoice::All, true)
        .await;
    let refused = match r {
        Ok(l) => l.outcome.has_errors(),
        Err(e) => e.code() == "forbidden",
    };
    assert!(refused, "a commune may not load the country");
    assert_eq!(app.store().counts().await.unwrap().units, before);
    let audit = app
        .audit_trail(
            &sys(),
            AuditQuery {
                action: Some("refused".into()),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(audit.iter().any(|e| e.actor == "can.bo.xa"), "{audit:?}");

    // an office that typed 29869 as a commune in force since 2020 (the register has old
    // Phường 1 until 30/06/2025 and the new Phường Cao Lãnh from 01/07/2025 under that code)
    let (app, _d) = empty().await;
    let book = csv(&[(
        "admin_units",
        "code,name,level,parent_code,valid_from\n89,Tỉnh An Giang,province,,\n29869,Phường 1,commune,89,2020-01-01\n",
    )]);
    assert!(
        !app.import_book(&sys(), &book, true)
            .await
            .unwrap()
            .has_errors()
    );
    let l = app
        .load_register(&sys(), &province("82"), true)
        .await
        .unwrap();
    assert!(l.outcome.has_errors());
    assert!(
        l.outcome.problems.iter().any(|p| p.value.contains("29869")),
        "{:?}",
        l.outcome.problems
    );
    assert_eq!(app.store().counts().await.unwrap().units, 2);
}
