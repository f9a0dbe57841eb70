//! The database to a workbook: one sheet per table, Vietnamese headers (or machine keys),
//! real numbers and dates, frozen header rows. Re-importing it reproduces the database.

use crate::cells::date_to_serial;
use crate::columns::{TABLES, Table};
use hoptac_core::model::{AdminUnit, Snapshot};
use hoptac_core::plan::Plan;
use hoptac_core::spec::IndicatorRecord;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Headers {
    #[default]
    Vietnamese,
    Keys,
}

mod chain;
mod clubs;
mod products;
mod support;
mod training;
mod val;

use val::{Val, list, opt};

/// Plans and the indicators offices defined, exported beside the registry.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlanData<'a> {
    pub indicators: &'a [IndicatorRecord],
    pub plans: &'a [Plan],
    /// Each organisation's registered services, when known.
    pub registered: Option<
        &'a std::collections::HashMap<
            hoptac_core::OrgCode,
            std::collections::BTreeSet<hoptac_core::Service>,
        >,
    >,
}

pub fn write_xlsx(
    snap: &Snapshot,
    plans: PlanData<'_>,
    headers: Headers,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_background_color("#D9E2F3")
        .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin);
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    let int_fmt = Format::new().set_num_format("#,##0");
    let money_fmt = Format::new().set_num_format("#,##0.00");
    let units_by_id: HashMap<_, &AdminUnit> = snap.units.iter().map(|u| (u.id, u)).collect();

    let mut units: Vec<&AdminUnit> = snap.units.iter().collect();
    // parents first, so a re-import can resolve every parent code
    units.sort_by_key(|u| {
        (
            u.level != hoptac_core::AdminLevel::Province,
            u.level != hoptac_core::AdminLevel::District,
            u.code.clone(),
            u.valid_from,
        )
    });
    let unit_rows: Vec<Vec<Val>> = units
        .iter()
        .map(|u| {
            vec![
                Val::Text(u.code.clone()),
                Val::Text(u.name.clone()),
                Val::Coded(u.level.code().into(), u.level.label_vi().into()),
                opt(u.parent.and_then(|p| units_by_id.get(&p)), |p| {
                    Val::Text(p.code.clone())
                }),
                opt(u.valid_from, Val::Date),
                opt(u.valid_to, Val::Date),
            ]
        })
        .collect();
    let mut orgs: Vec<_> = snap.orgs.iter().collect();
    orgs.sort_by(|a, b| a.code.cmp(&b.code));
    let org_rows: Vec<Vec<Val>> = orgs
        .iter()
        .map(|o| {
            vec![
                Val::Text(o.code.to_string()),
                Val::Coded(o.kind.code().into(), o.kind.label_vi().into()),
                Val::Text(o.name.clone()),
                Val::Coded(o.sector.code().into(), o.sector.label_vi().into()),
                opt(units_by_id.get(&o.commune), |u| Val::Text(u.code.clone())),
                Val::Date(o.founded_on),
                opt(o.dissolved_on, Val::Date),
                opt(o.registration_no.clone(), Val::Text),
                match plans
                    .registered
                    .and_then(|r| r.get(&o.code))
                    .filter(|s| !s.is_empty())
                {
                    Some(set) => list(set.iter().copied()),
                    None => Val::Empty,
                },
            ]
        })
        .collect();
    let mut reports: Vec<_> = snap.reports.iter().collect();
    reports.sort_by(|a, b| (&a.org, a.year).cmp(&(&b.org, b.year)));
    let report_rows: Vec<Vec<Val>> = reports
        .iter()
        .map(|r| {
            let f = &r.figures;
            vec![
                Val::Text(r.org.to_string()),
                Val::Int(r.year.get() as i64),
                opt(f.members, Val::Int),
                opt(f.members_joined, Val::Int),
                opt(f.members_left, Val::Int),
                opt(f.workers, Val::Int),
                opt(f.revenue, Val::Money),
                opt(f.profit, Val::Money),
                opt(f.member_income, Val::Money),
                opt(f.worker_income, Val::Money),
                if f.services.is_empty() {
                    Val::Empty
                } else {
                    list(f.services.iter().copied())
                },
                opt(f.rating, |r| {
                    Val::Coded(r.code().into(), r.label_vi().into())
                }),
                opt(f.general_meeting_on, Val::Date),
                opt(f.statements_filed, |b| {
                    let (code, label) = if b { ("yes", "có") } else { ("no", "không") };
                    Val::Coded(code.into(), label.into())
                }),
                opt(f.received_on, Val::Date),
                opt(f.statements_filed_on, Val::Date),
                opt(f.self_assessment_sent_on, Val::Date),
                opt(f.rating_basis.clone(), Val::Text),
            ]
        })
        .collect();
    let mut managers: Vec<_> = snap.managers.iter().collect();
    managers.sort_by(|a, b| (&a.org, &a.full_name, a.from).cmp(&(&b.org, &b.full_name, b.from)));
    let manager_rows: Vec<Vec<Val>> = managers
        .iter()
        .map(|m| {
            vec![
                Val::Text(m.org.to_string()),
                Val::Text(m.full_name.clone()),
                Val::Coded(m.role.code().into(), m.role.label_vi().into()),
                opt(m.qualification, |q| {
                    Val::Coded(q.code().into(), q.label_vi().into())
                }),
                opt(m.trained_on, Val::Date),
                opt(m.from, Val::Date),
                opt(m.to, Val::Date),
            ]
        })
        .collect();

    let text = val::text;
    let indicator_rows: Vec<Vec<Val>> = plans
        .indicators
        .iter()
        .map(|i| {
            vec![
                Val::Text(i.id.clone()),
                Val::Text(i.label_vi.clone()),
                text(&i.label_en),
                Val::Text(i.definition.clone()),
                text(&i.description),
            ]
        })
        .collect();
    let plan_rows: Vec<Vec<Val>> = plans
        .plans
        .iter()
        .map(|p| {
            vec![
                Val::Text(p.code.clone()),
                Val::Text(p.title.clone()),
                text(&p.issuer),
                text(&p.doc_no),
                opt(p.doc_date, Val::Date),
                Val::Int(p.from as i64),
                Val::Int(p.to as i64),
                Val::Int(p.baseline_year as i64),
                Val::Text(p.scope.clone()),
            ]
        })
        .collect();
    let target_rows: Vec<Vec<Val>> = plans
        .plans
        .iter()
        .flat_map(|p| p.targets.iter().map(move |t| (p, t)))
        .map(|(p, t)| {
            vec![
                Val::Text(p.code.clone()),
                Val::Text(t.no.clone()),
                Val::Text(t.wording.clone()),
                Val::Text(t.indicator.clone()),
                Val::Coded(t.comparator.code().into(), t.comparator.label_vi().into()),
                Val::Money(t.value),
                opt(t.value_hi, Val::Money),
                opt(t.baseline_indicator.clone(), Val::Text),
                text(
                    &t.milestones
                        .iter()
                        .map(|(y, v)| format!("{y}: {v}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                text(&t.note),
            ]
        })
        .collect();
    let office_rows: Vec<Vec<Val>> = (plans.plans.iter())
        .flat_map(|p| p.offices.iter().map(move |o| (p, o)))
        .map(|(p, o)| {
            vec![
                Val::Text(p.code.clone()),
                Val::Text(o.code.clone()),
                Val::Text(o.name.clone()),
                opt(o.until, Val::Date),
                text(&o.successor),
            ]
        })
        .collect();
    let task_rows: Vec<Vec<Val>> = (plans.plans.iter())
        .flat_map(|p| p.tasks.iter().map(move |t| (p, t)))
        .map(|(p, t)| {
            use hoptac_core::plan::tasks::join_codes;
            vec![
                Val::Text(p.code.clone()),
                Val::Text(t.number.clone()),
                Val::Text(t.group.clone()),
                Val::Text(t.text.clone()),
                Val::Text(join_codes(&t.lead)),
                text(&join_codes(&t.partners)),
                text(&t.output),
                text(&join_codes(&t.evidence)),
                Val::Coded(t.status.code().into(), t.status.label_vi().into()),
                text(&t.reason),
            ]
        })
        .collect();
    let code_of = |id: hoptac_core::UnitId| {
        units_by_id
            .get(&id)
            .map(|u| Val::Text(u.code.clone()))
            .unwrap_or(Val::Empty)
    };
    let change_rows: Vec<Vec<Val>> = snap
        .changes
        .iter()
        .map(|c| {
            vec![
                code_of(c.old),
                code_of(c.new),
                Val::Date(c.on),
                Val::Coded(c.kind.code().into(), c.kind.label_vi().into()),
                text(&c.basis),
            ]
        })
        .collect();
    let move_rows: Vec<Vec<Val>> = snap
        .moves
        .iter()
        .map(|m| {
            vec![
                Val::Text(m.org.to_string()),
                code_of(m.commune),
                Val::Date(m.moved_on),
                text(&m.reason),
            ]
        })
        .collect();
    for (i, (table, rows)) in TABLES
        .iter()
        .zip([
            unit_rows,
            org_rows,
            report_rows,
            manager_rows,
            indicator_rows,
            plan_rows,
            target_rows,
            change_rows,
            move_rows,
            clubs::profile_rows(&snap.clubs),
            clubs::meeting_rows(&snap.clubs),
            clubs::origin_rows(&snap.clubs),
            training::course_rows(&snap.training, &units_by_id),
            training::attendee_rows(&snap.training),
            support::event_rows(&snap.support, &units_by_id),
            support::disbursement_rows(&snap.support),
            office_rows,
            task_rows,
            products::product_rows(&snap.products),
            products::rating_rows(&snap.products),
            chain::facility_rows(&snap.trace, &units_by_id),
            chain::lot_rows(&snap.trace, &snap.products),
            chain::contract_rows(&snap.contracts),
            chain::delivery_rows(&snap.contracts),
            chain::project_rows(&snap.contracts),
        ])
        .enumerate()
    {
        // a register that never changed has no history to write, one without clubs no clubs
        if i >= 7 && rows.is_empty() {
            continue;
        }
        let ws = wb.add_worksheet();
        sheet(
            ws, table, &rows, headers, &head, &date_fmt, &int_fmt, &money_fmt,
        )?;
    }
    wb.save_to_buffer()
}

#[allow(clippy::too_many_arguments)]
fn sheet(
    ws: &mut Worksheet,
    table: &Table,
    rows: &[Vec<Val>],
    headers: Headers,
    head: &Format,
    date_fmt: &Format,
    int_fmt: &Format,
    money_fmt: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(table.key)?;
    for (c, col) in table.columns.iter().enumerate() {
        let h = match headers {
            Headers::Vietnamese => col.vi,
            Headers::Keys => col.key,
        };
        ws.write_string_with_format(0, c as u16, h, head)?;
        ws.set_column_width(c as u16, (h.chars().count() as f64 + 4.0).max(12.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                Val::Empty => {}
                Val::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Val::Coded(code, label) => {
                    let s = match headers {
                        Headers::Vietnamese => label,
                        Headers::Keys => code,
                    };
                    ws.write_string(r, c, s)?;
                }
                Val::Int(i) => {
                    ws.write_number_with_format(r, c, *i as f64, int_fmt)?;
                }
                Val::Money(m) => {
                    // Display only: the cell keeps the exact value, whole amounts show no decimals.
                    ws.write_number_with_format(
                        r,
                        c,
                        m.to_f64(),
                        if m.is_integer() { int_fmt } else { money_fmt },
                    )?;
                }
                Val::Date(d) => {
                    ws.write_number_with_format(r, c, date_to_serial(*d), date_fmt)?;
                }
            }
        }
    }
    if !rows.is_empty() {
        ws.autofilter(0, 0, rows.len() as u32, table.columns.len() as u16 - 1)?;
    }
    Ok(())
}
