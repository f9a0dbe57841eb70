//! The records of the registry.

use crate::date::Date;
use crate::fixed::Fixed;
use crate::types::*;
use std::collections::{BTreeSet, HashMap};

pub use crate::types::UnitId;

/// An administrative unit (đơn vị hành chính): province, district or commune.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AdminUnit {
    pub id: UnitId,
    pub code: String,
    pub name: String,
    pub level: AdminLevel,
    pub parent: Option<UnitId>,
    /// Came into being; `None`: long before the data.
    pub valid_from: Option<Date>,
    /// Ceased (merged, abolished); `None` while it exists.
    pub valid_to: Option<Date>,
}

impl AdminUnit {
    /// Whether the unit existed on `d`.
    pub fn valid_on(&self, d: Date) -> bool {
        self.valid_from.is_none_or(|f| f <= d) && self.valid_to.is_none_or(|t| t >= d)
    }
}

/// An organisation of the collective economy (tổ chức kinh tế tập thể).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Organization {
    pub code: OrgCode,
    pub kind: OrgKind,
    pub name: String,
    pub sector: Sector,
    pub commune: UnitId,
    /// Ngày thành lập.
    pub founded_on: Date,
    /// Ngày giải thể: the dissolution was completed.
    pub dissolved_on: Option<Date>,
    /// Số đăng ký.
    pub registration_no: Option<String>,
}

impl Organization {
    /// Active at `d`: founded on or before it and not dissolved on or before it.
    pub fn active_on(&self, d: Date) -> bool {
        self.founded_on <= d && self.dissolved_on.is_none_or(|x| x > d)
    }
}

/// The yearly figures of one organisation (báo cáo năm). Money in million VND, exact.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ReportFigures {
    /// Số thành viên at the end of the year.
    pub members: Option<i64>,
    pub members_joined: Option<i64>,
    pub members_left: Option<i64>,
    /// Lao động thường xuyên at the end of the year.
    pub workers: Option<i64>,
    pub revenue: Option<Fixed>,
    pub profit: Option<Fixed>,
    pub member_income: Option<Fixed>,
    pub worker_income: Option<Fixed>,
    pub services: BTreeSet<Service>,
    pub rating: Option<Rating>,
    pub general_meeting_on: Option<Date>,
    pub statements_filed: Option<bool>,
    /// Ngày nhận báo cáo: when the office received this yearly report (due 15 January).
    pub received_on: Option<Date>,
    /// Ngày nộp báo cáo tài chính (due 90 days after the year end).
    pub statements_filed_on: Option<Date>,
    /// Ngày gửi phiếu tự chấm điểm: when the self-scoring sheet for this year reached the
    /// office (due 15 December of the same year, Circular 01/2020/TT-BKHĐT).
    pub self_assessment_sent_on: Option<Date>,
    /// Căn cứ xếp loại: on what the rating was given (a cooperative group's rating is
    /// decided locally, so its basis is kept with it).
    pub rating_basis: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AnnualReport {
    pub org: OrgCode,
    pub year: Year,
    #[serde(flatten)]
    pub figures: ReportFigures,
}

/// A person who manages an organisation (cán bộ quản lý).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Manager {
    pub org: OrgCode,
    pub full_name: String,
    pub role: Role,
    pub qualification: Option<Qualification>,
    /// Last training course attended (bồi dưỡng, tập huấn).
    pub trained_on: Option<Date>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Manager {
    /// The row's key in the audit trail: organisation, name, role and start
    /// (`HTX-TM-07/Nguyễn Văn A/director/2015-01-01`).
    pub fn audit_key(&self) -> String {
        format!(
            "{}/{}/{}/{}",
            self.org,
            self.full_name,
            self.role.code(),
            self.from.map(crate::date::to_iso).unwrap_or_default()
        )
    }

    /// A short stable name of the row for addresses (`/orgs/X/managers/{slug}`): a hash of
    /// its key (FNV-1a, 64 bits), so a name with spaces or slashes never reaches a path.
    pub fn slug(&self) -> String {
        slug_of_key(&self.audit_key())
    }

    /// In office on `d`.
    pub fn in_office_on(&self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| t >= d)
    }
}

