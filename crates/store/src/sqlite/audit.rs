//! The append-only audit trail.

use super::db::*;
use crate::port::error::Result;
use crate::port::records::*;
use crate::port::traits::*;
use async_trait::async_trait;
use hoptac_core::model::UnitId;
use sqlx::Row;

#[async_trait]
impl AuditLog for SqliteStore {
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
        let rows = if let (Some(entity), Some(key), None, None, None) =
            (&q.entity, &key_exact, &q.actor, &q.action, &q.units)
        {
            // the organisation page's question, answered from the (entity, key) index
            sqlx::query(
                "SELECT id, at, actor, ip, action, entity, key, unit_id, before, after FROM audit \
                 WHERE entity = $1 AND key = $2 AND ($4 IS NULL OR id < $4) ORDER BY id DESC LIMIT $3",
            )
            .bind(entity)
            .bind(key)
            .bind(q.limit.clamp(1, 100_000) as i64)
            .bind(q.before_id)
            .fetch_all(&self.pool)
            .await?
        } else {
            sqlx::query(
            "SELECT id, at, actor, ip, action, entity, key, unit_id, before, after FROM audit \
             WHERE ($1 IS NULL OR actor = $1) AND ($2 IS NULL OR entity = $2) AND ($3 IS NULL OR key = $3) \
             AND ($4 IS NULL OR key LIKE $4) AND ($5 IS NULL OR action = $5) AND ($7 IS NULL OR id < $7) \
             ORDER BY id DESC LIMIT $6",
        )
        .bind(q.actor.as_deref())
        .bind(q.entity.as_deref())
        .bind(key_exact)
        .bind(key_prefix)
        .bind(q.action.as_deref())
        .bind(if q.units.is_some() { 100_000 } else { q.limit.clamp(1, 100_000) as i64 })
        .bind(q.before_id)
        .fetch_all(&self.pool)
        .await?
        };
        let mut out = Vec::new();
        for r in &rows {
            let unit: Option<i64> = r.try_get(7)?;
            let unit = unit.map(UnitId);
            // scoped readers see only rows of their units
            if let Some(allowed) = &q.units
                && !unit.is_some_and(|u| allowed.contains(&u))
            {
                continue;
            }
            out.push(AuditEntry {
                id: r.try_get(0)?,
                at: r.try_get(1)?,
                actor: r.try_get(2)?,
                ip: r.try_get(3)?,
                action: r.try_get(4)?,
                entity: r.try_get(5)?,
                key: r.try_get(6)?,
                unit,
                before: r.try_get(8)?,
                after: r.try_get(9)?,
            });
            if out.len() >= q.limit.max(1) as usize {
                break;
            }
        }
        Ok(out)
    }
}
