//! Workspace discovery: where the `projects/` folder is and which project a command uses.
//!
//! There is no in-memory fallback: with no project yet, commands use `PROJ-001` on disk,
//! which its first write creates (the caller tells the user once); a read there sees an
//! empty project and creates nothing.

use std::io;
use std::path::{Path, PathBuf};

use crate::domain::ProjectId;

/// What `git add -A` must leave out of a project's data: each clone's own, rebuilt or made
/// again by jerry (caches, which check themselves against the log; the write lock;
/// quarantined copies). Events, the index, the archive, the state records and the
/// next-number hint are the project's and are committed when a team commits its event
/// files (README, "What to commit"): the hint travels with its branch, so a branch keeps
/// numbering where it was.
const LOCAL_FILES: &str = "\
# Local to this clone; jerry rebuilds or recreates these (README: What to commit).
data/cache/
data/write.lock
quarantine/
hooks/
";

mod worktree;

/// The folder that holds `projects/`.
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
    found: Found,
}

/// Why a workspace is where it is (`store info` says so).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// `--root` or `JERRY_ROOT` named it.
    Given,
    /// The nearest folder above the current one holding `projects/`.
    Ancestor,
    /// The current folder is in a linked git worktree (this one) without event files of
    /// its own: every worktree of the repository shares its main working tree's tracker.
    MainWorktree { worktree: PathBuf },
    /// No `projects/` yet above the current folder: the root of the git working tree it
    /// is in, where the first write makes one.
    GitTop,
    /// Neither `projects/` nor git above: the current folder.
    Here,
}

impl Found {
    /// The reason in a few words, and a word for scripts.
    pub fn describe(&self) -> (&'static str, String) {
        match self {
            Found::Given => ("given", "named by --root or JERRY_ROOT".to_owned()),
            Found::Ancestor => ("found", "the nearest folder above holding projects/".to_owned()),
            Found::MainWorktree { worktree } => (
                "main_worktree",
                format!(
                    "the repository's main working tree, shared by its worktrees; this one is {}",
                    worktree.display()
                ),
            ),
            Found::GitTop => (
                "git_top",
                "the root of this git working tree (no projects/ yet)".to_owned(),
            ),
            Found::Here => (
                "current_dir",
                "the current folder (no projects/ above it)".to_owned(),
            ),
        }
    }
}

