//! Units through time over the shared fixture (`fixture.rs`).

use super::fixture::*;
use super::*;

#[test]
fn a_reused_code_names_the_version_in_force_on_the_date() {
    let (us, cs) = (units(), changes());
    let map = UnitMap::new(&us, &cs, &[]);
    assert_eq!(map.resolve("30061", d(2020, 12, 31)).unwrap().id, UnitId(B));
    assert_eq!(
        map.resolve("30061", d(2025, 12, 31)).unwrap().id,
        UnitId(N1)
    );
    // an abolished unit asked after it ended: its last version
    assert_eq!(
        map.resolve("872", d(2026, 12, 31)).unwrap().id,
        UnitId(DISTRICT)
    );
    // a unit asked before it existed: its first version
    assert_eq!(
        map.resolve("30073", d(2020, 12, 31)).unwrap().id,
        UnitId(N2)
    );
    assert!(map.resolve("99999", d(2020, 1, 1)).is_none());
}

#[test]
fn organisations_of_a_merged_commune_follow_it() {
    let (us, cs) = (units(), changes());
    let map = UnitMap::new(&us, &cs, &[]);
    let in_a = org("HTX-A", A);
    assert_eq!(ids(map.candidates(&in_a, d(2020, 12, 31))), [A]);
    assert_eq!(ids(map.candidates(&in_a, d(2025, 12, 31))), [N1]);
    let n1_now = map.territory(UnitId(N1), d(2025, 12, 31));
    assert!(map.contains(&n1_now, &in_a, d(2025, 12, 31)));
    let province_now = map.territory(UnitId(NEW_PROVINCE), d(2025, 12, 31));
    assert!(map.contains(&province_now, &in_a, d(2025, 12, 31)));
}

/// `--scope 30061` over 2020–2025 compares the new commune with the same ground in 2020:
/// old A and old B whole, and of old P only what was placed in it.
#[test]
fn a_scope_asked_before_it_existed_is_the_ground_it_was_formed_from() {
    let (us, cs) = (units(), changes());
    let placed = [OrgMove {
        org: OrgCode::parse("HTX-P1").unwrap(),
        commune: UnitId(N1),
        moved_on: new_start(),
        reason: "placed after the split".into(),
    }];
    let map = UnitMap::new(&us, &cs, &placed);
    let then = d(2020, 12, 31);
    let t = map.territory(UnitId(N1), then);
    assert_eq!(ids(t.communes()), [A, B, P]);
    assert!(map.contains(&t, &org("HTX-A", A), then));
    assert!(map.contains(&t, &org("HTX-B", B), then));
    assert!(map.contains(&t, &org("HTX-P1", P), then), "placed in N1");
    assert!(
        !map.contains(&t, &org("HTX-P2", P), then),
        "not placed: not N1's"
    );
    let n2 = map.territory(UnitId(N2), then);
    assert_eq!(ids(n2.communes()), [P]);
    assert!(
        !map.contains(&n2, &org("HTX-P1", P), then),
        "placed in N1, not N2"
    );
}

#[test]
fn an_organisation_of_a_split_commune_counts_only_where_all_its_candidates_are() {
    let (us, cs) = (units(), changes());
    let map = UnitMap::new(&us, &cs, &[]);
    let now = d(2025, 12, 31);
    let unplaced = org("HTX-P", P);
    assert_eq!(ids(map.candidates(&unplaced, now)), [N1, N2]);
    assert!(!map.contains(&map.territory(UnitId(N1), now), &unplaced, now));
    assert!(!map.contains(&map.territory(UnitId(N2), now), &unplaced, now));
    assert!(map.contains(&map.territory(UnitId(NEW_PROVINCE), now), &unplaced, now));
    // placed by the office: from then on it is N2's
    let moves = [OrgMove {
        org: unplaced.code.clone(),
        commune: UnitId(N2),
        moved_on: new_start(),
        reason: String::new(),
    }];
    let map = UnitMap::new(&us, &cs, &moves);
    assert_eq!(ids(map.candidates(&unplaced, now)), [N2]);
    assert!(map.contains(&map.territory(UnitId(N2), now), &unplaced, now));
    assert_eq!(ids(map.candidates(&unplaced, d(2020, 12, 31))), [P]);
}

