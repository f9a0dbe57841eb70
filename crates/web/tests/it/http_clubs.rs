//! Hội quán in the browser: a commune officer records a meeting from the proposal of the last
//! one, every problem of a form said at once, scope on every side, the audit of each change,
//! and the origin of a cooperative founded from a club.

use crate::demo_app;
use crate::http::{enc, get, post_form};
use crate::trust::{form_version, post_edit};
use axum::http::StatusCode;
use hoptac_store::AuditQuery;

/// Hội quán Tân Kiều, in the commune of the demo's commune account.
const CLUB: &str = "HQ-TM-05";
/// Hội quán Mỹ Hòa, in another commune.
const OTHER: &str = "HQ-TM-06";

async fn audit_of(app: &crate::TestApp, entity: &str) -> Vec<hoptac_store::AuditEntry> {
    app.app
        .store()
        .audit(&AuditQuery {
            entity: Some(entity.into()),
            limit: 50,
            ..Default::default()
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn a_commune_officer_records_a_meeting_from_the_last_ones_values() {
    let (admin, _d) = demo_app().await;
    let commune = admin.as_user("xa.tankieu").await;
    let page = get(&commune, &format!("/orgs/{CLUB}/club")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Hội quán Tân Kiều"), "{}", page.body);
    assert!(page.body.contains("id=\"new-meeting\""));
    assert!(page.body.contains("12 tháng qua"), "{}", page.body);
    // the form starts from the last meeting: its officials are there already
    let club = commune
        .app
        .club(&commune.actor().await, CLUB)
        .await
        .unwrap();
    let last = club.meetings.first().unwrap().clone();
    let form = get(&commune, &format!("/orgs/{CLUB}/meetings/new")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("đề xuất từ buổi trước"), "{}", form.body);
    for o in &last.officials {
        assert!(form.body.contains(&o.name), "{} proposed", o.name);
    }
    // every problem at once, each on its field, nothing written
    let before = commune.app.snapshot().await.unwrap().clubs.meetings.len();
    let r = post_form(
        &commune,
        &format!("/orgs/{CLUB}/meetings/new"),
        &format!(
            "held_on=31/02/2026&topic=bogus&attendance=nhi%E1%BB%81u&officials={}&outcome=&_version=0",
            enc("Lê Văn Tâm | UBND xã | sao hỏa")
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    for id in [
        "error-held_on",
        "error-topic",
        "error-attendance",
        "error-officials",
    ] {
        assert!(r.body.contains(id), "{id} in {}", r.body);
    }
    assert!(
        r.body.contains("31/02/2026") && r.body.contains("sao hỏa"),
        "{}",
        r.body
    );
    assert_eq!(
        commune.app.snapshot().await.unwrap().clubs.meetings.len(),
        before
    );
    // the club's life bounds it: a meeting before the launch is refused in words
    let r = post_form(
        &commune,
        &format!("/orgs/{CLUB}/meetings/new"),
        "held_on=01/01/2010&topic=market&attendance=30&officials=&outcome=&_version=0",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("trước ngày Hội quán ra mắt"), "{}", r.body);
    // saved
    let body = format!(
        "held_on=01/12/2026&topic=market&attendance=31&officials={}&outcome={}&_version=0",
        enc("Lê Văn Tâm | UBND xã | xã\nVõ Minh Khang | Sở Nông nghiệp và Môi trường | tỉnh"),
        enc("Thống nhất bán lúa cho doanh nghiệp")
    );
    let r = post_form(&commune, &format!("/orgs/{CLUB}/meetings/new"), &body).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&commune, &format!("/orgs/{CLUB}/club?saved=meeting"))
        .await
        .body;
    assert!(page.contains("Đã lưu buổi sinh hoạt"));
    assert!(
        page.contains("01/12/2026") && page.contains("Thị trường, tiêu thụ"),
        "{page}"
    );
    assert!(
        page.contains("Võ Minh Khang (Sở Nông nghiệp và Môi trường)"),
        "{page}"
    );
    let saved = (commune.app.snapshot().await.unwrap().clubs.meetings.iter())
        .find(|m| m.org.as_str() == CLUB && hoptac_core::date::to_iso(m.held_on) == "2026-12-01")
        .cloned()
        .unwrap();
    assert_eq!(saved.attendance, Some(31));
    assert_eq!(saved.officials.len(), 2);
    assert_eq!(
        saved.officials[1].level,
        hoptac_core::types::OfficialLevel::Province
    );
    let a = audit_of(&admin, "club_meetings").await;
    let e = a
        .iter()
        .find(|e| e.key == format!("{CLUB}/2026-12-01"))
        .unwrap();
    assert_eq!(
        (e.actor.as_str(), e.action.as_str()),
        ("xa.tankieu", "create")
    );
    assert!(e.after.as_deref().unwrap().contains("Võ Minh Khang"));
    // the same day again is a new meeting no more: edit that one
    let r = post_form(&commune, &format!("/orgs/{CLUB}/meetings/new"), &body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("đã có buổi sinh hoạt"), "{}", r.body);
}

#[tokio::test]
async fn a_meeting_is_corrected_at_the_version_read_and_removed_with_a_reason() {
    let (admin, _d) = demo_app().await;
    let commune = admin.as_user("xa.tankieu").await;
    let staff = admin.as_user("canbo").await;
    let club = commune
        .app
        .club(&commune.actor().await, CLUB)
        .await
        .unwrap();
    let m = club.meetings.first().unwrap().clone();
    let uri = format!(
        "/orgs/{CLUB}/meetings/{}",
        hoptac_core::date::to_iso(m.held_on)
    );
    let stale = form_version(&commune, &uri).await;
    // the district's clerk corrects it first
    let r = post_edit(
        &staff,
        &uri,
        &format!(
            "held_on={}&topic=law&attendance=40&officials=&outcome=",
            hoptac_core::date::to_vi(m.held_on)
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // the commune's older form does not overwrite it unseen
    let r = post_form(
        &commune,
        &uri,
        &format!(
            "held_on={}&topic=technique&attendance=12&officials=&outcome=&_version={stale}",
            hoptac_core::date::to_vi(m.held_on)
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("canbo"),
        "who changed it is said: {}",
        r.body
    );
    let now = |app: &crate::TestApp| {
        let app = app.app.clone();
        let on = m.held_on;
        async move {
            (app.snapshot().await.unwrap().clubs.meetings.iter())
                .find(|x| x.org.as_str() == CLUB && x.held_on == on)
                .cloned()
        }
    };
    assert_eq!(now(&commune).await.unwrap().attendance, Some(40));
    // a date moved: the old day's row goes, the new one holds the meeting
    let moved_to = "2026-11-30";
    let r = post_edit(
        &commune,
        &uri,
        "held_on=30/11/2026&topic=law&attendance=40&officials=&outcome=",
    )
    .await;
    // (the demo's meetings fall on the 3rd to the 27th: the 30th is free)
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(now(&commune).await.is_none());
    let back = format!("/orgs/{CLUB}/meetings/{moved_to}");
    // removed with a reason; the audit keeps it whole
    let r = post_edit(&commune, &format!("{back}/remove"), "reason=").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post_edit(
        &commune,
        &format!("{back}/remove"),
        "reason=nh%E1%BA%ADp+nh%E1%BA%A7m",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let a = audit_of(&admin, "club_meetings").await;
    let gone = a
        .iter()
        .find(|e| e.key == format!("{CLUB}/{moved_to}") && e.action == "delete")
        .unwrap();
    assert!(
        gone.before.as_deref().unwrap().contains("\"law\""),
        "{gone:?}"
    );
    assert!(gone.after.as_deref().unwrap().contains("nhập nhầm"));
}

#[tokio::test]
async fn a_club_of_another_commune_and_a_viewer_are_refused_and_audited() {
    let (admin, _d) = demo_app().await;
    let commune = admin.as_user("xa.tankieu").await;
    let viewer = admin.as_user("xem").await;
    let body = "held_on=02/12/2026&topic=market&attendance=31&officials=&outcome=&_version=0";
    for uri in [
        format!("/orgs/{OTHER}/club"),
        format!("/orgs/{OTHER}/meetings/new"),
    ] {
        assert_eq!(
            get(&commune, &uri).await.status,
            StatusCode::FORBIDDEN,
            "{uri}"
        );
    }
    let r = post_form(&commune, &format!("/orgs/{OTHER}/meetings/new"), body).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // a form with mistakes from outside is refused too, not answered with its problems
    let r = post_form(
        &commune,
        &format!("/orgs/{OTHER}/meetings/new"),
        "held_on=x&topic=y&_version=0",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // a viewer reads the club but is offered nothing to change, and may change nothing
    let page = get(&viewer, &format!("/orgs/{CLUB}/club")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("new-meeting") && !page.body.contains("edit-meeting"));
    let r = post_form(&viewer, &format!("/orgs/{CLUB}/meetings/new"), body).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let refused = admin
        .app
        .store()
        .audit(&AuditQuery {
            action: Some("refused".into()),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(refused.iter().any(|e| e.actor == "xem" && e.key == CLUB));
    assert!(
        refused
            .iter()
            .any(|e| e.actor == "xa.tankieu" && e.key == OTHER)
    );
    assert!(
        !(admin.app.snapshot().await.unwrap().clubs.meetings.iter())
            .any(|m| hoptac_core::date::to_iso(m.held_on) == "2026-12-02"),
        "nothing written"
    );
}

#[tokio::test]
async fn a_cooperative_founded_from_a_club_says_so_and_the_club_shows_it() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    // HTX DVNN Tân Kiều Xanh (2022), in the club's commune
    let snap = staff.app.snapshot().await.unwrap();
    let htx = (snap.orgs.iter())
        .find(|o| o.name == "HTX DVNN Tân Kiều Xanh")
        .unwrap()
        .code
        .to_string();
    let page = get(&staff, &format!("/orgs/{htx}")).await.body;
    assert!(page.contains("id=\"add-origin\""), "{page}");
    let uri = format!("/orgs/{htx}/origins");
    // from itself, from a cooperative, from nothing: each refused in words
    let r = post_form(
        &staff,
        &uri,
        &format!("founded_from={htx}&founding_members="),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("không thành lập từ chính nó"), "{}", r.body);
    let r = post_form(&staff, &uri, "founded_from=KHONG-CO&founding_members=").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Không tìm thấy tổ chức"), "{}", r.body);
    let r = post_form(
        &staff,
        &uri,
        &format!("founded_from={CLUB}&founding_members=nhi%E1%BB%81u"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post_form(
        &staff,
        &uri,
        &format!("founded_from={CLUB}&founding_members=12"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&staff, &format!("/orgs/{htx}")).await.body;
    assert!(
        page.contains("Hội quán Tân Kiều") && page.contains("12 sáng lập viên"),
        "{page}"
    );
    let club = get(&staff, &format!("/orgs/{CLUB}/club")).await.body;
    assert!(club.contains("HTX DVNN Tân Kiều Xanh"), "{club}");
    // counted: two demo cooperatives grew from clubs in 2021–2024, this one in 2022
    let def = hoptac_core::indicator::catalogue()
        .into_iter()
        .find(|d| d.id == "hoiquan.became_coop")
        .unwrap();
    let snap = staff.app.snapshot().await.unwrap();
    let e = hoptac_core::indicator::Engine::new(&snap);
    assert_eq!(
        e.evaluate(&def, 2021, 2025).value,
        Some(hoptac_core::Fixed::from_int(3))
    );
    assert!(
        audit_of(&admin, "org_origins")
            .await
            .iter()
            .any(|e| e.actor == "canbo" && e.action == "create")
    );
    // a club with records is not archived or merged from under them
    let r = get(&staff, &format!("/orgs/{CLUB}/archive")).await.body;
    assert!(r.contains("hồ sơ Hội quán"), "{r}");
    // taken back
    let r = post_form(&staff, &format!("/orgs/{htx}/origins/{CLUB}/remove"), "").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let snap = staff.app.snapshot().await.unwrap();
    assert!(!snap.clubs.origins.iter().any(|g| g.org.as_str() == htx));
}
