//! The forms that write a plan's tasks and offices (administrators of the plan's unit):
//! a task's number, group, text, offices (codes of the plan's list, `;` between them),
//! expected output and evidence indicators; the plan's offices one a line
//! (`mã | tên | ngày cuối | cơ quan kế thừa`).

use crate::http::error::WebError;
use crate::http::format::enc;
use crate::http::forms::{
    field, form_page_errors, overlong, problem_texts, to_map, version_field, version_of,
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
use hoptac_app::plan_tasks::{offices_text, parse_offices, task_key};
use hoptac_core::i18n::Msg;
use hoptac_core::plan::tasks::{join_codes, split_codes};
use hoptac_core::plan::{Plan, PlanTask};
use hoptac_core::types::TaskStatus;
use std::collections::HashMap;

const FIELD_MAX: usize = 5_000;
const LIST_MAX: usize = 40_000;

type FormProblems = Vec<(String, String, Msg)>;

fn task_fields(
    l: Lang,
    v: &HashMap<String, String>,
    plan: &Plan,
    editing: bool,
    version: i64,
) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut number = field(l, "task_number", "text", get("task_number"));
    number.required = true;
    number.readonly = editing;
    number.hint = t(l, "task_number_hint");
    let mut group = field(l, "task_group", "text", get("task_group"));
    group.required = true;
    let mut text = field(l, "task_text", "textarea", get("task_text"));
    text.required = true;
    let codes = (plan.offices.iter())
        .map(|o| format!("{} ({})", o.code, o.name))
        .collect::<Vec<_>>()
        .join("; ");
    let mut lead = field(l, "task_lead", "text", get("task_lead"));
    lead.required = true;
    lead.beside = codes.clone();
    let mut partners = field(l, "task_partners", "text", get("task_partners"));
    partners.beside = codes;
    let output = field(l, "task_output", "text", get("task_output"));
    let mut evidence = field(l, "task_evidence_ids", "text", get("task_evidence_ids"));
    evidence.hint = t(l, "task_evidence_hint");
    vec![
        number,
        group,
        text,
        lead,
        partners,
        output,
        evidence,
        version_field(version),
    ]
}

fn task_values(k: &PlanTask) -> HashMap<String, String> {
    [
        ("task_number", k.number.clone()),
        ("task_group", k.group.clone()),
        ("task_text", k.text.clone()),
        ("task_lead", join_codes(&k.lead)),
        ("task_partners", join_codes(&k.partners)),
        ("task_output", k.output.clone()),
        ("task_evidence_ids", join_codes(&k.evidence)),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b))
    .collect()
}

fn form_key(f: &str) -> String {
    match f {
        "evidence" => "task_evidence_ids".into(),
        f => format!("task_{f}"),
    }
}

fn read_task(v: &HashMap<String, String>) -> Result<PlanTask, FormProblems> {
    let problems = overlong(v, FIELD_MAX, "", 0);
    if !problems.is_empty() {
        return Err(problems);
    }
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    Ok(PlanTask {
        number: get("task_number"),
        group: get("task_group"),
        text: get("task_text"),
        lead: split_codes(&get("task_lead")),
        partners: split_codes(&get("task_partners")),
        output: get("task_output"),
        evidence: split_codes(&get("task_evidence_ids")),
        status: TaskStatus::NotStarted,
        reason: String::new(),
    })
}

fn back(code: &str) -> String {
    format!("/plans/{}/tasks", enc(code))
}

pub(crate) async fn task_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let plan = st.app.plan(u.actor(), &code).await.map_err(e)?;
    st.app
        .authorize_manage_plan(u.actor(), &plan)
        .await
        .map_err(e)?;
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "task_new").to_string(),
        format!("/plans/{}/tasks/new", enc(&code)),
        back(&code),
        task_fields(l, &HashMap::new(), &plan, false, 0),
        None,
    )
    .await)
}

pub(crate) async fn task_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, number)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let plan = st.app.plan(u.actor(), &code).await.map_err(e)?;
    st.app
        .authorize_manage_plan(u.actor(), &plan)
        .await
        .map_err(e)?;
    let k = (plan.tasks.iter())
        .find(|k| k.number == number)
        .ok_or_else(|| e(AppError::not_found("task", &number)))?;
    let version = (st.app)
        .row_version("plan_tasks", &task_key(&code, &number))
        .await
        .map_err(e)?;
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} {number}", t(l, "task_edit")),
        format!("/plans/{}/tasks/{}/edit", enc(&code), enc(&number)),
        back(&code),
        task_fields(l, &task_values(k), &plan, true, version),
        None,
    )
    .await)
}

