//! Doctor's first look: proof in one pass and flat memory that the files are sound, or no
//! answer (and `doctor` then runs its thorough checks, which name each problem).
//!
//! The thorough checks hold an entry per event (the index the streams call for, next to the
//! index as it is) and every event id with its file: 500 MB at 1,000,000 events. A sound
//! project does not need that to be shown sound. Each stream's committed lines are read once
//! (and handed to the caller, who replays them); each event's index entry is hashed, and the
//! hashes summed, on both sides — the streams' lines and the index file, read a page at a
//! time. Equal sums and counts, positions 1, 2, 3, … in the index, every file ending in a
//! whole committed line, and no event id twice (their low 64 bits sorted, 8 bytes an event)
//! mean the index lists exactly the streams' events: a difference slips past a 64-bit sum
//! with odds of one in 2^64. Anything else, and the answer is "look closer".

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::JsonlStore;
use crate::store::{EventLine, StoreError, StreamId};
use crate::timestamp::Timestamp;

/// Index entries read at a time from the index file.
const INDEX_PAGE: usize = 65_536;

/// What the one pass found: the streams and events it read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sound {
    pub streams: u64,
    pub events: u64,
}

/// The sum of every entry's hash, and how many there were.
#[derive(Default)]
struct Tally {
    sum: u64,
    count: u64,
}

impl Tally {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        position: u64,
        stream: &str,
        version: u64,
        offset: u64,
        length: u64,
        event_type: &str,
        timestamp: Timestamp,
    ) {
        // Fixed keys: both sides, hashed in this process, agree.
        let mut hasher = std::hash::DefaultHasher::new();
        (position, stream, version, offset, length, event_type, timestamp).hash(&mut hasher);
        self.sum = self.sum.wrapping_add(hasher.finish());
        self.count += 1;
    }
}

/// One thread's share of the streams: their entries tallied, their event ids' low halves.
#[derive(Default)]
struct Share {
    streams: u64,
    tally: Tally,
    ids: Vec<u64>,
}

/// What every thread of the pass sees: the events read so far, and whether one of them
/// found a doubt (the others then stop).
#[derive(Default)]
struct Shared {
    read: AtomicU64,
    doubt: AtomicBool,
}

impl Shared {
    /// `answer`, after telling the other threads to stop when it is not "sound".
    fn told<T>(&self, answer: Result<Option<T>, StoreError>) -> Result<Option<T>, StoreError> {
        if !matches!(answer, Ok(Some(_))) {
            self.doubt.store(true, Ordering::Relaxed);
        }
        answer
    }
}

