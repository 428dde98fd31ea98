//! `WorkItemCreated`, which starts every stream, and `WorkItemRenumbered`, which `jerry
//! sync` writes when another clone had the item's number first.

use serde::{Deserialize, Serialize};
use ulid::Ulid;

use super::{Fact, WorkItemEvent};
use crate::domain::limits::{check_maybe, check_text, MAX_DESCRIPTION, MAX_NAME, MAX_TITLE};
use crate::domain::recurrence::Recurrence;
use crate::domain::{DomainError, Priority, WorkItem, WorkItemId, WorkType};
use crate::timestamp::Timestamp;

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
    /// Until when it waits; absent unless it was created waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<Timestamp>,
    /// How often it comes back; absent unless it was created recurring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recur: Option<Recurrence>,
    /// The item it continues in another project; absent unless moved here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<super::Elsewhere>,
    /// The record of another tracker it was imported from (`taskwarrior:UUID`, `beads:ID`,
    /// `github:OWNER/REPO#N`): what `jerry import` finds it by when run again. Absent on
    /// items made here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Fact for WorkItemCreated {
    /// The item is made from its creation (`WorkItem::replay`); a second one changes nothing.
    fn apply(self, _: &mut WorkItem, _: Timestamp, _: u64) {}

    /// An item once created stays in the log: undoing its creation deletes it
    /// (`revert::revert` without an earlier state).
    fn revert(_: &WorkItem, _: &WorkItem, _: &str, _: &mut Vec<WorkItemEvent>) {}

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_text("title", &self.title, MAX_TITLE)?;
        check_maybe("description", self.description.as_ref(), MAX_DESCRIPTION)?;
        check_maybe("assignee", self.assignee.as_ref(), MAX_NAME)?;
        check_maybe("source", self.source.as_ref(), MAX_NAME)
    }

    fn describe(&self) -> String {
        format!(
            "created \"{}\" ({}, {})",
            self.title, self.work_type, self.priority
        )
    }
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

impl Fact for WorkItemRenumbered {
    /// The stream was renamed with it: the creation already carries the new number.
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.id = self.new_display_id;
    }

    /// A number given by sync is not a user's change: undo leaves it.
    fn revert(_: &WorkItem, _: &WorkItem, _: &str, _: &mut Vec<WorkItemEvent>) {}

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        Ok(())
    }

    fn describe(&self) -> String {
        format!(
            "renumbered {} → {} by sync (another clone had {} first)",
            self.old_display_id, self.new_display_id, self.old_display_id
        )
    }
}
