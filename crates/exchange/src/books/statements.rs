//! The statements workbook: one sheet per form, laid out as Phụ lục IV draws it.

use hoptac_core::ledger::balance::TrialBalance;
use hoptac_core::ledger::statements::{B02, Position, Results};
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// What the forms' heading names.
pub struct StatementsHeading<'a> {
    pub org_code: &'a str,
    pub org_name: &'a str,
    pub address: &'a str,
    pub year: i32,
}

const REGIME: &str =
    "(Kèm theo Thông tư số 71/2024/TT-BTC ngày 07/10/2024 của Bộ trưởng Bộ Tài chính)";

struct Styles {
    bold: Format,
    title: Format,
    center: Format,
    italic: Format,
    header: Format,
    money: Format,
    money_bold: Format,
    text: Format,
}

fn styles() -> Styles {
    let money = Format::new()
        .set_num_format("#,##0;(#,##0);\"-\"")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    Styles {
        bold: Format::new().set_bold(),
        title: Format::new()
            .set_bold()
            .set_font_size(14)
            .set_align(FormatAlign::Center),
        center: Format::new().set_align(FormatAlign::Center),
        italic: Format::new().set_italic().set_align(FormatAlign::Center),
        header: Format::new()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_text_wrap()
            .set_border(rust_xlsxwriter::FormatBorder::Thin),
        money_bold: money.clone().set_bold(),
        money,
        text: Format::new()
            .set_border(rust_xlsxwriter::FormatBorder::Thin)
            .set_text_wrap(),
    }
}

fn heading(
    ws: &mut Worksheet,
    s: &Styles,
    h: &StatementsHeading,
    form: &str,
    title: &str,
    period: &str,
    width: u16,
) -> Result<u32, XlsxError> {
    ws.write_with_format(0, 0, format!("Đơn vị báo cáo: {}", h.org_name), &s.bold)?;
    ws.write(1, 0, format!("Mã số: {}", h.org_code))?;
    ws.write(2, 0, format!("Địa chỉ: {}", h.address))?;
    let last = width - 1;
    ws.merge_range(0, last - 1, 0, last, &format!("Mẫu số {form}"), &s.bold)?;
    ws.merge_range(1, last - 2, 1, last, REGIME, &s.italic)?;
    ws.merge_range(4, 0, 4, last, title, &s.title)?;
    ws.merge_range(5, 0, 5, last, period, &s.center)?;
    ws.merge_range(6, last - 1, 6, last, "Đơn vị tính: đồng", &s.italic)?;
    Ok(8)
}

fn signatures(
    ws: &mut Worksheet,
    s: &Styles,
    row: u32,
    year: i32,
    cols: [u16; 3],
) -> Result<(), XlsxError> {
    ws.write_with_format(
        row + 1,
        cols[2],
        format!("Lập, ngày ... tháng ... năm {}", year + 1),
        &s.italic,
    )?;
    for (c, (who, how)) in cols.iter().zip([
        ("Người lập biểu", "(Ký, họ tên)"),
        ("Kế toán trưởng", "(Ký, họ tên)"),
        ("Người đại diện theo pháp luật", "(Ký, họ tên, đóng dấu)"),
    ]) {
        ws.write_with_format(row + 2, *c, who, &s.bold)?;
        ws.write_with_format(row + 3, *c, how, &s.italic)?;
    }
    ws.write(
        row + 8,
        0,
        "Ghi chú: đơn vị thuê dịch vụ làm kế toán ghi số chứng chỉ hành nghề, tên đơn vị cung cấp dịch vụ kế toán.",
    )?;
    Ok(())
}

fn money(n: i128) -> f64 {
    // amounts up to a thousand trillion đồng are exact in a double
    n as f64
}

fn b01(
    wb: &mut Workbook,
    s: &Styles,
    h: &StatementsHeading,
    p: &Position,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("B01-HTX")?;
    let mut r = heading(
        ws,
        s,
        h,
        "B01-HTX",
        "BÁO CÁO TÌNH HÌNH TÀI CHÍNH",
        &format!("Tại ngày 31 tháng 12 năm {}", h.year),
        5,
    )?;
    for (c, t) in [
        "Chỉ tiêu",
        "Mã số",
        "Thuyết minh",
        "Số cuối năm",
        "Số đầu năm",
    ]
    .iter()
    .enumerate()
    {
        ws.write_with_format(r, c as u16, *t, &s.header)?;
    }
    r += 1;
    for l in &p.lines {
        let total = matches!(l.code, "200" | "300" | "400" | "500");
        ws.write_with_format(r, 0, l.name, if total { &s.header } else { &s.text })?;
        ws.write_with_format(r, 1, l.code, &s.text)?;
        ws.write_with_format(r, 2, "", &s.text)?;
        let f = if total { &s.money_bold } else { &s.money };
        ws.write_number_with_format(r, 3, money(l.closing), f)?;
        ws.write_number_with_format(r, 4, money(l.opening), f)?;
        r += 1;
    }
    for (a, n) in &p.unplaced {
        ws.write(r, 0, format!("Chưa trình bày được: số dư tài khoản {a} ({n} đồng) ở bên ngược với chỉ tiêu của nó"))?;
        r += 1;
    }
    ws.set_column_width(0, 52)?;
    ws.set_column_width(1, 8)?;
    ws.set_column_width(2, 11)?;
    ws.set_column_width(3, 18)?;
    ws.set_column_width(4, 18)?;
    signatures(ws, s, r, h.year, [0, 2, 3])
}

