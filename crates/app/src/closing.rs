//! Closing a plan (tổng kết): the final assessment on the plan's ground as it is at the
//! plan's end (the former district: now its new communes), each target's figures by those
//! units, and the draft of the next plan for one of them.

use crate::auth::Actor;
use crate::context::{App, find_unit};
use crate::error::{AppError, Result};
use crate::intent::FormIntent;
use crate::plans::PlanProgress;
use hoptac_core::auth::{Action, Resource};
use hoptac_core::closing::{Proposal, Series, TargetUnits, UnitFigure, draft_next};
use hoptac_core::date::{to_vi, year_end};
use hoptac_core::indicator::{Engine, IndicatorDef};
use hoptac_core::model::{AdminUnit, UnitId};
use hoptac_core::plan::{Plan, TargetProgress};
use hoptac_core::report::Document;
use hoptac_core::territory::UnitMap;
use hoptac_core::{Fixed, Snapshot};

/// A plan's final assessment, with what it is counted on.
pub struct PlanClosing {
    pub progress: PlanProgress,
    /// One sentence: the plan's unit, what it became, how the figures are counted.
    pub territory: String,
    /// The units that make up the plan's ground at its end.
    pub units: Vec<AdminUnit>,
    pub by_unit: Vec<TargetUnits>,
}

impl PlanClosing {
    pub fn document(&self) -> Document {
        let mut doc = hoptac_core::closing::final_report(
            &self.progress.plan,
            &self.progress.targets,
            &self.progress.scope_name,
            &self.territory,
            &self.by_unit,
        );
        let first = doc.sections.len() + 1;
        let tasks = hoptac_core::task_report::task_sections(
            &self.progress.plan,
            &self.progress.tasks,
            self.progress.tasks_on(),
        );
        // the final report numbers its sections; the tasks follow on
        doc.sections.extend(
            (tasks.into_iter().chain(self.progress.ocop.clone()))
                .enumerate()
                .map(|(i, mut s)| {
                    s.heading = format!("{}. {}", first + i, s.heading);
                    s
                }),
        );
        doc
    }
}

/// The next plan as proposed for one unit.
pub struct NextPlanDraft {
    pub plan: Plan,
    pub proposals: Vec<Proposal>,
    pub territory: String,
}

impl NextPlanDraft {
    pub fn document(&self) -> Document {
        hoptac_core::closing::draft_document(&self.plan, &self.proposals, &self.territory)
    }
}

fn value(engine: &Engine<'_>, def: &IndicatorDef, from: i32, y: i32) -> Option<Fixed> {
    if def.subject.is_flow() {
        engine.evaluate(def, from, y).value
    } else {
        engine.at(def, y)
    }
}

