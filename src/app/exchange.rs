//! Exchanging events with other clones of a project: what `jerry sync` sends (this clone's
//! own events, in a form without local positions) and the one write path for what it
//! receives. The transport (git) is the front door's business; this module only knows
//! events.
//!
//! An event is the same fact on every clone: its id and content never change. What is
//! local is where it sits: its `position` (arrival order in this clone's log) and its
//! stream `version`. So an exchanged event carries its Lamport time instead (the version it
//! was written at), and every clone orders an item's events by (Lamport time, event id),
//! whatever order they arrived in (`repository::in_item_order`).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use ulid::Ulid;

use crate::domain::{Conflict, WorkItem, WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::{
    EventStore, ExpectedVersion, NewEvent, RecordedEvent, StoreError, StreamAppend, StreamId,
};

use super::event_log::PAGE;
use super::repository::{replay, stream_for};
use super::AppError;

/// One event as clones exchange it: the stored envelope without its local `version` and
/// `position`, and with `metadata.lamport` always set (see [`shared`]).
pub type SharedEvent = NewEvent;

/// The shared form of a stored event: its Lamport time is its own, or its version.
pub fn shared(event: &RecordedEvent) -> SharedEvent {
    let mut shared = event.to_new();
    shared.metadata.lamport = Some(event.metadata.lamport.unwrap_or(event.version));
    shared
}

fn lamport(event: &SharedEvent) -> u64 {
    event.metadata.lamport.unwrap_or(0)
}

/// A conflict, with the item it is in: what `jerry sync` and `doctor` report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemConflict {
    pub id: WorkItemId,
    #[serde(flatten)]
    pub conflict: Conflict,
}

/// Every conflict recorded in `items`, in their order.
pub fn conflicts_in<'a>(items: impl IntoIterator<Item = &'a WorkItem>) -> Vec<ItemConflict> {
    items
        .into_iter()
        .flat_map(|item| {
            item.conflicts.iter().map(|conflict| ItemConflict {
                id: item.id,
                conflict: conflict.clone(),
            })
        })
        .collect()
}

/// What [`receive`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Received {
    /// Events appended to this clone's log.
    pub appended: u64,
    /// Events this clone already held (its own, or received before).
    pub already_present: u64,
    /// The positions the appended events took here.
    #[serde(skip)]
    pub positions: Vec<u64>,
    /// Items that gained events.
    pub items: Vec<WorkItemId>,
}

/// This clone's own events with `after < position <= up_to`, in its global order, in
/// their shared form: events that arrived from elsewhere (they carry their Lamport time)
/// and those whose id `known` names (the other side has them) are left out. Reads only
/// that stretch of the log.
pub fn outgoing(
    store: &dyn EventStore,
    after: u64,
    up_to: u64,
    known: &dyn Fn(&Ulid) -> bool,
) -> Result<Vec<SharedEvent>, AppError> {
    let mut out = Vec::new();
    let mut from = after;
    while from < up_to {
        let page = store.read_global(from, PAGE)?;
        let Some(last) = page.last() else { break };
        from = last.position;
        for event in page.iter().filter(|e| e.position <= up_to) {
            if event.metadata.lamport.is_none() && !known(&event.event_id) {
                out.push(shared(event));
            }
        }
        if page.len() < PAGE {
            break;
        }
    }
    Ok(out)
}

fn rejected(event: &SharedEvent, reason: impl std::fmt::Display) -> AppError {
    AppError::SyncRejected {
        event: event.event_id.to_string(),
        reason: reason.to_string(),
    }
}

