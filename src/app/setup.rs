//! From what a front door was told (`--root`, `--project`, `--store`, `--actor`, …) to an
//! open [`Session`]: the workspace, the project, its settings and its store, resolved the
//! same way for every front door. Precedence, highest first: what the front door was given
//! (a flag or its environment variable), the project's `config.toml`, the user's, the built-in
//! default.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use crate::config::ProjectConfig;
use crate::domain::{limits, ProjectId};
use crate::project::{ProjectError, Resolved, Workspace};
use crate::store::{Backend, EventStore, OpenOptions, StoreUrl};

use super::{AppError, Environment, ItemRepository, Session};

/// What the user gave explicitly; everything unset falls back to the project's settings.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub root: Option<PathBuf>,
    pub project: Option<ProjectId>,
    pub actor: Option<String>,
    pub correlation_id: Option<String>,
    pub lock_timeout: Option<f64>,
    /// Relative SQLite paths are taken relative to the working directory.
    pub store: Option<StoreUrl>,
}

/// The project a command runs against and its settings, before any store is opened.
#[derive(Debug, Clone)]
pub struct Settings {
    pub project: ProjectId,
    /// The project does not exist yet; a successful write creates it.
    pub first: bool,
    /// What the commands use: the project's settings over the user's.
    pub config: ProjectConfig,
    /// The project's file alone, and the user's, to say where a setting comes from.
    pub layers: ConfigLayers,
}

/// The files settings come from, each as it is.
#[derive(Debug, Clone, Default)]
pub struct ConfigLayers {
    pub project: ProjectConfig,
    pub user: ProjectConfig,
}

/// `{id, path, items, events, store}` of one project, for `projects list|show`.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectSummary {
    pub id: ProjectId,
    pub path: PathBuf,
    pub items: usize,
    pub events: u64,
    pub store: &'static str,
    /// The project commands use when none is named.
    pub default: bool,
}

/// One setting as it takes effect, and where its value comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting {
    pub key: &'static str,
    pub value: String,
    /// `flag or environment`, `config.toml` or `default`.
    pub source: &'static str,
}

/// Every key's built-in default, in the order `config list` shows them.
const DEFAULTS: [(&str, &str); 12] = [
    ("actor", DEFAULT_ACTOR),
    ("default_type", "task"),
    ("lock_timeout", "5"),
    ("snapshot_interval", "50"),
    ("store", "jsonl"),
    ("quality_gate", "off"),
    ("policies", "none"),
    ("sync_remote", "origin"),
    ("time_format", "relative"),
    ("prefix", crate::domain::ids::CANONICAL_PREFIX),
    ("claim_lease", "none"),
    ("stale_after", "3d"),
];

/// Built-in defaults, used when neither the front door nor config.toml says otherwise.
const DEFAULT_ACTOR: &str = "user";
const DEFAULT_LOCK_TIMEOUT: f64 = 5.0;

/// The resolved workspace plus what the user gave: everything needed to open a session.
pub struct Setup {
    overrides: Overrides,
    workspace: Workspace,
    env: Environment,
}

impl Setup {
    /// Checks what was given (names, `--root`) and finds the workspace from `cwd`.
    pub fn new(overrides: Overrides, env: Environment, cwd: &Path) -> Result<Self, AppError> {
        if let Some(actor) = &overrides.actor {
            limits::check_name("actor", actor)?;
        }
        if let Some(correlation) = &overrides.correlation_id {
            limits::check_name("correlation id", correlation)?;
        }
        if let Some(root) = &overrides.root {
            if !root.is_dir() {
                return Err(AppError::MissingRoot(root.clone()));
            }
        }
        let workspace = Workspace::discover(overrides.root.clone(), cwd);
        // A path typed in a shell means the shell's folder; one in config.toml, the
        // workspace's (see `store_url`).
        let mut overrides = overrides;
        overrides.store = overrides.store.map(|url| url.relative_to(cwd));
        Ok(Self {
            overrides,
            workspace,
            env,
        })
    }

