//! Plans, targets and the indicators offices define: saving (checked), progress, drill-down.

use crate::intent::{FormIntent, expecting, refuse_taken};
use crate::{auth::Actor, context::App, context::find_unit, error::AppError, error::Result};
use hoptac_core::UnitId;
use hoptac_core::auth::{Action, Resource, permits};
use hoptac_core::date::year_end;
use hoptac_core::indicator::{Aggregate, Engine, IndicatorDef, Subject, catalogue};
use hoptac_core::model::{AdminUnit, Snapshot};
use hoptac_core::plan::{Inputs, Plan, Target, TargetProgress, check_plan, check_target, progress};
use hoptac_core::spec::IndicatorRecord;
use hoptac_core::{Fixed, Msg};
use hoptac_store::ChangeSet;
use std::collections::BTreeSet;

/// A plan's progress, target by target.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PlanProgress {
    pub plan: Plan,
    pub scope_name: String,
    /// Figures after this year are ignored (an assessment "as of" a year).
    pub as_of: Option<i32>,
    /// Without `as_of`: the reporting year the assessment stops at, and why.
    pub data_year: Option<hoptac_core::reporting::ReportingYear>,
    pub targets: Vec<TargetProgress>,
    /// When the plan's period crosses a reorganisation: the ground compared at its baseline
    /// and at its last year with figures.
    pub territory_note: Option<hoptac_core::Msg>,
    /// The plan's tasks with what the records show of them.
    pub tasks: Vec<hoptac_core::task_report::TaskLine>,
    /// What the records say of OCOP products, traceability and linkage on the plan's ground
    /// at the assessed year's end (none of a subject the records do not hold).
    #[serde(skip)]
    pub ocop: Vec<hoptac_core::report::Section>,
}

impl PlanProgress {
    /// The day the tasks are assessed as of: today, or the end of the year assessed.
    pub fn tasks_on(&self) -> hoptac_core::Date {
        let today = crate::context::today();
        self.as_of
            .map(hoptac_core::date::year_end)
            .map_or(today, |d| d.min(today))
    }

    /// The assessment as a text; a period across a reorganisation says which ground it
    /// compared in a footnote on the plan's ground.
    pub fn assessment(&self) -> hoptac_core::report::Document {
        let mut doc =
            hoptac_core::report::plan_assessment(&self.plan, &self.targets, &self.scope_name);
        doc.sections.extend(hoptac_core::task_report::task_sections(
            &self.plan,
            &self.tasks,
            self.tasks_on(),
        ));
        doc.sections.extend(self.ocop.clone());
        if let Some(note) = &self.territory_note {
            doc.footnotes.push(note.vi().to_string());
            let n = doc.footnotes.len();
            if let Some(p) = doc
                .sections
                .first_mut()
                .and_then(|s| s.paragraphs.first_mut())
            {
                p.0.push(hoptac_core::report::Inline::Note(n));
            }
        }
        doc
    }
}

/// Who makes up a target's figure.
#[derive(Debug, Clone)]
pub struct Drill {
    pub def: IndicatorDef,
    pub year: i32,
    pub from: i32,
    /// (commune, its value)
    pub by_commune: Vec<(AdminUnit, Option<Fixed>)>,
    /// (code, name, commune name, own value, records, counted)
    pub by_org: Vec<DrillRow>,
}

#[derive(Debug, Clone)]
pub struct DrillRow {
    pub code: String,
    pub name: String,
    pub commune: String,
    pub value: Option<Fixed>,
    pub items: usize,
    pub hits: usize,
}

fn invalid(field: &'static str, value: impl Into<String>, msg: Msg) -> AppError {
    AppError::invalid(field, value, msg)
}

impl App {
    /// The core indicators and those defined as data.
    pub async fn indicator_catalogue(&self) -> Result<Vec<IndicatorDef>> {
        let mut all = catalogue();
        for r in self.store().indicators().await? {
            let d = r
                .to_def()
                .map_err(|m| invalid("definition", r.definition.clone(), m))?;
            all.push(d);
        }
        Ok(all)
    }

