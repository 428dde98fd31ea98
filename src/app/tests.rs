//! The application layer over the memory store, with a fixed clock and ids.

use std::sync::atomic::{AtomicU64, Ordering};

use ulid::Ulid;

use super::*;
use crate::domain::{DomainError, ItemRef, NewWorkItem, Priority, QualityGate, Status, WorkItemId};
use crate::store::memory::MemoryStore;
use crate::store::{
    CreatedStream, EventStore, ExpectedVersion, NewEvent, OnceKey, OnceRecord, RecordedEvent, StoreError,
    StreamBuilder, StreamId, Written,
};
use crate::timestamp::Timestamp;

struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        Timestamp::from_unix_micros(1_768_219_200_000_000).unwrap()
    }
}

#[derive(Default)]
struct CountingIds(AtomicU64);

impl IdSource for CountingIds {
    fn next_ulid(&self) -> Ulid {
        Ulid::from_parts(1, u128::from(self.0.fetch_add(1, Ordering::Relaxed)))
    }
}

fn id(n: u64) -> ItemRef {
    ItemRef::Display(WorkItemId::new(n).unwrap())
}

fn create(dispatcher: &CommandDispatcher<'_>, title: &str) -> CommandOutcome {
    let new = NewWorkItem {
        title: title.into(),
        ..NewWorkItem::default()
    };
    dispatcher
        .dispatch(Command::Create(new), WriteOptions::default())
        .unwrap()
}

fn start(item: ItemRef) -> Command {
    Command::ChangeStatus {
        item,
        to: Status::InProgress,
        reason: None,
    }
}

#[test]
fn create_allocates_ids_and_returns_the_replayed_item() {
    let store = MemoryStore::new();
    let ids = CountingIds::default();
    let dispatcher = CommandDispatcher::new(&store, &FixedClock, &ids, "tester");
    let first = create(&dispatcher, "a");
    let second = create(&dispatcher, "b");
    assert_eq!(first.item.id.to_string(), "WORK-001");
    assert_eq!(second.item.id.to_string(), "WORK-002");
    assert_eq!(first.events.len(), 1);
    assert_eq!(first.events[0].metadata.actor, "tester");
    let loaded = ItemRepository::new(&store).load(first.item.id).unwrap();
    assert_eq!(loaded.as_ref(), Some(&first.item));
}

#[test]
fn the_returned_item_equals_a_fresh_replay_after_every_command() {
    let store = MemoryStore::new();
    let ids = CountingIds::default();
    let dispatcher = CommandDispatcher::new(&store, &FixedClock, &ids, "tester");
    create(&dispatcher, "a");
    create(&dispatcher, "b");
    let commands = vec![
        start(id(1)),
        Command::ChangePriority {
            item: id(1),
            to: Priority::Critical,
            reason: None,
        },
        Command::Assign {
            item: id(1),
            assignee: Some("ann".into()),
        },
        Command::AddDependency {
            item: id(1),
            on: id(2),
            kind: crate::domain::DependencyType::Blocks,
        },
        Command::ChangeStatus {
            item: id(1),
            to: Status::Done,
            reason: Some("ok".into()),
        },
        Command::RemoveDependency {
            item: id(1),
            on: id(2),
        },
    ];
    for command in commands {
        let outcome = dispatcher.dispatch(command, WriteOptions::default()).unwrap();
        let replayed = ItemRepository::new(&store)
            .load(outcome.item.id)
            .unwrap()
            .unwrap();
        assert_eq!(outcome.item, replayed);
        let stored = store.read_all(&stream_for(outcome.item.id).unwrap()).unwrap();
        assert_eq!(
            &stored[stored.len() - outcome.events.len()..],
            outcome.events.as_slice()
        );
    }
}

