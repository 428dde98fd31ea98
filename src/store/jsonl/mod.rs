//! The default backend: one JSON Lines file per stream under `data/events/`.
//!
//! Writers serialise on one project-wide OS lock held across the whole
//! read-version → check → write → fsync step. Readers take no lock: a line becomes visible
//! only once complete (and a batch once its last line is), so a reader never sees half of
//! an append. Learning a stream's version reads only the file's last lines, so an append
//! costs the same at event 10 as at event 10,000.

mod append;
mod archive;
mod archived;
mod catalog;
mod doctor;
mod index;
mod index_line;
mod line;
mod lock;
mod loss;
pub mod merge;
mod range;
mod read;
mod rebuild;
mod rename;
mod sound;

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub use crate::store::{Checkup, Finding};
use append::*;
pub use archived::ArchiveOutcome;
pub use doctor::Repair;
pub use index::IndexEntry;
use index::{GlobalIndex, IndexHead};
use line::{analyse_tail, decode_stream, Tail};
use lock::WriteLock;
pub use loss::Loss;
use read::*;
pub use sound::Sound;

use crate::persist::{holds, persist, persist_with, Durability};

use super::{
    check_appends, CacheWriter, CreatedStream, EventStore, ExpectedVersion, LinePage, NewEvent, OnceKey,
    OnceRecord, RecordedEvent, StoreError, StreamAppend, StreamBuilder, StreamId, Written, WrittenAll,
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

    /// Reads backwards from the end of the file until the committed end is known; returns
    /// it with the file's current length.
    fn read_tail(&self, path: &Path, file: &mut File) -> Result<(Tail, u64), StoreError> {
        read_tail(path, file, &mut |mark| self.txn_committed(mark))
    }

    /// Where the committed part of a whole stream file ends.
    fn committed_tail(&self, path: &Path, bytes: &[u8]) -> Result<Option<Tail>, StoreError> {
        analyse_tail(path, bytes, true, &mut |mark| self.txn_committed(mark))
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

    pub fn index_path(&self) -> &Path {
        self.index.path()
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn events_dir(&self) -> &Path {
        &self.events_dir
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

    /// Where the cache entry `name` (`load_cache`, `save_cache`) lies.
    pub fn cache_path(&self, name: &str) -> Result<PathBuf, StoreError> {
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

    fn append_all_at(
        &self,
        appends: Vec<StreamAppend>,
        once: Option<&OnceKey>,
        head: Option<u64>,
    ) -> Result<WrittenAll, StoreError> {
        check_appends(&appends)?;
        if appends.len() < 2 && head.is_none() {
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
        if let Some(expected) = head {
            let actual = self.reconcile_index()?.position;
            if actual != expected {
                return Err(StoreError::HeadMoved { expected, actual });
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

/// Makes a newly created file's directory entry durable.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    crate::persist::sync_dir(dir).map_err(|err| StoreError::io("cannot sync directory", dir, err))
}

#[cfg(test)]
mod tests;
