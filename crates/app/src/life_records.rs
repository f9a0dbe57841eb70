//! The records of an organisation's life that its end must not leave behind: a payment or
//! a Hội quán meeting dated after the day it is dissolved.

use crate::error::{AppError, Result};
use hoptac_core::model::{Organization, Snapshot};

/// Refuses (naming the record) a dissolution on `date` that would leave a payment or a
/// meeting of `org` after it.
pub(crate) fn none_after(
    snap: &Snapshot,
    org: &Organization,
    date: hoptac_core::Date,
) -> Result<()> {
    let day = hoptac_core::date::to_vi(date);
    if let Some(d) =
        (snap.support.disbursements.iter()).find(|d| d.org == org.code && d.paid_on > date)
    {
        return Err(AppError::invalid(
            "on_date",
            day,
            hoptac_core::msg!(
                "import.disbursement_outside_new_life",
                org = org.code,
                code = d.code,
                day = hoptac_core::date::to_vi(d.paid_on)
            ),
        ));
    }
    if let Some(m) = (snap.clubs.meetings_of(&org.code).iter()).find(|m| m.held_on > date) {
        return Err(AppError::invalid(
            "on_date",
            day,
            hoptac_core::msg!(
                "import.meeting_outside_new_life",
                org = org.code,
                day = hoptac_core::date::to_vi(m.held_on)
            ),
        ));
    }
    Ok(())
}
