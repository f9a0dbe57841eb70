//! The yearly evaluation on the demo district: the workflow, its permissions, who is not rated.

use crate::signed_in as actor;

use crate::{app, sys};
use hoptac_app::AppError;
use hoptac_core::Fixed;
use hoptac_core::evaluation::{State, Step};
use hoptac_core::rubric::RatingOutcome;

fn n(s: &str) -> Fixed {
    Fixed::parse_plain(s).unwrap()
}

async fn demo() -> (hoptac_app::App, hoptac_store_conformance::TestDb) {
    let (a, d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    (a, d)
}

#[tokio::test]
async fn the_demo_years_are_evaluated_and_the_list_says_who_is_not_rated() {
    let (a, _d) = demo().await;
    let y2024 = a.evaluations(&sys(), 2024, None, None).await.unwrap();
    // 2024: every sheet approved; Mỹ Đông 3 sent neither its report nor its sheet; Láng
    // Biển stopped operating; the Hội quán cooperative founded in February is too new
    let not_approved: Vec<(&str, Option<State>, bool)> = y2024
        .iter()
        .filter(|r| r.state != Some(State::Approved))
        .map(|r| (r.org.as_str(), r.state, r.excluded.is_some()))
        .collect();
    assert_eq!(
        not_approved,
        [
            ("HTX-TM-20", None, true),
            ("HTX-TM-37", None, true),
            ("HTX-TM-15", None, false)
        ]
    );
    let ratings: std::collections::BTreeSet<_> = y2024.iter().filter_map(|r| r.rating).collect();
    assert!(ratings.len() >= 3, "a spread of ratings: {ratings:?}");
    let y2025 = a.evaluations(&sys(), 2025, None, None).await.unwrap();
    let row = |code: &str| y2025.iter().find(|r| r.org.as_str() == code).unwrap();
    assert_eq!(
        row("HTX-TM-11").state,
        Some(State::Draft),
        "Phước Tiến never sent its sheet"
    );
    assert!(
        row("HTX-TM-20")
            .excluded
            .as_ref()
            .unwrap()
            .vi()
            .contains("Ngừng hoạt động")
    );
    assert_eq!(row("HTX-TM-20").state, None);
    assert_eq!(
        row("HTX-TM-01").adjusted,
        1,
        "Mỹ Quý's TC5 adjusted with a reason"
    );
    // one late sheet, sent on 17 December; the others on time
    let late: Vec<&str> = y2025
        .iter()
        .filter(|r| r.late)
        .map(|r| r.org.as_str())
        .collect();
    assert_eq!(late, ["HTX-TM-18"]);
    // the agricultural cooperatives' axes are entered for 2025, the transport ones are not
    assert_eq!(
        row("HTX-TM-04").classification.supply,
        Some(hoptac_core::evaluation::classification::SupplyType::Production)
    );
    assert!(row("HTX-TM-04").capital_scale.is_some());
    assert_eq!(row("HTX-TM-10").classification, Default::default());
    // Mỹ Quý's TT09 draft claims a revenue band its figures do not give
    let tt09 = a
        .evaluation_of(&sys(), "HTX-TM-01", 2025, Some("TT09/2017"))
        .await
        .unwrap();
    let proposed = tt09
        .proposals
        .iter()
        .find(|p| p.item == "1.2")
        .unwrap()
        .points;
    let claimed = tt09.evaluation.unwrap().self_scores["1.2"];
    assert!(proposed.is_some() && proposed != Some(claimed));
    // the total is the sum of the lines, the rating the rubric's
    let r = hoptac_core::rubric::Rubric::tt01_2020();
    for x in y2025.iter().filter(|x| x.total.is_some()) {
        let want = r.rate(x.total.unwrap());
        assert_eq!(x.rating, Some(want), "{}", x.org);
        assert!(matches!(want, RatingOutcome::Rated(_)));
    }
}

#[tokio::test]
async fn a_sheet_goes_from_draft_to_approved_and_stays_locked() {
    let (a, _d) = demo().await;
    let d = |y, m, dd| hoptac_core::date::ymd(y, m, dd).unwrap();
    let org = "HTX-TM-11";
    // the cooperative account of another cooperative cannot touch it
    let s = a
        .login("htx.tankieu", hoptac_demo::district::DEMO_PASSWORD, "x")
        .await
        .unwrap();
    let coop = a.session(&s.token, "x").await.unwrap().unwrap().actor;
    assert!(matches!(
        a.evaluation_step(
            &coop,
            org,
            2025,
            None,
            Step::Submit {
                on: d(2025, 12, 20)
            }
        )
        .await,
        Err(AppError::Forbidden)
    ));
    // nor approve its own
    assert!(matches!(
        a.evaluation_step(&coop, "HTX-TM-07", 2025, None, Step::Approve)
            .await,
        Err(AppError::Forbidden)
    ));
    // a score above the line's maximum names the line; nothing is written
    let e = a
        .evaluation_step(
            &sys(),
            org,
            2025,
            None,
            Step::SelfScore {
                item: "TC3.a".into(),
                score: n("4.5"),
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, AppError::Invalid { field, .. } if field == "TC3.a"),
        "{e:?}"
    );
    let e = a
        .evaluation_step(
            &sys(),
            org,
            2025,
            None,
            Step::Submit {
                on: d(2025, 12, 20),
            },
        )
        .await
        .unwrap();
    assert_eq!(e.state, State::Submitted);
    let row = a
        .evaluations(&sys(), 2025, None, None)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.org.as_str() == org)
        .unwrap();
    assert!(row.late, "sent on 20 December");
    let no_reason = Step::Adjust {
        item: "TC5".into(),
        score: n("1"),
        reason: "".into(),
    };
    assert!(
        a.evaluation_step(&sys(), org, 2025, None, no_reason)
            .await
            .is_err()
    );
    for step in [
        Step::Adjust {
            item: "TC5".into(),
            score: n("1"),
            reason: "Bị xử phạt vi phạm hành chính".into(),
        },
        Step::Review,
        Step::Approve,
    ] {
        a.evaluation_step(&sys(), org, 2025, None, step)
            .await
            .unwrap();
    }
    let locked = a
        .evaluation_step(
            &sys(),
            org,
            2025,
            None,
            Step::Adjust {
                item: "TC5".into(),
                score: n("2"),
                reason: "x".into(),
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&locked, AppError::Invalid { msg, .. } if msg.vi().contains("đã duyệt")),
        "{locked:?}"
    );
    let stored = a.store().evaluations(Some(2025)).await.unwrap();
    let mine = stored.iter().find(|e| e.org.as_str() == org).unwrap();
    assert_eq!(mine.evaluation.state, State::Approved);
    assert_eq!(mine.evaluation.adjusted["TC5"].0, n("1"));
    // an organisation not rated this year gets no sheet
    let e = a
        .evaluation_step(&sys(), "HTX-TM-20", 2025, None, Step::Review)
        .await
        .unwrap_err();
    assert!(
        matches!(&e, AppError::Invalid { msg, .. } if msg.vi().contains("không xếp loại")),
        "{e:?}"
    );
    let trail = a
        .audit_trail(
            &sys(),
            hoptac_store::AuditQuery {
                action: Some("evaluate.approve".into()),
                limit: 5,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(trail[0].key, format!("{org}/2025"));
}

/// A sheet as a cooperative sends it back: header row, then `id, title, max, score`.
fn filled(rows: &[(&str, Option<f64>)]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "PHIẾU TỰ CHẤM ĐIỂM").unwrap();
    for (c, h) in ["STT", "Tiêu chí", "Điểm tối đa", "Điểm HTX tự chấm"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (k, (id, score)) in rows.iter().enumerate() {
        let r = 3 + k as u32;
        ws.write_string(r, 0, *id).unwrap();
        if let Some(s) = score {
            ws.write_number(r, 3, *s).unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

#[tokio::test]
async fn the_scoring_sheet_goes_out_and_comes_back() {
    let (a, _d) = demo().await;
    let org = "HTX-TM-11";
    let before = a
        .evaluation_of(&sys(), org, 2025, None)
        .await
        .unwrap()
        .evaluation
        .unwrap();
    // out and back unchanged: the round trip loses nothing
    let xlsx = a
        .evaluation_sheet_xlsx(&sys(), org, 2025, None)
        .await
        .unwrap();
    let back = a
        .import_evaluation_sheet(&sys(), org, 2025, None, &xlsx)
        .await
        .unwrap();
    assert_eq!(back.self_scores, before.self_scores);
    // a filled sheet changes the lines it scores
    let e = a
        .import_evaluation_sheet(
            &sys(),
            org,
            2025,
            None,
            &filled(&[("TC1.a", Some(5.5)), ("TC5", None)]),
        )
        .await
        .unwrap();
    assert_eq!(e.self_scores["TC1.a"], n("5.5"));
    assert_eq!(
        e.self_scores["TC5"], before.self_scores["TC5"],
        "an empty cell keeps the line"
    );
    // one bad line refuses the whole sheet, the good line beside it included
    let other = if before.self_scores["TC1.b"] == Fixed::ZERO {
        1.0
    } else {
        0.0
    };
    for bad in [
        filled(&[("TC1.b", Some(other)), ("TC1.a", Some(6.5))]),
        filled(&[("TC1.b", Some(other)), ("TC99", Some(1.0))]),
        filled(&[("TC1.b", Some(other)), ("TC1", Some(7.0))]),
    ] {
        let err = a
            .import_evaluation_sheet(&sys(), org, 2025, None, &bad)
            .await
            .unwrap_err();
        assert!(matches!(err, AppError::Invalid { .. }), "{err:?}");
    }
    let now = a
        .evaluation_of(&sys(), org, 2025, None)
        .await
        .unwrap()
        .evaluation
        .unwrap();
    assert_eq!(
        now.self_scores["TC1.b"], before.self_scores["TC1.b"],
        "nothing half-written"
    );
    // an approved sheet does not take scores
    let approved = a
        .evaluation_sheet_xlsx(&sys(), "HTX-TM-12", 2024, None)
        .await
        .unwrap();
    assert!(
        a.import_evaluation_sheet(&sys(), "HTX-TM-12", 2024, None, &approved)
            .await
            .is_err()
    );
}

/// TT01/2020 with group III completed as an office would: 5 + 5 × 7 = 40.
fn completed_tt01() -> serde_json::Value {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("../../../core/rubrics/tt01-2020.json")).unwrap();
    for (k, c) in v["items"][2]["children"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        c["max"] = if k == 0 { "5" } else { "7" }.into();
        c["confirmed"] = true.into();
    }
    v
}

#[tokio::test]
async fn a_loaded_rubric_version_serves_new_sheets_and_old_sheets_keep_theirs() {
    let (a, _d) = demo().await;
    let doc = completed_tt01().to_string();
    // only an administrator loads a rubric
    let staff = actor(&a, "canbo").await;
    assert!(matches!(
        a.load_rubric(&staff, &doc, "").await,
        Err(AppError::Forbidden)
    ));
    // a document whose maxima do not add up is refused naming the item; nothing stored
    let mut broken = completed_tt01();
    broken["items"][2]["children"][0]["max"] = "9".into();
    let e = a
        .load_rubric(&sys(), &broken.to_string(), "")
        .await
        .unwrap_err();
    assert!(
        matches!(&e, AppError::Invalid { field, .. } if field == "III"),
        "{e:?}"
    );
    assert_eq!(a.rubric_book().await.unwrap().history("TT01/2020").len(), 1);

    let r = a
        .load_rubric(&sys(), &doc, "Phụ lục 1 đối chiếu")
        .await
        .unwrap();
    assert_eq!((r.id.as_str(), r.version), ("TT01/2020", 2));
    let book = a.rubric_book().await.unwrap();
    let history = book.history("TT01/2020");
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].note, "Phụ lục 1 đối chiếu");
    assert!(
        history[1].document.contains("\"version\": 2"),
        "stored with its number"
    );
    assert_eq!(book.current("TT01/2020").unwrap().version, 2);
    assert_eq!(book.version("TT01/2020", 1).unwrap().version, 1);
    // nothing changed: refused
    assert!(matches!(
        a.load_rubric(&sys(), &doc, "").await,
        Err(AppError::Invalid { .. })
    ));

    // an approved sheet keeps version 1 and its total
    let v1 = a
        .evaluation_of(&sys(), "HTX-TM-12", 2024, None)
        .await
        .unwrap();
    assert_eq!(v1.rubric.version, 1);
    assert_eq!(v1.evaluation.as_ref().unwrap().rubric_version, 1);
    // the draft started under version 1 still takes scores by version 1
    let e = a
        .evaluation_step(
            &sys(),
            "HTX-TM-11",
            2025,
            None,
            Step::SelfScore {
                item: "TC1.b".into(),
                score: n("1"),
            },
        )
        .await
        .unwrap();
    assert_eq!(e.rubric_version, 1);
    // a sheet started now is made by version 2, whose TC10 has a maximum of 5
    let rows = a.evaluations(&sys(), 2026, None, None).await.unwrap();
    let r = rows
        .iter()
        .find(|r| r.state.is_none() && r.excluded.is_none())
        .expect("the demo has cooperatives without a 2026 sheet");
    let fresh = a
        .evaluation_of(&sys(), r.org.as_str(), 2026, None)
        .await
        .unwrap();
    assert_eq!(fresh.rubric.version, 2);
    assert!(fresh.evaluation.is_none());
    {
        let e = a
            .evaluation_step(
                &sys(),
                r.org.as_str(),
                2026,
                None,
                Step::SelfScore {
                    item: "TC10".into(),
                    score: n("6"),
                },
            )
            .await
            .unwrap_err();
        assert!(
            matches!(&e, AppError::Invalid { field, .. } if field == "TC10"),
            "above version 2's maximum: {e:?}"
        );
    }
    // the audit trail says who loaded it
    let audit = a.audit_trail(&sys(), Default::default()).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|x| x.action == "rubric.load" && x.key == "TT01/2020/2")
    );
}