pub(crate) async fn task_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_task(st, h, u, code, None, pairs).await
}

pub(crate) async fn task_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, number)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_task(st, h, u, code, Some(number), pairs).await
}

async fn save_task(
    st: AppState,
    h: HeaderMap,
    u: CurrentUser,
    code: String,
    original: Option<String>,
    pairs: Vec<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let mut v = to_map(&pairs);
    if let Some(n) = &original {
        v.insert("task_number".into(), n.clone());
    }
    let version = version_of(&v);
    let plan = st.app.plan(u.actor(), &code).await.map_err(e)?;
    let problems: FormProblems = match read_task(&v) {
        Err(p) => p,
        Ok(k) => {
            let number = k.number.clone();
            match (st.app)
                .save_plan_task(u.actor(), &code, original.as_deref(), k, version)
                .await
            {
                Ok(p) if p.is_empty() => {
                    let to = format!("{}?saved=1#task-{}", back(&code), enc(&number));
                    return Ok(Redirect::to(&to).into_response());
                }
                Ok(p) => p.into_iter().map(|(f, v, m)| (form_key(f), v, m)).collect(),
                Err(AppError::Invalid { field, value, msg }) => {
                    vec![(form_key(&field), value, msg)]
                }
                Err(err) => return Err(e(err)),
            }
        }
    };
    let (heading, action) = match &original {
        None => (
            t(l, "task_new").to_string(),
            format!("/plans/{}/tasks/new", enc(&code)),
        ),
        Some(n) => (
            format!("{} {n}", t(l, "task_edit")),
            format!("/plans/{}/tasks/{}/edit", enc(&code), enc(n)),
        ),
    };
    Ok(form_page_errors(
        &st,
        &u,
        l,
        heading,
        action,
        back(&code),
        task_fields(l, &v, &plan, original.is_some(), version),
        Some(problem_texts(l, problems)),
    )
    .await)
}

fn office_fields(l: Lang, text: String, version: i64) -> Vec<Field> {
    let mut f = field(l, "plan_offices", "textarea", text);
    f.hint = t(l, "plan_offices_hint");
    vec![f, version_field(version)]
}

pub(crate) async fn offices_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let plan = st.app.plan(u.actor(), &code).await.map_err(e)?;
    st.app
        .authorize_manage_plan(u.actor(), &plan)
        .await
        .map_err(e)?;
    let version = st.app.row_version("plan_offices", &code).await.map_err(e)?;
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {}", t(l, "plan_offices"), plan.title),
        format!("/plans/{}/offices", enc(&code)),
        back(&code),
        office_fields(l, offices_text(&plan.offices), version),
        None,
    )
    .await)
}

pub(crate) async fn offices_save(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let v = to_map(&pairs);
    let version = version_of(&v);
    let text = v.get("plan_offices").cloned().unwrap_or_default();
    let mut problems: FormProblems = overlong(&v, FIELD_MAX, "plan_offices", LIST_MAX);
    if problems.is_empty() {
        match parse_offices(&text) {
            Err((value, msg)) => problems.push(("plan_offices".into(), value, msg)),
            Ok(list) => match st
                .app
                .save_plan_offices(u.actor(), &code, list, version)
                .await
            {
                Ok(p) if p.is_empty() => {
                    return Ok(Redirect::to(&format!("{}?saved=1", back(&code))).into_response());
                }
                Ok(p) => problems.extend(
                    p.into_iter()
                        .map(|(_, v, m)| ("plan_offices".to_string(), v, m)),
                ),
                Err(AppError::Invalid { field, value, msg }) => problems.push((field, value, msg)),
                Err(err) => return Err(e(err)),
            },
        }
    }
    Ok(form_page_errors(
        &st,
        &u,
        l,
        t(l, "plan_offices").to_string(),
        format!("/plans/{}/offices", enc(&code)),
        back(&code),
        office_fields(l, text, version),
        Some(problem_texts(l, problems)),
    )
    .await)
}
