//! Commands that used to say one thing and do another, each
//! pinned by the real binary. Links are one per pair and seen from both ends; `ready` lists
//! only startable work; `reopen` only reopens done work; several ids are all or nothing.

mod common;

use common::{assert_fails, ids, Workspace};
use serde_json::Value;

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a string").to_owned())
        .collect()
}

fn workspace_with(titles: &[&str]) -> Workspace {
    let ws = Workspace::new();
    for title in titles {
        ws.ok(&["items", "create", title]);
    }
    ws
}

#[test]
fn a_link_is_one_per_pair_removable_from_either_side_and_shown_on_both() {
    let ws = workspace_with(&["one", "two"]);
    ws.ok(&["items", "depend", "1", "2"]);
    assert_fails(
        &ws.run(&["items", "depend", "2", "1", "--type", "blocks"]),
        5,
        "already linked",
    );
    let one = ws.json(&["items", "show", "1"]);
    let two = ws.json(&["items", "show", "2"]);
    assert_eq!(strings(&one["blocked_by"]), ["WORK-002"]);
    assert_eq!(strings(&two["blocks"]), ["WORK-001"]);
    // Removed from the side that did not record it.
    let said = ws.ok(&["items", "undepend", "2", "1"]);
    assert!(said.contains("removed"), "{said}");
    assert!(ids(&ws.json(&["items", "blocked"])).is_empty());
    let tree = ws.ok(&["items", "tree", "1"]);
    assert!(!tree.contains("WORK-002"), "{tree}");
    assert!(ws.json(&["items", "show", "1"])["blocked_by"]
        .as_array()
        .unwrap()
        .is_empty());

    // `depend 7 5 --type blocks`, then `undepend 5 7`; show 5 names 7.
    let ws = workspace_with(&["1", "2", "3", "4", "5", "6", "7"]);
    ws.ok(&["items", "depend", "7", "5", "--type", "blocks"]);
    assert_eq!(
        strings(&ws.json(&["items", "show", "5"])["blocked_by"]),
        ["WORK-007"]
    );
    ws.ok(&["items", "undepend", "5", "7"]);
    assert!(ws.json(&["items", "show", "7"])["dependencies"]
        .as_array()
        .unwrap()
        .is_empty());
    ws.ok(&["items", "depend", "3", "4", "--type", "related"]);
    assert_eq!(
        strings(&ws.json(&["items", "show", "4"])["related"]),
        ["WORK-003"]
    );
    assert_eq!(
        strings(&ws.json(&["items", "show", "3"])["related"]),
        ["WORK-004"]
    );
}

#[test]
fn show_lists_children_and_the_human_view_names_the_links() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "epic", "--type", "epic"]);
    ws.ok(&["items", "create", "story", "--type", "story", "--parent", "1"]);
    ws.ok(&["items", "create", "other", "--type", "story"]);
    ws.ok(&["items", "depend", "3", "2", "--type", "blocks"]);
    assert_eq!(
        strings(&ws.json(&["items", "show", "1"])["children"]),
        ["WORK-002"]
    );
    let text = ws.ok(&["items", "show", "2"]);
    assert!(text.contains("blocked by") && text.contains("WORK-003"), "{text}");
}

