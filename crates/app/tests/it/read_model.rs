//! The read model: after the app's own writes the snapshot in memory is brought forward,
//! not reloaded, and equals what the store holds; a write from elsewhere makes the next read
//! reload, once for all the readers that arrive together.

use crate::{csv, sys};
use hoptac_core::model::Snapshot;

async fn demo() -> (hoptac_app::App, hoptac_store_conformance::TestDb) {
    let (a, d) = crate::app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    (a, d)
}

/// A snapshot in key order: the store promises rows, not their order.
fn ordered(mut s: Snapshot) -> Snapshot {
    s.units.sort_by_key(|u| u.id);
    s.orgs.sort_by(|a, b| a.code.cmp(&b.code));
    s.reports
        .sort_by(|a, b| (&a.org, a.year.get()).cmp(&(&b.org, b.year.get())));
    s.managers.sort_by(|a, b| {
        (&a.org, &a.full_name, a.role.code(), a.from).cmp(&(
            &b.org,
            &b.full_name,
            b.role.code(),
            b.from,
        ))
    });
    s
}

async fn same_as_store(a: &hoptac_app::App, what: &str) {
    let live = a.snapshot().await.unwrap();
    assert_eq!(
        *live.org_rows(),
        hoptac_core::rows::OrgRows::built(&live),
        "the index brought forward by {what}"
    );
    let cached = (*live).clone();
    let stored = a.store().snapshot(None).await.unwrap();
    let (c, s) = (ordered(cached), ordered(stored));
    assert_eq!(c.units, s.units, "units after {what}");
    assert_eq!(c.orgs, s.orgs, "organisations after {what}");
    assert!(c.reports == s.reports, "reports after {what}");
    assert_eq!(c.managers, s.managers, "managers after {what}");
    assert_eq!(c.clubs, s.clubs, "club records after {what}");
    assert_eq!(c.training, s.training, "training records after {what}");
}

