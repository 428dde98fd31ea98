//! `jerry import --from taskwarrior|beads|github`: another tracker's export brought in with
//! its history. Each tracker's reader turns its records into [`Foreign`] items, jerry's
//! words for what the record says (and counts what it had no place for); [`plan`] turns
//! each into the events of its history, or, for an item an earlier import brought in
//! (found by its source reference), into the events of what changed since; the whole
//! import is then appended in one atomic write on the log it read, or not at all.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::{Comment, DependencyType, Priority, Status, WorkType};
use crate::timestamp::Timestamp;

mod beads;
mod fields;
mod github;
mod plan;
mod taskwarrior;
mod write;

pub use plan::{ImportedItem, ItemAction};
pub use write::ForeignReport;
pub(super) use write::{import_foreign, Importer};

/// The trackers jerry imports from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tracker {
    Taskwarrior,
    Beads,
    Github,
}

impl Tracker {
    pub fn name(self) -> &'static str {
        match self {
            Tracker::Taskwarrior => "taskwarrior",
            Tracker::Beads => "beads",
            Tracker::Github => "github",
        }
    }

    /// A record's place in the input, as an error names it: beads writes one record a
    /// line, the others a JSON array.
    pub fn place(self, record: u64) -> String {
        match self {
            Tracker::Beads => format!("line {record}"),
            _ => format!("record {record}"),
        }
    }
}

/// A field as a tracker's record says it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Field<T> {
    /// The tracker has no such field: a re-import leaves the item's value as it is.
    #[default]
    Silent,
    /// The record's value; `None` when it has none (a re-import then clears it).
    Says(Option<T>),
}

impl<T: Clone> Field<T> {
    /// The value, if the record gives one.
    pub fn value(&self) -> Option<T> {
        match self {
            Field::Silent => None,
            Field::Says(value) => value.clone(),
        }
    }
}

/// One record of another tracker, in jerry's words. A field the tracker does not have is
/// `None` or [`Field::Silent`]: a re-import leaves it as it is here.
#[derive(Debug, Clone, PartialEq)]
pub struct Foreign {
    /// Its line (beads) or its index from 1 (a JSON array), for messages.
    pub record: u64,
    /// `taskwarrior:UUID`, `beads:ID`, `github:OWNER/REPO#N`.
    pub source: String,
    pub title: String,
    pub description: Option<String>,
    pub work_type: Option<WorkType>,
    pub priority: Option<Priority>,
    pub status: Status,
    /// Why it was closed, blocked or deleted, when the tracker says.
    pub reason: Option<String>,
    pub assignee: Field<String>,
    pub labels: Vec<String>,
    pub due: Field<Timestamp>,
    pub wait: Field<Timestamp>,
    pub created: Timestamp,
    /// Who created it, when the tracker says.
    pub author: Option<String>,
    pub started: Option<Timestamp>,
    pub closed: Option<Timestamp>,
    /// Who closed or deleted it, when the tracker says.
    pub closed_by: Option<String>,
    pub updated: Option<Timestamp>,
    pub comments: Vec<Comment>,
    /// Other records by source reference, and how this one relates to each.
    pub links: Vec<(String, DependencyType)>,
    pub parent: Option<String>,
    /// How often it comes back (Taskwarrior's `recur`, on a recurring task's instance).
    pub recur: Option<crate::domain::recurrence::Recurrence>,
}

impl Default for Foreign {
    /// A pending record with nothing said, created at the epoch: what readers fill in.
    fn default() -> Self {
        Self {
            record: 0,
            source: String::new(),
            title: String::new(),
            description: None,
            work_type: None,
            priority: None,
            status: Status::Pending,
            reason: None,
            assignee: Field::Silent,
            labels: Vec::new(),
            due: Field::Silent,
            wait: Field::Silent,
            created: Timestamp::from_unix_micros(0).unwrap_or_else(Timestamp::now),
            author: None,
            started: None,
            closed: None,
            closed_by: None,
            updated: None,
            comments: Vec::new(),
            links: Vec::new(),
            parent: None,
            recur: None,
        }
    }
}

/// A record the import leaves out on purpose, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub record: u64,
    pub source: String,
    pub why: String,
}

/// What a reader made of a whole export.
#[derive(Debug, Default)]
struct Read {
    items: Vec<Foreign>,
    skipped: Vec<Skipped>,
    /// What a record said that was kept only in part (a second assignee), and how.
    noted: Vec<Skipped>,
    /// Fields the tracker wrote that have no place in jerry, with how many records had them.
    not_mapped: BTreeMap<String, u64>,
}

impl Read {
    fn not_mapped(&mut self, field: &str) {
        *self.not_mapped.entry(field.to_owned()).or_default() += 1;
    }
}

/// A record that cannot be read: the whole import is refused.
fn bad(tracker: Tracker, record: u64, reason: impl std::fmt::Display) -> crate::app::AppError {
    crate::app::AppError::InvalidForeign {
        tracker: tracker.name(),
        place: tracker.place(record),
        reason: reason.to_string(),
    }
}

/// Parses an export of `tracker`.
fn read(tracker: Tracker, text: &str) -> Result<Read, crate::app::AppError> {
    match tracker {
        Tracker::Taskwarrior => taskwarrior::read(text),
        Tracker::Beads => beads::read(text),
        Tracker::Github => github::read(text),
    }
}

/// An RFC 3339 instant, as the trackers write them.
fn instant(text: &str) -> Result<Timestamp, String> {
    Timestamp::parse(text).map_err(|err| err.to_string())
}

/// The records of a JSON array (or the one object `gh issue view --json` writes), each with
/// its index from 1.
fn array(tracker: Tracker, text: &str) -> Result<Vec<(u64, serde_json::Value)>, crate::app::AppError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|err| crate::app::AppError::InvalidForeign {
            tracker: tracker.name(),
            place: format!("line {}", err.line()),
            reason: format!("not JSON: {err}"),
        })?;
    Ok(match value {
        serde_json::Value::Array(records) => (1..).zip(records).collect(),
        object @ serde_json::Value::Object(_) => vec![(1, object)],
        _ => return Err(bad(tracker, 1, "expected a JSON array of records")),
    })
}

/// A label as jerry keeps it: trimmed, inner whitespace as `-` (labels are single words).
fn label(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (!words.is_empty()).then(|| words.join("-"))
}

#[cfg(test)]
mod tests;
