//! One folder per feature: its routes, handlers and views. A feature uses `crate::http` and
//! the application; features do not form cycles among themselves.

pub(crate) mod accounts;
pub(crate) mod books;
pub(crate) mod clubs;
pub(crate) mod dashboard;
pub(crate) mod documents;
pub(crate) mod evaluation;
pub(crate) mod exchange;
pub(crate) mod indicators;
pub(crate) mod plans;
pub(crate) mod products;
pub(crate) mod public;
pub(crate) mod registry;
pub(crate) mod review;
pub(crate) mod setup;
pub(crate) mod support;
pub(crate) mod todo;
pub(crate) mod trace;
pub(crate) mod training;

use crate::http::state::AppState;
use axum::Router;

/// Every feature's routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .merge(accounts::routes())
        .merge(books::routes())
        .merge(clubs::routes())
        .merge(dashboard::routes())
        .merge(documents::routes())
        .merge(evaluation::routes())
        .merge(exchange::routes())
        .merge(indicators::routes())
        .merge(plans::routes())
        .merge(products::routes())
        .merge(public::routes())
        .merge(registry::routes())
        .merge(review::routes())
        .merge(setup::routes())
        .merge(support::routes())
        .merge(todo::routes())
        .merge(trace::routes())
        .merge(training::routes())
}
