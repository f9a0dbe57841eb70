use crate::{TestApp, demo_app};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub struct Resp {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    bytes: Vec<u8>,
}

/// Sends a request with the test session's cookie (and its CSRF token on forms).
pub async fn send(app: &TestApp, req: Request<Body>) -> Resp {
    send_to(
        &hoptac_web::router(app.app.clone(), std::sync::Arc::new(hoptac_web::WordOnly)),
        with_session(app, req),
    )
    .await
}

pub fn with_session(app: &TestApp, mut req: Request<Body>) -> Request<Body> {
    if !app.cookie.is_empty() && !req.headers().contains_key(header::COOKIE) {
        req.headers_mut()
            .insert(header::COOKIE, app.cookie.parse().unwrap());
    }
    req
}

/// Through one router, whose state (pending imports) lives across requests. An upload to
/// the import page answers with a redirect to its preview, which is followed as a browser
/// would (on the same router, which keeps the checked file).
pub async fn send_to(router: &axum::Router, req: Request<Body>) -> Resp {
    let upload = req.method() == axum::http::Method::POST && req.uri().path() == "/import";
    let cookie = req.headers().get(header::COOKIE).cloned();
    let mut r = router.clone().oneshot(req).await.unwrap();
    if upload && r.status() == StatusCode::SEE_OTHER {
        let to = r.headers()[header::LOCATION].to_str().unwrap().to_string();
        assert!(
            !to.contains("_csrf"),
            "the preview's URL carries no CSRF token: {to}"
        );
        let mut get = Request::get(to).body(Body::empty()).unwrap();
        if let Some(c) = cookie {
            get.headers_mut().insert(header::COOKIE, c);
        }
        r = router.clone().oneshot(get).await.unwrap();
    }
    let status = r.status();
    let headers = r.headers().clone();
    let bytes = r.into_body().collect().await.unwrap().to_bytes().to_vec();
    Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).to_string(),
        bytes,
    }
}

/// The body's bytes as sent (binary downloads).
pub async fn send_raw(app: &TestApp, uri: &str) -> Vec<u8> {
    send(app, Request::get(uri).body(Body::empty()).unwrap())
        .await
        .bytes
}

