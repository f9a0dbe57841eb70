use super::*;

fn n(s: &str) -> Fixed {
    Fixed::parse_plain(s).unwrap()
}

/// A full TT01/2020 sheet whose total is `total`: lines filled to their maxima from the
/// top; group III's lines (no confirmed maxima) take at most 6.67 each.
fn sheet(r: &Rubric, total: &str) -> BTreeMap<String, Fixed> {
    let mut left = n(total);
    let mut out = BTreeMap::new();
    for i in r.items() {
        if !i.children.is_empty() {
            continue;
        }
        let cap = i.max.unwrap_or(n("6.67"));
        let take = if left > cap { cap } else { left };
        out.insert(i.id.clone(), take);
        left = Fixed::from_micros(left.micros() - take.micros());
    }
    assert_eq!(left, Fixed::ZERO, "sheet for {total}");
    out
}

#[test]
fn both_shipped_rubrics_load_with_their_provenance() {
    let r = Rubric::tt01_2020();
    assert_eq!(r.total, Some(Fixed::from_int(100)));
    assert_eq!(r.items.len(), 3);
    assert_eq!(
        r.items()
            .iter()
            .filter(|i| i.id.starts_with("TC") && !i.id.contains('.'))
            .count(),
        15,
        "15 criteria"
    );
    assert!(r.legal_ref.contains("01/2020/TT-BKHĐT"));
    assert!(!r.item("TC10").unwrap().confirmed && r.item("TC10").unwrap().max.is_none());
    assert_eq!(r.item("III").unwrap().max, Some(Fixed::from_int(40)));
    let r9 = Rubric::tt09_2017();
    assert_eq!(r9.total, None, "the total is not confirmed");
    assert_eq!(r9.item("1").unwrap().max, Some(Fixed::from_int(38)));
    assert_eq!(
        r9.rate(Fixed::from_int(90)),
        RatingOutcome::Unknown,
        "thresholds unconfirmed"
    );
}

#[test]
fn ratings_at_every_threshold_edge() {
    let r = Rubric::tt01_2020();
    for (total, want) in [
        ("0", Rating::Yeu),
        ("49.99", Rating::Yeu),
        ("50", Rating::TrungBinh),
        ("64.99", Rating::TrungBinh),
        ("65", Rating::Kha),
        ("79.99", Rating::Kha),
        ("80", Rating::Tot),
        ("100", Rating::Tot),
    ] {
        assert_eq!(r.rate(n(total)), RatingOutcome::Rated(want), "{total}");
        let s = r.check_sheet(&sheet(&r, total)).unwrap();
        assert_eq!(
            (s.total, s.rating),
            (n(total), RatingOutcome::Rated(want)),
            "{total}"
        );
    }
}

#[test]
fn a_sheet_sums_by_group_and_refuses_scores_over_the_maximum() {
    let r = Rubric::tt01_2020();
    let mut s = sheet(&r, "72.5");
    let ok = r.check_sheet(&s).unwrap();
    assert_eq!(ok.by_item["I"], Fixed::from_int(30));
    assert_eq!(ok.by_item["TC1"], Fixed::from_int(7));
    s.insert("TC1.a".into(), n("6.5"));
    let e = r.check_sheet(&s).unwrap_err();
    assert_eq!(e[0].item, "TC1.a");
    assert!(
        e[0].msg.vi().contains("vượt điểm tối đa 6"),
        "{}",
        e[0].msg.vi()
    );
    // group III's lines have no confirmed maxima: together they stay within 40
    let mut s = sheet(&r, "100");
    s.insert("TC10".into(), n("10"));
    let e = r.check_sheet(&s).unwrap_err();
    assert_eq!(
        e.iter().map(|p| p.item.as_str()).collect::<Vec<_>>(),
        ["III"]
    );
    // a criterion is the sum of its lines; an unknown line and a missing one are named
    let mut s = sheet(&r, "50");
    s.insert("TC1".into(), n("1"));
    s.insert("TC99".into(), n("1"));
    s.remove("TC5");
    let items: Vec<String> = r
        .check_sheet(&s)
        .unwrap_err()
        .into_iter()
        .map(|p| p.item)
        .collect();
    assert_eq!(items, ["TC1", "TC99", "TC5"]);
    let mut s = sheet(&r, "50");
    s.insert("TC5".into(), n("-1"));
    assert_eq!(r.check_sheet(&s).unwrap_err()[0].item, "TC5");
}

