//! Undo as compensation: the events that take an item from its state now back to an
//! earlier one. History is never rewritten; these are new events saying the changes were
//! taken back.

use super::{Status, StatusChanged, WorkItem, WorkItemEvent};

/// The events that bring `now` back to `before`, and then take back the derived facts the
/// command being undone recorded (`derived`, its own events in order): a completion it
/// recorded is withdrawn (`WorkItemCompletionWithdrawn`), and a withdrawal it recorded (it
/// was an undo) records the completion again as it was. So a command, its undo and its
/// redo leave the same completions as the command alone, and a command and its undo as if
/// it had never run — whatever moved the status (a reopen keeps its completion).
pub fn revert(
    now: &WorkItem,
    before: Option<&WorkItem>,
    reason: &str,
    derived: &[WorkItemEvent],
) -> Vec<WorkItemEvent> {
    let mut events = revert_status_and_fields(now, before, reason);
    let taken_back: Vec<WorkItemEvent> = derived.iter().rev().filter_map(take_back).collect();
    // Right after the status change, as a completion follows its move.
    let at = events
        .iter()
        .position(|e| matches!(e, WorkItemEvent::StatusChanged(_)))
        .map_or(events.len(), |i| i + 1);
    events.splice(at..at, taken_back);
    events
}

/// The event that takes back a derived fact; `None` for an event that is no such fact
/// (each type says which it is: `Fact::take_back`).
fn take_back(event: &WorkItemEvent) -> Option<WorkItemEvent> {
    event.take_back()
}

/// The events that bring `now` back to `before`: each event type takes back the part of the
/// item it changes (`Fact::revert`), in the order of the table of event types. With no
/// `before` (the item did not exist), the item is deleted: it leaves every list, and its
/// creation stays in the log.
///
/// Status changes here may leave the status graph (back from done to pending, say): an undo
/// restores what was, it does not move work forward.
fn revert_status_and_fields(now: &WorkItem, before: Option<&WorkItem>, reason: &str) -> Vec<WorkItemEvent> {
    match before {
        Some(before) => WorkItemEvent::revert_all(now, before, reason),
        None if now.status != Status::Deleted => vec![WorkItemEvent::StatusChanged(StatusChanged {
            old_status: now.status,
            new_status: Status::Deleted,
            reason: Some(reason.to_owned()),
        })],
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DependencyType, NewWorkItem, Priority, WorkItemId};
    use crate::timestamp::Timestamp;

    fn item() -> WorkItem {
        let created = NewWorkItem {
            title: "t".into(),
            ..NewWorkItem::default()
        }
        .created(WorkItemId::MIN, ulid::Ulid::new());
        let at = Timestamp::from_unix_micros(1).unwrap();
        WorkItem::replay([(Some(created), 1, at, "t")]).unwrap().unwrap()
    }

    /// Applying the revert of every kind of change gives back the earlier state.
    #[test]
    fn reverting_lands_on_the_earlier_state() {
        let before = item();
        let at = Timestamp::from_unix_micros(2).unwrap();
        let mut now = before.clone();
        let changes = [
            before.change_status(Status::InProgress, None, at).unwrap(),
            before.change_priority(Priority::Critical, None).unwrap(),
            before.assign(Some("ann".into())).unwrap(),
            before.edit(Some("new".into()), Some("d".into())).unwrap(),
            before
                .add_dependency(WorkItemId::new(2).unwrap(), DependencyType::Blocks)
                .unwrap(),
            before.relabel(&["ui".into()], &[]).unwrap(),
            before.comment("hi".into(), "ann").unwrap(),
            before.record_metrics(Some(90.0), Some(1), None, None).unwrap(),
        ];
        for (version, event) in changes.iter().flatten().enumerate() {
            now.apply(Some(event), version as u64 + 2, at, "ann");
        }
        let mut back = now.clone();
        for event in revert(&now, Some(&before), "undo", &[]) {
            back.apply(Some(&event), back.version + 1, at, "undoer");
        }
        back.version = before.version;
        back.updated_at = before.updated_at;
        assert_eq!(back, before);
        assert!(revert(&before, Some(&before), "undo", &[]).is_empty());
    }

    /// An undone release gives the holder their claim back, lease and all.
    #[test]
    fn reverting_a_release_restores_the_claim() {
        let at = Timestamp::from_unix_micros(2).unwrap();
        let mut before = item();
        let lease = Some(std::time::Duration::from_secs(60));
        for event in before.claim("ann", lease, at).unwrap() {
            before.apply(Some(&event), before.version + 1, at, "ann");
        }
        let mut now = before.clone();
        for event in now.release("ann", false, None, at).unwrap() {
            now.apply(Some(&event), now.version + 1, at, "ann");
        }
        assert_eq!((now.status, now.claim.clone()), (Status::Pending, None));
        let mut back = now.clone();
        for event in revert(&now, Some(&before), "undo", &[]) {
            back.apply(Some(&event), back.version + 1, at, "undoer");
        }
        back.version = before.version;
        assert_eq!(back, before);
    }

    #[test]
    fn an_undone_creation_deletes_the_item() {
        let now = item();
        let events = revert(&now, None, "undo", &[]);
        assert!(matches!(&events[..], [WorkItemEvent::StatusChanged(s)] if s.new_status == Status::Deleted));
    }
}
