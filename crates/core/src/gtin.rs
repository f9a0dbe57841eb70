//! GS1 Global Trade Item Numbers (mã số mã vạch, TCVN 6939:2019): a GTIN-8, -12, -13 or -14
//! whose last digit is the GS1 mod-10 check digit. Kept as the 14-digit form GS1 Digital
//! Link uses, so `8934563138165` and `08934563138165` are the same item.

use std::fmt;

/// A GTIN whose check digit is right, held as 14 digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Gtin(String);

/// Why a text is not a GTIN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GtinError {
    /// Not 8, 12, 13 or 14 digits.
    Shape,
    /// The digits are there but the last is not the check digit of the others.
    CheckDigit { expected: u8 },
}

/// The GS1 check digit of `body` (all digits but the last): weights 3 and 1 from the right.
pub fn check_digit(body: &[u8]) -> u8 {
    let sum: u32 = (body.iter().rev().enumerate())
        .map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

impl Gtin {
    /// Accepts the digits with spaces between groups, as they are printed under a barcode.
    pub fn parse(s: &str) -> Result<Gtin, GtinError> {
        let digits: String = s.chars().filter(|c| *c != ' ').collect();
        if !matches!(digits.len(), 8 | 12 | 13 | 14) || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(GtinError::Shape);
        }
        let d: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
        let (body, last) = d.split_at(d.len() - 1);
        let expected = check_digit(body);
        if last[0] != expected {
            return Err(GtinError::CheckDigit { expected });
        }
        Ok(Gtin(format!("{digits:0>14}")))
    }

    /// The 14 digits, as in a Digital Link (`/01/{gtin14}`) and an EPC class URI.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The short form offices print: the 13 digits of a GTIN-13 (or 8 of a GTIN-8…).
    pub fn short(&self) -> &str {
        let s = self.0.as_str();
        if let Some(r) = s.strip_prefix("000000") {
            return r;
        }
        if let Some(r) = s.strip_prefix("00") {
            return r;
        }
        s.strip_prefix('0').unwrap_or(s)
    }
}

impl fmt::Display for Gtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.short())
    }
}

impl serde::Serialize for Gtin {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gtin_13_with_its_check_digit_parses_to_14_digits() {
        // 893 is Vietnam's GS1 prefix
        let g = Gtin::parse("8934563138165").unwrap();
        assert_eq!(g.as_str(), "08934563138165");
        assert_eq!(g.short(), "8934563138165");
        assert_eq!(Gtin::parse("893 4563 13816 5"), Ok(g));
        assert!(Gtin::parse("96385074").is_ok(), "GTIN-8 of the GS1 example");
        assert!(Gtin::parse("00012345678905").is_ok());
    }

    #[test]
    fn a_wrong_check_digit_says_which_one_was_expected() {
        assert_eq!(
            Gtin::parse("8934563138166"),
            Err(GtinError::CheckDigit { expected: 5 })
        );
        assert_eq!(Gtin::parse("89345631381"), Err(GtinError::Shape));
        assert_eq!(Gtin::parse("893456313816x"), Err(GtinError::Shape));
        assert_eq!(Gtin::parse(""), Err(GtinError::Shape));
    }

    proptest::proptest! {
        #[test]
        fn any_body_with_its_check_digit_parses_and_any_other_digit_does_not(
            body in proptest::collection::vec(0u8..10, 12),
            wrong in 1u8..10,
        ) {
            let c = check_digit(&body);
            let text: String = body.iter().map(|d| char::from(b'0' + d)).collect();
            let good = format!("{text}{c}");
            proptest::prop_assert!(Gtin::parse(&good).is_ok());
            let bad = format!("{text}{}", (c + wrong) % 10);
            proptest::prop_assert!(Gtin::parse(&bad).is_err());
        }
    }
}
