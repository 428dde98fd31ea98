//! Sixteen writer processes appending at once, through the store with its lock and fsyncs:
//! appends per second to sixteen distinct streams and to one shared stream, and a check that
//! no event was lost. The bench re-runs its own executable as the writers.
//! Runs on every backend available (see `common::fresh_stores`).
//! Run: `scripts/pg-test cargo bench --bench contention [-- APPENDS_PER_PROCESS]` (default 200).

mod common;

use std::process::Command;
use std::time::Instant;

use std::path::Path;
use std::time::Duration;

use jerry::store::{Backend, EventStore, ExpectedVersion, OpenOptions, StoreUrl, StreamId};

const PROCESSES: usize = 16;

fn open(url: &str, dir: &Path) -> Backend {
    let url: StoreUrl = url.parse().expect("store URL");
    let options = OpenOptions {
        data_dir: dir.join("data"),
        scope: "PROJ-001".into(),
        lock_timeout: Duration::from_secs(60),
    };
    Backend::init(&url, &options).expect("init");
    Backend::open(&url, &options).expect("open")
}

fn writer(url: &str, dir: &str, stream: &str, count: u64) {
    let store = open(url, Path::new(dir));
    let stream = StreamId::new(stream).expect("stream id");
    for _ in 0..count {
        store
            .append(&stream, vec![common::event(0)], ExpectedVersion::Any)
            .expect("append");
    }
}

fn run(url: &str, dir: &Path, count: u64, shared: bool) -> f64 {
    let exe = std::env::current_exe().expect("own executable");
    let started = Instant::now();
    let children: Vec<_> = (0..PROCESSES)
        .map(|p| {
            let stream = if shared {
                "shared".to_owned()
            } else {
                format!("own-{p}")
            };
            Command::new(&exe)
                .args([
                    "--writer",
                    url,
                    dir.to_str().expect("utf-8 path"),
                    &stream,
                    &count.to_string(),
                ])
                .spawn()
                .expect("spawn writer")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("writer").success());
    }
    let seconds = started.elapsed().as_secs_f64();
    let store = open(url, dir);
    let before = if shared { count * PROCESSES as u64 } else { 0 };
    let total = count * PROCESSES as u64 + before;
    assert_eq!(store.head_position().expect("head"), total, "no event lost");
    assert_eq!(
        store.read_global(0, usize::MAX).expect("read").len() as u64,
        total
    );
    (total - before) as f64 / seconds
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--writer") {
        writer(
            &args[at + 1],
            &args[at + 2],
            &args[at + 3],
            args[at + 4].parse().expect("count"),
        );
        return;
    }
    let count: u64 = args.iter().skip(1).find_map(|a| a.parse().ok()).unwrap_or(200);
    let dir = tempfile::tempdir().expect("temp dir");
    for (kind, url) in common::fresh_stores(dir.path()) {
        let distinct = run(&url, dir.path(), count, false);
        let shared = run(&url, dir.path(), count, true);
        println!(
            "{kind}: {PROCESSES} processes x {count} appends, none lost: {distinct:.0} appends/s to distinct streams, {shared:.0} appends/s to one stream"
        );
    }
}
