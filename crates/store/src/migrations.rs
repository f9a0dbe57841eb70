//! Embedded migrations, shared by the adapters: each keeps its own numbered files and turns
//! them into a migrator here.

/// The migrator of `files` (`NNNN_name.sql`, text), described and checksummed as
/// `sqlx::migrate!` would (the file name's words, SHA-384 of the text), so databases it
/// migrated stay valid. A file starting `-- no-transaction` runs outside a transaction.
pub fn migrator(files: &'static [(&'static str, &'static str)]) -> sqlx::migrate::Migrator {
    use sqlx::migrate::{Migration, MigrationType, Migrator};
    Migrator::with_migrations(
        files
            .iter()
            .map(|(file, sql)| {
                let (version, rest) = file.split_once('_').expect("NNNN_name.sql");
                Migration::new(
                    version.parse().expect("a numbered migration"),
                    std::borrow::Cow::Owned(rest.trim_end_matches(".sql").replace('_', " ")),
                    MigrationType::Simple,
                    sqlx::SqlStr::from_static(sql),
                    sql.starts_with("-- no-transaction"),
                )
            })
            .collect(),
    )
}
