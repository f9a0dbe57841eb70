//! One cell of a sheet, whatever file it came from, and its reading as each kind of value.

use hoptac_core::Fixed;
use hoptac_core::date::{self, Date};
use hoptac_core::parse::parse_number;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date cell, as its serial day number.
    Date(f64),
    Bool(bool),
}

/// What went wrong reading a cell, before the column and row are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellIssue {
    pub expected_vi: String,
    pub expected_en: String,
    pub warning: bool,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as it would show in a message.
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) => Fixed::from_f64(*n)
                .map(|f| f.to_string())
                .unwrap_or_else(|| n.to_string()),
            Cell::Date(d) => serial_to_date(*d)
                .map(date::to_vi)
                .unwrap_or_else(|| d.to_string()),
            Cell::Bool(b) => b.to_string(),
        }
    }

    pub fn text(&self) -> Option<String> {
        (!self.is_empty()).then(|| self.shown())
    }

    /// A number (plain, Vietnamese style or numeric cell). Ambiguous text is read the
    /// Vietnamese way and reported as a warning.
    pub fn number(&self) -> Result<Option<(Fixed, bool)>, CellIssue> {
        let bad = || CellIssue {
            expected_vi: "một số (ví dụ 1600,5 hoặc 1.600,5)".into(),
            expected_en: "a number (e.g. 1600.5 or 1.600,5)".into(),
            warning: false,
        };
        match self {
            _ if self.is_empty() => Ok(None),
            Cell::Number(n) => Fixed::from_f64(*n)
                .map(|f| Some((f, false)))
                .ok_or_else(bad),
            Cell::Text(s) => parse_number(s)
                .map(|p| Some((p.value, p.ambiguous)))
                .ok_or_else(bad),
            _ => Err(bad()),
        }
    }

    /// A whole number.
    pub fn integer(&self) -> Result<Option<(i64, bool)>, CellIssue> {
        let bad = || CellIssue {
            expected_vi: "một số nguyên (ví dụ 2697)".into(),
            expected_en: "a whole number (e.g. 2697)".into(),
            warning: false,
        };
        match self.number().map_err(|_| bad())? {
            None => Ok(None),
            Some((f, amb)) if f.is_integer() => Ok(Some((f.micros() / 1_000_000, amb))),
            Some(_) => Err(bad()),
        }
    }

    pub fn date(&self) -> Result<Option<Date>, CellIssue> {
        let bad = || CellIssue {
            expected_vi: "một ngày: YYYY-MM-DD, DD/MM/YYYY, ô ngày của Excel hoặc năm YYYY".into(),
            expected_en: "a date: YYYY-MM-DD, DD/MM/YYYY, an Excel date cell or a year YYYY".into(),
            warning: false,
        };
        match self {
            _ if self.is_empty() => Ok(None),
            Cell::Date(d) => serial_to_date(*d).map(Some).ok_or_else(bad),
            Cell::Number(n) if n.fract() == 0.0 && (1900.0..=2200.0).contains(n) => {
                Ok(date::ymd(*n as i32, 7, 1))
            }
            Cell::Number(n) if n.fract() == 0.0 && *n > 2200.0 => {
                serial_to_date(*n).map(Some).ok_or_else(bad)
            }
            Cell::Text(s) => date::parse(s).map(Some).ok_or_else(bad),
            _ => Err(bad()),
        }
    }

    pub fn boolean(&self) -> Result<Option<bool>, CellIssue> {
        let bad = || CellIssue {
            expected_vi: "có / không (yes / no)".into(),
            expected_en: "yes / no (có / không)".into(),
            warning: false,
        };
        match self {
            _ if self.is_empty() => Ok(None),
            Cell::Bool(b) => Ok(Some(*b)),
            Cell::Number(n) if *n == 1.0 => Ok(Some(true)),
            Cell::Number(n) if *n == 0.0 => Ok(Some(false)),
            Cell::Text(s) => match hoptac_core::text::fold(s).as_str() {
                "yes" | "co" | "x" | "1" | "true" | "da nop" | "y" => Ok(Some(true)),
                "no" | "khong" | "0" | "false" | "chua nop" | "n" => Ok(Some(false)),
                _ => Err(bad()),
            },
            _ => Err(bad()),
        }
    }
}

/// Excel's day numbers count from 1899-12-30 (its 1900 leap-year bug included).
pub fn serial_to_date(serial: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = date::ymd(1899, 12, 30)?;
    base.checked_add(time::Duration::days(serial.floor() as i64))
}

pub fn date_to_serial(d: Date) -> f64 {
    let base = date::ymd(1899, 12, 30).expect("valid");
    (d - base).whole_days() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_round_trip() {
        let d = date::ymd(2020, 3, 5).unwrap();
        assert_eq!(date_to_serial(d), 43895.0);
        assert_eq!(serial_to_date(43895.0), Some(d));
    }

    #[test]
    fn reads_cells() {
        assert_eq!(
            Cell::Text("1.600".into()).number().unwrap(),
            Some((Fixed::from_int(1600), true))
        );
        assert_eq!(Cell::Number(2697.0).integer().unwrap(), Some((2697, false)));
        assert!(Cell::Number(2.5).integer().is_err());
        assert!(Cell::Text("mười".into()).number().is_err());
        assert_eq!(Cell::Number(2018.0).date().unwrap(), date::ymd(2018, 7, 1));
        assert_eq!(Cell::Text("có".into()).boolean().unwrap(), Some(true));
        assert_eq!(Cell::Text(" ".into()).boolean().unwrap(), None);
        assert!(Cell::Text("maybe".into()).boolean().is_err());
    }
}
