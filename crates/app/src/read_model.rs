//! The read model: the database in memory, kept current without reloading it after every
//! write. A write the app makes is applied to the cached snapshot when the store moved
//! exactly one generation on (this write and no other); otherwise the next read reloads,
//! and readers arriving together share that one reload.

use crate::context::App;
use crate::error::Result;
use hoptac_core::model::Snapshot;
use hoptac_store::ChangeSet;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;
use std::sync::atomic::Ordering;

impl App {
    /// The snapshot with the generation read before it: a writer that computed its changes
    /// from it expects that generation when it writes (the snapshot is at least that new).
    pub async fn snapshot_at(&self) -> Result<(i64, Arc<Snapshot>)> {
        let generation = self.store.generation().await?;
        if let Some(hit) = self.cached_at(generation) {
            return Ok((generation, hit));
        }
        // one reload for all the readers that found the cache stale together
        let _loading = self.loading.lock().await;
        let generation = self.store.generation().await?;
        if let Some(hit) = self.cached_at(generation) {
            return Ok((generation, hit));
        }
        let snap = Arc::new(self.store.snapshot(None).await?);
        self.reloads.fetch_add(1, Ordering::Relaxed);
        *self.cache.lock().expect("cache lock") = Some((generation, snap.clone()));
        Ok((generation, snap))
    }

    /// How many times the whole database was read into memory since this app started.
    pub fn reloads(&self) -> u64 {
        self.reloads.load(Ordering::Relaxed)
    }

    fn cached_at(&self, generation: i64) -> Option<Arc<Snapshot>> {
        match self.cache.lock().expect("cache lock").as_ref() {
            Some((g, s)) if *g == generation => Some(s.clone()),
            _ => None,
        }
    }

    /// The generation of the cached snapshot, read before a write.
    pub(crate) fn cached_generation(&self) -> Option<i64> {
        self.cache
            .lock()
            .expect("cache lock")
            .as_ref()
            .map(|(g, _)| *g)
    }

    /// Writes a change set, then brings the cached snapshot forward by it.
    pub(crate) async fn apply(&self, c: &ChangeSet) -> Result<()> {
        let read_at = self.cached_generation();
        self.store.apply(c).await?;
        self.advance(read_at, Some(c)).await
    }

    /// After a write that leaves the snapshot's tables alone (evaluations, classifications,
    /// rubric versions, reporting locks): the cached snapshot stays valid one generation on.
    pub(crate) async fn wrote_beside_snapshot(&self, read_at: Option<i64>) -> Result<()> {
        self.advance(read_at, None).await
    }

    async fn advance(&self, read_at: Option<i64>, c: Option<&ChangeSet>) -> Result<()> {
        let Some(read_at) = read_at else {
            return Ok(());
        };
        let now = self.store.generation().await?;
        if now != read_at + 1 {
            return Ok(());
        }
        let mut cache = self.cache.lock().expect("cache lock");
        if let Some((g, s)) = cache.as_mut()
            && *g == read_at
        {
            if let Some(c) = c {
                apply_to(Arc::make_mut(s), c);
            }
            *g = now;
        }
        Ok(())
    }
}

/// The snapshot as the store holds it after `c`: each table upserted on its key, a changed
/// row in its place, a new row at the end (as the store lists rows in insertion order).
pub(crate) fn apply_to(s: &mut Snapshot, c: &ChangeSet) {
    // the index of rows by organisation is brought forward, not built again
    let before = s.rows_before(c.orgs.iter().map(|o| o.code.as_str()));
    // rows taken out move the places of the rows after them: the index is built again
    // when next asked (a correction, rare beside the writes that append)
    let removed = !c.archived_reports.is_empty()
        || !c.removed_managers.is_empty()
        || !c.archived_orgs.is_empty();
    if !c.archived_orgs.is_empty() {
        let gone: std::collections::HashSet<&str> =
            c.archived_orgs.iter().map(|a| a.org.as_str()).collect();
        s.orgs.retain(|o| !gone.contains(o.code.as_str()));
        s.managers.retain(|m| !gone.contains(m.org.as_str()));
    }
    if !c.archived_reports.is_empty() {
        let gone: std::collections::HashSet<(&str, i32)> = c
            .archived_reports
            .iter()
            .map(|a| (a.org.as_str(), a.year))
            .collect();
        s.reports
            .retain(|r| !gone.contains(&(r.org.as_str(), r.year.get())));
    }
    if !c.removed_managers.is_empty() {
        let gone: std::collections::HashSet<_> = c
            .removed_managers
            .iter()
            .map(|m| (m.org.as_str(), m.full_name.as_str(), m.role, m.from))
            .collect();
        s.managers
            .retain(|m| !gone.contains(&(m.org.as_str(), m.full_name.as_str(), m.role, m.from)));
    }
    upsert(&mut s.units, &c.units, |u| u.id);
    upsert(&mut s.orgs, &c.orgs, |o| o.code.clone());
    upsert(&mut s.reports, &c.reports, |r| {
        (r.org.clone(), r.year.get())
    });
    upsert(&mut s.managers, &c.managers, |m| {
        (m.org.clone(), m.full_name.clone(), m.role, m.from)
    });
    // the store lists these two in order, not in insertion order
    if !c.unit_changes.is_empty() {
        upsert(&mut s.changes, &c.unit_changes, |x| (x.old, x.new));
        s.changes.sort_by_key(|x| (x.on, x.old, x.new));
    }
    if !c.moves.is_empty() {
        upsert(&mut s.moves, &c.moves, |m| (m.org.clone(), m.moved_on));
        s.moves
            .sort_by(|a, b| (a.org.as_str(), a.moved_on).cmp(&(b.org.as_str(), b.moved_on)));
    }
    apply_clubs(s, c);
    apply_training(s, c);
    apply_support(s, c);
    apply_products(s, c);
    apply_trace(s, c);
    apply_contracts(s, c);
    if removed {
        s.rows_changed();
    } else {
        s.rows_after(before);
    }
}

