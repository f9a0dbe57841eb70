//! The application on a real SQLite file: imports (one test per class of bad input),
//! idempotence, export → import, statistics from a district workbook.

mod books;
mod closing;
mod clubs;
mod documents;
mod evaluations;
mod plan_tasks;
mod plans;
mod products;
mod projects;
mod read_model;
mod reform;
mod register;
mod support;
mod training;

/// An account of the demo signed in through the login, as a person would.
pub async fn signed_in(a: &hoptac_app::App, user: &str) -> hoptac_app::Actor {
    let s = a
        .login(user, hoptac_demo::district::DEMO_PASSWORD, "x")
        .await
        .unwrap();
    a.session(&s.token, "x").await.unwrap().unwrap().actor
}

/// The demo district loaded through the app on a fresh database of the backend the run asks for.
pub async fn demo() -> (hoptac_app::App, TestDb) {
    let (s, d) = TestDb::new().await;
    let a = hoptac_app::App::new(s);
    hoptac_demo::load_demo(&a).await.unwrap();
    (a, d)
}

pub fn sys() -> hoptac_app::Actor {
    hoptac_app::Actor::system()
}

use hoptac_app::{App, ExportHeaders, ImportOutcome};
use hoptac_core::indicator::find;
use hoptac_exchange::read::{RawBook, read_csv};
use hoptac_store::SqliteStore;
use hoptac_store_conformance::TestDb;
use rust_xlsxwriter::Workbook;
use std::sync::Arc;

/// The Tháp Mười units on a fresh database of the backend the run asks for
/// (`HOPTAC_TEST_BACKEND`).
pub async fn app() -> (App, TestDb) {
    let (store, dir) = TestDb::new().await;
    let app = App::new(store);
    app.seed_thap_muoi().await.unwrap();
    (app, dir)
}

pub fn csv(sheets: &[(&str, &str)]) -> RawBook {
    RawBook {
        sheets: sheets
            .iter()
            .map(|(n, t)| read_csv(n, t.as_bytes()).unwrap())
            .collect(),
    }
}

const ORGS: &str = "code,kind,name,sector,commune,founded_on,dissolved_on\n\
A1,HTX,HTX DVNN Tân Kiều,agriculture,30049,2012-03-15,\n\
A2,HTX,HTX DVNN Mỹ Quý,agriculture,Mỹ Quý,15/03/2010,\n";

async fn counts(app: &App) -> (u64, u64, u64) {
    let c = app.store().counts().await.unwrap();
    (c.orgs, c.reports, c.managers)
}

/// Imports `book` expecting it refused; returns the single error and checks nothing was written.
async fn refused(book: RawBook) -> hoptac_app::Problem {
    let (app, _d) = app().await;
    let before = counts(&app).await;
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(!o.applied, "must not apply: {:#?}", o.problems);
    assert_eq!(counts(&app).await, before, "nothing may be written");
    let errors: Vec<_> = o
        .problems
        .iter()
        .filter(|p| p.is_error())
        .cloned()
        .collect();
    assert!(!errors.is_empty());
    let e = errors[0].clone();
    assert!(
        !e.msg.vi().is_empty() && !e.msg.en().is_empty() && e.msg.vi() != e.msg.en(),
        "bilingual message"
    );
    e
}

#[tokio::test]
async fn wrong_type_is_located() {
    let book = csv(&[
        ("organizations", ORGS),
        ("annual_reports", "org_code,year,members\nA1,2020,mười\n"),
    ]);
    let e = refused(book).await;
    assert_eq!(
        (
            e.sheet.as_str(),
            e.row,
            e.column.as_deref(),
            e.value.as_str()
        ),
        ("annual_reports", Some(2), Some("members"), "mười")
    );
    assert!(e.msg.en().contains("whole number"));
}

#[tokio::test]
async fn unknown_enumeration_lists_what_is_expected() {
    let e = refused(csv(&[(
        "organizations",
        "code,kind,name,sector,commune,founded_on\nA1,HTX,X,lúa gạo,30049,2012-01-01\n",
    )]))
    .await;
    assert_eq!(
        (e.column.as_deref(), e.value.as_str()),
        (Some("sector"), "lúa gạo")
    );
    assert!(e.msg.vi().contains("handicraft (Tiểu thủ công nghiệp)"));
}

