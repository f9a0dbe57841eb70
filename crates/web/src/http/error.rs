//! Errors at the HTTP edge: a user's mistake is a 400/404 page in their language, never a
//! 500; a system fault is logged and answered with a generic page.

use crate::http::i18n::Lang;
use crate::http::layout::ErrorPage;
use crate::http::layout::Page;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use hoptac_app::AppError;

pub(crate) struct WebError {
    pub lang: Lang,
    pub err: AppError,
}

impl WebError {
    pub fn new(lang: Lang, err: AppError) -> WebError {
        WebError { lang, err }
    }
}

pub(crate) fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(s) => Html(s).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response()
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = match &self.err {
            AppError::NotFound { .. } => StatusCode::NOT_FOUND,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::Throttled(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            // the representation does not exist in this build (a 4xx: nothing failed)
            AppError::Unsupported(_) => StatusCode::NOT_FOUND,
            e if e.is_user_error() => StatusCode::BAD_REQUEST,
            e if e.is_busy() => {
                tracing::warn!(code = e.code(), error = %e, "request refused: busy");
                StatusCode::SERVICE_UNAVAILABLE
            }
            e => {
                tracing::error!(code = e.code(), error = %e, "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        let m = self.err.message();
        let page = ErrorPage {
            p: Page::new(self.lang, false, "error_title"),
            code: format!("{} · {}", self.err.code(), m.code()),
            message: m.get(self.lang.code()).to_string(),
            other: m
                .get(if self.lang == Lang::Vi { "en" } else { "vi" })
                .to_string(),
        };
        let mut r = render(&page);
        *r.status_mut() = status;
        if status == StatusCode::SERVICE_UNAVAILABLE {
            r.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("5"),
            );
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoptac_store::StoreError;

    #[test]
    fn a_busy_database_is_a_503_to_retry_not_a_500() {
        for err in [
            StoreError::Conflict {
                expected: 14,
                found: 15,
            },
            StoreError::Busy("pool timed out".into()),
        ] {
            let r = WebError::new(Lang::Vi, AppError::Store(err)).into_response();
            assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(r.headers()[axum::http::header::RETRY_AFTER], "5");
        }
        let other = AppError::Store(StoreError::Migrate("x".into()));
        assert_eq!(other.code(), "storage_error");
        assert_eq!(
            WebError::new(Lang::Vi, other).into_response().status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
