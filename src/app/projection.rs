//! The items read model: every item's current state, with a checkpoint in the global
//! order. It is a cache: the store keeps it beside the log, a read brings it up to date by
//! applying only the events after its checkpoint, and deleting it loses nothing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ulid::Ulid;

use crate::domain::{WorkItem, WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::{EventStore, RecordedEvent};

use super::event_log::{stream_of, PAGE};
use super::AppError;

/// The items as the global log builds them.
pub type ItemsModel = BTreeMap<WorkItemId, WorkItem>;

/// The cache's name in the store, and its format: a different format is rebuilt.
const CACHE: &str = "items";
const FORMAT: u32 = 4;

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
}

impl Default for ItemsProjection {
    fn default() -> Self {
        Self {
            format: FORMAT,
            checkpoint: 0,
            checkpoint_event: None,
            unknown: 0,
            items: ItemsModel::new(),
        }
    }
}

impl ItemsProjection {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies one event, which must come right after the checkpoint in global order.
    pub fn apply(&mut self, event: &RecordedEvent) -> Result<(), AppError> {
        self.checkpoint = event.position;
        self.checkpoint_event = Some(event.event_id);
        if event.aggregate_type != AGGREGATE_TYPE {
            return Ok(());
        }
        let corrupt = |source| AppError::CorruptEvent {
            stream: stream_of(event),
            version: event.version,
            source,
        };
        let decoded = WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload)
            .map_err(corrupt)?;
        match decoded {
            Some(WorkItemEvent::Created(created)) => {
                let id = created.display_id;
                let history = vec![(
                    Some(WorkItemEvent::Created(created)),
                    event.version,
                    event.timestamp,
                )];
                if let Some(item) = WorkItem::replay(history).map_err(corrupt)? {
                    self.items.insert(id, item);
                }
            }
            other => {
                if other.is_none() {
                    self.unknown += 1;
                }
                let id: Option<WorkItemId> = event.aggregate_id.parse().ok();
                if let Some(item) = id.and_then(|id| self.items.get_mut(&id)) {
                    item.apply(other.as_ref(), event.version, event.timestamp);
                }
            }
        }
        Ok(())
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
                return Ok(applied);
            }
        }
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
    pub fn save(&self, store: &dyn EventStore) {
        if let Ok(bytes) = serde_json::to_vec(self) {
            let _ = store.save_cache(CACHE, &bytes);
        }
    }

    /// The up-to-date items without saving the cache back: what a write consults, so that
    /// a refused command leaves every file as it was.
    pub fn fresh(store: &dyn EventStore) -> Result<Self, AppError> {
        let mut projection = Self::load(store);
        if store.head_position()? != projection.checkpoint {
            projection.catch_up(store)?;
        }
        Ok(projection)
    }

    /// The up-to-date items: the cache plus what happened since, saved back if it moved.
    pub fn current(store: &dyn EventStore) -> Result<Self, AppError> {
        let mut projection = Self::load(store);
        if store.head_position()? == projection.checkpoint {
            return Ok(projection);
        }
        if projection.catch_up(store)? > 0 {
            projection.save(store);
        }
        Ok(projection)
    }
}
