//! `jerry doctor --repair --accept-loss`: the explicit step that settles damage a plain
//! repair must not touch, because settling it means giving up events. Events the global
//! index lists that no stream holds any more (a line removed or cut outside jerry, a file
//! deleted) are let go; lines that are no events are moved into `.jerry/quarantine/`; the
//! streams left with gaps in their versions are numbered 1, 2, 3, … again (each event keeps
//! its place among its item's events on other clones: its Lamport time keeps its old
//! version); and every event gets a position again, with the index rebuilt. A note in the
//! quarantine says what was lost, so it can still be brought back from an export.
//!
//! The way back is here too: `events import` of an export taken before the damage puts the
//! events a stream lost from the middle of its file back in place (an append can only
//! bring back what was lost from the end).

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use serde::Serialize;

use super::rebuild::{layout, reposition};
use super::JsonlStore;
use crate::persist::{persist, Durability};
use crate::store::{EventStore, RecordedEvent, StoreError, StreamId};
use crate::timestamp::Timestamp;

/// A line that is no event: its number and where its bytes are in the file.
type StrayLine = (u64, std::ops::Range<usize>);

/// What an accepted loss gave up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Loss {
    /// Each event given up, as `WORK-001 version 3, position 4, CommentAdded`.
    pub events: Vec<String>,
    /// How many lines that were no events went into quarantine.
    pub lines: usize,
    /// The note saying all of it, in `.jerry/quarantine/`.
    pub note: Option<PathBuf>,
}

#[derive(Serialize)]
struct LossNote<'a> {
    reason: &'static str,
    accepted_at: String,
    /// The events the index listed that no stream held.
    lost_events: &'a [String],
    /// Lines that were no events: their file, line number and text.
    lines: Vec<(String, usize, String)>,
    bring_back: &'static str,
}

impl JsonlStore {
    /// See the module doc. Returns what was given up; nothing when nothing was lost.
    pub fn accept_loss(&self) -> Result<Loss, StoreError> {
        let _guard = self.lock_for_write()?;
        if !self.archived_streams()?.is_empty() {
            // Positions would move under archived streams, whose segments are never
            // rewritten: not done yet, and said so rather than half done.
            return Err(StoreError::Corrupt {
                path: self.data_dir().to_path_buf(),
                line: None,
                reason: "--accept-loss does not work yet on a project with archived items; bring the lost events back with `jerry events import` of an export".into(),
            });
        }
        let listed = self.index.read_after(0, usize::MAX).unwrap_or_default();
        let mut streams: BTreeMap<StreamId, Vec<RecordedEvent>> = BTreeMap::new();
        let mut bad_lines = Vec::new();
        for stream in self.list_all_stream_files()? {
            let path = self.stream_path(&stream);
            let bytes = fs_err::read(&path).map_err(|err| StoreError::io("cannot read", &path, err))?;
            let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let mut events = Vec::new();
            for (index, line) in bytes[..complete].split_inclusive(|&b| b == b'\n').enumerate() {
                let content = &line[..line.len() - 1];
                match serde_json::from_slice::<RecordedEvent>(content) {
                    Ok(event) => events.push(event),
                    Err(_) if content.iter().all(u8::is_ascii_whitespace) => {}
                    Err(_) => bad_lines.push((
                        path.display().to_string(),
                        index + 1,
                        String::from_utf8_lossy(content).into_owned(),
                    )),
                }
            }
            streams.insert(stream, events);
        }
        let held: HashSet<(&StreamId, u64)> = streams
            .iter()
            .flat_map(|(stream, events)| events.iter().map(move |e| (stream, e.version)))
            .collect();
        let lost: Vec<String> = listed
            .iter()
            .filter(|entry| !held.contains(&(&entry.stream, entry.version)))
            .map(|entry| {
                format!(
                    "{} version {}, position {}, {}",
                    super::display_of(&entry.stream),
                    entry.version,
                    entry.position,
                    entry.event_type
                )
            })
            .collect();
        let before = layout(&streams);
        for events in streams.values_mut() {
            renumber_versions(events);
        }
        let gaps = streams.iter().any(|(stream, events)| {
            before.get(stream).is_some_and(|old| {
                !old.iter()
                    .map(|(version, _)| *version)
                    .eq(events.iter().map(|e| e.version))
            })
        });
        let positions_gap = {
            let mut positions: Vec<u64> = streams.values().flatten().map(|e| e.position).collect();
            positions.sort_unstable();
            !positions.iter().copied().eq(1..=positions.len() as u64)
        };
        if lost.is_empty() && bad_lines.is_empty() && !gaps && !positions_gap {
            return Ok(Loss::default());
        }
        let note = self.write_loss_note(&lost, bad_lines.clone())?;
        reposition(self, &mut streams, &before)?;
        self.retire_segments()?;
        Ok(Loss {
            events: lost,
            lines: bad_lines.len(),
            note: Some(note),
        })
    }

