//! Keeping item numbers unique across clones. Two clones that each created `WORK-005`
//! offline hold two different items under one number. The rule: the creation that reached
//! the shared remote first keeps the number. So the clone that finds, in what it fetched, a
//! `WORK-005` other than its own, while its own was never sent, moves its own item to the
//! first number after every number either side knows, before the item leaves the clone.
//! Every other clone only ever sees the new number, so all agree without a rule of theirs.
//!
//! The move renames the item's stream (every event keeps its id, version and position:
//! none of them exists anywhere else yet), then records one atomic write: a
//! `WorkItemRenumbered` event on the item, and on every item that pointed at the old number
//! (a dependency, a parent) the change that points it at the new one. Both steps check
//! what is already done, so running a plan again after a crash finishes it.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ulid::Ulid;

use crate::domain::{
    DependencyAdded, DependencyRemoved, ParentChanged, WorkItemEvent, WorkItemId, WorkItemRenumbered,
    AGGREGATE_TYPE,
};
use crate::store::{EventStore, ExpectedVersion, Metadata, StoreError, StreamAppend};

use super::exchange::Survey;
use super::repository::{envelope, id_of_stream, stream_for};
use super::{AppError, Clock, IdSource, ItemsProjection};

const CREATED: &str = "WorkItemCreated";

/// The actor of a renumbering's events: sync wrote them, not the person who ran it, so
/// their `jerry undo` never takes a renumbering back (its links would point at the other
/// clone's item again).
pub const ACTOR: &str = "sync";

/// One item moved to another number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Renumbering {
    pub from: WorkItemId,
    pub to: WorkItemId,
    /// The item's ULID, the same before and after.
    pub internal_id: Ulid,
}

/// This clone's items that must move before it sends: each was created here, was never
/// sent (its creation lies after `sent_through` and did not arrive by sync), and
/// `incoming` creates another item with its number. Numbered from one past the highest
/// number this clone or `incoming` uses, in the order of the numbers they leave.
pub fn plan(
    store: &dyn EventStore,
    incoming: &Survey,
    sent_through: u64,
) -> Result<Vec<Renumbering>, AppError> {
    let mut highest = incoming.highest();
    let mut moving = Vec::new();
    // Many creations (a new clone's first sync): one listing of the items held here
    // instead of a look for each.
    let held: Option<std::collections::HashSet<WorkItemId>> = (incoming.creations().len() > 64)
        .then(|| store.list_streams())
        .transpose()?
        .map(|streams| streams.iter().filter_map(id_of_stream).collect());
    for (&id, &their_creation) in incoming.creations() {
        if held.as_ref().is_some_and(|held| !held.contains(&id)) {
            continue;
        }
        let Some(ours) = store.read(&stream_for(id)?, 1, 1)?.into_iter().next() else {
            continue;
        };
        let unsent = ours.position > sent_through && ours.metadata.lamport.is_none();
        if ours.event_type == CREATED && ours.event_id != their_creation && unsent {
            let internal_id = internal_id_of(&ours.payload).unwrap_or(ours.event_id);
            moving.push((id, internal_id));
        }
    }
    if moving.is_empty() {
        return Ok(Vec::new());
    }
    for stream in store.list_streams()? {
        if let Some(id) = stream
            .as_str()
            .strip_prefix(AGGREGATE_TYPE)
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.parse::<WorkItemId>().ok())
        {
            highest = highest.max(id.number());
        }
    }
    Ok(moving
        .into_iter()
        .zip(highest + 1..)
        .filter_map(|((from, internal_id), number)| {
            WorkItemId::new(number).map(|to| Renumbering {
                from,
                to,
                internal_id,
            })
        })
        .collect())
}

/// Carries out `plan` (see the module doc); a step already done is skipped.
pub fn apply(
    store: &dyn EventStore,
    clock: &dyn Clock,
    ids: &dyn IdSource,
    plan: &[Renumbering],
    recovering: bool,
) -> Result<(), AppError> {
    if plan.is_empty() {
        return Ok(());
    }
    let replanned;
    let plan = if recovering {
        // A run that stopped part-way may have left the read model between the two steps
        // (the item moved, the event that tells it so not written): it is rebuilt rather
        // than trusted. A run that goes straight through does not need that: the read
        // model re-reads a moved item when it meets its `WorkItemRenumbered`.
        store.save_cache("items", b"")?;
        replanned = planned_again(store, plan)?;
        &replanned[..]
    } else {
        plan
    };
    for step in plan {
        move_stream(store, step)?;
    }
    let mut attempts = 0;
    loop {
        attempts += 1;
        match record(store, clock, ids, plan) {
            Err(AppError::Store(StoreError::Conflict { .. })) if attempts < 32 => {}
            result => return result,
        }
    }
}

/// A saved plan brought up to date after a run that stopped part-way: items created here
/// since may hold numbers it meant to move to. A step not yet taken whose number another
/// item now holds moves to the first number nobody holds instead (still above every number
/// the remote knew: the old target was). A step already taken stays as it was.
fn planned_again(store: &dyn EventStore, plan: &[Renumbering]) -> Result<Vec<Renumbering>, AppError> {
    let held_by = |id: WorkItemId| -> Result<Option<Ulid>, AppError> {
        let stream = stream_for(id)?;
        if !store.stream_exists(&stream)? {
            return Ok(None);
        }
        let first = store.read(&stream, 1, 1)?;
        Ok(first
            .first()
            .filter(|event| event.event_type == CREATED)
            .and_then(|event| internal_id_of(&event.payload)))
    };
    let mut next = plan.iter().map(|step| step.to.number()).max().unwrap_or(0) + 1;
    let mut steps = Vec::with_capacity(plan.len());
    for step in plan {
        let mut step = step.clone();
        match held_by(step.to)? {
            Some(holder) if holder != step.internal_id => loop {
                let candidate = WorkItemId::new(next).ok_or(AppError::Domain(
                    crate::domain::DomainError::InvalidValue {
                        kind: "item number",
                        input: next.to_string(),
                        expected: "a number jerry can give an item",
                    },
                ))?;
                next += 1;
                let taken = held_by(candidate)?.is_some() || plan.iter().any(|s| s.to == candidate);
                if !taken {
                    step.to = candidate;
                    break;
                }
            },
            _ => {}
        }
        steps.push(step);
    }
    Ok(steps)
}

