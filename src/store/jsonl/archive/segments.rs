//! Reading the archive back from its segments alone, and replacing the catalog with what
//! they say: how a catalog that was deleted or damaged is rebuilt (see `../catalog.rs` for
//! which of the streams found are still archived).

use std::io;
use std::path::Path;
use std::sync::PoisonError;

use rusqlite::{params, Connection};

use super::{db_err, set_meta, Archive, Located, SCHEMA};
use crate::store::{StoreError, StreamId};

/// One stream as a segment holds it, read from the segment itself (for rebuilding the
/// catalog): where its bytes are, and the ids of its events.
pub(in crate::store::jsonl) struct InSegment {
    pub stream: StreamId,
    pub located: Located,
    pub event_ids: Vec<ulid::Ulid>,
}

/// What reading one segment found: its streams frame by frame, and why it stopped early
/// (a frame that does not decompress, or lines that are not one stream's events).
pub(in crate::store::jsonl) struct SegmentScan {
    pub streams: Vec<InSegment>,
    pub damage: Option<String>,
}

impl Archive {
    pub fn catalog_path(&self) -> &Path {
        &self.catalog_path
    }

    /// Whether a catalog file is there (it may still be unreadable).
    pub fn has_catalog(&self) -> bool {
        self.catalog_path.exists()
    }

    /// The segment files, newest first: a name starts with the catalog generation that
    /// wrote it, so a stream archived, brought back and archived again is found in its
    /// last segment first.
    pub fn segments(&self) -> Result<Vec<String>, StoreError> {
        let entries = match fs_err::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(StoreError::io("cannot list", &self.dir, err)),
        };
        let mut names: Vec<(u64, String)> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
            .filter_map(|name| {
                let number = name.strip_prefix("segment-")?.split('-').next()?.parse().ok()?;
                let segment = Path::new(&name).extension().is_some_and(|ext| ext == "zst");
                segment.then_some((number, name))
            })
            .collect();
        names.sort_unstable_by(|a, b| b.cmp(a));
        Ok(names.into_iter().map(|(_, name)| name).collect())
    }

    /// Every stream in `segment`, frame by frame, as its lines say: a frame holds whole
    /// stream files one after another, and a line names its stream by its aggregate.
    /// Groups are numbered from `first_group`, one per frame.
    pub fn read_segment(&self, segment: &str, first_group: i64) -> Result<SegmentScan, StoreError> {
        let path = self.dir.join(segment);
        let bytes =
            fs_err::read(&path).map_err(|err| StoreError::io("cannot read archive segment", &path, err))?;
        let mut scan = SegmentScan {
            streams: Vec::new(),
            damage: None,
        };
        let mut at = 0usize;
        let mut group = first_group;
        while at < bytes.len() {
            let frame_len = match zstd::zstd_safe::find_frame_compressed_size(&bytes[at..]) {
                Ok(len) if len > 0 => len,
                _ => {
                    scan.damage = Some(format!("no zstd frame at byte {at}"));
                    break;
                }
            };
            let frame = match self.decompress(&bytes[at..at + frame_len]) {
                Ok(frame) => frame,
                Err(err) => {
                    scan.damage = Some(format!("the frame at byte {at} does not decompress: {err}"));
                    break;
                }
            };
            match streams_in_frame(&frame) {
                Ok(found) => {
                    for (stream, span, version, event_ids) in found {
                        scan.streams.push(InSegment {
                            stream,
                            located: Located {
                                segment: segment.to_owned(),
                                frame_at: at as u64,
                                frame_len: frame_len as u64,
                                at: span.start as u64,
                                len: (span.end - span.start) as u64,
                                version,
                                group,
                            },
                            event_ids,
                        });
                    }
                }
                Err(reason) => {
                    scan.damage = Some(format!("the frame at byte {at}: {reason}"));
                    break;
                }
            }
            at += frame_len;
            group += 1;
        }
        Ok(scan)
    }

    /// Replaces the catalog with one that holds exactly `rows`: written whole beside it,
    /// then renamed over it, so a crash leaves the old catalog or the new one. The old one
    /// (and a journal it left) moves into `quarantine`: a damaged catalog's hot journal
    /// must never be rolled back into the new one.
    pub fn replace(
        &self,
        rows: &[(StreamId, Located)],
        generation: u64,
        quarantine: &Path,
    ) -> Result<(), StoreError> {
        let fresh = self.dir.join("catalog.sqlite.rebuilt");
        let err = db_err(&fresh, "cannot write the archive catalog");
        let io_err = |path: &Path, e| StoreError::io("cannot replace the archive catalog", path, e);
        for leftover in [fresh.clone(), self.dir.join("catalog.sqlite.rebuilt-journal")] {
            match fs_err::remove_file(&leftover) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(io_err(&leftover, e)),
                _ => {}
            }
        }
        {
            let mut connection = Connection::open(&fresh).map_err(&err)?;
            connection
                .execute_batch("PRAGMA synchronous = FULL;")
                .map_err(&err)?;
            let txn = connection.transaction().map_err(&err)?;
            txn.execute_batch(SCHEMA).map_err(&err)?;
            {
                let mut insert = txn
                    .prepare(
                        "INSERT OR REPLACE INTO streams (stream, segment, frame_at, frame_len, at, len, version, grp) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    )
                    .map_err(&err)?;
                for (stream, at) in rows {
                    insert
                        .execute(params![
                            stream.as_str(),
                            at.segment,
                            at.frame_at as i64,
                            at.frame_len as i64,
                            at.at as i64,
                            at.len as i64,
                            at.version as i64,
                            at.group,
                        ])
                        .map_err(&err)?;
                }
            }
            let groups = rows.iter().map(|(_, at)| at.group + 1).max().unwrap_or(0);
            set_meta(&txn, "groups", groups).map_err(&err)?;
            set_meta(&txn, "generation", generation as i64).map_err(&err)?;
            txn.commit().map_err(&err)?;
        }
        let mut slot = self.connection.lock().unwrap_or_else(PoisonError::into_inner);
        *slot = None;
        let stamp = crate::timestamp::Timestamp::now().unix_micros();
        for suffix in ["", "-journal"] {
            let old = self.dir.join(format!("catalog.sqlite{suffix}"));
            let aside = quarantine.join(format!("catalog-{stamp}.sqlite{suffix}"));
            match fs_err::rename(&old, &aside) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(io_err(&old, e)),
                _ => {}
            }
        }
        fs_err::rename(&fresh, &self.catalog_path).map_err(|e| io_err(&fresh, e))?;
        crate::persist::sync_dir(&self.dir).map_err(|e| io_err(&self.dir, e))?;
        self.frames.lock().unwrap_or_else(PoisonError::into_inner).clear();
        Ok(())
    }
}

