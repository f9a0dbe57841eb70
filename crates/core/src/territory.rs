//! Units through time (đơn vị hành chính qua các lần sắp xếp): how communes became others,
//! where an organisation is on a date, and what ground a scope covers on a date, so that a
//! question asked across the 2025 reform compares like with like
//! (`shared/spec/admin-units.md`, "Scopes across a reform").
//!
//! A unit version is one row of `admin_units` (a code from a date); a change says that the
//! version `old`, which ceased the day before `on`, went wholly (`Full`) or in part
//! (`Partial`) into the version `new`. Everything here is computed from those rows; nothing
//! is guessed from names or codes (codes are reused with new meanings).

use crate::Date;
use crate::model::{AdminUnit, Organization, UnitId};
pub use crate::model::{ChangeKind, OrgMove, UnitChange};
use crate::types::{AdminLevel, OrgCode};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The ground of a scope on one date: communes valid then, each counted whole or only for
/// the organisations that were placed in the scope when it came into force (a commune split
/// by the reform gave only part of itself).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Territory {
    whole: BTreeSet<UnitId>,
    placed_only: BTreeSet<UnitId>,
    /// For `placed_only`: the scope's own ground on its first day.
    start: Option<(Date, BTreeSet<UnitId>)>,
}

impl Territory {
    /// The communes counted (whole or in part).
    pub fn communes(&self) -> impl Iterator<Item = UnitId> + '_ {
        self.whole.iter().chain(self.placed_only.iter()).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.whole.is_empty() && self.placed_only.is_empty()
    }
}

/// How deep a chain of changes may go before it is taken for a loop (a register with a
/// cycle is refused on import; this only keeps a bad file from hanging a computation).
const MAX_CHAIN: usize = 32;

/// The register of units through time, built once over a snapshot's rows.
pub struct UnitMap<'a> {
    units: HashMap<UnitId, &'a AdminUnit>,
    children: HashMap<UnitId, Vec<UnitId>>,
    by_code: HashMap<&'a str, Vec<&'a AdminUnit>>,
    forward: HashMap<UnitId, Vec<&'a UnitChange>>,
    backward: HashMap<UnitId, Vec<&'a UnitChange>>,
    moves: HashMap<&'a str, Vec<&'a OrgMove>>,
}

