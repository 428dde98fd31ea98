//! From foreign records to events. A record whose source reference no item carries yet
//! becomes a new item with its history: created at the source's time by its author, its
//! labels and links, then its comments and status changes in the order they happened,
//! each at its own time. A record an earlier import brought in becomes only what changed:
//! the source is the truth for every field it has (title, description, type, priority,
//! assignee, due, wait, labels, status), new comments and links are added, and nothing
//! the source does not say is touched. Every event is decided by the same domain methods
//! the commands use, on the item as the events before it left it.

use std::collections::{BTreeMap, HashMap, VecDeque};

use serde::Serialize;

use super::{bad, Field, Foreign, Skipped, Tracker};
use crate::app::AppError;
use crate::domain::graph::ranks_above;
use crate::domain::{
    DependencyType, DomainError, NewWorkItem, Status, WorkItem, WorkItemEvent, WorkItemId, WorkType,
};
use crate::timestamp::Timestamp;

/// One event to append, with the time and actor the source gave it.
#[derive(Debug, Clone)]
pub(super) struct Step {
    pub event: WorkItemEvent,
    pub at: Timestamp,
    pub actor: String,
}

/// What the import does to one record's item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemAction {
    Created,
    Changed,
    Unchanged,
}

/// One record's item in the report (the id map of `--json`).
#[derive(Debug, Clone, Serialize)]
pub struct ImportedItem {
    pub id: WorkItemId,
    pub source: String,
    pub action: ItemAction,
    pub events: usize,
    /// What each event of a changed item does (`priority medium → high`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<String>,
}

/// One record's item and the events it gets.
pub(super) struct Planned {
    pub id: WorkItemId,
    /// The version the item was read at (0: a new item).
    pub base: u64,
    pub steps: Vec<Step>,
    pub report: ImportedItem,
}

/// What the planner needs from the project.
pub(super) struct Context<'a> {
    pub tracker: Tracker,
    /// Every item, deleted ones too.
    pub existing: &'a BTreeMap<WorkItemId, WorkItem>,
    /// The first number no item (live or archived) has.
    pub next_number: u64,
    pub actor: &'a str,
    pub now: Timestamp,
    pub default_type: WorkType,
}

pub(super) struct Plan {
    pub items: Vec<Planned>,
    /// What was kept only in part, and why (a link to a record not in the file…).
    pub noted: Vec<Skipped>,
}

