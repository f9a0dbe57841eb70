//! Training courses and who attended them: the checks a course and an attendee pass before
//! they are written, and the attendance of each person as the indicators read it.
//!
//! A manager is trained by a course when the course lists them under their organisation by
//! name (folded: no case, no diacritics), while they were in office. That is how
//! `training.managers_trained_pct` measures target 7b from the courses themselves.

use crate::i18n::Msg;
use crate::model::{Attendee, Course, Manager, Organization, TrainingRecords};
use crate::text::fold;
use crate::{Date, OrgCode};
use std::collections::HashMap;

/// Longest title, organiser, funding source or name.
pub const NAME_MAX: usize = 255;
/// Longest course code (as an organisation's code).
pub const CODE_MAX: usize = 40;
/// Most attendees a course lists.
pub const ATTENDEES_MAX: usize = 2_000;

pub type Problems = Vec<(&'static str, String, Msg)>;

/// Whether an office's own code for a record (a course, an event, a disbursement) can be
/// one: not empty, not too long, and nothing that would break the address of its page.
pub fn code_fits(code: &str) -> bool {
    let code = code.trim();
    !code.is_empty()
        && code.chars().count() <= CODE_MAX
        && !code
            .chars()
            .any(|x| x.is_control() || matches!(x, '/' | '?' | '#'))
}

/// Every problem of a course, each with its field.
pub fn course_problems(c: &Course) -> Problems {
    let mut out = Vec::new();
    if !code_fits(&c.code) {
        out.push((
            "code",
            c.code.clone(),
            crate::msg!("training.code_invalid", max = CODE_MAX),
        ));
    }
    for (field, v, required) in [
        ("title", &c.title, true),
        ("organiser", &c.organiser, true),
        ("funding", &c.funding, false),
    ] {
        if required && v.trim().is_empty() {
            out.push((
                field,
                String::new(),
                crate::msg!("exchange.required_value_missing"),
            ));
        } else if v.chars().count() > NAME_MAX {
            out.push((
                field,
                v.chars().take(40).collect(),
                crate::msg!("club.text_too_long", max = NAME_MAX),
            ));
        }
    }
    if c.ends_on < c.starts_on {
        out.push((
            "ends_on",
            crate::date::to_vi(c.ends_on),
            crate::msg!(
                "training.ends_before_start",
                ends = crate::date::to_vi(c.ends_on),
                starts = crate::date::to_vi(c.starts_on)
            ),
        ));
    }
    out
}

/// Whether `m` is the person named `name`, in office at some time of the course.
pub fn in_office_for(m: &Manager, name: &str, c: &Course) -> bool {
    fold(&m.full_name) == fold(name)
        && m.from.is_none_or(|f| f <= c.ends_on)
        && m.to.is_none_or(|t| t >= c.starts_on)
}

/// Every problem of an attendee of `c`: `org` is the organisation the row names (`None` if
/// none is stored under that code), `managers` that organisation's people.
pub fn attendee_problems(
    c: &Course,
    a: &Attendee,
    org: Option<&Organization>,
    managers: &[Manager],
) -> Problems {
    let mut out = Vec::new();
    let name = a.full_name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        out.push((
            "full_name",
            name.chars().take(40).collect(),
            crate::msg!("club.official_name", max = NAME_MAX),
        ));
    }
    let Some(code) = &a.org else { return out };
    let Some(o) = org else {
        out.push((
            "org_code",
            code.to_string(),
            crate::msg!("import.no_such_organisation", code = code),
        ));
        return out;
    };
    if o.founded_on > c.ends_on || o.dissolved_on.is_some_and(|d| d <= c.starts_on) {
        out.push((
            "org_code",
            code.to_string(),
            crate::msg!(
                "training.org_not_active",
                org = code,
                starts = crate::date::to_vi(c.starts_on)
            ),
        ));
    } else if !name.is_empty()
        && !managers
            .iter()
            .any(|m| m.org == *code && in_office_for(m, name, c))
    {
        out.push((
            "full_name",
            name.to_string(),
            crate::msg!("training.not_a_person_of", name = name, org = code),
        ));
    }
    out
}

/// The days each person of an organisation finished a course (by organisation and folded
/// name), oldest first.
pub fn attendance_by_person(t: &TrainingRecords) -> HashMap<(&OrgCode, String), Vec<Date>> {
    let mut out: HashMap<(&OrgCode, String), Vec<Date>> = HashMap::new();
    for a in &t.attendees {
        let (Some(org), Some(c)) = (&a.org, t.course(&a.course)) else {
            continue;
        };
        out.entry((org, fold(&a.full_name)))
            .or_default()
            .push(c.ends_on);
    }
    for days in out.values_mut() {
        days.sort_unstable();
    }
    out
}

/// The last day `m` finished a course on or before `by`, from the attendance.
pub fn last_course(
    attended: &HashMap<(&OrgCode, String), Vec<Date>>,
    m: &Manager,
    by: Date,
) -> Option<Date> {
    let days = attended.get(&(&m.org, fold(&m.full_name)))?;
    days.iter().rev().find(|d| **d <= by).copied()
}

#[cfg(test)]
mod tests;
