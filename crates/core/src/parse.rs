//! Numbers as offices type them: `1600.5`, `1.600,5`, `2.697`, `8,70`.

use crate::fixed::Fixed;

/// A parsed number and whether its separators were ambiguous.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedNumber {
    pub value: Fixed,
    /// `1.600` (1600 or 1.6?) and `1,600` (1.6 or 1600?): read the Vietnamese way, but the
    /// importer must warn.
    pub ambiguous: bool,
}

/// Parses a number typed in either plain or Vietnamese style.
///
/// - both `.` and `,`: the last one is the decimal separator;
/// - one kind repeated (`1.600.000`): it groups thousands;
/// - a single separator followed by exactly three digits: ambiguous, read Vietnamese style
///   (`.` groups thousands, `,` is the decimal comma);
/// - otherwise a single separator is the decimal point.
pub fn parse_number(s: &str) -> Option<ParsedNumber> {
    let t: String = s
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if t.is_empty() {
        return None;
    }
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let mut ambiguous = false;
    let plain: String = match (dots, commas) {
        (0, 0) => body.to_string(),
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let n = dots + commas;
            let groups: Vec<&str> = body.split(sep).collect();
            if n > 1 {
                check_groups(&groups)?;
                groups.concat()
            } else if groups[1].len() == 3
                && (1..=3).contains(&groups[0].len())
                && !groups[0].starts_with('0')
            {
                ambiguous = true;
                if sep == '.' {
                    groups.concat()
                } else {
                    format!("{}.{}", groups[0], groups[1])
                }
            } else {
                format!("{}.{}", groups[0], groups[1])
            }
        }
        _ => {
            let last_dot = body.rfind('.').unwrap_or(0);
            let last_comma = body.rfind(',').unwrap_or(0);
            let (group_sep, dec_sep) = if last_comma > last_dot {
                ('.', ',')
            } else {
                (',', '.')
            };
            if body.matches(dec_sep).count() != 1 {
                return None;
            }
            let (int, frac) = body.split_once(dec_sep)?;
            if frac.contains(group_sep) {
                return None;
            }
            let groups: Vec<&str> = int.split(group_sep).collect();
            check_groups(&groups)?;
            format!("{}.{}", groups.concat(), frac)
        }
    };
    let v = Fixed::parse_plain(&plain)?;
    Some(ParsedNumber {
        value: if neg {
            Fixed::from_micros(-v.micros())
        } else {
            v
        },
        ambiguous,
    })
}

/// Thousands groups: a first group of 1–3 digits, then groups of exactly 3.
fn check_groups(groups: &[&str]) -> Option<()> {
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    (first_ok && rest_ok).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> (String, bool) {
        let p = parse_number(s).unwrap();
        (p.value.to_string(), p.ambiguous)
    }

    #[test]
    fn reads_both_styles() {
        assert_eq!(v("1600.5"), ("1600.5".into(), false));
        assert_eq!(v("1.600,5"), ("1600.5".into(), false));
        assert_eq!(v("1,600.5"), ("1600.5".into(), false));
        assert_eq!(v("8,70"), ("8.7".into(), false));
        assert_eq!(v("-22,73"), ("-22.73".into(), false));
        assert_eq!(v("1.600.000"), ("1600000".into(), false));
        assert_eq!(v(" 2 697 "), ("2697".into(), false));
        assert_eq!(v("45"), ("45".into(), false));
    }

    #[test]
    fn flags_ambiguous_separators() {
        assert_eq!(v("1.600"), ("1600".into(), true));
        assert_eq!(v("1,600"), ("1.6".into(), true));
        assert_eq!(v("0.600"), ("0.6".into(), false));
        assert_eq!(v("1600.500"), ("1600.5".into(), false));
    }

    #[test]
    fn rejects_garbage() {
        for s in [
            "",
            "abc",
            "1.2.3,4,5",
            "12,34.5,6",
            "--1",
            "1e5",
            "1.6000.000",
        ] {
            assert!(parse_number(s).is_none(), "{s:?} should be rejected");
        }
        assert_eq!(v("1.60"), ("1.6".into(), false));
    }
}
