//! Claims: `items claim` takes work atomically, so N racing claimers get N
//! distinct items on every backend; leases lapse at read time (an injected clock, never a
//! sleep); `--fields` keeps only what an agent reads.

mod common;

use std::collections::BTreeSet;
use std::process::Output;

use common::{assert_fails, ids, postgres_database, Workspace};
use serde_json::Value;

/// Runs `jerry ARGS` with the clock at `time` (RFC 3339).
fn at(w: &Workspace, time: &str, args: &[&str]) -> Output {
    w.command()
        .env("JERRY_TEST_TIMESTAMP", time)
        .args(args)
        .output()
        .expect("run jerry")
}

fn ok_json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// 16 processes claim at once from 10 ready items: exactly 10 win, each a different item,
/// and 6 are told nothing is ready (exit 3, empty stdout). Every item has one holder, and
/// the log holds the 10 creations and 10 claims, nothing more.
fn sixteen_claimers_take_ten_distinct_items(w: &Workspace) {
    for n in 0..10 {
        w.ok(&["items", "create", &format!("task {n}")]);
    }
    let claimers: Vec<_> = (0..16)
        .map(|n| w.spawn(&["items", "claim", "--json", "--as", &format!("agent-{n}")]))
        .collect();
    let mut won = Vec::new();
    let mut nothing = 0;
    for (n, child) in claimers.into_iter().enumerate() {
        let out = child.wait_with_output().expect("claimer ran");
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => {
                let item: Value = serde_json::from_slice(&out.stdout).expect("the claimed item");
                assert_eq!(item["assignee"], format!("agent-{n}"), "{item}");
                assert_eq!(item["status"], "in_progress");
                won.push((item["id"].as_str().expect("id").to_owned(), format!("agent-{n}")));
            }
            Some(3) => {
                assert!(out.stdout.is_empty(), "nothing on stdout: {:?}", out.stdout);
                assert_eq!(stderr.trim(), "error: nothing is ready to claim in PROJ-001");
                nothing += 1;
            }
            other => panic!("claimer {n} exited {other:?}: {stderr}"),
        }
    }
    let distinct: BTreeSet<&String> = won.iter().map(|(id, _)| id).collect();
    assert_eq!((won.len(), distinct.len(), nothing), (10, 10, 6), "{won:?}");
    let list = w.json(&["items", "list"]);
    for item in list.as_array().expect("items") {
        let id = item["id"].as_str().expect("id");
        let holder = won.iter().find(|(won, _)| won == id).map(|(_, who)| who);
        assert_eq!(item["assignee"].as_str(), holder.map(String::as_str), "{item}");
        assert_eq!(item["claim"]["holder"].as_str(), holder.map(String::as_str));
        let history = w.json(&["items", "history", id]);
        assert_eq!(
            history.as_array().map(Vec::len),
            Some(2),
            "one claim per item: {history}"
        );
    }
    let claims = w.json(&["events", "list", "--type", "WorkItemClaimed"]);
    assert_eq!(claims.as_array().map(Vec::len), Some(10));
    assert_eq!(w.json(&["store", "info"])["events"], 20);
}

#[test]
fn racing_claimers_get_distinct_items_on_files() {
    sixteen_claimers_take_ten_distinct_items(&Workspace::new());
}

#[test]
fn racing_claimers_get_distinct_items_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let w = Workspace::with_store(&format!("sqlite:{}", dir.path().join("jerry.db").display()));
    w.ok(&["store", "init"]);
    sixteen_claimers_take_ten_distinct_items(&w);
}

#[test]
fn racing_claimers_get_distinct_items_on_postgres() {
    let Some(url) = postgres_database() else { return };
    let w = Workspace::with_store(&url);
    w.ok(&["store", "init"]);
    sixteen_claimers_take_ten_distinct_items(&w);
}

