//! The database as a whole: opening it by location (a SQLite file or a PostgreSQL server),
//! migrating it, the lock a server holds on a file, restoring a backup over a file, and
//! where the demo may be loaded.

use crate::location::Db;
use anyhow::Context;
use hoptac_app::{App, AppError};
use hoptac_store::SqliteStore;
use hoptac_store_postgres::PgStore;
use std::path::{Path, PathBuf};

/// `<database>-wal`, `<database>-shm`, `<database>.lock`: SQLite names its side files by
/// appending to the whole file name, whatever the database is called.
pub(crate) fn side_file(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// The lock a running server holds on its database (`<database>.lock`, an advisory file
/// lock the system drops when the process ends, however it ends). `restore` takes it too,
/// so it cannot replace a file a server is writing.
pub(crate) fn lock_database(db: &Path) -> anyhow::Result<std::fs::File> {
    let path = side_file(db, ".lock");
    let f = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("không mở được / cannot open {}", path.display()))?;
    match f.try_lock() {
        Ok(()) => Ok(f),
        Err(std::fs::TryLockError::WouldBlock) => Err(AppError::invalid(
            "database",
            db.display().to_string(),
            hoptac_core::msg!("cli.database_in_use", db = db.display()),
        )
        .into()),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(anyhow::Error::new(e).context(format!("khóa / locking {}", path.display())))
        }
    }
}

/// Checks a backup on a copy, then puts it in place of the database and checks the result.
/// Refused while a server holds the database: its acknowledged writes would be lost.
pub(crate) async fn restore(db: &Db, backup: &Path) -> anyhow::Result<()> {
    let Some(db) = db.file() else {
        anyhow::bail!(
            "Cơ sở dữ liệu PostgreSQL được phục hồi bằng `pg_restore` (hoặc từ bản `pg_basebackup`), \
             không bằng hoptac / a PostgreSQL database is restored with `pg_restore` (or from a \
             `pg_basebackup`), not by hoptac"
        );
    };
    anyhow::ensure!(
        backup.is_file(),
        "không có tệp sao lưu / no backup file {}",
        backup.display()
    );
    let _lock = lock_database(db)?;
    let tmp = side_file(db, ".restore-check");
    std::fs::copy(backup, &tmp)
        .with_context(|| format!("sao chép / copying {}", backup.display()))?;
    let check = async {
        let store = SqliteStore::open(&tmp).await?;
        let verdict = store.integrity_check().await?;
        anyhow::ensure!(verdict == "ok", "tệp sao lưu hỏng / the backup is damaged: {verdict}");
        let c = hoptac_store::Registry::counts(&store).await?;
        println!("Tệp sao lưu hợp lệ / backup checked: {} đơn vị/units, {} tổ chức/organisations, {} báo cáo/reports", c.units, c.orgs, c.reports);
        store.close().await;
        Ok(c)
    }
    .await;
    let expected = match check {
        Ok(c) => c,
        Err(e) => {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(side_file(&tmp, suffix));
            }
            return Err(e);
        }
    };
    // the old database's journal must not be replayed onto the restored file
    for suffix in ["-wal", "-shm"] {
        let f = side_file(db, suffix);
        if f.exists() {
            std::fs::remove_file(&f).with_context(|| format!("xóa / removing {}", f.display()))?;
        }
    }
    std::fs::rename(&tmp, db).with_context(|| format!("thay tệp / replacing {}", db.display()))?;
    // what is in place now is what was checked
    let store = SqliteStore::open(db).await?;
    let verdict = store.integrity_check().await?;
    let c = hoptac_store::Registry::counts(&store).await?;
    store.close().await;
    anyhow::ensure!(
        verdict == "ok" && c == expected,
        "khôi phục không đúng / the restored database does not match the backup: {verdict}, {c:?} ≠ {expected:?}"
    );
    Ok(())
}

/// `--demo` loads illustrative data and accounts with a public password: only into an
/// empty database or one that already holds the demo, never beside real records.
pub(crate) async fn demo_allowed(app: &App, db: &Db) -> anyhow::Result<()> {
    let c = app.store().counts().await?;
    let accounts = app.store().accounts().await?;
    if app.is_demo().await? || (c.orgs == 0 && c.units == 0 && accounts.is_empty()) {
        return Ok(());
    }
    Err(AppError::invalid(
        "--demo",
        db.to_string(),
        hoptac_core::msg!(
            "cli.database_holds_real_data",
            db = db,
            orgs = c.orgs,
            units = c.units,
            accounts = accounts.len()
        ),
    )
    .into())
}

/// The application on the database, the seed units in place. A SQLite file is brought up to
/// date as it opens (it belongs to this binary alone); a PostgreSQL database must be at
/// this hoptac's schema already (`hoptac migrate`), and one migrated by a newer hoptac is
/// refused.
pub(crate) async fn open(db: &Db) -> anyhow::Result<App> {
    let context = || format!("mở cơ sở dữ liệu / opening the database {db}");
    let store: std::sync::Arc<dyn hoptac_store::Store> = match db {
        Db::File(path) => std::sync::Arc::new(SqliteStore::open(path).await.with_context(context)?),
        Db::Server(url) => {
            let store = PgStore::connect(url).await.with_context(context)?;
            schema_in_step(db, &store, false).await?;
            std::sync::Arc::new(store)
        }
    };
    let app = App::new(store);
    app.ensure_seed().await?;
    Ok(app)
}

/// The schema version of a PostgreSQL database, refused when a newer hoptac migrated it
/// and, unless about to migrate, when it is behind this hoptac.
pub(crate) async fn schema_in_step(
    db: &Db,
    store: &PgStore,
    migrating: bool,
) -> anyhow::Result<i64> {
    let at = store.current_version().await?;
    let need = hoptac_store_postgres::schema_version();
    let msg = if at > need {
        hoptac_core::msg!("cli.database_newer", db = db, at = at, need = need)
    } else if at < need && !migrating {
        hoptac_core::msg!("cli.database_not_migrated", db = db, at = at, need = need)
    } else {
        return Ok(at);
    };
    Err(AppError::invalid("database", db.to_string(), msg).into())
}

/// `hoptac migrate`: brings the schema up to date and says where it stands.
pub(crate) async fn migrate(db: &Db) -> anyhow::Result<()> {
    let context = || format!("nâng cấp cơ sở dữ liệu / migrating the database {db}");
    match db {
        Db::File(path) => {
            SqliteStore::open(path)
                .await
                .with_context(context)?
                .close()
                .await;
            println!("Đã nâng cấp / migrated {db} (SQLite)");
        }
        Db::Server(url) => {
            let store = PgStore::connect(url).await.with_context(context)?;
            let before = schema_in_step(db, &store, true).await?;
            store.migrate().await.with_context(context)?;
            let after = store.current_version().await?;
            store.close().await;
            println!("Đã nâng cấp / migrated {db}: lược đồ / schema {before} → {after}");
        }
    }
    Ok(())
}

/// The scope a command was given, or, without `--scope`, the office's unit when one was
/// chosen (`--scope ""` asks for the whole database).
pub(crate) async fn scope_or_office(
    app: &App,
    system: &hoptac_app::Actor,
    scope: Option<String>,
) -> anyhow::Result<Option<String>> {
    Ok(match scope {
        Some(s) => Some(s),
        None => Some(app.default_scope(system).await?).filter(|s| !s.is_empty()),
    })
}
