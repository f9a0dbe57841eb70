//! Traceability: the checks a planting area, a lot and an event pass before they are
//! written, and the trace of a lot — every lot it was made from (upstream) and made into
//! (downstream), and every event of them — as the public page and EPCIS export read it.

pub mod epcis;
pub mod epcis_read;

use crate::Fixed;
use crate::gtin::Gtin;
use crate::lots::{Facility, Lot, LotQuantity, TraceEvent, TraceRecords};
use crate::model::{AdminUnit, Organization, Product};
use crate::training::{CODE_MAX, NAME_MAX, Problems, code_fits};
use crate::types::{AdminLevel, FacilityKind, TraceStep};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// Largest area of one planting area, in hectares.
pub const AREA_MAX_HA: i64 = 100_000;
/// Most households of one planting area.
pub const HOUSEHOLDS_MAX: i64 = 1_000_000;
/// Largest quantity of a lot or in an event.
pub const QUANTITY_MAX: i64 = 1_000_000_000;
/// Most lots one event names.
pub const EVENT_LOTS_MAX: usize = 200;
/// A batch or lot number (GS1 AI 10): at most 20 characters.
pub const LOT_MAX: usize = 20;

/// Whether `s` is a GS1 batch/lot number: 1–20 characters of GS1's encodable set 82
/// (digits, Latin letters and `!"%&'()*+,-./:;<=>?_`).
pub fn lot_fits(s: &str) -> bool {
    let n = s.chars().count();
    (1..=LOT_MAX).contains(&n)
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "!\"%&'()*+,-./:;<=>?_".contains(c))
}

/// Whether `s` is an SSCC (18 digits, GS1 check digit right).
pub fn is_sscc(s: &str) -> bool {
    s.len() == 18 && s.bytes().all(|b| b.is_ascii_digit()) && {
        let d: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
        crate::gtin::check_digit(&d[..17]) == d[17]
    }
}

