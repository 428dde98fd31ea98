//! Read-side questions: lists, single items, histories. Reads never write.

use crate::domain::{ItemRef, Priority, Status, WorkItem, WorkItemId, WorkType};
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

pub struct Queries<'a> {
    store: &'a dyn EventStore,
}

impl<'a> Queries<'a> {
    pub fn new(store: &'a dyn EventStore) -> Self {
        Self { store }
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

    /// The item now, or as it was at `at`.
    pub fn show(&self, item: ItemRef, at: Option<Timestamp>) -> Result<WorkItem, AppError> {
        let repository = ItemRepository::new(self.store);
        match at {
            Some(at) => repository.load_ref_at(item, at),
            None => repository.load_ref(item),
        }
    }

    /// The item's events, oldest first.
    pub fn history(&self, item: ItemRef) -> Result<Vec<RecordedEvent>, AppError> {
        ItemRepository::new(self.store).history(item)
    }
}
