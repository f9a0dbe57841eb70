//! The storage port's conformance suite: what every backend must do, written once against
//! the port's traits (`hoptac_store::Store`). A backend's test binary runs all of it with
//! [`conformance_suite!`], giving a function that opens a fresh, empty store:
//!
//! ```ignore
//! async fn fresh() -> (std::sync::Arc<dyn hoptac_store::Store>, tempfile::TempDir) { … }
//! hoptac_store_conformance::conformance_suite!(fresh);
//! ```
//!
//! The SQLite adapter runs it in `crates/store/tests/it`; the PostgreSQL adapter runs the same
//! functions.

use hoptac_core::Fixed;
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, ReportFigures, UnitId};
use hoptac_core::types::*;
use hoptac_store::{
    AuditEntry, AuditQuery, CaseAction, ChangeSet, OrgQuery, ReportingLock, SessionRow, SortKey,
    Store, StoreError, StoredRubric,
};

/// Every case of the suite, by name: the macro runs each as its own test.
pub const CASES: &[&str] = &[
    "round_trips_every_field_exactly",
    "upserts_are_idempotent",
    "a_failing_change_set_writes_nothing",
    "search_folds_diacritics_filters_and_pages",
    "snapshot_limits_report_years",
    "database_constraints_back_the_domain",
    "plans_targets_and_indicators_round_trip_and_upsert_one_by_one",
    "generation_and_row_versions_guard_every_write",
    "concurrent_writers_one_wins",
    "accounts_and_sessions",
    "audit_is_queried_by_what_and_where",
    "cases_open_act_and_close",
    "reporting_locks_are_a_history",
    "rubric_versions_are_append_only",
    "backup_copies_everything",
];

