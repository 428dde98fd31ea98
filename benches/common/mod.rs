//! What the benchmarks share: one small event to append.

use jerry::store::{Metadata, NewEvent};
use jerry::timestamp::Timestamp;

/// A reassignment of WORK-001, about the size of a typical event line.
pub fn event(n: u64) -> NewEvent {
    NewEvent {
        event_id: ulid::Ulid::new(),
        aggregate_type: "work_item".into(),
        aggregate_id: "WORK-001".into(),
        event_type: "AssigneeChanged".into(),
        schema_version: 1,
        timestamp: Timestamp::now(),
        payload: serde_json::json!({ "old_assignee": null, "new_assignee": format!("agent-{n}") }),
        metadata: Metadata {
            actor: "bench".into(),
            correlation_id: None,
            causation_id: None,
            idempotency_key: None,
        },
    }
}
