//! Yearly reports (báo cáo năm): the new and edit forms, office-owned fields read-only for others.

use crate::features::registry::org::org_page_view;
use crate::features::registry::views::REPORT_KEYS;
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
use hoptac_app::AppError;
use hoptac_core::Fixed;
use hoptac_core::types::*;
use std::collections::HashMap;

/// For a cooperative's own account the office's fields (its rating, the dates it received
/// the papers) are shown but cannot be changed.
pub(crate) fn office_readonly(mut fields: Vec<Field>, u: &CurrentUser) -> Vec<Field> {
    if matches!(u.actor().account.scope, hoptac_core::auth::Scope::Org(_)) {
        for f in fields
            .iter_mut()
            .filter(|f| hoptac_app::reporting::OFFICE_FIELDS.contains(&f.key))
        {
            f.readonly = true;
        }
    }
    fields
}

/// Last year's figures beside this year's fields ("Năm trước 2024: 276"), so a clerk sees a
/// slip (a missing zero, last year's number typed again) before saving.
pub(crate) fn beside_last_year(
    l: Lang,
    fields: &mut [Field],
    reports: &[hoptac_core::AnnualReport],
    year: &str,
) {
    let Ok(year) = year.trim().parse::<i32>() else {
        return;
    };
    let Some(prev) = reports.iter().find(|r| r.year.get() == year - 1) else {
        return;
    };
    let f = &prev.figures;
    use crate::http::format::{opt_fixed, opt_int};
    for field in fields.iter_mut() {
        let shown = match field.key {
            "members" => opt_int(f.members),
            "members_joined" => opt_int(f.members_joined),
            "members_left" => opt_int(f.members_left),
            "workers" => opt_int(f.workers),
            "revenue" => opt_fixed(f.revenue),
            "profit" => opt_fixed(f.profit),
            "member_income" => opt_fixed(f.member_income),
            "worker_income" => opt_fixed(f.worker_income),
            "rating" => f
                .rating
                .map(|r| r.label(l.code()).to_string())
                .unwrap_or_default(),
            _ => continue,
        };
        let shown = if shown.is_empty() {
            "—".to_string()
        } else {
            shown
        };
        field.beside = format!(
            "{} {}: {shown}",
            crate::http::i18n::t(l, "last_year"),
            year - 1
        );
    }
}

pub(crate) fn report_fields(l: Lang, v: &HashMap<String, String>, editing: bool) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut year = field(l, "year", "number", get("year"));
    year.readonly = editing;
    year.required = true;
    let mut out = vec![year];
    for k in ["members", "members_joined", "members_left", "workers"] {
        out.push(field(l, k, "text", get(k)));
    }
    for k in ["revenue", "profit", "member_income", "worker_income"] {
        let mut f = field(l, k, "text", get(k));
        f.hint = crate::http::i18n::t(l, "money_hint");
        out.push(f);
    }
    let chosen: Vec<String> = get("services")
        .split(';')
        .map(|s| s.trim().to_string())
        .collect();
    let mut services = field(l, "services", "checkboxes", String::new());
    services.options = Service::all()
        .iter()
        .map(|s| Opt {
            value: s.code().into(),
            label: s.label(l.code()).into(),
            selected: chosen.iter().any(|c| c == s.code()),
        })
        .collect();
    out.push(services);
    out.push(select(
        l,
        "rating",
        Rating::all(),
        &get("rating"),
        Rating::code,
        Rating::label,
        true,
    ));
    out.push(field(
        l,
        "general_meeting_on",
        "day",
        get("general_meeting_on"),
    ));
    let mut filed = field(l, "statements_filed", "select", get("statements_filed"));
    for (val, key) in [("", "unknown"), ("yes", "yes"), ("no", "no")] {
        filed.options.push(Opt {
            value: val.into(),
            label: crate::http::i18n::t(l, key).into(),
            selected: get("statements_filed") == val,
        });
    }
    out.push(filed);
    out.push(field(
        l,
        "statements_filed_on",
        "day",
        get("statements_filed_on"),
    ));
    out.push(field(l, "received_on", "day", get("received_on")));
    out.push(field(
        l,
        "self_assessment_sent_on",
        "day",
        get("self_assessment_sent_on"),
    ));
    out.push(field(l, "rating_basis", "text", get("rating_basis")));
    for f in out.iter_mut().filter(|f| f.kind == "day") {
        f.hint = crate::http::i18n::t(l, "date_hint");
    }
    // who fills what in: the cooperative its figures, the office its assessment and dates
    for f in out.iter_mut().filter(|f| f.key != "year") {
        f.owner = if hoptac_app::reporting::OFFICE_FIELDS.contains(&f.key) {
            crate::http::i18n::t(l, "owner_office")
        } else {
            crate::http::i18n::t(l, "owner_coop")
        };
    }
    out
}

