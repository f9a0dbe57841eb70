//! What an indicator counts, one item at a time, and the figure of an item a sum or an
//! average reads.

use super::definition::Field;
use crate::fixed::Fixed;
use crate::model::{AnnualReport, Manager, Meeting, Organization};

/// One thing an indicator's population holds.
pub(super) enum Item<'a> {
    Org(&'a Organization, Option<&'a AnnualReport>),
    Report(&'a Organization, &'a AnnualReport),
    Manager(&'a Manager, &'a Organization, i32),
    Meeting(&'a Meeting, &'a Organization),
    /// A course attended from an organisation (the organisation is what a scope counts).
    Course(&'a Organization),
    Disbursement(&'a crate::model::Disbursement, &'a Organization),
    /// An event: held for a unit, of no organisation.
    Event(&'a crate::model::Event),
    /// A planting area's code, held at the end of the year.
    Facility(&'a crate::lots::Facility),
    /// A contract in force at the end of the year, with where it stands then and its first
    /// party inside (whom a breakdown names).
    Contract(
        &'a crate::chain::Contract,
        crate::linkage::Fulfilment,
        &'a Organization,
    ),
    /// An organisation and whether it is party to a contract in force at the end.
    Party(&'a Organization, bool),
    /// A product's rating and its state at the end of the year.
    Certificate(
        &'a crate::model::OcopRating,
        crate::ocop::CertificateState,
        &'a Organization,
    ),
}

pub(super) fn field_of(item: &Item<'_>, f: Field) -> Option<Fixed> {
    match item {
        Item::Org(_, r) => r.and_then(|r| f.get(r)),
        Item::Report(_, r) => f.get(r),
        Item::Disbursement(d, _) => (f == Field::Amount).then(|| Fixed::from_micros(d.amount_vnd)),
        Item::Event(e) => (f == Field::Reach)
            .then_some(e.reach.map(Fixed::from_int))
            .flatten(),
        Item::Facility(x) => (f == Field::AreaHa).then_some(x.area_ha).flatten(),
        Item::Contract(c, ful, _) => match f {
            Field::Households => c.households.map(Fixed::from_int),
            // delivered against what was due by then, per cent
            Field::FulfilmentPct if ful.due > Fixed::ZERO => Fixed::ratio(
                ful.delivered.micros() as i128 * 100,
                ful.due.micros() as i128,
                6,
            ),
            _ => None,
        },
        Item::Party(..) => None,
        Item::Manager(..) | Item::Meeting(..) | Item::Course(..) | Item::Certificate(..) => None,
    }
}
