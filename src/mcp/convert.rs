//! From a tool's arguments to the application's words, and from its results to the
//! compact answers tools give: shared by every tool of the server.

use serde_json::{json, Value};

use jerry::app::{Assignee, ItemFilter, WriteOptions};
use jerry::domain::{ItemRef, Priority, WorkType};
use jerry::store::RecordedEvent;

use crate::door::changes::word;
use crate::door::error::{CommandError, CommandResult};
use crate::door::fields::Fields;

/// What a list or a write returns of each item unless `fields` asks otherwise.
const DEFAULT_FIELDS: &str = "id,title,status,priority,type,assignee,labels,due,version";

/// A `limit` as the CLI takes it: at least 1 (a page of none would say "more" forever).
pub fn at_least_one(limit: Option<usize>, default: usize) -> CommandResult<usize> {
    match limit {
        Some(0) => Err(CommandError::invalid("limit must be at least 1")),
        given => Ok(given.unwrap_or(default)),
    }
}

/// The longest error message a tool answers with: an error names the argument it could
/// not take, and a 10 MB argument is not echoed back whole.
const MAX_MESSAGE: usize = 300;

pub fn shortened(mut error: Value) -> Value {
    if let Some(message) = error.pointer_mut("/error/message") {
        if let Some(text) = message.as_str().filter(|text| text.len() > MAX_MESSAGE) {
            let mut cut = MAX_MESSAGE;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            *message = Value::String(format!("{}… ({} bytes in all)", &text[..cut], text.len()));
        }
    }
    error
}

/// A client's name as an actor: `Claude Code` → `claude-code`.
pub fn actor_name(client: &str) -> String {
    let name: String = client
        .trim()
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if name.is_empty() {
        "mcp-client".to_owned()
    } else {
        name
    }
}

/// The fields to keep: the ones asked for, else [`DEFAULT_FIELDS`].
pub fn fields(names: Option<&[String]>) -> CommandResult<Fields> {
    let text = names.map_or_else(|| DEFAULT_FIELDS.to_owned(), |names| names.join(","));
    Fields::parse(&text).map_err(CommandError::invalid)
}

pub fn item(text: &str) -> CommandResult<ItemRef> {
    Ok(text.parse::<ItemRef>()?)
}

pub fn guard(expected_version: Option<u64>, idempotency_key: Option<String>) -> WriteOptions {
    WriteOptions {
        expected_version,
        idempotency_key,
        ..WriteOptions::default()
    }
}

/// The filters `ready`, `list` and `claim` share, as `items list` reads them.
pub fn select(
    types: Vec<String>,
    priorities: Vec<String>,
    assignee: Option<String>,
    labels: Vec<String>,
    search: Option<String>,
) -> CommandResult<ItemFilter> {
    Ok(ItemFilter {
        types: types
            .iter()
            .map(|t| word("type", t, str::parse::<WorkType>))
            .collect::<Result<_, _>>()?,
        priorities: priorities
            .iter()
            .map(|p| word("priority", p, str::parse::<Priority>))
            .collect::<Result<_, _>>()?,
        assignee: assignee.map(Assignee::from_word),
        labels,
        search,
        ..ItemFilter::default()
    })
}

/// A write's answer (`door::written`): the item in [`DEFAULT_FIELDS`], `replayed` and
/// `warnings`.
pub fn written(outcome: &jerry::app::CommandOutcome) -> CommandResult<Value> {
    crate::door::written::written(outcome, Some(&fields(None)?))
}

/// An event, compactly: where it is, what it is, who wrote it when, and its payload.
pub fn event(event: &RecordedEvent) -> Value {
    json!({
        "position": event.position,
        "item": event
            .aggregate_id
            .parse::<jerry::domain::WorkItemId>()
            .map_or_else(|_| event.aggregate_id.clone(), |id| id.to_string()),
        "version": event.version,
        "type": event.event_type,
        "actor": event.metadata.actor,
        "at": event.timestamp,
        "payload": event.payload,
    })
}
