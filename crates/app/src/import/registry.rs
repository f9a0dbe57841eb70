//! The register's rows of a file: units, organisations (with the near-duplicate warning)
//! and their registered services.

use crate::context::{App, UnitIndex};
use crate::error::{AppError, Result};
use crate::import::draft::{Draft, located, located_err, tally};
use crate::import::ground::Ground;
use hoptac_core::model::{AdminUnit, Organization, UnitId};
use hoptac_core::validate::{Finding, Severity, check_organization};
use hoptac_core::{AdminLevel, Date, OrgCode, OrgKind, Snapshot};
use hoptac_exchange::columns::{ADMIN_UNITS, ORGANIZATIONS};
use hoptac_exchange::parse::Parsed;
use std::collections::{BTreeSet, HashMap, HashSet};

pub(super) fn rank(l: AdminLevel) -> u8 {
    match l {
        AdminLevel::Province => 0,
        AdminLevel::District => 1,
        AdminLevel::Commune => 2,
    }
}

/// Units: existing ones keep their id, new ones get the next free ids; parents first.
pub(super) fn units(db: &Snapshot, parsed: &Parsed, d: &mut Draft) -> Vec<AdminUnit> {
    let mut units: Vec<AdminUnit> = db.units.clone();
    let mut next_id = units.iter().map(|u| u.id.0).max().unwrap_or(0) + 1;
    let mut file_units = parsed.units.clone();
    file_units.sort_by_key(|l| rank(l.value.level));
    for l in &file_units {
        let u = &l.value;
        let parent = match &u.parent_code {
            None => None,
            Some(pc) => {
                let cands: Vec<&AdminUnit> = units.iter().filter(|x| &x.code == pc).collect();
                let on = u.valid_from.or(u.valid_to);
                let chosen = match on {
                    Some(d) => cands.iter().find(|x| x.valid_on(d)).or(cands.last()),
                    None => cands.last(),
                };
                match chosen {
                    Some(p) => Some(p.id),
                    None => {
                        d.problems.push(located_err(
                            l,
                            &ADMIN_UNITS,
                            "parent_code",
                            pc.clone(),
                            hoptac_core::msg!("import.no_such_parent_unit", pc = pc),
                        ));
                        continue;
                    }
                }
            }
        };
        let existing = units
            .iter()
            .position(|x| x.code == u.code && x.valid_from == u.valid_from);
        let id = existing.map(|i| units[i].id).unwrap_or_else(|| {
            next_id += 1;
            UnitId(next_id - 1)
        });
        let unit = AdminUnit {
            id,
            code: u.code.clone(),
            name: u.name.clone(),
            level: u.level,
            parent,
            valid_from: u.valid_from,
            valid_to: u.valid_to,
        };
        let old = existing.map(|i| units[i].clone());
        if tally(&mut d.summary[0], old.as_ref(), &unit) {
            d.changes.units.push(unit.clone());
        }
        match existing {
            Some(i) => units[i] = unit,
            None => units.push(unit),
        }
    }
    units
}

/// Organisations, each placed in its commune at its founding date and checked.
pub(super) fn organizations(
    db: &Snapshot,
    parsed: &Parsed,
    units: &[AdminUnit],
    today: Date,
    d: &mut Draft,
) -> Result<HashMap<OrgCode, Organization>> {
    let communes = UnitIndex::new(units.iter().filter(|u| u.level == AdminLevel::Commune));
    let db_orgs = super::ground::db_orgs(db);
    let mut file_orgs: HashMap<OrgCode, Organization> = HashMap::new();
    for l in &parsed.orgs {
        let i = &l.value;
        let commune = match communes.find(&i.commune, Some(i.founded_on)) {
            Ok(u) => u.id,
            Err(AppError::Invalid { msg, .. }) => {
                d.problems.push(located_err(
                    l,
                    &ORGANIZATIONS,
                    "commune",
                    i.commune.clone(),
                    msg,
                ));
                continue;
            }
            Err(e) => return Err(e),
        };
        let org = Organization {
            code: i.code.clone(),
            kind: i.kind,
            name: i.name.trim().to_string(),
            sector: i.sector,
            commune,
            founded_on: i.founded_on,
            dissolved_on: i.dissolved_on,
            registration_no: i.registration_no.clone(),
        };
        let findings = check_organization(&org, today);
        let bad = findings.iter().any(|f| f.severity == Severity::Error);
        d.problems
            .extend(findings.into_iter().map(|f| located(l, &ORGANIZATIONS, f)));
        if bad {
            continue;
        }
        if tally(&mut d.summary[1], db_orgs.get(&org.code).copied(), &org) {
            d.changes.orgs.push(org.clone());
        }
        file_orgs.insert(org.code.clone(), org);
    }
    Ok(file_orgs)
}

