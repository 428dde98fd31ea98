//! The arguments of each MCP tool (unknown ones are refused: a typo is not a silent
//! default). The filters `ready`, `list` and `claim` share are spelled out in each struct
//! rather than flattened from one: serde cannot refuse unknown fields through a flatten.
//! Their doc comments become the tool schemas an agent's context pays for on every turn,
//! so they are kept to a few words; the closed vocabularies (type, priority, status, sort,
//! link type, decision) are words here, parsed as the command line parses them (and so
//! refused with its messages), and enums in the schemas ([`super::schema`]).

use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ready {
    #[serde(default, rename = "type", deserialize_with = "one_or_many")]
    pub types: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub priority: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub label: Vec<String>,
    pub limit: Option<usize>,
    pub fields: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct List {
    #[serde(default, rename = "type", deserialize_with = "one_or_many")]
    pub types: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub priority: Vec<String>,
    /// Who; "none": unassigned
    pub assignee: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub label: Vec<String>,
    pub search: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub status: Vec<String>,
    pub parent: Option<String>,
    pub overdue: Option<bool>,
    /// With open conflicts
    pub conflicts: Option<bool>,
    pub sort: Option<String>,
    pub limit: Option<usize>,
    pub fields: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Omit for the first ready item
    pub id: Option<String>,
    /// e.g. 30m, 2h
    pub lease: Option<String>,
    #[serde(default, rename = "type", deserialize_with = "one_or_many")]
    pub types: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub label: Vec<String>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Show {
    pub id: String,
    /// Add its events
    pub history: Option<bool>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Create {
    pub title: String,
    #[serde(rename = "type")]
    pub work_type: Option<String>,
    pub priority: Option<String>,
    pub description: Option<String>,
    pub parent: Option<String>,
    pub assignee: Option<String>,
    /// e.g. +3d, 2026-12-24
    pub due: Option<String>,
    /// Not ready until
    pub wait: Option<String>,
    /// e.g. weekly, every 2w (needs due)
    pub recur: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub labels: Vec<String>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Update {
    pub id: String,
    pub status: Option<String>,
    pub priority: Option<String>,
    pub assignee: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub add_labels: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub remove_labels: Vec<String>,
    pub due: Option<String>,
    pub wait: Option<String>,
    pub recur: Option<String>,
    pub parent: Option<String>,
    /// Why (needed to block)
    pub reason: Option<String>,
    pub expected_version: Option<u64>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub id: String,
    pub text: String,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Depend {
    pub id: String,
    pub on: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Remove the link instead
    pub remove: Option<bool>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Release {
    pub id: String,
    /// Even from another's live claim
    pub force: Option<bool>,
    pub reason: Option<String>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resolve {
    pub id: String,
    /// keep the item, or take the other side
    pub decision: String,
    /// Its version, if several
    pub conflict: Option<u64>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Undo {}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Prime {
    pub max_tokens: Option<usize>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventsSince {
    /// Global position; 0 for all
    #[serde(default)]
    pub after: u64,
    pub limit: Option<usize>,
}

/// A list, or one value of it: `"open"` reads as `["open"]`, the shorthand an agent reaches
/// for; the schema still says array.
fn one_or_many<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    match OneOrMany::deserialize(deserializer) {
        Ok(OneOrMany::One(value)) => Ok(vec![value]),
        Ok(OneOrMany::Many(values)) => Ok(values),
        Err(_) => Err(serde::de::Error::custom("expected a string or a list of strings")),
    }
}
