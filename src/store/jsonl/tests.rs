//! Behaviour only the file backend has: torn tails, unfinished batches, corruption.

use std::io::Write;
use std::path::Path;

use super::JsonlStore;
use crate::store::contract::{events, stream};
use crate::store::{EventStore, ExpectedVersion, StoreError};

crate::store::contract::contract_tests!(|dir: &std::path::Path| JsonlStore::open(dir.join("data")));

fn store_in(dir: &Path) -> JsonlStore {
    JsonlStore::open(dir.join("data"))
}

fn append_raw(path: &Path, bytes: &[u8]) {
    let mut file = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    file.write_all(bytes).unwrap();
}

#[test]
fn writes_one_line_per_event_in_the_documented_format() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = stream("work_item-WORK-001");
    store.append(&s, events(1), ExpectedVersion::NoStream).unwrap();
    let path = dir.path().join("data/events/work_item-WORK-001.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    assert_eq!(text.lines().count(), 1);
    assert!(text.ends_with('\n'));
    let line: serde_json::Value = serde_json::from_str(text.trim_end()).unwrap();
    let keys: Vec<&str> = line.as_object().unwrap().keys().map(String::as_str).collect();
    for key in [
        "event_id",
        "aggregate_type",
        "aggregate_id",
        "event_type",
        "version",
        "schema_version",
        "timestamp",
        "payload",
        "metadata",
    ] {
        assert!(keys.contains(&key), "missing {key} in {text}");
    }
    assert!(line["timestamp"].as_str().unwrap().ends_with(".000001Z"));
}

#[test]
fn a_torn_last_line_is_ignored_then_truncated_by_the_next_writer() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = stream("s");
    store.append(&s, events(2), ExpectedVersion::Any).unwrap();
    let path = store.stream_path(&s);
    append_raw(&path, br#"{"event_id":"01J","version":3,"TORNMARK"#);

    assert_eq!(store.current_version(&s).unwrap(), 2);
    assert_eq!(store.read_all(&s).unwrap().len(), 2);
    assert_eq!(
        store
            .append(&s, events(1), ExpectedVersion::Exact(2))
            .unwrap()
            .version,
        3
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 3);
    assert!(!text.contains("TORNMARK"));
    assert_eq!(store.read_all(&s).unwrap().len(), 3);
}

#[test]
fn a_file_holding_only_a_torn_line_is_an_absent_stream() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = stream("s");
    std::fs::create_dir_all(dir.path().join("data/events")).unwrap();
    std::fs::write(store.stream_path(&s), b"{\"half").unwrap();
    assert!(!store.stream_exists(&s).unwrap());
    assert_eq!(
        store
            .append(&s, events(1), ExpectedVersion::NoStream)
            .unwrap()
            .version,
        1
    );
}

#[test]
fn an_unfinished_batch_is_invisible_and_dropped_by_the_next_writer() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = stream("s");
    store.append(&s, events(1), ExpectedVersion::Any).unwrap();
    let path = store.stream_path(&s);
    let before = std::fs::read(&path).unwrap();
    store.append(&s, events(3), ExpectedVersion::Any).unwrap();
    let full = std::fs::read_to_string(&path).unwrap();
    // Simulate a crash after the batch's first two lines reached the disk.
    let lines: Vec<&str> = full.lines().collect();
    let crashed = format!("{}\n{}\n{}\n", lines[0], lines[1], lines[2]);
    std::fs::write(&path, &crashed).unwrap();

    assert_eq!(store.current_version(&s).unwrap(), 1);
    assert_eq!(store.read_all(&s).unwrap().len(), 1);
    assert_eq!(store.read(&s, 1, 2).unwrap().len(), 1);
    assert_eq!(
        store
            .append(&s, events(1), ExpectedVersion::Exact(1))
            .unwrap()
            .version,
        2
    );
    let after = std::fs::read(&path).unwrap();
    assert!(after.starts_with(&before));
    assert_eq!(String::from_utf8(after).unwrap().lines().count(), 2);
}

#[test]
fn a_completed_batch_is_visible_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = stream("s");
    store.append(&s, events(3), ExpectedVersion::Any).unwrap();
    store.append(&s, events(2), ExpectedVersion::Any).unwrap();
    assert_eq!(store.read_all(&s).unwrap().len(), 5);
    assert_eq!(store.current_version(&s).unwrap(), 5);
}

