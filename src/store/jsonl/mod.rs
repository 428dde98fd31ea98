//! The default backend: one JSON Lines file per stream under `data/events/`.
//!
//! Writers serialise on one project-wide OS lock held across the whole
//! read-version → check → write → fsync step. Readers take no lock: a line becomes visible
//! only once complete (and a batch once its last line is), so a reader never sees half of
//! an append. Learning a stream's version reads only the file's last lines, so an append
//! costs the same at event 10 as at event 10,000.

mod archive;
mod catalog;
mod doctor;
mod index;
mod index_line;
mod line;
mod lock;
mod loss;
pub mod merge;
mod range;
mod rebuild;
mod rename;

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use crate::store::{Checkup, Finding};
pub use doctor::Repair;
pub use index::IndexEntry;
use index::{GlobalIndex, IndexHead};
use line::{analyse_tail, decode_stream, encode_batch, witness_line, Tail, TxnMark};
use lock::WriteLock;
pub use loss::Loss;

use crate::persist::{holds, persist, persist_with, Durability};

use super::{
    check_appends, Appended, CacheWriter, CreatedStream, EventStore, ExpectedVersion, LinePage, NewEvent,
    OnceKey, OnceRecord, RecordedEvent, StoreError, StreamAppend, StreamBuilder, StreamId, Written,
    WrittenAll,
};

/// The index file's length and modification time when the order was derived.
type IndexState = Option<(u64, std::time::SystemTime)>;

/// The global order re-derived from the streams, and the index file as it was then.
struct Derived {
    seen: IndexState,
    entries: std::sync::Arc<Vec<IndexEntry>>,
}

/// Sees one run of back-to-back lines: its entries (all of one stream), where the run
/// starts in the buffer, and the buffer.
type RunVisitor<'v, 'e> = dyn FnMut(&'e [IndexEntry], usize, &[u8]) -> Result<(), StoreError> + 'v;

/// How long a writer waits for another process's append before giving up.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(10);

const TAIL_CHUNK: u64 = 4096;
/// No line the store writes is this long; an index entry that says so is damaged.
const MAX_LINE: u64 = 64 * 1024 * 1024;
/// The most bytes one read of back-to-back lines takes.
const RUN_BYTES: u64 = 4 * 1024 * 1024;

/// Decodes the bytes of a stream file exactly as a reader of the store does: the committed
/// events, or the corruption found. For tools and fuzzing; `path` only labels errors.
pub fn decode_stream_bytes(path: &Path, bytes: &[u8]) -> Result<Vec<RecordedEvent>, StoreError> {
    // Without the store around the bytes, a multi-stream write counts as not committed.
    decode_stream(path, bytes, 1, u64::MAX, &mut |_| Ok(false))
}

/// What [`JsonlStore::archive_groups`] moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchiveOutcome {
    pub streams: Vec<StreamId>,
    /// Groups left alone because a stream changed after the caller looked.
    pub moved_groups: usize,
    pub segment: Option<String>,
    /// The streams' bytes before compression, and the segment's size on disk.
    pub bytes_in: u64,
    pub segment_bytes: u64,
}

pub struct JsonlStore {
    data_dir: PathBuf,
    events_dir: PathBuf,
    lock: WriteLock,
    index: GlobalIndex,
    watch: crate::store::watch::Watch,
    archive: archive::Archive,
    /// The global order re-derived from the streams, once a reader found the index file
    /// disagreeing with them (see [`EventStore::distrust_index`]).
    derived: std::sync::Mutex<Option<Box<Derived>>>,
}

impl JsonlStore {
    /// Opens the store rooted at a project's `.jerry/data` directory. Touches nothing on
    /// disk: directories and the lock file are created by the first append.
    pub fn open(data_dir: impl Into<PathBuf>) -> Self {
        Self::with_lock_timeout(data_dir, DEFAULT_LOCK_TIMEOUT)
    }

    pub fn with_lock_timeout(data_dir: impl Into<PathBuf>, timeout: Duration) -> Self {
        let data_dir = data_dir.into();
        Self {
            events_dir: data_dir.join("events"),
            lock: WriteLock::new(data_dir.join("write.lock"), timeout),
            index: GlobalIndex::new(data_dir.join("index.jsonl")),
            watch: crate::store::watch::Watch::new(data_dir.clone()),
            archive: archive::Archive::new(&data_dir),
            derived: std::sync::Mutex::new(None),
            data_dir,
        }
    }

