//! Who may write what: every change of an import lies in the actor's scope on every side
//! (the record, where it hangs now, where the file hangs it), closed years stay closed, and
//! the tree of units stays a tree.

use crate::context::App;
use crate::import::draft::{Draft, header, located_err};
use crate::import::ground::Ground;
use crate::import::registry::rank;
use hoptac_core::OrgCode;
use hoptac_core::auth::{Action, Resource, Scope};
use hoptac_core::model::UnitId;
use hoptac_core::validate::Severity;
use hoptac_exchange::Problem;
use hoptac_exchange::columns::{ADMIN_UNITS, ANNUAL_REPORTS};

/// A row the actor may not write: its table and its key.
pub(super) type Refusal = (&'static str, String);

/// No unit under itself, each under a higher level.
pub(super) fn tree(g: &Ground<'_>, d: &mut Draft) {
    let units = &g.units;
    // indexed once: a national file has 10⁴ units, and a hostile one makes every walk long
    let by_id: std::collections::HashMap<UnitId, &hoptac_core::AdminUnit> =
        units.iter().rev().map(|u| (u.id, u)).collect();
    // the first of equal keys wins, as a search from the start found it
    let by_key: std::collections::HashMap<_, &hoptac_core::AdminUnit> = units
        .iter()
        .rev()
        .map(|u| ((u.code.as_str(), u.valid_from), u))
        .collect();
    for l in &g.parsed.units {
        let Some(&u) = by_key.get(&(l.value.code.as_str(), l.value.valid_from)) else {
            continue;
        };
        let mut at = u.parent;
        let mut steps = 0;
        let mut cycle = false;
        while let Some(p) = at {
            if p == u.id || steps > units.len() {
                cycle = true;
                break;
            }
            steps += 1;
            at = by_id.get(&p).and_then(|x| x.parent);
        }
        let parent = u.parent.and_then(|p| by_id.get(&p).copied());
        if cycle {
            d.problems.push(located_err(
                l,
                &ADMIN_UNITS,
                "parent_code",
                l.value.parent_code.clone().unwrap_or_default(),
                hoptac_core::msg!("import.unit_below_itself", u = u.code),
            ));
        } else if let Some(p) = parent
            && rank(p.level) >= rank(u.level)
        {
            d.problems.push(located_err(
                l,
                &ADMIN_UNITS,
                "parent_code",
                p.code.clone(),
                hoptac_core::msg!("import.parent_not_higher", p = p.code, u = u.code),
            ));
        }
    }
}

/// A parent of `None` is the top of the tree (the installation).
pub(super) fn side(p: Option<UnitId>) -> Resource {
    p.map(Resource::Unit).unwrap_or(Resource::Everything)
}

/// The unit that owns a new indicator: the actor's own.
pub(super) fn actor_root(g: &Ground<'_>) -> Option<UnitId> {
    match &g.actor.account.scope {
        Scope::Unit(u) => Some(*u),
        _ => None,
    }
}

/// The changes the actor may not make. Writes into a closed year are added to the draft's
/// problems, and the owner of each new indicator to its changes.
pub(super) fn refusals(g: &Ground<'_>, d: &mut Draft) -> Vec<Refusal> {
    let actor = &g.actor.account;
    let policy = hoptac_core::auth::Policy::new(
        actor,
        hoptac_core::auth::Units {
            units: &g.units,
            changes: &g.db.changes,
        },
    );
    let may = |action: Action, r: &Resource| policy.permits(action, r);
    let org_res = |c: &OrgCode, commune: UnitId| Resource::Org {
        code: c.clone(),
        commune,
    };
    let changes = &d.changes;
    let db_units: std::collections::HashMap<UnitId, &hoptac_core::AdminUnit> =
        g.db.units.iter().map(|u| (u.id, u)).collect();
    let mut refused: Vec<Refusal> = Vec::new();
    for u in &changes.units {
        let old = db_units.get(&u.id).copied();
        let mut sides = vec![side(u.parent)];
        if let Some(o) = old {
            sides.push(Resource::Unit(o.id));
            sides.push(side(o.parent));
        }
        if !sides.iter().all(|r| may(Action::ManageUnits, r)) {
            refused.push(("admin_units", u.code.clone()));
        }
    }
    // a change between units is the units' business on both sides
    for c in &changes.unit_changes {
        if !may(Action::ManageUnits, &Resource::Unit(c.old))
            || !may(Action::ManageUnits, &Resource::Unit(c.new))
        {
            refused.push((
                "unit_changes",
                format!("{}→{}", g.unit_code(c.old), g.unit_code(c.new)),
            ));
        }
    }
    // a move is written by an office that may write the organisation where it is and
    // where it goes
    for m in &changes.moves {
        let here = g
            .commune_of(&m.org)
            .is_some_and(|c| may(Action::Write, &org_res(&m.org, c)));
        if !here || !may(Action::Write, &org_res(&m.org, m.commune)) {
            refused.push((
                "organization_moves",
                format!("{}@{}", m.org, hoptac_core::date::to_iso(m.moved_on)),
            ));
        }
    }
    let own_account = matches!(actor.scope, Scope::Org(_));
    for o in &changes.orgs {
        let old = g.db_orgs.get(&o.code);
        let old_ok = old.is_none_or(|old| may(Action::Write, &org_res(&o.code, old.commune)));
        // a cooperative edits its profile, but its legal place and life are the office's
        let registration_changed = old.is_none_or(|old| {
            old.commune != o.commune
                || old.kind != o.kind
                || old.founded_on != o.founded_on
                || old.dissolved_on != o.dissolved_on
        });
        if !old_ok
            || !may(Action::Write, &org_res(&o.code, o.commune))
            || (own_account && registration_changed)
        {
            refused.push(("organizations", o.code.to_string()));
        }
    }
    for (code, _) in &changes.registered {
        // registered services are part of the registration: the office's, not the cooperative's
        if own_account
            || !g
                .commune_of(code)
                .is_some_and(|c| may(Action::Write, &org_res(code, c)))
        {
            refused.push(("organizations", format!("{code} (registered_services)")));
        }
    }
    let in_force = crate::reporting::LocksInForce::new(&g.stored.locks, &g.units);
    let mut locked: Vec<Problem> = Vec::new();
    for r in &changes.reports {
        let Some(c) = g.commune_of(&r.org) else {
            refused.push(("annual_reports", format!("{}/{}", r.org, r.year)));
            continue;
        };
        if !may(Action::Write, &org_res(&r.org, c)) {
            refused.push(("annual_reports", format!("{}/{}", r.org, r.year)));
            continue;
        }
        // the office's fields are the office's: a cooperative cannot set its own rating or
        // the date its report was received
        if own_account {
            let old = g.db_reports.get(&(&r.org, r.year.get())).copied();
            for f in crate::reporting::office_fields_changed(old, r) {
                refused.push(("annual_reports", format!("{}/{} ({f})", r.org, r.year)));
            }
        }
        if let Some(l) = in_force.over(c, r.year.get()) {
            locked.push(Problem {
                severity: Severity::Error,
                sheet: "annual_reports".into(),
                row: None,
                column: Some(header(&ANNUAL_REPORTS, "year")),
                key: Some("year"),
                value: format!("{}/{}", r.org, r.year),
                msg: hoptac_core::msg!(
                    "import.year_closed",
                    year = r.year,
                    actor = l.actor,
                    at = l.at
                ),
            });
        }
    }
    for m in &changes.managers {
        if !g
            .commune_of(&m.org)
            .is_some_and(|c| may(Action::Write, &org_res(&m.org, c)))
        {
            refused.push(("managers", format!("{}/{}", m.org, m.full_name)));
        }
    }
    // a club's records are kept by commune staff of its territory and the offices above
    let keeps_clubs = actor.role >= hoptac_core::auth::Role::Commune;
    let club_ok = |c: &OrgCode| {
        keeps_clubs
            && g.commune_of(c)
                .is_some_and(|u| may(Action::Write, &org_res(c, u)))
    };
    for p in &changes.club_profiles {
        if !club_ok(&p.org) {
            refused.push(("hoiquan", p.org.to_string()));
        }
    }
    for m in &changes.meetings {
        if !club_ok(&m.org) {
            refused.push((
                "hoiquan_meetings",
                format!("{}/{}", m.org, hoptac_core::date::to_iso(m.held_on)),
            ));
        }
    }
    for o in &changes.origins {
        let from_readable = g
            .commune_of(&o.from)
            .is_some_and(|u| may(Action::Read, &org_res(&o.from, u)));
        if !club_ok(&o.org) || !from_readable {
            refused.push(("org_origins", format!("{}/{}", o.org, o.from)));
        }
    }
    // a course is kept by the offices of the unit it is held for (where it was, and where
    // the file puts it); its attendees' organisations must be readable by them
    let course_ok = |u: UnitId| keeps_clubs && may(Action::Write, &Resource::Unit(u));
    for k in &changes.courses {
        let old = g.db.training.course(&k.code).map(|o| o.unit);
        if !course_ok(k.unit) || old.is_some_and(|u| !course_ok(u)) {
            refused.push(("training_courses", k.code.clone()));
        }
    }
    for (code, list) in &changes.course_attendees {
        let unit = (changes.courses.iter())
            .find(|k| k.code == *code)
            .or_else(|| g.db.training.course(code))
            .map(|k| k.unit);
        let readable = |a: &hoptac_core::model::Attendee| {
            a.org.as_ref().is_none_or(|o| {
                g.commune_of(o)
                    .is_some_and(|u| may(Action::Read, &org_res(o, u)))
            })
        };
        if !unit.is_some_and(course_ok) || !list.iter().all(readable) {
            refused.push(("training_attendance", code.clone()));
        }
    }
    // an event is kept by the offices of the unit it was held for (where it was, and where
    // the file puts it); a disbursement by those of the organisation paid (the one stored,
    // and the one the file names)
    for e in &changes.events {
        let old = g.db.support.event(&e.code).map(|o| o.unit);
        if !course_ok(e.unit) || old.is_some_and(|u| !course_ok(u)) {
            refused.push(("events", e.code.clone()));
        }
    }
    for x in &changes.disbursements {
        let old = g.db.support.disbursement(&x.code).map(|o| &o.org);
        if !club_ok(&x.org) || old.is_some_and(|o| !club_ok(o)) {
            refused.push(("support_disbursements", x.code.clone()));
        }
    }
    // a product is kept by whoever writes its organisation (its own account too), the one
    // stored and the one the file names; a rating by the commune's officers and above of the
    // product's organisation, before and after
    let writes_org = |c: &OrgCode| {
        g.commune_of(c)
            .is_some_and(|u| may(Action::Write, &org_res(c, u)))
    };
    for p in &changes.products {
        let old = g.db.products.product(&p.code).map(|o| &o.org);
        if !writes_org(&p.org) || old.is_some_and(|o| !writes_org(o)) {
            refused.push(("products", p.code.clone()));
        }
    }
    for r in &changes.ratings {
        let now = super::products::owner_after(g, changes, &r.product);
        let old = (g.db.products.rating(&r.code))
            .and_then(|o| g.db.products.product(&o.product))
            .map(|p| &p.org);
        if !now.is_some_and(club_ok) || old.is_some_and(|o| !club_ok(o)) {
            refused.push(("ocop_ratings", r.code.clone()));
        }
    }
    // a facility by whoever writes its organisation (before and after); a lot by whoever
    // writes its product's; a contract by whoever writes every cooperative party to it (the
    // ones stored too); a delivery by whoever writes its contract's
    for f in &changes.facilities {
        let old = g.db.trace.facility(&f.code).map(|o| &o.org);
        if !writes_org(&f.org) || old.is_some_and(|o| !writes_org(o)) {
            refused.push(("facilities", f.code.clone()));
        }
    }
    for l in &changes.lots {
        if !super::products::owner_after(g, changes, &l.product).is_some_and(writes_org) {
            refused.push(("lots", format!("{}/{}", l.product, l.lot)));
        }
    }
    let contract_ok = |c: &hoptac_core::chain::Contract| c.orgs.iter().all(writes_org);
    for c in &changes.contracts {
        let old = g.db.contracts.contract(&c.code);
        if !contract_ok(c) || old.is_some_and(|o| !contract_ok(o)) {
            refused.push(("contracts", c.code.clone()));
        }
    }
    for x in &changes.deliveries {
        let of = |code: &str| {
            (changes.contracts.iter())
                .find(|c| c.code == code)
                .or_else(|| g.db.contracts.contract(code))
        };
        let old =
            g.db.contracts
                .delivery(&x.code)
                .and_then(|o| of(&o.contract));
        if !of(&x.contract).is_some_and(contract_ok) || old.is_some_and(|o| !contract_ok(o)) {
            refused.push(("deliveries", x.code.clone()));
        }
    }
    // a linkage project by the commune staff and the offices above of every cooperative in
    // it, the ones stored too
    let project_ok = |p: &hoptac_core::chain::LinkageProject| p.orgs.iter().all(club_ok);
    for p in &changes.projects {
        let old = g.db.contracts.project(&p.code);
        if !project_ok(p) || old.is_some_and(|o| !project_ok(o)) {
            refused.push(("linkage_projects", p.code.clone()));
        }
    }
    let plan_ok = |code: &str| {
        g.plan_unit(changes, code)
            .is_some_and(|u| may(Action::ManagePlans, &Resource::Unit(u)))
    };
    let mut owners = Vec::new();
    for i in &changes.indicators {
        // an indicator belongs to the office that defined it; a change must also be permitted
        // on every plan that is judged on it
        let existing = g.stored.indicators.iter().any(|x| x.id == i.id);
        let owner = if existing {
            g.stored.indicator_owners.get(&i.id).copied()
        } else {
            actor_root(g)
        };
        let plans_ok = g
            .stored
            .plans
            .iter()
            .filter(|p| {
                p.targets
                    .iter()
                    .any(|t| t.indicator == i.id || t.baseline_indicator.as_deref() == Some(&i.id))
            })
            .all(|p| plan_ok(&p.code));
        if !may(Action::ManagePlans, &side(owner)) || !plans_ok {
            refused.push(("indicators", i.id.clone()));
        } else if !existing {
            owners.push(("indicators".to_string(), i.id.clone(), owner));
        }
    }
    for p in &changes.plans {
        if !plan_ok(&p.code) {
            refused.push(("plans", p.code.clone()));
        }
    }
    for (code, t) in &changes.targets {
        if !plan_ok(code) {
            refused.push(("targets", format!("{code}/{}", t.no)));
        }
    }
    for (code, o) in &changes.plan_offices {
        if !plan_ok(code) {
            refused.push(("plan_offices", format!("{code}/{}", o.code)));
        }
    }
    for (code, t) in &changes.plan_tasks {
        if !plan_ok(code) {
            refused.push(("plan_tasks", format!("{code}/{}", t.number)));
        }
    }
    d.problems.extend(locked);
    d.changes.owners.extend(owners);
    refused
}

/// The refusals as the user's errors, one per row, after one audit entry for them all.
pub(super) async fn record_refusals(
    app: &App,
    g: &Ground<'_>,
    refused: Vec<Refusal>,
    d: &mut Draft,
) -> crate::error::Result<()> {
    if refused.is_empty() {
        return Ok(());
    }
    let actor = g.actor;
    let mut e = app.audit_entry(
        actor,
        "refused",
        "import",
        &format!("{} rows", refused.len()),
        None,
    );
    e.after = Some(
        serde_json::json!(
            refused
                .iter()
                .take(50)
                .map(|(t, k)| format!("{t}:{k}"))
                .collect::<Vec<_>>()
        )
        .to_string(),
    );
    app.store().append_audit(&e).await?;
    for (table, key) in refused {
        d.problems.push(Problem {
            severity: Severity::Error,
            sheet: table.to_string(),
            row: None,
            column: None,
            key: None,
            value: key.clone(),
            msg: hoptac_core::msg!("import.may_not_write", name = actor.name(), key = key),
        });
    }
    Ok(())
}
