//! Propaganda events and support disbursements: the checks each passes before it is
//! written. What they add up to is in the indicator engine (`support.*`, `propaganda.*`).

use crate::model::{Disbursement, Event, Organization};
use crate::training::{CODE_MAX, NAME_MAX, Problems, code_fits};

/// Largest single disbursement: ten thousand billion đồng, far above any support policy,
/// so a typing slip of many zeros is caught and sums stay exact.
pub const AMOUNT_MAX: i64 = 10_000_000_000_000;
/// Largest reach of one event.
pub const REACH_MAX: i64 = 100_000_000;

fn texts(out: &mut Problems, fields: &[(&'static str, &String, bool)]) {
    for (field, v, required) in fields {
        if *required && v.trim().is_empty() {
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
}

fn code_problem(out: &mut Problems, code: &str) {
    if !code_fits(code) {
        out.push((
            "code",
            code.to_string(),
            crate::msg!("support.code_invalid", max = CODE_MAX),
        ));
    }
}

/// Every problem of an event, each with its field.
pub fn event_problems(e: &Event) -> Problems {
    let mut out = Vec::new();
    code_problem(&mut out, &e.code);
    texts(
        &mut out,
        &[
            ("title", &e.title, true),
            ("organiser", &e.organiser, true),
            ("audience", &e.audience, false),
        ],
    );
    if let Some(n) = e.reach
        && !(0..=REACH_MAX).contains(&n)
    {
        out.push((
            "reach",
            n.to_string(),
            crate::msg!("support.reach_out_of_range", max = REACH_MAX),
        ));
    }
    out
}

/// Every problem of a disbursement: `org` is the organisation it names (`None` if none is
/// stored under that code).
pub fn disbursement_problems(d: &Disbursement, org: Option<&Organization>) -> Problems {
    let mut out = Vec::new();
    code_problem(&mut out, &d.code);
    texts(
        &mut out,
        &[
            ("legal_basis", &d.legal_basis, true),
            ("decision", &d.decision, false),
            ("source", &d.source, true),
        ],
    );
    if d.amount_vnd <= 0 || d.amount_vnd > AMOUNT_MAX {
        out.push((
            "amount_vnd",
            d.amount_vnd.to_string(),
            crate::msg!(
                "support.amount_out_of_range",
                max = crate::text::group_thousands(AMOUNT_MAX as i128)
            ),
        ));
    }
    let Some(o) = org else {
        out.push((
            "org_code",
            d.org.to_string(),
            crate::msg!("import.no_such_organisation", code = d.org),
        ));
        return out;
    };
    let paid = crate::date::to_vi(d.paid_on);
    if d.paid_on < o.founded_on {
        out.push((
            "paid_on",
            paid.clone(),
            crate::msg!(
                "support.paid_before_founding",
                org = d.org,
                founded = crate::date::to_vi(o.founded_on)
            ),
        ));
    }
    if let Some(end) = o.dissolved_on
        && d.paid_on > end
    {
        out.push((
            "paid_on",
            paid,
            crate::msg!(
                "support.paid_after_dissolution",
                org = d.org,
                dissolved = crate::date::to_vi(end)
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests;
