//! Workspaces and projects: where data goes, and that it never silently goes nowhere.

mod common;

use common::{assert_fails, Workspace};

#[test]
fn a_read_in_an_empty_workspace_creates_nothing() {
    let ws = Workspace::new();
    let out = ws.run(&["items", "list"]);
    assert!(out.status.success());
    assert!(ws.snapshot().is_empty(), "{:?}", ws.snapshot().keys());
    assert_eq!(ws.json(&["items", "list"]), serde_json::json!([]));
}

#[test]
fn the_first_write_creates_proj_001_and_says_so_once() {
    let ws = Workspace::new();
    let first = ws.jerry().args(["items", "create", "a"]).output().unwrap();
    let note = String::from_utf8_lossy(&first.stderr);
    assert!(note.contains("created PROJ-001"), "{note}");
    assert!(ws.stream_file("WORK-001").exists());
    let second = ws.jerry().args(["items", "create", "b"]).output().unwrap();
    assert!(
        second.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
}

#[test]
fn init_creates_named_and_numbered_projects_idempotently() {
    let ws = Workspace::new();
    assert_eq!(ws.ok(&["init"]), "PROJ-001\n");
    // Again: the workspace has its project; nothing is created.
    assert_eq!(ws.ok(&["init"]), "PROJ-001\n");
    assert_eq!(ws.ok(&["projects", "create"]), "PROJ-002\n");
    assert_eq!(ws.ok(&["init", "PROJ-010-billing-api"]), "PROJ-010-billing-api\n");
    let again = ws.run(&["init", "PROJ-001"]);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert!(ws
        .path()
        .join("projects/PROJ-010-billing-api/.jerry/data/events")
        .is_dir());
    assert_fails(&ws.run(&["init", "PROJ-x"]), 5, "invalid project id");
    assert_fails(&ws.run(&["init", "PROJ-001-Bad"]), 5, "invalid project id");
    assert_fails(&ws.run(&["init", "../PROJ-001"]), 5, "invalid project id");
}

/// A second project leaves the first the default (the commands that worked before still
/// do), each keeps its own data, and with the default gone a choice is needed.
#[test]
fn a_second_project_leaves_the_first_the_default_and_keeps_separate_data() {
    let ws = Workspace::new();
    ws.ok(&["init", "PROJ-001"]);
    ws.ok(&["init", "PROJ-002"]);
    let listed = ws.json(&["projects", "list"]);
    let defaults: Vec<(&str, bool)> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["default"].as_bool().unwrap()))
        .collect();
    assert_eq!(defaults, [("PROJ-001", true), ("PROJ-002", false)]);
    assert!(ws.ok(&["projects", "list"]).contains("PROJ-001 (default)"));
    assert_eq!(ws.ok(&["items", "create", "in one"]), "WORK-001\n");
    std::fs::remove_file(ws.path().join("projects/.default-project")).unwrap();
    let out = ws.run(&["items", "create", "a"]);
    assert_fails(&out, 2, "several projects");
    assert!(String::from_utf8_lossy(&out.stderr).contains("PROJ-001, PROJ-002"));
    assert_eq!(
        ws.ok(&["--project", "PROJ-002", "items", "create", "in two"]),
        "WORK-001\n"
    );
    ws.jerry()
        .env("JERRY_PROJECT", "PROJ-001")
        .args(["items", "create", "in one, again"])
        .assert()
        .success()
        .stdout("WORK-002\n");
    let two = ws.json(&["items", "show", "1", "--project", "PROJ-002"]);
    assert_eq!(two["title"], "in two");
    let one = ws.json(&["items", "show", "1", "--project", "PROJ-001"]);
    assert_eq!(one["title"], "in one");
}

#[test]
fn the_root_is_found_from_a_subdirectory_or_given() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    let deep = ws.path().join("src/deep");
    std::fs::create_dir_all(&deep).unwrap();
    ws.jerry()
        .current_dir(&deep)
        .args(["items", "show", "1"])
        .assert()
        .success();

    let elsewhere = Workspace::new();
    let root = ws.path().to_str().unwrap();
    elsewhere
        .jerry()
        .args(["--root", root, "items", "show", "1"])
        .assert()
        .success();
    elsewhere
        .jerry()
        .env("JERRY_ROOT", root)
        .args(["items", "start", "1"])
        .assert()
        .success();
    assert!(elsewhere.snapshot().is_empty());
    assert_eq!(ws.json(&["items", "show", "1"])["status"], "in_progress");
}

#[test]
fn version_and_help() {
    let ws = Workspace::new();
    let version = ws.ok(&["--version"]);
    assert!(version.starts_with("jerry "), "{version}");
    let help = ws.ok(&["items", "create", "--help"]);
    assert!(
        help.contains("Examples:") && help.contains("--priority"),
        "{help}"
    );
    let help = ws.ok(&["--help"]);
    assert!(help.contains("Exit codes"), "{help}");
}
