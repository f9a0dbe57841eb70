//! Training courses in the browser: an office records a course and its people, every problem
//! of the form said at once, an edit never overwrites an unseen one, a removal needs a
//! reason and keeps the course in the audit; scope on every side.

use crate::demo_app;
use crate::http::{enc, get, post_form};
use crate::trust::{form_version, post_edit};
use axum::http::StatusCode;
use hoptac_store::AuditQuery;

/// A person of HTX-TM-07 in office now, and the district's unit id.
async fn ground(app: &crate::TestApp) -> (String, i64) {
    let snap = app.app.snapshot().await.unwrap();
    let person = (snap.managers.iter())
        .find(|m| m.org.as_str() == "HTX-TM-07" && m.to.is_none())
        .unwrap()
        .full_name
        .clone();
    let district = snap.units.iter().find(|u| u.code == "872").unwrap().id.0;
    (person, district)
}

fn body(code: &str, unit: i64, starts: &str, ends: &str, level: &str, people: &str) -> String {
    format!(
        "course_code={code}&course_title={}&course_level={level}&course_organiser={}&course_unit={unit}&course_starts={starts}&course_ends={ends}&course_funding={}&course_attendees={}",
        enc("Tập huấn kế toán HTX theo TT 71/2024"),
        enc("Phòng Nông nghiệp và PTNT huyện Tháp Mười"),
        enc("Ngân sách huyện"),
        enc(people)
    )
}

#[tokio::test]
async fn an_office_records_a_course_with_its_people() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let (person, district) = ground(&staff).await;
    let list = get(&staff, "/training").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(list.body.contains("id=\"new-course\""), "{}", list.body);
    assert!(
        list.body
            .contains("Phòng Nông nghiệp và PTNT huyện Tháp Mười")
    );
    let form = get(&staff, "/training/new").await;
    assert_eq!(form.status, StatusCode::OK);
    let before = staff.app.snapshot().await.unwrap().training.courses.len();
    // what the form cannot read, each on its field
    let r = post_form(
        &staff,
        "/training/new",
        &format!(
            "{}&_version=0",
            body("TM-T-1", district, "31/02/2025", "hôm qua", "lecture", "")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    for id in [
        "error-course_starts",
        "error-course_ends",
        "error-course_level",
    ] {
        assert!(r.body.contains(id), "{id} in {}", r.body);
    }
    // what the rules refuse: an end before the start, a stranger named as the cooperative's
    let people = format!("{person} | HTX-TM-07\nNgười Lạ | HTX-TM-07");
    let r = post_form(
        &staff,
        "/training/new",
        &format!(
            "{}&_version=0",
            body(
                "TM-T-1",
                district,
                "05/03/2025",
                "01/03/2025",
                "workshop",
                &people
            )
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("error-course_ends") && r.body.contains("error-course_attendees"),
        "{}",
        r.body
    );
    assert!(r.body.contains("Người Lạ"), "{}", r.body);
    assert_eq!(
        staff.app.snapshot().await.unwrap().training.courses.len(),
        before
    );
    // a good one: saved, its page lists its people with their cooperative
    let people = format!("{person} | HTX-TM-07\nVõ Văn Bảy");
    let r = post_form(
        &staff,
        "/training/new",
        &format!(
            "{}&_version=0",
            body(
                "TM-T-1",
                district,
                "03/03/2025",
                "05/03/2025",
                "workshop",
                &people
            )
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&staff, "/training/TM-T-1").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(&person) && page.body.contains("Võ Văn Bảy"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("03/03/2025 – 05/03/2025"),
        "{}",
        page.body
    );
    // the same code again is refused: edit that one
    let r = post_form(
        &staff,
        "/training/new",
        &format!(
            "{}&_version=0",
            body(
                "TM-T-1",
                district,
                "03/03/2025",
                "05/03/2025",
                "workshop",
                ""
            )
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("error-course_code"), "{}", r.body);
    // two clerks: the second, older form does not overwrite the first unseen
    let uri = "/training/TM-T-1/edit";
    let stale = form_version(&staff, uri).await;
    let r = post_edit(
        &admin,
        uri,
        &body(
            "TM-T-1",
            district,
            "03/03/2025",
            "05/03/2025",
            "refresher",
            &format!("{person} | HTX-TM-07"),
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_form(
        &staff,
        uri,
        &format!(
            "{}&_version={stale}",
            body(
                "TM-T-1",
                district,
                "03/03/2025",
                "05/03/2025",
                "workshop",
                &people
            )
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("quantri"),
        "who changed it is said: {}",
        r.body
    );
    let snap = staff.app.snapshot().await.unwrap();
    let t = &snap.training;
    assert_eq!(t.attendees_of("TM-T-1").len(), 1, "the first edit stands");
    // a removal needs a reason; the audit keeps the course and its list
    let r = post_edit(&staff, "/training/TM-T-1/remove", "reason=").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post_edit(
        &staff,
        "/training/TM-T-1/remove",
        &format!("reason={}", enc("ghi nhầm")),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        staff
            .app
            .snapshot()
            .await
            .unwrap()
            .training
            .course("TM-T-1")
            .is_none()
    );
    let audit = staff
        .app
        .store()
        .audit(&AuditQuery {
            entity: Some("training_courses".into()),
            key: Some("TM-T-1".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["delete", "update", "create"], "{audit:#?}");
    assert!(audit[0].before.as_deref().unwrap().contains(&person));
}

#[tokio::test]
async fn courses_are_kept_by_the_offices_of_their_unit() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let (person, district) = ground(&staff).await;
    let commune = admin.as_user("xa.tankieu").await;
    let viewer = admin.as_user("xem").await;
    // a district course, read by the commune through its cooperatives' people, not edited
    let code = staff
        .app
        .snapshot()
        .await
        .unwrap()
        .training
        .courses
        .last()
        .unwrap()
        .code
        .clone();
    let mine = commune.app.courses(&commune.actor().await).await.unwrap();
    assert!(
        !mine.is_empty(),
        "the commune sees the courses its people attended"
    );
    let c = &mine[0].0.code;
    let page = get(&commune, &format!("/training/{}", enc(c))).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("id=\"edit-course\""));
    assert_eq!(
        get(&commune, &format!("/training/{}/edit", enc(c)))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // nor may it hold one for the district
    let r = post_form(
        &commune,
        "/training/new",
        &format!(
            "{}&_version=0",
            body(
                "TM-X-1",
                district,
                "03/03/2025",
                "05/03/2025",
                "workshop",
                &format!("{person} | HTX-TM-07")
            )
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // a viewer reads, records nothing
    assert_eq!(get(&viewer, "/training").await.status, StatusCode::OK);
    assert_eq!(
        get(&viewer, "/training/new").await.status,
        StatusCode::FORBIDDEN
    );
    assert!(code.starts_with("TM-"));
    let refused = admin
        .app
        .store()
        .audit(&AuditQuery {
            action: Some("refused".into()),
            limit: 20,
            ..Default::default()
        })
        .await
        .unwrap();
    for who in ["xa.tankieu", "xem"] {
        assert!(
            refused.iter().any(|e| e.actor == who),
            "{who}: {refused:#?}"
        );
    }
}
