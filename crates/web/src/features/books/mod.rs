//! The books in the browser: the organisations keeping books with their years; a year's
//! general journal month by month, closing and reopening; the statements; the voucher form
//! (keyboard first, accounts typed by number or by name without diacritics, the balance
//! shown as the lines are typed); the statements workbook and the hledger journal.

mod account_page;
mod address;
mod statements_page;
mod voucher_form;
mod year_page;

use crate::http::download::{XLSX, download, file_part};
use crate::http::error::{WebError, render};
use crate::http::i18n::t;
use crate::http::layout::Page;
use crate::http::request::{Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use address::org_of;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::{get, post};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/books", get(list_page))
        .route("/books/{org}/{year}", get(year_page::year_page))
        .route("/books/{org}/{year}/close", post(year_page::close))
        .route("/books/{org}/{year}/reopen", post(year_page::reopen))
        .route(
            "/books/{org}/{year}/statements",
            get(statements_page::statements_page),
        )
        .route("/books/{org}/{year}/statements.xlsx", get(statements_xlsx))
        .route(
            "/books/{org}/{year}/accounts/{account}",
            get(account_page::account_page),
        )
        .route("/books/{org}/{year}/journal.txt", get(journal))
        .route(
            "/books/{org}/{year}/vouchers/new",
            get(voucher_form::new_form).post(voucher_form::create),
        )
}

pub(crate) struct YearLink {
    pub year: i32,
    pub href: String,
    pub state: &'static str,
    pub vouchers: String,
}

pub(crate) struct Keeper {
    pub org: String,
    pub name: String,
    pub years: Vec<YearLink>,
}

#[derive(Template)]
#[template(path = "books/list.html")]
pub(crate) struct ListPage {
    pub p: Page,
    pub keepers: Vec<Keeper>,
}

async fn list_page(State(st): State<AppState>, h: HeaderMap, u: CurrentUser) -> WebResult {
    let l = lang(&h);
    let kept = st
        .app
        .ledgers(u.actor())
        .await
        .map_err(|e| WebError::new(l, e))?;
    let r = ListPage {
        keepers: (kept.iter())
            .map(|k| Keeper {
                org: k.org.to_string(),
                name: k.name.clone(),
                years: (k.years.iter())
                    .map(|y| YearLink {
                        year: y.year,
                        href: format!("/books/{}/{}", k.org, y.year),
                        state: t(
                            l,
                            if y.closed {
                                "books_closed"
                            } else {
                                "books_open"
                            },
                        ),
                        vouchers: hoptac_core::text::group_thousands(y.vouchers.into()),
                    })
                    .collect(),
            })
            .collect(),
        p: page(&st, &u, l, "nav_books").await,
    };
    Ok(render(&r))
}

async fn statements_xlsx(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((org, year)): Path<(String, i32)>,
) -> WebResult {
    let l = lang(&h);
    let code = org_of(l, &org)?;
    let bytes = st
        .app
        .statements_xlsx(u.actor(), &code, year)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let name = format!("bctc-{}-{year}.xlsx", file_part(code.as_str()));
    Ok(download(XLSX, &name, bytes))
}

async fn journal(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((org, year)): Path<(String, i32)>,
) -> WebResult {
    let l = lang(&h);
    let code = org_of(l, &org)?;
    let text = st
        .app
        .ledger_journal(u.actor(), &code, year)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let name = format!("so-nhat-ky-{}-{year}.journal", file_part(code.as_str()));
    Ok(download(
        "text/plain; charset=utf-8",
        &name,
        text.into_bytes(),
    ))
}
