//! doctor on a sound files store, in one pass and flat memory: each stream's lines come
//! from the store's own check (`JsonlStore::sound`), read once, and are replayed here one
//! item at a time — every stream replays, its item matches the cached read model's (held
//! as one hash an item, read from the cache an item at a time), and a snapshot gives the
//! same item. The thorough path (`check`) builds the whole model from the global log next
//! to every stream's replay and the cached model: 500 MB at 1,000,000 events. What it adds
//! over this pass is the global log's own replay, and on a sound store the index lists
//! exactly the streams' events (the store's pass proves it), so both replays read the same
//! events. Any doubt here, and doctor takes the thorough path, which names the problem.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hasher;
use std::io::BufReader;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use crate::app::exchange::{conflicts_in, ItemConflict};
use crate::app::repository::{id_of_stream, replay_lines};
use crate::app::{AppError, ItemRepository, Snapshot};
use crate::domain::{WorkItem, WorkItemId};
use crate::store::jsonl::JsonlStore;
use crate::store::{Checkup, EventLine, EventStore, StreamId};

/// The event that creates an item.
const CREATED: &str = "WorkItemCreated";

/// What the pass found on a sound store: nothing wrong, and the conflicts its items hold.
pub(super) struct SoundReport {
    pub checkup: Checkup,
    pub conflicts: Vec<ItemConflict>,
}

/// The cached read model as doctor compares it: each item as the hash of its JSON.
#[derive(Deserialize)]
struct CacheDigest {
    format: u32,
    checkpoint: u64,
    #[serde(default)]
    checkpoint_event: Option<ulid::Ulid>,
    #[serde(deserialize_with = "item_hashes")]
    items: HashMap<WorkItemId, u64>,
    #[serde(default)]
    broken: BTreeMap<String, String>,
    #[serde(default)]
    archive_generation: u64,
}

/// The hash of an item's JSON as jerry writes it (ids in their stored form).
fn item_hash(item: &WorkItem) -> Option<u64> {
    struct Sink(std::hash::DefaultHasher);
    impl std::io::Write for Sink {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut sink = Sink(std::hash::DefaultHasher::new());
    crate::domain::ids::canonically(|| serde_json::to_writer(&mut sink, item)).ok()?;
    Some(sink.0.finish())
}

/// The cache's `items` map, read an item at a time into its hash.
fn item_hashes<'de, D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<WorkItemId, u64>, D::Error> {
    struct Hashes;
    impl<'de> Visitor<'de> for Hashes {
        type Value = HashMap<WorkItemId, u64>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("the cached items")
        }
        fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
            let mut hashes = HashMap::new();
            while let Some((id, item)) = map.next_entry::<WorkItemId, WorkItem>()? {
                let hash = item_hash(&item)
                    .ok_or_else(|| serde::de::Error::custom("an item that does not encode"))?;
                hashes.insert(id, hash);
            }
            Ok(hashes)
        }
    }
    deserializer.deserialize_map(Hashes)
}

/// The cache to compare, if it is one the reads would use: `Err(())` when it is one they
/// would not trust as it is (another archive, broken streams: the thorough path decides).
fn cache_digest(store: &dyn EventStore) -> Result<Option<CacheDigest>, ()> {
    let Some((path, format)) = crate::app::projection::cache_file(store) else {
        return Ok(None);
    };
    let Ok(file) = std::fs::File::open(&path) else {
        return Ok(None);
    };
    let Ok(digest) = serde_json::from_reader::<_, CacheDigest>(BufReader::with_capacity(1 << 16, file))
    else {
        // A cache that does not read is rebuilt by the next read: no finding either way.
        return Ok(None);
    };
    if digest.format != format {
        return Ok(None);
    }
    // A cache of another history (the log no longer has its checkpoint's event) is
    // rebuilt by the next read.
    if digest.checkpoint > 0 {
        let event = store.read_global(digest.checkpoint - 1, 1).map_err(|_| ())?;
        if event.first().map(|e| e.event_id) != digest.checkpoint_event {
            return Ok(None);
        }
    }
    let generation = store.archive_generation().map_err(|_| ())?;
    if digest.archive_generation != generation || !digest.broken.is_empty() {
        return Err(());
    }
    Ok(Some(digest))
}

