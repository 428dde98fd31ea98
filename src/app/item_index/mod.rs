//! The items read model as an indexed SQLite file beside the log, so that a read asks for
//! what it returns instead of parsing every item: the first page of a list, the items with a
//! status, one item's neighbourhood of links.
//!
//! Why SQLite: the store already depends on it, it gives indexes, transactions and
//! concurrent readers with one writer (WAL) across processes, and a reader pays for the pages
//! it touches. It is a cache like the JSON one: deletable, rebuilt from the log (or seeded from
//! the JSON cache, which is much faster than a replay), and never a reason for a read to fail —
//! a damaged file is deleted and built again, and where that fails the caller falls back to
//! the whole read model.
//!
//! Catching up reuses [`ItemsProjection::apply`], the one fold of events into items, on only
//! the items a page of events touches: their rows are loaded, the events applied, the rows
//! written back, all in one transaction with the new checkpoint.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use ulid::Ulid;

use crate::domain::{WorkItem, WorkItemId};
use crate::store::EventStore;
use crate::timestamp::Timestamp;

use super::{AppError, ItemsProjection};

mod flow;
mod read;
mod sql;
mod write;

use flow::*;
use read::*;
use sql::*;
use write::*;

/// The file's name in the store's cache directory.
pub const FILE: &str = "items.sqlite";
/// A file of another format is rebuilt.
const FORMAT: i64 = 10;

