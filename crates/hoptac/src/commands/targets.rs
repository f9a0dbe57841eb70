//! hoptac targets: a plan’s targets with their progress year by year.

use crate::commands::format::StatsFormat;
use crate::database::open;
use crate::location::Db;
use hoptac_app::Actor;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    /// Plan code, e.g. TM-KTTT-2021-2026
    #[arg(long)]
    pub(crate) plan: String,
    /// Assess as of this year (ignore later figures)
    #[arg(long)]
    pub(crate) year: Option<i32>,
    #[arg(long, value_enum, default_value = "table")]
    pub(crate) format: StatsFormat,
}

pub(crate) async fn run(db: &Db, system: &Actor, args: Args) -> anyhow::Result<ExitCode> {
    let Args { plan, year, format } = args;
    let app = open(db).await?;
    let p = app.plan_progress(system, &plan, year).await?;
    match format {
        StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&p)?),
        StatsFormat::Table => print_targets(&p),
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn print_targets(p: &hoptac_app::plans::PlanProgress) {
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
            println!("       ! {}", crate::say::one(c));
        }
    }
}
