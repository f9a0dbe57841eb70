//! One organisation's profile as an official document (hồ sơ tổ chức), in Word or PDF.

use crate::http::error::WebError;
use crate::http::request::Params;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;

pub(crate) async fn profile(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let doc = st
        .app
        .org_profile_official(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    // the code was found in the registry: only [A-Za-z0-9-] reaches the file name
    let format = q.get("format").map(String::as_str).unwrap_or("docx");
    let stem = format!("ho-so-{}", crate::http::download::file_part(&code));
    crate::http::download::official_download(&st, l, doc, format, &stem).await
}