#[test]
fn ready_lists_only_startable_work_and_blocked_lists_items_blocked_by_hand() {
    let ws = workspace_with(&["free", "waits", "blocker", "by hand"]);
    ws.ok(&["items", "create", "parent", "--type", "story"]);
    ws.ok(&["items", "create", "child", "--parent", "5"]);
    ws.ok(&["items", "depend", "2", "3"]);
    ws.ok(&["items", "start", "4"]);
    ws.ok(&["items", "block", "4", "--reason", "waiting for keys"]);
    ws.ok(&["items", "start", "6"]);
    let ready = ids(&ws.json(&["items", "ready"]));
    assert_eq!(
        ready,
        ["WORK-001", "WORK-003"],
        "no blocked, in-progress or parent items"
    );
    let blocked = ws.json(&["items", "blocked"]);
    let blocked_ids: Vec<&str> = blocked
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["item"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(blocked_ids, ["WORK-002", "WORK-004"]);
    assert_eq!(blocked[1]["item"]["blocked_reason"], "waiting for keys");
    let text = ws.ok(&["items", "blocked"]);
    assert!(text.contains("waiting for keys"), "{text}");

    let started = ws.run(&["items", "start", "2"]);
    assert_eq!(started.status.code(), Some(0));
    let warned = String::from_utf8_lossy(&started.stderr);
    assert!(
        warned.contains("WORK-003") && warned.contains("still open"),
        "{warned}"
    );
}

#[test]
fn reopen_only_from_done_and_complete_closes_pending_work() {
    let ws = workspace_with(&["a", "b"]);
    assert_fails(
        &ws.run(&["items", "reopen", "1"]),
        5,
        "only a done item can be reopened",
    );
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "block", "1", "--reason", "r"]);
    assert_fails(&ws.run(&["items", "reopen", "1"]), 5, "blocked");
    assert_eq!(ws.json(&["items", "show", "1"])["status"], "blocked");
    ws.ok(&["items", "complete", "2"]);
    assert_eq!(ws.json(&["items", "show", "2"])["status"], "done");
    ws.ok(&["items", "reopen", "2"]);
    assert_eq!(ws.json(&["items", "show", "2"])["status"], "in_progress");
}

#[test]
fn completing_a_parent_with_open_children_warns_and_enforce_refuses() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "story", "--type", "story"]);
    ws.ok(&["items", "create", "task", "--parent", "1"]);
    ws.ok(&["items", "create", "story 2", "--type", "story"]);
    ws.ok(&["items", "create", "task 2", "--parent", "3"]);
    let done = ws.run(&["items", "complete", "1"]);
    assert_eq!(done.status.code(), Some(0));
    let warned = String::from_utf8_lossy(&done.stderr);
    assert!(warned.contains("children WORK-002"), "{warned}");
    ws.ok(&["config", "set", "quality_gate", "enforce"]);
    ws.ok(&["items", "metrics", "3", "--coverage", "90"]);
    let before = ws.snapshot();
    assert_fails(
        &ws.run(&["items", "complete", "3"]),
        5,
        "open children (WORK-004)",
    );
    assert_eq!(ws.snapshot(), before, "a refusal writes nothing");
}

#[test]
fn several_ids_are_all_or_nothing() {
    let ws = workspace_with(&["a", "b", "c"]);
    ws.ok(&["items", "cancel", "2"]);
    let before = ws.snapshot();
    // WORK-002 is cancelled: it cannot start, so neither does anything else.
    assert_fails(&ws.run(&["items", "start", "1", "2", "3"]), 5, "WORK-002");
    assert_eq!(ws.snapshot(), before);
    assert_fails(&ws.run(&["items", "start", "1", "WORK-001"]), 2, "named twice");
    assert_fails(
        &ws.run(&["items", "assign", "1", "x", "ann"]),
        5,
        "invalid item id 'x'",
    );
    assert_fails(&ws.run(&["items", "assign", "1"]), 2, "who takes them");
    assert_fails(&ws.run(&["items", "start", "1", "9"]), 3, "WORK-009");
    assert_fails(
        &ws.run(&["items", "start", "1", "3", "--expected-version", "1"]),
        2,
        "one item",
    );
    assert_eq!(ws.snapshot(), before);

    let started = ws.json(&["items", "start", "1", "3"]);
    assert_eq!(ids(&started), ["WORK-001", "WORK-003"]);
    // One write: both items' events share one correlation and consecutive positions.
    let events = ws.json(&["events", "list", "--last", "2"]);
    let events = events.as_array().unwrap();
    assert_eq!(
        events[0]["metadata"]["correlation_id"],
        events[1]["metadata"]["correlation_id"]
    );
    for (command, field, want) in [
        (vec!["priority", "1", "3", "high"], "priority", "high"),
        (vec!["assign", "1", "3", "ann"], "assignee", "ann"),
        (vec!["block", "1", "3", "--reason", "keys"], "status", "blocked"),
    ] {
        let mut args = vec!["items"];
        args.extend(command);
        ws.ok(&args);
        for id in ["1", "3"] {
            assert_eq!(ws.json(&["items", "show", id])[field], want, "{args:?}");
        }
    }
    ws.ok(&["items", "label", "1", "3", "--add", "release"]);
    assert_eq!(strings(&ws.json(&["items", "show", "3"])["labels"]), ["release"]);
    ws.ok(&["items", "assign", "1", "3", "--none"]);
    assert_eq!(ws.json(&["items", "show", "1"])["assignee"], Value::Null);
    ws.ok(&["items", "cancel", "1", "3"]);
    assert_eq!(ws.json(&["items", "show", "3"])["status"], "cancelled");
}

