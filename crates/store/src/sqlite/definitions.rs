//! Indicators, plans with their targets, validation rules, and the owner scope of each.

use super::changes::*;
use super::db::*;
use crate::port::error::Result;
use crate::port::records::*;
use crate::port::traits::*;
use async_trait::async_trait;
use hoptac_core::Fixed;
use hoptac_core::model::UnitId;
use hoptac_core::plan::Comparator;
use hoptac_core::plan::{Plan, Target};
use hoptac_core::spec::IndicatorRecord;
use sqlx::Row;

/// Targets numbered 1, 2, … 7a, 7b, … 10 sort as people read them.
pub(super) fn target_order(no: &str) -> (u32, String) {
    let digits: String = no.chars().take_while(|c| c.is_ascii_digit()).collect();
    (
        digits.parse().unwrap_or(u32::MAX),
        no[digits.len()..].to_string(),
    )
}

#[async_trait]
impl Definitions for SqliteStore {
    async fn indicators(&self) -> Result<Vec<IndicatorRecord>> {
        let rows = sqlx::query(
            "SELECT id, label_vi, label_en, definition, description FROM indicators ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(IndicatorRecord {
                    id: r.try_get(0)?,
                    label_vi: r.try_get(1)?,
                    label_en: r.try_get(2)?,
                    definition: r.try_get(3)?,
                    description: r.try_get(4)?,
                })
            })
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
        let mut out = Vec::new();
        for r in &plans {
            let code: String = r.try_get(0)?;
            let mut ts = Vec::new();
            for t in targets
                .iter()
                .filter(|t| t.try_get::<String, _>(0).is_ok_and(|c| c == code))
            {
                let comparator: String = t.try_get(4)?;
                let milestones: String = t.try_get(8)?;
                let milestones = milestones
                    .split(';')
                    .filter(|m| !m.is_empty())
                    .map(|m| {
                        let (y, v) = m
                            .split_once(':')
                            .ok_or_else(|| corrupt("targets", format!("bad milestone {m:?}")))?;
                        Ok((
                            y.parse()
                                .map_err(|_| corrupt("targets", format!("bad milestone {m:?}")))?,
                            Fixed::parse_plain(v).ok_or_else(|| {
                                corrupt("targets", format!("bad milestone {m:?}"))
                            })?,
                        ))
                    })
                    .collect::<Result<Vec<_>>>()?;
                ts.push(Target {
                    no: t.try_get(1)?,
                    wording: t.try_get(2)?,
                    indicator: t.try_get(3)?,
                    comparator: Comparator::parse(&comparator).ok_or_else(|| {
                        corrupt("targets", format!("bad comparator {comparator:?}"))
                    })?,
                    value: Fixed::from_micros(t.try_get(5)?),
                    value_hi: t.try_get::<Option<i64>, _>(6)?.map(Fixed::from_micros),
                    baseline_indicator: t.try_get(7)?,
                    milestones,
                    note: t.try_get(9)?,
                });
            }
            ts.sort_by_key(|t| target_order(&t.no));
            out.push(Plan {
                code,
                title: r.try_get(1)?,
                issuer: r.try_get(2)?,
                doc_no: r.try_get(3)?,
                doc_date: date_col(r, 4, "plans")?,
                from: r.try_get::<i64, _>(5)? as i32,
                to: r.try_get::<i64, _>(6)? as i32,
                baseline_year: r.try_get::<i64, _>(7)? as i32,
                scope: r.try_get(8)?,
                targets: ts,
            });
        }
        Ok(out)
    }

    async fn validation_rules(&self) -> Result<Vec<hoptac_core::rules::RuleRecord>> {
        let rows = sqlx::query("SELECT id, expression, severity, message_vi, message_en, active FROM validation_rules ORDER BY id").fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let sev: String = r.try_get(2)?;
                Ok(hoptac_core::rules::RuleRecord {
                    id: r.try_get(0)?,
                    expression: r.try_get(1)?,
                    severity: if sev == "error" {
                        hoptac_core::validate::Severity::Error
                    } else {
                        hoptac_core::validate::Severity::Warning
                    },
                    message_vi: r.try_get(3)?,
                    message_en: r.try_get(4)?,
                    active: r.try_get::<i64, _>(5)? != 0,
                })
            })
            .collect()
    }

    async fn save_validation_rule(
        &self,
        v: &hoptac_core::rules::RuleRecord,
        owner: Option<UnitId>,
        expect: Option<i64>,
        audit: &AuditEntry,
    ) -> Result<()> {
        let mut tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
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
        .bind(v.active as i64)
        .execute(&mut *tx)
        .await?;
        insert_audit(&mut tx, audit).await?;
        // the review reads the rules: what it computed from the old ones is stale
        super::changes::bump_generation(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn owner_scopes(
        &self,
        entity: &str,
    ) -> Result<std::collections::HashMap<String, UnitId>> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT key, unit_id FROM owner_scopes WHERE entity = $1 AND unit_id IS NOT NULL",
        )
        .bind(entity)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(k, u)| (k, UnitId(u))).collect())
    }
}
