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
use std::io::{BufRead, Read, Seek};

/// No event line is this long; a longer one is refused before it fills memory.
const MAX_LINE: u64 = 16 * 1024 * 1024;
/// A JSON array is parsed whole, so it is refused beyond this size (JSON Lines has no limit).
const MAX_ARRAY: u64 = 1024 * 1024 * 1024;
/// The most events one append of the second pass carries.
const RUN: usize = 4096;

use serde::Serialize;

use ulid::Ulid;

use crate::domain::{WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::{EventStore, ExpectedVersion, RecordedEvent, StoreError, StreamId};

use super::event_log::{stream_of, PAGE};
use super::AppError;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub imported: u64,
    pub already_present: u64,
    pub streams: u64,
    /// Events a damaged stream had lost from the middle of its file, put back in place.
    pub restored: u64,
}

fn invalid(line: u64, reason: impl std::fmt::Display) -> AppError {
    AppError::InvalidImport {
        line,
        reason: reason.to_string(),
    }
}

/// Where the events come from: JSON Lines read from the start again for each pass, or a JSON
/// array (as `--format json` writes), which is parsed whole and so held in memory.
enum Source<R> {
    Lines(R),
    Array(Vec<RecordedEvent>),
}

impl<R: BufRead + Seek> Source<R> {
    /// Looks at the first non-blank byte: `[` starts an array.
    fn open(mut input: R) -> Result<Self, AppError> {
        let first = loop {
            let buffer = input.fill_buf().map_err(|err| invalid(1, err))?;
            match buffer.iter().position(|b| !b.is_ascii_whitespace()) {
                Some(at) => break Some(buffer[at]),
                None if buffer.is_empty() => break None,
                None => {
                    let len = buffer.len();
                    input.consume(len);
                }
            }
        };
        input.rewind().map_err(|err| invalid(1, err))?;
        if first != Some(b'[') {
            return Ok(Source::Lines(input));
        }
        let mut text = Vec::new();
        (&mut input)
            .take(MAX_ARRAY)
            .read_to_end(&mut text)
            .map_err(|err| invalid(1, err))?;
        let array: Vec<RecordedEvent> =
            serde_json::from_slice(&text).map_err(|err| invalid(err.line() as u64, err))?;
        Ok(Source::Array(array))
    }

    /// Calls `each` with every event and its line (its place in an array), in file order.
    fn scan(
        &mut self,
        mut each: impl FnMut(u64, RecordedEvent) -> Result<(), AppError>,
    ) -> Result<(), AppError> {
        let input = match self {
            Source::Array(events) => {
                for (event, number) in events.iter().zip(1..) {
                    each(number, event.clone())?;
                }
                return Ok(());
            }
            Source::Lines(input) => input,
        };
        input.rewind().map_err(|err| invalid(1, err))?;
        let mut buffer = Vec::new();
        let mut number = 0u64;
        loop {
            number += 1;
            buffer.clear();
            let read = (&mut *input)
                .take(MAX_LINE + 1)
                .read_until(b'\n', &mut buffer)
                .map_err(|err| invalid(number, err))?;
            if read == 0 {
                return Ok(());
            }
            if buffer.len() as u64 > MAX_LINE {
                return Err(invalid(number, "the line is longer than 16 MiB"));
            }
            let line = std::str::from_utf8(&buffer).map_err(|err| invalid(number, err))?;
            if line.trim().is_empty() {
                continue;
            }
            let event: RecordedEvent = serde_json::from_str(line).map_err(|err| invalid(number, err))?;
            each(number, event)?;
        }
    }
}

/// The low 64 bits of an event id: random in a ULID, so a good hash. Pass one keeps only
/// these, eight bytes per event, and the rare equal pair is checked exactly afterwards.
fn short(id: Ulid) -> u64 {
    u128::from(id) as u64
}

