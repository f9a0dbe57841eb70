//! What every request handler shares: the application, uploads waiting for confirmation,
//! checked uploads kept for paging, and the proxies trusted to name the client.

use hoptac_app::App;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// An uploaded file checked but not yet confirmed.
pub(crate) struct Pending {
    pub(crate) file_name: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) at: Instant,
}

/// A checked upload's outcome, for paging its problems.
pub(crate) struct Checked {
    pub(crate) user: String,
    pub(crate) file_name: String,
    pub(crate) outcome: hoptac_app::ImportOutcome,
    /// The token that confirms the upload ("" when it has errors and cannot be confirmed).
    pub(crate) confirm: String,
    /// Why the file could not be checked at all (unreadable, too large): shown on the upload
    /// form instead of a preview, with the status it is answered with.
    pub(crate) failed: Option<(axum::http::StatusCode, String)>,
    pub(crate) at: Instant,
}

#[derive(Clone)]
pub(crate) struct AppState {
    pub(crate) app: App,
    pub(crate) pending: Arc<Mutex<HashMap<String, Pending>>>,
    /// Checked uploads kept for the other pages of their problems.
    pub(crate) results: Arc<Mutex<HashMap<String, Checked>>>,
    /// Proxies whose `X-Forwarded-For` names the client.
    pub(crate) trusted: Arc<Vec<std::net::IpAddr>>,
    /// What makes the PDF and Word files: the binary hands in the typesetter.
    pub(crate) renderer: Arc<dyn hoptac_documents::render::Renderer>,
}

/// Uploads larger than this are refused before they are read (a district workbook is
/// well under 10 MB).
pub const MAX_UPLOAD: usize = 32 * 1024 * 1024;

/// A login form is two short fields: anything larger is refused before it is read.
pub(crate) const LOGIN_LIMIT: usize = 16 * 1024;

pub(crate) const PENDING_TTL: Duration = Duration::from_secs(30 * 60);
