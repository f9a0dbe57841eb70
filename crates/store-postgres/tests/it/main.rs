//! The PostgreSQL adapter against a real server: `HOPTAC_TEST_PG` names it (the test script
//! starts a throw-away one: `source scripts/pg-throwaway`). Each test works in a database of
//! its own, created here and dropped at the end. Without the variable the tests fail: a
//! PostgreSQL test that did not run must not read as a pass.

mod conformance;

use hoptac_store::decode;
use hoptac_store_postgres::{PgColumns, PgStore, schema_version};
use sqlx::Connection;

/// A new, empty database on the test server, and its name (to drop it).
async fn fresh(tag: &str) -> (PgStore, String) {
    let admin = std::env::var("HOPTAC_TEST_PG").expect(
        "HOPTAC_TEST_PG is not set: run the tests through ./scripts/test, or `source scripts/pg-throwaway` first",
    );
    static SEQ: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("hoptac_{tag}_{}_{n}", std::process::id());
    let mut c = sqlx::PgConnection::connect(&admin).await.expect("connect");
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name}"
    )))
    .execute(&mut c)
    .await
    .unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut c)
        .await
        .unwrap();
    let (base, _) = admin.rsplit_once('/').expect("a URL ending in /database");
    let store = PgStore::connect(&format!("{base}/{name}")).await.unwrap();
    (store, name)
}

async fn drop_db(store: PgStore, name: &str) {
    store.close().await;
    let admin = std::env::var("HOPTAC_TEST_PG").unwrap();
    let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE {name}")))
        .execute(&mut c)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_fresh_database_is_migrated_once_and_a_newer_one_is_refused() {
    let (s, name) = fresh("migrate").await;
    assert_eq!(s.current_version().await.unwrap(), 0);
    let e = s.check_schema().await.unwrap_err().to_string();
    assert!(e.contains("hoptac migrate"), "{e}");
    s.migrate().await.unwrap();
    s.check_schema().await.unwrap();
    assert_eq!(s.current_version().await.unwrap(), schema_version());
    // a second run changes nothing
    s.migrate().await.unwrap();
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_one(s.pool())
    .await
    .unwrap();
    assert_eq!(
        tables,
        hoptac_store::copy::TABLES.len() as i64,
        "every table of the SQLite schema"
    );
    // a newer hoptac migrated it: this one neither migrates nor serves it
    sqlx::query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES (99, 'from the future', true, '\\x00'::bytea, 0)",
    )
    .execute(s.pool())
    .await
    .unwrap();
    for e in [
        s.migrate().await.unwrap_err().to_string(),
        s.check_schema().await.unwrap_err().to_string(),
    ] {
        assert!(e.contains("version 99, newer"), "{e}");
    }
    drop_db(s, &name).await;
}

#[tokio::test]
async fn the_audit_and_the_reporting_locks_cannot_be_edited_in_sql() {
    let (s, name) = fresh("append").await;
    s.migrate().await.unwrap();
    let p = s.pool();
    sqlx::query("INSERT INTO audit (at, actor, action) VALUES ('2026-12-03 09:00:00'::timestamp AT TIME ZONE INTERVAL '+07:00', 'a', 'create')")
        .execute(p)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO reporting_locks (year, action, actor, at) VALUES (2025, 'close', 'a', now())",
    )
    .execute(p)
    .await
    .unwrap();
    for table in ["audit", "reporting_locks"] {
        for sql in [
            format!("UPDATE {table} SET actor = 'someone else'"),
            format!("DELETE FROM {table}"),
            format!("TRUNCATE {table}"),
        ] {
            let e = sqlx::query(sqlx::AssertSqlSafe(sql.clone()))
                .execute(p)
                .await
                .unwrap_err()
                .to_string();
            assert!(e.contains(&format!("{table} is append-only")), "{sql}: {e}");
        }
        let n: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(p)
                .await
                .unwrap();
        assert_eq!(n, 1, "{table} kept its row");
    }
    drop_db(s, &name).await;
}

