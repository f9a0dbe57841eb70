//! hoptac units: the administrative units in force on a date (đơn vị hành chính), below a
//! unit, at a level, as a table or JSON; `hoptac units load` stores units of the national
//! register carried in the binary.

use crate::commands::format::StatsFormat;
use crate::database::open;
use crate::location::Db;
use hoptac_app::Actor;
use std::process::ExitCode;

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) cmd: Option<UnitsCmd>,
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

#[derive(clap::Subcommand)]
pub(crate) enum UnitsCmd {
    /// Store units of the national register: a province with both its versions (before and
    /// after 1 July 2025) and the changes between them, or the whole country (nạp danh mục)
    Load(LoadArgs),
    /// Choose the office's own unit (in force today): its province is loaded with both
    /// versions and it becomes the default scope of stats, the review and documents (đơn vị
    /// của cơ quan)
    Choose {
        /// A unit's code in the register, e.g. 82 or 30061
        code: String,
    },
}

#[derive(clap::Args)]
pub(crate) struct LoadArgs {
    /// A province's code, of either version (mã tỉnh), e.g. 82 or 87
    #[arg(long, required_unless_present = "all", conflicts_with = "all")]
    pub(crate) province: Option<String>,
    /// Every province, district and commune of the country (cả nước)
    #[arg(long)]
    pub(crate) all: bool,
    /// Check only; write nothing (chỉ kiểm tra)
    #[arg(long)]
    pub(crate) dry_run: bool,
}

pub(crate) async fn run(db: &Db, system: &Actor, args: Args) -> anyhow::Result<ExitCode> {
    match args.cmd {
        Some(UnitsCmd::Load(load)) => return run_load(db, system, load).await,
        Some(UnitsCmd::Choose { code }) => {
            let app = open(db).await?;
            let l = app.choose_office_unit(system, &code).await?;
            crate::commands::import::print_outcome(&l.outcome, crate::commands::import::PER_KIND);
            if l.outcome.has_errors() {
                return Ok(ExitCode::from(1));
            }
            if let Some(u) = app.office_unit().await? {
                println!(
                    "Đơn vị của cơ quan / the office's unit: {} ({})",
                    u.name, u.code
                );
            }
            return Ok(ExitCode::SUCCESS);
        }
        None => {}
    }
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
                    "{:<8} {:<36} {:<9} {:<8} {:<10} {:<10}{}",
                    r.code,
                    r.name,
                    r.level,
                    r.parent_code.as_deref().unwrap_or(""),
                    r.valid_from.as_deref().unwrap_or(""),
                    r.valid_to.as_deref().unwrap_or(""),
                    if r.confirmed == Some(false) {
                        " chưa xác nhận/unconfirmed"
                    } else {
                        ""
                    }
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

async fn run_load(db: &Db, system: &Actor, args: LoadArgs) -> anyhow::Result<ExitCode> {
    let choice = match args.province {
        Some(p) => hoptac_app::RegisterChoice::Province(p),
        None => hoptac_app::RegisterChoice::All,
    };
    let app = open(db).await?;
    let l = app.load_register(system, &choice, !args.dry_run).await?;
    crate::commands::import::print_outcome(&l.outcome, crate::commands::import::PER_KIND);
    println!(
        "Sổ đơn vị / register: {} tỉnh/provinces, {} huyện/districts, {} xã/communes, {} thay đổi/changes",
        l.provinces, l.districts, l.communes, l.changes
    );
    if l.unconfirmed_units + l.unconfirmed_changes > 0 {
        println!(
            "Chưa xác nhận / unconfirmed: {} đơn vị/units, {} thay đổi/changes (crates/core/data/register/SOURCE.md)",
            l.unconfirmed_units, l.unconfirmed_changes
        );
    }
    println!("Nguồn / source: {}", hoptac_core::register::SOURCE);
    let o = &l.outcome;
    if o.has_errors() {
        eprintln!(
            "Có {} lỗi: không có gì được ghi / {} errors: nothing was written",
            o.errors(),
            o.errors()
        );
        return Ok(ExitCode::from(1));
    }
    if args.dry_run {
        println!(
            "Kiểm tra xong, không ghi gì / checked, nothing written ({} thay đổi/changes)",
            o.changes()
        );
    } else {
        println!("Đã nạp / loaded: {} thay đổi/changes", o.changes());
    }
    Ok(ExitCode::SUCCESS)
}
