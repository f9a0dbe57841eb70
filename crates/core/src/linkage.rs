//! Linkage contracts: the checks a contract and a delivery pass (a delivery beyond the
//! contract's term or quantity is a warning, not a refusal: goods are delivered late or over
//! in practice), and where a contract stands on a day — delivered against due, late, short,
//! at risk.

use crate::chain::{Contract, ContractRecords, Delivery, LinkageProject};
use crate::model::Organization;
use crate::training::{CODE_MAX, NAME_MAX, Problems, code_fits};
use crate::{Date, Fixed};

/// Most cooperatives party to one contract.
pub const ORGS_MAX: usize = 50;
/// Most installments of one schedule.
pub const SCHEDULE_MAX: usize = 120;
/// Largest quantity of a contract or a delivery.
pub const QUANTITY_MAX: i64 = 1_000_000_000;
/// A contract whose deliveries fall this far behind what is due is at risk (per cent).
pub const AT_RISK_BEHIND_PCT: i64 = 20;

fn text(out: &mut Problems, field: &'static str, v: &str, required: bool) {
    if required && v.trim().is_empty() {
        out.push((
            field,
            String::new(),
            crate::msg!("exchange.required_value_missing"),
        ));
    } else if v.chars().count() > NAME_MAX {
        out.push((
            field,
            v.chars().take(40).collect(),
            crate::msg!("club.text_too_long", max = NAME_MAX),
        ));
    }
}

/// A Vietnamese tax code (mã số thuế): 10 digits, or 10 digits, `-` and 3 for a branch.
pub fn tax_code_fits(s: &str) -> bool {
    let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
    match s.split_once('-') {
        None => s.len() == 10 && digits(s),
        Some((a, b)) => a.len() == 10 && b.len() == 3 && digits(a) && digits(b),
    }
}

fn quantity(out: &mut Problems, field: &'static str, q: Fixed) {
    if q <= Fixed::ZERO || q > Fixed::from_int(QUANTITY_MAX) {
        out.push((
            field,
            q.format_vi(3, false),
            crate::msg!("trace.quantity_out_of_range", max = QUANTITY_MAX),
        ));
    }
}

/// Every problem of a contract: `org_of` finds a cooperative it names, `product_of` the
/// product of hoptac it is for (one of a party's).
pub fn contract_problems<'a, 'p>(
    c: &Contract,
    org_of: impl Fn(&crate::OrgCode) -> Option<&'a Organization>,
    product_of: impl Fn(&str) -> Option<&'p crate::model::Product>,
) -> Problems {
    let mut out = Vec::new();
    if let Some(p) = c.product.as_deref() {
        match product_of(p) {
            None => out.push((
                "product",
                p.to_string(),
                crate::msg!("ocop.no_such_product", code = p),
            )),
            Some(x) if !c.orgs.contains(&x.org) => out.push((
                "product",
                p.to_string(),
                crate::msg!("linkage.product_not_of_party", code = p),
            )),
            Some(_) => {}
        }
    }
    if !code_fits(&c.code) {
        out.push((
            "code",
            c.code.clone(),
            crate::msg!("support.code_invalid", max = CODE_MAX),
        ));
    }
    text(&mut out, "partner", &c.partner, true);
    text(&mut out, "goods", &c.goods, true);
    text(&mut out, "price", &c.price, true);
    if !tax_code_fits(c.partner_tax_code.trim()) {
        out.push((
            "partner_tax_code",
            c.partner_tax_code.clone(),
            crate::msg!("linkage.tax_code_invalid"),
        ));
    }
    if c.orgs.is_empty() || c.orgs.len() > ORGS_MAX {
        out.push((
            "orgs",
            c.orgs.len().to_string(),
            crate::msg!("linkage.orgs_count", max = ORGS_MAX),
        ));
    }
    for o in &c.orgs {
        match org_of(o) {
            None => out.push((
                "orgs",
                o.to_string(),
                crate::msg!("import.no_such_organisation", code = o),
            )),
            Some(x) if x.dissolved_on.is_some_and(|d| d < c.starts_on) => out.push((
                "orgs",
                o.to_string(),
                crate::msg!(
                    "linkage.org_dissolved",
                    org = o,
                    day = crate::date::to_vi(x.dissolved_on.unwrap_or(c.starts_on))
                ),
            )),
            Some(_) => {}
        }
    }
    quantity(&mut out, "quantity", c.quantity);
    if let Some(a) = c.area_ha
        && (a <= Fixed::ZERO || a > Fixed::from_int(crate::trace::AREA_MAX_HA))
    {
        out.push((
            "area_ha",
            a.format_vi(4, false),
            crate::msg!("trace.area_out_of_range", max = crate::trace::AREA_MAX_HA),
        ));
    }
    if let Some(n) = c.households
        && !(0..=crate::trace::HOUSEHOLDS_MAX).contains(&n)
    {
        out.push((
            "households",
            n.to_string(),
            crate::msg!(
                "trace.households_out_of_range",
                max = crate::trace::HOUSEHOLDS_MAX
            ),
        ));
    }
    let day = crate::date::to_vi;
    if c.ends_on < c.starts_on {
        out.push((
            "ends_on",
            day(c.ends_on),
            crate::msg!("linkage.ends_before_start", start = day(c.starts_on)),
        ));
    }
    if c.signed_on > c.starts_on {
        out.push((
            "signed_on",
            day(c.signed_on),
            crate::msg!("linkage.signed_after_start", start = day(c.starts_on)),
        ));
    }
    if let Some(e) = c.ended_on
        && (e < c.starts_on || e > c.ends_on)
    {
        out.push((
            "ended_on",
            day(e),
            crate::msg!("linkage.ended_outside_term"),
        ));
    }
    if c.schedule.len() > SCHEDULE_MAX {
        out.push((
            "schedule",
            c.schedule.len().to_string(),
            crate::msg!("linkage.schedule_too_long", max = SCHEDULE_MAX),
        ));
    }
    let mut total = Fixed::ZERO;
    for i in &c.schedule {
        quantity(&mut out, "schedule", i.quantity);
        total = total.checked_add(i.quantity).unwrap_or(total);
        if i.due < c.starts_on || i.due > c.ends_on {
            out.push((
                "schedule",
                day(i.due),
                crate::msg!("linkage.installment_outside_term"),
            ));
        }
    }
    if !c.schedule.is_empty() && total != c.quantity {
        out.push((
            "schedule",
            total.format_vi(3, false),
            crate::msg!(
                "linkage.schedule_not_total",
                total = c.quantity.format_vi(3, false)
            ),
        ));
    }
    out
}

