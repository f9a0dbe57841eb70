//! Sổ Cái (S03b-HTX) of one account in the browser: opening balance, postings with their
//! counter-accounts, each month's totals and balance, closing balance.

use super::address::org_of;
use super::statements_page::amount;
use crate::http::error::{WebError, render};
use crate::http::layout::Page;
use crate::http::request::{Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use hoptac_core::date::to_vi;
use hoptac_core::ledger::ledger_book::account_book;

pub(crate) struct Row {
    pub day: String,
    pub voucher: String,
    pub description: String,
    pub counter: String,
    pub debit: String,
    pub credit: String,
}

pub(crate) struct Month {
    pub month: u8,
    pub debit: String,
    pub credit: String,
    pub balance: String,
}

#[derive(Template)]
#[template(path = "books/account.html")]
pub(crate) struct AccountPage {
    pub p: Page,
    pub name: String,
    pub year: i32,
    pub account: String,
    pub account_name: String,
    pub opening: String,
    pub closing: String,
    pub rows: Vec<Row>,
    pub months: Vec<Month>,
    pub base: String,
}

fn zero_blank(n: i128) -> String {
    if n == 0 { String::new() } else { amount(n) }
}

pub(crate) async fn account_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((org, year, account)): Path<(String, i32, String)>,
) -> WebResult {
    let l = lang(&h);
    let code = org_of(l, &org)?;
    let v = st
        .app
        .ledger(u.actor(), &code, year)
        .await
        .map_err(|e| WebError::new(l, e))?;
    if v.book.chart.account(&account).is_none() {
        return Err(WebError::new(
            l,
            hoptac_app::AppError::not_found("ledger", format!("{code}/{year}/{account}")),
        ));
    }
    let b = account_book(&v.book, &account);
    let r = AccountPage {
        name: v.name.clone(),
        year,
        account_name: b.name.clone(),
        opening: amount(b.opening),
        closing: amount(b.closing),
        rows: (b.rows.iter())
            .map(|x| Row {
                day: to_vi(x.date),
                voucher: x.voucher.clone(),
                description: x.description.clone(),
                counter: x.counter.clone(),
                debit: zero_blank(x.debit),
                credit: zero_blank(x.credit),
            })
            .collect(),
        months: (b.months.iter())
            .map(|m| Month {
                month: m.month,
                debit: amount(m.debit),
                credit: amount(m.credit),
                balance: amount(m.balance),
            })
            .collect(),
        account: b.account,
        base: format!("/books/{code}/{year}"),
        p: page(&st, &u, l, "nav_books").await,
    };
    Ok(render(&r))
}
