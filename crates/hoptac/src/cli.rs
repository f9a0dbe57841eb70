//! The command line: the global options and one variant per subcommand; each subcommand's
//! arguments and work live in `commands`.

use crate::commands;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "hoptac",
    version,
    about = "Hệ thống quản lý kinh tế tập thể / Collective-economy information system"
)]
pub(crate) struct Cli {
    /// The database: a SQLite file (tệp cơ sở dữ liệu) or postgres://user@host/db
    #[arg(long, global = true, env = "HOPTAC_DB", default_value = "hoptac.db")]
    pub(crate) db: crate::location::Db,
    /// Language of messages: vi or en; without it errors are written in both
    /// (ngôn ngữ của thông báo)
    #[arg(long, global = true, env = "HOPTAC_LANG")]
    pub(crate) lang: Option<String>,
    #[command(subcommand)]
    pub(crate) cmd: Cmd,
}

#[derive(Subcommand)]
pub(crate) enum Cmd {
    /// Apply the database's migrations: needed before a PostgreSQL database is served
    /// (nâng cấp lược đồ cơ sở dữ liệu)
    Migrate,
    /// Start the web app (chạy giao diện web)
    Serve(commands::serve::Args),
    /// Load the demo district, Tháp Mười 2015–2025, illustrative data (nạp dữ liệu minh họa)
    Demo,
    /// Import a workbook (.xlsx), a CSV file or a folder of CSV files: all or nothing
    Import(commands::import::Args),
    /// Export the whole database to a workbook (.xlsx)
    Export(commands::export::Args),
    /// Indicators for a period (chỉ tiêu thống kê)
    Stats(commands::stats::Args),
    /// Targets of a plan: progress year by year, status, projection (tiến độ chỉ tiêu)
    Targets(commands::targets::Args),
    /// Administrative units in force on a date, below a unit, at a level (đơn vị hành chính)
    Units(commands::units::Args),
    /// Review: open compliance cases, figures breaking a rule, near-duplicate names, reports received (rà soát)
    Check(commands::check::Args),
    /// Traceability: EPCIS 2.0 documents and GS1 Digital Links (truy xuất nguồn gốc)
    Trace {
        #[command(subcommand)]
        cmd: commands::trace::TraceCmd,
    },
    /// Cooperatives' books under TT 71/2024: statements, journal, import, closing (sổ kế toán)
    Books {
        #[command(subcommand)]
        cmd: commands::books::BooksCmd,
    },
    /// Evaluation rubrics (bộ tiêu chí đánh giá) with their provenance and versions; `--file`
    /// checks a rubric document, `--load` stores it as the rubric's next version
    Rubric(commands::rubric::Args),
    /// A cooperative's self-scoring sheet (phiếu tự chấm điểm) as a workbook, out and back
    Sheet {
        #[command(subcommand)]
        cmd: commands::rubric::SheetCmd,
    },
    /// The year's evaluations of cooperatives (đánh giá, xếp loại): state, total, rating, who is not rated and why
    Evaluate(commands::evaluate::Args),
    /// Accounts (tài khoản): the first administrator, password resets
    User {
        #[command(subcommand)]
        cmd: commands::user::UserCmd,
    },
    /// A consistent copy of the database, safe while the server runs (sao lưu)
    Backup(commands::backup::Args),
    /// Copy the whole database, audit included, into an empty one, SQLite or PostgreSQL,
    /// checked table by table (sao chép sang cơ sở dữ liệu khác)
    Copy(commands::copy::Args),
    /// Replace the database with a backup, after checking it; stop the server first (khôi phục)
    Restore(commands::restore::Args),
    /// Generated reports (báo cáo)
    Report {
        #[command(subcommand)]
        kind: commands::report::ReportKind,
    },
    /// Write a synthetic province workbook (for benchmarks)
    Generate(commands::generate::Args),
    /// Many signed-in users at once against a running server: pages and writes, latencies
    /// and failures (the load rows of BENCHMARKS.md)
    Load(commands::load::Args),
    /// Measure stats, import and registry page on a synthetic province (see BENCHMARKS.md)
    Bench {
        #[command(flatten)]
        size: commands::generate::SizeArgs,
        /// Repetitions of each timed step
        #[arg(long, default_value_t = 20)]
        runs: usize,
        /// Run on PostgreSQL: a server URL whose user may create databases (the bench
        /// creates its own and drops them at the end)
        #[arg(long, env = "HOPTAC_BENCH_PG")]
        pg: Option<String>,
        /// With --pg: SQLite first, then PostgreSQL, in one run
        #[arg(long, requires = "pg")]
        both: bool,
    },
}
