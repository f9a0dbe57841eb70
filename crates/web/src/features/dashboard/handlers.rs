//! The dashboard (tổng quan): the indicators of a period and scope with trend charts.

use crate::features::dashboard::views::Dashboard;
use crate::features::dashboard::views::IndicatorRow;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::format::fmt_value;
use crate::http::format::signed_pct;
use crate::http::forms::year_param;
use crate::http::i18n::Lang;
use crate::http::layout::Opt;
use crate::http::request::Params;
use crate::http::request::WebResult;
use crate::http::request::lang;
use crate::http::request::page;
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_core::Fixed;
use hoptac_core::chart::trend;
use hoptac_core::indicator::catalogue;
use hoptac_core::report::pct_vi;
use hoptac_core::text::group_thousands;
use hoptac_core::types::*;

/// The scopes a page offers on `on` (the end of the period asked): the units in force then,
/// and the former units whose code no unit in force reuses (so that the code names them),
/// with the day they ended. A code reused by a new unit names the new one; the old one's
/// ground is counted within it.
pub(crate) fn scope_options(
    units: &[hoptac_core::AdminUnit],
    selected: &str,
    on: hoptac_core::Date,
    lang: Lang,
) -> Vec<Opt> {
    let mut v = vec![Opt {
        value: String::new(),
        label: crate::http::i18n::t(lang, "all_scopes").into(),
        selected: selected.is_empty(),
    }];
    let in_force: std::collections::HashSet<&str> = units
        .iter()
        .filter(|u| u.valid_on(on))
        .map(|u| u.code.as_str())
        .collect();
    let mut us: Vec<_> = units
        .iter()
        .filter(|u| u.valid_on(on) || !in_force.contains(u.code.as_str()))
        .filter(|u| u.valid_from.is_none_or(|f| f <= on))
        .collect();
    us.sort_by_key(|u| {
        (
            !u.valid_on(on),
            u.level != AdminLevel::Province,
            u.level != AdminLevel::District,
            u.code.clone(),
            std::cmp::Reverse(u.valid_to),
        )
    });
    // one option per code: the version the code names on `on`
    us.dedup_by(|a, b| a.code == b.code);
    for u in us {
        let indent = match u.level {
            AdminLevel::Province => "",
            AdminLevel::District => "· ",
            AdminLevel::Commune => "· · ",
        };
        let label = match u.valid_to.filter(|_| !u.valid_on(on)) {
            Some(t) => format!(
                "{indent}{} ({}, {} {})",
                u.name,
                u.code,
                crate::http::i18n::t(lang, "until"),
                hoptac_core::date::to_vi(t)
            ),
            None => format!("{indent}{} ({})", u.name, u.code),
        };
        v.push(Opt {
            value: u.code.clone(),
            label,
            selected: u.code == selected,
        });
    }
    v
}

pub(crate) async fn dashboard(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    // an organisation account has no district figures: its home is its own page
    if let hoptac_core::auth::Scope::Org(c) = &u.actor().account.scope {
        return Ok(Redirect::to(&format!("/orgs/{}", enc(c.as_str()))).into_response());
    }
    let e = |err| WebError::new(l, err);
    // a new database: its first administrator chooses the office's unit first
    let a = &u.actor().account;
    if a.role == hoptac_core::auth::Role::Admin
        && a.scope == hoptac_core::auth::Scope::All
        && st.app.units().await.map_err(e)?.is_empty()
    {
        return Ok(Redirect::to("/setup").into_response());
    }
    let (df, dt) = crate::http::forms::default_period();
    let from = year_param(&q, "from", df).map_err(e)?;
    let to = year_param(&q, "to", dt).map_err(e)?;
    let scope = crate::http::request::scope_param(&st, &u, &q)
        .await
        .map_err(e)?;
    let stats = st
        .app
        .stats(u.actor(), from, to, Some(&scope))
        .await
        .map_err(e)?;
    let cat = catalogue();
    let mut rows = Vec::new();
    for (d, v) in cat.iter().zip(&stats.indicators) {
        if d.id.contains(".by_sector.")
            && v.value.is_none_or(|x| x == Fixed::ZERO)
            && v.base.is_none_or(|x| x == Fixed::ZERO)
        {
            continue;
        }
        let flow = d.subject.is_flow();
        rows.push(IndicatorRow {
            label: l.pick(&d.label_vi, &d.label_en).to_string(),
            unit: l.pick(d.unit.label_vi(), d.unit.label_en()),
            base: if flow {
                String::new()
            } else {
                fmt_value(d.unit, v.base)
            },
            value: fmt_value(d.unit, v.value),
            change: signed_pct(v.change_pct),
            ratio: v.ratio_pct.map(pct_vi).unwrap_or_default(),
            link: crate::http::format::figure_link(d, from, to, &scope),
            flow,
        });
    }
    let stock_flow = st
        .app
        .stock_flow(u.actor(), from, to, Some(&scope))
        .await
        .map_err(e)?
        .into_iter()
        .map(|c| {
            let n = |v: Fixed| group_thousands(v.micros() as i128 / 1_000_000);
            (
                format!(
                    "{}: {} ({}) + {} − {} = {} ({})",
                    c.kind,
                    n(c.start),
                    from - 1,
                    n(c.founded),
                    n(c.dissolved),
                    n(c.end),
                    to
                ),
                c.agrees,
            )
        })
        .collect();
    let members_htx = st
        .app
        .series(u.actor(), "htx.members", from, to, Some(&scope))
        .await
        .map_err(e)?;
    let members_tht = st
        .app
        .series(u.actor(), "tht.members", from, to, Some(&scope))
        .await
        .map_err(e)?;
    let revenue_htx = st
        .app
        .series(u.actor(), "htx.revenue_avg", from, to, Some(&scope))
        .await
        .map_err(e)?;
    let profit_htx = st
        .app
        .series(u.actor(), "htx.profit_avg", from, to, Some(&scope))
        .await
        .map_err(e)?;
    let units = st.app.units_in_scope(u.actor()).await.map_err(e)?;
    let map = crate::features::dashboard::map::map_view(&st, &u, l, q.get("map"), to, &scope)
        .await
        .map_err(e)?;
    let t = Dashboard {
        map: map.svg,
        map_options: map.options,
        territory_note: stats
            .territory_note
            .as_ref()
            .map(|m| m.render(l))
            .unwrap_or_default(),
        p: page(&st, &u, l, "nav_dashboard").await,
        from,
        to,
        scopes: scope_options(&units, scope.trim(), hoptac_core::date::year_end(to), l),
        rows,
        // trends with the base year (the period's first) hollow and labelled
        chart_htx: trend(
            crate::http::i18n::t(l, "chart_members_htx"),
            &members_htx,
            from,
        ),
        chart_tht: trend(
            crate::http::i18n::t(l, "chart_members_tht"),
            &members_tht,
            from,
        ),
        chart_revenue: trend(
            crate::http::i18n::t(l, "chart_revenue_htx"),
            &revenue_htx,
            from,
        ),
        chart_profit: trend(
            crate::http::i18n::t(l, "chart_profit_htx"),
            &profit_htx,
            from,
        ),
        stock_flow,
        report_link: format!(
            "/report/situation?from={from}&to={to}&scope={}",
            enc(scope.trim())
        ),
    };
    Ok(render(&t))
}
