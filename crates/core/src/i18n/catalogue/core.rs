//! Messages of the pure core: validation, plans, rubrics, rules, evaluation.

use crate::i18n::entry::Entry;

pub const ENTRIES: &[Entry] = &[
    ("classification.value", "{value}", "{value}"),
    ("compliance.value", "{value}", "{value}"),
    (
        "evaluation.adjusting_line_item_needs_written",
        "Điều chỉnh điểm dòng {item} cần ghi rõ lý do",
        "Adjusting line {item} needs a written reason",
    ),
    (
        "evaluation.cannot_what_vi_while_evaluation",
        "Không thể {what_vi} khi đánh giá đang ở trạng thái {state}",
        "Cannot {what_vi} while the evaluation is {state}",
    ),
    (
        "evaluation.evaluation_follows_rubric_id_version",
        "Đánh giá này theo {rubric_id} phiên bản {rubric_version}, không phải {id} phiên bản {version}",
        "This evaluation follows {rubric_id} version {rubric_version}, not {id} version {version}",
    ),
    (
        "evaluation.line_item_scores_score_outside",
        "Điểm dòng {item} là {score}, ngoài khoảng 0 – {max}",
        "Line {item} scores {score}, outside 0 – its maximum",
    ),
    (
        "evaluation.sheet_cannot_submitted_msg_items",
        "Phiếu chưa nộp được: {msg} ({items})",
        "The sheet cannot be submitted: {msg} ({items})",
    ),
    (
        "evaluation.there_no_scoring_line_item",
        "Không có dòng chấm điểm {item} trong {id}",
        "There is no scoring line {item} in {id}",
    ),
    (
        "evaluation.unlocking_approved_evaluation_needs_written",
        "Mở khóa đánh giá đã duyệt cần ghi rõ lý do",
        "Unlocking an approved evaluation needs a written reason",
    ),
    (
        "plan.baseline_year_baseline_year_come",
        "Năm gốc {baseline_year} phải trước năm đầu của giai đoạn ({from}) và không quá 10 năm",
        "The baseline year {baseline_year} must come before the first year of the period ({from}), by at most 10 years",
    ),
    (
        "plan.count_target_v_whole_non",
        "Chỉ tiêu đếm số lượng: giá trị {v} phải là số nguyên không âm",
        "A count target: {v} must be a whole, non-negative number",
    ),
    (
        "plan.equality_does_not_suit_amount",
        "So sánh bằng không phù hợp với số tiền",
        "Equality does not suit an amount of money",
    ),
    (
        "plan.invalid_period_from",
        "Giai đoạn {from}–{to} không hợp lệ",
        "Invalid period {from}–{to}",
    ),
    (
        "plan.invalid_plan_code_p_ascii",
        "Mã kế hoạch \"{p}\" không hợp lệ (chữ không dấu, số, . _ -)",
        "Invalid plan code \"{p}\" (ASCII letters, digits, . _ -)",
    ),
    (
        "plan.no_data_can_measure_target",
        "Chưa có số liệu nào đo được chỉ tiêu này",
        "No data can measure this target yet",
    ),
    (
        "plan.no_indicator_indicator",
        "Không có chỉ tiêu thống kê \"{indicator}\"",
        "No indicator \"{indicator}\"",
    ),
    (
        "plan.only_range_has_upper_value",
        "Chỉ khoảng mới có giá trị trên",
        "Only a range has an upper value",
    ),
    (
        "plan.percentage_target_v_within_0",
        "Chỉ tiêu tính bằng %: giá trị {v} phải trong 0–100",
        "A percentage target: {v} must be within 0–100",
    ),
    (
        "plan.plan_s_baseline_reports_another",
        "Năm gốc kế hoạch nêu chỉ tiêu khác ({other} = {shown}); chỉ tiêu này đo {indicator} (năm gốc {own})",
        "The plan's baseline reports another indicator ({other} = {shown}); this target measures {indicator} (baseline {own})",
    ),
    (
        "plan.range_needs_upper_value_e",
        "Khoảng cần giá trị trên (ví dụ 5 – 6)",
        "A range needs an upper value (e.g. 5 – 6)",
    ),
    (
        "plan.target_number_required_e_g",
        "Cần số thứ tự chỉ tiêu (ví dụ 1, 7a)",
        "A target number is required (e.g. 1, 7a)",
    ),
    (
        "plan.target_s_wording_as_plan",
        "Cần nội dung chỉ tiêu như kế hoạch ghi",
        "The target's wording, as the plan writes it, is required",
    ),
    (
        "plan.target_was_already_met_baseline",
        "Chỉ tiêu đã đạt ngay từ năm gốc {baseline_year} ({unit}): chỉ tiêu đặt thấp hơn thực tế",
        "The target was already met in the baseline year {baseline_year} ({unit}): it was set below the actual level",
    ),
    (
        "plan.title_required",
        "Cần tên kế hoạch",
        "A title is required",
    ),
    (
        "plan.upper_value_range_below_lower",
        "Giá trị trên của khoảng nhỏ hơn giá trị dưới",
        "The upper value of the range is below the lower one",
    ),
    (
        "plan.warning_at_present_trend_year",
        "Cảnh báo: theo xu hướng hiện nay, năm {year} ước đạt {unit} — không đạt chỉ tiêu {describe}",
        "Warning: at the present trend, {year} is projected at {unit} — short of the target {describe}",
    ),
    (
        "reporting.year_year_reported_expected_organisations",
        "Năm {year}: {reported}/{expected} tổ chức đã báo cáo (từ {complete_pct} % trở lên), trước hạn {due_vi}",
        "Year {year}: {reported} of {expected} organisations reported ({complete_pct} % or more), before the deadline {due_vi}",
    ),
    (
        "reporting.year_year_reporting_deadline_due",
        "Năm {year}: hạn gửi báo cáo ({due_vi}) đã qua; {reported}/{expected} tổ chức đã báo cáo",
        "Year {year}: the reporting deadline ({due_vi}) has passed; {reported} of {expected} organisations reported",
    ),
    (
        "rubric.item_id_cannot_score_below",
        "Điểm mục {id} không được âm",
        "Item {id} cannot score below zero",
    ),
    (
        "rubric.item_id_not_scored",
        "Chưa chấm điểm mục {id}",
        "Item {id} is not scored",
    ),
    (
        "rubric.item_id_scores_got_above",
        "Điểm mục {id} là {got}, vượt điểm tối đa {max}",
        "Item {id} scores {got}, above its maximum {max}",
    ),
    (
        "rubric.item_id_sum_its_sub",
        "Mục {id} được tính từ các tiểu mục, không chấm trực tiếp",
        "Item {id} is the sum of its sub-items; score those",
    ),
    (
        "rubric.there_no_item_id_rubric",
        "Không có mục {id} trong bộ tiêu chí {id_2}",
        "There is no item {id} in rubric {id_2}",
    ),
    ("rubric.value", "{value}", "{value}"),
    (
        "rules.expression_n_characters_long_at",
        "Biểu thức dài {n} ký tự, tối đa {max_rule_chars}",
        "The expression is {n} characters long, at most {max_rule_chars}",
    ),
    (
        "rules.position_at_no_figure_name",
        "Vị trí {at}: không có số liệu \"{name}\"; cần một trong: {fields}",
        "Position {at}: no figure \"{name}\"; expected one of: {fields}",
    ),
    (
        "rules.position_pos_vi",
        "Vị trí {pos}: {vi}",
        "Position {pos}: {vi}",
    ),
    ("spec.value", "{value}", "{value}"),
    (
        "validate.count_cannot_negative_v",
        "Số lượng không được âm: {v}",
        "A count cannot be negative: {v}",
    ),
    (
        "validate.dissolution_date_vi_after_founding",
        "Ngày giải thể {to_vi} phải sau ngày thành lập {to_vi_2}",
        "The dissolution date {to_vi} must be after the founding date {to_vi_2}",
    ),
    (
        "validate.dissolution_date_vi_future_record",
        "Ngày giải thể {to_vi} ở tương lai: chỉ ghi khi đã hoàn thành giải thể",
        "The dissolution date {to_vi} is in the future: record it once the dissolution is complete",
    ),
    (
        "validate.end_date_vi_before_start",
        "Ngày kết thúc {to_vi} trước ngày bắt đầu {to_vi_2}",
        "The end date {to_vi} is before the start date {to_vi_2}",
    ),
    (
        "validate.founding_date_vi_future",
        "Ngày thành lập {to_vi} ở tương lai",
        "The founding date {to_vi} is in the future",
    ),
    (
        "validate.full_name_not_empty",
        "Họ và tên không được để trống",
        "The full name must not be empty",
    ),
    (
        "validate.general_meeting_date_vi_not",
        "Ngày đại hội {to_vi} không thuộc năm báo cáo {y}",
        "The general meeting date {to_vi} is not in the reported year {y}",
    ),
    (
        "validate.name_not_empty",
        "Tên không được để trống",
        "The name must not be empty",
    ),
    (
        "validate.value_cannot_negative_v_only",
        "Giá trị không được âm: {v} (chỉ lợi nhuận mới có thể âm)",
        "The value cannot be negative: {v} (only profit may be negative)",
    ),
    (
        "validate.workers_but_no_members",
        "Có lao động nhưng không có thành viên",
        "Workers but no members",
    ),
    (
        "validate.year_y_lies_outside_life",
        "Năm {y} nằm ngoài thời gian hoạt động của {o} ({life})",
        "Year {y} lies outside the life of {o} ({life})",
    ),
];
