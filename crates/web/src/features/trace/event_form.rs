//! The trace event form (ghi sự kiện truy xuất): the step (harvesting, inspecting,
//! processing, packing, shipping, receiving), the day and time, the place, the lots it is
//! about and, for processing, the lots it used — one lot a line, "lot number; quantity".
//! Opened from a lot's page with that lot filled in. Removal asks a reason.

use super::inputs::{FormProblems, choice, get, options};
use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    Removal, day_of, field, form_page_errors, overlong, problem_texts, select, to_map,
    version_field, version_of,
};
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
use hoptac_core::date::to_vi;
use hoptac_core::lots::{Lot, LotQuantity, TraceEvent};
use hoptac_core::types::TraceStep;
use std::collections::HashMap;

const ENTITY: &str = "trace_events";

fn form_key(f: &str) -> String {
    format!("trace_event_{f}")
}

struct Choices {
    /// The lots the account reads: a line names one by its number.
    lots: Vec<Lot>,
    places: Vec<(String, String)>,
}

async fn choices(st: &AppState, u: &CurrentUser, l: Lang) -> Result<Choices, WebError> {
    let e = |err| WebError::new(l, err);
    let lots = (st.app.lots(u.actor()).await.map_err(e)?.into_iter())
        .map(|(x, _)| x)
        .collect();
    let places = (st.app.facilities(u.actor()).await.map_err(e)?.into_iter())
        .map(|(f, org)| (f.code.clone(), format!("{} — {org}", f.code)))
        .collect();
    Ok(Choices { lots, places })
}

fn fields(
    l: Lang,
    v: &HashMap<String, String>,
    c: &Choices,
    editing: bool,
    version: i64,
) -> Vec<Field> {
    let g = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut code = field(l, "trace_event_code", "text", g("trace_event_code"));
    code.required = true;
    code.readonly = editing;
    code.hint = t(l, "record_code_hint");
    let step = select(
        l,
        "trace_event_step",
        TraceStep::all(),
        &g("trace_event_step"),
        TraceStep::code,
        TraceStep::label,
        false,
    );
    let mut on = field(
        l,
        "trace_event_occurred_on",
        "day",
        g("trace_event_occurred_on"),
    );
    on.required = true;
    on.hint = t(l, "date_hint");
    let mut time = field(l, "trace_event_time", "text", g("trace_event_time"));
    time.hint = t(l, "trace_event_time_hint");
    let mut place = field(
        l,
        "trace_event_facility",
        "select",
        g("trace_event_facility"),
    );
    place.options = options(&c.places, &g("trace_event_facility"), true);
    let mut lots = field(l, "trace_event_lots", "textarea", g("trace_event_lots"));
    lots.required = true;
    lots.hint = t(l, "trace_event_lots_hint");
    let mut inputs = field(l, "trace_event_inputs", "textarea", g("trace_event_inputs"));
    inputs.hint = t(l, "trace_event_inputs_hint");
    let mut parent = field(l, "trace_event_parent", "text", g("trace_event_parent"));
    parent.hint = t(l, "trace_event_parent_hint");
    let mut note = field(l, "trace_event_note", "textarea", g("trace_event_note"));
    note.hint = t(l, "trace_event_note_hint");
    vec![
        code,
        step,
        on,
        time,
        place,
        lots,
        inputs,
        parent,
        note,
        version_field(version),
    ]
}

