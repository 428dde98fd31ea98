//! Read-side questions: lists, single items, histories, and what the links between items
//! say (ready work, what waits on what, the tree). Reads never write and never lock.

use crate::domain::flow::{flow, Flow};
use crate::domain::graph::{links, ready_and_blocked, tree, BlockedItem, Links, TreeNode};
use crate::domain::{ItemRef, ProjectId, Status, WorkItem, WorkItemId};
use crate::store::{EventStore, RecordedEvent};
use crate::timestamp::Timestamp;

use super::item_filter::{indexed, only_status_and_limit, ItemFilter, ItemSummary};
use super::item_index::{IndexError, ItemIndex};
use super::{AppError, ItemRepository, ItemsProjection};

/// A page of items and how many matched in all, so a limit is never silent.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemList {
    pub items: Vec<WorkItem>,
    pub total_matching: usize,
    /// Counting stopped at `total_matching` (the filter's `count_up_to`): more match.
    pub total_capped: bool,
    /// Streams left out because they cannot be replayed (stream → why); `doctor` says more.
    pub broken: std::collections::BTreeMap<String, String>,
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
    /// What "now" is for leases: a claim whose lease ran out by then reads as lapsed.
    now: Option<Timestamp>,
    /// A long-lived process's read model, kept in memory between reads.
    warm: Option<&'a std::sync::Mutex<Option<ItemsProjection>>>,
}

impl<'a> Queries<'a> {
    pub fn new(store: &'a dyn EventStore) -> Self {
        Self {
            store,
            project: None,
            now: None,
            warm: None,
        }
    }

    /// Reads through `warm`, a read model kept in memory (see [`ItemsProjection::warmed`]).
    pub fn kept_warm(mut self, warm: Option<&'a std::sync::Mutex<Option<ItemsProjection>>>) -> Self {
        self.warm = warm;
        self
    }

    /// The up-to-date read model: the warm copy when there is one, else the cache.
    fn projection(&self) -> Result<ItemsProjection, AppError> {
        match self.warm {
            Some(warm) => {
                let mut kept = warm.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                ItemsProjection::warmed(&mut kept, self.store)
            }
            None => ItemsProjection::current(self.store),
        }
    }

    /// Reads items as they stand at `now` (the clock's): expired leases have lapsed.
    pub fn at_time(mut self, now: Timestamp) -> Self {
        self.now = Some(now);
        self
    }

    /// The item as it stands at `at` (or now): see [`WorkItem::lapse`].
    fn settle(&self, item: WorkItem, at: Option<Timestamp>) -> WorkItem {
        match at.or(self.now) {
            Some(at) => item.lapsed(at),
            None => item,
        }
    }

