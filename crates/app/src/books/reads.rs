//! Reading the books: the years kept, one year's vouchers, and its statements (B01, B02 with
//! last year beside it, F01). Reads write nothing but the audit entry of a refusal.

use super::access::{book_of, key};
use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::OrgCode;
use hoptac_core::auth::{Action, Resource};
use hoptac_core::ledger::balance::{TrialBalance, trial_balance};
use hoptac_core::ledger::book::Book;
use hoptac_core::ledger::statements::{Position, Results, book_results, financial_position};
use hoptac_core::ledger::voucher::Voucher;
use hoptac_store::{LedgerYearRow, StoredLedger};

/// An organisation keeping books, with the years it keeps.
#[derive(Debug, Clone)]
pub struct LedgerList {
    pub org: OrgCode,
    pub name: String,
    pub years: Vec<LedgerYearRow>,
}

/// One year of books as its pages show it.
#[derive(Debug, Clone)]
pub struct LedgerView {
    pub org: OrgCode,
    pub name: String,
    pub stored: StoredLedger,
    pub book: Book,
    /// Whether this account posts to it.
    pub can_write: bool,
}

/// The year's statements, in đồng.
#[derive(Debug, Clone)]
pub struct Statements {
    pub org: OrgCode,
    pub name: String,
    pub year: i32,
    pub closed: bool,
    pub position: Position,
    pub results: Results,
    /// B02 of the year before, where that year is kept here.
    pub last_year: Option<Results>,
    pub trial: TrialBalance,
}

impl App {
    /// Every organisation the account reads that keeps books here, by code.
    pub async fn ledgers(&self, actor: &Actor) -> Result<Vec<LedgerList>> {
        let snap = self.snapshot().await?;
        let mut out: Vec<LedgerList> = Vec::new();
        for row in self.store().ledger_years().await? {
            let Some(o) = snap.orgs.iter().find(|o| o.code == row.org) else {
                continue;
            };
            let readable = hoptac_core::auth::permits(
                &actor.account,
                Action::Read,
                &Resource::Org {
                    code: o.code.clone(),
                    commune: o.commune,
                },
                &*snap,
            );
            if !readable {
                continue;
            }
            match out.last_mut().filter(|l| l.org == row.org) {
                Some(l) => l.years.push(row),
                None => out.push(LedgerList {
                    org: o.code.clone(),
                    name: o.name.clone(),
                    years: vec![row],
                }),
            }
        }
        Ok(out)
    }

    /// One year of an organisation's books.
    pub async fn ledger(&self, actor: &Actor, org: &OrgCode, year: i32) -> Result<LedgerView> {
        let o = self.books_readable(actor, org, year).await?;
        let Some(stored) = self.store().ledger(org, year).await? else {
            return Err(AppError::not_found("ledger", key(org, year)));
        };
        let book = book_of(&stored)?;
        let can_write = App::may_keep_books(actor)
            && hoptac_core::auth::permits(
                &actor.account,
                Action::Write,
                &Resource::Org {
                    code: o.code.clone(),
                    commune: o.commune,
                },
                &*self.snapshot().await?,
            );
        Ok(LedgerView {
            org: o.code,
            name: o.name,
            stored,
            book,
            can_write,
        })
    }

    /// B01, B02 and F01 of one year, computed off the async threads.
    pub async fn statements(&self, actor: &Actor, org: &OrgCode, year: i32) -> Result<Statements> {
        let view = self.ledger(actor, org, year).await?;
        let last = match self.store().ledger(org, year - 1).await? {
            Some(s) => Some(book_of(&s)?),
            None => None,
        };
        let book = view.book;
        let (position, results, last_year, trial) = tokio::task::spawn_blocking(move || {
            let all: Vec<Voucher> = book.all_vouchers().cloned().collect();
            (
                financial_position(&book),
                book_results(&book),
                last.as_ref().map(book_results),
                trial_balance(&book.chart, &book.opening, &all),
            )
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
        Ok(Statements {
            org: view.org,
            name: view.name,
            year,
            closed: view.stored.year.closed,
            position,
            results,
            last_year,
            trial,
        })
    }
}
