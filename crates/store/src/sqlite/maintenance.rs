//! A consistent copy of the database (VACUUM INTO), safe while the server runs.

use super::db::*;
use crate::port::error::Result;
use crate::port::traits::*;
use async_trait::async_trait;

#[async_trait]
impl Maintenance for SqliteStore {
    async fn backup(&self, path: &std::path::Path) -> Result<()> {
        let target = path.to_string_lossy().to_string();
        // VACUUM INTO reads one consistent snapshot while writers carry on (WAL)
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
