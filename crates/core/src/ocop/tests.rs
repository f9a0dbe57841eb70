use super::*;
use crate::OrgCode;
use crate::date::ymd;
use crate::model::UnitId;
use crate::types::{OcopCriteria, OcopGroup, OrgKind, Sector};

fn d(y: i32, m: u8, day: u8) -> Date {
    ymd(y, m, day).unwrap()
}

fn org() -> Organization {
    Organization {
        code: OrgCode::parse("HTX-1").unwrap(),
        kind: OrgKind::Htx,
        name: "HTX Một".into(),
        sector: Sector::Agriculture,
        commune: UnitId(2),
        founded_on: d(2015, 3, 1),
        dissolved_on: None,
        registration_no: None,
    }
}

fn product(code: &str, gtin: Option<&str>) -> Product {
    Product {
        code: code.into(),
        org: OrgCode::parse("HTX-1").unwrap(),
        name: "Gạo sạch Tháp Mười".into(),
        group: OcopGroup::Food,
        subgroup: "Gạo, ngũ cốc".into(),
        gtin: gtin.map(|g| Gtin::parse(g).unwrap()),
        unit: "túi 5 kg".into(),
        public: true,
    }
}

fn rating(code: &str, on: Date, stars: u8) -> OcopRating {
    OcopRating {
        code: code.into(),
        product: "SP-1".into(),
        criteria: criteria::in_force_on(on),
        kind: OcopEvaluationKind::New,
        parts: None,
        score: None,
        stars,
        decision: "123/QĐ-UBND".into(),
        decided_on: on,
        level: OfficialLevel::Province,
        revoked_on: None,
        revocation: String::new(),
    }
}

fn fields(p: &Problems) -> Vec<(&'static str, String)> {
    p.iter().map(|(f, v, _)| (*f, v.clone())).collect()
}

#[test]
fn a_certificate_runs_36_months_and_warns_in_its_last_30_days() {
    let r = rating("C-1", d(2023, 3, 15), 3);
    assert_eq!(expires_on(&r), d(2026, 3, 15));
    let all = [&r];
    assert_eq!(state_on(&r, &all, d(2023, 3, 14)), None);
    assert_eq!(
        state_on(&r, &all, d(2026, 2, 12)),
        Some(CertificateState::Valid)
    );
    assert_eq!(
        state_on(&r, &all, d(2026, 2, 13)),
        Some(CertificateState::Expiring)
    );
    assert_eq!(
        state_on(&r, &all, d(2026, 3, 14)),
        Some(CertificateState::Expiring)
    );
    assert_eq!(
        state_on(&r, &all, d(2026, 3, 15)),
        Some(CertificateState::Expired)
    );
    // a leap day runs to the end of the shorter month
    assert_eq!(
        expires_on(&rating("C-2", d(2024, 2, 29), 3)),
        d(2027, 2, 28)
    );
}

#[test]
fn a_later_decision_renews_or_upgrades_and_a_revocation_ends_it() {
    let first = rating("C-1", d(2021, 6, 1), 3);
    let mut renewal = rating("C-2", d(2024, 5, 20), 3);
    renewal.kind = OcopEvaluationKind::Renewal;
    let mut up = rating("C-3", d(2025, 9, 1), 4);
    up.kind = OcopEvaluationKind::Upgrade;
    let all = [&first, &renewal, &up];
    assert_eq!(
        state_on(&first, &all, d(2024, 5, 19)),
        Some(CertificateState::Expiring)
    );
    assert_eq!(
        state_on(&first, &all, d(2024, 5, 20)),
        Some(CertificateState::Renewed)
    );
    assert_eq!(
        state_on(&renewal, &all, d(2025, 9, 1)),
        Some(CertificateState::Upgraded)
    );
    let (now, state) = current(&all, d(2026, 12, 7)).unwrap();
    assert_eq!((now.code.as_str(), state), ("C-3", CertificateState::Valid));
    let mut revoked = up.clone();
    revoked.revoked_on = Some(d(2026, 1, 10));
    let all = [&first, &renewal, &revoked];
    assert_eq!(
        current(&all, d(2026, 1, 9)).unwrap().1,
        CertificateState::Valid
    );
    assert_eq!(
        current(&all, d(2026, 1, 10)).unwrap().1,
        CertificateState::Revoked
    );
    assert!(current(&all, d(2021, 5, 31)).is_none());
}

#[test]
fn the_criteria_set_in_force_follows_the_decisions_and_its_bands() {
    assert_eq!(criteria::in_force_on(d(2022, 12, 1)), OcopCriteria::Qd1048);
    assert_eq!(criteria::in_force_on(d(2023, 2, 24)), OcopCriteria::Qd148);
    assert_eq!(criteria::in_force_on(d(2026, 6, 1)), OcopCriteria::Qd26);
    let s = criteria::set(OcopCriteria::Qd148);
    assert_eq!(s.parts.map(|p| p.max), [40, 25, 35]);
    assert_eq!(
        criteria::set(OcopCriteria::Qd1048).parts.map(|p| p.max),
        [35, 25, 40]
    );
    for set in criteria::SETS {
        assert_eq!(set.parts.iter().map(|p| p.max).sum::<i64>(), 100);
        assert_eq!(
            set.sheets,
            criteria::Confidence::Unconfirmed,
            "no sheet is transcribed"
        );
    }
    assert_eq!(s.stars_of(Fixed::from_int(49)), 2);
    assert_eq!(s.stars_of(Fixed::from_int(50)), 3);
    assert_eq!(s.stars_of(Fixed::parse_plain("69.99").unwrap()), 3);
    assert_eq!(s.stars_of(Fixed::from_int(90)), 5);
    assert_eq!(s.band_text(3), "50 – <70");
    assert_eq!(s.band_text(5), "90 – 100");
}

