//! The records that cross the port: change sets, audit entries, queries and stored rows, in
//! core types only.

use hoptac_core::auth::Account;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, UnitId};
use hoptac_core::plan::{Plan, Target};
use hoptac_core::spec::IndicatorRecord;
use hoptac_core::types::{OrgKind, Sector};
use hoptac_core::{Date, OrgCode};

/// Writes applied together, in one transaction: all or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeSet {
    /// Upserted on id (the application assigns ids to new units, so the organisations of
    /// the same change set can refer to them), parents before children.
    pub units: Vec<AdminUnit>,
    /// Upserted on (old, new), after the units.
    pub unit_changes: Vec<hoptac_core::territory::UnitChange>,
    /// Upserted on code.
    pub orgs: Vec<Organization>,
    /// Upserted on (organisation, date), after the organisations.
    pub moves: Vec<hoptac_core::territory::OrgMove>,
    /// Yearly reports taken out of the register, before the upserts: each moved whole into
    /// the archive (lưu trữ), never deleted.
    pub archived_reports: Vec<ReportArchive>,
    /// Archived reports put back (archive id, when): marked so, once; the report itself
    /// comes back as one of `reports`.
    pub restored_reports: Vec<(i64, String)>,
    /// Organisations entered by mistake taken out of the register, after the upserts and
    /// the reports archived: each moved whole, with its managers and registered services,
    /// into the archive. Refused ([`StoreError::Stale`]) while any other record (a yearly
    /// report, an evaluation, a classification, a review case, a move) still names it.
    ///
    /// [`StoreError::Stale`]: crate::StoreError::Stale
    pub archived_orgs: Vec<OrgArchive>,
    /// Archived organisations put back (archive id, when): marked so, once; the
    /// organisation, its managers and services come back as `orgs`, `managers`, `registered`.
    pub restored_orgs: Vec<(i64, String)>,
    /// Upserted on (org, year).
    pub reports: Vec<AnnualReport>,
    /// Hội quán profiles, upserted on the club, after the organisations.
    pub club_profiles: Vec<hoptac_core::model::ClubProfile>,
    /// Meetings taken out (club, date), before the upserts.
    pub removed_meetings: Vec<(OrgCode, Date)>,
    /// Meetings upserted on (club, date), each with its officials replaced as a whole.
    pub meetings: Vec<hoptac_core::model::Meeting>,
    /// Origins taken out (organisation, the one it was founded from), before the upserts.
    pub removed_origins: Vec<(OrgCode, OrgCode)>,
    /// Origins upserted on (organisation, from); `from_kind` is not written (it is read
    /// from the older organisation's row).
    pub origins: Vec<hoptac_core::model::OrgOrigin>,
    /// Training courses taken out (by code) with their attendees, before the upserts.
    pub removed_courses: Vec<String>,
    /// Training courses upserted on code, after the units.
    pub courses: Vec<hoptac_core::model::Course>,
    /// Each course's attendees replaced as a whole (in this order), after the courses and
    /// the organisations.
    pub course_attendees: Vec<(String, Vec<hoptac_core::model::Attendee>)>,
    /// Propaganda events taken out (by code), before the upserts.
    pub removed_events: Vec<String>,
    /// Propaganda events upserted on code, after the units.
    pub events: Vec<hoptac_core::model::Event>,
    /// Support disbursements taken out (by code), before the upserts.
    pub removed_disbursements: Vec<String>,
    /// Support disbursements upserted on code, after the organisations.
    pub disbursements: Vec<hoptac_core::model::Disbursement>,
    /// OCOP ratings taken out (by code), before the products are.
    pub removed_ratings: Vec<String>,
    /// Products taken out (by code), after their ratings.
    pub removed_products: Vec<String>,
    /// Products upserted on code, after the organisations.
    pub products: Vec<hoptac_core::model::Product>,
    /// OCOP ratings upserted on code, after the products.
    pub ratings: Vec<hoptac_core::model::OcopRating>,
    /// Trace events taken out (by code), before the lots and facilities.
    pub removed_trace_events: Vec<String>,
    /// Lots taken out by (product, lot), after the events that name them.
    pub removed_lots: Vec<(String, String)>,
    /// Facilities taken out (by code), after the lots and events that name them.
    pub removed_facilities: Vec<String>,
    /// Facilities upserted on code, after the organisations and units.
    pub facilities: Vec<hoptac_core::lots::Facility>,
    /// Lots upserted on (product, lot), after the products and facilities.
    pub lots: Vec<hoptac_core::lots::Lot>,
    /// Trace events upserted on code, their lots replaced, after the lots.
    pub trace_events: Vec<hoptac_core::lots::TraceEvent>,
    /// Deliveries taken out (by code), before the contracts.
    pub removed_deliveries: Vec<String>,
    /// Contracts taken out (by code), after their deliveries.
    pub removed_contracts: Vec<String>,
    /// Contracts upserted on code, their parties and schedule replaced.
    pub contracts: Vec<hoptac_core::chain::Contract>,
    /// Deliveries upserted on code, after the contracts.
    pub deliveries: Vec<hoptac_core::chain::Delivery>,
    /// Linkage projects taken out (by code), before the contracts; refused while a
    /// disbursement names one (unlink or take those out in an earlier change set).
    pub removed_projects: Vec<String>,
    /// Linkage projects upserted on code after the contracts, their cooperatives and
    /// contracts replaced; before the disbursements that name them.
    pub projects: Vec<hoptac_core::chain::LinkageProject>,
    /// Managers taken out by identity (org, full name, role, from), before the upserts: the
    /// old row of a manager whose name, role or start changed.
    pub removed_managers: Vec<Manager>,
    /// Upserted on (org, full name, role, from).
    pub managers: Vec<Manager>,
    pub meta: Vec<(String, String)>,
    /// Upserted on id.
    pub indicators: Vec<IndicatorRecord>,
    /// Upserted on code; targets are not touched.
    pub plans: Vec<Plan>,
    /// Upserted on (plan code, number): editing one target never loses the others.
    pub targets: Vec<(String, Target)>,
    /// Tasks of plans taken out (plan, number), before the upserts.
    pub removed_plan_tasks: Vec<(String, String)>,
    /// Offices of plans taken out (plan, code), before the upserts.
    pub removed_plan_offices: Vec<(String, String)>,
    /// Offices of plans upserted on (plan, code), after the plans.
    pub plan_offices: Vec<(String, hoptac_core::plan::PlanOffice)>,
    /// Tasks of plans upserted on (plan, number), after the plans.
    pub plan_tasks: Vec<(String, hoptac_core::plan::PlanTask)>,
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

