//! Tests that try hard to lose, duplicate or reorder events: writers killed with SIGKILL at
//! random moments, many processes contending for one item, and locks held by live and dead
//! processes. Bounded for CI; `JERRY_TORTURE_SCALE=10` runs ten times longer.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Workspace;
use serde_json::Value;

fn scale() -> usize {
    std::env::var("JERRY_TORTURE_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
        .max(1)
}

fn jerry(ws: &Workspace, args: &[String]) -> Command {
    let mut cmd = ws.command();
    cmd.env("JERRY_LOCK_TIMEOUT", "60")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// A small deterministic generator (xorshift), so a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn events(ws: &Workspace) -> Vec<Value> {
    ws.json(&["events", "list"]).as_array().unwrap().clone()
}

/// Positions 1..=n; in each stream, versions 1, 2, … in position order; ids unique.
fn assert_log_is_exact(events: &[Value]) {
    let positions: Vec<u64> = events.iter().map(|e| e["position"].as_u64().unwrap()).collect();
    assert_eq!(
        positions,
        (1..=events.len() as u64).collect::<Vec<_>>(),
        "positions are gap-free"
    );
    let mut next: BTreeMap<String, u64> = BTreeMap::new();
    for event in events {
        let stream = event["aggregate_id"].as_str().unwrap().to_owned();
        let want = next.entry(stream.clone()).or_insert(1);
        assert_eq!(
            event["version"].as_u64().unwrap(),
            *want,
            "{stream}: versions in order"
        );
        *want += 1;
    }
    let ids: BTreeSet<&str> = events.iter().map(|e| e["event_id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), events.len(), "event ids are unique");
}

#[test]
fn writers_killed_at_random_lose_nothing_they_acknowledged() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "shared"]);
    let target_kills = 50 * scale();
    let kills = Arc::new(AtomicUsize::new(0));
    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let slots: Vec<_> = (0..4u64)
        .map(|slot| {
            let (kills, acknowledged) = (Arc::clone(&kills), Arc::clone(&acknowledged));
            let root = ws.path().to_path_buf();
            std::thread::spawn(move || {
                let ws = Workspace::at(root);
                let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (slot + 1));
                let mut n = 0u64;
                while kills.load(Ordering::SeqCst) < target_kills {
                    n += 1;
                    let tag = format!("s{slot}-{n}");
                    let args: Vec<String> = if n % 2 == 0 {
                        vec!["items".into(), "create".into(), tag.clone()]
                    } else {
                        vec!["items".into(), "assign".into(), "WORK-001".into(), tag.clone()]
                    };
                    let mut child = jerry(&ws, &args).spawn().unwrap();
                    std::thread::sleep(Duration::from_micros(rng.below(6_000)));
                    let killed = match child.try_wait().unwrap() {
                        Some(_) => false,
                        None => child.kill().is_ok(),
                    };
                    let out = child.wait_with_output().unwrap();
                    if out.status.success() {
                        acknowledged.lock().unwrap().push(tag);
                    } else if killed && out.status.code().is_none() {
                        kills.fetch_add(1, Ordering::SeqCst);
                    } else {
                        panic!("{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
                    }
                }
            })
        })
        .collect();
    for slot in slots {
        slot.join().unwrap();
    }
    assert!(kills.load(Ordering::SeqCst) >= target_kills);

    // At most one repair makes the project clean.
    if !ws.run(&["doctor"]).status.success() {
        ws.run(&["doctor", "--repair"]);
    }
    let report = ws.json(&["doctor"]);
    assert_eq!(report["clean"], true, "{report}");

    let log = events(&ws);
    assert_log_is_exact(&log);
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for event in &log {
        let tag = match event["event_type"].as_str().unwrap() {
            "WorkItemCreated" => event["payload"]["title"].as_str(),
            "AssigneeChanged" => event["payload"]["new_assignee"].as_str(),
            _ => None,
        };
        if let Some(tag) = tag {
            *seen.entry(tag.to_owned()).or_default() += 1;
        }
    }
    assert!(seen.values().all(|&count| count == 1), "nothing is written twice");
    for tag in acknowledged.lock().unwrap().iter() {
        assert_eq!(
            seen.get(tag),
            Some(&1),
            "acknowledged write {tag} is present exactly once"
        );
    }
    assert_eq!(ws.json(&["events", "replay", "--verify"])["verified"], true);
    // And the project still takes writes.
    ws.ok(&["items", "create", "after the storm"]);
}

