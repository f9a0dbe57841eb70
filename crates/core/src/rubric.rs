//! Evaluation rubrics (bộ tiêu chí đánh giá, xếp loại) as versioned data: a criteria tree
//! with maxima, optional automatic scoring bands, rating thresholds and exclusions, each
//! value marked confirmed or not (`shared/spec/rubrics.md`). Nothing here is law written in
//! code: the shipped rubrics are JSON documents under `crates/core/rubrics/`, and an office
//! can load a corrected version.

use crate::Fixed;
use crate::date::{Date, parse as parse_date};
use crate::i18n::Msg;
use crate::types::Rating;
use std::collections::BTreeMap;

/// A band `[low, high)` of a measure and the points it gives (`low` or `high` open when absent).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Band {
    pub low: Option<Fixed>,
    pub high: Option<Fixed>,
    /// `None` where the official table was not transcribed.
    pub points: Option<Fixed>,
    pub confirmed: bool,
}

/// How hoptac can propose a score from the yearly figures (quy tắc chấm điểm tự động).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Scoring {
    /// The figure or ratio measured, e.g. `revenue` or `revenue / planned_revenue`.
    pub measure: String,
    pub unit: String,
    pub bands: Vec<Band>,
}

impl Scoring {
    /// The band a value falls in, and its points if the band's points are known.
    pub fn band_for(&self, value: Fixed) -> Option<&Band> {
        self.bands
            .iter()
            .find(|b| b.low.is_none_or(|l| value >= l) && b.high.is_none_or(|h| value < h))
    }
}

/// A group, criterion or sub-criterion (nhóm, tiêu chí, tiểu tiêu chí).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Item {
    pub id: String,
    pub title_vi: String,
    /// `None` where the maximum was not found in the official text.
    pub max: Option<Fixed>,
    pub confirmed: bool,
    pub legal_ref: String,
    pub scoring: Option<Scoring>,
    pub children: Vec<Item>,
}

impl Item {
    fn walk<'a>(&'a self, out: &mut Vec<&'a Item>) {
        out.push(self);
        for c in &self.children {
            c.walk(out);
        }
    }
}

/// The lowest total of a rating (inclusive); `None` where the threshold is not confirmed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Threshold {
    pub rating: Rating,
    pub min: Option<Fixed>,
    pub confirmed: bool,
}

/// A reason an organisation is not rated in a year.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Exclusion {
    pub id: String,
    pub title_vi: String,
    pub confirmed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rubric {
    pub id: String,
    pub version: u32,
    pub title_vi: String,
    pub legal_ref: String,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    /// `None` where the total was not found in the official text.
    pub total: Option<Fixed>,
    pub items: Vec<Item>,
    pub thresholds: Vec<Threshold>,
    pub exclusions: Vec<Exclusion>,
}

/// What the rubric says of a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RatingOutcome {
    Rated(Rating),
    /// The thresholds needed to decide are not confirmed: no rating is invented.
    Unknown,
}

/// A score refused or missing on a sheet, naming the item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SheetProblem {
    pub item: String,
    pub msg: Msg,
}

/// The checked sheet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SheetTotal {
    pub total: Fixed,
    /// Per item (groups and criteria included): the sum of the scores below it.
    pub by_item: BTreeMap<String, Fixed>,
    pub rating: RatingOutcome,
}

impl Rubric {
    /// The shipped Circular 01/2020/TT-BKHĐT rubric.
    pub fn tt01_2020() -> Rubric {
        Rubric::parse_json(include_str!("../rubrics/tt01-2020.json")).expect("shipped rubric")
    }

    /// The shipped Circular 09/2017/TT-BNNPTNT rubric (agricultural cooperatives).
    pub fn tt09_2017() -> Rubric {
        Rubric::parse_json(include_str!("../rubrics/tt09-2017.json")).expect("shipped rubric")
    }

