//! Cooperative bookkeeping (kế toán HTX, TT 71/2024/TT-BTC): a cooperative keeps its books in
//! hoptac one fiscal year at a time; its accountant posts vouchers, closes and reopens the
//! year; the offices above it read the books and statements. Every write is at the year's
//! version and audited with the change, every refusal is audited.

mod access;
mod files;
mod reads;
mod review;
mod writes;

pub use access::ENTITY;
pub use files::statements_json;
pub use reads::{LedgerList, LedgerView, Statements};
pub use review::{BookFigures, figures_against_books, million, proposed};
