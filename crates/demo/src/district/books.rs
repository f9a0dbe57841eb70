//! Two cooperatives keeping their books in hoptac (ILLUSTRATIVE DATA): HTX DVNN Tân Kiều
//! (HTX-TM-07) and HTX DVNN Mỹ Quý (HTX-TM-01). Fiscal 2025, the first year under TT 71/2024,
//! is closed; its revenue and profit are those of the cooperative's 2025 yearly report, to
//! the đồng; 2026 is open, its opening carried from 2025, with vouchers to the end of
//! November. Years up to 2024 are not kept here: TT 24/2017's chart is not in hoptac.

use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::ledger::voucher::{Line, Voucher, VoucherKind};
use hoptac_core::model::Snapshot;

/// The cooperatives keeping books in the demo.
pub const BOOK_KEEPERS: [&str; 2] = ["HTX-TM-07", "HTX-TM-01"];

/// A year of books to load: the sub-accounts, the opening (for the first year) and vouchers.
pub struct DemoYear {
    pub org: OrgCode,
    pub year: i32,
    pub sub_accounts: Vec<(String, String)>,
    pub opening: Option<Vec<(String, i64)>>,
    pub vouchers: Vec<Voucher>,
    pub close: bool,
}

fn pair(
    kind: VoucherKind,
    number: String,
    (year, month, day): (i32, u8, u8),
    what: &str,
    (debit, credit): (&str, &str),
    amount: i64,
) -> Voucher {
    Voucher {
        kind,
        number,
        date: ymd(year, month, day).expect("a day of the month"),
        description: what.to_string(),
        lines: vec![
            Line {
                account: debit.into(),
                debit_vnd: amount,
                credit_vnd: 0,
            },
            Line {
                account: credit.into(),
                debit_vnd: 0,
                credit_vnd: amount,
            },
        ],
    }
}

/// `total` in twelve monthly parts, the rounding in December.
fn monthly(total: i64) -> [i64; 12] {
    let part = total / 12;
    let mut out = [part; 12];
    out[11] = total - part * 11;
    out
}

/// A year whose net revenue and profit are `revenue` and `profit` (đồng): services to
/// outsiders and to members, their costs, management cost (depreciation part of it).
fn year_vouchers(year: i32, revenue: i64, profit: i64, months: u8) -> Vec<Voucher> {
    let external = revenue * 55 / 100;
    let internal = revenue - external;
    let depreciation = revenue / 50;
    let management = revenue / 10;
    let cost = revenue - profit - management;
    let cost_external = cost * 55 / 100;
    let cost_internal = cost - cost_external;
    let mut vs = Vec::new();
    let (mut pt, mut pc, mut pk) = (0, 0, 0);
    let next = |n: &mut i32, prefix: &str| {
        *n += 1;
        format!("{prefix}{:03}/{}", n, year % 100)
    };
    let series = [
        monthly(external),
        monthly(internal),
        monthly(cost_external),
        monthly(cost_internal),
        monthly(management - depreciation),
        monthly(depreciation),
    ];
    for m in 0..months {
        let i = usize::from(m);
        let month = m + 1;
        vs.push(pair(
            VoucherKind::Receipt,
            next(&mut pt, "PT"),
            (year, month, 10),
            "Thu tiền dịch vụ bơm tưới, cày xới cho khách ngoài",
            ("1111", "5113"),
            series[0][i],
        ));
        vs.push(pair(
            VoucherKind::Receipt,
            next(&mut pt, "PT"),
            (year, month, 12),
            "Thu tiền dịch vụ cung cấp cho thành viên theo hợp đồng",
            ("1111", "5122"),
            series[1][i],
        ));
        vs.push(pair(
            VoucherKind::Payment,
            next(&mut pc, "PC"),
            (year, month, 15),
            "Chi nhiên liệu, nhân công dịch vụ cho khách ngoài",
            ("6113", "1111"),
            series[2][i],
        ));
        vs.push(pair(
            VoucherKind::Payment,
            next(&mut pc, "PC"),
            (year, month, 16),
            "Chi nhiên liệu, nhân công dịch vụ cho thành viên",
            ("6122", "1111"),
            series[3][i],
        ));
        vs.push(pair(
            VoucherKind::Payment,
            next(&mut pc, "PC"),
            (year, month, 25),
            "Chi lương bộ máy quản lý, văn phòng phẩm",
            ("642", "1111"),
            series[4][i],
        ));
        vs.push(pair(
            VoucherKind::Journal,
            next(&mut pk, "PKT"),
            (year, month, 28),
            "Trích khấu hao TSCĐ tháng",
            ("642", "2141"),
            series[5][i],
        ));
    }
    // new members' capital, and a refund to one who left
    vs.push(pair(
        VoucherKind::Receipt,
        next(&mut pt, "PT"),
        (year, 3, 20),
        "Thu vốn góp của thành viên mới",
        ("1111", "4111"),
        45_000_000,
    ));
    vs.push(pair(
        VoucherKind::Payment,
        next(&mut pc, "PC"),
        (year, 9, 5),
        "Trả lại vốn góp cho thành viên ra khỏi HTX",
        ("4111", "1111"),
        15_000_000,
    ));
    vs
}

fn million(f: Option<hoptac_core::Fixed>) -> Option<i64> {
    // figures are in million đồng with six decimals: their micros are đồng
    f.map(|x| x.micros())
}

/// The demo's books, from the 2025 yearly reports of `snap`.
pub fn demo_books(snap: &Snapshot) -> Vec<DemoYear> {
    let mut out = Vec::new();
    for code in BOOK_KEEPERS {
        let org = OrgCode::parse(code).expect("a demo code");
        let Some(r) = snap
            .reports
            .iter()
            .find(|r| r.org == org && r.year.get() == 2025)
        else {
            continue;
        };
        let (Some(revenue), Some(profit)) = (million(r.figures.revenue), million(r.figures.profit))
        else {
            continue;
        };
        let capital = 600_000_000 + revenue / 4;
        out.push(DemoYear {
            org: org.clone(),
            year: 2025,
            sub_accounts: vec![
                ("1311".into(), "Phải thu thành viên".into()),
                ("1312".into(), "Phải thu khách hàng ngoài".into()),
            ],
            opening: Some(vec![
                ("1111".into(), capital / 2),
                ("1121".into(), capital - capital / 2 + 150_000_000),
                ("2111".into(), 900_000_000),
                ("2141".into(), -300_000_000),
                ("331".into(), -150_000_000),
                ("4111".into(), -(capital + 450_000_000)),
                ("4211".into(), -150_000_000),
            ]),
            vouchers: year_vouchers(2025, revenue, profit, 12),
            close: true,
        });
        let next = year_vouchers(2026, revenue * 108 / 100, profit * 105 / 100, 11);
        let mut vouchers = vec![pair(
            VoucherKind::Journal,
            "PKT-PP/26".into(),
            (2026, 3, 30),
            "Trích Quỹ chung không chia từ lợi nhuận năm 2025 theo Nghị quyết Đại hội thành viên (tỷ lệ theo Điều lệ, minh họa)",
            ("4211", "4421"),
            (profit * 55 / 100) / 10,
        )];
        vouchers.extend(next);
        out.push(DemoYear {
            org,
            year: 2026,
            sub_accounts: vec![
                ("1311".into(), "Phải thu thành viên".into()),
                ("1312".into(), "Phải thu khách hàng ngoài".into()),
            ],
            opening: None,
            vouchers,
            close: false,
        });
    }
    out
}
