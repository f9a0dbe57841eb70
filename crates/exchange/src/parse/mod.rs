//! Sheets of cells to core values, with every problem located.

use crate::Problem;
use crate::columns::Table;
use crate::read::RawBook;
use hoptac_core::validate::Severity;
use std::collections::HashMap;

mod chain;
mod clubs;
mod definitions;
mod history;
mod layout;
mod parsed;
mod products;
mod reader;
mod register;
mod support;
mod tasks;
mod training;

use layout::{layout, missing_column};
pub use parsed::{Located, MoveInput, OrgInput, OriginInput, Parsed, UnitChangeInput, UnitInput};

use definitions::{parse_indicators, parse_plans, parse_targets};
use register::{parse_managers, parse_orgs, parse_reports, parse_units};

pub fn parse_book(book: &RawBook) -> Parsed {
    let mut out = Parsed::default();
    let mut seen_tables: HashMap<&'static str, String> = HashMap::new();
    for sheet in &book.sheets {
        let Some(table) = Table::by_name(&sheet.name) else {
            if sheet
                .rows
                .iter()
                .any(|(_, c)| c.iter().any(|x| !x.is_empty()))
            {
                out.problems.push(Problem {
                    severity: Severity::Warning,
                    sheet: sheet.name.clone(),
                    row: None,
                    column: None,
                    key: None,
                    value: sheet.name.clone(),
                    msg: hoptac_core::msg!("exchange.unknown_sheet"),
                });
            }
            continue;
        };
        if let Some(first) = seen_tables.insert(table.key, sheet.name.clone()) {
            out.problems.push(Problem {
                severity: Severity::Error,
                sheet: sheet.name.clone(),
                row: None,
                column: None,
                key: None,
                value: sheet.name.clone(),
                msg: hoptac_core::msg!("exchange.duplicate_table", key = table.key, first = first),
            });
            continue;
        }
        let Some(l) = layout(sheet, &table, &mut out.problems) else {
            if !out
                .problems
                .iter()
                .any(|p| p.sheet == sheet.name && p.is_error())
            {
                for c in table.columns.iter().filter(|c| c.required) {
                    out.problems.push(missing_column(&sheet.name, 1, c));
                }
            }
            continue;
        };
        out.columns
            .insert(table.key, l.cols.keys().copied().collect());
        match table.key {
            "admin_units" => parse_units(sheet, &l, &mut out),
            "organizations" => parse_orgs(sheet, &l, &mut out),
            "annual_reports" => parse_reports(sheet, &l, &mut out),
            "managers" => parse_managers(sheet, &l, &mut out),
            "indicators" => parse_indicators(sheet, &l, &mut out),
            "plans" => parse_plans(sheet, &l, &mut out),
            "unit_changes" => history::parse_unit_changes(sheet, &l, &mut out),
            "organization_moves" => history::parse_moves(sheet, &l, &mut out),
            "hoiquan" => clubs::parse_profiles(sheet, &l, &mut out),
            "hoiquan_meetings" => clubs::parse_meetings(sheet, &l, &mut out),
            "org_origins" => clubs::parse_origins(sheet, &l, &mut out),
            "training_courses" => training::parse_courses(sheet, &l, &mut out),
            "training_attendance" => training::parse_attendance(sheet, &l, &mut out),
            "events" => support::parse_events(sheet, &l, &mut out),
            "support_disbursements" => support::parse_disbursements(sheet, &l, &mut out),
            "plan_offices" => tasks::parse_offices(sheet, &l, &mut out),
            "plan_tasks" => tasks::parse_tasks(sheet, &l, &mut out),
            "products" => products::parse_products(sheet, &l, &mut out),
            "ocop_evaluations" => products::parse_ratings(sheet, &l, &mut out),
            "planting_areas" => chain::parse_facilities(sheet, &l, &mut out),
            "lots" => chain::parse_lots(sheet, &l, &mut out),
            "contracts" => chain::parse_contracts(sheet, &l, &mut out),
            "deliveries" => chain::parse_deliveries(sheet, &l, &mut out),
            "linkage_projects" => chain::parse_projects(sheet, &l, &mut out),
            _ => parse_targets(sheet, &l, &mut out),
        }
    }
    out
}
