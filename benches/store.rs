//! Criterion benchmarks of every store backend: one durable append into streams of several
//! lengths, reading a stream and the global log, and folding the log into the read model.
//! Files and SQLite always; PostgreSQL when `JERRY_TEST_POSTGRES` names a server, e.g.
//! `scripts/pg-test cargo bench --bench store`.

mod common;

use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

use jerry::app::{self, SystemClock, UlidSource};
use jerry::store::{Backend, EventStore, ExpectedVersion, NewEvent, OpenOptions, StoreUrl, StreamId};

/// A fresh, empty store of each backend available here, in `dir`.
fn backends(dir: &Path) -> Vec<(&'static str, Backend)> {
    let options = OpenOptions {
        data_dir: dir.join("data"),
        scope: format!("BENCH-{}", ulid::Ulid::new()),
        lock_timeout: Duration::from_secs(30),
    };
    let mut urls = vec![StoreUrl::Jsonl, StoreUrl::Sqlite(dir.join("jerry.db"))];
    match std::env::var("JERRY_TEST_POSTGRES") {
        Ok(url) => urls.push(StoreUrl::Postgres(url)),
        Err(_) => eprintln!("note: JERRY_TEST_POSTGRES is not set; PostgreSQL is not measured"),
    }
    urls.iter()
        .map(|url| {
            Backend::init(url, &options).expect("init");
            let store = Backend::open(url, &options).expect("open");
            (url.kind(), store)
        })
        .collect()
}

/// One durable append at the end of a stream that already holds `length` events.
fn append(c: &mut Criterion) {
    let mut group = c.benchmark_group("append");
    group.measurement_time(Duration::from_secs(5));
    for length in [1u64, 1_000, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        for (kind, store) in backends(dir.path()) {
            let stream = StreamId::new("work_item-WORK-001").expect("stream id");
            let batch: Vec<NewEvent> = (0..length).map(common::event).collect();
            store
                .append(&stream, batch, ExpectedVersion::NoStream)
                .expect("seed");
            group.bench_with_input(BenchmarkId::new(kind, length), &length, |b, _| {
                b.iter(|| {
                    store
                        .append(&stream, vec![common::event(0)], ExpectedVersion::Any)
                        .expect("append")
                });
            });
        }
    }
    group.finish();
}

fn read_and_replay(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("read");
    for (kind, store) in backends(dir.path()) {
        app::generate(&store, &SystemClock, &UlidSource, 1_000, 10, |_| {}).expect("generate");
        let stream = StreamId::new("work_item-WORK-500").expect("stream id");
        group.bench_function(BenchmarkId::new("one stream of 10 events", kind), |b| {
            b.iter(|| store.read_all(&stream).expect("read"));
        });
        group.bench_function(BenchmarkId::new("global log, 10,000 events", kind), |b| {
            b.iter(|| store.read_global(0, usize::MAX).expect("read"));
        });
        group.bench_function(
            BenchmarkId::new("replay 10,000 events into 1,000 items", kind),
            |b| b.iter(|| app::rebuild(&store, None, |_| {}).expect("replay")),
        );
    }
    group.finish();
}

criterion_group!(benches, append, read_and_replay);
criterion_main!(benches);
