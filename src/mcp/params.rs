//! The arguments of each MCP tool (unknown ones are refused: a typo is not a silent
//! default). The filters `ready`, `list` and `claim` share are spelled out in each struct
//! rather than flattened from one: serde cannot refuse unknown fields through a flatten. Their doc comments become the tool schemas an agent's
//! context pays for on every turn, so they are kept to a few words.

use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ready {
    /// epic|story|task|subtask|bug|spike
    #[serde(default, rename = "type", deserialize_with = "one_or_many")]
    pub types: Vec<String>,
    /// critical|high|medium|low
    #[serde(default, deserialize_with = "one_or_many")]
    pub priority: Vec<String>,
    /// Who; "none": unassigned
    pub assignee: Option<String>,
    /// All of these
    #[serde(default, deserialize_with = "one_or_many")]
    pub label: Vec<String>,
    /// Text in title, description or comments
    pub search: Option<String>,
    /// Default 10
    pub limit: Option<usize>,
    /// Item fields to return
    pub fields: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct List {
    /// epic|story|task|subtask|bug|spike
    #[serde(default, rename = "type", deserialize_with = "one_or_many")]
    pub types: Vec<String>,
    /// critical|high|medium|low
    #[serde(default, deserialize_with = "one_or_many")]
    pub priority: Vec<String>,
    /// Who; "none": unassigned
    pub assignee: Option<String>,
    /// All of these
    #[serde(default, deserialize_with = "one_or_many")]
    pub label: Vec<String>,
    /// Text in title, description or comments
    pub search: Option<String>,
    /// pending|in_progress|blocked|done|cancelled|deleted|open|closed
    #[serde(default, deserialize_with = "one_or_many")]
    pub status: Vec<String>,
    /// Children of this item
    pub parent: Option<String>,
    /// Open and past due
    pub overdue: Option<bool>,
    /// Due before: 2026-12-24, +3d
    pub due_before: Option<String>,
    /// Only items with open conflicts (merged events that did not fit)
    pub conflicts: Option<bool>,
    /// priority|created|updated|due|id|status
    pub sort: Option<String>,
    pub reverse: Option<bool>,
    /// Default 50
    pub limit: Option<usize>,
    pub fields: Option<Vec<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Omit to take the first ready item
    pub id: Option<String>,
    /// e.g. 30m, 2h
    pub lease: Option<String>,
    /// epic|story|task|subtask|bug|spike
    #[serde(default, rename = "type", deserialize_with = "one_or_many")]
    pub types: Vec<String>,
    /// critical|high|medium|low
    #[serde(default, deserialize_with = "one_or_many")]
    pub priority: Vec<String>,
    /// Who; "none": unassigned
    pub assignee: Option<String>,
    /// All of these
    #[serde(default, deserialize_with = "one_or_many")]
    pub label: Vec<String>,
    /// Text in title, description or comments
    pub search: Option<String>,
    pub fields: Option<Vec<String>>,
    pub expected_version: Option<u64>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Show {
    /// WORK-7, 7 or a ULID
    pub id: String,
    /// Include the events
    pub history: Option<bool>,
    pub fields: Option<Vec<String>>,
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
    /// 2026-12-24, +3d, tomorrow
    pub due: Option<String>,
    /// Hidden from ready until: friday, +3d
    pub wait: Option<String>,
    /// daily|weekly|monthly|every 2w (needs due)
    pub recur: Option<String>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Update {
    pub id: String,
    pub status: Option<String>,
    pub priority: Option<String>,
    /// "" unassigns
    pub assignee: Option<String>,
    pub title: Option<String>,
    /// "" removes
    pub description: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub add_labels: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub remove_labels: Vec<String>,
    /// "" removes
    pub due: Option<String>,
    /// "" removes
    pub wait: Option<String>,
    /// "" stops
    pub recur: Option<String>,
    /// "" moves to the top
    pub parent: Option<String>,
    /// Why (status, priority)
    pub reason: Option<String>,
    /// Settle a conflict: "keep" what the item holds, or "take" the other side
    pub resolve: Option<String>,
    /// The conflict's version, for resolve (default: the only one)
    pub conflict: Option<u64>,
    pub expected_version: Option<u64>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub id: String,
    pub text: String,
    pub expected_version: Option<u64>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Depend {
    pub id: String,
    pub on: String,
    /// blocked_by (default)|blocks|related
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Remove the link instead
    pub remove: Option<bool>,
    pub expected_version: Option<u64>,
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventsSince {
    /// Global position; 0 for all
    #[serde(default)]
    pub after: u64,
    /// Default 100
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