    pub async fn indicator_records(&self) -> Result<Vec<IndicatorRecord>> {
        Ok(self.store().indicators().await?)
    }

    /// Checks and saves an indicator defined by an office.
    pub async fn save_indicator(&self, actor: &Actor, r: IndicatorRecord) -> Result<()> {
        self.save_indicator_at(actor, r, None).await
    }

    /// As [`App::save_indicator`], from a form read at `version` (see [`App::row_version`]):
    /// refused, naming who came first, if the indicator changed since.
    pub async fn save_indicator_at(
        &self,
        actor: &Actor,
        r: IndicatorRecord,
        intent: Option<FormIntent>,
    ) -> Result<()> {
        let id = r.id.trim().to_string();
        let owner = self.indicator_owner(actor, &id).await?;
        self.authorize_indicator(actor, &id, owner).await?;
        r.to_def()
            .map_err(|m| invalid("definition", r.definition.clone(), m))?;
        if catalogue().iter().any(|d| d.id == r.id.trim()) {
            return Err(invalid(
                "id",
                r.id.clone(),
                hoptac_core::msg!("plans.core_indicator_fixed", id = r.id),
            ));
        }
        let r = IndicatorRecord {
            id: r.id.trim().to_string(),
            ..r
        };
        let before = self
            .store()
            .indicators()
            .await?
            .into_iter()
            .find(|x| x.id == r.id);
        refuse_taken(
            intent,
            before.is_some(),
            "id",
            &r.id,
            hoptac_core::msg!("intent.what.indicator_id"),
        )?;
        let audit = self.change_entry(actor, "indicators", &r.id, owner, before.as_ref(), &r);
        let r = self
            .apply(&ChangeSet {
                owners: vec![("indicators".into(), r.id.clone(), owner)],
                expect_versions: expecting("indicators", &r.id, intent),
                indicators: vec![r],
                audit: vec![audit],
                ..Default::default()
            })
            .await;
        match r {
            Ok(()) => Ok(()),
            Err(e) => Err(self.stale(e).await),
        }
    }

    /// The owner scope of an indicator: the stored one, or for a new indicator the scope of
    /// the account that defines it (`None`: the installation).
    pub(crate) async fn indicator_owner(
        &self,
        actor: &Actor,
        id: &str,
    ) -> Result<Option<hoptac_core::UnitId>> {
        if self.store().indicators().await?.iter().any(|x| x.id == id) {
            Ok(self
                .store()
                .owner_scopes("indicators")
                .await?
                .get(id)
                .copied())
        } else {
            self.scope_root(actor).await
        }
    }

    /// An indicator may be defined or changed by an account whose scope covers its owner
    /// and every plan whose targets use it: a district cannot redefine what another
    /// district's plan is judged on.
    pub(crate) async fn authorize_indicator(
        &self,
        actor: &Actor,
        id: &str,
        owner: Option<hoptac_core::UnitId>,
    ) -> Result<()> {
        self.authorize(
            actor,
            Action::ManagePlans,
            &owner.map(Resource::Unit).unwrap_or(Resource::Everything),
        )
        .await?;
        let units = self.units().await?;
        for p in self.store().plans().await? {
            let uses = p
                .targets
                .iter()
                .any(|t| t.indicator == id || t.baseline_indicator.as_deref() == Some(id));
            if uses {
                let unit = units.iter().find(|u| u.code == p.scope).map(|u| u.id);
                self.authorize(
                    actor,
                    Action::ManagePlans,
                    &unit.map(Resource::Unit).unwrap_or(Resource::Everything),
                )
                .await?;
            }
        }
        Ok(())
    }

    /// The plans whose scope the actor may read.
    pub async fn plans(&self, actor: &Actor) -> Result<Vec<Plan>> {
        let units = self.units().await?;
        Ok(self
            .store()
            .plans()
            .await?
            .into_iter()
            .filter(|p| {
                units.iter().find(|u| u.code == p.scope).is_some_and(|u| {
                    permits(&actor.account, Action::Read, &Resource::Unit(u.id), &units)
                })
            })
            .collect())
    }

