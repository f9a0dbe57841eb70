//! The tasks of a plan as an office follows them: each with what the records show (the
//! figures of its evidence indicators over the plan's years so far, on the plan's ground,
//! and the organisations behind them), the status the records suggest, and the status its
//! office sets with a reason — checked against the version it read, audited, refused
//! (and audited) outside the plan's scope.

use crate::auth::Actor;
use crate::context::{App, find_unit};
use crate::error::{AppError, Result};
use hoptac_core::Snapshot;
use hoptac_core::auth::{Action, Resource};
use hoptac_core::date::year_end;
use hoptac_core::indicator::{Aggregate, Engine, IndicatorDef};
use hoptac_core::plan::Plan;
use hoptac_core::plan::tasks::suggested;
use hoptac_core::task_report::{Evidence, NAMES_SHOWN, TaskLine};
use hoptac_core::types::TaskStatus;
use hoptac_store::ChangeSet;

const ENTITY: &str = "plan_tasks";

/// The audit key of a task.
pub fn task_key(plan: &str, number: &str) -> String {
    format!("{plan}/{number}")
}

/// Every task of `plan` with its evidence measured on the plan's ground, over the plan's
/// years up to `today`'s (or its last year).
pub(crate) fn task_lines(
    plan: &Plan,
    snap: &Snapshot,
    cat: &[IndicatorDef],
    today: hoptac_core::Date,
) -> Result<Vec<TaskLine>> {
    if plan.tasks.is_empty() {
        return Ok(Vec::new());
    }
    let unit = find_unit(&snap.units, &plan.scope, Some(year_end(plan.to)))?;
    let engine = Engine::scoped(snap, Some(unit.id));
    let to = today.year().clamp(plan.from, plan.to);
    let ended = today > year_end(plan.to);
    let names: std::collections::HashMap<&str, &str> = (snap.orgs.iter())
        .map(|o| (o.code.as_str(), o.name.as_str()))
        .collect();
    // a stock is read at the last year with reports (the current year has none until its
    // reports come in); a flow counts every record of the years so far
    let reported = (snap.reports.iter())
        .map(|r| r.year.get())
        .filter(|y| (plan.from..=to).contains(y))
        .max()
        .unwrap_or(to);
    let measure = |def: &IndicatorDef| {
        let to = if def.subject.is_flow() { to } else { reported };
        let value = engine.evaluate(def, plan.from, to).value;
        // who makes up a count or a sum; a share or an average has no list to give
        let (names, more) = match def.aggregate {
            Aggregate::Count | Aggregate::Sum(_) => {
                let mut parts: Vec<_> = (engine.contributions(def, plan.from, to).into_iter())
                    .filter(|c| c.hits > 0 && c.value.is_none_or(|v| v.is_positive()))
                    .collect();
                parts.sort_by_key(|c| std::cmp::Reverse((c.value, c.hits)));
                let n = parts.len();
                let shown: Vec<String> = (parts.iter().take(NAMES_SHOWN))
                    .map(|c| names.get(c.org.code.as_str()).unwrap_or(&"").to_string())
                    .collect();
                (shown, n.saturating_sub(NAMES_SHOWN))
            }
            _ => (Vec::new(), 0),
        };
        Evidence {
            id: def.id.clone(),
            label_vi: def.label_vi.clone(),
            unit: def.unit,
            value,
            names,
            more,
        }
    };
    Ok(plan
        .tasks
        .iter()
        .map(|k| {
            let evidence: Vec<Evidence> = (k.evidence.iter())
                .filter_map(|id| cat.iter().find(|d| d.id == *id))
                .map(measure)
                .collect();
            let shown: Vec<(String, Option<hoptac_core::Fixed>)> =
                evidence.iter().map(|e| (e.id.clone(), e.value)).collect();
            TaskLine {
                suggested: suggested(&shown, ended),
                task: k.clone(),
                evidence,
            }
        })
        .collect())
}

impl App {
    /// A plan the actor may read, with its tasks measured.
    pub async fn plan_tasks(&self, actor: &Actor, code: &str) -> Result<(Plan, Vec<TaskLine>)> {
        let plan = self.plan(actor, code).await?;
        let snap = self.snapshot().await?;
        let cat = self.indicator_catalogue().await?;
        let lines = task_lines(&plan, &snap, &cat, crate::context::today())?;
        Ok((plan, lines))
    }

    /// Whether the actor may set the statuses of the plan's tasks (see [`App::authorize_plan_tasks`]).
    pub async fn may_manage_plan(&self, actor: &Actor, plan: &Plan) -> bool {
        let Ok(units) = self.units().await else {
            return false;
        };
        let unit = find_unit(&units, &plan.scope, Some(year_end(plan.to))).map(|u| u.id);
        actor.account.role >= hoptac_core::auth::Role::Staff
            && unit.is_ok_and(|u| {
                hoptac_core::auth::permits(
                    &actor.account,
                    Action::Write,
                    &Resource::Unit(u),
                    &units,
                )
            })
    }

