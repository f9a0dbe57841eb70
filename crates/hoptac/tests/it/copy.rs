//! `hoptac migrate` and `hoptac copy` against the test PostgreSQL server (`HOPTAC_TEST_PG`):
//! an office's SQLite file moves to PostgreSQL and back without losing a row.

use super::{hoptac, ok};
use std::process::{Command, Output};

fn on(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .env("HOPTAC_DB", url)
        .env("HOPTAC_LOG", "warn")
        .args(args)
        .output()
        .expect("run hoptac")
}

fn server_url() -> String {
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(hoptac_store_conformance::TestDb::server_url())
}

/// The per-table lines of a copy's report: table, rows, checksum.
fn sums(out: &str) -> Vec<String> {
    out.lines()
        .filter(|l| l.contains("sha256"))
        .map(str::to_string)
        .collect()
}

fn err(o: &Output) -> String {
    assert!(
        !o.status.success(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_postgres_database_is_served_only_once_migrated() {
    let url = server_url();
    let e = err(&on(&url, &["stats", "--from", "2021", "--to", "2025"]));
    assert!(e.contains("hoptac migrate"), "{e}");
    assert_eq!(
        on(&url, &["stats", "--from", "2021", "--to", "2025"])
            .status
            .code(),
        Some(1)
    );
    let m = ok(&on(&url, &["migrate"]));
    assert!(m.contains("0 → 12"), "{m}");
    ok(&on(&url, &["demo"]));
    let again = ok(&on(&url, &["migrate"]));
    assert!(again.contains("12 → 12"), "{again}");
    // a backup of a server is the server's tools' work: refused with that advice
    let dir = tempfile::tempdir().unwrap();
    let b = on(&url, &["backup", dir.path().join("b.db").to_str().unwrap()]);
    assert_eq!(b.status.code(), Some(1));
    assert!(err(&b).contains("pg_dump"));
    assert!(!dir.path().join("b.db").exists());
    // a newer hoptac migrated it: neither served nor migrated by this one
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let s = hoptac_store_postgres::PgStore::connect(&url).await.unwrap();
        s.execute_admin(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
             VALUES (99, 'from the future', true, '\\x00'::bytea, 0)",
        )
        .await
        .unwrap();
        s.close().await;
    });
    for args in [
        &["serve", "--addr", "127.0.0.1:0"][..],
        &["migrate"],
        &["stats", "--from", "2021", "--to", "2025"],
    ] {
        let o = on(&url, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let e = err(&o);
        assert!(e.contains("newer hoptac") && e.contains("mới hơn"), "{e}");
    }
}

#[test]
fn the_demo_moves_to_postgres_and_back_every_table_equal() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    ok(&hoptac(&a, &["demo"]));
    // a case action and a merge leave rows in the tables the demo leaves empty
    ok(&hoptac(&a, &["check"]));
    let url = server_url();
    ok(&on(&url, &["migrate"]));
    let a_str = a.to_str().unwrap();
    let there = ok(&on(&url, &["copy", "--from", a_str, "--to", &url]));
    assert!(there.contains("khớp"), "{there}");
    let b = dir.path().join("b.db");
    let back = ok(&on(
        &url,
        &["copy", "--from", &url, "--to", b.to_str().unwrap()],
    ));
    assert_eq!(sums(&there).len(), 57, "{there}");
    assert_eq!(
        sums(&there),
        sums(&back),
        "the file, the server and the file again hold the same rows"
    );
    // the same answers from the copy on the server as from the file
    for args in [
        &[
            "stats", "--from", "2016", "--to", "2025", "--format", "json",
        ][..],
        &["evaluate", "--year", "2025"],
        &["check"],
    ] {
        assert_eq!(ok(&hoptac(&a, args)), ok(&on(&url, args)), "{args:?}");
    }
    // the server's ids continue after the copied ones: a new write is audited
    let csv = dir.path().join("annual_reports.csv");
    std::fs::write(&csv, "org_code,year,members\nHTX-TM-07,2025,77\n").unwrap();
    ok(&on(&url, &["import", csv.to_str().unwrap()]));
    // a copy never goes over records
    let refused = on(&url, &["copy", "--from", a_str, "--to", &url]);
    assert_eq!(
        refused.status.code(),
        Some(1),
        "a user's mistake, not a fault"
    );
    let e = err(&refused);
    assert!(
        e.contains("đã có dữ liệu") && e.contains("already holds records"),
        "{e}"
    );
}

#[test]
fn a_synthetic_province_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("p.xlsx");
    let db = dir.path().join("p.db");
    ok(&hoptac(
        &db,
        &[
            "generate",
            "--htx",
            "150",
            "--tht",
            "300",
            "--years",
            "4",
            "--managers",
            "2",
            "--reform",
            book.to_str().unwrap(),
        ],
    ));
    ok(&hoptac(&db, &["import", book.to_str().unwrap()]));
    let url = server_url();
    ok(&on(&url, &["migrate"]));
    let there = ok(&on(
        &url,
        &["copy", "--from", db.to_str().unwrap(), "--to", &url],
    ));
    let back_db = dir.path().join("back.db");
    let back = ok(&on(
        &url,
        &["copy", "--from", &url, "--to", back_db.to_str().unwrap()],
    ));
    assert_eq!(sums(&there), sums(&back));
    let reports = sums(&there)
        .into_iter()
        .find(|l| l.contains("annual_reports"))
        .unwrap();
    assert!(!reports.contains(" 0  sha256"), "{reports}");
}
