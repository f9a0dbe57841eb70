//! Calendar dates. Vietnam is UTC+7 with no daylight saving, so a date is just a date.

pub use time::Date;
use time::Month;

/// `YYYY-MM-DD`, as stored and exported.
pub fn to_iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

/// `DD/MM/YYYY`, as Vietnamese offices write dates.
pub fn to_vi(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month() as u8, d.year())
}

pub fn ymd(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
}

/// 31 December of `year`: the moment a stock is taken.
pub fn year_end(year: i32) -> Date {
    ymd(year, 12, 31).expect("31 December exists in every year")
}

/// Parses `YYYY-MM-DD`, `DD/MM/YYYY` (also `D/M/YYYY`, `-` or `.` separators), or a bare
/// `YYYY`, which the exchange contract reads as 1 July of that year.
pub fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        let y: i32 = s.parse().ok()?;
        return if (1900..=2200).contains(&y) {
            ymd(y, 7, 1)
        } else {
            None
        };
    }
    if s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' {
        let y = s[0..4].parse().ok()?;
        let m = s[5..7].parse().ok()?;
        let d = s[8..10].parse().ok()?;
        return ymd(y, m, d);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    if parts.len() == 3 && parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
        let d = parts[0].parse().ok()?;
        let m = parts[1].parse().ok()?;
        let y = parts[2].parse().ok()?;
        return ymd(y, m, d);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_contract_forms() {
        assert_eq!(parse("2020-03-05"), ymd(2020, 3, 5));
        assert_eq!(parse("05/03/2020"), ymd(2020, 3, 5));
        assert_eq!(parse("5/3/2020"), ymd(2020, 3, 5));
        assert_eq!(parse("2018"), ymd(2018, 7, 1));
        assert_eq!(parse("31/02/2020"), None);
        assert_eq!(parse("2020-13-01"), None);
        assert_eq!(parse("hôm qua"), None);
        assert_eq!(parse("0099"), None);
    }

    #[test]
    fn formats() {
        let d = ymd(2021, 4, 9).unwrap();
        assert_eq!(to_iso(d), "2021-04-09");
        assert_eq!(to_vi(d), "09/04/2021");
    }
}
