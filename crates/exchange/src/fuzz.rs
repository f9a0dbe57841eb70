//! Fuzzing the readers of untrusted files (issue 11): every file of `fuzz/corpus`, then
//! random mutations of them and random workbooks and CSV texts, must read to a book or a
//! refusal: never a panic, an abort or an allocation past the limits. Bounded: a fixed
//! number of cases (`PROPTEST_CASES` raises it for a longer run by hand).

use crate::read::{read_bytes, read_csv};
use proptest::prelude::*;
use std::io::Write;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

/// A workbook whose one sheet holds these cells (reference, inline text).
fn workbook(cells: &[(String, String)], dimension: Option<&str>) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    let data: String = cells
        .iter()
        .map(|(r, t)| format!(r#"<row><c r="{r}" t="inlineStr"><is><t>{t}</t></is></c></row>"#))
        .collect();
    let dim = dimension
        .map(|d| format!(r#"<dimension ref="{d}"/>"#))
        .unwrap_or_default();
    for (n, t) in [
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="organizations" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dim}<sheetData>{data}</sheetData></worksheet>"#)),
    ] {
        w.start_file(n, o).unwrap();
        w.write_all(t.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A cell reference anywhere on a sheet, the far corners often.
fn cell_ref() -> impl Strategy<Value = String> {
    let col = prop_oneof![1u32..30, Just(16_384u32), 16_000u32..16_400];
    let row = prop_oneof![1u32..100, Just(1_048_576u32), 1_000_000u32..1_100_000];
    (col, row).prop_map(|(c, r)| format!("{}{r}", crate::limits::col_name(c)))
}

#[test]
fn every_corpus_file_reads_or_is_refused() {
    let files = corpus();
    assert!(files.len() >= 5, "the corpus is in the repository");
    for (name, bytes) in &files {
        let _ = read_bytes(name, bytes);
    }
    // the sound seeds read
    assert!(
        read_bytes(
            "orgs.xlsx",
            &files.iter().find(|f| f.0 == "orgs.xlsx").unwrap().1
        )
        .is_ok()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300), ..ProptestConfig::default() })]

    #[test]
    fn mutated_corpus_files_never_panic(
        pick in 0usize..64,
        edits in prop::collection::vec((0usize..1_000_000, any::<u8>()), 1..8),
        cut in prop::option::of(0usize..1_000_000),
    ) {
        let files = corpus();
        let (name, mut bytes) = files[pick % files.len()].clone();
        for (at, b) in edits {
            if !bytes.is_empty() {
                let i = at % bytes.len();
                bytes[i] = b;
            }
        }
        if let Some(c) = cut {
            bytes.truncate(c % (bytes.len() + 1));
        }
        let _ = read_bytes(&name, &bytes);
    }

    #[test]
    fn random_workbooks_read_within_the_limits(
        cells in prop::collection::vec((cell_ref(), "[a-zA-Z0-9 ]{0,12}"), 0..6),
        dim in prop::option::of((cell_ref(), cell_ref())),
    ) {
        let d = dim.map(|(a, b)| format!("{a}:{b}"));
        let book = workbook(&cells, d.as_deref());
        // the same checks as the defaults, at a size a test reads in milliseconds
        let limits = crate::limits::Limits {
            sheet_cells: 200_000,
            ..crate::limits::Limits::default()
        };
        if let Ok(b) = crate::read::read_xlsx_within(&book, &limits) {
            let held: usize = b.sheets.iter().flat_map(|s| &s.rows).map(|r| r.1.len()).sum();
            prop_assert!(held as u64 <= limits.sheet_cells, "{held} cells held");
        }
    }

    #[test]
    fn random_csv_never_panics(text in "[a-z0-9,;\"\\n\\r ]{0,400}", bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let _ = read_csv("organizations", text.as_bytes());
        let _ = read_csv("organizations", &bytes);
        let _ = read_bytes("x.csv", &bytes);
    }
}
