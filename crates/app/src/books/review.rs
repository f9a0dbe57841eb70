//! Yearly figures from the books: for a cooperative that keeps a year here and has closed
//! it, the revenue and profit its yearly report should carry (B02 lines 10 and 60), proposed
//! to the office and compared with what was typed; a difference is a review finding.
//! Each closed year is computed once per version of its books.

use super::reads::Statements;
use crate::context::App;
use crate::error::Result;
use crate::review_rows::FigureIssue;
use hoptac_core::OrgCode;
use hoptac_core::ledger::statements::book_results;
use hoptac_core::model::AnnualReport;
use hoptac_core::validate::Finding;
use std::collections::HashMap;

/// What a closed year's books say of the yearly report's figures, in đồng.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookFigures {
    /// B02 line 10, net revenue.
    pub revenue: i128,
    /// B02 line 60, profit after tax.
    pub profit: i128,
}

impl App {
    /// A number that moves with every write to any books: reviews computed before it moved
    /// are not given again.
    pub(crate) async fn books_stamp(&self) -> Result<i64> {
        let rows = self.store().ledger_years().await?;
        Ok(rows.iter().map(|r| r.version).sum())
    }

    /// The figures of every closed year kept here.
    pub async fn book_figures(&self) -> Result<HashMap<(OrgCode, i32), BookFigures>> {
        let rows = self.store().ledger_years().await?;
        let mut out = HashMap::new();
        for r in rows.into_iter().filter(|r| r.closed) {
            let key = (r.org.clone(), r.year);
            let kept = (self.books_memo.lock().expect("books memo").get(&key))
                .filter(|(v, _, _)| *v == r.version)
                .map(|(_, revenue, profit)| BookFigures {
                    revenue: *revenue,
                    profit: *profit,
                });
            let figures = match kept {
                Some(f) => f,
                None => {
                    let Some(stored) = self.store().ledger(&r.org, r.year).await? else {
                        continue;
                    };
                    let results = book_results(&super::access::book_of(&stored)?);
                    let f = BookFigures {
                        revenue: results.get("10"),
                        profit: results.get("60"),
                    };
                    (self.books_memo.lock().expect("books memo"))
                        .insert(key.clone(), (r.version, f.revenue, f.profit));
                    f
                }
            };
            out.insert(key, figures);
        }
        Ok(out)
    }
}

impl App {
    /// The closed years of one organisation's books the account reads, with what they say
    /// of its yearly reports, oldest first.
    pub async fn book_figures_of(
        &self,
        actor: &crate::auth::Actor,
        org: &OrgCode,
    ) -> Result<Vec<(i32, BookFigures)>> {
        self.books_readable(actor, org, 0).await?;
        let mut out: Vec<(i32, BookFigures)> = (self.book_figures().await?.into_iter())
            .filter(|((o, _), _)| o == org)
            .map(|((_, y), f)| (y, f))
            .collect();
        out.sort_by_key(|(y, _)| *y);
        Ok(out)
    }
}

/// Đồng as the yearly report's million đồng, as offices write them (1.234,5).
pub fn million(n: i128) -> String {
    // a yearly report's money is in million đồng; the books' in đồng
    hoptac_core::Fixed::ratio(n, 1_000_000, 6)
        .map(|f| f.format_vi(6, false))
        .unwrap_or_else(|| n.to_string())
}

impl App {
    /// Every yearly report of `reports` whose typed revenue or profit differs from its
    /// closed books.
    pub(crate) async fn book_findings(&self, reports: &[AnnualReport]) -> Result<Vec<FigureIssue>> {
        let books = self.book_figures().await?;
        let snap = self.snapshot().await?;
        let mut out = Vec::new();
        for r in reports {
            let Some(b) = books.get(&(r.org.clone(), r.year.get())) else {
                continue;
            };
            let name = (snap.orgs.iter())
                .find(|o| o.code == r.org)
                .map(|o| o.name.clone());
            for finding in figures_against_books(r, b) {
                out.push(FigureIssue {
                    org: r.org.to_string(),
                    org_name: name.clone().unwrap_or_default(),
                    year: r.year.get(),
                    finding,
                });
            }
        }
        Ok(out)
    }
}

/// Where a yearly report's typed revenue or profit differs from its closed books.
pub fn figures_against_books(r: &AnnualReport, books: &BookFigures) -> Vec<Finding> {
    let mut out = Vec::new();
    for (field, typed, kept) in [
        ("revenue", r.figures.revenue, books.revenue),
        ("profit", r.figures.profit, books.profit),
    ] {
        let Some(typed) = typed else { continue };
        if i128::from(typed.micros()) != kept {
            out.push(Finding::warning(
                field,
                format!("{} / {}", million(typed.micros().into()), million(kept)),
                hoptac_core::msg!(
                    "books.figure_differs",
                    typed = million(typed.micros().into()),
                    books = million(kept)
                ),
            ));
        }
    }
    out
}

/// The yearly report figures a statement proposes (B02 lines 10 and 60, đồng).
pub fn proposed(s: &Statements) -> BookFigures {
    BookFigures {
        revenue: s.results.get("10"),
        profit: s.results.get("60"),
    }
}
