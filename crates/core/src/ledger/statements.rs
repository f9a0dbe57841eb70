//! The financial statements of TT 71/2024 Phụ lục IV written from the books: B01-HTX (Báo cáo
//! tình hình tài chính) and B02-HTX (Báo cáo kết quả hoạt động), each line with its Mã số and
//! its source accounts as data (`shared/reference/accounting-tt71.md` §3.1–3.2, [O] A), and
//! the B02 split of the management cost that closing to 911 uses too.

use super::book::{Book, account_balances};
use super::voucher::Voucher;
use std::collections::HashMap;

/// Which part of an account's balance a line takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Take {
    /// Debit balances (dư Nợ), as they are.
    Debit,
    /// Credit balances (dư Có), as positive amounts.
    Credit,
    /// The net credit balance, negative when it is a debit (421: a loss shows negative).
    NetCredit,
    /// Credit balances shown negative: the lines marked (*) (hao mòn, dự phòng).
    Contra,
}

/// One line of B01-HTX: its code, its caption, and either its source accounts or the lines
/// it adds up.
#[derive(Debug, Clone, Copy)]
pub struct PositionLine {
    pub code: &'static str,
    pub name: &'static str,
    /// (account prefix, part taken): every posting account starting with the prefix.
    pub sources: &'static [(&'static str, Take)],
    pub sum_of: &'static [&'static str],
}

const fn src(
    code: &'static str,
    name: &'static str,
    sources: &'static [(&'static str, Take)],
) -> PositionLine {
    PositionLine {
        code,
        name,
        sources,
        sum_of: &[],
    }
}

const fn sum(
    code: &'static str,
    name: &'static str,
    sum_of: &'static [&'static str],
) -> PositionLine {
    PositionLine {
        code,
        name,
        sources: &[],
        sum_of,
    }
}

use Take::{Contra, Credit, Debit, NetCredit};

/// B01-HTX as TT 71 sets it, in the form's order. The method's "2411, 2413, 2414, 2417" and
/// "2412" are read as 2141, 2143, 2144, 2147 and 2142 (reference §8). Line 420 also takes the
/// year's revenue, cost and result accounts while the year is not yet closed, so that a
/// statement drawn mid-year balances (hoptac's reading, [I]: once closed they are zero).
pub const B01: &[PositionLine] = &[
    src("110", "1. Tiền", &[("111", Debit), ("112", Debit)]),
    src("120", "2. Đầu tư tài chính", &[("121", Debit)]),
    src(
        "130",
        "3. Các khoản phải thu",
        &[
            ("131", Debit),
            ("132", Debit),
            ("136", Debit),
            ("138", Debit),
            ("141", Debit),
            ("334", Debit),
            ("338", Debit),
            ("331", Debit),
        ],
    ),
    src(
        "137",
        "– Trong đó: Phải thu từ hoạt động cho vay nội bộ",
        &[("132", Debit)],
    ),
    src(
        "140",
        "4. Hàng tồn kho",
        &[
            ("151", Debit),
            ("152", Debit),
            ("154", Debit),
            ("156", Debit),
            ("157", Debit),
        ],
    ),
    sum("150", "5. Tài sản cố định", &["151", "152"]),
    src("151", "– Nguyên giá", &[("211", Debit)]),
    src(
        "152",
        "– Giá trị hao mòn lũy kế (*)",
        &[
            ("2141", Contra),
            ("2143", Contra),
            ("2144", Contra),
            ("2147", Contra),
        ],
    ),
    sum("160", "6. Tài sản chung không chia", &["161", "162"]),
    src("161", "– Nguyên giá", &[("212", Debit)]),
    src("162", "– Giá trị hao mòn lũy kế (*)", &[("2142", Contra)]),
    src(
        "170",
        "7. Tài sản khác",
        &[("133", Debit), ("242", Debit), ("333", Debit)],
    ),
    src(
        "180",
        "8. Dự phòng tổn thất tài sản (*)",
        &[("229", Contra)],
    ),
    sum(
        "200",
        "TỔNG CỘNG TÀI SẢN",
        &["110", "120", "130", "140", "150", "160", "170", "180"],
    ),
    sum(
        "300",
        "I. NỢ PHẢI TRẢ",
        &["310", "320", "330", "340", "350", "360", "370", "380"],
    ),
    src("310", "1. Phải trả người bán", &[("331", Credit)]),
    src("320", "2. Người mua trả tiền trước", &[("131", Credit)]),
    src(
        "330",
        "3. Thuế và các khoản phải nộp Nhà nước",
        &[("333", Credit)],
    ),
    src("340", "4. Phải trả người lao động", &[("334", Credit)]),
    src("350", "5. Phải trả nợ vay", &[("341", Credit)]),
    src(
        "360",
        "6. Phải trả khác",
        &[
            ("138", Credit),
            ("335", Credit),
            ("336", Credit),
            ("338", Credit),
            ("353", Credit),
        ],
    ),
    src(
        "370",
        "7. Phải trả của hoạt động tín dụng nội bộ",
        &[("332", Credit)],
    ),
    src(
        "380",
        "8. Khoản trợ cấp, hỗ trợ của Nhà nước phải hoàn lại",
        &[("342", Credit)],
    ),
    sum("400", "II. VỐN CHỦ SỞ HỮU", &["410", "420", "430", "440"]),
    src("410", "1. Vốn đầu tư của chủ sở hữu", &[("411", Credit)]),
    src(
        "420",
        "2. Lợi nhuận sau thuế chưa phân phối",
        &[
            ("421", NetCredit),
            ("5", NetCredit),
            ("6", NetCredit),
            ("911", NetCredit),
        ],
    ),
    src("430", "3. Các quỹ thuộc vốn chủ sở hữu", &[("418", Credit)]),
    src("440", "4. Quỹ chung không chia của HTX", &[("442", Credit)]),
    sum("500", "TỔNG CỘNG NGUỒN VỐN", &["300", "400"]),
];

