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

/// A recorded moment (`YYYY-MM-DD HH:MM:SS`, Vietnam time, as the audit keeps it) as a clerk
/// reads it: `dd/mm/yyyy hh:mm`. Anything else is shown as it is.
pub(crate) fn vn_time(s: &str) -> String {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    if b.len() >= 16
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
    {
        format!("{}/{}/{} {}", &s[8..10], &s[5..7], &s[0..4], &s[11..16])
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::vn_time;

    #[test]
    fn a_recorded_moment_reads_day_first_to_the_minute() {
        assert_eq!(vn_time("2026-12-06 18:45:22"), "06/12/2026 18:45");
        assert_eq!(vn_time("hôm qua"), "hôm qua");
        assert_eq!(vn_time("2026-12-06"), "2026-12-06");
    }
}
