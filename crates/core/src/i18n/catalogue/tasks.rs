//! Messages and words of the plan's tasks as records: Hội quán, their meetings and the
//! organisations founded from them.

use crate::i18n::entry::Entry;

pub const MESSAGES: &[Entry] = &[
    ("error.kind.meeting", "buổi sinh hoạt", "meeting"),
    ("error.kind.origin", "nguồn gốc thành lập", "origin"),
    (
        "merge.club_records",
        "{drop} còn {n} hồ sơ Hội quán (hồ sơ, buổi sinh hoạt, nguồn gốc thành lập): hãy chuyển hay xóa chúng trước khi hợp nhất",
        "{drop} still has {n} club records (profile, meetings, origins): move or remove them before merging",
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
];
