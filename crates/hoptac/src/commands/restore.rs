//! hoptac restore: replace the database with a checked backup.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    pub(crate) path: PathBuf,
}

pub(crate) async fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let Args { path } = args;
    crate::database::restore(db, &path).await?;
    println!(
        "Đã khôi phục / restored {} from {}",
        db.display(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
