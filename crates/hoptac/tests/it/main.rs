//! The `hoptac` binary on temporary databases, as an office clerk would run it.

mod architecture;
mod books;
mod copy;
mod downloads;
mod gs1;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn hoptac(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .env("HOPTAC_DB", db)
        .env("HOPTAC_LOG", "warn")
        .args(args)
        .output()
        .expect("run hoptac")
}

/// `hoptac` with one line on its standard input (a password).
fn hoptac_with_input(db: &Path, args: &[&str], line: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .env("HOPTAC_DB", db)
        .env("HOPTAC_LOG", "warn")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run hoptac");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{line}\n").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn demo_then_stats_gives_every_part_a_figure() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&hoptac(&db, &["demo"]));
    let out = ok(&hoptac(
        &db,
        &[
            "stats", "--from", "2016", "--to", "2020", "--format", "json",
        ],
    ));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["from"].as_i64(), v["to"].as_i64()),
        (Some(2016), Some(2020))
    );
    let ind = v["indicators"].as_array().unwrap();
    let get = |id: &str| {
        ind.iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    let expect =
        |id: &str, value: f64, base: Option<f64>, change: Option<f64>, ratio: Option<f64>| {
            let i = get(id);
            assert_eq!(i["value"].as_f64(), Some(value), "{id} value");
            if let Some(b) = base {
                assert_eq!(i["base"].as_f64(), Some(b), "{id} base");
            }
            if let Some(c) = change {
                assert_eq!(i["change_pct"].as_f64(), Some(c), "{id} change_pct");
            }
            if let Some(r) = ratio {
                assert_eq!(i["ratio_pct"].as_f64(), Some(r), "{id} ratio_pct");
            }
        };
    expect("htx.active", 21.0, Some(23.0), Some(-8.70), Some(91.30));
    expect("htx.founded", 11.0, None, None, None);
    expect("htx.dissolved", 12.0, None, None, None);
    expect("htx.active.by_sector.agriculture", 19.0, None, None, None);
    expect("htx.active.by_sector.transport", 2.0, None, None, None);
    expect("htx.members", 2697.0, Some(1398.0), None, Some(192.92));
    expect("htx.members_joined", 1799.0, None, None, None);
    expect("htx.workers", 240.0, None, None, None);
    expect("htx.revenue_avg", 1600.0, Some(1500.0), Some(6.67), None);
    expect("htx.profit_avg", 200.0, Some(180.0), Some(11.11), None);
    expect("htx.member_income_avg", 45.0, None, None, None);
    expect("htx.agri.multiservice3", 7.0, None, None, None);
    expect("tht.active", 129.0, Some(125.0), Some(3.2), None);
    expect("tht.active.by_sector.agriculture", 115.0, None, None, None);
    expect("tht.active.by_sector.aquaculture", 3.0, None, None, None);
    expect("tht.active.by_sector.handicraft", 8.0, None, None, None);
    expect("tht.active.by_sector.trade_services", 1.0, None, None, None);
    expect("tht.active.by_sector.other", 2.0, None, None, None);
    expect("tht.members", 3127.0, Some(2768.0), Some(12.97), None);
    expect("tht.members_joined", 292.0, None, None, None);
    expect("tht.workers", 542.0, None, None, None);
    expect("tht.revenue_avg", 450.0, Some(443.0), Some(1.58), None);
    expect("tht.profit_avg", 85.0, Some(110.0), Some(-22.73), None);
    expect("tht.rated_kha_or_better", 93.0, None, None, None);
    expect("tht.rated_kha_or_better_pct", 72.09, None, None, None);
    // flows have no base; every core indicator is present, null where it cannot be computed
    assert!(get("htx.founded")["base"].is_null());
    for id in [
        "htx.managers.qualified_pct",
        "htx.managers.trained_pct",
        "htx.worker_income_avg",
        "htx.services_avg",
        "htx.agri.profitable_pct",
        "tht.communes_without",
    ] {
        assert!(get(id)["value"].is_number(), "{id}");
    }
    // a scope by name, ignoring diacritics and the type word
    let out = ok(&hoptac(
        &db,
        &[
            "stats", "--from", "2016", "--to", "2020", "--scope", "tan kieu",
        ],
    ));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["scope"], "30049");
}

