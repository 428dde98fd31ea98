//! Checking a project's files, and repairing what is safe to repair.
//!
//! Safe means: nothing that is a complete event is ever removed. A torn last line, the
//! lines of an unfinished batch and trailing lines that are not events are moved into
//! `.jerry/quarantine/` with a note of where they came from; the global index is rebuilt from
//! the streams. Damage inside the committed part of a stream is reported, never "fixed".

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde::Serialize;

use super::index::IndexEntry;
use super::rebuild::rebuild_index;
use super::JsonlStore;
use crate::store::EventStore;
use crate::store::{Checkup, EventLine, Finding, StoreError, StreamId};
use crate::timestamp::Timestamp;

/// What a repair did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Repair {
    pub quarantined: Vec<PathBuf>,
    pub index_rebuilt: bool,
    /// Set by the application when it rebuilt a read model that disagreed with the log.
    pub read_model_rebuilt: bool,
    /// The archive catalog was rebuilt from the segments (it was gone or damaged).
    pub archive_catalog_rebuilt: bool,
    /// What `--accept-loss` gave up, when it was asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted_loss: Option<super::Loss>,
}

/// What the checks need of an event line: its place and its index entry's fields (the
/// payload is checked as JSON and left unbuilt).
struct ScannedEvent {
    event_id: ulid::Ulid,
    version: u64,
    position: u64,
    event_type: String,
    timestamp: Timestamp,
}

/// One stream file's committed events and what lies after them.
struct StreamScan {
    events: Vec<(ScannedEvent, u64, u64)>,
    /// Where the clean, committed prefix ends.
    good_len: usize,
    /// Why the rest (if any) is not part of the stream.
    trailing: Option<(&'static str, String, u64)>,
    /// Lines between complete events that are not events (a stray write, git conflict
    /// markers), as byte ranges with their line numbers, when taking them out leaves the
    /// versions contiguous: safe to move into quarantine.
    stray: Vec<(u64, std::ops::Range<usize>)>,
}

fn scan_stream(store: &JsonlStore, path: &Path, bytes: &[u8], findings: &mut Vec<Finding>) -> StreamScan {
    let newline_end = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut events = Vec::new();
    let mut bad: Vec<(u64, std::ops::Range<usize>, String)> = Vec::new();
    let mut last_event_end = 0usize;
    let mut offset = 0usize;
    for (index, line) in bytes[..newline_end].split_inclusive(|&b| b == b'\n').enumerate() {
        let number = index as u64 + 1;
        let content = &line[..line.len() - 1];
        match EventLine::parse_bytes(content) {
            Ok(decoded) => {
                let event = ScannedEvent {
                    event_id: decoded.event_id,
                    version: decoded.version,
                    position: decoded.position,
                    event_type: decoded.event_type.into_owned(),
                    timestamp: decoded.timestamp,
                };
                events.push((event, offset as u64, content.len() as u64));
                last_event_end = offset + line.len();
            }
            Err(err) => bad.push((number, offset..offset + line.len(), err.to_string())),
        }
        offset += line.len();
    }
    // Lines that are not events, before the last event: inside the stream.
    let (inside, after): (Vec<_>, Vec<_>) = bad
        .into_iter()
        .partition(|(_, range, _)| range.end <= last_event_end);
    let contiguous = events
        .iter()
        .zip(1u64..)
        .all(|((event, _, _), version)| event.version == version);
    let mut stray = Vec::new();
    if inside.is_empty() {
        if let Some(version) = (1u64..)
            .zip(&events)
            .find_map(|(version, (event, _, _))| (event.version != version).then_some(version))
        {
            let found = events[usize::try_from(version - 1).unwrap_or(0)].0.version;
            findings.push(finding(
                "version_gap",
                path,
                Some(version),
                format!("version {found} where {version} was expected"),
                false,
            ));
        }
    } else if contiguous {
        for (line, range, reason) in inside {
            let detail = format!(
                "a line between events that is not one ({reason}); the versions around it are contiguous"
            );
            findings.push(finding("stray_line", path, Some(line), detail, true));
            stray.push((line, range));
        }
    } else {
        let (line, _, reason) = &inside[0];
        let detail =
            format!("{reason}; taking it out would leave a gap in the versions, so it needs a person");
        findings.push(finding("unparsable_line", path, Some(*line), detail, false));
    }
    if let Some((line, range, reason)) = after.first() {
        let detail = format!("from line {line} on, the file holds no complete event ({reason})");
        return StreamScan {
            events,
            good_len: range.start,
            trailing: Some(("trailing_garbage", detail, *line)),
            stray,
        };
    }
    if !stray.is_empty() {
        // The tail is judged once the stray lines are gone.
        return StreamScan {
            events,
            good_len: newline_end,
            trailing: None,
            stray,
        };
    }
    let committed = store
        .committed_tail(path, &bytes[..newline_end])
        .ok()
        .flatten()
        .map_or(newline_end, |tail| tail.committed_len);
    if committed < newline_end {
        let dropped = events
            .iter()
            .filter(|(_, start, _)| *start as usize >= committed)
            .count();
        events.truncate(events.len() - dropped);
        let line = events.len() as u64 + 1;
        let detail = format!(
            "{dropped} line(s) of a write that never completed (a batch whose last line, or a \
             write to several items whose last stream, never reached the disk)"
        );
        return StreamScan {
            events,
            good_len: committed,
            trailing: Some(("unfinished_batch", detail, line)),
            stray: Vec::new(),
        };
    }
    if newline_end < bytes.len() {
        let detail = format!(
            "{} bytes of a write that never finished",
            bytes.len() - newline_end
        );
        let line = events.len() as u64 + 1;
        return StreamScan {
            events,
            good_len: newline_end,
            trailing: Some(("torn_tail", detail, line)),
            stray: Vec::new(),
        };
    }
    StreamScan {
        events,
        good_len: newline_end,
        trailing: None,
        stray: Vec::new(),
    }
}

/// The index entries a stream's events call for; an event id seen in another stream is a
/// finding.
fn expect_entries(
    stream: &StreamId,
    path: &Path,
    events: Vec<(ScannedEvent, u64, u64)>,
    ids: &mut HashMap<ulid::Ulid, Rc<Path>>,
    expected_index: &mut Vec<IndexEntry>,
    findings: &mut Vec<Finding>,
) {
    let shared: Rc<Path> = Rc::from(path);
    for (event, offset, length) in events {
        if let Some(other) = ids.insert(event.event_id, Rc::clone(&shared)) {
            let detail = format!("event id {} also appears in {}", event.event_id, other.display());
            findings.push(finding(
                "duplicate_event_id",
                path,
                Some(event.version),
                detail,
                false,
            ));
        }
        expected_index.push(IndexEntry {
            position: event.position,
            stream: stream.clone(),
            version: event.version,
            offset,
            length,
            event_type: event.event_type.into(),
            timestamp: event.timestamp,
        });
    }
}

/// What the positions of every event say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Positions {
    Ok,
    /// Gaps where nothing is lost: repairable.
    Gaps,
    /// A position claimed twice, or a gap where an event is gone.
    Broken,
}

