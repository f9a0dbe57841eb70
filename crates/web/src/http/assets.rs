//! Static assets (CSS, JS), the language switch and the not-found page.

use crate::http::error::WebError;
use crate::http::format::local_path;
use crate::http::request::Params;
use crate::http::request::Path;
use crate::http::request::lang;
use axum::extract::Query;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use hoptac_app::AppError;

/// Sets the language cookie and goes back to the page the switch was pressed on (a local
/// path only: never an open redirect).
pub(crate) async fn switch_lang(
    Path(to): Path<String>,
    h: HeaderMap,
    Query(q): Params,
) -> Response {
    let referer = h
        .get(axum::http::header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| {
            let rest = r.split_once("://").map(|(_, x)| x).unwrap_or(r);
            rest.find('/').map(|i| rest[i..].to_string())
        });
    let back = q
        .get("back")
        .cloned()
        .or(referer)
        .and_then(|b| local_path(&b))
        .unwrap_or_else(|| "/".into());
    let cookie = if to == "en" {
        "lang=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
    } else {
        "lang=vi; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
    };
    (
        StatusCode::SEE_OTHER,
        [(SET_COOKIE, cookie.to_string()), (LOCATION, back)],
    )
        .into_response()
}

pub(crate) async fn css() -> Response {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/app.css"),
    )
        .into_response()
}

pub(crate) async fn js() -> Response {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/app.js"),
    )
        .into_response()
}

pub(crate) async fn not_found(h: HeaderMap) -> Response {
    WebError::new(lang(&h), AppError::not_found("page", "")).into_response()
}