fn names(units: &[AdminUnit]) -> String {
    units
        .iter()
        .map(|u| u.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The units making up `scope`'s ground on `d`, by name.
fn ground_units(snap: &Snapshot, scope: UnitId, d: hoptac_core::Date) -> Vec<AdminUnit> {
    let map = UnitMap::new(&snap.units, &snap.changes, &snap.moves);
    let mut v: Vec<AdminUnit> = map
        .territory(scope, d)
        .communes()
        .filter_map(|id| map.unit(id).cloned())
        .collect();
    v.sort_by(|a, b| a.name.cmp(&b.name));
    v
}

fn territory_sentence(unit: &AdminUnit, ground: &[AdminUnit], end: hoptac_core::Date) -> String {
    match unit.valid_to.filter(|t| *t < end) {
        Some(t) => format!(
            "Kế hoạch ban hành cho {} (đến {}). Sau ngày đó địa bàn này gồm {} đơn vị: {}. \
             Số liệu mọi năm của kỳ được tính trên cùng địa bàn ấy: các đơn vị cũ trước ngày \
             sắp xếp, các đơn vị mới từ ngày sắp xếp.",
            unit.name,
            to_vi(t),
            ground.len(),
            names(ground)
        ),
        None => format!(
            "Địa bàn: {} ({} đơn vị cấp xã: {}).",
            unit.name,
            ground.len(),
            names(ground)
        ),
    }
}

impl App {
    /// The final assessment of a plan: every target over the whole period on the plan's
    /// ground, and each target's figures by the units making up that ground at the end.
    pub async fn plan_closing(&self, actor: &Actor, code: &str) -> Result<PlanClosing> {
        let progress = self.plan_progress(actor, code, None).await?;
        let plan = &progress.plan;
        let snap = self.snapshot().await?;
        let end = year_end(plan.to);
        let unit = find_unit(&snap.units, &plan.scope, Some(end))?.clone();
        let ground = ground_units(&snap, unit.id, end);
        let cat = self.indicator_catalogue().await?;
        let engines: Vec<(AdminUnit, Engine<'_>)> = ground
            .iter()
            .map(|u| (u.clone(), Engine::scoped(&snap, Some(u.id))))
            .collect();
        let by_unit = progress
            .targets
            .iter()
            .filter_map(|p: &TargetProgress| {
                let def = cat.iter().find(|d| d.id == p.target.indicator)?;
                let latest = p.latest.as_ref().map(|l| l.year);
                let units = engines
                    .iter()
                    .map(|(u, e)| UnitFigure {
                        code: u.code.clone(),
                        name: u.name.clone(),
                        base: if p.flow {
                            Some(Fixed::ZERO)
                        } else {
                            e.at(def, plan.baseline_year)
                        },
                        latest: latest.and_then(|y| value(e, def, plan.from, y)),
                    })
                    .collect();
                Some(TargetUnits {
                    no: p.target.no.clone(),
                    latest_year: latest,
                    units,
                })
            })
            .collect();
        Ok(PlanClosing {
            territory: territory_sentence(&unit, &ground, end),
            units: ground,
            by_unit,
            progress,
        })
    }

    /// The next plan (`from`–`to`) for one unit, each target of `code` proposed from the
    /// trend of that unit's ground; read only.
    pub async fn next_plan_draft(
        &self,
        actor: &Actor,
        code: &str,
        unit_ref: &str,
        (from, to): (i32, i32),
    ) -> Result<NextPlanDraft> {
        let progress = self.plan_progress(actor, code, None).await?;
        let old = &progress.plan;
        if from <= old.baseline_year || to < from {
            return Err(AppError::invalid(
                "from",
                format!("{from}–{to}"),
                hoptac_core::msg!("plan.invalid_period", from = from, to = to),
            ));
        }
        let snap = self.snapshot().await?;
        let baseline_end = year_end(from - 1);
        let unit = find_unit(&snap.units, unit_ref, Some(baseline_end))?.clone();
        self.authorize(actor, Action::Read, &Resource::Unit(unit.id))
            .await?;
        let cat = self.indicator_catalogue().await?;
        let engine = Engine::scoped(&snap, Some(unit.id));
        let last_data = progress
            .targets
            .iter()
            .filter_map(|p| p.latest.as_ref().map(|l| l.year))
            .max()
            .unwrap_or(old.baseline_year)
            .min(from - 1);
        let mut series = Vec::new();
        for p in &progress.targets {
            let Some(def) = cat.iter().find(|d| d.id == p.target.indicator) else {
                continue;
            };
            let first = if p.flow { old.from } else { old.baseline_year };
            let values: Vec<(i32, Fixed)> = (first..=last_data)
                .filter_map(|y| value(&engine, def, old.from, y).map(|v| (y, v)))
                .collect();
            series.push(Series {
                progress: p,
                values,
            });
        }
        let (plan, proposals) = draft_next(old, &unit.code, &unit.name, (from, to), &series);
        let ground = ground_units(&snap, unit.id, baseline_end);
        let territory = match hoptac_core::territory::crossing_note(
            &snap,
            unit.id,
            old.baseline_year,
            from - 1,
        ) {
            Some(note) => format!("{}.", note.vi()),
            None => format!("Địa bàn: {} ({}).", unit.name, names(&ground)),
        };
        Ok(NextPlanDraft {
            plan,
            proposals,
            territory,
        })
    }

    /// Stores the draft as a new plan, with its targets, in one transaction (refused if
    /// its code is taken: the office's edits of an earlier draft are never overwritten).
    pub async fn save_next_plan(
        &self,
        actor: &Actor,
        code: &str,
        unit_ref: &str,
        period: (i32, i32),
    ) -> Result<Plan> {
        let draft = self.next_plan_draft(actor, code, unit_ref, period).await?;
        let plan = draft.plan;
        if let Some((field, msg)) = hoptac_core::plan::check_plan(&plan).into_iter().next() {
            return Err(AppError::invalid(field, plan.code.clone(), msg));
        }
        let cat = self.indicator_catalogue().await?;
        for t in &plan.targets {
            let def = cat.iter().find(|d| d.id == t.indicator);
            if let Some((field, msg)) = hoptac_core::plan::check_target(t, def).into_iter().next() {
                return Err(AppError::invalid(field, t.no.clone(), msg));
            }
        }
        let units = self.units().await?;
        let unit = find_unit(&units, &plan.scope, Some(year_end(plan.to)))?.clone();
        self.authorize(actor, Action::ManagePlans, &Resource::Unit(unit.id))
            .await?;
        let taken = self
            .store()
            .plans()
            .await?
            .iter()
            .any(|p| p.code == plan.code);
        crate::intent::refuse_taken(
            Some(FormIntent::Create),
            taken,
            "code",
            &plan.code,
            hoptac_core::msg!("intent.what.plan_code"),
        )?;
        let own = Plan {
            targets: vec![],
            offices: vec![],
            tasks: vec![],
            ..plan.clone()
        };
        let mut audit =
            vec![self.change_entry(actor, "plans", &plan.code, Some(unit.id), None, &own)];
        for t in &plan.targets {
            let key = format!("{}/{}", plan.code, t.no);
            audit.push(self.change_entry(actor, "targets", &key, Some(unit.id), None, t));
        }
        self.apply(&hoptac_store::ChangeSet {
            plans: vec![own],
            targets: plan
                .targets
                .iter()
                .map(|t| (plan.code.clone(), t.clone()))
                .collect(),
            audit,
            expect_versions: crate::intent::expecting(
                "plans",
                &plan.code,
                Some(FormIntent::Create),
            ),
            ..Default::default()
        })
        .await?;
        Ok(plan)
    }
}

impl App {
    /// The final assessment's Excel annex: the targets year by year, and each target's
    /// figures by the units now making up the plan's ground.
    pub async fn plan_closing_xlsx(&self, actor: &Actor, code: &str) -> Result<Vec<u8>> {
        use hoptac_core::indicator::Unit;
        use hoptac_exchange::tables::{Cell, TableSheet, write_tables};
        let c = self.plan_closing(actor, code).await?;
        let cell = |v: Option<Fixed>, unit: Unit| match (v, unit) {
            (None, _) => Cell::Empty,
            (Some(x), Unit::Percent) => Cell::Pct(x),
            (Some(x), _) if x.is_integer() => Cell::Int(x.micros() / 1_000_000),
            (Some(x), _) => Cell::Number(x),
        };
        let mut rows = Vec::new();
        for p in &c.progress.targets {
            let Some(by) = c.by_unit.iter().find(|b| b.no == p.target.no) else {
                continue;
            };
            for u in &by.units {
                rows.push(vec![
                    Cell::Text(p.target.no.clone()),
                    Cell::Text(p.label_vi.clone()),
                    Cell::Text(u.name.clone()),
                    Cell::Text(u.code.clone()),
                    cell(u.base, p.unit),
                    cell(u.latest, p.unit),
                    cell(u.change(), p.unit),
                ]);
            }
        }
        let plan = &c.progress.plan;
        let by_unit = TableSheet {
            name: "Theo đơn vị".into(),
            title: format!(
                "PHỤ LỤC: CHỈ TIÊU THEO ĐƠN VỊ HÀNH CHÍNH HIỆN NAY — {}",
                plan.title.to_uppercase()
            ),
            subtitle: c.territory.clone(),
            headers: [
                "Chỉ tiêu",
                "Nội dung",
                "Đơn vị hành chính",
                "Mã",
                &format!("Năm gốc {}", plan.baseline_year),
                "Năm gần nhất",
                "Thay đổi",
            ]
            .map(String::from)
            .to_vec(),
            rows,
            total_row: false,
        };
        let tasks = crate::plan_tasks::task_sheet(plan, &c.progress.tasks);
        write_tables(&[crate::documents::plan_sheet(&c.progress), by_unit, tasks])
            .map_err(|e| AppError::internal(format!("xlsx: {e}")))
    }
}
