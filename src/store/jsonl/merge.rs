//! Stream files committed to git by hand, and merged by `git merge`: the merge driver's
//! rule for one stream file, and the repair the store makes on its next use.
//!
//! The driver keeps our file's lines byte for byte and appends the events only theirs has,
//! each marked with its Lamport time (the version it had there, or the one it carried), as
//! `jerry sync` does with received events: every reader then orders the item's events by
//! (Lamport time, event id), so merging either branch into the other gives the same
//! history. The appended lines keep the positions they had on their branch, which may
//! clash with ours: positions are global, and one file cannot see the others. So the driver
//! leaves a marker (`merged`) beside the log, and the next command that opens the store
//! gives every event a position again, under the write lock, and rebuilds the index.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::line::encode_committed;
use super::JsonlStore;
use crate::store::{EventStore, RecordedEvent, StoreError, StreamId};

/// The file beside the log saying a merge changed stream files since the index was built.
pub const MARKER: &str = "merged";

/// The line the merge driver ends the merged global index with: unlike the marker file,
/// which stays untracked, the index is part of the merge commit, so a clone that receives
/// the commit unsettled (git commits a clean merge itself; a pull fast-forwards to it)
/// settles it too. Settling rebuilds the index, and the line goes.
pub const INDEX_MARK: &[u8] = b"{\"unsettled_merge\":true}\n";

/// The folder beside the log where the merge driver keeps the other side of a file it
/// could not merge, for `jerry doctor` to report until someone settles it.
pub const UNMERGED: &str = "unmerged";

/// Why two versions of a stream file cannot be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("line {line} of {side} is not an event: {reason}")]
    NotAnEvent {
        side: &'static str,
        line: usize,
        reason: String,
    },
    #[error("event {0} is on both sides with different content")]
    Changed(String),
    #[error("both sides created this item as different items ({0} and {1}), and one side holds more than that item; merge it by hand")]
    TwoCreations(String, String),
    #[error("cannot encode the merged stream: {0}")]
    Encode(String),
}

/// The complete lines of a stream file as events (a torn last line is no event yet).
fn events_of(bytes: &[u8], side: &'static str) -> Result<(Vec<RecordedEvent>, usize), MergeError> {
    let mut events = Vec::new();
    let mut complete = 0;
    for (index, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        if line.last() != Some(&b'\n') {
            break;
        }
        complete += line.len();
        let content = &line[..line.len() - 1];
        if content.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let event = serde_json::from_slice(content).map_err(|err| MergeError::NotAnEvent {
            side,
            line: index + 1,
            reason: err.to_string(),
        })?;
        events.push(event);
    }
    Ok((events, complete))
}

fn lamport(event: &RecordedEvent) -> u64 {
    event.metadata.lamport.unwrap_or(event.version)
}

/// `events` as lines appended after version `last`: each keeps its Lamport time (the
/// version it had, or the one it carried), so every reader still orders it the same.
fn after(events: Vec<RecordedEvent>, last: u64) -> Vec<RecordedEvent> {
    events
        .into_iter()
        .zip(last + 1..)
        .map(|(mut event, version)| {
            event.metadata.lamport = Some(lamport(&event));
            event.version = version;
            event
        })
        .collect()
}

/// Merges two versions of one stream file (see the module doc). Deterministic, and the
/// item's merged order is the same whichever side is ours.
pub fn merge_stream(ours: &[u8], theirs: &[u8]) -> Result<Vec<u8>, MergeError> {
    let (our_events, complete) = events_of(ours, "ours")?;
    let (their_events, their_complete) = events_of(theirs, "theirs")?;
    let held: HashMap<ulid::Ulid, &RecordedEvent> = our_events.iter().map(|e| (e.event_id, e)).collect();
    let same = |a: &RecordedEvent, b: &RecordedEvent| {
        let (mut a, mut b) = (a.to_new(), b.to_new());
        a.metadata.lamport = None;
        b.metadata.lamport = None;
        a == b
    };
    let mut new = Vec::new();
    for event in &their_events {
        match held.get(&event.event_id) {
            Some(ours) if same(ours, event) => {}
            Some(_) => return Err(MergeError::Changed(event.event_id.to_string())),
            None => new.push(event.clone()),
        }
    }
    let creation = |events: &[RecordedEvent]| {
        events
            .iter()
            .find(|e| e.event_type == "WorkItemCreated")
            .map(|e| e.event_id)
    };
    if let (Some(a), Some(b)) = (creation(&our_events), creation(&new)) {
        return two_creations(
            (&ours[..complete], our_events),
            (&theirs[..their_complete], their_events),
            new.len(),
        )
        .ok_or_else(|| MergeError::TwoCreations(a.to_string(), b.to_string()));
    }
    new.sort_by_key(|e| (lamport(e), e.event_id));
    let mut merged = ours[..complete].to_vec();
    let Some(stream) = our_events
        .first()
        .or(new.first())
        .and_then(|e| StreamId::new(format!("{}-{}", e.aggregate_type, e.aggregate_id)).ok())
    else {
        return Ok(merged);
    };
    let appended = after(new, our_events.last().map_or(0, |e| e.version));
    let encoded = encode_committed(&stream, &appended).map_err(|err| MergeError::Encode(err.to_string()))?;
    merged.extend(encoded.bytes);
    Ok(merged)
}

