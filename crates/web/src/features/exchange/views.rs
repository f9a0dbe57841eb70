//! The import page's template: the summary, the paged problems.

use crate::http::layout::Page;
use askama::Template;

pub(crate) struct SummaryRow {
    pub table: &'static str,
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
}

pub(crate) struct ProblemRow {
    pub error: bool,
    pub sheet: String,
    pub row: String,
    pub column: String,
    pub value: String,
    pub message: String,
}

#[derive(Template)]
#[template(path = "exchange/import.html")]
pub(crate) struct ImportPage {
    pub p: Page,
    pub checked: bool,
    pub file_name: String,
    pub token: String,
    pub blocked: bool,
    pub done: bool,
    pub nothing: bool,
    pub summary: Vec<SummaryRow>,
    /// The first [`crate::features::exchange::handlers::PREVIEW_PROBLEMS`] problems: a page stays small
    /// whatever the file holds.
    pub problems: Vec<ProblemRow>,
    /// Every problem counted by sheet and column: (sheet, column, errors, warnings).
    pub by_column: Vec<(String, String, usize, usize)>,
    /// Problems not listed on the page.
    pub more: usize,
    /// This page of the problems (from 1), how many there are, and the token of the kept
    /// outcome the others are read from ("" when all fit on one).
    pub page: usize,
    pub pages: usize,
    pub results: String,
    pub errors: usize,
    pub warnings: usize,
    pub notice: String,
}
