//! Rough edges a clerk meets: addresses that do not parse, uploads whose URL carried the
//! CSRF token, files that cannot be read, codes shown where labels belong.

use crate::demo_app;
use crate::http::{get, multipart, with_session};
use axum::http::{StatusCode, header};
use tower::ServiceExt;

#[tokio::test]
async fn an_address_that_does_not_parse_is_a_page_not_found_in_vietnamese() {
    let (admin, _d) = demo_app().await;
    for uri in ["/evaluations/HTX-TM-07/abc", "/quality/cases/x1"] {
        let r = get(&admin, uri).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}: {}", r.body);
        assert!(r.body.contains("Không tìm thấy"), "{uri}: {}", r.body);
        assert!(!r.body.contains("Invalid URL") && !r.body.contains("Cannot parse"));
    }
}

/// The upload's URL carries the CSRF token (a multipart form has nowhere else to put it for
/// the check before the body is read): the answer is a redirect to a preview address that
/// does not, so the token stays out of the address bar, the history and bookmarks, and a
/// reload does not send the file again.
#[tokio::test]
async fn the_import_preview_is_reached_by_a_redirect_without_the_csrf_token() {
    let (admin, _d) = demo_app().await;
    let router = hoptac_web::router(admin.app.clone(), std::sync::Arc::new(hoptac_web::WordOnly));
    let csv = "code,kind,name,sector,commune,founded_on\nIMP-9,HTX,HTX Thử,agriculture,30049,2020-01-01\n";
    let send = |req| router.clone().oneshot(with_session(&admin, req));
    let r = send(multipart(&admin, "organizations.csv", csv.as_bytes()))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()[header::LOCATION].to_str().unwrap().to_string();
    assert!(
        to.starts_with("/import/problems?results=") && !to.contains("_csrf"),
        "{to}"
    );
    let body = |r: axum::response::Response| async move {
        use http_body_util::BodyExt;
        let b = r.into_body().collect().await.unwrap().to_bytes();
        String::from_utf8_lossy(&b).to_string()
    };
    let get = |to: &str| {
        axum::http::Request::get(to)
            .body(axum::body::Body::empty())
            .unwrap()
    };
    let preview = body(send(get(&to)).await.unwrap()).await;
    assert!(
        preview.contains("id=\"confirm\"") && preview.contains("organizations.csv"),
        "{preview}"
    );
    // another account cannot open it
    let other = admin.as_user("canbo").await;
    let r = router
        .clone()
        .oneshot(with_session(&other, get(&to)))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::GONE);
    // a file that cannot be read: the upload form again, saying why, in the reader's language
    let r = send(multipart(
        &admin,
        "broken.xlsx",
        b"PK\x03\x04\x14\x00broken",
    ))
    .await
    .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let to = r.headers()[header::LOCATION].to_str().unwrap().to_string();
    let r = send(get(&to)).await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let page = body(r).await;
    assert!(
        page.contains("Không đọc được tệp") && page.contains("Lưu thành"),
        "{page}"
    );
    assert!(
        page.contains("type=\"file\""),
        "the form to choose another file: {page}"
    );
    assert!(
        !page.contains("Cannot read the file"),
        "one language: {page}"
    );
}

/// The workbook people read shows labels ("Hội quán", "Nông nghiệp", "Trưởng ban"); the
/// machine-key workbook keeps the codes. Either imports back (the round-trip test of the
/// binary reads the Vietnamese one).
#[tokio::test]
async fn the_vietnamese_export_shows_labels_and_the_key_export_codes() {
    let (admin, _d) = demo_app().await;
    let texts = |bytes: Vec<u8>| {
        let book = hoptac_exchange::read::read_xlsx(&bytes).unwrap();
        let mut all = std::collections::BTreeSet::new();
        for s in book.sheets {
            for (_, cells) in s.rows {
                for c in cells {
                    if let hoptac_exchange::cells::Cell::Text(t) = c {
                        all.insert(t);
                    }
                }
            }
        }
        all
    };
    let vi = texts(crate::http::send_raw(&admin, "/export.xlsx").await);
    let keys = texts(crate::http::send_raw(&admin, "/export.xlsx?headers=keys").await);
    for code in [
        "HOIQUAN",
        "agriculture",
        "chair",
        "elementary",
        "kha",
        "district",
    ] {
        assert!(
            !vi.contains(code),
            "a code in the Vietnamese workbook: {code}"
        );
        assert!(keys.contains(code), "the key workbook keeps {code}");
    }
    for label in ["Hội quán", "Nông nghiệp", "Huyện"] {
        assert!(vi.contains(label), "{label} in {vi:?}");
    }
}

