//! The default backend: one JSON Lines file per stream under `data/events/`.
//!
//! Writers serialise on one project-wide OS lock held across the whole
//! read-version → check → write → fsync step. Readers take no lock: a line becomes visible
//! only once complete (and a batch once its last line is), so a reader never sees half of
//! an append. Learning a stream's version reads only the file's last lines, so an append
//! costs the same at event 10 as at event 10,000.

mod line;
mod lock;

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use line::{analyse_tail, decode_stream, encode_batch, Tail};
use lock::WriteLock;

use super::{
    CreatedStream, EventStore, ExpectedVersion, NewEvent, RecordedEvent, StoreError, StreamBuilder, StreamId,
};

/// How long a writer waits for another process's append before giving up.
pub const DEFAULT_LOCK_TIMEOUT: Duration = Duration::from_secs(10);

const TAIL_CHUNK: u64 = 4096;

pub struct JsonlStore {
    data_dir: PathBuf,
    events_dir: PathBuf,
    lock: WriteLock,
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
            data_dir,
        }
    }

    pub fn stream_path(&self, stream: &StreamId) -> PathBuf {
        self.events_dir.join(format!("{}.jsonl", stream.file_stem()))
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

    /// The body of an append; the caller holds the write lock.
    fn append_locked(
        &self,
        stream: &StreamId,
        events: &[NewEvent],
        expected: ExpectedVersion,
    ) -> Result<u64, StoreError> {
        if events.is_empty() {
            return Err(StoreError::EmptyBatch(stream.clone()));
        }
        let path = self.stream_path(stream);
        let existing = open_existing(&path, true)?;
        let (tail, file_len) = match existing {
            Some(mut file) => {
                let (tail, len) = read_tail(&path, &mut file)?;
                (tail, Some((file, len)))
            }
            None => (EMPTY_TAIL, None),
        };
        expected.check(stream, tail.version)?;
        let buffer = encode_batch(stream, events, tail.version)?;
        let created = file_len.is_none();
        let mut file = match file_len {
            Some((file, len)) => {
                if len > tail.committed_len as u64 {
                    // A torn write or unfinished batch from a crashed writer: never committed,
                    // so it is dropped before anything new is written after it.
                    file.set_len(tail.committed_len as u64)
                        .map_err(|err| StoreError::io("cannot repair torn tail of", &path, err))?;
                }
                file
            }
            None => create_new(&path)?,
        };
        write_durably(&path, &mut file, tail.committed_len as u64, &buffer)?;
        if created {
            sync_dir(&self.events_dir)?;
        }
        Ok(tail.version + events.len() as u64)
    }

    fn version_of(&self, stream: &StreamId) -> Result<u64, StoreError> {
        let path = self.stream_path(stream);
        match open_existing(&path, false)? {
            Some(mut file) => Ok(read_tail(&path, &mut file)?.0.version),
            None => Ok(0),
        }
    }

    fn hint_path(&self, family: &str) -> Result<PathBuf, StoreError> {
        let stem = StreamId::new(family)?.file_stem();
        Ok(self.data_dir.join("sequences").join(format!("{stem}.next")))
    }
}

const EMPTY_TAIL: Tail = Tail {
    committed_len: 0,
    version: 0,
};

impl EventStore for JsonlStore {
    fn append(
        &self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
    ) -> Result<u64, StoreError> {
        if events.is_empty() {
            return Err(StoreError::EmptyBatch(stream.clone()));
        }
        self.ensure_dirs()?;
        let _guard = self.lock.acquire()?;
        self.append_locked(stream, &events, expected)
    }

    fn read(&self, stream: &StreamId, from: u64, to: u64) -> Result<Vec<RecordedEvent>, StoreError> {
        let path = self.stream_path(stream);
        match fs_err::read(&path) {
            Ok(bytes) => decode_stream(&path, &bytes, from.max(1), to),
            Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(err) => Err(StoreError::io("cannot read", &path, err)),
        }
    }

    fn current_version(&self, stream: &StreamId) -> Result<u64, StoreError> {
        self.version_of(stream)
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
            let non_empty = entry.metadata().map(|m| m.len() > 0).unwrap_or(true);
            if non_empty {
                streams.push(stream);
            }
        }
        streams.sort();
        Ok(streams)
    }

    fn create_numbered_stream(
        &self,
        family: &str,
        build: &mut StreamBuilder<'_>,
    ) -> Result<CreatedStream, StoreError> {
        let hint_path = self.hint_path(family)?;
        self.ensure_dirs()?;
        let _guard = self.lock.acquire()?;
        let mut number = read_hint(&hint_path).unwrap_or(1).max(1);
        loop {
            let (stream, events) = build(number)?;
            if self.version_of(&stream)? == 0 {
                let version = self.append_locked(&stream, &events, ExpectedVersion::NoStream)?;
                // The hint only saves probes; the stream files stay the truth, so a lost or
                // stale hint costs time, never a duplicate.
                let _ = write_hint(&hint_path, number + 1);
                return Ok(CreatedStream {
                    stream,
                    number,
                    version,
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
fn read_tail(path: &Path, file: &mut File) -> Result<(Tail, u64), StoreError> {
    let io_err = |err| StoreError::io("cannot read", path, err);
    let len = file.metadata().map_err(io_err)?.len();
    let mut size = len.min(TAIL_CHUNK);
    loop {
        let mut buffer = vec![0; usize::try_from(size).unwrap_or(usize::MAX)];
        file.seek(SeekFrom::Start(len - size)).map_err(io_err)?;
        file.read_exact(&mut buffer).map_err(io_err)?;
        if let Some(tail) = analyse_tail(path, &buffer, size == len)? {
            let offset = usize::try_from(len - size).unwrap_or(usize::MAX);
            let tail = Tail {
                committed_len: offset + tail.committed_len,
                version: tail.version,
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
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|err| StoreError::io("cannot sync directory", dir, err))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

fn read_hint(path: &Path) -> Option<u64> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

fn write_hint(path: &Path, next: u64) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let temp = path.with_extension("next.tmp");
    std::fs::write(&temp, next.to_string())?;
    std::fs::rename(&temp, path)
}

#[cfg(test)]
mod tests;
