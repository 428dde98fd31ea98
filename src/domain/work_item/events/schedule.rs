//! When an item is for: it may wait (hidden from `ready`, `next` and the default list until
//! a moment) and it may recur (completing it brings the next one). Both are plain fields,
//! each change carrying the old value beside the new.

use serde::{Deserialize, Serialize};

use super::{Fact, WorkItemEvent};
use crate::domain::recurrence::Recurrence;
use crate::domain::{DomainError, WorkItem};
use crate::timestamp::Timestamp;

/// The item waits until `new_wait` (`items edit --wait`), or no longer waits (absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaitChanged {
    pub old_wait: Option<Timestamp>,
    pub new_wait: Option<Timestamp>,
}

/// The item recurs as `new_recur` says (`items edit --recur`), or no longer recurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecurrenceChanged {
    pub old_recur: Option<Recurrence>,
    pub new_recur: Option<Recurrence>,
}

impl WorkItem {
    /// Hides the item until `wait`, or (`None`) shows it again.
    pub fn set_wait(&self, wait: Option<Timestamp>) -> Result<Vec<WorkItemEvent>, DomainError> {
        if self.wait == wait {
            let what = wait.map_or_else(|| "not waiting".to_owned(), |w| format!("waiting until {w}"));
            return Err(DomainError::Unchanged { id: self.id, what });
        }
        Ok(vec![WorkItemEvent::WaitChanged(WaitChanged {
            old_wait: self.wait,
            new_wait: wait,
        })])
    }

    /// Makes the item recur, or (`None`) stops it recurring. Recurring work comes back
    /// from its due date, so it needs one.
    pub fn set_recurrence(&self, recur: Option<Recurrence>) -> Result<Vec<WorkItemEvent>, DomainError> {
        if self.recur == recur {
            let what = recur.map_or_else(|| "not recurring".to_owned(), |r| format!("recurring {r}"));
            return Err(DomainError::Unchanged { id: self.id, what });
        }
        if recur.is_some() && self.due.is_none() {
            return Err(DomainError::RecurWithoutDue { id: Some(self.id) });
        }
        Ok(vec![WorkItemEvent::RecurrenceChanged(RecurrenceChanged {
            old_recur: self.recur,
            new_recur: recur,
        })])
    }

    /// True when the item is open and waits until after `at`: not yet work to pick.
    pub fn waiting_at(&self, at: Timestamp) -> bool {
        self.status.is_open() && self.wait.is_some_and(|wait| wait > at)
    }
}

impl Fact for WaitChanged {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.wait = self.new_wait;
    }

    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if now.wait != before.wait {
            events.push(WorkItemEvent::WaitChanged(WaitChanged {
                old_wait: now.wait,
                new_wait: before.wait,
            }));
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        Ok(())
    }

    fn describe(&self) -> String {
        match self.new_wait {
            Some(wait) => format!("waits until {wait}"),
            None => "no longer waits".to_owned(),
        }
    }
}

impl Fact for RecurrenceChanged {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.recur = self.new_recur;
    }

    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if now.recur != before.recur {
            events.push(WorkItemEvent::RecurrenceChanged(RecurrenceChanged {
                old_recur: now.recur,
                new_recur: before.recur,
            }));
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        Ok(())
    }

    fn describe(&self) -> String {
        match self.new_recur {
            Some(recur) => format!("recurs {recur}"),
            None => "no longer recurs".to_owned(),
        }
    }
}
