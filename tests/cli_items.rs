//! The `items` commands, run as a user would: the real binary in a temp workspace.

mod common;

use common::{assert_fails, Workspace};
use serde::Deserialize;
use serde_json::Value;

/// The documented `--json` shape of an item; an unknown or missing field fails the test.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct ItemJson {
    id: String,
    internal_id: String,
    title: String,
    #[serde(rename = "type")]
    work_type: String,
    priority: String,
    status: String,
    description: Option<String>,
    parent: Option<String>,
    assignee: Option<String>,
    dependencies: Vec<DependencyJson>,
    labels: Vec<String>,
    comments: Vec<CommentJson>,
    quality: Option<Value>,
    #[serde(default)]
    due: Option<String>,
    #[serde(default)]
    blocked_reason: Option<String>,
    version: u64,
    created_at: String,
    updated_at: String,
    // `items show` only: the links seen from both ends.
    #[serde(default)]
    children: Vec<String>,
    #[serde(default)]
    blocks: Vec<String>,
    #[serde(default)]
    blocked_by: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct DependencyJson {
    id: String,
    #[serde(rename = "type")]
    kind: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct CommentJson {
    author: String,
    at: String,
    text: String,
}

/// The documented on-disk line, which is also the `--json` shape of an event.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct EventJson {
    event_id: String,
    aggregate_type: String,
    aggregate_id: String,
    event_type: String,
    version: u64,
    position: u64,
    schema_version: u32,
    timestamp: String,
    payload: Value,
    metadata: MetadataJson,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct MetadataJson {
    actor: String,
    correlation_id: Option<String>,
    causation_id: Option<String>,
}

fn item(ws: &Workspace, id: &str) -> ItemJson {
    serde_json::from_value(ws.json(&["items", "show", id])).expect("item shape")
}

#[test]
fn create_prints_sequential_display_ids_and_writes_one_line() {
    let ws = Workspace::new();
    assert_eq!(
        ws.ok(&[
            "items",
            "create",
            "Fix login",
            "--type",
            "bug",
            "--priority",
            "high"
        ]),
        "WORK-001\n"
    );
    assert_eq!(ws.ok(&["items", "create", "Second"]), "WORK-002\n");
    let lines = ws.lines("WORK-001");
    assert_eq!(lines.len(), 1);
    let line: EventJson = serde_json::from_value(lines[0].clone()).expect("line shape");
    assert_eq!(line.event_type, "WorkItemCreated");
    assert_eq!(line.aggregate_type, "work_item");
    assert_eq!(line.aggregate_id, "WORK-001");
    assert_eq!(line.version, 1);
    assert_eq!(line.payload["display_id"], "WORK-001");
    assert_eq!(line.payload["work_type"], "bug");
    assert_eq!(line.payload["priority"], "high");
    assert!(
        line.timestamp.ends_with('Z') && line.timestamp.len() == 27,
        "{}",
        line.timestamp
    );
    let created = item(&ws, "WORK-001");
    assert_eq!(
        (created.work_type.as_str(), created.priority.as_str()),
        ("bug", "high")
    );
    assert_eq!(created.status, "pending");
    assert_eq!(created.internal_id, line.payload["internal_id"]);
}

/// A write's `--json` is the item plus `replayed` and `warnings`.
fn written(mut value: Value) -> ItemJson {
    let replayed = value.as_object_mut().and_then(|o| o.remove("replayed"));
    assert_eq!(replayed, Some(Value::Bool(false)), "{value}");
    let warnings = value.as_object_mut().and_then(|o| o.remove("warnings"));
    assert_eq!(warnings, Some(Value::Array(Vec::new())), "{value}");
    let unchanged = value.as_object_mut().and_then(|o| o.remove("unchanged"));
    assert_eq!(unchanged, Some(Value::Bool(false)), "{value}");
    serde_json::from_value(value).expect("item shape")
}

#[test]
fn create_with_json_prints_the_item() {
    let ws = Workspace::new();
    let created = written(ws.json(&[
        "items",
        "create",
        "Epic",
        "--type",
        "epic",
        "--description",
        "big",
        "--assignee",
        "ann",
    ]));
    assert_eq!(created.id, "WORK-001");
    assert_eq!(created.description.as_deref(), Some("big"));
    assert_eq!(created.assignee.as_deref(), Some("ann"));
    assert_eq!(created.version, 1);
    let child = written(ws.json(&["items", "create", "Story", "--parent", "1"]));
    assert_eq!(child.parent.as_deref(), Some("WORK-001"));
}

#[test]
fn the_tour_from_the_readme() {
    let ws = Workspace::new();
    ws.ok(&[
        "items",
        "create",
        "Fix login",
        "--type",
        "bug",
        "--priority",
        "high",
    ]);
    let started = ws.ok(&["items", "start", "WORK-001"]);
    assert!(started.contains("pending → in_progress"), "{started}");
    ws.ok(&["items", "block", "1", "--reason", "waiting for API keys"]);

    let table = ws.ok(&["items", "list", "--all"]);
    assert!(
        table.contains("WORK-001") && table.contains("blocked") && table.contains("Fix login"),
        "{table}"
    );

    let listed = ws.json(&["items", "list", "--all"]);
    let listed: Vec<ItemJson> = serde_json::from_value(listed).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].status, "blocked");
    assert_eq!(listed[0].version, 3);

    let history = ws.json(&["items", "history", "WORK-001"]);
    let history: Vec<EventJson> = serde_json::from_value(history).unwrap();
    let kinds: Vec<&str> = history.iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(kinds, ["WorkItemCreated", "StatusChanged", "StatusChanged"]);
    assert_eq!(history[2].payload["reason"], "waiting for API keys");
    assert_eq!(history[2].payload["old_status"], "in_progress");
    let human = ws.ok(&["items", "history", "WORK-001"]);
    assert!(human.contains("waiting for API keys"), "{human}");
}

