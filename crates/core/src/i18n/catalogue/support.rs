//! Messages and words of propaganda events, support disbursements and the plan's tasks.

use crate::i18n::entry::Entry;

pub const MESSAGES: &[Entry] = &[
    ("error.kind.event", "sự kiện tuyên truyền", "event"),
    ("error.kind.disbursement", "khoản hỗ trợ", "disbursement"),
    ("error.kind.task", "nhiệm vụ", "task"),
    (
        "support.code_invalid",
        "Mã phải có, tối đa {max} ký tự, không chứa / ? #",
        "A code is needed, of at most {max} characters, without / ? #",
    ),
    (
        "support.code_taken",
        "Đã có mã \"{code}\": hãy sửa bản ghi đó hoặc dùng mã khác",
        "The code \"{code}\" is taken: edit that record or use another code",
    ),
    (
        "support.reach_out_of_range",
        "Số người (số bản) phải từ 0 đến {max}",
        "The reach must be between 0 and {max}",
    ),
    (
        "support.amount_out_of_range",
        "Số tiền phải là số đồng lớn hơn 0 và không quá {max} đồng",
        "The amount must be a whole number of đồng above 0 and at most {max}",
    ),
    (
        "support.amount_not_whole",
        "Số tiền \"{value}\" không phải số đồng nguyên (ví dụ 150.000.000)",
        "The amount \"{value}\" is not a whole number of đồng (e.g. 150.000.000)",
    ),
    (
        "support.paid_before_founding",
        "{org} thành lập ngày {founded}: chưa thể nhận hỗ trợ trước ngày đó",
        "{org} was founded on {founded}: it cannot receive support before then",
    ),
    (
        "support.paid_after_dissolution",
        "{org} đã giải thể ngày {dissolved}: không chi hỗ trợ sau ngày đó",
        "{org} was dissolved on {dissolved}: no support is paid after that day",
    ),
    (
        "import.disbursement_outside_new_life",
        "{org} đã nhận khoản hỗ trợ {code} ngày {day}: ngày thành lập/giải thể mới làm khoản đó không còn hợp lệ",
        "{org} received disbursement {code} on {day}: the new founding/dissolution date would leave it invalid",
    ),
    (
        "task.number_invalid",
        "Số thứ tự nhiệm vụ viết như trong kế hoạch, các phần cách nhau bằng dấu chấm (II.1.2)",
        "A task's number as the plan writes it, parts separated by dots (II.1.2)",
    ),
    (
        "task.lead_required",
        "Nhiệm vụ cần ít nhất một cơ quan chủ trì",
        "A task needs at least one lead office",
    ),
    (
        "task.no_such_office",
        "Kế hoạch không có cơ quan mã \"{code}\": thêm vào danh sách cơ quan của kế hoạch trước",
        "The plan has no office \"{code}\": add it to the plan's offices first",
    ),
    ("task.too_many", "Tối đa {max} mục", "At most {max} entries"),
    (
        "task.office_in_use",
        "Nhiệm vụ {task} còn ghi cơ quan {code}: sửa nhiệm vụ đó trước khi bỏ cơ quan",
        "Task {task} still names office {code}: change that task before taking the office out",
    ),
    (
        "task.number_taken",
        "Kế hoạch đã có nhiệm vụ số {number}: hãy sửa nhiệm vụ đó hoặc dùng số khác",
        "The plan already has task {number}: edit it or use another number",
    ),
    (
        "task.reason_required",
        "Ghi lý do khi đánh giá tình hình thực hiện (căn cứ, kết quả)",
        "Give the reason for the status (what shows it)",
    ),
];

