use super::*;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix_micros(1_768_219_200_000_000 + seconds * 1_000_000).unwrap()
}

fn id(n: u64) -> WorkItemId {
    WorkItemId::new(n).unwrap()
}

fn new_item() -> (WorkItem, Vec<(Option<WorkItemEvent>, u64, Timestamp)>) {
    let input = NewWorkItem {
        title: "Fix login".into(),
        ..NewWorkItem::default()
    };
    let created = input.created(id(1), Ulid::nil());
    let history = vec![(Some(created), 1, at(0))];
    let item = WorkItem::replay(history.clone()).unwrap().unwrap();
    (item, history)
}

/// Applies new events to the history and checks that a replay from scratch agrees with
/// the incrementally updated item.
fn record(
    item: &mut WorkItem,
    history: &mut Vec<(Option<WorkItemEvent>, u64, Timestamp)>,
    events: Vec<WorkItemEvent>,
    now: Timestamp,
) {
    for event in events {
        let version = item.version + 1;
        item.apply(Some(&event), version, now);
        history.push((Some(event), version, now));
    }
    assert_eq!(WorkItem::replay(history.clone()).unwrap().as_ref(), Some(&*item));
}

#[test]
fn a_new_item_is_pending_with_defaults() {
    let (item, _) = new_item();
    assert_eq!(item.status, Status::Pending);
    assert_eq!(item.work_type, WorkType::Task);
    assert_eq!(item.priority, Priority::Medium);
    assert_eq!(item.version, 1);
}

#[test]
fn blank_titles_are_refused_but_odd_characters_kept() {
    let blank = NewWorkItem {
        title: " \t\n".into(),
        ..NewWorkItem::default()
    };
    assert_eq!(blank.validate(), Err(DomainError::EmptyTitle));
    let odd = NewWorkItem {
        title: "line\nbreak\u{7}".into(),
        ..NewWorkItem::default()
    };
    assert_eq!(odd.validate(), Ok(()));
    let WorkItemEvent::Created(created) = odd.created(id(1), Ulid::nil()) else {
        panic!("not a creation")
    };
    assert_eq!(created.title, "line\nbreak\u{7}");
}

#[test]
fn status_changes_follow_the_graph_for_every_pair() {
    let (base, _) = new_item();
    for from in Status::ALL {
        for to in Status::ALL {
            let item = WorkItem {
                status: from,
                ..base.clone()
            };
            let result = item.change_status(to, Some("why".into()), at(90));
            assert_eq!(result.is_ok(), from.can_move_to(to), "{from} -> {to}");
            if let Err(err) = result {
                assert_eq!(err, DomainError::InvalidTransition { id: id(1), from, to });
            }
        }
    }
}

#[test]
fn finishing_records_completion_with_duration() {
    let (mut item, mut history) = new_item();
    let start = item.change_status(Status::InProgress, None, at(10)).unwrap();
    record(&mut item, &mut history, start, at(10));
    let done = item
        .change_status(Status::Done, Some("shipped".into()), at(70))
        .unwrap();
    assert_eq!(done.len(), 2);
    assert_eq!(
        done[1],
        WorkItemEvent::Completed(WorkItemCompleted {
            final_status: Status::Done,
            duration_seconds: 70,
            duration_ms: 70_000,
            completion_reason: Some("shipped".into()),
        })
    );
    record(&mut item, &mut history, done, at(70));
    assert_eq!(item.status, Status::Done);
    assert_eq!(item.version, 4);
    assert_eq!(item.updated_at, at(70));
}

#[test]
fn blocking_needs_a_reason() {
    let (mut item, mut history) = new_item();
    let start = item.change_status(Status::InProgress, None, at(1)).unwrap();
    record(&mut item, &mut history, start, at(1));
    assert_eq!(
        item.change_status(Status::Blocked, Some("  ".into()), at(2)),
        Err(DomainError::MissingReason { id: id(1) })
    );
    assert!(item
        .change_status(Status::Blocked, Some("keys".into()), at(2))
        .is_ok());
}

#[test]
fn priority_assignee_and_dependencies() {
    let (mut item, mut history) = new_item();
    assert!(matches!(
        item.change_priority(Priority::Medium, None),
        Err(DomainError::Unchanged { .. })
    ));
    let events = item.change_priority(Priority::High, None).unwrap();
    record(&mut item, &mut history, events, at(1));
    let events = item.assign(Some("ann".into())).unwrap();
    record(&mut item, &mut history, events, at(2));
    assert!(item.assign(Some("ann".into())).is_err());
    assert!(item.assign(Some(String::new())).is_err());
    let events = item.add_dependency(id(2), DependencyType::Blocks).unwrap();
    record(&mut item, &mut history, events, at(3));
    assert!(matches!(
        item.add_dependency(id(2), DependencyType::Related),
        Err(DomainError::DuplicateDependency { .. })
    ));
    assert!(matches!(
        item.add_dependency(id(1), DependencyType::Related),
        Err(DomainError::SelfDependency { .. })
    ));
    assert!(matches!(
        item.remove_dependency(id(9)),
        Err(DomainError::NoSuchDependency { .. })
    ));
    let events = item.remove_dependency(id(2)).unwrap();
    record(&mut item, &mut history, events, at(4));
    assert_eq!(item.priority, Priority::High);
    assert_eq!(item.assignee.as_deref(), Some("ann"));
    assert!(item.dependencies.is_empty());
}

#[test]
fn replay_counts_unknown_events_and_needs_a_creation_first() {
    let (_, mut history) = new_item();
    history.push((None, 2, at(5)));
    let item = WorkItem::replay(history).unwrap().unwrap();
    assert_eq!(item.version, 2);
    assert!(WorkItem::replay(vec![(None, 1, at(0))]).is_err());
    assert_eq!(WorkItem::replay(Vec::new()).unwrap(), None);
}
