//! Carrying out an import: read the export, plan every item on the log as it is, then
//! append the events in atomic writes of a few thousand, each guarded by the log's head
//! as the one before left it, so that a write by anyone else in between makes the import
//! plan the rest again (the items already written are then unchanged) instead of
//! numbering an item twice or deciding on a state that moved. Every record is checked
//! before anything is written: a refused record writes nothing. A crash part-way leaves
//! whole items; running the import again finishes it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::plan::{plan, Context, ItemAction};
use super::{read, ImportedItem, Skipped, Tracker};
use crate::app::repository::{envelope, id_of_stream, stream_for};
use crate::app::{AppError, Clock, IdSource, ItemRepository};
use crate::domain::{WorkItemId, WorkType};
use crate::store::{EventStore, ExpectedVersion, Metadata, StoreError, StreamAppend};

/// How often an import plans again after another writer moved the log under it. Each
/// attempt after the first waits a little longer (see [`pause`]), so that a stream of
/// small writes (agents creating items while a backlog comes in) leaves the import a gap
/// to write in: about half a minute in all before it reports the contention.
const ATTEMPTS: u32 = 40;
/// About how many events one atomic write carries: bounded, so that memory is too.
const BATCH: usize = 4096;

/// What an import did (or, dry, would do).
#[derive(Debug, Clone, Serialize)]
pub struct ForeignReport {
    pub tracker: Tracker,
    pub dry_run: bool,
    pub records: u64,
    pub created: u64,
    pub changed: u64,
    pub unchanged: u64,
    pub events: u64,
    /// The correlation id of every event the import wrote: `jerry undo --correlation` it
    /// to take the import back. Absent when nothing was written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correlation: Option<String>,
    /// Records left out on purpose (a recurring task's template), and why.
    pub skipped: Vec<Skipped>,
    /// What was kept only in part: links to records in neither the file nor the project,
    /// a parent of a type that cannot hold the item, a status jerry cannot move back to.
    pub noted: Vec<Skipped>,
    /// Fields the export has that jerry has no place for, and in how many records.
    pub not_mapped: BTreeMap<String, u64>,
    /// Every record's item: the id map.
    pub items: Vec<ImportedItem>,
}

/// What the import needs of the session.
pub struct Importer<'a> {
    pub store: &'a dyn EventStore,
    pub clock: &'a dyn Clock,
    pub ids: &'a dyn IdSource,
    pub actor: &'a str,
    pub default_type: WorkType,
}

