//! Closing a plan in the browser: the final assessment (Word, PDF, Excel, Markdown) and the
//! draft of the next plan for one of the units now making up its ground, saved on request.

use crate::features::plans::views::{NextPlanPage, ReportPage};
use crate::http::download::report_download;
use crate::http::error::{WebError, render};
use crate::http::format::enc;
use crate::http::forms::{to_map, year_param};
use crate::http::layout::Opt;
use crate::http::request::Path;
use crate::http::request::{Params, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_core::report::render_html;

pub(crate) async fn closing(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let safe = crate::http::download::file_part(&code);
    if q.get("format").map(String::as_str) == Some("xlsx") {
        let bytes = st
            .app
            .plan_closing_xlsx(u.actor(), &code)
            .await
            .map_err(e)?;
        return Ok(crate::http::download::download(
            crate::http::download::XLSX,
            &format!("phu-luc-tong-ket-{safe}.xlsx"),
            bytes,
        ));
    }
    let c = st.app.plan_closing(u.actor(), &code).await.map_err(e)?;
    let doc = c.document();
    let stem = format!("tong-ket-{safe}");
    let format = q.get("format").map(String::as_str);
    if let Some(file) = report_download(&st, l, &doc, format, &stem).await? {
        return Ok(file);
    }
    let link = |_: &str| format!("/plans/{}", enc(&code));
    Ok(render(&ReportPage {
        p: page(&st, &u, l, "plan_closing").await,
        body: render_html(&doc, &link),
        md_link: format!("/plans/{}/closing?format=md", enc(&code)),
        base_link: format!("/plans/{}/closing", enc(&code)),
    }))
}

pub(crate) async fn next_plan(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let closing = st.app.plan_closing(u.actor(), &code).await.map_err(e)?;
    let from = year_param(&q, "from", closing.progress.plan.to).map_err(e)?;
    let to = year_param(&q, "to", from + 4).map_err(e)?;
    let unit = q
        .get("unit")
        .cloned()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| closing.units.first().map(|u| u.code.clone()))
        .unwrap_or_default();
    let draft = st
        .app
        .next_plan_draft(u.actor(), &code, &unit, (from, to))
        .await
        .map_err(e)?;
    let doc = draft.document();
    let query = format!(
        "/plans/{}/next?unit={}&from={from}&to={to}",
        enc(&code),
        enc(&unit)
    );
    let safe = crate::http::download::file_part(&draft.plan.code);
    let stem = format!("du-thao-{safe}");
    let format = q.get("format").map(String::as_str);
    if let Some(file) = report_download(&st, l, &doc, format, &stem).await? {
        return Ok(file);
    }
    let units = closing
        .units
        .iter()
        .map(|x| Opt {
            value: x.code.clone(),
            label: format!("{} ({})", x.name, x.code),
            selected: x.code == unit,
        })
        .collect();
    let a = &u.actor().account;
    let may_save = matches!(
        a.role,
        hoptac_core::auth::Role::Admin | hoptac_core::auth::Role::Staff
    );
    let link = |_: &str| format!("/plans/{}", enc(&code));
    Ok(render(&NextPlanPage {
        p: page(&st, &u, l, "next_plan").await,
        code: code.clone(),
        units,
        unit,
        from,
        to,
        query: query.replace('&', "&amp;"),
        may_save,
        body: render_html(&doc, &link),
    }))
}

pub(crate) async fn next_plan_save(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let v = to_map(&pairs);
    let from = year_param(&v, "from", 0).map_err(e)?;
    let to = year_param(&v, "to", 0).map_err(e)?;
    let unit = v.get("unit").cloned().unwrap_or_default();
    let plan = st
        .app
        .save_next_plan(u.actor(), &code, &unit, (from, to))
        .await
        .map_err(e)?;
    Ok(Redirect::to(&format!("/plans/{}", enc(&plan.code))).into_response())
}
