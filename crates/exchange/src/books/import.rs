//! An existing year of books read from a workbook (or CSV files): the opening balances
//! (sheet `so_du_dau_nam`: account, debit, credit, and a name for the cooperative's own
//! sub-accounts) and the voucher list (sheet `chung_tu`: date, number, kind, description,
//! debit account, credit account, amount; the rows of one voucher share its kind and
//! number). Nothing is written here: every problem comes back with its sheet, row, column
//! and value, and the app writes all or nothing.

use crate::cells::{Cell, CellIssue};
use crate::columns::fold_header;
use crate::read::{RawBook, RawSheet};
use crate::{Problem, Severity};
use hoptac_core::ledger::voucher::{Line, Voucher, VoucherKind};
use hoptac_core::msg;

/// Most rows a books workbook may hold in each sheet.
pub const ROWS_MAX: usize = 1_000_000;

pub const OPENING_SHEET: &str = "so_du_dau_nam";
pub const VOUCHER_SHEET: &str = "chung_tu";

/// A year read from a workbook.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedLedger {
    /// Sub-accounts named in the opening sheet (number, name).
    pub sub_accounts: Vec<(String, String)>,
    /// `None` when the workbook has no opening sheet.
    pub opening: Option<Vec<(String, i64)>>,
    pub vouchers: Vec<Voucher>,
    pub problems: Vec<Problem>,
}

/// The columns of each sheet: (key, Vietnamese header, required).
const OPENING_COLUMNS: &[(&str, &str, bool)] = &[
    ("account", "Tài khoản", true),
    ("name", "Tên tài khoản", false),
    ("debit", "Dư Nợ", false),
    ("credit", "Dư Có", false),
];
const VOUCHER_COLUMNS: &[(&str, &str, bool)] = &[
    ("date", "Ngày", true),
    ("number", "Số chứng từ", true),
    ("kind", "Loại chứng từ", false),
    ("description", "Diễn giải", true),
    ("debit_account", "TK Nợ", false),
    ("credit_account", "TK Có", false),
    ("amount", "Số tiền", true),
];

fn sheet_named<'a>(book: &'a RawBook, key: &str, vi: &str) -> Option<&'a RawSheet> {
    (book.sheets.iter()).find(|s| {
        let f = fold_header(&s.name);
        f == fold_header(key) || f == fold_header(vi)
    })
}

struct Reader<'a> {
    sheet: &'a RawSheet,
    at: Vec<Option<usize>>,
    columns: &'static [(&'static str, &'static str, bool)],
}

impl<'a> Reader<'a> {
    fn new(
        sheet: &'a RawSheet,
        columns: &'static [(&'static str, &'static str, bool)],
        problems: &mut Vec<Problem>,
    ) -> Option<Reader<'a>> {
        let header = sheet.rows.first().map(|(_, c)| c.as_slice()).unwrap_or(&[]);
        let at: Vec<Option<usize>> = (columns.iter())
            .map(|(key, vi, _)| {
                header.iter().position(|c| {
                    let f = fold_header(&c.shown());
                    f == fold_header(key) || f == fold_header(vi)
                })
            })
            .collect();
        let mut ok = true;
        for ((key, vi, required), found) in columns.iter().zip(&at) {
            if *required && found.is_none() {
                ok = false;
                problems.push(problem(
                    &sheet.name,
                    None,
                    vi,
                    key,
                    "",
                    msg!("books.column_missing", column = *vi),
                ));
            }
        }
        if sheet.rows.len() > ROWS_MAX + 1 {
            ok = false;
            problems.push(problem(
                &sheet.name,
                None,
                "",
                "",
                &sheet.rows.len().to_string(),
                msg!("ledger.too_many", max = ROWS_MAX),
            ));
        }
        ok.then_some(Reader { sheet, at, columns })
    }

    fn cell<'r>(&self, row: &'r [Cell], key: &str) -> &'r Cell {
        let i = self.columns.iter().position(|(k, _, _)| *k == key);
        i.and_then(|i| self.at[i])
            .and_then(|c| row.get(c))
            .unwrap_or(&Cell::Empty)
    }

    fn header(&self, key: &str) -> &'static str {
        (self.columns.iter())
            .find(|(k, _, _)| *k == key)
            .map_or("", |(_, vi, _)| *vi)
    }
}

