//! Summary tables as a workbook (biểu tổng hợp, phụ lục): one sheet per table, a title above
//! the Vietnamese headers, real numbers with their formats (#.##0; 0,00 %), the header row
//! frozen and repeated on every printed page, A4, landscape where wide.

use hoptac_core::Fixed;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// A cell of a summary table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    /// A decimal amount, two places.
    Number(Fixed),
    /// A percentage given in per cent (8,70 for 8,70 %).
    Pct(Fixed),
}

/// One sheet: a table with its title.
#[derive(Debug, Clone, Default)]
pub struct TableSheet {
    /// The sheet's tab (at most 31 characters, no `/\?*[]:`).
    pub name: String,
    pub title: String,
    /// A line under the title: the scope, the period, the source.
    pub subtitle: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The last row is a total: bold.
    pub total_row: bool,
}

const HEADER_ROW: u32 = 3;

/// Writes the sheets as one workbook.
pub fn write_tables(sheets: &[TableSheet]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13);
    let subtitle = Format::new().set_italic();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color("#D9E2F3")
        .set_border(FormatBorder::Thin);
    let body = Format::new().set_border(FormatBorder::Thin);
    let int = body.clone().set_num_format("#,##0");
    let num = body.clone().set_num_format("#,##0.00");
    let pct = body.clone().set_num_format("0.00%");
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&s.name)?;
        ws.set_paper_size(9); // A4
        if s.headers.len() > 6 {
            ws.set_landscape();
        }
        ws.write_string_with_format(0, 0, &s.title, &title)?;
        ws.write_string_with_format(1, 0, &s.subtitle, &subtitle)?;
        for (c, h) in s.headers.iter().enumerate() {
            ws.write_string_with_format(HEADER_ROW, c as u16, h, &head)?;
            let width = if c == 0 || c == 1 { 28.0 } else { 13.0 };
            ws.set_column_width(c as u16, width)?;
        }
        ws.set_row_height(HEADER_ROW, 32)?;
        ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
        ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
        for (i, row) in s.rows.iter().enumerate() {
            let r = HEADER_ROW + 1 + i as u32;
            let bold = s.total_row && i + 1 == s.rows.len();
            let f = |f: &Format| {
                if bold {
                    f.clone().set_bold()
                } else {
                    f.clone()
                }
            };
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Empty => ws.write_blank(r, c, &f(&body))?,
                    Cell::Text(t) => ws.write_string_with_format(r, c, t, &f(&body))?,
                    Cell::Int(v) => ws.write_number_with_format(r, c, *v as f64, &f(&int))?,
                    // to_f64 only for the spreadsheet's display; amounts stay exact upstream
                    Cell::Number(v) => ws.write_number_with_format(r, c, v.to_f64(), &f(&num))?,
                    Cell::Pct(v) => {
                        ws.write_number_with_format(r, c, v.to_f64() / 100.0, &f(&pct))?
                    }
                };
            }
        }
    }
    wb.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_reads_back_with_its_title_headers_and_numbers() {
        let bytes = write_tables(&[TableSheet {
            name: "Tổng hợp".into(),
            title: "Kết quả xếp loại".into(),
            subtitle: "Năm 2024".into(),
            headers: vec!["Xã".into(), "Tốt".into(), "Tỷ lệ".into()],
            rows: vec![
                vec![
                    Cell::Text("Xã Mỹ Quý".into()),
                    Cell::Int(3),
                    Cell::Pct(Fixed::parse_plain("8.7").unwrap()),
                ],
                vec![Cell::Text("Tổng".into()), Cell::Int(1600), Cell::Empty],
            ],
            total_row: true,
        }])
        .unwrap();
        let book = crate::read::read_xlsx(&bytes).unwrap();
        let s = &book.sheets[0];
        assert_eq!(s.name, "Tổng hợp");
        use crate::cells::Cell as C;
        let at = |row: u32, c: usize| {
            s.rows
                .iter()
                .find(|(n, _)| *n == row)
                .map(|(_, cells)| cells[c].clone())
                .unwrap()
        };
        assert_eq!(at(1, 0), C::Text("Kết quả xếp loại".into()));
        assert_eq!(at(4, 1), C::Text("Tốt".into()));
        assert_eq!(at(5, 0), C::Text("Xã Mỹ Quý".into()));
        assert_eq!(at(5, 1), C::Number(3.0));
        assert_eq!(at(5, 2), C::Number(0.087));
        assert_eq!(at(6, 1), C::Number(1600.0));
    }

    fn part(bytes: &[u8], name: &str) -> String {
        use std::io::Read;
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn the_layout_is_set_for_print_frozen_header_a4_landscape_when_wide() {
        let sheet = |cols: usize| TableSheet {
            name: format!("S{cols}"),
            title: "T".into(),
            subtitle: String::new(),
            headers: (0..cols).map(|c| format!("H{c}")).collect(),
            rows: vec![vec![
                Cell::Int(1600),
                Cell::Number(Fixed::parse_plain("1.5").unwrap()),
                Cell::Pct(Fixed::parse_plain("8.7").unwrap()),
            ]],
            total_row: false,
        };
        let bytes = write_tables(&[sheet(3), sheet(9)]).unwrap();
        let narrow = part(&bytes, "xl/worksheets/sheet1.xml");
        let wide = part(&bytes, "xl/worksheets/sheet2.xml");
        for x in [&narrow, &wide] {
            // the header row (row 4) frozen
            assert!(
                x.contains("ySplit=\"4\"") && x.contains("topLeftCell=\"A5\""),
                "{x}"
            );
            assert!(x.contains("paperSize=\"9\""), "A4");
        }
        assert!(wide.contains("orientation=\"landscape\""));
        assert!(!narrow.contains("orientation=\"landscape\""));
        // printed titles: the header row repeats on every page
        let book = part(&bytes, "xl/workbook.xml");
        assert!(
            book.contains("_xlnm.Print_Titles") && book.contains("$4:$4"),
            "{book}"
        );
        // number formats, shown 1.600; 1,50; 8,70 % by a Vietnamese spreadsheet
        let styles = part(&bytes, "xl/styles.xml");
        for f in ["#,##0", "#,##0.00", "0.00%"] {
            assert!(styles.contains(&format!("formatCode=\"{f}\"")), "{f}");
        }
    }
}
