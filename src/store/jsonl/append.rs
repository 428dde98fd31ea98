//! Appending: the write lock, the index entries first, then the stream's lines, each
//! fsynced; a write to several streams commits when its witness batch is complete.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::index::IndexEntry;
use super::line::{encode_batch, witness_line, Tail, TxnMark};
use super::*;
use crate::persist::{persist, Durability};
use crate::store::{
    Appended, ExpectedVersion, NewEvent, OnceKey, OnceRecord, StoreError, StreamAppend, StreamId,
};

impl JsonlStore {
    /// The body of an append; the caller holds the write lock. Order of writes: the index
    /// entries (fsync), then the stream lines (fsync). See `index.rs` for why.
    pub(super) fn append_locked(
        &self,
        stream: &StreamId,
        events: &[NewEvent],
        expected: ExpectedVersion,
        once: Option<(&OnceKey, Option<u64>)>,
    ) -> Result<Appended, StoreError> {
        if events.is_empty() {
            return Err(StoreError::EmptyBatch(stream.clone()));
        }
        self.restore_if_archived(stream)?;
        let path = self.stream_path(stream);
        let existing = open_existing(&path, true)?;
        let (tail, file_len) = match existing {
            Some(mut file) => {
                let (tail, len) = self.read_tail(&path, &mut file)?;
                (tail, Some((file, len)))
            }
            None => (EMPTY_TAIL, None),
        };
        expected.check(stream, tail.version)?;
        let mut head = self.reconcile_index()?;
        if tail.position > head.position {
            // The index lost entries this stream has (damage, not a crash: the index is
            // written first). Rebuild it from the streams rather than reuse positions.
            rebuild::rebuild_index(self)?;
            head = self.reconcile_index()?;
        }
        let batch = encode_batch(stream, events, tail.version, head.position + 1, None)?;
        let entries: Vec<IndexEntry> = events
            .iter()
            .zip(batch.spans)
            .zip(1..)
            .map(|((event, (offset, length)), n)| IndexEntry {
                position: head.position + n,
                stream: stream.clone(),
                version: tail.version + n,
                offset: tail.committed_len as u64 + offset,
                length,
                event_type: event.event_type.as_str().into(),
                timestamp: event.timestamp,
            })
            .collect();
        let count = events.len() as u64;
        let appended = Appended {
            version: tail.version + count,
            position: head.position + count,
        };
        if let Some((once, number)) = once {
            if let Some(record) = OnceRecord::new(once, &[(stream.clone(), count, appended)], number) {
                self.write_once_record(&record)?;
            }
        }
        self.index.write(&head, &entries)?;
        let written = self.write_stream(&path, file_len, tail, &batch.bytes, Flush::Full);
        if let Err(err) = written {
            self.index.roll_back(&head);
            return Err(err);
        }
        Ok(appended)
    }