#[test]
fn several_ids_repeat_once_under_an_idempotency_key() {
    let ws = workspace_with(&["a", "b"]);
    ws.ok(&["items", "start", "1", "2", "--idempotency-key", "k"]);
    let again = ws.json(&["items", "start", "1", "2", "--idempotency-key", "k"]);
    assert_eq!(ids(&again), ["WORK-001", "WORK-002"]);
    assert!(again[0]["replayed"].as_bool().unwrap());
    assert_eq!(ws.kinds("WORK-002").len(), 2, "the repeat wrote nothing");
    assert_fails(
        &ws.run(&["items", "complete", "1", "2", "--idempotency-key", "k"]),
        5,
        "already used",
    );
}

/// A crash between the streams of a multi-item write leaves none of it.
#[test]
fn a_crash_between_the_items_of_one_write_leaves_none_of_it() {
    let ws = workspace_with(&["a", "b", "c"]);
    let out = ws
        .jerry()
        .env("JERRY_FAULT", "between-streams")
        .args(["items", "start", "1", "2", "3"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0), "the process was killed");
    let listed = ws.json(&["items", "list", "--all"]);
    for item in listed.as_array().unwrap() {
        assert_eq!(item["status"], "pending", "{item}");
    }
    assert_eq!(ws.json(&["events", "list"]).as_array().unwrap().len(), 3);
    // Before any write cuts it off, doctor calls it a write that crashed (repairable),
    // not events lost from their streams.
    let doctor: Value = serde_json::from_slice(&ws.run(&["doctor", "--json"]).stdout).unwrap();
    for finding in doctor["findings"].as_array().unwrap() {
        assert_ne!(finding["kind"], "missing_event", "{finding}");
        assert_eq!(finding["repairable"], true, "{finding}");
    }
    // The next write carries on at the right versions and positions.
    ws.ok(&["items", "start", "1", "2", "3"]);
    assert_eq!(ws.positions(), (1..=6).collect::<Vec<u64>>());
    let doctor = ws.run(&["doctor"]);
    assert_eq!(
        doctor.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&doctor.stdout)
    );
}

#[test]
fn due_dates_are_set_moved_cleared_and_order_ready_work() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "later"]);
    ws.ok(&["items", "create", "soon", "--due", "+2d"]);
    ws.ok(&["items", "create", "sooner", "--due", "tomorrow"]);
    ws.ok(&["items", "create", "urgent", "--priority", "high"]);
    assert_eq!(
        ids(&ws.json(&["items", "ready"])),
        ["WORK-004", "WORK-003", "WORK-002", "WORK-001"],
        "priority, then the earliest due date, then age"
    );
    let soon = ws.json(&["items", "show", "2"]);
    assert!(
        soon["due"].as_str().unwrap().starts_with("2026-01-03T00:00:0"),
        "{soon}"
    );
    ws.ok(&["items", "due", "1", "2026-01-02"]);
    assert_eq!(
        ws.json(&["items", "show", "1"])["due"],
        "2026-01-02T00:00:00.000000Z"
    );
    assert_eq!(ws.kinds("WORK-001").last().unwrap(), "DueDateChanged");
    ws.ok(&["items", "due", "1", "--none"]);
    assert!(ws.json(&["items", "show", "1"]).get("due").is_none());
    // Already so: a success that writes nothing.
    assert_eq!(
        ws.ok(&["items", "due", "1", "--none"]),
        "WORK-001 is already without a due date (nothing written)\n"
    );
    assert_fails(&ws.run(&["items", "due", "1", "someday"]), 5, "someday");
    // Undo takes a due date back like any other change.
    ws.ok(&["items", "due", "4", "+1w"]);
    ws.ok(&["undo"]);
    assert!(ws.json(&["items", "show", "4"]).get("due").is_none());
}

