use crate::demo_app;
use crate::http::{get, post_form};
use axum::http::{StatusCode, header};

const PLAN: &str = "/plans/TM-KTTT-2021-2026";

#[tokio::test]
async fn plan_page_tracks_every_target() {
    let (app, _d) = demo_app().await;
    let r = get(&app, PLAN).await;
    assert_eq!(r.status, StatusCode::OK);
    for no in ["1", "2", "3", "4", "5", "6", "7a", "7b", "8a", "8b", "9"] {
        assert!(
            r.body.contains(&format!("id=\"target-{no}\"")),
            "target {no}"
        );
    }
    assert!(
        r.body.contains("đã đạt ngay từ năm gốc 2020 (2.697)"),
        "target 2 is flagged"
    );
    assert!(
        r.body.contains("htx.member_income_avg = 45"),
        "target 6 is flagged"
    );
    assert!(r.body.contains("2025: Vượt") && r.body.contains("2025: Chậm"));
    assert!(
        r.body.contains("stroke-dasharray"),
        "trend charts mark the target"
    );
    let r = get(&app, &format!("{PLAN}?year=2023")).await;
    assert!(r.body.contains("2023: ") && !r.body.contains("2025: Vượt"));
    assert_eq!(
        get(&app, &format!("{PLAN}?year=abc")).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(get(&app, "/plans/NOPE").await.status, StatusCode::NOT_FOUND);
    let r = get(&app, "/plans").await;
    assert!(r.body.contains("TM-KTTT-2021-2026") && r.body.contains("Huyện Tháp Mười"));
}

#[tokio::test]
async fn drill_down_and_report() {
    let (app, _d) = demo_app().await;
    let r = get(&app, &format!("{PLAN}/targets/4?year=2025")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("id=\"by-commune\"")
            && r.body.contains("Xã Tân Kiều")
            && r.body.contains("HTX DVNN Tân Kiều")
    );
    assert_eq!(
        get(&app, &format!("{PLAN}/targets/42")).await.status,
        StatusCode::NOT_FOUND
    );
    let r = get(&app, &format!("{PLAN}/report")).await;
    assert!(r.body.contains("ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN") && r.body.contains("Chỉ tiêu 8b"));
    let r = get(&app, &format!("{PLAN}/report?format=md")).await;
    assert!(
        r.headers
            .get(header::CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/markdown")
    );
}

#[tokio::test]
async fn targets_and_indicators_are_added_in_the_browser_without_code() {
    let (app, _d) = demo_app().await;
    // an indicator with a mistake in its definition: the message names the part
    let r = post_form(&app, "/indicators/new", "id=htx.transport.members&label_vi=Th%C3%A0nh+vi%C3%AAn+HTX+v%E1%BA%ADn+t%E1%BA%A3i&definition=subject%3Dactive_orgs%3B+kinds%3DHTX%3B+aggregate%3Davg%3Aheight").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"error-definition\"") && r.body.contains("height"));
    let r = post_form(&app, "/indicators/new", "id=htx.transport.members&label_vi=Th%C3%A0nh+vi%C3%AAn+HTX+v%E1%BA%ADn+t%E1%BA%A3i&definition=subject%3Dactive_orgs%3B+kinds%3DHTX%3B+where%3Dsector%3Atransport%3B+aggregate%3Dsum%3Amembers").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        get(&app, "/indicators")
            .await
            .body
            .contains("htx.transport.members")
    );
    // a target on it, first with a percentage above 100 on a share indicator
    let r = post_form(
        &app,
        &format!("{PLAN}/targets/new"),
        "no=10&wording=X&indicator=htx.agri.profitable_pct&comparator=%3E%3D&value=120",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"error-value\"") && r.body.contains("0–100"));
    let r = post_form(
        &app,
        &format!("{PLAN}/targets/new"),
        "no=2&wording=X&indicator=htx.members&comparator=%3E%3D&value=1",
    )
    .await;
    assert!(
        r.body.contains("id=\"error-no\""),
        "an existing number is not overwritten from the new-target form"
    );
    let r = post_form(&app, &format!("{PLAN}/targets/new"), "no=10&wording=Th%C3%A0nh+vi%C3%AAn+HTX+v%E1%BA%ADn+t%E1%BA%A3i&indicator=htx.transport.members&comparator=%3E%3D&value=150&milestones=2023%3A+120").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = get(&app, PLAN).await;
    assert!(
        r.body.contains("id=\"target-10\"") && r.body.contains("id=\"target-9\""),
        "the other targets stay"
    );
    // edit keeps its number even if the form says otherwise
    let r = post_form(
        &app,
        &format!("{PLAN}/targets/10/edit"),
        "no=99&wording=Y&indicator=htx.transport.members&comparator=%3E%3D&value=160",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(get(&app, PLAN).await.body.contains("id=\"target-10\""));
}

