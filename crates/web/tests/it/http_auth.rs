//! Accounts, roles, CSRF, the audit trail, through the real router.

use crate::demo_app;
use crate::http::{get, post_form, send, with_session};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

#[tokio::test]
async fn pages_need_a_session_and_logins_fail_generically() {
    let (admin, _d) = demo_app().await;
    let anon = crate::TestApp {
        app: admin.app.clone(),
        cookie: String::new(),
        csrf: String::new(),
    };
    let r = get(&anon, "/orgs?q=x").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers.get(header::LOCATION).unwrap(),
        "/login?next=%2Forgs%3Fq%3Dx"
    );
    assert_eq!(get(&anon, "/login").await.status, StatusCode::OK);
    let form = |body: &str| {
        Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.to_string()))
            .unwrap()
    };
    let wrong_pw = send(&anon, form("username=canbo&password=nope")).await;
    let no_user = send(&anon, form("username=nobody&password=nope")).await;
    assert_eq!(
        (wrong_pw.status, no_user.status),
        (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED)
    );
    assert!(
        wrong_pw.body.contains("Sai tên đăng nhập hoặc mật khẩu")
            && no_user.body.contains("Sai tên đăng nhập hoặc mật khẩu"),
        "the same answer for both"
    );
    let ok = send(
        &anon,
        form("username=canbo&password=hoptac-demo&next=/orgs"),
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let cookie = ok
        .headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict")
            && !cookie.contains("Secure")
    );
    let over_https = send(
        &anon,
        Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("x-forwarded-proto", "https")
            .body(Body::from("username=canbo&password=hoptac-demo"))
            .unwrap(),
    )
    .await;
    assert!(
        over_https
            .headers
            .get(header::SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap()
            .contains("; Secure")
    );
    // repeated failures wait: the sixth try in a row is answered only after a delay (a
    // real one, not a 429 at once), and then on its merits
    for _ in 0..5 {
        send(&anon, form("username=xem&password=nope")).await;
    }
    let t = std::time::Instant::now();
    let delayed = send(&anon, form("username=xem&password=hoptac-demo")).await;
    assert!(
        t.elapsed() >= std::time::Duration::from_millis(900),
        "{:?}",
        t.elapsed()
    );
    assert_eq!(delayed.status, StatusCode::SEE_OTHER);
    let failed = admin
        .app
        .audit_trail(
            &hoptac_app::Actor::system(),
            hoptac_store::AuditQuery {
                action: Some("login_failed".into()),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(failed.len() >= 7, "failed logins are recorded");
}

#[tokio::test]
async fn forms_without_the_csrf_token_change_nothing() {
    let (admin, _d) = demo_app().await;
    let req = Request::post("/orgs/new")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(
            "code=CSRF-1&kind=HTX&name=X&sector=agriculture&commune=30049&founded_on=2024-01-01",
        ))
        .unwrap();
    let r = send(&admin, req).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let forged = Request::post("/orgs/new").header(header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(Body::from("_csrf=forged&code=CSRF-1&kind=HTX&name=X&sector=agriculture&commune=30049&founded_on=2024-01-01")).unwrap();
    assert_eq!(send(&admin, forged).await.status, StatusCode::FORBIDDEN);
    assert!(
        admin
            .store()
            .org(&hoptac_core::OrgCode::parse("CSRF-1").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    let upload = Request::post("/import")
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
        .body(Body::from("--x--"))
        .unwrap();
    assert_eq!(send(&admin, upload).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_cooperative_account_reaches_only_its_own_cooperative() {
    let (admin, _d) = demo_app().await;
    let coop = admin.as_user("htx.tankieu").await;
    let r = get(&coop, "/").await;
    assert_eq!(
        r.headers.get(header::LOCATION).unwrap(),
        "/orgs/HTX-TM-07",
        "home is its own page"
    );
    assert_eq!(get(&coop, "/orgs/HTX-TM-07").await.status, StatusCode::OK);
    for url in [
        "/orgs/HTX-TM-01",
        "/orgs/HTX-TM-01/edit",
        "/orgs/HTX-TM-01/reports/2020/edit",
        "/orgs/HTX-TM-01/history",
        "/report/situation",
        "/?scope=872",
        "/plans/TM-KTTT-2021-2026",
        "/audit",
        "/accounts",
    ] {
        let s = get(&coop, url).await.status;
        assert!(
            s == StatusCode::FORBIDDEN || s == StatusCode::SEE_OTHER && url == "/?scope=872",
            "{url}: {s}"
        );
    }
    let list = get(&coop, "/orgs").await.body;
    assert!(
        list.contains("HTX-TM-07") && !list.contains("HTX-TM-01"),
        "the registry shows only its own"
    );
    // tampered ids in URLs and forms: refused, nothing written
    let r = post_form(&coop, "/orgs/HTX-TM-01/reports/2025/edit", "members=1").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = crate::trust::post_edit(&coop, "/orgs/HTX-TM-07/edit", "code=HTX-TM-07&kind=HTX&name=HTX+DVNN+T%C3%A2n+Ki%E1%BB%81u&sector=agriculture&commune=30052&founded_on=2007-12-04").await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "moving itself to another commune is outside its scope"
    );
    assert!(r.body.contains("không có quyền"));
    let r = post_form(
        &coop,
        "/orgs/new",
        "code=NEW-COOP&kind=HTX&name=X&sector=agriculture&commune=30049&founded_on=2024-01-01",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        admin
            .store()
            .org(&hoptac_core::OrgCode::parse("NEW-COOP").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    // its own yearly figures it may write
    let r = crate::trust::post_edit(
        &coop,
        "/orgs/HTX-TM-07/reports/2025/edit",
        "members=301&members_joined=10&members_left=3&revenue=2000",
    )
    .await;
    assert!(
        r.status == StatusCode::SEE_OTHER || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    let refused = admin
        .app
        .audit_trail(
            &hoptac_app::Actor::system(),
            hoptac_store::AuditQuery {
                actor: Some("htx.tankieu".into()),
                action: Some("refused".into()),
                limit: 100,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        refused.len() >= 8,
        "each refusal is recorded: {}",
        refused.len()
    );
}

#[tokio::test]
async fn commune_staff_and_viewers() {
    let (admin, _d) = demo_app().await;
    let commune = admin.as_user("xa.tankieu").await;
    assert_eq!(
        get(&commune, "/orgs/HTX-TM-07").await.status,
        StatusCode::OK
    );
    assert_eq!(
        get(&commune, "/orgs/HTX-TM-01").await.status,
        StatusCode::FORBIDDEN
    );
    let dash = get(&commune, "/").await;
    assert!(
        dash.status == StatusCode::OK && dash.body.contains("Tổng quan"),
        "its own commune's figures"
    );
    assert_eq!(
        get(&commune, "/?scope=872").await.status,
        StatusCode::FORBIDDEN,
        "not the district's"
    );
    // its pickers offer its own commune, not the district nor a neighbour
    for page in ["/", "/quality", "/report/situation"] {
        let body = get(&commune, page).await.body;
        assert!(body.contains("value=\"30049\""), "{page}: its commune");
        assert!(
            !body.contains("value=\"872\"") && !body.contains("value=\"30058\""),
            "{page}: only units in its scope"
        );
    }
    let district = get(&admin, "/").await.body;
    assert!(
        district.contains("value=\"30058\""),
        "the province lists them all"
    );
    assert_eq!(
        get(&commune, "/accounts").await.status,
        StatusCode::FORBIDDEN
    );
    let viewer = admin.as_user("xem").await;
    assert_eq!(
        get(&viewer, "/?from=2016&to=2020").await.status,
        StatusCode::OK
    );
    let r = post_form(&viewer, "/orgs/HTX-TM-07/reports/2025/edit", "members=1").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("không có quyền"));
    let staff = admin.as_user("canbo").await;
    assert_eq!(
        post_form(
            &staff,
            "/plans/TM-KTTT-2021-2026/targets/1/edit",
            "wording=x&indicator=htx.members&comparator=%3E%3D&value=1"
        )
        .await
        .status,
        StatusCode::FORBIDDEN,
        "plans belong to administrators"
    );
    assert_eq!(get(&staff, "/audit").await.status, StatusCode::OK);
}

#[tokio::test]
async fn administrators_delegate_downwards_and_first_logins_change_the_password() {
    let (admin, _d) = demo_app().await;
    let r = post_form(&admin, "/accounts/new", "username=xa.mydong&display_name=C%C3%A1n+b%E1%BB%99+x%C3%A3&role=commune&scope=30058&password=mat-khau-tam-thoi").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_form(
        &admin,
        "/accounts/new",
        "username=boss&role=admin&scope=all&password=mat-khau-tam-thoi",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "not above its own scope");
    let r = post_form(
        &admin,
        "/accounts/new",
        "username=short&role=viewer&scope=872&password=abc",
    )
    .await;
    assert!(r.body.contains("id=\"error-password\""));
    // the new account must choose its own password first
    let s = admin
        .app
        .login("xa.mydong", "mat-khau-tam-thoi", "127.0.0.2")
        .await
        .unwrap();
    let new = crate::TestApp {
        app: admin.app.clone(),
        cookie: format!("hoptac_session={}", s.token),
        csrf: s.csrf,
    };
    let r = get(&new, "/orgs").await;
    assert_eq!(r.headers.get(header::LOCATION).unwrap(), "/password");
    let r = post_form(
        &new,
        "/password",
        "current=mat-khau-tam-thoi&password=mat-khau-moi-dai&again=mat-khau-moi-khac",
    )
    .await;
    assert!(r.body.contains("id=\"error-again\""));
    let r = post_form(
        &new,
        "/password",
        "current=mat-khau-tam-thoi&password=mat-khau-moi-dai&again=mat-khau-moi-dai",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        get(&new, "/orgs")
            .await
            .headers
            .get(header::LOCATION)
            .unwrap(),
        "/login?next=%2Forgs",
        "the old session ended"
    );
    assert!(
        admin
            .app
            .login("xa.mydong", "mat-khau-moi-dai", "127.0.0.2")
            .await
            .is_ok()
    );
    let list = get(&admin, "/accounts").await.body;
    assert!(list.contains("xa.mydong") && list.contains("htx.tankieu"));
}

#[tokio::test]
async fn every_change_is_in_the_audit_trail_with_before_and_after() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let r = crate::trust::post_edit(
        &staff,
        "/orgs/HTX-TM-07/reports/2025/edit",
        "members=302&members_joined=11&members_left=3&revenue=1999,5",
    )
    .await;
    assert!(r.status == StatusCode::SEE_OTHER || r.status == StatusCode::OK);
    let trail = get(&admin, "/audit?entity=annual_reports&key=HTX-TM-07/2025")
        .await
        .body;
    assert!(trail.contains("canbo") && trail.contains("update"));
    let e = &admin
        .app
        .audit_trail(
            &hoptac_app::Actor::system(),
            hoptac_store::AuditQuery {
                entity: Some("annual_reports".into()),
                key: Some("HTX-TM-07/2025".into()),
                limit: 5,
                ..Default::default()
            },
        )
        .await
        .unwrap()[0];
    assert!(
        e.before.as_ref().unwrap().contains("\"members\":301")
            && e.after.as_ref().unwrap().contains("\"members\":302"),
        "{e:?}"
    );
    // a change of the profile: the page names who made it
    let r = crate::trust::post_edit(
        &staff,
        "/orgs/HTX-TM-07/edit",
        "code=HTX-TM-07&kind=HTX&name=HTX+DVNN+T%C3%A2n+Ki%E1%BB%81u&sector=agriculture&commune=30049&founded_on=2007-12-04&registration_no=DK-TEST-1",
    )
    .await;
    assert!(
        r.status == StatusCode::SEE_OTHER || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    let page = get(&admin, "/orgs/HTX-TM-07").await.body;
    let last = page
        .split("id=\"last-change\"")
        .nth(1)
        .expect("the organisation page says who changed it last");
    assert!(
        last[..last.find("</p>").unwrap()].contains("canbo"),
        "and it names the staff member: {last}"
    );
    let history = get(&admin, "/orgs/HTX-TM-07/history").await.body;
    assert!(history.contains("HTX-TM-07/2025"));
    let csv = get(&admin, "/audit?actor=canbo&format=csv").await;
    assert!(
        csv.headers
            .get(header::CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(csv.body.contains("HTX-TM-07/2025"));
    // logging out ends the session
    let r = post_form(&staff, "/logout", "x=1").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(get(&staff, "/").await.status, StatusCode::SEE_OTHER);
    let _ = with_session;
}

#[tokio::test]
async fn oversized_uploads_and_expired_sessions() {
    let (admin, _d) = demo_app().await;
    let mut big =
        b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n\r\n"
            .to_vec();
    big.extend(std::iter::repeat_n(
        b'a',
        hoptac_web::MAX_UPLOAD + 1024 * 1024,
    ));
    big.extend_from_slice(b"\r\n--x--\r\n");
    // a browser announces the size of an upload: refused before a byte of it is read
    let req = Request::post(format!("/import?_csrf={}", admin.csrf))
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
        .header(header::CONTENT_LENGTH, big.len())
        .body(Body::from(big))
        .unwrap();
    let r = send(&admin, req).await;
    assert_eq!(
        r.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        &r.body[r.body.len().saturating_sub(600)..]
    );
    // a session past its time opens nothing
    let store = admin.app.store();
    let token = "0".repeat(64);
    store
        .create_session(
            &hoptac_app::auth::token_hash(&token),
            &hoptac_store::SessionRow {
                username: "quantri".into(),
                csrf: "c".into(),
                expires_at: 1,
            },
        )
        .await
        .unwrap();
    let old = crate::TestApp {
        app: admin.app.clone(),
        cookie: format!("hoptac_session={token}"),
        csrf: "c".into(),
    };
    assert_eq!(get(&old, "/").await.status, StatusCode::SEE_OTHER);
}