/// The slug of a manager's row from its audit key (as [`Manager::slug`]): the history links
/// a recorded change to the row's edit form.
pub fn slug_of_key(key: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// How much of the old unit went into the new one (hình thức).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The whole old unit (toàn bộ).
    Full,
    /// Part of it: the old unit was split (một phần).
    Partial,
}

impl ChangeKind {
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Full => "full",
            ChangeKind::Partial => "partial",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            ChangeKind::Full => "toàn bộ",
            ChangeKind::Partial => "một phần",
        }
    }

    pub fn parse(s: &str) -> Option<ChangeKind> {
        match crate::text::fold(s).as_str() {
            "full" | "toan bo" | "toan phan" => Some(ChangeKind::Full),
            "partial" | "mot phan" => Some(ChangeKind::Partial),
            _ => None,
        }
    }
}

/// A unit that became (part of) another (sáp nhập, chia tách).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UnitChange {
    pub old: UnitId,
    pub new: UnitId,
    /// The first day of the new unit.
    pub on: Date,
    pub kind: ChangeKind,
    /// The legal act, e.g. `NQ 1663/NQ-UBTVQH15`.
    pub basis: String,
}

/// An organisation registered in another commune from a date (chuyển địa bàn); also how an
/// office places an organisation of a split commune.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OrgMove {
    pub org: OrgCode,
    pub commune: UnitId,
    pub moved_on: Date,
    pub reason: String,
}

/// The index a snapshot keeps of its rows (`crate::rows::OrgRows`), held without its type
/// so that the records do not depend on the index. A clone shares it (the rows are the
/// same); a change to the rows goes through `Snapshot::rows_after`, or
/// [`Snapshot::rows_changed`] drops it.
#[derive(Default)]
pub struct RowIndex(
    pub(crate) std::sync::Mutex<Option<std::sync::Arc<dyn std::any::Any + Send + Sync>>>,
);

impl RowIndex {
    pub(crate) fn get(&self) -> Option<std::sync::Arc<dyn std::any::Any + Send + Sync>> {
        // a poisoned lock only means a panic while building: the value is still whole
        self.0.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl Clone for RowIndex {
    fn clone(&self) -> Self {
        RowIndex(std::sync::Mutex::new(self.get()))
    }
}

impl std::fmt::Debug for RowIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RowIndex")
    }
}

// Hội quán records (issue 16); their checks are in `crate::club`.

/// What the province knows of a club beyond the register's row (hồ sơ Hội quán).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ClubProfile {
    pub org: OrgCode,
    /// "Hội quán thứ 105 của tỉnh": its number in the province's sequence.
    pub sequence_no: Option<i64>,
    /// The product or trade it gathers around (lúa, xoài, hoa kiểng, cá tra…).
    pub trade: String,
    /// Meetings a year its regulation (quy chế) sets: 12 for monthly.
    pub meetings_per_year: Option<i64>,
}

/// An official attending a meeting (cán bộ dự sinh hoạt): who, from which office, at which
/// level.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Official {
    pub name: String,
    pub office: String,
    pub level: OfficialLevel,
}

/// One meeting of a club (buổi sinh hoạt): one a day per club, so the club and the date
/// name it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Meeting {
    pub org: OrgCode,
    pub held_on: Date,
    pub topic: MeetingTopic,
    /// People present (số người tham dự).
    pub attendance: Option<i64>,
    pub officials: Vec<Official>,
    /// What came of it (kết quả): decisions, a linkage agreed, a course asked for.
    pub outcome: String,
}