    pub fn items(&self) -> Vec<&Item> {
        let mut out = Vec::new();
        for i in &self.items {
            i.walk(&mut out);
        }
        out
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().into_iter().find(|i| i.id == id)
    }

    /// The rating of a total: the best rating whose threshold the total reaches. A total
    /// between two thresholds of which one is unknown is `Unknown`.
    pub fn rate(&self, total: Fixed) -> RatingOutcome {
        let mut ts: Vec<&Threshold> = self.thresholds.iter().collect();
        ts.sort_by_key(|t| std::cmp::Reverse(t.rating));
        for t in ts {
            match t.min {
                None => return RatingOutcome::Unknown,
                Some(m) if total >= m => return RatingOutcome::Rated(t.rating),
                Some(_) => {}
            }
        }
        RatingOutcome::Unknown
    }

    /// Checks a scoring sheet: scores go on the lowest lines the sheet has (sub-criteria, or
    /// a criterion without them), never below zero nor above their maximum; a line whose
    /// maximum is unknown is checked with its siblings against their parent's maximum.
    /// Every line must be scored.
    pub fn check_sheet(
        &self,
        scores: &BTreeMap<String, Fixed>,
    ) -> Result<SheetTotal, Vec<SheetProblem>> {
        let mut problems = Vec::new();
        let items = self.items();
        for id in scores.keys() {
            match items.iter().find(|i| &i.id == id) {
                None => problems.push(SheetProblem {
                    item: id.clone(),
                    msg: crate::msg!("rubric.no_such_item", id = id, rubric = self.id),
                }),
                Some(i) if !i.children.is_empty() => problems.push(SheetProblem {
                    item: id.clone(),
                    msg: crate::msg!("rubric.item_is_a_sum", id = id),
                }),
                Some(_) => {}
            }
        }
        let mut by_item = BTreeMap::new();
        let mut total = Fixed::ZERO;
        for top in &self.items {
            total = add(total, sum_item(top, scores, &mut by_item, &mut problems));
        }
        if problems.is_empty() {
            Ok(SheetTotal {
                total,
                rating: self.rate(total),
                by_item,
            })
        } else {
            Err(problems)
        }
    }
}

fn add(a: Fixed, b: Fixed) -> Fixed {
    // scores are at most a few hundred points: no overflow in practice
    a.checked_add(b).unwrap_or(a)
}

fn above_max(i: &Item, got: Fixed, max: Fixed) -> SheetProblem {
    SheetProblem {
        item: i.id.clone(),
        msg: crate::msg!(
            "rubric.score_above_maximum",
            id = i.id,
            got = crate::i18n::Arg::both(got.format_vi(2, false), got),
            max = crate::i18n::Arg::both(max.format_vi(2, false), max)
        ),
    }
}

fn sum_item(
    i: &Item,
    scores: &BTreeMap<String, Fixed>,
    by_item: &mut BTreeMap<String, Fixed>,
    problems: &mut Vec<SheetProblem>,
) -> Fixed {
    let got = if i.children.is_empty() {
        match scores.get(&i.id) {
            None => {
                problems.push(SheetProblem {
                    item: i.id.clone(),
                    msg: crate::msg!("rubric.item_not_scored", id = i.id),
                });
                Fixed::ZERO
            }
            Some(s) if *s < Fixed::ZERO => {
                problems.push(SheetProblem {
                    item: i.id.clone(),
                    msg: crate::msg!("rubric.negative_score", id = i.id),
                });
                Fixed::ZERO
            }
            Some(s) => *s,
        }
    } else {
        let mut s = Fixed::ZERO;
        for c in &i.children {
            s = add(s, sum_item(c, scores, by_item, problems));
        }
        s
    };
    if let Some(max) = i.max
        && got > max
    {
        problems.push(above_max(i, got, max));
    }
    by_item.insert(i.id.clone(), got);
    got
}

/// A rubric document that cannot be used, naming the item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RubricError {
    pub item: String,
    pub msg: Msg,
}

impl std::fmt::Display for RubricError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.item, self.msg.en())
    }
}

