//! Bilingual messages: Vietnamese first, English beside it. Translation happens at the edge
//! (web, CLI); the core always produces both so no layer has to guess.

use std::fmt;

/// A message in Vietnamese and English.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Msg {
    pub vi: String,
    pub en: String,
}

impl Msg {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Msg {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The text in the requested language (`"en"` or anything else for Vietnamese).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" { &self.en } else { &self.vi }
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.vi, self.en)
    }
}
