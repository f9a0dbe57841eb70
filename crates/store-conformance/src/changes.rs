//! What guards a write: the generation, row versions, concurrent writers.

use crate::fixtures::*;
use hoptac_core::OrgCode;
use hoptac_store::{ChangeSet, Store, StoreError};

/// Every committed change set moves the generation; a writer that read an older one is
/// refused with nothing written, and so is one that edits a row changed after it read it.
pub async fn generation_and_row_versions_guard_every_write(s: &dyn Store) {
    let g0 = s.generation().await.unwrap();
    let mut c = base();
    c.audit = vec![entry("create", "organizations", "A1", Some(2))];
    s.apply(&c).await.unwrap();
    let g1 = s.generation().await.unwrap();
    assert!(g1 > g0, "a commit moves the generation");
    let stale = ChangeSet {
        meta: vec![("x".into(), "1".into())],
        expect_generation: Some(g0),
        ..Default::default()
    };
    assert!(matches!(
        s.apply(&stale).await,
        Err(StoreError::Conflict { .. })
    ));
    assert_eq!(
        s.meta("x").await.unwrap(),
        None,
        "nothing of a refused change set"
    );
    assert_eq!(s.generation().await.unwrap(), g1);
    // the row's version is the id of its last recorded change
    let last = s.last_change("organizations", "A1").await.unwrap().unwrap();
    assert_eq!(last.action, "create");
    let mut edit = ChangeSet {
        orgs: vec![org("A1", "Tên mới", 2)],
        expect_versions: vec![("organizations".into(), "A1".into(), last.id)],
        audit: vec![entry("update", "organizations", "A1", Some(2))],
        ..Default::default()
    };
    s.apply(&edit).await.unwrap();
    // the same form sent again carries a version that is no longer the row's
    edit.orgs[0].name = "Tên khác".into();
    assert!(matches!(
        s.apply(&edit).await,
        Err(StoreError::Stale { .. })
    ));
    let now = s
        .org(&OrgCode::parse("A1").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.name, "Tên mới", "the second edit overwrote nothing");
    // a row never changed has version 0
    let fresh = ChangeSet {
        meta: vec![("y".into(), "1".into())],
        expect_versions: vec![("organizations".into(), "B2".into(), 0)],
        ..Default::default()
    };
    s.apply(&fresh).await.unwrap();
}

/// Two writers that read the same generation: exactly one commits.
pub async fn concurrent_writers_one_wins(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let g = s.generation().await.unwrap();
    let write = |v: &'static str| ChangeSet {
        meta: vec![("winner".into(), v.into())],
        expect_generation: Some(g),
        ..Default::default()
    };
    let (a, b) = (write("a"), write("b"));
    let (ra, rb) = tokio::join!(s.apply(&a), s.apply(&b));
    assert!(
        ra.is_ok() != rb.is_ok(),
        "one commits, one is refused: {ra:?} {rb:?}"
    );
    let winner = s.meta("winner").await.unwrap().unwrap();
    assert_eq!(winner, if ra.is_ok() { "a" } else { "b" });
}
