//! A plan's tasks in the browser (tình hình thực hiện nhiệm vụ): every task by group, with
//! its offices as of today (a ceased office with its successor), the status its office set,
//! what the records show and the status they suggest; and the status form, where the
//! offices that manage the plan set a status with its reason, at the version read.

use crate::http::error::{WebError, render};
use crate::http::format::enc;
use crate::http::forms::{
    field, form_page_errors, problem_texts, select, to_map, version_field, version_of,
};
use crate::http::i18n::{Lang, t};
use crate::http::layout::{Field, Page};
use crate::http::request::{Params, Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::AppError;
use hoptac_app::plan_tasks::task_key;
use hoptac_core::plan::Plan;
use hoptac_core::plan::tasks::office_label;
use hoptac_core::types::TaskStatus;
use std::collections::HashMap;

pub(crate) struct TaskRow {
    pub number: String,
    pub text: String,
    pub lead: String,
    pub partners: String,
    pub status: &'static str,
    pub status_code: &'static str,
    pub reason: String,
    /// The status the records suggest, when it differs from the one set.
    pub suggested: String,
    /// Each figure with the page of the records behind it.
    pub evidence: Vec<(String, String)>,
    pub href: String,
}

pub(crate) struct TaskGroup {
    pub heading: String,
    pub tasks: Vec<TaskRow>,
}

#[derive(Template)]
#[template(path = "plans/tasks.html")]
pub(crate) struct TasksPage {
    pub p: Page,
    pub code: String,
    pub title: String,
    pub groups: Vec<TaskGroup>,
    pub counts: Vec<(&'static str, usize)>,
    pub can_edit: bool,
    /// May add and edit tasks and the plan's offices (administrators).
    pub can_manage: bool,
    pub notice: String,
}

fn offices(plan: &Plan, codes: &[String]) -> String {
    let today = hoptac_app::today();
    codes
        .iter()
        .map(|c| match plan.offices.iter().find(|o| o.code == *c) {
            Some(o) => office_label(o, today),
            None => c.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Where the records behind an evidence figure are read: the organisations it counts, over
/// the plan's years; events (of no organisation) on their own list.
fn records_href(cat: &[hoptac_core::indicator::IndicatorDef], plan: &Plan, id: &str) -> String {
    let def = cat.iter().find(|d| d.id == id);
    match def.map(|d| &d.subject) {
        Some(hoptac_core::indicator::Subject::Events) => "/support#events".into(),
        _ => {
            let to = hoptac_app::today().year().clamp(plan.from, plan.to);
            format!("/indicators/{}/records?from={}&to={to}", enc(id), plan.from)
        }
    }
}

pub(crate) async fn tasks_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let (plan, lines) = st.app.plan_tasks(u.actor(), &code).await.map_err(e)?;
    let can_edit = st.app.may_follow_plan(u.actor(), &plan).await;
    let cat = st.app.indicator_catalogue().await.map_err(e)?;
    let can_manage = u.actor().account.role == hoptac_core::auth::Role::Admin && can_edit;
    let mut groups: Vec<TaskGroup> = Vec::new();
    for x in &lines {
        let k = &x.task;
        let heading = format!("{}. {}", k.group_number(), k.group);
        let row = TaskRow {
            number: k.number.clone(),
            text: k.text.clone(),
            lead: offices(&plan, &k.lead),
            partners: offices(&plan, &k.partners),
            status: k.status.label(l.code()),
            status_code: k.status.code(),
            reason: k.reason.clone(),
            suggested: (x.suggested)
                .filter(|s| *s != k.status)
                .map(|s| s.label(l.code()).to_string())
                .unwrap_or_default(),
            evidence: (x.evidence.iter())
                .map(|v| {
                    let text = match v.value {
                        Some(n) => format!("{}: {}", v.label_vi, hoptac_core::plan::fmt(n, v.unit)),
                        None => format!("{}: —", v.label_vi),
                    };
                    (text, records_href(&cat, &plan, &v.id))
                })
                .collect(),
            href: format!("/plans/{}/tasks/{}", enc(&code), enc(&k.number)),
        };
        match groups.last_mut() {
            Some(g) if g.heading == heading => g.tasks.push(row),
            _ => groups.push(TaskGroup {
                heading,
                tasks: vec![row],
            }),
        }
    }
    let counts = (TaskStatus::all().iter())
        .map(|s| {
            (
                s.label(l.code()),
                lines.iter().filter(|x| x.task.status == *s).count(),
            )
        })
        .collect();
    let mut p = page(&st, &u, l, "nav_plans").await;
    p.title_text = format!("{} — {}", t(l, "plan_tasks"), plan.title);
    let r = TasksPage {
        code: code.clone(),
        title: plan.title.clone(),
        groups,
        counts,
        can_edit,
        can_manage,
        notice: match q.get("saved") {
            Some(_) => t(l, "saved").to_string(),
            None => String::new(),
        },
        p,
    };
    Ok(render(&r))
}

fn status_fields(l: Lang, v: &HashMap<String, String>, version: i64) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut status = select(
        l,
        "task_status",
        TaskStatus::all(),
        &get("task_status"),
        TaskStatus::code,
        TaskStatus::label,
        false,
    );
    status.required = true;
    let mut reason = field(l, "task_reason", "textarea", get("task_reason"));
    reason.hint = t(l, "task_reason_hint");
    vec![status, reason, version_field(version)]
}

async fn task_heading(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
    number: &str,
) -> Result<(Plan, hoptac_core::task_report::TaskLine), WebError> {
    let e = |err| WebError::new(l, err);
    let (plan, lines) = st.app.plan_tasks(u.actor(), code).await.map_err(e)?;
    let line = (lines.into_iter())
        .find(|x| x.task.number == number)
        .ok_or_else(|| e(AppError::not_found("task", number)))?;
    Ok((plan, line))
}

pub(crate) async fn status_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, number)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let (plan, line) = task_heading(&st, &u, l, &code, &number).await?;
    if !st.app.may_follow_plan(u.actor(), &plan).await {
        // the refusal is recorded by the write it would have been
        let r = (st.app)
            .save_task_status(
                u.actor(),
                &code,
                &number,
                line.task.status,
                &line.task.reason,
                -1,
            )
            .await;
        return Err(e(r.err().unwrap_or(AppError::Forbidden)));
    }
    let version = (st.app)
        .row_version("plan_tasks", &task_key(&code, &number))
        .await
        .map_err(e)?;
    let mut v: HashMap<String, String> = HashMap::new();
    // the records' suggestion is proposed when the task is not yet assessed
    let proposed = match (line.task.status, line.suggested) {
        (TaskStatus::NotStarted, Some(s)) => s,
        (s, _) => s,
    };
    v.insert("task_status".into(), proposed.code().into());
    v.insert("task_reason".into(), line.task.reason.clone());
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!(
            "{} {} — {}",
            t(l, "task_status"),
            number,
            line.task.text.chars().take(80).collect::<String>()
        ),
        format!("/plans/{}/tasks/{}", enc(&code), enc(&number)),
        format!("/plans/{}/tasks", enc(&code)),
        status_fields(l, &v, version),
        None,
    )
    .await)
}

