use super::*;
use crate::date::ymd;
use crate::model::UnitId;
use crate::types::{EventKind, OrgKind, Sector, SupportPolicy};
use crate::{Date, OrgCode};

fn d(y: i32, m: u8, day: u8) -> Date {
    ymd(y, m, day).unwrap()
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

fn paid(on: Date, amount: i64) -> Disbursement {
    Disbursement {
        project: None,
        code: "HT-2023-01".into(),
        policy: SupportPolicy::Founding,
        legal_basis: "NĐ 113/2024/NĐ-CP".into(),
        decision: String::new(),
        org: OrgCode::parse("HTX-1").unwrap(),
        amount_vnd: amount,
        source: "Ngân sách tỉnh".into(),
        paid_on: on,
    }
}

fn fields(p: &Problems) -> Vec<(&'static str, String)> {
    p.iter().map(|(f, v, _)| (*f, v.clone())).collect()
}

#[test]
fn a_disbursement_inside_the_organisations_life_passes() {
    let o = org(d(2020, 1, 1), Some(d(2024, 6, 30)));
    assert!(disbursement_problems(&paid(d(2024, 6, 30), 30_000_000), Some(&o)).is_empty());
}

#[test]
fn a_disbursement_after_dissolution_names_the_day() {
    let o = org(d(2020, 1, 1), Some(d(2024, 6, 30)));
    let p = disbursement_problems(&paid(d(2024, 7, 1), 30_000_000), Some(&o));
    assert_eq!(fields(&p), [("paid_on", "01/07/2024".to_string())]);
    assert_eq!(p[0].2.code(), "support.paid_after_dissolution");
}

#[test]
fn a_disbursement_before_founding_is_refused() {
    let o = org(d(2020, 1, 1), None);
    let p = disbursement_problems(&paid(d(2019, 12, 31), 1), Some(&o));
    assert_eq!(fields(&p), [("paid_on", "31/12/2019".to_string())]);
}

#[test]
fn a_negative_zero_or_absurd_amount_is_refused() {
    let o = org(d(2020, 1, 1), None);
    for bad in [-5_000_000, 0, AMOUNT_MAX + 1] {
        let p = disbursement_problems(&paid(d(2023, 1, 1), bad), Some(&o));
        assert_eq!(fields(&p), [("amount_vnd", bad.to_string())], "{bad}");
    }
    assert!(disbursement_problems(&paid(d(2023, 1, 1), AMOUNT_MAX), Some(&o)).is_empty());
}

#[test]
fn a_disbursement_to_no_such_organisation_or_without_basis_is_refused() {
    let mut x = paid(d(2023, 1, 1), 1);
    x.legal_basis = " ".into();
    x.source = String::new();
    let p = disbursement_problems(&x, None);
    let f: Vec<&str> = p.iter().map(|(f, ..)| *f).collect();
    assert_eq!(f, ["legal_basis", "source", "org_code"]);
}

#[test]
fn an_event_needs_a_title_organiser_and_a_sane_reach() {
    let e = Event {
        code: "SK-2022-01".into(),
        kind: EventKind::Conference,
        title: "Hội nghị tuyên truyền Luật HTX".into(),
        held_on: d(2022, 3, 4),
        organiser: "UBND huyện".into(),
        unit: UnitId(1),
        audience: "Cán bộ xã, thành viên HTX".into(),
        reach: Some(150),
    };
    assert!(event_problems(&e).is_empty());
    let bad = Event {
        code: "a/b".into(),
        title: String::new(),
        reach: Some(-1),
        ..e
    };
    let f: Vec<&str> = event_problems(&bad).iter().map(|(f, ..)| *f).collect();
    assert_eq!(f, ["code", "title", "reach"]);
}