/// The audit a page at a time, newest first, with a link to the older rows and back; the
/// filters are lists of tables and actions in words; a district's administrator sees the
/// logins of its communes' accounts and not those of the province.
#[tokio::test]
async fn the_audit_is_paged_and_shows_the_scopes_logins() {
    let (admin, _d) = demo_app().await;
    let store = admin.app.store();
    let commune = store
        .org(&hoptac_core::OrgCode::parse("HTX-TM-07").unwrap())
        .await
        .unwrap()
        .unwrap()
        .commune;
    for i in 0..130 {
        store
            .append_audit(&hoptac_store::AuditEntry {
                id: 0,
                at: format!("2026-12-05 08:{:02}:{:02}", i / 60, i % 60),
                actor: "canbo".into(),
                ip: "127.0.0.1".into(),
                action: "update".into(),
                entity: "organizations".into(),
                key: format!("PAGE-{i:03}"),
                unit: Some(commune),
                before: None,
                after: None,
            })
            .await
            .unwrap();
    }
    let keys = |body: &str| -> Vec<String> {
        body.split("<td>PAGE-")
            .skip(1)
            .map(|s| s[..3].to_string())
            .collect()
    };
    let first = get(&admin, "/audit?entity=organizations&action=update")
        .await
        .body;
    let on_first = keys(&first);
    assert_eq!(on_first.len(), 100, "one page");
    assert_eq!(on_first[0], "129", "newest first");
    assert!(
        first.contains("<option value=\"organizations\" selected>Tổ chức"),
        "tables in words"
    );
    let older = first
        .split("id=\"audit-older\"")
        .next()
        .unwrap()
        .rsplit("href=\"")
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&");
    assert!(
        older.contains("entity=organizations") && older.contains("before="),
        "{older}"
    );
    let second = get(&admin, &older).await.body;
    let on_second = keys(&second);
    assert_eq!(
        on_second.first().map(String::as_str),
        Some("029"),
        "the next row, none twice"
    );
    assert_eq!(on_second.len(), 30);
    assert!(second.contains("id=\"audit-newest\"") && !second.contains("id=\"audit-older\""));
    // logins: the district's staff sees its commune's account signing in, not the province's
    let _commune = admin.as_user("xa.tankieu").await;
    let staff = admin.as_user("canbo").await;
    let logins = get(&staff, "/audit?action=login").await.body;
    assert!(logins.contains("<td>xa.tankieu</td>"), "{logins}");
    assert!(
        !logins.contains("<td>quantri</td>"),
        "the province's own logins are not the district's"
    );
}

