//! GS1 EPCIS 2.0 in JSON-LD: the document of a set of events, each lot named by its GS1
//! Digital Link URI (`https://id.gs1.org/01/{gtin}/10/{lot}`) as EPCIS 2.0 allows, places and
//! cases without a GLN or SSCC by URIs of the installation (`{base}/loc/{code}`), times in
//! Vietnam time (+07:00). Checked in the tests with GS1's own `epcis2.js`.

use super::encode_ai;
use crate::gtin::Gtin;
use crate::lots::{LotQuantity, TraceEvent, TraceRecords};
use crate::types::TraceStep;
use serde_json::{Map, Value, json};

/// The JSON-LD context of EPCIS 2.0.
pub const CONTEXT: &str = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
/// GS1's resolver: the canonical host of Digital Link identifiers.
pub const GS1_RESOLVER: &str = "https://id.gs1.org";

/// The Digital Link URI of a lot as an identifier (on GS1's resolver).
pub fn lot_uri(gtin: &Gtin, lot: &str) -> String {
    format!("{GS1_RESOLVER}{}", super::digital_link_path(gtin, lot))
}

/// (action, bizStep, disposition) of a step, from the CBV.
fn why(step: TraceStep) -> (Option<&'static str>, &'static str, Option<&'static str>) {
    match step {
        // harvest commissions the lot (GS1's agri-food guidance; CBV has no harvest step)
        TraceStep::Harvesting => (Some("ADD"), "commissioning", Some("active")),
        TraceStep::Inspecting => (Some("OBSERVE"), "inspecting", None),
        TraceStep::Processing => (None, "commissioning", Some("active")),
        TraceStep::Packing => (Some("ADD"), "packing", Some("in_progress")),
        TraceStep::Shipping => (Some("OBSERVE"), "shipping", Some("in_transit")),
        TraceStep::Receiving => (Some("OBSERVE"), "receiving", Some("in_progress")),
    }
}

/// The event type of a step.
pub fn event_type(step: TraceStep) -> &'static str {
    match step {
        TraceStep::Processing => "TransformationEvent",
        TraceStep::Packing => "AggregationEvent",
        _ => "ObjectEvent",
    }
}

/// A builder of documents: the records, where each product's GTIN is, and the
/// installation's public address (no trailing `/`).
pub struct Epcis<'a> {
    pub records: &'a TraceRecords,
    pub gtin_of: &'a dyn Fn(&str) -> Option<&'a Gtin>,
    pub base: &'a str,
}

impl Epcis<'_> {
    fn quantities(&self, qs: &[LotQuantity]) -> Vec<Value> {
        qs.iter()
            .filter_map(|q| {
                let gtin = (self.gtin_of)(&q.product)?;
                let uom = self.records.lot(&q.product, &q.lot).map(|l| l.unit.code());
                let mut m = Map::new();
                m.insert("epcClass".into(), Value::String(lot_uri(gtin, &q.lot)));
                m.insert("quantity".into(), json!(q.quantity.to_f64()));
                if let Some(u) = uom {
                    m.insert("uom".into(), Value::String(u.into()));
                }
                Some(Value::Object(m))
            })
            .collect()
    }

    /// The URI of one of the installation's places.
    pub fn place_uri(&self, facility: &str) -> String {
        format!("{}/loc/{}", self.base, encode_ai(facility))
    }

    /// The URI of a case or pallet: its SSCC on GS1's resolver, or the installation's own.
    pub fn parent_uri(&self, parent: &str) -> String {
        if super::is_sscc(parent) {
            format!("{GS1_RESOLVER}/00/{parent}")
        } else {
            format!("{}/pack/{}", self.base, encode_ai(parent))
        }
    }

    /// The URI that names an event (its `eventID`), so a document read back finds it.
    pub fn event_uri(&self, code: &str) -> String {
        format!("{}/trace/events/{}", self.base, encode_ai(code))
    }

    pub fn event(&self, e: &TraceEvent) -> Value {
        let (action, step, disposition) = why(e.step);
        let mut m = Map::new();
        m.insert("type".into(), json!(event_type(e.step)));
        m.insert("eventID".into(), json!(self.event_uri(&e.code)));
        let time = e.time.as_deref().unwrap_or("00:00");
        m.insert(
            "eventTime".into(),
            json!(format!(
                "{}T{time}:00+07:00",
                crate::date::to_iso(e.occurred_on)
            )),
        );
        m.insert("eventTimeZoneOffset".into(), json!("+07:00"));
        match e.step {
            TraceStep::Processing => {
                m.insert(
                    "inputQuantityList".into(),
                    Value::Array(self.quantities(&e.inputs)),
                );
                m.insert(
                    "outputQuantityList".into(),
                    Value::Array(self.quantities(&e.lots)),
                );
            }
            TraceStep::Packing => {
                if let Some(p) = &e.parent {
                    m.insert("parentID".into(), json!(self.parent_uri(p)));
                }
                m.insert(
                    "childQuantityList".into(),
                    Value::Array(self.quantities(&e.lots)),
                );
            }
            _ => {
                m.insert(
                    "quantityList".into(),
                    Value::Array(self.quantities(&e.lots)),
                );
            }
        }
        if let Some(a) = action {
            m.insert("action".into(), json!(a));
        }
        m.insert("bizStep".into(), json!(step));
        if let Some(d) = disposition {
            m.insert("disposition".into(), json!(d));
        }
        if let Some(f) = &e.facility {
            let place = json!({ "id": self.place_uri(f) });
            m.insert("readPoint".into(), place.clone());
            m.insert("bizLocation".into(), place);
        }
        Value::Object(m)
    }

    /// An EPCIS document of these events, made at `created` (RFC 3339).
    pub fn document(&self, events: &[&TraceEvent], created: &str) -> Value {
        json!({
            "@context": [CONTEXT],
            "type": "EPCISDocument",
            "schemaVersion": "2.0",
            "creationDate": created,
            "epcisBody": {
                "eventList": events.iter().map(|e| self.event(e)).collect::<Vec<_>>()
            }
        })
    }
}
