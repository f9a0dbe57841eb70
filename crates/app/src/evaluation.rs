//! Yearly evaluation of cooperatives (đánh giá, xếp loại HTX): the workflow's steps with
//! their permissions, and the year's list. The rules of the workflow are in the core.

use crate::{auth::Actor, context::App, error::AppError, error::Result};
use hoptac_core::auth::{Action, Resource, Role, Scope};
use hoptac_core::evaluation::{Evaluation, MemberScale, State, Step, old_enough, sheet_due};
use hoptac_core::model::{AnnualReport, Organization};
use hoptac_core::rubric::{RatingOutcome, Rubric};
use hoptac_core::types::OrgKind;
use hoptac_core::{Fixed, Msg, OrgCode};
use hoptac_store::StoredEvaluation;

/// The rubric used when none is named.
pub const DEFAULT_RUBRIC: &str = "TT01/2020";

/// Why an organisation is not evaluated for a year, if it is not. `report` is its yearly
/// report for that year, if any: a year with no revenue and no service at all is a year the
/// cooperative stopped operating (longer than the 3 months that exclude it).
pub fn exclusion(o: &Organization, year: i32, report: Option<&AnnualReport>) -> Option<Msg> {
    if !matches!(o.kind, OrgKind::Htx | OrgKind::Lhhtx) {
        return Some(hoptac_core::msg!("evaluation.only_cooperatives"));
    }
    if !o.active_on(sheet_due(year)) {
        return Some(hoptac_core::msg!(
            "evaluation.not_active_on_15_12",
            year = year
        ));
    }
    if let Some(r) = report
        && r.figures.revenue.is_some_and(|v| v == Fixed::ZERO)
        && r.figures.services.is_empty()
    {
        return Some(hoptac_core::msg!(
            "evaluation.stopped_operating",
            year = year
        ));
    }
    if !old_enough(o.founded_on, year) {
        return Some(hoptac_core::msg!(
            "evaluation.under_12_months",
            date =
                hoptac_core::i18n::Arg::both(hoptac_core::date::to_vi(o.founded_on), o.founded_on),
            year = year
        ));
    }
    None
}

/// A line of the year's list.
#[derive(Debug, Clone, serde::Serialize)]
pub struct EvaluationRow {
    pub org: OrgCode,
    pub name: String,
    pub commune: String,
    /// `None`: no sheet started.
    pub state: Option<State>,
    /// Once every line is scored.
    pub total: Option<Fixed>,
    pub rating: Option<RatingOutcome>,
    pub submitted_on: Option<hoptac_core::Date>,
    pub late: bool,
    /// Lines the reviewer changed.
    pub adjusted: usize,
    pub member_scale: Option<MemberScale>,
    /// The axes entered for the year (empty when none).
    pub classification: hoptac_core::evaluation::classification::Classification,
    pub capital_scale: Option<hoptac_core::evaluation::CapitalScale>,
    pub excluded: Option<Msg>,
}

/// How many approved sheets fell in each rating, best first: the year's summary.
pub fn approved_by_rating(rows: &[EvaluationRow]) -> Vec<(hoptac_core::Rating, usize)> {
    let mut counts: std::collections::BTreeMap<std::cmp::Reverse<hoptac_core::Rating>, usize> =
        Default::default();
    for r in rows {
        if let (None, Some(State::Approved), Some(RatingOutcome::Rated(x))) =
            (&r.excluded, r.state, r.rating)
        {
            *counts.entry(std::cmp::Reverse(x)).or_default() += 1;
        }
    }
    counts.into_iter().map(|(k, v)| (k.0, v)).collect()
}

impl App {
    /// Applies one step of the workflow to an organisation's evaluation for a year: the
    /// cooperative (or the office for it) scores and submits; the commune or district
    /// reviews and adjusts with reasons; the district approves and unlocks.
    pub async fn evaluation_step(
        &self,
        actor: &Actor,
        org: &str,
        year: i32,
        rubric_id: Option<&str>,
        step: Step,
    ) -> Result<Evaluation> {
        crate::context::check_year(year)?;
        self.evaluation_steps(actor, org, year, rubric_id, vec![step])
            .await
    }

