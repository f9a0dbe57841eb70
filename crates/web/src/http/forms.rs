//! Form helpers every feature uses: fields, selects, parsing of enums and years, the record version
//! a form carries.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::i18n::Lang;
use crate::http::layout::Field;
use crate::http::layout::FormPage;
use crate::http::layout::Opt;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::http::StatusCode;
use axum::response::Response;
use hoptac_app::{AppError, ImportOutcome};
use std::collections::HashMap;

pub(crate) fn bad(field: &str, value: &str, msg: hoptac_core::Msg) -> AppError {
    AppError::invalid(field, value, msg)
}

/// The period a page shows when none is asked for: the five years to the last one closed.
pub(crate) fn default_period() -> (i32, i32) {
    let to = hoptac_app::today().year() - 1;
    (to - 4, to)
}

/// A year from a query parameter, or the default when absent.
pub(crate) fn year_param(
    q: &HashMap<String, String>,
    key: &str,
    default: i32,
) -> Result<i32, AppError> {
    match q.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some(s) => s
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
            .ok_or_else(|| {
                bad(
                    key,
                    s,
                    hoptac_core::msg!("web.invalid_year_param", key = key, s = s),
                )
            }),
    }
}

pub(crate) fn enum_opts<T: Copy + PartialEq>(
    all: &[T],
    selected: Option<T>,
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    any: &str,
) -> Vec<Opt> {
    let mut v = vec![Opt {
        value: String::new(),
        label: any.into(),
        selected: selected.is_none(),
    }];
    v.extend(all.iter().map(|x| Opt {
        value: code(*x).into(),
        label: label(*x).into(),
        selected: selected == Some(*x),
    }));
    v
}

pub(crate) fn parse_enum<T>(
    q: &HashMap<String, String>,
    key: &str,
    parse: fn(&str) -> Option<T>,
    expected: String,
) -> Result<Option<T>, AppError> {
    match q.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => parse(s).map(Some).ok_or_else(|| {
            bad(
                key,
                s,
                hoptac_core::msg!(
                    "web.invalid_enumerated_param",
                    s = s,
                    key = key,
                    expected = expected
                ),
            )
        }),
    }
}

pub(crate) fn field(l: Lang, key: &'static str, kind: &'static str, value: String) -> Field {
    Field {
        key,
        label: crate::http::i18n::t(l, key),
        kind,
        value,
        options: vec![],
        error: String::new(),
        warning: String::new(),
        hint: "",
        owner: "",
        beside: String::new(),
        readonly: false,
        required: false,
    }
}

pub(crate) fn select<T: Copy>(
    l: Lang,
    key: &'static str,
    all: &[T],
    value: &str,
    code: fn(T) -> &'static str,
    label: fn(T, &str) -> &'static str,
    empty: bool,
) -> Field {
    let mut f = field(l, key, "select", value.to_string());
    if empty {
        f.options.push(Opt {
            value: String::new(),
            label: "—".into(),
            selected: value.is_empty(),
        });
    }
    f.options.extend(all.iter().map(|x| Opt {
        value: code(*x).into(),
        label: label(*x, l.code()).into(),
        selected: code(*x) == value,
    }));
    f
}

pub(crate) fn to_map(pairs: &[(String, String)]) -> HashMap<String, String> {
    let mut m: HashMap<String, String> = HashMap::new();
    for (k, v) in pairs {
        m.entry(k.clone())
            .and_modify(|x| {
                x.push(';');
                x.push_str(v)
            })
            .or_insert_with(|| v.clone());
    }
    m
}

// The request's context (state, user, language) and the form's (heading, action, back,
// fields, errors): grouping them would only rename the same eight things.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn form_page(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    heading: String,
    action: String,
    back: String,
    fields: Vec<Field>,
    outcome: Option<&ImportOutcome>,
) -> Response {
    let errors = outcome.map(|o| {
        o.problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| {
                let text = format!(
                    "{}{}",
                    p.msg.get(l.code()),
                    if p.value.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", p.value)
                    }
                );
                (p.key.unwrap_or_default().to_string(), text)
            })
            .collect()
    });
    form_page_errors(st, u, l, heading, action, back, fields, errors).await
}

