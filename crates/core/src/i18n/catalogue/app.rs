//! Messages of the application services: permissions, import, review, plans.

use crate::i18n::entry::Entry;

pub const ENTRIES: &[Entry] = &[
    (
        "accounts.current_password_wrong",
        "Mật khẩu hiện tại không đúng",
        "The current password is wrong",
    ),
    (
        "accounts.initial_password_required",
        "Tài khoản mới cần mật khẩu ban đầu",
        "A new account needs an initial password",
    ),
    (
        "accounts.no_such_organisation",
        "Không có tổ chức \"{code}\"",
        "No organisation \"{code}\"",
    ),
    (
        "accounts.no_such_unit",
        "Không có đơn vị hành chính này",
        "No such administrative unit",
    ),
    (
        "accounts.password_too_short",
        "Mật khẩu cần ít nhất {min_password} ký tự",
        "A password needs at least {min_password} characters",
    ),
    (
        "accounts.password_contains_username",
        "Mật khẩu không được chứa tên đăng nhập",
        "The password must not contain the username",
    ),
    (
        "accounts.username_taken",
        "Tên đăng nhập \"{username}\" đã có: không tạo lại được (đổi mật khẩu: hoptac user passwd)",
        "The username \"{username}\" is taken: it is not created again (to reset its password: hoptac user passwd)",
    ),
    (
        "accounts.invalid_username",
        "Tên đăng nhập chỉ gồm chữ không dấu, số, . _ - (tối đa 40 ký tự)",
        "A username uses ASCII letters, digits, . _ - (at most 40 characters)",
    ),
    (
        "review.assignee_out_of_scope",
        "Không giao được cho {who}: tài khoản không có, đã khóa, hoặc không phụ trách địa bàn của tổ chức này",
        "Cannot assign to {who}: no such account, disabled, or not responsible for this organisation's ground",
    ),
    (
        "web.no_earlier_version",
        "Thay đổi #{id} không có bản trước (bản ghi được tạo mới lúc đó)",
        "Change #{id} has no earlier version (the record was created then)",
    ),
    (
        "review.case_not_closed",
        "Hồ sơ đang mở, không cần mở lại",
        "The case is open; there is nothing to reopen",
    ),
    (
        "review.reopen_reason_required",
        "Cần ghi lý do mở lại hồ sơ",
        "Say why the case is reopened",
    ),
    (
        "review.case_closed",
        "Trường hợp đã đóng",
        "The case is closed",
    ),
    (
        "review.dissolution_date_required",
        "Cần ngày hoàn thành giải thể",
        "The date the dissolution was completed is required",
    ),
    (
        "review.acceptance_reason_required",
        "Cần ghi lý do chấp nhận giải trình",
        "The reason for accepting the explanation is required",
    ),
    (
        "evaluation.classification_locked",
        "Đánh giá năm {year} đã duyệt: mở khóa trước khi sửa phân loại",
        "The {year} evaluation is approved: unlock it before changing the classification",
    ),
    (
        "scope.invalid_period",
        "Giai đoạn {from}–{to} không hợp lệ: cần năm đầu ≤ năm cuối, trong khoảng 1900–2200",
        "Invalid period {from}–{to}: the first year must not be after the last, within 1900–2200",
    ),
    (
        "scope.invalid_year",
        "Năm {year} không hợp lệ: cần trong khoảng 1900–2200",
        "Invalid year {year}: it must be within 1900–2200",
    ),
    (
        "scope.ambiguous_unit_name",
        "Tên \"{r}\" trùng với nhiều đơn vị: {list}; hãy ghi mã",
        "The name \"{r}\" matches several units: {list}; give the code",
    ),
    (
        "scope.no_such_unit",
        "Không tìm thấy đơn vị hành chính \"{r}\": hãy dùng mã (ví dụ 30049) hoặc tên đúng",
        "No administrative unit \"{r}\": use its code (e.g. 30049) or its exact name",
    ),
    (
        "import.core_indicator_redefined",
        "\"{id}\" là chỉ tiêu gốc của hệ thống, không định nghĩa lại được",
        "\"{id}\" is a core indicator and cannot be redefined",
    ),
    (
        "import.no_such_indicator",
        "Không có chỉ tiêu thống kê \"{b}\"",
        "No indicator \"{b}\"",
    ),
    (
        "import.no_such_plan",
        "Không có kế hoạch mã \"{code}\" trong tệp hay trong cơ sở dữ liệu",
        "No plan with code \"{code}\" in the file or the database",
    ),
    (
        "import.no_such_organisation",
        "Không có tổ chức mã \"{code}\" trong tệp hay trong cơ sở dữ liệu",
        "No organisation with code \"{code}\" in the file or the database",
    ),
    (
        "error.forbidden",
        "Tài khoản này không có quyền làm việc đó",
        "This account is not allowed to do that",
    ),
    (
        "error.too_large",
        "Tệp quá lớn: tối đa {value} MB",
        "The file is too large: at most {value} MB",
    ),
    (
        "error.unsupported_format",
        "Bản cài đặt này không xuất được tệp {f}; hãy tải bản Word (docx)",
        "This installation cannot make {f} files; download the Word file (docx)",
    ),
    (
        "error.busy",
        "Cơ sở dữ liệu đang bận (nhiều người cùng ghi); chưa có gì được ghi. Hãy gửi lại sau vài giây.",
        "The database is busy (others are writing at the same moment); nothing was written. Send it again in a few seconds.",
    ),
    (
        "error.system",
        "Lỗi hệ thống; dữ liệu không bị thay đổi. Hãy thử lại hoặc báo cho quản trị viên.",
        "System error; no data was changed. Try again or tell the administrator.",
    ),
    (
        "error.throttled",
        "Đăng nhập sai nhiều lần: hãy thử lại sau {s} giây",
        "Too many failed logins: try again in {s} seconds",
    ),
    (
        "error.unauthorized",
        "Sai tên đăng nhập hoặc mật khẩu",
        "Wrong username or password",
    ),
    (
        "evaluation.unreadable_file",
        "Không đọc được tệp: {x}",
        "Cannot read the file: {x}",
    ),
    (
        "evaluation.not_active_on_15_12",
        "Không còn hoạt động ngày 15/12/{year}",
        "Not active on 15 December {year}",
    ),
    (
        "evaluation.only_cooperatives",
        "Chỉ đánh giá hợp tác xã, liên hiệp hợp tác xã",
        "Only cooperatives and unions are evaluated",
    ),
    (
        "evaluation.under_12_months",
        "Hoạt động dưới 12 tháng (thành lập ngày {date}), không xếp loại năm {year}",
        "Operating for less than 12 months (founded {date}), not rated for {year}",
    ),
    (
        "evaluation.stopped_operating",
        "Ngừng hoạt động năm {year} (doanh thu 0, không có dịch vụ), không xếp loại",
        "Stopped operating in {year} (no revenue, no service), not rated",
    ),
    (
        "import.code_taken",
        "Mã \"{org}\" đã được dùng cho một tổ chức khác",
        "The code \"{org}\" is already used by another organisation",
    ),
    (
        "import.report_exists",
        "Đã có số liệu năm {y} của {org}: không tạo lại được; hãy sửa số liệu năm đó (/orgs/{org_2}/reports/{y_2}/edit), các giá trị cũ hiện ở đó",
        "Figures for {y} of {org} already exist: they are not created again; edit them instead (/orgs/{org_2}/reports/{y_2}/edit), where the stored values are shown",
    ),
    (
        "import.changed_meanwhile",
        "Bản ghi {key} đã được {by} sửa lúc {at}, sau khi trang này được mở: không có gì được ghi. Hãy tải lại trang để xem giá trị mới rồi sửa lại.",
        "Record {key} was changed by {by} at {at}, after this page was opened: nothing was written. Reload the page to see the new values, then edit again.",
    ),
    (
        "intent.key_taken",
        "{what} \"{key}\" đã có: không tạo lại được; hãy sửa bản ghi đó",
        "The {what} \"{key}\" is taken: it is not created again; edit that record instead",
    ),
    (
        "merge.code_reused",
        "Mã {drop} đã được dùng lại: không hoàn tác được",
        "The code {drop} is in use again: cannot undo",
    ),
    (
        "merge.already_undone",
        "Lần hợp nhất này đã được hoàn tác",
        "This merge was already undone",
    ),
    (
        "merge.with_itself",
        "Không thể hợp nhất một tổ chức với chính nó",
        "An organisation cannot be merged with itself",
    ),
    (
        "merge.different_kinds",
        "Hai tổ chức khác loại hình, không hợp nhất được",
        "The two organisations are of different kinds",
    ),
    (
        "plans.baseline_outside_data",
        "Năm gốc {baseline_year} nằm ngoài số liệu đang có ({lo}–{hi})",
        "The baseline year {baseline_year} lies outside the data held ({lo}–{hi})",
    ),
    (
        "plans.core_indicator_fixed",
        "\"{id}\" là chỉ tiêu gốc của hệ thống, không sửa được; hãy đặt mã khác",
        "\"{id}\" is a core indicator and cannot be changed; choose another id",
    ),
    (
        "plans.reports_missing",
        "{missing}/{active} tổ chức đang hoạt động chưa nộp báo cáo năm {year}: số liệu chỉ tính trên các báo cáo đã nộp",
        "{missing} of {active} active organisations have not reported for {year}: the figure covers the reports received",
    ),
    (
        "plans.managers_missing",
        "{missing}/{active} tổ chức đang hoạt động năm {year} chưa có hồ sơ cán bộ quản lý: tỷ lệ chỉ tính trên các tổ chức có hồ sơ",
        "{missing} of {active} organisations active in {year} have no managers on file: the share covers only those that do",
    ),
    (
        "plans.no_such_indicator_in_definition",
        "Không có chỉ tiêu thống kê \"{b}\"",
        "No indicator \"{b}\"",
    ),
    (
        "plans.no_such_indicator",
        "Không có chỉ tiêu thống kê \"{indicator}\"",
        "No indicator \"{indicator}\"",
    ),
    (
        "plans.milestone_outside_plan",
        "Năm {y} nằm ngoài kế hoạch ({baseline_year}–{to})",
        "Year {y} is outside the plan ({baseline_year}–{to})",
    ),
    (
        "plans.year_outside_plan",
        "Năm {year} nằm ngoài kế hoạch",
        "Year {year} is outside the plan",
    ),
    (
        "import.name_close_to_another",
        "Tên gần trùng với tổ chức {code} \"{name}\" cùng xã (giống {score}%): nếu là cùng một tổ chức, hãy dùng mã {code_2} thay vì tạo bản ghi mới",
        "The name is close to organisation {code} \"{name}\" in the same commune ({score}% alike): if it is the same organisation, use the code {code_2} instead of a new record",
    ),
    (
        "import.no_such_parent_unit",
        "Không có đơn vị cấp trên mã \"{pc}\" trong tệp hay trong cơ sở dữ liệu",
        "No parent unit with code \"{pc}\" in the file or the database",
    ),
    (
        "reporting.reopen_needs_reason",
        "Mở lại năm đã khóa sổ cần ghi lý do",
        "Reopening a closed year needs a reason",
    ),
    (
        "import.report_outside_new_life",
        "Đã có báo cáo năm {year} của {org}: ngày thành lập/giải thể mới làm năm đó nằm ngoài thời gian hoạt động",
        "A report for {year} of {org} is stored: the new founding/dissolution date puts that year outside its life",
    ),
    (
        "rubrics.unchanged",
        "Không có thay đổi so với {id} phiên bản {version}",
        "Nothing changed from {id} version {version}",
    ),
    (
        "import.may_not_write",
        "Tài khoản \"{name}\" không có quyền ghi {key} (ngoài phạm vi hoặc vai trò)",
        "Account \"{name}\" may not write {key} (outside its scope or role)",
    ),
    (
        "import.parent_not_higher",
        "Đơn vị cấp trên \"{p}\" không ở cấp cao hơn \"{u}\"",
        "The parent \"{p}\" is not at a higher level than \"{u}\"",
    ),
    (
        "import.unit_below_itself",
        "Đơn vị \"{u}\" sẽ nằm dưới chính nó: cây đơn vị hành chính không được có vòng",
        "Unit \"{u}\" would lie below itself: the tree of administrative units cannot have a cycle",
    ),
    (
        "import.year_closed",
        "Năm {year} đã khóa sổ ({actor} lúc {at}): không sửa được số liệu năm này; cán bộ phụ trách cần mở lại năm đó, có ghi lý do",
        "{year} is closed ({actor} at {at}): its figures cannot change; the office must reopen the year, giving a reason",
    ),
    (
        "validation.rule_message",
        "{message} [{expression}]",
        "{message} [{expression}]",
    ),
    (
        "validation.invalid_rule_id",
        "Mã quy tắc chỉ gồm chữ không dấu, số, . _ -",
        "A rule id uses ASCII letters, digits, . _ -",
    ),
    (
        "validation.message_vi_required",
        "Cần nội dung thông báo bằng tiếng Việt",
        "A Vietnamese message is required",
    ),
    (
        "reporting.year_already_closed",
        "Năm {year} đã khóa sổ ở phạm vi này",
        "{year} is already closed in this scope",
    ),
    (
        "reporting.year_not_closed",
        "Năm {year} chưa khóa sổ ở phạm vi này",
        "{year} is not closed in this scope",
    ),
    (
        "error.not_found",
        "Không tìm thấy {what} \"{key}\"",
        "No {what} \"{key}\" was found",
    ),
    ("error.kind.account", "tài khoản", "account"),
    ("error.kind.case", "trường hợp rà soát", "review case"),
    ("error.kind.indicator", "chỉ tiêu thống kê", "indicator"),
    ("error.kind.merge", "lần hợp nhất", "merge"),
    ("error.kind.org", "tổ chức", "organisation"),
    ("error.kind.page", "trang", "page"),
    ("error.kind.plan", "kế hoạch", "plan"),
    ("error.kind.report", "báo cáo năm", "yearly report"),
    ("error.kind.rubric", "bộ tiêu chí", "rubric"),
    ("error.kind.rule", "quy tắc kiểm tra", "validation rule"),
    ("error.kind.target", "chỉ tiêu kế hoạch", "plan target"),
    ("error.kind.item", "mục", "item"),
    ("intent.what.indicator_id", "Mã chỉ tiêu", "indicator id"),
    ("intent.what.plan_code", "Mã kế hoạch", "plan code"),
    (
        "intent.what.target_number",
        "Số chỉ tiêu của kế hoạch",
        "target number of the plan",
    ),
    ("intent.what.rule_id", "Mã quy tắc", "rule id"),
    (
        "import.no_unit_on_date",
        "Không có đơn vị mã {code} có hiệu lực ngày {date}",
        "No unit with code {code} is in force on {date}",
    ),
    (
        "import.unit_versions_overlap",
        "Hai phiên bản của đơn vị mã {code} có thời gian hiệu lực chồng lên nhau",
        "Two versions of unit {code} overlap in time",
    ),
    (
        "import.change_cycle",
        "Các dòng sáp nhập, chia tách từ đơn vị {code} quay vòng về chính nó",
        "The changes from unit {code} come back to it in a cycle",
    ),
    (
        "import.full_and_partial",
        "Đơn vị {code} vừa sáp nhập toàn bộ vừa chia tách một phần",
        "Unit {code} is both wholly merged and split",
    ),
    (
        "import.change_out_of_time",
        "Đơn vị cũ {old} phải hết hiệu lực ngày trước ngày hiệu lực và đơn vị mới {new} bắt đầu đúng ngày đó",
        "The old unit {old} must end the day before the change and the new unit {new} begin on it",
    ),
    (
        "import.move_out_of_time",
        "Xã {commune} không có hiệu lực vào ngày chuyển của {org}",
        "Commune {commune} is not in force on the date {org} moves",
    ),
    (
        "units.no_such_province",
        "Sổ đơn vị hành chính không có tỉnh mã {code}",
        "The register of administrative units has no province with code {code}",
    ),
    (
        "units.not_in_register",
        "Không có đơn vị mã {code} đang có hiệu lực trong sổ đơn vị hành chính",
        "No unit with code {code} is in force in the register of administrative units",
    ),
];