#[tokio::test]
async fn the_summary_agrees_with_the_lists_the_indicators_and_its_workbook() {
    use hoptac_app::evaluation_summary::EvaluationSummary;
    use hoptac_core::types::Rating;
    let (a, _d) = demo().await;
    let s = a.evaluation_summary(&sys(), 2024, None).await.unwrap();
    // cooperatives: from the approved sheets of the year's list
    let list = a.evaluations(&sys(), 2024, None, None).await.unwrap();
    for (r, n) in hoptac_app::evaluation::approved_by_rating(&list) {
        assert_eq!(s.htx.get(r), n, "{r:?}");
    }
    assert_eq!(s.htx.total(), list.len());
    assert_eq!(
        s.htx.not_rated,
        list.iter().filter(|r| r.excluded.is_some()).count()
    );
    assert!(
        s.htx.not_rated >= 1,
        "the dormant and too-new cases are counted apart"
    );
    assert!(s.htx.rated() >= 10);
    // groups: the entered ratings, as the plan's indicator counts them
    let stats = a.stats(&sys(), 2023, 2024, None).await.unwrap();
    let ind = |id: &str| stats.indicators.iter().find(|i| i.id == id).unwrap().value;
    assert_eq!(
        ind("tht.rated_kha_or_better"),
        Some(Fixed::from_int((s.tht.tot + s.tht.kha) as i64))
    );
    assert_eq!(
        ind("tht.active"),
        Some(Fixed::from_int(s.tht.total() as i64))
    );
    // the breakdowns add up to the year
    assert_eq!(EvaluationSummary::totals(&s.by_commune), (s.htx, s.tht));
    assert_eq!(EvaluationSummary::totals(&s.by_sector), (s.htx, s.tht));
    assert_eq!(s.years.len(), 5);
    assert_eq!(s.years.last().unwrap(), &(2024, s.htx, s.tht));
    // who fell: compared by hand with the year before
    let before = a.evaluations(&sys(), 2023, None, None).await.unwrap();
    let approved = |rows: &[hoptac_app::evaluation::EvaluationRow], code: &hoptac_core::OrgCode| {
        rows.iter()
            .find(|r| &r.org == code && r.excluded.is_none() && r.state == Some(State::Approved))
            .and_then(|r| match r.rating {
                Some(RatingOutcome::Rated(x)) => Some(x),
                _ => None,
            })
    };
    let mut by_hand: Vec<String> = list
        .iter()
        .filter(|r| {
            matches!(
                (approved(&list, &r.org), approved(&before, &r.org)),
                (Some(now), Some(was)) if now < was
            )
        })
        .map(|r| r.org.to_string())
        .collect();
    let snap = a.snapshot().await.unwrap();
    let entered = |code: &hoptac_core::OrgCode, y: i32| -> Option<Rating> {
        snap.reports
            .iter()
            .find(|r| &r.org == code && r.year.get() == y)
            .and_then(|r| r.figures.rating)
    };
    let end = hoptac_core::date::ymd(2024, 12, 31).unwrap();
    for o in snap
        .orgs
        .iter()
        .filter(|o| o.kind == hoptac_core::types::OrgKind::Tht && o.active_on(end))
    {
        if let (Some(now), Some(was)) = (entered(&o.code, 2024), entered(&o.code, 2023))
            && now < was
        {
            by_hand.push(o.code.to_string());
        }
    }
    by_hand.sort();
    let mut fell: Vec<String> = s.fell.iter().map(|f| f.org.to_string()).collect();
    fell.sort();
    assert_eq!(fell, by_hand);
    assert!(
        !fell.is_empty(),
        "the demo has organisations that fell a rating"
    );
    assert!(s.fell.iter().all(|f| f.to < f.from));

    // 2025: sheets not yet approved are pending, not rated
    let s25 = a.evaluation_summary(&sys(), 2025, None).await.unwrap();
    assert!(s25.htx.pending > 0);

    // the workbook to the province carries the same numbers
    let bytes = a.evaluation_summary_xlsx(&sys(), 2024, None).await.unwrap();
    let book = hoptac_exchange::read::read_xlsx(&bytes).unwrap();
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "HTX theo xã",
            "HTX theo lĩnh vực",
            "Danh sách HTX",
            "THT theo xã",
            "Qua các năm",
            "Giảm hạng"
        ]
    );
    use hoptac_exchange::cells::Cell as C;
    let first = &book.sheets[0];
    let total = &first.rows.last().unwrap().1;
    assert_eq!(total[0], C::Text("Tổng cộng".into()));
    assert_eq!(total[1], C::Number(s.htx.total() as f64));
    assert_eq!(total[2], C::Number(s.htx.tot as f64));
    assert_eq!(total[6], C::Number(s.htx.not_rated as f64));
    assert!(
        matches!(&first.rows[0].1[0], C::Text(t) if t.contains("TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI HỢP TÁC XÃ NĂM 2024"))
    );
    assert_eq!(
        book.sheets[2].rows.len(),
        4 + list.len(),
        "title, subtitle, a blank line, header, then one row each"
    );
}