#[tokio::test]
async fn the_apps_own_writes_bring_the_snapshot_forward_without_a_reload() {
    let (a, _d) = demo().await;
    a.snapshot().await.unwrap();
    let loads = a.reloads();
    let edits: [(&str, &[(&str, &str)]); 9] = [
        (
            "a new organisation and its first report",
            &[
                (
                    "organizations",
                    "code,kind,name,sector,commune,founded_on\nHTX-MOI-1,HTX,HTX Rau sạch Mới,agriculture,30049,2024-02-01\n",
                ),
                (
                    "annual_reports",
                    "org_code,year,members,revenue\nHTX-MOI-1,2024,12,350\n",
                ),
            ],
        ),
        (
            "a changed report of the demo",
            &[(
                "annual_reports",
                "org_code,year,members\nHTX-TM-07,2025,99\n",
            )],
        ),
        (
            "a renamed organisation",
            &[(
                "organizations",
                "code,kind,name,sector,commune,founded_on\nHTX-MOI-1,HTX,HTX Rau an toàn Mới,agriculture,30049,2024-02-01\n",
            )],
        ),
        (
            "an organisation registered in another commune",
            &[(
                "organizations",
                "code,kind,name,sector,commune,founded_on\nHTX-MOI-1,HTX,HTX Rau an toàn Mới,agriculture,30058,2024-02-01\n",
            )],
        ),
        (
            "two new managers",
            &[(
                "managers",
                "org_code,full_name,role,from\nHTX-MOI-1,Lê Thị Mới,director,2024-02-01\nHTX-MOI-1,Trần Văn Kế,accountant,2024-02-01\n",
            )],
        ),
        (
            "a course and its attendees",
            &[
                (
                    "training_courses",
                    "code,title,level,organiser,unit,starts_on,ends_on\nRM-1,Kế toán HTX,workshop,Phòng NN-PTNT,872,2024-05-02,2024-05-03\n",
                ),
                (
                    "training_attendance",
                    "course_code,full_name,org_code\nRM-1,Lê Thị Ngoài,\nRM-1,Võ Văn Ngoài,\n",
                ),
            ],
        ),
        (
            "one more attendee",
            &[(
                "training_attendance",
                "course_code,full_name,org_code\nRM-1,Trần Văn Khách,\n",
            )],
        ),
        (
            "a new commune",
            &[(
                "admin_units",
                "code,name,level,parent_code\n39999,Xã Thử Nghiệm,commune,872\n",
            )],
        ),
        (
            "a second year's report",
            &[(
                "annual_reports",
                "org_code,year,members\nHTX-MOI-1,2025,13\n",
            )],
        ),
    ];
    for (what, sheets) in edits {
        let o = a.import_book(&sys(), &csv(sheets), true).await.unwrap();
        assert!(o.applied, "{what}: {:#?}", o.problems);
        same_as_store(&a, what).await;
        assert_eq!(a.reloads(), loads, "{what} reloaded the database");
    }
    // a plan edit and a closed year touch no table of the snapshot: still no reload
    let plan = a.plan(&sys(), hoptac_demo::plan::PLAN_CODE).await.unwrap();
    a.save_plan(
        &sys(),
        hoptac_core::plan::Plan {
            title: format!("{} (sửa)", plan.title),
            targets: vec![],
            ..plan
        },
    )
    .await
    .unwrap();
    a.set_year_lock(&sys(), 2019, None, true, "khóa sổ năm 2019")
        .await
        .unwrap();
    same_as_store(&a, "a plan edit and a closed year").await;
    assert_eq!(a.reloads(), loads);
    // a report archived and restored, a manager renamed: rows out and back, still no reload
    let v = a
        .row_version("annual_reports", "HTX-MOI-1/2025")
        .await
        .unwrap();
    a.archive_report(&sys(), "HTX-MOI-1", 2025, "nhập nhầm", v)
        .await
        .unwrap();
    same_as_store(&a, "an archived report").await;
    let id = a.archived_reports(&sys(), "HTX-MOI-1").await.unwrap()[0].id;
    a.restore_report(&sys(), "HTX-MOI-1", id).await.unwrap();
    same_as_store(&a, "a restored report").await;
    let (m, v) = {
        let code = hoptac_core::OrgCode::parse("HTX-MOI-1").unwrap();
        let m = a.store().managers_of(&code).await.unwrap();
        let m = m.into_iter().find(|m| m.full_name == "Lê Thị Mới").unwrap();
        let v = a.row_version("managers", &m.audit_key()).await.unwrap();
        (m, v)
    };
    let fields = [
        ("full_name", "Lê Thị Mỹ".to_string()),
        ("role", "director".to_string()),
        ("from", "01/02/2024".to_string()),
    ];
    let o = a
        .save_manager(&sys(), "HTX-MOI-1", Some((m.slug().as_str(), v)), &fields)
        .await
        .unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    same_as_store(&a, "a renamed manager").await;
    // the whole record entered by mistake: its reports first, then it and its managers
    let code = hoptac_core::OrgCode::parse("HTX-MOI-1").unwrap();
    for r in a.store().reports_of(&code).await.unwrap() {
        let key = format!("HTX-MOI-1/{}", r.year.get());
        let v = a.row_version("annual_reports", &key).await.unwrap();
        a.archive_report(&sys(), "HTX-MOI-1", r.year.get(), "nhập nhầm", v)
            .await
            .unwrap();
    }
    let v = a.row_version("organizations", "HTX-MOI-1").await.unwrap();
    a.archive_org(&sys(), "HTX-MOI-1", "nhập trùng", v)
        .await
        .unwrap();
    same_as_store(&a, "an archived organisation").await;
    let id = a.archived_orgs(&sys()).await.unwrap()[0].id;
    a.restore_org(&sys(), id).await.unwrap();
    same_as_store(&a, "a restored organisation").await;
    // a club's meeting recorded, moved to another day, a profile, an origin and its
    // club's kind read as the register now says
    let on = |y, m, d| hoptac_core::date::ymd(y, m, d).unwrap();
    let meeting = |day| hoptac_core::model::Meeting {
        org: hoptac_core::OrgCode::parse("HQ-TM-05").unwrap(),
        held_on: day,
        topic: hoptac_core::types::MeetingTopic::Linkage,
        attendance: Some(20),
        officials: vec![],
        outcome: "liên kết".into(),
    };
    let p = a
        .save_meeting(&sys(), "HQ-TM-05", None, meeting(on(2026, 12, 1)), 0)
        .await
        .unwrap();
    assert!(p.is_empty(), "{p:?}");
    same_as_store(&a, "a new meeting").await;
    let v = a
        .row_version("club_meetings", "HQ-TM-05/2026-12-01")
        .await
        .unwrap();
    let p = a
        .save_meeting(
            &sys(),
            "HQ-TM-05",
            Some(on(2026, 12, 1)),
            meeting(on(2026, 11, 30)),
            v,
        )
        .await
        .unwrap();
    assert!(p.is_empty(), "{p:?}");
    same_as_store(&a, "a meeting moved to another day").await;
    let p = a
        .save_club_profile(
            &sys(),
            "HQ-TM-05",
            hoptac_core::model::ClubProfile {
                org: hoptac_core::OrgCode::parse("HQ-TM-05").unwrap(),
                sequence_no: Some(7),
                trade: "Sen".into(),
                meetings_per_year: Some(24),
            },
            a.row_version("club_profiles", "HQ-TM-05").await.unwrap(),
        )
        .await
        .unwrap();
    assert!(p.is_empty(), "{p:?}");
    same_as_store(&a, "a club's profile").await;
    assert!(
        a.set_origin(&sys(), "HTX-MOI-1", "HQ-TM-05", Some(4))
            .await
            .unwrap()
            .is_empty()
    );
    same_as_store(&a, "an origin").await;
    assert_eq!(a.reloads(), loads);
}

