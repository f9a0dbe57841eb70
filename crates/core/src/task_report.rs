//! The tasks of a plan in its assessment (tình hình thực hiện nhiệm vụ, giải pháp): a summary
//! of where the tasks stand, then a section per group of tasks, each task with its offices
//! (named as of the assessment's day, a ceased office with its successor), the status its
//! office set and why, what the records show (counts, money, names) and, where the records
//! suggest otherwise, that suggestion. Pure: the caller measures the evidence.

use crate::Date;
use crate::fixed::Fixed;
use crate::indicator::Unit;
use crate::plan::tasks::{PlanTask, office_label};
use crate::plan::{Plan, fmt};
use crate::report::{Inline, Paragraph, Section, count_vi};
use crate::types::TaskStatus;

/// Names shown after a figure before "và N tổ chức khác".
pub const NAMES_SHOWN: usize = 5;

/// One indicator's figure over the plan's years so far, with who makes it up.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Evidence {
    pub id: String,
    pub label_vi: String,
    pub unit: Unit,
    pub value: Option<Fixed>,
    /// The organisations behind it (largest part first), at most [`NAMES_SHOWN`] …
    pub names: Vec<String>,
    /// … and how many more.
    pub more: usize,
}

/// A task with what the records show of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TaskLine {
    pub task: PlanTask,
    pub evidence: Vec<Evidence>,
    pub suggested: Option<TaskStatus>,
}

fn t(s: impl Into<String>) -> Inline {
    Inline::Text(s.into())
}

fn offices(plan: &Plan, codes: &[String], on: Date) -> String {
    codes
        .iter()
        .map(|c| match plan.offices.iter().find(|o| o.code == *c) {
            Some(o) => office_label(o, on),
            None => c.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn count(n: usize) -> String {
    if n == 0 {
        "0".into()
    } else {
        count_vi(Fixed::from_int(n as i64))
    }
}

fn figure(e: &Evidence) -> Vec<Inline> {
    let value = match e.value {
        Some(v) => match e.unit {
            Unit::Percent => fmt(v, e.unit),
            u => format!("{} {}", fmt(v, u), u.label_vi()),
        },
        None => "chưa có số liệu".into(),
    };
    let mut out = vec![Inline::Figure {
        text: format!("{}: {value}", e.label_vi),
        indicator: e.id.clone(),
    }];
    if !e.names.is_empty() {
        let mut names = e.names.join(", ");
        if e.more > 0 {
            names.push_str(&format!(" và {} tổ chức khác", count(e.more)));
        }
        // a count of organisations names them; any other figure says whose it is
        match e.unit {
            Unit::Organizations => out.push(t(format!(" ({names})"))),
            _ => out.push(t(format!(" (tổ chức: {names})"))),
        }
    }
    out
}

fn task_paragraph(plan: &Plan, l: &TaskLine, on: Date) -> Paragraph {
    let k = &l.task;
    let mut p = vec![t(format!("{}. {}", k.number, k.text))];
    p.push(t(format!(" Chủ trì: {}", offices(plan, &k.lead, on))));
    if !k.partners.is_empty() {
        p.push(t(format!("; phối hợp: {}", offices(plan, &k.partners, on))));
    }
    p.push(t("."));
    if !k.output.is_empty() {
        p.push(t(format!(" Kết quả dự kiến: {}.", k.output)));
    }
    p.push(t(format!(
        " Tình hình: {}",
        k.status.label_vi().to_lowercase()
    )));
    if !k.reason.is_empty() {
        p.push(t(format!(" ({})", k.reason)));
    }
    p.push(t("."));
    if !l.evidence.is_empty() {
        p.push(t(" Số liệu từ hồ sơ: "));
        for (i, e) in l.evidence.iter().enumerate() {
            if i > 0 {
                p.push(t("; "));
            }
            p.extend(figure(e));
        }
        p.push(t("."));
    }
    if let Some(s) = l.suggested.filter(|s| *s != k.status) {
        p.push(t(format!(
            " Theo số liệu, hệ thống gợi ý: {}.",
            s.label_vi().to_lowercase()
        )));
    }
    Paragraph(p)
}

/// The sections of the tasks: a summary, then one per group in the plan's order. `on` is the
/// day the offices are named as of (the assessment's day).
pub fn task_sections(plan: &Plan, lines: &[TaskLine], on: Date) -> Vec<Section> {
    if lines.is_empty() {
        return Vec::new();
    }
    let n = |s: TaskStatus| count(lines.iter().filter(|l| l.task.status == s).count());
    let differs = lines
        .iter()
        .filter(|l| l.suggested.is_some_and(|s| s != l.task.status))
        .count();
    let mut summary = format!(
        "Kế hoạch đề ra {} nhiệm vụ, giải pháp (phần II và III). Đến nay: {} đã hoàn thành, {} đang thực hiện, {} chưa thực hiện, {} không hoàn thành.",
        count(lines.len()),
        n(TaskStatus::Done),
        n(TaskStatus::InProgress),
        n(TaskStatus::NotStarted),
        n(TaskStatus::NotDone),
    );
    if differs > 0 {
        summary.push_str(&format!(
            " Ở {} nhiệm vụ, số liệu trong hệ thống gợi ý đánh giá khác với cơ quan thực hiện (nêu ở từng nhiệm vụ).",
            count(differs)
        ));
    }
    let mut out = vec![Section {
        heading: "Tình hình thực hiện nhiệm vụ, giải pháp".into(),
        paragraphs: vec![Paragraph(vec![t(summary)])],
    }];
    for l in lines {
        let g = l.task.group_number().to_string();
        let heading = format!("Nhiệm vụ {g}. {}", l.task.group);
        match out.last_mut() {
            Some(s) if s.heading == heading => s.paragraphs.push(task_paragraph(plan, l, on)),
            _ => out.push(Section {
                heading,
                paragraphs: vec![task_paragraph(plan, l, on)],
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests;
