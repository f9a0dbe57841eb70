//! Limits on untrusted workbooks and CSV files, checked *before* a reader allocates for
//! them. A workbook is a zip of XML: a 1.6 KB file naming cells A1 and XFD1048576 makes a
//! dense reader allocate for 17 billion cells, a small shared-strings part can inflate to
//! gigabytes. So the zip is walked first with every part's real (decompressed) size counted
//! through a bounded reader, and each sheet's XML is scanned for its extent and cell count;
//! only a workbook within every limit reaches the cell reader.

use crate::ReadError;
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// What an import accepts. The defaults hold a national workbook (one sheet holds at most
/// what Excel can: 1,048,576 rows) while keeping the reader's memory bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Rows of one sheet (Excel's own maximum).
    pub rows: u32,
    /// Columns of one sheet: the widest exchange table has about twenty.
    pub columns: u32,
    /// Cells a reader may hold for one sheet (its dense rectangle).
    pub sheet_cells: u64,
    /// Cells of the whole workbook.
    pub cells: u64,
    /// Characters of one cell (Excel's own maximum).
    pub cell_chars: usize,
    /// Decompressed bytes of one part, and of the whole workbook.
    pub part_bytes: u64,
    pub total_bytes: u64,
    /// Parts (files) inside the zip.
    pub parts: usize,
    /// Shared strings.
    pub shared_strings: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            rows: 1_048_576,
            columns: 256,
            sheet_cells: 24_000_000,
            cells: 40_000_000,
            cell_chars: 32_767,
            // a full sheet of a national register (a million reports) inflates to ~650 MB
            part_bytes: 1024 * 1024 * 1024,
            total_bytes: 2 * 1024 * 1024 * 1024,
            parts: 2_000,
            shared_strings: 24_000_000,
        }
    }
}

fn refuse(why: hoptac_core::Msg) -> ReadError {
    ReadError::Refused(why)
}

/// Column letters of a cell reference (`XFD1048576` → 16384, 1048576).
fn cell_ref(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let mut col: u32 = 0;
    for b in &r[..letters] {
        col = col * 26 + (b.to_ascii_uppercase() - b'A' + 1) as u32;
    }
    let row: u32 = std::str::from_utf8(&r[letters..]).ok()?.parse().ok()?;
    Some((col, row))
}

