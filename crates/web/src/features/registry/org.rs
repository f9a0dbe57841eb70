//! One organisation's page: its facts, yearly reports, managers and links to its history.

use crate::features::registry::views::ArchivedRow;
use crate::features::registry::views::BookLine;
use crate::features::registry::views::KeyVal;
use crate::features::registry::views::ManagerRow;
use crate::features::registry::views::OrgPage;
use crate::features::registry::views::OriginLine;
use crate::features::registry::views::REPORT_KEYS;
use crate::features::registry::views::ReportRow;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::format::opt_fixed;
use crate::http::format::opt_int;
use crate::http::i18n::Lang;
use crate::http::request::Params;
use crate::http::request::Path;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use hoptac_core::Fixed;
use hoptac_core::auth::Role;
use hoptac_core::chart::bars;
use hoptac_core::date::to_vi;

pub(crate) async fn org_page_view(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
    notice: String,
    warnings: Vec<String>,
) -> Result<OrgPage, WebError> {
    let e = |err| WebError::new(l, err);
    let d = st.app.org_detail(u.actor(), code).await.map_err(e)?;
    let o = &d.org;
    let yes_no = |b: Option<bool>| match b {
        Some(true) => crate::http::i18n::t(l, "yes").to_string(),
        Some(false) => crate::http::i18n::t(l, "no").to_string(),
        None => String::new(),
    };
    let facts = vec![
        KeyVal {
            key: "code",
            value: o.code.to_string(),
        },
        KeyVal {
            key: "kind",
            value: o.kind.label(l.code()).into(),
        },
        KeyVal {
            key: "sector",
            value: o.sector.label(l.code()).into(),
        },
        KeyVal {
            key: "commune",
            value: d
                .commune
                .as_ref()
                .map(|u| format!("{} ({})", u.name, u.code))
                .unwrap_or_default(),
        },
        KeyVal {
            key: "founded_on",
            value: to_vi(o.founded_on),
        },
        KeyVal {
            key: "dissolved_on",
            value: o
                .dissolved_on
                .map(to_vi)
                .unwrap_or_else(|| crate::http::i18n::t(l, "operating").into()),
        },
        KeyVal {
            key: "registration_no",
            value: o.registration_no.clone().unwrap_or_default(),
        },
        KeyVal {
            key: "registered_services",
            value: d
                .registered
                .iter()
                .map(|s| s.label(l.code()))
                .collect::<Vec<_>>()
                .join(", "),
        },
    ];
    let reports = d
        .reports
        .iter()
        .map(|r| {
            let f = &r.figures;
            ReportRow {
                year: r.year.get(),
                cells: vec![
                    opt_int(f.members),
                    opt_int(f.members_joined),
                    opt_int(f.members_left),
                    opt_int(f.workers),
                    opt_fixed(f.revenue),
                    opt_fixed(f.profit),
                    opt_fixed(f.member_income),
                    opt_fixed(f.worker_income),
                    f.services
                        .iter()
                        .map(|s| s.label(l.code()))
                        .collect::<Vec<_>>()
                        .join(", "),
                    f.rating
                        .map(|x| x.label(l.code()).to_string())
                        .unwrap_or_default(),
                    f.general_meeting_on.map(to_vi).unwrap_or_default(),
                    yes_no(f.statements_filed),
                    f.received_on.map(to_vi).unwrap_or_default(),
                    f.statements_filed_on.map(to_vi).unwrap_or_default(),
                    f.self_assessment_sent_on.map(to_vi).unwrap_or_default(),
                    f.rating_basis.clone().unwrap_or_default(),
                ],
                edit: format!("/orgs/{}/reports/{}/edit", enc(o.code.as_str()), r.year),
                archive: format!("/orgs/{}/reports/{}/archive", enc(o.code.as_str()), r.year),
            }
        })
        .collect();
    let managers = d
        .managers
        .iter()
        .zip(&d.courses)
        .map(|(m, course)| {
            // the day typed on the row, or the last course attended if it is later
            let from_course = course
                .as_ref()
                .filter(|(end, _)| m.trained_on.is_none_or(|t| *end >= t));
            ManagerRow {
                name: m.full_name.clone(),
                role: m.role.label(l.code()),
                qualification: m
                    .qualification
                    .map(|q| q.label(l.code()).to_string())
                    .unwrap_or_default(),
                trained: from_course
                    .map(|(end, _)| *end)
                    .or(m.trained_on)
                    .map(to_vi)
                    .unwrap_or_default(),
                course: from_course.map(|(_, c)| c.clone()).unwrap_or_default(),
                course_href: from_course
                    .map(|(_, c)| format!("/training/{}", enc(c)))
                    .unwrap_or_default(),
                term: format!(
                    "{} – {}",
                    m.from.map(to_vi).unwrap_or_default(),
                    m.to.map(to_vi).unwrap_or_default()
                ),
                edit: format!("/orgs/{}/managers/{}/edit", enc(o.code.as_str()), m.slug()),
            }
        })
        .collect();
    let members: Vec<(i32, Option<Fixed>)> = d
        .reports
        .iter()
        .map(|r| (r.year.get(), r.figures.members.map(Fixed::from_int)))
        .collect();
    let revenue: Vec<(i32, Option<Fixed>)> = d
        .reports
        .iter()
        .map(|r| (r.year.get(), r.figures.revenue))
        .collect();
    let archived = st
        .app
        .archived_reports(u.actor(), code)
        .await
        .map_err(e)?
        .into_iter()
        .map(|a| ArchivedRow {
            year: a.report.year.get(),
            when: crate::http::format::vn_time(&a.archived_at),
            by: a.archived_by,
            reason: a.reason,
            restored: a
                .restored_at
                .as_deref()
                .map(crate::http::format::vn_time)
                .unwrap_or_default(),
            restore: format!("/orgs/{}/archived/{}/restore", enc(o.code.as_str()), a.id),
        })
        .collect();
    let role = u.actor().account.role;
    let club = st.app.club(u.actor(), code).await.map_err(e)?;
    let snap = st.app.snapshot().await.map_err(e)?;
    let origins = club
        .origins
        .iter()
        .map(|g| OriginLine {
            name: (snap.orgs.iter())
                .find(|x| x.code == g.from)
                .map(|x| x.name.clone())
                .unwrap_or_else(|| g.from.to_string()),
            href: format!("/orgs/{}", enc(g.from.as_str())),
            founders: g
                .founding_members
                .map(|n| n.to_string())
                .unwrap_or_default(),
            remove: format!(
                "/orgs/{}/origins/{}/remove",
                enc(o.code.as_str()),
                enc(g.from.as_str())
            ),
        })
        .collect();
    let books = (st.app.book_figures_of(u.actor(), &o.code).await)
        .map_err(e)?
        .into_iter()
        .map(|(year, f)| {
            let r = d.reports.iter().find(|r| r.year.get() == year);
            let typed = |x: Option<Fixed>| x.map(|v| v.format_vi(6, false)).unwrap_or_default();
            let (tr, tp) = (
                r.and_then(|r| r.figures.revenue),
                r.and_then(|r| r.figures.profit),
            );
            BookLine {
                year,
                revenue: hoptac_app::books::million(f.revenue),
                profit: hoptac_app::books::million(f.profit),
                differs: tr.is_some_and(|v| i128::from(v.micros()) != f.revenue)
                    || tp.is_some_and(|v| i128::from(v.micros()) != f.profit),
                typed_revenue: typed(tr),
                typed_profit: typed(tp),
                href: format!("/books/{}/{year}/statements", enc(o.code.as_str())),
            }
        })
        .collect();
    let is_club = o.kind == hoptac_core::types::OrgKind::HoiQuan;
    let mut p = page(st, u, l, "details").await;
    p.title_text = o.name.clone();
    Ok(OrgPage {
        p,
        archived,
        can_write: role != Role::Viewer,
        can_correct: role >= Role::Commune,
        code: o.code.to_string(),
        name: o.name.clone(),
        facts,
        report_heads: REPORT_KEYS[2..].to_vec(),
        reports,
        managers,
        chart_members: if members.is_empty() {
            String::new()
        } else {
            bars(crate::http::i18n::t(l, "chart_members_year_end"), &members)
        },
        chart_revenue: if revenue.is_empty() {
            String::new()
        } else {
            bars(crate::http::i18n::t(l, "chart_revenue"), &revenue)
        },
        notice,
        warnings,
        club_href: if is_club {
            format!("/orgs/{}/club", enc(o.code.as_str()))
        } else {
            String::new()
        },
        origins,
        can_set_origin: !is_club && role >= Role::Commune,
        books,
        last_change: d
            .last_change
            .as_ref()
            .map(|e| format!("{} — {}", e.actor, e.at))
            .unwrap_or_default(),
    })
}

pub(crate) async fn org_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let notice = if q.contains_key("saved") {
        crate::http::i18n::t(l, "saved").to_string()
    } else if let Some(y) = q.get("archived").and_then(|y| y.parse::<i32>().ok()) {
        format!("{} {y}", crate::http::i18n::t(l, "report_archived"))
    } else if q.contains_key("restored_org") {
        crate::http::i18n::t(l, "org_restored").to_string()
    } else if q.contains_key("restored") {
        crate::http::i18n::t(l, "report_restored").to_string()
    } else {
        String::new()
    };
    Ok(render(
        &org_page_view(&st, &u, l, &code, notice, vec![]).await?,
    ))
}
