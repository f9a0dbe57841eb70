//! Year-end closing (kết chuyển cuối năm, TT 71 PL I TK 911): every revenue, cost and result
//! account is brought to zero against 9111 (external) or 9112 (internal transactions), 521
//! first into 511, the management cost split as B02 splits it, and each 911 result carried
//! to 4211 / 4212. One phiếu kế toán, kept apart from the year's vouchers.

use super::book::{Book, account_balances};
use super::statements::{management_internal_share, results};
use super::voucher::{Line, Voucher, VoucherKind};
use std::collections::BTreeMap;

/// Why a year cannot be closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClosingError {
    /// The chart has no posting account the closing needs (it was split into sub-accounts).
    Account(String),
    AlreadyClosed,
}

/// The accounts closing posts to, in TT 71's chart.
const EXTERNAL_RESULT: &str = "9111";
const INTERNAL_RESULT: &str = "9112";
const EXTERNAL_PROFIT: &str = "4211";
const INTERNAL_PROFIT: &str = "4212";

/// The number the closing voucher carries in the phiếu kế toán series.
pub fn closing_number(year: i32) -> String {
    format!("KC-{year}")
}

fn posting_account(book: &Book, number: &str) -> Result<(), ClosingError> {
    match book.chart.account(number) {
        Some(_) if !book.chart.is_heading(number) => Ok(()),
        _ => Err(ClosingError::Account(number.to_string())),
    }
}

fn push(lines: &mut Vec<Line>, account: &str, net_debit: i128) {
    let amount = i64::try_from(net_debit.unsigned_abs()).unwrap_or(i64::MAX);
    match net_debit {
        0 => {}
        n if n > 0 => lines.push(Line {
            account: account.to_string(),
            debit_vnd: amount,
            credit_vnd: 0,
        }),
        _ => lines.push(Line {
            account: account.to_string(),
            debit_vnd: 0,
            credit_vnd: amount,
        }),
    }
}

/// The closing voucher of an open year, dated its last day.
pub fn close_year(book: &Book) -> Result<Voucher, ClosingError> {
    if book.year.closed || book.closing.is_some() {
        return Err(ClosingError::AlreadyClosed);
    }
    for a in [
        EXTERNAL_RESULT,
        INTERNAL_RESULT,
        EXTERNAL_PROFIT,
        INTERNAL_PROFIT,
    ] {
        posting_account(book, a)?;
    }
    let balances = account_balances(&book.opening, &book.vouchers);
    let mut net: BTreeMap<String, i128> = (balances.into_iter())
        .filter(|(_, n)| *n != 0)
        .map(|(a, n)| (a.to_string(), n))
        .collect();
    let mut lines = Vec::new();
    // 521 into 511 first (Nợ 511 / Có 521), to the first external revenue account
    let reductions: i128 = (net.iter())
        .filter(|(a, _)| a.starts_with("521"))
        .map(|(_, n)| n)
        .sum();
    if reductions != 0 {
        let revenue = (book.chart.accounts().iter())
            .find(|a| a.number.starts_with("511") && !book.chart.is_heading(&a.number))
            .map(|a| a.number.clone())
            .ok_or_else(|| ClosingError::Account("511".into()))?;
        push(&mut lines, &revenue, reductions);
        for (a, n) in net.iter_mut().filter(|(a, _)| a.starts_with("521")) {
            push(&mut lines, a, -*n);
            *n = 0;
        }
        *net.entry(revenue).or_default() += reductions;
    }
    let r = results(&book.vouchers);
    let management: i128 = (net.iter())
        .filter(|(a, _)| a.starts_with("642"))
        .map(|(_, n)| n)
        .sum();
    let internal_management = management_internal_share(management, r.get("10a"), r.get("10b"));
    let mut result: BTreeMap<&str, i128> = BTreeMap::new();
    for (a, n) in net.iter().filter(|(a, n)| {
        **n != 0
            && !a.starts_with("911")
            && book
                .chart
                .account(a)
                .is_some_and(|x| x.closes_at_year_end())
    }) {
        push(&mut lines, a, -*n);
        let side = if a.starts_with("512") || a.starts_with("612") {
            INTERNAL_RESULT
        } else {
            EXTERNAL_RESULT
        };
        *result.entry(side).or_default() += *n;
    }
    if internal_management != 0 {
        *result.entry(EXTERNAL_RESULT).or_default() -= internal_management;
        *result.entry(INTERNAL_RESULT).or_default() += internal_management;
    }
    for (side, profit) in [
        (EXTERNAL_RESULT, EXTERNAL_PROFIT),
        (INTERNAL_RESULT, INTERNAL_PROFIT),
    ] {
        let moved = result.get(side).copied().unwrap_or(0);
        let already = net
            .iter()
            .filter(|(a, _)| a.starts_with(side))
            .map(|(_, n)| n)
            .sum::<i128>();
        push(&mut lines, side, moved);
        // the 911 account now holds `already + moved`; its net goes to 421
        let held = already + moved;
        push(&mut lines, side, -held);
        push(&mut lines, profit, held);
    }
    Ok(Voucher {
        kind: VoucherKind::Journal,
        number: closing_number(book.year.year),
        date: book.year.ends_on,
        description: format!(
            "Kết chuyển doanh thu, chi phí xác định kết quả kinh doanh năm {}",
            book.year.year
        ),
        lines,
    })
}

/// Reopening a closed year: the closing voucher is taken away and the year takes postings
/// again. Closing then reopening gives back the book as it was.
pub fn reopen_year(book: &mut Book) {
    book.closing = None;
    book.year.closed = false;
}
