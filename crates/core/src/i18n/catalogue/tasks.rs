//! Messages and words of the plan's tasks as records: Hội quán, their meetings and the
//! organisations founded from them.

use crate::i18n::entry::Entry;

pub const MESSAGES: &[Entry] = &[
    (
        "import.no_such_course",
        "Không có lớp mã \"{code}\" trong tệp hay cơ sở dữ liệu",
        "No course with code \"{code}\" in the file or the database",
    ),
    (
        "import.attendee_outside_new_dates",
        "Học viên {name} ({org}) đã ghi của lớp này: ngày mới làm người đó không còn là cán bộ của {org} trong thời gian học",
        "{name} ({org}) is recorded on this course: the new dates would put them outside {org}'s people during it",
    ),
    ("error.kind.course", "lớp đào tạo", "course"),
    (
        "training.too_many_attendees",
        "Một lớp ghi tối đa {max} học viên",
        "A course lists at most {max} attendees",
    ),
    (
        "training.attendee_twice",
        "Người này đã có trong danh sách",
        "This person is already on the list",
    ),
    (
        "training.code_taken",
        "Đã có lớp mã \"{code}\": hãy sửa lớp đó hoặc dùng mã khác",
        "There is already a course \"{code}\": edit it or use another code",
    ),
    (
        "training.code_invalid",
        "Mã khóa học phải có, tối đa {max} ký tự, không chứa / ? #",
        "A course needs a code of at most {max} characters, without / ? #",
    ),
    (
        "training.ends_before_start",
        "Ngày kết thúc {ends} trước ngày bắt đầu {starts}",
        "The end date {ends} is before the start date {starts}",
    ),
    (
        "training.org_not_active",
        "{org} không hoạt động trong thời gian khóa học (bắt đầu {starts})",
        "{org} was not active during the course (starting {starts})",
    ),
    (
        "training.not_a_person_of",
        "{name} không phải cán bộ quản lý, chuyên môn của {org} trong thời gian khóa học: hãy thêm người này vào danh sách cán bộ của {org} hoặc để trống mã tổ chức",
        "{name} was not a manager or staff member of {org} during the course: add them to {org}'s people or leave the organisation empty",
    ),
    (
        "import.meeting_outside_new_life",
        "{org} đã có buổi sinh hoạt ngày {day}: loại hình hay ngày thành lập/giải thể mới làm buổi đó không còn hợp lệ",
        "{org} has a meeting stored on {day}: the new kind or founding/dissolution date would leave it invalid",
    ),
    (
        "import.origin_no_longer_fits",
        "Đã ghi {org} thành lập từ {from}: loại hình hay ngày thành lập mới làm điều đó không còn hợp lệ",
        "{org} is recorded as founded from {from}: the new kind or founding date would make that invalid",
    ),
    (
        "club.day_invalid",
        "Ngày \"{value}\" không đọc được: ghi ngày/tháng/năm, ví dụ 05/03/2026",
        "The date \"{value}\" cannot be read: write day/month/year, e.g. 05/03/2026",
    ),
    (
        "club.topic_unknown",
        "Nội dung \"{value}\" không rõ; dùng một trong: {expected}",
        "Topic \"{value}\" is unknown; use one of: {expected}",
    ),
    (
        "club.number_invalid",
        "\"{value}\" không phải số nguyên",
        "\"{value}\" is not a whole number",
    ),
    (
        "club.origin_unknown",
        "Không tìm thấy tổ chức có mã \"{value}\" trong địa bàn của tài khoản",
        "No organisation with the code \"{value}\" in the account's territory",
    ),
    ("error.kind.meeting", "buổi sinh hoạt", "meeting"),
    ("error.kind.origin", "nguồn gốc thành lập", "origin"),
    (
        "merge.club_records",
        "{drop} còn {n} hồ sơ Hội quán (hồ sơ, buổi sinh hoạt, nguồn gốc thành lập) hay học viên khóa đào tạo: hãy chuyển hay xóa chúng trước khi hợp nhất",
        "{drop} still has {n} club records (profile, meetings, origins) or course attendances: move or remove them before merging",
    ),
    (
        "club.meeting_taken",
        "Ngày {day} đã có buổi sinh hoạt: hãy sửa buổi đó",
        "There is already a meeting on {day}: edit that one instead",
    ),
    (
        "club.not_a_club",
        "{org} là {kind}, không phải Hội quán: chỉ Hội quán ghi buổi sinh hoạt",
        "{org} is a {kind}, not a Hội quán: only a Hội quán records meetings",
    ),
    (
        "club.meeting_before_launch",
        "Ngày sinh hoạt {day} trước ngày Hội quán ra mắt ({launched})",
        "The meeting date {day} is before the club was launched ({launched})",
    ),
    (
        "club.meeting_after_end",
        "Ngày sinh hoạt {day} từ ngày Hội quán ngừng hoạt động ({ended}) trở đi",
        "The meeting date {day} is on or after the day the club ended ({ended})",
    ),
    (
        "club.attendance_range",
        "Số người phải từ 0 đến {max}",
        "The number of people must be between 0 and {max}",
    ),
    (
        "club.text_too_long",
        "Nội dung dài quá {max} ký tự",
        "The text is longer than {max} characters",
    ),
    (
        "club.too_many_officials",
        "Nhiều nhất {max} cán bộ dự một buổi sinh hoạt",
        "At most {max} officials attend one meeting",
    ),
    (
        "club.official_name",
        "Mỗi cán bộ dự cần họ tên (tối đa {max} ký tự), viết theo dạng: họ tên | cơ quan | cấp",
        "Each official needs a name (at most {max} characters), written as: name | office | level",
    ),
    (
        "club.official_level",
        "Cấp \"{value}\" không rõ; dùng một trong: {expected}",
        "Level \"{value}\" is unknown; use one of: {expected}",
    ),
    (
        "club.origin_itself",
        "Một tổ chức không thành lập từ chính nó",
        "An organisation is not founded from itself",
    ),
    (
        "club.origin_kind",
        "{kind} không thành lập từ {from}: Hội quán → Tổ hợp tác hay HTX, Tổ hợp tác → HTX, HTX → Liên hiệp HTX",
        "A {kind} is not founded from a {from}: Hội quán → cooperative group or cooperative, group → cooperative, cooperative → union",
    ),
    (
        "club.origin_younger",
        "{from} thành lập ngày {founded}, sau tổ chức được thành lập từ nó",
        "{from} was founded on {founded}, after the organisation founded from it",
    ),
    (
        "club.sequence_range",
        "Số thứ tự Hội quán phải từ 1 đến 100.000",
        "The club's sequence number must be between 1 and 100,000",
    ),
    (
        "club.frequency_range",
        "Số buổi sinh hoạt một năm theo quy chế phải từ 1 đến 366",
        "The meetings a year set by the regulation must be between 1 and 366",
    ),
];

