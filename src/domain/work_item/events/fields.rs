//! The item's single-valued fields: priority, assignee, title, description, parent and due
//! date. Each change carries the old value beside the new one, so a change merged from
//! another clone that was decided on a value the item no longer holds is seen (another
//! clone wrote the field first) and kept as a conflict instead of applied.

use std::fmt::Display;

use serde::{Deserialize, Serialize};

use super::{with_reason, Fact, WorkItemEvent};
use crate::domain::graph::ranks_above;
use crate::domain::limits::{
    self, check_length, check_maybe, check_name, check_text, non_blank, MAX_DESCRIPTION, MAX_NAME,
    MAX_REASON, MAX_TITLE,
};
use crate::domain::{DomainError, Priority, Wanted, WorkItem, WorkItemId, WorkType};
use crate::timestamp::Timestamp;

/// `"value"`, or `none`.
fn shown<T: Display>(value: Option<&T>) -> String {
    value.map_or_else(|| "none".to_owned(), |v| format!("\"{v}\""))
}

/// Why a write of `field` from `old` to `new` does not apply to an item holding `here`.
fn superseded(
    item: &WorkItem,
    field: &str,
    old: String,
    new: String,
    here: String,
    wanted: Wanted,
) -> (String, Wanted) {
    (
        format!(
            "{field} {old} → {new} was written while {} had {old}; it has {here} here (a concurrent write came first)",
            item.id
        ),
        wanted,
    )
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityChanged {
    pub old_priority: Priority,
    pub new_priority: Priority,
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssigneeChanged {
    pub old_assignee: Option<String>,
    pub new_assignee: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TitleChanged {
    pub old_title: String,
    pub new_title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DescriptionChanged {
    pub old_description: Option<String>,
    pub new_description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParentChanged {
    pub old_parent: Option<WorkItemId>,
    pub new_parent: Option<WorkItemId>,
}

/// The item's type changed (`items edit --type`): a bug that turned out to be a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypeChanged {
    pub old_type: WorkType,
    pub new_type: WorkType,
}

/// The due date moved, was set (`old_due` absent) or cleared (`new_due` absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DueDateChanged {
    #[serde(default)]
    pub old_due: Option<Timestamp>,
    #[serde(default)]
    pub new_due: Option<Timestamp>,
}

impl WorkItem {
    pub fn change_priority(
        &self,
        to: Priority,
        reason: Option<String>,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        if self.priority == to {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: format!("priority {to}"),
            });
        }
        Ok(vec![WorkItemEvent::PriorityChanged(PriorityChanged {
            old_priority: self.priority,
            new_priority: to,
            reason: non_blank(reason)?,
        })])
    }

    /// Assigns the item to `who`, or unassigns it with `None`.
    pub fn assign(&self, who: Option<String>) -> Result<Vec<WorkItemEvent>, DomainError> {
        if let Some(who) = &who {
            check_name("assignee", who)?;
        }
        if self.assignee == who {
            let what = who.map_or_else(|| "unassigned".to_owned(), |w| format!("assigned to {w}"));
            return Err(DomainError::Unchanged { id: self.id, what });
        }
        Ok(vec![WorkItemEvent::AssigneeChanged(AssigneeChanged {
            old_assignee: self.assignee.clone(),
            new_assignee: who,
        })])
    }

    /// Changes the title and/or the description; at least one must differ.
    pub fn edit(
        &self,
        title: Option<String>,
        description: Option<String>,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        let mut events = Vec::new();
        if let Some(title) = title.filter(|t| *t != self.title) {
            if title.trim().is_empty() {
                return Err(DomainError::EmptyTitle);
            }
            check_length("title", &title, limits::MAX_TITLE)?;
            events.push(WorkItemEvent::TitleChanged(TitleChanged {
                old_title: self.title.clone(),
                new_title: title,
            }));
        }
        if let Some(description) = description {
            let description = Some(description).filter(|d| !d.is_empty());
            if description != self.description {
                if let Some(text) = &description {
                    check_length("description", text, limits::MAX_DESCRIPTION)?;
                }
                events.push(WorkItemEvent::DescriptionChanged(DescriptionChanged {
                    old_description: self.description.clone(),
                    new_description: description,
                }));
            }
        }
        if events.is_empty() {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: "as edited".into(),
            });
        }
        Ok(events)
    }

    /// Moves the item under another parent, or to the top with `None`. The caller has
    /// checked the parent with [`crate::domain::graph::check_parent`].
    pub fn reparent(&self, parent: Option<WorkItemId>) -> Result<Vec<WorkItemEvent>, DomainError> {
        if self.parent == parent {
            let what = parent.map_or_else(|| "without a parent".to_owned(), |p| format!("under {p}"));
            return Err(DomainError::Unchanged { id: self.id, what });
        }
        Ok(vec![WorkItemEvent::ParentChanged(ParentChanged {
            old_parent: self.parent,
            new_parent: parent,
        })])
    }

    /// Gives the item another type, which must still rank below its parent's and above each
    /// of its children's (`parent` and `children`: their ids and types, from the caller's
    /// read model).
    pub fn retype(
        &self,
        to: WorkType,
        parent: Option<(WorkItemId, WorkType)>,
        children: &[(WorkItemId, WorkType)],
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        if self.work_type == to {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: format!("a {to}"),
            });
        }
        if let Some((parent, parent_type)) = parent.filter(|(_, parent_type)| !ranks_above(*parent_type, to))
        {
            return Err(DomainError::InvalidParent {
                parent,
                parent_type,
                child_type: to,
            });
        }
        if let Some((_, child_type)) = children
            .iter()
            .find(|(_, child_type)| !ranks_above(to, *child_type))
        {
            return Err(DomainError::InvalidParent {
                parent: self.id,
                parent_type: to,
                child_type: *child_type,
            });
        }
        Ok(vec![WorkItemEvent::TypeChanged(TypeChanged {
            old_type: self.work_type,
            new_type: to,
        })])
    }

    /// Sets, moves or clears (`None`) the due date.
    pub fn set_due(&self, due: Option<Timestamp>) -> Result<Vec<WorkItemEvent>, DomainError> {
        if self.due == due {
            let what = due.map_or_else(|| "without a due date".to_owned(), |d| format!("due {d}"));
            return Err(DomainError::Unchanged { id: self.id, what });
        }
        Ok(vec![WorkItemEvent::DueDateChanged(DueDateChanged {
            old_due: self.due,
            new_due: due,
        })])
    }
}

