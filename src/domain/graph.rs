//! What the links between items mean: the blocking graph (who must finish before whom),
//! the parent hierarchy, and what follows from them — cycles refused, the work that is
//! ready, what blocks the rest, and the tree. Pure functions of the items.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{DependencyType, DomainError, Status, WorkItem, WorkItemId, WorkType};

/// Blocking links as `(blocker, blocked)` pairs: the graph a cycle check walks.
pub type BlockingEdges = BTreeSet<(WorkItemId, WorkItemId)>;

/// `(blocker, blocked)` for every blocking link among `items`: `A blocks B` and `B
/// blocked_by A` are the same edge, A → B. `related` links are not edges.
pub fn blocking_edges<'a>(items: impl IntoIterator<Item = &'a WorkItem>) -> BlockingEdges {
    let mut edges = BTreeSet::new();
    for item in items {
        for dependency in &item.dependencies {
            match dependency.kind {
                DependencyType::Blocks => edges.insert((item.id, dependency.id)),
                DependencyType::BlockedBy => edges.insert((dependency.id, item.id)),
                DependencyType::Related => false,
            };
        }
    }
    edges
}

/// The edge a new dependency of `item` on `other` would add, if it is a blocking one.
pub fn edge_for(
    item: WorkItemId,
    other: WorkItemId,
    kind: DependencyType,
) -> Option<(WorkItemId, WorkItemId)> {
    match kind {
        DependencyType::Blocks => Some((item, other)),
        DependencyType::BlockedBy => Some((other, item)),
        DependencyType::Related => None,
    }
}

/// Refuses an edge that would close a cycle of blocking links, naming it.
pub fn check_blocking_cycle(edges: &BlockingEdges, new: (WorkItemId, WorkItemId)) -> Result<(), DomainError> {
    let (from, to) = new;
    // The new edge from → to, then a path to → … → from, is a cycle; it is named
    // starting with the new link.
    match path(edges, to, from) {
        Some(back) => {
            let mut cycle = vec![from];
            cycle.extend(back);
            Err(DomainError::Cycle {
                kind: "blocking",
                path: cycle,
            })
        }
        None => Ok(()),
    }
}

