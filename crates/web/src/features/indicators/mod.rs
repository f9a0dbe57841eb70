//! The indicator catalogue and the office's own indicators (chỉ tiêu thống kê).

pub(crate) mod handlers;
pub(crate) mod records;

use crate::http::state::AppState;
use axum::Router;
use axum::routing::get;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/indicators", get(handlers::indicators))
        .route("/indicators/{id}/records", get(records::records))
        .route(
            "/indicators/new",
            get(handlers::indicator_new_form).post(handlers::indicator_create),
        )
        .route(
            "/indicators/{id}/edit",
            get(handlers::indicator_edit_form).post(handlers::indicator_update),
        )
}
