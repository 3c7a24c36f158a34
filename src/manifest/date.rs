//! Calendar dates of the alert (`[alert] date`, `act-before`): ISO 8601, `YYYY-MM-DD`.

use std::fmt;

use serde::{Deserialize, Deserializer};

use super::Ident;

/// A day of the Gregorian calendar, checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct IsoDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// English month keys: the attributes of the manifest's date message (`.january` …), so a
/// translator writes each month's name in the form that follows a day number.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl IsoDate {
    /// Parses `YYYY-MM-DD`; the error says what is wrong, in words for a diagnostic.
    pub(crate) fn parse(text: &str) -> Result<IsoDate, String> {
        let shape_ok = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shape_ok {
            return Err(format!(
                "`{text}` is not an ISO date: write it as YYYY-MM-DD, e.g. 2025-05-19"
            ));
        }
        let number = |range: std::ops::Range<usize>| -> u16 {
            text[range].parse().expect("checked to be digits")
        };
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        if year < 1900 {
            return Err(format!("`{text}` is before 1900: check the year"));
        }
        if !(1..=12).contains(&month) {
            return Err(format!(
                "`{text}` has no month {month}: months are 01 to 12"
            ));
        }
        let month = month as u8;
        let last = days_in_month(year, month);
        if day == 0 || day > u16::from(last) {
            return Err(format!(
                "`{text}` is not a day of the calendar: {} {year} has {last} days",
                capitalised(MONTHS[usize::from(month) - 1])
            ));
        }
        Ok(IsoDate {
            year,
            month,
            day: day as u8,
        })
    }

    /// The month's key (`january` …), the attribute of the date message holding its name.
    pub(crate) fn month_key(&self) -> &'static str {
        MONTHS[usize::from(self.month) - 1]
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// A date as the manifest writes it: a string `"2025-05-19"` or a TOML date `2025-05-19`, kept
/// as text with its place (checked by [`IsoDate::parse`] when the manifest is validated).
pub(crate) fn date_value<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Ident>, D::Error> {
    let spanned = toml::Spanned::<toml::Value>::deserialize(deserializer)?;
    let span = spanned.span();
    let text = match spanned.into_inner() {
        toml::Value::String(text) => text,
        toml::Value::Datetime(datetime) => datetime.to_string(),
        other => {
            return Err(serde::de::Error::custom(format!(
                "a date must be written YYYY-MM-DD, not a {}",
                other.type_str()
            )));
        }
    };
    Ok(Some(Ident { name: text, span }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_are_checked_against_the_calendar() {
        let date = IsoDate::parse("2024-02-29").unwrap();
        assert_eq!((date.year, date.month, date.day), (2024, 2, 29));
        assert_eq!(date.to_string(), "2024-02-29");
        assert_eq!(date.month_key(), "february");
        assert_eq!(
            IsoDate::parse("2025-02-29").unwrap_err(),
            "`2025-02-29` is not a day of the calendar: February 2025 has 28 days"
        );
        assert_eq!(
            IsoDate::parse("2025-13-01").unwrap_err(),
            "`2025-13-01` has no month 13: months are 01 to 12"
        );
        for bad in [
            "19 May 2025",
            "2025-5-19",
            "2025/05/19",
            "",
            "2025-05-19T10:00",
        ] {
            assert!(
                IsoDate::parse(bad)
                    .unwrap_err()
                    .contains("is not an ISO date"),
                "{bad}"
            );
        }
        assert!(IsoDate::parse("1900-01-01").is_ok());
        assert!(IsoDate::parse("2000-02-29").is_ok());
        assert!(IsoDate::parse("2100-02-29").is_err());
    }
}
