//! What an import has found so far, and how a problem is located in the file.

use hoptac_core::validate::Finding;
use hoptac_core::{Msg, OrgCode};
use hoptac_exchange::Problem;
use hoptac_exchange::columns::Table;
use hoptac_exchange::parse::Located;
use hoptac_store::ChangeSet;

/// What an import found and, if it was applied, what it changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableSummary {
    pub table: &'static str,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ImportOutcome {
    pub problems: Vec<Problem>,
    pub summary: Vec<TableSummary>,
    /// True only when there was no error and the changes were written.
    pub applied: bool,
}

impl ImportOutcome {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.is_error())
    }
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
    pub fn changes(&self) -> usize {
        self.summary.iter().map(|s| s.new + s.changed).sum()
    }
}

/// What an import has found and means to write so far.
pub(super) struct Draft {
    pub problems: Vec<Problem>,
    pub changes: ChangeSet,
    /// One per table of [`hoptac_exchange::columns::TABLES`], in its order.
    pub summary: Vec<TableSummary>,
}

pub(super) fn header(t: &Table, key: &str) -> String {
    t.columns
        .iter()
        .find(|c| c.key == key)
        .map(|c| c.vi.to_string())
        .unwrap_or_else(|| key.to_string())
}

pub(super) fn column_key(t: &Table, key: &str) -> Option<&'static str> {
    t.columns.iter().find(|c| c.key == key).map(|c| c.key)
}

pub(super) fn located<T>(l: &Located<T>, t: &Table, f: Finding) -> Problem {
    Problem {
        severity: f.severity,
        sheet: l.sheet.clone(),
        row: Some(l.row),
        column: Some(header(t, f.field)),
        key: column_key(t, f.field),
        value: f.value,
        msg: f.msg,
    }
}

pub(super) fn located_err<T>(
    l: &Located<T>,
    t: &Table,
    field: &'static str,
    value: impl Into<String>,
    msg: Msg,
) -> Problem {
    located(l, t, Finding::error(field, value, msg))
}

pub(super) fn tally<T: PartialEq>(s: &mut TableSummary, old: Option<&T>, new: &T) -> bool {
    match old {
        None => {
            s.new += 1;
            true
        }
        Some(o) if o != new => {
            s.changed += 1;
            true
        }
        Some(_) => {
            s.unchanged += 1;
            false
        }
    }
}

pub(super) fn unknown_org<T>(l: &Located<T>, t: &Table, code: &OrgCode) -> Problem {
    located_err(
        l,
        t,
        "org_code",
        code.to_string(),
        hoptac_core::msg!("import.no_such_organisation", code = code),
    )
}

impl Draft {
    pub(super) fn new(problems: Vec<hoptac_exchange::Problem>, generation: i64) -> Self {
        Draft {
            problems,
            changes: ChangeSet {
                expect_generation: Some(generation),
                ..Default::default()
            },
            summary: hoptac_exchange::columns::TABLES
                .iter()
                .map(|t| TableSummary {
                    table: t.key,
                    ..Default::default()
                })
                .collect(),
        }
    }
}
