//! The traceability and linkage sheets: planting areas and packing houses (their commune a
//! reference the import resolves at the day of issue), lots, linkage contracts (their
//! cooperatives `A;B`, their schedule `2026-03-31=600; 2026-08-31=300`) and deliveries.
//! Whether what they name exists, and who may write them, is the import's business.

use super::layout::{Layout, duplicate, rows};
use super::parsed::{FacilityInput, Located, Parsed};
use super::reader::RowReader;
use crate::read::RawSheet;
use hoptac_core::chain::{Contract, Delivery, Installment, LinkageProject};
use hoptac_core::lots::{Facility, Lot};
use hoptac_core::types::{FacilityKind, FacilityStatus, LinkageForm, LotUnit};
use hoptac_core::validate::Severity;
use std::collections::HashMap;

fn column(l: &Layout, key: &str) -> String {
    l.cols.get(key).map(|c| c.1.clone()).unwrap_or_default()
}

fn located<T>(sheet: &RawSheet, row: u32, value: T) -> Located<T> {
    Located {
        sheet: sheet.name.clone(),
        row,
        value,
    }
}

pub(super) fn parse_facilities(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let kind = r.enumerated::<FacilityKind>("kind");
        let kind = r.required("kind", kind);
        let org = r.org_code("org_code");
        let crop = r.text("crop");
        let crop = r.required("crop", crop);
        let area_ha = r.money("area_ha");
        let households = r.integer("households");
        let unit = r.text("unit");
        let unit = r.required("unit", unit);
        let issued_by = r.text("issued_by");
        let issued_by = r.required("issued_by", issued_by);
        let issued_on = r.date("issued_on");
        let issued_on = r.required("issued_on", issued_on);
        let market = r.text("market").unwrap_or_default();
        let status = r.enumerated::<FacilityStatus>("status");
        let status = r.required("status", status);
        let status_since = r.date("status_since");
        let failed = r.failed;
        let (Some(code), Some(kind), Some(org), Some(crop), Some(unit)) =
            (code, kind, org, crop, unit)
        else {
            continue;
        };
        let (Some(issued_by), Some(issued_on), Some(status), false) =
            (issued_by, issued_on, status, failed)
        else {
            continue;
        };
        if !duplicate(
            &mut seen,
            code.clone(),
            *n,
            &sheet.name,
            &column(l, "code"),
            &mut out.problems,
        ) {
            let facility = Facility {
                code,
                kind,
                org,
                crop,
                area_ha,
                households,
                unit: hoptac_core::UnitId(0),
                issued_by,
                issued_on,
                market,
                status,
                status_since,
            };
            out.facilities
                .push(located(sheet, *n, FacilityInput { facility, unit }));
        }
    }
}

pub(super) fn parse_lots(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let product = r.text("product");
        let product = r.required("product", product);
        let gtin = r.text("gtin");
        let lot = r.text("lot");
        let lot = r.required("lot", lot);
        let quantity = r.money("quantity");
        let quantity = r.required("quantity", quantity);
        let unit = r.enumerated::<LotUnit>("uom");
        let unit = r.required("uom", unit);
        let produced_on = r.date("produced_on");
        let produced_on = r.required("produced_on", produced_on);
        let facility = r.text("facility");
        let failed = r.failed;
        let (Some(product), Some(lot), Some(quantity), Some(unit), Some(produced_on), false) =
            (product, lot, quantity, unit, produced_on, failed)
        else {
            continue;
        };
        let key = format!("{product}/{lot}");
        if !duplicate(
            &mut seen,
            key,
            *n,
            &sheet.name,
            &column(l, "lot"),
            &mut out.problems,
        ) {
            let value = Lot {
                product,
                lot,
                quantity,
                unit,
                produced_on,
                facility,
            };
            out.lots.push(located(sheet, *n, (value, gtin)));
        }
    }
}

/// `2026-03-31=600; 2026-08-31=300` (or `31/03/2026: 600; …`), `None` when a piece is not
/// a day and a quantity.
fn schedule(s: &str) -> Option<Vec<Installment>> {
    (s.split(';').map(str::trim).filter(|p| !p.is_empty()))
        .map(|p| {
            let (day, q) = p.split_once('=').or_else(|| p.split_once(':'))?;
            Some(Installment {
                due: hoptac_core::date::parse(day.trim())?,
                quantity: hoptac_core::parse::parse_number(q.trim())?.value,
            })
        })
        .collect()
}

