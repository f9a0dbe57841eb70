//! The meeting form (ghi buổi sinh hoạt): date, topic, people present, the officials who came
//! (one a line) and what came of it. A new meeting starts from the last one's topic, people
//! and officials, so a commune officer on a phone changes what differs and saves.

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{field, form_page_errors, problem_texts, select, to_map, version_field};
use crate::http::i18n::{Lang, t};
use crate::http::layout::Field;
use crate::http::request::{Path, WebResult, lang};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use hoptac_app::AppError;
use hoptac_core::club::{officials_text, parse_officials};
use hoptac_core::date::{to_iso, to_vi};
use hoptac_core::i18n::Msg;
use hoptac_core::model::Meeting;
use hoptac_core::types::MeetingTopic;
use hoptac_core::{Date, OrgCode};
use std::collections::HashMap;

/// Longest text a form field may carry before it is read (a phone pastes anything).
const FIELD_MAX: usize = 4_000;

fn fields(l: Lang, v: &HashMap<String, String>, version: i64) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut day = field(l, "held_on", "day", get("held_on"));
    day.hint = t(l, "date_hint");
    day.required = true;
    let mut topic = select(
        l,
        "topic",
        MeetingTopic::all(),
        &get("topic"),
        MeetingTopic::code,
        MeetingTopic::label,
        false,
    );
    topic.required = true;
    let mut attendance = field(l, "attendance", "number", get("attendance"));
    attendance.hint = t(l, "attendance_hint");
    let mut officials = field(l, "officials", "textarea", get("officials"));
    officials.hint = t(l, "officials_hint");
    let outcome = field(l, "outcome", "textarea", get("outcome"));
    vec![
        day,
        topic,
        attendance,
        officials,
        outcome,
        version_field(version),
    ]
}

fn values_of(m: &Meeting) -> HashMap<String, String> {
    [
        ("held_on", to_vi(m.held_on)),
        ("topic", m.topic.code().to_string()),
        (
            "attendance",
            m.attendance.map(|n| n.to_string()).unwrap_or_default(),
        ),
        ("officials", officials_text(&m.officials)),
        ("outcome", m.outcome.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The meeting the form says, or every problem of it (field, what was typed, why).
fn read(
    code: &OrgCode,
    v: &HashMap<String, String>,
) -> Result<Meeting, Vec<(String, String, Msg)>> {
    let mut problems = Vec::new();
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or_default();
    for (k, s) in v {
        if s.chars().count() > FIELD_MAX {
            problems.push((
                k.clone(),
                String::new(),
                hoptac_core::msg!("club.text_too_long", max = FIELD_MAX),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // a bare year reads as 1 July elsewhere; a meeting has a day
    let held_on = hoptac_core::date::parse(get("held_on")).filter(|_| get("held_on").len() > 4);
    if held_on.is_none() {
        problems.push((
            "held_on".into(),
            get("held_on").to_string(),
            hoptac_core::msg!("club.day_invalid", value = get("held_on")),
        ));
    }
    let topic = MeetingTopic::parse(get("topic"));
    if topic.is_none() {
        problems.push((
            "topic".into(),
            get("topic").to_string(),
            hoptac_core::msg!(
                "club.topic_unknown",
                value = get("topic"),
                expected = <MeetingTopic as hoptac_core::types::Enumerated>::expected()
            ),
        ));
    }
    let attendance = match get("attendance").replace('.', "") {
        s if s.is_empty() => None,
        s => match s.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                problems.push((
                    "attendance".into(),
                    get("attendance").to_string(),
                    hoptac_core::msg!("club.number_invalid", value = get("attendance")),
                ));
                None
            }
        },
    };
    let officials = match parse_officials(get("officials")) {
        Ok(o) => o,
        Err((value, msg)) => {
            problems.push(("officials".into(), value, msg));
            Vec::new()
        }
    };
    match (held_on, topic) {
        (Some(held_on), Some(topic)) if problems.is_empty() => Ok(Meeting {
            org: code.clone(),
            held_on,
            topic,
            attendance,
            officials,
            outcome: get("outcome").to_string(),
        }),
        _ => Err(problems),
    }
}

fn day_of(l: Lang, s: &str) -> Result<Date, WebError> {
    hoptac_core::date::parse(s)
        .filter(|_| s.len() == 10)
        .ok_or_else(|| WebError::new(l, AppError::not_found("meeting", s)))
}

#[allow(clippy::too_many_arguments)]
async fn show(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    heading: String,
    action: String,
    code: &str,
    fields: Vec<Field>,
    errors: Option<Vec<(String, String)>>,
) -> Response {
    form_page_errors(
        st,
        u,
        l,
        heading,
        action,
        format!("/orgs/{}/club", enc(code)),
        fields,
        errors,
    )
    .await
}

/// A new meeting, proposed from the last one.
pub(crate) async fn meeting_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    st.app.check_club_write(u.actor(), &code).await.map_err(e)?;
    let v = st.app.club(u.actor(), &code).await.map_err(e)?;
    let m = st
        .app
        .meeting_proposal(u.actor(), &code, hoptac_app::today())
        .await
        .map_err(e)?;
    let mut heading = format!("{} — {}", t(l, "club_new_meeting"), v.org.name);
    if !v.meetings.is_empty() {
        heading.push_str(" · ");
        heading.push_str(t(l, "club_proposed"));
    }
    Ok(show(
        &st,
        &u,
        l,
        heading,
        format!("/orgs/{}/meetings/new", enc(&code)),
        &code,
        fields(l, &values_of(&m), 0),
        None,
    )
    .await)
}

pub(crate) async fn meeting_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(st, h, u, code, None, pairs).await
}

/// A recorded meeting, to correct.
pub(crate) async fn meeting_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, day)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let on = day_of(l, &day)?;
    st.app.check_club_write(u.actor(), &code).await.map_err(e)?;
    let v = st.app.club(u.actor(), &code).await.map_err(e)?;
    let m = (v.meetings.iter())
        .find(|m| m.held_on == on)
        .ok_or_else(|| e(AppError::not_found("meeting", day.clone())))?;
    let version = st
        .app
        .row_version(
            "club_meetings",
            &hoptac_app::clubs::meeting_key(&v.org.code, on),
        )
        .await
        .map_err(e)?;
    Ok(show(
        &st,
        &u,
        l,
        format!(
            "{} {} — {}",
            t(l, "club_edit_meeting"),
            to_vi(on),
            v.org.name
        ),
        format!("/orgs/{}/meetings/{}", enc(&code), to_iso(on)),
        &code,
        fields(l, &values_of(m), version),
        None,
    )
    .await)
}

pub(crate) async fn meeting_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, day)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let on = day_of(lang(&h), &day)?;
    save(st, h, u, code, Some(on), pairs).await
}

