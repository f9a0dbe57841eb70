//! Store conformance tests. Each takes a fresh store from `backends()`, so a PostgreSQL
//! adapter runs the same suite by adding itself there.

use hoptac_core::Fixed;
use hoptac_core::date::ymd;
use hoptac_core::model::{AdminUnit, AnnualReport, Manager, Organization, ReportFigures, UnitId};
use hoptac_core::types::*;
use hoptac_store::{ChangeSet, OrgQuery, SortKey, SqliteStore, Store};
use std::sync::Arc;

async fn backends() -> Vec<(Arc<dyn Store>, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let s = SqliteStore::open(&dir.path().join("t.db")).await.unwrap();
    vec![(Arc::new(s), dir)]
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

#[tokio::test]
async fn round_trips_every_field_exactly() {
    for (s, _d) in backends().await {
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
}

#[tokio::test]
async fn upserts_are_idempotent() {
    for (s, _d) in backends().await {
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
}

#[tokio::test]
async fn a_failing_change_set_writes_nothing() {
    for (s, _d) in backends().await {
        let mut c = base();
        // a report of an organisation that does not exist violates a foreign key at the end
        c.reports.push(report("NOPE", 2020));
        assert!(s.apply(&c).await.is_err());
        let n = s.counts().await.unwrap();
        assert_eq!((n.units, n.orgs, n.reports, n.managers), (0, 0, 0, 0));
    }
}

#[tokio::test]
async fn search_folds_diacritics_filters_and_pages() {
    for (s, _d) in backends().await {
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
}

#[tokio::test]
async fn snapshot_limits_report_years() {
    for (s, _d) in backends().await {
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
}

#[tokio::test]
async fn database_constraints_back_the_domain() {
    for (s, _d) in backends().await {
        s.apply(&base()).await.unwrap();
        let mut bad = base();
        bad.orgs[0].dissolved_on = ymd(2000, 1, 1);
        assert!(
            s.apply(&bad).await.is_err(),
            "dissolution before founding is refused by the schema too"
        );
    }
}

#[tokio::test]
async fn plans_targets_and_indicators_round_trip_and_upsert_one_by_one() {
    use hoptac_core::plan::{Comparator, Plan, Target};
    use hoptac_core::spec::IndicatorRecord;
    for (s, _d) in backends().await {
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
}
