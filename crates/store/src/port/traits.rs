//! The port: one small trait per aggregate, and [`Store`], everything a backend provides.
//! A backend implements each trait; the conformance suite checks every method.

use super::error::Result;
use super::records::*;
use async_trait::async_trait;
use hoptac_core::auth::Account;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, Snapshot, UnitId};
use hoptac_core::plan::Plan;
use hoptac_core::spec::IndicatorRecord;
use hoptac_core::{Date, OrgCode};

/// The register as stored: units, organisations, their reports and managers (sổ đăng ký).
#[async_trait]
pub trait Registry: Send + Sync {
    async fn units(&self) -> Result<Vec<AdminUnit>>;
    /// Units, organisations and managers in full; reports of the years `from..=to` (all if `None`).
    async fn snapshot(&self, years: Option<(i32, i32)>) -> Result<Snapshot>;
    async fn org(&self, code: &OrgCode) -> Result<Option<Organization>>;
    async fn reports_of(&self, code: &OrgCode) -> Result<Vec<AnnualReport>>;
    async fn managers_of(&self, code: &OrgCode) -> Result<Vec<Manager>>;
    /// The yearly reports of an organisation taken out of the register, newest first.
    async fn archived_reports(&self, code: &OrgCode) -> Result<Vec<ArchivedReport>>;
    /// Organisations taken out of the register, newest first, each with its managers and
    /// registered services as they were.
    async fn archived_orgs(&self) -> Result<Vec<ArchivedOrg>>;
    async fn search(&self, q: &OrgQuery) -> Result<OrgPage>;
    async fn counts(&self) -> Result<Counts>;
    async fn registered_services(
        &self,
    ) -> Result<std::collections::HashMap<OrgCode, std::collections::BTreeSet<hoptac_core::Service>>>;
}

/// The unit of work: a change set applied in one transaction, the generation it bumps, the
/// version of each row (its last recorded change), and small settings.
#[async_trait]
pub trait Changes: Send + Sync {
    async fn apply(&self, changes: &ChangeSet) -> Result<()>;
    /// A number that changes with every committed change set, in this process or another:
    /// readers use it to know when a cached snapshot is stale.
    async fn generation(&self) -> Result<i64>;
    async fn meta(&self, key: &str) -> Result<Option<String>>;
    /// The last change (not a refusal) recorded for one row: its version for a form that
    /// edits it, and who changed it when.
    async fn last_change(&self, entity: &str, key: &str) -> Result<Option<AuditEntry>>;
}

/// Shared definitions with an owner scope: indicators, plans with targets, validation rules.
#[async_trait]
pub trait Definitions: Send + Sync {
    async fn indicators(&self) -> Result<Vec<IndicatorRecord>>;
    /// Every plan with its targets, in target order.
    async fn plans(&self) -> Result<Vec<Plan>>;
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
}

/// Accounts and their sessions (tài khoản, phiên đăng nhập).
#[async_trait]
pub trait Accounts: Send + Sync {
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
}

/// The append-only audit trail (nhật ký thay đổi).
#[async_trait]
pub trait AuditLog: Send + Sync {
    async fn append_audit(&self, e: &AuditEntry) -> Result<()>;
    async fn audit(&self, q: &AuditQuery) -> Result<Vec<AuditEntry>>;
}

/// Review (rà soát): compliance cases and their actions, merges of duplicate records, reporting-year locks.
#[async_trait]
pub trait Review: Send + Sync {
    async fn cases(&self) -> Result<Vec<StoredCase>>;
    /// Opens new cases (rule, organisation, since, evidence) and closes others (id, reason),
    /// at `at`, in one transaction.
    async fn sync_cases(
        &self,
        open: &[(String, OrgCode, Date, String)],
        close: &[(i64, String)],
        at: &str,
        audit: &[AuditEntry],
    ) -> Result<()>;
    /// Records an action on a case; with `close`, closes it; with `changes` (a dissolution
    /// completed), writes them in the same transaction.
    async fn add_case_action(
        &self,
        case_id: i64,
        a: &CaseAction,
        close: Option<&str>,
        changes: &ChangeSet,
    ) -> Result<()>;
    /// Reopens a closed case: records the action, clears its closing, and writes `changes`
    /// (a dissolution taken back) in the same transaction.
    async fn reopen_case(&self, case_id: i64, a: &CaseAction, changes: &ChangeSet) -> Result<()>;
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
    /// Every close and reopen of a reporting year, oldest first.
    async fn reporting_locks(&self) -> Result<Vec<ReportingLock>>;
    /// Records a close or reopen with its audit entry, in one transaction.
    async fn add_reporting_lock(&self, l: &ReportingLock, audit: &AuditEntry) -> Result<()>;
}

/// Evaluations and classifications of cooperatives, and the rubric versions they are scored by.
#[async_trait]
pub trait Evaluations: Send + Sync {
    /// Evaluations of one year, or of all years; rows that cannot be read are left out.
    async fn evaluations(&self, year: Option<i32>) -> Result<Vec<StoredEvaluation>>;
    /// The stored evaluations that cannot be read, each with its key and the reason: shown
    /// on the page, never a fault of every page.
    async fn unreadable_evaluations(&self) -> Result<Vec<String>>;
    /// When each sheet of a rubric was submitted (organisation, year, date), for the
    /// review: only these three columns, never the scores of a country's sheets.
    async fn sheets_submitted(
        &self,
        rubric_id: &str,
    ) -> Result<Vec<(OrgCode, i32, hoptac_core::Date)>>;
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
    /// Every rubric version an office loaded, oldest first.
    async fn rubric_versions(&self) -> Result<Vec<StoredRubric>>;
    /// Adds a rubric version with its audit entry; a version already taken is refused.
    async fn add_rubric_version(&self, r: &StoredRubric, audit: &AuditEntry) -> Result<()>;
}

/// Keeping the database safe: a consistent copy.
#[async_trait]
pub trait Maintenance: Send + Sync {
    /// A consistent copy of the whole database, taken while others read and write.
    async fn backup(&self, path: &std::path::Path) -> Result<()>;
}

/// The cooperatives' books (sổ kế toán), one fiscal year at a time: kept apart from the
/// register's snapshot, since a national installation's vouchers are far larger than it.
#[async_trait]
pub trait Books: Send + Sync {
    /// Every year of books kept, by organisation and year.
    async fn ledger_years(&self) -> Result<Vec<LedgerYearRow>>;
    async fn ledger(&self, org: &OrgCode, year: i32) -> Result<Option<StoredLedger>>;
    /// Applies one write at the version it read, with its audit entries, in one transaction.
    async fn write_ledger(&self, w: &LedgerWrite) -> Result<()>;
}

/// Everything a backend provides. Implemented for every type that implements each aggregate.
pub trait Store:
    Registry + Changes + Definitions + Accounts + AuditLog + Review + Evaluations + Maintenance + Books
{
}

impl<
    T: Registry
        + Changes
        + Definitions
        + Accounts
        + AuditLog
        + Review
        + Evaluations
        + Maintenance
        + Books,
> Store for T
{
}
