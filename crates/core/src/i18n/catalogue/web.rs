//! Messages of the web forms.

use crate::i18n::entry::Entry;

pub const ENTRIES: &[Entry] = &[
    (
        "web.passwords_differ",
        "Hai lần nhập mật khẩu mới không giống nhau",
        "The two new passwords differ",
    ),
    (
        "web.invalid_organisation_code",
        "Mã tổ chức không hợp lệ",
        "Invalid organisation code",
    ),
    ("web.unknown_role", "Vai trò không hợp lệ", "Unknown role"),
    (
        "web.invalid_date",
        "Ngày không hợp lệ \"{s}\"",
        "Invalid date \"{s}\"",
    ),
    (
        "web.invalid_year_in",
        "Năm không hợp lệ ở \"{key}\": \"{s}\"",
        "Invalid year in \"{key}\": \"{s}\"",
    ),
    (
        "web.year_expected",
        "Cần một năm (ví dụ 2021), có \"{s}\"",
        "A year is expected (e.g. 2021), found \"{s}\"",
    ),
    (
        "web.invalid_comparator",
        "So sánh không hợp lệ",
        "Invalid comparator",
    ),
    (
        "web.invalid_milestone",
        "Mốc \"{part}\" không hợp lệ; cần năm: giá trị (ví dụ 2023: 50)",
        "Invalid milestone \"{part}\"; expected year: value (e.g. 2023: 50)",
    ),
    (
        "web.number_expected",
        "Cần một số (ví dụ 1.800 hoặc 40,5), có \"{s}\"",
        "A number is expected (e.g. 1800 or 40.5), found \"{s}\"",
    ),
    (
        "web.target_value_missing",
        "Thiếu giá trị mục tiêu",
        "The target value is missing",
    ),
    (
        "web.invalid_year_param",
        "Năm không hợp lệ ở \"{key}\": \"{s}\" (cần 4 chữ số, ví dụ 2020)",
        "Invalid year in \"{key}\": \"{s}\" (expected 4 digits, e.g. 2020)",
    ),
    (
        "web.invalid_enumerated_param",
        "Giá trị \"{s}\" không hợp lệ ở \"{key}\"; cần một trong: {expected}",
        "Invalid value \"{s}\" for \"{key}\"; expected one of: {expected}",
    ),
    (
        "web.unreadable_upload",
        "Không đọc được tệp tải lên: {x}",
        "Could not read the upload: {x}",
    ),
    ("web.no_file_chosen", "Chưa chọn tệp", "No file was chosen"),
    (
        "web.not_utf8",
        "Tệp không phải văn bản UTF-8 (JSON)",
        "The file is not UTF-8 text (JSON)",
    ),
    (
        "web.invalid_case_date",
        "Ngày không hợp lệ \"{d}\"",
        "Invalid date \"{d}\"",
    ),
    (
        "web.no_step_chosen",
        "Chưa chọn việc xử lý",
        "No step chosen",
    ),
    (
        "web.invalid_commune",
        "Xã không hợp lệ: \"{s}\"",
        "Invalid commune: \"{s}\"",
    ),
    (
        "web.sheet.score_not_a_number",
        "Điểm dòng {key} không phải là số",
        "The score of line {key} is not a number",
    ),
    (
        "web.sheet.invalid_submission_date",
        "Ngày nộp không đúng dạng ngày (dd/mm/yyyy)",
        "The submission date is not a date (dd/mm/yyyy)",
    ),
    (
        "web.sheet.submission_in_future",
        "Ngày nộp không thể sau hôm nay",
        "The submission date cannot be after today",
    ),
    (
        "web.sheet.unknown_action",
        "Thao tác không hợp lệ",
        "Unknown action",
    ),
    (
        "web.sheet.nothing_entered",
        "Chưa nhập hoặc thay đổi điểm nào",
        "No score was entered or changed",
    ),
    (
        "web.sheet.next_band",
        "; đạt {points} điểm khi {measure} ≥ {low}",
        "; {points} points from {measure} ≥ {low}",
    ),
    (
        "web.sheet.figures_missing",
        "thiếu số liệu: {missing}",
        "figures missing: {missing}",
    ),
    (
        "web.sheet.band_points_unconfirmed",
        "? ({value}; mức điểm chưa xác nhận)",
        "? ({value}; band points unconfirmed)",
    ),
    (
        "web.sheet.rating_unknown",
        "chưa xác định (ngưỡng xếp loại chưa xác nhận)",
        "unknown (rating thresholds unconfirmed)",
    ),
    (
        "web.sheet.to_reach_rating",
        "Để đạt loại {rating} (từ {threshold} điểm) cần thêm {points} điểm, ít dòng nhất: {raises}.",
        "To reach {rating} ({threshold} points) {points} more points are needed; the fewest lines: {raises}.",
    ),
    (
        "web.missing_setting",
        "Chưa nhập: {setting}",
        "Missing: {setting}",
    ),
];