pub async fn get(app: &TestApp, uri: &str) -> Resp {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn post_form(app: &TestApp, uri: &str, body: &str) -> Resp {
    let body = format!("{body}&_csrf={}", app.csrf);
    send(
        app,
        Request::post(uri)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// Sheets of CSV text as a workbook.
pub fn csv_book(sheets: &[(&str, &str)]) -> hoptac_exchange::read::RawBook {
    hoptac_exchange::read::RawBook {
        sheets: sheets
            .iter()
            .map(|(n, t)| hoptac_exchange::read::read_csv(n, t.as_bytes()).unwrap())
            .collect(),
    }
}

/// Uploads a file to the import page (the check step).
pub async fn upload(app: &TestApp, file_name: &str, content: &[u8]) -> Resp {
    send(app, multipart(app, file_name, content)).await
}

/// Percent-encodes a form value.
/// The fields of a rendered form as a browser sends them: each input with its value, each
/// select with its selected option, each checked checkbox (askama's escaped `/` read back).
pub fn form_fields(body: &str) -> Vec<(String, String)> {
    let attr = |part: &str, a: &str| {
        part.split(&format!("{a}=\""))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .replace("&#x2F;", "/")
    };
    let mut out = Vec::new();
    for part in body.split("<input id=\"f-").skip(1) {
        let tag = part.split('>').next().unwrap_or_default();
        out.push((attr(tag, "name"), attr(tag, "value")));
    }
    for part in body.split("<select id=\"f-").skip(1) {
        let name = attr(part, "name");
        if let Some(sel) = part
            .split("</select>")
            .next()
            .unwrap_or_default()
            .split("<option value=\"")
            .find(|o| o.contains("\" selected"))
        {
            out.push((name, sel.split('"').next().unwrap_or_default().to_string()));
        }
    }
    for part in body.split("<input type=\"checkbox\" ").skip(1) {
        let tag = part.split('>').next().unwrap_or_default();
        if tag.contains(" checked") {
            out.push((attr(tag, "name"), attr(tag, "value")));
        }
    }
    out
}

/// A form's fields sent back with its warnings accepted, without the version (the edit
/// helper adds the one read when it opens the form).
pub fn form_body(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .filter(|(k, _)| k != "_version")
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .chain(["_accept_warnings=1".to_string()])
        .collect::<Vec<_>>()
        .join("&")
}

pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn multipart(app: &TestApp, file_name: &str, content: &[u8]) -> Request<Body> {
    let b = "XhoptacBoundary";
    let mut body = format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    Request::post(format!("/import?_csrf={}", app.csrf))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={b}"),
        )
        .body(Body::from(body))
        .unwrap()
}

/// Across the 2025 reform the dashboard compares the same ground and says which: the new Xã
/// Đốc Binh Kiều at the end of 2025 against old Tân Kiều and old Đốc Binh Kiều in 2020.
#[tokio::test]
async fn the_dashboard_says_when_a_period_crosses_the_reform() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/?from=2020&to=2025&scope=30061").await;
    assert_eq!(r.status, StatusCode::OK);
    let note = r
        .body
        .split("id=\"territory-note\">")
        .nth(1)
        .and_then(|s| s.split("</p>").next())
        .unwrap_or_else(|| panic!("no territory note: {}", r.body));
    assert!(
        note.contains("Xã Tân Kiều") && note.contains("Xã Đốc Binh Kiều") && note.contains("2020"),
        "{note}"
    );
    let before = get(&app, "/?from=2016&to=2020&scope=872").await;
    assert!(!before.body.contains("territory-note"));
}

#[tokio::test]
async fn dashboard_shows_part_a_figures() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/?from=2016&to=2020").await;
    assert_eq!(r.status, StatusCode::OK);
    for s in [
        "2.697",
        "1.398",
        "-8,70%",
        "192,92%",
        "+6,67%",
        "+11,11%",
        "+12,97%",
        "+1,58%",
        "-22,73%",
        "72,09%",
        "Dữ liệu minh họa",
    ] {
        assert!(r.body.contains(s), "dashboard lacks {s}");
    }
    assert!(r.body.contains("<svg"), "charts are inline SVG");
    assert_eq!(
        r.body.matches("<svg class=\"chart\"").count(),
        4,
        "members HTX, THT, revenue, profit"
    );
    assert_eq!(
        r.body.matches("<svg class=\"map\"").count(),
        1,
        "and the communes' map"
    );
    assert!(r.body.contains("2016 (gốc)"), "the base year marked");
    assert!(r.body.contains("Doanh thu bình quân HTX (triệu đồng)"));
    assert_eq!(r.headers.get("x-frame-options").unwrap(), "DENY");
    assert!(r.headers.get("content-security-policy").is_some());
}

