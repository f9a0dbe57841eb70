//! The register: rows round-trip, upserts, all-or-nothing change sets, search, years, constraints, merges.

use crate::fixtures::*;
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::model::{AnnualReport, Manager, UnitId};
use hoptac_core::types::*;
use hoptac_store::{ChangeSet, OrgQuery, SortKey, Store};

pub async fn round_trips_every_field_exactly(s: &dyn Store) {
    let c = base();
    s.apply(&c).await.unwrap();
    let snap = s.snapshot(None).await.unwrap();
    let mut got_units = snap.units.clone();
    got_units.sort_by_key(|u| u.id);
    assert_eq!(got_units, c.units);
    let mut orgs = snap.orgs.clone();
    orgs.sort_by(|a, b| a.code.cmp(&b.code));
    assert_eq!(orgs, c.orgs);
    let mut reports = snap.reports.clone();
    reports.sort_by_key(|r| r.year);
    assert_eq!(reports, c.reports);
    assert_eq!(snap.managers, c.managers);
    assert_eq!(s.meta("dataset").await.unwrap().as_deref(), Some("test"));
    assert_eq!(s.counts().await.unwrap().reports, 2);
}

pub async fn upserts_are_idempotent(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    s.apply(&base()).await.unwrap();
    let c = s.counts().await.unwrap();
    assert_eq!((c.units, c.orgs, c.reports, c.managers), (4, 2, 2, 1));
    let mut changed = base();
    changed.orgs[0].name = "HTX DVNN Tân Kiều Mới".into();
    changed.reports[0].figures.members = Some(99);
    s.apply(&changed).await.unwrap();
    assert_eq!(
        s.org(&OrgCode::parse("A1").unwrap())
            .await
            .unwrap()
            .unwrap()
            .name,
        "HTX DVNN Tân Kiều Mới"
    );
    assert_eq!(
        s.reports_of(&OrgCode::parse("A1").unwrap()).await.unwrap()[0]
            .figures
            .members,
        Some(99)
    );
}

pub async fn a_failing_change_set_writes_nothing(s: &dyn Store) {
    let mut c = base();
    // a report of an organisation that does not exist violates a foreign key at the end
    c.reports.push(report("NOPE", 2020));
    assert!(s.apply(&c).await.is_err());
    let n = s.counts().await.unwrap();
    assert_eq!((n.units, n.orgs, n.reports, n.managers), (0, 0, 0, 0));
}

