//! The sheets of units through time: changes between units and moves of organisations.

use super::layout::{Layout, duplicate, rows};
use super::parsed::{Located, MoveInput, Parsed, UnitChangeInput};
use super::reader::RowReader;
use crate::read::RawSheet;
use hoptac_core::OrgCode;
use hoptac_core::territory::ChangeKind;
use hoptac_core::validate::Severity;
use std::collections::HashMap;

pub(super) fn parse_unit_changes(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let old_code = r.text("old_code");
        let old_code = r.required("old_code", old_code);
        let new_code = r.text("new_code");
        let new_code = r.required("new_code", new_code);
        let on = r.date("on");
        let on = r.required("on", on);
        let kind_text = r.text("kind");
        let kind = match kind_text.as_deref() {
            None => r.required("kind", None),
            Some(k) => match ChangeKind::parse(k) {
                Some(k) => Some(k),
                None => {
                    r.push(
                        Severity::Error,
                        "kind",
                        k.to_string(),
                        hoptac_core::msg!(
                            "exchange.unknown_value",
                            s = k,
                            expected = "full (toàn bộ), partial (một phần)"
                        ),
                    );
                    None
                }
            },
        };
        let basis = r.text("basis").unwrap_or_default();
        let failed = r.failed;
        if let (Some(old_code), Some(new_code), Some(on), Some(kind), false) =
            (old_code, new_code, on, kind, failed)
        {
            let col = l
                .cols
                .get("old_code")
                .map(|c| c.1.clone())
                .unwrap_or_default();
            let key = format!("{old_code}→{new_code}");
            if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
                out.unit_changes.push(Located {
                    sheet: sheet.name.clone(),
                    row: *n,
                    value: UnitChangeInput {
                        old_code,
                        new_code,
                        on,
                        kind,
                        basis,
                    },
                });
            }
        }
    }
}

pub(super) fn parse_moves(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code_text = r.text("org_code");
        let org = match code_text.as_deref().map(|c| (c, OrgCode::parse(c))) {
            Some((_, Some(c))) => Some(c),
            Some((c, None)) => {
                r.push(
                    Severity::Error,
                    "org_code",
                    c.to_string(),
                    hoptac_core::msg!("exchange.invalid_code"),
                );
                None
            }
            None => r.required("org_code", None),
        };
        let commune = r.text("commune");
        let commune = r.required("commune", commune);
        let moved_on = r.date("moved_on");
        let moved_on = r.required("moved_on", moved_on);
        let reason = r.text("reason").unwrap_or_default();
        let failed = r.failed;
        if let (Some(org), Some(commune), Some(moved_on), false) = (org, commune, moved_on, failed)
        {
            let col = l
                .cols
                .get("org_code")
                .map(|c| c.1.clone())
                .unwrap_or_default();
            let key = format!("{org}@{}", hoptac_core::date::to_iso(moved_on));
            if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
                out.moves.push(Located {
                    sheet: sheet.name.clone(),
                    row: *n,
                    value: MoveInput {
                        org,
                        commune,
                        moved_on,
                        reason,
                    },
                });
            }
        }
    }
}
