//! The yearly deadlines an office and its cooperatives work to (hạn nộp), each with its legal
//! basis as `shared/reference` records it:
//! - the self-scoring sheet for year `y`: 15 December of `y` (TT 01/2020/TT-BKHĐT; see
//!   `compliance`);
//! - the yearly activity report for `y`: 15 January of `y + 1` ([`crate::reporting::report_due`]);
//! - the financial statements for fiscal year `y`: 90 days after its end (TT 71/2024/TT-BTC
//!   Phụ lục IV mục II §6.1.a — 31 March, or 30 March after a leap February). For fiscal years
//!   before 2025 (TT 24/2017) the reference has no retrieved deadline: the same 90 days are
//!   shown, marked unconfirmed.

use crate::date::{Date, ymd};

/// Which deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// Bảng tự chấm điểm.
    EvaluationSheet,
    /// Báo cáo tình hình hoạt động năm.
    AnnualReport,
    /// Báo cáo tài chính năm.
    Statements,
}

impl DeadlineKind {
    pub const ALL: [DeadlineKind; 3] = [
        DeadlineKind::EvaluationSheet,
        DeadlineKind::AnnualReport,
        DeadlineKind::Statements,
    ];

    /// The catalogue key of its name.
    pub fn key(self) -> &'static str {
        match self {
            DeadlineKind::EvaluationSheet => "deadline_evaluation",
            DeadlineKind::AnnualReport => "deadline_report",
            DeadlineKind::Statements => "deadline_statements",
        }
    }

    /// When the one for year `y` is due.
    pub fn due(self, y: i32) -> Option<Date> {
        match self {
            DeadlineKind::EvaluationSheet => ymd(y, 12, 15),
            DeadlineKind::AnnualReport => ymd(y + 1, 1, 15),
            DeadlineKind::Statements => ymd(y, 12, 31)?.checked_add(time::Duration::days(90)),
        }
    }

    /// Whether the date comes from a text the reference confirms for year `y`.
    pub fn confirmed(self, y: i32) -> bool {
        !matches!(self, DeadlineKind::Statements) || y >= 2025
    }
}

/// A deadline to come: what, for which year, when, in how many days.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub year: i32,
    pub due: Date,
    pub days_left: i64,
    pub confirmed: bool,
}

/// The next deadline of each kind on or after `today`, soonest first.
pub fn upcoming(today: Date) -> Vec<Deadline> {
    let mut out: Vec<Deadline> = DeadlineKind::ALL
        .iter()
        .filter_map(|&kind| {
            let year = (today.year() - 2..=today.year() + 1)
                .find(|&y| kind.due(y).is_some_and(|d| d >= today))?;
            let due = kind.due(year)?;
            Some(Deadline {
                kind,
                year,
                due,
                days_left: (due - today).whole_days(),
                confirmed: kind.confirmed(year),
            })
        })
        .collect();
    out.sort_by_key(|d| d.due);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        ymd(y, m, day).unwrap()
    }

    #[test]
    fn in_early_december_the_sheet_comes_first_then_the_report_then_the_statements() {
        let u = upcoming(d(2026, 12, 6));
        let got: Vec<_> = u
            .iter()
            .map(|x| (x.kind, x.year, x.due, x.days_left))
            .collect();
        assert_eq!(
            got,
            [
                (DeadlineKind::EvaluationSheet, 2026, d(2026, 12, 15), 9),
                (DeadlineKind::AnnualReport, 2026, d(2027, 1, 15), 40),
                (DeadlineKind::Statements, 2026, d(2027, 3, 31), 115),
            ]
        );
        assert!(u.iter().all(|x| x.confirmed));
    }

    #[test]
    fn on_the_day_it_is_still_to_come_and_the_statements_follow_a_leap_february() {
        let u = upcoming(d(2027, 1, 15));
        assert_eq!(
            (u[0].kind, u[0].year, u[0].days_left),
            (DeadlineKind::AnnualReport, 2026, 0)
        );
        // fiscal 2027 ends before a leap February: 90 days is 30 March 2028
        let s = upcoming(d(2028, 4, 1));
        let st = s
            .iter()
            .find(|x| x.kind == DeadlineKind::Statements)
            .unwrap();
        assert_eq!((st.year, st.due), (2028, d(2029, 3, 31)));
        assert_eq!(DeadlineKind::Statements.due(2027), Some(d(2028, 3, 30)));
        // before TT 71 the date is not confirmed
        assert!(
            !upcoming(d(2024, 2, 1))
                .iter()
                .find(|x| x.kind == DeadlineKind::Statements)
                .unwrap()
                .confirmed
        );
    }
}
