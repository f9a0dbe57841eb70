//! The database file as a whole: the lock a server holds on it, restoring a backup over
//! it, and where the demo may be loaded.

use anyhow::Context;
use hoptac_app::{App, AppError};
use hoptac_store::SqliteStore;
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
pub(crate) async fn restore(db: &Path, backup: &Path) -> anyhow::Result<()> {
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
pub(crate) async fn demo_allowed(app: &App, db: &Path) -> anyhow::Result<()> {
    let c = app.store().counts().await?;
    let accounts = app.store().accounts().await?;
    if app.is_demo().await? || (c.orgs == 0 && c.units == 0 && accounts.is_empty()) {
        return Ok(());
    }
    Err(AppError::invalid(
        "--demo",
        db.display().to_string(),
        hoptac_core::msg!(
            "cli.database_holds_real_data",
            db = db.display(),
            orgs = c.orgs,
            units = c.units,
            accounts = accounts.len()
        ),
    )
    .into())
}

/// The application on the database file, the seed units in place.
pub(crate) async fn open(db: &Path) -> anyhow::Result<App> {
    let store = SqliteStore::open(db)
        .await
        .with_context(|| format!("mở cơ sở dữ liệu / opening the database {}", db.display()))?;
    let app = App::new(std::sync::Arc::new(store));
    app.ensure_seed().await?;
    Ok(app)
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