#[test]
fn every_spelling_of_an_id_works() {
    let ws = Workspace::new();
    for n in 1..=7 {
        ws.ok(&["items", "create", &format!("item {n}")]);
    }
    let ulid = item(&ws, "7").internal_id;
    for spelling in ["WORK-7", "WORK-007", "work-7", "7", ulid.as_str()] {
        assert_eq!(item(&ws, spelling).id, "WORK-007", "{spelling}");
    }
    ws.ok(&["items", "start", &ulid]);
    assert_eq!(item(&ws, "WORK-7").status, "in_progress");
}

#[test]
fn completing_and_cancelling_record_a_completion_event() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "create", "b"]);
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "complete", "1", "--reason", "shipped"]);
    ws.ok(&["items", "cancel", "2"]);
    let kinds = |id| -> Vec<String> {
        ws.lines(id)
            .iter()
            .map(|l| l["event_type"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        kinds("WORK-001"),
        [
            "WorkItemCreated",
            "StatusChanged",
            "StatusChanged",
            "WorkItemCompleted"
        ]
    );
    assert_eq!(
        kinds("WORK-002"),
        ["WorkItemCreated", "StatusChanged", "WorkItemCompleted"]
    );
    let completed = &ws.lines("WORK-001")[3]["payload"];
    assert_eq!(completed["final_status"], "done");
    assert_eq!(completed["completion_reason"], "shipped");
    assert!(completed["duration_seconds"].is_u64());
    assert_eq!(ws.lines("WORK-002")[2]["payload"]["final_status"], "cancelled");

    ws.ok(&["items", "reopen", "1"]);
    assert_eq!(item(&ws, "1").status, "in_progress");
    assert_fails(
        &ws.run(&["items", "start", "2"]),
        5,
        "cannot go from cancelled to in_progress",
    );
    assert_fails(&ws.run(&["items", "reopen", "2"]), 5, "cancelled");
}

#[test]
fn status_command_follows_the_graph() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    assert_fails(
        &ws.run(&["items", "status", "1", "blocked", "--reason", "x"]),
        5,
        "cannot go from pending to blocked",
    );
    assert_fails(
        &ws.run(&["items", "block", "1", "--reason", "x"]),
        5,
        "pending to blocked",
    );
    ws.ok(&["items", "status", "1", "in-progress"]);
    assert_fails(
        &ws.run(&["items", "status", "1", "blocked"]),
        5,
        "reason is required",
    );
    ws.ok(&["items", "status", "1", "blocked", "--reason", "keys"]);
    ws.ok(&["items", "status", "1", "in_progress"]);
    ws.ok(&["items", "status", "1", "done"]);
    assert_eq!(item(&ws, "1").status, "done");
    assert_eq!(item(&ws, "1").version, 6);
}

#[test]
fn priority_assignment_and_dependencies() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "create", "b"]);
    ws.ok(&["items", "priority", "1", "critical", "--reason", "outage"]);
    // Already so: a success that writes nothing, and says so.
    let before = ws.snapshot();
    assert_eq!(
        ws.ok(&["items", "priority", "1", "critical"]),
        "WORK-001 is already priority critical (nothing written)\n"
    );
    let again = ws.json(&["items", "priority", "1", "critical"]);
    assert_eq!(
        (again["unchanged"].as_bool(), again["version"].as_u64()),
        (Some(true), Some(2))
    );
    assert_eq!(ws.snapshot(), before, "an unchanged write writes nothing");
    ws.ok(&["items", "assign", "1", "ann"]);
    ws.ok(&["items", "depend", "1", "2", "--type", "blocks"]);
    // The same link seen from the other side, and any second link between the pair.
    for args in [["2", "1"], ["1", "2"]] {
        assert_fails(
            &ws.run(&["items", "depend", args[0], args[1]]),
            5,
            "already linked",
        );
    }
    assert_fails(
        &ws.run(&["items", "depend", "2", "1", "--type", "related"]),
        5,
        "already linked",
    );
    assert_fails(&ws.run(&["items", "depend", "1", "1"]), 5, "itself");
    assert_fails(&ws.run(&["items", "depend", "1", "9"]), 3, "WORK-009 not found");

    let one = item(&ws, "1");
    assert_eq!(one.priority, "critical");
    assert_eq!(one.assignee.as_deref(), Some("ann"));
    assert_eq!(
        (one.dependencies[0].id.as_str(), one.dependencies[0].kind.as_str()),
        ("WORK-002", "blocks")
    );
    assert!(item(&ws, "2").dependencies.is_empty(), "one link, kept once");

    ws.ok(&["items", "undepend", "1", "2"]);
    assert_fails(
        &ws.run(&["items", "undepend", "1", "2"]),
        5,
        "no dependency on WORK-002",
    );
    ws.ok(&["items", "assign", "1", "--none"]);
    let one = item(&ws, "1");
    assert!(one.dependencies.is_empty());
    assert_eq!(one.assignee, None);
    let kinds = ws.kinds("WORK-001");
    assert_eq!(
        kinds,
        [
            "WorkItemCreated",
            "PriorityChanged",
            "AssigneeChanged",
            "DependencyAdded",
            "DependencyRemoved",
            "AssigneeChanged"
        ]
    );
}

