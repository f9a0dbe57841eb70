//! Rough edges a clerk meets: addresses that do not parse, uploads whose URL carried the
//! CSRF token, files that cannot be read, codes shown where labels belong.

use crate::demo_app;
use crate::http::{get, multipart, with_session};
use axum::http::{StatusCode, header};
use tower::ServiceExt;

#[tokio::test]
async fn an_address_that_does_not_parse_is_a_page_not_found_in_vietnamese() {
    let (admin, _d) = demo_app().await;
    for uri in ["/evaluations/HTX-TM-07/abc", "/review/cases/x1"] {
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
