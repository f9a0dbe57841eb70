//! Scores hoptac can propose from the yearly figures (điểm đề xuất): where a rubric line has
//! a scoring rule over a measure hoptac records, the measure is computed and its band
//! looked up. A line whose measure needs a figure hoptac does not record says so, and a band
//! whose points are not confirmed proposes nothing.

use crate::Fixed;
use crate::model::ReportFigures;
use crate::rubric::{Band, Rubric};

/// What hoptac can say about one line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Proposal {
    pub item: String,
    pub measure: String,
    pub unit: String,
    /// The measure's value from the figures, when every figure it needs is recorded.
    pub value: Option<Fixed>,
    /// The band the value falls in.
    pub band: Option<Band>,
    /// The proposed score: the band's points, when confirmed.
    pub points: Option<Fixed>,
    /// Figures the measure needs that are missing from the report or not kept by hoptac.
    pub missing: Vec<String>,
    /// What-if on the figures: the nearest band above the value that gives more points
    /// (confirmed), i.e. the measure to reach for the next step of this line.
    pub next: Option<Band>,
}

/// The value of one named figure of a yearly report, if hoptac keeps it and it is recorded.
/// `Err(())` means hoptac does not keep such a figure at all.
fn figure(f: &ReportFigures, name: &str) -> Result<Option<Fixed>, ()> {
    Ok(match name {
        "revenue" => f.revenue,
        "profit" => f.profit,
        "member_income" => f.member_income,
        "worker_income" => f.worker_income,
        "members" => f.members.map(Fixed::from_int),
        "workers" => f.workers.map(Fixed::from_int),
        _ => return Err(()),
    })
}

/// Proposals for every line of `rubric` that has a scoring rule, in the rubric's order.
pub fn propose(rubric: &Rubric, figures: &ReportFigures) -> Vec<Proposal> {
    rubric
        .items()
        .into_iter()
        .filter_map(|i| i.scoring.as_ref().map(|s| (i, s)))
        .map(|(i, s)| {
            let mut missing = Vec::new();
            let mut read = |name: &str| match figure(figures, name.trim()) {
                Ok(Some(v)) => Some(v),
                _ => {
                    missing.push(name.trim().to_string());
                    None
                }
            };
            // a measure is one figure or the ratio of two (`a / b`)
            let value = match s.measure.split_once('/') {
                Some((a, b)) => {
                    let (a, b) = (read(a), read(b));
                    match (a, b) {
                        // a share is banded in per cent, anything else as a plain quotient
                        (Some(a), Some(b)) if s.unit.trim() == "%" => a.ratio_pct(b),
                        (Some(a), Some(b)) => {
                            Fixed::ratio(a.micros() as i128, b.micros() as i128, 6)
                        }
                        _ => None,
                    }
                }
                None => read(&s.measure),
            };
            let band = value.and_then(|v| s.band_for(v)).cloned();
            let points = band.as_ref().filter(|b| b.confirmed).and_then(|b| b.points);
            let next = match (value, points) {
                (Some(v), Some(p)) => s
                    .bands
                    .iter()
                    .filter(|b| b.confirmed && b.points.is_some_and(|x| x > p))
                    .filter(|b| b.low.is_some_and(|l| l > v))
                    .min_by_key(|b| b.low)
                    .cloned(),
                _ => None,
            };
            Proposal {
                item: i.id.clone(),
                measure: s.measure.clone(),
                unit: s.unit.clone(),
                value,
                band,
                points,
                missing,
                next,
            }
        })
        .collect()
}
