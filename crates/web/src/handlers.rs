//! Request handlers: parse the request, call one application function, render.

use crate::error::{WebError, render};
use crate::i18n::Lang;
use crate::page::*;
use crate::session::CurrentUser;
use crate::{AppState, PENDING_TTL, Pending};
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE,
};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use hoptac_app::ExportHeaders as Headers;
use hoptac_app::{AppError, ImportOutcome};
use hoptac_core::chart::{bars, trend};
use hoptac_core::date::to_vi;
use hoptac_core::indicator::{Filter, IndicatorDef, Subject, Unit, catalogue};
use hoptac_core::report::{money_vi, pct_vi, render_html, render_md};
use hoptac_core::text::group_thousands;
use hoptac_core::types::*;
use hoptac_core::{Fixed, Msg};
use hoptac_store::{OrgQuery, SortKey};
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};
use std::time::Instant;

pub(crate) type Params = Query<HashMap<String, String>>;
pub(crate) type WebResult = Result<Response, WebError>;

pub(crate) fn lang(h: &HeaderMap) -> Lang {
    Lang::from_cookie_header(h.get(COOKIE).and_then(|v| v.to_str().ok()))
}

pub(crate) async fn page(st: &AppState, u: &CurrentUser, lang: Lang, key: &'static str) -> Page {
    Page::new(lang, st.app.is_demo().await.unwrap_or(false), key).for_user(u)
}

pub(crate) fn bad(field: &str, value: &str, vi: String, en: String) -> AppError {
    AppError::invalid(field, value, Msg::new(vi, en))
}

/// A year from a query parameter, or the default when absent.
pub(crate) fn year_param(
    q: &HashMap<String, String>,
    key: &str,
    default: i32,
) -> Result<i32, AppError> {
    match q.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some(s) => s
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
            .ok_or_else(|| {
                bad(
                    key,
                    s,
                    format!("Năm không hợp lệ ở \"{key}\": \"{s}\" (cần 4 chữ số, ví dụ 2020)"),
                    format!("Invalid year in \"{key}\": \"{s}\" (expected 4 digits, e.g. 2020)"),
                )
            }),
    }
}

fn default_period() -> (i32, i32) {
    let to = hoptac_app::today().year() - 1;
    (to - 4, to)
}

pub(crate) fn fmt_value(unit: Unit, v: Option<Fixed>) -> String {
    match v {
        None => "—".into(),
        Some(v) => match unit {
            Unit::Percent => pct_vi(v),
            Unit::MillionVnd | Unit::Services => money_vi(v),
            _ => group_thousands(v.round(0).micros() as i128 / 1_000_000),
        },
    }
}

pub(crate) fn signed_pct(v: Option<Fixed>) -> String {
    match v {
        None => String::new(),
        Some(v) if v.is_positive() => format!("+{}", pct_vi(v)),
        Some(v) => pct_vi(v),
    }
}

pub(crate) fn enc(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                o.push(b as char)
            }
            _ => o.push_str(&format!("%{b:02X}")),
        }
    }
    o
}

/// The registry filtered to the organisations an indicator counts.
fn records_link(d: &IndicatorDef, to: i32, scope_commune: Option<&str>) -> String {
    let mut q = Vec::new();
    if d.kinds.len() == 1 {
        q.push(format!("kind={}", d.kinds[0].code()));
    }
    for f in &d.filters {
        if let Filter::Sector(s) = f {
            q.push(format!("sector={}", s.code()));
        }
    }
    if matches!(d.subject, Subject::ActiveOrgs | Subject::ActiveManagers) {
        q.push(format!("year={to}"));
    }
    if let Some(c) = scope_commune {
        q.push(format!("commune={c}"));
    }
    format!("/orgs?{}", q.join("&"))
}

fn scope_options(units: &[hoptac_core::AdminUnit], selected: &str, lang: Lang) -> Vec<Opt> {
    let mut v = vec![Opt {
        value: String::new(),
        label: crate::i18n::t(lang, "all_scopes").into(),
        selected: selected.is_empty(),
    }];
    let mut us: Vec<_> = units.iter().collect();
    us.sort_by_key(|u| {
        (
            u.level != AdminLevel::Province,
            u.level != AdminLevel::District,
            u.code.clone(),
        )
    });
    for u in us {
        let indent = match u.level {
            AdminLevel::Province => "",
            AdminLevel::District => "· ",
            AdminLevel::Commune => "· · ",
        };
        v.push(Opt {
            value: u.code.clone(),
            label: format!("{indent}{} ({})", u.name, u.code),
            selected: u.code == selected,
        });
    }
    v
}

