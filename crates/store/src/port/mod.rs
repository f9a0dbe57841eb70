//! The storage port: what the application may ask of a database.

pub mod error;
pub mod records;
pub mod traits;

/// The traits, for `use hoptac_store::prelude::*` where a store is called.
pub mod prelude {
    pub use crate::port::traits::{
        Accounts, AuditLog, Books, Changes, Definitions, Evaluations, Maintenance, Registry,
        Review, Store,
    };
}
