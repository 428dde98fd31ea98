//! An in-memory store for unit tests: the reference semantics, with no durability.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use super::{
    check_appends, check_rename, Appended, CreatedStream, EventStore, ExpectedVersion, NewEvent, OnceKey,
    OnceRecord, RecordedEvent, StoreError, StreamAppend, StreamBuilder, StreamId, Written, WrittenAll,
};

#[derive(Default)]
pub struct MemoryStore {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    streams: BTreeMap<StreamId, Vec<RecordedEvent>>,
    /// The global order: position `p` is `global[p - 1]`, as (stream, index in stream).
    global: Vec<(StreamId, usize)>,
    next_number: BTreeMap<String, u64>,
    once: BTreeMap<String, OnceRecord>,
    caches: BTreeMap<String, Vec<u8>>,
    state: BTreeMap<String, Vec<u8>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic in another test thread cannot leave a half-applied batch behind
        // (batches are pushed with one `extend`), so a poisoned lock is still consistent.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Inner {
    fn version(&self, stream: &StreamId) -> u64 {
        self.streams.get(stream).map_or(0, |events| events.len() as u64)
    }

    /// Appends every batch or none, recording what `once` did; the caller has checked the
    /// key is unused.
    fn append_all(
        &mut self,
        appends: Vec<StreamAppend>,
        once: Option<&OnceKey>,
        number: Option<u64>,
    ) -> Result<Vec<Appended>, StoreError> {
        check_appends(&appends)?;
        for append in &appends {
            append
                .expected
                .check(&append.stream, self.version(&append.stream))?;
        }
        let mut spans = Vec::with_capacity(appends.len());
        for append in appends {
            let count = append.events.len() as u64;
            let appended = self.append_unchecked(&append.stream, append.events, append.expected)?;
            spans.push((append.stream, count, appended));
        }
        if let Some(record) = once.and_then(|once| OnceRecord::new(once, &spans, number)) {
            self.once.insert(record.key.clone(), record);
        }
        Ok(spans.into_iter().map(|(_, _, appended)| appended).collect())
    }

    fn append_once(
        &mut self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
        once: Option<&OnceKey>,
        number: Option<u64>,
    ) -> Result<Appended, StoreError> {
        let appends = vec![StreamAppend {
            stream: stream.clone(),
            events,
            expected,
        }];
        let appended = self.append_all(appends, once, number)?;
        appended
            .first()
            .copied()
            .ok_or_else(|| StoreError::EmptyBatch(stream.clone()))
    }

    fn append_unchecked(
        &mut self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
    ) -> Result<Appended, StoreError> {
        if events.is_empty() {
            return Err(StoreError::EmptyBatch(stream.clone()));
        }
        let current = self.version(stream);
        expected.check(stream, current)?;
        let first_position = self.global.len() as u64 + 1;
        let recorded: Vec<RecordedEvent> = events
            .into_iter()
            .zip(current + 1..)
            .zip(first_position..)
            .map(|((event, version), position)| event.recorded(version, position))
            .collect();
        for event in &recorded {
            self.global.push((stream.clone(), event.version as usize - 1));
        }
        let log = self.streams.entry(stream.clone()).or_default();
        log.extend(recorded);
        Ok(Appended {
            version: log.len() as u64,
            position: self.global.len() as u64,
        })
    }
}

impl EventStore for MemoryStore {
    fn append_once(
        &self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
        once: Option<&OnceKey>,
    ) -> Result<Written, StoreError> {
        let mut inner = self.lock();
        if let Some(once) = once {
            if let Some(record) = inner.once.get(&once.key) {
                return record.answer(once);
            }
        }
        let appended = inner.append_once(stream, events, expected, once, None)?;
        Ok(Written {
            appended,
            replayed: false,
        })
    }

    fn append_all_at(
        &self,
        appends: Vec<StreamAppend>,
        once: Option<&OnceKey>,
        head: Option<u64>,
    ) -> Result<WrittenAll, StoreError> {
        let mut inner = self.lock();
        if let Some(once) = once {
            if let Some(record) = inner.once.get(&once.key) {
                return record.answer_all(once);
            }
        }
        let actual = inner.global.len() as u64;
        if let Some(expected) = head.filter(|expected| *expected != actual) {
            return Err(StoreError::HeadMoved { expected, actual });
        }
        let appended = inner.append_all(appends, once, None)?;
        Ok(WrittenAll {
            appended,
            replayed: false,
        })
    }

