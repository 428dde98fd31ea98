//! The store a command runs against, chosen by a [`StoreUrl`]: one type the application
//! holds whatever the backend (itself an [`EventStore`]), and that still lets `doctor` reach the file store's
//! own checks.

use std::path::PathBuf;
use std::time::Duration;

use super::jsonl::JsonlStore;
use super::memory::MemoryStore;
use super::postgres::PostgresStore;
use super::sqlite::SqliteStore;
use super::{
    Appended, CacheWriter, CreatedStream, EventStore, ExpectedVersion, LinePage, NewEvent, OnceKey,
    OnceRecord, RecordedEvent, StoreError, StoreUrl, StreamAppend, StreamBuilder, StreamId, Written,
    WrittenAll,
};

/// Where and how to open a project's store.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// The project's `.jerry/data` folder: the file store's home.
    pub data_dir: PathBuf,
    /// The project id: a database backend keeps each project's log apart under it.
    pub scope: String,
    /// How long a writer waits for another's lock before failing.
    pub lock_timeout: Duration,
}

pub enum Backend {
    /// In memory, for tests and library callers: never chosen by a URL.
    Memory(MemoryStore),
    Jsonl(JsonlStore),
    Sqlite(SqliteStore),
    Postgres(Box<PostgresStore>),
}

impl Backend {
    /// Opens the store; a PostgreSQL database must have been through `jerry store init`.
    pub fn open(url: &StoreUrl, options: &OpenOptions) -> Result<Self, StoreError> {
        Ok(match url {
            StoreUrl::Jsonl => {
                let store = JsonlStore::with_lock_timeout(options.data_dir.clone(), options.lock_timeout);
                // After a `git merge` of committed stream files: positions again, one stat
                // otherwise.
                store.settle_merge()?;
                Backend::Jsonl(store)
            }
            StoreUrl::Sqlite(path) => {
                Backend::Sqlite(SqliteStore::open(path, &options.scope, options.lock_timeout)?)
            }
            StoreUrl::Postgres(url) => Backend::Postgres(Box::new(PostgresStore::open(
                url,
                &options.scope,
                options.lock_timeout,
            )?)),
        })
    }

    /// Creates or upgrades a store's schema; returns the schema version and the versions it
    /// applied. Files and SQLite need nothing beyond what opening them does.
    pub fn init(url: &StoreUrl, options: &OpenOptions) -> Result<(u32, Vec<u32>), StoreError> {
        match url {
            StoreUrl::Postgres(url) => {
                let done = PostgresStore::init(url, options.lock_timeout)?;
                Ok((done.version, done.applied))
            }
            StoreUrl::Sqlite(path) => {
                SqliteStore::open(path, &options.scope, options.lock_timeout)?;
                Ok((1, Vec::new()))
            }
            StoreUrl::Jsonl => Ok((1, Vec::new())),
        }
    }

    /// `jsonl`, `sqlite` or `postgres`.
    pub fn kind(&self) -> &'static str {
        match self {
            Backend::Memory(_) => "memory",
            Backend::Jsonl(_) => "jsonl",
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Where the log lives, for messages: a folder, a file or a URL without its password.
    pub fn location(&self) -> PathBuf {
        match self {
            Backend::Memory(_) => PathBuf::from("memory"),
            Backend::Jsonl(store) => store.data_dir().to_path_buf(),
            Backend::Sqlite(store) => store.path().to_path_buf(),
            Backend::Postgres(store) => store.shown().into(),
        }
    }

    pub fn as_jsonl(&self) -> Option<&JsonlStore> {
        match self {
            Backend::Jsonl(store) => Some(store),
            _ => None,
        }
    }
}

impl Backend {
    fn inner(&self) -> &dyn EventStore {
        match self {
            Backend::Memory(store) => store,
            Backend::Jsonl(store) => store,
            Backend::Sqlite(store) => store,
            Backend::Postgres(store) => store.as_ref(),
        }
    }
}

/// Every method delegates, the defaulted ones too: a backend's own `wait_for_events`
/// (notify, LISTEN) must not be replaced by the trait's polling.
impl EventStore for Backend {
    fn append(
        &self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
    ) -> Result<Appended, StoreError> {
        self.inner().append(stream, events, expected)
    }

