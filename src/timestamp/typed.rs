//! What people type for a moment: `friday`, `next monday`, `eom`, `in 3 days`, `2h`,
//! `2026-12-24 17:00`, read in the local time zone (`TZ`, else the system's) with its
//! daylight saving, as Taskwarrior reads its dates. Calendar words and dates without an
//! offset are local; RFC 3339 instants and ages are the same everywhere.

use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::TimeZone;
use jiff::{Span, Zoned};

use super::{Timestamp, TimestampError};

/// Every form a TIME takes, for the message that refuses anything else.
pub(super) const TIME_EXPECTED: &str = "expected now, today, yesterday, tomorrow, a weekday (friday, next monday, last monday), sod/eod, sow/eow, som/eom, soy/eoy, a date (2026-12-24) or a local time (2026-12-24 17:00), RFC 3339 (2026-12-24T17:00:00Z), an age (15m, 2h, 3d, 1w, 3mo, 1y, 3 days ago) or a time ahead (+3d, in 3 days)";

/// The zone people's words are read in: `TZ`, else the system's (UTC when neither says).
fn zone() -> TimeZone {
    super::shown::local_zone()
}

/// `input` as a moment, relative to `now`, in the local zone.
pub(super) fn parse(input: &str, now: Timestamp) -> Result<Timestamp, TimestampError> {
    parse_in(input, now, &zone())
}

/// `input` as a moment, relative to `now`, calendar words read in `zone`.
fn parse_in(input: &str, now: Timestamp, zone: &TimeZone) -> Result<Timestamp, TimestampError> {
    let invalid = || TimestampError {
        what: "time",
        input: input.to_owned(),
        expected: TIME_EXPECTED,
    };
    let words: Vec<String> = input.split_whitespace().map(str::to_ascii_lowercase).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let zone = zone.clone();
    let here = jiff::Timestamp::from_microsecond(now.unix_micros())
        .map_err(|_| invalid())?
        .to_zoned(zone.clone());
    let today = here.date();
    let found = match words.as_slice() {
        [] => None,
        ["now"] => return Ok(now),
        [word] => match *word {
            "today" | "sod" => start(today, &zone),
            "yesterday" => today.yesterday().ok().and_then(|d| start(d, &zone)),
            "tomorrow" => today.tomorrow().ok().and_then(|d| start(d, &zone)),
            "eod" => today.tomorrow().ok().and_then(|d| last_second(d, &zone)),
            "sow" => week_start(today).and_then(|d| start(d, &zone)),
            "eow" => week_start(today)
                .and_then(|d| d.checked_add(Span::new().weeks(1)).ok())
                .and_then(|d| last_second(d, &zone)),
            "som" => start(today.first_of_month(), &zone),
            "eom" => today
                .last_of_month()
                .tomorrow()
                .ok()
                .and_then(|d| last_second(d, &zone)),
            "soy" => start(today.first_of_year(), &zone),
            "eoy" => today
                .last_of_year()
                .tomorrow()
                .ok()
                .and_then(|d| last_second(d, &zone)),
            other => match weekday(other) {
                Some(day) => today.nth_weekday(1, day).ok().and_then(|d| start(d, &zone)),
                // RFC 3339 and local times as typed: `T` and `Z` in either case.
                None => single(input.trim(), &here, &zone),
            },
        },
        ["next", day] => weekday(day)
            .and_then(|day| today.nth_weekday(1, day).ok())
            .and_then(|d| start(d, &zone)),
        ["last", day] => weekday(day)
            .and_then(|day| today.nth_weekday(-1, day).ok())
            .and_then(|d| start(d, &zone)),
        ["in", count, unit] => span(count, unit).and_then(|span| shifted(&here, span)),
        ["in", amount] => split_count(amount)
            .and_then(|(count, unit)| span(count, unit))
            .and_then(|span| shifted(&here, span)),
        [count, unit, "ago"] => span(count, unit).and_then(|span| shifted(&here, span.negate())),
        [count, unit] if count.bytes().all(|b| b.is_ascii_digit()) => {
            span(count, unit).and_then(|span| shifted(&here, span.negate()))
        }
        [date, time] => local(&format!("{date}T{time}"), &zone),
        _ => None,
    };
    found.ok_or_else(invalid)
}

