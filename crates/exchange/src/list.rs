//! A list as a clerk prints or forwards it (danh sách): a title, the filters it was made with,
//! labelled headers, real numbers and dates. Not for re-import: the exchange workbook
//! (`write`) is the one with machine keys.

use crate::cells::date_to_serial;
use hoptac_core::{Date, Fixed};
use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};

/// One cell of a list.
#[derive(Debug, Clone, PartialEq)]
pub enum ListCell {
    Empty,
    Text(String),
    Int(i64),
    Money(Fixed),
    Date(Date),
}

/// The header row is the fourth: title, filters, a blank line above it.
const HEAD_ROW: u32 = 3;

/// Writes one sheet named `sheet`: `title`, then `filters` (what the list was selected by),
/// then `headers` and `rows`, the headers frozen and filterable.
pub fn write_list(
    sheet: &str,
    title: &str,
    filters: &str,
    headers: &[&str],
    rows: &[Vec<ListCell>],
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold().set_font_size(13);
    let head = Format::new()
        .set_bold()
        .set_background_color("#D9E2F3")
        .set_border_bottom(FormatBorder::Thin);
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    let int_fmt = Format::new().set_num_format("#,##0");
    let money_fmt = Format::new().set_num_format("#,##0.00");
    let ws = wb.add_worksheet();
    ws.set_name(sheet)?;
    ws.write_string_with_format(0, 0, title, &bold)?;
    ws.write_string(1, 0, filters)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(HEAD_ROW, c as u16, *h, &head)?;
        ws.set_column_width(c as u16, (h.chars().count() as f64 + 4.0).max(12.0))?;
    }
    ws.set_freeze_panes(HEAD_ROW + 1, 0)?;
    for (r, row) in rows.iter().enumerate() {
        let r = HEAD_ROW + 1 + r as u32;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                ListCell::Empty => {}
                ListCell::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                ListCell::Int(i) => {
                    ws.write_number_with_format(r, c, *i as f64, &int_fmt)?;
                }
                ListCell::Money(m) => {
                    let f = if m.is_integer() { &int_fmt } else { &money_fmt };
                    ws.write_number_with_format(r, c, m.to_f64(), f)?;
                }
                ListCell::Date(d) => {
                    ws.write_number_with_format(r, c, date_to_serial(*d), &date_fmt)?;
                }
            }
        }
    }
    if !rows.is_empty() && !headers.is_empty() {
        ws.autofilter(
            HEAD_ROW,
            0,
            HEAD_ROW + rows.len() as u32,
            headers.len() as u16 - 1,
        )?;
    }
    wb.save_to_buffer()
}
