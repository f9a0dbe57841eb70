//! Propaganda events and support disbursements: written in the unit of work and read back
//! whole, exact to the đồng; an organisation with disbursements is not archived from under
//! them, and the database itself refuses an amount that is not above zero.

use crate::fixtures::*;
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::model::{Disbursement, Event, UnitId};
use hoptac_core::types::{EventKind, SupportPolicy};
use hoptac_store::{ChangeSet, Store};

fn event(code: &str, reach: Option<i64>) -> Event {
    Event {
        code: code.into(),
        kind: EventKind::Fair,
        title: "Hội chợ nông sản \"Đồng Tháp\"; OCOP".into(),
        held_on: ymd(2024, 11, 20).unwrap(),
        organiser: "Phòng Kinh tế".into(),
        unit: UnitId(1),
        audience: "HTX, THT, người dân".into(),
        reach,
    }
}

fn paid(code: &str, org: &str, amount_vnd: i64) -> Disbursement {
    Disbursement {
        project: None,
        code: code.into(),
        policy: SupportPolicy::Linkage,
        legal_basis: "NĐ 98/2018/NĐ-CP".into(),
        decision: "QĐ 123/QĐ-UBND".into(),
        org: OrgCode::parse(org).unwrap(),
        amount_vnd,
        source: "Ngân sách tỉnh".into(),
        paid_on: ymd(2024, 6, 30).unwrap(),
    }
}

pub async fn support_events_and_disbursements_round_trip_and_guard_the_register(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    // written out of order, read back by code; the largest amount a row takes, to the đồng
    let big = hoptac_core::support::AMOUNT_MAX - 1;
    s.apply(&ChangeSet {
        events: vec![event("E2", None), event("E1", Some(1_250))],
        disbursements: vec![paid("D2", "B2", big), paid("D1", "A1", 150_000_001)],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().support;
    assert_eq!(t.events, vec![event("E1", Some(1_250)), event("E2", None)]);
    assert_eq!(
        t.disbursements,
        vec![paid("D1", "A1", 150_000_001), paid("D2", "B2", big)]
    );
    // upserted on code, taken out by code
    let mut moved = paid("D1", "B2", 7);
    moved.policy = SupportPolicy::Founding;
    s.apply(&ChangeSet {
        disbursements: vec![moved.clone()],
        removed_events: vec!["E2".into()],
        removed_disbursements: vec!["D2".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().support;
    assert_eq!(t.events, vec![event("E1", Some(1_250))]);
    assert_eq!(t.disbursements, vec![moved]);
    // the database refuses what the checks refuse first: no amount of zero or less, no
    // organisation that is not there; and a failing change set writes none of it
    for bad in [paid("D3", "A1", 0), paid("D3", "NOWHERE", 5)] {
        let r = s
            .apply(&ChangeSet {
                events: vec![event("E3", None)],
                disbursements: vec![bad],
                ..Default::default()
            })
            .await;
        assert!(r.is_err(), "{r:?}");
    }
    let t = s.snapshot(None).await.unwrap().support;
    assert_eq!((t.events.len(), t.disbursements.len()), (1, 1));
    // an organisation with a disbursement (and nothing else) is not archived from under it
    let archived = s
        .apply(&ChangeSet {
            archived_orgs: vec![hoptac_store::OrgArchive {
                org: OrgCode::parse("B2").unwrap(),
                at: "2026-12-07 09:15:00".into(),
                actor: "canbo".into(),
                reason: "nhập trùng".into(),
            }],
            ..Default::default()
        })
        .await;
    assert!(
        matches!(archived, Err(hoptac_store::StoreError::Stale { .. })),
        "{archived:?}"
    );
}
