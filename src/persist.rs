//! The two ways jerry replaces a whole file. Every file write in the crate that is not an
//! append to the log goes through one of them, so each kind of file makes one promise.
//!
//! Both write a uniquely named temp file in the target's folder and rename it over the
//! target, so a reader (or a concurrent writer) only ever sees the old bytes or the new
//! ones, never half of either, and two writers never share a temp file.
//!
//! - [`Durability::Durable`]: the file is fsynced before the rename and the folder after
//!   it, so once `persist` returns the new bytes survive a crash or a power cut. For
//!   anything that cannot be derived again: settings, checkpoints, idempotency records,
//!   the global index, exports.
//! - [`Durability::Cache`]: no fsync. After a crash the file may be the old one, the new
//!   one, or missing, and it may be deleted at any time; only data that is rebuilt from
//!   the log belongs here (read models, snapshots, the display-id hint).

use std::io::{self, Write};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Survives a crash once written.
    Durable,
    /// May be lost; is rebuilt from the log.
    Cache,
}

/// Replaces `path` with `bytes`, creating its folder if needed.
pub fn persist(path: &Path, bytes: &[u8], durability: Durability) -> io::Result<()> {
    persist_with(path, durability, |sink| sink.write_all(bytes))
}

/// Replaces `path` with what `write` produces (streamed through a buffer, for large files
/// such as exports). When `write` fails, the target is left as it was.
pub fn persist_with<T>(
    path: &Path,
    durability: Durability,
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> io::Result<T> {
    let dir = folder_of(path);
    fs_err::create_dir_all(dir)?;
    let temp = tempfile::NamedTempFile::new_in(dir)?;
    let writeback = match durability {
        Durability::Durable => Some(Writeback::new(temp.as_file().try_clone()?)),
        Durability::Cache => None,
    };
    let mut sink = io::BufWriter::with_capacity(256 * 1024, Sink { temp, writeback });
    let value = write(&mut sink)?;
    let Sink { temp, writeback } = sink.into_inner().map_err(io::IntoInnerError::into_error)?;
    if let Some(writeback) = writeback {
        writeback.finish()?;
        temp.as_file().sync_all()?;
    }
    temp.persist(path).map_err(|err| err.error)?;
    if durability == Durability::Durable {
        sync_dir(dir)?;
    }
    Ok(value)
}

/// Writes a file the user named (`-o FILE`): a regular file (new or old) is replaced whole
/// and durably, as [`persist_with`] does, through a symlink to its target (the link stays a
/// link); anything else that exists — `/dev/null`, a FIFO, a terminal — is written into as
/// it is. Renaming a temporary file over those replaced the device with a regular file.
pub fn write_output<T>(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<T>) -> io::Result<T> {
    let target = match fs_err::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs_err::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    match fs_err::metadata(&target) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            let file = fs_err::OpenOptions::new().write(true).open(&target)?;
            let mut sink = io::BufWriter::with_capacity(256 * 1024, file);
            let value = write(&mut sink)?;
            sink.flush()?;
            Ok(value)
        }
        _ => persist_with(&target, Durability::Durable, write),
    }
}

