use super::*;
use crate::date::ymd;
use crate::model::{AdminUnit, ReportFigures, UnitId};
use proptest::prelude::*;

fn unit(id: i64, level: AdminLevel, parent: Option<i64>) -> AdminUnit {
    AdminUnit {
        id: UnitId(id),
        code: id.to_string(),
        name: format!("U{id}"),
        level,
        parent: parent.map(UnitId),
        valid_from: None,
        valid_to: None,
    }
}

fn org(
    code: &str,
    kind: OrgKind,
    sector: Sector,
    commune: i64,
    founded: i32,
    dissolved: Option<i32>,
) -> Organization {
    Organization {
        code: OrgCode::parse(code).unwrap(),
        kind,
        name: code.into(),
        sector,
        commune: UnitId(commune),
        founded_on: ymd(founded, 3, 1).unwrap(),
        dissolved_on: dissolved.map(|y| ymd(y, 6, 30).unwrap()),
        registration_no: None,
    }
}

fn rep(
    code: &str,
    year: i32,
    members: i64,
    revenue: i64,
    profit: i64,
    services: &[Service],
    rating: Option<Rating>,
) -> AnnualReport {
    AnnualReport {
        org: OrgCode::parse(code).unwrap(),
        year: Year::new(year).unwrap(),
        figures: ReportFigures {
            members: Some(members),
            members_joined: Some(members / 10),
            revenue: Some(Fixed::from_int(revenue)),
            profit: Some(Fixed::from_int(profit)),
            services: services.iter().copied().collect(),
            rating,
            ..Default::default()
        },
    }
}

fn snap() -> Snapshot {
    use Service::*;
    Snapshot {
        units: vec![
            unit(1, AdminLevel::District, None),
            unit(10, AdminLevel::Commune, Some(1)),
            unit(11, AdminLevel::Commune, Some(1)),
            unit(12, AdminLevel::Commune, Some(1)),
        ],
        orgs: vec![
            org("A", OrgKind::Htx, Sector::Agriculture, 10, 2010, None),
            org("B", OrgKind::Htx, Sector::Agriculture, 11, 2017, None),
            org("C", OrgKind::Htx, Sector::Transport, 10, 2012, Some(2019)),
            org("T1", OrgKind::Tht, Sector::Agriculture, 10, 2015, None),
            org("T2", OrgKind::Tht, Sector::Handicraft, 11, 2018, None),
        ],
        reports: vec![
            rep("A", 2016, 100, 1000, 100, &[Irrigation], None),
            rep("C", 2016, 40, 2000, -50, &[Transport], None),
            rep(
                "A",
                2020,
                150,
                1500,
                200,
                &[Irrigation, SeedSupply, InputSupply],
                None,
            ),
            rep("B", 2020, 50, 500, -10, &[Irrigation], None),
            rep("C", 2018, 30, 100, 1, &[], None),
            rep("T1", 2020, 12, 300, 30, &[], Some(Rating::Kha)),
            rep("T2", 2020, 8, 100, 10, &[], Some(Rating::TrungBinh)),
        ],
        managers: vec![],
        support: support(),
        ..Default::default()
    }
}

/// Disbursements to A, B, C (dissolved 2019) and T1; events for the district and two
/// communes.
fn support() -> crate::model::SupportRecords {
    use crate::model::{Disbursement, Event, SupportRecords};
    let paid = |code: &str, org: &str, policy: SupportPolicy, vnd: i64, y: i32| Disbursement {
        project: None,
        code: code.into(),
        policy,
        legal_basis: "NĐ 98/2018/NĐ-CP".into(),
        decision: String::new(),
        org: OrgCode::parse(org).unwrap(),
        amount_vnd: vnd,
        source: "Ngân sách tỉnh".into(),
        paid_on: ymd(y, 5, 1).unwrap(),
    };
    let event = |code: &str, unit: i64, y: i32, reach: Option<i64>| Event {
        code: code.into(),
        kind: EventKind::Conference,
        title: "Hội nghị".into(),
        held_on: ymd(y, 4, 1).unwrap(),
        organiser: "UBND".into(),
        unit: UnitId(unit),
        audience: String::new(),
        reach,
    };
    SupportRecords {
        events: vec![
            event("E1", 1, 2019, Some(200)),
            event("E2", 10, 2020, None),
            event("E3", 11, 2015, Some(50)),
            event("E4", 11, 2017, Some(40)),
        ],
        disbursements: vec![
            paid("D1", "A", SupportPolicy::Founding, 30_000_000, 2018),
            paid("D2", "B", SupportPolicy::Linkage, 100_000_000, 2019),
            paid("D3", "B", SupportPolicy::Linkage, 50_500_001, 2020),
            paid("D4", "C", SupportPolicy::Training, 1_000_000, 2018),
            paid("D5", "T1", SupportPolicy::Training, 5_000_000, 2020),
            paid("D6", "A", SupportPolicy::Founding, 7_000_000, 2015),
        ],
    }
}