pub(super) fn finding(
    kind: &'static str,
    path: &Path,
    line: Option<u64>,
    detail: String,
    repairable: bool,
) -> Finding {
    Finding {
        kind,
        path: path.to_path_buf(),
        line,
        detail,
        repairable,
    }
}

impl JsonlStore {
    /// `.jerry/quarantine/`, made if need be: where repairs put what they take out, with notes.
    pub(super) fn quarantine_dir(&self) -> Result<PathBuf, StoreError> {
        let dir = self
            .data_dir()
            .parent()
            .unwrap_or(self.data_dir())
            .join("quarantine");
        fs_err::create_dir_all(&dir).map_err(|err| StoreError::io("cannot make", &dir, err))?;
        Ok(dir)
    }

    /// Moves stray lines and anything after `keep_until` into quarantine with a note of where
    /// they were (the lines, or the offset and length of a tail) and why, and replaces the
    /// stream with the rest, atomically.
    pub(super) fn quarantine_lines(
        &self,
        path: &Path,
        bytes: &[u8],
        stray: &[(u64, std::ops::Range<usize>)],
        keep_until: usize,
        reason: &str,
    ) -> Result<PathBuf, StoreError> {
        let dir = self.quarantine_dir()?;
        let io = |err| StoreError::io("cannot quarantine into", &dir, err);
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("stream");
        let target = dir.join(format!("{name}-{}.bytes", Timestamp::now().unix_micros()));
        let mut moved = Vec::new();
        let mut kept = Vec::with_capacity(bytes.len());
        let mut at = 0;
        for (_, range) in stray {
            kept.extend_from_slice(&bytes[at..range.start]);
            moved.extend_from_slice(&bytes[range.clone()]);
            at = range.end;
        }
        kept.extend_from_slice(&bytes[at..keep_until.max(at)]);
        moved.extend_from_slice(&bytes[keep_until.max(at)..]);
        let lines: Vec<String> = stray.iter().map(|(line, _)| line.to_string()).collect();
        let mut note = BTreeMap::from([
            ("source", path.display().to_string()),
            ("reason", reason.to_owned()),
            ("moved_at", Timestamp::now().to_string()),
        ]);
        if lines.is_empty() {
            note.insert("offset", keep_until.to_string());
            note.insert("length", bytes.len().saturating_sub(keep_until).to_string());
        } else {
            note.insert("lines", lines.join(", "));
        }
        let note_json =
            serde_json::to_vec_pretty(&note).map_err(|err| super::line::corrupt(path, None, err))?;
        for (file, content) in [
            (target.clone(), &moved[..]),
            (target.with_extension("note.json"), &note_json[..]),
        ] {
            crate::persist::persist(&file, content, crate::persist::Durability::Durable).map_err(io)?;
        }
        crate::persist::persist(path, &kept, crate::persist::Durability::Durable)
            .map_err(|err| StoreError::io("cannot repair", path, err))?;
        Ok(target)
    }

