//! Numbers, percentages and URL parts as a page shows them (Vietnamese number format).

use hoptac_core::Fixed;
use hoptac_core::indicator::Unit;
use hoptac_core::report::{money_vi, pct_vi};
use hoptac_core::text::group_thousands;

pub(crate) fn fmt_value(unit: Unit, v: Option<Fixed>) -> String {
    match v {
        None => "—".into(),
        Some(v) => match unit {
            Unit::Percent => pct_vi(v),
            Unit::MillionVnd | Unit::Services => money_vi(v),
            _ => group_thousands(v.round(0).micros() as i128 / 1_000_000),
        },
    }
}

pub(crate) fn signed_pct(v: Option<Fixed>) -> String {
    match v {
        None => String::new(),
        Some(v) if v.is_positive() => format!("+{}", pct_vi(v)),
        Some(v) => pct_vi(v),
    }
}

pub(crate) fn enc(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                o.push(b as char)
            }
            _ => o.push_str(&format!("%{b:02X}")),
        }
    }
    o
}

pub(crate) fn opt_fixed(v: Option<Fixed>) -> String {
    v.map(money_vi).unwrap_or_default()
}

pub(crate) fn opt_int(v: Option<i64>) -> String {
    v.map(|x| group_thousands(x as i128)).unwrap_or_default()
}

/// A path on this site to go back to, or `None`: it starts with one `/`, and holds no
/// white space or control character (browsers drop tabs and newlines, so `/\t/evil` would
/// become `//evil`, another site) and no backslash.
pub(crate) fn local_path(s: &str) -> Option<String> {
    let ok = s.starts_with('/')
        && !s[1..].starts_with(['/', '\\'])
        && !s
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    ok.then(|| s.to_string())
}