fn eval(id: &str) -> IndicatorValue {
    let s = snap();
    let all = evaluate_all(&s, 2016, 2020);
    find(&all, id).unwrap().clone()
}

fn int(n: i64) -> Option<Fixed> {
    Some(Fixed::from_int(n))
}

#[test]
fn counts_active_at_year_end() {
    let v = eval("htx.active");
    assert_eq!((v.value, v.base), (int(2), int(2))); // 2016: A, C; 2020: A, B
    assert_eq!(v.change_pct, Some(Fixed::ZERO));
    assert_eq!(eval("htx.active.by_sector.transport").value, int(0));
    assert_eq!(eval("htx.active.by_sector.transport").base, int(1));
}

#[test]
fn flows_count_events_in_the_period() {
    assert_eq!(eval("htx.founded").value, int(1));
    assert_eq!(eval("htx.founded").base, None);
    assert_eq!(eval("htx.dissolved").value, int(1));
    assert_eq!(eval("tht.founded").value, int(1));
}

#[test]
fn sums_and_averages_over_reporting_active_orgs() {
    let m = eval("htx.members");
    assert_eq!((m.value, m.base), (int(200), int(140)));
    assert_eq!(m.ratio_pct.unwrap().to_string(), "142.86");
    // members_joined is a flow over all reports, the dissolved C's included: 10+4+15+5+3
    assert_eq!(eval("htx.members_joined").value, int(37));
    let r = eval("htx.revenue_avg");
    assert_eq!((r.value, r.base), (int(1000), int(1500)));
    assert_eq!(eval("htx.profit_avg").value, int(95));
    assert_eq!(eval("htx.services_avg").value, int(2));
}

#[test]
fn shares_and_conditions() {
    assert_eq!(eval("htx.agri.multiservice3").value, int(1));
    assert_eq!(eval("htx.agri.profitable_pct").value, int(50));
    assert_eq!(eval("tht.rated_kha_or_better").value, int(1));
    assert_eq!(eval("tht.rated_kha_or_better_pct").value, int(50));
    // no managers recorded: shares cannot be computed
    assert_eq!(eval("htx.managers.qualified_pct").value, None);
}

#[test]
fn communes_without_a_group() {
    let v = eval("tht.communes_without");
    assert_eq!((v.value, v.base), (int(1), int(2)));
}

#[test]
fn scope_restricts_to_subtree() {
    let s = snap().restrict(Some(UnitId(11)));
    let all = evaluate_all(&s, 2016, 2020);
    assert_eq!(find(&all, "htx.active").unwrap().value, int(1));
    assert_eq!(find(&all, "htx.members").unwrap().value, int(50));
}

#[test]
fn every_core_indicator_is_in_the_catalogue_once() {
    let ids: Vec<String> = catalogue().into_iter().map(|d| d.id).collect();
    let set: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(set.len(), ids.len());
    for id in [
        "htx.active",
        "htx.founded",
        "htx.dissolved",
        "htx.members",
        "htx.members_joined",
        "htx.workers",
        "htx.revenue_avg",
        "htx.profit_avg",
        "htx.member_income_avg",
        "htx.worker_income_avg",
        "htx.services_avg",
        "htx.agri.multiservice3",
        "htx.agri.profitable_pct",
        "htx.managers.qualified_pct",
        "htx.managers.trained_pct",
        "tht.active",
        "tht.founded",
        "tht.dissolved",
        "tht.members",
        "tht.members_joined",
        "tht.workers",
        "tht.revenue_avg",
        "tht.profit_avg",
        "tht.rated_kha_or_better",
        "tht.rated_kha_or_better_pct",
        "tht.communes_without",
        "htx.active.by_sector.agriculture",
        "tht.active.by_sector.other",
    ] {
        assert!(set.contains(&id.to_string()), "{id} missing");
    }
}

