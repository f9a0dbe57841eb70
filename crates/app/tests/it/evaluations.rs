//! The yearly evaluation on the demo district: the workflow, its permissions, who is not rated.

use crate::{app, sys};
use hoptac_app::AppError;
use hoptac_core::Fixed;
use hoptac_core::evaluation::{State, Step};
use hoptac_core::rubric::RatingOutcome;

fn n(s: &str) -> Fixed {
    Fixed::parse_plain(s).unwrap()
}

async fn demo() -> (hoptac_app::App, tempfile::TempDir) {
    let (a, d) = app().await;
    a.load_demo().await.unwrap();
    (a, d)
}

#[tokio::test]
async fn the_demo_years_are_evaluated_and_the_list_says_who_is_not_rated() {
    let (a, _d) = demo().await;
    let y2024 = a.evaluations(&sys(), 2024, None).await.unwrap();
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
    let y2025 = a.evaluations(&sys(), 2025, None).await.unwrap();
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
            .vi
            .contains("Ngừng hoạt động")
    );
    assert_eq!(row("HTX-TM-20").state, None);
    assert_eq!(
        row("HTX-TM-01").adjusted,
        1,
        "Mỹ Quý's TC5 adjusted with a reason"
    );
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
        .login("htx.tankieu", hoptac_app::demo::DEMO_PASSWORD, "x")
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
        .evaluations(&sys(), 2025, None)
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
        matches!(&locked, AppError::Invalid { msg, .. } if msg.vi.contains("đã duyệt")),
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
        matches!(&e, AppError::Invalid { msg, .. } if msg.vi.contains("không xếp loại")),
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