#[test]
fn a_malformed_line_before_the_end_is_corruption_named_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = stream("s");
    store.append(&s, events(3), ExpectedVersion::Any).unwrap();
    store.append(&s, events(1), ExpectedVersion::Any).unwrap();
    let path = store.stream_path(&s);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[1] = "not json".into();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();

    match store.read_all(&s) {
        Err(StoreError::Corrupt { line, path: p, .. }) => {
            assert_eq!(line, Some(2));
            assert_eq!(p, path);
        }
        other => panic!("expected corruption, got {other:?}"),
    }
}

#[test]
fn a_malformed_last_complete_line_stops_writers() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = stream("s");
    store.append(&s, events(1), ExpectedVersion::Any).unwrap();
    let path = store.stream_path(&s);
    append_raw(&path, b"garbage\n");
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        store.append(&s, events(1), ExpectedVersion::Any),
        Err(StoreError::Corrupt { .. })
    ));
    assert!(matches!(
        store.read_all(&s),
        Err(StoreError::Corrupt { line: Some(2), .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn long_lines_span_several_tail_chunks() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = stream("s");
    let mut big = events(3);
    for event in &mut big {
        event.payload = serde_json::json!({ "text": "x".repeat(10_000) });
    }
    store.append(&s, big, ExpectedVersion::Any).unwrap();
    append_raw(&store.stream_path(&s), "y".repeat(9_000).as_bytes());
    assert_eq!(store.current_version(&s).unwrap(), 3);
    assert_eq!(
        store
            .append(&s, events(1), ExpectedVersion::Exact(3))
            .unwrap()
            .version,
        4
    );
}

#[test]
fn reads_take_no_lock_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = stream("s");
    assert!(store.read_all(&s).unwrap().is_empty());
    assert_eq!(store.list_streams().unwrap(), vec![]);
    assert!(!dir.path().join("data").exists());
}

#[test]
fn a_held_lock_times_out_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let holder = store_in(dir.path());
    let s = stream("s");
    holder.append(&s, events(1), ExpectedVersion::Any).unwrap();
    let guard = holder.lock.acquire().unwrap();
    let waiter =
        JsonlStore::with_lock_timeout(dir.path().join("data"), std::time::Duration::from_millis(150));
    let started = std::time::Instant::now();
    let result = waiter.append(&s, events(1), ExpectedVersion::Any);
    assert!(
        matches!(result, Err(StoreError::LockTimeout { .. })),
        "{result:?}"
    );
    assert!(started.elapsed() >= std::time::Duration::from_millis(150));
    drop(guard);
    assert_eq!(
        waiter
            .append(&s, events(1), ExpectedVersion::Any)
            .unwrap()
            .version,
        2
    );
}

fn index_lines(dir: &Path) -> Vec<String> {
    std::fs::read_to_string(dir.join("data/index.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn the_index_names_each_event_by_stream_version_and_byte_range() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    store
        .append(&stream("a"), events(2), ExpectedVersion::Any)
        .unwrap();
    store
        .append(&stream("b"), events(1), ExpectedVersion::Any)
        .unwrap();
    let entries = store.read_index(0, 10).unwrap();
    assert_eq!(entries.len(), 3);
    let stream_a = std::fs::read(store.stream_path(&stream("a"))).unwrap();
    let second = &entries[1];
    let line = &stream_a[second.offset as usize..(second.offset + second.length) as usize];
    let event: serde_json::Value = serde_json::from_slice(line).unwrap();
    assert_eq!(event["position"], 2);
    assert_eq!(event["version"], 2);
    assert_eq!(entries[2].stream, stream("b"));
}

#[test]
fn index_entries_without_their_stream_lines_are_invisible_then_reconciled() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    store
        .append(&stream("a"), events(1), ExpectedVersion::Any)
        .unwrap();
    store
        .append(&stream("b"), events(2), ExpectedVersion::Any)
        .unwrap();
    // A writer crashed after its index entries but before (all of) its stream lines: cut
    // stream b back to nothing, then to half its batch.
    let path_b = store.stream_path(&stream("b"));
    let full_b = std::fs::read_to_string(&path_b).unwrap();
    for cut in [String::new(), format!("{}\n", full_b.lines().next().unwrap())] {
        std::fs::write(&path_b, &cut).unwrap();
        assert_eq!(store.head_position().unwrap(), 1);
        assert_eq!(store.read_global(0, 10).unwrap().len(), 1);
    }
    // The next writer drops the dangling entries and reuses their positions.
    let appended = store
        .append(&stream("c"), events(1), ExpectedVersion::Any)
        .unwrap();
    assert_eq!(appended.position, 2);
    assert_eq!(index_lines(dir.path()).len(), 2);
    let order: Vec<(u64, String)> = store
        .read_global(0, 10)
        .unwrap()
        .into_iter()
        .map(|e| (e.position, e.aggregate_id))
        .collect();
    assert_eq!(order.len(), 2);
    assert_eq!(store.read_all(&stream("b")).unwrap().len(), 0);
    assert_eq!(
        store
            .append(&stream("b"), events(1), ExpectedVersion::Any)
            .unwrap()
            .position,
        3
    );
}

#[test]
fn a_torn_index_line_is_ignored_and_cut() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    store
        .append(&stream("a"), events(1), ExpectedVersion::Any)
        .unwrap();
    append_raw(&dir.path().join("data/index.jsonl"), b"{\"position\":2,\"str");
    assert_eq!(store.read_global(0, 10).unwrap().len(), 1);
    assert_eq!(store.head_position().unwrap(), 1);
    assert_eq!(
        store
            .append(&stream("a"), events(1), ExpectedVersion::Any)
            .unwrap()
            .position,
        2
    );
    assert_eq!(index_lines(dir.path()).len(), 2);
    assert_eq!(store.read_global(1, 10).unwrap()[0].position, 2);
}

#[test]
fn a_missing_index_is_rebuilt_from_the_streams() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    for name in ["a", "b", "a", "c", "b"] {
        store
            .append(&stream(name), events(2), ExpectedVersion::Any)
            .unwrap();
    }
    let before = index_lines(dir.path());
    std::fs::remove_file(dir.path().join("data/index.jsonl")).unwrap();
    assert_eq!(
        store
            .append(&stream("d"), events(1), ExpectedVersion::Any)
            .unwrap()
            .position,
        11
    );
    let after = index_lines(dir.path());
    assert_eq!(&after[..10], before.as_slice());
}

