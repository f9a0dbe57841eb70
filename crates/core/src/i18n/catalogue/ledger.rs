//! The words of the books (sổ sách kế toán HTX, TT 71/2024/TT-BTC).

use crate::i18n::entry::Entry;

pub const MESSAGES: &[Entry] = &[
    (
        "ledger.number_invalid",
        "Số chứng từ phải có, tối đa 40 ký tự",
        "A voucher number is required, at most 40 characters",
    ),
    (
        "ledger.number_taken",
        "{kind} số {number} đã có trong năm",
        "{kind} number {number} is already used this year",
    ),
    (
        "ledger.year_closed",
        "Năm tài chính {year} đã khóa sổ: không ghi thêm",
        "Fiscal year {year} is closed: nothing more is posted to it",
    ),
    (
        "ledger.date_outside_year",
        "Ngày chứng từ ngoài năm tài chính ({start} – {end})",
        "The voucher's day is outside the fiscal year ({start} – {end})",
    ),
    (
        "ledger.lines_count",
        "Một chứng từ có từ 1 đến {max} dòng định khoản",
        "A voucher has 1 to {max} lines",
    ),
    (
        "ledger.line_one_side",
        "Mỗi dòng ghi Nợ hoặc Có một số đồng dương, không quá {max}",
        "Each line is a debit or a credit of whole đồng above zero, at most {max}",
    ),
    (
        "ledger.no_such_account",
        "Tài khoản {account} không có trong hệ thống tài khoản của năm",
        "Account {account} is not in the year's chart of accounts",
    ),
    (
        "ledger.heading_account",
        "Tài khoản {account} có tài khoản chi tiết: ghi vào tài khoản chi tiết",
        "Account {account} has sub-accounts: post to one of them",
    ),
    (
        "ledger.off_balance_alone",
        "Tài khoản ngoài bảng (loại 0) ghi đơn, không đối ứng với tài khoản khác",
        "Off-balance accounts (class 0) are single entry, never paired with another account",
    ),
    (
        "ledger.unbalanced",
        "Chứng từ không cân: tổng Nợ {debit} đồng, tổng Có {credit} đồng",
        "The voucher does not balance: debits {debit} đồng, credits {credit} đồng",
    ),
];
