//! An organisation entered by mistake archived from the browser (lưu trữ tổ chức nhập nhầm):
//! a page that says what still names it, a reason, the archive list of the account's
//! territory, and restore from there.

use crate::features::registry::views::{ArchivedOrgRow, ArchivedOrgs};
use crate::http::error::{WebError, render};
use crate::http::format::{enc, vn_time};
use crate::http::forms::{field, form_page_errors, to_map, version_field};
use crate::http::i18n::{Lang, t};
use crate::http::layout::Field;
use crate::http::request::{Params, Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::auth::Role;

fn fields(l: Lang, reason: &str, version: i64) -> Vec<Field> {
    let mut r = field(l, "reason", "textarea", reason.to_string());
    r.label = t(l, "archive_reason");
    r.required = true;
    vec![r, version_field(version)]
}

fn error_text(l: Lang, e: &AppError) -> Option<(String, String)> {
    match e {
        AppError::Invalid { field, value, msg } => Some((
            field.clone(),
            if value.is_empty() || field == "org" {
                msg.get(l.code()).to_string()
            } else {
                format!("{} [{value}]", msg.get(l.code()))
            },
        )),
        _ => None,
    }
}

/// The archive form; what still names the organisation is said before anything is typed.
pub(crate) async fn org_archive_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    st.app.check_correction(u.actor(), &code).await.map_err(e)?;
    let d = st.app.org_detail(u.actor(), &code).await.map_err(e)?;
    let a = st.app.attached_to(u.actor(), &code).await.map_err(e)?;
    let version = st
        .app
        .row_version("organizations", d.org.code.as_str())
        .await
        .map_err(e)?;
    let blocked = (!a.is_empty()).then(|| {
        let m = a.message(&d.org.code);
        vec![("org".to_string(), m.get(l.code()).to_string())]
    });
    let path = format!("/orgs/{}", enc(&code));
    let mut r = form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "archive_org"), d.org.name),
        format!("{path}/archive"),
        path,
        fields(l, "", version),
        blocked,
    )
    .await;
    // the page was asked for and is shown: what blocks the archive is its content
    *r.status_mut() = axum::http::StatusCode::OK;
    Ok(r)
}

pub(crate) async fn org_archive(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let reason = v.get("reason").cloned().unwrap_or_default();
    let version = crate::http::forms::version_of(&v);
    let path = format!("/orgs/{}", enc(&code));
    match st.app.archive_org(u.actor(), &code, &reason, version).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/orgs/archived?archived={}", enc(&code))).into_response())
        }
        Err(err) => match error_text(l, &err) {
            // the clerk's own mistake is shown on the form again, with what was typed
            Some(shown) => Ok(form_page_errors(
                &st,
                &u,
                l,
                format!("{} — {code}", t(l, "archive_org")),
                format!("{path}/archive"),
                path,
                fields(l, &reason, version),
                Some(vec![shown]),
            )
            .await),
            None => Err(WebError::new(l, err)),
        },
    }
}

/// The organisations taken out of the register in the account's territory.
pub(crate) async fn archived_orgs(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let list = st
        .app
        .archived_orgs(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let units = st.app.units().await.map_err(|e| WebError::new(l, e))?;
    let rows = list
        .into_iter()
        .map(|a| ArchivedOrgRow {
            code: a.org.code.to_string(),
            name: a.org.name.clone(),
            kind: a.org.kind.label(l.code()),
            commune: units
                .iter()
                .find(|x| x.id == a.org.commune)
                .map(|x| x.name.clone())
                .unwrap_or_default(),
            managers: a.managers.len(),
            when: vn_time(&a.archived_at),
            by: a.archived_by,
            reason: a.reason,
            restored: a.restored_at.as_deref().map(vn_time).unwrap_or_default(),
            restore: format!("/orgs/archived/{}/restore", a.id),
        })
        .collect();
    let notice = match (q.get("archived"), q.get("error")) {
        (Some(c), _) => format!("{} {c}", t(l, "org_archived")),
        (_, Some(e)) => e.clone(),
        _ => String::new(),
    };
    let mut p = page(&st, &u, l, "archived_orgs").await;
    p.title_text = t(l, "archived_orgs").to_string();
    Ok(render(&ArchivedOrgs {
        p,
        rows,
        notice,
        can_correct: u.actor().account.role >= Role::Commune,
    }))
}

pub(crate) async fn org_restore(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<i64>,
) -> WebResult {
    let l = lang(&h);
    match st.app.restore_org(u.actor(), id).await {
        Ok(code) => Ok(
            Redirect::to(&format!("/orgs/{}?restored_org=1", enc(code.as_str()))).into_response(),
        ),
        // a code taken since, or restored twice: said on the list, nothing written
        Err(err) => match error_text(l, &err) {
            Some((_, text)) => {
                Ok(Redirect::to(&format!("/orgs/archived?error={}", enc(&text))).into_response())
            }
            None => Err(WebError::new(l, err)),
        },
    }
}