/// Training records as the store lists them: courses by code, attendees by course in the
/// order each list was written.
fn apply_training(s: &mut Snapshot, c: &ChangeSet) {
    let t = &mut s.training;
    if !c.removed_courses.is_empty() {
        let gone: std::collections::HashSet<&str> =
            c.removed_courses.iter().map(String::as_str).collect();
        t.courses.retain(|k| !gone.contains(k.code.as_str()));
        t.attendees.retain(|a| !gone.contains(a.course.as_str()));
    }
    if !c.courses.is_empty() {
        upsert(&mut t.courses, &c.courses, |k| k.code.clone());
        t.courses.sort_by(|a, b| a.code.cmp(&b.code));
    }
    if !c.course_attendees.is_empty() {
        let replaced: std::collections::HashSet<&str> =
            c.course_attendees.iter().map(|(k, _)| k.as_str()).collect();
        t.attendees
            .retain(|a| !replaced.contains(a.course.as_str()));
        for (_, list) in &c.course_attendees {
            t.attendees.extend(list.iter().cloned());
        }
        // stable: each course's list keeps the order it was written in
        t.attendees.sort_by(|a, b| a.course.cmp(&b.course));
    }
}

/// Events and disbursements as the store lists them: by code.
fn apply_support(s: &mut Snapshot, c: &ChangeSet) {
    let t = &mut s.support;
    if !c.removed_events.is_empty() {
        let gone: std::collections::HashSet<&str> =
            c.removed_events.iter().map(String::as_str).collect();
        t.events.retain(|e| !gone.contains(e.code.as_str()));
    }
    if !c.events.is_empty() {
        upsert(&mut t.events, &c.events, |e| e.code.clone());
        t.events.sort_by(|a, b| a.code.cmp(&b.code));
    }
    if !c.removed_disbursements.is_empty() {
        let gone: std::collections::HashSet<&str> =
            c.removed_disbursements.iter().map(String::as_str).collect();
        t.disbursements.retain(|d| !gone.contains(d.code.as_str()));
    }
    if !c.disbursements.is_empty() {
        upsert(&mut t.disbursements, &c.disbursements, |d| d.code.clone());
        t.disbursements.sort_by(|a, b| a.code.cmp(&b.code));
    }
}

/// Products and ratings as the store lists them: by code; a product's ratings go first.
fn apply_products(s: &mut Snapshot, c: &ChangeSet) {
    let t = &mut s.products;
    if !c.removed_ratings.is_empty() {
        let gone: std::collections::HashSet<&str> =
            c.removed_ratings.iter().map(String::as_str).collect();
        t.ratings.retain(|r| !gone.contains(r.code.as_str()));
    }
    if !c.removed_products.is_empty() {
        let gone: std::collections::HashSet<&str> =
            c.removed_products.iter().map(String::as_str).collect();
        t.products.retain(|p| !gone.contains(p.code.as_str()));
    }
    if !c.products.is_empty() {
        upsert(&mut t.products, &c.products, |p| p.code.clone());
        t.products.sort_by(|a, b| a.code.cmp(&b.code));
    }
    if !c.ratings.is_empty() {
        upsert(&mut t.ratings, &c.ratings, |r| r.code.clone());
        t.ratings.sort_by(|a, b| a.code.cmp(&b.code));
    }
}

/// Facilities, lots and events as the store lists them: by code, by (product, lot), by code.
fn apply_trace(s: &mut Snapshot, c: &ChangeSet) {
    use std::collections::HashSet;
    let t = &mut s.trace;
    if !c.removed_trace_events.is_empty() {
        let gone: HashSet<&str> = c.removed_trace_events.iter().map(String::as_str).collect();
        t.events.retain(|e| !gone.contains(e.code.as_str()));
    }
    if !c.removed_lots.is_empty() {
        let gone: HashSet<(&str, &str)> = (c.removed_lots.iter())
            .map(|(p, l)| (p.as_str(), l.as_str()))
            .collect();
        t.lots
            .retain(|l| !gone.contains(&(l.product.as_str(), l.lot.as_str())));
    }
    if !c.removed_facilities.is_empty() {
        let gone: HashSet<&str> = c.removed_facilities.iter().map(String::as_str).collect();
        t.facilities.retain(|f| !gone.contains(f.code.as_str()));
    }
    if !c.facilities.is_empty() {
        upsert(&mut t.facilities, &c.facilities, |f| f.code.clone());
        t.facilities.sort_by(|a, b| a.code.cmp(&b.code));
    }
    if !c.lots.is_empty() {
        upsert(&mut t.lots, &c.lots, |l| (l.product.clone(), l.lot.clone()));
        t.lots
            .sort_by(|a, b| (&a.product, &a.lot).cmp(&(&b.product, &b.lot)));
    }
    if !c.trace_events.is_empty() {
        upsert(&mut t.events, &c.trace_events, |e| e.code.clone());
        t.events.sort_by(|a, b| a.code.cmp(&b.code));
    }
}