impl<'a> UnitMap<'a> {
    pub fn new(
        units: &'a [AdminUnit],
        changes: &'a [UnitChange],
        moves: &'a [OrgMove],
    ) -> UnitMap<'a> {
        let mut children: HashMap<UnitId, Vec<UnitId>> = HashMap::new();
        let mut by_code: HashMap<&str, Vec<&AdminUnit>> = HashMap::new();
        for u in units {
            if let Some(p) = u.parent {
                children.entry(p).or_default().push(u.id);
            }
            by_code.entry(u.code.as_str()).or_default().push(u);
        }
        for v in by_code.values_mut() {
            v.sort_by_key(|u| u.valid_from);
        }
        let mut forward: HashMap<UnitId, Vec<&UnitChange>> = HashMap::new();
        let mut backward: HashMap<UnitId, Vec<&UnitChange>> = HashMap::new();
        for c in changes {
            forward.entry(c.old).or_default().push(c);
            backward.entry(c.new).or_default().push(c);
        }
        let mut by_org: HashMap<&str, Vec<&OrgMove>> = HashMap::new();
        for m in moves {
            by_org.entry(m.org.as_str()).or_default().push(m);
        }
        for v in by_org.values_mut() {
            v.sort_by_key(|m| m.moved_on);
        }
        UnitMap {
            units: units.iter().map(|u| (u.id, u)).collect(),
            children,
            by_code,
            forward,
            backward,
            moves: by_org,
        }
    }

    pub fn unit(&self, id: UnitId) -> Option<&'a AdminUnit> {
        self.units.get(&id).copied()
    }

    /// The version of `code` meant on `at`: the one valid then; else the last that ended
    /// before it; else (a code not yet in force) the first that begins after it.
    pub fn resolve(&self, code: &str, at: Date) -> Option<&'a AdminUnit> {
        let versions = self.by_code.get(code.trim())?;
        versions
            .iter()
            .find(|u| u.valid_on(at))
            .or_else(|| {
                versions
                    .iter()
                    .filter(|u| u.valid_to.is_some_and(|t| t < at))
                    .max_by_key(|u| u.valid_to)
            })
            .or_else(|| {
                versions
                    .iter()
                    .find(|u| u.valid_from.is_some_and(|f| f > at))
            })
            .copied()
    }

    /// The communes valid on `d` that the unit version `c` is, became, or was formed from.
    fn at_date(&self, c: UnitId, d: Date, depth: usize, out: &mut BTreeSet<UnitId>) {
        let Some(u) = self.unit(c) else { return };
        if depth > MAX_CHAIN {
            return;
        }
        if u.valid_on(d) {
            out.insert(c);
        } else if u.valid_to.is_some_and(|t| t < d) {
            let next: Vec<&UnitChange> = self
                .forward
                .get(&c)
                .into_iter()
                .flatten()
                .filter(|ch| ch.on <= d)
                .copied()
                .collect();
            match next.iter().find(|ch| ch.kind == ChangeKind::Full) {
                Some(full) => self.at_date(full.new, d, depth + 1, out),
                None => {
                    for ch in next {
                        self.at_date(ch.new, d, depth + 1, out);
                    }
                }
            }
        } else {
            for ch in self.backward.get(&c).into_iter().flatten() {
                self.at_date(ch.old, d, depth + 1, out);
            }
        }
    }

    /// The commune an organisation is registered in on `d` (its last move by then, else
    /// its own), as the communes valid on `d`: one when known; several when its commune was
    /// split and the office has not placed it yet (or it was recorded in a unit formed later
    /// from several); none when its commune ended without a successor.
    pub fn candidates(&self, org: &Organization, d: Date) -> BTreeSet<UnitId> {
        let commune = self
            .moves
            .get(org.code.as_str())
            .and_then(|ms| ms.iter().rev().find(|m| m.moved_on <= d))
            .map_or(org.commune, |m| m.commune);
        let mut out = BTreeSet::new();
        self.at_date(commune, d, 0, &mut out);
        out
    }

    /// The communes of a unit's subtree valid on `d` (the unit itself if it is a commune).
    fn communes_below(&self, root: UnitId, d: Date) -> BTreeSet<UnitId> {
        let mut out = BTreeSet::new();
        let mut stack = vec![root];
        let mut seen = BTreeSet::new();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            if let Some(u) = self.unit(id)
                && u.level == AdminLevel::Commune
                && u.valid_on(d)
            {
                out.insert(id);
            }
            stack.extend(self.children.get(&id).into_iter().flatten().copied());
        }
        out
    }

    /// The ground of `scope` on `d`: itself if valid then; what its communes became if it
    /// had ceased; what it was formed from if it was not yet in force.
    pub fn territory(&self, scope: UnitId, d: Date) -> Territory {
        let Some(s) = self.unit(scope) else {
            return Territory::default();
        };
        let mut t = Territory::default();
        if s.valid_on(d) {
            t.whole = self.communes_below(scope, d);
        } else if let Some(end) = s.valid_to.filter(|e| *e < d) {
            for c in self.communes_below(scope, end) {
                self.at_date(c, d, 0, &mut t.whole);
            }
        } else if let Some(start) = s.valid_from {
            let own = self.communes_below(scope, start);
            for &c in &own {
                self.before(c, d, false, 0, &mut t);
            }
            t.placed_only.retain(|c| !t.whole.contains(c));
            if !t.placed_only.is_empty() {
                t.start = Some((start, own));
            }
        }
        t
    }

    /// Walks back from `c` to the communes valid on `d`; a path through a partial change
    /// marks what it reaches as giving only the organisations placed in the new unit.
    fn before(&self, c: UnitId, d: Date, partial: bool, depth: usize, t: &mut Territory) {
        let Some(u) = self.unit(c) else { return };
        if depth > MAX_CHAIN {
            return;
        }
        if u.valid_on(d) {
            if partial {
                t.placed_only.insert(c);
            } else {
                t.whole.insert(c);
            }
            return;
        }
        for ch in self.backward.get(&c).into_iter().flatten() {
            let p = partial || ch.kind == ChangeKind::Partial;
            self.before(ch.old, d, p, depth + 1, t);
        }
    }

    /// Whether the organisation counts in the ground `t` on `d`: every commune it may be in
    /// then is part of it (an organisation not yet placed counts only where all of its
    /// candidates lie), and where the ground takes a split commune only in part, it was
    /// placed in the scope when the scope came into force.
    pub fn contains(&self, t: &Territory, org: &Organization, d: Date) -> bool {
        let cs = self.candidates(org, d);
        if cs.is_empty() {
            return false;
        }
        let mut needs_placement = false;
        for c in &cs {
            if t.whole.contains(c) {
                continue;
            }
            if t.placed_only.contains(c) {
                needs_placement = true;
                continue;
            }
            return false;
        }
        if !needs_placement {
            return true;
        }
        match &t.start {
            Some((start, own)) => {
                let later = self.candidates(org, *start);
                !later.is_empty() && later.iter().all(|c| own.contains(c))
            }
            None => false,
        }
    }

    /// The communes making up `scope` on each of `dates`, when they are not the same
    /// units on all of them: the answer crossed a reorganisation and must say so.
    pub fn crossing(&self, scope: UnitId, dates: &[Date]) -> Option<Vec<(Date, Vec<UnitId>)>> {
        let grounds: Vec<(Date, Vec<UnitId>)> = dates
            .iter()
            .map(|d| (*d, self.territory(scope, *d).communes().collect()))
            .collect();
        let first = &grounds.first()?.1;
        grounds.iter().any(|(_, g)| g != first).then_some(grounds)
    }
}