    /// The current read model's items, as they stand now.
    fn current_items(&self) -> Result<std::collections::BTreeMap<WorkItemId, WorkItem>, AppError> {
        let mut items = self.projection()?.items;
        if let Some(now) = self.now {
            for item in items.values_mut() {
                item.lapse(now);
            }
        }
        Ok(items)
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

    /// Every item's display id but the deleted ones', in order (for shell completion).
    pub fn ids(&self) -> Result<Vec<WorkItemId>, AppError> {
        // The index has no row for a deleted item, and answers without reading one.
        if let Some(ids) = self.index_answer(ItemIndex::ids)? {
            return Ok(ids);
        }
        Ok(self
            .projection()?
            .items
            .into_values()
            .filter(|item| item.status != Status::Deleted)
            .map(|item| item.id)
            .collect())
    }

    /// The work to pick next (see [`ready_and_blocked`]) that `filter` matches, in the
    /// ready order unless the filter sorts; at most its `limit`.
    pub fn ready(&self, filter: &ItemFilter) -> Result<Page<WorkItem>, AppError> {
        // Ready work is work to pick now: what still waits is not.
        let now = self.now.unwrap_or_else(Timestamp::now);
        let hidden;
        let filter = match filter.waiting {
            super::Waiting::Kept => {
                hidden = ItemFilter {
                    waiting: super::Waiting::Hidden(now),
                    ..filter.clone()
                };
                &hidden
            }
            _ => filter,
        };
        if filter.statuses.is_empty() && only_status_and_limit(filter) && filter.limit.is_some() {
            if let Some(index) = self
                .index()?
                .filter(|index| index.hides_nothing(filter.waiting).unwrap_or(false))
            {
                match index.ready(filter.limit.unwrap_or(usize::MAX), self.now) {
                    Ok((items, total)) => return Ok(Page { items, total }),
                    Err(IndexError::App(err)) => return Err(err),
                    Err(_) => {}
                }
            }
        }
        let limit = filter.limit.unwrap_or(usize::MAX).min(i64::MAX as usize);
        let keep = |item: &WorkItem| filter.matches(item, None);
        // `Ok`: SQL answered the filter whole; `Err`: the ready rows it may keep, to filter here.
        let indexed = self.index_answer(|index| {
            Ok(match index.ready_exact(filter, keep, limit, self.now)? {
                Some((items, total)) => Ok(Page { items, total }),
                None => Err(index.ready_candidates(filter, self.now)?),
            })
        })?;
        let ready = match indexed {
            Some(Ok(page)) => return Ok(page),
            Some(Err(candidates)) => candidates,
            None => ready_and_blocked(&self.current_items()?).0,
        };
        let mut ready = filter.apply(ready);
        let total = ready.len();
        if let Some(limit) = filter.limit {
            ready.truncate(limit);
        }
        Ok(Page { items: ready, total })
    }

    /// Open work ranked by urgency (see [`crate::domain::urgency`]) that `filter` matches,
    /// the most urgent first, at most its limit; with how many matched.
    pub fn next(
        &self,
        filter: &ItemFilter,
        coefficients: &crate::domain::urgency::Coefficients,
    ) -> Result<Page<(WorkItem, crate::domain::urgency::Urgency)>, AppError> {
        // The whole cached model: parsing every open row of the item index instead was no
        // faster at 10,000 open items (61 ms against 41 to 54 ms, measured on a busy machine).
        let items = self.current_items()?;
        let now = self.now.unwrap_or_else(Timestamp::now);
        let needle = filter.search.as_ref().map(|s| s.to_lowercase());
        // What still waits is not work to pick now.
        let waiting = match filter.waiting {
            super::Waiting::Kept => super::Waiting::Hidden(now),
            asked => asked,
        };
        let mut ranked: Vec<_> = crate::domain::urgency::rank(&items, coefficients, now)
            .into_iter()
            .filter(|(item, _)| filter.matches(item, needle.as_deref()) && waiting.keeps(item))
            .collect();
        let total = ranked.len();
        if let Some(limit) = filter.limit {
            ranked.truncate(limit);
        }
        Ok(Page { items: ranked, total })
    }

    /// Open items waiting on an open blocker, with what they wait on.
    pub fn blocked(&self) -> Result<Vec<BlockedItem>, AppError> {
        let indexed = self.index_answer(|index| index.blocked_candidates(self.now))?;
        let items = match indexed {
            Some(items) => items,
            None => self.current_items()?,
        };
        Ok(ready_and_blocked(&items).1)
    }

    /// `items orphans`: open items commits name but none closed, and finished (done)
    /// items no commit names, each in id order.
    pub fn orphans(&self) -> Result<(Vec<WorkItem>, Vec<WorkItem>), AppError> {
        let items = self.current_items()?;
        let (mut named_open, mut closed_unnamed) = (Vec::new(), Vec::new());
        for item in items.into_values() {
            if item.status.is_open() && !item.commits.is_empty() {
                named_open.push(item);
            } else if item.status == crate::domain::Status::Done && item.commits.is_empty() {
                closed_unnamed.push(item);
            }
        }
        Ok((named_open, closed_unnamed))
    }

    /// The hierarchy with its links: all of it, or the subtree of `focus`.
    pub fn tree(&self, focus: Option<ItemRef>) -> Result<Vec<TreeNode>, AppError> {
        let focus = match focus {
            Some(item) => Some(self.locate(ItemRepository::new(self.store).load_ref(item))?.id),
            None => None,
        };
        let indexed = match focus {
            Some(focus) => self.index_answer(|index| index.branch(focus, self.now))?,
            None => None,
        };
        let items = match indexed {
            Some(items) => items,
            None => self.current_items()?,
        };
        Ok(tree(&items, focus))
    }

    /// `read`'s answer from the indexed read model; `None` when there is no index to ask
    /// or it cannot answer (the caller reads the whole model).
    fn index_answer<T>(
        &self,
        read: impl FnOnce(&ItemIndex) -> Result<T, IndexError>,
    ) -> Result<Option<T>, AppError> {
        let Some(index) = self.index()? else {
            return Ok(None);
        };
        match read(&index) {
            Ok(answer) => Ok(Some(answer)),
            Err(IndexError::App(err)) => Err(err),
            Err(_) => Ok(None),
        }
    }

    /// The indexed read model, for a read it can answer without loading every item; `None`
    /// when this reader keeps its own model warm or the store has no place for the index.
    fn index(&self) -> Result<Option<ItemIndex>, AppError> {
        if self.warm.is_some() {
            return Ok(None);
        }
        ItemIndex::current(self.store)
    }

    /// A first page or a status filter, from the indexed read model: costs what it returns.
    fn indexed_list(&self, filter: &ItemFilter) -> Result<Option<ItemList>, AppError> {
        let ItemFilter { statuses, limit, .. } = filter;
        if !only_status_and_limit(filter) || (limit.is_none() && statuses.is_empty()) || !indexed(filter) {
            return Ok(None);
        }
        let Some(index) = self.index()? else {
            return Ok(None);
        };
        if !index.hides_nothing(filter.waiting).unwrap_or(false) {
            return Ok(None);
        }
        let cap = limit.and(filter.count_up_to);
        let page = index.page(statuses, limit.unwrap_or(usize::MAX), cap, self.now);
        match page.and_then(|page| Ok((page, index.broken()?))) {
            Ok(((items, total_matching, total_capped), broken)) => Ok(Some(ItemList {
                items,
                total_matching,
                total_capped,
                broken,
            })),
            Err(IndexError::App(err)) => Err(err),
            Err(_) => Ok(None),
        }
    }

    /// For a list with no filter but `limit`: each item's JSON, compact and in id order,
    /// straight from the indexed read model (see [`ItemIndex::each_json`]), then how many
    /// were written and matched and the broken streams. `None` when there is no index to
    /// read (the caller lists the usual way); nothing has been written then.
    pub fn each_listed_json<E: From<AppError>>(
        &self,
        filter: &ItemFilter,
        each: impl FnMut(&str) -> Result<(), E>,
    ) -> Result<Option<(usize, ItemList)>, E> {
        self.each_listed(filter, |index, limit, now, open_only| {
            index.each_json(limit, now, open_only, each)
        })
    }

    /// As [`Queries::each_listed_json`], with what the list table shows of each item.
    pub fn each_listed_summary<E: From<AppError>>(
        &self,
        filter: &ItemFilter,
        each: impl FnMut(ItemSummary) -> Result<(), E>,
    ) -> Result<Option<(usize, ItemList)>, E> {
        self.each_listed(filter, |index, limit, now, open_only| {
            index.each_summary(limit, now, open_only, each)
        })
    }

    fn each_listed<E: From<AppError>>(
        &self,
        filter: &ItemFilter,
        read: impl FnOnce(&ItemIndex, usize, Option<Timestamp>, bool) -> Result<usize, E>,
    ) -> Result<Option<(usize, ItemList)>, E> {
        // Every item, or the open ones (the default list): both stream from the index.
        let asked: std::collections::BTreeSet<Status> = filter.statuses.iter().copied().collect();
        let open: std::collections::BTreeSet<Status> =
            Status::ALL.into_iter().filter(|s| s.is_open()).collect();
        let open_only = !asked.is_empty() && asked == open;
        if !only_status_and_limit(filter) || !(asked.is_empty() || open_only) {
            return Ok(None);
        }
        let Some(index) = self.index()? else {
            return Ok(None);
        };
        // The count, the broken streams and the rows as of one moment, whoever writes.
        index.in_snapshot(|index| {
            if !index.hides_nothing(filter.waiting).unwrap_or(false) {
                return Ok(None);
            }
            let total = if open_only {
                index.count_open()
            } else {
                index.count()
            };
            let (Ok(total_matching), Ok(broken)) = (total, index.broken()) else {
                return Ok(None);
            };
            let written = read(index, filter.limit.unwrap_or(usize::MAX), self.now, open_only)?;
            Ok(Some((
                written,
                ItemList {
                    items: Vec::new(),
                    total_matching,
                    total_capped: false,
                    broken,
                },
            )))
        })
    }

    /// Matching items, in display-id order unless the filter sorts.
    pub fn list(&self, filter: &ItemFilter) -> Result<ItemList, AppError> {
        if let Some(list) = self.indexed_list(filter)? {
            return Ok(list);
        }
        if filter.at.is_none() && !filter.archived && indexed(filter) {
            // SQL answers the filter when it can, else narrows the rows the filter decides on.
            let limit = filter.limit.unwrap_or(usize::MAX).min(i64::MAX as usize);
            let indexed = self.index_answer(|index| {
                Ok(match index.page_exact(filter, limit, self.now)? {
                    Some((items, total_matching, total_capped)) => ItemList {
                        items,
                        total_matching,
                        total_capped,
                        broken: index.broken()?,
                    },
                    // A page of an unsorted list reads candidates only until its count stops.
                    None => match (filter.limit, filter.count_up_to, filter.sort, filter.reverse) {
                        (Some(limit), Some(cap), None, false) => {
                            let needle = filter.search.as_ref().map(|s| s.to_lowercase());
                            let mut items = Vec::new();
                            let mut total = 0;
                            let capped = index.scan_candidates(filter, self.now, |item| {
                                if filter.matches(&item, needle.as_deref()) {
                                    total += 1;
                                    if items.len() < limit {
                                        items.push(item);
                                    }
                                }
                                total <= cap.max(limit)
                            })?;
                            ItemList {
                                items,
                                total_matching: total.min(cap.max(limit)),
                                total_capped: capped,
                                broken: index.broken()?,
                            }
                        }
                        _ => Self::listed(filter, index.candidates(filter, self.now)?, index.broken()?),
                    },
                })
            })?;
            if let Some(list) = indexed {
                return Ok(list);
            }
        }
        let (items, broken): (Vec<WorkItem>, _) = match filter.at {
            Some(at) => (
                ItemRepository::new(self.store)
                    .load_all_at(at)?
                    .into_iter()
                    .map(|item| item.lapsed(at))
                    .collect(),
                std::collections::BTreeMap::new(),
            ),
            None => {
                let projection = self.projection()?;
                let mut items: Vec<WorkItem> = projection
                    .items
                    .into_values()
                    .map(|item| self.settle(item, None))
                    .collect();
                if filter.archived {
                    items.extend(self.archived_items(&projection.archived)?);
                    items.sort_by_key(|item| item.id);
                }
                (items, projection.broken)
            }
        };
        Ok(Self::listed(filter, items, broken))
    }

    /// What `filter` keeps of `items`, in its order, limited, with how many it kept in all.
    fn listed(
        filter: &ItemFilter,
        items: Vec<WorkItem>,
        broken: std::collections::BTreeMap<String, String>,
    ) -> ItemList {
        let matching = filter.apply(items);
        let total_matching = matching.len();
        let items = match filter.limit {
            Some(limit) => matching.into_iter().take(limit).collect(),
            None => matching,
        };
        ItemList {
            items,
            total_matching,
            total_capped: false,
            broken,
        }
    }

    /// Archived items, each read from its own stream.
    fn archived_items(
        &self,
        archived: &std::collections::BTreeSet<WorkItemId>,
    ) -> Result<Vec<WorkItem>, AppError> {
        let repository = ItemRepository::new(self.store);
        let mut items = Vec::with_capacity(archived.len());
        for id in archived {
            if let Some(item) = repository.load(*id)? {
                items.push(self.settle(item, None));
            }
        }
        Ok(items)
    }

    /// The item now, or as it was at `at`. An item that exists now but not yet at `at`
    /// is [`AppError::NotYetCreated`], not "not found".
    pub fn show(&self, item: ItemRef, at: Option<Timestamp>) -> Result<WorkItem, AppError> {
        let repository = ItemRepository::new(self.store);
        let Some(at) = at else {
            return self
                .locate(repository.load_ref(item))
                .map(|item| self.settle(item, None));
        };
        match repository.load_ref_at(item, at) {
            Err(AppError::ItemNotFound(_)) if repository.load_ref(item).is_ok() => {
                Err(AppError::NotYetCreated { item, at })
            }
            result => self.locate(result).map(|item| item.lapsed(at)),
        }
    }

    /// What the item is linked to, from both ends of each link (now, or as at `at`).
    pub fn links(&self, id: WorkItemId, at: Option<Timestamp>) -> Result<Links, AppError> {
        Ok(match at {
            Some(at) => {
                let items: Vec<WorkItem> = ItemRepository::new(self.store)
                    .load_all_at(at)?
                    .into_iter()
                    .map(|item| item.lapsed(at))
                    .collect();
                links(&items, id)
            }
            None => {
                // An archived item's links are among the items archived with it (a group
                // leaves whole, so no current item needed it).
                let group = self.store.archived_group(&super::stream_for(id)?)?;
                if !group.is_empty() {
                    let repository = ItemRepository::new(self.store);
                    let mut items = std::collections::BTreeMap::new();
                    for stream in &group {
                        if let Some(member) = super::repository::id_of_stream(stream) {
                            if let Some(item) = repository.load(member)? {
                                items.insert(member, self.settle(item, None));
                            }
                        }
                    }
                    return Ok(links(items.values(), id));
                }
                let neighbourhood = match self.index()? {
                    Some(index) => match index.neighbourhood(id) {
                        Ok(items) => Some(items),
                        Err(IndexError::App(err)) => return Err(err),
                        Err(_) => None,
                    },
                    None => None,
                };
                match neighbourhood {
                    Some(items) => links(&items, id),
                    None => links(self.current_items()?.values(), id),
                }
            }
        })
    }

    /// How work flowed through the project, from the first item to now: the board's
    /// cumulative-flow diagram and cycle times.
    pub fn flow(&self) -> Result<Flow, AppError> {
        // From the index even where a warm model answers item reads: that model has no
        // history, and the index keeps the steps.
        if let Some(mut index) = ItemIndex::current(self.store)? {
            match index.flow(self.store, self.now) {
                Ok(flow) => return Ok(flow),
                Err(IndexError::App(err)) => return Err(err),
                Err(_) => {}
            }
        }
        Ok(flow(&ItemRepository::new(self.store).status_flows()?, self.now))
    }

    /// The item's events, oldest first.
    pub fn history(&self, item: ItemRef) -> Result<Vec<RecordedEvent>, AppError> {
        self.locate(ItemRepository::new(self.store).history(item))
    }
}
