//! Every write a user can ask for ([`Command`]) and what each asks of which item: a
//! decision the domain makes on the item's current state, readied by [`plan`]. A new
//! command is a variant here and its arm in `plan`'s `match`, which does not compile
//! without it; the decision itself is a `WorkItem` method beside its event in
//! `domain/events/`.
//!
//! [`plan`]: CommandDispatcher::plan

use serde::Serialize;

use super::plan::{Plan, Prepared};
use super::CommandDispatcher;
use crate::app::AppError;
use crate::domain::recurrence::Recurrence;
use crate::domain::{
    CommitLinked, Decision, DependencyType, Elsewhere, ItemRef, NewWorkItem, Priority, Status, WorkType,
};
use crate::timestamp::Timestamp;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    Create(NewWorkItem),
    ChangeStatus {
        item: ItemRef,
        to: Status,
        reason: Option<String>,
    },
    /// Takes a mistake out of the work (any status → deleted); the history stays.
    Delete {
        item: ItemRef,
        reason: Option<String>,
    },
    /// Brings a deleted item back to the status it was deleted from.
    Restore {
        item: ItemRef,
        reason: Option<String>,
    },
    /// Done → in progress; refused from any other status.
    Reopen {
        item: ItemRef,
        reason: Option<String>,
    },
    /// Sets, moves or (with `None`) clears the due date.
    SetDue {
        item: ItemRef,
        due: Option<Timestamp>,
    },
    /// Closes the item as moved to another project, where it continues as `to` (see
    /// `Session::move_item`, which makes the item there first).
    MoveOut {
        item: ItemRef,
        to: Elsewhere,
    },
    /// Hides the item from ready work until a moment, or (`None`) shows it again.
    SetWait {
        item: ItemRef,
        wait: Option<Timestamp>,
    },
    /// Makes the item recur (its due date needed), or (`None`) stops it.
    SetRecurrence {
        item: ItemRef,
        recur: Option<Recurrence>,
    },
    ChangePriority {
        item: ItemRef,
        to: Priority,
        reason: Option<String>,
    },
    Assign {
        item: ItemRef,
        assignee: Option<String>,
    },
    AddDependency {
        item: ItemRef,
        on: ItemRef,
        kind: DependencyType,
    },
    RemoveDependency {
        item: ItemRef,
        on: ItemRef,
    },
    Edit {
        item: ItemRef,
        title: Option<String>,
        description: Option<String>,
    },
    /// Gives an item another type, kept in rank with its parent and children.
    Retype {
        item: ItemRef,
        to: WorkType,
    },
    Label {
        item: ItemRef,
        add: Vec<String>,
        remove: Vec<String>,
    },
    Comment {
        item: ItemRef,
        text: String,
    },
    /// Records a commit that names the item (`jerry git`); one already linked is unchanged.
    LinkCommit {
        item: ItemRef,
        link: CommitLinked,
    },
    /// Moves an item under another parent (`None`: to the top).
    Reparent {
        item: ItemRef,
        parent: Option<ItemRef>,
    },
    /// Takes the item for the dispatcher's actor (or renews their claim): in progress,
    /// assigned to them, held for `lease_seconds` after each of their writes (no lease:
    /// until released).
    Claim {
        item: ItemRef,
        lease_seconds: Option<u64>,
    },
    /// Gives an item in progress back: pending, unassigned. Another actor's live claim
    /// needs `force`.
    Release {
        item: ItemRef,
        force: bool,
        reason: Option<String>,
    },
    /// Several changes to one item, decided in order and appended as one write (the MCP
    /// `update` tool). Changes that would change nothing are skipped, unless all would.
    Together(Vec<Command>),
    RecordMetrics {
        item: ItemRef,
        coverage: Option<f64>,
        positive: Option<u32>,
        negative: Option<u32>,
        edge: Option<u32>,
    },
    /// Settles the item's open conflict at `version` (without one: the only one, or with
    /// [`Decision::Keep`] every one) as `decision` says.
    Resolve {
        item: ItemRef,
        version: Option<u64>,
        decision: Decision,
    },
}

impl CommandDispatcher<'_> {
    /// Readies a command: resolves the other items it names and loads the read model it
    /// consults, once, however often its decision is retried after a lost race.
    pub(super) fn plan(&self, command: Command) -> Result<Plan, AppError> {
        // A deleted item takes no change but its deletion (again: nothing to do) and its
        // restoring; every other command is refused on it.
        let on_deleted = matches!(command, Command::Delete { .. } | Command::Restore { .. });
        let prepared = match command {
            Command::Create(new) => return Ok(Plan::Create(new)),
            Command::Together(commands) => self.together(commands)?,
            Command::ChangeStatus { item, to, reason } => self.status_change(item, to, reason)?,
            Command::Delete { item, reason } => {
                Prepared::deciding(item, move |current, _| current.delete(reason.clone()))
            }
            Command::Restore { item, reason } => {
                Prepared::deciding(item, move |current, _| current.restore(reason.clone()))
            }
            Command::Reopen { item, reason } => {
                Prepared::deciding(item, move |current, now| current.reopen(reason.clone(), now))
            }
            Command::SetDue { item, due } => Prepared::deciding(item, move |current, _| current.set_due(due)),
            Command::MoveOut { item, to } => {
                Prepared::deciding(item, move |current, now| current.move_out(to.clone(), now))
            }
            Command::SetWait { item, wait } => {
                Prepared::deciding(item, move |current, _| current.set_wait(wait))
            }
            Command::SetRecurrence { item, recur } => {
                Prepared::deciding(item, move |current, _| current.set_recurrence(recur))
            }
            Command::ChangePriority { item, to, reason } => Prepared::deciding(item, move |current, _| {
                current.change_priority(to, reason.clone())
            }),
            Command::Assign { item, assignee } => {
                Prepared::deciding(item, move |current, _| current.assign(assignee.clone()))
            }
            Command::AddDependency { item, on, kind } => self.dependency(item, on, kind)?,
            Command::RemoveDependency { item, on } => self.undependency(item, on)?,
            Command::Reparent { item, parent } => self.reparenting(item, parent)?,
            Command::Claim { item, lease_seconds } => self.claiming(item, lease_seconds)?,
            Command::Release { item, force, reason } => {
                let actor = self.actor.clone();
                Prepared::deciding(item, move |current, now| {
                    current.release(&actor, force, reason.clone(), now)
                })
            }
            Command::RecordMetrics {
                item,
                coverage,
                positive,
                negative,
                edge,
            } => Prepared::deciding(item, move |current, _| {
                current.record_metrics(coverage, positive, negative, edge)
            }),
            Command::Edit {
                item,
                title,
                description,
            } => Prepared::deciding(item, move |current, _| {
                current.edit(title.clone(), description.clone())
            }),
            Command::Retype { item, to } => self.retyping(item, to)?,
            Command::Label { item, add, remove } => {
                Prepared::deciding(item, move |current, _| current.relabel(&add, &remove))
            }
            Command::Resolve {
                item,
                version,
                decision,
            } => self.resolution(item, version, decision)?,
            Command::Comment { item, text } => {
                let actor = self.actor.clone();
                Prepared::deciding(item, move |current, _| current.comment(text.clone(), &actor))
            }
            Command::LinkCommit { item, link } => {
                Prepared::deciding(item, move |current, _| current.link_commit(link.clone()))
            }
        };
        Ok(Plan::Update(if on_deleted {
            prepared
        } else {
            prepared.refusing_deleted()
        }))
    }
}