    /// [`EventStore::append_all`] for two or more streams; the caller holds the write lock.
    /// Every expectation is checked before anything is written. Then, in this order: the
    /// idempotency record, the index entries of every batch, each stream's lines (fsync each),
    /// the witness stream last. Until the witness is complete no line of the write counts,
    /// so a failure or crash anywhere before leaves nothing visible, and the next writer of
    /// each stream cuts its uncommitted lines off as it would a torn tail.
    pub(super) fn append_all_locked(
        &self,
        appends: &[StreamAppend],
        once: Option<&OnceKey>,
    ) -> Result<Vec<Appended>, StoreError> {
        let mut targets = Vec::with_capacity(appends.len());
        for append in appends {
            self.restore_if_archived(&append.stream)?;
        }
        for append in appends {
            let path = self.stream_path(&append.stream);
            // Only the file's length is kept: the file is opened again to be written, so a
            // write of 100,000 items never holds 100,000 files open at once.
            let (tail, existing) = match open_existing(&path, false)? {
                Some(mut file) => {
                    let (tail, len) = self.read_tail(&path, &mut file)?;
                    (tail, Some(len))
                }
                None => (EMPTY_TAIL, None),
            };
            append.expected.check(&append.stream, tail.version)?;
            targets.push((path, tail, existing));
        }
        let mut head = self.reconcile_index()?;
        if targets.iter().any(|(_, tail, _)| tail.position > head.position) {
            rebuild::rebuild_index(self)?;
            head = self.reconcile_index()?;
        }
        let (Some(witness), Some((_, witness_tail, _))) = (appends.last(), targets.last()) else {
            return Ok(Vec::new());
        };
        let mark = TxnMark {
            id: ulid::Ulid::new(),
            witness: witness.stream.clone(),
            offset: witness_tail.committed_len as u64,
            last: witness_tail.version + witness.events.len() as u64,
        };
        let mut position = head.position;
        let mut batches = Vec::with_capacity(appends.len());
        let mut entries = Vec::new();
        let mut spans = Vec::with_capacity(appends.len());
        for (append, (_, tail, _)) in appends.iter().zip(&targets) {
            let batch = encode_batch(
                &append.stream,
                &append.events,
                tail.version,
                position + 1,
                Some(&mark),
            )?;
            for ((event, (offset, length)), n) in append.events.iter().zip(&batch.spans).zip(1..) {
                entries.push(IndexEntry {
                    position: position + n,
                    stream: append.stream.clone(),
                    version: tail.version + n,
                    offset: tail.committed_len as u64 + offset,
                    length: *length,
                    event_type: event.event_type.as_str().into(),
                    timestamp: event.timestamp,
                });
            }
            let count = append.events.len() as u64;
            position += count;
            spans.push((
                append.stream.clone(),
                count,
                Appended {
                    version: tail.version + count,
                    position,
                },
            ));
            batches.push(batch.bytes);
        }
        if let Some(record) = once.and_then(|once| OnceRecord::new(once, &spans, None)) {
            self.write_once_record(&record)?;
        }
        self.index.write(&head, &entries)?;
        let mut written: Vec<(PathBuf, u64)> = Vec::with_capacity(targets.len());
        let count = targets.len();
        let bulk = cfg!(target_os = "linux") && count >= SYNC_ONCE_FROM;
        let mut created = false;
        for (number, ((path, tail, existing), bytes)) in targets.into_iter().zip(batches).enumerate() {
            if number > 0 {
                crate::faults::inject("between-streams");
            }
            // Everything before the witness (the last batch, which commits the write) is
            // made durable before the witness is written, and only then: the new files'
            // directory entries in one directory sync, and, for a write of many streams,
            // their data in one sync of the file system (an import of 10,000 new items
            // was 20,000 syncs).
            let witness = number + 1 == count;
            // The write lock is held: a file seen a moment ago is still there, unless
            // something outside jerry removed it, which must not become a new file.
            let reopened = match existing {
                Some(len) => open_existing(&path, true).and_then(|file| {
                    file.map(|file| (file, len)).map(Some).ok_or_else(|| {
                        let gone =
                            std::io::Error::new(std::io::ErrorKind::NotFound, "removed during the write");
                        StoreError::io("cannot open", &path, gone)
                    })
                }),
                None => Ok(None),
            };
            let result = reopened.and_then(|existing| {
                if witness {
                    let before = if bulk {
                        sync_filesystem(&self.events_dir)
                    } else if created {
                        sync_dir(&self.events_dir)
                    } else {
                        Ok(())
                    };
                    before.and_then(|()| self.write_stream(&path, existing, tail, &bytes, Flush::Full))
                } else {
                    created |= existing.is_none();
                    let flush = if bulk { Flush::Nothing } else { Flush::Data };
                    self.write_stream(&path, existing, tail, &bytes, flush)
                }
            });
            if let Err(err) = result {
                // Best effort: the lines already written are not committed (their witness
                // is missing) whatever happens here; cutting them off only tidies.
                for (path, len) in &written {
                    if let Ok(file) = fs_err::OpenOptions::new().write(true).open(path) {
                        let _ = file.set_len(*len);
                    }
                }
                self.index.roll_back(&head);
                return Err(err);
            }
            written.push((path, tail.committed_len as u64));
        }
        Ok(spans.into_iter().map(|(_, _, appended)| appended).collect())
    }

    /// Whether a multi-stream write is committed: its witness batch is complete, where the
    /// mark says, and marked as this write. Reads only that batch.
    pub(super) fn txn_committed(&self, mark: &TxnMark) -> Result<bool, StoreError> {
        if self.witness_answers(mark)? {
            return Ok(true);
        }
        // The witness stream was renamed after the write committed (sync's renumbering).
        Ok(rename::sealed(self, &mark.id))
    }