#[test]
fn claim_takes_ready_work_in_ready_order_with_its_filters() {
    let w = Workspace::new();
    w.ok(&["items", "create", "low one", "--priority", "low"]);
    w.ok(&["items", "create", "urgent", "--priority", "critical"]);
    w.ok(&["items", "create", "blocked one", "--priority", "critical"]);
    w.ok(&["items", "depend", "3", "1"]);
    w.ok(&["items", "create", "backend", "--priority", "low"]);
    w.ok(&["items", "label", "4", "--add", "backend"]);
    let first = w.json(&["items", "claim", "--as", "a"]);
    assert_eq!(
        first["id"], "WORK-002",
        "critical first; WORK-003 waits on WORK-001"
    );
    let labelled = w.json(&["items", "claim", "--as", "b", "--label", "backend"]);
    assert_eq!(labelled["id"], "WORK-004");
    // The claimed item is printed as items show --json prints it, links and all.
    let shown = w.json(&["items", "show", "4"]);
    assert_eq!(labelled, shown);
    let out = w.run(&["items", "claim", "--as", "c", "--label", "backend"]);
    assert_fails(&out, 3, "nothing is ready to claim");
    assert!(out.stdout.is_empty());
}

#[test]
fn claiming_a_named_item_fails_naming_its_holder_and_renews_for_the_holder() {
    let w = Workspace::new();
    w.ok(&["items", "create", "one"]);
    at(
        &w,
        "2027-01-01T00:00:00Z",
        &["items", "claim", "1", "--as", "ann", "--lease", "30m"],
    );
    let before = w.lines("WORK-001").len();
    let out = at(
        &w,
        "2027-01-01T00:10:00Z",
        &["items", "claim", "1", "--as", "bob"],
    );
    assert_fails(
        &out,
        4,
        "WORK-001 is held by ann (lease until 2027-01-01T00:30:00",
    );
    assert_eq!(
        w.lines("WORK-001").len(),
        before,
        "a refused claim writes nothing"
    );
    let renewed = ok_json(&at(
        &w,
        "2027-01-01T00:20:00Z",
        &["items", "claim", "1", "--as", "ann", "--json"],
    ));
    assert_eq!(
        renewed["claim"]["until"], "2027-01-01T00:50:00.000000Z",
        "the renewal keeps the lease length"
    );
    w.ok(&["items", "complete", "1"]);
    assert_fails(
        &w.run(&["items", "claim", "1", "--as", "ann"]),
        5,
        "only pending items",
    );
    assert_fails(
        &w.run(&["items", "claim", "1", "--as", "ann", "--label", "x"]),
        2,
        "with an id there is nothing to pick",
    );
    assert_fails(&w.run(&["items", "claim", "--lease", "0s"]), 5, "at least 1s");
    assert_fails(&w.run(&["items", "claim", "--lease", "soon"]), 5, "soon");
}

/// A lease not renewed lapses at read time: nobody writes, yet `ready` lists the item again
/// and `show` says whose lease ran out; the next claim records the takeover. A write by the
/// holder before the end renews it. The clock is injected (JERRY_TEST_TIMESTAMP).
#[test]
fn an_expired_lease_returns_the_item_to_ready_and_the_next_claim_takes_it_over() {
    let w = Workspace::new();
    w.ok(&["items", "create", "one"]);
    let t0 = "2027-01-01T10:00:00Z";
    ok_json(&at(
        &w,
        t0,
        &["items", "claim", "--as", "dead-agent", "--lease", "30m", "--json"],
    ));
    let files = w.snapshot();
    // A write by the holder before the end extends the lease to 30 minutes after it.
    ok_json(&at(
        &w,
        "2027-01-01T10:20:00Z",
        &[
            "--actor",
            "dead-agent",
            "items",
            "comment",
            "1",
            "working",
            "--json",
        ],
    ));
    let held = ok_json(&at(&w, "2027-01-01T10:45:00Z", &["items", "ready", "--json"]));
    assert_eq!(ids(&held), Vec::<String>::new(), "renewed until 10:50");
    // The reads below bring the caches up to date here, so the check after them sees only
    // what the lapse itself would write.
    let still = ok_json(&at(&w, "2027-01-01T10:45:00Z", &["items", "show", "1", "--json"]));
    assert_eq!(still["status"], "in_progress");
    let lapsed_at = "2027-01-01T10:51:00Z";
    let files = {
        let now = w.snapshot();
        assert_ne!(now, files);
        now
    };
    let ready = ok_json(&at(&w, lapsed_at, &["items", "ready", "--json"]));
    assert_eq!(ids(&ready), ["WORK-001"]);
    let shown = ok_json(&at(&w, lapsed_at, &["items", "show", "1", "--json"]));
    assert_eq!(shown["status"], "pending");
    assert_eq!(shown["assignee"], Value::Null);
    assert_eq!(shown["claim"]["holder"], "dead-agent");
    assert_eq!(shown["claim"]["expired"], true);
    let listed = ok_json(&at(
        &w,
        lapsed_at,
        &["items", "list", "--status", "pending", "--json"],
    ));
    assert_eq!(ids(&listed), ["WORK-001"]);
    assert_eq!(w.snapshot(), files, "the lapse is derived: reads wrote nothing");
    // Before the lapse, the same reads see it held.
    let before = ok_json(&at(&w, "2027-01-01T10:49:00Z", &["items", "show", "1", "--json"]));
    assert_eq!(before["status"], "in_progress");
    let taken = ok_json(&at(
        &w,
        lapsed_at,
        &["items", "claim", "--as", "new-agent", "--json"],
    ));
    assert_eq!(
        (taken["id"].as_str(), taken["assignee"].as_str()),
        (Some("WORK-001"), Some("new-agent"))
    );
    let history = w.json(&["items", "history", "1"]);
    let claimed = history.as_array().and_then(|h| h.last()).expect("the takeover");
    assert_eq!(claimed["event_type"], "WorkItemClaimed");
    assert_eq!(claimed["payload"]["taken_from"], "dead-agent");
    assert_eq!(claimed["payload"]["old_status"], "pending");
    // --at shows the board as it stood then, leases included.
    let then = ok_json(&at(
        &w,
        lapsed_at,
        &["items", "show", "1", "--at", "2027-01-01T10:50:30Z", "--json"],
    ));
    assert_eq!(then["status"], "pending", "lapsed by 10:50:30");
}

