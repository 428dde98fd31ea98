//! The `events` commands and the features built on the global order: export/import,
//! replay --verify, idempotency keys, correlation ids and time travel.

mod common;

use std::collections::BTreeSet;

use common::{assert_fails, Workspace};
use serde_json::Value;

fn mixed_workload(ws: &Workspace) {
    for n in 1..=4 {
        ws.ok(&["items", "create", &format!("item {n}"), "--priority", "low"]);
    }
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "block", "1", "--reason", "keys"]);
    ws.ok(&["items", "start", "2"]);
    ws.ok(&["items", "complete", "2", "--reason", "done"]);
    ws.ok(&["items", "cancel", "3"]);
    ws.ok(&["items", "assign", "4", "ann"]);
    ws.ok(&["items", "depend", "4", "1"]);
    ws.ok(&["items", "priority", "4", "high"]);
}

fn array(value: Value) -> Vec<Value> {
    value.as_array().expect("a JSON array").clone()
}

#[test]
fn list_is_in_global_order_with_filters() {
    let ws = Workspace::new();
    mixed_workload(&ws);
    let all = array(ws.json(&["events", "list"]));
    assert_eq!(all.len(), 14);
    let positions: Vec<u64> = all.iter().map(|e| e["position"].as_u64().unwrap()).collect();
    assert_eq!(positions, (1..=14).collect::<Vec<_>>());

    let types = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["events", "list"];
        full.extend_from_slice(args);
        array(ws.json(&full))
            .iter()
            .map(|e| e["event_type"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(types(&["--type", "WorkItemCompleted"]).len(), 2);
    assert_eq!(
        types(&["--type", "WorkItemCompleted", "--type", "AssigneeChanged"]).len(),
        3
    );
    assert_eq!(
        types(&["--item", "WORK-002"]),
        [
            "WorkItemCreated",
            "StatusChanged",
            "StatusChanged",
            "WorkItemCompleted"
        ]
    );
    assert_eq!(types(&["--stream", "work_item-WORK-004"]).len(), 4);
    assert_eq!(types(&["--after", "12"]), ["DependencyAdded", "PriorityChanged"]);
    assert_eq!(types(&["--last", "1"]), ["PriorityChanged"]);
    assert_eq!(types(&["--since", "1h"]).len(), 14);
    assert_eq!(types(&["--until", "2000-01-01"]).len(), 0);
    assert_eq!(types(&["--actor", "nobody"]).len(), 0);

    let limited = ws.run(&["events", "list", "--limit", "3", "--json"]);
    assert_eq!(array(serde_json::from_slice(&limited.stdout).unwrap()).len(), 3);
    assert!(String::from_utf8_lossy(&limited.stderr).contains("showing 3 of 14"));

    let jsonl = ws.ok(&["events", "list", "--jsonl", "--type", "StatusChanged"]);
    let lines: Vec<Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5);
    let table = ws.ok(&["events", "list"]);
    assert!(table.contains("in_progress → blocked (keys)"), "{table}");
    assert_fails(
        &ws.run(&["events", "list", "--since", "a while ago"]),
        5,
        "invalid time",
    );
}

#[test]
fn correlation_ids_group_a_request() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a", "--correlation-id", "req-1"]);
    ws.jerry()
        .env("JERRY_CORRELATION_ID", "req-1")
        .args(["items", "start", "1"])
        .assert()
        .success();
    ws.ok(&["items", "complete", "1"]);
    let request = array(ws.json(&["events", "list", "--correlation", "req-1"]));
    assert_eq!(request.len(), 2);
    let completion = array(ws.json(&["events", "list", "--item", "1", "--last", "2"]));
    assert_eq!(
        completion[0]["metadata"]["correlation_id"],
        completion[1]["metadata"]["correlation_id"]
    );
    assert_eq!(
        completion[0]["metadata"]["causation_id"],
        completion[1]["metadata"]["causation_id"]
    );
    assert_ne!(completion[0]["metadata"]["correlation_id"], "req-1");
}