#[test]
fn free_text_may_start_with_a_dash() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "-5 degrees fix"]);
    ws.ok(&["items", "comment", "1", "- a bullet"]);
    let item = ws.json(&["items", "show", "1"]);
    assert_eq!(item["title"], "-5 degrees fix");
    assert_eq!(item["comments"][0]["text"], "- a bullet");
}

fn status(ws: &Workspace, id: &str) -> String {
    ws.json(&["items", "show", id])["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn undo_is_a_stack_per_actor_and_redo_re_applies() {
    let ws = workspace_with(&["a"]);
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "complete", "1"]);
    ws.ok(&["undo"]);
    assert_eq!(status(&ws, "1"), "in_progress");
    ws.ok(&["undo"]);
    assert_eq!(
        status(&ws, "1"),
        "pending",
        "the second undo takes back the start"
    );
    let redone = ws.ok(&["redo"]);
    assert!(redone.contains("(redo: undo of"), "{redone}");
    assert_eq!(status(&ws, "1"), "in_progress");
    ws.ok(&["redo"]);
    assert_eq!(status(&ws, "1"), "done");
    let nothing = ws.run(&["redo"]);
    assert_fails(&nothing, 3, "nothing to redo");
    assert!(!String::from_utf8_lossy(&nothing.stderr).contains("nothing to undo"));
    ws.ok(&["undo"]);
    assert_eq!(status(&ws, "1"), "in_progress");
    // A new command ends the redo chain.
    ws.ok(&["items", "priority", "1", "high"]);
    assert_fails(&ws.run(&["redo"]), 3, "nothing to redo");
    // An undo of several items is one write.
    ws.ok(&["items", "create", "b"]);
    ws.ok(&["items", "create", "c"]);
    ws.ok(&["items", "start", "2", "3"]);
    let undone = ws.json(&["undo"]);
    let positions: Vec<u64> = undone["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["position"].as_u64().unwrap())
        .collect();
    assert_eq!(positions.len(), 2);
    assert_eq!(positions[0] + 1, positions[1]);
    assert_eq!(status(&ws, "2"), "pending");
    assert_eq!(status(&ws, "3"), "pending");
}

#[test]
fn a_command_and_its_undo_do_not_block_an_older_undo() {
    let ws = workspace_with(&["a"]);
    let as_bob = |args: &[&str]| {
        let out = ws.jerry().arg("--actor").arg("bob").args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    as_bob(&["items", "start", "1"]);
    ws.ok(&["--actor", "alice", "items", "priority", "1", "high"]);
    ws.ok(&["--actor", "alice", "undo"]);
    as_bob(&["undo"]);
    let item = ws.json(&["items", "show", "1"]);
    assert_eq!(
        (item["status"].as_str(), item["priority"].as_str()),
        (Some("pending"), Some("medium"))
    );
    // A change that still stands does block it.
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["--actor", "carol", "items", "priority", "1", "low"]);
    assert_fails(&ws.run(&["undo"]), 4, "carol");
}

/// A search reads only the rows that may match (`jerry_may_mention` in the item index),
/// and still finds what lower-casing makes match: the Kelvin sign is `k`; quotes,
/// backslashes, and SQL's wildcards are plain text.
#[test]
fn search_finds_what_lower_casing_and_json_escaping_hide_in_the_row() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "\u{212A}elvin scale"]);
    ws.ok(&["items", "create", "say \"hi\" \\ there"]);
    ws.ok(&["items", "create", "50% off_sale"]);
    ws.ok(&["items", "create", "plain"]);
    let found = |needle: &str| {
        let mut all = ids(&ws.json(&["items", "list", "--all", "--search", needle]));
        all.extend(ids(&ws.json(&["items", "ready", "--search", needle])));
        all
    };
    assert_eq!(found("KELVIN"), ["WORK-001", "WORK-001"]);
    assert_eq!(found("k"), ["WORK-001", "WORK-001"]);
    assert_eq!(found("\"hi\" \\"), ["WORK-002", "WORK-002"]);
    assert_eq!(found("%"), ["WORK-003", "WORK-003"]);
    assert_eq!(found("_s"), ["WORK-003", "WORK-003"]);
    assert_eq!(found("plain"), ["WORK-004", "WORK-004"]);
    assert!(found("zzz").is_empty());
}

