//! hoptac backup: a consistent copy of the database, safe while the server runs.

use crate::database::open;
use crate::location::Db;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    pub(crate) path: PathBuf,
}

pub(crate) async fn run(db: &Db, args: Args) -> anyhow::Result<ExitCode> {
    let Args { path } = args;
    let app = open(db).await?;
    anyhow::ensure!(
        !path.exists(),
        "tệp đã có / the file exists: {}",
        path.display()
    );
    app.store().backup(&path).await?;
    println!("Đã sao lưu / backed up to {}", path.display());
    Ok(ExitCode::SUCCESS)
}
