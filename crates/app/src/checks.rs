//! Data quality and compliance review (rà soát): open cases by rule, stored figures that
//! break a validation rule, probable duplicates, and who has reported.

use crate::{
    auth::Actor, context::App, context::find_unit, error::Result, registry::NearDuplicate,
};
use hoptac_core::auth::{Action, Resource};
use hoptac_core::compliance::{Case, cases_with_sheets};
use hoptac_core::model::AnnualReport;
use hoptac_core::validate::check_report;
use hoptac_core::{AdminLevel, Date};
use std::collections::HashMap;
use std::sync::Arc;

pub use crate::review_rows::{Completeness, FigureIssue, Unplaced};

/// Reviews as computed at one generation of the database, each as of one date, for one
/// scope and one account's scope (which decides the near-duplicates it may see). Every
/// write moves the generation, so a memo at the current generation is the review itself.
pub(crate) struct ReviewMemo {
    reviews: Vec<(ReviewKey, CheckReport)>,
}

/// Reviews kept at once: the scopes of a province's offices; a province's review is a few
/// megabytes.
const KEPT_REVIEWS: usize = 8;

/// (generation, as of, unit, scope, books stamp: the books move beside the generation).
type ReviewKey = (
    i64,
    Date,
    Option<hoptac_core::UnitId>,
    hoptac_core::auth::Scope,
    i64,
);

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
    /// Organisations whose commune was split (or ended with no successor recorded) and
    /// that the office has not placed yet: each to be placed in one of its candidates.
    pub unplaced: Vec<Unplaced>,
}

impl App {
    /// The date a review can speak for: the end of the reporting year
    /// ([`hoptac_core::reporting::reporting_year`]: closed or sufficiently complete), or of
    /// the last year with reports when none is, never after today. General meetings and
    /// filings are known through the yearly reports, so a later date would flag every
    /// cooperative for meetings not yet reported, and one early report must not move it.
    pub async fn review_date(&self) -> Result<Date> {
        let (generation, snap) = self.snapshot_at().await?;
        let today = crate::context::today();
        // every review page asks, and the answer reads the whole country: kept per generation
        let key = (generation, today);
        if let Some((k, d)) = *self.review_date_memo.lock().expect("memo lock")
            && k == key
        {
            return Ok(d);
        }
        let date = Self::compute_review_date(&snap, today);
        *self.review_date_memo.lock().expect("memo lock") = Some((key, date));
        Ok(date)
    }

    fn compute_review_date(snap: &hoptac_core::Snapshot, today: Date) -> Date {
        let year = hoptac_core::reporting::reporting_year(snap, None, today)
            .map(|y| y.year)
            .or_else(|| snap.reports.iter().map(|r| r.year.get()).max());
        match year {
            Some(y) => today.min(hoptac_core::date::year_end(y)),
            None => today,
        }
    }

    /// The reporting year of the whole database, and why (shown on the pages that use it).
    pub async fn reporting_year(&self) -> Result<Option<hoptac_core::reporting::ReportingYear>> {
        let snap = self.snapshot().await?;
        Ok(hoptac_core::reporting::reporting_year(
            &snap,
            None,
            crate::context::today(),
        ))
    }

