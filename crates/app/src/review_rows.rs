//! The rows of a review (rà soát) as pages and files show them: figures breaking a rule,
//! reports received by commune, organisations waiting to be placed.

use hoptac_core::validate::Finding;

/// A stored yearly report that breaks a validation rule.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FigureIssue {
    pub org: String,
    pub org_name: String,
    pub year: i32,
    pub finding: Finding,
}

/// How many organisations of a commune should have reported for a year, and how many did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Completeness {
    pub commune: String,
    pub expected: usize,
    pub reported: usize,
    /// Received by 15 January (reports without a receipt date are not counted on time).
    pub on_time: usize,
    /// Open compliance cases and figures breaking a rule, of the commune's organisations.
    pub cases: usize,
    pub figures: usize,
}

/// An organisation waiting to be placed in a commune after a reorganisation (chưa xếp địa bàn).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Unplaced {
    pub org: String,
    pub org_name: String,
    /// The commune it is registered in (a unit that has ended).
    pub commune: String,
    /// (code, name) of the communes it may now be in; empty when none was recorded.
    pub candidates: Vec<(String, String)>,
    /// The day a placement takes effect: the first day of the candidates (ISO; empty
    /// without candidates).
    pub from: String,
}
