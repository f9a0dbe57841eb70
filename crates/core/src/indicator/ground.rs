//! The ground an engine counts on once units have changed (a reform): which organisations
//! are inside the scope on each date and which commune each is in then, like for like
//! (`shared/spec/admin-units.md`). A register without changes or moves needs none of this,
//! and the engine keeps its plain subtree (the same answers, no extra work).

use crate::Date;
use crate::model::{Organization, Snapshot, UnitId};
use crate::territory::{Territory, UnitMap};
use crate::types::AdminLevel;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};

/// See [`Ground::candidates`].
pub(super) struct Candidates<'a> {
    units: BTreeSet<UnitId>,
    moved: HashSet<&'a str>,
}

impl Candidates<'_> {
    /// A unit the scope's ground ever touches (where an event held for it counts).
    pub(super) fn touches(&self, u: UnitId) -> bool {
        self.units.contains(&u)
    }

    pub(super) fn may_count(&self, o: &Organization) -> bool {
        self.units.contains(&o.commune) || self.moved.contains(o.code.as_str())
    }
}

pub(super) struct Ground<'a> {
    map: UnitMap<'a>,
    scope: Option<UnitId>,
    territories: RefCell<HashMap<Date, Territory>>,
    snap: &'a Snapshot,
}

impl<'a> Ground<'a> {
    /// `None` when the snapshot records no change of units and no move.
    pub(super) fn new(snap: &'a Snapshot, scope: Option<UnitId>) -> Option<Ground<'a>> {
        if snap.changes.is_empty() && snap.moves.is_empty() {
            return None;
        }
        Some(Ground {
            map: UnitMap::new(&snap.units, &snap.changes, &snap.moves),
            scope,
            territories: RefCell::default(),
            snap,
        })
    }

    /// Which organisations may ever count here: those registered, or moved, in a unit
    /// version the scope's ground ever touches (its subtree and what it became or was formed
    /// from, through any number of changes). `None`: the whole installation, everyone.
    pub(super) fn candidates(&self) -> Option<Candidates<'a>> {
        let scope = self.scope?;
        let mut units = self.snap.subtree(scope);
        let mut next: HashMap<UnitId, Vec<UnitId>> = HashMap::new();
        for c in &self.snap.changes {
            next.entry(c.old).or_default().push(c.new);
            next.entry(c.new).or_default().push(c.old);
        }
        let mut stack: Vec<UnitId> = units.iter().copied().collect();
        while let Some(u) = stack.pop() {
            for n in next.get(&u).into_iter().flatten() {
                if units.insert(*n) {
                    stack.push(*n);
                }
            }
        }
        let moved = self
            .snap
            .moves
            .iter()
            .filter(|m| units.contains(&m.commune))
            .map(|m| m.org.as_str())
            .collect();
        Some(Candidates { units, moved })
    }

    fn with_territory<T>(&self, scope: UnitId, d: Date, f: impl FnOnce(&Territory) -> T) -> T {
        if !self.territories.borrow().contains_key(&d) {
            let t = self.map.territory(scope, d);
            self.territories.borrow_mut().insert(d, t);
        }
        f(&self.territories.borrow()[&d])
    }

    /// Inside the scope on `d` (always, for the whole installation).
    pub(super) fn contains(&self, o: &Organization, d: Date) -> bool {
        match self.scope {
            None => true,
            Some(s) => self.with_territory(s, d, |t| self.map.contains(t, o, d)),
        }
    }

    /// The commune the organisation is in on `d`, when it is known (one candidate).
    pub(super) fn commune_at(&self, o: &Organization, d: Date) -> Option<UnitId> {
        let cs = self.map.candidates(o, d);
        match cs.len() {
            1 => cs.into_iter().next(),
            _ => None,
        }
    }

    /// The communes making up the ground on `d`.
    pub(super) fn communes(&self, d: Date) -> Vec<UnitId> {
        match self.scope {
            Some(s) => self.with_territory(s, d, |t| t.communes().collect()),
            None => self
                .snap
                .units
                .iter()
                .filter(|u| u.level == AdminLevel::Commune && u.valid_on(d))
                .map(|u| u.id)
                .collect(),
        }
    }
}
