//! HTTP plumbing every feature uses: shared state, sessions and CSRF, errors, the page layout,
//! form and download helpers, static assets. Nothing here knows a feature.

pub(crate) mod assets;
pub(crate) mod download;
pub(crate) mod error;
pub(crate) mod format;
pub(crate) mod forms;
pub mod i18n;
pub(crate) mod layout;
pub(crate) mod paging;
pub(crate) mod request;
pub(crate) mod session;
pub(crate) mod state;
pub(crate) mod upload;
