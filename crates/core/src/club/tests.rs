use super::*;
use crate::date::Date;
use crate::date::ymd;
use crate::model::UnitId;
use crate::types::{MeetingTopic, OrgCode, Sector};

fn org(code: &str, kind: OrgKind, founded: Date, dissolved: Option<Date>) -> Organization {
    Organization {
        code: OrgCode::parse(code).unwrap(),
        kind,
        name: format!("{code} name"),
        sector: Sector::Agriculture,
        commune: UnitId(1),
        founded_on: founded,
        dissolved_on: dissolved,
        registration_no: None,
    }
}

fn meeting(on: Date) -> Meeting {
    Meeting {
        org: OrgCode::parse("HQ-1").unwrap(),
        held_on: on,
        topic: MeetingTopic::Technique,
        attendance: Some(32),
        officials: vec![],
        outcome: String::new(),
    }
}

fn fields(p: &[(&'static str, String, Msg)]) -> Vec<(&'static str, String)> {
    p.iter().map(|(f, v, _)| (*f, v.clone())).collect()
}

#[test]
fn a_meeting_lies_within_the_clubs_life() {
    let club = org(
        "HQ-1",
        OrgKind::HoiQuan,
        ymd(2018, 3, 10).unwrap(),
        ymd(2024, 6, 30),
    );
    assert!(meeting_problems(&club, &meeting(ymd(2018, 3, 10).unwrap())).is_empty());
    assert_eq!(
        fields(&meeting_problems(&club, &meeting(ymd(2018, 3, 9).unwrap()))),
        vec![("held_on", "09/03/2018".to_string())]
    );
    let p = meeting_problems(&club, &meeting(ymd(2024, 6, 30).unwrap()));
    assert_eq!(fields(&p), vec![("held_on", "30/06/2024".to_string())]);
    assert!(
        p[0].2.get("vi").contains("30/06/2024"),
        "{}",
        p[0].2.get("vi")
    );
}

#[test]
fn only_a_club_meets_and_every_problem_is_said_at_once() {
    let htx = org("HQ-1", OrgKind::Htx, ymd(2018, 1, 1).unwrap(), None);
    let mut m = meeting(ymd(2017, 1, 1).unwrap());
    m.attendance = Some(-3);
    m.officials = vec![Official {
        name: " ".into(),
        office: "UBND xã".into(),
        level: OfficialLevel::Commune,
    }];
    let got: Vec<&str> = meeting_problems(&htx, &m).iter().map(|p| p.0).collect();
    assert_eq!(got, vec!["org", "held_on", "attendance", "officials"]);
}

#[test]
fn officials_are_read_from_one_cell_and_written_back_the_same() {
    let cell = "Nguyễn Văn Bình | Phòng Kinh tế | commune\nTrần Thị Lan | Sở Nông nghiệp và Môi trường | province; Lê Hữu Phước";
    let got = parse_officials(cell).unwrap();
    assert_eq!(got.len(), 3);
    assert_eq!(got[1].level, OfficialLevel::Province);
    assert_eq!(got[2].office, "");
    assert_eq!(
        got[2].level,
        OfficialLevel::Commune,
        "the commune when not said"
    );
    assert_eq!(parse_officials(&officials_text(&got)).unwrap(), got);
    assert!(parse_officials("").unwrap().is_empty());
    let (value, msg) = parse_officials("A | UBND | thôn").unwrap_err();
    assert_eq!(value, "thôn");
    assert!(msg.get("vi").contains("province"), "{}", msg.get("vi"));
    let many = vec!["A"; OFFICIALS_MAX + 1].join(";");
    assert!(parse_officials(&many).is_err());
}

#[test]
fn an_origin_is_an_older_organisation_of_the_standing_below() {
    let club = org("HQ-1", OrgKind::HoiQuan, ymd(2017, 5, 1).unwrap(), None);
    let htx = org("HTX-1", OrgKind::Htx, ymd(2021, 2, 4).unwrap(), None);
    assert!(origin_problems(&htx, &club, Some(40)).is_empty());
    let early = org("HTX-2", OrgKind::Htx, ymd(2016, 1, 1).unwrap(), None);
    assert_eq!(
        fields(&origin_problems(&early, &club, None)),
        vec![("founded_from", "HQ-1".to_string())]
    );
    // a club is not founded from a cooperative, nor anything from itself
    let p: Vec<&str> = origin_problems(&club, &htx, None)
        .iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(p, vec!["founded_from", "founded_from"]);
    assert_eq!(origin_problems(&htx, &htx, None).len(), 2);
    assert_eq!(
        fields(&origin_problems(&htx, &club, Some(-1))),
        vec![("founding_members", "-1".to_string())]
    );
}

#[test]
fn a_profile_keeps_its_numbers_plausible() {
    let mut p = ClubProfile {
        org: OrgCode::parse("HQ-1").unwrap(),
        sequence_no: Some(105),
        trade: "Lúa".into(),
        meetings_per_year: Some(12),
    };
    assert!(profile_problems(&p).is_empty());
    p.sequence_no = Some(0);
    p.meetings_per_year = Some(400);
    p.trade = "x".repeat(NAME_MAX + 1);
    assert_eq!(
        profile_problems(&p)
            .iter()
            .map(|(f, _, _)| *f)
            .collect::<Vec<_>>(),
        ["sequence_no", "meetings_per_year", "trade"]
    );
}