/// The project a command runs against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Existing(ProjectId),
    /// The workspace has no project yet: `PROJ-001` is used, and its first write creates it.
    First(ProjectId),
}

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("project {id} not found in {root}{}", list_hint(available))]
    NotFound {
        id: ProjectId,
        root: PathBuf,
        available: Vec<ProjectId>,
    },
    #[error("several projects in {root} and none chosen: {}", join(available))]
    Ambiguous {
        root: PathBuf,
        available: Vec<ProjectId>,
    },
    #[error("{context} {path}: {source}")]
    Io {
        context: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn join(ids: &[ProjectId]) -> String {
    ids.iter().map(ProjectId::as_str).collect::<Vec<_>>().join(", ")
}

fn list_hint(available: &[ProjectId]) -> String {
    if available.is_empty() {
        String::new()
    } else {
        format!(" (projects here: {})", join(available))
    }
}

impl Workspace {
    /// Uses `explicit` when given. Otherwise, in a linked git worktree, the repository's
    /// main working tree, unless the worktree holds event files of its own (a team that
    /// commits them: the worktree's branch has its own log); elsewhere the nearest ancestor
    /// of `cwd` holding a `projects/` folder, else the root of the git working tree `cwd`
    /// is in, else `cwd` itself.
    pub fn discover(explicit: Option<PathBuf>, cwd: &Path) -> Self {
        if let Some(root) = explicit {
            return Self {
                root,
                found: Found::Given,
            };
        }
        let ancestor = cwd.ancestors().find(|dir| dir.join("projects").is_dir());
        let git = worktree::locate(cwd);
        if let Some(worktree::GitPlace {
            top,
            main: Some(main),
        }) = &git
        {
            let own = ancestor.filter(|dir| dir.starts_with(top) && holds_events(dir));
            if own.is_none() {
                // The same folder in the main working tree, and the nearest `projects/` above
                // it there (a repository may keep its tracker in a subfolder).
                let mirrored: PathBuf = cwd
                    .strip_prefix(top)
                    .map_or_else(|_| main.clone(), |rel| main.join(rel))
                    .components()
                    .collect();
                let root = mirrored
                    .ancestors()
                    .take_while(|dir| dir.starts_with(main))
                    .find(|dir| dir.join("projects").is_dir())
                    .unwrap_or(main);
                return Self {
                    root: root.to_path_buf(),
                    found: Found::MainWorktree {
                        worktree: top.clone(),
                    },
                };
            }
        }
        match (ancestor, git) {
            (Some(dir), _) => Self {
                root: dir.to_path_buf(),
                found: Found::Ancestor,
            },
            (None, Some(place)) => Self {
                root: place.top,
                found: Found::GitTop,
            },
            (None, None) => Self {
                root: cwd.to_path_buf(),
                found: Found::Here,
            },
        }
    }

    /// Why this workspace is the one in use.
    pub fn found(&self) -> &Found {
        &self.found
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn projects_dir(&self) -> PathBuf {
        self.root.join("projects")
    }

    pub fn project_dir(&self, id: &ProjectId) -> PathBuf {
        self.projects_dir().join(id.as_str())
    }

    /// The directory the event store of a project lives in.
    pub fn data_dir(&self, id: &ProjectId) -> PathBuf {
        self.project_dir(id).join(".jerry").join("data")
    }

    /// Every folder under `projects/` whose name is a project id, sorted.
    pub fn list_projects(&self) -> Result<Vec<ProjectId>, ProjectError> {
        let dir = self.projects_dir();
        let entries = match fs_err::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(io_error("cannot list", &dir, source)),
        };
        let mut ids = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| io_error("cannot list", &dir, source))?;
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if let (true, Some(name)) = (is_dir, entry.file_name().to_str()) {
                // Only a folder named exactly as jerry names projects is one.
                if let Some(id) = name.parse::<ProjectId>().ok().filter(|id| id.as_str() == name) {
                    ids.push(id);
                }
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// Creates the project's folders, with the ignore rules for what is local to a clone.
    /// Returns false when it already existed.
    /// A second project does not take the first one's place: the first becomes the
    /// default, so the commands that worked before still do, until `projects use`.
    pub fn create_project(&self, id: &ProjectId) -> Result<bool, ProjectError> {
        let existed = self.project_dir(id).is_dir();
        if !existed {
            if let [first] = self.list_projects()?.as_slice() {
                if self.default_project()?.is_none() {
                    self.set_default_project(first)?;
                }
            }
        }
        let events = self.data_dir(id).join("events");
        fs_err::create_dir_all(&events).map_err(|source| io_error("cannot create", &events, source))?;
        let ignore = self.project_dir(id).join(".jerry").join(".gitignore");
        if !ignore.exists() {
            crate::persist::persist(
                &ignore,
                LOCAL_FILES.as_bytes(),
                crate::persist::Durability::Durable,
            )
            .map_err(|source| io_error("cannot write", &ignore, source))?;
        }
        Ok(!existed)
    }

    /// The lowest `PROJ-NNN` number not yet used.
    pub fn next_project_id(&self) -> Result<ProjectId, ProjectError> {
        let taken: Vec<u64> = self.list_projects()?.iter().map(ProjectId::number).collect();
        // Among the first len + 1 numbers one is always free.
        let free = (1..=taken.len() as u64 + 1)
            .find(|n| !taken.contains(n))
            .unwrap_or(1);
        Ok(ProjectId::from_number(free))
    }

    /// The file naming the workspace's default project (`jerry projects use`).
    fn default_path(&self) -> PathBuf {
        self.projects_dir().join(".default-project")
    }

    /// The default project set by `jerry projects use`, if it still exists.
    pub fn default_project(&self) -> Result<Option<ProjectId>, ProjectError> {
        let Ok(text) = fs_err::read_to_string(self.default_path()) else {
            return Ok(None);
        };
        let Ok(id) = text.trim().parse::<ProjectId>() else {
            return Ok(None);
        };
        Ok(self.list_projects()?.contains(&id).then_some(id))
    }

    /// Makes `id` (which must exist) the project commands use when none is named.
    pub fn set_default_project(&self, id: &ProjectId) -> Result<ProjectId, ProjectError> {
        let Resolved::Existing(id) = self.resolve(Some(id.clone()))? else {
            return Err(ProjectError::NotFound {
                id: id.clone(),
                root: self.root.clone(),
                available: self.list_projects()?,
            });
        };
        let path = self.default_path();
        crate::persist::persist(
            &path,
            format!("{id}\n").as_bytes(),
            crate::persist::Durability::Durable,
        )
        .map_err(|source| io_error("cannot write", &path, source))?;
        Ok(id)
    }

    /// Picks the project for a command: the requested one (which must exist; a bare number
    /// finds the one project with that number, slug or not), else the workspace's default
    /// (`projects use`), else the only one, else (in a workspace without projects)
    /// `PROJ-001`. Creates nothing.
    pub fn resolve(&self, requested: Option<ProjectId>) -> Result<Resolved, ProjectError> {
        let available = self.list_projects()?;
        if let Some(id) = requested {
            if available.contains(&id) {
                return Ok(Resolved::Existing(id));
            }
            if !id.has_slug() {
                let numbered: Vec<&ProjectId> =
                    available.iter().filter(|p| p.number() == id.number()).collect();
                if let [only] = numbered.as_slice() {
                    return Ok(Resolved::Existing((*only).clone()));
                }
            }
            return Err(ProjectError::NotFound {
                id,
                root: self.root.clone(),
                available,
            });
        }
        if let Some(default) = self.default_project()? {
            return Ok(Resolved::Existing(default));
        }
        match available.as_slice() {
            [only] => Ok(Resolved::Existing(only.clone())),
            [] => Ok(Resolved::First(ProjectId::from_number(1))),
            _ => Err(ProjectError::Ambiguous {
                root: self.root.clone(),
                available,
            }),
        }
    }
}

fn io_error(context: &'static str, path: &Path, source: io::Error) -> ProjectError {
    ProjectError::Io {
        context,
        path: path.to_path_buf(),
        source,
    }
}

/// Whether any project under `root` has event files (`data/events/` not empty).
fn holds_events(root: &Path) -> bool {
    let Ok(projects) = fs_err::read_dir(root.join("projects")) else {
        return false;
    };
    projects.filter_map(Result::ok).any(|project| {
        fs_err::read_dir(project.path().join(".jerry").join("data").join("events"))
            .is_ok_and(|mut events| events.next().is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> ProjectId {
        text.parse().unwrap()
    }

    #[test]
    fn discovers_the_nearest_ancestor_with_projects() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(Workspace::discover(None, &deep).root(), deep);
        std::fs::create_dir_all(dir.path().join("projects")).unwrap();
        assert_eq!(Workspace::discover(None, &deep).root(), dir.path());
    }

    #[test]
    fn an_empty_workspace_uses_the_first_project_without_creating_it() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::discover(Some(dir.path().into()), dir.path());
        assert_eq!(ws.resolve(None).unwrap(), Resolved::First(id("PROJ-001")));
        assert!(!ws.projects_dir().exists());
        ws.create_project(&id("PROJ-001")).unwrap();
        assert_eq!(ws.resolve(None).unwrap(), Resolved::Existing(id("PROJ-001")));
    }

    #[test]
    fn several_projects_need_a_choice() {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::discover(Some(dir.path().into()), dir.path());
        ws.create_project(&id("PROJ-001")).unwrap();
        ws.create_project(&id("PROJ-002-web")).unwrap();
        std::fs::create_dir_all(ws.projects_dir().join("not-a-project")).unwrap();
        // The second project left the first the default.
        assert_eq!(ws.resolve(None).unwrap(), Resolved::Existing(id("PROJ-001")));
        std::fs::remove_file(ws.default_path()).unwrap();
        let err = ws.resolve(None).unwrap_err();
        assert!(err.to_string().contains("PROJ-001, PROJ-002-web"), "{err}");
        assert_eq!(
            ws.resolve(Some(id("PROJ-002-web"))).unwrap(),
            Resolved::Existing(id("PROJ-002-web"))
        );
        assert!(matches!(
            ws.resolve(Some(id("PROJ-009"))),
            Err(ProjectError::NotFound { .. })
        ));
        assert_eq!(ws.next_project_id().unwrap(), id("PROJ-003"));
    }
}