async fn save(
    st: AppState,
    h: HeaderMap,
    u: CurrentUser,
    code: String,
    original: Option<Date>,
    pairs: Vec<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let version = crate::http::forms::version_of(&v);
    let action = match original {
        None => format!("/orgs/{}/meetings/new", enc(&code)),
        Some(on) => format!("/orgs/{}/meetings/{}", enc(&code), to_iso(on)),
    };
    let heading = match original {
        None => t(l, "club_new_meeting").to_string(),
        Some(on) => format!("{} {}", t(l, "club_edit_meeting"), to_vi(on)),
    };
    // the club is looked up (and the account checked) before its form is read
    let org = OrgCode::parse(&code)
        .ok_or_else(|| WebError::new(l, AppError::not_found("org", code.clone())))?;
    let m = match read(&org, &v) {
        Ok(m) => m,
        Err(problems) => {
            st.app
                .check_club_write(u.actor(), &code)
                .await
                .map_err(|e| WebError::new(l, e))?;
            let f = fields(l, &v, version);
            return Ok(show(
                &st,
                &u,
                l,
                heading,
                action,
                &code,
                f,
                Some(problem_texts(l, problems)),
            )
            .await);
        }
    };
    let problems = match st
        .app
        .save_meeting(u.actor(), &code, original, m, version)
        .await
    {
        Ok(problems) if problems.is_empty() => {
            return Ok(
                Redirect::to(&format!("/orgs/{}/club?saved=meeting", enc(&code))).into_response(),
            );
        }
        Ok(problems) => problems
            .into_iter()
            .map(|(f, v, m)| (f.to_string(), v, m))
            .collect(),
        Err(AppError::Invalid { field, value, msg }) => vec![(field, value, msg)],
        Err(err) => return Err(WebError::new(l, err)),
    };
    let f = fields(l, &v, version);
    Ok(show(
        &st,
        &u,
        l,
        heading,
        action,
        &code,
        f,
        Some(problem_texts(l, problems)),
    )
    .await)
}

fn remove_fields(l: Lang, reason: &str, version: i64) -> Vec<Field> {
    let mut r = field(l, "reason", "textarea", reason.to_string());
    r.required = true;
    vec![r, version_field(version)]
}

/// Taking out a meeting recorded by mistake: a reason first.
pub(crate) async fn meeting_remove_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, day)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let on = day_of(l, &day)?;
    st.app.check_club_write(u.actor(), &code).await.map_err(e)?;
    let org = OrgCode::parse(&code).ok_or_else(|| e(AppError::not_found("org", code.clone())))?;
    let version = st
        .app
        .row_version("club_meetings", &hoptac_app::clubs::meeting_key(&org, on))
        .await
        .map_err(e)?;
    Ok(show(
        &st,
        &u,
        l,
        format!("{} {}", t(l, "club_remove_meeting"), to_vi(on)),
        format!("/orgs/{}/meetings/{}/remove", enc(&code), to_iso(on)),
        &code,
        remove_fields(l, "", version),
        None,
    )
    .await)
}

pub(crate) async fn meeting_remove(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, day)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let on = day_of(l, &day)?;
    let v = to_map(&pairs);
    let reason = v.get("reason").cloned().unwrap_or_default();
    let version = crate::http::forms::version_of(&v);
    match st
        .app
        .remove_meeting(u.actor(), &code, on, &reason, version)
        .await
    {
        Ok(()) => {
            Ok(Redirect::to(&format!("/orgs/{}/club?saved=removed", enc(&code))).into_response())
        }
        Err(AppError::Invalid { field, value, msg }) => Ok(show(
            &st,
            &u,
            l,
            format!("{} {}", t(l, "club_remove_meeting"), to_vi(on)),
            format!("/orgs/{}/meetings/{}/remove", enc(&code), to_iso(on)),
            &code,
            remove_fields(l, &reason, version),
            Some(problem_texts(l, vec![(field, value, msg)])),
        )
        .await),
        Err(err) => Err(WebError::new(l, err)),
    }
}
