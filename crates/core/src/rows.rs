//! Where each organisation's reports and managers lie in a snapshot (chỉ mục theo tổ chức).
//!
//! An engine over one province used to walk the country's 930.000 reports and 345.000
//! managers to find that province's, once per figure of a page: a province officer's
//! dashboard cost 2,6 s at national size. The index is built once per snapshot, brought
//! forward with it by each write ([`Snapshot::rows_after`]), and lets an engine read only
//! the rows of the organisations it counts.

use crate::model::{Organization, Snapshot, UnitId};
use crate::types::OrgCode;
use std::collections::BTreeSet;
use std::collections::HashMap;
use std::sync::Arc;

/// The rows of each organisation, by its place in [`Snapshot::orgs`], in the snapshot's
/// order (so "the last stored" is still the last).
#[derive(Debug, Clone, PartialEq)]
pub struct OrgRows {
    /// The lengths of the tables it describes: a snapshot whose tables changed length
    /// otherwise than through [`Snapshot::rows_after`] is indexed again.
    lens: [usize; 4],
    reports: Vec<Vec<u32>>,
    managers: Vec<Vec<u32>>,
    /// The places of the organisations registered in each commune, ascending.
    by_commune: HashMap<UnitId, Vec<u32>>,
    /// Each unit's units directly below it.
    children: HashMap<UnitId, Vec<UnitId>>,
    /// Each organisation's place, by its code.
    place: HashMap<String, u32>,
}

impl OrgRows {
    /// The index of `s` built afresh: what the one kept with a snapshot must equal.
    pub fn built(s: &Snapshot) -> OrgRows {
        OrgRows::build(s)
    }

    fn build(s: &Snapshot) -> OrgRows {
        let mut r = OrgRows {
            lens: [0; 4],
            reports: Vec::new(),
            managers: Vec::new(),
            by_commune: HashMap::new(),
            children: HashMap::new(),
            place: HashMap::new(),
        };
        r.extend(s);
        r
    }

    /// Takes in the rows appended to `s` since the lengths it describes (a write appends
    /// new rows and replaces changed ones in place, keeping their keys).
    fn extend(&mut self, s: &Snapshot) {
        let [_, orgs, reports, managers] = self.lens;
        for (i, o) in s.orgs.iter().enumerate().skip(orgs) {
            self.place.insert(o.code.as_str().to_string(), i as u32);
            self.by_commune.entry(o.commune).or_default().push(i as u32);
        }
        self.reports.resize(s.orgs.len(), Vec::new());
        self.managers.resize(s.orgs.len(), Vec::new());
        let new_reports = owners(
            &self.place,
            s.reports
                .iter()
                .map(|r| r.org.as_str())
                .enumerate()
                .skip(reports),
        );
        let new_managers = owners(
            &self.place,
            s.managers
                .iter()
                .map(|m| m.org.as_str())
                .enumerate()
                .skip(managers),
        );
        for (p, k) in new_reports {
            self.reports[p].push(k);
        }
        for (p, k) in new_managers {
            self.managers[p].push(k);
        }
        if self.lens[0] != s.units.len() || self.children.is_empty() {
            self.children = children(s);
        }
        self.lens = lens(s);
    }

