//! The dashboard's template.

use crate::http::layout::Opt;
use crate::http::layout::Page;
use askama::Template;

pub(crate) struct IndicatorRow {
    pub label: String,
    pub unit: &'static str,
    pub base: String,
    pub value: String,
    pub change: String,
    pub ratio: String,
    pub link: String,
    pub flow: bool,
}

#[derive(Template)]
#[template(path = "dashboard/dashboard.html")]
pub(crate) struct Dashboard {
    pub p: Page,
    pub from: i32,
    pub to: i32,
    pub scopes: Vec<Opt>,
    pub rows: Vec<IndicatorRow>,
    pub chart_htx: String,
    pub chart_tht: String,
    pub chart_revenue: String,
    pub chart_profit: String,
    /// "HTX: 22 + 11 − 12 = 21 ✓" lines.
    pub stock_flow: Vec<(String, bool)>,
    /// When the period crosses a reorganisation: the ground compared at both ends.
    pub territory_note: String,
    pub report_link: String,
    /// The communes of the scope at the period's end, on a map (empty: nothing to draw).
    pub map: String,
    pub map_options: Vec<Opt>,
}
