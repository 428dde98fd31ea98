//! How often recurring work comes back (`items create --recur weekly`): a count of days,
//! weeks, months or years. Completing a recurring item brings the next one, due one step
//! after it; the step is taken on the calendar, so `monthly` keeps the day of the month.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::DomainError;
use crate::timestamp::Timestamp;

/// Every form `--recur` takes, for the message that refuses anything else.
pub const RECUR_EXPECTED: &str = "daily, weekly, fortnightly, monthly, quarterly, yearly, or every N days|weeks|months|years (every 2w, every 3 months), or none";

/// The most steps of one unit a recurrence may take: past that it is a typo.
const MAX_COUNT: u32 = 999;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecurUnit {
    Day,
    Week,
    Month,
    Year,
}

impl RecurUnit {
    fn word(self) -> &'static str {
        match self {
            RecurUnit::Day => "day",
            RecurUnit::Week => "week",
            RecurUnit::Month => "month",
            RecurUnit::Year => "year",
        }
    }

    /// The unit as [`Timestamp::plus_calendar`] takes it.
    fn calendar(self) -> &'static str {
        match self {
            RecurUnit::Day => "d",
            RecurUnit::Week => "w",
            RecurUnit::Month => "mo",
            RecurUnit::Year => "y",
        }
    }

    fn parse(word: &str) -> Option<Self> {
        Some(match word {
            "d" | "day" | "days" => RecurUnit::Day,
            "w" | "wk" | "wks" | "week" | "weeks" => RecurUnit::Week,
            "mo" | "mon" | "month" | "months" => RecurUnit::Month,
            "y" | "yr" | "yrs" | "year" | "years" => RecurUnit::Year,
            _ => return None,
        })
    }
}

/// Every `count` `unit`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Recurrence {
    pub count: u32,
    pub unit: RecurUnit,
}

impl Recurrence {
    /// The first due date one or more steps after `due` that is later than `after`: work
    /// completed late comes back at its next date still ahead, not at one already past.
    /// `None` only when the calendar runs out.
    pub fn next_after(self, due: Timestamp, after: Timestamp) -> Option<Timestamp> {
        // Each step counted from `due` itself, so `monthly` from 31 January is 28 February
        // and then 31 March, not 28 March.
        let mut steps: i64 = 1;
        loop {
            let next = due.plus_calendar(steps * i64::from(self.count), self.unit.calendar())?;
            if next > after {
                return Some(next);
            }
            // Far behind (years of a daily item): leap most of the way at once.
            let behind = after.seconds_since(&next) / self.rough_seconds();
            steps += i64::try_from(behind.saturating_sub(1)).ok()?.max(1);
        }
    }

    /// The step's length in seconds, a little short (a month as 28 days): only for leaping
    /// towards a date far away, never past it.
    fn rough_seconds(self) -> u64 {
        let day = 86_400;
        u64::from(self.count)
            * match self.unit {
                RecurUnit::Day => day,
                RecurUnit::Week => 7 * day,
                RecurUnit::Month => 28 * day,
                RecurUnit::Year => 365 * day,
            }
    }
}

impl fmt::Display for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.count, self.unit) {
            (1, RecurUnit::Day) => f.write_str("daily"),
            (1, RecurUnit::Week) => f.write_str("weekly"),
            (1, RecurUnit::Month) => f.write_str("monthly"),
            (1, RecurUnit::Year) => f.write_str("yearly"),
            (count, unit) => write!(f, "every {count} {}s", unit.word()),
        }
    }
}

impl FromStr for Recurrence {
    type Err = DomainError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let invalid = || DomainError::InvalidValue {
            kind: "recurrence",
            input: input.to_owned(),
            expected: RECUR_EXPECTED,
        };
        let lower = input.trim().to_ascii_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let every = |count: u32, unit: RecurUnit| Recurrence { count, unit };
        let counted = |count: &str, unit: &str| -> Option<Recurrence> {
            let count: u32 = count.parse().ok()?;
            (1..=MAX_COUNT)
                .contains(&count)
                .then_some(every(count, RecurUnit::parse(unit)?))
        };
        let found = match words.as_slice() {
            ["daily"] => Some(every(1, RecurUnit::Day)),
            ["weekly"] => Some(every(1, RecurUnit::Week)),
            ["fortnightly"] => Some(every(2, RecurUnit::Week)),
            ["monthly"] => Some(every(1, RecurUnit::Month)),
            ["quarterly"] => Some(every(3, RecurUnit::Month)),
            ["yearly" | "annually"] => Some(every(1, RecurUnit::Year)),
            ["every", unit] => RecurUnit::parse(unit)
                .map(|unit| every(1, unit))
                .or_else(|| split_count(unit).and_then(|(count, unit)| counted(count, unit))),
            ["every", count, unit] => counted(count, unit),
            [word] => split_count(word).and_then(|(count, unit)| counted(count, unit)),
            _ => None,
        };
        found.ok_or_else(invalid)
    }
}

/// `2w` as `("2", "w")`.
fn split_count(word: &str) -> Option<(&str, &str)> {
    let at = word.find(|c: char| !c.is_ascii_digit())?;
    (at > 0).then(|| word.split_at(at))
}

/// Stored as it reads (`weekly`, `every 2 weeks`): the event format's text form.
impl Serialize for Recurrence {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Recurrence {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn reads_the_words_people_use_and_writes_one_form() {
        for (typed, stored) in [
            ("daily", "daily"),
            ("Weekly", "weekly"),
            ("fortnightly", "every 2 weeks"),
            ("monthly", "monthly"),
            ("quarterly", "every 3 months"),
            ("annually", "yearly"),
            ("every day", "daily"),
            ("every 2w", "every 2 weeks"),
            ("every 3 months", "every 3 months"),
            ("10d", "every 10 days"),
            ("every 1 year", "yearly"),
        ] {
            let recurrence: Recurrence = typed.parse().unwrap();
            assert_eq!(recurrence.to_string(), stored, "{typed}");
            assert_eq!(stored.parse::<Recurrence>().unwrap(), recurrence);
        }
        for bad in [
            "",
            "sometimes",
            "every",
            "every 0 days",
            "every 1000 days",
            "2m",
            "every -1 w",
        ] {
            assert!(bad.parse::<Recurrence>().is_err(), "{bad}");
        }
    }

    #[test]
    fn the_next_date_is_the_first_step_after_the_moment_it_was_done() {
        let weekly: Recurrence = "weekly".parse().unwrap();
        let due = at("2026-12-07T09:00:00Z");
        assert_eq!(
            weekly.next_after(due, at("2026-12-06T10:00:00Z")),
            Some(at("2026-12-14T09:00:00Z"))
        );
        // Done three weeks late: the next date still ahead.
        assert_eq!(
            weekly.next_after(due, at("2026-12-29T10:00:00Z")),
            Some(at("2027-01-04T09:00:00Z"))
        );
        let daily: Recurrence = "daily".parse().unwrap();
        let late = daily.next_after(due, at("2036-12-07T10:00:00Z")).unwrap();
        assert_eq!(late, at("2036-12-08T09:00:00Z"));
    }
}