proptest! {
    /// Stocks and flows agree: active at the end of `to` = active at the end of `from`
    /// + founded − dissolved in the years after `from`.
    #[test]
    fn stocks_and_flows_agree(lives in proptest::collection::vec((2000i32..2030, proptest::option::of(0i32..15)), 0..60),
                              from in 2005i32..2020, len in 0i32..8) {
        let to = from + len;
        let orgs: Vec<Organization> = lives.iter().enumerate().map(|(i, (f, d))| {
            org(&format!("O{i}"), OrgKind::Htx, Sector::Agriculture, 10, *f, d.map(|d| f + 1 + d))
        }).collect();
        let s = Snapshot { units: vec![unit(10, AdminLevel::Commune, None)], orgs, ..Default::default() };
        let e = Engine::new(&s);
        let cat = catalogue();
        let get = |id: &str| cat.iter().find(|d| d.id == id).unwrap().clone();
        let start = e.at(&get("htx.active"), from).unwrap().micros();
        let end = e.at(&get("htx.active"), to).unwrap().micros();
        let (founded, dissolved) = if to > from {
            let f = e.evaluate(&get("htx.founded"), from + 1, to).value.unwrap().micros();
            let d = e.evaluate(&get("htx.dissolved"), from + 1, to).value.unwrap().micros();
            (f, d)
        } else { (0, 0) };
        prop_assert_eq!(end, start + founded - dissolved);
    }

    /// The average is the sum over the reporting organisations divided by their number.
    #[test]
    fn average_matches_sum_over_count(revs in proptest::collection::vec(0i64..100_000, 1..30)) {
        let orgs: Vec<Organization> = (0..revs.len()).map(|i| org(&format!("O{i}"), OrgKind::Htx, Sector::Agriculture, 10, 2000, None)).collect();
        let reports: Vec<AnnualReport> = revs.iter().enumerate().map(|(i, r)| rep(&format!("O{i}"), 2020, 1, *r, 0, &[], None)).collect();
        let s = Snapshot { orgs, reports, ..Default::default() };
        let e = Engine::new(&s);
        let d = catalogue().into_iter().find(|d| d.id == "htx.revenue_avg").unwrap();
        let avg = e.at(&d, 2020).unwrap();
        let sum: i128 = revs.iter().map(|&r| r as i128 * 1_000_000).sum();
        let n = revs.len() as i128;
        prop_assert!((avg.micros() as i128 * n - sum).abs() * 2 <= n);
    }
}

#[test]
fn scoped_engine_equals_a_restricted_snapshot() {
    for scope in [UnitId(1), UnitId(10), UnitId(11), UnitId(12)] {
        let s = snap();
        let scoped = evaluate_scoped(&s, Some(scope), 2016, 2020);
        let restricted = evaluate_all(&s.clone().restrict(Some(scope)), 2016, 2020);
        assert_eq!(scoped, restricted, "scope {scope:?}");
    }
}

#[test]
fn per_commune_engines_equal_one_scoped_engine_each() {
    let s = snap();
    let engines = Engine::per_commune(&s, Some(UnitId(1)));
    let communes: Vec<UnitId> = s
        .units
        .iter()
        .filter(|u| u.level == AdminLevel::Commune)
        .map(|u| u.id)
        .collect();
    assert_eq!(
        engines.iter().map(|(u, _)| u.id).collect::<Vec<_>>(),
        communes
    );
    for (u, e) in &engines {
        let one = Engine::scoped(&s, Some(u.id));
        for d in catalogue() {
            assert_eq!(
                e.evaluate(&d, 2016, 2020),
                one.evaluate(&d, 2016, 2020),
                "{} {}",
                u.code,
                d.id
            );
        }
    }
}

#[test]
fn contributions_gather_each_organisation_once() {
    let s = snap();
    let e = Engine::new(&s);
    for d in catalogue() {
        let c = e.contributions(&d, 2016, 2020);
        let codes: BTreeSet<_> = c.iter().map(|c| c.org.code.clone()).collect();
        assert_eq!(codes.len(), c.len(), "{}", d.id);
    }
}