#[test]
fn export_then_import_into_an_empty_project_is_identical() {
    let source = Workspace::new();
    mixed_workload(&source);
    let file = source.path().join("backup.jsonl");
    source.ok(&["events", "export", "-o", file.to_str().unwrap()]);
    let json_export = source.ok(&["events", "export", "--format", "json"]);
    assert_eq!(
        serde_json::from_str::<Vec<Value>>(&json_export).unwrap().len(),
        14
    );

    for input in ["jsonl", "json"] {
        let target = Workspace::new();
        let path = target.path().join("in");
        if input == "json" {
            std::fs::write(&path, &json_export).unwrap();
        } else {
            std::fs::copy(&file, &path).unwrap();
        }
        let report = target.json(&["events", "import", path.to_str().unwrap()]);
        assert_eq!(report["imported"], 14);
        assert_eq!(target.json(&["items", "list"]), source.json(&["items", "list"]));
        assert_eq!(target.json(&["events", "list"]), source.json(&["events", "list"]));
        // Importing the same file again is a reported no-op.
        let before = target.snapshot();
        let again = target.json(&["events", "import", path.to_str().unwrap()]);
        assert_eq!(
            (again["imported"].as_u64(), again["already_present"].as_u64()),
            (Some(0), Some(14))
        );
        assert_eq!(target.snapshot(), before);
        // And the imported project keeps working.
        target.ok(&["items", "start", "4"]);
        assert_eq!(target.ok(&["items", "create", "next"]), "WORK-005\n");
    }
}

#[test]
fn import_from_stdin_into_a_project_with_other_items() {
    let source = Workspace::new();
    source.ok(&["items", "create", "first"]);
    source.ok(&["items", "create", "second"]);
    source.ok(&["items", "start", "2"]);
    let export = source.ok(&["events", "export", "--item", "2"]);
    let target = Workspace::new();
    target.ok(&["items", "create", "target's own"]);
    target
        .jerry()
        .args(["events", "import", "-"])
        .write_stdin(export)
        .assert()
        .success()
        .stdout(predicates::str::contains("imported 2 events"));
    assert_eq!(target.json(&["items", "show", "2"])["title"], "second");
    assert_eq!(target.json(&["items", "show", "2"])["status"], "in_progress");
    assert_eq!(target.ok(&["items", "create", "next"]), "WORK-003\n");
    assert_eq!(target.json(&["events", "replay", "--verify"])["verified"], true);
}

#[test]
fn a_conflicting_or_malformed_import_writes_nothing() {
    let source = Workspace::new();
    mixed_workload(&source);
    let export = source.ok(&["events", "export"]);
    let target = Workspace::new();
    target.ok(&["items", "create", "someone else's first item"]);
    let path = target.path().join("in.jsonl");
    std::fs::write(&path, &export).unwrap();
    let before = target.snapshot();
    let out = target.run(&["events", "import", path.to_str().unwrap()]);
    assert_fails(&out, 4, "work_item-WORK-001 version 1");
    assert_eq!(target.snapshot(), before);

    let mut lines: Vec<&str> = export.lines().collect();
    lines[6] = "{\"event_id\": \"not a ulid\"}";
    std::fs::write(&path, lines.join("\n")).unwrap();
    let empty = Workspace::new();
    assert_fails(
        &empty.run(&["events", "import", path.to_str().unwrap()]),
        5,
        "line 7",
    );
    assert!(empty.snapshot().is_empty());

    let gap: Vec<&str> = export.lines().skip(1).collect();
    std::fs::write(&path, gap.join("\n")).unwrap();
    assert_fails(
        &empty.run(&["events", "import", path.to_str().unwrap()]),
        5,
        "cannot follow version 0",
    );
    assert!(empty.snapshot().is_empty());
}

#[test]
fn replay_verify_agrees_after_a_mixed_workload_and_catches_a_damaged_index() {
    let ws = Workspace::new();
    mixed_workload(&ws);
    let report = ws.json(&["events", "replay", "--verify"]);
    assert_eq!(report["events"], 14);
    assert_eq!(report["items"], 4);
    assert_eq!(report["verified"], true);
    let human = ws.ok(&["events", "replay", "--verify"]);
    assert!(human.contains("replayed 14 events into 4 items"), "{human}");
    let first = ws.json(&["events", "list", "--limit", "1"]);
    let at = first[0]["timestamp"].as_str().unwrap();
    assert_eq!(
        ws.json(&["events", "replay", "--until", at, "--verify"])["events"],
        1
    );

    // Lose two committed index entries: the global log no longer matches the streams.
    let index = ws.path().join("projects/PROJ-001/.jerry/data/index.jsonl");
    let text = std::fs::read_to_string(&index).unwrap();
    let kept: Vec<&str> = text.lines().take(12).collect();
    std::fs::write(&index, kept.join("\n") + "\n").unwrap();
    assert_fails(&ws.run(&["events", "replay", "--verify"]), 6, "disagrees");
}

