//! Official documents: the situation report, the organisation profile, the issuer settings.

pub(crate) mod profile;
pub(crate) mod settings;
pub(crate) mod situation;
pub(crate) mod views;

use crate::http::state::AppState;
use axum::Router;
use axum::routing::get;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/report/situation", get(situation::situation))
        .route("/orgs/{code}/profile", get(profile::profile))
        .route(
            "/settings/documents",
            get(settings::settings_form).post(settings::settings_save),
        )
}