/// An organisation founded from another (thành lập từ): an HTX or THT from a Hội quán, an
/// HTX from a THT, with how many of the founders came from the older one's members.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OrgOrigin {
    pub org: OrgCode,
    pub from: OrgCode,
    /// The kind of `from`, read with it (the store joins it; a change of that kind moves it).
    pub from_kind: OrgKind,
    /// Founding members who were members of `from`.
    pub founding_members: Option<i64>,
}

impl Meeting {
    /// Whether an official attended (có cán bộ dự).
    pub fn with_officials(&self) -> bool {
        !self.officials.is_empty()
    }
}

/// The club records of a snapshot: profiles, meetings (by club, then date) and origins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClubRecords {
    pub profiles: Vec<ClubProfile>,
    pub meetings: Vec<Meeting>,
    pub origins: Vec<OrgOrigin>,
}

impl ClubRecords {
    /// The meetings of one club: a slice, as meetings are kept in key order.
    pub fn meetings_of(&self, org: &OrgCode) -> &[Meeting] {
        let m = &self.meetings;
        let lo = m.partition_point(|x| x.org.as_str() < org.as_str());
        let hi = lo + m[lo..].partition_point(|x| x.org.as_str() == org.as_str());
        &m[lo..hi]
    }

    /// What `org` was founded from, in a list of origins kept in key order.
    pub fn origins_in<'a>(origins: &'a [OrgOrigin], org: &OrgCode) -> &'a [OrgOrigin] {
        let lo = origins.partition_point(|x| x.org.as_str() < org.as_str());
        let hi = lo + origins[lo..].partition_point(|x| x.org.as_str() == org.as_str());
        &origins[lo..hi]
    }
}

/// A training course (khóa đào tạo, bồi dưỡng, tập huấn) for the people of cooperatives and
/// groups, recorded by the office of the unit it is held for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Course {
    /// The office's own code for it (e.g. `TM-2022-03`), unique.
    pub code: String,
    /// What it taught (nội dung).
    pub title: String,
    pub level: CourseLevel,
    /// Who held it (đơn vị tổ chức): Phòng NN-PTNT, Liên minh HTX tỉnh…
    pub organiser: String,
    /// The unit it is held for: whose offices keep it and whose statistics count it.
    pub unit: UnitId,
    pub starts_on: Date,
    pub ends_on: Date,
    /// Where the money came from (nguồn kinh phí): as the office words it.
    pub funding: String,
}

/// A person who attended a course (học viên): of an organisation (one of its managers or
/// staff, by name) or named only.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Attendee {
    pub course: String,
    pub full_name: String,
    pub org: Option<OrgCode>,
}

/// The training records of a snapshot: courses by code, attendees by course then name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainingRecords {
    pub courses: Vec<Course>,
    pub attendees: Vec<Attendee>,
}

impl TrainingRecords {
    /// The courses of the units kept or attended from the organisations kept, and the
    /// attendees of those organisations.
    pub fn within(
        &self,
        unit_in: impl Fn(UnitId) -> bool,
        org_in: impl Fn(&OrgCode) -> bool,
    ) -> TrainingRecords {
        let attendees: Vec<Attendee> = (self.attendees.iter())
            .filter(|a| a.org.as_ref().is_some_and(&org_in))
            .cloned()
            .collect();
        let attended: BTreeSet<&str> = attendees.iter().map(|a| a.course.as_str()).collect();
        TrainingRecords {
            courses: (self.courses.iter())
                .filter(|c| unit_in(c.unit) || attended.contains(c.code.as_str()))
                .cloned()
                .collect(),
            attendees,
        }
    }

    pub fn course(&self, code: &str) -> Option<&Course> {
        (self
            .courses
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok())
        .map(|i| &self.courses[i])
    }

    /// The attendees of one course: a slice, as they are kept in key order.
    pub fn attendees_of(&self, course: &str) -> &[Attendee] {
        let a = &self.attendees;
        let lo = a.partition_point(|x| x.course.as_str() < course);
        let hi = lo + a[lo..].partition_point(|x| x.course.as_str() == course);
        &a[lo..hi]
    }
}