/// The yearly figures form shows last year's figures beside this year's, dates typed and
/// shown day first, and a profit above the revenue as a warning before anything is saved.
#[tokio::test]
async fn the_figures_form_shows_last_year_and_warns_before_saving() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let code = hoptac_core::OrgCode::parse("HTX-TM-07").unwrap();
    let reports = staff.app.store().reports_of(&code).await.unwrap();
    let r2024 = reports.iter().find(|r| r.year.get() == 2024).unwrap();
    let form = get(&staff, "/orgs/HTX-TM-07/reports/2025/edit").await.body;
    let beside = form
        .split("id=\"beside-members\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or_else(|| panic!("no figure beside members: {form}"));
    assert_eq!(
        beside,
        format!("Năm trước 2024: {}", r2024.figures.members.unwrap()),
        "last year's members"
    );
    // who fills each field in, on the form
    let owner = |key: &str| {
        form.split(&format!("<label for=\"f-{key}\">"))
            .nth(1)
            .and_then(|s| s.split("</label>").next())
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        owner("members").contains("HTX khai"),
        "{}",
        owner("members")
    );
    assert!(
        owner("rating").contains("cơ quan quản lý ghi"),
        "{}",
        owner("rating")
    );
    assert!(
        form.contains("id=\"f-general_meeting_on\" name=\"general_meeting_on\" type=\"text\""),
        "a date is typed dd/mm/yyyy, not the browser's widget"
    );
    let r2025 = reports.iter().find(|r| r.year.get() == 2025).unwrap();
    if let Some(d) = r2025.figures.general_meeting_on {
        assert!(form.contains(&format!("value=\"{}\"", hoptac_core::date::to_vi(d))));
    }
    let members = r2025.figures.members.unwrap_or(0);
    let body =
        format!("members={members}&revenue=100&profit=250&general_meeting_on=15%2F03%2F2025");
    let r = crate::trust::post_edit(&staff, "/orgs/HTX-TM-07/reports/2025/edit", &body).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let warning = r
        .body
        .split("id=\"warning-profit\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or_else(|| panic!("no warning on profit: {}", r.body));
    assert!(warning.contains("Lợi nhuận lớn hơn doanh thu"), "{warning}");
    assert!(r.body.contains("Lưu dù có cảnh báo"));
    let still = staff.app.store().reports_of(&code).await.unwrap();
    let now = still.iter().find(|r| r.year.get() == 2025).unwrap();
    assert_eq!(
        now.figures.profit, r2025.figures.profit,
        "nothing saved yet"
    );
    // saved despite the warning: the date as typed, day first
    let r = crate::trust::post_edit(
        &staff,
        "/orgs/HTX-TM-07/reports/2025/edit",
        &format!("{body}&_accept_warnings=1"),
    )
    .await;
    assert!(
        r.status.is_redirection() || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    let saved = staff.app.store().reports_of(&code).await.unwrap();
    let now = saved.iter().find(|r| r.year.get() == 2025).unwrap();
    assert_eq!(now.figures.profit.unwrap().to_string(), "250");
    assert_eq!(
        now.figures
            .general_meeting_on
            .map(hoptac_core::date::to_iso)
            .as_deref(),
        Some("2025-03-15")
    );
}

/// A dashboard figure opens exactly the organisations it counts: as many rows as the figure
/// says, each one of them founded in the period (a flow) or operating at its end (a stock),
/// with the period and the ground said above the list.
#[tokio::test]
async fn a_dashboard_figure_opens_exactly_the_records_it_counts() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let dash = get(&staff, "/?from=2016&to=2020").await.body;
    for id in ["htx.founded", "htx.active"] {
        let link = dash
            .split(&format!("href=\"/indicators/{id}/records?"))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_else(|| panic!("no link for {id}"))
            .replace("&#38;", "&")
            .replace("&amp;", "&");
        let figure: usize = dash
            .split(&format!("href=\"/indicators/{id}/records?"))
            .nth(1)
            .and_then(|s| s.split('>').nth(1))
            .and_then(|s| s.split('<').next())
            .unwrap()
            .replace('.', "")
            .parse()
            .unwrap();
        let page = get(&staff, &format!("/indicators/{id}/records?{link}")).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let rows: Vec<&str> = page
            .body
            .split("<tbody>")
            .nth(1)
            .map(|t| t.split("</tbody>").next().unwrap())
            .unwrap_or("")
            .split("<tr>")
            .skip(1)
            .collect();
        assert_eq!(
            rows.len(),
            figure,
            "{id}: the list has as many rows as the figure"
        );
        assert!(figure > 0, "{id}: the demo has some");
        let filter = page.body.split("id=\"records-filter\">").nth(1).unwrap();
        assert!(
            filter.contains("2016") && filter.contains("2020") || filter.contains("Cuối năm 2020"),
            "{filter}"
        );
        let store = staff.app.store();
        for r in &rows {
            let code = r.split("<td>").nth(1).unwrap().split('<').next().unwrap();
            let o = store
                .org(&hoptac_core::OrgCode::parse(code).unwrap())
                .await
                .unwrap()
                .unwrap();
            assert_eq!(o.kind, hoptac_core::OrgKind::Htx);
            let end = hoptac_core::date::year_end(2020);
            match id {
                "htx.founded" => assert!((2016..=2020).contains(&o.founded_on.year()), "{code}"),
                _ => assert!(o.active_on(end), "{code} operating at the end of 2020"),
            }
        }
    }
}

/// A dissolution recorded by mistake is undone by reopening its case with a reason: the
/// organisation operates again, the case is open, both changes are in the audit; a viewer
/// sees no form and is refused.
#[tokio::test]
async fn a_mistaken_dissolution_is_undone_by_reopening_its_case() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let list = get(&staff, "/quality").await.body;
    let id: String = list
        .split("/quality/cases/")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let case = staff
        .app
        .store()
        .cases()
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.id.to_string() == id)
        .unwrap();
    let org = || async { staff.app.store().org(&case.org).await.unwrap().unwrap() };
    assert!(org().await.dissolved_on.is_none());
    let uri = format!("/quality/cases/{id}");
    let r = crate::http::post_form(
        &staff,
        &uri,
        "step=dissolution_completed&note=Q%C4%90&on_date=01%2F06%2F2026",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        org()
            .await
            .dissolved_on
            .map(hoptac_core::date::to_iso)
            .as_deref(),
        Some("2026-06-01"),
        "the date typed day first"
    );
    let page = get(&staff, &uri).await.body;
    assert!(page.contains("id=\"reopen-form\"") && !page.contains("id=\"record-step\""));
    let viewer = admin.as_user("xem").await;
    assert!(!get(&viewer, &uri).await.body.contains("id=\"reopen-form\""));
    let reopen = format!("{uri}/reopen");
    assert_eq!(
        crate::http::post_form(&viewer, &reopen, "reason=x")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // no reason: said, nothing moved
    let r = crate::http::post_form(&staff, &reopen, "reason=").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Cần ghi lý do mở lại"), "{}", r.body);
    assert!(org().await.dissolved_on.is_some());
    let r = crate::http::post_form(
        &staff,
        &reopen,
        "reason=Ghi+nh%E1%BA%A7m+h%E1%BB%93+s%C6%A1",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(org().await.dissolved_on.is_none(), "operating again");
    let page = get(&staff, &uri).await.body;
    assert!(
        page.contains("id=\"record-step\"")
            && page.contains("Mở lại hồ sơ")
            && page.contains("Ghi nhầm hồ sơ")
    );
    let audit = get(
        &admin,
        &format!("/audit?entity=organizations&key={}", case.org),
    )
    .await
    .body;
    assert!(
        audit.contains("Ngày giải thể") || audit.contains("dissolved_on"),
        "the undo in the audit"
    );
    // reopening an open case is refused
    let r = crate::http::post_form(&staff, &reopen, "reason=again").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// The review's case list downloads as a workbook with the same filters as the page: the
/// same cases, the filters written at its head, statuses in words.
#[tokio::test]
async fn the_case_list_exports_with_the_pages_filters() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let as_of = staff.app.review_date().await.unwrap();
    let all = staff
        .app
        .review_cases(&staff.actor().await, as_of, Some("872"))
        .await
        .unwrap();
    let rule = all[0].case.rule.clone();
    let title = all[0].title_vi;
    let of_rule: Vec<_> = all.iter().filter(|c| c.case.rule == rule).collect();
    let page = get(&staff, &format!("/quality?scope=872&ground={rule}"))
        .await
        .body;
    let link = page
        .split("href=\"/quality/cases.xlsx?")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    assert!(
        link.contains(&format!("ground={rule}")) && link.contains("scope=872"),
        "{link}"
    );
    let bytes = crate::http::send_raw(&staff, &format!("/quality/cases.xlsx?{link}")).await;
    let book = hoptac_exchange::read::read_xlsx(&bytes).unwrap();
    let rows = &book.sheets[0].rows;
    let text = |c: &hoptac_exchange::cells::Cell| match c {
        hoptac_exchange::cells::Cell::Text(t) => t.clone(),
        _ => String::new(),
    };
    let head = text(&rows[1].1[0]);
    assert!(head.contains(title) && head.contains("Địa bàn"), "{head}");
    let data: Vec<_> = rows.iter().filter(|(n, _)| *n > 4).collect();
    assert_eq!(data.len(), of_rule.len(), "the same cases as the page");
    for (_, cells) in &data {
        assert_eq!(text(&cells[1]), title);
        assert!(
            !text(&cells[6]).contains('_'),
            "status in words: {}",
            text(&cells[6])
        );
    }
}

/// A case is given to a person, who finds it on their to-do page; a cooperative account is
/// not someone a case can be given to, and a viewer cannot give one.
#[tokio::test]
async fn a_case_is_assigned_to_a_person_and_waits_on_their_todo_page() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let list = get(&staff, "/quality").await.body;
    let id: String = list
        .split("/quality/cases/")
        .nth(1)
        .unwrap()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let uri = format!("/quality/cases/{id}");
    let page = get(&staff, &uri).await.body;
    assert!(
        page.contains("id=\"assign-form\"") && page.contains("<option value=\"canbo\""),
        "{page}"
    );
    assert!(
        !page.contains("<option value=\"htx.tankieu\""),
        "a cooperative is not offered"
    );
    assert!(!get(&staff, "/todo").await.body.contains("id=\"assigned\""));
    let assign = format!("{uri}/assign");
    let r = crate::http::post_form(&staff, &assign, "assignee=htx.tankieu").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("Không giao được cho htx.tankieu"),
        "{}",
        r.body
    );
    let viewer = admin.as_user("xem").await;
    assert_eq!(
        crate::http::post_form(&viewer, &assign, "assignee=canbo")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let r = crate::http::post_form(&staff, &assign, "assignee=canbo").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&staff, &uri).await.body;
    let who = page
        .split("id=\"case-assignee\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap();
    assert_eq!(who, "canbo");
    let todo = get(&staff, "/todo").await.body;
    let mine = todo
        .split("id=\"assigned\"")
        .nth(1)
        .unwrap_or_else(|| panic!("{todo}"));
    assert!(
        mine.contains(&format!("href=\"/quality/cases/{id}\"")),
        "{mine}"
    );
    // the review list filtered to one's own cases: exactly this one, its person shown
    let mine = get(&staff, "/quality?mine=1").await.body;
    let table = mine
        .split("id=\"cases\"")
        .nth(1)
        .unwrap()
        .split("</table>")
        .next()
        .unwrap();
    assert_eq!(table.matches("<tr").count() - 1, 1, "{table}");
    assert!(table.contains(&format!("/quality/cases/{id}\"")) && table.contains("<td>canbo</td>"));
    assert!(
        get(&admin, "/quality?mine=1")
            .await
            .body
            .contains("id=\"mine\" checked")
    );
    // not on another's list; and the history keeps who gave it to whom
    assert!(!get(&admin, "/todo").await.body.contains("id=\"assigned\""));
    assert!(page.contains("Giao người phụ trách"));
    let audit = get(&admin, &format!("/audit?entity=cases&key={id}"))
        .await
        .body;
    assert!(audit.contains("Giao việc"), "{audit}");
}

