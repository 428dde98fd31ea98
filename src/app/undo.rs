//! `jerry undo`: takes back a command — with every policy reaction in its correlation — by
//! appending compensating events. History is never rewritten, so an undo is itself a
//! command that can be undone.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::revert::revert;
use crate::domain::{WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::{
    EventStore, ExpectedVersion, Metadata, NewEvent, RecordedEvent, StoreError, StreamAppend,
};

use super::repository::{envelope, replay, stream_for};
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

/// What `jerry undo` / `jerry redo` take back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoTarget<'a> {
    /// The actor's last command not yet taken back (run again, the one before it: a stack).
    Last,
    /// The actor's last undo not yet taken back, when nothing new was written since.
    Redo,
    /// The command with this correlation id.
    Named(&'a str),
}

/// Takes back a command: the one named, or else the last command `actor` wrote and has not
/// undone (so with several people and agents writing, nobody undoes someone else's work by
/// accident). An undo of an undo is a redo. All items are compensated in one atomic append.
pub fn undo(
    store: &dyn EventStore,
    clock: &dyn Clock,
    ids: &dyn IdSource,
    actor: &str,
    target: UndoTarget<'_>,
    undo_correlation: Option<&str>,
) -> Result<Undone, AppError> {
    // A named correlation may be anywhere in the log, so it is searched whole. The caller's
    // commands are found from the head backwards, and a command and its reactions lie after
    // its own first event: only that tail is read, however long the history.
    let (correlation, from) = match target {
        UndoTarget::Named(id) => (id.to_owned(), 0),
        UndoTarget::Last => last_command(store, actor, false)?,
        UndoTarget::Redo => last_command(store, actor, true)?,
    };
    let touched = events_of(store, &correlation, from)?;
    let Some(target_is_undo) = touched.values().next().map(|(_, undo)| *undo) else {
        return Err(AppError::NothingToUndo {
            reason: format!("nothing to undo: no item event has correlation id {correlation}"),
        });
    };
    // Every item must still be as the command left it: its versions from the command's
    // first event to now belong to the command, or to later commands that cancel out (a
    // command and its undo, an undo and its redo).
    let mut later = Vec::new();
    let mut plan = Vec::new();
    for (id, (versions, _)) in &touched {
        let stream = stream_for(*id)?;
        let (first, last) = (versions[0], versions[versions.len() - 1]);
        let history = store.read_all(&stream)?;
        let foreign: Vec<&RecordedEvent> = history
            .iter()
            .filter(|e| {
                e.version >= first && e.metadata.correlation_id.as_deref() != Some(correlation.as_str())
            })
            .collect();
        if let Some(event) = not_cancelled(&foreign).first() {
            later.push(format!(
                "{id} v{} ({} by {})",
                event.version, event.event_type, event.metadata.actor
            ));
            continue;
        }
        let now = replay(&stream, &history)?.ok_or(AppError::NothingToUndo {
            reason: format!("nothing to undo: {id} has no events"),
        })?;
        let before = replay(&stream, &history[..(first - 1) as usize])?;
        let current = history.last().map_or(last, |e| e.version);
        let derived = derived_of(&history, versions);
        plan.push((*id, stream, current, now, before, derived));
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
    let reason = if target_is_undo {
        format!("redo: undo of {correlation}")
    } else {
        format!("undo of {correlation}")
    };
    let mut appends = Vec::new();
    for (id, stream, current, now, before, derived) in plan {
        let compensation = revert(&now, before.as_ref(), &reason, &derived);
        if compensation.is_empty() {
            continue;
        }
        let events: Vec<NewEvent> = compensation
            .iter()
            .map(|event| {
                let metadata = Metadata {
                    correlation_id: Some(undo_correlation.clone()),
                    causation_id: Some(causation.clone()),
                    undoes: (!target_is_undo).then(|| correlation.clone()),
                    redoes: target_is_undo.then(|| correlation.clone()),
                    ..Metadata::by(actor)
                };
                envelope(id, event, ids.next_ulid(), now_time, metadata)
            })
            .collect();
        appends.push(StreamAppend {
            stream,
            events,
            expected: ExpectedVersion::Exact(current),
        });
    }
    let batches: Vec<Vec<NewEvent>> = appends.iter().map(|a| a.events.clone()).collect();
    let written = match store.append_all(appends, None) {
        Ok(written) => written,
        // Every item was checked first: only a writer racing this undo gets here, and the
        // append wrote nothing.
        Err(StoreError::Conflict { stream, actual, .. }) => {
            return Err(AppError::UndoRefused {
                correlation,
                later: format!("{stream} v{actual} (written while undoing)"),
            })
        }
        Err(err) => return Err(err.into()),
    };
    let mut events = Vec::new();
    for (batch, appended) in batches.into_iter().zip(written.appended) {
        let count = batch.len() as u64;
        events.extend(
            batch
                .into_iter()
                .zip(appended.version + 1 - count..)
                .zip(appended.position + 1 - count..)
                .map(|((event, version), position)| event.recorded(version, position)),
        );
    }
    Ok(Undone {
        correlation,
        undo_correlation,
        events,
    })
}

/// The derived facts (completions, their withdrawals) among the command's own events on
/// one item (`versions`), in order: what its undo takes back besides the state.
fn derived_of(history: &[RecordedEvent], versions: &[u64]) -> Vec<WorkItemEvent> {
    history
        .iter()
        .filter(|e| versions.contains(&e.version))
        .filter(|e| {
            matches!(
                e.event_type.as_str(),
                "WorkItemCompleted" | "WorkItemCompletionWithdrawn"
            )
        })
        .filter_map(|e| {
            WorkItemEvent::decode(&e.event_type, e.schema_version, &e.payload)
                .ok()
                .flatten()
        })
        .collect()
}

/// The later events that still stand: those of commands that were not taken back by a
/// later command in the same list (an undo cancels its command, a redo its undo).
fn not_cancelled<'e>(foreign: &[&'e RecordedEvent]) -> Vec<&'e RecordedEvent> {
    let correlations: std::collections::BTreeSet<&str> = foreign
        .iter()
        .filter_map(|e| e.metadata.correlation_id.as_deref())
        .collect();
    let mut cancelled = std::collections::BTreeSet::new();
    for event in foreign {
        if let (Some(own), Some(taken)) = (
            event.metadata.correlation_id.as_deref(),
            event.metadata.takes_back(),
        ) {
            if correlations.contains(taken) {
                cancelled.insert(own);
                cancelled.insert(taken);
            }
        }
    }
    foreign
        .iter()
        .copied()
        .filter(|e| {
            e.metadata
                .correlation_id
                .as_deref()
                .is_none_or(|c| !cancelled.contains(c))
        })
        .collect()
}

