//! Books (sổ kế toán): a fiscal year written whole and read back exactly (sub-accounts,
//! opening balances, vouchers in date order with their lines in order, the closing kept
//! apart), each write at the year's version and audited in the same transaction; a closed
//! year takes no postings; an organisation keeping books is not archived from under them.

use crate::fixtures::*;
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::ledger::voucher::{FiscalYear, Line, Voucher, VoucherKind};
use hoptac_store::{AuditQuery, ChangeSet, LedgerChange, LedgerWrite, Store, StoreError};

fn voucher(kind: VoucherKind, number: &str, day: u8, amount: i64) -> Voucher {
    Voucher {
        kind,
        number: number.into(),
        date: ymd(2025, 3, day).unwrap(),
        description: "Thu tiền dịch vụ bơm tưới \"vụ Đông Xuân\"; đợt 1".into(),
        lines: vec![
            Line {
                account: "1111".into(),
                debit_vnd: amount,
                credit_vnd: 0,
            },
            Line {
                account: "5113".into(),
                debit_vnd: 0,
                credit_vnd: amount - 1,
            },
            Line {
                account: "33311".into(),
                debit_vnd: 0,
                credit_vnd: 1,
            },
        ],
    }
}

fn year(closed: bool) -> FiscalYear {
    FiscalYear {
        year: 2025,
        starts_on: ymd(2025, 1, 1).unwrap(),
        ends_on: ymd(2025, 12, 31).unwrap(),
        closed,
    }
}

fn write(version: i64, change: LedgerChange) -> LedgerWrite {
    LedgerWrite {
        org: OrgCode::parse("A1").unwrap(),
        year: 2025,
        expect_version: version,
        change,
        audit: vec![entry("update", "ledger_years", "A1/2025", Some(2))],
    }
}

pub async fn ledger_years_round_trip_at_their_version_and_a_closed_year_takes_no_postings(
    s: &dyn Store,
) {
    s.apply(&base()).await.unwrap();
    let a1 = OrgCode::parse("A1").unwrap();
    assert_eq!(s.ledger(&a1, 2025).await.unwrap(), None);
    // a year not yet opened takes nothing but its opening
    let early = s
        .write_ledger(&write(
            0,
            LedgerChange::Post(vec![voucher(VoucherKind::Receipt, "PT1", 5, 9)]),
        ))
        .await;
    assert!(matches!(early, Err(StoreError::Stale { .. })), "{early:?}");
    let opening = vec![
        ("1111".to_string(), 9_007_199_254_740_993),
        ("4111".to_string(), -9_007_199_254_740_993),
    ];
    s.write_ledger(&write(
        0,
        LedgerChange::Replace {
            year: year(false),
            sub_accounts: vec![("1311".into(), "Phải thu thành viên".into())],
            opening: opening.clone(),
            vouchers: vec![
                voucher(VoucherKind::Receipt, "PT2", 20, 1_500_000),
                voucher(VoucherKind::Receipt, "PT1", 5, 2_000_000),
            ],
        },
    ))
    .await
    .unwrap();
    let got = s.ledger(&a1, 2025).await.unwrap().unwrap();
    assert_eq!(got.version, 1);
    assert_eq!(got.year, year(false));
    assert_eq!(got.opening, opening);
    assert_eq!(
        got.sub_accounts,
        [("1311".into(), "Phải thu thành viên".into())]
    );
    assert_eq!(
        got.vouchers,
        [
            voucher(VoucherKind::Receipt, "PT1", 5, 2_000_000),
            voucher(VoucherKind::Receipt, "PT2", 20, 1_500_000)
        ],
        "by date, lines in order, every field exact"
    );
    // a write at an old version writes nothing, not even its audit entry
    let stale = s
        .write_ledger(&write(
            0,
            LedgerChange::Post(vec![voucher(VoucherKind::Payment, "PC1", 6, 5)]),
        ))
        .await;
    assert!(matches!(stale, Err(StoreError::Stale { .. })), "{stale:?}");
    s.write_ledger(&write(
        1,
        LedgerChange::Post(vec![voucher(VoucherKind::Payment, "PT1", 6, 7)]),
    ))
    .await
    .unwrap();
    let gone = s
        .write_ledger(&write(
            2,
            LedgerChange::Remove(VoucherKind::Journal, "PT1".into()),
        ))
        .await;
    assert!(
        matches!(gone, Err(StoreError::Stale { .. })),
        "no such voucher: {gone:?}"
    );
    s.write_ledger(&write(
        2,
        LedgerChange::Remove(VoucherKind::Receipt, "PT2".into()),
    ))
    .await
    .unwrap();
    let mut closing = voucher(VoucherKind::Journal, "KC-2025", 31, 100);
    closing.date = ymd(2025, 12, 31).unwrap();
    s.write_ledger(&write(3, LedgerChange::Close(closing.clone())))
        .await
        .unwrap();
    let closed = s.ledger(&a1, 2025).await.unwrap().unwrap();
    assert!(closed.year.closed);
    assert_eq!(closed.closing, Some(closing));
    assert_eq!(
        (closed.vouchers.iter())
            .map(|v| (v.kind, v.number.as_str()))
            .collect::<Vec<_>>(),
        [(VoucherKind::Receipt, "PT1"), (VoucherKind::Payment, "PT1")]
    );
    for refused in [
        LedgerChange::Post(vec![voucher(VoucherKind::Payment, "PC9", 7, 5)]),
        LedgerChange::Remove(VoucherKind::Receipt, "PT1".into()),
        LedgerChange::Replace {
            year: year(false),
            sub_accounts: vec![],
            opening: vec![],
            vouchers: vec![],
        },
    ] {
        let r = s.write_ledger(&write(4, refused)).await;
        assert!(matches!(r, Err(StoreError::Stale { .. })), "closed: {r:?}");
    }
    let rows = s.ledger_years().await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].closed, rows[0].version, rows[0].vouchers),
        (true, 4, 2)
    );
    s.write_ledger(&write(4, LedgerChange::Reopen))
        .await
        .unwrap();
    let reopened = s.ledger(&a1, 2025).await.unwrap().unwrap();
    assert!(!reopened.year.closed && reopened.closing.is_none());
    assert_eq!(reopened.vouchers, closed.vouchers);
    let audited = s
        .audit(&AuditQuery {
            entity: Some("ledger_years".into()),
            limit: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(audited.len(), 5, "one per write that landed");
    // a database constraint backs the one-sided line
    let mut both = voucher(VoucherKind::Journal, "PKT1", 8, 10);
    both.lines[0].credit_vnd = 10;
    assert!(
        s.write_ledger(&write(5, LedgerChange::Post(vec![both])))
            .await
            .is_err()
    );
    assert_eq!(s.ledger(&a1, 2025).await.unwrap().unwrap().version, 5);
    let archived = s
        .apply(&ChangeSet {
            archived_orgs: vec![hoptac_store::OrgArchive {
                org: a1.clone(),
                at: "2026-12-08 09:15:00".into(),
                actor: "canbo".into(),
                reason: "nhập trùng".into(),
            }],
            ..Default::default()
        })
        .await;
    assert!(
        matches!(archived, Err(StoreError::Stale { .. })),
        "{archived:?}"
    );
}