fn problem(
    sheet: &str,
    row: Option<u32>,
    column: &str,
    key: &'static str,
    value: &str,
    m: hoptac_core::Msg,
) -> Problem {
    Problem {
        severity: Severity::Error,
        sheet: sheet.to_string(),
        row,
        column: (!column.is_empty()).then(|| column.to_string()),
        key: (!key.is_empty()).then_some(key),
        value: value.to_string(),
        msg: m,
    }
}

fn issue_msg(i: &CellIssue) -> hoptac_core::Msg {
    msg!(
        "exchange.expected",
        value = hoptac_core::i18n::Arg::both(i.expected_vi.clone(), i.expected_en.clone())
    )
}

/// Whole đồng, at most a thousand trillion, never negative.
fn amount(
    r: &Reader,
    row: &[Cell],
    key: &'static str,
    n: u32,
    out: &mut Vec<Problem>,
) -> Option<i64> {
    let c = r.cell(row, key);
    match c.integer() {
        Ok(None) => Some(0),
        Ok(Some((v, _))) if (0..=hoptac_core::ledger::voucher::AMOUNT_MAX).contains(&v) => Some(v),
        Ok(Some(_)) => {
            out.push(problem(
                &r.sheet.name,
                Some(n),
                r.header(key),
                key,
                &c.shown(),
                msg!("books.amount_range"),
            ));
            None
        }
        Err(i) => {
            out.push(problem(
                &r.sheet.name,
                Some(n),
                r.header(key),
                key,
                &c.shown(),
                issue_msg(&i),
            ));
            None
        }
    }
}

fn text(r: &Reader, row: &[Cell], key: &str) -> String {
    r.cell(row, key).text().unwrap_or_default()
}

fn opening(sheet: &RawSheet, out: &mut ParsedLedger) {
    let Some(r) = Reader::new(sheet, OPENING_COLUMNS, &mut out.problems) else {
        return;
    };
    let mut rows = Vec::new();
    for (n, cells) in sheet.rows.iter().skip(1) {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let account = text(&r, cells, "account");
        if account.is_empty() || account.len() > 12 || !account.bytes().all(|b| b.is_ascii_digit())
        {
            out.problems.push(problem(
                &sheet.name,
                Some(*n),
                r.header("account"),
                "account",
                &account,
                msg!("books.account_number"),
            ));
            continue;
        }
        let name = text(&r, cells, "name");
        let (Some(d), Some(c)) = (
            amount(&r, cells, "debit", *n, &mut out.problems),
            amount(&r, cells, "credit", *n, &mut out.problems),
        ) else {
            continue;
        };
        if d > 0 && c > 0 {
            out.problems.push(problem(
                &sheet.name,
                Some(*n),
                r.header("credit"),
                "credit",
                &format!("{d} / {c}"),
                msg!("books.one_side"),
            ));
            continue;
        }
        let regime = hoptac_core::ledger::chart::Chart::tt71();
        if !name.is_empty() && regime.account(&account).is_none() {
            out.sub_accounts.push((account.clone(), name));
        }
        if d != 0 || c != 0 {
            rows.push((account, d - c));
        }
    }
    // parents before their sub-accounts, so each finds the one above it
    out.sub_accounts.sort();
    out.opening = Some(rows);
}