#[test]
fn refusals_write_nothing() {
    let store = MemoryStore::new();
    let ids = CountingIds::default();
    let dispatcher = CommandDispatcher::new(&store, &FixedClock, &ids, "tester");
    create(&dispatcher, "a");
    let blank = NewWorkItem::default();
    assert!(matches!(
        dispatcher.dispatch(Command::Create(blank), WriteOptions::default()),
        Err(AppError::Domain(DomainError::EmptyTitle))
    ));
    let blocked = Command::ChangeStatus {
        item: id(1),
        to: Status::Blocked,
        reason: Some("keys".into()),
    };
    assert!(matches!(
        dispatcher.dispatch(blocked, WriteOptions::default()),
        Err(AppError::Domain(DomainError::InvalidTransition { .. }))
    ));
    assert!(matches!(
        dispatcher.dispatch(start(id(5)), WriteOptions::default()),
        Err(AppError::ItemNotFound(_))
    ));
    assert!(matches!(
        dispatcher.dispatch(start(id(1)), WriteOptions::expecting(4)),
        Err(AppError::Conflict {
            expected: 4,
            actual: 1,
            ..
        })
    ));
    assert_eq!(store.list_streams().unwrap().len(), 1);
    assert_eq!(
        store
            .current_version(&stream_for(WorkItemId::new(1).unwrap()).unwrap())
            .unwrap(),
        1
    );
}

#[test]
fn a_ulid_resolves_to_its_item() {
    let store = MemoryStore::new();
    let ids = CountingIds::default();
    let dispatcher = CommandDispatcher::new(&store, &FixedClock, &ids, "tester");
    create(&dispatcher, "a");
    let b = create(&dispatcher, "b");
    let by_ulid = ItemRef::Internal(b.item.internal_id);
    assert_eq!(ItemRepository::new(&store).resolve(by_ulid).unwrap(), b.item.id);
    assert!(ItemRepository::new(&store)
        .resolve(ItemRef::Internal(Ulid::nil()))
        .is_err());
}

/// A store where another writer sneaks in one command just before our next append.
struct Interfering {
    inner: MemoryStore,
    /// The command, and how many of our appends to let through before it.
    pending: std::sync::Mutex<Option<(usize, Command)>>,
    ids: CountingIds,
}

impl Interfering {
    fn before_next_append(&self, command: Command) {
        self.before_append(0, command);
    }

    fn before_append(&self, skip: usize, command: Command) {
        *self.pending.lock().unwrap() = Some((skip, command));
    }

    /// Runs the pending command, if this is the append it waits for.
    fn interfere(&self) {
        let pending = {
            let mut slot = self.pending.lock().unwrap();
            match slot.take() {
                Some((0, command)) => Some(command),
                Some((skip, command)) => {
                    *slot = Some((skip - 1, command));
                    None
                }
                None => None,
            }
        };
        if let Some(command) = pending {
            let dispatcher = CommandDispatcher::new(&self.inner, &FixedClock, &self.ids, "other");
            dispatcher.dispatch(command, WriteOptions::default()).unwrap();
        }
    }
}

impl EventStore for Interfering {
    fn append_once(
        &self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
        once: Option<&OnceKey>,
    ) -> Result<Written, StoreError> {
        self.interfere();
        self.inner.append_once(stream, events, expected, once)
    }
    fn append_all_at(
        &self,
        appends: Vec<crate::store::StreamAppend>,
        once: Option<&OnceKey>,
        head: Option<u64>,
    ) -> Result<crate::store::WrittenAll, StoreError> {
        self.interfere();
        self.inner.append_all_at(appends, once, head)
    }
    fn lookup_once(&self, key: &str) -> Result<Option<OnceRecord>, StoreError> {
        self.inner.lookup_once(key)
    }
    fn rename_stream(
        &self,
        from: &StreamId,
        to: &StreamId,
        events: Vec<crate::store::RecordedEvent>,
    ) -> Result<(), StoreError> {
        self.inner.rename_stream(from, to, events)
    }
    fn once_records(&self) -> Result<Vec<OnceRecord>, StoreError> {
        self.inner.once_records()
    }
    fn restore_once(&self, record: &OnceRecord) -> Result<(), StoreError> {
        self.inner.restore_once(record)
    }
    fn load_cache(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.inner.load_cache(name)
    }
    fn save_cache(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.inner.save_cache(name, bytes)
    }
    fn load_state(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.inner.load_state(name)
    }
    fn save_state(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.inner.save_state(name, bytes)
    }
    fn read(&self, stream: &StreamId, from: u64, to: u64) -> Result<Vec<RecordedEvent>, StoreError> {
        self.inner.read(stream, from, to)
    }
    fn current_version(&self, stream: &StreamId) -> Result<u64, StoreError> {
        self.inner.current_version(stream)
    }
    fn list_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        self.inner.list_streams()
    }
    fn read_global(&self, after: u64, limit: usize) -> Result<Vec<RecordedEvent>, StoreError> {
        self.inner.read_global(after, limit)
    }
    fn head_position(&self) -> Result<u64, StoreError> {
        self.inner.head_position()
    }
    fn create_numbered_stream(
        &self,
        family: &str,
        once: Option<&OnceKey>,
        build: &mut StreamBuilder<'_>,
    ) -> Result<CreatedStream, StoreError> {
        self.inner.create_numbered_stream(family, once, build)
    }
}

