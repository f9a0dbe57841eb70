//! The event form (ghi sự kiện tuyên truyền): its kind, what it was about, the day, who held
//! it and for which unit, who it was for and how many it reached. Removal asks a reason.

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    Removal, day_of, field, form_page_errors, overlong, problem_texts, select, to_map, unit_label,
    version_field, version_of,
};
use crate::http::i18n::{Lang, t};
use crate::http::layout::{Field, Opt};
use crate::http::request::{Path, WebResult, lang};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::date::to_vi;
use hoptac_core::i18n::Msg;
use hoptac_core::model::{AdminUnit, Event, UnitId};
use hoptac_core::types::EventKind;
use std::collections::HashMap;

const FIELD_MAX: usize = 1_000;
const ENTITY: &str = "support_events";

type FormProblems = Vec<(String, String, Msg)>;

fn form_key(field: &str) -> String {
    match field {
        "held_on" => "event_held_on".into(),
        f => format!("event_{f}"),
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
    let mut code = field(l, "event_code", "text", get("event_code"));
    code.required = true;
    code.readonly = editing;
    code.hint = t(l, "record_code_hint");
    let mut kind = select(
        l,
        "event_kind",
        EventKind::all(),
        &get("event_kind"),
        EventKind::code,
        EventKind::label,
        false,
    );
    kind.required = true;
    let mut title = field(l, "event_title", "text", get("event_title"));
    title.required = true;
    let mut on = field(l, "event_held_on", "day", get("event_held_on"));
    on.required = true;
    on.hint = t(l, "date_hint");
    let mut organiser = field(l, "event_organiser", "text", get("event_organiser"));
    organiser.required = true;
    let mut unit = field(l, "event_unit", "select", get("event_unit"));
    unit.required = true;
    unit.options = units
        .iter()
        .map(|u| Opt {
            value: u.id.0.to_string(),
            label: unit_label(l, u),
            selected: u.id.0.to_string() == get("event_unit"),
        })
        .collect();
    let audience = field(l, "event_audience", "text", get("event_audience"));
    let mut reach = field(l, "event_reach", "number", get("event_reach"));
    reach.hint = t(l, "event_reach_hint");
    vec![
        code,
        kind,
        title,
        on,
        organiser,
        unit,
        audience,
        reach,
        version_field(version),
    ]
}

fn values_of(e: &Event) -> HashMap<String, String> {
    [
        ("event_code", e.code.clone()),
        ("event_kind", e.kind.code().to_string()),
        ("event_title", e.title.clone()),
        ("event_held_on", to_vi(e.held_on)),
        ("event_organiser", e.organiser.clone()),
        ("event_unit", e.unit.0.to_string()),
        ("event_audience", e.audience.clone()),
        (
            "event_reach",
            e.reach.map(|n| n.to_string()).unwrap_or_default(),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The event the form says, or every problem of it.
fn read(v: &HashMap<String, String>) -> Result<Event, FormProblems> {
    let mut problems = overlong(v, FIELD_MAX, "", 0);
    if !problems.is_empty() {
        return Err(problems);
    }
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or_default();
    let held_on = day_of(v, "event_held_on", &mut problems);
    let kind = EventKind::parse(get("event_kind"));
    if kind.is_none() {
        problems.push((
            "event_kind".into(),
            get("event_kind").to_string(),
            hoptac_core::msg!(
                "club.topic_unknown",
                value = get("event_kind"),
                expected = <EventKind as hoptac_core::types::Enumerated>::expected()
            ),
        ));
    }
    let unit = get("event_unit").parse::<i64>().ok().map(UnitId);
    if unit.is_none() {
        problems.push((
            "event_unit".into(),
            get("event_unit").to_string(),
            hoptac_core::msg!("exchange.required_value_missing"),
        ));
    }
    let reach = match get("event_reach") {
        "" => Ok(None),
        s => s.replace('.', "").parse::<i64>().map(Some),
    };
    let reach = reach.unwrap_or_else(|_| {
        problems.push((
            "event_reach".into(),
            get("event_reach").to_string(),
            hoptac_core::msg!(
                "support.reach_out_of_range",
                max = hoptac_core::support::REACH_MAX
            ),
        ));
        None
    });
    match (held_on, kind, unit) {
        (Some(held_on), Some(kind), Some(unit)) if problems.is_empty() => Ok(Event {
            code: get("event_code").to_string(),
            kind,
            title: get("event_title").to_string(),
            held_on,
            organiser: get("event_organiser").to_string(),
            unit,
            audience: get("event_audience").to_string(),
            reach,
        }),
        _ => Err(problems),
    }
}

fn action_of(original: &Option<String>) -> String {
    match original {
        None => "/support/events/new".into(),
        Some(c) => format!("/support/events/{}/edit", enc(c)),
    }
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    st.app.check_support_write(u.actor()).await.map_err(e)?;
    let units = st.app.course_units(u.actor()).await.map_err(e)?;
    let v: HashMap<String, String> = [
        ("event_held_on", to_vi(hoptac_app::today())),
        ("event_kind", EventKind::Conference.code().to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "event_new").to_string(),
        action_of(&None),
        "/support#events".into(),
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
    let v = st.app.event(u.actor(), &code).await.map_err(e)?;
    if !v.can_edit {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let units = st.app.course_units(u.actor()).await.map_err(e)?;
    let version = st.app.row_version(ENTITY, &code).await.map_err(e)?;
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "event_edit"), v.event.title),
        action_of(&Some(code)),
        "/support#events".into(),
        fields(l, &values_of(&v.event), &units, true, version),
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
        v.insert("event_code".into(), code.clone());
    }
    let version = version_of(&v);
    st.app.check_support_write(u.actor()).await.map_err(e)?;
    let units = st.app.course_units(u.actor()).await.map_err(e)?;
    let problems: FormProblems = match read(&v) {
        Err(p) => p,
        Ok(ev) => match st
            .app
            .save_event(u.actor(), original.as_deref(), ev, version)
            .await
        {
            Ok(p) if p.is_empty() => {
                return Ok(Redirect::to("/support?saved=event#events").into_response());
            }
            Ok(p) => p.into_iter().map(|(f, v, m)| (form_key(f), v, m)).collect(),
            Err(AppError::Invalid { field, value, msg }) => vec![(form_key(&field), value, msg)],
            Err(err) => return Err(e(err)),
        },
    };
    let heading = t(
        l,
        if original.is_some() {
            "event_edit"
        } else {
            "event_new"
        },
    );
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading.to_string(),
        action_of(&original),
        "/support#events".into(),
        fields(l, &v, &units, original.is_some(), version),
        Some(problem_texts(l, problems)),
    )
    .await)
}

fn removal(l: Lang, code: &str) -> Removal {
    Removal {
        heading: format!("{} — {code}", t(l, "event_remove")),
        action: format!("/support/events/{}/remove", enc(code)),
        back: "/support#events".into(),
        done: "/support?saved=removed#events",
    }
}

pub(crate) async fn remove_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let v = st.app.event(u.actor(), &code).await.map_err(e)?;
    if !v.can_edit {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let version = st.app.row_version(ENTITY, &code).await.map_err(e)?;
    Ok(removal(l, &code).page(&st, &u, l, "", version, None).await)
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
    let version = version_of(&v);
    let result = (st.app)
        .remove_event(u.actor(), &code, &reason, version)
        .await;
    (removal(l, &code))
        .outcome(&st, &u, l, &reason, version, result)
        .await
}