    /// Several steps at once (a whole sheet of scores): all are applied or none.
    pub async fn evaluation_steps(
        &self,
        actor: &Actor,
        org: &str,
        year: i32,
        rubric_id: Option<&str>,
        steps: Vec<Step>,
    ) -> Result<Evaluation> {
        crate::context::check_year(year)?;
        let needed = steps
            .iter()
            .map(|s| match s {
                Step::SelfScore { .. } | Step::Submit { .. } => Role::Org,
                Step::Adjust { .. } | Step::Review => Role::Commune,
                Step::Approve | Step::Unlock { .. } => Role::Staff,
            })
            .max()
            .unwrap_or(Role::Org);
        let (code, o) = self.org_for(actor, org, Action::Write, needed).await?;
        let report = self
            .store()
            .reports_of(&code)
            .await?
            .into_iter()
            .find(|r| r.year.get() == year);
        if let Some(why) = exclusion(&o, year, report.as_ref()) {
            return Err(AppError::invalid("org_code", org, why));
        }
        let book = self.rubric_book().await?;
        let id = rubric_id.unwrap_or(DEFAULT_RUBRIC);
        let before = self
            .store()
            .evaluations(Some(year))
            .await?
            .into_iter()
            .find(|e| e.org == code && e.evaluation.rubric_id == id);
        // a sheet stays on the version it was started with
        let r = match &before {
            Some(b) => book.version(id, b.evaluation.rubric_version)?,
            None => book.current(id)?,
        };
        let mut e = before
            .as_ref()
            .map(|b| b.evaluation.clone())
            .unwrap_or_else(|| Evaluation::new(r));
        let mut what = "";
        for step in steps {
            let (w, field) = match &step {
                Step::SelfScore { item, .. } => ("self_score", item.clone()),
                Step::Submit { .. } => ("submit", "state".into()),
                Step::Adjust { item, .. } => ("adjust", item.clone()),
                Step::Review => ("review", "state".into()),
                Step::Approve => ("approve", "state".into()),
                Step::Unlock { .. } => ("unlock", "state".into()),
            };
            what = w;
            e.apply(r, step)
                .map_err(|msg| AppError::invalid(field, org, msg))?;
        }
        let mut audit = self.audit_entry(
            actor,
            &format!("evaluate.{what}"),
            "evaluations",
            &format!("{code}/{year}"),
            Some(o.commune),
        );
        audit.before = before.and_then(|b| serde_json::to_string(&b.evaluation).ok());
        audit.after = serde_json::to_string(&e).ok();
        let read_at = self.cached_generation();
        self.store()
            .save_evaluations(
                &[StoredEvaluation {
                    org: code,
                    year,
                    evaluation: e.clone(),
                }],
                &[audit],
            )
            .await?;
        self.wrote_beside_snapshot(read_at).await?;
        Ok(e)
    }

    /// Every cooperative of the scope for a year, evaluated or not, with why not.
    pub async fn evaluations(
        &self,
        actor: &Actor,
        year: i32,
        scope: Option<&str>,
        rubric_id: Option<&str>,
    ) -> Result<Vec<EvaluationRow>> {
        crate::context::check_year(year)?;
        let id = rubric_id.unwrap_or(DEFAULT_RUBRIC);
        // read before the snapshot: a list is never filed under a newer generation than
        // the data it was computed from
        let generation = self.store().generation().await?;
        let full = self.snapshot().await?;
        // a cooperative's account sees its own line
        if let Scope::Org(own) = &actor.account.scope {
            let o = full
                .orgs
                .iter()
                .find(|o| &o.code == own)
                .ok_or_else(|| AppError::not_found("org", own.as_str()))?;
            self.authorize(
                actor,
                Action::Read,
                &Resource::Org {
                    code: own.clone(),
                    commune: o.commune,
                },
            )
            .await?;
            let rows = self
                .evaluation_list(generation, year, Some(o.commune), id)
                .await?;
            return Ok(rows.iter().filter(|r| &r.org == own).cloned().collect());
        }
        let (_, unit) = self.scope_snapshot(actor, scope).await?;
        let rows = self
            .evaluation_list(generation, year, unit.as_ref().map(|u| u.id), id)
            .await?;
        Ok(rows.as_ref().clone())
    }

