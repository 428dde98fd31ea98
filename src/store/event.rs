//! Event envelopes: what callers hand to the store and what it hands back.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ulid::Ulid;

use crate::timestamp::Timestamp;

/// Who caused an event and how it relates to others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub actor: String,
    #[serde(default)]
    pub correlation_id: Option<String>,
    #[serde(default)]
    pub causation_id: Option<String>,
    /// The key of an idempotent write (`--idempotency-key`); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idempotency_key: Option<String>,
    /// On the events of `jerry undo`: the correlation id of the command they take back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<String>,
    /// On the events of `jerry redo`: the correlation id of the undo they take back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redoes: Option<String>,
    /// The event's Lamport time within its item: the version it was written at, on the
    /// clone that wrote it. Absent on events written here (it is then their `version`);
    /// present on events that arrived by `jerry sync`, whose local version is their arrival
    /// order. Every clone orders an item's events by (Lamport time, event id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lamport: Option<u64>,
}

impl Metadata {
    /// An event by `actor` with no links to other events yet.
    pub fn by(actor: impl Into<String>) -> Self {
        Self {
            actor: actor.into(),
            correlation_id: None,
            causation_id: None,
            idempotency_key: None,
            undoes: None,
            redoes: None,
            lamport: None,
        }
    }

    /// The command (or undo) an undo or redo takes back, if this event belongs to one.
    pub fn takes_back(&self) -> Option<&str> {
        self.undoes.as_deref().or(self.redoes.as_deref())
    }
}

/// An event not yet appended: everything but its version, which the store assigns. Also
/// the form clones exchange (`jerry sync`), where nothing local (version, position) belongs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewEvent {
    pub event_id: Ulid,
    pub aggregate_type: String,
    pub aggregate_id: String,
    pub event_type: String,
    pub schema_version: u32,
    pub timestamp: Timestamp,
    pub payload: Value,
    pub metadata: Metadata,
}

/// A committed event, field for field the line format of the JSONL backend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordedEvent {
    pub event_id: Ulid,
    pub aggregate_type: String,
    pub aggregate_id: String,
    pub event_type: String,
    /// 1, 2, 3, … within the stream.
    pub version: u64,
    /// 1, 2, 3, … across the whole store: the one global order.
    pub position: u64,
    pub schema_version: u32,
    pub timestamp: Timestamp,
    pub payload: Value,
    pub metadata: Metadata,
}

impl RecordedEvent {
    /// The event without its place in this store.
    pub fn to_new(&self) -> NewEvent {
        NewEvent {
            event_id: self.event_id,
            aggregate_type: self.aggregate_type.clone(),
            aggregate_id: self.aggregate_id.clone(),
            event_type: self.event_type.clone(),
            schema_version: self.schema_version,
            timestamp: self.timestamp,
            payload: self.payload.clone(),
            metadata: self.metadata.clone(),
        }
    }
}

impl NewEvent {
    pub fn recorded(self, version: u64, position: u64) -> RecordedEvent {
        RecordedEvent {
            position,
            event_id: self.event_id,
            aggregate_type: self.aggregate_type,
            aggregate_id: self.aggregate_id,
            event_type: self.event_type,
            version,
            schema_version: self.schema_version,
            timestamp: self.timestamp,
            payload: self.payload,
            metadata: self.metadata,
        }
    }
}