/// Contracts and deliveries as the store lists them: by code.
fn apply_contracts(s: &mut Snapshot, c: &ChangeSet) {
    use std::collections::HashSet;
    let t = &mut s.contracts;
    if !c.removed_deliveries.is_empty() {
        let gone: HashSet<&str> = c.removed_deliveries.iter().map(String::as_str).collect();
        t.deliveries.retain(|d| !gone.contains(d.code.as_str()));
    }
    if !c.removed_projects.is_empty() {
        let gone: HashSet<&str> = c.removed_projects.iter().map(String::as_str).collect();
        t.projects.retain(|p| !gone.contains(p.code.as_str()));
    }
    if !c.removed_contracts.is_empty() {
        let gone: HashSet<&str> = c.removed_contracts.iter().map(String::as_str).collect();
        t.contracts.retain(|k| !gone.contains(k.code.as_str()));
    }
    if !c.contracts.is_empty() {
        upsert(&mut t.contracts, &c.contracts, |k| k.code.clone());
        t.contracts.sort_by(|a, b| a.code.cmp(&b.code));
    }
    if !c.deliveries.is_empty() {
        upsert(&mut t.deliveries, &c.deliveries, |d| d.code.clone());
        t.deliveries.sort_by(|a, b| a.code.cmp(&b.code));
    }
    if !c.projects.is_empty() {
        upsert(&mut t.projects, &c.projects, |p| p.code.clone());
        t.projects.sort_by(|a, b| a.code.cmp(&b.code));
    }
}

/// Club records as the store lists them: in key order, an origin with the kind of the
/// organisation it came from as that row now says.
fn apply_clubs(s: &mut Snapshot, c: &ChangeSet) {
    let k = &mut s.clubs;
    if !c.removed_meetings.is_empty() {
        let gone: std::collections::HashSet<_> = c.removed_meetings.iter().collect();
        k.meetings
            .retain(|m| !gone.contains(&(m.org.clone(), m.held_on)));
    }
    if !c.removed_origins.is_empty() {
        let gone: std::collections::HashSet<_> = c.removed_origins.iter().collect();
        k.origins
            .retain(|o| !gone.contains(&(o.org.clone(), o.from.clone())));
    }
    if !c.club_profiles.is_empty() {
        upsert(&mut k.profiles, &c.club_profiles, |p| p.org.clone());
        k.profiles
            .sort_by(|a, b| a.org.as_str().cmp(b.org.as_str()));
    }
    if !c.meetings.is_empty() {
        upsert(&mut k.meetings, &c.meetings, |m| (m.org.clone(), m.held_on));
        k.meetings
            .sort_by(|a, b| (a.org.as_str(), a.held_on).cmp(&(b.org.as_str(), b.held_on)));
    }
    if !c.origins.is_empty() || (!c.orgs.is_empty() && !k.origins.is_empty()) {
        upsert(&mut k.origins, &c.origins, |o| {
            (o.org.clone(), o.from.clone())
        });
        // an origin written now takes its kind from the register; one already held, from
        // the organisation rows this change set rewrites
        let new: std::collections::HashSet<&str> =
            c.origins.iter().map(|o| o.from.as_str()).collect();
        let kinds: HashMap<&str, hoptac_core::types::OrgKind> = (s.orgs.iter())
            .filter(|o| new.contains(o.code.as_str()))
            .chain(c.orgs.iter())
            .map(|o| (o.code.as_str(), o.kind))
            .collect();
        for o in &mut k.origins {
            if let Some(kind) = kinds.get(o.from.as_str()) {
                o.from_kind = *kind;
            }
        }
        k.origins.sort_by(|a, b| {
            (a.org.as_str(), a.from.as_str()).cmp(&(b.org.as_str(), b.from.as_str()))
        });
    }
}

fn upsert<T: Clone, K: Hash + Eq>(rows: &mut Vec<T>, changed: &[T], key: impl Fn(&T) -> K) {
    if changed.is_empty() {
        return;
    }
    // the last of several changes to one row wins, as in the store
    let mut wanted: HashMap<K, &T> = changed.iter().map(|r| (key(r), r)).collect();
    for row in rows.iter_mut() {
        if let Some(new) = wanted.remove(&key(row)) {
            *row = new.clone();
        }
    }
    for r in changed {
        if let Some(new) = wanted.remove(&key(r)) {
            rows.push(new.clone());
        }
    }
}
