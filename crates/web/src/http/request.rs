//! Per-request basics: the language asked for, the page frame for the signed-in user, result types.

use crate::http::error::WebError;
use crate::http::i18n::Lang;
use crate::http::layout::Page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::extract::Query;
use axum::http::HeaderMap;
use axum::http::header::COOKIE;
use axum::response::Response;
use std::collections::HashMap;

pub(crate) type Params = Query<HashMap<String, String>>;

pub(crate) type WebResult = Result<Response, WebError>;

pub(crate) fn lang(h: &HeaderMap) -> Lang {
    crate::http::i18n::lang_of_cookies(h.get(COOKIE).and_then(|v| v.to_str().ok()))
}

pub(crate) async fn page(st: &AppState, u: &CurrentUser, lang: Lang, key: &'static str) -> Page {
    let mut p = for_user(
        Page::new(lang, st.app.is_demo().await.unwrap_or(false), key),
        u,
    );
    // a count that cannot be made leaves the header without it; the page still opens
    p.todo = match st.app.todo_count(u.actor(), hoptac_app::today()).await {
        Ok(n) => n,
        Err(e) => {
            tracing::warn!(error = %e, "to-do count");
            0
        }
    };
    p
}

/// The page frame with who is signed in: name, CSRF token, the menus their role may see.
fn for_user(mut p: Page, u: &CurrentUser) -> Page {
    use hoptac_core::auth::Role;
    let a = &u.actor().account;
    p.user = if a.display_name.is_empty() {
        a.username.clone()
    } else {
        format!("{} ({})", a.display_name, a.username)
    };
    p.csrf = u.session.csrf.clone();
    p.can_manage_accounts = a.role == Role::Admin;
    p.can_view_audit = matches!(a.role, Role::Admin | Role::Staff);
    p.can_write = a.role != Role::Viewer;
    p.is_org = matches!(a.scope, hoptac_core::auth::Scope::Org(_));
    p
}

/// The scope a page asks for: `scope=` as given (empty: everything), or, when the query has
/// none, the office's unit for an account that sees everything.
pub(crate) async fn scope_param(
    st: &AppState,
    u: &CurrentUser,
    q: &std::collections::HashMap<String, String>,
) -> Result<String, hoptac_app::AppError> {
    match q.get("scope") {
        Some(s) => Ok(s.clone()),
        None => st.app.default_scope(u.actor()).await,
    }
}

/// Axum's path extractor with its refusal as a page in the reader's language: a path that
/// does not parse (`/evaluations/HTX-1/abc`) is a page that does not exist (404), not the
/// extractor's English "Invalid URL: Cannot parse…".
pub(crate) struct Path<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for Path<T>
where
    T: serde::de::DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(Path(v)),
            Err(_) => Err(WebError::new(
                lang(&parts.headers),
                hoptac_app::AppError::not_found("page", parts.uri.path().to_string()),
            )),
        }
    }
}
