//! Every write a user can ask for. A new variant without a handler in the dispatcher's
//! `match` does not compile.

use crate::domain::{DependencyType, ItemRef, NewWorkItem, Priority, Status, WorkItem};
use crate::store::RecordedEvent;

#[derive(Debug, Clone, PartialEq)]
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
}

/// The item after the command, and the events the command appended.
#[derive(Debug, Clone, PartialEq)]
pub struct CommandOutcome {
    pub item: WorkItem,
    pub events: Vec<RecordedEvent>,
}