/// Column letters of a 1-based column number (16384 → `XFD`).
pub(crate) fn col_name(mut c: u32) -> String {
    let mut s = Vec::new();
    while c > 0 {
        c -= 1;
        s.push(b'A' + (c % 26) as u8);
        c /= 26;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The extent of one sheet as its XML states it and as its cells are.
#[derive(Debug, Default)]
struct Extent {
    min_row: u32,
    max_row: u32,
    min_col: u32,
    max_col: u32,
    cells: u64,
}

impl Extent {
    fn add(&mut self, col: u32, row: u32) {
        if self.cells == 0 && self.max_row == 0 {
            (self.min_row, self.min_col) = (row, col);
        }
        self.min_row = self.min_row.min(row);
        self.min_col = self.min_col.min(col);
        self.max_row = self.max_row.max(row);
        self.max_col = self.max_col.max(col);
    }
    /// The cells a reader holds: every row from the first to the last, each from column A
    /// (rows are padded from A) to the last column.
    fn dense(&self) -> u64 {
        if self.max_row == 0 {
            return 0;
        }
        (self.max_row - self.min_row + 1) as u64 * self.max_col as u64
    }
}

/// Checks an `.xlsx` workbook against the limits without building any cell.
pub fn check_xlsx(bytes: &[u8], l: &Limits) -> Result<(), ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| refuse(hoptac_core::msg!("exchange.limit.not_xlsx", e = e)))?;
    if zip.len() > l.parts {
        return Err(refuse(hoptac_core::msg!(
            "exchange.limit.too_many_parts",
            zip = zip.len(),
            parts = l.parts
        )));
    }
    let mut total: u64 = 0;
    let mut cells: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(|e| {
            refuse(hoptac_core::msg!(
                "exchange.limit.broken_part",
                i = i,
                e = e
            ))
        })?;
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        // the real size, counted through a bounded reader: the header's size can lie
        let mut bounded = entry.take(l.part_bytes + 1);
        let is_sheet = name.starts_with("xl/worksheets/") && name.ends_with(".xml");
        let is_strings = name == "xl/sharedStrings.xml";
        let size = if is_sheet || is_strings {
            let mut counting = Counting {
                inner: &mut bounded,
                n: 0,
            };
            let scanned = if is_sheet {
                scan_sheet(&mut counting, &name, l).map(|e| cells += e.cells)
            } else {
                scan_strings(&mut counting, l)
            };
            // a part cut off at the bound reads as broken XML: say what it really is
            match scanned {
                Err(_) if counting.n > l.part_bytes => counting.n,
                Err(e) => return Err(e),
                Ok(()) => {
                    std::io::copy(&mut counting, &mut std::io::sink()).ok();
                    counting.n
                }
            }
        } else {
            std::io::copy(&mut bounded, &mut std::io::sink()).map_err(|e| {
                refuse(hoptac_core::msg!(
                    "exchange.limit.cannot_decompress",
                    name = name,
                    e = e
                ))
            })?
        };
        if size > l.part_bytes {
            return Err(refuse(hoptac_core::msg!(
                "exchange.limit.part_too_large",
                name = name,
                part_bytes = l.part_bytes >> 20
            )));
        }
        total += size;
        if total > l.total_bytes {
            return Err(refuse(hoptac_core::msg!(
                "exchange.limit.file_too_large",
                total_bytes = l.total_bytes >> 20
            )));
        }
        if cells > l.cells {
            return Err(refuse(hoptac_core::msg!(
                "exchange.limit.too_many_cells",
                cells = l.cells
            )));
        }
    }
    Ok(())
}

struct Counting<'a, R: Read> {
    inner: &'a mut R,
    n: u64,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let k = self.inner.read(buf)?;
        self.n += k as u64;
        Ok(k)
    }
}

fn xml_error(name: &str, e: impl std::fmt::Display) -> ReadError {
    refuse(hoptac_core::msg!(
        "exchange.limit.broken_xml",
        name = name,
        e = e
    ))
}

