//! Writing the books: a year opened (its opening balances carried from the year before when
//! that year is kept here) or replaced whole by an import, vouchers posted and taken out,
//! the year closed to 911 and reopened. Each checked in full before anything is written,
//! then written at the version read with its audit entry.

use super::access::{ENTITY, book_of, chart_of, key};
use crate::auth::Actor;
use crate::context::App;
use crate::error::{AppError, Result};
use crate::training::Problems;
use hoptac_core::OrgCode;
use hoptac_core::ledger::book::{Book, account_balances, closing_balances, opening_sides};
use hoptac_core::ledger::chart::{Chart, SubAccountError};
use hoptac_core::ledger::closing::{ClosingError, close_year};
use hoptac_core::ledger::voucher::{
    AMOUNT_MAX, FiscalYear, Voucher, VoucherKind, voucher_problems,
};
use hoptac_core::msg;
use hoptac_store::{AuditEntry, LedgerChange, LedgerWrite};
use std::collections::HashSet;

/// Most opening rows and vouchers one year takes in one write.
pub const OPENING_MAX: usize = 5_000;
pub const VOUCHERS_MAX: usize = 200_000;

fn money(n: i128) -> String {
    hoptac_core::text::group_thousands(n)
}

/// The year's own opening and sub-accounts, checked against its chart.
fn opening_problems(
    chart: &mut Chart,
    subs: &[(String, String)],
    opening: &[(String, i64)],
) -> Problems {
    let mut out: Problems = Vec::new();
    for (number, name) in subs {
        let why = match chart.add_sub_account(number.trim(), name.trim()) {
            Ok(()) if name.trim().is_empty() || name.chars().count() > 200 => {
                Some(msg!("ledger.sub_account_name"))
            }
            Ok(()) => None,
            Err(SubAccountError::BadNumber) => Some(msg!("ledger.sub_account_number")),
            Err(SubAccountError::NoParent) => {
                Some(msg!("ledger.no_such_account", account = number))
            }
            Err(SubAccountError::Taken) => Some(msg!("ledger.sub_account_taken", account = number)),
        };
        if let Some(m) = why {
            out.push(("sub_accounts", number.clone(), m));
        }
    }
    if opening.len() > OPENING_MAX {
        out.push((
            "opening",
            opening.len().to_string(),
            msg!("ledger.too_many", max = OPENING_MAX),
        ));
        return out;
    }
    let mut seen = HashSet::new();
    for (account, net) in opening {
        if chart.account(account).is_none() {
            out.push((
                "opening",
                account.clone(),
                msg!("ledger.no_such_account", account = account),
            ));
        } else if chart.is_heading(account) {
            out.push((
                "opening",
                account.clone(),
                msg!("ledger.heading_account", account = account),
            ));
        } else if net.unsigned_abs() > AMOUNT_MAX as u64 {
            out.push((
                "opening",
                format!("{account}: {}", money((*net).into())),
                msg!("ledger.line_one_side", max = money(AMOUNT_MAX.into())),
            ));
        } else if !seen.insert(account.as_str()) {
            out.push((
                "opening",
                account.clone(),
                msg!("ledger.opening_twice", account = account),
            ));
        }
    }
    let (d, c) = opening_sides(opening);
    if d != c {
        out.push((
            "opening",
            format!("{} / {}", money(d), money(c)),
            msg!(
                "ledger.opening_unbalanced",
                debit = money(d),
                credit = money(c)
            ),
        ));
    }
    out
}

/// Member capital (4111) may not go below nothing: a debit balance on TK 411.
fn capital_problems(book: &Book) -> Problems {
    let mut out: Problems = Vec::new();
    let mut negative: Vec<(String, i128)> = account_balances(&book.opening, book.all_vouchers())
        .into_iter()
        .filter(|(a, n)| a.starts_with("411") && *n > 0)
        .map(|(a, n)| (a.to_string(), n))
        .collect();
    negative.sort();
    for (a, n) in negative {
        out.push((
            "account",
            format!("{a}: {}", money(-n)),
            msg!("ledger.capital_negative", account = a),
        ));
    }
    out
}

/// Every problem of vouchers posted together to `book`, each value naming its voucher.
fn vouchers_problems(book: &Book, new: &[Voucher]) -> Problems {
    let mut taken: HashSet<(VoucherKind, String)> = (book.all_vouchers())
        .map(|v| (v.kind, v.number.trim().to_string()))
        .collect();
    let mut out: Problems = Vec::new();
    if new.len() > VOUCHERS_MAX {
        out.push((
            "vouchers",
            new.len().to_string(),
            msg!("ledger.too_many", max = VOUCHERS_MAX),
        ));
        return out;
    }
    for v in new {
        let found = voucher_problems(v, &book.chart, &book.year, |k, n| {
            taken.contains(&(k, n.to_string()))
        });
        let many = new.len() > 1;
        out.extend(found.into_iter().map(|(f, value, m)| {
            let value = if many {
                format!("{} {}: {value}", v.kind.label_vi(), v.number)
            } else {
                value
            };
            (f, value, m)
        }));
        taken.insert((v.kind, v.number.trim().to_string()));
    }
    out
}