/// A path of edges from `start` to `goal` (both included), breadth first.
fn path(edges: &BlockingEdges, start: WorkItemId, goal: WorkItemId) -> Option<Vec<WorkItemId>> {
    let mut came_from: BTreeMap<WorkItemId, WorkItemId> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    let mut seen = BTreeSet::from([start]);
    while let Some(node) = queue.pop_front() {
        if node == goal {
            let mut path = vec![goal];
            let mut at = goal;
            while let Some(previous) = came_from.get(&at) {
                path.push(*previous);
                at = *previous;
            }
            path.reverse();
            return Some(path);
        }
        for &(_, next) in edges
            .range((node, WorkItemId::MIN)..)
            .take_while(|(a, _)| *a == node)
        {
            if seen.insert(next) {
                came_from.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    None
}

/// For each blocked item, its blockers: one pass over the links, so the lists that use it
/// cost O(items + links).
fn blockers_of(items: &BTreeMap<WorkItemId, WorkItem>) -> BTreeMap<WorkItemId, Vec<WorkItemId>> {
    let mut blockers: BTreeMap<WorkItemId, Vec<WorkItemId>> = BTreeMap::new();
    for (blocker, blocked) in blocking_edges(items.values()) {
        blockers.entry(blocked).or_default().push(blocker);
    }
    blockers
}

/// Each item's open children and open blockers, found in one pass over the items: what the
/// warnings of a status change look up, once for a command that names many items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenLinks {
    children: BTreeMap<WorkItemId, Vec<WorkItemId>>,
    blockers: BTreeMap<WorkItemId, Vec<WorkItemId>>,
}

impl OpenLinks {
    pub fn of(items: &BTreeMap<WorkItemId, WorkItem>) -> Self {
        let mut links = Self::default();
        for item in items.values().filter(|item| is_open(item.status)) {
            if let Some(parent) = item.parent {
                links.children.entry(parent).or_default().push(item.id);
            }
        }
        for (blocker, blocked) in blocking_edges(items.values()) {
            if blocker != blocked && items.get(&blocker).is_some_and(|b| is_open(b.status)) {
                links.blockers.entry(blocked).or_default().push(blocker);
            }
        }
        for blockers in links.blockers.values_mut() {
            blockers.sort();
            blockers.dedup();
        }
        links
    }

    /// The open children of `id`, in id order.
    pub fn children(&self, id: WorkItemId) -> Vec<WorkItemId> {
        self.children.get(&id).cloned().unwrap_or_default()
    }

    /// The open items that block `id`, in id order.
    pub fn blockers(&self, id: WorkItemId) -> Vec<WorkItemId> {
        self.blockers.get(&id).cloned().unwrap_or_default()
    }
}

/// The open children of `id`, in id order.
pub fn open_children(items: &BTreeMap<WorkItemId, WorkItem>, id: WorkItemId) -> Vec<WorkItemId> {
    OpenLinks::of(items).children(id)
}

/// The open items that block `id`, in id order.
pub fn open_blockers(items: &BTreeMap<WorkItemId, WorkItem>, id: WorkItemId) -> Vec<WorkItemId> {
    OpenLinks::of(items).blockers(id)
}

/// An item's links seen from both ends: each link is recorded on one of its two items
/// but belongs to both. Part of `items show --json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Links {
    /// Items whose parent this is.
    pub children: Vec<WorkItemId>,
    /// Items that wait for this one.
    pub blocks: Vec<WorkItemId>,
    /// Items this one waits for.
    pub blocked_by: Vec<WorkItemId>,
    /// Items linked as related, from either side.
    pub related: Vec<WorkItemId>,
}

/// The links of `id` among `items`, each list in id order.
pub fn links<'a>(items: impl IntoIterator<Item = &'a WorkItem>, id: WorkItemId) -> Links {
    let mut links = Links::default();
    for item in items {
        if item.parent == Some(id) {
            links.children.push(item.id);
        }
        for dependency in &item.dependencies {
            let (this_side, peer) = if item.id == id {
                (true, dependency.id)
            } else if dependency.id == id {
                (false, item.id)
            } else {
                continue;
            };
            let list = match (dependency.kind, this_side) {
                (DependencyType::Blocks, true) | (DependencyType::BlockedBy, false) => &mut links.blocks,
                (DependencyType::BlockedBy, true) | (DependencyType::Blocks, false) => &mut links.blocked_by,
                (DependencyType::Related, _) => &mut links.related,
            };
            list.push(peer);
        }
    }
    for list in [
        &mut links.children,
        &mut links.blocks,
        &mut links.blocked_by,
        &mut links.related,
    ] {
        list.sort_unstable();
        list.dedup();
    }
    links
}

/// Pending, in progress or blocked: neither finished nor deleted.
fn is_open(status: Status) -> bool {
    status.is_open()
}

/// An open item and the open items that block it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockedItem {
    pub item: WorkItem,
    pub blocked_by: Vec<WorkItemId>,
}

