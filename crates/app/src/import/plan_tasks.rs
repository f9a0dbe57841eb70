//! The offices and tasks of plans in a file, each checked by the rules of its form: a task
//! names offices of its plan (stored or in the file) and indicators that exist after the
//! import.

use crate::import::draft::{Draft, located_err, tally};
use crate::import::ground::Ground;
use hoptac_core::indicator::IndicatorDef;
use hoptac_core::plan::tasks::{office_problems, task_problems};
use hoptac_exchange::columns::{PLAN_OFFICES, PLAN_TASKS};
use std::collections::HashMap;

/// The summary's rows for these sheets, in [`hoptac_exchange::columns::TABLES`].
const OFFICE_ROWS: usize = 16;
const TASK_ROWS: usize = 17;

fn no_such_plan(code: &str) -> hoptac_core::Msg {
    hoptac_core::msg!("import.no_such_plan", code = code)
}

pub(super) fn offices(g: &Ground<'_>, plan_codes: &[String], d: &mut Draft) {
    for l in &g.parsed.plan_offices {
        let (plan, o) = &l.value;
        if !plan_codes.contains(plan) {
            let m = no_such_plan(plan);
            d.problems
                .push(located_err(l, &PLAN_OFFICES, "plan_code", plan.clone(), m));
            continue;
        }
        let o = hoptac_core::plan::PlanOffice {
            code: o.code.trim().to_string(),
            name: o.name.trim().to_string(),
            successor: o.successor.trim().to_string(),
            ..o.clone()
        };
        let problems = office_problems(&o);
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems.push(located_err(l, &PLAN_OFFICES, f, v, msg));
            }
            continue;
        }
        let stored = (g.stored.plans.iter())
            .find(|p| p.code == *plan)
            .and_then(|p| p.offices.iter().find(|x| x.code == o.code));
        if tally(&mut d.summary[OFFICE_ROWS], stored, &o) {
            d.changes.plan_offices.push((plan.clone(), o));
        }
    }
}

pub(super) fn tasks(
    g: &Ground<'_>,
    plan_codes: &[String],
    known_defs: &HashMap<String, IndicatorDef>,
    d: &mut Draft,
) {
    let ids: Vec<&str> = known_defs.keys().map(String::as_str).collect();
    for l in &g.parsed.plan_tasks {
        let (plan, t) = &l.value;
        if !plan_codes.contains(plan) {
            let m = no_such_plan(plan);
            d.problems
                .push(located_err(l, &PLAN_TASKS, "plan_code", plan.clone(), m));
            continue;
        }
        let stored_plan = g.stored.plans.iter().find(|p| p.code == *plan);
        let offices: Vec<&str> = (stored_plan.iter())
            .flat_map(|p| p.offices.iter().map(|o| o.code.as_str()))
            .chain(
                (g.parsed.plan_offices.iter())
                    .filter(|x| x.value.0 == *plan)
                    .map(|x| x.value.1.code.trim()),
            )
            .collect();
        let t = hoptac_core::plan::PlanTask {
            number: t.number.trim().to_string(),
            group: t.group.trim().to_string(),
            text: t.text.trim().to_string(),
            output: t.output.trim().to_string(),
            reason: t.reason.trim().to_string(),
            ..t.clone()
        };
        let problems = task_problems(&t, &offices, &ids);
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems.push(located_err(l, &PLAN_TASKS, f, v, msg));
            }
            continue;
        }
        let stored = stored_plan.and_then(|p| p.tasks.iter().find(|x| x.number == t.number));
        if tally(&mut d.summary[TASK_ROWS], stored, &t) {
            d.changes.plan_tasks.push((plan.clone(), t));
        }
    }
}
