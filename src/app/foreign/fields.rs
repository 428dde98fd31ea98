//! Reading one record's fields, with a refusal that names the record and the field.

use serde_json::{Map, Value};

use super::{bad, Tracker};
use crate::app::AppError;
use crate::timestamp::Timestamp;

/// One record of an export: its place (line or index) and its fields.
pub(super) struct Record<'a> {
    pub tracker: Tracker,
    pub number: u64,
    pub fields: &'a Map<String, Value>,
    /// How the tracker writes a time (RFC 3339, or Taskwarrior's own form).
    pub parse_time: fn(&str) -> Result<Timestamp, String>,
}

impl Record<'_> {
    pub fn bad(&self, reason: impl std::fmt::Display) -> AppError {
        bad(self.tracker, self.number, reason)
    }

    /// A text field; absent or null is `None`, anything but text a refusal.
    pub fn text(&self, field: &str) -> Result<Option<String>, AppError> {
        match self.fields.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(_) => Err(self.bad(format!("{field}: expected text"))),
        }
    }

    /// A time field; an empty one, or Go's zero time (`0001-01-01…`, what beads and `gh`
    /// write for "never"), is `None`.
    pub fn time(&self, field: &str) -> Result<Option<Timestamp>, AppError> {
        self.text(field)?
            .filter(|t| !t.is_empty() && !t.starts_with("0001-"))
            .map(|text| (self.parse_time)(&text).map_err(|err| self.bad(format!("{field}: {err}"))))
            .transpose()
    }

    /// A list of words: a JSON list of text, or one comma-separated string (Taskwarrior's
    /// `depends` before 2.6).
    pub fn list(&self, field: &str) -> Result<Vec<String>, AppError> {
        match self.fields.get(field) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::String(text)) => Ok(text
                .split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect()),
            Some(Value::Array(words)) => words
                .iter()
                .map(|w| {
                    w.as_str()
                        .map(str::to_owned)
                        .ok_or_else(|| self.bad(format!("{field}: expected a list of text")))
                })
                .collect(),
            Some(_) => Err(self.bad(format!("{field}: expected a list"))),
        }
    }

    /// A list of objects.
    pub fn objects(&self, field: &str) -> Result<Vec<&Map<String, Value>>, AppError> {
        match self.fields.get(field) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| {
                    item.as_object()
                        .ok_or_else(|| self.bad(format!("{field}: expected objects")))
                })
                .collect(),
            Some(_) => Err(self.bad(format!("{field}: expected a list"))),
        }
    }
}