/// Done when (issue 16): the demo's statistics carry the plan's tasks measured from their
/// records, and target 7b reads the same from the courses as from the managers' rows.
#[test]
fn the_demo_measures_the_plans_tasks_from_their_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&hoptac(&db, &["demo"]));
    let out = ok(&hoptac(
        &db,
        &[
            "stats", "--from", "2021", "--to", "2025", "--format", "json",
        ],
    ));
    let v: Value = serde_json::from_str(&out).unwrap();
    let value = |id: &str| {
        v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .and_then(|i| i["value"].as_f64())
            .unwrap_or_else(|| panic!("{id} has no value"))
    };
    for id in [
        "hoiquan.active",
        "hoiquan.members",
        "hoiquan.meetings",
        "hoiquan.meetings_with_officials_pct",
        "hoiquan.became_coop",
        "training.courses",
        "training.trainees",
        "training.managers_trained_pct",
        "support.amount",
        "support.amount.linkage",
        "support.amount.founding",
        "support.amount.htx",
        "support.beneficiaries",
        "propaganda.events",
        "propaganda.reach",
    ] {
        assert!(value(id) > 0.0, "{id}");
    }
    assert_eq!(
        value("training.managers_trained_pct"),
        value("htx.managers.trained_pct"),
        "the same people, from the courses and from their rows"
    );
}

#[test]
fn situation_report_reads_like_part_a() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&hoptac(&db, &["demo"]));
    let md = ok(&hoptac(
        &db,
        &[
            "report",
            "situation",
            "--from",
            "2016",
            "--to",
            "2020",
            "--scope",
            "872",
            "--format",
            "md",
        ],
    ));
    insta::assert_snapshot!("situation_2016_2020_md", md);
    let html_path = dir.path().join("r.html");
    ok(&hoptac(
        &db,
        &[
            "report",
            "situation",
            "--from",
            "2016",
            "--to",
            "2020",
            "--format",
            "html",
            "--output",
            html_path.to_str().unwrap(),
        ],
    ));
    let html = std::fs::read_to_string(html_path).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("giảm 8,70% so với năm 2016"));
}

#[test]
fn import_export_round_trip_and_idempotence() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.db");
    let b = dir.path().join("b.db");
    let xlsx = dir.path().join("export.xlsx");
    ok(&hoptac(&a, &["demo"]));
    ok(&hoptac(&a, &["export", xlsx.to_str().unwrap()]));
    let out = ok(&hoptac(&b, &["import", xlsx.to_str().unwrap()]));
    assert!(out.contains("imported"));
    let again = ok(&hoptac(&b, &["import", xlsx.to_str().unwrap()]));
    assert!(again.contains("0 thay đổi/changes"), "{again}");
    let sa = ok(&hoptac(&a, &["stats", "--from", "2016", "--to", "2025"]));
    let sb = ok(&hoptac(&b, &["stats", "--from", "2016", "--to", "2025"]));
    // every indicator, the Hội quán ones from their meetings and origins included
    assert_eq!(sa, sb);
    let v: serde_json::Value = serde_json::from_str(&sa).unwrap();
    let value = |id: &str| {
        v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .map(|i| i["value"].clone())
            .unwrap()
    };
    assert!(value("hoiquan.meetings").as_f64().unwrap() > 100.0);
    assert_eq!(value("hoiquan.became_coop").as_f64(), Some(2.0));
}

