//! Data quality and compliance review (rà soát): open cases by rule, stored figures that
//! break a validation rule, probable duplicates, and who has reported.

use crate::{Actor, App, NearDuplicate, Result, find_unit};
use hoptac_core::auth::{Action, Resource, Scope};
use hoptac_core::compliance::{Case, cases};
use hoptac_core::model::AnnualReport;
use hoptac_core::validate::{Finding, check_report};
use hoptac_core::{AdminLevel, Date};
use std::collections::HashMap;

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
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckReport {
    pub as_of: String,
    pub scope: String,
    pub cases: Vec<Case>,
    pub figures: Vec<FigureIssue>,
    #[serde(skip)]
    pub duplicates: Vec<NearDuplicate>,
    pub duplicate_pairs: Vec<(String, String, u32)>,
    /// For the year before `as_of`.
    pub report_year: i32,
    pub completeness: Vec<Completeness>,
}

impl App {
    /// The date a review can speak for: today, or the end of the last year with reports when
    /// the figures stop earlier. General meetings and filings are known through the yearly
    /// reports, so a later date would flag every cooperative for meetings not yet reported.
    pub async fn review_date(&self) -> Result<Date> {
        let snap = self.snapshot().await?;
        let today = crate::today();
        Ok(match snap.reports.iter().map(|r| r.year.get()).max() {
            Some(y) => today.min(hoptac_core::date::year_end(y)),
            None => today,
        })
    }

    /// Everything the review finds as of a date, within a scope the actor may read.
    pub async fn check(
        &self,
        actor: &Actor,
        as_of: Date,
        scope: Option<&str>,
    ) -> Result<CheckReport> {
        let full = self.snapshot().await?;
        let unit = match scope.map(str::trim).filter(|s| !s.is_empty()) {
            Some(s) => Some(find_unit(&full.units, s, None)?.clone()),
            None => match &actor.account.scope {
                Scope::Unit(u) => full.unit(*u).cloned(),
                _ => None,
            },
        };
        self.authorize(
            actor,
            Action::Read,
            &unit
                .as_ref()
                .map(|u| Resource::Unit(u.id))
                .unwrap_or(Resource::Everything),
        )
        .await?;
        let snap = full.as_ref().clone().restrict(unit.as_ref().map(|u| u.id));
        let found = cases(&snap, as_of);
        let names: HashMap<&str, &str> = snap
            .orgs
            .iter()
            .map(|o| (o.code.as_str(), o.name.as_str()))
            .collect();
        let by_key: HashMap<(&str, i32), &AnnualReport> = snap
            .reports
            .iter()
            .map(|r| ((r.org.as_str(), r.year.get()), r))
            .collect();
        let mut figures = Vec::new();
        for o in &snap.orgs {
            let mut years: Vec<i32> = snap
                .reports
                .iter()
                .filter(|r| r.org == o.code)
                .map(|r| r.year.get())
                .collect();
            years.sort();
            for y in years {
                let r = by_key[&(o.code.as_str(), y)];
                let prev = by_key.get(&(o.code.as_str(), y - 1)).copied();
                for f in check_report(o, r, prev) {
                    figures.push(FigureIssue {
                        org: o.code.to_string(),
                        org_name: names.get(o.code.as_str()).unwrap_or(&"").to_string(),
                        year: y,
                        finding: f,
                    });
                }
            }
        }
        let report_year = as_of.year() - 1;
        let end = hoptac_core::date::year_end(report_year);
        let mut completeness: Vec<Completeness> = snap
            .units
            .iter()
            .filter(|u| u.level == AdminLevel::Commune)
            .map(|u| {
                let expected: Vec<_> = snap
                    .orgs
                    .iter()
                    .filter(|o| {
                        o.commune == u.id
                            && o.active_on(end)
                            && matches!(
                                o.kind,
                                hoptac_core::OrgKind::Htx
                                    | hoptac_core::OrgKind::Lhhtx
                                    | hoptac_core::OrgKind::Tht
                            )
                    })
                    .collect();
                let reported = expected
                    .iter()
                    .filter(|o| by_key.contains_key(&(o.code.as_str(), report_year)))
                    .count();
                Completeness {
                    commune: u.name.clone(),
                    expected: expected.len(),
                    reported,
                }
            })
            .filter(|c| c.expected > 0)
            .collect();
        completeness.sort_by_key(|c| hoptac_core::text::fold_unit_name(&c.commune));
        let duplicates = self.near_duplicates(actor).await?;
        let inside: std::collections::BTreeSet<_> =
            snap.orgs.iter().map(|o| o.code.clone()).collect();
        let duplicates: Vec<NearDuplicate> = duplicates
            .into_iter()
            .filter(|d| inside.contains(&d.a.code))
            .collect();
        Ok(CheckReport {
            as_of: hoptac_core::date::to_iso(as_of),
            scope: unit.map(|u| u.code).unwrap_or_else(|| "all".into()),
            cases: found,
            figures,
            duplicate_pairs: duplicates
                .iter()
                .map(|d| (d.a.code.to_string(), d.b.code.to_string(), d.score))
                .collect(),
            duplicates,
            report_year,
            completeness,
        })
    }
}
