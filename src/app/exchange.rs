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

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use serde::Serialize;
use ulid::Ulid;

use crate::domain::{Conflict, WorkItem, WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::{
    EventStore, ExpectedVersion, NewEvent, RecordedEvent, StoreError, StreamAppend, StreamId,
};

use super::event_log::PAGE;
use super::repository::{replay_merged, stream_for};
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
    /// The positions the appended events took here: one run per atomic write.
    #[serde(skip)]
    pub positions: Vec<std::ops::RangeInclusive<u64>>,
    /// Items that gained events.
    pub items: Vec<WorkItemId>,
    /// The conflicts each item that gained events records once they are in, from the
    /// check that replays it before the write (no read model is built for them).
    #[serde(skip)]
    pub conflicts: BTreeMap<WorkItemId, Vec<ItemConflict>>,
    /// Events of a batch a local writer raced, to be received again.
    #[serde(skip)]
    retry: Vec<Ulid>,
}

impl Received {
    /// Adds what a later batch did.
    fn and(&mut self, later: Received) {
        self.appended += later.appended;
        self.already_present += later.already_present;
        self.positions.extend(later.positions);
        self.items.extend(later.items);
        self.conflicts.extend(later.conflicts);
    }
}

/// Where the events a sync receives come from: each call reads them all again, in the
/// order their packs were written, and gives them one at a time, so that neither
/// [`Survey::of`] nor [`receive_all`] holds them all.
pub trait Incoming {
    type Error: From<AppError>;
    fn each(&self, event: &mut dyn FnMut(SharedEvent) -> Result<(), AppError>) -> Result<(), Self::Error>;
}

/// Events already in memory (a test, a dry run's caller).
impl Incoming for [SharedEvent] {
    type Error = AppError;
    fn each(&self, event: &mut dyn FnMut(SharedEvent) -> Result<(), AppError>) -> Result<(), AppError> {
        self.iter().cloned().try_for_each(event)
    }
}

const CREATED: &str = "WorkItemCreated";

/// How many events one atomic write of [`receive_all`] carries: a bound on memory, and on
/// what a kill can take back (a first sync killed part-way keeps every batch it wrote).
pub const BATCH: usize = 4096;

/// What one event leaves in a [`Survey`]: 20 bytes (the fingerprint covers its item).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Seen {
    id: [u8; 16],
    print: u32,
}

/// A first pass over everything a sync receives: each event passes `check` and leaves
/// only its id and a fingerprint of its content, so a first sync of a million events
/// holds 20 MB here instead of the events. From those, before anything is
/// written: the same id twice with other content, an id this clone holds in another item
/// or with other content, an item created twice, an item nothing creates.
#[derive(Debug, Default)]
pub struct Survey {
    seen: Vec<Seen>,
    creations: BTreeMap<WorkItemId, Ulid>,
    /// Items with incoming events but no incoming creation: they must be held here.
    uncreated: BTreeSet<WorkItemId>,
    highest: u64,
    /// This clone's log was empty when the survey read it (a new clone's first sync).
    empty_before: bool,
}

impl Survey {
    /// Reads `incoming` once and checks it against `store` (see the type's doc).
    pub fn of<I: Incoming + ?Sized>(store: &dyn EventStore, incoming: &I) -> Result<Self, I::Error> {
        let mut survey = Survey {
            empty_before: store.head_position().map_err(AppError::from)? == 0,
            ..Survey::default()
        };
        incoming.each(&mut |event| survey.take(&event))?;
        survey.seen.sort_unstable();
        let Some((id, held)) = survey.settle(store)? else {
            return Ok(survey);
        };
        // A copy that differs: read the incoming one again to say which item it is in.
        let mut theirs: Option<String> = None;
        incoming.each(&mut |event| {
            if event.event_id == id && theirs.is_none() {
                theirs = Some(event.aggregate_id);
            }
            Ok(())
        })?;
        let item = theirs.unwrap_or_default();
        Err(match held {
            Some(held) if held.aggregate_type != AGGREGATE_TYPE || held.aggregate_id != item => {
                AppError::SyncIdReused {
                    event: id.to_string(),
                    item,
                    held: held.aggregate_id,
                }
            }
            _ => AppError::SyncChanged {
                event: id.to_string(),
                item,
            },
        }
        .into())
    }

