//! The indicator catalogue (danh mục chỉ tiêu) and the form for an office's own indicators.

use crate::features::plans::plan::error_list;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::forms::field;
use crate::http::forms::form_page_errors;
use crate::http::forms::to_map;
use crate::http::i18n::Lang;
use crate::http::i18n::t;
use crate::http::layout::Field;
use crate::http::layout::Page;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::spec::{IndicatorRecord, to_spec};
use std::collections::HashMap;

pub(crate) struct IndicatorRow {
    pub id: String,
    pub label: String,
    pub definition: String,
    pub description: String,
    pub edit: String,
}

#[derive(Template)]
#[template(path = "indicators/indicators.html")]
pub(crate) struct IndicatorsPage {
    pub p: Page,
    pub rows: Vec<IndicatorRow>,
}

pub(crate) async fn indicators(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let records = st.app.indicator_records().await.map_err(e)?;
    let mut rows: Vec<IndicatorRow> = records
        .iter()
        .map(|r| IndicatorRow {
            id: r.id.clone(),
            label: r.label_vi.clone(),
            definition: r.definition.clone(),
            description: r.description.clone(),
            edit: format!("/indicators/{}/edit", enc(&r.id)),
        })
        .collect();
    rows.extend(
        hoptac_core::indicator::catalogue()
            .iter()
            .map(|d| IndicatorRow {
                id: d.id.clone(),
                label: l.pick(&d.label_vi, &d.label_en).to_string(),
                definition: to_spec(d),
                description: t(l, "core_indicator").into(),
                edit: String::new(),
            }),
    );
    Ok(render(&IndicatorsPage {
        p: page(&st, &u, l, "nav_indicators").await,
        rows,
    }))
}

pub(crate) fn indicator_fields(l: Lang, v: &HashMap<String, String>, editing: bool) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut id = field(l, "indicator_id", "text", get("id"));
    id.key = "id";
    id.readonly = editing;
    id.required = true;
    let mut label = field(l, "label_vi", "text", get("label_vi"));
    label.required = true;
    let mut def = field(l, "definition", "text", get("definition"));
    def.required = true;
    def.hint = t(l, "definition_hint");
    vec![
        id,
        label,
        field(l, "label_en", "text", get("label_en")),
        def,
        field(l, "description", "text", get("description")),
    ]
}

pub(crate) async fn indicator_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l = lang(&h);
    let v: HashMap<String, String> = [(
        "definition".to_string(),
        "subject=active_orgs; kinds=HTX; where=reported; aggregate=share; share=profit>0"
            .to_string(),
    )]
    .into();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "new_indicator").into(),
        "/indicators/new".into(),
        "/indicators".into(),
        indicator_fields(l, &v, false),
        None,
    )
    .await)
}

pub(crate) async fn indicator_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let r = st
        .app
        .indicator_records()
        .await
        .map_err(|e| WebError::new(l, e))?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| WebError::new(l, AppError::not_found("indicator", id.clone())))?;
    let v: HashMap<String, String> = [
        ("id", r.id),
        ("label_vi", r.label_vi),
        ("label_en", r.label_en),
        ("definition", r.definition),
        ("description", r.description),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {id}", t(l, "edit")),
        format!("/indicators/{}/edit", enc(&id)),
        "/indicators".into(),
        crate::http::forms::with_version(&st, l, indicator_fields(l, &v, true), "indicators", &id)
            .await?,
        None,
    )
    .await)
}

pub(crate) async fn save_indicator(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    mut v: HashMap<String, String>,
    fixed: Option<String>,
) -> WebResult {
    let existing = st
        .app
        .indicator_records()
        .await
        .map_err(|e| WebError::new(l, e))?;
    if let Some(id) = &fixed {
        existing
            .iter()
            .find(|r| &r.id == id)
            .ok_or_else(|| WebError::new(l, AppError::not_found("indicator", id.clone())))?;
        v.insert("id".into(), id.clone());
    }
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let (heading, action) = match &fixed {
        Some(id) => (
            format!("{} — {id}", t(l, "edit")),
            format!("/indicators/{}/edit", enc(id)),
        ),
        None => (t(l, "new_indicator").to_string(), "/indicators/new".into()),
    };
    let result = st
        .app
        .save_indicator_at(
            u.actor(),
            IndicatorRecord {
                id: get("id"),
                label_vi: get("label_vi"),
                label_en: get("label_en"),
                definition: get("definition"),
                description: get("description"),
            },
            Some(crate::http::forms::form_intent(&v, fixed.is_some())),
        )
        .await;
    match result {
        Ok(()) => Ok(Redirect::to("/indicators").into_response()),
        Err(e @ AppError::Invalid { .. }) => {
            // a definition that does not parse names its own part; show it beside the definition
            let errs = error_list(l, &e).map(|v| {
                v.into_iter()
                    .map(|(k, m)| {
                        (
                            if k == "label_vi" || k == "id" {
                                k
                            } else {
                                "definition".into()
                            },
                            m,
                        )
                    })
                    .collect()
            });
            Ok(form_page_errors(
                st,
                u,
                l,
                heading,
                action,
                "/indicators".into(),
                {
                    let mut f = indicator_fields(l, &v, fixed.is_some());
                    crate::http::forms::keep_version(&mut f, &v);
                    f
                },
                errs,
            )
            .await)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub(crate) async fn indicator_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_indicator(&st, &u, lang(&h), to_map(&pairs), None).await
}

pub(crate) async fn indicator_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_indicator(&st, &u, lang(&h), to_map(&pairs), Some(id)).await
}
