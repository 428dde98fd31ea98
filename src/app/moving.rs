//! Moving an item to another project (`items move ID --to PROJECT`). Projects are separate
//! logs, so a move is two writes, each made at most once by its idempotency key (the
//! item's ULID): the new item in the target project first (its creation names where it
//! came from, its labels follow), then, in one atomic append here, the old item cancelled
//! as moved (`WorkItemMoved` says where) with every link to it removed, so nothing here
//! points at work that went elsewhere. A move that dies between the two leaves the new item
//! and the old one open; running the same move again finishes it, creating nothing twice.

use crate::domain::{DomainError, Elsewhere, ItemRef, NewWorkItem, Status, WorkItem};

use super::{AppError, Command, Outcome, Session, WriteOptions};

/// What a move did: the item as it left this project, and the item it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub from: WorkItem,
    pub to: WorkItem,
    /// Projects are separate logs: links do not follow the item, and these were removed.
    pub unlinked: Vec<crate::domain::WorkItemId>,
    /// It had been moved there before: nothing was written now.
    pub already: bool,
}

impl Session {
    /// Moves `item` from this session's project to `target`'s (see the module's comment).
    pub fn move_item(&self, item: ItemRef, target: &Session) -> Result<Outcome<Moved>, AppError> {
        if target.project() == self.project() {
            return Err(AppError::MoveToItself(self.project().clone()));
        }
        let queries = self.queries();
        let current = queries.show(item, None)?;
        current.check_not_deleted()?;
        if let Some(went) = &current.moved_to {
            // Moved there before: the answer is what that move did (nothing is written).
            if went.project == target.project().as_str() {
                let to = target.queries().show(ItemRef::Display(went.id), None)?;
                return Ok(Outcome {
                    value: Moved {
                        from: current,
                        to,
                        unlinked: Vec::new(),
                        already: true,
                    },
                    reactions: Vec::new(),
                    policy_failure: None,
                    created_project: None,
                });
            }
            return Err(DomainError::NotMovable {
                id: current.id,
                status: current.status,
            }
            .into());
        }
        if !current.status.is_open() {
            return Err(DomainError::NotMovable {
                id: current.id,
                status: current.status,
            }
            .into());
        }
        let links = queries.links(current.id, None)?;
        let open_children: Vec<_> = links.children.clone();
        if !open_children.is_empty() {
            return Err(DomainError::MovesWithChildren {
                id: current.id,
                children: open_children,
            }
            .into());
        }
        let key = format!("move:{}", current.internal_id);
        let once = |key: String| WriteOptions {
            idempotency_key: Some(key),
            ..WriteOptions::default()
        };
        let new = NewWorkItem {
            title: current.title.clone(),
            work_type: current.work_type,
            priority: current.priority,
            description: current.description.clone(),
            parent: None,
            assignee: current.assignee.clone(),
            due: current.due,
            wait: current.wait,
            recur: current.recur,
            moved_from: Some(Elsewhere {
                project: self.project().as_str().to_owned(),
                id: current.id,
            }),
        };
        let mut created = target.execute(Command::Create(new), once(key.clone()))?.value;
        if !current.labels.is_empty() {
            let labels = Command::Label {
                item: ItemRef::Internal(created.item.internal_id),
                add: current.labels.clone(),
                remove: Vec::new(),
            };
            match target.execute(labels, once(format!("{key}:labels"))) {
                Ok(labelled) => created.item = labelled.value.item,
                Err(AppError::Domain(DomainError::Unchanged { .. })) => {}
                Err(err) => return Err(err),
            }
        }
        crate::faults::inject("between-move-writes");
        let to = Elsewhere {
            project: target.project().as_str().to_owned(),
            id: created.item.id,
        };
        // The links it holds go with its own change; the others from the items holding them.
        let held: Vec<_> = current.dependencies.iter().map(|d| d.id).collect();
        let mut own: Vec<Command> = held
            .iter()
            .map(|other| Command::RemoveDependency {
                item: ItemRef::Display(current.id),
                on: ItemRef::Display(*other),
            })
            .collect();
        own.push(Command::MoveOut {
            item: ItemRef::Display(current.id),
            to,
        });
        let mut commands = vec![match own.len() {
            1 => own.remove(0),
            _ => Command::Together(own),
        }];
        let mut unlinked = held.clone();
        for other in links.blocks.iter().chain(&links.blocked_by).chain(&links.related) {
            if !held.contains(other) && !unlinked.contains(other) {
                unlinked.push(*other);
                commands.push(Command::RemoveDependency {
                    item: ItemRef::Display(*other),
                    on: ItemRef::Display(current.id),
                });
            }
        }
        let outcome = self.execute_all(commands, once(format!("{key}:out")))?;
        let from = outcome
            .value
            .iter()
            .map(|written| &written.item)
            .find(|written| written.id == current.id)
            .cloned()
            .unwrap_or(current);
        debug_assert!(from.status == Status::Cancelled || outcome.value.iter().all(|o| o.replayed));
        Ok(Outcome {
            value: Moved {
                from,
                to: created.item,
                unlinked,
                already: false,
            },
            reactions: outcome.reactions,
            policy_failure: outcome.policy_failure,
            created_project: outcome.created_project,
        })
    }
}
