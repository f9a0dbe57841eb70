//! hoptac units: the administrative units in force on a date (đơn vị hành chính), below a
//! unit, at a level, as a table or JSON.

use crate::commands::format::StatsFormat;
use crate::database::open;
use hoptac_app::Actor;
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// The date (YYYY-MM-DD or DD/MM/YYYY); today by default (ngày)
    #[arg(long)]
    pub(crate) at: Option<String>,
    /// Only units below this one, at any depth: code or name (đơn vị cấp trên)
    #[arg(long)]
    pub(crate) under: Option<String>,
    /// province, district or commune (tỉnh, huyện, xã)
    #[arg(long)]
    pub(crate) level: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub(crate) format: StatsFormat,
}

pub(crate) async fn run(db: &Path, system: &Actor, args: Args) -> anyhow::Result<ExitCode> {
    let at = match args.at.as_deref() {
        None => None,
        Some(s) => Some(hoptac_core::date::parse(s).ok_or_else(|| {
            hoptac_app::AppError::invalid("at", s, hoptac_core::msg!("web.invalid_date", s = s))
        })?),
    };
    let level = match args.level.as_deref() {
        None => None,
        Some(s) => Some(hoptac_core::AdminLevel::parse(s).ok_or_else(|| {
            hoptac_app::AppError::invalid(
                "level",
                s,
                hoptac_core::msg!(
                    "exchange.unknown_value",
                    s = s,
                    expected = "province, district, commune"
                ),
            )
        })?),
    };
    let app = open(db).await?;
    let rows = app
        .units_at(system, at, args.under.as_deref(), level)
        .await?;
    match args.format {
        StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&rows)?),
        StatsFormat::Table => {
            println!(
                "{:<8} {:<36} {:<9} {:<8} {:<10} {:<10}",
                "mã/code", "tên/name", "cấp/level", "trên/in", "từ/from", "đến/to"
            );
            for r in &rows {
                println!(
                    "{:<8} {:<36} {:<9} {:<8} {:<10} {:<10}",
                    r.code,
                    r.name,
                    r.level,
                    r.parent_code.as_deref().unwrap_or(""),
                    r.valid_from.as_deref().unwrap_or(""),
                    r.valid_to.as_deref().unwrap_or("")
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
