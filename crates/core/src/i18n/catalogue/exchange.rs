//! Messages of reading workbooks and CSV files.

use crate::i18n::entry::Entry;

pub const ENTRIES: &[Entry] = &[
    (
        "definitions.invalid_comparator_c_expected_range",
        "So sánh \"{c}\" không hợp lệ; cần >=, >, <=, <, = hoặc range (trở lên, trên, trở xuống, dưới, bằng, khoảng)",
        "Invalid comparator \"{c}\"; expected >=, >, <=, <, = or range",
    ),
    (
        "definitions.invalid_milestone_part_expected_year",
        "Mốc lộ trình \"{part}\" không hợp lệ; cần dạng năm: giá trị; … (ví dụ 2023: 50; 2025: 70)",
        "Invalid milestone \"{part}\"; expected year: value; … (e.g. 2023: 50; 2025: 70)",
    ),
    (
        "definitions.year_within_1900_2200",
        "Năm phải trong khoảng 1900–2200",
        "The year must be within 1900–2200",
    ),
    (
        "layout.column_h_duplicates_column_first",
        "Cột \"{h}\" trùng với cột \"{first}\" (cùng là {key})",
        "Column \"{h}\" duplicates column \"{first}\" (both are {key})",
    ),
    (
        "layout.column_h_not_part_data",
        "Cột \"{h}\" không thuộc mẫu trao đổi dữ liệu nên không được nhập",
        "Column \"{h}\" is not part of the data exchange format and is not imported",
    ),
    (
        "layout.duplicate_key_key_already_row",
        "Trùng khóa \"{key}\": đã có ở dòng {first}",
        "Duplicate key \"{key}\": already on row {first}",
    ),
    (
        "layout.required_column_c_key_key",
        "Thiếu cột bắt buộc \"{c}\" (khóa {key})",
        "The required column \"{c}\" (key {key}) is missing",
    ),
    (
        "parse.sheet_not_part_data_exchange",
        "Trang tính không thuộc mẫu trao đổi dữ liệu nên không được nhập (tên hợp lệ: admin_units, organizations, annual_reports, managers hoặc tên tiếng Việt)",
        "Sheet is not part of the data exchange format and is not imported (valid names: admin_units, organizations, annual_reports, managers or their Vietnamese names)",
    ),
    (
        "parse.table_key_appears_twice_already",
        "Bảng {key} xuất hiện hai lần (đã có trang \"{first}\")",
        "Table {key} appears twice (already sheet \"{first}\")",
    ),
    (
        "reader.ambiguous_separators_shown_was_read",
        "Dấu phân cách không rõ: \"{shown}\" được đọc theo kiểu Việt Nam là {value}",
        "Ambiguous separators: \"{shown}\" was read the Vietnamese way as {value}",
    ),
    ("reader.expected_value", "Cần {value}", "Expected {value}"),
    (
        "reader.required_value_missing",
        "Thiếu giá trị bắt buộc",
        "A required value is missing",
    ),
    (
        "reader.unknown_service_part_separate_services",
        "Dịch vụ không hợp lệ \"{part}\" (các dịch vụ cách nhau bởi dấu ;); cần một trong: {expected_list}",
        "Unknown service \"{part}\" (separate services with ;); expected one of: {expected_list}",
    ),
    (
        "reader.unknown_value_s_expected_one",
        "Giá trị không hợp lệ \"{s}\"; cần một trong: {expected}",
        "Unknown value \"{s}\"; expected one of: {expected}",
    ),
    (
        "register.invalid_code_at_most_40",
        "Mã không hợp lệ (tối đa 40 ký tự, không chứa / ? #)",
        "Invalid code (at most 40 characters, no / ? #)",
    ),
    (
        "register.valid_date_before_valid_from",
        "Ngày hết hiệu lực trước ngày có hiệu lực",
        "Valid-to date is before the valid-from date",
    ),
    (
        "register.year_within_1900_2200",
        "Năm phải trong khoảng 1900–2200",
        "The year must be within 1900–2200",
    ),
    ("scoring_sheet.value", "{value}", "{value}"),
];
