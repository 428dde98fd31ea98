//! The facts a work item's stream records. Names and payload fields are part of the
//! on-disk format: fields may be added (with defaults), never renamed or removed.
//!
//! Each event type lives in one file here with everything about it: its payload, the
//! decision that writes it (a [`WorkItem`] method), and its [`Fact`]: how it applies, what
//! takes it back on undo, the limits its texts keep and how it reads to a person. The
//! table of every type is beside the item it changes (`work_item.rs`), made into the enum
//! [`WorkItemEvent`] by [`event_types!`], which asks each payload for its `Fact`: a type
//! without one does not compile.

use serde::de::DeserializeOwned;
use serde_json::Value;

pub(crate) use super::current_schema;
use super::{Wanted, WorkItem};
pub use super::{WorkItemEvent, EVENT_TYPES};
use crate::domain::upcast::{upcast, Upcast};
use crate::domain::DomainError;
use crate::timestamp::Timestamp;

mod claims;
mod commits;
mod conflicts;
mod created;
mod fields;
mod links;
mod moved;
mod notes;
mod quality;
mod schedule;
mod status;
mod words;

pub use claims::*;
pub use commits::*;
pub use conflicts::*;
pub use created::*;
pub use fields::*;
pub use links::*;
pub use moved::*;
pub use notes::*;
pub use quality::*;
pub use schedule::*;
pub use status::*;
pub use words::duration;
pub(crate) use words::with_reason;

/// The `aggregate_type` of every work-item event, and the prefix of its stream id.
pub const AGGREGATE_TYPE: &str = "work_item";

/// What an event type is to the item it changes. Every payload in the table implements
/// it, so a new event type does not compile until it says how it applies, how undo takes
/// it back, which limits its texts keep and how it reads.
pub trait Fact: Sized {
    /// How the fact changes the item, written at `at` as the item's `version`. It already
    /// happened: nothing is checked again.
    fn apply(self, item: &mut WorkItem, at: Timestamp, version: u64);

    /// Adds to `events` what brings the part of `now` that events of this type change back
    /// to `before` (nothing, for a type whose part another type takes back, or that
    /// changes no part). Called for each type in the table's order, after the earlier
    /// types added theirs: `events` is what undo writes so far.
    fn revert(now: &WorkItem, before: &WorkItem, reason: &str, events: &mut Vec<WorkItemEvent>);

    /// For a derived fact (a completion), the event that takes it back when the command
    /// that recorded it is undone; `None` for a change of state, which `revert` takes back.
    fn take_back(&self) -> Option<WorkItemEvent>;

    /// Whether its texts keep the limits a typed command keeps: what arrives from outside
    /// (`jerry sync`, `events import`) is held to what could have been typed.
    fn check_limits(&self) -> Result<(), DomainError>;

    /// One line saying what it did, for a person. Texts are as written: each door makes
    /// them safe to show.
    fn describe(&self) -> String;

    /// For a write of one field decided on another value than `item` holds, why it no
    /// longer applies and what it wanted: another clone wrote the field concurrently and
    /// came first (see `WorkItem::superseded`). `None`: it applies.
    fn superseded(&self, _item: &WorkItem) -> Option<(String, Wanted)> {
        None
    }
}

