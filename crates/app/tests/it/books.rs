//! The books through the services: the demo's two cooperatives keep 2025 (closed) and 2026
//! (open, carried from 2025); their statements balance and their 2025 profit is their
//! yearly report's; a cooperative posts to its own books only, the offices read them and
//! post nothing; bad vouchers are refused by field and nothing is written; closing then
//! reopening gives back the year; every write and refusal is in the audit.

use crate::demo;
use crate::signed_in as actor;

use hoptac_app::AppError;
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::ledger::book::closing_balances;
use hoptac_core::ledger::voucher::{Line, Voucher, VoucherKind};
use hoptac_store::AuditQuery;

fn code(c: &str) -> OrgCode {
    OrgCode::parse(c).unwrap()
}

fn voucher(number: &str, debit: &str, credit: &str, amount: i64) -> Voucher {
    Voucher {
        kind: VoucherKind::Receipt,
        number: number.into(),
        date: ymd(2026, 12, 3).unwrap(),
        description: "Thu tiền dịch vụ sấy lúa".into(),
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

#[tokio::test]
async fn the_demos_books_balance_and_give_the_yearly_reports_profit() {
    let (a, _d) = demo().await;
    let admin = actor(&a, "quantri").await;
    let kept = a.ledgers(&admin).await.unwrap();
    let years: Vec<(String, Vec<(i32, bool)>)> = (kept.iter())
        .map(|l| {
            (
                l.org.to_string(),
                l.years.iter().map(|y| (y.year, y.closed)).collect(),
            )
        })
        .collect();
    assert_eq!(
        years,
        [
            ("HTX-TM-01".to_string(), vec![(2025, true), (2026, false)]),
            ("HTX-TM-07".to_string(), vec![(2025, true), (2026, false)])
        ]
    );
    let snap = a.snapshot().await.unwrap();
    for org in ["HTX-TM-01", "HTX-TM-07"] {
        let s = a.statements(&admin, &code(org), 2025).await.unwrap();
        assert!(s.position.balances(), "{org}: {:?}", s.position);
        assert!(s.trial.balances(), "{org}");
        let report = (snap.reports.iter())
            .find(|r| r.org == code(org) && r.year.get() == 2025)
            .unwrap();
        assert_eq!(
            s.results.get("60"),
            i128::from(report.figures.profit.unwrap().micros()),
            "{org}: B02 line 60 is the yearly report's profit, in đồng"
        );
        assert_eq!(
            s.results.get("10"),
            i128::from(report.figures.revenue.unwrap().micros())
        );
        let y25 = a.ledger(&admin, &code(org), 2025).await.unwrap();
        let y26 = a.ledger(&admin, &code(org), 2026).await.unwrap();
        assert_eq!(y26.stored.opening, closing_balances(&y25.book), "{org}");
        let s26 = a.statements(&admin, &code(org), 2026).await.unwrap();
        assert!(s26.position.balances(), "{org} 2026");
        assert_eq!(s26.last_year.unwrap().get("60"), s.results.get("60"));
    }
}

#[tokio::test]
async fn a_cooperative_posts_to_its_own_books_and_the_offices_only_read_them() {
    let (a, _d) = demo().await;
    let own = actor(&a, "htx.tankieu").await;
    let tk = code("HTX-TM-07");
    let v = a.ledger(&own, &tk, 2026).await.unwrap();
    assert!(v.can_write);
    let problems = a
        .post_voucher(
            &own,
            &tk,
            2026,
            v.stored.version,
            voucher("PT-SAY-01", "1111", "5113", 2_500_000),
        )
        .await
        .unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let after = a.ledger(&own, &tk, 2026).await.unwrap();
    assert_eq!(after.stored.version, v.stored.version + 1);
    assert_eq!(after.stored.vouchers.len(), v.stored.vouchers.len() + 1);
    // another cooperative's books are not even confirmed to exist
    let other = a.ledger(&own, &code("HTX-TM-01"), 2026).await;
    assert!(matches!(other, Err(AppError::NotFound { .. })), "{other:?}");
    let other = a
        .post_voucher(
            &own,
            &code("HTX-TM-01"),
            2026,
            1,
            voucher("PT-X", "1111", "5113", 1),
        )
        .await;
    assert!(matches!(other, Err(AppError::NotFound { .. })), "{other:?}");
    // the commune and the district read, and post nothing
    for office in ["xa.tankieu", "canbo"] {
        let o = actor(&a, office).await;
        let read = a.ledger(&o, &tk, 2026).await.unwrap();
        assert!(!read.can_write, "{office}");
        let r = a
            .post_voucher(
                &o,
                &tk,
                2026,
                after.stored.version,
                voucher("PT-Y", "1111", "5113", 1),
            )
            .await;
        assert!(matches!(r, Err(AppError::Forbidden)), "{office}: {r:?}");
        let r = a
            .close_ledger_year(&o, &tk, 2026, after.stored.version)
            .await;
        assert!(matches!(r, Err(AppError::Forbidden)), "{office}: {r:?}");
    }
    assert_eq!(
        a.ledger(&own, &tk, 2026).await.unwrap().stored.version,
        after.stored.version
    );
    let audit = a
        .store()
        .audit(&AuditQuery {
            entity: Some("ledger_years".into()),
            limit: 200,
            ..Default::default()
        })
        .await
        .unwrap();
    let by = |actor: &str, action: &str| {
        audit
            .iter()
            .filter(|e| e.actor == actor && e.action == action)
            .count()
    };
    assert_eq!(by("htx.tankieu", "create"), 1);
    assert_eq!(by("htx.tankieu", "refused"), 2);
    assert_eq!(by("xa.tankieu", "refused"), 2);
    assert_eq!(by("canbo", "refused"), 2);
}

#[tokio::test]
async fn bad_vouchers_are_refused_by_field_and_nothing_is_written() {
    let (a, _d) = demo().await;
    let own = actor(&a, "htx.tankieu").await;
    let tk = code("HTX-TM-07");
    let v = a.ledger(&own, &tk, 2026).await.unwrap();
    let version = v.stored.version;
    let taken = v.stored.vouchers[0].number.clone();
    let mut unbalanced = voucher("PT-A", "1111", "5113", 1_000);
    unbalanced.lines[1].credit_vnd = 999;
    let mut outside = voucher("PT-B", "1111", "5113", 1_000);
    outside.date = ymd(2027, 1, 2).unwrap();
    let mut reused = voucher(&taken, "1111", "5113", 1_000);
    reused.kind = v.stored.vouchers[0].kind;
    let cases: Vec<(Voucher, i32, &str, String)> = vec![
        (unbalanced, 2026, "lines", "1.000 / 999".into()),
        (
            voucher("PT-C", "511", "1111", 5),
            2026,
            "account",
            "511".into(),
        ),
        (
            voucher("PT-D", "1111", "632", 5),
            2026,
            "account",
            "632".into(),
        ),
        (outside, 2026, "date", "02/01/2027".into()),
        (reused, 2026, "number", taken.clone()),
        (
            voucher("PT-E", "1111", "5113", 5),
            2025,
            "date",
            "03/12/2026".into(),
        ),
        (
            voucher("PC-F", "4111", "1111", 9_000_000_000_000),
            2026,
            "account",
            String::new(),
        ),
    ];
    for (bad, year, field, value) in cases {
        let at = a.ledger(&own, &tk, year).await.unwrap().stored.version;
        let problems = a
            .post_voucher(&own, &tk, year, at, bad.clone())
            .await
            .unwrap();
        assert_eq!(problems.len(), 1, "{bad:?}: {problems:?}");
        assert_eq!(problems[0].0, field, "{problems:?}");
        if !value.is_empty() {
            assert_eq!(problems[0].1, value);
        } else {
            assert!(problems[0].1.starts_with("4111: -"), "{problems:?}");
        }
    }
    // a form read before another write carries an old version: refused, named
    let ok = voucher("PT-G", "1111", "5113", 5);
    a.post_voucher(&own, &tk, 2026, version, ok).await.unwrap();
    let stale = a
        .post_voucher(&own, &tk, 2026, version, voucher("PT-H", "1111", "5113", 5))
        .await;
    match stale {
        Err(AppError::Invalid { field, .. }) => assert_eq!(field, "_version"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        a.ledger(&own, &tk, 2026)
            .await
            .unwrap()
            .stored
            .vouchers
            .len(),
        v.stored.vouchers.len() + 1,
        "only the good voucher landed"
    );
}

#[tokio::test]
async fn closing_then_reopening_a_year_gives_it_back_and_needs_a_reason() {
    let (a, _d) = demo().await;
    let own = actor(&a, "htx.tankieu").await;
    let tk = code("HTX-TM-07");
    let closed = a.ledger(&own, &tk, 2025).await.unwrap();
    let closing = closed.stored.closing.clone().unwrap();
    let r = a
        .reopen_ledger_year(&own, &tk, 2025, closed.stored.version, " ")
        .await;
    assert!(matches!(r, Err(AppError::Invalid { .. })), "{r:?}");
    a.reopen_ledger_year(
        &own,
        &tk,
        2025,
        closed.stored.version,
        "Điều chỉnh chi phí khấu hao",
    )
    .await
    .unwrap();
    let open = a.ledger(&own, &tk, 2025).await.unwrap();
    assert!(!open.stored.year.closed && open.stored.closing.is_none());
    assert_eq!(open.stored.vouchers, closed.stored.vouchers);
    let again = a
        .close_ledger_year(&own, &tk, 2025, open.stored.version)
        .await
        .unwrap();
    assert_eq!(again, closing, "the same closing voucher");
    let r = a
        .close_ledger_year(&own, &tk, 2025, open.stored.version + 1)
        .await;
    assert!(
        matches!(r, Err(AppError::Invalid { .. })),
        "already closed: {r:?}"
    );
}

#[tokio::test]
async fn a_typed_figure_that_differs_from_the_closed_books_is_a_review_finding() {
    let (a, _d) = demo().await;
    let admin = actor(&a, "quantri").await;
    let own = actor(&a, "htx.tankieu").await;
    let tk = code("HTX-TM-07");
    let as_of = a.review_date().await.unwrap();
    let from_books = |r: &hoptac_app::checks::CheckReport| -> Vec<(String, String)> {
        (r.figures.iter())
            .filter(|f| f.org == "HTX-TM-07" && f.year == 2025)
            .filter(|f| f.finding.msg.code() == "books.figure_differs")
            .map(|f| (f.finding.field.to_string(), f.finding.value.clone()))
            .collect()
    };
    let before = a.check(&admin, as_of, None).await.unwrap();
    assert_eq!(from_books(&before), [], "the demo's report is its books'");
    // a late sale posted to 2025: the books' revenue and profit move, the typed ones do not
    let v = a.ledger(&own, &tk, 2025).await.unwrap().stored.version;
    a.reopen_ledger_year(&own, &tk, 2025, v, "Bổ sung doanh thu tháng 12")
        .await
        .unwrap();
    let mut late = voucher("PT-BS-01", "1111", "5113", 2_000_000);
    late.date = ymd(2025, 12, 30).unwrap();
    assert!(
        a.post_voucher(&own, &tk, 2025, v + 1, late)
            .await
            .unwrap()
            .is_empty()
    );
    a.close_ledger_year(&own, &tk, 2025, v + 2).await.unwrap();
    let after = a.check(&admin, as_of, None).await.unwrap();
    let found = from_books(&after);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "revenue");
    assert!(
        found[1].1.ends_with(&format!("/ {}", {
            let s = a.statements(&admin, &tk, 2025).await.unwrap();
            hoptac_core::Fixed::ratio(s.results.get("60"), 1_000_000, 6)
                .unwrap()
                .format_vi(6, false)
        })),
        "{found:?}"
    );
}

#[tokio::test]
async fn a_voucher_is_taken_out_with_a_reason_and_never_from_a_closed_year() {
    let (a, _d) = demo().await;
    let own = actor(&a, "htx.tankieu").await;
    let tk = code("HTX-TM-07");
    let v = a.ledger(&own, &tk, 2026).await.unwrap();
    let first = v.stored.vouchers[0].clone();
    let r = a
        .remove_voucher(
            &own,
            &tk,
            2026,
            v.stored.version,
            first.kind,
            &first.number,
            " ",
        )
        .await;
    assert!(
        matches!(r, Err(AppError::Invalid { .. })),
        "a reason is needed: {r:?}"
    );
    a.remove_voucher(
        &own,
        &tk,
        2026,
        v.stored.version,
        first.kind,
        &first.number,
        "Ghi trùng",
    )
    .await
    .unwrap();
    let after = a.ledger(&own, &tk, 2026).await.unwrap();
    assert_eq!(after.stored.vouchers.len(), v.stored.vouchers.len() - 1);
    assert!(!after.stored.vouchers.contains(&first));
    let gone = a
        .remove_voucher(
            &own,
            &tk,
            2026,
            after.stored.version,
            first.kind,
            &first.number,
            "lại",
        )
        .await;
    assert!(matches!(gone, Err(AppError::NotFound { .. })), "{gone:?}");
    let y25 = a.ledger(&own, &tk, 2025).await.unwrap();
    let old = y25.stored.vouchers[0].clone();
    let closed = a
        .remove_voucher(
            &own,
            &tk,
            2025,
            y25.stored.version,
            old.kind,
            &old.number,
            "Sai",
        )
        .await;
    assert!(
        matches!(&closed, Err(AppError::Invalid { field, .. }) if field == "year"),
        "the closed year is named: {closed:?}"
    );
    assert_eq!(
        a.ledger(&own, &tk, 2025)
            .await
            .unwrap()
            .stored
            .vouchers
            .len(),
        y25.stored.vouchers.len()
    );
    let audit = a
        .store()
        .audit(&AuditQuery {
            entity: Some("ledger_years".into()),
            action: Some("delete".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(
        audit[0]
            .after
            .as_deref()
            .unwrap_or_default()
            .contains("Ghi trùng")
    );
}

#[tokio::test]
async fn the_offices_may_not_import_remove_or_reopen_either() {
    let (a, _d) = demo().await;
    let tk = code("HTX-TM-07");
    let admin = actor(&a, "quantri").await;
    let y25 = a.ledger(&admin, &tk, 2025).await.unwrap().stored;
    let y26 = a.ledger(&admin, &tk, 2026).await.unwrap().stored;
    let first = y26.vouchers[0].clone();
    for office in ["xa.tankieu", "canbo", "xem"] {
        let o = actor(&a, office).await;
        let replace = a
            .replace_ledger_year(&o, &tk, 2026, y26.version, vec![], None, vec![])
            .await;
        assert!(
            matches!(replace, Err(AppError::Forbidden)),
            "{office}: {replace:?}"
        );
        let import = a
            .import_ledger(&o, &tk, 2026, y26.version, "chung_tu.csv", b"x".to_vec())
            .await;
        assert!(
            matches!(import, Err(AppError::Forbidden)),
            "{office}: refused before the file is read"
        );
        let remove = a
            .remove_voucher(&o, &tk, 2026, y26.version, first.kind, &first.number, "x")
            .await;
        assert!(
            matches!(remove, Err(AppError::Forbidden)),
            "{office}: {remove:?}"
        );
        let reopen = a.reopen_ledger_year(&o, &tk, 2025, y25.version, "x").await;
        assert!(
            matches!(reopen, Err(AppError::Forbidden)),
            "{office}: {reopen:?}"
        );
    }
    assert_eq!(
        a.ledger(&admin, &tk, 2026).await.unwrap().stored,
        y26,
        "nothing written"
    );
    assert_eq!(a.ledger(&admin, &tk, 2025).await.unwrap().stored, y25);
    let refused = a
        .store()
        .audit(&AuditQuery {
            entity: Some("ledger_years".into()),
            action: Some("refused".into()),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(
        refused.len() >= 12,
        "every refusal is audited: {}",
        refused.len()
    );
}
