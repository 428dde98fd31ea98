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
        let Some(tail) = store.committed_tail(&path, &bytes)? else {
            continue;
        };
        let mut offset = 0u64;
        let committed = &bytes[..tail.committed_len];
        for (index, line) in committed.split_inclusive(|&b| b == b'\n').enumerate() {
            let content = &line[..line.len() - 1];
            let meta: LineMeta =
                serde_json::from_slice(content).map_err(|err| corrupt(&path, Some(index as u64 + 1), err))?;
            entries.push(IndexEntry {
                position: meta.position,
                stream: stream.clone(),
                version: meta.version,
                offset,
                length: content.len() as u64,
                event_type: meta.event_type.into(),
                timestamp: meta.timestamp,
            });
            offset += line.len() as u64;
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
