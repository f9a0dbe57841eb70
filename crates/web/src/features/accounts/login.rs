//! Sign-in, sign-out and the password change.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::forms::field;
use crate::http::forms::form_page_errors;
use crate::http::i18n::Lang;
use crate::http::i18n::t;
use crate::http::layout::Page;
use crate::http::request::Params;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::session::CurrentUser;
use crate::http::session::clear_cookie;
use crate::http::session::client_ip;
use crate::http::session::session_cookie;
use crate::http::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use hoptac_app::AppError;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "accounts/login.html")]
pub(crate) struct LoginPage {
    pub p: Page,
    pub next: String,
    pub username: String,
    pub error: String,
    pub demo_hint: bool,
}

/// Only local paths: never an open redirect.
pub(crate) fn local(next: Option<&String>) -> String {
    next.and_then(|n| crate::http::format::local_path(n))
        .unwrap_or_else(|| "/".into())
}

pub(crate) async fn login_form(
    State(st): State<AppState>,
    h: HeaderMap,
    Query(q): Params,
) -> Response {
    let l = lang(&h);
    let demo = st.app.is_demo().await.unwrap_or(false);
    render(&LoginPage {
        p: Page::new(l, demo, "login"),
        next: local(q.get("next")),
        username: String::new(),
        error: String::new(),
        demo_hint: demo,
    })
}

pub(crate) async fn login(
    State(st): State<AppState>,
    h: HeaderMap,
    ext: axum::http::Extensions,
    Form(f): Form<HashMap<String, String>>,
) -> Response {
    let l = lang(&h);
    let ip = client_ip(&ext, &h, &st.trusted);
    let username = f.get("username").cloned().unwrap_or_default();
    let next = local(f.get("next"));
    match st
        .app
        .login(
            &username,
            f.get("password").map(String::as_str).unwrap_or_default(),
            &ip,
        )
        .await
    {
        Ok(s) => {
            let to = if s.account.must_change_password {
                "/password".to_string()
            } else {
                next
            };
            (
                StatusCode::SEE_OTHER,
                [(SET_COOKIE, session_cookie(&s.token, &h)), (LOCATION, to)],
            )
                .into_response()
        }
        Err(e @ (AppError::Unauthorized | AppError::Throttled(_))) => {
            let status = if matches!(e, AppError::Throttled(_)) {
                StatusCode::TOO_MANY_REQUESTS
            } else {
                StatusCode::UNAUTHORIZED
            };
            let demo = st.app.is_demo().await.unwrap_or(false);
            let mut r = render(&LoginPage {
                p: Page::new(l, demo, "login"),
                next,
                username,
                error: e.message().get(l.code()).to_string(),
                demo_hint: demo,
            });
            *r.status_mut() = status;
            r
        }
        Err(e) => WebError::new(l, e).into_response(),
    }
}

pub(crate) async fn logout(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    st.app
        .logout(&u.token, u.actor())
        .await
        .map_err(|e| WebError::new(lang(&h), e))?;
    Ok((
        StatusCode::SEE_OTHER,
        [
            (SET_COOKIE, clear_cookie()),
            (LOCATION, "/login".to_string()),
        ],
    )
        .into_response())
}

pub(crate) fn password_fields(l: Lang) -> Vec<crate::http::layout::Field> {
    let mut cur = field(l, "current_password", "password", String::new());
    cur.key = "current";
    let mut new = field(l, "new_password", "password", String::new());
    new.key = "password";
    new.hint = t(l, "password_hint");
    let mut again = field(l, "repeat_password", "password", String::new());
    again.key = "again";
    vec![cur, new, again]
}

pub(crate) async fn password_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let heading = if u.actor().account.must_change_password {
        t(l, "must_change_password")
    } else {
        t(l, "change_password")
    };
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading.into(),
        "/password".into(),
        "/".into(),
        password_fields(l),
        None,
    )
    .await)
}

pub(crate) async fn password(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    let result = if get("password") != get("again") {
        Err(AppError::invalid(
            "again",
            "",
            hoptac_core::msg!("web.passwords_differ"),
        ))
    } else {
        st.app
            .change_password(u.actor(), &get("current"), &get("password"))
            .await
    };
    match result {
        Ok(()) => Ok((
            StatusCode::SEE_OTHER,
            [
                (SET_COOKIE, clear_cookie()),
                (LOCATION, "/login?changed=1".to_string()),
            ],
        )
            .into_response()),
        Err(AppError::Invalid { field, msg, .. }) => {
            let errs = Some(vec![(field, msg.get(l.code()).to_string())]);
            Ok(form_page_errors(
                &st,
                &u,
                l,
                t(l, "change_password").into(),
                "/password".into(),
                "/".into(),
                password_fields(l),
                errs,
            )
            .await)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}
