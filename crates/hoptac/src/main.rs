//! `hoptac`: the web app and the command line of the collective-economy system.

mod bench;
mod database;
mod rubric_cmd;
mod user_cmd;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use hoptac_app::{App, AppError, ExportHeaders, ImportOutcome};
use hoptac_core::indicator::catalogue;
use hoptac_core::report::{escape_html, render_html, render_md};
use hoptac_store::SqliteStore;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "hoptac",
    version,
    about = "Hệ thống quản lý kinh tế tập thể / Collective-economy information system"
)]
struct Cli {
    /// SQLite database file (tệp cơ sở dữ liệu)
    #[arg(long, global = true, env = "HOPTAC_DB", default_value = "hoptac.db")]
    db: PathBuf,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Start the web app (chạy giao diện web)
    Serve {
        /// Load the demo district first (nạp dữ liệu minh họa huyện Tháp Mười)
        #[arg(long)]
        demo: bool,
        #[arg(long, env = "HOPTAC_ADDR", default_value = "127.0.0.1:8080")]
        addr: String,
    },
    /// Load the demo district, Tháp Mười 2015–2025, illustrative data (nạp dữ liệu minh họa)
    Demo,
    /// Import a workbook (.xlsx), a CSV file or a folder of CSV files: all or nothing
    Import {
        path: PathBuf,
        /// Check only; write nothing (chỉ kiểm tra)
        #[arg(long)]
        dry_run: bool,
    },
    /// Export the whole database to a workbook (.xlsx)
    Export {
        path: PathBuf,
        /// Machine keys as headers instead of Vietnamese ones
        #[arg(long)]
        keys: bool,
    },
    /// Indicators for a period (chỉ tiêu thống kê)
    Stats {
        #[arg(long)]
        from: i32,
        #[arg(long)]
        to: i32,
        /// Administrative unit: code or name (mã hoặc tên đơn vị hành chính)
        #[arg(long)]
        scope: Option<String>,
        #[arg(long, value_enum, default_value = "json")]
        format: StatsFormat,
    },
    /// Targets of a plan: progress year by year, status, projection (tiến độ chỉ tiêu)
    Targets {
        /// Plan code, e.g. TM-KTTT-2021-2026
        #[arg(long)]
        plan: String,
        /// Assess as of this year (ignore later figures)
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value = "table")]
        format: StatsFormat,
    },
    /// Review: open compliance cases, figures breaking a rule, near-duplicate names, reports received (rà soát)
    Check {
        /// The situation at the end of this year (default: today, or the end of the last year with reports)
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        scope: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: StatsFormat,
    },
    /// Evaluation rubrics (bộ tiêu chí đánh giá) with their provenance and versions; `--file`
    /// checks a rubric document, `--load` stores it as the rubric's next version
    Rubric {
        #[arg(long, conflicts_with = "load")]
        file: Option<PathBuf>,
        #[arg(long)]
        load: Option<PathBuf>,
        /// Why the version is loaded (the correction, the text checked against)
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long, value_enum, default_value = "table")]
        format: StatsFormat,
    },
    /// A cooperative's self-scoring sheet (phiếu tự chấm điểm) as a workbook, out and back
    Sheet {
        #[command(subcommand)]
        cmd: SheetCmd,
    },
    /// The year's evaluations of cooperatives (đánh giá, xếp loại): state, total, rating, who is not rated and why
    Evaluate {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        scope: Option<String>,
        /// The rubric (default TT01/2020)
        #[arg(long)]
        rubric: Option<String>,
        /// The summary (by rating, commune, sector, five years, who fell) instead of the list
        #[arg(long)]
        summary: bool,
        /// Write the summary for the province (18 December) to this file: a workbook, or the
        /// rating report in Word or PDF when the name ends in .docx or .pdf
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "table")]
        format: StatsFormat,
    },
    /// Accounts (tài khoản): the first administrator, password resets
    User {
        #[command(subcommand)]
        cmd: UserCmd,
    },
    /// A consistent copy of the database, safe while the server runs (sao lưu)
    Backup { path: PathBuf },
    /// Replace the database with a backup, after checking it; stop the server first (khôi phục)
    Restore { path: PathBuf },
    /// Generated reports (báo cáo)
    Report {
        #[command(subcommand)]
        kind: ReportKind,
    },
    /// Write a synthetic province workbook (for benchmarks)
    Generate {
        path: PathBuf,
        #[arg(long, default_value_t = 1000)]
        htx: usize,
        #[arg(long, default_value_t = 5000)]
        tht: usize,
        #[arg(long, default_value_t = 10)]
        years: i32,
    },
    /// Measure stats, import and registry page on a synthetic province (see BENCHMARKS.md)
    Bench {
        #[arg(long, default_value_t = 1000)]
        htx: usize,
        #[arg(long, default_value_t = 5000)]
        tht: usize,
        #[arg(long, default_value_t = 10)]
        years: i32,
        /// Repetitions of each timed step
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
}

