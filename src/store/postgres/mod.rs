//! The PostgreSQL backend: one database shared by every machine of a team, holding any
//! number of projects (each a `scope`).
//!
//! **Positions readers can trust.** A reader following the log asks for "everything after
//! position P". With a plain sequence, a transaction can take position 7, a second take 8
//! and commit first; a reader then sees 8, moves on, and never sees 7 — the bug Marten and
//! others shipped. Here every append of a project first locks that project's row in
//! `jerry_heads` (`SELECT … FOR UPDATE`), takes its positions from it, and holds the lock
//! until it commits. So positions are handed out in commit order: once a reader sees
//! position P, every position below P is already committed and visible. It serialises a
//! project's writers, as the file store's lock does, but only within one project; reads
//! never wait. The same lock makes the version check and the idempotency check race-free.
//!
//! `events follow` sleeps on `LISTEN jerry_events`; a trigger on `jerry_heads` sends a
//! `NOTIFY` naming the project whenever its head moves (delivered at commit), so even a
//! writer that is not jerry wakes followers, as long as it moves the head.

mod schema;

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use postgres::error::SqlState;
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, Config, NoTls, Statement, Transaction};

use super::sql::{self, signed, unsigned, WriteTx};
use super::url::redact;
use super::{
    CreatedStream, EventStore, ExpectedVersion, NewEvent, OnceKey, OnceRecord, RecordedEvent, StoreError,
    StreamAppend, StreamBuilder, StreamId, Written, WrittenAll,
};

pub use schema::wanted as schema_version;

const CHANNEL: &str = "jerry_events";

pub struct PostgresStore {
    config: Config,
    /// The URL without its password, for messages.
    shown: String,
    scope: String,
    timeout: Duration,
    client: Mutex<Connection>,
    /// A second connection, opened by the first wait, that LISTENs for appends.
    listener: Mutex<Option<Client>>,
}

/// A connection and the write path's statements, prepared on it by the first write (a
/// read-only command never pays for them): each then costs one round trip instead of two.
struct Connection {
    client: Client,
    statements: Option<Statements>,
}

struct Statements {
    lock_head: Statement,
    version: Statement,
    once: Statement,
    insert: Statement,
    move_head: Statement,
    next_number: Statement,
    set_next_number: Statement,
}

