//! The event store: append-only streams of event envelopes behind one trait.
//!
//! The store never interprets payloads; it guarantees ordering, optimistic concurrency and
//! durability. Every backend must pass the same contract suite (`contract.rs`).

mod backend;
mod checkup;
pub(crate) mod cursor;
pub mod damage;
mod event;
mod expected;
pub mod jsonl;
mod lines;
pub mod memory;
mod once;
pub mod postgres;
mod sql;
pub mod sqlite;
mod stream_id;
mod url;
mod watch;

#[cfg(test)]
pub(crate) mod contract;

use std::path::PathBuf;
use std::time::Duration;

pub use backend::{Backend, OpenOptions};
pub use checkup::{check_log, Checkup, Finding};
pub use event::{Metadata, NewEvent, RecordedEvent};
pub use expected::ExpectedVersion;
pub use lines::{EventLine, LinePage, MetadataLine};
pub use once::{OnceKey, OnceRecord, OnceSpan, Written, WrittenAll};
pub use stream_id::StreamId;
pub use url::StoreUrl;

/// Writes a cache's bytes into the sink it is given ([`EventStore::save_cache_with`]); it
/// may be called twice (a store may first compare what it writes with what it has).
pub type CacheWriter<'a> = &'a mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>;

/// What went wrong in a store, with the ids a user needs to act on it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("version conflict on {stream}: expected {expected}, but the stream is at version {actual}")]
    Conflict {
        stream: StreamId,
        expected: ExpectedVersion,
        actual: u64,
    },
    /// An [`EventStore::append_all_at`] found events appended after the head it was given.
    #[error("the log moved on: expected its head at position {expected}, but it is at {actual}")]
    HeadMoved { expected: u64, actual: u64 },
    #[error("corrupt event log {path}{}: {reason}", line.map(|n| format!(" line {n}")).unwrap_or_default())]
    Corrupt {
        path: PathBuf,
        line: Option<u64>,
        reason: String,
    },
    #[error("invalid stream id '{0}': {1}")]
    InvalidStreamId(String, &'static str),
    #[error("an append needs at least one event (stream {0})")]
    EmptyBatch(StreamId),
    #[error("an append to several streams names {0} twice")]
    DuplicateStream(StreamId),
    #[error("timed out after {:.1}s waiting for the write lock {path} (another jerry process holds it)", waited.as_secs_f64())]
    LockTimeout { path: PathBuf, waited: Duration },
    #[error("{context} {path}: {source}")]
    Io {
        context: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("idempotency key '{key}' was already used for a different command")]
    IdempotencyKeyReused { key: String },
    #[error("cannot encode event for {stream}: {source}")]
    Encode {
        stream: StreamId,
        #[source]
        source: serde_json::Error,
    },
    /// A stream could not be renamed: the new id is taken, or the stream changed since
    /// its events were read.
    #[error("cannot rename {from} to {to}: {reason}")]
    RenameRefused {
        from: StreamId,
        to: StreamId,
        reason: String,
    },
    #[error("invalid store '{url}': {reason}")]
    InvalidUrl { url: String, reason: &'static str },
    /// A database backend failed: the server is unreachable, refused a statement, …
    #[error("{store}: {context}: {source}")]
    Database {
        store: String,
        context: &'static str,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The database lacks the schema this jerry needs (or has a newer one).
    #[error("{store} is at schema version {found}, this jerry needs {wanted}")]
    Schema { store: String, found: u32, wanted: u32 },
}

impl StoreError {
    pub(crate) fn io(context: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io {
            context,
            path: path.into(),
            source,
        }
    }
}

/// Builds the stream and events for a candidate sequence number; see
/// [`EventStore::create_numbered_stream`].
pub type StreamBuilder<'a> = dyn FnMut(u64) -> Result<(StreamId, Vec<NewEvent>), StoreError> + 'a;

/// Where a numbered stream was created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreatedStream {
    pub stream: StreamId,
    pub number: u64,
    pub version: u64,
    /// True when an idempotency key showed this creation had already been done: nothing
    /// was written, and these are the original stream and number.
    pub replayed: bool,
}

/// Where an append left its stream and the global order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    /// The stream's version after the batch (the version of its last event).
    pub version: u64,
    /// The global position of the batch's last event.
    pub position: u64,
}

/// One stream's part of an [`EventStore::append_all`]: its events and what the caller
/// believes its version is.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamAppend {
    pub stream: StreamId,
    pub events: Vec<NewEvent>,
    pub expected: ExpectedVersion,
}

/// The checks every backend makes before an [`EventStore::append_all`] touches anything.
pub(crate) fn check_appends(appends: &[StreamAppend]) -> Result<(), StoreError> {
    let mut seen = std::collections::HashSet::new();
    for append in appends {
        if append.events.is_empty() {
            return Err(StoreError::EmptyBatch(append.stream.clone()));
        }
        if !seen.insert(&append.stream) {
            return Err(StoreError::DuplicateStream(append.stream.clone()));
        }
    }
    Ok(())
}