/// The one table of event types: each variant of [`WorkItemEvent`], its payload type, the
/// name it is stored under (`event_type`) and the payload schema it is written with. The
/// enum, [`EVENT_TYPES`], the name of each event, its encoding, its decoding and each of
/// its [`Fact`] answers are all made from this table, so a new event is one line there and
/// its payload's `Fact`.
macro_rules! event_types {
    ($($variant:ident($payload:ident) = $name:literal, schema $schema:literal;)*) => {
        /// Every event type this jerry writes, as stored in `event_type`.
        pub const EVENT_TYPES: [&str; [$($name),*].len()] = [$($name),*];

        #[derive(Debug, Clone, PartialEq)]
        pub enum WorkItemEvent {
            $($variant($payload),)*
        }

        $(impl From<$payload> for WorkItemEvent {
            fn from(payload: $payload) -> Self {
                WorkItemEvent::$variant(payload)
            }
        })*

        impl WorkItemEvent {
            pub fn event_type(&self) -> &'static str {
                match self {
                    $(WorkItemEvent::$variant(_) => $name,)*
                }
            }

            /// The payload as stored: ids in their stored form (`WORK-007`), whatever
            /// prefix this process shows.
            pub(crate) fn encode(&self) -> Result<serde_json::Value, serde_json::Error> {
                $crate::domain::ids::canonically(|| match self {
                    $(WorkItemEvent::$variant(payload) => serde_json::to_value(payload),)*
                })
            }

            /// The event named `event_type` from its payload in today's schema; `None` for
            /// a name this jerry does not know (a newer one wrote it).
            pub(crate) fn decode_named(
                event_type: &str,
                payload: $crate::domain::work_item::events::PayloadRef<'_>,
            ) -> Result<Option<Self>, $crate::domain::DomainError> {
                Ok(Some(match event_type {
                    $($name => WorkItemEvent::$variant($crate::domain::work_item::events::parse(event_type, payload)?),)*
                    _ => return Ok(None),
                }))
            }

            /// See [`Fact::apply`].
            pub(crate) fn apply_to(self, item: &mut WorkItem, at: Timestamp, version: u64) {
                match self {
                    $(WorkItemEvent::$variant(payload) => $crate::domain::work_item::events::Fact::apply(payload, item, at, version),)*
                }
            }

            /// See [`Fact::take_back`].
            pub fn take_back(&self) -> Option<WorkItemEvent> {
                match self {
                    $(WorkItemEvent::$variant(payload) => $crate::domain::work_item::events::Fact::take_back(payload),)*
                }
            }

            /// See [`Fact::check_limits`].
            pub fn check_limits(&self) -> Result<(), $crate::domain::DomainError> {
                match self {
                    $(WorkItemEvent::$variant(payload) => $crate::domain::work_item::events::Fact::check_limits(payload),)*
                }
            }

            /// See [`Fact::describe`].
            pub fn describe(&self) -> String {
                match self {
                    $(WorkItemEvent::$variant(payload) => $crate::domain::work_item::events::Fact::describe(payload),)*
                }
            }

            /// See [`Fact::superseded`].
            pub(crate) fn superseded(&self, item: &WorkItem) -> Option<(String, Wanted)> {
                match self {
                    $(WorkItemEvent::$variant(payload) => $crate::domain::work_item::events::Fact::superseded(payload, item),)*
                }
            }

            /// The events that bring `now` back to `before`, each type's in the table's
            /// order (see [`Fact::revert`]).
            pub(crate) fn revert_all(now: &WorkItem, before: &WorkItem, reason: &str) -> Vec<WorkItemEvent> {
                let mut events = Vec::new();
                $(<$payload as $crate::domain::work_item::events::Fact>::revert(now, before, reason, &mut events);)*
                events
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
pub(crate) use event_types;

/// A payload in today's schema, as a tree or as the JSON text a line holds, as `T`.
pub(crate) fn parse<T: DeserializeOwned>(
    event_type: &str,
    payload: PayloadRef<'_>,
) -> Result<T, DomainError> {
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
pub(crate) enum PayloadRef<'a> {
    Tree(&'a Value),
    Text(&'a str),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DependencyType, Priority, Status, WorkItemId, WorkType};
    use ulid::Ulid;

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
                wait: Timestamp::from_unix_micros(1_700_000_000_000_000),
                recur: "every 2 weeks".parse().ok(),
                source: Some("github:o/r#3".into()),
                moved_from: Some(Elsewhere {
                    project: "PROJ-001".into(),
                    id: WorkItemId::MIN,
                }),
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
            WorkItemEvent::TypeChanged(TypeChanged {
                old_type: WorkType::Bug,
                new_type: WorkType::Story,
            }),
            WorkItemEvent::WaitChanged(WaitChanged {
                old_wait: None,
                new_wait: Timestamp::from_unix_micros(1_800_000_000_000_000),
            }),
            WorkItemEvent::RecurrenceChanged(RecurrenceChanged {
                old_recur: "daily".parse().ok(),
                new_recur: None,
            }),
            WorkItemEvent::Moved(WorkItemMoved {
                to: Some(Elsewhere {
                    project: "PROJ-002".into(),
                    id,
                }),
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
            WorkItemEvent::CommitLinked(CommitLinked {
                commit: "0123456789abcdef0123456789abcdef01234567".into(),
                summary: "Fix the login redirect".into(),
                author: "Ann <ann@example.com>".into(),
                closes: true,
            }),
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
