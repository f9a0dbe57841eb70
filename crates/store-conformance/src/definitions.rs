//! Definitions: plans, targets, indicators, validation rules and their owners, rubric versions.

use crate::fixtures::*;
use hoptac_core::Fixed;
use hoptac_core::date::ymd;
use hoptac_core::model::UnitId;
use hoptac_store::{AuditQuery, ChangeSet, Store, StoreError, StoredRubric};

pub async fn plans_targets_and_indicators_round_trip_and_upsert_one_by_one(s: &dyn Store) {
    use hoptac_core::plan::{Comparator, Plan, Target};
    use hoptac_core::spec::IndicatorRecord;
    let target = |no: &str, v: i64| Target {
        no: no.into(),
        wording: format!("Chỉ tiêu {no}"),
        indicator: "htx.members".into(),
        comparator: Comparator::Between,
        value: Fixed::from_int(v),
        value_hi: Some(Fixed::parse_plain("6.5").unwrap()),
        baseline_indicator: Some("htx.member_income_avg".into()),
        milestones: vec![(2023, Fixed::parse_plain("3.25").unwrap())],
        note: "ghi chú".into(),
    };
    let plan = Plan {
        code: "P".into(),
        title: "Kế hoạch".into(),
        issuer: "UBND".into(),
        doc_no: "12/KH-UBND".into(),
        doc_date: ymd(2021, 4, 9),
        from: 2021,
        to: 2026,
        baseline_year: 2020,
        scope: "872".into(),
        targets: vec![
            target("1", 5),
            target("10", 3),
            target("7a", 4),
            target("2", 1),
        ],
        offices: vec![],
        tasks: vec![],
    };
    let ind = IndicatorRecord {
        id: "x.y".into(),
        label_vi: "X".into(),
        label_en: "".into(),
        definition: "subject=active_orgs; kinds=HTX; aggregate=count".into(),
        description: "d".into(),
    };
    let c = ChangeSet {
        plans: vec![plan.clone()],
        targets: plan
            .targets
            .iter()
            .map(|t| ("P".to_string(), t.clone()))
            .collect(),
        indicators: vec![ind.clone()],
        ..Default::default()
    };
    s.apply(&c).await.unwrap();
    let got = s.plans().await.unwrap();
    assert_eq!(got.len(), 1);
    let nos: Vec<&str> = got[0].targets.iter().map(|t| t.no.as_str()).collect();
    assert_eq!(nos, ["1", "2", "7a", "10"], "targets in reading order");
    assert_eq!(got[0].targets[0], plan.targets[0]);
    assert_eq!(
        Plan {
            targets: vec![],
            ..got[0].clone()
        },
        Plan {
            targets: vec![],
            ..plan.clone()
        }
    );
    assert_eq!(s.indicators().await.unwrap(), vec![ind]);
    // one target changed: the others stay
    s.apply(&ChangeSet {
        targets: vec![("P".into(), target("2", 9))],
        ..Default::default()
    })
    .await
    .unwrap();
    let got = s.plans().await.unwrap();
    assert_eq!(got[0].targets.len(), 4);
    assert_eq!(got[0].targets[1].value, Fixed::from_int(9));
    // a target of no plan is refused, and nothing of its change set is written
    let bad = ChangeSet {
        targets: vec![("NOPE".into(), target("1", 1))],
        indicators: vec![IndicatorRecord {
            id: "z".into(),
            ..s.indicators().await.unwrap()[0].clone()
        }],
        ..Default::default()
    };
    assert!(s.apply(&bad).await.is_err());
    assert_eq!(s.indicators().await.unwrap().len(), 1);
}

/// Rubric versions are numbered; a version already taken is refused and nothing is written.
pub async fn rubric_versions_are_append_only(s: &dyn Store) {
    let r = |v: u32| StoredRubric {
        rubric_id: "TT01/2020".into(),
        version: v,
        document: "{}".into(),
        note: "bản gốc".into(),
        loaded_by: "canbo".into(),
        loaded_at: "2026-12-03 09:00:00".into(),
    };
    s.add_rubric_version(&r(1), &entry("load", "rubrics", "TT01/2020", None))
        .await
        .unwrap();
    s.add_rubric_version(&r(2), &entry("load", "rubrics", "TT01/2020", None))
        .await
        .unwrap();
    assert!(
        s.add_rubric_version(&r(2), &entry("load", "rubrics", "TT01/2020", None))
            .await
            .is_err()
    );
    let got = s.rubric_versions().await.unwrap();
    assert_eq!(
        got.iter().map(|r| r.version).collect::<Vec<_>>(),
        vec![1, 2]
    );
    assert_eq!(
        s.audit(&AuditQuery {
            entity: Some("rubrics".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap()
        .len(),
        2,
        "the refused version left no audit entry"
    );
}

/// Validation rules round-trip and upsert; the first owner recorded stays; a save that
/// expects a version the rule no longer has writes nothing; the units list every version of
/// a reused code.
pub async fn validation_rules_owner_scopes_and_units(s: &dyn Store) {
    use hoptac_core::rules::RuleRecord;
    s.apply(&base()).await.unwrap();
    let mut all = s.units().await.unwrap();
    all.sort_by_key(|u| u.id);
    assert_eq!(all, units());
    assert_eq!(all.iter().filter(|u| u.code == "30043").count(), 2);

    assert!(s.owner_scopes("validation_rules").await.unwrap().is_empty());
    let rule = RuleRecord {
        id: "xa.loi-nhuan".into(),
        expression: "profit <= revenue".into(),
        severity: hoptac_core::validate::Severity::Warning,
        message_vi: "Lợi nhuận lớn hơn doanh thu".into(),
        message_en: "Profit above revenue".into(),
        active: true,
    };
    let shipped = s.validation_rules().await.unwrap().len();
    let before = s.generation().await.unwrap();
    s.save_validation_rule(
        &rule,
        Some(UnitId(1)),
        None,
        &entry("create", "validation_rules", &rule.id, Some(1)),
    )
    .await
    .unwrap();
    // what was computed from the rules (the review) is stale: the generation moves
    assert_eq!(s.generation().await.unwrap(), before + 1);
    let found = |rules: Vec<RuleRecord>| {
        rules
            .into_iter()
            .filter(|r| r.id == rule.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        found(s.validation_rules().await.unwrap()),
        vec![rule.clone()]
    );
    assert_eq!(
        s.owner_scopes("validation_rules")
            .await
            .unwrap()
            .get(&rule.id),
        Some(&UnitId(1))
    );
    let off = RuleRecord {
        active: false,
        ..rule.clone()
    };
    s.save_validation_rule(
        &off,
        Some(UnitId(2)),
        None,
        &entry("update", "validation_rules", &rule.id, Some(1)),
    )
    .await
    .unwrap();
    assert_eq!(
        found(s.validation_rules().await.unwrap()),
        vec![off.clone()]
    );
    assert_eq!(s.validation_rules().await.unwrap().len(), shipped + 1);
    assert_eq!(
        s.owner_scopes("validation_rules")
            .await
            .unwrap()
            .get(&rule.id),
        Some(&UnitId(1)),
        "the first owner stays"
    );
    // a form read before the last change (version 0: "no change recorded")
    let stale = s
        .save_validation_rule(
            &rule,
            None,
            Some(0),
            &entry("update", "validation_rules", &rule.id, Some(1)),
        )
        .await;
    assert!(matches!(stale, Err(StoreError::Stale { .. })), "{stale:?}");
    assert_eq!(found(s.validation_rules().await.unwrap()), vec![off]);
}
