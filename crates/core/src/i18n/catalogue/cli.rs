//! Messages of the command line.

use crate::i18n::entry::Entry;

pub const ENTRIES: &[Entry] = &[
    (
        "cli.database_in_use",
        "Cơ sở dữ liệu {db} đang được một máy chủ hoptac dùng: hãy dừng máy chủ trước",
        "The database {db} is in use by a running hoptac server: stop it first",
    ),
    (
        "cli.database_holds_real_data",
        "{db} đã có dữ liệu thật ({orgs} tổ chức, {units} đơn vị hành chính, {accounts} tài khoản): không nạp dữ liệu minh họa và tài khoản mật khẩu công khai vào đây; hãy dùng một tệp khác (--db demo.db)",
        "{db} holds real data ({orgs} organisations, {units} administrative units, {accounts} accounts): the demo, with its public-password accounts, is not loaded beside it; use another file (--db demo.db)",
    ),
];