/// The streams one decompressed frame holds, in order: each with its byte span, its
/// version (its last line's) and its events' ids. Consecutive lines of one aggregate are
/// one stream, whose versions run from 1.
type FrameStream = (StreamId, std::ops::Range<usize>, u64, Vec<ulid::Ulid>);

fn streams_in_frame(frame: &[u8]) -> Result<Vec<FrameStream>, String> {
    let mut found: Vec<FrameStream> = Vec::new();
    let mut offset = 0usize;
    for (number, line) in frame.split_inclusive(|&b| b == b'\n').enumerate() {
        let Some(content) = line.strip_suffix(b"\n") else {
            return Err(format!("line {} is cut short", number + 1));
        };
        let event = crate::store::EventLine::parse_bytes(content)
            .map_err(|err| format!("line {} is not an event: {err}", number + 1))?;
        let name = format!("{}-{}", event.aggregate_type, event.aggregate_id);
        let end = offset + line.len();
        match found.last_mut() {
            Some((stream, span, version, ids)) if stream.as_str() == name => {
                if event.version != *version + 1 {
                    return Err(format!(
                        "{name} jumps from version {version} to {}",
                        event.version
                    ));
                }
                span.end = end;
                *version = event.version;
                ids.push(event.event_id);
            }
            _ => {
                if event.version != 1 {
                    return Err(format!("{name} starts at version {}", event.version));
                }
                let stream = StreamId::new(name).map_err(|err| err.to_string())?;
                found.push((stream, offset..end, 1, vec![event.event_id]));
            }
        }
        offset = end;
    }
    Ok(found)
}
