//! Plans and their targets, progress and the drill-down to records (kế hoạch, chỉ tiêu).

pub(crate) mod closing;
pub(crate) mod plan;
pub(crate) mod targets;
pub(crate) mod task_form;
pub(crate) mod tasks;
pub(crate) mod views;

use crate::http::state::AppState;
use axum::Router;
use axum::routing::get;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/plans", get(plan::plans))
        .route(
            "/plans/new",
            get(plan::plan_new_form).post(plan::plan_create),
        )
        .route("/plans/{code}", get(plan::plan))
        .route(
            "/plans/{code}/edit",
            get(plan::plan_edit_form).post(plan::plan_update),
        )
        .route("/plans/{code}/report", get(plan::plan_report))
        .route("/plans/{code}/closing", get(closing::closing))
        .route("/plans/{code}/tasks", get(tasks::tasks_page))
        .route(
            "/plans/{code}/tasks/new",
            get(task_form::task_new_form).post(task_form::task_create),
        )
        .route(
            "/plans/{code}/tasks/{number}/edit",
            get(task_form::task_edit_form).post(task_form::task_update),
        )
        .route(
            "/plans/{code}/offices",
            get(task_form::offices_form).post(task_form::offices_save),
        )
        .route(
            "/plans/{code}/tasks/{number}",
            get(tasks::status_form).post(tasks::status_save),
        )
        .route(
            "/plans/{code}/next",
            get(closing::next_plan).post(closing::next_plan_save),
        )
        .route(
            "/plans/{code}/targets/new",
            get(targets::target_new_form).post(targets::target_create),
        )
        .route("/plans/{code}/targets/{no}", get(targets::drill))
        .route(
            "/plans/{code}/targets/{no}/edit",
            get(targets::target_edit_form).post(targets::target_update),
        )
}
