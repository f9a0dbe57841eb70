//! Propaganda events and support disbursements read back: the queries every adapter runs
//! and their rows as core types.

use super::{Columns, code, enum_of, int, req_date, text};
use crate::port::error::Result;
use hoptac_core::model::{Disbursement, Event, UnitId};
use hoptac_core::types::{EventKind, SupportPolicy};

pub const EVENTS: &str = "SELECT code, kind, title, held_on, organiser, unit_id, audience, reach \
     FROM support_events ORDER BY code";
pub const DISBURSEMENTS: &str = "SELECT code, policy, legal_basis, decision, org_code, amount_vnd, source, paid_on, project_code \
     FROM support_disbursements ORDER BY code";

/// `code, kind, title, held_on, organiser, unit_id, audience, reach`
pub fn event(r: &impl Columns) -> Result<Event> {
    const T: &str = "support_events";
    Ok(Event {
        code: text(r, 0, T)?,
        kind: enum_of(r, 1, T, EventKind::parse)?,
        title: text(r, 2, T)?,
        held_on: req_date(r, 3, T, "day")?,
        organiser: text(r, 4, T)?,
        unit: UnitId(int(r, 5, T)?),
        audience: text(r, 6, T)?,
        reach: r.int(7)?,
    })
}

/// `code, policy, legal_basis, decision, org_code, amount_vnd, source, paid_on, project_code`
pub fn disbursement(r: &impl Columns) -> Result<Disbursement> {
    const T: &str = "support_disbursements";
    Ok(Disbursement {
        project: r.text(8)?,
        code: text(r, 0, T)?,
        policy: enum_of(r, 1, T, SupportPolicy::parse)?,
        legal_basis: text(r, 2, T)?,
        decision: text(r, 3, T)?,
        org: code(r, 4, T)?,
        amount_vnd: int(r, 5, T)?,
        source: text(r, 6, T)?,
        paid_on: req_date(r, 7, T, "day")?,
    })
}