#[test]
fn list_searches_sorts_and_filters_as_a_demanding_user_expects() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Fix LOGIN page", "--priority", "low"]);
    ws.ok(&[
        "items",
        "create",
        "Docs",
        "--description",
        "mention the login flow",
    ]);
    ws.ok(&[
        "items",
        "create",
        "Tests",
        "--priority",
        "critical",
        "--assignee",
        "ann",
    ]);
    ws.ok(&["items", "comment", "3", "covers Login too"]);
    ws.ok(&["items", "create", "Old", "--due", "2025-12-01"]);
    ws.ok(&["items", "create", "Later", "--due", "+30d", "--priority", "high"]);
    ws.ok(&["items", "start", "3"]);
    ws.ok(&["items", "cancel", "2"]);
    let list = |args: &[&str]| {
        let mut full = vec!["items", "list", "--all"];
        full.extend_from_slice(args);
        ids(&ws.json(&full))
    };
    assert_eq!(list(&["--search", "login"]), ["WORK-001", "WORK-002", "WORK-003"]);
    assert_eq!(
        list(&["--search", "LOGIN", "--status", "open"]),
        ["WORK-001", "WORK-003"]
    );
    assert_eq!(list(&["--status", "closed"]), ["WORK-002"]);
    assert_eq!(
        list(&["--assignee", "none", "--status", "open"]),
        ["WORK-001", "WORK-004", "WORK-005"]
    );
    assert_eq!(
        list(&["--priority", "low", "--priority", "critical"]),
        ["WORK-001", "WORK-003"]
    );
    assert_eq!(list(&["--overdue"]), ["WORK-004"]);
    assert_eq!(list(&["--due-before", "+60d"]), ["WORK-004", "WORK-005"]);
    assert_eq!(
        list(&["--sort", "priority"]),
        ["WORK-003", "WORK-005", "WORK-002", "WORK-004", "WORK-001"]
    );
    assert_eq!(
        list(&["--sort", "due"]),
        ["WORK-004", "WORK-005", "WORK-001", "WORK-002", "WORK-003"]
    );
    assert_eq!(
        list(&["--sort", "updated", "--limit", "2"]),
        ["WORK-002", "WORK-003"]
    );
    assert_eq!(list(&["--sort", "status"])[0], "WORK-001");
    assert_fails(
        &ws.run(&["items", "list", "--all", "--sort", "size"]),
        5,
        "priority, created",
    );
    assert_fails(&ws.run(&["items", "list", "--status", "opne"]), 5, "open");
    // ready takes the same filters.
    let ready = |args: &[&str]| {
        let mut full = vec!["items", "ready"];
        full.extend_from_slice(args);
        ids(&ws.json(&full))
    };
    assert_eq!(ready(&[]), ["WORK-005", "WORK-004", "WORK-001"]);
    assert_eq!(ready(&["--priority", "low"]), ["WORK-001"]);
    assert_eq!(ready(&["--search", "old"]), ["WORK-004"]);
    ws.ok(&["items", "label", "1", "--add", "ui"]);
    ws.ok(&["items", "assign", "4", "bob"]);
    assert_eq!(ready(&["--label", "ui"]), ["WORK-001"]);
    assert_eq!(ready(&["--assignee", "bob"]), ["WORK-004"]);
    assert_eq!(ready(&["--type", "bug"]), Vec::<String>::new());
}

