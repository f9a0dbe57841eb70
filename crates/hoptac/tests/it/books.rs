//! `hoptac books` on the demo: the organisations keeping books, their statements as JSON in
//! the shape (B01 balancing, B02's profit the yearly report's), the journal that
//! hledger reads giving the same balances as hoptac's own trial balance, and a year
//! imported from a voucher list all or nothing.

use crate::{hoptac, ok};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("books.db");
    ok(&hoptac(&db, &["demo"]));
    (dir, db)
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(&hoptac(db, args))).unwrap()
}

fn line<'a>(lines: &'a Value, code: &str) -> &'a Value {
    (lines.as_array().unwrap().iter())
        .find(|l| l["code"] == code)
        .unwrap_or_else(|| panic!("no line {code}"))
}

#[test]
fn statements_come_out_in_the_forms_codes_and_balance() {
    let (_dir, db) = demo();
    let list = json(&db, &["books", "list", "--format", "json"]);
    let orgs: Vec<(&str, Vec<i64>)> = (list.as_array().unwrap().iter())
        .map(|o| {
            (
                o["org"].as_str().unwrap(),
                (o["years"].as_array().unwrap().iter())
                    .map(|y| y.as_i64().unwrap())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        orgs,
        [
            ("HTX-TM-01", vec![2025, 2026]),
            ("HTX-TM-07", vec![2025, 2026])
        ]
    );
    let s = json(
        &db,
        &[
            "books",
            "statements",
            "--org",
            "HTX-TM-07",
            "--year",
            "2025",
            "--format",
            "json",
        ],
    );
    let b01 = &s["B01"]["lines"];
    assert_eq!(line(b01, "200")["closing"], line(b01, "500")["closing"]);
    assert_eq!(line(b01, "200")["opening"], line(b01, "500")["opening"]);
    assert!(line(b01, "200")["closing"].as_i64().unwrap() > 0);
    let b02 = &s["B02"]["lines"];
    let profit = line(b02, "60")["this_year"].as_i64().unwrap();
    assert!(
        line(b02, "60")["last_year"].is_null(),
        "2024 is not kept here"
    );
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(s["F01"]["balances"], true);
    assert_eq!(s["B01"]["balances"], true);
    let s26 = json(
        &db,
        &[
            "books",
            "statements",
            "--org",
            "HTX-TM-07",
            "--year",
            "2026",
        ],
    );
    assert_eq!(
        line(&s26["B02"]["lines"], "60")["last_year"].as_i64(),
        Some(profit)
    );
    let xlsx = dir.path().join("bctc.xlsx");
    ok(&hoptac(
        &db,
        &[
            "books",
            "statements",
            "--org",
            "HTX-TM-07",
            "--year",
            "2025",
            "--format",
            "xlsx",
            "--output",
            xlsx.to_str().unwrap(),
        ],
    ));
    let bytes = std::fs::read(&xlsx).unwrap();
    let book = hoptac_exchange::read::read_xlsx(&bytes).unwrap();
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["B01-HTX", "B02-HTX", "F01-HTX"]);
    let shown: Vec<String> = book.sheets[0]
        .rows
        .iter()
        .flat_map(|(_, c)| c.iter().map(|x| x.shown()))
        .collect();
    for text in [
        "Mẫu số B01-HTX",
        "BÁO CÁO TÌNH HÌNH TÀI CHÍNH",
        "Người lập biểu",
        "Kế toán trưởng",
        "Người đại diện theo pháp luật",
        "TỔNG CỘNG NGUỒN VỐN",
    ] {
        assert!(shown.iter().any(|s| s.contains(text)), "{text}");
    }
}

/// hledger's balance of every account with postings, rolled up to the three-digit account.
fn hledger_balances(journal: &Path) -> BTreeMap<String, i128> {
    let out = Command::new("hledger")
        .args([
            "-f",
            journal.to_str().unwrap(),
            "balance",
            "--flat",
            "--no-total",
            "--empty",
            "-O",
            "csv",
        ])
        .output()
        .expect("hledger not found: the test script installs it (apt-get install hledger)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut by: BTreeMap<String, i128> = BTreeMap::new();
    for row in String::from_utf8(out.stdout).unwrap().lines().skip(1) {
        let cells: Vec<&str> = row.split(',').map(|c| c.trim_matches('"')).collect();
        let (account, amount) = (cells[0].trim_matches(|c| c == '(' || c == ')'), cells[1]);
        let n: i128 = if amount.is_empty() {
            0
        } else {
            amount.parse().unwrap_or_else(|_| panic!("{row}"))
        };
        *by.entry(account[..3].to_string()).or_default() += n;
    }
    by
}

#[test]
fn the_journal_hledger_reads_gives_hoptacs_balances() {
    let (dir, db) = demo();
    for (org, year) in [
        ("HTX-TM-07", "2025"),
        ("HTX-TM-01", "2025"),
        ("HTX-TM-07", "2026"),
    ] {
        let journal = dir.path().join(format!("{org}-{year}.journal"));
        std::fs::write(
            &journal,
            ok(&hoptac(
                &db,
                &["books", "journal", "--org", org, "--year", year],
            )),
        )
        .unwrap();
        let theirs = hledger_balances(&journal);
        let s = json(&db, &["books", "statements", "--org", org, "--year", year]);
        let ours: BTreeMap<String, i128> = (s["F01"]["rows"].as_array().unwrap().iter())
            .map(|r| {
                let n = r["closing_debit"].as_i64().unwrap() as i128
                    - r["closing_credit"].as_i64().unwrap() as i128;
                (r["account"].as_str().unwrap().to_string(), n)
            })
            .collect();
        assert!(ours.len() > 8, "{org} {year}: {ours:?}");
        assert_eq!(theirs, ours, "{org} {year}: hledger vs hoptac's F01");
    }
}

#[test]
fn a_voucher_list_is_imported_all_or_nothing() {
    let (dir, db) = demo();
    let csv = dir.path().join("chung_tu.csv");
    std::fs::write(
        &csv,
        "Ngày,Số chứng từ,Loại chứng từ,Diễn giải,TK Nợ,TK Có,Số tiền\n\
         05/01/2026,PT001,Phiếu thu,Thu tiền dịch vụ,1111,5113,1.500.000\n\
         06/01/2026,PC001,Phiếu chi,Chi nhiên liệu,6113,1111,abc\n\
         07/01/2026,PC002,phieu chi,Chi văn phòng phẩm,642,1111,200000\n",
    )
    .unwrap();
    let bad = hoptac(
        &db,
        &[
            "books",
            "import",
            csv.to_str().unwrap(),
            "--org",
            "HTX-TM-07",
            "--year",
            "2026",
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("dòng/row 3") && err.contains("Số tiền") && err.contains("\"abc\""),
        "{err}"
    );
    assert!(
        ok(&hoptac(&db, &["books", "list"])).contains("2026 (69 chứng từ)"),
        "nothing written"
    );
    std::fs::write(
        &csv,
        std::fs::read_to_string(&csv)
            .unwrap()
            .replace(",abc", ",350000"),
    )
    .unwrap();
    let out = ok(&hoptac(
        &db,
        &[
            "books",
            "import",
            csv.to_str().unwrap(),
            "--org",
            "HTX-TM-07",
            "--year",
            "2026",
        ],
    ));
    assert!(out.contains("3 chứng từ"), "{out}");
    assert!(ok(&hoptac(&db, &["books", "list"])).contains("2026 (3 chứng từ)"));
    // the opening was carried from 2025, so the year still balances
    let s = json(
        &db,
        &[
            "books",
            "statements",
            "--org",
            "HTX-TM-07",
            "--year",
            "2026",
        ],
    );
    assert_eq!(s["B01"]["balances"], true);
    // a closed year is not replaced
    let closed = hoptac(
        &db,
        &[
            "books",
            "import",
            csv.to_str().unwrap(),
            "--org",
            "HTX-TM-07",
            "--year",
            "2025",
        ],
    );
    assert_eq!(
        closed.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&closed.stdout)
    );
}