fn text(out: &mut Problems, field: &'static str, v: &str, required: bool) {
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

fn code_problem(out: &mut Problems, code: &str) {
    if !code_fits(code) {
        out.push((
            "code",
            code.to_string(),
            crate::msg!("support.code_invalid", max = CODE_MAX),
        ));
    }
}

/// Every problem of a facility: `org` and `unit` are what it names (`None` if not stored).
pub fn facility_problems(
    f: &Facility,
    org: Option<&Organization>,
    unit: Option<&AdminUnit>,
) -> Problems {
    let mut out = Vec::new();
    code_problem(&mut out, &f.code);
    text(&mut out, "crop", &f.crop, true);
    text(&mut out, "issued_by", &f.issued_by, true);
    text(&mut out, "market", &f.market, false);
    if org.is_none() {
        out.push((
            "org_code",
            f.org.to_string(),
            crate::msg!("import.no_such_organisation", code = f.org),
        ));
    }
    match (f.kind, f.area_ha) {
        (FacilityKind::PlantingArea, None) => out.push((
            "area_ha",
            String::new(),
            crate::msg!("exchange.required_value_missing"),
        )),
        (_, Some(a)) if a <= Fixed::ZERO || a > Fixed::from_int(AREA_MAX_HA) => out.push((
            "area_ha",
            a.format_vi(4, false),
            crate::msg!("trace.area_out_of_range", max = AREA_MAX_HA),
        )),
        _ => {}
    }
    if let Some(n) = f.households
        && !(0..=HOUSEHOLDS_MAX).contains(&n)
    {
        out.push((
            "households",
            n.to_string(),
            crate::msg!("trace.households_out_of_range", max = HOUSEHOLDS_MAX),
        ));
    }
    match (f.status, f.status_since) {
        (crate::types::FacilityStatus::Valid, Some(d)) => out.push((
            "status_since",
            crate::date::to_vi(d),
            crate::msg!("trace.status_since_only_ended"),
        )),
        (_, Some(d)) if d < f.issued_on => out.push((
            "status_since",
            crate::date::to_vi(d),
            crate::msg!(
                "trace.status_before_issue",
                issued = crate::date::to_vi(f.issued_on)
            ),
        )),
        (crate::types::FacilityStatus::Valid, None) => {}
        (_, None) => out.push((
            "status_since",
            String::new(),
            crate::msg!("exchange.required_value_missing"),
        )),
        _ => {}
    }
    match unit {
        Some(u) if u.level == AdminLevel::Commune && u.valid_on(f.issued_on) => {}
        Some(u) => out.push((
            "unit",
            u.code.clone(),
            crate::msg!(
                "trace.unit_not_a_commune_then",
                unit = u.name,
                day = crate::date::to_vi(f.issued_on)
            ),
        )),
        None => out.push((
            "unit",
            f.unit.0.to_string(),
            crate::msg!("trace.no_such_unit"),
        )),
    }
    out
}

/// Every problem of a lot: `product` is what it names, `facilities` the stored ones.
pub fn lot_problems(l: &Lot, product: Option<&Product>, records: &TraceRecords) -> Problems {
    let mut out = Vec::new();
    if !lot_fits(&l.lot) {
        out.push((
            "lot",
            l.lot.chars().take(40).collect(),
            crate::msg!("trace.lot_invalid", max = LOT_MAX),
        ));
    }
    match product {
        None => out.push((
            "product",
            l.product.clone(),
            crate::msg!("ocop.no_such_product", code = l.product),
        )),
        Some(p) if p.gtin.is_none() => out.push((
            "product",
            l.product.clone(),
            crate::msg!("trace.product_without_gtin", product = p.name),
        )),
        Some(_) => {}
    }
    quantity(&mut out, "quantity", l.quantity);
    if let Some(code) = &l.facility
        && records.facility(code).is_none()
    {
        out.push((
            "facility",
            code.clone(),
            crate::msg!("trace.no_such_facility", code = code),
        ));
    }
    out
}

fn quantity(out: &mut Problems, field: &'static str, q: Fixed) {
    if q <= Fixed::ZERO || q > Fixed::from_int(QUANTITY_MAX) {
        out.push((
            field,
            q.format_vi(3, false),
            crate::msg!("trace.quantity_out_of_range", max = QUANTITY_MAX),
        ));
    }
}

/// Every problem of an event, against the stored records (`records`, without the event
/// itself when it is an edit).
pub fn event_problems(e: &TraceEvent, records: &TraceRecords) -> Problems {
    let mut out = Vec::new();
    code_problem(&mut out, &e.code);
    text(&mut out, "note", &e.note, false);
    if let Some(t) = &e.time
        && !time_fits(t)
    {
        out.push(("time", t.clone(), crate::msg!("trace.time_invalid")));
    }
    if let Some(code) = &e.facility
        && records.facility(code).is_none()
    {
        out.push((
            "facility",
            code.clone(),
            crate::msg!("trace.no_such_facility", code = code),
        ));
    }
    let transforms = e.step == TraceStep::Processing;
    if e.lots.is_empty() {
        out.push(("lots", String::new(), crate::msg!("trace.event_needs_lots")));
    }
    if transforms && e.inputs.is_empty() {
        out.push((
            "inputs",
            String::new(),
            crate::msg!("trace.processing_needs_inputs"),
        ));
    }
    if !transforms && !e.inputs.is_empty() {
        out.push((
            "inputs",
            String::new(),
            crate::msg!("trace.inputs_only_processing"),
        ));
    }
    if e.inputs.len() + e.lots.len() > EVENT_LOTS_MAX {
        out.push((
            "lots",
            (e.inputs.len() + e.lots.len()).to_string(),
            crate::msg!("trace.too_many_lots", max = EVENT_LOTS_MAX),
        ));
    }
    match (&e.parent, e.step) {
        (None, TraceStep::Packing) => out.push((
            "parent",
            String::new(),
            crate::msg!("trace.packing_needs_parent"),
        )),
        (Some(p), TraceStep::Packing)
            if !code_fits(p)
                || (p.len() == 18 && p.bytes().all(|b| b.is_ascii_digit()) && !is_sscc(p)) =>
        {
            out.push(("parent", p.clone(), crate::msg!("trace.parent_invalid")))
        }
        (Some(p), s) if s != TraceStep::Packing => out.push((
            "parent",
            p.clone(),
            crate::msg!("trace.parent_only_packing"),
        )),
        _ => {}
    }
    for (field, q) in
        (e.inputs.iter().map(|q| ("inputs", q))).chain(e.lots.iter().map(|q| ("lots", q)))
    {
        let key = format!("{}/{}", q.product, q.lot);
        match records.lot(&q.product, &q.lot) {
            None => out.push((field, key, crate::msg!("trace.no_such_lot", lot = q.lot))),
            Some(l) if l.produced_on > e.occurred_on => out.push((
                "occurred_on",
                crate::date::to_vi(e.occurred_on),
                crate::msg!(
                    "trace.event_before_lot",
                    lot = q.lot,
                    day = crate::date::to_vi(l.produced_on)
                ),
            )),
            Some(_) => {}
        }
        quantity(&mut out, field, q.quantity);
    }
    if transforms {
        consumed(&mut out, e, records);
    }
    out
}

/// An input lot that this processing would use beyond what is left of it.
fn consumed(out: &mut Problems, e: &TraceEvent, records: &TraceRecords) {
    let mut used: HashMap<(&str, &str), i128> = HashMap::new();
    for other in
        (records.events.iter()).filter(|o| o.code != e.code && o.step == TraceStep::Processing)
    {
        for q in &other.inputs {
            *used
                .entry((q.product.as_str(), q.lot.as_str()))
                .or_default() += q.quantity.micros() as i128;
        }
    }
    for q in &e.inputs {
        let Some(l) = records.lot(&q.product, &q.lot) else {
            continue;
        };
        let before = used
            .get(&(q.product.as_str(), q.lot.as_str()))
            .copied()
            .unwrap_or(0);
        if before + q.quantity.micros() as i128 > l.quantity.micros() as i128 {
            let left = Fixed::from_micros((l.quantity.micros() as i128 - before).max(0) as i64);
            out.push((
                "inputs",
                format!("{}/{}", q.product, q.lot),
                crate::msg!(
                    "trace.input_consumed",
                    lot = q.lot,
                    left = left.format_vi(3, false),
                    unit = l.unit.label_vi()
                ),
            ));
        }
    }
}

/// `HH:MM`, 00:00 to 23:59.
pub fn time_fits(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && t[3..].parse::<u8>().is_ok_and(|m| m < 60)
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

/// A lot's trace: the lots it was made from and made into, and every event of them, oldest
/// first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace<'a> {
    /// (product, lot) of every lot of the trace, the one asked for included.
    pub lots: BTreeSet<(&'a str, &'a str)>,
    pub events: Vec<&'a TraceEvent>,
}

/// Which events name which lots, built once for many traces.
pub struct TraceIndex<'a> {
    records: &'a TraceRecords,
    by_lot: HashMap<(&'a str, &'a str), Vec<usize>>,
}