/// One word that is no calendar word: RFC 3339, a date, a local time, `+3d`, or an age.
fn single(word: &str, here: &Zoned, zone: &TimeZone) -> Option<Timestamp> {
    if let Ok(at) = Timestamp::parse(word) {
        return Some(at);
    }
    // Before the date: a date parser would read `2026-12-24T17:00` as its day alone.
    if word.contains(['t', 'T']) && word.len() >= 13 {
        return local(word, zone);
    }
    if let Ok(date) = word.parse::<Date>() {
        return start(date, zone);
    }
    if let Some(ahead) = word.strip_prefix('+') {
        let (count, unit) = split_count(ahead)?;
        return span(count, unit).and_then(|span| shifted(here, span));
    }
    let (count, unit) = split_count(word)?;
    span(count, unit).and_then(|span| shifted(here, span.negate()))
}

/// `3d` as `("3", "d")`.
fn split_count(word: &str) -> Option<(&str, &str)> {
    let at = word.find(|c: char| !c.is_ascii_digit())?;
    (at > 0).then(|| word.split_at(at))
}

/// `count` of `unit` (`15m`, `3 days`, `2mo`, `1y`): months and years on the calendar.
fn span(count: &str, unit: &str) -> Option<Span> {
    let count: i64 = count.parse().ok()?;
    let span = match unit {
        "s" | "sec" | "secs" | "second" | "seconds" => Span::new().try_seconds(count),
        "m" | "min" | "mins" | "minute" | "minutes" => Span::new().try_minutes(count),
        "h" | "hr" | "hrs" | "hour" | "hours" => Span::new().try_hours(count),
        "d" | "day" | "days" => Span::new().try_days(count),
        "w" | "wk" | "wks" | "week" | "weeks" => Span::new().try_weeks(count),
        "mo" | "mon" | "month" | "months" => Span::new().try_months(count),
        "y" | "yr" | "yrs" | "year" | "years" => Span::new().try_years(count),
        _ => return None,
    };
    span.ok()
}

/// `at` moved `count` days, weeks, months or years (`unit` as [`span`] reads it) on the
/// local calendar: a day keeps the wall-clock time across daylight saving, a month the day
/// of the month where the month has it (else its last day).
pub(super) fn stepped(at: Timestamp, count: i64, unit: &str) -> Option<Timestamp> {
    let here = jiff::Timestamp::from_microsecond(at.unix_micros())
        .ok()?
        .to_zoned(zone());
    shifted(&here, span(&count.to_string(), unit)?)
}

fn shifted(here: &Zoned, span: Span) -> Option<Timestamp> {
    here.checked_add(span).ok().and_then(|at| instant(&at))
}

/// `2026-12-24T17:00` (or with seconds) in `zone`.
fn local(text: &str, zone: &TimeZone) -> Option<Timestamp> {
    let at = text.parse::<DateTime>().ok()?;
    instant(&at.to_zoned(zone.clone()).ok()?)
}

/// The day's first moment in `zone` (midnight, or whenever a clock change starts it).
fn start(date: Date, zone: &TimeZone) -> Option<Timestamp> {
    instant(&date.to_zoned(zone.clone()).ok()?.start_of_day().ok()?)
}

/// The last second before `next_day` starts: how Taskwarrior's `eod`, `eow`, `eom` end.
fn last_second(next_day: Date, zone: &TimeZone) -> Option<Timestamp> {
    let next = next_day.to_zoned(zone.clone()).ok()?.start_of_day().ok()?;
    instant(&next.checked_sub(Span::new().seconds(1)).ok()?)
}

/// The Monday of `date`'s week (weeks start on Monday, as ISO 8601 has them).
fn week_start(date: Date) -> Option<Date> {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(Span::new().days(back)).ok()
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    })
}

