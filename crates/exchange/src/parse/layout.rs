//! Where a sheet's header row is and which column holds which field.

use crate::Problem;
use crate::cells::Cell;
use crate::columns::{Column, Table};
use crate::read::RawSheet;
use hoptac_core::validate::Severity;
use std::collections::HashMap;

/// The columns of one sheet, found in its header row.
pub(super) struct Layout {
    pub(super) sheet: String,
    pub(super) header_row: u32,
    pub(super) cols: HashMap<&'static str, (usize, String)>,
}

/// Finds the header row (a title may sit above it) and maps the columns.
pub(super) fn layout(
    sheet: &RawSheet,
    table: &Table,
    problems: &mut Vec<Problem>,
) -> Option<Layout> {
    let candidates = sheet.rows.iter().take(10);
    let (header_row, cells) = candidates
        .map(|(n, cells)| {
            (
                n,
                cells,
                cells
                    .iter()
                    .filter(|c| c.text().is_some_and(|t| table.column_for(&t).is_some()))
                    .count(),
            )
        })
        .filter(|(_, _, k)| *k > 0)
        .max_by_key(|(n, _, k)| (*k, std::cmp::Reverse(**n)))
        .map(|(n, cells, _)| (*n, cells))?;
    let mut cols: HashMap<&'static str, (usize, String)> = HashMap::new();
    let mut ok = true;
    for (i, c) in cells.iter().enumerate() {
        let Some(h) = c.text() else { continue };
        match table.column_for(&h) {
            Some(col) => {
                if let Some((_, first)) = cols.get(col.key) {
                    ok = false;
                    problems.push(Problem {
                        severity: Severity::Error,
                        sheet: sheet.name.clone(),
                        row: Some(header_row),
                        column: Some(h.clone()),
                        key: Some(col.key),
                        value: h.clone(),
                        msg: hoptac_core::msg!(
                            "exchange.duplicate_column",
                            h = h,
                            first = first,
                            key = col.key
                        ),
                    });
                } else {
                    cols.insert(col.key, (i, h));
                }
            }
            None => problems.push(Problem {
                severity: Severity::Warning,
                sheet: sheet.name.clone(),
                row: Some(header_row),
                column: Some(h.clone()),
                key: None,
                value: h.clone(),
                msg: hoptac_core::msg!("exchange.unknown_column", h = h),
            }),
        }
    }
    for c in table
        .columns
        .iter()
        .filter(|c| c.required && !cols.contains_key(c.key))
    {
        ok = false;
        problems.push(missing_column(&sheet.name, header_row, c));
    }
    ok.then(|| Layout {
        sheet: sheet.name.clone(),
        header_row,
        cols,
    })
}

pub(super) fn missing_column(sheet: &str, header_row: u32, c: &Column) -> Problem {
    Problem {
        severity: Severity::Error,
        sheet: sheet.to_string(),
        row: Some(header_row),
        column: Some(c.vi.to_string()),
        key: Some(c.key),
        value: String::new(),
        msg: hoptac_core::msg!("exchange.required_column_missing", c = c.vi, key = c.key),
    }
}

pub(super) fn rows<'a>(
    sheet: &'a RawSheet,
    l: &Layout,
) -> impl Iterator<Item = &'a (u32, Vec<Cell>)> {
    let h = l.header_row;
    sheet
        .rows
        .iter()
        .filter(move |(n, cells)| *n > h && cells.iter().any(|c| !c.is_empty()))
}

/// Remembers the first row of each key to report duplicates.
pub(super) fn duplicate(
    seen: &mut HashMap<String, u32>,
    key: String,
    row: u32,
    sheet: &str,
    column: &str,
    problems: &mut Vec<Problem>,
) -> bool {
    if let Some(first) = seen.get(&key) {
        problems.push(Problem {
            severity: Severity::Error,
            sheet: sheet.to_string(),
            row: Some(row),
            column: Some(column.to_string()),
            key: None,
            value: key.clone(),
            msg: hoptac_core::msg!("exchange.duplicate_key", key = key, first = first),
        });
        true
    } else {
        seen.insert(key, row);
        false
    }
}
