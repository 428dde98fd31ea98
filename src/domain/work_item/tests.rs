use super::*;

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix_micros(1_768_219_200_000_000 + seconds * 1_000_000).unwrap()
}

fn id(n: u64) -> WorkItemId {
    WorkItemId::new(n).unwrap()
}

/// An item's events with their versions, times and actors.
type History = Vec<(Option<WorkItemEvent>, u64, Timestamp, &'static str)>;

fn new_item() -> (WorkItem, History) {
    let input = NewWorkItem {
        title: "Fix login".into(),
        ..NewWorkItem::default()
    };
    let created = input.created(id(1), Ulid::nil());
    let history = vec![(Some(created), 1, at(0), "tester")];
    let item = WorkItem::replay(history.clone()).unwrap().unwrap();
    (item, history)
}

/// Applies new events to the history and checks that a replay from scratch agrees with
/// the incrementally updated item.
fn record(item: &mut WorkItem, history: &mut History, events: Vec<WorkItemEvent>, now: Timestamp) {
    record_by(item, history, events, now, "tester");
}

/// [`record`], written by `actor`.
fn record_by(
    item: &mut WorkItem,
    history: &mut History,
    events: Vec<WorkItemEvent>,
    now: Timestamp,
    actor: &'static str,
) {
    for event in events {
        let version = item.version + 1;
        item.apply(Some(&event), version, now, actor);
        history.push((Some(event), version, now, actor));
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
            if to == Status::Deleted {
                // Deleting is its own command, never a status move.
                assert_eq!(result, Err(DomainError::DeleteByCommand { id: id(1) }));
                continue;
            }
            if from == to {
                let what = to.to_string();
                assert_eq!(result, Err(DomainError::Unchanged { id: id(1), what }));
                continue;
            }
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
    history.push((None, 2, at(5), "tester"));
    let item = WorkItem::replay(history).unwrap().unwrap();
    assert_eq!(item.version, 2);
    assert!(WorkItem::replay(vec![(None, 1, at(0), "tester")]).is_err());
    assert_eq!(WorkItem::replay(History::new()).unwrap(), None);
}

fn claimed(lease: Option<u64>) -> (WorkItem, History) {
    let (mut item, mut history) = new_item();
    let events = item
        .claim("bot", lease.map(std::time::Duration::from_secs), at(10))
        .unwrap();
    record_by(&mut item, &mut history, events, at(10), "bot");
    (item, history)
}

#[test]
fn a_claim_assigns_starts_and_holds_until_the_lease_ends() {
    let (item, _) = claimed(Some(60));
    assert_eq!(item.status, Status::InProgress);
    assert_eq!(item.assignee.as_deref(), Some("bot"));
    assert_eq!(item.holder_at(at(69)).map(|c| c.until), Some(Some(at(70))));
    assert!(item.holder_at(at(70)).is_none(), "the lease ends at its end");
    let err = item.claim("other", None, at(30)).unwrap_err();
    assert!(
        matches!(err, DomainError::Claimed { ref holder, until: Some(u), .. } if holder == "bot" && u == at(70)),
        "{err}"
    );
}

#[test]
fn an_expired_lease_lapses_at_read_time_and_the_next_claim_takes_over() {
    let (item, mut history) = claimed(Some(60));
    let later = item.clone().lapsed(at(71));
    assert_eq!((later.status, later.assignee.as_deref()), (Status::Pending, None));
    assert!(later
        .claim
        .as_ref()
        .is_some_and(|c| c.expired && c.holder == "bot"));
    // The item as stored is unchanged: nobody wrote anything.
    assert_eq!(item.status, Status::InProgress);
    let events = later
        .claim("other", Some(std::time::Duration::from_secs(60)), at(71))
        .unwrap();
    assert!(matches!(&events[..], [WorkItemEvent::Claimed(c)] if c.taken_from.as_deref() == Some("bot")));
    let mut item = item;
    record_by(&mut item, &mut history, events, at(71), "other");
    assert_eq!(item.assignee.as_deref(), Some("other"));
    assert_eq!(item.holder_at(at(100)).map(|c| c.holder.as_str()), Some("other"));
}

#[test]
fn any_write_by_the_holder_renews_the_lease_and_others_do_not() {
    let (mut item, mut history) = claimed(Some(60));
    let comment = item.comment("still on it".into(), "bot").unwrap();
    record_by(&mut item, &mut history, comment, at(50), "bot");
    assert_eq!(item.claim.as_ref().and_then(|c| c.until), Some(at(110)));
    let other = item.comment("me too".into(), "ann").unwrap();
    record_by(&mut item, &mut history, other, at(100), "ann");
    assert_eq!(item.claim.as_ref().and_then(|c| c.until), Some(at(110)));
    // A write after the lease ran out finds the item already lapsed.
    let late = item
        .clone()
        .lapsed(at(200))
        .comment("back".into(), "bot")
        .unwrap();
    record_by(&mut item, &mut history, late, at(200), "bot");
    assert_eq!((item.status, item.assignee.as_deref()), (Status::Pending, None));
}

#[test]
fn release_gives_the_item_back_and_guards_a_live_claim() {
    let (item, mut history) = claimed(None);
    assert!(matches!(
        item.release("ann", false, None, at(20)),
        Err(DomainError::Claimed { .. })
    ));
    let events = item
        .release("bot", false, Some("done for today".into()), at(20))
        .unwrap();
    let mut released = item.clone();
    record_by(&mut released, &mut history, events, at(20), "bot");
    assert_eq!(
        (
            released.status,
            released.assignee.as_deref(),
            released.claim.as_ref()
        ),
        (Status::Pending, None, None)
    );
    assert!(
        item.release("ann", true, None, at(20)).is_ok(),
        "--force releases anyway"
    );
    assert!(matches!(
        released.release("bot", false, None, at(30)),
        Err(DomainError::NotInProgress { .. })
    ));
}

#[test]
fn only_pending_and_unheld_items_can_be_claimed() {
    let (mut item, mut history) = new_item();
    let started = item.change_status(Status::InProgress, None, at(1)).unwrap();
    record(&mut item, &mut history, started, at(1));
    assert!(
        item.claim("bot", None, at(2)).is_ok(),
        "in progress, unassigned: free to take"
    );
    let assigned = item.assign(Some("ann".into())).unwrap();
    record(&mut item, &mut history, assigned, at(1));
    // In progress and assigned to ann: ann may claim it, others not.
    assert!(matches!(
        item.claim("bot", None, at(2)),
        Err(DomainError::Claimed { .. })
    ));
    assert!(item.claim("ann", None, at(2)).is_ok());
    let done = item.change_status(Status::Done, None, at(3)).unwrap();
    record(&mut item, &mut history, done, at(3));
    assert!(matches!(
        item.claim("ann", None, at(4)),
        Err(DomainError::NotClaimable { .. })
    ));
}

/// Merged from two clones: B cancelled the item while A (whose events sort later) started
/// and finished it. A's start no longer fits a cancelled item and is kept as a conflict;
/// a move the status machine allows from where the item is still applies.
#[test]
fn a_merged_status_move_that_no_longer_fits_is_a_conflict_and_is_not_applied() {
    let (mut item, _) = new_item();
    let cancel = item.change_status(Status::Cancelled, None, at(1)).unwrap();
    let start = item.change_status(Status::InProgress, None, at(1)).unwrap();
    for event in &cancel {
        let version = item.version + 1;
        item.apply(Some(event), version, at(1), "b");
    }
    for event in &start {
        let version = item.version + 1;
        item.apply(Some(event), version, at(2), "a");
    }
    assert_eq!(item.status, Status::Cancelled);
    assert_eq!(item.conflicts.len(), 1);
    assert_eq!(item.conflicts[0].version, 4);
    assert_eq!(item.conflicts[0].event_type, "StatusChanged");
    assert!(
        item.conflicts[0].reason.contains("pending → in_progress"),
        "{:?}",
        item.conflicts
    );

    // A move recorded against another state is a conflict even where the machine allows
    // it from here: a start (pending → in_progress) merged after the item was blocked was
    // decided on a precondition that no longer holds, and does not unblock it.
    let (mut other, _) = new_item();
    let start = other.change_status(Status::InProgress, None, at(1)).unwrap();
    for event in &start {
        other.apply(Some(event), other.version + 1, at(1), "a");
    }
    let block = other
        .change_status(Status::Blocked, Some("keys".into()), at(2))
        .unwrap();
    for event in &block {
        other.apply(Some(event), other.version + 1, at(2), "a");
    }
    for event in &start {
        other.apply(Some(event), other.version + 1, at(3), "b");
    }
    assert_eq!(other.status, Status::Blocked);
    assert_eq!(other.conflicts.len(), 1);
    assert!(
        other.conflicts[0].reason.contains("no longer holds"),
        "{:?}",
        other.conflicts
    );
    // A move to the status the item is already in agrees with it: no conflict.
    let (mut same, _) = new_item();
    let start = same.change_status(Status::InProgress, None, at(1)).unwrap();
    for _ in 0..2 {
        for event in &start {
            same.apply(Some(event), same.version + 1, at(1), "a");
        }
    }
    assert_eq!(same.status, Status::InProgress);
    assert!(same.conflicts.is_empty());
}
