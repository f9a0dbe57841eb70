//! Storage for hoptac: a narrow port ([`Store`]) and its SQLite adapter.
//!
//! The port speaks in core types only, so a PostgreSQL adapter can be added beside
//! [`sqlite::SqliteStore`] without touching the domain, the application or the web layer;
//! both would run the same conformance tests (`tests/it`).

pub mod sqlite;

use async_trait::async_trait;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, Snapshot, UnitId};
use hoptac_core::plan::{Plan, Target};
use hoptac_core::spec::IndicatorRecord;
use hoptac_core::types::{OrgKind, Sector};
use hoptac_core::{Date, OrgCode};

pub use sqlite::SqliteStore;

/// A storage failure. Never a user's mistake: those are caught before a write.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("corrupt row in {table}: {detail}")]
    Corrupt { table: &'static str, detail: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Writes applied together, in one transaction: all or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// Upserted on id (the application assigns ids to new units, so the organisations of
    /// the same change set can refer to them), parents before children.
    pub units: Vec<AdminUnit>,
    /// Upserted on code.
    pub orgs: Vec<Organization>,
    /// Upserted on (org, year).
    pub reports: Vec<AnnualReport>,
    /// Upserted on (org, full name, role, from).
    pub managers: Vec<Manager>,
    pub meta: Vec<(String, String)>,
    /// Upserted on id.
    pub indicators: Vec<IndicatorRecord>,
    /// Upserted on code; targets are not touched.
    pub plans: Vec<Plan>,
    /// Upserted on (plan code, number): editing one target never loses the others.
    pub targets: Vec<(String, Target)>,
}

impl ChangeSet {
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
            && self.orgs.is_empty()
            && self.reports.is_empty()
            && self.managers.is_empty()
            && self.meta.is_empty()
            && self.indicators.is_empty()
            && self.plans.is_empty()
            && self.targets.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Code,
    Founded,
    Commune,
}

/// A registry query: filters, sort, page.
#[derive(Debug, Clone, Default)]
pub struct OrgQuery {
    /// Matched against the folded name and the code; fold it first.
    pub text: Option<String>,
    pub kind: Option<OrgKind>,
    pub sector: Option<Sector>,
    pub commune: Option<UnitId>,
    /// Active at the end of this year.
    pub active_in: Option<i32>,
    pub sort: SortKey,
    pub descending: bool,
    /// 0-based.
    pub page: u32,
    pub per_page: u32,
}

#[derive(Debug, Clone)]
pub struct OrgRow {
    pub org: Organization,
    pub commune_name: String,
}

#[derive(Debug, Clone)]
pub struct OrgPage {
    pub rows: Vec<OrgRow>,
    pub total: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub units: u64,
    pub orgs: u64,
    pub reports: u64,
    pub managers: u64,
}

/// The storage port.
#[async_trait]
pub trait Store: Send + Sync {
    async fn units(&self) -> Result<Vec<AdminUnit>>;
    /// Units, organisations and managers in full; reports of the years `from..=to` (all if `None`).
    async fn snapshot(&self, years: Option<(i32, i32)>) -> Result<Snapshot>;
    async fn org(&self, code: &OrgCode) -> Result<Option<Organization>>;
    async fn reports_of(&self, code: &OrgCode) -> Result<Vec<AnnualReport>>;
    async fn managers_of(&self, code: &OrgCode) -> Result<Vec<Manager>>;
    async fn search(&self, q: &OrgQuery) -> Result<OrgPage>;
    async fn apply(&self, changes: &ChangeSet) -> Result<()>;
    async fn counts(&self) -> Result<Counts>;
    async fn meta(&self, key: &str) -> Result<Option<String>>;
    /// A number that changes with every committed change set, in this process or another:
    /// readers use it to know when a cached snapshot is stale.
    async fn generation(&self) -> Result<i64>;
    async fn indicators(&self) -> Result<Vec<IndicatorRecord>>;
    /// Every plan with its targets, in target order.
    async fn plans(&self) -> Result<Vec<Plan>>;
}