pub(super) fn plan(ctx: &Context<'_>, records: &[Foreign]) -> Result<Plan, AppError> {
    let by_source: HashMap<&str, WorkItemId> = ctx
        .existing
        .values()
        .filter_map(|item| item.source.as_deref().map(|s| (s, item.id)))
        .collect();
    // Every record's id first: links and parents may point forward in the file.
    let mut ids: HashMap<&str, WorkItemId> = HashMap::new();
    let mut first_record: HashMap<&str, u64> = HashMap::new();
    let mut number = ctx.next_number;
    for record in records {
        if let Some(first) = first_record.insert(&record.source, record.record) {
            return Err(bad(
                ctx.tracker,
                record.record,
                format!(
                    "{} appears twice (also {})",
                    record.source,
                    ctx.tracker.place(first)
                ),
            ));
        }
        let id = match by_source.get(record.source.as_str()) {
            Some(id) => *id,
            None => {
                let id = WorkItemId::new(number)
                    .ok_or_else(|| bad(ctx.tracker, record.record, "no item numbers left"))?;
                number += 1;
                id
            }
        };
        ids.insert(&record.source, id);
    }
    let mut noted = Vec::new();
    let mut note = |record: &Foreign, why: String| {
        noted.push(Skipped {
            record: record.record,
            source: record.source.clone(),
            why,
        });
    };
    // Each item's type and parent once the import is done: what a parent is checked against.
    let mut shape: HashMap<WorkItemId, (WorkType, Option<WorkItemId>)> = ctx
        .existing
        .values()
        .map(|item| (item.id, (item.work_type, item.parent)))
        .collect();
    for record in records {
        let id = ids[record.source.as_str()];
        let entry = shape.entry(id).or_insert((ctx.default_type, None));
        if let Some(work_type) = record.work_type {
            entry.0 = work_type;
        }
    }
    let mut parents: HashMap<WorkItemId, WorkItemId> = HashMap::new();
    for record in records {
        let Some(parent) = &record.parent else { continue };
        let id = ids[record.source.as_str()];
        let Some(parent_id) = ids
            .get(parent.as_str())
            .or(by_source.get(parent.as_str()))
            .copied()
        else {
            note(
                record,
                format!("its parent {parent} is not in the file nor in the project: left without one"),
            );
            continue;
        };
        let (child_type, _) = shape[&id];
        let (parent_type, _) = shape[&parent_id];
        if !ranks_above(parent_type, child_type) {
            note(
                record,
                format!("its parent {parent} is a {parent_type}, which cannot hold a {child_type}: linked as related instead"),
            );
            continue;
        }
        if makes_loop(&shape, id, parent_id) {
            note(
                record,
                format!("its parent {parent} is also its descendant: left without one"),
            );
            continue;
        }
        if let Some(entry) = shape.get_mut(&id) {
            entry.1 = Some(parent_id);
        }
        parents.insert(id, parent_id);
    }
    let mut items = Vec::with_capacity(records.len());
    for record in records {
        let id = ids[record.source.as_str()];
        let mut links = Vec::new();
        for (target, kind) in &record.links {
            match ids.get(target.as_str()).or(by_source.get(target.as_str())) {
                Some(target) => links.push((*target, *kind)),
                None => note(
                    record,
                    format!("its link to {target} ({kind}): not in the file nor in the project"),
                ),
            }
        }
        if let Some(parent) = record.parent.as_ref().filter(|_| !parents.contains_key(&id)) {
            if let Some(target) = ids.get(parent.as_str()).or(by_source.get(parent.as_str())) {
                links.push((*target, DependencyType::Related));
            }
        }
        let mut item_notes = Vec::new();
        let planned = match ctx
            .existing
            .get(&id)
            .filter(|item| item.source.as_deref() == Some(&record.source))
        {
            None => created(
                ctx,
                record,
                id,
                parents.get(&id).copied(),
                &links,
                &mut item_notes,
            )?,
            Some(item) => changed(
                ctx,
                record,
                item,
                parents.get(&id).copied(),
                &links,
                &shape,
                &mut item_notes,
            )?,
        };
        for why in item_notes {
            note(record, why);
        }
        items.push(planned);
    }
    Ok(Plan { items, noted })
}

/// Whether hanging `child` under `parent` closes a loop of parents.
fn makes_loop(
    shape: &HashMap<WorkItemId, (WorkType, Option<WorkItemId>)>,
    child: WorkItemId,
    parent: WorkItemId,
) -> bool {
    let mut at = Some(parent);
    for _ in 0..=shape.len() {
        match at {
            Some(id) if id == child => return true,
            Some(id) => at = shape.get(&id).and_then(|(_, up)| *up),
            None => return false,
        }
    }
    true
}

/// The item as its events leave it, and the events.
struct Builder<'a> {
    tracker: Tracker,
    record: u64,
    item: WorkItem,
    steps: Vec<Step>,
    notes: &'a mut Vec<String>,
}

