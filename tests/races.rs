//! Many processes at once: the guarantees that the Python original's racy version check
//! broke. Every test here uses separate OS processes, not threads.

mod common;

use std::collections::BTreeSet;
use std::process::{Child, Stdio};

use common::Workspace;

const PROCESSES: usize = 8;

fn spawn(ws: &Workspace, args: &[String]) -> Child {
    ws.command()
        .env("JERRY_LOCK_TIMEOUT", "60")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn jerry")
}

/// Starts `processes` shell processes at once; process `p` runs `jerry ARGS` for each
/// `k` in `0..per_process`, one after another, stopping at the first failure. `args(p, k)`
/// gives the arguments as shell words (`"$0"` is jerry). Waits for all and returns their
/// outputs, after checking each succeeded.
fn run_writers(
    ws: &Workspace,
    processes: usize,
    per_process: usize,
    args: impl Fn(usize, usize) -> String,
) -> Vec<std::process::Output> {
    let writers: Vec<Child> = (0..processes)
        .map(|p| {
            // Each jerry of the script draws its ids from a seed of its own.
            let script = (0..per_process)
                .map(|k| format!("JERRY_TEST_SEED={} \"$0\" {}", ws.fresh_seed(), args(p, k)))
                .collect::<Vec<_>>()
                .join(" && ");
            ws.shell(&script)
                .env("JERRY_LOCK_TIMEOUT", "60")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn writer")
        })
        .collect();
    writers
        .into_iter()
        .map(|writer| {
            let out = writer.wait_with_output().expect("writer");
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            out
        })
        .collect()
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(std::string::ToString::to_string).collect()
}

fn versions(ws: &Workspace, id: &str) -> Vec<u64> {
    ws.lines(id)
        .iter()
        .map(|l| l["version"].as_u64().unwrap())
        .collect()
}

#[test]
fn exactly_one_process_wins_each_round_of_an_expected_version_race() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "contended"]);
    for round in 1..=5u64 {
        let racers: Vec<Child> = (0..PROCESSES)
            .map(|p| {
                let who = format!("agent-{round}-{p}");
                let expected = round.to_string();
                spawn(
                    &ws,
                    &args(&[
                        "items",
                        "assign",
                        "WORK-001",
                        &who,
                        "--expected-version",
                        &expected,
                    ]),
                )
            })
            .collect();
        let codes: Vec<i32> = racers
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.code().unwrap_or(-1))
            .collect();
        let winners = codes.iter().filter(|&&c| c == 0).count();
        assert_eq!(winners, 1, "round {round}: exit codes {codes:?}");
        assert!(
            codes.iter().all(|&c| c == 0 || c == 4),
            "losers exit 4: {codes:?}"
        );
    }
    assert_eq!(versions(&ws, "WORK-001"), (1..=6).collect::<Vec<_>>());
}

#[test]
fn concurrent_creates_get_unique_contiguous_ids() {
    let ws = Workspace::new();
    ws.ok(&["init"]);
    let per_process = 5;
    let mut printed = Vec::new();
    for out in run_writers(&ws, PROCESSES, per_process, |p, k| {
        format!("items create \"p{p} item {k}\"")
    }) {
        printed.extend(String::from_utf8(out.stdout).unwrap().lines().map(String::from));
    }
    let total = PROCESSES * per_process;
    let unique: BTreeSet<&String> = printed.iter().collect();
    assert_eq!(unique.len(), total, "no id handed out twice: {printed:?}");
    let expected: BTreeSet<String> = (1..=total).map(|n| format!("WORK-{n:03}")).collect();
    assert_eq!(
        unique,
        expected.iter().collect(),
        "ids are contiguous from WORK-001"
    );
    let titles: BTreeSet<String> = ws
        .json(&["items", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(titles.len(), total, "every created item is stored once");
}

#[test]
fn concurrent_writers_without_expected_version_all_land() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "shared"]);
    let per_process = 6;
    run_writers(&ws, PROCESSES, per_process, |p, k| {
        format!("items assign WORK-001 p{p}-k{k}")
    });
    let total = 1 + PROCESSES * per_process;
    assert_eq!(versions(&ws, "WORK-001"), (1..=total as u64).collect::<Vec<_>>());
    let assignees: BTreeSet<String> = ws.lines("WORK-001")[1..]
        .iter()
        .map(|l| l["payload"]["new_assignee"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        assignees.len(),
        PROCESSES * per_process,
        "no write lost or duplicated"
    );
}

fn all_events(ws: &Workspace) -> Vec<serde_json::Value> {
    ws.json(&["events", "list"]).as_array().unwrap().clone()
}

