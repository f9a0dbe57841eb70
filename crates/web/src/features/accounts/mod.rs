//! Sign-in, passwords, accounts and the audit trail (tài khoản, nhật ký).

pub(crate) mod audit;
pub(crate) mod login;
pub(crate) mod manage;

use crate::http::state::AppState;
use crate::http::state::LOGIN_LIMIT;
use axum::Router;
use axum::routing::{get, post};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/login",
            get(login::login_form)
                .post(login::login)
                .layer(axum::extract::DefaultBodyLimit::max(LOGIN_LIMIT)),
        )
        .route("/logout", post(login::logout))
        .route("/password", get(login::password_form).post(login::password))
        .route("/accounts", get(manage::accounts))
        .route(
            "/accounts/new",
            get(manage::account_new_form).post(manage::account_create),
        )
        .route(
            "/accounts/{name}/edit",
            get(manage::account_edit_form).post(manage::account_update),
        )
        .route("/audit", get(audit::audit))
        .route("/orgs/{code}/history", get(audit::org_history))
}