#[test]
fn stats_count_by_each_grouping() {
    let ws = Workspace::new();
    mixed_workload(&ws);
    let by_type = ws.json(&["events", "stats"]);
    assert_eq!(by_type["total"], 14);
    let groups = array(by_type["groups"].clone());
    assert_eq!(groups[0]["key"], "StatusChanged");
    assert_eq!(groups[0]["count"], 5);
    let by_stream = ws.json(&["events", "stats", "--group-by", "stream"]);
    assert_eq!(array(by_stream["groups"].clone()).len(), 4);
    let by_actor = ws.json(&["events", "stats", "--group-by", "actor"]);
    assert_eq!(by_actor["groups"][0]["key"], "user");
    let by_day = ws.json(&["events", "stats", "--group-by", "day", "--since", "today"]);
    assert_eq!(by_day["total"], 14);
    assert!(ws.ok(&["events", "stats"]).contains("total"));
}

#[test]
fn stats_add_up_across_pages_of_the_log() {
    // 700 items of 10 events: 7,000 events, more than one page of the log (4,096).
    let ws = Workspace::new();
    ws.ok(&["generate", "--items", "700", "--events-per-item", "10"]);
    let by_type = ws.json(&["events", "stats"]);
    assert_eq!(by_type["total"], 7000);
    let groups = array(by_type["groups"].clone());
    let count = |key: &str| {
        groups
            .iter()
            .find(|group| group["key"] == key)
            .and_then(|group| group["count"].as_u64())
    };
    assert_eq!(count("WorkItemCreated"), Some(700));
    assert_eq!(count("AssigneeChanged"), Some(6300));
    let by_stream = ws.json(&["events", "stats", "--group-by", "stream"]);
    let streams = array(by_stream["groups"].clone());
    assert_eq!(streams.len(), 700);
    assert!(streams.iter().all(|group| group["count"] == 10), "{by_stream}");
    // Filters apply to every page, the last one included.
    assert_eq!(ws.json(&["events", "stats", "--item", "650"])["total"], 10);
    // One item's events, read from its stream, are the ones the whole log holds for it.
    let positions = |events: Vec<Value>| -> Vec<u64> {
        events
            .iter()
            .map(|event| event["position"].as_u64().expect("a position"))
            .collect()
    };
    let whole = ws.ok(&["events", "export"]);
    let lines_of_650: Vec<&str> = whole
        .lines()
        .filter(|line| line.contains(r#""aggregate_id":"WORK-650""#))
        .collect();
    assert_eq!(
        ws.ok(&["events", "export", "--item", "650"]),
        format!("{}\n", lines_of_650.join("\n")),
        "an item's export is its lines of the whole export, byte for byte"
    );
    let exported: Vec<Value> = lines_of_650
        .iter()
        .map(|line| serde_json::from_str::<Value>(line).expect("a line"))
        .collect();
    assert_eq!(exported.len(), 10);
    assert_eq!(
        positions(array(ws.json(&["events", "list", "--item", "650"]))),
        positions(exported)
    );
    assert_eq!(
        ws.json(&["events", "stats", "--type", "WorkItemCreated"])["total"],
        700
    );
    // A limited list counts every match and builds only those it keeps: the first or the
    // last of the whole log's matches, across its pages, each the event the export holds.
    let created: Vec<Value> = whole
        .lines()
        .filter(|line| line.contains(r#""event_type":"WorkItemCreated""#))
        .map(|line| serde_json::from_str::<Value>(line).expect("a line"))
        .collect();
    assert_eq!(created.len(), 700);
    let listed = |args: &[&str]| -> (Vec<Value>, String) {
        let mut all = vec!["events", "list", "--type", "WorkItemCreated", "--json"];
        all.extend(args);
        let out = ws.run(&all);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        (
            array(serde_json::from_slice(&out.stdout).expect("JSON on stdout")),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (first, told) = listed(&["--limit", "3"]);
    assert_eq!(first, created[..3].to_vec());
    assert!(told.contains("700"), "the total is told: {told}");
    let (last, _) = listed(&["--last", "450"]);
    assert_eq!(
        last,
        created[250..].to_vec(),
        "the last 450 span pages of the log"
    );
    let (both, _) = listed(&["--last", "450", "--limit", "2"]);
    assert_eq!(both, created[250..252].to_vec());
}

#[test]
fn query_finds_a_followed_by_b_within_the_window() {
    let ws = Workspace::new();
    mixed_workload(&ws);
    let found = array(ws.json(&[
        "events",
        "query",
        "WorkItemCreated followed by StatusChanged",
        "--within",
        "1h",
    ]));
    let items: BTreeSet<String> = found
        .iter()
        .map(|m| m["item"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        items,
        ["WORK-001", "WORK-002", "WORK-003"]
            .iter()
            .map(std::string::ToString::to_string)
            .collect()
    );
    let none = array(ws.json(&[
        "events",
        "query",
        "WorkItemCompleted followed by StatusChanged",
        "--within",
        "1h",
    ]));
    assert!(none.is_empty());
    assert_fails(
        &ws.run(&["events", "query", "A then B", "--within", "5m"]),
        5,
        "followed by",
    );
    assert_fails(
        &ws.run(&["events", "query", "A followed by B", "--within", "soon"]),
        5,
        "invalid duration",
    );
}

#[test]
fn idempotency_keys_make_writes_happen_once() {
    let ws = Workspace::new();
    assert_eq!(
        ws.ok(&["items", "create", "a", "--idempotency-key", "create-a"]),
        "WORK-001\n"
    );
    assert_eq!(
        ws.ok(&["items", "create", "a", "--idempotency-key", "create-a"]),
        "WORK-001\n"
    );
    assert_eq!(array(ws.json(&["items", "list"])).len(), 1);

    ws.ok(&["items", "start", "1", "--idempotency-key", "start-1"]);
    let again = ws.json(&["items", "start", "WORK-001", "--idempotency-key", "start-1"]);
    assert_eq!(again["replayed"], true);
    assert_eq!(again["version"], 2);
    // Two legitimate updates of the same kind are both kept when their keys differ.
    ws.ok(&["items", "assign", "1", "ann", "--idempotency-key", "a1"]);
    ws.ok(&["items", "assign", "1", "bob", "--idempotency-key", "a2"]);
    let before = ws.snapshot();
    assert_fails(
        &ws.run(&["items", "assign", "1", "cat", "--idempotency-key", "a1"]),
        5,
        "different command",
    );
    assert_fails(
        &ws.run(&["items", "create", "b", "--idempotency-key", "create-a"]),
        5,
        "different command",
    );
    assert_eq!(ws.snapshot(), before);
    let events = array(ws.json(&["events", "list"]));
    assert_eq!(events.len(), 4);
    assert_eq!(events[1]["metadata"]["idempotency_key"], "start-1");
}

#[test]
fn time_travel_shows_the_state_at_each_instant() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "create", "b"]);
    ws.ok(&["items", "block", "1", "--reason", "r"]);
    ws.ok(&["items", "priority", "1", "critical"]);
    let history = array(ws.json(&["events", "list"]));
    let at = |n: usize| history[n]["timestamp"].as_str().unwrap().to_owned();
    let status_at = |when: &str| ws.json(&["items", "show", "1", "--at", when])["status"].clone();
    assert_eq!(status_at(&at(0)), "pending");
    assert_eq!(status_at(&at(1)), "in_progress");
    assert_eq!(status_at(&at(3)), "blocked");
    assert_eq!(
        ws.json(&["items", "show", "1", "--at", &at(3)])["priority"],
        "medium"
    );
    assert_eq!(
        ws.json(&["items", "show", "1", "--at", &at(4)])["priority"],
        "critical"
    );
    assert_eq!(array(ws.json(&["items", "list", "--at", &at(1)])).len(), 1);
    assert_eq!(array(ws.json(&["items", "list", "--at", &at(2)])).len(), 2);
    assert_eq!(array(ws.json(&["items", "list", "--at", "2000-01-01"])).len(), 0);
    assert_fails(
        &ws.run(&["items", "show", "2", "--at", &at(1)]),
        3,
        "WORK-002 did not exist yet at",
    );
    assert_fails(
        &ws.run(&["items", "show", "9", "--at", &at(1)]),
        3,
        "WORK-009 not found",
    );
    let table = ws.ok(&["items", "history", "1"]);
    assert!(
        table.contains("POS") && table.contains("user") && table.contains("(r)"),
        "{table}"
    );
}

#[test]
fn actor_filters_only_when_typed_and_never_from_the_environment() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a", "--actor", "ann"]);
    ws.ok(&["items", "start", "1", "--actor", "bob"]);
    ws.jerry()
        .env("JERRY_ACTOR", "carol")
        .args(["items", "block", "1", "--reason", "r"])
        .assert()
        .success();
    let count = |args: &[&str], env_actor: Option<&str>| -> usize {
        let mut cmd = ws.jerry();
        if let Some(actor) = env_actor {
            cmd.env("JERRY_ACTOR", actor);
        }
        let out = cmd.args(args).arg("--json").output().unwrap();
        assert!(out.status.success());
        serde_json::from_slice::<Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(&["events", "list"], None), 3);
    assert_eq!(
        count(&["events", "list"], Some("bob")),
        3,
        "JERRY_ACTOR names writers, it does not filter"
    );
    assert_eq!(count(&["events", "list", "--actor", "bob"], None), 1);
    assert_eq!(count(&["--actor", "carol", "events", "list"], None), 1);
    let exported = ws.ok(&["events", "export"]);
    assert_eq!(exported.lines().count(), 3);
    let actors: Vec<String> = array(ws.json(&["events", "list"]))
        .iter()
        .map(|e| e["metadata"]["actor"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(actors, ["ann", "bob", "carol"]);
}

/// Typos are errors, not empty successes: an unknown event type (with the closest names),
/// a filter naming a missing item, a query of types that do not exist. Type names are
/// case-insensitive, as statuses are.
#[test]
fn typos_in_filters_are_errors_not_empty_results() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "start", "1"]);
    let before = ws.snapshot();
    assert_fails(
        &ws.run(&["events", "list", "--type", "StatusChange"]),
        5,
        "unknown event type 'StatusChange' (did you mean StatusChanged",
    );
    assert_fails(
        &ws.run(&["events", "list", "--type", "Bogus"]),
        5,
        "unknown event type 'Bogus'",
    );
    assert_fails(
        &ws.run(&["events", "list", "--item", "99"]),
        3,
        "WORK-099 not found in PROJ-001",
    );
    assert_fails(
        &ws.run(&["items", "list", "--parent", "99"]),
        3,
        "WORK-099 not found in PROJ-001",
    );
    assert_fails(
        &ws.run(&[
            "events",
            "query",
            "Foo followed by StatusChanged",
            "--within",
            "5m",
        ]),
        5,
        "unknown event type 'Foo'",
    );
    assert_eq!(ws.snapshot(), before, "a refused read writes nothing");

    let found = ws.json(&["events", "list", "--type", "statuschanged"]);
    assert_eq!(found.as_array().unwrap().len(), 1, "type names ignore case");
    assert_eq!(found[0]["event_type"], "StatusChanged");
}

/// `events stats` and `events query` keep only what the event filters and a typed
/// `--actor` keep, as `events list` does; `events replay`, which rebuilds from the whole
/// log, refuses `--actor` rather than ignoring it.
#[test]
fn stats_and_query_honour_the_event_filters() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "ann's", "--actor", "ann"]);
    ws.ok(&["items", "start", "1", "--actor", "ann"]);
    ws.ok(&["items", "complete", "1", "--actor", "ann"]);
    ws.ok(&["items", "create", "bob's", "--actor", "bob"]);
    ws.ok(&["items", "start", "2", "--actor", "bob"]);
    ws.ok(&["items", "complete", "2", "--actor", "bob"]);

    assert_eq!(ws.json(&["events", "stats"])["total"], 8);
    assert_eq!(ws.json(&["events", "stats", "--actor", "bob"])["total"], 4);
    assert_eq!(ws.json(&["events", "stats", "--item", "1"])["total"], 4);
    assert_eq!(
        ws.json(&["events", "stats", "--type", "StatusChanged"])["total"],
        4
    );

    let query = [
        "events",
        "query",
        "StatusChanged followed by WorkItemCompleted",
        "--within",
        "1h",
    ];
    // Each item: its start and its completion are both followed by the completion.
    assert_eq!(ws.json(&query).as_array().unwrap().len(), 4);
    let mut only_ann = query.to_vec();
    only_ann.extend(["--actor", "ann"]);
    let found = ws.json(&only_ann);
    let items: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["item"].as_str().unwrap())
        .collect();
    assert_eq!(items, ["WORK-001", "WORK-001"]);

    assert_fails(
        &ws.run(&["events", "replay", "--actor", "ann"]),
        2,
        "--actor does not apply",
    );
}