/// Lines "lot; quantity" for the lots of an event.
fn lines_of(qs: &[LotQuantity], lots: &[Lot]) -> String {
    qs.iter()
        .map(|q| {
            let shared = lots.iter().filter(|x| x.lot == q.lot).count() > 1;
            let name = if shared {
                format!("{}/{}", q.product, q.lot)
            } else {
                q.lot.clone()
            };
            format!("{name}; {}", q.quantity.format_vi(3, false))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn values_of(e: &TraceEvent, c: &Choices) -> HashMap<String, String> {
    [
        ("trace_event_code", e.code.clone()),
        ("trace_event_step", e.step.code().to_string()),
        ("trace_event_occurred_on", to_vi(e.occurred_on)),
        ("trace_event_time", e.time.clone().unwrap_or_default()),
        (
            "trace_event_facility",
            e.facility.clone().unwrap_or_default(),
        ),
        ("trace_event_lots", lines_of(&e.lots, &c.lots)),
        ("trace_event_inputs", lines_of(&e.inputs, &c.lots)),
        ("trace_event_parent", e.parent.clone().unwrap_or_default()),
        ("trace_event_note", e.note.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The lots of a field, one a line: "lot; quantity", or "product/lot; quantity" where two
/// products share a lot number.
fn quantities(
    v: &HashMap<String, String>,
    key: &str,
    lots: &[Lot],
    problems: &mut FormProblems,
) -> Vec<LotQuantity> {
    let mut out = Vec::new();
    for line in get(v, key).lines().map(str::trim).filter(|x| !x.is_empty()) {
        let (name, qty) = line.split_once([';', '\t']).unwrap_or((line, ""));
        let name = name.trim();
        let found: Vec<&Lot> = match name.split_once('/') {
            Some((p, x)) => lots
                .iter()
                .filter(|l| l.product == p && l.lot == x)
                .collect(),
            None => lots.iter().filter(|l| l.lot == name).collect(),
        };
        let lot = match found.as_slice() {
            [one] => Some(*one),
            [] => {
                problems.push((
                    key.into(),
                    name.to_string(),
                    hoptac_core::msg!("trace.no_such_lot", lot = name),
                ));
                None
            }
            _ => {
                problems.push((
                    key.into(),
                    name.to_string(),
                    hoptac_core::msg!("trace.lot_ambiguous", lot = name),
                ));
                None
            }
        };
        let quantity = hoptac_core::parse::parse_number(qty.trim()).map(|n| n.value);
        if quantity.is_none() {
            problems.push((
                key.into(),
                line.to_string(),
                hoptac_core::msg!("web.number_expected", s = qty.trim()),
            ));
        }
        if let (Some(l), Some(quantity)) = (lot, quantity) {
            out.push(LotQuantity {
                product: l.product.clone(),
                lot: l.lot.clone(),
                quantity,
            });
        }
    }
    out
}

fn read(v: &HashMap<String, String>, c: &Choices) -> Result<TraceEvent, FormProblems> {
    let mut problems = overlong(v, 1_000, "trace_event_note", 4_000);
    if !problems.is_empty() {
        return Err(problems);
    }
    let step = choice::<TraceStep>(v, "trace_event_step", &mut problems);
    let on = day_of(v, "trace_event_occurred_on", &mut problems);
    let lots = quantities(v, "trace_event_lots", &c.lots, &mut problems);
    let inputs = quantities(v, "trace_event_inputs", &c.lots, &mut problems);
    let opt = |k: &str| Some(get(v, k).to_string()).filter(|x| !x.is_empty());
    match (step, on) {
        (Some(step), Some(occurred_on)) if problems.is_empty() => Ok(TraceEvent {
            code: get(v, "trace_event_code").to_string(),
            step,
            occurred_on,
            time: opt("trace_event_time"),
            facility: opt("trace_event_facility"),
            inputs,
            lots,
            parent: opt("trace_event_parent"),
            note: get(v, "trace_event_note").to_string(),
        }),
        _ => Err(problems),
    }
}

/// Where the form posts, where it goes back to, and its heading.
fn paths(l: Lang, original: &Option<String>, from: &Lot) -> (String, String, String) {
    let back = format!("/trace/lots/{}/{}", enc(&from.product), enc(&from.lot));
    match original {
        None => (
            format!("{back}/events/new"),
            back,
            t(l, "trace_event_new").to_string(),
        ),
        Some(c) => (
            format!("/trace/events/{}/edit", enc(c)),
            back,
            format!("{} — {c}", t(l, "trace_event_edit")),
        ),
    }
}

/// The lot a new event is for, when opened from its page, the account writing it.
async fn lot_of(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    product: &str,
    lot: &str,
) -> Result<Lot, WebError> {
    let e = |err| WebError::new(l, err);
    let v = st.app.lot(u.actor(), product, lot).await.map_err(e)?;
    if !v.can_edit {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    Ok(v.lot)
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((product, lot)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let x = lot_of(&st, &u, l, &product, &lot).await?;
    let c = choices(&st, &u, l).await?;
    let lots = vec![LotQuantity {
        product: x.product.clone(),
        lot: x.lot.clone(),
        quantity: x.quantity,
    }];
    let v: HashMap<String, String> = [
        ("trace_event_step", TraceStep::Inspecting.code().to_string()),
        ("trace_event_occurred_on", to_vi(hoptac_app::today())),
        (
            "trace_event_facility",
            x.facility.clone().unwrap_or_default(),
        ),
        ("trace_event_lots", lines_of(&lots, &c.lots)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let (action, back, heading) = paths(l, &None, &x);
    let fs = fields(l, &v, &c, false, 0);
    Ok(form_page_errors(&st, &u, l, heading, action, back, fs, None).await)
}

pub(crate) async fn create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((product, lot)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let x = lot_of(&st, &u, l, &product, &lot).await?;
    save(st, h, u, None, x, pairs).await
}

/// The event `code` the account writes, with its version and the lot it is shown from.
async fn event_of(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
) -> Result<(TraceEvent, i64, Lot), WebError> {
    let e = |err| WebError::new(l, err);
    let (ev, from, writes) = st.app.trace_event(u.actor(), code).await.map_err(e)?;
    if !writes {
        st.app.check_support_write(u.actor()).await.map_err(e)?;
        return Err(e(AppError::Forbidden));
    }
    let version = st.app.row_version(ENTITY, code).await.map_err(e)?;
    Ok((ev, version, from))
}

pub(crate) async fn edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let (ev, version, from) = event_of(&st, &u, l, &code).await?;
    let c = choices(&st, &u, l).await?;
    let (action, back, heading) = paths(l, &Some(code), &from);
    let fs = fields(l, &values_of(&ev, &c), &c, true, version);
    Ok(form_page_errors(&st, &u, l, heading, action, back, fs, None).await)
}

pub(crate) async fn update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let (_, _, from) = event_of(&st, &u, l, &code).await?;
    save(st, h, u, Some(code), from, pairs).await
}

async fn save(
    st: AppState,
    h: HeaderMap,
    u: CurrentUser,
    original: Option<String>,
    from: Lot,
    pairs: Vec<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let mut v = to_map(&pairs);
    if let Some(code) = &original {
        v.insert("trace_event_code".into(), code.clone());
    }
    let version = version_of(&v);
    let c = choices(&st, &u, l).await?;
    let (action, back, heading) = paths(l, &original, &from);
    let problems: FormProblems = match read(&v, &c) {
        Err(p) => p,
        Ok(ev) => match (st.app)
            .save_trace_event(u.actor(), original.as_deref(), ev, version)
            .await
        {
            Ok(p) if p.is_empty() => {
                return Ok(Redirect::to(&format!("{back}#timeline")).into_response());
            }
            Ok(p) => p.into_iter().map(|(f, v, m)| (form_key(f), v, m)).collect(),
            Err(AppError::Invalid { field, value, msg }) => vec![(form_key(&field), value, msg)],
            Err(err) => return Err(WebError::new(l, err)),
        },
    };
    let fs = fields(l, &v, &c, original.is_some(), version);
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading,
        action,
        back,
        fs,
        Some(problem_texts(l, problems)),
    )
    .await)
}

fn removal(l: Lang, code: &str, from: &Lot) -> Removal {
    Removal {
        heading: format!("{} — {code}", t(l, "trace_event_remove")),
        action: format!("/trace/events/{}/remove", enc(code)),
        back: format!("/trace/lots/{}/{}", enc(&from.product), enc(&from.lot)),
        done: "/trace?saved=removed#lots",
    }
}

pub(crate) async fn remove_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let (_, version, from) = event_of(&st, &u, l, &code).await?;
    let r = removal(l, &code, &from);
    Ok(r.page(&st, &u, l, "", version, None).await)
}

pub(crate) async fn remove(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let (_, _, from) = event_of(&st, &u, l, &code).await?;
    let v = to_map(&pairs);
    let reason = v.get("reason").cloned().unwrap_or_default();
    let version = version_of(&v);
    let result = (st.app)
        .remove_trace_event(u.actor(), &code, &reason, version)
        .await;
    (removal(l, &code, &from))
        .outcome(&st, &u, l, &reason, version, result)
        .await
}
