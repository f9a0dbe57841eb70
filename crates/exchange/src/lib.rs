//! Import and export per the data exchange contract (`shared/spec/data-exchange.md`).
//!
//! Reading turns a workbook or a folder of CSV files into core values plus a list of
//! problems, each with its sheet, row, column, the value found and what was expected. It
//! writes nothing: the application decides, in one transaction, whether to apply.

pub mod books;
pub mod cells;
pub mod columns;
#[cfg(test)]
mod fuzz;
pub mod limits;
pub mod list;
pub mod parse;
pub mod read;
pub mod scoring_sheet;
pub mod tables;
pub mod write;

use hoptac_core::Msg;
use hoptac_core::validate::Severity;

/// Where a problem was found and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub sheet: String,
    /// 1-based row as the spreadsheet shows it; `None` for a whole-sheet problem.
    pub row: Option<u32>,
    /// The column header as found (or the Vietnamese header when the column is missing).
    pub column: Option<String>,
    /// The contract's machine key of that column (`founded_on`, `members`, …).
    pub key: Option<&'static str>,
    pub value: String,
    pub msg: Msg,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A file could not be read at all (not a workbook, unreadable CSV, …).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("không đọc được tệp / cannot read the file: {0}")]
    Unreadable(String),
    #[error(
        "không có bảng nào theo mẫu trao đổi dữ liệu / no sheet of the data exchange format was found (expected: admin_units, organizations, annual_reports, managers)"
    )]
    NoTables,
    /// A file refused before it is read (over a limit, not a workbook, not UTF-8).
    #[error("không đọc được tệp / cannot read the file: {0}")]
    Refused(hoptac_core::Msg),
}

impl ReadError {
    /// What to tell the person who sent the file, in either language.
    pub fn message(&self) -> hoptac_core::Msg {
        match self {
            ReadError::Unreadable(reason) => {
                hoptac_core::msg!("exchange.unreadable_file", reason = reason)
            }
            ReadError::NoTables => hoptac_core::msg!("exchange.no_tables"),
            ReadError::Refused(why) => hoptac_core::msg!(
                "exchange.unreadable_file",
                reason = hoptac_core::i18n::Arg::msg(why.clone())
            ),
        }
    }
}
