//! The linkage contracts of an engine's organisations: which are in force at the end of a
//! year, where each stands then, and who is party to one.

use super::item::Item;
use crate::chain::{Contract, ContractRecords};
use crate::model::Organization;
use std::collections::{BTreeSet, HashMap};

/// A contract with its parties among the engine's organisations, and its deliveries.
pub(super) struct Linked<'a> {
    contract: &'a Contract,
    parties: Vec<&'a Organization>,
    deliveries: Vec<&'a crate::chain::Delivery>,
}

/// The contracts with a party among the organisations `org_of` knows.
pub(super) fn linked<'a>(
    records: &'a ContractRecords,
    org_of: impl Fn(&crate::OrgCode) -> Option<&'a Organization>,
) -> Vec<Linked<'a>> {
    let mut by: HashMap<&str, Vec<&crate::chain::Delivery>> = HashMap::new();
    for d in &records.deliveries {
        by.entry(d.contract.as_str()).or_default().push(d);
    }
    (records.contracts.iter())
        .filter_map(|c| {
            let parties: Vec<&Organization> = c.orgs.iter().filter_map(&org_of).collect();
            (!parties.is_empty()).then(|| Linked {
                contract: c,
                parties,
                deliveries: by.remove(c.code.as_str()).unwrap_or_default(),
            })
        })
        .collect()
}

/// The contracts in force at `end` with a party of these kinds inside (`inside`).
pub(super) fn in_force<'a>(
    all: &[Linked<'a>],
    end: crate::Date,
    counts: impl Fn(&Organization) -> bool,
) -> Vec<Item<'a>> {
    all.iter()
        .filter(|l| l.contract.active_on(end))
        .filter_map(|l| {
            let first = l.parties.iter().copied().find(|o| counts(o))?;
            let ful = crate::linkage::fulfilment(l.contract, &l.deliveries, end);
            Some(Item::Contract(l.contract, ful, first))
        })
        .collect()
}

/// The codes of the organisations party to a contract in force at `end`.
pub(super) fn parties_at<'a>(all: &[Linked<'a>], end: crate::Date) -> BTreeSet<&'a str> {
    (all.iter())
        .filter(|l| l.contract.active_on(end))
        .flat_map(|l| l.contract.orgs.iter().map(|o| o.as_str()))
        .collect()
}
