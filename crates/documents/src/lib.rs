//! Official documents out of the data (issue 7): the administrative text of `hoptac-core`
//! laid out in the state's format. Word first; PDF and charts are not built yet.

pub mod docx;
