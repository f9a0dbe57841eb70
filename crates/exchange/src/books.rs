//! The books out to a workbook and in from one: the statements in the forms' layout
//! (B01-HTX, B02-HTX, F01-HTX of TT 71/2024 Phụ lục IV, each with its heading, its columns
//! and the three signatories), and an existing year read from Excel (opening balances and a
//! voucher list), all or nothing.

pub mod import;
pub mod statements;
