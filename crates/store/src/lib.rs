//! Storage for hoptac: a narrow port ([`Store`]) and its SQLite adapter.
//!
//! The port speaks in core types only, so a PostgreSQL adapter can be added beside
//! [`sqlite::SqliteStore`] without touching the domain, the application or the web layer;
//! both would run the same conformance tests (`tests/it`).

pub mod sqlite;

use async_trait::async_trait;
use hoptac_core::auth::Account;
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
    /// The database changed after the writer read it (optimistic concurrency): nothing was
    /// written; the writer reads again and decides again.
    #[error("the database changed since generation {expected} (now {found}); nothing was written")]
    Conflict { expected: i64, found: i64 },
    /// A row changed after the form that edits it was read: its version (the id of its last
    /// recorded change) is no longer the one the form carried. Nothing was written.
    #[error("{entity} {key} changed after it was read; nothing was written")]
    Stale { entity: String, key: String },
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
    /// Written in the same transaction as the changes they record.
    pub audit: Vec<AuditEntry>,
    /// Each organisation's registered services, replaced as a whole.
    pub registered: Vec<(OrgCode, std::collections::BTreeSet<hoptac_core::Service>)>,
    /// The generation the writer read before computing these changes: if another change set
    /// committed since, nothing is written and [`StoreError::Conflict`] is returned, so no
    /// change is computed from (and no audit "before" taken from) a stale read.
    pub expect_generation: Option<i64>,
    /// Rows the writer read at a version (entity, key, id of its last recorded change, 0 for
    /// none): checked inside the transaction, so an edit never overwrites a change it did
    /// not see ([`StoreError::Stale`]).
    pub expect_versions: Vec<(String, String, i64)>,
    /// Owner scopes of new shared definitions (entity, key, unit; `None`: the installation),
    /// set once: an owner already stored is kept.
    pub owners: Vec<(String, String, Option<UnitId>)>,
}

/// One line of the audit trail (nhật ký thay đổi).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuditEntry {
    /// Read back only; ignored when writing.
    pub id: i64,
    /// ISO date and time, Vietnam time.
    pub at: String,
    pub actor: String,
    pub ip: String,
    /// `create`, `update`, `import`, `login`, `login_failed`, `refused`, …
    pub action: String,
    /// The table: `organizations`, `annual_reports`, `accounts`, …
    pub entity: String,
    /// The row: `HTX-TM-07`, `HTX-TM-07/2020`, …
    pub key: String,
    /// The commune (or unit) the row belongs to, so scoped readers see their part.
    pub unit: Option<UnitId>,
    /// JSON of the row before and after.
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub actor: Option<String>,
    pub entity: Option<String>,
    /// Exact key, or a key prefix ending with `/` (all reports of an organisation: `X/`).
    pub key: Option<String>,
    pub action: Option<String>,
    /// Only rows of these units (a scope); `None`: all.
    pub units: Option<Vec<UnitId>>,
    pub limit: u32,
}

/// A stored account with its password hash.
#[derive(Debug, Clone)]
pub struct StoredAccount {
    pub account: Account,
    pub password_hash: String,
}

/// A case of the review list, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCase {
    pub id: i64,
    pub rule: String,
    pub org: OrgCode,
    pub since: Date,
    pub evidence: String,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub closed_reason: Option<String>,
    pub actions: Vec<CaseAction>,
}

/// Something the office did on a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseAction {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub note: String,
    pub on_date: Option<Date>,
}

/// A merge of two records of one organisation (hợp nhất bản ghi).
#[derive(Debug, Clone, Default)]
pub struct MergeRecord {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub keep: String,
    pub drop: String,
    /// Years whose report moved from `drop` to `keep`.
    pub moved_years: Vec<i32>,
    /// Managers (full name, role code, from) that moved.
    pub moved_managers: Vec<(String, String, String)>,
    pub case_ids: Vec<i64>,
    /// Usernames of the accounts scoped to `drop` that now act for `keep`.
    pub moved_accounts: Vec<String>,
    /// The dropped record, its reports and managers, as an exchange workbook.
    pub archive: Vec<u8>,
    pub undone_at: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub username: String,
    pub csrf: String,
    /// Unix seconds.
    pub expires_at: i64,
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
            && self.audit.is_empty()
            && self.registered.is_empty()
            && self.owners.is_empty()
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
    /// Only organisations in this unit's subtree (the reader's scope).
    pub within: Option<UnitId>,
    /// Only this organisation (an organisation account).
    pub only_org: Option<OrgCode>,
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

