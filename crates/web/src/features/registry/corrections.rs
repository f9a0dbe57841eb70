//! Corrections in the browser (sửa sai): a yearly report entered by mistake is archived with
//! a reason after a page that shows what goes, and restored from the organisation's page.

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{field, form_page_errors, to_map, version_field};
use crate::http::i18n::{Lang, t};
use crate::http::layout::Field;
use crate::http::request::Path;
use crate::http::request::{WebResult, lang};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;

fn archive_fields(l: Lang, reason: &str, version: i64) -> Vec<Field> {
    let mut r = field(l, "reason", "textarea", reason.to_string());
    r.label = t(l, "archive_reason");
    r.required = true;
    vec![r, version_field(version)]
}

fn heading(l: Lang, name: &str, year: i32) -> String {
    format!("{} {year} — {name}", t(l, "archive_report"))
}

pub(crate) async fn archive_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, year)): Path<(String, i32)>,
) -> WebResult {
    let l = lang(&h);
    st.app
        .check_correction(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let d = st
        .app
        .org_detail(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    if !d.reports.iter().any(|r| r.year.get() == year) {
        return Err(WebError::new(
            l,
            AppError::not_found("report", format!("{code}/{year}")),
        ));
    }
    let version = st
        .app
        .row_version("annual_reports", &format!("{}/{year}", d.org.code))
        .await
        .map_err(|e| WebError::new(l, e))?;
    let path = format!("/orgs/{}", enc(&code));
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading(l, &d.org.name, year),
        format!("{path}/reports/{year}/archive"),
        path,
        archive_fields(l, "", version),
        None,
    )
    .await)
}

pub(crate) async fn archive(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let reason = v.get("reason").cloned().unwrap_or_default();
    let version = crate::http::forms::version_of(&v);
    let path = format!("/orgs/{}", enc(&code));
    match st
        .app
        .archive_report(u.actor(), &code, year, &reason, version)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("{path}?archived={year}#archived")).into_response()),
        // the clerk's own mistake (no reason, a closed year, changed meanwhile) is shown on
        // the form again, with what was typed
        Err(AppError::Invalid { field, value, msg }) => {
            let text = if value.is_empty() {
                msg.get(l.code()).to_string()
            } else {
                format!("{} [{value}]", msg.get(l.code()))
            };
            Ok(form_page_errors(
                &st,
                &u,
                l,
                heading(l, &code, year),
                format!("{path}/reports/{year}/archive"),
                path,
                archive_fields(l, &reason, version),
                Some(vec![(field, text)]),
            )
            .await)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub(crate) async fn restore(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, id)): Path<(String, i64)>,
) -> WebResult {
    let l = lang(&h);
    st.app
        .restore_report(u.actor(), &code, id)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(Redirect::to(&format!("/orgs/{}?restored=1#reports", enc(&code))).into_response())
}
