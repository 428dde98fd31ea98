//! Commits that close work, with real `git`: `jerry git install-hooks` links each commit to
//! the items its message names and completes those after `Fixes`; a commit reaching
//! another clone through a pull links once; an existing hook keeps running and comes back
//! byte for byte on `--remove`.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::Output;

use common::{git, Workspace};
use serde_json::Value;

/// git in the workspace's environment (so the hooks' jerry sees the test's settings), with
/// a fixed identity; insists on success.
fn git_in(ws: &Workspace, args: &[&str]) -> Output {
    let out = ws
        .shell(r#"shift; exec git "$@""#)
        .arg("git")
        .args(args)
        .env("GIT_AUTHOR_NAME", "Ann")
        .env("GIT_AUTHOR_EMAIL", "ann@example.com")
        .env("GIT_COMMITTER_NAME", "Ann")
        .env("GIT_COMMITTER_EMAIL", "ann@example.com")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn commit(ws: &Workspace, file: &str, message: &str) -> String {
    std::fs::write(ws.path().join(file), message).unwrap();
    git_in(ws, &["add", file]);
    git_in(ws, &["commit", "-q", "-m", message]);
    String::from_utf8(git_in(ws, &["rev-parse", "HEAD"]).stdout)
        .unwrap()
        .trim()
        .to_owned()
}

fn kinds(ws: &Workspace, id: &str) -> Vec<String> {
    ws.json(&["items", "history", id])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event_type"].as_str().unwrap().to_owned())
        .collect()
}

fn hooks_dir(ws: &Workspace) -> std::path::PathBuf {
    ws.path().join(".git/hooks")
}

#[test]
fn fixes_completes_refs_links_and_an_existing_hook_still_runs_and_comes_back() {
    let ws = Workspace::new();
    git(ws.path(), &["init", "--quiet", "."]);
    ws.ok(&["items", "create", "Login redirect loops"]);
    ws.ok(&["items", "create", "Document the redirect"]);
    ws.ok(&["items", "create", "Unrelated"]);
    // The team's own commit-msg hook: it must keep running, and come back unchanged.
    let existing = hooks_dir(&ws).join("commit-msg");
    let original = format!(
        "#!/bin/sh\n# the team's hook\necho \"checked $1\" >> '{}'\n",
        ws.path().join("team-hook.log").display()
    );
    std::fs::write(&existing, &original).unwrap();
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o750)).unwrap();

    ws.ok(&["git", "install-hooks"]);
    let id = commit(
        &ws,
        "a.txt",
        "Fix the redirect\n\nFixes WORK-001, refs WORK-002 and WORK-099",
    );
    let team_log = std::fs::read_to_string(ws.path().join("team-hook.log")).unwrap();
    assert!(team_log.contains("COMMIT_EDITMSG"), "{team_log}");

    let fixed = ws.json(&["items", "show", "1"]);
    assert_eq!(fixed["status"], "done");
    assert_eq!(fixed["commits"].as_array().unwrap().len(), 1);
    assert_eq!(fixed["commits"][0]["commit"], id.as_str());
    assert_eq!(fixed["commits"][0]["summary"], "Fix the redirect");
    assert_eq!(fixed["commits"][0]["author"], "Ann <ann@example.com>");
    assert_eq!(fixed["commits"][0]["closes"], true);
    let referred = ws.json(&["items", "show", "2"]);
    assert_eq!(referred["status"], "pending");
    assert_eq!(referred["commits"][0]["commit"], id.as_str());
    assert!(referred["commits"][0].get("closes").is_none());
    assert!(ws.json(&["items", "show", "3"]).get("commits").is_none());
    let table = ws.ok(&["items", "show", "1"]);
    assert!(
        table.contains("closed by") && table.contains("Fix the redirect"),
        "{table}"
    );

    // Scanning the same commit again (by hand, or a second hook) changes nothing.
    let before = ws.exported_ids();
    let again = ws.json(&["git", "scan", &id]);
    assert!(
        again["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["linked"] == false),
        "{again}"
    );
    assert_eq!(ws.exported_ids(), before);

    // A revision that names nothing, and a folder outside git: one line each, nothing written.
    common::assert_fails(
        &ws.run(&["git", "scan", "no-such-rev"]),
        3,
        "'no-such-rev' names no commit in this repository",
    );
    let outside = Workspace::new();
    let out = outside.run(&["git", "install-hooks"]);
    common::assert_fails(&out, 1, "is not inside a git repository");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("sync"));
    assert_eq!(ws.exported_ids(), before);

    let orphans = ws.json(&["items", "orphans"]);
    assert_eq!(orphans["named_open"][0]["id"], "WORK-002");
    assert!(orphans["closed_unnamed"].as_array().unwrap().is_empty());
    ws.ok(&["items", "start", "3"]);
    ws.ok(&["items", "complete", "3"]);
    assert_eq!(
        ws.json(&["items", "orphans"])["closed_unnamed"][0]["id"],
        "WORK-003"
    );

    ws.ok(&["git", "install-hooks", "--remove"]);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), original);
    let mode = std::fs::metadata(&existing).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o750);
    for hook in ["post-commit", "post-merge", "post-rewrite"] {
        assert!(!hooks_dir(&ws).join(hook).exists(), "{hook} is still there");
    }
    // Without the hooks a commit links nothing.
    commit(&ws, "b.txt", "Fixes WORK-002");
    assert_eq!(ws.json(&["items", "show", "2"])["status"], "pending");
}

