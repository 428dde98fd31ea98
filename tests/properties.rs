//! Property tests: random command sequences, run through the application service (the
//! one write path) on both backends. Whatever the sequence, replay equals the live state, the backends agree, and
//! every recorded status change is an edge of the status graph.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use proptest::prelude::*;
use ulid::Ulid;

use jerry::app::{
    self, Clock, Command, Environment, IdSource, ItemRepository, Session, UndoTarget, WriteOptions,
};
use jerry::config::ProjectConfig;
use jerry::domain::{
    Decision, DependencyType, ItemRef, NewWorkItem, Priority, Status, WorkItem, WorkItemEvent, WorkItemId,
    WorkType,
};
use jerry::store::jsonl::JsonlStore;
use jerry::store::memory::MemoryStore;
use jerry::store::{Backend, EventStore};
use jerry::timestamp::Timestamp;

/// A clock that moves one second per reading, identical for every store.
#[derive(Default)]
struct SteppingClock(AtomicU64);

impl Clock for SteppingClock {
    fn now(&self) -> Timestamp {
        let step = self.0.fetch_add(1, Ordering::Relaxed) as i64;
        Timestamp::from_unix_micros(1_768_219_200_000_000 + step * 1_000_000).unwrap()
    }
}

#[derive(Default)]
struct CountingIds(AtomicU64);

impl IdSource for CountingIds {
    fn next_ulid(&self) -> Ulid {
        Ulid::from_parts(
            1_768_219_200_000,
            u128::from(self.0.fetch_add(1, Ordering::Relaxed)),
        )
    }
}

/// A session over `store` with the stepping clock and counting ids, so every backend sees
/// the same times and ids.
fn session(store: Backend) -> Session {
    let env = Environment {
        clock: Arc::new(SteppingClock::default()),
        ids: Arc::new(CountingIds::default()),
    };
    Session::detached(store, env, "prop", ProjectConfig::default())
}

#[derive(Debug, Clone)]
enum Op {
    /// A type, a priority, a parent, and one of [`TITLES`].
    Create(WorkType, Priority, Option<usize>, usize),
    Status(usize, Status, bool),
    Priority(usize, Priority),
    Assign(usize, Option<u8>),
    Depend(usize, usize, DependencyType),
    Undepend(usize, usize),
    /// A new parent, or none.
    Reparent(usize, Option<usize>),
    ExpectStale(usize),
    /// Claim with no lease (0), one short enough to lapse within a sequence (1), or an hour (2).
    Claim(usize, u8),
    Release(usize, bool),
    /// Due some days after the clock's start, or no due date.
    Due(usize, Option<u8>),
    /// One of [`TITLES`], and a description or none.
    Edit(usize, Option<usize>, Option<bool>),
    /// Labels (indexes into [`LABELS`]) to add and to remove.
    Label(usize, Vec<usize>, Vec<usize>),
    Comment(usize, u8),
    /// Coverage and a count of tests, or no metrics given.
    Metrics(usize, Option<u8>),
    /// A priority, a label and a comment in one write.
    Together(usize, Priority, usize),
    Reopen(usize),
    /// `items resolve` with keep, take, or a value set: refused (no conflict) on one
    /// clone's log, and the same refusal on every backend.
    Resolve(usize, u8),
    /// `items edit --type`: refused where the hierarchy forbids it.
    Retype(usize, WorkType),
    /// `items delete`, and `items restore`: every other command is then refused on it.
    Delete(usize),
    Restore(usize),
}

const LABELS: [&str; 3] = ["ui", "backend", "needs-review"];

/// Titles a search tells apart: cases, characters JSON escapes, SQL wildcards, and
/// characters beyond ASCII whose lower case is ASCII (the Kelvin sign, lower-cased, is `k`).
const TITLES: [&str; 6] = [
    "generated",
    "Fix the LOGIN form",
    "\u{212A}elvin scale",
    "\u{130}ndex of \"quoted\" things",
    "50% off_sale\tnow",
    "plain login",
];

/// What a filter may search for (matched against [`TITLES`], lower-cased).
const NEEDLES: [&str; 10] = [
    "login", "LOGIN", "kelvin", "k", "i", "\"quoted", "%", "_s", "\tnow", "zzz",
];

