//! Planting areas, lots and trace events read back: the queries every adapter runs and
//! their rows as core types (an event's lots attached in order).

use super::{Columns, code, corrupt, date, enum_of, int, money, req_date, text};
use crate::port::error::Result;
use hoptac_core::lots::{Facility, Lot, LotQuantity, TraceEvent};
use hoptac_core::model::UnitId;
use hoptac_core::types::{FacilityKind, FacilityStatus, LotUnit, TraceStep};

pub const FACILITIES: &str = "SELECT code, kind, org_code, crop, area_ha, households, unit_id, issued_by, issued_on, \
     market, status, status_since FROM facilities ORDER BY code";
pub const LOTS: &str = "SELECT product_code, lot, quantity, unit, produced_on, facility_code FROM lots \
     ORDER BY product_code, lot";
pub const EVENTS: &str = "SELECT code, step, occurred_on, time_of_day, facility_code, parent, note FROM trace_events \
     ORDER BY code";
pub const EVENT_LOTS: &str = "SELECT event_code, role, product_code, lot, quantity FROM trace_event_lots \
     ORDER BY event_code, position";

/// `code, kind, org_code, crop, area_ha, households, unit_id, issued_by, issued_on, market,
/// status, status_since`
pub fn facility(r: &impl Columns) -> Result<Facility> {
    const T: &str = "facilities";
    Ok(Facility {
        code: text(r, 0, T)?,
        kind: enum_of(r, 1, T, FacilityKind::parse)?,
        org: code(r, 2, T)?,
        crop: text(r, 3, T)?,
        area_ha: money(r, 4)?,
        households: r.int(5)?,
        unit: UnitId(int(r, 6, T)?),
        issued_by: text(r, 7, T)?,
        issued_on: req_date(r, 8, T, "issued_on")?,
        market: text(r, 9, T)?,
        status: enum_of(r, 10, T, FacilityStatus::parse)?,
        status_since: date(r, 11, T)?,
    })
}

/// `product_code, lot, quantity, unit, produced_on, facility_code`
pub fn lot(r: &impl Columns) -> Result<Lot> {
    const T: &str = "lots";
    Ok(Lot {
        product: text(r, 0, T)?,
        lot: text(r, 1, T)?,
        quantity: money(r, 2)?.ok_or_else(|| corrupt(T, "quantity is empty"))?,
        unit: enum_of(r, 3, T, LotUnit::parse)?,
        produced_on: req_date(r, 4, T, "produced_on")?,
        facility: r.text(5)?,
    })
}

/// `code, step, occurred_on, time_of_day, facility_code, parent, note`, without its lots
pub fn event(r: &impl Columns) -> Result<TraceEvent> {
    const T: &str = "trace_events";
    Ok(TraceEvent {
        code: text(r, 0, T)?,
        step: enum_of(r, 1, T, TraceStep::parse)?,
        occurred_on: req_date(r, 2, T, "occurred_on")?,
        time: r.text(3)?,
        facility: r.text(4)?,
        inputs: Vec::new(),
        lots: Vec::new(),
        parent: r.text(5)?,
        note: text(r, 6, T)?,
    })
}

/// `event_code, role, product_code, lot, quantity`: (event, is an input, the quantity)
pub fn event_lot(r: &impl Columns) -> Result<(String, bool, LotQuantity)> {
    const T: &str = "trace_event_lots";
    let role = text(r, 1, T)?;
    Ok((
        text(r, 0, T)?,
        role == "input",
        LotQuantity {
            product: text(r, 2, T)?,
            lot: text(r, 3, T)?,
            quantity: money(r, 4)?.ok_or_else(|| corrupt(T, "quantity is empty"))?,
        },
    ))
}

/// Puts each event's lots in place (both lists are in code order).
pub fn attach(events: &mut [TraceEvent], lots: Vec<(String, bool, LotQuantity)>) -> Result<()> {
    let mut at = 0;
    for (code, input, q) in lots {
        while at < events.len() && events[at].code < code {
            at += 1;
        }
        let Some(e) = events.get_mut(at).filter(|e| e.code == code) else {
            return Err(corrupt("trace_event_lots", format!("no event {code}")));
        };
        if input {
            e.inputs.push(q);
        } else {
            e.lots.push(q);
        }
    }
    Ok(())
}
