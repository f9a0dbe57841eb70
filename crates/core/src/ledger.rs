//! Cooperative bookkeeping (kế toán HTX) under TT 71/2024/TT-BTC: the chart of accounts as
//! data, vouchers (chứng từ) whose lines must balance, and the trial balance (F01-HTX) built
//! from their postings. Exact đồng throughout; no I/O.

pub mod balance;
pub mod chart;
pub mod voucher;

#[cfg(test)]
mod tests;
