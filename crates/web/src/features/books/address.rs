//! The organisation a books address names.

use crate::http::error::WebError;
use crate::http::i18n::Lang;

pub(super) fn org_of(l: Lang, code: &str) -> Result<hoptac_core::OrgCode, WebError> {
    hoptac_core::OrgCode::parse(code)
        .ok_or_else(|| WebError::new(l, hoptac_app::AppError::not_found("ledger", code)))
}
