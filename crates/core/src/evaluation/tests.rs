use super::*;

fn n(s: &str) -> Fixed {
    Fixed::parse_plain(s).unwrap()
}

#[test]
fn member_scale_at_its_edges() {
    assert_eq!(MemberScale::of(49), MemberScale::Micro);
    assert_eq!(MemberScale::of(50), MemberScale::Small);
    assert_eq!(MemberScale::of(300), MemberScale::Small);
    assert_eq!(MemberScale::of(301), MemberScale::Medium);
    assert_eq!(MemberScale::of(1000), MemberScale::Medium);
    assert_eq!(MemberScale::of(1001), MemberScale::Large);
}

#[test]
fn capital_scale_is_unknown_above_the_confirmed_classes() {
    assert_eq!(CapitalScale::of(n("999.999")), CapitalScale::Micro);
    assert_eq!(CapitalScale::of(n("1000")), CapitalScale::Small);
    assert_eq!(CapitalScale::of(n("4999.99")), CapitalScale::Small);
    assert_eq!(CapitalScale::of(n("5000")), CapitalScale::Unknown);
}

#[test]
fn twelve_months_by_the_deadline() {
    let d = |y, m, dd| ymd(y, m, dd).unwrap();
    assert!(old_enough(d(2024, 12, 15), 2025));
    assert!(!old_enough(d(2024, 12, 16), 2025));
    assert_eq!(sheet_due(2025), d(2025, 12, 15));
}

/// A worked example: a cooperative at 62 points (Trung bình) with every line of groups I and
/// II full except TC3 (5 of 11: a 1, b 1, c 3) and TC5 (4 of 8), group III at 33.
fn worked() -> (Rubric, BTreeMap<String, Fixed>, Fixed) {
    let r = Rubric::tt01_2020();
    let mut s = BTreeMap::new();
    for i in r.items() {
        if i.children.is_empty() {
            s.insert(i.id.clone(), i.max.unwrap_or(n("5.5")));
        }
    }
    s.insert("TC3.a".into(), n("1"));
    s.insert("TC3.b".into(), n("1"));
    s.insert("TC3.c".into(), n("3"));
    s.insert("TC5".into(), n("4"));
    let total = r.check_sheet(&s).unwrap().total;
    (r, s, total)
}

#[test]
fn what_it_takes_to_reach_the_next_rating() {
    let (r, s, total) = worked();
    // group I loses 6 (TC3), group II loses 4 (TC5), group III has 6 × 5,5 = 33
    assert_eq!(total, n("83"));
    assert_eq!(r.rate(total), RatingOutcome::Rated(Rating::Tot));
    assert_eq!(next_rating(&r, &s, total), None, "already at the top");

    // the same cooperative with group III at 12 (2 per line): 62, Trung bình
    let mut s2 = s.clone();
    for id in ["TC10", "TC11", "TC12", "TC13", "TC14", "TC15"] {
        s2.insert(id.into(), n("2"));
    }
    let t2 = r.check_sheet(&s2).unwrap().total;
    assert_eq!(t2, n("62"));
    let next = next_rating(&r, &s2, t2).unwrap();
    assert_eq!(
        (next.rating, next.threshold, next.points),
        (Rating::Kha, n("65"), n("3"))
    );
    // largest room first: TC5 has 4 points of room, one line suffices and is raised by 3 only
    assert_eq!(
        next.raises,
        [Raise {
            item: "TC5".into(),
            from: n("4"),
            to: n("7")
        }]
    );
}