    /// See [`EventStore::restore_lost`]. Under the write lock: each damaged stream takes
    /// back the events of `events` at versions it lacks (never one whose id it holds), in
    /// version order with their old positions, and the files and index are rewritten as a
    /// merge rewrites them. Not on a project with archived items, whose positions may not
    /// move (0: the import then fails as before and says why).
    pub(super) fn restore_from(&self, events: Vec<RecordedEvent>) -> Result<u64, StoreError> {
        let _guard = self.lock_for_write()?;
        if events.is_empty() || !self.archived_streams()?.is_empty() {
            return Ok(0);
        }
        let mut streams: BTreeMap<StreamId, Vec<RecordedEvent>> = BTreeMap::new();
        // Per stream, its bytes and its lines that are no events (a line cut short).
        let mut strays: BTreeMap<StreamId, (Vec<u8>, Vec<StrayLine>)> = BTreeMap::new();
        for stream in self.list_all_stream_files()? {
            let path = self.stream_path(&stream);
            let bytes = fs_err::read(&path).map_err(|err| StoreError::io("cannot read", &path, err))?;
            let complete = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let mut held = Vec::new();
            let mut stray = Vec::new();
            let mut at = 0;
            for (number, line) in (1u64..).zip(bytes[..complete].split_inclusive(|&b| b == b'\n')) {
                let content = &line[..line.len() - 1];
                match serde_json::from_slice::<RecordedEvent>(content) {
                    Ok(event) => held.push(event),
                    Err(_) if content.iter().all(u8::is_ascii_whitespace) => {}
                    Err(_) => stray.push((number, at..at + line.len())),
                }
                at += line.len();
            }
            if !stray.is_empty() {
                strays.insert(stream.clone(), (bytes, stray));
            }
            streams.insert(stream, held);
        }
        let before = layout(&streams);
        let mut restored: BTreeMap<StreamId, u64> = BTreeMap::new();
        for event in events {
            let Ok(stream) = StreamId::new(format!("{}-{}", event.aggregate_type, event.aggregate_id)) else {
                continue;
            };
            let Some(held) = streams.get_mut(&stream) else {
                continue;
            };
            let Some(last) = held.last().map(|e| e.version) else {
                continue;
            };
            let taken = held
                .iter()
                .any(|e| e.version == event.version || e.event_id == event.event_id);
            // Only a hole: what is past the end comes back by an ordinary append.
            if taken || event.version > last {
                continue;
            }
            let at = held.partition_point(|e| e.version < event.version);
            held.insert(at, event);
            *restored.entry(stream).or_default() += 1;
        }
        // A line that is no event gives way to the events restored around it only when
        // they fill every hole (it was one of them, cut or mangled): it goes to quarantine.
        // Otherwise that stream is left as it was, for a person.
        for (stream, (bytes, stray)) in &strays {
            let Some(held) = streams.get_mut(stream) else {
                continue;
            };
            if !restored.contains_key(stream) {
                continue;
            }
            if held.iter().map(|e| e.version).eq(1..=held.len() as u64) {
                let path = self.stream_path(stream);
                let complete = stray
                    .last()
                    .map_or(0, |(_, range)| range.end)
                    .max(bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1));
                self.quarantine_lines(
                    &path,
                    bytes,
                    stray,
                    complete,
                    "replaced by `events import` of the events it had held",
                )?;
            } else {
                held.retain(|e| {
                    before
                        .get(stream)
                        .is_some_and(|old| old.contains(&(e.version, e.position)))
                });
                restored.remove(stream);
            }
        }
        let count = restored.values().sum();
        if count > 0 {
            reposition(self, &mut streams, &before)?;
        }
        Ok(count)
    }

    fn write_loss_note(
        &self,
        lost: &[String],
        lines: Vec<(String, usize, String)>,
    ) -> Result<PathBuf, StoreError> {
        let dir = self.quarantine_dir()?;
        let io = |err| StoreError::io("cannot write a note into", &dir, err);
        let now = Timestamp::now();
        let path = dir.join(format!("accepted-loss-{}.note.json", now.unix_micros()));
        let note = LossNote {
            reason: "accept_loss",
            accepted_at: now.to_string(),
            lost_events: lost,
            lines,
            bring_back: "events still held elsewhere (an export, another clone, git history) come back with `jerry events import FILE` or `jerry sync`",
        };
        let bytes = serde_json::to_vec_pretty(&note).map_err(|err| super::line::corrupt(&path, None, err))?;
        persist(&path, &bytes, Durability::Durable).map_err(io)?;
        Ok(path)
    }
}

/// Numbers a stream's events 1, 2, 3, … in their order in the file; an event whose version
/// changes keeps its old one as its Lamport time, so every clone still orders it the same.
fn renumber_versions(events: &mut [RecordedEvent]) {
    for (event, version) in events.iter_mut().zip(1u64..) {
        if event.version != version {
            event.metadata.lamport = Some(event.metadata.lamport.unwrap_or(event.version));
            event.version = version;
        }
    }
}
