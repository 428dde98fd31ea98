//! Read-side questions: lists, single items, histories, and what the links between items
//! say (ready work, what waits on what, the tree). Reads never write and never lock.

use crate::domain::graph::{links, ready_and_blocked, tree, BlockedItem, Links, TreeNode};
use crate::domain::{ItemRef, Priority, ProjectId, Status, WorkItem, WorkItemId, WorkType};
use crate::store::{EventStore, RecordedEvent};
use crate::timestamp::Timestamp;

use super::{AppError, ItemRepository, ItemsProjection};

/// Filters for `items list`. Within one field any listed value matches; across fields
/// every given field must match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemFilter {
    pub statuses: Vec<Status>,
    pub types: Vec<WorkType>,
    pub priority: Option<Priority>,
    pub assignee: Option<String>,
    pub parent: Option<WorkItemId>,
    /// Items carrying every one of these labels.
    pub labels: Vec<String>,
    pub limit: Option<usize>,
    /// The state as of this moment instead of now.
    pub at: Option<Timestamp>,
}

impl ItemFilter {
    fn matches(&self, item: &WorkItem) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&item.status))
            && (self.types.is_empty() || self.types.contains(&item.work_type))
            && self.priority.is_none_or(|p| item.priority == p)
            && self
                .assignee
                .as_ref()
                .is_none_or(|a| item.assignee.as_ref() == Some(a))
            && self.parent.is_none_or(|p| item.parent == Some(p))
            && self.labels.iter().all(|l| item.labels.contains(l))
    }
}

/// A page of items and how many matched in all, so a limit is never silent.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemList {
    pub items: Vec<WorkItem>,
    pub total_matching: usize,
}

/// The first `limit` of a longer list, and how long it was, so a limit is never silent.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: usize,
}

pub struct Queries<'a> {
    store: &'a dyn EventStore,
    project: Option<&'a ProjectId>,
}

impl<'a> Queries<'a> {
    pub fn new(store: &'a dyn EventStore) -> Self {
        Self { store, project: None }
    }

    /// Reports a missing item as missing from `project`.
    pub fn in_project(mut self, project: &'a ProjectId) -> Self {
        self.project = Some(project);
        self
    }

    fn locate<T>(&self, result: Result<T, AppError>) -> Result<T, AppError> {
        match (result, self.project) {
            (Err(AppError::ItemNotFound(item)), Some(project)) => Err(AppError::ItemMissing {
                item,
                project: project.clone(),
            }),
            (result, _) => result,
        }
    }

    /// The display id an item reference names; it need not exist.
    pub fn resolve(&self, item: ItemRef) -> Result<WorkItemId, AppError> {
        self.locate(ItemRepository::new(self.store).resolve(item))
    }

    /// The display id of an item that exists (a filter naming a missing item is a typo,
    /// not an empty result).
    pub fn existing(&self, item: ItemRef) -> Result<WorkItemId, AppError> {
        let id = self.resolve(item)?;
        if !self.store.stream_exists(&super::stream_for(id)?)? {
            return self.locate(Err(AppError::ItemNotFound(item)));
        }
        Ok(id)
    }

    /// Every item's display id, in order (for shell completion).
    pub fn ids(&self) -> Result<Vec<WorkItemId>, AppError> {
        Ok(ItemsProjection::current(self.store)?.items.into_keys().collect())
    }

    /// The work to pick next: no open blocker, by priority then age; at most `limit`.
    pub fn ready(&self, limit: Option<usize>) -> Result<Page<WorkItem>, AppError> {
        let items = ItemsProjection::current(self.store)?.items;
        let (mut ready, _) = ready_and_blocked(&items);
        let total = ready.len();
        if let Some(limit) = limit {
            ready.truncate(limit);
        }
        Ok(Page { items: ready, total })
    }

    /// Open items waiting on an open blocker, with what they wait on.
    pub fn blocked(&self) -> Result<Vec<BlockedItem>, AppError> {
        let items = ItemsProjection::current(self.store)?.items;
        Ok(ready_and_blocked(&items).1)
    }

    /// The hierarchy with its links: all of it, or the subtree of `focus`.
    pub fn tree(&self, focus: Option<ItemRef>) -> Result<Vec<TreeNode>, AppError> {
        let focus = match focus {
            Some(item) => Some(self.locate(ItemRepository::new(self.store).load_ref(item))?.id),
            None => None,
        };
        let items = ItemsProjection::current(self.store)?.items;
        Ok(tree(&items, focus))
    }

    /// Matching items in display-id order.
    pub fn list(&self, filter: &ItemFilter) -> Result<ItemList, AppError> {
        let items: Vec<WorkItem> = match filter.at {
            Some(at) => ItemRepository::new(self.store).load_all_at(at)?,
            None => ItemsProjection::current(self.store)?
                .items
                .into_values()
                .collect(),
        };
        let matching: Vec<WorkItem> = items.into_iter().filter(|item| filter.matches(item)).collect();
        let total_matching = matching.len();
        let items = match filter.limit {
            Some(limit) => matching.into_iter().take(limit).collect(),
            None => matching,
        };
        Ok(ItemList {
            items,
            total_matching,
        })
    }

    /// The item now, or as it was at `at`. An item that exists now but not yet at `at`
    /// is [`AppError::NotYetCreated`], not "not found".
    pub fn show(&self, item: ItemRef, at: Option<Timestamp>) -> Result<WorkItem, AppError> {
        let repository = ItemRepository::new(self.store);
        let Some(at) = at else {
            return self.locate(repository.load_ref(item));
        };
        match repository.load_ref_at(item, at) {
            Err(AppError::ItemNotFound(_)) if repository.load_ref(item).is_ok() => {
                Err(AppError::NotYetCreated { item, at })
            }
            result => self.locate(result),
        }
    }

    /// What the item is linked to, from both ends of each link (now, or as at `at`).
    pub fn links(&self, id: WorkItemId, at: Option<Timestamp>) -> Result<Links, AppError> {
        Ok(match at {
            Some(at) => links(&ItemRepository::new(self.store).load_all_at(at)?, id),
            None => links(ItemsProjection::current(self.store)?.items.values(), id),
        })
    }

    /// The item's events, oldest first.
    pub fn history(&self, item: ItemRef) -> Result<Vec<RecordedEvent>, AppError> {
        self.locate(ItemRepository::new(self.store).history(item))
    }
}
