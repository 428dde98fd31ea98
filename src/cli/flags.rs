//! Flags and value parsers every part of the command line shares (the global options,
//! numbers that must be at least 1, moments as users type them): a leaf, so the command
//! tree (`args.rs`) and the handlers beside their arguments (`items/`, `views.rs`,
//! `tracking.rs`) can all use it without reaching into each other.

use std::path::PathBuf;

use clap::Args;
use jerry::domain::ProjectId;
use jerry::store::StoreUrl;
use jerry::timestamp::{TimeSpec, TimestampError};

/// A count that must be at least 1 (`--limit 0` would silently show nothing).
pub fn at_least_one(input: &str) -> Result<usize, String> {
    match input.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("expected a whole number from 1 to {}", usize::MAX)),
    }
}

/// A number of seconds, 0 or more (`5`, `0.5`).
pub fn parse_seconds(input: &str) -> Result<f64, String> {
    match input.trim().parse::<f64>() {
        Ok(seconds) if seconds.is_finite() && seconds >= 0.0 => Ok(seconds),
        _ => Err("expected a number of seconds, 0 or more (such as 5 or 0.5)".into()),
    }
}

/// A moment as users type it: RFC 3339, a date, an age (15m, 2h, 3d), today, yesterday.
pub fn parse_time(input: &str) -> Result<TimeSpec, TimestampError> {
    input.parse()
}

#[derive(Debug, Args)]
// Independent switches of the command line, each its own flag: not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct GlobalArgs {
    /// Project to use (PROJ-NNN or PROJ-NNN-slug); needed only when the workspace has several.
    #[arg(long, global = true, env = "JERRY_PROJECT", value_name = "ID")]
    pub project: Option<ProjectId>,
    /// Workspace folder holding projects/ [default: nearest ancestor with projects/, else .]
    #[arg(long, global = true, env = "JERRY_ROOT", value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Print machine-readable JSON on stdout (errors too, as {"error": {...}}); short for
    /// --format json, and wins over any other format.
    #[arg(long, global = true)]
    pub json: bool,
    /// How to print data: table (for people), json, jsonl (one object per line), toon
    /// (compact, for LLM agents), csv (a header row, for a spreadsheet) or markdown (a pipe
    /// table, for a pull request; jerry prime's text).
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<super::output::Format>,
    /// Who is making the change, recorded in each event's metadata [default: the project's
    /// actor setting, else user]. In events commands, typed on the command line, it keeps only
    /// that actor's events.
    #[arg(long, global = true, env = "JERRY_ACTOR", value_name = "NAME")]
    pub actor: Option<String>,
    /// Colour in tables: auto (a terminal without NO_COLOR), always or never.
    #[arg(long, global = true, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: super::style::ColorChoice,
    /// Print only the data: no notes, no confirmations of writes (errors still go to stderr).
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// Show times in tables as RFC 3339 in UTC (as --json has them), whatever the
    /// time_format setting says [default: an item's times relative, 3h ago, the log's on the
    /// local clock].
    #[arg(long, global = true)]
    pub utc: bool,
    /// Show table cells whole on a terminal too (long titles are otherwise cut to fit, ending
    /// in …; output that is not a terminal is never cut).
    #[arg(long, global = true)]
    pub wide: bool,
    /// Correlation id recorded on this command's events [default: a new id per command].
    #[arg(long, global = true, env = "JERRY_CORRELATION_ID", value_name = "ID")]
    pub correlation_id: Option<String>,
    /// Seconds to wait for another writer's lock before failing with exit code 1 [default: the
    /// project's lock_timeout setting, else 5].
    #[arg(long, global = true, env = "JERRY_LOCK_TIMEOUT", value_name = "SECONDS", value_parser = parse_seconds)]
    pub lock_timeout: Option<f64>,
    /// Where events live: jsonl (files in the project, the default), sqlite:<path> or
    /// postgres://user@host/database [default: the project's store setting, else jsonl].
    #[arg(long, global = true, env = "JERRY_STORE", value_name = "URL", value_parser = parse_store)]
    pub store: Option<StoreUrl>,
}

pub fn parse_store(text: &str) -> Result<StoreUrl, String> {
    text.parse().map_err(|err: jerry::store::StoreError| match err {
        jerry::store::StoreError::InvalidUrl { reason, .. } => reason.to_owned(),
        other => other.to_string(),
    })
}

/// A value parser for a word from a fixed list (a status, a type, a priority, a sort key):
/// it parses as the type always has (any case, its own error message), and it tells clap
/// the words, so `--help` lists them and shell completion offers them instead of file names.
#[derive(Clone)]
pub struct Words<T> {
    words: Vec<&'static str>,
    parse: fn(&str) -> Result<T, String>,
}

impl<T: Clone + Send + Sync + 'static> clap::builder::TypedValueParser for Words<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        self.parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.words
                .iter()
                .map(|word| clap::builder::PossibleValue::new(*word)),
        ))
    }
}

impl<T: std::str::FromStr> Words<T>
where
    T::Err: std::fmt::Display,
{
    /// `words`, parsed by `T`'s `FromStr`.
    pub fn new(words: Vec<&'static str>) -> Self {
        Self {
            words,
            parse: |text| text.parse::<T>().map_err(|err| err.to_string()),
        }
    }
}

/// The words of `T`, parsed by its `FromStr`; a word it does not know is refused as clap
/// refuses any value, `invalid value 'urgent' for '<PRIORITY>': expected one of critical,
/// high, medium, low` (the MCP tools say the same, naming their argument).
fn words<T: std::str::FromStr<Err = jerry::domain::DomainError>>(words: Vec<&'static str>) -> Words<T> {
    Words {
        words,
        parse: |text| {
            text.parse::<T>().map_err(|err| match err {
                jerry::domain::DomainError::InvalidValue { expected, .. } => format!("expected {expected}"),
                other => other.to_string(),
            })
        },
    }
}

/// The statuses `items status` moves to: every one but deleted (`items delete` deletes;
/// typed anyway, the refusal says so).
pub fn statuses() -> Words<jerry::domain::Status> {
    words(
        jerry::domain::Status::ALL
            .iter()
            .filter(|s| **s != jerry::domain::Status::Deleted)
            .map(|s| s.as_str())
            .collect(),
    )
}

pub fn work_types() -> Words<jerry::domain::WorkType> {
    words(jerry::domain::WorkType::ALL.iter().map(|t| t.as_str()).collect())
}

pub fn priorities() -> Words<jerry::domain::Priority> {
    words(jerry::domain::Priority::ALL.iter().map(|p| p.as_str()).collect())
}

pub fn dependency_types() -> Words<jerry::domain::DependencyType> {
    words(
        jerry::domain::DependencyType::ALL
            .iter()
            .map(|d| d.as_str())
            .collect(),
    )
}

pub fn sort_keys() -> Words<jerry::app::SortKey> {
    words(jerry::app::SortKey::NAMES.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sort key offered is one `--sort` takes.
    #[test]
    fn the_sort_keys_offered_are_taken() {
        let offered: Vec<String> = clap::builder::TypedValueParser::possible_values(&sort_keys())
            .into_iter()
            .flatten()
            .map(|value| value.get_name().to_owned())
            .collect();
        assert_eq!(offered.len(), 6);
        for key in offered {
            assert!(key.parse::<jerry::app::SortKey>().is_ok(), "{key}");
        }
    }
}