/// A lease the stepping clock (a second per reading) outlives within a few commands.
const SHORT_LEASE: u64 = 4;

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn op() -> impl Strategy<Value = Op> {
    let n = 0..8usize;
    prop_oneof![
        3 => (prop::sample::select(WorkType::ALL.to_vec()), prop::sample::select(Priority::ALL.to_vec()), prop::option::of(n.clone()), 0..TITLES.len())
            .prop_map(|(t, p, parent, title)| Op::Create(t, p, parent, title)),
        4 => (n.clone(), status(), any::<bool>()).prop_map(|(i, s, r)| Op::Status(i, s, r)),
        1 => (n.clone(), prop::sample::select(Priority::ALL.to_vec())).prop_map(|(i, p)| Op::Priority(i, p)),
        1 => (n.clone(), prop::option::of(0..3u8)).prop_map(|(i, w)| Op::Assign(i, w)),
        1 => (n.clone(), n.clone(), prop::sample::select(DependencyType::ALL.to_vec())).prop_map(|(a, b, k)| Op::Depend(a, b, k)),
        1 => (n.clone(), n.clone()).prop_map(|(a, b)| Op::Undepend(a, b)),
        1 => (n.clone(), prop::option::of(n.clone())).prop_map(|(a, b)| Op::Reparent(a, b)),
        1 => n.clone().prop_map(Op::ExpectStale),
        2 => (n.clone(), 0..3u8).prop_map(|(i, lease)| Op::Claim(i, lease)),
        1 => (n.clone(), any::<bool>()).prop_map(|(i, force)| Op::Release(i, force)),
        1 => (n.clone(), prop::option::of(0..30u8)).prop_map(|(i, days)| Op::Due(i, days)),
        1 => (n.clone(), prop::option::of(0..TITLES.len()), prop::option::of(any::<bool>()))
            .prop_map(|(i, title, description)| Op::Edit(i, title, description)),
        1 => (n.clone(), prop::collection::vec(0..LABELS.len(), 0..3), prop::collection::vec(0..LABELS.len(), 0..2))
            .prop_map(|(i, add, remove)| Op::Label(i, add, remove)),
        1 => (n.clone(), any::<u8>()).prop_map(|(i, text)| Op::Comment(i, text)),
        1 => (n.clone(), prop::option::of(any::<u8>())).prop_map(|(i, m)| Op::Metrics(i, m)),
        1 => (n.clone(), prop::sample::select(Priority::ALL.to_vec()), 0..LABELS.len())
            .prop_map(|(i, p, l)| Op::Together(i, p, l)),
        1 => n.clone().prop_map(Op::Reopen),
        1 => (n.clone(), 0..3u8).prop_map(|(i, d)| Op::Resolve(i, d)),
        1 => (n.clone(), prop::sample::select(WorkType::ALL.to_vec())).prop_map(|(i, t)| Op::Retype(i, t)),
        1 => n.clone().prop_map(Op::Delete),
        1 => n.prop_map(Op::Restore),
    ]
}

/// A list filter over what the ops make: statuses, types, priorities, an assignee (the
/// ops' names, the claimer, or nobody), a parent, a sort, a limit and a search.
fn filter() -> impl Strategy<Value = app::ItemFilter> {
    let names = prop::option::of(prop::sample::select(vec![
        "agent-0", "agent-1", "agent-2", "prop",
    ]));
    (
        prop::collection::vec(status(), 0..3),
        prop::collection::vec(prop::sample::select(WorkType::ALL.to_vec()), 0..2),
        prop::collection::vec(prop::sample::select(Priority::ALL.to_vec()), 0..2),
        prop::option::of(names),
        prop::option::of(1..6u64),
        prop::option::of(prop::sample::select(vec![
            app::SortKey::Priority,
            app::SortKey::Created,
            app::SortKey::Updated,
            app::SortKey::Due,
            app::SortKey::Id,
            app::SortKey::Status,
        ])),
        any::<bool>(),
        prop::option::of(1..4usize),
        prop::option::of(prop::sample::select(NEEDLES.to_vec())),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(statuses, types, priorities, assignee, parent, sort, reverse, limit, search, conflicts)| {
                app::ItemFilter {
                    statuses,
                    types,
                    priorities,
                    assignee: assignee.map(|who| match who {
                        None => app::Assignee::Nobody,
                        Some(who) => app::Assignee::Named(who.to_owned()),
                    }),
                    parent: parent.and_then(WorkItemId::new),
                    sort,
                    reverse: reverse && sort.is_some(),
                    limit,
                    search: search.map(str::to_owned),
                    conflicts,
                    ..app::ItemFilter::default()
                }
            },
        )
}

/// Picks one of the `created` items (mostly existing ones, so commands get past lookup).
fn pick(index: usize, created: usize) -> u64 {
    (index % created.max(1)) as u64 + 1
}

