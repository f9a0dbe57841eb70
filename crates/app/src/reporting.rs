//! Reporting years (kỳ báo cáo): closing a year once the office has compiled it, reopening
//! it with a reason, and which fields of a yearly report belong to the office.

use crate::{auth::Actor, context::App, error::AppError, error::Result};
use hoptac_core::auth::{Action, Resource, Role};
use hoptac_core::model::{AnnualReport, UnitId};
use hoptac_store::ReportingLock;

/// Fields of a yearly report that the office records, not the cooperative: the rating it
/// gave, and the dates it received the report, the statements and the self-assessment.
pub const OFFICE_FIELDS: [&str; 6] = [
    "rating",
    "rating_basis",
    "received_on",
    "statements_filed",
    "statements_filed_on",
    "self_assessment_sent_on",
];

/// The office-owned fields whose value differs between two versions of a report.
pub fn office_fields_changed(old: Option<&AnnualReport>, new: &AnnualReport) -> Vec<&'static str> {
    let (n, o) = (
        &new.figures,
        old.map(|r| r.figures.clone()).unwrap_or_default(),
    );
    [
        ("rating", o.rating != n.rating),
        ("rating_basis", o.rating_basis != n.rating_basis),
        ("received_on", o.received_on != n.received_on),
        ("statements_filed", o.statements_filed != n.statements_filed),
        (
            "statements_filed_on",
            o.statements_filed_on != n.statements_filed_on,
        ),
        (
            "self_assessment_sent_on",
            o.self_assessment_sent_on != n.self_assessment_sent_on,
        ),
    ]
    .into_iter()
    .filter_map(|(f, changed)| changed.then_some(f))
    .collect()
}

/// The closes in force: for each (year, unit), its latest event if that is a close.
pub fn closed(locks: &[ReportingLock]) -> Vec<&ReportingLock> {
    let mut last: std::collections::BTreeMap<(i32, Option<i64>), &ReportingLock> =
        Default::default();
    for l in locks {
        last.insert((l.year, l.unit.map(|u| u.0)), l);
    }
    last.into_values().filter(|l| l.closed).collect()
}

/// The closes in force with the units each covers, gathered once (an import asks for every
/// report row).
pub(crate) struct LocksInForce<'a> {
    locks: Vec<(
        &'a ReportingLock,
        Option<std::collections::BTreeSet<UnitId>>,
    )>,
}

impl<'a> LocksInForce<'a> {
    pub(crate) fn new(locks: &'a [ReportingLock], units: &[hoptac_core::AdminUnit]) -> Self {
        LocksInForce {
            locks: closed(locks)
                .into_iter()
                .map(|l| (l, l.unit.map(|u| hoptac_core::auth::subtree(units, u))))
                .collect(),
        }
    }

    /// The close in force over a report of `year` by an organisation of `commune`: one of
    /// the commune itself, a unit above it, or the whole installation.
    pub(crate) fn over(&self, commune: UnitId, year: i32) -> Option<&'a ReportingLock> {
        self.locks
            .iter()
            .find(|(l, inside)| {
                l.year == year && inside.as_ref().is_none_or(|i| i.contains(&commune))
            })
            .map(|(l, _)| *l)
    }
}

impl App {
    pub async fn reporting_locks(&self) -> Result<Vec<ReportingLock>> {
        Ok(self.store().reporting_locks().await?)
    }

    /// Closes (`close`) or reopens a reporting year in a territory (the actor's own by
    /// default). Office staff of that territory only; reopening needs its reason; both are
    /// audited.
    pub async fn set_year_lock(
        &self,
        actor: &Actor,
        year: i32,
        scope: Option<&str>,
        close: bool,
        reason: &str,
    ) -> Result<()> {
        crate::context::check_year(year)?;
        let unit = match scope.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Some(self.resolve_scope(s).await?.id),
            None => self.scope_root(actor).await?,
        };
        let resource = unit.map(Resource::Unit).unwrap_or(Resource::Everything);
        if actor.account.role < Role::Commune {
            self.record_refusal(actor, "reporting_locks", &year.to_string())
                .await?;
            return Err(AppError::Forbidden);
        }
        self.authorize(actor, Action::Write, &resource).await?;
        let reason = crate::auth::bounded(reason.trim(), 500);
        if !close && reason.is_empty() {
            return Err(AppError::invalid(
                "reason",
                "",
                hoptac_core::msg!("reporting.reopen_needs_reason"),
            ));
        }
        let locks = self.store().reporting_locks().await?;
        let now_closed = closed(&locks)
            .iter()
            .any(|l| l.year == year && l.unit == unit);
        if now_closed == close {
            return Err(AppError::invalid(
                "year",
                year.to_string(),
                if close {
                    hoptac_core::msg!("reporting.year_already_closed", year = year)
                } else {
                    hoptac_core::msg!("reporting.year_not_closed", year = year)
                },
            ));
        }
        let l = ReportingLock {
            id: 0,
            year,
            unit,
            closed: close,
            reason: reason.clone(),
            actor: actor.name().to_string(),
            at: crate::auth::now_text(),
        };
        let mut e = self.audit_entry(
            actor,
            if close { "close_year" } else { "reopen_year" },
            "reporting_locks",
            &year.to_string(),
            unit,
        );
        e.after = Some(
            serde_json::json!({ "year": year, "closed": close, "reason": reason }).to_string(),
        );
        let read_at = self.cached_generation();
        self.store().add_reporting_lock(&l, &e).await?;
        self.wrote_beside_snapshot(read_at).await?;
        Ok(())
    }
}
