//! The evaluation rubrics (bộ tiêu chí) with their provenance: every item's maximum, legal
//! reference and whether it is confirmed, the bands, thresholds and exclusions; every version
//! with who loaded it and why; and, for an administrator, loading a corrected document.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::i18n::Lang;
use crate::http::layout::Page;
use crate::http::request::Params;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_app::rubrics::RubricBook;
use hoptac_core::Fixed;
use hoptac_core::auth::Role;
use hoptac_core::rubric::{Item, Rubric};

pub(crate) struct ItemRow {
    pub id: String,
    pub depth: usize,
    pub title: String,
    pub max: String,
    pub confirmed: bool,
    pub legal_ref: String,
    /// `measure ∈ [low, high) unit → points` lines.
    pub bands: Vec<(String, bool)>,
}

pub(crate) struct VersionRow {
    pub version: u32,
    pub shipped: bool,
    pub loaded_by: String,
    pub loaded_at: String,
    pub note: String,
}

pub(crate) struct RubricView {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub legal_ref: String,
    pub valid: String,
    pub total: String,
    pub items: Vec<ItemRow>,
    /// (rating, from, confirmed)
    pub thresholds: Vec<(String, String, bool)>,
    pub exclusions: Vec<(String, bool)>,
    pub versions: Vec<VersionRow>,
}

#[derive(askama::Template)]
#[template(path = "evaluation/rubrics.html")]
pub(crate) struct RubricsPage {
    pub p: Page,
    pub rubrics: Vec<RubricView>,
    pub can_load: bool,
    pub error: String,
    pub note: String,
}

pub(crate) fn num(v: Option<Fixed>) -> String {
    v.map(|x| x.format_vi(6, false))
        .unwrap_or_else(|| "?".into())
}

pub(crate) fn items(i: &Item, depth: usize, out: &mut Vec<ItemRow>) {
    out.push(ItemRow {
        id: i.id.clone(),
        depth,
        title: i.title_vi.clone(),
        max: num(i.max),
        confirmed: i.confirmed,
        legal_ref: i.legal_ref.clone(),
        bands: i
            .scoring
            .iter()
            .flat_map(|s| {
                s.bands.iter().map(move |b| {
                    (
                        format!(
                            "{} ∈ [{}; {}) {} → {}",
                            s.measure,
                            b.low.map(|x| x.format_vi(6, false)).unwrap_or("−∞".into()),
                            b.high.map(|x| x.format_vi(6, false)).unwrap_or("+∞".into()),
                            s.unit,
                            num(b.points)
                        ),
                        b.confirmed,
                    )
                })
            })
            .collect(),
    });
    for c in &i.children {
        items(c, depth + 1, out);
    }
}

pub(crate) fn view(l: Lang, book: &RubricBook, r: &Rubric) -> RubricView {
    let date = |d: Option<hoptac_core::Date>| d.map(hoptac_core::date::to_vi).unwrap_or("?".into());
    let mut rows = Vec::new();
    for i in &r.items {
        items(i, 0, &mut rows);
    }
    RubricView {
        id: r.id.clone(),
        version: r.version,
        title: r.title_vi.clone(),
        legal_ref: r.legal_ref.clone(),
        valid: format!("{} – {}", date(r.valid_from), date(r.valid_to)),
        total: num(r.total),
        items: rows,
        thresholds: r
            .thresholds
            .iter()
            .map(|t| {
                (
                    t.rating.label(l.code()).to_string(),
                    num(t.min),
                    t.confirmed,
                )
            })
            .collect(),
        exclusions: r
            .exclusions
            .iter()
            .map(|e| (e.title_vi.clone(), e.confirmed))
            .collect(),
        versions: book
            .history(&r.id)
            .into_iter()
            .rev()
            .map(|v| VersionRow {
                version: v.rubric.version,
                shipped: v.loaded_by.is_empty(),
                loaded_by: v.loaded_by.clone(),
                loaded_at: v.loaded_at.clone(),
                note: v.note.clone(),
            })
            .collect(),
    }
}

pub(crate) async fn build(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    error: String,
    note: String,
) -> Result<RubricsPage, WebError> {
    let book = st
        .app
        .rubric_book()
        .await
        .map_err(|e| WebError::new(l, e))?;
    let rubrics = book
        .ids()
        .into_iter()
        .map(|id| book.current(id).map(|r| view(l, &book, r)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| WebError::new(l, e))?;
    Ok(RubricsPage {
        p: page(st, u, l, "nav_rubrics").await,
        rubrics,
        can_load: u.actor().account.role == Role::Admin,
        error,
        note,
    })
}

pub(crate) async fn rubrics(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    Ok(render(
        &build(&st, &u, l, String::new(), String::new()).await?,
    ))
}

/// One version's document, to correct and load again.
pub(crate) async fn document(
    State(st): State<AppState>,
    h: HeaderMap,
    _u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let id = q.get("id").cloned().unwrap_or_default();
    let version = q.get("version").and_then(|v| v.parse::<u32>().ok());
    let book = st
        .app
        .rubric_book()
        .await
        .map_err(|e| WebError::new(l, e))?;
    let found = book
        .history(&id)
        .into_iter()
        .find(|v| Some(v.rubric.version) == version)
        .ok_or_else(|| {
            WebError::new(
                l,
                AppError::not_found(
                    "rubric",
                    format!("{id} v{}", q.get("version").cloned().unwrap_or_default()),
                ),
            )
        })?;
    // the id is free text in a loaded document: keep the file name to safe characters
    Ok(crate::http::download::download(
        "application/json; charset=utf-8",
        &format!(
            "{}-v{}.json",
            crate::http::download::file_part(&id),
            found.rubric.version
        ),
        found.document.clone().into_bytes(),
    ))
}

/// An administrator loads a corrected document: the next version, or the page again with
/// the reason it was refused.
pub(crate) async fn load(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    mut mp: Multipart,
) -> WebResult {
    let l = lang(&h);
    let (_, bytes, fields) = crate::http::upload::uploaded_file_and_fields(l, &mut mp).await?;
    let note = fields.get("note").cloned().unwrap_or_default();
    let text = String::from_utf8(bytes).map_err(|_| {
        WebError::new(
            l,
            crate::http::forms::bad("file", "", hoptac_core::msg!("web.not_utf8")),
        )
    })?;
    match st.app.load_rubric(u.actor(), &text, &note).await {
        Ok(_) => Ok(Redirect::to("/rubrics").into_response()),
        Err(AppError::Invalid { field, msg, .. }) => {
            let error = format!("[{field}] {}", msg.get(l.code()));
            let mut r = render(&build(&st, &u, l, error, note).await?);
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(r)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}
