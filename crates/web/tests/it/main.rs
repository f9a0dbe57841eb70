//! The web app booted on a fresh temporary database: HTTP tests through the real router,
//! and real-browser tests in headless Chromium.

mod browser;
mod hostile;
mod http;
mod http_auth;
mod http_books;
mod http_closing;
mod http_clubs;
mod http_daily;
mod http_edges;
mod http_plans;
mod http_products;
mod http_projects;
mod http_public;
mod http_setup;
mod http_support;
mod http_tasks;
mod http_trace;
mod http_trace_forms;
mod http_training;
mod trust;

use hoptac_app::App;

/// The app, and a session of one of its demo accounts.
#[derive(Clone)]
pub struct TestApp {
    pub app: App,
    pub cookie: String,
    pub csrf: String,
}

impl std::ops::Deref for TestApp {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl TestApp {
    /// The account this test session acts as.
    pub async fn actor(&self) -> hoptac_app::Actor {
        let token = self.cookie.trim_start_matches("hoptac_session=");
        self.app
            .session(token, "127.0.0.9")
            .await
            .unwrap()
            .unwrap()
            .actor
    }

    /// The same app, signed in as another demo account.
    pub async fn as_user(&self, username: &str) -> TestApp {
        let s = self
            .app
            .login(username, hoptac_demo::district::DEMO_PASSWORD, "127.0.0.9")
            .await
            .unwrap();
        TestApp {
            app: self.app.clone(),
            cookie: format!("hoptac_session={}", s.token),
            csrf: s.csrf,
        }
    }
}

/// The demo district, signed in as the province administrator.
/// On a fresh database of the backend the run asks for (`HOPTAC_TEST_BACKEND`).
pub async fn demo_app() -> (TestApp, hoptac_store_conformance::TestDb) {
    let (store, dir) = hoptac_store_conformance::TestDb::new().await;
    let app = App::new(store);
    app.ensure_seed().await.unwrap();
    hoptac_demo::load_demo(&app).await.unwrap();
    let t = TestApp {
        app,
        cookie: String::new(),
        csrf: String::new(),
    }
    .as_user("quantri")
    .await;
    (t, dir)
}