pub(crate) async fn report_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let d = st
        .app
        .org_detail(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let next = d
        .reports
        .last()
        .map(|r| r.year.get() + 1)
        .unwrap_or(hoptac_app::today().year() - 1);
    let v: HashMap<String, String> = [("year".to_string(), next.to_string())].into();
    let path = format!("/orgs/{}", enc(&code));
    let mut fields = office_readonly(report_fields(l, &v, false), &u);
    beside_last_year(l, &mut fields, &d.reports, &next.to_string());
    Ok(form_page(
        &st,
        &u,
        l,
        format!("{} — {}", crate::http::i18n::t(l, "add_report"), d.org.name),
        format!("{path}/reports/new"),
        path,
        fields,
        None,
    )
    .await)
}

/// A stored report as the values of its form.
pub(crate) fn report_values(r: &hoptac_core::AnnualReport) -> HashMap<String, String> {
    let f = &r.figures;
    let s = |v: Option<Fixed>| v.map(crate::http::format::amount_input).unwrap_or_default();
    let i = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    [
        ("year", r.year.to_string()),
        ("members", i(f.members)),
        ("members_joined", i(f.members_joined)),
        ("members_left", i(f.members_left)),
        ("workers", i(f.workers)),
        ("revenue", s(f.revenue)),
        ("profit", s(f.profit)),
        ("member_income", s(f.member_income)),
        ("worker_income", s(f.worker_income)),
        (
            "services",
            f.services
                .iter()
                .map(|x| x.code())
                .collect::<Vec<_>>()
                .join(";"),
        ),
        (
            "rating",
            f.rating.map(|x| x.code().to_string()).unwrap_or_default(),
        ),
        (
            "general_meeting_on",
            f.general_meeting_on
                .map(hoptac_core::date::to_vi)
                .unwrap_or_default(),
        ),
        (
            "statements_filed",
            f.statements_filed
                .map(|b| if b { "yes" } else { "no" }.to_string())
                .unwrap_or_default(),
        ),
        (
            "received_on",
            f.received_on
                .map(hoptac_core::date::to_vi)
                .unwrap_or_default(),
        ),
        (
            "statements_filed_on",
            f.statements_filed_on
                .map(hoptac_core::date::to_vi)
                .unwrap_or_default(),
        ),
        (
            "self_assessment_sent_on",
            f.self_assessment_sent_on
                .map(hoptac_core::date::to_vi)
                .unwrap_or_default(),
        ),
        ("rating_basis", f.rating_basis.clone().unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The edit form of a report; with `from_change=ID` (a change in its history), filled with
/// the values the report had before that change, to be checked and saved as any edit.
pub(crate) async fn report_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, year)): Path<(String, String)>,
    axum::extract::Query(q): crate::http::request::Params,
) -> WebResult {
    let l = lang(&h);
    let d = st
        .app
        .org_detail(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let r = d
        .reports
        .iter()
        .find(|r| r.year.to_string() == year)
        .ok_or_else(|| {
            WebError::new(l, AppError::not_found("report", format!("{code} / {year}")))
        })?;
    let (v, earlier) = match q
        .get("from_change")
        .and_then(|x| x.trim().parse::<i64>().ok())
    {
        Some(id) => {
            let (mut v, at, by) = crate::features::registry::versions::before_change(
                &st.app,
                u.actor(),
                d.org.code.as_str(),
                &year,
                id,
            )
            .await
            .map_err(|e| WebError::new(l, e))?;
            v.insert("year".into(), year.clone());
            let note = format!(
                " ({} {} — {by})",
                crate::http::i18n::t(l, "as_before_change"),
                crate::http::format::vn_time(&at)
            );
            (v, note)
        }
        None => (report_values(r), String::new()),
    };
    let path = format!("/orgs/{}", enc(&code));
    let version = st
        .app
        .row_version("annual_reports", &format!("{}/{}", d.org.code, r.year))
        .await
        .map_err(|e| WebError::new(l, e))?;
    let mut fields = office_readonly(report_fields(l, &v, true), &u);
    beside_last_year(l, &mut fields, &d.reports, &year);
    fields.push(version_field(version));
    Ok(form_page(
        &st,
        &u,
        l,
        format!(
            "{} {} — {}{earlier}",
            crate::http::i18n::t(l, "yearly_figures"),
            year,
            d.org.name
        ),
        format!("{path}/reports/{year}/edit"),
        path,
        fields,
        None,
    )
    .await)
}

pub(crate) async fn report_save(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(params): Path<HashMap<String, String>>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let code = params.get("code").cloned().unwrap_or_default();
    let d = st
        .app
        .org_detail(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let mut v = to_map(&pairs);
    let editing = params.get("year").cloned();
    if let Some(y) = &editing {
        v.insert("year".into(), y.clone());
    }
    // a cooperative's own account sends its figures; the office's fields keep what the
    // office recorded, whatever the form says (its select boxes are not even sent)
    if matches!(u.actor().account.scope, hoptac_core::auth::Scope::Org(_)) {
        let stored = d
            .reports
            .iter()
            .find(|r| Some(r.year.to_string()) == v.get("year").map(|y| y.trim().to_string()))
            .map(report_values)
            .unwrap_or_default();
        for k in hoptac_app::reporting::OFFICE_FIELDS {
            v.insert(k.into(), stored.get(k).cloned().unwrap_or_default());
        }
    }
    v.insert("org_code".into(), code.clone());
    let fields_in: Vec<(&str, String)> = REPORT_KEYS
        .iter()
        .map(|k| (*k, v.get(*k).cloned().unwrap_or_default()))
        .collect();
    let intent = form_intent(&v, editing.is_some());
    let path = format!("/orgs/{}", enc(&code));
    let action = match &editing {
        Some(y) => format!("{path}/reports/{y}/edit"),
        None => format!("{path}/reports/new"),
    };
    let heading = format!(
        "{} — {}",
        crate::http::i18n::t(l, "yearly_figures"),
        d.org.name
    );
    let form_fields = |v: &HashMap<String, String>| {
        let mut fields = office_readonly(report_fields(l, v, editing.is_some()), &u);
        beside_last_year(
            l,
            &mut fields,
            &d.reports,
            v.get("year").map(String::as_str).unwrap_or(""),
        );
        keep_version(&mut fields, v);
        fields
    };
    // warnings are shown before saving, not after: a first send is checked only
    if !warnings_accepted(&v) {
        let checked = st
            .app
            .check_form(u.actor(), "annual_reports", &fields_in, intent)
            .await
            .map_err(|e| WebError::new(l, e))?;
        if checked.has_errors() {
            return Ok(form_page(
                &st,
                &u,
                l,
                heading,
                action,
                path,
                form_fields(&v),
                Some(&checked),
            )
            .await);
        }
        if !checked.problems.is_empty() {
            return Ok(form_page_warned(
                &st,
                &u,
                l,
                heading,
                action,
                path,
                form_fields(&v),
                &checked,
            )
            .await);
        }
    }
    let outcome = st
        .app
        .save_form(u.actor(), "annual_reports", &fields_in, intent)
        .await
        .map_err(|e| WebError::new(l, e))?;
    if outcome.applied {
        let warnings: Vec<String> = outcome
            .problems
            .iter()
            .map(|p| {
                format!(
                    "{}: {}",
                    p.column.clone().unwrap_or_default(),
                    p.msg.get(l.code())
                )
            })
            .collect();
        if warnings.is_empty() {
            return Ok(Redirect::to(&format!("{path}?saved=1")).into_response());
        }
        return Ok(render(
            &org_page_view(
                &st,
                &u,
                l,
                &code,
                crate::http::i18n::t(l, "saved_with_warnings").into(),
                warnings,
            )
            .await?,
        ));
    }
    Ok(form_page(
        &st,
        &u,
        l,
        heading,
        action,
        path,
        form_fields(&v),
        Some(&outcome),
    )
    .await)
}
