//! Rebuilding the global index from the streams, which carry every event's position. Used
//! when the index is missing (and later by `jerry doctor --repair`); costs a full read.

use serde::Deserialize;

use super::index::IndexEntry;
use super::line::corrupt;
use super::JsonlStore;
use crate::store::{EventStore, StoreError};
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

/// Each committed line of one stream file with its index entry, or why it is none.
fn entries_of(
    store: &JsonlStore,
    stream: &crate::store::StreamId,
    bytes: &[u8],
) -> Result<Vec<(usize, Result<IndexEntry, serde_json::Error>)>, StoreError> {
    let path = store.stream_path(stream);
    let Some(tail) = store.committed_tail(&path, bytes)? else {
        return Ok(Vec::new());
    };
    let mut lines = Vec::new();
    let mut offset = 0u64;
    for (index, line) in bytes[..tail.committed_len].split_inclusive(|&b| b == b'\n').enumerate() {
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
pub(super) fn entries_despite_damage(store: &JsonlStore) -> (Vec<IndexEntry>, Vec<crate::store::StreamId>) {
    let mut entries = Vec::new();
    let mut damaged = Vec::new();
    let Ok(streams) = store.list_streams() else {
        return (entries, damaged);
    };
    for stream in streams {
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
    (entries, damaged)
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
