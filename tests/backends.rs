//! The same commands on every backend: files, SQLite and a real PostgreSQL server (started
//! by `scripts/pg-test` or `.ci/run`). Output must be identical but for ids and clocks;
//! `store migrate` must carry a project between any two; two "machines" sharing one
//! database must see one history.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Child;
use std::time::{Duration, Instant};

use common::{assert_fails, postgres_database, Workspace};
use serde_json::Value;

/// A scripted session touching every kind of write and most reads; returns what each read
/// printed.
fn session(w: &Workspace) -> Vec<(String, String)> {
    let writes: &[&[&str]] = &[
        &["items", "create", "Alpha", "--priority", "high"],
        &["items", "create", "Beta", "--type", "bug"],
        &["items", "create", "Gamma", "--description", "the third"],
        &["items", "start", "WORK-001"],
        &["items", "assign", "WORK-002", "ann"],
        &["items", "start", "WORK-002"],
        &["items", "block", "WORK-002", "--reason", "waiting on Alpha"],
        &["items", "depend", "WORK-002", "WORK-001"],
        &["items", "label", "WORK-003", "--add", "ui", "--add", "later"],
        &["items", "comment", "WORK-003", "looks fine"],
        &["items", "edit", "WORK-003", "--title", "Gamma prime"],
        &["items", "complete", "WORK-001"],
        &["items", "cancel", "WORK-003"],
        &["items", "create", "Delta", "--idempotency-key", "delta-1"],
        &["items", "create", "Delta", "--idempotency-key", "delta-1"],
        &["items", "create", "Epic", "--type", "epic"],
        &["items", "parent", "WORK-002", "WORK-005"],
        &["items", "metrics", "WORK-002", "--coverage", "70", "--edge", "3"],
        &["items", "priority", "WORK-004", "critical"],
        &["undo"],
    ];
    for args in writes {
        w.ok(args);
    }
    let reads: &[&[&str]] = &[
        &["items", "list"],
        &["items", "list", "--json"],
        &["items", "show", "WORK-002", "--json"],
        &["items", "history", "WORK-003", "--json"],
        &["events", "list", "--json"],
        &["events", "list", "--after", "5", "--limit", "3", "--json"],
        &["events", "stats", "--json"],
        &["events", "export"],
        &["events", "replay", "--verify", "--json"],
        &["doctor", "--json"],
        &["items", "ready", "--json"],
        &["items", "blocked", "--json"],
        &["items", "tree"],
        &["items", "tree", "--json"],
    ];
    reads
        .iter()
        .map(|args| (args.join(" "), normalise(&w.ok(args))))
        .collect()
}

/// Replaces what differs between any two runs — ULIDs, timestamps, durations — so the
/// rest can be compared byte for byte.
fn normalise(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| match serde_json::from_str::<Value>(line) {
            Ok(value) if line.starts_with('{') => blank(value).to_string(),
            _ => line.to_owned(),
        })
        .collect();
    let joined = lines.join("\n");
    match serde_json::from_str::<Value>(text) {
        Ok(value) => serde_json::to_string_pretty(&blank(value)).unwrap_or(joined),
        Err(_) => joined,
    }
}

fn blank(value: Value) -> Value {
    match value {
        Value::String(text) if is_ulid(&text) => Value::String("<ulid>".into()),
        Value::String(text) if is_time(&text) => Value::String("<time>".into()),
        Value::String(text) if text.starts_with("undo of ") => Value::String("undo of <ulid>".into()),
        Value::Array(items) => Value::Array(items.into_iter().map(blank).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| match key.as_str() {
                    "duration_ms" | "duration_seconds" | "seconds" | "events_per_second" | "day" => {
                        (key, Value::Null)
                    }
                    _ => (key, blank(value)),
                })
                .collect(),
        ),
        other => other,
    }
}

fn is_ulid(text: &str) -> bool {
    text.len() == 26 && ulid::Ulid::from_string(text).is_ok()
}

fn is_time(text: &str) -> bool {
    text.len() >= 20 && text.as_bytes()[4] == b'-' && text.contains('T') && text.ends_with('Z')
}

/// `jsonl`, a fresh SQLite file and (when the server is there) a fresh PostgreSQL database.
fn stores(sqlite_dir: &std::path::Path) -> Vec<String> {
    let mut stores = vec![
        "jsonl".to_owned(),
        format!("sqlite:{}", sqlite_dir.join("jerry.db").display()),
    ];
    if let Some(url) = postgres_database() {
        stores.push(url);
    }
    stores
}

fn init(w: &Workspace) {
    w.ok(&["store", "init"]);
}

