//! The indicator engine (chỉ tiêu). An indicator is a definition — which records, which
//! filters, which aggregate — and one engine evaluates them all, so a new indicator is new
//! data, not a new query. Meanings follow `shared/spec/indicators.md`.

use crate::date::year_end;
use crate::fixed::Fixed;
use crate::model::{
    AdminUnit, AnnualReport, Manager, Meeting, OrgOrigin, Organization, Snapshot, UnitId,
};
use crate::rows::OrgRows;
use crate::types::*;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

mod catalogue;
mod chain;
mod definition;
mod ground;
mod item;
mod products;
pub use catalogue::catalogue;
pub use definition::{Aggregate, Field, Filter, IndicatorDef, IndicatorValue, Subject, Unit};
use item::{Item, field_of};

/// Evaluates indicators over a snapshot, optionally within a scope (a unit and its subtree).
/// Holds references only, so one cached snapshot serves every scope without copying.
pub struct Engine<'a> {
    units: Vec<&'a AdminUnit>,
    org_list: Vec<&'a Organization>,
    /// Each organisation's place in `org_list`.
    orgs: HashMap<&'a str, usize>,
    /// The reports of each organisation, by its place (a handful each).
    reports_of: Vec<Vec<&'a AnnualReport>>,
    /// Every report of the scope with its organisation.
    report_list: Vec<(&'a Organization, &'a AnnualReport)>,
    managers: Vec<(&'a Manager, &'a Organization)>,
    /// The meetings of the clubs of the scope.
    meetings: Vec<(&'a Meeting, &'a Organization)>,
    /// Which organisation was founded from which (all of them, in key order).
    origins: &'a [OrgOrigin],
    /// One per attendee of an organisation of the scope: the course and the organisation.
    trained: Vec<(&'a crate::model::Course, &'a Organization)>,
    /// Disbursements to organisations of the scope, with the organisation.
    paid: Vec<(&'a crate::model::Disbursement, &'a Organization)>,
    /// Events held for units of the scope.
    events: Vec<&'a crate::model::Event>,
    /// Products of organisations of the scope that have an OCOP rating.
    rated: Vec<products::Rated<'a>>,
    /// Planting areas lying in units of the scope.
    areas: Vec<&'a crate::lots::Facility>,
    /// Every facility, for who holds a code wherever it lies.
    facilities: &'a [crate::lots::Facility],
    /// Linkage contracts with a party of the scope.
    linked: Vec<chain::Linked<'a>>,
    /// The days each person of an organisation finished a course (all of them).
    attended: HashMap<(&'a crate::OrgCode, String), Vec<crate::Date>>,
    /// Organisations active at the end of a year, with their report of that year: the
    /// population of most stocks, built once per year.
    active: RefCell<HashMap<i32, Vec<ActiveItem<'a>>>>,
    /// Managers in office at the end of a year in an organisation active then.
    active_managers: RefCell<HashMap<i32, Vec<(&'a Manager, &'a Organization)>>>,
    covered: RefCell<HashMap<CoverKey, BTreeSet<UnitId>>>,
    /// Where units changed: the ground on each date; `None` counts by registered commune.
    ground: Option<ground::Ground<'a>>,
}

/// The records of one commune, gathered before its engine is built.
#[derive(Default)]
struct Parts<'a> {
    units: Vec<&'a AdminUnit>,
    /// The places of its organisations in the snapshot.
    places: Vec<usize>,
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