fn b02(
    wb: &mut Workbook,
    s: &Styles,
    h: &StatementsHeading,
    this: &Results,
    last: Option<&Results>,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("B02-HTX")?;
    let mut r = heading(
        ws,
        s,
        h,
        "B02-HTX",
        "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG",
        &format!("Năm {}", h.year),
        5,
    )?;
    for (c, t) in ["Chỉ tiêu", "Mã số", "Thuyết minh", "Năm nay", "Năm trước"]
        .iter()
        .enumerate()
    {
        ws.write_with_format(r, c as u16, *t, &s.header)?;
    }
    r += 1;
    for (code, name) in B02 {
        ws.write_with_format(r, 0, *name, &s.text)?;
        ws.write_with_format(r, 1, *code, &s.text)?;
        ws.write_with_format(r, 2, "", &s.text)?;
        ws.write_number_with_format(r, 3, money(this.get(code)), &s.money)?;
        match last {
            Some(l) => ws.write_number_with_format(r, 4, money(l.get(code)), &s.money)?,
            None => ws.write_with_format(r, 4, "", &s.text)?,
        };
        r += 1;
    }
    ws.set_column_width(0, 60)?;
    ws.set_column_width(1, 8)?;
    ws.set_column_width(2, 11)?;
    ws.set_column_width(3, 18)?;
    ws.set_column_width(4, 18)?;
    signatures(ws, s, r, h.year, [0, 2, 3])
}

fn f01(
    wb: &mut Workbook,
    s: &Styles,
    h: &StatementsHeading,
    t: &TrialBalance,
) -> Result<(), XlsxError> {
    let ws = wb.add_worksheet().set_name("F01-HTX")?;
    let mut r = heading(
        ws,
        s,
        h,
        "F01-HTX",
        "BẢNG CÂN ĐỐI TÀI KHOẢN",
        &format!("Năm {}", h.year),
        8,
    )?;
    ws.merge_range(r, 0, r + 1, 0, "Số hiệu tài khoản", &s.header)?;
    ws.merge_range(r, 1, r + 1, 1, "Tên tài khoản", &s.header)?;
    ws.merge_range(r, 2, r, 3, "Số dư đầu năm", &s.header)?;
    ws.merge_range(r, 4, r, 5, "Số phát sinh trong năm", &s.header)?;
    ws.merge_range(r, 6, r, 7, "Số dư cuối năm", &s.header)?;
    for c in [2u16, 4, 6] {
        ws.write_with_format(r + 1, c, "Nợ", &s.header)?;
        ws.write_with_format(r + 1, c + 1, "Có", &s.header)?;
    }
    r += 2;
    for row in &t.rows {
        ws.write_with_format(r, 0, row.account.as_str(), &s.text)?;
        ws.write_with_format(r, 1, row.name.as_str(), &s.text)?;
        for (c, v) in [
            row.opening_debit,
            row.opening_credit,
            row.debit,
            row.credit,
            row.closing_debit,
            row.closing_credit,
        ]
        .iter()
        .enumerate()
        {
            ws.write_number_with_format(r, 2 + c as u16, money(*v), &s.money)?;
        }
        r += 1;
    }
    ws.write_with_format(r, 0, "", &s.header)?;
    ws.write_with_format(r, 1, "Tổng cộng", &s.header)?;
    for (c, v) in [
        t.opening_debit,
        t.opening_credit,
        t.debit,
        t.credit,
        t.closing_debit,
        t.closing_credit,
    ]
    .iter()
    .enumerate()
    {
        ws.write_number_with_format(r, 2 + c as u16, money(*v), &s.money_bold)?;
    }
    ws.set_column_width(0, 10)?;
    ws.set_column_width(1, 40)?;
    for c in 2..8 {
        ws.set_column_width(c, 16)?;
    }
    signatures(ws, s, r + 1, h.year, [1, 4, 6])
}

/// B01-HTX, B02-HTX (with last year where known) and F01-HTX as one workbook.
pub fn statements_workbook(
    h: &StatementsHeading,
    position: &Position,
    results: &Results,
    last_year: Option<&Results>,
    trial: &TrialBalance,
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let s = styles();
    b01(&mut wb, &s, h, position)?;
    b02(&mut wb, &s, h, results, last_year)?;
    f01(&mut wb, &s, h, trial)?;
    wb.save_to_buffer()
}
