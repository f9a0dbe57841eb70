//! hoptac restore: replace the database with a checked backup.

use crate::location::Db;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    pub(crate) path: PathBuf,
}

pub(crate) async fn run(db: &Db, args: Args) -> anyhow::Result<ExitCode> {
    let Args { path } = args;
    crate::database::restore(db, &path).await?;
    println!("Đã khôi phục / restored {} from {}", db, path.display());
    Ok(ExitCode::SUCCESS)
}
