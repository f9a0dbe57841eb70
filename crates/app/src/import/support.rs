//! The support sheets of a file: propaganda events (their unit resolved at the day) and
//! support disbursements, each checked by the rules of its form. A disbursement is checked
//! against its organisation as the file leaves it (new founding or dissolution dates
//! included), and an organisation's new dates that would leave a stored disbursement
//! outside its life are refused on the organisation's row.

use crate::context::find_unit;
use crate::import::draft::{Draft, located_err, tally};
use crate::import::ground::Ground;
use hoptac_core::model::Event;
use hoptac_core::support::{disbursement_problems, event_problems};
use hoptac_exchange::columns::{EVENTS, ORGANIZATIONS, SUPPORT_DISBURSEMENTS};
use std::collections::HashSet;

/// The summary's rows for these sheets, in [`hoptac_exchange::columns::TABLES`].
const EVENT_ROWS: usize = 14;
const DISBURSEMENT_ROWS: usize = 15;

pub(super) fn events(g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.events {
        let x = &l.value;
        let unit = match find_unit(&g.units, &x.unit, Some(x.held_on)) {
            Ok(u) => u.id,
            Err(crate::error::AppError::Invalid { msg, .. }) => {
                d.problems
                    .push(located_err(l, &EVENTS, "unit", x.unit.clone(), msg));
                continue;
            }
            Err(_) => continue,
        };
        let e = Event {
            code: x.code.trim().to_string(),
            kind: x.kind,
            title: x.title.trim().to_string(),
            held_on: x.held_on,
            organiser: x.organiser.trim().to_string(),
            unit,
            audience: x.audience.trim().to_string(),
            reach: x.reach,
        };
        let problems = event_problems(&e);
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems.push(located_err(l, &EVENTS, f, v, msg));
            }
            continue;
        }
        if tally(&mut d.summary[EVENT_ROWS], g.db.support.event(&e.code), &e) {
            d.changes.events.push(e);
        }
    }
}

pub(super) fn disbursements(g: &Ground<'_>, d: &mut Draft) {
    // the projects as the file leaves them: a payment may name a project of the same file
    let mut projects = g.db.contracts.clone();
    for l in &g.parsed.projects {
        let code = l.value.code.trim();
        projects.projects.retain(|p| p.code != code);
        projects.projects.push(hoptac_core::chain::LinkageProject {
            code: code.to_string(),
            ..l.value.clone()
        });
    }
    projects.projects.sort_by(|a, b| a.code.cmp(&b.code));
    for l in &g.parsed.disbursements {
        let stored = g.db.support.disbursement(l.value.code.trim());
        let project = match g.parsed.disbursements_without_project {
            true => stored.and_then(|s| s.project.clone()),
            false => (l.value.project.as_deref().map(str::trim))
                .filter(|p| !p.is_empty())
                .map(str::to_string),
        };
        let x = hoptac_core::model::Disbursement {
            project,
            code: l.value.code.trim().to_string(),
            legal_basis: l.value.legal_basis.trim().to_string(),
            decision: l.value.decision.trim().to_string(),
            source: l.value.source.trim().to_string(),
            ..l.value.clone()
        };
        let mut problems = disbursement_problems(&x, g.org_of(&x.org));
        problems.extend(hoptac_core::linkage::disbursement_project_problems(
            &x, &projects,
        ));
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems
                    .push(located_err(l, &SUPPORT_DISBURSEMENTS, f, v, msg));
            }
            continue;
        }
        if tally(&mut d.summary[DISBURSEMENT_ROWS], stored, &x) {
            d.changes.disbursements.push(x);
        }
    }
}

/// A stored disbursement the file's new dates of its organisation would put outside its
/// life: refused on the organisation's row, the disbursement named.
pub(super) fn stored_disbursements_still_fit(g: &Ground<'_>, d: &mut Draft) {
    if g.parsed.orgs.is_empty() {
        return;
    }
    let in_file: HashSet<&str> = (g.parsed.disbursements.iter())
        .map(|l| l.value.code.trim())
        .collect();
    for l in &g.parsed.orgs {
        let (Some(new), Some(old)) = (g.file_orgs.get(&l.value.code), g.db_orgs.get(&l.value.code))
        else {
            continue;
        };
        if (old.founded_on, old.dissolved_on) == (new.founded_on, new.dissolved_on) {
            continue;
        }
        let broken = (g.db.support.disbursements.iter())
            .filter(|x| x.org == new.code && !in_file.contains(x.code.as_str()))
            .find(|x| {
                disbursement_problems(x, Some(new))
                    .iter()
                    .any(|(f, ..)| *f == "paid_on")
            });
        if let Some(x) = broken {
            let (field, v) = match new.dissolved_on {
                Some(end) if x.paid_on > end => ("dissolved_on", end),
                _ => ("founded_on", new.founded_on),
            };
            d.problems.push(located_err(
                l,
                &ORGANIZATIONS,
                field,
                hoptac_core::date::to_vi(v),
                hoptac_core::msg!(
                    "import.disbursement_outside_new_life",
                    org = new.code,
                    code = x.code,
                    day = hoptac_core::date::to_vi(x.paid_on)
                ),
            ));
        }
    }
}
