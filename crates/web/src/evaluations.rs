//! The year's evaluations of cooperatives (đánh giá, xếp loại): who is at which step, with
//! what total and rating, who is not rated and why. Read-only for now: sheets are scored and
//! moved through the workflow from the command line and the application service.

use crate::AppState;
use crate::error::{WebError, render};
use crate::handlers::{Params, WebResult, lang, page};
use crate::i18n::Lang;
use crate::page::Page;
use crate::session::CurrentUser;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use hoptac_core::evaluation::State as Step;
use hoptac_core::rubric::RatingOutcome;

pub struct Row {
    pub code: String,
    pub name: String,
    pub commune: String,
    pub total: String,
    pub rating: String,
    pub state: String,
    pub submitted: String,
    pub late: bool,
    pub adjusted: usize,
    pub scale: String,
    pub excluded: String,
}

#[derive(askama::Template)]
#[template(path = "evaluations.html")]
pub struct EvaluationsPage {
    pub p: Page,
    pub year: i32,
    pub years: Vec<i32>,
    pub rows: Vec<Row>,
    /// (rating, count) among approved sheets, best first.
    pub summary: Vec<(String, usize)>,
}

fn state_label(l: Lang, s: Option<Step>) -> &'static str {
    match (l, s) {
        (Lang::Vi, None) => "chưa có phiếu",
        (Lang::En, None) => "no sheet",
        (Lang::Vi, Some(s)) => s.label_vi(),
        (Lang::En, Some(Step::Draft)) => "draft",
        (Lang::En, Some(Step::Submitted)) => "submitted",
        (Lang::En, Some(Step::Reviewed)) => "reviewed",
        (Lang::En, Some(Step::Approved)) => "approved",
    }
}

