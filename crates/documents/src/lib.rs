//! Official documents out of the data (issue 7): the administrative text of `hoptac-core`
//! laid out in the state's format. Word, and PDF (typst, behind the `pdf` feature).

pub mod docx;
#[cfg(feature = "pdf")]
pub mod pdf;
