//! Trustworthy records (issue 11): reads never write, creates never overwrite, stale forms
//! never win, one early report does not move the pages' year.

use crate::demo_app;
use crate::http::{get, post_form};
use axum::http::StatusCode;

/// The version an edit form carries, as a browser would send it back.
pub async fn form_version(app: &crate::TestApp, uri: &str) -> String {
    let page = get(app, uri).await;
    assert_eq!(page.status, StatusCode::OK, "{uri}");
    let at = page
        .body
        .find("name=\"_version\" value=\"")
        .unwrap_or_else(|| panic!("{uri} has no version field"));
    let rest = &page.body[at + "name=\"_version\" value=\"".len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

/// Posts an edit form the way a person does: opened first, then sent with its version.
pub async fn post_edit(app: &crate::TestApp, uri: &str, body: &str) -> crate::http::Resp {
    let v = form_version(app, uri).await;
    post_form(app, uri, &format!("{body}&_version={v}")).await
}

async fn case_rows(app: &crate::TestApp) -> Vec<(i64, bool)> {
    app.app
        .store()
        .cases()
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.closed_at.is_none()))
        .collect()
}

#[tokio::test]
async fn looking_at_the_review_changes_no_case() {
    let (admin, _d) = demo_app().await;
    let viewer = admin.as_user("xem").await;
    let before = case_rows(&admin).await;
    assert!(
        before.iter().any(|c| c.1),
        "the demo's run recorded open cases"
    );
    // one early report for 2026, then a viewer looks at every year
    let staff = admin.as_user("canbo").await;
    let r = post_form(
        &staff,
        "/orgs/HTX-TM-07/reports/new",
        "year=2026&members=300&members_joined=1&members_left=2",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    for uri in [
        "/quality",
        "/quality?year=2026",
        "/quality?year=2027",
        "/quality?year=2018",
        "/quality?year=2026&scope=872",
    ] {
        let r = get(&viewer, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
    }
    assert_eq!(
        case_rows(&admin).await,
        before,
        "a GET opened or closed cases"
    );
    // a ground found as of another year is shown, marked as not recorded
    let page = get(&viewer, "/quality?year=2026").await.body;
    assert!(page.contains("Chưa ghi nhận"), "pending grounds are marked");
    assert!(
        !page.contains("id=\"run-review\""),
        "a viewer cannot run the review"
    );
    // only a run writes, audited, as of the review date (2025: its deadline has passed)
    let r = post_form(&viewer, "/quality/run", "scope=").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post_form(&staff, "/quality/run", "scope=").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        case_rows(&admin).await,
        before,
        "the data as of 2025 is unchanged"
    );
    let trail = admin
        .app
        .audit_trail(
            &hoptac_app::Actor::system(),
            hoptac_store::AuditQuery {
                action: Some("review_run".into()),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(trail.iter().any(|e| e.actor == "canbo"), "{trail:?}");
}

#[tokio::test]
async fn adding_figures_for_a_year_that_has_them_is_refused() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let before = admin
        .app
        .store()
        .reports_of(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap();
    let r = post_form(&staff, "/orgs/HTX-TM-07/reports/new", "year=2025&members=1").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Đã có số liệu năm 2025"), "{}", r.body);
    assert!(r.body.contains("/orgs/HTX-TM-07/reports/2025/edit"));
    let after = admin
        .app
        .store()
        .reports_of(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap();
    assert_eq!(before, after, "nothing was replaced");
    // the same for an organisation code
    let r = post_form(&staff, "/orgs/new", "code=HTX-TM-07&kind=HTX&name=Kh%C3%A1c&sector=agriculture&commune=30052&founded_on=2020-01-01").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("đã được dùng"), "{}", r.body);
    // the edit page shows the stored values
    let page = get(&staff, "/orgs/HTX-TM-07/reports/2025/edit").await.body;
    let stored = before.iter().find(|r| r.year.get() == 2025).unwrap();
    assert!(page.contains(&format!("value=\"{}\"", stored.figures.members.unwrap())));
}

#[tokio::test]
async fn a_stale_form_changes_nothing_and_says_who_came_first() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let uri = "/orgs/HTX-TM-07/reports/2025/edit";
    // two people open the same report
    let v1 = form_version(&admin, uri).await;
    let v2 = form_version(&staff, uri).await;
    assert_eq!(v1, v2);
    let r = post_form(&staff, uri, &format!("members=302&_version={v2}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_form(&admin, uri, &format!("members=999&_version={v1}")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("canbo"), "names who changed it: {}", r.body);
    assert!(r.body.contains("tải lại"), "{}", r.body);
    let stored = admin
        .app
        .store()
        .reports_of(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap();
    let y = stored.iter().find(|r| r.year.get() == 2025).unwrap();
    assert_eq!(y.figures.members, Some(302), "the first save stands");
    // an edit form without its version is refused too
    let r = post_form(&admin, uri, "members=998").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // a fresh form goes through
    let r = crate::trust::post_edit(&admin, uri, "members=303").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test]
async fn one_early_report_does_not_move_the_pages_year() {
    let (admin, _d) = demo_app().await;
    let before_plan = get(&admin, "/plans/TM-KTTT-2021-2026").await.body;
    let review_date = admin.app.review_date().await.unwrap();
    let staff = admin.as_user("canbo").await;
    let r = post_form(
        &staff,
        "/orgs/HTX-TM-07/reports/new",
        // the jump is warned of before saving; sent again, it is saved despite it
        "year=2026&members=999&members_joined=700&members_left=2&_accept_warnings=1",
    )
    .await;
    assert!(
        r.status == StatusCode::SEE_OTHER || r.status == StatusCode::OK,
        "saved (with warnings): {}",
        r.status
    );
    assert!(r.body.is_empty() || r.body.contains("Đã lưu"), "{}", r.body);
    assert_eq!(admin.app.review_date().await.unwrap(), review_date);
    let plan = get(&admin, "/plans/TM-KTTT-2021-2026").await.body;
    assert!(
        plan.contains("id=\"data-year\""),
        "the page says which year"
    );
    assert!(plan.contains("Năm 2025"), "and why");
    let strip = |s: &str| {
        s.split("<table")
            .nth(1)
            .map(|t| t.split("</table>").next().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        strip(&before_plan),
        strip(&plan),
        "the targets are judged on 2025 as before"
    );
    let drill = get(&admin, "/plans/TM-KTTT-2021-2026/targets/1").await;
    assert_eq!(drill.status, StatusCode::OK);
    assert!(
        !drill.body.contains("value=\"2026\""),
        "the drill-down stays on 2025"
    );
}

/// A neighbouring district (Cao Lãnh, 871) with one commune and one cooperative, its staff,
/// and an administrator of Tháp Mười only.
pub async fn with_neighbour(admin: &crate::TestApp) {
    use hoptac_core::auth::{Account, Role, Scope};
    let sys = hoptac_app::Actor::system();
    let book = crate::http::csv_book(&[
        (
            "admin_units",
            "code,name,level,parent_code\n871,Huyện Cao Lãnh,district,87\n29999,Xã Mỹ Hội,commune,871\n",
        ),
        (
            "organizations",
            "code,kind,name,sector,commune,founded_on\nHTX-CL-01,HTX,HTX Mỹ Hội,agriculture,29999,2015-01-01\n",
        ),
    ]);
    let o = admin.app.import_book(&sys, &book, true).await.unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let units = admin.app.units().await.unwrap();
    let id = |code: &str| units.iter().find(|u| u.code == code).unwrap().id;
    for (name, role, unit) in [
        ("admin.tm", Role::Admin, "872"),
        ("canbo.cl", Role::Staff, "871"),
        ("admin.xa", Role::Admin, "30049"),
    ] {
        let a = Account {
            username: name.into(),
            display_name: name.into(),
            role,
            scope: Scope::Unit(id(unit)),
            must_change_password: false,
            disabled: false,
        };
        admin
            .app
            .save_account(&sys, a, Some(hoptac_demo::district::DEMO_PASSWORD))
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_district_administrator_cannot_take_over_its_neighbour() {
    let (admin, _d) = demo_app().await;
    with_neighbour(&admin).await;
    let tm = admin.as_user("admin.tm").await;
    let before = admin.app.units().await.unwrap();
    for (what, csv) in [
        (
            "the neighbouring district",
            "code,name,level,parent_code\n871,Huyện Cao Lãnh,district,872\n",
        ),
        (
            "its commune",
            "code,name,level,parent_code\n29999,Xã Mỹ Hội,commune,872\n",
        ),
        (
            "its own district under its commune",
            "code,name,level,parent_code\n872,Huyện Tháp Mười,district,30049\n",
        ),
    ] {
        let r = crate::http::upload(&tm, "admin_units.csv", csv.as_bytes()).await;
        assert_eq!(r.status, StatusCode::OK, "{what}: {}", r.status);
        assert!(r.body.contains("id=\"import-blocked\""), "{what}: blocked");
        assert!(
            r.body.contains("không có quyền")
                || r.body.contains("vòng")
                || r.body.contains("cấp cao hơn"),
            "{what}: {}",
            r.body
        );
    }
    assert_eq!(admin.app.units().await.unwrap(), before, "no unit moved");
    // a cycle is refused even for the installation's administrator
    let sys = hoptac_app::Actor::system();
    let book = crate::http::csv_book(&[(
        "admin_units",
        "code,name,level,parent_code\n87,Tỉnh Đồng Tháp,province,30049\n",
    )]);
    let o = admin.app.import_book(&sys, &book, true).await.unwrap();
    assert!(!o.applied);
    assert!(
        o.problems.iter().any(|p| p.msg.vi().contains("vòng")),
        "{:#?}",
        o.problems
    );
    // and the neighbour's staff password stays out of reach
    let r = post_form(
        &tm,
        "/accounts/canbo.cl/edit",
        "display_name=x&role=staff&scope=871&password=mot-mat-khau-moi-dai",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
}

#[tokio::test]
async fn installation_settings_belong_to_the_installation() {
    let (admin, _d) = demo_app().await;
    with_neighbour(&admin).await;
    let xa = admin.as_user("admin.xa").await;
    let tm = admin.as_user("admin.tm").await;
    // the document signer, a rubric version, a shared rule: not a commune's or a district's
    for who in [&xa, &tm] {
        let r = post_form(who, "/settings/documents", "signer_name=Ai+%C4%90%C3%B3").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "settings: {}", r.body);
        let r = post_form(
            who,
            "/quality/rules/profit_le_revenue/edit",
            "expression=profit+%3C%3D+revenue&severity=warning&message_vi=x&active=no",
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "shared rule: {}", r.body);
    }
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/rubrics/tt09-2017.json"),
    )
    .unwrap();
    let err = admin
        .app
        .load_rubric(
            &xa.actor().await,
            &doc.replace("\"title_vi\"", "\"title_vi\" "),
            "thử",
        )
        .await
        .unwrap_err();
    assert_eq!(err.code(), "forbidden");
    // the indicator behind the plan of Tháp Mười: not redefinable by a commune
    let ids = admin.app.indicator_records().await.unwrap();
    let used = &ids[0];
    let r = post_form(
        &xa,
        &format!("/indicators/{}/edit", used.id),
        &format!(
            "label_vi=X&label_en=X&definition={}&description=",
            crate::http::enc(&used.definition)
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // a commune may define its own rule; it applies in the commune, and the district
    // administrator above reads it in the audit
    let r = post_form(&xa, "/quality/rules/new", "id=xa.workers&expression=workers+%3C%3D+1&severity=warning&message_vi=Lao+%C4%91%E1%BB%99ng&active=yes").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let trail = crate::http::get(&tm, "/audit?entity=validation_rules")
        .await
        .body;
    assert!(
        trail.contains("xa.workers"),
        "the district reads the commune's rule change"
    );
    let trail = crate::http::get(&admin, "/audit?entity=meta").await;
    assert_eq!(trail.status, StatusCode::OK);
}

#[tokio::test]
async fn merges_are_seen_in_scope_and_undo_brings_everything_back() {
    use hoptac_core::evaluation::{Evaluation, State};
    let (admin, _d) = demo_app().await;
    with_neighbour(&admin).await;
    let sys = hoptac_app::Actor::system();
    let book = crate::http::csv_book(&[(
        "organizations",
        "code,kind,name,sector,commune,founded_on,registered_services\nHTX-TM-99,HTX,HTX DVNN Tân Kiều 2,agriculture,30049,2012-01-01,irrigation;harvesting\n",
    )]);
    let o = admin.app.import_book(&sys, &book, true).await.unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let code = hoptac_core::OrgCode::parse("HTX-TM-99").unwrap();
    let ev = hoptac_store::StoredEvaluation {
        org: code.clone(),
        year: 2024,
        evaluation: Evaluation {
            rubric_id: "tt01-2020".into(),
            rubric_version: 1,
            state: State::Draft,
            self_scores: Default::default(),
            adjusted: Default::default(),
            submitted_on: None,
        },
    };
    admin
        .app
        .store()
        .save_evaluations(std::slice::from_ref(&ev), &[])
        .await
        .unwrap();
    let cl = hoptac_store::StoredClassification {
        org: code.clone(),
        year: 2024,
        axes: hoptac_core::evaluation::classification::Classification {
            vsic: Some('A'),
            ..Default::default()
        },
    };
    admin
        .app
        .store()
        .save_classifications(std::slice::from_ref(&cl), &[])
        .await
        .unwrap();
    let id = admin
        .app
        .merge(&sys, "HTX-TM-07", "HTX-TM-99")
        .await
        .unwrap();
    // the neighbour's staff does not see Tháp Mười's merge
    let cl_staff = admin.as_user("canbo.cl").await;
    let list = crate::http::get(&cl_staff, "/quality/merges").await.body;
    assert!(
        !list.contains("HTX-TM-99"),
        "another district's merge is hidden"
    );
    let list = crate::http::get(&admin, "/quality/merges").await.body;
    assert!(list.contains("HTX-TM-99"));
    admin.app.undo_merge(&sys, id).await.unwrap();
    let evs = admin.app.store().evaluations(Some(2024)).await.unwrap();
    assert!(evs.contains(&ev), "the evaluation came back");
    let cls = admin.app.store().classifications(Some(2024)).await.unwrap();
    assert!(cls.contains(&cl), "the classification came back");
    let reg = admin.app.store().registered_services().await.unwrap();
    assert_eq!(
        reg.get(&code).map(|s| s.len()),
        Some(2),
        "the registered services came back"
    );
}

#[tokio::test]
async fn audit_rows_of_no_unit_are_read_by_the_installation_and_refusals_are_recorded() {
    let (admin, _d) = demo_app().await;
    with_neighbour(&admin).await;
    let tm = admin.as_user("admin.tm").await;
    // a failed login for a district account, a CSRF failure, a refusal on settings
    let _ = admin
        .app
        .login("canbo.cl", "sai-mat-khau-roi", "10.0.0.1")
        .await;
    let r = crate::http::send(
        &tm,
        axum::http::Request::post("/orgs/HTX-TM-07/reports/2025/edit")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(axum::body::Body::from("members=1&_csrf=wrong"))
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let province = get(&admin, "/audit?action=login_failed").await.body;
    assert!(
        province.contains("canbo.cl"),
        "the province reads failed logins"
    );
    let refused = get(&admin, "/audit?action=refused").await.body;
    assert!(refused.contains("csrf"), "a CSRF failure is audited");
    // the district reads its own people's logins, not the neighbour's
    let district = get(&tm, "/audit?action=login").await.body;
    assert!(district.contains("admin.tm"));
    assert!(
        !get(&tm, "/audit?action=login_failed")
            .await
            .body
            .contains("canbo.cl")
    );
}

#[tokio::test]
async fn a_huge_user_name_is_not_stored_and_throttling_delays_per_account() {
    let (admin, _d) = demo_app().await;
    let huge = "x".repeat(2_000_000);
    let t0 = std::time::Instant::now();
    let err = admin
        .app
        .login(&huge, "whatever", "10.0.0.2")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "unauthorized");
    let rows = admin
        .app
        .audit_trail(
            &hoptac_app::Actor::system(),
            hoptac_store::AuditQuery {
                action: Some("login_failed".into()),
                limit: 5,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(rows[0].key.chars().count() <= 65 && rows[0].actor.chars().count() <= 65);
    assert!(t0.elapsed() < std::time::Duration::from_secs(5));
    // over HTTP the form is refused before it is read
    let r = crate::http::send(
        &admin,
        axum::http::Request::post("/login")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(axum::body::Body::from(format!(
                "username={}&password=x",
                "y".repeat(100_000)
            )))
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    // five failures on one account from one address: the sixth waits, others do not
    for _ in 0..5 {
        let _ = admin.app.login("canbo", "sai-mat-khau", "10.0.0.3").await;
    }
    let t = std::time::Instant::now();
    let err = admin
        .app
        .login("canbo", "sai-mat-khau", "10.0.0.3")
        .await
        .unwrap_err();
    assert_eq!(
        err.code(),
        "unauthorized",
        "answered after a delay, not 429"
    );
    assert!(
        t.elapsed() >= std::time::Duration::from_millis(900),
        "{:?}",
        t.elapsed()
    );
    // another account behind the same address is not blocked or slowed
    let t = std::time::Instant::now();
    admin
        .app
        .login("xem", hoptac_demo::district::DEMO_PASSWORD, "10.0.0.3")
        .await
        .unwrap();
    assert!(t.elapsed() < std::time::Duration::from_millis(900));
    // and the attacker's own success did not reset canbo's count
    let t = std::time::Instant::now();
    let _ = admin.app.login("canbo", "sai-mat-khau", "10.0.0.3").await;
    assert!(t.elapsed() >= std::time::Duration::from_millis(900));
}

#[tokio::test]
async fn a_long_form_is_not_a_csrf_failure() {
    let (admin, _d) = demo_app().await;
    let v = form_version(&admin, "/orgs/HTX-TM-07/reports/2025/edit").await;
    let long = "Họp xét của xã ".repeat(5000);
    let r = post_form(
        &admin,
        "/orgs/HTX-TM-07/reports/2025/edit",
        &format!("rating_basis={}&_version={v}", crate::http::enc(&long)),
    )
    .await;
    assert_ne!(
        r.status,
        StatusCode::FORBIDDEN,
        "a 70 KB form passed the CSRF check"
    );
}

#[tokio::test]
async fn no_open_redirect_no_header_injection_and_the_year_picker_needs_no_inline_script() {
    let (admin, _d) = demo_app().await;
    for next in [
        "/%09/evil.example",
        "//evil.example",
        "/%5Cevil.example",
        "/%0A/evil",
    ] {
        let r = crate::http::send(
            &admin,
            axum::http::Request::get(format!("/lang/en?back={next}"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
        let to = r
            .headers
            .get("location")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(to, "/", "{next} → {to}");
    }
    // a download named after an organisation code carries a clean file name
    for uri in [
        "/orgs/HTX-TM-07/profile?format=docx",
        "/evaluations/HTX-TM-07/2025/sheet.xlsx",
    ] {
        let r = get(&admin, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        let cd = r
            .headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap();
        let name = cd
            .split("filename=\"")
            .nth(1)
            .unwrap()
            .trim_end_matches('"');
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c)),
            "{cd}"
        );
    }
    // the pages' own script is a file the CSP allows, and no page has an inline handler
    let js = get(&admin, "/static/app.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.body.contains("data-autosubmit"));
    let page = get(&admin, "/evaluations").await.body;
    assert!(page.contains("data-autosubmit") && page.contains("/static/app.js"));
    let mut dirs = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates")];
    let mut seen = 0;
    while let Some(dir) = dirs.pop() {
        for t in std::fs::read_dir(dir).unwrap() {
            let path = t.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            seen += 1;
            let text = std::fs::read_to_string(path).unwrap();
            for h in ["onchange=", "onclick=", "onsubmit=", "<script>"] {
                assert!(
                    !text.contains(h),
                    "an inline script ({h}) is blocked by the CSP"
                );
            }
        }
    }
    assert!(seen > 20, "the templates were read");
}

#[tokio::test]
async fn the_office_owns_its_fields_and_a_closed_year_is_locked() {
    let (admin, _d) = demo_app().await;
    let coop = admin.as_user("htx.tankieu").await;
    let staff = admin.as_user("canbo").await;
    let uri = "/orgs/HTX-TM-07/reports/2024/edit";
    let page = get(&coop, uri).await.body;
    assert!(
        page.contains("id=\"f-received_on\"") && page.contains("readonly"),
        "the office's fields are shown read-only to the cooperative"
    );
    // a tampered form that changes the rating and the date received changes neither
    let code = hoptac_core::OrgCode::parse("HTX-TM-07").unwrap();
    let stored = |a: crate::TestApp| async move {
        a.app
            .store()
            .reports_of(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.year.get() == 2024)
            .unwrap()
    };
    let before = stored(admin.clone()).await;
    let r = post_edit(
        &coop,
        uri,
        "members=290&rating=xuat_sac&received_on=2020-01-01",
    )
    .await;
    assert!(
        r.status == StatusCode::SEE_OTHER || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    let after = stored(admin.clone()).await;
    assert_eq!(after.figures.members, Some(290), "its own figure is saved");
    assert_eq!(
        (after.figures.rating, after.figures.received_on),
        (before.figures.rating, before.figures.received_on),
        "the office's fields are kept"
    );
    // and a workbook from the cooperative that sets them is refused, naming the field
    let book = crate::http::csv_book(&[(
        "annual_reports",
        "org_code,year,received_on\nHTX-TM-07,2024,2020-01-01\n",
    )]);
    let o = admin
        .app
        .import_book(&coop.actor().await, &book, true)
        .await
        .unwrap();
    assert!(!o.applied);
    assert!(
        o.problems.iter().any(|p| p.value.contains("received_on")),
        "{:#?}",
        o.problems
    );
    let _ = code;
    // its own figures it still writes
    let r = post_edit(&coop, uri, "members=289").await;
    assert!(
        r.status == StatusCode::SEE_OTHER || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    // the office closes 2024 in the district: nobody changes 2024, imports included
    let r = post_form(
        &staff,
        "/quality/years",
        "year=2024&scope=872&action=close&reason=",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_edit(&staff, uri, "members=291").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("khóa sổ"), "{}", r.body);
    let book = crate::http::csv_book(&[(
        "annual_reports",
        "org_code,year,members\nHTX-TM-07,2024,292\n",
    )]);
    let o = admin
        .app
        .import_book(&hoptac_app::Actor::system(), &book, true)
        .await
        .unwrap();
    assert!(!o.applied, "an import cannot write a closed year either");
    assert!(
        get(&staff, "/quality")
            .await
            .body
            .contains("id=\"year-locks\"")
    );
    // reopening needs a reason; then the year is open again
    let r = post_form(
        &staff,
        "/quality/years",
        "year=2024&scope=872&action=reopen&reason=",
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.body.contains("lý do"),
        "the refusal names what is missing"
    );
    let r = post_form(
        &staff,
        "/quality/years",
        "year=2024&scope=872&action=reopen&reason=B%C3%A1o+c%C3%A1o+n%E1%BB%99p+mu%E1%BB%99n",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = post_edit(&staff, uri, "members=291").await;
    assert!(
        r.status == StatusCode::SEE_OTHER || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    let trail = get(&admin, "/audit?entity=reporting_locks").await.body;
    assert!(trail.contains("close_year") && trail.contains("reopen_year"));
    // a cooperative or a viewer closes nothing
    for who in [&coop, &admin.as_user("xem").await] {
        let r = post_form(who, "/quality/years", "year=2023&action=close").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
}

/// No page changes the database by being looked at: the generation, the cases and every
/// audit row but the refusals stay as they were, whoever looks.
#[tokio::test]
async fn a_get_never_writes() {
    let (admin, _d) = demo_app().await;
    let state = |a: crate::TestApp| async move {
        let generation = a.app.store().generation().await.unwrap();
        let cases = a.app.store().cases().await.unwrap();
        let audit: Vec<_> = a
            .app
            .store()
            .audit(&hoptac_store::AuditQuery {
                limit: 100_000,
                ..Default::default()
            })
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.action != "refused")
            .collect();
        (generation, cases, audit)
    };
    let users = [
        admin.clone(),
        admin.as_user("canbo").await,
        admin.as_user("xa.tankieu").await,
        admin.as_user("htx.tankieu").await,
        admin.as_user("xem").await,
    ];
    let before = state(admin.clone()).await;
    for u in &users {
        for uri in [
            "/",
            "/?from=2016&to=2020",
            "/orgs",
            "/orgs/HTX-TM-07",
            "/orgs/HTX-TM-07/history",
            "/orgs/HTX-TM-07/reports/2025/edit",
            "/orgs/HTX-TM-07/profile?format=pdf",
            "/report/situation?from=2016&to=2020",
            "/plans",
            "/plans/TM-KTTT-2021-2026",
            "/plans/TM-KTTT-2021-2026/report",
            "/plans/TM-KTTT-2021-2026/targets/1",
            "/indicators",
            "/quality",
            "/quality?year=2026",
            "/quality/duplicates",
            "/quality/merges",
            "/quality/rules",
            "/quality/cases/1",
            "/evaluations",
            "/evaluations/HTX-TM-07/2025",
            "/evaluations/summary.xlsx?year=2025",
            "/rubrics",
            "/audit",
            "/accounts",
            "/export.xlsx",
            "/settings/documents",
            "/import",
            "/products",
            "/products/SP-TM-GAO",
            "/products/SP-TM-KHOCA",
            "/todo",
            "/01/08938888000015/10/G2026-03-A",
            "/01/08938888000015/qr.svg",
            "/trace",
            "/trace/lots/SP-TM-GAO/G2026-03-A",
        ] {
            let r = get(u, uri).await;
            assert!(r.status.as_u16() < 500, "{uri}: {}", r.status);
        }
    }
    assert!(
        before == state(admin.clone()).await,
        "a GET wrote to the database"
    );
}

/// The role × action matrix of the owner scopes, through the services themselves: who may
/// change the installation's settings, a rubric, a shared indicator or rule, a unit, merge
/// records, read the audit. Every refusal is the stable code `forbidden`.
#[tokio::test]
async fn the_matrix_of_owner_scopes() {
    use hoptac_core::rules::RuleRecord;
    let (admin, _d) = demo_app().await;
    with_neighbour(&admin).await;
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/rubrics/tt09-2017.json"),
    )
    .unwrap();
    let shared_indicator = admin.app.indicator_records().await.unwrap()[0].clone();
    // (user, settings, rubric, shared indicator, shared rule, unit of its district, audit)
    let expect = [
        ("quantri", true, true, true, true, true, true),
        ("admin.tm", false, false, false, false, true, true),
        ("admin.xa", false, false, false, false, false, true),
        ("canbo", false, false, false, false, false, true),
        ("xa.tankieu", false, false, false, false, false, false),
        ("htx.tankieu", false, false, false, false, false, false),
        ("xem", false, false, false, false, false, false),
    ];
    for (user, settings, rubric, indicator, rule, unit, audit) in expect {
        let a = admin.as_user(user).await.actor().await;
        let ok = |r: Result<(), hoptac_app::AppError>, what: &str| match r {
            Ok(()) => true,
            Err(e) if e.code() == "forbidden" => false,
            Err(e) => panic!("{user} {what}: {e}"),
        };
        let issuer = admin.app.document_settings().await.unwrap();
        assert_eq!(
            ok(
                admin.app.save_document_settings(&a, &issuer).await,
                "settings"
            ),
            settings,
            "{user} settings"
        );
        let r = admin
            .app
            .load_rubric(&a, &doc.replace("\"title_vi\"", "\"title_vi\" "), "matrix")
            .await;
        let r = match r {
            Err(e) if e.code() == "invalid_input" => Ok(()),
            r => r.map(|_| ()),
        };
        assert_eq!(ok(r, "rubric"), rubric, "{user} rubric");
        assert_eq!(
            ok(
                admin.app.save_indicator(&a, shared_indicator.clone()).await,
                "indicator"
            ),
            indicator,
            "{user} shared indicator"
        );
        let shared_rule = RuleRecord {
            id: "profit_le_revenue".into(),
            expression: "profit <= revenue".into(),
            severity: hoptac_core::validate::Severity::Warning,
            message_vi: "Lợi nhuận lớn hơn doanh thu".into(),
            message_en: String::new(),
            active: true,
        };
        assert_eq!(
            ok(
                admin.app.save_validation_rule(&a, shared_rule).await,
                "rule"
            ),
            rule,
            "{user} rule"
        );
        let book = crate::http::csv_book(&[(
            "admin_units",
            // a change to the commune (renamed), which ended with the district on 30/06/2025
            "code,name,level,parent_code,valid_to\n30049,Xã Tân Kiều cũ,commune,872,2025-06-30\n",
        )]);
        let o = admin.app.import_book(&a, &book, false).await;
        let unit_ok = match o {
            Ok(o) => !o.has_errors(),
            Err(e) if e.code() == "forbidden" => false,
            Err(e) => panic!("{user} unit: {e}"),
        };
        assert_eq!(unit_ok, unit, "{user} unit");
        let trail = admin
            .app
            .audit_trail(
                &a,
                hoptac_store::AuditQuery {
                    limit: 1,
                    ..Default::default()
                },
            )
            .await;
        assert_eq!(ok(trail.map(|_| ()), "audit"), audit, "{user} audit");
    }
    // merges: office and commune staff within their scope, never a cooperative or a viewer
    for (user, allowed) in [
        ("htx.tankieu", false),
        ("xem", false),
        ("canbo.cl", false),
        ("canbo", true),
    ] {
        let a = admin.as_user(user).await.actor().await;
        let r = admin
            .app
            .merge_preview(&a, "HQ-TM-05", "HQ-TM-14")
            .await
            .map(|_| ());
        assert_eq!(r.is_ok(), allowed, "{user} merge: {r:?}");
    }
}

/// The plan, target, indicator and rule forms carry their row's version too: of two people
/// who opened the same target, the second save is refused naming the first.
#[tokio::test]
async fn definition_forms_refuse_a_stale_edit() {
    let (admin, _d) = demo_app().await;
    let plan = "/plans/TM-KTTT-2021-2026";
    let ind = admin.app.indicator_records().await.unwrap()[0].clone();
    for (uri, body) in [
        (
            format!("{plan}/targets/1/edit"),
            "wording=X&indicator=htx.active&comparator=%3E%3D&value=30".to_string(),
        ),
        (
            format!("/indicators/{}/edit", ind.id),
            format!(
                "label_vi=X&label_en=X&definition={}&description=",
                crate::http::enc(&ind.definition)
            ),
        ),
        (
            "/quality/rules/profit_le_revenue/edit".to_string(),
            "expression=profit+%3C%3D+revenue&severity=warning&message_vi=L%E1%BB%A3i+nhu%E1%BA%ADn&active=yes".to_string(),
        ),
    ] {
        let v = form_version(&admin, &uri).await;
        let first = post_form(&admin, &uri, &format!("{body}&_version={v}")).await;
        assert_eq!(first.status, StatusCode::SEE_OTHER, "{uri}: {}", first.body);
        let second = post_form(&admin, &uri, &format!("{body}&_version={v}")).await;
        assert_eq!(second.status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        assert!(second.body.contains("tải lại"), "{uri}: {}", second.body);
    }
    // the plan's own form too
    let v = form_version(&admin, &format!("{plan}/edit")).await;
    assert!(v.parse::<i64>().is_ok());
}

/// A file with a hundred thousand bad rows: the preview page stays small, every problem is
/// counted, the next pages come from what the check kept, and only for who checked it.
#[tokio::test]
async fn a_huge_preview_is_paged() {
    use crate::http::{multipart, send_to, with_session};
    let (admin, _d) = demo_app().await;
    let router = hoptac_web::router(admin.app.clone(), std::sync::Arc::new(hoptac_web::WordOnly));
    let mut csv = b"code,kind,name,sector,commune,founded_on\n".to_vec();
    for i in 0..3_000 {
        csv.extend_from_slice(format!("X-{i},HTX,X,rice,30049,2020-01-01\n").as_bytes());
    }
    let r = send_to(
        &router,
        with_session(&admin, multipart(&admin, "organizations.csv", &csv)),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.len() < 400_000, "the page is {} bytes", r.body.len());
    assert!(r.body.contains("id=\"problems-by-column\""));
    assert!(r.body.contains("3000"), "every problem is counted");
    let next = r.body.split("id=\"problem-pages\"").nth(1).expect("pages");
    let href = next
        .split("href=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&amp;", "&");
    assert!(href.contains("page=2"), "{href}");
    let get_on = |who: &crate::TestApp, uri: &str| {
        with_session(
            who,
            axum::http::Request::get(uri.to_string())
                .body(axum::body::Body::empty())
                .unwrap(),
        )
    };
    let p2 = send_to(&router, get_on(&admin, &href)).await;
    assert_eq!(p2.status, StatusCode::OK);
    assert!(
        p2.body.contains("<td>350</td>") && !r.body.contains("<td>350</td>"),
        "the second page"
    );
    assert!(p2.body.contains("Trang 2 /"));
    let other = admin.as_user("canbo").await;
    assert_eq!(
        send_to(&router, get_on(&other, &href)).await.status,
        StatusCode::GONE,
        "another account's results"
    );
}