/// The checks every backend makes, under its write lock, before
/// [`EventStore::rename_stream`] touches anything: `to` is free, and `events` are the
/// stream's committed events (same ids, versions and positions, in order).
pub(crate) fn check_rename(
    from: &StreamId,
    to: &StreamId,
    current: &[RecordedEvent],
    events: &[RecordedEvent],
    to_exists: bool,
) -> Result<(), StoreError> {
    let refused = |reason: &str| StoreError::RenameRefused {
        from: from.clone(),
        to: to.clone(),
        reason: reason.to_owned(),
    };
    if from == to || to_exists {
        return Err(refused("the new stream id is already taken"));
    }
    if current.is_empty() {
        return Err(refused("the stream does not exist"));
    }
    let same = current.len() == events.len()
        && current
            .iter()
            .zip(events)
            .all(|(a, b)| a.event_id == b.event_id && a.version == b.version && a.position == b.position);
    if !same {
        return Err(refused("the stream changed since it was read"));
    }
    Ok(())
}

/// An append-only log of streams. Versions in a stream are 1, 2, 3, … with no gap.
pub trait EventStore: Send + Sync {
    /// Appends the whole batch or nothing. Returns the stream's new version once the batch
    /// is durable; on a version mismatch returns [`StoreError::Conflict`] and writes nothing.
    fn append(
        &self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
    ) -> Result<Appended, StoreError> {
        self.append_once(stream, events, expected, None)
            .map(|written| written.appended)
    }

    /// [`EventStore::append`] at most once per idempotency key, decided in the same exclusive
    /// step as the append: a key already used for the same fingerprint writes nothing and
    /// returns the original result (`replayed`); for another fingerprint it is
    /// [`StoreError::IdempotencyKeyReused`].
    fn append_once(
        &self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
        once: Option<&OnceKey>,
    ) -> Result<Written, StoreError>;

    /// Appends to several streams as one write: every batch is committed or none is, and no
    /// reader ever sees some of them without the others. Each stream's expectation is checked
    /// before anything is written, so a conflict on any stream writes nothing. The batches
    /// take consecutive positions in the order given; the result holds one [`Appended`] per
    /// batch, in that order. An idempotency key works as for [`EventStore::append_once`].
    /// What a multi-item command (`items start 1 2 3`) and an undo of several items use.
    fn append_all(
        &self,
        appends: Vec<StreamAppend>,
        once: Option<&OnceKey>,
    ) -> Result<WrittenAll, StoreError> {
        self.append_all_at(appends, once, None)
    }

    /// [`EventStore::append_all`], and, with `head`, only if nothing at all was appended
    /// since the log's head was at that position ([`StoreError::HeadMoved`] otherwise,
    /// decided under the same write lock): a decision that read more than its own items
    /// (how many items an actor holds, for a WIP limit) is appended only on the log it read.
    fn append_all_at(
        &self,
        appends: Vec<StreamAppend>,
        once: Option<&OnceKey>,
        head: Option<u64>,
    ) -> Result<WrittenAll, StoreError>;

    /// What an idempotency key was used for, if its events are committed.
    fn lookup_once(&self, key: &str) -> Result<Option<OnceRecord>, StoreError>;

    /// Every idempotency record whose events are committed, in key order: what a copy of
    /// the project to another store carries, so a key used before the move is still
    /// recognised after it.
    fn once_records(&self) -> Result<Vec<OnceRecord>, StoreError>;

    /// Records what a key did, for events this store already holds at the record's
    /// positions (a copied log). A key already recorded is left as it is.
    fn restore_once(&self, record: &OnceRecord) -> Result<(), StoreError>;

    /// The committed events with `from <= version <= to`, oldest first. An absent stream
    /// reads as empty.
    fn read(&self, stream: &StreamId, from: u64, to: u64) -> Result<Vec<RecordedEvent>, StoreError>;

    /// The version of the last committed event; 0 when the stream does not exist.
    fn current_version(&self, stream: &StreamId) -> Result<u64, StoreError>;

    /// Every stream with at least one committed event may be listed; sorted by id.
    fn list_streams(&self) -> Result<Vec<StreamId>, StoreError>;

    /// Creates the first free stream of a numbered family (`WORK-1`, `WORK-2`, …) in one
    /// exclusive step: the store tries numbers from its last allocation upwards, asks `build`
    /// for the stream id and events of each candidate, and appends to the first stream that
    /// does not exist yet. Concurrent callers therefore get distinct, gap-free numbers.
    fn create_numbered_stream(
        &self,
        family: &str,
        once: Option<&OnceKey>,
        build: &mut StreamBuilder<'_>,
    ) -> Result<CreatedStream, StoreError>;

    /// Up to `limit` committed events with `position > after`, in global order. Costs what
    /// it returns, not what came before `after`.
    fn read_global(&self, after: u64, limit: usize) -> Result<Vec<RecordedEvent>, StoreError>;

    /// [`EventStore::read_global`] as lines in `page` (cleared first), for readers of the
    /// whole log that decode each event once, borrowed. The default writes each event as
    /// its line; a store that keeps lines hands them over as they are.
    fn read_global_lines(&self, after: u64, limit: usize, page: &mut LinePage) -> Result<(), StoreError> {
        page.clear();
        for event in self.read_global(after, limit)? {
            page.push_event(&event)?;
        }
        Ok(())
    }

