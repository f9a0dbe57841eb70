//! A plan's targets (chỉ tiêu): the drill-down to the records counted, and the target form.

use crate::features::plans::plan::error_list;
use crate::features::plans::plan::opt_year;
use crate::features::plans::views::DrillCommune;
use crate::features::plans::views::DrillOrg;
use crate::features::plans::views::DrillPage;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::forms::field;
use crate::http::forms::form_page_errors;
use crate::http::forms::select;
use crate::http::forms::to_map;
use crate::http::i18n::Lang;
use crate::http::i18n::t;
use crate::http::layout::Field;
use crate::http::layout::Opt;
use crate::http::request::Params;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_core::Fixed;
use hoptac_core::plan::{Comparator, Target, fmt};
use hoptac_core::spec::to_spec;
use std::collections::HashMap;

pub(crate) async fn drill(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, no)): Path<(String, String)>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let year = opt_year(&q, "year").map_err(e)?;
    let d = st
        .app
        .target_drill(u.actor(), &code, &no, year)
        .await
        .map_err(e)?;
    let unit = d.def.unit;
    let f = |v: Option<Fixed>| v.map(|v| fmt(v, unit)).unwrap_or_else(|| "—".into());
    let show_counted = matches!(
        d.def.aggregate,
        hoptac_core::indicator::Aggregate::Count | hoptac_core::indicator::Aggregate::SharePct(_)
    );
    let page_t = DrillPage {
        p: page(&st, &u, l, "nav_plans").await,
        plan_code: code.clone(),
        heading: format!(
            "{} {} — {}",
            t(l, "target"),
            no,
            l.pick(&d.def.label_vi, &d.def.label_en)
        ),
        definition: to_spec(&d.def),
        year: d.year,
        communes: d
            .by_commune
            .iter()
            .map(|(u, v)| DrillCommune {
                name: u.name.clone(),
                value: f(*v),
            })
            .collect(),
        orgs: d
            .by_org
            .iter()
            .map(|r| DrillOrg {
                code: r.code.clone(),
                name: r.name.clone(),
                commune: r.commune.clone(),
                value: f(r.value),
                counted: format!("{}/{}", r.hits, r.items),
            })
            .collect(),
        show_counted,
    };
    Ok(render(&page_t))
}

pub(crate) async fn target_fields(
    st: &AppState,
    l: Lang,
    v: &HashMap<String, String>,
    editing: bool,
) -> Result<Vec<Field>, WebError> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let cat = st
        .app
        .indicator_catalogue()
        .await
        .map_err(|e| WebError::new(l, e))?;
    let mut no = field(l, "target_no", "text", get("no"));
    no.key = "no";
    no.readonly = editing;
    no.required = true;
    let mut wording = field(l, "wording", "text", get("wording"));
    wording.required = true;
    let opts = |selected: &str, empty: bool| {
        let mut o: Vec<Opt> = if empty {
            vec![Opt {
                value: String::new(),
                label: "—".into(),
                selected: selected.is_empty(),
            }]
        } else {
            vec![]
        };
        o.extend(cat.iter().map(|d| Opt {
            value: d.id.clone(),
            label: format!("{} — {}", d.id, d.label_vi),
            selected: d.id == selected,
        }));
        o
    };
    let mut indicator = field(l, "indicator", "select", get("indicator"));
    indicator.options = opts(&get("indicator"), false);
    let comparator = select(
        l,
        "comparator",
        &Comparator::ALL,
        &get("comparator"),
        Comparator::code,
        |c, _| c.label_vi(),
        false,
    );
    let mut value = field(l, "target_value", "text", get("value"));
    value.key = "value";
    value.required = true;
    value.hint = t(l, "number_hint");
    let mut hi = field(l, "value_hi", "text", get("value_hi"));
    hi.hint = t(l, "value_hi_hint");
    let mut base = field(l, "baseline_indicator", "select", get("baseline_indicator"));
    base.options = opts(&get("baseline_indicator"), true);
    let mut milestones = field(l, "milestones", "text", get("milestones"));
    milestones.hint = t(l, "milestones_hint");
    Ok(vec![
        no,
        wording,
        indicator,
        comparator,
        value,
        hi,
        base,
        milestones,
        field(l, "note", "text", get("note")),
    ])
}

pub(crate) fn number(
    v: &HashMap<String, String>,
    key: &'static str,
) -> Result<Option<Fixed>, AppError> {
    let s = v.get(key).map(|s| s.trim()).unwrap_or_default();
    if s.is_empty() {
        return Ok(None);
    }
    hoptac_core::parse::parse_number(s)
        .map(|p| Some(p.value))
        .ok_or_else(|| AppError::invalid(key, s, hoptac_core::msg!("web.number_expected", s = s)))
}

