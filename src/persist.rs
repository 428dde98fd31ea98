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
    let mut sink = io::BufWriter::with_capacity(256 * 1024, temp);
    let value = write(&mut sink)?;
    let temp = sink.into_inner().map_err(io::IntoInnerError::into_error)?;
    if durability == Durability::Durable {
        temp.as_file().sync_all()?;
    }
    temp.persist(path).map_err(|err| err.error)?;
    if durability == Durability::Durable {
        sync_dir(dir)?;
    }
    Ok(value)
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
}