#[tokio::test]
async fn submitting_the_sheet_in_hoptac_closes_the_missing_sheet_case() {
    let (a, _d) = demo().await;
    let d = |y, m, dd| hoptac_core::date::ymd(y, m, dd).unwrap();
    let missing = |r: &hoptac_app::checks::CheckReport| {
        r.cases
            .iter()
            .any(|c| c.rule == "self_assessment_missing" && c.org.as_str() == "HTX-TM-11")
    };
    assert!(missing(
        &a.check(&sys(), d(2025, 12, 31), None).await.unwrap()
    ));
    // Phước Tiến's draft, completed and submitted on the 14th
    let v = a
        .evaluation_of(&sys(), "HTX-TM-11", 2025, None)
        .await
        .unwrap();
    let mut steps: Vec<Step> = v
        .rubric
        .items()
        .into_iter()
        .filter(|i| i.children.is_empty())
        .filter(|i| {
            !v.evaluation
                .as_ref()
                .unwrap()
                .self_scores
                .contains_key(&i.id)
        })
        .map(|i| Step::SelfScore {
            item: i.id.clone(),
            score: Fixed::ZERO,
        })
        .collect();
    steps.push(Step::Submit {
        on: d(2025, 12, 14),
    });
    a.evaluation_steps(&sys(), "HTX-TM-11", 2025, None, steps)
        .await
        .unwrap();
    let after = a.check(&sys(), d(2025, 12, 31), None).await.unwrap();
    assert!(
        !missing(&after),
        "the evaluation's date counts as the sheet sent"
    );
}

