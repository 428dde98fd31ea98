//! Loading work items from their streams.

use std::borrow::Cow;

use crate::domain::flow::ItemFlow;
use crate::domain::{ItemRef, Status, WorkItem, WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::{EventStore, Metadata, NewEvent, RecordedEvent, StoreError, StreamId};
use crate::timestamp::Timestamp;

use super::snapshot::{snapshot_every, Snapshot};

use super::AppError;

/// The envelope of one event of item `id`: what every writer of item events (commands,
/// undo, renumbering, the generator) stores.
pub(crate) fn envelope(
    id: WorkItemId,
    event: &WorkItemEvent,
    event_id: ulid::Ulid,
    timestamp: Timestamp,
    metadata: Metadata,
) -> NewEvent {
    NewEvent {
        event_id,
        aggregate_type: AGGREGATE_TYPE.to_owned(),
        aggregate_id: id.canonical().to_string(),
        event_type: event.event_type().to_owned(),
        schema_version: event.schema_version(),
        timestamp,
        payload: event.payload(),
        metadata,
    }
}

/// The stream of one item: `work_item-WORK-001`.
pub fn stream_for(id: WorkItemId) -> Result<StreamId, StoreError> {
    StreamId::new(format!("{AGGREGATE_TYPE}-{}", id.canonical()))
}

pub(crate) fn id_of_stream(stream: &StreamId) -> Option<WorkItemId> {
    let rest = stream.as_str().strip_prefix(AGGREGATE_TYPE)?.strip_prefix('-')?;
    let id: WorkItemId = rest.parse().ok()?;
    // Only the canonical spelling names an item's stream.
    (id.canonical().to_string() == rest).then_some(id)
}

pub struct ItemRepository<'a> {
    store: &'a dyn EventStore,
    snapshot_every: u64,
}

impl<'a> ItemRepository<'a> {
    pub fn new(store: &'a dyn EventStore) -> Self {
        Self {
            store,
            snapshot_every: snapshot_every(),
        }
    }

    /// The item's current state: from its snapshot plus the events after it when there is
    /// a valid one, else by replaying the whole stream. Takes a new snapshot when more than
    /// the interval's worth of events had to be replayed. `None` when the stream is empty.
    pub fn load(&self, id: WorkItemId) -> Result<Option<WorkItem>, AppError> {
        let stream = stream_for(id)?;
        if let Some(snapshot) = Snapshot::load(self.store, &stream) {
            let events = self.store.read(&stream, snapshot.version, u64::MAX)?;
            // Events merged from another clone may sort before ones the snapshot holds:
            // then only a whole replay puts them in their place.
            let merged_since = events.iter().skip(1).any(|e| e.metadata.lamport.is_some());
            if events.first().map(|e| e.event_id) == Some(snapshot.event_id) && !merged_since {
                let mut item = snapshot.item;
                for event in &events[1..] {
                    let decoded = decode(&stream, event)?;
                    item.apply_owned(decoded, event.version, event.timestamp, &event.metadata.actor);
                }
                self.maybe_snapshot(&stream, &item, &events[1..]);
                return Ok(Some(item));
            }
        }
        self.load_full(id)
    }

    /// Replays the whole stream, ignoring any snapshot (and refreshing it when due).
    pub fn load_full(&self, id: WorkItemId) -> Result<Option<WorkItem>, AppError> {
        let stream = stream_for(id)?;
        let events = self.store.read_all(&stream)?;
        let item = replay(&stream, &events)?;
        if let Some(item) = &item {
            self.maybe_snapshot(&stream, item, &events);
        }
        Ok(item)
    }

    fn maybe_snapshot(&self, stream: &StreamId, item: &WorkItem, replayed: &[RecordedEvent]) {
        if self.snapshot_every == 0 || (replayed.len() as u64) < self.snapshot_every {
            return;
        }
        if let Some(last) = replayed.last() {
            Snapshot::new(item.clone(), last.event_id).save(self.store, stream);
        }
    }

    pub fn load_ref(&self, item: ItemRef) -> Result<WorkItem, AppError> {
        let id = self.resolve(item)?;
        self.load(id)?.ok_or(AppError::ItemNotFound(item))
    }

    /// Turns what the user typed into a display id. A ULID is looked up by scanning the
    /// creation events, which costs one short read per item.
    pub fn resolve(&self, item: ItemRef) -> Result<WorkItemId, AppError> {
        let ulid = match item {
            ItemRef::Display(id) => return Ok(id),
            ItemRef::Internal(ulid) => ulid,
            ItemRef::Source(source) => source.ulid(),
        };
        for (id, stream) in self.item_streams()? {
            let first = self.store.read(&stream, 1, 1)?;
            let item = replay(&stream, &first)?;
            if item.is_some_and(|item| item.internal_id == ulid) {
                return Ok(id);
            }
        }
        Err(AppError::ItemNotFound(item))
    }

