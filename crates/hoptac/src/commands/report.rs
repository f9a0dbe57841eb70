//! hoptac report: the situation report, the plan assessment, the rating report and an
//! organisation's profile, in Markdown, HTML, Word, PDF or the Excel annex.

use crate::database::open;
use crate::location::Db;
use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use hoptac_app::{Actor, App};
use hoptac_core::report::{escape_html, render_html, render_md};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub(crate) enum ReportKind {
    /// The year's rating report (kết quả đánh giá, phân loại); xlsx: the province table
    Ratings {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        scope: Option<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// One organisation's profile (hồ sơ tổ chức)
    Org {
        #[arg(long)]
        code: String,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Part A of the plan: the situation of the collective economy (báo cáo tình hình)
    Situation {
        #[arg(long)]
        from: i32,
        #[arg(long)]
        to: i32,
        #[arg(long)]
        scope: Option<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Write to this file instead of standard output
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// The assessment of a plan, target by target (đánh giá thực hiện kế hoạch)
    Plan {
        #[arg(long)]
        plan: String,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// The final assessment of a plan (báo cáo tổng kết): every target on the plan's ground
    /// as it is at the plan's end, and by the units now making it up
    Closing {
        #[arg(long)]
        plan: String,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// The draft of the next plan for one unit (dự thảo kế hoạch), each target proposed from
    /// the trend; `--save` stores it as a new plan to edit
    NextPlan {
        /// The plan whose targets are proposed again
        #[arg(long)]
        plan: String,
        /// The unit the new plan is for: code or name
        #[arg(long)]
        unit: String,
        #[arg(long, default_value_t = 2026)]
        from: i32,
        #[arg(long, default_value_t = 2030)]
        to: i32,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        #[arg(long)]
        output: Option<PathBuf>,
        /// Store the draft as a new plan (lưu thành kế hoạch mới để chỉnh sửa)
        #[arg(long)]
        save: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ReportFormat {
    Md,
    Html,
    /// Word, in the state's document format (Decree 30/2020)
    Docx,
    /// PDF, the same layout, fonts embedded
    Pdf,
    /// The Excel annex (situation report)
    Xlsx,
}

pub(crate) async fn run(db: &Db, system: &Actor, kind: ReportKind) -> anyhow::Result<ExitCode> {
    match kind {
        ReportKind::Closing {
            plan,
            format,
            output,
        } => {
            let app = open(db).await?;
            if matches!(format, ReportFormat::Xlsx) {
                let bytes = app.plan_closing_xlsx(system, &plan).await?;
                write_bytes(&bytes, output)?;
                return Ok(ExitCode::SUCCESS);
            }
            let c = app.plan_closing(system, &plan).await?;
            write_doc(&app, &c.document(), format, output).await?;
        }
        ReportKind::NextPlan {
            plan,
            unit,
            from,
            to,
            format,
            output,
            save,
        } => {
            let app = open(db).await?;
            let d = app
                .next_plan_draft(system, &plan, &unit, (from, to))
                .await?;
            if save {
                let p = app.save_next_plan(system, &plan, &unit, (from, to)).await?;
                eprintln!(
                    "Đã lưu dự thảo thành kế hoạch {} / the draft is stored as plan {}",
                    p.code, p.code
                );
            }
            if matches!(format, ReportFormat::Xlsx) {
                anyhow::bail!("dự thảo không có phụ lục Excel / the draft has no Excel annex");
            }
            write_doc(&app, &d.document(), format, output).await?;
        }
        ReportKind::Plan {
            plan,
            year,
            format,
            output,
        } => {
            let app = open(db).await?;
            if matches!(format, ReportFormat::Xlsx) {
                let bytes = app.plan_xlsx(system, &plan, year).await?;
                write_bytes(&bytes, output)?;
                return Ok(ExitCode::SUCCESS);
            }
            let p = app.plan_progress(system, &plan, year).await?;
            let doc = p.assessment();
            write_doc(&app, &doc, format, output).await?;
        }
        ReportKind::Situation {
            from,
            to,
            scope,
            format,
            output,
        } => {
            let app = open(db).await?;
            let scope = crate::database::scope_or_office(&app, system, scope).await?;
            if matches!(format, ReportFormat::Xlsx) {
                let bytes = app
                    .situation_xlsx(system, from, to, scope.as_deref())
                    .await?;
                write_bytes(&bytes, output)?;
            } else if matches!(format, ReportFormat::Docx | ReportFormat::Pdf) {
                let d = app
                    .situation_official(system, from, to, scope.as_deref())
                    .await?;
                write_official(&d, format, output)?;
            } else {
                let doc = app
                    .situation_report(system, from, to, scope.as_deref())
                    .await?;
                write_doc(&app, &doc, format, output).await?;
            }
        }
        ReportKind::Ratings {
            year,
            scope,
            format,
            output,
        } => {
            let app = open(db).await?;
            let scope = crate::database::scope_or_office(&app, system, scope).await?;
            if matches!(format, ReportFormat::Xlsx) {
                let bytes = app
                    .evaluation_summary_xlsx(system, year, scope.as_deref())
                    .await?;
                write_bytes(&bytes, output)?;
            } else {
                let d = app
                    .evaluation_summary_official(system, year, scope.as_deref())
                    .await?;
                match format {
                    ReportFormat::Md | ReportFormat::Html => {
                        write_doc(&app, &d.body, format, output).await?
                    }
                    _ => write_official(&d, format, output)?,
                }
            }
        }
        ReportKind::Org {
            code,
            format,
            output,
        } => {
            let app = open(db).await?;
            let doc = app.org_profile_official(system, &code).await?;
            match format {
                ReportFormat::Pdf | ReportFormat::Docx => write_official(&doc, format, output)?,
                ReportFormat::Xlsx => anyhow::bail!(
                    "hồ sơ tổ chức không có phụ lục Excel; dùng hoptac export / the profile has no Excel annex; use hoptac export"
                ),
                ReportFormat::Md | ReportFormat::Html => {
                    write_doc(&app, &doc.body, format, output).await?
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) async fn write_doc(
    app: &App,
    doc: &hoptac_core::report::Document,
    format: ReportFormat,
    output: Option<PathBuf>,
) -> anyhow::Result<()> {
    let text = match format {
        ReportFormat::Docx | ReportFormat::Pdf => {
            let d = app
                .official_doc(doc.clone(), hoptac_core::official::DocKind::Report, vec![])
                .await?;
            return write_official(&d, format, output);
        }
        // every report with an annex writes it before reaching here
        ReportFormat::Xlsx => {
            anyhow::bail!("báo cáo này không có phụ lục Excel / this report has no Excel annex")
        }
        ReportFormat::Md => render_md(doc),
        ReportFormat::Html => format!(
            "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{}</title><style>body{{font-family:'Times New Roman',serif;max-width:50rem;margin:2rem auto;text-align:justify}}h1{{text-align:center;font-size:1.2rem}}</style></head><body>{}</body></html>\n",
            escape_html(&doc.title),
            render_html(doc, &|id| format!("#{id}"))
        ),
    };
    match output {
        Some(p) => std::fs::write(&p, text)
            .with_context(|| format!("ghi tệp / writing {}", p.display()))?,
        None => print!("{text}"),
    }
    Ok(())
}

/// An official text as Word (charts drawn) or PDF, saying which settings it lacked.
pub(crate) fn write_official(
    d: &hoptac_core::official::OfficialDoc,
    format: ReportFormat,
    output: Option<PathBuf>,
) -> anyhow::Result<()> {
    for m in d.issuer.missing() {
        eprintln!(
            "chưa cấu hình / not set: {} ({}) — /settings/documents",
            m.vi, m.en
        );
    }
    let bytes = match format {
        ReportFormat::Pdf => hoptac_pdf::write_pdf(d),
        _ => hoptac_pdf::docx_with_charts(d),
    }
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    write_bytes(&bytes, output)
}

/// A binary file: to `output`, or to standard output when it is not a terminal.
pub(crate) fn write_bytes(bytes: &[u8], output: Option<PathBuf>) -> anyhow::Result<()> {
    use std::io::{IsTerminal, Write};
    match output {
        Some(p) => std::fs::write(&p, bytes)
            .with_context(|| format!("ghi tệp / writing {}", p.display()))?,
        None if std::io::stdout().is_terminal() => {
            anyhow::bail!("tệp nhị phân: dùng --output / a binary file: use --output")
        }
        None => std::io::stdout().write_all(bytes)?,
    }
    Ok(())
}
