//! The contract every `EventStore` backend must meet, written once and run against each
//! backend through [`contract_tests!`]. Modelled on Commanded's append tests and the
//! `eventsourcing` recorder tests.

use std::sync::Arc;

use serde_json::json;
use ulid::Ulid;

use super::{
    Appended, EventStore, ExpectedVersion, Metadata, NewEvent, OnceKey, StoreError, StreamAppend, StreamId,
};

/// Opens another handle on the store under test: for a database, its own connection; for
/// files, its own open files. Concurrency cases give each thread one, as processes would.
pub type Opener<'a> = dyn Fn() -> Arc<dyn EventStore> + 'a;
use crate::timestamp::Timestamp;

pub fn stream(name: &str) -> StreamId {
    StreamId::new(name).unwrap()
}

pub fn event(kind: &str, n: u64) -> NewEvent {
    NewEvent {
        event_id: Ulid::new(),
        aggregate_type: "thing".into(),
        aggregate_id: "T-1".into(),
        event_type: kind.into(),
        schema_version: 1,
        timestamp: Timestamp::from_unix_micros(1_768_219_200_000_000 + n as i64).unwrap(),
        payload: json!({ "n": n }),
        metadata: Metadata {
            actor: "tester".into(),
            correlation_id: Some("corr".into()),
            causation_id: None,
            idempotency_key: None,
            undoes: None,
            redoes: None,
            lamport: None,
        },
    }
}

pub fn events(count: u64) -> Vec<NewEvent> {
    (1..=count).map(|n| event("Happened", n)).collect()
}

fn assert_conflict(result: Result<Appended, StoreError>, want_expected: ExpectedVersion, want_actual: u64) {
    match result {
        Err(StoreError::Conflict { expected, actual, .. }) => {
            assert_eq!(expected, want_expected);
            assert_eq!(actual, want_actual);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
}

pub fn first_append_starts_at_version_one(store: &dyn EventStore) {
    let s = stream("s-1");
    assert_eq!(
        store
            .append(&s, events(1), ExpectedVersion::NoStream)
            .unwrap()
            .version,
        1
    );
    let read = store.read_all(&s).unwrap();
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].version, 1);
}

