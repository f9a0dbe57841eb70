use super::*;
use crate::indicator::catalogue;
use crate::plan::{Inputs, progress};

fn target(no: &str, indicator: &str, c: Comparator, v: i64) -> Target {
    Target {
        no: no.into(),
        wording: format!("Chỉ tiêu {no}"),
        indicator: indicator.into(),
        comparator: c,
        value: Fixed::from_int(v),
        value_hi: None,
        baseline_indicator: None,
        milestones: vec![],
        note: String::new(),
    }
}

fn plan() -> Plan {
    Plan {
        code: "TM-KTTT-2021".into(),
        title: "Kế hoạch phát triển kinh tế tập thể giai đoạn 2021 – 2026".into(),
        issuer: "Ủy ban nhân dân huyện Tháp Mười".into(),
        doc_no: String::new(),
        doc_date: None,
        from: 2021,
        to: 2026,
        baseline_year: 2020,
        scope: "872".into(),
        targets: vec![
            target("2", "htx.members", Comparator::Ge, 2600),
            target("1", "tht.founded", Comparator::Ge, 7),
        ],
        offices: vec![],
        tasks: vec![],
    }
}

/// Members grow by 10 a year from 100 in 2020; one THT founded a year from 2021.
fn progress_of(p: &Plan) -> Vec<TargetProgress> {
    let cat = catalogue();
    p.targets
        .iter()
        .map(|t| {
            let def = cat.iter().find(|d| d.id == t.indicator).unwrap();
            let values = |y: i32| {
                Some(Fixed::from_int(if def.subject.is_flow() {
                    (y - 2020) as i64
                } else {
                    100 + 10 * (y - 2020) as i64
                }))
            };
            progress(
                p,
                t,
                &Inputs {
                    def,
                    values: &values,
                    baseline_other: None,
                    years_with_data: &|y| y <= 2025,
                    coverage: None,
                },
            )
        })
        .collect()
}

fn figure(name: &str, base: i64, latest: i64) -> UnitFigure {
    UnitFigure {
        code: name.into(),
        name: name.into(),
        base: Some(Fixed::from_int(base)),
        latest: Some(Fixed::from_int(latest)),
    }
}

#[test]
fn the_final_report_names_the_ground_and_who_pulled_each_figure() {
    let p = plan();
    let pr = progress_of(&p);
    let by_unit = vec![TargetUnits {
        no: "2".into(),
        latest_year: Some(2025),
        units: vec![figure("Xã Mỹ Quí", 40, 35), figure("Xã Tháp Mười", 60, 115)],
    }];
    let d = final_report(&p, &pr, "Huyện Tháp Mười", "Nay là 2 xã.", &by_unit);
    assert!(d.title.starts_with("BÁO CÁO TỔNG KẾT THỰC HIỆN"));
    let headings: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings[0], "1. Địa bàn và số liệu");
    assert_eq!(headings[3], "4. Kết quả theo đơn vị hành chính hiện nay");
    for (i, h) in headings.iter().enumerate() {
        assert!(h.starts_with(&format!("{}. ", i + 1)), "{h}");
    }
    let md = crate::report::render_md(&d);
    assert!(md.contains("Nay là 2 xã."), "{md}");
    assert!(
        md.contains(
            "Chỉ tiêu 2 (2020 → 2025): Xã Tháp Mười 60 → 115 (+55); Xã Mỹ Quí 40 → 35 (-5)."
        ),
        "{md}"
    );
    assert!(md.contains("Tăng nhiều nhất: Xã Tháp Mười (+55). Giảm nhiều nhất: Xã Mỹ Quí (-5)."));
}

#[test]
fn the_next_plan_proposes_the_trend_and_says_it_is_a_proposal() {
    let old = plan();
    let pr = progress_of(&old);
    let stock: Vec<(i32, Fixed)> = (2020..=2025)
        .map(|y| (y, Fixed::from_int(100 + 10 * (y - 2020) as i64)))
        .collect();
    let flow: Vec<(i32, Fixed)> = (2021..=2025)
        .map(|y| (y, Fixed::from_int((y - 2020) as i64)))
        .collect();
    let series = [
        Series {
            progress: &pr[0],
            values: stock,
        },
        Series {
            progress: &pr[1],
            values: flow,
        },
    ];
    let (next, proposals) = draft_next(&old, "30061", "Xã Đốc Binh Kiều", (2026, 2030), &series);
    assert_eq!((next.from, next.to, next.baseline_year), (2026, 2030, 2025));
    assert_eq!(next.scope, "30061");
    assert_eq!(next.code, "KTTT-30061-2026-2030");
    // 150 in 2025, +10 a year: 200 in 2030
    assert_eq!(next.targets[0].value, Fixed::from_int(200));
    assert_eq!(proposals[0].baseline, Some(Fixed::from_int(150)));
    // five founded in five years: five more in the next five; one of them in 2025
    assert_eq!(next.targets[1].value, Fixed::from_int(5));
    assert_eq!(proposals[1].baseline, Some(Fixed::from_int(1)));
    for t in &next.targets {
        assert!(t.note.starts_with("ĐỀ XUẤT"), "{}", t.note);
        assert!(t.note.contains("không phải chỉ tiêu đã ban hành"));
    }
    assert!(crate::plan::check_plan(&next).is_empty());
    let doc = draft_document(&next, &proposals, "Địa bàn: Xã Đốc Binh Kiều.");
    let md = crate::report::render_md(&doc);
    assert!(md.contains("DỰ THẢO KẾ HOẠCH"), "{md}");
    assert!(md.contains("không phải văn bản đã ban hành"));
    assert!(md.contains("Chỉ tiêu 2: Tổng số thành viên HTX — đề xuất đến năm 2030: ≥ 200 người. ĐỀ XUẤT theo xu hướng 2020–2025;"), "{md}");
}

#[test]
fn a_falling_trend_never_proposes_less_than_the_baseline() {
    let old = plan();
    let pr = progress_of(&old);
    let falling: Vec<(i32, Fixed)> = (2020..=2025)
        .map(|y| (y, Fixed::from_int(200 - 10 * (y - 2020) as i64)))
        .collect();
    let series = [Series {
        progress: &pr[0],
        values: falling,
    }];
    let (next, _) = draft_next(&old, "30061", "X", (2026, 2030), &series);
    assert_eq!(next.targets[0].value, Fixed::from_int(150));
    assert!(
        next.targets[0].note.contains("giữ mức năm 2025"),
        "{}",
        next.targets[0].note
    );
}
