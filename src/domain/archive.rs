//! Which closed work can be archived. Items that refer to each other (parent and child,
//! dependencies either way) are archived together or not at all, and come back together:
//! so the current items never name an archived item that an open one still needs, and a
//! reopened item finds its parent and children with it.

use std::collections::BTreeMap;

use super::{WorkItem, WorkItemId};
use crate::timestamp::Timestamp;

/// What `jerry archive` would move: groups of linked items, every one of them finished
/// (done or cancelled) or deleted, and unchanged since before the cut-off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArchivePlan {
    /// Each group in id order; groups ordered by their first id.
    pub groups: Vec<Vec<WorkItemId>>,
    /// Finished before the cut-off, but linked to an item that is open or changed since:
    /// they stay until the whole group can go.
    pub held_back: Vec<WorkItemId>,
}

/// Groups `items` by their links and keeps the groups whose every member finished before
/// `before` (its last change, `updated_at`, is earlier). Links to items not in `items`
/// (archived earlier) do not hold anything back.
pub fn plan_archive(items: &BTreeMap<WorkItemId, WorkItem>, before: Timestamp) -> ArchivePlan {
    let ids: Vec<WorkItemId> = items.keys().copied().collect();
    let index: BTreeMap<WorkItemId, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    fn root(parent: &mut [usize], mut at: usize) -> usize {
        while parent[at] != at {
            parent[at] = parent[parent[at]];
            at = parent[at];
        }
        at
    }
    for (at, item) in items.values().enumerate() {
        let named = item.parent.iter().chain(item.dependencies.iter().map(|d| &d.id));
        for other in named {
            if let Some(&other) = index.get(other) {
                let (a, b) = (root(&mut parent, at), root(&mut parent, other));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<WorkItemId>> = BTreeMap::new();
    for (at, id) in ids.iter().enumerate() {
        let group = root(&mut parent, at);
        groups.entry(group).or_default().push(*id);
    }
    let leaves = |item: &WorkItem| !item.status.is_open() && item.updated_at < before;
    let mut plan = ArchivePlan::default();
    for (_, members) in groups {
        let going = members
            .iter()
            .filter(|id| items.get(id).is_some_and(leaves))
            .count();
        if going == members.len() {
            plan.groups.push(members);
        } else if going > 0 {
            plan.held_back
                .extend(members.into_iter().filter(|id| items.get(id).is_some_and(leaves)));
        }
    }
    plan.held_back.sort();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Dependency, DependencyType, NewWorkItem, Status, WorkType};

    fn at(day: i64) -> Timestamp {
        Timestamp::from_unix_micros(1_767_225_600_000_000 + day * 86_400_000_000).unwrap()
    }

    fn id(n: u64) -> WorkItemId {
        WorkItemId::new(n).unwrap()
    }

    /// Item `n` in `status`, last changed on `day`.
    fn item(n: u64, status: Status, day: i64) -> WorkItem {
        let new = NewWorkItem {
            title: format!("item {n}"),
            work_type: WorkType::Task,
            ..NewWorkItem::default()
        };
        let created = new.created(id(n), ulid::Ulid::nil());
        let mut item = WorkItem::replay(vec![(Some(created), 1, at(0), "tester")])
            .unwrap()
            .unwrap();
        item.status = status;
        item.updated_at = at(day);
        item
    }

    fn model(items: Vec<WorkItem>) -> BTreeMap<WorkItemId, WorkItem> {
        items.into_iter().map(|item| (item.id, item)).collect()
    }

    #[test]
    fn finished_items_left_alone_since_the_cut_off_go_each_on_its_own() {
        let items = model(vec![
            item(1, Status::Done, 1),
            item(2, Status::Cancelled, 2),
            item(3, Status::Done, 40),
            item(4, Status::Pending, 1),
        ]);
        let plan = plan_archive(&items, at(30));
        assert_eq!(plan.groups, vec![vec![id(1)], vec![id(2)]]);
        assert!(plan.held_back.is_empty());
    }

    #[test]
    fn linked_items_go_together_or_stay_together() {
        let mut parent = item(1, Status::Done, 1);
        let mut child = item(2, Status::Done, 1);
        child.parent = Some(parent.id);
        let mut blocked = item(3, Status::Pending, 1);
        blocked.dependencies.push(Dependency {
            id: id(4),
            kind: DependencyType::BlockedBy,
        });
        let blocker = item(4, Status::Done, 1);
        parent.dependencies.push(Dependency {
            id: id(9),
            kind: DependencyType::Related,
        });
        let items = model(vec![parent, child, blocked, blocker]);
        let plan = plan_archive(&items, at(30));
        assert_eq!(plan.groups, vec![vec![id(1), id(2)]]);
        assert_eq!(plan.held_back, vec![id(4)]);
    }
}