    /// The list as kept for this generation, or computed and kept.
    async fn evaluation_list(
        &self,
        generation: i64,
        year: i32,
        unit: Option<hoptac_core::model::UnitId>,
        rubric_id: &str,
    ) -> Result<std::sync::Arc<Vec<EvaluationRow>>> {
        use crate::evaluation_memo as memo;
        let key = (year, unit, rubric_id.to_string());
        if let Some(rows) = memo::list(&self.evaluation_memo, generation, &key) {
            return Ok(rows);
        }
        // one computation at a time; whoever waited finds it kept
        let _gate = self.evaluation_gate.lock().await;
        // read again: after a write while waiting, the newest list is the one to give (and
        // the one the others waiting will ask for), not one of an older generation
        let generation = self.store().generation().await?;
        let newest = self.snapshot().await?;
        if let Some(rows) = memo::list(&self.evaluation_memo, generation, &key) {
            return Ok(rows);
        }
        let rows = std::sync::Arc::new(self.evaluation_rows(&newest, year, unit, rubric_id).await?);
        memo::keep_list(&self.evaluation_memo, generation, key, rows.clone());
        Ok(rows)
    }

    /// Stored sheets that cannot be read, each named with its reason: shown above the list,
    /// left out of it. Reading them parses every stored sheet, so the answer is kept for the
    /// generation.
    pub async fn unreadable_evaluations(&self) -> Result<Vec<String>> {
        use crate::evaluation_memo as memo;
        let generation = self.store().generation().await?;
        if let Some(names) = memo::unreadable::<EvaluationRow>(&self.evaluation_memo, generation) {
            return Ok(names.as_ref().clone());
        }
        let names = std::sync::Arc::new(self.store().unreadable_evaluations().await?);
        memo::keep_unreadable::<EvaluationRow>(&self.evaluation_memo, generation, names.clone());
        Ok(names.as_ref().clone())
    }

    async fn evaluation_rows(
        &self,
        full: &hoptac_core::Snapshot,
        year: i32,
        unit: Option<hoptac_core::model::UnitId>,
        rubric_id: &str,
    ) -> Result<Vec<EvaluationRow>> {
        let snap = full.restricted(unit);
        let stored = self.store().evaluations(Some(year)).await?;
        let book = self.rubric_book().await?;
        book.current(rubric_id)?;
        let classified = self.store().classifications(Some(year)).await?;
        // indexed once: a province has thousands of organisations and reports
        let reports: std::collections::HashMap<&OrgCode, &AnnualReport> = snap
            .reports
            .iter()
            .filter(|x| x.year.get() == year)
            .map(|x| (&x.org, x))
            .collect();
        let sheets: std::collections::HashMap<&OrgCode, &Evaluation> = stored
            .iter()
            .filter(|e| e.evaluation.rubric_id == rubric_id)
            .map(|e| (&e.org, &e.evaluation))
            .collect();
        let classified: std::collections::HashMap<&OrgCode, _> =
            classified.iter().map(|c| (&c.org, &c.axes)).collect();
        let unit_names: std::collections::HashMap<_, &str> =
            snap.units.iter().map(|u| (u.id, u.name.as_str())).collect();
        let mut rows = Vec::new();
        for o in snap.orgs.iter().filter(|o| {
            matches!(o.kind, OrgKind::Htx | OrgKind::Lhhtx)
                && o.founded_on <= sheet_due(year)
                && o.dissolved_on.is_none_or(|d| d.year() >= year)
        }) {
            let e = sheets.get(&o.code).copied();
            let sheet = match e {
                Some(e) => book
                    .version(&e.rubric_id, e.rubric_version)?
                    .check_sheet(&e.scores())
                    .ok(),
                None => None,
            };
            let report = reports.get(&o.code).copied();
            rows.push(EvaluationRow {
                org: o.code.clone(),
                name: o.name.clone(),
                commune: unit_names
                    .get(&o.commune)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                state: e.map(|e| e.state),
                total: sheet.as_ref().map(|s| s.total),
                rating: sheet.as_ref().map(|s| s.rating),
                submitted_on: e.and_then(|e| e.submitted_on),
                late: e.is_some_and(|e| e.late(year)),
                adjusted: e.map_or(0, |e| e.adjusted.len()),
                member_scale: report.and_then(|x| x.figures.members).map(MemberScale::of),
                classification: classified
                    .get(&o.code)
                    .map(|c| (*c).clone())
                    .unwrap_or_default(),
                capital_scale: classified
                    .get(&o.code)
                    .and_then(|c| c.capital)
                    .map(hoptac_core::evaluation::CapitalScale::of),
                excluded: exclusion(o, year, report),
            });
        }
        rows.sort_by(|a, b| (&a.commune, &a.org).cmp(&(&b.commune, &b.org)));
        Ok(rows)
    }
}