pub async fn dashboard(
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
    let (df, dt) = default_period();
    let from = year_param(&q, "from", df).map_err(e)?;
    let to = year_param(&q, "to", dt).map_err(e)?;
    let scope = q.get("scope").cloned().unwrap_or_default();
    let stats = st
        .app
        .stats(u.actor(), from, to, Some(&scope))
        .await
        .map_err(e)?;
    let unit = st.app.scope_unit(&scope).await.map_err(e)?;
    let commune_filter = unit
        .as_ref()
        .filter(|u| u.level == AdminLevel::Commune)
        .map(|u| u.id.0.to_string());
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
            label: if l == Lang::En {
                d.label_en.clone()
            } else {
                d.label_vi.clone()
            },
            unit: if l == Lang::En {
                d.unit.label_en()
            } else {
                d.unit.label_vi()
            },
            base: if flow {
                String::new()
            } else {
                fmt_value(d.unit, v.base)
            },
            value: fmt_value(d.unit, v.value),
            change: signed_pct(v.change_pct),
            ratio: v.ratio_pct.map(pct_vi).unwrap_or_default(),
            link: records_link(d, to, commune_filter.as_deref()),
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
    let units = st.app.units().await.map_err(e)?;
    let t = Dashboard {
        p: page(&st, &u, l, "nav_dashboard").await,
        from,
        to,
        scopes: scope_options(&units, scope.trim(), l),
        rows,
        // trends with the base year (the period's first) hollow and labelled
        chart_htx: trend(
            if l == Lang::En {
                "Cooperative members"
            } else {
                "Thành viên HTX"
            },
            &members_htx,
            from,
        ),
        chart_tht: trend(
            if l == Lang::En {
                "Cooperative group members"
            } else {
                "Thành viên THT"
            },
            &members_tht,
            from,
        ),
        chart_revenue: trend(
            if l == Lang::En {
                "Average cooperative revenue (million VND)"
            } else {
                "Doanh thu bình quân HTX (triệu đồng)"
            },
            &revenue_htx,
            from,
        ),
        chart_profit: trend(
            if l == Lang::En {
                "Average cooperative profit (million VND)"
            } else {
                "Lợi nhuận bình quân HTX (triệu đồng)"
            },
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

fn enum_opts<T: Copy + PartialEq>(
    all: &[T],
    selected: Option<T>,
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    any: &str,
) -> Vec<Opt> {
    let mut v = vec![Opt {
        value: String::new(),
        label: any.into(),
        selected: selected.is_none(),
    }];
    v.extend(all.iter().map(|x| Opt {
        value: code(*x).into(),
        label: label(*x).into(),
        selected: selected == Some(*x),
    }));
    v
}

fn parse_enum<T>(
    q: &HashMap<String, String>,
    key: &str,
    parse: fn(&str) -> Option<T>,
    expected: String,
) -> Result<Option<T>, AppError> {
    match q.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => parse(s).map(Some).ok_or_else(|| {
            bad(
                key,
                s,
                format!("Giá trị \"{s}\" không hợp lệ ở \"{key}\"; cần một trong: {expected}"),
                format!("Invalid value \"{s}\" for \"{key}\"; expected one of: {expected}"),
            )
        }),
    }
}

pub async fn registry(
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
                format!("Xã không hợp lệ: \"{s}\""),
                format!("Invalid commune: \"{s}\""),
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
    let units = st.app.units().await.map_err(e)?;
    let mut communes: Vec<_> = units
        .iter()
        .filter(|u| u.level == AdminLevel::Commune)
        .collect();
    communes.sort_by_key(|u| hoptac_core::text::fold_unit_name(&u.name));
    let any = crate::i18n::t(l, "any");
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
            label: crate::i18n::t(l, label),
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

fn opt_fixed(v: Option<Fixed>) -> String {
    v.map(money_vi).unwrap_or_default()
}

fn opt_int(v: Option<i64>) -> String {
    v.map(|x| group_thousands(x as i128)).unwrap_or_default()
}

async fn org_page_view(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &str,
    notice: String,
    warnings: Vec<String>,
) -> Result<OrgPage, WebError> {
    let e = |err| WebError::new(l, err);
    let d = st.app.org_detail(u.actor(), code).await.map_err(e)?;
    let en = l == Lang::En;
    let o = &d.org;
    let yes_no = |b: Option<bool>| match b {
        Some(true) => crate::i18n::t(l, "yes").to_string(),
        Some(false) => crate::i18n::t(l, "no").to_string(),
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
                .unwrap_or_else(|| crate::i18n::t(l, "operating").into()),
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
            }
        })
        .collect();
    let managers = d
        .managers
        .iter()
        .map(|m| ManagerRow {
            name: m.full_name.clone(),
            role: m.role.label(l.code()),
            qualification: m
                .qualification
                .map(|q| q.label(l.code()).to_string())
                .unwrap_or_default(),
            trained: m.trained_on.map(to_vi).unwrap_or_default(),
            term: format!(
                "{} – {}",
                m.from.map(to_vi).unwrap_or_default(),
                m.to.map(to_vi).unwrap_or_default()
            ),
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
    Ok(OrgPage {
        p: page(st, u, l, "details").await,
        code: o.code.to_string(),
        name: o.name.clone(),
        facts,
        report_heads: REPORT_KEYS[2..].to_vec(),
        reports,
        managers,
        chart_members: if members.is_empty() {
            String::new()
        } else {
            bars(
                if en {
                    "Members at year end"
                } else {
                    "Thành viên cuối năm"
                },
                &members,
            )
        },
        chart_revenue: if revenue.is_empty() {
            String::new()
        } else {
            bars(
                if en {
                    "Revenue (million VND)"
                } else {
                    "Doanh thu (triệu đồng)"
                },
                &revenue,
            )
        },
        notice,
        warnings,
        last_change: d
            .last_change
            .as_ref()
            .map(|e| format!("{} — {}", e.actor, e.at))
            .unwrap_or_default(),
    })
}

pub async fn org_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let notice = if q.contains_key("saved") {
        crate::i18n::t(l, "saved").to_string()
    } else {
        String::new()
    };
    Ok(render(
        &org_page_view(&st, &u, l, &code, notice, vec![]).await?,
    ))
}

pub(crate) fn field(l: Lang, key: &'static str, kind: &'static str, value: String) -> Field {
    Field {
        key,
        label: crate::i18n::t(l, key),
        kind,
        value,
        options: vec![],
        error: String::new(),
        hint: "",
        readonly: false,
        required: false,
    }
}

pub(crate) fn select<T: Copy>(
    l: Lang,
    key: &'static str,
    all: &[T],
    value: &str,
    code: fn(T) -> &'static str,
    label: fn(T, &str) -> &'static str,
    empty: bool,
) -> Field {
    let mut f = field(l, key, "select", value.to_string());
    if empty {
        f.options.push(Opt {
            value: String::new(),
            label: "—".into(),
            selected: value.is_empty(),
        });
    }
    f.options.extend(all.iter().map(|x| Opt {
        value: code(*x).into(),
        label: label(*x, l.code()).into(),
        selected: code(*x) == value,
    }));
    f
}

async fn org_fields(
    st: &AppState,
    l: Lang,
    v: &HashMap<String, String>,
    editing: bool,
) -> Result<Vec<Field>, WebError> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let units = st.app.units().await.map_err(|e| WebError::new(l, e))?;
    let mut communes: Vec<_> = units
        .iter()
        .filter(|u| u.level == AdminLevel::Commune)
        .collect();
    communes.sort_by_key(|u| hoptac_core::text::fold_unit_name(&u.name));
    let mut code = field(l, "code", "text", get("code"));
    code.readonly = editing;
    code.required = true;
    let mut name = field(l, "name", "text", get("name"));
    name.required = true;
    let mut commune = field(l, "commune", "select", get("commune"));
    commune.options.push(Opt {
        value: String::new(),
        label: "—".into(),
        selected: get("commune").is_empty(),
    });
    commune.options.extend(communes.iter().map(|u| Opt {
        value: u.code.clone(),
        label: format!("{} ({})", u.name, u.code),
        selected: u.code == get("commune"),
    }));
    commune.required = true;
    let mut founded = field(l, "founded_on", "date", get("founded_on"));
    founded.required = true;
    Ok(vec![
        code,
        select(
            l,
            "kind",
            OrgKind::all(),
            &get("kind"),
            OrgKind::code,
            OrgKind::label,
            false,
        ),
        name,
        select(
            l,
            "sector",
            Sector::all(),
            &get("sector"),
            Sector::code,
            Sector::label,
            false,
        ),
        commune,
        founded,
        field(l, "dissolved_on", "date", get("dissolved_on")),
        field(l, "registration_no", "text", get("registration_no")),
        {
            let chosen: Vec<String> = get("registered_services")
                .split(';')
                .map(|s| s.trim().to_string())
                .collect();
            let mut f = field(l, "registered_services", "checkboxes", String::new());
            f.options = Service::all()
                .iter()
                .map(|s| Opt {
                    value: s.code().into(),
                    label: s.label(l.code()).into(),
                    selected: chosen.iter().any(|c| c == s.code()),
                })
                .collect();
            f
        },
    ])
}

pub(crate) fn to_map(pairs: &[(String, String)]) -> HashMap<String, String> {
    let mut m: HashMap<String, String> = HashMap::new();
    for (k, v) in pairs {
        m.entry(k.clone())
            .and_modify(|x| {
                x.push(';');
                x.push_str(v)
            })
            .or_insert_with(|| v.clone());
    }
    m
}

// The request's context (state, user, language) and the form's (heading, action, back,
// fields, errors): grouping them would only rename the same eight things.
#[allow(clippy::too_many_arguments)]
async fn form_page(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    heading: String,
    action: String,
    back: String,
    fields: Vec<Field>,
    outcome: Option<&ImportOutcome>,
) -> Response {
    let errors = outcome.map(|o| {
        o.problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| {
                let text = format!(
                    "{}{}",
                    p.msg.get(l.code()),
                    if p.value.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", p.value)
                    }
                );
                (p.key.unwrap_or_default().to_string(), text)
            })
            .collect()
    });
    form_page_errors(st, u, l, heading, action, back, fields, errors).await
}

/// A form page; with `errors` (field key, message), each message goes beside its field
/// (or above the form) and the answer is 422.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn form_page_errors(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    heading: String,
    action: String,
    back: String,
    mut fields: Vec<Field>,
    errors: Option<Vec<(String, String)>>,
) -> Response {
    let mut general = Vec::new();
    let failed = errors.is_some();
    for (key, text) in errors.unwrap_or_default() {
        // a hidden field (the version) shows nothing: its message goes above the form
        match fields
            .iter_mut()
            .find(|f| f.key == key && f.kind != "hidden")
        {
            Some(f) if f.error.is_empty() => f.error = text,
            Some(f) => {
                f.error.push_str("; ");
                f.error.push_str(&text)
            }
            None => general.push(text),
        }
    }
    if failed && general.is_empty() && fields.iter().all(|f| f.error.is_empty()) {
        general.push(crate::i18n::t(l, "form_has_errors").into());
    }
    let t = FormPage {
        p: page(st, u, l, "nav_registry").await,
        heading,
        action,
        back,
        fields,
        general_errors: general,
    };
    let mut r = render(&t);
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    r
}