/// The checks one incoming event must pass on its own: an item event whose ids agree, with
/// a Lamport time, whose payload this jerry can read (or a type it does not know yet).
fn check(event: &SharedEvent) -> Result<(WorkItemId, StreamId), AppError> {
    if event.aggregate_type != AGGREGATE_TYPE {
        return Err(rejected(
            event,
            format!("unknown aggregate type '{}'", event.aggregate_type),
        ));
    }
    let id: WorkItemId = event
        .aggregate_id
        .parse()
        .ok()
        .filter(|id: &WorkItemId| id.canonical().to_string() == event.aggregate_id)
        .ok_or_else(|| rejected(event, format!("'{}' is not an item id", event.aggregate_id)))?;
    if event.metadata.lamport.is_none_or(|l| l == 0) {
        return Err(rejected(event, "it has no Lamport time (metadata.lamport)"));
    }
    let decoded =
        WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload).map_err(|err| {
            rejected(
                event,
                format!("{} of {}: {err}", event.event_type, event.aggregate_id),
            )
        })?;
    if let Some(decoded) = &decoded {
        // Text no command could have written: the remote was tampered with (a conflict with
        // what jerry writes, exit 4), not a line jerry cannot read.
        decoded.check_limits().map_err(|err| AppError::SyncOverLimit {
            event: event.event_id.to_string(),
            reason: format!("{} of {}: {err}", event.event_type, event.aggregate_id),
        })?;
    }
    if let Some(WorkItemEvent::Created(created)) = decoded {
        if created.display_id != id {
            return Err(rejected(
                event,
                format!(
                    "its stream is {} but it creates {}",
                    event.aggregate_id, created.display_id
                ),
            ));
        }
    }
    Ok((id, stream_for(id)?))
}

/// Appends the events this clone does not hold yet, after its head, all in one write.
/// Everything is checked first, and a refusal writes nothing: an event this clone holds
/// with other content, or the same id twice with other content, is a conflict; an event
/// that is not a readable item event, or a stream that would no longer replay, is
/// rejected. Two clones that created the same item number as different items is a
/// conflict too, when it reaches this far: sync renumbers an unsent item of this clone's
/// first (`renumber`), so only items sent through different remotes get here.
pub fn receive(
    store: &dyn EventStore,
    incoming: Vec<SharedEvent>,
    moving: &BTreeSet<WorkItemId>,
    dry_run: bool,
) -> Result<Received, AppError> {
    let mut by_stream: BTreeMap<StreamId, (WorkItemId, Vec<SharedEvent>)> = BTreeMap::new();
    let mut seen: HashMap<Ulid, SharedEvent> = HashMap::new();
    let mut duplicates = 0u64;
    for event in incoming {
        let (id, stream) = check(&event)?;
        if let Some(earlier) = seen.get(&event.event_id) {
            if *earlier != event {
                return Err(AppError::SyncChanged {
                    event: event.event_id.to_string(),
                    item: event.aggregate_id.clone(),
                });
            }
            duplicates += 1;
            continue;
        }
        seen.insert(event.event_id, event.clone());
        by_stream
            .entry(stream)
            .or_insert_with(|| (id, Vec::new()))
            .1
            .push(event);
    }
    check_ids_elsewhere(store, &by_stream)?;
    let mut attempts = 0;
    loop {
        attempts += 1;
        match receive_once(store, &by_stream, moving, dry_run) {
            // A local writer appended to one of these streams meanwhile: read again.
            Err(AppError::Store(StoreError::Conflict { .. })) if attempts < 32 => {}
            Ok(mut received) => {
                received.already_present += duplicates;
                return Ok(received);
            }
            Err(err) => return Err(err),
        }
    }
}

/// Refuses incoming events whose ids this clone holds in another stream (a remote that
/// was tampered with, or a clone that copied events by hand): an event id names one event
/// of one item everywhere. Reads the log once, and only when there is something to check.
fn check_ids_elsewhere(
    store: &dyn EventStore,
    by_stream: &BTreeMap<StreamId, (WorkItemId, Vec<SharedEvent>)>,
) -> Result<(), AppError> {
    let incoming: HashMap<Ulid, (&StreamId, &SharedEvent)> = by_stream
        .iter()
        .flat_map(|(stream, (_, events))| events.iter().map(move |e| (e.event_id, (stream, e))))
        .collect();
    if incoming.is_empty() {
        return Ok(());
    }
    let mut after = 0;
    loop {
        let page = store.read_global(after, super::event_log::PAGE)?;
        let Some(last) = page.last().map(|e| e.position) else {
            return Ok(());
        };
        for held in &page {
            if let Some((stream, event)) = incoming.get(&held.event_id) {
                if super::event_log::stream_of(held) != stream.as_str() {
                    return Err(AppError::SyncIdReused {
                        event: event.event_id.to_string(),
                        item: event.aggregate_id.clone(),
                        held: held.aggregate_id.clone(),
                    });
                }
            }
        }
        after = last;
    }
}

