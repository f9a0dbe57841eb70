//! The port's one error type: what a backend reports, without the backend's own types.

/// A storage failure. Never a user's mistake: those are caught before a write.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database itself failed (connection, I/O, a constraint the port did not expect);
    /// the adapter names itself and says what failed.
    #[error("{backend} error: {detail}")]
    Backend {
        backend: &'static str,
        detail: String,
    },
    /// This backend does not do what was asked; the message says what does (a PostgreSQL
    /// database is backed up by PostgreSQL's own tools, not by copying a file).
    #[error("{0}")]
    Unsupported(String),
    /// A copy's destination already holds records (the table and its row count): a copy
    /// goes only into an empty database, never over one.
    #[error(
        "the destination database is not empty ({0} rows): a copy goes only into an empty database"
    )]
    NotEmpty(String),
    #[error("migration failed: {0}")]
    Migrate(String),
    #[error("corrupt row in {table}: {detail}")]
    Corrupt { table: &'static str, detail: String },
    /// The database changed after the writer read it (optimistic concurrency): nothing was
    /// written; the writer reads again and decides again.
    #[error("the database changed since generation {expected} (now {found}); nothing was written")]
    Conflict { expected: i64, found: i64 },
    /// A row changed after the form that edits it was read: its version (the id of its last
    /// recorded change) is no longer the one the form carried. Nothing was written.
    #[error("{entity} {key} changed after it was read; nothing was written")]
    Stale { entity: String, key: String },
    /// The database could not take the request in time (every connection busy, or the file
    /// locked by another writer): nothing was done, and the same request may succeed a
    /// moment later.
    #[error("the database is busy ({0}); nothing was written")]
    Busy(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;