/// Every entry of the menu opens for the account it is shown to: no account is offered a
/// page that refuses it.
#[tokio::test]
async fn the_menu_offers_only_pages_the_account_may_open() {
    let (admin, _d) = demo_app().await;
    for who in ["quantri", "canbo", "xa.tankieu", "htx.tankieu", "xem"] {
        let a = admin.as_user(who).await;
        let home = get(&a, "/todo").await;
        assert_eq!(home.status, StatusCode::OK, "{who}: /todo");
        let nav = home
            .body
            .split("<nav>")
            .nth(1)
            .unwrap()
            .split("</nav>")
            .next()
            .unwrap();
        let links: Vec<String> = nav
            .split("href=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().to_string())
            .filter(|h| h.starts_with('/') && !h.starts_with("/lang/"))
            .collect();
        assert!(links.len() >= 3, "{who}: {links:?}");
        for l in links {
            let r = get(&a, &l).await;
            assert!(
                r.status != StatusCode::FORBIDDEN && !r.status.is_server_error(),
                "{who} is offered {l} and gets {}",
                r.status
            );
        }
    }
}

/// A figure with three decimals below a thousand (123,456 triệu đồng) survives an edit of
/// another field: the form shows it so that it reads back as itself, not as 123.456 triệu.
#[tokio::test]
async fn an_edit_of_one_field_keeps_an_exact_amount_with_three_decimals() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let code = hoptac_core::OrgCode::parse("HTX-TM-07").unwrap();
    let store = staff.app.store();
    let mut r = store
        .reports_of(&code)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.year.get() == 2025)
        .unwrap();
    r.figures.revenue = Some(hoptac_core::Fixed::parse_plain("123.456").unwrap());
    r.figures.profit = Some(hoptac_core::Fixed::parse_plain("12.5").unwrap());
    store
        .apply(&hoptac_store::ChangeSet {
            reports: vec![r.clone()],
            ..Default::default()
        })
        .await
        .unwrap();
    let uri = "/orgs/HTX-TM-07/reports/2025/edit";
    let form = get(&staff, uri).await.body;
    // every field sent back as the form shows it, one of them changed
    let mut fields = crate::http::form_fields(&form);
    for f in fields.iter_mut().filter(|f| f.0 == "workers") {
        f.1 = "27".into();
    }
    let r2 = crate::trust::post_edit(&staff, uri, &crate::http::form_body(&fields)).await;
    assert!(
        r2.status.is_redirection() || r2.status == StatusCode::OK,
        "{}",
        r2.body
    );
    let after = store
        .reports_of(&code)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.year.get() == 2025)
        .unwrap();
    assert_eq!(after.figures.workers, Some(27), "the field changed");
    assert_eq!(
        after.figures.revenue, r.figures.revenue,
        "the amount kept exactly"
    );
    assert_eq!(after.figures.profit, r.figures.profit);
}

