//! The words of the books (sổ sách kế toán HTX, TT 71/2024/TT-BTC).

use crate::i18n::entry::Entry;

pub const MESSAGES: &[Entry] = &[
    ("error.kind.ledger", "sổ kế toán", "books"),
    ("error.kind.voucher", "chứng từ", "voucher"),
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
    (
        "ledger.no_chart",
        "Năm {year} chưa có hệ thống tài khoản trong hoptac (TT 24/2017 cho các năm đến 2024 chưa được nhập)",
        "Year {year} has no chart of accounts in hoptac (TT 24/2017, for years up to 2024, is not transcribed)",
    ),
    (
        "ledger.sub_account_name",
        "Tên tài khoản chi tiết phải có, tối đa 200 ký tự",
        "A sub-account needs a name, at most 200 characters",
    ),
    (
        "ledger.sub_account_number",
        "Số hiệu tài khoản chi tiết gồm 4 đến 12 chữ số, bắt đầu bằng số hiệu tài khoản cấp trên",
        "A sub-account number is 4 to 12 digits starting with its parent's number",
    ),
    (
        "ledger.sub_account_taken",
        "Tài khoản {account} đã có",
        "Account {account} already exists",
    ),
    (
        "ledger.too_many",
        "Quá nhiều dòng trong một lần ghi (tối đa {max})",
        "Too many rows in one write (at most {max})",
    ),
    (
        "ledger.opening_twice",
        "Tài khoản {account} có hai dòng số dư đầu năm",
        "Account {account} has two opening balance rows",
    ),
    (
        "ledger.opening_unbalanced",
        "Số dư đầu năm không cân: tổng dư Nợ {debit} đồng, tổng dư Có {credit} đồng",
        "The opening balances do not balance: debits {debit} đồng, credits {credit} đồng",
    ),
    (
        "ledger.capital_negative",
        "Vốn góp trên tài khoản {account} không được âm (dư Nợ)",
        "Member capital on account {account} may not be negative (a debit balance)",
    ),
    (
        "ledger.description_long",
        "Diễn giải tối đa {max} ký tự",
        "A description is at most {max} characters",
    ),
    (
        "ledger.reason_required",
        "Cần ghi lý do",
        "A reason is required",
    ),
    (
        "ledger.closing_account",
        "Không kết chuyển được: tài khoản {account} đã chia tài khoản chi tiết",
        "The year cannot be closed: account {account} has been split into sub-accounts",
    ),
    (
        "ledger.year_open",
        "Năm tài chính {year} chưa khóa sổ",
        "Fiscal year {year} is not closed",
    ),
    (
        "books.column_missing",
        "Thiếu cột \"{column}\"",
        "The column \"{column}\" is missing",
    ),
    (
        "books.amount_range",
        "Số tiền là số đồng nguyên dương, không quá 1.000.000.000.000.000",
        "An amount is whole đồng above zero, at most 1,000,000,000,000,000",
    ),
    (
        "books.account_number",
        "Số hiệu tài khoản gồm 3 đến 12 chữ số",
        "An account number is 3 to 12 digits",
    ),
    (
        "books.one_side",
        "Một dòng số dư chỉ ghi dư Nợ hoặc dư Có",
        "An opening row has a debit or a credit balance, not both",
    ),
    (
        "books.required",
        "Cột \"{column}\" phải có giá trị",
        "The column \"{column}\" needs a value",
    ),
    (
        "books.kind_unknown",
        "Loại chứng từ không rõ: dùng Phiếu thu, Phiếu chi, Phiếu nhập kho, Phiếu xuất kho, Giấy báo Nợ, Giấy báo Có hoặc Phiếu kế toán",
        "Unknown voucher kind: use Phiếu thu, Phiếu chi, Phiếu nhập kho, Phiếu xuất kho, Giấy báo Nợ, Giấy báo Có or Phiếu kế toán",
    ),
    (
        "books.accounts_pair",
        "Mỗi dòng ghi TK Nợ và TK Có; chỉ tài khoản ngoài bảng (loại 0) ghi một bên",
        "Each row names a debit and a credit account; only off-balance accounts (class 0) stand alone",
    ),
    (
        "books.voucher_day_differs",
        "Các dòng của chứng từ {number} phải cùng một ngày",
        "The rows of voucher {number} must share one day",
    ),
    (
        "books.no_sheets",
        "Tệp không có bảng \"so_du_dau_nam\" (Số dư đầu năm) hay \"chung_tu\" (Chứng từ)",
        "The file has neither a \"so_du_dau_nam\" (opening balances) nor a \"chung_tu\" (vouchers) sheet",
    ),
    (
        "books.figure_differs",
        "Số liệu nhập {typed} triệu đồng khác sổ kế toán đã khóa của HTX: {books} triệu đồng",
        "The typed figure {typed} million đồng differs from the cooperative's closed books: {books} million đồng",
    ),
];