pub async fn org_new_form(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let mut v = HashMap::new();
    v.insert("kind".into(), "HTX".into());
    v.insert("sector".into(), "agriculture".into());
    let fields = org_fields(&st, l, &v, false).await?;
    Ok(form_page(
        &st,
        &u,
        l,
        crate::i18n::t(l, "new_org").into(),
        "/orgs/new".into(),
        "/orgs".into(),
        fields,
        None,
    )
    .await)
}

pub async fn org_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let d = st
        .app
        .org_detail(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let o = &d.org;
    let v: HashMap<String, String> = [
        ("code", o.code.to_string()),
        ("kind", o.kind.code().into()),
        ("name", o.name.clone()),
        ("sector", o.sector.code().into()),
        (
            "commune",
            d.commune
                .as_ref()
                .map(|u| u.code.clone())
                .unwrap_or_default(),
        ),
        ("founded_on", hoptac_core::date::to_iso(o.founded_on)),
        (
            "dissolved_on",
            o.dissolved_on
                .map(hoptac_core::date::to_iso)
                .unwrap_or_default(),
        ),
        (
            "registration_no",
            o.registration_no.clone().unwrap_or_default(),
        ),
        (
            "registered_services",
            d.registered
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join(";"),
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let mut fields = org_fields(&st, l, &v, true).await?;
    let version = st
        .app
        .row_version("organizations", o.code.as_str())
        .await
        .map_err(|e| WebError::new(l, e))?;
    fields.push(version_field(version));
    let path = format!("/orgs/{}", enc(&code));
    Ok(form_page(
        &st,
        &u,
        l,
        format!("{} — {}", crate::i18n::t(l, "edit"), o.name),
        format!("{path}/edit"),
        path,
        fields,
        None,
    )
    .await)
}

/// The hidden field that carries the version of the row an edit form was read at.
pub(crate) fn version_field(version: i64) -> Field {
    Field {
        key: "_version",
        label: "",
        kind: "hidden",
        value: version.to_string(),
        options: vec![],
        error: String::new(),
        hint: "",
        readonly: false,
        required: false,
    }
}

/// A refused edit form is shown again with the version it was read at, so a second try
/// is still checked against the row as the user saw it.
pub(crate) fn keep_version(fields: &mut Vec<Field>, v: &HashMap<String, String>) {
    if let Some(version) = v.get("_version").and_then(|x| x.trim().parse().ok()) {
        fields.push(version_field(version));
    }
}

/// The version an edit form was read at (`None` for a new record); an edit form without a
/// readable one is stale by definition.
pub(crate) fn edit_version(v: &HashMap<String, String>, editing: bool) -> Option<i64> {
    editing.then(|| {
        v.get("_version")
            .and_then(|x| x.trim().parse().ok())
            .unwrap_or(-1)
    })
}

/// An edit form's fields with the version of its row.
pub(crate) async fn with_version(
    st: &AppState,
    l: Lang,
    mut fields: Vec<Field>,
    entity: &str,
    key: &str,
) -> Result<Vec<Field>, WebError> {
    let v = st
        .app
        .row_version(entity, key)
        .await
        .map_err(|e| WebError::new(l, e))?;
    fields.push(version_field(v));
    Ok(fields)
}

/// Create or edit: an edit form without a readable version is stale by definition.
fn form_intent(v: &HashMap<String, String>, editing: bool) -> hoptac_app::FormIntent {
    if editing {
        hoptac_app::FormIntent::Update {
            version: v
                .get("_version")
                .and_then(|x| x.trim().parse().ok())
                .unwrap_or(-1),
        }
    } else {
        hoptac_app::FormIntent::Create
    }
}

const ORG_KEYS: [&str; 9] = [
    "registered_services",
    "code",
    "kind",
    "name",
    "sector",
    "commune",
    "founded_on",
    "dissolved_on",
    "registration_no",
];

async fn save_org(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    mut v: HashMap<String, String>,
    fixed_code: Option<String>,
) -> WebResult {
    if let Some(c) = &fixed_code {
        v.insert("code".into(), c.clone());
        // the organisation must exist: editing never creates
        st.app
            .org_detail(u.actor(), c)
            .await
            .map_err(|e| WebError::new(l, e))?;
    }
    let pairs: Vec<(&str, String)> = ORG_KEYS
        .iter()
        .map(|k| (*k, v.get(*k).cloned().unwrap_or_default()))
        .collect();
    let intent = form_intent(&v, fixed_code.is_some());
    let outcome = st
        .app
        .save_form(u.actor(), "organizations", &pairs, intent)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let code = v.get("code").cloned().unwrap_or_default();
    if outcome.applied {
        let warnings: Vec<String> = outcome
            .problems
            .iter()
            .map(|p| p.msg.get(l.code()).to_string())
            .collect();
        if warnings.is_empty() {
            return Ok(Redirect::to(&format!("/orgs/{}?saved=1", enc(code.trim()))).into_response());
        }
        return Ok(render(
            &org_page_view(
                st,
                u,
                l,
                code.trim(),
                crate::i18n::t(l, "saved_with_warnings").into(),
                warnings,
            )
            .await?,
        ));
    }
    let mut fields = org_fields(st, l, &v, fixed_code.is_some()).await?;
    keep_version(&mut fields, &v);
    let (heading, action, back) = match &fixed_code {
        Some(c) => (
            crate::i18n::t(l, "edit").to_string(),
            format!("/orgs/{}/edit", enc(c)),
            format!("/orgs/{}", enc(c)),
        ),
        None => (
            crate::i18n::t(l, "new_org").to_string(),
            "/orgs/new".into(),
            "/orgs".into(),
        ),
    };
    Ok(form_page(st, u, l, heading, action, back, fields, Some(&outcome)).await)
}

pub async fn org_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_org(&st, &u, lang(&h), to_map(&pairs), None).await
}

pub async fn org_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_org(&st, &u, lang(&h), to_map(&pairs), Some(code)).await
}

const REPORT_KEYS: [&str; 18] = [
    "org_code",
    "year",
    "members",
    "members_joined",
    "members_left",
    "workers",
    "revenue",
    "profit",
    "member_income",
    "worker_income",
    "services",
    "rating",
    "general_meeting_on",
    "statements_filed",
    "received_on",
    "statements_filed_on",
    "self_assessment_sent_on",
    "rating_basis",
];

/// For a cooperative's own account the office's fields (its rating, the dates it received
/// the papers) are shown but cannot be changed.
fn office_readonly(mut fields: Vec<Field>, u: &CurrentUser) -> Vec<Field> {
    if matches!(u.actor().account.scope, hoptac_core::auth::Scope::Org(_)) {
        for f in fields
            .iter_mut()
            .filter(|f| hoptac_app::reporting::OFFICE_FIELDS.contains(&f.key))
        {
            f.readonly = true;
        }
    }
    fields
}

fn report_fields(l: Lang, v: &HashMap<String, String>, editing: bool) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut year = field(l, "year", "number", get("year"));
    year.readonly = editing;
    year.required = true;
    let mut out = vec![year];
    for k in ["members", "members_joined", "members_left", "workers"] {
        out.push(field(l, k, "text", get(k)));
    }
    for k in ["revenue", "profit", "member_income", "worker_income"] {
        let mut f = field(l, k, "text", get(k));
        f.hint = crate::i18n::t(l, "money_hint");
        out.push(f);
    }
    let chosen: Vec<String> = get("services")
        .split(';')
        .map(|s| s.trim().to_string())
        .collect();
    let mut services = field(l, "services", "checkboxes", String::new());
    services.options = Service::all()
        .iter()
        .map(|s| Opt {
            value: s.code().into(),
            label: s.label(l.code()).into(),
            selected: chosen.iter().any(|c| c == s.code()),
        })
        .collect();
    out.push(services);
    out.push(select(
        l,
        "rating",
        Rating::all(),
        &get("rating"),
        Rating::code,
        Rating::label,
        true,
    ));
    out.push(field(
        l,
        "general_meeting_on",
        "date",
        get("general_meeting_on"),
    ));
    let mut filed = field(l, "statements_filed", "select", get("statements_filed"));
    for (val, key) in [("", "unknown"), ("yes", "yes"), ("no", "no")] {
        filed.options.push(Opt {
            value: val.into(),
            label: crate::i18n::t(l, key).into(),
            selected: get("statements_filed") == val,
        });
    }
    out.push(filed);
    out.push(field(
        l,
        "statements_filed_on",
        "date",
        get("statements_filed_on"),
    ));
    out.push(field(l, "received_on", "date", get("received_on")));
    out.push(field(
        l,
        "self_assessment_sent_on",
        "date",
        get("self_assessment_sent_on"),
    ));
    out.push(field(l, "rating_basis", "text", get("rating_basis")));
    out
}