/// The year's lists are kept per generation of the database (the evaluations page asks for
/// six of them and again for each page): the next write is seen at once, in every scope.
#[tokio::test]
async fn a_list_kept_for_its_generation_shows_the_next_write() {
    let (a, _d) = demo().await;
    let org = "HTX-TM-11";
    let state = |rows: &[hoptac_app::evaluation::EvaluationRow]| {
        rows.iter().find(|r| r.org.as_str() == org).map(|r| r.state)
    };
    let whole = a.evaluations(&sys(), 2025, None, None).await.unwrap();
    let again = a.evaluations(&sys(), 2025, None, None).await.unwrap();
    assert_eq!(whole.len(), again.len());
    assert_eq!(state(&whole), Some(Some(State::Draft)));
    let snap = a.snapshot().await.unwrap();
    let commune = snap
        .orgs
        .iter()
        .find(|o| o.code.as_str() == org)
        .unwrap()
        .commune;
    let code = snap
        .units
        .iter()
        .find(|u| u.id == commune)
        .unwrap()
        .code
        .clone();
    let scoped = a
        .evaluations(&sys(), 2025, Some(code.as_str()), None)
        .await
        .unwrap();
    assert!(
        !scoped.is_empty() && scoped.len() < whole.len(),
        "a scope is its own list"
    );
    assert_eq!(state(&scoped), Some(Some(State::Draft)));
    a.evaluation_step(
        &sys(),
        org,
        2025,
        None,
        Step::Submit {
            on: hoptac_core::date::ymd(2025, 12, 10).unwrap(),
        },
    )
    .await
    .unwrap();
    let whole = a.evaluations(&sys(), 2025, None, None).await.unwrap();
    assert_eq!(state(&whole), Some(Some(State::Submitted)));
    let scoped = a
        .evaluations(&sys(), 2025, Some(code.as_str()), None)
        .await
        .unwrap();
    assert_eq!(state(&scoped), Some(Some(State::Submitted)));
    assert!(a.unreadable_evaluations().await.unwrap().is_empty());
}