/// Largest investment or support of one project, in đồng (a thousand billion).
pub const PROJECT_VND_MAX: i64 = 1_000_000_000_000_000;

/// Every problem of a linkage project: `org_of` finds a cooperative it names, `records` the
/// contracts.
pub fn project_problems<'a>(
    p: &LinkageProject,
    org_of: impl Fn(&crate::OrgCode) -> Option<&'a Organization>,
    records: &ContractRecords,
) -> Problems {
    let mut out = Vec::new();
    if !code_fits(&p.code) {
        out.push((
            "code",
            p.code.clone(),
            crate::msg!("support.code_invalid", max = CODE_MAX),
        ));
    }
    text(&mut out, "name", &p.name, true);
    text(&mut out, "lead", &p.lead, true);
    text(&mut out, "approved_by", &p.approved_by, true);
    text(&mut out, "decision", &p.decision, true);
    if p.orgs.is_empty() || p.orgs.len() > ORGS_MAX {
        out.push((
            "orgs",
            p.orgs.len().to_string(),
            crate::msg!("linkage.orgs_count", max = ORGS_MAX),
        ));
    }
    for o in &p.orgs {
        if org_of(o).is_none() {
            out.push((
                "orgs",
                o.to_string(),
                crate::msg!("import.no_such_organisation", code = o),
            ));
        }
    }
    if p.contracts.len() > ORGS_MAX {
        out.push((
            "contracts",
            p.contracts.len().to_string(),
            crate::msg!("linkage.project_contracts_count", max = ORGS_MAX),
        ));
    }
    for k in &p.contracts {
        match records.contract(k) {
            None => out.push((
                "contracts",
                k.clone(),
                crate::msg!("linkage.no_such_contract", code = k),
            )),
            Some(c) if !c.orgs.iter().any(|o| p.orgs.contains(o)) => out.push((
                "contracts",
                k.clone(),
                crate::msg!("linkage.contract_not_of_project", code = k),
            )),
            Some(_) => {}
        }
    }
    if let Some(a) = p.area_ha
        && (a <= Fixed::ZERO || a > Fixed::from_int(crate::trace::AREA_MAX_HA))
    {
        out.push((
            "area_ha",
            a.format_vi(4, false),
            crate::msg!("trace.area_out_of_range", max = crate::trace::AREA_MAX_HA),
        ));
    }
    if let Some(n) = p.households
        && !(0..=crate::trace::HOUSEHOLDS_MAX).contains(&n)
    {
        out.push((
            "households",
            n.to_string(),
            crate::msg!(
                "trace.households_out_of_range",
                max = crate::trace::HOUSEHOLDS_MAX
            ),
        ));
    }
    let money = crate::text::group_thousands;
    if !(1..=PROJECT_VND_MAX).contains(&p.investment_vnd) {
        out.push((
            "investment_vnd",
            money(i128::from(p.investment_vnd)),
            crate::msg!("linkage.amount_out_of_range"),
        ));
    }
    if !(0..=PROJECT_VND_MAX).contains(&p.support_approved_vnd) {
        out.push((
            "support_approved_vnd",
            money(i128::from(p.support_approved_vnd)),
            crate::msg!("linkage.amount_out_of_range"),
        ));
    } else if p.support_approved_vnd > p.investment_vnd && p.investment_vnd > 0 {
        out.push((
            "support_approved_vnd",
            money(i128::from(p.support_approved_vnd)),
            crate::msg!(
                "linkage.support_over_investment",
                investment = money(i128::from(p.investment_vnd))
            ),
        ));
    }
    let day = crate::date::to_vi;
    if p.ends_on < p.starts_on {
        out.push((
            "ends_on",
            day(p.ends_on),
            crate::msg!("linkage.ends_before_start", start = day(p.starts_on)),
        ));
    }
    out
}