#[test]
fn bad_input_exits_1_with_a_bilingual_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let folder = dir.path().join("csv");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("organizations.csv"), "code,kind,name,sector,commune,founded_on\nA,HTX,X,agriculture,30049,2012-01-01\nB,HTX,Y,agriculture,30049,ngày mai\n").unwrap();
    let o = hoptac(&db, &["import", folder.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("organizations dòng/row 3")
            && err.contains("ngày mai")
            && err.contains("Expected a date"),
        "{err}"
    );
    let s = ok(&hoptac(&db, &["stats", "--from", "2010", "--to", "2020"]));
    let v: Value = serde_json::from_str(&s).unwrap();
    assert_eq!(
        v["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == "htx.active")
            .unwrap()["value"],
        0
    );

    let o = hoptac(&db, &["stats", "--from", "2020", "--to", "2016"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("invalid_input"));
    let o = hoptac(
        &db,
        &["import", dir.path().join("missing.xlsx").to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn db_flag_and_env_pick_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("by-env.db");
    let other = dir.path().join("by-flag.db");
    let o = Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .env("HOPTAC_DB", &db)
        .args(["--db", other.to_str().unwrap(), "demo"])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(other.exists() && !db.exists(), "--db wins over HOPTAC_DB");
}

#[test]
fn targets_and_the_plan_report_give_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&hoptac(&db, &["demo"]));
    let json = ok(&hoptac(
        &db,
        &["targets", "--plan", "TM-KTTT-2021-2026", "--format", "json"],
    ));
    let v: Value = serde_json::from_str(&json).unwrap();
    let targets = v["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 11);
    let md = ok(&hoptac(
        &db,
        &[
            "report",
            "plan",
            "--plan",
            "TM-KTTT-2021-2026",
            "--format",
            "md",
        ],
    ));
    // every target's latest figure, as the report writes it, is the one `targets` computed
    for t in targets {
        let no = t["target"]["no"].as_str().unwrap();
        let latest = &t["latest"];
        let value = latest["value"].as_f64().unwrap();
        let unit = t["unit"].as_str().unwrap();
        let shown = match unit {
            "percent" => format!("{}%", vi(value, 2)),
            "million_vnd" | "services" => vi(value, 2),
            _ => vi(value, 0),
        };
        let line = md
            .lines()
            .find(|l| l.starts_with(&format!("- Chỉ tiêu {no}:")))
            .unwrap_or_else(|| panic!("target {no} missing"));
        assert!(
            line.contains(&format!("Kết quả năm 2025: {shown}")),
            "target {no}: {shown} not in {line}"
        );
    }
    // every task of B.II–B.III, with its offices (a ceased one with its successor), its
    // status and, where it names indicators, what the records show
    for t in hoptac_demo::plan_tasks::tasks() {
        let line = md
            .lines()
            .find(|l| l.starts_with(&format!("- {}. ", t.number)))
            .unwrap_or_else(|| panic!("task {} missing", t.number));
        assert!(
            line.contains(" Chủ trì: ") && line.contains("(từ 01/07/2025: "),
            "{line}"
        );
        assert!(
            line.contains(&format!(
                "Tình hình: {}",
                t.status.label_vi().to_lowercase()
            )),
            "{line}"
        );
        assert_eq!(
            line.contains("Số liệu từ hồ sơ: "),
            !t.evidence.is_empty(),
            "{line}"
        );
    }
    insta::assert_snapshot!("plan_assessment_md", md);
    let table = ok(&hoptac(
        &db,
        &["targets", "--plan", "TM-KTTT-2021-2026", "--year", "2023"],
    ));
    assert!(table.contains("2023 "), "{table}");
    let o = hoptac(&db, &["targets", "--plan", "NOPE"]);
    assert_eq!(o.status.code(), Some(1));
}

/// Vietnamese number as the report prints it: 3.087; 1.925,33; 41,67.
fn vi(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    let (int, frac) = s
        .split_once('.')
        .map(|(a, b)| (a.to_string(), b.trim_end_matches('0').to_string()))
        .unwrap_or((s.clone(), String::new()));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped},{frac}")
    }
}

#[test]
fn first_administrator_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("u.db");
    let add = |args: &[&str], password: &str| hoptac_with_input(&db, args, password);
    ok(&add(
        &[
            "user",
            "add",
            "admin",
            "--role",
            "admin",
            "--scope",
            "all",
            "--name",
            "Quản trị",
        ],
        "mot-mat-khau-dai",
    ));
    let weak = add(
        &["user", "add", "x", "--role", "viewer", "--scope", "872"],
        "short",
    );
    assert_eq!(weak.status.code(), Some(1), "a weak password is refused");
    let list = ok(&hoptac(&db, &["user", "list"]));
    assert!(list.contains("admin") && list.contains("all"));
    let bad = add(
        &["user", "add", "y", "--role", "boss", "--scope", "872"],
        "mot-mat-khau-dai",
    );
    assert!(!bad.status.success());
}

