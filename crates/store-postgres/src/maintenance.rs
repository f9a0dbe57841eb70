//! Backups of a PostgreSQL database are PostgreSQL's own work: hoptac says so instead of
//! pretending with a partial copy.

use crate::db::PgStore;
use async_trait::async_trait;
use hoptac_store::{Maintenance, Result, StoreError};

/// What `hoptac backup` answers on PostgreSQL.
pub const BACKUP_ADVICE: &str = "Cơ sở dữ liệu PostgreSQL được sao lưu bằng công cụ của PostgreSQL: \
`pg_dump -Fc -f hoptac.dump <tên CSDL>` (phục hồi: `pg_restore -d <tên CSDL> hoptac.dump`), hoặc \
`pg_basebackup` kèm lưu WAL để phục hồi đến một thời điểm. / A PostgreSQL database is backed up \
with PostgreSQL's tools: `pg_dump -Fc -f hoptac.dump <database>` (restore with `pg_restore -d \
<database> hoptac.dump`), or `pg_basebackup` with WAL archiving for point-in-time recovery.";

#[async_trait]
impl Maintenance for PgStore {
    async fn backup(&self, _path: &std::path::Path) -> Result<()> {
        Err(StoreError::Unsupported(BACKUP_ADVICE.to_string()))
    }
}
