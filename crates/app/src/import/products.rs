//! The product sheets of a file: products, each checked against its organisation as the
//! file leaves it and against every other product's GTIN (stored or in the file), and OCOP
//! ratings, each checked against its product as the file leaves it and the product's other
//! ratings.

use crate::import::draft::{Draft, located_err, tally};
use crate::import::ground::Ground;
use hoptac_core::model::{OcopRating, Product};
use hoptac_core::ocop::{product_problems, rating_problems};
use hoptac_exchange::columns::{OCOP_EVALUATIONS, PRODUCTS};
use std::collections::HashSet;

/// The summary's rows for these sheets, in [`hoptac_exchange::columns::TABLES`].
const PRODUCT_ROWS: usize = 18;
const RATING_ROWS: usize = 19;

fn trimmed(p: &Product) -> Product {
    Product {
        code: p.code.trim().to_string(),
        name: p.name.trim().to_string(),
        subgroup: p.subgroup.trim().to_string(),
        unit: p.unit.trim().to_string(),
        ..p.clone()
    }
}

/// The products as the file leaves them: the file's rows over the stored ones.
fn products_after(g: &Ground<'_>) -> Vec<Product> {
    let in_file: HashSet<&str> = (g.parsed.products.iter())
        .map(|l| l.value.code.trim())
        .collect();
    (g.db.products.products.iter())
        .filter(|p| !in_file.contains(p.code.as_str()))
        .cloned()
        .chain(g.parsed.products.iter().map(|l| trimmed(&l.value)))
        .collect()
}

pub(super) fn products(g: &Ground<'_>, d: &mut Draft) {
    if g.parsed.products.is_empty() {
        return;
    }
    let after = products_after(g);
    for l in &g.parsed.products {
        let p = trimmed(&l.value);
        let problems = product_problems(&p, g.org_of(&p.org), &after);
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems.push(located_err(l, &PRODUCTS, f, v, msg));
            }
            continue;
        }
        if tally(
            &mut d.summary[PRODUCT_ROWS],
            g.db.products.product(&p.code),
            &p,
        ) {
            d.changes.products.push(p);
        }
    }
}

pub(super) fn ratings(g: &Ground<'_>, d: &mut Draft) {
    if g.parsed.ratings.is_empty() {
        return;
    }
    let products = products_after(g);
    let in_file: HashSet<&str> = (g.parsed.ratings.iter())
        .map(|l| l.value.code.trim())
        .collect();
    let file: Vec<OcopRating> = (g.parsed.ratings.iter())
        .map(|l| OcopRating {
            code: l.value.code.trim().to_string(),
            product: l.value.product.trim().to_string(),
            decision: l.value.decision.trim().to_string(),
            revocation: l.value.revocation.trim().to_string(),
            ..l.value.clone()
        })
        .collect();
    for (l, r) in g.parsed.ratings.iter().zip(&file) {
        let product = products.iter().find(|p| p.code == r.product);
        let org = product.and_then(|p| g.org_of(&p.org));
        let others: Vec<&OcopRating> = (g.db.products.ratings.iter())
            .filter(|o| o.product == r.product && !in_file.contains(o.code.as_str()))
            .chain(file.iter().filter(|o| o.product == r.product))
            .collect();
        let problems = rating_problems(r, product, org, &others);
        if !problems.is_empty() {
            for (f, v, msg) in problems {
                d.problems
                    .push(located_err(l, &OCOP_EVALUATIONS, f, v, msg));
            }
            continue;
        }
        if tally(
            &mut d.summary[RATING_ROWS],
            g.db.products.rating(&r.code),
            r,
        ) {
            d.changes.ratings.push(r.clone());
        }
    }
}

/// The organisation a product belongs to after the change set (its rows, else the stored).
pub(super) fn owner_after<'c>(
    g: &'c Ground<'_>,
    changes: &'c hoptac_store::ChangeSet,
    product: &str,
) -> Option<&'c hoptac_core::OrgCode> {
    (changes.products.iter())
        .find(|p| p.code == product)
        .or_else(|| g.db.products.product(product))
        .map(|p| &p.org)
}