fn cancel(item: ItemRef) -> Command {
    Command::ChangeStatus {
        item,
        to: Status::Cancelled,
        reason: None,
    }
}

#[test]
fn a_lost_race_is_redecided_on_fresh_state_not_overwritten() {
    let store = Interfering {
        inner: MemoryStore::new(),
        pending: std::sync::Mutex::new(None),
        ids: CountingIds::default(),
    };
    let ids = CountingIds::default();
    let dispatcher = CommandDispatcher::new(&store, &FixedClock, &ids, "me");
    for title in ["a", "b", "c"] {
        create(&dispatcher, title);
    }

    // With an expected version, the lost race is the caller's conflict.
    store.before_next_append(cancel(id(1)));
    let result = dispatcher.dispatch(start(id(1)), WriteOptions::expecting(1));
    assert!(
        matches!(
            result,
            Err(AppError::Conflict {
                expected: 1,
                actual: 3,
                ..
            })
        ),
        "{result:?}"
    );

    // Without one, the command is decided again on the fresh state: the item is now
    // cancelled, so starting it is refused rather than appended after the cancellation.
    store.before_next_append(cancel(id(2)));
    let result = dispatcher.dispatch(start(id(2)), WriteOptions::default());
    assert!(
        matches!(
            result,
            Err(AppError::Domain(DomainError::InvalidTransition { .. }))
        ),
        "{result:?}"
    );

    // And a change that still makes sense lands after the other writer's.
    store.before_next_append(Command::Assign {
        item: id(3),
        assignee: Some("bob".into()),
    });
    let priority = Command::ChangePriority {
        item: id(3),
        to: Priority::High,
        reason: None,
    };
    let outcome = dispatcher.dispatch(priority, WriteOptions::default()).unwrap();
    assert_eq!(outcome.item.version, 3);
    assert_eq!(outcome.item.assignee.as_deref(), Some("bob"));
}

/// An unfiltered `events list` answers from the head and a range read; it must say exactly
/// what the scan of the whole log says, for every limit, last and after.
#[test]
fn an_unfiltered_event_list_equals_the_full_scan() {
    let store = MemoryStore::new();
    let ids = CountingIds::default();
    let dispatcher = CommandDispatcher::new(&store, &FixedClock, &ids, "t");
    for n in 0..7 {
        create(&dispatcher, &format!("item {n}"));
        if n % 2 == 0 {
            dispatcher
                .dispatch(start(id(n + 1)), WriteOptions::default())
                .unwrap();
        }
    }
    let log = EventLog::new(&store);
    let everything = Timestamp::from_unix_micros(0).unwrap();
    for after in [0, 1, 5, 10, 11, 20] {
        for limit in [None, Some(1), Some(3), Some(100)] {
            for last in [None, Some(1), Some(4), Some(100)] {
                let range = EventFilter {
                    after,
                    ..EventFilter::default()
                };
                let scanned = EventFilter {
                    since: Some(everything),
                    ..range.clone()
                };
                assert!(range.is_range() && !scanned.is_range());
                let fast = log.list(&range, limit, last).unwrap();
                let slow = log.list(&scanned, limit, last).unwrap();
                assert_eq!(fast, slow, "after {after}, limit {limit:?}, last {last:?}");
            }
        }
    }
}

