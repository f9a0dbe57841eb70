//! Reading an uploaded file (and the form fields beside it) within the upload limit.

use crate::http::error::WebError;
use crate::http::forms::bad;
use crate::http::i18n::Lang;
use axum::extract::Multipart;
use axum::http::StatusCode;
use hoptac_app::AppError;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::time::Instant;

pub(crate) fn token() -> String {
    let a = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(Instant::now().elapsed().as_nanos());
    format!("{a:016x}{:016x}", h.finish())
}

/// The `file` field of a multipart form: its name and bytes, or a clear error (too large,
/// unreadable, none chosen).
pub(crate) async fn uploaded_file(
    l: Lang,
    mp: &mut Multipart,
) -> Result<(String, Vec<u8>), WebError> {
    uploaded_file_and_fields(l, mp)
        .await
        .map(|(name, bytes, _)| (name, bytes))
}

/// The `file` field of a multipart form and its other (text) fields.
pub(crate) async fn uploaded_file_and_fields(
    l: Lang,
    mp: &mut Multipart,
) -> Result<(String, Vec<u8>, HashMap<String, String>), WebError> {
    let e = |err| WebError::new(l, err);
    let mut file = None;
    let mut fields = HashMap::new();
    let upload_error = |x: axum::extract::multipart::MultipartError, name: &str| {
        if x.status() == StatusCode::PAYLOAD_TOO_LARGE {
            return e(AppError::TooLarge(crate::http::state::MAX_UPLOAD));
        }
        e(bad(
            "file",
            name,
            hoptac_core::msg!("web.unreadable_upload", x = x),
        ))
    };
    while let Some(field) = mp.next_field().await.map_err(|x| upload_error(x, ""))? {
        match field.name().map(str::to_string) {
            Some(n) if n == "file" => {
                let name = field.file_name().unwrap_or("upload.xlsx").to_string();
                let bytes = field.bytes().await.map_err(|x| upload_error(x, &name))?;
                file = Some((name, bytes.to_vec()));
            }
            Some(n) => {
                let text = field.text().await.map_err(|x| upload_error(x, &n))?;
                fields.insert(n, text);
            }
            None => {}
        }
    }
    let (name, bytes) = file
        .filter(|(_, b)| !b.is_empty())
        .ok_or_else(|| e(bad("file", "", hoptac_core::msg!("web.no_file_chosen"))))?;
    Ok((name, bytes, fields))
}