    /// Every item stream, in display-id order.
    pub fn item_streams(&self) -> Result<Vec<(WorkItemId, StreamId)>, AppError> {
        let mut streams: Vec<_> = self
            .store
            .list_streams()?
            .into_iter()
            .filter_map(|stream| id_of_stream(&stream).map(|id| (id, stream)))
            .collect();
        streams.sort_by_key(|(id, _)| *id);
        Ok(streams)
    }

    pub fn load_all(&self) -> Result<Vec<WorkItem>, AppError> {
        self.load_all_filtered(None)
    }

    /// Every item as it was at `at`: each stream replayed up to its last event at or before
    /// that moment. Items created later are absent.
    pub fn load_all_at(&self, at: Timestamp) -> Result<Vec<WorkItem>, AppError> {
        self.load_all_filtered(Some(at))
    }

    fn load_all_filtered(&self, at: Option<Timestamp>) -> Result<Vec<WorkItem>, AppError> {
        let mut items = Vec::new();
        for (_, stream) in self.item_streams()? {
            let events = self.store.read_all(&stream)?;
            let events = in_item_order(&events);
            if let Some(item) = replay(&stream, as_of(&events, at))? {
                items.push(item);
            }
        }
        Ok(items)
    }

    /// Every status each item passed through, and when: what the board's charts are drawn
    /// from (see [`crate::domain::flow`]).
    pub fn status_flows(&self) -> Result<Vec<ItemFlow>, AppError> {
        let mut flows = Vec::new();
        for (id, stream) in self.item_streams()? {
            let steps = self.status_steps(&stream, u64::MAX)?;
            if !steps.is_empty() {
                flows.push(ItemFlow { id, steps });
            }
        }
        Ok(flows)
    }

    /// The statuses `stream`'s item went through in its own order, each with the time of
    /// the event that entered it, from its events at positions up to `through`: what
    /// [`crate::domain::flow`] draws from.
    pub fn status_steps(
        &self,
        stream: &StreamId,
        through: u64,
    ) -> Result<Vec<(Timestamp, Status)>, AppError> {
        let mut events = self.store.read_all(stream)?;
        events.retain(|event| event.position <= through);
        let mut steps: Vec<(Timestamp, Status)> = Vec::new();
        replay_observed(stream, &events, |item, at| {
            if steps.last().map(|&(_, status)| status) != Some(item.status) {
                steps.push((at, item.status));
            }
        })?;
        Ok(steps)
    }

    /// One item as it was at `at`; not found if it did not exist yet.
    pub fn load_ref_at(&self, item: ItemRef, at: Timestamp) -> Result<WorkItem, AppError> {
        let id = self.resolve(item)?;
        let stream = stream_for(id)?;
        let events = self.store.read_all(&stream)?;
        let events = in_item_order(&events);
        replay(&stream, as_of(&events, Some(at)))?.ok_or(AppError::ItemNotFound(item))
    }

    /// The item's events in its own order (the same on every clone), each `version` its
    /// place in that order and the Lamport time left out (it is the version or a tie).
    pub fn history(&self, item: ItemRef) -> Result<Vec<RecordedEvent>, AppError> {
        let id = self.resolve(item)?;
        let events = self.store.read_all(&stream_for(id)?)?;
        if events.is_empty() {
            return Err(AppError::ItemNotFound(item));
        }
        replay(&stream_for(id)?, &events)?;
        let mut events = in_item_order(&events).into_owned();
        for event in &mut events {
            event.metadata.lamport = None;
        }
        Ok(events)
    }
}

fn decode(stream: &StreamId, event: &RecordedEvent) -> Result<Option<WorkItemEvent>, AppError> {
    WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload).map_err(|source| {
        AppError::CorruptEvent {
            stream: stream.to_string(),
            version: event.version,
            source,
        }
    })
}

/// The events up to the first one later than `at`: a prefix, so a stream is never replayed
/// with a hole in it even if writers' clocks disagreed.
fn as_of(events: &[RecordedEvent], at: Option<Timestamp>) -> &[RecordedEvent] {
    match at {
        Some(at) => {
            let end = events
                .iter()
                .position(|e| e.timestamp > at)
                .unwrap_or(events.len());
            &events[..end]
        }
        None => events,
    }
}

/// An item's events in the order every clone agrees on: by Lamport time (the version an
/// event was written at), ties broken by event id; each `version` becomes its place in
/// that order. A stream nothing was merged into is already in that order and is borrowed.
pub(crate) fn in_item_order(events: &[RecordedEvent]) -> Cow<'_, [RecordedEvent]> {
    if events.iter().all(|e| e.metadata.lamport.is_none()) {
        return Cow::Borrowed(events);
    }
    let mut sorted = events.to_vec();
    sorted.sort_by_key(|e| (e.metadata.lamport.unwrap_or(e.version), e.event_id));
    for (event, version) in sorted.iter_mut().zip(1..) {
        // The Lamport time made explicit, so sorting the result again changes nothing.
        event.metadata.lamport = Some(event.metadata.lamport.unwrap_or(event.version));
        event.version = version;
    }
    Cow::Owned(sorted)
}

