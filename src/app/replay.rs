//! Rebuilding the read model from the global log, and checking it against a replay of each
//! item's own stream: two independent paths through the data that must agree.

use std::collections::BTreeMap;
use std::ops::ControlFlow;

use crate::domain::{WorkItem, WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::EventStore;
use crate::timestamp::Timestamp;

use super::event_log::{stream_of, EventFilter, EventLog};
use super::{AppError, ItemRepository};

/// The items as the global log builds them.
pub type ItemsModel = BTreeMap<WorkItemId, WorkItem>;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplayCounts {
    pub events: u64,
    pub items: u64,
    /// Events of types this version of jerry does not know (kept, counted, not applied).
    pub unknown: u64,
}

/// Folds every event up to `until` (all when `None`), in global order, into items.
/// `progress` is called with the last position read.
pub fn rebuild(
    store: &dyn EventStore,
    until: Option<Timestamp>,
    mut progress: impl FnMut(u64),
) -> Result<(ItemsModel, ReplayCounts), AppError> {
    let mut items = ItemsModel::new();
    let mut counts = ReplayCounts::default();
    let filter = EventFilter {
        until,
        ..EventFilter::default()
    };
    EventLog::new(store).scan(&filter, |event| {
        counts.events += 1;
        if counts.events % 4096 == 0 {
            progress(event.position);
        }
        if event.aggregate_type != AGGREGATE_TYPE {
            return Ok(ControlFlow::Continue(()));
        }
        let corrupt = |source| AppError::CorruptEvent {
            stream: stream_of(&event),
            version: event.version,
            source,
        };
        let decoded = WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload)
            .map_err(corrupt)?;
        if decoded.is_none() {
            counts.unknown += 1;
        }
        match decoded {
            Some(WorkItemEvent::Created(created)) => {
                let id = created.display_id;
                let history = vec![(
                    Some(WorkItemEvent::Created(created)),
                    event.version,
                    event.timestamp,
                )];
                if let Some(item) = WorkItem::replay(history).map_err(corrupt)? {
                    items.insert(id, item);
                }
            }
            other => {
                let id: Option<WorkItemId> = event.aggregate_id.parse().ok();
                if let Some(item) = id.and_then(|id| items.get_mut(&id)) {
                    item.apply(other.as_ref(), event.version, event.timestamp);
                }
            }
        }
        Ok(ControlFlow::Continue(()))
    })?;
    counts.items = items.len() as u64;
    Ok((items, counts))
}

/// Differences between the model built from the global log and each stream's own replay
/// (as of `until`), one line each; empty when they agree.
pub fn verify(
    store: &dyn EventStore,
    model: &ItemsModel,
    until: Option<Timestamp>,
) -> Result<Vec<String>, AppError> {
    let repository = ItemRepository::new(store);
    let per_stream = match until {
        Some(at) => repository.load_all_at(at)?,
        None => repository.load_all()?,
    };
    let mut differences = Vec::new();
    for item in &per_stream {
        match model.get(&item.id) {
            None => differences.push(format!(
                "{} is in its stream but missing from the global log",
                item.id
            )),
            Some(rebuilt) if rebuilt != item => differences.push(format!(
                "{} differs: stream gives version {} ({}), global log gives version {} ({})",
                item.id, item.version, item.status, rebuilt.version, rebuilt.status
            )),
            Some(_) => {}
        }
    }
    for id in model.keys() {
        if !per_stream.iter().any(|item| item.id == *id) {
            differences.push(format!("{id} is in the global log but has no stream"));
        }
    }
    Ok(differences)
}
