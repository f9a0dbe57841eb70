//! OCOP products and their ratings: the checks each passes before it is written, and the
//! state of a certificate on a day (valid, expiring, expired, revoked, renewed, upgraded).
//! What they add up to is in the indicator engine (`ocop.*`).

pub mod criteria;

use crate::gtin::{Gtin, GtinError};
use crate::i18n::Msg;
use crate::model::{OcopRating, Organization, Product};
use crate::training::{CODE_MAX, NAME_MAX, Problems, code_fits};
pub use crate::types::CertificateState;
use crate::types::{OcopEvaluationKind, OfficialLevel};
use crate::{Date, Fixed};

/// A certificate is valid 36 months from its decision (QĐ 148/QĐ-TTg).
pub const VALID_MONTHS: u32 = 36;
/// The issuing body must warn the producer at least 30 days before it expires.
pub const EXPIRING_DAYS: i64 = 30;
/// The to-do page and the review look this far ahead, so a renewal can be prepared.
pub const REMIND_DAYS: i64 = 90;
/// From this day there is no district level in OCOP (QĐ 1489/QĐ-TTg, 06/07/2025).
pub const NO_DISTRICT_FROM: (i32, u8, u8) = (2025, 7, 6);

impl CertificateState {
    /// Whether the product may carry its stars on this day.
    pub fn in_force(self) -> bool {
        matches!(self, CertificateState::Valid | CertificateState::Expiring)
    }
}

/// The first day a rating no longer holds: 36 months after its decision (the last day of
/// the month when that month is shorter).
pub fn expires_on(r: &OcopRating) -> Date {
    let d = r.decided_on;
    let months = d.year() * 12 + (d.month() as i32 - 1) + VALID_MONTHS as i32;
    let (y, m) = (months / 12, (months % 12 + 1) as u8);
    let last = time::util::days_in_month(time::Month::try_from(m).expect("1..=12"), y);
    crate::date::ymd(y, m, d.day().min(last)).expect("a day within its month")
}

/// The state on `day` of `r`, one of `all` (the ratings of its product); `None` before its
/// decision.
pub fn state_on(r: &OcopRating, all: &[&OcopRating], day: Date) -> Option<CertificateState> {
    if r.decided_on > day {
        return None;
    }
    if r.revoked_on.is_some_and(|x| x <= day) {
        return Some(CertificateState::Revoked);
    }
    let later = (all.iter())
        .filter(|o| o.code != r.code && (o.decided_on, &o.code) > (r.decided_on, &r.code))
        .filter(|o| o.decided_on <= day)
        .min_by_key(|o| (o.decided_on, &o.code));
    if let Some(n) = later {
        return Some(if n.kind == OcopEvaluationKind::Upgrade {
            CertificateState::Upgraded
        } else {
            CertificateState::Renewed
        });
    }
    let end = expires_on(r);
    Some(if day >= end {
        CertificateState::Expired
    } else if (end - day).whole_days() <= EXPIRING_DAYS {
        CertificateState::Expiring
    } else {
        CertificateState::Valid
    })
}

/// The product's latest rating decided by `day` and its state: what the product is on
/// that day.
pub fn current<'a>(
    all: &[&'a OcopRating],
    day: Date,
) -> Option<(&'a OcopRating, CertificateState)> {
    let latest = (all.iter())
        .filter(|r| r.decided_on <= day)
        .max_by_key(|r| (r.decided_on, &r.code))?;
    Some((latest, state_on(latest, all, day)?))
}

/// A GTIN typed into `field`, or the message that names what is wrong with it.
pub fn parse_gtin(value: &str) -> Result<Option<Gtin>, Msg> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    Gtin::parse(value).map(Some).map_err(|e| match e {
        GtinError::Shape => crate::msg!("ocop.gtin_shape", value = value.trim()),
        GtinError::CheckDigit { expected } => {
            crate::msg!(
                "ocop.gtin_check_digit",
                value = value.trim(),
                expected = expected
            )
        }
    })
}

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

fn code_problem(out: &mut Problems, code: &str) {
    if !code_fits(code) {
        out.push((
            "code",
            code.to_string(),
            crate::msg!("support.code_invalid", max = CODE_MAX),
        ));
    }
}

/// Every problem of a product: `org` is the organisation it names (`None` if none is
/// stored under that code), `others` the other products stored (a GTIN names one item).
pub fn product_problems(p: &Product, org: Option<&Organization>, others: &[Product]) -> Problems {
    let mut out = Vec::new();
    code_problem(&mut out, &p.code);
    text(&mut out, "name", &p.name, true);
    text(&mut out, "subgroup", &p.subgroup, false);
    text(&mut out, "unit", &p.unit, false);
    if org.is_none() {
        out.push((
            "org_code",
            p.org.to_string(),
            crate::msg!("import.no_such_organisation", code = p.org),
        ));
    }
    if let Some(g) = &p.gtin
        && let Some(o) = (others.iter()).find(|o| o.code != p.code && o.gtin.as_ref() == Some(g))
    {
        out.push((
            "gtin",
            g.short().to_string(),
            crate::msg!("ocop.gtin_taken", gtin = g.short(), product = o.code),
        ));
    }
    out
}