impl<'a> TraceIndex<'a> {
    pub fn new(records: &'a TraceRecords) -> TraceIndex<'a> {
        let mut by_lot: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (i, e) in records.events.iter().enumerate() {
            for q in e.inputs.iter().chain(&e.lots) {
                by_lot
                    .entry((q.product.as_str(), q.lot.as_str()))
                    .or_default()
                    .push(i);
            }
        }
        TraceIndex { records, by_lot }
    }

    /// Upstream through the inputs of the processings that made a lot, downstream through
    /// the outputs of the processings that used it.
    pub fn trace(&self, product: &str, lot: &str) -> Trace<'a> {
        let Some(start) = self.records.lot(product, lot) else {
            return Trace {
                lots: BTreeSet::new(),
                events: Vec::new(),
            };
        };
        let key = |q: &'a LotQuantity| (q.product.as_str(), q.lot.as_str());
        let mut lots = BTreeSet::new();
        let mut events = BTreeSet::new();
        // (lot, going upstream?): a lot reached going up is not followed down again, so
        // a sibling made from the same input is not in another lot's trace
        let mut queue = VecDeque::from([((start.product.as_str(), start.lot.as_str()), None)]);
        let mut seen = BTreeSet::new();
        while let Some((l, up)) = queue.pop_front() {
            if !seen.insert((l, up)) {
                continue;
            }
            lots.insert(l);
            for &i in self.by_lot.get(&l).map(Vec::as_slice).unwrap_or_default() {
                let e = &self.records.events[i];
                if e.step != TraceStep::Processing {
                    events.insert(i);
                    continue;
                }
                let is_input = e.inputs.iter().any(|q| key(q) == l);
                let is_output = e.lots.iter().any(|q| key(q) == l);
                // a lot reached going up was used for other lots too: those are not ours
                if up == Some(true) && !is_output {
                    continue;
                }
                events.insert(i);
                if is_output && up != Some(false) {
                    queue.extend(e.inputs.iter().map(|q| (key(q), Some(true))));
                }
                if is_input && up != Some(true) {
                    queue.extend(e.lots.iter().map(|q| (key(q), Some(false))));
                }
            }
        }
        let mut events: Vec<&TraceEvent> = events
            .into_iter()
            .map(|i| &self.records.events[i])
            .collect();
        events.sort_by(|a, b| {
            (a.occurred_on, &a.time, &a.code).cmp(&(b.occurred_on, &b.time, &b.code))
        });
        Trace { lots, events }
    }
}

/// The GS1 Digital Link path of a lot (`/01/{gtin14}/10/{lot}`), the lot percent-encoded
/// as the standard asks.
pub fn digital_link_path(gtin: &Gtin, lot: &str) -> String {
    format!("/01/{}/10/{}", gtin.as_str(), encode_ai(lot))
}

/// Percent-encodes what GS1 Digital Link does not allow as is in a path segment.
pub fn encode_ai(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests;