    /// Takes the write lock, then finishes or undoes a rename a crash interrupted (see
    /// `rename.rs`) and brings back a lost archive catalog (see `catalog.rs`), before
    /// anything reads a stream's tail.
    fn lock_for_write(&self) -> Result<lock::WriteGuard<'_>, StoreError> {
        let guard = self.lock.acquire()?;
        rename::recover(self)?;
        self.recover_catalog()?;
        Ok(guard)
    }

    pub fn stream_path(&self, stream: &StreamId) -> PathBuf {
        self.events_dir.join(stream_file_name(stream))
    }

    /// Creates the events directory on first use, and makes each directory entry it had to
    /// create durable, so a crash cannot lose the folder a just-acknowledged file lives in.
    fn ensure_dirs(&self) -> Result<(), StoreError> {
        if self.events_dir.is_dir() {
            return Ok(());
        }
        let missing: Vec<&Path> = self
            .events_dir
            .ancestors()
            .take_while(|dir| !dir.exists())
            .collect();
        fs_err::create_dir_all(&self.events_dir)
            .map_err(|err| StoreError::io("cannot create directory", &self.events_dir, err))?;
        for dir in missing {
            if let Some(parent) = dir.parent() {
                sync_dir(parent)?;
            }
        }
        Ok(())
    }

    /// The body of an append; the caller holds the write lock. Order of writes: the index
    /// entries (fsync), then the stream lines (fsync). See `index.rs` for why.
    fn append_locked(
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
        let written = self.write_stream(&path, file_len, tail, &batch.bytes);
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
    fn append_all_locked(
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
            let (tail, existing) = match open_existing(&path, true)? {
                Some(mut file) => {
                    let (tail, len) = self.read_tail(&path, &mut file)?;
                    (tail, Some((file, len)))
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
        for (number, ((path, tail, existing), bytes)) in targets.into_iter().zip(batches).enumerate() {
            if number > 0 {
                crate::faults::inject("between-streams");
            }
            if let Err(err) = self.write_stream(&path, existing, tail, &bytes) {
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
    fn txn_committed(&self, mark: &TxnMark) -> Result<bool, StoreError> {
        if self.witness_answers(mark)? {
            return Ok(true);
        }
        // The witness stream was renamed after the write committed (sync's renumbering).
        Ok(rename::sealed(self, &mark.id))
    }

    fn witness_answers(&self, mark: &TxnMark) -> Result<bool, StoreError> {
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

    /// Reads backwards from the end of the file until the committed end is known; returns
    /// it with the file's current length.
    fn read_tail(&self, path: &Path, file: &mut File) -> Result<(Tail, u64), StoreError> {
        read_tail(path, file, &mut |mark| self.txn_committed(mark))
    }

    /// Where the committed part of a whole stream file ends.
    fn committed_tail(&self, path: &Path, bytes: &[u8]) -> Result<Option<Tail>, StoreError> {
        analyse_tail(path, bytes, true, &mut |mark| self.txn_committed(mark))
    }

    fn write_stream(
        &self,
        path: &Path,
        existing: Option<(File, u64)>,
        tail: Tail,
        buffer: &[u8],
    ) -> Result<(), StoreError> {
        let created = existing.is_none();
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
        write_durably(path, &mut file, tail.committed_len as u64, buffer)?;
        if created {
            sync_dir(&self.events_dir)?;
        }
        Ok(())
    }

    /// Under the write lock: the committed end of the global index. Rebuilds the index
    /// from the streams if it is missing while streams exist.
    fn reconcile_index(&self) -> Result<IndexHead, StoreError> {
        if !self.index.exists() && self.has_stream_files()? {
            rebuild::rebuild_index(self)?;
        }
        self.index.reconcile(|stream| self.version_of(stream))
    }

    fn has_stream_files(&self) -> Result<bool, StoreError> {
        Ok(!self.list_streams()?.is_empty())
    }

    /// Reads each entry's line from its stream and checks it is the event the index says.
    fn fetch(&self, entries: &[IndexEntry]) -> Result<Vec<RecordedEvent>, StoreError> {
        let mut events = Vec::with_capacity(entries.len());
        let mut buffer = Vec::new();
        self.fetch_runs(entries, &mut buffer, false, &mut |batch, start, buffer| {
            let first_offset = batch[0].offset;
            for entry in batch {
                let mismatch = |reason: String| StoreError::Corrupt {
                    path: self.stream_path(&entry.stream),
                    line: Some(entry.version),
                    reason,
                };
                let from =
                    start.saturating_add(usize::try_from(entry.offset - first_offset).unwrap_or(usize::MAX));
                let end = from.saturating_add(usize::try_from(entry.length).unwrap_or(usize::MAX));
                let line = buffer
                    .get(from..end)
                    .ok_or_else(|| mismatch("global index points past its line".to_owned()))?;
                let event: RecordedEvent = serde_json::from_slice(line)
                    .map_err(|err| mismatch(format!("global index points at a bad line: {err}")))?;
                if event.position != entry.position || event.version != entry.version {
                    return Err(mismatch(format!(
                        "global index says position {} version {}, the stream says position {} version {}",
                        entry.position, entry.version, event.position, event.version
                    )));
                }
                events.push(event);
            }
            Ok(())
        })?;
        Ok(events)
    }

    /// The entries' lines into `page`, undecoded: each is checked against its entry by
    /// whoever decodes it ([`LinePage::line`]).
    fn fetch_lines(&self, entries: &[IndexEntry], page: &mut LinePage) -> Result<(), StoreError> {
        page.clear();
        let mut buffer = std::mem::take(page.buffer());
        let mut source = (None::<&StreamId>, 0);
        let fetched = self.fetch_runs(entries, &mut buffer, true, &mut |batch, start, buffer| {
            if source.0 != Some(&batch[0].stream) {
                source = (
                    Some(&batch[0].stream),
                    page.source(self.stream_path(&batch[0].stream)),
                );
            }
            let first_offset = batch[0].offset;
            for entry in batch {
                let from =
                    start.saturating_add(usize::try_from(entry.offset - first_offset).unwrap_or(usize::MAX));
                let end = from.saturating_add(usize::try_from(entry.length).unwrap_or(usize::MAX));
                if end > buffer.len() {
                    return Err(StoreError::Corrupt {
                        path: self.stream_path(&entry.stream),
                        line: Some(entry.version),
                        reason: "global index points past its line".to_owned(),
                    });
                }
                page.push(from, end, entry.position, entry.version, source.1);
            }
            Ok(())
        });
        *page.buffer() = buffer;
        fetched
    }

    /// Reads the entries' lines run by run: entries whose lines lie back to back in one
    /// file (a batch, or one stream's run of writes) are read with one call, into `buffer`
    /// (appended to with `keep`, else replacing the last run), and handed to `each` with
    /// the file's path and where the run starts in the buffer.
    fn fetch_runs<'e>(
        &self,
        entries: &'e [IndexEntry],
        buffer: &mut Vec<u8>,
        keep: bool,
        each: &mut RunVisitor<'_, 'e>,
    ) -> Result<(), StoreError> {
        /// Where a stream's lines are read from: its file, or its archived bytes (found
        /// in the catalog, then read once its first run is reached).
        enum Source {
            File(File),
            Located(archive::Located),
            Archived(std::sync::Arc<Vec<u8>>),
            Missing,
        }
        // Every stream of the page is opened first, so that the archived ones (no file) are
        // looked up in the catalog together. A stream neither on disk nor archived is still
        // reported at its first entry, in log order; another error opening a file (no
        // permission, say) now ends the page's read before any of its runs is handed on.
        let mut files: std::collections::HashMap<&StreamId, Source> = std::collections::HashMap::new();
        let mut missing = Vec::new();
        // Files are opened relative to the events directory: the kernel then walks one
        // name per stream instead of the whole path.
        let events_dir = match File::open(&self.events_dir) {
            Ok(dir) => Some(dir),
            Err(err) if err.kind() == io::ErrorKind::NotFound => None,
            Err(err) => return Err(StoreError::io("cannot open", &self.events_dir, err)),
        };
        // One buffer names every file: a page of a replay opens some 400 of them.
        let mut name = String::new();
        for entry in entries {
            if let std::collections::hash_map::Entry::Vacant(slot) = files.entry(&entry.stream) {
                name.clear();
                entry.stream.push_file_stem(&mut name);
                name.push_str(".jsonl");
                let opened = match &events_dir {
                    Some(dir) => open_in(dir, &name)
                        .map_err(|err| StoreError::io("cannot open", self.stream_path(&entry.stream), err))?,
                    None => None,
                };
                let source = match opened {
                    Some(file) => Source::File(file),
                    None => {
                        missing.push(&entry.stream);
                        Source::Missing
                    }
                };
                slot.insert(source);
            }
        }
        if !missing.is_empty() && !self.archive.is_empty() {
            for (stream, located) in missing.iter().zip(self.archive.locate_many(&missing)?) {
                if let (Some(located), Some(source)) = (located, files.get_mut(stream)) {
                    *source = Source::Located(located);
                }
            }
        }
        let mut rest = entries;
        while let Some(first) = rest.first() {
            if first.length > MAX_LINE {
                return Err(StoreError::Corrupt {
                    path: self.stream_path(&first.stream),
                    line: Some(first.version),
                    reason: format!("global index gives a line of {} bytes", first.length),
                });
            }
            let mut span = first.length;
            let run = 1 + rest
                .windows(2)
                .take_while(|pair| {
                    span = span.saturating_add(pair[1].length.saturating_add(1));
                    pair[1].stream == pair[0].stream
                        && pair[0].offset.saturating_add(pair[0].length).saturating_add(1) == pair[1].offset
                        && span <= RUN_BYTES
                })
                .count();
            let (batch, after) = rest.split_at(run);
            rest = after;
            let Some(source) = files.get_mut(&first.stream) else {
                continue;
            };
            if let Source::Located(located) = source {
                *source = Source::Archived(self.archive.bytes(located)?);
            }
            let last = &batch[batch.len() - 1];
            let span = last
                .offset
                .saturating_add(last.length)
                .saturating_sub(first.offset);
            // A file shorter than the index says is damage, reported by the entry whose
            // line is missing or wrong, not an I/O error.
            if !keep {
                buffer.clear();
            }
            let start = buffer.len();
            match source {
                Source::File(file) => read_span(file, first.offset, span, buffer)
                    .map_err(|err| StoreError::io("cannot read", self.stream_path(&first.stream), err))?,
                Source::Archived(bytes) => {
                    let from = usize::try_from(first.offset)
                        .unwrap_or(usize::MAX)
                        .min(bytes.len());
                    let end = from
                        .saturating_add(usize::try_from(span).unwrap_or(usize::MAX))
                        .min(bytes.len());
                    buffer.extend_from_slice(&bytes[from..end]);
                }
                Source::Missing | Source::Located(_) => {
                    return Err(StoreError::io(
                        "cannot open",
                        self.stream_path(&first.stream),
                        io::ErrorKind::NotFound.into(),
                    ))
                }
            }
            each(batch, start, buffer)?;
        }
        Ok(())
    }

    /// Drops trailing index entries whose stream lines are not committed yet: a writer is
    /// between its index write and its stream writes, or crashed there. Only the last write
    /// can be uncommitted, but it may span several streams, and it may commit while this
    /// looks: so once the entries are cut, the last one is checked again, and the cut is
    /// only trusted if it is still uncommitted (a commit is never undone, so the kept
    /// entries then belong to earlier writes).
    fn visible(&self, entries: Vec<IndexEntry>) -> Result<Vec<IndexEntry>, StoreError> {
        let Some(last) = entries.last().cloned() else {
            return Ok(entries);
        };
        loop {
            if self.version_of(&last.stream)? >= last.version {
                return Ok(entries);
            }
            let mut kept = entries.clone();
            let mut committed: std::collections::HashMap<StreamId, u64> = std::collections::HashMap::new();
            while let Some(entry) = kept.last() {
                let version = match committed.get(&entry.stream) {
                    Some(version) => *version,
                    None => {
                        let version = self.version_of(&entry.stream)?;
                        committed.insert(entry.stream.clone(), version);
                        version
                    }
                };
                if entry.version <= version {
                    break;
                }
                kept.pop();
            }
            if self.version_of(&last.stream)? < last.version {
                return Ok(kept);
            }
        }
    }

    /// The bytes of an archived stream (none when `stream` is not archived).
    fn archived_bytes(&self, stream: &StreamId) -> Result<Option<std::sync::Arc<Vec<u8>>>, StoreError> {
        if self.archive.is_empty() {
            return Ok(None);
        }
        match self.archive.locate(stream)? {
            Some(located) => self.archive.bytes(&located).map(Some),
            None => Ok(None),
        }
    }

    /// A stream's whole file, or its archived bytes: what rebuilding the index and doctor read.
    pub(super) fn stream_bytes(&self, stream: &StreamId) -> Result<Vec<u8>, StoreError> {
        let path = self.stream_path(stream);
        match fs_err::read(&path) {
            Ok(bytes) => Ok(bytes),
            Err(err) if err.kind() == io::ErrorKind::NotFound => match self.archived_bytes(stream)? {
                Some(bytes) => Ok(bytes.as_ref().clone()),
                None => Err(StoreError::io("cannot read", &path, err)),
            },
            Err(err) => Err(StoreError::io("cannot read", &path, err)),
        }
    }

    /// Under the write lock, before a write to `stream`: an archived stream comes back to
    /// `events/` with every stream archived in its group (items that refer to each other
    /// return together, so no item in the read model names one that is not there).
    fn restore_if_archived(&self, stream: &StreamId) -> Result<(), StoreError> {
        if self.archive.is_empty() {
            return Ok(());
        }
        let Some(located) = self.archive.locate(stream)? else {
            return Ok(());
        };
        let group = self.archive.group(located.group)?;
        self.ensure_dirs()?;
        for (member, at) in &group {
            let path = self.stream_path(member);
            if path.exists() {
                // Put back by a restore that crashed before it updated the catalog.
                continue;
            }
            let bytes = self.archive.bytes(at)?;
            persist(&path, &bytes, Durability::Durable)
                .map_err(|err| StoreError::io("cannot restore archived stream", &path, err))?;
        }
        let members: Vec<StreamId> = group.into_iter().map(|(member, _)| member).collect();
        self.archive.remove(&members)
    }

    /// Moves each group of streams into one new archive segment, in one step: the
    /// segment is written, the catalog commits every group at once, then the files go.
    /// Each stream comes with the version its caller decided on; a group with a stream
    /// that has moved since (or has nothing committed) stays where it is, whole.
    pub fn archive_groups(&self, groups: &[Vec<(StreamId, u64)>]) -> Result<ArchiveOutcome, StoreError> {
        self.ensure_dirs()?;
        let _guard = self.lock_for_write()?;
        self.finish_archiving()?;
        let mut leaving = Vec::with_capacity(groups.len());
        let mut moved = 0;
        'groups: for group in groups {
            let mut members = Vec::with_capacity(group.len());
            for (stream, expected) in group {
                let path = self.stream_path(stream);
                let Some(mut file) = open_existing(&path, false)? else {
                    moved += 1;
                    continue 'groups;
                };
                let (tail, _) = self.read_tail(&path, &mut file)?;
                if tail.version == 0 || tail.version != *expected {
                    moved += 1;
                    continue 'groups;
                }
                members.push(archive::Leaving {
                    stream: stream.clone(),
                    path,
                    len: tail.committed_len as u64,
                    version: tail.version,
                });
            }
            if !members.is_empty() {
                leaving.push(members);
            }
        }
        if leaving.is_empty() {
            return Ok(ArchiveOutcome {
                moved_groups: moved,
                ..ArchiveOutcome::default()
            });
        }
        let bytes_in: u64 = leaving.iter().flatten().map(|l| l.len).sum();
        let segment = self.archive.add(&leaving)?;
        crate::faults::inject("archive-committed");
        let streams: Vec<StreamId> = leaving.into_iter().flatten().map(|l| l.stream).collect();
        for stream in &streams {
            let path = self.stream_path(stream);
            fs_err::remove_file(&path).map_err(|err| StoreError::io("cannot remove archived", &path, err))?;
        }
        sync_dir(&self.events_dir)?;
        let segment_bytes = fs_err::metadata(self.archive.dir().join(&segment)).map_or(0, |m| m.len());
        Ok(ArchiveOutcome {
            streams,
            moved_groups: moved,
            segment: Some(segment),
            bytes_in,
            segment_bytes,
        })
    }

    /// Finishes an archive step a crash interrupted after its catalog commit: a stream
    /// with both a row and its file of the same length loses the file. (A restore that
    /// crashed before its catalog update leaves the same state, and ends archived: the
    /// next write to it restores it again.)
    fn finish_archiving(&self) -> Result<(), StoreError> {
        if self.archive.is_empty() {
            return Ok(());
        }
        let mut removed = false;
        for (stream, at) in self.archive.all()? {
            let path = self.stream_path(&stream);
            if fs_err::metadata(&path).is_ok_and(|m| m.len() == at.len) {
                fs_err::remove_file(&path)
                    .map_err(|err| StoreError::io("cannot remove archived", &path, err))?;
                removed = true;
            }
        }
        if removed {
            sync_dir(&self.events_dir)?;
        }
        Ok(())
    }

    pub fn index_path(&self) -> &Path {
        self.index.path()
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn events_dir(&self) -> &Path {
        &self.events_dir
    }

    /// Up to `limit` index entries after `after` whose events are committed: the global
    /// order without reading the events themselves.
    pub fn read_index(&self, after: u64, limit: usize) -> Result<Vec<IndexEntry>, StoreError> {
        if let Some(entries) = self.index_from_streams()? {
            let from = entries.partition_point(|entry| entry.position <= after);
            return Ok(entries[from..].iter().take(limit).cloned().collect());
        }
        self.visible(self.index.read_after(after, limit)?)
    }

    /// With the index file gone while streams exist (deleted by hand, or a copy without
    /// it), the global order built from the streams themselves — a full read, until the
    /// next writer (or `doctor --repair`) puts the file back — so a read never shows an
    /// empty log that is not empty. Writes nothing.
    fn index_from_streams(&self) -> Result<Option<std::sync::Arc<Vec<IndexEntry>>>, StoreError> {
        if let Some(derived) = self.derived() {
            return Ok(Some(derived));
        }
        if self.index.exists() || !self.has_stream_files()? {
            return Ok(None);
        }
        self.derive_index()?;
        Ok(self.derived())
    }

    /// The order re-derived from the streams, while the index file is as it was then: a
    /// writer that has since appended to it (or rebuilt it) is trusted again, and a reader
    /// that still finds it wrong derives anew. So a long-lived reader (follow, the board)
    /// goes on seeing new events.
    fn derived(&self) -> Option<std::sync::Arc<Vec<IndexEntry>>> {
        let mut derived = self
            .derived
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match &*derived {
            Some(kept) if kept.seen == self.index_state() => Some(std::sync::Arc::clone(&kept.entries)),
            Some(_) => {
                *derived = None;
                None
            }
            None => None,
        }
    }

    /// The index file's length and modification time, or `None` while there is none.
    fn index_state(&self) -> IndexState {
        let meta = fs_err::metadata(self.index.path()).ok()?;
        Some((meta.len(), meta.modified().ok()?))
    }

    /// Re-derives the global order from the streams and says what the index file lists
    /// that they no longer hold (see [`EventStore::distrust_index`]).
    fn derive_index(&self) -> Result<(), StoreError> {
        let (entries, damaged) = rebuild::entries_despite_damage(self)?;
        for stream in &damaged {
            report_damaged(stream, "has lines that are no events or versions missing");
        }
        // Held wherever its position now is (an import brings a lost event back at a new one).
        let held: std::collections::HashSet<(&StreamId, u64)> = entries
            .iter()
            .map(|entry| (&entry.stream, entry.version))
            .collect();
        let mut gone: std::collections::BTreeMap<&StreamId, (IndexEntry, usize)> =
            std::collections::BTreeMap::new();
        let listed = self.index.read_after(0, usize::MAX).unwrap_or_default();
        for entry in &listed {
            if !held.contains(&(&entry.stream, entry.version)) {
                gone.entry(&entry.stream).or_insert_with(|| (entry.clone(), 0)).1 += 1;
            }
        }
        for (stream, (first, count)) in gone {
            let more = if count > 1 {
                format!(" (and {} more of its events)", count - 1)
            } else {
                String::new()
            };
            crate::store::damage::report(format!(
                "{} version {}, position {}, {}{more}: listed in the index, gone from its stream — removed outside jerry",
                display_of(stream),
                first.version,
                first.position,
                first.event_type
            ));
        }
        *self
            .derived
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Box::new(Derived {
            seen: self.index_state(),
            entries: std::sync::Arc::new(entries),
        }));
        Ok(())
    }

    fn version_of(&self, stream: &StreamId) -> Result<u64, StoreError> {
        let path = self.stream_path(stream);
        match open_existing(&path, false)? {
            Some(mut file) => Ok(self.read_tail(&path, &mut file)?.0.version),
            None if self.archive.is_empty() => Ok(0),
            None => Ok(self.archive.locate(stream)?.map_or(0, |at| at.version)),
        }
    }

    fn once_path(&self, key: &str) -> Result<PathBuf, StoreError> {
        let stem = StreamId::new(key)
            .map_err(|_| {
                StoreError::InvalidStreamId(
                    key.to_owned(),
                    "an idempotency key needs 1 to 200 bytes and no control characters",
                )
            })?
            .file_stem();
        Ok(self.data_dir.join("idempotency").join(format!("{stem}.json")))
    }

    /// Durable before the events it names are written (see `store::once`).
    fn write_once_record(&self, record: &OnceRecord) -> Result<(), StoreError> {
        let path = self.once_path(&record.key)?;
        let dir = self.data_dir.join("idempotency");
        let io = |err| StoreError::io("cannot record idempotency key in", &dir, err);
        fs_err::create_dir_all(&dir).map_err(io)?;
        let bytes = serde_json::to_vec(record).map_err(|err| line::corrupt(&path, None, err))?;
        persist(&path, &bytes, Durability::Durable).map_err(io)
    }

    fn cache_path(&self, name: &str) -> Result<PathBuf, StoreError> {
        let stem = StreamId::new(name)?.file_stem();
        Ok(self.data_dir.join("cache").join(format!("{stem}.json")))
    }

    fn state_path(&self, name: &str) -> Result<PathBuf, StoreError> {
        let stem = StreamId::new(name)?.file_stem();
        Ok(self.data_dir.join("state").join(format!("{stem}.json")))
    }

    fn hint_path(&self, family: &str) -> Result<PathBuf, StoreError> {
        let stem = StreamId::new(family)?.file_stem();
        Ok(self.data_dir.join("sequences").join(format!("{stem}.next")))
    }
}

/// `WORK-001` for `work_item-WORK-001`: how a person knows the item.
pub(super) fn display_of(stream: &StreamId) -> &str {
    stream
        .as_str()
        .split_once('-')
        .map_or(stream.as_str(), |(_, id)| id)
}

fn report_damaged(stream: &StreamId, what: &str) {
    crate::store::damage::report(format!(
        "{}: its file {}.jsonl {what} — changed outside jerry",
        display_of(stream),
        stream.file_stem()
    ));
}

const EMPTY_TAIL: Tail = Tail {
    committed_len: 0,
    version: 0,
    position: 0,
};

impl EventStore for JsonlStore {
    fn append_once(
        &self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
        once: Option<&OnceKey>,
    ) -> Result<Written, StoreError> {
        if events.is_empty() {
            return Err(StoreError::EmptyBatch(stream.clone()));
        }
        if let Some(once) = once {
            self.once_path(&once.key)?;
        }
        self.ensure_dirs()?;
        let _guard = self.lock_for_write()?;
        if let Some(once) = once {
            if let Some(record) = self.lookup_once(&once.key)? {
                return record.answer(once);
            }
        }
        let appended = self.append_locked(stream, &events, expected, once.map(|once| (once, None)))?;
        Ok(Written {
            appended,
            replayed: false,
        })
    }

    fn append_all(
        &self,
        appends: Vec<StreamAppend>,
        once: Option<&OnceKey>,
    ) -> Result<WrittenAll, StoreError> {
        check_appends(&appends)?;
        if appends.len() < 2 {
            let mut appended = Vec::new();
            let mut replayed = false;
            for append in appends {
                let written = self.append_once(&append.stream, append.events, append.expected, once)?;
                appended.push(written.appended);
                replayed = written.replayed;
            }
            return Ok(WrittenAll { appended, replayed });
        }
        if let Some(once) = once {
            self.once_path(&once.key)?;
        }
        self.ensure_dirs()?;
        let _guard = self.lock_for_write()?;
        if let Some(once) = once {
            if let Some(record) = self.lookup_once(&once.key)? {
                return record.answer_all(once);
            }
        }
        let appended = self.append_all_locked(&appends, once)?;
        Ok(WrittenAll {
            appended,
            replayed: false,
        })
    }

    fn cache_file(&self, name: &str) -> Option<PathBuf> {
        let plain = !name.starts_with('.')
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        plain.then(|| self.data_dir.join("cache").join(name))
    }

    fn archive_generation(&self) -> Result<u64, StoreError> {
        self.archive.generation()
    }

    fn archived_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        self.archive.streams()
    }

    fn archived_group(&self, stream: &StreamId) -> Result<Vec<StreamId>, StoreError> {
        if self.archive.is_empty() {
            return Ok(Vec::new());
        }
        Ok(match self.archive.locate(stream)? {
            Some(at) => self
                .archive
                .group(at.group)?
                .into_iter()
                .map(|(s, _)| s)
                .collect(),
            None => Vec::new(),
        })
    }

    fn load_cache(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let path = self.cache_path(name)?;
        match fs_err::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(StoreError::io("cannot read", &path, err)),
        }
    }

    /// Replaced whole but not fsynced ([`Durability::Cache`]): a lost cache is rebuilt
    /// from the log.
    fn save_cache(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.cache_path(name)?;
        persist(&path, bytes, Durability::Cache)
            .map_err(|err| StoreError::io("cannot write cache", &path, err))
    }

    fn load_state(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let path = self.state_path(name)?;
        match fs_err::read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(err) => Err(StoreError::io("cannot read", &path, err)),
        }
    }

    /// In `data/state/`, apart from `data/cache/` (which may be deleted at any time), and
    /// written durably ([`Durability::Durable`]).
    fn save_cache_with(&self, name: &str, write: CacheWriter<'_>) -> Result<(), StoreError> {
        let path = self.cache_path(name)?;
        // A replay mostly rebuilds what the cache already was: compared, not rewritten.
        if holds(&path, &mut *write) {
            return Ok(());
        }
        persist_with(&path, Durability::Cache, |sink| write(sink))
            .map_err(|err| StoreError::io("cannot write cache", &path, err))
    }

    fn save_state(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.state_path(name)?;
        persist(&path, bytes, Durability::Durable).map_err(|err| StoreError::io("cannot write", &path, err))
    }

    fn once_records(&self) -> Result<Vec<OnceRecord>, StoreError> {
        let dir = self.data_dir.join("idempotency");
        let entries = match fs_err::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(StoreError::io("cannot list", &dir, err)),
        };
        let mut records = Vec::new();
        for entry in entries {
            let path = entry
                .map_err(|err| StoreError::io("cannot list", &dir, err))?
                .path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let bytes = fs_err::read(&path).map_err(|err| StoreError::io("cannot read", &path, err))?;
            let record: OnceRecord =
                serde_json::from_slice(&bytes).map_err(|err| line::corrupt(&path, None, err))?;
            if record.is_committed(self)? {
                records.push(record);
            }
        }
        records.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(records)
    }

    fn restore_once(&self, record: &OnceRecord) -> Result<(), StoreError> {
        self.once_path(&record.key)?;
        self.ensure_dirs()?;
        let _guard = self.lock_for_write()?;
        if self.lookup_once(&record.key)?.is_none() {
            self.write_once_record(record)?;
        }
        Ok(())
    }

    fn lookup_once(&self, key: &str) -> Result<Option<OnceRecord>, StoreError> {
        let path = self.once_path(key)?;
        let bytes = match fs_err::read(&path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(StoreError::io("cannot read", &path, err)),
        };
        let record: OnceRecord =
            serde_json::from_slice(&bytes).map_err(|err| line::corrupt(&path, None, err))?;
        // A record whose events never committed is left over from a crash: the key is free.
        Ok(record.is_committed(self)?.then_some(record))
    }

    fn read(&self, stream: &StreamId, from: u64, to: u64) -> Result<Vec<RecordedEvent>, StoreError> {
        let path = self.stream_path(stream);
        match open_existing(&path, false)? {
            Some(mut file) => range::read_range(&path, &mut file, from.max(1), to, &mut |mark| {
                self.txn_committed(mark)
            }),
            // Archived bytes hold only committed lines (see `archive.rs`).
            None => match self.archived_bytes(stream)? {
                Some(bytes) => decode_stream(&path, &bytes, from.max(1), to, &mut |_| Ok(true)),
                None => Ok(Vec::new()),
            },
        }
    }

    fn current_version(&self, stream: &StreamId) -> Result<u64, StoreError> {
        self.version_of(stream)
    }

    fn read_global(&self, after: u64, limit: usize) -> Result<Vec<RecordedEvent>, StoreError> {
        let entries = self.read_index(after, limit)?;
        let fetched = match self.fetch(&entries) {
            // A rename replaced the index between the read and the fetch (sync's
            // renumbering, rare): the index read again names the stream's new file.
            Err(_) if !entries.is_empty() => {
                let entries = self.read_index(after, limit)?;
                self.fetch(&entries)
            }
            result => result,
        };
        match fetched {
            // Still not what the streams hold: an edit outside jerry. Read past it.
            Err(err) if crate::store::damage::index_disagrees(&err) && self.distrust_index()? => {
                let entries = self.read_index(after, limit)?;
                self.fetch(&entries)
            }
            result => result,
        }
    }

    fn read_global_lines(&self, after: u64, limit: usize, page: &mut LinePage) -> Result<(), StoreError> {
        let entries = self.read_index(after, limit)?;
        let fetched = match self.fetch_lines(&entries, page) {
            // As in `read_global`: a rename replaced the index between the two reads.
            Err(_) if !entries.is_empty() => {
                let entries = self.read_index(after, limit)?;
                self.fetch_lines(&entries, page)
            }
            result => result,
        };
        match fetched {
            // As in `read_global`; a line the index misplaces without running past the
            // file is found as its reader decodes it, and the reader asks the same.
            Err(err) if crate::store::damage::index_disagrees(&err) && self.distrust_index()? => {
                let entries = self.read_index(after, limit)?;
                self.fetch_lines(&entries, page)
            }
            result => result,
        }
    }

    /// The store writes the index entry of an append before its stream lines, and
    /// rewrites (merges, repairs) rebuild the index after the files: so a stream file
    /// newer than the index is either the one the last append wrote (the index's last
    /// entry names its last version) or changed since by someone else. A file gone is
    /// changed too.
    fn maybe_changed_outside(&self, stream: &StreamId) -> Result<bool, StoreError> {
        let modified = |path: &Path| fs_err::metadata(path).ok().and_then(|m| m.modified().ok());
        let Some(file) = modified(&self.stream_path(stream)) else {
            return Ok(true);
        };
        if modified(self.index.path()).is_some_and(|index| file <= index) {
            return Ok(false);
        }
        match self.index.last_entry()? {
            Some(last) if last.stream == *stream => Ok(last.version != self.version_of(stream)?),
            _ => Ok(true),
        }
    }

    fn distrust_index(&self) -> Result<bool, StoreError> {
        if self.derived().is_none() {
            self.derive_index()?;
        }
        Ok(true)
    }

    fn damaged_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        Ok(rebuild::entries_despite_damage(self)?.1)
    }

    fn restore_lost(&self, events: Vec<RecordedEvent>) -> Result<u64, StoreError> {
        self.restore_from(events)
    }

    fn rename_stream(
        &self,
        from: &StreamId,
        to: &StreamId,
        events: Vec<RecordedEvent>,
    ) -> Result<(), StoreError> {
        self.ensure_dirs()?;
        let _guard = self.lock_for_write()?;
        self.restore_if_archived(from)?;
        rename::rename(self, from, to, &events)
    }

    /// Sleeps on file-change notifications for the data directory (inotify and friends),
    /// falling back to short polls where the filesystem gives none.
    fn wait_for_events(&self, after: u64, timeout: Duration) -> Result<(), StoreError> {
        self.watch.wait(timeout, || Ok(self.head_position()? > after))
    }

    fn head_position(&self) -> Result<u64, StoreError> {
        if let Some(entries) = self.index_from_streams()? {
            return Ok(entries.last().map_or(0, |entry| entry.position));
        }
        let Some(last) = self.index.last_entry()? else {
            return Ok(0);
        };
        loop {
            if self.version_of(&last.stream)? >= last.version {
                return Ok(last.position);
            }
            // The last write is not committed (yet): walk back to the last entry that is,
            // and trust the answer only if the last write did not commit meanwhile (see
            // `visible`).
            let head = self.index.reconcile(|stream| self.version_of(stream))?.position;
            if self.version_of(&last.stream)? < last.version {
                return Ok(head);
            }
        }
    }

    fn list_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        let entries = match fs_err::read_dir(&self.events_dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(StoreError::io("cannot list", &self.events_dir, err)),
        };
        let mut streams = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|err| StoreError::io("cannot list", &self.events_dir, err))?;
            let name = entry.file_name();
            let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".jsonl")) else {
                continue;
            };
            let Some(stream) = StreamId::from_file_stem(stem) else {
                continue;
            };
            // An empty file is a creation that crashed before its first event.
            let non_empty = entry.metadata().map_or(true, |m| m.len() > 0);
            if non_empty {
                streams.push(stream);
            }
        }
        if self.archive.is_empty() {
            streams.sort();
        } else {
            streams.extend(self.archive.streams()?);
            streams.sort();
            streams.dedup();
        }
        Ok(streams)
    }

    fn create_numbered_stream(
        &self,
        family: &str,
        once: Option<&OnceKey>,
        build: &mut StreamBuilder<'_>,
    ) -> Result<CreatedStream, StoreError> {
        let hint_path = self.hint_path(family)?;
        if let Some(once) = once {
            self.once_path(&once.key)?;
        }
        self.ensure_dirs()?;
        let _guard = self.lock_for_write()?;
        if let Some(once) = once {
            if let Some(record) = self.lookup_once(&once.key)? {
                let written = record.answer(once)?;
                return Ok(CreatedStream {
                    stream: record.stream,
                    number: record.number.unwrap_or_default(),
                    version: written.appended.version,
                    replayed: true,
                });
            }
        }
        let mut number = match read_hint(&hint_path) {
            Some(hint) => hint.max(1),
            None => self.first_free_number(build)?,
        };
        loop {
            let (stream, events) = build(number)?;
            if self.version_of(&stream)? == 0 {
                let version = self
                    .append_locked(
                        &stream,
                        &events,
                        ExpectedVersion::NoStream,
                        once.map(|once| (once, Some(number))),
                    )?
                    .version;
                // The hint only saves probes; the stream files stay the truth, so a lost or
                // stale hint costs time, never a duplicate.
                let _ = write_hint(&hint_path, number + 1);
                return Ok(CreatedStream {
                    stream,
                    number,
                    version,
                    replayed: false,
                });
            }
            number += 1;
        }
    }
}

