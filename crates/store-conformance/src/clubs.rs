//! Hội quán records: profiles, meetings with their officials and origins, written in the unit
//! of work and read back whole in the snapshot.

use crate::fixtures::*;
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::model::{ClubProfile, Meeting, Official, OrgOrigin};
use hoptac_core::types::*;
use hoptac_store::{ChangeSet, Store};

fn club() -> hoptac_core::model::Organization {
    let mut o = org("HQ-1", "Hội quán Tân Kiều", 2);
    o.kind = OrgKind::HoiQuan;
    o.founded_on = ymd(2017, 3, 10).unwrap();
    o
}

fn meeting(on: hoptac_core::Date, officials: Vec<Official>) -> Meeting {
    Meeting {
        org: OrgCode::parse("HQ-1").unwrap(),
        held_on: on,
        topic: MeetingTopic::Market,
        attendance: Some(41),
        officials,
        outcome: "Thống nhất giá bán lúa; \"liên kết\" với doanh nghiệp".into(),
    }
}

pub async fn club_meetings_and_origins_round_trip_and_guard_the_register(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let hq = OrgCode::parse("HQ-1").unwrap();
    let a1 = OrgCode::parse("A1").unwrap();
    let officials = vec![
        Official {
            name: "Trần Văn Bình".into(),
            office: "Phòng NN-PTNT".into(),
            level: OfficialLevel::District,
        },
        Official {
            name: "Lê Thị Ánh".into(),
            office: "".into(),
            level: OfficialLevel::Commune,
        },
    ];
    let profile = ClubProfile {
        org: hq.clone(),
        sequence_no: Some(105),
        trade: "Lúa".into(),
        meetings_per_year: Some(12),
    };
    let (d1, d2) = (ymd(2024, 3, 5).unwrap(), ymd(2024, 4, 5).unwrap());
    // the club's row and its records in one change set: the organisation first
    let mut a1_row = base().orgs[0].clone();
    a1_row.founded_on = ymd(2021, 6, 1).unwrap();
    s.apply(&ChangeSet {
        orgs: vec![club(), a1_row],
        club_profiles: vec![profile.clone()],
        meetings: vec![meeting(d2, vec![]), meeting(d1, officials.clone())],
        origins: vec![OrgOrigin {
            org: a1.clone(),
            from: hq.clone(),
            from_kind: OrgKind::Htx, // not written: read from the older row
            founding_members: Some(9),
        }],
        ..Default::default()
    })
    .await
    .unwrap();
    let snap = s.snapshot(None).await.unwrap();
    let c = &snap.clubs;
    assert_eq!(c.profiles, vec![profile.clone()]);
    assert_eq!(
        c.meetings,
        vec![meeting(d1, officials.clone()), meeting(d2, vec![])],
        "by club then date, officials in their order"
    );
    assert_eq!(
        c.origins,
        vec![OrgOrigin {
            org: a1.clone(),
            from: hq.clone(),
            from_kind: OrgKind::HoiQuan,
            founding_members: Some(9),
        }]
    );
    // an upsert replaces a meeting's officials whole; a removal takes it out with them
    let mut edited = meeting(d1, vec![officials[1].clone()]);
    edited.attendance = None;
    s.apply(&ChangeSet {
        meetings: vec![edited.clone()],
        removed_meetings: vec![(hq.clone(), d2)],
        club_profiles: vec![ClubProfile {
            meetings_per_year: None,
            ..profile.clone()
        }],
        ..Default::default()
    })
    .await
    .unwrap();
    let c = s.snapshot(None).await.unwrap().clubs;
    assert_eq!(c.meetings, vec![edited.clone()]);
    assert_eq!(c.profiles[0].meetings_per_year, None);
    // a change set that fails writes none of its club records
    let bad = s
        .apply(&ChangeSet {
            meetings: vec![meeting(ymd(2024, 5, 5).unwrap(), vec![])],
            origins: vec![OrgOrigin {
                org: a1.clone(),
                from: OrgCode::parse("NOWHERE").unwrap(),
                from_kind: OrgKind::HoiQuan,
                founding_members: None,
            }],
            ..Default::default()
        })
        .await;
    assert!(bad.is_err(), "an origin from no organisation is refused");
    assert_eq!(s.snapshot(None).await.unwrap().clubs.meetings, vec![edited]);
    // a club with records is not archived from under them
    let archived = s
        .apply(&ChangeSet {
            archived_orgs: vec![hoptac_store::OrgArchive {
                org: hq.clone(),
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
    // the origin goes with its removal; the kind read follows the older row
    s.apply(&ChangeSet {
        removed_origins: vec![(a1.clone(), hq.clone())],
        ..Default::default()
    })
    .await
    .unwrap();
    assert!(s.snapshot(None).await.unwrap().clubs.origins.is_empty());
}
