//! Terminal conventions: colour only where wanted, --quiet, and tables that fit the terminal.

mod common;

use common::Workspace;

fn seeded() -> Workspace {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    ws.ok(&[
        "items",
        "create",
        &format!("a title that goes on and on {}", "and on ".repeat(20)),
    ]);
    ws.ok(&["items", "start", "1"]);
    ws
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_without_no_color() {
    let ws = seeded();
    let piped = ws.ok(&["items", "list"]);
    assert!(!piped.contains('\u{1b}'), "no colour codes into a pipe");
    let forced = ws.ok(&["items", "list", "--color", "always"]);
    assert!(forced.contains('\u{1b}'), "--color always colours");
    let never = ws.ok(&["items", "list", "--color", "never"]);
    assert!(!never.contains('\u{1b}'));
}

#[test]
fn quiet_keeps_the_data_and_drops_the_chatter() {
    let ws = Workspace::new();
    let out = ws.run(&["items", "create", "a", "--quiet"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "WORK-001\n",
        "the id is data"
    );
    assert!(
        out.stderr.is_empty(),
        "no 'created PROJ-001' note: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = ws.run(&["items", "start", "1", "-q"]);
    assert!(out.status.success() && out.stdout.is_empty() && out.stderr.is_empty());
    // A limit is still announced: silence must not hide data.
    ws.ok(&["items", "create", "b"]);
    let out = ws.run(&["items", "list", "--limit", "1", "--quiet"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("showing 1 of 2"));
    // Errors are never quiet.
    let out = ws.run(&["items", "show", "9", "-q"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));
}

/// Runs `jerry items list` under a pseudo-terminal (util-linux `script`) COLUMNS wide.
fn list_on_a_terminal(ws: &Workspace, columns: &str, extra: &str) -> Option<String> {
    let command = format!("{} items list {extra}", env!("CARGO_BIN_EXE_jerry"));
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(ws.path())
        .env("COLUMNS", columns)
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn on_a_terminal_tables_fit_the_width_and_long_titles_end_in_an_ellipsis() {
    let ws = seeded();
    let Some(screen) = list_on_a_terminal(&ws, "80", "") else {
        common::skip("util-linux script(1) is not available");
        return;
    };
    let lines: Vec<&str> = screen.lines().filter(|l| l.contains("WORK-")).collect();
    assert_eq!(lines.len(), 2, "{screen}");
    for line in &lines {
        assert!(line.trim_end().chars().count() <= 80, "fits 80 columns: {line:?}");
    }
    assert!(lines[1].contains('…'), "the long title is cut: {:?}", lines[1]);
    assert!(!screen.contains('\u{1b}'), "NO_COLOR is honoured on a terminal");
    // The full title is still in the data.
    let json = ws.json(&["items", "show", "2"]);
    assert!(json["title"].as_str().unwrap().ends_with("and on "));
}

#[test]
fn every_read_command_speaks_table_json_jsonl_and_toon() {
    let ws = seeded();
    let json = ws.json(&["items", "list"]);
    let jsonl = ws.ok(&["items", "list", "--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(
        serde_json::Value::Array(lines),
        json,
        "jsonl is the same data, one item per line"
    );
    let toon = ws.ok(&["items", "list", "--format", "toon"]);
    let decoded = toon_format::decode_default::<serde_json::Value>(toon.trim_end()).unwrap();
    assert_eq!(decoded, json, "TOON decodes back to exactly the JSON data");
    assert!(toon.len() < serde_json::to_string_pretty(&json).unwrap().len());
    // --json always wins.
    assert_eq!(
        ws.json(&["items", "show", "1", "--format", "toon"])["id"],
        "WORK-001"
    );
}

/// The TOON spec's tabular form: a uniform array of objects with primitive fields is one
/// header `key[N]{fields}:` and one comma-separated row per element.
#[test]
fn uniform_lists_use_the_toon_tabular_form() {
    let ws = seeded();
    let toon = ws.ok(&["events", "stats", "--format", "toon"]);
    assert!(toon.contains("groups[2]{key,count}:"), "{toon}");
    assert!(toon.contains("  WorkItemCreated,2"), "{toon}");
    assert!(toon.contains("  StatusChanged,1"), "{toon}");
    assert!(toon.starts_with("group_by: type\ntotal: 3\n"), "{toon}");
}

#[test]
fn event_tables_fit_the_terminal_too() {
    let ws = seeded();
    let Some(screen) = list_on_a_terminal(&ws, "100", "") else {
        common::skip("util-linux script(1) is not available");
        return;
    };
    assert!(!screen.is_empty());
    let command = format!("{} events list", env!("CARGO_BIN_EXE_jerry"));
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(ws.path())
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = screen.lines().filter(|l| l.contains("WORK-")).collect();
    assert_eq!(rows.len(), 3, "{screen}");
    for row in rows {
        assert!(row.trim_end().chars().count() <= 100, "{row:?}");
    }
}
