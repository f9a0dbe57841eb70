//! The office's daily work through the real router: a report entered by mistake archived and
//! restored, managers added and changed, each page offering only what the account may do.

use crate::demo_app;
use crate::http::{get, post_form};
use crate::trust::{form_version, post_edit};
use axum::http::StatusCode;

const ORG: &str = "HTX-TM-07";

async fn report_of(app: &crate::TestApp, year: i32) -> Option<hoptac_core::model::AnnualReport> {
    let code = hoptac_core::OrgCode::parse(ORG).unwrap();
    app.app
        .store()
        .reports_of(&code)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.year.get() == year)
}

#[tokio::test]
async fn a_report_entered_by_mistake_is_archived_with_a_reason_and_restored() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let viewer = admin.as_user("xem").await;
    assert!(
        report_of(&staff, 2024).await.is_some(),
        "the demo has a 2024 report"
    );
    let page = get(&staff, &format!("/orgs/{ORG}")).await.body;
    assert!(page.contains(&format!("/orgs/{ORG}/reports/2024/archive")));
    let uri = format!("/orgs/{ORG}/reports/2024/archive");
    // no reason: the form again, saying what is missing, and nothing moved
    let r = post_edit(&staff, &uri, "reason=").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Cần ghi lý do"), "{}", r.body);
    assert!(report_of(&staff, 2024).await.is_some());
    // a version from before a change of the report is refused
    let stale = form_version(&staff, &uri).await;
    let e = post_edit(
        &staff,
        &format!("/orgs/{ORG}/reports/2024/edit"),
        "members=277",
    )
    .await;
    assert!(
        e.status.is_redirection() || e.status == StatusCode::OK,
        "{}",
        e.body
    );
    let r = post_form(
        &staff,
        &uri,
        &format!("reason=nh%E1%BA%ADp+nh%E1%BA%A7m&_version={stale}"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let edited = report_of(&staff, 2024).await.unwrap();
    assert_eq!(edited.figures.members, Some(277));
    // the viewer is offered nothing and refused when it tries
    assert_eq!(get(&viewer, &uri).await.status, StatusCode::FORBIDDEN);
    let r = post_edit(&staff, &uri, "reason=Nh%E1%BA%ADp+nh%E1%BA%A7m+n%C4%83m").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        report_of(&staff, 2024).await.is_none(),
        "out of the register"
    );
    let page = get(&staff, &format!("/orgs/{ORG}")).await.body;
    assert!(page.contains("id=\"archived-reports\"") && page.contains("Nhập nhầm năm"));
    let archived = staff
        .app
        .store()
        .archived_reports(&hoptac_core::OrgCode::parse(ORG).unwrap())
        .await
        .unwrap();
    assert_eq!(archived.len(), 1);
    assert_eq!(archived[0].report, edited, "kept whole, to the đồng");
    let restore = format!("/orgs/{ORG}/archived/{}/restore", archived[0].id);
    let seen = get(&viewer, &format!("/orgs/{ORG}")).await.body;
    assert!(
        seen.contains("Nhập nhầm năm"),
        "the viewer sees what was archived"
    );
    for hidden in [
        restore.as_str(),
        "/reports/2025/edit",
        "/managers/new",
        "class=\"archive-report\"",
    ] {
        assert!(!seen.contains(hidden), "a viewer is not offered {hidden}");
    }
    assert_eq!(
        post_form(&viewer, &restore, "").await.status,
        StatusCode::FORBIDDEN
    );
    assert!(report_of(&staff, 2024).await.is_none());
    let r = post_form(&staff, &restore, "").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        report_of(&staff, 2024).await,
        Some(edited.clone()),
        "back as it was"
    );
    // once only
    let r = post_form(&staff, &restore, "").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(r.body.contains("đã được khôi phục"), "{}", r.body);
    let trail = get(
        &admin,
        &format!("/audit?entity=annual_reports&key={ORG}/2024"),
    )
    .await
    .body;
    assert!(
        trail.contains("archive") && trail.contains("restore"),
        "{trail}"
    );
    // a closed year refuses the archive, naming it
    let r = post_form(
        &staff,
        "/quality/years",
        "year=2024&scope=872&action=close&reason=",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_edit(&staff, &uri, "reason=nh%E1%BA%A7m").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("khóa sổ"), "{}", r.body);
    assert!(report_of(&staff, 2024).await.is_some());
}

