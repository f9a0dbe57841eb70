//! Accounts and sessions.

use crate::changes::insert_audit;
use crate::cols::PgColumns;
use crate::db::PgStore;
use async_trait::async_trait;
use hoptac_core::auth::{Account, Scope};
use hoptac_store::decode::{self, int, text};
use hoptac_store::{Accounts, AuditEntry, Result, SessionRow, StoredAccount};

const ACCOUNT: &str =
    "SELECT username, display_name, role, scope_kind, scope_value, must_change, disabled";

#[async_trait]
impl Accounts for PgStore {
    async fn account(&self, username: &str) -> Result<Option<StoredAccount>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{ACCOUNT}, password_hash FROM accounts WHERE username = $1"
        )))
        .bind(username)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            let c = PgColumns(&r);
            Ok(StoredAccount {
                account: decode::account(&c)?,
                password_hash: text(&c, 7, "accounts")?,
            })
        })
        .transpose()
    }

    async fn accounts(&self) -> Result<Vec<Account>> {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "{ACCOUNT} FROM accounts ORDER BY username"
        )))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| decode::account(&PgColumns(r)))
        .collect()
    }

    async fn save_account(
        &self,
        a: &Account,
        password_hash: Option<&str>,
        audit: &AuditEntry,
    ) -> Result<()> {
        let (kind, value) = match &a.scope {
            Scope::All => ("all", String::new()),
            Scope::Unit(u) => ("unit", u.0.to_string()),
            Scope::Org(c) => ("org", c.to_string()),
        };
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO accounts (username, display_name, password_hash, role, scope_kind, scope_value, must_change, disabled) \
             VALUES ($1, $2, COALESCE($3, ''), $4, $5, $6, $7, $8) ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, \
             password_hash = COALESCE($3, accounts.password_hash), role = excluded.role, scope_kind = excluded.scope_kind, \
             scope_value = excluded.scope_value, must_change = excluded.must_change, disabled = excluded.disabled",
        )
        .bind(&a.username)
        .bind(&a.display_name)
        .bind(password_hash)
        .bind(a.role.code())
        .bind(kind)
        .bind(value)
        .bind(a.must_change_password)
        .bind(a.disabled)
        .execute(&mut *tx)
        .await?;
        insert_audit(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn create_session(&self, token_hash: &str, s: &SessionRow) -> Result<()> {
        // expired sessions are swept whenever a new one starts
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(s.expires_at - 60 * 60 * 24 * 30)
            .execute(&self.pool)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, username, csrf, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(&s.username)
        .bind(&s.csrf)
        .bind(s.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>> {
        let row =
            sqlx::query("SELECT username, csrf, expires_at FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|r| {
            let c = PgColumns(&r);
            Ok(SessionRow {
                username: text(&c, 0, "sessions")?,
                csrf: text(&c, 1, "sessions")?,
                expires_at: int(&c, 2, "sessions")?,
            })
        })
        .transpose()
    }

    async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_sessions_of(&self, username: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE username = $1")
            .bind(username)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
