//! The web UI of hoptac: server-rendered HTML (axum + askama), Vietnamese by default with an
//! English switch, no external assets, usable on a phone and an old office PC.

mod auth_pages;
mod doc_settings;
mod error;
mod evaluation_sheet;
mod evaluations;
mod handlers;
pub mod i18n;
mod page;
mod plans;
mod profile;
mod rubrics;
mod session;

use axum::Router;
use axum::routing::{get, post};
use hoptac_app::App;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// An uploaded file checked but not yet confirmed.
struct Pending {
    file_name: String,
    bytes: Vec<u8>,
    at: Instant,
}

/// A checked upload's outcome, for paging its problems.
struct Checked {
    user: String,
    file_name: String,
    outcome: hoptac_app::ImportOutcome,
    at: Instant,
}

#[derive(Clone)]
pub struct AppState {
    app: App,
    pending: Arc<Mutex<HashMap<String, Pending>>>,
    /// Checked uploads kept for the other pages of their problems.
    results: Arc<Mutex<HashMap<String, Checked>>>,
    /// Proxies whose `X-Forwarded-For` names the client.
    trusted: Arc<Vec<std::net::IpAddr>>,
}

/// Uploads larger than this are refused before they are read (a district workbook is
/// well under 10 MB).
pub const MAX_UPLOAD: usize = 32 * 1024 * 1024;
/// A login form is two short fields: anything larger is refused before it is read.
const LOGIN_LIMIT: usize = 16 * 1024;
const PENDING_TTL: Duration = Duration::from_secs(30 * 60);