#[derive(Subcommand)]
enum SheetCmd {
    /// Write the sheet, with the scores so far, to fill offline
    Export {
        #[arg(long)]
        org: String,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        rubric: Option<String>,
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Read a filled sheet back as the cooperative's scores: all lines or none
    Import {
        #[arg(long)]
        org: String,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        rubric: Option<String>,
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCmd {
    /// Create an account; the password is read from standard input (one line)
    Add {
        username: String,
        /// admin, staff, commune, org, viewer
        #[arg(long)]
        role: String,
        /// `all`, an administrative unit (code or name), or `org:CODE`
        #[arg(long)]
        scope: String,
        #[arg(long, default_value = "")]
        name: String,
    },
    /// Set a new password (read from standard input); the account must change it at next login
    Passwd { username: String },
    /// List the accounts
    List,
}

#[derive(Subcommand)]
enum ReportKind {
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
}

#[derive(Clone, Copy, ValueEnum)]
enum StatsFormat {
    Json,
    Table,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Md,
    Html,
    /// Word, in the state's document format (Decree 30/2020)
    Docx,
    /// PDF, the same layout, fonts embedded
    Pdf,
    /// The Excel annex (situation report)
    Xlsx,
}

async fn open(db: &Path) -> anyhow::Result<App> {
    let store = SqliteStore::open(db)
        .await
        .with_context(|| format!("mở cơ sở dữ liệu / opening the database {}", db.display()))?;
    let app = App::new(Arc::new(store));
    app.ensure_seed().await?;
    Ok(app)
}

fn print_check(r: &hoptac_app::checks::CheckReport) {
    println!(
        "Rà soát đến ngày / review as of {} — địa bàn / scope {}",
        r.as_of, r.scope
    );
    println!(
        "\n== Trường hợp cần xem xét / open cases: {}",
        r.cases.len()
    );
    for c in &r.cases {
        println!(
            "{:<26} {:<12} {:<34} từ/since {}  {}{}",
            c.rule,
            c.org,
            c.org_name,
            c.since,
            c.evidence.vi,
            if c.confirmed {
                ""
            } else {
                "  [căn cứ chưa xác nhận / unconfirmed]"
            }
        );
    }
    println!(
        "\n== Số liệu vi phạm quy tắc / figures breaking a rule: {}",
        r.figures.len()
    );
    for f in &r.figures {
        println!(
            "{:<12} {} {:<18} {}",
            f.org, f.year, f.finding.field, f.finding.msg.vi
        );
    }
    println!(
        "\n== Tên gần trùng / near-duplicate names: {}",
        r.duplicates.len()
    );
    for d in &r.duplicates {
        println!(
            "{:>3}%  {} \"{}\" ~ {} \"{}\"",
            d.score, d.a.code, d.a.name, d.b.code, d.b.name
        );
    }
    println!(
        "\n== Báo cáo năm {} đã nhận / reports received",
        r.report_year
    );
    for c in &r.completeness {
        println!("{:<24} {:>4}/{:<4}", c.commune, c.reported, c.expected);
    }
}

async fn write_doc(
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
fn write_official(
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
        ReportFormat::Pdf => hoptac_documents::pdf::write_pdf(d),
        _ => hoptac_documents::pdf::docx_with_charts(d),
    }
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    write_bytes(&bytes, output)
}

/// A binary file: to `output`, or to standard output when it is not a terminal.
fn write_bytes(bytes: &[u8], output: Option<PathBuf>) -> anyhow::Result<()> {
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

fn print_targets(p: &hoptac_app::plans::PlanProgress) {
    use hoptac_core::plan::fmt;
    println!(
        "{} — {} ({}–{}, năm gốc/baseline {})",
        p.plan.code, p.plan.title, p.plan.from, p.plan.to, p.plan.baseline_year
    );
    let years: Vec<i32> = (p.plan.from..=p.plan.to).collect();
    print!(
        "{:<4} {:<34} {:>10} {:>12}",
        "no", "indicator", "baseline", "target"
    );
    for y in &years {
        print!(" {y:>10}");
    }
    println!("  {:<16} {:>22}", "status", "projection");
    for t in &p.targets {
        let f =
            |v: Option<hoptac_core::Fixed>| v.map(|v| fmt(v, t.unit)).unwrap_or_else(|| "—".into());
        print!(
            "{:<4} {:<34} {:>10} {:>12}",
            t.target.no,
            t.target.indicator,
            f(t.baseline),
            t.target.describe(t.unit)
        );
        for y in &t.years {
            print!(" {:>10}", f(y.value));
        }
        let status = t
            .latest
            .as_ref()
            .map(|l| format!("{} {}", l.year, l.status.label_vi()))
            .unwrap_or_else(|| "—".into());
        let proj = t
            .projection
            .as_ref()
            .map(|pr| {
                format!(
                    "{}: {}{}",
                    pr.year,
                    fmt(pr.value, t.unit),
                    if pr.meets { "" } else { " ⚠" }
                )
            })
            .unwrap_or_default();
        println!("  {status:<16} {proj:>22}");
        for c in &t.checks {
            println!("       ! {}", c.vi);
        }
    }
}

fn print_outcome(o: &ImportOutcome) {
    println!(
        "{:<16} {:>8} {:>10} {:>10}",
        "bảng / table", "mới/new", "đổi/changed", "giữ/same"
    );
    for s in &o.summary {
        println!(
            "{:<16} {:>8} {:>10} {:>10}",
            s.table, s.new, s.changed, s.unchanged
        );
    }
    for p in &o.problems {
        let sev = if p.is_error() {
            "LỖI/ERROR"
        } else {
            "LƯU Ý/WARNING"
        };
        let row = p.row.map(|r| r.to_string()).unwrap_or_default();
        eprintln!(
            "{sev}: {} dòng/row {row}, cột/column \"{}\", giá trị/value \"{}\": {}",
            p.sheet,
            p.column.clone().unwrap_or_default(),
            p.value,
            p.msg
        );
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // the local command line acts as the system: whoever runs it can read the file anyway
    let system = hoptac_app::Actor::system();
    match cli.cmd {
        Cmd::Serve { demo, addr } => {
            // held while serving: `restore` refuses to replace a database in use
            let _lock = database::lock_database(&cli.db)?;
            let app = open(&cli.db).await?;
            if demo {
                database::demo_allowed(&app, &cli.db).await?;
                hoptac_demo::load_demo(&app).await?;
            }
            let listener = tokio::net::TcpListener::bind(&addr)
                .await
                .with_context(|| format!("không mở được cổng / cannot listen on {addr}"))?;
            let local = listener.local_addr()?;
            println!(
                "hoptac: http://{local}/  (cơ sở dữ liệu / database: {})",
                cli.db.display()
            );
            hoptac_web::serve(app, listener).await?;
        }
        Cmd::Demo => {
            let app = open(&cli.db).await?;
            database::demo_allowed(&app, &cli.db).await?;
            hoptac_demo::load_demo(&app).await?;
            let c = app.store().counts().await?;
            println!(
                "Đã nạp dữ liệu minh họa huyện Tháp Mười / demo district loaded: {} đơn vị/units, {} tổ chức/organisations, {} báo cáo/reports, {} cán bộ/managers",
                c.units, c.orgs, c.reports, c.managers
            );
        }
        Cmd::Import { path, dry_run } => {
            let app = open(&cli.db).await?;
            let o = app.import_path(&system, &path, !dry_run).await?;
            print_outcome(&o);
            if o.has_errors() {
                eprintln!(
                    "Có {} lỗi: không có gì được ghi / {} errors: nothing was written",
                    o.errors(),
                    o.errors()
                );
                return Ok(ExitCode::from(1));
            }
            if dry_run {
                println!(
                    "Kiểm tra xong, không ghi gì / checked, nothing written ({} thay đổi/changes)",
                    o.changes()
                );
            } else {
                println!("Đã nhập / imported: {} thay đổi/changes", o.changes());
            }
        }
        Cmd::Export { path, keys } => {
            let app = open(&cli.db).await?;
            let bytes = app
                .export_xlsx(
                    &system,
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
        }
        Cmd::Stats {
            from,
            to,
            scope,
            format,
        } => {
            let app = open(&cli.db).await?;
            let stats = app.stats(&system, from, to, scope.as_deref()).await?;
            match format {
                StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&stats)?),
                StatsFormat::Table => {
                    let cat = catalogue();
                    println!(
                        "{:<44} {:>12} {:>12} {:>10} {:>10}  chỉ tiêu / indicator",
                        "id", from, to, "change %", "ratio %"
                    );
                    for (d, v) in cat.iter().zip(&stats.indicators) {
                        let f = |x: Option<hoptac_core::Fixed>| {
                            x.map(|x| x.format_vi(2, false))
                                .unwrap_or_else(|| "—".into())
                        };
                        let pct = |x: Option<hoptac_core::Fixed>| {
                            x.map(|x| x.format_vi(2, true))
                                .unwrap_or_else(|| "—".into())
                        };
                        println!(
                            "{:<44} {:>12} {:>12} {:>10} {:>10}  {}",
                            d.id,
                            f(v.base),
                            f(v.value),
                            pct(v.change_pct),
                            pct(v.ratio_pct),
                            d.label_vi
                        );
                    }
                }
            }
        }
        Cmd::Targets { plan, year, format } => {
            let app = open(&cli.db).await?;
            let p = app.plan_progress(&system, &plan, year).await?;
            match format {
                StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&p)?),
                StatsFormat::Table => print_targets(&p),
            }
        }
        Cmd::Report {
            kind:
                ReportKind::Plan {
                    plan,
                    year,
                    format,
                    output,
                },
        } => {
            let app = open(&cli.db).await?;
            if matches!(format, ReportFormat::Xlsx) {
                let bytes = app.plan_xlsx(&system, &plan, year).await?;
                write_bytes(&bytes, output)?;
                return Ok(ExitCode::SUCCESS);
            }
            let p = app.plan_progress(&system, &plan, year).await?;
            let doc = hoptac_core::report::plan_assessment(&p.plan, &p.targets, &p.scope_name);
            write_doc(&app, &doc, format, output).await?;
        }
        Cmd::Report {
            kind:
                ReportKind::Situation {
                    from,
                    to,
                    scope,
                    format,
                    output,
                },
        } => {
            let app = open(&cli.db).await?;
            if matches!(format, ReportFormat::Xlsx) {
                let bytes = app
                    .situation_xlsx(&system, from, to, scope.as_deref())
                    .await?;
                write_bytes(&bytes, output)?;
            } else if matches!(format, ReportFormat::Docx | ReportFormat::Pdf) {
                let d = app
                    .situation_official(&system, from, to, scope.as_deref())
                    .await?;
                write_official(&d, format, output)?;
            } else {
                let doc = app
                    .situation_report(&system, from, to, scope.as_deref())
                    .await?;
                write_doc(&app, &doc, format, output).await?;
            }
        }
        Cmd::Report {
            kind:
                ReportKind::Ratings {
                    year,
                    scope,
                    format,
                    output,
                },
        } => {
            let app = open(&cli.db).await?;
            if matches!(format, ReportFormat::Xlsx) {
                let bytes = app
                    .evaluation_summary_xlsx(&system, year, scope.as_deref())
                    .await?;
                write_bytes(&bytes, output)?;
            } else {
                let d = app
                    .evaluation_summary_official(&system, year, scope.as_deref())
                    .await?;
                match format {
                    ReportFormat::Md | ReportFormat::Html => {
                        write_doc(&app, &d.body, format, output).await?
                    }
                    _ => write_official(&d, format, output)?,
                }
            }
        }
        Cmd::Report {
            kind:
                ReportKind::Org {
                    code,
                    format,
                    output,
                },
        } => {
            let app = open(&cli.db).await?;
            let doc = app.org_profile_official(&system, &code).await?;
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
        Cmd::Check {
            year,
            scope,
            format,
        } => {
            let app = open(&cli.db).await?;
            let as_of = match year {
                Some(y) => hoptac_core::date::ymd(y, 12, 31)
                    .ok_or_else(|| anyhow::anyhow!("năm không hợp lệ / invalid year {y}"))?,
                None => app.review_date().await?,
            };
            let r = app.check(&system, as_of, scope.as_deref()).await?;
            match format {
                StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&r)?),
                StatsFormat::Table => print_check(&r),
            }
        }
        Cmd::Rubric {
            file,
            load,
            note,
            format,
        } => {
            let rubrics = match (&file, &load) {
                (Some(f), _) => rubric_cmd::load(f)?,
                (None, Some(f)) => {
                    let app = open(&cli.db).await?;
                    let text = std::fs::read_to_string(f).map_err(|e| {
                        anyhow::anyhow!("không đọc được / cannot read {}: {e}", f.display())
                    })?;
                    let r = app.load_rubric(&system, &text, &note).await?;
                    eprintln!(
                        "Đã nạp {} phiên bản {} / loaded {} version {}",
                        r.id, r.version, r.id, r.version
                    );
                    vec![r]
                }
                (None, None) => {
                    let app = open(&cli.db).await?;
                    let book = app.rubric_book().await?;
                    if matches!(format, StatsFormat::Table) {
                        rubric_cmd::print_history(&book);
                    }
                    book.ids()
                        .into_iter()
                        .map(|id| book.current(id).cloned())
                        .collect::<Result<Vec<_>, _>>()?
                }
            };
            match format {
                StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&rubrics)?),
                StatsFormat::Table => rubrics.iter().for_each(rubric_cmd::print),
            }
        }
        Cmd::Sheet { cmd } => {
            let app = open(&cli.db).await?;
            rubric_cmd::sheet(&app, &system, cmd).await?;
        }
        Cmd::Evaluate {
            year,
            scope,
            rubric,
            summary,
            output,
            format,
        } => {
            let app = open(&cli.db).await?;
            if let Some(path) = output {
                let ext = path
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                let bytes = if ext == "pdf" {
                    let d = app
                        .evaluation_summary_official(&system, year, scope.as_deref())
                        .await?;
                    hoptac_documents::pdf::write_pdf(&d).map_err(|e| anyhow::anyhow!("pdf: {e}"))?
                } else if ext == "docx" {
                    let d = app
                        .evaluation_summary_official(&system, year, scope.as_deref())
                        .await?;
                    hoptac_documents::pdf::docx_with_charts(&d)
                        .map_err(|e| anyhow::anyhow!("docx: {e}"))?
                } else {
                    app.evaluation_summary_xlsx(&system, year, scope.as_deref())
                        .await?
                };
                std::fs::write(&path, bytes).map_err(|e| {
                    anyhow::anyhow!("không ghi được / cannot write {}: {e}", path.display())
                })?;
                eprintln!("{}", path.display());
            } else if summary {
                let s = app
                    .evaluation_summary(&system, year, scope.as_deref())
                    .await?;
                match format {
                    StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&s)?),
                    StatsFormat::Table => rubric_cmd::print_summary(&s),
                }
            } else {
                let rows = app
                    .evaluations(&system, year, scope.as_deref(), rubric.as_deref())
                    .await?;
                match format {
                    StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&rows)?),
                    StatsFormat::Table => rubric_cmd::print_evaluations(year, &rows),
                }
            }
        }
        Cmd::User { cmd } => {
            let app = open(&cli.db).await?;
            user_cmd::user_command(&app, &system, cmd).await?;
        }
        Cmd::Backup { path } => {
            let app = open(&cli.db).await?;
            anyhow::ensure!(
                !path.exists(),
                "tệp đã có / the file exists: {}",
                path.display()
            );
            app.store().backup(&path).await?;
            println!("Đã sao lưu / backed up to {}", path.display());
        }
        Cmd::Restore { path } => {
            database::restore(&cli.db, &path).await?;
            println!(
                "Đã khôi phục / restored {} from {}",
                cli.db.display(),
                path.display()
            );
        }
        Cmd::Generate {
            path,
            htx,
            tht,
            years,
        } => {
            let snap =
                hoptac_demo::synthetic::province(&hoptac_demo::synthetic::Size { htx, tht, years });
            let bytes = hoptac_exchange::write::write_xlsx(
                &snap,
                Default::default(),
                ExportHeaders::Vietnamese,
            )?;
            std::fs::write(&path, bytes)?;
            println!(
                "{}: {} tổ chức/organisations, {} báo cáo/reports",
                path.display(),
                snap.orgs.len(),
                snap.reports.len()
            );
        }
        Cmd::Bench {
            htx,
            tht,
            years,
            runs,
        } => bench::run(htx, tht, years, runs).await?,
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    // `hoptac rubric | head`: a closed pipe ends the command quietly, as for any Unix tool,
    // instead of a panic in println! (Rust ignores SIGPIPE by default)
    #[cfg(unix)]
    // SAFETY: called first, before any thread exists; restores the default disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("HOPTAC_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("tokio: {e}");
            return ExitCode::from(3);
        }
    };
    match rt.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => match e.downcast_ref::<AppError>() {
            Some(a) if a.is_user_error() => {
                eprintln!("Lỗi / Error [{}]: {}", a.code(), a.message());
                ExitCode::from(1)
            }
            _ => {
                eprintln!("Lỗi hệ thống / System error: {e:#}");
                ExitCode::from(3)
            }
        },
    }
}