#[test]
fn release_gives_work_back_and_respects_someone_elses_claim() {
    let w = Workspace::new();
    w.ok(&["items", "create", "one"]);
    w.ok(&["items", "claim", "1", "--as", "ann"]);
    assert_fails(
        &w.run(&["--actor", "bob", "items", "release", "1"]),
        4,
        "held by ann",
    );
    let released = w.json(&[
        "--actor",
        "ann",
        "items",
        "release",
        "1",
        "--reason",
        "end of day",
    ]);
    assert_eq!(released["status"], "pending");
    assert_eq!(released["assignee"], Value::Null);
    assert!(released.get("claim").is_none(), "{released}");
    assert_eq!(ids(&w.json(&["items", "ready"])), ["WORK-001"]);
    assert_fails(
        &w.run(&["items", "release", "1"]),
        5,
        "only an item in progress can be released",
    );
    w.ok(&["items", "claim", "1", "--as", "ann"]);
    let forced = w.json(&["--actor", "lead", "items", "release", "1", "--force"]);
    assert_eq!(forced["status"], "pending");
    // Undo of a release gives the claim back.
    w.ok(&["--actor", "lead", "undo"]);
    let back = w.json(&["items", "show", "1"]);
    assert_eq!(
        (back["status"].as_str(), back["claim"]["holder"].as_str()),
        (Some("in_progress"), Some("ann"))
    );
}

#[test]
fn an_idempotent_claim_repeats_its_answer_even_when_nothing_is_left() {
    let w = Workspace::new();
    w.ok(&["items", "create", "one"]);
    let first = w.json(&["items", "claim", "--as", "a", "--idempotency-key", "k1"]);
    let again = w.json(&["items", "claim", "--as", "a", "--idempotency-key", "k1"]);
    assert_eq!(first["id"], again["id"]);
    assert_eq!(w.lines("WORK-001").len(), 2, "claimed once");
    assert_fails(
        &w.run(&[
            "items",
            "claim",
            "--as",
            "a",
            "--idempotency-key",
            "k1",
            "--label",
            "x",
        ]),
        5,
        "idempotency key",
    );
}