#[tokio::test]
async fn missing_required_column() {
    let e = refused(csv(&[(
        "organizations",
        "code,kind,name,sector,commune\nA1,HTX,X,agriculture,30049\n",
    )]))
    .await;
    assert_eq!(e.column.as_deref(), Some("Ngày thành lập"));
    assert!(e.msg.en().contains("founded_on"));
}

#[tokio::test]
async fn duplicate_key_names_the_first_row() {
    let e = refused(csv(&[(
        "organizations",
        &format!("{ORGS}A1,HTX,Khác,agriculture,30049,2012-03-15,\n"),
    )]))
    .await;
    assert_eq!((e.row, e.value.as_str()), (Some(4), "A1"));
    assert!(e.msg.vi().contains("dòng 2"));
}

#[tokio::test]
async fn dissolution_before_founding() {
    let e = refused(csv(&[("organizations", "code,kind,name,sector,commune,founded_on,dissolved_on\nA1,HTX,X,agriculture,30049,2012-03-15,2011-01-01\n")])).await;
    assert_eq!(
        (e.column.as_deref(), e.value.as_str()),
        (Some("Ngày giải thể"), "01/01/2011")
    );
}

#[tokio::test]
async fn report_outside_the_life_of_its_organisation() {
    let e = refused(csv(&[
        ("organizations", ORGS),
        ("annual_reports", "org_code,year,members\nA1,2011,10\n"),
    ]))
    .await;
    assert_eq!(
        (e.column.as_deref(), e.value.as_str()),
        (Some("Năm"), "2011")
    );
}

#[tokio::test]
async fn unknown_organisation_in_reports() {
    let e = refused(csv(&[(
        "annual_reports",
        "org_code,year,members\nZZ,2020,10\n",
    )]))
    .await;
    assert_eq!((e.column.as_deref(), e.value.as_str()), (Some("Mã"), "ZZ"));
}

#[tokio::test]
async fn commune_names_that_match_two_units_ask_for_the_code() {
    let e = refused(csv(&[(
        "organizations",
        "code,kind,name,sector,commune,founded_on\nA1,HTX,X,agriculture,Mỹ An,2012-01-01\n",
    )]))
    .await;
    assert_eq!(e.column.as_deref(), Some("Xã"));
    assert!(
        e.msg.vi().contains("30037") && e.msg.vi().contains("30064"),
        "{}",
        e.msg.vi()
    );
    let e = refused(csv(&[(
        "organizations",
        "code,kind,name,sector,commune,founded_on\nA1,HTX,X,agriculture,Tân Kiêu Mới,2012-01-01\n",
    )]))
    .await;
    assert!(e.msg.en().contains("No administrative unit"));
}