pub fn versions_are_contiguous_across_batches(store: &dyn EventStore) {
    let s = stream("s-1");
    assert_eq!(
        store.append(&s, events(3), ExpectedVersion::Any).unwrap().version,
        3
    );
    assert_eq!(
        store.append(&s, events(1), ExpectedVersion::Any).unwrap().version,
        4
    );
    assert_eq!(
        store
            .append(&s, events(2), ExpectedVersion::Exact(4))
            .unwrap()
            .version,
        6
    );
    let versions: Vec<u64> = store.read_all(&s).unwrap().iter().map(|e| e.version).collect();
    assert_eq!(versions, vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(store.current_version(&s).unwrap(), 6);
}

pub fn recorded_events_keep_every_field(store: &dyn EventStore) {
    let s = stream("s-1");
    let mut original = event("Titled", 7);
    original.payload =
        json!({ "title": "line one\nline two\t\u{1b}[31m \"quoted\" \u{0}", "nested": {"a": [1, 2]} });
    original.metadata.causation_id = Some("cause".into());
    store
        .append(&s, vec![original.clone()], ExpectedVersion::Any)
        .unwrap();
    let read = store.read_all(&s).unwrap();
    assert_eq!(read, vec![original.recorded(1, 1)]);
}

pub fn no_stream_expectation(store: &dyn EventStore) {
    let s = stream("s-1");
    store.append(&s, events(1), ExpectedVersion::NoStream).unwrap();
    assert_conflict(
        store.append(&s, events(1), ExpectedVersion::NoStream),
        ExpectedVersion::NoStream,
        1,
    );
    assert_eq!(
        store
            .append(&stream("s-2"), events(2), ExpectedVersion::Exact(0))
            .unwrap()
            .version,
        2
    );
}

pub fn stream_exists_expectation(store: &dyn EventStore) {
    let s = stream("s-1");
    assert_conflict(
        store.append(&s, events(1), ExpectedVersion::StreamExists),
        ExpectedVersion::StreamExists,
        0,
    );
    assert!(!store.stream_exists(&s).unwrap());
    store.append(&s, events(1), ExpectedVersion::Any).unwrap();
    assert_eq!(
        store
            .append(&s, events(1), ExpectedVersion::StreamExists)
            .unwrap()
            .version,
        2
    );
}

pub fn exact_expectation(store: &dyn EventStore) {
    let s = stream("s-1");
    assert_conflict(
        store.append(&s, events(1), ExpectedVersion::Exact(1)),
        ExpectedVersion::Exact(1),
        0,
    );
    store.append(&s, events(2), ExpectedVersion::Exact(0)).unwrap();
    assert_conflict(
        store.append(&s, events(1), ExpectedVersion::Exact(1)),
        ExpectedVersion::Exact(1),
        2,
    );
    assert_conflict(
        store.append(&s, events(1), ExpectedVersion::Exact(3)),
        ExpectedVersion::Exact(3),
        2,
    );
    assert_eq!(
        store
            .append(&s, events(1), ExpectedVersion::Exact(2))
            .unwrap()
            .version,
        3
    );
}

pub fn any_expectation_always_appends(store: &dyn EventStore) {
    let s = stream("s-1");
    assert_eq!(
        store.append(&s, events(1), ExpectedVersion::Any).unwrap().version,
        1
    );
    assert_eq!(
        store.append(&s, events(1), ExpectedVersion::Any).unwrap().version,
        2
    );
}

pub fn a_conflict_writes_nothing(store: &dyn EventStore) {
    let s = stream("s-1");
    store.append(&s, events(2), ExpectedVersion::Any).unwrap();
    let before = store.read_all(&s).unwrap();
    let _ = store.append(&s, events(3), ExpectedVersion::Exact(1));
    let _ = store.append(&stream("s-2"), events(3), ExpectedVersion::Exact(5));
    assert_eq!(store.read_all(&s).unwrap(), before);
    assert!(!store.stream_exists(&stream("s-2")).unwrap());
    assert_eq!(store.list_streams().unwrap(), vec![s]);
}

pub fn an_empty_batch_is_rejected(store: &dyn EventStore) {
    let s = stream("s-1");
    assert!(matches!(
        store.append(&s, Vec::new(), ExpectedVersion::Any),
        Err(StoreError::EmptyBatch(_))
    ));
    assert!(!store.stream_exists(&s).unwrap());
}

pub fn reads_a_version_range(store: &dyn EventStore) {
    let s = stream("s-1");
    store.append(&s, events(5), ExpectedVersion::Any).unwrap();
    let versions = |from, to| -> Vec<u64> {
        store
            .read(&s, from, to)
            .unwrap()
            .iter()
            .map(|e| e.version)
            .collect()
    };
    assert_eq!(versions(2, 4), vec![2, 3, 4]);
    assert_eq!(versions(4, u64::MAX), vec![4, 5]);
    assert_eq!(versions(1, 1), vec![1]);
    assert_eq!(versions(6, 9), Vec::<u64>::new());
    assert!(store.read_all(&stream("absent")).unwrap().is_empty());
    assert_eq!(store.current_version(&stream("absent")).unwrap(), 0);
}

pub fn streams_are_independent_and_listed_in_order(store: &dyn EventStore) {
    for name in ["b", "a/../c", "a", "A"] {
        store
            .append(&stream(name), events(1), ExpectedVersion::NoStream)
            .unwrap();
    }
    store
        .append(&stream("a"), events(1), ExpectedVersion::Exact(1))
        .unwrap();
    let listed: Vec<String> = store
        .list_streams()
        .unwrap()
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    assert_eq!(listed, vec!["A", "a", "a/../c", "b"]);
    assert_eq!(store.current_version(&stream("a")).unwrap(), 2);
    assert_eq!(store.current_version(&stream("a/../c")).unwrap(), 1);
}

pub fn numbered_streams_take_the_first_free_number(store: &dyn EventStore) {
    let name = |n: u64| stream(&format!("item-{n}"));
    store
        .append(&name(2), events(1), ExpectedVersion::NoStream)
        .unwrap();
    let mut build = |n: u64| Ok((name(n), events(2)));
    let first = store.create_numbered_stream("item", None, &mut build).unwrap();
    let second = store.create_numbered_stream("item", None, &mut build).unwrap();
    assert_eq!((first.number, first.version), (1, 2));
    assert_eq!(second.number, 3, "number 2 was taken by an explicit append");
    assert_eq!(second.stream, name(3));
    assert_eq!(store.current_version(&name(3)).unwrap(), 2);
}

pub fn concurrent_appends_lose_nothing(open: &Opener<'_>) {
    let store = open();
    let s = stream("shared");
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let store = open();
            let s = s.clone();
            std::thread::spawn(move || {
                for _ in 0..25 {
                    store.append(&s, events(2), ExpectedVersion::Any).unwrap();
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let versions: Vec<u64> = store.read_all(&s).unwrap().iter().map(|e| e.version).collect();
    assert_eq!(versions, (1..=200).collect::<Vec<_>>());
}

pub fn exactly_one_racer_wins_each_round(open: &Opener<'_>) {
    let store = open();
    let s = stream("contended");
    for round in 0..10u64 {
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let store = open();
                let s = s.clone();
                std::thread::spawn(move || store.append(&s, events(1), ExpectedVersion::Exact(round)).is_ok())
            })
            .collect();
        let wins = threads
            .into_iter()
            .filter(|_| true)
            .map(|t| t.join().unwrap())
            .filter(|won| *won)
            .count();
        assert_eq!(wins, 1, "round {round}");
    }
    assert_eq!(store.current_version(&s).unwrap(), 10);
}

pub fn positions_give_one_global_order(store: &dyn EventStore) {
    assert_eq!(store.head_position().unwrap(), 0);
    assert!(store.read_global(0, 10).unwrap().is_empty());
    let appended = store
        .append(&stream("a"), events(2), ExpectedVersion::Any)
        .unwrap();
    assert_eq!((appended.version, appended.position), (2, 2));
    let appended = store
        .append(&stream("b"), events(1), ExpectedVersion::Any)
        .unwrap();
    assert_eq!((appended.version, appended.position), (1, 3));
    store
        .append(&stream("a"), events(2), ExpectedVersion::Any)
        .unwrap();
    let _ = store.append(&stream("b"), events(1), ExpectedVersion::Exact(0));
    assert_eq!(store.head_position().unwrap(), 5);
    let order: Vec<(String, u64, u64)> = store
        .read_global(0, 100)
        .unwrap()
        .into_iter()
        .map(|e| (e.aggregate_id.clone(), e.version, e.position))
        .collect();
    assert_eq!(order.iter().map(|o| o.2).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5]);
    let streams_in_order: Vec<u64> = store
        .read_global(0, 100)
        .unwrap()
        .iter()
        .map(|e| e.version)
        .collect();
    assert_eq!(streams_in_order, vec![1, 2, 1, 3, 4]);
    let page: Vec<u64> = store
        .read_global(2, 2)
        .unwrap()
        .iter()
        .map(|e| e.position)
        .collect();
    assert_eq!(page, vec![3, 4]);
    assert!(store.read_global(5, 10).unwrap().is_empty());
    let a = store.read_all(&stream("a")).unwrap();
    assert_eq!(a.iter().map(|e| e.position).collect::<Vec<_>>(), vec![1, 2, 4, 5]);
}

/// The global log read as lines holds the same events as read whole, page for page, and
/// a line serializes to the bytes its event does (what export writes), whatever its
/// strings hold and whichever metadata it carries.
pub fn lines_of_the_global_log_are_its_events(store: &dyn EventStore) {
    let mut page = super::LinePage::new();
    store.read_global_lines(0, 10, &mut page).unwrap();
    assert!(page.is_empty());
    let mut odd = event("Odd \"quoted\" \\ type", 1);
    odd.aggregate_id = "T-\u{e9}\n\t\u{1F600}".into();
    odd.payload =
        json!({ "title": "line\nbreak \"q\" \u{7f} \u{2028}", "nested": { "z": [1, 2.5, null], "a": true } });
    odd.metadata = Metadata {
        actor: "ag\u{e9}nt \"7\"".into(),
        correlation_id: None,
        causation_id: Some("cause".into()),
        idempotency_key: Some("key".into()),
        undoes: Some("u".into()),
        redoes: Some("r".into()),
        lamport: Some(7),
    };
    store
        .append(&stream("a"), events(3), ExpectedVersion::Any)
        .unwrap();
    store
        .append(&stream("b"), vec![odd], ExpectedVersion::Any)
        .unwrap();
    store
        .append(&stream("a"), events(2), ExpectedVersion::Any)
        .unwrap();
    for (after, limit) in [(0, 100), (0, 2), (2, 2), (4, 10), (6, 10)] {
        let events = store.read_global(after, limit).unwrap();
        store.read_global_lines(after, limit, &mut page).unwrap();
        assert_eq!(page.len(), events.len(), "after {after} limit {limit}");
        assert_eq!(page.last_position(), events.last().map(|e| e.position));
        for (index, event) in events.iter().enumerate() {
            let line = page.line(index).unwrap();
            assert_eq!(&line.to_recorded().unwrap(), event);
            assert_eq!(
                serde_json::to_string(&line).unwrap(),
                serde_json::to_string(event).unwrap()
            );
        }
    }
}

pub fn concurrent_appends_get_unique_contiguous_positions(open: &Opener<'_>) {
    let store = open();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let store = open();
            std::thread::spawn(move || {
                for _ in 0..20 {
                    store
                        .append(&stream(&format!("t{t}")), events(2), ExpectedVersion::Any)
                        .unwrap();
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    let all = store.read_global(0, 1000).unwrap();
    assert_eq!(
        all.iter().map(|e| e.position).collect::<Vec<_>>(),
        (1..=160).collect::<Vec<_>>()
    );
    for t in 0..4 {
        let own = store.read_all(&stream(&format!("t{t}"))).unwrap();
        let positions: Vec<u64> = own.iter().map(|e| e.position).collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "versions follow positions in t{t}"
        );
        assert_eq!(own.len(), 40);
    }
}

/// Events written under an idempotency key carry it, as the application writes them.
fn keyed(count: u64, key: &str) -> Vec<NewEvent> {
    let mut batch = events(count);
    for event in &mut batch {
        event.metadata.idempotency_key = Some(key.to_owned());
    }
    batch
}

pub fn an_idempotency_key_appends_once(store: &dyn EventStore) {
    let s = stream("once");
    let key = OnceKey {
        key: "k-1".into(),
        fingerprint: "f-1".into(),
    };
    let first = store
        .append_once(&s, keyed(2, "k-1"), ExpectedVersion::Any, Some(&key))
        .unwrap();
    assert!(!first.replayed);
    let again = store
        .append_once(&s, keyed(2, "k-1"), ExpectedVersion::Any, Some(&key))
        .unwrap();
    assert!(again.replayed);
    assert_eq!(again.appended, first.appended);
    assert_eq!(store.current_version(&s).unwrap(), 2, "the repeat wrote nothing");
    let other = OnceKey {
        key: "k-1".into(),
        fingerprint: "f-2".into(),
    };
    assert!(matches!(
        store.append_once(&s, keyed(1, "k-1"), ExpectedVersion::Any, Some(&other)),
        Err(StoreError::IdempotencyKeyReused { .. })
    ));
    let record = store.lookup_once("k-1").unwrap().unwrap();
    assert_eq!(
        (
            record.first_version,
            record.last_version,
            record.first_position,
            record.last_position
        ),
        (1, 2, 1, 2)
    );
    assert!(store.lookup_once("unused").unwrap().is_none());
    // A conflict under a key records nothing, so the key stays free.
    let refused = OnceKey {
        key: "k-2".into(),
        fingerprint: "f".into(),
    };
    assert!(store
        .append_once(&s, keyed(1, "k-2"), ExpectedVersion::Exact(0), Some(&refused))
        .is_err());
    assert!(store.lookup_once("k-2").unwrap().is_none());
}

pub fn an_idempotency_key_creates_one_numbered_stream(store: &dyn EventStore) {
    let key = OnceKey {
        key: "create-1".into(),
        fingerprint: "f".into(),
    };
    let mut build = |n: u64| Ok((stream(&format!("N-{n}")), keyed(1, "create-1")));
    let first = store.create_numbered_stream("N", Some(&key), &mut build).unwrap();
    let again = store.create_numbered_stream("N", Some(&key), &mut build).unwrap();
    assert_eq!((first.number, first.replayed), (1, false));
    assert_eq!(
        (again.number, again.stream.clone(), again.replayed),
        (1, first.stream, true)
    );
    let next = store.create_numbered_stream("N", None, &mut build).unwrap();
    assert_eq!(next.number, 2);
    assert_eq!(store.head_position().unwrap(), 2);
}

fn part(name: &str, count: u64, expected: ExpectedVersion) -> StreamAppend {
    StreamAppend {
        stream: stream(name),
        events: events(count),
        expected,
    }
}

pub fn a_multi_stream_append_writes_every_batch(store: &dyn EventStore) {
    store
        .append(&stream("m-a"), events(2), ExpectedVersion::NoStream)
        .unwrap();
    let written = store
        .append_all(
            vec![
                part("m-a", 1, ExpectedVersion::Exact(2)),
                part("m-b", 2, ExpectedVersion::NoStream),
                part("m-c", 1, ExpectedVersion::Any),
            ],
            None,
        )
        .unwrap();
    assert!(!written.replayed);
    let at = |version, position| Appended { version, position };
    assert_eq!(written.appended, vec![at(3, 3), at(2, 5), at(1, 6)]);
    assert_eq!(store.head_position().unwrap(), 6);
    let global: Vec<(String, u64, u64)> = store
        .read_global(0, 100)
        .unwrap()
        .into_iter()
        .map(|e| (e.aggregate_id, e.version, e.position))
        .collect();
    assert_eq!(global.len(), 6);
    let order: Vec<(StreamId, u64)> = ["m-a", "m-a", "m-a", "m-b", "m-b", "m-c"]
        .iter()
        .zip([1, 2, 3, 1, 2, 1])
        .map(|(s, v)| (stream(s), v))
        .collect();
    for (name, version) in &order {
        assert_eq!(store.read(name, *version, *version).unwrap().len(), 1);
    }
    assert_eq!(store.current_version(&stream("m-b")).unwrap(), 2);
    assert_eq!(store.current_version(&stream("m-c")).unwrap(), 1);
    // Appends after a multi-stream write carry on from it, in every stream it touched.
    let next = store
        .append(&stream("m-b"), events(1), ExpectedVersion::Exact(2))
        .unwrap();
    assert_eq!(next, at(3, 7));
}

pub fn a_conflict_in_any_stream_of_a_multi_stream_append_writes_none(store: &dyn EventStore) {
    store
        .append(&stream("x-a"), events(1), ExpectedVersion::NoStream)
        .unwrap();
    let result = store.append_all(
        vec![
            part("x-a", 1, ExpectedVersion::Exact(1)),
            part("x-b", 1, ExpectedVersion::NoStream),
            part("x-a-never", 1, ExpectedVersion::StreamExists),
        ],
        None,
    );
    assert!(matches!(result, Err(StoreError::Conflict { .. })), "{result:?}");
    assert_eq!(store.current_version(&stream("x-a")).unwrap(), 1);
    assert_eq!(store.current_version(&stream("x-b")).unwrap(), 0);
    assert_eq!(store.head_position().unwrap(), 1);
    assert_eq!(store.read_global(0, 100).unwrap().len(), 1);
    let duplicate = store.append_all(
        vec![
            part("x-b", 1, ExpectedVersion::Any),
            part("x-b", 1, ExpectedVersion::Any),
        ],
        None,
    );
    assert!(
        matches!(duplicate, Err(StoreError::DuplicateStream(_))),
        "{duplicate:?}"
    );
    let empty = store.append_all(
        vec![
            part("x-b", 1, ExpectedVersion::Any),
            part("x-c", 0, ExpectedVersion::Any),
        ],
        None,
    );
    assert!(matches!(empty, Err(StoreError::EmptyBatch(_))), "{empty:?}");
    assert_eq!(store.head_position().unwrap(), 1, "refused writes left nothing");
}

pub fn an_idempotency_key_appends_to_several_streams_once(store: &dyn EventStore) {
    let key = OnceKey {
        key: "multi-1".into(),
        fingerprint: "f".into(),
    };
    let parts = || {
        ["k-a", "k-b"]
            .iter()
            .map(|name| StreamAppend {
                stream: stream(name),
                events: keyed(1, "multi-1"),
                expected: ExpectedVersion::Any,
            })
            .collect::<Vec<_>>()
    };
    let first = store.append_all(parts(), Some(&key)).unwrap();
    let again = store.append_all(parts(), Some(&key)).unwrap();
    assert!(!first.replayed);
    assert!(again.replayed);
    assert_eq!(again.appended, first.appended);
    assert_eq!(store.head_position().unwrap(), 2, "the repeat wrote nothing");
    let record = store.lookup_once("multi-1").unwrap().unwrap();
    let spans: Vec<(StreamId, u64)> = record
        .spans()
        .into_iter()
        .map(|s| (s.stream, s.last_position))
        .collect();
    assert_eq!(spans, vec![(stream("k-a"), 1), (stream("k-b"), 2)]);
}

/// Writers append one event to each of two streams at once while a reader follows the
/// global order: it must never see one stream's event of a write without the other's.
pub fn concurrent_multi_stream_appends_are_seen_whole(open: &Opener<'_>) {
    let writers = 4;
    let rounds = 15;
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let store = open();
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut checks = 0;
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst);
                let all = store.read_global(0, usize::MAX).unwrap();
                assert_eq!(all.len() % 2, 0, "half a write is visible: {} events", all.len());
                for pair in all.chunks(2) {
                    assert_eq!(pair[0].payload, pair[1].payload, "a write's events are apart");
                    assert_ne!(pair[0].aggregate_id, pair[1].aggregate_id);
                }
                let head = store.head_position().unwrap();
                assert_eq!(head % 2, 0, "the head is inside a write: {head}");
                checks += 1;
                if finished {
                    return checks;
                }
            }
        })
    };
    let handles: Vec<_> = (0..writers)
        .map(|writer| {
            let store = open();
            std::thread::spawn(move || {
                for round in 0..rounds {
                    let tag = writer * 1000 + round;
                    let parts = ["pair-a", "pair-b"]
                        .iter()
                        .map(|name| {
                            let mut event = event("Paired", tag);
                            event.aggregate_id = (*name).to_owned();
                            StreamAppend {
                                stream: stream(name),
                                events: vec![event],
                                expected: ExpectedVersion::Any,
                            }
                        })
                        .collect();
                    store.append_all(parts, None).unwrap();
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let checks = reader.join().unwrap();
    assert!(checks > 0);
    let store = open();
    let total = writers * rounds;
    assert_eq!(store.current_version(&stream("pair-a")).unwrap(), total);
    assert_eq!(store.current_version(&stream("pair-b")).unwrap(), total);
    assert_eq!(store.head_position().unwrap(), total * 2);
}

pub fn idempotency_records_are_listed_and_restored(open: &Opener<'_>) {
    let store = open();
    let key = OnceKey {
        key: "carried".into(),
        fingerprint: "f".into(),
    };
    store
        .append_once(
            &stream("o-a"),
            keyed(1, "carried"),
            ExpectedVersion::Any,
            Some(&key),
        )
        .unwrap();
    store
        .append(&stream("o-b"), events(1), ExpectedVersion::Any)
        .unwrap();
    let records = store.once_records().unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].key, "carried");
    // Restoring a key already recorded leaves it as it was.
    let mut other = records[0].clone();
    other.fingerprint = "changed".into();
    store.restore_once(&other).unwrap();
    assert_eq!(open().lookup_once("carried").unwrap().unwrap().fingerprint, "f");
    assert_eq!(open().once_records().unwrap(), records);
}

pub fn caches_are_replaced_whole(store: &dyn EventStore) {
    assert_eq!(store.load_cache("items").unwrap(), None);
    store.save_cache("items", b"first").unwrap();
    store.save_cache("items", b"second, longer").unwrap();
    store.save_cache("snapshots/a-1", b"").unwrap();
    assert_eq!(
        store.load_cache("items").unwrap().as_deref(),
        Some(&b"second, longer"[..])
    );
    assert_eq!(
        store.load_cache("snapshots/a-1").unwrap().as_deref(),
        Some(&b""[..])
    );
}

/// State records are kept apart from caches, replaced whole, and seen by other handles
/// (the policies' checkpoint is one).
pub fn state_is_kept_apart_from_caches(open: &Opener<'_>) {
    let store = open();
    assert_eq!(store.load_state("policies").unwrap(), None);
    store.save_cache("policies", b"a cache").unwrap();
    assert_eq!(
        store.load_state("policies").unwrap(),
        None,
        "a cache is not state"
    );
    store.save_state("policies", br#"{"position":7}"#).unwrap();
    store.save_state("policies", br#"{"position":12}"#).unwrap();
    let other = open();
    assert_eq!(
        other.load_state("policies").unwrap().as_deref(),
        Some(&br#"{"position":12}"#[..])
    );
    assert_eq!(
        store.load_cache("policies").unwrap().as_deref(),
        Some(&b"a cache"[..])
    );
}

/// `events follow`: a waiter on one handle wakes soon after another handle appends.
pub fn a_waiter_wakes_on_an_append(open: &Opener<'_>) {
    let store = open();
    store
        .append(&stream("w"), events(1), ExpectedVersion::Any)
        .unwrap();
    let writer = open();
    let started = std::time::Instant::now();
    let append = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(150));
        writer
            .append(&stream("w"), events(1), ExpectedVersion::Any)
            .unwrap();
    });
    let mut woke_with_event = false;
    while started.elapsed() < std::time::Duration::from_secs(10) {
        store
            .wait_for_events(1, std::time::Duration::from_secs(10))
            .unwrap();
        if store.head_position().unwrap() > 1 {
            woke_with_event = true;
            break;
        }
    }
    append.join().unwrap();
    assert!(woke_with_event, "no wake-up within 10 s");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "woke only after {:?}",
        started.elapsed()
    );
    // Nothing new: a wait returns by its timeout, not at once forever.
    let quiet = std::time::Instant::now();
    store
        .wait_for_events(2, std::time::Duration::from_millis(100))
        .unwrap();
    store
        .wait_for_events(2, std::time::Duration::from_millis(100))
        .unwrap();
    assert!(quiet.elapsed() >= std::time::Duration::from_millis(50));
}

/// A reader following the global order while writers race never sees a position before a
/// lower one has become visible: every page it reads continues exactly where it stopped.
/// (The bug a sequence-numbered SQL store ships when positions commit out of order.)
pub fn a_follower_never_skips_a_position(open: &Opener<'_>) {
    const WRITERS: usize = 4;
    const APPENDS: usize = 30;
    let total = (WRITERS * APPENDS * 2) as u64;
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let store = open();
            std::thread::spawn(move || {
                for _ in 0..APPENDS {
                    store
                        .append(&stream(&format!("f{w}")), events(2), ExpectedVersion::Any)
                        .unwrap();
                }
            })
        })
        .collect();
    let reader = open();
    let mut after = 0;
    let started = std::time::Instant::now();
    while after < total {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "stuck at {after}"
        );
        for event in reader.read_global(after, 7).unwrap() {
            assert_eq!(event.position, after + 1, "the follower skipped a position");
            after = event.position;
        }
    }
    for writer in writers {
        writer.join().unwrap();
    }
    assert_eq!(reader.head_position().unwrap(), total);
}