    /// Whether the actor may set the statuses of the plan's tasks — the staff of the plan's
    /// unit and the offices above (following a plan is daily work; changing it is the
    /// administrator's): refused (403, audited) otherwise.
    pub async fn authorize_plan_tasks(&self, actor: &Actor, plan: &Plan) -> Result<()> {
        let units = self.units().await?;
        let unit = find_unit(&units, &plan.scope, Some(year_end(plan.to)))?.id;
        if actor.account.role < hoptac_core::auth::Role::Staff {
            let key = plan.code.clone();
            let e = self.audit_entry(actor, "refused", ENTITY, &key, Some(unit));
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        self.authorize(actor, Action::Write, &Resource::Unit(unit))
            .await
    }

    /// Sets where a task stands, with the reason, at the version read.
    pub async fn save_task_status(
        &self,
        actor: &Actor,
        code: &str,
        number: &str,
        status: TaskStatus,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let plan = self.plan(actor, code).await?;
        self.authorize_plan_tasks(actor, &plan).await?;
        let units = self.units().await?;
        let unit = find_unit(&units, &plan.scope, Some(year_end(plan.to)))?.id;
        let Some(before) = plan.tasks.iter().find(|t| t.number == number).cloned() else {
            return Err(AppError::not_found("task", number));
        };
        let reason = crate::auth::bounded(reason.trim(), hoptac_core::plan::tasks::NAME_MAX);
        if status != TaskStatus::NotStarted && reason.is_empty() {
            return Err(AppError::invalid(
                "reason",
                "",
                hoptac_core::msg!("task.reason_required"),
            ));
        }
        let after = hoptac_core::plan::PlanTask {
            status,
            reason,
            ..before.clone()
        };
        if after == before {
            return Ok(());
        }
        let _turn = self.write_gate.lock().await;
        let key = task_key(code, number);
        let audit = self.change_entry(actor, ENTITY, &key, Some(unit), Some(&before), &after);
        let c = ChangeSet {
            plan_tasks: vec![(code.to_string(), after)],
            expect_versions: vec![(ENTITY.into(), key, version)],
            audit: vec![audit],
            ..Default::default()
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(()),
        }
    }
}

/// The tasks as a sheet of a workbook: number, group, task, offices, status, reason,
/// suggestion, evidence.
pub(crate) fn task_sheet(plan: &Plan, lines: &[TaskLine]) -> hoptac_exchange::tables::TableSheet {
    use hoptac_exchange::tables::{Cell, TableSheet};
    let on = crate::context::today();
    let offices = |codes: &[String]| {
        codes
            .iter()
            .map(|c| match plan.offices.iter().find(|o| o.code == *c) {
                Some(o) => hoptac_core::plan::tasks::office_label(o, on),
                None => c.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let rows = lines
        .iter()
        .map(|l| {
            let k = &l.task;
            let evidence = (l.evidence.iter())
                .map(|e| match e.value {
                    Some(v) => format!("{}: {}", e.label_vi, hoptac_core::plan::fmt(v, e.unit)),
                    None => format!("{}: —", e.label_vi),
                })
                .collect::<Vec<_>>()
                .join("; ");
            vec![
                Cell::Text(k.number.clone()),
                Cell::Text(k.group.clone()),
                Cell::Text(k.text.clone()),
                Cell::Text(offices(&k.lead)),
                Cell::Text(offices(&k.partners)),
                Cell::Text(k.status.label_vi().into()),
                Cell::Text(k.reason.clone()),
                Cell::Text(
                    l.suggested
                        .map(|s| s.label_vi().to_string())
                        .unwrap_or_default(),
                ),
                Cell::Text(evidence),
            ]
        })
        .collect();
    TableSheet {
        name: "Nhiệm vụ".into(),
        title: format!(
            "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ — {}",
            plan.title.to_uppercase()
        ),
        subtitle: format!(
            "Giai đoạn {} – {}; cơ quan ghi theo tên tại ngày {}",
            plan.from,
            plan.to,
            hoptac_core::date::to_vi(on)
        ),
        headers: [
            "Số",
            "Nhóm nhiệm vụ",
            "Nhiệm vụ",
            "Chủ trì",
            "Phối hợp",
            "Tình hình",
            "Lý do",
            "Gợi ý theo số liệu",
            "Số liệu minh chứng",
        ]
        .map(String::from)
        .to_vec(),
        rows,
        total_row: false,
    }
}