impl Fact for PriorityChanged {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.priority = self.new_priority;
    }

    fn revert(now: &WorkItem, before: &WorkItem, reason: &str, events: &mut Vec<WorkItemEvent>) {
        if now.priority != before.priority {
            events.push(WorkItemEvent::PriorityChanged(PriorityChanged {
                old_priority: now.priority,
                new_priority: before.priority,
                reason: Some(reason.to_owned()),
            }));
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_maybe("reason", self.reason.as_ref(), MAX_REASON)
    }

    fn describe(&self) -> String {
        with_reason(
            format!("priority {} → {}", self.old_priority, self.new_priority),
            self.reason.as_deref(),
        )
    }

    fn superseded(&self, item: &WorkItem) -> Option<(String, Wanted)> {
        (self.old_priority != item.priority && self.new_priority != item.priority).then(|| {
            superseded(
                item,
                "priority",
                self.old_priority.to_string(),
                self.new_priority.to_string(),
                item.priority.to_string(),
                Wanted::Priority(self.new_priority),
            )
        })
    }
}

impl Fact for AssigneeChanged {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        if item.claim.as_ref().map(|c| Some(&c.holder)) != Some(self.new_assignee.as_ref()) {
            item.claim = None;
        }
        item.assignee = self.new_assignee;
    }

    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if now.assignee != before.assignee {
            events.push(WorkItemEvent::AssigneeChanged(AssigneeChanged {
                old_assignee: now.assignee.clone(),
                new_assignee: before.assignee.clone(),
            }));
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_maybe("assignee", self.old_assignee.as_ref(), MAX_NAME)?;
        check_maybe("assignee", self.new_assignee.as_ref(), MAX_NAME)
    }

    fn describe(&self) -> String {
        match (&self.old_assignee, &self.new_assignee) {
            (_, Some(new)) => format!("assigned to {new}"),
            (Some(old), None) => format!("unassigned (was {old})"),
            (None, None) => "unassigned".to_owned(),
        }
    }

    fn superseded(&self, item: &WorkItem) -> Option<(String, Wanted)> {
        (self.old_assignee != item.assignee && self.new_assignee != item.assignee).then(|| {
            superseded(
                item,
                "assignee",
                shown(self.old_assignee.as_ref()),
                shown(self.new_assignee.as_ref()),
                shown(item.assignee.as_ref()),
                Wanted::Assignee(self.new_assignee.clone()),
            )
        })
    }
}