#[test]
fn several_lines_when_no_single_one_suffices() {
    let (r, mut s, _) = worked();
    for id in ["TC10", "TC11", "TC12", "TC13", "TC14", "TC15"] {
        s.insert(id.into(), n("1"));
    }
    // 30 − 6 + 30 − 4 + 6 = 56: 9 points to Khá; rooms TC5 4, TC3.c 1, TC3.a 3, TC3.b 2
    let total = r.check_sheet(&s).unwrap().total;
    assert_eq!(total, n("56"));
    let next = next_rating(&r, &s, total).unwrap();
    assert_eq!(next.points, n("9"));
    let raised: Vec<(&str, Fixed)> = next
        .raises
        .iter()
        .map(|x| (x.item.as_str(), x.to))
        .collect();
    assert_eq!(
        raised,
        [("TC5", n("8")), ("TC3.a", n("4")), ("TC3.b", n("3"))],
        "4 + 3 + 2 = 9 with three lines; group III's lines have no known room"
    );
}

#[test]
fn no_advice_where_the_thresholds_are_unknown() {
    let r = Rubric::tt09_2017();
    assert_eq!(next_rating(&r, &BTreeMap::new(), n("30")), None);
}

#[test]
fn the_workflow_from_draft_to_approved() {
    let (r, s, _) = worked();
    let mut e = Evaluation::new(&r);
    let d = |y, m, dd| ymd(y, m, dd).unwrap();
    // an incomplete sheet cannot be submitted; the message names the missing lines
    let err = e
        .apply(
            &r,
            Step::Submit {
                on: d(2025, 12, 10),
            },
        )
        .unwrap_err();
    assert!(err.vi.contains("TC1.a"), "{}", err.vi);
    assert_eq!(e.state, State::Draft);
    // a score above its line's maximum is refused and nothing changes
    let err = e
        .apply(
            &r,
            Step::SelfScore {
                item: "TC1.a".into(),
                score: n("6.01"),
            },
        )
        .unwrap_err();
    assert!(
        err.vi.contains("TC1.a") && err.vi.contains("0 – 6"),
        "{}",
        err.vi
    );
    assert!(e.self_scores.is_empty());
    for (k, v) in &s {
        e.apply(
            &r,
            Step::SelfScore {
                item: k.clone(),
                score: *v,
            },
        )
        .unwrap();
    }
    e.apply(
        &r,
        Step::Submit {
            on: d(2025, 12, 16),
        },
    )
    .unwrap();
    assert!(e.late(2025), "sent the day after 15 December");
    assert!(
        e.apply(
            &r,
            Step::SelfScore {
                item: "TC5".into(),
                score: n("8")
            }
        )
        .is_err(),
        "the cooperative's sheet is closed once sent"
    );
    // the reviewer adjusts only with a reason
    let no_reason = Step::Adjust {
        item: "TC5".into(),
        score: n("2"),
        reason: " ".into(),
    };
    assert!(e.apply(&r, no_reason).unwrap_err().vi.contains("lý do"));
    e.apply(
        &r,
        Step::Adjust {
            item: "TC5".into(),
            score: n("2"),
            reason: "Bị xử phạt hành chính năm 2025".into(),
        },
    )
    .unwrap();
    assert_eq!(e.scores()["TC5"], n("2"));
    assert_eq!(
        e.self_scores["TC5"],
        n("4"),
        "the cooperative's own score is kept"
    );
    assert_eq!(r.check_sheet(&e.scores()).unwrap().total, n("81"));
    e.apply(&r, Step::Review).unwrap();
    e.apply(&r, Step::Approve).unwrap();
    // approved: locked; unlocking needs a reason
    assert!(
        e.apply(
            &r,
            Step::Adjust {
                item: "TC5".into(),
                score: n("3"),
                reason: "x".into()
            }
        )
        .is_err()
    );
    assert!(e.apply(&r, Step::Unlock { reason: "".into() }).is_err());
    assert_eq!(e.state, State::Approved);
    e.apply(
        &r,
        Step::Unlock {
            reason: "Sai sót khi nhập".into(),
        },
    )
    .unwrap();
    assert_eq!(e.state, State::Reviewed);
    // another version of the rubric is not this evaluation's
    let mut r2 = r.clone();
    r2.version = 2;
    assert!(
        e.apply(&r2, Step::Approve)
            .unwrap_err()
            .vi
            .contains("phiên bản 1")
    );
}
