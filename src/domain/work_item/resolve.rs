//! Settling a conflict (`items resolve`): a person or agent decides what an item holds
//! after a merged event did not fit. The decision is an event like any other (synced,
//! undoable), and once it is recorded no clone shows that conflict as open again.

use serde::{Deserialize, Serialize};

use super::events::{ConflictResolved, DescriptionChanged, Resolution, WorkItemEvent};
use super::{Conflict, WorkItem};
use crate::domain::{DomainError, Priority, Status, WorkItemId};
use crate::timestamp::Timestamp;

/// What a conflicting event would have set, had it applied: the other side of the conflict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum Wanted {
    Status { to: Status, reason: Option<String> },
    Title(String),
    Description(Option<String>),
    Priority(Priority),
    Assignee(Option<String>),
    Parent(Option<WorkItemId>),
    Due(Option<Timestamp>),
}

impl Wanted {
    /// The field this is a value of, as `items resolve` and the history name it.
    pub fn field(&self) -> &'static str {
        match self {
            Wanted::Status { .. } => "status",
            Wanted::Title(_) => "title",
            Wanted::Description(_) => "description",
            Wanted::Priority(_) => "priority",
            Wanted::Assignee(_) => "assignee",
            Wanted::Parent(_) => "parent",
            Wanted::Due(_) => "due",
        }
    }

    /// The parent this would set, for the caller to check the hierarchy against.
    pub fn parent(&self) -> Option<WorkItemId> {
        match self {
            Wanted::Parent(parent) => *parent,
            _ => None,
        }
    }

    /// A value typed for the same field (`items resolve --set VALUE`): `none` (or nothing)
    /// clears a field that may be empty; a due date takes what `items due` takes.
    pub fn parse_like(&self, input: &str, now: Timestamp) -> Result<Wanted, DomainError> {
        let text = input.trim();
        let cleared = text.is_empty() || text.eq_ignore_ascii_case("none");
        Ok(match self {
            Wanted::Status { to, reason } => {
                let status: Status = text.parse()?;
                // Setting what the other side asked for keeps its reason (a block needs one).
                let reason = if status == *to { reason.clone() } else { None };
                Wanted::Status { to: status, reason }
            }
            Wanted::Title(_) => Wanted::Title(input.to_owned()),
            Wanted::Description(_) => Wanted::Description((!input.is_empty()).then(|| input.to_owned())),
            Wanted::Priority(_) => Wanted::Priority(text.parse()?),
            Wanted::Assignee(_) => Wanted::Assignee((!cleared).then(|| text.to_owned())),
            Wanted::Parent(_) if cleared => Wanted::Parent(None),
            Wanted::Parent(_) => Wanted::Parent(Some(text.parse()?)),
            Wanted::Due(_) if cleared => Wanted::Due(None),
            Wanted::Due(_) => Wanted::Due(Some(Timestamp::parse_spec(text, now).map_err(|_| {
                DomainError::InvalidValue {
                    kind: "due date",
                    input: input.to_owned(),
                    expected: "a time as items due takes it (2026-01-12, +3d, tomorrow), or none",
                }
            })?)),
        })
    }
}

/// What `items resolve` decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The item keeps what it holds.
    Keep,
    /// The item takes what the conflicting event asked for.
    Take,
    /// The item takes this value (typed for the conflict's field).
    Set(String),
}

/// How and when a conflict was settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolved {
    /// The version of the `ConflictResolved` event.
    pub version: u64,
    pub resolution: Resolution,
}

