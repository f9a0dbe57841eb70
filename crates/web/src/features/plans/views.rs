//! The plan pages' templates: plans, one plan with its targets, a target's drill-down, the report.

use crate::http::layout::Page;
use askama::Template;

pub(crate) struct PlanRow {
    pub code: String,
    pub title: String,
    pub period: String,
    pub scope: String,
    pub targets: usize,
}

#[derive(Template)]
#[template(path = "plans/plans.html")]
pub(crate) struct PlansPage {
    pub p: Page,
    pub rows: Vec<PlanRow>,
}

pub(crate) struct Cell {
    pub text: String,
    pub css: &'static str,
}

pub(crate) struct TargetRow {
    pub no: String,
    pub wording: String,
    pub indicator: String,
    pub label: String,
    pub baseline: String,
    pub goal: String,
    pub cells: Vec<Cell>,
    pub status: String,
    pub status_css: &'static str,
    pub projection: String,
    pub chart: String,
    pub checks: Vec<String>,
    pub note: String,
    pub drill: String,
    pub edit: String,
}

#[derive(Template)]
#[template(path = "plans/plan.html")]
pub(crate) struct PlanPage {
    pub p: Page,
    pub code: String,
    pub title: String,
    pub facts: Vec<(String, String)>,
    pub years: Vec<i32>,
    pub rows: Vec<TargetRow>,
    pub as_of: String,
    /// Without a chosen year: which reporting year the page stops at, and why.
    pub data_year: String,
    pub method: String,
    /// When the plan's period crosses a reorganisation: the ground compared at both ends.
    pub territory_note: String,
    /// The plan's ground at its last year with figures, on a map (empty: nothing to draw).
    pub map: String,
    pub map_options: Vec<crate::http::layout::Opt>,
}

pub(crate) struct DrillCommune {
    pub name: String,
    pub value: String,
}

pub(crate) struct DrillOrg {
    pub code: String,
    pub name: String,
    pub commune: String,
    pub value: String,
    pub counted: String,
}

#[derive(Template)]
#[template(path = "plans/drill.html")]
pub(crate) struct DrillPage {
    pub p: Page,
    pub plan_code: String,
    pub heading: String,
    pub definition: String,
    pub year: i32,
    pub communes: Vec<DrillCommune>,
    pub orgs: Vec<DrillOrg>,
    pub show_counted: bool,
}

#[derive(Template)]
#[template(path = "plans/report.html")]
pub(crate) struct ReportPage {
    pub p: Page,
    pub body: String,
    pub md_link: String,
    /// The report's address, for the Word and PDF downloads.
    pub base_link: String,
}

/// The draft of the next plan for one unit, with the unit picker and the save button.
#[derive(Template)]
#[template(path = "plans/next.html")]
pub(crate) struct NextPlanPage {
    pub p: Page,
    pub code: String,
    pub units: Vec<crate::http::layout::Opt>,
    pub unit: String,
    pub from: i32,
    pub to: i32,
    /// `/plans/{code}/next?unit=…&from=…&to=…`, for the downloads.
    pub query: String,
    pub may_save: bool,
    pub body: String,
}