    /// The places in [`Snapshot::reports`] of the reports of the organisation at `org`.
    pub fn reports(&self, org: usize) -> &[u32] {
        self.reports.get(org).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The places in [`Snapshot::managers`] of the managers of the organisation at `org`.
    pub fn managers(&self, org: usize) -> &[u32] {
        self.managers.get(org).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The places of the organisations registered in these units, in the snapshot's order.
    pub fn registered_in<'u>(&self, units: impl IntoIterator<Item = &'u UnitId>) -> Vec<usize> {
        let mut v: Vec<usize> = units
            .into_iter()
            .filter_map(|u| self.by_commune.get(u))
            .flatten()
            .map(|&i| i as usize)
            .collect();
        v.sort_unstable();
        v
    }

    /// The place in [`Snapshot::orgs`] of the organisation with this code.
    pub fn place_of(&self, code: &str) -> Option<usize> {
        self.place.get(code).map(|&i| i as usize)
    }

    /// The units directly below `unit`.
    pub fn children(&self, unit: UnitId) -> &[UnitId] {
        self.children.get(&unit).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// (place of its organisation, place of the row) of each row whose organisation is known.
fn owners<'a>(
    place: &HashMap<String, u32>,
    rows: impl Iterator<Item = (usize, &'a str)>,
) -> Vec<(usize, u32)> {
    // rows of one organisation usually come together: one lookup per run, not per row
    let mut last: Option<(&str, Option<u32>)> = None;
    let mut out = Vec::new();
    for (k, code) in rows {
        let p = match last {
            Some((c, p)) if c == code => p,
            _ => {
                let p = place.get(code).copied();
                last = Some((code, p));
                p
            }
        };
        if let Some(p) = p {
            out.push((p as usize, k as u32));
        }
    }
    out
}

fn children(s: &Snapshot) -> HashMap<UnitId, Vec<UnitId>> {
    let mut children: HashMap<UnitId, Vec<UnitId>> = HashMap::new();
    for u in &s.units {
        if let Some(p) = u.parent {
            children.entry(p).or_default().push(u.id);
        }
    }
    children
}

fn lens(s: &Snapshot) -> [usize; 4] {
    [
        s.units.len(),
        s.orgs.len(),
        s.reports.len(),
        s.managers.len(),
    ]
}

/// What a write did to the organisations already in a snapshot, taken before it
/// ([`Snapshot::rows_before`]): their places and communes, so that one moved to another
/// commune is found under its new one.
pub struct RowsBefore {
    index: Option<Arc<OrgRows>>,
    communes: Vec<(u32, UnitId)>,
}

impl Snapshot {
    /// The index of this snapshot's rows by organisation, built on first use.
    pub fn org_rows(&self) -> Arc<OrgRows> {
        let mut cell = self.rows.0.lock().unwrap_or_else(|p| p.into_inner());
        match cell.clone().and_then(|a| a.downcast::<OrgRows>().ok()) {
            Some(r) if r.lens == lens(self) => r,
            _ => {
                let r = Arc::new(OrgRows::build(self));
                *cell = Some(r.clone());
                r
            }
        }
    }

    fn kept_rows(&self) -> Option<Arc<OrgRows>> {
        self.rows.get().and_then(|a| a.downcast::<OrgRows>().ok())
    }

    /// Before a write that replaces the organisations with these codes in place (keeping
    /// their codes) and appends rows: what [`Snapshot::rows_after`] needs.
    pub fn rows_before<'c>(&self, changed: impl IntoIterator<Item = &'c str>) -> RowsBefore {
        let index = self.kept_rows().filter(|r| r.lens == lens(self));
        let communes = match &index {
            Some(r) => changed
                .into_iter()
                .filter_map(|c| r.place.get(c))
                .map(|&p| (p, self.orgs[p as usize].commune))
                .collect(),
            None => Vec::new(),
        };
        RowsBefore { index, communes }
    }

    /// After that write: the index brought forward (not built again from the country's
    /// rows), or none when there was none.
    pub fn rows_after(&mut self, before: RowsBefore) {
        let Some(mut index) = before.index else {
            self.rows_changed();
            return;
        };
        // the snapshot's copy is taken out first, so the index is changed in place unless
        // a reader holds it
        self.rows_changed();
        let r = Arc::make_mut(&mut index);
        for (p, old) in before.communes {
            let new = self.orgs[p as usize].commune;
            if new != old {
                if let Some(v) = r.by_commune.get_mut(&old) {
                    v.retain(|&x| x != p);
                }
                let v = r.by_commune.entry(new).or_default();
                let at = v.partition_point(|&x| x < p);
                v.insert(at, p);
            }
        }
        let units_before = r.lens[0];
        r.extend(self);
        if units_before == self.units.len() {
            // units replaced in place may have a new parent
            r.children = children(self);
        }
        let index: Arc<dyn std::any::Any + Send + Sync> = index;
        *self.rows.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(index);
    }
}

/// Scopes read through the index.
impl Snapshot {
    /// The unit and all units below it.
    pub fn subtree(&self, root: UnitId) -> BTreeSet<UnitId> {
        let rows = self.org_rows();
        let mut out = BTreeSet::new();
        let mut stack = vec![root];
        while let Some(u) = stack.pop() {
            if out.insert(u) {
                stack.extend(rows.children(u).iter().copied());
            }
        }
        out
    }

    /// The part of the snapshot within a scope, as [`Snapshot::restrict`] gives it, copying
    /// only the rows kept (and nothing for the whole installation): a country's snapshot
    /// is too large to copy per request.
    pub fn restricted(&self, scope: Option<UnitId>) -> std::borrow::Cow<'_, Snapshot> {
        let Some(root) = scope else {
            return std::borrow::Cow::Borrowed(self);
        };
        let keep = self.ground(root);
        let moved: std::collections::HashSet<&OrgCode> = self
            .moves
            .iter()
            .filter(|m| keep.contains(&m.commune))
            .map(|m| &m.org)
            .collect();
        // organisation by organisation through the index: the scope's rows, not a walk of
        // the country's
        let rows = self.org_rows();
        let places: Vec<usize> = (0..self.orgs.len())
            .filter(|&i| {
                let o = &self.orgs[i];
                keep.contains(&o.commune) || moved.contains(&o.code)
            })
            .collect();
        let orgs: Vec<Organization> = places.iter().map(|&i| self.orgs[i].clone()).collect();
        let codes: std::collections::HashSet<&OrgCode> = orgs.iter().map(|o| &o.code).collect();
        // in the snapshot's order, as a walk would keep them
        let pick = |managers: bool| {
            let of = |i| {
                if managers {
                    rows.managers(i)
                } else {
                    rows.reports(i)
                }
            };
            let mut at: Vec<u32> = places.iter().flat_map(|&i| of(i).iter().copied()).collect();
            at.sort_unstable();
            at
        };
        let reports = pick(false)
            .into_iter()
            .map(|k| self.reports[k as usize].clone())
            .collect();
        let managers = pick(true)
            .into_iter()
            .map(|k| self.managers[k as usize].clone())
            .collect();
        std::borrow::Cow::Owned(Snapshot {
            units: self
                .units
                .iter()
                .filter(|u| keep.contains(&u.id))
                .cloned()
                .collect(),
            reports,
            managers,
            changes: self.changes.clone(),
            moves: self
                .moves
                .iter()
                .filter(|m| codes.contains(&m.org))
                .cloned()
                .collect(),
            clubs: crate::model::ClubRecords {
                profiles: (self.clubs.profiles.iter())
                    .filter(|p| codes.contains(&p.org))
                    .cloned()
                    .collect(),
                meetings: (self.clubs.meetings.iter())
                    .filter(|m| codes.contains(&m.org))
                    .cloned()
                    .collect(),
                origins: (self.clubs.origins.iter())
                    .filter(|o| codes.contains(&o.org))
                    .cloned()
                    .collect(),
            },
            training: (self.training).within(|u| keep.contains(&u), |o| codes.contains(o)),
            support: (self.support).within(|u| keep.contains(&u), |o| codes.contains(o)),
            products: (self.products).within(|o| codes.contains(o)),
            trace: {
                let kept: BTreeSet<&str> = (self.products.products.iter())
                    .filter(|p| codes.contains(&p.org))
                    .map(|p| p.code.as_str())
                    .collect();
                (self.trace).within(|o| codes.contains(o), |p| kept.contains(p))
            },
            contracts: (self.contracts).within(|o| codes.contains(o)),
            orgs,
            rows: Default::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AnnualReport;
    use crate::territory::fixture::org;
    use crate::{OrgCode, Year};

    fn report(code: &str, year: i32) -> AnnualReport {
        AnnualReport {
            org: OrgCode::parse(code).unwrap(),
            year: Year::new(year).unwrap(),
            figures: Default::default(),
        }
    }

    #[test]
    fn rows_are_grouped_by_organisation_in_snapshot_order() {
        let s = Snapshot {
            orgs: vec![org("A", 1), org("B", 2), org("C", 1)],
            reports: ["B", "A", "B", "X", "A", "B"]
                .iter()
                .enumerate()
                .map(|(i, c)| report(c, 2010 + i as i32))
                .collect(),
            ..Default::default()
        };
        let r = s.org_rows();
        assert_eq!(r.reports(0), &[1, 4]);
        assert_eq!(r.reports(1), &[0, 2, 5]);
        assert_eq!(r.reports(2), &[] as &[u32]);
        assert_eq!(r.reports(3), &[] as &[u32]);
        assert_eq!(r.registered_in(&[UnitId(1)]), vec![0, 2]);
        assert_eq!(r.place_of("C"), Some(2));
    }

    #[test]
    fn an_index_brought_forward_equals_one_built_afresh() {
        let mut s = Snapshot {
            orgs: vec![org("A", 1), org("B", 2)],
            reports: vec![report("A", 2020), report("B", 2020)],
            ..Default::default()
        };
        s.org_rows();
        // a write: B moves to commune 1, a new organisation C, new reports of A and C,
        // A's report of 2020 replaced in place
        let before = s.rows_before(["B"]);
        s.orgs[1].commune = UnitId(1);
        s.orgs.push(org("C", 2));
        s.reports[0].figures.members = Some(9);
        s.reports.push(report("C", 2021));
        s.reports.push(report("A", 2021));
        s.rows_after(before);
        let kept = s.org_rows();
        let fresh = OrgRows::build(&s);
        assert_eq!(*kept, fresh);
        assert_eq!(kept.registered_in(&[UnitId(1)]), vec![0, 1]);
        assert_eq!(kept.reports(0), &[0, 3]);
    }
}
