//! The composition root: workspace, project and store for one invocation.

use std::time::Duration;

use anyhow::Context as _;

use jerry::domain::{limits, ProjectId};

/// `--root` names no directory. Nothing is created for a root that does not exist, so a
/// typo cannot scatter projects across the disk.
#[derive(Debug, thiserror::Error)]
#[error("--root {}: no such directory", .0.display())]
pub struct MissingRoot(pub std::path::PathBuf);
use jerry::project::{Resolved, Workspace};
use jerry::store::jsonl::JsonlStore;

use super::args::GlobalArgs;

pub struct Context {
    global: GlobalArgs,
    workspace: Workspace,
    actor_given: bool,
}

/// The project a command runs against and its store.
pub struct Opened {
    pub project: ProjectId,
    pub store: JsonlStore,
    /// The project does not exist yet; a successful write creates it.
    pub first: bool,
}

impl Context {
    /// `actor_given`: whether `--actor` was typed (so read commands filter by it).
    pub fn new(global: GlobalArgs, actor_given: bool) -> anyhow::Result<Self> {
        limits::check_name("actor", &global.actor)?;
        if let Some(correlation) = &global.correlation_id {
            limits::check_name("correlation id", correlation)?;
        }
        if let Some(root) = &global.root {
            if !root.is_dir() {
                return Err(MissingRoot(root.clone()).into());
            }
        }
        let cwd = std::env::current_dir().context("cannot read the current directory")?;
        let workspace = Workspace::discover(global.root.clone(), &cwd);
        Ok(Self {
            global,
            workspace,
            actor_given,
        })
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn requested_project(&self) -> Option<&ProjectId> {
        self.global.project.as_ref()
    }

    pub fn actor(&self) -> &str {
        &self.global.actor
    }

    /// The actor to filter events by: `--actor` when typed on the command line.
    pub fn actor_filter(&self) -> Option<String> {
        self.actor_given.then(|| self.global.actor.clone())
    }

    pub fn correlation_id(&self) -> Option<&str> {
        self.global.correlation_id.as_deref()
    }

    /// Resolves the project and opens its store, creating nothing: in a workspace without
    /// projects the store points at `PROJ-001`, which the first append creates.
    pub fn open(&self) -> anyhow::Result<Opened> {
        let (project, first) = match self.workspace.resolve(self.global.project.clone())? {
            Resolved::Existing(id) => (id, false),
            Resolved::First(id) => (id, true),
        };
        let timeout = Duration::try_from_secs_f64(self.global.lock_timeout.max(0.0)).unwrap_or(Duration::MAX);
        let store = JsonlStore::with_lock_timeout(self.workspace.data_dir(&project), timeout);
        Ok(Opened {
            project,
            store,
            first,
        })
    }
}
