//! The SQLite backend: one database file, which may hold several projects.
//!
//! WAL journal with `synchronous = FULL`, so an acknowledged append survives a power cut;
//! every write is one `BEGIN IMMEDIATE` transaction, which takes SQLite's single writer
//! lock before reading anything, so the version check and the insert can never be split
//! by another process. Readers never wait for writers (WAL). Constraints back the rules
//! up: a unique (stream, version) and a unique event id per project.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{params, Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior};

use super::sql::{self, signed, unsigned, WriteTx};
use super::{
    CreatedStream, EventStore, ExpectedVersion, NewEvent, OnceKey, OnceRecord, RecordedEvent, StoreError,
    StreamAppend, StreamBuilder, StreamId, Written, WrittenAll,
};

/// The schema, one entry per `PRAGMA user_version`; applied in order on open.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE events (
    scope      TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    stream     TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    event_id   TEXT    NOT NULL,
    event_type TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    PRIMARY KEY (scope, position),
    UNIQUE (scope, stream, version),
    UNIQUE (scope, event_id)
);
CREATE TABLE once_keys (
    scope  TEXT NOT NULL,
    key    TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE TABLE numbers (
    scope  TEXT    NOT NULL,
    family TEXT    NOT NULL,
    next   INTEGER NOT NULL,
    PRIMARY KEY (scope, family)
);
CREATE TABLE caches (
    scope TEXT NOT NULL,
    name  TEXT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (scope, name)
);
"#,
    r#"
CREATE TABLE state (
    scope TEXT NOT NULL,
    name  TEXT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (scope, name)
);
"#,
];

