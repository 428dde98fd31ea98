//! `[[hooks]]`: the user's own scripts, run once for every event that matches (see
//! `app::hooks` for the delivery guarantee). Declared in the project's `config.toml` only:
//! a hook in the user's file would run for every project they touch.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::ConfigError;

/// One `[[hooks]]` table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HookConfig {
    /// How the hook is named in `jerry hooks …` and in its delivery records: 1 to 40
    /// letters, digits, `-` or `_`.
    pub name: String,
    /// The event types it runs for (`WorkItemCreated`, `StatusChanged`, …), or `*`.
    #[serde(default = "every_type")]
    pub on: Vec<String>,
    /// The command line, run by `sh -c` in the workspace folder.
    pub run: String,
    /// How long one run may take (`30s`, `2m`); 10 seconds unless set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<String>,
    /// A pre-write check instead of a delivery: runs before a command's events are
    /// appended, and a non-zero exit refuses the write with the hook's stderr.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub blocking: bool,
    /// How many times a failing delivery is tried before it is parked; 5 unless set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts: Option<u32>,
    /// The wait before the first retry (`1s`, `500ms`), doubled after each failure up to
    /// five minutes; 1 second unless set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backoff: Option<String>,
    /// Only events on items that, as the event left them, have these: the `items list`
    /// filters `status`, `type`, `priority`, `label`, `assignee` (`none` for unassigned).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub filter: BTreeMap<String, String>,
}

fn every_type() -> Vec<String> {
    vec!["*".to_owned()]
}

/// The filters a hook may name.
pub const HOOK_FILTERS: [&str; 5] = ["status", "type", "priority", "label", "assignee"];

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_ATTEMPTS: u32 = 5;
const DEFAULT_BACKOFF: Duration = Duration::from_secs(1);

impl HookConfig {
    /// Refuses what the runner could not honour, naming the hook and the field.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let invalid = |key: &str, value: &str, expected| ConfigError::InvalidValue {
            key: format!("hooks.{}.{key}", self.name),
            value: value.to_owned(),
            expected,
        };
        let name_ok = !self.name.is_empty()
            && self.name.len() <= 40
            && self
                .name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !name_ok {
            return Err(ConfigError::InvalidValue {
                key: "hooks.name".into(),
                value: self.name.clone(),
                expected: "1 to 40 letters, digits, - or _",
            });
        }
        if self.run.trim().is_empty() {
            return Err(invalid("run", &self.run, "a command line"));
        }
        if self.on.is_empty() {
            return Err(invalid("on", "[]", "event types, or \"*\""));
        }
        for kind in &self.on {
            let ok = kind == "*" || (!kind.is_empty() && kind.chars().all(|c| c.is_ascii_alphanumeric()));
            if !ok {
                return Err(invalid("on", kind, "event types such as StatusChanged, or \"*\""));
            }
        }
        if let Some(text) = &self.timeout {
            parse(text)
                .filter(|d| !d.is_zero())
                .ok_or_else(|| invalid("timeout", text, "a duration: 500ms, 30s, 2m"))?;
        }
        if let Some(text) = &self.backoff {
            parse(text).ok_or_else(|| invalid("backoff", text, "a duration: 500ms, 1s, 1m"))?;
        }
        if self.attempts == Some(0) {
            return Err(invalid("attempts", "0", "1 or more"));
        }
        for key in self.filter.keys() {
            if !HOOK_FILTERS.contains(&key.as_str()) {
                return Err(invalid(
                    &format!("filter.{key}"),
                    key,
                    "one of status, type, priority, label, assignee",
                ));
            }
        }
        Ok(())
    }

    pub fn timeout(&self) -> Duration {
        self.timeout.as_deref().and_then(parse).unwrap_or(DEFAULT_TIMEOUT)
    }

    pub fn attempts(&self) -> u32 {
        self.attempts.unwrap_or(DEFAULT_ATTEMPTS).max(1)
    }

    /// The wait after the `failures`-th failure: the backoff doubled each time, at most
    /// five minutes.
    pub fn retry_after(&self, failures: u32) -> Duration {
        let base = self.backoff.as_deref().and_then(parse).unwrap_or(DEFAULT_BACKOFF);
        let factor = 2u32.saturating_pow(failures.saturating_sub(1).min(16));
        base.saturating_mul(factor).min(Duration::from_secs(300))
    }

    /// Whether it runs for events of this type.
    pub fn wants(&self, event_type: &str) -> bool {
        self.on.iter().any(|kind| kind == "*" || kind == event_type)
    }
}

fn parse(text: &str) -> Option<Duration> {
    crate::timestamp::parse_duration(text).ok()
}

/// Refuses a set of hooks two of which share a name.
pub fn validate_all(hooks: &[HookConfig]) -> Result<(), ConfigError> {
    for (i, hook) in hooks.iter().enumerate() {
        hook.validate()?;
        if hooks[..i].iter().any(|other| other.name == hook.name) {
            return Err(ConfigError::InvalidValue {
                key: "hooks.name".into(),
                value: hook.name.clone(),
                expected: "a name no other hook has",
            });
        }
    }
    Ok(())
}
