//! The books' numbers of BENCHMARKS.md: postings per second building the trial balance and
//! the statements (core), side by side with `hledger balance` on the same journal exported
//! by hoptac; and a cooperative's year (5.000 vouchers) read from SQLite and turned into
//! its statements through the service.

use super::measure::summary;
use hoptac_app::{Actor, App};
use hoptac_core::OrgCode;
use hoptac_core::date::ymd;
use hoptac_core::ledger::balance::trial_balance;
use hoptac_core::ledger::book::Book;
use hoptac_core::ledger::chart::Chart;
use hoptac_core::ledger::journal::hledger_journal;
use hoptac_core::ledger::statements::{book_results, financial_position};
use hoptac_core::ledger::voucher::{FiscalYear, Line, Voucher, VoucherKind};
use std::time::{Duration, Instant};

const PAIRS: &[(&str, &str)] = &[
    ("1111", "5113"),
    ("1111", "5122"),
    ("6113", "1111"),
    ("6122", "1111"),
    ("642", "1111"),
    ("1121", "1111"),
    ("331", "1121"),
    ("152", "331"),
    ("6113", "152"),
    ("642", "2141"),
];

/// Two-line vouchers over a year, `postings` lines in all.
pub(crate) fn synthetic_vouchers(year: i32, postings: usize) -> Vec<Voucher> {
    (0..postings / 2)
        .map(|i| {
            let (d, c) = PAIRS[i % PAIRS.len()];
            let amount = 100_000 + (i as i64 * 7_919) % 9_000_000;
            Voucher {
                kind: VoucherKind::Journal,
                number: format!("PKT{i:07}"),
                date: ymd(year, 1 + (i % 12) as u8, 1 + (i % 28) as u8).expect("a day"),
                description: "Bút toán thử nghiệm".into(),
                lines: vec![
                    Line {
                        account: d.into(),
                        debit_vnd: amount,
                        credit_vnd: 0,
                    },
                    Line {
                        account: c.into(),
                        debit_vnd: 0,
                        credit_vnd: amount,
                    },
                ],
            }
        })
        .collect()
}

fn book(postings: usize) -> Book {
    Book {
        year: FiscalYear {
            year: 2026,
            starts_on: ymd(2026, 1, 1).expect("a day"),
            ends_on: ymd(2026, 12, 31).expect("a day"),
            closed: false,
        },
        chart: Chart::tt71(),
        opening: vec![
            ("1111".into(), 5_000_000_000),
            ("4111".into(), -5_000_000_000),
        ],
        vouchers: synthetic_vouchers(2026, postings),
        closing: None,
    }
}

fn rate(postings: usize, d: Duration) -> String {
    hoptac_core::text::group_thousands((postings as f64 / d.as_secs_f64()) as i128)
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

pub(crate) async fn run(
    demo: Option<&App>,
    runs: usize,
    sizes: &[usize],
    dir: &std::path::Path,
) -> anyhow::Result<()> {
    for &n in sizes {
        let b = book(n);
        let mut trial = Vec::new();
        let mut statements = Vec::new();
        for _ in 0..runs {
            let t = Instant::now();
            std::hint::black_box(trial_balance(&b.chart, &b.opening, &b.vouchers));
            trial.push(t.elapsed());
            let t = Instant::now();
            std::hint::black_box((financial_position(&b), book_results(&b)));
            statements.push(t.elapsed());
        }
        let (tm, sm) = (median(trial.clone()), median(statements.clone()));
        summary(&format!("books: F01 of {n} postings"), trial);
        summary(&format!("books: B01 + B02 of {n} postings"), statements);
        println!(
            "books: {n} postings: F01 {} postings/s, B01+B02 {} postings/s",
            rate(n, tm),
            rate(n, sm)
        );
        let journal = dir.join("bench.journal");
        std::fs::write(&journal, hledger_journal("BENCH", &b))?;
        let mut theirs = Vec::new();
        for _ in 0..runs.clamp(1, 3) {
            let t = Instant::now();
            let out = std::process::Command::new("hledger")
                .args([
                    "-f",
                    journal.to_str().unwrap_or_default(),
                    "balance",
                    "--flat",
                    "--no-total",
                ])
                .output();
            match out {
                Ok(o) if o.status.success() => theirs.push(t.elapsed()),
                Ok(o) => anyhow::bail!("hledger: {}", String::from_utf8_lossy(&o.stderr)),
                Err(e) => {
                    println!("books: hledger not run ({e}); apt-get install hledger to compare");
                    break;
                }
            }
        }
        if !theirs.is_empty() {
            let hm = median(theirs.clone());
            summary(&format!("hledger balance, {n} postings"), theirs);
            println!(
                "books: {n} postings: hledger {} postings/s; hoptac F01 {:.0}× and B01+B02 {:.0}× faster (hledger also reads its file)",
                rate(n, hm),
                hm.as_secs_f64() / tm.as_secs_f64(),
                hm.as_secs_f64() / sm.as_secs_f64()
            );
        }
    }
    if let Some(app) = demo {
        // a cooperative's year of 5.000 vouchers, through the service from the database
        let sys = Actor::system();
        let org = OrgCode::parse("HTX-TM-07").expect("a demo code");
        let at = app.ledger(&sys, &org, 2026).await?.stored.version;
        let problems = app
            .replace_ledger_year(
                &sys,
                &org,
                2026,
                at,
                vec![],
                None,
                synthetic_vouchers(2026, 10_000),
            )
            .await?;
        anyhow::ensure!(
            problems.is_empty(),
            "synthetic year: {:?}",
            problems.first()
        );
        let mut service = Vec::new();
        for _ in 0..runs.max(20) {
            let t = Instant::now();
            let s = app.statements(&sys, &org, 2026).await?;
            // synthetic postings leave some accounts on their unusual side (B01 shows them
            // unplaced); the trial balance must still balance
            anyhow::ensure!(s.trial.balances(), "the synthetic year balances");
            service.push(t.elapsed());
        }
        summary(
            "books: statements of 5.000 vouchers (service, SQLite)",
            service,
        );
    }
    Ok(())
}
