//! Evaluations and classifications of cooperatives.

use crate::fixtures::*;
use hoptac_core::Fixed;
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::evaluation::classification::{AgriField, Classification, SupplyType};
use hoptac_core::evaluation::{Evaluation, State};
use hoptac_store::{AuditQuery, Store};
use hoptac_store::{StoredClassification, StoredEvaluation};

fn sheet(state: State) -> Evaluation {
    Evaluation {
        rubric_id: "tt09-2017".into(),
        rubric_version: 2,
        state,
        self_scores: [
            ("1.1".to_string(), Fixed::from_int(5)),
            ("2.3".to_string(), Fixed::parse_plain("2.5").unwrap()),
        ]
        .into(),
        adjusted: [(
            "2.3".to_string(),
            (Fixed::from_int(1), "thiếu sổ sách \"kế toán\"".to_string()),
        )]
        .into(),
        submitted_on: ymd(2025, 12, 10),
    }
}

/// A year's sheets and classification axes round-trip exactly, are replaced rather than
/// duplicated, carry their audit entries, move the generation, and one for an organisation
/// that does not exist writes nothing at all.
pub async fn evaluations_and_classifications_round_trip(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let a1 = OrgCode::parse("A1").unwrap();
    let stored = StoredEvaluation {
        org: a1.clone(),
        year: 2025,
        evaluation: sheet(State::Submitted),
    };
    let g = s.generation().await.unwrap();
    s.save_evaluations(
        std::slice::from_ref(&stored),
        &[entry("evaluate.submit", "evaluations", "A1/2025", Some(2))],
    )
    .await
    .unwrap();
    assert!(s.generation().await.unwrap() > g);
    assert_eq!(
        s.evaluations(Some(2025)).await.unwrap(),
        vec![stored.clone()]
    );
    assert!(s.evaluations(Some(2024)).await.unwrap().is_empty());
    assert_eq!(s.evaluations(None).await.unwrap(), vec![stored.clone()]);
    assert!(s.unreadable_evaluations().await.unwrap().is_empty());
    assert_eq!(
        s.sheets_submitted("tt09-2017").await.unwrap(),
        vec![(a1.clone(), 2025, ymd(2025, 12, 10).unwrap())]
    );
    assert!(s.sheets_submitted("tt01-2020").await.unwrap().is_empty());
    let approved = StoredEvaluation {
        evaluation: sheet(State::Approved),
        ..stored.clone()
    };
    s.save_evaluations(
        std::slice::from_ref(&approved),
        &[entry("evaluate.approve", "evaluations", "A1/2025", Some(2))],
    )
    .await
    .unwrap();
    assert_eq!(s.evaluations(None).await.unwrap(), vec![approved.clone()]);
    let trail = s
        .audit(&AuditQuery {
            entity: Some("evaluations".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(trail.len(), 2);
    // all or nothing: a batch with an unknown organisation leaves the stored sheet alone
    let ghost = StoredEvaluation {
        org: OrgCode::parse("ZZ9").unwrap(),
        ..stored.clone()
    };
    let back_to_draft = StoredEvaluation {
        evaluation: sheet(State::Draft),
        ..stored.clone()
    };
    assert!(
        s.save_evaluations(&[back_to_draft, ghost], &[])
            .await
            .is_err()
    );
    assert_eq!(s.evaluations(None).await.unwrap(), vec![approved]);

    let axes = StoredClassification {
        org: a1.clone(),
        year: 2025,
        axes: Classification {
            supply: Some(SupplyType::Production),
            vsic: Some('A'),
            capital: Some(Fixed::parse_plain("1280.5").unwrap()),
            agri_field: Some(AgriField::Crops),
        },
    };
    let unknown = StoredClassification {
        org: OrgCode::parse("B2").unwrap(),
        year: 2024,
        axes: Classification::default(),
    };
    s.save_classifications(
        &[axes.clone(), unknown.clone()],
        &[entry("classify", "classifications", "A1/2025", Some(2))],
    )
    .await
    .unwrap();
    assert_eq!(
        s.classifications(Some(2025)).await.unwrap(),
        vec![axes.clone()]
    );
    let mut all = s.classifications(None).await.unwrap();
    all.sort_by_key(|c| c.year);
    assert_eq!(all, vec![unknown, axes.clone()]);
    let changed = StoredClassification {
        axes: Classification {
            vsic: Some('H'),
            ..axes.axes.clone()
        },
        ..axes
    };
    s.save_classifications(std::slice::from_ref(&changed), &[])
        .await
        .unwrap();
    assert_eq!(s.classifications(Some(2025)).await.unwrap(), vec![changed]);
}