#[test]
fn a_restricted_view_is_the_restricted_snapshot() {
    let s = snap();
    for scope in [
        None,
        Some(UnitId(1)),
        Some(UnitId(10)),
        Some(UnitId(11)),
        Some(UnitId(12)),
    ] {
        let view = s.restricted(scope);
        let copy = s.clone().restrict(scope);
        assert_eq!(format!("{:?}", *view), format!("{copy:?}"), "{scope:?}");
        assert_eq!(
            scope.is_none(),
            matches!(view, std::borrow::Cow::Borrowed(_))
        );
    }
}

/// Across the reform a scope is counted like for like: the new commune's 2020 base is the
/// ground it was formed from, the abolished district's 2025 value is what its communes
/// became, and communes without a group are the communes valid at each year's end.
mod across_the_reform {
    use super::*;
    use crate::territory::OrgMove;
    use crate::territory::fixture::*;

    fn snap() -> Snapshot {
        let of = |code: &str, kind: OrgKind, commune: i64| Organization {
            kind,
            ..crate::territory::fixture::org(code, commune)
        };
        Snapshot {
            units: units(),
            changes: changes(),
            orgs: vec![
                of("HTX-A", OrgKind::Htx, A),
                of("HTX-B", OrgKind::Htx, B),
                of("HTX-P1", OrgKind::Htx, P),
                of("HTX-P2", OrgKind::Htx, P),
                of("THT-B", OrgKind::Tht, B),
            ],
            moves: vec![OrgMove {
                org: OrgCode::parse("HTX-P1").unwrap(),
                commune: UnitId(N1),
                moved_on: new_start(),
                reason: String::new(),
            }],
            ..Default::default()
        }
    }

    fn value(snap: &Snapshot, scope: i64, id: &str, from: i32, to: i32) -> (Fixed, Fixed) {
        let d = catalogue().into_iter().find(|d| d.id == id).unwrap();
        let v = Engine::scoped(snap, Some(UnitId(scope))).evaluate(&d, from, to);
        (v.base.unwrap(), v.value.unwrap())
    }

    #[test]
    fn the_new_commune_is_compared_with_the_ground_it_was_formed_from() {
        let s = snap();
        // A, B whole and of P only the one placed in N1; the unplaced one is in neither
        assert_eq!(
            value(&s, N1, "htx.active", 2020, 2025),
            (Fixed::from_int(3), Fixed::from_int(3))
        );
        assert_eq!(
            value(&s, N2, "htx.active", 2020, 2025),
            (Fixed::from_int(0), Fixed::from_int(0))
        );
        // the abolished district answers for its former ground, now N1 and N2
        assert_eq!(
            value(&s, DISTRICT, "htx.active", 2020, 2025),
            (Fixed::from_int(4), Fixed::from_int(4))
        );
        assert_eq!(
            value(&s, NEW_PROVINCE, "htx.active", 2020, 2025),
            (Fixed::from_int(4), Fixed::from_int(4))
        );
        // the old commune B after the reform is the new N1 (B went into it whole)
        assert_eq!(
            value(&s, B, "htx.active", 2020, 2025),
            (Fixed::from_int(1), Fixed::from_int(3))
        );
    }

    #[test]
    fn communes_without_are_counted_on_the_communes_of_each_year() {
        let s = snap();
        // 2020: A, B, P valid, a group only in B → 2 without; 2025: N1 (with B's group), N2
        assert_eq!(
            value(&s, DISTRICT, "tht.communes_without", 2020, 2025),
            (Fixed::from_int(2), Fixed::from_int(1))
        );
        let whole = catalogue()
            .into_iter()
            .find(|d| d.id == "tht.communes_without")
            .unwrap();
        let v = Engine::new(&s).evaluate(&whole, 2020, 2025);
        assert_eq!(
            (v.base, v.value),
            (Some(Fixed::from_int(2)), Some(Fixed::from_int(1)))
        );
    }
}

