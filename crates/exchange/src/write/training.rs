//! The training sheets: courses with their unit's code, and the attendance.

use super::val::{Val, opt, text};
use hoptac_core::model::{AdminUnit, TrainingRecords, UnitId};
use std::collections::HashMap;

pub(super) fn course_rows(
    t: &TrainingRecords,
    units: &HashMap<UnitId, &AdminUnit>,
) -> Vec<Vec<Val>> {
    (t.courses.iter())
        .map(|c| {
            vec![
                Val::Text(c.code.clone()),
                Val::Text(c.title.clone()),
                Val::Coded(c.level.code().into(), c.level.label_vi().into()),
                text(&c.organiser),
                opt(units.get(&c.unit), |u| Val::Text(u.code.clone())),
                Val::Date(c.starts_on),
                Val::Date(c.ends_on),
                text(&c.funding),
            ]
        })
        .collect()
}

pub(super) fn attendee_rows(t: &TrainingRecords) -> Vec<Vec<Val>> {
    (t.attendees.iter())
        .map(|a| {
            vec![
                Val::Text(a.course.clone()),
                Val::Text(a.full_name.clone()),
                opt(a.org.as_ref(), |o| Val::Text(o.to_string())),
            ]
        })
        .collect()
}
