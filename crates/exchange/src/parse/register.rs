//! The register's sheets: units, organisations, yearly reports, managers.

use super::layout::{Layout, duplicate, rows};
use super::parsed::{Located, OrgInput, Parsed, UnitInput};
use super::reader::RowReader;
use crate::read::RawSheet;
use hoptac_core::model::{AnnualReport, Manager, ReportFigures};
use hoptac_core::types::*;
use hoptac_core::validate::Severity;
use std::collections::HashMap;

/// A name longer than this is a pasted paragraph, not a name (the longest registered HTX
/// names run to about 120 characters).
pub const MAX_NAME_CHARS: usize = 255;

/// A founding date before this year is a typing slip: the country's first cooperatives date
/// from after 1945 (the exact first year is not set by law; this is a plausibility bound).
pub const FIRST_FOUNDING_YEAR: i32 = 1945;

pub(super) fn parse_units(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code = r.text("code");
        let code = r.required("code", code);
        let name = r.text("name");
        let name = r.required("name", name);
        if let Some(n) = &name
            && n.chars().count() > MAX_NAME_CHARS
        {
            r.push(
                Severity::Error,
                "name",
                n.chars().take(60).collect::<String>() + "…",
                hoptac_core::msg!(
                    "exchange.name_too_long",
                    n = n.chars().count(),
                    max = MAX_NAME_CHARS
                ),
            );
        }
        let level = r.enumerated::<AdminLevel>("level");
        let level = r.required("level", level);
        let parent_code = r.text("parent_code");
        let valid_from = r.date("valid_from");
        let valid_to = r.date("valid_to");
        if let (Some(f), Some(t)) = (valid_from, valid_to)
            && t < f
        {
            let shown = r.cell("valid_to").shown();
            r.push(
                Severity::Error,
                "valid_to",
                shown,
                hoptac_core::msg!("exchange.valid_to_before_valid_from"),
            );
        }
        let failed = r.failed;
        if let (Some(code), Some(name), Some(level), false) = (code, name, level, failed) {
            let key = format!(
                "{code}@{}",
                valid_from
                    .map(hoptac_core::date::to_iso)
                    .unwrap_or_default()
            );
            let col = l.cols.get("code").map(|c| c.1.clone()).unwrap_or_default();
            if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
                out.units.push(Located {
                    sheet: sheet.name.clone(),
                    row: *n,
                    value: UnitInput {
                        code,
                        name,
                        level,
                        parent_code,
                        valid_from,
                        valid_to,
                    },
                });
            }
        }
    }
}

pub(super) fn parse_orgs(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code_text = r.text("code");
        let code = match code_text.as_deref().map(|c| (c, OrgCode::parse(c))) {
            Some((_, Some(c))) => Some(c),
            Some((c, None)) => {
                r.push(
                    Severity::Error,
                    "code",
                    c.to_string(),
                    hoptac_core::msg!("exchange.invalid_code"),
                );
                None
            }
            None => r.required("code", None),
        };
        let kind = r.enumerated::<OrgKind>("kind");
        let kind = r.required("kind", kind);
        let name = r.text("name");
        let name = r.required("name", name);
        if let Some(n) = &name
            && n.chars().count() > MAX_NAME_CHARS
        {
            r.push(
                Severity::Error,
                "name",
                n.chars().take(60).collect::<String>() + "…",
                hoptac_core::msg!(
                    "exchange.name_too_long",
                    n = n.chars().count(),
                    max = MAX_NAME_CHARS
                ),
            );
        }
        let sector = r.enumerated::<Sector>("sector");
        let sector = r.required("sector", sector);
        let commune = r.text("commune");
        let commune = r.required("commune", commune);
        let founded_on = r.date("founded_on");
        let founded_on = r.required("founded_on", founded_on);
        if let Some(f) = founded_on
            && f.year() < FIRST_FOUNDING_YEAR
        {
            r.push(
                Severity::Error,
                "founded_on",
                hoptac_core::date::to_vi(f),
                hoptac_core::msg!("exchange.founded_too_early", min = FIRST_FOUNDING_YEAR),
            );
        }
        let dissolved_on = r.date("dissolved_on");
        let registration_no = r.text("registration_no");
        let registered_services = l
            .cols
            .contains_key("registered_services")
            .then(|| r.services("registered_services"));
        let failed = r.failed;
        if let (
            Some(code),
            Some(kind),
            Some(name),
            Some(sector),
            Some(commune),
            Some(founded_on),
            false,
        ) = (code, kind, name, sector, commune, founded_on, failed)
        {
            let col = l.cols.get("code").map(|c| c.1.clone()).unwrap_or_default();
            if !duplicate(
                &mut seen,
                code.to_string(),
                *n,
                &sheet.name,
                &col,
                &mut out.problems,
            ) {
                out.orgs.push(Located {
                    sheet: sheet.name.clone(),
                    row: *n,
                    value: OrgInput {
                        code,
                        kind,
                        name,
                        sector,
                        commune,
                        founded_on,
                        dissolved_on,
                        registration_no,
                        registered_services,
                    },
                });
            }
        }
    }
}

