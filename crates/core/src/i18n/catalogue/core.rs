//! Messages of the pure core: validation, plans, rubrics, rules, evaluation.

use crate::i18n::entry::Entry;

pub const ENTRIES: &[Entry] = &[
    (
        "evaluation.adjustment_needs_reason",
        "Điều chỉnh điểm dòng {item} cần ghi rõ lý do",
        "Adjusting line {item} needs a written reason",
    ),
    (
        "evaluation.cannot_act_in_state",
        "Không thể {action} khi đánh giá đang ở trạng thái {state}",
        "Cannot {action} while the evaluation is {state}",
    ),
    (
        "evaluation.other_rubric_version",
        "Đánh giá này theo {rubric_id} phiên bản {rubric_version}, không phải {id} phiên bản {version}",
        "This evaluation follows {rubric_id} version {rubric_version}, not {id} version {version}",
    ),
    (
        "evaluation.score_out_of_range",
        "Điểm dòng {item} là {score}, ngoài khoảng 0 – {max}",
        "Line {item} scores {score}, outside 0 – {max}",
    ),
    (
        "evaluation.sheet_not_submittable",
        "Phiếu chưa nộp được: {msg} ({items})",
        "The sheet cannot be submitted: {msg} ({items})",
    ),
    (
        "evaluation.no_such_line",
        "Không có dòng chấm điểm {item} trong {id}",
        "There is no scoring line {item} in {id}",
    ),
    (
        "evaluation.unlock_needs_reason",
        "Mở khóa đánh giá đã duyệt cần ghi rõ lý do",
        "Unlocking an approved evaluation needs a written reason",
    ),
    (
        "plan.baseline_year_out_of_range",
        "Năm gốc {baseline_year} phải trước năm đầu của giai đoạn ({from}) và không quá 10 năm",
        "The baseline year {baseline_year} must come before the first year of the period ({from}), by at most 10 years",
    ),
    (
        "plan.count_target_not_whole",
        "Chỉ tiêu đếm số lượng: giá trị {v} phải là số nguyên không âm",
        "A count target: {v} must be a whole, non-negative number",
    ),
    (
        "plan.equality_on_money",
        "So sánh bằng không phù hợp với số tiền",
        "Equality does not suit an amount of money",
    ),
    (
        "plan.invalid_period",
        "Giai đoạn {from}–{to} không hợp lệ",
        "Invalid period {from}–{to}",
    ),
    (
        "plan.invalid_code",
        "Mã kế hoạch \"{p}\" không hợp lệ (chữ không dấu, số, . _ -)",
        "Invalid plan code \"{p}\" (ASCII letters, digits, . _ -)",
    ),
    (
        "plan.target_not_measurable",
        "Chưa có số liệu nào đo được chỉ tiêu này",
        "No data can measure this target yet",
    ),
    (
        "plan.no_such_indicator",
        "Không có chỉ tiêu thống kê \"{indicator}\"",
        "No indicator \"{indicator}\"",
    ),
    (
        "plan.upper_value_without_range",
        "Chỉ khoảng mới có giá trị trên",
        "Only a range has an upper value",
    ),
    (
        "plan.percentage_out_of_range",
        "Chỉ tiêu tính bằng %: giá trị {v} phải trong 0–100",
        "A percentage target: {v} must be within 0–100",
    ),
    (
        "plan.baseline_of_another_indicator",
        "Năm gốc kế hoạch nêu chỉ tiêu khác ({other} = {shown}); chỉ tiêu này đo {indicator} (năm gốc {own})",
        "The plan's baseline reports another indicator ({other} = {shown}); this target measures {indicator} (baseline {own})",
    ),
    (
        "plan.range_without_upper_value",
        "Khoảng cần giá trị trên (ví dụ 5 – 6)",
        "A range needs an upper value (e.g. 5 – 6)",
    ),
    (
        "plan.target_number_required",
        "Cần số thứ tự chỉ tiêu (ví dụ 1, 7a)",
        "A target number is required (e.g. 1, 7a)",
    ),
    (
        "plan.target_wording_required",
        "Cần nội dung chỉ tiêu như kế hoạch ghi",
        "The target's wording, as the plan writes it, is required",
    ),
    (
        "plan.target_met_at_baseline",
        "Chỉ tiêu đã đạt ngay từ năm gốc {baseline_year} ({unit}): chỉ tiêu đặt thấp hơn thực tế",
        "The target was already met in the baseline year {baseline_year} ({unit}): it was set below the actual level",
    ),
    (
        "plan.title_required",
        "Cần tên kế hoạch",
        "A title is required",
    ),
    (
        "plan.range_upside_down",
        "Giá trị trên của khoảng nhỏ hơn giá trị dưới",
        "The upper value of the range is below the lower one",
    ),
    (
        "plan.projected_to_miss",
        "Cảnh báo: theo xu hướng hiện nay, năm {year} ước đạt {unit} — không đạt chỉ tiêu {describe}",
        "Warning: at the present trend, {year} is projected at {unit} — short of the target {describe}",
    ),
    (
        "reporting.reported_before_deadline",
        "Năm {year}: {reported}/{expected} tổ chức đã báo cáo (từ {complete_pct} % trở lên), trước hạn {due}",
        "Year {year}: {reported} of {expected} organisations reported ({complete_pct} % or more), before the deadline {due}",
    ),
    (
        "reporting.deadline_passed",
        "Năm {year}: hạn gửi báo cáo ({due}) đã qua; {reported}/{expected} tổ chức đã báo cáo",
        "Year {year}: the reporting deadline ({due}) has passed; {reported} of {expected} organisations reported",
    ),
    (
        "rubric.negative_score",
        "Điểm mục {id} không được âm",
        "Item {id} cannot score below zero",
    ),
    (
        "rubric.item_not_scored",
        "Chưa chấm điểm mục {id}",
        "Item {id} is not scored",
    ),
    (
        "rubric.score_above_maximum",
        "Điểm mục {id} là {got}, vượt điểm tối đa {max}",
        "Item {id} scores {got}, above its maximum {max}",
    ),
    (
        "rubric.item_is_a_sum",
        "Mục {id} được tính từ các tiểu mục, không chấm trực tiếp",
        "Item {id} is the sum of its sub-items; score those",
    ),
    (
        "rubric.no_such_item",
        "Không có mục {id} trong bộ tiêu chí {rubric}",
        "There is no item {id} in rubric {rubric}",
    ),
    (
        "rules.expression_too_long",
        "Biểu thức dài {n} ký tự, tối đa {max_rule_chars}",
        "The expression is {n} characters long, at most {max_rule_chars}",
    ),
    (
        "rules.unknown_figure",
        "Vị trí {at}: không có số liệu \"{name}\"; cần một trong: {fields}",
        "Position {at}: no figure \"{name}\"; expected one of: {fields}",
    ),
    (
        "rules.at_position",
        "Vị trí {position}: {what}",
        "Position {position}: {what}",
    ),
    (
        "validate.negative_count",
        "Số lượng không được âm: {v}",
        "A count cannot be negative: {v}",
    ),
    (
        "validate.dissolved_before_founded",
        "Ngày giải thể {date} phải sau ngày thành lập {other_date}",
        "The dissolution date {date} must be after the founding date {other_date}",
    ),
    (
        "validate.dissolved_in_future",
        "Ngày giải thể {date} ở tương lai: chỉ ghi khi đã hoàn thành giải thể",
        "The dissolution date {date} is in the future: record it once the dissolution is complete",
    ),
    (
        "validate.term_ends_before_start",
        "Ngày kết thúc {date} trước ngày bắt đầu {other_date}",
        "The end date {date} is before the start date {other_date}",
    ),
    (
        "validate.founded_in_future",
        "Ngày thành lập {date} ở tương lai",
        "The founding date {date} is in the future",
    ),
    (
        "validate.full_name_required",
        "Họ và tên không được để trống",
        "The full name must not be empty",
    ),
    (
        "validate.general_meeting_outside_year",
        "Ngày đại hội {date} không thuộc năm báo cáo {y}",
        "The general meeting date {date} is not in the reported year {y}",
    ),
    (
        "validate.name_required",
        "Tên không được để trống",
        "The name must not be empty",
    ),
    (
        "validate.negative_value",
        "Giá trị không được âm: {v} (chỉ lợi nhuận mới có thể âm)",
        "The value cannot be negative: {v} (only profit may be negative)",
    ),
    (
        "validate.workers_without_members",
        "Có lao động nhưng không có thành viên",
        "Workers but no members",
    ),
    (
        "validate.year_outside_life",
        "Năm {y} nằm ngoài thời gian hoạt động của {o} ({life})",
        "Year {y} lies outside the life of {o} ({life})",
    ),
    (
        "spec.unknown_field",
        "Trường số liệu không hợp lệ \"{s}\"; cần một trong: {names}",
        "Unknown field \"{s}\"; expected one of: {names}",
    ),
    (
        "spec.invalid_condition",
        "Điều kiện không hợp lệ \"{t}\" (ví dụ: sector:agriculture, services>=3, profit>0, rating>=kha, reported)",
        "Invalid condition \"{t}\" (e.g. sector:agriculture, services>=3, profit>0, rating>=kha, reported)",
    ),
    (
        "spec.invalid_enumerated_value",
        "Giá trị \"{v}\" không hợp lệ cho {what}; cần một trong: {expected}",
        "Invalid {what} \"{v}\"; expected one of: {expected}",
    ),
    (
        "spec.invalid_indicator_id",
        "Mã chỉ tiêu \"{id}\" không hợp lệ: chỉ dùng chữ không dấu, số, dấu chấm, gạch (ví dụ htx.multiservice_effective_pct)",
        "Invalid indicator id \"{id}\": use ASCII letters, digits, dots and dashes (e.g. htx.multiservice_effective_pct)",
    ),
    (
        "spec.definition_too_long",
        "Định nghĩa (tối đa 2000 ký tự) hoặc tên chỉ tiêu (tối đa 300 ký tự) quá dài",
        "The definition (at most 2000 characters) or the label (at most 300) is too long",
    ),
    (
        "spec.label_vi_required",
        "Cần tên chỉ tiêu bằng tiếng Việt",
        "A Vietnamese label is required",
    ),
    (
        "spec.clause_without_equals",
        "Thiếu dấu = trong \"{clause}\"",
        "Missing = in \"{clause}\"",
    ),
    (
        "spec.unknown_subject",
        "Đối tượng \"{v}\" không hợp lệ; cần một trong: {names}",
        "Unknown subject \"{v}\"; expected one of: {names}",
    ),
    (
        "spec.unknown_kind",
        "Loại hình \"{x}\" không hợp lệ",
        "Unknown kind \"{x}\"",
    ),
    (
        "spec.unknown_aggregate",
        "Phép tính \"{v}\" không hợp lệ; cần count, sum:<trường>, avg:<trường> hoặc share",
        "Invalid aggregate \"{v}\"; expected count, sum:<field>, avg:<field> or share",
    ),
    (
        "spec.unknown_unit",
        "Đơn vị \"{v}\" không hợp lệ; cần một trong: {names}",
        "Unknown unit \"{v}\"; expected one of: {names}",
    ),
    (
        "spec.unknown_clause",
        "Mục \"{other}\" không có trong định nghĩa chỉ tiêu",
        "\"{other}\" is not part of an indicator definition",
    ),
    (
        "spec.subject_missing",
        "Thiếu subject=…",
        "subject=… is missing",
    ),
    (
        "spec.kinds_missing",
        "Thiếu kinds=… (ví dụ kinds=HTX)",
        "kinds=… is missing (e.g. kinds=HTX)",
    ),
    (
        "spec.aggregate_missing",
        "Thiếu aggregate=…",
        "aggregate=… is missing",
    ),
    (
        "spec.share_without_conditions",
        "Phép tính share cần điều kiện share=… (phần được đếm)",
        "aggregate=share needs share=… conditions (what is counted)",
    ),
    (
        "spec.conditions_without_share",
        "Điều kiện share=… chỉ dùng với aggregate=share",
        "share=… conditions go with aggregate=share only",
    ),
    (
        "spec.aggregate_not_for_subject",
        "Phép tính không áp dụng được cho đối tượng này (cán bộ: chỉ count/share; xã: chỉ count)",
        "This aggregate does not apply to this subject (managers: count/share only; communes: count only)",
    ),
    (
        "rubric.not_a_number",
        "Mục {item}: giá trị {field} = {s} không phải là số",
        "Item {item}: {field} = {s} is not a number",
    ),
    (
        "rubric.not_a_date",
        "{field} = {v} không phải ngày (YYYY-MM-DD)",
        "{field} = {v} is not a date (YYYY-MM-DD)",
    ),
    (
        "rubric.maxima_do_not_add_up",
        "Tổng điểm tối đa các tiểu mục của {id} là {sum}, khác điểm tối đa {max}",
        "The maxima under {id} add up to {sum}, not its maximum {max}",
    ),
    (
        "rubric.band_above_maximum",
        "Mục {id}: điểm của một khoảng vượt điểm tối đa",
        "Item {id}: a band gives more than the maximum",
    ),
    (
        "rubric.bands_overlap",
        "Mục {id}: các khoảng điểm phải tăng dần, không chồng lên nhau",
        "Item {id}: bands must ascend without overlapping",
    ),
    (
        "rubric.unreadable_document",
        "Tệp bộ tiêu chí không đọc được: {e}",
        "The rubric document cannot be read: {e}",
    ),
    (
        "rubric.unknown_rating",
        "Xếp loại {rating} không hợp lệ",
        "Unknown rating {rating}",
    ),
    (
        "rubric.invalid_item_id",
        "Mã mục \"{id}\" không hợp lệ: chỉ dùng chữ không dấu, số, dấu chấm, gạch (tối đa 40 ký tự)",
        "Invalid item id \"{id}\": use ASCII letters, digits, dots, dashes (at most 40 characters)",
    ),
    (
        "rubric.duplicate_item_id",
        "Mã mục {id} bị trùng",
        "Item id {id} appears twice",
    ),
    (
        "rubric.thresholds_not_ascending",
        "Ngưỡng xếp loại cao hơn phải có điểm cao hơn",
        "A better rating needs a higher threshold",
    ),
    (
        "compliance.months_complete",
        "{what}; đủ {months} tháng ngày {date}",
        "{what}; {months} months complete on {date}",
    ),
    (
        "compliance.members_below_minimum",
        "thành viên cuối năm {value}: {a}, cuối năm {y}: {b} (tối thiểu {min})",
        "members at the end of {value}: {a}, of {y}: {b} (minimum {min})",
    ),
    (
        "compliance.no_activity",
        "năm {y}: doanh thu 0, không có dịch vụ nào",
        "{y}: no revenue, no service",
    ),
    (
        "compliance.report_missing",
        "chưa nhận báo cáo năm {y} (hạn {date})",
        "no report for {y} received (due {date})",
    ),
    (
        "compliance.sheet_missing",
        "chưa nhận phiếu tự chấm điểm năm {y} (hạn {date}); {sheets_sent} tổ chức đã gửi",
        "no self-scoring sheet for {y} received (due {date}); {sheets_sent} organisations sent theirs",
    ),
    (
        "compliance.statements_not_filed",
        "báo cáo năm {y} ghi chưa nộp báo cáo tài chính (hạn {date})",
        "the {y} report says statements were not filed (due {date})",
    ),
    (
        "classification.invalid_supply",
        "Loại hình phục vụ thành viên phải là: phục vụ sản xuất, phục vụ tiêu dùng, tạo việc làm, hỗn hợp",
        "What the cooperative supplies must be: production, consumption, employment, mixed",
    ),
    (
        "classification.invalid_vsic",
        "Ngành kinh tế cấp 1 là một chữ cái từ A đến U (VSIC 2018)",
        "The level-1 economic sector is one letter from A to U (VSIC 2018)",
    ),
    (
        "classification.invalid_capital",
        "Tổng nguồn vốn (triệu đồng) phải là một số không âm",
        "Total capital (million VND) must be a number, not negative",
    ),
    (
        "classification.invalid_agri_field",
        "Lĩnh vực nông nghiệp không có trong danh mục của Thông tư 09/2017",
        "Not a field of Circular 09/2017",
    ),
    (
        "classification.agri_field_not_agricultural",
        "Chỉ phân loại theo lĩnh vực nông nghiệp cho HTX nông nghiệp",
        "Only agricultural cooperatives are classified by agricultural field",
    ),
    (
        "rules.too_deep",
        "lồng quá {max_rule_depth} cặp ngoặc",
        "more than {max_rule_depth} nested parentheses",
    ),
    ("rules.missing_parenthesis", "thiếu dấu )", "a ) is missing"),
    (
        "rules.invalid_number",
        "số không hợp lệ \"{text}\"",
        "invalid number \"{text}\"",
    ),
    (
        "rules.sector_median_without_parenthesis",
        "sau sector_median cần (",
        "sector_median needs (",
    ),
    (
        "rules.unexpected_character",
        "không đọc được \"{c}\"",
        "unexpected \"{c}\"",
    ),
    (
        "rules.unexpected_end",
        "biểu thức chưa hết",
        "the expression ends too early",
    ),
    (
        "rules.comparison_expected",
        "cần phép so sánh (<, <=, >, >=, =, !=)",
        "a comparison is expected (<, <=, >, >=, =, !=)",
    ),
    (
        "evaluation.action.change_self_score",
        "sửa điểm tự chấm",
        "change a self-score",
    ),
    (
        "evaluation.action.submit_sheet",
        "nộp phiếu",
        "submit the sheet",
    ),
    (
        "evaluation.action.adjust_score",
        "điều chỉnh điểm",
        "adjust a score",
    ),
    (
        "evaluation.action.mark_as_reviewed",
        "ghi nhận đã xem xét",
        "mark as reviewed",
    ),
    ("evaluation.action.approve", "duyệt", "approve"),
    ("evaluation.action.unlock", "mở khóa", "unlock"),
    (
        "rules.text_after_the_end",
        "thừa phần cuối \"{rest}\"",
        "unexpected text at the end: \"{rest}\"",
    ),
    (
        "territory.compared_like_for_like",
        "So sánh trên cùng địa bàn qua sắp xếp đơn vị hành chính: cuối năm {from} gồm {before}; cuối năm {to} gồm {after}",
        "Compared on the same ground across a reorganisation of units: at the end of {from}, {before}; at the end of {to}, {after}",
    ),
    (
        "plan.projection_method",
        "đường thẳng bình phương nhỏ nhất qua năm gốc và các năm đã có số liệu; khoảng ± 1 sai số chuẩn của dự báo (≈ 68 %)",
        "least-squares line through the baseline and the years with data; ± 1 standard error of prediction (≈ 68 %)",
    ),
];
