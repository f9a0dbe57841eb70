//! The course form (ghi lớp đào tạo, bồi dưỡng): what it taught, its kind, who held it and
//! for which unit, its dates and money, and its people one a line (`Họ và tên | mã tổ chức`,
//! the code left out for a person of no organisation).

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    day_of, field, form_page_errors, overlong, problem_texts, reason_fields, select, to_map,
    unit_label, version_field,
};
use crate::http::i18n::{Lang, t};
use crate::http::layout::{Field, Opt};
use crate::http::request::{Path, WebResult, lang};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use hoptac_app::AppError;
use hoptac_app::training::{attendees_text, parse_attendees};
use hoptac_core::date::to_vi;
use hoptac_core::i18n::Msg;
use hoptac_core::model::{AdminUnit, Attendee, Course, UnitId};
use hoptac_core::types::CourseLevel;
use std::collections::HashMap;

/// Longest text a field may carry before it is read; the list of people is longer.
const FIELD_MAX: usize = 4_000;
const LIST_MAX: usize = 200_000;

/// The form's field of each field the rules name.
fn form_key(field: &str) -> String {
    match field {
        "code" | "title" | "level" | "organiser" | "unit" | "funding" | "attendees" => {
            format!("course_{field}")
        }
        "starts_on" => "course_starts".into(),
        "ends_on" => "course_ends".into(),
        f => f.to_string(),
    }
}

fn fields(
    l: Lang,
    v: &HashMap<String, String>,
    units: &[AdminUnit],
    editing: bool,
    version: i64,
) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut code = field(l, "course_code", "text", get("course_code"));
    code.required = true;
    code.readonly = editing;
    code.hint = t(l, "course_code_hint");
    let mut title = field(l, "course_title", "text", get("course_title"));
    title.required = true;
    let mut level = select(
        l,
        "course_level",
        CourseLevel::all(),
        &get("course_level"),
        CourseLevel::code,
        CourseLevel::label,
        false,
    );
    level.required = true;
    let mut organiser = field(l, "course_organiser", "text", get("course_organiser"));
    organiser.required = true;
    let mut unit = field(l, "course_unit", "select", get("course_unit"));
    unit.required = true;
    unit.options = units
        .iter()
        .map(|u| Opt {
            value: u.id.0.to_string(),
            label: unit_label(l, u),
            selected: u.id.0.to_string() == get("course_unit"),
        })
        .collect();
    let mut starts = field(l, "course_starts", "day", get("course_starts"));
    starts.hint = t(l, "date_hint");
    starts.required = true;
    let mut ends = field(l, "course_ends", "day", get("course_ends"));
    ends.hint = t(l, "date_hint");
    ends.required = true;
    let funding = field(l, "course_funding", "text", get("course_funding"));
    let mut people = field(l, "course_attendees", "textarea", get("course_attendees"));
    people.hint = t(l, "course_attendees_hint");
    vec![
        code,
        title,
        level,
        organiser,
        unit,
        starts,
        ends,
        funding,
        people,
        version_field(version),
    ]
}

