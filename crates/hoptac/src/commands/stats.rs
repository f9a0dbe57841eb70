//! hoptac stats: the indicators of a period and scope, as JSON or a table.

use crate::commands::format::StatsFormat;
use crate::database::open;
use crate::location::Db;
use hoptac_app::Actor;
use hoptac_core::indicator::catalogue;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    #[arg(long)]
    pub(crate) from: i32,
    #[arg(long)]
    pub(crate) to: i32,
    /// Administrative unit: code or name (mã hoặc tên đơn vị hành chính)
    #[arg(long)]
    pub(crate) scope: Option<String>,
    #[arg(long, value_enum, default_value = "json")]
    pub(crate) format: StatsFormat,
}

pub(crate) async fn run(db: &Db, system: &Actor, args: Args) -> anyhow::Result<ExitCode> {
    let Args {
        from,
        to,
        scope,
        format,
    } = args;
    let app = open(db).await?;
    // no --scope: the office's unit, when one was chosen (`--scope ""`: the whole database)
    let scope = match scope {
        Some(s) => s,
        None => app.default_scope(system).await?,
    };
    let stats = app.stats(system, from, to, Some(&scope)).await?;
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
            if let Some(note) = &stats.territory_note {
                println!("* {}", crate::say::one(note));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
