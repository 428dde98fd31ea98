//! Archived streams as the store sees them: read from the archive where no file is, brought
//! back by the first write, moved out by `jerry archive` (see `archive/`).

use std::io;

use super::*;
use crate::persist::{persist, Durability};
use crate::store::{StoreError, StreamId};

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

impl JsonlStore {
    /// The bytes of an archived stream (none when `stream` is not archived).
    pub(super) fn archived_bytes(
        &self,
        stream: &StreamId,
    ) -> Result<Option<std::sync::Arc<Vec<u8>>>, StoreError> {
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
    pub(super) fn restore_if_archived(&self, stream: &StreamId) -> Result<(), StoreError> {
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
    pub(super) fn finish_archiving(&self) -> Result<(), StoreError> {
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
}