impl Builder<'_> {
    /// Appends what `decision` decided. A change that would change nothing is no step; a
    /// value the domain refuses (too long, not a name) refuses the import; anything else
    /// the domain refuses (a link it will not make) is noted and left out.
    fn take(
        &mut self,
        decision: Result<Vec<WorkItemEvent>, DomainError>,
        at: Timestamp,
        actor: &str,
    ) -> Result<(), AppError> {
        match decision {
            Ok(events) => {
                let at = at.max(self.last());
                for event in events {
                    self.item.apply(Some(&event), self.item.version + 1, at, actor);
                    self.steps.push(Step {
                        event,
                        at,
                        actor: actor.to_owned(),
                    });
                }
                Ok(())
            }
            Err(DomainError::Unchanged { .. }) => Ok(()),
            Err(
                err @ (DomainError::InvalidValue { .. }
                | DomainError::TooLong { .. }
                | DomainError::EmptyTitle),
            ) => Err(bad(self.tracker, self.record, err)),
            Err(err) => {
                self.notes.push(err.to_string());
                Ok(())
            }
        }
    }

    /// The time of the last event: no event is dated before the one it follows.
    fn last(&self) -> Timestamp {
        self.steps.last().map_or(self.item.updated_at, |step| step.at)
    }

    /// Moves the item to `to` along the status graph, the shortest way, each move at
    /// `at(status)`; says so when the graph has no way (a cancelled item stays cancelled).
    fn move_to(
        &mut self,
        to: Status,
        reason: Option<&String>,
        at: &dyn Fn(Status) -> Timestamp,
        actor: &str,
    ) -> Result<(), AppError> {
        if self.item.status == to {
            return Ok(());
        }
        if to == Status::Deleted {
            let decision = self.item.delete(reason.cloned());
            return self.take(decision, at(to), actor);
        }
        if self.item.status == Status::Deleted {
            let decision = self.item.restore(None);
            self.take(decision, at(self.item.status), actor)?;
        }
        let Some(path) = path(self.item.status, to) else {
            self.notes.push(format!(
                "{} is {} here, and jerry cannot move it to {to}: left {}",
                self.item.id, self.item.status, self.item.status
            ));
            return Ok(());
        };
        for status in path {
            let why = match status {
                Status::Blocked => Some(
                    reason
                        .cloned()
                        .unwrap_or_else(|| format!("blocked in {}", self.tracker.name())),
                ),
                s if s == to => reason.cloned(),
                _ => None,
            };
            let when = at(status);
            let decision = self.item.change_status(status, why, when.max(self.last()));
            self.take(decision, when, actor)?;
        }
        Ok(())
    }
}

/// The statuses from `from` to `to` along the graph, `to` last; `None` when there is no way.
pub(super) fn path(from: Status, to: Status) -> Option<Vec<Status>> {
    let mut came_from: HashMap<Status, Status> = HashMap::new();
    let mut queue = VecDeque::from([from]);
    while let Some(at) = queue.pop_front() {
        if at == to {
            let mut path = vec![to];
            let mut here = to;
            while let Some(before) = came_from.get(&here).copied().filter(|b| *b != from) {
                path.push(before);
                here = before;
            }
            path.reverse();
            return Some(path);
        }
        for next in at.next_statuses() {
            if *next != from && !came_from.contains_key(next) {
                came_from.insert(*next, at);
                queue.push_back(*next);
            }
        }
    }
    None
}

