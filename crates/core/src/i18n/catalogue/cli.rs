//! Messages of the command line.

use crate::i18n::entry::Entry;

pub const ENTRIES: &[Entry] = &[
    (
        "cli.database_not_migrated",
        "Cơ sở dữ liệu {db} đang ở lược đồ phiên bản {at}, bản hoptac này cần phiên bản {need}: hãy chạy `hoptac migrate` trước",
        "The database {db} is at schema version {at}, this hoptac needs version {need}: run `hoptac migrate` first",
    ),
    (
        "cli.database_newer",
        "Cơ sở dữ liệu {db} đã được một bản hoptac mới hơn nâng cấp (lược đồ {at}, bản này chỉ biết đến {need}): hãy dùng bản hoptac đó, bản này không đọc cũng không ghi",
        "The database {db} was migrated by a newer hoptac (schema {at}, this one knows up to {need}): use that hoptac; this one neither reads nor writes it",
    ),
    (
        "cli.copy_not_empty",
        "Cơ sở dữ liệu đích {db} đã có dữ liệu ({what} dòng): chỉ sao chép vào cơ sở dữ liệu trống, không ghi đè",
        "The destination {db} already holds records ({what} rows): a copy goes only into an empty database, never over one",
    ),
    (
        "cli.copy_same",
        "Nguồn và đích là cùng một cơ sở dữ liệu: {db}",
        "The source and the destination are the same database: {db}",
    ),
    (
        "cli.no_database_file",
        "Không có tệp cơ sở dữ liệu {db}",
        "There is no database file {db}",
    ),
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
