//! Review cases, reporting locks and backups.

use crate::fixtures::*;
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::model::UnitId;
use hoptac_store::{AuditQuery, CaseAction, ChangeSet, ReportingLock, Store};

/// Cases open and close in one transaction with their audit; actions are kept in order.
pub async fn cases_open_act_and_close(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let a1 = OrgCode::parse("A1").unwrap();
    s.sync_cases(
        &[(
            "no_report".into(),
            a1.clone(),
            ymd(2025, 1, 1).unwrap(),
            "2 năm không báo cáo".into(),
        )],
        &[],
        "2026-12-03 09:00:00",
        &[entry("review", "cases", "A1", Some(2))],
    )
    .await
    .unwrap();
    let cases = s.cases().await.unwrap();
    assert_eq!(cases.len(), 1);
    let id = cases[0].id;
    assert!(cases[0].closed_at.is_none());
    let act = CaseAction {
        at: "2026-12-03 10:00:00".into(),
        actor: "canbo".into(),
        action: "note".into(),
        note: "Đã gọi điện".into(),
        on_date: ymd(2026, 12, 3),
    };
    s.add_case_action(id, &act, None, &ChangeSet::default())
        .await
        .unwrap();
    s.sync_cases(
        &[],
        &[(id, "đã báo cáo".into())],
        "2026-12-04 09:00:00",
        &[],
    )
    .await
    .unwrap();
    let c = &s.cases().await.unwrap()[0];
    assert_eq!(c.actions, vec![act]);
    assert_eq!(c.closed_reason.as_deref(), Some("đã báo cáo"));
    assert!(
        s.audit(&AuditQuery {
            entity: Some("cases".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap()
        .len()
            == 1
    );
}

/// A closed case is reopened with its action and the changes it takes back (a dissolution
/// undone), in one transaction; a stale change leaves the case closed.
pub async fn a_closed_case_is_reopened_with_its_changes(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let a1 = OrgCode::parse("A1").unwrap();
    s.sync_cases(
        &[(
            "no_report".into(),
            a1.clone(),
            ymd(2025, 1, 1).unwrap(),
            "x".into(),
        )],
        &[],
        "2026-12-03 09:00:00",
        &[],
    )
    .await
    .unwrap();
    let id = s.cases().await.unwrap()[0].id;
    let act = |action: &str, at: &str| CaseAction {
        at: at.into(),
        actor: "canbo".into(),
        action: action.into(),
        note: "ghi nhầm".into(),
        on_date: None,
    };
    s.add_case_action(
        id,
        &act("accepted", "2026-12-03 10:00:00"),
        Some("đã giải trình"),
        &ChangeSet::default(),
    )
    .await
    .unwrap();
    assert!(s.cases().await.unwrap()[0].closed_at.is_some());
    // a change checked against a version that is not the row's: nothing moves
    let stale = ChangeSet {
        expect_versions: vec![("organizations".into(), "A1".into(), 987_654)],
        ..Default::default()
    };
    assert!(
        s.reopen_case(id, &act("reopened", "2026-12-03 11:00:00"), &stale)
            .await
            .is_err()
    );
    let c = &s.cases().await.unwrap()[0];
    assert!(
        c.closed_at.is_some() && c.actions.len() == 1,
        "a failed reopening writes nothing"
    );
    let mut org = s.org(&a1).await.unwrap().unwrap();
    org.dissolved_on = None;
    let undo = ChangeSet {
        orgs: vec![org],
        audit: vec![entry("reopened", "cases", &id.to_string(), Some(2))],
        ..Default::default()
    };
    s.reopen_case(id, &act("reopened", "2026-12-03 12:00:00"), &undo)
        .await
        .unwrap();
    let c = &s.cases().await.unwrap()[0];
    assert!(c.closed_at.is_none() && c.closed_reason.is_none());
    assert_eq!(
        c.actions
            .iter()
            .map(|a| a.action.as_str())
            .collect::<Vec<_>>(),
        ["accepted", "reopened"]
    );
}

/// Closing and reopening a reporting year is a history, oldest first.
pub async fn reporting_locks_are_a_history(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let lock = |closed: bool, at: &str| ReportingLock {
        id: 0,
        year: 2025,
        unit: Some(UnitId(1)),
        closed,
        reason: if closed {
            "hết hạn".into()
        } else {
            "sửa số liệu".into()
        },
        actor: "canbo".into(),
        at: at.into(),
    };
    s.add_reporting_lock(
        &lock(true, "2026-02-01 08:00:00"),
        &entry("close", "reporting_locks", "2025", Some(1)),
    )
    .await
    .unwrap();
    s.add_reporting_lock(
        &lock(false, "2026-02-02 08:00:00"),
        &entry("reopen", "reporting_locks", "2025", Some(1)),
    )
    .await
    .unwrap();
    let got = s.reporting_locks().await.unwrap();
    assert_eq!(
        got.iter().map(|l| l.closed).collect::<Vec<_>>(),
        vec![true, false]
    );
    assert_eq!(got[1].reason, "sửa số liệu");
}

/// A consistent copy can be taken while the store is in use, and is a database of its own.
/// A backend that cannot copy itself to a file says so, naming the tools that do, and
/// writes nothing.
pub async fn backup_is_refused_with_advice(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let path = std::env::temp_dir().join(format!("hoptac-refused-{}.db", std::process::id()));
    let e = s.backup(&path).await.unwrap_err();
    assert!(
        matches!(e, hoptac_store::StoreError::Unsupported(_)),
        "{e:?}"
    );
    assert!(e.to_string().contains("pg_dump"), "{e}");
    assert!(!path.exists(), "nothing is written");
}

pub async fn backup_copies_everything(s: &dyn Store, dir: &std::path::Path) {
    s.apply(&base()).await.unwrap();
    let path = dir.join("copy.db");
    s.backup(&path).await.unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 0);
    assert!(
        s.backup(&path).await.is_err(),
        "an existing file is never overwritten"
    );
}
