//! The training sheets through the import: a course ending before it starts, an attendee
//! who is not a person of the organisation named, an unknown course — each named with its
//! column and value, nothing written; a good file applied once and counted.

use crate::{app, csv, sys};
use hoptac_core::Fixed;

const ORGS: &str = "code,kind,name,sector,commune,founded_on,dissolved_on\n\
H1,HTX,HTX Tân Kiều,agriculture,30049,2015-03-01,\n\
H2,HTX,HTX Mỹ Quý,agriculture,Mỹ Quý,2016-05-01,2020-01-01\n";
const MANAGERS: &str = "org_code,full_name,role,from\n\
H1,Nguyễn Văn Tư,director,2015-03-01\n\
H1,Lê Thị Năm,accountant,2023-01-01\n\
H2,Trần Văn Sáu,director,2016-05-01\n";
const COURSES_HEAD: &str = "code,title,level,organiser,unit,starts_on,ends_on,funding\n";

fn errors(o: &hoptac_app::ImportOutcome) -> Vec<(String, String, String)> {
    (o.problems.iter())
        .filter(|p| p.is_error())
        .map(|p| {
            (
                p.key.unwrap_or_default().to_string(),
                p.value.clone(),
                p.msg.en(),
            )
        })
        .collect()
}

#[tokio::test]
async fn every_bad_course_and_attendee_row_is_named_and_nothing_is_written() {
    let (app, _d) = app().await;
    let courses = format!(
        "{COURSES_HEAD}\
K1,Quản trị HTX,refresher,Phòng NN-PTNT,872,2022-03-05,2022-03-01,Ngân sách huyện\n\
K2,Kế toán HTX,workshop,Phòng NN-PTNT,872,2022-04-01,2022-04-02,\n\
K3,Kế toán HTX,lecture,Phòng NN-PTNT,872,2022-04-01,2022-04-02,\n\
K4,Kế toán HTX,workshop,Phòng NN-PTNT,99999,2022-04-01,2022-04-02,\n"
    );
    let attendance = "course_code,full_name,org_code\n\
K2,Nguyễn Văn Tư,H1\n\
K2,Lê Thị Năm,H1\n\
K2,Trần Văn Sáu,H2\n\
K2,Người Lạ,ZZ\n\
K9,Nguyễn Văn Tư,H1\n\
K2,nguyen van tu,H1\n";
    let before = app.store().counts().await.unwrap();
    let o = app
        .import_book(
            &sys(),
            &csv(&[
                ("organizations", ORGS),
                ("managers", MANAGERS),
                ("training_courses", &courses),
                ("training_attendance", attendance),
            ]),
            true,
        )
        .await
        .unwrap();
    assert!(!o.applied);
    let p = errors(&o);
    let has = |key: &str, value: &str, words: &str| {
        assert!(
            p.iter()
                .any(|(k, v, m)| k == key && v == value && m.contains(words)),
            "{key} {value} {words}: {p:#?}"
        );
    };
    has("ends_on", "01/03/2022", "before the start");
    has("level", "lecture", "lecture");
    has("unit", "99999", "99999");
    // Năm joined in 2023, after the course; H2 was dissolved before it
    has(
        "full_name",
        "Lê Thị Năm",
        "not a manager or staff member of H1",
    );
    has("org_code", "H2", "not active");
    has("org_code", "ZZ", "No organisation");
    has("course_code", "K9", "No course");
    // the same person twice on one course, spelt two ways
    assert!(
        p.iter()
            .any(|(_, v, m)| v.contains("nguyen van tu") && m.contains("row")),
        "{p:#?}"
    );
    assert_eq!(p.len(), 8, "{p:#?}");
    assert_eq!(
        app.store().counts().await.unwrap(),
        before,
        "nothing written"
    );
    assert!(app.snapshot().await.unwrap().training.courses.is_empty());
}

#[tokio::test]
async fn a_training_workbook_is_applied_once_counted_and_its_dates_guard_the_list() {
    let (app, _d) = app().await;
    let courses = format!(
        "{COURSES_HEAD}K2,Kế toán HTX,workshop,Phòng NN-PTNT,872,2023-04-01,2023-04-02,Ngân sách huyện\n"
    );
    let attendance =
        "course_code,full_name,org_code\nK2,Nguyễn Văn Tư,H1\nK2,Lê Thị Năm,H1\nK2,Võ Văn Bảy,\n";
    let book = csv(&[
        ("organizations", ORGS),
        ("managers", MANAGERS),
        ("training_courses", &courses),
        ("training_attendance", attendance),
    ]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let new = |t: &str| o.summary.iter().find(|s| s.table == t).unwrap().new;
    assert_eq!(
        (new("training_courses"), new("training_attendance")),
        (1, 3)
    );
    let again = app.import_book(&sys(), &book, true).await.unwrap();
    assert_eq!(again.changes(), 0, "{:#?}", again.summary);
    // a second file adds a person and keeps the three
    let more = csv(&[(
        "training_attendance",
        "course_code,full_name,org_code\nK2,Đặng Thị Tám,\n",
    )]);
    assert!(app.import_book(&sys(), &more, true).await.unwrap().applied);
    let snap = app.snapshot().await.unwrap();
    assert_eq!(snap.training.attendees_of("K2").len(), 4);
    let s = app.stats(&sys(), 2023, 2023, None).await.unwrap();
    let ind = |id: &str| s.indicators.iter().find(|i| i.id == id).unwrap().value;
    assert_eq!(ind("training.courses"), Some(Fixed::from_int(1)));
    assert_eq!(ind("training.trainees"), Some(Fixed::from_int(2)));
    // H1's two people both attended: 100 %
    assert_eq!(
        ind("training.managers_trained_pct"),
        Some(Fixed::from_int(100))
    );
    // moved back to 2022, Năm (from 2023) would no longer have been H1's: refused
    let earlier = csv(&[(
        "training_courses",
        &format!(
            "{COURSES_HEAD}K2,Kế toán HTX,workshop,Phòng NN-PTNT,872,2022-04-01,2022-04-02,\n"
        ),
    )]);
    let o = app.import_book(&sys(), &earlier, true).await.unwrap();
    assert!(!o.applied);
    assert!(
        errors(&o)
            .iter()
            .any(|(k, _, m)| k == "starts_on" && m.contains("Lê Thị Năm")),
        "{:#?}",
        errors(&o)
    );
}
