//! The product sheets: products (a GTIN read with its check digit) and OCOP ratings (points
//! as decimals, the three parts all or none). Whether the organisation and the product exist
//! and the rating fits its band is the import's business.

use super::layout::{Layout, duplicate, rows};
use super::parsed::{Located, Parsed};
use super::reader::RowReader;
use crate::read::RawSheet;
use hoptac_core::model::{OcopRating, Product};
use hoptac_core::types::{OcopCriteria, OcopEvaluationKind, OcopGroup, OfficialLevel};
use hoptac_core::validate::Severity;
use std::collections::HashMap;

fn column(l: &Layout, key: &str) -> String {
    l.cols.get(key).map(|c| c.1.clone()).unwrap_or_default()
}

pub(super) fn parse_products(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let org = r.org_code("org_code");
        let name = r.text("name");
        let name = r.required("name", name);
        let group = r.enumerated::<OcopGroup>("group");
        let group = r.required("group", group);
        let subgroup = r.text("subgroup").unwrap_or_default();
        let gtin = match r.text("gtin") {
            None => None,
            Some(g) => match hoptac_core::ocop::parse_gtin(&g) {
                Ok(v) => v,
                Err(msg) => {
                    r.push(Severity::Error, "gtin", g, msg);
                    None
                }
            },
        };
        let unit = r.text("unit").unwrap_or_default();
        let public = r.boolean("public").unwrap_or(false);
        let failed = r.failed;
        let (Some(code), Some(org), Some(name), Some(group), false) =
            (code, org, name, group, failed)
        else {
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
            out.products.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: Product {
                    code,
                    org,
                    name,
                    group,
                    subgroup,
                    gtin,
                    unit,
                    public,
                },
            });
        }
    }
}

pub(super) fn parse_ratings(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let product = r.text("product");
        let product = r.required("product", product);
        let criteria = r.enumerated::<OcopCriteria>("criteria");
        let kind = r.enumerated::<OcopEvaluationKind>("kind");
        let kind = r.required("kind", kind);
        let parts = [r.money("part_a"), r.money("part_b"), r.money("part_c")];
        let score = r.money("score");
        let stars = r.integer("stars");
        let stars = r.required("stars", stars);
        let decision = r.text("decision");
        let decision = r.required("decision", decision);
        let decided_on = r.date("decided_on");
        let decided_on = r.required("decided_on", decided_on);
        let level = r.enumerated::<OfficialLevel>("level");
        let level = r.required("level", level);
        let revoked_on = r.date("revoked_on");
        let revocation = r.text("revocation").unwrap_or_default();
        let parts = match parts {
            [Some(a), Some(b), Some(c)] => Some([a, b, c]),
            [None, None, None] => None,
            given => {
                // the parts are the council's sheet: all three or none
                for (v, key) in given.iter().zip(["part_a", "part_b", "part_c"]) {
                    if v.is_none() {
                        r.push(
                            Severity::Error,
                            key,
                            String::new(),
                            hoptac_core::msg!("exchange.ocop_parts_all_or_none"),
                        );
                    }
                }
                None
            }
        };
        let stars = match stars.map(u8::try_from) {
            Some(Ok(s)) => Some(s),
            Some(Err(_)) => {
                let v = r.cell("stars").shown();
                r.push(
                    Severity::Error,
                    "stars",
                    v,
                    hoptac_core::msg!("ocop.stars_out_of_range", from = 3),
                );
                None
            }
            None => None,
        };
        let failed = r.failed;
        let (Some(code), Some(product), Some(kind), Some(stars), Some(decision)) =
            (code, product, kind, stars, decision)
        else {
            continue;
        };
        let (Some(decided_on), Some(level), false) = (decided_on, level, failed) else {
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
            out.ratings.push(Located {
                sheet: sheet.name.clone(),
                row: *n,
                value: OcopRating {
                    code,
                    product,
                    criteria: criteria
                        .unwrap_or_else(|| hoptac_core::ocop::criteria::in_force_on(decided_on)),
                    kind,
                    parts,
                    score,
                    stars,
                    decision,
                    decided_on,
                    level,
                    revoked_on,
                    revocation,
                },
            });
        }
    }
}