/// Renames the item's stream, with its number changed in every event, unless that was
/// done already. A rename a crash interrupted is finished or undone by the store under its
/// lock, which the files read before may not show yet: refused then, it is decided again.
fn move_stream(store: &dyn EventStore, step: &Renumbering) -> Result<(), AppError> {
    match try_move_stream(store, step) {
        Err(AppError::Store(StoreError::RenameRefused { .. })) => try_move_stream(store, step),
        result => result,
    }
}

fn try_move_stream(store: &dyn EventStore, step: &Renumbering) -> Result<(), AppError> {
    let (from, to) = (stream_for(step.from)?, stream_for(step.to)?);
    let events = store.read_all(&from)?;
    let ours = events.first().is_some_and(|first| {
        first.event_type == CREATED && internal_id_of(&first.payload) == Some(step.internal_id)
    });
    if !ours {
        // Moved by an earlier run that stopped before recording it.
        return Ok(());
    }
    let to_name = step.to.to_string();
    let moved = events
        .into_iter()
        .map(|mut event| {
            event.aggregate_id.clone_from(&to_name);
            if event.event_type == CREATED {
                if let Some(payload) = event.payload.as_object_mut() {
                    payload.insert("display_id".into(), Value::String(to_name.clone()));
                }
            }
            event
        })
        .collect();
    crate::faults::inject("renumber-before-rename");
    store.rename_stream(&from, &to, moved)?;
    Ok(())
}

fn internal_id_of(payload: &Value) -> Option<Ulid> {
    payload
        .get("internal_id")
        .and_then(Value::as_str)
        .and_then(|text| Ulid::from_string(text).ok())
}

/// One write: the `WorkItemRenumbered` event of each moved item not recorded yet, and the
/// changes that point every reference to an old number at the new one.
fn record(
    store: &dyn EventStore,
    clock: &dyn Clock,
    ids: &dyn IdSource,
    plan: &[Renumbering],
) -> Result<(), AppError> {
    // The items as the read model has them: before the move (each moved item still under
    // its old number), or rebuilt after it; either way every link to an old number means
    // this clone's item, as nothing from the other clone was received yet.
    let model = ItemsProjection::fresh(store)?;
    let renamed: HashMap<WorkItemId, WorkItemId> = plan.iter().map(|s| (s.from, s.to)).collect();
    let moved = |item: &crate::domain::WorkItem| {
        plan.iter()
            .find(|s| s.from == item.id && s.internal_id == item.internal_id)
            .map_or(item.id, |s| s.to)
    };
    let mut changes: BTreeMap<WorkItemId, Vec<WorkItemEvent>> = BTreeMap::new();
    for step in plan {
        let recorded = store.read_all(&stream_for(step.to)?)?.iter().any(|event| {
            matches!(
                WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload),
                Ok(Some(WorkItemEvent::Renumbered(r))) if r.old_display_id == step.from
            )
        });
        if !recorded && store.stream_exists(&stream_for(step.to)?)? {
            changes
                .entry(step.to)
                .or_default()
                .push(WorkItemEvent::Renumbered(WorkItemRenumbered {
                    old_display_id: step.from,
                    new_display_id: step.to,
                    internal_id: step.internal_id,
                }));
        }
    }
    for item in model.items.values() {
        let mut fixes = Vec::new();
        for dependency in &item.dependencies {
            if let Some(to) = renamed.get(&dependency.id) {
                fixes.push(WorkItemEvent::DependencyRemoved(DependencyRemoved {
                    dependency_id: dependency.id,
                }));
                fixes.push(WorkItemEvent::DependencyAdded(DependencyAdded {
                    dependency_id: *to,
                    dependency_type: dependency.kind,
                }));
            }
        }
        if let Some(to) = item.parent.and_then(|parent| renamed.get(&parent)) {
            fixes.push(WorkItemEvent::ParentChanged(ParentChanged {
                old_parent: item.parent,
                new_parent: Some(*to),
            }));
        }
        if !fixes.is_empty() {
            changes.entry(moved(item)).or_default().extend(fixes);
        }
    }
    if changes.is_empty() {
        return Ok(());
    }
    let now = clock.now();
    let correlation = ids.next_ulid().to_string();
    let mut appends = Vec::with_capacity(changes.len());
    for (id, events) in changes {
        let stream = stream_for(id)?;
        let version = store.current_version(&stream)?;
        let events = events
            .iter()
            .map(|event| {
                let metadata = Metadata {
                    correlation_id: Some(correlation.clone()),
                    causation_id: Some(correlation.clone()),
                    ..Metadata::by(ACTOR)
                };
                envelope(id, event, ids.next_ulid(), now, metadata)
            })
            .collect();
        appends.push(StreamAppend {
            stream,
            events,
            expected: ExpectedVersion::Exact(version),
        });
    }
    store.append_all(appends, None)?;
    Ok(())
}
