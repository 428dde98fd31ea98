//! Restoring an export into a project. Every line is checked, and every conflict found,
//! before anything is written; events already present (same stream, version, event id and
//! content) are skipped, so importing the same file twice is a no-op.
//!
//! Checked before writing: each line is an event of a work item whose stream, id and
//! `display_id` agree; versions are consecutive; no event id is used twice (in the file,
//! or by another stored event); a stored event with the same id has the same content; and
//! every stream the import extends replays through the aggregate — the same code the reads
//! use — so an import can never leave a project the reads cannot load.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Read};

/// No event line is this long; a longer one is refused before it fills memory.
const MAX_LINE: u64 = 16 * 1024 * 1024;

use serde::Serialize;

use crate::domain::{WorkItem, WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::{EventStore, ExpectedVersion, RecordedEvent, StreamId};

use super::event_log::{stream_of, PAGE};
use super::AppError;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub imported: u64,
    pub already_present: u64,
    pub streams: u64,
}

struct Incoming {
    line: u64,
    stream: StreamId,
    event: RecordedEvent,
}

fn invalid(line: u64, reason: impl std::fmt::Display) -> AppError {
    AppError::InvalidImport {
        line,
        reason: reason.to_string(),
    }
}

/// Reads a JSONL export (or a JSON array, as `--format json` writes) into memory, checking
/// each event and that every stream's versions are consecutive.
fn parse(mut input: impl BufRead) -> Result<Vec<Incoming>, AppError> {
    let mut events = Vec::new();
    let mut array_text: Option<String> = None;
    let mut buffer = Vec::new();
    let mut number = 0u64;
    loop {
        number += 1;
        buffer.clear();
        let read = (&mut input)
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut buffer)
            .map_err(|err| invalid(number, err))?;
        if read == 0 {
            break;
        }
        if buffer.len() as u64 > MAX_LINE {
            return Err(invalid(number, "the line is longer than 16 MiB"));
        }
        let line = std::str::from_utf8(&buffer)
            .map_err(|err| invalid(number, err))?
            .trim_end_matches(['\n', '\r'])
            .to_owned();
        if events.is_empty() && array_text.is_none() && line.trim_start().starts_with('[') {
            array_text = Some(line);
            continue;
        }
        if let Some(text) = array_text.as_mut() {
            text.push('\n');
            text.push_str(&line);
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let event: RecordedEvent = serde_json::from_str(&line).map_err(|err| invalid(number, err))?;
        events.push((number, event));
    }
    if let Some(text) = array_text {
        let array: Vec<RecordedEvent> =
            serde_json::from_str(&text).map_err(|err| invalid(err.line() as u64, err))?;
        events = array.into_iter().zip(1..).map(|(event, n)| (n, event)).collect();
    }
    let mut seen_ids = HashSet::new();
    let mut last_version: HashMap<String, u64> = HashMap::new();
    let mut incoming = Vec::with_capacity(events.len());
    for (line, event) in events {
        check_identity(line, &event)?;
        let name = stream_of(&event);
        let stream = StreamId::new(name.clone()).map_err(|err| invalid(line, err))?;
        if !seen_ids.insert(event.event_id) {
            return Err(invalid(
                line,
                format!("event id {} appears twice", event.event_id),
            ));
        }
        if let Some(previous) = last_version.get(&name) {
            if event.version != previous + 1 {
                let reason = format!("{name} version {} follows version {previous}", event.version);
                return Err(invalid(line, reason));
            }
        }
        if event.version == 0 {
            return Err(invalid(line, "versions start at 1"));
        }
        last_version.insert(name, event.version);
        incoming.push(Incoming { line, stream, event });
    }
    Ok(incoming)
}

/// The line is a work-item event whose ids agree: its `aggregate_id` is an item id as
/// jerry writes it, and a creation names the same item in its payload.
fn check_identity(line: u64, event: &RecordedEvent) -> Result<(), AppError> {
    if event.aggregate_type != AGGREGATE_TYPE {
        return Err(invalid(
            line,
            format!(
                "unknown aggregate_type '{}' (jerry's events are {AGGREGATE_TYPE})",
                event.aggregate_type
            ),
        ));
    }
    let id: WorkItemId = event.aggregate_id.parse().map_err(|_| {
        invalid(
            line,
            format!("aggregate_id '{}' is not an item id", event.aggregate_id),
        )
    })?;
    if id.to_string() != event.aggregate_id {
        return Err(invalid(
            line,
            format!("aggregate_id '{}' should be written {id}", event.aggregate_id),
        ));
    }
    if event.event_type == "WorkItemCreated" {
        let named = event.payload.get("display_id").and_then(|v| v.as_str());
        if named != Some(event.aggregate_id.as_str()) {
            return Err(invalid(
                line,
                format!(
                    "the creation of {} names display_id {}",
                    event.aggregate_id,
                    named.unwrap_or("nothing")
                ),
            ));
        }
    }
    Ok(())
}

