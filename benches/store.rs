//! Criterion benchmarks of the JSONL store: one append (with its fsyncs) into streams of
//! several lengths, reading a stream, and folding the global log into the read model.
//! Run: `cargo bench --bench store`.

mod common;

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

use jerry::app::{self, SystemClock, UlidSource};
use jerry::store::jsonl::JsonlStore;
use jerry::store::{EventStore, ExpectedVersion, NewEvent, StreamId};

/// One fsynced append at the end of a stream that already holds `length` events.
fn append(c: &mut Criterion) {
    let mut group = c.benchmark_group("append");
    group.measurement_time(Duration::from_secs(5));
    for length in [1u64, 1_000, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = JsonlStore::open(dir.path().join("data"));
        let stream = StreamId::new("work_item-WORK-001").expect("stream id");
        let batch: Vec<NewEvent> = (0..length).map(common::event).collect();
        store
            .append(&stream, batch, ExpectedVersion::NoStream)
            .expect("seed");
        group.bench_with_input(BenchmarkId::from_parameter(length), &length, |b, _| {
            b.iter(|| {
                store
                    .append(&stream, vec![common::event(0)], ExpectedVersion::Any)
                    .expect("append")
            })
        });
    }
    group.finish();
}

fn read_and_replay(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = JsonlStore::open(dir.path().join("data"));
    app::generate(&store, &SystemClock, &UlidSource, 1_000, 10, |_| {}).expect("generate");
    let stream = StreamId::new("work_item-WORK-500").expect("stream id");
    let mut group = c.benchmark_group("read");
    group.bench_function("one stream of 10 events", |b| {
        b.iter(|| store.read_all(&stream).expect("read"))
    });
    group.bench_function("global log, 10,000 events", |b| {
        b.iter(|| store.read_global(0, usize::MAX).expect("read"))
    });
    group.bench_function("replay 10,000 events into 1,000 items", |b| {
        b.iter(|| app::rebuild(&store, None, |_| {}).expect("replay"))
    });
    group.finish();
}

criterion_group!(benches, append, read_and_replay);
criterion_main!(benches);