pub(super) fn parse_contracts(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let orgs_text = r.text("orgs");
        let orgs_text = r.required("orgs", orgs_text);
        let orgs: Option<Vec<hoptac_core::OrgCode>> = orgs_text.as_deref().and_then(|t| {
            (t.split(';').map(str::trim).filter(|x| !x.is_empty()))
                .map(hoptac_core::OrgCode::parse)
                .collect()
        });
        if let (Some(t), None) = (&orgs_text, &orgs) {
            r.push(
                Severity::Error,
                "orgs",
                t.clone(),
                hoptac_core::msg!("exchange.invalid_code"),
            );
        }
        let partner = r.text("partner");
        let partner = r.required("partner", partner);
        let tax = r.text("partner_tax_code");
        let tax = r.required("partner_tax_code", tax);
        let form = r.enumerated::<LinkageForm>("form");
        let form = r.required("form", form);
        let goods = r.text("goods");
        let goods = r.required("goods", goods);
        let product = r.text("product");
        let quantity = r.money("quantity");
        let quantity = r.required("quantity", quantity);
        let unit = r.enumerated::<LotUnit>("uom");
        let unit = r.required("uom", unit);
        let area_ha = r.money("area_ha");
        let households = r.integer("households");
        let price = r.text("price");
        let price = r.required("price", price);
        let signed_on = r.date("signed_on");
        let signed_on = r.required("signed_on", signed_on);
        let starts_on = r.date("starts_on");
        let starts_on = r.required("starts_on", starts_on);
        let ends_on = r.date("ends_on");
        let ends_on = r.required("ends_on", ends_on);
        let ended_on = r.date("ended_on");
        let plan = match r.text("schedule") {
            None => Some(Vec::new()),
            Some(t) => {
                let parsed = schedule(&t);
                if parsed.is_none() {
                    r.push(
                        Severity::Error,
                        "schedule",
                        t,
                        hoptac_core::msg!("exchange.schedule_invalid"),
                    );
                }
                parsed
            }
        };
        let failed = r.failed;
        let (Some(code), Some(orgs), Some(partner), Some(tax), Some(form), Some(goods)) =
            (code, orgs, partner, tax, form, goods)
        else {
            continue;
        };
        let (
            Some(quantity),
            Some(unit),
            Some(price),
            Some(signed_on),
            Some(starts_on),
            Some(ends_on),
        ) = (quantity, unit, price, signed_on, starts_on, ends_on)
        else {
            continue;
        };
        let (Some(plan), false) = (plan, failed) else {
            continue;
        };
        if !duplicate(
            &mut seen,
            code.clone(),
            *n,
            &sheet.name,
            &column(l, "code"),
            &mut out.problems,
        ) {
            out.contracts.push(located(
                sheet,
                *n,
                Contract {
                    code,
                    orgs,
                    partner,
                    partner_tax_code: tax,
                    form,
                    goods,
                    product,
                    quantity,
                    unit,
                    area_ha,
                    households,
                    price,
                    signed_on,
                    starts_on,
                    ends_on,
                    ended_on,
                    schedule: plan,
                },
            ));
        }
    }
}

pub(super) fn parse_deliveries(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let contract = r.text("contract");
        let contract = r.required("contract", contract);
        let delivered_on = r.date("delivered_on");
        let delivered_on = r.required("delivered_on", delivered_on);
        let quantity = r.money("quantity");
        let quantity = r.required("quantity", quantity);
        let lot = r.text("lot");
        let failed = r.failed;
        let (Some(code), Some(contract), Some(delivered_on), Some(quantity), false) =
            (code, contract, delivered_on, quantity, failed)
        else {
            continue;
        };
        if !duplicate(
            &mut seen,
            code.clone(),
            *n,
            &sheet.name,
            &column(l, "code"),
            &mut out.problems,
        ) {
            out.deliveries.push(located(
                sheet,
                *n,
                Delivery {
                    code,
                    contract,
                    delivered_on,
                    quantity,
                    lot,
                },
            ));
        }
    }
}

/// A list of codes as a cell holds it, `A;B`.
fn codes(t: &str) -> impl Iterator<Item = &str> {
    t.split(';').map(str::trim).filter(|x| !x.is_empty())
}

pub(super) fn parse_projects(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let name = r.text("name");
        let name = r.required("name", name);
        let lead = r.text("lead");
        let lead = r.required("lead", lead);
        let orgs_text = r.text("orgs");
        let orgs_text = r.required("orgs", orgs_text);
        let orgs: Option<Vec<hoptac_core::OrgCode>> = orgs_text
            .as_deref()
            .and_then(|t| codes(t).map(hoptac_core::OrgCode::parse).collect());
        if let (Some(t), None) = (&orgs_text, &orgs) {
            r.push(
                Severity::Error,
                "orgs",
                t.clone(),
                hoptac_core::msg!("exchange.invalid_code"),
            );
        }
        let contracts: Vec<String> = (r.text("contracts").as_deref())
            .map(|t| codes(t).map(str::to_string).collect())
            .unwrap_or_default();
        let area_ha = r.money("area_ha");
        let households = r.integer("households");
        let investment = r.integer("investment_vnd");
        let investment = r.required("investment_vnd", investment);
        let support = r.integer("support_approved_vnd");
        let support = r.required("support_approved_vnd", support);
        let approved_by = r.text("approved_by");
        let approved_by = r.required("approved_by", approved_by);
        let decision = r.text("decision");
        let decision = r.required("decision", decision);
        let approved_on = r.date("approved_on");
        let approved_on = r.required("approved_on", approved_on);
        let starts_on = r.date("starts_on");
        let starts_on = r.required("starts_on", starts_on);
        let ends_on = r.date("ends_on");
        let ends_on = r.required("ends_on", ends_on);
        let failed = r.failed;
        let (Some(code), Some(name), Some(lead), Some(orgs), Some(investment_vnd)) =
            (code, name, lead, orgs, investment)
        else {
            continue;
        };
        let (
            Some(support_approved_vnd),
            Some(approved_by),
            Some(decision),
            Some(approved_on),
            Some(starts_on),
            Some(ends_on),
            false,
        ) = (
            support,
            approved_by,
            decision,
            approved_on,
            starts_on,
            ends_on,
            failed,
        )
        else {
            continue;
        };
        if !duplicate(
            &mut seen,
            code.clone(),
            *n,
            &sheet.name,
            &column(l, "code"),
            &mut out.problems,
        ) {
            out.projects.push(located(
                sheet,
                *n,
                LinkageProject {
                    code,
                    name,
                    lead,
                    orgs,
                    contracts,
                    area_ha,
                    households,
                    investment_vnd,
                    support_approved_vnd,
                    approved_by,
                    decision,
                    approved_on,
                    starts_on,
                    ends_on,
                },
            ));
        }
    }
}