/// A new item and its history.
fn created(
    ctx: &Context<'_>,
    record: &Foreign,
    id: WorkItemId,
    parent: Option<WorkItemId>,
    links: &[(WorkItemId, DependencyType)],
    notes: &mut Vec<String>,
) -> Result<Planned, AppError> {
    let author = record.author.clone().unwrap_or_else(|| ctx.actor.to_owned());
    let new = NewWorkItem {
        title: record.title.clone(),
        work_type: record.work_type.unwrap_or(ctx.default_type),
        priority: record.priority.unwrap_or_default(),
        description: record.description.clone().filter(|d| !d.trim().is_empty()),
        parent,
        assignee: record.assignee.value(),
        due: record.due.value(),
        wait: record.wait.value(),
        recur: record.recur.filter(|_| record.due.value().is_some()),
        ..NewWorkItem::default()
    };
    new.validate()
        .map_err(|err| bad(ctx.tracker, record.record, err))?;
    let internal_id = crate::domain::source_ulid(&record.source).ok_or_else(|| {
        bad(
            ctx.tracker,
            record.record,
            format!("'{}' is no source reference", record.source),
        )
    })?;
    let mut creation = new.created(id, internal_id);
    if let WorkItemEvent::Created(created) = &mut creation {
        created.source = Some(record.source.clone());
    }
    creation
        .check_limits()
        .map_err(|err| bad(ctx.tracker, record.record, err))?;
    let item = WorkItem::replay([(Some(creation.clone()), 1, record.created, author.as_str())])
        .ok()
        .flatten()
        .ok_or_else(|| bad(ctx.tracker, record.record, "the item does not replay"))?;
    let mut builder = Builder {
        tracker: ctx.tracker,
        record: record.record,
        item,
        steps: vec![Step {
            event: creation,
            at: record.created,
            actor: author.clone(),
        }],
        notes,
    };
    let decision = builder.item.relabel(&record.labels, &[]);
    builder.take(decision, record.created, &author)?;
    for (target, kind) in links {
        let decision = builder.item.add_dependency(*target, *kind);
        builder.take(decision, record.created, &author)?;
    }
    // The comments and the status changes, in the order they happened; a deletion last.
    let started = record.started.unwrap_or(record.created);
    let finished = record.closed.or(record.updated).unwrap_or(record.created);
    let at = |status: Status| match status {
        Status::InProgress => started,
        Status::Blocked => record.updated.unwrap_or(started),
        _ => finished,
    };
    let closer = record.closed_by.clone().unwrap_or_else(|| author.clone());
    let mut sorted: Vec<&crate::domain::Comment> = record.comments.iter().collect();
    sorted.sort_by_key(|c| c.at);
    let mut comments = sorted.into_iter().peekable();
    let mut status_path = if record.status == Status::Deleted {
        Vec::new()
    } else {
        path(Status::Pending, record.status).unwrap_or_default()
    };
    status_path.retain(|s| *s != Status::Pending);
    for status in status_path {
        while let Some(comment) = comments.next_if(|c| c.at < at(status)) {
            comment_on(&mut builder, comment, &author)?;
        }
        let who = if status.is_finished() { &closer } else { &author };
        builder.move_to(status, record.reason.as_ref(), &at, who)?;
    }
    for comment in comments {
        comment_on(&mut builder, comment, &author)?;
    }
    if record.status == Status::Deleted {
        builder.move_to(Status::Deleted, record.reason.as_ref(), &at, &closer)?;
    }
    let steps = builder.steps;
    Ok(Planned {
        id,
        base: 0,
        report: ImportedItem {
            id,
            source: record.source.clone(),
            action: ItemAction::Created,
            events: steps.len(),
            changes: Vec::new(),
        },
        steps,
    })
}

fn comment_on(
    builder: &mut Builder<'_>,
    comment: &crate::domain::Comment,
    author: &str,
) -> Result<(), AppError> {
    let who = if comment.author.is_empty() {
        author
    } else {
        &comment.author
    };
    // Dated by the source in the event itself, so that a later import knows it again
    // whatever time its event got.
    let decision = builder.item.comment(comment.text.clone(), who).map(|mut events| {
        for event in &mut events {
            if let WorkItemEvent::CommentAdded(added) = event {
                added.at = Some(comment.at);
            }
        }
        events
    });
    builder.take(decision, comment.at, who)
}