/// Whether `path` holds exactly the bytes `write` produces, read side by side with them
/// and given up at the first difference (an error in `write` counts as one). A cache
/// rebuilt to what it already was is then left alone: at 100,000 items rewriting the
/// read model cost 10–40 ms, and replacing the old file another 20 ms to free it.
pub fn holds(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> bool {
    /// Compares what it is given with the rest of the file.
    struct Compare {
        file: io::BufReader<std::fs::File>,
        scratch: Vec<u8>,
        differs: bool,
    }
    impl Write for Compare {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.scratch.resize(bytes.len(), 0);
            let same =
                io::Read::read_exact(&mut self.file, &mut self.scratch).is_ok() && self.scratch == bytes;
            if same {
                Ok(bytes.len())
            } else {
                self.differs = true;
                Err(io::Error::other("differs"))
            }
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut compare = Compare {
        file: io::BufReader::with_capacity(64 * 1024, file),
        scratch: Vec::new(),
        differs: false,
    };
    let written = write(&mut compare);
    let at_end = matches!(io::Read::read(&mut compare.file, &mut [0]), Ok(0));
    written.is_ok() && !compare.differs && at_end
}

/// The temp file being written, and for a durable one its early writeback.
struct Sink {
    temp: tempfile::NamedTempFile,
    writeback: Option<Writeback>,
}

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.temp.write(bytes)?;
        if let Some(writeback) = &mut self.writeback {
            writeback.wrote(written);
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

/// How much a durable file grows between two nudges to write it out.
const STRETCH: usize = 32 << 20;

/// Gets a large durable file onto the disk while it is still being written, so the fsync
/// at the end waits for its last stretch only. Without it, `events export -o` of 400 MB
/// spent its last 0.7 s or so waiting for the whole file to reach the disk, after all the
/// reading and encoding was done. A thread, started at the first full stretch, calls
/// `fdatasync` each time it is nudged; a nudge while it is busy is dropped, since its
/// next call writes everything written by then anyway.
struct Writeback {
    file: std::fs::File,
    since_nudge: usize,
    flusher: Option<Flusher>,
}

struct Flusher {
    nudge: std::sync::mpsc::SyncSender<()>,
    thread: std::thread::JoinHandle<io::Result<()>>,
}

impl Writeback {
    fn new(file: std::fs::File) -> Self {
        Self {
            file,
            since_nudge: 0,
            flusher: None,
        }
    }

    fn wrote(&mut self, bytes: usize) {
        self.since_nudge = self.since_nudge.saturating_add(bytes);
        if self.since_nudge < STRETCH {
            return;
        }
        self.since_nudge = 0;
        if self.flusher.is_none() {
            // Without a second handle (or a thread) the file is simply synced at the end.
            let Ok(file) = self.file.try_clone() else {
                return;
            };
            let (nudge, nudged) = std::sync::mpsc::sync_channel::<()>(1);
            let spawned = std::thread::Builder::new()
                .name("writeback".to_owned())
                .spawn(move || nudged.iter().try_for_each(|()| file.sync_data()));
            let Ok(thread) = spawned else {
                return;
            };
            self.flusher = Some(Flusher { nudge, thread });
        }
        if let Some(flusher) = &self.flusher {
            let _busy = flusher.nudge.try_send(());
        }
    }

    /// Waits for the thread, and reports a failed `fdatasync` (the file is not trusted then).
    fn finish(self) -> io::Result<()> {
        match self.flusher {
            None => Ok(()),
            Some(Flusher { nudge, thread }) => {
                drop(nudge);
                thread
                    .join()
                    .unwrap_or_else(|_| Err(io::Error::other("the writeback thread panicked")))
            }
        }
    }
}

/// Makes the folder's entries (a new or renamed file) durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs_err::File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_files_and_leaves_no_temp_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/file.txt");
        persist(&path, b"first, longer", Durability::Durable).unwrap();
        persist(&path, b"second", Durability::Cache).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1, "only the target remains: {names:?}");
    }

    #[test]
    fn holds_only_the_very_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.json");
        // Longer than one chunk of the comparison, written in pieces of another size.
        let bytes: Vec<u8> = (0..200_000u32).flat_map(u32::to_le_bytes).collect();
        let pieces = |bytes: Vec<u8>| {
            move |sink: &mut dyn Write| bytes.chunks(7_777).try_for_each(|piece| sink.write_all(piece))
        };
        assert!(!holds(&path, pieces(bytes.clone())), "no file holds nothing");
        persist(&path, &bytes, Durability::Cache).unwrap();
        assert!(holds(&path, pieces(bytes.clone())));
        let mut changed = bytes.clone();
        changed[500_000] ^= 1;
        assert!(!holds(&path, pieces(changed)), "one byte differs");
        assert!(
            !holds(&path, pieces(bytes[..bytes.len() - 1].to_vec())),
            "the file is longer"
        );
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(!holds(&path, pieces(longer)), "the file is shorter");
        assert!(!holds(&path, |sink| {
            sink.write_all(&bytes[..10])?;
            Err(io::Error::other("failed"))
        }));
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("file.txt");
        persist(&path, b"old", Durability::Durable).unwrap();
        let failed = persist_with(&path, Durability::Durable, |sink| {
            sink.write_all(b"half")?;
            Err::<(), _>(io::Error::other("disk on fire"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Past a stretch, the writeback thread syncs while the file is written: the bytes
    /// must come out whole and in order all the same, and a failure still keeps the old file.
    #[test]
    fn files_longer_than_a_writeback_stretch_are_whole_or_not_there() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.jsonl");
        let chunk: Vec<u8> = (0..=255u8).cycle().take(1 << 20).collect();
        let chunks = 2 * STRETCH / chunk.len() + 3;
        persist_with(&path, Durability::Durable, |sink| {
            (0..chunks).try_for_each(|_| sink.write_all(&chunk))
        })
        .unwrap();
        let written = std::fs::read(&path).unwrap();
        assert_eq!(written.len(), chunks * chunk.len());
        assert!(written.chunks(chunk.len()).all(|part| part == chunk.as_slice()));
        let failed = persist_with(&path, Durability::Durable, |sink| {
            (0..chunks).try_for_each(|_| sink.write_all(b"x"))?;
            (0..chunks).try_for_each(|_| sink.write_all(&chunk))?;
            Err::<(), _>(io::Error::other("disk on fire"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), written);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
