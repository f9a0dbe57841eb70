//! The SQLite database: one embedded file, WAL, foreign keys on, migrations embedded; the
//! helpers every aggregate's queries share.

use crate::port::error::{Result, StoreError};
use crate::port::records::*;
use hoptac_core::Date;
use hoptac_core::date::to_iso;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

/// Rows per multi-row INSERT: 14 columns × 200 rows stays far below SQLite's variable limit.
pub(super) const BATCH: usize = 200;

/// The schema's migrations, embedded in the binary without sqlx's macros: every file of
/// `migrations/sqlite`, in order (a test checks this list against the folder).
pub(super) const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_registry.sql",
        include_str!("../../migrations/sqlite/0001_registry.sql"),
    ),
    (
        "0002_plans.sql",
        include_str!("../../migrations/sqlite/0002_plans.sql"),
    ),
    (
        "0003_accounts.sql",
        include_str!("../../migrations/sqlite/0003_accounts.sql"),
    ),
    (
        "0004_cases.sql",
        include_str!("../../migrations/sqlite/0004_cases.sql"),
    ),
    (
        "0005_report_dates.sql",
        include_str!("../../migrations/sqlite/0005_report_dates.sql"),
    ),
    (
        "0006_validation_rules.sql",
        include_str!("../../migrations/sqlite/0006_validation_rules.sql"),
    ),
    (
        "0007_merges.sql",
        include_str!("../../migrations/sqlite/0007_merges.sql"),
    ),
    (
        "0008_registered_services.sql",
        include_str!("../../migrations/sqlite/0008_registered_services.sql"),
    ),
    (
        "0009_self_assessment.sql",
        include_str!("../../migrations/sqlite/0009_self_assessment.sql"),
    ),
    (
        "0010_merge_accounts.sql",
        include_str!("../../migrations/sqlite/0010_merge_accounts.sql"),
    ),
    (
        "0011_evaluations.sql",
        include_str!("../../migrations/sqlite/0011_evaluations.sql"),
    ),
    (
        "0012_rubric_versions.sql",
        include_str!("../../migrations/sqlite/0012_rubric_versions.sql"),
    ),
    (
        "0013_classifications.sql",
        include_str!("../../migrations/sqlite/0013_classifications.sql"),
    ),
    (
        "0014_rating_basis.sql",
        include_str!("../../migrations/sqlite/0014_rating_basis.sql"),
    ),
    (
        "0015_owner_scopes.sql",
        include_str!("../../migrations/sqlite/0015_owner_scopes.sql"),
    ),
    (
        "0016_merge_archive.sql",
        include_str!("../../migrations/sqlite/0016_merge_archive.sql"),
    ),
    (
        "0017_reporting_locks.sql",
        include_str!("../../migrations/sqlite/0017_reporting_locks.sql"),
    ),
    (
        "0018_unit_history.sql",
        include_str!("../../migrations/sqlite/0018_unit_history.sql"),
    ),
    (
        "0019_generation_row.sql",
        include_str!("../../migrations/sqlite/0019_generation_row.sql"),
    ),
    (
        "0020_archived_reports.sql",
        include_str!("../../migrations/sqlite/0020_archived_reports.sql"),
    ),
    (
        "0021_archived_orgs.sql",
        include_str!("../../migrations/sqlite/0021_archived_orgs.sql"),
    ),
    (
        "0022_clubs.sql",
        include_str!("../../migrations/sqlite/0022_clubs.sql"),
    ),
    (
        "0023_training.sql",
        include_str!("../../migrations/sqlite/0023_training.sql"),
    ),
    (
        "0024_support.sql",
        include_str!("../../migrations/sqlite/0024_support.sql"),
    ),
    (
        "0025_plan_tasks.sql",
        include_str!("../../migrations/sqlite/0025_plan_tasks.sql"),
    ),
    (
        "0026_products.sql",
        include_str!("../../migrations/sqlite/0026_products.sql"),
    ),
    (
        "0027_trace.sql",
        include_str!("../../migrations/sqlite/0027_trace.sql"),
    ),
    (
        "0028_contracts.sql",
        include_str!("../../migrations/sqlite/0028_contracts.sql"),
    ),
    (
        "0029_linkage_projects.sql",
        include_str!("../../migrations/sqlite/0029_linkage_projects.sql"),
    ),
    (
        "0030_ledgers.sql",
        include_str!("../../migrations/sqlite/0030_ledgers.sql"),
    ),
];

/// The migrator of [`MIGRATIONS`].
pub(super) fn migrator() -> sqlx::migrate::Migrator {
    crate::migrations::migrator(MIGRATIONS)
}

#[derive(Clone)]
pub struct SqliteStore {
    pub(super) pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if needed) the database file and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<SqliteStore> {
        let opts = SqliteConnectOptions::from_str("sqlite://")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(opts)
            .await?;
        migrator().run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    /// SQLite's own check of the file: `ok` when sound.
    pub async fn integrity_check(&self) -> Result<String> {
        Ok(sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&self.pool)
            .await?)
    }

    /// Closes every connection (and checkpoints the WAL into the file).
    pub async fn close(self) {
        self.pool.close().await;
    }
}

pub(super) async fn insert_audit(conn: &mut sqlx::SqliteConnection, e: &AuditEntry) -> Result<()> {
    sqlx::query("INSERT INTO audit (at, actor, ip, action, entity, key, unit_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .bind(&e.at)
        .bind(&e.actor)
        .bind(&e.ip)
        .bind(&e.action)
        .bind(&e.entity)
        .bind(&e.key)
        .bind(e.unit.map(|u| u.0))
        .bind(e.before.as_deref())
        .bind(e.after.as_deref())
        .execute(conn)
        .await?;
    Ok(())
}

pub(super) use crate::decode::{corrupt, enum_of as enum_col};

pub(super) fn opt_iso(d: Option<Date>) -> Option<String> {
    d.map(to_iso)
}

/// Both adapters' queries use `?` on sqlx's errors; the backend is named from the error
/// itself (a connection failure names neither).
impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        if matches!(e, sqlx::Error::PoolTimedOut) {
            return StoreError::Busy(e.to_string());
        }
        // SQLITE_BUSY and SQLITE_BUSY_SNAPSHOT: another writer holds the file
        if let Some(d) = e.as_database_error()
            && d.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some()
            && matches!(d.code().as_deref(), Some("5" | "517"))
        {
            return StoreError::Busy(d.message().to_string());
        }
        let backend = match e.as_database_error() {
            Some(d)
                if d.try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                    .is_some() =>
            {
                "PostgreSQL"
            }
            Some(d) if d.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() => "SQLite",
            _ => "database",
        };
        StoreError::Backend {
            backend,
            detail: e.to_string(),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> StoreError {
        StoreError::Migrate(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    /// A migration file added to the folder but not to the list would never run.
    #[test]
    fn every_migration_file_is_embedded_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite");
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