    async fn account(&self, username: &str) -> Result<Option<StoredAccount>>;
    async fn accounts(&self) -> Result<Vec<Account>>;
    /// Creates or updates an account; `password_hash: None` keeps the stored one. The audit
    /// entry is written in the same transaction.
    async fn save_account(
        &self,
        a: &Account,
        password_hash: Option<&str>,
        audit: &AuditEntry,
    ) -> Result<()>;
    async fn create_session(&self, token_hash: &str, s: &SessionRow) -> Result<()>;
    async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>>;
    async fn delete_session(&self, token_hash: &str) -> Result<()>;
    /// Ends every session of an account (password changed, account disabled).
    async fn delete_sessions_of(&self, username: &str) -> Result<()>;
    async fn append_audit(&self, e: &AuditEntry) -> Result<()>;
    async fn audit(&self, q: &AuditQuery) -> Result<Vec<AuditEntry>>;
    async fn registered_services(
        &self,
    ) -> Result<std::collections::HashMap<OrgCode, std::collections::BTreeSet<hoptac_core::Service>>>;
    async fn validation_rules(&self) -> Result<Vec<hoptac_core::rules::RuleRecord>>;
    /// Saves a rule with its audit entry; `owner` is recorded if the rule has none yet; with
    /// `expect`, only if the rule is still at that version.
    async fn save_validation_rule(
        &self,
        r: &hoptac_core::rules::RuleRecord,
        owner: Option<UnitId>,
        expect: Option<i64>,
        audit: &AuditEntry,
    ) -> Result<()>;
    /// The owner scope of each definition of an entity (`indicators`, `validation_rules`)
    /// that has one; a definition not listed belongs to the whole installation.
    async fn owner_scopes(&self, entity: &str)
    -> Result<std::collections::HashMap<String, UnitId>>;
    async fn cases(&self) -> Result<Vec<StoredCase>>;
    /// Merges `drop` into `keep` in one transaction: moves the listed reports, managers and
    /// cases, deletes what is left of `drop`, keeps the record. Returns the merge's id.
    async fn merge_orgs(&self, m: &MergeRecord, audit: &[AuditEntry]) -> Result<i64>;
    async fn merges(&self) -> Result<Vec<MergeRecord>>;
    /// Undoes a merge: takes back what moved, then writes `restore` (the archive) and puts
    /// back the evaluations, classifications and registered services the merge kept, with
    /// the audit entries, in one transaction.
    async fn undo_merge(
        &self,
        m: &MergeRecord,
        restore: &ChangeSet,
        at: &str,
        audit: &[AuditEntry],
    ) -> Result<()>;
    /// Opens new cases (rule, organisation, since, evidence) and closes others (id, reason),
    /// at `at`, in one transaction.
    async fn sync_cases(
        &self,
        open: &[(String, OrgCode, Date, String)],
        close: &[(i64, String)],
        at: &str,
        audit: &[AuditEntry],
    ) -> Result<()>;
    /// The last change (not a refusal) recorded for one row: its version for a form that
    /// edits it, and who changed it when.
    async fn last_change(&self, entity: &str, key: &str) -> Result<Option<AuditEntry>>;
    /// Records an action on a case; with `close`, closes it; with `changes` (a dissolution
    /// completed), writes them in the same transaction.
    async fn add_case_action(
        &self,
        case_id: i64,
        a: &CaseAction,
        close: Option<&str>,
        changes: &ChangeSet,
    ) -> Result<()>;
    /// A consistent copy of the whole database, taken while others read and write.
    async fn backup(&self, path: &std::path::Path) -> Result<()>;
    /// Evaluations of one year, or of all years; rows that cannot be read are left out.
    async fn evaluations(&self, year: Option<i32>) -> Result<Vec<StoredEvaluation>>;
    /// The stored evaluations that cannot be read, each with its key and the reason: shown
    /// on the page, never a fault of every page.
    async fn unreadable_evaluations(&self) -> Result<Vec<String>>;
    /// Writes evaluations (created or replaced) and their audit entries in one transaction.
    async fn save_evaluations(&self, e: &[StoredEvaluation], audit: &[AuditEntry]) -> Result<()>;
    /// The classification axes entered for a year, or for all years.
    async fn classifications(&self, year: Option<i32>) -> Result<Vec<StoredClassification>>;
    /// Writes (creates or replaces) axes with their audit entries, in one transaction.
    async fn save_classifications(
        &self,
        c: &[StoredClassification],
        audit: &[AuditEntry],
    ) -> Result<()>;
    /// Every close and reopen of a reporting year, oldest first.
    async fn reporting_locks(&self) -> Result<Vec<ReportingLock>>;
    /// Records a close or reopen with its audit entry, in one transaction.
    async fn add_reporting_lock(&self, l: &ReportingLock, audit: &AuditEntry) -> Result<()>;
    /// Every rubric version an office loaded, oldest first.
    async fn rubric_versions(&self) -> Result<Vec<StoredRubric>>;
    /// Adds a rubric version with its audit entry; a version already taken is refused.
    async fn add_rubric_version(&self, r: &StoredRubric, audit: &AuditEntry) -> Result<()>;
}

/// A year closed or reopened for reporting in a territory (khóa sổ / mở sổ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportingLock {
    pub id: i64,
    pub year: i32,
    /// The territory; `None`: the whole installation.
    pub unit: Option<UnitId>,
    /// `true`: closed; `false`: reopened.
    pub closed: bool,
    pub reason: String,
    pub actor: String,
    pub at: String,
}

/// One organisation's entered classification for a year (phân loại).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredClassification {
    pub org: OrgCode,
    pub year: i32,
    pub axes: hoptac_core::evaluation::classification::Classification,
}

/// A rubric version loaded by an office (phiên bản bộ tiêu chí), as loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRubric {
    pub rubric_id: String,
    pub version: u32,
    /// The JSON document (`crates/core/rubrics/*.json` format).
    pub document: String,
    /// Why it was loaded: the correction, the text it was checked against.
    pub note: String,
    pub loaded_by: String,
    /// ISO date and time, Vietnam time.
    pub loaded_at: String,
}

/// One organisation's evaluation for a year (đánh giá năm), as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvaluation {
    pub org: OrgCode,
    pub year: i32,
    pub evaluation: hoptac_core::evaluation::Evaluation,
}
