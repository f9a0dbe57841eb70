//! Messages and words of the office's daily work: corrections (archive and restore),
//! managers in the browser.

use crate::i18n::entry::Entry;

pub const MESSAGES: &[Entry] = &[
    (
        "corrections.reason_required",
        "Cần ghi lý do lưu trữ (ví dụ: nhập nhầm năm, trùng báo cáo)",
        "A reason for archiving is needed (for example: wrong year entered, duplicate report)",
    ),
    (
        "corrections.already_restored",
        "Báo cáo năm {year} của {org} đã được khôi phục trước đó",
        "The {year} report of {org} was already restored",
    ),
    (
        "corrections.year_taken",
        "{org} đã có số liệu năm {year} được nhập sau khi lưu trữ: hãy lưu trữ bản đang có trước khi khôi phục bản cũ",
        "{org} has figures for {year} entered after the archive: archive the current ones before restoring the old",
    ),
    (
        "import.manager_exists",
        "{org} đã có cán bộ {name} với cùng chức vụ và ngày bắt đầu: hãy sửa người đó thay vì thêm mới",
        "{org} already has {name} in the same role from the same date: edit that entry instead of adding one",
    ),
];

pub const UI: &[Entry] = &[];
