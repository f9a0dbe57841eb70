//! The reporting year (kỳ báo cáo): which year a page speaks for by default. One early
//! report for a new year must not move every page to that year and judge it on a handful
//! of reports; a year counts once its reporting is closed (the deadline has passed) or
//! sufficiently complete.

use crate::date::{Date, ymd};
use crate::model::{Snapshot, UnitId};
use crate::{Msg, OrgKind};
use std::collections::BTreeSet;

/// The yearly activity report for year `y` is due on 15 January of `y + 1`
/// (NĐ 193/2013 as amended by NĐ 107/2017; `shared/reference/regulations-coop.md`).
pub fn report_due(y: i32) -> Date {
    ymd(y + 1, 1, 15).expect("15 January exists")
}

/// Share of the expected reports (in per cent) at which a year counts as complete before
/// its deadline. A working threshold of hoptac, not a legal value.
pub const COMPLETE_PCT: usize = 80;

/// The year pages use by default, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReportingYear {
    pub year: i32,
    pub expected: usize,
    pub reported: usize,
    pub why: Msg,
}

/// The last year with reports in the scope (`None`: everything) whose reporting is closed
/// (`today` is past its deadline) or complete (at least [`COMPLETE_PCT`] % of the HTX, LHHTX
/// and THT active at its end have reported). `None` when no year qualifies.
pub fn reporting_year(
    s: &Snapshot,
    scope: Option<&BTreeSet<UnitId>>,
    today: Date,
) -> Option<ReportingYear> {
    let in_scope = |c: UnitId| scope.is_none_or(|u| u.contains(&c));
    let rows = s.org_rows();
    let mut orgs = Vec::new();
    // organisations that reported, by year (each counted once a year)
    let mut by_year: std::collections::BTreeMap<i32, usize> = Default::default();
    let mut years = Vec::new();
    for (place, o) in s.orgs.iter().enumerate() {
        if !in_scope(o.commune) || !matches!(o.kind, OrgKind::Htx | OrgKind::Lhhtx | OrgKind::Tht) {
            continue;
        }
        orgs.push(o);
        years.clear();
        years.extend(
            rows.reports(place)
                .iter()
                .map(|&k| s.reports[k as usize].year.get()),
        );
        years.sort_unstable();
        years.dedup();
        for &y in &years {
            *by_year.entry(y).or_default() += 1;
        }
    }
    for (&year, reported) in by_year.iter().rev() {
        let end = crate::date::year_end(year);
        let expected = orgs.iter().filter(|o| o.active_on(end)).count();
        let reported = *reported;
        let due = report_due(year);
        let pct = (reported * 100).checked_div(expected).unwrap_or(0);
        let due_vi = crate::date::to_vi(due);
        let why = if today > due {
            crate::msg!(
                "reporting.deadline_passed",
                year = year,
                due = due_vi,
                reported = reported,
                expected = expected
            )
        } else if expected > 0 && pct >= COMPLETE_PCT {
            crate::msg!(
                "reporting.reported_before_deadline",
                year = year,
                reported = reported,
                expected = expected,
                complete_pct = COMPLETE_PCT,
                due = due_vi
            )
        } else {
            continue;
        };
        return Some(ReportingYear {
            year,
            expected,
            reported,
            why,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnualReport, Organization};
    use crate::{OrgCode, Sector, Year};

    fn org(code: &str) -> Organization {
        Organization {
            code: OrgCode::parse(code).unwrap(),
            kind: OrgKind::Htx,
            name: code.into(),
            sector: Sector::Agriculture,
            commune: UnitId(1),
            founded_on: ymd(2010, 1, 1).unwrap(),
            dissolved_on: None,
            registration_no: None,
        }
    }
    fn report(code: &str, y: i32) -> AnnualReport {
        AnnualReport {
            org: OrgCode::parse(code).unwrap(),
            year: Year::new(y).unwrap(),
            figures: Default::default(),
        }
    }

    fn snap(reports: Vec<AnnualReport>) -> Snapshot {
        Snapshot {
            orgs: (0..10).map(|i| org(&format!("HTX-{i}"))).collect(),
            reports,
            ..Default::default()
        }
    }

    #[test]
    fn one_early_report_does_not_move_the_year() {
        let mut r: Vec<_> = (0..10).map(|i| report(&format!("HTX-{i}"), 2025)).collect();
        r.push(report("HTX-0", 2026));
        let y = reporting_year(&snap(r), None, ymd(2026, 12, 2).unwrap()).unwrap();
        assert_eq!(y.year, 2025);
        assert_eq!((y.reported, y.expected), (10, 10));
        assert!(y.why.vi().contains("15/01/2026"), "{}", y.why.vi());
    }

    #[test]
    fn a_complete_year_counts_before_its_deadline_and_a_closed_one_after() {
        let mut r: Vec<_> = (0..10).map(|i| report(&format!("HTX-{i}"), 2025)).collect();
        r.extend((0..8).map(|i| report(&format!("HTX-{i}"), 2026)));
        let today = ymd(2026, 12, 20).unwrap();
        assert_eq!(
            reporting_year(&snap(r.clone()), None, today).unwrap().year,
            2026
        );
        r.truncate(17);
        assert_eq!(
            reporting_year(&snap(r.clone()), None, today).unwrap().year,
            2025
        );
        let later = ymd(2027, 1, 16).unwrap();
        assert_eq!(reporting_year(&snap(r), None, later).unwrap().year, 2026);
        assert_eq!(reporting_year(&snap(vec![]), None, later), None);
    }
}