#[test]
fn list_filters_each_work() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "epic", "--type", "epic", "--priority", "high"]);
    ws.ok(&[
        "items",
        "create",
        "bug",
        "--type",
        "bug",
        "--parent",
        "1",
        "--assignee",
        "ann",
    ]);
    ws.ok(&["items", "create", "task", "--parent", "1", "--priority", "low"]);
    ws.ok(&["items", "start", "2"]);
    ws.ok(&["items", "start", "3"]);
    ws.ok(&["items", "complete", "3"]);
    let ids = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["items", "list", "--all"];
        full.extend_from_slice(args);
        let listed = ws.json(&full);
        listed
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&[]), ["WORK-001", "WORK-002", "WORK-003"]);
    assert_eq!(ids(&["--status", "in_progress"]), ["WORK-002"]);
    assert_eq!(
        ids(&["--status", "pending", "--status", "done"]),
        ["WORK-001", "WORK-003"]
    );
    assert_eq!(
        ids(&["--type", "bug", "--type", "epic"]),
        ["WORK-001", "WORK-002"]
    );
    assert_eq!(ids(&["--priority", "low"]), ["WORK-003"]);
    assert_eq!(ids(&["--assignee", "ann"]), ["WORK-002"]);
    assert_eq!(ids(&["--parent", "WORK-001"]), ["WORK-002", "WORK-003"]);
    assert_eq!(ids(&["--parent", "1", "--status", "done"]), ["WORK-003"]);
    assert!(ids(&["--status", "blocked"]).is_empty());

    let limited = ws
        .jerry()
        .args(["items", "list", "--all", "--limit", "2", "--json"])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&limited.stdout).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2);
    let stderr = String::from_utf8_lossy(&limited.stderr);
    assert!(
        stderr.contains("showing 2 of 3"),
        "a limit is never silent: {stderr}"
    );
}

#[test]
fn expected_version_guards_every_write() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "start", "1", "--expected-version", "1"]);
    let before = ws.snapshot();
    let writes: [&[&str]; 4] = [
        &["items", "block", "1", "--reason", "r", "--expected-version", "1"],
        &["items", "priority", "1", "high", "--expected-version", "1"],
        &["items", "assign", "1", "bob", "--expected-version", "3"],
        &["items", "complete", "1", "--expected-version", "0"],
    ];
    for args in writes {
        assert_fails(&ws.run(args), 4, "expected version");
    }
    assert_eq!(ws.snapshot(), before, "a rejected write changes nothing");
    ws.ok(&["items", "priority", "1", "high", "--expected-version", "2"]);
}

#[test]
fn bad_input_gets_one_line_the_documented_code_and_writes_nothing() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    let before = ws.snapshot();
    let cases: [(&[&str], i32, &str); 12] = [
        (
            &["items", "show", "WORK-042"],
            3,
            "WORK-042 not found in PROJ-001",
        ),
        (&["items", "start", "42"], 3, "not found"),
        (
            &["items", "history", "01ARZ3NDEKTSV4RRFFQ69G5FAV"],
            3,
            "not found",
        ),
        (
            &["items", "status", "1", "finished"],
            5,
            "invalid value 'finished' for '<STATUS>': expected one of pending",
        ),
        (&["items", "show", "WORK-x"], 5, "invalid item id"),
        (&["items", "create", "   "], 5, "title must not be empty"),
        (
            &["items", "create", "t", "--type", "feature"],
            5,
            "invalid value 'feature' for '--type <TYPE>': expected one of epic",
        ),
        (
            &["items", "create", "t", "--priority", "urgent"],
            5,
            "invalid value 'urgent' for '--priority <PRIORITY>': expected one of critical",
        ),
        (
            &["items", "create", "t", "--parent", "9"],
            3,
            "WORK-009 not found",
        ),
        (
            &["--project", "PROJ-x", "items", "list", "--all"],
            5,
            "invalid project id",
        ),
        (
            &["--project", "PROJ-002", "items", "create", "t"],
            3,
            "project PROJ-002 not found",
        ),
        (&["items", "assign", "1", " "], 5, "invalid assignee"),
    ];
    for (args, code, needle) in cases {
        assert_fails(&ws.run(args), code, needle);
    }
    let usage = ws.run(&["items", "create"]);
    assert_eq!(usage.status.code(), Some(2));
    let usage = ws.run(&["items", "frobnicate"]);
    assert_eq!(usage.status.code(), Some(2));
    assert_eq!(ws.snapshot(), before);
}

