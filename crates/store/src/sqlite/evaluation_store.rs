//! Evaluations, classifications and rubric versions: the trait, over `evaluations`.

use super::changes::*;
use super::db::*;
use crate::port::error::Result;
use crate::port::records::*;
use crate::port::traits::*;
use async_trait::async_trait;

#[async_trait]
impl Evaluations for SqliteStore {
    async fn evaluations(&self, year: Option<i32>) -> Result<Vec<StoredEvaluation>> {
        super::evaluations::load(&self.pool, year).await
    }

    async fn unreadable_evaluations(&self) -> Result<Vec<String>> {
        super::evaluations::unreadable(&self.pool).await
    }

    async fn sheets_submitted(
        &self,
        rubric_id: &str,
    ) -> Result<Vec<(hoptac_core::OrgCode, i32, hoptac_core::Date)>> {
        super::evaluations::submitted(&self.pool, rubric_id).await
    }

    async fn save_evaluations(&self, e: &[StoredEvaluation], audit: &[AuditEntry]) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        super::evaluations::save(&mut tx, e).await?;
        commit_audited(tx, audit).await
    }

    async fn classifications(&self, year: Option<i32>) -> Result<Vec<StoredClassification>> {
        super::evaluations::load_classifications(&self.pool, year).await
    }

    async fn save_classifications(
        &self,
        c: &[StoredClassification],
        audit: &[AuditEntry],
    ) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for one in c {
            super::evaluations::save_classification(&mut tx, one).await?;
        }
        commit_audited(tx, audit).await
    }

    async fn rubric_versions(&self) -> Result<Vec<StoredRubric>> {
        let rows = sqlx::query(
            "SELECT rubric_id, version, document, note, loaded_by, loaded_at FROM rubric_versions \
             ORDER BY rubric_id, version",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(crate::decode::rubric_version).collect()
    }

    async fn add_rubric_version(&self, r: &StoredRubric, audit: &AuditEntry) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO rubric_versions (rubric_id, version, document, note, loaded_by, loaded_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&r.rubric_id)
        .bind(r.version as i64)
        .bind(&r.document)
        .bind(&r.note)
        .bind(&r.loaded_by)
        .bind(&r.loaded_at)
        .execute(&mut *tx)
        .await?;
        commit_audited(tx, std::slice::from_ref(audit)).await
    }
}