/// Checks the global order: positions 1..=n, and within each stream versions 1, 2, …
/// appearing in position order.
fn assert_global_order(events: &[serde_json::Value]) {
    let positions: Vec<u64> = events.iter().map(|e| e["position"].as_u64().unwrap()).collect();
    assert_eq!(positions, (1..=events.len() as u64).collect::<Vec<_>>());
    let mut next_version: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    for event in events {
        let stream = event["aggregate_id"].as_str().unwrap().to_owned();
        let expected = next_version.entry(stream.clone()).or_insert(1);
        assert_eq!(
            event["version"].as_u64().unwrap(),
            *expected,
            "{stream} out of order"
        );
        *expected += 1;
    }
}

#[test]
fn concurrent_writers_share_one_gap_free_global_order() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "shared"]);
    let per_process = 5;
    run_writers(&ws, PROCESSES, per_process, |p, k| {
        let seed = ws.fresh_seed();
        format!("items create \"p{p}-{k}\" && JERRY_TEST_SEED={seed} \"$0\" items assign WORK-001 p{p}-{k}")
    });
    let events = all_events(&ws);
    assert_eq!(events.len(), 1 + 2 * PROCESSES * per_process);
    assert_global_order(&events);
    let ids: BTreeSet<&str> = events.iter().map(|e| e["event_id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), events.len(), "event ids are unique");
    assert_eq!(ws.json(&["events", "replay", "--verify"])["verified"], true);
}

/// `events follow` sees every event exactly once while four processes write, and reports
/// how long each took from the writer's timestamp to the follower's output.
#[test]
fn follow_receives_every_event_exactly_once_under_concurrent_writers() {
    use std::io::{BufRead, BufReader};
    use std::time::{Duration, Instant};

    // Latency is measured from the writers' timestamps: they must read the real clock.
    let ws = Workspace::new().with_real_clock();
    ws.ok(&["items", "create", "before following"]);
    let mut follower = ws
        .command()
        .args(["events", "follow", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = follower.stdout.take().unwrap();
    let (lines_tx, lines_rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = lines_tx.send((line, time_now_micros()));
        }
    });
    std::thread::sleep(Duration::from_millis(300));

    let writers_count = 4;
    let per_writer = 10;
    run_writers(&ws, writers_count, per_writer, |w, k| {
        format!("items create \"w{w}-{k}\"")
    });
    let expected = writers_count * per_writer;
    let mut received = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    while received.len() < expected && Instant::now() < deadline {
        if let Ok(line) = lines_rx.recv_timeout(Duration::from_millis(200)) {
            received.push(line);
        }
    }
    // Nothing more arrives: no duplicates trickling in late.
    if let Ok(extra) = lines_rx.recv_timeout(Duration::from_millis(300)) {
        received.push(extra);
    }
    // SAFETY: kill(2) with our own child's pid and SIGINT; no memory is involved.
    unsafe { libc::kill(follower.id() as libc::pid_t, libc::SIGINT) };
    let status = follower.wait().unwrap();
    reader.join().unwrap();
    assert_eq!(status.code(), Some(0), "follow exits 0 on Ctrl-C");

    let events: Vec<serde_json::Value> = received
        .iter()
        .map(|(l, _)| serde_json::from_str(l).unwrap())
        .collect();
    let logged = all_events(&ws);
    assert_eq!(events.len(), expected, "exactly the new events, once each");
    assert_eq!(&events[..], &logged[1..], "in global order, identical to the log");

    let mut latencies: Vec<f64> = events
        .iter()
        .zip(&received)
        .map(|(event, (_, seen))| {
            let written = jerry::timestamp::Timestamp::parse(event["timestamp"].as_str().unwrap()).unwrap();
            (*seen - written.unix_micros()) as f64 / 1000.0
        })
        .collect();
    latencies.sort_by(f64::total_cmp);
    eprintln!(
        "follow latency over {} events (writer timestamp → line read): median {:.1} ms, p95 {:.1} ms",
        latencies.len(),
        latencies[latencies.len() / 2],
        latencies[latencies.len() * 95 / 100]
    );
}

fn time_now_micros() -> i64 {
    jerry::timestamp::Timestamp::now().unix_micros()
}

#[test]
fn one_idempotency_key_racing_in_many_processes_writes_once() {
    let ws = Workspace::new();
    ws.ok(&["items", "create", "target"]);
    let racers: Vec<Child> = (0..PROCESSES)
        .map(|_| {
            spawn(
                &ws,
                &args(&[
                    "items",
                    "priority",
                    "WORK-001",
                    "high",
                    "--idempotency-key",
                    "bump-1",
                    "--json",
                ]),
            )
        })
        .collect();
    let mut replayed = 0;
    for racer in racers {
        let out = racer.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(result["version"], 2, "everyone sees the one write");
        replayed += usize::from(result["replayed"] == true);
    }
    assert_eq!(replayed, PROCESSES - 1);
    assert_eq!(versions(&ws, "WORK-001"), vec![1, 2]);
}