#[test]
fn json_errors_are_objects_on_stdout() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "one"]);
    let out = ws.run(&["items", "show", "7", "--json"]);
    assert_eq!(out.status.code(), Some(3));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["error"]["code"], 3);
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("WORK-007 not found"));
    let out = ws.run(&["items", "status", "1", "nope", "--json"]);
    assert_eq!(out.status.code(), Some(5));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["error"]["code"], 5);
}

#[test]
fn control_characters_and_newlines_are_stored_exactly_on_one_line() {
    let ws = Workspace::new();
    let title = "first line\nsecond\tline \u{1b}[31mred\u{7} \"quoted\" \\ back";
    ws.ok(&["items", "create", title, "--description", "multi\r\nline"]);
    let raw = std::fs::read_to_string(ws.stream_file("WORK-001")).unwrap();
    assert_eq!(raw.matches('\n').count(), 1, "one event, one line: {raw:?}");
    assert_eq!(item(&ws, "1").title, title);
    assert_eq!(item(&ws, "1").description.as_deref(), Some("multi\r\nline"));
    let table = ws.ok(&["items", "list", "--all"]);
    assert!(
        table.contains("first line\\nsecond\\tline"),
        "tables escape control characters: {table}"
    );
    assert!(!table.contains('\u{1b}'));
}

#[test]
fn actor_is_recorded_from_flag_or_environment() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a", "--actor", "agent-7"]);
    ws.jerry()
        .env("JERRY_ACTOR", "ci")
        .args(["items", "start", "1"])
        .assert()
        .success();
    let lines = ws.lines("WORK-001");
    assert_eq!(lines[0]["metadata"]["actor"], "agent-7");
    assert_eq!(lines[1]["metadata"]["actor"], "ci");
    assert!(lines[1]["metadata"]["correlation_id"].is_string());
}

#[test]
fn display_ids_grow_past_three_digits() {
    let ws = Workspace::new();
    let events = ws.events_dir("PROJ-001");
    ws.ok(&["items", "create", "first"]);
    ws.ok(&["generate", "--items", "998", "--events-per-item", "1"]);
    assert_eq!(ws.ok(&["items", "create", "thousandth"]), "WORK-1000\n");
    assert_eq!(item(&ws, "1000").title, "thousandth");
    assert!(events.join("work_item-WORK-1000.jsonl").exists());
}

#[test]
fn the_items_read_model_is_a_cache_that_catches_up_and_can_be_lost() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "create", "b"]);
    let first = ws.json(&["items", "list", "--all"]);
    let cache = ws.path().join("projects/PROJ-001/.jerry/data/cache/items.json");
    assert!(cache.exists(), "a read saved the read model");
    let saved: Value = serde_json::from_slice(&std::fs::read(&cache).unwrap()).unwrap();
    assert_eq!(saved["checkpoint"], 2);

    // Later writes are applied on the next read of the whole model (a list with archived
    // items; a plain or filtered one reads the indexed model), from the checkpoint on.
    ws.ok(&["items", "start", "2"]);
    let listed = ws.json(&["items", "list", "--status", "in_progress", "--archived"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let saved: Value = serde_json::from_slice(&std::fs::read(&cache).unwrap()).unwrap();
    assert_eq!(saved["checkpoint"], 3);

    // Deleting or garbling it loses nothing.
    std::fs::remove_file(&cache).unwrap();
    assert_eq!(
        ws.json(&["items", "list", "--status", "pending"]),
        Value::Array(first.as_array().unwrap()[..1].to_vec())
    );
    std::fs::write(&cache, b"{ not json").unwrap();
    assert_eq!(
        ws.json(&["items", "list", "--all", "--archived"])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // A read model that lies is caught by replay --verify and doctor, and repaired.
    ws.json(&["items", "list", "--all", "--archived"]);
    assert!(std::fs::read_to_string(&cache)
        .unwrap()
        .contains("\"in_progress\""));
    let text = std::fs::read_to_string(&cache).unwrap();
    std::fs::write(&cache, text.replacen("\"in_progress\"", "\"done\"", 1)).unwrap();
    assert_fails(
        &ws.run(&["events", "replay", "--verify"]),
        6,
        "incremental read model",
    );
    assert_fails(&ws.run(&["doctor"]), 6, "1 problem");
    ws.ok(&["doctor", "--repair"]);
    assert_eq!(ws.json(&["doctor"])["clean"], true);
    assert_eq!(ws.json(&["items", "show", "2"])["status"], "in_progress");
}

/// A replay leaves a read model that already matches the log as it is (not even replaced),
/// and rewrites one that differs from it by a single byte.
#[test]
fn replay_keeps_a_read_model_that_matches_and_rewrites_one_that_differs() {
    use std::os::unix::fs::MetadataExt;
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "create", "b"]);
    ws.ok(&["events", "replay"]);
    let cache = ws.path().join("projects/PROJ-001/.jerry/data/cache/items.json");
    let inode = || std::fs::metadata(&cache).expect("the cache").ino();
    let (text, before) = (std::fs::read_to_string(&cache).expect("the cache"), inode());
    ws.ok(&["events", "replay"]);
    assert_eq!(inode(), before, "a matching read model is left in place");

    let lie = text.replacen("\"pending\"", "\"blocked\"", 1);
    assert_eq!(lie.len(), text.len());
    assert_ne!(lie, text);
    std::fs::write(&cache, &lie).expect("written");
    assert_eq!(
        ws.json(&["items", "show", "1"])["status"],
        "pending",
        "a show reads the log"
    );
    ws.ok(&["events", "replay"]);
    assert_eq!(std::fs::read_to_string(&cache).expect("the cache"), text);
    assert_ne!(inode(), before, "replaced whole, not edited in place");
}

