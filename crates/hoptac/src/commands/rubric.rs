//! `hoptac rubric`: the evaluation rubrics with their provenance, and a check of a rubric
//! document before an administrator loads it.

use crate::commands::format::StatsFormat;
use crate::database::open;
use crate::location::Db;
use clap::Subcommand;
use hoptac_app::Actor;
use hoptac_core::rubric::{Item, Rubric};
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;

fn mark(confirmed: bool) -> &'static str {
    if confirmed {
        ""
    } else {
        "  [chưa xác nhận / unconfirmed]"
    }
}

fn max_text(m: Option<hoptac_core::Fixed>) -> String {
    m.map(|v| v.format_vi(2, false))
        .unwrap_or_else(|| "?".to_string())
}

fn print_item(i: &Item, depth: usize) {
    println!(
        "{:indent$}{:<8} {:>5}  {}{}",
        "",
        i.id,
        max_text(i.max),
        i.title_vi,
        mark(i.confirmed),
        indent = depth * 2
    );
    if let Some(s) = &i.scoring {
        for b in &s.bands {
            let bound = |v: Option<hoptac_core::Fixed>| {
                v.map(|x| x.format_vi(6, false)).unwrap_or_default()
            };
            println!(
                "{:indent$}  {} ∈ [{}, {}) {} → {} điểm{}",
                "",
                s.measure,
                bound(b.low),
                bound(b.high),
                s.unit,
                max_text(b.points),
                mark(b.confirmed),
                indent = depth * 2 + 9
            );
        }
    }
    for c in &i.children {
        print_item(c, depth + 1);
    }
}

pub fn print(r: &Rubric) {
    let date = |d: Option<hoptac_core::Date>| {
        d.map(hoptac_core::date::to_vi)
            .unwrap_or_else(|| "?".to_string())
    };
    println!(
        "== {} (phiên bản / version {}) — {}",
        r.id, r.version, r.title_vi
    );
    println!("   {}", r.legal_ref);
    println!(
        "   hiệu lực / in force: {} – {}; tổng điểm / total: {}",
        date(r.valid_from),
        date(r.valid_to),
        max_text(r.total)
    );
    for i in &r.items {
        print_item(i, 1);
    }
    println!("   Xếp loại / ratings:");
    for t in &r.thresholds {
        println!(
            "     {:<12} ≥ {}{}",
            t.rating.label_vi(),
            max_text(t.min),
            mark(t.confirmed)
        );
    }
    for e in &r.exclusions {
        println!(
            "   Không xếp loại / not rated: {}{}",
            e.title_vi,
            mark(e.confirmed)
        );
    }
}

/// The document at `p` once it passes every check.
pub fn load(p: &Path) -> anyhow::Result<Vec<Rubric>> {
    let text = std::fs::read_to_string(p)
        .map_err(|e| anyhow::anyhow!("không đọc được / cannot read {}: {e}", p.display()))?;
    Rubric::parse_json(&text)
        .map(|r| vec![r])
        .map_err(|e| anyhow::anyhow!("{} [{}]: {}", p.display(), e.item, crate::say::both(&e.msg)))
}

/// Which versions of each rubric exist, who loaded them and why.
pub fn print_history(book: &hoptac_app::rubrics::RubricBook) {
    for id in book.ids() {
        for v in book.history(id) {
            if v.loaded_by.is_empty() {
                println!("{id} v{}: kèm theo phần mềm / shipped", v.rubric.version);
            } else {
                println!(
                    "{id} v{}: nạp bởi / loaded by {} {} — {}",
                    v.rubric.version, v.loaded_by, v.loaded_at, v.note
                );
            }
        }
    }
}

/// `hoptac sheet export|import`.
pub async fn sheet(
    app: &hoptac_app::App,
    actor: &hoptac_app::Actor,
    cmd: SheetCmd,
) -> anyhow::Result<()> {
    match cmd {
        SheetCmd::Export {
            org,
            year,
            rubric,
            output,
        } => {
            let bytes = app
                .evaluation_sheet_xlsx(actor, &org, year, rubric.as_deref())
                .await?;
            std::fs::write(&output, bytes).map_err(|e| {
                anyhow::anyhow!("không ghi được / cannot write {}: {e}", output.display())
            })?;
            eprintln!("{}", output.display());
        }
        SheetCmd::Import {
            org,
            year,
            rubric,
            file,
        } => {
            let bytes = std::fs::read(&file).map_err(|e| {
                anyhow::anyhow!("không đọc được / cannot read {}: {e}", file.display())
            })?;
            let e = app
                .import_evaluation_sheet(actor, &org, year, rubric.as_deref(), &bytes)
                .await?;
            println!(
                "{org} {year}: {} dòng đã chấm / lines scored ({})",
                e.self_scores.len(),
                e.state.label_vi()
            );
        }
    }
    Ok(())
}

