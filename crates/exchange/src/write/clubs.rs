//! The Hội quán sheets: profiles, meetings with their officials in one cell, origins.

use super::val::{Val, opt, text};
use hoptac_core::model::ClubRecords;

pub(super) fn profile_rows(c: &ClubRecords) -> Vec<Vec<Val>> {
    (c.profiles.iter())
        .map(|p| {
            vec![
                Val::Text(p.org.to_string()),
                opt(p.sequence_no, Val::Int),
                text(&p.trade),
                opt(p.meetings_per_year, Val::Int),
            ]
        })
        .collect()
}

pub(super) fn meeting_rows(c: &ClubRecords) -> Vec<Vec<Val>> {
    (c.meetings.iter())
        .map(|m| {
            vec![
                Val::Text(m.org.to_string()),
                Val::Date(m.held_on),
                Val::Coded(m.topic.code().into(), m.topic.label_vi().into()),
                opt(m.attendance, Val::Int),
                text(&hoptac_core::club::officials_text(&m.officials)),
                text(&m.outcome),
            ]
        })
        .collect()
}

pub(super) fn origin_rows(c: &ClubRecords) -> Vec<Vec<Val>> {
    (c.origins.iter())
        .map(|g| {
            vec![
                Val::Text(g.org.to_string()),
                Val::Text(g.from.to_string()),
                opt(g.founding_members, Val::Int),
            ]
        })
        .collect()
}