#[test]
fn a_read_succeeds_when_the_read_model_cannot_be_saved() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    // A file where the cache folder should be: saving fails, listing must not.
    let data = ws.path().join("projects/PROJ-001/.jerry/data");
    let _ = std::fs::remove_dir_all(data.join("cache"));
    std::fs::write(data.join("cache"), b"in the way").unwrap();
    assert_eq!(ws.json(&["items", "list", "--all"]).as_array().unwrap().len(), 1);
}

#[test]
fn long_streams_load_from_snapshots_that_can_never_make_them_wrong() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "long"]);
    for n in 0..60 {
        ws.ok(&["items", "assign", "1", &format!("agent-{n}")]);
    }
    let snapshot = ws
        .path()
        .join("projects/PROJ-001/.jerry/data/cache/snapshot-work_item-WORK-001.json");
    assert!(snapshot.exists(), "a load past 50 events took a snapshot");
    let shown = ws.json(&["items", "show", "1"]);
    assert_eq!(
        (shown["version"].as_u64(), shown["assignee"].as_str()),
        (Some(61), Some("agent-59"))
    );
    ws.ok(&["items", "start", "1"]);
    assert_eq!(
        ws.json(&["items", "show", "1"])["status"],
        "in_progress",
        "events after the snapshot apply"
    );

    // A snapshot of another history (its event is not where it says) is ignored.
    let text = std::fs::read_to_string(&snapshot).unwrap();
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["event_id"] = Value::String(ulid::Ulid::new().to_string());
    value["item"]["title"] = Value::String("from another history".into());
    std::fs::write(&snapshot, value.to_string()).unwrap();
    assert_eq!(ws.json(&["items", "show", "1"])["title"], "long");

    // One that lies about its own history is caught by doctor and discarded by --repair.
    ws.ok(&["items", "assign", "1", "refresh"]);
    for n in 0..55 {
        ws.ok(&["items", "assign", "1", &format!("again-{n}")]);
    }
    let text = std::fs::read_to_string(&snapshot).unwrap();
    std::fs::write(
        &snapshot,
        text.replace("\"title\":\"long\"", "\"title\":\"tampered\""),
    )
    .unwrap();
    assert_fails(&ws.run(&["doctor"]), 6, "problem");
    ws.ok(&["doctor", "--repair"]);
    assert_eq!(ws.json(&["items", "show", "1"])["title"], "long");
    assert_eq!(ws.json(&["doctor"])["clean"], true);
}