/// The caller's command to take back: walking its commands from the newest, a command an
/// undo (or redo) already took back is skipped, and an undo that stands takes its command
/// out of reach. For `undo`, the first ordinary command left; for `redo`, the first undo
/// left, unless an ordinary command came after it (a new command ends the redo chain, as in
/// an editor). Returns its correlation and the position just before its batch (one append,
/// so contiguous positions under one causation id); its policy reactions all come later.
fn last_command(store: &dyn EventStore, actor: &str, redo: bool) -> Result<(String, u64), AppError> {
    let mut seen = std::collections::BTreeSet::new();
    let mut taken_back: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut at = store.head_position()?;
    while at > 0 {
        let from = at.saturating_sub(PAGE as u64);
        let page = store.read_global(from, PAGE)?;
        for last in page
            .iter()
            .rev()
            .filter(|e| e.aggregate_type == AGGREGATE_TYPE && e.metadata.actor == actor)
        {
            let Some(correlation) = last.metadata.correlation_id.clone() else {
                continue;
            };
            if !seen.insert(correlation.clone()) || taken_back.contains(&correlation) {
                continue;
            }
            let take = match (&last.metadata.undoes, &last.metadata.redoes, redo) {
                (_, Some(undo), _) => {
                    taken_back.insert(undo.clone());
                    false
                }
                (Some(command), None, false) => {
                    taken_back.insert(command.clone());
                    false
                }
                (Some(_), None, true) | (None, None, false) => true,
                (None, None, true) => {
                    return Err(AppError::NothingToUndo {
                        reason: format!("nothing to redo: {actor} wrote a new command since the last undo"),
                    })
                }
            };
            if take {
                return Ok((correlation, batch_start(store, last)? - 1));
            }
        }
        at = from;
    }
    let reason = if redo {
        format!("nothing to redo: {actor} has undone nothing here")
    } else if seen.is_empty() {
        format!("nothing to undo: {actor} has written nothing here (name another's command by its correlation id)")
    } else {
        format!("nothing to undo: every command {actor} wrote here is already undone")
    };
    Err(AppError::NothingToUndo { reason })
}

/// The position of the first event of the append `last` belongs to.
fn batch_start(store: &dyn EventStore, last: &RecordedEvent) -> Result<u64, AppError> {
    // Batches are far shorter than a page; this reads back one event at a time.
    let mut start = last.position;
    while start > 1 {
        let Some(previous) = store.read_global(start - 2, 1)?.pop() else {
            break;
        };
        let same_batch = previous.position + 1 == start
            && previous.metadata.correlation_id == last.metadata.correlation_id
            && previous.metadata.causation_id == last.metadata.causation_id;
        if !same_batch {
            break;
        }
        start = previous.position;
    }
    Ok(start)
}

/// The versions each item got from events with this correlation id, and whether those
/// events were an undo.
fn events_of(
    store: &dyn EventStore,
    correlation: &str,
    after: u64,
) -> Result<BTreeMap<WorkItemId, (Vec<u64>, bool)>, AppError> {
    let mut touched: BTreeMap<WorkItemId, (Vec<u64>, bool)> = BTreeMap::new();
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
                    let entry = touched.entry(id).or_default();
                    entry.0.push(event.version);
                    entry.1 |= event.metadata.takes_back().is_some();
                }
            }
        }
        after = last;
    }
    Ok(touched)
}
