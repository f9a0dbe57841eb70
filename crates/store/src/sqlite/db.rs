//! The SQLite database: one embedded file, WAL, foreign keys on, migrations embedded; the
//! helpers every aggregate's queries share.

use crate::port::error::{Result, StoreError};
use crate::port::records::*;
use hoptac_core::Date;
use hoptac_core::Fixed;
use hoptac_core::date::{parse as parse_date, to_iso};
use sqlx::Row;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

/// Rows per multi-row INSERT: 14 columns × 200 rows stays far below SQLite's variable limit.
pub(super) const BATCH: usize = 200;

pub(super) static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

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
        MIGRATOR.run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
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

pub(super) fn corrupt(table: &'static str, detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        table,
        detail: detail.into(),
    }
}

pub(super) fn date_col(row: &SqliteRow, i: usize, table: &'static str) -> Result<Option<Date>> {
    let s: Option<String> = row.try_get(i)?;
    match s {
        None => Ok(None),
        Some(s) => parse_date(&s)
            .map(Some)
            .ok_or_else(|| corrupt(table, format!("bad date {s:?}"))),
    }
}

pub(super) fn enum_col<T>(
    row: &SqliteRow,
    i: usize,
    table: &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<T> {
    let s: String = row.try_get(i)?;
    parse(&s).ok_or_else(|| corrupt(table, format!("bad value {s:?}")))
}

pub(super) fn opt_enum_col<T>(
    row: &SqliteRow,
    i: usize,
    table: &'static str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>> {
    let s: Option<String> = row.try_get(i)?;
    s.map(|s| parse(&s).ok_or_else(|| corrupt(table, format!("bad value {s:?}"))))
        .transpose()
}

pub(super) fn money_col(row: &SqliteRow, i: usize) -> Result<Option<Fixed>> {
    Ok(row.try_get::<Option<i64>, _>(i)?.map(Fixed::from_micros))
}

pub(super) fn opt_iso(d: Option<Date>) -> Option<String> {
    d.map(to_iso)
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        StoreError::Backend {
            backend: "SQLite",
            detail: e.to_string(),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> StoreError {
        StoreError::Migrate(e.to_string())
    }
}
