use super::balance::trial_balance;
use super::book::{Book, account_balances};
use super::chart::Chart;
use super::closing::{ClosingError, close_year, reopen_year};
use super::journal::hledger_journal;
use super::ledger_book::account_book;
use super::statements::{book_results, financial_position};
use super::voucher::{FiscalYear, Line, Voucher, VoucherKind};
use crate::date::ymd;
use proptest::prelude::*;

fn year() -> FiscalYear {
    FiscalYear {
        year: 2025,
        starts_on: ymd(2025, 1, 1).unwrap(),
        ends_on: ymd(2025, 12, 31).unwrap(),
        closed: false,
    }
}

fn pair(n: &str, debit: &str, credit: &str, amount: i64) -> Voucher {
    Voucher {
        kind: VoucherKind::Journal,
        number: n.into(),
        date: ymd(2025, 6, 30).unwrap(),
        description: format!("Nợ {debit} / Có {credit}"),
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

/// A cooperative's year: pumping services outside and to members, costs, other items.
fn book() -> Book {
    let m = 1_000_000;
    Book {
        year: year(),
        chart: Chart::tt71(),
        opening: vec![
            ("1111".into(), 50 * m),
            ("2111".into(), 200 * m),
            ("2141".into(), -40 * m),
            ("4111".into(), -210 * m),
        ],
        vouchers: vec![
            pair("1", "1111", "5113", 120 * m),
            pair("2", "1111", "5122", 80 * m),
            pair("3", "6113", "331", 60 * m),
            pair("4", "6122", "331", 50 * m),
            pair("5", "642", "1111", 30 * m),
            pair("6", "521", "1111", 2 * m),
            pair("7", "1111", "558", 5 * m),
            pair("8", "658", "1111", m),
            pair("9", "659", "3334", 3 * m),
            pair("10", "331", "1111", 100 * m),
            pair("11", "642", "2141", 10 * m),
        ],
        closing: None,
    }
}

#[test]
fn b02_reads_the_years_flows_with_the_management_cost_split_by_net_revenue() {
    let r = book_results(&book());
    let m = 1_000_000i128;
    let got: Vec<(&str, i128)> = ["01a", "01b", "02a", "10a", "10b", "11a", "11b", "12", "12b"]
        .iter()
        .map(|c| (*c, r.get(c)))
        .collect();
    // 642 = 40 M split by 10b / 10 = 80 / 198
    assert_eq!(
        got,
        [
            ("01a", 120 * m),
            ("01b", 80 * m),
            ("02a", 2 * m),
            ("10a", 118 * m),
            ("10b", 80 * m),
            ("11a", 60 * m),
            ("11b", 50 * m),
            ("12", 40 * m),
            ("12b", 40 * m * 80 / 198),
        ]
    );
    // 198 − 110 − 40 + 5 − 1 − 3
    assert_eq!(r.get("50"), 52 * m);
    assert_eq!(r.get("60"), 49 * m);
    assert_eq!(r.get("20a") + r.get("20b"), r.get("20"));
}

#[test]
fn closing_zeroes_the_results_carries_b02s_profit_to_421_and_b01_balances() {
    let mut b = book();
    let before = financial_position(&b);
    assert!(before.balances(), "{before:?}");
    let closing = close_year(&b).unwrap();
    b.closing = Some(closing.clone());
    b.year.closed = true;
    let bal = account_balances(&b.opening, b.all_vouchers());
    for (a, n) in &bal {
        if b.chart.account(a).is_some_and(|x| x.closes_at_year_end()) {
            assert_eq!(*n, 0, "{a} is left at {n}");
        }
    }
    let r = book_results(&b);
    let internal = -bal["4212"];
    let external = -bal["4211"];
    assert_eq!(external + internal, r.get("60"));
    assert_eq!(internal, r.get("20b"), "no other income is internal");
    let after = financial_position(&b);
    assert!(after.balances(), "{after:?}");
    assert_eq!(
        after.line("420").unwrap().closing,
        before.line("420").unwrap().closing,
        "closing moves the result, it does not change it"
    );
    // cash 122 M, fixed assets 200 M less 50 M wear; owed 10 M to suppliers, 3 M tax, 210 M
    // capital, 49 M profit
    let closing_of = |c| after.line(c).unwrap().closing;
    assert_eq!(
        [closing_of("110"), closing_of("152"), closing_of("200")],
        [122_000_000, -50_000_000, 272_000_000]
    );
    assert_eq!(
        [
            closing_of("310"),
            closing_of("330"),
            closing_of("410"),
            closing_of("420")
        ],
        [10_000_000, 3_000_000, 210_000_000, 49_000_000]
    );
    let all: Vec<Voucher> = b.all_vouchers().cloned().collect();
    assert!(trial_balance(&b.chart, &b.opening, &all).balances());
    assert_eq!(close_year(&b), Err(ClosingError::AlreadyClosed));
    let mut own = Chart::tt71();
    own.add_sub_account("91111", "Kết quả dịch vụ").unwrap();
    let split = Book {
        chart: own,
        ..book()
    };
    assert_eq!(
        close_year(&split),
        Err(ClosingError::Account("9111".into()))
    );
}

#[test]
fn a_balance_on_its_unusual_side_is_shown_as_not_placed() {
    let mut b = book();
    b.vouchers.push(pair("12", "4111", "331", 260_000_000));
    let p = financial_position(&b);
    assert_eq!(p.unplaced, [("4111".to_string(), 50_000_000)]);
    assert!(!p.balances());
}

#[test]
fn the_journal_has_the_opening_and_every_voucher_with_class_zero_virtual() {
    let mut b = book();
    b.vouchers.push(Voucher {
        kind: VoucherKind::Journal,
        number: "NB-1".into(),
        date: ymd(2025, 2, 1).unwrap(),
        description: "Nhận giữ hộ; lúa\n của thành viên".into(),
        lines: vec![Line {
            account: "002".into(),
            debit_vnd: 7,
            credit_vnd: 0,
        }],
    });
    let j = hledger_journal("HTX-TM-07", &b);
    assert!(j.contains("2025-01-01 * Số dư đầu năm 2025\n    1111  50000000\n"));
    assert!(j.contains("2025-06-30 * (1) Nợ 1111 / Có 5113\n    ; kind: Phiếu kế toán\n    1111  120000000\n    5113  -120000000\n"));
    assert!(j.contains("(NB-1) Nhận giữ hộ, lúa  của thành viên\n"));
    assert!(j.contains("    (002)  7\n"));
}

const ACCOUNTS: &[&str] = &[
    "1111", "1121", "131", "152", "2111", "2141", "331", "3334", "4111", "4211", "5111", "5113",
    "5122", "521", "558", "6113", "6122", "642", "658", "659", "9111",
];

fn vouchers() -> impl Strategy<Value = Vec<Voucher>> {
    prop::collection::vec(
        (0..ACCOUNTS.len(), 0..ACCOUNTS.len(), 1i64..5_000_000_000),
        0..60,
    )
    .prop_map(|ps| {
        ps.into_iter()
            .enumerate()
            .filter(|(_, (d, c, _))| d != c)
            .map(|(i, (d, c, amt))| pair(&i.to_string(), ACCOUNTS[d], ACCOUNTS[c], amt))
            .collect()
    })
}

proptest! {
    #[test]
    fn closing_then_reopening_is_the_identity_and_closing_keeps_the_books_whole(vs in vouchers()) {
        let original = Book { vouchers: vs, ..book() };
        let mut b = original.clone();
        let closing = close_year(&b).unwrap();
        b.closing = Some(closing);
        b.year.closed = true;
        let all: Vec<Voucher> = b.all_vouchers().cloned().collect();
        prop_assert!(trial_balance(&b.chart, &b.opening, &all).balances());
        let bal = account_balances(&b.opening, b.all_vouchers());
        for (a, n) in &bal {
            if b.chart.account(a).is_some_and(|x| x.closes_at_year_end()) {
                prop_assert_eq!(*n, 0, "{} left at {}", a, n);
            }
        }
        let before = account_balances(&original.opening, &original.vouchers);
        let profit = |m: &std::collections::HashMap<&str, i128>| -(m.get("4211").copied().unwrap_or(0) + m.get("4212").copied().unwrap_or(0));
        // the closing posts exactly B02's line 60 to 421 (plus any result posted to 911 by hand)
        let by_hand = before.get("9111").copied().unwrap_or(0);
        prop_assert_eq!(profit(&bal) - profit(&before), book_results(&b).get("60") - by_hand);
        prop_assert_eq!(financial_position(&b).lines, financial_position(&original).lines);
        reopen_year(&mut b);
        prop_assert_eq!(b, original);
    }
}

#[test]
fn the_so_cai_of_an_account_runs_from_its_opening_to_its_closing_with_counter_accounts() {
    let b = book();
    let cash = account_book(&b, "111");
    assert_eq!(cash.name, "Tiền mặt");
    assert_eq!(cash.opening, 50_000_000);
    assert_eq!(
        cash.closing, 122_000_000,
        "the B01 line 110 of the same book"
    );
    assert_eq!(cash.rows.len(), 7);
    assert_eq!(cash.rows[0].counter, "5113");
    assert_eq!(cash.rows[0].debit, 120_000_000);
    assert_eq!(cash.months.len(), 1);
    assert_eq!(cash.months[0].balance, cash.closing);
    let bal = account_balances(&b.opening, b.all_vouchers());
    assert_eq!(account_book(&b, "331").closing, bal["331"]);
}