/// A backup taken while another process writes restores to a database identical to the
/// one the backup saw: every table, every row.
#[test]
fn backup_under_load_restores_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("live.db");
    ok(&hoptac(&db, &["demo"]));
    // a writer imports organisations in a loop while the backup runs
    let folder = dir.path().join("load");
    std::fs::create_dir(&folder).unwrap();
    let mut rows = String::from("code,kind,name,sector,commune,founded_on\n");
    for i in 0..300 {
        rows.push_str(&format!(
            "LOAD-{i:04},THT,THT tải {i},agriculture,30049,2024-01-01\n"
        ));
    }
    std::fs::write(folder.join("organizations.csv"), rows).unwrap();
    let writer = {
        let db = db.clone();
        let folder = folder.clone();
        std::thread::spawn(move || {
            for _ in 0..5 {
                let o = hoptac(&db, &["import", folder.to_str().unwrap()]);
                assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            }
        })
    };
    let backup = dir.path().join("copy.db");
    ok(&hoptac(&db, &["backup", backup.to_str().unwrap()]));
    writer.join().unwrap();
    assert!(
        hoptac(&db, &["backup", backup.to_str().unwrap()])
            .status
            .code()
            != Some(0),
        "an existing file is not overwritten"
    );
    let fresh = dir.path().join("restored.db");
    ok(&hoptac(&fresh, &["restore", backup.to_str().unwrap()]));
    // the restored database equals the backup, table by table
    let dump = |p: &Path| {
        let out = Command::new("python3")
            .args(["-c", "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nfor (t,) in c.execute(\"select name from sqlite_master where type='table' order by name\"):\n    for r in c.execute(f'select * from \"{t}\" order by 1'):\n        print(t, r)", p.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let (a, b) = (dump(&backup), dump(&fresh));
    assert!(a.lines().count() > 2000);
    assert_eq!(a, b);
    let damaged = dir.path().join("damaged.db");
    std::fs::write(&damaged, b"not a database at all").unwrap();
    let o = hoptac(
        &dir.path().join("other.db"),
        &["restore", damaged.to_str().unwrap()],
    );
    assert!(!o.status.success(), "a damaged backup is refused");
}

#[test]
fn check_lists_cases_with_their_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    ok(&hoptac(&db, &["demo"]));
    let v: Value = serde_json::from_str(&ok(&hoptac(&db, &["check", "--format", "json"]))).unwrap();
    assert_eq!(v["as_of"], "2025-12-31");
    let cases = v["cases"].as_array().unwrap();
    assert!(
        cases.iter().any(|c| c["org"] == "HTX-TM-19"
            && c["evidence"]["vi"].as_str().unwrap().contains("13/04/2024"))
    );
    let table = ok(&hoptac(
        &db,
        &["check", "--year", "2025", "--scope", "30073"],
    ));
    assert!(table.contains("HTX-TM-19") && table.contains("Xã Thanh Mỹ"));
    // done when (issue 17): the review lists the certificates lapsing or lapsed, as of today
    let certificates = v["certificates"].as_array().unwrap();
    assert!(
        certificates
            .iter()
            .any(|c| c["product"] == "SP-TM-KHOCA" && c["state"] == "expired"),
        "{certificates:?}"
    );
    let table = ok(&hoptac(&db, &["check"]));
    assert!(table.contains("Khô cá lóc Mỹ Quý"), "{table}");
}

/// Done when (issue 17): `hoptac stats` on the demo carries the OCOP indicators.
#[test]
fn the_demo_counts_its_ocop_products_by_stars_and_state() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&hoptac(&db, &["demo"]));
    let out = ok(&hoptac(
        &db,
        &[
            "stats", "--from", "2021", "--to", "2026", "--format", "json",
        ],
    ));
    let v: Value = serde_json::from_str(&out).unwrap();
    let value = |id: &str| {
        (v["indicators"].as_array().unwrap().iter())
            .find(|i| i["id"] == id)
            .and_then(|i| i["value"].as_f64())
            .unwrap_or_else(|| panic!("{id} has no value"))
    };
    assert_eq!(value("ocop.products"), 4.0);
    assert_eq!(value("ocop.products.by_star.4"), 2.0);
    assert_eq!(value("ocop.products.by_star.3"), 2.0);
    assert_eq!(value("ocop.expiring"), 1.0);
    assert_eq!(value("ocop.expired"), 1.0);
    assert_eq!(value("ocop.producers.htx"), 3.0);
}

#[test]
fn rubrics_show_their_provenance_and_a_bad_document_is_refused_naming_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let table = ok(&hoptac(&db, &["rubric"]));
    assert!(table.contains("Thông tư 01/2020/TT-BKHĐT"), "{table}");
    assert!(table.contains("TC10") && table.contains("[chưa xác nhận / unconfirmed]"));
    let json: Value =
        serde_json::from_str(&ok(&hoptac(&db, &["rubric", "--format", "json"]))).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["TT01/2020", "TT09/2017"]);
    // an administrator's corrected copy: group III's six lines given maxima that add to 45
    let mut fixed: Value =
        serde_json::from_str(include_str!("../../../core/rubrics/tt01-2020.json")).unwrap();
    for (k, c) in fixed["items"][2]["children"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        c["max"] = if k == 0 { "10" } else { "7" }.into();
        c["confirmed"] = true.into();
    }
    let path = dir.path().join("tt01-sua.json");
    std::fs::write(&path, fixed.to_string()).unwrap();
    let o = hoptac(&db, &["rubric", "--file", path.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("[III]") && err.contains("khác điểm tối đa 40"),
        "{err}"
    );
    // with maxima that add up (5 + 5 × 7) it loads, and the lines are no longer unconfirmed
    fixed["items"][2]["children"][0]["max"] = "5".into();
    std::fs::write(&path, fixed.to_string()).unwrap();
    let shown = ok(&hoptac(&db, &["rubric", "--file", path.to_str().unwrap()]));
    let tc10 = shown.lines().find(|l| l.contains("TC10")).unwrap();
    assert!(
        tc10.contains(" 5 ") && !tc10.contains("chưa xác nhận"),
        "{tc10}"
    );
    assert!(!shown.contains("TT09/2017"), "only the document checked");
}

#[test]
fn evaluate_lists_the_year_with_states_and_ratings() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.db");
    ok(&hoptac(&db, &["demo"]));
    let rows: Value = serde_json::from_str(&ok(&hoptac(
        &db,
        &["evaluate", "--year", "2025", "--format", "json"],
    )))
    .unwrap();
    let rows = rows.as_array().unwrap();
    let row = |c: &str| rows.iter().find(|r| r["org"] == c).unwrap();
    assert_eq!(row("HTX-TM-11")["state"], "draft");
    assert!(
        row("HTX-TM-20")["excluded"]["vi"]
            .as_str()
            .unwrap()
            .contains("Ngừng hoạt động")
    );
    let table = ok(&hoptac(&db, &["evaluate", "--year", "2024"]));
    assert!(table.contains("Đã duyệt / approved — Tốt: "), "{table}");
    assert!(
        table.contains("không xếp loại: Hoạt động dưới 12 tháng"),
        "{table}"
    );
}

