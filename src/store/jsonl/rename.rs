//! Renaming a stream: sync's renumbering of an item no other clone has seen. The events
//! keep their ids, versions and positions; their file and content change.
//!
//! One step for readers and crash-safe, in this order under the write lock: a journal
//! naming both streams (durable), the new stream file written whole beside the old one, the
//! global index replaced atomically (its entries now name the new file), the old file
//! removed, the journal removed. Before the index is replaced the old stream is the truth;
//! after, the new one. A crash in between leaves the journal, and the next writer finishes
//! or undoes the rename by looking at which stream the index names (`recover`).
//!
//! Lines of other streams may belong to a multi-stream write whose witness batch was in the
//! renamed stream. The new file is written without batch marks (every line in it is
//! committed), so each such write is *sealed* first: a small durable file naming the
//! write, which `txn_committed` accepts when the witness no longer answers.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ulid::Ulid;

use super::index::IndexEntry;
use super::line::{corrupt, encode_committed, LinePosition};
use super::{sync_dir, JsonlStore};
use crate::persist::{persist, Durability};
use crate::store::{check_rename, EventStore, RecordedEvent, StoreError, StreamId};

const JOURNAL: &str = "rename.journal";

#[derive(Serialize, Deserialize)]
struct Journal {
    from: StreamId,
    to: StreamId,
}

fn journal_path(store: &JsonlStore) -> PathBuf {
    store.data_dir().join(JOURNAL)
}

fn seal_path(store: &JsonlStore, id: &Ulid) -> PathBuf {
    store.data_dir().join("sealed").join(id.to_string())
}

/// Whether a multi-stream write was sealed by a rename of its witness stream.
pub(super) fn sealed(store: &JsonlStore, id: &Ulid) -> bool {
    seal_path(store, id).exists()
}

fn io<'a>(context: &'static str, path: &'a std::path::Path) -> impl Fn(std::io::Error) -> StoreError + 'a {
    move |err| StoreError::io(context, path, err)
}

fn remove_if_present(path: &std::path::Path) -> Result<(), StoreError> {
    match fs_err::remove_file(path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(StoreError::io("cannot remove", path, err)),
    }
}

/// Under the write lock: renames `from` to `to`; see the module doc.
pub(super) fn rename(
    store: &JsonlStore,
    from: &StreamId,
    to: &StreamId,
    events: &[RecordedEvent],
) -> Result<(), StoreError> {
    let current = store.read_all(from)?;
    check_rename(from, to, &current, events, store.current_version(to)? > 0)?;
    let from_path = store.stream_path(from);
    let to_path = store.stream_path(to);

    // Every write the old file witnesses is committed (its events were read above), and
    // stays so once sealed, whatever happens to that file.
    let bytes = fs_err::read(&from_path).map_err(io("cannot read", &from_path))?;
    let mut witnessed = BTreeSet::new();
    for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let mark: LinePosition =
            serde_json::from_slice(line).map_err(|err| corrupt(&from_path, None, err))?;
        if let Some(txn) = mark.txn.filter(|txn| txn.witness == *from) {
            witnessed.insert(txn.id);
        }
    }
    for id in &witnessed {
        let path = seal_path(store, id);
        persist(&path, b"", Durability::Durable).map_err(io("cannot seal a write in", &path))?;
    }

    let journal = journal_path(store);
    let record = serde_json::to_vec(&Journal {
        from: from.clone(),
        to: to.clone(),
    })
    .map_err(|err| corrupt(&journal, None, err))?;
    persist(&journal, &record, Durability::Durable).map_err(io("cannot write", &journal))?;
    crate::faults::inject("rename-journaled");

    let encoded = encode_committed(to, events)?;
    persist(&to_path, &encoded.bytes, Durability::Durable).map_err(io("cannot write", &to_path))?;
    crate::faults::inject("rename-new-stream");

    let moved: std::collections::HashMap<u64, (u64, u64)> = events
        .iter()
        .zip(&encoded.spans)
        .map(|(event, span)| (event.position, *span))
        .collect();
    let entries: Vec<IndexEntry> = store
        .read_index(0, usize::MAX)?
        .into_iter()
        .map(|mut entry| {
            if let Some((offset, length)) = moved.get(&entry.position).filter(|_| entry.stream == *from) {
                entry.stream = to.clone();
                entry.offset = *offset;
                entry.length = *length;
            }
            entry
        })
        .collect();
    write_index(store, &entries)?;
    crate::faults::inject("rename-indexed");

    finish(store, from)
}

/// The old stream file and the journal go; the rename is whole.
fn finish(store: &JsonlStore, from: &StreamId) -> Result<(), StoreError> {
    remove_if_present(&store.stream_path(from))?;
    sync_dir(store.events_dir())?;
    let journal = journal_path(store);
    remove_if_present(&journal)?;
    sync_dir(store.data_dir())
}

fn write_index(store: &JsonlStore, entries: &[IndexEntry]) -> Result<(), StoreError> {
    let path = store.index_path().to_path_buf();
    let mut buffer = Vec::with_capacity(entries.len() * 200);
    for entry in entries {
        serde_json::to_writer(&mut buffer, entry).map_err(|err| corrupt(&path, None, err))?;
        buffer.push(b'\n');
    }
    persist(&path, &buffer, Durability::Durable).map_err(io("cannot replace", &path))
}

/// Under the write lock, before anything else is written: finishes a rename a crash
/// interrupted (the index already names the new stream) or undoes it (it does not yet).
pub(super) fn recover(store: &JsonlStore) -> Result<(), StoreError> {
    let path = journal_path(store);
    let bytes = match fs_err::read(&path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(StoreError::io("cannot read", &path, err)),
    };
    let Ok(journal) = serde_json::from_slice::<Journal>(&bytes) else {
        // Torn before it was durable: nothing after it was done.
        return remove_if_present(&path);
    };
    let indexed = store
        .index_path()
        .exists()
        .then(|| store.read_index(0, usize::MAX))
        .transpose()?
        .unwrap_or_default();
    let from_gone = !store.stream_path(&journal.from).exists();
    if from_gone || indexed.iter().any(|entry| entry.stream == journal.to) {
        finish(store, &journal.from)
    } else {
        remove_if_present(&store.stream_path(&journal.to))?;
        sync_dir(store.events_dir())?;
        remove_if_present(&path)?;
        sync_dir(store.data_dir())
    }
}
