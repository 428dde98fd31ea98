//! `jerry doctor --repair --accept-loss`: the explicit step that settles damage a plain
//! repair must not touch, because settling it means giving up events. Events the global
//! index lists that no stream holds any more (a line removed or cut outside jerry, a file
//! deleted) are let go; lines that are no events are moved into `.jerry/quarantine/`; the
//! streams left with gaps in their versions are numbered 1, 2, 3, … again (each event keeps
//! its place among its item's events on other clones: its Lamport time keeps its old
//! version); and every event gets a position again, with the index rebuilt. A note in the
//! quarantine says what was lost, so it can still be brought back from an export.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use serde::Serialize;

use super::rebuild::{layout, reposition};
use super::JsonlStore;
use crate::persist::{persist, Durability};
use crate::store::{EventStore, RecordedEvent, StoreError, StreamId};
use crate::timestamp::Timestamp;

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
        Ok(Loss {
            events: lost,
            lines: bad_lines.len(),
            note: Some(note),
        })
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
