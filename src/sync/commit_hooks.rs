//! `jerry git install-hooks`: git hooks that hand each new commit to `jerry git scan`, so a
//! commit that says `Fixes WORK-12` closes WORK-12 (see `jerry::app::commits`).
//!
//! A hook already in place is never clobbered: it is moved to `<hook>.jerry-chained`
//! (bytes and mode kept, by a rename) and jerry's hook runs it first, with the same
//! arguments and input, and stops where it fails. `--remove` renames it back.

use std::path::{Path, PathBuf};

use jerry::app::CommitNote;

use super::git::{Git, GitError};

/// What marks a hook as jerry's own.
const MARK: &str = "# installed by jerry git install-hooks";

/// The hooks, with what each runs after the one it chains. `commit-msg` only warns about
/// items that do not exist; the others record.
const HOOKS: [(&str, &str); 4] = [
    ("commit-msg", r#""$JERRY" git check-message "$1" || true"#),
    ("post-commit", r#""$JERRY" --quiet git scan HEAD || true"#),
    (
        "post-merge",
        r#"[ -n "$(git rev-parse -q --verify ORIG_HEAD)" ] && "$JERRY" --quiet git scan ORIG_HEAD..HEAD || true"#,
    ),
    (
        "post-rewrite",
        r#"printf '%s\n' "$input" | while read -r old new rest; do [ -n "$new" ] && "$JERRY" --quiet git scan "$new"; done || true"#,
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum HooksError {
    #[error("{} is not inside a git repository", .0.display())]
    NotARepository(PathBuf),
    /// A revision `jerry git scan` was given that names no commit here.
    #[error("'{0}' names no commit in this repository")]
    NoSuchCommit(String),
    #[error(transparent)]
    Git(GitError),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl From<GitError> for HooksError {
    fn from(err: GitError) -> Self {
        match err {
            GitError::NotARepository(dir) => HooksError::NotARepository(dir),
            other => HooksError::Git(other),
        }
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> HooksError + '_ {
    move |source| HooksError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The folder git runs this repository's hooks from (`core.hooksPath` honoured, and a
/// worktree's hooks are its main repository's).
fn hooks_dir(workspace: &Path) -> Result<PathBuf, HooksError> {
    let git = Git::open(workspace)?;
    let dir = git.read(&["rev-parse", "--git-path", "hooks"])?;
    let dir = PathBuf::from(dir.trim());
    Ok(if dir.is_absolute() {
        dir
    } else {
        workspace.join(dir)
    })
}

fn script(hook: &str, runs: &str, exe: &Path) -> String {
    let quoted = format!("'{}'", exe.display().to_string().replace('\'', r"'\''"));
    let input = if hook == "post-rewrite" {
        "input=$(cat)\n"
    } else {
        ""
    };
    let chained_input = if hook == "post-rewrite" {
        r#"printf '%s\n' "$input" | "#
    } else {
        ""
    };
    format!(
        "#!/bin/sh\n{MARK}; `jerry git install-hooks --remove` takes it out.\n{input}\
         chained=\"$(dirname \"$0\")/{hook}.jerry-chained\"\n\
         if [ -x \"$chained\" ]; then {chained_input}\"$chained\" \"$@\" || exit $?; fi\n\
         JERRY={quoted}\n[ -x \"$JERRY\" ] || JERRY=jerry\n{runs}\nexit 0\n"
    )
}

/// Puts jerry's hooks in (again: jerry's own are rewritten, a chained one stays); with
/// `remove`, takes them out and puts back what they chained. Says what it did, one line
/// per hook.
pub fn install(workspace: &Path, remove: bool) -> Result<Vec<String>, HooksError> {
    let dir = hooks_dir(workspace)?;
    let exe = std::env::current_exe().map_err(io(Path::new("jerry")))?;
    fs_err::create_dir_all(&dir).map_err(io(&dir))?;
    let mut said = Vec::new();
    for (hook, runs) in HOOKS {
        let path = dir.join(hook);
        let chained = dir.join(format!("{hook}.jerry-chained"));
        let current = match fs_err::read_to_string(&path) {
            Ok(text) => Some(text),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            // Not text: certainly not ours.
            Err(err) if err.kind() == std::io::ErrorKind::InvalidData => Some(String::new()),
            Err(err) => return Err(io(&path)(err)),
        };
        let ours = current.as_deref().is_some_and(|text| text.contains(MARK));
        if remove {
            if !ours {
                continue;
            }
            if chained.exists() {
                fs_err::rename(&chained, &path).map_err(io(&path))?;
                said.push(format!("{hook}: put back the hook jerry's chained"));
            } else {
                fs_err::remove_file(&path).map_err(io(&path))?;
                said.push(format!("{hook}: removed"));
            }
            continue;
        }
        if current.is_some() && !ours {
            if chained.exists() {
                // Never overwrite a hook kept earlier: leave this one alone instead.
                said.push(format!(
                    "{hook}: left alone ({} exists; move one of them away)",
                    chained.display()
                ));
                continue;
            }
            fs_err::rename(&path, &chained).map_err(io(&path))?;
            said.push(format!("{hook}: installed, running the existing hook first"));
        } else if ours {
            said.push(format!("{hook}: already installed (rewritten)"));
        } else {
            said.push(format!("{hook}: installed"));
        }
        let text = script(hook, runs, &exe);
        jerry::persist::persist(&path, text.as_bytes(), jerry::persist::Durability::Durable)
            .map_err(io(&path))?;
        set_executable(&path)?;
    }
    Ok(said)
}

fn set_executable(path: &Path) -> Result<(), HooksError> {
    use std::os::unix::fs::PermissionsExt;
    let mut permissions = fs_err::metadata(path).map_err(io(path))?.permissions();
    permissions.set_mode(permissions.mode() | 0o755);
    fs_err::set_permissions(path, permissions).map_err(io(path))
}

/// The commits `revs` name, oldest first: each a commit (`HEAD`, an id) or a range
/// (`A..B`, the commits in B and not in A).
pub fn commits(workspace: &Path, revs: &[String]) -> Result<Vec<CommitNote>, HooksError> {
    let git = Git::open(workspace)?;
    let mut ids = Vec::new();
    for rev in revs {
        let listed = if rev.contains("..") {
            git.read(&["rev-list", "--reverse", "--end-of-options", rev])
        } else {
            git.read(&[
                "rev-parse",
                "--verify",
                "--end-of-options",
                &format!("{rev}^{{commit}}"),
            ])
        }
        .map_err(|err| match err {
            GitError::Failed { .. } => HooksError::NoSuchCommit(rev.clone()),
            other => other.into(),
        })?;
        for id in listed.lines().map(str::trim).filter(|id| !id.is_empty()) {
            if !ids.iter().any(|known| known == id) {
                ids.push(id.to_owned());
            }
        }
    }
    let mut notes = Vec::with_capacity(ids.len());
    for id in ids {
        // Author and message, split by a NUL git never puts in either.
        let shown = git.read(&["show", "-s", "--format=%an <%ae>%x00%B", &id])?;
        let (author, message) = shown.split_once('\0').unwrap_or(("", &shown));
        notes.push(CommitNote {
            commit: id,
            author: author.trim().to_owned(),
            message: message.trim_end().to_owned(),
        });
    }
    Ok(notes)
}

impl From<HooksError> for crate::door::error::CommandError {
    fn from(err: HooksError) -> Self {
        use crate::door::error::{CommandError, ErrorKind};
        match err {
            HooksError::NotARepository(_) => {
                CommandError::of(ErrorKind::Failure, &err).hint("git init, or run it inside a clone")
            }
            HooksError::NoSuchCommit(_) => CommandError::of(ErrorKind::NotFound, &err)
                .hint("git log --oneline shows the commits (a new repository has none yet)"),
            _ => CommandError::of(ErrorKind::Failure, &err),
        }
    }
}