#[tokio::test]
async fn one_bad_row_rejects_the_whole_import() {
    let (app, _d) = app().await;
    let book = csv(&[
        ("organizations", ORGS),
        (
            "annual_reports",
            "org_code,year,members\nA1,2020,10\nA2,2020,-3\n",
        ),
    ]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(!o.applied);
    assert_eq!(counts(&app).await, (0, 0, 0));
}

#[tokio::test]
async fn ambiguous_numbers_are_read_vietnamese_style_with_a_warning() {
    let (app, _d) = app().await;
    let book = csv(&[
        ("organizations", ORGS),
        (
            "annual_reports",
            "org_code;year;revenue;profit\nA1;2020;1.600;8,5\n",
        ),
    ]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let w: Vec<_> = o.problems.iter().filter(|p| !p.is_error()).collect();
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(
        (w[0].column.as_deref(), w[0].value.as_str(), w[0].row),
        (Some("revenue"), "1.600", Some(2))
    );
    let r = &app
        .store()
        .reports_of(&hoptac_core::OrgCode::parse("A1").unwrap())
        .await
        .unwrap()[0];
    assert_eq!(r.figures.revenue.unwrap().to_string(), "1600");
    assert_eq!(r.figures.profit.unwrap().to_string(), "8.5");
}

#[tokio::test]
async fn unknown_columns_and_sheets_are_reported_not_dropped_silently() {
    let (app, _d) = app().await;
    let book = csv(&[
        (
            "organizations",
            &ORGS.replace("dissolved_on\n", "dissolved_on,Ghi chú\n"),
        ),
        ("Sheet1", "x\n1\n"),
    ]);
    let o = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(o.applied);
    assert!(
        o.problems
            .iter()
            .any(|p| p.column.as_deref() == Some("Ghi chú") && !p.is_error())
    );
    assert!(
        o.problems
            .iter()
            .any(|p| p.sheet == "Sheet1" && !p.is_error())
    );
}

#[tokio::test]
async fn a_second_import_changes_nothing() {
    let (app, _d) = app().await;
    let book = csv(&[
        ("organizations", ORGS),
        (
            "annual_reports",
            "org_code,year,members,revenue,services\nA1,2020,10,1600.5,irrigation;phun xịt\n",
        ),
    ]);
    let first = app.import_book(&sys(), &book, true).await.unwrap();
    assert!(first.applied);
    assert_eq!(first.changes(), 3);
    let second = app.import_book(&sys(), &book, true).await.unwrap();
    assert_eq!(second.changes(), 0);
    assert!(second.summary.iter().all(|s| s.new == 0 && s.changed == 0));
    assert_eq!(second.summary[1].unchanged, 2);
}

#[tokio::test]
async fn dry_run_writes_nothing() {
    let (app, _d) = app().await;
    let o = app
        .import_book(&sys(), &csv(&[("organizations", ORGS)]), false)
        .await
        .unwrap();
    assert!(!o.applied && !o.has_errors() && o.changes() == 2);
    assert_eq!(counts(&app).await, (0, 0, 0));
}

#[tokio::test]
async fn export_then_import_reproduces_the_database() {
    let (a, _d1) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    let xlsx = a
        .export_xlsx(&sys(), ExportHeaders::Vietnamese)
        .await
        .unwrap();
    let (b, _d2) = app().await;
    let o = b
        .import_bytes(&sys(), "export.xlsx", &xlsx, true)
        .await
        .unwrap();
    assert!(o.applied, "{:#?}", &o.problems[..o.problems.len().min(5)]);
    // only the demo's planted findings, as warnings: the spelling variant, the outlier and
    // the cooperative whose revenue fell to nothing in 2024
    let found: Vec<(String, Option<u32>, Option<&str>)> = o
        .problems
        .iter()
        .map(|p| (p.sheet.clone(), p.row, p.key))
        .collect();
    assert!(o.problems.iter().all(|p| !p.is_error()), "{found:?}");
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(found.iter().filter(|f| f.2 == Some("name")).count(), 1);
    assert_eq!(found.iter().filter(|f| f.2 == Some("revenue")).count(), 3);
    let (sa, sb) = (
        a.store().snapshot(None).await.unwrap(),
        b.store().snapshot(None).await.unwrap(),
    );
    let sorted = |mut s: hoptac_core::Snapshot| {
        s.units.sort_by_key(|u| u.id);
        s.orgs.sort_by(|x, y| x.code.cmp(&y.code));
        s.reports
            .sort_by(|x, y| (&x.org, x.year).cmp(&(&y.org, y.year)));
        s.managers.sort_by(|x, y| {
            (&x.org, &x.full_name, x.role, x.from).cmp(&(&y.org, &y.full_name, y.role, y.from))
        });
        s
    };
    let (sa, sb) = (sorted(sa), sorted(sb));
    assert_eq!(sa.units, sb.units);
    assert_eq!(sa.orgs, sb.orgs);
    assert_eq!(sa.reports, sb.reports);
    assert_eq!(sa.managers, sb.managers);
    assert_eq!(
        a.plans(&sys()).await.unwrap(),
        b.plans(&sys()).await.unwrap(),
        "plans and targets travel with the workbook"
    );
    assert_eq!(
        a.indicator_records().await.unwrap(),
        b.indicator_records().await.unwrap()
    );
    assert_eq!(b.plans(&sys()).await.unwrap()[0].targets.len(), 11);
    assert_eq!(
        a.store().registered_services().await.unwrap(),
        b.store().registered_services().await.unwrap(),
        "registered services travel too"
    );
    // and with machine keys as headers
    let keys = a.export_xlsx(&sys(), ExportHeaders::Keys).await.unwrap();
    let again = b
        .import_bytes(&sys(), "keys.xlsx", &keys, true)
        .await
        .unwrap();
    assert_eq!(again.changes(), 0);
}

/// A district workbook as an office keeps it: a title row, Vietnamese headers and aliases,
/// names instead of codes, Vietnamese numbers, dates as text and as Excel dates.
#[tokio::test]
async fn district_workbook_with_vietnamese_headers_gives_correct_statistics() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Tổ chức").unwrap();
    ws.write(0, 0, "DANH SÁCH HỢP TÁC XÃ, TỔ HỢP TÁC HUYỆN THÁP MƯỜI")
        .unwrap();
    for (c, h) in [
        "STT",
        "Mã số",
        "Loại hình",
        "Tên HTX",
        "Lĩnh vực",
        "Xã, thị trấn",
        "Ngày thành lập",
        "Ngày giải thể",
    ]
    .iter()
    .enumerate()
    {
        ws.write(2, c as u16, *h).unwrap();
    }
    let rows: [[&str; 8]; 4] = [
        [
            "1",
            "H1",
            "Hợp tác xã",
            "HTX DVNN Tân Kiều",
            "Dịch vụ nông nghiệp",
            "Tân Kiều",
            "15/03/2012",
            "",
        ],
        [
            "2",
            "H2",
            "hop tac xa",
            "HTX GTVT Tháp Mười",
            "giao thông vận tải",
            "Thị trấn Mỹ An",
            "2005",
            "",
        ],
        [
            "3",
            "H3",
            "HTX",
            "HTX DVNN Láng Biển 1",
            "nông nghiệp",
            "lang bien",
            "2008-01-01",
            "30/06/2018",
        ],
        [
            "4",
            "T1",
            "Tổ hợp tác",
            "THT đan lục bình Mỹ Hòa",
            "tiểu thủ công nghiệp",
            "30052",
            "2019",
            "",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write(3 + r as u32, c as u16, *v).unwrap();
            }
        }
    }
    let ws = wb.add_worksheet().set_name("Báo cáo năm").unwrap();
    for (c, h) in [
        "Mã",
        "Năm",
        "Số thành viên",
        "Thành viên mới",
        "Thành viên ra",
        "Lao động",
        "Doanh thu (triệu đồng)",
        "Lợi nhuận (triệu đồng)",
        "Dịch vụ",
        "Xếp loại",
        "Nộp BCTC",
    ]
    .iter()
    .enumerate()
    {
        ws.write(0, c as u16, *h).unwrap();
    }
    let reports: [[&str; 11]; 5] = [
        [
            "H1",
            "2016",
            "100",
            "10",
            "2",
            "8",
            "1.500,5",
            "120",
            "bơm tưới; phun xịt; cung ứng giống",
            "",
            "có",
        ],
        [
            "H1",
            "2020",
            "150",
            "60",
            "10",
            "12",
            "2000",
            "200,25",
            "Bơm tưới;làm đất",
            "khá",
            "có",
        ],
        [
            "H2",
            "2016",
            "40",
            "0",
            "0",
            "20",
            "1200",
            "-30",
            "vận chuyển",
            "",
            "không",
        ],
        [
            "H2",
            "2020",
            "45",
            "5",
            "0",
            "22",
            "1300.75",
            "50",
            "vận chuyển",
            "",
            "có",
        ],
        [
            "H3",
            "2016",
            "30",
            "0",
            "5",
            "3",
            "400",
            "10",
            "bơm tưới",
            "",
            "có",
        ],
    ];
    for (r, row) in reports.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write(1 + r as u32, c as u16, *v).unwrap();
            }
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    let (app, _d) = app().await;
    let o: ImportOutcome = app
        .import_bytes(&sys(), "tháp mười.xlsx", &bytes, true)
        .await
        .unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    assert!(
        o.problems
            .iter()
            .all(|p| p.column.as_deref() == Some("STT")),
        "only the STT column is unknown: {:#?}",
        o.problems
    );
    let s = app
        .stats(&sys(), 2016, 2020, Some("Huyện Tháp Mười"))
        .await
        .unwrap();
    let v = |id: &str| {
        let x = find(&s.indicators, id).unwrap();
        (
            x.value.map(|v| v.to_string()),
            x.base.map(|v| v.to_string()),
        )
    };
    let some = |a: &str, b: Option<&str>| (Some(a.to_string()), b.map(|b| b.to_string()));
    assert_eq!(v("htx.active"), some("2", Some("3")));
    assert_eq!(v("htx.dissolved"), some("1", None));
    assert_eq!(v("htx.members"), some("195", Some("170")));
    assert_eq!(v("htx.revenue_avg"), some("1650.375", Some("1033.5")));
    assert_eq!(v("htx.profit_avg"), some("125.125", Some("33.333333")));
    assert_eq!(v("htx.members_joined"), some("75", None));
    assert_eq!(v("htx.agri.multiservice3"), some("0", Some("1")));
    assert_eq!(v("tht.active.by_sector.handicraft"), some("1", Some("0")));
    assert_eq!(v("htx.active.by_sector.transport"), some("1", Some("1")));
    assert_eq!(s.scope, "872");
}

