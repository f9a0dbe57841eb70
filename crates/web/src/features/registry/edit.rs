//! The organisation form (thêm, sửa tổ chức): create and update with the version the clerk saw.

use crate::features::registry::org::org_page_view;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::forms::field;
use crate::http::forms::form_intent;
use crate::http::forms::form_page;
use crate::http::forms::form_page_warned;
use crate::http::forms::keep_version;
use crate::http::forms::select;
use crate::http::forms::to_map;
use crate::http::forms::version_field;
use crate::http::forms::warnings_accepted;
use crate::http::i18n::Lang;
use crate::http::layout::Field;
use crate::http::layout::Opt;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_core::types::*;
use std::collections::HashMap;

pub(crate) async fn org_fields(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    v: &HashMap<String, String>,
    editing: bool,
) -> Result<Vec<Field>, WebError> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let units = st
        .app
        .units_in_scope(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let mut communes: Vec<_> = units
        .iter()
        .filter(|u| u.level == AdminLevel::Commune)
        .collect();
    communes.sort_by_key(|u| hoptac_core::text::fold_unit_name(&u.name));
    let mut code = field(l, "code", "text", get("code"));
    code.readonly = editing;
    code.required = true;
    let mut name = field(l, "name", "text", get("name"));
    name.required = true;
    let mut commune = field(l, "commune", "select", get("commune"));
    commune.options.push(Opt {
        value: String::new(),
        label: "—".into(),
        selected: get("commune").is_empty(),
    });
    commune.options.extend(communes.iter().map(|u| Opt {
        value: u.code.clone(),
        label: format!("{} ({})", u.name, u.code),
        selected: u.code == get("commune"),
    }));
    commune.required = true;
    let mut founded = field(l, "founded_on", "day", get("founded_on"));
    founded.required = true;
    founded.hint = crate::http::i18n::t(l, "date_hint");
    let mut dissolved = field(l, "dissolved_on", "day", get("dissolved_on"));
    dissolved.hint = crate::http::i18n::t(l, "date_hint");
    Ok(vec![
        code,
        select(
            l,
            "kind",
            OrgKind::all(),
            &get("kind"),
            OrgKind::code,
            OrgKind::label,
            false,
        ),
        name,
        select(
            l,
            "sector",
            Sector::all(),
            &get("sector"),
            Sector::code,
            Sector::label,
            false,
        ),
        commune,
        founded,
        dissolved,
        field(l, "registration_no", "text", get("registration_no")),
        {
            let chosen: Vec<String> = get("registered_services")
                .split(';')
                .map(|s| s.trim().to_string())
                .collect();
            let mut f = field(l, "registered_services", "checkboxes", String::new());
            f.options = Service::all()
                .iter()
                .map(|s| Opt {
                    value: s.code().into(),
                    label: s.label(l.code()).into(),
                    selected: chosen.iter().any(|c| c == s.code()),
                })
                .collect();
            f
        },
    ])
}

pub(crate) async fn org_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let mut v = HashMap::new();
    v.insert("kind".into(), "HTX".into());
    v.insert("sector".into(), "agriculture".into());
    let fields = org_fields(&st, &u, l, &v, false).await?;
    Ok(form_page(
        &st,
        &u,
        l,
        crate::http::i18n::t(l, "new_org").into(),
        "/orgs/new".into(),
        "/orgs".into(),
        fields,
        None,
    )
    .await)
}

