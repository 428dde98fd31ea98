//! The facts a work item's stream records. Names and payload fields are part of the
//! on-disk format: fields may be added (with defaults), never renamed or removed.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ulid::Ulid;

use super::upcast::{upcast, Upcast};
use super::{DependencyType, DomainError, Priority, Status, WorkItemId, WorkType};
use crate::timestamp::Timestamp;

/// The `aggregate_type` of every work-item event, and the prefix of its stream id.
pub const AGGREGATE_TYPE: &str = "work_item";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItemCreated {
    pub display_id: WorkItemId,
    pub internal_id: Ulid,
    pub title: String,
    pub work_type: WorkType,
    pub priority: Priority,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub parent_id: Option<WorkItemId>,
    #[serde(default)]
    pub assignee: Option<String>,
    /// When the item is due; absent in items created without one (and by older versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusChanged {
    pub old_status: Status,
    pub new_status: Status,
    #[serde(default)]
    pub reason: Option<String>,
}

/// Follows the `StatusChanged` into done or cancelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItemCompleted {
    pub final_status: Status,
    /// Whole seconds from creation to finish (schema 1 and later).
    pub duration_seconds: u64,
    /// Milliseconds from creation to finish (schema 2; upcast from seconds for schema 1).
    pub duration_ms: u64,
    #[serde(default)]
    pub completion_reason: Option<String>,
}

/// Takes back a `WorkItemCompleted`: written by `jerry undo` when it moves a finished item
/// back, so that whoever counts completions (a follower of `WorkItemCompleted`, a report)
/// sees the undone one withdrawn. It carries the completion it withdraws, which a redo
/// records again as it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItemCompletionWithdrawn {
    pub final_status: Status,
    pub duration_seconds: u64,
    pub duration_ms: u64,
    #[serde(default)]
    pub completion_reason: Option<String>,
}

impl WorkItemCompletionWithdrawn {
    pub fn of(completed: &WorkItemCompleted) -> Self {
        Self {
            final_status: completed.final_status,
            duration_seconds: completed.duration_seconds,
            duration_ms: completed.duration_ms,
            completion_reason: completed.completion_reason.clone(),
        }
    }