#[test]
fn a_corrected_rubric_is_loaded_as_the_next_version_and_sheets_go_out_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.db");
    ok(&hoptac(&db, &["demo"]));
    // group III completed by an office: 5 + 5 × 7 = 40
    let mut fixed: Value =
        serde_json::from_str(include_str!("../../../core/rubrics/tt01-2020.json")).unwrap();
    for (k, c) in fixed["items"][2]["children"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        c["max"] = if k == 0 { "5" } else { "7" }.into();
        c["confirmed"] = true.into();
    }
    let path = dir.path().join("tt01-v2.json");
    std::fs::write(&path, fixed.to_string()).unwrap();
    let p = path.to_str().unwrap();
    let o = hoptac(
        &db,
        &["rubric", "--load", p, "--note", "Phụ lục 1 đối chiếu"],
    );
    ok(&o);
    assert!(String::from_utf8_lossy(&o.stderr).contains("TT01/2020 phiên bản 2"));
    // the same document again changes nothing and is refused
    let again = hoptac(&db, &["rubric", "--load", p]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("Không có thay đổi"));
    let listed = ok(&hoptac(&db, &["rubric"]));
    assert!(
        listed.contains("TT01/2020 v1: kèm theo phần mềm"),
        "{listed}"
    );
    assert!(
        listed.contains("TT01/2020 v2: nạp bởi") && listed.contains("Phụ lục 1 đối chiếu"),
        "{listed}"
    );
    let tc10 = listed.lines().find(|l| l.contains("TC10")).unwrap();
    assert!(tc10.contains(" 5 "), "the current version is shown: {tc10}");

    // a sheet out and back: the draft keeps the version it was started with
    let xlsx = dir.path().join("phieu.xlsx");
    let x = xlsx.to_str().unwrap();
    ok(&hoptac(
        &db,
        &[
            "sheet",
            "export",
            "--org",
            "HTX-TM-11",
            "--year",
            "2025",
            "-o",
            x,
        ],
    ));
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 1000);
    let back = ok(&hoptac(
        &db,
        &["sheet", "import", "--org", "HTX-TM-11", "--year", "2025", x],
    ));
    assert!(
        back.contains("HTX-TM-11 2025") && back.contains("nháp"),
        "{back}"
    );
    let bad = dir.path().join("bad.xlsx");
    std::fs::write(&bad, b"not a workbook").unwrap();
    let o = hoptac(
        &db,
        &[
            "sheet",
            "import",
            "--org",
            "HTX-TM-11",
            "--year",
            "2025",
            bad.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("Không đọc được tệp"));
    let json: Value = serde_json::from_str(&ok(&hoptac(
        &db,
        &[
            "evaluate",
            "--year",
            "2025",
            "--rubric",
            "TT09/2017",
            "--format",
            "json",
        ],
    )))
    .unwrap();
    let started: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["state"].is_null())
        .map(|r| r["org"].as_str().unwrap())
        .collect();
    assert_eq!(
        started,
        ["HTX-TM-01"],
        "one TT09 sheet in the demo, Mỹ Quý's draft"
    );
}

#[test]
fn evaluate_summarises_the_year_and_writes_the_province_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    ok(&hoptac(&db, &["demo"]));
    let json: Value = serde_json::from_str(&ok(&hoptac(
        &db,
        &[
            "evaluate",
            "--year",
            "2024",
            "--summary",
            "--format",
            "json",
        ],
    )))
    .unwrap();
    let list: Value = serde_json::from_str(&ok(&hoptac(
        &db,
        &["evaluate", "--year", "2024", "--format", "json"],
    )))
    .unwrap();
    let rated = |r: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|x| {
                x["state"] == "approved" && x["excluded"].is_null() && x["rating"]["rated"] == r
            })
            .count() as u64
    };
    assert_eq!(json["htx"]["tot"].as_u64().unwrap(), rated("tot"));
    assert_eq!(json["htx"]["kha"].as_u64().unwrap(), rated("kha"));
    let table = ok(&hoptac(&db, &["evaluate", "--year", "2024", "--summary"]));
    assert!(
        table.contains("Tổng cộng / total") && table.contains("Qua các năm"),
        "{table}"
    );
    let out = dir.path().join("tong-hop.xlsx");
    ok(&hoptac(
        &db,
        &["evaluate", "--year", "2024", "-o", out.to_str().unwrap()],
    ));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    let out = dir.path().join("bao-cao-xep-loai.pdf");
    ok(&hoptac(
        &db,
        &["evaluate", "--year", "2024", "-o", out.to_str().unwrap()],
    ));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
}

