//! One year of a cooperative's books: the general journal (Sổ Nhật ký chung, S03a-HTX) month
//! by month, and closing and reopening the year.

use super::address::org_of;
use crate::http::error::{WebError, render};
use crate::http::forms::{to_map, version_of};
use crate::http::i18n::t;
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
    let v = st
        .app
        .ledger(u.actor(), &code, year)
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
    let month: u8 = q
        .get("month")
        .and_then(|m| m.parse().ok())
        .filter(|m| *m <= 12)
        .unwrap_or(latest);
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
        notice: if q.contains_key("saved") {
            t(l, "saved").to_string()
        } else {
            String::new()
        },
        base,
        p: page(&st, &u, l, "nav_books").await,
    };
    Ok(render(&r))
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
    st.app
        .close_ledger_year(u.actor(), &code, year, version_of(&v))
        .await
        .map_err(|e| WebError::new(l, e))?;
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
    st.app
        .reopen_ledger_year(u.actor(), &code, year, version_of(&v), &reason)
        .await
        .map_err(|e| WebError::new(l, e))?;
    Ok(Redirect::to(&format!("/books/{code}/{year}?saved=1")).into_response())
}