    /// Everything the review finds as of a date, within a scope the actor may read.
    pub async fn check(
        &self,
        actor: &Actor,
        as_of: Date,
        scope: Option<&str>,
    ) -> Result<CheckReport> {
        // read before the snapshot: a result is never filed under a newer generation than
        // the data it was computed from
        let stamp = self.books_stamp().await?;
        let at = |generation: i64, unit: &Option<hoptac_core::AdminUnit>| -> ReviewKey {
            (
                generation,
                as_of,
                unit.as_ref().map(|u| u.id),
                actor.account.scope.clone(),
                stamp,
            )
        };
        let generation = self.store().generation().await?;
        let (_, unit) = self.scope_snapshot(actor, scope).await?;
        if let Some(r) = self.kept_review(&at(generation, &unit)) {
            return Ok(r);
        }
        // one computation at a time; whoever waited finds it kept
        let _gate = self.review_gate.lock().await;
        // read again: after a write while waiting, the newest review is the one to give
        // (and the one the others waiting will ask for), not one of an older generation
        let generation = self.store().generation().await?;
        let (full, unit) = self.scope_snapshot(actor, scope).await?;
        let key = at(generation, &unit);
        if let Some(r) = self.kept_review(&key) {
            return Ok(r);
        }
        let report = self.compute_check(actor, as_of, &full, unit).await?;
        let mut slot = self.review_memo.lock().expect("memo lock");
        let mut reviews: Vec<(ReviewKey, CheckReport)> = slot
            .as_ref()
            .and_then(|m| m.downcast_ref::<ReviewMemo>())
            .map(|m| {
                m.reviews
                    .iter()
                    .filter(|(k, _)| k.0 == generation)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        // a reader that started before a write files nothing over the newer reviews
        if reviews.is_empty()
            && slot
                .as_ref()
                .and_then(|m| m.downcast_ref::<ReviewMemo>())
                .is_some_and(|m| m.reviews.iter().any(|(k, _)| k.0 > generation))
        {
            return Ok(report);
        }
        if reviews.len() >= KEPT_REVIEWS {
            reviews.remove(0);
        }
        reviews.push((key, report.clone()));
        *slot = Some(Arc::new(ReviewMemo { reviews }));
        Ok(report)
    }

    fn kept_review(&self, key: &ReviewKey) -> Option<CheckReport> {
        let memo = self.review_memo.lock().expect("memo lock").clone();
        memo.as_ref()?
            .downcast_ref::<ReviewMemo>()?
            .reviews
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, r)| r.clone())
    }

