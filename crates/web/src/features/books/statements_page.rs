//! A year's statements on screen: B01-HTX, B02-HTX beside last year, F01-HTX, amounts in
//! đồng as the forms write them, (*) lines in parentheses.

use super::address::org_of;
use crate::http::error::{WebError, render};
use crate::http::layout::Page;
use crate::http::request::{Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use hoptac_core::ledger::statements::B02;

pub(crate) struct Row {
    pub code: String,
    pub name: String,
    pub a: String,
    pub b: String,
    pub total: bool,
}

pub(crate) struct TrialRow {
    pub account: String,
    pub name: String,
    pub cells: [String; 6],
}

#[derive(Template)]
#[template(path = "books/statements.html")]
pub(crate) struct StatementsPage {
    pub p: Page,
    pub name: String,
    pub year: i32,
    pub base: String,
    pub balanced: bool,
    pub b01: Vec<Row>,
    pub unplaced: Vec<(String, String)>,
    pub b02: Vec<Row>,
    pub f01: Vec<TrialRow>,
    pub f01_total: [String; 6],
}

/// Đồng as the forms write them: 1.600.000, a negative in parentheses.
pub(crate) fn amount(n: i128) -> String {
    let s = hoptac_core::text::group_thousands(n.abs());
    if n < 0 { format!("({s})") } else { s }
}

pub(crate) async fn statements_page(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((org, year)): Path<(String, i32)>,
) -> WebResult {
    let l = lang(&h);
    let code = org_of(l, &org)?;
    let s = st
        .app
        .statements(u.actor(), &code, year)
        .await
        .map_err(|e| WebError::new(l, e))?;
    let t = &s.trial;
    let r = StatementsPage {
        name: s.name.clone(),
        year,
        base: format!("/books/{code}/{year}"),
        balanced: s.position.balances(),
        b01: (s.position.lines.iter())
            .map(|x| Row {
                code: x.code.into(),
                name: x.name.into(),
                a: amount(x.closing),
                b: amount(x.opening),
                total: matches!(x.code, "200" | "300" | "400" | "500"),
            })
            .collect(),
        unplaced: (s.position.unplaced.iter())
            .map(|(a, n)| (a.clone(), amount(*n)))
            .collect(),
        b02: (B02.iter())
            .map(|(c, n)| Row {
                code: c.to_string(),
                name: n.to_string(),
                a: amount(s.results.get(c)),
                b: s.last_year
                    .as_ref()
                    .map(|r| amount(r.get(c)))
                    .unwrap_or_default(),
                total: matches!(*c, "10" | "20" | "50" | "60"),
            })
            .collect(),
        f01: (t.rows.iter())
            .map(|r| TrialRow {
                account: r.account.clone(),
                name: r.name.clone(),
                cells: [
                    r.opening_debit,
                    r.opening_credit,
                    r.debit,
                    r.credit,
                    r.closing_debit,
                    r.closing_credit,
                ]
                .map(amount),
            })
            .collect(),
        f01_total: [
            t.opening_debit,
            t.opening_credit,
            t.debit,
            t.credit,
            t.closing_debit,
            t.closing_credit,
        ]
        .map(amount),
        p: page(&st, &u, l, "nav_books").await,
    };
    Ok(render(&r))
}