/// A report changed by mistake is put back as it was from its history: the audit row links
/// the edit form filled with the values before the change; saved, the report is as before
/// (the amounts exact), and the putting back is itself a change in the audit.
#[tokio::test]
async fn an_earlier_version_of_a_report_is_put_back_from_its_history() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let code = hoptac_core::OrgCode::parse("HTX-TM-07").unwrap();
    let store = staff.app.store();
    let of_2024 = || async {
        store
            .reports_of(&code)
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.year.get() == 2024)
            .unwrap()
    };
    let before = of_2024().await;
    let uri = "/orgs/HTX-TM-07/reports/2024/edit";
    let r =
        crate::trust::post_edit(&staff, uri, "members=277&revenue=1%2C5&_accept_warnings=1").await;
    assert!(
        r.status.is_redirection() || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    assert_eq!(of_2024().await.figures.members, Some(277));
    let audit = get(&admin, "/audit?entity=annual_reports&key=HTX-TM-07/2024")
        .await
        .body;
    let link = audit
        .split("class=\"earlier\"")
        .next()
        .unwrap()
        .rsplit("href=\"")
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&")
        .replace("&amp;", "&");
    assert!(
        link.starts_with("/orgs/HTX-TM-07/reports/2024/edit?from_change="),
        "{link}"
    );
    let form = get(&staff, &link).await.body;
    assert!(
        form.contains("như trước thay đổi"),
        "the form says what it holds"
    );
    let field = |k: &str| {
        form.split(&format!("name=\"{k}\""))
            .nth(1)
            .and_then(|s| s.split("value=\"").nth(1))
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        field("members"),
        before.figures.members.unwrap().to_string()
    );
    let r = crate::trust::post_edit(
        &staff,
        uri,
        &crate::http::form_body(&crate::http::form_fields(&form)),
    )
    .await;
    assert!(
        r.status.is_redirection() || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    assert_eq!(
        of_2024().await.figures,
        before.figures,
        "as it was, exactly"
    );
    // a change that created its row has no earlier version
    let created = store
        .audit(&hoptac_store::AuditQuery {
            entity: Some("annual_reports".into()),
            limit: 100_000,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.before.is_none() && e.key.contains('/'));
    if let Some(e) = created {
        let (c, y) = e.key.rsplit_once('/').unwrap();
        let r = get(
            &staff,
            &format!("/orgs/{c}/reports/{y}/edit?from_change={}", e.id),
        )
        .await;
        assert!(r.status.is_client_error(), "{}", r.status);
    }
}

/// The scoring sheet says every line's problem at once: a word where a number belongs and a
/// score above its line's maximum, both lines marked, both reasons shown, nothing saved.
#[tokio::test]
async fn the_scoring_sheet_shows_every_problem_at_once() {
    let (admin, _d) = demo_app().await;
    let uri = "/evaluations/HTX-TM-11/2025";
    let before = admin
        .app
        .evaluation_of(&hoptac_app::Actor::system(), "HTX-TM-11", 2025, None)
        .await
        .unwrap()
        .evaluation
        .map(|e| e.self_scores);
    let r = crate::http::post_form(
        &admin,
        uri,
        "action=save&s.TC1.a=n%C4%83m&s.TC3.a=4%2C5&s.TC1.b=0%2C5",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("Điểm dòng TC1.a không phải là số"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("Điểm dòng TC3.a là 4,5"),
        "both reasons: {}",
        r.body
    );
    assert!(r.body.contains("class=\" invalid\" id=\"line-TC1.a\""));
    assert!(r.body.contains("class=\" invalid\" id=\"line-TC3.a\""));
    assert!(
        !r.body.contains("class=\" invalid\" id=\"line-TC1.b\""),
        "a good line is not marked"
    );
    let after = admin
        .app
        .evaluation_of(&hoptac_app::Actor::system(), "HTX-TM-11", 2025, None)
        .await
        .unwrap()
        .evaluation
        .map(|e| e.self_scores);
    assert_eq!(before, after, "nothing saved");
}

/// An organisation renamed by mistake is put back from its history the same way: the audit
/// row's link fills its edit form with the name before the change.
#[tokio::test]
async fn an_earlier_version_of_an_organisation_is_put_back_from_its_history() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let code = hoptac_core::OrgCode::parse("HTX-TM-07").unwrap();
    let before = staff.app.store().org(&code).await.unwrap().unwrap();
    let uri = "/orgs/HTX-TM-07/edit";
    let form = crate::http::form_fields;
    let send = |fields: Vec<(String, String)>| crate::http::form_body(&fields);
    let mut fields = form(&get(&staff, uri).await.body);
    for f in fields.iter_mut().filter(|f| f.0 == "name") {
        f.1 = "HTX Gõ Nhầm".into();
    }
    let r = crate::trust::post_edit(&staff, uri, &send(fields)).await;
    assert!(
        r.status.is_redirection() || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    assert_eq!(
        staff.app.store().org(&code).await.unwrap().unwrap().name,
        "HTX Gõ Nhầm"
    );
    let audit = get(&admin, "/audit?entity=organizations&key=HTX-TM-07")
        .await
        .body;
    let link = audit
        .split("class=\"earlier\"")
        .next()
        .unwrap()
        .rsplit("href=\"")
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&#38;", "&");
    assert!(
        link.starts_with("/orgs/HTX-TM-07/edit?from_change="),
        "{link}"
    );
    let page = get(&staff, &link).await.body;
    assert!(page.contains("như trước thay đổi"));
    let fields = form(&page);
    assert!(
        fields.iter().any(|(k, v)| k == "name" && *v == before.name),
        "{fields:?}"
    );
    let r = crate::trust::post_edit(&staff, uri, &send(fields)).await;
    assert!(
        r.status.is_redirection() || r.status == StatusCode::OK,
        "{}",
        r.body
    );
    assert_eq!(
        staff.app.store().org(&code).await.unwrap().unwrap(),
        before,
        "as it was"
    );
}
