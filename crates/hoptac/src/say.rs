//! The language the command line writes messages in, chosen once by `--lang` or
//! `HOPTAC_LANG`; without a choice an error is written in both languages, as an office
//! reading a log may need either.

use hoptac_core::{Lang, Msg};
use std::sync::OnceLock;

static CHOSEN: OnceLock<Option<Lang>> = OnceLock::new();

pub(crate) fn choose(lang: Option<&str>) {
    let _ = CHOSEN.set(lang.filter(|s| !s.trim().is_empty()).map(Lang::from_code));
}

/// A message in the chosen language, or in both ("vi / en").
pub(crate) fn both(m: &Msg) -> String {
    match CHOSEN.get().copied().flatten() {
        Some(l) => m.render(l),
        None => m.to_string(),
    }
}

/// A message in the chosen language, Vietnamese when none was chosen (lines of a table).
pub(crate) fn one(m: &Msg) -> String {
    m.render(CHOSEN.get().copied().flatten().unwrap_or_default())
}
