//! Archived streams: closed work that `jerry archive` moved out of `events/` into
//! compressed segments under `archive/`, so the live folder (and every read model) holds
//! only the work that can still change.
//!
//! A segment is a run of zstd frames, one per *group* (streams that refer to each other and
//! go and come back together); a frame holds its streams' files byte for byte, so the global
//! index's offsets stay valid and a stream reads the same from a frame as from its file.
//! The catalog (`archive/catalog.sqlite`) says where each archived stream's bytes are. It is
//! not a cache: it is the only way to the archived bytes, so it is written durably (SQLite's
//! rollback journal, `synchronous=FULL`).
//!
//! Every change happens under the store's write lock, in an order that leaves a readable
//! store after a crash at any point:
//! - archiving writes the segment, commits the catalog rows (the atomic step), then deletes
//!   the stream files;
//! - restoring (the first append to an archived stream) writes the group's files back, then
//!   deletes the group's rows.
//!
//! In between, a stream has both a file and a row with the same bytes; readers prefer the
//! file, and the next writer finishes whichever step was interrupted.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::{StoreError, StreamId};

mod segments;

/// How many decompressed groups a store keeps for reads that come back to them (a replay
/// reads an item's events one by one, in global order).
const KEPT_GROUPS: usize = 4096;
/// The largest frame decompressed at the size its header states, in one allocation.
const MAX_KNOWN_FRAME: usize = 256 << 20;
/// zstd's level: a little slower to write than the default, about a fifth smaller, and
/// reading (decompression) costs the same at any level.
const LEVEL: i32 = 9;

const SCHEMA: &str = r"
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS streams (
    stream TEXT PRIMARY KEY,
    segment TEXT NOT NULL,
    frame_at INTEGER NOT NULL,
    frame_len INTEGER NOT NULL,
    at INTEGER NOT NULL,
    len INTEGER NOT NULL,
    version INTEGER NOT NULL,
    grp INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS streams_grp ON streams (grp);
";

/// Where one archived stream's bytes are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Located {
    pub segment: String,
    /// The group's frame in the segment file.
    pub frame_at: u64,
    pub frame_len: u64,
    /// The stream's bytes within the decompressed frame.
    pub at: u64,
    pub len: u64,
    /// The stream's version (its last committed event).
    pub version: u64,
    pub group: i64,
}

/// One stream about to be archived: its file, how much of it is committed, its version.
/// The bytes are read as its group is written, so an archive holds one group in memory.
pub(super) struct Leaving {
    pub stream: StreamId,
    pub path: PathBuf,
    pub len: u64,
    pub version: u64,
}

/// A decompressed frame and when it was last used.
type KeptFrame = (u64, Arc<Vec<u8>>);

pub(super) struct Archive {
    dir: PathBuf,
    catalog_path: PathBuf,
    connection: Mutex<Option<Connection>>,
    /// Decompressed frames by (segment, frame_at), with the order they were last used in.
    frames: Mutex<HashMap<(String, u64), KeptFrame>>,
    clock: std::sync::atomic::AtomicU64,
    /// One decompression context for every frame: making one per frame cost a replay of
    /// archived work more than the decompression itself.
    decompressor: Mutex<Option<Box<zstd::bulk::Decompressor<'static>>>>,
}

fn db_err<'a>(path: &'a Path, context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + 'a {
    move |source| {
        let damaged = matches!(
            source.sqlite_error_code(),
            Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
        );
        if damaged {
            // Damage, not a failure: exit 6 with the way out, as for a damaged stream.
            return StoreError::Corrupt {
                path: path.to_path_buf(),
                line: None,
                reason: format!(
                    "{context}: {source}; `jerry doctor --repair` rebuilds it from the archive segments"
                ),
            };
        }
        StoreError::Database {
            store: path.display().to_string(),
            context,
            source: Box::new(source),
        }
    }
}