fn values_of(c: &Course, list: &[Attendee]) -> HashMap<String, String> {
    [
        ("course_code", c.code.clone()),
        ("course_title", c.title.clone()),
        ("course_level", c.level.code().to_string()),
        ("course_organiser", c.organiser.clone()),
        ("course_unit", c.unit.0.to_string()),
        ("course_starts", to_vi(c.starts_on)),
        ("course_ends", to_vi(c.ends_on)),
        ("course_funding", c.funding.clone()),
        ("course_attendees", attendees_text(list)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

type FormProblems = Vec<(String, String, Msg)>;

/// The course and its people the form says, or every problem of it.
fn read(v: &HashMap<String, String>) -> Result<(Course, Vec<Attendee>), FormProblems> {
    let mut problems: FormProblems = overlong(v, FIELD_MAX, "course_attendees", LIST_MAX);
    if !problems.is_empty() {
        return Err(problems);
    }
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or_default();
    let starts_on = day_of(v, "course_starts", &mut problems);
    let ends_on = day_of(v, "course_ends", &mut problems);
    let level = CourseLevel::parse(get("course_level"));
    if level.is_none() {
        problems.push((
            "course_level".into(),
            get("course_level").to_string(),
            hoptac_core::msg!(
                "club.topic_unknown",
                value = get("course_level"),
                expected = <CourseLevel as hoptac_core::types::Enumerated>::expected()
            ),
        ));
    }
    let unit = get("course_unit").parse::<i64>().ok().map(UnitId);
    if unit.is_none() {
        problems.push((
            "course_unit".into(),
            get("course_unit").to_string(),
            hoptac_core::msg!("exchange.required_value_missing"),
        ));
    }
    let code = get("course_code").to_string();
    let list = match parse_attendees(&code, get("course_attendees")) {
        Ok(list) => list,
        Err((value, msg)) => {
            problems.push(("course_attendees".into(), value, msg));
            Vec::new()
        }
    };
    match (starts_on, ends_on, level, unit) {
        (Some(starts_on), Some(ends_on), Some(level), Some(unit)) if problems.is_empty() => Ok((
            Course {
                code,
                title: get("course_title").to_string(),
                level,
                organiser: get("course_organiser").to_string(),
                unit,
                starts_on,
                ends_on,
                funding: get("course_funding").to_string(),
            },
            list,
        )),
        _ => Err(problems),
    }
}

#[allow(clippy::too_many_arguments)]
async fn show(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    heading: String,
    action: String,
    back: String,
    fields: Vec<Field>,
    errors: Option<Vec<(String, String)>>,
) -> Response {
    form_page_errors(st, u, l, heading, action, back, fields, errors).await
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    st.app.check_course_write(u.actor()).await.map_err(e)?;
    let units = st.app.course_units(u.actor()).await.map_err(e)?;
    let today = to_vi(hoptac_app::today());
    let v: HashMap<String, String> = [
        ("course_starts", today.clone()),
        ("course_ends", today),
        ("course_level", CourseLevel::Workshop.code().to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Ok(show(
        &st,
        &u,
        l,
        t(l, "course_new").to_string(),
        "/training/new".into(),
        "/training".into(),
        fields(l, &v, &units, false, 0),
        None,
    )
    .await)
}

pub(crate) async fn create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(st, h, u, None, pairs).await
}

pub(crate) async fn edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let v = st.app.course(u.actor(), &code).await.map_err(e)?;
    if !v.can_edit {
        st.app.check_course_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let units = st.app.course_units(u.actor()).await.map_err(e)?;
    let version = st
        .app
        .row_version("training_courses", &code)
        .await
        .map_err(e)?;
    Ok(show(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "course_edit"), v.course.title),
        format!("/training/{}/edit", enc(&code)),
        format!("/training/{}", enc(&code)),
        fields(
            l,
            &values_of(&v.course, &v.attendees),
            &units,
            true,
            version,
        ),
        None,
    )
    .await)
}

pub(crate) async fn update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(st, h, u, Some(code), pairs).await
}

async fn save(
    st: AppState,
    h: HeaderMap,
    u: CurrentUser,
    original: Option<String>,
    pairs: Vec<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let mut v = to_map(&pairs);
    if let Some(code) = &original {
        // the code of a course is its name in the audit: an edit keeps it
        v.insert("course_code".into(), code.clone());
    }
    let version = crate::http::forms::version_of(&v);
    let (action, back, heading) = match &original {
        None => (
            "/training/new".to_string(),
            "/training".to_string(),
            t(l, "course_new").to_string(),
        ),
        Some(c) => (
            format!("/training/{}/edit", enc(c)),
            format!("/training/{}", enc(c)),
            t(l, "course_edit").to_string(),
        ),
    };
    st.app.check_course_write(u.actor()).await.map_err(e)?;
    let units = st.app.course_units(u.actor()).await.map_err(e)?;
    let editing = original.is_some();
    let problems: FormProblems = match read(&v) {
        Err(p) => p,
        Ok((course, list)) => {
            let code = course.code.clone();
            match st
                .app
                .save_course(u.actor(), original.as_deref(), course, list, version)
                .await
            {
                Ok(p) if p.is_empty() => {
                    return Ok(
                        Redirect::to(&format!("/training/{}?saved=course", enc(&code)))
                            .into_response(),
                    );
                }
                Ok(p) => p.into_iter().map(|(f, v, m)| (form_key(f), v, m)).collect(),
                Err(AppError::Invalid { field, value, msg }) => {
                    vec![(form_key(&field), value, msg)]
                }
                Err(err) => return Err(e(err)),
            }
        }
    };
    Ok(show(
        &st,
        &u,
        l,
        heading,
        action,
        back,
        fields(l, &v, &units, editing, version),
        Some(problem_texts(l, problems)),
    )
    .await)
}

pub(crate) async fn remove_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let v = st.app.course(u.actor(), &code).await.map_err(e)?;
    if !v.can_edit {
        st.app.check_course_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let version = st
        .app
        .row_version("training_courses", &code)
        .await
        .map_err(e)?;
    Ok(show(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "course_remove"), v.course.title),
        format!("/training/{}/remove", enc(&code)),
        format!("/training/{}", enc(&code)),
        reason_fields(l, "", version),
        None,
    )
    .await)
}

pub(crate) async fn remove(
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
    match st
        .app
        .remove_course(u.actor(), &code, &reason, version)
        .await
    {
        Ok(()) => Ok(Redirect::to("/training?saved=removed").into_response()),
        Err(AppError::Invalid { field, value, msg }) => Ok(show(
            &st,
            &u,
            l,
            t(l, "course_remove").to_string(),
            format!("/training/{}/remove", enc(&code)),
            format!("/training/{}", enc(&code)),
            reason_fields(l, &reason, version),
            Some(problem_texts(l, vec![(field, value, msg)])),
        )
        .await),
        Err(err) => Err(WebError::new(l, err)),
    }
}
