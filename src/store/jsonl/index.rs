//! The global index: one JSON line per event, in position order, naming the event's stream,
//! version and byte range. It gives the whole store one order and lets a reader start at any
//! position in O(log n) seeks.
//!
//! Writers append index entries (and `fsync` them) *before* the stream lines, under the write
//! lock. So a crash can only ever leave index entries whose events are missing from their
//! stream, and only at the very end; the next writer drops them (`reconcile`, O(1)), and
//! readers never show an entry whose stream line is not committed.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::index_line;
use super::line::corrupt;
use crate::store::{StoreError, StreamId};
use crate::timestamp::Timestamp;

const CHUNK: u64 = 4096;
/// How much of the index one read takes in (a page of a replay is some 700 KB).
const READ_BYTES: usize = 256 * 1024;
/// Entries room is made for before the first is read, at most (a doctor reads them all).
const ENTRIES_AHEAD: usize = 16 * 1024;
/// Below this many bytes, a linear scan beats further bisection.
const SCAN_WINDOW: u64 = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub position: u64,
    pub stream: StreamId,
    pub version: u64,
    /// Byte offset of the event's line in its stream file.
    pub offset: u64,
    /// Length of that line without its newline.
    pub length: u64,
    /// Shared between the entries of a page that name the same type (see `Recent` in
    /// `index_line`).
    pub event_type: Arc<str>,
    pub timestamp: Timestamp,
}

/// Where the committed index ends: the next entry goes at `committed_len` with position
/// `position + 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct IndexHead {
    pub committed_len: u64,
    pub position: u64,
    pub file_len: u64,
}

pub(super) struct GlobalIndex {
    path: PathBuf,
}

