//! Event schemas are forever: a frozen export written by jerry's first schema must keep
//! loading, through the upcaster chain, in every later version. Never edit the fixture.

mod common;

use common::Workspace;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/schema-v1-export.jsonl"
);

fn restored() -> Workspace {
    let ws = Workspace::new();
    let report = ws.json(&["events", "import", FIXTURE]);
    assert_eq!(report["imported"], 12);
    ws
}

#[test]
fn version_one_events_load_through_the_upcasters() {
    let ws = restored();
    let login = ws.json(&["items", "show", "1"]);
    assert_eq!(login["title"], "Fix login");
    assert_eq!(
        (login["status"].as_str(), login["version"].as_u64()),
        (Some("in_progress"), Some(7))
    );
    let notes = ws.json(&["items", "show", "2"]);
    assert_eq!(notes["status"], "cancelled");
    assert_eq!(notes["assignee"], "carol");
    assert_eq!(notes["dependencies"][0]["id"], "WORK-001");

    // WorkItemCompleted v1 has no duration_ms; the upcaster derives it from the seconds.
    let history = ws.ok(&["items", "history", "1"]);
    assert!(
        history.contains("finished as done after 6m 0s (shipped)"),
        "{history}"
    );
    assert_eq!(
        ws.json(&["items", "show", "1", "--at", "2026-01-12T09:06:30Z"])["status"],
        "done"
    );
    assert_eq!(ws.json(&["events", "replay", "--verify"])["verified"], true);
    assert_eq!(ws.json(&["doctor"])["clean"], true);
}

#[test]
fn stored_events_are_never_rewritten_to_a_newer_schema() {
    let ws = restored();
    let completed = ws.json(&["events", "list", "--type", "WorkItemCompleted"]);
    let first = &completed[0];
    assert_eq!(first["schema_version"], 1);
    assert!(first["payload"].get("duration_ms").is_none());
    let fixture = std::fs::read_to_string(FIXTURE).unwrap();
    assert_eq!(
        ws.ok(&["events", "export"]),
        fixture,
        "export gives back the very same lines"
    );

    // New events are written with today's schema, next to the old ones.
    ws.ok(&["items", "complete", "1"]);
    let newest = ws.json(&["events", "list", "--type", "WorkItemCompleted", "--last", "1"]);
    assert_eq!(newest[0]["schema_version"], 2);
    assert!(newest[0]["payload"]["duration_ms"].is_u64());
}