pub const UI: &[Entry] = &[
    ("nav_training", "Đào tạo", "Training"),
    (
        "training_courses",
        "Lớp đào tạo, bồi dưỡng, tập huấn",
        "Training courses",
    ),
    (
        "training_intro",
        "Các lớp cho cán bộ quản lý, chuyên môn của HTX, THT và thành viên Hội quán; ngày bồi dưỡng của cán bộ lấy từ danh sách học viên.",
        "Courses for the managers and staff of cooperatives and groups and for club members; a manager's training day comes from the attendance.",
    ),
    ("course_new", "Ghi lớp mới", "Record a course"),
    ("course_edit", "Sửa lớp", "Edit course"),
    (
        "course_remove",
        "Xóa lớp ghi nhầm",
        "Remove a course entered by mistake",
    ),
    (
        "course_removed",
        "Đã xóa lớp; nhật ký còn giữ toàn bộ",
        "The course was removed; the audit keeps it whole",
    ),
    ("course_code", "Mã lớp", "Course code"),
    (
        "course_code_hint",
        "Mã do cơ quan đặt, ví dụ TM-2026-03; không đổi được sau khi lưu",
        "The office's own code, e.g. TM-2026-03; it cannot change once saved",
    ),
    ("course_title", "Nội dung", "What it taught"),
    ("course_level", "Hình thức", "Kind"),
    ("course_organiser", "Đơn vị tổ chức", "Organised by"),
    ("course_unit", "Địa bàn", "Held for"),
    ("course_starts", "Từ ngày", "From"),
    ("course_ends", "Đến ngày", "To"),
    ("course_dates", "Thời gian", "Dates"),
    ("course_funding", "Nguồn kinh phí", "Funding"),
    ("course_attendees", "Học viên", "Attendees"),
    ("course_attendees_count", "Số học viên", "Attendees"),
    (
        "course_attendees_hint",
        "Mỗi dòng một người: Họ và tên | mã tổ chức (bỏ mã nếu không thuộc tổ chức nào)",
        "One person a line: Full name | organisation code (leave the code out for a person of no organisation)",
    ),
    ("course_word", "lớp", "course"),
    ("club_page", "Hội quán", "Farmer club"),
    (
        "club_open",
        "Trang Hội quán: sinh hoạt, hồ sơ",
        "Club page: meetings, profile",
    ),
    ("club_launched", "Ngày ra mắt", "Launched"),
    ("trade", "Sản phẩm, ngành nghề gắn kết", "Product or trade"),
    (
        "meetings_per_year",
        "Số buổi sinh hoạt một năm theo quy chế",
        "Meetings a year by its regulation",
    ),
    (
        "sequence_no",
        "Số thứ tự Hội quán của tỉnh",
        "Club's number in the province",
    ),
    ("club_members", "Thành viên", "Members"),
    ("club_report_of", "báo cáo năm", "report of"),
    ("club_per_year", "buổi/năm", "a year"),
    ("club_not_recorded", "chưa ghi", "not recorded"),
    (
        "club_board",
        "Ban chủ nhiệm (chủ nhiệm, phó chủ nhiệm): trong danh sách cán bộ",
        "Board (chair, deputies): in the managers list",
    ),
    (
        "club_edit_profile",
        "Sửa hồ sơ Hội quán",
        "Edit the club's profile",
    ),
    ("club_profile", "Hồ sơ Hội quán", "Club profile"),
    ("club_meetings", "Buổi sinh hoạt", "Meetings"),
    ("club_last_12_months", "12 tháng qua", "Last 12 months"),
    ("club_meetings_word", "buổi", "meetings"),
    (
        "club_with_officials",
        "có cán bộ dự",
        "attended by officials",
    ),
    ("club_new_meeting", "Ghi buổi sinh hoạt", "Record a meeting"),
    (
        "club_edit_meeting",
        "Sửa buổi sinh hoạt",
        "Edit the meeting of",
    ),
    (
        "club_remove_meeting",
        "Xóa buổi sinh hoạt",
        "Remove the meeting of",
    ),
    (
        "club_proposed",
        "đề xuất từ buổi trước, sửa những gì khác",
        "proposed from the last one, change what differs",
    ),
    (
        "club_no_meetings",
        "Chưa ghi buổi sinh hoạt nào",
        "No meeting recorded yet",
    ),
    (
        "club_meeting_saved",
        "Đã lưu buổi sinh hoạt",
        "Meeting saved",
    ),
    (
        "club_meeting_removed",
        "Đã xóa buổi sinh hoạt (nhật ký giữ lại bản ghi)",
        "Meeting removed (the audit keeps the record)",
    ),
    (
        "club_grown",
        "Tổ chức thành lập từ Hội quán này",
        "Organisations founded from this club",
    ),
    (
        "club_founders_from_here",
        "sáng lập viên là thành viên Hội quán",
        "founders were club members",
    ),
    ("held_on", "Ngày sinh hoạt", "Date"),
    ("topic", "Nội dung", "Topic"),
    ("attendance", "Số người dự", "People present"),
    (
        "attendance_hint",
        "số người có mặt",
        "how many were present",
    ),
    ("officials", "Cán bộ dự", "Officials attending"),
    (
        "officials_hint",
        "mỗi dòng một người: họ tên | cơ quan | cấp (xã, huyện, tỉnh)",
        "one a line: name | office | level (commune, district, province)",
    ),
    ("outcome", "Kết quả", "Outcome"),
    (
        "founded_from",
        "Thành lập từ (mã Hội quán hoặc Tổ hợp tác)",
        "Founded from (code of the club or group)",
    ),
    ("founded_from_hint", "ví dụ HQ-TM-06", "e.g. HQ-TM-06"),
    (
        "founding_members",
        "Số sáng lập viên là thành viên của tổ chức đó",
        "Founders who were its members",
    ),
    (
        "origin_add",
        "Ghi nguồn gốc thành lập",
        "Record where it was founded from",
    ),
    ("origins", "Nguồn gốc thành lập", "Founded from"),
    ("origin_remove", "Bỏ", "Remove"),
    (
        "origin_founders",
        "sáng lập viên là thành viên của tổ chức đó",
        "founders were its members",
    ),
];