/// The line an answer over `from..=to` carries when its scope's ground is not the same units
/// at the end of `from` and at the end of `to`, naming them; `None` when nothing changed.
pub fn crossing_note(
    snap: &crate::Snapshot,
    scope: UnitId,
    from: i32,
    to: i32,
) -> Option<crate::Msg> {
    if snap.changes.is_empty() {
        return None;
    }
    let map = UnitMap::new(&snap.units, &snap.changes, &snap.moves);
    let (a, b) = (crate::date::year_end(from), crate::date::year_end(to));
    let grounds = map.crossing(scope, &[a, b])?;
    let names = |ids: &[UnitId]| {
        ids.iter()
            .filter_map(|id| map.unit(*id))
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    Some(crate::msg!(
        "territory.compared_like_for_like",
        from = from,
        before = names(&grounds[0].1),
        to = to,
        after = names(&grounds[1].1)
    ))
}

/// Organisations active on `as_of` whose commune then is not known: their commune was split
/// and the office has not placed them (several candidates), or it ended with no successor
/// recorded (none). Each with its candidates; within `scope`, those that may be its own (a
/// candidate in its ground, or registered below it when there is none).
pub fn unplaced(
    snap: &crate::Snapshot,
    scope: Option<UnitId>,
    as_of: Date,
) -> Vec<(&Organization, Vec<UnitId>)> {
    if snap.changes.is_empty() {
        return Vec::new();
    }
    let map = UnitMap::new(&snap.units, &snap.changes, &snap.moves);
    let ground: Option<BTreeSet<UnitId>> =
        scope.map(|s| map.territory(s, as_of).communes().collect());
    let below = scope.map(|s| snap.subtree(s));
    snap.orgs
        .iter()
        .filter(|o| o.active_on(as_of))
        .filter_map(|o| {
            let cs = map.candidates(o, as_of);
            if cs.len() == 1 {
                return None;
            }
            let mine = match (&ground, &below) {
                (Some(g), Some(b)) => {
                    cs.iter().any(|c| g.contains(c)) || (cs.is_empty() && b.contains(&o.commune))
                }
                _ => true,
            };
            mine.then(|| (o, cs.into_iter().collect()))
        })
        .collect()
}

/// What is wrong with a register of units, changes and moves (each refused on import).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterProblem {
    /// Two versions of one code overlap in time.
    Overlap { code: String, a: UnitId, b: UnitId },
    /// Following changes forward comes back to where it started.
    Cycle { unit: UnitId },
    /// An old unit that went wholly into one unit also appears split.
    FullAndPartial { old: UnitId },
    /// A change whose old unit does not end the day before, or whose new unit does not
    /// begin on the change's date.
    ChangeOutOfTime { old: UnitId, new: UnitId },
    /// A move to a unit not valid on the move's date.
    MoveOutOfTime { org: OrgCode, commune: UnitId },
}

