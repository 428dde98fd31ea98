//! Does an append get slower as its stream grows? Appends N events (default 2,000) one at a
//! time to a single JSONL stream, with the lock and fsync of a real append, and compares the
//! first 100 with the last 100. Run: `cargo bench --bench append_growth [-- N]`.

mod common;

use std::time::{Duration, Instant};

use jerry::store::jsonl::JsonlStore;
use jerry::store::{EventStore, ExpectedVersion, StreamId};

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let count: u64 = std::env::args()
        .skip(1)
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(2_000)
        .max(200);
    let dir = tempfile::tempdir().expect("temp dir");
    let store = JsonlStore::open(dir.path().join("data"));
    let stream = StreamId::new("work_item-WORK-001").expect("stream id");
    let mut samples = Vec::with_capacity(count as usize);
    let started = Instant::now();
    for n in 0..count {
        let began = Instant::now();
        store
            .append(&stream, vec![common::event(n)], ExpectedVersion::Exact(n))
            .expect("append");
        samples.push(began.elapsed());
    }
    let total = started.elapsed();
    let first: Duration = samples[..100].iter().sum();
    let last: Duration = samples[samples.len() - 100..].iter().sum();
    let first_median = median(&mut samples[..100].to_vec());
    let last_median = median(&mut samples[samples.len() - 100..].to_vec());
    println!(
        "{count} sequential appends to one stream (fsync each): {:.3} s total",
        total.as_secs_f64()
    );
    println!(
        "first 100: {:.1} ms total, median {:.3} ms",
        first.as_secs_f64() * 1e3,
        first_median.as_secs_f64() * 1e3
    );
    println!(
        "last 100:  {:.1} ms total, median {:.3} ms",
        last.as_secs_f64() * 1e3,
        last_median.as_secs_f64() * 1e3
    );
    println!(
        "overall median {:.3} ms",
        median(&mut samples).as_secs_f64() * 1e3
    );
}