/// Imports `text`, an export of `tracker` (see the module doc).
pub fn import_foreign(
    importer: &Importer<'_>,
    tracker: Tracker,
    text: &str,
    dry_run: bool,
) -> Result<ForeignReport, AppError> {
    let read = read(tracker, text)?;
    let mut attempt = 0;
    // What earlier attempts wrote, reported as they did it (a new plan sees it unchanged).
    let mut done: std::collections::HashMap<WorkItemId, ImportedItem> = std::collections::HashMap::new();
    let correlation = importer.ids.next_ulid().to_string();
    loop {
        attempt += 1;
        let head = importer.store.head_position()?;
        let existing: BTreeMap<WorkItemId, _> = ItemRepository::new(importer.store)
            .load_all()?
            .into_iter()
            .map(|item| (item.id, item))
            .collect();
        let ctx = Context {
            tracker,
            existing: &existing,
            next_number: next_number(importer.store)?,
            actor: importer.actor,
            now: importer.clock.now(),
            default_type: importer.default_type,
        };
        let planned = plan(&ctx, &read.items)?;
        let mut report = ForeignReport {
            tracker,
            dry_run,
            records: (read.items.len() + read.skipped.len()) as u64,
            created: 0,
            changed: 0,
            unchanged: 0,
            events: 0,
            correlation: None,
            skipped: read.skipped.clone(),
            noted: read.noted.iter().cloned().chain(planned.noted).collect(),
            not_mapped: read.not_mapped.clone(),
            items: Vec::with_capacity(planned.items.len()),
        };
        let mut batches: Vec<Vec<(WorkItemId, u64, Vec<super::plan::Step>)>> = vec![Vec::new()];
        let mut in_batch = 0;
        for mut item in planned.items {
            if item.report.action == ItemAction::Unchanged {
                if let Some(earlier) = done.remove(&item.id) {
                    item.report = earlier;
                }
            }
            match item.report.action {
                ItemAction::Created => report.created += 1,
                ItemAction::Changed => report.changed += 1,
                ItemAction::Unchanged => report.unchanged += 1,
            }
            report.events += item.report.events as u64;
            if dry_run || item.steps.is_empty() {
                report.items.push(item.report);
                continue;
            }
            if in_batch >= BATCH {
                batches.push(Vec::new());
                in_batch = 0;
            }
            in_batch += item.steps.len();
            report.items.push(item.report);
            if let Some(batch) = batches.last_mut() {
                batch.push((item.id, item.base, item.steps));
            }
        }
        let mut head = head;
        let mut moved = false;
        for batch in batches.into_iter().filter(|batch| !batch.is_empty()) {
            let ids: std::collections::HashSet<WorkItemId> = batch.iter().map(|(id, _, _)| *id).collect();
            let first = batch
                .first()
                .and_then(|(id, _, _)| report.items.iter().position(|item| item.id == *id))
                .unwrap_or(0);
            let appends = batch
                .into_iter()
                .map(|(id, base, steps)| appended(importer, &correlation, id, base, &steps))
                .collect::<Result<Vec<_>, _>>()?;
            match importer.store.append_all_at(appends, None, Some(head)) {
                Ok(written) => {
                    head = written.appended.last().map_or(head, |a| a.position);
                    report.correlation = Some(correlation.clone());
                    for item in report.items[first..].iter().filter(|item| ids.contains(&item.id)) {
                        done.insert(item.id, item.clone());
                    }
                }
                Err(StoreError::HeadMoved { .. } | StoreError::Conflict { .. }) if attempt < ATTEMPTS => {
                    // This batch and the ones after it were not written: plan them again.
                    moved = true;
                    std::thread::sleep(pause(attempt));
                    break;
                }
                Err(err) => return Err(err.into()),
            }
        }
        if !moved {
            return Ok(report);
        }
    }
}

/// How long to wait before planning again after `attempt` failed: doubling from 2 ms to
/// at most 1 s, between half and all of that at random, so that two imports racing each
/// other do not retry in step.
fn pause(attempt: u32) -> std::time::Duration {
    use std::hash::BuildHasher;
    let ceiling = 2u64.saturating_pow(attempt.min(10)).min(1000);
    let random = std::collections::hash_map::RandomState::new().hash_one((attempt, std::process::id()));
    let millis = ceiling / 2 + random % (ceiling / 2 + 1);
    std::time::Duration::from_millis(millis)
}

/// One item's steps as the events its stream gets.
fn appended(
    importer: &Importer<'_>,
    correlation: &str,
    id: WorkItemId,
    base: u64,
    steps: &[super::plan::Step],
) -> Result<StreamAppend, AppError> {
    let events = steps
        .iter()
        .map(|step| {
            let metadata = Metadata {
                correlation_id: Some(correlation.to_owned()),
                ..Metadata::by(step.actor.clone())
            };
            envelope(id, &step.event, importer.ids.next_ulid(), step.at, metadata)
        })
        .collect();
    Ok(StreamAppend {
        stream: stream_for(id)?,
        events,
        expected: match base {
            0 => ExpectedVersion::NoStream,
            version => ExpectedVersion::Exact(version),
        },
    })
}

/// One past the highest item number in use, live or archived. A stream whose file holds
/// only what a crashed write left uncommitted is no item: its number is used again (the
/// write cuts that tail off first), so a crashed import leaves no gap and nothing for
/// `doctor` to find once it is run again.
fn next_number(store: &dyn EventStore) -> Result<u64, AppError> {
    let archived = store.archived_streams()?;
    let mut live = store.list_streams()?;
    live.sort_by_key(|stream| std::cmp::Reverse(id_of_stream(stream).map(WorkItemId::number)));
    let mut highest = archived
        .iter()
        .filter_map(id_of_stream)
        .map(WorkItemId::number)
        .max()
        .unwrap_or(0);
    for stream in &live {
        let Some(id) = id_of_stream(stream) else { continue };
        if id.number() <= highest {
            break;
        }
        if store.current_version(stream)? > 0 {
            highest = id.number();
            break;
        }
    }
    Ok(highest + 1)
}
