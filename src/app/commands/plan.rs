//! Planning: what each command asks of which item, as a decision the domain makes on the
//! item's current state (and, for several commands together, on each in turn).

use crate::app::repository::ItemRepository;
use crate::app::AppError;
use crate::domain::graph::{check_blocking_cycle, check_parent, edge_for};
use crate::domain::{
    Decision, DomainError, ItemRef, NewWorkItem, QualityGate, Status, WorkItem, WorkItemEvent, WorkItemId,
    WorkType,
};
use crate::timestamp::Timestamp;

use super::*;

impl CommandDispatcher<'_> {
    /// Linking to another item: one link per pair, and no loop of blocking links.
    pub(super) fn dependency(
        &self,
        item: ItemRef,
        on: ItemRef,
        kind: DependencyType,
    ) -> Result<Prepared, AppError> {
        let other = self.existing(on)?;
        let target = ItemRepository::new(self.store).resolve(item)?;
        let (other_item, edges) = self.link_graph(target, other, edge_for(target, other, kind))?;
        // One link per pair: `1 blocked_by 2` and `2 blocks 1` are the same link,
        // and any link between two items is the only one.
        if other_item.is_some_and(|o| o.dependencies.iter().any(|d| d.id == target)) {
            return Err(DomainError::DuplicateDependency { id: target, other }.into());
        }
        Ok(Prepared::deciding(item, move |current, _| {
            let events = current.add_dependency(other, kind)?;
            if let Some(edge) = edge_for(current.id, other, kind) {
                check_blocking_cycle(&edges, edge)?;
            }
            Ok(events)
        }))
    }

    /// Retyping, checked against the item's parent and children in the read model (with
    /// its archived group, when it is archived: its children went with it).
    pub(super) fn retyping(&self, item: ItemRef, to: WorkType) -> Result<Prepared, AppError> {
        let id = ItemRepository::new(self.store).resolve(item)?;
        let model = self.read_model_with(&[id])?;
        Ok(Prepared::deciding(item, move |current, _| {
            let parent = current
                .parent
                .and_then(|parent| model.get(&parent))
                .map(|parent| (parent.id, parent.work_type));
            let children: Vec<(WorkItemId, WorkType)> = model
                .values()
                .filter(|child| child.parent == Some(current.id))
                .map(|child| (child.id, child.work_type))
                .collect();
            current.retype(to, parent, &children)
        }))
    }

    /// Removing a link, from whichever of its two items holds it.
    pub(super) fn undependency(&self, item: ItemRef, on: ItemRef) -> Result<Prepared, AppError> {
        // A link is recorded on one of its two items; it can be removed from either.
        let repository = ItemRepository::new(self.store);
        let id = repository.resolve(item)?;
        let other = repository.resolve(on)?;
        let holds = |holder: WorkItemId, peer: WorkItemId| -> Result<bool, AppError> {
            Ok(repository
                .load(holder)?
                .is_some_and(|h| h.dependencies.iter().any(|d| d.id == peer)))
        };
        let (holder, peer) = if !holds(id, other)? && holds(other, id)? {
            (ItemRef::Display(other), id)
        } else {
            (item, other)
        };
        Ok(Prepared::deciding(holder, move |current, _| {
            current.remove_dependency(peer)
        }))
    }

    /// Moving under another parent, with the hierarchy checked.
    pub(super) fn reparenting(&self, item: ItemRef, parent: Option<ItemRef>) -> Result<Prepared, AppError> {
        let parent = parent.map(|p| self.existing(p)).transpose()?;
        let ancestry = match parent {
            Some(parent) => self.ancestry(parent)?,
            None => std::sync::Arc::default(),
        };
        Ok(Prepared::deciding(item, move |current, _| {
            if let Some(parent) = parent {
                let parent = ancestry.get(&parent).ok_or(DomainError::MissingCreation {
                    found: format!("no {parent} in the read model"),
                })?;
                check_parent(&ancestry, Some(current.id), current.work_type, parent)?;
            }
            current.reparent(parent)
        }))
    }

    /// Taking an item for the dispatcher's actor, warning of open blockers.
    pub(super) fn claiming(&self, item: ItemRef, lease_seconds: Option<u64>) -> Result<Prepared, AppError> {
        let actor = self.actor.clone();
        let blockers = {
            let id = ItemRepository::new(self.store).resolve(item)?;
            self.links_of(id)?.1
        };
        Ok(Prepared {
            item,
            decide: Box::new(move |current, now| {
                current.claim(&actor, lease_seconds.map(std::time::Duration::from_secs), now)
            }),
            warnings: Box::new(move |item| {
                if blockers.is_empty() {
                    Vec::new()
                } else {
                    vec![Warning::OpenBlockers {
                        item: item.id,
                        blockers: blockers.clone(),
                    }]
                }
            }),
        })
    }

    /// Settling a conflict, with the hierarchy checked as `items parent` checks it when the
    /// decision sets a parent.
    pub(super) fn resolution(
        &self,
        item: ItemRef,
        version: Option<u64>,
        decision: Decision,
    ) -> Result<Prepared, AppError> {
        let repository = ItemRepository::new(self.store);
        let id = repository.resolve(item)?;
        let now = self.clock.now();
        let parent = repository
            .load(id)?
            .and_then(|current| current.resolve(version, &decision, now).ok())
            .and_then(|events| new_parent(&events));
        let ancestry = match parent {
            Some(parent) => self.ancestry(parent)?,
            None => std::sync::Arc::default(),
        };
        Ok(Prepared::deciding(item, move |current, now| {
            let events = current.resolve(version, &decision, now)?;
            if let Some(parent) = new_parent(&events) {
                let parent = ancestry.get(&parent).ok_or(DomainError::MissingCreation {
                    found: format!("no {parent} in the read model"),
                })?;
                check_parent(&ancestry, Some(current.id), current.work_type, parent)?;
            }
            Ok(events)
        }))
    }

    /// One decision made of several, on the same item: each decides on the state the ones
    /// before it leave, and all their events are one append.
    pub(super) fn together(&self, commands: Vec<Command>) -> Result<Prepared, AppError> {
        let repository = ItemRepository::new(self.store);
        let mut parts = Vec::with_capacity(commands.len());
        let mut target = None;
        for command in commands {
            let Plan::Update(prepared) = self.plan(command)? else {
                return Err(AppError::SeveralCreates);
            };
            let id = repository.resolve(prepared.item)?;
            match target {
                None => target = Some((prepared.item, id)),
                Some((_, first)) if first != id => return Err(AppError::SameItemTwice(id)),
                Some(_) => {}
            }
            parts.push(prepared);
        }
        let Some((item, _)) = target else {
            return Err(AppError::Domain(DomainError::InvalidValue {
                kind: "update",
                input: String::new(),
                expected: "at least one change",
            }));
        };
        let actor = self.actor.clone();
        let parts = std::rc::Rc::new(parts);
        let warn_parts = parts.clone();
        Ok(Prepared {
            item,
            decide: Box::new(move |current, now| {
                let mut state = current.clone();
                let mut events = Vec::new();
                let mut unchanged = None;
                for part in parts.iter() {
                    match (part.decide)(&state, now) {
                        Ok(decided) => {
                            for event in &decided {
                                state.apply(Some(event), state.version + 1, now, &actor);
                            }
                            events.extend(decided);
                        }
                        Err(err @ DomainError::Unchanged { .. }) => {
                            unchanged.get_or_insert(err);
                        }
                        Err(err) => return Err(err),
                    }
                }
                match unchanged {
                    Some(err) if events.is_empty() => Err(err),
                    _ => Ok(events),
                }
            }),
            warnings: Box::new(move |item| {
                warn_parts.iter().flat_map(|part| (part.warnings)(item)).collect()
            }),
        })
    }

    /// A status change, with what the links say about it: completing a parent whose
    /// children are open warns (and is refused under `quality_gate = enforce`, with the
    /// missing metrics); starting an item an open item blocks warns.
    pub(super) fn status_change(
        &self,
        item: ItemRef,
        to: Status,
        reason: Option<String>,
    ) -> Result<Prepared, AppError> {
        let gate = self.quality_gate;
        let (children, blockers) = if matches!(to, Status::Done | Status::InProgress) {
            let id = ItemRepository::new(self.store).resolve(item)?;
            let (children, blockers) = self.links_of(id)?;
            let children = if to == Status::Done { children } else { Vec::new() };
            let blockers = if to == Status::InProgress {
                blockers
            } else {
                Vec::new()
            };
            (children, blockers)
        } else {
            (Vec::new(), Vec::new())
        };
        let refused_children = children.clone();
        Ok(Prepared {
            item,
            decide: Box::new(move |current, now| {
                if to == Status::Done && gate == QualityGate::Enforce {
                    if lacks_metrics(current) {
                        return Err(DomainError::QualityGate { id: current.id });
                    }
                    if !refused_children.is_empty() {
                        return Err(DomainError::OpenChildren {
                            id: current.id,
                            children: refused_children.clone(),
                        });
                    }
                }
                current.change_status(to, reason.clone(), now)
            }),
            warnings: Box::new(move |item| {
                let mut warnings = Vec::new();
                if to == Status::Done && gate == QualityGate::Warn && lacks_metrics(item) {
                    warnings.push(Warning::CompletedWithoutMetrics { item: item.id });
                }
                if to == Status::Done && !children.is_empty() {
                    warnings.push(Warning::OpenChildren {
                        item: item.id,
                        children: children.clone(),
                    });
                }
                if to == Status::InProgress && !blockers.is_empty() {
                    warnings.push(Warning::OpenBlockers {
                        item: item.id,
                        blockers: blockers.clone(),
                    });
                }
                warnings
            }),
        })
    }
}