    pub(super) fn witness_answers(&self, mark: &TxnMark) -> Result<bool, StoreError> {
        use std::io::BufRead;
        let path = self.stream_path(&mark.witness);
        let Some(mut file) = open_existing(&path, false)? else {
            // An archived witness: its bytes are whole, so the batch is there if it ever was.
            let Some(bytes) = self.archived_bytes(&mark.witness)? else {
                return Ok(false);
            };
            let start = usize::try_from(mark.offset).unwrap_or(usize::MAX);
            let mut lines = bytes
                .get(start..)
                .unwrap_or_default()
                .split_inclusive(|&b| b == b'\n');
            return Ok(lines.find_map(|line| witness_line(line, mark)).unwrap_or(false));
        };
        let io_err = |err| StoreError::io("cannot read", &path, err);
        let len = file.metadata().map_err(io_err)?.len();
        if len <= mark.offset {
            return Ok(false);
        }
        file.seek(SeekFrom::Start(mark.offset)).map_err(io_err)?;
        let mut reader = io::BufReader::new(file);
        let mut line = Vec::with_capacity(512);
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line).map_err(io_err)? == 0 {
                return Ok(false);
            }
            if let Some(answer) = witness_line(&line, mark) {
                return Ok(answer);
            }
        }
    }

    pub(super) fn write_stream(
        &self,
        path: &Path,
        existing: Option<(File, u64)>,
        tail: Tail,
        buffer: &[u8],
        flush: Flush,
    ) -> Result<(), StoreError> {
        let created = existing.is_none() && flush == Flush::Full;
        let mut file = match existing {
            Some((file, len)) => {
                if len > tail.committed_len as u64 {
                    // A torn write or unfinished batch from a crashed writer: never committed,
                    // so it is dropped before anything new is written after it.
                    file.set_len(tail.committed_len as u64)
                        .map_err(|err| StoreError::io("cannot repair torn tail of", path, err))?;
                }
                file
            }
            None => create_new(path)?,
        };
        if flush == Flush::Nothing {
            write_unsynced(path, &mut file, tail.committed_len as u64, buffer)?;
        } else {
            write_durably(path, &mut file, tail.committed_len as u64, buffer)?;
        }
        if created {
            sync_dir(&self.events_dir)?;
        }
        Ok(())
    }
}

pub(super) fn create_new(path: &Path) -> Result<File, StoreError> {
    fs_err::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(path)
        .map(|file| file.into_parts().0)
        .map_err(|err| StoreError::io("cannot create", path, err))
}

/// A multi-stream write of at least this many streams makes its batches durable with one
/// sync of the file system instead of one sync a file.
const SYNC_ONCE_FROM: usize = 64;

/// What a stream's write makes durable before it returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flush {
    /// The data, and a new file's directory entry.
    Full,
    /// The data only: the caller syncs the directory.
    Data,
    /// Nothing: the caller syncs the file system before it commits.
    Nothing,
}

/// [`write_durably`] without the sync, for a caller that syncs the file system later.
fn write_unsynced(path: &Path, file: &mut File, offset: u64, buffer: &[u8]) -> Result<(), StoreError> {
    let result = file
        .seek(SeekFrom::Start(offset))
        .and_then(|_| file.write_all(buffer));
    if let Err(err) = result {
        let _ = file.set_len(offset);
        return Err(StoreError::io("cannot append to", path, err));
    }
    Ok(())
}

/// Makes every write to the file system that holds `dir` durable (data and directory
/// entries): one `syncfs` on Linux, which reports a failed writeback since 5.8.
fn sync_filesystem(dir: &Path) -> Result<(), StoreError> {
    let io_err = |err| StoreError::io("cannot sync the file system of", dir, err);
    let handle = fs_err::File::open(dir).map_err(io_err)?;
    #[cfg(target_os = "linux")]
    {
        rustix::fs::syncfs(&handle).map_err(|err| io_err(err.into()))
    }
    // Elsewhere a bulk write syncs each file (see `bulk`): only the directory is left.
    #[cfg(not(target_os = "linux"))]
    {
        handle.sync_all().map_err(io_err)
    }
}

/// Writes `buffer` at `offset` and returns only once it is on stable storage. On failure the
/// file is cut back to `offset`, so a failed append leaves nothing behind.
pub(super) fn write_durably(
    path: &Path,
    file: &mut File,
    offset: u64,
    buffer: &[u8],
) -> Result<(), StoreError> {
    let result = file
        .seek(SeekFrom::Start(offset))
        .and_then(|_| file.write_all(buffer))
        .and_then(|()| file.sync_data());
    if let Err(err) = result {
        let _ = file.set_len(offset);
        return Err(StoreError::io("cannot append to", path, err));
    }
    Ok(())
}

/// Only a hint (losing it costs a search for the next free number), so a cache write.
pub(super) fn write_hint(path: &Path, next: u64) -> io::Result<()> {
    persist(path, next.to_string().as_bytes(), Durability::Cache)
}

impl JsonlStore {
    /// Without a hint (a new project, or one built by a tool), finds the first unused
    /// number in O(log n) probes, relying on numbers being handed out from 1 without gaps:
    /// doubling until a free one, then bisecting. The caller still probes upwards from it.
    pub(super) fn first_free_number(&self, build: &mut StreamBuilder<'_>) -> Result<u64, StoreError> {
        let mut used = |number: u64| -> Result<bool, StoreError> {
            let (stream, _) = build(number)?;
            Ok(self.version_of(&stream)? > 0)
        };
        if !used(1)? {
            return Ok(1);
        }
        let mut high = 2;
        while used(high)? {
            high = high.saturating_mul(2);
        }
        let mut low = high / 2;
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if used(middle)? {
                low = middle;
            } else {
                high = middle;
            }
        }
        Ok(high)
    }
}