impl Fact for TitleChanged {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.title = self.new_title;
    }

    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if now.title != before.title {
            events.push(WorkItemEvent::TitleChanged(TitleChanged {
                old_title: now.title.clone(),
                new_title: before.title.clone(),
            }));
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_text("title", &self.old_title, MAX_TITLE)?;
        check_text("title", &self.new_title, MAX_TITLE)
    }

    fn describe(&self) -> String {
        format!("title → \"{}\"", self.new_title)
    }

    fn superseded(&self, item: &WorkItem) -> Option<(String, Wanted)> {
        (self.old_title != item.title && self.new_title != item.title).then(|| {
            superseded(
                item,
                "title",
                shown(Some(&self.old_title)),
                shown(Some(&self.new_title)),
                shown(Some(&item.title)),
                Wanted::Title(self.new_title.clone()),
            )
        })
    }
}

impl Fact for DescriptionChanged {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.description = self.new_description;
    }

    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if now.description != before.description {
            events.push(WorkItemEvent::DescriptionChanged(DescriptionChanged {
                old_description: now.description.clone(),
                new_description: before.description.clone(),
            }));
        }
    }

    fn take_back(&self) -> Option<WorkItemEvent> {
        None
    }

    fn check_limits(&self) -> Result<(), DomainError> {
        check_maybe("description", self.old_description.as_ref(), MAX_DESCRIPTION)?;
        check_maybe("description", self.new_description.as_ref(), MAX_DESCRIPTION)
    }

    fn describe(&self) -> String {
        match &self.new_description {
            Some(text) => format!("description → \"{text}\""),
            None => "description removed".to_owned(),
        }
    }

    fn superseded(&self, item: &WorkItem) -> Option<(String, Wanted)> {
        (self.old_description != item.description && self.new_description != item.description).then(|| {
            superseded(
                item,
                "description",
                shown(self.old_description.as_ref()),
                shown(self.new_description.as_ref()),
                shown(item.description.as_ref()),
                Wanted::Description(self.new_description.clone()),
            )
        })
    }
}

impl Fact for ParentChanged {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.parent = self.new_parent;
    }

    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if now.parent != before.parent {
            events.push(WorkItemEvent::ParentChanged(ParentChanged {
                old_parent: now.parent,
                new_parent: before.parent,
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
        match self.new_parent {
            Some(parent) => format!("moved under {parent}"),
            None => "moved to the top (no parent)".to_owned(),
        }
    }

    fn superseded(&self, item: &WorkItem) -> Option<(String, Wanted)> {
        (self.old_parent != item.parent && self.new_parent != item.parent).then(|| {
            superseded(
                item,
                "parent",
                shown(self.old_parent.as_ref()),
                shown(self.new_parent.as_ref()),
                shown(item.parent.as_ref()),
                Wanted::Parent(self.new_parent),
            )
        })
    }
}

impl Fact for DueDateChanged {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.due = self.new_due;
    }

    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if now.due != before.due {
            events.push(WorkItemEvent::DueDateChanged(DueDateChanged {
                old_due: now.due,
                new_due: before.due,
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
        match self.new_due {
            Some(due) => format!("due {due}"),
            None => "due date removed".to_owned(),
        }
    }

    fn superseded(&self, item: &WorkItem) -> Option<(String, Wanted)> {
        (self.old_due != item.due && self.new_due != item.due).then(|| {
            superseded(
                item,
                "due",
                shown(self.old_due.as_ref()),
                shown(self.new_due.as_ref()),
                shown(item.due.as_ref()),
                Wanted::Due(self.new_due),
            )
        })
    }
}

impl Fact for TypeChanged {
    fn apply(self, item: &mut WorkItem, _: Timestamp, _: u64) {
        item.work_type = self.new_type;
    }

    fn revert(now: &WorkItem, before: &WorkItem, _: &str, events: &mut Vec<WorkItemEvent>) {
        if now.work_type != before.work_type {
            events.push(WorkItemEvent::TypeChanged(TypeChanged {
                old_type: now.work_type,
                new_type: before.work_type,
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
        format!("type {} → {}", self.old_type, self.new_type)
    }
}
