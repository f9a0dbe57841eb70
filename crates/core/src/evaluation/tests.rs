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
    assert!(err.vi().contains("TC1.a"), "{}", err.vi());
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
        err.vi().contains("TC1.a") && err.vi().contains("0 – 6"),
        "{}",
        err.vi()
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
    assert!(e.apply(&r, no_reason).unwrap_err().vi().contains("lý do"));
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
            .vi()
            .contains("phiên bản 1")
    );
}

fn revenue_only(revenue: &str, members: Option<i64>) -> crate::model::ReportFigures {
    crate::model::ReportFigures {
        revenue: Some(n(revenue)),
        members,
        ..Default::default()
    }
}

#[test]
fn revenue_is_banded_by_tt09_criterion_1_2_at_every_edge() {
    let r = Rubric::tt09_2017();
    // < 1 bn → 4; 1 to < 5 bn → 6; 5 to < 10 bn → 8; ≥ 10 bn → 10 (million VND)
    for (rev, pts) in [
        ("0", "4"),
        ("999.99", "4"),
        ("1000", "6"),
        ("4999.999999", "6"),
        ("5000", "8"),
        ("9999", "8"),
        ("10000", "10"),
        ("250000", "10"),
    ] {
        let p = propose(&r, &revenue_only(rev, Some(9)));
        let line = p.iter().find(|p| p.item == "1.2").unwrap();
        assert_eq!(line.value, Some(n(rev)));
        assert_eq!(line.points, Some(n(pts)), "revenue {rev}");
        assert!(line.missing.is_empty());
    }
    // what-if on the figures: the revenue to reach for the next step
    let next = |rev: &str| {
        propose(&r, &revenue_only(rev, Some(9)))
            .into_iter()
            .find(|p| p.item == "1.2")
            .unwrap()
            .next
            .map(|b| (b.low, b.points))
    };
    assert_eq!(next("999.99"), Some((Some(n("1000")), Some(n("6")))));
    assert_eq!(next("1000"), Some((Some(n("5000")), Some(n("8")))));
    assert_eq!(next("10000"), None, "already in the top band");
}

#[test]
fn a_measure_hoptac_does_not_keep_is_named_not_guessed() {
    let r = Rubric::tt09_2017();
    let p = propose(&r, &revenue_only("1200", Some(9)));
    // 1.1 needs the planned revenue; 1.3 the after-tax profit; 1.4/1.5 the funds
    let l11 = p.iter().find(|p| p.item == "1.1").unwrap();
    assert_eq!(l11.value, None);
    assert_eq!(l11.points, None);
    assert_eq!(l11.missing, vec!["planned_revenue".to_string()]);
    let l13 = p.iter().find(|p| p.item == "1.3").unwrap();
    assert_eq!(l13.missing, vec!["profit_after_tax".to_string()]);
    assert_eq!(
        p.iter().map(|p| p.item.as_str()).collect::<Vec<_>>(),
        ["1.1", "1.2", "1.3", "1.4", "1.5"]
    );
    // a missing figure in the report is named the same way
    let none = propose(&r, &crate::model::ReportFigures::default());
    let l12 = none.iter().find(|p| p.item == "1.2").unwrap();
    assert_eq!((l12.value, l12.points), (None, None));
    assert_eq!(l12.missing, vec!["revenue".to_string()]);
}

#[test]
fn tt01_proposes_nothing_until_annex_1_is_loaded() {
    assert!(propose(&Rubric::tt01_2020(), &revenue_only("5000", Some(30))).is_empty());
}

#[test]
fn a_ratio_measure_divides_and_an_unconfirmed_band_proposes_nothing() {
    let mut r = Rubric::tt09_2017();
    // an office's corrected rubric that scores revenue per member, one band unconfirmed
    let line = r.items[0]
        .children
        .iter_mut()
        .find(|i| i.id == "1.2")
        .unwrap();
    let s = line.scoring.as_mut().unwrap();
    s.measure = "revenue / members".into();
    s.bands[1].confirmed = false;
    let p = propose(&r, &revenue_only("3000", Some(3)));
    let l = p.iter().find(|p| p.item == "1.2").unwrap();
    assert_eq!(l.value, Some(n("1000")));
    assert_eq!(l.band.as_ref().unwrap().low, Some(n("1000")));
    assert_eq!(l.points, None, "the band is not confirmed");
    let zero = propose(&r, &revenue_only("3000", Some(0)));
    assert_eq!(zero.iter().find(|p| p.item == "1.2").unwrap().value, None);
}
