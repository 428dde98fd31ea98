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

mod shown;
mod typed;

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
        if let Some(at) = Self::parse_canonical(input.as_bytes()) {
            return Ok(at);
        }
        OffsetDateTime::parse(input, &Rfc3339)
            .map(Self::from_datetime)
            .map_err(|_| TimestampError {
                what: "timestamp",
                input: input.to_owned(),
                expected: "expected RFC 3339, e.g. 2026-01-12T12:00:00Z",
            })
    }

    /// Parses what a user types for a moment, relative to `now`: calendar words (`friday`,
    /// `eom`), dates and local times in the local zone; `now`, RFC 3339, ages (`3d`, `2mo`)
    /// and times ahead (`+3d`, `in 2 weeks`) the same everywhere (see `timestamp/typed.rs`).
    pub fn parse_spec(input: &str, now: Timestamp) -> Result<Self, TimestampError> {
        typed::parse(input, now)
    }

    /// This moment `count` days, weeks, months or years on (`unit`: `d`, `w`, `mo`, `y`),
    /// on the local calendar: how recurring work steps from one due date to the next.
    pub fn plus_calendar(&self, count: i64, unit: &str) -> Option<Self> {
        typed::stepped(*self, count, unit)
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

/// Parses `500ms`, `30s`, `15m`, `2h`, `3d` or `1w`.
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
    if unit == "ms" {
        return Ok(std::time::Duration::from_millis(count));
    }
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

/// The canonical text's length: `2026-01-12T12:00:00.000000Z`.
const CANONICAL_LEN: usize = 27;

/// Where the canonical text has its fixed bytes, and which: read and written alike.
const CANONICAL_MARKS: [(usize, u8); 7] = [
    (4, b'-'),
    (7, b'-'),
    (10, b'T'),
    (13, b':'),
    (16, b':'),
    (19, b'.'),
    (26, b'Z'),
];

impl Timestamp {
    /// The log's own form, read without the general RFC 3339 parser: every line holds one
    /// timestamp, so this is on the path of every replayed event. `None` for anything
    /// else (another offset, other precision, an invalid date), which the general parser
    /// then reads or rejects.
    pub(crate) fn parse_canonical(text: &[u8]) -> Option<Self> {
        if text.len() != CANONICAL_LEN || CANONICAL_MARKS.iter().any(|&(at, byte)| text[at] != byte) {
            return None;
        }
        let number = |from: usize, to: usize| -> Option<u32> {
            text[from..to].iter().try_fold(0u32, |value, &byte| {
                byte.is_ascii_digit().then(|| value * 10 + u32::from(byte - b'0'))
            })
        };
        let year = i32::try_from(number(0, 4)?).ok()?;
        let month = time::Month::try_from(u8::try_from(number(5, 7)?).ok()?).ok()?;
        let date = time::Date::from_calendar_date(year, month, u8::try_from(number(8, 10)?).ok()?).ok()?;
        let clock = time::Time::from_hms_micro(
            u8::try_from(number(11, 13)?).ok()?,
            u8::try_from(number(14, 16)?).ok()?,
            u8::try_from(number(17, 19)?).ok()?,
            number(20, 26)?,
        )
        .ok()?;
        Some(Self(date.with_time(clock).assume_utc()))
    }

    /// The canonical text into `out`, digit by digit; `None` for a year that does not fit
    /// in four digits (formatted by the general formatter instead).
    fn write_canonical(&self, out: &mut [u8; CANONICAL_LEN]) -> Option<()> {
        let year = u32::try_from(self.0.year()).ok().filter(|year| *year <= 9999)?;
        let mut put = |at: usize, digits: usize, value: u32| {
            let mut value = value;
            for index in (at..at + digits).rev() {
                out[index] = b'0' + (value % 10) as u8;
                value /= 10;
            }
        };
        put(0, 4, year);
        put(5, 2, u32::from(u8::from(self.0.month())));
        put(8, 2, u32::from(self.0.day()));
        put(11, 2, u32::from(self.0.hour()));
        put(14, 2, u32::from(self.0.minute()));
        put(17, 2, u32::from(self.0.second()));
        put(20, 6, self.0.microsecond());
        for (at, byte) in CANONICAL_MARKS {
            out[at] = byte;
        }
        Some(())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = [0u8; CANONICAL_LEN];
        if self.write_canonical(&mut text).is_some() {
            return f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?);
        }
        match self.0.format(FORMAT) {
            Ok(text) => f.write_str(&text),
            Err(_) => Err(fmt::Error),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut text = [0u8; CANONICAL_LEN];
        match self.write_canonical(&mut text) {
            Some(()) => {
                serializer.serialize_str(std::str::from_utf8(&text).map_err(serde::ser::Error::custom)?)
            }
            None => serializer.collect_str(self),
        }
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

    proptest::proptest! {
        /// The hand-written reader and writer of the log's own form agree with the
        /// general RFC 3339 parser and the `time` formatter they stand in for.
        #[test]
        fn the_canonical_form_matches_the_general_parser_and_formatter(
            micros in -62_135_596_800_000_000i64..253_402_300_799_999_999i64,
        ) {
            let at = Timestamp::from_unix_micros(micros).unwrap();
            let general = at.0.format(FORMAT).unwrap();
            proptest::prop_assert_eq!(at.to_string(), general.clone());
            proptest::prop_assert_eq!(serde_json::to_string(&at).unwrap(), format!("\"{general}\""));
            let parsed = Timestamp::from_datetime(OffsetDateTime::parse(&general, &Rfc3339).unwrap());
            proptest::prop_assert_eq!(Timestamp::parse_canonical(general.as_bytes()), Some(parsed));
        }
    }

    #[test]
    fn the_canonical_reader_leaves_anything_else_to_the_general_parser() {
        for other in [
            "2026-01-12T12:00:00.000000+00:00",
            "2026-01-12T12:00:00.00000Z1",
            "2026-02-30T12:00:00.000000Z",
            "2026-01-12T24:00:00.000000Z",
            "2026-01-12T12:00:60.000000Z",
            "2026-01-12 12:00:00.000000Z",
            "2026-01-12T12:00:00.0000a0Z",
            "+026-01-12T12:00:00.000000Z",
        ] {
            assert_eq!(Timestamp::parse_canonical(other.as_bytes()), None, "{other}");
        }
        assert!(Timestamp::parse("2026-02-30T12:00:00.000000Z").is_err());
        assert_eq!(
            Timestamp::parse("2026-01-12T12:00:00.000000+00:00").unwrap(),
            Timestamp::parse("2026-01-12T12:00:00.000000Z").unwrap()
        );
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
        // Calendar words are local (see `typed`); ages and instants are the same anywhere.
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
