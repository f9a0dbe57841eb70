//! Classification and evaluation of a cooperative for a year (phân loại, đánh giá): the
//! computed classification axes, who is not rated, and what it would take to reach the
//! next rating. The rubric itself is data (`rubric`).

use crate::Fixed;
use crate::date::{Date, ymd};
use crate::rubric::{RatingOutcome, Rubric};
use crate::types::Rating;
use std::collections::BTreeMap;

/// Quy mô thành viên (Circular 01/2020, A.1; confirmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberScale {
    /// Siêu nhỏ: under 50 members.
    Micro,
    /// Nhỏ: 50–300.
    Small,
    /// Vừa: 301–1,000.
    Medium,
    /// Lớn: over 1,000.
    Large,
}

impl MemberScale {
    pub fn of(members: i64) -> MemberScale {
        match members {
            ..50 => MemberScale::Micro,
            50..=300 => MemberScale::Small,
            301..=1000 => MemberScale::Medium,
            _ => MemberScale::Large,
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            MemberScale::Micro => "Siêu nhỏ",
            MemberScale::Small => "Nhỏ",
            MemberScale::Medium => "Vừa",
            MemberScale::Large => "Lớn",
        }
    }
}

/// Quy mô tổng nguồn vốn (A.1): only the two lowest classes are confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CapitalScale {
    /// Siêu nhỏ: under 1 billion VND.
    Micro,
    /// Nhỏ: 1 to under 5 billion VND.
    Small,
    /// 5 billion or more: vừa or lớn, whose threshold is not confirmed.
    Unknown,
}

impl CapitalScale {
    /// `capital` in million VND, as hoptac stores money figures.
    pub fn of(capital_million: Fixed) -> CapitalScale {
        if capital_million < Fixed::from_int(1_000) {
            CapitalScale::Micro
        } else if capital_million < Fixed::from_int(5_000) {
            CapitalScale::Small
        } else {
            CapitalScale::Unknown
        }
    }
}

/// The self-scoring sheet for `year` is due on 15 December of that year; a cooperative
/// operating for less than 12 months by then is not rated (TT01/2020 A.3, TT09/2017).
pub fn sheet_due(year: i32) -> Date {
    ymd(year, 12, 15).expect("15 December exists")
}

/// Whether a cooperative founded on `founded_on` has operated 12 months by the year's deadline.
pub fn old_enough(founded_on: Date, year: i32) -> bool {
    founded_on <= ymd(year - 1, 12, 15).expect("15 December exists")
}

/// One score to raise on the way to the next rating.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Raise {
    pub item: String,
    pub from: Fixed,
    pub to: Fixed,
}

/// What it takes to reach the next rating (cần gì để lên loại).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct NextRating {
    pub rating: Rating,
    pub threshold: Fixed,
    /// Points missing: threshold − total.
    pub points: Fixed,
    /// The fewest lines to raise, each as far as its maximum allows (the last only as far
    /// as needed). Lines without a confirmed maximum are left out: their room is not known.
    pub raises: Vec<Raise>,
}

/// The next rating above the current total and the fewest sub-score raises that reach it;
/// `None` at the top rating, or when the thresholds are not confirmed.
pub fn next_rating(
    rubric: &Rubric,
    scores: &BTreeMap<String, Fixed>,
    total: Fixed,
) -> Option<NextRating> {
    let current = match rubric.rate(total) {
        RatingOutcome::Rated(r) => r,
        RatingOutcome::Unknown => return None,
    };
    let next = rubric
        .thresholds
        .iter()
        .filter(|t| t.rating > current)
        .min_by_key(|t| t.rating)?;
    let threshold = next.min?;
    let points = Fixed::from_micros(threshold.micros() - total.micros());
    // the largest rooms first: the fewest lines reach the sum
    let mut rooms: Vec<(Fixed, &str, Fixed, Fixed)> = rubric
        .items()
        .into_iter()
        .filter(|i| i.children.is_empty())
        .filter_map(|i| {
            let max = i.max?;
            let now = scores.get(&i.id).copied().unwrap_or(Fixed::ZERO);
            let room = Fixed::from_micros(max.micros() - now.micros());
            (room > Fixed::ZERO).then_some((room, i.id.as_str(), now, max))
        })
        .collect();
    rooms.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let mut left = points;
    let mut raises = Vec::new();
    for (room, id, now, max) in rooms {
        if left <= Fixed::ZERO {
            break;
        }
        let take = if room < left { room } else { left };
        raises.push(Raise {
            item: id.to_string(),
            from: now,
            to: if take == room {
                max
            } else {
                Fixed::from_micros(now.micros() + take.micros())
            },
        });
        left = Fixed::from_micros(left.micros() - take.micros());
    }
    Some(NextRating {
        rating: next.rating,
        threshold,
        points,
        raises: if left > Fixed::ZERO { vec![] } else { raises },
    })
}

#[cfg(test)]
mod tests;
