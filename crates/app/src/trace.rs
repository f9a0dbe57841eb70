//! Traceability as cooperatives keep it: their planting areas and packing houses, the lots
//! of their products, the events of those lots; a lot's trace up and down, the public page
//! of a lot (only what its cooperative marks public), and the EPCIS 2.0 document of what an
//! account reads. A cooperative's own account writes its records, its commune's officers and
//! the offices above may too; every side of a write is checked and audited.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::lots::{Facility, Lot, TraceEvent};
use hoptac_core::model::{Organization, Snapshot};
use hoptac_core::trace::{event_problems, facility_problems, lot_problems};
use hoptac_core::{Date, OrgCode};
use hoptac_store::ChangeSet;

pub use crate::training::Problems;

const FACILITIES: &str = "facilities";
const LOTS: &str = "lots";
const EVENTS: &str = "trace_events";
/// Largest EPCIS document read: twenty mebibytes.
pub const EPCIS_MAX_BYTES: usize = 20 * 1024 * 1024;

/// The audit key of a lot.
pub fn lot_key(product: &str, lot: &str) -> String {
    format!("{product}/{lot}")
}

fn org<'s>(snap: &'s Snapshot, code: &OrgCode) -> Option<&'s Organization> {
    snap.orgs.iter().find(|o| o.code == *code)
}

/// The organisation whose product a lot is.
fn lot_owner<'s>(snap: &'s Snapshot, product: &str) -> Option<&'s Organization> {
    org(snap, &snap.products.product(product)?.org)
}

/// A lot's page: the lot, its product and organisation, its trace.
#[derive(Debug, Clone)]
pub struct LotView {
    pub lot: Lot,
    pub product: hoptac_core::model::Product,
    pub org_name: String,
    pub facility: Option<Facility>,
    /// Every event of the lot's trace, oldest first.
    pub events: Vec<TraceEvent>,
    pub can_edit: bool,
}

/// What the public page of a lot shows: no person, no figure of the cooperative, only what
/// the product's cooperative marked public.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PublicLot {
    pub product: String,
    pub group_vi: &'static str,
    pub group_en: &'static str,
    pub gtin: String,
    pub unit: String,
    pub producer: String,
    pub producer_kind_vi: &'static str,
    pub producer_kind_en: &'static str,
    /// The OCOP stars it holds today, the state and the day it lapses.
    pub ocop: Option<(u8, hoptac_core::ocop::CertificateState, Date)>,
    pub lot: Option<PublicLotDetail>,
}

/// (day, time, step, place code, note) of one event of a public lot.
pub type PublicStep = (
    Date,
    Option<String>,
    hoptac_core::types::TraceStep,
    Option<String>,
    String,
);

#[derive(Debug, Clone, serde::Serialize)]
pub struct PublicLotDetail {
    pub lot: String,
    pub produced_on: Date,
    /// The planting area or packing house: its code, kind and commune.
    pub facility: Option<(String, hoptac_core::types::FacilityKind, String)>,
    /// (day, time, step, place code, note), oldest first, the lots it was made from
    /// included.
    pub events: Vec<PublicStep>,
}

impl App {
    /// Whether the account writes the records of the organisation `code` of the snapshot:
    /// refused (and audited) otherwise, an unknown one not found.
    async fn writes(
        &self,
        actor: &Actor,
        snap: &Snapshot,
        entity: &str,
        code: &OrgCode,
    ) -> Result<()> {
        match org(snap, code) {
            Some(o) => self.may_write_org(actor, o).await,
            None => {
                self.check_write(actor, entity).await?;
                Err(AppError::not_found("org", code.as_str()))
            }
        }
    }

    /// The facilities the account reads (of organisations it reads), by code.
    pub async fn facilities(&self, actor: &Actor) -> Result<Vec<(Facility, String)>> {
        let snap = self.snapshot().await?;
        Ok((snap.trace.facilities.iter())
            .filter_map(|f| {
                let o = org(&snap, &f.org)?;
                crate::support::reads_org(actor, &snap, o).then(|| (f.clone(), o.name.clone()))
            })
            .collect())
    }

