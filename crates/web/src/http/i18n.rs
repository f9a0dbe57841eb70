//! UI strings, Vietnamese first. Templates call `p.t("key")`; a test checks that every key
//! a template uses is here in both languages.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// From the `lang` cookie of a request; Vietnamese unless it says `en`.
    pub fn from_cookie_header(h: Option<&str>) -> Lang {
        let en = h.is_some_and(|h| h.split(';').any(|c| c.trim() == "lang=en"));
        if en { Lang::En } else { Lang::Vi }
    }
}

/// (key, Vietnamese, English)
pub(crate) const STRINGS: &[(&str, &str, &str)] = &[
    (
        "app_name",
        "hoptac — Kinh tế tập thể",
        "hoptac — Collective economy",
    ),
    ("nav_dashboard", "Tổng quan", "Dashboard"),
    ("nav_registry", "Danh bạ tổ chức", "Registry"),
    ("nav_report", "Báo cáo tình hình", "Situation report"),
    ("nav_import", "Nhập dữ liệu", "Import"),
    ("nav_plans", "Kế hoạch", "Plans"),
    ("nav_accounts", "Tài khoản", "Accounts"),
    ("nav_audit", "Nhật ký", "Audit trail"),
    (
        "nav_duplicates",
        "Tên trùng, tên gần giống",
        "Near-duplicate names",
    ),
    (
        "duplicates_help",
        "Các cặp tổ chức cùng loại hình có tên giống nhau khi bỏ qua chữ hoa, dấu, khoảng trắng, chữ viết tắt (HTX, DVNN, THT …) và lỗi gõ nhỏ; tên khác số (Mỹ Đông 2, Mỹ Đông 3) không bị ghép.",
        "Pairs of organisations of one kind whose names match once case, diacritics, spacing, abbreviations (HTX, DVNN, THT …) and small typing slips are ignored; names with different numbers (Mỹ Đông 2, Mỹ Đông 3) are not paired.",
    ),
    (
        "no_duplicates",
        "Không thấy cặp tên nào gần trùng.",
        "No near-duplicate names found.",
    ),
    ("alike", "Giống", "Alike"),
    ("merge", "Hợp nhất", "Merge"),
    (
        "merge_title",
        "Hợp nhất hai bản ghi của một tổ chức",
        "Merge two records of one organisation",
    ),
    ("merge_keep", "Giữ lại", "Keep"),
    ("merge_drop", "Gộp vào và xóa", "Merge in and remove"),
    (
        "merge_move_years",
        "Báo cáo năm chuyển sang bản ghi giữ lại",
        "Yearly reports moved to the kept record",
    ),
    (
        "merge_conflict_years",
        "Năm cả hai cùng có báo cáo (giữ báo cáo của bản ghi giữ lại, lưu trữ báo cáo kia)",
        "Years both have a report (the kept record's stays, the other is archived)",
    ),
    ("merge_moved", "chuyển sang", "moved"),
    (
        "merge_accounts",
        "Tài khoản của tổ chức bị gộp, chuyển sang tổ chức giữ lại",
        "Accounts of the merged record, now acting for the kept one",
    ),
    ("merge_same", "trùng, lưu trữ", "duplicates, archived"),
    (
        "merge_note",
        "Bản ghi bị gộp, các báo cáo và cán bộ của nó được lưu trữ cùng lần hợp nhất; có thể hoàn tác.",
        "The merged record, its reports and managers are archived with the merge; it can be undone.",
    ),
    ("merge_confirm", "Xác nhận hợp nhất", "Confirm the merge"),
    (
        "merge_swap",
        "Đổi chiều (giữ bản ghi kia)",
        "Swap (keep the other record)",
    ),
    ("merges", "Các lần hợp nhất", "Merges"),
    ("undo", "Hoàn tác", "Undo"),
    ("undone", "Đã hoàn tác", "Undone"),
    ("nav_quality", "Rà soát", "Review"),
    ("nav_rules", "Quy tắc kiểm tra số liệu", "Validation rules"),
    ("new_rule", "Thêm quy tắc", "New rule"),
    ("rule_id", "Mã quy tắc", "Rule id"),
    ("rule_expression", "Biểu thức", "Expression"),
    (
        "rule_help",
        "vế trái, phép so sánh (<, <=, >, >=, =, !=), vế phải; dùng số liệu năm báo cáo (members, members_joined, members_left, workers, revenue, profit, member_income, worker_income, services), năm trước (prev.revenue), trung vị cùng loại hình, lĩnh vực, năm (sector_median(revenue)), số và + − * /; quy tắc không áp dụng khi thiếu số liệu",
        "left side, comparison (<, <=, >, >=, =, !=), right side, over the year's figures (members, members_joined, members_left, workers, revenue, profit, member_income, worker_income, services), the previous year's (prev.revenue), the median of the same kind, sector and year (sector_median(revenue)), numbers and + − * /; a rule with a missing figure does not apply",
    ),
    (
        "message_vi",
        "Thông báo (tiếng Việt)",
        "Message (Vietnamese)",
    ),
    ("message_en", "Thông báo (tiếng Anh)", "Message (English)"),
    ("rule_active", "Đang áp dụng", "Active"),
    ("rule_inactive", "Tạm tắt", "Switched off"),
    ("case_open", "Đang mở", "Open"),
    (
        "year_locks",
        "Khóa sổ năm báo cáo",
        "Closed reporting years",
    ),
    (
        "year_locks_note",
        "Năm đã khóa sổ thì số liệu năm đó trong phạm vi không sửa được (cả nhập tệp); mở lại cần ghi lý do. Mọi thao tác được ghi nhật ký.",
        "In a closed year the figures of its territory cannot change (imports included); reopening needs a reason. Every step is audited.",
    ),
    ("close_year", "Khóa sổ", "Close the year"),
    (
        "reopen_year",
        "Mở lại (ghi lý do)",
        "Reopen (give the reason)",
    ),
    (
        "whole_installation",
        "Toàn hệ thống",
        "The whole installation",
    ),
    (
        "unreadable_rows",
        "Các phiếu đã lưu sau đây không đọc được nên không có trong danh sách; hãy báo cho quản trị viên:",
        "These stored sheets cannot be read and are left out of the list; tell the administrator:",
    ),
    (
        "problems_more",
        "Danh sách dưới đây chỉ gồm các vấn đề đầu tiên; bảng này đếm tất cả theo cột. Đang hiện",
        "The list below holds the first problems only; this table counts all of them by column. Shown:",
    ),
    (
        "data_year_note",
        "Mặc định tính đến năm báo cáo đã khóa sổ hoặc đủ số liệu:",
        "By default up to the last reporting year that is closed or sufficiently complete:",
    ),
    (
        "case_pending",
        "Chưa ghi nhận (chưa chạy rà soát)",
        "Not recorded (no review run yet)",
    ),
    (
        "run_review",
        "Chạy rà soát (ghi nhận các trường hợp)",
        "Run the review (record the cases)",
    ),
    (
        "run_review_note",
        "Xem trang này không thay đổi gì. Chạy rà soát ghi nhận căn cứ mới và đóng trường hợp số liệu không còn thỏa, tính đến ngày rà soát; việc này được ghi nhật ký.",
        "Viewing this page changes nothing. A review run records new grounds and closes the cases the data no longer meets, as of the review date; it is audited.",
    ),
    (
        "review_ran",
        "Đã chạy rà soát: mở mới / đóng",
        "Review run: opened / closed",
    ),
    ("case_closed", "Đã đóng", "Closed"),
    ("case", "Trường hợp", "Case"),
    ("case_steps", "Quá trình xử lý", "Steps taken"),
    ("add_step", "Ghi nhận xử lý", "Record a step"),
    ("step", "Việc xử lý", "Step"),
    ("step_note", "Ghi chú / lý do", "Note / reason"),
    (
        "step_date",
        "Ngày (ngày hoàn thành giải thể, ngày quyết định …)",
        "Date (of the completed dissolution, of the decision …)",
    ),
    ("status", "Tình trạng", "Status"),
    ("as_of_year", "Đến hết năm", "As of the end of"),
    (
        "review_note",
        "Đại hội, báo cáo và báo cáo tài chính được biết qua báo cáo năm; mặc định rà soát đến hết năm có số liệu gần nhất. Ngày rà soát:",
        "Meetings, reports and statements are known through the yearly reports; by default the review stops at the end of the last year with figures. Review date:",
    ),
    ("open_cases", "Trường hợp cần xem xét", "Open cases"),
    ("by_commune_summary", "Tổng hợp theo xã", "By commune"),
    (
        "stock_flow",
        "Đối chiếu số đầu kỳ + thành lập − giải thể = cuối kỳ",
        "Check: start + founded − dissolved = end",
    ),
    ("none_found", "Không có.", "None."),
    ("rule", "Căn cứ", "Ground"),
    ("since", "Từ ngày", "Since"),
    ("evidence", "Chứng cứ", "Evidence"),
    ("legal_ref", "Văn bản", "Legal reference"),
    (
        "unconfirmed",
        "căn cứ chưa được xác nhận từ văn bản gốc",
        "not confirmed from the official text",
    ),
    (
        "figure_issues",
        "Số liệu vi phạm quy tắc kiểm tra",
        "Figures breaking a validation rule",
    ),
    (
        "reports_received",
        "Báo cáo năm đã nhận, năm",
        "Yearly reports received for",
    ),
    ("reported", "Đã nộp", "Reported"),
    ("expected", "Phải nộp", "Expected"),
    ("on_time", "Đúng hạn (15/01)", "On time (15 January)"),
    ("received_on", "Ngày nhận báo cáo", "Report received on"),
    ("rating_basis", "Căn cứ xếp loại", "Basis of the rating"),
    (
        "statements_filed_on",
        "Ngày nộp BCTC",
        "Statements filed on",
    ),
    (
        "self_assessment_sent_on",
        "Ngày gửi phiếu tự chấm điểm",
        "Self-scoring sheet sent on",
    ),
    ("login", "Đăng nhập", "Sign in"),
    ("logout", "Đăng xuất", "Sign out"),
    ("username", "Tên đăng nhập", "Username"),
    ("password", "Mật khẩu", "Password"),
    ("current_password", "Mật khẩu hiện tại", "Current password"),
    ("new_password", "Mật khẩu mới", "New password"),
    (
        "repeat_password",
        "Nhập lại mật khẩu mới",
        "Repeat the new password",
    ),
    (
        "password_hint",
        "ít nhất 10 ký tự, không chứa tên đăng nhập",
        "at least 10 characters, not containing the username",
    ),
    ("change_password", "Đổi mật khẩu", "Change password"),
    (
        "must_change_password",
        "Cần đổi mật khẩu",
        "Must change the password",
    ),
    (
        "demo_accounts",
        "Bản minh họa có sẵn một tài khoản cho mỗi vai trò: quantri (quản trị), canbo (cán bộ chuyên môn), xa.tankieu (cán bộ xã), htx.tankieu (hợp tác xã), xem (chỉ xem); mật khẩu chung: hoptac-demo.",
        "The demo has one account per role: quantri (administrator), canbo (office staff), xa.tankieu (commune staff), htx.tankieu (cooperative), xem (viewer); shared password: hoptac-demo.",
    ),
    ("new_account", "Thêm tài khoản", "New account"),
    ("display_name", "Tên hiển thị", "Display name"),
    ("account_scope", "Phạm vi", "Scope"),
    (
        "account_scope_hint",
        "mã hoặc tên đơn vị hành chính (ví dụ 30049), all cho toàn bộ, hoặc org:MÃ cho một tổ chức",
        "an administrative unit's code or name (e.g. 30049), all for everything, or org:CODE for one organisation",
    ),
    ("initial_password", "Mật khẩu ban đầu", "Initial password"),
    (
        "reset_password",
        "Đặt lại mật khẩu (để trống nếu giữ nguyên)",
        "Reset the password (leave empty to keep it)",
    ),
    ("account_disabled", "Khóa tài khoản", "Disable the account"),
    ("disabled", "Đã khóa", "Disabled"),
    ("history", "Lịch sử thay đổi", "History of changes"),
    ("last_changed", "Thay đổi gần nhất:", "Last changed:"),
    ("actor", "Người thực hiện", "Who"),
    ("record", "Bản ghi", "Record"),
    ("audit_action", "Thao tác", "Action"),
    ("when", "Thời điểm", "When"),
    ("before", "Trước", "Before"),
    ("after", "Sau", "After"),
    ("download_csv", "Tải CSV", "Download CSV"),
    ("nav_indicators", "Chỉ tiêu thống kê", "Indicators"),
    ("new_plan", "Thêm kế hoạch", "New plan"),
    ("new_target", "Thêm chỉ tiêu", "New target"),
    (
        "new_indicator",
        "Định nghĩa chỉ tiêu mới",
        "Define an indicator",
    ),
    ("title", "Tên kế hoạch", "Title"),
    ("issuer", "Cơ quan ban hành", "Issued by"),
    ("doc_no", "Số hiệu văn bản", "Document number"),
    ("doc_date", "Ngày ban hành", "Date issued"),
    ("period", "Giai đoạn", "Period"),
    ("baseline_year", "Năm gốc", "Baseline year"),
    (
        "scope_hint",
        "mã hoặc tên đơn vị hành chính, ví dụ 872 hoặc Huyện Tháp Mười",
        "code or name of the administrative unit, e.g. 872 or Huyện Tháp Mười",
    ),
    ("targets", "Chỉ tiêu", "Targets"),
    ("target", "Chỉ tiêu", "Target"),
    ("target_no", "Số thứ tự", "Number"),
    (
        "wording",
        "Nội dung (như kế hoạch ghi)",
        "Wording (as the plan writes it)",
    ),
    ("comparator", "So sánh", "Comparator"),
    ("target_value", "Giá trị mục tiêu", "Target value"),
    ("value_hi", "Giá trị trên (khoảng)", "Upper value (range)"),
    (
        "value_hi_hint",
        "chỉ với so sánh khoảng, ví dụ 5 – 6",
        "for a range only, e.g. 5 – 6",
    ),
    ("number_hint", "ví dụ 2.600; 40,5", "e.g. 2600; 40.5"),
    (
        "baseline_indicator",
        "Chỉ tiêu năm gốc nêu (nếu khác)",
        "Indicator the baseline reported (if different)",
    ),
    ("milestones", "Lộ trình", "Milestones"),
    (
        "milestones_hint",
        "năm: giá trị; … ví dụ 2023: 50; 2025: 70",
        "year: value; … e.g. 2023: 50; 2025: 70",
    ),
    ("note", "Ghi chú", "Note"),
    ("goal", "Mục tiêu", "Target"),
    ("baseline", "Năm gốc", "Baseline"),
    ("gap", "còn thiếu", "short by"),
    ("of_the_way", "chặng đường", "of the way"),
    ("as_of", "Đánh giá đến năm", "Assess as of"),
    ("projection", "Dự báo", "Projection"),
    ("plan_report", "Báo cáo đánh giá", "Assessment report"),
    (
        "status_legend",
        "Đạt/Vượt: đã đạt chỉ tiêu; Đúng tiến độ: bằng hoặc hơn lộ trình đều từ năm gốc; Chậm: dưới lộ trình; Không đạt: năm cuối chưa đạt.",
        "Met/Exceeded: target reached; On track: at or beyond a straight path from the baseline; Behind: below it; Missed: not reached in the final year.",
    ),
    (
        "drill",
        "Ai kéo lên, ai kéo xuống",
        "Who pulls it up or down",
    ),
    ("by_commune", "Theo xã", "By commune"),
    ("by_org", "Theo tổ chức", "By organisation"),
    (
        "drill_help",
        "Giá trị của từng tổ chức (với tỷ lệ: số hồ sơ được tính / tổng số), xếp từ thấp đến cao.",
        "Each organisation's value (for shares: records counted / records), lowest first.",
    ),
    ("counted", "Được tính", "Counted"),
    ("indicator_id", "Mã chỉ tiêu", "Indicator id"),
    (
        "label_vi",
        "Tên chỉ tiêu (tiếng Việt)",
        "Label (Vietnamese)",
    ),
    ("label_en", "Tên tiếng Anh", "Label (English)"),
    ("definition", "Định nghĩa", "Definition"),
    (
        "definition_hint",
        "subject=active_orgs|founded|dissolved|period_reports|active_managers|communes_without; kinds=HTX,THT; where=điều kiện, …; aggregate=count|sum:trường|avg:trường|share; share=điều kiện, …; unit=… — điều kiện: sector:agriculture, reported, services>=3, profit>0, rating>=kha, rating_or_none>=kha, has:revenue, managerial, professional, trained_within:5, commune_without:THT/handicraft@2020",
        "subject=active_orgs|founded|dissolved|period_reports|active_managers|communes_without; kinds=HTX,THT; where=conditions, …; aggregate=count|sum:field|avg:field|share; share=conditions, …; unit=… — conditions: sector:agriculture, reported, services>=3, profit>0, rating>=kha, rating_or_none>=kha, has:revenue, managerial, professional, trained_within:5, commune_without:THT/handicraft@2020",
    ),
    ("description", "Diễn giải", "Description"),
    (
        "core_indicator",
        "Chỉ tiêu gốc (theo đặc tả chỉ tiêu)",
        "Core indicator (per the indicator specification)",
    ),
    ("nav_export", "Xuất Excel", "Export Excel"),
    ("switch_lang", "English", "Tiếng Việt"),
    (
        "demo_banner",
        "Dữ liệu minh họa: các tổ chức và số liệu của huyện Tháp Mười trong bản này do hoptac tạo ra để trình diễn, không phải số liệu thật.",
        "Illustrative data: the organisations and figures of Tháp Mười district in this copy were generated by hoptac for demonstration; they are not real records.",
    ),
    ("from", "Từ năm", "From"),
    ("to", "Đến năm", "To"),
    ("scope", "Địa bàn", "Scope"),
    ("all_scopes", "Toàn bộ dữ liệu", "All data"),
    ("show", "Xem", "Show"),
    ("indicator", "Chỉ tiêu", "Indicator"),
    ("unit", "Đơn vị", "Unit"),
    ("base", "Năm gốc", "Base year"),
    ("value", "Giá trị", "Value"),
    ("change", "Tăng/giảm", "Change"),
    ("ratio", "So với gốc", "Ratio to base"),
    ("period_flow", "cả giai đoạn", "whole period"),
    ("trend", "Diễn biến theo năm", "Year by year"),
    ("search", "Tìm kiếm", "Search"),
    (
        "search_hint",
        "tên hoặc mã, gõ có dấu hay không dấu đều được",
        "name or code, with or without diacritics",
    ),
    ("kind", "Loại hình", "Kind"),
    ("sector", "Lĩnh vực", "Sector"),
    ("commune", "Xã", "Commune"),
    ("active_in", "Hoạt động năm", "Active in year"),
    ("any", "Tất cả", "All"),
    ("code", "Mã", "Code"),
    ("name", "Tên", "Name"),
    ("founded_on", "Ngày thành lập", "Founded"),
    ("dissolved_on", "Ngày giải thể", "Dissolved"),
    ("registration_no", "Số đăng ký", "Registration no."),
    (
        "registered_services",
        "Dịch vụ đăng ký",
        "Registered services",
    ),
    ("operating", "Đang hoạt động", "Operating"),
    ("dissolved", "Đã giải thể", "Dissolved"),
    ("results", "kết quả", "results"),
    ("page", "Trang", "Page"),
    ("prev", "‹ Trước", "‹ Previous"),
    ("next", "Sau ›", "Next ›"),
    ("new_org", "Thêm tổ chức", "New organisation"),
    ("edit", "Sửa", "Edit"),
    ("save", "Lưu", "Save"),
    ("cancel", "Hủy", "Cancel"),
    ("details", "Thông tin", "Details"),
    ("yearly_figures", "Số liệu hằng năm", "Yearly figures"),
    ("add_report", "Thêm số liệu năm", "Add a year's figures"),
    ("managers", "Cán bộ quản lý", "Managers"),
    ("year", "Năm", "Year"),
    ("nav_evaluations", "Đánh giá HTX", "Evaluations"),
    (
        "ev_note",
        "Xếp loại theo Thông tư 01/2020/TT-BKHĐT: Tốt ≥ 80, Khá 65 – <80, Trung bình 50 – <65, Yếu < 50 điểm. Phiếu tự chấm nộp trước 15/12.",
        "Rated by Circular 01/2020/TT-BKHĐT: good ≥ 80, fairly good 65 – <80, average 50 – <65, weak < 50 points. Self-scoring sheets are due by 15 December.",
    ),
    ("ev_show", "Xem", "Show"),
    (
        "ev_upload",
        "Nộp lại phiếu đã chấm (Excel)",
        "Send back the filled sheet (Excel)",
    ),
    ("ev_upload_button", "Tải lên", "Upload"),
    (
        "ev_download",
        "Tải phiếu tự chấm điểm (Excel)",
        "Download the self-scoring sheet (Excel)",
    ),
    (
        "ev_no_sheet",
        "Chưa có phiếu tự chấm điểm cho năm này.",
        "No self-scoring sheet for this year yet.",
    ),
    ("ev_line", "Mục", "Item"),
    ("ev_criterion", "Tiêu chí", "Criterion"),
    ("ev_max", "Điểm tối đa", "Maximum"),
    ("ev_self", "HTX tự chấm", "Self-score"),
    ("ev_counted", "Điểm tính", "Counted"),
    ("ev_reason", "Lý do điều chỉnh", "Reason for the adjustment"),
    ("ev_approved", "Đã duyệt", "Approved"),
    ("ev_total", "Tổng điểm", "Total"),
    ("ev_state", "Trạng thái", "State"),
    ("ev_submitted", "Ngày nộp", "Submitted on"),
    ("ev_scale", "Phân loại", "Classification"),
    ("ev_adjusted", "dòng điều chỉnh", "lines adjusted"),
    ("ev_not_rated", "Không xếp loại", "Not rated"),
    ("ev_late", "nộp trễ", "late"),
    (
        "ev_proposed",
        "Điểm đề xuất từ số liệu",
        "Proposed from the figures",
    ),
    (
        "ev_differs",
        "khác điểm đề xuất",
        "differs from the proposal",
    ),
    ("ev_by_rubric", "Chấm theo", "Score by"),
    ("ev_rubric", "Bộ tiêu chí", "Rubric"),
    ("total", "Tổng cộng", "Total"),
    (
        "ev_summary",
        "Tổng hợp kết quả xếp loại",
        "Summary of ratings",
    ),
    (
        "ev_summary_note",
        "HTX: phiếu đã duyệt theo TT01/2020; THT: xếp loại nhập cùng số liệu năm. KXL: không xếp loại (có lý do); chưa xong: chưa có phiếu hoặc chưa duyệt (THT: chưa nhập).",
        "Cooperatives: approved TT01/2020 sheets; groups: the ratings entered with the yearly figures. NR: not rated (with a reason); pending: no sheet or not approved (groups: none entered).",
    ),
    (
        "ev_summary_xlsx",
        "Tải biểu tổng hợp gửi tỉnh (Excel)",
        "Download the summary for the province (Excel)",
    ),
    ("ev_years", "Qua các năm", "Over the years"),
    (
        "ev_summary_docx",
        "Báo cáo kết quả xếp loại (Word)",
        "The rating report (Word)",
    ),
    (
        "ev_fell",
        "Xếp loại thấp hơn năm trước",
        "Rated lower than the year before",
    ),
    (
        "ev_none_fell",
        "Không có tổ chức nào xếp loại thấp hơn năm trước.",
        "No organisation is rated lower than the year before.",
    ),
    ("ev_nr", "KXL", "NR"),
    ("rating_tot", "Tốt", "Good"),
    ("rating_kha", "Khá", "Fairly good"),
    ("rating_tb", "Trung bình", "Average"),
    ("rating_yeu", "Yếu", "Weak"),
    ("ev_pending", "Chưa xong", "Pending"),
    ("ev_kha_pct", "Khá, tốt", "Good or fairly good"),
    ("ax_title", "Phân loại HTX", "Classification"),
    (
        "ax_supply",
        "Loại hình phục vụ thành viên",
        "What it supplies its members",
    ),
    (
        "ax_vsic",
        "Ngành kinh tế cấp 1 (VSIC 2018)",
        "Main sector (VSIC 2018 level 1)",
    ),
    (
        "ax_members",
        "Quy mô thành viên (tính từ số liệu)",
        "Member scale (computed)",
    ),
    ("ax_capital", "Quy mô tổng nguồn vốn", "Capital scale"),
    (
        "ax_capital_input",
        "Tổng nguồn vốn (triệu đồng)",
        "Total capital (million VND)",
    ),
    (
        "ax_agri_field",
        "Lĩnh vực nông nghiệp (TT09/2017)",
        "Agricultural field (TT09/2017)",
    ),
    ("ax_save", "Lưu phân loại", "Save the classification"),
    (
        "download_docx",
        "Tải văn bản Word (.docx)",
        "Download as Word (.docx)",
    ),
    ("download_pdf", "Tải PDF", "Download as PDF"),
    ("profile_docx", "Hồ sơ tổ chức (Word)", "Profile (Word)"),
    ("ev_summary_pdf", "(PDF)", "(PDF)"),
    (
        "download_xlsx_annex",
        "Tải phụ lục Excel",
        "Download the Excel annex",
    ),
    (
        "doc_missing",
        "Văn bản còn thiếu thông tin cơ quan ban hành",
        "The official document lacks issuer settings",
    ),
    (
        "doc_settings",
        "Thông tin cơ quan ban hành văn bản",
        "Issuer settings",
    ),
    ("doc_parent_body", "Cơ quan chủ quản", "Parent body"),
    ("doc_body", "Cơ quan ban hành", "Issuing body"),
    (
        "doc_symbol",
        "Chữ viết tắt (ký hiệu văn bản)",
        "Abbreviation (in the symbol)",
    ),
    (
        "doc_place",
        "Địa danh (dòng ngày tháng)",
        "Place (date line)",
    ),
    (
        "doc_signer_authority",
        "Thẩm quyền ký (TM., KT., …)",
        "Signing authority (TM., KT., …)",
    ),
    ("doc_signer_title", "Chức vụ người ký", "Signer's title"),
    ("doc_signer_name", "Họ tên người ký", "Signer's name"),
    (
        "doc_recipients",
        "Nơi nhận (mỗi dòng một nơi)",
        "Recipients (one per line)",
    ),
    ("nav_rubrics", "Bộ tiêu chí đánh giá", "Evaluation rubrics"),
    (
        "rb_note",
        "Bộ tiêu chí là dữ liệu có phiên bản: chỉ ghi những giá trị đã đối chiếu với văn bản gốc; giá trị chưa xác nhận được đánh dấu và không dùng để tự xếp loại. Phiếu đã chấm giữ phiên bản đã dùng.",
        "Rubrics are versioned data: only values checked against the official text are filled in; unconfirmed values are marked and never used to decide a rating. A scored sheet keeps the version it was made with.",
    ),
    (
        "rb_load",
        "Nạp bản sửa/bổ sung (JSON)",
        "Load a corrected or completed document (JSON)",
    ),
    ("rb_reason", "Căn cứ, lý do", "Basis, reason"),
    ("rb_version", "phiên bản", "version"),
    ("rb_versions", "Các phiên bản", "Versions"),
    ("rb_valid", "Hiệu lực", "In force"),
    ("rb_legal", "Căn cứ", "Legal reference"),
    ("rb_shipped", "kèm theo phần mềm", "shipped with hoptac"),
    ("ev_save", "Lưu nháp", "Save draft"),
    ("ev_submit", "Nộp phiếu", "Submit the sheet"),
    (
        "ev_score_help",
        "Nhập điểm từng dòng (không quá điểm tối đa; có thể dùng dấu phẩy: 7,5). Chỉ nộp được khi đã chấm đủ mọi dòng.",
        "Enter each line's score (not above its maximum; a decimal comma is fine: 7,5). The sheet can be submitted once every line is scored.",
    ),
    ("ev_adjust_save", "Lưu điều chỉnh", "Save adjustments"),
    ("ev_review", "Xác nhận đã xem xét", "Mark as reviewed"),
    (
        "ev_review_help",
        "Điều chỉnh điểm một dòng phải ghi lý do; điểm HTX tự chấm vẫn được giữ.",
        "Changing a line's score needs a reason; the cooperative's own score is kept.",
    ),
    ("ev_approve", "Duyệt kết quả", "Approve"),
    ("ev_unlock", "Mở khóa", "Unlock"),
    ("ev_unlock_reason", "Lý do mở khóa", "Reason for unlocking"),
    ("members", "Thành viên", "Members"),
    ("members_joined", "Thành viên mới", "Joined"),
    ("members_left", "Thành viên ra", "Left"),
    ("workers", "Lao động thường xuyên", "Regular workers"),
    ("revenue", "Doanh thu (triệu đồng)", "Revenue (million VND)"),
    ("profit", "Lợi nhuận (triệu đồng)", "Profit (million VND)"),
    (
        "member_income",
        "Thu nhập thành viên (triệu đồng/năm)",
        "Member income (million VND/yr)",
    ),
    (
        "worker_income",
        "Thu nhập lao động (triệu đồng/năm)",
        "Worker income (million VND/yr)",
    ),
    ("services", "Dịch vụ", "Services"),
    ("rating", "Xếp loại", "Rating"),
    ("general_meeting_on", "Ngày đại hội", "General meeting"),
    ("statements_filed", "Nộp BCTC", "Statements filed"),
    ("yes", "Có", "Yes"),
    ("no", "Không", "No"),
    ("unknown", "Chưa rõ", "Unknown"),
    ("none_yet", "Chưa có", "None yet"),
    ("full_name", "Họ và tên", "Full name"),
    ("role", "Chức vụ", "Role"),
    ("qualification", "Trình độ", "Qualification"),
    ("trained_on", "Bồi dưỡng gần nhất", "Last training"),
    ("term", "Nhiệm kỳ", "Term"),
    (
        "chart_members",
        "Thành viên cuối năm",
        "Members at year end",
    ),
    (
        "chart_revenue",
        "Doanh thu (triệu đồng)",
        "Revenue (million VND)",
    ),
    (
        "form_has_errors",
        "Chưa lưu: hãy sửa các ô được đánh dấu.",
        "Not saved: correct the marked fields.",
    ),
    ("saved", "Đã lưu.", "Saved."),
    (
        "saved_with_warnings",
        "Đã lưu, có lưu ý:",
        "Saved, with warnings:",
    ),
    (
        "money_hint",
        "triệu đồng; ví dụ 1.600,5 hoặc 1600.5",
        "million VND; e.g. 1.600,5 or 1600.5",
    ),
    (
        "import_title",
        "Nhập dữ liệu từ Excel hoặc CSV",
        "Import from Excel or CSV",
    ),
    (
        "import_help",
        "Chọn tệp .xlsx (mỗi bảng một trang tính: admin_units, organizations, annual_reports, managers, hoặc tên tiếng Việt) hoặc một tệp .csv đặt tên theo bảng. hoptac kiểm tra toàn bộ và cho xem kết quả trước khi ghi.",
        "Choose an .xlsx workbook (one sheet per table: admin_units, organizations, annual_reports, managers, or their Vietnamese names) or one .csv file named after its table. hoptac checks everything and shows the result before anything is written.",
    ),
    ("file", "Tệp", "File"),
    ("check", "Kiểm tra", "Check"),
    ("preview_title", "Kết quả kiểm tra", "Check result"),
    ("table", "Bảng", "Table"),
    ("new", "Mới", "New"),
    ("changed", "Thay đổi", "Changed"),
    ("unchanged", "Giữ nguyên", "Unchanged"),
    ("problems", "Vấn đề", "Problems"),
    ("severity", "Mức", "Severity"),
    ("error", "Lỗi", "Error"),
    ("warning", "Lưu ý", "Warning"),
    ("sheet", "Trang tính", "Sheet"),
    ("row", "Dòng", "Row"),
    ("column", "Cột", "Column"),
    ("found", "Giá trị", "Found"),
    ("message", "Nội dung", "Message"),
    (
        "import_blocked",
        "Có lỗi: không có gì được ghi. Hãy sửa tệp rồi nhập lại.",
        "There are errors: nothing was written. Correct the file and import it again.",
    ),
    (
        "import_ready",
        "Không có lỗi. Bấm Xác nhận để ghi vào cơ sở dữ liệu (một lần, tất cả hoặc không gì cả).",
        "No errors. Press Confirm to write to the database (at once, all or nothing).",
    ),
    ("confirm", "Xác nhận nhập", "Confirm import"),
    ("import_done", "Đã nhập xong.", "Import complete."),
    (
        "import_expired",
        "Phiên kiểm tra đã hết hạn; hãy chọn lại tệp.",
        "The check has expired; choose the file again.",
    ),
    (
        "nothing_to_change",
        "Dữ liệu trong tệp đã có đủ; không có gì thay đổi.",
        "The database already holds this data; nothing changes.",
    ),
    ("download_md", "Tải Markdown", "Download Markdown"),
    (
        "report_note",
        "Mỗi con số là một liên kết tới danh sách tổ chức được dùng để tính.",
        "Each figure links to the organisations it was computed from.",
    ),
    ("error_title", "Không thực hiện được", "Could not be done"),
    ("back", "Quay lại", "Back"),
    ("not_found", "Không tìm thấy trang", "Page not found"),
];

/// The string of `key` in `lang`. A key without a string is a bug: the tests' builds stop
/// on it (every page the web tests render goes through here); a release build logs it and
/// shows the key rather than a placeholder.
pub(crate) fn t(lang: Lang, key: &str) -> &'static str {
    match lookup(key) {
        Some((vi, en)) => match lang {
            Lang::Vi => vi,
            Lang::En => en,
        },
        None => {
            debug_assert!(false, "no translation for key {key:?}");
            tracing::error!(key, "no translation for this key");
            interned(key)
        }
    }
}

/// Keys come from the code, never from a request, so the set kept here is small and fixed.
fn interned(key: &str) -> &'static str {
    static SEEN: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(k) = seen.iter().find(|k| **k == key) {
        return k;
    }
    let k: &'static str = Box::leak(key.to_string().into_boxed_str());
    seen.push(k);
    k
}

fn lookup(key: &str) -> Option<(&'static str, &'static str)> {
    STRINGS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, vi, en)| (*vi, *en))
}

#[cfg(test)]
mod tests;
