//! The signed-in user of a request, from the session cookie; and CSRF protection for every
//! state-changing request.

use crate::http::error::WebError;
use crate::http::state::AppState;
use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::header::{CONTENT_TYPE, COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use hoptac_app::AppError;
use hoptac_app::auth::Session;
use std::net::SocketAddr;

pub(crate) const COOKIE_NAME: &str = "hoptac_session";

/// Forms are small; only uploads (multipart) may be large.
pub(crate) const FORM_LIMIT: usize = 1024 * 1024;

pub(crate) fn cookie(h: &HeaderMap, name: &str) -> Option<String> {
    h.get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| {
            let (k, v) = c.trim().split_once('=')?;
            (k == name).then(|| v.to_string())
        })
}

/// The client's address: the socket's peer, or, when the peer is a configured trusted
/// proxy (`HOPTAC_TRUSTED_PROXY`), the last address that proxy appended to
/// `X-Forwarded-For`. Anyone else's header is ignored: a client cannot choose its address.
pub(crate) fn client_ip(
    parts_ext: &axum::http::Extensions,
    h: &HeaderMap,
    trusted: &[std::net::IpAddr],
) -> String {
    let peer = parts_ext.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    if let Some(p) = peer
        && trusted.contains(&p)
        && let Some(fwd) = h
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter_map(|a| a.parse::<std::net::IpAddr>().ok())
            .next_back()
    {
        return fwd.to_string();
    }
    peer.map(|p| p.to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// The trusted proxies, from `HOPTAC_TRUSTED_PROXY` (addresses separated by commas).
pub(crate) fn trusted_proxies_from_env() -> Vec<std::net::IpAddr> {
    std::env::var("HOPTAC_TRUSTED_PROXY")
        .unwrap_or_default()
        .split(',')
        .filter_map(|a| a.trim().parse().ok())
        .collect()
}

/// `Secure` when the request came over HTTPS (directly or through a proxy that says so).
pub(crate) fn secure(h: &HeaderMap) -> bool {
    h.get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

pub(crate) fn session_cookie(token: &str, h: &HeaderMap) -> String {
    format!(
        "{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={}{}",
        hoptac_app::auth::SESSION_TTL.as_secs(),
        if secure(h) { "; Secure" } else { "" }
    )
}

pub(crate) fn clear_cookie() -> String {
    format!("{COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
}

/// The signed-in user. Without a valid session: pages redirect to the login page, other
/// requests get 401. With a password to change: everything leads to the password page.
pub(crate) struct CurrentUser {
    pub session: Session,
    pub token: String,
}

impl CurrentUser {
    pub fn actor(&self) -> &hoptac_app::Actor {
        &self.session.actor
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, Self::Rejection> {
        let lang = crate::http::i18n::lang_of_cookies(
            parts.headers.get(COOKIE).and_then(|v| v.to_str().ok()),
        );
        let ip = client_ip(&parts.extensions, &parts.headers, &st.trusted);
        let session = match cookie(&parts.headers, COOKIE_NAME) {
            Some(token) => match st.app.session(&token, &ip).await {
                Ok(Some(s)) => Some((s, token)),
                Ok(None) => None,
                Err(e) => return Err(WebError::new(lang, e).into_response()),
            },
            None => None,
        };
        let path = parts.uri.path().to_string();
        let Some((session, token)) = session else {
            if parts.method == Method::GET {
                let next = parts
                    .uri
                    .path_and_query()
                    .map(|p| p.as_str())
                    .unwrap_or("/");
                return Err(Redirect::to(&format!(
                    "/login?next={}",
                    crate::http::format::enc(next)
                ))
                .into_response());
            }
            return Err(WebError::new(lang, AppError::Unauthorized).into_response());
        };
        if session.actor.account.must_change_password && path != "/password" && path != "/logout" {
            return Err(Redirect::to("/password").into_response());
        }
        Ok(CurrentUser { session, token })
    }
}

pub(crate) fn form_field(body: &[u8], name: &str) -> Option<String> {
    let pairs: Vec<(String, String)> = serde_urlencoded_pairs(body);
    pairs.into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// Decoded straight from the bytes: going through a URI (as before) capped a form at the
/// 64 KB a URI may hold and refused longer ones as CSRF failures.
pub(crate) fn serde_urlencoded_pairs(body: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(body).unwrap_or_default()
}

/// Every state-changing request must carry the session's CSRF token: in the form body
/// (`_csrf`), or for uploads in the query string. Login is exempt (no session yet; the
/// session cookie is SameSite=Strict besides).
pub(crate) async fn csrf(State(st): State<AppState>, req: Request, next: Next) -> Response {
    if req.method() == Method::GET || req.method() == Method::HEAD || req.uri().path() == "/login" {
        return next.run(req).await;
    }
    let lang =
        crate::http::i18n::lang_of_cookies(req.headers().get(COOKIE).and_then(|v| v.to_str().ok()));
    let refuse = |lang| {
        let e = WebError::new(lang, AppError::Forbidden);
        let mut r = e.into_response();
        *r.status_mut() = StatusCode::FORBIDDEN;
        r
    };
    let ip = client_ip(req.extensions(), req.headers(), &st.trusted);
    let Some(token) = cookie(req.headers(), COOKIE_NAME) else {
        return WebError::new(lang, AppError::Unauthorized).into_response();
    };
    let session = match st.app.session(&token, &ip).await {
        Ok(Some(s)) => s,
        Ok(None) => return WebError::new(lang, AppError::Unauthorized).into_response(),
        Err(e) => return WebError::new(lang, e).into_response(),
    };
    let expected = session.csrf.clone();
    let path = req.uri().path().to_string();
    // a refusal is audited like any other: who, from where, on what
    let refuse = |lang| {
        let st = st.clone();
        let actor = session.actor.clone();
        let path = path.clone();
        async move {
            if let Err(e) = st.app.record_refusal(&actor, "csrf", &path).await {
                tracing::error!(error = %e, "audit of a CSRF refusal failed");
            }
            refuse(lang)
        }
    };
    let from_query = req.uri().query().and_then(|q| {
        let pairs = serde_urlencoded_pairs(q.as_bytes());
        pairs
            .into_iter()
            .find(|(k, _)| k == "_csrf")
            .map(|(_, v)| v)
    });
    let is_form = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if is_form {
        let (parts, body) = req.into_parts();
        let Ok(bytes) = to_bytes(body, FORM_LIMIT).await else {
            return (StatusCode::PAYLOAD_TOO_LARGE, "request too large").into_response();
        };
        let given = form_field(&bytes, "_csrf").or(from_query);
        if given.as_deref() != Some(expected.as_str()) {
            return refuse(lang).await;
        }
        return next
            .run(Request::from_parts(parts, Body::from(bytes)))
            .await;
    }
    if from_query.as_deref() != Some(expected.as_str()) {
        return refuse(lang).await;
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(peer: &str) -> axum::http::Extensions {
        let mut e = axum::http::Extensions::new();
        e.insert(ConnectInfo::<SocketAddr>(peer.parse().unwrap()));
        e
    }

    #[test]
    fn the_forwarded_address_counts_only_from_a_trusted_proxy() {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "1.2.3.4, 10.0.0.7".parse().unwrap());
        let proxy: std::net::IpAddr = "127.0.0.1".parse().unwrap();
        assert_eq!(client_ip(&ext("127.0.0.1:5000"), &h, &[proxy]), "10.0.0.7");
        assert_eq!(client_ip(&ext("127.0.0.1:5000"), &h, &[]), "127.0.0.1");
        assert_eq!(client_ip(&ext("10.9.9.9:5000"), &h, &[proxy]), "10.9.9.9");
        assert_eq!(
            client_ip(&ext("127.0.0.1:5000"), &HeaderMap::new(), &[proxy]),
            "127.0.0.1"
        );
    }
}
