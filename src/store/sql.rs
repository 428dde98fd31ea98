//! What the SQL backends share: the append and numbered-create algorithms, written once
//! against the few statements each database provides inside its write transaction.
//!
//! Both run every write in one transaction that first takes the project's write lock
//! (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: the project's row in `jerry_heads`, `FOR
//! UPDATE`). Everything after — the idempotency check, the version check, the positions —
//! is decided under that lock, and the lock is held until the commit.

use super::{
    check_appends, check_rename, Appended, CreatedStream, ExpectedVersion, NewEvent, OnceKey, OnceRecord,
    RecordedEvent, StoreError, StreamAppend, StreamBuilder, StreamId, Written, WrittenAll,
};

/// The statements a backend runs inside its write transaction.
pub(crate) trait WriteTx {
    /// Takes the project's write lock (if the transaction does not hold it already) and
    /// returns the last committed position.
    fn lock_head(&mut self) -> Result<u64, StoreError>;
    fn version(&mut self, stream: &StreamId) -> Result<u64, StoreError>;
    fn once(&mut self, key: &str) -> Result<Option<OnceRecord>, StoreError>;
    fn put_once(&mut self, record: &OnceRecord) -> Result<(), StoreError>;
    /// Inserts the events and moves the head to the last one's position.
    fn insert(&mut self, stream: &StreamId, events: &[RecordedEvent]) -> Result<(), StoreError>;
    /// Where the last numbered create of `family` left off; a hint, never the truth.
    fn next_number(&mut self, family: &str) -> Result<Option<u64>, StoreError>;
    fn set_next_number(&mut self, family: &str, next: u64) -> Result<(), StoreError>;
    /// The stream's committed events, oldest first.
    fn stream_events(&mut self, stream: &StreamId) -> Result<Vec<RecordedEvent>, StoreError>;
    /// Stores each event (by its position) under `stream` with its new content.
    fn reseat(&mut self, stream: &StreamId, events: &[RecordedEvent]) -> Result<(), StoreError>;
}

/// [`super::EventStore::rename_stream`] under the transaction's write lock.
pub(crate) fn rename(
    tx: &mut impl WriteTx,
    from: &StreamId,
    to: &StreamId,
    events: &[RecordedEvent],
) -> Result<(), StoreError> {
    tx.lock_head()?;
    let current = tx.stream_events(from)?;
    let to_exists = tx.version(to)? > 0;
    check_rename(from, to, &current, events, to_exists)?;
    tx.reseat(to, events)
}

/// One committed event as the SQL backends keep it: the JSON line a JSONL store would
/// hold, so every backend hands back the same bytes.
pub(crate) fn encode(stream: &StreamId, event: &RecordedEvent) -> Result<String, StoreError> {
    serde_json::to_string(event).map_err(|source| StoreError::Encode {
        stream: stream.clone(),
        source,
    })
}

pub(crate) fn decode(store: &str, position: i64, body: &str) -> Result<RecordedEvent, StoreError> {
    serde_json::from_str(body).map_err(|err| StoreError::Corrupt {
        path: store.into(),
        line: u64::try_from(position).ok(),
        reason: format!("the event at this position cannot be read: {err}"),
    })
}

/// Appends under the transaction's write lock; see [`super::EventStore::append_once`].
pub(crate) fn append(
    tx: &mut impl WriteTx,
    stream: &StreamId,
    events: Vec<NewEvent>,
    expected: ExpectedVersion,
    once: Option<&OnceKey>,
) -> Result<Written, StoreError> {
    let appends = vec![StreamAppend {
        stream: stream.clone(),
        events,
        expected,
    }];
    let written = append_all(tx, appends, once, None)?;
    let appended = written
        .appended
        .first()
        .copied()
        .ok_or_else(|| StoreError::EmptyBatch(stream.clone()))?;
    Ok(Written {
        appended,
        replayed: written.replayed,
    })
}

/// Appends every batch under the transaction's write lock, or none (the transaction is
/// rolled back on any error); see [`super::EventStore::append_all_at`].
pub(crate) fn append_all(
    tx: &mut impl WriteTx,
    appends: Vec<StreamAppend>,
    once: Option<&OnceKey>,
    expected_head: Option<u64>,
) -> Result<WrittenAll, StoreError> {
    check_appends(&appends)?;
    let head = tx.lock_head()?;
    if let Some(once) = once {
        if let Some(record) = tx.once(&once.key)? {
            return record.answer_all(once);
        }
    }
    if let Some(expected) = expected_head.filter(|expected| *expected != head) {
        return Err(StoreError::HeadMoved {
            expected,
            actual: head,
        });
    }
    let appended = append_locked(tx, head, appends, once, None)?;
    Ok(WrittenAll {
        appended,
        replayed: false,
    })
}

/// Creates the first free numbered stream under the transaction's write lock; see
/// [`super::EventStore::create_numbered_stream`].
pub(crate) fn create_numbered(
    tx: &mut impl WriteTx,
    family: &str,
    once: Option<&OnceKey>,
    build: &mut StreamBuilder<'_>,
) -> Result<CreatedStream, StoreError> {
    let head = tx.lock_head()?;
    if let Some(once) = once {
        if let Some(record) = tx.once(&once.key)? {
            let written = record.answer(once)?;
            return Ok(CreatedStream {
                stream: record.stream.clone(),
                number: record.number.unwrap_or_default(),
                version: written.appended.version,
                replayed: true,
            });
        }
    }
    let mut number = tx.next_number(family)?.unwrap_or(1).max(1);
    loop {
        let (stream, events) = build(number)?;
        if tx.version(&stream)? == 0 {
            let appends = vec![StreamAppend {
                stream: stream.clone(),
                events,
                expected: ExpectedVersion::NoStream,
            }];
            check_appends(&appends)?;
            let appended = append_locked(tx, head, appends, once, Some(number))?;
            tx.set_next_number(family, number + 1)?;
            return Ok(CreatedStream {
                stream,
                number,
                version: appended.first().map_or(0, |a| a.version),
                replayed: false,
            });
        }
        number += 1;
    }
}

fn append_locked(
    tx: &mut impl WriteTx,
    head: u64,
    appends: Vec<StreamAppend>,
    once: Option<&OnceKey>,
    number: Option<u64>,
) -> Result<Vec<Appended>, StoreError> {
    let mut currents = Vec::with_capacity(appends.len());
    for append in &appends {
        let current = tx.version(&append.stream)?;
        append.expected.check(&append.stream, current)?;
        currents.push(current);
    }
    let mut position = head;
    let mut spans = Vec::with_capacity(appends.len());
    for (append, current) in appends.into_iter().zip(currents) {
        let recorded: Vec<RecordedEvent> = append
            .events
            .into_iter()
            .zip(current + 1..)
            .zip(position + 1..)
            .map(|((event, version), position)| event.recorded(version, position))
            .collect();
        let count = recorded.len() as u64;
        position += count;
        tx.insert(&append.stream, &recorded)?;
        spans.push((
            append.stream,
            count,
            Appended {
                version: current + count,
                position,
            },
        ));
    }
    if let Some(record) = once.and_then(|once| OnceRecord::new(once, &spans, number)) {
        tx.put_once(&record)?;
    }
    Ok(spans.into_iter().map(|(_, _, appended)| appended).collect())
}

/// Converts a database integer that jerry itself wrote as a `u64`.
pub(crate) fn unsigned(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

/// Converts a `u64` for a database's signed 64-bit integer, saturating: no log reaches
/// 2^63 events, and a caller's `u64::MAX` ("to the end") must still compare as largest.
pub(crate) fn signed(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}
