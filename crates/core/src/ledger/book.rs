//! One organisation's books for one fiscal year (sổ kế toán năm): the chart it is kept under,
//! the opening balances carried in, the vouchers posted and, once the year is closed, the
//! closing voucher (bút toán kết chuyển) kept apart so that reopening is taking it away.

use super::chart::Chart;
use super::voucher::{FiscalYear, Voucher};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Book {
    pub year: FiscalYear,
    pub chart: Chart,
    /// Opening balance per posting account, net debit − credit.
    pub opening: Vec<(String, i64)>,
    pub vouchers: Vec<Voucher>,
    /// The year-end closing to 911 and 421, once the year is closed.
    pub closing: Option<Voucher>,
}

impl Book {
    /// Every voucher of the year, the closing last.
    pub fn all_vouchers(&self) -> impl Iterator<Item = &Voucher> {
        self.vouchers.iter().chain(self.closing.as_ref())
    }
}

/// Net balance (debit − credit) per posting account from `opening` and the postings of
/// `vouchers`; accounts that end at zero are kept (a zero balance is still a row of a book).
pub fn account_balances<'a>(
    opening: &'a [(String, i64)],
    vouchers: impl IntoIterator<Item = &'a Voucher>,
) -> HashMap<&'a str, i128> {
    let mut net: HashMap<&str, i128> = HashMap::new();
    for (a, n) in opening {
        *net.entry(a.as_str()).or_default() += i128::from(*n);
    }
    for v in vouchers {
        for l in &v.lines {
            *net.entry(l.account.as_str()).or_default() +=
                i128::from(l.debit_vnd) - i128::from(l.credit_vnd);
        }
    }
    net
}

/// The balances a year hands to the next: every non-zero account, sorted by number.
pub fn closing_balances(book: &Book) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = account_balances(&book.opening, book.all_vouchers())
        .into_iter()
        .filter(|(_, n)| *n != 0)
        .map(|(a, n)| (a.to_string(), i64::try_from(n).unwrap_or(i64::MAX)))
        .collect();
    out.sort();
    out
}

/// Whether opening balances are themselves balanced (class 0 aside), in đồng: debits, credits.
pub fn opening_sides(opening: &[(String, i64)]) -> (i128, i128) {
    let mut d = 0i128;
    let mut c = 0i128;
    for (_, n) in opening.iter().filter(|(a, _)| !a.starts_with('0')) {
        if *n >= 0 {
            d += i128::from(*n);
        } else {
            c -= i128::from(*n);
        }
    }
    (d, c)
}
