//! hoptac-core: the pure domain of hoptac (kinh tế tập thể — the collective economy).
//!
//! Nothing here touches files, SQL or HTTP: types that can only hold valid values, the
//! invariants of the registry, the indicator engine and the text of the situation report.
//! Every other crate speaks in these types.

pub mod auth;
pub mod chain;
pub mod chain_report;
pub mod chart;
pub mod closing;
pub mod club;
pub mod compliance;
pub mod date;
pub mod deadlines;
pub mod evaluation;
pub mod fixed;
pub mod gtin;
pub mod i18n;
pub mod indicator;
pub mod ledger;
pub mod linkage;
pub mod lots;
pub mod map;
pub mod model;
pub mod ocop;
pub mod ocop_report;
pub mod official;
pub mod parse;
pub mod plan;
pub mod register;
pub mod report;
pub mod reporting;
pub mod rows;
pub mod rubric;
pub mod rules;
pub mod similar;
pub mod spec;
pub mod support;
pub mod task_report;
pub mod territory;
pub mod text;
pub mod trace;
pub mod training;
pub mod types;
pub mod validate;

pub use date::Date;
pub use fixed::Fixed;
pub use i18n::{Lang, Msg};
pub use model::{AdminUnit, AnnualReport, Manager, Organization, Snapshot, UnitId};
pub use types::{AdminLevel, OrgCode, OrgKind, Qualification, Rating, Role, Sector, Service, Year};