impl JsonlStore {
    /// Reads every live stream once, handing each one's lines to `visit` (which answers
    /// whether they are sound), and answers whether the files are sound (see the module's
    /// doc); `None` when anything needs the thorough checks — a project with an archive
    /// always does. Two threads read half the streams each while a third reads the index;
    /// `progress` is told the events read so far.
    pub fn sound(
        &self,
        visit: &(dyn Fn(&StreamId, &[EventLine<'_>]) -> bool + Sync),
        progress: &mut dyn FnMut(u64),
    ) -> Result<Option<Sound>, StoreError> {
        let unmerged = self.data_dir().join(super::merge::UNMERGED);
        let has_unmerged = fs_err::read_dir(&unmerged).is_ok_and(|mut entries| entries.next().is_some());
        if !self.archive.segments()?.is_empty() || has_unmerged {
            return Ok(None);
        }
        let files = self.list_all_stream_files()?;
        let (left, right) = files.split_at(files.len() / 2);
        let shared = Shared::default();
        let (mine, theirs, index) = std::thread::scope(|scope| {
            let theirs = scope.spawn(|| shared.told(self.read_share(right, visit, &shared, &mut |_| {})));
            let index = scope.spawn(|| shared.told(self.index_tally(&shared)));
            let mine = shared.told(self.read_share(left, visit, &shared, progress));
            let theirs = theirs.join().unwrap_or(Ok(None));
            let index = index.join().unwrap_or(Ok(None));
            (mine, theirs, index)
        });
        let (Some(mine), Some(theirs), Some(index)) = (mine?, theirs?, index?) else {
            return Ok(None);
        };
        let count = mine.tally.count + theirs.tally.count;
        let sum = mine.tally.sum.wrapping_add(theirs.tally.sum);
        if index.count != count || index.sum != sum {
            return Ok(None);
        }
        let mut ids = mine.ids;
        ids.extend(theirs.ids);
        ids.sort_unstable();
        if ids.windows(2).any(|pair| pair[0] == pair[1]) {
            return Ok(None);
        }
        Ok(Some(Sound {
            streams: mine.streams + theirs.streams,
            events: count,
        }))
    }

    /// One thread's streams: each read, its lines checked, tallied and visited.
    fn read_share(
        &self,
        streams: &[StreamId],
        visit: &(dyn Fn(&StreamId, &[EventLine<'_>]) -> bool + Sync),
        shared: &Shared,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Option<Share>, StoreError> {
        let mut share = Share::default();
        // Many streams share a multi-stream write (an import, `generate`): its witness is
        // read once.
        let mut committed: HashMap<ulid::Ulid, bool> = HashMap::new();
        for stream in streams {
            if shared.doubt.load(Ordering::Relaxed) {
                return Ok(None);
            }
            let path = self.stream_path(stream);
            let bytes = fs_err::read(&path).map_err(|err| StoreError::io("cannot read", &path, err))?;
            if bytes.last().is_some_and(|&b| b != b'\n') {
                return Ok(None);
            }
            let tail = super::line::analyse_tail(&path, &bytes, true, &mut |mark| {
                if let Some(&known) = committed.get(&mark.id) {
                    return Ok(known);
                }
                let answer = self.txn_committed(mark)?;
                committed.insert(mark.id, answer);
                Ok(answer)
            });
            if tail.ok().flatten().map_or(bytes.len(), |tail| tail.committed_len) != bytes.len() {
                return Ok(None);
            }
            let mut lines: Vec<EventLine<'_>> = Vec::new();
            let mut offset = 0u64;
            for (line, version) in bytes.split_inclusive(|&b| b == b'\n').zip(1u64..) {
                let content = &line[..line.len() - 1];
                let Ok(event) = EventLine::parse_bytes(content) else {
                    return Ok(None);
                };
                if event.version != version {
                    return Ok(None);
                }
                share.tally.add(
                    event.position,
                    stream.as_str(),
                    event.version,
                    offset,
                    content.len() as u64,
                    &event.event_type,
                    event.timestamp,
                );
                share.ids.push(u128::from(event.event_id) as u64);
                offset += line.len() as u64;
                lines.push(event);
            }
            if !visit(stream, &lines) {
                return Ok(None);
            }
            share.streams += 1;
            let read = shared.read.fetch_add(lines.len() as u64, Ordering::Relaxed) + lines.len() as u64;
            progress(read);
        }
        Ok(Some(share))
    }

    /// The index file's entries tallied, a page at a time; `None` unless their positions
    /// run 1, 2, 3, … and the file ends in a whole line.
    fn index_tally(&self, shared: &Shared) -> Result<Option<Tally>, StoreError> {
        if !ends_in_newline(self.index_path())? {
            return Ok(None);
        }
        let mut tally = Tally::default();
        loop {
            if shared.doubt.load(Ordering::Relaxed) {
                return Ok(None);
            }
            let page = self.index.read_after(tally.count, INDEX_PAGE)?;
            for entry in &page {
                if entry.position != tally.count + 1 {
                    return Ok(None);
                }
                tally.add(
                    entry.position,
                    entry.stream.as_str(),
                    entry.version,
                    entry.offset,
                    entry.length,
                    &entry.event_type,
                    entry.timestamp,
                );
            }
            if page.len() < INDEX_PAGE {
                return Ok(Some(tally));
            }
        }
    }
}

/// Whether the file is empty or its last byte is a newline (read alone, not the file).
fn ends_in_newline(path: &std::path::Path) -> Result<bool, StoreError> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(err) => return Err(StoreError::io("cannot open", path, err)),
    };
    let io = |err| StoreError::io("cannot read", path, err);
    let len = file.metadata().map_err(io)?.len();
    if len == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::Start(len - 1)).map_err(io)?;
    let mut last = [0u8];
    file.read_exact(&mut last).map_err(io)?;
    Ok(last[0] == b'\n')
}
