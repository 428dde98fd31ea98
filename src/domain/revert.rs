//! Undo as compensation: the events that take an item from its state now back to an
//! earlier one. History is never rewritten; these are new events saying the changes were
//! taken back.

use super::events::*;
use super::{Status, WorkItem};

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

/// The event that takes back a derived fact; `None` for an event that is no such fact.
fn take_back(event: &WorkItemEvent) -> Option<WorkItemEvent> {
    match event {
        WorkItemEvent::Completed(completed) => Some(WorkItemEvent::CompletionWithdrawn(
            WorkItemCompletionWithdrawn::of(completed),
        )),
        WorkItemEvent::CompletionWithdrawn(withdrawn) => {
            Some(WorkItemEvent::Completed(withdrawn.completion()))
        }
        // Each of these is a change of state, which the state difference takes back.
        // A new event lands here by decision: is it a change, or a derived fact?
        WorkItemEvent::Created(_)
        | WorkItemEvent::StatusChanged(_)
        | WorkItemEvent::PriorityChanged(_)
        | WorkItemEvent::AssigneeChanged(_)
        | WorkItemEvent::DependencyAdded(_)
        | WorkItemEvent::DependencyRemoved(_)
        | WorkItemEvent::TitleChanged(_)
        | WorkItemEvent::DescriptionChanged(_)
        | WorkItemEvent::LabelAdded(_)
        | WorkItemEvent::LabelRemoved(_)
        | WorkItemEvent::CommentAdded(_)
        | WorkItemEvent::CommentRemoved(_)
        | WorkItemEvent::ParentChanged(_)
        | WorkItemEvent::QualityMetricsUpdated(_)
        | WorkItemEvent::DueDateChanged(_)
        | WorkItemEvent::Claimed(_)
        | WorkItemEvent::Released(_)
        | WorkItemEvent::Renumbered(_)
        | WorkItemEvent::ConflictResolved(_)
        | WorkItemEvent::ConflictReopened(_) => None,
    }
}