/// One organisation's sheet for a year as a page shows it.
#[derive(Debug, Clone)]
pub struct SheetView {
    pub org: Organization,
    /// `None`: no sheet yet.
    pub evaluation: Option<Evaluation>,
    /// The version the sheet was made with, or the one a new sheet will use.
    pub rubric: Rubric,
    /// The year's figures, if reported.
    pub report: Option<AnnualReport>,
    /// Why it is not rated, if it is not.
    pub excluded: Option<Msg>,
    /// What the rubric's scoring rules make of the figures.
    pub proposals: Vec<hoptac_core::evaluation::Proposal>,
    /// The classification axes, entered and computed.
    pub axes: hoptac_core::evaluation::classification::Axes,
}

impl App {
    /// One organisation's evaluation for a year by a rubric (the default when `None`), for
    /// whoever may read the organisation.
    pub async fn evaluation_of(
        &self,
        actor: &Actor,
        org: &str,
        year: i32,
        rubric_id: Option<&str>,
    ) -> Result<SheetView> {
        crate::context::check_year(year)?;
        let (code, o) = self.org_for(actor, org, Action::Read, Role::Viewer).await?;
        let id = rubric_id.unwrap_or(DEFAULT_RUBRIC);
        let book = self.rubric_book().await?;
        let e = self
            .store()
            .evaluations(Some(year))
            .await?
            .into_iter()
            .find(|e| e.org == code && e.evaluation.rubric_id == id)
            .map(|e| e.evaluation);
        let rubric = match &e {
            Some(e) => book.version(id, e.rubric_version)?,
            None => book.current(id)?,
        }
        .clone();
        let report = self
            .store()
            .reports_of(&code)
            .await?
            .into_iter()
            .find(|r| r.year.get() == year);
        let proposals = report
            .as_ref()
            .map(|r| hoptac_core::evaluation::propose(&rubric, &r.figures))
            .unwrap_or_default();
        let axes = self
            .classification(&code, year)
            .await?
            .axes(report.as_ref().and_then(|r| r.figures.members));
        Ok(SheetView {
            axes,
            excluded: exclusion(&o, year, report.as_ref()),
            org: o,
            evaluation: e,
            rubric,
            report,
            proposals,
        })
    }
}

impl App {
    /// The self-scoring sheet of a cooperative for a year as a workbook, with its scores so far.
    pub async fn evaluation_sheet_xlsx(
        &self,
        actor: &Actor,
        org: &str,
        year: i32,
        rubric_id: Option<&str>,
    ) -> Result<Vec<u8>> {
        crate::context::check_year(year)?;
        let v = self.evaluation_of(actor, org, year, rubric_id).await?;
        let scores = v.evaluation.map(|e| e.self_scores).unwrap_or_default();
        hoptac_exchange::scoring_sheet::write_sheet(
            &v.rubric,
            &format!("{} ({})", v.org.name, v.org.code),
            year,
            &scores,
        )
        .map_err(|x| AppError::internal(format!("xlsx: {x}")))
    }

    /// Reads a filled sheet back as the cooperative's scores, all lines or none.
    pub async fn import_evaluation_sheet(
        &self,
        actor: &Actor,
        org: &str,
        year: i32,
        rubric_id: Option<&str>,
        bytes: &[u8],
    ) -> Result<Evaluation> {
        crate::context::check_year(year)?;
        let r = self
            .evaluation_of(actor, org, year, rubric_id)
            .await?
            .rubric;
        let book = hoptac_exchange::read::read_xlsx(bytes).map_err(|x| {
            AppError::invalid(
                "file",
                "",
                hoptac_core::msg!("evaluation.unreadable_file", x = x),
            )
        })?;
        let scores = hoptac_exchange::scoring_sheet::read_sheet(&book, &r).map_err(|p| {
            let first = &p[0];
            AppError::invalid(
                format!(
                    "{} {}",
                    first.sheet,
                    first.row.map(|x| x.to_string()).unwrap_or_default()
                ),
                first.value.clone(),
                first.msg.clone(),
            )
        })?;
        let steps = scores
            .into_iter()
            .map(|(item, score)| Step::SelfScore { item, score })
            .collect();
        self.evaluation_steps(actor, org, year, Some(&r.id), steps)
            .await
    }
}