/// Rebuilds an item from recorded events, in the item's own order; a stored event that
/// does not decode is corruption, reported with its stream and version.
pub(crate) fn replay(stream: &StreamId, events: &[RecordedEvent]) -> Result<Option<WorkItem>, AppError> {
    replay_observed(stream, events, |_, _| {})
}

/// [`replay`], showing `observe` the item after each event (see [`WorkItem::replay_observed`]).
pub(crate) fn replay_observed(
    stream: &StreamId,
    events: &[RecordedEvent],
    observe: impl FnMut(&WorkItem, Timestamp),
) -> Result<Option<WorkItem>, AppError> {
    let merged = events.iter().any(|e| e.metadata.lamport.is_some());
    fold(stream, events.iter().map(Step::of).collect(), merged, observe)
}

/// The item `local` (a stream as stored) would replay to once `new` (events from another
/// clone) is appended after its `version`: [`replay`] of the merged stream, reading both
/// where they lie instead of copying them into it.
pub(crate) fn replay_merged(
    stream: &StreamId,
    local: &[RecordedEvent],
    new: &[NewEvent],
    version: u64,
) -> Result<Option<WorkItem>, AppError> {
    let mut steps: Vec<Step<'_>> = local.iter().map(Step::of).collect();
    steps.extend(new.iter().zip(version + 1..).map(|(event, version)| Step {
        order: (event.metadata.lamport.unwrap_or(version), event.event_id),
        version,
        event_type: &event.event_type,
        schema_version: event.schema_version,
        payload: &event.payload,
        timestamp: event.timestamp,
        actor: &event.metadata.actor,
    }));
    let merged = !new.is_empty() || local.iter().any(|e| e.metadata.lamport.is_some());
    fold(stream, steps, merged, |_, _| {})
}

/// [`replay`] of a stream's lines as its file holds them (see `JsonlStore::sound`), up to
/// position `through`: payloads decoded from their text, no `RecordedEvent` built.
pub(crate) fn replay_lines(
    stream: &StreamId,
    lines: &[crate::store::EventLine<'_>],
    through: u64,
) -> Result<Option<WorkItem>, AppError> {
    let mut kept: Vec<&crate::store::EventLine<'_>> =
        lines.iter().filter(|line| line.position <= through).collect();
    let merged = kept.iter().any(|line| line.metadata.lamport.is_some());
    if merged {
        kept.sort_by_key(|line| (line.metadata.lamport.unwrap_or(line.version), line.event_id));
    }
    let mut decoded = Vec::with_capacity(kept.len());
    for (line, place) in kept.into_iter().zip(1u64..) {
        let version = if merged { place } else { line.version };
        let event = WorkItemEvent::decode_raw(&line.event_type, line.schema_version, line.payload.get())
            .map_err(|source| AppError::CorruptEvent {
                stream: stream.to_string(),
                version,
                source,
            })?;
        decoded.push((event, version, line.timestamp, line.metadata.actor.as_ref()));
    }
    WorkItem::replay_observed(decoded, |_, _| {}).map_err(|source| AppError::CorruptEvent {
        stream: stream.to_string(),
        version: 1,
        source,
    })
}

/// What a replay reads of one event, borrowed.
struct Step<'a> {
    /// Where the event goes in its item's order: (Lamport time, event id).
    order: (u64, ulid::Ulid),
    version: u64,
    event_type: &'a str,
    schema_version: u32,
    payload: &'a serde_json::Value,
    timestamp: Timestamp,
    actor: &'a str,
}

impl<'a> Step<'a> {
    fn of(event: &'a RecordedEvent) -> Self {
        Self {
            order: (event.metadata.lamport.unwrap_or(event.version), event.event_id),
            version: event.version,
            event_type: &event.event_type,
            schema_version: event.schema_version,
            payload: &event.payload,
            timestamp: event.timestamp,
            actor: &event.metadata.actor,
        }
    }
}

/// Decodes and folds `steps`; `merged`: put in item order first, as [`in_item_order`]
/// does, each version then its place in that order.
fn fold(
    stream: &StreamId,
    mut steps: Vec<Step<'_>>,
    merged: bool,
    observe: impl FnMut(&WorkItem, Timestamp),
) -> Result<Option<WorkItem>, AppError> {
    if merged {
        steps.sort_by_key(|step| step.order);
        for (step, version) in steps.iter_mut().zip(1..) {
            step.version = version;
        }
    }
    let mut decoded = Vec::with_capacity(steps.len());
    for step in &steps {
        let corrupt = |source| AppError::CorruptEvent {
            stream: stream.to_string(),
            version: step.version,
            source,
        };
        let domain_event =
            WorkItemEvent::decode(step.event_type, step.schema_version, step.payload).map_err(corrupt)?;
        decoded.push((domain_event, step.version, step.timestamp, step.actor));
    }
    WorkItem::replay_observed(decoded, observe).map_err(|source| AppError::CorruptEvent {
        stream: stream.to_string(),
        version: 1,
        source,
    })
}