#[tokio::test]
async fn english_is_one_cookie_away() {
    let (app, _d) = demo_app().await;
    let r = send(
        &app,
        Request::get("/?from=2016&to=2020")
            .header(header::COOKIE, format!("lang=en; {}", app.cookie))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(r.body.contains("Active cooperatives") && r.body.contains("Dashboard"));
    let r = send(
        &app,
        Request::get("/lang/en")
            .header(header::REFERER, "http://127.0.0.1:8080/orgs?q=x")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers.get(header::LOCATION).unwrap(), "/orgs?q=x");
    assert!(
        r.headers
            .get(header::SET_COOKIE)
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("lang=en")
    );
    let r = get(&app, "/lang/vi?back=//evil.example/").await;
    assert_eq!(
        r.headers.get(header::LOCATION).unwrap(),
        "/",
        "no open redirect"
    );
}

#[tokio::test]
async fn bad_parameters_are_400_with_the_field_and_value() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/?from=abc").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("abc") && r.body.contains("from"));
    assert!(r.body.contains("Năm không hợp lệ") && r.body.contains("Invalid year"));
    assert_eq!(
        get(&app, "/?from=2020&to=2016").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/?scope=Atlantis").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/orgs?kind=XYZ").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&app, "/orgs?year=20x0").await.status,
        StatusCode::BAD_REQUEST
    );
    let missing = get(&app, "/orgs/NOPE").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    // the page names the error's stable code and the message's, for a call to the office
    assert!(
        missing.body.contains("[not_found · error.not_found]")
            && missing
                .body
                .contains("Không tìm thấy tổ chức &#34;NOPE&#34;"),
        "{}",
        missing.body
    );
    assert_eq!(
        get(&app, "/orgs/HTX-TM-07/reports/1999/edit").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/no/such/page").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn registry_search_ignores_diacritics_and_filters() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/orgs?q=tan+kieu").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("HTX DVNN Tân Kiều"));
    assert!(!r.body.contains("HTX DVNN Mỹ Quý"));
    let r = get(&app, "/orgs?q=%C4%90%E1%BB%90C+BINH").await; // "ĐỐC BINH"
    assert!(r.body.contains("HTX DVNN Đốc Binh Kiều"));
    let r = get(&app, "/orgs?kind=HTX&year=2020").await;
    assert!(
        r.body.contains("21 kết quả"),
        "21 cooperatives active at the end of 2020"
    );
    let r = get(&app, "/orgs?kind=THT&sector=handicraft&year=2020").await;
    assert!(r.body.contains("8 kết quả"));
    let r = get(&app, "/orgs?sort=founded&desc=1&page=2").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Trang 2/"));
}

#[tokio::test]
async fn organisation_page_has_figures_chart_and_managers() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/orgs/HTX-TM-07").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("HTX DVNN Tân Kiều") && r.body.contains("Xã Tân Kiều (30049)"));
    assert!(r.body.contains("<svg") && r.body.contains("id=\"reports\""));
    assert!(r.body.contains("Kế toán"), "managers are listed");
    // the profile as an official text, in Word and PDF
    let page = get(&app, "/orgs/HTX-TM-07").await;
    assert!(page.body.contains("id=\"profile-docx\""));
    let docx = crate::http::send_raw(&app, "/orgs/HTX-TM-07/profile?format=docx").await;
    assert!(docx.starts_with(b"PK"));
    // without a typesetter (this crate's tests do not link typst) a PDF is refused plainly;
    // the binary's tests (crates/hoptac/tests/it/downloads.rs) check the typeset files
    let pdf = get(&app, "/orgs/HTX-TM-07/profile?format=pdf").await;
    assert_eq!(pdf.status, StatusCode::NOT_FOUND);
    assert!(pdf.body.contains("không xuất được tệp PDF"), "{}", pdf.body);
    assert_eq!(
        get(&app, "/orgs/KHONG-CO/profile?format=pdf").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn creating_an_organisation_validates_and_keeps_typed_values() {
    let (app, _d) = demo_app().await;
    let bad = "code=NEW-1&kind=HTX&name=HTX+M%E1%BB%9Bi&sector=agriculture&commune=30049&founded_on=2024-05-01&dissolved_on=2020-01-01&registration_no=";
    let r = post_form(&app, "/orgs/new", bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("id=\"error-dissolved_on\""),
        "message beside the field"
    );
    assert!(r.body.contains("phải sau ngày thành lập"));
    assert!(r.body.contains("value=\"HTX Mới\""), "typed name kept");
    assert!(
        app.store()
            .org(&hoptac_core::OrgCode::parse("NEW-1").unwrap())
            .await
            .unwrap()
            .is_none()
    );

    let r = post_form(
        &app,
        "/orgs/new",
        "code=NEW-1&kind=HTX&name=&sector=agriculture&commune=&founded_on=",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("id=\"error-name\"")
            && r.body.contains("id=\"error-commune\"")
            && r.body.contains("id=\"error-founded_on\"")
    );

    let dup =
        "code=HTX-TM-07&kind=HTX&name=X&sector=agriculture&commune=30049&founded_on=2024-05-01";
    let r = post_form(&app, "/orgs/new", dup).await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an existing code is not overwritten"
    );
    assert!(r.body.contains("đã được dùng"));

    let good = "code=NEW-1&kind=HTX&name=HTX+M%E1%BB%9Bi&sector=agriculture&commune=30049&founded_on=2024-05-01&dissolved_on=&registration_no=";
    let r = post_form(&app, "/orgs/new", good).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers.get(header::LOCATION).unwrap(),
        "/orgs/NEW-1?saved=1"
    );
    assert!(
        get(&app, "/orgs/NEW-1?saved=1")
            .await
            .body
            .contains("Đã lưu")
    );
}