#[test]
fn report_writes_word_and_excel_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    ok(&hoptac(&db, &["demo"]));
    let docx = dir.path().join("bc.docx");
    let xlsx = dir.path().join("pl.xlsx");
    let pdf = dir.path().join("bc.pdf");
    for (format, path) in [("docx", &docx), ("xlsx", &xlsx), ("pdf", &pdf)] {
        ok(&hoptac(
            &db,
            &[
                "report",
                "situation",
                "--from",
                "2016",
                "--to",
                "2020",
                "--format",
                format,
                "--output",
                path.to_str().unwrap(),
            ],
        ));
        let magic: &[u8] = if format == "pdf" { b"%PDF" } else { b"PK" };
        assert!(std::fs::read(path).unwrap().starts_with(magic), "{format}");
    }
    // the plan's annex: one row a target
    let annex = dir.path().join("kh.xlsx");
    ok(&hoptac(
        &db,
        &[
            "report",
            "plan",
            "--plan",
            "TM-KTTT-2021-2026",
            "--format",
            "xlsx",
            "--output",
            annex.to_str().unwrap(),
        ],
    ));
    assert!(std::fs::read(&annex).unwrap().starts_with(b"PK"));
    // its Word text works
    let plan = dir.path().join("kh.docx");
    ok(&hoptac(
        &db,
        &[
            "report",
            "plan",
            "--plan",
            "TM-KTTT-2021-2026",
            "--format",
            "docx",
            "--output",
            plan.to_str().unwrap(),
        ],
    ));
    assert!(std::fs::read(&plan).unwrap().starts_with(b"PK"));
    let ratings = ok(&hoptac(&db, &["report", "ratings", "--year", "2024"]));
    assert!(
        ratings.contains("Kết quả đánh giá, phân loại hợp tác xã, tổ hợp tác năm 2024"),
        "{ratings}"
    );
    for (format, magic) in [
        ("docx", &b"PK"[..]),
        ("pdf", &b"%PDF"[..]),
        ("xlsx", &b"PK"[..]),
    ] {
        let f = dir.path().join(format!("xl.{format}"));
        ok(&hoptac(
            &db,
            &[
                "report",
                "ratings",
                "--year",
                "2024",
                "--format",
                format,
                "--output",
                f.to_str().unwrap(),
            ],
        ));
        assert!(std::fs::read(&f).unwrap().starts_with(magic), "{format}");
    }
    let md = ok(&hoptac(&db, &["report", "org", "--code", "HTX-TM-07"]));
    assert!(
        md.contains("Thông tin hợp tác xã HTX DVNN Tân Kiều"),
        "{md}"
    );
    let profile = dir.path().join("hs.pdf");
    ok(&hoptac(
        &db,
        &[
            "report",
            "org",
            "--code",
            "HTX-TM-07",
            "--format",
            "pdf",
            "--output",
            profile.to_str().unwrap(),
        ],
    ));
    assert!(std::fs::read(&profile).unwrap().starts_with(b"%PDF"));
    let no = hoptac(
        &db,
        &["report", "org", "--code", "HTX-TM-07", "--format", "xlsx"],
    );
    assert!(!no.status.success());
    assert!(String::from_utf8_lossy(&no.stderr).contains("không có phụ lục Excel"));
}

/// The Word file opens in LibreOffice (converted headless to PDF, then read back): the test
/// suite installs `libreoffice-writer-nogui`, so a missing `soffice` fails here.
#[test]
fn the_word_report_opens_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lo.db");
    ok(&hoptac(&db, &["demo"]));
    let docx = dir.path().join("bao-cao.docx");
    ok(&hoptac(
        &db,
        &[
            "report",
            "situation",
            "--from",
            "2016",
            "--to",
            "2020",
            "--format",
            "docx",
            "--output",
            docx.to_str().unwrap(),
        ],
    ));
    let profile = dir.path().join("soffice-profile");
    let out = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .expect("soffice (apt-get install libreoffice-writer-nogui)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = dir.path().join("bao-cao.pdf");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for s in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO",
        "1. Về Hợp tác xã",
        "2.697",
        "Nơi nhận:",
        "Nguyễn Văn Minh Họa",
    ] {
        assert!(text.contains(s), "{s:?} in {text}");
    }
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .env("HOPTAC_DB", &db)
        .env("HOPTAC_LOG", "warn")
        .args(["rubric", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // the smallest pipe (one page), so the 19 KB of output cannot all fit before we close it
    let mut out = child.stdout.take().unwrap();
    {
        use std::os::fd::AsRawFd;
        // SAFETY: a valid pipe descriptor owned by `out` for the duration of the call.
        let r = unsafe { libc::fcntl(out.as_raw_fd(), libc::F_SETPIPE_SZ, 4096) };
        assert!(r >= 4096, "F_SETPIPE_SZ");
    }
    // read a little, then close the pipe as `head -1` would
    let mut first = [0u8; 16];
    out.read_exact(&mut first).unwrap();
    drop(out);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    // ended by the signal, as `cat` would be: no exit code, never a panic's 101
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(libc::SIGPIPE), "{status:?} {err}");
}

