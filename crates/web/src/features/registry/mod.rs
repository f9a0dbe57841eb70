//! The register of organisations (sổ đăng ký): list, page, create and edit, and their yearly
//! reports (báo cáo năm), their managers
//! (cán bộ quản lý) and corrections (sửa sai).

pub(crate) mod corrections;
pub(crate) mod edit;
pub(crate) mod list;
pub(crate) mod managers;
pub(crate) mod org;
pub(crate) mod org_archive;
pub(crate) mod reports;
pub(crate) mod versions;
pub(crate) mod views;

use crate::http::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/orgs", get(list::registry))
        .route("/orgs/export.xlsx", get(list::registry_export))
        .route("/orgs/new", get(edit::org_new_form).post(edit::org_create))
        .route("/orgs/archived", get(org_archive::archived_orgs))
        .route(
            "/orgs/archived/{id}/restore",
            post(org_archive::org_restore),
        )
        .route("/orgs/{code}", get(org::org_page))
        .route(
            "/orgs/{code}/archive",
            get(org_archive::org_archive_form).post(org_archive::org_archive),
        )
        .route(
            "/orgs/{code}/edit",
            get(edit::org_edit_form).post(edit::org_update),
        )
        .route(
            "/orgs/{code}/reports/new",
            get(reports::report_new_form).post(reports::report_save),
        )
        .route(
            "/orgs/{code}/reports/{year}/edit",
            get(reports::report_edit_form).post(reports::report_save),
        )
        .route(
            "/orgs/{code}/reports/{year}/archive",
            get(corrections::archive_form).post(corrections::archive),
        )
        .route(
            "/orgs/{code}/archived/{id}/restore",
            post(corrections::restore),
        )
        .route(
            "/orgs/{code}/managers/new",
            get(managers::manager_new_form).post(managers::manager_create),
        )
        .route(
            "/orgs/{code}/managers/{slug}/edit",
            get(managers::manager_edit_form).post(managers::manager_update),
        )
}