    /// The commune an organisation is in on `d`, after the moves and reorganisations up to
    /// then: `None` when not known as one commune (split and not yet placed, or unknown).
    pub async fn commune_on(&self, code: &OrgCode, d: Date) -> Result<Option<hoptac_core::UnitId>> {
        let snap = self.snapshot().await?;
        let Some(o) = org(&snap, code) else {
            return Ok(None);
        };
        let m = hoptac_core::territory::UnitMap::new(&snap.units, &snap.changes, &snap.moves);
        let cs = m.candidates(o, d);
        Ok((cs.len() == 1).then(|| cs.into_iter().next()).flatten())
    }

    /// Records a planting area or packing house, or corrects the one of `original`.
    pub async fn save_facility(
        &self,
        actor: &Actor,
        original: Option<&str>,
        f: Facility,
        version: i64,
    ) -> Result<Problems> {
        let f = Facility {
            code: original
                .map(str::to_string)
                .unwrap_or(f.code.trim().to_string()),
            crop: f.crop.trim().to_string(),
            issued_by: f.issued_by.trim().to_string(),
            market: f.market.trim().to_string(),
            ..f
        };
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        self.writes(actor, &snap, FACILITIES, &f.org).await?;
        let before = snap.trace.facility(&f.code).cloned();
        if let Some(b) = &before {
            self.writes(actor, &snap, FACILITIES, &b.org).await?;
        }
        let mut problems = facility_problems(&f, org(&snap, &f.org), snap.unit(f.unit));
        let unit = org(&snap, &f.org).map(|o| o.commune);
        self.upsert_checks(
            original,
            before.is_some(),
            &f.code,
            "facility",
            &mut problems,
        )?;
        if !problems.is_empty() || before.as_ref() == Some(&f) {
            return Ok(problems);
        }
        let mut c = self.write_set(
            actor,
            FACILITIES,
            &f.code,
            unit,
            before.as_ref(),
            &f,
            generation,
            version,
        );
        c.facilities.push(f);
        self.commit(c).await
    }

    /// Records a lot of a product, or corrects the one of `original` (product and lot).
    pub async fn save_lot(
        &self,
        actor: &Actor,
        original: Option<(&str, &str)>,
        l: Lot,
        version: i64,
    ) -> Result<Problems> {
        let l = match original {
            Some((p, lot)) => Lot {
                product: p.to_string(),
                lot: lot.to_string(),
                ..l
            },
            None => Lot {
                product: l.product.trim().to_string(),
                lot: l.lot.trim().to_string(),
                ..l
            },
        };
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        let Some(owner) = lot_owner(&snap, &l.product) else {
            self.check_write(actor, LOTS).await?;
            return Ok(lot_problems(&l, None, &snap.trace));
        };
        self.may_write_org(actor, owner).await?;
        let key = lot_key(&l.product, &l.lot);
        let before = snap.trace.lot(&l.product, &l.lot).cloned();
        let mut problems = lot_problems(&l, snap.products.product(&l.product), &snap.trace);
        if let Some(f) = l.facility.as_ref().and_then(|c| snap.trace.facility(c))
            && let Some(o) = org(&snap, &f.org)
            && !crate::support::reads_org(actor, &snap, o)
        {
            problems.push((
                "facility",
                f.code.clone(),
                hoptac_core::msg!("trace.no_such_facility", code = f.code),
            ));
        }
        // a lot already named by events keeps its day before theirs
        if let Some(e) = (snap.trace.events.iter())
            .filter(|e| {
                e.inputs
                    .iter()
                    .chain(&e.lots)
                    .any(|q| q.product == l.product && q.lot == l.lot)
            })
            .find(|e| e.occurred_on < l.produced_on)
        {
            problems.push((
                "produced_on",
                hoptac_core::date::to_vi(l.produced_on),
                hoptac_core::msg!(
                    "trace.lot_after_its_event",
                    code = e.code,
                    day = hoptac_core::date::to_vi(e.occurred_on)
                ),
            ));
        }
        self.upsert_checks(
            original.map(|_| ""),
            before.is_some(),
            &key,
            "lot",
            &mut problems,
        )?;
        if !problems.is_empty() || before.as_ref() == Some(&l) {
            return Ok(problems);
        }
        let mut c = self.write_set(
            actor,
            LOTS,
            &key,
            Some(owner.commune),
            before.as_ref(),
            &l,
            generation,
            version,
        );
        c.lots.push(l);
        self.commit(c).await
    }

