//! The one time format of the log: RFC 3339, UTC, exactly six fractional digits.
//!
//! Fixed width means timestamps sort the same as text and as time, and a line written
//! today reads back identically forever.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

const FORMAT: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");

/// A UTC instant truncated to whole microseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

#[derive(Debug, thiserror::Error)]
#[error("invalid {what} '{input}': {expected}")]
pub struct TimestampError {
    what: &'static str,
    input: String,
    expected: &'static str,
}

const TIME_EXPECTED: &str =
    "expected RFC 3339 (2026-01-12T12:00:00Z), a date (2026-01-12), an age (15m, 2h, 3d, 1w ago), a time ahead (+3d), today, yesterday or tomorrow";
const DURATION_EXPECTED: &str = "expected a number and a unit: 30s, 15m, 2h, 3d or 1w";

impl Timestamp {
    pub fn now() -> Self {
        Self::from_datetime(OffsetDateTime::now_utc())
    }

    /// Converts to UTC and drops precision below a microsecond, so that what is written
    /// is exactly what is read back.
    pub fn from_datetime(at: OffsetDateTime) -> Self {
        let at = at.to_offset(UtcOffset::UTC);
        let micros = at.microsecond();
        Self(at.replace_microsecond(micros).unwrap_or(at))
    }

    pub fn from_unix_micros(micros: i64) -> Option<Self> {
        let nanos = i128::from(micros) * 1_000;
        OffsetDateTime::from_unix_timestamp_nanos(nanos).ok().map(Self)
    }

    /// Accepts any RFC 3339 instant (any offset) and normalises it to UTC.
    pub fn parse(input: &str) -> Result<Self, TimestampError> {
        OffsetDateTime::parse(input, &Rfc3339)
            .map(Self::from_datetime)
            .map_err(|_| TimestampError {
                what: "timestamp",
                input: input.to_owned(),
                expected: "expected RFC 3339, e.g. 2026-01-12T12:00:00Z",
            })
    }

    /// Parses what a user types for a moment, relative to `now` (all in UTC): RFC 3339, a
    /// date (its midnight), an age (`15m`, `2h`, `3d`, `1w` before now), a time ahead
    /// (`+3d`, for due dates), `today`, `yesterday`, `tomorrow` or `now`.
    pub fn parse_spec(input: &str, now: Timestamp) -> Result<Self, TimestampError> {
        let text = input.trim();
        let invalid = || TimestampError {
            what: "time",
            input: input.to_owned(),
            expected: TIME_EXPECTED,
        };
        let midnight = |at: OffsetDateTime| Self(at.replace_time(time::Time::MIDNIGHT));
        match text.to_ascii_lowercase().as_str() {
            "now" => return Ok(now),
            "today" => return Ok(midnight(now.0)),
            "yesterday" => return Ok(midnight(now.0 - time::Duration::days(1))),
            "tomorrow" => return Ok(midnight(now.0 + time::Duration::days(1))),
            _ => {}
        }
        if let Some(ahead) = text.strip_prefix('+') {
            let ahead = parse_duration(ahead).map_err(|_| invalid())?;
            let ahead = time::Duration::try_from(ahead).map_err(|_| invalid())?;
            return now.0.checked_add(ahead).map(Self).ok_or_else(invalid);
        }
        if let Ok(at) = Self::parse(text) {
            return Ok(at);
        }
        let date_format = format_description!("[year]-[month]-[day]");
        if let Ok(date) = time::Date::parse(text, date_format) {
            return Ok(Self(date.midnight().assume_utc()));
        }
        let age = parse_duration(text).map_err(|_| invalid())?;
        let age = time::Duration::try_from(age).map_err(|_| invalid())?;
        now.0.checked_sub(age).map(Self).ok_or_else(invalid)
    }

    pub fn checked_add(&self, duration: std::time::Duration) -> Option<Self> {
        let duration = time::Duration::try_from(duration).ok()?;
        self.0.checked_add(duration).map(Self)
    }

