//! The books' tables a copy moves (issue 18), after the organisations they belong to.

use super::shape::Kind::*;
use super::shape::{Table, copy_table};

pub(super) const LEDGER_YEARS: Table = copy_table!(
    "ledger_years",
    "org_code, year",
    false,
    [
        ("org_code", Text),
        ("year", Int),
        ("starts_on", Date),
        ("ends_on", Date),
        ("closed", Bool),
        ("version", Int)
    ]
);

pub(super) const LEDGER_ACCOUNTS: Table = copy_table!(
    "ledger_accounts",
    "org_code, year, number",
    false,
    [
        ("org_code", Text),
        ("year", Int),
        ("number", Text),
        ("name", Text)
    ]
);

pub(super) const LEDGER_OPENING: Table = copy_table!(
    "ledger_opening",
    "org_code, year, account",
    false,
    [
        ("org_code", Text),
        ("year", Int),
        ("account", Text),
        ("net_vnd", Int)
    ]
);

pub(super) const LEDGER_VOUCHERS: Table = copy_table!(
    "ledger_vouchers",
    "id",
    true,
    [
        ("id", Int),
        ("org_code", Text),
        ("year", Int),
        ("kind", Text),
        ("number", Text),
        ("posted_on", Date),
        ("description", Text),
        ("closing", Bool)
    ]
);

pub(super) const LEDGER_LINES: Table = copy_table!(
    "ledger_lines",
    "voucher_id, position",
    false,
    [
        ("voucher_id", Int),
        ("position", Int),
        ("account", Text),
        ("debit_vnd", Int),
        ("credit_vnd", Int)
    ]
);