/// The problems of the linkage project a disbursement names: there is such a project and
/// the cooperative paid takes part in it (none when it names no project).
pub fn disbursement_project_problems(
    d: &crate::model::Disbursement,
    records: &ContractRecords,
) -> Problems {
    let Some(code) = &d.project else {
        return Vec::new();
    };
    match records.project(code) {
        None => vec![(
            "project",
            code.clone(),
            crate::msg!("linkage.no_such_project", code = code),
        )],
        Some(p) if !p.orgs.contains(&d.org) => vec![(
            "project",
            code.clone(),
            crate::msg!("linkage.org_not_in_project", org = d.org, code = code),
        )],
        Some(_) => Vec::new(),
    }
}

/// Support paid under a project (đ): the disbursements that name it.
pub fn project_support_paid(project: &str, paid: &[crate::model::Disbursement]) -> i64 {
    (paid.iter())
        .filter(|d| d.project.as_deref() == Some(project))
        .map(|d| d.amount_vnd)
        .fold(0i64, i64::saturating_add)
}

/// The refusals and the warnings of a delivery under `c` (`None`: no such contract),
/// against its other deliveries.
pub fn delivery_problems(
    d: &Delivery,
    c: Option<&Contract>,
    records: &ContractRecords,
) -> (Problems, Problems) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    if !code_fits(&d.code) {
        errors.push((
            "code",
            d.code.clone(),
            crate::msg!("support.code_invalid", max = CODE_MAX),
        ));
    }
    quantity(&mut errors, "quantity", d.quantity);
    if let Some(l) = &d.lot
        && !crate::trace::lot_fits(l)
    {
        errors.push((
            "lot",
            l.clone(),
            crate::msg!("trace.lot_invalid", max = crate::trace::LOT_MAX),
        ));
    }
    let Some(c) = c else {
        errors.push((
            "contract",
            d.contract.clone(),
            crate::msg!("linkage.no_such_contract", code = d.contract),
        ));
        return (errors, warnings);
    };
    let day = crate::date::to_vi;
    if d.delivered_on < c.signed_on {
        errors.push((
            "delivered_on",
            day(d.delivered_on),
            crate::msg!("linkage.delivery_before_signing", day = day(c.signed_on)),
        ));
    } else if d.delivered_on < c.starts_on
        || d.delivered_on > c.ends_on
        || c.ended_on.is_some_and(|e| d.delivered_on > e)
    {
        warnings.push((
            "delivered_on",
            day(d.delivered_on),
            crate::msg!(
                "linkage.delivery_outside_term",
                from = day(c.starts_on),
                to = day(c.ends_on)
            ),
        ));
    }
    let before = (records.deliveries_of(&c.code).into_iter())
        .filter(|x| x.code != d.code)
        .fold(Fixed::ZERO, |a, x| a.checked_add(x.quantity).unwrap_or(a));
    let after = before.checked_add(d.quantity).unwrap_or(before);
    if after > c.quantity {
        warnings.push((
            "quantity",
            d.quantity.format_vi(3, false),
            crate::msg!(
                "linkage.delivery_over_quantity",
                total = after.format_vi(3, false),
                quantity = c.quantity.format_vi(3, false),
                unit = c.unit.label_vi()
            ),
        ));
    }
    (errors, warnings)
}

pub use crate::types::Standing;

/// Where a contract stands on `day`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fulfilment {
    pub delivered: Fixed,
    pub due: Fixed,
    /// Delivered of the whole quantity, per cent (two decimals).
    pub delivered_pct: Option<Fixed>,
    pub standing: Standing,
}

/// What `c` has delivered by `day` against what was due, and what that makes it.
pub fn fulfilment(c: &Contract, deliveries: &[&Delivery], day: Date) -> Fulfilment {
    let delivered = (deliveries.iter())
        .filter(|d| d.delivered_on <= day)
        .fold(Fixed::ZERO, |a, d| a.checked_add(d.quantity).unwrap_or(a));
    let due = c.due_by(day);
    let pct =
        |num: Fixed, den: Fixed| Fixed::ratio(num.micros() as i128 * 100, den.micros() as i128, 2);
    let over = day > c.ends_on || c.ended_on.is_some_and(|e| e <= day);
    let standing = if delivered >= c.quantity {
        Standing::Completed
    } else if over {
        Standing::Short
    } else if day < c.starts_on {
        Standing::NotStarted
    } else if due > Fixed::ZERO
        && pct(
            due.checked_add(Fixed::from_micros(-delivered.micros()))
                .unwrap_or(due),
            due,
        )
        .is_some_and(|behind| behind > Fixed::from_int(AT_RISK_BEHIND_PCT))
    {
        Standing::AtRisk
    } else if delivered < due {
        Standing::Late
    } else {
        Standing::OnSchedule
    };
    Fulfilment {
        delivered,
        due,
        delivered_pct: pct(delivered, c.quantity),
        standing,
    }
}

#[cfg(test)]
mod tests;
