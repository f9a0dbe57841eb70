//! The sheets of a plan's offices and tasks. Whether the plan, its offices and the
//! indicators named exist, and who may change the plan, is the import's business.

use super::layout::{Layout, duplicate, rows};
use super::parsed::{Located, Parsed};
use super::reader::RowReader;
use crate::read::RawSheet;
use hoptac_core::plan::tasks::split_codes;
use hoptac_core::plan::{PlanOffice, PlanTask};
use hoptac_core::types::TaskStatus;
use std::collections::HashMap;

fn column(l: &Layout, key: &str) -> String {
    l.cols.get(key).map(|c| c.1.clone()).unwrap_or_default()
}

pub(super) fn parse_offices(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let plan = r.text("plan_code");
        let plan = r.required("plan_code", plan);
        let code = r.text("code");
        let code = r.required("code", code);
        let name = r.text("name");
        let name = r.required("name", name);
        let until = r.date("until");
        let successor = r.text("successor").unwrap_or_default();
        let failed = r.failed;
        let (Some(plan), Some(code), Some(name), false) = (plan, code, name, failed) else {
            continue;
        };
        let key = format!("{plan} / {code}");
        let col = column(l, "code");
        if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
            out.plan_offices.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: (
                    plan,
                    PlanOffice {
                        code,
                        name,
                        until,
                        successor,
                    },
                ),
            });
        }
    }
}

pub(super) fn parse_tasks(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let plan = r.text("plan_code");
        let plan = r.required("plan_code", plan);
        let number = r.text("number");
        let number = r.required("number", number);
        let group = r.text("group");
        let group = r.required("group", group);
        let text = r.text("text");
        let text = r.required("text", text);
        let lead = r.text("lead");
        let lead = r.required("lead", lead);
        let partners = r.text("partners").unwrap_or_default();
        let output = r.text("output").unwrap_or_default();
        let evidence = r.text("evidence").unwrap_or_default();
        let status = r.enumerated::<TaskStatus>("status");
        let status = r.required("status", status);
        let reason = r.text("reason").unwrap_or_default();
        let failed = r.failed;
        let (Some(plan), Some(number), Some(group), Some(text), Some(lead), Some(status)) =
            (plan, number, group, text, lead, status)
        else {
            continue;
        };
        if failed {
            continue;
        }
        let key = format!("{plan} / {number}");
        let col = column(l, "number");
        if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
            out.plan_tasks.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: (
                    plan,
                    PlanTask {
                        number,
                        group,
                        text,
                        lead: split_codes(&lead),
                        partners: split_codes(&partners),
                        output,
                        evidence: split_codes(&evidence),
                        status,
                        reason,
                    },
                ),
            });
        }
    }
}