pub const UI: &[Entry] = &[
    (
        "plan_tasks",
        "Tình hình thực hiện nhiệm vụ",
        "Progress of the tasks",
    ),
    (
        "plan_tasks_intro",
        "Các nhiệm vụ, giải pháp của kế hoạch (phần II, III) với cơ quan chủ trì, phối hợp (cơ quan đã giải thể ghi kèm cơ quan kế thừa), tình hình do cơ quan đánh giá và số liệu từ hồ sơ; gợi ý của hệ thống hiện khi số liệu cho thấy khác.",
        "The plan's tasks (parts II and III) with their lead and co-ordinating offices (a ceased office with its successor), the status their office set and what the records show; the system's suggestion appears where the records say otherwise.",
    ),
    ("task_status", "Tình hình thực hiện", "Status"),
    ("task_reason", "Lý do, căn cứ", "Reason"),
    (
        "task_reason_hint",
        "Kết quả đã có, văn bản, số liệu; bắt buộc trừ khi chưa thực hiện",
        "What was done, documents, figures; required unless not started",
    ),
    ("task_lead", "Chủ trì", "Lead"),
    ("task_partners", "Phối hợp", "Co-ordinating"),
    ("task_evidence", "Số liệu từ hồ sơ", "From the records"),
    ("task_suggested", "Số liệu gợi ý", "The records suggest"),
    ("task_update", "Cập nhật tình hình", "Update the status"),
    ("task_new", "Thêm nhiệm vụ", "Add a task"),
    ("task_edit", "Sửa nhiệm vụ", "Edit task"),
    ("task_number", "Số thứ tự", "Number"),
    (
        "task_number_hint",
        "Như trong kế hoạch, các phần cách nhau bằng dấu chấm: II.1.2",
        "As in the plan, parts separated by dots: II.1.2",
    ),
    ("task_group", "Nhóm nhiệm vụ", "Group"),
    ("task_text", "Nội dung nhiệm vụ", "Task"),
    ("task_output", "Kết quả dự kiến", "Expected output"),
    (
        "task_evidence_ids",
        "Chỉ tiêu minh chứng",
        "Evidence indicators",
    ),
    (
        "task_evidence_hint",
        "Mã chỉ tiêu, cách nhau bằng dấu chấm phẩy: propaganda.events; hoiquan.meetings",
        "Indicator ids separated by semicolons: propaganda.events; hoiquan.meetings",
    ),
    ("plan_offices", "Cơ quan thực hiện", "Offices"),
    (
        "plan_offices_hint",
        "Mỗi dòng một cơ quan: mã | tên | ngày cuối hoạt động | cơ quan kế thừa (hai cột cuối có thể để trống)",
        "One office a line: code | name | last day | successor (the last two may be empty)",
    ),
    ("nav_support", "Hỗ trợ, tuyên truyền", "Support, propaganda"),
    (
        "support_heading",
        "Kinh phí hỗ trợ và công tác tuyên truyền",
        "Support paid and propaganda",
    ),
    (
        "support_intro",
        "Các khoản đã chi theo chính sách hỗ trợ (đồng) cho HTX, THT, Hội quán và các hội nghị, bản tin, phóng sự, hội chợ về kinh tế tập thể; các chỉ tiêu về hỗ trợ và tuyên truyền được đếm từ đây.",
        "Support paid under each policy (in đồng) to cooperatives, groups and clubs, and the conferences, bulletins, reports and fairs on the collective economy; the indicators of support and propaganda are counted from these.",
    ),
    (
        "support_disbursements",
        "Các khoản hỗ trợ đã chi",
        "Support paid",
    ),
    (
        "support_events",
        "Sự kiện tuyên truyền, xúc tiến",
        "Propaganda and promotion events",
    ),
    ("support_count", "Số khoản", "Payments"),
    (
        "record_code_hint",
        "Mã riêng của cơ quan, ví dụ số chứng từ; không đổi sau khi lưu",
        "The office's own code, e.g. the voucher number; kept once saved",
    ),
    (
        "record_removed",
        "Đã xóa; nhật ký giữ bản ghi cũ và lý do.",
        "Removed; the audit keeps the old record and the reason.",
    ),
    ("paid_new", "Ghi khoản hỗ trợ", "Record a payment"),
    ("paid_edit", "Sửa khoản hỗ trợ", "Edit a payment"),
    (
        "paid_remove",
        "Xóa khoản hỗ trợ ghi nhầm",
        "Remove a payment recorded by mistake",
    ),
    ("paid_code", "Mã khoản", "Code"),
    ("paid_policy", "Nhóm chính sách", "Group of policies"),
    ("paid_legal_basis", "Căn cứ", "Legal basis"),
    (
        "paid_legal_basis_hint",
        "Văn bản chi theo, ghi như trên chứng từ: NĐ 98/2018/NĐ-CP, Nghị quyết HĐND tỉnh…",
        "The text it is paid under, as on the voucher: NĐ 98/2018/NĐ-CP, a provincial resolution…",
    ),
    ("paid_decision", "Số quyết định", "Decision number"),
    ("paid_org", "Tổ chức được hỗ trợ", "Organisation paid"),
    ("paid_amount", "Số tiền (đồng)", "Amount (đồng)"),
    (
        "paid_amount_hint",
        "Số đồng nguyên, ví dụ 150.000.000",
        "Whole đồng, e.g. 150.000.000",
    ),
    ("paid_source", "Nguồn kinh phí", "Budget source"),
    ("paid_on", "Ngày chi", "Paid on"),
    ("event_new", "Ghi sự kiện", "Record an event"),
    ("event_edit", "Sửa sự kiện", "Edit an event"),
    (
        "event_remove",
        "Xóa sự kiện ghi nhầm",
        "Remove an event recorded by mistake",
    ),
    ("event_code", "Mã sự kiện", "Code"),
    ("event_kind", "Hình thức", "Kind"),
    ("event_title", "Nội dung", "Subject"),
    ("event_held_on", "Ngày", "Day"),
    ("event_organiser", "Đơn vị tổ chức", "Organiser"),
    ("event_unit", "Địa bàn", "Held for"),
    ("event_audience", "Đối tượng", "Audience"),
    (
        "event_reach",
        "Số lượt người (số bản)",
        "Reach (people or copies)",
    ),
    (
        "event_reach_hint",
        "Người dự, số bản in hay lượt nghe, xem; để trống nếu không rõ",
        "People attending, copies printed or listeners; empty if not known",
    ),
];
