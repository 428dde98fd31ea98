//! The WorkItem aggregate: its state is the replay of its events, and each command is a
//! function from that state (plus the inputs and the time) to new events or a refusal.

use serde::{Deserialize, Serialize};
use ulid::Ulid;

use super::events::*;
use super::limits::{self, check_length, check_name};
use super::{DependencyType, DomainError, Priority, Status, WorkItemId, WorkType};
use crate::timestamp::Timestamp;

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
    /// Test coverage and counts (`items metrics`); what a `quality_gate` looks for.
    #[serde(default)]
    pub quality: Option<QualityMetrics>,
    /// When the item is due (`items due`); absent when it has no due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Timestamp>,
    /// Why the item is blocked, while its status is blocked (`items block --reason`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked_reason: Option<String>,
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
        })
    }
}

/// A label: 1 to 50 characters, no whitespace or control characters.
fn check_label(label: &str) -> Result<(), DomainError> {
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

fn non_blank(reason: Option<String>) -> Result<Option<String>, DomainError> {
    let reason = reason.filter(|r| !r.trim().is_empty());
    if let Some(reason) = &reason {
        check_length("reason", reason, limits::MAX_REASON)?;
    }
    Ok(reason)
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
            quality: None,
            due: created.due,
            blocked_reason: None,
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
    fn misfit(&self, event: &WorkItemEvent) -> Option<(String, Wanted)> {
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
    fn superseded(&self, event: &WorkItemEvent) -> Option<(String, Wanted)> {
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
    /// checked the parent with [`super::graph::check_parent`].
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

mod resolve;
pub use resolve::{Decision, Resolved, Wanted};

#[cfg(test)]
mod tests;