/// Before any writer rebuilds it, a reader of a project whose index file is gone still
/// sees the whole log, in order, and writes nothing.
#[test]
fn without_its_index_file_the_log_still_reads_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    for name in ["a", "b", "a"] {
        store
            .append(&stream(name), events(2), ExpectedVersion::Any)
            .unwrap();
    }
    let index = dir.path().join("data/index.jsonl");
    std::fs::remove_file(&index).unwrap();
    let reader = store_in(dir.path());
    assert_eq!(reader.head_position().unwrap(), 6);
    let positions: Vec<u64> = reader
        .read_global(0, 100)
        .unwrap()
        .iter()
        .map(|e| e.position)
        .collect();
    assert_eq!(positions, (1..=6).collect::<Vec<u64>>());
    assert_eq!(reader.read_global(4, 1).unwrap()[0].position, 5);
    assert!(!index.exists(), "a read wrote nothing");
}

#[test]
fn reading_after_a_position_finds_it_in_a_large_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let names = ["x", "y", "z"];
    for n in 0..700 {
        store
            .append(&stream(names[n % 3]), events(3), ExpectedVersion::Any)
            .unwrap();
    }
    assert!(
        std::fs::metadata(dir.path().join("data/index.jsonl"))
            .unwrap()
            .len()
            > 256 * 1024
    );
    for after in [0, 1, 999, 1000, 1337, 2098, 2099, 2100, 5000] {
        let got: Vec<u64> = store
            .read_global(after, 3)
            .unwrap()
            .iter()
            .map(|e| e.position)
            .collect();
        let want: Vec<u64> = (after + 1..=2100).take(3).collect();
        assert_eq!(got, want, "after {after}");
    }
}

/// Found by fuzzing: a line claiming a huge version once made the decoder try to allocate
/// room for that many events and abort.
#[test]
fn a_huge_claimed_version_is_corruption_not_an_abort() {
    let line = br#"{"version":200000000000,"position":1}"#;
    let mut bytes = line.to_vec();
    bytes.push(b'\n');
    let result = super::decode_stream_bytes(Path::new("x.jsonl"), &bytes);
    assert!(
        matches!(result, Err(StoreError::Corrupt { line: Some(1), .. })),
        "{result:?}"
    );
}

#[test]
fn without_a_hint_the_first_free_number_is_found_by_bisection() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let name = |n: u64| stream(&format!("item-{n}"));
    for n in 1..=37 {
        store
            .append(&name(n), events(1), ExpectedVersion::NoStream)
            .unwrap();
    }
    let mut build = |n: u64| Ok((name(n), events(1)));
    let created = store.create_numbered_stream("item", None, &mut build).unwrap();
    assert_eq!(created.number, 38);
    let next = store.create_numbered_stream("item", None, &mut build).unwrap();
    assert_eq!(next.number, 39, "and then the hint takes over");
}