/// A propaganda or promotion event (hội nghị, bản tin, phóng sự, hội chợ…) on the
/// collective economy, recorded by the office of the unit it was held for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Event {
    /// The office's own code for it, unique.
    pub code: String,
    pub kind: crate::types::EventKind,
    pub title: String,
    pub held_on: Date,
    /// Who held it (đơn vị tổ chức).
    pub organiser: String,
    /// The unit it was held for: whose offices keep it and whose statistics count it.
    pub unit: UnitId,
    /// Who it was for (đối tượng): as the office words it.
    pub audience: String,
    /// People attending, copies printed or listeners reached (lượt người, số bản), when known.
    pub reach: Option<i64>,
}

/// One disbursement of a support policy to an organisation (khoản hỗ trợ đã chi).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Disbursement {
    /// The office's own code for it (e.g. the voucher number), unique.
    pub code: String,
    pub policy: crate::types::SupportPolicy,
    /// The text it is paid under (căn cứ), as the office has it: "NĐ 98/2018/NĐ-CP".
    pub legal_basis: String,
    /// The decision approving it (số quyết định), when there is one.
    pub decision: String,
    /// The organisation that received it (đối tượng thụ hưởng).
    pub org: OrgCode,
    /// Exact amount in đồng, above zero.
    pub amount_vnd: i64,
    /// Where the money came from (nguồn ngân sách): as the office words it.
    pub source: String,
    pub paid_on: Date,
    /// The linkage project it was paid under (dự án liên kết), by code, when there is one.
    pub project: Option<String>,
}

/// Propaganda events by code and support disbursements by code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SupportRecords {
    pub events: Vec<Event>,
    pub disbursements: Vec<Disbursement>,
}

impl SupportRecords {
    /// The events of the units kept and the disbursements to the organisations kept.
    pub fn within(
        &self,
        unit_in: impl Fn(UnitId) -> bool,
        org_in: impl Fn(&OrgCode) -> bool,
    ) -> SupportRecords {
        SupportRecords {
            events: (self.events.iter())
                .filter(|e| unit_in(e.unit))
                .cloned()
                .collect(),
            disbursements: (self.disbursements.iter())
                .filter(|d| org_in(&d.org))
                .cloned()
                .collect(),
        }
    }

    pub fn event(&self, code: &str) -> Option<&Event> {
        (self
            .events
            .binary_search_by(|e| e.code.as_str().cmp(code))
            .ok())
        .map(|i| &self.events[i])
    }

    pub fn disbursement(&self, code: &str) -> Option<&Disbursement> {
        (self
            .disbursements
            .binary_search_by(|d| d.code.as_str().cmp(code))
            .ok())
        .map(|i| &self.disbursements[i])
    }
}

/// A product of an organisation (sản phẩm), the thing OCOP rates and a lot is a batch of.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Product {
    /// The office's or the cooperative's own code for it, unique.
    pub code: String,
    pub org: OrgCode,
    pub name: String,
    pub group: crate::types::OcopGroup,
    /// The product set or sub-group as the council named it (bộ/phân nhóm sản phẩm): the
    /// 26 sets of QĐ 26/2026 are not transcribed, so this is the office's words.
    pub subgroup: String,
    pub gtin: Option<crate::gtin::Gtin>,
    /// Unit of sale (đơn vị tính): "kg", "hộp 500 g".
    pub unit: String,
    /// Whether the cooperative lets its public page (GS1 Digital Link) show it.
    pub public: bool,
}

