//! Reading without a lock: events by their index entries, in runs of adjacent lines, and
//! the global order re-derived from the streams when the index file is gone or wrong.

use std::fs::File;
use std::io;
use std::path::Path;

use super::index::IndexEntry;
use super::*;
use crate::store::{LinePage, RecordedEvent, StoreError, StreamId};

impl JsonlStore {
    /// Reads each entry's line from its stream and checks it is the event the index says.
    pub(super) fn fetch(&self, entries: &[IndexEntry]) -> Result<Vec<RecordedEvent>, StoreError> {
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
    pub(super) fn fetch_lines(&self, entries: &[IndexEntry], page: &mut LinePage) -> Result<(), StoreError> {
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
    pub(super) fn fetch_runs<'e>(
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
    pub(super) fn visible(&self, entries: Vec<IndexEntry>) -> Result<Vec<IndexEntry>, StoreError> {
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
    pub(super) fn index_from_streams(&self) -> Result<Option<std::sync::Arc<Vec<IndexEntry>>>, StoreError> {
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
    pub(super) fn derived(&self) -> Option<std::sync::Arc<Vec<IndexEntry>>> {
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
    pub(super) fn index_state(&self) -> IndexState {
        let meta = fs_err::metadata(self.index.path()).ok()?;
        Some((meta.len(), meta.modified().ok()?))
    }

    /// Re-derives the global order from the streams and says what the index file lists
    /// that they no longer hold (see [`EventStore::distrust_index`]).
    pub(super) fn derive_index(&self) -> Result<(), StoreError> {
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

    pub(super) fn version_of(&self, stream: &StreamId) -> Result<u64, StoreError> {
        let path = self.stream_path(stream);
        match open_existing(&path, false)? {
            Some(mut file) => Ok(self.read_tail(&path, &mut file)?.0.version),
            None if self.archive.is_empty() => Ok(0),
            None => Ok(self.archive.locate(stream)?.map_or(0, |at| at.version)),
        }
    }
}

/// Opens `name` in the directory `dir` for reading; `None` when it does not exist.
pub(super) fn open_in(dir: &File, name: &str) -> io::Result<Option<File>> {
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
pub(super) fn read_span(file: &File, offset: u64, span: u64, buffer: &mut Vec<u8>) -> io::Result<()> {
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

pub(super) fn read_hint(path: &Path) -> Option<u64> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// Reads backwards from the end of the file until the committed end is known; returns it
/// with the file's current length.
pub(super) fn read_tail(
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
