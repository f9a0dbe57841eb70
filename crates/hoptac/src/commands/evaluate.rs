//! hoptac evaluate: the year’s evaluations, their summary, the province table.

use crate::commands::format::StatsFormat;
use crate::database::open;
use crate::location::Db;
use hoptac_app::Actor;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    #[arg(long)]
    pub(crate) year: i32,
    #[arg(long)]
    pub(crate) scope: Option<String>,
    /// The rubric (default TT01/2020)
    #[arg(long)]
    pub(crate) rubric: Option<String>,
    /// The summary (by rating, commune, sector, five years, who fell) instead of the list
    #[arg(long)]
    pub(crate) summary: bool,
    /// Write the summary for the province (18 December) to this file: a workbook, or the
    /// rating report in Word or PDF when the name ends in .docx or .pdf
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub(crate) format: StatsFormat,
}

pub(crate) async fn run(db: &Db, system: &Actor, args: Args) -> anyhow::Result<ExitCode> {
    let Args {
        year,
        scope,
        rubric,
        summary,
        output,
        format,
    } = args;
    let app = open(db).await?;
    let scope = crate::database::scope_or_office(&app, system, scope).await?;
    if let Some(path) = output {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let bytes = if ext == "pdf" {
            let d = app
                .evaluation_summary_official(system, year, scope.as_deref())
                .await?;
            hoptac_pdf::write_pdf(&d).map_err(|e| anyhow::anyhow!("pdf: {e}"))?
        } else if ext == "docx" {
            let d = app
                .evaluation_summary_official(system, year, scope.as_deref())
                .await?;
            hoptac_pdf::docx_with_charts(&d).map_err(|e| anyhow::anyhow!("docx: {e}"))?
        } else {
            app.evaluation_summary_xlsx(system, year, scope.as_deref())
                .await?
        };
        std::fs::write(&path, bytes).map_err(|e| {
            anyhow::anyhow!("không ghi được / cannot write {}: {e}", path.display())
        })?;
        eprintln!("{}", path.display());
    } else if summary {
        let s = app
            .evaluation_summary(system, year, scope.as_deref())
            .await?;
        match format {
            StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&s)?),
            StatsFormat::Table => crate::commands::rubric::print_summary(&s),
        }
    } else {
        let rows = app
            .evaluations(system, year, scope.as_deref(), rubric.as_deref())
            .await?;
        match format {
            StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&rows)?),
            StatsFormat::Table => crate::commands::rubric::print_evaluations(year, &rows),
        }
    }
    Ok(ExitCode::SUCCESS)
}