#[test]
fn a_commit_reaching_another_clone_by_pull_links_once() {
    let remote = tempfile::tempdir().unwrap();
    git(remote.path(), &["init", "--quiet", "--bare", "."]);
    let url = remote.path().to_str().unwrap().to_owned();
    let (a, b, c) = (Workspace::new(), Workspace::new(), Workspace::new());
    for ws in [&a, &b, &c] {
        git(ws.path(), &["clone", "--quiet", &url, "."]);
    }
    a.ok(&["items", "create", "Login"]);
    a.ok(&["items", "create", "Docs"]);
    commit(&a, "start.txt", "Start");
    git_in(&a, &["push", "-q", "origin", "HEAD"]);
    a.ok(&["sync"]);
    for ws in [&a, &b, &c] {
        ws.ok(&["git", "install-hooks"]);
    }
    git_in(&b, &["pull", "-q", "origin", "HEAD"]);
    git_in(&c, &["pull", "-q", "origin", "HEAD"]);
    b.ok(&["sync"]);
    c.ok(&["sync"]);

    let fix = commit(&a, "fix.txt", "Fixes WORK-001, refs WORK-002");
    git_in(&a, &["push", "-q", "origin", "HEAD"]);
    a.ok(&["sync"]);
    // B has A's events before the commit arrives: the pull's scan finds it linked.
    b.ok(&["sync"]);
    let events = b.exported_ids().len();
    git_in(&b, &["pull", "-q", "origin", "HEAD"]);
    assert_eq!(b.exported_ids().len(), events, "the pull linked the commit again");
    assert_eq!(kinds(&b, "1").iter().filter(|k| *k == "CommitLinked").count(), 1);
    assert_eq!(b.json(&["items", "show", "1"])["status"], "done");

    // C pulls before it syncs: it cannot know, and links WORK-002 too (WORK-001 is
    // closed there as well); once the clones sync, the item lists the commit once.
    let refs = commit(&a, "refs.txt", "Refs WORK-002");
    git_in(&a, &["push", "-q", "origin", "HEAD"]);
    a.ok(&["sync"]);
    git_in(&c, &["pull", "-q", "origin", "HEAD"]);
    c.ok(&["sync"]);
    a.ok(&["sync"]);
    for ws in [&a, &c] {
        let shown: Value = ws.json(&["items", "show", "2"]);
        let commits: Vec<&str> = shown["commits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["commit"].as_str().unwrap())
            .collect();
        assert_eq!(commits, [fix.as_str(), refs.as_str()], "each commit once");
    }
    // WORK-001 was closed on both A and C by the same commit: they agree, with no conflict.
    for ws in [&a, &c] {
        let fixed = ws.json(&["items", "show", "1"]);
        assert_eq!(fixed["status"], "done");
        assert!(fixed.get("conflicts").is_none(), "{fixed}");
    }
}
