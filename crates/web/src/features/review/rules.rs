//! Validation rules (quy tắc kiểm tra) an office defines for its scope: the list and the form.

use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::forms::field;
use crate::http::forms::form_intent;
use crate::http::forms::form_page_errors;
use crate::http::forms::keep_version;
use crate::http::forms::to_map;
use crate::http::forms::with_version;
use crate::http::i18n::Lang;
use crate::http::layout::Field;
use crate::http::layout::Opt;
use crate::http::layout::Page;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use std::collections::HashMap;

pub(crate) struct RuleRow {
    pub id: String,
    pub expression: String,
    pub severity: &'static str,
    pub message: String,
    pub active: bool,
}

#[derive(askama::Template)]
#[template(path = "review/rules.html")]
pub(crate) struct RulesPage {
    pub p: Page,
    pub rows: Vec<RuleRow>,
}

pub(crate) async fn rules(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let list = st
        .app
        .validation_rules()
        .await
        .map_err(|e| WebError::new(l, e))?;
    let rows = list
        .into_iter()
        .map(|r| RuleRow {
            severity: if r.severity == hoptac_core::validate::Severity::Error {
                crate::http::i18n::t(l, "error")
            } else {
                crate::http::i18n::t(l, "warning")
            },
            message: l.pick(&r.message_vi, &r.message_en).to_string(),
            id: r.id,
            expression: r.expression,
            active: r.active,
        })
        .collect();
    Ok(render(&RulesPage {
        p: page(&st, &u, l, "nav_rules").await,
        rows,
    }))
}

pub(crate) fn rule_fields(l: Lang, v: &HashMap<String, String>, editing: bool) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut id = field(l, "rule_id", "text", get("id"));
    id.key = "id";
    id.readonly = editing;
    id.required = true;
    let mut expr = field(l, "rule_expression", "text", get("expression"));
    expr.key = "expression";
    expr.required = true;
    expr.hint = crate::http::i18n::t(l, "rule_help");
    let mut sev = field(l, "severity", "select", get("severity"));
    for (val, key) in [("warning", "warning"), ("error", "error")] {
        sev.options.push(Opt {
            value: val.into(),
            label: crate::http::i18n::t(l, key).into(),
            selected: get("severity") == val,
        });
    }
    let mut vi = field(l, "message_vi", "text", get("message_vi"));
    vi.required = true;
    let mut active = field(l, "rule_active", "select", get("active"));
    active.key = "active";
    for (val, key) in [("yes", "yes"), ("no", "no")] {
        active.options.push(Opt {
            value: val.into(),
            label: crate::http::i18n::t(l, key).into(),
            selected: get("active") == val,
        });
    }
    vec![
        id,
        expr,
        sev,
        vi,
        field(l, "message_en", "text", get("message_en")),
        active,
    ]
}

pub(crate) async fn rule_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let v: HashMap<String, String> = [
        ("severity", "warning"),
        ("active", "yes"),
        ("expression", "workers <= 2 * members"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        crate::http::i18n::t(l, "new_rule").into(),
        "/quality/rules/new".into(),
        "/quality/rules".into(),
        rule_fields(l, &v, false),
        None,
    )
    .await)
}

pub(crate) async fn rule_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let r = st
        .app
        .validation_rules()
        .await
        .map_err(|e| WebError::new(l, e))?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| WebError::new(l, AppError::not_found("rule", id.clone())))?;
    let v: HashMap<String, String> = [
        ("id", r.id.clone()),
        ("expression", r.expression.clone()),
        (
            "severity",
            if r.severity == hoptac_core::validate::Severity::Error {
                "error"
            } else {
                "warning"
            }
            .to_string(),
        ),
        ("message_vi", r.message_vi.clone()),
        ("message_en", r.message_en.clone()),
        ("active", if r.active { "yes" } else { "no" }.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {id}", crate::http::i18n::t(l, "edit")),
        format!("/quality/rules/{}/edit", enc(&id)),
        "/quality/rules".into(),
        with_version(&st, l, rule_fields(l, &v, true), "validation_rules", &id).await?,
        None,
    )
    .await)
}

pub(crate) async fn save_rule(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    mut v: HashMap<String, String>,
    fixed: Option<String>,
) -> WebResult {
    if let Some(id) = &fixed {
        v.insert("id".into(), id.clone());
    }
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let (heading, action) = match &fixed {
        Some(id) => (
            format!("{} — {id}", crate::http::i18n::t(l, "edit")),
            format!("/quality/rules/{}/edit", enc(id)),
        ),
        None => (
            crate::http::i18n::t(l, "new_rule").to_string(),
            "/quality/rules/new".to_string(),
        ),
    };
    let result = {
        let r = hoptac_core::rules::RuleRecord {
            id: get("id"),
            expression: get("expression"),
            severity: if get("severity") == "error" {
                hoptac_core::validate::Severity::Error
            } else {
                hoptac_core::validate::Severity::Warning
            },
            message_vi: get("message_vi"),
            message_en: get("message_en"),
            active: get("active") != "no",
        };
        st.app
            .save_validation_rule_at(u.actor(), r, Some(form_intent(&v, fixed.is_some())))
            .await
    };
    match result {
        Ok(()) => Ok(Redirect::to("/quality/rules").into_response()),
        Err(AppError::Invalid { field, msg, .. }) => {
            let errs = Some(vec![(field, msg.get(l.code()).to_string())]);
            Ok(form_page_errors(
                st,
                u,
                l,
                heading,
                action,
                "/quality/rules".into(),
                {
                    let mut f = rule_fields(l, &v, fixed.is_some());
                    keep_version(&mut f, &v);
                    f
                },
                errs,
            )
            .await)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub(crate) async fn rule_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_rule(&st, &u, lang(&h), to_map(&pairs), None).await
}

pub(crate) async fn rule_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_rule(&st, &u, lang(&h), to_map(&pairs), Some(id)).await
}
