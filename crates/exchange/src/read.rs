//! Files to sheets of cells: an `.xlsx` workbook, one CSV file, or a folder of CSV files.

use crate::ReadError;
use crate::cells::Cell;
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub struct RawSheet {
    pub name: String,
    /// (1-based row number as the spreadsheet shows it, cells)
    pub rows: Vec<(u32, Vec<Cell>)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawBook {
    pub sheets: Vec<RawSheet>,
}

/// Reads a file the user gave: `.xlsx` or `.csv` by extension, a directory as a CSV folder.
pub fn read_path(path: &Path) -> Result<RawBook, ReadError> {
    if path.is_dir() {
        return read_csv_dir(path);
    }
    let bytes = std::fs::read(path)
        .map_err(|e| ReadError::Unreadable(format!("{}: {e}", path.display())))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    read_bytes(&name, &bytes)
}

/// Reads uploaded bytes, choosing the format from the file name (and the zip signature).
pub fn read_bytes(file_name: &str, bytes: &[u8]) -> Result<RawBook, ReadError> {
    let lower = file_name.to_lowercase();
    if lower.ends_with(".csv") {
        let stem = &file_name[..file_name.len() - 4];
        return Ok(RawBook {
            sheets: vec![read_csv(stem, bytes)?],
        });
    }
    if bytes.starts_with(b"PK") || lower.ends_with(".xlsx") {
        return read_xlsx(bytes);
    }
    Err(ReadError::Refused(hoptac_core::msg!(
        "exchange.only_xlsx_or_csv",
        file = file_name
    )))
}

/// Reads a workbook within the default [`crate::limits::Limits`]: checked first, read only
/// when within them.
pub fn read_xlsx(bytes: &[u8]) -> Result<RawBook, ReadError> {
    read_xlsx_within(bytes, &crate::limits::Limits::default())
}

/// Reads a workbook within the given limits.
pub fn read_xlsx_within(
    bytes: &[u8],
    limits: &crate::limits::Limits,
) -> Result<RawBook, ReadError> {
    crate::limits::check_xlsx(bytes, limits)?;
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ReadError::Unreadable(e.to_string()))?;
    let mut book = RawBook::default();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| ReadError::Unreadable(format!("{name}: {e}")))?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, row) in range.rows().enumerate() {
            let mut cells = vec![Cell::Empty; c0 as usize];
            cells.extend(row.iter().map(cell_of));
            rows.push((r0 + i as u32 + 1, cells));
        }
        book.sheets.push(RawSheet { name, rows });
    }
    Ok(book)
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => Cell::Date(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// A CSV file: UTF-8 with or without BOM, `,` or `;` separated (whichever the header uses).
pub fn read_csv(name: &str, bytes: &[u8]) -> Result<RawSheet, ReadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ReadError::Refused(hoptac_core::msg!(
            "exchange.csv_not_utf8",
            name = name,
            e = e
        ))
    })?;
    let limits = crate::limits::Limits::default();
    crate::limits::check_csv(name, text, &limits)?;
    let first = text.lines().next().unwrap_or("");
    let delim = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| ReadError::Unreadable(format!("{name}.csv: {e}")))?;
        if let Some(long) = rec.iter().find(|f| f.chars().count() > limits.cell_chars) {
            return Err(ReadError::Refused(hoptac_core::msg!(
                "exchange.limit.csv_field_too_long",
                name = name,
                row = i + 1,
                chars = long.chars().count(),
                limit = limits.cell_chars
            )));
        }
        let cells = rec
            .iter()
            .map(|s| {
                if s.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(s.to_string())
                }
            })
            .collect();
        rows.push((i as u32 + 1, cells));
    }
    Ok(RawSheet {
        name: name.to_string(),
        rows,
    })
}

pub fn read_csv_dir(dir: &Path) -> Result<RawBook, ReadError> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| ReadError::Unreadable(format!("{}: {e}", dir.display())))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .collect();
    entries.sort();
    let mut book = RawBook::default();
    for p in entries {
        let bytes = std::fs::read(&p)
            .map_err(|e| ReadError::Unreadable(format!("{}: {e}", p.display())))?;
        let stem = p
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        book.sheets.push(read_csv(&stem, &bytes)?);
    }
    Ok(book)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_bom_and_semicolons() {
        let s = read_csv(
            "organizations",
            "\u{feff}Mã;Tên\nA1;HTX Một, Hai\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[0].1[0], Cell::Text("Mã".into()));
        assert_eq!(s.rows[1].1[1], Cell::Text("HTX Một, Hai".into()));
    }

    #[test]
    fn rejects_other_files() {
        assert!(read_bytes("x.pdf", b"%PDF").is_err());
        assert!(read_bytes("x.xlsx", b"PK not a zip").is_err());
        assert!(read_csv("x", &[0xff, 0xfe, 0x00]).is_err());
    }
}
