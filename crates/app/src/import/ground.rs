//! What an import resolves against: the database as it was read, the parsed file, and the
//! units and organisations as they would be after it.

use crate::auth::Actor;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, UnitId};
use hoptac_core::plan::Plan;
use hoptac_core::spec::IndicatorRecord;
use hoptac_core::{OrgCode, Snapshot};
use hoptac_exchange::parse::Parsed;
use hoptac_store::{ChangeSet, ReportingLock};
use std::collections::{BTreeSet, HashMap};

/// The stored rows besides the snapshot that an import reads, all read before it decides.
pub(super) struct Stored {
    pub registered: HashMap<OrgCode, BTreeSet<hoptac_core::Service>>,
    pub indicators: Vec<IndicatorRecord>,
    pub indicator_owners: HashMap<String, UnitId>,
    pub plans: Vec<Plan>,
    pub locks: Vec<ReportingLock>,
}

/// The key a manager's row is matched by: one person in one role from one date.
pub(super) type ManagerKey = (
    OrgCode,
    String,
    hoptac_core::Role,
    Option<hoptac_core::Date>,
);

pub(super) fn manager_key(m: &Manager) -> ManagerKey {
    (m.org.clone(), m.full_name.clone(), m.role, m.from)
}

pub(super) struct Ground<'a> {
    pub actor: &'a Actor,
    pub db: &'a Snapshot,
    pub parsed: &'a Parsed,
    pub stored: &'a Stored,
    /// The units after the file's rows.
    pub units: Vec<AdminUnit>,
    pub db_orgs: HashMap<&'a OrgCode, &'a Organization>,
    /// The file's organisations that passed their checks, as they would be stored.
    pub file_orgs: HashMap<OrgCode, Organization>,
    /// The stored reports of the organisations the file names (only these are looked up).
    pub db_reports: HashMap<(&'a OrgCode, i32), &'a AnnualReport>,
    pub file_reports: HashMap<(&'a OrgCode, i32), &'a AnnualReport>,
    /// The stored managers of the organisations the file names.
    pub db_managers: HashMap<ManagerKey, &'a Manager>,
    /// Every organisation code of the file, also of rows that failed their checks.
    file_codes: std::collections::HashSet<&'a OrgCode>,
}

impl<'a> Ground<'a> {
    pub fn new(
        actor: &'a Actor,
        db: &'a Snapshot,
        parsed: &'a Parsed,
        stored: &'a Stored,
        units: Vec<AdminUnit>,
        file_orgs: HashMap<OrgCode, Organization>,
    ) -> Self {
        // stored reports and managers are only ever looked up for the organisations the
        // file names: a form's one row must not index a million reports
        let named: std::collections::HashSet<&OrgCode> = parsed
            .orgs
            .iter()
            .map(|l| &l.value.code)
            .chain(parsed.reports.iter().map(|l| &l.value.org))
            .chain(parsed.managers.iter().map(|l| &l.value.org))
            .collect();
        Ground {
            actor,
            db,
            parsed,
            stored,
            units,
            db_orgs: db_orgs(db),
            file_orgs,
            db_reports: db
                .reports
                .iter()
                .filter(|r| named.contains(&r.org))
                .map(|r| ((&r.org, r.year.get()), r))
                .collect(),
            file_reports: parsed
                .reports
                .iter()
                .map(|l| ((&l.value.org, l.value.year.get()), &l.value))
                .collect(),
            db_managers: db
                .managers
                .iter()
                .filter(|m| named.contains(&m.org))
                .map(|m| (manager_key(m), m))
                .collect(),
            file_codes: parsed.orgs.iter().map(|l| &l.value.code).collect(),
        }
    }

    /// The organisation a row refers to: the file's version, else the stored one.
    pub fn org_of(&self, code: &OrgCode) -> Option<&Organization> {
        self.file_orgs
            .get(code)
            .or_else(|| self.db_orgs.get(code).copied())
    }

    /// Whether the file or the database has the organisation at all (a row of the file
    /// that failed its checks still counts: its own error is enough).
    pub fn known(&self, code: &OrgCode) -> bool {
        self.org_of(code).is_some() || self.file_codes.contains(code)
    }

    /// The code of a unit of the register after the file (empty for an unknown id).
    pub fn unit_code(&self, id: UnitId) -> String {
        self.units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.code.clone())
            .unwrap_or_default()
    }

    pub fn commune_of(&self, code: &OrgCode) -> Option<UnitId> {
        self.org_of(code).map(|o| o.commune)
    }

    /// The report of the year before: the file's, else the stored one.
    pub fn previous(&self, r: &AnnualReport) -> Option<&'a AnnualReport> {
        let key = (&r.org, r.year.get() - 1);
        self.file_reports
            .get(&key)
            .or_else(|| self.db_reports.get(&key))
            .copied()
    }

    /// The unit a plan belongs to, as it would be after the import.
    pub fn plan_unit(&self, changes: &ChangeSet, code: &str) -> Option<UnitId> {
        let scope = changes
            .plans
            .iter()
            .chain(self.stored.plans.iter())
            .find(|p| p.code == code)
            .map(|p| p.scope.clone());
        scope.and_then(|s| self.units.iter().find(|u| u.code == s).map(|u| u.id))
    }
}

pub(super) fn db_orgs(db: &Snapshot) -> HashMap<&OrgCode, &Organization> {
    db.orgs.iter().map(|o| (&o.code, o)).collect()
}
