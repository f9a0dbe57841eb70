//! Yearly reports and managers of a file: each checked with its organisation, the report of
//! the year before and the validation rules as data.

use crate::import::draft::{Draft, located, located_err, tally, unknown_org};
use crate::import::ground::{Ground, manager_key};
use crate::validation::ActiveRules;
use hoptac_core::OrgCode;
use hoptac_core::model::{AnnualReport, Organization};
use hoptac_core::validate::{Severity, check_manager, check_report};
use hoptac_exchange::columns::{ANNUAL_REPORTS, MANAGERS, ORGANIZATIONS};
use std::collections::HashMap;

pub(super) fn reports(g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.reports {
        let r = &l.value;
        let Some(org) = g.org_of(&r.org) else {
            if !g.known(&r.org) {
                d.problems.push(unknown_org(l, &ANNUAL_REPORTS, &r.org));
            }
            continue;
        };
        let findings = check_report(org, r, g.previous(r));
        let bad = findings.iter().any(|f| f.severity == Severity::Error);
        d.problems
            .extend(findings.into_iter().map(|f| located(l, &ANNUAL_REPORTS, f)));
        if !bad
            && tally(
                &mut d.summary[2],
                g.db_reports.get(&(&r.org, r.year.get())).copied(),
                r,
            )
        {
            d.changes.reports.push(r.clone());
        }
    }
}

/// Validation rules as data, over the figures as they would be after this import.
pub(super) fn rules(g: &Ground<'_>, rules: &ActiveRules, d: &mut Draft) {
    let mut registered = g.stored.registered.clone();
    for l in &g.parsed.orgs {
        if let Some(set) = &l.value.registered_services {
            registered.insert(l.value.code.clone(), set.clone());
        }
    }
    // the figures as they would be after this import, by reference: the stored reports the
    // file does not replace, then the file's; only the groups the file's reports are judged in
    let wanted: hoptac_core::rules::Groups = g
        .parsed
        .reports
        .iter()
        .filter_map(|l| {
            g.org_of(&l.value.org)
                .map(|o| (o.kind, o.sector, l.value.year.get()))
        })
        .collect();
    // organisation by organisation through the snapshot's index, and only those of the
    // kinds and sectors judged: a form of one row does not walk the country's reports
    let pairs: std::collections::HashSet<(hoptac_core::OrgKind, hoptac_core::Sector)> =
        wanted.iter().map(|&(k, s, _)| (k, s)).collect();
    let rows = g.db.org_rows();
    let mut after: Vec<(&Organization, &AnnualReport)> = Vec::new();
    for (place, stored) in g.db.orgs.iter().enumerate() {
        let o = g.file_orgs.get(&stored.code).unwrap_or(stored);
        if !pairs.contains(&(o.kind, o.sector)) {
            continue;
        }
        after.extend(
            rows.reports(place)
                .iter()
                .map(|&k| &g.db.reports[k as usize])
                .filter(|r| !g.file_reports.contains_key(&(&r.org, r.year.get())))
                .map(|r| (o, r)),
        );
    }
    after.extend(
        g.parsed
            .reports
            .iter()
            .filter_map(|l| g.org_of(&l.value.org).map(|o| (o, &l.value))),
    );
    let m = hoptac_core::rules::medians_of_pairs(after.into_iter(), Some(&wanted));
    for l in &g.parsed.reports {
        let r = &l.value;
        let Some(org) = g.org_of(&r.org) else {
            continue;
        };
        d.problems.extend(
            rules
                .check(org, r, g.previous(r), &m, registered.get(&r.org))
                .into_iter()
                .map(|f| located(l, &ANNUAL_REPORTS, f)),
        );
    }
}

/// Reports already stored must still fall inside a changed organisation's life (looked up
/// by organisation: a file of every organisation is not orgs × reports).
pub(super) fn stored_reports_in_life(g: &Ground<'_>, d: &mut Draft) {
    let mut stored_by_org: HashMap<&OrgCode, Vec<&AnnualReport>> = HashMap::new();
    if !g.parsed.orgs.is_empty() {
        for r in &g.db.reports {
            stored_by_org.entry(&r.org).or_default().push(r);
        }
    }
    for l in &g.parsed.orgs {
        let Some(org) = g.file_orgs.get(&l.value.code) else {
            continue;
        };
        for r in stored_by_org
            .get(&org.code)
            .into_iter()
            .flatten()
            .copied()
            .filter(|r| !g.file_reports.contains_key(&(&r.org, r.year.get())))
        {
            for f in check_report(org, r, None)
                .into_iter()
                .filter(|f| f.field == "year")
            {
                d.problems.push(located_err(
                    l,
                    &ORGANIZATIONS,
                    "dissolved_on",
                    f.value.clone(),
                    hoptac_core::msg!(
                        "import.report_outside_new_life",
                        year = r.year,
                        org = org.code
                    ),
                ));
            }
        }
    }
}

pub(super) fn managers(g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.managers {
        let m = &l.value;
        if g.org_of(&m.org).is_none() {
            if !g.known(&m.org) {
                d.problems.push(unknown_org(l, &MANAGERS, &m.org));
            }
            continue;
        }
        let findings = check_manager(m);
        let bad = findings.iter().any(|f| f.severity == Severity::Error);
        d.problems
            .extend(findings.into_iter().map(|f| located(l, &MANAGERS, f)));
        if !bad
            && tally(
                &mut d.summary[3],
                g.db_managers.get(&manager_key(m)).copied(),
                m,
            )
        {
            d.changes.managers.push(m.clone());
        }
    }
}