pub async fn removals_take_rows_out_with_the_change_set(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let a1 = OrgCode::parse("A1").unwrap();
    let old = s.managers_of(&a1).await.unwrap().remove(0);
    let mut renamed = old.clone();
    renamed.full_name = "Nguyễn Văn Đứt".into();
    let mut no_start = old.clone();
    no_start.full_name = "Trần Thị Mai".into();
    no_start.from = None;
    let year = base().reports[0].year.get();
    let archive = hoptac_store::ReportArchive {
        org: a1.clone(),
        year,
        at: "2026-12-06 09:15:00".into(),
        actor: "canbo".into(),
        reason: "nhập nhầm năm".into(),
    };
    // a removal in a change set that fails is not made either
    let mut failing = ChangeSet {
        archived_reports: vec![archive.clone()],
        removed_managers: vec![old.clone()],
        ..Default::default()
    };
    failing.reports.push(report("NOPE", 2020));
    assert!(s.apply(&failing).await.is_err());
    assert_eq!(s.counts().await.unwrap().reports, 2);
    assert_eq!(s.managers_of(&a1).await.unwrap(), vec![old.clone()]);
    assert!(s.archived_reports(&a1).await.unwrap().is_empty());
    // a manager's identity changes: the old row out, the new one in, one transaction
    s.apply(&ChangeSet {
        archived_reports: vec![archive.clone()],
        removed_managers: vec![old.clone()],
        managers: vec![renamed.clone(), no_start.clone()],
        ..Default::default()
    })
    .await
    .unwrap();
    assert!(
        s.reports_of(&a1)
            .await
            .unwrap()
            .iter()
            .all(|r| r.year.get() != year)
    );
    assert_eq!(s.counts().await.unwrap().reports, 1);
    let mut got = s.managers_of(&a1).await.unwrap();
    got.sort_by(|a, b| a.full_name.cmp(&b.full_name));
    assert_eq!(got, vec![renamed.clone(), no_start.clone()]);
    // a manager without a start date is found by its identity too
    s.apply(&ChangeSet {
        removed_managers: vec![no_start],
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(s.managers_of(&a1).await.unwrap(), vec![renamed]);
    // the archive holds the report whole, with who, when and why
    let kept = s.archived_reports(&a1).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].report, base().reports[0]);
    assert_eq!(
        (kept[0].archived_by.as_str(), kept[0].reason.as_str()),
        ("canbo", "nhập nhầm năm")
    );
    assert!(kept[0].archived_at.starts_with("2026-12-06"));
    assert_eq!(kept[0].restored_at, None);
    // a report no longer in the register cannot be archived again
    let again = s
        .apply(&ChangeSet {
            archived_reports: vec![archive],
            ..Default::default()
        })
        .await;
    assert!(
        matches!(again, Err(hoptac_store::StoreError::Stale { .. })),
        "{again:?}"
    );
    // put back: marked once, the report written with it
    let back = ChangeSet {
        restored_reports: vec![(kept[0].id, "2026-12-06 10:00:00".into())],
        reports: vec![kept[0].report.clone()],
        ..Default::default()
    };
    s.apply(&back).await.unwrap();
    assert_eq!(s.counts().await.unwrap().reports, 2);
    let kept = s.archived_reports(&a1).await.unwrap();
    assert!(
        kept[0]
            .restored_at
            .as_deref()
            .is_some_and(|t| t.starts_with("2026-12-06 10:00"))
    );
    let twice = s.apply(&back).await;
    assert!(
        matches!(twice, Err(hoptac_store::StoreError::Stale { .. })),
        "{twice:?}"
    );
}

pub async fn an_organisation_entered_by_mistake_is_archived_whole_and_put_back(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let (a1, b2) = (OrgCode::parse("A1").unwrap(), OrgCode::parse("B2").unwrap());
    let services: std::collections::BTreeSet<_> =
        [Service::Irrigation, Service::InputSupply].into();
    let manager = Manager {
        org: b2.clone(),
        full_name: "Lê Thị Hoa".into(),
        role: Role::Director,
        qualification: None,
        trained_on: None,
        from: None,
        to: ymd(2024, 3, 31),
    };
    s.apply(&ChangeSet {
        managers: vec![manager.clone()],
        registered: vec![(b2.clone(), services.clone())],
        ..Default::default()
    })
    .await
    .unwrap();
    let archive = |org: &OrgCode| hoptac_store::OrgArchive {
        org: org.clone(),
        at: "2026-12-07 09:15:00".into(),
        actor: "canbo".into(),
        reason: "nhập trùng".into(),
    };
    // an organisation another record still names (here its yearly reports) stays
    let named = s
        .apply(&ChangeSet {
            archived_orgs: vec![archive(&a1)],
            ..Default::default()
        })
        .await;
    assert!(
        matches!(named, Err(hoptac_store::StoreError::Stale { .. })),
        "{named:?}"
    );
    assert!(s.org(&a1).await.unwrap().is_some());
    assert!(s.archived_orgs().await.unwrap().is_empty());
    // out of the register with its managers and services, whole in the archive
    s.apply(&ChangeSet {
        archived_orgs: vec![archive(&b2)],
        ..Default::default()
    })
    .await
    .unwrap();
    assert!(s.org(&b2).await.unwrap().is_none());
    assert!(s.managers_of(&b2).await.unwrap().is_empty());
    assert!(!s.registered_services().await.unwrap().contains_key(&b2));
    assert_eq!(s.counts().await.unwrap().orgs, 1);
    let kept = s.archived_orgs().await.unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].org, base().orgs[1]);
    assert_eq!(kept[0].managers, vec![manager.clone()]);
    assert_eq!(kept[0].services, services);
    assert_eq!(
        (kept[0].archived_by.as_str(), kept[0].reason.as_str()),
        ("canbo", "nhập trùng")
    );
    assert!(kept[0].archived_at.starts_with("2026-12-07 09:15"));
    assert_eq!(kept[0].restored_at, None);
    // gone from the register: archiving it again is refused
    let again = s
        .apply(&ChangeSet {
            archived_orgs: vec![archive(&b2)],
            ..Default::default()
        })
        .await;
    assert!(
        matches!(again, Err(hoptac_store::StoreError::Stale { .. })),
        "{again:?}"
    );
    // put back, once, with what it had
    let back = ChangeSet {
        restored_orgs: vec![(kept[0].id, "2026-12-07 10:00:00".into())],
        orgs: vec![kept[0].org.clone()],
        managers: kept[0].managers.clone(),
        registered: vec![(b2.clone(), kept[0].services.clone())],
        ..Default::default()
    };
    s.apply(&back).await.unwrap();
    assert_eq!(s.org(&b2).await.unwrap(), Some(base().orgs[1].clone()));
    assert_eq!(s.managers_of(&b2).await.unwrap(), vec![manager]);
    assert_eq!(s.registered_services().await.unwrap()[&b2], services);
    let kept = s.archived_orgs().await.unwrap();
    assert!(
        kept[0]
            .restored_at
            .as_deref()
            .is_some_and(|t| t.starts_with("2026-12-07 10:00"))
    );
    let twice = s.apply(&back).await;
    assert!(
        matches!(twice, Err(hoptac_store::StoreError::Stale { .. })),
        "{twice:?}"
    );
}