/// A crash between the streams of a multi-stream write: the first stream's lines are on
/// disk, the witness (the last stream) never got its lines. Nothing of the write may show,
/// and the next writer of the first stream cuts the stranded lines off.
#[test]
fn a_multi_stream_write_without_its_witness_is_invisible_then_cut() {
    use crate::store::StreamAppend;
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let (a, b) = (stream("a"), stream("b"));
    store.append(&a, events(1), ExpectedVersion::NoStream).unwrap();
    store.append(&b, events(1), ExpectedVersion::NoStream).unwrap();
    let b_len = std::fs::metadata(store.stream_path(&b)).unwrap().len();
    let parts = vec![
        StreamAppend {
            stream: a.clone(),
            events: events(2),
            expected: ExpectedVersion::Exact(1),
        },
        StreamAppend {
            stream: b.clone(),
            events: events(1),
            expected: ExpectedVersion::Exact(1),
        },
    ];
    store.append_all(parts, None).unwrap();
    assert_eq!(store.head_position().unwrap(), 5);
    let a_text = std::fs::read_to_string(store.stream_path(&a)).unwrap();
    assert_eq!(a_text.matches("\"txn\"").count(), 2, "{a_text}");
    // The crash: the witness's lines never reached the disk.
    std::fs::OpenOptions::new()
        .write(true)
        .open(store.stream_path(&b))
        .unwrap()
        .set_len(b_len)
        .unwrap();

    let reopened = store_in(dir.path());
    assert_eq!(reopened.current_version(&a).unwrap(), 1);
    assert_eq!(reopened.read_all(&a).unwrap().len(), 1);
    assert_eq!(reopened.head_position().unwrap(), 2);
    assert_eq!(reopened.read_global(0, 100).unwrap().len(), 2);
    let (checkup, _) = reopened.doctor(false).unwrap();
    assert!(
        checkup.findings.iter().any(|f| f.kind == "unfinished_batch"),
        "{:?}",
        checkup.findings
    );

    let next = reopened.append(&a, events(1), ExpectedVersion::Exact(1)).unwrap();
    assert_eq!((next.version, next.position), (2, 3));
    let a_text = std::fs::read_to_string(store.stream_path(&a)).unwrap();
    assert_eq!(a_text.lines().count(), 2);
    assert!(
        !a_text.contains("\"txn\""),
        "the stranded lines were cut: {a_text}"
    );
    assert_eq!(reopened.read_global(0, 100).unwrap().len(), 3);
}

/// A stream long enough that reads of a range seek instead of reading the whole file.
fn long_stream(store: &JsonlStore, count: u64) -> crate::store::StreamId {
    let s = stream("long");
    for chunk in 0..count / 100 {
        store
            .append(&s, events(100), ExpectedVersion::Exact(chunk * 100))
            .unwrap();
    }
    s
}

#[test]
fn a_range_of_a_long_stream_reads_the_same_events_as_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = long_stream(&store, 1_000);
    assert!(std::fs::metadata(store.stream_path(&s)).unwrap().len() > 4 * 64 * 1024);
    let all = store.read_all(&s).unwrap();
    assert_eq!(all.len(), 1_000);
    for (from, to) in [
        (1, 1),
        (1, 7),
        (1, 1_000),
        (2, 2),
        (500, 520),
        (951, u64::MAX),
        (1_000, 1_000),
        (3, 999),
    ] {
        let got = store.read(&s, from, to).unwrap();
        let want: Vec<_> = all
            .iter()
            .filter(|e| e.version >= from && e.version <= to)
            .cloned()
            .collect();
        assert_eq!(got, want, "read({from}, {to})");
    }
    assert!(store.read(&s, 1_001, u64::MAX).unwrap().is_empty());
}

#[test]
fn a_range_read_ends_at_the_committed_end_of_a_long_stream() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = long_stream(&store, 1_000);
    let path = store.stream_path(&s);
    // An unfinished batch (its last line never written) and a torn line after it.
    let mut unfinished = store.read(&s, 1_000, 1_000).unwrap()[0].clone();
    unfinished.version = 1_001;
    let mut line = serde_json::to_value(&unfinished).unwrap();
    line["batch_end"] = 1_002.into();
    append_raw(&path, format!("{line}\n{{\"torn").as_bytes());
    let tail = store.read(&s, 990, u64::MAX).unwrap();
    assert_eq!(tail.len(), 11);
    assert_eq!(tail.last().unwrap().version, 1_000);
    assert_eq!(store.read(&s, 1, 3).unwrap().len(), 3);
}