impl Statements {
    fn prepare(client: &mut Client) -> Result<Self, postgres::Error> {
        Ok(Self {
            lock_head: client.prepare("SELECT position FROM jerry_heads WHERE scope = $1 FOR UPDATE")?,
            version: client.prepare(
                "SELECT COALESCE(MAX(version), 0) FROM jerry_events WHERE scope = $1 AND stream = $2",
            )?,
            once: client.prepare("SELECT record FROM jerry_once WHERE scope = $1 AND key = $2")?,
            insert: client.prepare(
                "INSERT INTO jerry_events (scope, position, stream, version, event_id, event_type, body)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )?,
            // The trigger of schema version 2 notifies followers of this update at commit.
            move_head: client.prepare("UPDATE jerry_heads SET position = $2 WHERE scope = $1")?,
            next_number: client.prepare("SELECT next FROM jerry_numbers WHERE scope = $1 AND family = $2")?,
            set_next_number: client.prepare(
                "INSERT INTO jerry_numbers (scope, family, next) VALUES ($1, $2, $3)
                 ON CONFLICT (scope, family) DO UPDATE SET next = excluded.next",
            )?,
        })
    }
}

/// What `jerry store init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initialised {
    pub applied: Vec<u32>,
    pub version: u32,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic mid-statement leaves the connection usable: an open transaction is rolled
    // back when its guard drops.
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl PostgresStore {
    /// Connects for the project `scope`; appends wait up to `timeout` for another
    /// writer's lock. Fails when the schema is missing or newer than this jerry's.
    pub fn open(url: &str, scope: &str, timeout: Duration) -> Result<Self, StoreError> {
        let shown = redact(url);
        let config = parse(url, &shown)?;
        let mut client = connect(&config, &shown, timeout)?;
        let found = schema::applied(&mut client)
            .map_err(|err| database(&shown, timeout, "cannot read the schema", err))?;
        let wanted = schema::wanted();
        if found != wanted {
            return Err(StoreError::Schema {
                store: shown,
                found,
                wanted,
            });
        }
        Ok(Self {
            config,
            shown,
            scope: scope.to_owned(),
            timeout,
            client: Mutex::new(Connection {
                client,
                statements: None,
            }),
            listener: Mutex::new(None),
        })
    }

    /// Creates or upgrades the schema (`jerry store init`); safe to run at any time, from
    /// any number of processes.
    pub fn init(url: &str, timeout: Duration) -> Result<Initialised, StoreError> {
        let shown = redact(url);
        let config = parse(url, &shown)?;
        let mut client = connect(&config, &shown, timeout)?;
        let found = schema::applied(&mut client)
            .map_err(|err| database(&shown, timeout, "cannot read the schema", err))?;
        if found > schema::wanted() {
            return Err(StoreError::Schema {
                store: shown,
                found,
                wanted: schema::wanted(),
            });
        }
        let applied =
            schema::migrate(&mut client).map_err(|err| database(&shown, timeout, "cannot migrate", err))?;
        Ok(Initialised {
            applied,
            version: schema::wanted(),
        })
    }

    pub fn shown(&self) -> &str {
        &self.shown
    }

    fn fail(&self, context: &'static str) -> impl Fn(postgres::Error) -> StoreError + '_ {
        move |err| database(&self.shown, self.timeout, context, err)
    }

    fn write<T>(&self, work: impl FnOnce(&mut Tx<'_, '_>) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let mut connection = lock(&self.client);
        let Connection { client, statements } = &mut *connection;
        let statements = match statements {
            Some(prepared) => prepared,
            None => statements
                .insert(Statements::prepare(client).map_err(self.fail("cannot prepare statements"))?),
        };
        let tx = client.transaction().map_err(self.fail("cannot begin a write"))?;
        let mut tx = Tx {
            store: self,
            tx,
            statements,
        };
        let result = work(&mut tx)?;
        tx.tx.commit().map_err(self.fail("cannot commit"))?;
        Ok(result)
    }

    fn query_events(
        &self,
        query: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<RecordedEvent>, StoreError> {
        let rows = lock(&self.client)
            .client
            .query(query, params)
            .map_err(self.fail("cannot read events"))?;
        rows.iter()
            .map(|row| sql::decode(&self.shown, row.get(0), row.get(1)))
            .collect()
    }
}

fn parse(url: &str, shown: &str) -> Result<Config, StoreError> {
    url.parse::<Config>().map_err(|err| StoreError::Database {
        store: shown.to_owned(),
        context: "invalid connection URL",
        source: Box::new(err),
    })
}

fn connect(config: &Config, shown: &str, timeout: Duration) -> Result<Client, StoreError> {
    let mut config = config.clone();
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    if config.get_application_name().is_none() {
        config.application_name("jerry");
    }
    let mut client = config
        .connect(NoTls)
        .map_err(|err| database(shown, timeout, "cannot connect", err))?;
    // A writer waits at most `timeout` for another's lock, like the file store's writers.
    let millis = timeout.as_millis().clamp(1, i32::MAX as u128);
    client
        .batch_execute(&format!("SET lock_timeout = {millis}"))
        .map_err(|err| database(shown, timeout, "cannot configure the session", err))?;
    Ok(client)
}

fn database(shown: &str, timeout: Duration, context: &'static str, err: postgres::Error) -> StoreError {
    if err.code() == Some(&SqlState::LOCK_NOT_AVAILABLE) {
        return StoreError::LockTimeout {
            path: shown.into(),
            waited: timeout,
        };
    }
    StoreError::Database {
        store: shown.to_owned(),
        context,
        source: Box::new(err),
    }
}

struct Tx<'s, 'c> {
    store: &'s PostgresStore,
    tx: Transaction<'c>,
    statements: &'c Statements,
}

impl WriteTx for Tx<'_, '_> {
    fn lock_head(&mut self) -> Result<u64, StoreError> {
        let scope = &self.store.scope;
        let select = &self.statements.lock_head;
        let fail = self.store.fail("cannot lock the project's head");
        if let Some(row) = self.tx.query_opt(select, &[scope]).map_err(&fail)? {
            return Ok(unsigned(row.get(0)));
        }
        // The project's first write: create its row (a racing first writer's insert wins,
        // this one waits for it), then lock it.
        self.tx
            .execute(
                "INSERT INTO jerry_heads (scope, position) VALUES ($1, 0) ON CONFLICT (scope) DO NOTHING",
                &[scope],
            )
            .map_err(&fail)?;
        let row = self.tx.query_one(select, &[scope]).map_err(&fail)?;
        Ok(unsigned(row.get(0)))
    }

    fn version(&mut self, stream: &StreamId) -> Result<u64, StoreError> {
        let row = self
            .tx
            .query_one(&self.statements.version, &[&self.store.scope, &stream.as_str()])
            .map_err(self.store.fail("cannot read a version"))?;
        Ok(unsigned(row.get(0)))
    }

    fn once(&mut self, key: &str) -> Result<Option<OnceRecord>, StoreError> {
        let row = self
            .tx
            .query_opt(&self.statements.once, &[&self.store.scope, &key])
            .map_err(self.store.fail("cannot read an idempotency key"))?;
        row.map(|row| decode_once(&self.store.shown, key, row.get(0)))
            .transpose()
    }

    fn put_once(&mut self, record: &OnceRecord) -> Result<(), StoreError> {
        let text = serde_json::to_string(record).map_err(|source| StoreError::Encode {
            stream: record.stream.clone(),
            source,
        })?;
        self.tx
            .execute(
                "INSERT INTO jerry_once (scope, key, record) VALUES ($1, $2, $3)",
                &[&self.store.scope, &record.key, &text],
            )
            .map_err(self.store.fail("cannot record an idempotency key"))?;
        Ok(())
    }

    fn stream_events(&mut self, stream: &StreamId) -> Result<Vec<RecordedEvent>, StoreError> {
        let rows = self
            .tx
            .query(
                "SELECT position, body FROM jerry_events WHERE scope = $1 AND stream = $2 ORDER BY version",
                &[&self.store.scope, &stream.as_str()],
            )
            .map_err(self.store.fail("cannot read events"))?;
        rows.iter()
            .map(|row| sql::decode(&self.store.shown, row.get(0), row.get(1)))
            .collect()
    }

    fn reseat(&mut self, stream: &StreamId, events: &[RecordedEvent]) -> Result<(), StoreError> {
        let fail = self.store.fail("cannot move an event");
        for event in events {
            let body = sql::encode(stream, event)?;
            self.tx
                .execute(
                    "UPDATE jerry_events SET stream = $3, body = $4 WHERE scope = $1 AND position = $2",
                    &[
                        &self.store.scope,
                        &signed(event.position),
                        &stream.as_str(),
                        &body,
                    ],
                )
                .map_err(&fail)?;
        }
        Ok(())
    }

    fn insert(&mut self, stream: &StreamId, events: &[RecordedEvent]) -> Result<(), StoreError> {
        let fail = self.store.fail("cannot insert an event");
        let statement = &self.statements.insert;
        let mut last = 0;
        for event in events {
            let body = sql::encode(stream, event)?;
            self.tx
                .execute(
                    statement,
                    &[
                        &self.store.scope,
                        &signed(event.position),
                        &stream.as_str(),
                        &signed(event.version),
                        &event.event_id.to_string(),
                        &event.event_type,
                        &body,
                    ],
                )
                .map_err(&fail)?;
            last = event.position;
        }
        self.tx
            .execute(&self.statements.move_head, &[&self.store.scope, &signed(last)])
            .map_err(&fail)?;
        Ok(())
    }

    fn next_number(&mut self, family: &str) -> Result<Option<u64>, StoreError> {
        let row = self
            .tx
            .query_opt(&self.statements.next_number, &[&self.store.scope, &family])
            .map_err(self.store.fail("cannot read a number"))?;
        Ok(row.map(|row| unsigned(row.get(0))))
    }

    fn set_next_number(&mut self, family: &str, next: u64) -> Result<(), StoreError> {
        self.tx
            .execute(
                &self.statements.set_next_number,
                &[&self.store.scope, &family, &signed(next)],
            )
            .map_err(self.store.fail("cannot record a number"))?;
        Ok(())
    }
}

fn decode_once(shown: &str, key: &str, text: &str) -> Result<OnceRecord, StoreError> {
    serde_json::from_str(text).map_err(|err| StoreError::Corrupt {
        path: shown.into(),
        line: None,
        reason: format!("idempotency record '{key}' cannot be read: {err}"),
    })
}

impl EventStore for PostgresStore {
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

    fn once_records(&self) -> Result<Vec<OnceRecord>, StoreError> {
        let rows = lock(&self.client)
            .client
            .query(
                "SELECT key, record FROM jerry_once WHERE scope = $1 ORDER BY key",
                &[&self.scope],
            )
            .map_err(self.fail("cannot read idempotency keys"))?;
        rows.iter()
            .map(|row| decode_once(&self.shown, row.get(0), row.get(1)))
            .collect()
    }

    fn restore_once(&self, record: &OnceRecord) -> Result<(), StoreError> {
        let text = serde_json::to_string(record).map_err(|source| StoreError::Encode {
            stream: record.stream.clone(),
            source,
        })?;
        lock(&self.client)
            .client
            .execute(
                "INSERT INTO jerry_once (scope, key, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                &[&self.scope, &record.key, &text],
            )
            .map_err(self.fail("cannot record an idempotency key"))?;
        Ok(())
    }

    fn lookup_once(&self, key: &str) -> Result<Option<OnceRecord>, StoreError> {
        let row = lock(&self.client)
            .client
            .query_opt(
                "SELECT record FROM jerry_once WHERE scope = $1 AND key = $2",
                &[&self.scope, &key],
            )
            .map_err(self.fail("cannot read an idempotency key"))?;
        row.map(|row| decode_once(&self.shown, key, row.get(0)))
            .transpose()
    }

    fn read(&self, stream: &StreamId, from: u64, to: u64) -> Result<Vec<RecordedEvent>, StoreError> {
        self.query_events(
            "SELECT position, body FROM jerry_events
             WHERE scope = $1 AND stream = $2 AND version >= $3 AND version <= $4 ORDER BY version",
            &[&self.scope, &stream.as_str(), &signed(from), &signed(to)],
        )
    }

    fn current_version(&self, stream: &StreamId) -> Result<u64, StoreError> {
        let row = lock(&self.client)
            .client
            .query_one(
                "SELECT COALESCE(MAX(version), 0) FROM jerry_events WHERE scope = $1 AND stream = $2",
                &[&self.scope, &stream.as_str()],
            )
            .map_err(self.fail("cannot read a version"))?;
        Ok(unsigned(row.get(0)))
    }

    fn list_streams(&self) -> Result<Vec<StreamId>, StoreError> {
        let rows = lock(&self.client)
            .client
            .query(
                "SELECT DISTINCT stream FROM jerry_events WHERE scope = $1 ORDER BY stream",
                &[&self.scope],
            )
            .map_err(self.fail("cannot list streams"))?;
        rows.iter()
            .map(|row| StreamId::new(row.get::<_, String>(0)))
            .collect()
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
            "SELECT position, body FROM jerry_events WHERE scope = $1 AND position > $2
             ORDER BY position LIMIT $3",
            &[
                &self.scope,
                &signed(after),
                &i64::try_from(limit).unwrap_or(i64::MAX),
            ],
        )
    }

    fn head_position(&self) -> Result<u64, StoreError> {
        let row = lock(&self.client)
            .client
            .query_opt(
                "SELECT position FROM jerry_heads WHERE scope = $1",
                &[&self.scope],
            )
            .map_err(self.fail("cannot read the head"))?;
        Ok(row.map_or(0, |row| unsigned(row.get(0))))
    }

    /// Sleeps on LISTEN until an append of this project is committed (or `timeout`).
    fn wait_for_events(&self, after: u64, timeout: Duration) -> Result<(), StoreError> {
        let deadline = Instant::now() + timeout;
        let mut listener = lock(&self.listener);
        let client = match listener.as_mut() {
            Some(client) => client,
            None => {
                let mut client = connect(&self.config, &self.shown, self.timeout)?;
                client
                    .batch_execute(&format!("LISTEN {CHANNEL}"))
                    .map_err(self.fail("cannot listen for events"))?;
                listener.insert(client)
            }
        };
        // Listening began before this check, so an append committed after it is notified.
        if self.head_position()? > after {
            return Ok(());
        }
        let mut notifications = client.notifications();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(());
            }
            let mut waiting = notifications.timeout_iter(left);
            match waiting.next().map_err(self.fail("cannot wait for events"))? {
                Some(note) if note.payload() != self.scope => {}
                Some(_) | None => return Ok(()),
            }
        }
    }