#[tokio::test]
async fn editing_an_organisation_cannot_change_its_code() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/orgs/HTX-TM-07/edit").await;
    assert!(r.body.contains("readonly") && r.body.contains("value=\"HTX DVNN Tân Kiều\""));
    let body = "code=HIJACK&kind=HTX&name=HTX+DVNN+T%C3%A2n+Ki%E1%BB%81u+(%C4%91%E1%BB%95i)&sector=agriculture&commune=30049&founded_on=2007-12-04";
    let r = crate::trust::post_edit(&app, "/orgs/HTX-TM-07/edit", body).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let o = app
        .store()
        .org(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(o.name, "HTX DVNN Tân Kiều (đổi)");
    assert!(
        app.store()
            .org(&hoptac_core::OrgCode::parse("HIJACK").unwrap())
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn yearly_figures_form_reads_vietnamese_numbers_and_reports_errors() {
    let (app, _d) = demo_app().await;
    let r = post_form(
        &app,
        "/orgs/HTX-TM-07/reports/new",
        "year=2026&members=m%C6%B0%E1%BB%9Di&revenue=1.600%2C5",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"error-members\"") && r.body.contains("value=\"mười\""));
    let form = "year=1999&members=310&members_joined=12&members_left=3&revenue=1.600%2C5&services=irrigation&services=harvesting&statements_filed=yes&rating=kha&rating_basis=H%E1%BB%8Dp%20x%C3%A9t%20c%E1%BB%A7a%20x%C3%A3";
    let r = crate::trust::post_edit(&app, "/orgs/HTX-TM-07/reports/2025/edit", form).await;
    // the members do not add up with last year's: a warning shown before anything is saved
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.body.contains("id=\"form-warnings\"") && r.body.contains("id=\"warning-members\""),
        "{}",
        r.body
    );
    assert!(r.body.contains("name=\"_accept_warnings\" value=\"1\""));
    let code = hoptac_core::OrgCode::parse("HTX-TM-07").unwrap();
    let unsaved = app.store().reports_of(&code).await.unwrap();
    assert_ne!(
        unsaved
            .iter()
            .find(|r| r.year.get() == 2025)
            .unwrap()
            .figures
            .revenue
            .unwrap()
            .to_string(),
        "1600.5",
        "nothing saved before the warnings are accepted"
    );
    let r = crate::trust::post_edit(
        &app,
        "/orgs/HTX-TM-07/reports/2025/edit",
        &format!("{form}&_accept_warnings=1"),
    )
    .await;
    assert!(
        r.status == StatusCode::SEE_OTHER || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    let reps = app
        .store()
        .reports_of(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap();
    let r2025 = reps.iter().find(|r| r.year.get() == 2025).unwrap();
    assert_eq!(r2025.figures.revenue.unwrap().to_string(), "1600.5");
    assert_eq!(r2025.figures.services.len(), 2);
    assert_eq!(
        r2025.figures.rating_basis.as_deref(),
        Some("Họp xét của xã")
    );
    assert!(
        get(&app, "/orgs/HTX-TM-07")
            .await
            .body
            .contains("Họp xét của xã"),
        "the basis shows with the yearly figures"
    );
    assert!(
        !reps.iter().any(|r| r.year.get() == 1999),
        "the year comes from the URL"
    );
}

#[tokio::test]
async fn import_previews_then_confirms() {
    let (app, _d) = demo_app().await;
    let csv = "code;kind;name;sector;commune;founded_on\nIMP-1;THT;THT đan lục bình Phú Điền 9;tiểu thủ công nghiệp;Phú Điền;01/02/2024\n";
    let router = hoptac_web::router(app.app.clone(), std::sync::Arc::new(hoptac_web::WordOnly));
    let r = send_to(
        &router,
        with_session(&app, multipart(&app, "organizations.csv", csv.as_bytes())),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("id=\"confirm\""));
    let code = hoptac_core::OrgCode::parse("IMP-1").unwrap();
    assert!(
        app.store().org(&code).await.unwrap().is_none(),
        "nothing written before confirmation"
    );
    let token = r
        .body
        .split("name=\"token\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let confirm = |t: String| {
        let t = format!("{t}&_csrf={}", app.csrf);
        Request::post("/import/confirm")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("token={t}")))
            .unwrap()
    };
    let r = send_to(&router, with_session(&app, confirm(token.clone()))).await;
    assert!(r.body.contains("id=\"import-done\""), "{}", r.body);
    assert!(app.store().org(&code).await.unwrap().is_some());
    let r = send_to(&router, with_session(&app, confirm(token))).await;
    assert_eq!(r.status, StatusCode::GONE, "a token is used once");
}

