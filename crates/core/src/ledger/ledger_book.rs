//! Sổ Cái (S03b-HTX) of one account: its opening balance, every posting in date order with
//! its voucher and counter-account (tài khoản đối ứng), each month's totals and the running
//! balance, and the closing balance. An account with sub-accounts takes theirs.

use super::book::Book;
use crate::date::Date;

/// One posting of the account.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LedgerRow {
    pub date: Date,
    pub voucher: String,
    pub description: String,
    /// The accounts on the other side of its voucher.
    pub counter: String,
    pub debit: i128,
    pub credit: i128,
}

/// A month's totals and the balance at its end (net debit − credit).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MonthTotal {
    pub month: u8,
    pub debit: i128,
    pub credit: i128,
    pub balance: i128,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AccountBook {
    pub account: String,
    pub name: String,
    /// Net debit − credit at the start of the year.
    pub opening: i128,
    pub rows: Vec<LedgerRow>,
    pub months: Vec<MonthTotal>,
    pub closing: i128,
}

/// The Sổ Cái of `account` (and its sub-accounts) in `book`, closing voucher included.
pub fn account_book(book: &Book, account: &str) -> AccountBook {
    let mine = |a: &str| a.starts_with(account);
    let opening: i128 = (book.opening.iter())
        .filter(|(a, _)| mine(a))
        .map(|(_, n)| i128::from(*n))
        .sum();
    let mut vouchers: Vec<_> = book.all_vouchers().collect();
    vouchers.sort_by_key(|v| v.date);
    let mut rows = Vec::new();
    for v in vouchers {
        for l in v.lines.iter().filter(|l| mine(&l.account)) {
            let debit_side = l.debit_vnd > 0;
            let mut counter: Vec<&str> = (v.lines.iter())
                .filter(|o| !mine(&o.account) && (o.debit_vnd > 0) != debit_side)
                .map(|o| o.account.as_str())
                .collect();
            counter.dedup();
            rows.push(LedgerRow {
                date: v.date,
                voucher: format!("{} {}", v.kind.label_vi(), v.number),
                description: v.description.clone(),
                counter: counter.join(", "),
                debit: l.debit_vnd.into(),
                credit: l.credit_vnd.into(),
            });
        }
    }
    let mut months = Vec::new();
    let mut balance = opening;
    for m in 1..=12u8 {
        let (d, c) = (rows.iter())
            .filter(|r| u8::from(r.date.month()) == m)
            .fold((0i128, 0i128), |(d, c), r| (d + r.debit, c + r.credit));
        balance += d - c;
        if d != 0 || c != 0 {
            months.push(MonthTotal {
                month: m,
                debit: d,
                credit: c,
                balance,
            });
        }
    }
    AccountBook {
        account: account.to_string(),
        name: (book.chart.account(account))
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        opening,
        rows,
        months,
        closing: balance,
    }
}