    fn take(&mut self, event: &SharedEvent) -> Result<(), AppError> {
        let (id, _) = check(event)?;
        self.highest = self.highest.max(id.number());
        if event.event_type == CREATED {
            match self.creations.entry(id) {
                std::collections::btree_map::Entry::Vacant(entry) => {
                    entry.insert(event.event_id);
                }
                std::collections::btree_map::Entry::Occupied(entry) if *entry.get() != event.event_id => {
                    return Err(AppError::SyncIdCollision {
                        id,
                        here: entry.get().to_string(),
                        there: event.event_id.to_string(),
                    });
                }
                std::collections::btree_map::Entry::Occupied(_) => {}
            }
            self.uncreated.remove(&id);
        } else if !self.creations.contains_key(&id) {
            self.uncreated.insert(id);
        }
        self.seen.push(Seen {
            id: event.event_id.to_bytes(),
            print: fingerprint(event),
        });
        Ok(())
    }

    /// The checks that need every incoming id, and the log as it is. An id that comes in
    /// twice with other content, or that this clone holds with other content (in this or
    /// another item), is returned with the copy held here, if any.
    fn settle(&self, store: &dyn EventStore) -> Result<Option<(Ulid, Option<RecordedEvent>)>, AppError> {
        for pair in self.seen.windows(2) {
            if pair[0].id == pair[1].id && pair[0].print != pair[1].print {
                return Ok(Some((Ulid::from_bytes(pair[0].id), None)));
            }
        }
        for id in &self.uncreated {
            if store.read(&stream_for(*id)?, 1, 1)?.is_empty() {
                return Err(AppError::SyncRejected {
                    event: id.to_string(),
                    reason: format!("no event here or on the remote creates {id}"),
                });
            }
        }
        if self.seen.is_empty() {
            return Ok(None);
        }
        let mut after = 0;
        loop {
            let page = store.read_global(after, PAGE)?;
            let Some(last) = page.last().map(|e| e.position) else {
                return Ok(None);
            };
            for held in page {
                let differs = self
                    .find(&held.event_id)
                    .is_some_and(|seen| fingerprint(&shared(&held)) != seen.print);
                if differs {
                    return Ok(Some((held.event_id, Some(held))));
                }
            }
            after = last;
        }
    }

    fn find(&self, id: &Ulid) -> Option<&Seen> {
        let bytes = id.to_bytes();
        let at = self.seen.partition_point(|seen| seen.id < bytes);
        self.seen.get(at).filter(|seen| seen.id == bytes)
    }

    /// Whether an event of this id is among those received.
    pub fn knows(&self, id: &Ulid) -> bool {
        self.find(id).is_some()
    }

    /// The creation of each item the incoming events create.
    pub fn creations(&self) -> &BTreeMap<WorkItemId, Ulid> {
        &self.creations
    }

    /// The highest item number the incoming events use.
    pub fn highest(&self) -> u64 {
        self.highest
    }

    /// How many events came in (duplicates included).
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

/// 32 bits of an event's content, the same for every copy of one event however its
/// payload's keys are ordered. Two copies that differ but share it are taken as one: the
/// copy held is kept, so a collision never writes the other.
fn fingerprint(event: &SharedEvent) -> u32 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (
        &event.event_id,
        &event.aggregate_type,
        &event.aggregate_id,
        &event.event_type,
        event.schema_version,
    )
        .hash(&mut hasher);
    event.timestamp.to_string().hash(&mut hasher);
    serde_json::to_string(&event.metadata)
        .unwrap_or_default()
        .hash(&mut hasher);
    hash_value(&event.payload, &mut hasher);
    let full = hasher.finish();
    (full ^ (full >> 32)) as u32
}

fn hash_value<H: Hasher>(value: &serde_json::Value, hasher: &mut H) {
    use serde_json::Value;
    match value {
        Value::Null => 0u8.hash(hasher),
        Value::Bool(b) => (1u8, b).hash(hasher),
        Value::Number(n) => (2u8, n.to_string()).hash(hasher),
        Value::String(s) => (3u8, s).hash(hasher),
        Value::Array(items) => {
            (4u8, items.len()).hash(hasher);
            for item in items {
                hash_value(item, hasher);
            }
        }
        Value::Object(map) => {
            // Each entry hashed alone and the results added: the same for any key order.
            let mut sum = 0u64;
            for (key, value) in map {
                let mut entry = std::collections::hash_map::DefaultHasher::new();
                key.hash(&mut entry);
                hash_value(value, &mut entry);
                sum = sum.wrapping_add(entry.finish());
            }
            (5u8, map.len(), sum).hash(hasher);
        }
    }
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
    each_outgoing(store, after, up_to, known, &mut |event| {
        out.push(event);
        Ok(std::ops::ControlFlow::Continue(()))
    })?;
    Ok(out)
}

