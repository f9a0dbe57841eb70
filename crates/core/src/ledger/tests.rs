use super::balance::trial_balance;
use super::chart::{Chart, SubAccountError};
use super::voucher::{FiscalYear, Line, Voucher, VoucherKind, voucher_problems};
use crate::date::ymd;
use proptest::prelude::*;

fn year(closed: bool) -> FiscalYear {
    FiscalYear {
        year: 2025,
        starts_on: ymd(2025, 1, 1).unwrap(),
        ends_on: ymd(2025, 12, 31).unwrap(),
        closed,
    }
}

fn line(account: &str, debit: i64, credit: i64) -> Line {
    Line {
        account: account.into(),
        debit_vnd: debit,
        credit_vnd: credit,
    }
}

fn voucher(number: &str, lines: Vec<Line>) -> Voucher {
    Voucher {
        kind: VoucherKind::Receipt,
        number: number.into(),
        date: ymd(2025, 3, 15).unwrap(),
        description: "Thu tiền dịch vụ bơm tưới vụ Đông Xuân".into(),
        lines,
    }
}

#[test]
fn the_chart_is_tt71s_fifty_one_accounts_with_their_sub_accounts() {
    let c = Chart::tt71();
    let level1 = c.accounts().iter().filter(|a| a.number.len() == 3).count();
    assert_eq!(level1, 51, "43 on the balance sheet and 001–008");
    assert_eq!(c.account("4111").unwrap().name, "Vốn góp của thành viên");
    assert!(c.is_heading("511") && !c.is_heading("5113") && !c.is_heading("131"));
    assert!(c.account("632").is_none(), "TT 24's cost of sales is gone");
    assert!(Chart::for_year(2024).is_none() && Chart::for_year(2025).is_some());
    let mut own = Chart::tt71();
    assert_eq!(own.add_sub_account("1311", "Phải thu thành viên"), Ok(()));
    assert!(own.is_heading("131"));
    assert_eq!(
        own.add_sub_account("1311", "x"),
        Err(SubAccountError::Taken)
    );
    assert_eq!(
        own.add_sub_account("9991", "x"),
        Err(SubAccountError::NoParent)
    );
    assert_eq!(
        own.add_sub_account("13a1", "x"),
        Err(SubAccountError::BadNumber)
    );
}

#[test]
fn a_voucher_that_does_not_balance_or_posts_where_it_may_not_is_refused_by_field() {
    let c = Chart::tt71();
    let good = voucher(
        "PT-001",
        vec![line("1111", 1_500_000, 0), line("5113", 0, 1_500_000)],
    );
    assert!(voucher_problems(&good, &c, &year(false), |_, _| false).is_empty());
    let fields = |v: &Voucher, y: &FiscalYear, taken: bool| -> Vec<(&str, String)> {
        voucher_problems(v, &c, y, |_, _| taken)
            .into_iter()
            .map(|(f, v, _)| (f, v))
            .collect()
    };
    let unbalanced = voucher(
        "PT-002",
        vec![line("1111", 1_500_000, 0), line("5113", 0, 1_400_000)],
    );
    assert_eq!(
        fields(&unbalanced, &year(false), false),
        [("lines", "1.500.000 / 1.400.000".to_string())]
    );
    let heading = voucher(
        "PT-003",
        vec![line("111", 10, 0), line("5113", 0, 10), line("999", 0, 0)],
    );
    assert_eq!(
        fields(&heading, &year(false), false),
        [
            ("account", "111".to_string()),
            ("lines", "999: 0 / 0".to_string())
        ]
    );
    assert_eq!(
        fields(&good, &year(true), true),
        [
            ("number", "PT-001".to_string()),
            ("date", "15/03/2025".to_string())
        ]
    );
    let mut late = good.clone();
    late.date = ymd(2026, 1, 2).unwrap();
    assert_eq!(fields(&late, &year(false), false)[0].0, "date");
    // an off-balance account stands alone, single entry
    let off = voucher("PKT-1", vec![line("004", 2_000_000, 0)]);
    assert!(fields(&off, &year(false), false).is_empty());
    let paired = voucher(
        "PKT-2",
        vec![line("004", 2_000_000, 0), line("1111", 0, 2_000_000)],
    );
    assert_eq!(
        fields(&paired, &year(false), false),
        [("lines", "1".to_string())]
    );
}

#[test]
fn the_trial_balance_rolls_postings_up_to_level_one_accounts() {
    let c = Chart::tt71();
    let opening = vec![
        ("1111".to_string(), 50_000_000),
        ("4111".to_string(), -50_000_000),
    ];
    let vs = vec![
        voucher(
            "PT-1",
            vec![line("1111", 12_000_000, 0), line("5113", 0, 12_000_000)],
        ),
        voucher(
            "PC-1",
            vec![line("642", 3_000_000, 0), line("1111", 0, 3_000_000)],
        ),
        voucher("PKT-1", vec![line("004", 700_000, 0)]),
    ];
    let t = trial_balance(&c, &opening, &vs);
    let accounts: Vec<&str> = t.rows.iter().map(|r| r.account.as_str()).collect();
    assert_eq!(accounts, ["111", "411", "511", "642", "004"]);
    let cash = &t.rows[0];
    assert_eq!(
        (
            cash.opening_debit,
            cash.debit,
            cash.credit,
            cash.closing_debit
        ),
        (50_000_000, 12_000_000, 3_000_000, 59_000_000)
    );
    assert_eq!(t.rows[1].closing_credit, 50_000_000);
    assert_eq!(t.rows[2].closing_credit, 12_000_000);
    assert!(t.balances(), "{t:?}");
    assert_eq!((t.debit, t.closing_debit), (15_000_000, 62_000_000));
}

fn leaves() -> Vec<String> {
    let c = Chart::tt71();
    (c.accounts().iter())
        .filter(|a| !a.off_balance() && !c.is_heading(&a.number))
        .map(|a| a.number.clone())
        .collect()
}

proptest! {
    /// Any sequence of balanced vouchers keeps the trial balance balanced.
    #[test]
    fn balanced_vouchers_keep_the_trial_balance_at_zero(
        vouchers in prop::collection::vec(
            prop::collection::vec((0usize..200, 0usize..200, 1i64..=1_000_000_000_000), 1..6),
            0..40,
        )
    ) {
        let c = Chart::tt71();
        let accounts = leaves();
        let pick = |i: usize| accounts[i % accounts.len()].clone();
        let vs: Vec<Voucher> = vouchers.iter().enumerate().map(|(n, pairs)| {
            let lines = pairs.iter().flat_map(|&(d, k, amount)| {
                [line(&pick(d), amount, 0), line(&pick(k), 0, amount)]
            }).collect();
            voucher(&format!("PKT-{n}"), lines)
        }).collect();
        for v in &vs {
            prop_assert!(voucher_problems(v, &c, &year(false), |_, _| false).is_empty());
        }
        let t = trial_balance(&c, &[], &vs);
        prop_assert!(t.balances(), "{:?}", t);
        let net: i128 = t.rows.iter().map(|r| r.closing_debit - r.closing_credit).sum();
        prop_assert_eq!(net, 0);
    }
}