/// The code of B01's total assets and total sources, which must be equal.
pub const TOTAL_ASSETS: &str = "200";
pub const TOTAL_SOURCES: &str = "500";

/// A line of B01 with its amounts, in đồng.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PositionRow {
    pub code: &'static str,
    pub name: &'static str,
    pub closing: i128,
    pub opening: i128,
}

/// B01-HTX, and the balances no line takes (an account on its unusual side, e.g. a debit
/// balance on 411), which the office must see rather than have hidden.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub lines: Vec<PositionRow>,
    /// (account, net debit − credit) at year end that no line presents.
    pub unplaced: Vec<(String, i128)>,
}

impl Position {
    pub fn line(&self, code: &str) -> Option<&PositionRow> {
        self.lines.iter().find(|l| l.code == code)
    }

    /// Total assets equal total sources at both ends of the year, and every balance is
    /// presented.
    pub fn balances(&self) -> bool {
        let at = |c, f: fn(&PositionRow) -> i128| self.line(c).map(f);
        at(TOTAL_ASSETS, |l| l.closing) == at(TOTAL_SOURCES, |l| l.closing)
            && at(TOTAL_ASSETS, |l| l.opening) == at(TOTAL_SOURCES, |l| l.opening)
            && self.unplaced.is_empty()
    }
}

fn takes(take: Take, net: i128) -> i128 {
    match take {
        Take::Debit => net.max(0),
        Take::Credit => (-net).max(0),
        Take::NetCredit => -net,
        Take::Contra => -((-net).max(0)),
    }
}

