//! Words of the interface in the reader's language, from the one catalogue in
//! `hoptac_core::i18n`. Templates call `p.t("key")`; tests check that every key a template
//! or a handler asks for is in the catalogue.

pub(crate) use hoptac_core::i18n::Lang;

/// The language of a request's `lang` cookie; Vietnamese unless it says `en`.
pub(crate) fn lang_of_cookies(h: Option<&str>) -> Lang {
    let en = h.is_some_and(|h| h.split(';').any(|c| c.trim() == "lang=en"));
    if en { Lang::En } else { Lang::Vi }
}

/// The word of `key` in `lang`. A key without a word is a bug: the tests' builds stop on it
/// (every page the web tests render goes through here); a release build logs it and shows
/// the key rather than a placeholder.
pub(crate) fn t(lang: Lang, key: &str) -> &'static str {
    match hoptac_core::i18n::ui(lang, key) {
        Some(s) => s,
        None => {
            debug_assert!(false, "no translation for key {key:?}");
            tracing::error!(key, "no translation for this key");
            interned(key)
        }
    }
}

/// Keys come from the code, never from a request, so the set kept here is small and fixed.
fn interned(key: &str) -> &'static str {
    static SEEN: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(k) = seen.iter().find(|k| **k == key) {
        return k;
    }
    let k: &'static str = Box::leak(key.to_string().into_boxed_str());
    seen.push(k);
    k
}

#[cfg(test)]
fn lookup(key: &str) -> Option<&'static str> {
    hoptac_core::i18n::ui(Lang::Vi, key)
}

#[cfg(test)]
mod tests;