#[test]
fn every_backend_prints_the_same() {
    let scratch = tempfile::tempdir().unwrap();
    let mut reference: Option<Vec<(String, String)>> = None;
    for store in stores(scratch.path()) {
        let w = Workspace::with_store(&store);
        init(&w);
        let outputs = session(&w);
        let info = w.json(&["store", "info"]);
        assert_eq!(info["events"], 22, "{store}: {info}");
        match &reference {
            None => reference = Some(outputs),
            Some(expected) => {
                for ((command, want), (_, got)) in expected.iter().zip(&outputs) {
                    assert_eq!(
                        got, want,
                        "`jerry {command}` on {store} differs from the file store"
                    );
                }
            }
        }
    }
}

#[test]
fn a_project_moves_between_every_pair_of_backends() {
    let scratch = tempfile::tempdir().unwrap();
    let stores = stores(scratch.path());
    let w = Workspace::with_store(&stores[0]);
    session(&w);
    let want = w.ok(&["events", "export"]);
    // jsonl → sqlite → postgres → a second sqlite file → jsonl in a new workspace.
    let mut chain: Vec<String> = stores[1..].to_vec();
    chain.push(format!("sqlite:{}", scratch.path().join("second.db").display()));
    let mut from = w;
    for to in chain {
        let target = Workspace::with_store(&to);
        init(&target);
        let report = from.json(&["store", "migrate", "--to", &to]);
        assert_eq!(report["copied"], 22, "{report}");
        assert_eq!(report["events"], 22);
        assert_eq!(target.ok(&["events", "export"]), want, "export from {to}");
        assert_eq!(target.json(&["doctor"])["clean"], true);
        from = target;
    }
    let last = Workspace::new();
    let back = from.json(&[
        "store",
        "migrate",
        "--to",
        "jsonl",
        "--root",
        last.path().to_str().unwrap(),
    ]);
    assert_eq!(back["copied"], 22);
    assert_eq!(last.ok(&["events", "export"]), want);
    assert_eq!(last.json(&["events", "replay", "--verify"])["verified"], true);
}

#[test]
fn an_interrupted_migration_resumes_and_a_foreign_target_is_refused() {
    let scratch = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", scratch.path().join("target.db").display());
    let w = Workspace::new();
    session(&w);
    // An interrupted copy looks like a prefix of the log: import the first 6 events there.
    let target = Workspace::with_store(&db);
    let export = w.ok(&["events", "export"]);
    let first_six: String = export.lines().take(6).flat_map(|line| [line, "\n"]).collect();
    let prefix = scratch.path().join("prefix.jsonl");
    std::fs::write(&prefix, first_six).unwrap();
    target.ok(&["events", "import", prefix.to_str().unwrap()]);
    let report = w.json(&["store", "migrate", "--to", &db]);
    assert_eq!(
        (report["resumed_from"].as_u64(), report["copied"].as_u64()),
        (Some(6), Some(16))
    );
    assert_eq!(target.ok(&["events", "export"]), w.ok(&["events", "export"]));

    // A target holding another project's history: refused, and nothing is added to it.
    let other_db = format!("sqlite:{}", scratch.path().join("other.db").display());
    let other = Workspace::with_store(&other_db);
    other.ok(&["items", "create", "Somebody else's"]);
    let out = w.run(&["store", "migrate", "--to", &other_db]);
    assert_fails(&out, 4, "diverges");
    assert_eq!(other.json(&["store", "info"])["events"], 1);
    // The store in use is not a target.
    assert_fails(&w.run(&["store", "migrate", "--to", "jsonl"]), 5, "already uses");
}

#[test]
fn bad_store_urls_and_unready_databases_are_one_line_errors() {
    let w = Workspace::new();
    let before = w.snapshot();
    assert_fails(&w.run(&["--store", "mysql://x/y", "items", "list"]), 5, "--store");
    assert_fails(&w.run(&["--store", "sqlite:", "items", "list"]), 5, "--store");
    assert_fails(
        &w.run(&["--store", "sqlite:no/such/folder/j.db", "items", "create", "x"]),
        1,
        "no/such/folder",
    );
    assert_fails(
        &w.run(&[
            "--store",
            "postgres://nobody@127.0.0.1:1/none",
            "--lock-timeout",
            "1",
            "items",
            "list",
        ]),
        1,
        "cannot connect",
    );
    assert_eq!(w.snapshot(), before, "nothing was written");
    w.ok(&["config", "set", "store", "sqlite:jerry.db"]);
    assert_fails(&w.run(&["config", "set", "store", "nonsense"]), 5, "store");
    w.ok(&["items", "create", "Kept in SQLite"]);
    assert!(
        w.path().join("jerry.db").is_file(),
        "config's relative path is the workspace's"
    );
    assert_eq!(w.json(&["store", "info"])["backend"], "sqlite");
    if let Some(url) = postgres_database() {
        let out = w.run(&["--store", &url, "items", "list"]);
        assert_fails(&out, 1, "is at schema version 0, this jerry needs");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("hint: jerry store init"),
            "{out:?}"
        );
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}