/// [`outgoing`] a page of the log at a time, each event given to `each` (which may stop
/// the reading), so a first sync of a million events never holds them.
pub fn each_outgoing(
    store: &dyn EventStore,
    after: u64,
    up_to: u64,
    known: &dyn Fn(&Ulid) -> bool,
    each: &mut dyn FnMut(SharedEvent) -> Result<std::ops::ControlFlow<()>, AppError>,
) -> Result<(), AppError> {
    let mut from = after;
    while from < up_to {
        let page = store.read_global(from, PAGE)?;
        let Some(last) = page.last() else { break };
        from = last.position;
        for event in page.iter().filter(|e| e.position <= up_to) {
            if event.metadata.lamport.is_none() && !known(&event.event_id) && each(shared(event))?.is_break()
            {
                return Ok(());
            }
        }
        if page.len() < PAGE {
            break;
        }
    }
    Ok(())
}

fn rejected(event: &SharedEvent, reason: impl std::fmt::Display) -> AppError {
    AppError::SyncRejected {
        event: event.event_id.to_string(),
        reason: reason.to_string(),
    }
}

/// The item and stream of an event that passed [`check`] (in the survey: the second pass
/// reads the same content, git's blobs being named by it), without decoding it again.
fn item_of(event: &SharedEvent) -> Result<(WorkItemId, StreamId), AppError> {
    let id: WorkItemId = event
        .aggregate_id
        .parse()
        .map_err(|_| rejected(event, format!("'{}' is not an item id", event.aggregate_id)))?;
    Ok((id, stream_for(id)?))
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

/// Appends the events this clone does not hold yet, after its head (see [`receive_all`]).
pub fn receive(
    store: &dyn EventStore,
    incoming: Vec<SharedEvent>,
    moving: &BTreeSet<WorkItemId>,
    dry_run: bool,
) -> Result<Received, AppError> {
    let survey = Survey::of(store, incoming.as_slice())?;
    receive_all(store, incoming.as_slice(), &survey, moving, dry_run, BATCH)
}

/// Appends the events of `incoming` this clone does not hold yet, after its head, in
/// atomic writes of at most `batch` events (a dry run: one, written nowhere). `survey`
/// read the same events first, so every check that needs all of them passed before the
/// first write; each batch is then checked again as it goes in: an event this clone holds
/// must have the same content, a stream must still replay. An item's events wait for its
/// creation when a pack written later comes first. Two clones that created the same item
/// number as different items is a conflict: sync renumbers an unsent item of this clone's
/// first (`renumber`), so only items sent through different remotes get here.
pub fn receive_all<I: Incoming + ?Sized>(
    store: &dyn EventStore,
    incoming: &I,
    survey: &Survey,
    moving: &BTreeSet<WorkItemId>,
    dry_run: bool,
    batch: usize,
) -> Result<Received, I::Error> {
    let limit = if dry_run { usize::MAX } else { batch.max(1) };
    let mut received = Received::default();
    let mut started: HashSet<WorkItemId> = HashSet::new();
    // Items this clone had no stream of before (all, when its log was empty), until a
    // batch writes them: their streams need no reading.
    let mut written: HashSet<WorkItemId> = HashSet::new();
    // One thread reads and parses the next batch while another writes the last one (the
    // write waits on the disk, the parse on the processor); at most two batches are held.
    let mut pass = |only: Option<&HashSet<Ulid>>,
                    received: &mut Received,
                    last: bool|
     -> Result<HashSet<Ulid>, I::Error> {
        let written = &mut written;
        let started = &mut started;
        std::thread::scope(|scope| {
            let (send, batches) = std::sync::mpsc::sync_channel::<Vec<(WorkItemId, SharedEvent)>>(0);
            let writer = scope.spawn(move || -> Result<HashSet<Ulid>, AppError> {
                let mut retry: HashSet<Ulid> = HashSet::new();
                for events in batches {
                    let absent =
                        |id: &WorkItemId| only.is_none() && survey.empty_before && !written.contains(id);
                    let done = receive_batch(store, events, moving, dry_run, &absent, last)?;
                    written.extend(done.items.iter().copied());
                    retry.extend(done.retry.iter().copied());
                    received.and(done);
                }
                Ok(retry)
            });
            let stopped = || AppError::io("sync's writer stopped", std::io::Error::other("see its error"));
            let mut waiting: HashMap<WorkItemId, Vec<(WorkItemId, SharedEvent)>> = HashMap::new();
            let mut events: Vec<(WorkItemId, SharedEvent)> = Vec::new();
            let read = incoming.each(&mut |event| {
                if only.is_some_and(|only| !only.contains(&event.event_id)) {
                    return Ok(());
                }
                let (id, _) = item_of(&event)?;
                if event.event_type == CREATED {
                    started.insert(id);
                    events.push((id, event));
                    events.extend(waiting.remove(&id).unwrap_or_default());
                } else if survey.creations.contains_key(&id) && !started.contains(&id) {
                    waiting.entry(id).or_default().push((id, event));
                    return Ok(());
                } else {
                    events.push((id, event));
                }
                if events.len() >= limit {
                    send.send(std::mem::take(&mut events)).map_err(|_| stopped())?;
                }
                Ok(())
            });
            if read.is_ok() {
                // Nothing should wait still (the survey saw every creation), but nothing is
                // dropped.
                events.extend(waiting.into_values().flatten());
                if !events.is_empty() {
                    // A writer that stopped has its own error, reported below.
                    let _ = send.send(events);
                }
            }
            drop(send);
            let wrote = writer
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            // The writer's error first: a read stopped by it says less.
            let retry = wrote.map_err(I::Error::from)?;
            read?;
            Ok(retry)
        })
    };
    let mut retry = pass(None, &mut received, false)?;
    // Batches a local writer raced (it appended to one of their streams between the read
    // and the write): read from the packs again and written after what is there now; the
    // last attempt reports the conflict.
    for attempt in 1..=32 {
        if retry.is_empty() {
            break;
        }
        retry = pass(Some(&retry), &mut received, attempt == 32)?;
    }
    Ok(received)
}

/// One atomic write of [`receive_all`]: the batch grouped by stream (the same event twice
/// counted once). A local writer that appended to one of its streams between the read and
/// the write leaves it unwritten, its ids in `retry` (on the `last` attempt: an error).
fn receive_batch(
    store: &dyn EventStore,
    incoming: Vec<(WorkItemId, SharedEvent)>,
    moving: &BTreeSet<WorkItemId>,
    dry_run: bool,
    absent: &dyn Fn(&WorkItemId) -> bool,
    last: bool,
) -> Result<Received, AppError> {
    let mut by_stream: BTreeMap<StreamId, (WorkItemId, Vec<SharedEvent>)> = BTreeMap::new();
    // The survey found every copy of an id to say the same: a second is counted, not kept.
    let mut seen: HashSet<Ulid> = HashSet::new();
    let mut duplicates = 0u64;
    for (id, event) in incoming {
        if !seen.insert(event.event_id) {
            duplicates += 1;
            continue;
        }
        by_stream
            .entry(stream_for(id)?)
            .or_insert_with(|| (id, Vec::new()))
            .1
            .push(event);
    }
    match receive_once(store, by_stream, moving, dry_run, absent) {
        Err(AppError::Store(StoreError::Conflict { .. })) if !last => Ok(Received {
            retry: seen.into_iter().collect(),
            ..Received::default()
        }),
        Ok(mut received) => {
            received.already_present += duplicates;
            Ok(received)
        }
        Err(err) => Err(err),
    }
}

/// One attempt: read each stream, decide, append with each stream's version as read (a
/// local writer in between makes it a conflict). The events are moved into the write, not
/// copied: a first sync's batch is most of its memory.
fn receive_once(
    store: &dyn EventStore,
    by_stream: BTreeMap<StreamId, (WorkItemId, Vec<SharedEvent>)>,
    moving: &BTreeSet<WorkItemId>,
    dry_run: bool,
    absent: &dyn Fn(&WorkItemId) -> bool,
) -> Result<Received, AppError> {
    let mut received = Received::default();
    let mut appends = Vec::new();
    for (stream, (id, events)) in by_stream {
        // A dry run's item that a real run would renumber first: its number is free then.
        let local = if (dry_run && moving.contains(&id)) || absent(&id) {
            Vec::new()
        } else {
            store.read_all(&stream)?
        };
        let held: HashMap<Ulid, &RecordedEvent> = local.iter().map(|e| (e.event_id, e)).collect();
        let mut new: Vec<SharedEvent> = Vec::with_capacity(events.len());
        for event in events {
            match held.get(&event.event_id) {
                Some(stored) if shared(stored) == event => received.already_present += 1,
                Some(_) => {
                    return Err(AppError::SyncChanged {
                        event: event.event_id.to_string(),
                        item: event.aggregate_id.clone(),
                    })
                }
                None => new.push(event),
            }
        }
        if new.is_empty() {
            continue;
        }
        check_creations(id, &local, &new)?;
        new.sort_by_key(|e| (lamport(e), e.event_id));
        let version = local.last().map_or(0, |e| e.version);
        let item = replay_merged(&stream, &local, &new, version).map_err(|err| rejected(&new[0], err))?;
        received.items.push(id);
        if let Some(item) = item.filter(|item| !item.conflicts.is_empty()) {
            received
                .conflicts
                .insert(id, conflicts_in(std::iter::once(&item)));
        }
        appends.push(StreamAppend {
            stream,
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
    // One atomic write: its events took consecutive positions.
    received.appended = lengths.iter().sum();
    if let (Some(first), Some(last), Some(length)) =
        (written.appended.first(), written.appended.last(), lengths.first())
    {
        received
            .positions
            .push(first.position + 1 - length..=last.position);
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
