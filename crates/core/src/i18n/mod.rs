//! One catalogue for every word hoptac says (ngôn ngữ). A message carries a stable code and
//! its arguments; it is rendered in the reader's language only at the edge (web page, CLI
//! line, JSON answer). The `msg!` macro checks at compile time that the code is in the
//! catalogue and that its arguments are the template's placeholders, so a missing key or a
//! misspelt argument stops the build instead of showing a placeholder to a user.

mod catalogue;
mod check;
mod entry;

pub use catalogue::{MESSAGES, UI};
pub use check::check;
pub use entry::Entry;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The language of a reader. Vietnamese first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// `en` (any case, also `en-US`, `en_GB.UTF-8`) is English; everything else Vietnamese.
    pub fn from_code(s: &str) -> Lang {
        let s = s.trim();
        if s.len() >= 2 && s[..2].eq_ignore_ascii_case("en") {
            Lang::En
        } else {
            Lang::Vi
        }
    }

    /// The Vietnamese or the English of a pair of texts held as data (an indicator's label,
    /// a rule's message typed by an office), falling back to Vietnamese where English is empty.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        if self == Lang::En && !en.is_empty() {
            en
        } else {
            vi
        }
    }
}

/// A value put into a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// The same text in both languages (a code, a name, a number already written).
    Text(String),
    /// Text that differs by language (a label, a number in each language's format).
    Both(String, String),
    /// A message inside a message.
    Msg(Box<Msg>),
}

impl Arg {
    pub fn both(vi: impl fmt::Display, en: impl fmt::Display) -> Arg {
        Arg::Both(vi.to_string(), en.to_string())
    }

    fn render(&self, lang: Lang, out: &mut String) {
        match self {
            Arg::Text(s) => out.push_str(s),
            Arg::Both(vi, en) => out.push_str(if lang == Lang::En { en } else { vi }),
            Arg::Msg(m) => out.push_str(&m.render(lang)),
        }
    }
}

/// What `msg!` accepts as an argument (it borrows each): anything that displays (the same
/// in both languages), or an [`Arg`] built for one language each or holding a message.
pub trait IntoArg {
    fn into_arg(self) -> Arg;
}

impl<T: fmt::Display + ?Sized> IntoArg for &T {
    fn into_arg(self) -> Arg {
        Arg::Text(self.to_string())
    }
}

impl IntoArg for &Arg {
    fn into_arg(self) -> Arg {
        self.clone()
    }
}

impl Arg {
    pub fn msg(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

/// A message: a stable code from the catalogue and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    code: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// A message from the catalogue: `msg!("plan.title_required")`,
/// `msg!("import.unknown_value", value = s, expected = list)`.
#[macro_export]
macro_rules! msg {
    ($code:literal $(, $name:ident = $val:expr)* $(,)?) => {{
        const _: () = $crate::i18n::check($code, &[$(stringify!($name)),*]);
        $crate::i18n::Msg::from_catalogue(
            $code,
            vec![$((stringify!($name), $crate::i18n::IntoArg::into_arg(&$val))),*],
        )
    }};
}

impl Msg {
    /// Use `msg!`, which checks the code and the arguments when the program is built.
    #[doc(hidden)]
    pub fn from_catalogue(code: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg { code, args }
    }

    /// A text held as data in both languages (a rule's message written by an office).
    pub fn text(vi: impl fmt::Display, en: impl fmt::Display) -> Msg {
        msg!("text", text = Arg::both(vi, en))
    }

    /// The stable code, for logs, tests and API clients.
    pub fn code(&self) -> &'static str {
        self.code
    }

    pub fn render(&self, lang: Lang) -> String {
        let (vi, en) = template(self.code);
        let t = if lang == Lang::En { en } else { vi };
        let mut out = String::with_capacity(t.len() + 16);
        let mut rest = t;
        while let Some(i) = rest.find(['{', '}']) {
            out.push_str(&rest[..i]);
            let tail = &rest[i..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                out.push_str(&tail[..1]);
                rest = &tail[2..];
            } else if let (true, Some(end)) = (tail.starts_with('{'), tail.find('}')) {
                let name = &tail[1..end];
                match self.args.iter().find(|(n, _)| *n == name) {
                    Some((_, a)) => a.render(lang, &mut out),
                    None => out.push_str(&tail[..=end]),
                }
                rest = &tail[end + 1..];
            } else {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
        out.push_str(rest);
        out
    }

    /// The text in the language of a code (`"en"`, or Vietnamese for anything else).
    pub fn get(&self, lang: &str) -> String {
        self.render(Lang::from_code(lang))
    }

    pub fn vi(&self) -> String {
        self.render(Lang::Vi)
    }

    pub fn en(&self) -> String {
        self.render(Lang::En)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.vi(), self.en())
    }
}

/// In JSON a message is its code and both texts, so a client needs no catalogue.
impl serde::Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Msg", 3)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("vi", &self.vi())?;
        st.serialize_field("en", &self.en())?;
        st.end()
    }
}

fn index() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static INDEX: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        MESSAGES
            .iter()
            .flat_map(|t| t.iter())
            .chain(UI.iter().flat_map(|t| t.iter()))
            .map(|(k, vi, en)| (*k, (*vi, *en)))
            .collect()
    })
}

fn template(code: &str) -> (&'static str, &'static str) {
    // `msg!` proved the code exists when the program was built
    index().get(code).copied().unwrap_or(("{?}", "{?}"))
}

/// A word of the interface (a label, a heading, a button) in `lang`; `None` for a key that
/// is not in the catalogue.
pub fn ui(lang: Lang, key: &str) -> Option<&'static str> {
    index()
        .get(key)
        .map(|(vi, en)| if lang == Lang::En { *en } else { *vi })
}

#[cfg(test)]
mod tests;
