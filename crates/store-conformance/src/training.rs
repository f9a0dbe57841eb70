//! Training records: courses and their attendees, written in the unit of work and read back
//! whole in the snapshot; an organisation with attendees is not archived from under them.

use crate::fixtures::*;
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::model::{Attendee, Course, UnitId};
use hoptac_core::types::CourseLevel;
use hoptac_store::{ChangeSet, Store};

fn course(code: &str) -> Course {
    Course {
        code: code.into(),
        title: "Quản trị HTX theo Luật HTX 2023".into(),
        level: CourseLevel::Refresher,
        organiser: "Phòng NN-PTNT; \"Liên minh HTX\"".into(),
        unit: UnitId(1),
        starts_on: ymd(2024, 3, 5).unwrap(),
        ends_on: ymd(2024, 3, 7).unwrap(),
        funding: "Ngân sách huyện".into(),
    }
}

fn attendee(course: &str, name: &str, org: Option<&str>) -> Attendee {
    Attendee {
        course: course.into(),
        full_name: name.into(),
        org: org.map(|o| OrgCode::parse(o).unwrap()),
    }
}

pub async fn training_courses_and_attendees_round_trip_and_guard_the_register(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    // written out of order: read back by code, each list in the order it was written
    let list = vec![
        attendee("K2", "Nguyễn Văn Đức", Some("A1")),
        attendee("K2", "Võ Thị Bảy", None),
        attendee("K2", "Trần Thị Chín", Some("B2")),
    ];
    s.apply(&ChangeSet {
        courses: vec![course("K2"), course("K1")],
        course_attendees: vec![
            ("K2".into(), list.clone()),
            ("K1".into(), vec![attendee("K1", "Lê Văn Ba", None)]),
        ],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().training;
    assert_eq!(t.courses, vec![course("K1"), course("K2")]);
    assert_eq!(t.attendees_of("K2"), &list[..]);
    assert_eq!(t.attendees.len(), 4);
    // a list is replaced whole; a course taken out takes its attendees with it
    let mut edited = course("K2");
    edited.ends_on = ymd(2024, 3, 8).unwrap();
    s.apply(&ChangeSet {
        courses: vec![edited.clone()],
        course_attendees: vec![("K2".into(), vec![list[0].clone(), list[2].clone()])],
        removed_courses: vec!["K1".into()],
        ..Default::default()
    })
    .await
    .unwrap();
    let t = s.snapshot(None).await.unwrap().training;
    assert_eq!(t.courses, vec![edited]);
    assert_eq!(t.attendees, vec![list[0].clone(), list[2].clone()]);
    // a change set that fails writes none of its training records
    let bad = s
        .apply(&ChangeSet {
            courses: vec![course("K3")],
            course_attendees: vec![("K3".into(), vec![attendee("K3", "X", Some("NOWHERE"))])],
            ..Default::default()
        })
        .await;
    assert!(bad.is_err(), "an attendee of no organisation is refused");
    assert_eq!(s.snapshot(None).await.unwrap().training.courses.len(), 1);
    // an organisation with attendees (and nothing else) is not archived from under them
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