    /// Checks every stream and the global index. With `repair`, takes the write lock and
    /// fixes what is safe (see the module docs); the findings are those seen before fixing.
    pub fn doctor(&self, repair: bool) -> Result<(Checkup, Repair), StoreError> {
        let _guard = if repair { Some(self.lock.acquire()?) } else { None };
        let mut findings = Vec::new();
        let mut streams = 0;
        let mut done = Repair::default();
        let mut expected_index = Vec::new();
        // Each event id to the file it was seen in (shared: one path per file, not per event).
        let mut ids: HashMap<ulid::Ulid, Rc<Path>> = HashMap::new();
        let mut stray_removed = false;
        let files = self.list_all_stream_files()?;
        for stream in &files {
            let path = self.stream_path(stream);
            let bytes = fs_err::read(&path).map_err(|err| StoreError::io("cannot read", &path, err))?;
            let scan = scan_stream(self, &path, &bytes, &mut findings);
            streams += 1;
            let strays_here = repair && !scan.stray.is_empty();
            if strays_here {
                // Any damaged tail goes into quarantine with them.
                done.quarantined.push(self.quarantine_lines(
                    &path,
                    &bytes,
                    &scan.stray,
                    scan.good_len,
                    "stray_line",
                )?);
                stray_removed = true;
            }
            if let Some((kind, detail, line)) = &scan.trailing {
                findings.push(finding(kind, &path, Some(*line), detail.clone(), true));
                if repair && !strays_here {
                    done.quarantined
                        .push(self.quarantine(&path, &bytes, scan.good_len, kind)?);
                }
            }
            expect_entries(
                stream,
                &path,
                scan.events,
                &mut ids,
                &mut expected_index,
                &mut findings,
            );
        }
        let files: HashSet<StreamId> = files.into_iter().collect();
        let live: HashSet<ulid::Ulid> = ids.keys().copied().collect();
        let from_segments = self.check_catalog(repair, &files, &live, &mut findings)?;
        done.archive_catalog_rebuilt = repair && from_segments.is_some();
        // Archived streams: read from their segment (never repaired there: they hold only
        // the committed lines they had when they left). Where the catalog is not to be
        // trusted, where the segments say they are.
        let archived: Vec<(StreamId, Option<super::archive::Located>)> = match from_segments {
            Some(rows) => rows.into_iter().map(|(s, at)| (s, Some(at))).collect(),
            None => self.archived_streams()?.into_iter().map(|s| (s, None)).collect(),
        };
        for (stream, located) in archived {
            let path = self.stream_path(&stream);
            if path.exists() {
                continue;
            }
            let bytes = match located {
                Some(at) => self.archive.bytes(&at).map(|bytes| bytes.to_vec()),
                None => self.stream_bytes(&stream),
            };
            let bytes = match bytes {
                Ok(bytes) => bytes,
                Err(err) => {
                    findings.push(finding("archive_unreadable", &path, None, err.to_string(), false));
                    continue;
                }
            };
            let scan = scan_stream(self, &path, &bytes, &mut findings);
            streams += 1;
            if let Some((kind, detail, line)) = &scan.trailing {
                findings.push(finding(kind, &path, Some(*line), detail.clone(), false));
            }
            expect_entries(
                &stream,
                &path,
                scan.events,
                &mut ids,
                &mut expected_index,
                &mut findings,
            );
        }
        self.unmerged(&mut findings);
        expected_index.sort_by_key(|entry| entry.position);
        let gone = self.missing_events(&expected_index, &mut findings);
        let positions = self.check_positions(&expected_index, &mut findings, &gone);
        let positions_ok = positions == Positions::Ok;
        let index_ok = gone.is_empty()
            && self.check_index(&expected_index, &mut findings, positions != Positions::Broken);
        if repair && positions == Positions::Gaps && gone.is_empty() {
            done.index_rebuilt = self.renumber_positions()?;
        } else if repair && (!index_ok || stray_removed) && positions_ok {
            // Taking stray lines out moved the events after them: the index must follow.
            rebuild_index(self)?;
            done.index_rebuilt = true;
        }
        let checkup = Checkup {
            streams,
            events: expected_index.len() as u64,
            findings,
        };
        Ok((checkup, done))
    }

