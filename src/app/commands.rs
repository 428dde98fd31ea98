//! Every write a user can ask for. A new variant without a handler in the dispatcher's
//! `match` does not compile.

use serde::Serialize;

use crate::domain::{DependencyType, ItemRef, NewWorkItem, Priority, Status, WorkItem};
use crate::store::RecordedEvent;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    Create(NewWorkItem),
    ChangeStatus {
        item: ItemRef,
        to: Status,
        reason: Option<String>,
    },
    ChangePriority {
        item: ItemRef,
        to: Priority,
        reason: Option<String>,
    },
    Assign {
        item: ItemRef,
        assignee: Option<String>,
    },
    AddDependency {
        item: ItemRef,
        on: ItemRef,
        kind: DependencyType,
    },
    RemoveDependency {
        item: ItemRef,
        on: ItemRef,
    },
    Edit {
        item: ItemRef,
        title: Option<String>,
        description: Option<String>,
    },
    Label {
        item: ItemRef,
        add: Vec<String>,
        remove: Vec<String>,
    },
    Comment {
        item: ItemRef,
        text: String,
    },
    /// Moves an item under another parent (`None`: to the top).
    Reparent {
        item: ItemRef,
        parent: Option<ItemRef>,
    },
    RecordMetrics {
        item: ItemRef,
        coverage: Option<f64>,
        positive: Option<u32>,
        negative: Option<u32>,
        edge: Option<u32>,
    },
}

/// The item after the command, and the events the command appended.
#[derive(Debug, Clone, PartialEq)]
pub struct CommandOutcome {
    pub item: WorkItem,
    pub events: Vec<RecordedEvent>,
    /// True when an idempotency key showed the command was already done: nothing was
    /// written, and this is the original result.
    pub replayed: bool,
    /// What the user should know although the command succeeded.
    pub warnings: Vec<Warning>,
}

/// Something a successful command wants the user to know. Data, not text: each front door
/// words it (and suggests its own next step).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
pub enum Warning {
    /// `quality_gate = warn`, and the item was completed without quality metrics.
    CompletedWithoutMetrics { item: crate::domain::WorkItemId },
}