/// The events that bring an item an earlier import made up to the record.
fn changed(
    ctx: &Context<'_>,
    record: &Foreign,
    item: &WorkItem,
    parent: Option<WorkItemId>,
    links: &[(WorkItemId, DependencyType)],
    shape: &HashMap<WorkItemId, (WorkType, Option<WorkItemId>)>,
    notes: &mut Vec<String>,
) -> Result<Planned, AppError> {
    let at = record
        .updated
        .filter(|t| *t >= item.updated_at)
        .unwrap_or(ctx.now);
    let actor = ctx.actor;
    let mut builder = Builder {
        tracker: ctx.tracker,
        record: record.record,
        item: item.clone(),
        steps: Vec::new(),
        notes,
    };
    if builder.item.status == Status::Deleted && record.status != Status::Deleted {
        let decision = builder.item.restore(None);
        builder.take(decision, at, actor)?;
    }
    // A status the source changed before its last edit (a task closed, then touched
    // again) moves first, at its own time; no event is dated before the one it follows.
    let status_at = record.closed.filter(|t| *t >= item.updated_at).unwrap_or(at);
    let status_first = status_at < at;
    if status_first {
        builder.move_to(record.status, record.reason.as_ref(), &|_| status_at, actor)?;
    }
    let title = Some(record.title.clone()).filter(|t| *t != builder.item.title);
    let now = builder.item.description.clone().unwrap_or_default();
    let description = record.description.clone().filter(|d| d.trim() != now.trim());
    if title.is_some() || description.is_some() {
        let decision = builder.item.edit(title, description);
        builder.take(decision, at, actor)?;
    }
    if let Some(work_type) = record.work_type {
        let up = builder
            .item
            .parent
            .and_then(|p| shape.get(&p).map(|(t, _)| (p, *t)));
        let children: Vec<(WorkItemId, WorkType)> = ctx
            .existing
            .values()
            .filter(|child| child.parent == Some(item.id) && child.status != Status::Deleted)
            .map(|child| {
                (
                    child.id,
                    shape.get(&child.id).map_or(child.work_type, |(t, _)| *t),
                )
            })
            .collect();
        let decision = builder.item.retype(work_type, up, &children);
        builder.take(decision, at, actor)?;
    }
    if let Some(priority) = record.priority {
        let decision = builder.item.change_priority(priority, None);
        builder.take(decision, at, actor)?;
    }
    if let Field::Says(assignee) = &record.assignee {
        let decision = builder.item.assign(assignee.clone());
        builder.take(decision, at, actor)?;
    }
    if let Field::Says(due) = record.due {
        let decision = builder.item.set_due(due);
        builder.take(decision, at, actor)?;
    }
    if let Field::Says(wait) = record.wait {
        let decision = builder.item.set_wait(wait);
        builder.take(decision, at, actor)?;
    }
    let add: Vec<String> = record
        .labels
        .iter()
        .filter(|l| !builder.item.labels.contains(l))
        .cloned()
        .collect();
    let remove: Vec<String> = builder
        .item
        .labels
        .iter()
        .filter(|l| !record.labels.contains(l))
        .cloned()
        .collect();
    if !add.is_empty() || !remove.is_empty() {
        let decision = builder.item.relabel(&add, &remove);
        builder.take(decision, at, actor)?;
    }
    if let Some(parent) = parent.filter(|p| builder.item.parent != Some(*p)) {
        let decision = builder.item.reparent(Some(parent));
        builder.take(decision, at, actor)?;
    }
    for (target, kind) in links {
        if builder.item.dependencies.iter().all(|d| d.id != *target) {
            let decision = builder.item.add_dependency(*target, *kind);
            builder.take(decision, at, actor)?;
        }
    }
    // The new comments and the status change, in the order the source dates them.
    let mut fresh: Vec<&crate::domain::Comment> = record
        .comments
        .iter()
        .filter(|comment| {
            !builder
                .item
                .comments
                .iter()
                .any(|c| c.text == comment.text && c.at == comment.at)
        })
        .collect();
    fresh.sort_by_key(|c| c.at);
    let mut moved = status_first;
    for comment in fresh {
        if !moved && comment.at > status_at {
            builder.move_to(record.status, record.reason.as_ref(), &|_| status_at, actor)?;
            moved = true;
        }
        comment_on(&mut builder, comment, actor)?;
    }
    if !moved {
        builder.move_to(record.status, record.reason.as_ref(), &|_| status_at, actor)?;
    }
    let steps = builder.steps;
    let changes: Vec<String> = steps.iter().map(|step| step.event.describe()).collect();
    Ok(Planned {
        id: item.id,
        base: item.version,
        report: ImportedItem {
            id: item.id,
            source: record.source.clone(),
            action: if steps.is_empty() {
                ItemAction::Unchanged
            } else {
                ItemAction::Changed
            },
            events: steps.len(),
            changes,
        },
        steps,
    })
}