/// Every problem of a rating: `product` and `org` are what it names (`None` if not
/// stored), `earlier` the other ratings of the product.
pub fn rating_problems(
    r: &OcopRating,
    product: Option<&Product>,
    org: Option<&Organization>,
    others: &[&OcopRating],
) -> Problems {
    let mut out = Vec::new();
    code_problem(&mut out, &r.code);
    text(&mut out, "decision", &r.decision, true);
    text(&mut out, "revocation", &r.revocation, false);
    let set = criteria::set(r.criteria);
    if product.is_none() {
        out.push((
            "product",
            r.product.clone(),
            crate::msg!("ocop.no_such_product", code = r.product),
        ));
    }
    if !(set.certified_from..=5).contains(&r.stars) {
        out.push((
            "stars",
            r.stars.to_string(),
            crate::msg!("ocop.stars_out_of_range", from = set.certified_from),
        ));
    }
    points(&mut out, r, set);
    let day = crate::date::to_vi(r.decided_on);
    if r.decided_on < set.issued() {
        out.push((
            "decided_on",
            day.clone(),
            crate::msg!(
                "ocop.criteria_not_yet_issued",
                criteria = r.criteria.label_vi(),
                issued = crate::date::to_vi(set.issued())
            ),
        ));
    }
    level(&mut out, r);
    if let Some(o) = org
        && r.decided_on < o.founded_on
    {
        out.push((
            "decided_on",
            day.clone(),
            crate::msg!(
                "ocop.decided_before_founding",
                org = o.code,
                founded = crate::date::to_vi(o.founded_on)
            ),
        ));
    }
    if let Some(x) = r.revoked_on
        && x < r.decided_on
    {
        out.push((
            "revoked_on",
            crate::date::to_vi(x),
            crate::msg!("ocop.revoked_before_decision", decided = day),
        ));
    }
    if r.kind == OcopEvaluationKind::Upgrade
        && let Some(before) = (others.iter())
            .filter(|o| o.code != r.code && o.decided_on <= r.decided_on)
            .max_by_key(|o| (o.decided_on, &o.code))
        && before.stars >= r.stars
    {
        out.push((
            "stars",
            r.stars.to_string(),
            crate::msg!(
                "ocop.upgrade_not_higher",
                before = before.stars,
                code = before.code
            ),
        ));
    }
    out
}

fn points(out: &mut Problems, r: &OcopRating, set: &criteria::CriteriaSet) {
    let hundred = Fixed::from_int(100);
    if let Some(parts) = &r.parts {
        for (p, (v, field)) in set
            .parts
            .iter()
            .zip(parts.iter().zip(["part_a", "part_b", "part_c"]))
        {
            if *v < Fixed::ZERO || *v > Fixed::from_int(p.max) {
                out.push((
                    field,
                    v.format_vi(2, false),
                    crate::msg!(
                        "ocop.part_over_max",
                        part = p.letter.to_string(),
                        max = p.max
                    ),
                ));
            }
        }
        let sum = parts
            .iter()
            .fold(Fixed::ZERO, |a, b| a.checked_add(*b).unwrap_or(a));
        if let Some(s) = r.score
            && s != sum
        {
            out.push((
                "score",
                s.format_vi(2, false),
                crate::msg!("ocop.score_not_sum", sum = sum.format_vi(2, false)),
            ));
        }
    }
    let Some(total) = r.score.or_else(|| {
        r.parts.map(|p| {
            p.iter()
                .fold(Fixed::ZERO, |a, b| a.checked_add(*b).unwrap_or(a))
        })
    }) else {
        return;
    };
    if total < Fixed::ZERO || total > hundred {
        out.push((
            "score",
            total.format_vi(2, false),
            crate::msg!("ocop.score_out_of_range"),
        ));
    } else if (3..=5).contains(&r.stars) && set.stars_of(total) != r.stars {
        out.push((
            "stars",
            r.stars.to_string(),
            crate::msg!(
                "ocop.stars_outside_band",
                score = total.format_vi(2, false),
                band = set.band_text(r.stars),
                criteria = r.criteria.label_vi()
            ),
        ));
    }
}

fn level(out: &mut Problems, r: &OcopRating) {
    let (y, m, d) = NO_DISTRICT_FROM;
    let no_district = crate::date::ymd(y, m, d).expect("a day");
    let wrong = match r.level {
        OfficialLevel::Commune | OfficialLevel::Other => {
            Some(crate::msg!("ocop.level_cannot_certify"))
        }
        OfficialLevel::District if r.decided_on >= no_district => Some(crate::msg!(
            "ocop.level_no_district",
            from = crate::date::to_vi(no_district)
        )),
        OfficialLevel::District if r.stars > 3 => Some(crate::msg!("ocop.level_district_three")),
        l if r.stars == 5 && l != OfficialLevel::Central => {
            Some(crate::msg!("ocop.level_five_central"))
        }
        _ => None,
    };
    if let Some(m) = wrong {
        out.push(("level", r.level.label_vi().to_string(), m));
    }
}

#[cfg(test)]
mod tests;
