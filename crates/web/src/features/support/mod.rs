//! Support and propaganda in the browser: the money paid under support policies (totals by
//! group of policies, then each disbursement) and the events held, as an account may read
//! them, with the forms an office fills.

mod events;
mod paid;

use crate::http::error::{WebError, render};
use crate::http::format::enc;
use crate::http::i18n::{Lang, t};
use crate::http::layout::Page;
use crate::http::request::{Params, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::routing::get;
use hoptac_core::auth::Role;
use hoptac_core::date::to_vi;
use hoptac_core::text::group_thousands;
use hoptac_core::types::{Enumerated, SupportPolicy};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/support", get(list_page))
        .route("/support/paid/new", get(paid::new_form).post(paid::create))
        .route(
            "/support/paid/{code}/edit",
            get(paid::edit_form).post(paid::update),
        )
        .route(
            "/support/paid/{code}/remove",
            get(paid::remove_form).post(paid::remove),
        )
        .route(
            "/support/events/new",
            get(events::new_form).post(events::create),
        )
        .route(
            "/support/events/{code}/edit",
            get(events::edit_form).post(events::update),
        )
        .route(
            "/support/events/{code}/remove",
            get(events::remove_form).post(events::remove),
        )
}

/// A group of policies with what was paid under it.
pub(crate) struct PolicyTotal {
    pub label: &'static str,
    pub count: usize,
    pub amount: String,
}

pub(crate) struct PaidLine {
    pub code: String,
    pub day: String,
    pub org: String,
    pub org_href: String,
    pub policy: &'static str,
    pub basis: String,
    pub amount: String,
    pub source: String,
    pub href: String,
}

pub(crate) struct EventLine {
    pub code: String,
    pub day: String,
    pub kind: &'static str,
    pub title: String,
    pub organiser: String,
    pub audience: String,
    pub reach: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "support/list.html")]
pub(crate) struct ListPage {
    pub p: Page,
    pub totals: Vec<PolicyTotal>,
    pub total: String,
    pub paid: Vec<PaidLine>,
    pub events: Vec<EventLine>,
    pub can_add: bool,
    pub notice: String,
}

fn notice(l: Lang, q: &std::collections::HashMap<String, String>) -> String {
    match q.get("saved").map(String::as_str) {
        Some("removed") => t(l, "record_removed").to_string(),
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
    let e = |err| WebError::new(l, err);
    let paid = st.app.disbursements(u.actor()).await.map_err(e)?;
    let events = st.app.events(u.actor()).await.map_err(e)?;
    let dong = |n: i64| group_thousands(n as i128);
    let totals = (SupportPolicy::ALL.iter())
        .filter_map(|p| {
            let of: Vec<i64> = (paid.iter())
                .filter(|(d, _)| d.policy == *p)
                .map(|(d, _)| d.amount_vnd)
                .collect();
            (!of.is_empty()).then(|| PolicyTotal {
                label: p.label(l.code()),
                count: of.len(),
                amount: dong(of.iter().sum()),
            })
        })
        .collect();
    let r = ListPage {
        totals,
        total: dong(paid.iter().map(|(d, _)| d.amount_vnd).sum()),
        paid: paid
            .iter()
            .map(|(d, name)| PaidLine {
                code: d.code.clone(),
                day: to_vi(d.paid_on),
                org: name.clone(),
                org_href: format!("/orgs/{}", enc(d.org.as_str())),
                policy: d.policy.label(l.code()),
                basis: d.legal_basis.clone(),
                amount: dong(d.amount_vnd),
                source: d.source.clone(),
                href: format!("/support/paid/{}/edit", enc(&d.code)),
            })
            .collect(),
        events: events
            .iter()
            .map(|ev| EventLine {
                code: ev.code.clone(),
                day: to_vi(ev.held_on),
                kind: ev.kind.label(l.code()),
                title: ev.title.clone(),
                organiser: ev.organiser.clone(),
                audience: ev.audience.clone(),
                reach: ev.reach.map(dong).unwrap_or_default(),
                href: format!("/support/events/{}/edit", enc(&ev.code)),
            })
            .collect(),
        can_add: u.actor().account.role >= Role::Commune,
        notice: notice(l, &q),
        p: page(&st, &u, l, "nav_support").await,
    };
    Ok(render(&r))
}
