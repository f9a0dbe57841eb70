//! The connection pool, the schema's migrations and the writers' lock.

use hoptac_store::{Result, StoreError};
use sqlx::Postgres;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use std::str::FromStr;
use std::time::Duration;

/// The schema's migrations, embedded without sqlx's macros; a test checks the list against
/// the folder.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_schema.sql",
        include_str!("../migrations/0001_schema.sql"),
    ),
    (
        "0002_archived_reports.sql",
        include_str!("../migrations/0002_archived_reports.sql"),
    ),
    (
        "0003_archived_orgs.sql",
        include_str!("../migrations/0003_archived_orgs.sql"),
    ),
    (
        "0004_clubs.sql",
        include_str!("../migrations/0004_clubs.sql"),
    ),
    (
        "0005_training.sql",
        include_str!("../migrations/0005_training.sql"),
    ),
    (
        "0006_support.sql",
        include_str!("../migrations/0006_support.sql"),
    ),
    (
        "0007_plan_tasks.sql",
        include_str!("../migrations/0007_plan_tasks.sql"),
    ),
    (
        "0008_products.sql",
        include_str!("../migrations/0008_products.sql"),
    ),
    (
        "0009_trace.sql",
        include_str!("../migrations/0009_trace.sql"),
    ),
    (
        "0010_contracts.sql",
        include_str!("../migrations/0010_contracts.sql"),
    ),
    (
        "0011_linkage_projects.sql",
        include_str!("../migrations/0011_linkage_projects.sql"),
    ),
    (
        "0012_ledgers.sql",
        include_str!("../migrations/0012_ledgers.sql"),
    ),
];

fn migrator() -> sqlx::migrate::Migrator {
    hoptac_store::migrations::migrator(MIGRATIONS)
}

/// The newest schema version this hoptac knows.
pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub(crate) fn backend(e: sqlx::Error) -> StoreError {
    StoreError::Backend {
        backend: "PostgreSQL",
        detail: e.to_string(),
    }
}

#[derive(Clone)]
pub struct PgStore {
    pub(crate) pool: PgPool,
}

impl PgStore {
    /// Connects to `url` (`postgres://user@host:port/db`) without touching the schema. The
    /// pool holds one connection per core and a few more; every statement has 60 s.
    pub async fn connect(url: &str) -> Result<PgStore> {
        let opts = PgConnectOptions::from_str(url)
            .map_err(backend)?
            .options([("statement_timeout", "60s"), ("DateStyle", "ISO, YMD")]);
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u32;
        let pool = PgPoolOptions::new()
            .max_connections(cores * 2 + 2)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(opts)
            .await
            .map_err(backend)?;
        Ok(PgStore { pool })
    }

    /// The schema version the database is at (0: never migrated).
    pub async fn current_version(&self) -> Result<i64> {
        let exists: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = '_sqlx_migrations')",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(backend)?;
        if !exists {
            return Ok(0);
        }
        let v: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.pool)
                .await
                .map_err(backend)?;
        Ok(v.unwrap_or(0))
    }

    /// Brings the schema up to date (`hoptac migrate`). A database migrated by a newer
    /// hoptac is refused before anything runs: an older binary must not write to it.
    pub async fn migrate(&self) -> Result<()> {
        let at = self.current_version().await?;
        if at > schema_version() {
            return Err(newer(at));
        }
        migrator()
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Migrate(e.to_string()))
    }

    /// Refuses a database that is not at this hoptac's schema (`serve` on an unmigrated or
    /// newer database), saying what to do.
    pub async fn check_schema(&self) -> Result<()> {
        match self.current_version().await? {
            v if v == schema_version() => Ok(()),
            v if v > schema_version() => Err(newer(v)),
            v => Err(StoreError::Migrate(format!(
                "the database is at schema version {v}, this hoptac needs {}: run `hoptac migrate` first",
                schema_version()
            ))),
        }
    }

    /// The pool, for this crate's tests and the adapter's modules.
    #[doc(hidden)]
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// One statement outside a transaction on this connection's server (`CREATE DATABASE`
    /// for the bench and the tests' throw-away databases).
    #[doc(hidden)]
    pub async fn execute_admin(&self, sql: &str) -> Result<()> {
        sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn close(self) {
        self.pool.close().await;
    }
}

fn newer(v: i64) -> StoreError {
    StoreError::Migrate(format!(
        "the database is at schema version {v}, newer than this hoptac ({}): use the hoptac that migrated it",
        schema_version()
    ))
}

/// A write transaction. The generation row is locked first, so writers queue: what a
/// change set checks (the generation, row versions) cannot change before it commits.
pub(crate) async fn begin_write(pool: &PgPool) -> Result<sqlx::Transaction<'static, Postgres>> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT value FROM meta WHERE key = 'generation' FOR UPDATE")
        .fetch_optional(&mut *tx)
        .await?;
    Ok(tx)
}

/// Rows per multi-row INSERT: 18 columns × 1000 rows stays below PostgreSQL's 65 535
/// parameters.
pub(crate) const BATCH: usize = 1000;

#[cfg(test)]
mod tests {
    /// A migration file added to the folder but not to the list would never run.
    #[test]
    fn every_migration_file_is_embedded_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<&str> = super::MIGRATIONS.iter().map(|(f, _)| *f).collect();
        assert_eq!(listed, files);
        let versions: Vec<i64> = super::migrator().iter().map(|m| m.version).collect();
        assert_eq!(versions, (1..=files.len() as i64).collect::<Vec<_>>());
    }
}