#[tokio::test]
async fn import_with_errors_is_blocked_and_lists_every_problem() {
    let (app, _d) = demo_app().await;
    let csv = "code,kind,name,sector,commune,founded_on\nB-1,HTX,X,rice,30049,2020-01-01\nB-2,HTX,Y,agriculture,Mỹ An,2020-01-01\n";
    let r = send(&app, multipart(&app, "organizations.csv", csv.as_bytes())).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("id=\"import-blocked\"") && !r.body.contains("id=\"confirm\""));
    assert!(r.body.contains("rice") && r.body.contains("Mỹ An"));
    let r = send(&app, multipart(&app, "notes.pdf", b"%PDF-1.4")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = send(
        &app,
        multipart(&app, "broken.xlsx", b"PK\x03\x04 not really"),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn export_downloads_a_workbook() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/export.xlsx").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.headers
            .get(header::CONTENT_DISPOSITION)
            .unwrap()
            .to_str()
            .unwrap()
            .contains(".xlsx")
    );
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(r.bytes)).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "admin_units",
            "organizations",
            "annual_reports",
            "managers",
            "indicators",
            "plans",
            "targets",
            // the demo lives through the 2025 reform: how its communes became the new ones
            "unit_changes",
            // and its clubs, their meetings and the cooperatives grown from them
            "hoiquan",
            "hoiquan_meetings",
            "org_origins",
            // and the courses its managers' training days come from
            "training_courses",
            "training_attendance",
            "events",
            "support_disbursements",
            // and the plan's offices and tasks
            "plan_offices",
            "plan_tasks",
            // and its products with their OCOP ratings
            "products",
            "ocop_evaluations",
            // its planting areas, lots, linkage contracts and their deliveries, and the
            // linkage project with support paid under it
            "planting_areas",
            "lots",
            "contracts",
            "deliveries",
            "linkage_projects"
        ]
    );
    let orgs = wb.worksheet_range("organizations").unwrap();
    assert_eq!(orgs.rows().next().unwrap()[0].to_string(), "Mã");
    assert_eq!(
        orgs.height(),
        1 + app.store().counts().await.unwrap().orgs as usize
    );
}

#[tokio::test]
async fn situation_report_page_and_markdown() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/report/situation?from=2016&to=2020&scope=872").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("giảm 8,70% so với năm 2016")
            && r.body.contains("đạt 192,92% so với năm 2016")
    );
    assert!(
        r.body
            .contains("HTX GTVT Tháp Mười, HTX Vận tải Thủy bộ Tháp Mười.")
    );
    assert!(
        r.body
            .contains("class=\"fig\" href=\"/indicators/htx.active/records?from=2016&amp;to=2020&amp;scope=872\""),
        "figures link to their records"
    );
    let r = get(&app, "/report/situation?from=2016&to=2020&format=md").await;
    assert!(
        r.headers
            .get(header::CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/markdown")
    );
    assert!(r.body.starts_with("# ĐÁNH GIÁ TÌNH HÌNH"));
}