/// The events that bring `now` back to `before`. With no `before` (the item did not exist),
/// the item is cancelled: an item once created stays in the log.
///
/// Status changes here may leave the status graph (back from done to pending, say): an undo
/// restores what was, it does not move work forward.
fn revert_status_and_fields(now: &WorkItem, before: Option<&WorkItem>, reason: &str) -> Vec<WorkItemEvent> {
    // Every field of an item, named: a new field does not compile until it is taken back
    // here (or said to need nothing).
    let WorkItem {
        id: _,
        internal_id: _,
        title: _,
        work_type: _, // no event changes an item's type
        priority: _,
        status: _,
        description: _,
        parent: _,
        assignee: _,
        dependencies: _,
        labels: _,
        comments: _,
        quality: _,
        due: _,
        blocked_reason: _, // comes back with the blocked status
        claim: _,
        conflicts: _,
        resolved_conflicts: _,
        version: _,
        created_at: _,
        updated_at: _,
    } = now;
    let mut events = Vec::new();
    let Some(before) = before else {
        if now.status != Status::Cancelled {
            events.push(WorkItemEvent::StatusChanged(StatusChanged {
                old_status: now.status,
                new_status: Status::Cancelled,
                reason: Some(reason.to_owned()),
            }));
        }
        return events;
    };
    if now.status != before.status {
        // Back into blocked, the reason it was blocked for comes back with it.
        let reason = match (&before.blocked_reason, before.status) {
            (Some(blocked), Status::Blocked) => blocked.clone(),
            _ => reason.to_owned(),
        };
        events.push(WorkItemEvent::StatusChanged(StatusChanged {
            old_status: now.status,
            new_status: before.status,
            reason: Some(reason),
        }));
    }
    if now.priority != before.priority {
        events.push(WorkItemEvent::PriorityChanged(PriorityChanged {
            old_priority: now.priority,
            new_priority: before.priority,
            reason: Some(reason.to_owned()),
        }));
    }
    if now.assignee != before.assignee {
        events.push(WorkItemEvent::AssigneeChanged(AssigneeChanged {
            old_assignee: now.assignee.clone(),
            new_assignee: before.assignee.clone(),
        }));
    }
    if now.title != before.title {
        events.push(WorkItemEvent::TitleChanged(TitleChanged {
            old_title: now.title.clone(),
            new_title: before.title.clone(),
        }));
    }
    if now.description != before.description {
        events.push(WorkItemEvent::DescriptionChanged(DescriptionChanged {
            old_description: now.description.clone(),
            new_description: before.description.clone(),
        }));
    }
    if now.parent != before.parent {
        events.push(WorkItemEvent::ParentChanged(ParentChanged {
            old_parent: now.parent,
            new_parent: before.parent,
        }));
    }
    for dependency in &now.dependencies {
        if !before.dependencies.contains(dependency) {
            events.push(WorkItemEvent::DependencyRemoved(DependencyRemoved {
                dependency_id: dependency.id,
            }));
        }
    }
    for dependency in &before.dependencies {
        if !now.dependencies.contains(dependency) {
            events.push(WorkItemEvent::DependencyAdded(DependencyAdded {
                dependency_id: dependency.id,
                dependency_type: dependency.kind,
            }));
        }
    }
    for label in &now.labels {
        if !before.labels.contains(label) {
            events.push(WorkItemEvent::LabelRemoved(LabelRemoved { label: label.clone() }));
        }
    }
    for label in &before.labels {
        if !now.labels.contains(label) {
            events.push(WorkItemEvent::LabelAdded(LabelAdded { label: label.clone() }));
        }
    }
    // Comments only grow, except by an undo: remove the ones added since, newest first,
    // and re-add any an earlier undo removed.
    let kept = now
        .comments
        .iter()
        .zip(&before.comments)
        .take_while(|(a, b)| a == b)
        .count();
    for comment in now.comments[kept..].iter().rev() {
        events.push(WorkItemEvent::CommentRemoved(CommentRemoved {
            author: comment.author.clone(),
            text: comment.text.clone(),
        }));
    }
    for comment in &before.comments[kept..] {
        events.push(WorkItemEvent::CommentAdded(CommentAdded {
            author: comment.author.clone(),
            text: comment.text.clone(),
            at: Some(comment.at),
        }));
    }
    if now.due != before.due {
        events.push(WorkItemEvent::DueDateChanged(DueDateChanged {
            old_due: now.due,
            new_due: before.due,
        }));
    }
    if now.quality != before.quality {
        events.push(WorkItemEvent::QualityMetricsUpdated(QualityMetricsUpdated {
            metrics: before.quality,
        }));
    }
    // A conflict settled since is open again; one opened again since (a redo's undo) is
    // settled as it was.
    let holds = |list: &[super::Conflict], version: u64| list.iter().any(|c| c.version == version);
    for conflict in &before.conflicts {
        if holds(&now.resolved_conflicts, conflict.version) {
            events.push(WorkItemEvent::ConflictReopened(ConflictReopened {
                conflict_version: conflict.version,
            }));
        }
    }
    for conflict in &before.resolved_conflicts {
        match &conflict.resolved {
            Some(resolved) if holds(&now.conflicts, conflict.version) => {
                events.push(WorkItemEvent::ConflictResolved(ConflictResolved {
                    conflict_version: conflict.version,
                    resolution: resolved.resolution,
                }));
            }
            _ => {}
        }
    }
    // A claim that came on an item already in progress for its holder (so neither status nor
    // assignee moved) is ended by handing the item off and back.
    if before.claim.is_none() && now.claim.is_some() {
        let mut state = now.clone();
        for event in &events {
            state.apply(Some(event), state.version + 1, now.updated_at, "");
        }
        if state.claim.is_some() {
            events.push(WorkItemEvent::AssigneeChanged(AssigneeChanged {
                old_assignee: state.assignee.clone(),
                new_assignee: None,
            }));
            if before.assignee.is_some() {
                events.push(WorkItemEvent::AssigneeChanged(AssigneeChanged {
                    old_assignee: None,
                    new_assignee: before.assignee.clone(),
                }));
            }
        }
    }
    // Last, since a status or assignee change ends a claim: a claim the item had comes
    // back with the lease it had (an undone release, or renewal). A lapsed one is not
    // restored: it held nothing.
    if let Some(claim) = before.claim.as_ref().filter(|c| !c.expired) {
        if now.claim.as_ref() != Some(claim) && before.status == Status::InProgress {
            events.push(WorkItemEvent::Claimed(WorkItemClaimed {
                claimant: claim.holder.clone(),
                old_status: before.status,
                old_assignee: before.assignee.clone(),
                lease_seconds: claim.lease_seconds,
                lease_until: claim.until,
                taken_from: None,
            }));
        }
    }
    events
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
    fn an_undone_creation_cancels_the_item() {
        let now = item();
        let events = revert(&now, None, "undo", &[]);
        assert!(
            matches!(&events[..], [WorkItemEvent::StatusChanged(s)] if s.new_status == Status::Cancelled)
        );
    }
}
