//! Rows read back as core types: the shared decoding (`crate::decode`) over SQLite's rows.

use crate::decode::Columns;
use crate::port::error::Result;
use sqlx::Row;
use sqlx::sqlite::SqliteRow;

pub(super) use crate::decode::{
    account as account_row, manager as manager_row, org as org_row, org_move as move_row,
    report as report_row, unit as unit_row, unit_change as unit_change_row,
};

impl Columns for SqliteRow {
    fn text(&self, i: usize) -> Result<Option<String>> {
        Ok(self.try_get(i)?)
    }

    fn int(&self, i: usize) -> Result<Option<i64>> {
        Ok(self.try_get(i)?)
    }
}