fn line_amounts(balances: &HashMap<&str, i128>) -> HashMap<&'static str, i128> {
    let mut out: HashMap<&'static str, i128> = HashMap::new();
    for l in B01.iter().filter(|l| l.sum_of.is_empty()) {
        let v = balances
            .iter()
            .filter(|(a, _)| !a.starts_with('0'))
            .map(|(a, n)| {
                (l.sources.iter())
                    .filter(|(p, _)| a.starts_with(p))
                    .map(|(_, t)| takes(*t, *n))
                    .sum::<i128>()
            })
            .sum();
        out.insert(l.code, v);
    }
    // sums refer to lines above or below them: resolve until every sum is known
    while B01.iter().any(|l| !out.contains_key(l.code)) {
        let known: Vec<(&'static str, i128)> = (B01.iter())
            .filter(|l| !out.contains_key(l.code))
            .filter_map(|l| {
                let v = (l.sum_of.iter())
                    .map(|c| out.get(c).copied())
                    .sum::<Option<i128>>()?;
                Some((l.code, v))
            })
            .collect();
        out.extend(known);
    }
    out
}

fn unplaced(balances: &HashMap<&str, i128>) -> Vec<(String, i128)> {
    let mut out: Vec<(String, i128)> = balances
        .iter()
        .filter(|(a, n)| **n != 0 && !a.starts_with('0'))
        .filter(|(a, n)| {
            !B01.iter().flat_map(|l| l.sources).any(|(p, t)| {
                a.starts_with(p)
                    && match t {
                        Take::Debit => **n > 0,
                        Take::Credit | Take::Contra => **n < 0,
                        Take::NetCredit => true,
                    }
            })
        })
        .map(|(a, n)| (a.to_string(), *n))
        .collect();
    out.sort();
    out
}

/// B01-HTX of a year: closing amounts from every posting of the year (closing included),
/// opening amounts from the balances carried in.
pub fn financial_position(book: &Book) -> Position {
    let end = account_balances(&book.opening, book.all_vouchers());
    let start = account_balances(&book.opening, std::iter::empty::<&Voucher>());
    let (e, s) = (line_amounts(&end), line_amounts(&start));
    Position {
        lines: B01
            .iter()
            .map(|l| PositionRow {
                code: l.code,
                name: l.name,
                closing: e[l.code],
                opening: s[l.code],
            })
            .collect(),
        unplaced: unplaced(&end),
    }
}

/// B02-HTX's lines, in the form's order, with the formula of each computed line.
pub const B02: &[(&str, &str)] = &[
    (
        "01",
        "1. Doanh thu hoạt động sản xuất, kinh doanh (01 = 01a + 01b)",
    ),
    ("01a", "– Doanh thu của giao dịch bên ngoài"),
    ("01b", "– Doanh thu của giao dịch nội bộ"),
    ("02", "2. Các khoản giảm trừ doanh thu (02 = 02a + 02b)"),
    ("02a", "– Giảm trừ doanh thu của giao dịch bên ngoài"),
    ("02b", "– Giảm trừ doanh thu của giao dịch nội bộ"),
    ("10", "3. Doanh thu thuần (10 = 01 − 02)"),
    ("10a", "– Doanh thu thuần của giao dịch bên ngoài"),
    ("10b", "– Doanh thu thuần của giao dịch nội bộ"),
    ("11", "4. Giá vốn hàng bán (11 = 11a + 11b)"),
    ("11a", "– Giá vốn hàng bán của giao dịch bên ngoài"),
    ("11b", "– Chi phí của giao dịch nội bộ"),
    ("12", "5. Chi phí quản lý kinh doanh (12 = 12a + 12b)"),
    (
        "12a",
        "– Chi phí quản lý kinh doanh phân bổ cho giao dịch bên ngoài",
    ),
    (
        "12b",
        "– Chi phí quản lý kinh doanh phân bổ cho giao dịch nội bộ",
    ),
    (
        "20",
        "6. Kết quả hoạt động sản xuất, kinh doanh (20 = 10 − 11 − 12)",
    ),
    ("20a", "– Kết quả của giao dịch bên ngoài"),
    ("20b", "– Kết quả của giao dịch nội bộ"),
    ("31", "7. Thu nhập khác"),
    ("32", "8. Chi phí khác"),
    ("40", "9. Lợi nhuận khác (40 = 31 − 32)"),
    ("50", "10. Tổng lợi nhuận kế toán trước thuế (50 = 20 + 40)"),
    ("51", "11. Chi phí thuế thu nhập doanh nghiệp"),
    (
        "60",
        "12. Lợi nhuận sau thuế thu nhập doanh nghiệp (60 = 50 − 51)",
    ),
];