/// Dates, moments, flags and money come back in the shapes the shared decoding reads, to
/// the second and the đồng.
#[tokio::test]
async fn rows_decode_through_the_shared_decoding() {
    let (s, name) = fresh("decode").await;
    s.migrate().await.unwrap();
    let p = s.pool();
    sqlx::query("INSERT INTO admin_units (id, code, name, name_folded, level, valid_from) VALUES (82, '82', 'Tỉnh Đồng Tháp', 'tinh dong thap', 'province', '2025-07-01')")
        .execute(p)
        .await
        .unwrap();
    sqlx::query("INSERT INTO admin_units (id, code, name, name_folded, level, parent_id) VALUES (30061, '30061', 'Xã Đốc Binh Kiều', 'xa doc binh kieu', 'commune', 82)")
        .execute(p)
        .await
        .unwrap();
    sqlx::query("INSERT INTO organizations (code, kind, name, name_folded, sector, commune_id, founded_on) VALUES ('HTX-TM-01', 'htx', 'HTX Mỹ Hòa', 'htx my hoa', 'agriculture', 30061, '2019-03-15')")
        .execute(p)
        .await
        .unwrap();
    sqlx::query("INSERT INTO annual_reports (org_code, year, members, revenue, services, statements_filed, received_on) VALUES ('HTX-TM-01', 2024, 120, 1234567890123, '', true, '2025-01-10')")
        .execute(p)
        .await
        .unwrap();
    sqlx::query("INSERT INTO audit (at, actor, action, entity, key, unit_id) VALUES ('2026-12-03 09:00:05'::timestamp AT TIME ZONE INTERVAL '+07:00', 'thuy', 'update', 'organizations', 'HTX-TM-01', 30061)")
        .execute(p)
        .await
        .unwrap();
    let units = sqlx::query("SELECT id, code, name, level, parent_id, valid_from, valid_to FROM admin_units ORDER BY id")
        .fetch_all(p)
        .await
        .unwrap();
    let units: Vec<_> = units
        .iter()
        .map(|r| decode::unit(&PgColumns(r)).unwrap())
        .collect();
    assert_eq!(units[0].code, "82");
    assert_eq!(units[0].valid_from, hoptac_core::date::ymd(2025, 7, 1));
    assert_eq!(units[1].parent, Some(units[0].id));
    let org = sqlx::query("SELECT code, kind, name, sector, commune_id, founded_on, dissolved_on, registration_no FROM organizations")
        .fetch_one(p)
        .await
        .unwrap();
    let org = decode::org(&PgColumns(&org)).unwrap();
    assert_eq!(org.name, "HTX Mỹ Hòa");
    assert_eq!(org.founded_on, hoptac_core::date::ymd(2019, 3, 15).unwrap());
    let report = sqlx::query("SELECT org_code, year, members, members_joined, members_left, workers, revenue, profit, member_income, worker_income, services, rating, general_meeting_on, statements_filed, received_on, statements_filed_on, self_assessment_sent_on, rating_basis FROM annual_reports")
        .fetch_one(p)
        .await
        .unwrap();
    let report = decode::report(&PgColumns(&report)).unwrap();
    assert_eq!(report.figures.members, Some(120));
    assert_eq!(
        report.figures.revenue,
        Some(hoptac_core::Fixed::from_micros(1_234_567_890_123))
    );
    assert_eq!(report.figures.statements_filed, Some(true));
    assert_eq!(
        report.figures.received_on,
        hoptac_core::date::ymd(2025, 1, 10)
    );
    let e = sqlx::query(
        "SELECT id, at, actor, ip, action, entity, key, unit_id, before, after FROM audit",
    )
    .fetch_one(p)
    .await
    .unwrap();
    let e = decode::audit(&PgColumns(&e)).unwrap();
    assert_eq!(
        e.at, "2026-12-03 09:00:05",
        "Vietnam time in, Vietnam time out"
    );
    assert_eq!(e.unit.map(|u| u.0), Some(30061));
    // a column of the wrong shape is an error naming the backend, never a panic
    let bad = sqlx::query(
        "SELECT name, code, name, level, parent_id, valid_from, valid_to FROM admin_units",
    )
    .fetch_one(p)
    .await
    .unwrap();
    let err = decode::unit(&PgColumns(&bad)).unwrap_err().to_string();
    assert!(err.contains("PostgreSQL"), "{err}");
    drop_db(s, &name).await;
}
