//! The manager form (thêm, sửa cán bộ quản lý): add a manager of an organisation, or change
//! one — rename, end a term, record a training — with the version the clerk saw.

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{field, form_page, select, to_map, version_field};
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
use hoptac_core::date::to_vi;
use hoptac_core::model::Manager;
use hoptac_core::types::{Qualification, Role as ManagerRole};
use std::collections::HashMap;

/// The form's inputs, in the order of the exchange sheet.
pub(crate) const MANAGER_KEYS: [&str; 6] = [
    "full_name",
    "role",
    "qualification",
    "trained_on",
    "from",
    "to",
];

/// A date typed as dd/mm/yyyy in both languages (not the browser's locale widget).
fn day(l: Lang, key: &'static str, label: &'static str, value: String) -> Field {
    let mut f = field(l, key, "day", value);
    f.label = t(l, label);
    f.hint = t(l, "date_hint");
    f
}

fn manager_fields(l: Lang, v: &HashMap<String, String>) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut name = field(l, "full_name", "text", get("full_name"));
    name.required = true;
    let mut role = select(
        l,
        "role",
        ManagerRole::all(),
        &get("role"),
        ManagerRole::code,
        ManagerRole::label,
        false,
    );
    role.required = true;
    vec![
        name,
        role,
        select(
            l,
            "qualification",
            Qualification::all(),
            &get("qualification"),
            Qualification::code,
            Qualification::label,
            true,
        ),
        day(l, "trained_on", "trained_on", get("trained_on")),
        day(l, "from", "term_from", get("from")),
        day(l, "to", "term_to", get("to")),
    ]
}

fn values_of(m: &Manager) -> HashMap<String, String> {
    let d = |x: Option<hoptac_core::date::Date>| x.map(to_vi).unwrap_or_default();
    [
        ("full_name", m.full_name.clone()),
        ("role", m.role.code().to_string()),
        (
            "qualification",
            m.qualification
                .map(|q| q.code().to_string())
                .unwrap_or_default(),
        ),
        ("trained_on", d(m.trained_on)),
        ("from", d(m.from)),
        ("to", d(m.to)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

pub(crate) async fn manager_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    st.app
        .check_manager_write(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let d = st
        .app
        .org_detail(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let mut v = HashMap::new();
    v.insert("role".into(), "director".into());
    let path = format!("/orgs/{}", enc(&code));
    Ok(form_page(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "add_manager"), d.org.name),
        format!("{path}/managers/new"),
        path,
        manager_fields(l, &v),
        None,
    )
    .await)
}

pub(crate) async fn manager_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, slug)): Path<(String, String)>,
    axum::extract::Query(q): crate::http::request::Params,
) -> WebResult {
    let l = lang(&h);
    st.app
        .check_manager_write(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let (m, version) = st
        .app
        .manager(u.actor(), &code, &slug)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let mut v = values_of(&m);
    let mut earlier = String::new();
    // with `from_change=ID`: the values before that change, saved as any edit
    if let Some(id) = q
        .get("from_change")
        .and_then(|x| x.trim().parse::<i64>().ok())
    {
        let (before, at, by) = crate::features::registry::versions::manager_before_change(
            &st.app,
            u.actor(),
            &m.audit_key(),
            id,
        )
        .await
        .map_err(|e| WebError::new(l, e))?;
        v.extend(before);
        earlier = format!(
            " ({} {} — {by})",
            t(l, "as_before_change"),
            crate::http::format::vn_time(&at)
        );
    }
    let mut fields = manager_fields(l, &v);
    fields.push(version_field(version));
    let path = format!("/orgs/{}", enc(&code));
    Ok(form_page(
        &st,
        &u,
        l,
        format!("{} — {}{earlier}", t(l, "edit_manager"), m.full_name),
        format!("{path}/managers/{}/edit", enc(&slug)),
        path,
        fields,
        None,
    )
    .await)
}

async fn save(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
    slug: Option<&str>,
    v: HashMap<String, String>,
) -> WebResult {
    let version = crate::http::forms::version_of(&v);
    let pairs: Vec<(&str, String)> = MANAGER_KEYS
        .iter()
        .map(|k| (*k, v.get(*k).cloned().unwrap_or_default()))
        .collect();
    let outcome = st
        .app
        .save_manager(u.actor(), code, slug.map(|s| (s, version)), &pairs)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let path = format!("/orgs/{}", enc(code));
    if outcome.applied {
        return Ok(Redirect::to(&format!("{path}?saved=1#managers")).into_response());
    }
    let mut fields = manager_fields(l, &v);
    let (heading, action) = match slug {
        Some(s) => {
            fields.push(version_field(version));
            (
                t(l, "edit_manager"),
                format!("{path}/managers/{}/edit", enc(s)),
            )
        }
        None => (t(l, "add_manager"), format!("{path}/managers/new")),
    };
    Ok(form_page(
        st,
        u,
        l,
        heading.into(),
        action,
        path,
        fields,
        Some(&outcome),
    )
    .await)
}

pub(crate) async fn manager_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(&st, &u, lang(&h), &code, None, to_map(&pairs)).await
}

pub(crate) async fn manager_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, slug)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save(&st, &u, lang(&h), &code, Some(&slug), to_map(&pairs)).await
}