/// Communes are counted as units, not names: a country has many a "Xã Tân Phú", and two
/// communes of one name in two districts are two rows, each saying its district.
#[tokio::test]
async fn communes_that_share_a_name_are_two_rows_of_the_summary() {
    use hoptac_core::model::{AdminUnit, Organization, UnitId};
    use hoptac_core::types::{AdminLevel, OrgKind, Sector};
    let (a, _d) = demo().await;
    let snap = a.snapshot().await.unwrap();
    let twin = snap
        .orgs
        .iter()
        .find(|o| o.code.as_str() == "HTX-TM-01")
        .unwrap()
        .commune;
    let twin = snap.units.iter().find(|u| u.id == twin).unwrap().clone();
    let province = snap
        .units
        .iter()
        .find(|u| u.level == AdminLevel::Province)
        .unwrap()
        .id;
    let unit = |id, code: &str, name: &str, level, parent| AdminUnit {
        id: UnitId(id),
        code: code.into(),
        name: name.into(),
        level,
        parent: Some(parent),
        valid_from: None,
        valid_to: None,
    };
    a.store()
        .apply(&hoptac_store::ChangeSet {
            units: vec![
                unit(990, "990", "Huyện Khác", AdminLevel::District, province),
                unit(99001, "99001", &twin.name, AdminLevel::Commune, UnitId(990)),
            ],
            orgs: vec![Organization {
                code: hoptac_core::OrgCode::parse("HTX-KHAC-01").unwrap(),
                kind: OrgKind::Htx,
                name: "HTX Bên Kia".into(),
                sector: Sector::Agriculture,
                commune: UnitId(99001),
                founded_on: hoptac_core::date::ymd(2015, 1, 5).unwrap(),
                dissolved_on: None,
                registration_no: None,
            }],
            ..Default::default()
        })
        .await
        .unwrap();
    let s = a.evaluation_summary(&sys(), 2024, None).await.unwrap();
    let rows: Vec<&str> = s
        .by_commune
        .iter()
        .filter(|r| r.label.starts_with(&twin.name))
        .map(|r| r.label.as_str())
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows.contains(&format!("{} (Huyện Khác)", twin.name).as_str()),
        "{rows:?}"
    );
    let theirs = s
        .by_commune
        .iter()
        .find(|r| r.label.ends_with("(Huyện Khác)"))
        .unwrap();
    assert_eq!(theirs.htx.total(), 1, "its one cooperative, counted once");
    let (htx, tht) = hoptac_app::evaluation_summary::EvaluationSummary::totals(&s.by_commune);
    assert_eq!((htx, tht), (s.htx, s.tht), "the rows add up to the year");
}
