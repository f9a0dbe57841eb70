//! The records behind a dashboard or report figure: exactly the organisations it counts,
//! with the filter that makes them (indicator, period or year end, ground) said at the top.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::format::fmt_value;
use crate::http::forms::default_period;
use crate::http::forms::year_param;
use crate::http::i18n::t;
use crate::http::layout::Page;
use crate::http::request::Params;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use hoptac_core::indicator::Aggregate;

pub(crate) struct RecordRow {
    pub code: String,
    pub name: String,
    pub commune: String,
    pub value: String,
    pub counted: String,
}

#[derive(Template)]
#[template(path = "indicators/records.html")]
pub(crate) struct RecordsPage {
    pub p: Page,
    pub heading: String,
    /// What was counted, where and when, in words.
    pub filter: String,
    pub figure: String,
    pub rows: Vec<RecordRow>,
    pub show_value: bool,
    pub show_counted: bool,
    pub back: String,
}

pub(crate) async fn records(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let (df, dt) = default_period();
    let from = year_param(&q, "from", df).map_err(e)?;
    let to = year_param(&q, "to", dt).map_err(e)?;
    let scope = crate::http::request::scope_param(&st, &u, &q)
        .await
        .map_err(e)?;
    let r = st
        .app
        .figure_records(u.actor(), &id, from, to, Some(&scope))
        .await
        .map_err(e)?;
    let d = &r.def;
    let ground = r
        .unit
        .as_ref()
        .map(|u| u.name.clone())
        .unwrap_or_else(|| t(l, "all_scopes").to_string());
    let when = if d.subject.is_flow() {
        format!("{} {from}–{to}", t(l, "period"))
    } else {
        format!("{} {to}", t(l, "at_year_end"))
    };
    let share = matches!(d.aggregate, Aggregate::SharePct(_));
    let show_value = matches!(d.aggregate, Aggregate::Sum(_) | Aggregate::Avg(_)) || share;
    let rows = r
        .rows
        .iter()
        .map(|x| RecordRow {
            code: x.code.clone(),
            name: x.name.clone(),
            commune: x.commune.clone(),
            value: x
                .value
                .map(|v| fmt_value(d.unit, Some(v)))
                .unwrap_or_default(),
            counted: format!("{}/{}", x.hits, x.items),
        })
        .collect();
    Ok(render(&RecordsPage {
        p: page(&st, &u, l, "nav_dashboard").await,
        heading: l.pick(&d.label_vi, &d.label_en).to_string(),
        filter: format!("{when} · {ground}"),
        figure: fmt_value(d.unit, r.value),
        rows,
        show_value,
        show_counted: share,
        back: format!("/?from={from}&to={to}&scope={}", enc(&scope)),
    }))
}
