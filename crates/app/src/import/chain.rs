//! The traceability and linkage sheets of a file: planting areas (their commune resolved at
//! the day of issue), lots (their GTIN, when given, the product's), linkage contracts and
//! deliveries, each checked by the rules of its form against the records as the file leaves
//! them; a delivery beyond its contract's term or quantity is a warning, not a refusal.

use crate::context::find_unit;
use crate::import::draft::{Draft, located, located_err, tally};
use crate::import::ground::Ground;
use hoptac_core::chain::ContractRecords;
use hoptac_core::lots::TraceRecords;
use hoptac_core::validate::Finding;
use hoptac_exchange::columns::{CONTRACTS, DELIVERIES, LINKAGE_PROJECTS, LOTS, PLANTING_AREAS};

/// The summary's rows for these sheets, in [`hoptac_exchange::columns::TABLES`].
const FACILITY_ROWS: usize = 20;
const LOT_ROWS: usize = 21;
const CONTRACT_ROWS: usize = 22;
const DELIVERY_ROWS: usize = 23;
const PROJECT_ROWS: usize = 24;

pub(super) fn facilities(g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.facilities {
        let x = &l.value;
        let unit = match find_unit(&g.units, &x.unit, Some(x.facility.issued_on)) {
            Ok(u) => u.clone(),
            Err(crate::error::AppError::Invalid { msg, .. }) => {
                d.problems
                    .push(located_err(l, &PLANTING_AREAS, "unit", x.unit.clone(), msg));
                continue;
            }
            Err(_) => continue,
        };
        let f = hoptac_core::lots::Facility {
            code: x.facility.code.trim().to_string(),
            unit: unit.id,
            ..x.facility.clone()
        };
        let problems = hoptac_core::trace::facility_problems(&f, g.org_of(&f.org), Some(&unit));
        if !problems.is_empty() {
            for (field, v, msg) in problems {
                d.problems
                    .push(located_err(l, &PLANTING_AREAS, field, v, msg));
            }
            continue;
        }
        if tally(
            &mut d.summary[FACILITY_ROWS],
            g.db.trace.facility(&f.code),
            &f,
        ) {
            d.changes.facilities.push(f);
        }
    }
}

/// The trace records and products as the file leaves them, for the lots' checks.
fn trace_after(g: &Ground<'_>, d: &Draft) -> TraceRecords {
    let mut t = g.db.trace.clone();
    for f in &d.changes.facilities {
        t.facilities.retain(|x| x.code != f.code);
        t.facilities.push(f.clone());
    }
    t.facilities.sort_by(|a, b| a.code.cmp(&b.code));
    t
}

pub(super) fn lots(g: &Ground<'_>, d: &mut Draft) {
    if g.parsed.lots.is_empty() {
        return;
    }
    let t = trace_after(g, d);
    for l in &g.parsed.lots {
        let (lot, gtin) = &l.value;
        let product = (d.changes.products.iter())
            .find(|p| p.code == lot.product)
            .or_else(|| g.db.products.product(&lot.product));
        let mut problems = hoptac_core::trace::lot_problems(lot, product, &t);
        if let (Some(given), Some(p)) = (gtin, product) {
            let same = hoptac_core::gtin::Gtin::parse(given)
                .ok()
                .is_some_and(|x| p.gtin.as_ref() == Some(&x));
            if !same {
                problems.push((
                    "gtin",
                    given.clone(),
                    hoptac_core::msg!("exchange.gtin_not_products", product = p.code),
                ));
            }
        }
        if !problems.is_empty() {
            for (field, v, msg) in problems {
                d.problems.push(located_err(l, &LOTS, field, v, msg));
            }
            continue;
        }
        if tally(
            &mut d.summary[LOT_ROWS],
            g.db.trace.lot(&lot.product, &lot.lot),
            lot,
        ) {
            d.changes.lots.push(lot.clone());
        }
    }
}

