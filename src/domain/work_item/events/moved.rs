//! Moving an item to another project (`items move ID --to PROJECT`): the item there is new
//! (its creation says where it came from), and this one is cancelled with `WorkItemMoved`
//! saying where it went. Projects are separate logs, so the two sides are two writes, each
//! once (see `app::moving`).

use serde::{Deserialize, Serialize};

use super::{Fact, WorkItemEvent};
use crate::domain::{DomainError, Status, WorkItem, WorkItemId};
use crate::timestamp::Timestamp;

/// An item in another project: the project's id and the item's id there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Elsewhere {
    pub project: String,
    /// Written as stored (`WORK-007`): the other project may show another prefix.
    #[serde(serialize_with = "stored_id")]
    pub id: WorkItemId,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde hands a reference
fn stored_id<S: serde::Serializer>(id: &WorkItemId, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&id.canonical())
}

impl std::fmt::Display for Elsewhere {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Another project's id, in the form every project reads: its own prefix may differ.
        write!(f, "{}/{}", self.project, self.id.canonical())
    }
}

/// The item went to another project (`to`), or (absent, by an undo) came back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItemMoved {
    pub to: Option<Elsewhere>,
}

impl WorkItem {
    /// Closes the item as moved to `to`: cancelled, saying where it went. Only open work
    /// moves; moving it there again changes nothing.
    pub fn move_out(&self, to: Elsewhere, now: Timestamp) -> Result<Vec<WorkItemEvent>, DomainError> {
        if let Some(went) = &self.moved_to {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: format!("moved to {went}"),
            });
        }
        if !self.status.is_open() {
            return Err(DomainError::NotMovable {
                id: self.id,
                status: self.status,
            });
        }
        let mut events = self.change_status(Status::Cancelled, Some(format!("moved to {to}")), now)?;
        events.push(WorkItemEvent::Moved(WorkItemMoved { to: Some(to) }));
        Ok(events)
    }
}

impl Fact for WorkItemMoved {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.moved_to = self.to;
    }

    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if now.moved_to != before.moved_to {
            events.push(WorkItemEvent::Moved(WorkItemMoved {
                to: before.moved_to.clone(),
            }));
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        match &self.to {
            Some(to) => crate::domain::limits::check_name("project", &to.project),
            None => Ok(()),
        }
    }

    fn describe(&self) -> String {
        match &self.to {
            Some(to) => format!("moved to {to}"),
            None => "move taken back".to_owned(),
        }
    }
}