    fn append_once(
        &self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
        once: Option<&OnceKey>,
    ) -> Result<Written, StoreError> {
        self.inner().append_once(stream, events, expected, once)
    }

    fn append_all_at(
        &self,
        appends: Vec<StreamAppend>,
        once: Option<&OnceKey>,
        head: Option<u64>,
    ) -> Result<WrittenAll, StoreError> {
        self.inner().append_all_at(appends, once, head)
    }

    fn lookup_once(&self, key: &str) -> Result<Option<OnceRecord>, StoreError> {
        self.inner().lookup_once(key)
    }

    fn once_records(&self) -> Result<Vec<OnceRecord>, StoreError> {
        self.inner().once_records()
    }

    fn restore_once(&self, record: &OnceRecord) -> Result<(), StoreError> {
        self.inner().restore_once(record)
    }

    fn read(&self, stream: &StreamId, from: u64, to: u64) -> Result<Vec<RecordedEvent>, StoreError> {
        self.inner().read(stream, from, to)
    }

    fn current_version(&self, stream: &StreamId) -> Result<u64, StoreError> {
        self.inner().current_version(stream)
    }

    fn list_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        self.inner().list_streams()
    }

    fn create_numbered_stream(
        &self,
        family: &str,
        once: Option<&OnceKey>,
        build: &mut StreamBuilder<'_>,
    ) -> Result<CreatedStream, StoreError> {
        self.inner().create_numbered_stream(family, once, build)
    }

    fn read_global(&self, after: u64, limit: usize) -> Result<Vec<RecordedEvent>, StoreError> {
        self.inner().read_global(after, limit)
    }

    fn read_global_lines(&self, after: u64, limit: usize, page: &mut LinePage) -> Result<(), StoreError> {
        self.inner().read_global_lines(after, limit, page)
    }

    fn head_position(&self) -> Result<u64, StoreError> {
        self.inner().head_position()
    }

    fn distrust_index(&self) -> Result<bool, StoreError> {
        self.inner().distrust_index()
    }

    fn maybe_changed_outside(&self, stream: &StreamId) -> Result<bool, StoreError> {
        self.inner().maybe_changed_outside(stream)
    }

    fn damaged_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        self.inner().damaged_streams()
    }

    fn restore_lost(&self, events: Vec<RecordedEvent>) -> Result<u64, StoreError> {
        self.inner().restore_lost(events)
    }

    fn wait_for_events(&self, after: u64, timeout: Duration) -> Result<(), StoreError> {
        self.inner().wait_for_events(after, timeout)
    }

    fn cache_file(&self, name: &str) -> Option<std::path::PathBuf> {
        self.inner().cache_file(name)
    }

    fn archive_generation(&self) -> Result<u64, StoreError> {
        self.inner().archive_generation()
    }

    fn archived_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        self.inner().archived_streams()
    }

    fn archived_group(&self, stream: &StreamId) -> Result<Vec<StreamId>, StoreError> {
        self.inner().archived_group(stream)
    }

    fn load_cache(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.inner().load_cache(name)
    }

    fn save_cache(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.inner().save_cache(name, bytes)
    }

    fn save_cache_with(&self, name: &str, write: CacheWriter<'_>) -> Result<(), StoreError> {
        self.inner().save_cache_with(name, write)
    }

    fn load_state(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.inner().load_state(name)
    }

    fn save_state(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.inner().save_state(name, bytes)
    }

    fn rename_stream(
        &self,
        from: &StreamId,
        to: &StreamId,
        events: Vec<RecordedEvent>,
    ) -> Result<(), StoreError> {
        self.inner().rename_stream(from, to, events)
    }

    fn stream_exists(&self, stream: &StreamId) -> Result<bool, StoreError> {
        self.inner().stream_exists(stream)
    }

    fn read_all(&self, stream: &StreamId) -> Result<Vec<RecordedEvent>, StoreError> {
        self.inner().read_all(stream)
    }
}
