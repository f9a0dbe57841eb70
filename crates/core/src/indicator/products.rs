//! The products of the organisations of an engine, each with its OCOP ratings: what the
//! `ocop.*` indicators read at the end of a year.

use crate::model::{OcopRating, Organization, Product, Snapshot};
use crate::ocop::CertificateState;
use std::collections::HashMap;

/// A product of an organisation of the scope and its ratings, oldest first.
pub(super) struct Rated<'a> {
    pub(super) org: &'a Organization,
    pub(super) ratings: Vec<&'a OcopRating>,
}

/// The rated products of the organisations `org_of` knows.
pub(super) fn rated<'a>(
    snap: &'a Snapshot,
    org_of: impl Fn(&Product) -> Option<&'a Organization>,
) -> Vec<Rated<'a>> {
    let p = &snap.products;
    let mut of: HashMap<&str, Vec<&OcopRating>> = HashMap::new();
    for r in &p.ratings {
        of.entry(r.product.as_str()).or_default().push(r);
    }
    (p.products.iter())
        .filter_map(|prod| {
            let org = org_of(prod)?;
            let mut ratings = of.remove(prod.code.as_str())?;
            ratings.sort_by(|a, b| (a.decided_on, &a.code).cmp(&(b.decided_on, &b.code)));
            Some(Rated { org, ratings })
        })
        .collect()
}

impl<'a> Rated<'a> {
    /// The rating the product holds on `day` and its state.
    pub(super) fn on(&self, day: crate::Date) -> Option<(&'a OcopRating, CertificateState)> {
        crate::ocop::current(&self.ratings, day)
    }
}