/// True when two records of one event id say the same thing (positions aside: they are
/// the source project's).
fn same_content(a: &RecordedEvent, b: &RecordedEvent) -> bool {
    a.aggregate_type == b.aggregate_type
        && a.aggregate_id == b.aggregate_id
        && a.event_type == b.event_type
        && a.version == b.version
        && a.schema_version == b.schema_version
        && a.timestamp == b.timestamp
        && a.payload == b.payload
        && a.metadata == b.metadata
}

/// Every stored event id, with where it is: what a new event's id must not repeat.
fn stored_ids(store: &dyn EventStore) -> Result<HashMap<ulid::Ulid, (StreamId, u64)>, AppError> {
    let mut ids = HashMap::new();
    let mut after = 0;
    loop {
        let page = store.read_global(after, PAGE)?;
        let Some(last) = page.last().map(|e| e.position) else {
            return Ok(ids);
        };
        for event in page {
            if let Ok(stream) = StreamId::new(stream_of(&event)) {
                ids.insert(event.event_id, (stream, event.version));
            }
        }
        after = last;
    }
}

/// The streams the import extends replay through the aggregate, stored events and new ones
/// together; a new event the aggregate cannot apply is refused, naming its line.
fn check_replay(store: &dyn EventStore, to_write: &[&Incoming]) -> Result<(), AppError> {
    let mut by_stream: HashMap<&StreamId, Vec<&Incoming>> = HashMap::new();
    for item in to_write {
        by_stream.entry(&item.stream).or_default().push(item);
    }
    for (stream, new) in by_stream {
        let mut history = Vec::new();
        for event in store.read_all(stream)? {
            let decoded = WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload)
                .map_err(|err| {
                    invalid(
                        new[0].line,
                        format!("{stream} already holds an event jerry cannot read: {err}"),
                    )
                })?;
            history.push((
                decoded,
                event.version,
                event.timestamp,
                event.metadata.actor.clone(),
            ));
        }
        for item in &new {
            let event = &item.event;
            let decoded = WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload)
                .map_err(|err| invalid(item.line, err))?;
            if history.is_empty() && !matches!(decoded, Some(WorkItemEvent::Created(_))) {
                return Err(invalid(
                    item.line,
                    format!(
                        "{stream} would start with {}, not WorkItemCreated",
                        event.event_type
                    ),
                ));
            }
            history.push((
                decoded,
                event.version,
                event.timestamp,
                event.metadata.actor.clone(),
            ));
            WorkItem::replay(history.iter().cloned()).map_err(|err| invalid(item.line, err))?;
        }
    }
    Ok(())
}

/// Imports in the export's global order; consecutive events of one stream go in one batch,
/// so a batch that was atomic stays atomic.
pub fn import(store: &dyn EventStore, input: impl BufRead) -> Result<ImportReport, AppError> {
    let incoming = parse(input)?;
    let mut report = ImportReport::default();
    let mut to_write: Vec<&Incoming> = Vec::new();
    let mut current: HashMap<&StreamId, u64> = HashMap::new();
    for item in &incoming {
        if !current.contains_key(&item.stream) {
            current.insert(&item.stream, store.current_version(&item.stream)?);
        }
        let present = current[&item.stream];
        if item.event.version <= present {
            let existing = store.read(&item.stream, item.event.version, item.event.version)?;
            match existing.first() {
                Some(found) if found.event_id == item.event.event_id && same_content(found, &item.event) => {
                    report.already_present += 1;
                    continue;
                }
                Some(found) if found.event_id == item.event.event_id => {
                    return Err(AppError::ImportChanged {
                        line: item.line,
                        event_id: found.event_id.to_string(),
                    })
                }
                found => {
                    return Err(AppError::ImportConflict {
                        stream: item.stream.clone(),
                        version: item.event.version,
                        line: item.line,
                        existing: found.map(|e| e.event_id.to_string()).unwrap_or_default(),
                    })
                }
            }
        }
        let expected_next = to_write
            .iter()
            .rev()
            .find(|w| w.stream == item.stream)
            .map_or(present, |w| w.event.version)
            + 1;
        if item.event.version != expected_next {
            let reason = format!(
                "{} version {} cannot follow version {} in this project",
                item.stream,
                item.event.version,
                expected_next - 1
            );
            return Err(invalid(item.line, reason));
        }
        to_write.push(item);
    }
    if !to_write.is_empty() {
        let stored = stored_ids(store)?;
        for item in &to_write {
            if let Some((stream, version)) = stored.get(&item.event.event_id) {
                return Err(AppError::ImportDuplicateId {
                    line: item.line,
                    event_id: item.event.event_id.to_string(),
                    stream: stream.clone(),
                    version: *version,
                });
            }
        }
        check_replay(store, &to_write)?;
    }
    let mut touched: HashSet<&StreamId> = HashSet::new();
    for run in to_write.chunk_by(|a, b| a.stream == b.stream) {
        let stream = &run[0].stream;
        let expected = ExpectedVersion::Exact(run[0].event.version - 1);
        let events = run.iter().map(|item| item.event.to_new()).collect();
        store.append(stream, events, expected)?;
        touched.insert(stream);
        report.imported += run.len() as u64;
    }
    report.streams = touched.len() as u64;
    Ok(report)
}