/// What the first pass learned about one stream.
#[derive(Debug, Clone, Copy)]
struct StreamState {
    /// The stream's version here before the import.
    present: u64,
    /// The last version the file gave it so far (0: none yet).
    last_seen: u64,
    /// Whether the stream's events held here were checked to decode.
    history_checked: bool,
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
    if id.canonical().to_string() != event.aggregate_id {
        return Err(invalid(
            line,
            format!(
                "aggregate_id '{}' should be written {}",
                event.aggregate_id,
                id.canonical()
            ),
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

/// Pass one over the file: every check that needs one event at a time, and the ids.
#[derive(Default)]
struct Checked {
    streams: HashMap<WorkItemId, StreamState>,
    /// The short id of every event of the file, tagged (lowest bit) with whether it is new.
    ids: Vec<u64>,
    already_present: u64,
    new_events: u64,
    /// Events held here, read ahead for the already-present checks.
    page: Vec<RecordedEvent>,
}

impl Checked {
    fn event(&mut self, store: &dyn EventStore, line: u64, event: &RecordedEvent) -> Result<(), AppError> {
        check_identity(line, event)?;
        let id: WorkItemId = event
            .aggregate_id
            .parse()
            .map_err(|_| invalid(line, "not an item id"))?;
        let stream = StreamId::new(stream_of(event)).map_err(|err| invalid(line, err))?;
        if event.version == 0 {
            return Err(invalid(line, "versions start at 1"));
        }
        let state = match self.streams.get(&id) {
            Some(state) => *state,
            None => StreamState {
                present: store.current_version(&stream)?,
                last_seen: 0,
                history_checked: false,
            },
        };
        let previous = state.last_seen;
        if previous != 0 && event.version != previous + 1 {
            if self
                .ids
                .iter()
                .any(|tagged| tagged >> 1 == short(event.event_id) >> 1)
            {
                return Err(invalid(
                    line,
                    format!("event id {} appears twice", event.event_id),
                ));
            }
            let reason = format!("{stream} version {} follows version {previous}", event.version);
            return Err(invalid(line, reason));
        }
        let mut state = StreamState {
            last_seen: event.version,
            ..state
        };
        let new = event.version > state.present;
        if new {
            let expected_next = state.present.max(previous) + 1;
            if event.version != expected_next {
                let reason = format!(
                    "{stream} version {} cannot follow version {} in this project",
                    event.version,
                    expected_next - 1
                );
                return Err(invalid(line, reason));
            }
            Self::check_decodes(store, &stream, &mut state, line, event)?;
            self.new_events += 1;
        } else {
            match self.held(store, &stream, event.version)? {
                Some(found) if found.event_id == event.event_id && same_content(found, event) => {
                    self.already_present += 1;
                }
                Some(found) if found.event_id == event.event_id => {
                    return Err(AppError::ImportChanged {
                        line,
                        event_id: found.event_id.to_string(),
                    })
                }
                found => {
                    return Err(AppError::ImportConflict {
                        stream,
                        version: event.version,
                        line,
                        existing: found.map(|e| e.event_id.to_string()).unwrap_or_default(),
                    })
                }
            }
        }
        self.streams.insert(id, state);
        self.ids.push(short(event.event_id) & !1 | u64::from(new));
        Ok(())
    }

    /// The event held here at `version` of `stream`, read a page at a time: an export
    /// gives a stream's events in order, so the next check finds its event already read.
    fn held(
        &mut self,
        store: &dyn EventStore,
        stream: &StreamId,
        version: u64,
    ) -> Result<Option<&RecordedEvent>, AppError> {
        let cached = self.page.first().is_some_and(|first| {
            stream_of(first) == stream.as_str()
                && (first.version..first.version + self.page.len() as u64).contains(&version)
        });
        if !cached {
            self.page = store.read(stream, version, version + PAGE as u64 - 1)?;
        }
        let first = self.page.first().map_or(0, |e| e.version);
        Ok(self
            .page
            .get(usize::try_from(version.saturating_sub(first)).unwrap_or(usize::MAX)))
    }

    /// A new event decodes, a stream's first event is its creation, and the events held
    /// here of a stream the import extends decode too: the aggregate folds any sequence of
    /// decoded events that starts with a creation, so the reads can load every such stream.
    fn check_decodes(
        store: &dyn EventStore,
        stream: &StreamId,
        state: &mut StreamState,
        line: u64,
        event: &RecordedEvent,
    ) -> Result<(), AppError> {
        if state.present > 0 && !state.history_checked {
            for held in store.read_all(stream)? {
                WorkItemEvent::decode(&held.event_type, held.schema_version, &held.payload).map_err(
                    |err| {
                        invalid(
                            line,
                            format!("{stream} already holds an event jerry cannot read: {err}"),
                        )
                    },
                )?;
            }
            state.history_checked = true;
        }
        let decoded = WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload)
            .map_err(|err| invalid(line, err))?;
        if let Some(decoded) = &decoded {
            decoded.check_limits().map_err(|err| invalid(line, err))?;
        }
        if event.version == 1 && !matches!(decoded, Some(WorkItemEvent::Created(_))) {
            return Err(invalid(
                line,
                format!(
                    "{stream} would start with {}, not WorkItemCreated",
                    event.event_type
                ),
            ));
        }
        Ok(())
    }
}

/// Short ids that occur more than once among `ids` (sorted here), whatever their tag.
fn repeated(ids: &mut [u64]) -> HashSet<u64> {
    ids.sort_unstable();
    ids.windows(2)
        .filter(|pair| pair[0] >> 1 == pair[1] >> 1)
        .map(|pair| pair[0] >> 1)
        .collect()
}

/// Stored events whose short id is that of a new event: `(id, stream, version)`, to be
/// matched exactly against the file. Reads the whole log, keeping only those.
fn stored_clashes(store: &dyn EventStore, ids: &[u64]) -> Result<HashMap<Ulid, (StreamId, u64)>, AppError> {
    let mut clashes = HashMap::new();
    let mut after = 0;
    loop {
        let page = store.read_global(after, PAGE)?;
        let Some(last) = page.last().map(|e| e.position) else {
            return Ok(clashes);
        };
        for event in page {
            if ids.binary_search(&(short(event.event_id) | 1)).is_ok() {
                if let Ok(stream) = StreamId::new(stream_of(&event)) {
                    clashes.insert(event.event_id, (stream, event.version));
                }
            }
        }
        after = last;
    }
}

/// Imports in the export's global order; consecutive events of one stream go in one batch,
/// so a batch that was atomic stays atomic.
///
/// Two passes over the input, so memory stays flat however long it is: the first checks
/// everything (each event against its stream and the store, and every event id, kept as
/// eight bytes), the second writes. A duplicate or already-stored id found only after the
/// first pass is pinned to its line by one more read. Nothing is written unless every check
/// passed.
pub fn import(store: &dyn EventStore, mut input: impl BufRead + Seek) -> Result<ImportReport, AppError> {
    match import_checked(store, &mut input) {
        // A stream damaged outside jerry, lost events in the middle of its file: the
        // export's copies go back in place, and the import is checked again from the top.
        Err(err @ AppError::Store(StoreError::Corrupt { .. })) => {
            let restored = restore_lost(store, &mut input)?;
            if restored == 0 {
                return Err(err);
            }
            let mut report = import_checked(store, &mut input)?;
            report.restored = restored;
            Ok(report)
        }
        done => done,
    }
}

/// The events of `input` that belong to damaged streams, offered back to the store.
fn restore_lost(store: &dyn EventStore, input: impl BufRead + Seek) -> Result<u64, AppError> {
    let damaged: HashSet<String> = store
        .damaged_streams()?
        .into_iter()
        .map(|stream| stream.as_str().to_owned())
        .collect();
    if damaged.is_empty() {
        return Ok(0);
    }
    let mut source = Source::open(input)?;
    let mut lost = Vec::new();
    source.scan(|_, event| {
        if damaged.contains(&stream_of(&event)) {
            lost.push(event);
        }
        Ok(())
    })?;
    Ok(store.restore_lost(lost)?)
}

fn import_checked(store: &dyn EventStore, input: impl BufRead + Seek) -> Result<ImportReport, AppError> {
    let mut source = Source::open(input)?;
    let mut checked = Checked::default();
    source.scan(|line, event| checked.event(store, line, &event))?;
    let Checked {
        streams,
        mut ids,
        already_present,
        new_events,
        ..
    } = checked;
    let mut report = ImportReport {
        already_present,
        ..ImportReport::default()
    };
    let twice = repeated(&mut ids);
    let stored = if new_events > 0 {
        stored_clashes(store, &ids)?
    } else {
        HashMap::new()
    };
    drop(ids);
    if !twice.is_empty() || !stored.is_empty() {
        let mut seen = HashSet::new();
        source.scan(|line, event| {
            let id: WorkItemId = event
                .aggregate_id
                .parse()
                .map_err(|_| invalid(line, "not an item id"))?;
            let new = streams
                .get(&id)
                .is_some_and(|state| event.version > state.present);
            if twice.contains(&(short(event.event_id) >> 1)) && !seen.insert(event.event_id) {
                return Err(invalid(
                    line,
                    format!("event id {} appears twice", event.event_id),
                ));
            }
            match stored.get(&event.event_id) {
                Some((stream, version)) if new => Err(AppError::ImportDuplicateId {
                    line,
                    event_id: event.event_id.to_string(),
                    stream: stream.clone(),
                    version: *version,
                }),
                _ => Ok(()),
            }
        })?;
    }
    if new_events == 0 {
        return Ok(report);
    }
    let mut touched: HashSet<WorkItemId> = HashSet::new();
    let mut run: Vec<RecordedEvent> = Vec::new();
    let flush = |run: &mut Vec<RecordedEvent>, report: &mut ImportReport| -> Result<(), AppError> {
        let Some(first) = run.first() else {
            return Ok(());
        };
        let stream = StreamId::new(stream_of(first)).map_err(|err| invalid(0, err))?;
        let expected = ExpectedVersion::Exact(first.version - 1);
        let events = run.iter().map(RecordedEvent::to_new).collect();
        store.append(&stream, events, expected)?;
        report.imported += run.len() as u64;
        run.clear();
        Ok(())
    };
    source.scan(|line, event| {
        let id: WorkItemId = event
            .aggregate_id
            .parse()
            .map_err(|_| invalid(line, "not an item id"))?;
        if streams
            .get(&id)
            .is_none_or(|state| event.version <= state.present)
        {
            return Ok(());
        }
        if run
            .last()
            .is_some_and(|last| last.aggregate_id != event.aggregate_id)
            || run.len() >= RUN
        {
            flush(&mut run, &mut report)?;
        }
        touched.insert(id);
        run.push(event);
        Ok(())
    })?;
    flush(&mut run, &mut report)?;
    report.streams = touched.len() as u64;
    Ok(report)
}
