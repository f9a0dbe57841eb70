//! What a workbook parses to: the rows of each table, each with where it came from.

use crate::Problem;
use hoptac_core::Date;
use hoptac_core::model::{AnnualReport, ClubProfile, Manager, Meeting};
use hoptac_core::plan::{Plan, Target};
use hoptac_core::spec::IndicatorRecord;
use hoptac_core::types::*;
use std::collections::{BTreeSet, HashMap};

/// A value and the row it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub sheet: String,
    pub row: u32,
    pub value: T,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitInput {
    pub code: String,
    pub name: String,
    pub level: AdminLevel,
    pub parent_code: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
}

/// An organisation whose commune is still a reference (code or name) to resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgInput {
    pub code: OrgCode,
    pub kind: OrgKind,
    pub name: String,
    pub sector: Sector,
    pub commune: String,
    pub founded_on: Date,
    pub dissolved_on: Option<Date>,
    pub registration_no: Option<String>,
    /// `None` when the sheet has no such column (the stored list is kept).
    pub registered_services: Option<BTreeSet<Service>>,
}

/// A change between units, named by codes to resolve at its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitChangeInput {
    pub old_code: String,
    pub new_code: String,
    pub on: Date,
    pub kind: hoptac_core::territory::ChangeKind,
    pub basis: String,
}

/// A move of an organisation, its commune a reference (code or name) to resolve at its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveInput {
    pub org: OrgCode,
    pub commune: String,
    pub moved_on: Date,
    pub reason: String,
}

/// An organisation founded from another; the older one's kind is read at import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OriginInput {
    pub org: OrgCode,
    pub from: OrgCode,
    pub founding_members: Option<i64>,
}

/// A course whose unit is still a reference (code or name) to resolve at its start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseInput {
    pub code: String,
    pub title: String,
    pub level: hoptac_core::types::CourseLevel,
    pub organiser: String,
    pub unit: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub funding: String,
}

/// An event as a sheet gives it: its unit a code, resolved by the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventInput {
    pub code: String,
    pub kind: hoptac_core::types::EventKind,
    pub title: String,
    pub held_on: Date,
    pub organiser: String,
    pub unit: String,
    pub audience: String,
    pub reach: Option<i64>,
}

/// A facility as a sheet gives it: its commune a code or name (`facility.unit` unset).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacilityInput {
    pub facility: hoptac_core::lots::Facility,
    pub unit: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub units: Vec<Located<UnitInput>>,
    pub orgs: Vec<Located<OrgInput>>,
    pub reports: Vec<Located<AnnualReport>>,
    pub managers: Vec<Located<Manager>>,
    pub indicators: Vec<Located<IndicatorRecord>>,
    pub plans: Vec<Located<Plan>>,
    /// (plan code, target)
    pub targets: Vec<Located<(String, Target)>>,
    /// (plan code, office)
    pub plan_offices: Vec<Located<(String, hoptac_core::plan::PlanOffice)>>,
    /// (plan code, task)
    pub plan_tasks: Vec<Located<(String, hoptac_core::plan::PlanTask)>>,
    pub unit_changes: Vec<Located<UnitChangeInput>>,
    pub moves: Vec<Located<MoveInput>>,
    pub club_profiles: Vec<Located<ClubProfile>>,
    pub meetings: Vec<Located<Meeting>>,
    pub origins: Vec<Located<OriginInput>>,
    pub courses: Vec<Located<CourseInput>>,
    pub attendees: Vec<Located<hoptac_core::model::Attendee>>,
    pub events: Vec<Located<EventInput>>,
    pub disbursements: Vec<Located<hoptac_core::model::Disbursement>>,
    /// The disbursements sheet has no project column: the project each names stays as
    /// stored (a workbook from before projects does not unlink them).
    pub disbursements_without_project: bool,
    pub products: Vec<Located<hoptac_core::model::Product>>,
    /// Without a criteria set in the sheet, the one in force on the decision's day.
    pub ratings: Vec<Located<hoptac_core::model::OcopRating>>,
    /// Planting areas and packing houses, their commune a reference resolved at the day of
    /// issue.
    pub facilities: Vec<Located<FacilityInput>>,
    /// Lots, with the GTIN the sheet gives (to be the product's).
    pub lots: Vec<Located<(hoptac_core::lots::Lot, Option<String>)>>,
    pub contracts: Vec<Located<hoptac_core::chain::Contract>>,
    pub projects: Vec<Located<hoptac_core::chain::LinkageProject>>,
    pub deliveries: Vec<Located<hoptac_core::chain::Delivery>>,
    pub problems: Vec<Problem>,
    /// The columns each table's sheet had: a column left out keeps the stored values.
    pub columns: HashMap<&'static str, std::collections::BTreeSet<&'static str>>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.is_error())
    }
}