#[tokio::test]
async fn period_and_scope_errors_are_user_errors() {
    let (app, _d) = app().await;
    let e = app.stats(&sys(), 2020, 2016, None).await.unwrap_err();
    assert!(e.is_user_error() && e.code() == "invalid_input");
    let e = app
        .stats(&sys(), 2016, 2020, Some("Hà Nội"))
        .await
        .unwrap_err();
    assert!(e.is_user_error());
    assert!(e.message().vi().contains("Hà Nội"));
}

/// A rule shipped with a new version reaches a database made by an older one; the office's
/// own changes to the rules it already had stay.
#[tokio::test]
async fn newly_shipped_validation_rules_reach_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let store = SqliteStore::open(&path).await.unwrap();
    let app = App::new(Arc::new(store.clone()));
    app.ensure_seed().await.unwrap();
    let shipped = app.validation_rules().await.unwrap().len();
    assert_eq!(shipped, hoptac_core::rules::DEFAULT_RULES.len());
    // the office switches one rule off and rewords another
    // an older version shipped without the last rule
    let missing = hoptac_core::rules::DEFAULT_RULES.last().unwrap().0;
    let mut rules: Vec<_> = app
        .validation_rules()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.id != missing)
        .collect();
    rules[0].active = false;
    rules[1].message_vi = "Lời nhắc của phòng".into();
    let (off, reworded) = (rules[0].id.clone(), rules[1].id.clone());
    for r in [rules[0].clone(), rules[1].clone()] {
        app.save_validation_rule(&hoptac_app::Actor::system(), r)
            .await
            .unwrap();
    }
    // an older release's file, as another program would leave it: the store keeps its pool
    let other = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    sqlx::query("DELETE FROM validation_rules WHERE id = $1")
        .bind(missing)
        .execute(&other)
        .await
        .unwrap();
    other.close().await;
    let app = App::new(Arc::new(SqliteStore::open(&path).await.unwrap()));
    app.ensure_seed().await.unwrap();
    let after = app.validation_rules().await.unwrap();
    assert_eq!(after.len(), shipped);
    let get = |id: &str| after.iter().find(|r| r.id == id).unwrap();
    assert!(get(missing).active, "the new rule arrives, switched on");
    assert!(!get(&off).active, "a rule switched off stays off");
    assert_eq!(get(&reworded).message_vi, "Lời nhắc của phòng");
}