    fn rename_stream(
        &self,
        from: &StreamId,
        to: &StreamId,
        events: Vec<RecordedEvent>,
    ) -> Result<(), StoreError> {
        let mut inner = self.lock();
        let current = inner.streams.get(from).map(Vec::as_slice).unwrap_or_default();
        check_rename(from, to, current, &events, inner.streams.contains_key(to))?;
        inner.streams.remove(from);
        for event in &events {
            if let Some(place) = usize::try_from(event.position)
                .ok()
                .and_then(|p| p.checked_sub(1))
                .and_then(|p| inner.global.get_mut(p))
            {
                place.0 = to.clone();
            }
        }
        inner.streams.insert(to.clone(), events);
        Ok(())
    }

    fn once_records(&self) -> Result<Vec<OnceRecord>, StoreError> {
        Ok(self.lock().once.values().cloned().collect())
    }

    fn restore_once(&self, record: &OnceRecord) -> Result<(), StoreError> {
        self.lock()
            .once
            .entry(record.key.clone())
            .or_insert_with(|| record.clone());
        Ok(())
    }

    fn lookup_once(&self, key: &str) -> Result<Option<OnceRecord>, StoreError> {
        Ok(self.lock().once.get(key).cloned())
    }

    fn load_cache(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.lock().caches.get(name).cloned())
    }

    fn save_cache(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.lock().caches.insert(name.to_owned(), bytes.to_vec());
        Ok(())
    }

    fn load_state(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.lock().state.get(name).cloned())
    }

    fn save_state(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.lock().state.insert(name.to_owned(), bytes.to_vec());
        Ok(())
    }

    fn read(&self, stream: &StreamId, from: u64, to: u64) -> Result<Vec<RecordedEvent>, StoreError> {
        let inner = self.lock();
        let events = inner.streams.get(stream).map(Vec::as_slice).unwrap_or_default();
        Ok(events
            .iter()
            .filter(|event| event.version >= from && event.version <= to)
            .cloned()
            .collect())
    }

    fn current_version(&self, stream: &StreamId) -> Result<u64, StoreError> {
        Ok(self.lock().version(stream))
    }

    fn list_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        Ok(self.lock().streams.keys().cloned().collect())
    }

    fn read_global(&self, after: u64, limit: usize) -> Result<Vec<RecordedEvent>, StoreError> {
        let inner = self.lock();
        let start = usize::try_from(after)
            .unwrap_or(usize::MAX)
            .min(inner.global.len());
        Ok(inner.global[start..]
            .iter()
            .take(limit)
            .map(|(stream, index)| inner.streams[stream][*index].clone())
            .collect())
    }

    fn head_position(&self) -> Result<u64, StoreError> {
        Ok(self.lock().global.len() as u64)
    }

    fn create_numbered_stream(
        &self,
        family: &str,
        once: Option<&OnceKey>,
        build: &mut StreamBuilder<'_>,
    ) -> Result<CreatedStream, StoreError> {
        let mut inner = self.lock();
        if let Some(once) = once {
            if let Some(record) = inner.once.get(&once.key) {
                let written = record.answer(once)?;
                return Ok(CreatedStream {
                    stream: record.stream.clone(),
                    number: record.number.unwrap_or_default(),
                    version: written.appended.version,
                    replayed: true,
                });
            }
        }
        let mut number = inner.next_number.get(family).copied().unwrap_or(1);
        loop {
            let (stream, events) = build(number)?;
            if inner.version(&stream) == 0 {
                let appended =
                    inner.append_once(&stream, events, ExpectedVersion::NoStream, once, Some(number))?;
                inner.next_number.insert(family.to_owned(), number + 1);
                return Ok(CreatedStream {
                    stream,
                    number,
                    version: appended.version,
                    replayed: false,
                });
            }
            number += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MemoryStore;

    crate::store::contract::contract_tests!(|_dir: &std::path::Path| MemoryStore::new(), one_handle);
}