/// The events of `from` as they would be under `to`: same ids, versions, positions.
fn renamed(store: &dyn EventStore, from: &StreamId, to: &str) -> Vec<super::RecordedEvent> {
    store
        .read_all(from)
        .unwrap()
        .into_iter()
        .map(|mut event| {
            event.aggregate_id = to.to_owned();
            event.payload = json!({ "renamed": true });
            event
        })
        .collect()
}

pub fn a_renamed_stream_keeps_its_events_in_place(open: &Opener<'_>) {
    let store = open();
    let (a, b) = (stream("r-a"), stream("r-b"));
    store.append(&a, events(2), ExpectedVersion::NoStream).unwrap();
    store.append(&b, events(1), ExpectedVersion::NoStream).unwrap();
    store.append(&a, events(1), ExpectedVersion::Exact(2)).unwrap();
    let moved = renamed(store.as_ref(), &a, "r-z");
    store.rename_stream(&a, &stream("r-z"), moved.clone()).unwrap();
    let other = open();
    assert!(!other.stream_exists(&a).unwrap());
    assert_eq!(other.read_all(&stream("r-z")).unwrap(), moved);
    let global: Vec<(String, u64)> = other
        .read_global(0, 10)
        .unwrap()
        .into_iter()
        .map(|e| (e.aggregate_id, e.position))
        .collect();
    let want: Vec<(String, u64)> = [("r-z", 1), ("r-z", 2), ("T-1", 3), ("r-z", 4)]
        .iter()
        .map(|(s, p)| ((*s).to_owned(), *p))
        .collect();
    assert_eq!(global, want);
    assert_eq!(other.head_position().unwrap(), 4);
    // The old id is free again, and the log carries on after the same head.
    let next = other.append(&a, events(1), ExpectedVersion::NoStream).unwrap();
    assert_eq!(
        next,
        Appended {
            version: 1,
            position: 5
        }
    );
    assert_eq!(store.read_all(&stream("r-z")).unwrap(), moved);
}