/// One OCOP evaluation that ended in a recognition decision and its certificate (kết quả
/// đánh giá, phân hạng và giấy chứng nhận OCOP): 3 to 5 stars, valid 36 months from the
/// decision unless revoked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OcopRating {
    /// The office's code for it (often the certificate number), unique.
    pub code: String,
    pub product: String,
    pub criteria: crate::types::OcopCriteria,
    pub kind: crate::types::OcopEvaluationKind,
    /// Points of parts A, B and C as the council gave them, when the office has them.
    pub parts: Option<[Fixed; 3]>,
    /// The council's total (tổng điểm), when the decision gives it.
    pub score: Option<Fixed>,
    pub stars: u8,
    /// Number of the recognition decision (số quyết định công nhận).
    pub decision: String,
    pub decided_on: Date,
    /// The level that recognised it (cấp công nhận): central, province, or district
    /// before 6 July 2025.
    pub level: crate::types::OfficialLevel,
    pub revoked_on: Option<Date>,
    /// Number of the revocation decision (quyết định thu hồi).
    pub revocation: String,
}

/// Products by code and OCOP ratings by code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductRecords {
    pub products: Vec<Product>,
    pub ratings: Vec<OcopRating>,
}

impl ProductRecords {
    /// The products of the organisations kept and their ratings.
    pub fn within(&self, org_in: impl Fn(&OrgCode) -> bool) -> ProductRecords {
        let products: Vec<Product> = (self.products.iter())
            .filter(|p| org_in(&p.org))
            .cloned()
            .collect();
        let kept: BTreeSet<&str> = products.iter().map(|p| p.code.as_str()).collect();
        let ratings = (self.ratings.iter())
            .filter(|r| kept.contains(r.product.as_str()))
            .cloned()
            .collect();
        ProductRecords { products, ratings }
    }

    pub fn product(&self, code: &str) -> Option<&Product> {
        (self
            .products
            .binary_search_by(|p| p.code.as_str().cmp(code))
            .ok())
        .map(|i| &self.products[i])
    }

    pub fn rating(&self, code: &str) -> Option<&OcopRating> {
        (self
            .ratings
            .binary_search_by(|r| r.code.as_str().cmp(code))
            .ok())
        .map(|i| &self.ratings[i])
    }

    /// The ratings of one product, oldest decision first.
    pub fn ratings_of(&self, product: &str) -> Vec<&OcopRating> {
        let mut v: Vec<&OcopRating> = (self.ratings.iter())
            .filter(|r| r.product == product)
            .collect();
        v.sort_by(|a, b| (a.decided_on, &a.code).cmp(&(b.decided_on, &b.code)));
        v
    }
}

/// Everything the engines need for one computation, loaded by the store in one go.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub units: Vec<AdminUnit>,
    pub orgs: Vec<Organization>,
    pub reports: Vec<AnnualReport>,
    pub managers: Vec<Manager>,
    /// How units became others (sáp nhập, chia tách).
    pub changes: Vec<UnitChange>,
    /// Organisations registered in another commune from a date (chuyển địa bàn).
    pub moves: Vec<OrgMove>,
    /// Hội quán profiles and meetings, and which organisation was founded from which.
    pub clubs: ClubRecords,
    /// Training courses and who attended them.
    pub training: TrainingRecords,
    /// Propaganda events and support disbursements.
    pub support: SupportRecords,
    /// Products of organisations and their OCOP ratings.
    pub products: ProductRecords,
    /// Planting areas, packing houses, lots and their events.
    pub trace: crate::lots::TraceRecords,
    /// Linkage contracts and their deliveries.
    pub contracts: crate::chain::ContractRecords,
    /// Where each organisation's rows are, built on first use (`crate::rows`).
    pub rows: RowIndex,
}