/// A yearly report to take out of the register: which, who, when (ISO, Vietnam time), why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportArchive {
    pub org: OrgCode,
    pub year: i32,
    pub at: String,
    pub actor: String,
    pub reason: String,
}

/// An organisation to take out of the register: which, who, when (ISO, Vietnam time), why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgArchive {
    pub org: OrgCode,
    pub at: String,
    pub actor: String,
    pub reason: String,
}

/// An organisation taken out of the register, kept whole with its managers and registered
/// services (tổ chức đã lưu trữ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchivedOrg {
    pub id: i64,
    pub org: Organization,
    pub managers: Vec<Manager>,
    pub services: std::collections::BTreeSet<hoptac_core::Service>,
    pub archived_at: String,
    pub archived_by: String,
    pub reason: String,
    /// When it was put back, if it was.
    pub restored_at: Option<String>,
}

/// A yearly report taken out of the register, kept whole (báo cáo đã lưu trữ).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchivedReport {
    pub id: i64,
    pub report: AnnualReport,
    pub archived_at: String,
    pub archived_by: String,
    pub reason: String,
    /// When it was put back, if it was.
    pub restored_at: Option<String>,
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
    /// Only rows older than this one (its id): the next page of a list newest first.
    pub before_id: Option<i64>,
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
    /// `Some(false)`: only those not dissolved (đang hoạt động); `Some(true)`: only the
    /// dissolved (đã giải thể); `None`: all.
    pub dissolved: Option<bool>,
    /// Founded in this year.
    pub founded_in: Option<i32>,
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

/// One fiscal year of an organisation's books as stored (sổ kế toán năm).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLedger {
    pub org: OrgCode,
    pub year: hoptac_core::ledger::voucher::FiscalYear,
    /// Moves on with every write to the year: the version an edit must carry.
    pub version: i64,
    /// The cooperative's own sub-accounts (number, name), by number.
    pub sub_accounts: Vec<(String, String)>,
    /// Opening balance per account (net debit − credit), by account.
    pub opening: Vec<(String, i64)>,
    /// In the order they were posted (date, then entry).
    pub vouchers: Vec<hoptac_core::ledger::voucher::Voucher>,
    pub closing: Option<hoptac_core::ledger::voucher::Voucher>,
}

/// A year of books in the list: which, whether closed, its version and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerYearRow {
    pub org: OrgCode,
    pub year: i32,
    pub closed: bool,
    pub version: i64,
    pub vouchers: i64,
}

/// What one write does to a year of books.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LedgerChange {
    /// Opens the year, or replaces it whole (an import): its days, sub-accounts, opening
    /// balances and vouchers. A closed year is not replaced.
    Replace {
        year: hoptac_core::ledger::voucher::FiscalYear,
        sub_accounts: Vec<(String, String)>,
        opening: Vec<(String, i64)>,
        vouchers: Vec<hoptac_core::ledger::voucher::Voucher>,
    },
    /// Vouchers posted to an open year.
    Post(Vec<hoptac_core::ledger::voucher::Voucher>),
    /// A voucher taken out of an open year (kind, number).
    Remove(hoptac_core::ledger::voucher::VoucherKind, String),
    /// The year closed with its closing voucher.
    Close(hoptac_core::ledger::voucher::Voucher),
    /// The closing voucher taken away and the year open again.
    Reopen,
}

/// A write to one year of books, at the version it read (0: the year does not exist yet),
/// with its audit entries, in one transaction. A version that moved meanwhile, or a year
/// that is not open for a posting, writes nothing ([`StoreError::Stale`]).
///
/// [`StoreError::Stale`]: crate::StoreError::Stale
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerWrite {
    pub org: OrgCode,
    pub year: i32,
    pub expect_version: i64,
    pub change: LedgerChange,
    pub audit: Vec<AuditEntry>,
}
