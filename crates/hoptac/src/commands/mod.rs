//! One module per subcommand: its arguments and its work.

pub(crate) mod backup;
pub(crate) mod bench;
pub(crate) mod bench_books;
pub(crate) mod bench_trace;
pub(crate) mod books;
pub(crate) mod check;
pub(crate) mod copy;
pub(crate) mod demo;
pub(crate) mod evaluate;
pub(crate) mod export;
pub(crate) mod format;
pub(crate) mod generate;
pub(crate) mod import;
pub(crate) mod load;
pub(crate) mod measure;
pub(crate) mod report;
pub(crate) mod restore;
pub(crate) mod rubric;
pub(crate) mod serve;
pub(crate) mod stats;
pub(crate) mod targets;
pub(crate) mod trace;
pub(crate) mod units;
pub(crate) mod user;
