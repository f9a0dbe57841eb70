//! Exact decimal numbers with six decimals.
//!
//! Money is kept in million VND (triệu đồng), the unit of every report; six decimals of a
//! million is exactly one đồng, so a [`Fixed`] holding an amount *is* an integer number of
//! đồng and no binary float ever touches it. Indicator values (counts, averages, shares)
//! use the same type so that rounding is done once, by rule.

use crate::text::group_thousands;
use std::fmt;

const SCALE: i64 = 1_000_000;

/// A decimal number with exactly six fractional digits, stored as an integer of millionths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Fixed(i64);

impl Fixed {
    pub const ZERO: Fixed = Fixed(0);

    pub const fn from_int(n: i64) -> Fixed {
        Fixed(n * SCALE)
    }

    /// From a raw count of millionths (for money: a count of đồng).
    pub const fn from_micros(m: i64) -> Fixed {
        Fixed(m)
    }

    pub const fn micros(self) -> i64 {
        self.0
    }

    pub fn is_integer(self) -> bool {
        self.0 % SCALE == 0
    }

    pub fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub fn checked_add(self, o: Fixed) -> Option<Fixed> {
        self.0.checked_add(o.0).map(Fixed)
    }

    /// `num / den` rounded half away from zero to `decimals` places (0..=6).
    pub fn ratio(num: i128, den: i128, decimals: u32) -> Option<Fixed> {
        if den == 0 {
            return None;
        }
        let step = 10i128.pow(6 - decimals.min(6));
        // value in millionths, rounded to the step
        let scaled = num * (SCALE as i128);
        let q = div_round(scaled, den * step) * step;
        i64::try_from(q).ok().map(Fixed)
    }

    /// The sum of `items` divided by `count`, rounded half away from zero to whole millionths.
    pub fn average(sum: i128, count: usize) -> Option<Fixed> {
        if count == 0 {
            return None;
        }
        i64::try_from(div_round(sum, count as i128)).ok().map(Fixed)
    }

    /// `(value / base − 1) × 100` and `value / base × 100` of two exact fractions
    /// (`num / den` each), rounded once to 2 decimals: a share or an average is compared
    /// as it is, not as it was rounded for display. `None` when the base is 0.
    pub fn change_and_ratio_pct(
        value: (i128, i128),
        base: (i128, i128),
    ) -> (Option<Fixed>, Option<Fixed>) {
        let (vn, vd) = value;
        let (bn, bd) = base;
        if vd == 0 || bd == 0 || bn == 0 {
            return (None, None);
        }
        let (n, d) = (vn.checked_mul(bd), vd.checked_mul(bn));
        match (n, d) {
            (Some(n), Some(d)) => (
                n.checked_sub(d)
                    .and_then(|x| x.checked_mul(100))
                    .and_then(|x| Fixed::ratio(x, d, 2)),
                n.checked_mul(100).and_then(|x| Fixed::ratio(x, d, 2)),
            ),
            _ => (None, None),
        }
    }

    /// `(self / base − 1) × 100`, rounded to 2 decimals; `None` when the base is 0.
    pub fn change_pct(self, base: Fixed) -> Option<Fixed> {
        Fixed::ratio((self.0 as i128 - base.0 as i128) * 100, base.0 as i128, 2)
    }

    /// `self / base × 100`, rounded to 2 decimals; `None` when the base is 0.
    pub fn ratio_pct(self, base: Fixed) -> Option<Fixed> {
        Fixed::ratio(self.0 as i128 * 100, base.0 as i128, 2)
    }

    /// Rounds half away from zero to `decimals` places.
    pub fn round(self, decimals: u32) -> Fixed {
        Fixed::ratio(self.0 as i128, SCALE as i128, decimals).unwrap_or(self)
    }

    /// Parses a plain decimal: optional sign, digits, optional `.` and up to six decimals.
    pub fn parse_plain(s: &str) -> Option<Fixed> {
        let s = s.trim();
        let (neg, body) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        if !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if frac.len() > 6 {
            return None;
        }
        let int_v: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
        let mut frac_v: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        for _ in frac.len()..6 {
            frac_v *= 10;
        }
        let v = int_v.checked_mul(SCALE)?.checked_add(frac_v)?;
        Some(Fixed(if neg { -v } else { v }))
    }

