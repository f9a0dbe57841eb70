//! Training courses in the browser: the list of courses an account may read, a course with
//! its attendees, and the course form an office fills (its people one a line).

mod form;

use crate::http::error::{WebError, render};
use crate::http::format::enc;
use crate::http::i18n::{Lang, t};
use crate::http::layout::Page;
use crate::http::request::{Params, Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::routing::get;
use hoptac_core::auth::Role;
use hoptac_core::date::to_vi;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/training", get(list_page))
        .route("/training/new", get(form::new_form).post(form::create))
        .route("/training/{code}", get(course_page))
        .route(
            "/training/{code}/edit",
            get(form::edit_form).post(form::update),
        )
        .route(
            "/training/{code}/remove",
            get(form::remove_form).post(form::remove),
        )
}

/// A course as a line of the list (a card on a phone).
pub(crate) struct CourseLine {
    pub code: String,
    pub title: String,
    pub level: &'static str,
    pub organiser: String,
    pub dates: String,
    pub attendees: usize,
    pub href: String,
}

#[derive(Template)]
#[template(path = "training/list.html")]
pub(crate) struct ListPage {
    pub p: Page,
    pub courses: Vec<CourseLine>,
    pub can_add: bool,
    pub notice: String,
}

/// An attendee as the course page lists them.
pub(crate) struct AttendeeLine {
    pub name: String,
    pub org: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "training/course.html")]
pub(crate) struct CoursePage {
    pub p: Page,
    pub code: String,
    pub title: String,
    pub level: &'static str,
    pub organiser: String,
    pub unit: String,
    pub dates: String,
    pub funding: String,
    pub attendees: Vec<AttendeeLine>,
    pub can_edit: bool,
    pub notice: String,
}

fn dates(c: &hoptac_core::model::Course) -> String {
    if c.starts_on == c.ends_on {
        to_vi(c.ends_on)
    } else {
        format!("{} – {}", to_vi(c.starts_on), to_vi(c.ends_on))
    }
}

fn notice(l: Lang, q: &std::collections::HashMap<String, String>) -> String {
    match q.get("saved").map(String::as_str) {
        Some("removed") => t(l, "course_removed").to_string(),
        Some(_) => t(l, "saved").to_string(),
        None => String::new(),
    }
}

async fn list_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let courses = st
        .app
        .courses(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let r = ListPage {
        courses: courses
            .iter()
            .map(|(c, n)| CourseLine {
                code: c.code.clone(),
                title: c.title.clone(),
                level: c.level.label(l.code()),
                organiser: c.organiser.clone(),
                dates: dates(c),
                attendees: *n,
                href: format!("/training/{}", enc(&c.code)),
            })
            .collect(),
        can_add: u.actor().account.role >= Role::Commune,
        notice: notice(l, &q),
        p: page(&st, &u, l, "nav_training").await,
    };
    Ok(render(&r))
}

async fn course_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let v = st
        .app
        .course(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let c = &v.course;
    let name_of = |o: &hoptac_core::OrgCode| {
        (v.org_names.iter())
            .find(|(x, _)| x == o)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| o.to_string())
    };
    let mut p = page(&st, &u, l, "nav_training").await;
    p.title_text = c.title.clone();
    let r = CoursePage {
        code: c.code.clone(),
        title: c.title.clone(),
        level: c.level.label(l.code()),
        organiser: c.organiser.clone(),
        unit: v.unit_name.clone(),
        dates: dates(c),
        funding: c.funding.clone(),
        attendees: v
            .attendees
            .iter()
            .map(|a| AttendeeLine {
                name: a.full_name.clone(),
                org: a.org.as_ref().map(name_of).unwrap_or_default(),
                href: a
                    .org
                    .as_ref()
                    .map(|o| format!("/orgs/{}", enc(o.as_str())))
                    .unwrap_or_default(),
            })
            .collect(),
        can_edit: v.can_edit,
        notice: notice(l, &q),
        p,
    };
    Ok(render(&r))
}