    async fn compute_check(
        &self,
        actor: &Actor,
        as_of: Date,
        full: &hoptac_core::Snapshot,
        unit: Option<hoptac_core::AdminUnit>,
    ) -> Result<CheckReport> {
        let snap = full.restricted(unit.as_ref().map(|u| u.id));
        // a sheet submitted in hoptac counts as sent on its submission date
        let sheets: HashMap<(hoptac_core::OrgCode, i32), Date> = self
            .store()
            .sheets_submitted(crate::evaluation::DEFAULT_RUBRIC)
            .await?
            .into_iter()
            .map(|(org, year, on)| ((org, year), on))
            .collect();
        let found = cases_with_sheets(&snap, as_of, &sheets);
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
        // each organisation's years, grouped once (not orgs × reports)
        let mut years_of: HashMap<&str, Vec<i32>> = HashMap::new();
        for r in &snap.reports {
            years_of
                .entry(r.org.as_str())
                .or_default()
                .push(r.year.get());
        }
        for o in &snap.orgs {
            let mut years = years_of.remove(o.code.as_str()).unwrap_or_default();
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
        // validation rules as data: medians over the whole database, figures of the scope
        let rules = self.active_rules().await?;
        let registered = self.store().registered_services().await?;
        let m = hoptac_core::rules::medians(full);
        let orgs_by: HashMap<&str, &hoptac_core::model::Organization> =
            snap.orgs.iter().map(|o| (o.code.as_str(), o)).collect();
        for r in &snap.reports {
            let Some(o) = orgs_by.get(r.org.as_str()) else {
                continue;
            };
            let prev = by_key.get(&(r.org.as_str(), r.year.get() - 1)).copied();
            for f in rules.check(o, r, prev, &m, registered.get(&o.code)) {
                figures.push(FigureIssue {
                    org: o.code.to_string(),
                    org_name: o.name.clone(),
                    year: r.year.get(),
                    finding: f,
                });
            }
        }
        figures.extend(self.book_findings(&snap.reports).await?);
        figures.sort_by(|a, b| (&a.org, a.year).cmp(&(&b.org, b.year)));
        let report_year = as_of.year() - 1;
        let end = hoptac_core::date::year_end(report_year);
        // organisations, cases and figures counted by commune once (not communes × orgs)
        // by the commune each organisation is in at the end of the report year: after a
        // reorganisation, the new communes (an organisation not yet placed is in none)
        let map = (!snap.changes.is_empty())
            .then(|| hoptac_core::territory::UnitMap::new(&snap.units, &snap.changes, &snap.moves));
        let mut orgs_in: HashMap<hoptac_core::UnitId, Vec<&hoptac_core::model::Organization>> =
            HashMap::new();
        let mut commune_of: HashMap<&str, hoptac_core::UnitId> = HashMap::new();
        for o in &snap.orgs {
            let commune = match &map {
                None => Some(o.commune),
                Some(m) => {
                    let cs = m.candidates(o, end);
                    (cs.len() == 1).then(|| *cs.iter().next().expect("one"))
                }
            };
            if let Some(c) = commune {
                orgs_in.entry(c).or_default().push(o);
                commune_of.insert(o.code.as_str(), c);
            }
        }
        let mut cases_in: HashMap<hoptac_core::UnitId, usize> = HashMap::new();
        for c in &found {
            if let Some(u) = commune_of.get(c.org.as_str()) {
                *cases_in.entry(*u).or_default() += 1;
            }
        }
        let mut figures_in: HashMap<hoptac_core::UnitId, usize> = HashMap::new();
        for f in &figures {
            if let Some(u) = commune_of.get(f.org.as_str()) {
                *figures_in.entry(*u).or_default() += 1;
            }
        }
        let mut completeness: Vec<Completeness> = snap
            .units
            .iter()
            .filter(|u| u.level == AdminLevel::Commune && (map.is_none() || u.valid_on(end)))
            .map(|u| {
                let expected: Vec<_> = orgs_in
                    .get(&u.id)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|o| {
                        o.active_on(end)
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
                let due = hoptac_core::date::ymd(report_year + 1, 1, 15).expect("date");
                let on_time = expected
                    .iter()
                    .filter(|o| {
                        by_key
                            .get(&(o.code.as_str(), report_year))
                            .is_some_and(|r| r.figures.received_on.is_some_and(|d| d <= due))
                    })
                    .count();
                Completeness {
                    commune: u.name.clone(),
                    expected: expected.len(),
                    reported,
                    on_time,
                    cases: cases_in.get(&u.id).copied().unwrap_or(0),
                    figures: figures_in.get(&u.id).copied().unwrap_or(0),
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
        let unit_name = |id: hoptac_core::UnitId| {
            full.units
                .iter()
                .find(|u| u.id == id)
                .map(|u| (u.code.clone(), u.name.clone()))
                .unwrap_or_default()
        };
        let unplaced = hoptac_core::territory::unplaced(full, unit.as_ref().map(|u| u.id), as_of)
            .into_iter()
            .map(|(o, cs)| Unplaced {
                org: o.code.to_string(),
                org_name: o.name.clone(),
                commune: unit_name(o.commune).1,
                from: cs
                    .iter()
                    .filter_map(|c| full.units.iter().find(|u| u.id == *c)?.valid_from)
                    .min()
                    .map(hoptac_core::date::to_iso)
                    .unwrap_or_default(),
                candidates: cs.into_iter().map(unit_name).collect(),
            })
            .collect();
        Ok(CheckReport {
            unplaced,
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

/// What the office does on a case (xử lý).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseStep {
    /// Đã liên hệ.
    Contacted,
    /// Chấp nhận giải trình (with the reason): closes the case.
    ExplanationAccepted,
    /// Đề nghị giải thể.
    DissolutionProposed,
    /// Đã có quyết định giải thể.
    DissolutionDecided,
    /// Hoàn thành giải thể (with its date): sets the organisation's dissolution date.
    DissolutionCompleted,
}

impl CaseStep {
    pub const ALL: [CaseStep; 5] = [
        CaseStep::Contacted,
        CaseStep::ExplanationAccepted,
        CaseStep::DissolutionProposed,
        CaseStep::DissolutionDecided,
        CaseStep::DissolutionCompleted,
    ];
    pub fn code(self) -> &'static str {
        match self {
            CaseStep::Contacted => "contacted",
            CaseStep::ExplanationAccepted => "explanation_accepted",
            CaseStep::DissolutionProposed => "dissolution_proposed",
            CaseStep::DissolutionDecided => "dissolution_decided",
            CaseStep::DissolutionCompleted => "dissolution_completed",
        }
    }
    pub fn label_vi(self) -> &'static str {
        match self {
            CaseStep::Contacted => "Đã liên hệ, nhắc nhở",
            CaseStep::ExplanationAccepted => "Chấp nhận giải trình (ghi lý do)",
            CaseStep::DissolutionProposed => "Đề nghị giải thể",
            CaseStep::DissolutionDecided => "Đã có quyết định giải thể",
            CaseStep::DissolutionCompleted => "Hoàn thành giải thể (ghi ngày)",
        }
    }
    pub fn parse(s: &str) -> Option<CaseStep> {
        CaseStep::ALL.into_iter().find(|c| c.code() == s)
    }
}

/// A case of the review list with what the rule says.
#[derive(Debug, Clone)]
pub struct ReviewCase {
    pub case: hoptac_store::StoredCase,
    pub org_name: String,
    pub title_vi: &'static str,
    pub legal_ref: &'static str,
    pub confirmed: bool,
    /// Stored by a review run; `false`: a ground the data shows that no run recorded yet.
    pub recorded: bool,
}

/// What a review run changed in the stored cases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewRun {
    pub as_of: String,
    pub opened: usize,
    pub closed: usize,
}

/// The stable key of a ground: one rule, one organisation, one start.
fn case_key(rule: &str, org: &str, since: Date) -> String {
    format!("{rule}|{org}|{since}")
}

impl App {
    /// The organisations of the scope a check report speaks for.
    async fn scope_orgs(&self, scope: &str) -> Result<std::collections::BTreeSet<String>> {
        let snap = self.snapshot().await?;
        Ok(match scope {
            "all" => snap.orgs.iter().map(|o| o.code.to_string()).collect(),
            code => {
                let unit = find_unit(&snap.units, code, None)?;
                let inside = snap.subtree(unit.id);
                snap.org_rows()
                    .registered_in(&inside)
                    .into_iter()
                    .map(|i| snap.orgs[i].code.to_string())
                    .collect()
            }
        })
    }

    /// The review list as of a date, read only: the stored cases of the scope (open first,
    /// with their history), and the grounds the data shows as of that date that no review
    /// run has recorded yet (`recorded: false`, id 0). Looking never opens or closes a case.
    pub async fn review_cases(
        &self,
        actor: &Actor,
        as_of: Date,
        scope: Option<&str>,
    ) -> Result<Vec<ReviewCase>> {
        let report = self.check(actor, as_of, scope).await?;
        let in_scope = self.scope_orgs(&report.scope).await?;
        let snap = self.snapshot().await?;
        let stored = self.store().cases().await?;
        let known: std::collections::BTreeSet<String> = stored
            .iter()
            .map(|c| case_key(&c.rule, c.org.as_str(), c.since))
            .collect();
        let rules = hoptac_core::compliance::rules();
        // borrowed, not copied: a country has 115.000 names and a page shows a few hundred
        let names: std::collections::HashMap<&str, &str> = snap
            .orgs
            .iter()
            .filter(|o| in_scope.contains(o.code.as_str()))
            .map(|o| (o.code.as_str(), o.name.as_str()))
            .collect();
        let pending = report
            .cases
            .iter()
            .filter(|c| !known.contains(&case_key(c.rule, c.org.as_str(), c.since)))
            .map(|c| hoptac_store::StoredCase {
                id: 0,
                rule: c.rule.to_string(),
                org: c.org.clone(),
                since: c.since,
                evidence: c.evidence.vi().clone(),
                opened_at: String::new(),
                closed_at: None,
                closed_reason: None,
                actions: vec![],
            });
        let recorded = stored
            .into_iter()
            .filter(|c| in_scope.contains(c.org.as_str()));
        let mut out: Vec<ReviewCase> = pending
            .map(|c| (false, c))
            .chain(recorded.map(|c| (true, c)))
            .map(|(recorded, c)| {
                let rule = rules.iter().find(|r| r.id == c.rule);
                ReviewCase {
                    org_name: names.get(c.org.as_str()).unwrap_or(&"").to_string(),
                    title_vi: rule.map(|r| r.title_vi).unwrap_or(""),
                    legal_ref: rule.map(|r| r.legal_ref).unwrap_or(""),
                    confirmed: rule.is_some_and(|r| r.confirmed),
                    recorded,
                    case: c,
                }
            })
            .collect();
        out.sort_by_key(|c| {
            (
                c.case.closed_at.is_some(),
                c.recorded,
                std::cmp::Reverse(c.case.id),
            )
        });
        Ok(out)
    }

    /// A review run (chạy rà soát), by office or commune staff, audited: as of the review
    /// date (the end of the last year whose reporting is closed), opens a case for each new
    /// ground in the scope and closes the open cases the data no longer triggers, with the
    /// reason. A case whose ground starts after that date is never closed by it.
    pub async fn run_review(&self, actor: &Actor, scope: Option<&str>) -> Result<ReviewRun> {
        let (_, unit) = self.scope_snapshot(actor, scope).await?;
        let resource = unit
            .as_ref()
            .map(|u| Resource::Unit(u.id))
            .unwrap_or(Resource::Everything);
        if actor.account.role < hoptac_core::auth::Role::Commune {
            let e = self.audit_entry(
                actor,
                "refused",
                "review_run",
                unit.as_ref().map(|u| u.code.as_str()).unwrap_or("all"),
                unit.as_ref().map(|u| u.id),
            );
            self.store().append_audit(&e).await?;
            return Err(crate::error::AppError::Forbidden);
        }
        self.authorize(actor, Action::Write, &resource).await?;
        let as_of = self.review_date().await?;
        let report = self.check(actor, as_of, scope).await?;
        let in_scope = self.scope_orgs(&report.scope).await?;
        let snap = self.snapshot().await?;
        let commune_of = |org: &str| {
            snap.orgs
                .iter()
                .find(|o| o.code.as_str() == org)
                .map(|o| o.commune)
        };
        let stored = self.store().cases().await?;
        let known: std::collections::BTreeSet<String> = stored
            .iter()
            .map(|c| case_key(&c.rule, c.org.as_str(), c.since))
            .collect();
        let found: std::collections::BTreeSet<String> = report
            .cases
            .iter()
            .map(|c| case_key(c.rule, c.org.as_str(), c.since))
            .collect();
        let open: Vec<(String, hoptac_core::OrgCode, Date, String)> = report
            .cases
            .iter()
            .filter(|c| !known.contains(&case_key(c.rule, c.org.as_str(), c.since)))
            .map(|c| {
                (
                    c.rule.to_string(),
                    c.org.clone(),
                    c.since,
                    c.evidence.vi().clone(),
                )
            })
            .collect();
        let reason = format!(
            "Rà soát ngày {}: số liệu không còn thỏa căn cứ này / review as of {}: the data no longer meets this ground",
            hoptac_core::date::to_iso(as_of),
            hoptac_core::date::to_iso(as_of)
        );
        let close: Vec<&hoptac_store::StoredCase> = stored
            .iter()
            .filter(|c| {
                c.closed_at.is_none()
                    && c.since <= as_of
                    && in_scope.contains(c.org.as_str())
                    && !found.contains(&case_key(&c.rule, c.org.as_str(), c.since))
            })
            .collect();
        let mut audit = Vec::new();
        for (rule, org, since, evidence) in &open {
            let mut e = self.audit_entry(
                actor,
                "open",
                "cases",
                &format!("{rule}/{org}/{since}"),
                commune_of(org.as_str()),
            );
            e.after = Some(
                serde_json::json!({"rule": rule, "org": org.as_str(), "since": hoptac_core::date::to_iso(*since), "evidence": evidence})
                    .to_string(),
            );
            audit.push(e);
        }
        for c in &close {
            let mut e = self.audit_entry(
                actor,
                "close",
                "cases",
                &c.id.to_string(),
                commune_of(c.org.as_str()),
            );
            e.before = Some(serde_json::json!({"rule": c.rule, "org": c.org.as_str(), "since": hoptac_core::date::to_iso(c.since), "open": true}).to_string());
            e.after = Some(serde_json::json!({"open": false, "reason": reason}).to_string());
            audit.push(e);
        }
        let mut e = self.audit_entry(
            actor,
            "review_run",
            "cases",
            &report.scope,
            unit.as_ref().map(|u| u.id),
        );
        e.after = Some(
            serde_json::json!({"as_of": hoptac_core::date::to_iso(as_of), "opened": open.len(), "closed": close.len()})
                .to_string(),
        );
        audit.push(e);
        let close_ids: Vec<(i64, String)> = close.iter().map(|c| (c.id, reason.clone())).collect();
        self.store()
            .sync_cases(&open, &close_ids, &crate::auth::now_text(), &audit)
            .await?;
        Ok(ReviewRun {
            as_of: hoptac_core::date::to_iso(as_of),
            opened: open.len(),
            closed: close_ids.len(),
        })
    }

    /// Records what the office did on a case. Accepting an explanation needs its reason and
    /// closes the case; completing a dissolution needs its date, sets the organisation's
    /// dissolution date and closes the case, in one transaction.
    pub async fn case_action(
        &self,
        actor: &Actor,
        case_id: i64,
        step: CaseStep,
        note: &str,
        on: Option<Date>,
    ) -> Result<()> {
        let case = self
            .store()
            .cases()
            .await?
            .into_iter()
            .find(|c| c.id == case_id)
            .ok_or_else(|| crate::error::AppError::not_found("case", case_id.to_string()))?;
        let org = self
            .store()
            .org(&case.org)
            .await?
            .ok_or_else(|| crate::error::AppError::not_found("org", case.org.to_string()))?;
        // a cooperative does not review itself: office and commune staff only
        if actor.account.role < hoptac_core::auth::Role::Commune {
            let e = self.audit_entry(
                actor,
                "refused",
                "cases",
                &case_id.to_string(),
                Some(org.commune),
            );
            self.store().append_audit(&e).await?;
            return Err(crate::error::AppError::Forbidden);
        }
        self.authorize(
            actor,
            Action::Write,
            &Resource::Org {
                code: org.code.clone(),
                commune: org.commune,
            },
        )
        .await?;
        if case.closed_at.is_some() {
            return Err(crate::error::AppError::invalid(
                "case",
                case_id.to_string(),
                hoptac_core::msg!("review.case_closed"),
            ));
        }
        let note = note.trim();
        let mut changes = hoptac_store::ChangeSet::default();
        let close = match step {
            CaseStep::ExplanationAccepted if note.is_empty() => {
                return Err(crate::error::AppError::invalid(
                    "note",
                    "",
                    hoptac_core::msg!("review.acceptance_reason_required"),
                ));
            }
            CaseStep::ExplanationAccepted => Some("Chấp nhận giải trình / explanation accepted"),
            CaseStep::DissolutionCompleted => {
                let date = on.ok_or_else(|| {
                    crate::error::AppError::invalid(
                        "on_date",
                        "",
                        hoptac_core::msg!("review.dissolution_date_required"),
                    )
                })?;
                let dissolved = hoptac_core::model::Organization {
                    dissolved_on: Some(date),
                    ..org.clone()
                };
                if let Some(f) =
                    hoptac_core::validate::check_organization(&dissolved, crate::context::today())
                        .into_iter()
                        .find(|f| f.severity == hoptac_core::validate::Severity::Error)
                {
                    return Err(crate::error::AppError::invalid("on_date", f.value, f.msg));
                }
                let snap = self.snapshot().await?;
                crate::life_records::none_after(&snap, &org, date)?;
                changes.audit.push(self.change_entry(
                    actor,
                    "organizations",
                    org.code.as_str(),
                    Some(org.commune),
                    Some(&org),
                    &dissolved,
                ));
                changes.orgs.push(dissolved);
                Some("Hoàn thành giải thể / dissolution completed")
            }
            _ => None,
        };
        let mut e = self.audit_entry(
            actor,
            step.code(),
            "cases",
            &case_id.to_string(),
            Some(org.commune),
        );
        e.after = Some(serde_json::json!({ "org": org.code.as_str(), "note": note, "date": on.map(hoptac_core::date::to_iso) }).to_string());
        changes.audit.push(e);
        let a = hoptac_store::CaseAction {
            at: crate::auth::now_text(),
            actor: actor.name().to_string(),
            action: step.code().to_string(),
            note: note.to_string(),
            on_date: on,
        };
        self.store()
            .add_case_action(case_id, &a, close, &changes)
            .await?;
        Ok(())
    }
}
