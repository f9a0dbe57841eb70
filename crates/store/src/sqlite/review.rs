//! Review cases, merges (with their archive, for undo) and reporting-year locks.

use super::changes::*;
use super::db::*;
use crate::port::error::Result;
use crate::port::records::*;
use crate::port::traits::*;
use async_trait::async_trait;
use hoptac_core::date::to_iso;
use hoptac_core::model::UnitId;
use hoptac_core::{Date, OrgCode};
use sqlx::{Row, Sqlite};

/// Accounts scoped to organisation `from` (by username) now act for `to`: a merge and its undo.
pub(super) async fn move_org_accounts(
    tx: &mut sqlx::Transaction<'static, Sqlite>,
    users: &[String],
    from: &str,
    to: &str,
) -> Result<()> {
    for user in users {
        sqlx::query("UPDATE accounts SET scope_value = $1 WHERE username = $2 AND scope_kind = 'org' AND scope_value = $3")
            .bind(to)
            .bind(user)
            .bind(from)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

#[async_trait]
impl Review for SqliteStore {
    async fn cases(&self) -> Result<Vec<StoredCase>> {
        let rows = sqlx::query("SELECT id, rule, org_code, since, evidence, opened_at, closed_at, closed_reason FROM cases ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        let actions = sqlx::query(
            "SELECT case_id, at, actor, action, note, on_date FROM case_actions ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut by_case: std::collections::HashMap<i64, Vec<CaseAction>> = Default::default();
        for a in &actions {
            by_case
                .entry(crate::decode::int(a, 0, "case_actions")?)
                .or_default()
                .push(crate::decode::case_action(a, 1)?);
        }
        rows.iter()
            .map(|r| {
                let id = crate::decode::int(r, 0, "cases")?;
                crate::decode::stored_case(r, by_case.remove(&id).unwrap_or_default())
            })
            .collect()
    }

    async fn sync_cases(
        &self,
        open: &[(String, OrgCode, Date, String)],
        close: &[(i64, String)],
        at: &str,
        audit: &[AuditEntry],
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for e in audit {
            insert_audit(&mut tx, e).await?;
        }
        for (rule, org, since, evidence) in open {
            sqlx::query("INSERT INTO cases (rule, org_code, since, evidence, opened_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(rule)
                .bind(org.as_str())
                .bind(to_iso(*since))
                .bind(evidence)
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        for (id, reason) in close {
            sqlx::query("UPDATE cases SET closed_at = $1, closed_reason = $2 WHERE id = $3 AND closed_at IS NULL").bind(at).bind(reason).bind(id).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn add_case_action(
        &self,
        case_id: i64,
        a: &CaseAction,
        close: Option<&str>,
        changes: &ChangeSet,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO case_actions (case_id, at, actor, action, note, on_date) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(case_id)
            .bind(&a.at)
            .bind(&a.actor)
            .bind(&a.action)
            .bind(&a.note)
            .bind(opt_iso(a.on_date))
            .execute(&mut *tx)
            .await?;
        if let Some(reason) = close {
            sqlx::query("UPDATE cases SET closed_at = $1, closed_reason = $2 WHERE id = $3")
                .bind(&a.at)
                .bind(reason)
                .bind(case_id)
                .execute(&mut *tx)
                .await?;
        }
        apply_in(&mut tx, changes).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn reopen_case(&self, case_id: i64, a: &CaseAction, changes: &ChangeSet) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO case_actions (case_id, at, actor, action, note, on_date) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(case_id)
            .bind(&a.at)
            .bind(&a.actor)
            .bind(&a.action)
            .bind(&a.note)
            .bind(opt_iso(a.on_date))
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE cases SET closed_at = NULL, closed_reason = NULL WHERE id = $1")
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        apply_in(&mut tx, changes).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn merge_orgs(&self, m: &MergeRecord, audit: &[AuditEntry]) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        for y in &m.moved_years {
            sqlx::query(
                "UPDATE annual_reports SET org_code = $1 WHERE org_code = $2 AND year = $3",
            )
            .bind(&m.keep)
            .bind(&m.drop)
            .bind(*y as i64)
            .execute(&mut *tx)
            .await?;
        }
        for (name, role, from) in &m.moved_managers {
            sqlx::query("UPDATE managers SET org_code = $1 WHERE org_code = $2 AND full_name = $3 AND role = $4 AND COALESCE(from_date, '') = $5")
                .bind(&m.keep)
                .bind(&m.drop)
                .bind(name)
                .bind(role)
                .bind(from)
                .execute(&mut *tx)
                .await?;
        }
        for id in &m.case_ids {
            sqlx::query("UPDATE cases SET org_code = $1 WHERE id = $2")
                .bind(&m.keep)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        move_org_accounts(&mut tx, &m.moved_accounts, &m.drop, &m.keep).await?;
        let [years, managers, cases, accounts] = crate::decode::merge_lists(m);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO merges (at, actor, keep_code, drop_code, moved_years, moved_managers, case_ids, archive, moved_accounts) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(&m.at)
        .bind(&m.actor)
        .bind(&m.keep)
        .bind(&m.drop)
        .bind(years)
        .bind(managers)
        .bind(cases)
        .bind(&m.archive)
        .bind(accounts)
        .fetch_one(&mut *tx)
        .await?;
        // evaluations, classifications and registered services are kept row for row
        for sql in [
            "INSERT INTO merged_evaluations SELECT $1, org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on FROM evaluations WHERE org_code = $2",
            "INSERT INTO merged_classifications SELECT $1, org_code, year, supply, vsic, capital, agri_field FROM classifications WHERE org_code = $2",
            "INSERT INTO merged_registered_services SELECT $1, org_code, service FROM registered_services WHERE org_code = $2",
        ] {
            sqlx::query(sql)
                .bind(id)
                .bind(&m.drop)
                .execute(&mut *tx)
                .await?;
        }
        // what did not move (a year both had, a manager both list) lives on in the archive
        sqlx::query("DELETE FROM annual_reports WHERE org_code = $1")
            .bind(&m.drop)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM managers WHERE org_code = $1")
            .bind(&m.drop)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "DELETE FROM case_actions WHERE case_id IN (SELECT id FROM cases WHERE org_code = $1)",
        )
        .bind(&m.drop)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM cases WHERE org_code = $1")
            .bind(&m.drop)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM organizations WHERE code = $1")
            .bind(&m.drop)
            .execute(&mut *tx)
            .await?;
        commit_audited(tx, audit).await?;
        Ok(id)
    }

    async fn merges(&self) -> Result<Vec<MergeRecord>> {
        let rows = sqlx::query("SELECT id, at, actor, keep_code, drop_code, moved_years, moved_managers, case_ids, archive, undone_at, moved_accounts FROM merges ORDER BY id DESC")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| crate::decode::merge(r, r.try_get(8)?))
            .collect()
    }

    async fn undo_merge(
        &self,
        m: &MergeRecord,
        restore: &ChangeSet,
        at: &str,
        audit: &[AuditEntry],
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for e in audit {
            insert_audit(&mut tx, e).await?;
        }
        // the organisation first: what moves back refers to it
        apply_in(
            &mut tx,
            &ChangeSet {
                orgs: restore.orgs.clone(),
                ..Default::default()
            },
        )
        .await?;
        for y in &m.moved_years {
            sqlx::query("DELETE FROM annual_reports WHERE org_code = $1 AND year = $2")
                .bind(&m.keep)
                .bind(*y as i64)
                .execute(&mut *tx)
                .await?;
        }
        for (name, role, from) in &m.moved_managers {
            sqlx::query("DELETE FROM managers WHERE org_code = $1 AND full_name = $2 AND role = $3 AND COALESCE(from_date, '') = $4").bind(&m.keep).bind(name).bind(role).bind(from).execute(&mut *tx).await?;
        }
        move_org_accounts(&mut tx, &m.moved_accounts, &m.keep, &m.drop).await?;
        for id in &m.case_ids {
            sqlx::query("UPDATE cases SET org_code = $1 WHERE id = $2")
                .bind(&m.drop)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        apply_in(
            &mut tx,
            &ChangeSet {
                orgs: vec![],
                ..restore.clone()
            },
        )
        .await?;
        for sql in [
            "INSERT INTO evaluations (org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on) SELECT org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on FROM merged_evaluations WHERE merge_id = $1",
            "INSERT INTO classifications (org_code, year, supply, vsic, capital, agri_field) SELECT org_code, year, supply, vsic, capital, agri_field FROM merged_classifications WHERE merge_id = $1",
            "INSERT OR IGNORE INTO registered_services (org_code, service) SELECT org_code, service FROM merged_registered_services WHERE merge_id = $1",
        ] {
            sqlx::query(sql).bind(m.id).execute(&mut *tx).await?;
        }
        sqlx::query("UPDATE merges SET undone_at = $1 WHERE id = $2")
            .bind(at)
            .bind(m.id)
            .execute(&mut *tx)
            .await?;
        bump_generation(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn reporting_locks(&self) -> Result<Vec<crate::port::records::ReportingLock>> {
        let rows: Vec<(i64, i64, Option<i64>, String, String, String, String)> = sqlx::query_as(
            "SELECT id, year, unit_id, action, reason, actor, at FROM reporting_locks ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, year, unit, action, reason, actor, at)| {
                crate::port::records::ReportingLock {
                    id,
                    year: year as i32,
                    unit: unit.map(UnitId),
                    closed: action == "close",
                    reason,
                    actor,
                    at,
                }
            })
            .collect())
    }

    async fn add_reporting_lock(
        &self,
        l: &crate::port::records::ReportingLock,
        audit: &AuditEntry,
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO reporting_locks (year, unit_id, action, reason, actor, at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(l.year as i64)
        .bind(l.unit.map(|u| u.0))
        .bind(if l.closed { "close" } else { "reopen" })
        .bind(&l.reason)
        .bind(&l.actor)
        .bind(&l.at)
        .execute(&mut *tx)
        .await?;
        commit_audited(tx, std::slice::from_ref(audit)).await
    }
}