/// The edit form of an organisation; with `from_change=ID` (a change in its history), filled
/// with its values before that change, to be checked and saved as any edit.
pub(crate) async fn org_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    axum::extract::Query(q): crate::http::request::Params,
) -> WebResult {
    let l = lang(&h);
    let d = st
        .app
        .org_detail(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let o = &d.org;
    let v: HashMap<String, String> = [
        ("code", o.code.to_string()),
        ("kind", o.kind.code().into()),
        ("name", o.name.clone()),
        ("sector", o.sector.code().into()),
        (
            "commune",
            d.commune
                .as_ref()
                .map(|u| u.code.clone())
                .unwrap_or_default(),
        ),
        ("founded_on", hoptac_core::date::to_vi(o.founded_on)),
        (
            "dissolved_on",
            o.dissolved_on
                .map(hoptac_core::date::to_vi)
                .unwrap_or_default(),
        ),
        (
            "registration_no",
            o.registration_no.clone().unwrap_or_default(),
        ),
        (
            "registered_services",
            d.registered
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join(";"),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let mut v = v;
    let mut earlier = String::new();
    if let Some(id) = q
        .get("from_change")
        .and_then(|x| x.trim().parse::<i64>().ok())
    {
        let (before, at, by) = crate::features::registry::versions::org_before_change(
            &st.app,
            u.actor(),
            o.code.as_str(),
            id,
        )
        .await
        .map_err(|e| WebError::new(l, e))?;
        // the registered services are not part of the record's history: kept as they are
        v.extend(before);
        earlier = format!(
            " ({} {} — {by})",
            crate::http::i18n::t(l, "as_before_change"),
            crate::http::format::vn_time(&at)
        );
    }
    let mut fields = org_fields(&st, &u, l, &v, true).await?;
    let version = st
        .app
        .row_version("organizations", o.code.as_str())
        .await
        .map_err(|e| WebError::new(l, e))?;
    fields.push(version_field(version));
    let path = format!("/orgs/{}", enc(&code));
    Ok(form_page(
        &st,
        &u,
        l,
        format!("{} — {}{earlier}", crate::http::i18n::t(l, "edit"), o.name),
        format!("{path}/edit"),
        path,
        fields,
        None,
    )
    .await)
}

pub(crate) const ORG_KEYS: [&str; 9] = [
    "registered_services",
    "code",
    "kind",
    "name",
    "sector",
    "commune",
    "founded_on",
    "dissolved_on",
    "registration_no",
];

pub(crate) async fn save_org(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    mut v: HashMap<String, String>,
    fixed_code: Option<String>,
) -> WebResult {
    if let Some(c) = &fixed_code {
        v.insert("code".into(), c.clone());
        // the organisation must exist: editing never creates
        st.app
            .org_detail(u.actor(), c)
            .await
            .map_err(|e| WebError::new(l, e))?;
    }
    let pairs: Vec<(&str, String)> = ORG_KEYS
        .iter()
        .map(|k| (*k, v.get(*k).cloned().unwrap_or_default()))
        .collect();
    let intent = form_intent(&v, fixed_code.is_some());
    let (heading, action, back) = match &fixed_code {
        Some(c) => (
            crate::http::i18n::t(l, "edit").to_string(),
            format!("/orgs/{}/edit", enc(c)),
            format!("/orgs/{}", enc(c)),
        ),
        None => (
            crate::http::i18n::t(l, "new_org").to_string(),
            "/orgs/new".into(),
            "/orgs".into(),
        ),
    };
    // warnings (a name close to another organisation's) are shown before saving
    if !warnings_accepted(&v) {
        let checked = st
            .app
            .check_form(u.actor(), "organizations", &pairs, intent)
            .await
            .map_err(|e| WebError::new(l, e))?;
        if !checked.problems.is_empty() {
            let mut fields = org_fields(st, u, l, &v, fixed_code.is_some()).await?;
            keep_version(&mut fields, &v);
            return Ok(if checked.has_errors() {
                form_page(st, u, l, heading, action, back, fields, Some(&checked)).await
            } else {
                form_page_warned(st, u, l, heading, action, back, fields, &checked).await
            });
        }
    }
    let outcome = st
        .app
        .save_form(u.actor(), "organizations", &pairs, intent)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let code = v.get("code").cloned().unwrap_or_default();
    if outcome.applied {
        let warnings: Vec<String> = outcome
            .problems
            .iter()
            .map(|p| p.msg.get(l.code()).to_string())
            .collect();
        if warnings.is_empty() {
            return Ok(Redirect::to(&format!("/orgs/{}?saved=1", enc(code.trim()))).into_response());
        }
        return Ok(render(
            &org_page_view(
                st,
                u,
                l,
                code.trim(),
                crate::http::i18n::t(l, "saved_with_warnings").into(),
                warnings,
            )
            .await?,
        ));
    }
    let mut fields = org_fields(st, u, l, &v, fixed_code.is_some()).await?;
    keep_version(&mut fields, &v);
    Ok(form_page(st, u, l, heading, action, back, fields, Some(&outcome)).await)
}

pub(crate) async fn org_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_org(&st, &u, lang(&h), to_map(&pairs), None).await
}

pub(crate) async fn org_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_org(&st, &u, lang(&h), to_map(&pairs), Some(code)).await
}