/// One `#[tokio::test]` per case, each on a fresh store from `$fresh().await`, which returns
/// the store and a guard that keeps its storage alive (a temporary directory, a database name).
#[macro_export]
macro_rules! conformance_suite {
    ($fresh:path) => {
        $crate::conformance_suite!(@cases $fresh; round_trips_every_field_exactly, upserts_are_idempotent, a_failing_change_set_writes_nothing, search_folds_diacritics_filters_and_pages, snapshot_limits_report_years, database_constraints_back_the_domain, plans_targets_and_indicators_round_trip_and_upsert_one_by_one, generation_and_row_versions_guard_every_write, concurrent_writers_one_wins, accounts_and_sessions, audit_is_queried_by_what_and_where, cases_open_act_and_close, reporting_locks_are_a_history, rubric_versions_are_append_only);

        #[tokio::test]
        async fn backup_copies_everything() {
            let (store, _guard) = $fresh().await;
            let dir = std::env::temp_dir().join(format!("hoptac-backup-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            $crate::backup_copies_everything(&*store, &dir).await;
            let _ = std::fs::remove_dir_all(&dir);
        }

        /// The macro runs every case the suite lists.
        #[test]
        fn every_case_runs() {
            let here = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../store-conformance/src/lib.rs"));
            for name in $crate::CASES {
                assert!(here.contains(&format!("pub async fn {name}(")), "{name}");
            }
        }
    };
    (@cases $fresh:path; $($name:ident),*) => {
        $(
            #[tokio::test]
            async fn $name() {
                let (store, _guard) = $fresh().await;
                $crate::$name(&*store).await;
            }
        )*
    };
}

fn units() -> Vec<AdminUnit> {
    vec![
        AdminUnit {
            id: UnitId(1),
            code: "872".into(),
            name: "Huyện Tháp Mười".into(),
            level: AdminLevel::District,
            parent: None,
            valid_from: None,
            valid_to: ymd(2025, 6, 30),
        },
        AdminUnit {
            id: UnitId(2),
            code: "30049".into(),
            name: "Xã Tân Kiều".into(),
            level: AdminLevel::Commune,
            parent: Some(UnitId(1)),
            valid_from: None,
            valid_to: None,
        },
        // a reused code: the same number names another unit from 2025
        AdminUnit {
            id: UnitId(3),
            code: "30043".into(),
            name: "Xã Hưng Thạnh".into(),
            level: AdminLevel::Commune,
            parent: Some(UnitId(1)),
            valid_from: None,
            valid_to: ymd(2025, 6, 30),
        },
        AdminUnit {
            id: UnitId(4),
            code: "30043".into(),
            name: "Xã Phương Thịnh".into(),
            level: AdminLevel::Commune,
            parent: None,
            valid_from: ymd(2025, 7, 1),
            valid_to: None,
        },
    ]
}

fn org(code: &str, name: &str, commune: i64) -> Organization {
    Organization {
        code: OrgCode::parse(code).unwrap(),
        kind: OrgKind::Htx,
        name: name.into(),
        sector: Sector::Agriculture,
        commune: UnitId(commune),
        founded_on: ymd(2010, 1, 2).unwrap(),
        dissolved_on: None,
        registration_no: Some("1407001".into()),
    }
}

fn report(code: &str, year: i32) -> AnnualReport {
    AnnualReport {
        org: OrgCode::parse(code).unwrap(),
        year: Year::new(year).unwrap(),
        figures: ReportFigures {
            members: Some(120),
            members_joined: Some(5),
            members_left: Some(1),
            workers: Some(9),
            revenue: Some(Fixed::parse_plain("1600.123456").unwrap()),
            profit: Some(Fixed::parse_plain("-12.5").unwrap()),
            member_income: Some(Fixed::from_int(45)),
            worker_income: None,
            services: [Service::Irrigation, Service::SeedSupply].into(),
            rating: Some(Rating::Kha),
            general_meeting_on: ymd(year, 3, 15),
            statements_filed: Some(true),
            received_on: ymd(year + 1, 1, 12),
            statements_filed_on: ymd(year + 1, 3, 30),
            self_assessment_sent_on: ymd(year, 12, 12),
            rating_basis: Some("Họp xét của xã; \"tiêu chí\" 2024".into()),
        },
    }
}

fn base() -> ChangeSet {
    ChangeSet {
        units: units(),
        orgs: vec![
            org("A1", "HTX DVNN Tân Kiều", 2),
            org("B2", "HTX Đồng Tâm", 3),
        ],
        reports: vec![report("A1", 2019), report("A1", 2020)],
        managers: vec![Manager {
            org: OrgCode::parse("A1").unwrap(),
            full_name: "Nguyễn Văn Đức".into(),
            role: Role::Director,
            qualification: Some(Qualification::College),
            trained_on: ymd(2019, 5, 1),
            from: ymd(2015, 1, 1),
            to: None,
        }],
        meta: vec![("dataset".into(), "test".into())],
        ..Default::default()
    }
}

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

fn entry(action: &str, entity: &str, key: &str, unit: Option<i64>) -> AuditEntry {
    AuditEntry {
        at: "2026-12-03 09:00:00".into(),
        actor: "canbo".into(),
        ip: "127.0.0.1".into(),
        action: action.into(),
        entity: entity.into(),
        key: key.into(),
        unit: unit.map(UnitId),
        before: None,
        after: Some("{}".into()),
        ..Default::default()
    }
}

/// Every committed change set moves the generation; a writer that read an older one is
/// refused with nothing written, and so is one that edits a row changed after it read it.
pub async fn generation_and_row_versions_guard_every_write(s: &dyn Store) {
    let g0 = s.generation().await.unwrap();
    let mut c = base();
    c.audit = vec![entry("create", "organizations", "A1", Some(2))];
    s.apply(&c).await.unwrap();
    let g1 = s.generation().await.unwrap();
    assert!(g1 > g0, "a commit moves the generation");
    let stale = ChangeSet {
        meta: vec![("x".into(), "1".into())],
        expect_generation: Some(g0),
        ..Default::default()
    };
    assert!(matches!(
        s.apply(&stale).await,
        Err(StoreError::Conflict { .. })
    ));
    assert_eq!(
        s.meta("x").await.unwrap(),
        None,
        "nothing of a refused change set"
    );
    assert_eq!(s.generation().await.unwrap(), g1);
    // the row's version is the id of its last recorded change
    let last = s.last_change("organizations", "A1").await.unwrap().unwrap();
    assert_eq!(last.action, "create");
    let mut edit = ChangeSet {
        orgs: vec![org("A1", "Tên mới", 2)],
        expect_versions: vec![("organizations".into(), "A1".into(), last.id)],
        audit: vec![entry("update", "organizations", "A1", Some(2))],
        ..Default::default()
    };
    s.apply(&edit).await.unwrap();
    // the same form sent again carries a version that is no longer the row's
    edit.orgs[0].name = "Tên khác".into();
    assert!(matches!(
        s.apply(&edit).await,
        Err(StoreError::Stale { .. })
    ));
    let now = s
        .org(&OrgCode::parse("A1").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.name, "Tên mới", "the second edit overwrote nothing");
    // a row never changed has version 0
    let fresh = ChangeSet {
        meta: vec![("y".into(), "1".into())],
        expect_versions: vec![("organizations".into(), "B2".into(), 0)],
        ..Default::default()
    };
    s.apply(&fresh).await.unwrap();
}

/// Two writers that read the same generation: exactly one commits.
pub async fn concurrent_writers_one_wins(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let g = s.generation().await.unwrap();
    let write = |v: &'static str| ChangeSet {
        meta: vec![("winner".into(), v.into())],
        expect_generation: Some(g),
        ..Default::default()
    };
    let (a, b) = (write("a"), write("b"));
    let (ra, rb) = tokio::join!(s.apply(&a), s.apply(&b));
    assert!(
        ra.is_ok() != rb.is_ok(),
        "one commits, one is refused: {ra:?} {rb:?}"
    );
    let winner = s.meta("winner").await.unwrap().unwrap();
    assert_eq!(winner, if ra.is_ok() { "a" } else { "b" });
}

/// Accounts keep their password hash unless a new one is given; sessions end one by one or
/// all at once for an account.
pub async fn accounts_and_sessions(s: &dyn Store) {
    use hoptac_core::auth::{Account, Role, Scope};
    s.apply(&base()).await.unwrap();
    let a = Account {
        username: "xa.tankieu".into(),
        display_name: "Cán bộ xã".into(),
        role: Role::Commune,
        scope: Scope::Unit(UnitId(2)),
        must_change_password: true,
        disabled: false,
    };
    assert!(s.account("xa.tankieu").await.unwrap().is_none());
    s.save_account(
        &a,
        Some("hash1"),
        &entry("create", "accounts", "xa.tankieu", Some(2)),
    )
    .await
    .unwrap();
    let got = s.account("xa.tankieu").await.unwrap().unwrap();
    assert_eq!(got.account, a);
    assert_eq!(got.password_hash, "hash1");
    let mut b = a.clone();
    b.must_change_password = false;
    s.save_account(
        &b,
        None,
        &entry("update", "accounts", "xa.tankieu", Some(2)),
    )
    .await
    .unwrap();
    let got = s.account("xa.tankieu").await.unwrap().unwrap();
    assert_eq!(
        (got.password_hash.as_str(), got.account.must_change_password),
        ("hash1", false)
    );
    assert_eq!(s.accounts().await.unwrap(), vec![b]);
    assert_eq!(
        s.audit(&AuditQuery {
            entity: Some("accounts".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap()
        .len(),
        2,
        "each account write has its audit entry"
    );
    let row = |csrf: &str| SessionRow {
        username: "xa.tankieu".into(),
        csrf: csrf.into(),
        expires_at: 4_000_000_000,
    };
    s.create_session("t1", &row("c1")).await.unwrap();
    s.create_session("t2", &row("c2")).await.unwrap();
    assert_eq!(s.session("t1").await.unwrap().unwrap().csrf, "c1");
    s.delete_session("t1").await.unwrap();
    assert!(s.session("t1").await.unwrap().is_none());
    assert!(s.session("t2").await.unwrap().is_some());
    s.delete_sessions_of("xa.tankieu").await.unwrap();
    assert!(s.session("t2").await.unwrap().is_none());
}

/// The audit trail answers by entity, key, actor, action and units, newest first, within its
/// limit.
pub async fn audit_is_queried_by_what_and_where(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    for (i, (action, key, unit)) in [
        ("create", "A1", Some(2)),
        ("update", "A1", Some(2)),
        ("create", "B2", Some(3)),
        ("login", "canbo", None),
    ]
    .into_iter()
    .enumerate()
    {
        let mut e = entry(
            action,
            if action == "login" {
                "accounts"
            } else {
                "organizations"
            },
            key,
            unit,
        );
        e.at = format!("2026-12-03 09:00:0{i}");
        s.append_audit(&e).await.unwrap();
    }
    let q = |f: fn(&mut AuditQuery)| {
        let mut q = AuditQuery {
            limit: 100,
            ..Default::default()
        };
        f(&mut q);
        q
    };
    let all = s.audit(&q(|_| {})).await.unwrap();
    assert_eq!(all.len(), 4);
    assert!(all.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    assert_eq!(
        s.audit(&q(|q| q.key = Some("A1".into())))
            .await
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        s.audit(&q(|q| q.action = Some("login".into())))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        s.audit(&q(|q| q.units = Some(vec![UnitId(3)])))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(s.audit(&q(|q| q.limit = 2)).await.unwrap().len(), 2);
    assert_eq!(
        s.last_change("organizations", "A1")
            .await
            .unwrap()
            .unwrap()
            .action,
        "update"
    );
}

/// Cases open and close in one transaction with their audit; actions are kept in order.
pub async fn cases_open_act_and_close(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let a1 = OrgCode::parse("A1").unwrap();
    s.sync_cases(
        &[(
            "no_report".into(),
            a1.clone(),
            ymd(2025, 1, 1).unwrap(),
            "2 năm không báo cáo".into(),
        )],
        &[],
        "2026-12-03 09:00:00",
        &[entry("review", "cases", "A1", Some(2))],
    )
    .await
    .unwrap();
    let cases = s.cases().await.unwrap();
    assert_eq!(cases.len(), 1);
    let id = cases[0].id;
    assert!(cases[0].closed_at.is_none());
    let act = CaseAction {
        at: "2026-12-03 10:00:00".into(),
        actor: "canbo".into(),
        action: "note".into(),
        note: "Đã gọi điện".into(),
        on_date: ymd(2026, 12, 3),
    };
    s.add_case_action(id, &act, None, &ChangeSet::default())
        .await
        .unwrap();
    s.sync_cases(
        &[],
        &[(id, "đã báo cáo".into())],
        "2026-12-04 09:00:00",
        &[],
    )
    .await
    .unwrap();
    let c = &s.cases().await.unwrap()[0];
    assert_eq!(c.actions, vec![act]);
    assert_eq!(c.closed_reason.as_deref(), Some("đã báo cáo"));
    assert!(
        s.audit(&AuditQuery {
            entity: Some("cases".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap()
        .len()
            == 1
    );
}

/// Closing and reopening a reporting year is a history, oldest first.
pub async fn reporting_locks_are_a_history(s: &dyn Store) {
    s.apply(&base()).await.unwrap();
    let lock = |closed: bool, at: &str| ReportingLock {
        id: 0,
        year: 2025,
        unit: Some(UnitId(1)),
        closed,
        reason: if closed {
            "hết hạn".into()
        } else {
            "sửa số liệu".into()
        },
        actor: "canbo".into(),
        at: at.into(),
    };
    s.add_reporting_lock(
        &lock(true, "2026-02-01 08:00:00"),
        &entry("close", "reporting_locks", "2025", Some(1)),
    )
    .await
    .unwrap();
    s.add_reporting_lock(
        &lock(false, "2026-02-02 08:00:00"),
        &entry("reopen", "reporting_locks", "2025", Some(1)),
    )
    .await
    .unwrap();
    let got = s.reporting_locks().await.unwrap();
    assert_eq!(
        got.iter().map(|l| l.closed).collect::<Vec<_>>(),
        vec![true, false]
    );
    assert_eq!(got[1].reason, "sửa số liệu");
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

/// A consistent copy can be taken while the store is in use, and is a database of its own.
pub async fn backup_copies_everything(s: &dyn Store, dir: &std::path::Path) {
    s.apply(&base()).await.unwrap();
    let path = dir.join("copy.db");
    s.backup(&path).await.unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 0);
    assert!(
        s.backup(&path).await.is_err(),
        "an existing file is never overwritten"
    );
}
