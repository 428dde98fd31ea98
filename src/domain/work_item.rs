//! The WorkItem aggregate: its state is the replay of its events, and each command is a
//! function from that state (plus the inputs and the time) to new events or a refusal.
//! Here are what an item holds and the table of every event that changes it; each event,
//! with its decision and how it applies, is in its own file under `domain/events/`.

use serde::{Deserialize, Serialize};
use ulid::Ulid;

use super::limits::{self, check_length, check_name};
use super::recurrence::Recurrence;
use super::{DependencyType, DomainError, Priority, Status, WorkItemId, WorkType};
use crate::timestamp::Timestamp;
use events::event_types;
use events::Elsewhere;
use events::*;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dependency {
    pub id: WorkItemId,
    #[serde(rename = "type")]
    pub kind: DependencyType,
}

/// A comment on an item: who wrote it, when, and the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub author: String,
    pub at: Timestamp,
    pub text: String,
}

/// A commit whose message names the item (see `CommitLinked`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitLink {
    pub commit: String,
    pub summary: String,
    pub author: String,
    /// Its message closed the item (`Fixes WORK-12`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closes: bool,
    /// When it was linked.
    pub at: Timestamp,
}

/// Who holds an item taken with `items claim`, and until when. A claim ends when its holder
/// releases, finishes or hands the item on; with a lease it also ends when the lease runs
/// out, which is derived from the time (nobody writes it): the item then reads as pending
/// and unassigned, and `expired` says whose claim lapsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub holder: String,
    /// How long each write of the holder's extends the lease; `None`: no lease.
    #[serde(default)]
    pub lease_seconds: Option<u64>,
    #[serde(default)]
    pub until: Option<Timestamp>,
    #[serde(default)]
    pub expired: bool,
}

impl Claim {
    /// Held (not lapsed) at `at`.
    fn live_at(&self, at: Timestamp) -> bool {
        !self.expired && self.until.is_none_or(|until| at < until)
    }
}

/// An event that no longer fitted the state it landed on when clones' histories were
/// merged (one clone started an item another cancelled): kept in the history, not applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The event's version in the item's (merged) history.
    pub version: u64,
    pub event_type: String,
    /// What it asked for and why that could not be applied.
    pub reason: String,
    /// The value it would have set: what `items resolve --take` sets.
    pub wanted: Wanted,
    /// How it was settled, once it was (`items resolve`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Resolved>,
}

/// The state of one item; also its documented `--json` shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItem {
    pub id: WorkItemId,
    pub internal_id: Ulid,
    pub title: String,
    #[serde(rename = "type")]
    pub work_type: WorkType,
    pub priority: Priority,
    pub status: Status,
    pub description: Option<String>,
    pub parent: Option<WorkItemId>,
    pub assignee: Option<String>,
    /// In id order.
    pub dependencies: Vec<Dependency>,
    /// Sorted, without duplicates.
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub comments: Vec<Comment>,
    /// The commits that name it, in the order they were linked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commits: Vec<CommitLink>,
    /// Test coverage and counts (`items metrics`); what a `quality_gate` looks for.
    #[serde(default)]
    pub quality: Option<QualityMetrics>,
    /// When the item is due (`items due`); absent when it has no due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Timestamp>,
    /// Until when the item waits (`items edit --wait`): an open item waiting is left out
    /// of `ready`, `next` and the default list until then. Absent when it never waited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<Timestamp>,
    /// How often the item comes back (`--recur weekly`): completing it creates the next
    /// one, due a step after it. Absent when it does not recur.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recur: Option<Recurrence>,
    /// The item this one was moved from (`items move`), in its old project.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<Elsewhere>,
    /// The record of another tracker this item was imported from (`jerry import`), which
    /// also names it wherever an id is asked for. Absent on items made here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where this item was moved to (`items move`): it is cancelled here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<Elsewhere>,
    /// Why the item is blocked, while its status is blocked (`items block --reason`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_reason: Option<String>,
    /// The status a deleted item had when it was deleted: where `items restore` puts it
    /// back. Absent unless the item is deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_from: Option<Status>,
    /// Who claimed the item (`items claim`) and until when; absent when nobody did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Claim>,
    /// Events merged from other clones that the status machine could not apply, in version
    /// order; absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// Conflicts settled by `items resolve`, in the order they were settled: kept so that
    /// the history can still say which events were not applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolved_conflicts: Vec<Conflict>,
    pub version: u64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

// The events that change an item: its variant of `WorkItemEvent`, its payload (whose `Fact`
// says how it applies, is undone, is limited and reads), its stored name and the payload
// schema it is written with. Names and schemas are part of the on-disk format.
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
    TypeChanged(TypeChanged) = "TypeChanged", schema 1;
    WaitChanged(WaitChanged) = "WaitChanged", schema 1;
    RecurrenceChanged(RecurrenceChanged) = "RecurrenceChanged", schema 1;
    Moved(WorkItemMoved) = "WorkItemMoved", schema 1;
    Claimed(WorkItemClaimed) = "WorkItemClaimed", schema 1;
    Released(WorkItemReleased) = "WorkItemReleased", schema 1;
    Renumbered(WorkItemRenumbered) = "WorkItemRenumbered", schema 1;
    ConflictResolved(ConflictResolved) = "ConflictResolved", schema 1;
    ConflictReopened(ConflictReopened) = "ConflictReopened", schema 1;
    CommitLinked(CommitLinked) = "CommitLinked", schema 1;
}