#[test]
fn sixteen_processes_contend_without_losing_or_reordering() {
    const PROCESSES: usize = 16;
    let writes = 100 * scale();
    let ws = Workspace::new();
    ws.ok(&["items", "create", "shared"]);
    for p in 0..PROCESSES {
        ws.ok(&["items", "create", &format!("private {p}")]);
    }
    let conflicts = Arc::new(AtomicUsize::new(0));
    let slots: Vec<_> = (0..PROCESSES)
        .map(|p| {
            let conflicts = Arc::clone(&conflicts);
            let root = ws.path().to_path_buf();
            std::thread::spawn(move || {
                let ws = Workspace::at(root);
                let private = format!("WORK-{:03}", p + 2);
                let mut shared_writes = Vec::new();
                for k in 0..writes {
                    let tag = format!("p{p}-{k}");
                    if k % 2 == 1 {
                        ws.ok(&["items", "assign", &private, &tag]);
                        continue;
                    }
                    // Optimistic concurrency by hand: read the version, write against it,
                    // and on a conflict (exit 4) read again and retry.
                    loop {
                        let version = ws.json(&["items", "show", "1"])["version"]
                            .as_u64()
                            .unwrap()
                            .to_string();
                        let out = ws.run(&["items", "assign", "1", &tag, "--expected-version", &version]);
                        match out.status.code() {
                            Some(0) => break,
                            Some(4) => {
                                conflicts.fetch_add(1, Ordering::SeqCst);
                            }
                            other => panic!("exit {other:?}: {}", String::from_utf8_lossy(&out.stderr)),
                        }
                    }
                    shared_writes.push(tag);
                }
                shared_writes
            })
        })
        .collect();
    let mut expected_shared = BTreeSet::new();
    for slot in slots {
        expected_shared.extend(slot.join().unwrap());
    }
    let log = events(&ws);
    assert_log_is_exact(&log);
    let assigned = |item: &str| -> Vec<String> {
        log.iter()
            .filter(|e| e["aggregate_id"] == item && e["event_type"] == "AssigneeChanged")
            .map(|e| e["payload"]["new_assignee"].as_str().unwrap().to_owned())
            .collect()
    };
    let shared = assigned("WORK-001");
    assert_eq!(
        shared.len(),
        expected_shared.len(),
        "no shared write lost or doubled"
    );
    assert_eq!(shared.iter().cloned().collect::<BTreeSet<_>>(), expected_shared);
    for p in 0..PROCESSES {
        let private = assigned(&format!("WORK-{:03}", p + 2));
        let want: Vec<String> = (0..writes)
            .filter(|k| k % 2 == 1)
            .map(|k| format!("p{p}-{k}"))
            .collect();
        assert_eq!(private, want, "process {p}'s writes are all there, in its order");
    }
    eprintln!(
        "{} writes from {PROCESSES} processes, {} expected-version conflicts retried",
        PROCESSES * writes,
        conflicts.load(Ordering::SeqCst)
    );
}

fn lock_file(ws: &Workspace) -> String {
    ws.path()
        .join("projects/PROJ-001/.jerry/data/write.lock")
        .to_str()
        .unwrap()
        .to_owned()
}

/// Holds the write lock from another process (`flock(1)`; `-o` keeps the lock in flock
/// itself rather than in its child), returning once it is held.
fn hold_lock(lock: &str) -> std::process::Child {
    let holder = Command::new("flock")
        .args(["-o", lock, "sleep", "20"])
        .spawn()
        .expect("flock(1)");
    let deadline = Instant::now() + Duration::from_secs(10);
    while Command::new("flock")
        .args(["-n", lock, "true"])
        .status()
        .unwrap()
        .success()
    {
        assert!(Instant::now() < deadline, "the holder never got the lock");
        std::thread::sleep(Duration::from_millis(10));
    }
    holder
}

#[test]
fn a_live_lock_holder_makes_writers_wait_then_fail_clearly() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    let mut holder = hold_lock(&lock_file(&ws));
    let before = ws.snapshot();
    let started = Instant::now();
    let out = ws.run(&["items", "start", "1", "--lock-timeout", "0.5"]);
    let waited = started.elapsed();
    holder.kill().unwrap();
    holder.wait().unwrap();
    common::assert_fails(&out, 1, "timed out");
    assert!(String::from_utf8_lossy(&out.stderr).contains("write lock"));
    assert!(waited >= Duration::from_millis(500), "it waited: {waited:?}");
    assert!(waited < Duration::from_secs(5), "and did not hang: {waited:?}");
    assert_eq!(ws.snapshot(), before, "nothing was written");
    // Reads never need the lock.
    let mut holder = hold_lock(&lock_file(&ws));
    let started = Instant::now();
    ws.ok(&["items", "list"]);
    ws.ok(&["events", "list"]);
    assert!(started.elapsed() < Duration::from_secs(2));
    holder.kill().unwrap();
    holder.wait().unwrap();
}

#[test]
fn a_writer_killed_while_holding_the_lock_never_blocks_the_next() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "a"]);
    let mut holder = hold_lock(&lock_file(&ws));
    holder.kill().unwrap(); // SIGKILL: no chance to unlock.
    holder.wait().unwrap();
    let started = Instant::now();
    ws.ok(&["items", "start", "1", "--lock-timeout", "2"]);
    assert!(started.elapsed() < Duration::from_secs(2));
    // The same for a jerry writer killed mid-append, many times over.
    for n in 0..20 {
        let mut child = jerry(&ws, &["items".into(), "create".into(), format!("k{n}")])
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(500 * n));
        let _ = child.kill();
        let _ = child.wait();
        let started = Instant::now();
        ws.ok(&[
            "items",
            "assign",
            "1",
            &format!("after-{n}"),
            "--lock-timeout",
            "2",
        ]);
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}