/// Spawns the real binary with piped stdout.
fn spawn(w: &Workspace, args: &[&str]) -> Child {
    w.spawn(args)
}

/// Two workspaces stand for two machines, each with writer processes, sharing one
/// PostgreSQL database; a follower on each sees every event of both exactly once, in the
/// same order.
#[test]
fn two_machines_share_one_postgres_history() {
    let Some(url) = postgres_database() else { return };
    const WRITERS: usize = 3;
    const ITEMS: usize = 8;
    let machines = [Workspace::with_store(&url), Workspace::with_store(&url)];
    init(&machines[0]);
    init(&machines[1]);
    let total = (2 * WRITERS * ITEMS * 2) as u64; // create + start per item
    let followers: Vec<_> = machines
        .iter()
        .map(|m| {
            let mut child = spawn(m, &["events", "follow", "--from-start", "--format", "jsonl"]);
            let stdout = child.stdout.take().expect("piped");
            let reader = std::thread::spawn(move || {
                let mut seen = Vec::new();
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    let event: Value = serde_json::from_str(&line).expect("follow prints JSON lines");
                    seen.push((
                        event["position"].as_u64().unwrap(),
                        event["event_id"].as_str().unwrap().to_owned(),
                    ));
                    if seen.len() as u64 == total {
                        break;
                    }
                }
                seen
            });
            (child, reader)
        })
        .collect();
    let writers: Vec<_> = machines
        .iter()
        .enumerate()
        .flat_map(|(m, machine)| (0..WRITERS).map(move |w| (m, w, machine)))
        .map(|(m, w, machine)| {
            let path = machine.path().to_path_buf();
            let url = url.clone();
            std::thread::spawn(move || {
                let here = Workspace::at(path);
                for i in 0..ITEMS {
                    let created = here
                        .jerry()
                        .env("JERRY_STORE", &url)
                        .args(["items", "create", &format!("m{m} w{w} #{i}"), "--json"])
                        .output()
                        .expect("run");
                    assert!(
                        created.status.success(),
                        "{}",
                        String::from_utf8_lossy(&created.stderr)
                    );
                    let id = serde_json::from_slice::<Value>(&created.stdout).unwrap()["id"]
                        .as_str()
                        .unwrap()
                        .to_owned();
                    let started = here
                        .jerry()
                        .env("JERRY_STORE", &url)
                        .args(["items", "start", &id])
                        .output()
                        .expect("run");
                    assert!(
                        started.status.success(),
                        "{}",
                        String::from_utf8_lossy(&started.stderr)
                    );
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("writer");
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut orders = Vec::new();
    for (mut child, reader) in followers {
        while !reader.is_finished() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        let _ = child.wait();
        orders.push(reader.join().expect("reader"));
    }
    for seen in &orders {
        let positions: Vec<u64> = seen.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            positions,
            (1..=total).collect::<Vec<_>>(),
            "each event once, in order"
        );
        let ids: std::collections::HashSet<_> = seen.iter().map(|(_, id)| id).collect();
        assert_eq!(ids.len() as u64, total, "no event twice");
    }
    assert_eq!(orders[0], orders[1], "both machines saw one history");
    let items = machines[1].json(&["items", "list"]);
    let ids: std::collections::HashSet<_> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        ids.len(),
        2 * WRITERS * ITEMS,
        "every item got its own display id"
    );
}

/// SQLite and (when available) a fresh PostgreSQL database.
fn database_stores(dir: &std::path::Path) -> Vec<String> {
    stores(dir).into_iter().filter(|store| store != "jsonl").collect()
}

/// Writer processes race on each database backend: unconditional writes all land, in
/// contiguous versions and positions; of racers holding the same expected version exactly
/// one wins and the rest exit 4, writing nothing.
#[test]
fn writer_processes_race_on_every_database_backend() {
    const PROCESSES: usize = 6;
    const WRITES: usize = 6;
    let scratch = tempfile::tempdir().unwrap();
    for store in database_stores(scratch.path()) {
        let w = Workspace::with_store(&store);
        init(&w);
        w.ok(&["items", "create", "Contended"]);
        w.ok(&["items", "create", "Raced"]);
        let path = w.path().to_path_buf();
        let threads: Vec<_> = (0..PROCESSES)
            .map(|p| {
                let (path, store) = (path.clone(), store.clone());
                std::thread::spawn(move || {
                    let here = Workspace::at(path);
                    let jerry = |args: &[&str]| {
                        here.jerry()
                            .env("JERRY_STORE", &store)
                            .args(args)
                            .output()
                            .unwrap()
                    };
                    for i in 0..WRITES {
                        let out = jerry(&["items", "comment", "WORK-001", &format!("p{p} #{i}")]);
                        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                        let out = jerry(&["items", "create", &format!("p{p} #{i}")]);
                        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                    }
                    let raced = jerry(&["items", "priority", "WORK-002", "high", "--expected-version", "1"]);
                    raced.status.code()
                })
            })
            .collect();
        let codes: Vec<Option<i32>> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        assert_eq!(
            codes.iter().filter(|c| **c == Some(0)).count(),
            1,
            "{store}: {codes:?}"
        );
        assert_eq!(
            codes.iter().filter(|c| **c == Some(4)).count(),
            PROCESSES - 1,
            "{store}: {codes:?}"
        );
        let history = w.json(&["items", "history", "WORK-001"]);
        let versions: Vec<u64> = history
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["version"].as_u64().unwrap())
            .collect();
        assert_eq!(
            versions,
            (1..=(1 + PROCESSES * WRITES) as u64).collect::<Vec<_>>(),
            "{store}"
        );
        let total = 2 + 2 * PROCESSES * WRITES + 1;
        assert_eq!(w.positions(), (1..=total as u64).collect::<Vec<_>>(), "{store}");
        let items = w.json(&["items", "list"]);
        assert_eq!(items.as_array().unwrap().len(), 2 + PROCESSES * WRITES, "{store}");
        assert_eq!(w.json(&["doctor"])["clean"], true, "{store}");
    }
}

/// Writers SIGKILLed at random moments on each database backend: every write a process
/// acknowledged is there exactly once, and the log stays gap-free and clean.
#[test]
fn killed_writers_on_database_backends_lose_nothing_acknowledged() {
    let scratch = tempfile::tempdir().unwrap();
    for store in database_stores(scratch.path()) {
        let w = Workspace::with_store(&store);
        init(&w);
        let mut acknowledged = Vec::new();
        for round in 0..24u64 {
            let mut child = spawn(&w, &["items", "create", &format!("round {round}"), "--json"]);
            std::thread::sleep(Duration::from_micros((round * 700) % 16_000));
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            if out.status.success() {
                let value: Value = serde_json::from_slice(&out.stdout).unwrap();
                acknowledged.push(value["id"].as_str().unwrap().to_owned());
            }
        }
        let items = w.json(&["items", "list"]);
        let present: Vec<String> = items
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["id"].as_str().unwrap().to_owned())
            .collect();
        for id in &acknowledged {
            assert_eq!(present.iter().filter(|p| *p == id).count(), 1, "{store}: {id}");
        }
        let positions = w.positions();
        assert_eq!(
            positions,
            (1..=positions.len() as u64).collect::<Vec<_>>(),
            "{store}"
        );
        assert_eq!(w.json(&["doctor"])["clean"], true, "{store}");
        // The next writer is never blocked by a killed one.
        w.ok(&["items", "create", "after the kills"]);
        eprintln!(
            "{store}: {} of 24 writers acknowledged before the kill",
            acknowledged.len()
        );
    }
}

