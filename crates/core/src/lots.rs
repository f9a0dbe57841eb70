//! The records of traceability (truy xuất nguồn gốc): planting areas and packing houses
//! with their codes, lots of products, and the events each lot went through. Data only: the
//! checks and the trace are in `crate::trace`, the EPCIS document in `crate::trace::epcis`.

use crate::date::Date;
use crate::fixed::Fixed;
use crate::types::{FacilityKind, FacilityStatus, LotUnit, OrgCode, TraceStep, UnitId};

/// A planting area (vùng trồng) or packing house (cơ sở đóng gói) with the code an
/// authority issued it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Facility {
    /// The code as issued (`VN-87-872-30049-01-21`), unique.
    pub code: String,
    pub kind: FacilityKind,
    /// The organisation that holds it (its representative).
    pub org: OrgCode,
    /// Crop or product (cây trồng, sản phẩm đóng gói): "lúa", "xoài cát Hòa Lộc".
    pub crop: String,
    /// Area in hectares, exact (a packing house has none).
    pub area_ha: Option<Fixed>,
    /// Farm households in it (số hộ), when known.
    pub households: Option<i64>,
    /// The commune it lies in, as the unit was on the day the code was issued.
    pub unit: UnitId,
    /// The authority that issued the code (Chi cục Trồng trọt và BVTV, Cục BVTV…).
    pub issued_by: String,
    pub issued_on: Date,
    /// The market it is for (thị trường): "nội địa", "Trung Quốc", "EU".
    pub market: String,
    pub status: FacilityStatus,
    /// The day a suspension or revocation took effect (the code held until then).
    pub status_since: Option<Date>,
}

impl Facility {
    /// Whether the code held on `d`: issued by then and not yet suspended or revoked.
    pub fn valid_on(&self, d: Date) -> bool {
        self.issued_on <= d
            && (self.status == FacilityStatus::Valid || self.status_since.is_some_and(|s| s > d))
    }
}

/// A lot (lô) of a product: what a GTIN and a batch number name together (GS1 AI 10).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Lot {
    /// The product's code (its GTIN is the product's).
    pub product: String,
    /// The batch or lot number as printed: up to 20 characters of GS1's set.
    pub lot: String,
    pub quantity: Fixed,
    pub unit: LotUnit,
    /// Harvested or produced on (ngày thu hoạch, sản xuất).
    pub produced_on: Date,
    /// The planting area or packing house it came from, by code.
    pub facility: Option<String>,
}

/// A quantity of a lot in an event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LotQuantity {
    pub product: String,
    pub lot: String,
    pub quantity: Fixed,
}

/// Something that happened to lots (sự kiện truy xuất), one EPCIS 2.0 event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TraceEvent {
    /// The cooperative's own code for it, unique.
    pub code: String,
    pub step: TraceStep,
    pub occurred_on: Date,
    /// The time of day, `HH:MM` Vietnam time, when recorded.
    pub time: Option<String>,
    /// Where: a planting area or packing house, by code.
    pub facility: Option<String>,
    /// Processing only: the lots consumed.
    pub inputs: Vec<LotQuantity>,
    /// The lots the event is about (harvested, inspected, packed, shipped, received), or
    /// those a processing made.
    pub lots: Vec<LotQuantity>,
    /// Packing only: the case or pallet they were packed into (an SSCC, or the
    /// cooperative's own number).
    pub parent: Option<String>,
    /// What the cooperative adds (free text, shown on the public page).
    pub note: String,
}

/// Facilities by code, lots by (product, lot), events by code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TraceRecords {
    pub facilities: Vec<Facility>,
    pub lots: Vec<Lot>,
    pub events: Vec<TraceEvent>,
}

impl TraceRecords {
    pub fn facility(&self, code: &str) -> Option<&Facility> {
        (self
            .facilities
            .binary_search_by(|f| f.code.as_str().cmp(code))
            .ok())
        .map(|i| &self.facilities[i])
    }

    pub fn lot(&self, product: &str, lot: &str) -> Option<&Lot> {
        (self.lots)
            .binary_search_by(|l| (l.product.as_str(), l.lot.as_str()).cmp(&(product, lot)))
            .ok()
            .map(|i| &self.lots[i])
    }

    pub fn event(&self, code: &str) -> Option<&TraceEvent> {
        (self
            .events
            .binary_search_by(|e| e.code.as_str().cmp(code))
            .ok())
        .map(|i| &self.events[i])
    }

    /// The records of the organisations kept: their facilities, the lots of their products
    /// (`product_in`), and the events that name only such lots.
    pub fn within(
        &self,
        org_in: impl Fn(&OrgCode) -> bool,
        product_in: impl Fn(&str) -> bool,
    ) -> TraceRecords {
        TraceRecords {
            facilities: (self.facilities.iter())
                .filter(|f| org_in(&f.org))
                .cloned()
                .collect(),
            lots: (self.lots.iter())
                .filter(|l| product_in(&l.product))
                .cloned()
                .collect(),
            events: (self.events.iter())
                .filter(|e| (e.inputs.iter().chain(&e.lots)).all(|q| product_in(&q.product)))
                .cloned()
                .collect(),
        }
    }
}
