use super::*;

fn iv(value: i64, base: i64) -> IndicatorValue {
    let (v, b) = (Fixed::from_int(value), Fixed::from_int(base));
    IndicatorValue {
        id: "x".into(),
        value: Some(v),
        base: Some(b),
        change_pct: v.change_pct(b),
        ratio_pct: v.ratio_pct(b),
    }
}

#[test]
fn phrases_follow_the_data() {
    assert_eq!(
        change_phrase(&iv(21, 23), 2016),
        "giảm 8,70% so với năm 2016"
    );
    assert_eq!(
        change_phrase(&iv(2697, 1398), 2016),
        "đạt 192,92% so với năm 2016"
    );
    assert_eq!(
        change_phrase(&iv(1600, 1500), 2016),
        "tăng 6,67% so với năm 2016"
    );
    assert_eq!(change_phrase(&iv(5, 5), 2016), "không đổi so với năm 2016");
    let mut none = iv(5, 5);
    none.base = None;
    none.change_pct = None;
    assert_eq!(change_phrase(&none, 2016), "");
}

#[test]
fn a_count_of_none_is_said_in_words_never_00() {
    let d = situation(&Snapshot::default(), None, 2016, 2020);
    let h = render_html(&d, &|id| format!("/x?{id}"));
    assert!(
        h.contains("không thành lập mới hợp tác xã (HTX) nào"),
        "{h}"
    );
    assert!(h.contains("không có HTX nào hoàn thành giải thể"), "{h}");
    assert!(h.contains("không có HTX nào đang hoạt động"), "{h}");
    assert!(h.contains("hiện không có tổ hợp tác (THT) nào"), "{h}");
    assert!(!h.contains(">00<") && !h.contains(" 00 "), "{h}");
    assert_eq!(count_vi(Fixed::ZERO), "0");
}

#[test]
fn counts_are_padded_like_the_source() {
    assert_eq!(count_vi(Fixed::from_int(2)), "02");
    assert_eq!(count_vi(Fixed::from_int(21)), "21");
    assert_eq!(count_vi(Fixed::from_int(2697)), "2.697");
    assert_eq!(pct_vi(Fixed::from_int(72)), "72,00%");
}

#[test]
fn html_is_escaped() {
    let d = Document {
        title: "<b>".into(),
        subtitle: String::new(),
        sections: vec![Section {
            heading: "a&b".into(),
            paragraphs: vec![Paragraph(vec![t("<script>")])],
        }],
        footnotes: vec!["\"x\"".into()],
    };
    let h = render_html(&d, &|id| format!("/x?{id}"));
    assert!(
        h.contains("&lt;b&gt;")
            && h.contains("a&amp;b")
            && h.contains("&lt;script&gt;")
            && h.contains("&quot;x&quot;")
    );
    assert!(!h.contains("<script>"));
}
