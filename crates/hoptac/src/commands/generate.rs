//! hoptac generate: a synthetic province workbook for benchmarks.

use hoptac_app::ExportHeaders;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    pub(crate) path: PathBuf,
    #[arg(long, default_value_t = 1000)]
    pub(crate) htx: usize,
    #[arg(long, default_value_t = 5000)]
    pub(crate) tht: usize,
    #[arg(long, default_value_t = 10)]
    pub(crate) years: i32,
}

pub(crate) async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Args {
        path,
        htx,
        tht,
        years,
    } = args;
    let snap = hoptac_demo::synthetic::province(&hoptac_demo::synthetic::Size { htx, tht, years });
    let bytes =
        hoptac_exchange::write::write_xlsx(&snap, Default::default(), ExportHeaders::Vietnamese)?;
    std::fs::write(&path, bytes)?;
    println!(
        "{}: {} tổ chức/organisations, {} báo cáo/reports",
        path.display(),
        snap.orgs.len(),
        snap.reports.len()
    );
    Ok(ExitCode::SUCCESS)
}