impl<'a> Engine<'a> {
    pub fn new(snap: &'a Snapshot) -> Engine<'a> {
        Engine::scoped(snap, None)
    }

    pub fn scoped(snap: &'a Snapshot, scope: Option<UnitId>) -> Engine<'a> {
        let rows = snap.org_rows();
        if let Some(g) = ground::Ground::new(snap, scope) {
            // like for like across a reform: who is inside is decided date by date
            let may = g.candidates();
            let places: Vec<usize> = (0..snap.orgs.len())
                .filter(|&i| may.as_ref().is_none_or(|m| m.may_count(&snap.orgs[i])))
                .collect();
            let units = snap.units.iter().collect();
            let mut e = Engine::from_places(snap, &rows, units, places);
            if let Some(m) = &may {
                e.events.retain(|ev| m.touches(ev.unit));
                e.areas.retain(|f| m.touches(f.unit));
            }
            e.ground = Some(g);
            return e;
        }
        let keep = scope.map(|s| snap.subtree(s));
        let inside = |u: &UnitId| keep.as_ref().is_none_or(|k| k.contains(u));
        let units: Vec<&AdminUnit> = snap.units.iter().filter(|u| inside(&u.id)).collect();
        let places = match &keep {
            Some(k) => rows.registered_in(k),
            None => (0..snap.orgs.len()).collect(),
        };
        Engine::from_places(snap, &rows, units, places)
    }

    /// One engine per commune of the scope, as `scoped` would build each, in one pass over
    /// the organisations (not one pass per commune: a country has thousands).
    pub fn per_commune(
        snap: &'a Snapshot,
        scope: Option<UnitId>,
    ) -> Vec<(&'a AdminUnit, Engine<'a>)> {
        let keep = scope.map(|s| snap.subtree(s));
        let mut parts: Vec<Parts<'a>> = Vec::new();
        let mut slot: HashMap<UnitId, usize> = HashMap::new();
        for u in &snap.units {
            if u.level == AdminLevel::Commune && keep.as_ref().is_none_or(|k| k.contains(&u.id)) {
                slot.insert(u.id, parts.len());
                parts.push(Parts {
                    units: vec![u],
                    places: Vec::new(),
                });
            }
        }
        // a commune's own subtree (units below a commune, if a register has any)
        for u in &snap.units {
            if let Some(i) = u.parent.and_then(|p| slot.get(&p)).copied()
                && u.level != AdminLevel::Commune
            {
                parts[i].units.push(u);
            }
        }
        for (place, o) in snap.orgs.iter().enumerate() {
            if let Some(&i) = slot.get(&o.commune) {
                parts[i].places.push(place);
            }
        }
        let rows = snap.org_rows();
        parts
            .into_iter()
            .map(|p| {
                let commune = p.units[0];
                (commune, Engine::from_places(snap, &rows, p.units, p.places))
            })
            .collect()
    }

    /// The engine over the organisations at these places of the snapshot, with their
    /// reports and managers (read through the snapshot's index, not by a walk of every row).
    fn from_places(
        snap: &'a Snapshot,
        rows: &OrgRows,
        units: Vec<&'a AdminUnit>,
        places: Vec<usize>,
    ) -> Engine<'a> {
        let org_list: Vec<&'a Organization> = places.iter().map(|&p| &snap.orgs[p]).collect();
        let orgs: HashMap<&str, usize> = org_list
            .iter()
            .enumerate()
            .map(|(i, o)| (o.code.as_str(), i))
            .collect();
        let mut reports_of: Vec<Vec<&AnnualReport>> = Vec::with_capacity(places.len());
        // (place in the snapshot, place in `org_list`): the lists keep the snapshot's order
        let mut report_at: Vec<(u32, usize)> = Vec::new();
        let mut manager_at: Vec<(u32, usize)> = Vec::new();
        for (i, &p) in places.iter().enumerate() {
            let rs = rows.reports(p);
            reports_of.push(rs.iter().map(|&k| &snap.reports[k as usize]).collect());
            report_at.extend(rs.iter().map(|&k| (k, i)));
            manager_at.extend(rows.managers(p).iter().map(|&k| (k, i)));
        }
        report_at.sort_unstable();
        manager_at.sort_unstable();
        let meetings = (org_list.iter())
            .filter(|o| o.kind == OrgKind::HoiQuan)
            .flat_map(|o| snap.clubs.meetings_of(&o.code).iter().map(move |m| (m, *o)))
            .collect();
        let t = &snap.training;
        let trained = (t.attendees.iter())
            .filter_map(|a| {
                let o = org_list[*orgs.get(a.org.as_ref()?.as_str())?];
                Some((t.course(&a.course)?, o))
            })
            .collect();
        let unit_ids: BTreeSet<UnitId> = units.iter().map(|u| u.id).collect();
        let paid = (snap.support.disbursements.iter())
            .filter_map(|d| Some((d, org_list[*orgs.get(d.org.as_str())?])))
            .collect();
        let events = (snap.support.events.iter())
            .filter(|e| unit_ids.contains(&e.unit))
            .collect();
        let rated = products::rated(snap, |p| Some(org_list[*orgs.get(p.org.as_str())?]));
        let areas = (snap.trace.facilities.iter())
            .filter(|f| f.kind == FacilityKind::PlantingArea && unit_ids.contains(&f.unit))
            .collect();
        Engine {
            meetings,
            trained,
            paid,
            events,
            rated,
            areas,
            facilities: &snap.trace.facilities,
            linked: chain::linked(&snap.contracts, |c| Some(org_list[*orgs.get(c.as_str())?])),
            attended: crate::training::attendance_by_person(t),
            origins: &snap.clubs.origins,
            units,
            report_list: report_at
                .into_iter()
                .map(|(k, i)| (org_list[i], &snap.reports[k as usize]))
                .collect(),
            managers: manager_at
                .into_iter()
                .map(|(k, i)| (&snap.managers[k as usize], org_list[i]))
                .collect(),
            org_list,
            orgs,
            reports_of,
            active: RefCell::default(),
            active_managers: RefCell::default(),
            covered: RefCell::default(),
            ground: None,
        }
    }

    /// Inside the scope on `d` (by its registered commune when units never changed).
    fn inside(&self, o: &Organization, d: crate::Date) -> bool {
        self.ground.as_ref().is_none_or(|g| g.contains(o, d))
    }

    /// The commune the organisation is in on `d`.
    fn commune_of(&self, o: &Organization, d: crate::Date) -> Option<UnitId> {
        match &self.ground {
            Some(g) => g.commune_at(o, d),
            None => Some(o.commune),
        }
    }

    /// Communes with an active organisation of this kind (and sector) at the end of `year`.
    fn communes_with(&self, kind: OrgKind, sector: Option<Sector>, year: i32) -> BTreeSet<UnitId> {
        let key = (kind, sector, year);
        if let Some(v) = self.covered.borrow().get(&key) {
            return v.clone();
        }
        let end = year_end(year);
        let v: BTreeSet<UnitId> = self.with_active(year, |all| {
            all.iter()
                .filter(|(o, _)| o.kind == kind && sector.is_none_or(|s| o.sector == s))
                .filter_map(|(o, _)| self.commune_of(o, end))
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
                .enumerate()
                .filter(|(_, o)| o.active_on(end) && self.inside(o, end))
                .map(|(i, o)| (*o, self.report_at(i, year)))
                .collect();
            self.active.borrow_mut().insert(year, v);
        }
        f(&self.active.borrow()[&year])
    }

    fn with_active_managers<T>(
        &self,
        year: i32,
        f: impl FnOnce(&[(&'a Manager, &'a Organization)]) -> T,
    ) -> T {
        if !self.active_managers.borrow().contains_key(&year) {
            let end = year_end(year);
            let v: Vec<_> = self
                .managers
                .iter()
                .copied()
                .filter(|(m, o)| m.in_office_on(end) && o.active_on(end) && self.inside(o, end))
                .collect();
            self.active_managers.borrow_mut().insert(year, v);
        }
        f(&self.active_managers.borrow()[&year])
    }

    pub fn report(&self, org: &OrgCode, year: i32) -> Option<&'a AnnualReport> {
        self.orgs
            .get(org.as_str())
            .and_then(|&i| self.report_at(i, year))
    }

    /// The report of a year of the organisation at this place (the last stored, as the
    /// store keeps one a year).
    fn report_at(&self, place: usize, year: i32) -> Option<&'a AnnualReport> {
        self.reports_of[place]
            .iter()
            .rev()
            .find(|r| r.year.get() == year)
            .copied()
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
        if def.subject.is_flow() {
            return IndicatorValue {
                id: def.id.clone(),
                value: self.flow(def, from, to),
                base: None,
                change_pct: None,
                ratio_pct: None,
            };
        }
        let ((value, exact_value), (base, exact_base)) =
            (self.stock_both(def, to), self.stock_both(def, from));
        // compared from the exact values, rounded once (`shared/spec/indicators.md`)
        let (change_pct, ratio_pct) = match (value, base, exact_value, exact_base) {
            (Some(_), Some(_), Some(v), Some(b)) => Fixed::change_and_ratio_pct(v, b),
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
        self.stock_both(def, year).0
    }

    /// A stock rounded, and as an exact fraction of millionths (numerator, denominator): an
    /// average or a share before it is rounded. One pass over the population for both.
    fn stock_both(&self, def: &IndicatorDef, year: i32) -> (Option<Fixed>, Option<(i128, i128)>) {
        if def.subject == Subject::CommunesWithout {
            let v = self.communes_without(def, year);
            return (Some(v), Some((v.micros() as i128, 1)));
        }
        let items: Vec<Item<'a>> = self
            .stock_items(def, year)
            .into_iter()
            .filter(|i| self.passes(i, &def.filters))
            .collect();
        let value = self.aggregate_passed(def, &items);
        let exact = match &def.aggregate {
            Aggregate::Avg(f) => {
                let vals: Vec<Fixed> = items.iter().filter_map(|i| field_of(i, *f)).collect();
                let s: i128 = vals.iter().map(|v| v.micros() as i128).sum();
                (!vals.is_empty()).then_some((s, vals.len() as i128))
            }
            Aggregate::SharePct(num) => {
                let hits = items.iter().filter(|i| self.passes(i, num)).count() as i128;
                (!items.is_empty()).then_some((hits * 100 * 1_000_000, items.len() as i128))
            }
            Aggregate::Count | Aggregate::Sum(_) => value.map(|v| (v.micros() as i128, 1)),
        };
        (value, exact)
    }

    fn communes_without(&self, def: &IndicatorDef, year: i32) -> Fixed {
        let end = year_end(year);
        let covered: BTreeSet<_> = self.with_active(year, |all| {
            all.iter()
                .filter(|(o, r)| {
                    def.kinds.contains(&o.kind) && self.passes(&Item::Org(o, *r), &def.filters)
                })
                .filter_map(|(o, _)| self.commune_of(o, end))
                .collect()
        });
        let n = match &self.ground {
            Some(g) => g
                .communes(end)
                .iter()
                .filter(|c| !covered.contains(c))
                .count(),
            None => self
                .units
                .iter()
                .filter(|u| {
                    u.level == AdminLevel::Commune && u.valid_on(end) && !covered.contains(&u.id)
                })
                .count(),
        };
        Fixed::from_int(n as i64)
    }

    fn stock_items(&self, def: &IndicatorDef, year: i32) -> Vec<Item<'a>> {
        match def.subject {
            Subject::ActiveOrgs => self.with_active(year, |all| {
                all.iter()
                    .filter(|(o, _)| def.kinds.contains(&o.kind))
                    .map(|(o, r)| Item::Org(o, *r))
                    .collect()
            }),
            Subject::ActiveManagers => self.with_active_managers(year, |all| {
                all.iter()
                    .filter(|(_, o)| def.kinds.contains(&o.kind))
                    .map(|(m, o)| Item::Manager(m, o, year))
                    .collect()
            }),
            Subject::Certificates => {
                let end = year_end(year);
                (self.rated.iter())
                    .filter(|p| {
                        def.kinds.contains(&p.org.kind)
                            && p.org.active_on(end)
                            && self.inside(p.org, end)
                    })
                    .filter_map(|p| p.on(end).map(|(r, s)| Item::Certificate(r, s, p.org)))
                    .collect()
            }
            Subject::CertifiedOrgs => {
                let end = year_end(year);
                let holders: BTreeSet<&str> = (self.rated.iter())
                    .filter(|p| p.on(end).is_some_and(|(_, s)| s.in_force()))
                    .map(|p| p.org.code.as_str())
                    .collect();
                self.with_active(year, |all| {
                    all.iter()
                        .filter(|(o, _)| {
                            def.kinds.contains(&o.kind) && holders.contains(o.code.as_str())
                        })
                        .map(|(o, r)| Item::Org(o, *r))
                        .collect()
                })
            }
            Subject::Contracts => {
                let end = year_end(year);
                chain::in_force(&self.linked, end, |o| {
                    def.kinds.contains(&o.kind) && o.active_on(end) && self.inside(o, end)
                })
            }
            Subject::ContractParties => {
                let parties = chain::parties_at(&self.linked, year_end(year));
                self.with_active(year, |all| {
                    all.iter()
                        .filter(|(o, _)| def.kinds.contains(&o.kind))
                        .map(|(o, _)| Item::Party(o, parties.contains(o.code.as_str())))
                        .collect()
                })
            }
            Subject::PlantingAreas => {
                let end = year_end(year);
                (self.areas.iter())
                    .filter(|f| f.valid_on(end))
                    .map(|f| Item::Facility(f))
                    .collect()
            }
            Subject::AreaHolders => {
                let end = year_end(year);
                let holders: BTreeSet<&str> = (self.facilities.iter())
                    .filter(|f| f.kind == FacilityKind::PlantingArea && f.valid_on(end))
                    .map(|f| f.org.as_str())
                    .collect();
                self.with_active(year, |all| {
                    all.iter()
                        .filter(|(o, _)| {
                            def.kinds.contains(&o.kind) && holders.contains(o.code.as_str())
                        })
                        .map(|(o, r)| Item::Org(o, *r))
                        .collect()
                })
            }
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
                .filter(|o| {
                    def.kinds.contains(&o.kind)
                        && within(o.founded_on.year())
                        && self.inside(o, o.founded_on)
                })
                .map(|o| Item::Org(o, self.report(&o.code, o.founded_on.year())))
                .collect(),
            Subject::Dissolved => self
                .org_list
                .iter()
                .copied()
                .filter(|o| {
                    def.kinds.contains(&o.kind)
                        && o.dissolved_on
                            .is_some_and(|d| within(d.year()) && self.inside(o, d))
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
                .filter(|(o, r)| {
                    within(r.year.get())
                        && def.kinds.contains(&o.kind)
                        && self.inside(o, year_end(r.year.get()))
                })
                .map(|(o, r)| Item::Report(o, r))
                .collect(),
            Subject::Trainees => (self.trained.iter())
                .filter(|(c, o)| {
                    within(c.ends_on.year())
                        && def.kinds.contains(&o.kind)
                        && self.inside(o, c.ends_on)
                })
                .map(|(_, o)| Item::Course(o))
                .collect(),
            Subject::Courses => {
                let mut seen = std::collections::HashSet::new();
                (self.trained.iter())
                    .filter(|(c, o)| {
                        within(c.ends_on.year())
                            && def.kinds.contains(&o.kind)
                            && self.inside(o, c.ends_on)
                            && seen.insert(c.code.as_str())
                    })
                    .map(|(_, o)| Item::Course(o))
                    .collect()
            }
            Subject::Disbursements => (self.paid.iter())
                .filter(|(d, o)| {
                    within(d.paid_on.year())
                        && def.kinds.contains(&o.kind)
                        && self.inside(o, d.paid_on)
                })
                .map(|(d, o)| Item::Disbursement(d, o))
                .collect(),
            Subject::Beneficiaries => {
                // an organisation counts once, by the first disbursement that passes
                let items: Vec<Item<'a>> = (self.paid.iter())
                    .filter(|(d, o)| {
                        within(d.paid_on.year())
                            && def.kinds.contains(&o.kind)
                            && self.inside(o, d.paid_on)
                    })
                    .map(|(d, o)| Item::Disbursement(d, o))
                    .filter(|i| self.passes(i, &def.filters))
                    .collect();
                let mut seen = std::collections::HashSet::new();
                items
                    .into_iter()
                    .filter(
                        |i| matches!(i, Item::Disbursement(_, o) if seen.insert(o.code.as_str())),
                    )
                    .collect()
            }
            Subject::Events => (self.events.iter())
                .filter(|e| within(e.held_on.year()))
                .map(|e| Item::Event(e))
                .collect(),
            Subject::Meetings => (self.meetings.iter())
                .filter(|(m, o)| {
                    within(m.held_on.year())
                        && def.kinds.contains(&o.kind)
                        && self.inside(o, m.held_on)
                })
                .map(|(m, o)| Item::Meeting(m, o))
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
        // each organisation's place in `out`, so this stays linear in the items
        let mut place: HashMap<&'a str, usize> = HashMap::new();
        for item in &items {
            let org = match item {
                Item::Org(o, _) | Item::Report(o, _) | Item::Disbursement(_, o) => *o,
                Item::Manager(_, o, _) | Item::Meeting(_, o) | Item::Course(o) => *o,
                Item::Certificate(_, _, o) | Item::Contract(_, _, o) | Item::Party(o, _) => *o,
                Item::Event(_) | Item::Facility(_) => continue,
            };
            let value = field.and_then(|f| field_of(item, f));
            let hit = counted(item);
            match place.get(org.code.as_str()).map(|&i| &mut out[i]) {
                Some(c) => {
                    c.items += 1;
                    c.hits += hit as usize;
                    c.value = match (c.value, value) {
                        (Some(a), Some(b)) => a.checked_add(b),
                        (a, b) => a.or(b),
                    };
                }
                None => {
                    place.insert(org.code.as_str(), out.len());
                    out.push(Contribution {
                        org,
                        value,
                        items: 1,
                        hits: hit as usize,
                    })
                }
            }
        }
        out
    }

    fn aggregate(&self, def: &IndicatorDef, items: Vec<Item<'a>>) -> Option<Fixed> {
        let items: Vec<Item<'a>> = items
            .into_iter()
            .filter(|i| self.passes(i, &def.filters))
            .collect();
        self.aggregate_passed(def, &items)
    }

    /// The aggregate of items that passed the definition's filters.
    fn aggregate_passed(&self, def: &IndicatorDef, items: &[Item<'a>]) -> Option<Fixed> {
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

    /// Whether `m` finished a course in the `n` years ending with `y`.
    fn attended_within(&self, m: &Manager, y: i32, n: i32) -> bool {
        crate::training::last_course(&self.attended, m, year_end(y))
            .is_some_and(|d| d.year() > y - n)
    }

    fn pass(&self, item: &Item<'_>, f: &Filter) -> bool {
        let (org, report) = match item {
            Item::Org(o, r) => (Some(*o), *r),
            Item::Report(o, r) => (Some(*o), Some(*r)),
            Item::Manager(_, o, _) | Item::Meeting(_, o) | Item::Course(o) => (Some(*o), None),
            Item::Disbursement(_, o) | Item::Certificate(_, _, o) => (Some(*o), None),
            Item::Contract(_, _, o) | Item::Party(o, _) => (Some(*o), None),
            Item::Event(_) | Item::Facility(_) => (None, None),
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
            Filter::ManagerialRole => {
                matches!(item, Item::Manager(m, _, _) if m.role != Role::Staff)
            }
            Filter::Professional => {
                matches!(item, Item::Manager(m, _, _) if m.qualification.is_some_and(|q| q.is_professional()))
            }
            // the day typed on the manager's row, or a course they attended
            Filter::TrainedWithinYears(n) => matches!(item, Item::Manager(m, _, y)
                if m.trained_on.is_some_and(|t| t.year() > y - n && t.year() <= *y)
                    || self.attended_within(m, *y, *n)),
            Filter::AttendedWithinYears(n) => {
                matches!(item, Item::Manager(m, _, y) if self.attended_within(m, *y, *n))
            }
            Filter::RatingOrUnratedAtLeast(r) => report
                .and_then(|r| r.figures.rating)
                .is_none_or(|x| x >= *r),
            Filter::CommuneWithoutAt { kind, sector, year } => org.is_some_and(|o| {
                // an organisation whose commune is not known then (not placed) is not said
                // to be in a commune without
                self.commune_of(o, year_end(*year))
                    .is_some_and(|c| !self.communes_with(*kind, *sector, *year).contains(&c))
            }),
            Filter::WithOfficials => matches!(item, Item::Meeting(m, _) if m.with_officials()),
            Filter::Policy(p) => matches!(item, Item::Disbursement(d, _) if d.policy == *p),
            Filter::EventOf(k) => matches!(item, Item::Event(e) if e.kind == *k),
            Filter::Stars(n) => {
                matches!(item, Item::Certificate(r, s, _) if r.stars == *n && s.in_force())
            }
            Filter::InForce => matches!(item, Item::Certificate(_, s, _) if s.in_force()),
            Filter::InContract => matches!(item, Item::Party(_, true)),
            Filter::Certificate(want) => matches!(item, Item::Certificate(_, s, _) if s == want),
            Filter::FoundedFrom(kind) => org.is_some_and(|o| {
                crate::model::ClubRecords::origins_in(self.origins, &o.code)
                    .iter()
                    .any(|g| g.from_kind == *kind)
            }),
        }
    }
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