/// Splits the open items into the ready ones — pending, no blocker still open, no open
/// children (a parent is finished through its children), ordered by priority, then the
/// earliest due date, then age: the list to pick the next task from — and the blocked
/// ones: pending and in-progress items with an open blocker, and items blocked by hand (`items block`,
/// their reason on the item), each with the open items that block it.
pub fn ready_and_blocked(items: &BTreeMap<WorkItemId, WorkItem>) -> (Vec<WorkItem>, Vec<BlockedItem>) {
    let blockers = blockers_of(items);
    let mut has_open_children = std::collections::BTreeSet::new();
    for item in items.values() {
        if let Some(parent) = item.parent.filter(|_| is_open(item.status)) {
            has_open_children.insert(parent);
        }
    }
    let mut ready = Vec::new();
    let mut blocked = Vec::new();
    for item in items.values() {
        // Work in progress that still has an open blocker waits on it too (started early,
        // or the blocker was reopened): it is blocked, never ready.
        if !matches!(
            item.status,
            Status::Pending | Status::Blocked | Status::InProgress
        ) {
            continue;
        }
        let open_blockers: Vec<WorkItemId> = blockers
            .get(&item.id)
            .into_iter()
            .flatten()
            .copied()
            .filter(|blocker| *blocker != item.id && items.get(blocker).is_some_and(|b| is_open(b.status)))
            .collect();
        if item.status == Status::Blocked || !open_blockers.is_empty() {
            blocked.push(BlockedItem {
                item: item.clone(),
                blocked_by: open_blockers,
            });
        } else if item.status == Status::Pending && !has_open_children.contains(&item.id) {
            ready.push(item.clone());
        }
    }
    ready.sort_by_key(ready_order);
    blocked.sort_by(|a, b| {
        (a.item.priority_rank(), a.item.created_at, a.item.id).cmp(&(
            b.item.priority_rank(),
            b.item.created_at,
            b.item.id,
        ))
    });
    (ready, blocked)
}

/// Priority, then the earliest due date (items without one after those with one), then
/// age, then id.
fn ready_order(
    item: &WorkItem,
) -> (
    usize,
    bool,
    Option<crate::timestamp::Timestamp>,
    crate::timestamp::Timestamp,
    WorkItemId,
) {
    (
        item.priority_rank(),
        item.due.is_none(),
        item.due,
        item.created_at,
        item.id,
    )
}

/// Open items that `finished` blocks which are `blocked` and, with it finished, have no open
/// blocker left: what the unblock-dependents policy moves back to in progress.
pub fn unblocked_by(items: &BTreeMap<WorkItemId, WorkItem>, finished: WorkItemId) -> Vec<WorkItemId> {
    let edges = blocking_edges(items.values());
    let blockers = blockers_of(items);
    edges
        .range((finished, WorkItemId::MIN)..)
        .take_while(|(blocker, _)| *blocker == finished)
        .map(|(_, dependent)| *dependent)
        .filter(|dependent| {
            items.get(dependent).is_some_and(|d| d.status == Status::Blocked)
                && blockers
                    .get(dependent)
                    .into_iter()
                    .flatten()
                    .all(|blocker| items.get(blocker).is_none_or(|b| !is_open(b.status)))
        })
        .collect()
}

/// How deep a type sits in the hierarchy: epic → story → task, bug, spike → subtask. A
/// parent must sit strictly higher than its child.
/// Whether an item of type `parent` may have one of type `child` under it.
pub fn ranks_above(parent: WorkType, child: WorkType) -> bool {
    level(parent) < level(child)
}

fn level(work_type: WorkType) -> u8 {
    match work_type {
        WorkType::Epic => 0,
        WorkType::Story => 1,
        WorkType::Task | WorkType::Bug | WorkType::Spike => 2,
        WorkType::Subtask => 3,
    }
}

/// Checks that `child` (of type `child_type`) may hang under `parent`: the parent ranks
/// above it (epic → story → task → subtask) and is not the child or one of its descendants.
pub fn check_parent(
    items: &BTreeMap<WorkItemId, WorkItem>,
    child: Option<WorkItemId>,
    child_type: WorkType,
    parent: &WorkItem,
) -> Result<(), DomainError> {
    if child == Some(parent.id) {
        return Err(DomainError::OwnParent { id: parent.id });
    }
    if level(parent.work_type) >= level(child_type) {
        return Err(DomainError::InvalidParent {
            parent: parent.id,
            parent_type: parent.work_type,
            child_type,
        });
    }
    if let Some(child) = child {
        // Walk up from the parent: meeting the child means the link would close a loop;
        // meeting an ancestor again, a loop a foreign log made, ends the walk there too.
        let mut chain = vec![child, parent.id];
        let mut seen = BTreeSet::from([parent.id]);
        let mut at = parent.parent;
        while let Some(id) = at {
            chain.push(id);
            if id == child || !seen.insert(id) {
                return Err(DomainError::Cycle {
                    kind: "parent",
                    path: chain,
                });
            }
            at = items.get(&id).and_then(|item| item.parent);
        }
        if parent.id == child {
            return Err(DomainError::Cycle {
                kind: "parent",
                path: vec![child, child],
            });
        }
    }
    Ok(())
}