    /// The position of the last committed event; 0 for an empty store.
    fn head_position(&self) -> Result<u64, StoreError>;

    /// A reader found the store's global order disagreeing with an item's own events (a
    /// file edited, cut or deleted outside jerry): from now on this handle reads the order
    /// re-derived from the items' events, past the damage, and reports what it found
    /// ([`damage`]). False where there is nothing to re-derive: the caller reports the
    /// error it met.
    fn distrust_index(&self) -> Result<bool, StoreError> {
        Ok(false)
    }

    /// The streams whose own events have lines that are no events or versions missing (a
    /// file edited or cut outside the store): what [`EventStore::restore_lost`] can mend.
    /// Costs a read of every stream; empty where nothing but the store writes.
    fn damaged_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        Ok(Vec::new())
    }

    /// Puts back, each at its own version and position, those of `events` (an export from
    /// before the damage) that a damaged stream lost from the middle of its file, where an
    /// append cannot bring them back. Returns how many were put back; 0 where nothing but
    /// the store writes.
    fn restore_lost(&self, _events: Vec<RecordedEvent>) -> Result<u64, StoreError> {
        Ok(0)
    }

    /// A cheap hint that `stream` may have been changed outside the store since the store
    /// last wrote it (a file edited, replaced or deleted by hand): worth the dearer check
    /// of what the log had seen of it. Never a proof either way; false where nothing but
    /// the store writes (databases).
    fn maybe_changed_outside(&self, _stream: &StreamId) -> Result<bool, StoreError> {
        Ok(false)
    }

    /// Blocks until an event after `after` may have been committed, or `timeout` passes.
    /// May wake early without new events; callers re-read. The default polls.
    fn wait_for_events(&self, after: u64, timeout: Duration) -> Result<(), StoreError> {
        let deadline = std::time::Instant::now() + timeout;
        while std::time::Instant::now() < deadline {
            if self.head_position()? > after {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(10).min(timeout));
        }
        Ok(())
    }

    /// Where a cache that is a file of its own (the indexed read model) lives, for stores
    /// that keep files beside the log; `None` for the others.
    fn cache_file(&self, _name: &str) -> Option<std::path::PathBuf> {
        None
    }

    /// Changes whenever streams are archived or brought back (see `jerry archive`); 0 for a
    /// store that never archived anything, and always for stores that cannot. Read models
    /// that leave archived work out compare it with the one they were built at.
    fn archive_generation(&self) -> Result<u64, StoreError> {
        Ok(0)
    }

    /// The streams that are archived: still read like any other (their events keep their
    /// positions), but left out of the read models of current work.
    fn archived_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        Ok(Vec::new())
    }

    /// The streams archived together with `stream` (itself included); empty when it is
    /// not archived.
    fn archived_group(&self, _stream: &StreamId) -> Result<Vec<StreamId>, StoreError> {
        Ok(Vec::new())
    }

    /// A derived cache (a read model) the store keeps beside the log; `None` if absent.
    fn load_cache(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError>;

    /// Replaces a cache whole, atomically: readers see the old bytes or the new ones. Needs
    /// no write lock; concurrent savers each leave a complete cache.
    fn save_cache(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError>;

    /// [`save_cache`](Self::save_cache) with the bytes written by `write` as they are
    /// produced: a store that keeps caches in files streams them there, so a large read
    /// model is never held twice (as values and as one buffer) nor copied again; and a
    /// cache that already holds those bytes may be left alone. When `write` fails, the
    /// cache is left as it was. The other stores collect the bytes first.
    fn save_cache_with(&self, name: &str, write: CacheWriter<'_>) -> Result<(), StoreError> {
        let mut bytes = Vec::new();
        write(&mut bytes).map_err(|err| StoreError::io("cannot write cache", name, err))?;
        self.save_cache(name, &bytes)
    }

    /// A small record the application must not lose (the policies' checkpoint), kept
    /// beside the log but never with the caches; `None` if it was never saved.
    fn load_state(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError>;

    /// Replaces a state record whole and durably: once this returns, the new bytes survive
    /// a crash, and readers see the old bytes or the new ones, never a mix.
    fn save_state(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError>;

    /// Moves every event of `from` to the new stream `to`, keeping each event's id, version
    /// and position, with the content `events` gives (they must be `from`'s committed
    /// events, in order, else nothing changes). One step: readers see the stream under one
    /// id or the other. The only change to stored events jerry makes, and only for sync's
    /// renumbering of an item no other clone has seen (so no copy of them exists anywhere
    /// else).
    fn rename_stream(
        &self,
        from: &StreamId,
        to: &StreamId,
        events: Vec<RecordedEvent>,
    ) -> Result<(), StoreError>;

    fn stream_exists(&self, stream: &StreamId) -> Result<bool, StoreError> {
        Ok(self.current_version(stream)? > 0)
    }

    fn read_all(&self, stream: &StreamId) -> Result<Vec<RecordedEvent>, StoreError> {
        self.read(stream, 1, u64::MAX)
    }
}