    /// The completion this withdrew, as it was.
    pub fn completion(&self) -> WorkItemCompleted {
        WorkItemCompleted {
            final_status: self.final_status,
            duration_seconds: self.duration_seconds,
            duration_ms: self.duration_ms,
            completion_reason: self.completion_reason.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityChanged {
    pub old_priority: Priority,
    pub new_priority: Priority,
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssigneeChanged {
    pub old_assignee: Option<String>,
    pub new_assignee: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DependencyAdded {
    pub dependency_id: WorkItemId,
    pub dependency_type: DependencyType,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DependencyRemoved {
    pub dependency_id: WorkItemId,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TitleChanged {
    pub old_title: String,
    pub new_title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescriptionChanged {
    pub old_description: Option<String>,
    pub new_description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelAdded {
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelRemoved {
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentAdded {
    pub author: String,
    pub text: String,
    /// When the comment was first written, on a comment that comes back (the redo of its
    /// removal): absent on a new comment, which is dated by its event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
}

/// Undoes one `CommentAdded`: the latest comment by `author` with exactly this `text` goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentRemoved {
    pub author: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParentChanged {
    pub old_parent: Option<WorkItemId>,
    pub new_parent: Option<WorkItemId>,
}

/// The item's quality metrics as they are from now on (every field, not a difference);
/// `None` clears them (the undo of a first recording).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualityMetricsUpdated {
    pub metrics: Option<QualityMetrics>,
}

/// The due date moved, was set (`old_due` absent) or cleared (`new_due` absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DueDateChanged {
    #[serde(default)]
    pub old_due: Option<Timestamp>,
    #[serde(default)]
    pub new_due: Option<Timestamp>,
}

/// `items claim`: the item is in progress and assigned to `claimant`, who holds it until
/// `lease_until` (renewed by each of the claimant's writes) or, without a lease, until it is
/// released, finished or reassigned. Also the renewal of a claim by its holder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItemClaimed {
    pub claimant: String,
    pub old_status: Status,
    #[serde(default)]
    pub old_assignee: Option<String>,
    /// How long each of the holder's writes extends the claim; absent: no lease.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_seconds: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lease_until: Option<Timestamp>,
    /// The holder whose lease had run out when this claim took the item over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken_from: Option<String>,
}

/// `items release`: in progress → pending, the assignee and the claim cleared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItemReleased {
    #[serde(default)]
    pub old_assignee: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// `jerry sync` gave the item another number: another clone had created an item with
/// this one first. Written by the clone that renumbers, before the item ever left it, so
/// every clone sees only the new number; this event says what the old one was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItemRenumbered {
    pub old_display_id: WorkItemId,
    pub new_display_id: WorkItemId,
    /// The item's ULID, which never changes: tells it from the other clone's item that
    /// now has the old number.
    pub internal_id: Ulid,
}

/// How a conflict was settled (`items resolve`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The item keeps what it holds; the conflicting event stays not applied.
    Keep,
    /// The conflicting event's value was taken (by the change written with this event).
    Take,
    /// Another value was set (by the change written with this event).
    Set,
}

/// A person or agent settled a conflict (`items resolve`): the event at `conflict_version`
/// that did not fit is no longer open. A change the decision makes (taking the other side,
/// setting a value) is its own event, written with this one in one append.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictResolved {
    pub conflict_version: u64,
    pub resolution: Resolution,
}

/// Opens a settled conflict again: written by `jerry undo` of an `items resolve`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictReopened {
    pub conflict_version: u64,
}

/// Test coverage and counts, as the original Jerry design tracked them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct QualityMetrics {
    /// Percent, 0 to 100; null while only test counts were recorded (never a made-up 0).
    #[serde(default)]
    pub coverage: Option<f64>,
    pub positive_tests: u32,
    pub negative_tests: u32,
    pub edge_tests: u32,
}

/// The one table of event types: each variant of [`WorkItemEvent`], its payload type, the
/// name it is stored under (`event_type`) and the payload schema it is written with. The
/// enum, [`EVENT_TYPES`], the name of each event, its encoding and its decoding are all
/// made from this table, so a new event is one line here, and then the compiler asks for
/// its `apply` and its place in undo (both match every variant).
macro_rules! event_types {
    ($($variant:ident($payload:ident) = $name:literal, schema $schema:literal;)*) => {
        /// Every event type this jerry writes, as stored in `event_type`.
        pub const EVENT_TYPES: [&str; [$($name),*].len()] = [$($name),*];

        #[derive(Debug, Clone, PartialEq)]
        pub enum WorkItemEvent {
            $($variant($payload),)*
        }

        impl WorkItemEvent {
            pub fn event_type(&self) -> &'static str {
                match self {
                    $(WorkItemEvent::$variant(_) => $name,)*
                }
            }

            fn encode(&self) -> Result<Value, serde_json::Error> {
                match self {
                    $(WorkItemEvent::$variant(payload) => serde_json::to_value(payload),)*
                }
            }

            /// The event named `event_type` from its payload in today's schema; `None` for
            /// a name this jerry does not know (a newer one wrote it).
            fn decode_named(event_type: &str, payload: PayloadRef<'_>) -> Result<Option<Self>, DomainError> {
                Ok(Some(match event_type {
                    $($name => WorkItemEvent::$variant(parse(event_type, payload)?),)*
                    _ => return Ok(None),
                }))
            }
        }

        /// The payload schema today's jerry writes `event_type` with (1 for names it does
        /// not know).
        pub fn current_schema(event_type: &str) -> u32 {
            match event_type {
                $($name => $schema,)*
                _ => 1,
            }
        }
    };
}

event_types! {
    Created(WorkItemCreated) = "WorkItemCreated", schema 1;
    StatusChanged(StatusChanged) = "StatusChanged", schema 1;
    // 2: adds `duration_ms`, the time to finish in milliseconds.
    Completed(WorkItemCompleted) = "WorkItemCompleted", schema 2;
    CompletionWithdrawn(WorkItemCompletionWithdrawn) = "WorkItemCompletionWithdrawn", schema 1;
    PriorityChanged(PriorityChanged) = "PriorityChanged", schema 1;
    AssigneeChanged(AssigneeChanged) = "AssigneeChanged", schema 1;
    DependencyAdded(DependencyAdded) = "DependencyAdded", schema 1;
    DependencyRemoved(DependencyRemoved) = "DependencyRemoved", schema 1;
    TitleChanged(TitleChanged) = "TitleChanged", schema 1;
    DescriptionChanged(DescriptionChanged) = "DescriptionChanged", schema 1;
    LabelAdded(LabelAdded) = "LabelAdded", schema 1;
    LabelRemoved(LabelRemoved) = "LabelRemoved", schema 1;
    CommentAdded(CommentAdded) = "CommentAdded", schema 1;
    CommentRemoved(CommentRemoved) = "CommentRemoved", schema 1;
    ParentChanged(ParentChanged) = "ParentChanged", schema 1;
    QualityMetricsUpdated(QualityMetricsUpdated) = "QualityMetricsUpdated", schema 1;
    DueDateChanged(DueDateChanged) = "DueDateChanged", schema 1;
    Claimed(WorkItemClaimed) = "WorkItemClaimed", schema 1;
    Released(WorkItemReleased) = "WorkItemReleased", schema 1;
    Renumbered(WorkItemRenumbered) = "WorkItemRenumbered", schema 1;
    ConflictResolved(ConflictResolved) = "ConflictResolved", schema 1;
    ConflictReopened(ConflictReopened) = "ConflictReopened", schema 1;
}

/// A payload in today's schema, as a tree or as the JSON text a line holds, as `T`.
fn parse<T: DeserializeOwned>(event_type: &str, payload: PayloadRef<'_>) -> Result<T, DomainError> {
    match payload {
        PayloadRef::Tree(value) => T::deserialize(value),
        PayloadRef::Text(text) => serde_json::from_str(text),
    }
    .map_err(|err| DomainError::MalformedEvent {
        event_type: event_type.to_owned(),
        reason: err.to_string(),
    })
}

impl WorkItemEvent {
    /// The known event type named `input`, whatever its case (`statuschanged`), for
    /// filters; `None` for a name no version of jerry this one knows has written.
    pub fn known_type(input: &str) -> Option<&'static str> {
        EVENT_TYPES
            .iter()
            .copied()
            .find(|known| known.eq_ignore_ascii_case(input.trim()))
    }

    pub fn payload(&self) -> Value {
        let encoded = self.encode();
        // Plain structs of strings, numbers and enums always encode.
        encoded.unwrap_or(Value::Null)
    }

    /// The payload schema this event is written with.
    pub fn schema_version(&self) -> u32 {
        current_schema(self.event_type())
    }

    /// Decodes a stored event through the upcaster chain. `Ok(None)` for an event type or
    /// schema this version does not know: a newer jerry wrote it, and it is kept, not rejected.
    pub fn decode(
        event_type: &str,
        schema_version: u32,
        payload: &Value,
    ) -> Result<Option<Self>, DomainError> {
        let payload = match upcast(event_type, schema_version, current_schema(event_type), payload)? {
            Upcast::Current(payload) => payload,
            Upcast::Newer => return Ok(None),
        };
        Self::decode_named(event_type, PayloadRef::Tree(&payload))
    }

    /// [`WorkItemEvent::decode`] from the payload's JSON text, as a line holds it: a payload
    /// already in today's schema is parsed once, straight into its event, without a
    /// `Value` tree (what makes replaying a million events cheap); an older one goes
    /// through the upcasters.
    pub fn decode_raw(
        event_type: &str,
        schema_version: u32,
        payload: &str,
    ) -> Result<Option<Self>, DomainError> {
        if schema_version.max(1) != current_schema(event_type) {
            let value: Value = serde_json::from_str(payload).map_err(|err| DomainError::MalformedEvent {
                event_type: event_type.to_owned(),
                reason: err.to_string(),
            })?;
            return Self::decode(event_type, schema_version, &value);
        }
        Self::decode_named(event_type, PayloadRef::Text(payload))
    }
}

/// A payload in today's schema, as a tree or as the JSON text a line holds.
#[derive(Clone, Copy)]
enum PayloadRef<'a> {
    Tree(&'a Value),
    Text(&'a str),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_type_is_listed_once() {
        let mut listed = EVENT_TYPES.to_vec();
        listed.sort_unstable();
        listed.dedup();
        assert_eq!(listed.len(), EVENT_TYPES.len());
        assert_eq!(WorkItemEvent::known_type("statuschanged"), Some("StatusChanged"));
        assert_eq!(WorkItemEvent::known_type("Bogus"), None);
    }

    #[test]
    fn every_event_round_trips_through_its_payload() {
        let id = WorkItemId::new(3).unwrap();
        let events = vec![
            WorkItemEvent::Created(WorkItemCreated {
                display_id: id,
                internal_id: Ulid::new(),
                title: "a\nb".into(),
                work_type: WorkType::Bug,
                priority: Priority::High,
                description: Some("d".into()),
                parent_id: WorkItemId::new(1),
                assignee: None,
                due: Timestamp::from_unix_micros(1_800_000_000_000_000),
            }),
            WorkItemEvent::StatusChanged(StatusChanged {
                old_status: Status::Pending,
                new_status: Status::InProgress,
                reason: None,
            }),
            WorkItemEvent::Completed(WorkItemCompleted {
                final_status: Status::Done,
                duration_seconds: 5,
                duration_ms: 5_250,
                completion_reason: None,
            }),
            WorkItemEvent::CompletionWithdrawn(WorkItemCompletionWithdrawn {
                final_status: Status::Cancelled,
                duration_seconds: 2,
                duration_ms: 2_001,
                completion_reason: Some("dropped".into()),
            }),
            WorkItemEvent::PriorityChanged(PriorityChanged {
                old_priority: Priority::Low,
                new_priority: Priority::Critical,
                reason: Some("r".into()),
            }),
            WorkItemEvent::AssigneeChanged(AssigneeChanged {
                old_assignee: None,
                new_assignee: Some("ann".into()),
            }),
            WorkItemEvent::DependencyAdded(DependencyAdded {
                dependency_id: id,
                dependency_type: DependencyType::Blocks,
            }),
            WorkItemEvent::DependencyRemoved(DependencyRemoved { dependency_id: id }),
            WorkItemEvent::TitleChanged(TitleChanged {
                old_title: "a".into(),
                new_title: "b".into(),
            }),
            WorkItemEvent::DescriptionChanged(DescriptionChanged {
                old_description: None,
                new_description: Some("d".into()),
            }),
            WorkItemEvent::LabelAdded(LabelAdded { label: "ui".into() }),
            WorkItemEvent::LabelRemoved(LabelRemoved { label: "ui".into() }),
            WorkItemEvent::CommentAdded(CommentAdded {
                author: "ann".into(),
                at: Timestamp::from_unix_micros(1_800_000_000_000_000),
                text: "looks good".into(),
            }),
            WorkItemEvent::CommentRemoved(CommentRemoved {
                author: "ann".into(),
                text: "looks good".into(),
            }),
            WorkItemEvent::ParentChanged(ParentChanged {
                old_parent: None,
                new_parent: Some(id),
            }),
            WorkItemEvent::QualityMetricsUpdated(QualityMetricsUpdated {
                metrics: Some(QualityMetrics {
                    coverage: Some(85.5),
                    positive_tests: 12,
                    negative_tests: 4,
                    edge_tests: 2,
                }),
            }),
            WorkItemEvent::QualityMetricsUpdated(QualityMetricsUpdated { metrics: None }),
            WorkItemEvent::DueDateChanged(DueDateChanged {
                old_due: None,
                new_due: Timestamp::from_unix_micros(1_800_000_000_000_000),
            }),
            WorkItemEvent::Claimed(WorkItemClaimed {
                claimant: "agent-1".into(),
                old_status: Status::Pending,
                old_assignee: None,
                lease_seconds: Some(1800),
                lease_until: Timestamp::from_unix_micros(1_800_000_000_000_000),
                taken_from: Some("agent-0".into()),
            }),
            WorkItemEvent::Released(WorkItemReleased {
                old_assignee: Some("agent-1".into()),
                reason: None,
            }),
            WorkItemEvent::Renumbered(WorkItemRenumbered {
                old_display_id: WorkItemId::MIN,
                new_display_id: WorkItemId::new(9).unwrap(),
                internal_id: Ulid::nil(),
            }),
            WorkItemEvent::ConflictResolved(ConflictResolved {
                conflict_version: 4,
                resolution: Resolution::Take,
            }),
            WorkItemEvent::ConflictReopened(ConflictReopened { conflict_version: 4 }),
        ];
        let named: std::collections::BTreeSet<&str> = events.iter().map(WorkItemEvent::event_type).collect();
        assert_eq!(named.len(), EVENT_TYPES.len(), "EVENT_TYPES lists every variant");
        assert!(named.iter().all(|name| EVENT_TYPES.contains(name)));
        for event in events {
            let payload = event.payload();
            let decoded =
                WorkItemEvent::decode(event.event_type(), event.schema_version(), &payload).unwrap();
            let text = serde_json::to_string(&payload).unwrap();
            let from_text =
                WorkItemEvent::decode_raw(event.event_type(), event.schema_version(), &text).unwrap();
            assert_eq!(from_text, decoded, "{text}");
            assert_eq!(decoded, Some(event));
        }
    }

    #[test]
    fn payload_field_names_are_the_documented_ones() {
        let payload = WorkItemEvent::StatusChanged(StatusChanged {
            old_status: Status::InProgress,
            new_status: Status::Blocked,
            reason: Some("keys".into()),
        })
        .payload();
        assert_eq!(
            payload,
            serde_json::json!({"old_status": "in_progress", "new_status": "blocked", "reason": "keys"})
        );
    }

    #[test]
    fn unknown_types_are_kept_and_bad_payloads_rejected() {
        assert_eq!(
            WorkItemEvent::decode("FromTheFuture", 1, &Value::Null).unwrap(),
            None
        );
        assert!(WorkItemEvent::decode("StatusChanged", 1, &serde_json::json!({"old_status": 1})).is_err());
    }

    /// Decoding from a line's text (replay's path) gives what decoding its tree gives, for
    /// old schemas (through the upcasters), newer ones, unknown types and bad payloads.
    #[test]
    fn decoding_the_payload_text_agrees_with_decoding_its_tree() {
        let cases = [
            (
                "WorkItemCompleted",
                1,
                r#"{"final_status":"done","duration_seconds":3,"completion_reason":null}"#,
            ),
            ("WorkItemCompleted", 1, r#"{"final_status":"done"}"#),
            (
                "WorkItemCompleted",
                2,
                r#"{"final_status":"done","duration_seconds":3,"duration_ms":3100}"#,
            ),
            ("WorkItemCompleted", 3, r#"{"anything":1}"#),
            (
                "StatusChanged",
                0,
                r#"{"old_status":"pending","new_status":"blocked","reason":"w\né"}"#,
            ),
            ("StatusChanged", 1, r#"{"old_status":1}"#),
            ("StatusChanged", 2, r#"{"old_status":1}"#),
            ("FromTheFuture", 1, r#"[1,2]"#),
            ("LabelAdded", 1, r#"{"label":"ui","extra":true}"#),
        ];
        for (event_type, schema, text) in cases {
            let tree: Value = serde_json::from_str(text).unwrap();
            let from_tree = WorkItemEvent::decode(event_type, schema, &tree);
            let from_text = WorkItemEvent::decode_raw(event_type, schema, text);
            match (&from_tree, &from_text) {
                (Ok(tree), Ok(text)) => assert_eq!(tree, text, "{event_type} v{schema}"),
                (Err(_), Err(_)) => {}
                _ => panic!("{event_type} v{schema}: tree {from_tree:?}, text {from_text:?}"),
            }
        }
        let completed = WorkItemEvent::decode_raw("WorkItemCompleted", 1, cases[0].2).unwrap();
        assert!(matches!(completed, Some(WorkItemEvent::Completed(c)) if c.duration_ms == 3000));
    }
}