pub async fn evaluations(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let this_year = hoptac_app::today().year();
    // the year whose sheets were due last December, unless asked for another
    let year = q
        .get("year")
        .and_then(|y| y.trim().parse::<i32>().ok())
        .filter(|y| (2020..=this_year).contains(y))
        .unwrap_or(this_year - 1);
    let rows = st
        .app
        .evaluations(u.actor(), year, q.get("scope").map(String::as_str))
        .await
        .map_err(|e| WebError::new(l, e))?;
    let summary = hoptac_app::evaluation::approved_by_rating(&rows)
        .into_iter()
        .map(|(k, v)| (k.label(l.code()).to_string(), v))
        .collect();
    let rows = rows
        .into_iter()
        .map(|r| {
            let rating = match r.rating {
                Some(RatingOutcome::Rated(x)) => x.label(l.code()).to_string(),
                Some(RatingOutcome::Unknown) => "?".into(),
                None => String::new(),
            };
            Row {
                code: r.org.to_string(),
                name: r.name,
                commune: r.commune,
                total: r.total.map(|t| t.format_vi(2, false)).unwrap_or_default(),
                rating,
                state: state_label(l, r.state).to_string(),
                submitted: r
                    .submitted_on
                    .map(hoptac_core::date::to_vi)
                    .unwrap_or_default(),
                late: r.late,
                adjusted: r.adjusted,
                scale: r
                    .member_scale
                    .map(|s| s.label_vi().to_string())
                    .unwrap_or_default(),
                excluded: r
                    .excluded
                    .map(|m| match l {
                        Lang::Vi => m.vi,
                        Lang::En => m.en,
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    Ok(render(&EvaluationsPage {
        p: page(&st, &u, l, "nav_evaluations").await,
        year,
        years: (2020..=this_year).rev().collect(),
        rows,
        summary,
    }))
}

pub struct Line {
    pub id: String,
    pub title: String,
    pub max: String,
    pub own: String,
    pub counted: String,
    pub reason: String,
    pub group: bool,
    pub confirmed: bool,
}

#[derive(askama::Template)]
#[template(path = "evaluation.html")]
pub struct EvaluationPage {
    pub p: Page,
    pub code: String,
    /// The cooperative's sheet still takes scores (no sheet yet, or a draft).
    pub draft: bool,
    pub name: String,
    pub year: i32,
    pub total: String,
    pub rating: String,
    pub state: String,
    pub submitted: String,
    /// What it takes to reach the next rating, in words.
    pub next: String,
    pub lines: Vec<Line>,
    pub rubric: String,
}

/// One cooperative's sheet: every line with its maximum, the cooperative's score, the score
/// that counts (and the reviewer's reason), the group sums, and what the next rating needs.
pub async fn evaluation(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    axum::extract::Path((code, year)): axum::extract::Path<(String, i32)>,
) -> WebResult {
    let l = lang(&h);
    let (o, e) = st
        .app
        .evaluation_of(u.actor(), &code, year)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let r = hoptac_app::evaluation::rubric(hoptac_app::evaluation::DEFAULT_RUBRIC)
        .map_err(|e| WebError::new(l, e))?;
    let f = |v: Option<hoptac_core::Fixed>| v.map(|x| x.format_vi(2, false)).unwrap_or_default();
    let mut page_data = EvaluationPage {
        p: page(&st, &u, l, "nav_evaluations").await,
        code: o.code.to_string(),
        draft: e.as_ref().is_none_or(|e| e.state == Step::Draft)
            && hoptac_app::evaluation::exclusion(&o, year, None).is_none(),
        name: o.name.clone(),
        year,
        total: String::new(),
        rating: String::new(),
        state: String::new(),
        submitted: String::new(),
        next: String::new(),
        lines: vec![],
        rubric: format!("{} — {} (phiên bản {})", r.id, r.legal_ref, r.version),
    };
    if let Some(e) = e {
        let scores = e.scores();
        let sheet = r.check_sheet(&scores).ok();
        page_data.state = state_label(l, Some(e.state)).to_string();
        page_data.submitted = e
            .submitted_on
            .map(hoptac_core::date::to_vi)
            .unwrap_or_default();
        if let Some(s) = &sheet {
            page_data.total = s.total.format_vi(2, false);
            page_data.rating = match s.rating {
                RatingOutcome::Rated(x) => x.label(l.code()).to_string(),
                RatingOutcome::Unknown => "?".into(),
            };
            if let Some(n) = hoptac_core::evaluation::next_rating(&r, &scores, s.total) {
                let raises: Vec<String> = n
                    .raises
                    .iter()
                    .map(|x| format!("{} {} → {}", x.item, f(Some(x.from)), f(Some(x.to))))
                    .collect();
                page_data.next = match l {
                    Lang::Vi => format!(
                        "Để đạt loại {} (từ {} điểm) cần thêm {} điểm, ít dòng nhất: {}.",
                        n.rating.label_vi(),
                        f(Some(n.threshold)),
                        f(Some(n.points)),
                        raises.join("; ")
                    ),
                    Lang::En => format!(
                        "To reach {} ({} points) {} more points are needed; the fewest lines: {}.",
                        n.rating.label_en(),
                        f(Some(n.threshold)),
                        f(Some(n.points)),
                        raises.join("; ")
                    ),
                };
            }
        }
        page_data.lines = r
            .items()
            .into_iter()
            .map(|i| {
                let group = !i.children.is_empty();
                Line {
                    id: i.id.clone(),
                    title: i.title_vi.clone(),
                    max: f(i.max),
                    own: if group {
                        String::new()
                    } else {
                        f(e.self_scores.get(&i.id).copied())
                    },
                    counted: if group {
                        f(sheet.as_ref().and_then(|s| s.by_item.get(&i.id).copied()))
                    } else {
                        f(scores.get(&i.id).copied())
                    },
                    reason: e
                        .adjusted
                        .get(&i.id)
                        .map(|(_, why)| why.clone())
                        .unwrap_or_default(),
                    group,
                    confirmed: i.confirmed,
                }
            })
            .collect();
    }
    Ok(render(&page_data))
}

/// The self-scoring sheet as a workbook, to fill offline.
pub async fn sheet_xlsx(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    axum::extract::Path((code, year)): axum::extract::Path<(String, i32)>,
) -> Result<axum::response::Response, WebError> {
    use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let l = lang(&h);
    let bytes = st
        .app
        .evaluation_sheet_xlsx(u.actor(), &code, year)
        .await
        .map_err(|e| WebError::new(l, e))?;
    // the code is checked by the service: only [A-Za-z0-9-] reaches the header
    let name = format!("phieu-tu-cham-{code}-{year}.xlsx");
    Ok((
        [
            (
                CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// A filled sheet uploaded back: all its lines or none, then the sheet page.
pub async fn sheet_upload(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    axum::extract::Path((code, year)): axum::extract::Path<(String, i32)>,
    mut mp: axum::extract::Multipart,
) -> Result<axum::response::Response, WebError> {
    use axum::response::IntoResponse;
    let l = lang(&h);
    let (_, bytes) = crate::handlers::uploaded_file(l, &mut mp).await?;
    st.app
        .import_evaluation_sheet(u.actor(), &code, year, &bytes)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(axum::response::Redirect::to(&format!("/evaluations/{code}/{year}")).into_response())
}
