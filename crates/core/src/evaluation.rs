//! Classification and evaluation of a cooperative for a year (phân loại, đánh giá): the
//! computed classification axes, who is not rated, and what it would take to reach the
//! next rating. The rubric itself is data (`rubric`).

pub mod classification;
mod proposal;
pub use proposal::{Proposal, propose};

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
    pub fn label_vi(self) -> &'static str {
        match self {
            CapitalScale::Micro => "Siêu nhỏ",
            CapitalScale::Small => "Nhỏ",
            CapitalScale::Unknown => "Vừa hoặc lớn (ngưỡng chưa xác nhận)",
        }
    }
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

/// Where an evaluation stands (trạng thái).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Nháp: the cooperative (or the office for it) fills the sheet.
    Draft,
    /// HTX đã nộp.
    Submitted,
    /// Xã/huyện đã xem xét.
    Reviewed,
    /// Đã duyệt: locked.
    Approved,
}

/// A step of the workflow, by whom it is asked being checked at the edge (auth).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The cooperative's own score for a line (draft only).
    SelfScore {
        item: String,
        score: Fixed,
    },
    Submit {
        on: Date,
    },
    /// The reviewer's score for a line, only with a written reason (submitted only).
    Adjust {
        item: String,
        score: Fixed,
        reason: String,
    },
    Review,
    Approve,
    /// Back from approved to reviewed, only with a reason.
    Unlock {
        reason: String,
    },
}

/// One organisation's evaluation for a year, by one version of a rubric.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Evaluation {
    pub rubric_id: String,
    pub rubric_version: u32,
    pub state: State,
    pub self_scores: BTreeMap<String, Fixed>,
    /// The reviewer's scores, each with its reason.
    pub adjusted: BTreeMap<String, (Fixed, String)>,
    pub submitted_on: Option<Date>,
}

impl Evaluation {
    pub fn new(rubric: &Rubric) -> Evaluation {
        Evaluation {
            rubric_id: rubric.id.clone(),
            rubric_version: rubric.version,
            state: State::Draft,
            self_scores: BTreeMap::new(),
            adjusted: BTreeMap::new(),
            submitted_on: None,
        }
    }

    /// The scores that count: the reviewer's where there is one, else the cooperative's.
    pub fn scores(&self) -> BTreeMap<String, Fixed> {
        let mut s = self.self_scores.clone();
        for (k, (v, _)) in &self.adjusted {
            s.insert(k.clone(), *v);
        }
        s
    }

    /// Sent after 15 December of `year`.
    pub fn late(&self, year: i32) -> bool {
        self.submitted_on.is_some_and(|d| d > sheet_due(year))
    }

    /// Applies a step, or says why not, naming the line where there is one; on refusal
    /// nothing changes.
    pub fn apply(&mut self, rubric: &Rubric, step: Step) -> Result<(), crate::Msg> {
        use crate::Msg;
        let wrong_state = |action: Msg| {
            crate::msg!(
                "evaluation.cannot_act_in_state",
                action = crate::i18n::Arg::msg(action),
                state = crate::i18n::Arg::both(self.state.label_vi(), format!("{:?}", self.state))
            )
        };
        if rubric.id != self.rubric_id || rubric.version != self.rubric_version {
            return Err(crate::msg!(
                "evaluation.other_rubric_version",
                rubric_id = self.rubric_id,
                rubric_version = self.rubric_version,
                id = rubric.id,
                version = rubric.version
            ));
        }
        let line_ok = |item: &str, score: Fixed| -> Result<(), Msg> {
            let line = rubric
                .item(item)
                .filter(|i| i.children.is_empty())
                .ok_or_else(|| {
                    crate::msg!("evaluation.no_such_line", item = item, id = rubric.id)
                })?;
            if score < Fixed::ZERO || line.max.is_some_and(|m| score > m) {
                return Err(crate::msg!(
                    "evaluation.score_out_of_range",
                    item = item,
                    score = crate::i18n::Arg::both(score.format_vi(2, false), score),
                    max = line
                        .max
                        .map(|m| m.format_vi(2, false))
                        .unwrap_or("?".into())
                ));
            }
            Ok(())
        };
        match step {
            Step::SelfScore { item, score } => {
                if self.state != State::Draft {
                    return Err(wrong_state(crate::msg!(
                        "evaluation.action.change_self_score"
                    )));
                }
                line_ok(&item, score)?;
                self.self_scores.insert(item, score);
            }
            Step::Submit { on } => {
                if self.state != State::Draft {
                    return Err(wrong_state(crate::msg!("evaluation.action.submit_sheet")));
                }
                if let Err(problems) = rubric.check_sheet(&self.self_scores) {
                    let items: Vec<&str> = problems.iter().map(|p| p.item.as_str()).collect();
                    return Err(crate::msg!(
                        "evaluation.sheet_not_submittable",
                        msg = crate::i18n::Arg::both(problems[0].msg.vi(), problems[0].msg.en()),
                        items = items.join(", ")
                    ));
                }
                self.state = State::Submitted;
                self.submitted_on = Some(on);
            }
            Step::Adjust {
                item,
                score,
                reason,
            } => {
                if self.state != State::Submitted {
                    return Err(wrong_state(crate::msg!("evaluation.action.adjust_score")));
                }
                if reason.trim().is_empty() {
                    return Err(crate::msg!(
                        "evaluation.adjustment_needs_reason",
                        item = item
                    ));
                }
                line_ok(&item, score)?;
                let mut scores = self.scores();
                scores.insert(item.clone(), score);
                if let Err(p) = rubric.check_sheet(&scores) {
                    return Err(p[0].msg.clone());
                }
                self.adjusted
                    .insert(item, (score, reason.trim().to_string()));
            }
            Step::Review => {
                if self.state != State::Submitted {
                    return Err(wrong_state(crate::msg!(
                        "evaluation.action.mark_as_reviewed"
                    )));
                }
                self.state = State::Reviewed;
            }
            Step::Approve => {
                if self.state != State::Reviewed {
                    return Err(wrong_state(crate::msg!("evaluation.action.approve")));
                }
                self.state = State::Approved;
            }
            Step::Unlock { reason } => {
                if self.state != State::Approved {
                    return Err(wrong_state(crate::msg!("evaluation.action.unlock")));
                }
                if reason.trim().is_empty() {
                    return Err(crate::msg!("evaluation.unlock_needs_reason"));
                }
                self.state = State::Reviewed;
            }
        }
        Ok(())
    }
}

impl State {
    pub fn label_vi(self) -> &'static str {
        match self {
            State::Draft => "nháp",
            State::Submitted => "HTX đã nộp",
            State::Reviewed => "đã xem xét",
            State::Approved => "đã duyệt",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Submitted => "submitted",
            State::Reviewed => "reviewed",
            State::Approved => "approved",
        }
    }
}