pub fn a_rename_is_refused_when_taken_or_changed(store: &dyn EventStore) {
    let (a, b) = (stream("q-a"), stream("q-b"));
    store.append(&a, events(2), ExpectedVersion::NoStream).unwrap();
    store.append(&b, events(1), ExpectedVersion::NoStream).unwrap();
    let moved = renamed(store, &a, "q-b");
    let taken = store.rename_stream(&a, &b, moved.clone());
    assert!(
        matches!(taken, Err(StoreError::RenameRefused { .. })),
        "{taken:?}"
    );
    store.append(&a, events(1), ExpectedVersion::Exact(2)).unwrap();
    let stale = store.rename_stream(&a, &stream("q-c"), moved);
    assert!(
        matches!(stale, Err(StoreError::RenameRefused { .. })),
        "{stale:?}"
    );
    assert_eq!(store.current_version(&a).unwrap(), 3);
    assert!(!store.stream_exists(&stream("q-c")).unwrap());
    let missing = store.rename_stream(&stream("q-none"), &stream("q-d"), Vec::new());
    assert!(
        matches!(missing, Err(StoreError::RenameRefused { .. })),
        "{missing:?}"
    );
}

/// A multi-stream write whose last stream is renamed stays whole in the others.
pub fn a_rename_keeps_multi_stream_writes_committed(open: &Opener<'_>) {
    let store = open();
    store
        .append_all(
            vec![
                part("w-a", 2, ExpectedVersion::NoStream),
                part("w-b", 1, ExpectedVersion::NoStream),
            ],
            None,
        )
        .unwrap();
    let moved = renamed(store.as_ref(), &stream("w-b"), "w-c");
    store
        .rename_stream(&stream("w-b"), &stream("w-c"), moved)
        .unwrap();
    // Its old id taken by another stream, the witness is not where the write said.
    store
        .append(&stream("w-b"), events(3), ExpectedVersion::NoStream)
        .unwrap();
    let other = open();
    assert_eq!(other.current_version(&stream("w-a")).unwrap(), 2);
    assert_eq!(other.read_all(&stream("w-a")).unwrap().len(), 2);
    assert_eq!(other.read_global(0, 100).unwrap().len(), 6);
    let next = other
        .append(&stream("w-a"), events(1), ExpectedVersion::Exact(2))
        .unwrap();
    assert_eq!(
        next,
        Appended {
            version: 3,
            position: 7
        }
    );
}

