//! The read model a command decides against: the items it needs (from the warm model, the
//! index, or a replay), their links and ancestry, kept warm for the next command.

use crate::app::repository::{stream_for, ItemRepository};
use crate::app::AppError;
use crate::domain::graph::{blocking_edges, BlockingEdges, OpenLinks};
use crate::domain::{WorkItem, WorkItemId};
use std::collections::BTreeSet;

use super::*;

impl CommandDispatcher<'_> {
    /// The up-to-date items, for the decisions that look beyond one item (links, warnings),
    /// read once per dispatch. Not saved back unless the command writes: a refused command
    /// leaves every file as it was.
    pub(super) fn read_model(&self) -> Result<std::sync::Arc<crate::app::ItemsModel>, AppError> {
        self.consulted.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(model) = self.model.get() {
            return Ok(model.clone());
        }
        let projection = match self.warm {
            Some(warm) => {
                let mut kept = warm.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                crate::app::ItemsProjection::warmed(&mut kept, self.store)?
            }
            None => {
                let mut projection = crate::app::ItemsProjection::load(self.store);
                if projection.refresh(self.store)? {
                    *self
                        .caught_up
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(projection.clone());
                }
                projection
            }
        };
        let mut items = projection.items;
        // Items the model leaves out because they are archived, but that current items
        // link to: their groups come in whole (links never leave a group), so a decision
        // about links sees every edge a store that never archives would.
        let linked: Vec<WorkItemId> = items
            .values()
            .flat_map(|item| {
                item.parent
                    .into_iter()
                    .chain(item.dependencies.iter().map(|d| d.id))
            })
            .filter(|id| projection.archived.contains(id) && !items.contains_key(id))
            .collect();
        self.add_archived_groups(&mut items, linked)?;
        Ok(self.model.get_or_init(|| std::sync::Arc::new(items)).clone())
    }

    /// [`Self::read_model`] with the groups of `named` items that are archived (the item a
    /// new link points at, a new parent): a link to finished, archived work is decided as
    /// if it were not archived.
    pub(super) fn read_model_with(
        &self,
        named: &[WorkItemId],
    ) -> Result<std::sync::Arc<crate::app::ItemsModel>, AppError> {
        let model = self.read_model()?;
        if named.iter().all(|id| model.contains_key(id)) {
            return Ok(model);
        }
        let mut items = (*model).clone();
        self.add_archived_groups(&mut items, named.iter().copied())?;
        Ok(std::sync::Arc::new(items))
    }

    /// Loads, from their streams, every item archived together with any of `ids`.
    pub(super) fn add_archived_groups(
        &self,
        items: &mut crate::app::ItemsModel,
        ids: impl IntoIterator<Item = WorkItemId>,
    ) -> Result<(), AppError> {
        let repository = ItemRepository::new(self.store);
        for id in ids {
            if items.contains_key(&id) {
                continue;
            }
            for member in self.store.archived_group(&stream_for(id)?)? {
                if let Some(member_id) = crate::app::repository::id_of_stream(&member) {
                    if let Some(item) = repository.load(member_id)? {
                        items.insert(member_id, item);
                    }
                }
            }
        }
        Ok(())
    }

    /// After a command has written: saves the read model it caught up (as of before its
    /// own events, which the next reader applies). Without this, writes that follow each
    /// other with no read between would each catch up from an ever older cache — at
    /// 100,000 items, a status change of 1,000 ids took 8 s after 35 such commands.
    pub(super) fn keep_read_model(&self) {
        let caught_up = self
            .caught_up
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        if let Some(projection) = caught_up {
            projection.save(self.store);
        }
        // The item index (where there is one) takes this command's events now, so that the
        // next write finds it current and asks it for links instead of the whole model.
        let mut slot = self
            .index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let kept = match std::mem::replace(&mut *slot, IndexSlot::Absent) {
            // The index this command asked, caught up to before its events: kept, and
            // brought past them.
            IndexSlot::Current(mut index) => index
                .commit()
                .and_then(|()| index.catch_up(self.store))
                .ok()
                .map(|()| index),
            _ if self.consulted.load(std::sync::atomic::Ordering::Relaxed)
                && self
                    .store
                    .cache_file(crate::app::item_index::FILE)
                    .is_some_and(|path| path.exists()) =>
            {
                crate::app::item_index::ItemIndex::current(self.store)
                    .ok()
                    .flatten()
            }
            _ => None,
        };
        if let Some(index) = kept {
            *slot = IndexSlot::Current(index);
        }
    }

    /// After a command that wrote nothing: what the index caught up for its decisions is
    /// rolled back, and the next command asks again.
    pub(super) fn forget_index(&self) {
        let mut slot = self
            .index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if matches!(&*slot, IndexSlot::Current(index) if index.is_pending()) {
            *slot = IndexSlot::Unasked;
        }
    }

    /// The open children and the open blockers of `id`: asked of the item index when it
    /// is current (a few rows, whatever the project's size), else found in the whole model.
    pub(super) fn links_of(&self, id: WorkItemId) -> Result<(Vec<WorkItemId>, Vec<WorkItemId>), AppError> {
        if let Some(found) = self.ask_index(|index| index.open_links(id).map(Some)) {
            return Ok(found);
        }
        let links = self.open_links()?;
        Ok((links.children(id), links.blockers(id)))
    }

    /// What a new link of `target` to `other` is decided on: `other` as it stands, and the
    /// blocking edges a cycle through `edge` (the link's own, if it blocks) could take —
    /// from the item index, walked from the edge's far end, when it can tell; else every
    /// edge of the whole model (at 100,000 items, half a second).
    pub(super) fn link_graph(
        &self,
        target: WorkItemId,
        other: WorkItemId,
        edge: Option<(WorkItemId, WorkItemId)>,
    ) -> Result<(Option<WorkItem>, BlockingEdges), AppError> {
        let asked = self.ask_index(|index| {
            // An item the index lacks (archived) may hold links no row records.
            let Some(other_item) = index.item(other)? else {
                return Ok(None);
            };
            if index.item(target)?.is_none() {
                return Ok(None);
            }
            let edges = match edge {
                Some((_, to)) => index.blocking_reach(to)?,
                None => Some(BTreeSet::new()),
            };
            Ok(edges.map(|edges| (Some(other_item), edges)))
        });
        if let Some(found) = asked {
            return Ok(found);
        }
        let items = self.read_model_with(&[other, target])?;
        Ok((items.get(&other).cloned(), blocking_edges(items.values())))
    }

    /// `parent` and the chain of its parents, all a new parent link is checked against:
    /// from the item index when it holds the whole chain, else from the whole model.
    pub(super) fn ancestry(
        &self,
        parent: WorkItemId,
    ) -> Result<std::sync::Arc<crate::app::ItemsModel>, AppError> {
        match self.ask_index(|index| index.ancestry(parent)) {
            Some(chain) => Ok(std::sync::Arc::new(chain)),
            None => self.read_model_with(&[parent]),
        }
    }

    /// Asks the item index when it is current and no warm model is kept (a long-running
    /// front door holds the whole model already). `None` when there is no usable index, it
    /// fails, or `ask` finds it cannot tell: the caller reads the whole model.
    pub(super) fn ask_index<T>(
        &self,
        ask: impl FnOnce(
            &crate::app::item_index::ItemIndex,
        ) -> Result<Option<T>, crate::app::item_index::IndexError>,
    ) -> Option<T> {
        self.consulted.store(true, std::sync::atomic::Ordering::Relaxed);
        if self.warm.is_some() {
            return None;
        }
        let mut slot = self
            .index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if matches!(*slot, IndexSlot::Unasked) {
            *slot = match crate::app::item_index::ItemIndex::for_write(self.store) {
                Some(index) => IndexSlot::Current(index),
                None => IndexSlot::Absent,
            };
        }
        match &*slot {
            IndexSlot::Current(index) => ask(index).ok().flatten(),
            _ => None,
        }
    }

    /// The open children and blockers of every item in [`Self::read_model`].
    pub(super) fn open_links(&self) -> Result<std::sync::Arc<OpenLinks>, AppError> {
        if let Some(links) = self.open_links.get() {
            return Ok(links.clone());
        }
        let links = OpenLinks::of(&*self.read_model()?);
        Ok(self.open_links.get_or_init(|| std::sync::Arc::new(links)).clone())
    }
}
