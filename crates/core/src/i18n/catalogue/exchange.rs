//! Messages of reading workbooks and CSV files.

use crate::i18n::entry::Entry;

pub const ENTRIES: &[Entry] = &[
    (
        "exchange.definitions.invalid_comparator",
        "So sánh \"{c}\" không hợp lệ; cần >=, >, <=, <, = hoặc range (trở lên, trên, trở xuống, dưới, bằng, khoảng)",
        "Invalid comparator \"{c}\"; expected >=, >, <=, <, = or range",
    ),
    (
        "exchange.definitions.invalid_milestone",
        "Mốc lộ trình \"{part}\" không hợp lệ; cần dạng năm: giá trị; … (ví dụ 2023: 50; 2025: 70)",
        "Invalid milestone \"{part}\"; expected year: value; … (e.g. 2023: 50; 2025: 70)",
    ),
    (
        "exchange.definitions.year_out_of_range",
        "Năm phải trong khoảng 1900–2200",
        "The year must be within 1900–2200",
    ),
    (
        "exchange.duplicate_column",
        "Cột \"{h}\" trùng với cột \"{first}\" (cùng là {key})",
        "Column \"{h}\" duplicates column \"{first}\" (both are {key})",
    ),
    (
        "exchange.unknown_column",
        "Cột \"{h}\" không thuộc mẫu trao đổi dữ liệu nên không được nhập",
        "Column \"{h}\" is not part of the data exchange format and is not imported",
    ),
    (
        "exchange.duplicate_key",
        "Trùng khóa \"{key}\": đã có ở dòng {first}",
        "Duplicate key \"{key}\": already on row {first}",
    ),
    (
        "exchange.required_column_missing",
        "Thiếu cột bắt buộc \"{c}\" (khóa {key})",
        "The required column \"{c}\" (key {key}) is missing",
    ),
    (
        "exchange.unknown_sheet",
        "Trang tính không thuộc mẫu trao đổi dữ liệu nên không được nhập (tên hợp lệ: admin_units, organizations, annual_reports, managers hoặc tên tiếng Việt)",
        "Sheet is not part of the data exchange format and is not imported (valid names: admin_units, organizations, annual_reports, managers or their Vietnamese names)",
    ),
    (
        "exchange.duplicate_table",
        "Bảng {key} xuất hiện hai lần (đã có trang \"{first}\")",
        "Table {key} appears twice (already sheet \"{first}\")",
    ),
    (
        "exchange.ambiguous_separators",
        "Dấu phân cách không rõ: \"{shown}\" được đọc theo kiểu Việt Nam là {value}",
        "Ambiguous separators: \"{shown}\" was read the Vietnamese way as {value}",
    ),
    ("exchange.expected", "Cần {value}", "Expected {value}"),
    (
        "exchange.required_value_missing",
        "Thiếu giá trị bắt buộc",
        "A required value is missing",
    ),
    (
        "exchange.unknown_service",
        "Dịch vụ không hợp lệ \"{part}\" (các dịch vụ cách nhau bởi dấu ;); cần một trong: {expected_list}",
        "Unknown service \"{part}\" (separate services with ;); expected one of: {expected_list}",
    ),
    (
        "exchange.unknown_value",
        "Giá trị không hợp lệ \"{s}\"; cần một trong: {expected}",
        "Unknown value \"{s}\"; expected one of: {expected}",
    ),
    (
        "exchange.invalid_code",
        "Mã không hợp lệ (tối đa 40 ký tự, không chứa / ? #)",
        "Invalid code (at most 40 characters, no / ? #)",
    ),
    (
        "exchange.valid_to_before_valid_from",
        "Ngày hết hiệu lực trước ngày có hiệu lực",
        "Valid-to date is before the valid-from date",
    ),
    (
        "exchange.year_out_of_range",
        "Năm phải trong khoảng 1900–2200",
        "The year must be within 1900–2200",
    ),
    (
        "scoring_sheet.no_sheet",
        "Tệp không có trang tính nào",
        "The file has no sheet",
    ),
    (
        "scoring_sheet.header_row_missing",
        "Không tìm thấy dòng tiêu đề \"{header}\" của phiếu tự chấm điểm",
        "The sheet's header row (\"{header}\") is missing",
    ),
    (
        "scoring_sheet.no_such_item",
        "Mục {id} không có trong bộ tiêu chí {rubric}",
        "Item {id} is not in rubric {rubric}",
    ),
    (
        "scoring_sheet.invalid_score",
        "Điểm mục {id} phải là {e}",
        "The score of item {id} must be {e}",
    ),
    (
        "scoring_sheet.item_is_a_sum",
        "Mục {id} là tổng các tiểu mục, không ghi điểm",
        "Item {id} is the sum of its lines; leave it empty",
    ),
    (
        "exchange.unreadable_file",
        "Không đọc được tệp: {reason}",
        "Cannot read the file: {reason}",
    ),
    (
        "exchange.no_tables",
        "Không có bảng nào theo mẫu trao đổi dữ liệu (cần: admin_units, organizations, annual_reports, managers)",
        "No sheet of the data exchange format was found (expected: admin_units, organizations, annual_reports, managers)",
    ),
    (
        "exchange.limit.not_xlsx",
        "không phải tệp .xlsx hợp lệ: tệp bị hỏng hoặc không phải bảng tính Excel; hãy lưu lại bằng Excel (Lưu thành… Sổ làm việc Excel .xlsx) rồi gửi lại. Chi tiết kỹ thuật: {e}",
        "not a valid .xlsx file: the file is damaged or not an Excel workbook; save it again in Excel (Save as… Excel Workbook .xlsx) and send it again. Technical detail: {e}",
    ),
    (
        "exchange.limit.too_many_parts",
        "tệp có {zip} phần, tối đa {parts}",
        "the file has {zip} parts, at most {parts}",
    ),
    (
        "exchange.limit.broken_part",
        "phần thứ {i} của tệp hỏng ({e})",
        "part {i} of the file is broken ({e})",
    ),
    (
        "exchange.limit.cannot_decompress",
        "không giải nén được {name} ({e})",
        "cannot decompress {name} ({e})",
    ),
    (
        "exchange.limit.part_too_large",
        "phần {name} khi giải nén vượt {part_bytes} MB",
        "part {name} decompresses to more than {part_bytes} MB",
    ),
    (
        "exchange.limit.file_too_large",
        "tệp khi giải nén vượt {total_bytes} MB",
        "the file decompresses to more than {total_bytes} MB",
    ),
    (
        "exchange.limit.too_many_cells",
        "tệp có hơn {cells} ô",
        "the file has more than {cells} cells",
    ),
    (
        "exchange.limit.broken_xml",
        "{name}: XML hỏng ({e})",
        "{name}: broken XML ({e})",
    ),
    (
        "exchange.limit.range_backwards",
        "trang {sheet}: vùng khai báo {a_to_b} ngược chiều",
        "sheet {sheet}: the declared range {a_to_b} runs backwards",
    ),
    (
        "exchange.limit.row_past_limit",
        "trang {sheet}: dòng {row_no} vượt giới hạn {rows} dòng",
        "sheet {sheet}: row {row_no} is past the limit of {rows} rows",
    ),
    (
        "exchange.limit.cell_too_long",
        "trang {sheet}: có ô dài hơn {cell_chars} ký tự",
        "sheet {sheet}: a cell is longer than {cell_chars} characters",
    ),
    (
        "exchange.limit.column_past_limit",
        "trang {sheet}: ô {far} vượt giới hạn {columns} cột",
        "sheet {sheet}: cell {far} is past the limit of {columns} columns",
    ),
    (
        "exchange.limit.cell_row_past_limit",
        "trang {sheet}: ô {far} vượt giới hạn {rows} dòng",
        "sheet {sheet}: cell {far} is past the limit of {rows} rows",
    ),
    (
        "exchange.limit.sheet_too_many_cells",
        "trang {sheet}: vùng dữ liệu đến ô {far} có hơn {sheet_cells} ô",
        "sheet {sheet}: the data up to cell {far} spans more than {sheet_cells} cells",
    ),
    (
        "exchange.limit.too_many_shared_strings",
        "tệp có hơn {shared_strings} chuỗi dùng chung",
        "the file has more than {shared_strings} shared strings",
    ),
    (
        "exchange.limit.shared_string_too_long",
        "tệp có chuỗi dài hơn {cell_chars} ký tự",
        "the file has a string longer than {cell_chars} characters",
    ),
    (
        "exchange.limit.csv_too_many_rows",
        "{name}.csv: hơn {rows} dòng",
        "{name}.csv: more than {rows} rows",
    ),
    (
        "exchange.limit.csv_too_many_columns",
        "{name}.csv: dòng {rows} có {fields} cột, tối đa {columns}",
        "{name}.csv: row {rows} has {fields} columns, at most {columns}",
    ),
    (
        "exchange.only_xlsx_or_csv",
        "{file}: chỉ nhận tệp .xlsx hoặc .csv",
        "{file}: only .xlsx or .csv files are accepted",
    ),
    (
        "exchange.csv_not_utf8",
        "{name}.csv: không phải UTF-8 ({e}); hãy lưu lại dạng CSV UTF-8",
        "{name}.csv: not UTF-8 ({e}); save it again as CSV UTF-8",
    ),
    (
        "exchange.limit.csv_field_too_long",
        "{name}.csv: dòng {row} có ô dài {chars} ký tự, tối đa {limit}",
        "{name}.csv: row {row} has a field of {chars} characters, at most {limit}",
    ),
    (
        "exchange.name_too_long",
        "Tên dài {n} ký tự, quá {max} ký tự cho phép",
        "The name is {n} characters long, more than the {max} allowed",
    ),
    (
        "exchange.founded_too_early",
        "Ngày thành lập trước năm {min}: kiểm tra lại năm (gõ nhầm?)",
        "Founded before {min}: check the year (a typing slip?)",
    ),
];