/// `store migrate` into a fresh, empty database creates its schema itself, and carries the
/// idempotency records: a key used before the move is still recognised after it.
#[test]
fn a_migration_into_a_fresh_database_needs_no_init_and_keeps_idempotency_keys() {
    let scratch = tempfile::tempdir().unwrap();
    let mut targets = vec![format!("sqlite:{}", scratch.path().join("fresh.db").display())];
    if let Some(url) = postgres_database() {
        targets.push(url);
    }
    for to in targets {
        let w = Workspace::new();
        let created = w.json(&["items", "create", "keyed", "--idempotency-key", "create-1"]);
        w.ok(&["items", "create", "plain"]);
        w.ok(&["items", "start", "1", "2", "--idempotency-key", "start-both"]);
        let report = w.json(&["store", "migrate", "--to", &to]);
        assert_eq!(report["idempotency_keys"], 2, "{to}: {report}");
        let moved = Workspace::with_store(&to);
        let again = moved.json(&["items", "create", "keyed", "--idempotency-key", "create-1"]);
        assert_eq!(again["id"], created["id"], "{to}");
        assert_eq!(
            again["replayed"], true,
            "{to}: the key is recognised after the move"
        );
        assert_fails(
            &moved.run(&["items", "create", "other", "--idempotency-key", "create-1"]),
            5,
            "already used",
        );
        let started = moved.json(&["items", "start", "1", "2", "--idempotency-key", "start-both"]);
        assert_eq!(started[1]["replayed"], true, "{to}");
        assert_eq!(
            moved.json(&["store", "info"])["events"],
            4,
            "{to}: nothing more written"
        );
    }
}
