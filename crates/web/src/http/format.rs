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

/// An amount as a form shows it for editing: Vietnamese style (1.600,5), and never in the one
/// shape the reader takes as ambiguous (a single separator before exactly three digits:
/// "123,456" would be read back with a warning, and "123.456" as 123456), so a form saved
/// without touching the field keeps the amount exactly.
pub(crate) fn amount_input(v: Fixed) -> String {
    let s = v.format_vi(6, false);
    match s.trim_start_matches('-').split_once(',') {
        Some((int, dec)) if !int.contains('.') && dec.len() == 3 => format!("{s}0"),
        _ => s,
    }
}

#[cfg(test)]
mod amount_tests {
    use super::*;

    #[test]
    fn an_amount_in_a_form_reads_back_as_itself_unambiguously() {
        for s in [
            "123.456",
            "-123.456",
            "0.123",
            "1600.5",
            "1234.567",
            "12",
            "999.999",
            "1000000.000001",
        ] {
            let v = Fixed::parse_plain(s).unwrap();
            let shown = amount_input(v);
            let back = hoptac_core::parse::parse_number(&shown).unwrap();
            assert_eq!(back.value, v, "{s} shown as {shown}");
            assert!(!back.ambiguous, "{s} shown as {shown} is ambiguous");
        }
    }
}

/// The page of the records behind `id` over `from`–`to` in `scope`: the link of every
/// dashboard and report figure.
pub(crate) fn figure_link(
    d: &hoptac_core::indicator::IndicatorDef,
    from: i32,
    to: i32,
    scope: &str,
) -> String {
    format!(
        "/indicators/{}/records?from={from}&to={to}&scope={}",
        enc(&d.id),
        enc(scope)
    )
}
