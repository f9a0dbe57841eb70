//! A club's profile (hồ sơ Hội quán: sequence number, trade, meetings a year) and the origin
//! of an organisation founded from another (thành lập từ Hội quán, từ Tổ hợp tác).

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{field, form_page_errors, problem_texts, to_map, version_field};
use crate::http::i18n::{Lang, t};
use crate::http::layout::Field;
use crate::http::request::{Path, WebResult, lang};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::model::ClubProfile;
use std::collections::HashMap;

/// A whole number typed in a form (dots as thousands separators allowed), `None` if empty.
fn number(
    v: &HashMap<String, String>,
    key: &'static str,
    problems: &mut Vec<(String, String)>,
    l: Lang,
) -> Option<i64> {
    let s = v.get(key).map(|s| s.trim()).unwrap_or_default();
    if s.is_empty() {
        return None;
    }
    match s.replace('.', "").parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            let m = hoptac_core::msg!("club.number_invalid", value = s);
            problems.push((key.to_string(), format!("{} [{s}]", m.get(l.code()))));
            None
        }
    }
}

fn profile_fields(l: Lang, v: &HashMap<String, String>, version: i64) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    vec![
        field(l, "trade", "text", get("trade")),
        field(l, "meetings_per_year", "number", get("meetings_per_year")),
        field(l, "sequence_no", "number", get("sequence_no")),
        version_field(version),
    ]
}

pub(crate) async fn profile_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    st.app.check_club_write(u.actor(), &code).await.map_err(e)?;
    let v = st.app.club(u.actor(), &code).await.map_err(e)?;
    let version = st
        .app
        .row_version("club_profiles", v.org.code.as_str())
        .await
        .map_err(e)?;
    let mut values = HashMap::new();
    if let Some(p) = &v.profile {
        values.insert("trade".to_string(), p.trade.clone());
        let n = |x: Option<i64>| x.map(|n| n.to_string()).unwrap_or_default();
        values.insert("meetings_per_year".to_string(), n(p.meetings_per_year));
        values.insert("sequence_no".to_string(), n(p.sequence_no));
    }
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "club_profile"), v.org.name),
        format!("/orgs/{}/club/profile", enc(&code)),
        format!("/orgs/{}/club", enc(&code)),
        profile_fields(l, &values, version),
        None,
    )
    .await)
}

pub(crate) async fn profile_save(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let version = crate::http::forms::version_of(&v);
    let mut errors = Vec::new();
    let meetings_per_year = number(&v, "meetings_per_year", &mut errors, l);
    let sequence_no = number(&v, "sequence_no", &mut errors, l);
    let trade: String = (v.get("trade").map(|s| s.trim()).unwrap_or_default())
        .chars()
        .take(hoptac_core::club::NAME_MAX + 1)
        .collect();
    let org = hoptac_core::OrgCode::parse(&code)
        .ok_or_else(|| WebError::new(l, AppError::not_found("org", code.clone())))?;
    if errors.is_empty() {
        let p = ClubProfile {
            org,
            sequence_no,
            trade,
            meetings_per_year,
        };
        match st.app.save_club_profile(u.actor(), &code, p, version).await {
            Ok(problems) if problems.is_empty() => {
                return Ok(
                    Redirect::to(&format!("/orgs/{}/club?saved=profile", enc(&code)))
                        .into_response(),
                );
            }
            Ok(problems) => errors = problem_texts(l, problems),
            Err(AppError::Invalid { field, value, msg }) => {
                errors = vec![(field, format!("{} [{value}]", msg.get(l.code())))]
            }
            Err(err) => return Err(WebError::new(l, err)),
        }
    } else {
        st.app
            .check_club_write(u.actor(), &code)
            .await
            .map_err(|e| WebError::new(l, e))?;
    }
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "club_profile").to_string(),
        format!("/orgs/{}/club/profile", enc(&code)),
        format!("/orgs/{}/club", enc(&code)),
        profile_fields(l, &v, version),
        Some(errors),
    )
    .await)
}

fn origin_fields(l: Lang, v: &HashMap<String, String>) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut from = field(l, "founded_from", "text", get("founded_from"));
    from.required = true;
    from.hint = t(l, "founded_from_hint");
    vec![
        from,
        field(l, "founding_members", "number", get("founding_members")),
    ]
}

/// Which organisation `code` was founded from: the code of a club or a group.
pub(crate) async fn origin_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    st.app.check_club_write(u.actor(), &code).await.map_err(e)?;
    let v = st.app.club(u.actor(), &code).await.map_err(e)?;
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "origin_add"), v.org.name),
        format!("/orgs/{}/origins", enc(&code)),
        format!("/orgs/{}", enc(&code)),
        origin_fields(l, &HashMap::new()),
        None,
    )
    .await)
}

pub(crate) async fn origin_save(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let mut errors = Vec::new();
    let founders = number(&v, "founding_members", &mut errors, l);
    let from = v
        .get("founded_from")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    st.app
        .check_club_write(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    if errors.is_empty() {
        match st.app.set_origin(u.actor(), &code, &from, founders).await {
            Ok(problems) if problems.is_empty() => {
                return Ok(
                    Redirect::to(&format!("/orgs/{}?saved=origin", enc(&code))).into_response()
                );
            }
            Ok(problems) => errors = problem_texts(l, problems),
            // the older organisation not found, or not the account's to read: said on the form
            Err(AppError::NotFound { .. }) | Err(AppError::Forbidden) if !from.is_empty() => {
                let m = hoptac_core::msg!("club.origin_unknown", value = from.as_str());
                errors = vec![("founded_from".into(), m.get(l.code()).to_string())];
            }
            Err(err) => return Err(WebError::new(l, err)),
        }
    }
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "origin_add").to_string(),
        format!("/orgs/{}/origins", enc(&code)),
        format!("/orgs/{}", enc(&code)),
        origin_fields(l, &v),
        Some(errors),
    )
    .await)
}

pub(crate) async fn origin_remove(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, from)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    st.app
        .remove_origin(u.actor(), &code, &from)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(Redirect::to(&format!("/orgs/{}?saved=origin", enc(&code))).into_response())
}
