//! The SQLite adapter runs the storage port's conformance suite (`crates/store-conformance`),
//! each case on a fresh database file.

use hoptac_store::{SqliteStore, Store};
use std::sync::Arc;

async fn fresh() -> (Arc<dyn Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let s = SqliteStore::open(&dir.path().join("t.db")).await.unwrap();
    (Arc::new(s), dir)
}

hoptac_store_conformance::conformance_suite!(fresh);