    /// From a spreadsheet float: rounded to six decimals. Spreadsheets only hold binary
    /// floats, so this is the one place where one is turned into an exact value.
    pub fn from_f64(x: f64) -> Option<Fixed> {
        if !x.is_finite() || x.abs() > 9.0e12 {
            return None;
        }
        Some(Fixed((x * SCALE as f64).round() as i64))
    }

    /// For writing a spreadsheet cell or a JSON number; never used for storage.
    pub fn to_f64(self) -> f64 {
        // Going through the decimal string gives the nearest float to the exact value.
        self.to_string().parse().unwrap_or(0.0)
    }

    /// Vietnamese format: `.` groups thousands, `,` before decimals, at most `max_decimals`
    /// decimals (rounded), trailing zeros kept only if `keep_zeros`.
    pub fn format_vi(self, max_decimals: u32, keep_zeros: bool) -> String {
        let r = self.round(max_decimals);
        let neg = r.0 < 0;
        let abs = (r.0 as i128).abs();
        let int = abs / SCALE as i128;
        let frac = abs % SCALE as i128;
        let mut s = group_thousands(int);
        if max_decimals > 0 {
            let digits = format!("{frac:06}");
            let mut d = digits[..max_decimals as usize].to_string();
            if !keep_zeros {
                while d.ends_with('0') {
                    d.pop();
                }
            }
            if !d.is_empty() {
                s.push(',');
                s.push_str(&d);
            }
        }
        if neg && r.0 != 0 { format!("-{s}") } else { s }
    }
}

fn div_round(n: i128, d: i128) -> i128 {
    let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
    let q = n / d;
    let r = n % d;
    if 2 * r.abs() >= d {
        if n >= 0 { q + 1 } else { q - 1 }
    } else {
        q
    }
}

/// Plain decimal with a `.` and no grouping, trailing zeros trimmed: `1600`, `8.7`, `-22.73`.
impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let neg = self.0 < 0;
        let abs = (self.0 as i128).abs();
        let int = abs / SCALE as i128;
        let frac = abs % SCALE as i128;
        if neg {
            f.write_str("-")?;
        }
        write!(f, "{int}")?;
        if frac != 0 {
            let d = format!("{frac:06}");
            write!(f, ".{}", d.trim_end_matches('0'))?;
        }
        Ok(())
    }
}

impl serde::Serialize for Fixed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_integer() {
            s.serialize_i64(self.0 / SCALE)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_compare_exact_shares_not_rounded_ones() {
        // 1/3 = 33,33 % against 2/7 = 28,57 %: rounded first, 16,66 %; exact, 16,67 %
        let (c, r) = Fixed::change_and_ratio_pct((1, 3), (2, 7));
        assert_eq!(c, Fixed::parse_plain("16.67"));
        assert_eq!(r, Fixed::parse_plain("116.67"));
        let rounded = Fixed::parse_plain("33.33")
            .unwrap()
            .change_pct(Fixed::parse_plain("28.57").unwrap());
        assert_eq!(
            rounded,
            Fixed::parse_plain("16.66"),
            "what the old way gave"
        );
        assert_eq!(Fixed::change_and_ratio_pct((1, 3), (0, 7)), (None, None));
    }
    use proptest::prelude::*;

    #[test]
    fn document_percentages() {
        let f = Fixed::from_int;
        assert_eq!(f(21).change_pct(f(23)).unwrap().to_string(), "-8.7");
        assert_eq!(f(2697).ratio_pct(f(1398)).unwrap().to_string(), "192.92");
        assert_eq!(f(1600).change_pct(f(1500)).unwrap().to_string(), "6.67");
        assert_eq!(f(200).change_pct(f(180)).unwrap().to_string(), "11.11");
        assert_eq!(f(129).change_pct(f(125)).unwrap().to_string(), "3.2");
        assert_eq!(f(3127).change_pct(f(2768)).unwrap().to_string(), "12.97");
        assert_eq!(f(450).change_pct(f(443)).unwrap().to_string(), "1.58");
        assert_eq!(f(85).change_pct(f(110)).unwrap().to_string(), "-22.73");
        assert_eq!(f(93).ratio_pct(f(129)).unwrap().to_string(), "72.09");
        assert_eq!(f(5).change_pct(Fixed::ZERO), None);
    }