impl GlobalIndex {
    pub fn new(path: PathBuf) -> Self {
        Self { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn io(&self, context: &'static str) -> impl Fn(io::Error) -> StoreError + '_ {
        move |err| StoreError::io(context, &self.path, err)
    }

    pub fn exists(&self) -> bool {
        self.path.exists()
    }

    /// Under the write lock: finds the committed end of the index, skipping a torn last line
    /// and any trailing entries whose event never reached its stream. `committed_version`
    /// tells how far a stream is committed.
    pub fn reconcile(
        &self,
        mut committed_version: impl FnMut(&StreamId) -> Result<u64, StoreError>,
    ) -> Result<IndexHead, StoreError> {
        let mut file = match File::open(&self.path) {
            Ok(file) => file,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return Ok(IndexHead {
                    committed_len: 0,
                    position: 0,
                    file_len: 0,
                })
            }
            Err(err) => return Err(self.io("cannot open")(err)),
        };
        let file_len = file.metadata().map_err(self.io("cannot read"))?.len();
        let mut end = complete_end(&mut file, file_len).map_err(self.io("cannot read"))?;
        while end > 0 {
            let (start, line) = line_before(&mut file, end).map_err(self.io("cannot read"))?;
            let entry = index_line::parse(&line).map_err(|err| corrupt(&self.path, None, err))?;
            if committed_version(&entry.stream)? >= entry.version {
                return Ok(IndexHead {
                    committed_len: end,
                    position: entry.position,
                    file_len,
                });
            }
            end = start;
        }
        Ok(IndexHead {
            committed_len: 0,
            position: 0,
            file_len,
        })
    }

    /// Writes entries after the committed end (cutting off whatever `reconcile` skipped) and
    /// returns once they are durable.
    pub fn write(&self, head: &IndexHead, entries: &[IndexEntry]) -> Result<(), StoreError> {
        let mut buffer = Vec::with_capacity(entries.len() * 200);
        for entry in entries {
            serde_json::to_writer(&mut buffer, entry).map_err(|err| corrupt(&self.path, None, err))?;
            buffer.push(b'\n');
        }
        let mut file = fs_err::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&self.path)
            .map_err(self.io("cannot open"))?
            .into_parts()
            .0;
        if head.file_len > head.committed_len {
            file.set_len(head.committed_len)
                .map_err(self.io("cannot repair"))?;
        }
        let result = file
            .seek(SeekFrom::Start(head.committed_len))
            .and_then(|_| file.write_all(&buffer))
            .and_then(|()| file.sync_data());
        if let Err(err) = result {
            let _ = file.set_len(head.committed_len);
            return Err(self.io("cannot append to")(err));
        }
        Ok(())
    }

    /// Best effort: takes back entries whose stream write failed. (If this fails too, the
    /// next writer's `reconcile` drops them.)
    pub fn roll_back(&self, head: &IndexHead) {
        if let Ok(file) = fs_err::OpenOptions::new().write(true).open(&self.path) {
            let _ = file.set_len(head.committed_len);
        }
    }

    /// Up to `limit` complete entries with `position > after`. The caller still checks that
    /// the trailing ones are committed in their streams.
    pub fn read_after(&self, after: u64, limit: usize) -> Result<Vec<IndexEntry>, StoreError> {
        let mut file = match File::open(&self.path) {
            Ok(file) => file,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(self.io("cannot open")(err)),
        };
        let len = file.metadata().map_err(self.io("cannot read"))?.len();
        let start = self.seek_after(&mut file, len, after)?;
        file.seek(SeekFrom::Start(start))
            .map_err(self.io("cannot read"))?;
        // Lines are parsed where they lie in a large buffer (a replay reads 160 MB of index:
        // copying each line out first, and growing the list entry by entry, cost a tenth
        // of reading it).
        let mut entries = Vec::with_capacity(limit.min(ENTRIES_AHEAD));
        let mut buffer = vec![0; READ_BYTES];
        let (mut begin, mut end) = (0, 0);
        let mut recent = index_line::Recent::default();
        while entries.len() < limit {
            buffer.copy_within(begin..end, 0);
            (begin, end) = (0, end - begin);
            if end == buffer.len() {
                buffer.resize(buffer.len() * 2, 0);
            }
            let read = match file.read(&mut buffer[end..]) {
                Ok(read) => read,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(self.io("cannot read")(err)),
            };
            if read == 0 {
                // What is left has no newline: a torn write, not an entry.
                break;
            }
            end += read;
            while let Some(newline) = memchr::memchr(b'\n', &buffer[begin..end]) {
                let line = &buffer[begin..begin + newline];
                begin += newline + 1;
                let entry = index_line::parse_with(line, &mut recent)
                    .map_err(|err| corrupt(&self.path, None, err))?;
                if entry.position > after {
                    entries.push(entry);
                    if entries.len() == limit {
                        break;
                    }
                }
            }
        }
        Ok(entries)
    }

    /// The last complete entry, if any.
    pub fn last_entry(&self) -> Result<Option<IndexEntry>, StoreError> {
        let mut file = match File::open(&self.path) {
            Ok(file) => file,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(self.io("cannot open")(err)),
        };
        let len = file.metadata().map_err(self.io("cannot read"))?.len();
        let end = complete_end(&mut file, len).map_err(self.io("cannot read"))?;
        if end == 0 {
            return Ok(None);
        }
        let (_, line) = line_before(&mut file, end).map_err(self.io("cannot read"))?;
        index_line::parse(&line)
            .map(Some)
            .map_err(|err| corrupt(&self.path, None, err))
    }

    /// The offset of a line start at or before the first entry with `position > after`.
    /// Positions grow with offsets, so bisection on byte offsets finds it in O(log n) reads.
    fn seek_after(&self, file: &mut File, len: u64, after: u64) -> Result<u64, StoreError> {
        let (mut low, mut high) = (0u64, len);
        while high - low > SCAN_WINDOW {
            let middle = low + (high - low) / 2;
            let Some(start) = next_line_start(file, middle, high).map_err(self.io("cannot read"))? else {
                break;
            };
            let position = position_at(file, start).map_err(self.io("cannot read"))?;
            match position {
                Some(position) if position <= after => low = start,
                _ => high = start,
            }
        }
        Ok(low)
    }
}

/// The offset just past the last `\n`: everything after it is a torn write.
fn complete_end(file: &mut File, len: u64) -> io::Result<u64> {
    let mut end = len;
    while end > 0 {
        let start = end.saturating_sub(CHUNK);
        let chunk = read_range(file, start, end)?;
        if let Some(newline) = chunk.iter().rposition(|&b| b == b'\n') {
            return Ok(start + newline as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

/// The line that ends (with its `\n`) at `end`, and where it starts.
fn line_before(file: &mut File, end: u64) -> io::Result<(u64, Vec<u8>)> {
    let content_end = end - 1;
    let mut start = content_end;
    let mut tail: Vec<u8> = Vec::new();
    while start > 0 {
        let from = start.saturating_sub(CHUNK);
        let chunk = read_range(file, from, start)?;
        if let Some(newline) = chunk.iter().rposition(|&b| b == b'\n') {
            let line_start = from + newline as u64 + 1;
            let mut line = chunk[newline + 1..].to_vec();
            line.extend_from_slice(&tail);
            return Ok((line_start, line));
        }
        let mut joined = chunk;
        joined.extend_from_slice(&tail);
        tail = joined;
        start = from;
    }
    Ok((0, tail))
}

/// The first line start in `(offset, limit)`, if any.
fn next_line_start(file: &mut File, offset: u64, limit: u64) -> io::Result<Option<u64>> {
    let mut at = offset;
    while at < limit {
        let to = (at + CHUNK).min(limit);
        let chunk = read_range(file, at, to)?;
        if let Some(newline) = chunk.iter().position(|&b| b == b'\n') {
            let start = at + newline as u64 + 1;
            return Ok((start < limit).then_some(start));
        }
        at = to;
    }
    Ok(None)
}

/// The position of the entry starting at `offset`, or `None` for a torn line.
fn position_at(file: &mut File, offset: u64) -> io::Result<Option<u64>> {
    #[derive(Deserialize)]
    struct Position {
        position: u64,
    }
    file.seek(SeekFrom::Start(offset))?;
    let mut reader = BufReader::with_capacity(1024, &mut *file);
    let mut line = Vec::new();
    reader.read_until(b'\n', &mut line)?;
    if line.last() != Some(&b'\n') {
        return Ok(None);
    }
    Ok(serde_json::from_slice::<Position>(&line[..line.len() - 1])
        .ok()
        .map(|p| p.position))
}

fn read_range(file: &mut File, from: u64, to: u64) -> io::Result<Vec<u8>> {
    let mut buffer = vec![0; usize::try_from(to - from).unwrap_or(0)];
    file.seek(SeekFrom::Start(from))?;
    file.read_exact(&mut buffer)?;
    Ok(buffer)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An index of `count` entries (a long stream name makes a page of them span several
    /// of `read_after`'s reads), optionally with a torn last line.
    fn index_of(count: u64, torn: bool) -> (tempfile::TempDir, GlobalIndex) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("index.jsonl");
        let stream = StreamId::new(format!("work_item-{}", "X".repeat(150))).expect("valid");
        let mut text = Vec::new();
        for position in 1..=count {
            let entry = IndexEntry {
                position,
                stream: stream.clone(),
                version: position,
                offset: position * 10,
                length: 9,
                event_type: "WorkItemCreated".into(),
                timestamp: Timestamp::from_unix_micros(1_700_000_000_000_000).expect("in range"),
            };
            serde_json::to_writer(&mut text, &entry).expect("encodes");
            text.push(b'\n');
        }
        if torn {
            text.extend_from_slice(b"{\"position\":");
        }
        std::fs::write(&path, text).expect("written");
        (dir, GlobalIndex::new(path))
    }

    #[test]
    fn read_after_gives_exactly_the_entries_asked_for_across_reads() {
        let (_dir, index) = index_of(6000, true);
        for (after, limit, first, count) in [
            (0, 10, 1, 10),
            (0, usize::MAX, 1, 6000),
            (1234, 4096, 1235, 4096),
            (5990, 4096, 5991, 10),
            (6000, 5, 0, 0),
        ] {
            let entries = index.read_after(after, limit).expect("reads");
            let positions: Vec<u64> = entries.iter().map(|entry| entry.position).collect();
            let expected: Vec<u64> = (first..first + count as u64).collect();
            assert_eq!(positions, expected, "after {after}, limit {limit}");
        }
    }

    #[test]
    fn read_after_reports_a_damaged_line() {
        let (dir, index) = index_of(3000, false);
        let path = dir.path().join("index.jsonl");
        let mut text = std::fs::read(&path).expect("read");
        text.extend_from_slice(b"not an entry\n");
        std::fs::write(&path, text).expect("written");
        assert!(
            index.read_after(2990, 5).is_ok(),
            "the damage lies past what was asked for"
        );
        let err = index.read_after(2990, 100).expect_err("damage is an error");
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    }
}