fn to_command(op: &Op, created: usize) -> (Command, WriteOptions) {
    let item = |index: usize| ItemRef::Display(WorkItemId::new(pick(index, created)).unwrap());
    let command = match op.clone() {
        Op::Create(work_type, priority, parent, title) => Command::Create(NewWorkItem {
            title: TITLES[title].into(),
            work_type,
            priority,
            parent: parent
                .and_then(|p| WorkItemId::new(pick(p, created)))
                .filter(|_| created > 0),
            ..NewWorkItem::default()
        }),
        Op::Status(i, to, reason) => Command::ChangeStatus {
            item: item(i),
            to,
            reason: reason.then(|| "because".to_owned()),
        },
        Op::Priority(i, to) => Command::ChangePriority {
            item: item(i),
            to,
            reason: None,
        },
        Op::Assign(i, who) => Command::Assign {
            item: item(i),
            assignee: who.map(|w| format!("agent-{w}")),
        },
        Op::Depend(a, b, kind) => Command::AddDependency {
            item: item(a),
            on: item(b),
            kind,
        },
        Op::Undepend(a, b) => Command::RemoveDependency {
            item: item(a),
            on: item(b),
        },
        Op::Reparent(i, parent) => Command::Reparent {
            item: item(i),
            parent: parent.map(item),
        },
        Op::Claim(i, lease) => Command::Claim {
            item: item(i),
            lease_seconds: [None, Some(SHORT_LEASE), Some(3600)][usize::from(lease % 3)],
        },
        Op::Release(i, force) => Command::Release {
            item: item(i),
            force,
            reason: None,
        },
        Op::Due(i, days) => Command::SetDue {
            item: item(i),
            due: days.map(|d| {
                Timestamp::from_unix_micros(1_768_219_200_000_000 + i64::from(d) * 86_400_000_000).unwrap()
            }),
        },
        Op::Edit(i, title, description) => Command::Edit {
            item: item(i),
            title: title.map(|t| TITLES[t].to_owned()),
            description: description.map(|d| {
                if d {
                    "a description".to_owned()
                } else {
                    String::new()
                }
            }),
        },
        Op::Label(i, add, remove) => Command::Label {
            item: item(i),
            add: add.into_iter().map(|l| LABELS[l].to_owned()).collect(),
            remove: remove.into_iter().map(|l| LABELS[l].to_owned()).collect(),
        },
        Op::Comment(i, text) => Command::Comment {
            item: item(i),
            text: format!("note {text}"),
        },
        Op::Metrics(i, metrics) => Command::RecordMetrics {
            item: item(i),
            coverage: metrics.map(|m| f64::from(m % 101)),
            positive: metrics.map(u32::from),
            negative: None,
            edge: None,
        },
        Op::Together(i, priority, label) => Command::Together(vec![
            Command::ChangePriority {
                item: item(i),
                to: priority,
                reason: None,
            },
            Command::Label {
                item: item(i),
                add: vec![LABELS[label].to_owned()],
                remove: Vec::new(),
            },
            Command::Comment {
                item: item(i),
                text: "together".into(),
            },
        ]),
        Op::Reopen(i) => Command::Reopen {
            item: item(i),
            reason: None,
        },
        Op::Retype(i, to) => Command::Retype { item: item(i), to },
        Op::Delete(i) => Command::Delete {
            item: item(i),
            reason: None,
        },
        Op::Restore(i) => Command::Restore {
            item: item(i),
            reason: None,
        },
        Op::Resolve(i, decision) => Command::Resolve {
            item: item(i),
            version: None,
            decision: match decision {
                0 => Decision::Keep,
                1 => Decision::Take,
                _ => Decision::Set("high".into()),
            },
        },
        Op::ExpectStale(i) => {
            let command = Command::Assign {
                item: item(i),
                assignee: Some("stale".into()),
            };
            return (command, WriteOptions::expecting(0));
        }
    };
    (command, WriteOptions::default())
}

/// Runs the ops on one store; returns each outcome as text (the item, or the error's kind).
fn run(session: &Session, ops: &[Op]) -> Vec<String> {
    let mut created = 0;
    ops.iter().map(|op| step(session, op, &mut created)).collect()
}

/// Runs one op; `created` is the highest item number so far (ops name items below it).
fn step(session: &Session, op: &Op, created: &mut usize) -> String {
    let repository = ItemRepository::new(session.store_for_checks());
    let (command, options) = to_command(op, *created);
    match session.execute(command, options).map(|outcome| outcome.value) {
        Ok(outcome) => {
            *created = (*created).max(outcome.item.id.number() as usize);
            let replayed = repository.load(outcome.item.id).unwrap().unwrap();
            if outcome.unchanged.is_some() {
                // Nothing written: the item as it stands (a lease lapsed by now, as every
                // read shows it) over the same stored history.
                assert!(outcome.events.is_empty(), "an unchanged {op:?} wrote events");
                assert_eq!(replayed.version, outcome.item.version, "after {op:?}");
            } else {
                assert_eq!(
                    replayed, outcome.item,
                    "replay equals the live state after {op:?}"
                );
            }
            // The warnings too: a file store answers an item's open children and blockers
            // from its item index, the memory store from the whole model.
            format!("{:?} {:?}", outcome.item, outcome.warnings)
        }
        Err(err) => format!("error: {err}"),
    }
}