    /// Records an event of lots, or corrects the one of `original`: by an account that
    /// writes every lot's organisation, the lots it named before included.
    pub async fn save_trace_event(
        &self,
        actor: &Actor,
        original: Option<&str>,
        e: TraceEvent,
        version: i64,
    ) -> Result<Problems> {
        let e = TraceEvent {
            code: original
                .map(str::to_string)
                .unwrap_or(e.code.trim().to_string()),
            note: e.note.trim().to_string(),
            ..e
        };
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        self.check_write(actor, EVENTS).await?;
        let before = snap.trace.event(&e.code).cloned();
        let mut owners: Vec<&Organization> = Vec::new();
        for q in e
            .inputs
            .iter()
            .chain(&e.lots)
            .chain(before.iter().flat_map(|b| b.inputs.iter().chain(&b.lots)))
        {
            if let Some(o) = lot_owner(&snap, &q.product)
                && !owners.iter().any(|x| x.code == o.code)
            {
                owners.push(o);
            }
        }
        for o in &owners {
            self.may_write_org(actor, o).await?;
        }
        let mut others = snap.trace.clone();
        others.events.retain(|x| x.code != e.code);
        let mut problems = event_problems(&e, &others);
        self.upsert_checks(
            original,
            before.is_some(),
            &e.code,
            "trace_event",
            &mut problems,
        )?;
        if !problems.is_empty() || before.as_ref() == Some(&e) {
            return Ok(problems);
        }
        let unit = owners.first().map(|o| o.commune);
        let mut c = self.write_set(
            actor,
            EVENTS,
            &e.code,
            unit,
            before.as_ref(),
            &e,
            generation,
            version,
        );
        c.trace_events.push(e);
        self.commit(c).await
    }

    /// Takes out an event recorded by mistake, with a reason.
    pub async fn remove_trace_event(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let snap = self.snapshot().await?;
        let Some(e) = snap.trace.event(code).cloned() else {
            return Err(AppError::not_found("trace_event", code));
        };
        let mut unit = None;
        for q in e.inputs.iter().chain(&e.lots) {
            if let Some(o) = lot_owner(&snap, &q.product) {
                self.may_write_org(actor, o).await?;
                unit = Some(o.commune);
            }
        }
        let c = self
            .removal(
                actor,
                EVENTS,
                code,
                unit,
                serde_json::to_string(&e).ok(),
                reason,
                version,
            )
            .await?;
        self.commit_removal(ChangeSet {
            removed_trace_events: vec![code.to_string()],
            ..c
        })
        .await
    }

    /// Takes out a lot entered by mistake, with a reason: refused while an event names it.
    pub async fn remove_lot(
        &self,
        actor: &Actor,
        product: &str,
        lot: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let v = self.lot(actor, product, lot).await?;
        let snap = self.snapshot().await?;
        let Some(o) = lot_owner(&snap, product) else {
            return Err(AppError::not_found("lot", lot_key(product, lot)));
        };
        self.may_write_org(actor, o).await?;
        let named = (snap.trace.events.iter())
            .filter(|e| {
                e.inputs
                    .iter()
                    .chain(&e.lots)
                    .any(|q| q.product == product && q.lot == lot)
            })
            .count();
        if named > 0 {
            return Err(AppError::invalid(
                "lot",
                lot,
                hoptac_core::msg!("trace.lot_has_events", count = named),
            ));
        }
        let key = lot_key(product, lot);
        let c = self
            .removal(
                actor,
                LOTS,
                &key,
                Some(o.commune),
                serde_json::to_string(&v.lot).ok(),
                reason,
                version,
            )
            .await?;
        self.commit_removal(ChangeSet {
            removed_lots: vec![(product.to_string(), lot.to_string())],
            ..c
        })
        .await
    }

