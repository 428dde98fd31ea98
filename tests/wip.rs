//! WIP limits (`wip_limit.in_progress = N`): no actor holds more than N items in a status,
//! decided in the same atomic append as the claim or start, so racing processes at the
//! limit never overshoot it, on every backend.

mod common;

use common::{assert_fails, postgres_database, Workspace};
use serde_json::Value;

/// 8 processes claim as one agent at once, 3 as another, with a limit of 3 and 12 items
/// ready: exactly 3 of the first agent's claims win (the rest are exit 4, naming the limit)
/// and all 3 of the other's; the log holds those 6 claims and nothing more.
fn racing_claimers_stop_at_the_limit(w: &Workspace) {
    for n in 0..12 {
        w.ok(&["items", "create", &format!("task {n}")]);
    }
    w.ok(&["config", "set", "wip_limit.in_progress", "3"]);
    let claimers: Vec<_> = (0..11)
        .map(|n| {
            // Three of the eleven claim as `other`, spread among the eight as `agent`.
            let actor = if [2, 6, 9].contains(&n) { "other" } else { "agent" };
            (actor, w.spawn(&["items", "claim", "--json", "--as", actor]))
        })
        .collect();
    let (mut agent, mut other, mut refused) = (0, 0, 0);
    for (actor, child) in claimers {
        let out = child.wait_with_output().expect("claimer ran");
        let stderr = String::from_utf8_lossy(&out.stderr);
        match (out.status.code(), actor) {
            (Some(0), "agent") => agent += 1,
            (Some(0), _) => other += 1,
            (Some(4), "agent") => {
                assert!(
                    stderr.starts_with(
                        "error: agent already holds 3 in_progress items and wip_limit.in_progress is 3"
                    ),
                    "{stderr}"
                );
                assert!(out.stdout.is_empty() || serde_json::from_slice::<Value>(&out.stdout).is_ok());
                refused += 1;
            }
            (code, actor) => panic!("a claimer as {actor} exited {code:?}: {stderr}"),
        }
    }
    assert_eq!((agent, other, refused), (3, 3, 5));
    let held = |actor: &str| {
        w.json(&["items", "list", "--assignee", actor, "--status", "in_progress"])
            .as_array()
            .map_or(0, Vec::len)
    };
    assert_eq!((held("agent"), held("other")), (3, 3));
    let claims = w.json(&["events", "list", "--type", "WorkItemClaimed"]);
    assert_eq!(
        claims.as_array().map(Vec::len),
        Some(6),
        "refused claims wrote nothing"
    );
}

#[test]
fn racing_claimers_stop_at_the_limit_on_files() {
    racing_claimers_stop_at_the_limit(&Workspace::new());
}

#[test]
fn racing_claimers_stop_at_the_limit_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let w = Workspace::with_store(&format!("sqlite:{}", dir.path().join("jerry.db").display()));
    w.ok(&["store", "init"]);
    racing_claimers_stop_at_the_limit(&w);
}

#[test]
fn racing_claimers_stop_at_the_limit_on_postgres() {
    let Some(url) = postgres_database() else { return };
    let w = Workspace::with_store(&url);
    w.ok(&["store", "init"]);
    racing_claimers_stop_at_the_limit(&w);
}

#[test]
fn a_start_beyond_the_limit_is_refused_whole_and_a_finished_item_frees_a_place() {
    let w = Workspace::new();
    for n in 0..4 {
        w.ok(&["items", "create", &format!("task {n}")]);
    }
    w.ok(&["items", "assign", "1", "2", "3", "4", "ann"]);
    w.ok(&["config", "set", "wip_limit.in_progress", "2"]);
    w.ok(&["items", "start", "1", "--actor", "ann"]);
    let before = w.json(&["store", "info"])["events"].clone();
    // Two more at once would make three: all or nothing, so nothing.
    assert_fails(
        &w.run(&["items", "start", "2", "3"]),
        4,
        "ann already holds 1 in_progress item and wip_limit.in_progress is 2",
    );
    assert_eq!(
        w.json(&["store", "info"])["events"],
        before,
        "a refused start writes nothing"
    );
    w.ok(&["items", "start", "2"]);
    let out = w.run(&["items", "status", "3", "in_progress"]);
    assert_fails(&out, 4, "wip_limit.in_progress is 2");
    // An item that is done is no longer held: the place is free again.
    w.ok(&["items", "complete", "1"]);
    w.ok(&["items", "start", "3"]);
    // Work nobody is assigned to is nobody's: the limit does not count it.
    w.ok(&["items", "create", "loose"]);
    w.ok(&["items", "start", "5"]);
    // Blocking is limited on its own.
    w.ok(&["config", "set", "wip_limit.blocked", "1"]);
    w.ok(&["items", "block", "2", "--reason", "waits on the API"]);
    assert_fails(
        &w.run(&["items", "block", "3", "--reason", "same"]),
        4,
        "ann already holds 1 blocked item and wip_limit.blocked is 1",
    );
}

#[test]
fn a_lapsed_claim_frees_its_place() {
    let w = Workspace::new();
    w.ok(&["items", "create", "one"]);
    w.ok(&["items", "create", "two"]);
    w.ok(&["config", "set", "wip_limit.in_progress", "1"]);
    let at = |time: &str, args: &[&str]| {
        w.command()
            .env("JERRY_TEST_TIMESTAMP", time)
            .args(args)
            .output()
            .expect("run jerry")
    };
    let first = at(
        "2027-01-01T00:00:00Z",
        &["items", "claim", "1", "--as", "bot", "--lease", "30m"],
    );
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let early = at("2027-01-01T00:10:00Z", &["items", "claim", "2", "--as", "bot"]);
    assert_fails(&early, 4, "bot already holds 1 in_progress item");
    // Its lease ran out: the item is ready again, and no longer held by bot.
    let later = at("2027-01-01T01:00:00Z", &["items", "claim", "2", "--as", "bot"]);
    assert!(
        later.status.success(),
        "{}",
        String::from_utf8_lossy(&later.stderr)
    );
}

#[test]
fn limits_are_whole_numbers_of_limited_statuses() {
    let w = Workspace::new();
    assert_fails(
        &w.run(&["config", "set", "wip_limit.in_progress", "0"]),
        5,
        "a whole number of items, 1 or more",
    );
    assert_fails(
        &w.run(&["config", "set", "wip_limit.done", "3"]),
        5,
        "unknown config key 'wip_limit.done'",
    );
    w.ok(&["config", "set", "wip_limit.in_progress", "3"]);
    assert_eq!(w.ok(&["config", "get", "wip_limit.in_progress"]).trim(), "3");
    w.ok(&["config", "unset", "wip_limit.in_progress"]);
    assert_eq!(w.ok(&["config", "get", "wip_limit.in_progress"]).trim(), "none");
}
