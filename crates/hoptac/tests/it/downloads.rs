//! The official texts as the server sends them with the typesetter the binary links: PDF
//! with embedded fonts whose text extracts (pdftotext), and Word files with their charts
//! drawn. (The web crate's own tests run without typst and check the rest.)

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use std::sync::Arc;
use tower::ServiceExt;

struct Site {
    router: axum::Router,
    cookie: String,
    app: hoptac_app::App,
    _dir: hoptac_store_conformance::TestDb,
}

/// The demo on a fresh database of the backend the run asks for (`HOPTAC_TEST_BACKEND`).
async fn site() -> Site {
    let (store, dir) = hoptac_store_conformance::TestDb::new().await;
    let app = hoptac_app::App::new(store);
    app.ensure_seed().await.unwrap();
    hoptac_demo::load_demo(&app).await.unwrap();
    let s = app
        .login("quantri", hoptac_demo::district::DEMO_PASSWORD, "127.0.0.9")
        .await
        .unwrap();
    Site {
        router: hoptac_web::router(app.clone(), Arc::new(hoptac_pdf::Typst)),
        cookie: format!("hoptac_session={}", s.token),
        app,
        _dir: dir,
    }
}

async fn fetch(s: &Site, uri: &str) -> (StatusCode, String, Vec<u8>) {
    let req = Request::get(uri)
        .header(header::COOKIE, &s.cookie)
        .body(Body::empty())
        .unwrap();
    let r = s.router.clone().oneshot(req).await.unwrap();
    let status = r.status();
    let kind = r
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = r.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, kind, bytes)
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn the_situation_report_as_pdf_carries_every_figure_and_as_word_its_charts() {
    let s = site().await;
    let (status, kind, pdf) = fetch(&s, "/report/situation?from=2016&to=2020&format=pdf").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind, "application/pdf");
    assert!(pdf.starts_with(b"%PDF"));
    let text = pdf_text(&pdf);
    let report = s
        .app
        .situation_report(&hoptac_app::Actor::system(), 2016, 2020, None)
        .await
        .unwrap();
    let mut figures = 0;
    for sec in &report.sections {
        assert!(text.contains(&sec.heading), "{} in the PDF", sec.heading);
        for p in &sec.paragraphs {
            for i in &p.0 {
                if let hoptac_core::report::Inline::Figure { text: f, .. } = i {
                    assert!(text.contains(f.as_str()), "{f} in the PDF");
                    figures += 1;
                }
            }
        }
    }
    assert!(
        figures >= 20 && text.contains("Nguyễn Văn Minh Họa"),
        "{text}"
    );

    let (status, _, docx) = fetch(&s, "/report/situation?from=2016&to=2020&format=docx").await;
    assert_eq!(status, StatusCode::OK);
    let body = String::from_utf8_lossy(&docx);
    // part A's three trends drawn as pictures (file names are stored plainly in a zip)
    for n in 1..=3 {
        assert!(
            body.contains(&format!("word/media/chart{n}.png")),
            "chart {n}"
        );
    }
}

#[tokio::test]
async fn a_profile_and_the_plan_assessment_as_pdf() {
    let s = site().await;
    let (status, _, pdf) = fetch(&s, "/orgs/HTX-TM-07/profile?format=pdf").await;
    assert_eq!(status, StatusCode::OK);
    let text = pdf_text(&pdf);
    assert!(text.contains("HTX DVNN Tân Kiều"));
    // its products and the stars each holds (issue 17)
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Gạo thơm Tân Kiều") && flat.contains("OCOP 4 sao"),
        "{flat}"
    );
    // and its planting area and linkage contract
    assert!(
        flat.contains("VN-87-872-30049-01-21") && flat.contains("HDLK-2026-01"),
        "{flat}"
    );
    let (status, _, _) = fetch(&s, "/orgs/KHONG-CO/profile?format=pdf").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, pdf) = fetch(&s, "/plans/TM-KTTT-2021-2026/report?format=pdf").await;
    assert_eq!(status, StatusCode::OK);
    assert!(pdf.starts_with(b"%PDF"));
}