/// `events export` in every machine format it promises: TOON works (to stdout and to a
/// file), `--format table` is refused before anything is read or written, and a reader
/// that stops early (`| head -1`) ends it quietly with exit 0.
#[test]
fn export_formats_and_an_early_reader() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "start", "1"]);
    let toon = ws.ok(&["events", "export", "--format", "toon"]);
    assert!(toon.starts_with("[2]"), "a list of the two events: {toon}");
    assert!(
        toon.contains("WorkItemCreated") && toon.contains("StatusChanged"),
        "{toon}"
    );
    let path = ws.path().join("log.toon");
    ws.ok(&[
        "events",
        "export",
        "--format",
        "toon",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), toon);

    let before = ws.snapshot();
    assert_fails(
        &ws.run(&["events", "export", "--format", "table"]),
        2,
        "--format table does not apply",
    );
    assert_eq!(ws.snapshot(), before);

    let out = ws
        .shell("\"$0\" events export | head -1 >/dev/null; exit ${PIPESTATUS:-0}")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "quiet: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_long_import_is_written_in_runs_and_reads_back_whole() {
    let source = Workspace::new();
    source.ok(&["generate", "--items", "3", "--events-per-item", "5000"]);
    let export = source.ok(&["events", "export"]);
    let path = source.path().join("export.jsonl");
    std::fs::write(&path, &export).unwrap();
    let target = Workspace::new();
    let report = target.json(&["events", "import", path.to_str().unwrap()]);
    assert_eq!(report["imported"], 15_000);
    assert_eq!(report["streams"], 3);
    assert_eq!(target.ok(&["events", "export"]), export);
    assert_eq!(target.json(&["events", "replay", "--verify"])["verified"], true);
    let again = target.json(&["events", "import", path.to_str().unwrap()]);
    assert_eq!(again["imported"], 0);
    assert_eq!(again["already_present"], 15_000);
}

