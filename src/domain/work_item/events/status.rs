//! Moving along the status machine (`StatusChanged`), and the completion it derives when an
//! item finishes (`WorkItemCompleted`), which an undo withdraws
//! (`WorkItemCompletionWithdrawn`).

use serde::{Deserialize, Serialize};

use super::{duration, with_reason, Fact, WorkItemEvent};
use crate::domain::limits::{check_maybe, non_blank, MAX_REASON};
use crate::domain::{DomainError, Status, WorkItem};
use crate::timestamp::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusChanged {
    pub old_status: Status,
    pub new_status: Status,
    #[serde(default)]
    pub reason: Option<String>,
}

impl WorkItem {
    /// Moves the item along the status graph. Into done or cancelled it also records
    /// `WorkItemCompleted` with the time since creation.
    pub fn change_status(
        &self,
        to: Status,
        reason: Option<String>,
        now: Timestamp,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        let reason = non_blank(reason)?;
        if to == Status::Deleted {
            return Err(DomainError::DeleteByCommand { id: self.id });
        }
        if to == self.status {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: to.to_string(),
            });
        }
        if !self.status.can_move_to(to) {
            return Err(DomainError::InvalidTransition {
                id: self.id,
                from: self.status,
                to,
            });
        }
        if to == Status::Blocked && reason.is_none() {
            return Err(DomainError::MissingReason { id: self.id });
        }
        let mut events = vec![WorkItemEvent::StatusChanged(StatusChanged {
            old_status: self.status,
            new_status: to,
            reason: reason.clone(),
        })];
        if to.is_finished() {
            events.push(WorkItemEvent::Completed(WorkItemCompleted {
                final_status: to,
                duration_seconds: now.seconds_since(&self.created_at),
                duration_ms: now.millis_since(&self.created_at),
                completion_reason: reason,
            }));
        }
        Ok(events)
    }

    /// Takes a done item back to in progress. Only done work is reopened: a cancelled item
    /// is final, and the other statuses are not closed.
    pub fn reopen(&self, reason: Option<String>, now: Timestamp) -> Result<Vec<WorkItemEvent>, DomainError> {
        if self.status != Status::Done {
            return Err(DomainError::NotDone {
                id: self.id,
                status: self.status,
            });
        }
        self.change_status(Status::InProgress, reason, now)
    }
}

impl WorkItem {
    /// Takes a mistake out: the item leaves every list, the board and completion, keeps its
    /// history, and remembers its status for [`WorkItem::restore`]. Any status may be
    /// deleted; deleting twice changes nothing.
    pub fn delete(&self, reason: Option<String>) -> Result<Vec<WorkItemEvent>, DomainError> {
        let reason = non_blank(reason)?;
        if self.status == Status::Deleted {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: Status::Deleted.to_string(),
            });
        }
        Ok(vec![WorkItemEvent::StatusChanged(StatusChanged {
            old_status: self.status,
            new_status: Status::Deleted,
            reason,
        })])
    }

    /// Brings a deleted item back to the status it was deleted from (a blocked item comes
    /// back blocked, with `reason` or "restored" as why).
    pub fn restore(&self, reason: Option<String>) -> Result<Vec<WorkItemEvent>, DomainError> {
        let reason = non_blank(reason)?;
        if self.status != Status::Deleted {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: format!("{} (not deleted)", self.status),
            });
        }
        let back = self.deleted_from.unwrap_or(Status::Pending);
        let reason = match back {
            Status::Blocked => Some(reason.unwrap_or_else(|| "restored".to_owned())),
            _ => reason,
        };
        Ok(vec![WorkItemEvent::StatusChanged(StatusChanged {
            old_status: Status::Deleted,
            new_status: back,
            reason,
        })])
    }

    /// Refuses any change but a restore to a deleted item: it is out of the work.
    pub fn check_not_deleted(&self) -> Result<(), DomainError> {
        if self.status == Status::Deleted {
            return Err(DomainError::Deleted { id: self.id });
        }
        Ok(())
    }
}

impl Fact for StatusChanged {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.deleted_from = (self.new_status == Status::Deleted).then_some(self.old_status);
        item.status = self.new_status;
        item.blocked_reason = if self.new_status == Status::Blocked {
            self.reason
        } else {
            None
        };
        // A claim is on work in progress: any move ends it.
        item.claim = None;
    }

    /// Status changes here may leave the status graph (back from done to pending, say): an
    /// undo restores what was, it does not move work forward.
    fn revert(now: &WorkItem, before: &WorkItem, reason: &str, events: &mut Vec<WorkItemEvent>) {
        if now.status == before.status {
            return;
        }
        // Back into blocked, the reason it was blocked for comes back with it.
        let reason = match (&before.blocked_reason, before.status) {
            (Some(blocked), Status::Blocked) => blocked.clone(),
            _ => reason.to_owned(),
        };
        events.push(WorkItemEvent::StatusChanged(StatusChanged {
            old_status: now.status,
            new_status: before.status,
            reason: Some(reason),
        }));
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_maybe("reason", self.reason.as_ref(), MAX_REASON)
    }

    fn describe(&self) -> String {
        with_reason(
            format!("{} → {}", self.old_status, self.new_status),
            self.reason.as_deref(),
        )
    }
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

impl Fact for WorkItemCompleted {
    /// A derived fact: the status change that came with it did the moving.
    fn apply(self, _: &mut WorkItem, _: Timestamp, _: u64) {}

    fn revert(_: &WorkItem, _: &WorkItem, _: &str, _: &mut Vec<WorkItemEvent>) {}

    fn take_back(&self) -> Option<WorkItemEvent> {
        Some(WorkItemEvent::CompletionWithdrawn(
            WorkItemCompletionWithdrawn::of(self),
        ))
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_maybe("reason", self.completion_reason.as_ref(), MAX_REASON)
    }

    fn describe(&self) -> String {
        with_reason(
            format!(
                "finished as {} after {}",
                self.final_status,
                duration(self.duration_ms)
            ),
            self.completion_reason.as_deref(),
        )
    }
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

impl Fact for WorkItemCompletionWithdrawn {
    fn apply(self, _: &mut WorkItem, _: Timestamp, _: u64) {}

    fn revert(_: &WorkItem, _: &WorkItem, _: &str, _: &mut Vec<WorkItemEvent>) {}

    /// An undo's withdrawal is taken back (by a redo) by recording the completion again.
    fn take_back(&self) -> Option<WorkItemEvent> {
        Some(WorkItemEvent::Completed(self.completion()))
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_maybe("reason", self.completion_reason.as_ref(), MAX_REASON)
    }

    fn describe(&self) -> String {
        format!(
            "withdrew the finish as {} after {} (undone)",
            self.final_status,
            duration(self.duration_ms)
        )
    }
}
