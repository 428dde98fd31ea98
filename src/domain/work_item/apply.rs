//! Applying: how each event changes the item, and how an event merged from another clone
//! that no longer fits (a move the status machine forbids, a stale precondition, a field
//! written concurrently) is kept as a conflict instead of applied.

use crate::domain::Status;
use crate::timestamp::Timestamp;

use super::*;

impl WorkItem {
    /// Applies a recorded fact, written at `at` by `actor`. Facts are not re-checked: they
    /// already happened. A lease that ran out before `at` lapses first; any write by the
    /// holder of a live lease extends it.
    pub fn apply(&mut self, event: Option<&WorkItemEvent>, version: u64, at: Timestamp, actor: &str) {
        self.apply_owned(event.cloned(), version, at, actor);
    }

    /// [`WorkItem::apply`] of an event the caller is done with: its texts move into the
    /// item instead of being copied and then freed (a replay applies a million events).
    pub fn apply_owned(&mut self, event: Option<WorkItemEvent>, version: u64, at: Timestamp, actor: &str) {
        self.version = version;
        self.updated_at = at;
        self.lapse(at);
        if let Some(claim) = self.claim.as_mut().filter(|c| !c.expired && c.holder == actor) {
            if let (Some(seconds), Some(until)) = (claim.lease_seconds, claim.until) {
                let renewed = at.checked_add(std::time::Duration::from_secs(seconds));
                claim.until = renewed.filter(|r| *r > until).or(Some(until));
            }
        }
        let Some(event) = event else { return };
        if let Some((reason, wanted)) = self.misfit(&event) {
            self.conflicts.push(Conflict {
                version,
                event_type: event.event_type().to_owned(),
                reason,
                wanted,
                resolved: None,
            });
            return;
        }
        match event {
            WorkItemEvent::Created(_)
            | WorkItemEvent::Completed(_)
            | WorkItemEvent::CompletionWithdrawn(_) => {}
            WorkItemEvent::StatusChanged(e) => {
                self.status = e.new_status;
                self.blocked_reason = if e.new_status == Status::Blocked {
                    e.reason
                } else {
                    None
                };
                // A claim is on work in progress: any move ends it.
                self.claim = None;
            }
            WorkItemEvent::PriorityChanged(e) => self.priority = e.new_priority,
            WorkItemEvent::AssigneeChanged(e) => {
                if self.claim.as_ref().map(|c| Some(&c.holder)) != Some(e.new_assignee.as_ref()) {
                    self.claim = None;
                }
                self.assignee = e.new_assignee;
            }
            WorkItemEvent::Claimed(e) => {
                self.status = Status::InProgress;
                self.blocked_reason = None;
                self.assignee = Some(e.claimant.clone());
                self.claim = Some(Claim {
                    holder: e.claimant,
                    lease_seconds: e.lease_seconds,
                    until: e.lease_until,
                    expired: false,
                });
            }
            WorkItemEvent::Released(_) => {
                self.status = Status::Pending;
                self.assignee = None;
                self.claim = None;
            }
            WorkItemEvent::DependencyAdded(e) => {
                // Kept in id order, so an item's state does not depend on the order its
                // links were made (an undone undepend restores the same list).
                self.dependencies.retain(|d| d.id != e.dependency_id);
                let at = self.dependencies.partition_point(|d| d.id < e.dependency_id);
                self.dependencies.insert(
                    at,
                    Dependency {
                        id: e.dependency_id,
                        kind: e.dependency_type,
                    },
                );
            }
            WorkItemEvent::DependencyRemoved(e) => self.dependencies.retain(|d| d.id != e.dependency_id),
            WorkItemEvent::TitleChanged(e) => self.title = e.new_title,
            WorkItemEvent::DescriptionChanged(e) => self.description = e.new_description,
            WorkItemEvent::LabelAdded(e) => {
                if let Err(at) = self.labels.binary_search(&e.label) {
                    self.labels.insert(at, e.label);
                }
            }
            WorkItemEvent::LabelRemoved(e) => self.labels.retain(|l| *l != e.label),
            WorkItemEvent::CommentAdded(e) => self.comments.push(Comment {
                author: e.author,
                at: e.at.unwrap_or(at),
                text: e.text,
            }),
            WorkItemEvent::CommentRemoved(e) => {
                if let Some(index) = self
                    .comments
                    .iter()
                    .rposition(|c| c.author == e.author && c.text == e.text)
                {
                    self.comments.remove(index);
                }
            }
            WorkItemEvent::ParentChanged(e) => self.parent = e.new_parent,
            WorkItemEvent::QualityMetricsUpdated(e) => self.quality = e.metrics,
            WorkItemEvent::DueDateChanged(e) => self.due = e.new_due,
            // The stream was renamed with it: the creation already carries the new number.
            WorkItemEvent::Renumbered(e) => self.id = e.new_display_id,
            WorkItemEvent::ConflictResolved(e) => self.settle(e.conflict_version, version, e.resolution),
            WorkItemEvent::ConflictReopened(e) => self.reopen_conflict(e.conflict_version),
        }
    }

