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
use hoptac_core::plan::tasks::{office_problems, suggested, task_problems};
use hoptac_core::plan::{Plan, PlanOffice, PlanTask};
use hoptac_core::task_report::{Evidence, NAMES_SHOWN, TaskLine};
use hoptac_core::types::TaskStatus;
use hoptac_store::ChangeSet;

const ENTITY: &str = "plan_tasks";
const OFFICES: &str = "plan_offices";

/// Every problem of a form: the field, the value refused, why. Empty when it was saved.
pub type Problems = Vec<(&'static str, String, hoptac_core::Msg)>;

/// Most offices one plan lists.
pub const OFFICES_MAX: usize = 100;

/// Reads a plan's offices as its form gives them: one a line, `code | name | last day |
/// successor`, the last two optional; a line that cannot be read names itself.
pub fn parse_offices(s: &str) -> std::result::Result<Vec<PlanOffice>, (String, hoptac_core::Msg)> {
    let mut out: Vec<PlanOffice> = Vec::new();
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if out.len() >= OFFICES_MAX {
            let m = hoptac_core::msg!("task.too_many", max = OFFICES_MAX);
            return Err((line.chars().take(40).collect(), m));
        }
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        let until = match cols.get(2).filter(|c| !c.is_empty()) {
            None => None,
            Some(d) => Some(hoptac_core::date::parse(d).ok_or_else(|| {
                (
                    d.to_string(),
                    hoptac_core::msg!("club.day_invalid", value = d),
                )
            })?),
        };
        let o = PlanOffice {
            code: cols[0].to_string(),
            name: cols.get(1).copied().unwrap_or_default().to_string(),
            until,
            successor: cols.get(3).copied().unwrap_or_default().to_string(),
        };
        if out.iter().any(|x| x.code == o.code) {
            return Err((
                line.to_string(),
                hoptac_core::msg!("training.attendee_twice"),
            ));
        }
        out.push(o);
    }
    Ok(out)
}

/// The offices as the form shows them, the way [`parse_offices`] reads them back.
pub fn offices_text(list: &[PlanOffice]) -> String {
    list.iter()
        .map(|o| {
            let until = o.until.map(hoptac_core::date::to_vi).unwrap_or_default();
            format!("{} | {} | {until} | {}", o.code, o.name, o.successor)
                .trim_end_matches([' ', '|'])
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

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
    pub async fn may_follow_plan(&self, actor: &Actor, plan: &Plan) -> bool {
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

impl App {
    /// Replaces a plan's list of offices (administrators of its unit): every problem at
    /// once; an office a task still names is not taken out.
    pub async fn save_plan_offices(
        &self,
        actor: &Actor,
        code: &str,
        list: Vec<PlanOffice>,
        version: i64,
    ) -> Result<Problems> {
        let plan = self.plan(actor, code).await?;
        let unit = self.plan_scope_unit(&plan).await?;
        self.authorize(actor, Action::ManagePlans, &Resource::Unit(unit))
            .await?;
        let list: Vec<PlanOffice> = (list.into_iter())
            .map(|o| PlanOffice {
                code: o.code.trim().to_string(),
                name: o.name.trim().to_string(),
                successor: o.successor.trim().to_string(),
                ..o
            })
            .collect();
        let mut problems: Problems = Vec::new();
        for o in &list {
            for (_, v, m) in office_problems(o) {
                problems.push(("offices", format!("{} — {v}", o.code), m));
            }
        }
        for gone in plan
            .offices
            .iter()
            .filter(|o| !list.iter().any(|x| x.code == o.code))
        {
            if let Some(t) = (plan.tasks.iter())
                .find(|t| t.lead.contains(&gone.code) || t.partners.contains(&gone.code))
            {
                let m = hoptac_core::msg!("task.office_in_use", code = gone.code, task = t.number);
                problems.push(("offices", gone.code.clone(), m));
            }
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        if list == plan.offices {
            return Ok(Vec::new());
        }
        let _turn = self.write_gate.lock().await;
        let audit = self.change_entry(actor, OFFICES, code, Some(unit), Some(&plan.offices), &list);
        let c = ChangeSet {
            removed_plan_offices: (plan.offices.iter())
                .filter(|o| !list.iter().any(|x| x.code == o.code))
                .map(|o| (code.to_string(), o.code.clone()))
                .collect(),
            plan_offices: list.into_iter().map(|o| (code.to_string(), o)).collect(),
            expect_versions: vec![(OFFICES.into(), code.to_string(), version)],
            audit: vec![audit],
            ..Default::default()
        };
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(Vec::new()),
        }
    }

    /// Records a task of a plan or corrects the one numbered `original` (its number stays;
    /// its status and reason are the status form's): administrators of the plan's unit.
    pub async fn save_plan_task(
        &self,
        actor: &Actor,
        code: &str,
        original: Option<&str>,
        task: PlanTask,
        version: i64,
    ) -> Result<Problems> {
        // read before the plan: a task of the same number written since is then seen
        let generation = self.snapshot_at().await?.0;
        let plan = self.plan(actor, code).await?;
        let unit = self.plan_scope_unit(&plan).await?;
        self.authorize(actor, Action::ManagePlans, &Resource::Unit(unit))
            .await?;
        let number = original.unwrap_or(task.number.trim()).to_string();
        let before = plan.tasks.iter().find(|t| t.number == number).cloned();
        let task = PlanTask {
            number: number.clone(),
            group: task.group.trim().to_string(),
            text: task.text.trim().to_string(),
            output: task.output.trim().to_string(),
            status: before.as_ref().map_or(TaskStatus::NotStarted, |b| b.status),
            reason: before
                .as_ref()
                .map(|b| b.reason.clone())
                .unwrap_or_default(),
            ..task
        };
        let offices: Vec<&str> = plan.offices.iter().map(|o| o.code.as_str()).collect();
        let cat = self.indicator_catalogue().await?;
        let ids: Vec<&str> = cat.iter().map(|d| d.id.as_str()).collect();
        let mut problems = task_problems(&task, &offices, &ids);
        match (original, &before) {
            (None, Some(_)) => problems.push((
                "number",
                number.clone(),
                hoptac_core::msg!("task.number_taken", number = number),
            )),
            (Some(n), None) => return Err(AppError::not_found("task", n)),
            _ => {}
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        if before.as_ref() == Some(&task) {
            return Ok(Vec::new());
        }
        let _turn = self.write_gate.lock().await;
        let key = task_key(code, &number);
        let audit = self.change_entry(actor, ENTITY, &key, Some(unit), before.as_ref(), &task);
        let mut c = ChangeSet {
            plan_tasks: vec![(code.to_string(), task)],
            audit: vec![audit],
            ..Default::default()
        };
        match before {
            Some(_) => c.expect_versions.push((ENTITY.into(), key, version)),
            None => c.expect_generation = Some(generation),
        }
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(Vec::new()),
        }
    }

    /// Whether the actor may change the plan's tasks and offices (administrators of its
    /// unit): refused (403, audited) otherwise.
    pub async fn authorize_manage_plan(&self, actor: &Actor, plan: &Plan) -> Result<()> {
        let unit = self.plan_scope_unit(plan).await?;
        self.authorize(actor, Action::ManagePlans, &Resource::Unit(unit))
            .await
    }

    async fn plan_scope_unit(&self, plan: &Plan) -> Result<hoptac_core::model::UnitId> {
        let units = self.units().await?;
        Ok(find_unit(&units, &plan.scope, Some(year_end(plan.to)))?.id)
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