/// `-o` names where the export goes, not what to replace: a FIFO (or `/dev/null`, which a
/// test cannot make) is written into and stays what it was, and a symlink stays a link to
/// the file that gets the export. (A FIFO, or `/dev/null` for root, became a regular file.)
#[test]
fn export_into_a_fifo_or_through_a_symlink_leaves_them_what_they_were() {
    use std::os::unix::fs::FileTypeExt;
    let ws = Workspace::new();
    ws.ok(&["items", "create", "One"]);
    ws.ok(&["items", "create", "Two"]);
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let (read, got) = std::sync::mpsc::channel();
    {
        let fifo = fifo.clone();
        // A reader that never sees a writer (the FIFO replaced) stays blocked: the test
        // waits for it a while, then fails rather than hangs.
        std::thread::spawn(move || read.send(std::fs::read_to_string(fifo).unwrap()));
    }
    ws.ok(&[
        "events",
        "export",
        "--format",
        "jsonl",
        "-o",
        fifo.to_str().unwrap(),
    ]);
    let exported = got
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the reader got the export");
    assert_eq!(exported.lines().count(), 2);
    assert!(
        std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a FIFO"
    );

    let file = dir.path().join("real.jsonl");
    std::fs::write(&file, "old\n").unwrap();
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    ws.ok(&[
        "events",
        "export",
        "--format",
        "jsonl",
        "-o",
        link.to_str().unwrap(),
    ]);
    assert!(
        std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(),
        "still a link"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap().lines().count(), 2);
}