    /// Why a status move recorded against another state cannot apply to this one, if it
    /// cannot. A writer always decides on the state it read (an undo too: it moves from
    /// whatever it found), so only events merged from another clone can misfit: a move
    /// decided on another status than the one it lands on — the status machine forbids it
    /// from here, or it was decided on a precondition that no longer holds (a cancel of a
    /// pending item landing on one another clone started) — is kept, shown as a conflict
    /// and not applied. A move to the status the item is already in agrees with it.
    pub(super) fn misfit(&self, event: &WorkItemEvent) -> Option<(String, Wanted)> {
        let (old, new, reason) = match event {
            WorkItemEvent::StatusChanged(e) => (e.old_status, e.new_status, e.reason.clone()),
            WorkItemEvent::Claimed(e) => (e.old_status, Status::InProgress, None),
            other => return self.superseded(other),
        };
        if old == self.status || self.status == new {
            return None;
        }
        let why = if self.status.can_move_to(new) {
            "decided on a state that no longer holds"
        } else {
            "a move the status machine forbids from here"
        };
        Some((
            format!(
                "{old} → {new} was written while {} was {old}; it is {} here ({why})",
                self.id, self.status
            ),
            Wanted::Status { to: new, reason },
        ))
    }

    /// Why a change of one field, decided on another value than the item holds, cannot
    /// apply: another clone wrote the same field concurrently, and its write sorts first.
    /// The first write stands; this one is kept and shown as a conflict, not applied (the
    /// same on every clone, as the order is). A write that sets what is already there
    /// agrees with it.
    pub(super) fn superseded(&self, event: &WorkItemEvent) -> Option<(String, Wanted)> {
        fn shown<T: std::fmt::Display>(value: Option<&T>) -> String {
            value.map_or_else(|| "none".to_owned(), |v| format!("\"{v}\""))
        }
        let (field, old, new, here, wanted) = match event {
            WorkItemEvent::TitleChanged(e) if e.old_title != self.title && e.new_title != self.title => (
                "title",
                shown(Some(&e.old_title)),
                shown(Some(&e.new_title)),
                shown(Some(&self.title)),
                Wanted::Title(e.new_title.clone()),
            ),
            WorkItemEvent::DescriptionChanged(e)
                if e.old_description != self.description && e.new_description != self.description =>
            {
                (
                    "description",
                    shown(e.old_description.as_ref()),
                    shown(e.new_description.as_ref()),
                    shown(self.description.as_ref()),
                    Wanted::Description(e.new_description.clone()),
                )
            }
            WorkItemEvent::PriorityChanged(e)
                if e.old_priority != self.priority && e.new_priority != self.priority =>
            {
                (
                    "priority",
                    e.old_priority.to_string(),
                    e.new_priority.to_string(),
                    self.priority.to_string(),
                    Wanted::Priority(e.new_priority),
                )
            }
            WorkItemEvent::AssigneeChanged(e)
                if e.old_assignee != self.assignee && e.new_assignee != self.assignee =>
            {
                (
                    "assignee",
                    shown(e.old_assignee.as_ref()),
                    shown(e.new_assignee.as_ref()),
                    shown(self.assignee.as_ref()),
                    Wanted::Assignee(e.new_assignee.clone()),
                )
            }
            WorkItemEvent::ParentChanged(e) if e.old_parent != self.parent && e.new_parent != self.parent => {
                (
                    "parent",
                    shown(e.old_parent.as_ref()),
                    shown(e.new_parent.as_ref()),
                    shown(self.parent.as_ref()),
                    Wanted::Parent(e.new_parent),
                )
            }
            WorkItemEvent::DueDateChanged(e) if e.old_due != self.due && e.new_due != self.due => (
                "due",
                shown(e.old_due.as_ref()),
                shown(e.new_due.as_ref()),
                shown(self.due.as_ref()),
                Wanted::Due(e.new_due),
            ),
            _ => return None,
        };
        Some((
            format!(
                "{field} {old} → {new} was written while {} had {old}; it has {here} here (a concurrent write came first)",
                self.id
            ),
            wanted,
        ))
    }
}
