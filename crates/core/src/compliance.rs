//! Compliance checks (rà soát): grounds for dissolution and missing filings, as versioned
//! rules with their legal reference, applied to the records as of a date. Values not
//! confirmed from the official text say so (`shared/spec/rubrics.md`, part D).

use crate::date::{Date, ymd};
use crate::i18n::Msg;
use crate::model::{AnnualReport, Snapshot};
use crate::types::{OrgCode, OrgKind};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// No general meeting of members for this many consecutive months.
    NoGeneralMeeting { months: u32 },
    /// Fewer members than this at two consecutive year ends (12 months or more).
    MembersBelowMinimum { min: i64 },
    /// A whole year with no revenue and no service.
    NotOperating,
    /// The yearly activity report for the previous year not received by 15 January.
    ReportMissing,
    /// Financial statements for the previous year not filed within 90 days.
    StatementsNotFiled,
    /// The self-scoring sheet for the year not received by 15 December of that year.
    SelfAssessmentMissing,
}

/// A rule, in force from one date to another.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rule {
    pub id: &'static str,
    pub title_vi: &'static str,
    pub title_en: &'static str,
    pub legal_ref: &'static str,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    /// False where the value or the article was not found in the official text.
    pub confirmed: bool,
    pub kind: RuleKind,
}

impl Rule {
    fn in_force(&self, d: Date) -> bool {
        self.valid_from.is_none_or(|f| f <= d) && self.valid_to.is_none_or(|t| t >= d)
    }
}

fn day(y: i32, m: u8, d: u8) -> Option<Date> {
    ymd(y, m, d)
}

/// The rules, as data: the 2012 Law until 30 June 2024, the 2023 Law after.
pub fn rules() -> Vec<Rule> {
    let law2012_end = day(2024, 6, 30);
    let law2023 = day(2024, 7, 1);
    vec![
        Rule {
            id: "no_general_meeting.2012",
            title_vi: "Không tổ chức đại hội thành viên thường niên 18 tháng liên tục",
            title_en: "No annual general meeting for 18 consecutive months",
            legal_ref: "Luật Hợp tác xã 2012, Điều 54",
            valid_from: None,
            valid_to: law2012_end,
            confirmed: true,
            kind: RuleKind::NoGeneralMeeting { months: 18 },
        },
        Rule {
            id: "no_general_meeting.2023",
            title_vi: "Không tổ chức đại hội thành viên thường niên 18 tháng liên tục",
            title_en: "No annual general meeting for 18 consecutive months",
            legal_ref: "Luật Hợp tác xã 2023 (điều khoản tương ứng chưa được xác nhận)",
            valid_from: law2023,
            valid_to: None,
            confirmed: false,
            kind: RuleKind::NoGeneralMeeting { months: 18 },
        },
        Rule {
            id: "members_below_minimum.2012",
            title_vi: "Số thành viên dưới mức tối thiểu (07) trong 12 tháng liên tục",
            title_en: "Fewer members than the minimum (7) for 12 consecutive months",
            legal_ref: "Luật Hợp tác xã 2012, Điều 54",
            valid_from: None,
            valid_to: law2012_end,
            confirmed: true,
            kind: RuleKind::MembersBelowMinimum { min: 7 },
        },
        Rule {
            id: "members_below_minimum.2023",
            title_vi: "Số thành viên chính thức dưới mức tối thiểu (05) trong 12 tháng liên tục",
            title_en: "Fewer official members than the minimum (5) for 12 consecutive months",
            legal_ref: "Luật Hợp tác xã 2023 (tối thiểu 5 thành viên: đã xác nhận; thời hạn 12 tháng: chưa xác nhận)",
            valid_from: law2023,
            valid_to: None,
            confirmed: false,
            kind: RuleKind::MembersBelowMinimum { min: 5 },
        },
        Rule {
            id: "not_operating.2012",
            title_vi: "Không hoạt động 12 tháng liên tục",
            title_en: "Not operating for 12 consecutive months",
            legal_ref: "Luật Hợp tác xã 2012, Điều 54",
            valid_from: None,
            valid_to: law2012_end,
            confirmed: true,
            kind: RuleKind::NotOperating,
        },
        Rule {
            id: "not_operating.2023",
            title_vi: "Không hoạt động 12 tháng liên tục",
            title_en: "Not operating for 12 consecutive months",
            legal_ref: "Luật Hợp tác xã 2023 (điều khoản tương ứng chưa được xác nhận)",
            valid_from: law2023,
            valid_to: None,
            confirmed: false,
            kind: RuleKind::NotOperating,
        },
        Rule {
            id: "report_missing",
            title_vi: "Chưa gửi báo cáo tình hình hoạt động năm trước (hạn 15/01)",
            title_en: "Yearly activity report for the previous year not received (due 15 January)",
            legal_ref: "Nghị định 107/2017/NĐ-CP",
            valid_from: None,
            valid_to: None,
            confirmed: true,
            kind: RuleKind::ReportMissing,
        },
        Rule {
            id: "statements_not_filed",
            title_vi: "Chưa nộp báo cáo tài chính năm trước (hạn 90 ngày sau khi kết thúc năm)",
            title_en: "Financial statements for the previous year not filed (due 90 days after year end)",
            legal_ref: "Chế độ báo cáo tài chính hợp tác xã (90 ngày)",
            valid_from: None,
            valid_to: None,
            confirmed: true,
            kind: RuleKind::StatementsNotFiled,
        },
        Rule {
            id: "self_assessment_missing",
            title_vi: "Chưa gửi phiếu tự chấm điểm đánh giá năm (hạn 15/12)",
            title_en: "Yearly self-scoring sheet not sent (due 15 December)",
            legal_ref: "Thông tư 01/2020/TT-BKHĐT",
            valid_from: day(2020, 4, 1),
            valid_to: None,
            confirmed: true,
            kind: RuleKind::SelfAssessmentMissing,
        },
    ]
}