fn assert_status_changes_follow_the_graph(store: &dyn EventStore, items: &[WorkItem]) {
    for item in items {
        let stream = app::stream_for(item.id).unwrap();
        let mut status = Status::Pending;
        // A leased claim may lapse (in progress → pending) without an event.
        let mut leased = false;
        for event in store.read_all(&stream).unwrap() {
            let decoded = WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload);
            match &decoded {
                Ok(Some(WorkItemEvent::Claimed(claim))) => {
                    if status != claim.old_status {
                        assert!(
                            leased && claim.old_status == Status::Pending,
                            "{} claimed from {status}",
                            item.id
                        );
                    }
                    status = Status::InProgress;
                    leased = claim.lease_until.is_some();
                }
                Ok(Some(WorkItemEvent::Released(_))) => {
                    assert_eq!(status, Status::InProgress, "{} released", item.id);
                    (status, leased) = (Status::Pending, false);
                }
                _ => {}
            }
            if let Ok(Some(WorkItemEvent::StatusChanged(change))) = decoded {
                if leased && status == Status::InProgress && change.old_status == Status::Pending {
                    status = Status::Pending;
                }
                leased = false;
                assert_eq!(change.old_status, status, "{} continuity", item.id);
                // Deleting and restoring are not steps of the status graph.
                assert!(
                    status.can_move_to(change.new_status)
                        || change.new_status == Status::Deleted
                        || status == Status::Deleted,
                    "{} {status} -> {}",
                    item.id,
                    change.new_status
                );
                status = change.new_status;
            }
        }
        let lapsed = leased && status == Status::InProgress && item.status == Status::Pending;
        assert!(
            status == item.status || lapsed,
            "{}: {status} vs {}",
            item.id,
            item.status
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_command_sequences_keep_every_invariant(ops in prop::collection::vec(op(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let memory_session = session(Backend::Memory(MemoryStore::new()));
        let jsonl_session = session(Backend::Jsonl(JsonlStore::open(dir.path().join("data"))));
        let (memory, jsonl) = (memory_session.store_for_checks(), jsonl_session.store_for_checks());

        let from_memory = run(&memory_session, &ops);
        let from_jsonl = run(&jsonl_session, &ops);
        prop_assert_eq!(&from_memory, &from_jsonl, "the backends agree on every outcome");

        let items = ItemRepository::new(memory).load_all().unwrap();
        prop_assert_eq!(&items, &ItemRepository::new(jsonl).load_all().unwrap());
        prop_assert_eq!(memory.read_global(0, usize::MAX).unwrap(), jsonl.read_global(0, usize::MAX).unwrap());
        assert_status_changes_follow_the_graph(jsonl, &items);

        let (model, _) = app::rebuild(jsonl, None, |_| {}).unwrap();
        prop_assert!(app::verify(jsonl, &model.items, None).unwrap().is_empty(), "the global log agrees with the streams");
        // The incremental read model, caught up after every write, equals a fresh rebuild.
        let cached = app::ItemsProjection::current(jsonl).unwrap();
        prop_assert!(app::compare(&model.items, &cached.items).is_empty());
        // doctor: the files, the index, the read model and the snapshots are all sound.
        let report = jsonl_session.doctor(false, false, &mut |_| {}).unwrap();
        prop_assert!(report.clean(), "{:?}", report.remaining());
    }
}

/// The completions in force, per item (a `WorkItemCompletionWithdrawn` takes back the
/// last one): what a follower of `WorkItemCompleted` or a report counts. Items without
/// one are left out, so an undone create (deleted, never completed) counts as never made.
fn completions(store: &dyn EventStore) -> std::collections::BTreeMap<String, Vec<(Status, u64)>> {
    let mut facts: std::collections::BTreeMap<String, Vec<(Status, u64)>> = std::collections::BTreeMap::new();
    for event in store.read_global(0, usize::MAX).unwrap() {
        match WorkItemEvent::decode(&event.event_type, event.schema_version, &event.payload) {
            Ok(Some(WorkItemEvent::Completed(c))) => facts
                .entry(event.aggregate_id.clone())
                .or_default()
                .push((c.final_status, c.duration_ms)),
            Ok(Some(WorkItemEvent::CompletionWithdrawn(_))) => {
                let held = facts.entry(event.aggregate_id.clone()).or_default();
                assert!(
                    held.pop().is_some(),
                    "a withdrawal takes back a completion that stood"
                );
            }
            _ => {}
        }
    }
    facts.retain(|_, held| !held.is_empty());
    facts
}

/// Every item as it is, without what any write moves (version, last change).
fn states(store: &dyn EventStore) -> std::collections::BTreeMap<WorkItemId, WorkItem> {
    ItemRepository::new(store)
        .load_all()
        .unwrap()
        .into_iter()
        .map(|mut item| {
            item.version = 0;
            item.updated_at = item.created_at;
            (item.id, item)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// After any history, undoing each successful command right after it leaves every item
    /// as it was before the command (a created one deleted), and redo brings the
    /// command's effect back.
    #[test]
    fn undo_restores_the_state_before_any_command(ops in prop::collection::vec(op(), 1..30)) {
        let session = session(Backend::Memory(MemoryStore::new()));
        let store = session.store_for_checks();
        let mut created = 0;
        // Undo cannot stop a clock: a lease that lapses between a command and its undo
        // stays lapsed, so the short one is left out here.
        for op in ops.iter().filter(|op| !matches!(op, Op::Claim(_, 1))) {
            let before = states(store);
            let facts_before = completions(store);
            let (command, options) = to_command(op, created);
            let Ok(outcome) = session.execute(command, options) else { continue };
            if outcome.value.unchanged.is_some() {
                // Already as asked: nothing was written, so there is nothing to undo.
                prop_assert!(outcome.value.events.is_empty());
                prop_assert_eq!(states(store), before, "an unchanged {:?} changed something", op);
                continue;
            }
            let facts_after = completions(store);
            created = created.max(outcome.value.item.id.number() as usize);
            let after = states(store);
            session.undo(UndoTarget::Last).unwrap();
            let undone = states(store);
            for (id, item) in &undone {
                match before.get(id) {
                    Some(was) => prop_assert_eq!(item, was, "undo of {:?}", op),
                    None => prop_assert_eq!(item.status, Status::Deleted, "an undone create deletes"),
                }
            }
            // The derived facts too: as if the command had never run.
            prop_assert_eq!(completions(store), facts_before.clone(), "completions after the undo of {:?}", op);
            session.undo(UndoTarget::Redo).unwrap();
            prop_assert_eq!(completions(store), facts_after, "completions after the redo of {:?}", op);
            let mut redone = states(store);
            // A redone create comes back as it was created: pending.
            for item in redone.values_mut() {
                if !before.contains_key(&item.id) {
                    prop_assert_eq!(item.status, Status::Pending);
                    item.status = after[&item.id].status;
                }
            }
            prop_assert_eq!(&redone, &after, "undo of the undo of {:?}", op);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// The indexed read model, caught up after every command, holds exactly what a fresh
    /// rebuild from the log gives, answers status pages and links as the whole model does,
    /// and built again from nothing (its file and the JSON cache deleted) it is the same.
    #[test]
    fn the_item_index_kept_up_to_date_equals_a_rebuild(
        ops in prop::collection::vec(op(), 1..40),
        filters in prop::collection::vec(filter(), 4),
    ) {
        use jerry::app::item_index::ItemIndex;
        let dir = tempfile::tempdir().unwrap();
        let session = session(Backend::Jsonl(JsonlStore::open(dir.path().join("data"))));
        let store = session.store_for_checks();
        let mut created = 0;
        for op in &ops {
            let (command, options) = to_command(op, created);
            if let Ok(outcome) = session.execute(command, options) {
                created = created.max(outcome.value.item.id.number() as usize);
            }
            let index = ItemIndex::current(store).unwrap();
            assert_eq!(index.is_some(), store.head_position().unwrap() > 0, "a file store keeps the index once it has events");
        }
        if store.head_position().unwrap() == 0 {
            // Every command was refused: nothing to index, and no file was made.
            prop_assert!(!dir.path().join("data/cache/items.sqlite").exists());
            return Ok(());
        }
        let (mut model, _) = app::rebuild(store, None, |_| {}).unwrap();
        // The index has no row for a deleted item.
        let any_deleted = model.items.values().any(|item| item.status == Status::Deleted);
        model.items.retain(|_, item| item.status != Status::Deleted);
        let index = ItemIndex::current(store).unwrap().unwrap();
        let indexed = index.all().unwrap();
        prop_assert!(app::compare(&model.items, &indexed).is_empty(), "{:?}", app::compare(&model.items, &indexed));
        prop_assert_eq!(indexed.len(), model.items.len());
        for status in [Status::Pending, Status::InProgress, Status::Blocked, Status::Done, Status::Cancelled] {
            let (page, total, capped) = index.page(&[status], usize::MAX, None, None).unwrap();
            prop_assert!(!capped);
            let want: Vec<&WorkItem> = model.items.values().filter(|item| item.status == status).collect();
            prop_assert_eq!(page.iter().collect::<Vec<_>>(), want.clone());
            prop_assert_eq!(total, want.len());
        }
        // Later, every lease has run out: the lapsed items read as pending, in their place.
        let later = Timestamp::from_unix_micros(1_900_000_000_000_000).unwrap();
        for statuses in [vec![Status::Pending], vec![Status::InProgress], vec![Status::Pending, Status::Blocked]] {
            let (page, total, _) = index.page(&statuses, 4, None, Some(later)).unwrap();
            let want: Vec<WorkItem> = model
                .items
                .values()
                .map(|item| item.clone().lapsed(later))
                .filter(|item| statuses.contains(&item.status))
                .collect();
            prop_assert_eq!(&page, &want.iter().take(4).cloned().collect::<Vec<_>>());
            prop_assert_eq!(total, want.len());
            // Counting stopped (a cap of 2 under a page of 4 counts to the page): the same
            // page, and a total that says where it stopped.
            for cap in [2, 5] {
                let (capped_page, counted, capped) = index.page(&statuses, 4, Some(cap), Some(later)).unwrap();
                prop_assert_eq!(&capped_page, &page);
                let bound = cap.max(4);
                prop_assert_eq!((counted, capped), (want.len().min(bound), want.len() > bound));
            }
        }
        // Ready work, now and once every lease has run out, as the domain computes it.
        let (ready, total) = index.ready(usize::MAX, None).unwrap();
        let want = jerry::domain::graph::ready_and_blocked(&model.items).0;
        prop_assert_eq!(&ready, &want);
        prop_assert_eq!(total, want.len());
        let lapsed: std::collections::BTreeMap<WorkItemId, WorkItem> = model
            .items
            .iter()
            .map(|(id, item)| (*id, item.clone().lapsed(later)))
            .collect();
        let want = jerry::domain::graph::ready_and_blocked(&lapsed).0;
        let (ready, total) = index.ready(3, Some(later)).unwrap();
        prop_assert_eq!(&ready, &want.iter().take(3).cloned().collect::<Vec<_>>());
        prop_assert_eq!(total, want.len());
        // `items blocked` and `items tree ID` read part of the index: over that part the
        // domain gives the answers it gives over every item, now and once leases ran out.
        for at in [None, Some(later)] {
            let whole: std::collections::BTreeMap<WorkItemId, WorkItem> = model
                .items
                .iter()
                .map(|(id, item)| (*id, at.map_or_else(|| item.clone(), |at| item.clone().lapsed(at))))
                .collect();
            let part = index.blocked_candidates(at).unwrap();
            prop_assert_eq!(
                jerry::domain::graph::ready_and_blocked(&part).1,
                jerry::domain::graph::ready_and_blocked(&whole).1
            );
            for id in model.items.keys() {
                let branch = index.branch(*id, at).unwrap();
                prop_assert_eq!(
                    jerry::domain::graph::tree(&branch, Some(*id)),
                    jerry::domain::graph::tree(&whole, Some(*id))
                );
            }
        }
        // A filtered list (or ready list) reads only the rows its filter can keep, with the
        // whole model's answer.
        for filter in &filters {
            for at in [None, Some(later)] {
                let warm = std::sync::Mutex::new(None);
                let (indexed, whole) = match at {
                    Some(at) => (app::Queries::new(store).at_time(at), app::Queries::new(store).kept_warm(Some(&warm)).at_time(at)),
                    None => (app::Queries::new(store), app::Queries::new(store).kept_warm(Some(&warm))),
                };
                prop_assert_eq!(indexed.list(filter).unwrap(), whole.list(filter).unwrap(), "{:?} at {:?}", filter, at);
                prop_assert_eq!(indexed.ready(filter).unwrap(), whole.ready(filter).unwrap(), "{:?} at {:?}", filter, at);
                // The pages SQL answers alone (in any order, sorted in memory or walked along
                // the key's index when the count stops) are what the filter's own test and
                // sort give: an empty search forces the other path and matches all.
                if filter.search.is_none() {
                    let forced = app::ItemFilter { search: Some(String::new()), ..filter.clone() };
                    prop_assert_eq!(indexed.list(filter).unwrap(), indexed.list(&forced).unwrap(), "{:?}", filter);
                }
                // A page that stops counting at 2: the same items, and a total that is exact
                // or says where it stopped.
                if let Some(limit) = filter.limit {
                    let capped_filter = app::ItemFilter { count_up_to: Some(2), ..filter.clone() };
                    let (capped, exact) = (indexed.list(&capped_filter).unwrap(), whole.list(filter).unwrap());
                    prop_assert_eq!(&capped.items, &exact.items, "{:?}", filter);
                    let bound = limit.max(2);
                    prop_assert!(
                        (!capped.total_capped && capped.total_matching == exact.total_matching)
                            || (capped.total_capped && capped.total_matching == bound && exact.total_matching > bound),
                        "{:?}: {} (capped {}) vs {}", filter, capped.total_matching, capped.total_capped, exact.total_matching
                    );
                }
            }
        }
        // Every order, walked along its key's index (the count stops at 1, under the page)
        // and sorted in memory (counted to the end), gives the whole model's page.
        for sort in [None, Some(app::SortKey::Priority), Some(app::SortKey::Created), Some(app::SortKey::Updated),
            Some(app::SortKey::Due), Some(app::SortKey::Id), Some(app::SortKey::Status)] {
            for reverse in [false, true] {
                for count_up_to in [Some(1), None] {
                    let filter = app::ItemFilter { sort, reverse, limit: Some(3), count_up_to, ..app::ItemFilter::default() };
                    let warm = std::sync::Mutex::new(None);
                    let whole = app::Queries::new(store).kept_warm(Some(&warm)).list(&filter).unwrap();
                    let indexed = app::Queries::new(store).list(&filter).unwrap();
                    prop_assert_eq!(&indexed.items, &whole.items, "{:?} reverse {} count to {:?}", sort, reverse, count_up_to);
                }
            }
        }
        let (first, total, _) = index.page(&[], 3, None, None).unwrap();
        prop_assert_eq!(total, model.items.len());
        prop_assert_eq!(first.iter().collect::<Vec<_>>(), model.items.values().take(3).collect::<Vec<_>>());
        for id in model.items.keys() {
            let near = index.neighbourhood(*id).unwrap();
            prop_assert_eq!(
                jerry::domain::graph::links(&near, *id),
                jerry::domain::graph::links(model.items.values(), *id)
            );
        }
        // A new link is checked on what a walk through the index from it reaches, with
        // the whole model's answer: a blocking cycle refused, a parent loop refused.
        let edges = jerry::domain::graph::blocking_edges(model.items.values());
        for to in model.items.values() {
            // A walk that meets a deleted item (no row) gives way to the whole model.
            let (Some(reach), Some(chain)) = (index.blocking_reach(to.id).unwrap(), index.ancestry(to.id).unwrap()) else {
                prop_assert!(any_deleted, "every item and parent is indexed");
                continue;
            };
            for from in model.items.values() {
                prop_assert_eq!(
                    format!("{:?}", jerry::domain::graph::check_blocking_cycle(&reach, (from.id, to.id))),
                    format!("{:?}", jerry::domain::graph::check_blocking_cycle(&edges, (from.id, to.id)))
                );
                prop_assert_eq!(
                    format!("{:?}", jerry::domain::graph::check_parent(&chain, Some(from.id), from.work_type, to)),
                    format!("{:?}", jerry::domain::graph::check_parent(&model.items, Some(from.id), from.work_type, to))
                );
            }
        }
        drop(index);
        let cache = dir.path().join("data/cache");
        for entry in std::fs::read_dir(&cache).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
        let rebuilt = ItemIndex::current(store).unwrap().unwrap().all().unwrap();
        prop_assert_eq!(rebuilt, indexed);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Archiving at any point of any history changes no command's outcome and no event
    /// (the same ops on a store that never archives give the same results and the same
    /// log), and the read models kept up to date through it hold exactly the current work
    /// of a fresh rebuild: everything the rebuild has, less what is archived now.
    #[test]
    fn archiving_anywhere_changes_no_outcome_and_the_read_models_equal_a_rebuild(
        ops in prop::collection::vec(op(), 1..40),
        archive_after in prop::collection::vec(any::<bool>(), 40),
    ) {
        use jerry::app::item_index::ItemIndex;
        let dir = tempfile::tempdir().unwrap();
        let memory_session = session(Backend::Memory(MemoryStore::new()));
        let archiving = session(Backend::Jsonl(JsonlStore::open(dir.path().join("data"))));
        let store = archiving.store_for_checks();
        let far = Timestamp::from_unix_micros(4_102_444_800_000_000).unwrap();
        let mut outcomes = Vec::new();
        let mut archived_any = false;
        let mut created = 0;
        for (op, archive) in ops.iter().zip(&archive_after) {
            outcomes.push(step(&archiving, op, &mut created));
            // Keep both models current through every step, as readers would.
            let index = ItemIndex::current(store).unwrap();
            assert_eq!(index.is_some(), store.head_position().unwrap() > 0, "a file store keeps the index once it has events");
            if *archive {
                let report = archiving.archive(far, false).unwrap();
                archived_any |= !report.archived.is_empty();
            }
        }
        let expected = run(&memory_session, &ops);
        prop_assert_eq!(&outcomes, &expected, "archiving changed an outcome");
        prop_assert_eq!(
            memory_session.store_for_checks().read_global(0, usize::MAX).unwrap(),
            store.read_global(0, usize::MAX).unwrap()
        );

        let (mut model, _) = app::rebuild(store, None, |_| {}).unwrap();
        prop_assert!(app::verify(store, &model.items, None).unwrap().is_empty());
        let all = model.items.len();
        model.leave_out_archived(store).unwrap();
        prop_assert_eq!(model.items.len() + model.archived.len(), all);
        let cached = app::ItemsProjection::current(store).unwrap();
        prop_assert!(app::compare(&model.items, &cached.items).is_empty(), "{:?}", app::compare(&model.items, &cached.items));
        let indexed = ItemIndex::current(store).unwrap().map(|index| index.all().unwrap()).unwrap_or_default();
        // The index has no row for a deleted item.
        model.items.retain(|_, item| item.status != Status::Deleted);
        prop_assert!(app::compare(&model.items, &indexed).is_empty(), "{:?}", app::compare(&model.items, &indexed));
        let report = archiving.doctor(false, false, &mut |_| {}).unwrap();
        prop_assert!(report.clean(), "{:?}", report.remaining());
        if archived_any {
            prop_assert!(dir.path().join("data/archive/catalog.sqlite").exists());
        }
    }
}

/// A clock that moves by a step the test sets before each command: hours, so that a
/// sequence spans days and several changes fall on one day.
#[derive(Default)]
struct SteppedClock {
    at: AtomicU64,
    step: AtomicU64,
}

impl Clock for SteppedClock {
    fn now(&self) -> Timestamp {
        let step = self.step.load(Ordering::Relaxed);
        let at = self.at.fetch_add(step, Ordering::Relaxed) + step;
        Timestamp::from_unix_micros(1_768_219_200_000_000 + at as i64).unwrap()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The flow the index keeps (first asked for part way through, then caught up a
    /// command at a time, sometimes several at once) equals the flow computed from every
    /// item's events: the days, the latest cycles and how many there are.
    #[test]
    fn the_flow_the_index_keeps_equals_one_computed_from_the_log(
        ops in prop::collection::vec((op(), 0..30u64, any::<bool>()), 1..60),
        first_asked in 0..40usize,
    ) {
        use jerry::app::item_index::ItemIndex;
        use jerry::domain::flow::flow;
        let dir = tempfile::tempdir().unwrap();
        let clock = Arc::new(SteppedClock::default());
        let env = Environment { clock: clock.clone(), ids: Arc::new(CountingIds::default()) };
        let session = Session::detached(
            Backend::Jsonl(JsonlStore::open(dir.path().join("data"))),
            env,
            "prop",
            ProjectConfig::default(),
        );
        let store = session.store_for_checks();
        let mut created = 0;
        let mut asked = false;
        for (n, (op, hours, ask)) in ops.iter().enumerate() {
            clock.step.store(hours * 3_600_000_000 + 1, Ordering::Relaxed);
            let (command, options) = to_command(op, created);
            if let Ok(outcome) = session.execute(command, options) {
                created = created.max(outcome.value.item.id.number() as usize);
            }
            // Asked first after `first_asked` commands, from then on after some of them.
            let skipped = asked && !*ask;
            if n < first_asked || skipped || store.head_position().unwrap() == 0 {
                continue;
            }
            asked = true;
            let from_log = ItemRepository::new(store).status_flows().unwrap();
            let later = Timestamp::from_unix_micros(1_768_219_200_000_000 + 90 * 86_400_000_000).unwrap();
            for now in [None, Some(later)] {
                let kept = ItemIndex::current(store).unwrap().unwrap().flow(store, now).unwrap();
                prop_assert_eq!(&kept, &flow(&from_log, now), "after {} commands, through {:?}", n + 1, now);
            }
        }
        // A last catch-up of what the loop did not ask about, and the steps read afresh.
        if asked {
            let from_log = ItemRepository::new(store).status_flows().unwrap();
            let kept = ItemIndex::current(store).unwrap().unwrap().flow(store, None).unwrap();
            prop_assert_eq!(&kept, &flow(&from_log, None));
            std::fs::remove_file(dir.path().join("data/cache/items.sqlite")).unwrap();
            let again = ItemIndex::current(store).unwrap().unwrap().flow(store, None).unwrap();
            prop_assert_eq!(&again, &kept);
        }
    }
}

/// A count with no limit on the page (what a plain `items list` asks to say how many items
/// wait) is answered by the index: SQLite refused its `LIMIT` past `i64::MAX` as a real, and
/// the list read every item instead (271 ms at 100,000 items, 4.7 ms once answered).
#[test]
fn an_unlimited_capped_count_is_answered_by_the_index() {
    use jerry::app::item_index::ItemIndex;
    use jerry::app::{ItemFilter, Waiting};
    let dir = tempfile::tempdir().unwrap();
    let session = session(Backend::Jsonl(JsonlStore::open(dir.path().join("data"))));
    for title in 0..3 {
        let (command, options) = to_command(&Op::Create(WorkType::Task, Priority::Medium, None, title), 0);
        session.execute(command, options).unwrap();
    }
    let store = session.store_for_checks();
    let index = ItemIndex::current(store).unwrap().unwrap();
    let later = Timestamp::from_unix_micros(1_768_219_200_000_000).unwrap();
    for waiting in [Waiting::Kept, Waiting::Only(later), Waiting::Hidden(later)] {
        let filter = ItemFilter {
            statuses: vec![Status::Pending],
            waiting,
            limit: Some(usize::MAX),
            count_up_to: Some(1000),
            ..ItemFilter::default()
        };
        let (items, total, capped) = index
            .page_exact(&filter, i64::MAX as usize, None)
            .expect("the index answers")
            .expect("exactly, in SQL");
        let want = if matches!(waiting, Waiting::Only(_)) { 0 } else { 3 };
        assert_eq!((items.len(), total, capped), (want, want, false), "{waiting:?}");
    }
}
