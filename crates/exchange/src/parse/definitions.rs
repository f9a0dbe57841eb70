//! The definition sheets: indicators, plans and their targets.

use super::layout::{Layout, duplicate, rows};
use super::parsed::{Located, Parsed};
use super::reader::RowReader;
use crate::read::RawSheet;
use hoptac_core::Fixed;
use hoptac_core::plan::{Comparator, Plan, Target};
use hoptac_core::spec::IndicatorRecord;
use hoptac_core::validate::Severity;
use std::collections::HashMap;

fn col_header(l: &Layout, key: &str) -> String {
    l.cols.get(key).map(|c| c.1.clone()).unwrap_or_default()
}

pub(super) fn parse_indicators(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let id = r.text("id");
        let id = r.required("id", id);
        let label_vi = r.text("label_vi");
        let label_vi = r.required("label_vi", label_vi);
        let label_en = r.text("label_en").unwrap_or_default();
        let definition = r.text("definition");
        let definition = r.required("definition", definition);
        let description = r.text("description").unwrap_or_default();
        if let (Some(id), Some(label_vi), Some(definition)) = (&id, &label_vi, &definition)
            && let Err(msg) = hoptac_core::spec::parse(id, label_vi, &label_en, definition)
        {
            r.push(Severity::Error, "definition", definition.clone(), msg);
        }
        let failed = r.failed;
        if let (Some(id), Some(label_vi), Some(definition), false) =
            (id, label_vi, definition, failed)
            && !duplicate(
                &mut seen,
                id.clone(),
                *n,
                &sheet.name,
                &col_header(l, "id"),
                &mut out.problems,
            )
        {
            out.indicators.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: IndicatorRecord {
                    id,
                    label_vi,
                    label_en,
                    definition,
                    description,
                },
            });
        }
    }
}

fn year_of(r: &mut RowReader<'_>, key: &str) -> Option<i32> {
    let v = r.integer(key)?;
    match hoptac_core::Year::new(v as i32) {
        Some(y) => Some(y.get()),
        None => {
            r.push(
                Severity::Error,
                key,
                v.to_string(),
                hoptac_core::msg!("exchange.definitions.year_out_of_range"),
            );
            None
        }
    }
}

pub(super) fn parse_plans(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let title = r.text("title");
        let title = r.required("title", title);
        let issuer = r.text("issuer").unwrap_or_default();
        let doc_no = r.text("doc_no").unwrap_or_default();
        let doc_date = r.date("doc_date");
        let from = year_of(&mut r, "from");
        let from = r.required("from", from);
        let to = year_of(&mut r, "to");
        let to = r.required("to", to);
        let baseline_year = year_of(&mut r, "baseline_year");
        let baseline_year = r.required("baseline_year", baseline_year);
        let scope = r.text("scope");
        let scope = r.required("scope", scope);
        let failed = r.failed;
        if let (
            Some(code),
            Some(title),
            Some(from),
            Some(to),
            Some(baseline_year),
            Some(scope),
            false,
        ) = (code, title, from, to, baseline_year, scope, failed)
            && !duplicate(
                &mut seen,
                code.clone(),
                *n,
                &sheet.name,
                &col_header(l, "code"),
                &mut out.problems,
            )
        {
            out.plans.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: Plan {
                    code,
                    title,
                    issuer,
                    doc_no,
                    doc_date,
                    from,
                    to,
                    baseline_year,
                    scope,
                    targets: vec![],
                    offices: vec![],
                    tasks: vec![],
                },
            });
        }
    }
}

/// "2022: 115; 2023: 130" → [(2022, 115), (2023, 130)]
fn milestones(r: &mut RowReader<'_>, key: &str) -> Vec<(i32, Fixed)> {
    let Some(text) = r.text(key) else {
        return vec![];
    };
    let mut out = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let parsed = part.split_once(':').and_then(|(y, v)| {
            let y: i32 = y.trim().parse().ok()?;
            let v = hoptac_core::parse::parse_number(v)?.value;
            Some((y, v))
        });
        match parsed {
            Some(m) => out.push(m),
            None => r.push(
                Severity::Error,
                key,
                part.to_string(),
                hoptac_core::msg!("exchange.definitions.invalid_milestone", part = part),
            ),
        }
    }
    out
}

pub(super) fn parse_targets(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let plan = r.text("plan_code");
        let plan = r.required("plan_code", plan);
        let no = r.text("no");
        let no = r.required("no", no);
        let wording = r.text("wording");
        let wording = r.required("wording", wording);
        let indicator = r.text("indicator");
        let indicator = r.required("indicator", indicator);
        let comparator = match r.text("comparator") {
            None => r.required("comparator", None),
            Some(c) => match Comparator::parse(&c) {
                Some(c) => Some(c),
                None => {
                    r.push(
                        Severity::Error,
                        "comparator",
                        c.clone(),
                        hoptac_core::msg!("exchange.definitions.invalid_comparator", c = c),
                    );
                    None
                }
            },
        };
        let value = r.money("value");
        let value = r.required("value", value);
        let value_hi = r.money("value_hi");
        let baseline_indicator = r.text("baseline_indicator");
        let milestones = milestones(&mut r, "milestones");
        let note = r.text("note").unwrap_or_default();
        let failed = r.failed;
        if let (
            Some(plan),
            Some(no),
            Some(wording),
            Some(indicator),
            Some(comparator),
            Some(value),
            false,
        ) = (plan, no, wording, indicator, comparator, value, failed)
            && !duplicate(
                &mut seen,
                format!("{plan} / {no}"),
                *n,
                &sheet.name,
                &col_header(l, "no"),
                &mut out.problems,
            )
        {
            let t = Target {
                no,
                wording,
                indicator,
                comparator,
                value,
                value_hi,
                baseline_indicator,
                milestones,
                note,
            };
            out.targets.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: (plan, t),
            });
        }
    }
}
