//! The support sheets: events with their unit's code, and disbursements in đồng.

use super::val::{Val, opt, text};
use hoptac_core::model::{AdminUnit, SupportRecords, UnitId};
use std::collections::HashMap;

pub(super) fn event_rows(s: &SupportRecords, units: &HashMap<UnitId, &AdminUnit>) -> Vec<Vec<Val>> {
    (s.events.iter())
        .map(|e| {
            vec![
                Val::Text(e.code.clone()),
                Val::Coded(e.kind.code().into(), e.kind.label_vi().into()),
                Val::Text(e.title.clone()),
                Val::Date(e.held_on),
                text(&e.organiser),
                opt(units.get(&e.unit), |u| Val::Text(u.code.clone())),
                text(&e.audience),
                opt(e.reach.as_ref(), |n| Val::Int(*n)),
            ]
        })
        .collect()
}

pub(super) fn disbursement_rows(s: &SupportRecords) -> Vec<Vec<Val>> {
    (s.disbursements.iter())
        .map(|d| {
            vec![
                Val::Text(d.code.clone()),
                Val::Coded(d.policy.code().into(), d.policy.label_vi().into()),
                Val::Text(d.legal_basis.clone()),
                text(&d.decision),
                Val::Text(d.org.to_string()),
                Val::Int(d.amount_vnd),
                Val::Text(d.source.clone()),
                Val::Date(d.paid_on),
                opt(d.project.as_ref(), |p| Val::Text(p.clone())),
            ]
        })
        .collect()
}