#[test]
fn the_list_table_shows_when_items_are_due_when_any_has_a_due_date() {
    let ws = workspace_with(&["plain"]);
    assert!(!ws.ok(&["items", "list", "--all"]).contains("DUE"));
    ws.ok(&["items", "create", "dated", "--due", "2026-03-04"]);
    // How far ahead (the test clock reads 2026-01-01), or the date itself with --utc.
    let table = ws.ok(&["items", "list", "--all"]);
    assert!(table.contains("DUE") && table.contains("in 2mo"), "{table}");
    let table = ws.ok(&["--utc", "items", "list", "--all"]);
    assert!(table.contains("2026-03-04T00:00:00"), "{table}");
}

/// An export of a small project, as JSON lines, and the workspace it came from.
fn exported() -> (Workspace, Vec<Value>) {
    let ws = workspace_with(&["a", "b"]);
    ws.ok(&["items", "start", "1"]);
    let lines = ws
        .ok(&["events", "export"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (ws, lines)
}

fn import(ws: &Workspace, lines: &[Value]) -> std::process::Output {
    let text: String = lines.iter().map(|l| l.to_string() + "\n").collect();
    let path = ws.path().join("import.jsonl");
    std::fs::write(&path, text).unwrap();
    ws.run(&["events", "import", path.to_str().unwrap()])
}

#[test]
fn import_refuses_what_the_reads_could_not_load_and_writes_nothing() {
    let (_, lines) = exported();
    type Tamper = Box<dyn Fn(&mut Vec<Value>)>;
    let cases: Vec<(&str, Tamper, i32, &str)> = vec![
        (
            "display id",
            Box::new(|l| l[0]["payload"]["display_id"] = "WORK-009".into()),
            5,
            "line 1",
        ),
        (
            "not an item id",
            Box::new(|l| l[1]["aggregate_id"] = "nonsense".into()),
            5,
            "not an item id",
        ),
        (
            "aggregate type",
            Box::new(|l| l[1]["aggregate_type"] = "gadget".into()),
            5,
            "unknown aggregate_type",
        ),
        (
            "no creation",
            Box::new(|l| {
                let mut first = l[2].clone();
                first["version"] = 1.into();
                *l = vec![first];
            }),
            5,
            "not WorkItemCreated",
        ),
        (
            "bad payload",
            Box::new(|l| l[2]["payload"]["new_status"] = "bogus".into()),
            5,
            "line 3",
        ),
    ];
    for (name, tamper, code, needle) in cases {
        let target = Workspace::new();
        let mut edited = lines.clone();
        tamper(&mut edited);
        let out = import(&target, &edited);
        assert_fails(&out, code, needle);
        assert!(
            !target.path().join("projects").exists()
                || target.ok(&["events", "list", "--json"]).trim() == "[]",
            "{name}: nothing written"
        );
    }
}

#[test]
fn import_conflicts_with_what_is_stored_exit_4() {
    let (ws, lines) = exported();
    let before = ws.snapshot();
    // The same event id with other content.
    let mut changed = lines.clone();
    changed[2]["payload"]["reason"] = "rewritten".into();
    assert_fails(&import(&ws, &changed), 4, "different content");
    // A stored event id reused by a new event in another stream.
    let mut copy = lines[0].clone();
    copy["aggregate_id"] = "WORK-003".into();
    copy["payload"]["display_id"] = "WORK-003".into();
    let reused = vec![copy];
    assert_fails(&import(&ws, &reused), 4, "already stored as work_item-WORK-001");
    std::fs::remove_file(ws.path().join("import.jsonl")).unwrap();
    assert_eq!(ws.snapshot(), before, "nothing written");
    // The unchanged export is a no-op; an empty file says so.
    let again = import(&ws, &lines);
    assert!(String::from_utf8_lossy(&again.stdout).contains("already in"));
    let empty = import(&ws, &[]);
    assert_eq!(empty.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&empty.stdout).contains("holds no events"));
}

#[test]
fn one_unreadable_stream_does_not_take_down_the_list() {
    let ws = workspace_with(&["good", "bad"]);
    // A line the store accepts but the aggregate cannot apply, written behind jerry's back.
    let mut line = ws.lines("WORK-002")[0].clone();
    line["event_type"] = "StatusChanged".into();
    line["version"] = 2.into();
    line["position"] = 3.into();
    line["event_id"] = "01KDVDNA00PPWW6K8BZY81A0Z9".into();
    line["payload"] = serde_json::json!({"old_status": "pending", "new_status": "exploded"});
    let path = ws.stream_file("WORK-002");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&line.to_string());
    text.push('\n');
    std::fs::write(&path, text).unwrap();
    // Rebuilding the global index puts the line in the global order.
    std::fs::remove_file(ws.path().join("projects/PROJ-001/.jerry/data/index.jsonl")).unwrap();
    assert_eq!(ws.run(&["doctor", "--repair"]).status.code(), Some(6));

    let out = ws.run(&["items", "list", "--all", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ids(&listed), ["WORK-001"]);
    let warned = String::from_utf8_lossy(&out.stderr);
    assert!(
        warned.contains("work_item-WORK-002") && warned.contains("doctor"),
        "{warned}"
    );
    assert_eq!(warned.lines().count(), 1, "{warned}");
    let doctor = ws.run(&["doctor", "--json"]);
    assert_eq!(doctor.status.code(), Some(6));
    let report = String::from_utf8_lossy(&doctor.stdout);
    assert!(
        report.contains("unreplayable") && report.contains("work_item-WORK-002"),
        "{report}"
    );
}

#[test]
fn doctor_repairs_stray_lines_between_events_and_blames_only_damaged_files() {
    let ws = workspace_with(&["a", "b", "c"]);
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "start", "3"]);
    let path = ws.stream_file("WORK-001");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(1, "<<<<<<< HEAD");
    lines.insert(2, "=======");
    lines.insert(3, ">>>>>>> theirs");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();

    let out = ws.run(&["doctor"]);
    assert_eq!(out.status.code(), Some(6));
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(report.matches("stray_line").count(), 3, "{report}");
    for healthy in ["WORK-002", "WORK-003"] {
        assert!(!report.contains(healthy), "a healthy file is blamed: {report}");
    }
    assert!(!report.contains("missing_position"), "{report}");

    let repaired = ws.run(&["doctor", "--repair"]);
    assert_eq!(
        repaired.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&repaired.stdout)
    );
    assert!(String::from_utf8_lossy(&repaired.stdout).contains("ok: all problems repaired"));
    assert_eq!(ws.run(&["doctor"]).status.code(), Some(0));
    let quarantined: Vec<_> = std::fs::read_dir(ws.path().join("projects/PROJ-001/.jerry/quarantine"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "bytes"))
        .collect();
    let moved = std::fs::read_to_string(&quarantined[0]).unwrap();
    assert!(
        moved.contains("<<<<<<< HEAD") && moved.contains(">>>>>>> theirs"),
        "{moved}"
    );
    assert_eq!(ws.json(&["items", "show", "1"])["status"], "in_progress");
    ws.ok(&["items", "complete", "1"]);
    assert_eq!(ws.positions(), (1..=7).collect::<Vec<u64>>());
}

