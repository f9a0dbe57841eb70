//! Hội quán in the browser: a club's page (its trade, members, meetings and what grew from
//! it), the meeting form a commune officer fills on a phone, the club's profile and the
//! origin of an organisation founded from another.

mod lineage;
mod meetings;

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
use axum::routing::{get, post};
use hoptac_core::auth::Role;
use hoptac_core::date::{to_iso, to_vi};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/orgs/{code}/club", get(club_page))
        .route(
            "/orgs/{code}/club/profile",
            get(lineage::profile_form).post(lineage::profile_save),
        )
        .route(
            "/orgs/{code}/meetings/new",
            get(meetings::meeting_new_form).post(meetings::meeting_create),
        )
        .route(
            "/orgs/{code}/meetings/{day}",
            get(meetings::meeting_edit_form).post(meetings::meeting_update),
        )
        .route(
            "/orgs/{code}/meetings/{day}/remove",
            get(meetings::meeting_remove_form).post(meetings::meeting_remove),
        )
        .route(
            "/orgs/{code}/origins",
            get(lineage::origin_form).post(lineage::origin_save),
        )
        .route(
            "/orgs/{code}/origins/{from}/remove",
            post(lineage::origin_remove),
        )
}

/// One meeting as a line of the club's list (a card on a phone).
pub(crate) struct MeetingLine {
    pub day: String,
    pub topic: &'static str,
    pub attendance: String,
    pub officials: String,
    pub outcome: String,
    pub edit: String,
}

/// An organisation founded from the club.
pub(crate) struct GrownLine {
    pub name: String,
    pub kind: &'static str,
    pub founded: String,
    pub founders: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "clubs/club.html")]
pub(crate) struct ClubPage {
    pub p: Page,
    pub code: String,
    pub name: String,
    pub launched: String,
    pub commune: String,
    pub trade: String,
    pub sequence_no: String,
    pub frequency: String,
    pub members: String,
    pub meetings: Vec<MeetingLine>,
    /// Meetings of the last twelve months, and how many of them had officials.
    pub last_year: (usize, usize),
    pub grown: Vec<GrownLine>,
    pub can_edit: bool,
    pub notice: String,
}

fn officials_line(l: Lang, m: &hoptac_core::model::Meeting) -> String {
    m.officials
        .iter()
        .map(|o| {
            let mut s = o.name.clone();
            if !o.office.is_empty() {
                s.push_str(" (");
                s.push_str(&o.office);
                s.push(')');
            } else {
                s.push_str(&format!(" ({})", o.level.label(l.code())));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(", ")
}

async fn club_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let v = st.app.club(u.actor(), &code).await.map_err(e)?;
    let units = st.app.units().await.map_err(e)?;
    let o = &v.org;
    let href = format!("/orgs/{}", enc(o.code.as_str()));
    let today = hoptac_app::today();
    let year_ago =
        hoptac_core::date::ymd(today.year() - 1, today.month() as u8, 1).unwrap_or(today);
    let recent: Vec<_> = v
        .meetings
        .iter()
        .filter(|m| m.held_on >= year_ago)
        .collect();
    let none = t(l, "club_not_recorded").to_string();
    let profile = v.profile.as_ref();
    let notice = match q.get("saved").map(String::as_str) {
        Some("meeting") => t(l, "club_meeting_saved").to_string(),
        Some("removed") => t(l, "club_meeting_removed").to_string(),
        Some(_) => t(l, "saved").to_string(),
        None => String::new(),
    };
    let mut p = page(&st, &u, l, "club_page").await;
    p.title_text = o.name.clone();
    let r = ClubPage {
        code: o.code.to_string(),
        name: o.name.clone(),
        launched: to_vi(o.founded_on),
        commune: units
            .iter()
            .find(|x| x.id == o.commune)
            .map(|x| x.name.clone())
            .unwrap_or_default(),
        trade: profile
            .map(|x| x.trade.clone())
            .filter(|x| !x.is_empty())
            .unwrap_or_else(|| none.clone()),
        sequence_no: profile
            .and_then(|x| x.sequence_no)
            .map(|n| n.to_string())
            .unwrap_or_else(|| none.clone()),
        frequency: profile
            .and_then(|x| x.meetings_per_year)
            .map(|n| format!("{n} {}", t(l, "club_per_year")))
            .unwrap_or_else(|| none.clone()),
        members: v
            .members
            .map(|(y, n)| {
                format!(
                    "{} ({} {y})",
                    crate::http::format::opt_int(Some(n)),
                    t(l, "club_report_of")
                )
            })
            .unwrap_or_else(|| none.clone()),
        last_year: (
            recent.len(),
            recent.iter().filter(|m| m.with_officials()).count(),
        ),
        meetings: v
            .meetings
            .iter()
            .map(|m| MeetingLine {
                day: to_vi(m.held_on),
                topic: m.topic.label(l.code()),
                attendance: m.attendance.map(|n| n.to_string()).unwrap_or_default(),
                officials: officials_line(l, m),
                outcome: m.outcome.clone(),
                edit: format!("{href}/meetings/{}", to_iso(m.held_on)),
            })
            .collect(),
        grown: v
            .founded
            .iter()
            .map(|(g, x)| GrownLine {
                name: x.name.clone(),
                kind: x.kind.label(l.code()),
                founded: to_vi(x.founded_on),
                founders: g
                    .founding_members
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                href: format!("/orgs/{}", enc(x.code.as_str())),
            })
            .collect(),
        can_edit: u.actor().account.role >= Role::Commune,
        notice,
        p,
    };
    Ok(render(&r))
}