/// B02-HTX's amounts of one year by line code, in đồng.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Results {
    pub amounts: Vec<(&'static str, i128)>,
}

impl Results {
    pub fn get(&self, code: &str) -> i128 {
        (self.amounts.iter())
            .find(|(c, _)| *c == code)
            .map_or(0, |(_, v)| *v)
    }
}

/// What was posted to accounts starting with `prefix`: (debits, credits).
fn turnover(flows: &HashMap<&str, (i128, i128)>, prefix: &str) -> (i128, i128) {
    (flows.iter())
        .filter(|(a, _)| a.starts_with(prefix))
        .fold((0, 0), |(d, c), (_, (dd, cc))| (d + dd, c + cc))
}

/// B02-HTX from the year's vouchers before closing (the closing voucher only moves these
/// amounts to 911). TT 71 leaves the basis for splitting 642 between external and internal
/// transactions to the cooperative; until it records one, hoptac splits by net revenue
/// (10b ÷ 10, rounded down) and says so ([I]). 521 is counted against external revenue, as
/// TT 71 has no internal sub-account for it.
pub fn results(vouchers: &[Voucher]) -> Results {
    let mut flows: HashMap<&str, (i128, i128)> = HashMap::new();
    for l in vouchers.iter().flat_map(|v| &v.lines) {
        let f = flows.entry(l.account.as_str()).or_default();
        f.0 += i128::from(l.debit_vnd);
        f.1 += i128::from(l.credit_vnd);
    }
    let t = |p| turnover(&flows, p);
    let net_debit = |p| {
        let (d, c) = t(p);
        d - c
    };
    let (d511, c511) = t("511");
    let (d512, c512) = t("512");
    let r01a = c511;
    let r01b = c512;
    let r02a = d511 + net_debit("521");
    let r02b = d512;
    let r10a = r01a - r02a;
    let r10b = r01b - r02b;
    let r11a = net_debit("611");
    let r11b = net_debit("612");
    let r12 = net_debit("642");
    let r12b = management_internal_share(r12, r10a, r10b);
    let r12a = r12 - r12b;
    let r20a = r10a - r11a - r12a;
    let r20b = r10b - r11b - r12b;
    let r31 = -net_debit("558");
    let r32 = net_debit("658");
    let r40 = r31 - r32;
    let r50 = r20a + r20b + r40;
    let r51 = net_debit("659");
    Results {
        amounts: vec![
            ("01", r01a + r01b),
            ("01a", r01a),
            ("01b", r01b),
            ("02", r02a + r02b),
            ("02a", r02a),
            ("02b", r02b),
            ("10", r10a + r10b),
            ("10a", r10a),
            ("10b", r10b),
            ("11", r11a + r11b),
            ("11a", r11a),
            ("11b", r11b),
            ("12", r12),
            ("12a", r12a),
            ("12b", r12b),
            ("20", r20a + r20b),
            ("20a", r20a),
            ("20b", r20b),
            ("31", r31),
            ("32", r32),
            ("40", r40),
            ("50", r50),
            ("51", r51),
            ("60", r50 - r51),
        ],
    }
}

/// The internal part of the management cost: by the internal share of net revenue, rounded
/// down; none when there is no internal revenue or no positive net revenue.
pub fn management_internal_share(cost: i128, external: i128, internal: i128) -> i128 {
    let total = external + internal;
    if internal <= 0 || total <= 0 || external < 0 {
        return 0;
    }
    cost * internal / total
}

/// B02 of a book: its vouchers without the closing.
pub fn book_results(book: &Book) -> Results {
    results(&book.vouchers)
}
