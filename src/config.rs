//! Settings: a project's in its `.jerry/config.toml`, and a user's, for every project, in
//! `$XDG_CONFIG_HOME/jerry/config.toml` (else `~/.config/jerry/config.toml`), in the same
//! form. Precedence, highest first: a command-line flag, its environment variable, the
//! project's file, the user's file, the built-in default.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::{limits, QualityGate, WorkType};

mod hooks;
pub use hooks::{HookConfig, HOOK_FILTERS};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectConfig {
    /// Who is recorded on events when `--actor`/`JERRY_ACTOR` is not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// The work type of `items create` when `--type` is not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_type: Option<WorkType>,
    /// Seconds a writer waits for the lock when `--lock-timeout` is not given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lock_timeout: Option<f64>,
    /// Events between snapshots of a stream when `JERRY_SNAPSHOT_EVERY` is not set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snapshot_interval: Option<u64>,
    /// Where the project's events live when `--store`/`JERRY_STORE` is not given: `jsonl`,
    /// `sqlite:<path>` (relative to the workspace folder) or `postgres://…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    /// What `items complete` does for a non-spike item without quality metrics.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality_gate: Option<QualityGate>,
    /// The policies that react to events: `unblock-dependents`, `close-parent`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policies: Option<Vec<String>>,
    /// The git remote `jerry sync` uses when none is named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sync_remote: Option<String>,
    /// How tables show times: `relative` (an item's `3h ago`, `in 2d`; the log's local
    /// clock), `local` (the local clock everywhere) or `utc` (RFC 3339, as `--utc`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_format: Option<TimeFormat>,
    /// The lease a claim gets when it names none (`items claim`, MCP `claim`): `30m`, `2h`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim_lease: Option<String>,
    /// How long work in progress may go untouched before `items list --stale` shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stale_after: Option<String>,
    /// The prefix item ids are shown with (`API` shows `API-007`); ids are stored as
    /// `WORK-007` whatever it is, so it can change at any time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// `items next`'s coefficients that differ from the defaults (`urgency.due = 15`), by
    /// term (see [`crate::domain::urgency::TERMS`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub urgency: BTreeMap<String, f64>,
    /// The most items one actor may hold in a status (`wip_limit.in_progress = 3`): a claim,
    /// start or assignment beyond it is refused. By status: `in_progress`, `blocked`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub wip_limit: BTreeMap<String, u64>,
    /// Saved lists (`jerry views save NAME …`): each the `items list` arguments it stands
    /// for, run by `items list @NAME`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub views: BTreeMap<String, Vec<String>>,
    /// The user's scripts run for events (`[[hooks]]`, see [`HookConfig`]); the project's
    /// file only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hooks: Vec<HookConfig>,
}

/// How tables show times; `--json` always has RFC 3339 in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeFormat {
    #[default]
    Relative,
    Local,
    Utc,
}

impl TimeFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeFormat::Relative => "relative",
            TimeFormat::Local => "local",
            TimeFormat::Utc => "utc",
        }
    }
}

impl std::str::FromStr for TimeFormat {
    type Err = ();

    fn from_str(input: &str) -> Result<Self, ()> {
        match input.trim().to_ascii_lowercase().as_str() {
            "relative" => Ok(TimeFormat::Relative),
            "local" => Ok(TimeFormat::Local),
            "utc" => Ok(TimeFormat::Utc),
            _ => Err(()),
        }
    }
}

/// The keys `jerry config` knows, in the order `config list` shows them.
pub const KEYS: [&str; 12] = [
    "actor",
    "default_type",
    "lock_timeout",
    "snapshot_interval",
    "store",
    "quality_gate",
    "policies",
    "sync_remote",
    "time_format",
    "prefix",
    "claim_lease",
    "stale_after",
];

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("unknown config key '{0}' (known: actor, default_type, lock_timeout, snapshot_interval, store, quality_gate, policies, sync_remote, time_format, prefix, claim_lease, stale_after, urgency.TERM, wip_limit.in_progress, wip_limit.blocked)")]
    UnknownKey(String),
    #[error("invalid value '{value}' for {key}: {expected}")]
    InvalidValue {
        key: String,
        value: String,
        expected: &'static str,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Where the user's own settings live: `$XDG_CONFIG_HOME/jerry/config.toml` when that is
/// an absolute path, else `$HOME/.config/jerry/config.toml`; `None` without either.
pub fn user_config_path() -> Option<PathBuf> {
    let absolute = |var: &str| {
        std::env::var_os(var)
            .map(PathBuf::from)
            .filter(|path| path.is_absolute())
    };
    let base = absolute("XDG_CONFIG_HOME").or_else(|| absolute("HOME").map(|home| home.join(".config")))?;
    Some(base.join("jerry").join("config.toml"))
}

/// The status a `wip_limit.STATUS` key limits, if it is one an actor holds work in.
fn wip_status(key: &str) -> Option<crate::domain::Status> {
    use crate::domain::Status;
    match key.strip_prefix("wip_limit.")? {
        "in_progress" => Some(Status::InProgress),
        "blocked" => Some(Status::Blocked),
        _ => None,
    }
}

/// The term an `urgency.TERM` key names, if it is one of `items next`'s.
fn urgency_term(key: &str) -> Option<&'static str> {
    let name = key.strip_prefix("urgency.")?;
    crate::domain::urgency::TERMS
        .iter()
        .map(|(term, _, _)| *term)
        .find(|term| *term == name)
}

