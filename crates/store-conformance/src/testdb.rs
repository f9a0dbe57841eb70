//! A fresh database for the application, web and command-line suites, on the backend the
//! run asks for: SQLite by default, PostgreSQL with `HOPTAC_TEST_BACKEND=postgres` (the
//! server named by `HOPTAC_TEST_PG`, as the test script starts it). The same tests then
//! prove both backends give the same answers.

use hoptac_store::{SqliteStore, Store};
use hoptac_store_postgres::PgStore;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Keeps a test's database alive, with a scratch folder for the test's own files.
pub struct TestDb {
    dir: tempfile::TempDir,
    target: Target,
}

enum Target {
    File(PathBuf),
    Server(String),
}

/// Is this run on PostgreSQL? A value other than `postgres` or `sqlite` is a mistake,
/// never silently SQLite.
pub fn on_postgres() -> bool {
    match std::env::var("HOPTAC_TEST_BACKEND").as_deref() {
        Ok("postgres") => true,
        Ok("sqlite") | Err(_) => false,
        Ok(other) => panic!("HOPTAC_TEST_BACKEND={other}: use postgres or sqlite"),
    }
}

impl TestDb {
    /// A new, empty, migrated database and a store on it.
    pub async fn new() -> (Arc<dyn Store>, TestDb) {
        let dir = tempfile::tempdir().unwrap();
        let target = if on_postgres() {
            Target::Server(new_server_database().await)
        } else {
            Target::File(dir.path().join("test.db"))
        };
        let db = TestDb { dir, target };
        if let Target::Server(url) = &db.target {
            let s = PgStore::connect(url).await.unwrap();
            s.migrate().await.unwrap();
            s.close().await;
        }
        (db.reopen().await, db)
    }

    /// Another store on the same database, as another process would open it.
    pub async fn reopen(&self) -> Arc<dyn Store> {
        match &self.target {
            Target::File(p) => Arc::new(SqliteStore::open(p).await.unwrap()),
            Target::Server(url) => Arc::new(PgStore::connect(url).await.unwrap()),
        }
    }

    /// A new, empty database on the test server (`HOPTAC_TEST_PG`), not migrated: its URL.
    /// For tests of what only PostgreSQL does (the command line's `migrate`, `copy`), which
    /// fail without the server rather than pass without running.
    pub async fn server_url() -> String {
        new_server_database().await
    }

    /// The scratch folder (the SQLite file lives in it too).
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// `hoptac_t_<pid>_<n>` on the test server; the throw-away server is removed whole when the
/// tests end.
async fn new_server_database() -> String {
    use sqlx::Connection;
    static SEQ: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let admin = std::env::var("HOPTAC_TEST_PG").expect(
        "HOPTAC_TEST_BACKEND=postgres needs HOPTAC_TEST_PG: run ./scripts/test, or `source scripts/pg-throwaway` first",
    );
    let n = SEQ.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("hoptac_t_{}_{n}", std::process::id());
    let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut c)
        .await
        .unwrap();
    c.close().await.unwrap();
    let (base, _) = admin.rsplit_once('/').expect("a URL ending in /database");
    format!("{base}/{name}")
}