pub fn router(app: App) -> Router {
    let state = AppState {
        app,
        pending: Arc::default(),
        results: Arc::default(),
        trusted: Arc::new(session::trusted_proxies_from_env()),
    };
    use axum::http::header::{HeaderName, HeaderValue};
    Router::new()
        .route("/", get(handlers::dashboard))
        .route("/orgs", get(handlers::registry))
        .route("/orgs/new", get(handlers::org_new_form).post(handlers::org_create))
        .route("/orgs/{code}", get(handlers::org_page))
        .route("/orgs/{code}/edit", get(handlers::org_edit_form).post(handlers::org_update))
        .route("/orgs/{code}/reports/new", get(handlers::report_new_form).post(handlers::report_save))
        .route("/orgs/{code}/reports/{year}/edit", get(handlers::report_edit_form).post(handlers::report_save))
        .route("/import", get(handlers::import_form).post(handlers::import_check))
        .route("/import/confirm", post(handlers::import_confirm))
        .route("/import/problems", get(handlers::import_problems))
        .route("/export.xlsx", get(handlers::export))
        .route("/report/situation", get(handlers::situation))
        .route("/orgs/{code}/profile", get(profile::profile))
        .route("/plans", get(plans::plans))
        .route("/plans/new", get(plans::plan_new_form).post(plans::plan_create))
        .route("/plans/{code}", get(plans::plan))
        .route("/plans/{code}/edit", get(plans::plan_edit_form).post(plans::plan_update))
        .route("/plans/{code}/report", get(plans::plan_report))
        .route("/plans/{code}/targets/new", get(plans::target_new_form).post(plans::target_create))
        .route("/plans/{code}/targets/{no}", get(plans::drill))
        .route("/plans/{code}/targets/{no}/edit", get(plans::target_edit_form).post(plans::target_update))
        .route("/indicators", get(plans::indicators))
        .route("/indicators/new", get(plans::indicator_new_form).post(plans::indicator_create))
        .route("/indicators/{id}/edit", get(plans::indicator_edit_form).post(plans::indicator_update))
        .route(
            "/login",
            get(auth_pages::login_form)
                .post(auth_pages::login)
                .layer(axum::extract::DefaultBodyLimit::max(LOGIN_LIMIT)),
        )
        .route("/logout", post(auth_pages::logout))
        .route("/password", get(auth_pages::password_form).post(auth_pages::password))
        .route("/accounts", get(auth_pages::accounts))
        .route("/accounts/new", get(auth_pages::account_new_form).post(auth_pages::account_create))
        .route("/accounts/{name}/edit", get(auth_pages::account_edit_form).post(auth_pages::account_update))
        .route("/audit", get(auth_pages::audit))
        .route("/quality", get(handlers::quality))
        .route("/quality/run", post(handlers::review_run))
        .route("/quality/years", post(handlers::year_lock))
        .route("/quality/duplicates", get(handlers::duplicates))
        .route("/quality/cases/{id}", get(handlers::case).post(handlers::case_act))
        .route("/quality/merge", get(handlers::merge_preview).post(handlers::merge))
        .route("/evaluations", get(evaluations::evaluations))
        .route(
            "/evaluations/{code}/{year}/classification",
            post(evaluation_sheet::classification_post),
        )
        .route("/evaluations/summary.xlsx", get(evaluation_sheet::summary_xlsx))
        .route(
            "/settings/documents",
            get(doc_settings::settings_form).post(doc_settings::settings_save),
        )
        .route("/rubrics", get(rubrics::rubrics).post(rubrics::load))
        .route("/rubrics/document", get(rubrics::document))
        .route(
            "/evaluations/{code}/{year}",
            get(evaluation_sheet::evaluation).post(evaluation_sheet::evaluation_post),
        )
        .route("/evaluations/{code}/{year}/sheet.xlsx", get(evaluation_sheet::sheet_xlsx))
        .route("/evaluations/{code}/{year}/sheet", post(evaluation_sheet::sheet_upload))
        .route("/quality/merges", get(handlers::merges))
        .route("/quality/merges/{id}/undo", post(handlers::merge_undo))
        .route("/quality/rules", get(handlers::rules))
        .route("/quality/rules/new", get(handlers::rule_new_form).post(handlers::rule_create))
        .route("/quality/rules/{id}/edit", get(handlers::rule_edit_form).post(handlers::rule_update))
        .route("/orgs/{code}/history", get(auth_pages::org_history))
        .route("/lang/{lang}", get(handlers::switch_lang))
        .route("/static/app.css", get(handlers::css))
        .route("/static/app.js", get(handlers::js))
        .route("/healthz", get(|| async { "ok" }))
        .fallback(handlers::not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), session::csrf))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD))
        .layer(RequestBodyLimitLayer::new(MAX_UPLOAD + 64 * 1024))
        .layer(SetResponseHeaderLayer::overriding(HeaderName::from_static("x-content-type-options"), HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(HeaderName::from_static("x-frame-options"), HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"),
        ))
        .with_state(state)
}

/// Serves until Ctrl-C (SIGINT) or SIGTERM, then finishes the requests under way.
pub async fn serve(app: App, listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
    tracing::info!("shutting down: finishing the requests under way");
}

/// An official text as a download named `stem`: PDF when `format` is "pdf", else Word with
/// its charts drawn. Typeset off the request threads (typst is CPU-bound: tens of ms).
pub(crate) async fn official_download(
    l: i18n::Lang,
    doc: hoptac_core::official::OfficialDoc,
    format: &str,
    stem: &str,
) -> Result<axum::response::Response, error::WebError> {
    let pdf = format == "pdf";
    let fault = |e: String| error::WebError::new(l, hoptac_app::AppError::internal(e));
    let bytes = tokio::task::spawn_blocking(move || {
        if pdf {
            hoptac_documents::pdf::write_pdf(&doc)
        } else {
            hoptac_documents::pdf::docx_with_charts(&doc)
        }
    })
    .await
    .map_err(|e| fault(format!("document: {e}")))?
    .map_err(|e| fault(format!("document: {e}")))?;
    let (kind, ext) = if pdf {
        (handlers::PDF, "pdf")
    } else {
        (handlers::DOCX, "docx")
    };
    Ok(handlers::download(kind, &format!("{stem}.{ext}"), bytes))
}