async fn managers(app: &crate::TestApp) -> Vec<hoptac_core::model::Manager> {
    app.app
        .store()
        .managers_of(&hoptac_core::OrgCode::parse(ORG).unwrap())
        .await
        .unwrap()
}

#[tokio::test]
async fn managers_are_added_changed_and_renamed_in_the_browser() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let n = managers(&staff).await.len();
    let page = get(&staff, &format!("/orgs/{ORG}")).await.body;
    assert!(page.contains("id=\"add-manager\""));
    let new = format!("/orgs/{ORG}/managers/new");
    let form = get(&staff, &new).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("placeholder=\"dd/mm/yyyy\""),
        "dates typed day first"
    );
    // every mistake of the form at once
    let r = post_form(&staff, &new, "full_name=&role=director&from=31/02/2024").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("id=\"error-full_name\""), "{}", r.body);
    assert!(r.body.contains("id=\"error-from\""), "{}", r.body);
    assert_eq!(managers(&staff).await.len(), n);
    let r = post_form(
        &staff,
        &new,
        "full_name=Tr%E1%BA%A7n+Th%E1%BB%8B+M%E1%BB%9Bi&role=accountant&qualification=intermediate&from=01/02/2024",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let m = managers(&staff).await;
    assert_eq!(m.len(), n + 1);
    let added = m
        .iter()
        .find(|m| m.full_name == "Trần Thị Mới")
        .expect("added");
    assert_eq!(added.from, hoptac_core::date::ymd(2024, 2, 1));
    // the same person in the same role from the same day again is refused, by name
    let r = post_form(
        &staff,
        &new,
        "full_name=Tr%E1%BA%A7n+Th%E1%BB%8B+M%E1%BB%9Bi&role=accountant&from=01/02/2024",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("hãy sửa người đó"), "{}", r.body);
    // the page links the edit form; the term ends and a training is recorded
    let edit = format!("/orgs/{ORG}/managers/{}/edit", added.slug());
    assert!(
        get(&staff, &format!("/orgs/{ORG}"))
            .await
            .body
            .contains(&edit)
    );
    let f = get(&staff, &edit).await.body;
    assert!(f.contains("value=\"01/02/2024\""), "shown day first: {f}");
    let v = form_version(&staff, &edit).await;
    let r = post_form(&staff, &edit, &format!("full_name=Tr%E1%BA%A7n+Th%E1%BB%8B+M%E1%BB%9Bi&role=accountant&qualification=intermediate&from=01/02/2024&to=31/12/2025&trained_on=15/03/2025&_version={v}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let m = managers(&staff).await;
    let changed = m.iter().find(|m| m.full_name == "Trần Thị Mới").unwrap();
    assert_eq!(changed.to, hoptac_core::date::ymd(2025, 12, 31));
    assert_eq!(changed.trained_on, hoptac_core::date::ymd(2025, 3, 15));
    // the version the form was read at no longer holds: refused, nothing changes
    let r = post_form(
        &staff,
        &edit,
        &format!(
            "full_name=Tr%E1%BA%A7n+Th%E1%BB%8B+M&role=accountant&from=01/02/2024&_version={v}"
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(managers(&staff).await, m);
    // a corrected name replaces the row: one manager, the old name gone, audited
    let v = form_version(&staff, &edit).await;
    let r = post_form(&staff, &edit, &format!("full_name=Tr%E1%BA%A7n+Th%E1%BB%8B+M%E1%BB%B9&role=accountant&qualification=intermediate&from=01/02/2024&to=31/12/2025&_version={v}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let m = managers(&staff).await;
    assert_eq!(m.len(), n + 1);
    assert!(m.iter().any(|m| m.full_name == "Trần Thị Mỹ"));
    assert!(!m.iter().any(|m| m.full_name == "Trần Thị Mới"));
    assert_eq!(
        get(&staff, &edit).await.status,
        StatusCode::NOT_FOUND,
        "the old row's page is gone"
    );
    let trail = get(&admin, "/audit?entity=managers").await.body;
    assert!(
        trail.contains("Trần Thị Mới") && trail.contains("Trần Thị Mỹ"),
        "{trail}"
    );
}

#[tokio::test]
async fn a_cooperative_keeps_its_own_managers_and_a_viewer_none() {
    let (admin, _d) = demo_app().await;
    let coop = admin.as_user("htx.tankieu").await;
    let viewer = admin.as_user("xem").await;
    let n = managers(&admin).await.len();
    let body = "full_name=L%C3%AA+V%C4%83n+T%E1%BB%B1&role=controller&from=01/01/2026";
    assert_eq!(
        get(&viewer, &format!("/orgs/{ORG}/managers/new"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_form(&viewer, &format!("/orgs/{ORG}/managers/new"), body)
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(managers(&admin).await.len(), n);
    let r = post_form(&coop, &format!("/orgs/{ORG}/managers/new"), body).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(managers(&admin).await.len(), n + 1);
    // another cooperative's managers are not its own
    let other = post_form(&coop, "/orgs/HTX-TM-11/managers/new", body).await;
    assert!(
        matches!(other.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        other.status
    );
    // a cooperative does not archive its reports: the office does
    assert_eq!(
        get(&coop, &format!("/orgs/{ORG}/reports/2024/archive"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert!(
        !get(&coop, &format!("/orgs/{ORG}"))
            .await
            .body
            .contains("class=\"archive-report\"")
    );
    let refusals = get(&admin, "/audit?action=refused").await.body;
    assert!(
        refusals.contains("xem") && refusals.contains("htx.tankieu"),
        "refusals audited"
    );
}

/// The codes of the organisations a registry page lists, in order.
fn listed(body: &str) -> Vec<String> {
    body.split("<tr><td>")
        .skip(1)
        .map(|r| r.split("</td>").next().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_registry_filters_by_status_and_founding_year_pages_and_exports_what_it_shows() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let snap = staff.app.snapshot().await.unwrap();
    let mut dissolved: Vec<String> = snap
        .orgs
        .iter()
        .filter(|o| o.dissolved_on.is_some())
        .map(|o| o.code.to_string())
        .collect();
    dissolved.sort();
    assert!(!dissolved.is_empty());
    let r = get(&staff, "/orgs?status=dissolved&sort=code&size=200").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(listed(&r.body), dissolved);
    let active = listed(
        &get(&staff, "/orgs?status=active&sort=code&size=200")
            .await
            .body,
    );
    assert_eq!(active.len(), snap.orgs.len() - dissolved.len());
    assert!(active.iter().all(|c| !dissolved.contains(c)));
    let mut founded: Vec<String> = snap
        .orgs
        .iter()
        .filter(|o| o.founded_on.year() == 2021)
        .map(|o| o.code.to_string())
        .collect();
    founded.sort();
    assert!(!founded.is_empty());
    assert_eq!(
        listed(
            &get(&staff, "/orgs?founded=2021&sort=code&size=200")
                .await
                .body
        ),
        founded
    );
    let r = get(&staff, "/orgs?status=gone").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.body.contains("status") && r.body.contains("gone"),
        "{}",
        r.body
    );
    // key figures of the latest report beside each row, labels not codes
    let r = get(&staff, "/orgs?q=HTX-TM-07").await.body;
    let latest = report_of(&staff, 2025).await.unwrap();
    let row = r
        .split("<tr><td>HTX-TM-07</td>")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert!(row.contains("<td class=\"num\">2025</td>"), "{row}");
    let members = latest.figures.members.unwrap();
    assert!(
        row.contains(&format!("<td class=\"num\">{members}</td>")),
        "{row}"
    );
    assert!(
        row.contains("Nông nghiệp") && !row.contains(">agriculture<"),
        "{row}"
    );
    // page numbers, and a page past the end shows the last one
    let r = get(&staff, "/orgs?size=25").await.body;
    let pages = snap.orgs.len().div_ceil(25);
    assert!(r.contains(&format!("Trang 1/{pages}")), "{r}");
    assert!(r.contains("id=\"pager\"") && r.contains("aria-current=\"page\">1<"));
    let r = get(&staff, "/orgs?size=25&page=99").await.body;
    assert!(
        r.contains(&format!("Trang {pages}/{pages}")),
        "not page 99 of {pages}"
    );
    assert!(!listed(&r).is_empty());
    // the export is the filtered list, every page, with the filter written at its head
    let bytes = crate::http::send_raw(
        &staff,
        "/orgs/export.xlsx?status=dissolved&sort=code&size=25",
    )
    .await;
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let name = wb.sheet_names()[0].clone();
    let sheet = wb.worksheet_range(&name).unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert!(rows[1][0].contains("Đã giải thể"), "{:?}", rows[1]);
    assert_eq!(rows[3][0], "Mã");
    let codes: Vec<String> = rows[4..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(codes, dissolved, "every dissolved one, not one page");
}

#[tokio::test]
async fn signed_in_pages_are_not_kept_by_the_browser_and_the_title_names_the_organisation() {
    let (admin, _d) = demo_app().await;
    let r = get(&admin, &format!("/orgs/{ORG}")).await;
    assert_eq!(r.headers.get("cache-control").unwrap(), "no-store");
    let title = r
        .body
        .split("<title>")
        .nth(1)
        .unwrap()
        .split("</title>")
        .next()
        .unwrap();
    assert!(
        title.starts_with("HTX ") && !title.contains("Thông tin"),
        "{title}"
    );
    let css = get(&admin, "/static/app.css").await;
    assert!(
        css.headers
            .get("cache-control")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("public")
    );
    let footer = r.body.split("<footer>").nth(1).unwrap();
    assert_eq!(footer.matches("hoptac").count(), 1, "{footer}");
}

#[tokio::test]
async fn the_to_do_page_lists_a_submitted_sheet_for_the_reviewer_and_counts_it_in_the_header() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let viewer = admin.as_user("xem").await;
    let jan = hoptac_core::date::ymd(2026, 1, 10).unwrap();
    let before = staff.app.todo(&staff.actor().await, jan).await.unwrap();
    assert_eq!(
        before.evaluation_year, 2025,
        "in January the sheets of the year before"
    );
    assert!(
        !before
            .to_review
            .iter()
            .any(|(_, r)| r.org.as_str() == "HTX-TM-11")
    );
    // the deadlines as of that day: the report of 2025 in 5 days
    let d = &before.deadlines[0];
    assert_eq!(
        (d.kind, d.year, d.days_left),
        (hoptac_core::deadlines::DeadlineKind::AnnualReport, 2025, 5)
    );
    // reports of 2024 were due on 15/01/2025: whoever is active at the end of 2024 without one
    assert_eq!(before.overdue_year, 2024);
    let snap = staff.app.snapshot().await.unwrap();
    for o in &before.overdue_reports {
        assert!(
            !snap
                .reports
                .iter()
                .any(|r| r.org == o.code && r.year.get() == 2024),
            "{}",
            o.code
        );
    }
    admin
        .app
        .evaluation_step(
            &admin.actor().await,
            "HTX-TM-11",
            2025,
            None,
            hoptac_core::evaluation::Step::Submit {
                on: hoptac_core::date::ymd(2025, 12, 10).unwrap(),
            },
        )
        .await
        .unwrap();
    let after = staff.app.todo(&staff.actor().await, jan).await.unwrap();
    assert!(
        after
            .to_review
            .iter()
            .any(|(y, r)| *y == 2025 && r.org.as_str() == "HTX-TM-11")
    );
    // still waiting in December 2026, a year on
    let dec = hoptac_core::date::ymd(2026, 12, 6).unwrap();
    let later = staff.app.todo(&staff.actor().await, dec).await.unwrap();
    assert!(
        later
            .to_review
            .iter()
            .any(|(y, r)| *y == 2025 && r.org.as_str() == "HTX-TM-11")
    );
    assert_eq!(after.count(), before.count() + 1);
    // a viewer has nothing to act on, and is shown nothing to do
    let v = viewer.app.todo(&viewer.actor().await, jan).await.unwrap();
    assert_eq!(v.count(), 0);
    // the page and the header, as of today
    let today = hoptac_app::today();
    let n = staff
        .app
        .todo(&staff.actor().await, today)
        .await
        .unwrap()
        .count();
    let r = get(&staff, "/todo").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("id=\"deadlines\"") && r.body.contains("Nộp bảng tự chấm điểm năm"),
        "{}",
        r.body
    );
    let header = get(&staff, "/orgs").await.body;
    if n > 0 {
        assert!(
            header.contains(&format!(
                "<span class=\"badge\" id=\"todo-count\">{n}</span>"
            )),
            "{n}"
        );
    } else {
        assert!(!header.contains("id=\"todo-count\""));
    }
    let seen = get(&viewer, "/orgs").await.body;
    assert!(!seen.contains("id=\"todo-count\""));
    // a viewer's menu has no import, and its registry no "+ Thêm tổ chức"
    assert!(!seen.contains("href=\"/import\"") && !seen.contains("href=\"/orgs/new\""));
    assert!(get(&staff, "/orgs").await.body.contains("href=\"/import\""));
}

#[tokio::test]
async fn the_audit_reads_in_words_field_by_field_at_vietnam_time() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let e = post_edit(
        &staff,
        &format!("/orgs/{ORG}/reports/2024/edit"),
        "members=277&rating=yeu",
    )
    .await;
    assert!(e.status.is_redirection(), "{}", e.body);
    let body = get(
        &admin,
        &format!("/audit?entity=annual_reports&key={ORG}/2024"),
    )
    .await
    .body;
    let row = body
        .split("<tbody>")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert!(row.contains("Báo cáo năm"), "the table in words: {row}");
    assert!(
        row.contains("<strong>Thành viên</strong>: <del>"),
        "field by field: {row}"
    );
    assert!(row.contains("<ins>277</ins>"), "{row}");
    assert!(row.contains("<ins>Yếu</ins>"), "labels, not codes: {row}");
    assert!(
        row.contains("<del>09/04/2024</del>"),
        "dates day first: {row}"
    );
    let shown = row.split("<td title=\"").nth(1).unwrap();
    let (stored, rest) = shown.split_once("\">").unwrap();
    let on_page = rest.split("</td>").next().unwrap();
    // 2026-12-06 18:45:22 as 06/12/2026 18:45
    assert_eq!(
        on_page,
        format!(
            "{}/{}/{} {}",
            &stored[8..10],
            &stored[5..7],
            &stored[..4],
            &stored[11..16]
        )
    );
}

#[tokio::test]
async fn the_review_list_filters_by_ground_and_state_and_pages_keep_the_filter() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let as_of = staff.app.review_date().await.unwrap();
    let all = staff
        .app
        .review_cases(&staff.actor().await, as_of, Some("872"))
        .await
        .unwrap();
    let rule = all[0].case.rule.clone();
    let of_rule = all.iter().filter(|c| c.case.rule == rule).count();
    assert!(of_rule < all.len(), "the demo has more than one ground");
    let count = |body: &str| -> usize {
        let h = body.split("id=\"cases\"").next().unwrap();
        let n = h.rsplit('(').next().unwrap().split(')').next().unwrap();
        n.parse().unwrap()
    };
    let r = get(&staff, "/quality?scope=872").await;
    assert_eq!(count(&r.body), all.len());
    let r = get(&staff, &format!("/quality?scope=872&ground={rule}")).await;
    assert_eq!(count(&r.body), of_rule);
    let pending = all.iter().filter(|c| !c.recorded).count();
    let open = all
        .iter()
        .filter(|c| c.recorded && c.case.closed_at.is_none())
        .count();
    if pending > 0 {
        assert_eq!(
            count(&get(&staff, "/quality?scope=872&state=pending").await.body),
            pending
        );
    }
    if open > 0 {
        assert_eq!(
            count(&get(&staff, "/quality?scope=872&state=open").await.body),
            open
        );
    }
    assert!(pending + open > 0);
}

#[tokio::test]
async fn an_organisation_entered_by_mistake_is_archived_whole_and_restored() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let commune = admin.as_user("xa.tankieu").await;
    let viewer = admin.as_user("xem").await;
    let code = hoptac_core::OrgCode::parse("THT-NHAM-1").unwrap();
    let r = post_form(
        &staff,
        "/orgs/new",
        "code=THT-NHAM-1&kind=THT&name=T%E1%BB%95+h%E1%BB%A3p+t%C3%A1c+Nh%E1%BA%ADp+Nh%E1%BA%A7m&sector=agriculture&commune=30052&founded_on=01/03/2024",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = post_form(
        &staff,
        "/orgs/THT-NHAM-1/managers/new",
        "full_name=L%C3%AA+V%C4%83n+Nh%E1%BA%A7m&role=director&from=01/03/2024",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = get(&staff, "/orgs/THT-NHAM-1").await.body;
    assert!(
        page.contains("/orgs/THT-NHAM-1/archive"),
        "offered to staff"
    );
    assert!(
        !get(&viewer, "/orgs/THT-NHAM-1")
            .await
            .body
            .contains("/archive\"")
    );
    // a real organisation, with reports and more, stays: the form says what names it
    let form = get(&staff, &format!("/orgs/{ORG}/archive")).await.body;
    assert!(form.contains("Không lưu trữ được"), "{form}");
    let r = post_edit(
        &staff,
        &format!("/orgs/{ORG}/archive"),
        "reason=th%E1%BB%AD",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("báo cáo năm") && r.body.contains("htx.tankieu"),
        "{}",
        r.body
    );
    assert!(
        staff
            .app
            .store()
            .org(&hoptac_core::OrgCode::parse(ORG).unwrap())
            .await
            .unwrap()
            .is_some()
    );
    // outside the territory and below staff: refused, nothing moves
    let uri = "/orgs/THT-NHAM-1/archive";
    assert_eq!(get(&commune, uri).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        post_form(&viewer, uri, "reason=x&_version=0").await.status,
        StatusCode::FORBIDDEN
    );
    // no reason: the form again
    let r = post_edit(&staff, uri, "reason=").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(staff.app.store().org(&code).await.unwrap().is_some());
    let r = post_edit(
        &staff,
        uri,
        "reason=Nh%E1%BA%ADp+tr%C3%B9ng+v%E1%BB%9Bi+THT-TM-02",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        staff.app.store().org(&code).await.unwrap().is_none(),
        "out of the register"
    );
    assert_eq!(
        get(&staff, "/orgs/THT-NHAM-1").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !get(&staff, "/orgs?q=nham")
            .await
            .body
            .contains("THT-NHAM-1"),
        "not in the list"
    );
    let list = get(&staff, "/orgs/archived").await.body;
    assert!(
        list.contains("Nhập trùng với THT-TM-02") && list.contains("class=\"restore-org\""),
        "{list}"
    );
    let other = get(&commune, "/orgs/archived").await.body;
    assert!(
        !other.contains("THT-NHAM-1"),
        "another commune's archive is not shown"
    );
    let seen = get(&viewer, "/orgs/archived").await.body;
    assert!(seen.contains("THT-NHAM-1") && !seen.contains("class=\"restore-org\""));
    let id = staff.app.store().archived_orgs().await.unwrap()[0].id;
    let restore = format!("/orgs/archived/{id}/restore");
    assert_eq!(
        post_form(&viewer, &restore, "").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_form(&commune, &restore, "").await.status,
        StatusCode::FORBIDDEN
    );
    assert!(staff.app.store().org(&code).await.unwrap().is_none());
    let r = post_form(&staff, &restore, "").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let back = get(&staff, "/orgs/THT-NHAM-1?restored_org=1").await.body;
    assert!(
        back.contains("Đã khôi phục tổ chức") && back.contains("Lê Văn Nhầm"),
        "{back}"
    );
    // once only: said on the list, nothing written
    let r = post_form(&staff, &restore, "").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let loc = r
        .headers
        .get("location")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        get(&staff, &loc)
            .await
            .body
            .contains("đã được khôi phục trước đó"),
        "{loc}"
    );
    // the office above reads both steps, with the reason and the managers named
    let trail = get(&admin, "/audit?entity=organizations&key=THT-NHAM-1")
        .await
        .body;
    assert!(
        trail.contains("Nhập trùng") && trail.contains("Lê Văn Nhầm"),
        "{trail}"
    );
    let refused = get(&admin, "/audit?action=refused").await.body;
    assert!(refused.contains("THT-NHAM-1"), "refusals audited");
}

#[tokio::test]
async fn an_earlier_version_of_a_manager_is_put_back_from_their_history() {
    let (admin, _d) = demo_app().await;
    let staff = admin.as_user("canbo").await;
    let before = managers(&staff).await.remove(0);
    let uri = format!("/orgs/{ORG}/managers/{}/edit", before.slug());
    let mut fields = crate::http::form_fields(&get(&staff, &uri).await.body);
    for f in fields.iter_mut().filter(|f| f.0 == "qualification") {
        f.1 = "none".into();
    }
    let r = post_edit(&staff, &uri, &crate::http::form_body(&fields)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let changed = managers(&staff)
        .await
        .into_iter()
        .find(|m| m.audit_key() == before.audit_key())
        .unwrap();
    assert_eq!(
        changed.qualification,
        Some(hoptac_core::types::Qualification::None)
    );
    let key = crate::http::enc(&before.audit_key());
    let audit = get(&admin, &format!("/audit?entity=managers&key={key}"))
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
        .replace("&#x2F;", "/");
    assert!(link.starts_with(&format!("{uri}?from_change=")), "{link}");
    let page = get(&staff, &link).await.body;
    assert!(page.contains("như trước thay đổi"), "{page}");
    let fields = crate::http::form_fields(&page);
    let r = post_edit(&staff, &uri, &crate::http::form_body(&fields)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        managers(&staff)
            .await
            .into_iter()
            .find(|m| m.audit_key() == before.audit_key()),
        Some(before),
        "as they were"
    );
}
