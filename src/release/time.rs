//! Calendar dates from `SOURCE_DATE_EPOCH`, in UTC, so no time zone or clock enters a release.

use crate::calendar::civil_from_days;

/// A UTC date and time, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UtcDateTime {
    pub year: i64,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

impl UtcDateTime {
    /// The date of `seconds` since 1970-01-01T00:00:00Z (proleptic Gregorian calendar).
    pub fn from_epoch(seconds: i64) -> Self {
        let days = seconds.div_euclid(86_400);
        let rest = seconds.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Self {
            year,
            month,
            day,
            hour: (rest / 3600) as u8,
            minute: (rest % 3600 / 60) as u8,
            second: (rest % 60) as u8,
        }
    }

    /// RFC 3339, e.g. `2025-05-19T00:00:00Z`.
    pub fn rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }

    /// `2025-05-19`.
    pub fn date(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The ZIP (MS-DOS) timestamp: local time with no zone, read as UTC here, clamped to the
    /// years the format can hold (1980–2107); odd seconds round down.
    pub fn zip(&self) -> zip::DateTime {
        let clamped = if self.year < 1980 {
            Self::from_epoch(315_532_800) // 1980-01-01T00:00:00Z
        } else if self.year > 2107 {
            Self {
                year: 2107,
                month: 12,
                day: 31,
                hour: 23,
                minute: 59,
                second: 58,
            }
        } else {
            *self
        };
        zip::DateTime::from_date_and_time(
            clamped.year as u16,
            clamped.month,
            clamped.day,
            clamped.hour,
            clamped.minute,
            clamped.second,
        )
        .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        assert_eq!(UtcDateTime::from_epoch(0).rfc3339(), "1970-01-01T00:00:00Z");
        // The designation, appealpack's default epoch.
        assert_eq!(
            UtcDateTime::from_epoch(1_747_612_800).rfc3339(),
            "2025-05-19T00:00:00Z"
        );
        assert_eq!(
            UtcDateTime::from_epoch(951_782_399).rfc3339(),
            "2000-02-28T23:59:59Z"
        );
        assert_eq!(UtcDateTime::from_epoch(951_868_800).date(), "2000-03-01");
        assert_eq!(
            UtcDateTime::from_epoch(253_402_300_799).rfc3339(),
            "9999-12-31T23:59:59Z"
        );
        assert_eq!(
            UtcDateTime::from_epoch(-1).rfc3339(),
            "1969-12-31T23:59:59Z"
        );
    }

    #[test]
    fn zip_times_are_clamped_to_what_the_format_holds() {
        let early = UtcDateTime::from_epoch(0).zip();
        assert_eq!((early.year(), early.month(), early.day()), (1980, 1, 1));
        let late = UtcDateTime::from_epoch(253_402_300_799).zip();
        assert_eq!((late.year(), late.month(), late.day()), (2107, 12, 31));
        let odd = UtcDateTime::from_epoch(1_747_612_800 + 3661).zip();
        assert_eq!((odd.hour(), odd.minute(), odd.second()), (1, 1, 0));
    }
}
