//! The history sheets of a file: changes between units (resolved by code at their date)
//! and moves of organisations, checked together with what is stored: a register that
//! contradicts itself (overlapping versions, a cycle, full and partial, a change or a move
//! out of time) is refused whole, each problem on its row.

use crate::context::find_unit;
use crate::import::draft::{Draft, located_err, tally};
use crate::import::ground::Ground;
use hoptac_core::model::AdminUnit;
use hoptac_core::territory::{OrgMove, RegisterProblem, UnitChange, check_register};
use hoptac_core::{AdminLevel, Date};
use hoptac_exchange::Problem;
use hoptac_exchange::columns::{ADMIN_UNITS, ORGANIZATION_MOVES, UNIT_CHANGES};
use hoptac_exchange::parse::Located;

/// The version of `code` in force on `d`, if one is.
fn version_on<'a>(units: &'a [AdminUnit], code: &str, d: Date) -> Option<&'a AdminUnit> {
    units.iter().find(|u| u.code == code && u.valid_on(d))
}

pub(super) fn unit_changes(g: &Ground<'_>, d: &mut Draft) {
    for l in &g.parsed.unit_changes {
        let c = &l.value;
        let before = c.on.previous_day().unwrap_or(c.on);
        let old = version_on(&g.units, &c.old_code, before);
        let new = version_on(&g.units, &c.new_code, c.on);
        let (Some(old), Some(new)) = (old, new) else {
            for (field, code, date, found) in [
                ("old_code", &c.old_code, before, old.is_some()),
                ("new_code", &c.new_code, c.on, new.is_some()),
            ] {
                if !found {
                    d.problems.push(located_err(
                        l,
                        &UNIT_CHANGES,
                        field,
                        code.clone(),
                        hoptac_core::msg!(
                            "import.no_unit_on_date",
                            code = code,
                            date = hoptac_core::i18n::Arg::both(
                                hoptac_core::date::to_vi(date),
                                hoptac_core::date::to_iso(date)
                            )
                        ),
                    ));
                }
            }
            continue;
        };
        let change = UnitChange {
            old: old.id,
            new: new.id,
            on: c.on,
            kind: c.kind,
            basis: c.basis.trim().to_string(),
        };
        let stored =
            g.db.changes
                .iter()
                .find(|x| x.old == change.old && x.new == change.new);
        if tally(&mut d.summary[7], stored, &change) {
            d.changes.unit_changes.push(change);
        }
    }
}

pub(super) fn moves(g: &Ground<'_>, d: &mut Draft) {
    let communes: Vec<AdminUnit> = g
        .units
        .iter()
        .filter(|u| u.level == AdminLevel::Commune)
        .cloned()
        .collect();
    for l in &g.parsed.moves {
        let m = &l.value;
        if !g.file_orgs.contains_key(&m.org) && !g.db_orgs.contains_key(&m.org) {
            d.problems.push(crate::import::draft::unknown_org(
                l,
                &ORGANIZATION_MOVES,
                &m.org,
            ));
            continue;
        }
        let commune = match find_unit(&communes, &m.commune, Some(m.moved_on)) {
            Ok(u) => u.id,
            Err(crate::error::AppError::Invalid { msg, .. }) => {
                d.problems.push(located_err(
                    l,
                    &ORGANIZATION_MOVES,
                    "commune",
                    m.commune.clone(),
                    msg,
                ));
                continue;
            }
            Err(_) => continue,
        };
        let mv = OrgMove {
            org: m.org.clone(),
            commune,
            moved_on: m.moved_on,
            reason: m.reason.trim().to_string(),
        };
        let stored =
            g.db.moves
                .iter()
                .find(|x| x.org == mv.org && x.moved_on == mv.moved_on);
        if tally(&mut d.summary[8], stored, &mv) {
            d.changes.moves.push(mv);
        }
    }
}

/// The register as it would be after the file, checked as a whole; each problem is put on
/// the file's row it concerns (or on the sheet, for rows already stored).
pub(super) fn check(g: &Ground<'_>, d: &mut Draft) {
    let mut changes: Vec<UnitChange> =
        g.db.changes
            .iter()
            .filter(|x| {
                !d.changes
                    .unit_changes
                    .iter()
                    .any(|n| n.old == x.old && n.new == x.new)
            })
            .cloned()
            .collect();
    changes.extend(d.changes.unit_changes.iter().cloned());
    let mut moves: Vec<OrgMove> =
        g.db.moves
            .iter()
            .filter(|x| {
                !d.changes
                    .moves
                    .iter()
                    .any(|n| n.org == x.org && n.moved_on == x.moved_on)
            })
            .cloned()
            .collect();
    moves.extend(d.changes.moves.iter().cloned());
    // versions of one code must not overlap, reorganisation or not
    if changes.is_empty() && moves.is_empty() && g.parsed.units.is_empty() {
        return;
    }
    let code_of = |id| g.unit_code(id);
    let change_row = |pred: &dyn Fn(&Located<hoptac_exchange::parse::UnitChangeInput>) -> bool| {
        g.parsed.unit_changes.iter().find(|l| pred(l))
    };
    for p in check_register(&g.units, &changes, &moves) {
        let problem: Problem = match &p {
            RegisterProblem::Overlap { code, .. } => {
                let msg = hoptac_core::msg!("import.unit_versions_overlap", code = code);
                match g.parsed.units.iter().find(|l| &l.value.code == code) {
                    Some(l) => located_err(l, &ADMIN_UNITS, "valid_from", code.clone(), msg),
                    None => sheet_problem("admin_units", code.clone(), msg),
                }
            }
            RegisterProblem::Cycle { unit } => {
                let code = code_of(*unit);
                let msg = hoptac_core::msg!("import.change_cycle", code = code);
                match change_row(&|l| l.value.old_code == code) {
                    Some(l) => located_err(l, &UNIT_CHANGES, "old_code", code.clone(), msg),
                    None => sheet_problem("unit_changes", code, msg),
                }
            }
            RegisterProblem::FullAndPartial { old } => {
                let code = code_of(*old);
                let msg = hoptac_core::msg!("import.full_and_partial", code = code);
                match change_row(&|l| l.value.old_code == code) {
                    Some(l) => located_err(l, &UNIT_CHANGES, "kind", code.clone(), msg),
                    None => sheet_problem("unit_changes", code, msg),
                }
            }
            RegisterProblem::ChangeOutOfTime { old, new } => {
                let (o, n) = (code_of(*old), code_of(*new));
                let msg = hoptac_core::msg!("import.change_out_of_time", old = o, new = n);
                match change_row(&|l| l.value.old_code == o && l.value.new_code == n) {
                    Some(l) => located_err(l, &UNIT_CHANGES, "on", format!("{o}→{n}"), msg),
                    None => sheet_problem("unit_changes", format!("{o}→{n}"), msg),
                }
            }
            RegisterProblem::MoveOutOfTime { org, commune } => {
                let c = code_of(*commune);
                let msg = hoptac_core::msg!("import.move_out_of_time", org = org, commune = c);
                match g.parsed.moves.iter().find(|l| &l.value.org == org) {
                    Some(l) => located_err(l, &ORGANIZATION_MOVES, "moved_on", c, msg),
                    None => sheet_problem("organization_moves", org.to_string(), msg),
                }
            }
        };
        d.problems.push(problem);
    }
}

fn sheet_problem(sheet: &str, value: String, msg: hoptac_core::Msg) -> Problem {
    Problem {
        severity: hoptac_core::validate::Severity::Error,
        sheet: sheet.into(),
        row: None,
        column: None,
        key: None,
        value,
        msg,
    }
}
