//! `jerry store migrate`: copies a project's whole log into another store, keeping every
//! event's id, stream, version and global position.
//!
//! The copy appends in global order, one run of consecutive events of a stream at a time
//! (so a command's batch stays one batch), each with the exact version it must follow and
//! checked to land at its original position. It is resumable: a target that already holds
//! a prefix of this log (an interrupted copy) is continued from its head; a target holding
//! anything else is refused before a byte is written. At the end both logs are read back
//! whole and compared by count and SHA-256 of their events.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::store::{EventStore, ExpectedVersion, NewEvent, RecordedEvent, StreamId};

use super::event_log::stream_of;
use super::AppError;

const PAGE: usize = 5_000;
/// A run longer than this is split: the copy's memory stays bounded whatever the log.
const MAX_RUN: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MigrateReport {
    /// Events this run copied.
    pub copied: u64,
    /// Events the target already held from an earlier, interrupted copy.
    pub resumed_from: u64,
    /// Events in each store afterwards.
    pub events: u64,
    /// SHA-256 of the events, in order, as each store reads them back; equal by now.
    pub hash: String,
    /// Idempotency keys carried over, so a key used before the move is still recognised.
    pub idempotency_keys: u64,
}

/// A log's length and content hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogDigest {
    pub events: u64,
    pub hash: String,
}

/// Hashes every event in global order: each as its JSON line (every field, the payload's
/// keys in their stored order), one per line.
pub fn content_hash(store: &dyn EventStore) -> Result<LogDigest, AppError> {
    let mut hasher = Sha256::new();
    let mut after = 0;
    let mut events = 0;
    loop {
        let page = store.read_global(after, PAGE)?;
        let Some(last) = page.last() else { break };
        after = last.position;
        for event in &page {
            let line = serde_json::to_vec(event).map_err(|err| AppError::MigrationDiverged {
                position: event.position,
                reason: format!("the event cannot be encoded: {err}"),
            })?;
            hasher.update(&line);
            hasher.update(b"\n");
            events += 1;
        }
    }
    Ok(LogDigest {
        events,
        hash: hasher.finalize().iter().fold(String::new(), |mut hex, byte| {
            use std::fmt::Write as _;
            let _ = write!(hex, "{byte:02x}");
            hex
        }),
    })
}

/// Copies `from` into `to`; `progress` hears the position reached after each run.
pub fn migrate(
    from: &dyn EventStore,
    to: &dyn EventStore,
    mut progress: impl FnMut(u64),
) -> Result<MigrateReport, AppError> {
    let resumed_from = to.head_position()?;
    check_prefix(from, to, resumed_from)?;
    let mut after = resumed_from;
    let mut run: Vec<RecordedEvent> = Vec::new();
    let mut copied = 0;
    loop {
        let page = from.read_global(after, PAGE)?;
        let Some(last) = page.last() else { break };
        after = last.position;
        for event in page {
            let same_stream = run
                .last()
                .is_some_and(|prev| stream_of(prev) == stream_of(&event));
            if !run.is_empty() && (!same_stream || run.len() >= MAX_RUN) {
                copied += copy_run(to, std::mem::take(&mut run))?;
                progress(after);
            }
            run.push(event);
        }
    }
    if !run.is_empty() {
        copied += copy_run(to, run)?;
        progress(after);
    }
    let here = content_hash(from)?;
    let there = content_hash(to)?;
    if here != there {
        return Err(AppError::MigrationMismatch {
            source_events: here.events,
            source_hash: here.hash,
            target_events: there.events,
            target_hash: there.hash,
        });
    }
    // The log is identical, positions included, so every record still names its events.
    let mut idempotency_keys = 0;
    for record in from.once_records()? {
        to.restore_once(&record)?;
        idempotency_keys += 1;
    }
    Ok(MigrateReport {
        copied,
        resumed_from,
        events: here.events,
        hash: here.hash,
        idempotency_keys,
    })
}

/// A target that is not empty must hold exactly the first `head` events of this log.
fn check_prefix(from: &dyn EventStore, to: &dyn EventStore, head: u64) -> Result<(), AppError> {
    if head == 0 {
        return Ok(());
    }
    let source_head = from.head_position()?;
    if head > source_head {
        return Err(AppError::MigrationDiverged {
            position: source_head + 1,
            reason: format!("the target holds {head} events, this project only {source_head}"),
        });
    }
    let mut after = 0;
    while after < head {
        let limit = PAGE.min(usize::try_from(head - after).unwrap_or(PAGE));
        let ours = from.read_global(after, limit)?;
        let theirs = to.read_global(after, limit)?;
        for (mine, other) in ours.iter().zip(&theirs) {
            if mine != other {
                return Err(AppError::MigrationDiverged {
                    position: mine.position,
                    reason: format!(
                        "it holds event {} where this project has {}",
                        other.event_id, mine.event_id
                    ),
                });
            }
        }
        let Some(last) = ours.last() else { break };
        if theirs.len() != ours.len() {
            return Err(AppError::MigrationDiverged {
                position: last.position,
                reason: "its positions have a gap".into(),
            });
        }
        after = last.position;
    }
    Ok(())
}