/// The district was abolished with no district after it: afterwards its ground is what its
/// communes became (all of N1 and N2, since P gave to both).
#[test]
fn an_abolished_unit_is_afterwards_what_its_communes_became() {
    let (us, cs) = (units(), changes());
    let map = UnitMap::new(&us, &cs, &[]);
    let now = d(2025, 12, 31);
    let t = map.territory(UnitId(DISTRICT), now);
    assert_eq!(ids(t.communes()), [N1, N2]);
    assert!(map.contains(&t, &org("HTX-A", A), now));
    let before = map.territory(UnitId(DISTRICT), d(2020, 12, 31));
    assert_eq!(ids(before.communes()), [A, B, P]);
    let crossing = map
        .crossing(UnitId(DISTRICT), &[d(2020, 12, 31), now])
        .expect("the ground changed");
    assert_eq!(ids(crossing[1].1.clone()), [N1, N2]);
    assert!(
        map.crossing(UnitId(A), &[d(2020, 12, 31), d(2024, 12, 31)])
            .is_none()
    );
}

/// An organisation recorded in a commune formed later (a file made after the reform) is,
/// before the reform, in one of the communes that commune was formed from.
#[test]
fn an_organisation_recorded_in_a_new_commune_is_found_before_the_reform() {
    let (us, cs) = (units(), changes());
    let map = UnitMap::new(&us, &cs, &[]);
    let then = d(2020, 12, 31);
    let recorded_new = org("HTX-N", N1);
    assert_eq!(ids(map.candidates(&recorded_new, then)), [A, B, P]);
    assert!(map.contains(&map.territory(UnitId(DISTRICT), then), &recorded_new, then));
    assert!(!map.contains(&map.territory(UnitId(A), then), &recorded_new, then));
}

#[test]
fn a_register_that_contradicts_itself_is_refused_with_each_problem() {
    let (mut us, mut cs) = (units(), changes());
    assert_eq!(check_register(&us, &cs, &[]), []);
    // a second version of 30058 overlapping the first
    us.push(AdminUnit {
        valid_from: Some(d(2024, 1, 1)),
        valid_to: None,
        ..unit(50, "30058", AdminLevel::Commune, None, true)
    });
    cs.push(change(A, N2, ChangeKind::Partial));
    cs.push(UnitChange {
        on: d(2025, 7, 2),
        ..change(N1, A, ChangeKind::Full)
    });
    let moves = [OrgMove {
        org: OrgCode::parse("HTX-A").unwrap(),
        commune: UnitId(A),
        moved_on: d(2025, 8, 1),
        reason: String::new(),
    }];
    let problems = check_register(&us, &cs, &moves);
    assert!(problems.contains(&RegisterProblem::Overlap {
        code: "30058".into(),
        a: UnitId(A),
        b: UnitId(50)
    }));
    assert!(problems.contains(&RegisterProblem::FullAndPartial { old: UnitId(A) }));
    assert!(problems.contains(&RegisterProblem::Cycle { unit: UnitId(A) }));
    assert!(problems.contains(&RegisterProblem::ChangeOutOfTime {
        old: UnitId(N1),
        new: UnitId(A)
    }));
    assert!(problems.contains(&RegisterProblem::MoveOutOfTime {
        org: OrgCode::parse("HTX-A").unwrap(),
        commune: UnitId(A)
    }));
    // a loop in a bad register does not hang a computation
    let map = UnitMap::new(&us, &cs, &moves);
    let _ = map.territory(UnitId(DISTRICT), d(2026, 1, 1));
    let _ = map.candidates(&org("HTX-A", A), d(2026, 1, 1));
}

#[test]
fn the_review_lists_organisations_not_yet_placed_with_their_candidates() {
    let (us, cs) = (units(), changes());
    let snap = crate::Snapshot {
        units: us,
        changes: cs,
        orgs: vec![org("HTX-A", A), org("HTX-P", P), org("HTX-Q", P)],
        moves: vec![OrgMove {
            org: OrgCode::parse("HTX-Q").unwrap(),
            commune: UnitId(N2),
            moved_on: new_start(),
            reason: String::new(),
        }],
        ..Default::default()
    };
    let now = d(2025, 12, 31);
    let all = unplaced(&snap, None, now);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].0.code.as_str(), "HTX-P");
    assert_eq!(ids(all[0].1.clone()), [N1, N2]);
    // each new commune's office sees it, as it may be theirs
    assert_eq!(unplaced(&snap, Some(UnitId(N2)), now).len(), 1);
    // before the split there is nothing to place
    assert!(unplaced(&snap, None, d(2024, 12, 31)).is_empty());
}