#[test]
fn edit_label_and_comment() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "first title", "--description", "old"]);
    ws.ok(&["items", "create", "other"]);
    ws.ok(&["items", "edit", "1", "--title", "second title"]);
    ws.ok(&["items", "edit", "1", "--description", ""]);
    ws.ok(&[
        "items", "label", "1", "--add", "ui", "--add", "backend", "--add", "ui",
    ]);
    ws.ok(&["items", "label", "1", "--remove", "backend", "--add", "urgent"]);
    ws.ok(&[
        "items",
        "comment",
        "1",
        "first look\nsecond line",
        "--actor",
        "ann",
    ]);
    let shown = item(&ws, "1");
    assert_eq!(shown.title, "second title");
    assert_eq!(shown.description, None, "an empty description removes it");
    assert_eq!(shown.labels, ["ui", "urgent"]);
    assert_eq!(shown.comments.len(), 1);
    assert_eq!(
        (shown.comments[0].author.as_str(), shown.comments[0].text.as_str()),
        ("ann", "first look\nsecond line")
    );
    assert_eq!(
        ws.kinds("WORK-001"),
        [
            "WorkItemCreated",
            "TitleChanged",
            "DescriptionChanged",
            "LabelAdded",
            "LabelAdded",
            "LabelAdded",
            "LabelRemoved",
            "CommentAdded"
        ]
    );
    let labelled = ws.json(&["items", "list", "--all", "--label", "ui"]);
    assert_eq!(labelled.as_array().unwrap().len(), 1);
    assert!(ws
        .json(&["items", "list", "--all", "--label", "ui", "--label", "nope"])
        .as_array()
        .unwrap()
        .is_empty());
    assert!(ws
        .ok(&["items", "history", "1"])
        .contains("ann: \"first look\\nsecond line\""));

    let before = ws.snapshot();
    assert_eq!(
        ws.ok(&["items", "edit", "1", "--title", "second title"]),
        "WORK-001 is already as edited (nothing written)\n"
    );
    assert_fails(
        &ws.run(&["items", "edit", "1", "--title", "  "]),
        5,
        "title must not be empty",
    );
    assert_fails(
        &ws.run(&["items", "label", "1", "--add", "two words"]),
        5,
        "invalid label",
    );
    // Removing a label the item does not have names it (a typo is not a success).
    assert_fails(
        &ws.run(&["items", "label", "1", "--remove", "absent"]),
        5,
        "WORK-001 has no label 'absent'",
    );
    assert_fails(
        &ws.run(&["items", "label", "1", "--add", "urgent", "--remove", "abset"]),
        5,
        "has no label 'abset'",
    );
    // Adding and removing one label at once is not a toggle: a usage error.
    assert_fails(
        &ws.run(&["items", "label", "1", "--add", "x", "--remove", "x"]),
        2,
        "--add and --remove both name 'x'",
    );
    assert_fails(&ws.run(&["items", "comment", "1", " "]), 5, "invalid comment");
    assert_eq!(ws.snapshot(), before);
    assert_eq!(ws.json(&["events", "replay", "--verify"])["verified"], true);
}