#[test]
fn a_rating_outside_its_band_or_its_parts_is_refused_with_the_field() {
    let p = product("SP-1", None);
    let o = org();
    let mut r = rating("C-1", d(2023, 6, 1), 4);
    r.score = Some(Fixed::from_int(72));
    assert!(rating_problems(&r, Some(&p), Some(&o), &[]).is_empty());
    r.score = Some(Fixed::from_int(68));
    assert_eq!(
        fields(&rating_problems(&r, Some(&p), Some(&o), &[])),
        [("stars", "4".into())]
    );
    r.score = None;
    r.parts = Some([
        Fixed::from_int(41),
        Fixed::from_int(20),
        Fixed::from_int(20),
    ]);
    assert_eq!(
        fields(&rating_problems(&r, Some(&p), Some(&o), &[])),
        [("part_a", "41".into())]
    );
    r.parts = Some([
        Fixed::from_int(30),
        Fixed::from_int(20),
        Fixed::from_int(25),
    ]);
    r.score = Some(Fixed::from_int(76));
    assert_eq!(
        fields(&rating_problems(&r, Some(&p), Some(&o), &[])),
        [("score", "76".into())]
    );
    r.score = Some(Fixed::from_int(75));
    assert!(rating_problems(&r, Some(&p), Some(&o), &[]).is_empty());
    r.stars = 2;
    r.parts = None;
    r.score = None;
    assert_eq!(
        fields(&rating_problems(&r, Some(&p), Some(&o), &[])),
        [("stars", "2".into())]
    );
    r.stars = 6;
    assert_eq!(
        fields(&rating_problems(&r, Some(&p), Some(&o), &[])),
        [("stars", "6".into())]
    );
}

#[test]
fn the_recognising_level_follows_the_decisions_of_each_period() {
    let p = product("SP-1", None);
    let o = org();
    let mut r = rating("C-1", d(2024, 4, 1), 3);
    r.level = OfficialLevel::District;
    assert!(
        rating_problems(&r, Some(&p), Some(&o), &[]).is_empty(),
        "148: district 3★"
    );
    r.stars = 4;
    assert_eq!(
        fields(&rating_problems(&r, Some(&p), Some(&o), &[])),
        [("level", "Huyện".into())]
    );
    r.stars = 3;
    r.decided_on = d(2025, 7, 6);
    assert_eq!(
        fields(&rating_problems(&r, Some(&p), Some(&o), &[])),
        [("level", "Huyện".into())]
    );
    r.level = OfficialLevel::Province;
    r.stars = 5;
    assert_eq!(
        fields(&rating_problems(&r, Some(&p), Some(&o), &[])),
        [("level", "Tỉnh".into())]
    );
    r.level = OfficialLevel::Central;
    assert!(rating_problems(&r, Some(&p), Some(&o), &[]).is_empty());
    r.level = OfficialLevel::Commune;
    assert_eq!(
        fields(&rating_problems(&r, Some(&p), Some(&o), &[])),
        [("level", "Xã".into())]
    );
}

#[test]
fn dates_upgrades_and_missing_records_are_named() {
    let p = product("SP-1", None);
    let o = org();
    let mut r = rating("C-1", d(2014, 4, 1), 3);
    r.criteria = OcopCriteria::Qd148;
    let got = fields(&rating_problems(&r, Some(&p), Some(&o), &[]));
    assert_eq!(
        got,
        [
            ("decided_on", "01/04/2014".into()),
            ("decided_on", "01/04/2014".into())
        ]
    );
    let first = rating("C-0", d(2023, 6, 1), 4);
    let mut up = rating("C-1", d(2025, 8, 1), 4);
    up.kind = OcopEvaluationKind::Upgrade;
    up.revoked_on = Some(d(2025, 7, 1));
    let got = fields(&rating_problems(&up, Some(&p), Some(&o), &[&first]));
    assert_eq!(
        got,
        [("revoked_on", "01/07/2025".into()), ("stars", "4".into())]
    );
    let got = fields(&rating_problems(
        &rating("C-1", d(2023, 6, 1), 3),
        None,
        None,
        &[],
    ));
    assert_eq!(got, [("product", "SP-1".into())]);
}

#[test]
fn a_product_names_its_organisation_and_a_gtin_one_item() {
    let o = org();
    let a = product("SP-1", Some("8934563138165"));
    assert!(product_problems(&a, Some(&o), std::slice::from_ref(&a)).is_empty());
    let b = product("SP-2", Some("08934563138165"));
    assert_eq!(
        fields(&product_problems(&b, Some(&o), std::slice::from_ref(&a))),
        [("gtin", "8934563138165".into())]
    );
    let mut c = product("", None);
    c.name = " ".into();
    assert_eq!(
        fields(&product_problems(&c, None, &[])),
        [
            ("code", "".into()),
            ("name", "".into()),
            ("org_code", "HTX-1".into())
        ]
    );
    assert_eq!(parse_gtin(" "), Ok(None));
    let wrong = parse_gtin("8934563138166").unwrap_err();
    assert!(
        wrong.render(crate::Lang::Vi).contains("phải là 5"),
        "{}",
        wrong.render(crate::Lang::Vi)
    );
    assert!(parse_gtin("12345").is_err());
}