/// An undo of several items writes them in one atomic append: a writer racing it makes
/// the undo refuse, and nothing is taken back (before, the first item was).
#[test]
fn a_writer_racing_an_undo_of_several_items_leaves_nothing_taken_back() {
    let store = Interfering {
        inner: MemoryStore::new(),
        pending: std::sync::Mutex::new(None),
        ids: CountingIds::default(),
    };
    let ids = CountingIds::default();
    let dispatcher = CommandDispatcher::new(&store, &FixedClock, &ids, "tester");
    let story = NewWorkItem {
        title: "story".into(),
        work_type: crate::domain::WorkType::Story,
        ..NewWorkItem::default()
    };
    dispatcher
        .dispatch(Command::Create(story), WriteOptions::default())
        .unwrap();
    let task = NewWorkItem {
        title: "task".into(),
        parent: WorkItemId::new(1),
        ..NewWorkItem::default()
    };
    dispatcher
        .dispatch(Command::Create(task), WriteOptions::default())
        .unwrap();
    dispatcher
        .dispatch(start(id(2)), WriteOptions::default())
        .unwrap();
    let engine = PolicyEngine::new(
        &store,
        &FixedClock,
        &ids,
        vec![Policy::CloseParent],
        QualityGate::Off,
    );
    engine.arm(false).unwrap();
    let options = WriteOptions {
        correlation_id: Some("finish".into()),
        ..WriteOptions::default()
    };
    let done = Command::ChangeStatus {
        item: id(2),
        to: Status::Done,
        reason: None,
    };
    dispatcher.dispatch(done, options).unwrap();
    assert_eq!(engine.run().unwrap().len(), 1, "close-parent completed WORK-001");
    // Another writer gets in between the undo's checks and its one append of both items.
    let comment = Command::Comment {
        item: id(2),
        text: "racing".into(),
    };
    store.before_append(0, comment);
    let err = undo(
        &store,
        &FixedClock,
        &ids,
        "tester",
        super::UndoTarget::Named("finish"),
        Some("the-undo"),
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(matches!(&err, AppError::UndoRefused { .. }), "{text}");
    assert!(text.contains("written while undoing"), "{text}");
    let repository = ItemRepository::new(&store);
    for n in [1, 2] {
        let item = repository.load(WorkItemId::new(n).unwrap()).unwrap().unwrap();
        assert_eq!(
            item.status,
            Status::Done,
            "WORK-{n} was not taken back: nothing was"
        );
    }
}

/// `Command::Together` (the MCP `update`): the changes are decided in order on one item and
/// written as one append; a change that would change nothing is skipped, a refusal of any
/// writes nothing, and changes to two items are refused.
#[test]
fn changes_together_are_one_write_or_none() {
    let store = MemoryStore::new();
    let ids = CountingIds::default();
    let dispatcher = CommandDispatcher::new(&store, &FixedClock, &ids, "tester");
    create(&dispatcher, "a");
    create(&dispatcher, "b");
    let together = Command::Together(vec![
        start(id(1)),
        Command::ChangePriority {
            item: id(1),
            to: Priority::Medium, // already medium: skipped
            reason: None,
        },
        Command::Label {
            item: id(1),
            add: vec!["ui".into()],
            remove: Vec::new(),
        },
        // Decided on the state the start left: in progress may be blocked.
        Command::ChangeStatus {
            item: id(1),
            to: Status::Blocked,
            reason: Some("keys".into()),
        },
    ]);
    let outcome = dispatcher.dispatch(together, WriteOptions::expecting(1)).unwrap();
    assert_eq!(outcome.events.len(), 3);
    assert!(outcome
        .events
        .iter()
        .all(|e| e.metadata.correlation_id == outcome.events[0].metadata.correlation_id));
    assert_eq!(
        (outcome.item.status, outcome.item.labels.clone()),
        (Status::Blocked, vec!["ui".to_owned()])
    );
    let refused = Command::Together(vec![
        Command::Label {
            item: id(1),
            add: vec!["backend".into()],
            remove: Vec::new(),
        },
        Command::ChangeStatus {
            item: id(1),
            to: Status::Pending,
            reason: None,
        },
    ]);
    assert!(matches!(
        dispatcher.dispatch(refused, WriteOptions::default()),
        Err(AppError::Domain(DomainError::InvalidTransition { .. }))
    ));
    assert_eq!(
        ItemRepository::new(&store)
            .load(WorkItemId::new(1).unwrap())
            .unwrap()
            .unwrap()
            .version,
        4
    );
    let two_items = Command::Together(vec![start(id(1)), start(id(2))]);
    assert!(matches!(
        dispatcher.dispatch(two_items, WriteOptions::default()),
        Err(AppError::SameItemTwice(_))
    ));
    let nothing = Command::Together(vec![Command::ChangePriority {
        item: id(2),
        to: Priority::Medium,
        reason: None,
    }]);
    let unchanged = dispatcher
        .dispatch(nothing, WriteOptions::default())
        .expect("nothing to change is a success");
    assert!(unchanged.unchanged.is_some() && unchanged.events.is_empty());
}

#[test]
fn verify_names_each_item_the_global_log_and_the_streams_disagree_on() {
    let store = MemoryStore::new();
    let ids = CountingIds::default();
    let dispatcher = CommandDispatcher::new(&store, &FixedClock, &ids, "tester");
    for title in ["a", "b", "c"] {
        create(&dispatcher, title);
    }
    dispatcher
        .dispatch(start(id(2)), WriteOptions::default())
        .unwrap();
    let (rebuilt, _) = rebuild(&store, None, |_| {}).unwrap();
    assert!(verify(&store, &rebuilt.items, None).unwrap().is_empty());

    let mut model = rebuilt.items.clone();
    let first = WorkItemId::new(1).unwrap();
    let second = WorkItemId::new(2).unwrap();
    let mut stray = model[&first].clone();
    stray.id = WorkItemId::new(9).unwrap();
    model.remove(&first);
    model.get_mut(&second).unwrap().status = Status::Done;
    model.insert(stray.id, stray);
    let differences = verify(&store, &model, None).unwrap();
    assert_eq!(differences.len(), 3, "{differences:?}");
    assert!(
        differences[0].starts_with("WORK-001 is in its stream but missing"),
        "{differences:?}"
    );
    assert!(differences[1].starts_with("WORK-002 differs"), "{differences:?}");
    assert!(
        differences[2].starts_with("WORK-009 is in the global log but has no stream"),
        "{differences:?}"
    );
}

/// A local write that lands between a sync batch's read and its append (here: a comment
/// on an item the first batch brought) leaves that batch unwritten; it is read from the
/// incoming events again and written after the comment, none lost or doubled.
#[test]
fn a_sync_batch_raced_by_a_local_write_is_received_again_after_it() {
    let source = MemoryStore::new();
    let ids = CountingIds::default();
    let dispatcher = CommandDispatcher::new(&source, &FixedClock, &ids, "there");
    create(&dispatcher, "one");
    create(&dispatcher, "two");
    dispatcher
        .dispatch(start(id(1)), WriteOptions::default())
        .unwrap();
    let incoming: Vec<exchange::SharedEvent> = source
        .read_global(0, 100)
        .unwrap()
        .iter()
        .map(exchange::shared)
        .collect();
    assert_eq!(incoming.len(), 3);

    let store = Interfering {
        inner: MemoryStore::new(),
        pending: std::sync::Mutex::new(None),
        ids: CountingIds(AtomicU64::new(1_000)),
    };
    // The second batch (WORK-001's start) is the one raced.
    store.before_append(
        1,
        Command::Comment {
            item: id(1),
            text: "written here meanwhile".into(),
        },
    );
    let survey = exchange::Survey::of(&store, incoming.as_slice()).unwrap();
    let none = std::collections::BTreeSet::new();
    let received = exchange::receive_all(&store, incoming.as_slice(), &survey, &none, false, 2).unwrap();
    assert_eq!((received.appended, received.already_present), (3, 0));
    let log = store.read_global(0, 100).unwrap();
    let kinds: Vec<&str> = log.iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "WorkItemCreated",
            "WorkItemCreated",
            "CommentAdded",
            "StatusChanged"
        ]
    );
    let item = ItemRepository::new(&store)
        .load(WorkItemId::new(1).unwrap())
        .unwrap()
        .expect("WORK-001");
    assert_eq!(item.status, Status::InProgress);
    assert_eq!(item.comments.len(), 1);
}
