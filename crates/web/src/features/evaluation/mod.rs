//! Evaluation and classification of cooperatives by the official rubrics (đánh giá, xếp loại).

pub(crate) mod list;
pub(crate) mod rubrics;
pub(crate) mod sheet;
pub(crate) mod sheet_checks;

use crate::http::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/evaluations", get(list::evaluations))
        .route(
            "/evaluations/{code}/{year}/classification",
            post(sheet::classification_post),
        )
        .route("/evaluations/summary.xlsx", get(sheet::summary_xlsx))
        .route("/rubrics", get(rubrics::rubrics).post(rubrics::load))
        .route("/rubrics/document", get(rubrics::document))
        .route(
            "/evaluations/{code}/{year}",
            get(sheet::evaluation).post(sheet::evaluation_post),
        )
        .route(
            "/evaluations/{code}/{year}/sheet.xlsx",
            get(sheet::sheet_xlsx),
        )
        .route(
            "/evaluations/{code}/{year}/sheet",
            post(sheet::sheet_upload),
        )
}
