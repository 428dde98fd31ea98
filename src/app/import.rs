//! Restoring an export into a project. Every line is checked, and every conflict found,
//! before anything is written; events already present (same stream, version and event id)
//! are skipped, so importing the same file twice is a no-op.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Read};

/// No event line is this long; a longer one is refused before it fills memory.
const MAX_LINE: u64 = 16 * 1024 * 1024;

use serde::Serialize;

use crate::store::{EventStore, ExpectedVersion, NewEvent, RecordedEvent, StreamId};

use super::event_log::stream_of;
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
                Some(found) if found.event_id == item.event.event_id => {
                    report.already_present += 1;
                    continue;
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
    let mut touched: HashSet<&StreamId> = HashSet::new();
    for run in to_write.chunk_by(|a, b| a.stream == b.stream) {
        let stream = &run[0].stream;
        let expected = ExpectedVersion::Exact(run[0].event.version - 1);
        let events = run.iter().map(|item| to_new_event(&item.event)).collect();
        store.append(stream, events, expected)?;
        touched.insert(stream);
        report.imported += run.len() as u64;
    }
    report.streams = touched.len() as u64;
    Ok(report)
}

fn to_new_event(event: &RecordedEvent) -> NewEvent {
    NewEvent {
        event_id: event.event_id,
        aggregate_type: event.aggregate_type.clone(),
        aggregate_id: event.aggregate_id.clone(),
        event_type: event.event_type.clone(),
        schema_version: event.schema_version,
        timestamp: event.timestamp,
        payload: event.payload.clone(),
        metadata: event.metadata.clone(),
    }
}