#[test]
fn doctor_repair_says_what_it_cannot_fix_and_why() {
    let ws = workspace_with(&["a"]);
    ws.ok(&["items", "start", "1"]);
    ws.ok(&["items", "complete", "1"]);
    // Garbage in place of version 2: taking it out would leave a gap.
    let path = ws.stream_file("WORK-001");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[1] = "garbage".into();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let out = ws.run(&["doctor", "--repair"]);
    assert_eq!(out.status.code(), Some(6));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(!said.lines().any(|l| l.starts_with("repaired:")), "{said}");
    assert!(
        said.contains("still: unparsable_line") && said.contains("needs a person"),
        "{said}"
    );
}

#[test]
fn projects_are_named_as_people_type_them_and_a_default_can_be_chosen() {
    let ws = workspace_with(&["in one"]);
    ws.ok(&["projects", "create", "PROJ-005-my-slug"]);
    let init = ws.run(&["init"]);
    assert_eq!(init.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&init.stderr).contains("already has project PROJ-001"));
    let projects = ws.json(&["projects", "list"]);
    assert_eq!(
        projects.as_array().unwrap().len(),
        2,
        "init created nothing: {projects}"
    );
    for spelling in ["1", "PROJ-1", "proj-001", "PROJ-001"] {
        let listed = ws.json(&["items", "list", "--all", "--project", spelling]);
        assert_eq!(ids(&listed), ["WORK-001"], "--project {spelling}");
    }
    ws.ok(&["items", "create", "in five", "--project", "PROJ-005"]);
    assert_eq!(
        ids(&ws.json(&["items", "list", "--all", "--project", "5"])),
        ["WORK-001"]
    );
    // A second project leaves the first the default, until another is chosen.
    assert_eq!(ws.json(&["items", "list", "--all"])[0]["title"], "in one");
    for spelling in ["5", "PROJ-005", "PROJ-5", "PROJ-005-my-slug"] {
        assert_eq!(
            ws.json(&["projects", "show", spelling])["id"],
            "PROJ-005-my-slug",
            "{spelling}"
        );
    }
    ws.ok(&["projects", "use", "5"]);
    let listed = ws.json(&["items", "list", "--all"]);
    assert_eq!(listed[0]["title"], "in five");
    assert_fails(&ws.run(&["projects", "use", "9"]), 3, "PROJ-009");
}

