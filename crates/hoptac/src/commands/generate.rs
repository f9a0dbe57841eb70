//! hoptac generate: a synthetic province workbook for benchmarks.

use hoptac_app::ExportHeaders;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    pub(crate) path: PathBuf,
    #[command(flatten)]
    pub(crate) size: SizeArgs,
}

/// The size of the synthetic data (`hoptac_demo::synthetic::Size`); the defaults are the
/// province of BENCHMARKS.md.
#[derive(clap::Args)]
pub(crate) struct SizeArgs {
    #[arg(long, default_value_t = 1000)]
    pub(crate) htx: usize,
    #[arg(long, default_value_t = 5000)]
    pub(crate) tht: usize,
    #[arg(long, default_value_t = 10)]
    pub(crate) years: i32,
    /// Provinces of 180 communes each, the organisations spread over all of them
    #[arg(long, default_value_t = 1)]
    pub(crate) provinces: usize,
    /// Managers per organisation
    #[arg(long, default_value_t = 1)]
    pub(crate) managers: usize,
    /// Years before the first reported year over which founding dates are spread
    #[arg(long, default_value_t = 5)]
    pub(crate) history: i32,
    /// Live through a reorganisation on 1 July 2025 (districts end, communes merge 3 into 1)
    #[arg(long)]
    pub(crate) reform: bool,
}

impl SizeArgs {
    pub(crate) fn size(&self) -> hoptac_demo::synthetic::Size {
        hoptac_demo::synthetic::Size {
            htx: self.htx,
            tht: self.tht,
            years: self.years,
            provinces: self.provinces,
            managers: self.managers,
            history: self.history,
            reform: self.reform,
        }
    }
}

pub(crate) async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Args { path, size } = args;
    let snap = hoptac_demo::synthetic::province(&size.size());
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
