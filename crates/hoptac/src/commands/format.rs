//! How a command prints what it answers.

use clap::ValueEnum;

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum StatsFormat {
    Json,
    Table,
}
