//! What an indicator is: its records, filters, aggregate and unit, and the value it gives.

use crate::fixed::Fixed;
use crate::model::AnnualReport;
use crate::types::*;

/// Which records an indicator runs over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// Stock: organisations active at the end of the year, each with its report of that year.
    ActiveOrgs,
    /// Flow: organisations founded in the period.
    Founded,
    /// Flow: organisations whose dissolution completed in the period.
    Dissolved,
    /// Flow: the reports of every year of the period, of all organisations (dissolved ones too).
    PeriodReports,
    /// Stock: managers in office at the end of the year, in active organisations.
    ActiveManagers,
    /// Stock: communes of the scope, existing at the end of the year, with no active
    /// organisation that passes the filters.
    CommunesWithout,
    /// Flow: meetings (buổi sinh hoạt) of the clubs held in the period.
    Meetings,
    /// Flow: courses that ended in the period with an attendee of an organisation inside.
    Courses,
    /// Flow: attendances (lượt người) of organisations' people at courses ended in the period.
    Trainees,
    /// Flow: support disbursements paid in the period to organisations inside.
    Disbursements,
    /// Flow: organisations inside that received a disbursement in the period, each once.
    Beneficiaries,
    /// Flow: propaganda events held in the period for units of the scope.
    Events,
    /// Stock: the products of organisations active inside at the end, each with the OCOP
    /// rating it holds then and that rating's state.
    Certificates,
    /// Stock: organisations active inside at the end holding an OCOP certificate in force.
    CertifiedOrgs,
    /// Stock: planting-area codes of units of the scope held at the end.
    PlantingAreas,
    /// Stock: organisations active inside at the end holding a planting-area code then.
    AreaHolders,
    /// Stock: linkage contracts in force at the end with a party inside.
    Contracts,
    /// Stock: organisations active inside at the end, each marked party to a contract in
    /// force then or not.
    ContractParties,
}

impl Subject {
    pub fn is_flow(&self) -> bool {
        matches!(
            self,
            Subject::Founded
                | Subject::Dissolved
                | Subject::PeriodReports
                | Subject::Meetings
                | Subject::Courses
                | Subject::Trainees
                | Subject::Disbursements
                | Subject::Beneficiaries
                | Subject::Events
        )
    }
}

/// A figure of a yearly report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Members,
    MembersJoined,
    MembersLeft,
    Workers,
    Revenue,
    Profit,
    MemberIncome,
    WorkerIncome,
    /// Number of distinct services provided.
    ServiceCount,
    /// A disbursement's amount (in millions, exact to the đồng).
    Amount,
    /// An event's reach.
    Reach,
    /// A planting area's area in hectares.
    AreaHa,
    /// A contract's farm households.
    Households,
    /// A contract's deliveries against what was due, per cent.
    FulfilmentPct,
}

impl Field {
    pub(super) fn get(self, r: &AnnualReport) -> Option<Fixed> {
        let f = &r.figures;
        let n = |v: Option<i64>| v.map(Fixed::from_int);
        match self {
            Field::Members => n(f.members),
            Field::MembersJoined => n(f.members_joined),
            Field::MembersLeft => n(f.members_left),
            Field::Workers => n(f.workers),
            Field::Revenue => f.revenue,
            Field::Profit => f.profit,
            Field::MemberIncome => f.member_income,
            Field::WorkerIncome => f.worker_income,
            Field::ServiceCount => Some(Fixed::from_int(f.services.len() as i64)),
            Field::Amount
            | Field::Reach
            | Field::AreaHa
            | Field::Households
            | Field::FulfilmentPct => None,
        }
    }
}

/// A condition on an item. Report conditions fail when there is no report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Sector(Sector),
    /// Filed a report for the year.
    Reported,
    RatingAtLeast(Rating),
    ServicesAtLeast(usize),
    ProfitPositive,
    /// The field is present in the report (so an average or share is over real values).
    Has(Field),
    /// Managers: any role but professional staff.
    ManagerialRole,
    /// Managers: intermediate qualification or higher.
    Professional,
    /// Managers: trained in the `n` years ending with the year (y−n+1 … y).
    TrainedWithinYears(i32),
    /// Managers: attended a course that ended in the `n` years ending with the year, from
    /// the attendance alone.
    AttendedWithinYears(i32),
    /// Rated at least this, or not rated at all ("khá trở lên, nếu có xếp loại").
    RatingOrUnratedAtLeast(Rating),
    /// The organisation's commune had no active organisation of this kind (and sector) at
    /// the end of `year`: "ở các xã chưa có THT tiểu thủ công nghiệp".
    CommuneWithoutAt {
        kind: OrgKind,
        sector: Option<Sector>,
        year: i32,
    },
    /// Meetings: an official attended (có cán bộ dự).
    WithOfficials,
    /// Founded from an organisation of this kind (thành lập từ Hội quán).
    FoundedFrom(OrgKind),
    /// Disbursements: of this group of policies.
    Policy(SupportPolicy),
    /// Events: of this kind.
    EventOf(EventKind),
    /// Certificates: in force with this many stars.
    Stars(u8),
    /// Certificates: in force (valid or expiring).
    InForce,
    /// Certificates: in exactly this state.
    Certificate(crate::ocop::CertificateState),
    /// Organisations: party to a contract in force at the end.
    InContract,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Aggregate {
    Count,
    Sum(Field),
    /// Over the items whose report has the field.
    Avg(Field),
    /// Share (%) of the items that also pass these filters.
    SharePct(Vec<Filter>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Organizations,
    Persons,
    MillionVnd,
    Percent,
    Services,
    Communes,
    Meetings,
    Courses,
    Events,
    Products,
    PlantingAreas,
    Hectares,
    Contracts,
    Households,
}

impl Unit {
    pub fn label_vi(self) -> &'static str {
        match self {
            Unit::Organizations => "tổ chức",
            Unit::Persons => "người",
            Unit::MillionVnd => "triệu đồng",
            Unit::Percent => "%",
            Unit::Services => "dịch vụ",
            Unit::Communes => "xã",
            Unit::Meetings => "buổi",
            Unit::Courses => "lớp",
            Unit::Events => "sự kiện",
            Unit::Products => "sản phẩm",
            Unit::PlantingAreas => "mã số vùng trồng",
            Unit::Hectares => "ha",
            Unit::Contracts => "hợp đồng",
            Unit::Households => "hộ",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            Unit::Organizations => "organisations",
            Unit::Persons => "persons",
            Unit::MillionVnd => "million VND",
            Unit::Percent => "%",
            Unit::Services => "services",
            Unit::Communes => "communes",
            Unit::Meetings => "meetings",
            Unit::Courses => "courses",
            Unit::Events => "events",
            Unit::Products => "products",
            Unit::PlantingAreas => "planting-area codes",
            Unit::Hectares => "ha",
            Unit::Contracts => "contracts",
            Unit::Households => "households",
        }
    }
}

/// The definition of an indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorDef {
    pub id: String,
    pub label_vi: String,
    pub label_en: String,
    pub kinds: Vec<OrgKind>,
    pub subject: Subject,
    pub filters: Vec<Filter>,
    pub aggregate: Aggregate,
    pub unit: Unit,
}

/// One indicator over a period, in the shape of the `stats` JSON.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IndicatorValue {
    pub id: String,
    pub value: Option<Fixed>,
    pub base: Option<Fixed>,
    pub change_pct: Option<Fixed>,
    pub ratio_pct: Option<Fixed>,
}
