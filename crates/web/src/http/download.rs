//! Downloads: content types, safe file names, and official documents typeset off the request
//! threads.

use crate::http::error;
use crate::http::i18n;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub(crate) const DOCX: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

pub(crate) const PDF: &str = "application/pdf";

pub(crate) const MARKDOWN: &str = "text/markdown; charset=utf-8";

/// A code or id made safe for a file name: letters, digits and `-` only.
pub(crate) fn file_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A file to download under `name`; whatever the caller built the name from, only ASCII
/// letters, digits, `.`, `_` and `-` reach the header.
pub(crate) fn download(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    (
        [
            (CONTENT_TYPE, content_type.to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// An official text as a download named `stem`: PDF when `format` is "pdf", else Word with
/// its charts drawn. Typeset off the request threads (typst is CPU-bound: tens of ms).
pub(crate) async fn official_download(
    st: &crate::http::state::AppState,
    l: i18n::Lang,
    doc: hoptac_core::official::OfficialDoc,
    format: &str,
    stem: &str,
) -> Result<axum::response::Response, error::WebError> {
    use hoptac_documents::render::RenderError;
    let pdf = format == "pdf";
    let fault = |e: String| error::WebError::new(l, hoptac_app::AppError::internal(e));
    let renderer = st.renderer.clone();
    let bytes = tokio::task::spawn_blocking(move || {
        if pdf {
            renderer.pdf(&doc)
        } else {
            renderer.docx(&doc)
        }
    })
    .await
    .map_err(|e| fault(format!("document: {e}")))?
    .map_err(|e| match e {
        RenderError::Unavailable => {
            error::WebError::new(l, hoptac_app::AppError::Unsupported("PDF"))
        }
        RenderError::Failed(m) => fault(format!("document: {m}")),
    })?;
    let (kind, ext) = if pdf { (PDF, "pdf") } else { (DOCX, "docx") };
    Ok(download(kind, &format!("{stem}.{ext}"), bytes))
}

/// A report asked for as a file (`format` docx, pdf or md) under `stem`, or `None` when the
/// page itself was asked for: the plan's assessment, its closing and the next plan's draft
/// answer the same three formats the same way.
pub(crate) async fn report_download(
    st: &crate::http::state::AppState,
    l: i18n::Lang,
    doc: &hoptac_core::report::Document,
    format: Option<&str>,
    stem: &str,
) -> Result<Option<Response>, error::WebError> {
    match format {
        Some(f @ ("docx" | "pdf")) => {
            let official = st
                .app
                .official_doc(doc.clone(), hoptac_core::official::DocKind::Report, vec![])
                .await
                .map_err(|e| error::WebError::new(l, e))?;
            official_download(st, l, official, f, stem).await.map(Some)
        }
        Some("md") => Ok(Some(download(
            MARKDOWN,
            &format!("{stem}.md"),
            hoptac_core::report::render_md(doc).into_bytes(),
        ))),
        _ => Ok(None),
    }
}
