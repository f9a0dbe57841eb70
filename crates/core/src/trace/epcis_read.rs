//! An EPCIS 2.0 JSON-LD document read back into trace events: the events hoptac writes
//! (and those of other systems that name lots by GS1 Digital Link and keep to the steps
//! hoptac knows). Each event that cannot be read is named with its place in the list, its
//! field and why; nothing is guessed.

use super::epcis::GS1_RESOLVER;
use crate::gtin::Gtin;
use crate::i18n::Msg;
use crate::lots::{LotQuantity, TraceEvent};
use crate::types::TraceStep;
use serde_json::Value;

/// Most events one document may carry.
pub const EVENTS_MAX: usize = 100_000;

/// A problem of the document: the event's place (1-based; 0 for the document), the field,
/// the value, why.
pub type ReadProblem = (usize, &'static str, String, Msg);

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `(gtin, lot)` of a Digital Link `…/01/{gtin}/10/{lot}` on any host.
pub fn lot_of_uri(uri: &str) -> Option<(Gtin, String)> {
    let at = uri.find("/01/")?;
    let rest = &uri[at + 4..];
    let (gtin, tail) = rest.split_once("/10/")?;
    let lot = tail.split(['?', '#', '/']).next()?;
    Some((Gtin::parse(gtin).ok()?, percent_decode(lot)?))
}

/// Reads the document's events; `product_of` finds the product of a GTIN, `base` is the
/// installation's public address (its places and cases).
pub fn read(
    doc: &Value,
    base: &str,
    product_of: impl Fn(&Gtin) -> Option<String>,
) -> Result<Vec<TraceEvent>, Vec<ReadProblem>> {
    let base = base.trim_end_matches('/');
    let doc_err = |field: &'static str, m: Msg| Err(vec![(0, field, String::new(), m)]);
    if doc.get("type").and_then(Value::as_str) != Some("EPCISDocument") {
        return doc_err("type", crate::msg!("epcis.not_a_document"));
    }
    let Some(list) = doc
        .pointer("/epcisBody/eventList")
        .and_then(Value::as_array)
    else {
        return doc_err("eventList", crate::msg!("epcis.no_event_list"));
    };
    if list.len() > EVENTS_MAX {
        return doc_err(
            "eventList",
            crate::msg!("epcis.too_many_events", max = EVENTS_MAX),
        );
    }
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, e) in list.iter().enumerate() {
        match event(e, base, &product_of) {
            Ok(x) => out.push(x),
            Err((field, value, m)) => problems.push((i + 1, field, value, m)),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn text<'a>(e: &'a Value, key: &str) -> Option<&'a str> {
    e.get(key).and_then(Value::as_str)
}

fn event(
    e: &Value,
    base: &str,
    product_of: &impl Fn(&Gtin) -> Option<String>,
) -> Result<TraceEvent, (&'static str, String, Msg)> {
    let kind = text(e, "type").unwrap_or_default();
    let biz = text(e, "bizStep").unwrap_or_default();
    let biz = biz.rsplit(['/', ':']).next().unwrap_or(biz);
    let step = match (kind, biz) {
        ("ObjectEvent", "commissioning") => TraceStep::Harvesting,
        ("ObjectEvent", "inspecting") => TraceStep::Inspecting,
        ("ObjectEvent", "shipping") => TraceStep::Shipping,
        ("ObjectEvent", "receiving") => TraceStep::Receiving,
        ("AggregationEvent", _) => TraceStep::Packing,
        ("TransformationEvent", _) => TraceStep::Processing,
        _ => {
            return Err((
                "bizStep",
                format!("{kind} {biz}"),
                crate::msg!("epcis.step_unknown"),
            ));
        }
    };
    let id = text(e, "eventID").unwrap_or_default();
    let code = id
        .rsplit('/')
        .next()
        .and_then(percent_decode)
        .filter(|c| crate::training::code_fits(c))
        .ok_or_else(|| ("eventID", id.to_string(), crate::msg!("epcis.event_id")))?;
    let when = text(e, "eventTime").unwrap_or_default();
    let at = time::OffsetDateTime::parse(when, &time::format_description::well_known::Rfc3339)
        .map_err(|_| {
            (
                "eventTime",
                when.to_string(),
                crate::msg!("epcis.event_time"),
            )
        })?
        .to_offset(time::UtcOffset::from_hms(7, 0, 0).expect("+07:00"));
    let quantities = |key: &'static str| -> Result<Vec<LotQuantity>, (&'static str, String, Msg)> {
        let Some(list) = e.get(key) else {
            return Ok(Vec::new());
        };
        let list = list
            .as_array()
            .ok_or_else(|| (key, String::new(), crate::msg!("epcis.quantity")))?;
        list.iter()
            .map(|q| {
                let class = text(q, "epcClass").unwrap_or_default();
                let (gtin, lot) = lot_of_uri(class)
                    .ok_or_else(|| (key, class.to_string(), crate::msg!("epcis.epc_class")))?;
                let product = product_of(&gtin).ok_or_else(|| {
                    (
                        key,
                        class.to_string(),
                        crate::msg!("epcis.no_product", gtin = gtin.short()),
                    )
                })?;
                let n = q.get("quantity").map(|v| v.to_string()).unwrap_or_default();
                let quantity = crate::Fixed::parse_plain(&n)
                    .ok_or_else(|| (key, n.clone(), crate::msg!("epcis.quantity")))?;
                Ok(LotQuantity {
                    product,
                    lot,
                    quantity,
                })
            })
            .collect()
    };
    if e.get("epcList")
        .is_some_and(|l| l.as_array().is_some_and(|a| !a.is_empty()))
    {
        return Err(("epcList", String::new(), crate::msg!("epcis.instances")));
    }
    let (inputs, lots) = match step {
        TraceStep::Processing => (
            quantities("inputQuantityList")?,
            quantities("outputQuantityList")?,
        ),
        TraceStep::Packing => (Vec::new(), quantities("childQuantityList")?),
        _ => (Vec::new(), quantities("quantityList")?),
    };
    let place = e
        .pointer("/bizLocation/id")
        .or_else(|| e.pointer("/readPoint/id"))
        .and_then(Value::as_str)
        .and_then(|p| p.strip_prefix(&format!("{base}/loc/")))
        .and_then(percent_decode);
    let parent = match text(e, "parentID") {
        None => None,
        Some(p) => Some(
            p.strip_prefix(&format!("{GS1_RESOLVER}/00/"))
                .map(str::to_string)
                .or_else(|| {
                    p.strip_prefix(&format!("{base}/pack/"))
                        .and_then(percent_decode)
                })
                .ok_or_else(|| ("parentID", p.to_string(), crate::msg!("epcis.parent")))?,
        ),
    };
    Ok(TraceEvent {
        code,
        step,
        occurred_on: at.date(),
        time: Some(format!("{:02}:{:02}", at.hour(), at.minute())),
        facility: place,
        inputs,
        lots,
        parent,
        note: String::new(),
    })
}