pub struct SqliteStore {
    path: PathBuf,
    scope: String,
    timeout: Duration,
    conn: Mutex<Connection>,
    /// Wakes `events follow` when the database's folder changes (each commit writes the
    /// WAL file), instead of polling.
    watch: super::watch::Watch,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` for the project `scope`, waiting
    /// up to `timeout` for another process's write.
    pub fn open(path: impl Into<PathBuf>, scope: &str, timeout: Duration) -> Result<Self, StoreError> {
        let path = path.into();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.is_dir() {
                return Err(StoreError::io(
                    "cannot open the SQLite database in",
                    parent,
                    std::io::Error::from(std::io::ErrorKind::NotFound),
                ));
            }
        }
        let error = |context| {
            let path = path.clone();
            move |err| database(&path, timeout, context, err)
        };
        let mut conn = Connection::open(&path).map_err(error("cannot open"))?;
        conn.busy_timeout(timeout).map_err(error("cannot configure"))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(error("cannot switch to WAL"))?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(error("cannot configure"))?;
        migrate(&mut conn).map_err(error("cannot create the schema"))?;
        let folder = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(parent) => parent.to_path_buf(),
            None => PathBuf::from("."),
        };
        Ok(Self {
            path,
            scope: scope.to_owned(),
            timeout,
            conn: Mutex::new(conn),
            watch: super::watch::Watch::shallow(folder),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the connection leaves SQLite's own state consistent (an
        // open transaction is rolled back when dropped).
        self.conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn fail(&self, context: &'static str) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |err| database(&self.path, self.timeout, context, err)
    }

    fn write<T>(&self, work: impl FnOnce(&mut Tx<'_>) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(self.fail("cannot begin a write"))?;
        let mut tx = Tx { store: self, tx };
        let result = work(&mut tx)?;
        tx.tx.commit().map_err(self.fail("cannot commit"))?;
        Ok(result)
    }
}

fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (index, statements) in MIGRATIONS.iter().enumerate().skip(unsigned(current) as usize) {
        tx.execute_batch(statements)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.commit()
}

fn database(path: &Path, timeout: Duration, context: &'static str, err: rusqlite::Error) -> StoreError {
    let busy = matches!(
        err.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    );
    if busy {
        return StoreError::LockTimeout {
            path: path.to_path_buf(),
            waited: timeout,
        };
    }
    StoreError::Database {
        store: format!("sqlite:{}", path.display()),
        context,
        source: Box::new(err),
    }
}

struct Tx<'a> {
    store: &'a SqliteStore,
    tx: Transaction<'a>,
}

impl WriteTx for Tx<'_> {
    fn lock_head(&mut self) -> Result<u64, StoreError> {
        // BEGIN IMMEDIATE already holds the database's write lock.
        self.tx
            .query_row(
                "SELECT COALESCE(MAX(position), 0) FROM events WHERE scope = ?1",
                [&self.store.scope],
                |row| row.get(0),
            )
            .map(unsigned)
            .map_err(self.store.fail("cannot read the head"))
    }

    fn version(&mut self, stream: &StreamId) -> Result<u64, StoreError> {
        version(&self.tx, &self.store.scope, stream).map_err(self.store.fail("cannot read a version"))
    }

    fn once(&mut self, key: &str) -> Result<Option<OnceRecord>, StoreError> {
        once(&self.tx, &self.store.scope, key, &self.store.path)
    }

    fn put_once(&mut self, record: &OnceRecord) -> Result<(), StoreError> {
        let text = serde_json::to_string(record).map_err(|source| StoreError::Encode {
            stream: record.stream.clone(),
            source,
        })?;
        self.tx
            .execute(
                "INSERT INTO once_keys (scope, key, record) VALUES (?1, ?2, ?3)",
                params![self.store.scope, record.key, text],
            )
            .map_err(self.store.fail("cannot record an idempotency key"))?;
        Ok(())
    }

    fn stream_events(&mut self, stream: &StreamId) -> Result<Vec<RecordedEvent>, StoreError> {
        let mut statement = self
            .tx
            .prepare_cached(
                "SELECT position, body FROM events WHERE scope = ?1 AND stream = ?2 ORDER BY version",
            )
            .map_err(self.store.fail("cannot prepare a read"))?;
        let rows = statement
            .query_map(params![self.store.scope, stream.as_str()], |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(self.store.fail("cannot read events"))?;
        let store = format!("sqlite:{}", self.store.path.display());
        let mut events = Vec::new();
        for row in rows {
            let (position, body) = row.map_err(self.store.fail("cannot read events"))?;
            events.push(sql::decode(&store, position, &body)?);
        }
        Ok(events)
    }

    fn reseat(&mut self, stream: &StreamId, events: &[RecordedEvent]) -> Result<(), StoreError> {
        let mut statement = self
            .tx
            .prepare_cached("UPDATE events SET stream = ?3, body = ?4 WHERE scope = ?1 AND position = ?2")
            .map_err(self.store.fail("cannot prepare an update"))?;
        for event in events {
            let body = sql::encode(stream, event)?;
            statement
                .execute(params![
                    self.store.scope,
                    signed(event.position),
                    stream.as_str(),
                    body
                ])
                .map_err(self.store.fail("cannot move an event"))?;
        }
        Ok(())
    }

    fn insert(&mut self, stream: &StreamId, events: &[RecordedEvent]) -> Result<(), StoreError> {
        let mut statement = self
            .tx
            .prepare_cached(
                "INSERT INTO events (scope, position, stream, version, event_id, event_type, body)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .map_err(self.store.fail("cannot prepare an insert"))?;
        for event in events {
            let body = sql::encode(stream, event)?;
            statement
                .execute(params![
                    self.store.scope,
                    signed(event.position),
                    stream.as_str(),
                    signed(event.version),
                    event.event_id.to_string(),
                    event.event_type,
                    body
                ])
                .map_err(self.store.fail("cannot insert an event"))?;
        }
        Ok(())
    }

    fn next_number(&mut self, family: &str) -> Result<Option<u64>, StoreError> {
        self.tx
            .query_row(
                "SELECT next FROM numbers WHERE scope = ?1 AND family = ?2",
                params![self.store.scope, family],
                |row| row.get::<_, i64>(0),
            )
            .optional()
            .map(|next| next.map(unsigned))
            .map_err(self.store.fail("cannot read a number"))
    }

    fn set_next_number(&mut self, family: &str, next: u64) -> Result<(), StoreError> {
        self.tx
            .execute(
                "INSERT INTO numbers (scope, family, next) VALUES (?1, ?2, ?3)
                 ON CONFLICT (scope, family) DO UPDATE SET next = excluded.next",
                params![self.store.scope, family, signed(next)],
            )
            .map_err(self.store.fail("cannot record a number"))?;
        Ok(())
    }
}

fn version(conn: &Connection, scope: &str, stream: &StreamId) -> rusqlite::Result<u64> {
    conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM events WHERE scope = ?1 AND stream = ?2",
        params![scope, stream.as_str()],
        |row| row.get(0),
    )
    .map(unsigned)
}

fn once(conn: &Connection, scope: &str, key: &str, path: &Path) -> Result<Option<OnceRecord>, StoreError> {
    let text: Option<String> = conn
        .query_row(
            "SELECT record FROM once_keys WHERE scope = ?1 AND key = ?2",
            params![scope, key],
            |row| row.get(0),
        )
        .optional()
        .map_err(|err| database(path, Duration::ZERO, "cannot read an idempotency key", err))?;
    text.map(|text| {
        serde_json::from_str(&text).map_err(|err| StoreError::Corrupt {
            path: path.to_path_buf(),
            line: None,
            reason: format!("idempotency record '{key}' cannot be read: {err}"),
        })
    })
    .transpose()
}

impl SqliteStore {
    fn query_events(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let conn = self.conn();
        let mut statement = conn
            .prepare_cached(sql)
            .map_err(self.fail("cannot prepare a read"))?;
        let rows = statement
            .query_map(params, |row| {
                Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(self.fail("cannot read events"))?;
        let store = format!("sqlite:{}", self.path.display());
        let mut events = Vec::new();
        for row in rows {
            let (position, body) = row.map_err(self.fail("cannot read events"))?;
            events.push(sql::decode(&store, position, &body)?);
        }
        Ok(events)
    }
}

impl EventStore for SqliteStore {
    fn append_once(
        &self,
        stream: &StreamId,
        events: Vec<NewEvent>,
        expected: ExpectedVersion,
        once: Option<&OnceKey>,
    ) -> Result<Written, StoreError> {
        self.write(|tx| sql::append(tx, stream, events, expected, once))
    }

    fn append_all_at(
        &self,
        appends: Vec<StreamAppend>,
        once: Option<&OnceKey>,
        head: Option<u64>,
    ) -> Result<WrittenAll, StoreError> {
        self.write(|tx| sql::append_all(tx, appends, once, head))
    }

    fn lookup_once(&self, key: &str) -> Result<Option<OnceRecord>, StoreError> {
        once(&self.conn(), &self.scope, key, &self.path)
    }

    fn once_records(&self) -> Result<Vec<OnceRecord>, StoreError> {
        let conn = self.conn();
        let mut statement = conn
            .prepare("SELECT key, record FROM once_keys WHERE scope = ?1 ORDER BY key")
            .map_err(self.fail("cannot read idempotency keys"))?;
        let rows = statement
            .query_map(params![self.scope], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .map_err(self.fail("cannot read idempotency keys"))?;
        let mut records = Vec::new();
        for row in rows {
            let (key, text) = row.map_err(self.fail("cannot read idempotency keys"))?;
            records.push(serde_json::from_str(&text).map_err(|err| StoreError::Corrupt {
                path: self.path.clone(),
                line: None,
                reason: format!("idempotency record '{key}' cannot be read: {err}"),
            })?);
        }
        Ok(records)
    }

    fn restore_once(&self, record: &OnceRecord) -> Result<(), StoreError> {
        let text = serde_json::to_string(record).map_err(|source| StoreError::Encode {
            stream: record.stream.clone(),
            source,
        })?;
        self.conn()
            .execute(
                "INSERT INTO once_keys (scope, key, record) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![self.scope, record.key, text],
            )
            .map_err(self.fail("cannot record an idempotency key"))?;
        Ok(())
    }

    fn read(&self, stream: &StreamId, from: u64, to: u64) -> Result<Vec<RecordedEvent>, StoreError> {
        self.query_events(
            "SELECT position, body FROM events
             WHERE scope = ?1 AND stream = ?2 AND version >= ?3 AND version <= ?4 ORDER BY version",
            params![self.scope, stream.as_str(), signed(from), signed(to)],
        )
    }

    fn current_version(&self, stream: &StreamId) -> Result<u64, StoreError> {
        version(&self.conn(), &self.scope, stream).map_err(self.fail("cannot read a version"))
    }

    fn list_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        let conn = self.conn();
        let mut statement = conn
            .prepare_cached("SELECT DISTINCT stream FROM events WHERE scope = ?1 ORDER BY stream")
            .map_err(self.fail("cannot list streams"))?;
        let names = statement
            .query_map([&self.scope], |row| row.get::<_, String>(0))
            .map_err(self.fail("cannot list streams"))?;
        let mut streams = Vec::new();
        for name in names {
            streams.push(StreamId::new(name.map_err(self.fail("cannot list streams"))?)?);
        }
        Ok(streams)
    }

    fn create_numbered_stream(
        &self,
        family: &str,
        once: Option<&OnceKey>,
        build: &mut StreamBuilder<'_>,
    ) -> Result<CreatedStream, StoreError> {
        self.write(|tx| sql::create_numbered(tx, family, once, build))
    }

    fn rename_stream(
        &self,
        from: &StreamId,
        to: &StreamId,
        events: Vec<RecordedEvent>,
    ) -> Result<(), StoreError> {
        self.write(|tx| sql::rename(tx, from, to, &events))
    }

    fn read_global(&self, after: u64, limit: usize) -> Result<Vec<RecordedEvent>, StoreError> {
        self.query_events(
            "SELECT position, body FROM events WHERE scope = ?1 AND position > ?2
             ORDER BY position LIMIT ?3",
            params![
                self.scope,
                signed(after),
                i64::try_from(limit).unwrap_or(i64::MAX)
            ],
        )
    }

    fn head_position(&self) -> Result<u64, StoreError> {
        self.conn()
            .query_row(
                "SELECT COALESCE(MAX(position), 0) FROM events WHERE scope = ?1",
                [&self.scope],
                |row| row.get(0),
            )
            .map(unsigned)
            .map_err(self.fail("cannot read the head"))
    }

    fn wait_for_events(&self, after: u64, timeout: Duration) -> Result<(), StoreError> {
        self.watch.wait(timeout, || Ok(self.head_position()? > after))
    }

    fn load_cache(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.conn()
            .query_row(
                "SELECT bytes FROM caches WHERE scope = ?1 AND name = ?2",
                params![self.scope, name],
                |row| row.get(0),
            )
            .optional()
            .map_err(self.fail("cannot read a cache"))
    }

    fn save_cache(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.conn()
            .execute(
                "INSERT INTO caches (scope, name, bytes) VALUES (?1, ?2, ?3)
                 ON CONFLICT (scope, name) DO UPDATE SET bytes = excluded.bytes",
                params![self.scope, name, bytes],
            )
            .map_err(self.fail("cannot save a cache"))?;
        Ok(())
    }

    fn load_state(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.conn()
            .query_row(
                "SELECT bytes FROM state WHERE scope = ?1 AND name = ?2",
                params![self.scope, name],
                |row| row.get(0),
            )
            .optional()
            .map_err(self.fail("cannot read a state record"))
    }

    /// One statement in autocommit mode: durable at `synchronous = FULL`.
    fn save_state(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        self.conn()
            .execute(
                "INSERT INTO state (scope, name, bytes) VALUES (?1, ?2, ?3)
                 ON CONFLICT (scope, name) DO UPDATE SET bytes = excluded.bytes",
                params![self.scope, name, bytes],
            )
            .map_err(self.fail("cannot save a state record"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::SqliteStore;

    crate::store::contract::contract_tests!(|dir: &std::path::Path| SqliteStore::open(
        dir.join("jerry.db"),
        "PROJ-001",
        std::time::Duration::from_secs(30)
    )
    .unwrap());
}
