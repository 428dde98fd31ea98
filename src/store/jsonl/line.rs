//! The line format: one JSON object per line, `\n`-terminated, never rewritten.
//!
//! A multi-event batch is written as consecutive lines that each carry `batch_end`, the
//! version of the batch's last event. A batch counts only once that last line is complete,
//! so a crash part-way through a batch leaves nothing of it visible.
//!
//! A write to several streams at once ([`crate::store::EventStore::append_all`]) marks each
//! of its lines with a [`TxnMark`] naming the *witness*: the batch written last, in the last
//! stream. The lines of every stream count only once the witness batch is complete, so a
//! crash between two streams' writes leaves none of them visible, and a reader that looks
//! between them sees none yet. The mark is in the lines themselves (no side file that could
//! be lost or copied without them), and only a stream's last batch ever needs the check.

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ulid::Ulid;

use crate::store::{Metadata, NewEvent, RecordedEvent, StoreError, StreamId};
use crate::timestamp::Timestamp;

#[derive(Serialize)]
struct LineOut<'a> {
    event_id: Ulid,
    aggregate_type: &'a str,
    aggregate_id: &'a str,
    event_type: &'a str,
    version: u64,
    position: u64,
    schema_version: u32,
    timestamp: Timestamp,
    payload: &'a Value,
    metadata: &'a Metadata,
    #[serde(skip_serializing_if = "Option::is_none")]
    batch_end: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    txn: Option<&'a TxnMark>,
}

/// Ties the lines of one multi-stream write to the batch whose completion commits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct TxnMark {
    /// The same on every line of the write, so the witness is recognised as this write's.
    pub id: Ulid,
    /// The stream written last.
    pub witness: StreamId,
    /// The byte offset of the witness batch's first line in its file.
    pub offset: u64,
    /// The version of the witness batch's last event.
    pub last: u64,
}

/// Answers whether a multi-stream write is committed (its witness batch is complete).
pub(super) type TxnCheck<'a> = dyn FnMut(&TxnMark) -> Result<bool, StoreError> + 'a;

/// Just enough of a line to know where it sits in its stream and batch.
#[derive(Deserialize)]
pub(super) struct LinePosition {
    pub version: u64,
    #[serde(default)]
    pub position: u64,
    #[serde(default)]
    pub batch_end: Option<u64>,
    #[serde(default)]
    pub txn: Option<TxnMark>,
}

impl LinePosition {
    /// True when this line belongs to a batch whose last line is not (yet) on disk.
    pub fn in_open_batch(&self) -> bool {
        self.batch_end.is_some_and(|end| end > self.version)
    }
}

/// Encodes a batch starting after version `current` and at global `first_position` as one
/// buffer, written with one call. Also returns each line's offset in the buffer and length
/// (without its newline).
pub(super) fn encode_batch(
    stream: &StreamId,
    events: &[NewEvent],
    current: u64,
    first_position: u64,
    txn: Option<&TxnMark>,
) -> Result<EncodedBatch, StoreError> {
    let last = current + events.len() as u64;
    let batch_end = (events.len() > 1).then_some(last);
    let mut batch = EncodedBatch::with_capacity(events.len());
    for ((event, version), position) in events.iter().zip(current + 1..).zip(first_position..) {
        batch.push(stream, event, version, position, batch_end, txn)?;
    }
    Ok(batch)
}

/// Committed events re-encoded as lines of `stream` without batch marks (each line counts
/// on its own), with their own versions and positions: a renamed stream's new file.
pub(super) fn encode_committed(
    stream: &StreamId,
    events: &[RecordedEvent],
) -> Result<EncodedBatch, StoreError> {
    let mut batch = EncodedBatch::with_capacity(events.len());
    for event in events {
        batch.push(stream, &event.to_new(), event.version, event.position, None, None)?;
    }
    Ok(batch)
}

impl EncodedBatch {
    fn with_capacity(events: usize) -> Self {
        Self {
            bytes: Vec::with_capacity(events * 384),
            spans: Vec::with_capacity(events),
        }
    }

    /// Appends one line and records its span.
    fn push(
        &mut self,
        stream: &StreamId,
        event: &NewEvent,
        version: u64,
        position: u64,
        batch_end: Option<u64>,
        txn: Option<&TxnMark>,
    ) -> Result<(), StoreError> {
        let start = self.bytes.len() as u64;
        let line = LineOut {
            position,
            event_id: event.event_id,
            aggregate_type: &event.aggregate_type,
            aggregate_id: &event.aggregate_id,
            event_type: &event.event_type,
            version,
            schema_version: event.schema_version,
            timestamp: event.timestamp,
            payload: &event.payload,
            metadata: &event.metadata,
            batch_end,
            txn,
        };
        serde_json::to_writer(&mut self.bytes, &line).map_err(|source| StoreError::Encode {
            stream: stream.clone(),
            source,
        })?;
        self.spans.push((start, self.bytes.len() as u64 - start));
        self.bytes.push(b'\n');
        Ok(())
    }
}

/// A batch ready to write, with each line's (offset in `bytes`, length without newline).
pub(super) struct EncodedBatch {
    pub bytes: Vec<u8>,
    pub spans: Vec<(u64, u64)>,
}