    /// The UTC calendar day, `2026-01-12`.
    pub fn day(&self) -> String {
        let date = self.0.date();
        format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        )
    }

    /// Whole seconds from `earlier` to `self`, never negative (clocks can step back).
    pub fn seconds_since(&self, earlier: &Timestamp) -> u64 {
        let secs = (self.0 - earlier.0).whole_seconds();
        u64::try_from(secs).unwrap_or(0)
    }

    /// Whole milliseconds from `earlier` to `self`, never negative.
    pub fn millis_since(&self, earlier: &Timestamp) -> u64 {
        let millis = (self.0 - earlier.0).whole_milliseconds();
        u64::try_from(millis).unwrap_or(0)
    }

    pub fn unix_micros(&self) -> i64 {
        let micros = self.0.unix_timestamp_nanos() / 1_000;
        i64::try_from(micros).unwrap_or(i64::MAX)
    }
}

/// A moment as a user typed it (`2h`, `yesterday`, a date), checked when parsed but
/// measured from the session's clock only when resolved, so a fixed test clock and the
/// events it stamps agree on what "two hours ago" means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeSpec(String);

impl std::str::FromStr for TimeSpec {
    type Err = TimestampError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Timestamp::parse_spec(input, Timestamp::now())?;
        Ok(Self(input.to_owned()))
    }
}

impl TimeSpec {
    pub fn resolve(&self, now: Timestamp) -> Result<Timestamp, TimestampError> {
        Timestamp::parse_spec(&self.0, now)
    }
}

/// Parses `30s`, `15m`, `2h`, `3d` or `1w`.
pub fn parse_duration(input: &str) -> Result<std::time::Duration, TimestampError> {
    let invalid = || TimestampError {
        what: "duration",
        input: input.to_owned(),
        expected: DURATION_EXPECTED,
    };
    let text = input.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).ok_or_else(invalid)?;
    let (digits, unit) = text.split_at(split);
    let count: u64 = digits.parse().map_err(|_| invalid())?;
    let seconds = match unit {
        "s" | "sec" => 1,
        "m" | "min" => 60,
        "h" => 3_600,
        "d" => 86_400,
        "w" => 604_800,
        _ => return Err(invalid()),
    };
    count
        .checked_mul(seconds)
        .map(std::time::Duration::from_secs)
        .ok_or_else(invalid)
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.format(FORMAT) {
            Ok(text) => f.write_str(&text),
            Err(_) => Err(fmt::Error),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_six_fraction_digits_in_utc() {
        let at = Timestamp::parse("2026-01-12T13:00:00.1234567+01:00").unwrap();
        assert_eq!(at.to_string(), "2026-01-12T12:00:00.123456Z");
    }

    #[test]
    fn round_trips_through_text() {
        let at = Timestamp::from_unix_micros(1_768_219_200_123_456).unwrap();
        assert_eq!(Timestamp::parse(&at.to_string()).unwrap(), at);
    }

    #[test]
    fn parses_what_users_type_for_a_moment() {
        let now = Timestamp::parse("2026-01-12T15:30:00Z").unwrap();
        let at = |text| Timestamp::parse_spec(text, now).unwrap().to_string();
        assert_eq!(at("2026-01-10"), "2026-01-10T00:00:00.000000Z");
        assert_eq!(at("today"), "2026-01-12T00:00:00.000000Z");
        assert_eq!(at("yesterday"), "2026-01-11T00:00:00.000000Z");
        assert_eq!(at("15m"), "2026-01-12T15:15:00.000000Z");
        assert_eq!(at("2h"), "2026-01-12T13:30:00.000000Z");
        assert_eq!(at("3d"), "2026-01-09T15:30:00.000000Z");
        assert_eq!(at("2026-01-12T16:00:00+02:00"), "2026-01-12T14:00:00.000000Z");
        for bad in ["soon", "15", "m", "2026-13-01", "-3d", ""] {
            assert!(Timestamp::parse_spec(bad, now).is_err(), "{bad}");
        }
    }

    #[test]
    fn parses_durations() {
        assert_eq!(parse_duration("5m").unwrap().as_secs(), 300);
        assert_eq!(parse_duration("1w").unwrap().as_secs(), 604_800);
        assert!(parse_duration("5 parsecs").is_err());
        assert!(parse_duration("h").is_err());
    }

    #[test]
    fn rejects_garbage() {
        assert!(Timestamp::parse("yesterday-ish").is_err());
    }

    #[test]
    fn seconds_since_never_negative() {
        let a = Timestamp::from_unix_micros(10_000_000).unwrap();
        let b = Timestamp::from_unix_micros(4_000_000).unwrap();
        assert_eq!(a.seconds_since(&b), 6);
        assert_eq!(b.seconds_since(&a), 0);
    }
}
