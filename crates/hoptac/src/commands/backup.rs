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
    match app.store().backup(&path).await {
        Ok(()) => {}
        // a database server is backed up by its own tools: said as a refusal, not a fault
        Err(hoptac_store::StoreError::Unsupported(advice)) => {
            eprintln!("{advice}");
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    }
    println!("Đã sao lưu / backed up to {}", path.display());
    Ok(ExitCode::SUCCESS)
}