mod raw {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Rubric {
        pub id: String,
        pub version: u32,
        pub title_vi: String,
        pub legal_ref: String,
        pub valid_from: Option<String>,
        pub valid_to: Option<String>,
        pub total: Option<String>,
        pub items: Vec<Item>,
        pub thresholds: Vec<Threshold>,
        #[serde(default)]
        pub exclusions: Vec<Exclusion>,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Item {
        pub id: String,
        pub title_vi: String,
        pub max: Option<String>,
        pub confirmed: bool,
        #[serde(default)]
        pub legal_ref: String,
        pub scoring: Option<Scoring>,
        #[serde(default)]
        pub children: Vec<Item>,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Scoring {
        pub measure: String,
        #[serde(default)]
        pub unit: String,
        pub bands: Vec<Band>,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Band {
        pub low: Option<String>,
        pub high: Option<String>,
        pub points: Option<String>,
        pub confirmed: bool,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Threshold {
        pub rating: String,
        pub min: Option<String>,
        pub confirmed: bool,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Exclusion {
        pub id: String,
        pub title_vi: String,
        pub confirmed: bool,
    }
}

fn err(item: &str, msg: Msg) -> RubricError {
    RubricError {
        item: item.to_string(),
        msg,
    }
}

fn number(item: &str, field: &str, s: &str) -> Result<Fixed, RubricError> {
    Fixed::parse_plain(s).ok_or_else(|| {
        err(
            item,
            crate::msg!(
                "rubric.not_a_number",
                item = item,
                field = field,
                s = format!("{:?}", s)
            ),
        )
    })
}

fn opt_number(item: &str, field: &str, s: &Option<String>) -> Result<Option<Fixed>, RubricError> {
    s.as_deref().map(|v| number(item, field, v)).transpose()
}

fn opt_date(item: &str, field: &str, s: &Option<String>) -> Result<Option<Date>, RubricError> {
    s.as_deref()
        .map(|v| {
            parse_date(v).ok_or_else(|| {
                err(
                    item,
                    crate::msg!("rubric.not_a_date", field = field, v = format!("{:?}", v)),
                )
            })
        })
        .transpose()
}

fn item(r: raw::Item) -> Result<Item, RubricError> {
    let id = r.id.trim().to_string();
    let max = opt_number(&id, "max", &r.max)?;
    let scoring = r
        .scoring
        .map(|s| -> Result<Scoring, RubricError> {
            let bands = s
                .bands
                .into_iter()
                .map(|b| {
                    Ok(Band {
                        low: opt_number(&id, "low", &b.low)?,
                        high: opt_number(&id, "high", &b.high)?,
                        points: opt_number(&id, "points", &b.points)?,
                        confirmed: b.confirmed,
                    })
                })
                .collect::<Result<Vec<_>, RubricError>>()?;
            Ok(Scoring {
                measure: s.measure,
                unit: s.unit,
                bands,
            })
        })
        .transpose()?;
    let children = r
        .children
        .into_iter()
        .map(item)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Item {
        id,
        title_vi: r.title_vi,
        max,
        confirmed: r.confirmed,
        legal_ref: r.legal_ref,
        scoring,
        children,
    })
}

/// Maxima must add up: where every child's maximum is known their sum is the parent's;
/// where some are unknown, the known ones stay within it. Band points stay within the
/// item's maximum and bands do not overlap.
fn check_item(i: &Item) -> Result<(), RubricError> {
    if let Some(max) = i.max {
        let known: Vec<Fixed> = i.children.iter().filter_map(|c| c.max).collect();
        let sum = known.iter().fold(Fixed::ZERO, |a, b| add(a, *b));
        let all_known = known.len() == i.children.len();
        if !i.children.is_empty() && ((all_known && sum != max) || sum > max) {
            return Err(err(
                &i.id,
                crate::msg!(
                    "rubric.maxima_do_not_add_up",
                    id = i.id,
                    sum = crate::i18n::Arg::both(sum.format_vi(2, false), sum),
                    max = crate::i18n::Arg::both(max.format_vi(2, false), max)
                ),
            ));
        }
        if let Some(s) = &i.scoring {
            for b in &s.bands {
                if b.points.is_some_and(|p| p > max || p < Fixed::ZERO) {
                    return Err(err(
                        &i.id,
                        crate::msg!("rubric.band_above_maximum", id = i.id),
                    ));
                }
            }
        }
    }
    if let Some(s) = &i.scoring {
        for w in s.bands.windows(2) {
            let ordered = match (w[0].high, w[1].low) {
                (Some(h), Some(l)) => h <= l,
                _ => false,
            };
            if !ordered {
                return Err(err(&i.id, crate::msg!("rubric.bands_overlap", id = i.id)));
            }
        }
    }
    i.children.iter().try_for_each(check_item)
}

impl Rubric {
    /// Reads and checks a rubric document; the first problem is returned, naming the item.
    pub fn parse_json(text: &str) -> Result<Rubric, RubricError> {
        let r: raw::Rubric = serde_json::from_str(text)
            .map_err(|e| err("", crate::msg!("rubric.unreadable_document", e = e)))?;
        let id = r.id.trim().to_string();
        let total = opt_number(&id, "total", &r.total)?;
        let items = r
            .items
            .into_iter()
            .map(item)
            .collect::<Result<Vec<_>, _>>()?;
        let thresholds = r
            .thresholds
            .into_iter()
            .map(|t| {
                Ok(Threshold {
                    rating: Rating::parse(&t.rating).ok_or_else(|| {
                        err(
                            &id,
                            crate::msg!(
                                "rubric.unknown_rating",
                                rating = format!("{:?}", t.rating)
                            ),
                        )
                    })?,
                    min: opt_number(&id, "min", &t.min)?,
                    confirmed: t.confirmed,
                })
            })
            .collect::<Result<Vec<_>, RubricError>>()?;
        let rubric = Rubric {
            valid_from: opt_date(&id, "valid_from", &r.valid_from)?,
            valid_to: opt_date(&id, "valid_to", &r.valid_to)?,
            exclusions: r
                .exclusions
                .into_iter()
                .map(|e| Exclusion {
                    id: e.id,
                    title_vi: e.title_vi,
                    confirmed: e.confirmed,
                })
                .collect(),
            id,
            version: r.version,
            title_vi: r.title_vi,
            legal_ref: r.legal_ref,
            total,
            items,
            thresholds,
        };
        rubric.check()?;
        Ok(rubric)
    }

    fn check(&self) -> Result<(), RubricError> {
        let top = Item {
            id: self.id.clone(),
            title_vi: self.title_vi.clone(),
            max: self.total,
            confirmed: true,
            legal_ref: String::new(),
            scoring: None,
            children: self.items.clone(),
        };
        check_item(&top)?;
        let mut seen = std::collections::BTreeSet::new();
        // ids are keys of stored scores (`item=value` lines): letters, digits, . _ - only
        let id_ok = |id: &str| {
            !id.is_empty()
                && id.len() <= 40
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        };
        for id in self.items().into_iter().map(|i| i.id.as_str()) {
            if !id_ok(id) {
                return Err(err(id, crate::msg!("rubric.invalid_item_id", id = id)));
            }
        }
        for i in self.items() {
            if !seen.insert(i.id.as_str()) {
                return Err(err(
                    &i.id,
                    crate::msg!("rubric.duplicate_item_id", id = i.id),
                ));
            }
        }
        let mut known: Vec<(Rating, Fixed)> = self
            .thresholds
            .iter()
            .filter_map(|t| Some((t.rating, t.min?)))
            .collect();
        known.sort();
        if known.windows(2).any(|w| w[0].1 >= w[1].1) {
            return Err(err(
                &self.id,
                crate::msg!("rubric.thresholds_not_ascending"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