    /// A plan, if the actor may read it (else 403, recorded).
    pub async fn plan(&self, actor: &Actor, code: &str) -> Result<Plan> {
        let plan = self
            .store()
            .plans()
            .await?
            .into_iter()
            .find(|p| p.code == code)
            .ok_or_else(|| AppError::not_found("plan", code))?;
        let unit = self.plan_unit(&plan).await?;
        self.authorize(actor, Action::Read, &Resource::Unit(unit))
            .await?;
        Ok(plan)
    }

    async fn plan_unit(&self, p: &Plan) -> Result<UnitId> {
        let units = self.units().await?;
        Ok(find_unit(&units, &p.scope, Some(hoptac_core::date::year_end(p.to)))?.id)
    }

    pub(crate) fn change_entry<T: serde::Serialize>(
        &self,
        actor: &Actor,
        entity: &str,
        key: &str,
        unit: Option<UnitId>,
        before: Option<&T>,
        after: &T,
    ) -> hoptac_store::AuditEntry {
        let mut e = self.audit_entry(
            actor,
            if before.is_some() { "update" } else { "create" },
            entity,
            key,
            unit,
        );
        e.before = before.and_then(|b| serde_json::to_string(b).ok());
        e.after = serde_json::to_string(after).ok();
        e
    }

    /// Saves a plan's own fields; its targets stay as they are.
    pub async fn save_plan(&self, actor: &Actor, p: Plan) -> Result<()> {
        self.save_plan_at(actor, p, None).await
    }

    /// As [`App::save_plan`], from a form read at `version`.
    pub async fn save_plan_at(
        &self,
        actor: &Actor,
        p: Plan,
        intent: Option<FormIntent>,
    ) -> Result<()> {
        if let Some((field, msg)) = check_plan(&p).into_iter().next() {
            let value = match field {
                "code" => p.code.clone(),
                "title" => p.title.clone(),
                "baseline_year" => p.baseline_year.to_string(),
                _ => format!("{}–{}", p.from, p.to),
            };
            return Err(invalid(field, value, msg));
        }
        let units = self.units().await?;
        if let Err(AppError::Invalid { value, msg, .. }) =
            find_unit(&units, &p.scope, Some(hoptac_core::date::year_end(p.to)))
        {
            return Err(invalid("scope", value, msg));
        }
        let scope_unit =
            find_unit(&units, &p.scope, Some(hoptac_core::date::year_end(p.to)))?.clone();
        self.authorize(actor, Action::ManagePlans, &Resource::Unit(scope_unit.id))
            .await?;
        let before = self
            .store()
            .plans()
            .await?
            .into_iter()
            .find(|x| x.code == p.code)
            .map(|x| Plan {
                targets: vec![],
                offices: vec![],
                tasks: vec![],
                ..x
            });
        refuse_taken(
            intent,
            before.is_some(),
            "code",
            &p.code,
            hoptac_core::msg!("intent.what.plan_code"),
        )?;
        if let Some(old) = &before {
            // moving a plan out of one's scope is as much a change there
            let old_unit = self.plan_unit(old).await?;
            self.authorize(actor, Action::ManagePlans, &Resource::Unit(old_unit))
                .await?;
        }
        let unit = scope_unit.code.clone();
        // A baseline the data cannot reach makes every status meaningless. An empty database
        // is allowed: an office may enter its plan before loading its figures.
        let snap = self.snapshot().await?;
        let years: Vec<i32> = snap.reports.iter().map(|r| r.year.get()).collect();
        if let (Some(lo), Some(hi)) = (years.iter().min(), years.iter().max())
            && (p.baseline_year < *lo || p.baseline_year > hi + 1)
        {
            return Err(invalid(
                "baseline_year",
                p.baseline_year.to_string(),
                hoptac_core::msg!(
                    "plans.baseline_outside_data",
                    baseline_year = p.baseline_year,
                    lo = lo,
                    hi = hi
                ),
            ));
        }
        let plan = Plan {
            targets: vec![],
            offices: vec![],
            tasks: vec![],
            scope: unit,
            ..p
        };
        let audit = self.change_entry(
            actor,
            "plans",
            &plan.code,
            Some(scope_unit.id),
            before.as_ref(),
            &plan,
        );
        let versions = expecting("plans", &plan.code, intent);
        let r = self
            .apply(&ChangeSet {
                plans: vec![plan],
                audit: vec![audit],
                expect_versions: versions,
                ..Default::default()
            })
            .await;
        match r {
            Ok(()) => Ok(()),
            Err(e) => Err(self.stale(e).await),
        }
    }

