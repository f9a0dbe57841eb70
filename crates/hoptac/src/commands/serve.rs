//! hoptac serve: the web app on the database, the demo district loaded first if asked.

use crate::database::open;
use crate::location::Db;
use anyhow::Context;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Load the demo district first (nạp dữ liệu minh họa huyện Tháp Mười)
    #[arg(long)]
    pub(crate) demo: bool,
    #[arg(long, env = "HOPTAC_ADDR", default_value = "127.0.0.1:8080")]
    pub(crate) addr: String,
}

pub(crate) async fn run(db: &Db, args: Args) -> anyhow::Result<ExitCode> {
    let Args { demo, addr } = args;
    // held while serving: `restore` refuses to replace a database in use
    let _lock = db.file().map(crate::database::lock_database).transpose()?;
    let app = open(db).await?;
    if demo {
        crate::database::demo_allowed(&app, db).await?;
        hoptac_demo::load_demo(&app).await?;
    }
    let listener = tokio::net::TcpListener::bind(&addr)
        .await
        .with_context(|| format!("không mở được cổng / cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    println!(
        "hoptac: http://{local}/  (cơ sở dữ liệu / database: {})",
        db
    );
    hoptac_web::serve(app, std::sync::Arc::new(hoptac_pdf::Typst), listener).await?;
    Ok(ExitCode::SUCCESS)
}