impl Archive {
    pub fn new(data_dir: &Path) -> Self {
        let dir = data_dir.join("archive");
        Self {
            catalog_path: dir.join("catalog.sqlite"),
            dir,
            connection: Mutex::new(None),
            frames: Mutex::new(HashMap::new()),
            clock: std::sync::atomic::AtomicU64::new(0),
            decompressor: Mutex::new(None),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Nothing was ever archived: every lookup answers without opening anything.
    pub fn is_empty(&self) -> bool {
        !self.catalog_path.exists()
    }

    fn with<T>(
        &self,
        create: bool,
        run: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        let mut slot = self.connection.lock().unwrap_or_else(PoisonError::into_inner);
        if slot.is_none() {
            if !create && self.is_empty() {
                return Ok(None);
            }
            let err = db_err(&self.catalog_path, "cannot open the archive catalog");
            if create {
                fs_err::create_dir_all(&self.dir)
                    .map_err(|e| StoreError::io("cannot create directory", &self.dir, e))?;
            }
            let connection = Connection::open(&self.catalog_path).map_err(&err)?;
            connection
                .busy_timeout(std::time::Duration::from_secs(10))
                .map_err(&err)?;
            connection
                .execute_batch("PRAGMA synchronous = FULL;")
                .map_err(&err)?;
            if create {
                crate::faults::inject("archive-catalog-opened");
                // All of the schema or none of it: a kill or a full disk half-way through
                // left a catalog that every later command choked on.
                connection
                    .execute_batch(&format!("BEGIN IMMEDIATE;\n{SCHEMA}\nCOMMIT;"))
                    .map_err(&err)?;
            } else if !has_schema(&connection).map_err(&err)? {
                // A catalog whose creation never finished: no row was ever committed, so
                // nothing was archived and every stream is still a file.
                return Ok(None);
            }
            *slot = Some(connection);
        }
        match slot.as_mut() {
            Some(connection) => run(connection).map(Some),
            None => Ok(None),
        }
    }

    /// Changes each time streams are archived or restored; 0 for a store that never was.
    pub fn generation(&self) -> Result<u64, StoreError> {
        let path = &self.catalog_path;
        let found = self.with(false, |c| {
            c.query_row("SELECT value FROM meta WHERE key = 'generation'", [], |row| {
                row.get::<_, i64>(0)
            })
            .optional()
            .map_err(db_err(path, "cannot read the archive catalog"))
        })?;
        Ok(found.flatten().unwrap_or(0) as u64)
    }

    pub fn locate(&self, stream: &StreamId) -> Result<Option<Located>, StoreError> {
        Ok(self.locate_many(&[stream])?.pop().flatten())
    }

    /// Where each of `streams` is, in one read transaction: a replay or export asks for the
    /// archived streams of each page together, and SQLite takes its file locks once for
    /// them instead of once per stream.
    pub fn locate_many(&self, streams: &[&StreamId]) -> Result<Vec<Option<Located>>, StoreError> {
        if streams.is_empty() {
            return Ok(Vec::new());
        }
        let path = &self.catalog_path;
        let found = self.with(false, |c| {
            let err = db_err(path, "cannot read the archive catalog");
            let tx = c.transaction().map_err(&err)?;
            let mut found = Vec::with_capacity(streams.len());
            {
                let mut statement = tx
                    .prepare_cached(
                        "SELECT segment, frame_at, frame_len, at, len, version, grp FROM streams WHERE stream = ?1",
                    )
                    .map_err(&err)?;
                for stream in streams {
                    found.push(
                        statement
                            .query_row([stream.as_str()], located)
                            .optional()
                            .map_err(&err)?,
                    );
                }
            }
            tx.commit().map_err(&err)?;
            Ok(found)
        })?;
        Ok(found.unwrap_or_else(|| vec![None; streams.len()]))
    }

    /// One frame's bytes. The size its header gives is trusted up to [`MAX_KNOWN_FRAME`]
    /// (a damaged header must not make it allocate gigabytes); frames without it, or
    /// larger, are decompressed as a stream.
    fn decompress(&self, compressed: &[u8]) -> io::Result<Vec<u8>> {
        let size = zstd::zstd_safe::get_frame_content_size(compressed)
            .ok()
            .flatten()
            .and_then(|size| usize::try_from(size).ok())
            .filter(|size| *size <= MAX_KNOWN_FRAME);
        let Some(size) = size else {
            return zstd::stream::decode_all(compressed);
        };
        let mut slot = self.decompressor.lock().unwrap_or_else(PoisonError::into_inner);
        let decompressor = match slot.as_mut() {
            Some(decompressor) => decompressor,
            None => slot.insert(Box::new(zstd::bulk::Decompressor::new()?)),
        };
        decompressor.decompress(compressed, size)
    }

    /// Every archived stream, in id order.
    pub fn streams(&self) -> Result<Vec<StreamId>, StoreError> {
        let path = &self.catalog_path;
        let found = self.with(false, |c| {
            let err = db_err(path, "cannot read the archive catalog");
            let mut statement = c
                .prepare("SELECT stream FROM streams ORDER BY stream")
                .map_err(&err)?;
            let names = statement
                .query_map([], |row| row.get::<_, String>(0))
                .map_err(&err)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(&err)?;
            Ok(names)
        })?;
        Ok(found
            .unwrap_or_default()
            .into_iter()
            .filter_map(|name| StreamId::new(name).ok())
            .collect())
    }

    /// The streams archived together in `group`, with where they are.
    pub fn group(&self, group: i64) -> Result<Vec<(StreamId, Located)>, StoreError> {
        self.rows("WHERE grp = ?1 ORDER BY stream", Some(group))
    }

    /// The archived bytes of a stream: its file as it was when archived.
    pub fn bytes(&self, located: &Located) -> Result<Arc<Vec<u8>>, StoreError> {
        let frame = self.frame(&located.segment, located.frame_at, located.frame_len)?;
        let start = usize::try_from(located.at).unwrap_or(usize::MAX);
        let end = start.saturating_add(usize::try_from(located.len).unwrap_or(usize::MAX));
        if start == 0 && end == frame.len() {
            return Ok(frame);
        }
        let slice = frame.get(start..end).ok_or_else(|| StoreError::Corrupt {
            path: self.dir.join(&located.segment),
            line: None,
            reason: format!(
                "the catalog puts a stream at bytes {start}..{end} of a frame of {} bytes",
                frame.len()
            ),
        })?;
        Ok(Arc::new(slice.to_vec()))
    }

    fn frame(&self, segment: &str, frame_at: u64, frame_len: u64) -> Result<Arc<Vec<u8>>, StoreError> {
        let key = (segment.to_owned(), frame_at);
        let tick = self.clock.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        {
            let mut frames = self.frames.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some((used, bytes)) = frames.get_mut(&key) {
                *used = tick;
                return Ok(Arc::clone(bytes));
            }
        }
        let path = self.dir.join(segment);
        let io_err = |err| StoreError::io("cannot read archive segment", &path, err);
        let mut file = File::open(&path).map_err(io_err)?;
        file.seek(SeekFrom::Start(frame_at)).map_err(io_err)?;
        let mut compressed = Vec::with_capacity(usize::try_from(frame_len).unwrap_or(0));
        (&mut file)
            .take(frame_len)
            .read_to_end(&mut compressed)
            .map_err(io_err)?;
        let bytes = self.decompress(&compressed).map_err(|err| StoreError::Corrupt {
            path: path.clone(),
            line: None,
            reason: format!("frame at byte {frame_at} does not decompress: {err}"),
        })?;
        let bytes = Arc::new(bytes);
        let mut frames = self.frames.lock().unwrap_or_else(PoisonError::into_inner);
        if frames.len() >= KEPT_GROUPS {
            // Forget the least recently used half: cheaper than keeping an exact order.
            let mut ages: Vec<u64> = frames.values().map(|(used, _)| *used).collect();
            ages.sort_unstable();
            let cut = ages[ages.len() / 2];
            frames.retain(|_, (used, _)| *used > cut);
        }
        frames.insert(key, (tick, Arc::clone(&bytes)));
        Ok(bytes)
    }

    /// Writes `groups` into a new segment and commits their catalog rows in one
    /// transaction. The caller holds the write lock and deletes the files afterwards.
    pub fn add(&self, groups: &[Vec<Leaving>]) -> Result<String, StoreError> {
        let generation = self.generation()?;
        let name = format!("segment-{:06}-{}.zst", generation + 1, ulid::Ulid::new());
        let path = self.dir.join(&name);
        let io_err = |err| StoreError::io("cannot write archive segment", &path, err);
        fs_err::create_dir_all(&self.dir)
            .map_err(|e| StoreError::io("cannot create directory", &self.dir, e))?;
        let mut rows: Vec<(usize, u64, u64, u64, u64)> = Vec::new();
        {
            let mut file = io::BufWriter::new(File::create(&path).map_err(io_err)?);
            let mut written = 0u64;
            let mut frame = Vec::new();
            for (index, group) in groups.iter().enumerate() {
                frame.clear();
                let mut spans = Vec::with_capacity(group.len());
                for leaving in group {
                    spans.push((frame.len() as u64, leaving.len));
                    let read_err = |err| StoreError::io("cannot read", &leaving.path, err);
                    let read = File::open(&leaving.path)
                        .and_then(|file| file.take(leaving.len).read_to_end(&mut frame))
                        .map_err(read_err)?;
                    if read as u64 != leaving.len {
                        return Err(StoreError::Corrupt {
                            path: leaving.path.clone(),
                            line: None,
                            reason: format!(
                                "shrank to {read} bytes while being archived (was {})",
                                leaving.len
                            ),
                        });
                    }
                }
                let compressed = zstd::bulk::compress(&frame, LEVEL).map_err(io_err)?;
                file.write_all(&compressed).map_err(io_err)?;
                for (at, len) in spans {
                    rows.push((index, written, compressed.len() as u64, at, len));
                }
                written += compressed.len() as u64;
            }
            let file = file.into_inner().map_err(|err| io_err(err.into_error()))?;
            file.sync_all().map_err(io_err)?;
        }
        crate::persist::sync_dir(&self.dir).map_err(io_err)?;
        // A segment without catalog rows is never read: a crash here loses nothing.
        crate::faults::inject("archive-segment-written");
        let catalog = &self.catalog_path;
        self.with(true, |c| {
            let err = db_err(catalog, "cannot write the archive catalog");
            let txn = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(&err)?;
            let first_group: i64 = txn
                .query_row("SELECT value FROM meta WHERE key = 'groups'", [], |row| row.get(0))
                .optional()
                .map_err(&err)?
                .unwrap_or(0);
            {
                let mut insert = txn
                    .prepare(
                        "INSERT OR REPLACE INTO streams (stream, segment, frame_at, frame_len, at, len, version, grp) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    )
                    .map_err(&err)?;
                let leaving = groups.iter().enumerate().flat_map(|(i, g)| g.iter().map(move |l| (i, l)));
                for ((index, frame_at, frame_len, at, len), (_, stream)) in rows.iter().zip(leaving) {
                    insert
                        .execute(params![
                            stream.stream.as_str(),
                            name,
                            *frame_at as i64,
                            *frame_len as i64,
                            *at as i64,
                            *len as i64,
                            stream.version as i64,
                            first_group + *index as i64,
                        ])
                        .map_err(&err)?;
                }
            }
            set_meta(&txn, "groups", first_group + groups.len() as i64).map_err(&err)?;
            bump_generation(&txn).map_err(&err)?;
            txn.commit().map_err(&err)
        })?;
        Ok(name)
    }

    /// Forgets `streams` (their files are back in `events/`).
    pub fn remove(&self, streams: &[StreamId]) -> Result<(), StoreError> {
        let catalog = &self.catalog_path;
        self.with(false, |c| {
            let err = db_err(catalog, "cannot write the archive catalog");
            let txn = c
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(&err)?;
            for stream in streams {
                txn.execute("DELETE FROM streams WHERE stream = ?1", [stream.as_str()])
                    .map_err(&err)?;
            }
            bump_generation(&txn).map_err(&err)?;
            txn.commit().map_err(&err)
        })?;
        Ok(())
    }

    /// Every row, for doctor and for finishing an interrupted archive.
    pub fn all(&self) -> Result<Vec<(StreamId, Located)>, StoreError> {
        self.rows("ORDER BY segment, frame_at, at", None)
    }

    /// The rows that `condition` (a WHERE and ORDER BY, with `?1` bound to `group`) picks.
    fn rows(&self, condition: &str, group: Option<i64>) -> Result<Vec<(StreamId, Located)>, StoreError> {
        let path = &self.catalog_path;
        let found = self.with(false, |c| {
            let err = db_err(path, "cannot read the archive catalog");
            let mut statement = c
                .prepare(&format!(
                    "SELECT segment, frame_at, frame_len, at, len, version, grp, stream FROM streams {condition}"
                ))
                .map_err(&err)?;
            let row = |row: &rusqlite::Row<'_>| Ok((row.get::<_, String>(7)?, located(row)?));
            let rows = match group {
                Some(group) => statement.query_map([group], row),
                None => statement.query_map([], row),
            }
            .map_err(&err)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(&err)?;
            Ok(rows)
        })?;
        Ok(found
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(name, at)| StreamId::new(name).ok().map(|stream| (stream, at)))
            .collect())
    }
}

/// Whether the catalog's tables were ever created.
fn has_schema(connection: &Connection) -> rusqlite::Result<bool> {
    connection.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'streams'",
        [],
        |row| row.get::<_, i64>(0).map(|n| n > 0),
    )
}

fn located(row: &rusqlite::Row<'_>) -> rusqlite::Result<Located> {
    Ok(Located {
        segment: row.get(0)?,
        frame_at: row.get::<_, i64>(1)? as u64,
        frame_len: row.get::<_, i64>(2)? as u64,
        at: row.get::<_, i64>(3)? as u64,
        len: row.get::<_, i64>(4)? as u64,
        version: row.get::<_, i64>(5)? as u64,
        group: row.get(6)?,
    })
}

fn set_meta(txn: &rusqlite::Transaction<'_>, key: &str, value: i64) -> rusqlite::Result<()> {
    txn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
        params![key, value],
    )
    .map(|_| ())
}

fn bump_generation(txn: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    txn.execute(
        "INSERT INTO meta (key, value) VALUES ('generation', 1) \
         ON CONFLICT(key) DO UPDATE SET value = value + 1",
        [],
    )
    .map(|_| ())
}
