use super::*;
use crate::domain::{Dependency, NewWorkItem, Priority};
use crate::timestamp::Timestamp;

fn id(n: u64) -> WorkItemId {
    WorkItemId::new(n).unwrap()
}

/// Item `n`, created `n` seconds in, of `work_type` and `priority`.
fn item(n: u64, work_type: WorkType, priority: Priority) -> WorkItem {
    let new = NewWorkItem {
        title: format!("item {n}"),
        work_type,
        priority,
        ..NewWorkItem::default()
    };
    let at = Timestamp::from_unix_micros(1_768_219_200_000_000 + n as i64 * 1_000_000).unwrap();
    let created = new.created(id(n), ulid::Ulid::nil());
    WorkItem::replay(vec![(Some(created), 1, at, "tester")])
        .unwrap()
        .unwrap()
}

fn task(n: u64) -> WorkItem {
    item(n, WorkType::Task, Priority::Medium)
}

fn link(item: &mut WorkItem, other: u64, kind: DependencyType) {
    item.dependencies.push(Dependency { id: id(other), kind });
}

fn project(items: Vec<WorkItem>) -> BTreeMap<WorkItemId, WorkItem> {
    items.into_iter().map(|item| (item.id, item)).collect()
}

fn ids(items: &[WorkItem]) -> Vec<u64> {
    items.iter().map(|item| item.id.number()).collect()
}

#[test]
fn blocks_and_blocked_by_are_the_same_edge_and_related_is_none() {
    let mut one = task(1);
    let mut two = task(2);
    link(&mut one, 2, DependencyType::Blocks);
    link(&mut two, 1, DependencyType::BlockedBy);
    link(&mut two, 3, DependencyType::Related);
    let edges = blocking_edges([&one, &two]);
    assert_eq!(edges.into_iter().collect::<Vec<_>>(), [(id(1), id(2))]);
    assert_eq!(
        edge_for(id(1), id(2), DependencyType::Blocks),
        Some((id(1), id(2)))
    );
    assert_eq!(
        edge_for(id(1), id(2), DependencyType::BlockedBy),
        Some((id(2), id(1)))
    );
    assert_eq!(edge_for(id(1), id(2), DependencyType::Related), None);
}

#[test]
fn a_link_closing_a_cycle_is_refused_and_named_from_the_new_link() {
    // 1 → 2 → 3; adding 3 → 1 closes 3 → 1 → 2 → 3.
    let edges = BTreeSet::from([(id(1), id(2)), (id(2), id(3))]);
    let err = check_blocking_cycle(&edges, (id(3), id(1))).unwrap_err();
    assert_eq!(
        err,
        DomainError::Cycle {
            kind: "blocking",
            path: vec![id(3), id(1), id(2), id(3)]
        }
    );
    // A shortcut in the same direction is no cycle.
    assert!(check_blocking_cycle(&edges, (id(1), id(3))).is_ok());
    // Nor is a link between unconnected items.
    assert!(check_blocking_cycle(&edges, (id(4), id(1))).is_ok());
}

#[test]
fn ready_work_has_no_open_blocker_and_comes_by_priority_then_age() {
    let low = item(1, WorkType::Task, Priority::Low);
    let old_medium = item(2, WorkType::Task, Priority::Medium);
    let critical = item(3, WorkType::Bug, Priority::Critical);
    let new_medium = item(4, WorkType::Task, Priority::Medium);
    let mut waiting = item(5, WorkType::Task, Priority::Critical);
    link(&mut waiting, 2, DependencyType::BlockedBy);
    let mut started = task(6);
    started.status = Status::InProgress;
    let mut finished = task(7);
    finished.status = Status::Done;
    let mut freed = task(8);
    link(&mut freed, 7, DependencyType::BlockedBy);
    let items = project(vec![
        low, old_medium, critical, new_medium, waiting, started, finished, freed,
    ]);

    let (ready, blocked) = ready_and_blocked(&items);
    assert_eq!(
        ids(&ready),
        [3, 2, 4, 8, 1],
        "critical first, then medium by age, low last"
    );
    assert_eq!(blocked.len(), 1);
    assert_eq!(blocked[0].item.id, id(5));
    assert_eq!(blocked[0].blocked_by, [id(2)]);
}