pub async fn report_new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(code): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let d = st
        .app
        .org_detail(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let next = d
        .reports
        .last()
        .map(|r| r.year.get() + 1)
        .unwrap_or(hoptac_app::today().year() - 1);
    let v: HashMap<String, String> = [("year".to_string(), next.to_string())].into();
    let path = format!("/orgs/{}", enc(&code));
    Ok(form_page(
        &st,
        &u,
        l,
        format!("{} — {}", crate::i18n::t(l, "add_report"), d.org.name),
        format!("{path}/reports/new"),
        path,
        office_readonly(report_fields(l, &v, false), &u),
        None,
    )
    .await)
}

/// A stored report as the values of its form.
fn report_values(r: &hoptac_core::AnnualReport) -> HashMap<String, String> {
    let f = &r.figures;
    let s = |v: Option<Fixed>| v.map(|x| x.to_string()).unwrap_or_default();
    let i = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
    [
        ("year", r.year.to_string()),
        ("members", i(f.members)),
        ("members_joined", i(f.members_joined)),
        ("members_left", i(f.members_left)),
        ("workers", i(f.workers)),
        ("revenue", s(f.revenue)),
        ("profit", s(f.profit)),
        ("member_income", s(f.member_income)),
        ("worker_income", s(f.worker_income)),
        (
            "services",
            f.services
                .iter()
                .map(|x| x.code())
                .collect::<Vec<_>>()
                .join(";"),
        ),
        (
            "rating",
            f.rating.map(|x| x.code().to_string()).unwrap_or_default(),
        ),
        (
            "general_meeting_on",
            f.general_meeting_on
                .map(hoptac_core::date::to_iso)
                .unwrap_or_default(),
        ),
        (
            "statements_filed",
            f.statements_filed
                .map(|b| if b { "yes" } else { "no" }.to_string())
                .unwrap_or_default(),
        ),
        (
            "received_on",
            f.received_on
                .map(hoptac_core::date::to_iso)
                .unwrap_or_default(),
        ),
        (
            "statements_filed_on",
            f.statements_filed_on
                .map(hoptac_core::date::to_iso)
                .unwrap_or_default(),
        ),
        (
            "self_assessment_sent_on",
            f.self_assessment_sent_on
                .map(hoptac_core::date::to_iso)
                .unwrap_or_default(),
        ),
        ("rating_basis", f.rating_basis.clone().unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

pub async fn report_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((code, year)): Path<(String, String)>,
) -> WebResult {
    let l = lang(&h);
    let d = st
        .app
        .org_detail(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let r = d
        .reports
        .iter()
        .find(|r| r.year.to_string() == year)
        .ok_or_else(|| {
            WebError::new(l, AppError::not_found("report", format!("{code} / {year}")))
        })?;
    let v = report_values(r);
    let path = format!("/orgs/{}", enc(&code));
    let version = st
        .app
        .row_version("annual_reports", &format!("{}/{}", d.org.code, r.year))
        .await
        .map_err(|e| WebError::new(l, e))?;
    let mut fields = office_readonly(report_fields(l, &v, true), &u);
    fields.push(version_field(version));
    Ok(form_page(
        &st,
        &u,
        l,
        format!(
            "{} {} — {}",
            crate::i18n::t(l, "yearly_figures"),
            year,
            d.org.name
        ),
        format!("{path}/reports/{year}/edit"),
        path,
        fields,
        None,
    )
    .await)
}

pub async fn report_save(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(params): Path<HashMap<String, String>>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let code = params.get("code").cloned().unwrap_or_default();
    let d = st
        .app
        .org_detail(u.actor(), &code)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let mut v = to_map(&pairs);
    let editing = params.get("year").cloned();
    if let Some(y) = &editing {
        v.insert("year".into(), y.clone());
    }
    // a cooperative's own account sends its figures; the office's fields keep what the
    // office recorded, whatever the form says (its select boxes are not even sent)
    if matches!(u.actor().account.scope, hoptac_core::auth::Scope::Org(_)) {
        let stored = d
            .reports
            .iter()
            .find(|r| Some(r.year.to_string()) == v.get("year").map(|y| y.trim().to_string()))
            .map(report_values)
            .unwrap_or_default();
        for k in hoptac_app::reporting::OFFICE_FIELDS {
            v.insert(k.into(), stored.get(k).cloned().unwrap_or_default());
        }
    }
    v.insert("org_code".into(), code.clone());
    let fields_in: Vec<(&str, String)> = REPORT_KEYS
        .iter()
        .map(|k| (*k, v.get(*k).cloned().unwrap_or_default()))
        .collect();
    let intent = form_intent(&v, editing.is_some());
    let outcome = st
        .app
        .save_form(u.actor(), "annual_reports", &fields_in, intent)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let path = format!("/orgs/{}", enc(&code));
    if outcome.applied {
        let warnings: Vec<String> = outcome
            .problems
            .iter()
            .map(|p| {
                format!(
                    "{}: {}",
                    p.column.clone().unwrap_or_default(),
                    p.msg.get(l.code())
                )
            })
            .collect();
        if warnings.is_empty() {
            return Ok(Redirect::to(&format!("{path}?saved=1")).into_response());
        }
        return Ok(render(
            &org_page_view(
                &st,
                &u,
                l,
                &code,
                crate::i18n::t(l, "saved_with_warnings").into(),
                warnings,
            )
            .await?,
        ));
    }
    let action = match &editing {
        Some(y) => format!("{path}/reports/{y}/edit"),
        None => format!("{path}/reports/new"),
    };
    let heading = format!("{} — {}", crate::i18n::t(l, "yearly_figures"), d.org.name);
    let mut fields = office_readonly(report_fields(l, &v, editing.is_some()), &u);
    keep_version(&mut fields, &v);
    Ok(form_page(&st, &u, l, heading, action, path, fields, Some(&outcome)).await)
}

pub async fn import_form(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    Ok(render(&import_view(
        page(&st, &u, l, "nav_import").await,
        l,
        None,
        String::new(),
        String::new(),
        false,
    )))
}

/// Problems listed on the import preview; the rest are counted by column.
pub(crate) const PREVIEW_PROBLEMS: usize = 200;

fn import_view(
    p: Page,
    l: Lang,
    o: Option<&ImportOutcome>,
    file_name: String,
    token: String,
    done: bool,
) -> ImportPage {
    import_view_page(p, l, o, file_name, token, done, 0, String::new())
}

/// The preview at one page of its problems; `results` names the checked outcome the other
/// pages are read from.
#[allow(clippy::too_many_arguments)]
fn import_view_page(
    p: Page,
    l: Lang,
    o: Option<&ImportOutcome>,
    file_name: String,
    token: String,
    done: bool,
    page: usize,
    results: String,
) -> ImportPage {
    let summary = o
        .map(|o| {
            o.summary
                .iter()
                .map(|s| SummaryRow {
                    table: s.table,
                    new: s.new,
                    changed: s.changed,
                    unchanged: s.unchanged,
                })
                .collect()
        })
        .unwrap_or_default();
    let problems: Vec<ProblemRow> = o
        .map(|o| {
            o.problems
                .iter()
                .skip(page * PREVIEW_PROBLEMS)
                .take(PREVIEW_PROBLEMS)
                .map(|p| ProblemRow {
                    error: p.is_error(),
                    sheet: p.sheet.clone(),
                    row: p.row.map(|r| r.to_string()).unwrap_or_default(),
                    column: p.column.clone().unwrap_or_default(),
                    value: hoptac_app::auth::bounded(&p.value, 200),
                    message: p.msg.get(l.code()).to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    let mut by_column: std::collections::BTreeMap<(String, String), (usize, usize)> =
        Default::default();
    for p in o.map(|o| o.problems.as_slice()).unwrap_or_default() {
        let k = by_column
            .entry((p.sheet.clone(), p.column.clone().unwrap_or_default()))
            .or_default();
        if p.is_error() { k.0 += 1 } else { k.1 += 1 }
    }
    let total = o.map(|o| o.problems.len()).unwrap_or(0);
    let more = total - problems.len();
    let pages = total.div_ceil(PREVIEW_PROBLEMS);
    ImportPage {
        p,
        checked: o.is_some(),
        file_name,
        token,
        blocked: o.is_some_and(|o| o.has_errors()),
        done,
        nothing: o.is_some_and(|o| !o.has_errors() && o.changes() == 0),
        summary,
        problems,
        by_column: by_column
            .into_iter()
            .take(100)
            .map(|((sheet, col), (e, w))| (sheet, col, e, w))
            .collect(),
        more,
        page: page + 1,
        pages,
        results,
        errors: o.map(|o| o.errors()).unwrap_or(0),
        warnings: o.map(|o| o.warnings()).unwrap_or(0),
        notice: String::new(),
    }
}

fn token() -> String {
    let a = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(Instant::now().elapsed().as_nanos());
    format!("{a:016x}{:016x}", h.finish())
}

/// The `file` field of a multipart form: its name and bytes, or a clear error (too large,
/// unreadable, none chosen).
pub(crate) async fn uploaded_file(
    l: Lang,
    mp: &mut Multipart,
) -> Result<(String, Vec<u8>), WebError> {
    uploaded_file_and_fields(l, mp)
        .await
        .map(|(name, bytes, _)| (name, bytes))
}

/// The `file` field of a multipart form and its other (text) fields.
pub(crate) async fn uploaded_file_and_fields(
    l: Lang,
    mp: &mut Multipart,
) -> Result<(String, Vec<u8>, HashMap<String, String>), WebError> {
    let e = |err| WebError::new(l, err);
    let mut file = None;
    let mut fields = HashMap::new();
    let upload_error = |x: axum::extract::multipart::MultipartError, name: &str| {
        if x.status() == StatusCode::PAYLOAD_TOO_LARGE {
            return e(AppError::TooLarge(crate::MAX_UPLOAD));
        }
        e(bad(
            "file",
            name,
            format!("Không đọc được tệp tải lên: {x}"),
            format!("Could not read the upload: {x}"),
        ))
    };
    while let Some(field) = mp.next_field().await.map_err(|x| upload_error(x, ""))? {
        match field.name().map(str::to_string) {
            Some(n) if n == "file" => {
                let name = field.file_name().unwrap_or("upload.xlsx").to_string();
                let bytes = field.bytes().await.map_err(|x| upload_error(x, &name))?;
                file = Some((name, bytes.to_vec()));
            }
            Some(n) => {
                let text = field.text().await.map_err(|x| upload_error(x, &n))?;
                fields.insert(n, text);
            }
            None => {}
        }
    }
    let (name, bytes) = file.filter(|(_, b)| !b.is_empty()).ok_or_else(|| {
        e(bad(
            "file",
            "",
            "Chưa chọn tệp".into(),
            "No file was chosen".into(),
        ))
    })?;
    Ok((name, bytes, fields))
}

pub async fn import_check(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    mut mp: Multipart,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let (name, bytes) = uploaded_file(l, &mut mp).await?;
    let outcome = st
        .app
        .import_bytes(u.actor(), &name, &bytes, false)
        .await
        .map_err(e)?;
    let results = keep_results(&st, &u, &name, &outcome);
    let tok = if outcome.has_errors() {
        String::new()
    } else {
        let t = token();
        let mut pending = st.pending.lock().expect("pending lock");
        pending.retain(|_, p| p.at.elapsed() < PENDING_TTL);
        if pending.len() >= 16 {
            // an office has few clerks; drop the oldest rather than grow without bound
            if let Some(oldest) = pending
                .iter()
                .min_by_key(|(_, p)| p.at)
                .map(|(k, _)| k.clone())
            {
                pending.remove(&oldest);
            }
        }
        pending.insert(
            t.clone(),
            Pending {
                file_name: name.clone(),
                bytes,
                at: Instant::now(),
            },
        );
        t
    };
    Ok(render(&import_view_page(
        page(&st, &u, l, "nav_import").await,
        l,
        Some(&outcome),
        name,
        tok,
        false,
        0,
        results,
    )))
}

/// Problems kept for paging a preview: the first this many (fix them, then check again).
const KEPT_PROBLEMS: usize = 20_000;

/// Keeps a checked outcome (its first [`KEPT_PROBLEMS`] problems) for its other pages,
/// bounded like the pending uploads: 16 at most, 30 minutes each, one account's own.
fn keep_results(st: &AppState, u: &CurrentUser, name: &str, o: &ImportOutcome) -> String {
    if o.problems.len() <= PREVIEW_PROBLEMS {
        return String::new();
    }
    let t = token();
    let mut kept = o.clone();
    kept.problems.truncate(KEPT_PROBLEMS);
    let mut r = st.results.lock().expect("results lock");
    r.retain(|_, c| c.at.elapsed() < PENDING_TTL);
    if r.len() >= 16
        && let Some(oldest) = r.iter().min_by_key(|(_, c)| c.at).map(|(k, _)| k.clone())
    {
        r.remove(&oldest);
    }
    r.insert(
        t.clone(),
        crate::Checked {
            user: u.actor().name().to_string(),
            file_name: name.to_string(),
            outcome: kept,
            at: Instant::now(),
        },
    );
    t
}

/// The import page saying that what it refers to (an upload to confirm, a checked file's
/// problems) is gone: used, too old, or another account's (410).
async fn import_expired(st: &AppState, u: &CurrentUser, l: Lang) -> Response {
    let mut v = import_view(
        page(st, u, l, "nav_import").await,
        l,
        None,
        String::new(),
        String::new(),
        false,
    );
    v.notice = crate::i18n::t(l, "import_expired").into();
    let mut r = render(&v);
    *r.status_mut() = StatusCode::GONE;
    r
}

/// Another page of a checked file's problems (GET: reads what the check kept).
pub async fn import_problems(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let t = q.get("results").cloned().unwrap_or_default();
    let page_no: usize = q
        .get("page")
        .and_then(|p| p.trim().parse().ok())
        .filter(|p| *p >= 1)
        .unwrap_or(1);
    let kept = st
        .results
        .lock()
        .expect("results lock")
        .get(&t)
        .filter(|c| c.user == u.actor().name() && c.at.elapsed() < PENDING_TTL)
        .map(|c| (c.file_name.clone(), c.outcome.clone()));
    let Some((name, o)) = kept else {
        return Ok(import_expired(&st, &u, l).await);
    };
    let last = o.problems.len().div_ceil(PREVIEW_PROBLEMS).max(1);
    Ok(render(&import_view_page(
        page(&st, &u, l, "nav_import").await,
        l,
        Some(&o),
        name,
        String::new(),
        false,
        page_no.min(last) - 1,
        t,
    )))
}

pub async fn import_confirm(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let tok = f.get("token").cloned().unwrap_or_default();
    let pending = st
        .pending
        .lock()
        .expect("pending lock")
        .remove(&tok)
        .filter(|p| p.at.elapsed() < PENDING_TTL);
    let Some(p) = pending else {
        return Ok(import_expired(&st, &u, l).await);
    };
    let outcome = st
        .app
        .import_bytes(u.actor(), &p.file_name, &p.bytes, true)
        .await
        .map_err(e)?;
    let done = outcome.applied;
    Ok(render(&import_view(
        page(&st, &u, l, "nav_import").await,
        l,
        Some(&outcome),
        p.file_name,
        String::new(),
        done,
    )))
}

pub async fn export(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let headers = if q.get("headers").is_some_and(|v| v == "keys") {
        Headers::Keys
    } else {
        Headers::Vietnamese
    };
    let bytes = st
        .app
        .export_xlsx(u.actor(), headers)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let name = format!(
        "hoptac-{}.xlsx",
        hoptac_core::date::to_iso(hoptac_app::today())
    );
    Ok(download(XLSX, &name, bytes))
}

pub(crate) const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
pub(crate) const DOCX: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub(crate) const PDF: &str = "application/pdf";
pub(crate) const MARKDOWN: &str = "text/markdown; charset=utf-8";

/// A code or id made safe for a file name: letters, digits and `-` only.
pub(crate) fn file_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A file to download under `name`; whatever the caller built the name from, only ASCII
/// letters, digits, `.`, `_` and `-` reach the header.
pub(crate) fn download(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    (
        [
            (CONTENT_TYPE, content_type.to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub async fn situation(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let (df, dt) = default_period();
    let from = year_param(&q, "from", df).map_err(e)?;
    let to = year_param(&q, "to", dt).map_err(e)?;
    let scope = q.get("scope").cloned().unwrap_or_default();
    let doc = st
        .app
        .situation_report(u.actor(), from, to, Some(&scope))
        .await
        .map_err(e)?;
    let base = format!("from={from}&to={to}&scope={}", enc(scope.trim()));
    match q.get("format").map(String::as_str) {
        Some(f @ ("docx" | "pdf")) => {
            let doc = st
                .app
                .situation_official(u.actor(), from, to, Some(&scope))
                .await
                .map_err(e)?;
            return crate::official_download(l, doc, f, &format!("bao-cao-tinh-hinh-{from}-{to}"))
                .await;
        }
        Some("xlsx") => {
            let bytes = st
                .app
                .situation_xlsx(u.actor(), from, to, Some(&scope))
                .await
                .map_err(e)?;
            return Ok(download(
                XLSX,
                &format!("phu-luc-chi-tieu-{from}-{to}.xlsx"),
                bytes,
            ));
        }
        Some("md") => {
            return Ok(download(
                MARKDOWN,
                &format!("bao-cao-tinh-hinh-{from}-{to}.md"),
                render_md(&doc).into_bytes(),
            ));
        }
        _ => {}
    }
    let commune = if scope.trim().is_empty() {
        None
    } else {
        st.app
            .resolve_scope(&scope)
            .await
            .ok()
            .filter(|u| u.level == AdminLevel::Commune)
            .map(|u| u.id.0.to_string())
    };
    let cat = catalogue();
    let link = |id: &str| {
        cat.iter()
            .find(|d| d.id == id)
            .map(|d| records_link(d, to, commune.as_deref()))
            .unwrap_or_else(|| "/orgs".into())
    };
    let units = st.app.units().await.map_err(e)?;
    let t = SituationPage {
        p: page(&st, &u, l, "nav_report").await,
        from,
        to,
        scopes: scope_options(&units, scope.trim(), l),
        body: render_html(&doc, &link),
        md_link: format!("/report/situation?{base}&format=md"),
        query: base,
        missing: st
            .app
            .document_settings()
            .await
            .map_err(e)?
            .missing()
            .iter()
            .map(|m| match l {
                Lang::Vi => m.vi.to_string(),
                Lang::En => m.en.to_string(),
            })
            .collect(),
    };
    Ok(render(&t))
}

/// Sets the language cookie and goes back to the page the switch was pressed on (a local
/// path only: never an open redirect).
pub async fn switch_lang(Path(to): Path<String>, h: HeaderMap, Query(q): Params) -> Response {
    let referer = h
        .get(axum::http::header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| {
            let rest = r.split_once("://").map(|(_, x)| x).unwrap_or(r);
            rest.find('/').map(|i| rest[i..].to_string())
        });
    let back = q
        .get("back")
        .cloned()
        .or(referer)
        .and_then(|b| local_path(&b))
        .unwrap_or_else(|| "/".into());
    let cookie = if to == "en" {
        "lang=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
    } else {
        "lang=vi; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"
    };
    (
        StatusCode::SEE_OTHER,
        [(SET_COOKIE, cookie.to_string()), (LOCATION, back)],
    )
        .into_response()
}

pub async fn css() -> Response {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/app.css"),
    )
        .into_response()
}

pub async fn js() -> Response {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/app.js"),
    )
        .into_response()
}

/// A path on this site to go back to, or `None`: it starts with one `/`, and holds no
/// white space or control character (browsers drop tabs and newlines, so `/\t/evil` would
/// become `//evil`, another site) and no backslash.
pub(crate) fn local_path(s: &str) -> Option<String> {
    let ok = s.starts_with('/')
        && !s[1..].starts_with(['/', '\\'])
        && !s
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    ok.then(|| s.to_string())
}

pub async fn not_found(h: HeaderMap) -> Response {
    WebError::new(lang(&h), AppError::not_found("page", "")).into_response()
}

pub struct DuplicateRow {
    pub score: u32,
    pub a_code: String,
    pub a_name: String,
    pub a_commune: String,
    pub b_code: String,
    pub b_name: String,
    pub b_commune: String,
}

#[derive(askama::Template)]
#[template(path = "duplicates.html")]
pub struct DuplicatesPage {
    pub p: Page,
    pub rows: Vec<DuplicateRow>,
}

/// Probable duplicates: the same organisation under two codes or two spellings.
pub async fn duplicates(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let pairs = st.app.near_duplicates(u.actor()).await.map_err(e)?;
    let units = st.app.units().await.map_err(e)?;
    let commune = |id| {
        units
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.name.clone())
            .unwrap_or_default()
    };
    let rows = pairs
        .into_iter()
        .map(|d| DuplicateRow {
            score: d.score,
            a_code: d.a.code.to_string(),
            a_name: d.a.name,
            a_commune: commune(d.a.commune),
            b_code: d.b.code.to_string(),
            b_name: d.b.name,
            b_commune: commune(d.b.commune),
        })
        .collect();
    Ok(render(&DuplicatesPage {
        p: page(&st, &u, l, "nav_duplicates").await,
        rows,
    }))
}

pub struct CaseRow {
    pub id: i64,
    /// Recorded by a review run; otherwise a ground shown as of the page's date only.
    pub recorded: bool,
    pub open: bool,
    pub status: String,
    pub title: String,
    pub code: String,
    pub name: String,
    pub since: String,
    pub evidence: String,
    pub legal_ref: String,
    pub confirmed: bool,
}

pub struct FigureRow {
    pub code: String,
    pub name: String,
    pub year: i32,
    pub field: String,
    pub message: String,
}

#[derive(askama::Template)]
#[template(path = "quality.html")]
pub struct QualityPage {
    pub p: Page,
    pub year: String,
    pub scopes: Vec<Opt>,
    pub as_of: String,
    pub cases: Vec<CaseRow>,
    pub figures: Vec<FigureRow>,
    pub duplicates: usize,
    pub report_year: i32,
    pub completeness: Vec<hoptac_app::checks::Completeness>,
    /// Reporting years closed in force: (year, territory, who, when, reason).
    pub locks: Vec<(i32, String, String, String, String)>,
    /// Staff may record the grounds (a review run).
    pub can_run: bool,
    /// "opened closed" after a run.
    pub ran: String,
}

/// The review (rà soát): open cases, figures breaking a rule, reports received.
pub async fn quality(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let as_of = match q.get("year").map(|s| s.trim()).filter(|s| !s.is_empty()) {
        Some(_) => {
            let y = year_param(&q, "year", 0).map_err(e)?;
            hoptac_core::date::year_end(y)
        }
        None => st.app.review_date().await.map_err(e)?,
    };
    let scope = q.get("scope").cloned().unwrap_or_default();
    let r = st
        .app
        .check(u.actor(), as_of, Some(&scope))
        .await
        .map_err(e)?;
    let cases = st
        .app
        .review_cases(u.actor(), as_of, Some(&scope))
        .await
        .map_err(e)?;
    let units = st.app.units().await.map_err(e)?;
    let t = QualityPage {
        p: page(&st, &u, l, "nav_quality").await,
        year: q.get("year").cloned().unwrap_or_default(),
        scopes: scope_options(&units, scope.trim(), l),
        as_of: to_vi(as_of),
        cases: cases
            .iter()
            .map(|c| CaseRow {
                id: c.case.id,
                recorded: c.recorded,
                open: c.case.closed_at.is_none(),
                status: match (&c.case.closed_at, &c.case.closed_reason) {
                    (None, _) if !c.recorded => crate::i18n::t(l, "case_pending").into(),
                    (None, _) => c
                        .case
                        .actions
                        .last()
                        .map(|a| a.action.clone())
                        .unwrap_or_else(|| crate::i18n::t(l, "case_open").into()),
                    (Some(at), reason) => format!(
                        "{} {at}: {}",
                        crate::i18n::t(l, "case_closed"),
                        reason.clone().unwrap_or_default()
                    ),
                },
                title: c.title_vi.to_string(),
                code: c.case.org.to_string(),
                name: c.org_name.clone(),
                since: to_vi(c.case.since),
                evidence: c.case.evidence.clone(),
                legal_ref: c.legal_ref.to_string(),
                confirmed: c.confirmed,
            })
            .collect(),
        figures: r
            .figures
            .iter()
            .map(|f| FigureRow {
                code: f.org.clone(),
                name: f.org_name.clone(),
                year: f.year,
                field: f.finding.field.to_string(),
                message: f.finding.msg.get(l.code()).to_string(),
            })
            .collect(),
        duplicates: r.duplicates.len(),
        report_year: r.report_year,
        completeness: r.completeness,
        locks: {
            let all = st.app.reporting_locks().await.map_err(e)?;
            hoptac_app::reporting::closed(&all)
                .into_iter()
                .map(|k| {
                    let place = k
                        .unit
                        .and_then(|id| units.iter().find(|x| x.id == id))
                        .map(|x| x.name.clone())
                        .unwrap_or_else(|| crate::i18n::t(l, "whole_installation").into());
                    (
                        k.year,
                        place,
                        k.actor.clone(),
                        k.at.clone(),
                        k.reason.clone(),
                    )
                })
                .collect()
        },
        can_run: u.actor().account.role >= hoptac_core::auth::Role::Commune,
        ran: q.get("ran").cloned().unwrap_or_default(),
    };
    Ok(render(&t))
}

/// Closes or reopens a reporting year (POST): `year`, `scope`, `action` close|reopen,
/// `reason` (required to reopen).
pub async fn year_lock(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let e = |err| WebError::new(l, err);
    let get = |k: &str| f.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let year = year_param(&f, "year", 0).map_err(e)?;
    let scope = get("scope");
    st.app
        .set_year_lock(
            u.actor(),
            year,
            Some(&scope),
            get("action") != "reopen",
            &get("reason"),
        )
        .await
        .map_err(e)?;
    Ok(Redirect::to(&format!("/quality?scope={}#locks", enc(&scope))).into_response())
}

/// A review run (POST): records the grounds as of the review date, then shows the list.
pub async fn review_run(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let scope = f.get("scope").cloned().unwrap_or_default();
    let run = st
        .app
        .run_review(u.actor(), Some(&scope))
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(Redirect::to(&format!(
        "/quality?scope={}&ran={}+{}",
        enc(&scope),
        run.opened,
        run.closed
    ))
    .into_response())
}

#[derive(askama::Template)]
#[template(path = "case.html")]
pub struct CasePage {
    pub p: Page,
    pub id: i64,
    pub title: String,
    pub org_code: String,
    pub org_name: String,
    pub since: String,
    pub evidence: String,
    pub legal_ref: String,
    pub confirmed: bool,
    pub open: bool,
    pub closed: String,
    pub actions: Vec<(String, String, String, String, String)>,
    pub steps: Vec<Opt>,
    pub error: String,
}

async fn case_page(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    id: i64,
    error: String,
) -> Result<Response, WebError> {
    let e = |err| WebError::new(l, err);
    let as_of = st.app.review_date().await.map_err(e)?;
    let cases = st
        .app
        .review_cases(u.actor(), as_of, None)
        .await
        .map_err(e)?;
    let c = cases
        .into_iter()
        .find(|c| c.recorded && c.case.id == id)
        .ok_or_else(|| e(AppError::not_found("case", id.to_string())))?;
    let failed = !error.is_empty();
    let mut r = render(&CasePage {
        p: page(st, u, l, "nav_quality").await,
        id,
        title: c.title_vi.to_string(),
        org_code: c.case.org.to_string(),
        org_name: c.org_name.clone(),
        since: to_vi(c.case.since),
        evidence: c.case.evidence.clone(),
        legal_ref: c.legal_ref.to_string(),
        confirmed: c.confirmed,
        open: c.case.closed_at.is_none(),
        closed: c
            .case
            .closed_at
            .as_ref()
            .map(|at| format!("{at}: {}", c.case.closed_reason.clone().unwrap_or_default()))
            .unwrap_or_default(),
        actions: c
            .case
            .actions
            .iter()
            .map(|a| {
                let label = hoptac_app::checks::CaseStep::parse(&a.action)
                    .map(|s| s.label_vi().to_string())
                    .unwrap_or_else(|| a.action.clone());
                (
                    a.at.clone(),
                    a.actor.clone(),
                    label,
                    a.note.clone(),
                    a.on_date.map(to_vi).unwrap_or_default(),
                )
            })
            .collect(),
        steps: hoptac_app::checks::CaseStep::ALL
            .iter()
            .map(|s| Opt {
                value: s.code().into(),
                label: s.label_vi().into(),
                selected: false,
            })
            .collect(),
        error,
    });
    if failed {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

pub async fn case(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<i64>,
) -> WebResult {
    case_page(&st, &u, lang(&h), id, String::new()).await
}

pub async fn case_act(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<i64>,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let get = |k: &str| f.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let step = hoptac_app::checks::CaseStep::parse(&get("step"));
    let date = match get("on_date") {
        d if d.is_empty() => Ok(None),
        d => hoptac_core::date::parse(&d).map(Some).ok_or_else(|| {
            bad(
                "on_date",
                &d,
                format!("Ngày không hợp lệ \"{d}\""),
                format!("Invalid date \"{d}\""),
            )
        }),
    };
    let result = match (step, date) {
        (None, _) => Err(bad(
            "step",
            &get("step"),
            "Chưa chọn việc xử lý".into(),
            "No step chosen".into(),
        )),
        (_, Err(err)) => Err(err),
        (Some(s), Ok(d)) => st.app.case_action(u.actor(), id, s, &get("note"), d).await,
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/quality/cases/{id}")).into_response()),
        Err(err @ AppError::Invalid { .. }) => {
            case_page(&st, &u, l, id, err.message().get(l.code()).to_string()).await
        }
        Err(err) => Err(WebError::new(l, err)),
    }
}

pub struct RuleRow {
    pub id: String,
    pub expression: String,
    pub severity: &'static str,
    pub message: String,
    pub active: bool,
}

#[derive(askama::Template)]
#[template(path = "rules.html")]
pub struct RulesPage {
    pub p: Page,
    pub rows: Vec<RuleRow>,
}

pub async fn rules(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let list = st
        .app
        .validation_rules()
        .await
        .map_err(|e| WebError::new(l, e))?;
    let rows = list
        .into_iter()
        .map(|r| RuleRow {
            severity: if r.severity == hoptac_core::validate::Severity::Error {
                crate::i18n::t(l, "error")
            } else {
                crate::i18n::t(l, "warning")
            },
            message: if l == Lang::En && !r.message_en.is_empty() {
                r.message_en
            } else {
                r.message_vi
            },
            id: r.id,
            expression: r.expression,
            active: r.active,
        })
        .collect();
    Ok(render(&RulesPage {
        p: page(&st, &u, l, "nav_rules").await,
        rows,
    }))
}

fn rule_fields(l: Lang, v: &HashMap<String, String>, editing: bool) -> Vec<Field> {
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let mut id = field(l, "rule_id", "text", get("id"));
    id.key = "id";
    id.readonly = editing;
    id.required = true;
    let mut expr = field(l, "rule_expression", "text", get("expression"));
    expr.key = "expression";
    expr.required = true;
    expr.hint = crate::i18n::t(l, "rule_help");
    let mut sev = field(l, "severity", "select", get("severity"));
    for (val, key) in [("warning", "warning"), ("error", "error")] {
        sev.options.push(Opt {
            value: val.into(),
            label: crate::i18n::t(l, key).into(),
            selected: get("severity") == val,
        });
    }
    let mut vi = field(l, "message_vi", "text", get("message_vi"));
    vi.required = true;
    let mut active = field(l, "rule_active", "select", get("active"));
    active.key = "active";
    for (val, key) in [("yes", "yes"), ("no", "no")] {
        active.options.push(Opt {
            value: val.into(),
            label: crate::i18n::t(l, key).into(),
            selected: get("active") == val,
        });
    }
    vec![
        id,
        expr,
        sev,
        vi,
        field(l, "message_en", "text", get("message_en")),
        active,
    ]
}

pub async fn rule_new_form(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let v: HashMap<String, String> = [
        ("severity", "warning"),
        ("active", "yes"),
        ("expression", "workers <= 2 * members"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        crate::i18n::t(l, "new_rule").into(),
        "/quality/rules/new".into(),
        "/quality/rules".into(),
        rule_fields(l, &v, false),
        None,
    )
    .await)
}

pub async fn rule_edit_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<String>,
) -> WebResult {
    let l = lang(&h);
    let r = st
        .app
        .validation_rules()
        .await
        .map_err(|e| WebError::new(l, e))?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| WebError::new(l, AppError::not_found("rule", id.clone())))?;
    let v: HashMap<String, String> = [
        ("id", r.id.clone()),
        ("expression", r.expression.clone()),
        (
            "severity",
            if r.severity == hoptac_core::validate::Severity::Error {
                "error"
            } else {
                "warning"
            }
            .to_string(),
        ),
        ("message_vi", r.message_vi.clone()),
        ("message_en", r.message_en.clone()),
        ("active", if r.active { "yes" } else { "no" }.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    Ok(form_page_errors(
        &st,
        &u,
        l,
        format!("{} — {id}", crate::i18n::t(l, "edit")),
        format!("/quality/rules/{}/edit", enc(&id)),
        "/quality/rules".into(),
        with_version(&st, l, rule_fields(l, &v, true), "validation_rules", &id).await?,
        None,
    )
    .await)
}

async fn save_rule(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    mut v: HashMap<String, String>,
    fixed: Option<String>,
) -> WebResult {
    if let Some(id) = &fixed {
        v.insert("id".into(), id.clone());
    }
    let get = |k: &str| v.get(k).map(|s| s.trim().to_string()).unwrap_or_default();
    let (heading, action) = match &fixed {
        Some(id) => (
            format!("{} — {id}", crate::i18n::t(l, "edit")),
            format!("/quality/rules/{}/edit", enc(id)),
        ),
        None => (
            crate::i18n::t(l, "new_rule").to_string(),
            "/quality/rules/new".to_string(),
        ),
    };
    let exists = st
        .app
        .validation_rules()
        .await
        .map_err(|e| WebError::new(l, e))?
        .iter()
        .any(|r| r.id == get("id"));
    let result = if fixed.is_none() && exists {
        Err(bad(
            "id",
            &get("id"),
            format!("Mã \"{}\" đã có", get("id")),
            format!("The id \"{}\" is taken", get("id")),
        ))
    } else {
        let r = hoptac_core::rules::RuleRecord {
            id: get("id"),
            expression: get("expression"),
            severity: if get("severity") == "error" {
                hoptac_core::validate::Severity::Error
            } else {
                hoptac_core::validate::Severity::Warning
            },
            message_vi: get("message_vi"),
            message_en: get("message_en"),
            active: get("active") != "no",
        };
        st.app
            .save_validation_rule_at(u.actor(), r, edit_version(&v, fixed.is_some()))
            .await
    };
    match result {
        Ok(()) => Ok(Redirect::to("/quality/rules").into_response()),
        Err(AppError::Invalid { field, msg, .. }) => {
            let errs = Some(vec![(field, msg.get(l.code()).to_string())]);
            Ok(form_page_errors(
                st,
                u,
                l,
                heading,
                action,
                "/quality/rules".into(),
                {
                    let mut f = rule_fields(l, &v, fixed.is_some());
                    keep_version(&mut f, &v);
                    f
                },
                errs,
            )
            .await)
        }
        Err(e) => Err(WebError::new(l, e)),
    }
}

pub async fn rule_create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_rule(&st, &u, lang(&h), to_map(&pairs), None).await
}

pub async fn rule_update(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    save_rule(&st, &u, lang(&h), to_map(&pairs), Some(id)).await
}

#[derive(askama::Template)]
#[template(path = "merge.html")]
pub struct MergePage {
    pub p: Page,
    pub keep_code: String,
    pub keep_name: String,
    pub drop_code: String,
    pub drop_name: String,
    pub similarity: u32,
    pub move_years: String,
    pub conflict_years: String,
    pub move_managers: usize,
    pub same_managers: usize,
    pub cases: usize,
    pub accounts: String,
}

/// What merging two records would do: nothing is written until confirmed.
pub async fn merge_preview(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let m = st
        .app
        .merge_preview(u.actor(), &get("keep"), &get("drop"))
        .await
        .map_err(|e| WebError::new(l, e))?;
    let years = |v: &[i32]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    Ok(render(&MergePage {
        p: page(&st, &u, l, "merge_title").await,
        keep_code: m.keep.code.to_string(),
        keep_name: m.keep.name.clone(),
        drop_code: m.drop.code.to_string(),
        drop_name: m.drop.name.clone(),
        similarity: m.similarity,
        move_years: years(&m.move_years),
        conflict_years: years(&m.conflict_years),
        move_managers: m.move_managers,
        same_managers: m.same_managers,
        cases: m.cases,
        accounts: if m.accounts.is_empty() {
            "—".to_string()
        } else {
            m.accounts.join(", ")
        },
    }))
}

pub async fn merge(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Form(f): Form<HashMap<String, String>>,
) -> WebResult {
    let l = lang(&h);
    let get = |k: &str| f.get(k).cloned().unwrap_or_default();
    st.app
        .merge(u.actor(), &get("keep"), &get("drop"))
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(Redirect::to("/quality/merges").into_response())
}

pub struct MergeRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub keep: String,
    pub drop: String,
    pub undone: String,
}

#[derive(askama::Template)]
#[template(path = "merges.html")]
pub struct MergesPage {
    pub p: Page,
    pub rows: Vec<MergeRow>,
}

pub async fn merges(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    // merges are of the office's business: whoever may write organisations sees them
    if u.actor().account.role < hoptac_core::auth::Role::Commune {
        st.app
            .record_refusal(u.actor(), "merges", "list")
            .await
            .map_err(|e| WebError::new(l, e))?;
        return Err(WebError::new(l, AppError::Forbidden));
    }
    let rows = st
        .app
        .merges(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?
        .into_iter()
        .map(|m| MergeRow {
            id: m.id,
            at: m.at,
            actor: m.actor,
            keep: m.keep,
            drop: m.drop,
            undone: m.undone_at.unwrap_or_default(),
        })
        .collect();
    Ok(render(&MergesPage {
        p: page(&st, &u, l, "merges").await,
        rows,
    }))
}

pub async fn merge_undo(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path(id): Path<i64>,
) -> WebResult {
    let l = lang(&h);
    st.app
        .undo_merge(u.actor(), id)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(Redirect::to("/quality/merges").into_response())
}