impl WorkItem {
    /// The events that settle this item's open conflict at `version` (all open ones for
    /// [`Decision::Keep`] without a version; the only one otherwise) as `decision` says:
    /// one `ConflictResolved` each, then the change the decision makes, if any. A change
    /// the status machine forbids from here is refused; a value the item already holds is
    /// no change.
    pub fn resolve(
        &self,
        version: Option<u64>,
        decision: &Decision,
        now: Timestamp,
    ) -> Result<Vec<WorkItemEvent>, DomainError> {
        let open: Vec<u64> = self.conflicts.iter().map(|c| c.version).collect();
        if open.is_empty() {
            return Err(DomainError::NoConflict { id: self.id });
        }
        let chosen: Vec<&Conflict> = match version {
            Some(version) => match self.conflicts.iter().find(|c| c.version == version) {
                Some(conflict) => vec![conflict],
                None => {
                    return Err(DomainError::NoSuchConflict {
                        id: self.id,
                        version,
                        open,
                    })
                }
            },
            None if *decision == Decision::Keep || open.len() == 1 => self.conflicts.iter().collect(),
            None => return Err(DomainError::WhichConflict { id: self.id, open }),
        };
        let resolution = match decision {
            Decision::Keep => Resolution::Keep,
            Decision::Take => Resolution::Take,
            Decision::Set(_) => Resolution::Set,
        };
        let mut events: Vec<WorkItemEvent> = chosen
            .iter()
            .map(|c| {
                WorkItemEvent::ConflictResolved(ConflictResolved {
                    conflict_version: c.version,
                    resolution,
                })
            })
            .collect();
        let wanted = match decision {
            Decision::Keep => return Ok(events),
            Decision::Take => chosen[0].wanted.clone(),
            Decision::Set(value) => chosen[0].wanted.parse_like(value, now)?,
        };
        match self.take(wanted, now) {
            Ok(change) => events.extend(change),
            // The item already holds it: settling the conflict is the whole decision.
            Err(DomainError::Unchanged { .. }) => {}
            Err(err) => return Err(err),
        }
        Ok(events)
    }

    /// The change that sets `wanted`, decided as the command for that field decides it.
    fn take(&self, wanted: Wanted, now: Timestamp) -> Result<Vec<WorkItemEvent>, DomainError> {
        match wanted {
            Wanted::Status { to, .. } if to == self.status => Err(DomainError::Unchanged {
                id: self.id,
                what: to.to_string(),
            }),
            Wanted::Status { to, reason } => self.change_status(to, reason, now),
            Wanted::Title(title) => self.edit(Some(title), None),
            Wanted::Description(description) if description == self.description => {
                Err(DomainError::Unchanged {
                    id: self.id,
                    what: "with that description".to_owned(),
                })
            }
            Wanted::Description(Some(description)) => self.edit(None, Some(description)),
            Wanted::Description(None) => Ok(vec![WorkItemEvent::DescriptionChanged(DescriptionChanged {
                old_description: self.description.clone(),
                new_description: None,
            })]),
            Wanted::Priority(priority) => self.change_priority(priority, None),
            Wanted::Assignee(assignee) => self.assign(assignee),
            Wanted::Parent(parent) => self.reparent(parent),
            Wanted::Due(due) => self.set_due(due),
        }
    }

    /// Applies a `ConflictResolved` (written at `version`): the conflict is no longer open.
    pub(crate) fn settle(&mut self, conflict_version: u64, version: u64, resolution: Resolution) {
        if let Some(at) = self.conflicts.iter().position(|c| c.version == conflict_version) {
            let mut conflict = self.conflicts.remove(at);
            conflict.resolved = Some(Resolved { version, resolution });
            self.resolved_conflicts.push(conflict);
        }
    }

    /// Applies a `ConflictReopened`: the settled conflict is open again, in version order.
    pub(crate) fn reopen_conflict(&mut self, conflict_version: u64) {
        if let Some(at) = self
            .resolved_conflicts
            .iter()
            .position(|c| c.version == conflict_version)
        {
            let mut conflict = self.resolved_conflicts.remove(at);
            conflict.resolved = None;
            let at = self.conflicts.partition_point(|c| c.version < conflict_version);
            self.conflicts.insert(at, conflict);
        }
    }
}
