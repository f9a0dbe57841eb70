//! The web UI of hoptac: server-rendered HTML (axum + askama), Vietnamese by default with an
//! English switch, no external assets, usable on a phone and an old office PC.
//!
//! `http` is the plumbing (state, session, CSRF, errors, layout, helpers); `features` holds one
//! folder per feature with its routes, handlers and views. This file only assembles them.

mod features;
mod http;

pub use http::i18n;
pub use http::state::MAX_UPLOAD;

use axum::Router;
use axum::routing::get;
use hoptac_app::App;
use http::state::AppState;
use std::sync::Arc;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use hoptac_documents::render::{Renderer, WordOnly};

/// The whole site over `app`; `renderer` makes the PDF and Word downloads (the binary hands
/// in the typesetter; [`WordOnly`] serves Word and answers a PDF with 501).
pub fn router(app: App, renderer: Arc<dyn Renderer>) -> Router {
    let state = AppState {
        app,
        renderer,
        pending: Arc::default(),
        results: Arc::default(),
        trusted: Arc::new(http::session::trusted_proxies_from_env()),
    };
    use axum::http::header::{HeaderName, HeaderValue};
    features::routes()
        .route("/lang/{lang}", get(http::assets::switch_lang))
        .route("/static/app.css", get(http::assets::css))
        .route("/static/app.js", get(http::assets::js))
        .route("/healthz", get(|| async { "ok" }))
        .fallback(http::assets::not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), http::session::csrf))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD))
        .layer(RequestBodyLimitLayer::new(MAX_UPLOAD + 64 * 1024))
        // pages carry one person's data: no browser or proxy keeps them (the assets say
        // otherwise for themselves)
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ))
        .layer(SetResponseHeaderLayer::overriding(HeaderName::from_static("x-content-type-options"), HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(HeaderName::from_static("x-frame-options"), HeaderValue::from_static("DENY")))
        // an upload's address carries its CSRF token: no other site is told the address
        .layer(SetResponseHeaderLayer::overriding(HeaderName::from_static("referrer-policy"), HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("content-security-policy"),
            HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"),
        ))
        .with_state(state)
}

/// Serves until Ctrl-C (SIGINT) or SIGTERM, then finishes the requests under way.
pub async fn serve(
    app: App,
    renderer: Arc<dyn Renderer>,
    listener: tokio::net::TcpListener,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(app, renderer).into_make_service_with_connect_info::<std::net::SocketAddr>(),
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
