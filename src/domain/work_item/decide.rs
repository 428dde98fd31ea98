//! The decisions: each asks whether a change may be made to the item as it is, and answers
//! with the events that make it (or why not). Pure: the caller supplies the time.

use crate::domain::limits::{self, check_length, check_name};
use crate::domain::{DependencyType, DomainError, Priority, Status, WorkItemId};
use crate::timestamp::Timestamp;

use super::*;

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

    /// `claimant` takes the item at `now` (the state as of `now`: see [`WorkItem::lapse`]),
    /// or renews the claim they hold. A pending item is claimed; one in progress only by the
    /// one who holds it, or by anyone when nobody is assigned. With `lease`, the claim runs
    /// out that long after the holder's last write; a renewal without one keeps the lease
    /// it had.
    pub fn claim(
        &self,
        claimant: &str,
        lease: Option<std::time::Duration>,
        now: Timestamp,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        check_name("actor", claimant)?;
        let held = self.claim.as_ref().filter(|c| !c.expired);
        match self.status {
            Status::Pending => {}
            Status::InProgress => {
                let holder = held.map(|c| c.holder.as_str()).or(self.assignee.as_deref());
                if let Some(holder) = holder.filter(|h| *h != claimant) {
                    return Err(DomainError::Claimed {
                        id: self.id,
                        holder: holder.to_owned(),
                        until: held.and_then(|c| c.until),
                    });
                }
            }
            status => return Err(DomainError::NotClaimable { id: self.id, status }),
        }
        let lease_seconds = match lease {
            Some(lease) => Some(lease.as_secs().max(1)),
            None => held.and_then(|c| c.lease_seconds),
        };
        let lease_until =
            lease_seconds.and_then(|seconds| now.checked_add(std::time::Duration::from_secs(seconds)));
        if held.is_some_and(|c| {
            c.holder == claimant && c.lease_seconds == lease_seconds && c.until == lease_until
        }) {
            // Renewing a claim without a lease (or at the moment it was renewed) changes nothing.
            return Err(DomainError::Unchanged {
                id: self.id,
                what: format!("claimed by {claimant}, with nothing to renew"),
            });
        }
        let taken_from = self
            .claim
            .as_ref()
            .filter(|c| c.expired && c.holder != claimant)
            .map(|c| c.holder.clone());
        Ok(vec![WorkItemEvent::Claimed(WorkItemClaimed {
            claimant: claimant.to_owned(),
            old_status: self.status,
            old_assignee: self.assignee.clone(),
            lease_seconds,
            lease_until,
            taken_from,
        })])
    }

    /// Gives an item in progress back: pending, unassigned, unclaimed. Someone else's live
    /// claim is theirs to give back, unless `force`.
    pub fn release(
        &self,
        actor: &str,
        force: bool,
        reason: Option<String>,
        now: Timestamp,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        if self.status != Status::InProgress {
            return Err(DomainError::NotInProgress {
                id: self.id,
                status: self.status,
            });
        }
        if let Some(claim) = self.holder_at(now).filter(|c| c.holder != actor && !force) {
            return Err(DomainError::Claimed {
                id: self.id,
                holder: claim.holder.clone(),
                until: claim.until,
            });
        }
        Ok(vec![WorkItemEvent::Released(WorkItemReleased {
            old_assignee: self.assignee.clone(),
            reason: non_blank(reason)?,
        })])
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

    pub fn add_dependency(
        &self,
        other: WorkItemId,
        kind: DependencyType,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        if other == self.id {
            return Err(DomainError::SelfDependency { id: self.id });
        }
        if self.dependencies.iter().any(|d| d.id == other) {
            return Err(DomainError::DuplicateDependency { id: self.id, other });
        }
        Ok(vec![WorkItemEvent::DependencyAdded(DependencyAdded {
            dependency_id: other,
            dependency_type: kind,
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
                what: "as edited (nothing would change)".into(),
            });
        }
        Ok(events)
    }

    /// Adds and removes labels; each must change something.
    pub fn relabel(&self, add: &[String], remove: &[String]) -> Result<Vec<WorkItemEvent>, DomainError> {
        let mut events = Vec::new();
        for label in add {
            check_label(label)?;
            if !self.labels.contains(label)
                && !events.contains(&WorkItemEvent::LabelAdded(LabelAdded { label: label.clone() }))
            {
                events.push(WorkItemEvent::LabelAdded(LabelAdded { label: label.clone() }));
            }
        }
        for label in remove {
            // Removing what is not there is a mistake worth hearing about (a typo), not a
            // silent success.
            if !self.labels.contains(label) {
                return Err(DomainError::NoSuchLabel {
                    id: self.id,
                    label: label.clone(),
                });
            }
            let removal = WorkItemEvent::LabelRemoved(LabelRemoved { label: label.clone() });
            if !events.contains(&removal) {
                events.push(removal);
            }
        }
        if events.is_empty() {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: "labelled so (nothing would change)".into(),
            });
        }
        Ok(events)
    }

    pub fn comment(&self, text: String, author: &str) -> Result<Vec<WorkItemEvent>, DomainError> {
        if text.trim().is_empty() {
            return Err(DomainError::InvalidValue {
                kind: "comment",
                input: text,
                expected: "some text",
            });
        }
        check_length("comment", &text, limits::MAX_DESCRIPTION)?;
        Ok(vec![WorkItemEvent::CommentAdded(CommentAdded {
            author: author.to_owned(),
            text,
            at: None,
        })])
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

    /// Records quality metrics: the given fields replace the recorded ones, the others keep
    /// their recorded values (0 when none were recorded).
    pub fn record_metrics(
        &self,
        coverage: Option<f64>,
        positive: Option<u32>,
        negative: Option<u32>,
        edge: Option<u32>,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        if coverage.is_none() && positive.is_none() && negative.is_none() && edge.is_none() {
            return Err(DomainError::InvalidValue {
                kind: "metrics",
                input: String::new(),
                expected: "at least one of coverage, positive, negative, edge",
            });
        }
        if let Some(coverage) = coverage {
            if !(0.0..=100.0).contains(&coverage) {
                return Err(DomainError::InvalidValue {
                    kind: "coverage",
                    input: coverage.to_string(),
                    expected: "a percentage from 0 to 100",
                });
            }
        }
        let old = self.quality.unwrap_or(QualityMetrics {
            coverage: None,
            positive_tests: 0,
            negative_tests: 0,
            edge_tests: 0,
        });
        let new = QualityMetrics {
            coverage: coverage.or(old.coverage),
            positive_tests: positive.unwrap_or(old.positive_tests),
            negative_tests: negative.unwrap_or(old.negative_tests),
            edge_tests: edge.unwrap_or(old.edge_tests),
        };
        if self.quality == Some(new) {
            return Err(DomainError::Unchanged {
                id: self.id,
                what: "at these metrics".into(),
            });
        }
        Ok(vec![WorkItemEvent::QualityMetricsUpdated(
            QualityMetricsUpdated { metrics: Some(new) },
        )])
    }

    pub fn remove_dependency(&self, other: WorkItemId) -> Result<Vec<WorkItemEvent>, DomainError> {
        if !self.dependencies.iter().any(|d| d.id == other) {
            return Err(DomainError::NoSuchDependency { id: self.id, other });
        }
        Ok(vec![WorkItemEvent::DependencyRemoved(DependencyRemoved {
            dependency_id: other,
        })])
    }
}

/// A label: 1 to 50 characters, no whitespace or control characters.
pub(super) fn check_label(label: &str) -> Result<(), DomainError> {
    let valid = !label.is_empty()
        && label.chars().count() <= 50
        && !label.chars().any(|c| c.is_whitespace() || c.is_control());
    if valid {
        Ok(())
    } else {
        Err(DomainError::InvalidValue {
            kind: "label",
            input: label.to_owned(),
            expected: "1 to 50 characters without spaces",
        })
    }
}

pub(super) fn non_blank(reason: Option<String>) -> Result<Option<String>, DomainError> {
    let reason = reason.filter(|r| !r.trim().is_empty());
    if let Some(reason) = &reason {
        check_length("reason", reason, limits::MAX_REASON)?;
    }
    Ok(reason)
}
