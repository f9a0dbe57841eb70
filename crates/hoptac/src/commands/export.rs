//! hoptac export: the whole database as a workbook.

use crate::database::open;
use crate::location::Db;
use anyhow::Context;
use hoptac_app::{Actor, ExportHeaders};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    pub(crate) path: PathBuf,
    /// Machine keys as headers instead of Vietnamese ones
    #[arg(long)]
    pub(crate) keys: bool,
}

pub(crate) async fn run(db: &Db, system: &Actor, args: Args) -> anyhow::Result<ExitCode> {
    let Args { path, keys } = args;
    let app = open(db).await?;
    let bytes = app
        .export_xlsx(
            system,
            if keys {
                ExportHeaders::Keys
            } else {
                ExportHeaders::Vietnamese
            },
        )
        .await?;
    std::fs::write(&path, bytes)
        .with_context(|| format!("ghi tệp / writing {}", path.display()))?;
    println!("Đã xuất / exported: {}", path.display());
    Ok(ExitCode::SUCCESS)
}
