//! What a form means to do with the row it writes, and what the store then checks: a new
//! row must not exist yet, an edited row must still be at the version the form was read at.

use crate::error::{AppError, Result};

/// What a form means to do with the row it sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormIntent {
    /// Thêm mới: refused when the row already exists.
    Create,
    /// Sửa: the row must exist and still be at `version` ([`crate::App::row_version`]) when
    /// the change is written.
    Update { version: i64 },
}

/// The version the store is to check for a row: none for an import or the CLI (`None`),
/// "no change recorded" for a new row, the form's version for an edit.
pub(crate) fn expecting(
    entity: &str,
    key: &str,
    intent: Option<FormIntent>,
) -> Vec<(String, String, i64)> {
    let version = match intent {
        None => return vec![],
        Some(FormIntent::Create) => 0,
        Some(FormIntent::Update { version }) => version,
    };
    vec![(entity.to_string(), key.to_string(), version)]
}

/// A form that creates a row whose key is taken is refused, naming the key: creating never
/// overwrites.
pub(crate) fn refuse_taken(
    intent: Option<FormIntent>,
    exists: bool,
    field: &'static str,
    key: &str,
    what: hoptac_core::Msg,
) -> Result<()> {
    if intent == Some(FormIntent::Create) && exists {
        return Err(AppError::invalid(
            field,
            key.to_string(),
            hoptac_core::msg!(
                "intent.key_taken",
                what = hoptac_core::i18n::Arg::msg(what),
                key = key
            ),
        ));
    }
    Ok(())
}
