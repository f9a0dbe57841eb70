//! What turns an official text into a file. The Word writer is built in; a PDF and a Word
//! file with its charts as pictures need a typesetter (typst, in `hoptac-pdf`), which only
//! the binary links: the libraries and their tests build without it, and take a
//! [`Renderer`] from whoever starts them.

use crate::docx::write_docx;
use hoptac_core::official::OfficialDoc;

/// Why a document could not be made. `Unavailable` is a build without a typesetter; the
/// others are faults of the program, not of the user's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    Unavailable,
    Failed(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Unavailable => {
                f.write_str("PDF không có trong bản dựng này / PDF is not part of this build")
            }
            RenderError::Failed(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for RenderError {}

pub trait Renderer: Send + Sync {
    /// The document as a PDF file.
    fn pdf(&self, d: &OfficialDoc) -> Result<Vec<u8>, RenderError>;
    /// The document as a Word file, its charts as pictures where the renderer can draw them.
    fn docx(&self, d: &OfficialDoc) -> Result<Vec<u8>, RenderError>;
}

/// Word only: charts are named in the text instead of drawn, and a PDF is refused with
/// [`RenderError::Unavailable`].
#[derive(Debug, Clone, Copy, Default)]
pub struct WordOnly;

impl Renderer for WordOnly {
    fn pdf(&self, _: &OfficialDoc) -> Result<Vec<u8>, RenderError> {
        Err(RenderError::Unavailable)
    }
    fn docx(&self, d: &OfficialDoc) -> Result<Vec<u8>, RenderError> {
        write_docx(d).map_err(|e| RenderError::Failed(format!("docx: {e}")))
    }
}