pub(super) fn parse_reports(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code_text = r.text("org_code");
        let code = code_text.as_deref().and_then(OrgCode::parse);
        let code = r.required("org_code", code);
        let year_v = r.integer("year");
        let year = match year_v {
            Some(y) => match Year::new(y as i32) {
                Some(y) => Some(y),
                None => {
                    r.push(
                        Severity::Error,
                        "year",
                        y.to_string(),
                        hoptac_core::msg!("exchange.year_out_of_range"),
                    );
                    None
                }
            },
            None => r.required("year", None),
        };
        let figures = ReportFigures {
            members: r.integer("members"),
            members_joined: r.integer("members_joined"),
            members_left: r.integer("members_left"),
            workers: r.integer("workers"),
            revenue: r.money("revenue"),
            profit: r.money("profit"),
            member_income: r.money("member_income"),
            worker_income: r.money("worker_income"),
            services: r.services("services"),
            rating: r.enumerated::<Rating>("rating"),
            general_meeting_on: r.date("general_meeting_on"),
            statements_filed: r.boolean("statements_filed"),
            received_on: r.date("received_on"),
            statements_filed_on: r.date("statements_filed_on"),
            self_assessment_sent_on: r.date("self_assessment_sent_on"),
            rating_basis: r.text("rating_basis"),
        };
        let failed = r.failed;
        if let (Some(org), Some(year), false) = (code, year, failed) {
            let col = l
                .cols
                .get("org_code")
                .map(|c| c.1.clone())
                .unwrap_or_default();
            if !duplicate(
                &mut seen,
                format!("{org} / {year}"),
                *n,
                &sheet.name,
                &col,
                &mut out.problems,
            ) {
                out.reports.push(Located {
                    sheet: sheet.name.clone(),
                    row: *n,
                    value: AnnualReport { org, year, figures },
                });
            }
        }
    }
}

pub(super) fn parse_managers(sheet: &RawSheet, l: &Layout, out: &mut Parsed) {
    let mut seen = HashMap::new();
    for (n, cells) in rows(sheet, l) {
        let mut r = RowReader::new(l, *n, cells, &mut out.problems);
        let code_text = r.text("org_code");
        let code = code_text.as_deref().and_then(OrgCode::parse);
        let code = r.required("org_code", code);
        let name = r.text("full_name");
        let full_name = r.required("full_name", name);
        let role = r.enumerated::<Role>("role");
        let role = r.required("role", role);
        let qualification = r.enumerated::<Qualification>("qualification");
        let trained_on = r.date("trained_on");
        let from = r.date("from");
        let to = r.date("to");
        let failed = r.failed;
        if let (Some(org), Some(full_name), Some(role), false) = (code, full_name, role, failed) {
            let key = format!(
                "{org} / {full_name} / {} / {}",
                role.code(),
                from.map(hoptac_core::date::to_iso).unwrap_or_default()
            );
            let col = l
                .cols
                .get("full_name")
                .map(|c| c.1.clone())
                .unwrap_or_default();
            if !duplicate(&mut seen, key, *n, &sheet.name, &col, &mut out.problems) {
                out.managers.push(Located {
                    sheet: sheet.name.clone(),
                    row: *n,
                    value: Manager {
                        org,
                        full_name,
                        role,
                        qualification,
                        trained_on,
                        from,
                        to,
                    },
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::read::{RawBook, read_csv};

    fn problems(csv: &str) -> (usize, Vec<(String, String)>) {
        let book = RawBook {
            sheets: vec![read_csv("organizations", csv.as_bytes()).unwrap()],
        };
        let p = super::super::parse_book(&book);
        let found = p
            .problems
            .iter()
            .map(|p| {
                (
                    p.column.clone().unwrap_or_default(),
                    p.msg.get("vi").to_string(),
                )
            })
            .collect();
        (p.orgs.len(), found)
    }

    #[test]
    fn implausible_founding_years_and_names_are_refused_with_the_field_named() {
        let head = "code,kind,name,sector,commune,founded_on\n";
        let (ok, none) = problems(&format!(
            "{head}A-1,HTX,HTX Một,agriculture,30049,1945-01-01\n"
        ));
        assert_eq!((ok, none.len()), (1, 0), "{none:?}");
        let (n, p) = problems(&format!(
            "{head}A-1,HTX,HTX Một,agriculture,30049,1944-12-31\n"
        ));
        assert_eq!(n, 0);
        assert!(p.iter().any(|(_, m)| m.contains("trước năm 1945")), "{p:?}");
        let long = "H".repeat(256);
        let (n, p) = problems(&format!(
            "{head}A-1,HTX,{long},agriculture,30049,2020-01-01\n"
        ));
        assert_eq!(n, 0);
        assert!(p.iter().any(|(_, m)| m.contains("256 ký tự")), "{p:?}");
        let fits = "H".repeat(255);
        let (n, _) = problems(&format!(
            "{head}A-1,HTX,{fits},agriculture,30049,2020-01-01\n"
        ));
        assert_eq!(n, 1);
    }
}
