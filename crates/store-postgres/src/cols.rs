//! PostgreSQL's types shown in the two shapes the shared decoding reads (text and 64-bit
//! integers, as SQLite stores them), and the moments the port carries as Vietnam-time text
//! (`2026-11-26 09:30:12`) turned into `timestamptz` and back.

use crate::db::backend;
use hoptac_store::decode::{Columns, corrupt};
use hoptac_store::{Result, StoreError};
use sqlx::postgres::PgRow;
use sqlx::{Column, Row, TypeInfo};
use time::{OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// Vietnam's offset: UTC+7 all year.
fn vietnam() -> UtcOffset {
    UtcOffset::from_hms(7, 0, 0).expect("UTC+7 is an offset")
}

/// A row of this adapter, read column by column whatever PostgreSQL type it has: a `date`
/// as `YYYY-MM-DD`, a `timestamptz` as Vietnam time, a `boolean` as 0/1, `integer` widened.
pub struct PgColumns<'r>(pub &'r PgRow);

impl PgColumns<'_> {
    fn type_name(&self, i: usize) -> Result<&str> {
        let cols = self.0.columns();
        let c = cols
            .get(i)
            .ok_or_else(|| corrupt("query", format!("no column {i}")))?;
        Ok(c.type_info().name())
    }
}

impl Columns for PgColumns<'_> {
    fn text(&self, i: usize) -> Result<Option<String>> {
        Ok(match self.type_name(i)? {
            "DATE" => self
                .0
                .try_get::<Option<time::Date>, _>(i)
                .map_err(backend)?
                .map(hoptac_core::date::to_iso),
            "TIMESTAMPTZ" => self
                .0
                .try_get::<Option<OffsetDateTime>, _>(i)
                .map_err(backend)?
                .map(moment_text),
            _ => self.0.try_get(i).map_err(backend)?,
        })
    }

    fn int(&self, i: usize) -> Result<Option<i64>> {
        Ok(match self.type_name(i)? {
            "BOOL" => self
                .0
                .try_get::<Option<bool>, _>(i)
                .map_err(backend)?
                .map(i64::from),
            "INT2" => self
                .0
                .try_get::<Option<i16>, _>(i)
                .map_err(backend)?
                .map(i64::from),
            "INT4" => self
                .0
                .try_get::<Option<i32>, _>(i)
                .map_err(backend)?
                .map(i64::from),
            _ => self.0.try_get(i).map_err(backend)?,
        })
    }
}

/// A moment as the port carries it: Vietnam time to the second.
pub(crate) fn moment_text(t: OffsetDateTime) -> String {
    let t = t.to_offset(vietnam());
    format!(
        "{} {:02}:{:02}:{:02}",
        hoptac_core::date::to_iso(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// `YYYY-MM-DD HH:MM:SS` (also with `T`), Vietnam time, as a `timestamptz`. A moment the
/// application did not write in that shape is refused before anything is written.
pub(crate) fn moment(s: &str) -> Result<OffsetDateTime> {
    let fmt = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let plain = s.trim().replacen('T', " ", 1);
    PrimitiveDateTime::parse(&plain, fmt)
        .map(|t| t.assume_offset(vietnam()))
        .map_err(|_| StoreError::Backend {
            backend: "PostgreSQL",
            detail: format!("not a moment (YYYY-MM-DD HH:MM:SS): {s:?}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moment_round_trips_as_vietnam_time() {
        let t = moment("2026-11-26 09:30:12").unwrap();
        assert_eq!(t.to_offset(UtcOffset::UTC).hour(), 2);
        assert_eq!(moment_text(t), "2026-11-26 09:30:12");
        assert_eq!(
            moment_text(moment("2026-11-26T00:05:00").unwrap()),
            "2026-11-26 00:05:00"
        );
        assert!(moment("26/11/2026").is_err());
    }
}