    /// Takes out a facility entered by mistake, with a reason: refused while a lot or an
    /// event names it.
    pub async fn remove_facility(
        &self,
        actor: &Actor,
        code: &str,
        reason: &str,
        version: i64,
    ) -> Result<()> {
        let snap = self.snapshot().await?;
        let Some(f) = snap.trace.facility(code).cloned() else {
            return Err(AppError::not_found("facility", code));
        };
        self.writes(actor, &snap, FACILITIES, &f.org).await?;
        let named = (snap.trace.lots.iter())
            .filter(|l| l.facility.as_deref() == Some(code))
            .count()
            + (snap.trace.events.iter())
                .filter(|e| e.facility.as_deref() == Some(code))
                .count();
        if named > 0 {
            return Err(AppError::invalid(
                "code",
                code,
                hoptac_core::msg!("trace.facility_named", count = named),
            ));
        }
        let unit = org(&snap, &f.org).map(|o| o.commune);
        let c = self
            .removal(
                actor,
                FACILITIES,
                code,
                unit,
                serde_json::to_string(&f).ok(),
                reason,
                version,
            )
            .await?;
        self.commit_removal(ChangeSet {
            removed_facilities: vec![code.to_string()],
            ..c
        })
        .await
    }

    /// A lot with its trace, for an account that reads its product's organisation.
    pub async fn lot(&self, actor: &Actor, product: &str, lot: &str) -> Result<LotView> {
        let snap = self.snapshot().await?;
        let found = (snap.trace.lot(product, lot))
            .and_then(|l| {
                Some((
                    l,
                    snap.products.product(product)?,
                    lot_owner(&snap, product)?,
                ))
            })
            .filter(|(_, _, o)| crate::support::reads_org(actor, &snap, o));
        let Some((l, p, o)) = found else {
            let e = self.audit_entry(actor, "refused", LOTS, &lot_key(product, lot), None);
            self.store().append_audit(&e).await?;
            return Err(AppError::not_found("lot", lot_key(product, lot)));
        };
        let ix = hoptac_core::trace::TraceIndex::new(&snap.trace);
        let events = ix.trace(product, lot).events.into_iter().cloned().collect();
        Ok(LotView {
            lot: l.clone(),
            product: p.clone(),
            org_name: o.name.clone(),
            facility: l
                .facility
                .as_ref()
                .and_then(|c| snap.trace.facility(c))
                .cloned(),
            events,
            can_edit: hoptac_core::auth::permits(
                &actor.account,
                hoptac_core::auth::Action::Write,
                &hoptac_core::auth::Resource::Org {
                    code: o.code.clone(),
                    commune: o.commune,
                },
                &*snap,
            ),
        })
    }

    /// One event of lots the account reads (every lot of it), the first lot it is about,
    /// and whether the account writes them all: not found (the refusal audited) otherwise.
    pub async fn trace_event(&self, actor: &Actor, code: &str) -> Result<(TraceEvent, Lot, bool)> {
        use hoptac_core::auth::{Action, Resource, permits};
        let snap = self.snapshot().await?;
        let found = snap.trace.event(code).and_then(|e| {
            let owners: Option<Vec<&Organization>> = (e.inputs.iter().chain(&e.lots))
                .map(|q| lot_owner(&snap, &q.product))
                .collect();
            let owners = owners?;
            let first = e.lots.first()?;
            let lot = snap.trace.lot(&first.product, &first.lot)?;
            owners
                .iter()
                .all(|o| crate::support::reads_org(actor, &snap, o))
                .then(|| {
                    let writes = owners.iter().all(|o| {
                        let r = Resource::Org {
                            code: o.code.clone(),
                            commune: o.commune,
                        };
                        permits(&actor.account, Action::Write, &r, &*snap)
                    });
                    (e.clone(), lot.clone(), writes)
                })
        });
        match found {
            Some(x) => Ok(x),
            None => {
                let unit = self.account_unit(&actor.account).await?;
                let e = self.audit_entry(actor, "refused", EVENTS, code, unit);
                self.store().append_audit(&e).await?;
                Err(AppError::not_found("trace_event", code))
            }
        }
    }

    /// The lots the account reads, newest first.
    pub async fn lots(&self, actor: &Actor) -> Result<Vec<(Lot, String)>> {
        let snap = self.snapshot().await?;
        let mut out: Vec<(Lot, String)> = (snap.trace.lots.iter())
            .filter_map(|l| {
                let o = lot_owner(&snap, &l.product)?;
                let p = snap.products.product(&l.product)?;
                crate::support::reads_org(actor, &snap, o).then(|| (l.clone(), p.name.clone()))
            })
            .collect();
        out.sort_by(|a, b| (b.0.produced_on, &b.0.lot).cmp(&(a.0.produced_on, &a.0.lot)));
        Ok(out)
    }

