//! Books in PostgreSQL: one fiscal year read whole, and each write in one transaction that
//! holds the writers' lock and checks the year's version first.

use crate::changes::{Tx, insert_audit};
use crate::cols::PgColumns;
use crate::db::{PgStore, begin_write};
use async_trait::async_trait;
use hoptac_core::OrgCode;
use hoptac_core::ledger::voucher::Voucher;
use hoptac_store::decode::ledgers as rows;
use hoptac_store::*;
use sqlx::Row;

fn stale(w: &LedgerWrite) -> StoreError {
    StoreError::Stale {
        entity: "ledger_years".into(),
        key: format!("{}/{}", w.org.as_str(), w.year),
    }
}

async fn insert_voucher(tx: &mut Tx, w: &LedgerWrite, v: &Voucher, closing: bool) -> Result<()> {
    let id: i64 = sqlx::query(
        "INSERT INTO ledger_vouchers (org_code, year, kind, number, posted_on, description, closing) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(w.org.as_str())
    .bind(i64::from(w.year))
    .bind(v.kind.code())
    .bind(&v.number)
    .bind(v.date)
    .bind(&v.description)
    .bind(closing)
    .fetch_one(&mut **tx)
    .await?
    .try_get(0)?;
    for (i, l) in v.lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO ledger_lines (voucher_id, position, account, debit_vnd, credit_vnd) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(i as i64)
        .bind(&l.account)
        .bind(l.debit_vnd)
        .bind(l.credit_vnd)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn replace(tx: &mut Tx, w: &LedgerWrite, version: i64) -> Result<()> {
    let LedgerChange::Replace {
        year,
        sub_accounts,
        opening,
        vouchers,
    } = &w.change
    else {
        return Ok(());
    };
    sqlx::query("DELETE FROM ledger_years WHERE org_code = $1 AND year = $2")
        .bind(w.org.as_str())
        .bind(i64::from(w.year))
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO ledger_years (org_code, year, starts_on, ends_on, closed, version) VALUES ($1, $2, $3, $4, false, $5)",
    )
    .bind(w.org.as_str())
    .bind(i64::from(w.year))
    .bind(year.starts_on)
    .bind(year.ends_on)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    for (number, name) in sub_accounts {
        sqlx::query(
            "INSERT INTO ledger_accounts (org_code, year, number, name) VALUES ($1, $2, $3, $4)",
        )
        .bind(w.org.as_str())
        .bind(i64::from(w.year))
        .bind(number)
        .bind(name)
        .execute(&mut **tx)
        .await?;
    }
    for (account, net) in opening {
        sqlx::query(
            "INSERT INTO ledger_opening (org_code, year, account, net_vnd) VALUES ($1, $2, $3, $4)",
        )
        .bind(w.org.as_str())
        .bind(i64::from(w.year))
        .bind(account)
        .bind(net)
        .execute(&mut **tx)
        .await?;
    }
    for v in vouchers {
        insert_voucher(tx, w, v, false).await?;
    }
    Ok(())
}

async fn apply(tx: &mut Tx, w: &LedgerWrite) -> Result<()> {
    let found: Option<(i64, bool)> = sqlx::query_as(
        "SELECT version, closed FROM ledger_years WHERE org_code = $1 AND year = $2",
    )
    .bind(w.org.as_str())
    .bind(i64::from(w.year))
    .fetch_optional(&mut **tx)
    .await?;
    let version = found.map_or(0, |(v, _)| v);
    let closed = found.is_some_and(|(_, c)| c);
    let replacing = matches!(w.change, LedgerChange::Replace { .. });
    if version != w.expect_version || (found.is_none() && !replacing) {
        return Err(stale(w));
    }
    let allowed = match &w.change {
        LedgerChange::Reopen => closed,
        _ => !closed,
    };
    if !allowed {
        return Err(stale(w));
    }
    match &w.change {
        LedgerChange::Replace { .. } => replace(tx, w, version + 1).await?,
        LedgerChange::Post(vs) => {
            for v in vs {
                insert_voucher(tx, w, v, false).await?;
            }
        }
        LedgerChange::Remove(kind, number) => {
            let gone = sqlx::query(
                "DELETE FROM ledger_vouchers WHERE org_code = $1 AND year = $2 AND kind = $3 AND number = $4 AND NOT closing",
            )
            .bind(w.org.as_str())
            .bind(i64::from(w.year))
            .bind(kind.code())
            .bind(number)
            .execute(&mut **tx)
            .await?;
            if gone.rows_affected() == 0 {
                return Err(stale(w));
            }
        }
        LedgerChange::Close(v) => insert_voucher(tx, w, v, true).await?,
        LedgerChange::Reopen => {
            sqlx::query(
                "DELETE FROM ledger_vouchers WHERE org_code = $1 AND year = $2 AND closing",
            )
            .bind(w.org.as_str())
            .bind(i64::from(w.year))
            .execute(&mut **tx)
            .await?;
        }
    }
    if !replacing {
        sqlx::query(
            "UPDATE ledger_years SET version = version + 1, closed = $3 WHERE org_code = $1 AND year = $2",
        )
        .bind(w.org.as_str())
        .bind(i64::from(w.year))
        .bind(matches!(w.change, LedgerChange::Close(_)))
        .execute(&mut **tx)
        .await?;
    }
    for e in &w.audit {
        insert_audit(tx, e).await?;
    }
    Ok(())
}

#[async_trait]
impl Books for PgStore {
    async fn ledger_years(&self) -> Result<Vec<LedgerYearRow>> {
        sqlx::query(rows::YEARS)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| rows::year_row(&PgColumns(r)))
            .collect()
    }

    async fn ledger(&self, org: &OrgCode, year: i32) -> Result<Option<StoredLedger>> {
        let mut conn = self.pool.acquire().await?;
        let Some(head) = sqlx::query(rows::YEAR)
            .bind(org.as_str())
            .bind(i64::from(year))
            .fetch_optional(&mut *conn)
            .await?
        else {
            return Ok(None);
        };
        let head = rows::year(&PgColumns(&head))?;
        let q = |sql| sqlx::query(sql).bind(org.as_str()).bind(year);
        let accounts = (q(rows::ACCOUNTS).fetch_all(&mut *conn).await?.iter())
            .map(|r| rows::account(&PgColumns(r)))
            .collect::<Result<_>>()?;
        let opening = (q(rows::OPENING).fetch_all(&mut *conn).await?.iter())
            .map(|r| rows::opening(&PgColumns(r)))
            .collect::<Result<_>>()?;
        let vouchers = (q(rows::VOUCHERS).fetch_all(&mut *conn).await?.iter())
            .map(|r| rows::voucher(&PgColumns(r)))
            .collect::<Result<_>>()?;
        let lines = (q(rows::LINES).fetch_all(&mut *conn).await?.iter())
            .map(|r| rows::line(&PgColumns(r)))
            .collect::<Result<_>>()?;
        rows::assemble(org, head, accounts, opening, vouchers, lines).map(Some)
    }

    async fn write_ledger(&self, w: &LedgerWrite) -> Result<()> {
        let mut tx = begin_write(&self.pool).await?;
        apply(&mut tx, w).await?;
        tx.commit().await?;
        Ok(())
    }
}
