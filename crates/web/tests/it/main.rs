//! The web app booted on a fresh temporary database: HTTP tests through the real router,
//! and real-browser tests in headless Chromium.

mod browser;
mod http;
mod http_plans;

use hoptac_app::App;
use hoptac_store::SqliteStore;
use std::sync::Arc;

pub async fn demo_app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("web.db")).await.unwrap();
    let app = App::new(Arc::new(store));
    app.ensure_seed().await.unwrap();
    app.load_demo().await.unwrap();
    (app, dir)
}
