//! One organisation's profile as an official document (hồ sơ tổ chức), in Word or PDF.

use crate::AppState;
use crate::error::WebError;
use crate::handlers::{Params, WebResult, download, lang};
use crate::session::CurrentUser;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;

pub async fn profile(
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
    let name = format!("ho-so-{}", doc_code(&code));
    match q.get("format").map(String::as_str) {
        Some("pdf") => Ok(download(
            "application/pdf",
            &format!("{name}.pdf"),
            crate::pdf(l, doc).await?,
        )),
        _ => Ok(download(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            &format!("{name}.docx"),
            crate::docx(l, doc).await?,
        )),
    }
}

fn doc_code(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}
