//! The tasks of a plan (nhiệm vụ, giải pháp; tổ chức thực hiện) and the offices responsible
//! for them: each task with its number and text as the plan words it, its lead and
//! co-ordinating offices, the output expected, the indicators that show it done, and the
//! status its office set with a reason. The status the records suggest is computed here.
//!
//! Offices are the plan's own list, as they were when it was adopted, each with the office
//! that took its work over when it ceased (the 2025 reform ended the district offices).

use crate::Date;
use crate::fixed::Fixed;
use crate::i18n::Msg;
use crate::types::TaskStatus;

/// Longest task text (a bullet of the plan).
pub const TEXT_MAX: usize = 4_000;
/// Longest name, group heading, output or reason.
pub const NAME_MAX: usize = 500;
/// Most offices or indicators a task names.
pub const LIST_MAX: usize = 20;

/// An office of a plan (cơ quan chủ trì, phối hợp), as it was when the plan was adopted.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PlanOffice {
    /// The plan's short code for it, e.g. `NN-PTNT`.
    pub code: String,
    pub name: String,
    /// The last day it existed, if it ceased (30/06/2025 for a district's offices).
    pub until: Option<Date>,
    /// Who took its work over after, as the plan's office words it (e.g. "Sở Nông nghiệp và
    /// Môi trường tỉnh Đồng Tháp; UBND các xã").
    pub successor: String,
}

/// A task of a plan.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PlanTask {
    /// Its number as the plan writes it, dotted (`II.1.2` is the second bullet of II.1).
    pub number: String,
    /// The heading of its group (`Về tuyên truyền nâng cao nhận thức về KTTT`).
    pub group: String,
    pub text: String,
    /// Codes of the lead offices (chủ trì), then of the co-ordinating ones (phối hợp).
    pub lead: Vec<String>,
    pub partners: Vec<String>,
    /// What it should produce (sản phẩm, kết quả dự kiến).
    pub output: String,
    /// The indicators whose values over the plan's years show it done.
    pub evidence: Vec<String>,
    pub status: TaskStatus,
    /// Why the office set that status (required for any but "not started").
    pub reason: String,
}

impl PlanTask {
    /// The group's number: `II.1` of `II.1.2`.
    pub fn group_number(&self) -> &str {
        match self.number.rsplit_once('.') {
            Some((g, _)) if g.contains('.') => g,
            _ => &self.number,
        }
    }
}

pub type Problems = Vec<(&'static str, String, Msg)>;

fn text(out: &mut Problems, field: &'static str, v: &str, required: bool, max: usize) {
    if required && v.trim().is_empty() {
        out.push((
            field,
            String::new(),
            crate::msg!("exchange.required_value_missing"),
        ));
    } else if v.chars().count() > max {
        out.push((
            field,
            v.chars().take(40).collect(),
            crate::msg!("club.text_too_long", max = max),
        ));
    }
}

/// Whether a number is one: `II.1.2`, `III.4.1` (roman or arabic parts, dotted).
fn number_fits(n: &str) -> bool {
    !n.is_empty()
        && n.len() <= 20
        && n.split('.').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_digit() || "IVXLivxl".contains(c))
        })
}

/// The order of task numbers: `II.2` before `II.10`, roman parts by their value.
pub fn number_order(n: &str) -> Vec<u32> {
    let roman = |c: char| match c.to_ascii_uppercase() {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 0,
    };
    n.split('.')
        .map(|p| match p.parse::<u32>() {
            Ok(v) => v,
            Err(_) => {
                let vals: Vec<u32> = p.chars().map(roman).collect();
                (0..vals.len())
                    .map(|i| match vals.get(i + 1) {
                        Some(next) if *next > vals[i] => 0u32.wrapping_sub(vals[i]),
                        _ => vals[i],
                    })
                    .fold(0u32, |a, b| a.wrapping_add(b))
            }
        })
        .collect()
}

