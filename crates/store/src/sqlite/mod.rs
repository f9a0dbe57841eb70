//! The SQLite adapter: the port's traits over one embedded file, one module per aggregate.

mod accounts;
mod audit;
mod changes;
mod clubs;
mod contracts;
mod copy;
mod db;
mod definitions;
mod evaluation_store;
mod evaluations;
mod ledgers;
mod maintenance;
mod products;
mod projects;
mod registry;
mod review;
mod rows;
mod support;
mod tasks;
mod trace;
mod training;

pub use db::SqliteStore;
