//! The voucher form: kind, number, day, description and up to eight lines, each an account
//! (typed by number or by name, with or without diacritics, from the year's chart) and a
//! debit or a credit. The server checks everything; the page's script only shows the
//! difference of debits and credits as they are typed.

use super::address::org_of;
use crate::http::error::{WebError, render};
use crate::http::forms::{day_of, problem_texts, to_map, version_of};
use crate::http::i18n::{Lang, t};
use crate::http::layout::Page;
use crate::http::request::{Path, WebResult, lang, page};
use crate::http::session::CurrentUser;
use crate::http::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect};
use hoptac_app::books::LedgerView;
use hoptac_core::ledger::voucher::{Line, Voucher, VoucherKind};
use std::collections::HashMap;

/// Lines the form offers; a voucher with more is entered as a phiếu kế toán in parts or
/// imported.
pub(crate) const LINES: usize = 8;

pub(crate) struct AccountOpt {
    pub value: String,
    pub label: String,
}

pub(crate) struct KindOpt {
    pub value: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

pub(crate) struct LineRow {
    pub i: usize,
    pub account: String,
    pub debit: String,
    pub credit: String,
}

#[derive(Template)]
#[template(path = "books/voucher.html")]
pub(crate) struct VoucherForm {
    pub p: Page,
    pub name: String,
    pub year: i32,
    pub action: String,
    pub back: String,
    pub version: i64,
    pub kinds: Vec<KindOpt>,
    pub number: String,
    pub day: String,
    pub description: String,
    pub lines: Vec<LineRow>,
    pub accounts: Vec<AccountOpt>,
    pub errors: Vec<(String, String)>,
}

fn form(
    p: Page,
    v: &LedgerView,
    values: &HashMap<String, String>,
    errors: Vec<(String, String)>,
) -> VoucherForm {
    let get = |k: &str| values.get(k).cloned().unwrap_or_default();
    let kind = VoucherKind::parse(&get("kind")).unwrap_or(VoucherKind::Receipt);
    let base = format!("/books/{}/{}", v.org, v.stored.year.year);
    VoucherForm {
        name: v.name.clone(),
        year: v.stored.year.year,
        action: format!("{base}/vouchers/new"),
        back: base,
        version: values
            .get("_version")
            .and_then(|x| x.parse().ok())
            .unwrap_or(v.stored.version),
        kinds: (VoucherKind::ALL.iter())
            .map(|k| KindOpt {
                value: k.code(),
                label: k.label_vi(),
                selected: *k == kind,
            })
            .collect(),
        number: get("number"),
        day: get("date"),
        description: get("description"),
        lines: (0..LINES)
            .map(|i| LineRow {
                i,
                account: get(&format!("account_{i}")),
                debit: get(&format!("debit_{i}")),
                credit: get(&format!("credit_{i}")),
            })
            .collect(),
        accounts: (v.book.chart.accounts().iter())
            .filter(|a| !v.book.chart.is_heading(&a.number))
            .map(|a| AccountOpt {
                value: a.number.clone(),
                // the name folded too, so "doanh thu dich vu" finds 5113
                label: format!(
                    "{} — {} ({})",
                    a.number,
                    a.name,
                    hoptac_core::text::fold(&a.name)
                ),
            })
            .collect(),
        errors,
        p,
    }
}

async fn load(
    st: &AppState,
    u: &CurrentUser,
    l: Lang,
    org: &str,
    year: i32,
) -> Result<LedgerView, WebError> {
    let code = org_of(l, org)?;
    let e = |err| WebError::new(l, err);
    st.app
        .check_books_write(u.actor(), &code, year)
        .await
        .map_err(e)?;
    st.app.ledger(u.actor(), &code, year).await.map_err(e)
}

pub(crate) async fn new_form(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((org, year)): Path<(String, i32)>,
) -> WebResult {
    let l = lang(&h);
    let v = load(&st, &u, l, &org, year).await?;
    let mut values = HashMap::new();
    values.insert(
        "date".to_string(),
        hoptac_core::date::to_vi(hoptac_app::today().min(v.stored.year.ends_on)),
    );
    Ok(render(&form(
        page(&st, &u, l, "nav_books").await,
        &v,
        &values,
        Vec::new(),
    )))
}

/// The voucher the form describes, or what in it cannot be read.
fn voucher_of(
    v: &HashMap<String, String>,
) -> Result<Voucher, Vec<(String, String, hoptac_core::Msg)>> {
    let mut problems = Vec::new();
    let kind = VoucherKind::parse(v.get("kind").map(String::as_str).unwrap_or_default());
    if kind.is_none() {
        problems.push((
            "kind".to_string(),
            v.get("kind").cloned().unwrap_or_default(),
            hoptac_core::msg!("books.kind_unknown"),
        ));
    }
    let date = day_of(v, "date", &mut problems);
    let mut lines = Vec::new();
    for i in 0..LINES {
        let get = |k: &str| {
            v.get(&format!("{k}_{i}"))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        // "5113 — Doanh thu …" from the list, or just the number
        let account: String = get("account")
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        let (debit, credit) = (get("debit"), get("credit"));
        if account.is_empty() && debit.is_empty() && credit.is_empty() {
            continue;
        }
        let mut side = |s: &str, key: &str| -> i64 {
            if s.is_empty() {
                return 0;
            }
            match hoptac_app::support::parse_amount(s) {
                Ok(n) => n,
                Err(m) => {
                    problems.push((format!("{key}_{i}"), s.to_string(), m));
                    0
                }
            }
        };
        let d = side(&debit, "debit");
        let c = side(&credit, "credit");
        lines.push(Line {
            account,
            debit_vnd: d,
            credit_vnd: c,
        });
    }
    match (kind, date) {
        (Some(kind), Some(date)) if problems.is_empty() => Ok(Voucher {
            kind,
            number: v.get("number").cloned().unwrap_or_default(),
            date,
            description: v.get("description").cloned().unwrap_or_default(),
            lines,
        }),
        _ => Err(problems),
    }
}

pub(crate) async fn create(
    State(st): State<AppState>,
    h: HeaderMap,
    u: CurrentUser,
    Path((org, year)): Path<(String, i32)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> WebResult {
    let l = lang(&h);
    let view = load(&st, &u, l, &org, year).await?;
    let values = to_map(&pairs);
    let problems = match voucher_of(&values) {
        Err(p) => p,
        Ok(voucher) => {
            let month = u8::from(voucher.date.month());
            let found = st
                .app
                .post_voucher(u.actor(), &view.org, year, version_of(&values), voucher)
                .await;
            match found {
                Ok(p) if p.is_empty() => {
                    return Ok(Redirect::to(&format!(
                        "/books/{}/{year}?saved=1&month={month}",
                        view.org
                    ))
                    .into_response());
                }
                Ok(p) => p
                    .into_iter()
                    .map(|(f, v, m)| (f.to_string(), v, m))
                    .collect(),
                Err(hoptac_app::AppError::Invalid { field, value, msg }) => {
                    vec![(field, value, msg)]
                }
                Err(e) => return Err(WebError::new(l, e)),
            }
        }
    };
    let errors = problem_texts(l, problems);
    let mut r = form(page(&st, &u, l, "nav_books").await, &view, &values, errors);
    r.p.title_text = format!("{} {}", t(l, "books_new_voucher"), view.name);
    let mut resp = render(&r);
    *resp.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(resp)
}
