//! The append-only audit trail (a trigger and revoked privileges keep it so in the database).

use crate::changes::insert_audit;
use crate::cols::PgColumns;
use crate::db::PgStore;
use async_trait::async_trait;
use hoptac_store::decode;
use hoptac_store::{AuditEntry, AuditLog, AuditQuery, Result};

const AUDIT: &str =
    "SELECT id, at, actor, ip, action, entity, key, unit_id, before, after FROM audit";

#[async_trait]
impl AuditLog for PgStore {
    async fn append_audit(&self, e: &AuditEntry) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        insert_audit(&mut conn, e).await
    }

    async fn audit(&self, q: &AuditQuery) -> Result<Vec<AuditEntry>> {
        let key_exact = q.key.clone().filter(|k| !k.ends_with('/'));
        let key_prefix = q
            .key
            .clone()
            .filter(|k| k.ends_with('/'))
            .map(|k| format!("{}%", k.replace(['%', '_'], "")));
        let limit = q.limit.clamp(1, 100_000) as i64;
        let rows = if let (Some(entity), Some(key), None, None, None) =
            (&q.entity, &key_exact, &q.actor, &q.action, &q.units)
        {
            // the organisation page's question, answered from the (entity, key) index
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "{AUDIT} WHERE entity = $1 AND key = $2 AND ($4::bigint IS NULL OR id < $4) ORDER BY id DESC LIMIT $3"
            )))
            .bind(entity)
            .bind(key)
            .bind(limit)
            .bind(q.before_id)
            .fetch_all(&self.pool)
            .await?
        } else if let Some(units) = &q.units {
            // a scoped reader: the filter on units is in SQL, so the limit counts only rows
            // the reader may see
            let units: Vec<i64> = units.iter().map(|u| u.0).collect();
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "{AUDIT} WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR entity = $2) \
                 AND ($3::text IS NULL OR key = $3) AND ($4::text IS NULL OR key LIKE $4) \
                 AND ($5::text IS NULL OR action = $5) AND unit_id = ANY($6) AND ($8::bigint IS NULL OR id < $8) \
                 ORDER BY id DESC LIMIT $7"
            )))
            .bind(q.actor.as_deref())
            .bind(q.entity.as_deref())
            .bind(key_exact)
            .bind(key_prefix)
            .bind(q.action.as_deref())
            .bind(units)
            .bind(limit)
            .bind(q.before_id)
            .fetch_all(&self.pool)
            .await?
        } else {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "{AUDIT} WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR entity = $2) \
                 AND ($3::text IS NULL OR key = $3) AND ($4::text IS NULL OR key LIKE $4) \
                 AND ($5::text IS NULL OR action = $5) AND ($7::bigint IS NULL OR id < $7) ORDER BY id DESC LIMIT $6"
            )))
            .bind(q.actor.as_deref())
            .bind(q.entity.as_deref())
            .bind(key_exact)
            .bind(key_prefix)
            .bind(q.action.as_deref())
            .bind(limit)
            .bind(q.before_id)
            .fetch_all(&self.pool)
            .await?
        };
        rows.iter().map(|r| decode::audit(&PgColumns(r))).collect()
    }
}