/// Restore (issue 11): refused while a server holds the database, correct for a file not
/// named `*.db` (its own journal is removed, not another's), verified after it is in place.
#[test]
fn restore_is_refused_while_served_and_works_for_any_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("office.sqlite");
    ok(&hoptac(&db, &["demo"]));
    let backup = dir.path().join("copy.bak");
    ok(&hoptac(&db, &["backup", backup.to_str().unwrap()]));
    // a stale journal of the old file, as an unclean stop leaves it, and a neighbour's
    std::fs::write(dir.path().join("office.sqlite-wal"), b"stale journal").unwrap();
    std::fs::write(dir.path().join("office.db-wal"), b"someone else's").unwrap();
    ok(&hoptac(&db, &["restore", backup.to_str().unwrap()]));
    assert!(
        dir.path().join("office.db-wal").exists(),
        "another database's journal is left alone"
    );
    let out = ok(&hoptac(
        &db,
        &[
            "stats", "--from", "2016", "--to", "2020", "--format", "json",
        ],
    ));
    assert!(
        out.contains("\"htx.active\""),
        "the restored file opens and answers"
    );
    // while a server runs on it, restore refuses and changes nothing
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_hoptac"))
        .env("HOPTAC_DB", &db)
        .env("HOPTAC_LOG", "warn")
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let before = std::fs::read(&db).unwrap();
    let o = hoptac(&db, &["restore", backup.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("stop it first"));
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing was replaced");
    // SIGTERM stops the server gracefully (exit 0), and the lock goes with it
    let pid = server.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = server.wait().unwrap();
    assert!(status.success(), "graceful shutdown on SIGTERM: {status:?}");
    ok(&hoptac(&db, &["restore", backup.to_str().unwrap()]));
}

#[test]
fn the_demo_is_never_loaded_beside_real_records() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("real.db");
    let folder = dir.path().join("real");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("organizations.csv"),
        "code,kind,name,sector,commune,founded_on\nREAL-1,HTX,HTX Thật,agriculture,30049,2020-01-01\n",
    )
    .unwrap();
    // the office's units first: a new database holds none
    ok(&hoptac(&db, &["units", "load", "--province", "87"]));
    // a register of units alone is real data too: the demo would overwrite it
    let units_only = dir.path().join("units.db");
    ok(&hoptac(&units_only, &["units", "load", "--province", "87"]));
    let o = hoptac(&units_only, &["demo"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    ok(&hoptac(&db, &["import", folder.to_str().unwrap()]));
    for args in [
        &["demo"][..],
        &["serve", "--demo", "--addr", "127.0.0.1:0"][..],
    ] {
        let o = hoptac(&db, args);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(String::from_utf8_lossy(&o.stderr).contains("real data"));
    }
    let o = ok(&hoptac(&db, &["user", "list"]));
    assert!(
        !o.contains("quantri"),
        "no public-password account was made"
    );
}

#[test]
fn user_add_never_overwrites_an_account() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("u.db");
    ok(&hoptac(&db, &["units", "load", "--province", "87"]));
    let add = |args: &[&str], pw: &str| hoptac_with_input(&db, args, pw);
    ok(&add(
        &["user", "add", "thu.ky", "--role", "admin", "--scope", "all"],
        "mot-mat-khau-dai",
    ));
    let again = add(
        &[
            "user", "add", "thu.ky", "--role", "viewer", "--scope", "872",
        ],
        "mat-khau-khac-dai",
    );
    assert_eq!(
        again.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("taken"));
    let list = ok(&hoptac(&db, &["user", "list"]));
    let line = list.lines().find(|l| l.contains("thu.ky")).unwrap();
    assert!(line.contains("admin"), "the account is as it was: {line}");
}