#[test]
fn a_rubric_whose_maxima_do_not_add_up_is_refused_naming_the_item() {
    let shipped = include_str!("../../rubrics/tt01-2020.json");
    let mut doc: serde_json::Value = serde_json::from_str(shipped).unwrap();
    // TC1.b raised from 1 to 2 points: TC1's lines now add up to 8, not 7
    doc["items"][0]["children"][0]["children"][1]["max"] = "2".into();
    let e = Rubric::parse_json(&doc.to_string()).unwrap_err();
    assert_eq!(e.item, "TC1");
    assert!(e.msg.vi().contains("khác điểm tối đa 7"), "{}", e.msg.vi());
    let mut doc: serde_json::Value = serde_json::from_str(shipped).unwrap();
    doc["items"][0]["max"] = "ba mươi".into();
    let e = Rubric::parse_json(&doc.to_string()).unwrap_err();
    assert_eq!(e.item, "I");
    assert!(e.msg.en().contains("\"ba mươi\""), "{}", e.msg.en());
    let mut doc: serde_json::Value = serde_json::from_str(shipped).unwrap();
    doc["thresholds"][1]["min"] = "85".into();
    let e = Rubric::parse_json(&doc.to_string()).unwrap_err();
    assert!(e.msg.en().contains("higher threshold"), "{}", e.msg.en());
    let e = Rubric::parse_json("{\"id\": 1}").unwrap_err();
    assert!(e.msg.vi().starts_with("Tệp bộ tiêu chí không đọc được"));
}

#[test]
fn tt09_bands_score_at_their_edges() {
    let r = Rubric::tt09_2017();
    let points = |id: &str, v: &str| {
        r.item(id)
            .unwrap()
            .scoring
            .as_ref()
            .unwrap()
            .band_for(n(v))
            .and_then(|b| b.points)
    };
    // 1.1: actual / planned revenue, %
    assert_eq!(points("1.1", "99.99"), Some(Fixed::ZERO));
    assert_eq!(points("1.1", "100"), Some(Fixed::from_int(4)));
    assert_eq!(points("1.1", "119.99"), Some(Fixed::from_int(4)));
    assert_eq!(points("1.1", "120"), Some(Fixed::from_int(8)));
    // 1.2: revenue, million VND
    assert_eq!(points("1.2", "999"), Some(Fixed::from_int(4)));
    assert_eq!(points("1.2", "1000"), Some(Fixed::from_int(6)));
    assert_eq!(points("1.2", "10000"), Some(Fixed::from_int(10)));
    // 1.3: no profit after tax scores nothing; then < 1 million per member
    assert_eq!(points("1.3", "0"), Some(Fixed::ZERO));
    assert_eq!(points("1.3", "-3"), Some(Fixed::ZERO));
    assert_eq!(points("1.3", "0.5"), Some(Fixed::from_int(2)));
    assert_eq!(points("1.3", "5"), Some(Fixed::from_int(7)));
    assert_eq!(points("1.3", "10"), Some(Fixed::from_int(10)));
    assert_eq!(points("1.4", "19.99"), Some(Fixed::ZERO));
    assert_eq!(points("1.4", "20"), Some(Fixed::from_int(5)));
    assert_eq!(points("1.5", "5"), Some(Fixed::from_int(5)));
}

#[test]
fn an_item_id_that_cannot_be_stored_is_refused() {
    let doc = include_str!("../../rubrics/tt09-2017.json");
    let r = Rubric::parse_json(doc).unwrap();
    let first = r.items()[0].id.clone();
    let bad = doc.replacen(&format!("\"id\": \"{first}\""), "\"id\": \"1=1\"", 1);
    assert_ne!(bad, doc, "the id was replaced");
    let e = Rubric::parse_json(&bad).unwrap_err();
    assert!(e.msg.vi().contains("1=1"), "{}", e.msg.vi());
}
