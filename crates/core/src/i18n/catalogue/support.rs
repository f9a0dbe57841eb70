//! Messages and words of propaganda events, support disbursements and the plan's tasks.

use crate::i18n::entry::Entry;

pub const MESSAGES: &[Entry] = &[
    ("error.kind.event", "sự kiện tuyên truyền", "event"),
    ("error.kind.disbursement", "khoản hỗ trợ", "disbursement"),
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
];

pub const UI: &[Entry] = &[];
