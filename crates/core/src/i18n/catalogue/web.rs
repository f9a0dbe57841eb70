//! Messages of the web forms.

use crate::i18n::entry::Entry;

pub const ENTRIES: &[Entry] = &[
    ("forms.value", "{value}", "{value}"),
    (
        "login.two_new_passwords_differ",
        "Hai lần nhập mật khẩu mới không giống nhau",
        "The two new passwords differ",
    ),
    (
        "manage.invalid_organisation_code",
        "Mã tổ chức không hợp lệ",
        "Invalid organisation code",
    ),
    (
        "manage.unknown_role",
        "Vai trò không hợp lệ",
        "Unknown role",
    ),
    (
        "plan.invalid_date_s",
        "Ngày không hợp lệ \"{s}\"",
        "Invalid date \"{s}\"",
    ),
    (
        "plan.invalid_year_key_s",
        "Năm không hợp lệ ở \"{key}\": \"{s}\"",
        "Invalid year in \"{key}\": \"{s}\"",
    ),
    (
        "plan.year_expected_e_g_2021",
        "Cần một năm (ví dụ 2021), có \"{s}\"",
        "A year is expected (e.g. 2021), found \"{s}\"",
    ),
    ("sheet.value", "{value}", "{value}"),
    (
        "targets.invalid_comparator",
        "So sánh không hợp lệ",
        "Invalid comparator",
    ),
    (
        "targets.invalid_milestone_part_expected_year",
        "Mốc \"{part}\" không hợp lệ; cần năm: giá trị (ví dụ 2023: 50)",
        "Invalid milestone \"{part}\"; expected year: value (e.g. 2023: 50)",
    ),
    (
        "targets.number_expected_e_g_1800",
        "Cần một số (ví dụ 1.800 hoặc 40,5), có \"{s}\"",
        "A number is expected (e.g. 1800 or 40.5), found \"{s}\"",
    ),
    (
        "targets.target_value_missing",
        "Thiếu giá trị mục tiêu",
        "The target value is missing",
    ),
];