/// Clubs, their meetings and what grew from them, counted as the catalogue says.
#[test]
fn clubs_meetings_and_what_grew_from_them() {
    use crate::model::{ClubRecords, Meeting, Official, OrgOrigin};
    let mut s = snap();
    s.orgs.push(org(
        "HQ1",
        OrgKind::HoiQuan,
        Sector::Agriculture,
        10,
        2016,
        None,
    ));
    s.orgs.push(org(
        "HQ2",
        OrgKind::HoiQuan,
        Sector::Agriculture,
        11,
        2017,
        Some(2019),
    ));
    s.orgs
        .push(org("N1", OrgKind::Htx, Sector::Agriculture, 10, 2020, None));
    s.orgs
        .push(org("N2", OrgKind::Tht, Sector::Agriculture, 11, 2020, None));
    s.reports.push(rep("HQ1", 2020, 45, 0, 0, &[], None));
    let meeting = |club: &str, y: i32, m: u8, officials: usize| Meeting {
        org: OrgCode::parse(club).unwrap(),
        held_on: ymd(y, m, 5).unwrap(),
        topic: MeetingTopic::Technique,
        attendance: Some(30),
        officials: (0..officials)
            .map(|i| Official {
                name: format!("Cán bộ {i}"),
                office: String::new(),
                level: OfficialLevel::Commune,
            })
            .collect(),
        outcome: String::new(),
    };
    let origin = |org: &str, from: &str, kind: OrgKind| OrgOrigin {
        org: OrgCode::parse(org).unwrap(),
        from: OrgCode::parse(from).unwrap(),
        from_kind: kind,
        founding_members: Some(7),
    };
    s.clubs = ClubRecords {
        profiles: vec![],
        meetings: vec![
            meeting("HQ1", 2019, 12, 0),
            meeting("HQ1", 2020, 1, 1),
            meeting("HQ1", 2020, 2, 0),
            meeting("HQ1", 2020, 3, 2),
            meeting("HQ2", 2018, 4, 1),
        ],
        // N1 from a club, N2 from a group: only N1 "became a cooperative from a club"
        origins: vec![
            origin("N1", "HQ1", OrgKind::HoiQuan),
            origin("N2", "T1", OrgKind::Tht),
        ],
    };
    s.rows_changed();
    let cat = catalogue();
    let d = |id: &str| cat.iter().find(|d| d.id == id).unwrap().clone();
    let e = Engine::new(&s);
    let v = |id: &str, from: i32, to: i32| e.evaluate(&d(id), from, to).value;
    let n = |x: i64| Some(Fixed::from_int(x));
    assert_eq!(v("hoiquan.active", 2016, 2020), n(1));
    assert_eq!(e.at(&d("hoiquan.active"), 2018), n(2));
    assert_eq!(v("hoiquan.members", 2016, 2020), n(45));
    assert_eq!(v("hoiquan.meetings", 2020, 2020), n(3));
    assert_eq!(v("hoiquan.meetings", 2018, 2020), n(5));
    assert_eq!(
        v("hoiquan.meetings_with_officials_pct", 2020, 2020),
        Some(Fixed::parse_plain("66.67").unwrap())
    );
    assert_eq!(v("hoiquan.became_coop", 2020, 2020), n(1));
    assert_eq!(v("hoiquan.became_coop", 2016, 2019), n(0));
    // communes 10, 11, 12: at the end of 2020 only 10 has a club
    assert_eq!(e.at(&d("hoiquan.communes_without"), 2020), n(2));
    // a scope sees its own clubs' meetings only
    let one = Engine::scoped(&s, Some(UnitId(11)));
    assert_eq!(one.evaluate(&d("hoiquan.meetings"), 2018, 2020).value, n(1));
}