#[test]
fn reads_where_there_is_no_project_say_so_and_write_nothing() {
    let ws = Workspace::new();
    for args in [&["doctor"][..], &["store", "info"], &["items", "show", "1"]] {
        assert_fails(&ws.run(args), 3, "no project");
    }
    let listed = ws.run(&["items", "list", "--all"]);
    assert_eq!(listed.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&listed.stderr).contains("no project"));
    let path = ws.run(&["config", "path"]);
    assert!(String::from_utf8_lossy(&path.stderr).contains("no project"));
    let typo = ws.run(&["--store", "sqlite:typo.db", "items", "list", "--all", "--json"]);
    assert_eq!(typo.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&typo.stdout).trim(), "[]");
    assert_eq!(
        ws.snapshot().len(),
        0,
        "reads wrote nothing: {:?}",
        ws.snapshot().keys()
    );
    ws.ok(&["items", "create", "x"]);
    assert_fails(
        &ws.run(&["--root", "projects", "items", "list", "--all"]),
        2,
        "projects/ folder",
    );
}

#[test]
fn output_a_script_and_a_person_can_trust() {
    let ws = workspace_with(&["a"]);
    // A metric never given is not recorded as 0.
    ws.ok(&["items", "metrics", "1", "--positive", "3"]);
    let quality = &ws.json(&["items", "show", "1"])["quality"];
    assert_eq!(quality["coverage"], Value::Null, "{quality}");
    assert_eq!(quality["positive_tests"], 3);
    ws.ok(&["items", "metrics", "1", "--coverage", "80"]);
    let quality = &ws.json(&["items", "show", "1"])["quality"];
    assert_eq!(
        (quality["coverage"].as_f64(), quality["positive_tests"].as_u64()),
        (Some(80.0), Some(3))
    );

    // A title cannot reorder the screen: bidi overrides are escaped like control characters.
    ws.ok(&["items", "create", "evil \u{202E}txet"]);
    let table = ws.ok(&["items", "list", "--all"]);
    assert!(
        !table.contains('\u{202E}') && table.contains("\\u{202e}"),
        "{table}"
    );

    // A usage error under --json names what is missing.
    let out = ws.run(&["items", "create", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        body["error"]["message"].as_str().unwrap().contains("<TITLE>"),
        "{body}"
    );

    // A typo never leads to a hidden command.
    let typo = ws.run(&["id"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&typo.stderr).contains("'ids'"));
    let typo = ws.run(&["items", "lst"]);
    assert!(
        String::from_utf8_lossy(&typo.stderr).contains("'list'"),
        "visible ones are still suggested"
    );

    // --last with --limit says which events it shows.
    let both = ws.run(&["events", "list", "--last", "3", "--limit", "2"]);
    assert!(
        String::from_utf8_lossy(&both.stderr).contains("the first 2 of the last 3"),
        "{}",
        String::from_utf8_lossy(&both.stderr)
    );
}
