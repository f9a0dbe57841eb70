//! The PostgreSQL adapter of the storage port (`hoptac_store`), for a province with several
//! offices or the national level: the schema with PostgreSQL's own types (`migrations/`),
//! applied only by an explicit migration that refuses a database migrated by a newer
//! hoptac, and every trait of the port, one module per aggregate, reading rows through the
//! shared decoding (`hoptac_store::decode`). Writers queue on one row lock (the generation
//! in `meta`), as SQLite's writers queue on its file lock: a change set checks the
//! generation and row versions it expects with nobody else writing in between.

mod accounts;
mod audit;
mod changes;
mod clubs;
mod cols;
mod contracts;
mod copy;
mod db;
mod definitions;
mod evaluations;
mod ledgers;
mod maintenance;
mod products;
mod projects;
mod registry;
mod review;
mod support;
mod tasks;
mod trace;
mod training;

pub use maintenance::BACKUP_ADVICE;

#[doc(hidden)]
pub use cols::PgColumns;
pub use db::{PgStore, schema_version};
