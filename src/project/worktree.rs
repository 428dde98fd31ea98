//! Which git working tree a folder is in, and, for a linked worktree (`git worktree add`),
//! the repository's main working tree: read from git's own files, a `.git` folder, or a
//! linked worktree's `.git` file (`gitdir: …`) whose git dir names the repository's common
//! dir in `commondir`. Two small files in a format git keeps stable: reading them costs no
//! dependency and no process on every command.

use std::path::{Path, PathBuf};

/// Where `cwd` is in git.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GitPlace {
    /// The root of the working tree `cwd` is in.
    pub top: PathBuf,
    /// The main working tree's root, when `top` is a linked worktree of a repository that
    /// has one (a bare repository's worktrees have none).
    pub main: Option<PathBuf>,
}

/// The working tree holding `cwd`, if any.
pub(super) fn locate(cwd: &Path) -> Option<GitPlace> {
    for dir in cwd.ancestors() {
        let dot_git = dir.join(".git");
        let Ok(meta) = std::fs::metadata(&dot_git) else {
            continue;
        };
        if meta.is_dir() {
            return Some(GitPlace {
                top: dir.to_path_buf(),
                main: None,
            });
        }
        return Some(GitPlace {
            top: dir.to_path_buf(),
            main: main_of(dir, &dot_git),
        });
    }
    None
}

/// The main working tree of the linked worktree at `dir`, whose `.git` file is `dot_git`.
/// `None` for anything else a `.git` file may be (a submodule's has no `commondir`).
fn main_of(dir: &Path, dot_git: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(dot_git).ok()?;
    let git_dir = text.lines().find_map(|line| line.strip_prefix("gitdir:"))?.trim();
    let git_dir = dir.join(git_dir);
    let common = std::fs::read_to_string(git_dir.join("commondir")).ok()?;
    let common = std::fs::canonicalize(git_dir.join(common.trim())).ok()?;
    // A repository with a main working tree keeps its common dir as that tree's `.git`.
    if common.file_name()? != ".git" {
        return None;
    }
    let main = common.parent()?.to_path_buf();
    main.is_dir().then_some(main)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_linked_worktree_names_its_main_working_tree() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let main = root.join("main");
        let linked = root.join("agent1");
        std::fs::create_dir_all(main.join(".git/worktrees/agent1")).unwrap();
        std::fs::create_dir_all(linked.join("src")).unwrap();
        std::fs::write(
            linked.join(".git"),
            format!("gitdir: {}\n", main.join(".git/worktrees/agent1").display()),
        )
        .unwrap();
        std::fs::write(main.join(".git/worktrees/agent1/commondir"), "../..\n").unwrap();
        assert_eq!(
            locate(&linked.join("src")),
            Some(GitPlace {
                top: linked.clone(),
                main: Some(main.clone()),
            })
        );
        assert_eq!(
            locate(&main),
            Some(GitPlace {
                top: main.clone(),
                main: None,
            })
        );
        // A submodule's `.git` file has no common dir: it is its own working tree.
        std::fs::remove_file(main.join(".git/worktrees/agent1/commondir")).unwrap();
        assert_eq!(locate(&linked).and_then(|place| place.main), None);
    }
}
