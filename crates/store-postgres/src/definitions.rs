//! Indicators, plans with their targets, validation rules, and the owner scope of each.

use crate::changes::{bump_generation, check_version, insert_audit, insert_owner};
use crate::cols::PgColumns;
use crate::db::{PgStore, begin_write};
use async_trait::async_trait;
use hoptac_core::Fixed;
use hoptac_core::model::UnitId;
use hoptac_core::plan::{Comparator, Plan, Target};
use hoptac_core::rules::RuleRecord;
use hoptac_core::spec::IndicatorRecord;
use hoptac_store::decode::{self, Columns, corrupt, int, text};
use hoptac_store::{AuditEntry, Definitions, Result};
use std::collections::HashMap;

/// Targets numbered 1, 2, … 7a, 7b, … 10 sort as people read them.
fn target_order(no: &str) -> (u32, String) {
    let digits: String = no.chars().take_while(|c| c.is_ascii_digit()).collect();
    (
        digits.parse().unwrap_or(u32::MAX),
        no[digits.len()..].to_string(),
    )
}

fn milestones(t: &str) -> Result<Vec<(i32, Fixed)>> {
    t.split(';')
        .filter(|m| !m.is_empty())
        .map(|m| {
            let bad = || corrupt("targets", format!("bad milestone {m:?}"));
            let (y, v) = m.split_once(':').ok_or_else(bad)?;
            Ok((
                y.parse().map_err(|_| bad())?,
                Fixed::parse_plain(v).ok_or_else(bad)?,
            ))
        })
        .collect()
}

#[async_trait]
impl Definitions for PgStore {
    async fn indicators(&self) -> Result<Vec<IndicatorRecord>> {
        let rows = sqlx::query(
            "SELECT id, label_vi, label_en, definition, description FROM indicators ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let c = PgColumns(r);
                Ok(IndicatorRecord {
                    id: text(&c, 0, "indicators")?,
                    label_vi: text(&c, 1, "indicators")?,
                    label_en: text(&c, 2, "indicators")?,
                    definition: text(&c, 3, "indicators")?,
                    description: text(&c, 4, "indicators")?,
                })
            })
            .collect()
    }

    async fn plans(&self) -> Result<Vec<Plan>> {
        const T: &str = "targets";
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
            let c = PgColumns(t);
            by_plan.entry(text(&c, 0, T)?).or_default().push(Target {
                no: text(&c, 1, T)?,
                wording: text(&c, 2, T)?,
                indicator: text(&c, 3, T)?,
                comparator: decode::enum_of(&c, 4, T, Comparator::parse)?,
                value: Fixed::from_micros(int(&c, 5, T)?),
                value_hi: decode::money(&c, 6)?,
                baseline_indicator: c.text(7)?,
                milestones: milestones(&text(&c, 8, T)?)?,
                note: text(&c, 9, T)?,
            });
        }
        let mut out = Vec::new();
        for r in &plans {
            let c = PgColumns(r);
            let code = text(&c, 0, "plans")?;
            let mut ts = by_plan.remove(&code).unwrap_or_default();
            ts.sort_by_key(|t| target_order(&t.no));
            out.push(Plan {
                title: text(&c, 1, "plans")?,
                issuer: text(&c, 2, "plans")?,
                doc_no: text(&c, 3, "plans")?,
                doc_date: decode::date(&c, 4, "plans")?,
                from: int(&c, 5, "plans")? as i32,
                to: int(&c, 6, "plans")? as i32,
                baseline_year: int(&c, 7, "plans")? as i32,
                scope: text(&c, 8, "plans")?,
                targets: ts,
                code,
            });
        }
        Ok(out)
    }

    async fn validation_rules(&self) -> Result<Vec<RuleRecord>> {
        const T: &str = "validation_rules";
        let rows = sqlx::query("SELECT id, expression, severity, message_vi, message_en, active FROM validation_rules ORDER BY id").fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let c = PgColumns(r);
                Ok(RuleRecord {
                    id: text(&c, 0, T)?,
                    expression: text(&c, 1, T)?,
                    severity: if text(&c, 2, T)? == "error" {
                        hoptac_core::validate::Severity::Error
                    } else {
                        hoptac_core::validate::Severity::Warning
                    },
                    message_vi: text(&c, 3, T)?,
                    message_en: text(&c, 4, T)?,
                    active: int(&c, 5, T)? != 0,
                })
            })
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