/// Generates one `#[test]` per contract function for a backend built by `$factory`, a
/// closure from a temporary directory to the store; called again with the same directory
/// it must open the same store (another handle). `one_handle` says the backend cannot do
/// that (memory): every handle is then the first. `available` may skip a backend whose
/// server is missing outside CI.
macro_rules! contract_tests {
    ($factory:expr) => {
        $crate::store::contract::contract_tests!($factory, handles = true, available = || true);
    };
    ($factory:expr, one_handle) => {
        $crate::store::contract::contract_tests!($factory, handles = false, available = || true);
    };
    ($factory:expr, handles = $handles:expr, available = $available:expr) => {
        mod contract {
            #[allow(unused_imports)]
            use super::*;
            use std::sync::Arc;
            use $crate::store::contract as c;
            use $crate::store::EventStore;

            fn with_handles(test: impl FnOnce(&c::Opener<'_>)) {
                if !($available)() {
                    return;
                }
                let dir = tempfile::tempdir().unwrap();
                let first: Arc<dyn EventStore> = Arc::new(($factory)(dir.path()));
                let open = || -> Arc<dyn EventStore> {
                    if $handles {
                        Arc::new(($factory)(dir.path()))
                    } else {
                        Arc::clone(&first)
                    }
                };
                test(&open);
            }

            macro_rules! case {
                ($name:ident, by_ref) => {
                    #[test]
                    fn $name() {
                        with_handles(|open| c::$name(open().as_ref()));
                    }
                };
                ($name:ident, shared) => {
                    #[test]
                    fn $name() {
                        with_handles(c::$name);
                    }
                };
            }

            case!(first_append_starts_at_version_one, by_ref);
            case!(versions_are_contiguous_across_batches, by_ref);
            case!(recorded_events_keep_every_field, by_ref);
            case!(no_stream_expectation, by_ref);
            case!(stream_exists_expectation, by_ref);
            case!(exact_expectation, by_ref);
            case!(any_expectation_always_appends, by_ref);
            case!(a_conflict_writes_nothing, by_ref);
            case!(an_empty_batch_is_rejected, by_ref);
            case!(reads_a_version_range, by_ref);
            case!(streams_are_independent_and_listed_in_order, by_ref);
            case!(numbered_streams_take_the_first_free_number, by_ref);
            case!(concurrent_appends_lose_nothing, shared);
            case!(exactly_one_racer_wins_each_round, shared);
            case!(positions_give_one_global_order, by_ref);
            case!(lines_of_the_global_log_are_its_events, by_ref);
            case!(concurrent_appends_get_unique_contiguous_positions, shared);
            case!(an_idempotency_key_appends_once, by_ref);
            case!(an_idempotency_key_creates_one_numbered_stream, by_ref);
            case!(a_multi_stream_append_writes_every_batch, by_ref);
            case!(
                a_conflict_in_any_stream_of_a_multi_stream_append_writes_none,
                by_ref
            );
            case!(an_idempotency_key_appends_to_several_streams_once, by_ref);
            case!(concurrent_multi_stream_appends_are_seen_whole, shared);
            case!(idempotency_records_are_listed_and_restored, shared);
            case!(caches_are_replaced_whole, by_ref);
            case!(state_is_kept_apart_from_caches, shared);
            case!(a_waiter_wakes_on_an_append, shared);
            case!(a_follower_never_skips_a_position, shared);
            case!(a_renamed_stream_keeps_its_events_in_place, shared);
            case!(a_rename_is_refused_when_taken_or_changed, by_ref);
            case!(a_rename_keeps_multi_stream_writes_committed, shared);
        }
    };
}
pub(crate) use contract_tests;
