//! Storage for hoptac: a narrow port (`port`: one trait per aggregate, the records that cross
//! it, one error type) and its SQLite adapter (`sqlite`). A PostgreSQL adapter is added beside
//! it without touching the domain, the application or the web layer; every backend runs the
//! same conformance suite (the `hoptac-store-conformance` crate).

pub mod copy;
pub mod decode;
pub mod migrations;
pub mod port;
pub mod sqlite;

pub use port::error::{Result, StoreError};
pub use port::prelude;
pub use port::records::*;
pub use port::traits::*;
pub use sqlite::SqliteStore;
