//! Synthetic projects for benchmarks: many items with long histories, written through the
//! store in atomic writes of a few hundred items each (one sync per write, not per item),
//! so building 100,000 items takes seconds.

use crate::domain::{AssigneeChanged, NewWorkItem, Priority, WorkItemEvent, WorkItemId, WorkType};
use crate::store::{EventStore, ExpectedVersion, Metadata, StreamAppend};

/// Items per atomic write: enough that a write's one sync is cheap per item.
const ITEMS_PER_WRITE: usize = 500;

use super::repository::envelope;

use super::repository::stream_for;
use super::{AppError, Clock, IdSource};

/// Appends `items` new items of `events_per_item` events each (a creation, then
/// reassignments), numbered after the existing ones. Returns the events written.
pub fn generate(
    store: &dyn EventStore,
    clock: &dyn Clock,
    ids: &dyn IdSource,
    items: u64,
    events_per_item: u64,
    mut progress: impl FnMut(u64),
) -> Result<u64, AppError> {
    let types = [WorkType::Task, WorkType::Bug, WorkType::Story, WorkType::Spike];
    let priorities = [
        Priority::Medium,
        Priority::High,
        Priority::Low,
        Priority::Critical,
    ];
    let first = crate::app::ItemRepository::new(store)
        .item_streams()?
        .last()
        .map_or(1, |(id, _)| id.number() + 1);
    let mut written = 0;
    let mut pending: Vec<StreamAppend> = Vec::with_capacity(ITEMS_PER_WRITE);
    for number in first..first + items {
        let Some(id) = WorkItemId::new(number) else {
            continue;
        };
        let new = NewWorkItem {
            title: format!("Generated item {number}"),
            work_type: types[(number % 4) as usize],
            priority: priorities[(number / 4 % 4) as usize],
            ..NewWorkItem::default()
        };
        let now = clock.now();
        let mut events = vec![new.created(id, ids.next_ulid())];
        let mut assignee: Option<String> = None;
        for k in 1..events_per_item.max(1) {
            let next = Some(format!("agent-{}", k % 7));
            events.push(WorkItemEvent::AssigneeChanged(AssigneeChanged {
                old_assignee: assignee.clone(),
                new_assignee: next.clone(),
            }));
            assignee = next;
        }
        let correlation = ids.next_ulid().to_string();
        let envelopes = events
            .iter()
            .map(|event| {
                let metadata = Metadata {
                    correlation_id: Some(correlation.clone()),
                    ..Metadata::by("generator")
                };
                envelope(id, event, ids.next_ulid(), now, metadata)
            })
            .collect::<Vec<_>>();
        written += envelopes.len() as u64;
        pending.push(StreamAppend {
            stream: stream_for(id)?,
            events: envelopes,
            expected: ExpectedVersion::NoStream,
        });
        if pending.len() == ITEMS_PER_WRITE {
            store.append_all(std::mem::take(&mut pending), None)?;
            progress(written);
        }
    }
    if !pending.is_empty() {
        store.append_all(pending, None)?;
    }
    progress(written);
    Ok(written)
}
