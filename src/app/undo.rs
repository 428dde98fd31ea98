//! `jerry undo`: takes back a command — with every policy reaction in its correlation — by
//! appending compensating events. History is never rewritten, so an undo is itself a
//! command that can be undone.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::revert::revert;
use crate::domain::{WorkItemId, AGGREGATE_TYPE};
use crate::store::{EventStore, ExpectedVersion, Metadata, NewEvent, RecordedEvent, StoreError};

use super::repository::{replay, stream_for};
use super::{AppError, Clock, IdSource, PAGE};

/// What an undo did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Undone {
    /// The correlation id of the command taken back.
    pub correlation: String,
    /// The correlation id of the undo itself (undo it to redo).
    pub undo_correlation: String,
    /// The compensating events, per item in display-id order.
    pub events: Vec<RecordedEvent>,
}

/// Takes back the command with this correlation id, or else the last command `actor` wrote
/// (so with several people and agents writing, nobody undoes someone else's work by
/// accident).
pub fn undo(
    store: &dyn EventStore,
    clock: &dyn Clock,
    ids: &dyn IdSource,
    actor: &str,
    correlation: Option<&str>,
    undo_correlation: Option<&str>,
) -> Result<Undone, AppError> {
    // A named correlation may be anywhere in the log, so it is searched whole. The caller's
    // last command is found from the head backwards, and it and its reactions lie after its
    // own first event: only that tail is read, however long the history.
    let (correlation, from) = match correlation {
        Some(id) => (id.to_owned(), 0),
        None => last_command(store, actor)?,
    };
    let touched = events_of(store, &correlation, from)?;
    if touched.is_empty() {
        return Err(AppError::NothingToUndo {
            reason: format!("no item event has correlation id {correlation}"),
        });
    }
    // Every item must still be as the command left it: its versions from the command's
    // first event to now all belong to the command.
    let mut later = Vec::new();
    let mut plan = Vec::new();
    for (id, versions) in &touched {
        let stream = stream_for(*id)?;
        let (first, last) = (versions[0], versions[versions.len() - 1]);
        let history = store.read_all(&stream)?;
        let foreign: Vec<&RecordedEvent> = history
            .iter()
            .filter(|e| {
                e.version >= first && e.metadata.correlation_id.as_deref() != Some(correlation.as_str())
            })
            .collect();
        if let Some(event) = foreign.first() {
            later.push(format!(
                "{id} v{} ({} by {})",
                event.version, event.event_type, event.metadata.actor
            ));
            continue;
        }
        let now = replay(&stream, &history)?.ok_or(AppError::NothingToUndo {
            reason: format!("{id} has no events"),
        })?;
        let before = replay(&stream, &history[..(first - 1) as usize])?;
        plan.push((*id, stream, last, now, before));
    }
    if !later.is_empty() {
        return Err(AppError::UndoRefused {
            correlation,
            later: later.join(", "),
        });
    }
    let undo_correlation = undo_correlation.map_or_else(|| ids.next_ulid().to_string(), str::to_owned);
    let now_time = clock.now();
    let causation = ids.next_ulid().to_string();
    let reason = format!("undo of {correlation}");
    let mut written = Vec::new();
    for (id, stream, last, now, before) in plan {
        let compensation = revert(&now, before.as_ref(), &reason);
        if compensation.is_empty() {
            continue;
        }
        let events: Vec<NewEvent> = compensation
            .iter()
            .map(|event| NewEvent {
                event_id: ids.next_ulid(),
                aggregate_type: AGGREGATE_TYPE.to_owned(),
                aggregate_id: id.to_string(),
                event_type: event.event_type().to_owned(),
                schema_version: event.schema_version(),
                timestamp: now_time,
                payload: event.payload(),
                metadata: Metadata {
                    actor: actor.to_owned(),
                    correlation_id: Some(undo_correlation.clone()),
                    causation_id: Some(causation.clone()),
                    idempotency_key: None,
                },
            })
            .collect();
        let count = events.len() as u64;
        let appended = match store.append(&stream, events.clone(), ExpectedVersion::Exact(last)) {
            Ok(appended) => appended,
            // Items are compensated one append each, and every item was checked before the
            // first: only a writer racing this undo gets here. Nothing is half-written, but
            // the undo may have taken back some items already, and then it must say which.
            Err(StoreError::Conflict { actual, .. }) if written.is_empty() => {
                return Err(AppError::UndoRefused {
                    correlation,
                    later: format!("{id} v{actual} (written while undoing)"),
                })
            }
            Err(StoreError::Conflict { actual, .. }) => {
                let mut done: Vec<&str> = written
                    .iter()
                    .map(|e: &RecordedEvent| e.aggregate_id.as_str())
                    .collect();
                done.dedup();
                return Err(AppError::UndoCutShort {
                    correlation,
                    undo_correlation,
                    changed: format!("{id} v{actual}"),
                    done: done.join(", "),
                });
            }
            Err(err) => return Err(err.into()),
        };
        written.extend(
            events
                .into_iter()
                .zip(appended.version + 1 - count..)
                .zip(appended.position + 1 - count..)
                .map(|((event, version), position)| event.recorded(version, position)),
        );
    }
    Ok(Undone {
        correlation,
        undo_correlation,
        events: written,
    })
}

/// The caller's last command: the correlation id of the last item event `actor` wrote, and
/// the position just before that command's batch (one append, so contiguous positions of one
/// stream under one causation id). Its policy reactions all come later.
fn last_command(store: &dyn EventStore, actor: &str) -> Result<(String, u64), AppError> {
    let mut at = store.head_position()?;
    while at > 0 {
        let from = at.saturating_sub(PAGE as u64);
        let page = store.read_global(from, PAGE)?;
        if let Some(index) = page
            .iter()
            .rposition(|e| e.aggregate_type == AGGREGATE_TYPE && e.metadata.actor == actor)
        {
            let last = &page[index];
            let correlation = last
                .metadata
                .correlation_id
                .clone()
                .ok_or(AppError::NothingToUndo {
                    reason: format!(
                        "the last event (position {}) has no correlation id",
                        last.position
                    ),
                })?;
            // Batches are far shorter than a page; an earlier page is read only if the batch
            // straddles the boundary.
            let mut start = last.position;
            loop {
                let Some(previous) = store.read_global(start.saturating_sub(2), 1)?.pop() else {
                    break;
                };
                let same_batch = previous.position + 1 == start
                    && previous.aggregate_id == last.aggregate_id
                    && previous.metadata.causation_id == last.metadata.causation_id;
                if !same_batch || start == 1 {
                    break;
                }
                start = previous.position;
            }
            return Ok((correlation, start - 1));
        }
        at = from;
    }
    Err(AppError::NothingToUndo {
        reason: format!("{actor} has written nothing here (--correlation names another's command)"),
    })
}

/// The versions each item got from events with this correlation id.
fn events_of(
    store: &dyn EventStore,
    correlation: &str,
    after: u64,
) -> Result<BTreeMap<WorkItemId, Vec<u64>>, AppError> {
    let mut touched: BTreeMap<WorkItemId, Vec<u64>> = BTreeMap::new();
    let mut after = after;
    loop {
        let page = store.read_global(after, PAGE)?;
        let Some(last) = page.last().map(|e| e.position) else {
            break;
        };
        for event in page {
            if event.aggregate_type == AGGREGATE_TYPE
                && event.metadata.correlation_id.as_deref() == Some(correlation)
            {
                if let Ok(id) = event.aggregate_id.parse::<WorkItemId>() {
                    touched.entry(id).or_default().push(event.version);
                }
            }
        }
        after = last;
    }
    Ok(touched)
}
