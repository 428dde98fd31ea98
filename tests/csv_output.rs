//! `--format csv` for a spreadsheet and `--format markdown` for a pull request: the CSV of
//! every list command, read back by Python's `csv` module, holds what `--json` holds; the
//! Markdown is a pipe table whose rows stay rows.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::Workspace;
use serde_json::{Map, Value};

/// What Python's `csv.DictReader` reads from `text`: one object per row.
fn python_reads(text: &str) -> Vec<Map<String, Value>> {
    let mut child = Command::new("python3")
        .args([
            "-c",
            "import csv, json, sys; print(json.dumps(list(csv.DictReader(sys.stdin))))",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("the CSV written");
    let out = child.wait_with_output().expect("python3 ends");
    assert!(out.status.success(), "python could not read the CSV:\n{text}");
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON from python");
    rows.into_iter()
        .map(|row| row.as_object().cloned().expect("a row"))
        .collect()
}

/// A JSON value as its CSV cell (docs/json-output.md, "CSV").
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(list)) if list.iter().all(Value::is_string) => list
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

/// Runs `args` with `--format csv` and with `--json`, and checks the CSV holds the JSON.
fn same(ws: &Workspace, args: &[&str]) -> usize {
    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let csv = ws.ok(&csv_args);
    let json = ws.json(args);
    let objects: Vec<Value> = match json {
        Value::Array(items) => items,
        one => vec![one],
    };
    let rows = python_reads(&csv);
    assert_eq!(rows.len(), objects.len(), "{args:?}: one row per element\n{csv}");
    for (row, object) in rows.iter().zip(&objects) {
        let object = object.as_object().expect("an object");
        for key in object.keys() {
            assert!(row.contains_key(key), "{args:?}: no column for {key}");
        }
        for (key, got) in row {
            assert_eq!(
                got.as_str().unwrap_or_default(),
                cell(object.get(key)),
                "{args:?}: {key} of {}",
                object["id"]
                    .as_str()
                    .or(object["event_id"].as_str())
                    .unwrap_or("?")
            );
        }
    }
    rows.len()
}

#[test]
fn csv_holds_what_json_holds_for_every_list() {
    let ws = Workspace::new();
    ws.ok(&[
        "items",
        "create",
        "Comma, \"quotes\" and | a pipe",
        "--priority",
        "high",
        "--due",
        "2026-02-01",
    ]);
    ws.ok(&[
        "items",
        "create",
        "Second",
        "--description",
        "two\nlines, and \"more\"",
    ]);
    ws.ok(&["items", "create", "Third"]);
    ws.ok(&["items", "label", "1", "--add", "ui", "--add", "urgent"]);
    ws.ok(&["items", "depend", "3", "2"]);
    ws.ok(&["items", "comment", "2", "a note, with a comma"]);
    ws.ok(&["items", "claim", "2", "--as", "ana", "--lease", "1h"]);
    assert_eq!(same(&ws, &["items", "list"]), 3);
    assert_eq!(
        same(&ws, &["items", "list", "--fields", "id,title,labels,due"]),
        3
    );
    assert_eq!(same(&ws, &["items", "ready"]), 1);
    assert!(same(&ws, &["items", "next"]) > 0);
    assert_eq!(same(&ws, &["items", "show", "1"]), 1);
    let events = ws.json(&["events", "list"]).as_array().map_or(0, Vec::len);
    assert_eq!(same(&ws, &["events", "list"]), events);
    // The export, as CSV: the same events, the same columns.
    let export = python_reads(&ws.ok(&["events", "export", "--format", "csv"]));
    assert_eq!(export.len(), events);
    assert_eq!(export[0]["event_type"], "WorkItemCreated");
    let payload: Value =
        serde_json::from_str(export[0]["payload"].as_str().unwrap()).expect("JSON in a cell");
    assert_eq!(payload["title"], "Comma, \"quotes\" and | a pipe");
    // An error is said on stderr alone: no row of it on stdout.
    let out = ws.run(&["items", "show", "99", "--format", "csv"]);
    common::assert_fails(&out, 3, "WORK-099 not found");
    assert!(out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stdout));
    // An empty list is no rows at all, not a header alone.
    assert_eq!(
        ws.ok(&["items", "list", "--status", "done", "--format", "csv"]),
        ""
    );
}

#[test]
fn markdown_lists_are_pipe_tables() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "A | piped title", "--due", "2026-02-01"]);
    ws.ok(&["items", "create", "Plain"]);
    let table = ws.ok(&["items", "list", "--format", "markdown"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert_eq!(
        lines[0],
        "| id | type | priority | status | assignee | due | title |"
    );
    assert_eq!(lines[1], "| --- | --- | --- | --- | --- | --- | --- |");
    assert!(
        lines[2].starts_with("| WORK-001 | task | medium | pending |  | "),
        "{table}"
    );
    assert!(lines[2].ends_with(" | A \\| piped title |"), "{table}");
    let picked = ws.ok(&["items", "list", "--format", "markdown", "--fields", "id,title"]);
    assert_eq!(picked.lines().next(), Some("| id | title |"));
    let events = ws.ok(&["events", "list", "--format", "markdown"]);
    assert!(events.starts_with("| pos | time | item | event |"), "{events}");
}

#[test]
fn a_followed_log_streams_csv_rows_under_one_header() {
    use std::io::{BufRead, BufReader};
    let ws = Workspace::new();
    ws.ok(&["items", "create", "One, with a comma"]);
    ws.ok(&["items", "create", "Two"]);
    let mut follow = ws
        .command()
        .args(["events", "follow", "--from-start", "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("events follow");
    let mut lines = BufReader::new(follow.stdout.take().expect("stdout")).lines();
    let mut text = String::new();
    for _ in 0..3 {
        text.push_str(&lines.next().expect("a line").expect("text"));
        text.push('\n');
    }
    let _ = follow.kill();
    let _ = follow.wait();
    let rows = python_reads(&text);
    let events = ws.json(&["events", "list"]);
    assert_eq!(rows.len(), 2, "{text}");
    for (row, event) in rows.iter().zip(events.as_array().expect("events")) {
        for (key, got) in row {
            assert_eq!(got.as_str().unwrap_or_default(), cell(event.get(key)), "{key}");
        }
    }
}
