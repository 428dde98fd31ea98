//! Rebuilding the read model from the global log, and checking it against a replay of each
//! item's own stream: two independent paths through the data that must agree.

use std::ops::ControlFlow;

use crate::store::EventStore;
use crate::timestamp::Timestamp;

use super::event_log::{EventFilter, EventLog};
use super::projection::{ItemsModel, ItemsProjection};
use super::{AppError, ItemRepository};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplayCounts {
    pub events: u64,
    pub items: u64,
    /// Events of types this version of jerry does not know (kept, counted, not applied).
    pub unknown: u64,
}

/// Folds every event up to `until` (all when `None`), in global order, into a fresh
/// projection. `progress` is called with the last position read.
pub fn rebuild(
    store: &dyn EventStore,
    until: Option<Timestamp>,
    mut progress: impl FnMut(u64),
) -> Result<(ItemsProjection, ReplayCounts), AppError> {
    let mut projection = ItemsProjection::new();
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
        projection.apply(&event)?;
        Ok(ControlFlow::Continue(()))
    })?;
    projection.settle(store, until)?;
    counts.items = projection.items.len() as u64;
    counts.unknown = projection.unknown;
    Ok((projection, counts))
}

/// Differences between two read models, one line each (for checking the incremental
/// projection against a fresh rebuild).
pub fn compare(rebuilt: &ItemsModel, incremental: &ItemsModel) -> Vec<String> {
    let mut differences = Vec::new();
    for (id, item) in rebuilt {
        match incremental.get(id) {
            None => differences.push(format!("{id} is missing from the incremental read model")),
            Some(cached) if cached != item => differences.push(format!(
                "{id} differs: a fresh replay gives version {} ({}), the incremental read model version {} ({})",
                item.version, item.status, cached.version, cached.status
            )),
            Some(_) => {}
        }
    }
    for id in incremental.keys().filter(|id| !rebuilt.contains_key(id)) {
        differences.push(format!(
            "{id} is in the incremental read model but not in the log"
        ));
    }
    differences
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