/// Why the index could not answer: SQLite (the file is damaged or unwritable: rebuild or
/// fall back) or the store (a real error, reported as any read's).
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("item index: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("item index: an item row does not decode: {0}")]
    Row(#[from] serde_json::Error),
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<IndexError> for AppError {
    /// For a read that cannot fall back any more (part of its answer is already out).
    fn from(err: IndexError) -> Self {
        let source: Box<dyn std::error::Error + Send + Sync> = match err {
            IndexError::App(err) => return err,
            IndexError::Sqlite(err) => Box::new(err),
            IndexError::Row(err) => Box::new(err),
        };
        AppError::Store(crate::store::StoreError::Database {
            store: FILE.to_owned(),
            context: "cannot read the item index",
            source,
        })
    }
}

impl From<crate::store::StoreError> for IndexError {
    fn from(err: crate::store::StoreError) -> Self {
        IndexError::App(err.into())
    }
}

pub struct ItemIndex {
    conn: Connection,
    /// A catch-up applied in a transaction not yet committed (see [`Self::for_write`]):
    /// kept by [`Self::commit`], rolled back when the index is dropped without it.
    pending: bool,
}

impl Drop for ItemIndex {
    fn drop(&mut self) {
        if self.pending {
            // Closing the connection would roll back too; saying so keeps it explicit.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

impl ItemIndex {
    /// The index of `store`'s items, up to date with its log; `None` when the store keeps
    /// no cache files or the index cannot be built (the caller reads the whole model).
    /// A damaged file is deleted and built again once.
    pub fn current(store: &dyn EventStore) -> Result<Option<Self>, AppError> {
        let Some(path) = store.cache_file(FILE) else {
            return Ok(None);
        };
        // A read writes nothing where there is nothing to read, and leaves no file behind
        // when the log it would index cannot be read.
        let existed = path.exists();
        if !existed && store.head_position()? == 0 {
            return Ok(None);
        }
        let folder_existed = path.parent().is_none_or(Path::exists);
        for attempt in 0..2 {
            match Self::open_current(&path, store) {
                Ok(index) => return Ok(Some(index)),
                Err(IndexError::App(err)) => {
                    if !existed {
                        remove(&path);
                        if let Some(folder) = path.parent().filter(|_| !folder_existed) {
                            let _ = std::fs::remove_dir(folder);
                        }
                    }
                    return Err(err);
                }
                // Another process held the file past the busy timeout: the file is fine, this
                // read goes without it.
                Err(IndexError::Sqlite(err))
                    if matches!(
                        err.sqlite_error_code(),
                        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                    ) =>
                {
                    return Ok(None)
                }
                Err(_) if attempt == 0 => remove(&path),
                Err(_) => return Ok(None),
            }
        }
        Ok(None)
    }

    /// The index for a write's decisions, written only if the write is made: up to date
    /// with the log already, or caught up with the events it lacks (a create or a comment
    /// leaves it behind) in a transaction that [`Self::commit`] keeps once the command has
    /// written, and that is rolled back when the index is dropped without it — a refused
    /// command leaves the file as it was. `None` when the index would have to be built or
    /// seeded (the caller reads the whole model), or on any error.
    pub fn for_write(store: &dyn EventStore) -> Option<Self> {
        let path = store.cache_file(FILE).filter(|path| path.exists())?;
        // Opened without `open`'s schema statements: an index of another format is left
        // as it is (the next read rebuilds it), not emptied.
        let conn = connect(&path).ok()?;
        let mut index = Self { conn, pending: false };
        let head = store.head_position().ok()?;
        let generation = store.archive_generation().ok()? as i64;
        let usable = |index: &Self| -> Option<bool> {
            Some(
                index.meta("format").ok()? == Some(FORMAT)
                    && index.meta("seeded").ok()?.is_some()
                    && index.meta("archive").ok()?.unwrap_or(0) == generation,
            )
        };
        if !usable(&index)? {
            return None;
        }
        if index.checkpoint().ok()? == head {
            return Some(index);
        }
        index.conn.pragma_update(None, "synchronous", "NORMAL").ok()?;
        index.conn.execute_batch("BEGIN IMMEDIATE").ok()?;
        index.pending = true;
        // Asked again under the lock: another process may have moved it meanwhile.
        if !usable(&index)? {
            return None;
        }
        let writer = Writer { tx: &index.conn };
        if !writer.matches_log(store).ok()? {
            return None;
        }
        writer.apply_pages(store).ok()?;
        (store.archive_generation().ok()? as i64 == generation).then_some(index)
    }

    /// True while what [`Self::for_write`] caught up is neither kept nor rolled back.
    pub fn is_pending(&self) -> bool {
        self.pending
    }

    /// Keeps what [`Self::for_write`] caught up.
    pub fn commit(&mut self) -> Result<(), IndexError> {
        if self.pending {
            self.conn.execute_batch("COMMIT")?;
            self.pending = false;
        }
        Ok(())
    }

    /// The open children and open blockers of `id`, from its neighbourhood alone (all that
    /// [`crate::domain::graph::OpenLinks`] looks at for one item).
    pub fn open_links(&self, id: WorkItemId) -> Result<(Vec<WorkItemId>, Vec<WorkItemId>), IndexError> {
        let near: BTreeMap<WorkItemId, WorkItem> = self
            .neighbourhood(id)?
            .into_iter()
            .map(|item| (item.id, item))
            .collect();
        let links = crate::domain::graph::OpenLinks::of(&near);
        Ok((links.children(id), links.blockers(id)))
    }

    fn open_current(path: &Path, store: &dyn EventStore) -> Result<Self, IndexError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|_| rusqlite::Error::InvalidPath(dir.to_path_buf()))?;
        }
        let mut index = Self::open(path)?;
        index.catch_up(store)?;
        Ok(index)
    }

    /// Opens (creating) the file and its schema; a file of another format is emptied.
    ///
    /// A file of this format (the usual case: every read opens it) is used as it is,
    /// without a write lock. Otherwise the format is read again, and the file emptied and
    /// its schema made, in one write transaction: several processes opening a new file at
    /// once (racing claimers, the first command after a clone) must not take one another's
    /// half-made schema, whose format row is not written yet, for another format and drop
    /// the tables another has just filled — its next read then found no items, and a
    /// claim "nothing ready". (The format row is written in the same transaction as the
    /// schema, so a file with it has its tables.)
    pub fn open(path: &Path) -> Result<Self, IndexError> {
        let conn = connect(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let current: Option<i64> = conn
            .query_row("SELECT value FROM meta WHERE key = 'format'", [], |row| {
                row.get(0)
            })
            .optional()
            .unwrap_or(None);
        if current != Some(FORMAT) {
            let tx = rusqlite::Transaction::new_unchecked(&conn, TransactionBehavior::Immediate)?;
            let format: Option<i64> = tx
                .query_row("SELECT value FROM meta WHERE key = 'format'", [], |row| {
                    row.get(0)
                })
                .optional()
                .unwrap_or(None);
            if format != Some(FORMAT) {
                tx.execute_batch(
                    "DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS items; DROP TABLE IF EXISTS links;
                     DROP TABLE IF EXISTS broken; DROP TABLE IF EXISTS flow_items;
                     DROP TABLE IF EXISTS flow_days;",
                )?;
            }
            tx.execute_batch(SCHEMA)?;
            tx.execute_batch(FLOW_SCHEMA)?;
            tx.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('format', ?1)",
                params![FORMAT],
            )?;
            tx.commit()?;
        }
        Ok(Self { conn, pending: false })
    }

    fn meta(&self, key: &str) -> Result<Option<i64>, IndexError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", params![key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    fn checkpoint(&self) -> Result<u64, IndexError> {
        Ok(self.meta("checkpoint")?.map_or(0, |v| v as u64))
    }

    /// Applies the events after the checkpoint. The first build is seeded from the JSON
    /// read model; a checkpoint the log no longer has (a restored older copy) starts over.
    pub fn catch_up(&mut self, store: &dyn EventStore) -> Result<(), IndexError> {
        let head = store.head_position()?;
        let generation = store.archive_generation()? as i64;
        if self.meta("seeded")?.is_some()
            && self.checkpoint()? == head
            && self.meta("archive")?.unwrap_or(0) == generation
        {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let index = Writer { tx: &tx };
        // Seeded from the JSON model (itself checked against the log and the archive) when
        // new, when the log no longer has the checkpoint's event, and when the archive
        // changed: items that entered or left it are rare, whole-model events.
        if index.meta("seeded")?.is_none()
            || !index.matches_log(store)?
            || index.meta("archive")?.unwrap_or(0) != generation
        {
            index.seed(&ItemsProjection::current(store)?)?;
            index.set_meta("archive", generation)?;
        }
        index.apply_pages(store)?;
        // An item came back from the archive while the pages were read: its events found
        // no row. Seeded again from the model, which reads such items whole.
        let now = store.archive_generation()? as i64;
        if now != generation {
            index.seed(&ItemsProjection::current(store)?)?;
            index.set_meta("archive", now)?;
        }
        tx.commit()?;
        Ok(())
    }
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL,
    parent INTEGER,
    lapses_at INTEGER,
    priority_rank INTEGER NOT NULL,
    due INTEGER,
    -- Until when an open item waits (`items edit --wait`); NULL when it does not.
    wait INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- The status's place in the domain's order (Status::ALL), for `--sort status`.
    status_rank INTEGER NOT NULL,
    -- Ready work as the domain defines it (`ready_and_blocked`), claims as stored.
    ready INTEGER NOT NULL DEFAULT 0,
    -- What the list table shows, so a whole table is read without decoding every item.
    work_type TEXT NOT NULL,
    priority TEXT NOT NULL,
    assignee TEXT,
    title TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_ready ON items (ready, priority_rank, due IS NULL, due, created_at, id);
CREATE INDEX IF NOT EXISTS items_status ON items (status, id);
-- A filter on priority, type or assignee: its page walks the first index in id order and
-- stops at --limit; its total is counted from the second alone (it covers the status and
-- wait tests of the default list), so neither reads the row of every match
-- (`items list --priority high --limit 20` at 100,000 items: 42.8 ms before, 8.3 ms).
CREATE INDEX IF NOT EXISTS items_priority ON items (priority, id);
CREATE INDEX IF NOT EXISTS items_priority_count ON items (priority, status, wait);
CREATE INDEX IF NOT EXISTS items_type ON items (work_type, id);
CREATE INDEX IF NOT EXISTS items_type_count ON items (work_type, status, wait);
CREATE INDEX IF NOT EXISTS items_assignee ON items (assignee, id);
CREATE INDEX IF NOT EXISTS items_assignee_count ON items (assignee, status, wait);
CREATE INDEX IF NOT EXISTS items_parent ON items (parent);
-- Each `--sort` key's order (ties by id), walked for a page of a list with many matches
-- (read backwards for `--reverse`): `--sort created --limit 20` at 100,000 items sorted
-- every match, 370 ms.
CREATE INDEX IF NOT EXISTS items_order_priority ON items (priority_rank, id);
CREATE INDEX IF NOT EXISTS items_order_created ON items (created_at, id);
CREATE INDEX IF NOT EXISTS items_order_updated ON items (updated_at DESC, id);
CREATE INDEX IF NOT EXISTS items_order_due ON items (due IS NULL, due, id);
CREATE INDEX IF NOT EXISTS items_order_status ON items (status_rank, id);
CREATE INDEX IF NOT EXISTS items_lapses ON items (lapses_at);
CREATE INDEX IF NOT EXISTS items_wait ON items (wait) WHERE wait IS NOT NULL;
CREATE TABLE IF NOT EXISTS links (holder INTEGER NOT NULL, peer INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS links_holder ON links (holder);
CREATE INDEX IF NOT EXISTS links_peer ON links (peer);
CREATE TABLE IF NOT EXISTS broken (stream TEXT PRIMARY KEY, reason TEXT NOT NULL) WITHOUT ROWID;
";

/// Whether rows may hold claims that ran out by some moment (a lapse changes what their
/// status and assignee read as).
#[derive(Clone, Copy)]
enum Lapse {
    Never,
    By(Timestamp),
}

/// The version the indexed read model last saw of `id`, if it has a row for it: a cheap
/// witness of what the log held, for a write to check its item's file against (see
/// `CommandDispatcher::load_intact`). Opened read-only; any error is no answer.
pub fn seen_version(store: &dyn EventStore, id: WorkItemId) -> Option<u64> {
    let path = store.cache_file(FILE).filter(|path| path.exists())?;
    // Immutable: no lock, no `-shm` or `-wal` file made (a refused write writes nothing);
    // the rows the last connection checkpointed into the file are witness enough, as an
    // older row only ever says less.
    let plain = path.to_str().filter(|text| !text.contains(['?', '#', '%']))?;
    let uri = format!("file:{plain}?immutable=1");
    let conn = Connection::open_with_flags(
        uri,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
            | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX
            | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )
    .ok()?;
    conn.query_row(
        "SELECT json_extract(json, '$.version') FROM items WHERE id = ?1",
        params![id.number() as i64],
        |row| row.get::<_, Option<i64>>(0),
    )
    .ok()
    .flatten()
    .and_then(|version| u64::try_from(version).ok())
}

/// The index file's connection: waits for another process's writer, and knows
/// [`may_mention`] as `jerry_may_mention(json, needle)`.
fn connect(path: &Path) -> rusqlite::Result<Connection> {
    use rusqlite::functions::FunctionFlags;
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    // Room for every statement a catch-up repeats per item (rusqlite keeps 16 by default).
    conn.set_prepared_statement_cache_capacity(64);
    conn.create_scalar_function(
        "jerry_may_mention",
        2,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let json = ctx.get_raw(0).as_bytes().unwrap_or_default();
            let needle = ctx.get_raw(1).as_bytes().unwrap_or_default();
            Ok(may_mention(json, needle))
        },
    )?;
    Ok(conn)
}

/// A ULID as two signed 64-bit halves, SQLite's integer.
fn split(id: Ulid) -> (i64, i64) {
    let value = u128::from(id);
    ((value >> 64) as u64 as i64, value as u64 as i64)
}

fn join(high: i64, low: i64) -> Ulid {
    Ulid::from((u128::from(high as u64) << 64) | u128::from(low as u64))
}

/// Removes a damaged index with its WAL files (best effort: a cache).
fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

#[cfg(test)]
mod tests {
    use super::may_mention;

    #[test]
    fn a_row_may_mention_the_needle_in_any_ascii_case_or_hold_what_lower_cases_to_ascii() {
        let row = |text: &str| format!(r#"{{"title":"{text}","comments":[]}}"#);
        assert!(may_mention(row("Fix the LOGIN form").as_bytes(), b"login"));
        assert!(may_mention(row("fix the login form").as_bytes(), b"the l"));
        assert!(may_mention(row("x").as_bytes(), b""));
        assert!(!may_mention(row("Fix the logout form").as_bytes(), b"login"));
        assert!(
            !may_mention(row("log").as_bytes(), b"login"),
            "a match cut off by the end"
        );
        // The Kelvin sign lower-cases to `k`: the row is kept for the search to decide.
        assert!(may_mention(row("\u{212A}elvin").as_bytes(), b"kelvin"));
    }
}
