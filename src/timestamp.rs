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
#[error("invalid timestamp '{input}': expected RFC 3339, e.g. 2026-01-12T12:00:00Z")]
pub struct TimestampError {
    input: String,
}

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
                input: input.to_owned(),
            })
    }

    /// Whole seconds from `earlier` to `self`, never negative (clocks can step back).
    pub fn seconds_since(&self, earlier: &Timestamp) -> u64 {
        let secs = (self.0 - earlier.0).whole_seconds();
        u64::try_from(secs).unwrap_or(0)
    }

    pub fn unix_micros(&self) -> i64 {
        let micros = self.0.unix_timestamp_nanos() / 1_000;
        i64::try_from(micros).unwrap_or(i64::MAX)
    }
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
