//! Done when (issue 17): the EPCIS documents hoptac writes pass GS1's own `epcis2.js`, and
//! the GS1 Digital Links it prints on labels pass GS1's `digital-link.js` — real peers, run
//! with the machine's Node.js from `tools/gs1` (installed by `scripts/test` with `npm ci`).

use super::{hoptac, ok};
use std::path::PathBuf;
use std::process::Command;

fn checker() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tools/gs1");
    assert!(
        dir.join("node_modules/epcis2.js").exists()
            && dir.join("node_modules/digital-link.js").exists(),
        "GS1's libraries are not installed: run `npm ci --prefix tools/gs1` (scripts/test does)"
    );
    dir.join("check.js")
}

fn judge(args: &[String]) -> (bool, serde_json::Value) {
    let o = Command::new("node")
        .arg(checker())
        .args(args)
        .output()
        .expect("node (Node.js) runs GS1's checker");
    let out: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|_| {
        panic!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    (o.status.success(), out)
}

#[test]
fn epcis_documents_and_digital_links_pass_gs1s_own_libraries() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&hoptac(&db, &["demo"]));
    let base = "https://hoptac.dongthap.example";
    let all = dir.path().join("all.json");
    std::fs::write(&all, ok(&hoptac(&db, &["trace", "epcis", "--base", base]))).unwrap();
    let one = dir.path().join("one.json");
    std::fs::write(
        &one,
        ok(&hoptac(
            &db,
            &[
                "trace",
                "epcis",
                "--lot",
                "SP-TM-GAO/G2026-03-A",
                "--base",
                base,
            ],
        )),
    )
    .unwrap();
    let links = ok(&hoptac(&db, &["trace", "links", "--base", base]));
    let mut args = vec![
        "--epcis".to_string(),
        all.display().to_string(),
        "--epcis".into(),
        one.display().to_string(),
    ];
    for l in links.lines() {
        args.extend(["--link".to_string(), l.to_string()]);
    }
    assert!(
        links.contains(&format!("{base}/01/08938888000015/10/G2026-03-A")),
        "{links}"
    );
    let (passed, out) = judge(&args);
    assert!(passed, "{out}");
    // every event of the demo, its Object, Transformation and Aggregation events included
    assert_eq!(out["documents"], 2);
    assert_eq!(out["events"], 8 + 5, "{out}");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&all).unwrap()).unwrap();
    let kinds: std::collections::BTreeSet<&str> =
        (doc["epcisBody"]["eventList"].as_array().unwrap().iter())
            .map(|e| e["type"].as_str().unwrap())
            .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        ["AggregationEvent", "ObjectEvent", "TransformationEvent"]
    );
    // the judge is not lenient: a document without an event's time zone, a link with a
    // wrong check digit are refused
    let mut bad = doc.clone();
    bad["epcisBody"]["eventList"][0]
        .as_object_mut()
        .unwrap()
        .remove("eventTimeZoneOffset");
    let bad_file = dir.path().join("bad.json");
    std::fs::write(&bad_file, bad.to_string()).unwrap();
    assert!(!judge(&["--epcis".into(), bad_file.display().to_string()]).0);
    assert!(
        !judge(&[
            "--link".into(),
            "https://id.gs1.org/01/08938888000016/10/G1".into()
        ])
        .0
    );
}

/// The EPCIS document hoptac writes reads back: unchanged, it writes nothing (the stored
/// notes, which EPCIS does not carry, kept); a broken one is refused whole with each event's
/// place named, and a processing beyond what is left of its input is refused on its inputs.
#[test]
fn an_epcis_document_is_imported_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&hoptac(&db, &["demo"]));
    let base = "https://hoptac.dongthap.example";
    let file = dir.path().join("all.json");
    std::fs::write(&file, ok(&hoptac(&db, &["trace", "epcis", "--base", base]))).unwrap();
    let again = ok(&hoptac(
        &db,
        &["trace", "import", file.to_str().unwrap(), "--base", base],
    ));
    assert!(again.contains("0 sự kiện"), "{again}");
    // a processing that would use the paddy twice over, and an unreadable time
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let list = doc["epcisBody"]["eventList"].as_array_mut().unwrap();
    let milling = list
        .iter()
        .find(|e| e["type"] == "TransformationEvent")
        .unwrap()
        .clone();
    let mut twice = milling.clone();
    twice["eventID"] = format!("{base}/trace/events/TK-2026-99").into();
    twice["inputQuantityList"][0]["quantity"] = 9000.into();
    list.push(twice);
    list[0]["eventTime"] = "hôm qua".into();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, doc.to_string()).unwrap();
    let o = hoptac(
        &db,
        &["trace", "import", bad.to_str().unwrap(), "--base", base],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("event 1, eventTime"), "{err}");
    let again = ok(&hoptac(&db, &["trace", "epcis", "--base", base]));
    assert!(!again.contains("TK-2026-99"), "nothing written");
    // only the broken time fixed: the doubled milling is refused on its inputs
    doc["epcisBody"]["eventList"][0]["eventTime"] = milling["eventTime"].clone();
    std::fs::write(&bad, doc.to_string()).unwrap();
    let o = hoptac(
        &db,
        &["trace", "import", bad.to_str().unwrap(), "--base", base],
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("inputs") && err.contains("L2026-03-01"),
        "{err}"
    );
}