#[tokio::test]
async fn a_write_from_elsewhere_is_one_reload_for_all_readers() {
    let (a, d) = demo().await;
    a.snapshot().await.unwrap();
    let loads = a.reloads();
    // another process on the same database file
    let other = hoptac_app::App::new(d.reopen().await);
    let o = other
        .import_book(
            &sys(),
            &csv(&[(
                "annual_reports",
                "org_code,year,members\nHTX-TM-07,2025,77\n",
            )]),
            true,
        )
        .await
        .unwrap();
    assert!(o.applied);
    let readers: Vec<_> = (0..8)
        .map(|_| {
            let a = a.clone();
            tokio::spawn(async move { a.snapshot().await.unwrap() })
        })
        .collect();
    for r in readers {
        let s = r.await.unwrap();
        let rep = s
            .reports
            .iter()
            .find(|r| r.org.as_str() == "HTX-TM-07" && r.year.get() == 2025)
            .unwrap();
        assert_eq!(rep.figures.members, Some(77));
    }
    assert_eq!(a.reloads(), loads + 1, "eight readers, one reload");
    same_as_store(&a, "a write from elsewhere").await;
}

/// The review is kept for the generation it was computed at: asked again it is the same
/// answer; after a form save or a new validation rule it is computed again, never stale.
#[tokio::test]
async fn the_review_is_kept_until_something_changes() {
    let (a, _d) = demo().await;
    let as_of = a.review_date().await.unwrap();
    let first = a.check(&sys(), as_of, None).await.unwrap();
    let again = a.check(&sys(), as_of, None).await.unwrap();
    assert_eq!(
        serde_json::to_string(&first).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
    let flagged = |r: &hoptac_app::checks::CheckReport| {
        r.figures
            .iter()
            .filter(|f| f.finding.msg.vi().contains("kiểm thử bộ nhớ rà soát"))
            .count()
    };
    assert_eq!(flagged(&first), 0);
    let rule = hoptac_core::rules::RuleRecord {
        id: "memo_probe".into(),
        expression: "members < 0".into(),
        severity: hoptac_core::validate::Severity::Warning,
        message_vi: "Có thành viên (kiểm thử bộ nhớ rà soát)".into(),
        message_en: "Has members (review memo probe)".into(),
        active: true,
    };
    a.save_validation_rule(&sys(), rule).await.unwrap();
    let after_rule = a.check(&sys(), as_of, None).await.unwrap();
    assert!(flagged(&after_rule) > 0, "the new rule is seen");
    // a report's members changed through its form: the finding's value follows
    let f = &after_rule
        .figures
        .iter()
        .find(|f| f.finding.msg.vi().contains("kiểm thử bộ nhớ rà soát"))
        .unwrap();
    let key = format!("{}/{}", f.org, f.year);
    let version = a.row_version("annual_reports", &key).await.unwrap();
    let o = a
        .save_form(
            &sys(),
            "annual_reports",
            &[
                ("org_code", f.org.clone()),
                ("year", f.year.to_string()),
                ("members", "4321".into()),
            ],
            hoptac_app::FormIntent::Update { version },
        )
        .await
        .unwrap();
    assert!(o.applied, "{:?}", o.problems.first());
    let after_save = a.check(&sys(), as_of, None).await.unwrap();
    assert!(
        after_save
            .figures
            .iter()
            .any(|g| g.org == f.org && g.year == f.year && g.finding.value == "4321"),
        "the saved figure is seen"
    );
}
