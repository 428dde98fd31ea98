//! Settling conflicts (`items resolve`) and opening them again (its undo). The decision
//! itself is `WorkItem::resolve` (`work_item/resolve.rs`).

use serde::{Deserialize, Serialize};

use super::{Fact, WorkItemEvent};
use crate::domain::{Conflict, DomainError, WorkItem};
use crate::timestamp::Timestamp;

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

impl Fact for ConflictResolved {
    fn apply(self, item: &mut WorkItem, _: Timestamp, version: u64) {
        item.settle(self.conflict_version, version, self.resolution);
    }

    /// A conflict settled since is open again; one opened again since (a redo's undo) is
    /// settled as it was (for `ConflictReopened` too).
    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        let holds = |list: &[Conflict], version: u64| list.iter().any(|c| c.version == version);
        for conflict in &before.conflicts {
            if holds(&now.resolved_conflicts, conflict.version) {
                events.push(WorkItemEvent::ConflictReopened(ConflictReopened {
                    conflict_version: conflict.version,
                }));
            }
        }
        for conflict in &before.resolved_conflicts {
            match &conflict.resolved {
                Some(resolved) if holds(&now.conflicts, conflict.version) => {
                    events.push(WorkItemEvent::ConflictResolved(ConflictResolved {
                        conflict_version: conflict.version,
                        resolution: resolved.resolution,
                    }));
                }
                _ => {}
            }
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        Ok(())
    }

    fn describe(&self) -> String {
        let how = match self.resolution {
            Resolution::Keep => "kept what the item held",
            Resolution::Take => "took the other side",
            Resolution::Set => "set another value",
        };
        format!("conflict at v{} settled: {how}", self.conflict_version)
    }
}

impl Fact for ConflictReopened {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.reopen_conflict(self.conflict_version);
    }

    /// `ConflictResolved`'s revert takes back both.
    fn revert(_: &WorkItem, _: &WorkItem, _: &str, _: &mut Vec<WorkItemEvent>) {}

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        Ok(())
    }

    fn describe(&self) -> String {
        format!("conflict at v{} open again (undo)", self.conflict_version)
    }
}
