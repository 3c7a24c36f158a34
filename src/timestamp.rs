//! The one time type: `SOURCE_DATE_EPOCH` as a UTC date, written as RFC 3339, PDF or zip time.
//!
//! No clock and no time-zone database enter: every machine writes the same dates for the same
//! seconds. **Out-of-range rule**: a time is clamped to the nearest one the format can hold.
//! RFC 3339 and PDF dates have four-digit years, so every timestamp is first clamped to
//! 0000-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z; zip (MS-DOS) times only hold
//! 1980-01-01T00:00:00 ..= 2107-12-31T23:59:58 in two-second steps, so [`Timestamp::zip`]
//! clamps further and rounds odd seconds down.

use time::{Date, Month, PrimitiveDateTime, Time, UtcDateTime};

/// A UTC date and time, to the second, within the years 0000–9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Timestamp(UtcDateTime);

/// 0000-01-01T00:00:00Z.
const EARLIEST: i64 = -62_167_219_200;
/// 9999-12-31T23:59:59Z.
const LATEST: i64 = 253_402_300_799;

impl Timestamp {
    /// The time `seconds` after 1970-01-01T00:00:00Z (proleptic Gregorian calendar), clamped
    /// to the years 0000–9999.
    pub(crate) fn from_unix(seconds: i64) -> Self {
        let clamped = seconds.clamp(EARLIEST, LATEST);
        // In range by the clamp, which `time` holds without its `large-dates` feature.
        Self(UtcDateTime::from_unix_timestamp(clamped).unwrap_or(UtcDateTime::UNIX_EPOCH))
    }

    /// `2025-05-19`.
    pub(crate) fn date(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.month(),
            self.0.day()
        )
    }

    /// RFC 3339 (and W3CDTF, as DOCX properties use it), e.g. `2025-05-19T00:00:00Z`.
    pub(crate) fn rfc3339(self) -> String {
        format!(
            "{}T{:02}:{:02}:{:02}Z",
            self.date(),
            self.0.hour(),
            self.0.minute(),
            self.0.second()
        )
    }

    /// A PDF date (ISO 32000-1, 7.9.4), e.g. `D:20250519000000Z`.
    pub(crate) fn pdf(self) -> String {
        let d = self.0;
        format!(
            "D:{:04}{:02}{:02}{:02}{:02}{:02}Z",
            d.year(),
            self.month(),
            d.day(),
            d.hour(),
            d.minute(),
            d.second()
        )
    }

    /// The zip (MS-DOS) time of every entry: local time with no zone, written as UTC; clamped
    /// to 1980-01-01T00:00:00 ..= 2107-12-31T23:59:58, odd seconds rounded down.
    pub(crate) fn zip(self) -> zip::DateTime {
        let first = Self::civil(1980, Month::January, 1, 0, 0, 0);
        let last = Self::civil(2107, Month::December, 31, 23, 59, 58);
        let clamped = self.clamp(first, last);
        let d = clamped.0;
        zip::DateTime::from_date_and_time(
            d.year() as u16,
            clamped.month(),
            d.day(),
            d.hour(),
            d.minute(),
            d.second() & !1,
        )
        .unwrap_or_default()
    }

    fn month(self) -> u8 {
        self.0.month() as u8
    }

    fn civil(year: i32, month: Month, day: u8, hour: u8, minute: u8, second: u8) -> Self {
        let date = Date::from_calendar_date(year, month, day).unwrap_or(Date::MIN);
        let time = Time::from_hms(hour, minute, second).unwrap_or(Time::MIDNIGHT);
        Self(PrimitiveDateTime::new(date, time).as_utc())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc3339(seconds: i64) -> String {
        Timestamp::from_unix(seconds).rfc3339()
    }

    #[test]
    fn known_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        // The designation, appealpack's default epoch.
        assert_eq!(rfc3339(1_747_612_800), "2025-05-19T00:00:00Z");
        assert_eq!(rfc3339(951_782_399), "2000-02-28T23:59:59Z");
        assert_eq!(rfc3339(951_782_400 + 3_661), "2000-02-29T01:01:01Z");
        assert_eq!(Timestamp::from_unix(951_868_800).date(), "2000-03-01");
        assert_eq!(rfc3339(LATEST), "9999-12-31T23:59:59Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
        assert_eq!(rfc3339(EARLIEST), "0000-01-01T00:00:00Z");
    }

    #[test]
    fn pdf_dates() {
        let pdf = |seconds| Timestamp::from_unix(seconds).pdf();
        assert_eq!(pdf(0), "D:19700101000000Z");
        assert_eq!(pdf(1_747_612_800), "D:20250519000000Z");
        assert_eq!(pdf(951_827_696), "D:20000229123456Z");
    }

    #[test]
    fn out_of_range_times_are_clamped_to_the_nearest_one_a_format_holds() {
        assert_eq!(rfc3339(i64::MAX), "9999-12-31T23:59:59Z");
        assert_eq!(rfc3339(i64::MIN), "0000-01-01T00:00:00Z");
        assert_eq!(Timestamp::from_unix(i64::MAX).pdf(), "D:99991231235959Z");
        assert_eq!(Timestamp::from_unix(i64::MAX).0.unix_timestamp(), LATEST);
        let zip = |seconds| {
            let z = Timestamp::from_unix(seconds).zip();
            (
                z.year(),
                z.month(),
                z.day(),
                z.hour(),
                z.minute(),
                z.second(),
            )
        };
        assert_eq!(zip(0), (1980, 1, 1, 0, 0, 0));
        assert_eq!(zip(i64::MIN), (1980, 1, 1, 0, 0, 0));
        // 2108-01-01: after the last zip time, as is everything up to year 9999.
        assert_eq!(zip(4_354_819_200), (2107, 12, 31, 23, 59, 58));
        assert_eq!(zip(LATEST), (2107, 12, 31, 23, 59, 58));
        // Two-second steps: 01:01:01 is written 01:01:00.
        assert_eq!(zip(1_747_612_800 + 3_661), (2025, 5, 19, 1, 1, 0));
        assert_eq!(zip(1_747_612_800), (2025, 5, 19, 0, 0, 0));
    }
}