/// One attempt: read each stream, decide, append with each stream's version as read (a
/// local writer in between makes it a conflict, and the caller tries again).
fn receive_once(
    store: &dyn EventStore,
    by_stream: &BTreeMap<StreamId, (WorkItemId, Vec<SharedEvent>)>,
    moving: &BTreeSet<WorkItemId>,
    dry_run: bool,
) -> Result<Received, AppError> {
    let mut received = Received::default();
    let mut appends = Vec::new();
    for (stream, (id, events)) in by_stream {
        // A dry run's item that a real run would renumber first: its number is free then.
        let local = if dry_run && moving.contains(id) {
            Vec::new()
        } else {
            store.read_all(stream)?
        };
        let held: HashMap<Ulid, &RecordedEvent> = local.iter().map(|e| (e.event_id, e)).collect();
        let mut new = Vec::new();
        for event in events {
            match held.get(&event.event_id) {
                Some(stored) if shared(stored) == *event => received.already_present += 1,
                Some(_) => {
                    return Err(AppError::SyncChanged {
                        event: event.event_id.to_string(),
                        item: event.aggregate_id.clone(),
                    })
                }
                None => new.push(event.clone()),
            }
        }
        if new.is_empty() {
            continue;
        }
        check_creations(*id, &local, &new)?;
        new.sort_by_key(|e| (lamport(e), e.event_id));
        let version = local.last().map_or(0, |e| e.version);
        let merged = merged_history(&local, &new, version);
        replay(stream, &merged).map_err(|err| rejected(&new[0], err))?;
        received.items.push(*id);
        appends.push(StreamAppend {
            stream: stream.clone(),
            events: new,
            expected: if version == 0 {
                ExpectedVersion::NoStream
            } else {
                ExpectedVersion::Exact(version)
            },
        });
    }
    if dry_run {
        received.appended = appends.iter().map(|a| a.events.len() as u64).sum();
        return Ok(received);
    }
    if appends.is_empty() {
        return Ok(received);
    }
    let lengths: Vec<u64> = appends.iter().map(|a| a.events.len() as u64).collect();
    let written = store.append_all(appends, None)?;
    for (appended, length) in written.appended.iter().zip(lengths) {
        received.appended += length;
        received
            .positions
            .extend(appended.position + 1 - length..=appended.position);
    }
    Ok(received)
}

/// An item has one creation: a second one for the same number, with another id, is two
/// clones that each created that number offline.
fn check_creations(id: WorkItemId, local: &[RecordedEvent], new: &[SharedEvent]) -> Result<(), AppError> {
    let created = |event_type: &str| event_type == "WorkItemCreated";
    let local_creation = local.iter().find(|e| created(&e.event_type)).map(|e| e.event_id);
    let mut creations = new.iter().filter(|e| created(&e.event_type)).map(|e| e.event_id);
    let first = local_creation.or_else(|| creations.next());
    match creations.find(|other| Some(*other) != first) {
        Some(other) => Err(AppError::SyncIdCollision {
            id,
            here: first.map(|f| f.to_string()).unwrap_or_default(),
            there: other.to_string(),
        }),
        None => Ok(()),
    }
}

/// The stream as it will be once `new` is appended after version `version`, for the
/// replay check.
fn merged_history(local: &[RecordedEvent], new: &[SharedEvent], version: u64) -> Vec<RecordedEvent> {
    let mut merged = local.to_vec();
    for (event, next) in new.iter().zip(version + 1..) {
        merged.push(event.clone().recorded(next, 0));
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::contract::event;
    use crate::store::memory::MemoryStore;

    /// What arrived by sync (it carries its Lamport time) is never sent back, even when a
    /// local write came in between and the next sync reads past it; a known id is left out.
    #[test]
    fn outgoing_sends_only_this_clones_own_events() {
        let store = MemoryStore::new();
        let stream = StreamId::new("work_item-WORK-001").unwrap();
        let own = event("Happened", 1);
        let mut received = event("Happened", 2);
        received.metadata.lamport = Some(1);
        let known = event("Happened", 3);
        let known_id = known.event_id;
        store
            .append(&stream, vec![own.clone(), received, known], ExpectedVersion::Any)
            .unwrap();
        let out = outgoing(&store, 0, 3, &|id| *id == known_id).unwrap();
        let ids: Vec<Ulid> = out.iter().map(|e| e.event_id).collect();
        assert_eq!(ids, [own.event_id]);
        assert_eq!(
            out[0].metadata.lamport,
            Some(1),
            "a sent event carries its Lamport time"
        );
    }
}