/// Appends one run of a stream's consecutive events where they were: after the version
/// before the first, landing on the last one's position.
fn copy_run(to: &dyn EventStore, run: Vec<RecordedEvent>) -> Result<u64, AppError> {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return Ok(0);
    };
    let stream = StreamId::new(stream_of(first))?;
    let (before, want_position, want_version) = (first.version - 1, last.position, last.version);
    let count = run.len() as u64;
    let events: Vec<NewEvent> = run
        .into_iter()
        .map(|event| NewEvent {
            event_id: event.event_id,
            aggregate_type: event.aggregate_type,
            aggregate_id: event.aggregate_id,
            event_type: event.event_type,
            schema_version: event.schema_version,
            timestamp: event.timestamp,
            payload: event.payload,
            metadata: event.metadata,
        })
        .collect();
    let appended = to
        .append(&stream, events, ExpectedVersion::Exact(before))
        .map_err(|err| AppError::MigrationDiverged {
            position: want_position + 1 - count,
            reason: err.to_string(),
        })?;
    if (appended.version, appended.position) != (want_version, want_position) {
        return Err(AppError::MigrationDiverged {
            position: want_position,
            reason: format!(
                "the events landed at version {} position {}, not version {want_version} position {want_position}",
                appended.version, appended.position
            ),
        });
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::memory::MemoryStore;
    use crate::store::{Metadata, NewEvent};
    use crate::timestamp::Timestamp;

    fn event(item: &str, n: i64) -> NewEvent {
        NewEvent {
            event_id: ulid::Ulid::new(),
            aggregate_type: "work_item".into(),
            aggregate_id: item.into(),
            event_type: "Happened".into(),
            schema_version: 1,
            timestamp: Timestamp::from_unix_micros(1_768_219_200_000_000 + n).unwrap(),
            payload: serde_json::json!({ "z": n, "a": [n] }),
            metadata: Metadata {
                actor: "t".into(),
                correlation_id: None,
                causation_id: None,
                idempotency_key: None,
                undoes: None,
                redoes: None,
                lamport: None,
            },
        }
    }

    fn filled() -> MemoryStore {
        let store = MemoryStore::new();
        for n in 0..30 {
            let item = format!("WORK-{}", n % 4);
            let stream = StreamId::new(format!("work_item-{item}")).unwrap();
            let batch = (0..=(n % 3)).map(|k| event(&item, n * 10 + k)).collect();
            store.append(&stream, batch, ExpectedVersion::Any).unwrap();
        }
        store
    }

    #[test]
    fn copies_everything_in_place_and_verifies() {
        let from = filled();
        let to = MemoryStore::new();
        let report = migrate(&from, &to, |_| {}).unwrap();
        assert_eq!(report.events, from.head_position().unwrap());
        assert_eq!(report.copied, report.events);
        assert_eq!(
            from.read_global(0, 1000).unwrap(),
            to.read_global(0, 1000).unwrap()
        );
        // Running it again copies nothing and still verifies.
        let again = migrate(&from, &to, |_| {}).unwrap();
        assert_eq!((again.copied, again.resumed_from), (0, report.events));
    }

    #[test]
    fn resumes_an_interrupted_copy() {
        let from = filled();
        let to = MemoryStore::new();
        // An interrupted copy: the first 17 events, as `migrate` would have written them.
        let mut after = 0;
        for event in from.read_global(0, 17).unwrap() {
            copy_run(&to, vec![event.clone()]).unwrap();
            after = event.position;
        }
        assert_eq!(after, 17);
        let report = migrate(&from, &to, |_| {}).unwrap();
        assert_eq!(report.resumed_from, 17);
        assert_eq!(report.copied, report.events - 17);
        assert_eq!(content_hash(&from).unwrap(), content_hash(&to).unwrap());
    }

    #[test]
    fn refuses_a_target_with_other_history() {
        let from = filled();
        let to = MemoryStore::new();
        let stream = StreamId::new("work_item-WORK-9").unwrap();
        to.append(&stream, vec![event("WORK-9", 1)], ExpectedVersion::Any)
            .unwrap();
        let err = migrate(&from, &to, |_| {}).unwrap_err();
        assert!(
            matches!(err, AppError::MigrationDiverged { position: 1, .. }),
            "{err}"
        );
        assert_eq!(to.head_position().unwrap(), 1, "nothing was copied");
    }

    #[test]
    fn the_hash_sees_any_change() {
        let a = filled();
        let b = MemoryStore::new();
        for event in a.read_global(0, 1000).unwrap() {
            let mut changed = event.clone();
            if event.position == 5 {
                changed.payload["z"] = serde_json::json!(-1);
            }
            copy_run(&b, vec![changed]).unwrap();
        }
        assert_ne!(content_hash(&a).unwrap().hash, content_hash(&b).unwrap().hash);
        assert_eq!(content_hash(&a).unwrap().events, content_hash(&b).unwrap().events);
    }
}
