//! Rebuilding the global index from the streams, which carry every event's position. Used
//! when the index is missing (and later by `jerry doctor --repair`); costs a full read.

use serde::Deserialize;

use std::collections::BTreeMap;

use super::index::IndexEntry;
use super::line::corrupt;
use super::line::encode_committed;
use super::JsonlStore;
use crate::persist::{persist, Durability};
use crate::store::{EventStore, StoreError};
use crate::store::{RecordedEvent, StreamId};
use crate::timestamp::Timestamp;

#[derive(Deserialize)]
struct LineMeta {
    version: u64,
    position: u64,
    event_type: String,
    timestamp: Timestamp,
}

/// Every committed event's index entry, in position order. Fails if two events claim one
/// position or a position is missing.
pub(super) fn collect_entries(store: &JsonlStore) -> Result<Vec<IndexEntry>, StoreError> {
    let mut entries = Vec::new();
    for stream in store.list_streams()? {
        let path = store.stream_path(&stream);
        let bytes = store.stream_bytes(&stream)?;
        for (index, line) in entries_of(store, &stream, &bytes)? {
            entries.push(line.map_err(|err| corrupt(&path, Some(index as u64 + 1), err))?);
        }
    }
    entries.sort_by_key(|entry| entry.position);
    for (entry, expected) in entries.iter().zip(1u64..) {
        if entry.position != expected {
            let reason = format!(
                "global positions are not contiguous: expected {expected}, found {} ({} version {})",
                entry.position, entry.stream, entry.version
            );
            return Err(corrupt(
                &store.stream_path(&entry.stream),
                Some(entry.version),
                reason,
            ));
        }
    }
    Ok(entries)
}

/// Each committed line's number (from 0) with its index entry, or why it is none.
type LineEntries = Vec<(usize, Result<IndexEntry, serde_json::Error>)>;

/// Each committed line of one stream file with its index entry, or why it is none.
fn entries_of(
    store: &JsonlStore,
    stream: &crate::store::StreamId,
    bytes: &[u8],
) -> Result<LineEntries, StoreError> {
    let path = store.stream_path(stream);
    let Some(tail) = store.committed_tail(&path, bytes)? else {
        return Ok(Vec::new());
    };
    let mut lines = Vec::new();
    let mut offset = 0u64;
    for (index, line) in bytes[..tail.committed_len]
        .split_inclusive(|&b| b == b'\n')
        .enumerate()
    {
        let content = &line[..line.len() - 1];
        let entry = serde_json::from_slice::<LineMeta>(content).map(|meta| IndexEntry {
            position: meta.position,
            stream: stream.clone(),
            version: meta.version,
            offset,
            length: content.len() as u64,
            event_type: meta.event_type.into(),
            timestamp: meta.timestamp,
        });
        lines.push((index, entry));
        offset += line.len() as u64;
    }
    Ok(lines)
}

/// The global order as the streams give it, whatever state they are in: for reading past
/// damage (a line removed, cut short or edited by hand; a file deleted). A line that is no
/// event is left out, and so is a stream whose file cannot be read as a whole; each such
/// stream is named in `damaged`. Positions may have gaps (an event gone).
pub(super) fn entries_despite_damage(
    store: &JsonlStore,
) -> Result<(Vec<IndexEntry>, Vec<crate::store::StreamId>), StoreError> {
    let mut entries = Vec::new();
    let mut damaged = Vec::new();
    // The streams must be listed: an empty order here would read as an empty log.
    for stream in store.list_streams()? {
        let lines = store
            .stream_bytes(&stream)
            .and_then(|bytes| entries_of(store, &stream, &bytes));
        match lines {
            Ok(lines) => {
                let total = lines.len() as u64;
                let good: Vec<IndexEntry> = lines.into_iter().filter_map(|(_, entry)| entry.ok()).collect();
                if !good.iter().map(|entry| entry.version).eq(1..=total) {
                    damaged.push(stream);
                }
                entries.extend(good);
            }
            Err(_) => damaged.push(stream),
        }
    }
    entries.sort_by(|a, b| (a.position, &a.stream).cmp(&(b.position, &b.stream)));
    Ok((entries, damaged))
}

/// Writes a fresh index next to the old one and renames it into place, so a crash leaves
/// either the old index or the new one.
pub(super) fn rebuild_index(store: &JsonlStore) -> Result<(), StoreError> {
    let entries = collect_entries(store)?;
    let path = store.index_path().to_path_buf();
    let mut buffer = Vec::with_capacity(entries.len() * 200);
    for entry in &entries {
        serde_json::to_writer(&mut buffer, entry).map_err(|err| corrupt(&path, None, err))?;
        buffer.push(b'\n');
    }
    crate::persist::persist(&path, &buffer, crate::persist::Durability::Durable)
        .map_err(|err| StoreError::io("cannot replace", &path, err))
}

/// Each stream's (version, position) pairs as they are in its file.
pub(super) type Layout = BTreeMap<StreamId, Vec<(u64, u64)>>;

pub(super) fn layout(streams: &BTreeMap<StreamId, Vec<RecordedEvent>>) -> Layout {
    streams
        .iter()
        .map(|(stream, events)| {
            (
                stream.clone(),
                events.iter().map(|e| (e.version, e.position)).collect(),
            )
        })
        .collect()
}

/// Under the write lock, with every stream's events in `streams`: gives every event a
/// position again, 1, 2, 3, … in the order of the positions they had (each stream's own
/// order kept, ties by stream id), rewrites each file whose lines changed from `before`,
/// rebuilds the index and drops the caches (a cache's checkpoint may name another event
/// now). After a merge (positions clash) or an accepted loss (positions missing).
pub(super) fn reposition(
    store: &JsonlStore,
    streams: &mut BTreeMap<StreamId, Vec<RecordedEvent>>,
    before: &Layout,
) -> Result<(), StoreError> {
    let mut order: Vec<(u64, StreamId, usize)> = Vec::new();
    for (stream, events) in streams.iter() {
        let mut floor = 0;
        for (index, event) in events.iter().enumerate() {
            floor = floor.max(event.position);
            order.push((floor, stream.clone(), index));
        }
    }
    order.sort();
    for ((_, stream, index), position) in order.into_iter().zip(1u64..) {
        if let Some(event) = streams.get_mut(&stream).and_then(|events| events.get_mut(index)) {
            event.position = position;
        }
    }
    // Streams that gained events are written before those that lost them (a split), so a
    // crash between the two leaves a moved event twice, which the next settling removes,
    // rather than nowhere.
    let mut writes: Vec<(&StreamId, &Vec<RecordedEvent>)> = streams.iter().collect();
    writes.sort_by_key(|(stream, events)| before.get(*stream).map_or(0, Vec::len) >= events.len());
    for (stream, events) in writes {
        let unchanged = before.get(stream).is_some_and(|old| {
            old.iter()
                .copied()
                .eq(events.iter().map(|e| (e.version, e.position)))
        });
        if unchanged {
            continue;
        }
        let path = store.stream_path(stream);
        let encoded = encode_committed(stream, events)?;
        persist(&path, &encoded.bytes, Durability::Durable)
            .map_err(|err| StoreError::io("cannot rewrite", &path, err))?;
    }
    rebuild_index(store)?;
    let caches = store.data_dir().join("cache");
    match fs_err::remove_dir_all(&caches) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(StoreError::io("cannot clear", &caches, err)),
    }
}