impl Snapshot {
    /// The records of the plan's tasks that name `org`: its club profile, meetings, origins
    /// (either side) and course attendances. An organisation with any is not archived or
    /// merged from under them.
    pub fn task_records_naming(&self, org: &OrgCode) -> usize {
        let c = &self.clubs;
        c.meetings_of(org).len()
            + c.profiles.iter().filter(|p| p.org == *org).count()
            + (c.origins.iter())
                .filter(|o| o.org == *org || o.from == *org)
                .count()
            + (self.training.attendees.iter())
                .filter(|a| a.org.as_ref() == Some(org))
                .count()
            + (self.support.disbursements.iter())
                .filter(|d| d.org == *org)
                .count()
            + (self.products.products.iter())
                .filter(|p| p.org == *org)
                .count()
            + (self.trace.facilities.iter())
                .filter(|f| f.org == *org)
                .count()
            + (self.contracts.contracts.iter())
                .filter(|c| c.orgs.contains(org))
                .count()
    }

    /// Forgets the index after rows were changed in place.
    pub fn rows_changed(&mut self) {
        self.rows = RowIndex::default();
    }

    /// What a scope unit covers: its subtree and, where units changed, what its communes
    /// became and what they were formed from (see [`ground_of`]).
    pub fn ground(&self, root: UnitId) -> BTreeSet<UnitId> {
        ground_of(&self.changes, self.subtree(root))
    }

    pub fn unit(&self, id: UnitId) -> Option<&AdminUnit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// Keeps only what lies inside the scope (a unit and its subtree); `None` keeps all.
    pub fn restrict(mut self, scope: Option<UnitId>) -> Snapshot {
        let Some(root) = scope else { return self };
        let keep = self.ground(root);
        let moved: BTreeSet<OrgCode> = self
            .moves
            .iter()
            .filter(|m| keep.contains(&m.commune))
            .map(|m| m.org.clone())
            .collect();
        self.units.retain(|u| keep.contains(&u.id));
        self.orgs
            .retain(|o| keep.contains(&o.commune) || moved.contains(&o.code));
        let codes: BTreeSet<&OrgCode> = self.orgs.iter().map(|o| &o.code).collect();
        let codes: BTreeSet<OrgCode> = codes.into_iter().cloned().collect();
        self.reports.retain(|r| codes.contains(&r.org));
        self.managers.retain(|m| codes.contains(&m.org));
        self.moves.retain(|m| codes.contains(&m.org));
        self.clubs.profiles.retain(|p| codes.contains(&p.org));
        self.clubs.meetings.retain(|m| codes.contains(&m.org));
        self.clubs.origins.retain(|o| codes.contains(&o.org));
        self.training = (self.training).within(|u| keep.contains(&u), |o| codes.contains(o));
        self.support = (self.support).within(|u| keep.contains(&u), |o| codes.contains(o));
        self.products = (self.products).within(|o| codes.contains(o));
        let kept: BTreeSet<String> = (self.products.products.iter())
            .map(|p| p.code.clone())
            .collect();
        self.trace = (self.trace).within(|o| codes.contains(o), |p| kept.contains(p));
        self.contracts = (self.contracts).within(|o| codes.contains(o));
        self.rows_changed();
        self
    }
}

/// `subtree` (a scope unit and what is below it) with, where units changed, what its units
/// became (followed forward) and what they were formed from (followed backward), each one
/// way only, so one commune of a split never reaches its sibling.
pub fn ground_of(changes: &[UnitChange], subtree: BTreeSet<UnitId>) -> BTreeSet<UnitId> {
    let mut out = subtree;
    if changes.is_empty() {
        return out;
    }
    let base: Vec<UnitId> = out.iter().copied().collect();
    for forward in [true, false] {
        let mut next: HashMap<UnitId, Vec<UnitId>> = HashMap::new();
        for c in changes {
            let (from, to) = if forward {
                (c.old, c.new)
            } else {
                (c.new, c.old)
            };
            next.entry(from).or_default().push(to);
        }
        let mut stack = base.clone();
        let mut seen: BTreeSet<UnitId> = base.iter().copied().collect();
        while let Some(u) = stack.pop() {
            for n in next.get(&u).into_iter().flatten() {
                if seen.insert(*n) {
                    out.insert(*n);
                    stack.push(*n);
                }
            }
        }
    }
    out
}