impl ProjectConfig {
    /// These settings, each one absent here taken from `fallback` (the user's, under a
    /// project's).
    pub fn over(self, fallback: &ProjectConfig) -> ProjectConfig {
        let ProjectConfig {
            actor,
            default_type,
            lock_timeout,
            snapshot_interval,
            store,
            quality_gate,
            policies,
            sync_remote,
            time_format,
            claim_lease,
            stale_after,
            prefix,
            mut urgency,
            mut views,
            mut wip_limit,
            hooks,
        } = self;
        for (status, limit) in &fallback.wip_limit {
            wip_limit.entry(status.clone()).or_insert(*limit);
        }
        for (name, args) in &fallback.views {
            views.entry(name.clone()).or_insert_with(|| args.clone());
        }
        for (term, value) in &fallback.urgency {
            urgency.entry(term.clone()).or_insert(*value);
        }
        ProjectConfig {
            actor: actor.or_else(|| fallback.actor.clone()),
            default_type: default_type.or(fallback.default_type),
            lock_timeout: lock_timeout.or(fallback.lock_timeout),
            snapshot_interval: snapshot_interval.or(fallback.snapshot_interval),
            store: store.or_else(|| fallback.store.clone()),
            quality_gate: quality_gate.or(fallback.quality_gate),
            policies: policies.or_else(|| fallback.policies.clone()),
            sync_remote: sync_remote.or_else(|| fallback.sync_remote.clone()),
            time_format: time_format.or(fallback.time_format),
            prefix: prefix.or_else(|| fallback.prefix.clone()),
            claim_lease: claim_lease.or_else(|| fallback.claim_lease.clone()),
            stale_after: stale_after.or_else(|| fallback.stale_after.clone()),
            urgency,
            views,
            wip_limit,
            hooks,
        }
    }

    /// The `wip_limit.STATUS` settings by status (a key naming no limited status, written
    /// into the file by hand, limits nothing).
    pub fn wip_limits(&self) -> BTreeMap<crate::domain::Status, usize> {
        self.wip_limit
            .iter()
            .filter_map(|(status, limit)| {
                Some((wip_status(&format!("wip_limit.{status}"))?, *limit as usize))
            })
            .collect()
    }

    /// `items next`'s coefficients: the defaults, with those set here over them.
    pub fn coefficients(&self) -> Result<crate::domain::urgency::Coefficients, ConfigError> {
        crate::domain::urgency::Coefficients::with(&self.urgency)
            .map_err(|term| ConfigError::UnknownKey(format!("urgency.{term}")))
    }

    /// The lease, in seconds, of a claim that names none (`claim_lease`), if one is set.
    pub fn default_lease(&self) -> Option<u64> {
        self.claim_lease
            .as_deref()
            .and_then(|text| crate::timestamp::parse_duration(text).ok())
            .map(|lease| lease.as_secs())
            .filter(|seconds| *seconds > 0)
    }

    /// The moment before which work in progress untouched is stale at `now`
    /// (`stale_after`, 3 days unless set).
    pub fn stale_cutoff(&self, now: crate::timestamp::Timestamp) -> crate::timestamp::Timestamp {
        let after = self
            .stale_after
            .as_deref()
            .and_then(|text| crate::timestamp::parse_duration(text).ok())
            .unwrap_or(std::time::Duration::from_secs(3 * 86_400));
        let micros = i64::try_from(after.as_micros()).unwrap_or(i64::MAX);
        crate::timestamp::Timestamp::from_unix_micros(now.unix_micros().saturating_sub(micros)).unwrap_or(now)
    }

    /// The policies switched on, in a fixed order; names this jerry does not know are
    /// ignored (a newer jerry may have written them).
    pub fn enabled_policies(&self) -> Vec<crate::domain::Policy> {
        let names = self.policies.as_deref().unwrap_or_default();
        crate::domain::Policy::ALL
            .into_iter()
            .filter(|p| names.iter().any(|n| n == p.name()))
            .collect()
    }