/// A quality gate applies to this item: it is not a spike and has no metrics.
pub(super) fn lacks_metrics(item: &WorkItem) -> bool {
    item.work_type != WorkType::Spike && item.quality.is_none()
}

/// How a command turns an item's state (and the time) into events, or a refusal.
pub(super) type DecideFn = dyn Fn(&WorkItem, Timestamp) -> Result<Vec<WorkItemEvent>, DomainError>;

/// What a successful write tells the user, given the item as it left it.
pub(super) type WarnFn = dyn Fn(&WorkItem) -> Vec<Warning>;

/// A write on one existing item, ready to decide.
pub(super) struct Prepared {
    pub(super) item: ItemRef,
    pub(super) decide: Box<DecideFn>,
    /// What a successful write tells the user, given the item as it left it.
    pub(super) warnings: Box<WarnFn>,
}

impl Prepared {
    pub(super) fn deciding(
        item: ItemRef,
        decide: impl Fn(&WorkItem, Timestamp) -> Result<Vec<WorkItemEvent>, DomainError> + 'static,
    ) -> Self {
        Self {
            item,
            decide: Box::new(decide),
            warnings: Box::new(|_| Vec::new()),
        }
    }

    /// The same write, refused on a deleted item before it decides anything.
    pub(super) fn refusing_deleted(self) -> Self {
        let decide = self.decide;
        Self {
            decide: Box::new(move |current, now| {
                current.check_not_deleted()?;
                decide(current, now)
            }),
            ..self
        }
    }
}

pub(super) enum Plan {
    Create(NewWorkItem),
    Update(Prepared),
}

/// The parent a change among `events` sets, if one does.
pub(super) fn new_parent(events: &[WorkItemEvent]) -> Option<WorkItemId> {
    events.iter().find_map(|event| match event {
        WorkItemEvent::ParentChanged(changed) => changed.new_parent,
        _ => None,
    })
}
