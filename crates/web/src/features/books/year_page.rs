//! One year of a cooperative's books: the general journal (Sổ Nhật ký chung, S03a-HTX) month
//! by month, and closing and reopening the year.

use super::address::org_of;
use crate::http::error::{WebError, render};
use crate::http::forms::{problem_texts, to_map, version_of};
use crate::http::i18n::{Lang, t};
use crate::http::layout::Page;
use crate::http::request::{Params, Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_core::date::to_vi;

pub(crate) struct JournalRow {
    pub day: String,
    pub voucher: String,
    pub description: String,
    pub account: String,
    pub account_name: String,
    pub debit: String,
    pub credit: String,
    /// The first line of its voucher (the day, number and description shown once).
    pub first: bool,
}

pub(crate) struct MonthLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "books/year.html")]
pub(crate) struct YearPage {
    pub p: Page,
    pub name: String,
    pub year: i32,
    pub closed: bool,
    pub version: i64,
    pub can_write: bool,
    pub base: String,
    pub months: Vec<MonthLink>,
    pub rows: Vec<JournalRow>,
    pub vouchers: usize,
    pub closing: String,
    pub notice: String,
    pub error: String,
}

fn dong(n: i64) -> String {
    if n == 0 {
        String::new()
    } else {
        hoptac_core::text::group_thousands(n.into())
    }
}

pub(crate) async fn year_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((org, year)): Path<(String, i32)>,
    Query(q): Params,
) -> WebResult {
    let l = lang(&h);
    let code = org_of(l, &org)?;
    let month = q.get("month").and_then(|m| m.parse().ok());
    let notice = if q.contains_key("saved") {
        t(l, "saved").to_string()
    } else {
        String::new()
    };
    let r = build(&st, &u, l, &code, year, month, notice, String::new()).await?;
    Ok(render(&r))
}

/// The year's page, with a notice or an error of the form that was sent.
#[allow(clippy::too_many_arguments)]
async fn build(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &hoptac_core::OrgCode,
    year: i32,
    month: Option<u8>,
    notice: String,
    error: String,
) -> Result<YearPage, WebError> {
    let v = st
        .app
        .ledger(u.actor(), code, year)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let month_of = |d: hoptac_core::Date| u8::from(d.month());
    let latest = v
        .stored
        .vouchers
        .iter()
        .map(|x| month_of(x.date))
        .max()
        .unwrap_or(1);
    // ?month=0 is the whole year; without it, the latest month posted
    let month: u8 = month.filter(|m| *m <= 12).unwrap_or(latest);
    let base = format!("/books/{}/{year}", code);
    let mut months: Vec<MonthLink> = (1..=12u8)
        .filter(|m| v.stored.vouchers.iter().any(|x| month_of(x.date) == *m))
        .map(|m| MonthLink {
            label: format!("{} {m}", t(l, "books_month")),
            href: format!("{base}?month={m}"),
            current: m == month,
        })
        .collect();
    months.push(MonthLink {
        label: t(l, "books_all_months").to_string(),
        href: format!("{base}?month=0"),
        current: month == 0,
    });
    let shown = (v.stored.vouchers.iter().chain(v.stored.closing.as_ref()))
        .filter(|x| month == 0 || month_of(x.date) == month);
    let mut rows = Vec::new();
    let mut vouchers = 0;
    for x in shown {
        vouchers += 1;
        for (i, line) in x.lines.iter().enumerate() {
            rows.push(JournalRow {
                day: to_vi(x.date),
                voucher: format!("{} {}", x.kind.label_vi(), x.number),
                description: x.description.clone(),
                account: line.account.clone(),
                account_name: v
                    .book
                    .chart
                    .account(&line.account)
                    .map(|a| a.name.clone())
                    .unwrap_or_default(),
                debit: dong(line.debit_vnd),
                credit: dong(line.credit_vnd),
                first: i == 0,
            });
        }
    }
    let r = YearPage {
        name: v.name.clone(),
        year,
        closed: v.stored.year.closed,
        version: v.stored.version,
        can_write: v.can_write,
        months,
        rows,
        vouchers,
        closing: (v.stored.closing.as_ref())
            .map(|c| format!("{} ({})", c.number, to_vi(c.date)))
            .unwrap_or_default(),
        notice,
        error,
        base,
        p: page(st, u, l, "nav_books").await,
    };
    Ok(r)
}

/// A refused close or reopen shown on the year's page, the reason in place.
async fn refused(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    code: &hoptac_core::OrgCode,
    year: i32,
    e: hoptac_app::AppError,
) -> WebResult {
    let hoptac_app::AppError::Invalid { value, msg, .. } = e else {
        return Err(WebError::new(l, e));
    };
    let text = problem_texts(l, vec![(String::new(), value, msg)])
        .into_iter()
        .map(|(_, t)| t)
        .collect::<String>();
    let r = build(st, u, l, code, year, None, String::new(), text).await?;
    let mut resp = render(&r);
    *resp.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(resp)
}

pub(crate) async fn close(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((org, year)): Path<(String, i32)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let code = org_of(l, &org)?;
    let v = to_map(&pairs);
    if let Err(e) = st
        .app
        .close_ledger_year(u.actor(), &code, year, version_of(&v))
        .await
    {
        return refused(&st, &u, l, &code, year, e).await;
    }
    Ok(Redirect::to(&format!("/books/{code}/{year}?saved=1&month=12")).into_response())
}

pub(crate) async fn reopen(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((org, year)): Path<(String, i32)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let code = org_of(l, &org)?;
    let v = to_map(&pairs);
    let reason = v.get("reason").cloned().unwrap_or_default();
    if let Err(e) = (st.app)
        .reopen_ledger_year(u.actor(), &code, year, version_of(&v), &reason)
        .await
    {
        return refused(&st, &u, l, &code, year, e).await;
    }
    Ok(Redirect::to(&format!("/books/{code}/{year}?saved=1")).into_response())
}
