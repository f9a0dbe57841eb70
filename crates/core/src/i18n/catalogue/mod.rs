//! The catalogue: every message and every word of the interface, Vietnamese and English,
//! under a stable code. Messages are grouped by the layer that says them; the words of the
//! interface (labels, headings, buttons) are in `ui`.

mod app;
mod books_ui;
mod cli;
mod core;
mod daily;
mod exchange;
mod ledger;
mod ocop;
mod support;
mod tasks;
mod trace_forms;
mod ui;
mod ui_more;
mod web;

use crate::i18n::entry::Entry;

const SHARED: &[Entry] = &[
    // a text held as data in both languages (a rule's message typed by an office)
    ("text", "{text}", "{text}"),
];

/// Messages: templates with `{placeholders}`, rendered with their arguments.
pub const MESSAGES: &[&[Entry]] = &[
    SHARED,
    core::ENTRIES,
    exchange::ENTRIES,
    app::ENTRIES,
    web::ENTRIES,
    cli::ENTRIES,
    daily::MESSAGES,
    tasks::MESSAGES,
    support::MESSAGES,
    ocop::MESSAGES,
    ocop::TRACE,
    ocop::LINKAGE,
    ocop::EPCIS,
    trace_forms::MESSAGES,
    ledger::MESSAGES,
];

/// Words of the interface, shown as they are.
pub const UI: &[&[Entry]] = &[
    ui::ENTRIES,
    ui_more::ENTRIES,
    daily::UI,
    tasks::UI,
    support::UI,
    ocop::UI,
    trace_forms::UI,
    books_ui::UI,
];