/// A new database holds no units; the register of the binary stores a province with both its
/// versions: the new Đồng Tháp (82) has 102 communes, the old one (87) had 141, and 82 read
/// before the reform is Tiền Giang.
#[test]
fn units_load_stores_a_province_of_both_versions_from_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let count = |args: &[&str]| -> usize {
        let out = ok(&hoptac(&db, args));
        serde_json::from_str::<Vec<serde_json::Value>>(&out)
            .unwrap()
            .len()
    };
    let json = ["--level", "commune", "--format", "json"];
    assert_eq!(
        count(&[&["units", "--at", "2026-01-01"][..], &json].concat()),
        0
    );
    let o = hoptac(&db, &["units", "load", "--province", "99"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no province with code 99"));
    let dry = ok(&hoptac(
        &db,
        &["units", "load", "--province", "82", "--dry-run"],
    ));
    assert!(dry.contains("nothing written"), "{dry}");
    assert_eq!(
        count(&[&["units", "--at", "2026-01-01"][..], &json].concat()),
        0
    );
    let loaded = ok(&hoptac(&db, &["units", "load", "--province", "82"]));
    assert!(
        loaded.contains("102") || loaded.contains("407 xã"),
        "{loaded}"
    );
    let new_82 = [&["units", "--at", "2026-01-01", "--under", "82"][..], &json].concat();
    assert_eq!(count(&new_82), 102);
    let old_87 = [&["units", "--at", "2025-06-30", "--under", "87"][..], &json].concat();
    assert_eq!(count(&old_87), 141);
    let old_82 = [&["units", "--at", "2025-06-30", "--under", "82"][..], &json].concat();
    assert_eq!(count(&old_82), 164);
    let table = ok(&hoptac(
        &db,
        &["units", "--at", "2025-06-30", "--level", "province"],
    ));
    assert!(
        table.contains("Tỉnh Tiền Giang") && table.contains("Tỉnh Đồng Tháp"),
        "{table}"
    );
    // loading again changes nothing
    let again = ok(&hoptac(&db, &["units", "load", "--province", "87"]));
    assert!(again.contains("loaded: 0 "), "{again}");
}

/// The demo plan closed after the reform: the final assessment as text (snapshot), PDF and
/// the Excel annex; the next plan drafted for a new commune and stored once with `--save`.
#[test]
fn the_plan_is_closed_and_the_next_one_drafted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&hoptac(&db, &["demo"]));
    let plan = "TM-KTTT-2021-2026";
    let md = ok(&hoptac(&db, &["report", "closing", "--plan", plan]));
    insta::assert_snapshot!("plan_closing_md", md);
    for (format, magic) in [
        ("pdf", &b"%PDF"[..]),
        ("xlsx", &b"PK"[..]),
        ("docx", &b"PK"[..]),
    ] {
        let out = dir.path().join(format!("closing.{format}"));
        ok(&hoptac(
            &db,
            &[
                "report",
                "closing",
                "--plan",
                plan,
                "--format",
                format,
                "--output",
                out.to_str().unwrap(),
            ],
        ));
        assert!(std::fs::read(&out).unwrap().starts_with(magic), "{format}");
    }
    let draft = ok(&hoptac(
        &db,
        &[
            "report",
            "next-plan",
            "--plan",
            plan,
            "--unit",
            "Đốc Binh Kiều",
        ],
    ));
    insta::assert_snapshot!("next_plan_md", draft);
    let before = hoptac(&db, &["targets", "--plan", "KTTT-30061-2026-2030"]);
    assert_eq!(before.status.code(), Some(1), "a draft stores nothing");
    let saved = hoptac(
        &db,
        &[
            "report",
            "next-plan",
            "--plan",
            plan,
            "--unit",
            "30061",
            "--save",
        ],
    );
    assert!(
        saved.status.success(),
        "{}",
        String::from_utf8_lossy(&saved.stderr)
    );
    let targets = ok(&hoptac(
        &db,
        &[
            "targets",
            "--plan",
            "KTTT-30061-2026-2030",
            "--format",
            "json",
        ],
    ));
    let v: Value = serde_json::from_str(&targets).unwrap();
    assert_eq!(v["targets"].as_array().unwrap().len(), 11);
    let again = hoptac(
        &db,
        &[
            "report",
            "next-plan",
            "--plan",
            plan,
            "--unit",
            "30061",
            "--save",
        ],
    );
    assert_eq!(again.status.code(), Some(1), "stored once");
}

/// Without the browser an office chooses its unit on the command line; it is then the scope
/// of `stats`, the review and the situation report when none is given (`--scope ""`: all).
#[test]
fn the_office_unit_is_the_default_scope_of_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("o.db");
    let chosen = ok(&hoptac(&db, &["units", "choose", "30061"]));
    assert!(chosen.contains("Xã Đốc Binh Kiều (30061)"), "{chosen}");
    let stats = ok(&hoptac(
        &db,
        &[
            "stats", "--from", "2024", "--to", "2025", "--format", "json",
        ],
    ));
    let v: Value = serde_json::from_str(&stats).unwrap();
    assert_eq!(v["scope"], "30061", "{stats}");
    let all = ok(&hoptac(
        &db,
        &[
            "stats", "--from", "2024", "--to", "2025", "--scope", "", "--format", "json",
        ],
    ));
    let v: Value = serde_json::from_str(&all).unwrap();
    assert_eq!(v["scope"], "all", "{all}");
    let md = ok(&hoptac(
        &db,
        &["report", "situation", "--from", "2024", "--to", "2025"],
    ));
    assert!(md.contains("Địa bàn: Xã Đốc Binh Kiều"), "{md}");
    let o = hoptac(&db, &["units", "choose", "30049"]);
    assert_eq!(o.status.code(), Some(1), "old Tân Kiều is not in force");
}
