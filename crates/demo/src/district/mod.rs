//! The demo district: Tháp Mười, 2015–2025, ILLUSTRATIVE DATA.
//!
//! The 21 cooperatives named in the footnotes of the source plan (one record each, under the
//! commune's correct spelling), 129 cooperative groups with generated names, farmer clubs,
//! yearly reports and managers. Individual figures are invented; the totals are built so that
//! the statistics for 2016–2020 reproduce every figure of part A of the plan, and 2021–2025
//! continue plausibly (some plan targets met, some missed). Deterministic: the same data on
//! every run.

use hoptac_app::seed::thap_muoi_units;
use hoptac_core::model::Organization;
use hoptac_core::{Fixed, Snapshot};

mod books;
mod clubs;
mod contracts;
mod cooperatives;
mod figures;
mod groups;
mod kit;
mod people;
mod products;
mod records;
mod support;
#[cfg(test)]
mod tests;
mod trace;
mod training;

pub use books::{BOOK_KEEPERS, DemoYear, demo_books};
use cooperatives::*;
use figures::*;
use groups::*;
use kit::*;
pub use kit::{FIRST_YEAR, LAST_YEAR, exact_split};
use people::*;
pub use records::*;

/// The whole demo district.
pub fn demo_snapshot() -> Snapshot {
    let mut rng = Rng(0x7468_6170_6d75_6f69); // "thapmuoi"
    let htx = htx_plans(&mut rng);
    let tht = tht_plans(&mut rng);
    let mut reps = reports(&htx, &mut rng, HTX_JOINED_2016_2020, htx_targets);
    rate_cooperatives(&htx, &mut reps);
    let mut tht_reps = reports(&tht, &mut rng, THT_JOINED_2016_2020, tht_targets);
    rate_groups(&tht, &mut tht_reps, &mut rng);
    reps.extend(tht_reps);
    let mut mgrs = managers(&htx, &mut rng);
    mgrs.extend(managers(&tht, &mut rng));
    // a planted outlier for the review: one group's 2025 revenue, far above its sector's
    for r in tht_reps_outlier_target(&tht, &mut reps) {
        r.figures.revenue = Some(Fixed::from_int(6_000));
    }
    plant_review_cases(&htx, &mut reps);
    let (clubs, club_reports) = farmer_clubs(&mut rng);
    reps.extend(club_reports);
    let mut orgs: Vec<Organization> = htx.into_iter().chain(tht).map(|p| p.org).collect();
    orgs.extend(clubs);
    // the district lives through the 2025 reform: from 1 July its communes are six new ones
    let mut units = thap_muoi_units();
    let (new_units, changes) = hoptac_app::seed::thap_muoi_reform(units.len() as i64 + 1);
    units.extend(new_units);
    let members_2020 = |code: &str| {
        (reps.iter())
            .find(|r| r.org.as_str() == code && r.year.get() == 2020)
            .and_then(|r| r.figures.members)
            .unwrap_or(0)
    };
    let clubs = clubs::club_records(&orgs, members_2020);
    let training = training::training_records(&mut mgrs, &units);
    let mut support = support::support_records(&orgs, &units);
    support
        .disbursements
        .push(contracts::project_disbursement());
    support.disbursements.sort_by(|a, b| a.code.cmp(&b.code));
    let mut products = products::product_records(&orgs);
    products.products.push(trace::paddy());
    products.products.sort_by(|a, b| a.code.cmp(&b.code));
    let trace = trace::trace_records(&units);
    let contracts = contracts::contract_records();
    Snapshot {
        units,
        orgs,
        reports: reps,
        managers: mgrs,
        changes,
        clubs,
        training,
        support,
        products,
        trace,
        contracts,
        ..Default::default()
    }
}
