//! Invariants of the registry. Each broken rule is a [`Finding`] naming the field and the
//! value, in Vietnamese and English; errors block a write, warnings are shown and kept.

use crate::date::{Date, to_vi};
use crate::fixed::Fixed;
use crate::i18n::Msg;
use crate::model::{AnnualReport, Manager, Organization};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// The contract's column key (`founded_on`, `members`, …).
    pub field: &'static str,
    /// The value found, as text.
    pub value: String,
    pub msg: Msg,
}

impl Finding {
    pub fn error(field: &'static str, value: impl Into<String>, msg: Msg) -> Self {
        Finding {
            severity: Severity::Error,
            field,
            value: value.into(),
            msg,
        }
    }
    pub fn warning(field: &'static str, value: impl Into<String>, msg: Msg) -> Self {
        Finding {
            severity: Severity::Warning,
            field,
            value: value.into(),
            msg,
        }
    }
}

pub fn has_errors(fs: &[Finding]) -> bool {
    fs.iter().any(|f| f.severity == Severity::Error)
}

/// Rules on an organisation by itself.
pub fn check_organization(o: &Organization, today: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    if o.name.trim().is_empty() {
        out.push(Finding::error(
            "name",
            "",
            crate::msg!("validate.name_required"),
        ));
    }
    if let Some(d) = o.dissolved_on
        && d <= o.founded_on
    {
        out.push(Finding::error(
            "dissolved_on",
            to_vi(d),
            crate::msg!(
                "validate.dissolved_before_founded",
                date = to_vi(d),
                other_date = to_vi(o.founded_on)
            ),
        ));
    }
    if o.founded_on > today {
        out.push(Finding::error(
            "founded_on",
            to_vi(o.founded_on),
            crate::msg!("validate.founded_in_future", date = to_vi(o.founded_on)),
        ));
    }
    if let Some(d) = o.dissolved_on
        && d > today
    {
        out.push(Finding::error(
            "dissolved_on",
            to_vi(d),
            crate::msg!("validate.dissolved_in_future", date = to_vi(d)),
        ));
    }
    out
}

/// Rules on a yearly report, given its organisation and the report of the year before.
pub fn check_report(
    o: &Organization,
    r: &AnnualReport,
    prev: Option<&AnnualReport>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let y = r.year.get();
    let last = o.dissolved_on.map(|d| d.year());
    if y < o.founded_on.year() || last.is_some_and(|l| y > l) {
        let life = match last {
            Some(l) => format!("{}–{}", o.founded_on.year(), l),
            None => format!("{}–", o.founded_on.year()),
        };
        out.push(Finding::error(
            "year",
            y.to_string(),
            crate::msg!("validate.year_outside_life", y = y, o = o.code, life = life),
        ));
    }
    let f = &r.figures;
    let counts = [
        ("members", f.members),
        ("members_joined", f.members_joined),
        ("members_left", f.members_left),
        ("workers", f.workers),
    ];
    for (field, v) in counts {
        if let Some(v) = v
            && v < 0
        {
            out.push(Finding::error(
                field,
                v.to_string(),
                crate::msg!("validate.negative_count", v = v),
            ));
        }
    }
    let amounts = [
        ("revenue", f.revenue),
        ("member_income", f.member_income),
        ("worker_income", f.worker_income),
    ];
    for (field, v) in amounts {
        if let Some(v) = v
            && v < Fixed::ZERO
        {
            out.push(Finding::error(
                field,
                v.to_string(),
                crate::msg!("validate.negative_value", v = v),
            ));
        }
    }
    if let Some(d) = f.general_meeting_on
        && d.year() != y
    {
        out.push(Finding::error(
            "general_meeting_on",
            to_vi(d),
            crate::msg!(
                "validate.general_meeting_outside_year",
                date = to_vi(d),
                y = y
            ),
        ));
    }
    // Member flows, profit against revenue, jumps and outliers are validation rules as data
    // (`crate::rules`), so offices can tune or switch them off.
    let _ = prev;
    if let (Some(m), Some(w)) = (f.members, f.workers)
        && o.kind != crate::types::OrgKind::HoiQuan
        && m == 0
        && w > 0
    {
        out.push(Finding::warning(
            "members",
            "0",
            crate::msg!("validate.workers_without_members"),
        ));
    }
    out
}

/// Rules on a manager record.
pub fn check_manager(m: &Manager) -> Vec<Finding> {
    let mut out = Vec::new();
    if m.full_name.trim().is_empty() {
        out.push(Finding::error(
            "full_name",
            "",
            crate::msg!("validate.full_name_required"),
        ));
    }
    if let (Some(f), Some(t)) = (m.from, m.to)
        && t < f
    {
        out.push(Finding::error(
            "to",
            to_vi(t),
            crate::msg!(
                "validate.term_ends_before_start",
                date = to_vi(t),
                other_date = to_vi(f)
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::ymd;
    use crate::model::{ReportFigures, UnitId};
    use crate::types::*;

    fn org() -> Organization {
        Organization {
            code: OrgCode::parse("X1").unwrap(),
            kind: OrgKind::Htx,
            name: "HTX DVNN Tân Kiều".into(),
            sector: Sector::Agriculture,
            commune: UnitId(1),
            founded_on: ymd(2010, 5, 1).unwrap(),
            dissolved_on: None,
            registration_no: None,
        }
    }

    fn report(year: i32, members: i64, joined: i64, left: i64) -> AnnualReport {
        AnnualReport {
            org: OrgCode::parse("X1").unwrap(),
            year: Year::new(year).unwrap(),
            figures: ReportFigures {
                members: Some(members),
                members_joined: Some(joined),
                members_left: Some(left),
                ..Default::default()
            },
        }
    }

    #[test]
    fn dissolution_must_follow_founding() {
        let today = ymd(2026, 1, 1).unwrap();
        let mut o = org();
        assert!(check_organization(&o, today).is_empty());
        o.dissolved_on = ymd(2009, 1, 1);
        let f = check_organization(&o, today);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].field, "dissolved_on");
        assert_eq!(f[0].value, "01/01/2009");
        assert!(f[0].msg.vi().contains("phải sau ngày thành lập 01/05/2010"));
    }

    #[test]
    fn report_year_within_life() {
        let mut o = org();
        o.dissolved_on = ymd(2018, 3, 1);
        assert!(check_report(&o, &report(2018, 10, 0, 0), None).is_empty());
        assert_eq!(
            check_report(&o, &report(2019, 10, 0, 0), None)[0].field,
            "year"
        );
        assert_eq!(
            check_report(&o, &report(2009, 10, 0, 0), None)[0].field,
            "year"
        );
    }

    #[test]
    fn negative_counts_are_errors() {
        let f = check_report(&org(), &report(2020, -1, 0, 0), None);
        assert!(has_errors(&f));
        assert_eq!(f[0].field, "members");
    }

    #[test]
    fn manager_dates_in_order() {
        let m = Manager {
            org: OrgCode::parse("X1").unwrap(),
            full_name: "Nguyễn Văn A".into(),
            role: Role::Director,
            qualification: None,
            trained_on: None,
            from: ymd(2020, 1, 1),
            to: ymd(2019, 1, 1),
        };
        assert_eq!(check_manager(&m)[0].field, "to");
    }
}