    /// The public page of a product (`lot` empty) or of one of its lots, by its GTIN: `None`
    /// when there is no such product or lot, or its cooperative did not make it public.
    /// Reads only; asks no account.
    pub async fn public_lot(
        &self,
        gtin: &str,
        lot: Option<&str>,
        today: Date,
    ) -> Result<Option<PublicLot>> {
        let Ok(g) = hoptac_core::gtin::Gtin::parse(gtin) else {
            return Ok(None);
        };
        let snap = self.snapshot().await?;
        let Some(p) =
            (snap.products.products.iter()).find(|p| p.public && p.gtin.as_ref() == Some(&g))
        else {
            return Ok(None);
        };
        let Some(o) = org(&snap, &p.org) else {
            return Ok(None);
        };
        let ratings = snap.products.ratings_of(&p.code);
        let ocop = hoptac_core::ocop::current(&ratings, today)
            .filter(|(_, s)| s.in_force())
            .map(|(r, s)| (r.stars, s, hoptac_core::ocop::expires_on(r)));
        let detail = match lot {
            None => None,
            Some(l) => {
                let Some(found) = snap.trace.lot(&p.code, l) else {
                    return Ok(None);
                };
                let ix = hoptac_core::trace::TraceIndex::new(&snap.trace);
                let facility = (found.facility.as_ref())
                    .and_then(|c| snap.trace.facility(c))
                    .map(|f| {
                        let commune = snap
                            .unit(f.unit)
                            .map(|u| u.name.clone())
                            .unwrap_or_default();
                        (f.code.clone(), f.kind, commune)
                    });
                Some(PublicLotDetail {
                    lot: found.lot.clone(),
                    produced_on: found.produced_on,
                    facility,
                    events: (ix.trace(&p.code, l).events.into_iter())
                        .map(|e| {
                            (
                                e.occurred_on,
                                e.time.clone(),
                                e.step,
                                e.facility.clone(),
                                e.note.clone(),
                            )
                        })
                        .collect(),
                })
            }
        };
        Ok(Some(PublicLot {
            product: p.name.clone(),
            group_vi: p.group.label_vi(),
            group_en: p.group.label_en(),
            gtin: g.short().to_string(),
            unit: p.unit.clone(),
            producer: o.name.clone(),
            producer_kind_vi: o.kind.label_vi(),
            producer_kind_en: o.kind.label_en(),
            ocop,
            lot: detail,
        }))
    }

    /// The GS1 Digital Link of every lot of a public product (and of each public product),
    /// under the installation's public address `base`: what its label's QR code says.
    pub async fn public_links(&self, base: &str) -> Result<Vec<String>> {
        let snap = self.snapshot().await?;
        let base = base.trim_end_matches('/');
        let mut out = Vec::new();
        for p in snap.products.products.iter().filter(|p| p.public) {
            let Some(g) = &p.gtin else { continue };
            out.push(format!("{base}/01/{}", g.as_str()));
            for l in snap.trace.lots.iter().filter(|l| l.product == p.code) {
                out.push(format!(
                    "{base}{}",
                    hoptac_core::trace::digital_link_path(g, &l.lot)
                ));
            }
        }
        Ok(out)
    }

    /// The EPCIS 2.0 document of the events of the lots the account reads (or of one lot's
    /// trace), identifiers under `base` (the installation's public address).
    pub async fn epcis_document(
        &self,
        actor: &Actor,
        lot: Option<(&str, &str)>,
        base: &str,
    ) -> Result<serde_json::Value> {
        let snap = self.snapshot().await?;
        let readable = |product: &str| {
            lot_owner(&snap, product).is_some_and(|o| crate::support::reads_org(actor, &snap, o))
        };
        let events: Vec<&TraceEvent> = match lot {
            Some((p, l)) => {
                if !readable(p) || snap.trace.lot(p, l).is_none() {
                    return Err(AppError::not_found("lot", lot_key(p, l)));
                }
                let ix = hoptac_core::trace::TraceIndex::new(&snap.trace);
                ix.trace(p, l).events
            }
            None => (snap.trace.events.iter())
                .filter(|e| e.inputs.iter().chain(&e.lots).all(|q| readable(&q.product)))
                .collect(),
        };
        let gtin_of = |p: &str| snap.products.product(p).and_then(|p| p.gtin.as_ref());
        let x = hoptac_core::trace::epcis::Epcis {
            records: &snap.trace,
            gtin_of: &gtin_of,
            base: base.trim_end_matches('/'),
        };
        Ok(x.document(&events, &crate::auth::now_rfc3339()))
    }

