//! How soon does `jerry events follow` print an event another process appended? Starts a
//! follower, runs writer processes that create items, and measures for each event the time
//! from its timestamp (taken by the writer just before its append, so this includes the
//! writer's own write and fsync) to the moment its line is read from the follower's stdout.
//! Runs on every backend available (see `common::fresh_stores`); PostgreSQL's follower wakes
//! on LISTEN/NOTIFY, the files' on inotify, SQLite's by polling every 10 ms.
//! Run: `scripts/pg-test cargo bench --bench follow_latency [-- EVENTS]` (default 400, from 4
//! writers).

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jerry::timestamp::Timestamp;

const WRITERS: u64 = 4;

fn main() {
    let total: u64 = std::env::args()
        .skip(1)
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(400)
        .max(WRITERS);
    let scratch = tempfile::tempdir().expect("temp dir");
    for (kind, url) in common::fresh_stores(scratch.path()) {
        measure(kind, &url, total);
    }
}

fn measure(kind: &str, url: &str, total: u64) {
    let per_writer = total / WRITERS;
    let jerry = env!("CARGO_BIN_EXE_jerry");
    let dir = tempfile::tempdir().expect("temp dir");
    let run = |args: &[&str]| {
        let status = Command::new(jerry)
            .args(args)
            .env("JERRY_STORE", url)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .status()
            .expect("run jerry");
        assert!(status.success());
    };
    run(&["init"]);
    run(&["store", "init"]);
    let mut follower = Command::new(jerry)
        .args(["events", "follow", "--json"])
        .env("JERRY_STORE", url)
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start follower");
    let stdout = follower.stdout.take().expect("follower stdout");
    let (sender, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = sender.send((line, Timestamp::now()));
        }
    });
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let dir = dir.path().to_path_buf();
            let url = url.to_owned();
            std::thread::spawn(move || {
                for k in 0..per_writer {
                    let status = Command::new(jerry)
                        .args(["items", "create", &format!("w{w}-{k}")])
                        .env("JERRY_STORE", &url)
                        .current_dir(&dir)
                        .stdout(Stdio::null())
                        .status()
                        .expect("writer");
                    assert!(status.success());
                    // Spread the writes out, as real writers would, rather than queueing.
                    std::thread::sleep(Duration::from_millis(5));
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("writer thread");
    }
    let expected = (per_writer * WRITERS) as usize;
    let mut latencies = Vec::with_capacity(expected);
    while latencies.len() < expected {
        let Ok((line, seen)) = lines.recv_timeout(Duration::from_secs(10)) else {
            break;
        };
        let event: serde_json::Value = serde_json::from_str(&line).expect("JSON line");
        let written =
            Timestamp::parse(event["timestamp"].as_str().expect("timestamp")).expect("valid timestamp");
        latencies.push((seen.unix_micros() - written.unix_micros()) as f64 / 1000.0);
    }
    let _ = follower.kill();
    let _ = follower.wait();
    assert_eq!(latencies.len(), expected, "follow missed events");
    latencies.sort_by(f64::total_cmp);
    let at = |q: f64| latencies[((latencies.len() - 1) as f64 * q) as usize];
    println!(
        "{kind}: follow latency over {} events from {WRITERS} writer processes ({:.1} s): median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        latencies.len(),
        started.elapsed().as_secs_f64(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}
