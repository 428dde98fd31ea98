//! Rebuilding the read model from the global log, and checking it against a replay of each
//! item's own stream: two independent paths through the data that must agree.

use std::collections::HashSet;
use std::ops::ControlFlow;

use crate::domain::{DomainError, WorkItemEvent, AGGREGATE_TYPE};
use crate::store::{EventStore, LinePage};
use crate::timestamp::Timestamp;

use super::log_pages::map_pages;
use super::projection::{EventHead, ItemsModel, ItemsProjection};
use super::{AppError, ItemRepository};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReplayCounts {
    pub events: u64,
    pub items: u64,
    /// Events of types this version of jerry does not know (kept, counted, not applied).
    pub unknown: u64,
}

/// Folds every event up to `until` (all when `None`), in global order, into a fresh
/// projection. `progress` is called with the last position read. Pages are decoded on
/// other cores while this one applies them (`app::log_pages`).
pub fn rebuild(
    store: &dyn EventStore,
    until: Option<Timestamp>,
    progress: impl FnMut(u64),
) -> Result<(ItemsProjection, ReplayCounts), AppError> {
    let mut projection = ItemsProjection::new();
    let mut counts = ReplayCounts::default();
    map_pages(
        store,
        0,
        |page| DecodedPage::decode(page, until),
        |decoded| {
            counts.events += decoded.events.len() as u64;
            let DecodedPage { text, events } = decoded;
            for event in events {
                projection.apply_decoded(&DecodedPage::head(&text, &event), event.decoded);
            }
            Ok(ControlFlow::Continue(()))
        },
        progress,
    )?;
    projection.settle(store, until)?;
    counts.items = projection.items.len() as u64;
    counts.unknown = projection.unknown;
    Ok((projection, counts))
}

/// A page of lines decoded for the projection, owning what it borrowed from the lines:
/// the strings of every event's head in one buffer (one allocation a page, not four an
/// event).
struct DecodedPage {
    text: String,
    events: Vec<DecodedEvent>,
}

struct DecodedEvent {
    position: u64,
    event_id: ulid::Ulid,
    version: u64,
    timestamp: Timestamp,
    lamport: Option<u64>,
    /// Where the aggregate type, aggregate id, event type and actor lie in the page's
    /// text, back to back: the first starts at `bounds[0]`, part `i` ends at `bounds[i + 1]`.
    bounds: [usize; 5],
    decoded: Result<Option<WorkItemEvent>, DomainError>,
}

impl DecodedPage {
    /// Decodes each line up to `until`, its payload once, straight from the line's text
    /// (events of other aggregates are not decoded).
    fn decode(page: &LinePage, until: Option<Timestamp>) -> Result<Self, AppError> {
        let mut decoded = DecodedPage {
            text: String::with_capacity(page.len() * 64),
            events: Vec::with_capacity(page.len()),
        };
        page.each(|line| {
            if until.is_some_and(|until| line.timestamp > until) {
                return Ok::<(), AppError>(());
            }
            let mut bounds = [decoded.text.len(); 5];
            let parts = [
                &line.aggregate_type,
                &line.aggregate_id,
                &line.event_type,
                &line.metadata.actor,
            ];
            for (end, part) in bounds[1..].iter_mut().zip(parts) {
                decoded.text.push_str(part);
                *end = decoded.text.len();
            }
            decoded.events.push(DecodedEvent {
                position: line.position,
                event_id: line.event_id,
                version: line.version,
                timestamp: line.timestamp,
                lamport: line.metadata.lamport,
                bounds,
                decoded: if line.aggregate_type == AGGREGATE_TYPE {
                    WorkItemEvent::decode_raw(&line.event_type, line.schema_version, line.payload.get())
                } else {
                    Ok(None)
                },
            });
            Ok(())
        })?;
        Ok(decoded)
    }

    /// The head of `event`, whose strings are in `text`, the page's buffer.
    fn head<'a>(text: &'a str, event: &DecodedEvent) -> EventHead<'a> {
        let part = |index: usize| {
            text.get(event.bounds[index]..event.bounds[index + 1])
                .unwrap_or_default()
        };
        EventHead {
            position: event.position,
            event_id: event.event_id,
            aggregate_type: part(0),
            aggregate_id: part(1),
            event_type: part(2),
            version: event.version,
            timestamp: event.timestamp,
            actor: part(3),
            lamport: event.lamport,
        }
    }
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
    let in_streams: HashSet<_> = per_stream.iter().map(|item| item.id).collect();
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
        if !in_streams.contains(id) {
            differences.push(format!("{id} is in the global log but has no stream"));
        }
    }
    Ok(differences)
}