fn scan_sheet<R: Read>(r: R, name: &str, l: &Limits) -> Result<Extent, ReadError> {
    let sheet = name
        .trim_start_matches("xl/worksheets/")
        .trim_end_matches(".xml");
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(r));
    let mut buf = Vec::new();
    let mut ext = Extent::default();
    let mut declared = Extent::default();
    let mut row_no: u32 = 0;
    let mut col_no: u32 = 0;
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(name, e))?;
        match ev {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => match e.local_name().as_ref() {
                "dimension" => {
                    for a in e.attributes().flatten() {
                        if a.key.local_name().as_ref() == "ref" {
                            let parts: Vec<Option<(u32, u32)>> = a
                                .value
                                .as_bytes()
                                .split(|b| *b == b':')
                                .map(cell_ref)
                                .collect();
                            // a range must run from its top left to its bottom right: the
                            // reader subtracts one corner from the other
                            if let [Some(a), Some(b)] = parts[..]
                                && (b.0 < a.0 || b.1 < a.1)
                            {
                                return Err(refuse(hoptac_core::msg!(
                                    "exchange.limit.range_backwards",
                                    sheet = sheet,
                                    a_to_b = a_to_b(a, b)
                                )));
                            }
                            for (c, r) in parts.into_iter().flatten() {
                                declared.add(c, r);
                            }
                        }
                    }
                    check_extent(&declared, sheet, l)?;
                }
                "row" => {
                    row_no += 1;
                    col_no = 0;
                    for a in e.attributes().flatten() {
                        if a.key.local_name().as_ref() == "r"
                            && let Some(n) = a.value.parse().ok()
                        {
                            row_no = n;
                        }
                    }
                    if row_no > l.rows {
                        return Err(refuse(hoptac_core::msg!(
                            "exchange.limit.row_past_limit",
                            sheet = sheet,
                            row_no = row_no,
                            rows = l.rows
                        )));
                    }
                }
                "c" => {
                    col_no += 1;
                    let mut at = (col_no, row_no.max(1));
                    for a in e.attributes().flatten() {
                        if a.key.local_name().as_ref() == "r"
                            && let Some(cr) = cell_ref(a.value.as_bytes())
                        {
                            at = cr;
                        }
                    }
                    col_no = at.0;
                    ext.add(at.0, at.1);
                    ext.cells += 1;
                    check_extent(&ext, sheet, l)?;
                }
                _ => {}
            },
            Event::Text(ref t) if t.len() > l.cell_chars * 4 => {
                return Err(refuse(hoptac_core::msg!(
                    "exchange.limit.cell_too_long",
                    sheet = sheet,
                    cell_chars = l.cell_chars
                )));
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(ext)
}

fn a_to_b(a: (u32, u32), b: (u32, u32)) -> String {
    format!("{}{}:{}{}", col_name(a.0), a.1, col_name(b.0), b.1)
}

fn check_extent(e: &Extent, sheet: &str, l: &Limits) -> Result<(), ReadError> {
    let far = || format!("{}{}", col_name(e.max_col), e.max_row);
    if e.max_col > l.columns {
        return Err(refuse(hoptac_core::msg!(
            "exchange.limit.column_past_limit",
            sheet = sheet,
            far = far(),
            columns = l.columns
        )));
    }
    if e.max_row > l.rows {
        return Err(refuse(hoptac_core::msg!(
            "exchange.limit.cell_row_past_limit",
            sheet = sheet,
            far = far(),
            rows = l.rows
        )));
    }
    if e.dense() > l.sheet_cells {
        return Err(refuse(hoptac_core::msg!(
            "exchange.limit.sheet_too_many_cells",
            sheet = sheet,
            far = far(),
            sheet_cells = l.sheet_cells
        )));
    }
    Ok(())
}

fn scan_strings<R: Read>(r: R, l: &Limits) -> Result<(), ReadError> {
    let name = "xl/sharedStrings.xml";
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(r));
    let mut buf = Vec::new();
    let mut count: u64 = 0;
    loop {
        match reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(name, e))?
        {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) if e.local_name().as_ref() == "si" => {
                count += 1;
                if count > l.shared_strings {
                    return Err(refuse(hoptac_core::msg!(
                        "exchange.limit.too_many_shared_strings",
                        shared_strings = l.shared_strings
                    )));
                }
            }
            Event::Text(ref t) if t.len() > l.cell_chars * 4 => {
                return Err(refuse(hoptac_core::msg!(
                    "exchange.limit.shared_string_too_long",
                    cell_chars = l.cell_chars
                )));
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// Checks a CSV text's shape before its records are built.
pub fn check_csv(name: &str, text: &str, l: &Limits) -> Result<(), ReadError> {
    let mut rows: u32 = 0;
    for line in text.split('\n') {
        rows = rows.saturating_add(1);
        if rows > l.rows {
            return Err(refuse(hoptac_core::msg!(
                "exchange.limit.csv_too_many_rows",
                name = name,
                rows = l.rows
            )));
        }
        let fields = line.matches([',', ';']).count() as u32 + 1;
        if fields > l.columns * 4 {
            return Err(refuse(hoptac_core::msg!(
                "exchange.limit.csv_too_many_columns",
                name = name,
                rows = rows,
                fields = fields,
                columns = l.columns
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A workbook whose one sheet has the given XML.
    pub(crate) fn book(sheet: &str, strings: Option<&str>) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        let parts = [
            ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
            ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
            ("xl/workbook.xml", r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="organizations" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
            ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.to_string()),
            ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet}</sheetData></worksheet>"#)),
        ];
        for (n, t) in parts {
            w.start_file(n, o).unwrap();
            w.write_all(t.as_bytes()).unwrap();
        }
        if let Some(s) = strings {
            w.start_file("xl/sharedStrings.xml", o).unwrap();
            w.write_all(s.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_dense_range_from_two_cells_is_refused_before_reading() {
        let b = book(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#,
            None,
        );
        assert!(b.len() < 4096);
        let e = check_xlsx(&b, &Limits::default()).unwrap_err().to_string();
        assert!(e.contains("XFD1048576") && e.contains("256"), "{e}");
        // and the reader refuses it too, without allocating
        let e = crate::read::read_xlsx(&b).unwrap_err().to_string();
        assert!(e.contains("XFD1048576"), "{e}");
    }

    #[test]
    fn a_shared_strings_bomb_is_refused_by_its_real_size() {
        let big = "A".repeat(40 * 1024 * 1024);
        let strings = format!("<sst><si><t>{big}</t></si></sst>");
        let b = book("", Some(&strings));
        assert!(b.len() < 1024 * 1024, "compresses to {}", b.len());
        let l = Limits {
            part_bytes: 8 * 1024 * 1024,
            ..Limits::default()
        };
        let e = check_xlsx(&b, &l).unwrap_err().to_string();
        assert!(e.contains("sharedStrings") || e.contains("ký tự"), "{e}");
        let e = check_xlsx(&b, &Limits::default()).unwrap_err().to_string();
        assert!(e.contains("32767"), "{e}");
    }

    /// A sheet cut off at the size bound was reported as "broken XML" (seen on a national
    /// workbook of 930.094 reports): it must say the part is too large.
    #[test]
    fn a_sheet_over_the_size_bound_is_named_as_too_large() {
        let rows: String = (1..=40_000)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>"#))
            .collect();
        let b = book(&rows, None);
        let l = Limits {
            part_bytes: 1024 * 1024,
            ..Limits::default()
        };
        let e = check_xlsx(&b, &l).unwrap_err().to_string();
        assert!(e.contains("more than 1 MB") && !e.contains("XML"), "{e}");
        check_xlsx(&b, &Limits::default()).unwrap();
    }

    #[test]
    fn a_declared_dimension_counts_and_a_sound_book_passes() {
        let b = book(
            r#"<dimension ref="A1:ZZ2000000"/><row r="1"><c r="A1"><v>1</v></c></row>"#,
            None,
        );
        assert!(check_xlsx(&b, &Limits::default()).is_err());
        let ok = book(
            r#"<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c><v>3</v></c></row>"#,
            None,
        );
        check_xlsx(&ok, &Limits::default()).unwrap();
        assert_eq!(cell_ref(b"XFD1048576"), Some((16384, 1_048_576)));
        assert_eq!(col_name(16384), "XFD");
        assert_eq!(col_name(27), "AA");
    }

    /// Found by the fuzzer: a declared range that runs backwards made the reader panic
    /// (subtract with overflow) before any cell was read.
    #[test]
    fn a_backwards_dimension_is_refused() {
        let b = book(r#"<dimension ref="A1048576:A1"/>"#, None);
        let e = crate::read::read_xlsx(&b).unwrap_err().to_string();
        assert!(e.contains("A1048576:A1"), "{e}");
    }

    #[test]
    fn csv_rows_and_columns_are_bounded() {
        let l = Limits {
            rows: 3,
            ..Limits::default()
        };
        assert!(check_csv("x", "a\nb\nc", &l).is_ok());
        assert!(check_csv("x", "a\nb\nc\nd", &l).is_err());
        let wide = ",".repeat(5000);
        assert!(check_csv("x", &wide, &Limits::default()).is_err());
    }
}
