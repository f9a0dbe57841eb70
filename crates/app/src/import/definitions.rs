//! Indicators defined as data, plans and their targets of a file.

use crate::context::find_unit;
use crate::error::{AppError, Result};
use crate::import::draft::{Draft, located, located_err, tally};
use crate::import::ground::Ground;
use hoptac_core::indicator::{IndicatorDef, catalogue};
use hoptac_core::plan::{Plan, check_plan, check_target};
use hoptac_core::validate::Finding;
use hoptac_exchange::columns::{INDICATORS, PLANS, TARGETS};
use std::collections::HashMap;

/// The file's indicators; returns every definition a target may name after the import.
pub(super) fn indicators(g: &Ground<'_>, d: &mut Draft) -> HashMap<String, IndicatorDef> {
    let core_ids: Vec<String> = catalogue().into_iter().map(|d| d.id).collect();
    let mut known_defs: HashMap<String, IndicatorDef> =
        catalogue().into_iter().map(|d| (d.id.clone(), d)).collect();
    for r in &g.stored.indicators {
        if let Ok(def) = r.to_def() {
            known_defs.insert(r.id.clone(), def);
        }
    }
    for l in &g.parsed.indicators {
        let r = &l.value;
        if core_ids.contains(&r.id) {
            d.problems.push(located_err(
                l,
                &INDICATORS,
                "id",
                r.id.clone(),
                hoptac_core::msg!("import.core_indicator_redefined", id = r.id),
            ));
            continue;
        }
        if let Ok(def) = r.to_def() {
            known_defs.insert(r.id.clone(), def);
        }
        if tally(
            &mut d.summary[4],
            g.stored.indicators.iter().find(|x| x.id == r.id),
            r,
        ) {
            d.changes.indicators.push(r.clone());
        }
    }
    known_defs
}

/// The file's plans; returns the plan codes a target may name after the import.
pub(super) fn plans(g: &Ground<'_>, d: &mut Draft) -> Result<Vec<String>> {
    let mut plan_codes: Vec<String> = g.stored.plans.iter().map(|p| p.code.clone()).collect();
    for l in &g.parsed.plans {
        let p = &l.value;
        let mut bad = false;
        for (field, msg) in check_plan(p) {
            let value = match field {
                "code" => p.code.clone(),
                "title" => p.title.clone(),
                "baseline_year" => p.baseline_year.to_string(),
                _ => format!("{}–{}", p.from, p.to),
            };
            d.problems
                .push(located(l, &PLANS, Finding::error(field, value, msg)));
            bad = true;
        }
        let scope = match find_unit(&g.units, &p.scope, None) {
            Ok(u) => u.code.clone(),
            Err(AppError::Invalid { msg, .. }) => {
                d.problems
                    .push(located_err(l, &PLANS, "scope", p.scope.clone(), msg));
                continue;
            }
            Err(e) => return Err(e),
        };
        if bad {
            continue;
        }
        let plan = Plan { scope, ..p.clone() };
        let old = g
            .stored
            .plans
            .iter()
            .find(|x| x.code == plan.code)
            .map(|x| Plan {
                targets: vec![],
                offices: vec![],
                tasks: vec![],
                ..x.clone()
            });
        if tally(&mut d.summary[5], old.as_ref(), &plan) {
            d.changes.plans.push(plan.clone());
        }
        plan_codes.push(plan.code);
    }
    Ok(plan_codes)
}

pub(super) fn targets(
    g: &Ground<'_>,
    plan_codes: &[String],
    known_defs: &HashMap<String, IndicatorDef>,
    d: &mut Draft,
) {
    for l in &g.parsed.targets {
        let (code, t) = &l.value;
        if !plan_codes.contains(code) {
            d.problems.push(located_err(
                l,
                &TARGETS,
                "plan_code",
                code.clone(),
                hoptac_core::msg!("import.no_such_plan", code = code),
            ));
            continue;
        }
        let mut bad = false;
        for (field, msg) in check_target(t, known_defs.get(&t.indicator)) {
            let value = match field {
                "indicator" => t.indicator.clone(),
                "no" => t.no.clone(),
                "wording" => t.wording.clone(),
                "value_hi" => t.value_hi.map(|v| v.to_string()).unwrap_or_default(),
                _ => t.value.to_string(),
            };
            d.problems
                .push(located(l, &TARGETS, Finding::error(field, value, msg)));
            bad = true;
        }
        if let Some(b) = &t.baseline_indicator
            && !known_defs.contains_key(b)
        {
            d.problems.push(located_err(
                l,
                &TARGETS,
                "baseline_indicator",
                b.clone(),
                hoptac_core::msg!("import.no_such_indicator", b = b),
            ));
            bad = true;
        }
        if bad {
            continue;
        }
        let old = g
            .stored
            .plans
            .iter()
            .find(|p| &p.code == code)
            .and_then(|p| p.targets.iter().find(|x| x.no == t.no));
        if tally(&mut d.summary[6], old, t) {
            d.changes.targets.push((code.clone(), t.clone()));
        }
    }
}