pub(crate) async fn status_save(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, number)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let v = to_map(&pairs);
    let version = version_of(&v);
    let get = |k: &str| v.get(k).map(|s| s.trim()).unwrap_or_default();
    let problems = match TaskStatus::parse(get("task_status")) {
        None => vec![(
            "task_status".to_string(),
            get("task_status").to_string(),
            hoptac_core::msg!(
                "club.topic_unknown",
                value = get("task_status"),
                expected = <TaskStatus as hoptac_core::types::Enumerated>::expected()
            ),
        )],
        Some(status) => match (st.app)
            .save_task_status(
                u.actor(),
                &code,
                &number,
                status,
                get("task_reason"),
                version,
            )
            .await
        {
            Ok(()) => {
                let to = format!("/plans/{}/tasks?saved=1#task-{}", enc(&code), enc(&number));
                return Ok(Redirect::to(&to).into_response());
            }
            Err(AppError::Invalid { field, value, msg }) => {
                let field = if field == "reason" {
                    "task_reason".into()
                } else {
                    field
                };
                vec![(field, value, msg)]
            }
            Err(err) => return Err(WebError::new(l, err)),
        },
    };
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} {number}", t(l, "task_status")),
        format!("/plans/{}/tasks/{}", enc(&code), enc(&number)),
        format!("/plans/{}/tasks", enc(&code)),
        status_fields(l, &v, version),
        Some(problem_texts(l, problems)),
    )
    .await)
}
