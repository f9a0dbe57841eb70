//! The storage port's conformance suite, every case, on PostgreSQL: the same functions the
//! SQLite adapter runs.

use std::sync::Arc;

/// A new database, migrated; its name is the guard (the throw-away server is removed whole
/// when the tests end, so the databases are not dropped one by one).
async fn fresh() -> (Arc<dyn hoptac_store::Store>, String) {
    let (store, name) = super::fresh("conf").await;
    store.migrate().await.unwrap();
    (Arc::new(store), name)
}

hoptac_store_conformance::conformance_suite!(fresh, backup_refused);
