//! Merging two records of one organisation (gộp hồ sơ): the preview, the merge, the list, the undo.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::layout::Page;
use crate::http::request::Params;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use std::collections::HashMap;

#[derive(askama::Template)]
#[template(path = "review/merge.html")]
pub(crate) struct MergePage {
    pub p: Page,
    pub keep_code: String,
    pub keep_name: String,
    pub drop_code: String,
    pub drop_name: String,
    pub similarity: u32,
    pub move_years: String,
    pub conflict_years: String,
    pub move_managers: usize,
    pub same_managers: usize,
    pub cases: usize,
    pub accounts: String,
}

/// What merging two records would do: nothing is written until confirmed.
pub(crate) async fn merge_preview(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let m = st
        .app
        .merge_preview(u.actor(), &get("keep"), &get("drop"))
        .await
        .map_err(|e| WebError::new(l, e))?;
    let years = |v: &[i32]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    Ok(render(&MergePage {
        p: page(&st, &u, l, "merge_title").await,
        keep_code: m.keep.code.to_string(),
        keep_name: m.keep.name.clone(),
        drop_code: m.drop.code.to_string(),
        drop_name: m.drop.name.clone(),
        similarity: m.similarity,
        move_years: years(&m.move_years),
        conflict_years: years(&m.conflict_years),
        move_managers: m.move_managers,
        same_managers: m.same_managers,
        cases: m.cases,
        accounts: if m.accounts.is_empty() {
            "—".to_string()
        } else {
            m.accounts.join(", ")
        },
    }))
}

pub(crate) async fn merge(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    st.app
        .merge(u.actor(), &get("keep"), &get("drop"))
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(Redirect::to("/quality/merges").into_response())
}

pub(crate) struct MergeRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub keep: String,
    pub drop: String,
    pub undone: String,
}

#[derive(askama::Template)]
#[template(path = "review/merges.html")]
pub(crate) struct MergesPage {
    pub p: Page,
    pub rows: Vec<MergeRow>,
}

pub(crate) async fn merges(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    // merges are of the office's business: whoever may write organisations sees them
    if u.actor().account.role < hoptac_core::auth::Role::Commune {
        st.app
            .record_refusal(u.actor(), "merges", "list")
            .await
            .map_err(|e| WebError::new(l, e))?;
        return Err(WebError::new(l, AppError::Forbidden));
    }
    let rows = st
        .app
        .merges(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?
        .into_iter()
        .map(|m| MergeRow {
            id: m.id,
            at: m.at,
            actor: m.actor,
            keep: m.keep,
            drop: m.drop,
            undone: m.undone_at.unwrap_or_default(),
        })
        .collect();
    Ok(render(&MergesPage {
        p: page(&st, &u, l, "merges").await,
        rows,
    }))
}

pub(crate) async fn merge_undo(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<i64>,
) -> WebResult {
    let l = lang(&h);
    st.app
        .undo_merge(u.actor(), id)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(Redirect::to("/quality/merges").into_response())
}