/// Messages say what is wrong, in the user's terms; nothing is written.
#[test]
fn mistakes_are_named_plainly() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "list", "--all"]); // the read model cache, which a refused write may also read
    let before = ws.snapshot();
    assert_fails(
        &ws.run(&["items", "parent", "1", "1"]),
        5,
        "WORK-001 cannot be its own parent",
    );
    assert_fails(
        &ws.run(&["items", "start", "1", "--idempotency-key", ""]),
        5,
        "the idempotency key is empty",
    );
    let out = ws.run(&["items", "edit", "1"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--title") && stderr.contains("--description"),
        "{stderr}"
    );
    assert_eq!(ws.snapshot(), before);
    // An empty list in JSON Lines is no output at all, not a blank line.
    let out = ws.run(&["items", "list", "--status", "done", "--format", "jsonl"]);
    assert!(out.status.success());
    assert!(
        out.stdout.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    let one = ws.ok(&["items", "list", "--all", "--format", "jsonl"]);
    assert_eq!(one.lines().count(), 1);
    assert!(one.ends_with("}\n"), "{one:?}");
}

/// `items list --json` (and `--format jsonl`) with no filter but `--limit` goes out row by
/// row from the indexed read model; `--sort id` takes the usual path through the whole
/// model. Both must print the same bytes, including a claim that has run out by now.
#[test]
fn a_whole_list_streamed_from_the_index_prints_what_the_whole_model_does() {
    let ws = Workspace::new();
    assert_eq!(ws.ok(&["items", "list", "--all", "--json"]), "[]\n");
    ws.ok(&[
        "items",
        "create",
        "Epic {with} \"quotes\", commas: and colons",
        "--type",
        "epic",
    ]);
    ws.ok(&[
        "items",
        "create",
        "Child ünïcødé 名前",
        "--parent",
        "1",
        "--description",
        "line one\nline two\t[tab] {}",
        "--due",
        "+3d",
    ]);
    ws.ok(&["items", "create", "Blocked one"]);
    ws.ok(&["items", "depend", "3", "2", "--type", "blocked_by"]);
    ws.ok(&["items", "label", "2", "--add", "ui"]);
    ws.ok(&["items", "comment", "2", "an {odd} comment, with [brackets]"]);
    ws.ok(&["items", "claim", "3", "--as", "ann", "--lease", "1s"]);
    ws.ok(&["items", "create", "Empty lists"]);
    ws.ok(&["items", "complete", "4"]);
    for format in [&["--json"][..], &["--format", "jsonl"][..]] {
        for limit in [&[][..], &["--limit", "2"][..]] {
            let fast: Vec<&str> = ["items", "list", "--all"]
                .iter()
                .chain(format)
                .chain(limit)
                .copied()
                .collect();
            // `--archived` reads the whole model (no item is archived here).
            let slow: Vec<&str> = fast.iter().copied().chain(["--archived"]).collect();
            let (fast, slow) = (ws.ok(&fast), ws.ok(&slow));
            assert_eq!(fast, slow, "{format:?} {limit:?}");
            assert!(fast.contains("WORK-002"), "{fast}");
        }
    }
    // The claim on 3 ran out: listed as pending, as the whole model says.
    let listed: Value = serde_json::from_str(&ws.ok(&["items", "list", "--all", "--json"])).unwrap();
    assert_eq!(listed[2]["status"], "pending", "{listed}");
    assert!(ws
        .path()
        .join("projects/PROJ-001/.jerry/data/cache/items.sqlite")
        .exists());
}

/// Writes in a row stay cheap at any size: a write that looked at links leaves the item
/// index current (so the next one asks it for an item's links by key, without loading the
/// whole model); a write that looked at nothing leaves the caches to the next read; without
/// an index, a write keeps the JSON model it caught up. A refused command writes nothing.
#[test]
fn writes_keep_the_read_models_current_and_a_refused_one_writes_nothing() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&["items", "create", "b"]);
    ws.ok(&["items", "create", "c", "--type", "epic"]);
    ws.ok(&["items", "list", "--all"]);
    let data = ws.path().join("projects/PROJ-001/.jerry/data");
    let cache = data.join("cache/items.json");
    let index = data.join("cache/items.sqlite");
    let json_checkpoint = || -> u64 {
        let cached: Value = serde_json::from_slice(&std::fs::read(&cache).expect("the cache")).expect("JSON");
        cached["checkpoint"].as_u64().expect("a checkpoint")
    };
    let index_checkpoint = || -> u64 {
        let conn = rusqlite::Connection::open(&index).expect("the item index");
        conn.query_row("SELECT value FROM meta WHERE key = 'checkpoint'", [], |row| {
            row.get::<_, i64>(0)
        })
        .expect("a checkpoint") as u64
    };
    let head = || -> u64 {
        let stats = ws.json(&["events", "stats"]);
        stats["total"].as_u64().expect("a count")
    };
    assert_eq!((json_checkpoint(), index_checkpoint()), (3, 3));
    ws.ok(&["items", "comment", "1", "one"]);
    ws.ok(&["items", "comment", "2", "two"]);
    // A create with a parent loads the parent alone.
    ws.ok(&["items", "create", "d", "--parent", "3"]);
    assert_eq!(
        (json_checkpoint(), index_checkpoint()),
        (3, 3),
        "comments and creates look at no links"
    );
    // Completing a parent consults its children. Refused with the index behind, it
    // leaves the index behind.
    let before = ws.snapshot();
    assert_fails(
        &ws.run(&["items", "complete", "3", "--expected-version", "9"]),
        4,
        "",
    );
    assert_eq!(
        ws.snapshot(),
        before,
        "a refused command writes nothing, caches included"
    );
    let completed = ws.run(&["items", "complete", "3"]);
    assert!(completed.status.success());
    let stderr = String::from_utf8_lossy(&completed.stderr);
    assert!(
        stderr.contains("children WORK-004 are still open"),
        "the index was caught up with the new child before it answered: {stderr}"
    );
    assert_eq!(
        (json_checkpoint(), index_checkpoint()),
        (3, head()),
        "the index caught up and kept, the whole model left alone"
    );
    ws.ok(&["items", "start", "2"]);
    assert_eq!((json_checkpoint(), index_checkpoint()), (3, head()));
    // A claim of the next ready item reads the first ready rows and the claimed item's
    // links from the index too.
    let claimed = ws.json(&["items", "claim"]);
    assert_eq!(claimed["id"], "WORK-001");
    assert_eq!((json_checkpoint(), index_checkpoint()), (3, head()));
    std::fs::remove_file(&index).expect("remove the index");
    let before_complete = head();
    ws.ok(&["items", "complete", "1"]);
    assert_eq!(
        json_checkpoint(),
        before_complete,
        "without an index, the model as the write read it"
    );
    assert!(!index.exists(), "a write does not build an index");
    let before = ws.snapshot();
    // Completing again consults the links (open children), finds the item done already,
    // and writes nothing: not an event, not a read model, not an index.
    ws.ok(&["items", "complete", "1"]);
    assert_eq!(ws.snapshot(), before, "an unchanged command writes nothing");
    ws.ok(&["items", "list", "--all"]);
    let before = ws.snapshot();
    ws.ok(&["items", "complete", "1"]);
    assert_eq!(ws.snapshot(), before, "nor when the index answers");
    assert_fails(
        &ws.run(&["items", "block", "1", "--reason", "r"]),
        5,
        "cannot go from done",
    );
    assert_eq!(ws.snapshot(), before, "a refused command writes nothing");
    let listed = ws.json(&["items", "list", "--all", "--sort", "id"]);
    let statuses: Vec<&str> = listed
        .as_array()
        .expect("a list")
        .iter()
        .map(|item| item["status"].as_str().expect("a status"))
        .collect();
    assert_eq!(statuses, ["done", "in_progress", "done", "pending"]);
}