#[tokio::test]
async fn a_file_of_managers_alone_finds_the_stored_managers() {
    let (a, _d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    let xlsx = a
        .export_xlsx(&sys(), ExportHeaders::Vietnamese)
        .await
        .unwrap();
    let mut book = hoptac_exchange::read::read_xlsx(&xlsx).unwrap();
    book.sheets.retain(|s| s.name == "managers");
    assert!(book.sheets[0].rows.len() > 2, "the demo has managers");
    let o = a.import_book(&sys(), &book, false).await.unwrap();
    assert!(
        !o.has_errors(),
        "{:#?}",
        &o.problems[..o.problems.len().min(3)]
    );
    assert_eq!(
        o.changes(),
        0,
        "every manager of the file is the stored one"
    );
}

/// The export of a filtered list takes every page the store serves, not the first 500.
#[tokio::test]
async fn a_filtered_list_beyond_one_store_page_is_listed_whole() {
    let (app, _d) = app().await;
    let mut t = String::from("code,kind,name,sector,commune,founded_on,dissolved_on\n");
    for i in 0..1203 {
        let dissolved = if i % 3 == 0 { "2020-01-01" } else { "" };
        t.push_str(&format!(
            "T{i:04},THT,Tổ hợp tác số {i},agriculture,30049,2012-03-15,{dissolved}\n"
        ));
    }
    let o = app
        .import_book(&sys(), &csv(&[("organizations", &t)]), true)
        .await
        .unwrap();
    assert!(o.applied, "{:#?}", o.problems);
    let q = hoptac_store::OrgQuery {
        dissolved: Some(false),
        sort: hoptac_store::SortKey::Code,
        per_page: 25,
        ..Default::default()
    };
    let rows = app.registry_rows(&sys(), &q).await.unwrap();
    assert_eq!(rows.len(), 802);
    let codes: Vec<_> = rows.iter().map(|(r, _)| r.org.code.to_string()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(codes, sorted, "in order, none twice");
}
