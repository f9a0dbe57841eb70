//! The dashboard (tổng quan): the indicators of a period and scope, with trends.

pub(crate) mod handlers;
pub(crate) mod map;
pub(crate) mod views;

use crate::http::state::AppState;
use axum::Router;
use axum::routing::get;

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/", get(handlers::dashboard))
}