/// A rule that fires for an organisation, with the evidence.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Case {
    pub rule: &'static str,
    pub org: OrgCode,
    pub org_name: String,
    /// When the ground arose.
    pub since: Date,
    pub evidence: Msg,
    pub title_vi: &'static str,
    pub legal_ref: &'static str,
    pub confirmed: bool,
}

fn add_months(d: Date, months: u32) -> Date {
    let total = d.year() * 12 + (d.month() as i32 - 1) + months as i32;
    let (y, m) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
    let mut day_n = d.day();
    loop {
        if let Some(x) = ymd(y, m, day_n) {
            return x;
        }
        day_n -= 1;
    }
}

/// Every case open on `as_of`: organisations (cooperatives and unions) active that day.
pub fn cases(snap: &Snapshot, as_of: Date) -> Vec<Case> {
    cases_with_sheets(snap, as_of, &HashMap::new())
}

/// As [`cases`], with the self-scoring sheets known apart from the yearly reports (an
/// evaluation submitted in hoptac is a sheet sent on its submission date): `(org, year) →
/// date`. The earlier of the two dates counts.
pub fn cases_with_sheets(
    snap: &Snapshot,
    as_of: Date,
    sheets: &HashMap<(OrgCode, i32), Date>,
) -> Vec<Case> {
    let mut sent_on: HashMap<(OrgCode, i32), Date> = sheets.clone();
    for r in &snap.reports {
        if let Some(d) = r.figures.self_assessment_sent_on {
            let e = sent_on.entry((r.org.clone(), r.year.get())).or_insert(d);
            *e = (*e).min(d);
        }
    }
    let mut by_org: HashMap<&OrgCode, Vec<&AnnualReport>> = HashMap::new();
    for r in &snap.reports {
        by_org.entry(&r.org).or_default().push(r);
    }
    let rules: Vec<Rule> = rules().into_iter().filter(|r| r.in_force(as_of)).collect();
    // The sheet for year y is due on 15 December of y: the latest deadline passed by `as_of`.
    let sheet_year = if as_of > ymd(as_of.year(), 12, 15).expect("date") {
        as_of.year()
    } else {
        as_of.year() - 1
    };
    // Sheets are missing only where the office records them: a year in which no sheet at
    // all has a date is a year not tracked, not a year in which every cooperative defaulted.
    let sheets_sent = sent_on
        .iter()
        .filter(|((_, y), d)| *y == sheet_year && **d <= as_of)
        .count();
    let mut out = Vec::new();
    for o in snap
        .orgs
        .iter()
        .filter(|o| matches!(o.kind, OrgKind::Htx | OrgKind::Lhhtx) && o.active_on(as_of))
    {
        let mut reports = by_org.get(&o.code).cloned().unwrap_or_default();
        reports.sort_by_key(|r| r.year);
        let report_of = |y: i32| reports.iter().find(|r| r.year.get() == y).copied();
        for rule in &rules {
            let mut push = |since: Date, evidence: Msg| {
                out.push(Case {
                    rule: rule.id,
                    org: o.code.clone(),
                    org_name: o.name.clone(),
                    since,
                    evidence,
                    title_vi: rule.title_vi,
                    legal_ref: rule.legal_ref,
                    confirmed: rule.confirmed,
                })
            };
            match &rule.kind {
                RuleKind::NoGeneralMeeting { months } => {
                    let last = reports
                        .iter()
                        .filter_map(|r| r.figures.general_meeting_on)
                        .filter(|d| *d <= as_of)
                        .max();
                    let from = last.unwrap_or(o.founded_on);
                    let due = add_months(from, *months);
                    if as_of >= due {
                        let what = match last {
                            Some(d) => format!("đại hội gần nhất ngày {}", crate::date::to_vi(d)),
                            None => format!(
                                "chưa có đại hội nào từ khi thành lập ({})",
                                crate::date::to_vi(o.founded_on)
                            ),
                        };
                        let what_en = match last {
                            Some(d) => {
                                format!("last general meeting on {}", crate::date::to_iso(d))
                            }
                            None => format!(
                                "no general meeting since founding ({})",
                                crate::date::to_iso(o.founded_on)
                            ),
                        };
                        push(
                            due,
                            crate::msg!(
                                "compliance.months_complete",
                                what = crate::i18n::Arg::both(what, what_en),
                                months = months,
                                date = crate::i18n::Arg::both(
                                    crate::date::to_vi(due),
                                    crate::date::to_iso(due)
                                )
                            ),
                        );
                    }
                }
                RuleKind::MembersBelowMinimum { min } => {
                    // year-end counts: two consecutive year ends below the minimum span 12 months
                    let y = as_of.year() - 1;
                    if let (Some(a), Some(b)) = (
                        report_of(y - 1).and_then(|r| r.figures.members),
                        report_of(y).and_then(|r| r.figures.members),
                    ) && a < *min
                        && b < *min
                    {
                        let since = ymd(y - 1, 12, 31).expect("date");
                        push(
                            since,
                            crate::msg!(
                                "compliance.members_below_minimum",
                                value = y - 1,
                                a = a,
                                y = y,
                                b = b,
                                min = min
                            ),
                        );
                    }
                }
                RuleKind::NotOperating => {
                    let y = as_of.year() - 1;
                    if let Some(r) = report_of(y)
                        && r.figures.revenue.is_some_and(|v| v == crate::Fixed::ZERO)
                        && r.figures.services.is_empty()
                    {
                        push(
                            ymd(y, 12, 31).expect("date"),
                            crate::msg!("compliance.no_activity", y = y),
                        );
                    }
                }
                RuleKind::ReportMissing => {
                    let y = as_of.year() - 1;
                    let due = ymd(as_of.year(), 1, 15).expect("date");
                    // received by the review date (a report without a receipt date counts as received)
                    let received = report_of(y)
                        .is_some_and(|r| r.figures.received_on.is_none_or(|d| d <= as_of));
                    if as_of > due && o.founded_on.year() <= y && !received {
                        push(
                            due,
                            crate::msg!(
                                "compliance.report_missing",
                                y = y,
                                date = crate::i18n::Arg::both(
                                    crate::date::to_vi(due),
                                    crate::date::to_iso(due)
                                )
                            ),
                        );
                    }
                }
                RuleKind::SelfAssessmentMissing => {
                    let y = sheet_year;
                    let due = ymd(y, 12, 15).expect("date");
                    // An HTX operating for less than 12 months is not rated (TT01/2020).
                    let rated = crate::evaluation::old_enough(o.founded_on, y);
                    let sent = sent_on
                        .get(&(o.code.clone(), y))
                        .is_some_and(|d| *d <= as_of);
                    if sheets_sent > 0 && rated && due >= day(2020, 4, 1).expect("date") && !sent {
                        push(
                            due,
                            crate::msg!(
                                "compliance.sheet_missing",
                                y = y,
                                date = crate::i18n::Arg::both(
                                    crate::date::to_vi(due),
                                    crate::date::to_iso(due)
                                ),
                                sheets_sent = sheets_sent
                            ),
                        );
                    }
                }
                RuleKind::StatementsNotFiled => {
                    let y = as_of.year() - 1;
                    let due = add_months(ymd(y, 12, 31).expect("date"), 3);
                    let not_filed = report_of(y).is_some_and(|r| {
                        r.figures.statements_filed == Some(false)
                            || r.figures.statements_filed_on.is_some_and(|d| d > as_of)
                    });
                    if as_of > due && not_filed {
                        push(
                            due,
                            crate::msg!(
                                "compliance.statements_not_filed",
                                y = y,
                                date = crate::i18n::Arg::both(
                                    crate::date::to_vi(due),
                                    crate::date::to_iso(due)
                                )
                            ),
                        );
                    }
                }
            }
        }
    }
    out.sort_by(|a, b| (a.rule, &a.org).cmp(&(b.rule, &b.org)));
    out
}

#[cfg(test)]
mod tests;
