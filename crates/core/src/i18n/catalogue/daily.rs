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
    (
        "registry.export_too_many",
        "Danh sách lọc được quá {max} dòng: hãy lọc hẹp hơn (theo xã, loại hình, năm) rồi xuất lại",
        "The filtered list has over {max} rows: narrow the filters (commune, kind, year) and export again",
    ),
];

pub const UI: &[Entry] = &[
    ("add_manager", "Thêm cán bộ", "Add a manager"),
    ("edit_manager", "Sửa cán bộ", "Edit manager"),
    ("term_from", "Bắt đầu nhiệm kỳ", "Term from"),
    ("term_to", "Kết thúc nhiệm kỳ", "Term to"),
    (
        "date_hint",
        "ngày/tháng/năm, ví dụ 15/01/2026",
        "day/month/year, e.g. 15/01/2026",
    ),
    ("archive", "Lưu trữ", "Archive"),
    (
        "archive_report",
        "Lưu trữ báo cáo năm",
        "Archive the report of",
    ),
    ("archive_reason", "Lý do", "Reason"),
    ("reason", "Lý do", "Reason"),
    ("archived_reports", "Báo cáo đã lưu trữ", "Archived reports"),
    ("archived_on", "Lưu trữ lúc", "Archived at"),
    ("by", "Người thực hiện", "By"),
    ("restore", "Khôi phục", "Restore"),
    ("restored_on", "Đã khôi phục lúc", "Restored at"),
    (
        "report_archived",
        "Đã lưu trữ báo cáo năm",
        "Archived the report of",
    ),
    (
        "report_restored",
        "Đã khôi phục báo cáo.",
        "Report restored.",
    ),
    ("status_all", "Tất cả", "All"),
    ("status_active", "Đang hoạt động", "Operating"),
    ("status_dissolved", "Đã giải thể", "Dissolved"),
    ("founded_in", "Thành lập năm", "Founded in"),
    ("figures_year", "Số liệu năm", "Figures of"),
    ("page_size", "Số dòng mỗi trang", "Rows per page"),
    (
        "export_list",
        "Xuất danh sách ra Excel",
        "Export the list to Excel",
    ),
    ("print", "In", "Print"),
    (
        "registry_list_title",
        "Danh sách tổ chức kinh tế tập thể",
        "List of collective economic organisations",
    ),
    ("filtered_by", "Lọc theo", "Filtered by"),
    (
        "no_filter",
        "Không lọc: toàn bộ tổ chức trong phạm vi",
        "No filter: every organisation in scope",
    ),
    (
        "footer_note",
        "phần mềm mã nguồn mở quản lý kinh tế tập thể",
        "open-source software for the collective economy",
    ),
    ("todo", "Việc cần làm", "To do"),
    ("todo_as_of", "Tính đến ngày", "As of"),
    ("todo_items", "việc", "items"),
    ("deadlines", "Hạn sắp tới", "Coming deadlines"),
    ("days_left_pre", "còn", "in"),
    ("days_left_post", "ngày", "days"),
    ("due_today", "hạn hôm nay", "due today"),
    (
        "deadline_evaluation",
        "Nộp bảng tự chấm điểm năm",
        "Self-scoring sheet for",
    ),
    (
        "deadline_report",
        "Nộp báo cáo tình hình hoạt động năm",
        "Yearly activity report for",
    ),
    (
        "deadline_statements",
        "Nộp báo cáo tài chính năm",
        "Financial statements for",
    ),
    (
        "todo_submit",
        "Bảng tự chấm điểm chưa nộp, năm",
        "Self-scoring sheet not yet submitted, year",
    ),
    (
        "todo_review",
        "Bảng điểm chờ xem xét",
        "Sheets waiting for review",
    ),
    (
        "todo_approve",
        "Bảng điểm chờ phê duyệt",
        "Sheets waiting for approval",
    ),
    (
        "todo_overdue",
        "Chưa nộp báo cáo năm",
        "Yearly report missing for",
    ),
    ("todo_cases", "Hồ sơ rà soát đang mở", "Open review cases"),
    ("todo_cases_open", "hồ sơ đang mở", "open cases"),
    (
        "todo_unplaced",
        "Tổ chức chưa xếp vào xã mới sau chia tách",
        "Organisations not yet placed in a new commune after a split",
    ),
    ("todo_place_them", "Xếp vào xã mới", "Place them"),
    (
        "todo_nothing",
        "Không có việc nào đang chờ.",
        "Nothing is waiting.",
    ),
];