    /// Saves one target (new or changed) of an existing plan; the others stay.
    pub async fn save_target(&self, actor: &Actor, plan_code: &str, t: Target) -> Result<()> {
        self.save_target_at(actor, plan_code, t, None).await
    }

    /// As [`App::save_target`], from a form read at `version`.
    pub async fn save_target_at(
        &self,
        actor: &Actor,
        plan_code: &str,
        t: Target,
        intent: Option<FormIntent>,
    ) -> Result<()> {
        let plan = self.plan(actor, plan_code).await?;
        let unit = self.plan_unit(&plan).await?;
        self.authorize(actor, Action::ManagePlans, &Resource::Unit(unit))
            .await?;
        let cat = self.indicator_catalogue().await?;
        let def = cat.iter().find(|d| d.id == t.indicator);
        if let Some((field, msg)) = check_target(&t, def).into_iter().next() {
            let value = match field {
                "indicator" => t.indicator.clone(),
                "value_hi" => t.value_hi.map(|v| v.to_string()).unwrap_or_default(),
                "no" => t.no.clone(),
                "wording" => t.wording.clone(),
                _ => t.value.to_string(),
            };
            return Err(invalid(field, value, msg));
        }
        if let Some(b) = &t.baseline_indicator
            && !cat.iter().any(|d| &d.id == b)
        {
            return Err(invalid(
                "baseline_indicator",
                b.clone(),
                hoptac_core::msg!("plans.no_such_indicator_in_definition", b = b),
            ));
        }
        let before = plan.targets.iter().find(|x| x.no == t.no);
        refuse_taken(
            intent,
            before.is_some(),
            "no",
            &t.no,
            hoptac_core::msg!("intent.what.target_number"),
        )?;
        let audit = self.change_entry(
            actor,
            "targets",
            &format!("{plan_code}/{}", t.no),
            Some(unit),
            before,
            &t,
        );
        let versions = expecting("targets", &format!("{plan_code}/{}", t.no), intent);
        let r = self
            .apply(&ChangeSet {
                targets: vec![(plan_code.to_string(), t)],
                audit: vec![audit],
                expect_versions: versions,
                ..Default::default()
            })
            .await;
        match r {
            Ok(()) => Ok(()),
            Err(e) => Err(self.stale(e).await),
        }
    }

