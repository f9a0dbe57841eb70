//! A cell as the writer knows it, before it is a spreadsheet value.

use hoptac_core::{Date, Fixed};

pub(super) enum Val {
    Empty,
    Text(String),
    /// A value of an enumeration, or a list of them: the code in the machine-key workbook,
    /// the Vietnamese label in the one people read (the import takes either back).
    Coded(String, String),
    Int(i64),
    Money(Fixed),
    Date(Date),
}

/// Services (or any enumeration) as one cell: `a;b` by code, `A; B` by label.
pub(super) fn list<T: hoptac_core::types::Enumerated>(items: impl Iterator<Item = T>) -> Val {
    let items: Vec<T> = items.collect();
    let join =
        |f: fn(T) -> &'static str, sep| items.iter().map(|v| f(*v)).collect::<Vec<_>>().join(sep);
    Val::Coded(join(T::code, ";"), join(T::label_vi, "; "))
}

pub(super) fn opt<T>(v: Option<T>, f: impl FnOnce(T) -> Val) -> Val {
    v.map(f).unwrap_or(Val::Empty)
}

/// A text cell, empty when there is nothing to say.
pub(super) fn text(s: &str) -> Val {
    if s.is_empty() {
        Val::Empty
    } else {
        Val::Text(s.to_string())
    }
}