pub async fn search_folds_diacritics_filters_and_pages(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let q = |text: &str| OrgQuery {
        text: Some(hoptac_core::text::fold(text)),
        per_page: 10,
        ..Default::default()
    };
    let r = s.search(&q("tan kieu")).await.unwrap();
    assert_eq!(r.total, 1);
    assert_eq!(r.rows[0].org.name, "HTX DVNN Tân Kiều");
    assert_eq!(r.rows[0].commune_name, "Xã Tân Kiều");
    assert_eq!(s.search(&q("DONG TAM")).await.unwrap().total, 1);
    assert_eq!(
        s.search(&q("b2")).await.unwrap().total,
        1,
        "codes match too"
    );
    let all = s
        .search(&OrgQuery {
            per_page: 1,
            sort: SortKey::Code,
            descending: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (all.total, all.rows.len(), all.rows[0].org.code.as_str()),
        (2, 1, "B2")
    );
    let commune = s
        .search(&OrgQuery {
            commune: Some(UnitId(2)),
            per_page: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(commune.total, 1);
    let before = s
        .search(&OrgQuery {
            active_in: Some(2009),
            per_page: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(before.total, 0, "not yet founded in 2009");
    // B2 founded in 2015 and dissolved in 2020: the status and founding-year filters
    let mut later = base();
    later.orgs[1].founded_on = ymd(2015, 12, 31).unwrap();
    later.orgs[1].dissolved_on = ymd(2020, 6, 30);
    s.apply(&later).await.unwrap();
    let codes = |q: OrgQuery| async move {
        s.search(&OrgQuery {
            per_page: 10,
            sort: SortKey::Code,
            ..q
        })
        .await
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.org.code.to_string())
        .collect::<Vec<_>>()
    };
    let dissolved = |d| OrgQuery {
        dissolved: Some(d),
        ..Default::default()
    };
    assert_eq!(codes(dissolved(true)).await, ["B2"]);
    assert_eq!(codes(dissolved(false)).await, ["A1"]);
    assert_eq!(codes(OrgQuery::default()).await, ["A1", "B2"]);
    let founded = |y| OrgQuery {
        founded_in: Some(y),
        ..Default::default()
    };
    assert_eq!(
        codes(founded(2015)).await,
        ["B2"],
        "the last day of the year counts"
    );
    assert_eq!(codes(founded(2010)).await, ["A1"]);
    assert!(codes(founded(2016)).await.is_empty());
    let both = OrgQuery {
        founded_in: Some(2015),
        dissolved: Some(false),
        ..Default::default()
    };
    assert!(codes(both).await.is_empty());
}

pub async fn snapshot_limits_report_years(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    assert_eq!(
        s.snapshot(Some((2020, 2020))).await.unwrap().reports.len(),
        1
    );
    assert_eq!(
        s.snapshot(Some((2021, 2025))).await.unwrap().reports.len(),
        0
    );
}

pub async fn database_constraints_back_the_domain(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let mut bad = base();
    bad.orgs[0].dissolved_on = ymd(2000, 1, 1);
    assert!(
        s.apply(&bad).await.is_err(),
        "dissolution before founding is refused by the schema too"
    );
}

fn manager(code: &str, name: &str) -> Manager {
    Manager {
        org: OrgCode::parse(code).unwrap(),
        full_name: name.into(),
        role: Role::Director,
        qualification: None,
        trained_on: None,
        from: ymd(2016, 1, 1),
        to: None,
    }
}

fn years(rs: Vec<AnnualReport>) -> Vec<i32> {
    let mut v: Vec<i32> = rs.iter().map(|r| r.year.get()).collect();
    v.sort();
    v
}

/// Merging two records of one organisation moves the listed years and managers to the kept
/// record, removes the other with what did not move, and is listed; undoing it puts every
/// row back where it was, the dropped record's evaluations and registered services too.
pub async fn merges_move_rows_and_undo_puts_them_back(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let (a1, b2) = (OrgCode::parse("A1").unwrap(), OrgCode::parse("B2").unwrap());
    let dropped = ChangeSet {
        orgs: vec![org("B2", "HTX Đồng Tâm", 3)],
        reports: vec![report("B2", 2018), report("B2", 2020)],
        managers: vec![manager("B2", "Trần Thị Hoa")],
        registered: vec![(b2.clone(), [Service::Irrigation].into())],
        ..Default::default()
    };
    s.apply(&dropped).await.unwrap();
    let sheet = hoptac_store::StoredEvaluation {
        org: b2.clone(),
        year: 2020,
        evaluation: hoptac_core::evaluation::Evaluation {
            rubric_id: "tt09-2017".into(),
            rubric_version: 1,
            state: hoptac_core::evaluation::State::Draft,
            self_scores: Default::default(),
            adjusted: Default::default(),
            submitted_on: None,
        },
    };
    s.save_evaluations(std::slice::from_ref(&sheet), &[])
        .await
        .unwrap();
    let m = hoptac_store::MergeRecord {
        at: "2026-12-03 09:30:00".into(),
        actor: "canbo".into(),
        keep: "A1".into(),
        drop: "B2".into(),
        moved_years: vec![2018],
        moved_managers: vec![(
            "Trần Thị Hoa".into(),
            "director".into(),
            "2016-01-01".into(),
        )],
        archive: b"the dropped record as a workbook".to_vec(),
        ..Default::default()
    };
    let g = s.generation().await.unwrap();
    let id = s
        .merge_orgs(&m, &[entry("merge", "organizations", "B2", Some(3))])
        .await
        .unwrap();
    assert!(s.generation().await.unwrap() > g);
    assert!(s.org(&b2).await.unwrap().is_none());
    assert_eq!(
        years(s.reports_of(&a1).await.unwrap()),
        vec![2018, 2019, 2020]
    );
    assert!(s.reports_of(&b2).await.unwrap().is_empty());
    let kept: Vec<String> = s
        .managers_of(&a1)
        .await
        .unwrap()
        .into_iter()
        .map(|x| x.full_name)
        .collect();
    assert!(kept.contains(&"Trần Thị Hoa".to_string()), "{kept:?}");
    assert!(!s.registered_services().await.unwrap().contains_key(&b2));
    let listed = s.merges().await.unwrap();
    assert_eq!(listed.len(), 1);
    let l = &listed[0];
    assert_eq!(
        (
            l.id,
            l.keep.as_str(),
            l.drop.as_str(),
            &l.moved_years,
            &l.moved_managers
        ),
        (id, "A1", "B2", &m.moved_years, &m.moved_managers)
    );
    assert_eq!(l.archive, m.archive);
    assert!(l.undone_at.is_none());

    s.undo_merge(
        l,
        &dropped,
        "2026-12-03 10:00:00",
        &[entry("undo_merge", "organizations", "B2", Some(3))],
    )
    .await
    .unwrap();
    assert_eq!(
        s.org(&b2).await.unwrap().map(|o| o.name),
        Some("HTX Đồng Tâm".to_string())
    );
    assert_eq!(years(s.reports_of(&b2).await.unwrap()), vec![2018, 2020]);
    assert_eq!(years(s.reports_of(&a1).await.unwrap()), vec![2019, 2020]);
    assert_eq!(
        s.managers_of(&b2).await.unwrap(),
        vec![manager("B2", "Trần Thị Hoa")]
    );
    assert!(
        !s.managers_of(&a1)
            .await
            .unwrap()
            .iter()
            .any(|x| x.full_name == "Trần Thị Hoa")
    );
    assert_eq!(s.evaluations(None).await.unwrap(), vec![sheet]);
    assert_eq!(
        s.registered_services().await.unwrap().get(&b2),
        Some(&[Service::Irrigation].into())
    );
    assert!(s.merges().await.unwrap()[0].undone_at.is_some());
}

/// How units became others and where organisations moved come back exactly; a change is
/// upserted on (old, new); a change from a unit to itself is refused and nothing of its
/// change set is written.
pub async fn unit_history_round_trips(s: &dyn Store) {
    use hoptac_core::territory::{ChangeKind, OrgMove, UnitChange};
    let mut c = base();
    let old = UnitId(3);
    let new = c
        .units
        .iter()
        .find(|u| u.code == "30043" && u.id != old)
        .map(|u| u.id);
    let new = new.expect("the fixture reuses 30043 for a new unit");
    let from = ymd(2025, 7, 1).unwrap();
    c.unit_changes = vec![UnitChange {
        old,
        new,
        on: from,
        kind: ChangeKind::Partial,
        basis: "NQ 1663/NQ-UBTVQH15".into(),
    }];
    let a1 = c.orgs[0].code.clone();
    c.moves = vec![OrgMove {
        org: a1.clone(),
        commune: new,
        moved_on: from,
        reason: "xếp vào xã mới / placed in the new commune".into(),
    }];
    s.apply(&c).await.unwrap();
    let snap = s.snapshot(None).await.unwrap();
    assert_eq!(snap.changes, c.unit_changes);
    assert_eq!(snap.moves, c.moves);
    let again = ChangeSet {
        unit_changes: vec![UnitChange {
            kind: ChangeKind::Full,
            ..c.unit_changes[0].clone()
        }],
        ..ChangeSet::default()
    };
    s.apply(&again).await.unwrap();
    let snap = s.snapshot(None).await.unwrap();
    assert_eq!(snap.changes.len(), 1);
    assert_eq!(snap.changes[0].kind, ChangeKind::Full);
    let bad = ChangeSet {
        moves: vec![OrgMove {
            moved_on: ymd(2026, 1, 1).unwrap(),
            ..c.moves[0].clone()
        }],
        unit_changes: vec![UnitChange {
            new: old,
            ..c.unit_changes[0].clone()
        }],
        ..ChangeSet::default()
    };
    assert!(s.apply(&bad).await.is_err());
    let snap = s.snapshot(None).await.unwrap();
    assert_eq!(
        snap.moves.len(),
        1,
        "the move of the refused change set is not written"
    );
    assert_eq!(snap.changes.len(), 1);
}
