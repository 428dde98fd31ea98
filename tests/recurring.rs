//! Waiting and recurring work, through the real binary: an item that waits stays out of
//! `ready`, `next` and the default list until its time; completing recurring work brings
//! the next instance exactly once, whatever crashes, races, reopens and undos happen.
//! (The clock is the test's: every command is a second after the one before, from
//! 2026-01-01T00:00:00Z.)

mod common;

use common::{assert_fails, Workspace};
use serde_json::Value;

fn ids(value: &Value) -> Vec<String> {
    common::ids(value)
}

fn create(ws: &Workspace, args: &[&str]) -> String {
    let mut full = vec!["items", "create"];
    full.extend_from_slice(args);
    ws.json(&full)["id"].as_str().expect("id").to_owned()
}

#[test]
fn waiting_work_stays_out_of_ready_next_and_the_default_list_until_its_time() {
    let ws = Workspace::new();
    let now = create(&ws, &["now"]);
    let later = create(&ws, &["later", "--wait", "2026-01-05"]);
    let past = create(&ws, &["waited already", "--wait", "2025-12-24"]);
    assert_eq!(
        ws.json(&["items", "show", &later])["wait"],
        "2026-01-05T00:00:00.000000Z"
    );
    for args in [
        &["items", "list"][..],
        &["items", "ready"],
        &["items", "ready", "--limit", "1"],
        &["items", "next"],
        &["items", "list", "--limit", "5"],
    ] {
        let shown = ids(&ws.json(args));
        assert!(!shown.contains(&later), "{args:?}: {shown:?}");
        assert!(shown.contains(&now), "{args:?}: {shown:?}");
        if !args.contains(&"--limit") || args[1] == "list" {
            assert!(
                shown.contains(&past),
                "{args:?}: a wait that is over hides nothing"
            );
        }
    }
    assert_eq!(
        ids(&ws.json(&["items", "list", "--waiting"])),
        std::slice::from_ref(&later)
    );
    assert_eq!(
        ids(&ws.json(&["items", "list", "--all"])),
        [now.clone(), later.clone(), past.clone()]
    );
    // A person is told what the list leaves out.
    let out = ws.run(&["items", "list"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("(1 item waits until later: --waiting lists them)"));
    // Once its time comes it is ready work like any other.
    let then = ws.json_at("2026-01-05T00:00:01Z", &["items", "ready"]);
    assert!(ids(&then).contains(&later), "{then}");
    assert!(ids(&ws.json_at("2026-01-05T00:00:01Z", &["items", "list", "--waiting"])).is_empty());
    // Waiting can be taken back, and is undone like any change.
    ws.ok(&["items", "edit", &later, "--wait", "none"]);
    assert!(ids(&ws.json(&["items", "ready"])).contains(&later));
    ws.ok(&["undo"]);
    assert!(!ids(&ws.json(&["items", "ready"])).contains(&later));
    // Setting what is set writes nothing.
    let out = ws.run(&["items", "edit", &later, "--wait", "2026-01-05"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("is already waiting until 2026-01-05"));
    // A wait that is not a time is refused with the forms there are.
    let out = ws.run(&["items", "edit", &later, "--wait", "someday"]);
    assert_fails(&out, 5, "invalid value 'someday' for '--wait <TIME>'");
}

#[test]
fn completing_recurring_work_brings_the_next_one_once() {
    let ws = Workspace::new();
    let epic = create(&ws, &["routines", "--type", "epic"]);
    let first = create(
        &ws,
        &[
            "water the plants",
            "--type",
            "story",
            "--priority",
            "high",
            "--due",
            "2026-01-02 09:00",
            "--wait",
            "2026-01-01 09:00",
            "--recur",
            "weekly",
            "--parent",
            &epic,
            "--description",
            "all of them",
        ],
    );
    ws.ok(&["items", "label", &first, "--add", "home"]);
    assert_eq!(ws.json(&["items", "show", &first])["recur"], "weekly");
    let done = ws.json(&["items", "complete", &first]);
    assert_eq!(done["status"], "done");
    let all = ws.json(&["items", "list", "--all"]);
    assert_eq!(all.as_array().unwrap().len(), 3, "{all}");
    let next = all[2].clone();
    let id = next["id"].as_str().unwrap().to_owned();
    assert_eq!(next["title"], "water the plants");
    assert_eq!(next["type"], "story");
    assert_eq!(next["priority"], "high");
    assert_eq!(next["parent"], epic.as_str());
    assert_eq!(next["description"], "all of them");
    assert_eq!(next["labels"], serde_json::json!(["home"]));
    assert_eq!(next["recur"], "weekly");
    assert_eq!(next["status"], "pending");
    assert_eq!(
        next["due"], "2026-01-09T09:00:00.000000Z",
        "a week after the last due date"
    );
    assert_eq!(
        next["wait"], "2026-01-08T09:00:00.000000Z",
        "waiting as long before it"
    );
    // The new item says what caused it: the completion, in its correlation.
    let created = &ws.json(&["events", "list", "--item", &id])[0];
    assert_eq!(created["metadata"]["actor"], "policy:recur");
    let trigger = ws
        .json(&["events", "list", "--item", &first, "--type", "StatusChanged"])
        .as_array()
        .unwrap()
        .last()
        .cloned()
        .unwrap();
    assert_eq!(created["metadata"]["causation_id"], trigger["event_id"]);
    assert_eq!(
        created["metadata"]["correlation_id"],
        trigger["metadata"]["correlation_id"]
    );
    // Undo of the finish takes its next one away too; finishing again brings it back.
    ws.ok(&["undo"]);
    assert_eq!(ws.json(&["items", "show", &id])["status"], "deleted");
    assert_eq!(ws.json(&["items", "show", &first])["status"], "pending");
    ws.ok(&["items", "complete", &first]);
    assert_eq!(ws.json(&["items", "show", &id])["status"], "pending");
    assert_eq!(ws.json(&["items", "list", "--all"]).as_array().unwrap().len(), 3);
    // Reopened and finished again, still due then: no second next one.
    ws.ok(&["items", "reopen", &first]);
    ws.ok(&["items", "complete", &first]);
    assert_eq!(ws.json(&["items", "list", "--all"]).as_array().unwrap().len(), 3);
    // The next one recurs in turn; a cancelled one brings its next as well.
    ws.ok(&["items", "cancel", &id]);
    let after = ids(&ws.json(&["items", "list", "--all"]));
    assert_eq!(after.len(), 4, "{after:?}");
    let third = after[3].clone();
    assert_eq!(
        ws.json(&["items", "show", &third])["due"],
        "2026-01-16T09:00:00.000000Z"
    );
    // Deleting one, or stopping it recurring first, ends the series.
    ws.ok(&["items", "delete", &third]);
    let created = ws.json(&["events", "list", "--type", "WorkItemCreated"]);
    assert_eq!(created.as_array().unwrap().len(), 4, "nothing new: {created}");
}

#[test]
fn recurring_work_needs_a_due_date_and_a_rule_it_can_read() {
    let ws = Workspace::new();
    let plain = create(&ws, &["plain"]);
    let before = ws.snapshot();
    let out = ws.run(&["items", "create", "x", "--recur", "weekly"]);
    assert_fails(
        &out,
        5,
        "recurring work comes back from its due date: give it a due date too",
    );
    let out = ws.run(&["items", "edit", &plain, "--recur", "daily"]);
    assert_fails(&out, 5, "WORK-001 has no due date");
    let out = ws.run(&[
        "items",
        "create",
        "x",
        "--due",
        "tomorrow",
        "--recur",
        "sometimes",
    ]);
    assert_fails(&out, 5, "daily, weekly, fortnightly, monthly");
    let out = ws.run(&["items", "edit", &plain, "--recur", "every 0 days"]);
    assert_fails(&out, 5, "invalid recurrence 'every 0 days'");
    assert_eq!(ws.snapshot(), before, "a refused write writes nothing");
    // Stopped recurring, it finishes alone.
    ws.ok(&["items", "due", &plain, "tomorrow"]);
    ws.ok(&["items", "edit", &plain, "--recur", "every 2 weeks"]);
    assert_eq!(ws.json(&["items", "show", &plain])["recur"], "every 2 weeks");
    ws.ok(&["items", "edit", &plain, "--recur", "none"]);
    ws.ok(&["items", "complete", &plain]);
    assert_eq!(ids(&ws.json(&["items", "list", "--all"])), [plain]);
}

/// The items the recurrence made, each with how many creation events it has.
fn recurred(ws: &Workspace) -> Vec<Value> {
    ws.json(&["events", "list", "--type", "WorkItemCreated"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["metadata"]["actor"] == "policy:recur")
        .cloned()
        .collect()
}

#[test]
fn a_crash_between_the_finish_and_its_next_one_is_made_good_once() {
    for point in ["before-policies", "before-policy-checkpoint"] {
        let ws = Workspace::new();
        let item = create(&ws, &["standup", "--due", "2026-01-02", "--recur", "daily"]);
        ws.crash_at(point, &["items", "complete", &item]);
        assert_eq!(ws.json(&["items", "show", &item])["status"], "done", "{point}");
        assert!(recurred(&ws).len() <= 1, "{point}");
        create(&ws, &["next command"]);
        create(&ws, &["and another"]);
        assert_eq!(recurred(&ws).len(), 1, "{point}: exactly one next instance");
    }
}

#[test]
fn racing_processes_bring_one_next_instance() {
    let ws = Workspace::new();
    let item = create(&ws, &["standup", "--due", "2026-01-02", "--recur", "daily"]);
    ws.crash_at("before-policies", &["items", "complete", &item]);
    ws.race_creates(6);
    assert_eq!(recurred(&ws).len(), 1);
    assert_eq!(ws.json(&["doctor"])["clean"], true);
}