#[tokio::test]
async fn static_assets_are_served_locally() {
    let (app, _d) = demo_app().await;
    let r = get(&app, "/static/app.css").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("@media (max-width: 600px)"));
    let page = get(&app, "/").await.body;
    for attr in [
        "src=\"http",
        "href=\"http",
        "src=\"//",
        "href=\"//",
        "url(http",
    ] {
        assert!(!page.contains(attr), "no external assets ({attr})");
    }
    assert_eq!(get(&app, "/healthz").await.body, "ok");
}

#[tokio::test]
async fn the_situation_report_downloads_as_word_and_excel_and_the_issuer_is_set_in_a_form() {
    let (app, _d) = demo_app().await;
    let page = get(&app, "/report/situation?from=2016&to=2020").await;
    assert!(page.body.contains("id=\"dl-docx\"") && page.body.contains("id=\"dl-xlsx\""));
    assert!(
        !page.body.contains("id=\"doc-missing\""),
        "the demo's issuer is set"
    );
    let docx = get(&app, "/report/situation?from=2016&to=2020&format=docx").await;
    assert_eq!(docx.status, StatusCode::OK);
    assert!(
        docx.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .contains("wordprocessingml")
    );
    assert!(docx.body.starts_with("PK"), "a zip package");
    // charts are drawn by the typesetter the binary links: without it the Word file names
    // them instead (pictures and PDF: crates/hoptac/tests/it/downloads.rs)
    assert!(!docx.body.contains("word/media/chart1.png"));

    let xlsx = get(&app, "/report/situation?from=2016&to=2020&format=xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(
        xlsx.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("phu-luc-chi-tieu-2016-2020.xlsx")
    );
    // the settings form: a required value left empty is named, nothing saved
    let form = get(&app, "/settings/documents").await;
    assert!(form.body.contains("Nguyễn Văn Minh Họa"));
    let bad = post_form(
        &app,
        "/settings/documents",
        "doc_body=UBND%20huy%E1%BB%87n&doc_symbol=UBND&doc_place=Th%C3%A1p%20M%C6%B0%E1%BB%9Di&doc_signer_title=Ch%E1%BB%A7%20t%E1%BB%8Bch&doc_signer_name=",
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("id=\"error-doc_signer_name\""),
        "{}",
        bad.body
    );
    let ok = post_form(
        &app,
        "/settings/documents",
        "doc_body=UBND%20huy%E1%BB%87n%20Th%C3%A1p%20M%C6%B0%E1%BB%9Di&doc_symbol=UBND&doc_place=Th%C3%A1p%20M%C6%B0%E1%BB%9Di&doc_signer_authority=KT.%20Ch%E1%BB%A7%20t%E1%BB%8Bch&doc_signer_title=Ph%C3%B3%20Ch%E1%BB%A7%20t%E1%BB%8Bch&doc_signer_name=Tr%E1%BA%A7n%20Th%E1%BB%8B%20B&doc_recipients=S%E1%BB%9F%20T%C3%A0i%20ch%C3%ADnh%3B%0AUBND%20t%E1%BB%89nh%3B",
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let saved = app.document_settings().await.unwrap();
    assert_eq!(saved.signer_name, "Trần Thị B");
    assert_eq!(saved.recipients, ["Sở Tài chính;", "UBND tỉnh;"]);
    // a viewer sees the settings, cannot change them
    let viewer = app.as_user("xem").await;
    assert!(
        get(&viewer, "/settings/documents")
            .await
            .body
            .contains("readonly")
    );
    let no = post_form(
        &viewer,
        "/settings/documents",
        "doc_body=X&doc_symbol=X&doc_place=X&doc_signer_title=X&doc_signer_name=X",
    )
    .await;
    assert_eq!(no.status, StatusCode::FORBIDDEN);
}