    /// The file's settings; an absent file is an empty config.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(err) => {
                return Err(ConfigError::Unreadable {
                    path: path.to_path_buf(),
                    reason: err.to_string(),
                })
            }
        };
        let config: Self = toml::from_str(&text).map_err(|err| ConfigError::Unreadable {
            path: path.to_path_buf(),
            reason: err.message().to_owned(),
        })?;
        hooks::validate_all(&config.hooks).map_err(|err| ConfigError::Unreadable {
            path: path.to_path_buf(),
            reason: err.to_string(),
        })?;
        Ok(config)
    }

    /// Replaces the whole file durably (see [`crate::persist`]). Callers that read, change
    /// and save hold [`ProjectConfig::update`]'s lock instead.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let write_error = |source| ConfigError::Write {
            path: path.to_path_buf(),
            source,
        };
        let text = toml::to_string(self).map_err(|err| write_error(std::io::Error::other(err)))?;
        crate::persist::persist(path, text.as_bytes(), crate::persist::Durability::Durable)
            .map_err(write_error)
    }

    /// Reads the file, lets `change` edit it and saves the result, all under an OS lock on
    /// `config.toml.lock` beside it: two processes setting different keys at once both
    /// take effect, instead of the later save undoing the earlier one. Nothing is saved
    /// when `change` fails.
    pub fn update<T>(
        path: &Path,
        change: impl FnOnce(&mut Self) -> Result<T, ConfigError>,
    ) -> Result<(Self, T), ConfigError> {
        let write_error = |source| ConfigError::Write {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent() {
            fs_err::create_dir_all(dir).map_err(write_error)?;
        }
        let lock_file = fs_err::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path.with_extension("toml.lock"))
            .map_err(write_error)?;
        let mut lock = fd_lock::RwLock::new(lock_file.into_parts().0);
        let _held = lock.write().map_err(write_error)?;
        let mut config = Self::load(path)?;
        let value = change(&mut config)?;
        config.save(path)?;
        Ok((config, value))
    }

    /// Removes a key's setting (it falls back to its default); unknown keys are refused.
    pub fn unset(&mut self, key: &str) -> Result<(), ConfigError> {
        match key {
            "actor" => self.actor = None,
            "default_type" => self.default_type = None,
            "lock_timeout" => self.lock_timeout = None,
            "snapshot_interval" => self.snapshot_interval = None,
            "store" => self.store = None,
            "quality_gate" => self.quality_gate = None,
            "policies" => self.policies = None,
            "sync_remote" => self.sync_remote = None,
            "time_format" => self.time_format = None,
            "prefix" => self.prefix = None,
            "claim_lease" => self.claim_lease = None,
            "stale_after" => self.stale_after = None,
            other if urgency_term(other).is_some() => {
                self.urgency.remove(urgency_term(other).unwrap_or_default());
            }
            other if wip_status(other).is_some() => {
                self.wip_limit.remove(other.trim_start_matches("wip_limit."));
            }
            other => return Err(ConfigError::UnknownKey(other.to_owned())),
        }
        Ok(())
    }

    pub fn get(&self, key: &str) -> Result<Option<String>, ConfigError> {
        Ok(match key {
            "actor" => self.actor.clone(),
            "default_type" => self.default_type.map(|t| t.to_string()),
            "lock_timeout" => self.lock_timeout.map(|t| t.to_string()),
            "snapshot_interval" => self.snapshot_interval.map(|n| n.to_string()),
            "store" => self.store.clone(),
            "quality_gate" => self.quality_gate.map(|g| g.to_string()),
            "policies" => self.policies.as_ref().map(|p| p.join(",")),
            "sync_remote" => self.sync_remote.clone(),
            "time_format" => self.time_format.map(|f| f.as_str().to_owned()),
            "prefix" => self.prefix.clone(),
            "claim_lease" => self.claim_lease.clone(),
            "stale_after" => self.stale_after.clone(),
            other if urgency_term(other).is_some() => urgency_term(other)
                .and_then(|term| self.urgency.get(term))
                .map(ToString::to_string),
            other if wip_status(other).is_some() => self
                .wip_limit
                .get(other.trim_start_matches("wip_limit."))
                .map(ToString::to_string),
            other => return Err(ConfigError::UnknownKey(other.to_owned())),
        })
    }

    /// Sets a key from text, checking it as the flag it stands in for would be checked.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        let invalid = |expected| ConfigError::InvalidValue {
            key: key.to_owned(),
            value: value.to_owned(),
            expected,
        };
        match key {
            "actor" => {
                limits::check_name("actor", value).map_err(|_| invalid("a name of 1 to 100 characters"))?;
                self.actor = Some(value.to_owned());
            }
            "default_type" => {
                let work_type = value
                    .parse()
                    .map_err(|_| invalid("one of epic, story, task, subtask, bug, spike"))?;
                self.default_type = Some(work_type);
            }
            "lock_timeout" => {
                let seconds: f64 = value.parse().map_err(|_| invalid("a number of seconds"))?;
                if !(seconds.is_finite() && seconds >= 0.0) {
                    return Err(invalid("a number of seconds"));
                }
                self.lock_timeout = Some(seconds);
            }
            "snapshot_interval" => {
                self.snapshot_interval =
                    Some(value.parse().map_err(|_| invalid("a whole number of events"))?);
            }
            "store" => {
                value
                    .parse::<crate::store::StoreUrl>()
                    .map_err(|_| invalid("jsonl, sqlite:<path> or postgres://user@host/database"))?;
                self.store = Some(value.to_owned());
            }
            "quality_gate" => {
                self.quality_gate = Some(value.parse().map_err(|_| invalid("one of off, warn, enforce"))?);
            }
            "policies" => {
                let mut names = Vec::new();
                for name in value
                    .split(',')
                    .map(str::trim)
                    .filter(|n| !n.is_empty() && *n != "none")
                {
                    name.parse::<crate::domain::Policy>().map_err(|_| {
                        invalid("a comma-separated list of unblock-dependents, close-parent (or none)")
                    })?;
                    if !names.iter().any(|n| n == name) {
                        names.push(name.to_owned());
                    }
                }
                self.policies = Some(names);
            }
            "sync_remote" => {
                if value.is_empty() || value.starts_with('-') || value.chars().any(char::is_control) {
                    return Err(invalid("a git remote's name or URL"));
                }
                self.sync_remote = Some(value.to_owned());
            }
            "time_format" => {
                self.time_format = Some(
                    value
                        .parse()
                        .map_err(|()| invalid("one of relative, local, utc"))?,
                );
            }
            "claim_lease" | "stale_after" => {
                crate::timestamp::parse_duration(value.trim())
                    .ok()
                    .filter(|lease| lease.as_secs() > 0)
                    .ok_or_else(|| invalid("a duration of at least 1s: 30s, 15m, 2h, 1d"))?;
                let value = Some(value.trim().to_owned());
                if key == "claim_lease" {
                    self.claim_lease = value;
                } else {
                    self.stale_after = value;
                }
            }
            "prefix" => {
                let prefix = crate::domain::ids::check_prefix(value.trim())
                    .map_err(|_| invalid("2 to 8 letters, such as API or OPS"))?;
                self.prefix = Some(prefix);
            }
            other if urgency_term(other).is_some() => {
                let coefficient: f64 = value
                    .parse()
                    .ok()
                    .filter(|v: &f64| v.is_finite())
                    .ok_or_else(|| invalid("a number (negative lowers the urgency)"))?;
                let term = urgency_term(other).unwrap_or_default();
                self.urgency.insert(term.to_owned(), coefficient);
            }
            other if wip_status(other).is_some() => {
                let limit: u64 = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|limit| *limit >= 1)
                    .ok_or_else(|| invalid("a whole number of items, 1 or more"))?;
                self.wip_limit
                    .insert(other.trim_start_matches("wip_limit.").to_owned(), limit);
            }
            other => return Err(ConfigError::UnknownKey(other.to_owned())),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(ProjectConfig::load(&path).unwrap(), ProjectConfig::default());
        let mut config = ProjectConfig::default();
        config.set("actor", "ci-bot").unwrap();
        config.set("default_type", "bug").unwrap();
        config.set("lock_timeout", "2.5").unwrap();
        config.save(&path).unwrap();
        let loaded = ProjectConfig::load(&path).unwrap();
        assert_eq!(loaded, config);
        assert_eq!(loaded.get("default_type").unwrap().as_deref(), Some("bug"));
    }

    #[test]
    fn rejects_unknown_keys_and_bad_values() {
        let mut config = ProjectConfig::default();
        assert!(matches!(
            config.set("colour", "x"),
            Err(ConfigError::UnknownKey(_))
        ));
        assert!(config.set("default_type", "feature").is_err());
        assert!(config.set("lock_timeout", "-1").is_err());
        assert!(config.set("snapshot_interval", "many").is_err());
        assert!(config.set("store", "mysql://x").is_err());
        assert!(config.set("quality_gate", "strict").is_err());
        assert!(config.set("policies", "close-parent,explode").is_err());
        config
            .set("policies", "close-parent, unblock-dependents,close-parent")
            .unwrap();
        assert_eq!(
            config.get("policies").unwrap().as_deref(),
            Some("close-parent,unblock-dependents")
        );
        assert_eq!(config.enabled_policies().len(), 2);
        config.set("store", "sqlite:jerry.db").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "actor = 3\n").unwrap();
        assert!(ProjectConfig::load(&path).is_err());
        std::fs::write(&path, "unknown = true\n").unwrap();
        assert!(ProjectConfig::load(&path).is_err());
    }
}
