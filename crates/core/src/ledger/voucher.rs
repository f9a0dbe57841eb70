//! Vouchers (chứng từ kế toán, TT 71 Phụ lục II) as postings to the general journal: each a
//! kind and number in its series, a day in an open fiscal year, and lines that balance in
//! whole đồng — every debit matched by credits, to posting accounts of the year's chart.
//! Off-balance accounts (class 0) are single entry and stand alone.

use super::chart::Chart;
use crate::date::Date;
use crate::training::Problems;

/// The vouchers a cooperative posts from, by their form in Phụ lục II.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum VoucherKind {
    /// Phiếu thu, 01-TT.
    Receipt,
    /// Phiếu chi, 02-TT.
    Payment,
    /// Phiếu nhập kho, 01-VT.
    GoodsIn,
    /// Phiếu xuất kho, 02-VT.
    GoodsOut,
    /// Giấy báo Nợ of the bank.
    BankDebit,
    /// Giấy báo Có of the bank.
    BankCredit,
    /// Phiếu kế toán: closing, allocations, corrections.
    Journal,
}

impl VoucherKind {
    pub fn label_vi(self) -> &'static str {
        match self {
            VoucherKind::Receipt => "Phiếu thu",
            VoucherKind::Payment => "Phiếu chi",
            VoucherKind::GoodsIn => "Phiếu nhập kho",
            VoucherKind::GoodsOut => "Phiếu xuất kho",
            VoucherKind::BankDebit => "Giấy báo Nợ",
            VoucherKind::BankCredit => "Giấy báo Có",
            VoucherKind::Journal => "Phiếu kế toán",
        }
    }

    pub const ALL: [VoucherKind; 7] = [
        VoucherKind::Receipt,
        VoucherKind::Payment,
        VoucherKind::GoodsIn,
        VoucherKind::GoodsOut,
        VoucherKind::BankDebit,
        VoucherKind::BankCredit,
        VoucherKind::Journal,
    ];

    /// Its stable code, as stored and as written in files.
    pub fn code(self) -> &'static str {
        match self {
            VoucherKind::Receipt => "receipt",
            VoucherKind::Payment => "payment",
            VoucherKind::GoodsIn => "goods_in",
            VoucherKind::GoodsOut => "goods_out",
            VoucherKind::BankDebit => "bank_debit",
            VoucherKind::BankCredit => "bank_credit",
            VoucherKind::Journal => "journal",
        }
    }

    /// A kind from its code or its Vietnamese name, diacritics and case ignored.
    pub fn parse(s: &str) -> Option<VoucherKind> {
        let folded = crate::text::fold(s.trim());
        VoucherKind::ALL
            .into_iter()
            .find(|k| k.code() == s.trim() || crate::text::fold(k.label_vi()) == folded)
    }

    /// The form's code in Phụ lục II, where it has one.
    pub fn form(self) -> Option<&'static str> {
        match self {
            VoucherKind::Receipt => Some("01-TT"),
            VoucherKind::Payment => Some("02-TT"),
            VoucherKind::GoodsIn => Some("01-VT"),
            VoucherKind::GoodsOut => Some("02-VT"),
            _ => None,
        }
    }
}

/// One line: an account and one side of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Line {
    pub account: String,
    pub debit_vnd: i64,
    pub credit_vnd: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Voucher {
    pub kind: VoucherKind,
    /// Its number in the series of its kind (số chứng từ), unique in the fiscal year.
    pub number: String,
    pub date: Date,
    pub description: String,
    pub lines: Vec<Line>,
}

/// A fiscal year of a cooperative's books (kỳ kế toán năm).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FiscalYear {
    pub year: i32,
    pub starts_on: Date,
    pub ends_on: Date,
    /// Closed years take no postings.
    pub closed: bool,
}

/// Most lines in one voucher, and the largest amount of a line (a thousand trillion đồng).
pub const LINES_MAX: usize = 200;
pub const AMOUNT_MAX: i64 = 1_000_000_000_000_000;

fn money(n: i128) -> String {
    crate::text::group_thousands(n)
}

/// Every problem of a voucher posted to `year` under `chart`; `taken` says whether its
/// number is already used in its series that year.
pub fn voucher_problems(
    v: &Voucher,
    chart: &Chart,
    year: &FiscalYear,
    taken: impl Fn(VoucherKind, &str) -> bool,
) -> Problems {
    let mut out = Vec::new();
    let number = v.number.trim();
    if number.is_empty() || number.chars().count() > 40 {
        out.push((
            "number",
            v.number.clone(),
            crate::msg!("ledger.number_invalid"),
        ));
    } else if taken(v.kind, number) {
        out.push((
            "number",
            number.to_string(),
            crate::msg!(
                "ledger.number_taken",
                kind = v.kind.label_vi(),
                number = number
            ),
        ));
    }
    let day = crate::date::to_vi;
    if year.closed {
        out.push((
            "date",
            day(v.date),
            crate::msg!("ledger.year_closed", year = year.year),
        ));
    } else if v.date < year.starts_on || v.date > year.ends_on {
        out.push((
            "date",
            day(v.date),
            crate::msg!(
                "ledger.date_outside_year",
                start = day(year.starts_on),
                end = day(year.ends_on)
            ),
        ));
    }
    if v.lines.is_empty() || v.lines.len() > LINES_MAX {
        out.push((
            "lines",
            v.lines.len().to_string(),
            crate::msg!("ledger.lines_count", max = LINES_MAX),
        ));
        return out;
    }
    let (mut debit, mut credit) = (0i128, 0i128);
    let mut off = 0usize;
    // the balance is judged once every line reads
    let lines_read = out.len();
    for l in &v.lines {
        let sides = (l.debit_vnd, l.credit_vnd);
        let one_side = matches!(sides, (d, 0) if d > 0) || matches!(sides, (0, c) if c > 0);
        if !one_side || l.debit_vnd > AMOUNT_MAX || l.credit_vnd > AMOUNT_MAX {
            out.push((
                "lines",
                format!(
                    "{}: {} / {}",
                    l.account,
                    money(l.debit_vnd.into()),
                    money(l.credit_vnd.into())
                ),
                crate::msg!("ledger.line_one_side", max = money(AMOUNT_MAX.into())),
            ));
            continue;
        }
        match chart.account(&l.account) {
            None => out.push((
                "account",
                l.account.clone(),
                crate::msg!("ledger.no_such_account", account = l.account),
            )),
            Some(_) if chart.is_heading(&l.account) => out.push((
                "account",
                l.account.clone(),
                crate::msg!("ledger.heading_account", account = l.account),
            )),
            Some(a) if a.off_balance() => off += 1,
            Some(_) => {
                debit += i128::from(l.debit_vnd);
                credit += i128::from(l.credit_vnd);
            }
        }
    }
    if out.len() > lines_read {
        return out;
    }
    if off > 0 && off < v.lines.len() {
        out.push((
            "lines",
            off.to_string(),
            crate::msg!("ledger.off_balance_alone"),
        ));
    } else if off == 0 && debit != credit {
        out.push((
            "lines",
            format!("{} / {}", money(debit), money(credit)),
            crate::msg!(
                "ledger.unbalanced",
                debit = money(debit),
                credit = money(credit)
            ),
        ));
    }
    out
}