fn vouchers(sheet: &RawSheet, out: &mut ParsedLedger) {
    let Some(r) = Reader::new(sheet, VOUCHER_COLUMNS, &mut out.problems) else {
        return;
    };
    let mut index: std::collections::HashMap<(VoucherKind, String), usize> = Default::default();
    for (n, cells) in sheet.rows.iter().skip(1) {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        let before = out.problems.len();
        let date = match r.cell(cells, "date").date() {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                out.problems.push(problem(
                    &sheet.name,
                    Some(*n),
                    r.header("date"),
                    "date",
                    "",
                    msg!("books.required", column = r.header("date")),
                ));
                None
            }
            Err(i) => {
                out.problems.push(problem(
                    &sheet.name,
                    Some(*n),
                    r.header("date"),
                    "date",
                    &r.cell(cells, "date").shown(),
                    issue_msg(&i),
                ));
                None
            }
        };
        let number = text(&r, cells, "number");
        let kind_text = text(&r, cells, "kind");
        let kind = if kind_text.is_empty() {
            Some(VoucherKind::Journal)
        } else {
            VoucherKind::parse(&kind_text)
        };
        if kind.is_none() {
            out.problems.push(problem(
                &sheet.name,
                Some(*n),
                r.header("kind"),
                "kind",
                &kind_text,
                msg!("books.kind_unknown"),
            ));
        }
        let debit = text(&r, cells, "debit_account");
        let credit = text(&r, cells, "credit_account");
        let amount = amount(&r, cells, "amount", *n, &mut out.problems);
        if amount == Some(0) {
            out.problems.push(problem(
                &sheet.name,
                Some(*n),
                r.header("amount"),
                "amount",
                "0",
                msg!("books.amount_range"),
            ));
        }
        let single = |a: &str| a.starts_with('0');
        let pair_ok = match (debit.is_empty(), credit.is_empty()) {
            (false, false) => true,
            (false, true) => single(&debit),
            (true, false) => single(&credit),
            (true, true) => false,
        };
        if !pair_ok {
            out.problems.push(problem(
                &sheet.name,
                Some(*n),
                r.header("debit_account"),
                "debit_account",
                &format!("{debit} / {credit}"),
                msg!("books.accounts_pair"),
            ));
        }
        if out.problems.len() > before {
            continue;
        }
        let (Some(date), Some(kind), Some(amount)) = (date, kind, amount) else {
            continue;
        };
        let mut lines = Vec::new();
        if !debit.is_empty() {
            lines.push(Line {
                account: debit,
                debit_vnd: amount,
                credit_vnd: 0,
            });
        }
        if !credit.is_empty() {
            lines.push(Line {
                account: credit,
                debit_vnd: 0,
                credit_vnd: amount,
            });
        }
        match index.get(&(kind, number.clone())) {
            Some(&i) => {
                let v: &mut Voucher = &mut out.vouchers[i];
                if v.date != date {
                    out.problems.push(problem(
                        &sheet.name,
                        Some(*n),
                        r.header("date"),
                        "date",
                        &hoptac_core::date::to_vi(date),
                        msg!("books.voucher_day_differs", number = number),
                    ));
                }
                v.lines.extend(lines);
            }
            None => {
                index.insert((kind, number.clone()), out.vouchers.len());
                out.vouchers.push(Voucher {
                    kind,
                    number,
                    date,
                    description: text(&r, cells, "description"),
                    lines,
                });
            }
        }
    }
}

/// Reads a books workbook; a sheet that is absent is simply not in the year it gives.
pub fn parse_ledger(book: &RawBook) -> ParsedLedger {
    let mut out = ParsedLedger::default();
    if let Some(s) = sheet_named(book, OPENING_SHEET, "Số dư đầu năm") {
        opening(s, &mut out);
    }
    if let Some(s) = sheet_named(book, VOUCHER_SHEET, "Chứng từ") {
        vouchers(s, &mut out);
    }
    if out.opening.is_none() && out.vouchers.is_empty() && out.problems.is_empty() {
        out.problems
            .push(problem("", None, "", "", "", msg!("books.no_sheets")));
    }
    out
}
