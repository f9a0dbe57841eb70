//! The audit trail of an import: one entry a changed row, with the values before and after.

use crate::context::App;
use crate::import::ground::{Ground, manager_key};
use crate::import::scope::actor_root;
use hoptac_core::model::UnitId;
use hoptac_core::plan::Plan;
use hoptac_store::{AuditEntry, ChangeSet};

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

pub(super) fn entries(app: &App, g: &Ground<'_>, changes: &ChangeSet) -> Vec<AuditEntry> {
    let mut audit = Vec::new();
    let mut entry =
        |entity: &str, key: String, unit: Option<UnitId>, before: Option<String>, after: String| {
            let mut e = app.audit_entry(
                g.actor,
                if before.is_some() { "update" } else { "create" },
                entity,
                &key,
                unit,
            );
            e.before = before;
            e.after = Some(after);
            audit.push(e);
        };
    let db_units: std::collections::HashMap<_, _> = g.db.units.iter().map(|u| (u.id, u)).collect();
    for u in &changes.units {
        entry(
            "admin_units",
            u.code.clone(),
            Some(u.id),
            db_units.get(&u.id).map(|u| json(*u)),
            json(u),
        );
    }
    for o in &changes.orgs {
        entry(
            "organizations",
            o.code.to_string(),
            Some(o.commune),
            g.db_orgs.get(&o.code).map(json),
            json(o),
        );
    }
    for r in &changes.reports {
        entry(
            "annual_reports",
            format!("{}/{}", r.org, r.year),
            g.commune_of(&r.org),
            g.db_reports.get(&(&r.org, r.year.get())).map(json),
            json(r),
        );
    }
    for m in &changes.managers {
        let k = m.audit_key();
        entry(
            "managers",
            k,
            g.commune_of(&m.org),
            g.db_managers.get(&manager_key(m)).map(json),
            json(m),
        );
    }
    for i in &changes.indicators {
        let stored = g.stored.indicators.iter().find(|x| x.id == i.id);
        let owner = match stored {
            Some(_) => g.stored.indicator_owners.get(&i.id).copied(),
            None => actor_root(g),
        };
        entry("indicators", i.id.clone(), owner, stored.map(json), json(i));
    }
    for p in &changes.plans {
        let before = g.stored.plans.iter().find(|x| x.code == p.code).map(|x| {
            json(&Plan {
                targets: vec![],
                offices: vec![],
                tasks: vec![],
                ..x.clone()
            })
        });
        entry(
            "plans",
            p.code.clone(),
            g.plan_unit(changes, &p.code),
            before,
            json(p),
        );
    }
    for (code, t) in &changes.targets {
        let before = g
            .stored
            .plans
            .iter()
            .find(|x| &x.code == code)
            .and_then(|p| p.targets.iter().find(|x| x.no == t.no))
            .map(json);
        entry(
            "targets",
            format!("{code}/{}", t.no),
            g.plan_unit(changes, code),
            before,
            json(t),
        );
    }
    let code_of = |id| g.unit_code(id);
    for c in &changes.unit_changes {
        let before =
            g.db.changes
                .iter()
                .find(|x| x.old == c.old && x.new == c.new)
                .map(json);
        entry(
            "unit_changes",
            format!("{}→{}", code_of(c.old), code_of(c.new)),
            Some(c.new),
            before,
            json(c),
        );
    }
    for m in &changes.moves {
        let before =
            g.db.moves
                .iter()
                .find(|x| x.org == m.org && x.moved_on == m.moved_on)
                .map(json);
        entry(
            "organization_moves",
            format!("{}@{}", m.org, hoptac_core::date::to_iso(m.moved_on)),
            Some(m.commune),
            before,
            json(m),
        );
    }
    for p in &changes.club_profiles {
        let before =
            g.db.clubs
                .profiles
                .iter()
                .find(|x| x.org == p.org)
                .map(json);
        entry(
            "club_profiles",
            p.org.to_string(),
            g.commune_of(&p.org),
            before,
            json(p),
        );
    }
    for m in &changes.meetings {
        let before = (g.db.clubs.meetings_of(&m.org).iter())
            .find(|x| x.held_on == m.held_on)
            .map(json);
        entry(
            "club_meetings",
            crate::clubs::meeting_key(&m.org, m.held_on),
            g.commune_of(&m.org),
            before,
            json(m),
        );
    }
    for o in &changes.origins {
        let before = (g.db.clubs.origins.iter())
            .find(|x| x.org == o.org && x.from == o.from)
            .map(json);
        entry(
            "org_origins",
            format!("{}/{}", o.org, o.from),
            g.commune_of(&o.org),
            before,
            json(o),
        );
    }
    for k in &changes.courses {
        let before = g.db.training.course(&k.code).map(json);
        entry(
            "training_courses",
            k.code.clone(),
            Some(k.unit),
            before,
            json(k),
        );
    }
    for (code, o) in &changes.plan_offices {
        let before = (g.stored.plans.iter())
            .find(|x| &x.code == code)
            .and_then(|p| p.offices.iter().find(|x| x.code == o.code))
            .map(json);
        // under the plan: its offices are one list in the browser, one version covers it
        entry(
            "plan_offices",
            code.clone(),
            g.plan_unit(changes, code),
            before,
            json(o),
        );
    }
    for (code, t) in &changes.plan_tasks {
        let before = (g.stored.plans.iter())
            .find(|x| &x.code == code)
            .and_then(|p| p.tasks.iter().find(|x| x.number == t.number))
            .map(json);
        let key = format!("{code}/{}", t.number);
        entry(
            "plan_tasks",
            key,
            g.plan_unit(changes, code),
            before,
            json(t),
        );
    }
    for e in &changes.events {
        let before = g.db.support.event(&e.code).map(json);
        entry(
            "support_events",
            e.code.clone(),
            Some(e.unit),
            before,
            json(e),
        );
    }
    for x in &changes.disbursements {
        let before = g.db.support.disbursement(&x.code).map(json);
        entry(
            "support_disbursements",
            x.code.clone(),
            g.commune_of(&x.org),
            before,
            json(x),
        );
    }
    for p in &changes.products {
        let before = g.db.products.product(&p.code).map(json);
        entry(
            "products",
            p.code.clone(),
            g.commune_of(&p.org),
            before,
            json(p),
        );
    }
    for r in &changes.ratings {
        let before = g.db.products.rating(&r.code).map(json);
        let unit =
            super::products::owner_after(g, changes, &r.product).and_then(|o| g.commune_of(o));
        entry("ocop_ratings", r.code.clone(), unit, before, json(r));
    }
    for f in &changes.facilities {
        let before = g.db.trace.facility(&f.code).map(json);
        entry(
            "facilities",
            f.code.clone(),
            g.commune_of(&f.org),
            before,
            json(f),
        );
    }
    for l in &changes.lots {
        let before = g.db.trace.lot(&l.product, &l.lot).map(json);
        let unit =
            super::products::owner_after(g, changes, &l.product).and_then(|o| g.commune_of(o));
        entry(
            "lots",
            format!("{}/{}", l.product, l.lot),
            unit,
            before,
            json(l),
        );
    }
    for c in &changes.contracts {
        let before = g.db.contracts.contract(&c.code).map(json);
        let unit = c.orgs.first().and_then(|o| g.commune_of(o));
        entry("contracts", c.code.clone(), unit, before, json(c));
    }
    for x in &changes.deliveries {
        let before = g.db.contracts.delivery(&x.code).map(json);
        let unit = (changes.contracts.iter())
            .find(|c| c.code == x.contract)
            .or_else(|| g.db.contracts.contract(&x.contract))
            .and_then(|c| c.orgs.first())
            .and_then(|o| g.commune_of(o));
        entry("deliveries", x.code.clone(), unit, before, json(x));
    }
    for p in &changes.projects {
        let before = g.db.contracts.project(&p.code).map(json);
        let unit = p.orgs.first().and_then(|o| g.commune_of(o));
        entry("linkage_projects", p.code.clone(), unit, before, json(p));
    }
    for (code, list) in &changes.course_attendees {
        let stored = g.db.training.attendees_of(code);
        let unit = (changes.courses.iter())
            .find(|k| k.code == *code)
            .or_else(|| g.db.training.course(code))
            .map(|k| k.unit);
        let before = (!stored.is_empty()).then(|| json(&stored));
        // under the course: its version covers its list
        entry("training_courses", code.clone(), unit, before, json(list));
    }
    audit
}
