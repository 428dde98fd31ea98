//! What people read, pinned whole: tables, help, error messages and the `--json` shapes.
//! The harness fixes the clock and the id seed, so ids and times are the same on every run.
//! After an intended change: `INSTA_UPDATE=always cargo test --test snapshots`, then review
//! the `.snap` diff.

mod common;

use common::Workspace;

/// Stdout and stderr of one command, with the temp folder's path made stable.
fn screen(ws: &Workspace, args: &[&str]) -> String {
    let out = ws.run(args);
    let root = ws.path().display().to_string();
    let text = format!(
        "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    text.replace(&root, "<root>")
}

fn seeded() -> Workspace {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "Ship login", "--type", "epic"]);
    ws.ok(&[
        "items",
        "create",
        "Session store",
        "--type",
        "story",
        "--parent",
        "1",
        "--priority",
        "high",
    ]);
    ws.ok(&[
        "items",
        "create",
        "Login form",
        "--type",
        "story",
        "--parent",
        "1",
    ]);
    ws.ok(&["items", "depend", "3", "2", "--type", "blocked_by"]);
    ws.ok(&["items", "start", "2"]);
    ws
}

#[test]
fn tables() {
    let ws = seeded();
    insta::assert_snapshot!("items_list", screen(&ws, &["items", "list", "--color", "never"]));
    insta::assert_snapshot!(
        "items_history",
        screen(&ws, &["items", "history", "2", "--color", "never"])
    );
    insta::assert_snapshot!("items_tree", screen(&ws, &["items", "tree"]));
    insta::assert_snapshot!("items_blocked", screen(&ws, &["items", "blocked"]));
    insta::assert_snapshot!(
        "events_list",
        screen(&ws, &["events", "list", "--color", "never"])
    );
    insta::assert_snapshot!("items_show", screen(&ws, &["items", "show", "2"]));
}

/// The list table streamed from the item index and the one drawn from whole items (a
/// status filter) are one table: wide characters take two columns, control characters show
/// escaped, a due date adds a column, statuses are coloured.
#[test]
fn wide_dated_and_coloured_rows() {
    let ws = seeded();
    ws.ok(&["items", "create", "登录页面 rework", "--due", "2026-03-04"]);
    ws.ok(&["items", "create", "tab\there"]);
    ws.ok(&["items", "assign", "4", "李雷"]);
    let streamed = screen(&ws, &["items", "list", "--color", "always"]);
    insta::assert_snapshot!("items_list_wide", streamed);
    let statuses = ["pending", "in_progress", "blocked", "done", "cancelled"];
    let mut filtered = vec!["items", "list", "--color", "always"];
    for status in statuses {
        filtered.extend(["--status", status]);
    }
    assert_eq!(screen(&ws, &filtered), streamed);
}

#[test]
fn writes_and_their_notes() {
    let ws = Workspace::new();
    insta::assert_snapshot!("first_create", screen(&ws, &["items", "create", "Try jerry"]));
    insta::assert_snapshot!("start", screen(&ws, &["items", "start", "1"]));
    insta::assert_snapshot!("undo", screen(&ws, &["undo"]));
}

#[test]
fn error_messages() {
    let ws = seeded();
    insta::assert_snapshot!("not_found", screen(&ws, &["items", "show", "9"]));
    insta::assert_snapshot!("bad_transition", screen(&ws, &["items", "reopen", "1"]));
    insta::assert_snapshot!(
        "conflict",
        screen(&ws, &["items", "priority", "2", "low", "--expected-version", "1"])
    );
    insta::assert_snapshot!(
        "bad_value",
        screen(&ws, &["items", "create", "x", "--type", "feature"])
    );
    insta::assert_snapshot!("usage", screen(&ws, &["items", "frobnicate"]));
    insta::assert_snapshot!("json_error", screen(&ws, &["items", "show", "9", "--json"]));
    insta::assert_snapshot!(
        "not_yet",
        screen(&ws, &["items", "show", "1", "--at", "2025-01-01"])
    );
}

#[test]
fn json_shapes() {
    let ws = seeded();
    insta::assert_snapshot!("item_json", screen(&ws, &["items", "show", "3", "--json"]));
    insta::assert_snapshot!(
        "write_json",
        screen(&ws, &["items", "assign", "3", "ann", "--json"])
    );
    insta::assert_snapshot!(
        "event_json",
        screen(&ws, &["events", "list", "--last", "1", "--json"])
    );
    insta::assert_snapshot!("stats_json", screen(&ws, &["events", "stats", "--json"]));
}

#[test]
fn help() {
    let ws = Workspace::new();
    for command in [
        vec!["--help"],
        vec!["items", "--help"],
        vec!["items", "create", "--help"],
        vec!["items", "list", "--help"],
        vec!["events", "--help"],
        vec!["undo", "--help"],
        vec!["doctor", "--help"],
    ] {
        let name = format!("help_{}", command[..command.len() - 1].join("_"));
        let name = if name == "help_" {
            "help_jerry".to_owned()
        } else {
            name
        };
        insta::assert_snapshot!(name, screen(&ws, &command));
    }
}
