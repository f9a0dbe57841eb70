//! hoptac books: cooperatives' books from the command line — which organisations keep them,
//! a year's statements (JSON or the forms' workbook), the journal hledger reads, an existing
//! year imported from a workbook, and the year closed or reopened.

use crate::database::open;
use crate::location::Db;
use clap::ValueEnum;
use hoptac_app::Actor;
use hoptac_core::OrgCode;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum StatementsFormat {
    Json,
    Xlsx,
}

#[derive(clap::Subcommand)]
pub(crate) enum BooksCmd {
    /// The organisations keeping books here and their years (đơn vị có sổ kế toán)
    List {
        #[arg(long, value_enum, default_value = "text")]
        format: ListFormat,
    },
    /// B01-HTX, B02-HTX and F01-HTX of one year (báo cáo tài chính)
    Statements {
        #[arg(long)]
        org: String,
        #[arg(long)]
        year: i32,
        #[arg(long, value_enum, default_value = "json")]
        format: StatementsFormat,
        /// Where the workbook is written (required for xlsx)
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// The year's journal in hledger's format, on standard output (sổ nhật ký cho hledger)
    Journal {
        #[arg(long)]
        org: String,
        #[arg(long)]
        year: i32,
    },
    /// Import an existing year from a workbook: sheets so_du_dau_nam and chung_tu, all or nothing
    Import {
        file: PathBuf,
        #[arg(long)]
        org: String,
        #[arg(long)]
        year: i32,
    },
    /// Close the year: revenue and costs carried to 911 and the result to 421 (khóa sổ)
    Close {
        #[arg(long)]
        org: String,
        #[arg(long)]
        year: i32,
    },
    /// Measure postings per second beside hledger, and a cooperative's year through the
    /// service on the demo (the books' rows of BENCHMARKS.md)
    Bench {
        /// Postings of each synthetic journal
        #[arg(long, value_delimiter = ',', default_values_t = [100_000usize, 1_000_000])]
        postings: Vec<usize>,
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// Reopen a closed year, with a reason (mở lại sổ)
    Reopen {
        #[arg(long)]
        org: String,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        reason: String,
    },
}

fn org_code(s: &str) -> anyhow::Result<OrgCode> {
    OrgCode::parse(s.trim())
        .ok_or_else(|| anyhow::anyhow!("mã tổ chức không hợp lệ / not an organisation code: {s:?}"))
}

/// The version of a year as stored now (0: not kept yet): the command line acts on what it
/// reads, at once.
async fn version(
    app: &hoptac_app::App,
    system: &Actor,
    org: &OrgCode,
    year: i32,
) -> anyhow::Result<i64> {
    Ok(match app.ledger(system, org, year).await {
        Ok(v) => v.stored.version,
        Err(hoptac_app::AppError::NotFound { .. }) => 0,
        Err(e) => return Err(e.into()),
    })
}

pub(crate) async fn run(db: &Db, system: &Actor, cmd: BooksCmd) -> anyhow::Result<ExitCode> {
    if let BooksCmd::Bench { postings, runs } = &cmd {
        // its own demo in a temporary file: the user's database is not touched
        let dir = std::env::temp_dir().join(format!("hoptac-bench-books-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let demo = open(&Db::File(dir.join("bench.db"))).await?;
        hoptac_demo::load_demo(&demo).await?;
        let done =
            crate::commands::bench_books::run(Some(&demo), (*runs).max(1), postings, &dir).await;
        let _ = std::fs::remove_dir_all(&dir);
        done?;
        return Ok(ExitCode::SUCCESS);
    }
    let app = open(db).await?;
    match cmd {
        BooksCmd::List { format } => {
            let kept = app.ledgers(system).await?;
            match format {
                ListFormat::Json => {
                    let out: Vec<serde_json::Value> = (kept.iter())
                        .map(|l| {
                            serde_json::json!({
                                "org": l.org.as_str(),
                                "name": l.name,
                                "years": l.years.iter().map(|y| y.year).collect::<Vec<_>>(),
                                "closed": l.years.iter().filter(|y| y.closed).map(|y| y.year).collect::<Vec<_>>(),
                            })
                        })
                        .collect();
                    println!("{}", serde_json::to_string_pretty(&out)?);
                }
                ListFormat::Text => {
                    for l in &kept {
                        let years: Vec<String> = (l.years.iter())
                            .map(|y| {
                                format!(
                                    "{}{} ({} chứng từ)",
                                    y.year,
                                    if y.closed { " đã khóa sổ" } else { "" },
                                    y.vouchers
                                )
                            })
                            .collect();
                        println!("{:<12} {:<36} {}", l.org.as_str(), l.name, years.join("; "));
                    }
                }
            }
        }
        BooksCmd::Statements {
            org,
            year,
            format,
            output,
        } => {
            let org = org_code(&org)?;
            match format {
                StatementsFormat::Json => {
                    let s = app.statements(system, &org, year).await?;
                    println!(
                        "{}",
                        serde_json::to_string_pretty(&hoptac_app::books::statements_json(&s))?
                    );
                }
                StatementsFormat::Xlsx => {
                    let Some(path) = output else {
                        anyhow::bail!(
                            "cần --output TỆP.xlsx / --output FILE.xlsx is required for a workbook"
                        );
                    };
                    let bytes = app.statements_xlsx(system, &org, year).await?;
                    std::fs::write(&path, bytes)?;
                    println!("{}", path.display());
                }
            }
        }
        BooksCmd::Journal { org, year } => {
            print!(
                "{}",
                app.ledger_journal(system, &org_code(&org)?, year).await?
            );
        }
        BooksCmd::Import { file, org, year } => {
            let org = org_code(&org)?;
            let at = version(&app, system, &org, year).await?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let bytes = std::fs::read(&file)?;
            match app
                .import_ledger(system, &org, year, at, &name, bytes)
                .await?
            {
                Ok(n) => {
                    println!("{n} chứng từ đã ghi vào sổ {org} năm {year} / {n} vouchers written")
                }
                Err(problems) => {
                    for line in crate::commands::import::problem_lines(&problems, usize::MAX) {
                        eprintln!("{line}");
                    }
                    eprintln!("Không ghi gì / nothing was written");
                    return Ok(ExitCode::from(1));
                }
            }
        }
        BooksCmd::Close { org, year } => {
            let org = org_code(&org)?;
            let at = version(&app, system, &org, year).await?;
            let closing = app.close_ledger_year(system, &org, year, at).await?;
            println!(
                "{} {}: {} dòng kết chuyển / closing lines",
                closing.number,
                hoptac_core::date::to_vi(closing.date),
                closing.lines.len()
            );
        }
        // measured above, before any database of the user was opened
        BooksCmd::Bench { .. } => {}
        BooksCmd::Reopen { org, year, reason } => {
            let org = org_code(&org)?;
            let at = version(&app, system, &org, year).await?;
            app.reopen_ledger_year(system, &org, year, at, &reason)
                .await?;
            println!("Đã mở lại sổ {org} năm {year} / the year is open again");
        }
    }
    Ok(ExitCode::SUCCESS)
}
