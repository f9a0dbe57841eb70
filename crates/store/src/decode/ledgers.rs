//! Books read back: the queries every adapter runs for one fiscal year and their rows as
//! core types (each voucher's lines attached in order).

use super::{Columns, code, corrupt, enum_of, flag, int, req_date, text};
use crate::port::error::Result;
use crate::port::records::{LedgerYearRow, StoredLedger};
use hoptac_core::OrgCode;
use hoptac_core::ledger::voucher::{FiscalYear, Line, Voucher, VoucherKind};
use std::collections::HashMap;

pub const YEARS: &str = "SELECT y.org_code, y.year, y.closed, y.version, \
     (SELECT COUNT(*) FROM ledger_vouchers v WHERE v.org_code = y.org_code AND v.year = y.year AND NOT v.closing) \
     FROM ledger_years y ORDER BY y.org_code, y.year";
pub const YEAR: &str = "SELECT year, starts_on, ends_on, closed, version FROM ledger_years \
     WHERE org_code = $1 AND year = $2";
pub const ACCOUNTS: &str =
    "SELECT number, name FROM ledger_accounts WHERE org_code = $1 AND year = $2 ORDER BY number";
pub const OPENING: &str = "SELECT account, net_vnd FROM ledger_opening WHERE org_code = $1 AND year = $2 ORDER BY account";
pub const VOUCHERS: &str = "SELECT id, kind, number, posted_on, description, closing FROM ledger_vouchers \
     WHERE org_code = $1 AND year = $2 ORDER BY posted_on, id";
pub const LINES: &str = "SELECT l.voucher_id, l.account, l.debit_vnd, l.credit_vnd FROM ledger_lines l \
     JOIN ledger_vouchers v ON v.id = l.voucher_id WHERE v.org_code = $1 AND v.year = $2 \
     ORDER BY l.voucher_id, l.position";

const T: &str = "ledger_years";

/// `org_code, year, closed, version, vouchers`
pub fn year_row(r: &impl Columns) -> Result<LedgerYearRow> {
    Ok(LedgerYearRow {
        org: code(r, 0, T)?,
        year: year_of(r, 1)?,
        closed: flag(r, 2)?.unwrap_or(false),
        version: int(r, 3, T)?,
        vouchers: int(r, 4, T)?,
    })
}

fn year_of(r: &impl Columns, i: usize) -> Result<i32> {
    let y = int(r, i, T)?;
    i32::try_from(y).map_err(|_| corrupt(T, format!("bad year {y}")))
}

/// `year, starts_on, ends_on, closed, version`
pub fn year(r: &impl Columns) -> Result<(FiscalYear, i64)> {
    Ok((
        FiscalYear {
            year: year_of(r, 0)?,
            starts_on: req_date(r, 1, T, "starts_on")?,
            ends_on: req_date(r, 2, T, "ends_on")?,
            closed: flag(r, 3)?.unwrap_or(false),
        },
        int(r, 4, T)?,
    ))
}

/// `number, name` or `account, net_vnd`
pub fn account(r: &impl Columns) -> Result<(String, String)> {
    Ok((
        text(r, 0, "ledger_accounts")?,
        text(r, 1, "ledger_accounts")?,
    ))
}

pub fn opening(r: &impl Columns) -> Result<(String, i64)> {
    Ok((text(r, 0, "ledger_opening")?, int(r, 1, "ledger_opening")?))
}

/// `id, kind, number, posted_on, description, closing`, without lines
pub fn voucher(r: &impl Columns) -> Result<(i64, Voucher, bool)> {
    const V: &str = "ledger_vouchers";
    Ok((
        int(r, 0, V)?,
        Voucher {
            kind: enum_of(r, 1, V, VoucherKind::parse)?,
            number: text(r, 2, V)?,
            date: req_date(r, 3, V, "posted_on")?,
            description: text(r, 4, V)?,
            lines: Vec::new(),
        },
        flag(r, 5)?.unwrap_or(false),
    ))
}

/// `voucher_id, account, debit_vnd, credit_vnd`
pub fn line(r: &impl Columns) -> Result<(i64, Line)> {
    const L: &str = "ledger_lines";
    Ok((
        int(r, 0, L)?,
        Line {
            account: text(r, 1, L)?,
            debit_vnd: int(r, 2, L)?,
            credit_vnd: int(r, 3, L)?,
        },
    ))
}

/// The year put together from its rows.
pub fn assemble(
    org: &OrgCode,
    (year, version): (FiscalYear, i64),
    sub_accounts: Vec<(String, String)>,
    opening: Vec<(String, i64)>,
    vouchers: Vec<(i64, Voucher, bool)>,
    lines: Vec<(i64, Line)>,
) -> Result<StoredLedger> {
    let at: HashMap<i64, usize> = (vouchers.iter().enumerate())
        .map(|(i, (id, _, _))| (*id, i))
        .collect();
    let mut vouchers = vouchers;
    for (id, l) in lines {
        let i = *at
            .get(&id)
            .ok_or_else(|| corrupt("ledger_lines", format!("line of no voucher {id}")))?;
        vouchers[i].1.lines.push(l);
    }
    let mut closing = None;
    let mut posted = Vec::with_capacity(vouchers.len());
    for (_, v, is_closing) in vouchers {
        if is_closing {
            closing = Some(v);
        } else {
            posted.push(v);
        }
    }
    Ok(StoredLedger {
        org: org.clone(),
        year,
        version,
        sub_accounts,
        opening,
        vouchers: posted,
        closing,
    })
}
