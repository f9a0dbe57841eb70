//! hoptac import: a workbook, a CSV file or a folder of CSV files, all or nothing.

use crate::database::open;
use hoptac_app::{Actor, ImportOutcome};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    pub(crate) path: PathBuf,
    /// Check only; write nothing (chỉ kiểm tra)
    #[arg(long)]
    pub(crate) dry_run: bool,
}

pub(crate) async fn run(db: &Path, system: &Actor, args: Args) -> anyhow::Result<ExitCode> {
    let Args { path, dry_run } = args;
    let app = open(db).await?;
    let o = app.import_path(system, &path, !dry_run).await?;
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
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn print_outcome(o: &ImportOutcome) {
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
            crate::say::both(&p.msg)
        );
    }
}
