//! Workbook import (check, preview, confirm) and export (nhập, xuất dữ liệu).

pub(crate) mod handlers;
pub(crate) mod views;

use crate::http::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/import",
            get(handlers::import_form).post(handlers::import_check),
        )
        .route("/import/confirm", post(handlers::import_confirm))
        .route("/import/problems", get(handlers::import_problems))
        .route("/export.xlsx", get(handlers::export))
}