pub(super) fn corrupt(path: &Path, line: Option<u64>, err: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        line,
        reason: err.to_string(),
    }
}

/// Where the committed part of a stream file ends, and the version it ends at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tail {
    pub committed_len: usize,
    pub version: u64,
    /// The global position of the last committed event (0 when there is none).
    pub position: u64,
}

/// Finds the committed end of a stream from the last bytes of its file, without reading
/// the rest: the text after the last `\n` is a torn write, and the lines of a trailing
/// batch whose last line never made it are not committed either.
///
/// `suffix` is the end of the file; `whole` says whether it is all of it. Returns `None`
/// when the suffix is too short to decide, so the caller reads further back.
pub(super) fn analyse_tail(
    path: &Path,
    suffix: &[u8],
    whole: bool,
    committed: &mut TxnCheck<'_>,
) -> Result<Option<Tail>, StoreError> {
    let empty = Tail {
        committed_len: 0,
        version: 0,
        position: 0,
    };
    let Some(last_newline) = suffix.iter().rposition(|&b| b == b'\n') else {
        return Ok(whole.then_some(empty));
    };
    let mut end = last_newline + 1;
    // What the lines being passed over belong to: an unfinished batch, or an uncommitted
    // multi-stream write.
    let mut skipping: Option<Skip> = None;
    loop {
        let start = match suffix[..end - 1].iter().rposition(|&b| b == b'\n') {
            Some(newline) => newline + 1,
            None if whole => 0,
            None => return Ok(None),
        };
        let line_number = || whole.then(|| line_number_at(suffix, start));
        let position: LinePosition = serde_json::from_slice(&suffix[start..end - 1])
            .map_err(|err| corrupt(path, line_number(), err))?;
        let skipped = match &skipping {
            None => false,
            Some(Skip::Batch(batch_end)) => position.batch_end == Some(*batch_end),
            Some(Skip::Txn(id)) => position.txn.as_ref().is_some_and(|t| t.id == *id),
        };
        if !skipped {
            if position.in_open_batch() {
                skipping = position.batch_end.map(Skip::Batch);
            } else if let Some(txn) = &position.txn {
                if committed(txn)? {
                    return Ok(Some(Tail {
                        committed_len: end,
                        version: position.version,
                        position: position.position,
                    }));
                }
                skipping = Some(Skip::Txn(txn.id));
            } else {
                return Ok(Some(Tail {
                    committed_len: end,
                    version: position.version,
                    position: position.position,
                }));
            }
        }
        if start == 0 {
            return Ok(Some(empty));
        }
        end = start;
    }
}

enum Skip {
    Batch(u64),
    Txn(Ulid),
}

/// Reads a witness batch line by line: `Some(true)` once its last event is found complete,
/// `Some(false)` when a line is torn or belongs to another write, `None` to read on.
pub(super) fn witness_line(line: &[u8], txn: &TxnMark) -> Option<bool> {
    let Some(content) = line.strip_suffix(b"\n") else {
        return Some(false);
    };
    let Ok(position) = serde_json::from_slice::<LinePosition>(content) else {
        return Some(false);
    };
    if position.txn.as_ref().map(|t| t.id) != Some(txn.id) {
        return Some(false);
    }
    (position.version >= txn.last).then_some(true)
}

fn line_number_at(bytes: &[u8], offset: usize) -> u64 {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Decodes the committed events of a whole stream file with `from <= version <= to`.
/// Anything malformed inside the committed part is corruption, reported with its line.
pub(super) fn decode_stream(
    path: &Path,
    bytes: &[u8],
    from: u64,
    to: u64,
    committed: &mut TxnCheck<'_>,
) -> Result<Vec<RecordedEvent>, StoreError> {
    let tail = analyse_tail(path, bytes, true, committed)?.unwrap_or(Tail {
        committed_len: 0,
        version: 0,
        position: 0,
    });
    if tail.committed_len == 0 || from > tail.version {
        return Ok(Vec::new());
    }
    decode_lines(path, &bytes[..tail.committed_len], 1, from, tail.version.min(to))
}

/// Decodes the events `from..=last` of `lines`: complete, committed lines (each ending in a
/// newline) whose first holds version `first`. A line holding another version than its place
/// says, or one that is not an event, is corruption, reported with its line number.
pub(super) fn decode_lines(
    path: &Path,
    lines: &[u8],
    first: u64,
    from: u64,
    last: u64,
) -> Result<Vec<RecordedEvent>, StoreError> {
    let Some(lines) = lines.strip_suffix(b"\n") else {
        return Ok(Vec::new());
    };
    // Sized by what the bytes hold, never by the version a line claims: a damaged line could
    // claim any number (found by fuzzing).
    let count = lines.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut events =
        Vec::with_capacity(count.min(usize::try_from(last.saturating_sub(from) + 1).unwrap_or(0)));
    for (line, version) in lines.split(|&b| b == b'\n').zip(first..) {
        if version > last {
            break;
        }
        if version < from {
            continue;
        }
        let event: RecordedEvent =
            serde_json::from_slice(line).map_err(|err| corrupt(path, Some(version), err))?;
        if event.version != version {
            let reason = format!("version {} where {version} was expected", event.version);
            return Err(corrupt(path, Some(version), reason));
        }
        events.push(event);
    }
    Ok(events)
}
