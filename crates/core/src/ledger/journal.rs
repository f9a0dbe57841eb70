//! The books as a plain-text journal that hledger (and, with its own syntax, beancount's
//! importers) read: one transaction per voucher, accounts by their number, amounts in whole
//! đồng with no commodity, the opening balances as the first transaction. Accountants check
//! hoptac's balances with a tool they trust; class-0 accounts, single entry, become virtual
//! postings that need not balance.

use super::book::Book;
use super::voucher::Voucher;
use crate::date::to_iso;
use std::fmt::Write;

fn clean(text: &str) -> String {
    // a newline would end the transaction and ';' starts a comment
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            ';' => ',',
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

fn posting(out: &mut String, account: &str, net: i128) {
    if account.starts_with('0') {
        let _ = writeln!(out, "    ({account})  {net}");
    } else {
        let _ = writeln!(out, "    {account}  {net}");
    }
}

fn transaction(out: &mut String, v: &Voucher) {
    let _ = writeln!(
        out,
        "{} * ({}) {}",
        to_iso(v.date),
        clean(&v.number).replace(')', "]"),
        clean(&v.description)
    );
    let _ = writeln!(out, "    ; kind: {}", v.kind.label_vi());
    for l in &v.lines {
        posting(
            out,
            &l.account,
            i128::from(l.debit_vnd) - i128::from(l.credit_vnd),
        );
    }
    out.push('\n');
}

/// The journal of one organisation's year.
pub fn hledger_journal(org: &str, book: &Book) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "; hoptac: sổ kế toán {} năm {} (TT 71/2024/TT-BTC), đơn vị tính: đồng\n",
        clean(org),
        book.year.year
    );
    if !book.opening.is_empty() {
        let _ = writeln!(
            out,
            "{} * Số dư đầu năm {}",
            to_iso(book.year.starts_on),
            book.year.year
        );
        for (a, n) in &book.opening {
            posting(&mut out, a, i128::from(*n));
        }
        out.push('\n');
    }
    for v in book.all_vouchers() {
        transaction(&mut out, v);
    }
    out
}
