use super::*;
use crate::date::ymd;
use crate::model::UnitId;
use crate::types::{CourseLevel, OrgKind, Role, Sector};

fn course(starts: Date, ends: Date) -> Course {
    Course {
        code: "TM-2022-01".into(),
        title: "Quản trị hợp tác xã".into(),
        level: CourseLevel::Refresher,
        organiser: "Phòng Nông nghiệp và PTNT".into(),
        unit: UnitId(1),
        starts_on: starts,
        ends_on: ends,
        funding: "Ngân sách huyện".into(),
    }
}

fn org(founded: Date, dissolved: Option<Date>) -> Organization {
    Organization {
        code: OrgCode::parse("HTX-1").unwrap(),
        kind: OrgKind::Htx,
        name: "HTX Một".into(),
        sector: Sector::Agriculture,
        commune: UnitId(2),
        founded_on: founded,
        dissolved_on: dissolved,
        registration_no: None,
    }
}

fn manager(name: &str, from: Option<Date>, to: Option<Date>) -> Manager {
    Manager {
        org: OrgCode::parse("HTX-1").unwrap(),
        full_name: name.into(),
        role: Role::Director,
        qualification: None,
        trained_on: None,
        from,
        to,
    }
}

fn attendee(name: &str, org: Option<&str>) -> Attendee {
    Attendee {
        course: "TM-2022-01".into(),
        full_name: name.into(),
        org: org.map(|o| OrgCode::parse(o).unwrap()),
    }
}

fn fields(p: &Problems) -> Vec<(&'static str, String)> {
    p.iter().map(|(f, v, _)| (*f, v.clone())).collect()
}

fn d(y: i32, m: u8, day: u8) -> Date {
    ymd(y, m, day).unwrap()
}

#[test]
fn a_course_ends_on_or_after_its_start_and_has_a_code_title_and_organiser() {
    assert!(course_problems(&course(d(2022, 3, 1), d(2022, 3, 1))).is_empty());
    let mut c = course(d(2022, 3, 5), d(2022, 3, 1));
    c.code = "TM/1".into();
    c.title = " ".into();
    c.funding = "x".repeat(300);
    assert_eq!(
        fields(&course_problems(&c)),
        vec![
            ("code", "TM/1".into()),
            ("title", String::new()),
            ("funding", "x".repeat(40)),
            ("ends_on", "01/03/2022".into()),
        ]
    );
}

#[test]
fn an_attendee_of_an_organisation_is_one_of_its_people_in_office_then() {
    let c = course(d(2022, 3, 1), d(2022, 3, 3));
    let o = org(d(2015, 1, 1), None);
    let people = [
        manager("Nguyễn Văn Tư", None, None),
        manager("Lê Thị Năm", Some(d(2022, 4, 1)), None),
    ];
    let check =
        |a: &Attendee, o: Option<&Organization>| fields(&attendee_problems(&c, a, o, &people));
    // by name, without diacritics or case
    assert!(check(&attendee("nguyen van tu", Some("HTX-1")), Some(&o)).is_empty());
    // a named person of no organisation
    assert!(check(&attendee("Trần Văn Sáu", None), None).is_empty());
    // not one of its people, or not yet in office
    assert_eq!(
        check(&attendee("Trần Văn Sáu", Some("HTX-1")), Some(&o)),
        vec![("full_name", "Trần Văn Sáu".into())]
    );
    assert_eq!(
        check(&attendee("Lê Thị Năm", Some("HTX-1")), Some(&o)),
        vec![("full_name", "Lê Thị Năm".into())]
    );
    // an organisation not stored, or not alive during the course
    assert_eq!(
        check(&attendee("Nguyễn Văn Tư", Some("HTX-9")), None),
        vec![("org_code", "HTX-9".into())]
    );
    let gone = org(d(2015, 1, 1), Some(d(2022, 2, 1)));
    assert_eq!(
        check(&attendee("Nguyễn Văn Tư", Some("HTX-1")), Some(&gone)),
        vec![("org_code", "HTX-1".into())]
    );
    assert_eq!(
        check(&attendee("", None), None),
        vec![("full_name", String::new())]
    );
}

#[test]
fn a_persons_last_course_is_read_from_the_attendance() {
    let mut t = TrainingRecords {
        courses: vec![course(d(2021, 3, 1), d(2021, 3, 3)), {
            let mut c = course(d(2023, 5, 1), d(2023, 5, 2));
            c.code = "TM-2023-01".into();
            c
        }],
        attendees: vec![attendee("Nguyễn Văn Tư", Some("HTX-1")), {
            let mut a = attendee("NGUYEN VAN TU", Some("HTX-1"));
            a.course = "TM-2023-01".into();
            a
        }],
    };
    t.attendees.sort_by(|a, b| a.course.cmp(&b.course));
    let by = attendance_by_person(&t);
    let m = manager("Nguyễn Văn Tư", None, None);
    assert_eq!(last_course(&by, &m, d(2025, 1, 1)), Some(d(2023, 5, 2)));
    assert_eq!(last_course(&by, &m, d(2022, 12, 31)), Some(d(2021, 3, 3)));
    assert_eq!(last_course(&by, &m, d(2020, 12, 31)), None);
    assert_eq!(t.attendees_of("TM-2023-01").len(), 1);
    assert_eq!(t.course("TM-2023-01").unwrap().ends_on, d(2023, 5, 2));
}