#[test]
fn finishing_a_blocker_frees_only_blocked_items_with_no_other_open_blocker() {
    let mut first = task(1);
    first.status = Status::Done;
    let second = task(2);
    let mut only_first = task(3);
    only_first.status = Status::Blocked;
    link(&mut only_first, 1, DependencyType::BlockedBy);
    let mut both = task(4);
    both.status = Status::Blocked;
    link(&mut both, 1, DependencyType::BlockedBy);
    link(&mut both, 2, DependencyType::BlockedBy);
    let mut pending = task(5);
    link(&mut pending, 1, DependencyType::BlockedBy);
    let items = project(vec![first, second, only_first, both, pending]);
    assert_eq!(unblocked_by(&items, id(1)), [id(3)]);
}

#[test]
fn parents_rank_above_children_and_never_loop() {
    let epic = item(1, WorkType::Epic, Priority::Medium);
    let mut story = item(2, WorkType::Story, Priority::Medium);
    story.parent = Some(id(1));
    let mut subtask = item(3, WorkType::Subtask, Priority::Medium);
    subtask.parent = Some(id(2));
    let items = project(vec![epic.clone(), story.clone(), subtask.clone()]);

    assert!(check_parent(&items, None, WorkType::Task, &story).is_ok());
    assert!(matches!(
        check_parent(&items, None, WorkType::Epic, &story),
        Err(DomainError::InvalidParent { .. })
    ));
    assert!(matches!(
        check_parent(&items, None, WorkType::Story, &subtask),
        Err(DomainError::InvalidParent { .. })
    ));
    // Moving item 1 under its own grandchild 3 (typed so the ranks allow it) closes a
    // loop, named from the child up.
    let mut looped = items.clone();
    let grandchild = looped.get_mut(&id(3)).unwrap();
    grandchild.work_type = WorkType::Epic;
    let grandchild = grandchild.clone();
    assert_eq!(
        check_parent(&looped, Some(id(1)), WorkType::Subtask, &grandchild),
        Err(DomainError::Cycle {
            kind: "parent",
            path: vec![id(1), id(3), id(2), id(1)]
        })
    );
    // A loop a foreign log made above the new parent ends the walk where it comes round,
    // however many items there are.
    let mut four = item(4, WorkType::Epic, Priority::Medium);
    four.parent = Some(id(5));
    let mut five = item(5, WorkType::Epic, Priority::Medium);
    five.parent = Some(id(4));
    let mut foreign = items.clone();
    foreign.extend(project(vec![four.clone(), five]));
    assert_eq!(
        check_parent(&foreign, Some(id(3)), WorkType::Subtask, &four),
        Err(DomainError::Cycle {
            kind: "parent",
            path: vec![id(3), id(4), id(5), id(4)]
        })
    );
}

#[test]
fn the_tree_nests_children_shows_links_and_focuses_on_a_branch() {
    let epic = item(1, WorkType::Epic, Priority::Medium);
    let mut a = item(2, WorkType::Story, Priority::Medium);
    a.parent = Some(id(1));
    let mut b = item(3, WorkType::Story, Priority::Medium);
    b.parent = Some(id(1));
    link(&mut b, 2, DependencyType::BlockedBy);
    let lone = task(4);
    let items = project(vec![epic, a, b, lone]);

    let roots = tree(&items, None);
    assert_eq!(roots.iter().map(|n| n.id.number()).collect::<Vec<_>>(), [1, 4]);
    let children: Vec<u64> = roots[0].children.iter().map(|n| n.id.number()).collect();
    assert_eq!(children, [2, 3]);
    assert_eq!(roots[0].children[0].blocks, [id(3)]);
    assert_eq!(roots[0].children[1].blocked_by, [id(2)]);

    let branch = tree(&items, Some(id(3)));
    assert_eq!(branch.len(), 1);
    assert_eq!(branch[0].id, id(1), "the branch starts at the top ancestor");
    assert_eq!(branch[0].children.len(), 1, "only the focused child");
    assert_eq!(branch[0].children[0].id, id(3));
}
