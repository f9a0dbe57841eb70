//! Review of the register (rà soát): cases, review runs, year locks, duplicates, merges, rules.

pub(crate) mod case_list;
pub(crate) mod cases;
pub(crate) mod duplicates;
pub(crate) mod merges;
pub(crate) mod quality;
pub(crate) mod rules;

use crate::http::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/quality", get(quality::quality))
        .route("/quality/cases.xlsx", get(case_list::cases_export))
        .route("/quality/run", post(quality::review_run))
        .route("/quality/years", post(quality::year_lock))
        .route("/quality/place", post(quality::place))
        .route("/quality/duplicates", get(duplicates::duplicates))
        .route(
            "/quality/cases/{id}",
            get(cases::case).post(cases::case_act),
        )
        .route("/quality/cases/{id}/reopen", post(cases::case_reopen))
        .route("/quality/cases/{id}/assign", post(cases::case_assign))
        .route(
            "/quality/merge",
            get(merges::merge_preview).post(merges::merge),
        )
        .route("/quality/merges", get(merges::merges))
        .route("/quality/merges/{id}/undo", post(merges::merge_undo))
        .route("/quality/rules", get(rules::rules))
        .route(
            "/quality/rules/new",
            get(rules::rule_new_form).post(rules::rule_create),
        )
        .route(
            "/quality/rules/{id}/edit",
            get(rules::rule_edit_form).post(rules::rule_update),
        )
}