    /// The same setup for another project of the workspace, which must exist (`items move
    /// --to`): a move never creates its target by a typo.
    pub fn for_project(&self, project: ProjectId) -> Result<Setup, AppError> {
        let Resolved::Existing(project) = self.workspace.resolve(Some(project))? else {
            return Err(AppError::NoProject {
                root: self.workspace.root().to_path_buf(),
            });
        };
        let mut overrides = self.overrides.clone();
        overrides.project = Some(project);
        Ok(Setup {
            overrides,
            workspace: self.workspace.clone(),
            env: self.env.clone(),
        })
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn env(&self) -> &Environment {
        &self.env
    }

    pub fn requested_project(&self) -> Option<&ProjectId> {
        self.overrides.project.as_ref()
    }

    /// Where a project's config.toml lives (whether or not it exists).
    pub fn config_path(&self, project: &ProjectId) -> PathBuf {
        self.workspace
            .project_dir(project)
            .join(".jerry")
            .join("config.toml")
    }

    /// Resolves the project and reads its settings, creating nothing.
    pub fn settings(&self) -> Result<Settings, AppError> {
        let (project, first) = match self.workspace.resolve(self.overrides.project.clone())? {
            Resolved::Existing(id) => (id, false),
            Resolved::First(id) => (id, true),
        };
        let layers = ConfigLayers {
            project: ProjectConfig::load(&self.config_path(&project))?,
            user: self.user_config()?,
        };
        let config = layers.project.clone().over(&layers.user);
        crate::domain::ids::show_ids_with(
            config
                .prefix
                .as_deref()
                .unwrap_or(crate::domain::ids::CANONICAL_PREFIX),
        );
        Ok(Settings {
            project,
            first,
            config,
            layers,
        })
    }

    /// The user's own settings, under every project's (empty without the file).
    pub fn user_config(&self) -> Result<ProjectConfig, AppError> {
        match crate::config::user_config_path() {
            Some(path) => Ok(ProjectConfig::load(&path)?),
            None => Ok(ProjectConfig::default()),
        }
    }

    /// A project's settings as its commands use them: its own over the user's.
    fn config_of(&self, project: &ProjectId) -> Result<ProjectConfig, AppError> {
        Ok(ProjectConfig::load(&self.config_path(project))?.over(&self.user_config()?))
    }

    /// Where a project's events live: the given store, else its config's `store` (a
    /// relative SQLite path there is relative to the workspace), else the files.
    pub fn store_url(&self, config: &ProjectConfig) -> Result<StoreUrl, AppError> {
        if let Some(url) = &self.overrides.store {
            return Ok(url.clone());
        }
        match &config.store {
            Some(text) => Ok(text.parse::<StoreUrl>()?.relative_to(self.workspace.root())),
            None => Ok(StoreUrl::Jsonl),
        }
    }

    /// How the project's store is opened: its folder, its scope and the lock timeout.
    pub fn open_options(&self, project: &ProjectId, config: &ProjectConfig) -> OpenOptions {
        let seconds = self
            .overrides
            .lock_timeout
            .or(config.lock_timeout)
            .unwrap_or(DEFAULT_LOCK_TIMEOUT);
        OpenOptions {
            data_dir: self.workspace.data_dir(project),
            scope: project.as_str().to_owned(),
            lock_timeout: Duration::try_from_secs_f64(seconds.max(0.0)).unwrap_or(Duration::MAX),
        }
    }

    /// Who writes: the given actor, else the project's `actor`, else `user`.
    fn actor(&self, config: &ProjectConfig) -> String {
        self.overrides
            .actor
            .clone()
            .or_else(|| config.actor.clone())
            .unwrap_or_else(|| DEFAULT_ACTOR.to_owned())
    }

    /// Every setting as a command would use it: what the front door was given (a flag or
    /// its environment variable), else the project's `config.toml`, else the user's, else
    /// the default.
    pub fn effective(&self, layers: &ConfigLayers) -> Result<Vec<Setting>, AppError> {
        let mut settings = Vec::new();
        for (key, default) in DEFAULTS {
            let given = match key {
                "actor" => self.overrides.actor.clone(),
                "lock_timeout" => self.overrides.lock_timeout.map(|s| s.to_string()),
                "store" => self.overrides.store.as_ref().map(ToString::to_string),
                "snapshot_interval" => std::env::var("JERRY_SNAPSHOT_EVERY").ok(),
                _ => None,
            };
            let (value, source) = match (given, layers.project.get(key)?, layers.user.get(key)?) {
                (Some(value), _, _) => (value, "flag or environment"),
                (None, Some(value), _) => (value, "config.toml"),
                (None, None, Some(value)) => (value, "user config"),
                (None, None, None) => (default.to_owned(), "default"),
            };
            settings.push(Setting { key, value, source });
        }
        for (term, default, _) in crate::domain::urgency::TERMS {
            let key = format!("urgency.{term}");
            let (value, source) = match (layers.project.get(&key)?, layers.user.get(&key)?) {
                (Some(value), _) => (value, "config.toml"),
                (None, Some(value)) => (value, "user config"),
                (None, None) => (default.to_string(), "default"),
            };
            settings.push(Setting {
                key: urgency_key(term),
                value,
                source,
            });
        }
        for key in ["wip_limit.in_progress", "wip_limit.blocked"] {
            let (value, source) = match (layers.project.get(key)?, layers.user.get(key)?) {
                (Some(value), _) => (value, "config.toml"),
                (None, Some(value)) => (value, "user config"),
                (None, None) => ("none".to_owned(), "default"),
            };
            settings.push(Setting { key, value, source });
        }
        Ok(settings)
    }

    /// Removes one setting of the resolved project, under the same lock as `set_config`.
    pub fn unset_config(&self, key: &str) -> Result<Settings, AppError> {
        let settings = self.settings()?;
        ProjectConfig::default().unset(key)?;
        let path = self.config_path(&settings.project);
        if path.exists() {
            ProjectConfig::update(&path, |config| config.unset(key))?;
        }
        Ok(settings)
    }

    /// Opens a session for reading, which never writes: a store file that does not exist
    /// yet (a mistyped `--store sqlite:…`) reads as empty instead of being created, and
    /// with `require_project` a file-store project that does not exist yet is
    /// [`AppError::NoProject`] (and a missing database file [`AppError::NoStore`]).
    pub fn open_read(&self, require_project: bool) -> Result<Session, AppError> {
        self.check_root()?;
        let settings = self.settings()?;
        let no_project = || AppError::NoProject {
            root: self.workspace.root().to_path_buf(),
        };
        let url = self.store_url(&settings.config)?;
        if require_project && settings.first && url == StoreUrl::Jsonl {
            return Err(no_project());
        }
        if let StoreUrl::Sqlite(path) = &url {
            if !path.exists() {
                if require_project {
                    return Err(AppError::NoStore(url));
                }
                return Ok(self.session(
                    settings,
                    Backend::Memory(crate::store::memory::MemoryStore::new()),
                    url,
                ));
            }
        }
        // A database store named explicitly is the project's home even before its folder
        // exists here (the folder comes with the first write).
        self.open()
    }

    /// A `--root` naming a `projects/` folder itself, not the workspace holding it.
    fn check_root(&self) -> Result<(), AppError> {
        let root = self.workspace.root();
        let is_projects_dir =
            root.file_name().is_some_and(|n| n == "projects") && !root.join("projects").is_dir();
        let holds_projects = fs_err::read_dir(root).is_ok_and(|entries| {
            entries.filter_map(Result::ok).any(|e| {
                e.file_name()
                    .to_str()
                    .is_some_and(|n| n.parse::<ProjectId>().is_ok())
            })
        });
        if is_projects_dir && holds_projects {
            return Err(AppError::RootIsProjectsDir {
                root: root.to_path_buf(),
                parent: root
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            });
        }
        Ok(())
    }

    fn session(&self, settings: Settings, store: Backend, url: StoreUrl) -> Session {
        let Settings {
            project,
            first,
            config,
            ..
        } = settings;
        let options = self.open_options(&project, &config);
        Session::new(super::session::Parts {
            workspace: self.workspace.clone(),
            project,
            first,
            store,
            url,
            options,
            env: self.env.clone(),
            actor: self.actor(&config),
            correlation_id: self.overrides.correlation_id.clone(),
            config,
        })
    }

    /// Resolves the project and opens its store, creating nothing: in a workspace without
    /// projects the session points at `PROJ-001`, which its first write creates.
    pub fn open(&self) -> Result<Session, AppError> {
        self.check_root()?;
        let Settings {
            project,
            first,
            config,
            layers,
        } = self.settings()?;
        if std::env::var_os("JERRY_SNAPSHOT_EVERY").is_none() {
            if let Some(every) = config.snapshot_interval {
                super::configure_snapshot_every(every);
            }
        }
        let url = self.store_url(&config)?;
        let store = Backend::open(&url, &self.open_options(&project, &config))?;
        Ok(self.session(
            Settings {
                project,
                first,
                config,
                layers,
            },
            store,
            url,
        ))
    }

    /// Creates a project: the one named, else (with `another`) the next free number, else
    /// — `jerry init` in a workspace that already has a project — nothing: the project in
    /// use is returned, not created.
    pub fn init(
        &self,
        project: Option<ProjectId>,
        another: bool,
        prefix: Option<&str>,
    ) -> Result<(ProjectId, PathBuf, bool), AppError> {
        if let Some(prefix) = prefix {
            ProjectConfig::default().set("prefix", prefix)?;
        }
        let with_prefix = |id: &ProjectId| -> Result<(), AppError> {
            if let Some(prefix) = prefix {
                ProjectConfig::update(&self.config_path(id), |config| config.set("prefix", prefix))?;
            }
            Ok(())
        };
        let id = match project.or_else(|| self.requested_project().cloned()) {
            Some(id) => id,
            None if another || self.workspace.list_projects()?.is_empty() => {
                self.workspace.next_project_id()?
            }
            None => {
                let existing = match self.workspace.resolve(None) {
                    Ok(Resolved::Existing(id) | Resolved::First(id)) => id,
                    Err(_) => self
                        .workspace
                        .list_projects()?
                        .into_iter()
                        .next()
                        .unwrap_or_else(|| ProjectId::from_number(1)),
                };
                with_prefix(&existing)?;
                return Ok((existing.clone(), self.workspace.project_dir(&existing), false));
            }
        };
        let created = self.workspace.create_project(&id)?;
        with_prefix(&id)?;
        Ok((id.clone(), self.workspace.project_dir(&id), created))
    }

    /// Sets one setting of the resolved project (creating the project's folder for it),
    /// safe against other processes setting other keys at the same time.
    pub fn set_config(&self, key: &str, value: &str) -> Result<(Settings, ProjectConfig), AppError> {
        let settings = self.settings()?;
        // A bad key or value is refused before anything (even the lock file) is written.
        ProjectConfig::default().set(key, value)?;
        let path = self.config_path(&settings.project);
        let (config, ()) = ProjectConfig::update(&path, |config| config.set(key, value))?;
        Ok((settings, config))
    }

    /// Sets one of the user's own settings (under every project's), in the file
    /// [`crate::config::user_config_path`] names, under the same lock as `set_config`.
    pub fn set_user_config(&self, key: &str, value: &str) -> Result<(PathBuf, ProjectConfig), AppError> {
        ProjectConfig::default().set(key, value)?;
        let path = Self::user_path()?;
        let (config, ()) = ProjectConfig::update(&path, |config| config.set(key, value))?;
        Ok((path, config))
    }

    /// Removes one of the user's own settings.
    pub fn unset_user_config(&self, key: &str) -> Result<PathBuf, AppError> {
        ProjectConfig::default().unset(key)?;
        let path = Self::user_path()?;
        if path.exists() {
            ProjectConfig::update(&path, |config| config.unset(key))?;
        }
        Ok(path)
    }

    /// Where the user's settings live, or why there is no such place.
    pub fn user_path() -> Result<PathBuf, AppError> {
        crate::config::user_config_path().ok_or(AppError::NoUserConfig)
    }

    /// Applies the store's schema migrations (a database store); returns the store, its
    /// schema version and the migrations applied now.
    pub fn init_store(&self) -> Result<(StoreUrl, u32, Vec<u32>), AppError> {
        let settings = self.settings()?;
        let url = self.store_url(&settings.config)?;
        let options = self.open_options(&settings.project, &settings.config);
        let (version, applied) = Backend::init(&url, &options)?;
        Ok((url, version, applied))
    }

    /// The project's size and where it lives; it must exist.
    pub fn summary(&self, id: &ProjectId) -> Result<ProjectSummary, AppError> {
        let config = self.config_of(id)?;
        let store = Backend::open(&self.store_url(&config)?, &self.open_options(id, &config))?;
        Ok(ProjectSummary {
            id: id.clone(),
            path: self.workspace.project_dir(id),
            items: ItemRepository::new(&store).item_streams()?.len(),
            events: store.head_position()?,
            store: store.kind(),
            default: self.workspace.default_project()?.as_ref() == Some(id),
        })
    }

    /// The named project (by the one rule every command uses: `10`, `PROJ-010` and
    /// `PROJ-010-frontend` all name `PROJ-010-frontend`), else the resolved one; either must
    /// exist.
    pub fn existing_project(&self, project: Option<ProjectId>) -> Result<ProjectId, AppError> {
        let id = match project.or_else(|| self.requested_project().cloned()) {
            Some(named) => match self.workspace.resolve(Some(named))? {
                Resolved::Existing(id) | Resolved::First(id) => id,
            },
            None => match self.workspace.resolve(None)? {
                Resolved::Existing(id) => id,
                Resolved::First(id) => {
                    return Err(ProjectError::NotFound {
                        id,
                        root: self.workspace.root().to_path_buf(),
                        available: Vec::new(),
                    }
                    .into())
                }
            },
        };
        let available = self.workspace.list_projects()?;
        if !available.contains(&id) {
            return Err(ProjectError::NotFound {
                id,
                root: self.workspace.root().to_path_buf(),
                available,
            }
            .into());
        }
        Ok(id)
    }
}

/// `urgency.TERM`, as the key `config list` shows.
fn urgency_key(term: &'static str) -> &'static str {
    match term {
        "priority" => "urgency.priority",
        "due" => "urgency.due",
        "age" => "urgency.age",
        "blocking" => "urgency.blocking",
        "blocked" => "urgency.blocked",
        "in_progress" => "urgency.in_progress",
        _ => "urgency.unassigned",
    }
}