pub(crate) fn target_from(v: &HashMap<String, String>) -> Result<Target, AppError> {
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let comparator = Comparator::parse(&get("comparator")).ok_or_else(|| {
        AppError::invalid(
            "comparator",
            get("comparator"),
            hoptac_core::msg!("web.invalid_comparator"),
        )
    })?;
    let value = number(v, "value")?.ok_or_else(|| {
        AppError::invalid("value", "", hoptac_core::msg!("web.target_value_missing"))
    })?;
    let mut milestones = Vec::new();
    for part in get("milestones")
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let m = part.split_once(':').and_then(|(y, x)| {
            Some((
                y.trim().parse::<i32>().ok()?,
                hoptac_core::parse::parse_number(x)?.value,
            ))
        });
        milestones.push(m.ok_or_else(|| {
            AppError::invalid(
                "milestones",
                part,
                hoptac_core::msg!("web.invalid_milestone", part = part),
            )
        })?);
    }
    Ok(Target {
        no: get("no"),
        wording: get("wording"),
        indicator: get("indicator"),
        comparator,
        value,
        value_hi: number(v, "value_hi")?,
        baseline_indicator: Some(get("baseline_indicator")).filter(|s| !s.is_empty()),
        milestones,
        note: get("note"),
    })
}

pub(crate) async fn target_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let p = st
        .app
        .plan(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let v: HashMap<String, String> = [
        ("no".to_string(), (p.targets.len() + 1).to_string()),
        ("comparator".to_string(), ">=".to_string()),
    ]
    .into();
    let path = format!("/plans/{}", enc(&code));
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "new_target"), p.title),
        format!("{path}/targets/new"),
        path,
        target_fields(&st, l, &v, false).await?,
        None,
    )
    .await)
}

pub(crate) async fn target_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, no)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let p = st
        .app
        .plan(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let tg =
        p.targets.iter().find(|x| x.no == no).ok_or_else(|| {
            WebError::new(l, AppError::not_found("target", format!("{code} / {no}")))
        })?;
    let v: HashMap<String, String> = [
        ("no", tg.no.clone()),
        ("wording", tg.wording.clone()),
        ("indicator", tg.indicator.clone()),
        ("comparator", tg.comparator.code().to_string()),
        ("value", crate::http::format::amount_input(tg.value)),
        (
            "value_hi",
            tg.value_hi
                .map(crate::http::format::amount_input)
                .unwrap_or_default(),
        ),
        (
            "baseline_indicator",
            tg.baseline_indicator.clone().unwrap_or_default(),
        ),
        (
            "milestones",
            tg.milestones
                .iter()
                .map(|(y, v)| format!("{y}: {v}"))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        ("note", tg.note.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let path = format!("/plans/{}", enc(&code));
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} {} — {}", t(l, "target"), no, p.title),
        format!("{path}/targets/{}/edit", enc(&no)),
        path,
        crate::http::forms::with_version(
            &st,
            l,
            target_fields(&st, l, &v, true).await?,
            "targets",
            &format!("{code}/{no}"),
        )
        .await?,
        None,
    )
    .await)
}

pub(crate) async fn save_target(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: String,
    mut v: HashMap<String, String>,
    fixed: Option<String>,
) -> WebResult {
    let p = st
        .app
        .plan(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    if let Some(no) = &fixed {
        p.targets.iter().find(|x| &x.no == no).ok_or_else(|| {
            WebError::new(l, AppError::not_found("target", format!("{code} / {no}")))
        })?;
        v.insert("no".into(), no.clone());
    }
    let path = format!("/plans/{}", enc(&code));
    let action = match &fixed {
        Some(no) => format!("{path}/targets/{}/edit", enc(no)),
        None => format!("{path}/targets/new"),
    };
    let result = match target_from(&v) {
        Ok(tg) => {
            st.app
                .save_target_at(
                    u.actor(),
                    &code,
                    tg,
                    Some(crate::http::forms::form_intent(&v, fixed.is_some())),
                )
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&path).into_response()),
        Err(e @ AppError::Invalid { .. }) => {
            let mut fields = target_fields(st, l, &v, fixed.is_some()).await?;
            crate::http::forms::keep_version(&mut fields, &v);
            Ok(form_page_errors(
                st,
                u,
                l,
                format!("{} — {}", t(l, "target"), p.title),
                action,
                path,
                fields,
                error_list(l, &e),
            )
            .await)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub(crate) async fn target_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_target(&st, &u, lang(&h), code, to_map(&pairs), None).await
}

pub(crate) async fn target_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, no)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_target(&st, &u, lang(&h), code, to_map(&pairs), Some(no)).await
}