    /// Reads an EPCIS 2.0 JSON-LD document (at most [`EPCIS_MAX_BYTES`]) and writes its
    /// events, all or none: every event is checked as a form checks it, in the document's
    /// order (what an earlier one consumed counts), on every lot's organisation. Returns the
    /// events written, or every problem with the event's place in the document.
    pub async fn import_epcis(
        &self,
        actor: &Actor,
        bytes: Vec<u8>,
        base: &str,
    ) -> Result<std::result::Result<usize, Vec<hoptac_core::trace::epcis_read::ReadProblem>>> {
        if bytes.len() > EPCIS_MAX_BYTES {
            return Err(AppError::TooLarge(EPCIS_MAX_BYTES));
        }
        let doc: serde_json::Value =
            tokio::task::spawn_blocking(move || serde_json::from_slice(&bytes))
                .await
                .map_err(|e| AppError::internal(e.to_string()))?
                .map_err(|e| {
                    AppError::invalid(
                        "epcis",
                        e.to_string(),
                        hoptac_core::msg!("epcis.not_a_document"),
                    )
                })?;
        let _turn = self.write_gate.lock().await;
        let (generation, snap) = self.snapshot_at().await?;
        let product_of = |g: &hoptac_core::gtin::Gtin| {
            (snap.products.products.iter())
                .find(|p| p.gtin.as_ref() == Some(g))
                .map(|p| p.code.clone())
        };
        let events = match hoptac_core::trace::epcis_read::read(&doc, base, product_of) {
            Ok(e) => e,
            Err(problems) => return Ok(Err(problems)),
        };
        self.check_write(actor, EVENTS).await?;
        let mut records = snap.trace.clone();
        let mut problems = Vec::new();
        let mut c = ChangeSet {
            expect_generation: Some(generation),
            ..Default::default()
        };
        for (i, mut e) in events.into_iter().enumerate() {
            // EPCIS carries no note: the stored one is kept
            if let Some(b) = snap.trace.event(&e.code)
                && e.note.is_empty()
            {
                e.note = b.note.clone();
            }
            for q in e.inputs.iter().chain(&e.lots) {
                if let Some(o) = lot_owner(&snap, &q.product) {
                    self.may_write_org(actor, o).await?;
                }
            }
            records.events.retain(|x| x.code != e.code);
            for (field, value, msg) in event_problems(&e, &records) {
                problems.push((i + 1, field, value, msg));
            }
            let before = snap.trace.event(&e.code);
            records.events.push(e.clone());
            records.events.sort_by(|a, b| a.code.cmp(&b.code));
            // an event as stored already is not written again, nor audited
            if before == Some(&e) {
                continue;
            }
            let unit = e
                .lots
                .first()
                .and_then(|q| lot_owner(&snap, &q.product))
                .map(|o| o.commune);
            let mut a = self.audit_entry(
                actor,
                if before.is_some() { "update" } else { "create" },
                EVENTS,
                &e.code,
                unit,
            );
            a.before = before.and_then(|b| serde_json::to_string(b).ok());
            a.after = serde_json::to_string(&e).ok();
            c.audit.push(a);
            c.trace_events.push(e);
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let n = c.trace_events.len();
        if n == 0 {
            return Ok(Ok(0));
        }
        match self.apply(&c).await {
            Err(e) => Err(self.stale(e).await),
            Ok(()) => Ok(Ok(n)),
        }
    }

    /// A create refused on a code taken, an edit of a record that is not there.
    fn upsert_checks(
        &self,
        original: Option<&str>,
        exists: bool,
        key: &str,
        kind: &'static str,
        problems: &mut Problems,
    ) -> Result<()> {
        match (original, exists) {
            (None, true) => problems.push((
                "code",
                key.to_string(),
                hoptac_core::msg!("support.code_taken", code = key),
            )),
            (Some(_), false) => return Err(AppError::not_found(kind, key)),
            _ => {}
        }
        Ok(())
    }
}