    fn load_cache(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let row = lock(&self.client)
            .client
            .query_opt(
                "SELECT bytes FROM jerry_caches WHERE scope = $1 AND name = $2",
                &[&self.scope, &name],
            )
            .map_err(self.fail("cannot read a cache"))?;
        Ok(row.map(|row| row.get(0)))
    }

    fn save_cache(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        lock(&self.client)
            .client
            .execute(
                "INSERT INTO jerry_caches (scope, name, bytes) VALUES ($1, $2, $3)
                 ON CONFLICT (scope, name) DO UPDATE SET bytes = excluded.bytes",
                &[&self.scope, &name, &bytes],
            )
            .map_err(self.fail("cannot save a cache"))?;
        Ok(())
    }

    fn load_state(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let row = lock(&self.client)
            .client
            .query_opt(
                "SELECT bytes FROM jerry_state WHERE scope = $1 AND name = $2",
                &[&self.scope, &name],
            )
            .map_err(self.fail("cannot read a state record"))?;
        Ok(row.map(|row| row.get(0)))
    }

    fn save_state(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        lock(&self.client)
            .client
            .execute(
                "INSERT INTO jerry_state (scope, name, bytes) VALUES ($1, $2, $3)
                 ON CONFLICT (scope, name) DO UPDATE SET bytes = excluded.bytes",
                &[&self.scope, &name, &bytes],
            )
            .map_err(self.fail("cannot save a state record"))?;
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests;