fn year_of(year: i32) -> Option<FiscalYear> {
    Some(FiscalYear {
        year,
        starts_on: hoptac_core::date::ymd(year, 1, 1)?,
        ends_on: hoptac_core::date::ymd(year, 12, 31)?,
        closed: false,
    })
}

impl App {
    /// The audit entry of a write to a year: `change` is (before, after).
    fn ledger_audit(
        &self,
        actor: &Actor,
        action: &str,
        (org, year, commune): (&OrgCode, i32, hoptac_core::UnitId),
        (before, after): (Option<String>, Option<String>),
    ) -> AuditEntry {
        let mut e = self.audit_entry(actor, action, ENTITY, &key(org, year), Some(commune));
        e.before = before;
        e.after = after;
        e
    }

    async fn write_ledger(&self, w: LedgerWrite) -> Result<()> {
        match self.store().write_ledger(&w).await {
            Ok(()) => Ok(()),
            Err(e) => Err(self.stale(AppError::Store(e)).await),
        }
    }

    /// Opens a fiscal year (1 January – 31 December), or replaces an open one whole (an
    /// import of an existing year), at the version read (0 for a new year). Without an
    /// opening, a new year carries the closing balances of the year before when that year
    /// is kept here and closed. All or nothing: every problem is named.
    #[allow(clippy::too_many_arguments)]
    pub async fn replace_ledger_year(
        &self,
        actor: &Actor,
        org: &OrgCode,
        year: i32,
        version: i64,
        sub_accounts: Vec<(String, String)>,
        opening: Option<Vec<(String, i64)>>,
        vouchers: Vec<Voucher>,
    ) -> Result<Problems> {
        let o = self.books_writable(actor, org, year).await?;
        let mut chart = chart_of(year, &[])?;
        let fiscal = year_of(year).ok_or_else(|| {
            AppError::invalid(
                "year",
                year.to_string(),
                msg!("ledger.no_chart", year = year),
            )
        })?;
        let before = self.store().ledger(org, year).await?;
        let opening = match opening {
            Some(o) => o,
            None => match self.store().ledger(org, year - 1).await? {
                Some(prev) if prev.year.closed => closing_balances(&book_of(&prev)?),
                _ => Vec::new(),
            },
        };
        let mut problems = opening_problems(&mut chart, &sub_accounts, &opening);
        if !problems.is_empty() {
            return Ok(problems);
        }
        let book = Book {
            year: fiscal,
            chart,
            opening: opening.clone(),
            vouchers: Vec::new(),
            closing: None,
        };
        problems.extend(vouchers_problems(&book, &vouchers));
        let full = Book {
            vouchers: vouchers.clone(),
            ..book
        };
        if problems.is_empty() {
            problems.extend(capital_problems(&full));
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        let summary = |opening: usize, vouchers: usize| {
            format!("{{\"opening\":{opening},\"vouchers\":{vouchers}}}")
        };
        let e = self.ledger_audit(
            actor,
            if before.is_some() { "import" } else { "create" },
            (org, year, o.commune),
            (
                before
                    .as_ref()
                    .map(|b| summary(b.opening.len(), b.vouchers.len())),
                Some(summary(opening.len(), vouchers.len())),
            ),
        );
        self.write_ledger(LedgerWrite {
            org: org.clone(),
            year,
            expect_version: version,
            change: LedgerChange::Replace {
                year: fiscal,
                sub_accounts,
                opening,
                vouchers,
            },
            audit: vec![e],
        })
        .await?;
        Ok(Vec::new())
    }

    /// Posts one voucher to an open year at the version read.
    pub async fn post_voucher(
        &self,
        actor: &Actor,
        org: &OrgCode,
        year: i32,
        version: i64,
        v: Voucher,
    ) -> Result<Problems> {
        let o = self.books_writable(actor, org, year).await?;
        let Some(stored) = self.store().ledger(org, year).await? else {
            return Err(AppError::not_found("ledger", key(org, year)));
        };
        let v = Voucher {
            number: v.number.trim().to_string(),
            description: v.description.trim().to_string(),
            ..v
        };
        let mut book = book_of(&stored)?;
        let mut problems = vouchers_problems(&book, std::slice::from_ref(&v));
        if v.description.chars().count() > 500 {
            problems.push((
                "description",
                v.description.chars().take(40).collect(),
                msg!("ledger.description_long", max = 500),
            ));
        }
        if problems.is_empty() {
            book.vouchers.push(v.clone());
            problems.extend(capital_problems(&book));
        }
        if !problems.is_empty() {
            return Ok(problems);
        }
        let e = self.ledger_audit(
            actor,
            "create",
            (org, year, o.commune),
            (None, serde_json::to_string(&v).ok()),
        );
        self.write_ledger(LedgerWrite {
            org: org.clone(),
            year,
            expect_version: version,
            change: LedgerChange::Post(vec![v]),
            audit: vec![e],
        })
        .await?;
        Ok(Vec::new())
    }

    /// Takes a voucher out of an open year, with a reason.
    #[allow(clippy::too_many_arguments)]
    pub async fn remove_voucher(
        &self,
        actor: &Actor,
        org: &OrgCode,
        year: i32,
        version: i64,
        kind: VoucherKind,
        number: &str,
        reason: &str,
    ) -> Result<()> {
        let o = self.books_writable(actor, org, year).await?;
        let Some(stored) = self.store().ledger(org, year).await? else {
            return Err(AppError::not_found("ledger", key(org, year)));
        };
        if stored.year.closed {
            return Err(AppError::invalid(
                "year",
                year.to_string(),
                msg!("ledger.year_closed", year = year),
            ));
        }
        let Some(v) = stored
            .vouchers
            .iter()
            .find(|v| v.kind == kind && v.number == number)
        else {
            return Err(AppError::not_found(
                "voucher",
                format!("{}/{number}", kind.code()),
            ));
        };
        if reason.trim().is_empty() {
            return Err(AppError::invalid(
                "reason",
                "",
                msg!("ledger.reason_required"),
            ));
        }
        let mut after = stored.clone();
        after
            .vouchers
            .retain(|x| !(x.kind == kind && x.number == number));
        if let Some((f, value, m)) = capital_problems(&book_of(&after)?).into_iter().next() {
            return Err(AppError::invalid(f, value, m));
        }
        let reason = serde_json::json!({ "reason": reason.trim() }).to_string();
        let e = self.ledger_audit(
            actor,
            "delete",
            (org, year, o.commune),
            (serde_json::to_string(v).ok(), Some(reason)),
        );
        self.write_ledger(LedgerWrite {
            org: org.clone(),
            year,
            expect_version: version,
            change: LedgerChange::Remove(kind, number.to_string()),
            audit: vec![e],
        })
        .await
    }

    /// Closes the year: the closing voucher to 911 and 421, dated its last day.
    pub async fn close_ledger_year(
        &self,
        actor: &Actor,
        org: &OrgCode,
        year: i32,
        version: i64,
    ) -> Result<Voucher> {
        let o = self.books_writable(actor, org, year).await?;
        let Some(stored) = self.store().ledger(org, year).await? else {
            return Err(AppError::not_found("ledger", key(org, year)));
        };
        let book = book_of(&stored)?;
        let closing = close_year(&book).map_err(|e| match e {
            ClosingError::AlreadyClosed => AppError::invalid(
                "year",
                year.to_string(),
                msg!("ledger.year_closed", year = year),
            ),
            ClosingError::Account(a) => AppError::invalid(
                "account",
                a.clone(),
                msg!("ledger.closing_account", account = a),
            ),
        })?;
        let e = self.ledger_audit(
            actor,
            "close",
            (org, year, o.commune),
            (None, serde_json::to_string(&closing).ok()),
        );
        self.write_ledger(LedgerWrite {
            org: org.clone(),
            year,
            expect_version: version,
            change: LedgerChange::Close(closing.clone()),
            audit: vec![e],
        })
        .await?;
        Ok(closing)
    }

    /// Reopens a closed year, with a reason: its closing voucher is taken away.
    pub async fn reopen_ledger_year(
        &self,
        actor: &Actor,
        org: &OrgCode,
        year: i32,
        version: i64,
        reason: &str,
    ) -> Result<()> {
        let o = self.books_writable(actor, org, year).await?;
        let Some(stored) = self.store().ledger(org, year).await? else {
            return Err(AppError::not_found("ledger", key(org, year)));
        };
        if !stored.year.closed {
            return Err(AppError::invalid(
                "year",
                year.to_string(),
                msg!("ledger.year_open", year = year),
            ));
        }
        if reason.trim().is_empty() {
            return Err(AppError::invalid(
                "reason",
                "",
                msg!("ledger.reason_required"),
            ));
        }
        let before = stored
            .closing
            .as_ref()
            .and_then(|c| serde_json::to_string(c).ok());
        let reason = serde_json::json!({ "reason": reason.trim() }).to_string();
        let e = self.ledger_audit(
            actor,
            "reopen",
            (org, year, o.commune),
            (before, Some(reason)),
        );
        self.write_ledger(LedgerWrite {
            org: org.clone(),
            year,
            expect_version: version,
            change: LedgerChange::Reopen,
            audit: vec![e],
        })
        .await
    }
}