/// A filtered list reads only the item index's rows its filter can keep: a label by its JSON
/// text anywhere in the item, so titles and longer labels holding that text must still not
/// match; an item whose claim ran out lists as pending and unassigned whatever its row says.
#[test]
fn filtered_lists_narrowed_by_the_item_index_keep_exactly_what_the_filter_asks() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "the \"ui\" label is in this title"]);
    ws.ok(&["items", "create", "two", "--type", "bug"]);
    ws.ok(&["items", "create", "three", "--type", "bug"]);
    ws.ok(&["items", "label", "2", "--add", "ui"]);
    ws.ok(&[
        "items", "label", "3", "--add", "ui-kit", "--add", "q\"uote", "--add", "naïve",
    ]);
    let listed = |args: &[&str]| {
        let mut all = vec!["items", "list", "--all"];
        all.extend(args);
        common::ids(&ws.json(&all))
    };
    assert_eq!(listed(&["--label", "ui"]), ["WORK-002"]);
    assert_eq!(listed(&["--label", "q\"uote"]), ["WORK-003"]);
    assert_eq!(listed(&["--label", "naïve", "--type", "bug"]), ["WORK-003"]);
    assert!(listed(&["--label", "ui", "--label", "ui-kit"]).is_empty());
    assert_eq!(
        listed(&["--type", "bug", "--sort", "id", "--reverse"]),
        ["WORK-003", "WORK-002"]
    );

    // A lease of 30 minutes, run out: the row still says in progress and held by ann.
    let at = |time: &str, args: &[&str]| -> Vec<String> {
        let out = ws
            .command()
            .env("JERRY_TEST_TIMESTAMP", time)
            .args(["items", "list", "--all", "--json"])
            .args(args)
            .output()
            .expect("run jerry");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        common::ids(&serde_json::from_slice(&out.stdout).expect("JSON on stdout"))
    };
    let claimed = ws
        .command()
        .env("JERRY_TEST_TIMESTAMP", "2030-01-01T10:00:00Z")
        .args(["items", "claim", "3", "--as", "ann", "--lease", "30m"])
        .output()
        .expect("run jerry");
    assert!(claimed.status.success());
    assert_eq!(at("2030-01-01T10:10:00Z", &["--assignee", "ann"]), ["WORK-003"]);
    assert_eq!(
        at(
            "2030-01-01T10:10:00Z",
            &["--status", "in_progress", "--type", "bug"]
        ),
        ["WORK-003"]
    );
    assert!(at("2030-01-01T10:31:00Z", &["--assignee", "ann"]).is_empty());
    assert!(at(
        "2030-01-01T10:31:00Z",
        &["--status", "in_progress", "--type", "bug"]
    )
    .is_empty());
    assert_eq!(
        at(
            "2030-01-01T10:31:00Z",
            &["--status", "pending", "--assignee", "none", "--type", "bug"]
        ),
        ["WORK-002", "WORK-003"]
    );

    // A status named twice (closed is done or cancelled) counts its items once.
    ws.ok(&["items", "complete", "1", "2"]);
    let out = ws.run(&[
        "items", "list", "--status", "closed", "--status", "done", "--limit", "1",
    ]);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("showing 1 of 2 matching items"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A change to more items than the process may hold files open writes them all: the store
/// reads each item's tail, lets go of its file, and opens it again to write (an update of
/// 100,000 items failed with "Too many open files").
#[test]
fn a_bulk_update_of_more_items_than_open_files_allowed_lands_whole() {
    let ws = Workspace::new();
    ws.ok(&["generate", "--items", "300"]);
    let out = ws
        .shell(r#"ulimit -n 128 && exec "$0" items update --all --add-label bulk --set priority=low --yes"#)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let listed = ws.json(&["items", "list", "--label", "bulk", "--priority", "low"]);
    assert_eq!(listed.as_array().unwrap().len(), 300);
    assert_eq!(ws.json(&["doctor"])["clean"], true);
}

/// A page of a list with many matches counts them only up to 1,000, so it costs what it
/// shows: past that the total reads "more than 1000"; the page itself is the same.
#[test]
fn a_page_of_many_matches_says_more_than_instead_of_counting_them_all() {
    let ws = Workspace::new();
    ws.ok(&["generate", "--items", "1200"]);
    ws.ok(&["items", "update", "--all", "--add-label", "many", "--yes"]);
    ws.ok(&["items", "list", "--json"]);
    let whole = common::ids(&ws.json(&["items", "list", "--label", "many"]));
    assert_eq!(whole.len(), 1200);
    for filter in [
        &["--label", "many"][..],
        &["--status", "pending"],
        &["--search", "generated"],
        &["--type", "bug"],
    ] {
        let mut args = vec!["items", "list"];
        args.extend_from_slice(filter);
        args.extend(["--limit", "5", "--json"]);
        let out = ws.run(&args);
        assert!(out.status.success());
        let page: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let expected: Vec<String> = if filter[0] == "--type" {
            common::ids(&ws.json(&["items", "list", "--type", "bug"]))
        } else {
            whole.clone()
        };
        assert_eq!(common::ids(&page), expected[..5], "{filter:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let said = if expected.len() > 1000 {
            "showing 5 of more than 1000 matching items (--limit 5)".to_owned()
        } else {
            format!("showing 5 of {} matching items (--limit 5)", expected.len())
        };
        assert!(stderr.contains(&said), "{filter:?}: {stderr}");
    }
}
