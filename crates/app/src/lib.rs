//! The use cases of hoptac, shared by the web UI and the CLI. Each write is one transaction;
//! each answer is in core types or bilingual errors with stable codes.

pub mod auth;
pub mod checks;
pub mod classification;
pub mod closing;
pub mod context;
pub mod corrections;
pub mod documents;
pub mod error;
pub mod evaluation;
mod evaluation_memo;
pub mod evaluation_summary;
pub mod import;
mod intent;
pub mod merge;
pub mod plans;
mod read_model;
pub mod registry;
pub mod reporting;
pub mod rubrics;
pub mod seed;
pub mod stats;
pub mod units;
pub mod validation;

pub use auth::Actor;
pub use context::{App, check_period, check_year, find_unit, today};
pub use error::AppError;
pub use error::Result;
pub use hoptac_exchange::Problem;
pub use hoptac_exchange::write::Headers as ExportHeaders;
pub use import::{ImportOutcome, TableSummary};
pub use intent::FormIntent;
pub use registry::{NearDuplicate, OrgDetail};
pub use stats::{Stats, StockFlow};
pub use units::UnitRow;
pub use units::{CommuneMap, MAP_INDICATORS, RegisterChoice, RegisterLoad, UnitChoice};
