//! The self-scoring sheet (phiếu tự chấm điểm) as a workbook laid out like the official one:
//! no., criterion, maximum, the cooperative's score, notes — so a cooperative can fill it
//! offline and send it back.

use crate::Problem;
use crate::read::RawBook;
use hoptac_core::Fixed;
use hoptac_core::rubric::Rubric;
use hoptac_core::validate::Severity;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::collections::BTreeMap;

/// The sheet's name in the workbook.
pub const SHEET: &str = "Phieu tu cham diem";
const HEADER: [&str; 5] = [
    "STT",
    "Tiêu chí",
    "Điểm tối đa",
    "Điểm HTX tự chấm",
    "Ghi chú",
];

/// Writes the sheet for one cooperative and year, with the scores it has so far.
pub fn write_sheet(
    r: &Rubric,
    org: &str,
    year: i32,
    scores: &BTreeMap<String, Fixed>,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let head = Format::new().set_bold().set_text_wrap();
    let num = Format::new().set_num_format("0.##");
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    ws.write_string_with_format(
        0,
        0,
        format!("PHIẾU TỰ CHẤM ĐIỂM ĐÁNH GIÁ HỢP TÁC XÃ NĂM {year}"),
        &bold,
    )?;
    ws.write_string(1, 0, format!("Hợp tác xã: {org}"))?;
    ws.write_string(
        2,
        0,
        format!("{} — {} (phiên bản {})", r.id, r.legal_ref, r.version),
    )?;
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string_with_format(4, c as u16, *h, &head)?;
    }
    ws.set_column_width(0, 8)?;
    ws.set_column_width(1, 70)?;
    ws.set_column_width(2, 12)?;
    ws.set_column_width(3, 16)?;
    ws.set_column_width(4, 30)?;
    ws.set_freeze_panes(5, 0)?;
    for (k, i) in r.items().into_iter().enumerate() {
        let row = 5 + k as u32;
        let group = !i.children.is_empty();
        if group {
            ws.write_string_with_format(row, 0, &i.id, &bold)?;
            ws.write_string_with_format(row, 1, &i.title_vi, &bold)?;
        } else {
            ws.write_string(row, 0, &i.id)?;
            ws.write_string(row, 1, &i.title_vi)?;
        }
        if let Some(m) = i.max {
            ws.write_number_with_format(row, 2, m.to_f64(), &num)?;
        }
        if !group && let Some(s) = scores.get(&i.id) {
            ws.write_number_with_format(row, 3, s.to_f64(), &num)?;
        }
        if !i.confirmed {
            ws.write_string(row, 4, "điểm tối đa chưa xác nhận")?;
        }
    }
    wb.save_to_buffer()
}

fn problem(row: Option<u32>, value: String, msg: hoptac_core::Msg) -> Problem {
    Problem {
        severity: Severity::Error,
        sheet: SHEET.into(),
        row,
        column: Some(HEADER[3].into()),
        key: Some("self_score"),
        value,
        msg,
    }
}

/// Reads the scores back: each line's id in the first column, its score in the fourth.
/// Lines left empty stay unscored; a line that is not the rubric's, a group line with a
/// score or a cell that is not a number is a problem naming the row.
pub fn read_sheet(book: &RawBook, r: &Rubric) -> Result<BTreeMap<String, Fixed>, Vec<Problem>> {
    let Some(sheet) = book.sheets.first() else {
        return Err(vec![problem(
            None,
            String::new(),
            hoptac_core::msg!("scoring_sheet.no_sheet"),
        )]);
    };
    let header_at = sheet
        .rows
        .iter()
        .position(|(_, cells)| cells.first().and_then(|c| c.text()).as_deref() == Some(HEADER[0]));
    let Some(header_at) = header_at else {
        return Err(vec![problem(
            None,
            String::new(),
            hoptac_core::msg!("scoring_sheet.header_row_missing", header = HEADER[0]),
        )]);
    };
    let mut scores = BTreeMap::new();
    let mut problems = Vec::new();
    for (row, cells) in &sheet.rows[header_at + 1..] {
        let Some(id) = cells.first().and_then(|c| c.text()) else {
            continue;
        };
        let score = cells.get(3).map(|c| c.number()).unwrap_or(Ok(None));
        let item = r.item(&id);
        match (item, score) {
            (None, _) => problems.push(problem(
                Some(*row),
                id.clone(),
                hoptac_core::msg!("scoring_sheet.no_such_item", id = id, rubric = r.id),
            )),
            (_, Err(e)) => problems.push(problem(
                Some(*row),
                cells[3].shown(),
                hoptac_core::msg!(
                    "scoring_sheet.invalid_score",
                    id = id,
                    e = hoptac_core::i18n::Arg::both(e.expected_vi, e.expected_en)
                ),
            )),
            (Some(i), Ok(Some((v, _)))) if !i.children.is_empty() => problems.push(problem(
                Some(*row),
                v.to_string(),
                hoptac_core::msg!("scoring_sheet.item_is_a_sum", id = id),
            )),
            (Some(_), Ok(Some((v, _)))) => {
                scores.insert(id, v);
            }
            (Some(_), Ok(None)) => {}
        }
    }
    if problems.is_empty() {
        Ok(scores)
    } else {
        Err(problems)
    }
}
