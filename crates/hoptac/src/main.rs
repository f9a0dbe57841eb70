//! `hoptac`: the web app and the command line of the collective-economy system.

mod cli;
mod commands;
mod database;
mod location;
mod say;

use clap::Parser;
use cli::{Cli, Cmd};
use hoptac_app::AppError;
use std::process::ExitCode;

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // the local command line acts as the system: whoever runs it can read the file anyway
    let system = hoptac_app::Actor::system();
    match cli.cmd {
        Cmd::Serve(args) => commands::serve::run(&cli.db, args).await,
        Cmd::Demo => commands::demo::run(&cli.db).await,
        Cmd::Migrate => {
            database::migrate(&cli.db).await?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Import(args) => commands::import::run(&cli.db, &system, args).await,
        Cmd::Export(args) => commands::export::run(&cli.db, &system, args).await,
        Cmd::Stats(args) => commands::stats::run(&cli.db, &system, args).await,
        Cmd::Units(args) => commands::units::run(&cli.db, &system, args).await,
        Cmd::Targets(args) => commands::targets::run(&cli.db, &system, args).await,
        Cmd::Check(args) => commands::check::run(&cli.db, &system, args).await,
        Cmd::Trace { cmd } => commands::trace::run(&cli.db, &system, cmd).await,
        Cmd::Books { cmd } => commands::books::run(&cli.db, &system, cmd).await,
        Cmd::Rubric(args) => commands::rubric::run(&cli.db, &system, args).await,
        Cmd::Evaluate(args) => commands::evaluate::run(&cli.db, &system, args).await,
        Cmd::Backup(args) => commands::backup::run(&cli.db, args).await,
        Cmd::Copy(args) => commands::copy::run(args).await,
        Cmd::Restore(args) => commands::restore::run(&cli.db, args).await,
        Cmd::Load(args) => commands::load::run(args).await,
        Cmd::Generate(args) => commands::generate::run(args).await,
        Cmd::Sheet { cmd } => {
            let app = database::open(&cli.db).await?;
            commands::rubric::sheet(&app, &system, cmd).await?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::User { cmd } => {
            let app = database::open(&cli.db).await?;
            commands::user::user_command(&app, &system, cmd).await?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Report { kind } => commands::report::run(&cli.db, &system, kind).await,
        Cmd::Bench {
            size,
            runs,
            pg,
            both,
        } => {
            commands::bench::run(size.size(), runs, pg, both).await?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    // `hoptac rubric | head`: a closed pipe ends the command quietly, as for any Unix tool,
    // instead of a panic in println! (Rust ignores SIGPIPE by default)
    #[cfg(unix)]
    // SAFETY: called first, before any thread exists; restores the default disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // glibc gives each thread that contends for memory an arena of its own (up to 8 per
    // core) and keeps what was freed in each: at national size the server held 1,14 GB
    // after the review page, 0,87 GB with two arenas (BENCHMARKS.md). MALLOC_ARENA_MAX
    // set by the operator wins.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: called before any thread exists; mallopt only sets an allocator limit.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("HOPTAC_LOG")
                .unwrap_or_else(|_| "info,sqlx=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    say::choose(cli.lang.as_deref());
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
                let m = a.message();
                eprintln!(
                    "Lỗi / Error [{} · {}]: {}",
                    a.code(),
                    m.code(),
                    say::both(&m)
                );
                ExitCode::from(1)
            }
            _ => {
                eprintln!("Lỗi hệ thống / System error: {e:#}");
                ExitCode::from(3)
            }
        },
    }
}
