//! The indicator engine (chỉ tiêu). An indicator is a definition — which records, which
//! filters, which aggregate — and one engine evaluates them all, so a new indicator is new
//! data, not a new query. Meanings follow `shared/spec/indicators.md`.

use crate::date::year_end;
use crate::fixed::Fixed;
use crate::model::{AdminUnit, AnnualReport, Manager, Organization, Snapshot, UnitId};
use crate::types::*;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

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
}

impl Subject {
    pub fn is_flow(&self) -> bool {
        matches!(
            self,
            Subject::Founded | Subject::Dissolved | Subject::PeriodReports
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
}

impl Field {
    fn get(self, r: &AnnualReport) -> Option<Fixed> {
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
    /// Rated at least this, or not rated at all ("khá trở lên, nếu có xếp loại").
    RatingOrUnratedAtLeast(Rating),
    /// The organisation's commune had no active organisation of this kind (and sector) at
    /// the end of `year`: "ở các xã chưa có THT tiểu thủ công nghiệp".
    CommuneWithoutAt {
        kind: OrgKind,
        sector: Option<Sector>,
        year: i32,
    },
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

/// Evaluates indicators over a snapshot, optionally within a scope (a unit and its subtree).
/// Holds references only, so one cached snapshot serves every scope without copying.
pub struct Engine<'a> {
    units: Vec<&'a AdminUnit>,
    org_list: Vec<&'a Organization>,
    report_list: Vec<&'a AnnualReport>,
    managers: Vec<&'a Manager>,
    reports: HashMap<(&'a str, i32), &'a AnnualReport>,
    orgs: HashMap<&'a str, &'a Organization>,
    /// Organisations active at the end of a year, with their report of that year: the
    /// population of most stocks, built once per year.
    active: RefCell<HashMap<i32, Vec<ActiveItem<'a>>>>,
    covered: RefCell<HashMap<CoverKey, BTreeSet<UnitId>>>,
}

/// (kind, sector, year) of a "communes with …" set.
type CoverKey = (OrgKind, Option<Sector>, i32);

type ActiveItem<'a> = (&'a Organization, Option<&'a AnnualReport>);

/// One organisation's part in a figure.
#[derive(Debug, Clone)]
pub struct Contribution<'a> {
    pub org: &'a Organization,
    /// Its figure (sums over a period's reports, for flows of reports).
    pub value: Option<Fixed>,
    /// How many of its records (reports, managers) are in the population …
    pub items: usize,
    /// … and how many of them are counted.
    pub hits: usize,
}

enum Item<'a> {
    Org(&'a Organization, Option<&'a AnnualReport>),
    Report(&'a Organization, &'a AnnualReport),
    Manager(&'a Manager, i32),
}

impl<'a> Engine<'a> {
    pub fn new(snap: &'a Snapshot) -> Engine<'a> {
        Engine::scoped(snap, None)
    }

    pub fn scoped(snap: &'a Snapshot, scope: Option<UnitId>) -> Engine<'a> {
        let keep = scope.map(|s| snap.subtree(s));
        let inside = |u: &UnitId| keep.as_ref().is_none_or(|k| k.contains(u));
        let units: Vec<&AdminUnit> = snap.units.iter().filter(|u| inside(&u.id)).collect();
        let org_list: Vec<&Organization> =
            snap.orgs.iter().filter(|o| inside(&o.commune)).collect();
        let orgs: HashMap<&str, &Organization> =
            org_list.iter().map(|o| (o.code.as_str(), *o)).collect();
        let report_list: Vec<&AnnualReport> = snap
            .reports
            .iter()
            .filter(|r| orgs.contains_key(r.org.as_str()))
            .collect();
        let reports = report_list
            .iter()
            .map(|r| ((r.org.as_str(), r.year.get()), *r))
            .collect();
        let managers = snap
            .managers
            .iter()
            .filter(|m| orgs.contains_key(m.org.as_str()))
            .collect();
        Engine {
            units,
            org_list,
            report_list,
            managers,
            reports,
            orgs,
            active: RefCell::default(),
            covered: RefCell::default(),
        }
    }

    /// Communes with an active organisation of this kind (and sector) at the end of `year`.
    fn communes_with(&self, kind: OrgKind, sector: Option<Sector>, year: i32) -> BTreeSet<UnitId> {
        let key = (kind, sector, year);
        if let Some(v) = self.covered.borrow().get(&key) {
            return v.clone();
        }
        let v: BTreeSet<UnitId> = self.with_active(year, |all| {
            all.iter()
                .filter(|(o, _)| o.kind == kind && sector.is_none_or(|s| o.sector == s))
                .map(|(o, _)| o.commune)
                .collect()
        });
        self.covered.borrow_mut().insert(key, v.clone());
        v
    }

    fn with_active<T>(&self, year: i32, f: impl FnOnce(&[ActiveItem<'a>]) -> T) -> T {
        if !self.active.borrow().contains_key(&year) {
            let end = year_end(year);
            let v: Vec<ActiveItem<'a>> = self
                .org_list
                .iter()
                .filter(|o| o.active_on(end))
                .map(|o| (*o, self.report(&o.code, year)))
                .collect();
            self.active.borrow_mut().insert(year, v);
        }
        f(&self.active.borrow()[&year])
    }

    pub fn report(&self, org: &OrgCode, year: i32) -> Option<&'a AnnualReport> {
        self.reports.get(&(org.as_str(), year)).copied()
    }

    /// A stock at the end of `year`, or a flow over that single year.
    pub fn at(&self, def: &IndicatorDef, year: i32) -> Option<Fixed> {
        if def.subject.is_flow() {
            self.flow(def, year, year)
        } else {
            self.stock(def, year)
        }
    }

    /// The indicator over a period: a stock at the end of `to` against the end of `from`;
    /// a flow over `from..=to` with no base.
    pub fn evaluate(&self, def: &IndicatorDef, from: i32, to: i32) -> IndicatorValue {
        let (value, base) = if def.subject.is_flow() {
            (self.flow(def, from, to), None)
        } else {
            (self.stock(def, to), self.stock(def, from))
        };
        // compared from the exact values, rounded once (`shared/spec/indicators.md`)
        let (change_pct, ratio_pct) = match (value, base) {
            (Some(_), Some(_)) => match (self.stock_exact(def, to), self.stock_exact(def, from)) {
                (Some(v), Some(b)) => Fixed::change_and_ratio_pct(v, b),
                _ => (None, None),
            },
            _ => (None, None),
        };
        IndicatorValue {
            id: def.id.clone(),
            value,
            base,
            change_pct,
            ratio_pct,
        }
    }

    fn stock(&self, def: &IndicatorDef, year: i32) -> Option<Fixed> {
        if def.subject == Subject::CommunesWithout {
            return Some(self.communes_without(def, year));
        }
        let items = self.stock_items(def, year);
        self.aggregate(def, items)
    }

    /// A stock as an exact fraction of millionths (numerator, denominator): an average or
    /// a share before it is rounded.
    fn stock_exact(&self, def: &IndicatorDef, year: i32) -> Option<(i128, i128)> {
        if def.subject == Subject::CommunesWithout {
            return Some((self.communes_without(def, year).micros() as i128, 1));
        }
        let items: Vec<Item<'a>> = self
            .stock_items(def, year)
            .into_iter()
            .filter(|i| self.passes(i, &def.filters))
            .collect();
        match &def.aggregate {
            Aggregate::Avg(f) => {
                let vals: Vec<Fixed> = items.iter().filter_map(|i| field_of(i, *f)).collect();
                let s: i128 = vals.iter().map(|v| v.micros() as i128).sum();
                (!vals.is_empty()).then_some((s, vals.len() as i128))
            }
            Aggregate::SharePct(num) => {
                let hits = items.iter().filter(|i| self.passes(i, num)).count() as i128;
                (!items.is_empty()).then_some((hits * 100 * 1_000_000, items.len() as i128))
            }
            Aggregate::Count | Aggregate::Sum(_) => {
                self.aggregate(def, items).map(|v| (v.micros() as i128, 1))
            }
        }
    }

    fn communes_without(&self, def: &IndicatorDef, year: i32) -> Fixed {
        let end = year_end(year);
        let covered: BTreeSet<_> = self.with_active(year, |all| {
            all.iter()
                .filter(|(o, r)| {
                    def.kinds.contains(&o.kind) && self.passes(&Item::Org(o, *r), &def.filters)
                })
                .map(|(o, _)| o.commune)
                .collect()
        });
        let n = self
            .units
            .iter()
            .filter(|u| {
                u.level == AdminLevel::Commune && u.valid_on(end) && !covered.contains(&u.id)
            })
            .count();
        Fixed::from_int(n as i64)
    }

    fn stock_items(&self, def: &IndicatorDef, year: i32) -> Vec<Item<'a>> {
        let end = year_end(year);
        match def.subject {
            Subject::ActiveOrgs => self.with_active(year, |all| {
                all.iter()
                    .filter(|(o, _)| def.kinds.contains(&o.kind))
                    .map(|(o, r)| Item::Org(o, *r))
                    .collect()
            }),
            Subject::ActiveManagers => self
                .managers
                .iter()
                .copied()
                .filter(|m| m.in_office_on(end))
                .filter(|m| {
                    self.orgs
                        .get(m.org.as_str())
                        .is_some_and(|o| def.kinds.contains(&o.kind) && o.active_on(end))
                })
                .map(|m| Item::Manager(m, year))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn flow(&self, def: &IndicatorDef, from: i32, to: i32) -> Option<Fixed> {
        let items = self.flow_items(def, from, to);
        self.aggregate(def, items)
    }

    fn flow_items(&self, def: &IndicatorDef, from: i32, to: i32) -> Vec<Item<'a>> {
        let within = |y: i32| (from..=to).contains(&y);
        match def.subject {
            Subject::Founded => self
                .org_list
                .iter()
                .copied()
                .filter(|o| def.kinds.contains(&o.kind) && within(o.founded_on.year()))
                .map(|o| Item::Org(o, self.report(&o.code, o.founded_on.year())))
                .collect(),
            Subject::Dissolved => self
                .org_list
                .iter()
                .copied()
                .filter(|o| {
                    def.kinds.contains(&o.kind) && o.dissolved_on.is_some_and(|d| within(d.year()))
                })
                .map(|o| {
                    Item::Org(
                        o,
                        o.dissolved_on.and_then(|d| self.report(&o.code, d.year())),
                    )
                })
                .collect(),
            Subject::PeriodReports => self
                .report_list
                .iter()
                .copied()
                .filter(|r| within(r.year.get()))
                .filter_map(|r| {
                    let o = self.orgs.get(r.org.as_str())?;
                    def.kinds.contains(&o.kind).then_some(Item::Report(o, r))
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Who makes up a figure: per organisation, its own value (its figure for sums and
    /// averages; for managers, the share of its managers counted) and whether it is counted
    /// (for counts and shares). Stocks at the end of `to`; flows over `from..=to`.
    pub fn contributions(&self, def: &IndicatorDef, from: i32, to: i32) -> Vec<Contribution<'a>> {
        let items = if def.subject.is_flow() {
            self.flow_items(def, from, to)
        } else {
            self.stock_items(def, to)
        };
        let items: Vec<Item<'a>> = items
            .into_iter()
            .filter(|i| self.passes(i, &def.filters))
            .collect();
        let counted = |i: &Item<'_>| match &def.aggregate {
            Aggregate::SharePct(num) => self.passes(i, num),
            _ => true,
        };
        let field = match def.aggregate {
            Aggregate::Sum(f) | Aggregate::Avg(f) => Some(f),
            _ => None,
        };
        let mut out: Vec<Contribution<'a>> = Vec::new();
        for item in &items {
            let org = match item {
                Item::Org(o, _) | Item::Report(o, _) => *o,
                Item::Manager(m, _) => match self.orgs.get(m.org.as_str()) {
                    Some(o) => *o,
                    None => continue,
                },
            };
            let value = field.and_then(|f| field_of(item, f));
            let hit = counted(item);
            match out.iter_mut().find(|c| c.org.code == org.code) {
                Some(c) => {
                    c.items += 1;
                    c.hits += hit as usize;
                    c.value = match (c.value, value) {
                        (Some(a), Some(b)) => a.checked_add(b),
                        (a, b) => a.or(b),
                    };
                }
                None => out.push(Contribution {
                    org,
                    value,
                    items: 1,
                    hits: hit as usize,
                }),
            }
        }
        out
    }

    fn aggregate(&self, def: &IndicatorDef, items: Vec<Item<'a>>) -> Option<Fixed> {
        let items: Vec<Item<'a>> = items
            .into_iter()
            .filter(|i| self.passes(i, &def.filters))
            .collect();
        match &def.aggregate {
            Aggregate::Count => Some(Fixed::from_int(items.len() as i64)),
            Aggregate::Sum(f) => {
                let vals: Vec<Fixed> = items.iter().filter_map(|i| field_of(i, *f)).collect();
                if vals.is_empty() && !items.is_empty() {
                    return None;
                }
                let s: i128 = vals.iter().map(|v| v.micros() as i128).sum();
                i64::try_from(s).ok().map(Fixed::from_micros)
            }
            Aggregate::Avg(f) => {
                let vals: Vec<Fixed> = items.iter().filter_map(|i| field_of(i, *f)).collect();
                let s: i128 = vals.iter().map(|v| v.micros() as i128).sum();
                Fixed::average(s, vals.len())
            }
            Aggregate::SharePct(num) => {
                let hits = items.iter().filter(|i| self.passes(i, num)).count();
                Fixed::ratio(hits as i128 * 100, items.len() as i128, 2)
            }
        }
    }

    fn passes(&self, item: &Item<'_>, filters: &[Filter]) -> bool {
        filters.iter().all(|f| self.pass(item, f))
    }

    fn pass(&self, item: &Item<'_>, f: &Filter) -> bool {
        let (org, report) = match item {
            Item::Org(o, r) => (Some(*o), *r),
            Item::Report(o, r) => (Some(*o), Some(*r)),
            Item::Manager(m, _) => (self.orgs.get(m.org.as_str()).copied(), None),
        };
        match f {
            Filter::Sector(s) => org.is_some_and(|o| o.sector == *s),
            Filter::Reported => report.is_some(),
            Filter::RatingAtLeast(r) => report
                .and_then(|r| r.figures.rating)
                .is_some_and(|x| x >= *r),
            Filter::ServicesAtLeast(n) => report.is_some_and(|r| r.figures.services.len() >= *n),
            Filter::ProfitPositive => report
                .and_then(|r| r.figures.profit)
                .is_some_and(|p| p.is_positive()),
            Filter::Has(field) => report.and_then(|r| field.get(r)).is_some(),
            Filter::ManagerialRole => matches!(item, Item::Manager(m, _) if m.role != Role::Staff),
            Filter::Professional => {
                matches!(item, Item::Manager(m, _) if m.qualification.is_some_and(|q| q.is_professional()))
            }
            Filter::TrainedWithinYears(n) => matches!(item, Item::Manager(m, y)
                if m.trained_on.is_some_and(|t| t.year() > y - n && t.year() <= *y)),
            Filter::RatingOrUnratedAtLeast(r) => report
                .and_then(|r| r.figures.rating)
                .is_none_or(|x| x >= *r),
            Filter::CommuneWithoutAt { kind, sector, year } => org.is_some_and(|o| {
                !self
                    .communes_with(*kind, *sector, *year)
                    .contains(&o.commune)
            }),
        }
    }
}

fn field_of(item: &Item<'_>, f: Field) -> Option<Fixed> {
    match item {
        Item::Org(_, r) => r.and_then(|r| f.get(r)),
        Item::Report(_, r) => f.get(r),
        Item::Manager(..) => None,
    }
}

// One positional argument per column of the catalogue table below keeps that table readable.
#[allow(clippy::too_many_arguments)]
fn def(
    id: &str,
    vi: &str,
    en: &str,
    kinds: &[OrgKind],
    subject: Subject,
    filters: Vec<Filter>,
    aggregate: Aggregate,
    unit: Unit,
) -> IndicatorDef {
    IndicatorDef {
        id: id.to_string(),
        label_vi: vi.to_string(),
        label_en: en.to_string(),
        kinds: kinds.to_vec(),
        subject,
        filters,
        aggregate,
        unit,
    }
}

/// The core indicators of `shared/spec/indicators.md`, as data.
pub fn catalogue() -> Vec<IndicatorDef> {
    use Aggregate::*;
    use Subject::*;
    let htx = &[OrgKind::Htx][..];
    let tht = &[OrgKind::Tht][..];
    let mut v = Vec::new();
    for (p, kinds, vi_kind, en_kind) in [
        ("htx", htx, "HTX", "cooperatives"),
        ("tht", tht, "THT", "cooperative groups"),
    ] {
        v.push(def(
            &format!("{p}.active"),
            &format!("Số {vi_kind} đang hoạt động"),
            &format!("Active {en_kind}"),
            kinds,
            ActiveOrgs,
            vec![],
            Count,
            Unit::Organizations,
        ));
        for s in Sector::all() {
            v.push(def(
                &format!("{p}.active.by_sector.{}", s.code()),
                &format!(
                    "Số {vi_kind} đang hoạt động, lĩnh vực {}",
                    s.label_vi().to_lowercase()
                ),
                &format!("Active {en_kind}, {}", s.label_en().to_lowercase()),
                kinds,
                ActiveOrgs,
                vec![Filter::Sector(*s)],
                Count,
                Unit::Organizations,
            ));
        }
        v.push(def(
            &format!("{p}.founded"),
            &format!("Số {vi_kind} thành lập mới"),
            &format!("{en_kind} founded"),
            kinds,
            Founded,
            vec![],
            Count,
            Unit::Organizations,
        ));
        v.push(def(
            &format!("{p}.dissolved"),
            &format!("Số {vi_kind} hoàn thành giải thể"),
            &format!("{en_kind} dissolved"),
            kinds,
            Dissolved,
            vec![],
            Count,
            Unit::Organizations,
        ));
        v.push(def(
            &format!("{p}.members"),
            &format!("Tổng số thành viên {vi_kind}"),
            &format!("Members of {en_kind}"),
            kinds,
            ActiveOrgs,
            vec![],
            Sum(Field::Members),
            Unit::Persons,
        ));
        v.push(def(
            &format!("{p}.members_joined"),
            &format!("Thành viên mới gia nhập {vi_kind}"),
            &format!("Members who joined {en_kind}"),
            kinds,
            PeriodReports,
            vec![],
            Sum(Field::MembersJoined),
            Unit::Persons,
        ));
        v.push(def(
            &format!("{p}.workers"),
            &format!("Lao động thường xuyên trong {vi_kind}"),
            &format!("Regular workers of {en_kind}"),
            kinds,
            ActiveOrgs,
            vec![],
            Sum(Field::Workers),
            Unit::Persons,
        ));
        v.push(def(
            &format!("{p}.revenue_avg"),
            &format!("Doanh thu bình quân một {vi_kind}"),
            &format!("Average revenue per {}", en_kind.trim_end_matches('s')),
            kinds,
            ActiveOrgs,
            vec![Filter::Reported],
            Avg(Field::Revenue),
            Unit::MillionVnd,
        ));
        v.push(def(
            &format!("{p}.profit_avg"),
            &format!("Lợi nhuận bình quân một {vi_kind}"),
            &format!("Average profit per {}", en_kind.trim_end_matches('s')),
            kinds,
            ActiveOrgs,
            vec![Filter::Reported],
            Avg(Field::Profit),
            Unit::MillionVnd,
        ));
    }
    v.push(def(
        "htx.member_income_avg",
        "Thu nhập bình quân của thành viên HTX",
        "Average income of a cooperative member",
        htx,
        ActiveOrgs,
        vec![Filter::Reported],
        Avg(Field::MemberIncome),
        Unit::MillionVnd,
    ));
    v.push(def(
        "htx.worker_income_avg",
        "Thu nhập bình quân của lao động thường xuyên trong HTX",
        "Average income of a regular cooperative worker",
        htx,
        ActiveOrgs,
        vec![Filter::Reported],
        Avg(Field::WorkerIncome),
        Unit::MillionVnd,
    ));
    v.push(def(
        "htx.services_avg",
        "Số dịch vụ bình quân một HTX",
        "Average number of services per cooperative",
        htx,
        ActiveOrgs,
        vec![Filter::Reported],
        Avg(Field::ServiceCount),
        Unit::Services,
    ));
    v.push(def(
        "htx.agri.multiservice3",
        "Số HTX nông nghiệp thực hiện từ 03 dịch vụ trở lên",
        "Agricultural cooperatives providing 3 or more services",
        htx,
        ActiveOrgs,
        vec![
            Filter::Sector(Sector::Agriculture),
            Filter::ServicesAtLeast(3),
        ],
        Count,
        Unit::Organizations,
    ));
    v.push(def(
        "htx.agri.profitable_pct",
        "Tỷ lệ HTX nông nghiệp hoạt động có lãi",
        "Share of agricultural cooperatives making a profit",
        htx,
        ActiveOrgs,
        vec![
            Filter::Sector(Sector::Agriculture),
            Filter::Has(Field::Profit),
        ],
        SharePct(vec![Filter::ProfitPositive]),
        Unit::Percent,
    ));
    v.push(def(
        "htx.managers.qualified_pct",
        "Tỷ lệ cán bộ quản lý HTX có trình độ chuyên môn (trung cấp trở lên)",
        "Share of cooperative managers with professional qualifications (intermediate or higher)",
        htx,
        ActiveManagers,
        vec![Filter::ManagerialRole],
        SharePct(vec![Filter::Professional]),
        Unit::Percent,
    ));
    v.push(def(
        "htx.managers.trained_pct",
        "Tỷ lệ cán bộ quản lý, chuyên môn HTX và THT được bồi dưỡng trong 5 năm",
        "Share of managers and staff of cooperatives and groups trained in the last 5 years",
        &[OrgKind::Htx, OrgKind::Tht],
        ActiveManagers,
        vec![],
        SharePct(vec![Filter::TrainedWithinYears(5)]),
        Unit::Percent,
    ));
    v.push(def(
        "tht.rated_kha_or_better",
        "Số THT xếp loại khá trở lên",
        "Cooperative groups rated fairly good or better",
        tht,
        ActiveOrgs,
        vec![Filter::RatingAtLeast(Rating::Kha)],
        Count,
        Unit::Organizations,
    ));
    v.push(def(
        "tht.rated_kha_or_better_pct",
        "Tỷ lệ THT xếp loại khá trở lên",
        "Share of cooperative groups rated fairly good or better",
        tht,
        ActiveOrgs,
        vec![],
        SharePct(vec![Filter::RatingAtLeast(Rating::Kha)]),
        Unit::Percent,
    ));
    v.push(def(
        "tht.communes_without",
        "Số xã chưa có THT",
        "Communes without a cooperative group",
        tht,
        CommunesWithout,
        vec![],
        Count,
        Unit::Communes,
    ));
    v
}

/// Evaluates the whole catalogue over a period.
pub fn evaluate_all(snap: &Snapshot, from: i32, to: i32) -> Vec<IndicatorValue> {
    evaluate_scoped(snap, None, from, to)
}

/// Evaluates the whole catalogue over a period within a scope (a unit and its subtree).
pub fn evaluate_scoped(
    snap: &Snapshot,
    scope: Option<UnitId>,
    from: i32,
    to: i32,
) -> Vec<IndicatorValue> {
    let e = Engine::scoped(snap, scope);
    catalogue()
        .iter()
        .map(|d| e.evaluate(d, from, to))
        .collect()
}

pub fn find<'a>(values: &'a [IndicatorValue], id: &str) -> Option<&'a IndicatorValue> {
    values.iter().find(|v| v.id == id)
}

#[cfg(test)]
mod tests;