/// A form page; with `errors` (field key, message), each message goes beside its field
/// (or above the form) and the answer is 422.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn form_page_errors(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    heading: String,
    action: String,
    back: String,
    mut fields: Vec<Field>,
    errors: Option<Vec<(String, String)>>,
) -> Response {
    let mut general = Vec::new();
    let failed = errors.is_some();
    for (key, text) in errors.unwrap_or_default() {
        // a hidden field (the version) shows nothing: its message goes above the form
        match fields
            .iter_mut()
            .find(|f| f.key == key && f.kind != "hidden")
        {
            Some(f) if f.error.is_empty() => f.error = text,
            Some(f) => {
                f.error.push_str("; ");
                f.error.push_str(&text)
            }
            None => general.push(text),
        }
    }
    if failed && general.is_empty() && fields.iter().all(|f| f.error.is_empty()) {
        general.push(crate::http::i18n::t(l, "form_has_errors").into());
    }
    let t = FormPage {
        p: page(st, u, l, "nav_registry").await,
        heading,
        action,
        back,
        fields,
        general_errors: general,
        warned: false,
    };
    let mut r = render(&t);
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    r
}

/// A form checked before it is saved whose only problems are warnings (profit above
/// revenue, a jump from last year): shown again with each warning beside its field and a
/// button that saves despite them. Nothing was written.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn form_page_warned(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    heading: String,
    action: String,
    back: String,
    mut fields: Vec<Field>,
    outcome: &ImportOutcome,
) -> Response {
    let mut general = vec![crate::http::i18n::t(l, "form_check_warnings").to_string()];
    for p in &outcome.problems {
        let text = p.msg.get(l.code()).to_string();
        match fields
            .iter_mut()
            .find(|f| Some(f.key) == p.key && f.kind != "hidden")
        {
            Some(f) if f.warning.is_empty() => f.warning = text,
            Some(f) => {
                f.warning.push_str("; ");
                f.warning.push_str(&text)
            }
            None => general.push(text),
        }
    }
    let mut accept = version_field(0);
    accept.key = ACCEPT_WARNINGS;
    accept.value = "1".into();
    fields.push(accept);
    render(&FormPage {
        p: page(st, u, l, "nav_registry").await,
        heading,
        action,
        back,
        fields,
        general_errors: general,
        warned: true,
    })
}

/// A form shown again with warnings on their fields (field key, message): sent again as it
/// is, it is saved despite them.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn form_page_warnings(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    heading: String,
    action: String,
    back: String,
    mut fields: Vec<Field>,
    warnings: Vec<(String, hoptac_core::Msg)>,
) -> Response {
    let mut general = vec![crate::http::i18n::t(l, "form_check_warnings").to_string()];
    for (key, msg) in warnings {
        let text = msg.get(l.code()).to_string();
        match fields
            .iter_mut()
            .find(|f| f.key == key && f.kind != "hidden")
        {
            Some(f) if f.warning.is_empty() => f.warning = text,
            Some(f) => {
                f.warning.push_str("; ");
                f.warning.push_str(&text)
            }
            None => general.push(text),
        }
    }
    let mut accept = version_field(0);
    accept.key = ACCEPT_WARNINGS;
    accept.value = "1".into();
    fields.push(accept);
    render(&FormPage {
        p: page(st, u, l, "nav_trace").await,
        heading,
        action,
        back,
        fields,
        general_errors: general,
        warned: true,
    })
}

/// The hidden field of a form sent again after its warnings were shown.
pub(crate) const ACCEPT_WARNINGS: &str = "_accept_warnings";

/// Whether the form was sent after its warnings were shown (save despite them).
pub(crate) fn warnings_accepted(v: &HashMap<String, String>) -> bool {
    v.get(ACCEPT_WARNINGS).is_some_and(|x| x == "1")
}

/// The hidden field that carries the version of the row an edit form was read at.
/// A form's problems (field, value refused, why) as the form shows them: the message in
/// the page's language with the value in brackets.
pub(crate) fn problem_texts<F: Into<String>>(
    l: Lang,
    problems: Vec<(F, String, hoptac_core::Msg)>,
) -> Vec<(String, String)> {
    problems
        .into_iter()
        .map(|(f, value, msg)| {
            let text = if value.is_empty() {
                msg.get(l.code()).to_string()
            } else {
                format!("{} [{value}]", msg.get(l.code()))
            };
            (f.into(), text)
        })
        .collect()
}

pub(crate) fn version_field(version: i64) -> Field {
    Field {
        key: "_version",
        label: "",
        kind: "hidden",
        value: version.to_string(),
        options: vec![],
        error: String::new(),
        warning: String::new(),
        hint: "",
        owner: "",
        beside: String::new(),
        readonly: false,
        required: false,
    }
}

/// A refused edit form is shown again with the version it was read at, so a second try
/// is still checked against the row as the user saw it.
pub(crate) fn keep_version(fields: &mut Vec<Field>, v: &HashMap<String, String>) {
    if let Some(version) = v.get("_version").and_then(|x| x.trim().parse().ok()) {
        fields.push(version_field(version));
    }
}