/// Every problem of an office of a plan.
pub fn office_problems(o: &PlanOffice) -> Problems {
    let mut out = Vec::new();
    // codes are listed in one cell of a task, separated by `;`
    if !crate::training::code_fits(&o.code) || o.code.contains([';', ',']) {
        out.push((
            "code",
            o.code.clone(),
            crate::msg!("support.code_invalid", max = crate::training::CODE_MAX),
        ));
    }
    text(&mut out, "name", &o.name, true, NAME_MAX);
    text(&mut out, "successor", &o.successor, false, NAME_MAX);
    out
}

/// Every problem of a task: `offices` the plan's office codes, `indicators` the known ids.
pub fn task_problems(t: &PlanTask, offices: &[&str], indicators: &[&str]) -> Problems {
    let mut out = Vec::new();
    if !number_fits(&t.number) {
        out.push((
            "number",
            t.number.clone(),
            crate::msg!("task.number_invalid"),
        ));
    }
    text(&mut out, "group", &t.group, true, NAME_MAX);
    text(&mut out, "text", &t.text, true, TEXT_MAX);
    text(&mut out, "output", &t.output, false, NAME_MAX);
    text(&mut out, "reason", &t.reason, false, NAME_MAX);
    if t.lead.is_empty() {
        out.push(("lead", String::new(), crate::msg!("task.lead_required")));
    }
    for (field, list) in [("lead", &t.lead), ("partners", &t.partners)] {
        if list.len() > LIST_MAX {
            out.push((
                field,
                list.len().to_string(),
                crate::msg!("task.too_many", max = LIST_MAX),
            ));
        }
        for c in list.iter().filter(|c| !offices.contains(&c.as_str())) {
            out.push((
                field,
                c.clone(),
                crate::msg!("task.no_such_office", code = c),
            ));
        }
    }
    if t.evidence.len() > LIST_MAX {
        out.push((
            "evidence",
            t.evidence.len().to_string(),
            crate::msg!("task.too_many", max = LIST_MAX),
        ));
    }
    for id in t
        .evidence
        .iter()
        .filter(|i| !indicators.contains(&i.as_str()))
    {
        out.push((
            "evidence",
            id.clone(),
            crate::msg!("plan.no_such_indicator", indicator = id),
        ));
    }
    if t.status != TaskStatus::NotStarted && t.reason.trim().is_empty() {
        out.push(("reason", String::new(), crate::msg!("task.reason_required")));
    }
    out
}

/// The status the records suggest: with evidence over the plan's years so far, in progress
/// while the plan runs and done once it has ended; without any, not started while it runs
/// and not done after. `None` for a task that names no indicator (only its office can say).
pub fn suggested(evidence: &[(String, Option<Fixed>)], plan_ended: bool) -> Option<TaskStatus> {
    if evidence.is_empty() {
        return None;
    }
    let shown = evidence
        .iter()
        .any(|(_, v)| v.is_some_and(|v| v.is_positive()));
    Some(match (shown, plan_ended) {
        (true, true) => TaskStatus::Done,
        (true, false) => TaskStatus::InProgress,
        (false, true) => TaskStatus::NotDone,
        (false, false) => TaskStatus::NotStarted,
    })
}

/// An office's name as of `on`, with its successor once it has ceased: "Phòng NN-PTNT huyện
/// (từ 01/07/2025: Sở Nông nghiệp và Môi trường)".
pub fn office_label(o: &PlanOffice, on: Date) -> String {
    match o.until {
        Some(end) if on > end && !o.successor.is_empty() => {
            let next = end.next_day().map(crate::date::to_vi).unwrap_or_default();
            format!("{} (từ {next}: {})", o.name, o.successor)
        }
        _ => o.name.clone(),
    }
}

/// A task's offices as one cell: codes separated by `;`.
pub fn join_codes(codes: &[String]) -> String {
    codes.join(";")
}

/// The codes of one cell, trimmed, empty ones left out.
pub fn split_codes(cell: &str) -> Vec<String> {
    cell.split([';', ','])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests;