pub(super) fn contracts(g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.contracts {
        let c = hoptac_core::chain::Contract {
            code: l.value.code.trim().to_string(),
            ..l.value.clone()
        };
        let mut problems = hoptac_core::linkage::contract_problems(
            &c,
            |o| g.org_of(o),
            |p| {
                g.db.products.product(p).or_else(|| {
                    // a product of the same workbook
                    (d.changes.products.iter()).find(|x| x.code == p)
                })
            },
        );
        // a stored project resting on it (one of the file is checked with the projects)
        let rests = (g.db.contracts.projects.iter())
            .filter(|p| {
                !g.parsed
                    .projects
                    .iter()
                    .any(|x| x.value.code.trim() == p.code)
            })
            .filter(|p| p.contracts.contains(&c.code));
        for p in rests {
            if !c.orgs.iter().any(|o| p.orgs.contains(o)) {
                problems.push((
                    "orgs",
                    p.code.clone(),
                    hoptac_core::msg!("linkage.contract_not_of_project", code = c.code),
                ));
            }
        }
        if !problems.is_empty() {
            for (field, v, msg) in problems {
                d.problems.push(located_err(l, &CONTRACTS, field, v, msg));
            }
            continue;
        }
        if tally(
            &mut d.summary[CONTRACT_ROWS],
            g.db.contracts.contract(&c.code),
            &c,
        ) {
            d.changes.contracts.push(c);
        }
    }
}

pub(super) fn deliveries(g: &Ground<'_>, d: &mut Draft) {
    if g.parsed.deliveries.is_empty() {
        return;
    }
    let mut k: ContractRecords = g.db.contracts.clone();
    for c in &d.changes.contracts {
        k.contracts.retain(|x| x.code != c.code);
        k.contracts.push(c.clone());
    }
    k.contracts.sort_by(|a, b| a.code.cmp(&b.code));
    let in_file: std::collections::HashSet<&str> = g
        .parsed
        .deliveries
        .iter()
        .map(|l| l.value.code.as_str())
        .collect();
    k.deliveries.retain(|x| !in_file.contains(x.code.as_str()));
    for l in &g.parsed.deliveries {
        let x = &l.value;
        let (errors, warnings) =
            hoptac_core::linkage::delivery_problems(x, k.contract(&x.contract), &k);
        for (field, v, msg) in warnings {
            d.problems
                .push(located(l, &DELIVERIES, Finding::warning(field, v, msg)));
        }
        if !errors.is_empty() {
            for (field, v, msg) in errors {
                d.problems.push(located_err(l, &DELIVERIES, field, v, msg));
            }
            continue;
        }
        k.deliveries.push(x.clone());
        if tally(
            &mut d.summary[DELIVERY_ROWS],
            g.db.contracts.delivery(&x.code),
            x,
        ) {
            d.changes.deliveries.push(x.clone());
        }
    }
}

/// Linkage projects, checked against the contracts as the file leaves them; a cooperative
/// paid under a project (a stored payment or one of the file) stays in it.
pub(super) fn projects(g: &Ground<'_>, d: &mut Draft) {
    if g.parsed.projects.is_empty() {
        return;
    }
    let mut k: ContractRecords = g.db.contracts.clone();
    for c in &d.changes.contracts {
        k.contracts.retain(|x| x.code != c.code);
        k.contracts.push(c.clone());
    }
    k.contracts.sort_by(|a, b| a.code.cmp(&b.code));
    let paid: Vec<&hoptac_core::model::Disbursement> = (d.changes.disbursements.iter())
        .chain(
            (g.db.support.disbursements.iter())
                .filter(|x| !d.changes.disbursements.iter().any(|y| y.code == x.code)),
        )
        .collect();
    for l in &g.parsed.projects {
        let p = hoptac_core::chain::LinkageProject {
            code: l.value.code.trim().to_string(),
            ..l.value.clone()
        };
        let mut problems = hoptac_core::linkage::project_problems(&p, |o| g.org_of(o), &k);
        for x in paid
            .iter()
            .filter(|x| x.project.as_deref() == Some(p.code.as_str()) && !p.orgs.contains(&x.org))
        {
            problems.push((
                "orgs",
                x.org.to_string(),
                hoptac_core::msg!("linkage.org_not_in_project", org = x.org, code = p.code),
            ));
        }
        if !problems.is_empty() {
            for (field, v, msg) in problems {
                d.problems
                    .push(located_err(l, &LINKAGE_PROJECTS, field, v, msg));
            }
            continue;
        }
        if tally(
            &mut d.summary[PROJECT_ROWS],
            g.db.contracts.project(&p.code),
            &p,
        ) {
            d.changes.projects.push(p);
        }
    }
}