#[test]
fn training_from_the_courses_attendance() {
    use crate::model::{Attendee, Course, Manager, TrainingRecords};
    let mut s = snap();
    let person = |org: &str, name: &str, trained: Option<i32>| Manager {
        org: OrgCode::parse(org).unwrap(),
        full_name: name.into(),
        role: Role::Director,
        qualification: None,
        trained_on: trained.map(|y| ymd(y, 6, 1).unwrap()),
        from: None,
        to: None,
    };
    s.managers = vec![
        person("A", "Nguyễn Văn Một", None),
        person("A", "Trần Thị Hai", Some(2019)),
        person("B", "Lê Văn Ba", None),
        person("T2", "Phạm Văn Bốn", None),
    ];
    let course = |code: &str, y: i32| Course {
        code: code.into(),
        title: "Quản trị HTX".into(),
        level: CourseLevel::Refresher,
        organiser: "Phòng NN-PTNT".into(),
        unit: UnitId(1),
        starts_on: ymd(y, 3, 1).unwrap(),
        ends_on: ymd(y, 3, 3).unwrap(),
        funding: String::new(),
    };
    let att = |c: &str, org: Option<&str>, name: &str| Attendee {
        course: c.into(),
        full_name: name.into(),
        org: org.map(|o| OrgCode::parse(o).unwrap()),
    };
    s.training = TrainingRecords {
        courses: vec![course("K1", 2014), course("K2", 2019), course("K3", 2020)],
        attendees: vec![
            // long ago: outside five years by 2020
            att("K1", Some("B"), "Lê Văn Ba"),
            att("K2", Some("A"), "nguyen van mot"),
            att("K2", None, "Người ngoài"),
            att("K3", Some("T2"), "Phạm Văn Bốn"),
            att(
                "K3",
                Some("T2"),
                "Người của T2 không có tên trong danh sách",
            ),
        ],
    };
    s.rows_changed();
    let cat = catalogue();
    let d = |id: &str| cat.iter().find(|d| d.id == id).unwrap().clone();
    let e = Engine::new(&s);
    let v = |id: &str, from: i32, to: i32| e.evaluate(&d(id), from, to).value;
    let n = |x: i64| Some(Fixed::from_int(x));
    // courses with someone of an organisation: K2 (A), K3 (T2); K1 in 2014
    assert_eq!(v("training.courses", 2016, 2020), n(2));
    assert_eq!(v("training.courses", 2014, 2020), n(3));
    assert_eq!(v("training.trainees", 2016, 2020), n(3));
    // at the end of 2020: Một (K2 2019) and Bốn (K3 2020) of four people by attendance …
    assert_eq!(
        v("training.managers_trained_pct", 2016, 2020),
        Some(Fixed::parse_plain("50").unwrap())
    );
    // … and Hai's typed day counts too in the share that reads both
    assert_eq!(
        v("htx.managers.trained_pct", 2016, 2020),
        Some(Fixed::parse_plain("75").unwrap())
    );
    // a commune's scope: T2 is in 11 with B
    let one = Engine::scoped(&s, Some(UnitId(11)));
    assert_eq!(
        one.evaluate(&d("training.trainees"), 2014, 2020).value,
        n(3)
    );
    assert_eq!(one.evaluate(&d("training.courses"), 2016, 2020).value, n(1));
}

#[test]
fn support_paid_by_policy_and_kind_and_events_held() {
    let m = |s: &str| Some(Fixed::parse_plain(s).unwrap());
    // 2016–2020: D1..D5 (D6 is of 2015), exact to the đồng
    assert_eq!(eval("support.amount").value, m("186.500001"));
    assert_eq!(eval("support.amount.linkage").value, m("150.500001"));
    assert_eq!(eval("support.amount.training").value, m("6"));
    assert_eq!(eval("support.amount.credit").value, m("0"));
    assert_eq!(eval("support.amount.tht").value, m("5"));
    assert_eq!(eval("support.amount.htx").value, m("181.500001"));
    // A, B (twice), C, T1: each once
    assert_eq!(eval("support.beneficiaries").value, int(4));
    assert_eq!(eval("propaganda.events").value, int(3));
    // E2 has no reach recorded: the sum is of those that have one
    assert_eq!(eval("propaganda.reach").value, int(240));
    let s = snap();
    let cat = catalogue();
    let d = |id: &str| cat.iter().find(|d| d.id == id).unwrap().clone();
    // a commune's scope: B's money and the events held for commune 11 only
    let one = Engine::scoped(&s, Some(UnitId(11)));
    assert_eq!(
        one.evaluate(&d("support.amount"), 2016, 2020).value,
        m("150.500001")
    );
    assert_eq!(
        one.evaluate(&d("propaganda.events"), 2015, 2020).value,
        int(2)
    );
    assert_eq!(
        one.evaluate(&d("support.beneficiaries"), 2016, 2020).value,
        int(1)
    );
}

