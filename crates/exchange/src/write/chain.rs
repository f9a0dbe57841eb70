//! The traceability and linkage sheets: planting areas with their commune's code, lots with
//! their product's GTIN, contracts with their cooperatives and schedule in one cell each,
//! deliveries.

use super::val::{Val, opt, text};
use hoptac_core::chain::ContractRecords;
use hoptac_core::lots::TraceRecords;
use hoptac_core::model::{AdminUnit, ProductRecords, UnitId};
use std::collections::HashMap;

fn plain(f: hoptac_core::Fixed) -> String {
    f.format_vi(6, false).replace('.', "").replace(',', ".")
}

pub(super) fn facility_rows(
    t: &TraceRecords,
    units: &HashMap<UnitId, &AdminUnit>,
) -> Vec<Vec<Val>> {
    (t.facilities.iter())
        .map(|f| {
            vec![
                Val::Text(f.code.clone()),
                Val::Coded(f.kind.code().into(), f.kind.label_vi().into()),
                Val::Text(f.org.to_string()),
                Val::Text(f.crop.clone()),
                opt(f.area_ha, Val::Money),
                opt(f.households, Val::Int),
                opt(units.get(&f.unit), |u| Val::Text(u.code.clone())),
                Val::Text(f.issued_by.clone()),
                Val::Date(f.issued_on),
                text(&f.market),
                Val::Coded(f.status.code().into(), f.status.label_vi().into()),
                opt(f.status_since, Val::Date),
            ]
        })
        .collect()
}

pub(super) fn lot_rows(t: &TraceRecords, p: &ProductRecords) -> Vec<Vec<Val>> {
    (t.lots.iter())
        .map(|l| {
            let gtin = p.product(&l.product).and_then(|x| x.gtin.as_ref());
            vec![
                Val::Text(l.product.clone()),
                opt(gtin, |g| Val::Text(g.as_str().to_string())),
                Val::Text(l.lot.clone()),
                Val::Money(l.quantity),
                Val::Coded(l.unit.code().into(), l.unit.label_vi().into()),
                Val::Date(l.produced_on),
                opt(l.facility.as_ref(), |f| Val::Text(f.clone())),
            ]
        })
        .collect()
}

pub(super) fn contract_rows(k: &ContractRecords) -> Vec<Vec<Val>> {
    (k.contracts.iter())
        .map(|c| {
            let orgs: Vec<&str> = c.orgs.iter().map(|o| o.as_str()).collect();
            let schedule = if c.schedule.is_empty() {
                Val::Empty
            } else {
                let machine = (c.schedule.iter())
                    .map(|i| format!("{}={}", hoptac_core::date::to_iso(i.due), plain(i.quantity)))
                    .collect::<Vec<_>>()
                    .join(";");
                let people = (c.schedule.iter())
                    .map(|i| {
                        format!(
                            "{}: {}",
                            hoptac_core::date::to_vi(i.due),
                            i.quantity.format_vi(6, false)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                Val::Coded(machine, people)
            };
            vec![
                Val::Text(c.code.clone()),
                Val::Text(orgs.join(";")),
                Val::Text(c.partner.clone()),
                Val::Text(c.partner_tax_code.clone()),
                Val::Coded(c.form.code().into(), c.form.label_vi().into()),
                Val::Text(c.goods.clone()),
                opt(c.product.as_ref(), |p| Val::Text(p.clone())),
                Val::Money(c.quantity),
                Val::Coded(c.unit.code().into(), c.unit.label_vi().into()),
                opt(c.area_ha, Val::Money),
                opt(c.households, Val::Int),
                Val::Text(c.price.clone()),
                Val::Date(c.signed_on),
                Val::Date(c.starts_on),
                Val::Date(c.ends_on),
                opt(c.ended_on, Val::Date),
                schedule,
            ]
        })
        .collect()
}

pub(super) fn delivery_rows(k: &ContractRecords) -> Vec<Vec<Val>> {
    (k.deliveries.iter())
        .map(|d| {
            vec![
                Val::Text(d.code.clone()),
                Val::Text(d.contract.clone()),
                Val::Date(d.delivered_on),
                Val::Money(d.quantity),
                opt(d.lot.as_ref(), |l| Val::Text(l.clone())),
            ]
        })
        .collect()
}

pub(super) fn project_rows(k: &ContractRecords) -> Vec<Vec<Val>> {
    (k.projects.iter())
        .map(|p| {
            let orgs: Vec<&str> = p.orgs.iter().map(|o| o.as_str()).collect();
            vec![
                Val::Text(p.code.clone()),
                Val::Text(p.name.clone()),
                Val::Text(p.lead.clone()),
                Val::Text(orgs.join(";")),
                text(&p.contracts.join(";")),
                opt(p.area_ha, Val::Money),
                opt(p.households, Val::Int),
                Val::Int(p.investment_vnd),
                Val::Int(p.support_approved_vnd),
                Val::Text(p.approved_by.clone()),
                Val::Text(p.decision.clone()),
                Val::Date(p.approved_on),
                Val::Date(p.starts_on),
                Val::Date(p.ends_on),
            ]
        })
        .collect()
}