impl JsonlStore {
    /// Without a hint (a new project, or one built by a tool), finds the first unused
    /// number in O(log n) probes, relying on numbers being handed out from 1 without gaps:
    /// doubling until a free one, then bisecting. The caller still probes upwards from it.
    fn first_free_number(&self, build: &mut StreamBuilder<'_>) -> Result<u64, StoreError> {
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

fn open_existing(path: &Path, write: bool) -> Result<Option<File>, StoreError> {
    match fs_err::OpenOptions::new().read(true).write(write).open(path) {
        Ok(file) => Ok(Some(file.into_parts().0)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(StoreError::io("cannot open", path, err)),
    }
}

/// The name of a stream's file in the events directory.
fn stream_file_name(stream: &StreamId) -> String {
    format!("{}.jsonl", stream.file_stem())
}

/// Opens `name` in the directory `dir` for reading; `None` when it does not exist.
fn open_in(dir: &File, name: &str) -> io::Result<Option<File>> {
    use rustix::fs::{Mode, OFlags};
    match rustix::fs::openat(dir, name, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty()) {
        Ok(fd) => Ok(Some(File::from(fd))),
        Err(rustix::io::Errno::NOENT) => Ok(None),
        Err(errno) => Err(io::Error::from(errno)),
    }
}

/// Appends up to `span` bytes of `file` from `offset` to `buffer` with positioned reads: one
/// system call for a run, where seeking and then reading took two (replay reads a run from
/// each of 100,000 files). A file shorter than that leaves fewer bytes, which the caller
/// reports as damage at the line they miss.
fn read_span(file: &File, offset: u64, span: u64, buffer: &mut Vec<u8>) -> io::Result<()> {
    use std::os::unix::fs::FileExt;
    let start = buffer.len();
    let wanted = usize::try_from(span).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?;
    buffer.resize(start.saturating_add(wanted), 0);
    let mut filled = 0;
    while filled < wanted {
        match file.read_at(
            &mut buffer[start + filled..],
            offset.saturating_add(filled as u64),
        ) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => {
                buffer.truncate(start);
                return Err(err);
            }
        }
    }
    buffer.truncate(start + filled);
    Ok(())
}

fn create_new(path: &Path) -> Result<File, StoreError> {
    fs_err::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(path)
        .map(|file| file.into_parts().0)
        .map_err(|err| StoreError::io("cannot create", path, err))
}

/// Reads backwards from the end of the file until the committed end is known; returns it
/// with the file's current length.
fn read_tail(
    path: &Path,
    file: &mut File,
    committed: &mut line::TxnCheck<'_>,
) -> Result<(Tail, u64), StoreError> {
    let io_err = |err| StoreError::io("cannot read", path, err);
    let len = file.metadata().map_err(io_err)?.len();
    let mut size = len.min(TAIL_CHUNK);
    loop {
        let mut buffer = vec![0; usize::try_from(size).unwrap_or(usize::MAX)];
        file.seek(SeekFrom::Start(len - size)).map_err(io_err)?;
        file.read_exact(&mut buffer).map_err(io_err)?;
        if let Some(tail) = analyse_tail(path, &buffer, size == len, committed)? {
            let offset = usize::try_from(len - size).unwrap_or(usize::MAX);
            let tail = Tail {
                committed_len: offset + tail.committed_len,
                version: tail.version,
                position: tail.position,
            };
            return Ok((tail, len));
        }
        size = len.min(size * 4);
    }
}

/// Writes `buffer` at `offset` and returns only once it is on stable storage. On failure the
/// file is cut back to `offset`, so a failed append leaves nothing behind.
fn write_durably(path: &Path, file: &mut File, offset: u64, buffer: &[u8]) -> Result<(), StoreError> {
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

/// Makes a newly created file's directory entry durable.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    crate::persist::sync_dir(dir).map_err(|err| StoreError::io("cannot sync directory", dir, err))
}

fn read_hint(path: &Path) -> Option<u64> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// Only a hint (losing it costs a search for the next free number), so a cache write.
fn write_hint(path: &Path, next: u64) -> io::Result<()> {
    persist(path, next.to_string().as_bytes(), Durability::Cache)
}

#[cfg(test)]
mod tests;