    /// Progress of every target of a plan; with `as_of`, figures after that year are ignored.
    pub async fn plan_progress(
        &self,
        actor: &Actor,
        code: &str,
        as_of: Option<i32>,
    ) -> Result<PlanProgress> {
        let plan = self.plan(actor, code).await?;
        if let Some(y) = as_of
            && !(plan.baseline_year..=plan.to).contains(&y)
        {
            return Err(invalid(
                "year",
                y.to_string(),
                hoptac_core::msg!(
                    "plans.milestone_outside_plan",
                    y = y,
                    baseline_year = plan.baseline_year,
                    to = plan.to
                ),
            ));
        }
        let cat = self.indicator_catalogue().await?;
        let snap = self.snapshot().await?;
        let unit = find_unit(
            &snap.units,
            &plan.scope,
            Some(hoptac_core::date::year_end(plan.to)),
        )?
        .clone();
        let engine = Engine::scoped(&snap, Some(unit.id));
        let in_scope: BTreeSet<_> = snap.subtree(unit.id);
        let orgs_in: BTreeSet<&str> = snap
            .orgs
            .iter()
            .filter(|o| in_scope.contains(&o.commune))
            .map(|o| o.code.as_str())
            .collect();
        let report_years: BTreeSet<i32> = snap
            .reports
            .iter()
            .filter(|r| orgs_in.contains(r.org.as_str()))
            .map(|r| r.year.get())
            .collect();
        let data_year = match as_of {
            Some(_) => None,
            None => hoptac_core::reporting::reporting_year(
                &snap,
                Some(&in_scope),
                crate::context::today(),
            ),
        };
        let until = as_of.or(data_year.as_ref().map(|y| y.year));
        let mut targets = Vec::new();
        for t in &plan.targets {
            let def = cat.iter().find(|d| d.id == t.indicator).ok_or_else(|| {
                invalid(
                    "indicator",
                    t.indicator.clone(),
                    hoptac_core::msg!("plans.no_such_indicator", indicator = t.indicator),
                )
            })?;
            let values = |y: i32| {
                if def.subject.is_flow() {
                    engine.evaluate(def, plan.from, y).value
                } else {
                    engine.at(def, y)
                }
            };
            let has = |y: i32| report_years.contains(&y) && until.is_none_or(|a| y <= a);
            let baseline_other = t
                .baseline_indicator
                .as_ref()
                .filter(|b| **b != t.indicator)
                .map(|b| {
                    let v = cat
                        .iter()
                        .find(|d| &d.id == b)
                        .and_then(|d| engine.at(d, plan.baseline_year));
                    (b.clone(), v)
                });
            let latest = (plan.baseline_year..=plan.to).rev().find(|y| has(*y));
            let coverage = latest.and_then(|y| coverage(&snap, &in_scope, def, y));
            targets.push(progress(
                &plan,
                t,
                &Inputs {
                    def,
                    values: &values,
                    baseline_other,
                    years_with_data: &has,
                    coverage,
                },
            ));
        }
        let last = targets
            .iter()
            .filter_map(|t| t.latest.as_ref().map(|l| l.year))
            .max();
        let territory_note = last.and_then(|y| {
            hoptac_core::territory::crossing_note(&snap, unit.id, plan.baseline_year, y)
        });
        let on = as_of
            .map(hoptac_core::date::year_end)
            .map_or(crate::context::today(), |d| d.min(crate::context::today()));
        let tasks = crate::plan_tasks::task_lines(&plan, &snap, &cat, on)?;
        let engine = hoptac_core::indicator::Engine::scoped(&snap, Some(unit.id));
        let ocop =
            (hoptac_core::ocop_report::section(&engine, plan.from, on.year(), "Sản phẩm OCOP")
                .into_iter())
            .chain(hoptac_core::chain_report::section(
                &engine,
                on.year(),
                "Liên kết chuỗi giá trị, truy xuất nguồn gốc",
            ))
            .collect();
        Ok(PlanProgress {
            ocop,
            tasks,
            scope_name: unit.name.clone(),
            plan,
            as_of,
            data_year,
            targets,
            territory_note,
        })
    }