/// An edit form's fields with the version of its row.
pub(crate) async fn with_version(
    st: &AppState,
    l: Lang,
    mut fields: Vec<Field>,
    entity: &str,
    key: &str,
) -> Result<Vec<Field>, WebError> {
    let v = st
        .app
        .row_version(entity, key)
        .await
        .map_err(|e| WebError::new(l, e))?;
    fields.push(version_field(v));
    Ok(fields)
}

/// The version a form was read at; −1 (stale by definition) when it is missing or unreadable.
pub(crate) fn version_of(v: &HashMap<String, String>) -> i64 {
    v.get("_version")
        .and_then(|x| x.trim().parse().ok())
        .unwrap_or(-1)
}

/// Create or edit: an edit form without a readable version is stale by definition.
pub(crate) fn form_intent(v: &HashMap<String, String>, editing: bool) -> hoptac_app::FormIntent {
    if editing {
        hoptac_app::FormIntent::Update {
            version: version_of(v),
        }
    } else {
        hoptac_app::FormIntent::Create
    }
}

/// A unit as a choice of a form: its name and code, and its end for a unit that no longer
/// exists (a record of before the 2025 reform is held for the unit of then).
pub(crate) fn unit_label(l: Lang, u: &hoptac_core::model::AdminUnit) -> String {
    use hoptac_core::date::to_vi;
    match u.valid_to {
        Some(end) => format!(
            "{} ({}, {} {})",
            u.name,
            u.code,
            crate::http::i18n::t(l, "until"),
            to_vi(end)
        ),
        None => format!("{} ({})", u.name, u.code),
    }
}

/// The fields of a removal: the reason (required, kept in the audit) and the version read.
pub(crate) fn reason_fields(l: Lang, reason: &str, version: i64) -> Vec<Field> {
    let mut r = field(l, "reason", "textarea", reason.to_string());
    r.required = true;
    vec![r, version_field(version)]
}

/// Every field of a form longer than `max` (the one named `long_key` may be `long_max`),
/// said before anything is read from them.
pub(crate) fn overlong(
    v: &HashMap<String, String>,
    max: usize,
    long_key: &str,
    long_max: usize,
) -> Vec<(String, String, hoptac_core::Msg)> {
    let mut out = Vec::new();
    for (k, s) in v {
        let max = if k == long_key { long_max } else { max };
        if s.chars().count() > max {
            out.push((
                k.clone(),
                String::new(),
                hoptac_core::msg!("club.text_too_long", max = max),
            ));
        }
    }
    out
}

/// A day typed as `dd/mm/yyyy` (or ISO), or the problem of the field.
pub(crate) fn day_of(
    v: &HashMap<String, String>,
    key: &str,
    problems: &mut Vec<(String, String, hoptac_core::Msg)>,
) -> Option<hoptac_core::Date> {
    let s = v.get(key).map(|s| s.trim()).unwrap_or_default();
    let d = hoptac_core::date::parse(s).filter(|_| s.len() > 4);
    if d.is_none() {
        problems.push((
            key.to_string(),
            s.to_string(),
            hoptac_core::msg!("club.day_invalid", value = s),
        ));
    }
    d
}

/// Where a removal form posts, what it is titled, and where it goes back to.
pub(crate) struct Removal {
    pub heading: String,
    pub action: String,
    pub back: String,
    /// Where a removal written goes.
    pub done: &'static str,
}

impl Removal {
    /// The reason form of the removal, with what went wrong.
    pub(crate) async fn page(
        &self,
        st: &AppState,
        u: &CurrentUser,
        l: Lang,
        reason: &str,
        version: i64,
        errors: Option<Vec<(String, String)>>,
    ) -> Response {
        let (heading, action, back) =
            (self.heading.clone(), self.action.clone(), self.back.clone());
        form_page_errors(
            st,
            u,
            l,
            heading,
            action,
            back,
            reason_fields(l, reason, version),
            errors,
        )
        .await
    }

    /// What a removal answers: to its `done` page once written, the form again naming what is wrong
    /// (a missing reason, a stale version), the error page otherwise.
    pub(crate) async fn outcome(
        &self,
        st: &AppState,
        u: &CurrentUser,
        l: Lang,
        reason: &str,
        version: i64,
        result: hoptac_app::Result<()>,
    ) -> crate::http::request::WebResult {
        match result {
            Ok(()) => Ok(axum::response::IntoResponse::into_response(
                axum::response::Redirect::to(self.done),
            )),
            Err(hoptac_app::AppError::Invalid { field, value, msg }) => {
                let errors = Some(problem_texts(l, vec![(field, value, msg)]));
                Ok(self.page(st, u, l, reason, version, errors).await)
            }
            Err(err) => Err(crate::http::error::WebError::new(l, err)),
        }
    }
}
