//! Messages of the application services: permissions, import, review, plans.

use crate::i18n::entry::Entry;

pub const ENTRIES: &[Entry] = &[
    (
        "auth.current_password_wrong",
        "Mật khẩu hiện tại không đúng",
        "The current password is wrong",
    ),
    (
        "auth.new_account_needs_initial_password",
        "Tài khoản mới cần mật khẩu ban đầu",
        "A new account needs an initial password",
    ),
    (
        "auth.no_organisation_code",
        "Không có tổ chức \"{code}\"",
        "No organisation \"{code}\"",
    ),
    (
        "auth.no_such_administrative_unit",
        "Không có đơn vị hành chính này",
        "No such administrative unit",
    ),
    (
        "auth.password_needs_at_least_min",
        "Mật khẩu cần ít nhất {min_password} ký tự",
        "A password needs at least {min_password} characters",
    ),
    (
        "auth.password_not_contain_username",
        "Mật khẩu không được chứa tên đăng nhập",
        "The password must not contain the username",
    ),
    (
        "auth.username_username_taken_not_created",
        "Tên đăng nhập \"{username}\" đã có: không tạo lại được (đổi mật khẩu: hoptac user passwd)",
        "The username \"{username}\" is taken: it is not created again (to reset its password: hoptac user passwd)",
    ),
    (
        "auth.username_uses_ascii_letters_digits",
        "Tên đăng nhập chỉ gồm chữ không dấu, số, . _ - (tối đa 40 ký tự)",
        "A username uses ASCII letters, digits, . _ - (at most 40 characters)",
    ),
    (
        "checks.case_closed",
        "Trường hợp đã đóng",
        "The case is closed",
    ),
    (
        "checks.date_dissolution_was_completed_required",
        "Cần ngày hoàn thành giải thể",
        "The date the dissolution was completed is required",
    ),
    (
        "checks.reason_accepting_explanation_required",
        "Cần ghi lý do chấp nhận giải trình",
        "The reason for accepting the explanation is required",
    ),
    (
        "classification.year_evaluation_approved_unlock_before",
        "Đánh giá năm {year} đã duyệt: mở khóa trước khi sửa phân loại",
        "The {year} evaluation is approved: unlock it before changing the classification",
    ),
    (
        "context.invalid_period_from_first_year",
        "Giai đoạn {from}–{to} không hợp lệ: cần năm đầu ≤ năm cuối, trong khoảng 1900–2200",
        "Invalid period {from}–{to}: the first year must not be after the last, within 1900–2200",
    ),
    (
        "context.invalid_year_year_within_1900",
        "Năm {year} không hợp lệ: cần trong khoảng 1900–2200",
        "Invalid year {year}: it must be within 1900–2200",
    ),
    (
        "context.name_r_matches_several_units",
        "Tên \"{r}\" trùng với nhiều đơn vị: {list}; hãy ghi mã",
        "The name \"{r}\" matches several units: {list}; give the code",
    ),
    (
        "context.no_administrative_unit_r_use",
        "Không tìm thấy đơn vị hành chính \"{r}\": hãy dùng mã (ví dụ 30049) hoặc tên đúng",
        "No administrative unit \"{r}\": use its code (e.g. 30049) or its exact name",
    ),
    (
        "definitions.id_core_indicator_cannot_redefined",
        "\"{id}\" là chỉ tiêu gốc của hệ thống, không định nghĩa lại được",
        "\"{id}\" is a core indicator and cannot be redefined",
    ),
    (
        "definitions.no_indicator_b",
        "Không có chỉ tiêu thống kê \"{b}\"",
        "No indicator \"{b}\"",
    ),
    (
        "definitions.no_plan_with_code_code",
        "Không có kế hoạch mã \"{code}\" trong tệp hay trong cơ sở dữ liệu",
        "No plan with code \"{code}\" in the file or the database",
    ),
    (
        "draft.no_organisation_with_code_code",
        "Không có tổ chức mã \"{code}\" trong tệp hay trong cơ sở dữ liệu",
        "No organisation with code \"{code}\" in the file or the database",
    ),
    (
        "error.account_not_allowed_do",
        "Tài khoản này không có quyền làm việc đó",
        "This account is not allowed to do that",
    ),
    ("error.e", "{e}", "{e}"),
    (
        "error.file_too_large_at_most",
        "Tệp quá lớn: tối đa {value} MB",
        "The file is too large: at most {value} MB",
    ),
    (
        "error.installation_cannot_make_f_files",
        "Bản cài đặt này không xuất được tệp {f}; hãy tải bản Word (docx)",
        "This installation cannot make {f} files; download the Word file (docx)",
    ),
    (
        "error.no_vi_kind_key_was",
        "Không tìm thấy {vi_kind} \"{key}\"",
        "No {vi_kind} \"{key}\" was found",
    ),
    (
        "error.system_error_no_data_was",
        "Lỗi hệ thống; dữ liệu không bị thay đổi. Hãy thử lại hoặc báo cho quản trị viên.",
        "System error; no data was changed. Try again or tell the administrator.",
    ),
    (
        "error.too_many_failed_logins_try",
        "Đăng nhập sai nhiều lần: hãy thử lại sau {s} giây",
        "Too many failed logins: try again in {s} seconds",
    ),
    (
        "error.wrong_username_password",
        "Sai tên đăng nhập hoặc mật khẩu",
        "Wrong username or password",
    ),
    (
        "evaluation.cannot_read_file_x",
        "Không đọc được tệp: {x}",
        "Cannot read the file: {x}",
    ),
    (
        "evaluation.not_active_15_december_year",
        "Không còn hoạt động ngày 15/12/{year}",
        "Not active on 15 December {year}",
    ),
    (
        "evaluation.only_cooperatives_unions_evaluated",
        "Chỉ đánh giá hợp tác xã, liên hiệp hợp tác xã",
        "Only cooperatives and unions are evaluated",
    ),
    (
        "evaluation.operating_less_than_12_months",
        "Hoạt động dưới 12 tháng (thành lập ngày {to_vi}), không xếp loại năm {year}",
        "Operating for less than 12 months (founded {to_vi}), not rated for {year}",
    ),
    (
        "evaluation.stopped_operating_year_no_revenue",
        "Ngừng hoạt động năm {year} (doanh thu 0, không có dịch vụ), không xếp loại",
        "Stopped operating in {year} (no revenue, no service), not rated",
    ),
    (
        "forms.code_org_already_used_by",
        "Mã \"{org}\" đã được dùng cho một tổ chức khác",
        "The code \"{org}\" is already used by another organisation",
    ),
    (
        "forms.figures_y_org_already_exist",
        "Đã có số liệu năm {y} của {org}: không tạo lại được; hãy sửa số liệu năm đó (/orgs/{org_2}/reports/{y_2}/edit), các giá trị cũ hiện ở đó",
        "Figures for {y} of {org} already exist: they are not created again; edit them instead (/orgs/{org_2}/reports/{y_2}/edit), where the stored values are shown",
    ),
    (
        "forms.record_key_was_changed_by",
        "Bản ghi {key} đã được {by} sửa lúc {at}, sau khi trang này được mở: không có gì được ghi. Hãy tải lại trang để xem giá trị mới rồi sửa lại.",
        "Record {key} was changed by {by} at {at}, after this page was opened: nothing was written. Reload the page to see the new values, then edit again.",
    ),
    (
        "forms.record_key_was_changed_by_2",
        "Bản ghi {key} đã được {by} sửa lúc {at}, sau khi trang này được mở: không có gì được ghi. Hãy tải lại trang để xem giá trị mới rồi sửa lại.",
        "Record {key} was changed by {by} at {at}, after this page was opened: nothing was written. Reload the page to see the new values, then edit again.",
    ),
    (
        "intent.what_vi_key_taken_not",
        "{what_vi} \"{key}\" đã có: không tạo lại được; hãy sửa bản ghi đó",
        "The {what_vi} \"{key}\" is taken: it is not created again; edit that record instead",
    ),
    (
        "merge.code_drop_use_again_cannot",
        "Mã {drop} đã được dùng lại: không hoàn tác được",
        "The code {drop} is in use again: cannot undo",
    ),
    (
        "merge.merge_was_already_undone",
        "Lần hợp nhất này đã được hoàn tác",
        "This merge was already undone",
    ),
    (
        "merge.organisation_cannot_merged_with_itself",
        "Không thể hợp nhất một tổ chức với chính nó",
        "An organisation cannot be merged with itself",
    ),
    (
        "merge.two_organisations_different_kinds",
        "Hai tổ chức khác loại hình, không hợp nhất được",
        "The two organisations are of different kinds",
    ),
    (
        "plans.baseline_year_baseline_year_lies",
        "Năm gốc {baseline_year} nằm ngoài số liệu đang có ({lo}–{hi})",
        "The baseline year {baseline_year} lies outside the data held ({lo}–{hi})",
    ),
    (
        "plans.id_core_indicator_cannot_changed",
        "\"{id}\" là chỉ tiêu gốc của hệ thống, không sửa được; hãy đặt mã khác",
        "\"{id}\" is a core indicator and cannot be changed; choose another id",
    ),
    (
        "plans.missing_active_active_organisations_have",
        "{missing}/{active} tổ chức đang hoạt động chưa nộp báo cáo năm {year}: số liệu chỉ tính trên các báo cáo đã nộp",
        "{missing} of {active} active organisations have not reported for {year}: the figure covers the reports received",
    ),
    (
        "plans.missing_active_organisations_active_year",
        "{missing}/{active} tổ chức đang hoạt động năm {year} chưa có hồ sơ cán bộ quản lý: tỷ lệ chỉ tính trên các tổ chức có hồ sơ",
        "{missing} of {active} organisations active in {year} have no managers on file: the share covers only those that do",
    ),
    (
        "plans.no_indicator_b",
        "Không có chỉ tiêu thống kê \"{b}\"",
        "No indicator \"{b}\"",
    ),
    (
        "plans.no_indicator_indicator",
        "Không có chỉ tiêu thống kê \"{indicator}\"",
        "No indicator \"{indicator}\"",
    ),
    (
        "plans.year_y_outside_plan_baseline",
        "Năm {y} nằm ngoài kế hoạch ({baseline_year}–{to})",
        "Year {y} is outside the plan ({baseline_year}–{to})",
    ),
    (
        "plans.year_year_outside_plan",
        "Năm {year} nằm ngoài kế hoạch",
        "Year {year} is outside the plan",
    ),
    (
        "registry.name_close_organisation_code_name",
        "Tên gần trùng với tổ chức {code} \"{name}\" cùng xã (giống {score}%): nếu là cùng một tổ chức, hãy dùng mã {code_2} thay vì tạo bản ghi mới",
        "The name is close to organisation {code} \"{name}\" in the same commune ({score}% alike): if it is the same organisation, use the code {code_2} instead of a new record",
    ),
    (
        "registry.no_parent_unit_with_code",
        "Không có đơn vị cấp trên mã \"{pc}\" trong tệp hay trong cơ sở dữ liệu",
        "No parent unit with code \"{pc}\" in the file or the database",
    ),
    ("reporting.close", "{close}", "{close}"),
    (
        "reporting.reopening_closed_year_needs_reason",
        "Mở lại năm đã khóa sổ cần ghi lý do",
        "Reopening a closed year needs a reason",
    ),
    (
        "reports.report_year_org_stored_new",
        "Đã có báo cáo năm {year} của {org}: ngày thành lập/giải thể mới làm năm đó nằm ngoài thời gian hoạt động",
        "A report for {year} of {org} is stored: the new founding/dissolution date puts that year outside its life",
    ),
    (
        "rubrics.nothing_changed_from_id_version",
        "Không có thay đổi so với {id} phiên bản {version}",
        "Nothing changed from {id} version {version}",
    ),
    (
        "scope.account_name_may_not_write",
        "Tài khoản \"{name}\" không có quyền ghi {key} (ngoài phạm vi hoặc vai trò)",
        "Account \"{name}\" may not write {key} (outside its scope or role)",
    ),
    (
        "scope.parent_p_not_at_higher",
        "Đơn vị cấp trên \"{p}\" không ở cấp cao hơn \"{u}\"",
        "The parent \"{p}\" is not at a higher level than \"{u}\"",
    ),
    (
        "scope.unit_u_would_lie_below",
        "Đơn vị \"{u}\" sẽ nằm dưới chính nó: cây đơn vị hành chính không được có vòng",
        "Unit \"{u}\" would lie below itself: the tree of administrative units cannot have a cycle",
    ),
    (
        "scope.year_closed_actor_at_at",
        "Năm {year} đã khóa sổ ({actor} lúc {at}): không sửa được số liệu năm này; cán bộ phụ trách cần mở lại năm đó, có ghi lý do",
        "{year} is closed ({actor} at {at}): its figures cannot change; the office must reopen the year, giving a reason",
    ),
    (
        "validation.rule_message",
        "{message} [{expression}]",
        "{message} [{expression}]",
    ),
    (
        "validation.rule_id_uses_ascii_letters",
        "Mã quy tắc chỉ gồm chữ không dấu, số, . _ -",
        "A rule id uses ASCII letters, digits, . _ -",
    ),
    (
        "validation.vietnamese_message_required",
        "Cần nội dung thông báo bằng tiếng Việt",
        "A Vietnamese message is required",
    ),
];
