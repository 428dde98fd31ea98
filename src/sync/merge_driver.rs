//! For projects whose event files are committed to git by hand: `jerry merge-driver`, the
//! merge driver git runs for them, and `jerry sync --install-merge-driver`, which tells git
//! to. The merging rule itself is the store's (`store::jsonl::merge`); this is the part
//! that speaks git's driver protocol: read `%A` and `%B`, write the result over `%A`,
//! exit 0 for a clean merge and 1 for a conflict.

use std::path::{Path, PathBuf};

use jerry::store::jsonl::merge::{marker_for, merge_stream, MergeError, INDEX_MARK, MARKER, UNMERGED};

use super::git::{Git, GitError};

/// What `.gitattributes` gets: every file of a project's store (stream files merge by the
/// event rule; the rest is derived or local bookkeeping, and keeps ours).
pub const ATTRIBUTES: [&str; 1] = ["projects/*/.jerry/data/** merge=jerry"];

#[derive(Debug, thiserror::Error)]
pub enum DriverError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Merge {
        path: String,
        #[source]
        source: MergeError,
    },
    #[error(transparent)]
    Git(#[from] GitError),
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> DriverError + '_ {
    move |source| DriverError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Merges `theirs` into `ours` (git's `%A`, written in place) for the file at `path` (git's
/// `%P`, relative to the top of the work tree, where git runs the driver). A stream file
/// (`…/data/events/*.jsonl`) merges by the event rule; any other file of the store (the
/// index, caches, state records) keeps ours. Either way the marker is left that makes the
/// next command give positions again and rebuild the index and caches.
pub fn merge(ours: &Path, theirs: &Path, path: &str) -> Result<(), DriverError> {
    let target = Path::new(path);
    if let Some(marker) = marker_for(target) {
        let our_bytes = fs_err::read(ours).map_err(io(ours))?;
        let their_bytes = fs_err::read(theirs).map_err(io(theirs))?;
        let merged = match merge_stream(&our_bytes, &their_bytes) {
            Ok(merged) => merged,
            Err(source) => {
                keep_unmerged(&marker, target, &their_bytes)?;
                return Err(DriverError::Merge {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        fs_err::write(ours, merged).map_err(io(ours))?;
        leave_marker(&marker)?;
    } else if let Some(data) = target.ancestors().find(|dir| {
        dir.file_name().is_some_and(|n| n == "data") && dir.parent().is_some_and(|p| p.ends_with(".jerry"))
    }) {
        // The global index keeps ours, ending with the line that makes every clone that
        // gets this merge settle it (see `INDEX_MARK`).
        if target.parent() == Some(data) && target.file_name().is_some_and(|n| n == "index.jsonl") {
            let mut bytes = fs_err::read(ours).map_err(io(ours))?;
            if !bytes.ends_with(INDEX_MARK) {
                // A torn last line is no entry: it goes, rather than become one.
                bytes.truncate(bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1));
                bytes.extend_from_slice(INDEX_MARK);
                fs_err::write(ours, bytes).map_err(io(ours))?;
            }
        }
        leave_marker(&data.join(MARKER))?;
    }
    Ok(())
}

/// A conflict git will report, but that `git add` would settle by keeping our side alone:
/// their side's file is kept beside the log (`data/unmerged/`), where `jerry doctor`
/// reports it until someone merges it by hand and removes the copy. Nothing of theirs
/// vanishes quietly.
fn keep_unmerged(marker: &Path, target: &Path, theirs: &[u8]) -> Result<(), DriverError> {
    let (Some(data), Some(name)) = (marker.parent(), target.file_name()) else {
        return Ok(());
    };
    if !data.is_dir() {
        return Ok(());
    }
    let dir = data.join(UNMERGED);
    fs_err::create_dir_all(&dir).map_err(io(&dir))?;
    let copy = dir.join(name);
    fs_err::write(&copy, theirs).map_err(io(&copy))
}

fn leave_marker(marker: &Path) -> Result<(), DriverError> {
    if marker.parent().is_some_and(Path::is_dir) {
        fs_err::write(marker, b"").map_err(io(marker))?;
    }
    Ok(())
}

/// Writes the attributes (once) into the workspace's `.gitattributes` and names the
/// driver in the repository's config: this very jerry, by its full path. Returns the
/// lines added.
pub fn install(workspace: &Path) -> Result<Vec<String>, DriverError> {
    let git = Git::open(workspace)?;
    let exe = std::env::current_exe().map_err(io(Path::new("jerry")))?;
    let quoted = format!("'{}'", exe.display().to_string().replace('\'', r"'\''"));
    git.set_config(
        "merge.jerry.name",
        "jerry: merge event streams by event id and Lamport time",
    )?;
    git.set_config(
        "merge.jerry.driver",
        &format!("{quoted} merge-driver %O %A %B %P"),
    )?;
    let path = workspace.join(".gitattributes");
    let existing = match fs_err::read_to_string(&path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(err) => return Err(io(&path)(err)),
    };
    let missing: Vec<String> = ATTRIBUTES
        .iter()
        .filter(|line| !existing.lines().any(|have| have.trim() == **line))
        .map(|line| (*line).to_owned())
        .collect();
    if !missing.is_empty() {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for line in &missing {
            text.push_str(line);
            text.push('\n');
        }
        fs_err::write(&path, text).map_err(io(&path))?;
    }
    Ok(missing)
}

/// A merge the driver cannot make is a conflict for git, which is what exit 1 tells it.
impl From<DriverError> for crate::door::error::CommandError {
    fn from(err: DriverError) -> Self {
        Self::of(crate::door::error::ErrorKind::Failure, &err)
    }
}
