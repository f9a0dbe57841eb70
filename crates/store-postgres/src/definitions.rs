//! Indicators, plans with their targets, validation rules, and the owner scope of each.

use crate::changes::{bump_generation, check_version, insert_audit, insert_owner};
use crate::cols::PgColumns;
use crate::db::{PgStore, begin_write};
use async_trait::async_trait;
use hoptac_core::model::UnitId;
use hoptac_core::plan::{Plan, Target};
use hoptac_core::rules::RuleRecord;
use hoptac_core::spec::IndicatorRecord;
use hoptac_store::decode;
use hoptac_store::{AuditEntry, Definitions, Result};
use std::collections::HashMap;

#[async_trait]
impl Definitions for PgStore {
    async fn indicators(&self) -> Result<Vec<IndicatorRecord>> {
        sqlx::query(
            "SELECT id, label_vi, label_en, definition, description FROM indicators ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| decode::indicator(&PgColumns(r)))
        .collect()
    }

    async fn plans(&self) -> Result<Vec<Plan>> {
        let plans = sqlx::query(
            "SELECT code, title, issuer, doc_no, doc_date, from_year, to_year, baseline_year, scope_code FROM plans ORDER BY from_year DESC, code",
        )
        .fetch_all(&self.pool)
        .await?;
        let targets = sqlx::query(
            "SELECT plan_code, no, wording, indicator, comparator, value, value_hi, baseline_indicator, milestones, note FROM targets",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut by_plan: HashMap<String, Vec<Target>> = HashMap::new();
        for t in &targets {
            let (plan, target) = decode::target(&PgColumns(t))?;
            by_plan.entry(plan).or_default().push(target);
        }
        let mut plans = plans
            .iter()
            .map(|r| {
                let c = PgColumns(r);
                let code = decode::text(&c, 0, "plans")?;
                decode::plan(&c, by_plan.remove(&code).unwrap_or_default())
            })
            .collect::<Result<Vec<_>>>()?;
        crate::tasks::load_into(&self.pool, &mut plans).await?;
        Ok(plans)
    }

    async fn validation_rules(&self) -> Result<Vec<RuleRecord>> {
        sqlx::query("SELECT id, expression, severity, message_vi, message_en, active FROM validation_rules ORDER BY id")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| decode::validation_rule(&PgColumns(r)))
            .collect()
    }

    async fn save_validation_rule(
        &self,
        v: &RuleRecord,
        owner: Option<UnitId>,
        expect: Option<i64>,
        audit: &AuditEntry,
    ) -> Result<()> {
        let mut tx = begin_write(&self.pool).await?;
        if let Some(v0) = expect {
            check_version(&mut tx, "validation_rules", &v.id, v0).await?;
        }
        insert_owner(&mut tx, "validation_rules", &v.id, owner).await?;
        sqlx::query(
            "INSERT INTO validation_rules (id, expression, severity, message_vi, message_en, active) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (id) DO UPDATE SET expression = excluded.expression, severity = excluded.severity, message_vi = excluded.message_vi, \
             message_en = excluded.message_en, active = excluded.active",
        )
        .bind(&v.id)
        .bind(&v.expression)
        .bind(if v.severity == hoptac_core::validate::Severity::Error { "error" } else { "warning" })
        .bind(&v.message_vi)
        .bind(&v.message_en)
        .bind(v.active)
        .execute(&mut *tx)
        .await?;
        insert_audit(&mut tx, audit).await?;
        // the review reads the rules: what it computed from the old ones is stale
        bump_generation(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn owner_scopes(&self, entity: &str) -> Result<HashMap<String, UnitId>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT key, unit_id FROM owner_scopes WHERE entity = $1 AND unit_id IS NOT NULL",
        )
        .bind(entity)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(k, u)| (k, UnitId(u))).collect())
    }
}
