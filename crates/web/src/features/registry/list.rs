//! The register (sổ đăng ký): filtered, sorted and paged list of organisations with their key
//! figures, and the same filtered list as a workbook or printed.

use crate::features::registry::views::{OrgListRow, PageLink, Registry, SortLink};
use crate::http::download::{XLSX, download};
use crate::http::error::{WebError, render};
use crate::http::format::{enc, opt_fixed, opt_int};
use crate::http::forms::{bad, enum_opts, parse_enum, year_param};
use crate::http::i18n::{Lang, t};
use crate::http::layout::Opt;
use crate::http::request::{Params, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use hoptac_app::registry_list::KeyFigures;
use hoptac_app::{ListCell, write_list};
use hoptac_core::date::to_vi;
use hoptac_core::types::*;
use hoptac_store::{OrgQuery, SortKey};
use std::collections::HashMap;

/// The page sizes offered; the first is the default.
const PAGE_SIZES: [u32; 4] = [50, 25, 100, 200];

/// The filters of the list's address, checked; the names of the kept parameters.
struct Filters {
    query: OrgQuery,
    sort_key: String,
    /// `q=…&kind=…` of the filters given, for links that keep them.
    base: String,
}

fn filters(q: &HashMap<String, String>) -> Result<Filters, hoptac_app::AppError> {
    let kind = parse_enum(q, "kind", OrgKind::parse, OrgKind::expected())?;
    let sector = parse_enum(q, "sector", Sector::parse, Sector::expected())?;
    let given = |k: &str| q.get(k).map(|s| s.trim()).filter(|s| !s.is_empty());
    let year = match given("year") {
        None => None,
        Some(_) => Some(year_param(q, "year", 0)?),
    };
    let founded_in = match given("founded") {
        None => None,
        Some(_) => Some(year_param(q, "founded", 0)?),
    };
    let dissolved = match given("status") {
        None | Some("all") => None,
        Some("active") => Some(false),
        Some("dissolved") => Some(true),
        Some(s) => {
            return Err(bad(
                "status",
                s,
                hoptac_core::msg!(
                    "web.invalid_enumerated_param",
                    s = s,
                    key = "status",
                    expected = "all, active, dissolved"
                ),
            ));
        }
    };
    let commune = match given("commune") {
        None => None,
        Some(s) => Some(s.parse::<i64>().map(hoptac_core::UnitId).map_err(|_| {
            bad(
                "commune",
                s,
                hoptac_core::msg!("web.invalid_commune", s = s),
            )
        })?),
    };
    let per_page = given("size")
        .and_then(|s| s.parse::<u32>().ok())
        .filter(|n| PAGE_SIZES.contains(n))
        .unwrap_or(PAGE_SIZES[0]);
    let page_no = given("page")
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, 1_000_000);
    let sort_key = given("sort").unwrap_or("name").to_string();
    let sort = match sort_key.as_str() {
        "code" => SortKey::Code,
        "founded" => SortKey::Founded,
        "commune" => SortKey::Commune,
        _ => SortKey::Name,
    };
    let mut base = Vec::new();
    for k in [
        "q", "kind", "sector", "commune", "year", "founded", "status", "size",
    ] {
        if let Some(v) = given(k) {
            base.push(format!("{k}={}", enc(v)));
        }
    }
    Ok(Filters {
        query: OrgQuery {
            within: None,
            only_org: None,
            text: Some(q.get("q").cloned().unwrap_or_default()),
            kind,
            sector,
            commune,
            active_in: year,
            dissolved,
            founded_in,
            sort,
            descending: q.get("desc").is_some_and(|v| v == "1"),
            page: page_no - 1,
            per_page,
        },
        sort_key,
        base: base.join("&"),
    })
}

fn figures_cells(l: Lang, f: &Option<KeyFigures>) -> (String, String, String, String) {
    match f {
        None => Default::default(),
        Some(f) => (
            f.year.to_string(),
            opt_int(f.members),
            opt_fixed(f.revenue),
            f.rating
                .map(|r| r.label(l.code()).to_string())
                .unwrap_or_default(),
        ),
    }
}