/// Every problem of a register, in a stable order.
pub fn check_register(
    units: &[AdminUnit],
    changes: &[UnitChange],
    moves: &[OrgMove],
) -> Vec<RegisterProblem> {
    let mut out = Vec::new();
    let mut by_code: BTreeMap<&str, Vec<&AdminUnit>> = BTreeMap::new();
    for u in units {
        by_code.entry(u.code.as_str()).or_default().push(u);
    }
    for (code, vs) in &by_code {
        for (i, a) in vs.iter().enumerate() {
            for b in &vs[i + 1..] {
                let a_before_b = a
                    .valid_to
                    .is_some_and(|t| b.valid_from.is_some_and(|f| t < f));
                let b_before_a = b
                    .valid_to
                    .is_some_and(|t| a.valid_from.is_some_and(|f| t < f));
                if !a_before_b && !b_before_a {
                    out.push(RegisterProblem::Overlap {
                        code: code.to_string(),
                        a: a.id,
                        b: b.id,
                    });
                }
            }
        }
    }
    let by_id: HashMap<UnitId, &AdminUnit> = units.iter().map(|u| (u.id, u)).collect();
    let mut kinds: BTreeMap<UnitId, (bool, bool)> = BTreeMap::new();
    for c in changes {
        let k = kinds.entry(c.old).or_default();
        match c.kind {
            ChangeKind::Full => k.0 = true,
            ChangeKind::Partial => k.1 = true,
        }
        let old_ends = by_id
            .get(&c.old)
            .and_then(|u| u.valid_to)
            .is_some_and(|t| t.next_day() == Some(c.on));
        let new_begins = by_id
            .get(&c.new)
            .and_then(|u| u.valid_from)
            .is_some_and(|f| f == c.on);
        if !old_ends || !new_begins {
            out.push(RegisterProblem::ChangeOutOfTime {
                old: c.old,
                new: c.new,
            });
        }
    }
    for (old, (full, partial)) in kinds {
        if full && partial {
            out.push(RegisterProblem::FullAndPartial { old });
        }
    }
    let mut next: HashMap<UnitId, Vec<UnitId>> = HashMap::new();
    for c in changes {
        next.entry(c.old).or_default().push(c.new);
    }
    let mut starts: Vec<UnitId> = next.keys().copied().collect();
    starts.sort();
    for start in starts {
        let mut stack: Vec<(UnitId, usize)> = vec![(start, 0)];
        let mut seen = BTreeSet::new();
        while let Some((u, depth)) = stack.pop() {
            if depth > 0 && u == start {
                out.push(RegisterProblem::Cycle { unit: start });
                break;
            }
            if !seen.insert(u) {
                continue;
            }
            for n in next.get(&u).into_iter().flatten() {
                stack.push((*n, depth + 1));
            }
        }
    }
    for m in moves {
        if !by_id
            .get(&m.commune)
            .is_some_and(|u| u.valid_on(m.moved_on))
        {
            out.push(RegisterProblem::MoveOutOfTime {
                org: m.org.clone(),
                commune: m.commune,
            });
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod fixture;
#[cfg(test)]
mod tests;
