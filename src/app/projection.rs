//! The items read model: every item's current state, with a checkpoint in the global
//! order. It is a cache: the store keeps it beside the log, a read brings it up to date by
//! applying only the events after its checkpoint, and deleting it loses nothing.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use ulid::Ulid;

use crate::domain::{WorkItem, WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::{EventStore, RecordedEvent};

use super::event_log::PAGE;
use super::repository::{id_of_stream, replay, stream_for};
use super::AppError;

/// The items as the global log builds them.
pub type ItemsModel = BTreeMap<WorkItemId, WorkItem>;

/// The cache's name in the store, and its format: a different format is rebuilt.
const CACHE: &str = "items";
const FORMAT: u32 = 8;

/// The cache's file and format, for doctor's reading of it an item at a time (see
/// `doctor::sound`); `None` for a store that keeps no cache files.
pub(crate) fn cache_file(store: &dyn EventStore) -> Option<(std::path::PathBuf, u32)> {
    Some((store.cache_file(&format!("{CACHE}.json"))?, FORMAT))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemsProjection {
    format: u32,
    /// The position of the last event applied.
    pub checkpoint: u64,
    /// That event's id: if the log no longer has it at `checkpoint` (restored from an older
    /// copy, say), the cache describes another history and is rebuilt.
    #[serde(default)]
    checkpoint_event: Option<Ulid>,
    /// Events of types (or schemas) this jerry does not know, seen so far.
    pub unknown: u64,
    pub items: ItemsModel,
    /// Streams the aggregate cannot replay, with why: left out of the items (so one bad
    /// stream never takes down a whole read) and reported by every list and by doctor.
    #[serde(default)]
    pub broken: BTreeMap<String, String>,
    /// Items archived (`jerry archive`) at `archive_generation`: left out of `items`, which
    /// holds only work that can still change. An item back from the archive is read whole.
    #[serde(default)]
    pub archived: BTreeSet<WorkItemId>,
    #[serde(default)]
    archive_generation: u64,
    /// Items an event merged from another clone landed on: it may belong before events
    /// already applied, so [`ItemsProjection::settle`] replays them whole.
    #[serde(skip)]
    merged: BTreeSet<WorkItemId>,
}

impl Default for ItemsProjection {
    fn default() -> Self {
        Self {
            format: FORMAT,
            checkpoint: 0,
            checkpoint_event: None,
            unknown: 0,
            items: ItemsModel::new(),
            broken: BTreeMap::new(),
            archived: BTreeSet::new(),
            archive_generation: 0,
            merged: BTreeSet::new(),
        }
    }
}

impl ItemsProjection {
    pub fn new() -> Self {
        Self::default()
    }

    /// A projection at `checkpoint` holding only some items (those a page of events will
    /// touch, as the indexed read model loads them) and the broken streams.
    pub(crate) fn resume(
        checkpoint: u64,
        checkpoint_event: Option<Ulid>,
        unknown: u64,
        items: ItemsModel,
        broken: BTreeMap<String, String>,
    ) -> Self {
        Self {
            checkpoint,
            checkpoint_event,
            unknown,
            items,
            broken,
            ..Self::default()
        }
    }

    /// The id of the event at the checkpoint.
    pub(crate) fn checkpoint_event(&self) -> Option<Ulid> {
        self.checkpoint_event
    }

    /// Applies one event, which must come right after the checkpoint in global order. An
    /// event the aggregate cannot apply marks its stream broken instead of failing.
    pub fn apply(&mut self, event: &RecordedEvent) -> Result<(), AppError> {
        let head = EventHead {
            position: event.position,
            event_id: event.event_id,
            aggregate_type: &event.aggregate_type,
            aggregate_id: &event.aggregate_id,
            event_type: &event.event_type,
            version: event.version,
            timestamp: event.timestamp,
            actor: &event.metadata.actor,
            lamport: event.metadata.lamport,
        };
        if !head.is_item() {
            self.apply_decoded(&head, Ok(None));
            return Ok(());
        }
        let decoded = WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload);
        self.apply_decoded(&head, decoded);
        Ok(())
    }

    /// [`ItemsProjection::apply`] of an event already decoded (`decoded` is what
    /// [`WorkItemEvent::decode`] gave; ignored for an event of another aggregate).
    pub(crate) fn apply_decoded(
        &mut self,
        event: &EventHead<'_>,
        decoded: Result<Option<WorkItemEvent>, crate::domain::DomainError>,
    ) {
        self.checkpoint = event.position;
        self.checkpoint_event = Some(event.event_id);
        if !event.is_item() {
            return;
        }
        if !self.broken.is_empty() && self.broken.contains_key(&event.stream()) {
            return;
        }
        let id: Option<WorkItemId> = event.aggregate_id.parse().ok();
        if event.lamport.is_some() {
            if let Some(id) = id {
                self.merged.insert(id);
            }
        }
        let break_stream = |this: &mut Self, reason: String| {
            if let Some(id) = id {
                this.items.remove(&id);
            }
            this.broken
                .insert(event.stream(), format!("version {}: {reason}", event.version));
        };
        let decoded = match decoded {
            Ok(decoded) => decoded,
            Err(err) => {
                break_stream(self, err.to_string());
                return;
            }
        };
        if let (Some(WorkItemEvent::Renumbered(renumbered)), Some(id)) = (&decoded, id) {
            // The item's stream was renamed under this projection: it leaves its old number
            // (if this projection still has it there) and is read again whole under the new.
            let old = renumbered.old_display_id;
            if self.items.get(&old).map(|item| item.internal_id) == Some(renumbered.internal_id) {
                self.items.remove(&old);
            }
            self.merged.insert(id);
            if !self.items.contains_key(&id) {
                return;
            }
        }
        match decoded {
            Some(WorkItemEvent::Created(created)) => {
                let created_id = created.display_id;
                if Some(created_id) != id || self.items.contains_key(&created_id) {
                    break_stream(self, format!("a second or misnamed creation ({created_id})"));
                    return;
                }
                let history = vec![(
                    Some(WorkItemEvent::Created(created)),
                    event.version,
                    event.timestamp,
                    event.actor,
                )];
                match WorkItem::replay(history) {
                    Ok(Some(item)) => {
                        self.items.insert(created_id, item);
                    }
                    Ok(None) => {}
                    Err(err) => break_stream(self, err.to_string()),
                }
            }
            other => {
                if other.is_none() {
                    self.unknown += 1;
                }
                match id.and_then(|id| self.items.get_mut(&id)) {
                    Some(item) => item.apply_owned(other, event.version, event.timestamp, event.actor),
                    // A renumbered item, read again whole once the page is applied.
                    None if id.is_some_and(|id| self.merged.contains(&id)) => {}
                    // Back from the archive since this projection last looked: read whole.
                    None if id.is_some_and(|id| self.archived.contains(&id)) => {
                        if let Some(id) = id {
                            self.archived.remove(&id);
                            self.merged.insert(id);
                        }
                    }
                    // An event of an item this projection does not hold: a stream renamed
                    // under it (sync's renumbering keeps each event's position, so a
                    // projection cached before the rename meets the item's later events
                    // under its new number before the event that says so), or a stream that
                    // truly lacks its creation. Read whole from the stream once the page is
                    // applied, which tells the two apart (a stream without its creation is
                    // marked broken there).
                    None if id.is_some() => {
                        if let Some(id) = id {
                            self.merged.insert(id);
                        }
                    }
                    None => break_stream(
                        self,
                        format!("{} before the item's WorkItemCreated", event.event_type),
                    ),
                }
            }
        }
    }

    /// Applies everything after the checkpoint. Returns how many events were applied.
    pub fn catch_up(&mut self, store: &dyn EventStore) -> Result<u64, AppError> {
        let mut applied = 0;
        loop {
            let page = store.read_global(self.checkpoint, PAGE)?;
            for event in &page {
                self.apply(event)?;
            }
            applied += page.len() as u64;
            if page.len() < PAGE {
                self.settle(store, None)?;
                return Ok(applied);
            }
        }
    }

    /// The items [`ItemsProjection::settle`] will read again whole from their streams.
    pub(crate) fn to_settle(&self) -> &BTreeSet<WorkItemId> {
        &self.merged
    }

    /// Replays each item that events merged from another clone landed on, in the item's
    /// own order, from its events up to the checkpoint (and up to `until`, for a replay
    /// that stops there): applied one by one in arrival order they may be out of place.
    pub fn settle(
        &mut self,
        store: &dyn EventStore,
        until: Option<crate::timestamp::Timestamp>,
    ) -> Result<(), AppError> {
        for id in std::mem::take(&mut self.merged) {
            let stream = stream_for(id)?;
            if self.broken.contains_key(stream.as_str()) {
                continue;
            }
            let events: Vec<RecordedEvent> = store
                .read_all(&stream)?
                .into_iter()
                .filter(|e| e.position <= self.checkpoint && until.is_none_or(|until| e.timestamp <= until))
                .collect();
            match replay(&stream, &events) {
                Ok(Some(item)) => {
                    self.items.insert(id, item);
                }
                Ok(None) => {}
                Err(err) => {
                    self.items.remove(&id);
                    self.broken.insert(stream.to_string(), err.to_string());
                }
            }
        }
        Ok(())
    }

    /// Brings the projection up to date: the events after the checkpoint, then what the
    /// archive changed (items that left it are read whole from their streams, items that
    /// entered it leave `items`). True when anything moved.
    pub(crate) fn refresh(&mut self, store: &dyn EventStore) -> Result<bool, AppError> {
        let generation = store.archive_generation()?;
        let archived_now = if generation == self.archive_generation {
            None
        } else {
            Some(archived_items(store)?)
        };
        if let Some(now) = &archived_now {
            let back: Vec<WorkItemId> = self.archived.difference(now).copied().collect();
            self.merged.extend(back);
        }
        let mut moved = false;
        if store.head_position()? != self.checkpoint {
            moved = self.catch_up(store)? > 0;
        }
        if !self.merged.is_empty() {
            self.settle(store, None)?;
            moved = true;
        }
        if let Some(now) = archived_now {
            for id in &now {
                self.items.remove(id);
            }
            self.archived = now;
            self.archive_generation = generation;
            moved = true;
        }
        Ok(moved)
    }

    /// Leaves out the items the store has archived now (for comparing a rebuild from the
    /// whole log with the cached model).
    pub fn leave_out_archived(&mut self, store: &dyn EventStore) -> Result<(), AppError> {
        let generation = store.archive_generation()?;
        let now = archived_items(store)?;
        for id in &now {
            self.items.remove(id);
        }
        self.archived = now;
        self.archive_generation = generation;
        Ok(())
    }

    /// The cached projection if it still describes this log's history, else an empty one
    /// (a cache is never a reason to fail).
    pub fn load(store: &dyn EventStore) -> Self {
        let cached = store.load_cache(CACHE).ok().flatten();
        cached
            .and_then(|bytes| serde_json::from_slice::<ItemsProjection>(&bytes).ok())
            .filter(|projection| projection.format == FORMAT && projection.matches_log(store))
            .unwrap_or_default()
    }

    /// True when the log still holds the checkpoint's event at the checkpoint's position.
    fn matches_log(&self, store: &dyn EventStore) -> bool {
        if self.checkpoint == 0 {
            return true;
        }
        match store.read_global(self.checkpoint - 1, 1) {
            Ok(events) => events.first().map(|e| e.event_id) == self.checkpoint_event,
            Err(_) => false,
        }
    }

    /// Stores the projection for the next reader. Best effort: a read still succeeds when
    /// the cache cannot be written.
    ///
    /// Serialized straight into the store's sink: at 100,000 items the cache is 37 MB,
    /// and building it in memory first cost a buffer of that size, its page faults and
    /// one more copy. The buffer here is a concrete type, so serde's many small writes
    /// stay inlined and only whole buffers cross into the sink. It is small because the
    /// store may first compare with the file it has: a cache that moved differs in its
    /// first bytes (the checkpoint), so the comparison gives up after one buffer and the
    /// save serializes only that much twice.
    pub fn save(&self, store: &dyn EventStore) {
        let _ = store.save_cache_with(CACHE, &mut |sink| {
            let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, sink);
            serde_json::to_writer(&mut buffered, self)?;
            std::io::Write::flush(&mut buffered)
        });
    }

    /// The up-to-date items without saving the cache back: what a write consults, so that
    /// a refused command leaves every file as it was.
    pub fn fresh(store: &dyn EventStore) -> Result<Self, AppError> {
        let mut projection = Self::load(store);
        projection.refresh(store)?;
        Ok(projection)
    }

    /// `warm` (a long-lived process's copy) brought up to date, or loaded when there is
    /// none or the log no longer has its history. Saves nothing: the copy lives in memory.
    pub fn warmed(warm: &mut Option<Self>, store: &dyn EventStore) -> Result<Self, AppError> {
        let mut projection = match warm.take() {
            Some(kept) if kept.matches_log(store) => kept,
            _ => Self::load(store),
        };
        projection.refresh(store)?;
        *warm = Some(projection.clone());
        Ok(projection)
    }

    /// The up-to-date items: the cache plus what happened since, saved back if it moved.
    pub fn current(store: &dyn EventStore) -> Result<Self, AppError> {
        let mut projection = Self::load(store);
        if projection.refresh(store)? {
            projection.save(store);
        }
        Ok(projection)
    }
}

/// The items whose streams the store has archived.
fn archived_items(store: &dyn EventStore) -> Result<BTreeSet<WorkItemId>, AppError> {
    Ok(store
        .archived_streams()?
        .iter()
        .filter_map(id_of_stream)
        .collect())
}

/// What the projection reads of an event besides its payload.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EventHead<'a> {
    pub position: u64,
    pub event_id: Ulid,
    pub aggregate_type: &'a str,
    pub aggregate_id: &'a str,
    pub event_type: &'a str,
    pub version: u64,
    pub timestamp: crate::timestamp::Timestamp,
    pub actor: &'a str,
    pub lamport: Option<u64>,
}

impl EventHead<'_> {
    fn is_item(&self) -> bool {
        self.aggregate_type == AGGREGATE_TYPE
    }

    /// The stream, by the `<aggregate_type>-<aggregate_id>` convention.
    fn stream(&self) -> String {
        format!("{}-{}", self.aggregate_type, self.aggregate_id)
    }
}