    /// Who makes up a target's figure in a year: each commune's value and each
    /// organisation's part.
    pub async fn target_drill(
        &self,
        actor: &Actor,
        code: &str,
        no: &str,
        year: Option<i32>,
    ) -> Result<Drill> {
        let plan = self.plan(actor, code).await?;
        let t = plan
            .targets
            .iter()
            .find(|t| t.no == no)
            .ok_or_else(|| AppError::not_found("target", format!("{code} / {no}")))?;
        let cat = self.indicator_catalogue().await?;
        let def = cat
            .into_iter()
            .find(|d| d.id == t.indicator)
            .ok_or_else(|| AppError::not_found("indicator", t.indicator.clone()))?;
        let snap = self.snapshot().await?;
        let unit = find_unit(
            &snap.units,
            &plan.scope,
            Some(hoptac_core::date::year_end(plan.to)),
        )?
        .clone();
        let latest = hoptac_core::reporting::reporting_year(
            &snap,
            Some(&snap.subtree(unit.id)),
            crate::context::today(),
        )
        .map(|y| y.year.min(plan.to))
        .unwrap_or(plan.to);
        let year = year.unwrap_or(latest);
        if !(plan.baseline_year..=plan.to).contains(&year) {
            return Err(invalid(
                "year",
                year.to_string(),
                hoptac_core::msg!("plans.year_outside_plan", year = year),
            ));
        }
        let from = if def.subject.is_flow() {
            plan.from
        } else {
            year
        };
        let value_at = |e: &Engine<'_>| {
            if def.subject.is_flow() {
                e.evaluate(&def, plan.from, year).value
            } else {
                e.at(&def, year)
            }
        };
        // after a reorganisation: the communes of the plan's ground in the year drilled (the
        // new ones for 2025, the old ones for 2020), each counted on its own ground
        let mut by_commune: Vec<(AdminUnit, Option<Fixed>)> = if snap.changes.is_empty() {
            Engine::per_commune(&snap, Some(unit.id))
                .into_iter()
                .map(|(u, e)| (u.clone(), value_at(&e)))
                .collect()
        } else {
            let map = hoptac_core::territory::UnitMap::new(&snap.units, &snap.changes, &snap.moves);
            map.territory(unit.id, hoptac_core::date::year_end(year))
                .communes()
                .filter_map(|c| snap.unit(c).cloned())
                .map(|u| {
                    let v = value_at(&Engine::scoped(&snap, Some(u.id)));
                    (u, v)
                })
                .collect()
        };
        by_commune.sort_by_key(|(u, _)| hoptac_core::text::fold_unit_name(&u.name));
        let commune_names: std::collections::HashMap<_, &str> =
            snap.units.iter().map(|u| (u.id, u.name.as_str())).collect();
        let engine = Engine::scoped(&snap, Some(unit.id));
        let mut by_org: Vec<DrillRow> = engine
            .contributions(&def, from, year)
            .into_iter()
            .map(|c| DrillRow {
                code: c.org.code.to_string(),
                name: c.org.name.clone(),
                commune: commune_names
                    .get(&c.org.commune)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                value: match def.aggregate {
                    Aggregate::SharePct(_) if def.subject == Subject::ActiveManagers => {
                        Fixed::ratio(c.hits as i128 * 100, c.items as i128, 2)
                    }
                    _ => c.value,
                },
                items: c.items,
                hits: c.hits,
            })
            .collect();
        by_org.sort_by(|a, b| {
            a.value
                .cmp(&b.value)
                .then(a.hits.cmp(&b.hits))
                .then_with(|| a.name.cmp(&b.name))
        });
        Ok(Drill {
            def,
            year,
            from,
            by_commune,
            by_org,
        })
    }
}

/// "Some records are missing" remarks: organisations without a report, or without any
/// manager on file, in the year the assessment rests on.
fn coverage(
    snap: &Snapshot,
    scope: &BTreeSet<hoptac_core::UnitId>,
    def: &IndicatorDef,
    year: i32,
) -> Option<Msg> {
    let end = year_end(year);
    let active: Vec<_> = snap
        .orgs
        .iter()
        .filter(|o| def.kinds.contains(&o.kind) && scope.contains(&o.commune) && o.active_on(end))
        .collect();
    match def.subject {
        Subject::ActiveManagers => {
            let with: BTreeSet<&str> = snap
                .managers
                .iter()
                .filter(|m| m.in_office_on(end))
                .map(|m| m.org.as_str())
                .collect();
            let missing = active
                .iter()
                .filter(|o| !with.contains(o.code.as_str()))
                .count();
            (missing > 0).then(|| {
                hoptac_core::msg!(
                    "plans.managers_missing",
                    missing = missing,
                    active = active.len(),
                    year = year
                )
            })
        }
        Subject::ActiveOrgs
            if matches!(
                def.aggregate,
                Aggregate::Avg(_) | Aggregate::Sum(_) | Aggregate::SharePct(_)
            ) =>
        {
            let reported: BTreeSet<&str> = snap
                .reports
                .iter()
                .filter(|r| r.year.get() == year)
                .map(|r| r.org.as_str())
                .collect();
            let missing = active
                .iter()
                .filter(|o| !reported.contains(o.code.as_str()))
                .count();
            (missing > 0).then(|| {
                hoptac_core::msg!(
                    "plans.reports_missing",
                    missing = missing,
                    active = active.len(),
                    year = year
                )
            })
        }
        _ => None,
    }
}
