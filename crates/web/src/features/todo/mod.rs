//! The to-do page of the signed-in account (việc cần làm).

use crate::http::error::{WebError, render};
use crate::http::format::enc;
use crate::http::i18n::{Lang, t};
use crate::http::layout::Page;
use crate::http::request::{WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::get;
use hoptac_core::date::to_vi;

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/todo", get(todo_page))
}

/// One line of a task list: what, and where to do it.
pub(crate) struct TaskLine {
    pub label: String,
    pub href: String,
}

pub(crate) struct DeadlineLine {
    pub what: &'static str,
    pub year: i32,
    pub due: String,
    pub days_left: i64,
    pub confirmed: bool,
    /// Within 15 days.
    pub near: bool,
}

#[derive(Template)]
#[template(path = "todo/todo.html")]
pub(crate) struct TodoPage {
    pub p: Page,
    pub today: String,
    pub count: usize,
    pub deadlines: Vec<DeadlineLine>,
    pub evaluation_year: i32,
    pub to_review: Vec<TaskLine>,
    pub to_approve: Vec<TaskLine>,
    pub to_submit: Vec<TaskLine>,
    pub overdue_year: i32,
    pub overdue: Vec<TaskLine>,
    pub open_cases: usize,
    /// Open cases given to this account.
    pub assigned: Vec<TaskLine>,
    pub unplaced: Vec<TaskLine>,
    /// OCOP certificates lapsing within 90 days or lapsed.
    pub certificates: Vec<TaskLine>,
    /// Linkage contracts behind, at risk or ended short.
    pub contracts: Vec<TaskLine>,
}

fn sheet_lines(rows: &[(i32, hoptac_app::evaluation::EvaluationRow)]) -> Vec<TaskLine> {
    rows.iter()
        .map(|(year, r)| TaskLine {
            label: format!("{year} · {} ({}) — {}", r.name, r.org, r.commune),
            href: format!("/evaluations/{}/{year}", enc(r.org.as_str())),
        })
        .collect()
}

fn org_lines(rows: &[hoptac_app::todo::TodoOrg]) -> Vec<TaskLine> {
    rows.iter()
        .map(|o| TaskLine {
            label: format!("{} ({})", o.name, o.code),
            href: format!("/orgs/{}", enc(o.code.as_str())),
        })
        .collect()
}

pub(crate) async fn todo_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
) -> WebResult {
    let l: Lang = lang(&h);
    let today = hoptac_app::today();
    let todo = st
        .app
        .todo(u.actor(), today)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(render(&TodoPage {
        p: page(&st, &u, l, "todo").await,
        today: to_vi(today),
        count: todo.count(),
        deadlines: todo
            .deadlines
            .iter()
            .map(|d| DeadlineLine {
                what: t(l, d.kind.key()),
                year: d.year,
                due: to_vi(d.due),
                days_left: d.days_left,
                confirmed: d.confirmed,
                near: d.days_left <= 15,
            })
            .collect(),
        evaluation_year: todo.evaluation_year,
        to_review: sheet_lines(&todo.to_review),
        to_approve: sheet_lines(&todo.to_approve),
        to_submit: sheet_lines(&todo.to_submit),
        overdue_year: todo.overdue_year,
        overdue: org_lines(&todo.overdue_reports),
        open_cases: todo.open_cases,
        assigned: todo
            .assigned
            .iter()
            .map(|(id, o, ground)| TaskLine {
                label: format!("#{id} · {} ({}) — {ground}", o.name, o.code),
                href: format!("/quality/cases/{id}"),
            })
            .collect(),
        unplaced: org_lines(&todo.unplaced),
        contracts: todo
            .contracts_behind
            .iter()
            .map(|(c, f)| TaskLine {
                label: format!(
                    "{} · {} — {} {} / {} {} — {}",
                    c.code,
                    c.partner,
                    t(l, "contract_delivered"),
                    f.delivered.format_vi(3, false),
                    c.quantity.format_vi(3, false),
                    c.unit.label(l.code()),
                    f.standing.label(l.code())
                ),
                href: "/trace#contracts".into(),
            })
            .collect(),
        certificates: todo
            .certificates
            .iter()
            .map(|c| TaskLine {
                label: format!(
                    "{} · {} {} — {} — {} {}",
                    c.product_name,
                    "★".repeat(usize::from(c.stars)),
                    c.org_name,
                    c.state.label(l.code()),
                    t(l, "ocop_until"),
                    to_vi(c.expires_on)
                ),
                href: format!("/products/{}", enc(&c.product)),
            })
            .collect(),
    }))
}