    /// Stream files by their decoded names, including empty ones.
    pub(super) fn list_all_stream_files(&self) -> Result<Vec<StreamId>, StoreError> {
        let entries = match fs_err::read_dir(self.events_dir()) {
            Ok(entries) => entries,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(StoreError::io("cannot list", self.events_dir(), err)),
        };
        let mut streams: Vec<StreamId> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name();
                let stem = name.to_str()?.strip_suffix(".jsonl")?.to_owned();
                StreamId::from_file_stem(&stem)
            })
            .collect();
        streams.sort();
        Ok(streams)
    }

    /// The other side of each file a git merge could not join (see the merge driver): a
    /// finding until someone merges it by hand and removes the copy.
    fn unmerged(&self, findings: &mut Vec<Finding>) {
        let dir = self.data_dir().join(super::merge::UNMERGED);
        let Ok(entries) = fs_err::read_dir(&dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let copy = entry.path();
            let lines = fs_err::read(&copy).map_or(0, |bytes| bytes.iter().filter(|&&b| b == b'\n').count());
            let stream = self.events_dir().join(entry.file_name());
            let detail = format!(
                "a git merge could not join the other side's version of this file; its {lines} line(s) are kept in {}: merge them by hand (or `jerry events import` what is missing), then delete that copy",
                copy.display()
            );
            findings.push(finding("unmerged", &stream, None, detail, false));
        }
    }

    /// Events the index lists that their stream no longer holds (a line removed or cut, a
    /// file deleted, outside jerry): one finding per stream, on that stream's file, saying
    /// what is gone and how to bring it back. Returns their positions.
    fn missing_events(&self, expected: &[IndexEntry], findings: &mut Vec<Finding>) -> HashSet<u64> {
        let Ok(mut listed) = self.index.read_after(0, usize::MAX) else {
            return HashSet::new();
        };
        // Entries after the committed end are a write that crashed before its events were
        // committed, not events that were lost: the next write cuts them off, and
        // `check_index` reports them (repairable).
        if let Ok(head) = self.index.reconcile(|stream| self.version_of(stream)) {
            listed.retain(|entry| entry.position <= head.position);
        }
        // An event is held where its stream holds its version, wherever its position now
        // is (an import brings a lost event back at a new position).
        let held: HashSet<(&StreamId, u64)> = expected
            .iter()
            .map(|entry| (&entry.stream, entry.version))
            .collect();
        let mut gone: BTreeMap<&StreamId, Vec<&IndexEntry>> = BTreeMap::new();
        for entry in &listed {
            if !held.contains(&(&entry.stream, entry.version)) {
                gone.entry(&entry.stream).or_default().push(entry);
            }
        }
        let mut positions = HashSet::new();
        for (stream, entries) in gone {
            let first = entries[0];
            let more = match entries.len() {
                1 => String::new(),
                n => format!(" (and {} more of its events)", n - 1),
            };
            let detail = format!(
                "{} version {}, position {}, {}{more}: listed in the index, gone from its stream — removed outside jerry; \
                 bring it back with `jerry events import FILE` (an export from before) or `jerry sync`, \
                 or give it up with `jerry doctor --repair --accept-loss`",
                super::display_of(stream),
                first.version,
                first.position,
                first.event_type
            );
            findings.push(finding(
                "missing_event",
                &self.stream_path(stream),
                Some(first.version),
                detail,
                false,
            ));
            positions.extend(entries.iter().map(|entry| entry.position));
        }
        positions
    }

    /// Positions run 1, 2, 3, …: each position held by one event. A gap where the index
    /// listed an event that is gone was said by [`Self::missing_events`]; a gap where nothing
    /// is lost (the index listed nothing there, or what it listed is back at another
    /// position, say after `events import`) is repairable by numbering the events again.
    fn check_positions(
        &self,
        entries: &[IndexEntry],
        findings: &mut Vec<Finding>,
        gone: &HashSet<u64>,
    ) -> Positions {
        let mut state = Positions::Ok;
        let mut previous = 0;
        for entry in entries {
            let path = self.stream_path(&entry.stream);
            if entry.position == previous {
                let detail = format!("position {} is claimed twice", entry.position);
                findings.push(finding(
                    "duplicate_position",
                    &path,
                    Some(entry.version),
                    detail,
                    false,
                ));
                state = Positions::Broken;
            } else if entry.position != previous + 1
                && (previous + 1..entry.position).any(|p| gone.contains(&p))
            {
                // Said already, by the event that is gone.
                state = Positions::Broken;
            } else if entry.position != previous + 1 {
                let detail = format!(
                    "positions {}..{} belong to no event, and no event is gone: --repair numbers the events again",
                    previous + 1,
                    entry.position - 1
                );
                findings.push(finding(
                    "missing_position",
                    &path,
                    Some(entry.version),
                    detail,
                    true,
                ));
                if state == Positions::Ok {
                    state = Positions::Gaps;
                }
            }
            previous = entry.position;
        }
        state
    }

    /// Under the write lock, with nothing lost: every event a position again, in order.
    fn renumber_positions(&self) -> Result<bool, StoreError> {
        if !self.archived_streams()?.is_empty() {
            return Ok(false);
        }
        let mut streams = BTreeMap::new();
        for stream in self.list_streams()? {
            let events = self.read_all(&stream)?;
            streams.insert(stream, events);
        }
        let before = super::rebuild::layout(&streams);
        super::rebuild::reposition(self, &mut streams, &before)?;
        Ok(true)
    }

    /// Compares the index with what the streams say it should be. Trailing index entries
    /// without stream lines are what a crash leaves; anything else is damage. Both are fixed
    /// by a rebuild.
    fn check_index(&self, expected: &[IndexEntry], findings: &mut Vec<Finding>, repairable: bool) -> bool {
        let path = self.index_path().to_path_buf();
        let actual = match self.index.read_after(0, usize::MAX) {
            Ok(actual) => actual,
            Err(err) => {
                findings.push(finding(
                    "index_unreadable",
                    &path,
                    None,
                    err.to_string(),
                    repairable,
                ));
                return false;
            }
        };
        let torn = std::fs::metadata(&path).map_or(0, |m| m.len()) > index_bytes(&path);
        let first_difference = expected
            .iter()
            .zip(&actual)
            .position(|(want, have)| want != have)
            .or_else(|| (expected.len() != actual.len()).then(|| expected.len().min(actual.len())));
        if let Some(at) = first_difference {
            let detail = match (expected.get(at), actual.get(at)) {
                (None, Some(extra)) => format!(
                    "{} trailing entries have no stream line (from position {}): an append that crashed",
                    actual.len() - at,
                    extra.position
                ),
                (Some(missing), None) => format!(
                    "position {} and later are missing from the index",
                    missing.position
                ),
                (Some(want), Some(_)) => format!(
                    "the entry for position {} does not match its stream",
                    want.position
                ),
                (None, None) => String::new(),
            };
            findings.push(finding(
                "index_mismatch",
                &path,
                Some(at as u64 + 1),
                detail,
                repairable,
            ));
            return false;
        }
        if torn {
            findings.push(finding(
                "torn_tail",
                &path,
                Some(actual.len() as u64 + 1),
                "a write that never finished".into(),
                true,
            ));
            return false;
        }
        true
    }

    /// Moves `bytes[from..]` of a stream file into `.jerry/quarantine/` (raw bytes plus a
    /// JSON note of where they came from), then cuts the file back to `from`.
    /// Moves a damaged tail (from `from` on) into quarantine; see `quarantine_lines`.
    fn quarantine(
        &self,
        path: &Path,
        bytes: &[u8],
        from: usize,
        reason: &str,
    ) -> Result<PathBuf, StoreError> {
        self.quarantine_lines(path, bytes, &[], from, reason)
    }
}

/// The length of the index up to its last newline.
fn index_bytes(path: &Path) -> u64 {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| bytes.iter().rposition(|&b| b == b'\n').map(|i| i as u64 + 1))
        .unwrap_or(0)
}
