//! The register (sổ đăng ký): filtered, sorted and paged list of organisations.

use crate::features::registry::views::OrgListRow;
use crate::features::registry::views::Registry;
use crate::features::registry::views::SortLink;
use crate::http::error::WebError;
use crate::http::error::render;
use crate::http::format::enc;
use crate::http::forms::bad;
use crate::http::forms::enum_opts;
use crate::http::forms::parse_enum;
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
use hoptac_core::date::to_vi;
use hoptac_core::types::*;
use hoptac_store::{OrgQuery, SortKey};

pub(crate) async fn registry(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let kind = parse_enum(
        &q,
        "kind",
        OrgKind::parse,
        <OrgKind as Enumerated>::expected(),
    )
    .map_err(e)?;
    let sector = parse_enum(
        &q,
        "sector",
        Sector::parse,
        <Sector as Enumerated>::expected(),
    )
    .map_err(e)?;
    let year = match q.get("year").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => None,
        Some(_) => Some(year_param(&q, "year", 0).map_err(e)?),
    };
    let commune = match q.get("commune").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(s.parse::<i64>().map(hoptac_core::UnitId).map_err(|_| {
            e(bad(
                "commune",
                s,
                hoptac_core::msg!("web.invalid_commune", s = s),
            ))
        })?),
    };
    let page_no = q
        .get("page")
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(1)
        .max(1);
    let sort_key = q.get("sort").map(String::as_str).unwrap_or("name");
    let sort = match sort_key {
        "code" => SortKey::Code,
        "founded" => SortKey::Founded,
        "commune" => SortKey::Commune,
        _ => SortKey::Name,
    };
    let desc = q.get("desc").is_some_and(|v| v == "1");
    let text = q.get("q").cloned().unwrap_or_default();
    let per_page = 50;
    let query = OrgQuery {
        within: None,
        only_org: None,
        text: Some(text.clone()),
        kind,
        sector,
        commune,
        active_in: year,
        sort,
        descending: desc,
        page: page_no - 1,
        per_page,
    };
    let result = st.app.registry(u.actor(), &query).await.map_err(e)?;
    let units = st.app.units_in_scope(u.actor()).await.map_err(e)?;
    let mut communes: Vec<_> = units
        .iter()
        .filter(|u| u.level == AdminLevel::Commune)
        .collect();
    communes.sort_by_key(|u| hoptac_core::text::fold_unit_name(&u.name));
    let any = crate::http::i18n::t(l, "any");
    let mut commune_opts = vec![Opt {
        value: String::new(),
        label: any.into(),
        selected: commune.is_none(),
    }];
    commune_opts.extend(communes.iter().map(|u| Opt {
        value: u.id.0.to_string(),
        label: u.name.clone(),
        selected: Some(u.id) == commune,
    }));
    let label_kind = if l == Lang::En {
        OrgKind::label_en
    } else {
        OrgKind::label_vi
    };
    let label_sector = if l == Lang::En {
        Sector::label_en
    } else {
        Sector::label_vi
    };
    let base = {
        let mut p = Vec::new();
        for k in ["q", "kind", "sector", "commune", "year"] {
            if let Some(v) = q.get(k).filter(|v| !v.trim().is_empty()) {
                p.push(format!("{k}={}", enc(v.trim())));
            }
        }
        p.join("&")
    };
    let link = |sort: &str, desc: bool, page: u32| {
        format!("/orgs?{base}&sort={sort}&desc={}&page={page}", desc as u8)
    };
    let pages = (result.total as u32).div_ceil(per_page).max(1);
    let sort_links = [
        ("code", "code"),
        ("name", "name"),
        ("commune", "commune"),
        ("founded", "founded_on"),
    ]
    .iter()
    .map(|(k, label)| {
        let active = *k == sort_key
            || (sort_key != "code"
                && sort_key != "founded"
                && sort_key != "commune"
                && *k == "name");
        SortLink {
            label: crate::http::i18n::t(l, label),
            href: link(k, active && !desc, 1),
            mark: if active {
                if desc { " ▼" } else { " ▲" }
            } else {
                ""
            },
        }
    })
    .collect();
    let t = Registry {
        p: page(&st, &u, l, "nav_registry").await,
        q: text,
        kinds: enum_opts(OrgKind::all(), kind, OrgKind::code, label_kind, any),
        sectors: enum_opts(Sector::all(), sector, Sector::code, label_sector, any),
        communes: commune_opts,
        year: year.map(|y| y.to_string()).unwrap_or_default(),
        rows: result
            .rows
            .iter()
            .map(|r| OrgListRow {
                code: r.org.code.to_string(),
                name: r.org.name.clone(),
                kind: r.org.kind.code(),
                sector: label_sector(r.org.sector),
                commune: r.commune_name.clone(),
                founded: to_vi(r.org.founded_on),
                dissolved: r.org.dissolved_on.map(to_vi).unwrap_or_default(),
            })
            .collect(),
        total: result.total,
        page: page_no,
        pages,
        prev_link: if page_no > 1 {
            link(sort_key, desc, page_no - 1)
        } else {
            String::new()
        },
        next_link: if page_no < pages {
            link(sort_key, desc, page_no + 1)
        } else {
            String::new()
        },
        sort_links,
    };
    Ok(render(&t))
}
