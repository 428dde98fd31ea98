//! The store a command runs against, chosen by a [`StoreUrl`]: one type the application
//! can hold whatever the backend, and that still lets `doctor` reach the file store's
//! own checks.

use std::ops::Deref;
use std::path::PathBuf;
use std::time::Duration;

use super::jsonl::JsonlStore;
use super::postgres::PostgresStore;
use super::sqlite::SqliteStore;
use super::{EventStore, StoreError, StoreUrl};

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
    Jsonl(JsonlStore),
    Sqlite(SqliteStore),
    Postgres(Box<PostgresStore>),
}

impl Backend {
    /// Opens the store; a PostgreSQL database must have been through `jerry store init`.
    pub fn open(url: &StoreUrl, options: &OpenOptions) -> Result<Self, StoreError> {
        Ok(match url {
            StoreUrl::Jsonl => Backend::Jsonl(JsonlStore::with_lock_timeout(
                options.data_dir.clone(),
                options.lock_timeout,
            )),
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
            Backend::Jsonl(_) => "jsonl",
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Where the log lives, for messages: a folder, a file or a URL without its password.
    pub fn location(&self) -> PathBuf {
        match self {
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

impl Deref for Backend {
    type Target = dyn EventStore;

    fn deref(&self) -> &Self::Target {
        match self {
            Backend::Jsonl(store) => store,
            Backend::Sqlite(store) => store,
            Backend::Postgres(store) => store.as_ref(),
        }
    }
}