/// What a user asks for when creating an item.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NewWorkItem {
    pub title: String,
    pub work_type: WorkType,
    pub priority: Priority,
    pub description: Option<String>,
    pub parent: Option<WorkItemId>,
    pub assignee: Option<String>,
    pub due: Option<Timestamp>,
    /// Hidden from `ready`, `next` and the default list until then.
    pub wait: Option<Timestamp>,
    /// Comes back after each completion, due a step later (needs `due`).
    pub recur: Option<Recurrence>,
    /// The item it continues in another project (`items move`).
    pub moved_from: Option<Elsewhere>,
}

impl NewWorkItem {
    /// Checks the inputs once, before any id is allocated.
    pub fn validate(&self) -> Result<(), DomainError> {
        if self.title.trim().is_empty() {
            return Err(DomainError::EmptyTitle);
        }
        check_length("title", &self.title, limits::MAX_TITLE)?;
        if let Some(description) = &self.description {
            check_length("description", description, limits::MAX_DESCRIPTION)?;
        }
        if let Some(assignee) = &self.assignee {
            check_name("assignee", assignee)?;
        }
        if self.recur.is_some() && self.due.is_none() {
            return Err(DomainError::RecurWithoutDue { id: None });
        }
        Ok(())
    }

    /// The creation event for this item under the id the store allocated, for input that
    /// passed [`NewWorkItem::validate`]. The title is kept exactly as given, control
    /// characters and all. (A parent must already exist, so it is never the new id.)
    pub fn created(&self, id: WorkItemId, internal_id: Ulid) -> WorkItemEvent {
        WorkItemEvent::Created(WorkItemCreated {
            display_id: id,
            internal_id,
            title: self.title.clone(),
            work_type: self.work_type,
            priority: self.priority,
            description: self.description.clone(),
            parent_id: self.parent,
            assignee: self.assignee.clone(),
            due: self.due,
            wait: self.wait,
            recur: self.recur,
            moved_from: self.moved_from.clone(),
            source: None,
        })
    }
}

impl WorkItem {
    /// 0 for critical, the most urgent, up to 3 for low: the order to pick work in.
    pub fn priority_rank(&self) -> usize {
        Priority::ALL
            .iter()
            .position(|p| *p == self.priority)
            .unwrap_or(Priority::ALL.len())
    }

    /// Rebuilds an item from its stream, oldest first: each event with its version, time
    /// and actor. `None` events are types this version does not know; they still count
    /// towards the version.
    pub fn replay<A: AsRef<str>>(
        events: impl IntoIterator<Item = (Option<WorkItemEvent>, u64, Timestamp, A)>,
    ) -> Result<Option<WorkItem>, DomainError> {
        Self::replay_observed(events, |_, _| {})
    }

    /// [`WorkItem::replay`], showing `observe` the item after each event and that event's
    /// time: how the board's charts see every status an item passed through.
    pub fn replay_observed<A: AsRef<str>>(
        events: impl IntoIterator<Item = (Option<WorkItemEvent>, u64, Timestamp, A)>,
        mut observe: impl FnMut(&WorkItem, Timestamp),
    ) -> Result<Option<WorkItem>, DomainError> {
        let mut item: Option<WorkItem> = None;
        for (event, version, at, actor) in events {
            match (&mut item, event) {
                (Some(item), event) => {
                    item.apply_owned(event, version, at, actor.as_ref());
                    observe(item, at);
                }
                (None, Some(WorkItemEvent::Created(created))) => {
                    let created = WorkItem::from_created(created, version, at);
                    observe(&created, at);
                    item = Some(created);
                }
                (None, other) => {
                    let found = other.map_or("an unknown event type", |e| e.event_type());
                    return Err(DomainError::MissingCreation {
                        found: found.to_owned(),
                    });
                }
            }
        }
        Ok(item)
    }

    fn from_created(created: WorkItemCreated, version: u64, at: Timestamp) -> Self {
        WorkItem {
            id: created.display_id,
            internal_id: created.internal_id,
            title: created.title,
            work_type: created.work_type,
            priority: created.priority,
            status: Status::Pending,
            description: created.description,
            parent: created.parent_id,
            assignee: created.assignee,
            dependencies: Vec::new(),
            labels: Vec::new(),
            comments: Vec::new(),
            commits: Vec::new(),
            quality: None,
            due: created.due,
            wait: created.wait,
            recur: created.recur,
            moved_from: created.moved_from,
            source: created.source,
            moved_to: None,
            blocked_reason: None,
            deleted_from: None,
            claim: None,
            conflicts: Vec::new(),
            resolved_conflicts: Vec::new(),
            version,
            created_at: at,
            updated_at: at,
        }
    }

    /// The item as it stands at `at`: a claim whose lease ran out by then has lapsed, so
    /// the item is pending and unassigned again. Reads call this with the time they look
    /// at, and [`WorkItem::apply`] with each event's time, so both see the same state.
    pub fn lapse(&mut self, at: Timestamp) {
        let Some(claim) = &mut self.claim else { return };
        if claim.expired || claim.live_at(at) || self.status != Status::InProgress {
            return;
        }
        claim.expired = true;
        self.status = Status::Pending;
        if self.assignee.as_deref() == Some(claim.holder.as_str()) {
            self.assignee = None;
        }
    }

    /// [`WorkItem::lapse`] on an owned item, for reads.
    pub fn lapsed(mut self, at: Timestamp) -> Self {
        self.lapse(at);
        self
    }

    /// Who holds the item at `at` by a live claim, and until when.
    pub fn holder_at(&self, at: Timestamp) -> Option<&Claim> {
        self.claim
            .as_ref()
            .filter(|claim| self.status == Status::InProgress && claim.live_at(at))
    }
}

mod apply;
pub(super) mod events;
mod resolve;
pub use resolve::{Decision, Resolved, Wanted};

#[cfg(test)]
mod tests;