    #[test]
    fn formats_vietnamese() {
        assert_eq!(Fixed::from_int(1600).format_vi(2, false), "1.600");
        assert_eq!(
            Fixed::parse_plain("-8.7").unwrap().format_vi(2, true),
            "-8,70"
        );
        assert_eq!(
            Fixed::parse_plain("1600.5").unwrap().format_vi(2, false),
            "1.600,5"
        );
        assert_eq!(
            Fixed::parse_plain("0.004").unwrap().format_vi(2, false),
            "0"
        );
        assert_eq!(
            Fixed::parse_plain("-0.004").unwrap().format_vi(2, true),
            "0,00"
        );
    }

    #[test]
    fn parses_plain() {
        assert_eq!(
            Fixed::parse_plain("1600.5").unwrap().micros(),
            1_600_500_000
        );
        assert_eq!(Fixed::parse_plain("-3").unwrap(), Fixed::from_int(-3));
        assert_eq!(Fixed::parse_plain(".5").unwrap().micros(), 500_000);
        assert!(Fixed::parse_plain("1.2.3").is_none());
        assert!(Fixed::parse_plain("abc").is_none());
        assert!(Fixed::parse_plain("1.1234567").is_none());
        assert!(Fixed::parse_plain("").is_none());
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(Fixed::ratio(1, 8, 2).unwrap().to_string(), "0.13"); // 0.125
        assert_eq!(Fixed::ratio(-1, 8, 2).unwrap().to_string(), "-0.13");
        assert_eq!(Fixed::ratio(1, 3, 2).unwrap().to_string(), "0.33");
        assert_eq!(Fixed::ratio(2, 3, 0).unwrap().to_string(), "1");
    }

    proptest! {
        /// change_pct agrees with an exact rational reference computed independently.
        #[test]
        fn change_pct_matches_reference(v in 0i64..10_000_000, b in 1i64..10_000_000) {
            let got = Fixed::from_int(v).change_pct(Fixed::from_int(b)).unwrap();
            // reference: hundredths = round_half_away((v - b) * 10000 / b)
            let num = (v as i128 - b as i128) * 10_000;
            let den = b as i128;
            let q = num / den;
            let r = num % den;
            let hundredths = if 2 * r.abs() >= den { q + num.signum() } else { q };
            prop_assert_eq!(got.micros() as i128, hundredths * 10_000);
        }

        /// For growth, ratio_pct and change_pct differ by exactly 100. (For a decline they may
        /// not: half away from zero rounds −0,005 down but 99,995 up.)
        #[test]
        fn ratio_is_change_plus_100_for_growth(b in 1i64..1_000_000, d in 0i64..1_000_000) {
            let v = b + d;
            let c = Fixed::from_int(v).change_pct(Fixed::from_int(b)).unwrap();
            let r = Fixed::from_int(v).ratio_pct(Fixed::from_int(b)).unwrap();
            prop_assert_eq!(r.micros() - c.micros(), 100 * SCALE);
        }

        #[test]
        fn display_parse_roundtrip(m in -9_000_000_000_000i64..9_000_000_000_000) {
            let f = Fixed::from_micros(m);
            prop_assert_eq!(Fixed::parse_plain(&f.to_string()), Some(f));
            prop_assert_eq!(Fixed::from_f64(f.to_f64()), Some(f));
        }

        #[test]
        fn average_is_within_half_a_unit(xs in proptest::collection::vec(-1_000_000_000i64..1_000_000_000, 1..50)) {
            let sum: i128 = xs.iter().map(|&x| x as i128).sum();
            let avg = Fixed::average(sum, xs.len()).unwrap().micros() as i128;
            let n = xs.len() as i128;
            prop_assert!((avg * n - sum).abs() * 2 <= n);
        }
    }
}
