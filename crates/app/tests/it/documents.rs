//! Official documents from the demo district: the situation report in Word with part A's
//! figures and the issuer's settings, and its Excel annex with real numbers.

use crate::{app, sys};
use std::io::Read;

/// The text runs of a .docx's body, joined.
pub fn docx_text(bytes: &[u8]) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    for piece in xml.split("<w:t xml:space=\"preserve\">").skip(1) {
        out.push_str(&piece[..piece.find("</w:t>").unwrap()]);
        out.push('\n');
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[tokio::test]
async fn the_situation_report_comes_out_in_word_with_part_a_and_the_signature() {
    let (a, _d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    let g = a
        .situation_docx(&sys(), 2016, 2020, Some("Huyện Tháp Mười"))
        .await
        .unwrap();
    assert!(g.missing.is_empty(), "the demo configures its issuer");
    let text = docx_text(&g.bytes);
    let report = a
        .situation_report(&sys(), 2016, 2020, Some("Huyện Tháp Mười"))
        .await
        .unwrap();
    // every figure of the report on screen is in the Word text, in the same order
    let mut at = 0;
    let mut figures = 0;
    for sec in &report.sections {
        for p in &sec.paragraphs {
            for i in &p.0 {
                if let hoptac_core::report::Inline::Figure { text: f, .. } = i {
                    let found = text[at..]
                        .find(f.as_str())
                        .unwrap_or_else(|| panic!("{f} after {at}"));
                    at += found + f.len();
                    figures += 1;
                }
            }
        }
    }
    assert!(figures >= 20, "{figures} figures");
    assert!(text.contains("2.697"), "part A's members");
    for line in [
        "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP",
        "/BC-UBND",
        "BÁO CÁO",
        "1. Về Hợp tác xã",
        "- Bộ Tài chính;",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Văn Minh Họa",
    ] {
        assert!(text.contains(line), "{line:?} in {text}");
    }
    // issued today, after the reform: by the new province, not the abolished district
    assert!(!text.contains("ỦY BAN NHÂN DÂN HUYỆN"), "{text}");
    // the PDF's charts: part A's trends, the base year marked, drawn from the same series
    let official = a
        .situation_official(&sys(), 2016, 2020, Some("Huyện Tháp Mười"))
        .await
        .unwrap();
    assert_eq!(official.figures.len(), 3);
    assert!(
        official.figures[0]
            .caption
            .starts_with("Hình 1. Thành viên HTX")
    );
    assert!(
        official.figures[0].svg.contains("2016 (gốc)") && official.figures[0].svg.contains("2.697")
    );
    let today = hoptac_app::today();
    assert!(text.contains(&format!("năm {}", today.year())));
}

#[tokio::test]
async fn without_settings_the_document_says_what_is_missing() {
    let (a, _d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    let mut empty = hoptac_app::documents::demo_issuer();
    empty.signer_name.clear();
    // an administrator cannot save settings a document cannot do without? The service
    // stores what it is given; the web form refuses. Here: stored incomplete.
    a.save_document_settings(&sys(), &empty).await.unwrap();
    let g = a.situation_docx(&sys(), 2016, 2020, None).await.unwrap();
    assert_eq!(
        g.missing.iter().map(|m| m.field).collect::<Vec<_>>(),
        ["signer_name"]
    );
    assert!(docx_text(&g.bytes).contains("[chưa cấu hình]"));
    assert_eq!(a.document_settings().await.unwrap(), empty);
}

#[tokio::test]
async fn the_annex_has_every_indicator_year_by_year_as_numbers() {
    use hoptac_exchange::cells::Cell as C;
    let (a, _d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    let bytes = a
        .situation_xlsx(&sys(), 2016, 2020, Some("Huyện Tháp Mười"))
        .await
        .unwrap();
    let book = hoptac_exchange::read::read_xlsx(&bytes).unwrap();
    let s = &book.sheets[0];
    let row = |id: &str| {
        s.rows
            .iter()
            .find(|(_, c)| c.first() == Some(&C::Text(id.into())))
            .map(|(_, c)| c.clone())
            .unwrap_or_else(|| panic!("{id}"))
    };
    // id, label, unit, 2016 … 2020, change
    let members = row("htx.members");
    assert_eq!(members[3], C::Number(1398.0));
    assert_eq!(members[7], C::Number(2697.0));
    assert_eq!(members[8], C::Number(0.9292), "+92,92 %, as a share");
    assert_eq!(row("tht.members")[7], C::Number(3127.0));
    assert_eq!(
        s.rows.len(),
        4 + hoptac_core::indicator::catalogue().len(),
        "every indicator"
    );
    // a period with no data is a refusal naming the field, not an empty annex
    let e = a
        .situation_xlsx(&sys(), 2020, 2016, None)
        .await
        .unwrap_err();
    assert!(matches!(e, hoptac_app::AppError::Invalid { .. }), "{e:?}");
}

#[tokio::test]
async fn the_rating_report_says_the_summary_in_words_and_tables() {
    let (a, _d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    let s = a.evaluation_summary(&sys(), 2024, None).await.unwrap();
    let g = a.evaluation_summary_docx(&sys(), 2024, None).await.unwrap();
    let text = docx_text(&g.bytes);
    let n = |v: usize| hoptac_core::report::count_vi(hoptac_core::Fixed::from_int(v as i64));
    assert!(
        text.contains(&format!(
            "Tổng số HTX thuộc diện đánh giá: {}; đã có kết quả xếp loại {}, trong đó loại tốt {}",
            n(s.htx.total()),
            n(s.htx.rated()),
            n(s.htx.tot)
        )),
        "{text}"
    );
    assert!(text.contains("Bảng 1. Kết quả xếp loại HTX năm 2024 theo xã"));
    assert!(text.contains("Bảng 2. Kết quả xếp loại HTX 2020 – 2024"));
    for f in &s.fell {
        assert!(text.contains(&f.name), "{} fell", f.name);
    }
}

#[tokio::test]
async fn an_organisation_profile_has_its_registration_figures_managers_and_ratings() {
    let (a, _d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    let doc = a.org_profile_official(&sys(), "HTX-TM-12").await.unwrap();
    assert_eq!(doc.body.title, "Thông tin hợp tác xã HTX DVNN Phước Thành");
    let text = docx_text(&hoptac_app::documents::docx(doc.clone()).unwrap().bytes);
    assert!(
        text.contains("Loại hình: Hợp tác xã; lĩnh vực: Nông nghiệp"),
        "{text}"
    );
    assert!(
        text.contains("Kết quả đánh giá, xếp loại đã duyệt: năm 2020:"),
        "{text}"
    );
    // one row a reported year, the same figures as the registry
    let detail = a.org_detail(&sys(), "HTX-TM-12").await.unwrap();
    assert_eq!(doc.tables[0].rows.len(), detail.reports.len());
    let last = detail.reports.iter().max_by_key(|r| r.year).unwrap();
    let row = doc.tables[0]
        .rows
        .iter()
        .find(|r| r[0] == last.year.to_string())
        .unwrap();
    assert_eq!(
        row[3],
        hoptac_core::report::money_vi(last.figures.revenue.unwrap())
    );
    assert_eq!(doc.figures.len(), 2);
    // another organisation's account may not print it
    let s = a
        .login("htx.tankieu", hoptac_demo::district::DEMO_PASSWORD, "x")
        .await
        .unwrap();
    let coop = a.session(&s.token, "x").await.unwrap().unwrap().actor;
    assert!(matches!(
        a.org_profile_official(&coop, "HTX-TM-12").await,
        Err(hoptac_app::AppError::Forbidden)
    ));
}

#[tokio::test]
async fn the_plan_annex_has_one_row_a_target_with_its_figures() {
    use hoptac_exchange::cells::Cell as C;
    let (a, _d) = app().await;
    hoptac_demo::load_demo(&a).await.unwrap();
    let code = hoptac_demo::plan::PLAN_CODE;
    let p = a.plan_progress(&sys(), code, None).await.unwrap();
    let book =
        hoptac_exchange::read::read_xlsx(&a.plan_xlsx(&sys(), code, None).await.unwrap()).unwrap();
    let s = &book.sheets[0];
    assert_eq!(s.rows.len(), 4 + p.targets.len());
    // target 2 (HTX members): its baseline and its 2021 value, as numbers
    let t2 = p.targets.iter().find(|t| t.target.no == "2").unwrap();
    let row = &s
        .rows
        .iter()
        .find(|(_, c)| c.first() == Some(&C::Text("2".into())))
        .unwrap()
        .1;
    let as_f = |v: Option<hoptac_core::Fixed>| C::Number(v.unwrap().to_f64());
    assert_eq!(row[3], as_f(t2.baseline));
    assert_eq!(
        row[5],
        as_f(
            t2.years
                .iter()
                .find(|y| y.year == p.plan.from)
                .unwrap()
                .value
        )
    );
}