/// The year's list, then the count by rating.
pub fn print_evaluations(year: i32, rows: &[hoptac_app::evaluation::EvaluationRow]) {
    use hoptac_core::rubric::RatingOutcome;
    println!("Đánh giá, xếp loại HTX năm {year} (TT01/2020) / cooperative evaluations");
    for r in rows {
        let rating = match r.rating {
            Some(RatingOutcome::Rated(x)) => x.label_vi(),
            Some(RatingOutcome::Unknown) => "chưa xác định",
            None => "—",
        };
        let state = match (&r.excluded, r.state) {
            (Some(why), _) => format!("không xếp loại: {}", crate::say::one(why)),
            (None, None) => "chưa có phiếu".to_string(),
            (None, Some(s)) => s.label_vi().to_string(),
        };
        println!(
            "{:<10} {:<40} {:>6}  {:<11} {}{}{}",
            r.org.as_str(),
            r.name,
            r.total.map(|t| t.format_vi(2, false)).unwrap_or_default(),
            rating,
            state,
            if r.late { " (nộp trễ / late)" } else { "" },
            if r.adjusted > 0 {
                format!(" ({} dòng điều chỉnh / lines adjusted)", r.adjusted)
            } else {
                String::new()
            }
        );
    }
    let list: Vec<String> = hoptac_app::evaluation::approved_by_rating(rows)
        .iter()
        .map(|(k, v)| format!("{}: {v}", k.label_vi()))
        .collect();
    println!("Đã duyệt / approved — {}", list.join("; "));
}

/// The year's summary: by commune, over five years, who fell.
pub fn print_summary(s: &hoptac_app::evaluation_summary::EvaluationSummary) {
    use hoptac_app::evaluation_summary::RatingCounts;
    let line = |c: &RatingCounts| {
        format!(
            "{:>4} {:>4} {:>4} {:>4} {:>4} {:>5} {:>8}",
            c.tot,
            c.kha,
            c.trung_binh,
            c.yeu,
            c.not_rated,
            c.pending,
            c.kha_or_better_pct()
                .map(|p| format!("{} %", p.format_vi(2, true)))
                .unwrap_or_default()
        )
    };
    let head = format!(
        "{:>4} {:>4} {:>4} {:>4} {:>4} {:>5} {:>8}",
        "Tốt", "Khá", "TB", "Yếu", "KXL", "Chưa", "Khá+"
    );
    println!(
        "Tổng hợp xếp loại năm {} {} / rating summary",
        s.year, s.scope
    );
    println!("{:<28} HTX {head} | THT {head}", "Xã / commune");
    for r in &s.by_commune {
        println!(
            "{:<28}     {} |     {}",
            r.label,
            line(&r.htx),
            line(&r.tht)
        );
    }
    println!(
        "{:<28}     {} |     {}",
        "Tổng cộng / total",
        line(&s.htx),
        line(&s.tht)
    );
    println!("Qua các năm / over the years");
    for (y, h, t) in &s.years {
        println!("{y:<28}     {} |     {}", line(h), line(t));
    }
    println!(
        "Xếp loại thấp hơn năm trước / rated lower than the year before: {}",
        s.fell.len()
    );
    for f in &s.fell {
        println!(
            "  {} {} ({}): {} → {}",
            f.org,
            f.name,
            f.commune,
            f.from.label_vi(),
            f.to.label_vi()
        );
    }
}

#[derive(clap::Args)]
pub(crate) struct Args {
    #[arg(long, conflicts_with = "load")]
    pub(crate) file: Option<PathBuf>,
    #[arg(long)]
    pub(crate) load: Option<PathBuf>,
    /// Why the version is loaded (the correction, the text checked against)
    #[arg(long, default_value = "")]
    pub(crate) note: String,
    #[arg(long, value_enum, default_value = "table")]
    pub(crate) format: StatsFormat,
}

pub(crate) async fn run(db: &Db, system: &Actor, args: Args) -> anyhow::Result<ExitCode> {
    let Args {
        file,
        load,
        note,
        format,
    } = args;
    let rubrics = match (&file, &load) {
        (Some(f), _) => crate::commands::rubric::load(f)?,
        (None, Some(f)) => {
            let app = open(db).await?;
            let text = std::fs::read_to_string(f).map_err(|e| {
                anyhow::anyhow!("không đọc được / cannot read {}: {e}", f.display())
            })?;
            let r = app.load_rubric(system, &text, &note).await?;
            eprintln!(
                "Đã nạp {} phiên bản {} / loaded {} version {}",
                r.id, r.version, r.id, r.version
            );
            vec![r]
        }
        (None, None) => {
            let app = open(db).await?;
            let book = app.rubric_book().await?;
            if matches!(format, StatsFormat::Table) {
                crate::commands::rubric::print_history(&book);
            }
            book.ids()
                .into_iter()
                .map(|id| book.current(id).cloned())
                .collect::<Result<Vec<_>, _>>()?
        }
    };
    match format {
        StatsFormat::Json => println!("{}", serde_json::to_string_pretty(&rubrics)?),
        StatsFormat::Table => rubrics.iter().for_each(crate::commands::rubric::print),
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Subcommand)]
pub(crate) enum SheetCmd {
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
