//! The first-run page: search the register (a GET: nothing is written), choose (a POST).

use crate::features::setup::views::{SetupList, SetupPage};
use crate::http::error::{WebError, render};
use crate::http::forms::to_map;
use crate::http::request::{Params, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_core::auth::{Role, Scope};

/// How many matches a search shows.
const HITS: usize = 30;

/// Whether this account may choose (the check itself, with its audit, is the POST's).
fn may_choose(u: &CurrentUser) -> bool {
    let a = &u.actor().account;
    a.role == Role::Admin && a.scope == Scope::All && !a.disabled
}

pub(crate) async fn setup(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let query = q.get("q").cloned().unwrap_or_default();
    let query: String = query.chars().take(100).collect();
    let p = page(&st, &u, l, "setup_title").await;
    let list = SetupList {
        p: p.clone(),
        hits: st.app.register_search(&query, HITS),
        q: query.clone(),
        may_choose: may_choose(&u),
    };
    if q.contains_key("fragment") {
        return Ok(render(&list));
    }
    page_with(&st, p, query, list, String::new()).await
}

async fn page_with(
    st: &AppState,
    p: crate::http::layout::Page,
    q: String,
    list: SetupList,
    error: String,
) -> WebResult {
    let l = p.lang;
    let current = st
        .app
        .office_unit()
        .await
        .map_err(|e| WebError::new(l, e))?
        .map(|u| format!("{} ({})", u.name, u.code))
        .unwrap_or_default();
    Ok(render(&SetupPage {
        p,
        q,
        current,
        list,
        error,
    }))
}

pub(crate) async fn choose(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let code = v.get("code").cloned().unwrap_or_default();
    let load = st
        .app
        .choose_office_unit(u.actor(), code.trim())
        .await
        .map_err(|e| WebError::new(l, e))?;
    if !load.outcome.has_errors() {
        return Ok(Redirect::to("/").into_response());
    }
    // the register contradicts units stored earlier: each problem is named, nothing written
    let error = load
        .outcome
        .problems
        .iter()
        .filter(|p| p.is_error())
        .take(20)
        .map(|p| format!("{} {}: {}", p.sheet, p.value, p.msg.render(l)))
        .collect::<Vec<_>>()
        .join(" · ");
    let p = page(&st, &u, l, "setup_title").await;
    let list = SetupList {
        p: p.clone(),
        hits: Vec::new(),
        q: String::new(),
        may_choose: may_choose(&u),
    };
    page_with(&st, p, String::new(), list, error).await
}
