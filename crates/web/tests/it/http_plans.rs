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
    // the assessment as the official text, in Word and PDF
    let r = get(&app, &format!("{PLAN}/report")).await;
    assert!(r.body.contains("id=\"dl-docx\"") && r.body.contains("id=\"dl-pdf\""));
    let docx = crate::http::send_raw(&app, &format!("{PLAN}/report?format=docx")).await;
    assert!(docx.starts_with(b"PK"));
    let pdf = get(&app, &format!("{PLAN}/report?format=pdf")).await;
    assert_eq!(pdf.status, StatusCode::NOT_FOUND, "no typesetter here");
    let xlsx = crate::http::send_raw(&app, &format!("{PLAN}/report?format=xlsx")).await;
    assert!(xlsx.starts_with(b"PK"));
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
    let r = crate::trust::post_edit(
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
    let form = "code=V1&kind=HTX&name=HTX+DVNN+T%C3%A2n+Ki%C3%AAu&sector=agriculture&commune=30049&founded_on=2007-12-04";
    let r = post_form(&app, "/orgs/new", form).await;
    assert_eq!(r.status, StatusCode::OK, "the warning shown before saving");
    assert!(
        r.body.contains("id=\"form-warnings\"")
            && r.body.contains("HTX-TM-07")
            && r.body.contains("giống 100%")
    );
    let v1 = hoptac_core::OrgCode::parse("V1").unwrap();
    assert!(
        app.store().org(&v1).await.unwrap().is_none(),
        "nothing saved yet"
    );
    let r = post_form(&app, "/orgs/new", &format!("{form}&_accept_warnings=1")).await;
    assert_eq!(r.status, StatusCode::OK, "saved, with the warning shown");
    assert!(app.store().org(&v1).await.unwrap().is_some());
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
    let as_of_2023 = get(&app, "/quality?year=2023").await;
    assert_eq!(as_of_2023.status, StatusCode::OK);
    assert!(
        as_of_2023.body.contains("31/12/2023"),
        "the review speaks as of the year asked for"
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
    let r = crate::trust::post_edit(
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
        .split("class=\"num\"><a href=\"/evaluations/HTX-TM-01/2025\">")
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

/// The list is paged and searchable: the country has 35.000 HTX, a phone shows fifty.
#[tokio::test]
async fn the_evaluations_list_is_searched_without_diacritics_and_paged() {
    let (app, _d) = demo_app().await;
    let total = |body: &str| -> usize {
        let h = &body[body.find("id=\"ev-list\"").expect("list heading")..];
        let open = h.find('(').unwrap();
        h[open + 1..open + h[open..].find(')').unwrap()]
            .parse()
            .unwrap()
    };
    let all = get(&app, "/evaluations?year=2025").await;
    let every = total(&all.body);
    assert!(every > 3, "{every}");
    let found = get(&app, "/evaluations?year=2025&q=tan%20kieu").await;
    assert_eq!(found.status, StatusCode::OK);
    let n = total(&found.body);
    assert!(n >= 1 && n < every, "{n} of {every}");
    let table = &found.body[found.body.find("id=\"evaluations\"").unwrap()..];
    let body = &table[table.find("<tbody>").unwrap()..table.find("</tbody>").unwrap()];
    let rows: Vec<&str> = body.split("</tr>").filter(|r| r.contains("<td")).collect();
    assert_eq!(rows.len(), n);
    assert!(rows.iter().all(|r| r.contains("Tân Kiều")), "{body}");
    assert!(
        found.body.contains("value=\"tan kieu\""),
        "the search stays in its box"
    );
    // a page out of range or not a number is the first page, never an error
    for q in ["page=999", "page=abc", "page=0"] {
        let r = get(&app, &format!("/evaluations?year=2025&{q}")).await;
        assert_eq!(r.status, StatusCode::OK, "{q}");
        assert!(r.body.contains("Trang 1/1"), "{q}");
    }
    let none = get(&app, "/evaluations?year=2025&q=khong%20co%20ai").await;
    assert_eq!(total(&none.body), 0);
    assert!(!none.body.contains("id=\"evaluations\""));
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
        .evaluation_sheet_xlsx(&sys, "HTX-TM-11", 2025, None)
        .await
        .unwrap();
    let uri = "/evaluations/HTX-TM-11/2025/sheet";
    let ok = crate::http::send(&app, sheet_upload(&app, uri, &xlsx)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let bad = crate::http::send(&app, sheet_upload(&app, uri, b"not a workbook")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
    assert!(bad.body.contains("Không đọc được tệp"), "{}", bad.body);
}

/// The form body for a sheet's step: `action`, then `key=value` pairs, url-encoded.
fn sheet_form(action: &str, fields: &[(String, String)]) -> String {
    let mut s = format!("action={action}");
    for (k, v) in fields {
        s.push_str(&format!("&{}={}", url_encode(k), url_encode(v)));
    }
    s
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn a_sheet_goes_from_draft_to_approved_in_the_browser_and_bad_steps_are_refused() {
    let (app, _d) = demo_app().await;
    let uri = "/evaluations/HTX-TM-11/2025";
    let page = get(&app, uri).await;
    assert!(page.body.contains("name=\"s.TC1.a\"") && page.body.contains("id=\"ev-submit\""));
    // a score above its maximum: 422, the line named and marked, the typed value kept
    let bad = post_form(
        &app,
        uri,
        &sheet_form("save", &[("s.TC3.a".into(), "4,5".into())]),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Điểm dòng TC3.a là 4,5"), "{}", bad.body);
    assert!(bad.body.contains("class=\" invalid\" id=\"line-TC3.a\""));
    assert!(bad.body.contains("name=\"s.TC3.a\" value=\"4,5\""));
    let typo = post_form(
        &app,
        uri,
        &sheet_form("save", &[("s.TC1.a".into(), "năm".into())]),
    )
    .await;
    assert_eq!(typo.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(typo.body.contains("Điểm dòng TC1.a không phải là số [năm]"));
    // fill every line (the demo draft lacks some) and submit with the paper's date
    let v = app
        .evaluation_of(&hoptac_app::Actor::system(), "HTX-TM-11", 2025, None)
        .await
        .unwrap();
    let mut fields: Vec<(String, String)> = v
        .rubric
        .items()
        .into_iter()
        .filter(|i| i.children.is_empty())
        .map(|i| {
            let s = v
                .evaluation
                .as_ref()
                .and_then(|e| e.self_scores.get(&i.id).copied());
            (
                format!("s.{}", i.id),
                s.map(|x| x.format_vi(2, false)).unwrap_or("0".into()),
            )
        })
        .collect();
    fields.push(("submitted_on".into(), "14/12/2025".into()));
    let sent = post_form(&app, uri, &sheet_form("submit", &fields)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let page = get(&app, uri).await;
    assert!(
        page.body.contains("HTX đã nộp, Ngày nộp 14/12/2025"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("id=\"ev-upload\""),
        "a submitted sheet takes no workbook"
    );

    // a viewer sees no form and cannot step
    let viewer = app.as_user("xem").await;
    assert!(!get(&viewer, uri).await.body.contains("id=\"ev-form\""));
    assert_eq!(
        post_form(&viewer, uri, "action=review").await.status,
        StatusCode::FORBIDDEN
    );
    // the district reviews: an adjustment without a reason is refused, with one it counts
    let staff = app.as_user("canbo").await;
    assert!(get(&staff, uri).await.body.contains("name=\"a.TC5\""));
    let no_reason = post_form(
        &staff,
        uri,
        &sheet_form("adjust", &[("a.TC5".into(), "1".into())]),
    )
    .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.body.contains("cần ghi rõ lý do"));
    let reviewed = post_form(
        &staff,
        uri,
        &sheet_form(
            "review",
            &[
                ("a.TC5".into(), "1".into()),
                ("r.TC5".into(), "Chưa có biên bản đại hội".into()),
            ],
        ),
    )
    .await;
    assert_eq!(reviewed.status, StatusCode::SEE_OTHER, "{}", reviewed.body);
    let page = get(&staff, uri).await;
    assert!(
        page.body.contains("Chưa có biên bản đại hội") && page.body.contains("id=\"ev-approve\"")
    );
    // approved: locked; unlocking needs a reason
    assert_eq!(
        post_form(&staff, uri, "action=approve").await.status,
        StatusCode::SEE_OTHER
    );
    let locked = get(&staff, uri).await;
    assert!(locked.body.contains("đã duyệt") && locked.body.contains("id=\"ev-unlock\""));
    let bare = post_form(&staff, uri, "action=unlock&reason=").await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bare.body.contains("cần ghi rõ lý do"));
    assert_eq!(
        post_form(&staff, uri, "action=unlock&reason=S%E1%BB%ADa%20TC5")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let e = app
        .evaluation_of(&hoptac_app::Actor::system(), "HTX-TM-11", 2025, None)
        .await
        .unwrap()
        .evaluation
        .unwrap();
    assert_eq!(e.state, hoptac_core::evaluation::State::Reviewed);
    assert_eq!(e.adjusted["TC5"].1, "Chưa có biên bản đại hội");
}

#[tokio::test]
async fn the_tt09_sheet_proposes_scores_from_the_figures_and_names_what_is_missing() {
    let (app, _d) = demo_app().await;
    let sys = hoptac_app::Actor::system();
    let v = app
        .evaluation_of(&sys, "HTX-TM-01", 2025, Some("TT09/2017"))
        .await
        .unwrap();
    let revenue = v.report.as_ref().unwrap().figures.revenue.unwrap();
    let p12 = v.proposals.iter().find(|p| p.item == "1.2").unwrap();
    assert_eq!(p12.value, Some(revenue));
    let page = get(&app, "/evaluations/HTX-TM-01/2025?rubric=TT09/2017").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(&format!(
            "{} (revenue = {} triệu đồng ∈ [",
            p12.points.unwrap().format_vi(2, false),
            revenue.format_vi(2, false)
        )),
        "{}",
        page.body
    );
    assert!(page.body.contains("thiếu số liệu: planned_revenue"));
    // what-if on the figures, unless the revenue is already in the top band
    assert_eq!(
        page.body.contains("; đạt "),
        p12.next.is_some(),
        "{}",
        page.body
    );
    // a self-score unlike the proposal is flagged
    let other = if p12.points.unwrap() == hoptac_core::Fixed::from_int(4) {
        "6"
    } else {
        "4"
    };
    let saved = post_form(
        &app,
        "/evaluations/HTX-TM-01/2025",
        &sheet_form(
            "save",
            &[
                ("rubric".into(), "TT09/2017".into()),
                ("s.1.2".into(), other.into()),
            ],
        ),
    )
    .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        saved.headers[axum::http::header::LOCATION],
        "/evaluations/HTX-TM-01/2025?rubric=TT09/2017"
    );
    let page = get(&app, "/evaluations/HTX-TM-01/2025?rubric=TT09/2017").await;
    assert!(page.body.contains("khác điểm đề xuất"));
    // TT09's thresholds are unconfirmed: no rating is invented
    assert_eq!(
        get(&app, "/evaluations/HTX-TM-01/2025?rubric=KHONG-CO")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

fn json_upload(
    app: &crate::TestApp,
    content: &[u8],
    note: &str,
) -> axum::http::Request<axum::body::Body> {
    let b = "XhoptacBoundary";
    let mut body = format!("--{b}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n{note}\r\n--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tt01.json\"\r\nContent-Type: application/json\r\n\r\n").into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    axum::http::Request::post(format!("/rubrics?_csrf={}", app.csrf))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={b}"),
        )
        .body(axum::body::Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn rubrics_show_provenance_and_an_administrator_loads_a_corrected_version() {
    let (app, _d) = demo_app().await;
    let page = get(&app, "/rubrics").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Thông tư 01/2020/TT-BKHĐT") && page.body.contains("TT09/2017"));
    assert!(
        page.body
            .contains("revenue ∈ [1.000; 5.000) triệu đồng → 6"),
        "the TT09 bands are shown"
    );
    assert!(page.body.contains("chưa xác nhận") && page.body.contains("kèm theo phần mềm"));
    let doc = get(&app, "/rubrics/document?id=TT01/2020&version=1").await;
    assert_eq!(doc.status, StatusCode::OK);
    assert!(doc.body.contains("\"id\": \"TT01/2020\""));
    assert_eq!(
        get(&app, "/rubrics/document?id=TT01/2020&version=9")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // maxima that do not add up: 422 naming the group, nothing stored
    let mut v: serde_json::Value = serde_json::from_str(&doc.body).unwrap();
    for c in v["items"][2]["children"].as_array_mut().unwrap() {
        c["max"] = "9".into();
    }
    let bad = crate::http::send(&app, json_upload(&app, v.to_string().as_bytes(), "thử")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(
        bad.body.contains("[III]") && bad.body.contains("value=\"thử\""),
        "{}",
        bad.body
    );
    // 5 + 5 × 7 = 40 loads as version 2
    for (k, c) in v["items"][2]["children"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        c["max"] = if k == 0 { "5" } else { "7" }.into();
    }
    // a viewer is refused
    let viewer = app.as_user("xem").await;
    assert!(
        !get(&viewer, "/rubrics")
            .await
            .body
            .contains("id=\"rb-load\"")
    );
    let no = crate::http::send(&viewer, json_upload(&viewer, v.to_string().as_bytes(), "")).await;
    assert_eq!(no.status, StatusCode::FORBIDDEN);
    let ok = crate::http::send(
        &app,
        json_upload(&app, v.to_string().as_bytes(), "Phụ lục 1"),
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let page = get(&app, "/rubrics").await;
    assert!(page.body.contains("(phiên bản 2)") && page.body.contains("Phụ lục 1"));
    assert!(
        get(&app, "/rubrics/document?id=TT01/2020&version=2")
            .await
            .body
            .contains("\"version\": 2")
    );
    let notjson = crate::http::send(&app, json_upload(&app, b"{ not json", "")).await;
    assert_eq!(notjson.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(notjson.body.contains("không đọc được"), "{}", notjson.body);
}

#[tokio::test]
async fn the_evaluations_page_summarises_the_year_and_the_province_table_downloads() {
    let (app, _d) = demo_app().await;
    let s = app
        .evaluation_summary(&hoptac_app::Actor::system(), 2024, None)
        .await
        .unwrap();
    let page = get(&app, "/evaluations?year=2024").await;
    assert!(page.body.contains("id=\"ev-summary-table\""));
    assert!(page.body.contains("<svg") && page.body.contains("Xếp loại HTX (phiếu đã duyệt)"));
    // by sector too: each sector's HTX counts, the rows adding up to the year
    let sectors = &page.body[page.body.find("id=\"ev-sectors\"").unwrap()..];
    for r in &s.by_sector {
        assert!(
            sectors.contains(&format!("<td>{}</td>", r.label)),
            "{}",
            r.label
        );
    }
    // the total row: HTX good, fairly good, average, weak, not rated, pending
    let total = format!(
        "<td>Tổng cộng</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        s.htx.tot, s.htx.kha, s.htx.trung_binh, s.htx.yeu, s.htx.not_rated, s.htx.pending
    );
    assert!(page.body.contains(&total), "{}", page.body);
    for f in &s.fell {
        assert!(page.body.contains(&format!("{} {}", f.org, f.name)));
    }
    let x = get(&app, "/evaluations/summary.xlsx?year=2024").await;
    assert_eq!(x.status, StatusCode::OK);
    assert!(
        x.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("tong-hop-xep-loai-2024.xlsx")
    );
    assert_eq!(
        get(&app, "/evaluations/summary.xlsx?year=hai").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn classification_axes_are_entered_on_the_sheet_page_and_bad_values_are_named() {
    let (app, _d) = demo_app().await;
    let uri = "/evaluations/HTX-TM-11/2025";
    let page = get(&app, uri).await;
    assert!(
        page.body.contains("id=\"ax-form\"")
            && page.body.contains("Quy mô thành viên (tính từ số liệu)")
    );
    let post =
        |body: &'static str| post_form(&app, "/evaluations/HTX-TM-11/2025/classification", body);
    let bad = post("supply=production&vsic=A&capital=-3&agri_field=crops").await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body
            .contains("Tổng nguồn vốn (triệu đồng) phải là một số không âm [-3]"),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"-3\""), "the typed value is kept");
    let ok = post("supply=production&vsic=A&capital=1.250%2C5&agri_field=crops").await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let page = get(&app, uri).await;
    assert!(page.body.contains("Phục vụ sản xuất"));
    assert!(
        page.body
            .contains("A — Nông nghiệp, lâm nghiệp và thủy sản")
    );
    assert!(
        page.body.contains("Nhỏ (1.250,5 triệu đồng)"),
        "capital scale computed"
    );
    let list = get(&app, "/evaluations?year=2025").await;
    assert!(list.body.contains("vốn: Nhỏ · Phục vụ sản xuất"));
    // a capital of 5 billion or more has no confirmed class: shown, marked unconfirmed
    assert_eq!(post("capital=7000").await.status, StatusCode::SEE_OTHER);
    let big = get(&app, uri).await;
    assert!(big.body.contains("Vừa hoặc lớn (ngưỡng chưa xác nhận)"));
    // an approved year is locked with its sheet
    assert!(
        !get(&app, "/evaluations/HTX-TM-12/2024")
            .await
            .body
            .contains("id=\"ax-form\"")
    );
    let locked = post_form(
        &app,
        "/evaluations/HTX-TM-12/2024/classification",
        "supply=mixed",
    )
    .await;
    assert_eq!(locked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(locked.body.contains("mở khóa trước khi sửa phân loại"));
    // a viewer may not
    let viewer = app.as_user("xem").await;
    assert_eq!(
        post_form(
            &viewer,
            "/evaluations/HTX-TM-11/2025/classification",
            "supply=mixed"
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    // the change is in the audit trail
    let audit = app
        .audit_trail(&hoptac_app::Actor::system(), Default::default())
        .await
        .unwrap();
    assert!(
        audit
            .iter()
            .any(|a| a.action == "classify" && a.key == "HTX-TM-11/2025")
    );
}

#[tokio::test]
async fn the_review_page_shows_long_tables_a_page_at_a_time() {
    use hoptac_demo::synthetic::{Size, province};
    let (store, _db) = hoptac_store_conformance::TestDb::new().await;
    let app = hoptac_app::App::new(store);
    app.ensure_seed().await.unwrap();
    let snap = province(&Size {
        htx: 40,
        tht: 80,
        years: 4,
        ..Size::default()
    });
    let sys = hoptac_app::Actor::system();
    app.store()
        .apply(&hoptac_store::ChangeSet {
            units: snap.units.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    let xlsx =
        hoptac_exchange::write::write_xlsx(&snap, Default::default(), Default::default()).unwrap();
    assert!(
        app.import_bytes(&sys, "p.xlsx", &xlsx, true)
            .await
            .unwrap()
            .applied
    );
    let admin = hoptac_core::auth::Account {
        username: "qt".into(),
        display_name: String::new(),
        role: hoptac_core::auth::Role::Admin,
        scope: hoptac_core::auth::Scope::All,
        must_change_password: false,
        disabled: false,
    };
    app.save_account(&sys, admin, Some("mat-khau-kiem-thu"))
        .await
        .unwrap();
    let s = app
        .login("qt", "mat-khau-kiem-thu", "127.0.0.9")
        .await
        .unwrap();
    let t = crate::TestApp {
        app: app.clone(),
        cookie: format!("hoptac_session={}", s.token),
        csrf: s.csrf,
    };
    let as_of = app.review_date().await.unwrap();
    let figures = app.check(&sys, as_of, None).await.unwrap().figures.len();
    assert!(
        figures > 50,
        "the synthetic province has {figures} figures to review"
    );
    let rows = |body: &str| {
        body.split("id=\"figure-issues\"")
            .nth(1)
            .and_then(|t| t.split("</table>").next())
            .map(|t| t.matches("<tr>").count() - 1)
            .unwrap_or(0)
    };
    let first = get(&t, "/quality").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first.body.contains(&format!("({figures})")),
        "the heading counts them all"
    );
    assert_eq!(rows(&first.body), 50);
    let pages = figures.div_ceil(50);
    assert!(first.body.contains(&format!("1/{pages}")));
    assert!(
        first
            .body
            .contains("href=\"/quality?fpage=2#figure-issues\"")
    );
    let last = get(&t, &format!("/quality?fpage={pages}")).await;
    assert_eq!(rows(&last.body), figures - 50 * (pages - 1));
    assert!(last.body.contains(&format!("{pages}/{pages}")));
    // a page past the end, or not a number, is the first page, not an error
    for wild in ["/quality?fpage=999999", "/quality?fpage=x&cpage=-1"] {
        let r = get(&t, wild).await;
        assert_eq!(r.status, StatusCode::OK, "{wild}");
        assert_eq!(rows(&r.body), 50, "{wild}");
    }
    // reports received by commune: a country's 6.562 communes are fifty a page too
    let communes = app
        .check(&sys, as_of, None)
        .await
        .unwrap()
        .completeness
        .len();
    assert!(communes > 50, "{communes} communes with organisations");
    let commune_rows = |body: &str| {
        body.split("id=\"completeness\"")
            .nth(1)
            .and_then(|t| t.split("</table>").next())
            .map(|t| t.matches("<tr>").count() - 1)
            .unwrap_or(0)
    };
    assert_eq!(commune_rows(&first.body), 50);
    assert!(first.body.contains(&format!("({communes})")));
    assert!(
        first
            .body
            .contains("href=\"/quality?kpage=2#completeness\"")
    );
    let kpages = communes.div_ceil(50);
    let last = get(&t, &format!("/quality?kpage={kpages}")).await;
    assert_eq!(commune_rows(&last.body), communes - 50 * (kpages - 1));
    assert_eq!(
        rows(&last.body),
        50,
        "the other tables stay on their first page"
    );
}