#[tokio::test]
async fn new_plan_form_validates() {
    let (app, _d) = demo_app().await;
    let r = post_form(
        &app,
        "/plans/new",
        "code=P2&title=K%E1%BA%BF+ho%E1%BA%A1ch&from=2026&to=2030&baseline_year=2027&scope=872",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"error-baseline_year\""));
    let r = post_form(&app, "/plans/new", "code=P2&title=K%E1%BA%BF+ho%E1%BA%A1ch&from=2026&to=2030&baseline_year=2025&scope=Atlantis").await;
    assert!(r.body.contains("id=\"error-scope\""));
    let r = post_form(
        &app,
        "/plans/new",
        "code=P2&title=K%E1%BA%BF+ho%E1%BA%A1ch&from=hai&to=2030&baseline_year=2025&scope=872",
    )
    .await;
    assert!(r.body.contains("id=\"error-from\""));
    let r = post_form(&app, "/plans/new", "code=P2&title=K%E1%BA%BF+ho%E1%BA%A1ch&from=2026&to=2030&baseline_year=2025&scope=tan+kieu").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(get(&app, "/plans/P2").await.body.contains("Xã Tân Kiều"));
}

#[tokio::test]
async fn near_duplicate_names_page() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/quality/duplicates").await;
    assert!(
        r.body.contains("Hội quán Tân Kiêu"),
        "the demo's planted pair"
    );
    assert!(!r.body.contains("HTX DVNN Tân Kiêu"));
    let r = post_form(&app, "/orgs/new", "code=V1&kind=HTX&name=HTX+DVNN+T%C3%A2n+Ki%C3%AAu&sector=agriculture&commune=30049&founded_on=2007-12-04").await;
    assert_eq!(r.status, StatusCode::OK, "saved, with the warning shown");
    assert!(r.body.contains("HTX-TM-07") && r.body.contains("giống 100%"));
    let r = get(&app, "/quality/duplicates").await;
    assert!(
        r.body.contains("HTX DVNN Tân Kiêu")
            && r.body.contains("HTX DVNN Tân Kiều")
            && r.body.contains("100%")
    );
}

