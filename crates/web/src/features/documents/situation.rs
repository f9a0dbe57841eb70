//! The situation report (báo cáo tình hình) as HTML, Markdown, Word, PDF or an Excel annex.

use crate::features::dashboard::handlers::scope_options;
use crate::features::documents::views::SituationPage;
use crate::http::download::MARKDOWN;
use crate::http::download::XLSX;
use crate::http::download::download;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::forms::default_period;
use crate::http::forms::year_param;
use crate::http::request::Params;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use hoptac_core::indicator::catalogue;
use hoptac_core::report::{render_html, render_md};

pub(crate) async fn situation(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let (df, dt) = default_period();
    let from = year_param(&q, "from", df).map_err(e)?;
    let to = year_param(&q, "to", dt).map_err(e)?;
    let scope = crate::http::request::scope_param(&st, &u, &q)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let doc = st
        .app
        .situation_report(u.actor(), from, to, Some(&scope))
        .await
        .map_err(e)?;
    let base = format!("from={from}&to={to}&scope={}", enc(scope.trim()));
    match q.get("format").map(String::as_str) {
        Some(f @ ("docx" | "pdf")) => {
            let doc = st
                .app
                .situation_official(u.actor(), from, to, Some(&scope))
                .await
                .map_err(e)?;
            return crate::http::download::official_download(
                &st,
                l,
                doc,
                f,
                &format!("bao-cao-tinh-hinh-{from}-{to}"),
            )
            .await;
        }
        Some("xlsx") => {
            let bytes = st
                .app
                .situation_xlsx(u.actor(), from, to, Some(&scope))
                .await
                .map_err(e)?;
            return Ok(download(
                XLSX,
                &format!("phu-luc-chi-tieu-{from}-{to}.xlsx"),
                bytes,
            ));
        }
        Some("md") => {
            return Ok(download(
                MARKDOWN,
                &format!("bao-cao-tinh-hinh-{from}-{to}.md"),
                render_md(&doc).into_bytes(),
            ));
        }
        _ => {}
    }
    let cat = catalogue();
    let link = |id: &str| {
        cat.iter()
            .find(|d| d.id == id)
            .map(|d| crate::http::format::figure_link(d, from, to, &scope))
            .unwrap_or_else(|| "/orgs".into())
    };
    let units = st.app.units_in_scope(u.actor()).await.map_err(e)?;
    let t = SituationPage {
        p: page(&st, &u, l, "nav_report").await,
        from,
        to,
        scopes: scope_options(&units, scope.trim(), hoptac_core::date::year_end(to), l),
        body: render_html(&doc, &link),
        md_link: format!("/report/situation?{base}&format=md"),
        query: base,
        missing: st
            .app
            .document_settings()
            .await
            .map_err(e)?
            .missing()
            .iter()
            .map(|m| l.pick(m.vi, m.en).to_string())
            .collect(),
    };
    Ok(render(&t))
}
