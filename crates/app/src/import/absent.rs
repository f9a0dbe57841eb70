//! Columns a sheet leaves out keep their stored values.

use hoptac_core::OrgCode;
use hoptac_core::model::{AnnualReport, Manager, Organization};
use std::collections::HashMap;

/// A column the sheet does not have keeps the stored value of each row it updates: a
/// workbook with only `org_code, year, general_meeting_on` fills in meetings and loses
/// nothing else. (A column that is there but empty does clear the value.)
pub(super) fn keep_absent_columns(
    parsed: &mut hoptac_exchange::parse::Parsed,
    db: &hoptac_core::Snapshot,
) {
    let empty = std::collections::BTreeSet::new();
    let cols = parsed
        .columns
        .get("annual_reports")
        .unwrap_or(&empty)
        .clone();
    // each row's stored report found through the snapshot's index (the last stored of
    // its year), not a map of the country's reports built for a form of one row
    let rows = db.org_rows();
    let stored = |org: &OrgCode, year: i32| -> Option<&AnnualReport> {
        let place = rows.place_of(org.as_str())?;
        rows.reports(place)
            .iter()
            .rev()
            .map(|&k| &db.reports[k as usize])
            .find(|r| r.year.get() == year)
    };
    for l in &mut parsed.reports {
        let Some(old) = stored(&l.value.org, l.value.year.get()) else {
            continue;
        };
        let (f, o) = (&mut l.value.figures, &old.figures);
        macro_rules! keep {
            ($($field:ident),*) => {
                $(if !cols.contains(stringify!($field)) { f.$field = o.$field.clone(); })*
            };
        }
        keep!(
            members,
            members_joined,
            members_left,
            workers,
            revenue,
            profit,
            member_income,
            worker_income,
            services,
            rating,
            general_meeting_on,
            statements_filed,
            received_on,
            statements_filed_on,
            self_assessment_sent_on,
            rating_basis
        );
    }
    let cols = parsed
        .columns
        .get("organizations")
        .unwrap_or(&empty)
        .clone();
    let orgs: HashMap<&OrgCode, &Organization> = db.orgs.iter().map(|o| (&o.code, o)).collect();
    for l in &mut parsed.orgs {
        let Some(old) = orgs.get(&l.value.code) else {
            continue;
        };
        if !cols.contains("dissolved_on") {
            l.value.dissolved_on = old.dissolved_on;
        }
        if !cols.contains("registration_no") {
            l.value.registration_no = old.registration_no.clone();
        }
    }
    let cols = parsed.columns.get("managers").unwrap_or(&empty).clone();
    let managers: HashMap<
        (&OrgCode, &str, hoptac_core::Role, Option<hoptac_core::Date>),
        &Manager,
    > = db
        .managers
        .iter()
        .map(|x| ((&x.org, x.full_name.as_str(), x.role, x.from), x))
        .collect();
    for l in &mut parsed.managers {
        let m = &mut l.value;
        let Some(old) = managers
            .get(&(&m.org, m.full_name.as_str(), m.role, m.from))
            .copied()
        else {
            continue;
        };
        if !cols.contains("qualification") {
            m.qualification = old.qualification;
        }
        if !cols.contains("trained_on") {
            m.trained_on = old.trained_on;
        }
        if !cols.contains("to") {
            m.to = old.to;
        }
    }
    let cols = parsed.columns.get("products").unwrap_or(&empty).clone();
    for l in &mut parsed.products {
        let p = &mut l.value;
        let Some(old) = db.products.product(p.code.trim()) else {
            continue;
        };
        if !cols.contains("subgroup") {
            p.subgroup = old.subgroup.clone();
        }
        if !cols.contains("gtin") {
            p.gtin = old.gtin.clone();
        }
        if !cols.contains("unit") {
            p.unit = old.unit.clone();
        }
        if !cols.contains("public") {
            p.public = old.public;
        }
    }
    let cols = parsed
        .columns
        .get("ocop_evaluations")
        .unwrap_or(&empty)
        .clone();
    for l in &mut parsed.ratings {
        let r = &mut l.value;
        let Some(old) = db.products.rating(r.code.trim()) else {
            continue;
        };
        if !cols.contains("criteria") {
            r.criteria = old.criteria;
        }
        if !["part_a", "part_b", "part_c"]
            .iter()
            .any(|c| cols.contains(*c))
        {
            r.parts = old.parts;
        }
        if !cols.contains("score") {
            r.score = old.score;
        }
        if !cols.contains("revoked_on") {
            r.revoked_on = old.revoked_on;
        }
        if !cols.contains("revocation") {
            r.revocation = old.revocation.clone();
        }
    }
}
