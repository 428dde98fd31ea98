//! Snapshots of long streams: an item's state at some version, kept as a cache beside the
//! log. Loading starts from the snapshot and applies only the later events. A snapshot
//! names the event it was taken at; if the stream no longer has that event there, it is
//! ignored, so an old or missing snapshot is never wrong, only slower.

use serde::{Deserialize, Serialize};
use ulid::Ulid;

use crate::domain::WorkItem;
use crate::store::{EventStore, StreamId};

/// Take a snapshot once this many events were replayed past the last one.
pub const DEFAULT_SNAPSHOT_EVERY: u64 = 50;

/// The environment variable that sets the interval, above the project's setting.
pub(crate) const SNAPSHOT_EVERY_VAR: &str = "JERRY_SNAPSHOT_EVERY";

/// The interval a project's settings ask for (`u64::MAX`: none), below the environment.
static CONFIGURED_EVERY: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(u64::MAX);

/// Sets the interval from a project's settings; `JERRY_SNAPSHOT_EVERY` still wins.
pub fn configure_snapshot_every(every: u64) {
    CONFIGURED_EVERY.store(every, std::sync::atomic::Ordering::Relaxed);
}

/// The interval in force: `JERRY_SNAPSHOT_EVERY`, else the configured one, else 50.
/// 0 turns snapshots off.
pub fn snapshot_every() -> u64 {
    if let Some(every) = std::env::var(SNAPSHOT_EVERY_VAR)
        .ok()
        .and_then(|v| v.trim().parse().ok())
    {
        return every;
    }
    match CONFIGURED_EVERY.load(std::sync::atomic::Ordering::Relaxed) {
        u64::MAX => DEFAULT_SNAPSHOT_EVERY,
        every => every,
    }
}

const FORMAT: u32 = 7;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    format: u32,
    pub version: u64,
    pub event_id: Ulid,
    pub item: WorkItem,
}

fn cache_name(stream: &StreamId) -> String {
    format!("snapshot-{stream}")
}

impl Snapshot {
    /// The name its cache entry goes by.
    pub(crate) fn cache_name(stream: &StreamId) -> String {
        cache_name(stream)
    }

    pub fn new(item: WorkItem, event_id: Ulid) -> Self {
        Self {
            format: FORMAT,
            version: item.version,
            event_id,
            item,
        }
    }

    /// The stored snapshot of a stream, if any can be read.
    pub fn load(store: &dyn EventStore, stream: &StreamId) -> Option<Self> {
        let bytes = store.load_cache(&cache_name(stream)).ok().flatten()?;
        serde_json::from_slice::<Snapshot>(&bytes)
            .ok()
            .filter(|snapshot| snapshot.format == FORMAT)
    }

    /// Makes the stream's snapshot unusable, so loads replay the stream in full.
    pub fn discard(store: &dyn EventStore, stream: &StreamId) {
        let _ = store.save_cache(&cache_name(stream), b"");
    }

    /// Best effort: a snapshot that cannot be written only costs time later.
    pub fn save(&self, store: &dyn EventStore, stream: &StreamId) {
        if let Ok(bytes) = serde_json::to_vec(self) {
            let _ = store.save_cache(&cache_name(stream), &bytes);
        }
    }
}
