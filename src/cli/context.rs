//! The composition root: workspace, project, settings and store for one invocation.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;

use jerry::config::ProjectConfig;
use jerry::domain::{limits, ProjectId, WorkType};
use jerry::project::{Resolved, Workspace};
use jerry::store::{Backend, OpenOptions, StoreUrl};

use super::args::GlobalArgs;

/// `--root` names no directory. Nothing is created for a root that does not exist, so a
/// typo cannot scatter projects across the disk.
#[derive(Debug, thiserror::Error)]
#[error("--root {}: no such directory", .0.display())]
pub struct MissingRoot(pub std::path::PathBuf);

/// Which settings the user gave explicitly (flag or environment), so that a project's
/// config.toml only fills in the others.
#[derive(Debug, Clone, Copy, Default)]
pub struct Explicit {
    /// `--actor` typed on the command line (read commands then filter by it).
    pub actor_typed: bool,
    /// `--actor` or `JERRY_ACTOR`.
    pub actor: bool,
    pub lock_timeout: bool,
    pub work_type: bool,
}

/// The project a command runs against and its settings, before any store is opened.
pub struct Settings {
    pub project: ProjectId,
    /// The project does not exist yet; a successful write creates it.
    pub first: bool,
    pub config: ProjectConfig,
}

pub struct Context {
    global: GlobalArgs,
    workspace: Workspace,
    explicit: Explicit,
}

/// The project a command runs against, its settings and its store.
pub struct Opened {
    pub project: ProjectId,
    pub store: Backend,
    /// The project does not exist yet; a successful write creates it.
    pub first: bool,
    pub config: ProjectConfig,
}

/// Built-in defaults, used when neither a flag, its environment variable nor config.toml
/// says otherwise.
const DEFAULT_ACTOR: &str = "user";
const DEFAULT_LOCK_TIMEOUT: f64 = 5.0;

impl Context {
    pub fn new(global: GlobalArgs, explicit: Explicit) -> anyhow::Result<Self> {
        if let Some(actor) = &global.actor {
            limits::check_name("actor", actor)?;
        }
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
        // A path typed in a shell means the shell's folder; one in config.toml, the
        // workspace's (see `store_url`).
        let mut global = global;
        global.store = global.store.map(|url| url.relative_to(&cwd));
        Ok(Self {
            global,
            workspace,
            explicit,
        })
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn requested_project(&self) -> Option<&ProjectId> {
        self.global.project.as_ref()
    }

    /// Who writes: `--actor` / `JERRY_ACTOR`, else the project's `actor`, else `user`.
    pub fn actor(&self, opened: &Opened) -> String {
        match (&self.global.actor, &opened.config.actor) {
            (Some(actor), _) if self.explicit.actor => actor.clone(),
            (_, Some(actor)) => actor.clone(),
            _ => DEFAULT_ACTOR.to_owned(),
        }
    }

    /// The actor to filter events by: `--actor` when typed on the command line.
    pub fn actor_filter(&self) -> Option<String> {
        self.explicit
            .actor_typed
            .then(|| self.global.actor.clone())
            .flatten()
    }

    /// The type of a new item: `--type`, else the project's `default_type`, else task.
    pub fn work_type(&self, given: WorkType, opened: &Opened) -> WorkType {
        match opened.config.default_type {
            Some(configured) if !self.explicit.work_type => configured,
            _ => given,
        }
    }

    pub fn correlation_id(&self) -> Option<&str> {
        self.global.correlation_id.as_deref()
    }

    /// Where the resolved project's config.toml lives (whether or not it exists).
    pub fn config_path(&self, project: &ProjectId) -> PathBuf {
        self.workspace
            .project_dir(project)
            .join(".jerry")
            .join("config.toml")
    }

    /// Resolves the project and reads its settings, creating nothing.
    pub fn settings(&self) -> anyhow::Result<Settings> {
        let (project, first) = match self.workspace.resolve(self.global.project.clone())? {
            Resolved::Existing(id) => (id, false),
            Resolved::First(id) => (id, true),
        };
        let config = ProjectConfig::load(&self.config_path(&project))?;
        Ok(Settings {
            project,
            first,
            config,
        })
    }

    /// Where a project's events live: `--store`/`JERRY_STORE`, else its config's `store`
    /// (a relative SQLite path there is relative to the workspace), else the files.
    pub fn store_url(&self, config: &ProjectConfig) -> anyhow::Result<StoreUrl> {
        if let Some(url) = &self.global.store {
            return Ok(url.clone());
        }
        match &config.store {
            Some(text) => Ok(text.parse::<StoreUrl>()?.relative_to(self.workspace.root())),
            None => Ok(StoreUrl::Jsonl),
        }
    }

    /// How the project's store is opened: its folder, its scope and the lock timeout.
    pub fn open_options(&self, project: &ProjectId, config: &ProjectConfig) -> OpenOptions {
        let seconds = match (self.global.lock_timeout, config.lock_timeout) {
            (Some(seconds), _) if self.explicit.lock_timeout => seconds,
            (_, Some(seconds)) => seconds,
            (Some(seconds), None) => seconds,
            (None, None) => DEFAULT_LOCK_TIMEOUT,
        };
        OpenOptions {
            data_dir: self.workspace.data_dir(project),
            scope: project.as_str().to_owned(),
            lock_timeout: Duration::try_from_secs_f64(seconds.max(0.0)).unwrap_or(Duration::MAX),
        }
    }

    /// Resolves the project and opens its store, creating nothing: in a workspace without
    /// projects the store points at `PROJ-001`, which the first append creates.
    pub fn open(&self) -> anyhow::Result<Opened> {
        let Settings {
            project,
            first,
            config,
        } = self.settings()?;
        if std::env::var_os("JERRY_SNAPSHOT_EVERY").is_none() {
            if let Some(every) = config.snapshot_interval {
                jerry::app::configure_snapshot_every(every);
            }
        }
        let options = self.open_options(&project, &config);
        let store = Backend::open(&self.store_url(&config)?, &options)?;
        Ok(Opened {
            project,
            store,
            first,
            config,
        })
    }
}
