//! The offices and tasks of plans read back: the queries every adapter runs and their rows
//! as core types, put into their plans.

use super::{Columns, date, enum_of, text};
use crate::port::error::Result;
use hoptac_core::plan::Plan;
use hoptac_core::plan::tasks::{PlanOffice, PlanTask, number_order, split_codes};
use hoptac_core::types::TaskStatus;

pub const OFFICES: &str =
    "SELECT plan_code, code, name, until, successor FROM plan_offices ORDER BY plan_code, code";
pub const TASKS: &str = "SELECT plan_code, number, grp, text, lead, partners, output, evidence, status, reason \
     FROM plan_tasks ORDER BY plan_code, number";

/// `plan_code, code, name, until, successor`
pub fn office(r: &impl Columns) -> Result<(String, PlanOffice)> {
    const T: &str = "plan_offices";
    Ok((
        text(r, 0, T)?,
        PlanOffice {
            code: text(r, 1, T)?,
            name: text(r, 2, T)?,
            until: date(r, 3, T)?,
            successor: text(r, 4, T)?,
        },
    ))
}

/// `plan_code, number, grp, text, lead, partners, output, evidence, status, reason`
pub fn task(r: &impl Columns) -> Result<(String, PlanTask)> {
    const T: &str = "plan_tasks";
    Ok((
        text(r, 0, T)?,
        PlanTask {
            number: text(r, 1, T)?,
            group: text(r, 2, T)?,
            text: text(r, 3, T)?,
            lead: split_codes(&text(r, 4, T)?),
            partners: split_codes(&text(r, 5, T)?),
            output: text(r, 6, T)?,
            evidence: split_codes(&text(r, 7, T)?),
            status: enum_of(r, 8, T, TaskStatus::parse)?,
            reason: text(r, 9, T)?,
        },
    ))
}

/// Puts each office and task into its plan; tasks in the plan's number order.
pub fn attach(
    plans: &mut [Plan],
    offices: Vec<(String, PlanOffice)>,
    tasks: Vec<(String, PlanTask)>,
) {
    let mut at: std::collections::HashMap<String, usize> = plans
        .iter()
        .enumerate()
        .map(|(i, p)| (p.code.clone(), i))
        .collect();
    for (plan, o) in offices {
        if let Some(i) = at.get_mut(&plan) {
            plans[*i].offices.push(o);
        }
    }
    for (plan, t) in tasks {
        if let Some(i) = at.get(&plan) {
            plans[*i].tasks.push(t);
        }
    }
    for p in plans.iter_mut() {
        p.tasks.sort_by_key(|t| number_order(&t.number));
    }
}