/// Two branches each created an item under this number. The earlier creation (the lower
/// event id, a ULID: so whichever branch is merged into which) keeps the file's lines byte
/// for byte; the other item's lines follow from its creation on, as they were on its
/// branch but for versions after the keeper's (each line's Lamport time keeps its own
/// version). Settling the merge (`JsonlStore::settle_merge`) then moves them from their
/// second creation on to a number of their own. Only two plain sides split so: each one
/// item (its creation first, no other), sharing no event. Anything else stays a conflict.
fn two_creations(
    ours: (&[u8], Vec<RecordedEvent>),
    theirs: (&[u8], Vec<RecordedEvent>),
    their_new: usize,
) -> Option<Vec<u8>> {
    let plain = |events: &[RecordedEvent]| {
        events.first().is_some_and(|e| e.event_type == "WorkItemCreated")
            && events
                .iter()
                .filter(|e| e.event_type == "WorkItemCreated")
                .count()
                == 1
    };
    if !plain(&ours.1) || !plain(&theirs.1) || their_new != theirs.1.len() {
        return None;
    }
    let (keeper, mover) = if ours.1[0].event_id < theirs.1[0].event_id {
        (ours, theirs)
    } else {
        (theirs, ours)
    };
    let stream = StreamId::new(format!(
        "{}-{}",
        keeper.1[0].aggregate_type, keeper.1[0].aggregate_id
    ))
    .ok()?;
    let moved = after(mover.1, keeper.1.last().map_or(0, |e| e.version));
    let mut merged = keeper.0.to_vec();
    merged.extend(encode_committed(&stream, &moved).ok()?.bytes);
    Some(merged)
}

/// Where the marker for the stream file at `path` (`…/data/events/<stream>.jsonl`) goes.
pub fn marker_for(path: &Path) -> Option<PathBuf> {
    let events = path.parent()?;
    (events.file_name()? == "events").then(|| events.parent().map(|data| data.join(MARKER)))?
}

impl JsonlStore {
    /// After a `git merge` of stream files (the marker is there): gives every event a
    /// position again, in the order of the positions they had (each stream's own order
    /// kept, ties by stream id), rewrites the files whose positions changed, rebuilds the
    /// index and removes the marker. Costs one `stat` when there is no marker. A crash
    /// part-way leaves the marker, and the next command does it again.
    pub fn settle_merge(&self) -> Result<(), StoreError> {
        let marker = self.data_dir().join(MARKER);
        let unsettled = || marker.exists() || index_marked(self.index_path());
        if !unsettled() {
            return Ok(());
        }
        let _guard = self.lock_for_write()?;
        if !unsettled() {
            return Ok(());
        }
        let mut streams: BTreeMap<StreamId, Vec<RecordedEvent>> = BTreeMap::new();
        for stream in self.list_streams()? {
            let events = self.read_all(&stream)?;
            streams.insert(stream, events);
        }
        let before = super::rebuild::layout(&streams);
        split_creations(&mut streams)?;
        super::rebuild::reposition(self, &mut streams, &before)?;
        match fs_err::remove_file(&marker) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                Err(StoreError::io("cannot remove", &marker, err))
            }
            _ => Ok(()),
        }
    }
}

/// Whether the global index ends with [`INDEX_MARK`]: one short read of its tail.
fn index_marked(index: &Path) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut file) = std::fs::File::open(index) else {
        return false;
    };
    let len = INDEX_MARK.len() as u64;
    let mut tail = vec![0u8; INDEX_MARK.len()];
    file.seek(SeekFrom::End(0)).is_ok_and(|end| end >= len)
        && file.seek(SeekFrom::End(-(len as i64))).is_ok()
        && file.read_exact(&mut tail).is_ok()
        && tail == INDEX_MARK
}