/// Checks `files` in one pass; `None` when anything needs the thorough path.
pub(super) fn check(
    files: &JsonlStore,
    progress: &mut dyn FnMut(u64),
) -> Result<Option<SoundReport>, AppError> {
    let Ok(cache) = cache_digest(files) else {
        return Ok(None);
    };
    let repository = ItemRepository::new(files);
    let snapshots = Snapshots::listed(files);
    let conflicts = Mutex::new(Vec::new());
    let matched = AtomicUsize::new(0);
    let failed: Mutex<Option<AppError>> = Mutex::new(None);
    let visit = |stream: &StreamId, lines: &[EventLine<'_>]| match item_sound(
        files,
        &repository,
        cache.as_ref(),
        &snapshots,
        stream,
        lines,
    ) {
        Ok(Some((in_cache, item_conflicts))) => {
            matched.fetch_add(usize::from(in_cache), Ordering::Relaxed);
            if !item_conflicts.is_empty() {
                conflicts
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .extend(item_conflicts);
            }
            true
        }
        Ok(None) => false,
        Err(err) => {
            *failed.lock().unwrap_or_else(PoisonError::into_inner) = Some(err);
            false
        }
    };
    let store_sound = files.sound(&visit, progress)?;
    if let Some(err) = failed.into_inner().unwrap_or_else(PoisonError::into_inner) {
        return Err(err);
    }
    let Some(store_sound) = store_sound else {
        return Ok(None);
    };
    if cache.is_some_and(|cache| cache.items.len() != matched.into_inner()) {
        return Ok(None);
    }
    let mut conflicts = conflicts.into_inner().unwrap_or_else(PoisonError::into_inner);
    // In id order, as the read model lists them (two threads found them).
    conflicts.sort_by_key(|c| (c.id, c.conflict.version));
    Ok(Some(SoundReport {
        checkup: Checkup {
            streams: store_sound.streams,
            events: store_sound.events,
            findings: Vec::new(),
        },
        conflicts,
    }))
}

/// One stream: `Some` with whether the cache holds its item (and the item's conflicts)
/// when all is well, `None` at any doubt.
fn item_sound(
    store: &dyn EventStore,
    repository: &ItemRepository<'_>,
    cache: Option<&CacheDigest>,
    snapshots: &Snapshots<'_>,
    stream: &StreamId,
    lines: &[EventLine<'_>],
) -> Result<Option<(bool, Vec<ItemConflict>)>, AppError> {
    let Some(id) = id_of_stream(stream) else {
        // Not an item's stream: nothing here replays it.
        return Ok(Some((false, Vec::new())));
    };
    // One creation, first, naming this item: what the read model's fold asks (it marks a
    // stream broken otherwise, which the thorough path reports).
    let creations = lines.iter().filter(|line| line.event_type == CREATED).count();
    if creations != 1 || lines.first().is_none_or(|line| line.event_type != CREATED) {
        return Ok(None);
    }
    let Ok(Some(item)) = replay_lines(stream, lines, u64::MAX) else {
        return Ok(None);
    };
    if item.id != id {
        return Ok(None);
    }
    let mut in_cache = false;
    if let Some(cache) = cache {
        let at_checkpoint = if lines.iter().all(|line| line.position <= cache.checkpoint) {
            Some(item.clone())
        } else {
            replay_lines(stream, lines, cache.checkpoint).ok().flatten()
        };
        let cached = cache.items.get(&id);
        match (at_checkpoint, cached) {
            (None, None) => {}
            (Some(want), Some(&have)) if item_hash(&want) == Some(have) => in_cache = true,
            _ => return Ok(None),
        }
    }
    if snapshots.may_hold(stream)
        && Snapshot::load(store, stream).is_some()
        && repository.load(id)?.as_ref() != Some(&item)
    {
        return Ok(None);
    }
    Ok(Some((in_cache, conflicts_in([&item]))))
}

/// The files in the cache folder, read once: most items have no snapshot, and asking for
/// each one's file is 100,000 failed opens at 100,000 items.
struct Snapshots<'a> {
    store: &'a JsonlStore,
    names: Option<std::collections::HashSet<std::ffi::OsString>>,
}

impl<'a> Snapshots<'a> {
    fn listed(store: &'a JsonlStore) -> Self {
        let folder = store
            .cache_path("items")
            .ok()
            .and_then(|file| file.parent().map(Path::to_path_buf));
        let names = folder
            .and_then(|folder| std::fs::read_dir(folder).ok())
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.file_name())
                    .collect()
            });
        Self { store, names }
    }

    /// False only where the listing shows the stream's snapshot file is not there.
    fn may_hold(&self, stream: &StreamId) -> bool {
        let Some(names) = &self.names else {
            return true;
        };
        match self.store.cache_path(&Snapshot::cache_name(stream)) {
            Ok(path) => path.file_name().is_none_or(|name| names.contains(name)),
            Err(_) => true,
        }
    }
}
