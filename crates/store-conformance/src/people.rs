//! Accounts, sessions and the audit trail.

use crate::fixtures::*;
use hoptac_core::model::UnitId;
use hoptac_store::{AuditQuery, SessionRow, Store};

/// Accounts keep their password hash unless a new one is given; sessions end one by one or
/// all at once for an account.
pub async fn accounts_and_sessions(s: &dyn Store) {
    use hoptac_core::auth::{Account, Role, Scope};
    s.apply(&base()).await.unwrap();
    let a = Account {
        username: "xa.tankieu".into(),
        display_name: "Cán bộ xã".into(),
        role: Role::Commune,
        scope: Scope::Unit(UnitId(2)),
        must_change_password: true,
        disabled: false,
    };
    assert!(s.account("xa.tankieu").await.unwrap().is_none());
    s.save_account(
        &a,
        Some("hash1"),
        &entry("create", "accounts", "xa.tankieu", Some(2)),
    )
    .await
    .unwrap();
    let got = s.account("xa.tankieu").await.unwrap().unwrap();
    assert_eq!(got.account, a);
    assert_eq!(got.password_hash, "hash1");
    let mut b = a.clone();
    b.must_change_password = false;
    s.save_account(
        &b,
        None,
        &entry("update", "accounts", "xa.tankieu", Some(2)),
    )
    .await
    .unwrap();
    let got = s.account("xa.tankieu").await.unwrap().unwrap();
    assert_eq!(
        (got.password_hash.as_str(), got.account.must_change_password),
        ("hash1", false)
    );
    assert_eq!(s.accounts().await.unwrap(), vec![b]);
    assert_eq!(
        s.audit(&AuditQuery {
            entity: Some("accounts".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap()
        .len(),
        2,
        "each account write has its audit entry"
    );
    let row = |csrf: &str| SessionRow {
        username: "xa.tankieu".into(),
        csrf: csrf.into(),
        expires_at: 4_000_000_000,
    };
    s.create_session("t1", &row("c1")).await.unwrap();
    s.create_session("t2", &row("c2")).await.unwrap();
    assert_eq!(s.session("t1").await.unwrap().unwrap().csrf, "c1");
    s.delete_session("t1").await.unwrap();
    assert!(s.session("t1").await.unwrap().is_none());
    assert!(s.session("t2").await.unwrap().is_some());
    s.delete_sessions_of("xa.tankieu").await.unwrap();
    assert!(s.session("t2").await.unwrap().is_none());
}

/// The audit trail answers by entity, key, actor, action and units, newest first, within its
/// limit.
pub async fn audit_is_queried_by_what_and_where(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    for (i, (action, key, unit)) in [
        ("create", "A1", Some(2)),
        ("update", "A1", Some(2)),
        ("create", "B2", Some(3)),
        ("login", "canbo", None),
    ]
    .into_iter()
    .enumerate()
    {
        let mut e = entry(
            action,
            if action == "login" {
                "accounts"
            } else {
                "organizations"
            },
            key,
            unit,
        );
        e.at = format!("2026-12-03 09:00:0{i}");
        s.append_audit(&e).await.unwrap();
    }
    let q = |f: fn(&mut AuditQuery)| {
        let mut q = AuditQuery {
            limit: 100,
            ..Default::default()
        };
        f(&mut q);
        q
    };
    let all = s.audit(&q(|_| {})).await.unwrap();
    assert_eq!(all.len(), 4);
    assert!(all.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    assert_eq!(
        s.audit(&q(|q| q.key = Some("A1".into())))
            .await
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        s.audit(&q(|q| q.action = Some("login".into())))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        s.audit(&q(|q| q.units = Some(vec![UnitId(3)])))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(s.audit(&q(|q| q.limit = 2)).await.unwrap().len(), 2);
    // a page after another: older than the last row shown, none twice, none left out
    let first = s.audit(&q(|q| q.limit = 2)).await.unwrap();
    let mut next = AuditQuery {
        limit: 2,
        before_id: Some(first[1].id),
        ..Default::default()
    };
    let second = s.audit(&next).await.unwrap();
    let ids: Vec<i64> = first.iter().chain(&second).map(|e| e.id).collect();
    assert_eq!(ids, all.iter().map(|e| e.id).collect::<Vec<_>>());
    next.before_id = Some(second[1].id);
    assert!(s.audit(&next).await.unwrap().is_empty());
    // also on the organisation page's path (entity and key) and for a scoped reader
    let a1 = |before_id| AuditQuery {
        entity: Some("organizations".into()),
        key: Some("A1".into()),
        limit: 100,
        before_id,
        ..Default::default()
    };
    let both = s.audit(&a1(None)).await.unwrap();
    assert_eq!(both.len(), 2);
    let older = s.audit(&a1(Some(both[0].id))).await.unwrap();
    assert_eq!(
        older.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![both[1].id]
    );
    let scoped = |before_id| AuditQuery {
        units: Some(vec![UnitId(2), UnitId(3)]),
        limit: 1,
        before_id,
        ..Default::default()
    };
    let newest = s.audit(&scoped(None)).await.unwrap();
    let then = s.audit(&scoped(Some(newest[0].id))).await.unwrap();
    assert_eq!(then.len(), 1);
    assert!(then[0].id < newest[0].id && then[0].unit.is_some());
    assert_eq!(
        s.last_change("organizations", "A1")
            .await
            .unwrap()
            .unwrap()
            .action,
        "update"
    );
}