/// One node of `items tree`: the item, its links, and its children.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TreeNode {
    pub id: WorkItemId,
    pub title: String,
    #[serde(rename = "type")]
    pub work_type: WorkType,
    pub status: Status,
    pub priority: super::Priority,
    pub blocks: Vec<WorkItemId>,
    pub blocked_by: Vec<WorkItemId>,
    pub related: Vec<WorkItemId>,
    pub children: Vec<TreeNode>,
}

/// The hierarchy as trees: every root (an item without a parent, or whose parent is
/// missing) with its descendants; with `focus`, only the branch from its top ancestor down
/// to it, and its whole subtree. Deleted items are not in it: their children are roots.
pub fn tree(items: &BTreeMap<WorkItemId, WorkItem>, focus: Option<WorkItemId>) -> Vec<TreeNode> {
    let present = |id: &WorkItemId| items.get(id).is_some_and(|item| item.status != Status::Deleted);
    let blockers = blockers_of(items);
    let mut blocking: BTreeMap<WorkItemId, Vec<WorkItemId>> = BTreeMap::new();
    for (blocker, blocked) in blocking_edges(items.values()) {
        blocking.entry(blocker).or_default().push(blocked);
    }
    let mut children: BTreeMap<WorkItemId, Vec<WorkItemId>> = BTreeMap::new();
    for item in items.values().filter(|item| present(&item.id)) {
        if let Some(parent) = item.parent.filter(|p| present(p)) {
            children.entry(parent).or_default().push(item.id);
        }
    }
    let present_of = |ids: Option<&Vec<WorkItemId>>| -> Vec<WorkItemId> {
        ids.into_iter()
            .flatten()
            .copied()
            .filter(|id| present(id))
            .collect()
    };
    let node = |id: WorkItemId, kids: Vec<TreeNode>| -> Option<TreeNode> {
        let item = items.get(&id).filter(|_| present(&id))?;
        let related = item
            .dependencies
            .iter()
            .filter(|d| d.kind == DependencyType::Related && present(&d.id))
            .map(|d| d.id)
            .collect();
        Some(TreeNode {
            id,
            title: item.title.clone(),
            work_type: item.work_type,
            status: item.status,
            priority: item.priority,
            blocks: present_of(blocking.get(&id)),
            blocked_by: present_of(blockers.get(&id)),
            related,
            children: kids,
        })
    };
    fn subtree(
        id: WorkItemId,
        children: &BTreeMap<WorkItemId, Vec<WorkItemId>>,
        node: &dyn Fn(WorkItemId, Vec<TreeNode>) -> Option<TreeNode>,
        depth: usize,
    ) -> Option<TreeNode> {
        // Depth is bounded by the number of items: parent links are checked acyclic, but a
        // log written by something else is not trusted to be.
        let kids = if depth > children.len() {
            Vec::new()
        } else {
            children
                .get(&id)
                .map(|ids| {
                    ids.iter()
                        .filter_map(|c| subtree(*c, children, node, depth + 1))
                        .collect()
                })
                .unwrap_or_default()
        };
        node(id, kids)
    }
    match focus {
        None => items
            .values()
            .filter(|item| item.parent.is_none_or(|p| !present(&p)))
            .filter_map(|item| subtree(item.id, &children, &node, 0))
            .collect(),
        Some(focus) => {
            let mut branch = subtree(focus, &children, &node, 0)
                .into_iter()
                .collect::<Vec<_>>();
            let mut at = items.get(&focus).and_then(|item| item.parent);
            let mut steps = 0;
            while let Some(parent) = at.filter(|p| present(p)) {
                steps += 1;
                if steps > items.len() {
                    break;
                }
                branch = node(parent, branch).into_iter().collect();
                at = items.get(&parent).and_then(|item| item.parent);
            }
            branch
        }
    }
}

#[cfg(test)]
mod tests;
