use super::{Status, WorkItemId, WorkType};
use crate::timestamp::Timestamp;

/// A rule of the model was broken; nothing is written for a command that gets one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("invalid {kind} '{input}': {expected}")]
    InvalidValue {
        kind: &'static str,
        input: String,
        expected: &'static str,
    },
    #[error("the title must not be empty")]
    EmptyTitle,
    #[error("the {what} is {length} characters long; at most {max} are allowed")]
    TooLong {
        what: &'static str,
        length: usize,
        max: usize,
    },
    #[error("{id} cannot go from {from} to {to}{}", hint_for(*from))]
    InvalidTransition {
        id: WorkItemId,
        from: Status,
        to: Status,
    },
    #[error("{id} is {status}, and only a done item can be reopened{}", hint_for(*status))]
    NotDone { id: WorkItemId, status: Status },
    #[error(
        "{id} has open children ({}), and this project's quality_gate is enforce",
        join_ids(children)
    )]
    OpenChildren {
        id: WorkItemId,
        children: Vec<WorkItemId>,
    },
    #[error("{id} is deleted")]
    Deleted { id: WorkItemId },
    #[error("{id} cannot be moved to deleted by a status change")]
    DeleteByCommand { id: WorkItemId },
    #[error("{id} is {status}: only open work moves to another project")]
    NotMovable { id: WorkItemId, status: Status },
    #[error(
        "{id} has open children ({}): move or reparent them first",
        join_ids(children)
    )]
    MovesWithChildren {
        id: WorkItemId,
        children: Vec<WorkItemId>,
    },
    #[error("{}", recur_without_due(id.as_ref()))]
    RecurWithoutDue { id: Option<WorkItemId> },
    #[error("{id} is already {what}")]
    Unchanged { id: WorkItemId, what: String },
    #[error("{id} cannot depend on itself")]
    SelfDependency { id: WorkItemId },
    #[error(
        "{id} and {other} are already linked (one link per pair; items undepend {id} {other} removes it)"
    )]
    DuplicateDependency { id: WorkItemId, other: WorkItemId },
    #[error("{id} has no dependency on {other}")]
    NoSuchDependency { id: WorkItemId, other: WorkItemId },
    #[error("unknown event type '{input}'{}", closest_hint(closest))]
    UnknownEventType {
        input: String,
        closest: Vec<&'static str>,
    },
    #[error("{id} cannot be its own parent")]
    OwnParent { id: WorkItemId },
    #[error("{id} has no label '{label}'")]
    NoSuchLabel { id: WorkItemId, label: String },
    #[error("stored {event_type} event is malformed: {reason}")]
    MalformedEvent { event_type: String, reason: String },
    #[error("stream does not start with WorkItemCreated (found {found})")]
    MissingCreation { found: String },
    #[error("a reason is required to block {id}")]
    MissingReason { id: WorkItemId },
    #[error("that would make a cycle of {kind} links: {}", join_path(path))]
    Cycle {
        kind: &'static str,
        path: Vec<WorkItemId>,
    },
    #[error("an item of type {child_type} cannot be under {parent} (type {parent_type}): parents rank above their children (epic → story → task, bug, spike → subtask)")]
    InvalidParent {
        parent: WorkItemId,
        parent_type: WorkType,
        child_type: WorkType,
    },
    #[error("{id} has no quality metrics, and this project's quality_gate is enforce")]
    QualityGate { id: WorkItemId },
    #[error("{id} is held by {holder}{}", until.map(|u| format!(" (lease until {u})")).unwrap_or_default())]
    Claimed {
        id: WorkItemId,
        holder: String,
        until: Option<Timestamp>,
    },
    #[error("{id} is {status}: only pending items, and in-progress ones nobody else holds, can be claimed")]
    NotClaimable { id: WorkItemId, status: Status },
    #[error("{id} is {status}: only an item in progress can be released")]
    NotInProgress { id: WorkItemId, status: Status },
    #[error("{id} has no open conflict")]
    NoConflict { id: WorkItemId },
    #[error(
        "{id} has no open conflict at version {version} (open: {})",
        join_versions(open)
    )]
    NoSuchConflict {
        id: WorkItemId,
        version: u64,
        open: Vec<u64>,
    },
    #[error("{id} has {} open conflicts (versions {}): name the one to settle", open.len(), join_versions(open))]
    WhichConflict { id: WorkItemId, open: Vec<u64> },
}

fn recur_without_due(id: Option<&WorkItemId>) -> String {
    match id {
        Some(id) => format!(
            "{id} has no due date, and recurring work comes back from its due date (set one first: jerry items due {id} DATE)"
        ),
        None => "recurring work comes back from its due date: give it a due date too (--due)".to_owned(),
    }
}

fn join_versions(versions: &[u64]) -> String {
    versions
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn closest_hint(closest: &[&str]) -> String {
    if closest.is_empty() {
        " (jerry events list --json shows the types in use)".to_owned()
    } else {
        format!(" (did you mean {}?)", closest.join(" or "))
    }
}

fn join_path(path: &[WorkItemId]) -> String {
    path.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" → ")
}

fn join_ids(ids: &[WorkItemId]) -> String {
    ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

fn hint_for(from: Status) -> String {
    let targets: Vec<&str> = from.next_statuses().iter().map(|s| s.as_str()).collect();
    if targets.is_empty() {
        format!(" ({from} is final)")
    } else {
        format!(" (from {from} it can go to: {})", targets.join(", "))
    }
}
