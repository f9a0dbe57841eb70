//! Who may read and keep a cooperative's books, and the year's book built from its rows.

use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use hoptac_core::OrgCode;
use hoptac_core::auth::{Action, Resource, Role};
use hoptac_core::ledger::book::Book;
use hoptac_core::ledger::chart::Chart;
use hoptac_core::model::Organization;
use hoptac_store::StoredLedger;

/// The audit's entity for a year of books; its key is `ORG/YEAR`.
pub const ENTITY: &str = "ledger_years";

pub(super) fn key(org: &OrgCode, year: i32) -> String {
    format!("{org}/{year}")
}

/// The year's chart: the regime's for that year with the cooperative's sub-accounts.
pub(super) fn chart_of(year: i32, sub_accounts: &[(String, String)]) -> Result<Chart> {
    let mut chart = Chart::for_year(year).ok_or_else(|| {
        AppError::invalid(
            "year",
            year.to_string(),
            hoptac_core::msg!("ledger.no_chart", year = year),
        )
    })?;
    for (number, name) in sub_accounts {
        // stored sub-accounts were checked when they were added; one that no longer fits is
        // left out rather than failing the whole book
        let _ = chart.add_sub_account(number, name);
    }
    Ok(chart)
}

pub(super) fn book_of(stored: &StoredLedger) -> Result<Book> {
    Ok(Book {
        year: stored.year,
        chart: chart_of(stored.year.year, &stored.sub_accounts)?,
        opening: stored.opening.clone(),
        vouchers: stored.vouchers.clone(),
        closing: stored.closing.clone(),
    })
}

impl App {
    /// The organisation whose books are asked for, if the account reads it: not found (and
    /// the refusal audited) otherwise, so a book outside the scope is not even confirmed.
    pub(super) async fn books_readable(
        &self,
        actor: &Actor,
        org: &OrgCode,
        year: i32,
    ) -> Result<Organization> {
        let snap = self.snapshot().await?;
        let found = (snap.orgs.iter()).find(|o| o.code == *org).filter(|o| {
            hoptac_core::auth::permits(
                &actor.account,
                Action::Read,
                &Resource::Org {
                    code: o.code.clone(),
                    commune: o.commune,
                },
                &*snap,
            )
        });
        match found {
            Some(o) => Ok(o.clone()),
            None => {
                let unit = self.account_unit(&actor.account).await?;
                let e = self.audit_entry(actor, "refused", ENTITY, &key(org, year), unit);
                self.store().append_audit(&e).await?;
                Err(AppError::not_found("ledger", key(org, year)))
            }
        }
    }

    /// Whether the account keeps this cooperative's books: its own account, or an
    /// administrator over it. The offices read books; they do not post to them.
    pub(super) async fn books_writable(
        &self,
        actor: &Actor,
        org: &OrgCode,
        year: i32,
    ) -> Result<Organization> {
        let o = self.books_readable(actor, org, year).await?;
        if !matches!(actor.account.role, Role::Org | Role::Admin) {
            let e = self.audit_entry(actor, "refused", ENTITY, &key(org, year), Some(o.commune));
            self.store().append_audit(&e).await?;
            return Err(AppError::Forbidden);
        }
        self.authorize(
            actor,
            Action::Write,
            &Resource::Org {
                code: o.code.clone(),
                commune: o.commune,
            },
        )
        .await?;
        Ok(o)
    }

    /// Whether the account keeps these books (before a form is shown): refused and audited
    /// otherwise.
    pub async fn check_books_write(&self, actor: &Actor, org: &OrgCode, year: i32) -> Result<()> {
        self.books_writable(actor, org, year).await.map(|_| ())
    }

    /// Whether the account may post to books at all (before a form is shown).
    pub fn may_keep_books(actor: &Actor) -> bool {
        matches!(actor.account.role, Role::Org | Role::Admin) && !actor.account.disabled
    }
}