#[test]
fn a_wrong_line_inside_a_range_of_a_long_stream_is_corruption_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    let s = long_stream(&store, 1_000);
    let path = store.stream_path(&s);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[979] = lines[979].replace("\"version\":980", "\"version\":9980");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    match store.read(&s, 950, u64::MAX) {
        Err(StoreError::Corrupt { line, .. }) => assert_eq!(line, Some(980)),
        other => panic!("expected corruption at line 980, got {other:?}"),
    }
    assert_eq!(store.read(&s, 990, u64::MAX).unwrap().len(), 11);
    // A line missing from the middle: the versions no longer match the places.
    lines.remove(500);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    assert!(matches!(
        store.read(&s, 400, 600),
        Err(StoreError::Corrupt { .. })
    ));
    assert!(matches!(store.read(&s, 1, 600), Err(StoreError::Corrupt { .. })));
}

/// The positions and versions of a read of the whole log.
fn places(events: &[crate::store::RecordedEvent]) -> Vec<(u64, u64)> {
    events.iter().map(|e| (e.position, e.version)).collect()
}

#[test]
fn an_index_entry_pointing_at_another_line_is_read_past_as_events_or_as_lines() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    store
        .append(&stream("a"), events(3), ExpectedVersion::Any)
        .unwrap();
    let mut entries: Vec<serde_json::Value> = index_lines(dir.path())
        .iter()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    entries[1]["offset"] = entries[0]["offset"].clone();
    entries[1]["length"] = entries[0]["length"].clone();
    let text = entries
        .iter()
        .map(|entry| entry.to_string() + "\n")
        .collect::<String>();
    std::fs::write(dir.path().join("data/index.jsonl"), text).unwrap();
    // Lines handed over undecoded are checked by their reader, who finds the misplaced one
    // and asks the store to read past the index.
    let says = "global index says position 2 version 2, the stream says position 1 version 1";
    let mut page = crate::store::LinePage::new();
    store.read_global_lines(0, 10, &mut page).unwrap();
    assert!(page.line(0).is_ok());
    match page.line(1) {
        Err(StoreError::Corrupt { reason, line, path }) => {
            assert_eq!((reason.as_str(), line), (says, Some(2)));
            assert!(path.ends_with("events/a.jsonl"), "{}", path.display());
        }
        other => panic!("expected corruption, got {other:?}"),
    }
    // Read as events, the store does that itself: every event, in its place.
    let read = store.read_global(0, 10).unwrap();
    assert_eq!(read.iter().map(|e| e.position).collect::<Vec<_>>(), [1, 2, 3]);
    assert!(store.distrust_index().unwrap());
    store.read_global_lines(0, 10, &mut page).unwrap();
    let mut versions = Vec::new();
    page.each(|line| {
        versions.push(line.version);
        Ok::<(), StoreError>(())
    })
    .unwrap();
    assert_eq!(versions, [1, 2, 3]);
}

#[test]
fn a_stream_file_cut_short_behind_the_index_is_read_past_and_noted() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    // One append an event, so the first line is committed without the others.
    for _ in 0..3 {
        store
            .append(&stream("a"), events(1), ExpectedVersion::Any)
            .unwrap();
    }
    store
        .append(&stream("b"), events(1), ExpectedVersion::Any)
        .unwrap();
    let path = dir.path().join("data/events/a.jsonl");
    let text = std::fs::read_to_string(&path).unwrap();
    let first_line = text.find('\n').unwrap() + 1;
    std::fs::write(&path, &text[..first_line + 10]).unwrap();
    // What the stream still holds, and the other stream: the lost lines are left out.
    let read = store.read_global(0, 10).unwrap();
    assert_eq!(places(&read), [(1, 1), (4, 1)]);
    let notes = crate::store::damage::take().join("\n");
    assert!(notes.contains("version 2, position 2"), "{notes}");
}

#[test]
fn a_deleted_stream_file_behind_the_index_is_read_past_and_noted() {
    let dir = tempfile::tempdir().unwrap();
    let store = store_in(dir.path());
    store
        .append(&stream("a"), events(2), ExpectedVersion::Any)
        .unwrap();
    store
        .append(&stream("b"), events(1), ExpectedVersion::Any)
        .unwrap();
    std::fs::remove_file(dir.path().join("data/events/a.jsonl")).unwrap();
    let read = store.read_global(0, 10).unwrap();
    assert_eq!(places(&read), [(3, 1)]);
    // A writer that appends to the index is trusted again: its event is read.
    store
        .append(&stream("b"), events(1), ExpectedVersion::Any)
        .unwrap();
    let read = store.read_global(0, 10).unwrap();
    assert_eq!(read.last().map(|e| (e.position, e.version)), Some((4, 2)));
}
