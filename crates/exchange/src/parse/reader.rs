//! Reading one row of a sheet by column key, with every problem located.

use super::layout::Layout;
use crate::Problem;
use crate::cells::{Cell, CellIssue};
use hoptac_core::types::*;
use hoptac_core::validate::Severity;
use hoptac_core::{Date, Fixed, Msg};
use std::collections::BTreeSet;

/// Reads a row's cells by column key, collecting located problems.
pub(super) struct RowReader<'a> {
    layout: &'a Layout,
    row: u32,
    cells: &'a [Cell],
    problems: &'a mut Vec<Problem>,
    pub(super) failed: bool,
}

static EMPTY: Cell = Cell::Empty;

impl<'a> RowReader<'a> {
    pub(super) fn new(
        layout: &'a Layout,
        row: u32,
        cells: &'a [Cell],
        problems: &'a mut Vec<Problem>,
    ) -> Self {
        RowReader {
            layout,
            row,
            cells,
            problems,
            failed: false,
        }
    }

    pub(super) fn cell(&self, key: &str) -> &Cell {
        self.layout
            .cols
            .get(key)
            .and_then(|(i, _)| self.cells.get(*i))
            .unwrap_or(&EMPTY)
    }

    pub(super) fn header(&self, key: &str) -> String {
        self.layout
            .cols
            .get(key)
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| key.to_string())
    }

    pub(super) fn push(&mut self, severity: Severity, key: &str, value: String, msg: Msg) {
        if severity == Severity::Error {
            self.failed = true;
        }
        let key = self
            .layout
            .cols
            .get_key_value(key)
            .map(|(k, _)| *k)
            .or_else(|| {
                crate::columns::TABLES
                    .iter()
                    .flat_map(|t| t.columns)
                    .map(|c| c.key)
                    .find(|k| *k == key)
            });
        self.problems.push(Problem {
            severity,
            sheet: self.layout.sheet.clone(),
            row: Some(self.row),
            column: Some(self.header(key.unwrap_or_default())),
            key,
            value,
            msg,
        });
    }

    pub(super) fn issue(&mut self, key: &str, i: CellIssue) {
        let v = self.cell(key).shown();
        let sev = if i.warning {
            Severity::Warning
        } else {
            Severity::Error
        };
        self.push(
            sev,
            key,
            v,
            hoptac_core::msg!(
                "exchange.expected",
                value = hoptac_core::i18n::Arg::both(i.expected_vi, i.expected_en)
            ),
        );
    }

    pub(super) fn required<T>(&mut self, key: &str, v: Option<T>) -> Option<T> {
        if v.is_none() && !self.failed_on(key) {
            self.push(
                Severity::Error,
                key,
                String::new(),
                hoptac_core::msg!("exchange.required_value_missing"),
            );
        }
        v
    }

    pub(super) fn failed_on(&self, key: &str) -> bool {
        let h = self.header(key);
        self.problems.iter().any(|p| {
            p.row == Some(self.row)
                && p.sheet == self.layout.sheet
                && p.column.as_deref() == Some(h.as_str())
        })
    }

    /// An organisation's code, required: an empty cell and a malformed code each said.
    pub(super) fn org_code(&mut self, key: &str) -> Option<hoptac_core::OrgCode> {
        match self.text(key) {
            None => self.required(key, None),
            Some(c) => match hoptac_core::OrgCode::parse(&c) {
                Some(code) => Some(code),
                None => {
                    self.push(
                        Severity::Error,
                        key,
                        c,
                        hoptac_core::msg!("exchange.invalid_code"),
                    );
                    None
                }
            },
        }
    }

    pub(super) fn text(&mut self, key: &str) -> Option<String> {
        self.cell(key).text()
    }

    pub(super) fn date(&mut self, key: &str) -> Option<Date> {
        match self.cell(key).date() {
            Ok(v) => v,
            Err(i) => {
                self.issue(key, i);
                None
            }
        }
    }

    pub(super) fn ambiguous(&mut self, key: &str, value: Fixed) {
        let shown = self.cell(key).shown();
        self.push(
            Severity::Warning,
            key,
            shown.clone(),
            hoptac_core::msg!(
                "exchange.ambiguous_separators",
                shown = shown,
                value = hoptac_core::i18n::Arg::both(value.format_vi(6, false), value)
            ),
        );
    }

    pub(super) fn integer(&mut self, key: &str) -> Option<i64> {
        match self.cell(key).integer() {
            Ok(Some((v, amb))) => {
                if amb {
                    self.ambiguous(key, Fixed::from_int(v));
                }
                Some(v)
            }
            Ok(None) => None,
            Err(i) => {
                self.issue(key, i);
                None
            }
        }
    }

    pub(super) fn money(&mut self, key: &str) -> Option<Fixed> {
        match self.cell(key).number() {
            Ok(Some((v, amb))) => {
                if amb {
                    self.ambiguous(key, v);
                }
                Some(v)
            }
            Ok(None) => None,
            Err(i) => {
                self.issue(key, i);
                None
            }
        }
    }

    pub(super) fn boolean(&mut self, key: &str) -> Option<bool> {
        match self.cell(key).boolean() {
            Ok(v) => v,
            Err(i) => {
                self.issue(key, i);
                None
            }
        }
    }

    pub(super) fn enumerated<T: Enumerated>(&mut self, key: &str) -> Option<T> {
        let s = self.text(key)?;
        match T::parse(&s) {
            Some(v) => Some(v),
            None => {
                self.push(
                    Severity::Error,
                    key,
                    s.clone(),
                    hoptac_core::msg!("exchange.unknown_value", s = s, expected = T::expected()),
                );
                None
            }
        }
    }

    pub(super) fn services(&mut self, key: &str) -> BTreeSet<Service> {
        let Some(s) = self.text(key) else {
            return BTreeSet::new();
        };
        let mut out = BTreeSet::new();
        for part in s
            .split([';', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            match Service::parse(part) {
                Some(v) => {
                    out.insert(v);
                }
                None => self.push(
                    Severity::Error,
                    key,
                    part.to_string(),
                    hoptac_core::msg!(
                        "exchange.unknown_service",
                        part = part,
                        expected_list = Service::expected_list()
                    ),
                ),
            }
        }
        out
    }
}

pub(super) trait ExpectedList {
    fn expected_list() -> String;
}
impl ExpectedList for Service {
    fn expected_list() -> String {
        <Service as Enumerated>::expected()
    }
}
