//! The first run (đơn vị của cơ quan): the first administrator finds the office's unit in
//! the national register, by typing part of its name without diacritics, and chooses it;
//! its province is loaded with both versions and it becomes the default scope.

mod handlers;
mod views;

use crate::http::state::AppState;
use axum::Router;
use axum::routing::get;

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/setup", get(handlers::setup).post(handlers::choose))
}