/// A new organisation whose name is probably one already registered in its commune (or one
/// earlier in the file): propose the existing record rather than a near-duplicate. Each new
/// name is compared with its own commune's names only, never with every name of the file.
pub(super) fn near_duplicates(g: &Ground<'_>, d: &mut Draft) {
    use hoptac_core::similar::{NameKey, THRESHOLD, similar_at_least};
    type Block<'o> = HashMap<(OrgKind, UnitId), Vec<(&'o Organization, NameKey)>>;
    // only the places the file adds organisations to are compared, each stored name keyed once
    let mut new_places = HashSet::new();
    for l in &g.parsed.orgs {
        if let Some(o) = g.file_orgs.get(&l.value.code)
            && !g.db_orgs.contains_key(&o.code)
        {
            new_places.insert((o.kind, o.commune));
        }
    }
    let mut by_place: Block<'_> = HashMap::new();
    for o in &g.db.orgs {
        if new_places.contains(&(o.kind, o.commune)) {
            by_place
                .entry((o.kind, o.commune))
                .or_default()
                .push((o, NameKey::new(&o.name)));
        }
    }
    let mut seen_new: Block<'_> = HashMap::new();
    for l in &g.parsed.orgs {
        let Some(o) = g.file_orgs.get(&l.value.code) else {
            continue;
        };
        if g.db_orgs.contains_key(&o.code) {
            continue;
        }
        let key = NameKey::new(&o.name);
        let place = (o.kind, o.commune);
        let best = by_place
            .get(&place)
            .into_iter()
            .flatten()
            .chain(seen_new.get(&place).into_iter().flatten())
            .filter_map(|(x, k)| similar_at_least(k, &key, THRESHOLD).map(|s| (s, *x)))
            .max_by_key(|(score, _)| *score);
        if let Some((score, x)) = best {
            d.problems.push(located(
                l,
                &ORGANIZATIONS,
                Finding::warning(
                    "name",
                    o.name.clone(),
                    hoptac_core::msg!(
                        "import.name_close_to_another",
                        code = x.code.to_string(),
                        name = x.name.clone(),
                        score = score,
                        code_2 = x.code.to_string()
                    ),
                ),
            ));
        }
        seen_new.entry(place).or_default().push((o, key));
    }
}

/// Registered services travel with the organisation's row; a sheet without the column
/// keeps the stored list.
pub(super) fn registered_services(app: &App, g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.orgs {
        let (Some(set), Some(o)) = (&l.value.registered_services, g.file_orgs.get(&l.value.code))
        else {
            continue;
        };
        let old = g
            .stored
            .registered
            .get(&o.code)
            .cloned()
            .unwrap_or_default();
        if *set == old {
            continue;
        }
        let list = |s: &BTreeSet<hoptac_core::Service>| {
            serde_json::to_string(&s.iter().map(|x| x.code()).collect::<Vec<_>>()).ok()
        };
        let mut e = app.audit_entry(
            g.actor,
            if old.is_empty() { "create" } else { "update" },
            "registered_services",
            o.code.as_str(),
            Some(o.commune),
        );
        e.before = (!old.is_empty()).then(|| list(&old)).flatten();
        e.after = list(set);
        d.changes.audit.push(e);
        d.changes.registered.push((o.code.clone(), set.clone()));
        if d.summary[1].unchanged > 0 && g.db_orgs.get(&o.code).is_some_and(|x| *x == o) {
            d.summary[1].unchanged -= 1;
            d.summary[1].changed += 1;
        }
    }
}