fn instant(at: &Zoned) -> Option<Timestamp> {
    Timestamp::from_unix_micros(at.timestamp().as_microsecond())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Thursday 2026-12-10, 15:30 UTC; 16:30 in Berlin (CET, UTC+1).
    fn now() -> Timestamp {
        Timestamp::parse("2026-12-10T15:30:00Z").unwrap()
    }

    fn at(text: &str, zone: &TimeZone) -> String {
        parse_in(text, now(), zone)
            .unwrap_or_else(|err| panic!("{text}: {err}"))
            .to_string()
    }

    #[test]
    fn reads_calendar_words_in_utc() {
        let utc = TimeZone::UTC;
        for (text, want) in [
            ("now", "2026-12-10T15:30:00.000000Z"),
            ("today", "2026-12-10T00:00:00.000000Z"),
            ("yesterday", "2026-12-09T00:00:00.000000Z"),
            ("tomorrow", "2026-12-11T00:00:00.000000Z"),
            ("eod", "2026-12-10T23:59:59.000000Z"),
            ("friday", "2026-12-11T00:00:00.000000Z"),
            ("Thursday", "2026-12-17T00:00:00.000000Z"),
            ("next monday", "2026-12-14T00:00:00.000000Z"),
            ("last monday", "2026-12-07T00:00:00.000000Z"),
            ("sow", "2026-12-07T00:00:00.000000Z"),
            ("eow", "2026-12-13T23:59:59.000000Z"),
            ("som", "2026-12-01T00:00:00.000000Z"),
            ("eom", "2026-12-31T23:59:59.000000Z"),
            ("eoy", "2026-12-31T23:59:59.000000Z"),
            ("soy", "2026-01-01T00:00:00.000000Z"),
            ("in 3 days", "2026-12-13T15:30:00.000000Z"),
            ("in 2w", "2026-12-24T15:30:00.000000Z"),
            ("+3d", "2026-12-13T15:30:00.000000Z"),
            ("3 days ago", "2026-12-07T15:30:00.000000Z"),
            ("2h", "2026-12-10T13:30:00.000000Z"),
            ("15m", "2026-12-10T15:15:00.000000Z"),
            ("3mo", "2026-09-10T15:30:00.000000Z"),
            ("1y", "2025-12-10T15:30:00.000000Z"),
            ("2026-12-24", "2026-12-24T00:00:00.000000Z"),
            ("2026-12-24 17:00", "2026-12-24T17:00:00.000000Z"),
            ("2026-12-24T17:00", "2026-12-24T17:00:00.000000Z"),
            ("2026-12-24T17:00:00+02:00", "2026-12-24T15:00:00.000000Z"),
            ("2026-12-24t17:00:00z", "2026-12-24T17:00:00.000000Z"),
        ] {
            assert_eq!(at(text, &utc), want, "{text}");
        }
    }

    #[test]
    fn reads_dates_and_local_times_in_the_local_zone() {
        let berlin = TimeZone::posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
        assert_eq!(at("today", &berlin), "2026-12-09T23:00:00.000000Z");
        assert_eq!(at("2026-12-24 17:00", &berlin), "2026-12-24T16:00:00.000000Z");
        // Summer time: two hours ahead of UTC.
        assert_eq!(at("2026-07-01 12:00", &berlin), "2026-07-01T10:00:00.000000Z");
        assert_eq!(at("2026-07-01", &berlin), "2026-06-30T22:00:00.000000Z");
        // Late in the evening here it is already tomorrow in Tokyo.
        let tokyo = TimeZone::posix("JST-9").unwrap();
        assert_eq!(at("today", &tokyo), "2026-12-10T15:00:00.000000Z");
        // Ages and instants are the same everywhere.
        assert_eq!(at("2h", &berlin), at("2h", &TimeZone::UTC));
    }

    #[test]
    fn refuses_what_is_not_a_time_saying_what_is() {
        for bad in [
            "soon",
            "15",
            "m",
            "2026-13-01",
            "-3d",
            "",
            "next week",
            "in three days",
            "3 parsecs",
            "friday 5pm",
        ] {
            let err = parse_in(bad, now(), &TimeZone::UTC).unwrap_err().to_string();
            assert!(err.contains("next monday") && err.contains("3mo"), "{bad}: {err}");
        }
    }
}