/// The page numbers around `page` of `pages`: first, last and two either side.
fn page_numbers(page: u32, pages: u32, link: impl Fn(u32) -> String) -> Vec<PageLink> {
    let mut out = Vec::new();
    let mut last = 0;
    for n in 1..=pages {
        if n == 1 || n == pages || n.abs_diff(page) <= 2 {
            if last != 0 && n > last + 1 {
                out.push(PageLink {
                    label: "…".into(),
                    href: String::new(),
                    current: false,
                });
            }
            out.push(PageLink {
                label: n.to_string(),
                href: link(n),
                current: n == page,
            });
            last = n;
        }
    }
    out
}

pub(crate) async fn registry(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let Filters {
        mut query,
        sort_key,
        base,
    } = filters(&q).map_err(e)?;
    let (mut result, mut figures) = st.app.registry_page(u.actor(), &query).await.map_err(e)?;
    let per_page = query.per_page;
    let pages = (result.total as u32).div_ceil(per_page).max(1);
    // a page past the end (a bookmark, a list that shrank) shows the last one
    if query.page + 1 > pages {
        query.page = pages - 1;
        (result, figures) = st.app.registry_page(u.actor(), &query).await.map_err(e)?;
    }
    let page_no = query.page + 1;
    let desc = query.descending;
    let units = st.app.units_in_scope(u.actor()).await.map_err(e)?;
    let mut communes: Vec<_> = units
        .iter()
        .filter(|u| u.level == AdminLevel::Commune)
        .collect();
    communes.sort_by_key(|u| hoptac_core::text::fold_unit_name(&u.name));
    let any = t(l, "any");
    let mut commune_opts = vec![Opt {
        value: String::new(),
        label: any.into(),
        selected: query.commune.is_none(),
    }];
    commune_opts.extend(communes.iter().map(|u| Opt {
        value: u.id.0.to_string(),
        label: u.name.clone(),
        selected: Some(u.id) == query.commune,
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
    let link = |sort: &str, desc: bool, page: u32| {
        format!("/orgs?{base}&sort={sort}&desc={}&page={page}", desc as u8)
    };
    let status = match query.dissolved {
        None => "all",
        Some(false) => "active",
        Some(true) => "dissolved",
    };
    let sort_links = [
        ("code", "code"),
        ("name", "name"),
        ("commune", "commune"),
        ("founded", "founded_on"),
    ]
    .iter()
    .map(|(k, label)| {
        let active = *k == sort_key
            || (!["code", "founded", "commune"].contains(&sort_key.as_str()) && *k == "name");
        SortLink {
            label: t(l, label),
            href: link(k, active && !desc, 1),
            mark: match (active, desc) {
                (false, _) => "",
                (true, true) => " ▼",
                (true, false) => " ▲",
            },
        }
    })
    .collect();
    let rows = result
        .rows
        .iter()
        .zip(&figures)
        .map(|(r, f)| {
            let (year, members, revenue, rating) = figures_cells(l, f);
            OrgListRow {
                code: r.org.code.to_string(),
                name: r.org.name.clone(),
                kind: label_kind(r.org.kind),
                sector: label_sector(r.org.sector),
                commune: r.commune_name.clone(),
                founded: to_vi(r.org.founded_on),
                dissolved: r.org.dissolved_on.map(to_vi).unwrap_or_default(),
                figures_year: year,
                members,
                revenue,
                rating,
            }
        })
        .collect();
    let t = Registry {
        p: page(&st, &u, l, "nav_registry").await,
        q: q.get("q").cloned().unwrap_or_default(),
        kinds: enum_opts(OrgKind::all(), query.kind, OrgKind::code, label_kind, any),
        sectors: enum_opts(Sector::all(), query.sector, Sector::code, label_sector, any),
        communes: commune_opts,
        statuses: ["all", "active", "dissolved"]
            .iter()
            .map(|s| Opt {
                value: s.to_string(),
                label: t(l, &format!("status_{s}")).into(),
                selected: *s == status,
            })
            .collect(),
        sizes: PAGE_SIZES
            .iter()
            .map(|n| Opt {
                value: n.to_string(),
                label: n.to_string(),
                selected: *n == per_page,
            })
            .collect(),
        year: query.active_in.map(|y| y.to_string()).unwrap_or_default(),
        founded: query.founded_in.map(|y| y.to_string()).unwrap_or_default(),
        can_write: u.actor().account.role != hoptac_core::auth::Role::Viewer,
        rows,
        total: opt_int(Some(result.total as i64)),
        page: page_no,
        pages,
        page_links: if pages > 1 {
            page_numbers(page_no, pages, |n| link(&sort_key, desc, n))
        } else {
            vec![]
        },
        prev_link: if page_no > 1 {
            link(&sort_key, desc, page_no - 1)
        } else {
            String::new()
        },
        next_link: if page_no < pages {
            link(&sort_key, desc, page_no + 1)
        } else {
            String::new()
        },
        export_link: format!(
            "/orgs/export.xlsx?{base}&sort={sort_key}&desc={}",
            desc as u8
        ),
        sort_links,
    };
    Ok(render(&t))
}

/// The filtered list, every page, as a workbook with the labels a clerk reads.
pub(crate) async fn registry_export(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let f = filters(&q).map_err(e)?;
    let rows = st.app.registry_rows(u.actor(), &f.query).await.map_err(e)?;
    let heads = [
        "code",
        "name",
        "kind",
        "sector",
        "commune",
        "founded_on",
        "dissolved_on",
        "figures_year",
        "members",
        "revenue",
        "rating",
    ];
    let headers: Vec<&str> = heads.iter().map(|k| t(l, k)).collect();
    let cells: Vec<Vec<ListCell>> = rows
        .into_iter()
        .map(|(r, k)| {
            let o = r.org;
            let text = |s: String| {
                if s.is_empty() {
                    ListCell::Empty
                } else {
                    ListCell::Text(s)
                }
            };
            vec![
                ListCell::Text(o.code.to_string()),
                ListCell::Text(o.name),
                text(o.kind.label(l.code()).into()),
                text(o.sector.label(l.code()).into()),
                text(r.commune_name),
                ListCell::Date(o.founded_on),
                o.dissolved_on
                    .map(ListCell::Date)
                    .unwrap_or(ListCell::Empty),
                k.as_ref()
                    .map(|k| ListCell::Int(k.year.into()))
                    .unwrap_or(ListCell::Empty),
                k.as_ref()
                    .and_then(|k| k.members)
                    .map(ListCell::Int)
                    .unwrap_or(ListCell::Empty),
                k.as_ref()
                    .and_then(|k| k.revenue)
                    .map(ListCell::Money)
                    .unwrap_or(ListCell::Empty),
                k.as_ref()
                    .and_then(|k| k.rating)
                    .map(|r| ListCell::Text(r.label(l.code()).into()))
                    .unwrap_or(ListCell::Empty),
            ]
        })
        .collect();
    let commune_name = match f.query.commune {
        None => None,
        Some(id) => st
            .app
            .units_in_scope(u.actor())
            .await
            .map_err(e)?
            .into_iter()
            .find(|x| x.id == id)
            .map(|x| x.name),
    };
    let described = describe(l, &q, commune_name);
    let title = t(l, "registry_list_title").to_string();
    let sheet = t(l, "nav_registry").to_string();
    let bytes = tokio::task::spawn_blocking(move || {
        let headers: Vec<&str> = headers;
        write_list(&sheet, &title, &described, &headers, &cells)
    })
    .await
    .map_err(|x| e(hoptac_app::AppError::internal(format!("export: {x}"))))?
    .map_err(|x| e(hoptac_app::AppError::internal(format!("export: {x}"))))?;
    Ok(download(XLSX, "danh-sach-to-chuc.xlsx", bytes))
}

/// The filters of a list in words, for the head of its workbook.
fn describe(l: Lang, q: &HashMap<String, String>, commune: Option<String>) -> String {
    let mut parts = Vec::new();
    if let Some(c) = commune {
        parts.push(format!("{}: {c}", t(l, "commune")));
    }
    for (k, label) in [
        ("q", "search"),
        ("kind", "kind"),
        ("sector", "sector"),
        ("year", "active_in"),
        ("founded", "founded_in"),
        ("status", "status"),
    ] {
        if let Some(v) = q.get(k).map(|s| s.trim()).filter(|s| !s.is_empty()) {
            let shown = match k {
                "kind" => OrgKind::parse(v).map(|x| x.label(l.code()).to_string()),
                "sector" => Sector::parse(v).map(|x| x.label(l.code()).to_string()),
                "status" => Some(t(l, &format!("status_{v}")).to_string()),
                _ => None,
            }
            .unwrap_or_else(|| v.to_string());
            parts.push(format!("{}: {shown}", t(l, label)));
        }
    }
    if parts.is_empty() {
        t(l, "no_filter").to_string()
    } else {
        format!("{} {}", t(l, "filtered_by"), parts.join("; "))
    }
}