#[test]
fn ocop_products_by_stars_and_state_at_the_end_of_the_period() {
    use crate::model::{OcopRating, Product, ProductRecords};
    use crate::types::{OcopEvaluationKind, OcopGroup, OfficialLevel};
    let product = |code: &str, org: &str| Product {
        code: code.into(),
        org: OrgCode::parse(org).unwrap(),
        name: code.into(),
        group: OcopGroup::Food,
        subgroup: String::new(),
        gtin: None,
        unit: String::new(),
        public: false,
    };
    let rating = |code: &str, product: &str, stars: u8, on: (i32, u8, u8)| OcopRating {
        code: code.into(),
        product: product.into(),
        criteria: crate::types::OcopCriteria::Qd1048,
        kind: OcopEvaluationKind::New,
        parts: None,
        score: None,
        stars,
        decision: "1/QĐ".into(),
        decided_on: ymd(on.0, on.1, on.2).unwrap(),
        level: if stars == 5 {
            OfficialLevel::Central
        } else {
            OfficialLevel::Province
        },
        revoked_on: None,
        revocation: String::new(),
    };
    let mut s = snap();
    let mut revoked = rating("R6", "PB2", 4, (2019, 5, 1));
    revoked.revoked_on = ymd(2020, 9, 1);
    s.products = ProductRecords {
        products: vec![
            product("PA", "A"),
            product("PA2", "A"),
            product("PB", "B"),
            product("PB2", "B"),
            product("PC", "C"),
            product("PT", "T1"),
        ],
        ratings: vec![
            rating("R1", "PA", 4, (2018, 6, 1)),
            // expired on 15/12/2020, not renewed
            rating("R2", "PA2", 3, (2017, 12, 15)),
            // 20 days left on 31/12/2020
            rating("R3", "PB", 3, (2018, 1, 20)),
            // C was dissolved in 2019
            rating("R4", "PC", 5, (2018, 3, 1)),
            rating("R5", "PT", 3, (2019, 4, 1)),
            revoked,
        ],
    };
    let all = evaluate_all(&s, 2016, 2020);
    let v = |id: &str| find(&all, id).unwrap().value;
    assert_eq!(v("ocop.products"), int(3));
    assert_eq!(v("ocop.products.by_star.3"), int(2));
    assert_eq!(v("ocop.products.by_star.4"), int(1));
    assert_eq!(v("ocop.products.by_star.5"), int(0));
    assert_eq!(v("ocop.expiring"), int(1));
    assert_eq!(v("ocop.expired"), int(1));
    assert_eq!(v("ocop.producers.htx"), int(2));
    assert_eq!(find(&all, "ocop.products").unwrap().base, int(0));
    let cat = catalogue();
    let d = |id: &str| cat.iter().find(|d| d.id == id).unwrap().clone();
    let one = Engine::scoped(&s, Some(UnitId(11)));
    assert_eq!(one.evaluate(&d("ocop.products"), 2016, 2020).value, int(1));
    assert_eq!(one.evaluate(&d("ocop.products"), 2016, 2019).value, int(2));
    assert_eq!(
        one.evaluate(&d("ocop.producers.htx"), 2016, 2020).value,
        int(1)
    );
}

