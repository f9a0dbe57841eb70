//! Organisations that may be the same one entered twice (trùng lặp), for a clerk to compare.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::layout::Page;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;

pub(crate) struct DuplicateRow {
    pub score: u32,
    pub a_code: String,
    pub a_name: String,
    pub a_commune: String,
    pub b_code: String,
    pub b_name: String,
    pub b_commune: String,
}

#[derive(askama::Template)]
#[template(path = "review/duplicates.html")]
pub(crate) struct DuplicatesPage {
    pub p: Page,
    pub rows: Vec<DuplicateRow>,
}

/// Probable duplicates: the same organisation under two codes or two spellings.
pub(crate) async fn duplicates(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let pairs = st.app.near_duplicates(u.actor()).await.map_err(e)?;
    let units = st.app.units().await.map_err(e)?;
    let commune = |id| {
        units
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.name.clone())
            .unwrap_or_default()
    };
    let rows = pairs
        .into_iter()
        .map(|d| DuplicateRow {
            score: d.score,
            a_code: d.a.code.to_string(),
            a_name: d.a.name,
            a_commune: commune(d.a.commune),
            b_code: d.b.code.to_string(),
            b_name: d.b.name,
            b_commune: commune(d.b.commune),
        })
        .collect();
    Ok(render(&DuplicatesPage {
        p: page(&st, &u, l, "nav_duplicates").await,
        rows,
    }))
}