/// Splits every stream file a merge left with two creations (see [`two_creations`]): the
/// events from the second creation on belong to the other branch's item. They go to the
/// stream that already holds that creation (an earlier merge of the same branches moved
/// it; only the events it lacks are added), or else to the first number after every
/// number in use, in stream order: the same numbers whichever branch was merged into which.
/// Each moved event names its new number; the creation's `display_id` too.
fn split_creations(streams: &mut BTreeMap<StreamId, Vec<RecordedEvent>>) -> Result<(), StoreError> {
    let doubled: Vec<(StreamId, usize)> = streams
        .iter()
        .filter_map(|(stream, events)| {
            let second = events
                .iter()
                .skip(1)
                .position(|e| e.event_type == "WorkItemCreated")?;
            Some((stream.clone(), second + 1))
        })
        .collect();
    for (stream, at) in doubled {
        let Some(moving) = streams.get_mut(&stream).map(|events| events.split_off(at)) else {
            continue;
        };
        let creation = moving[0].event_id;
        let home = streams
            .iter()
            .find(|(other, events)| **other != stream && events.iter().any(|e| e.event_id == creation))
            .map(|(other, _)| other.clone());
        let (target, aggregate_id) = match home {
            Some(home) => {
                let id = streams[&home][0].aggregate_id.clone();
                (home, id)
            }
            None => next_free(streams, &moving[0])?,
        };
        let target_events = streams.entry(target.clone()).or_default();
        let known: std::collections::HashSet<ulid::Ulid> = target_events.iter().map(|e| e.event_id).collect();
        let mut version = target_events.last().map_or(0, |e| e.version);
        for mut event in moving.into_iter().filter(|e| !known.contains(&e.event_id)) {
            version += 1;
            event.aggregate_id.clone_from(&aggregate_id);
            event.version = version;
            if event.event_type == "WorkItemCreated" {
                if let Some(payload) = event.payload.as_object_mut() {
                    payload.insert(
                        "display_id".into(),
                        serde_json::Value::String(aggregate_id.clone()),
                    );
                }
            }
            target_events.push(event);
        }
    }
    Ok(())
}

/// The stream (and aggregate id) one past the highest number any stream of `creation`'s
/// kind uses (`work_item-WORK-007` → `work_item-WORK-008`).
fn next_free(
    streams: &BTreeMap<StreamId, Vec<RecordedEvent>>,
    creation: &RecordedEvent,
) -> Result<(StreamId, String), StoreError> {
    let prefix = creation
        .aggregate_id
        .rsplit_once('-')
        .map_or(creation.aggregate_id.as_str(), |(prefix, _)| prefix);
    let family = format!("{}-{prefix}-", creation.aggregate_type);
    let highest = streams
        .keys()
        .filter_map(|stream| stream.as_str().strip_prefix(&family)?.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let aggregate_id = format!("{prefix}-{:03}", highest + 1);
    let stream = StreamId::new(format!("{}-{aggregate_id}", creation.aggregate_type))?;
    Ok((stream, aggregate_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::contract::event;

    fn payload(value: u64) -> serde_json::Value {
        serde_json::json!({ "n": value })
    }

    fn line(n: u64, version: u64, position: u64) -> RecordedEvent {
        let mut event = event("Happened", n).recorded(version, position);
        event.aggregate_type = "work_item".into();
        event.aggregate_id = "WORK-001".into();
        event.payload = payload(n);
        event
    }

    fn file(events: &[RecordedEvent]) -> Vec<u8> {
        let stream = StreamId::new("work_item-WORK-001").unwrap();
        encode_committed(&stream, events).unwrap().bytes
    }

    #[test]
    fn either_side_merged_into_the_other_gives_one_order() {
        let base = vec![line(1, 1, 1), line(2, 2, 2)];
        let mut a = base.clone();
        a.push(line(3, 3, 5));
        a.push(line(4, 4, 6));
        let mut b = base;
        b.push(line(5, 3, 3));
        let ab = merge_stream(&file(&a), &file(&b)).unwrap();
        let ba = merge_stream(&file(&b), &file(&a)).unwrap();
        let order = |bytes: &[u8]| -> Vec<(u64, ulid::Ulid)> {
            let (mut events, _) = events_of(bytes, "merged").unwrap();
            events.sort_by_key(|e| (lamport(e), e.event_id));
            events.iter().map(|e| (lamport(e), e.event_id)).collect()
        };
        assert_eq!(order(&ab), order(&ba));
        let (merged, _) = events_of(&ab, "merged").unwrap();
        assert_eq!(merged.len(), 5);
        // Ours stays byte for byte; theirs follow with versions after ours.
        assert!(ab.starts_with(&file(&a)));
        assert_eq!(merged[4].version, 5);
        assert_eq!(merged[4].metadata.lamport, Some(3));
        // Merging again adds nothing.
        assert_eq!(merge_stream(&ab, &file(&b)).unwrap(), ab);
    }

    #[test]
    fn changed_content_and_garbage_are_refused() {
        let a = vec![line(1, 1, 1)];
        let mut changed = a.clone();
        changed[0].payload = payload(99);
        assert!(matches!(
            merge_stream(&file(&a), &file(&changed)),
            Err(MergeError::Changed(_))
        ));
        assert!(matches!(
            merge_stream(&file(&a), b"<<<<<<< HEAD\n"),
            Err(MergeError::NotAnEvent { .. })
        ));
    }
}