#[test]
fn planting_area_codes_held_at_the_end_and_who_holds_them() {
    use crate::lots::Facility;
    use crate::types::{FacilityKind, FacilityStatus};
    let area = |code: &str, org: &str, unit: i64, ha: &str, issued: i32| Facility {
        code: code.into(),
        kind: FacilityKind::PlantingArea,
        org: OrgCode::parse(org).unwrap(),
        crop: "lúa".into(),
        area_ha: Fixed::parse_plain(ha),
        households: None,
        unit: UnitId(unit),
        issued_by: "Chi cục".into(),
        issued_on: ymd(issued, 5, 1).unwrap(),
        market: String::new(),
        status: FacilityStatus::Valid,
        status_since: None,
    };
    let mut s = snap();
    let mut revoked = area("V4", "B", 11, "30", 2018);
    revoked.status = FacilityStatus::Revoked;
    revoked.status_since = ymd(2020, 3, 1);
    let mut house = area("P1", "A", 10, "1", 2018);
    house.kind = FacilityKind::PackingHouse;
    house.area_ha = None;
    s.trace.facilities = vec![
        area("V1", "A", 10, "120.5", 2017),
        area("V2", "T1", 10, "12.25", 2019),
        // issued after the period
        area("V3", "A", 11, "50", 2021),
        revoked,
        house,
    ];
    let all = evaluate_all(&s, 2016, 2020);
    let v = |id: &str| find(&all, id).unwrap().value;
    assert_eq!(v("trace.planting_areas"), int(2));
    assert_eq!(v("trace.planting_area_ha"), Fixed::parse_plain("132.75"));
    assert_eq!(
        v("trace.htx_with_area_code"),
        int(1),
        "A; B's code was revoked in 2020"
    );
    let before = evaluate_all(&s, 2016, 2019);
    assert_eq!(find(&before, "trace.planting_areas").unwrap().value, int(3));
    assert_eq!(
        find(&before, "trace.htx_with_area_code").unwrap().value,
        int(2)
    );
    let cat = catalogue();
    let d = |id: &str| cat.iter().find(|d| d.id == id).unwrap().clone();
    let one = Engine::scoped(&s, Some(UnitId(11)));
    assert_eq!(
        one.evaluate(&d("trace.planting_areas"), 2016, 2019).value,
        int(1)
    );
}

#[test]
fn linkage_contracts_in_force_who_is_party_and_how_far_deliveries_keep_up() {
    use crate::chain::{Contract, ContractRecords, Delivery};
    use crate::types::{LinkageForm, LotUnit};
    let contract = |code: &str, orgs: &[&str], from: i32, to: i32, t: i64, households| Contract {
        code: code.into(),
        orgs: orgs.iter().map(|o| OrgCode::parse(o).unwrap()).collect(),
        partner: "Công ty".into(),
        partner_tax_code: "1400123456".into(),
        form: LinkageForm::ProductionSale,
        goods: "lúa".into(),
        product: None,
        quantity: Fixed::from_int(t),
        unit: LotUnit::Tne,
        area_ha: None,
        households,
        price: "giá thị trường".into(),
        signed_on: ymd(from, 1, 1).unwrap(),
        starts_on: ymd(from, 1, 1).unwrap(),
        ends_on: ymd(to, 12, 31).unwrap(),
        ended_on: None,
        schedule: vec![],
    };
    let delivery = |code: &str, contract: &str, y: i32, t: i64| Delivery {
        code: code.into(),
        contract: contract.into(),
        delivered_on: ymd(y, 6, 1).unwrap(),
        quantity: Fixed::from_int(t),
        lot: None,
    };
    let mut s = snap();
    s.contracts = ContractRecords {
        projects: Vec::new(),
        contracts: vec![
            // A and T1 together, due in full at the end of 2020: 60 of 100 delivered
            contract("C1", &["A", "T1"], 2019, 2020, 100, Some(40)),
            // B's, running to 2022: nothing due yet at the end of 2020
            contract("C2", &["B"], 2020, 2022, 50, Some(10)),
            // ended in 2018
            contract("C3", &["A"], 2017, 2018, 10, Some(5)),
        ],
        deliveries: vec![
            delivery("D1", "C1", 2019, 20),
            delivery("D2", "C1", 2020, 40),
        ],
    };
    let all = evaluate_all(&s, 2016, 2020);
    let v = |id: &str| find(&all, id).unwrap().value;
    assert_eq!(v("chain.contracts.active"), int(2));
    assert_eq!(v("chain.households"), int(50));
    // HTX active at the end of 2020: A and B (C dissolved in 2019), both party to one
    assert_eq!(v("chain.htx_in_contracts_pct"), int(100));
    // C1 60 % of what was due; C2 owes nothing yet and is left out of the average
    assert_eq!(v("chain.fulfilment_pct"), int(60));
    let before = evaluate_all(&s, 2016, 2017);
    assert_eq!(
        find(&before, "chain.contracts.active").unwrap().value,
        int(1)
    );
    // A, B (founded 2017) and C active at the end of 2017; A alone is party
    assert_eq!(
        find(&before, "chain.htx_in_contracts_pct").unwrap().value,
        Fixed::parse_plain("33.33")
    );
}