#[tokio::test]
async fn review_page() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/quality").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("HTX DVNN Thanh Mỹ")
            && r.body.contains("13/04/2024")
            && r.body.contains("id=\"completeness\"")
    );
    assert!(
        get(&app, "/quality?year=2023")
            .await
            .body
            .contains("id=\"cases\"")
            || get(&app, "/quality?year=2023").await.status == StatusCode::OK
    );
    assert_eq!(
        get(&app, "/quality?year=20x3").await.status,
        StatusCode::BAD_REQUEST
    );
    let coop = app.as_user("htx.tankieu").await;
    assert_eq!(get(&coop, "/quality").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_case_page_records_steps() {
    let (app, _d) = demo_app().await;
    let list = get(&app, "/quality").await.body;
    let id: String = list
        .split("/quality/cases/")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let r = get(&app, &format!("/quality/cases/{id}")).await;
    assert!(r.body.contains("id=\"evidence\""));
    let r = post_form(
        &app,
        &format!("/quality/cases/{id}"),
        "step=explanation_accepted&note=",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"case-error\""));
    let r = post_form(
        &app,
        &format!("/quality/cases/{id}"),
        "step=contacted&note=G%E1%BB%8Di+%C4%91i%E1%BB%87n",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        get(&app, &format!("/quality/cases/{id}"))
            .await
            .body
            .contains("Gọi điện")
    );
    let viewer = app.as_user("xem").await;
    assert_eq!(
        post_form(
            &viewer,
            &format!("/quality/cases/{id}"),
            "step=contacted&note=x"
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn validation_rules_are_edited_in_the_browser() {
    let (app, _d) = demo_app().await;
    assert!(
        get(&app, "/quality/rules")
            .await
            .body
            .contains("members_flow")
    );
    let r = post_form(&app, "/quality/rules/new", "id=workers_le_members&expression=workers+%3C%3D+2+*+membrs&severity=warning&message_vi=Lao+%C4%91%E1%BB%99ng+nhi%E1%BB%81u+h%C6%A1n+th%C3%A0nh+vi%C3%AAn&active=yes").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("id=\"error-expression\"")
            && r.body.contains("Vị trí 16")
            && r.body.contains("membrs")
    );
    let r = post_form(&app, "/quality/rules/new", "id=workers_le_members&expression=workers+%3C%3D+members&severity=warning&message_vi=Lao+%C4%91%E1%BB%99ng+nhi%E1%BB%81u+h%C6%A1n+th%C3%A0nh+vi%C3%AAn&active=yes").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // the new rule runs in forms: saved, with the warning shown
    let r = post_form(
        &app,
        "/orgs/HTX-TM-07/reports/2025/edit",
        "members=301&members_joined=10&members_left=3&workers=400&revenue=2000",
    )
    .await;
    assert!(
        r.body.contains("Lao động nhiều hơn thành viên"),
        "{}",
        r.status
    );
    let staff = app.as_user("canbo").await;
    assert_eq!(
        post_form(
            &staff,
            "/quality/rules/new",
            "id=x&expression=workers+%3C+1&message_vi=x"
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn stocks_and_flows_are_checked_beside_the_statistics() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/?from=2016&to=2020").await;
    assert!(
        r.body.contains("HTX: 22 (2015) + 11 − 12 = 21 (2020) ✓"),
        "{}",
        r.body
            .split("id=\"stock-flow\"")
            .nth(1)
            .unwrap_or("")
            .chars()
            .take(300)
            .collect::<String>()
    );
    assert!(r.body.contains("THT: 121 (2015) + 14 − 6 = 129 (2020) ✓"));
    let q = get(&app, "/quality").await.body;
    assert!(q.contains("Tổng hợp theo xã"));
}

#[tokio::test]
async fn a_merge_from_the_duplicates_page_and_its_undo() {
    let (app, _d) = demo_app().await;
    let dup = get(&app, "/quality/duplicates").await.body;
    assert!(dup.contains("/quality/merge?keep=HQ-TM-05&amp;drop=HQ-TM-14"));
    let preview = get(&app, "/quality/merge?keep=HQ-TM-05&drop=HQ-TM-14").await;
    assert!(preview.body.contains("id=\"merge-plan\"") && preview.body.contains("100%"));
    assert!(
        app.store()
            .org(&hoptac_core::OrgCode::parse("HQ-TM-14").unwrap())
            .await
            .unwrap()
            .is_some(),
        "the preview writes nothing"
    );
    let r = post_form(&app, "/quality/merge", "keep=HQ-TM-05&drop=HQ-TM-14").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        app.store()
            .org(&hoptac_core::OrgCode::parse("HQ-TM-14").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    let list = get(&app, "/quality/merges").await.body;
    let id: String = list
        .split("/quality/merges/")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    assert_eq!(
        post_form(&app, &format!("/quality/merges/{id}/undo"), "x=1")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert!(
        app.store()
            .org(&hoptac_core::OrgCode::parse("HQ-TM-14").unwrap())
            .await
            .unwrap()
            .is_some(),
        "undone"
    );
    assert_eq!(
        get(&app, "/quality/merge?keep=HQ-TM-05&drop=HQ-TM-05")
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_evaluations_page_shows_states_ratings_and_who_is_not_rated() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/evaluations?year=2025").await;
    assert_eq!(r.status, StatusCode::OK);
    let row = |code: &str| {
        let at = r
            .body
            .find(&format!(">{code}</a>"))
            .unwrap_or_else(|| panic!("{code}"));
        r.body[at..at + r.body[at..].find("</tr>").unwrap()].to_string()
    };
    assert!(row("HTX-TM-11").contains("nháp"), "{}", row("HTX-TM-11"));
    assert!(row("HTX-TM-20").contains("Không xếp loại: Ngừng hoạt động năm 2025"));
    assert!(
        row("HTX-TM-01").contains("1 dòng điều chỉnh"),
        "{}",
        row("HTX-TM-01")
    );
    let y2024 = get(&app, "/evaluations?year=2024").await;
    assert!(
        y2024.body.contains("Đã duyệt: Tốt "),
        "approved ratings counted, best first"
    );
    // a year that is not a number falls back to the last one, never a 500
    assert_eq!(
        get(&app, "/evaluations?year=abc").await.status,
        StatusCode::OK
    );
    // one sheet: every line, the reviewer's reason, and what the next rating needs
    let d = get(&app, "/evaluations/HTX-TM-01/2025").await;
    assert_eq!(d.status, StatusCode::OK);
    assert!(
        d.body
            .contains("Chưa nộp báo cáo tài chính năm 2024 đúng hạn"),
        "{}",
        d.body
    );
    assert!(d.body.contains(">TC15<") && d.body.contains("chưa xác nhận"));
    let total = r.body[r.body.find(">HTX-TM-01</a>").unwrap()..]
        .split("/evaluations/HTX-TM-01/2025\">")
        .nth(1)
        .and_then(|x| x.split('<').next())
        .unwrap()
        .to_string();
    assert!(
        d.body.contains(&format!("Tổng điểm: {total}")),
        "the list and the sheet agree: {total}"
    );
    assert!(
        d.body.contains("Để đạt loại") || d.body.contains("Tốt</strong>"),
        "advice unless at the top"
    );
    assert_eq!(
        get(&app, "/evaluations/KHONG-CO/2025").await.status,
        StatusCode::NOT_FOUND
    );
    let x = get(&app, "/evaluations/HTX-TM-01/2025/sheet.xlsx").await;
    assert_eq!(x.status, StatusCode::OK);
    assert!(
        x.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("phieu-tu-cham-HTX-TM-01-2025.xlsx")
    );
    assert!(d.body.contains("/evaluations/HTX-TM-01/2025/sheet.xlsx"));
    assert_ne!(
        get(&app, "/evaluations/HTX-TM-01/abc").await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    // a cooperative's account sees only its own line
    let coop = app.as_user("htx.tankieu").await;
    let mine = get(&coop, "/evaluations?year=2025").await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains(">HTX-TM-07</a>") && !mine.body.contains(">HTX-TM-11</a>"));
    assert_eq!(
        get(&coop, "/evaluations/HTX-TM-11/2025").await.status,
        StatusCode::FORBIDDEN
    );
}

fn sheet_upload(
    app: &crate::TestApp,
    uri: &str,
    content: &[u8],
) -> axum::http::Request<axum::body::Body> {
    let b = "XhoptacBoundary";
    let mut body = format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"phieu.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n").into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    axum::http::Request::post(format!("{uri}?_csrf={}", app.csrf))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={b}"),
        )
        .body(axum::body::Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn a_filled_sheet_is_uploaded_back_and_a_bad_file_is_refused() {
    let (app, _d) = demo_app().await;
    let page = get(&app, "/evaluations/HTX-TM-11/2025").await;
    assert!(
        page.body.contains("id=\"ev-upload\""),
        "a draft takes a sheet"
    );
    assert!(
        !get(&app, "/evaluations/HTX-TM-12/2024")
            .await
            .body
            .contains("id=\"ev-upload\""),
        "an approved one does not"
    );
    let sys = hoptac_app::Actor::system();
    let xlsx = app
        .app
        .evaluation_sheet_xlsx(&sys, "HTX-TM-11", 2025)
        .await
        .unwrap();
    let uri = "/evaluations/HTX-TM-11/2025/sheet";
    let ok = crate::http::send(&app, sheet_upload(&app, uri, &xlsx)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let bad = crate::http::send(&app, sheet_upload(&app, uri, b"not a workbook")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
    assert!(bad.body.contains("Không đọc được tệp"), "{}", bad.body);
}
