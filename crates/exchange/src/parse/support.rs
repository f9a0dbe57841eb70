//! The support sheets: propaganda events (their unit a reference to resolve at the day) and
//! disbursements. Whether an organisation could receive a payment that day, and who may
//! write either, is the import's business.

use super::layout::{Layout, duplicate, rows};
use super::parsed::{EventInput, Located, Parsed};
use super::reader::RowReader;
use crate::read::RawSheet;
use hoptac_core::model::Disbursement;
use hoptac_core::types::{EventKind, SupportPolicy};
use std::collections::HashMap;

fn column(l: &Layout, key: &str) -> String {
    l.cols.get(key).map(|c| c.1.clone()).unwrap_or_default()
}

pub(super) fn parse_events(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let kind = r.enumerated::<EventKind>("kind");
        let kind = r.required("kind", kind);
        let title = r.text("title");
        let title = r.required("title", title);
        let held_on = r.date("held_on");
        let held_on = r.required("held_on", held_on);
        let organiser = r.text("organiser");
        let organiser = r.required("organiser", organiser);
        let unit = r.text("unit");
        let unit = r.required("unit", unit);
        let audience = r.text("audience").unwrap_or_default();
        let reach = r.integer("reach");
        let failed = r.failed;
        let (Some(code), Some(kind), Some(title), Some(held_on), Some(organiser), Some(unit)) =
            (code, kind, title, held_on, organiser, unit)
        else {
            continue;
        };
        if failed {
            continue;
        }
        let col = column(l, "code");
        if !duplicate(
            &mut seen,
            code.clone(),
            *n,
            &sheet.name,
            &col,
            &mut out.problems,
        ) {
            out.events.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: EventInput {
                    code,
                    kind,
                    title,
                    held_on,
                    organiser,
                    unit,
                    audience,
                    reach,
                },
            });
        }
    }
}

pub(super) fn parse_disbursements(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    out.disbursements_without_project = !l.cols.contains_key("project");
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let policy = r.enumerated::<SupportPolicy>("policy");
        let policy = r.required("policy", policy);
        let legal_basis = r.text("legal_basis");
        let legal_basis = r.required("legal_basis", legal_basis);
        let decision = r.text("decision").unwrap_or_default();
        let org = r.org_code("org_code");
        let amount = r.integer("amount_vnd");
        let amount_vnd = r.required("amount_vnd", amount);
        let source = r.text("source");
        let source = r.required("source", source);
        let paid_on = r.date("paid_on");
        let paid_on = r.required("paid_on", paid_on);
        let project = r.text("project");
        let failed = r.failed;
        let (Some(code), Some(policy), Some(legal_basis), Some(org), Some(amount_vnd)) =
            (code, policy, legal_basis, org, amount_vnd)
        else {
            continue;
        };
        let (Some(source), Some(paid_on), false) = (source, paid_on, failed) else {
            continue;
        };
        let col = column(l, "code");
        if !duplicate(
            &mut seen,
            code.clone(),
            *n,
            &sheet.name,
            &col,
            &mut out.problems,
        ) {
            out.disbursements.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: Disbursement {
                    project,
                    code,
                    policy,
                    legal_basis,
                    decision,
                    org,
                    amount_vnd,
                    source,
                    paid_on,
                },
            });
        }
    }
}
