//! hoptac import: a workbook, a CSV file or a folder of CSV files, all or nothing.

use crate::database::open;
use crate::location::Db;
use hoptac_app::{Actor, ImportOutcome};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub(crate) struct Args {
    pub(crate) path: PathBuf,
    /// Check only; write nothing (chỉ kiểm tra)
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Print every problem; without it, the first 20 of each kind (same sheet, column and
    /// message) and how many more (in tất cả các lỗi, lưu ý)
    #[arg(long)]
    pub(crate) all_problems: bool,
}

pub(crate) async fn run(db: &Db, system: &Actor, args: Args) -> anyhow::Result<ExitCode> {
    let Args {
        path,
        dry_run,
        all_problems,
    } = args;
    let app = open(db).await?;
    let o = app.import_path(system, &path, !dry_run).await?;
    print_outcome(&o, if all_problems { usize::MAX } else { PER_KIND });
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

/// Problems of one kind printed before the rest are counted: a national workbook with one
/// column left empty gives 930.094 warnings (300 MB on a terminal).
pub(crate) const PER_KIND: usize = 20;

pub(crate) fn print_outcome(o: &ImportOutcome, per_kind: usize) {
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
    for line in problem_lines(&o.problems, per_kind) {
        eprintln!("{line}");
    }
}

/// Every problem's line, in the file's order, up to `per_kind` of each kind (severity,
/// sheet, column, message); then one line per kind with how many were not printed.
pub(crate) fn problem_lines(problems: &[hoptac_exchange::Problem], per_kind: usize) -> Vec<String> {
    use std::collections::BTreeMap;
    let severity = |error: bool| {
        if error {
            "LỖI/ERROR"
        } else {
            "LƯU Ý/WARNING"
        }
    };
    let mut seen: BTreeMap<(bool, &str, &str, &str), usize> = BTreeMap::new();
    let mut lines = Vec::new();
    for p in problems {
        let column = p.column.as_deref().unwrap_or_default();
        let n = seen
            .entry((!p.is_error(), p.sheet.as_str(), column, p.msg.code()))
            .or_default();
        *n += 1;
        if *n > per_kind {
            continue;
        }
        let row = p.row.map(|r| r.to_string()).unwrap_or_default();
        lines.push(format!(
            "{}: {} dòng/row {row}, cột/column \"{column}\", giá trị/value \"{}\": {}",
            severity(p.is_error()),
            p.sheet,
            p.value,
            crate::say::both(&p.msg)
        ));
    }
    for ((warning, sheet, column, _), n) in seen {
        if n > per_kind {
            let more = hoptac_core::text::group_thousands((n - per_kind) as i128);
            lines.push(format!(
                "{}: {sheet}, cột/column \"{column}\": {more} dòng nữa cùng loại, không in; \
                 --all-problems in hết / {more} more rows of this kind not printed; \
                 --all-problems prints them all",
                severity(!warning),
            ));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use hoptac_core::validate::Severity;
    use hoptac_exchange::Problem;

    fn problem(severity: Severity, row: u32, column: &str) -> Problem {
        Problem {
            severity,
            sheet: "annual_reports".into(),
            row: Some(row),
            column: Some(column.into()),
            key: None,
            value: String::new(),
            msg: hoptac_core::msg!("exchange.expected", value = "x"),
        }
    }

    /// A million warnings of one kind print as twenty and a count; each other kind and every
    /// error of another kind still shows.
    #[test]
    fn problems_of_one_kind_are_counted_after_the_first_twenty() {
        let mut all: Vec<Problem> = (3..1_000_003)
            .map(|r| problem(Severity::Warning, r, "services"))
            .collect();
        all.push(problem(Severity::Error, 7, "members"));
        all.push(problem(Severity::Warning, 9, "members"));
        let lines = problem_lines(&all, PER_KIND);
        assert_eq!(lines.len(), PER_KIND + 2 + 1, "{lines:#?}");
        assert!(lines[0].contains("dòng/row 3,"));
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("LỖI/ERROR") && l.contains("dòng/row 7,"))
        );
        let last = lines.last().unwrap();
        assert!(
            last.contains("999.980 dòng nữa") && last.contains("\"services\""),
            "{last}"
        );
        assert_eq!(problem_lines(&all, usize::MAX).len(), all.len());
    }
}
