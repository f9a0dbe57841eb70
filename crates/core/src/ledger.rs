//! Cooperative bookkeeping (kế toán HTX) under TT 71/2024/TT-BTC: the chart of accounts as
//! data, vouchers (chứng từ) whose lines must balance, the trial balance (F01-HTX), B01-HTX
//! and B02-HTX with their line codes and source accounts, year-end closing to 911, and the
//! journal hledger reads. Exact đồng throughout; no I/O.

pub mod balance;
pub mod book;
pub mod chart;
pub mod closing;
pub mod journal;
pub mod ledger_book;
pub mod statements;
pub mod voucher;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_statements;
