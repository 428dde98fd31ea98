//! Recurring work: when an item that recurs is done or cancelled, the next one is created,
//! due one step after it. A reaction like the policies' (always on, as the item asked for
//! it), so it happens exactly once: its idempotency key is the finished item and the due
//! date it was finished at, decided by the store in the same step as the creation. A
//! second process reacting at once, a crash and a retry, or the item reopened and finished
//! again (still due then) all find the key taken and write nothing new; and an item that
//! arrived by `jerry sync` is no trigger here, since the clone that finished it reacted and
//! its new item arrives by sync too.

use crate::app::repository::ItemRepository;
use crate::app::{AppError, Command, CommandDispatcher, WriteOptions};
use crate::domain::{ItemRef, NewWorkItem, WorkItem, WorkItemId};
use crate::store::RecordedEvent;

use super::{PolicyEngine, Reaction};

/// What the reactions of recurring work are called (in `Reaction::policy` and as the
/// writer of what they write, `policy:recur`).
pub const RECUR: &str = "recur";

impl PolicyEngine<'_> {
    /// The next instance of `finished`, if it recurs: created (with its labels) unless this
    /// instance already brought one.
    pub(super) fn recur(
        &self,
        trigger: &RecordedEvent,
        finished: WorkItemId,
    ) -> Result<Option<Reaction>, AppError> {
        let repository = ItemRepository::new(self.store);
        let Some(item) = repository.load(finished)? else {
            return Ok(None);
        };
        let Some(recur) = item.recur else {
            return Ok(None);
        };
        // Reopened since, or deleted: this trigger is stale, and the next finish decides.
        // Moved away: the series goes on in the other project, with the item there.
        if item.status.is_open() || item.status == crate::domain::Status::Deleted || item.moved_to.is_some() {
            return Ok(None);
        }
        let base = item.due.unwrap_or(trigger.timestamp);
        let key = format!(
            "{RECUR}:{}:{}",
            item.internal_id,
            item.due.map_or_else(|| "none".to_owned(), |due| due.to_string())
        );
        let mut reaction = Reaction {
            policy: RECUR,
            trigger: trigger.event_id,
            item: finished,
            events: Vec::new(),
            skipped: None,
        };
        let Some(due) = recur.next_after(base, trigger.timestamp) else {
            reaction.skipped = Some(format!(
                "{finished} recurs {recur}, but its next date is past the calendar's end"
            ));
            return Ok(Some(reaction));
        };
        let new = successor(&item, due, &repository)?;
        let dispatcher = CommandDispatcher::new(self.store, self.clock, self.ids, format!("policy:{RECUR}"));
        let options = |key: String| WriteOptions {
            expected_version: None,
            idempotency_key: Some(key),
            correlation_id: trigger.metadata.correlation_id.clone(),
            causation_id: Some(trigger.event_id.to_string()),
            request: None,
        };
        let created = match dispatcher.dispatch(Command::Create(new), options(key.clone())) {
            Ok(created) => created,
            Err(AppError::Domain(err)) => {
                reaction.skipped = Some(err.to_string());
                return Ok(Some(reaction));
            }
            Err(err) => return Err(err),
        };
        let next = created.item.id;
        if !created.replayed {
            reaction.events.extend(created.events);
        } else if repository
            .load(next)?
            .is_some_and(|now| now.status == crate::domain::Status::Deleted)
        {
            // This instance brought its next one before, and an undo of that finish deleted
            // it: finished again, it brings the same one back (once per trigger).
            let restore = Command::Restore {
                item: ItemRef::Display(next),
                reason: Some(format!("{finished} was finished again")),
            };
            match dispatcher.dispatch(restore, options(format!("{key}:restored:{}", trigger.event_id))) {
                Ok(restored) if !restored.replayed => reaction.events.extend(restored.events),
                Ok(_) | Err(AppError::Domain(_)) => {}
                Err(err) => return Err(err),
            }
        }
        if !item.labels.is_empty() {
            let labels = Command::Label {
                item: ItemRef::Display(next),
                add: item.labels.clone(),
                remove: Vec::new(),
            };
            match dispatcher.dispatch(labels, options(format!("{key}:labels"))) {
                Ok(labelled) if !labelled.replayed => reaction.events.extend(labelled.events),
                Ok(_) | Err(AppError::Domain(_)) => {}
                Err(err) => return Err(err),
            }
        }
        reaction.item = next;
        Ok(Some(reaction))
    }
}

/// The next instance of `item`: the same work, due at `due`, waiting as long before it as
/// `item` waited before its own due date, under the same parent while that is open.
fn successor(
    item: &WorkItem,
    due: crate::timestamp::Timestamp,
    repository: &ItemRepository<'_>,
) -> Result<NewWorkItem, AppError> {
    let wait = match (item.wait, item.due) {
        (Some(wait), Some(old_due)) if wait < old_due => {
            let lead = std::time::Duration::from_secs(old_due.seconds_since(&wait));
            crate::timestamp::Timestamp::from_unix_micros(
                due.unix_micros()
                    .saturating_sub(i64::try_from(lead.as_micros()).unwrap_or(i64::MAX)),
            )
        }
        _ => None,
    };
    let parent = match item.parent {
        Some(parent) => repository
            .load(parent)?
            .filter(|parent| parent.status.is_open())
            .map(|parent| parent.id),
        None => None,
    };
    Ok(NewWorkItem {
        title: item.title.clone(),
        work_type: item.work_type,
        priority: item.priority,
        description: item.description.clone(),
        parent,
        assignee: item.assignee.clone(),
        due: Some(due),
        wait,
        recur: item.recur,
        moved_from: None,
    })
}