#[test]
fn fields_project_every_format_to_the_named_fields() {
    let w = Workspace::new();
    w.ok(&["items", "create", "one", "--due", "2027-01-01"]);
    w.ok(&["items", "create", "two"]);
    let listed = w.json(&["items", "list", "--fields", "id,status,due"]);
    assert_eq!(
        listed,
        serde_json::json!([
            {"id": "WORK-001", "status": "pending", "due": "2027-01-01T00:00:00.000000Z"},
            {"id": "WORK-002", "status": "pending", "due": null},
        ])
    );
    let keys: Vec<String> = listed[0].as_object().expect("object").keys().cloned().collect();
    assert_eq!(keys, ["id", "status", "due"], "in the order asked for");
    let jsonl = w.ok(&["items", "ready", "--fields", "id", "--format", "jsonl"]);
    assert_eq!(jsonl, "{\"id\":\"WORK-001\"}\n{\"id\":\"WORK-002\"}\n");
    let shown = w.json(&["items", "show", "1", "--fields", "title,children"]);
    assert_eq!(shown, serde_json::json!({"title": "one", "children": []}));
    let table = w.ok(&["items", "list", "--fields", "id,title"]);
    assert!(
        table.contains("ID") && table.contains("TITLE") && !table.contains("STATUS"),
        "{table}"
    );
    let claimed = w.json(&["items", "claim", "--fields", "id,assignee", "--as", "bot"]);
    assert_eq!(claimed, serde_json::json!({"id": "WORK-001", "assignee": "bot"}));
    let out = w.run(&["items", "list", "--fields", "id,titel"]);
    assert_fails(
        &out,
        5,
        "unknown field 'titel'; the fields are: id, internal_id, title",
    );
    assert!(out.stdout.is_empty());
}

/// `claim_lease` gives every claim that names no lease one, whichever door it comes by; a
/// lease given wins, and a setting that is no duration is refused.
#[test]
fn a_project_default_lease_applies_to_claims_that_name_none() {
    let w = Workspace::new();
    w.ok(&["items", "create", "one"]);
    w.ok(&["items", "create", "two"]);
    common::assert_fails(
        &w.run(&["config", "set", "claim_lease", "0s"]),
        5,
        "a duration of at least 1s",
    );
    w.ok(&["config", "set", "claim_lease", "30m"]);
    let claimed = w.json(&["items", "claim", "--as", "agent-1"]);
    assert_eq!(claimed["claim"]["lease_seconds"], 1800, "{claimed}");
    let named = w.json(&["items", "claim", "2", "--as", "agent-2", "--lease", "1h"]);
    assert_eq!(named["claim"]["lease_seconds"], 3600);
    let out = w.ok(&["config", "get", "claim_lease"]);
    assert_eq!(out.trim(), "30m");
}

/// `items list --stale`: open work whose claim ran out, and work in progress nobody touched
/// for `stale_after` (3 days unless set); `items update --stale` marks it all at once.
#[test]
fn stale_work_is_listed_and_can_be_marked_at_once() {
    let w = Workspace::new();
    for title in ["lapsing", "idle", "busy", "fresh"] {
        w.ok(&["items", "create", title]);
    }
    w.ok(&["items", "claim", "1", "--as", "agent-1", "--lease", "1s"]);
    w.ok(&["items", "start", "2"]);
    w.ok(&["items", "start", "3"]);
    let at = |moment: &str, args: &[&str]| w.json_at(moment, args);
    // A day on, someone touches item 3.
    at("2026-01-02T00:00:00Z", &["items", "comment", "3", "still on it"]);
    let stale = |moment: &str| common::ids(&at(moment, &["items", "list", "--stale"]));
    assert_eq!(
        stale("2026-01-01T01:00:00Z"),
        ["WORK-001"],
        "only the lapsed claim, an hour in"
    );
    assert_eq!(
        stale("2026-01-04T12:00:00Z"),
        ["WORK-001", "WORK-002"],
        "item 2 untouched for 3 days"
    );
    w.ok(&["config", "set", "stale_after", "1h"]);
    assert_eq!(
        stale("2026-01-02T02:00:00Z"),
        ["WORK-001", "WORK-002", "WORK-003"]
    );
    common::assert_fails(&w.run(&["config", "set", "stale_after", "soon"]), 5, "a duration");
    // Marked together.
    let marked = at(
        "2026-01-02T02:00:00Z",
        &["items", "update", "--stale", "--add-label", "stale"],
    );
    assert_eq!(marked.as_array().map(Vec::len), Some(3), "{marked}");
    assert_eq!(
        common::ids(&w.json(&["items", "list", "--label", "stale"])).len(),
        3
    );
}
