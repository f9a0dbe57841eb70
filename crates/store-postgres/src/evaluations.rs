//! Evaluations, classifications and rubric versions. Scores are `item=value` lines, as on
//! SQLite, so exact decimals survive and a copy between the backends is row for row.

use crate::changes::commit_audited;
use crate::cols::{PgColumns, moment};
use crate::db::{PgStore, begin_write};
use async_trait::async_trait;
use hoptac_core::{Date, OrgCode};
use hoptac_store::decode::{self, adjusted_text, scores_text, state_code};
use hoptac_store::{
    AuditEntry, Evaluations, Result, StoredClassification, StoredEvaluation, StoredRubric,
};

impl PgStore {
    /// Every stored evaluation of a year (or all), each read or the reason it cannot be.
    async fn evaluation_rows(&self, year: Option<i32>) -> Result<Vec<Result<StoredEvaluation>>> {
        let (lo, hi) = year.map_or((i32::MIN, i32::MAX), |y| (y, y));
        let rows = sqlx::query(
            "SELECT org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on \
             FROM evaluations WHERE year BETWEEN $1 AND $2 ORDER BY year, org_code",
        )
        .bind(lo)
        .bind(hi)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| decode::evaluation(&PgColumns(r)))
            .collect())
    }
}

#[async_trait]
impl Evaluations for PgStore {
    async fn evaluations(&self, year: Option<i32>) -> Result<Vec<StoredEvaluation>> {
        // a row that cannot be read is left out here and named by `unreadable_evaluations`
        Ok(self
            .evaluation_rows(year)
            .await?
            .into_iter()
            .filter_map(|r| r.ok())
            .collect())
    }

    async fn unreadable_evaluations(&self) -> Result<Vec<String>> {
        Ok(self
            .evaluation_rows(None)
            .await?
            .into_iter()
            .filter_map(|r| r.err())
            .map(|e| e.to_string())
            .collect())
    }

    async fn sheets_submitted(&self, rubric_id: &str) -> Result<Vec<(OrgCode, i32, Date)>> {
        let rows: Vec<(String, i32, Date)> = sqlx::query_as(
            "SELECT org_code, year, submitted_on FROM evaluations \
             WHERE rubric_id = $1 AND submitted_on IS NOT NULL ORDER BY year, org_code",
        )
        .bind(rubric_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(code, year, on)| Some((OrgCode::parse(&code)?, year, on)))
            .collect())
    }

    async fn save_evaluations(&self, evs: &[StoredEvaluation], audit: &[AuditEntry]) -> Result<()> {
        let mut tx = begin_write(&self.pool).await?;
        for s in evs {
            let e = &s.evaluation;
            sqlx::query(
                "INSERT INTO evaluations (org_code, year, rubric_id, rubric_version, state, self_scores, adjusted, submitted_on) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                 ON CONFLICT (org_code, year, rubric_id) DO UPDATE SET rubric_version = excluded.rubric_version, \
                 state = excluded.state, self_scores = excluded.self_scores, adjusted = excluded.adjusted, \
                 submitted_on = excluded.submitted_on",
            )
            .bind(s.org.as_str())
            .bind(s.year)
            .bind(&e.rubric_id)
            .bind(e.rubric_version as i64)
            .bind(state_code(e.state))
            .bind(scores_text(&e.self_scores))
            .bind(adjusted_text(&e.adjusted))
            .bind(e.submitted_on)
            .execute(&mut *tx)
            .await?;
        }
        commit_audited(tx, audit).await
    }

    async fn classifications(&self, year: Option<i32>) -> Result<Vec<StoredClassification>> {
        let (lo, hi) = year.map_or((i32::MIN, i32::MAX), |y| (y, y));
        sqlx::query(
            "SELECT org_code, year, supply, vsic, capital, agri_field FROM classifications \
             WHERE year BETWEEN $1 AND $2 ORDER BY year, org_code",
        )
        .bind(lo)
        .bind(hi)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| decode::classification(&PgColumns(r)))
        .collect()
    }

    async fn save_classifications(
        &self,
        cs: &[StoredClassification],
        audit: &[AuditEntry],
    ) -> Result<()> {
        let mut tx = begin_write(&self.pool).await?;
        for c in cs {
            let a = &c.axes;
            sqlx::query(
                "INSERT INTO classifications (org_code, year, supply, vsic, capital, agri_field) \
                 VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (org_code, year) DO UPDATE SET supply = excluded.supply, vsic = excluded.vsic, \
                 capital = excluded.capital, agri_field = excluded.agri_field",
            )
            .bind(c.org.as_str())
            .bind(c.year)
            .bind(a.supply.map(|s| s.code()))
            .bind(a.vsic.map(|v| v.to_string()))
            .bind(a.capital.map(|v| v.to_string()))
            .bind(a.agri_field.map(|f| f.code()))
            .execute(&mut *tx)
            .await?;
        }
        commit_audited(tx, audit).await
    }

    async fn rubric_versions(&self) -> Result<Vec<StoredRubric>> {
        sqlx::query(
            "SELECT rubric_id, version, document, note, loaded_by, loaded_at FROM rubric_versions \
             ORDER BY rubric_id, version",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| decode::rubric_version(&PgColumns(r)))
        .collect()
    }

    async fn add_rubric_version(&self, r: &StoredRubric, audit: &AuditEntry) -> Result<()> {
        let at = moment(&r.loaded_at)?;
        let mut tx = begin_write(&self.pool).await?;
        sqlx::query(
            "INSERT INTO rubric_versions (rubric_id, version, document, note, loaded_by, loaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&r.rubric_id)
        .bind(r.version as i64)
        .bind(&r.document)
        .bind(&r.note)
        .bind(&r.loaded_by)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        commit_audited(tx, std::slice::from_ref(audit)).await
    }
}
