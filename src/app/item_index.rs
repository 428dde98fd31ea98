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

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use ulid::Ulid;

use crate::domain::graph::{blocking_edges, ready_and_blocked, BlockingEdges};
use crate::domain::{Status, WorkItem, WorkItemId, AGGREGATE_TYPE};
use crate::store::{EventStore, RecordedEvent};
use crate::timestamp::Timestamp;

use super::event_log::PAGE;
use super::{AppError, Assignee, ItemFilter, ItemSummary, ItemsProjection};

/// The file's name in the store's cache directory.
pub const FILE: &str = "items.sqlite";
/// A file of another format is rebuilt.
const FORMAT: i64 = 5;

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

/// A row's table columns, checked as they are read (the short ones parsed where SQLite
/// keeps them, without a `String` each).
fn summary_of(row: &rusqlite::Row<'_>) -> Result<ItemSummary, IndexError> {
    let bad = |what: &str, value: &str| {
        IndexError::Sqlite(rusqlite::Error::InvalidColumnType(
            0,
            format!("{what} {value}"),
            rusqlite::types::Type::Text,
        ))
    };
    fn column<T: std::str::FromStr>(
        row: &rusqlite::Row<'_>,
        index: usize,
        what: &str,
        bad: impl Fn(&str, &str) -> IndexError,
    ) -> Result<T, IndexError> {
        let text = row.get_ref(index)?.as_str().map_err(rusqlite::Error::from)?;
        text.parse().map_err(|_| bad(what, text))
    }
    let number: i64 = row.get(0)?;
    let due: Option<i64> = row.get(5)?;
    Ok(ItemSummary {
        id: WorkItemId::new(number as u64).ok_or_else(|| bad("id", &number.to_string()))?,
        work_type: column(row, 1, "type", bad)?,
        priority: column(row, 2, "priority", bad)?,
        status: column(row, 3, "status", bad)?,
        assignee: row.get(4)?,
        due: due.and_then(Timestamp::from_unix_micros),
        title: row.get(6)?,
    })
}

/// An index failure as the caller's error (see [`ItemIndex::each_json`]).
fn read_error<E: From<AppError>>(err: impl Into<IndexError>) -> E {
    E::from(AppError::from(err.into()))
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
    pub fn open(path: &Path) -> Result<Self, IndexError> {
        let conn = connect(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let format: Option<i64> = conn
            .query_row("SELECT value FROM meta WHERE key = 'format'", [], |row| {
                row.get(0)
            })
            .optional()
            .unwrap_or(None);
        if format != Some(FORMAT) {
            conn.execute_batch(
                "DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS items; DROP TABLE IF EXISTS links;
                 DROP TABLE IF EXISTS broken;",
            )?;
        }
        conn.execute_batch(SCHEMA)?;
        conn.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('format', ?1)",
            params![FORMAT],
        )?;
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

    /// The stored JSON of the first `limit` items in id order, each as it stands at `now`
    /// (a claim that ran out is decoded, lapsed and encoded again; every other row is
    /// passed on as stored). For a list printed whole: nothing is decoded that need not be,
    /// and nothing is held but one row.
    pub fn each_json<E: From<AppError>>(
        &self,
        limit: usize,
        now: Option<Timestamp>,
        mut each: impl FnMut(&str) -> Result<(), E>,
    ) -> Result<usize, E> {
        let now_micros = now.map_or(i64::MIN, |now| now.unix_micros());
        self.each_row(
            "SELECT json, lapses_at FROM items ORDER BY id",
            [],
            limit,
            |row| {
                let json: String = row.get(0)?;
                let lapses_at: Option<i64> = row.get(1)?;
                Ok(match (now, lapses_at) {
                    (Some(now), Some(at)) if at <= now_micros => {
                        let item: WorkItem = serde_json::from_str(&json)?;
                        serde_json::to_string(&item.lapsed(now))?
                    }
                    _ => json,
                })
            },
            |json| each(&json),
        )
    }

    /// What the list table shows of the first `limit` items in id order, as they stand at
    /// `now`, read from the row's own columns (a row whose claim ran out is decoded whole).
    pub fn each_summary<E: From<AppError>>(
        &self,
        limit: usize,
        now: Option<Timestamp>,
        each: impl FnMut(ItemSummary) -> Result<(), E>,
    ) -> Result<usize, E> {
        let now_micros = now.map_or(i64::MIN, |now| now.unix_micros());
        self.each_row(
            "SELECT id, work_type, priority, status, assignee, due, title, lapses_at, \
             CASE WHEN lapses_at <= ?1 THEN json END FROM items ORDER BY id",
            params![now_micros],
            limit,
            |row| match (now, row.get::<_, Option<String>>(8)?) {
                (Some(now), Some(json)) => {
                    let item: WorkItem = serde_json::from_str(&json)?;
                    Ok(ItemSummary::of(&item.lapsed(now)))
                }
                _ => summary_of(row),
            },
            each,
        )
    }

    /// Runs `read` in one read transaction, so all its queries see the rows of one moment
    /// however many writers commit meanwhile (WAL keeps the snapshot). Inside a
    /// transaction already (a catch-up not yet committed), `read` simply runs in it.
    pub fn in_snapshot<T, E: From<AppError>>(
        &self,
        read: impl FnOnce(&Self) -> Result<T, E>,
    ) -> Result<T, E> {
        if !self.conn.is_autocommit() {
            return read(self);
        }
        self.conn.execute_batch("BEGIN").map_err(read_error)?;
        let result = read(self);
        // Nothing was written: ending the transaction only lets the snapshot go.
        if self.conn.execute_batch("COMMIT").is_err() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        result
    }

    /// The first `limit` rows `sql` selects, each read by `read` and handed to `each` as
    /// it comes (a whole list never sits in memory).
    fn each_row<T, E: From<AppError>>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        limit: usize,
        mut read: impl FnMut(&rusqlite::Row<'_>) -> Result<T, IndexError>,
        mut each: impl FnMut(T) -> Result<(), E>,
    ) -> Result<usize, E> {
        let mut statement = self.conn.prepare_cached(sql).map_err(read_error)?;
        let mut rows = statement.query(params).map_err(read_error)?;
        let mut written = 0;
        while written < limit {
            let Some(row) = rows.next().map_err(read_error)? else {
                break;
            };
            each(read(row).map_err(read_error)?)?;
            written += 1;
        }
        Ok(written)
    }

    /// How many items the index holds.
    pub fn count(&self) -> Result<usize, IndexError> {
        Ok(self.meta("count")?.map_or(0, |v| v as usize))
    }

    /// The first `limit` items in id order whose status (as they stand at `now`) is one of
    /// `statuses` (any when empty), and how many match in all.
    pub fn page(
        &self,
        statuses: &[Status],
        limit: usize,
        now: Option<Timestamp>,
    ) -> Result<(Vec<WorkItem>, usize), IndexError> {
        let now_micros = now.map_or(i64::MIN, |now| now.unix_micros());
        let lapsed = self.lapsed(now_micros)?;
        let wanted = |status: Status| statuses.is_empty() || statuses.contains(&status);
        // Items whose claim ran out read as pending: they count where pending does.
        let mut total = if statuses.is_empty() {
            self.meta("count")?.map_or(0, |v| v as usize)
        } else {
            let mut total = 0;
            // Each status once: `--status closed --status done` names done twice.
            for status in statuses.iter().collect::<BTreeSet<_>>() {
                total += self.conn.query_row(
                    "SELECT COUNT(*) FROM items INDEXED BY items_status WHERE status = ?1",
                    params![status.to_string()],
                    |row| row.get::<_, i64>(0),
                )? as usize;
            }
            total
        };
        total += lapsed * usize::from(wanted(Status::Pending));
        total -= lapsed * usize::from(wanted(Status::InProgress));
        if statuses.is_empty() {
            let mut statement = self.conn.prepare_cached("SELECT json FROM items ORDER BY id")?;
            let mut rows = statement.query([])?;
            let mut items = Vec::new();
            while items.len() < limit {
                let Some(row) = rows.next()? else { break };
                let mut item: WorkItem = serde_json::from_str(&row.get::<_, String>(0)?)?;
                if let Some(now) = now {
                    item.lapse(now);
                }
                items.push(item);
            }
            return Ok((items, total));
        }
        // The few items whose claim ran out are read on their own: their stored status no
        // longer says where they belong. The indexes are named: without statistics SQLite
        // prefers scanning the whole table in id order to sorting a few rows.
        let mut lapsed_items = Vec::new();
        let mut lapsed_ids = BTreeSet::new();
        if let Some(now) = now {
            let mut statement = self
                .conn
                .prepare_cached("SELECT json FROM items INDEXED BY items_lapses WHERE lapses_at <= ?1")?;
            let mut rows = statement.query(params![now_micros])?;
            while let Some(row) = rows.next()? {
                let item: WorkItem = serde_json::from_str(&row.get::<_, String>(0)?)?;
                lapsed_ids.insert(item.id);
                let item = item.lapsed(now);
                if wanted(item.status) {
                    lapsed_items.push(item);
                }
            }
            lapsed_items.sort_by_key(|item| item.id);
        }
        let marks = vec!["?"; statuses.len()].join(", ");
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT json FROM items INDEXED BY items_status WHERE status IN ({marks}) ORDER BY id"
        ))?;
        let mut rows = statement.query(rusqlite::params_from_iter(
            statuses.iter().map(ToString::to_string),
        ))?;
        let mut lapsed_items = lapsed_items.into_iter().peekable();
        let mut items = Vec::new();
        let mut next_row = || -> Result<Option<WorkItem>, IndexError> {
            while let Some(row) = rows.next()? {
                let item: WorkItem = serde_json::from_str(&row.get::<_, String>(0)?)?;
                if !lapsed_ids.contains(&item.id) {
                    return Ok(Some(item));
                }
            }
            Ok(None)
        };
        let mut row = next_row()?;
        while items.len() < limit {
            let take_lapsed = match (&row, lapsed_items.peek()) {
                (Some(stored), Some(lapsed)) => lapsed.id < stored.id,
                (None, Some(_)) => true,
                (_, None) => false,
            };
            if take_lapsed {
                items.extend(lapsed_items.next());
            } else if let Some(item) = row.take() {
                items.push(item);
                row = next_row()?;
            } else {
                break;
            }
        }
        Ok((items, total))
    }

    /// How many items' claims have run out by `now` (stored as still in progress).
    fn lapsed(&self, now_micros: i64) -> Result<usize, IndexError> {
        let count: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM items INDEXED BY items_lapses WHERE lapses_at <= ?1",
            params![now_micros],
            |row| row.get(0),
        )?;
        Ok(count as usize)
    }

    /// `id` and every item linked to it either way: its parent, children, and both ends of
    /// its dependencies — all that [`crate::domain::graph::links`] looks at for `id`.
    pub fn neighbourhood(&self, id: WorkItemId) -> Result<Vec<WorkItem>, IndexError> {
        neighbourhood(&self.conn, id)
    }

    /// One item as its row holds it (no lapse applied).
    pub fn item(&self, id: WorkItemId) -> Result<Option<WorkItem>, IndexError> {
        Writer { tx: &self.conn }.get(id)
    }

    /// Every blocking edge (blocker, blocked) reachable from `start` along blocking edges:
    /// all that [`crate::domain::graph::check_blocking_cycle`] walks when a new edge ends at
    /// `start`, found one item's links at a time. `None` when the walk meets an item the
    /// index does not hold (archived, or never created): only the whole model knows its
    /// links.
    pub fn blocking_reach(&self, start: WorkItemId) -> Result<Option<BlockingEdges>, IndexError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT json FROM items WHERE id = ?1
               OR id IN (SELECT peer FROM links INDEXED BY links_holder WHERE holder = ?1)
               OR id IN (SELECT holder FROM links INDEXED BY links_peer WHERE peer = ?1)",
        )?;
        let mut edges = BTreeSet::new();
        let mut queue = std::collections::VecDeque::from([start]);
        let mut seen = BTreeSet::from([start]);
        while let Some(node) = queue.pop_front() {
            let rows = statement.query_map(params![node.number() as i64], |row| row.get::<_, String>(0))?;
            let mut linked = Vec::new();
            for json in rows {
                linked.push(serde_json::from_str::<WorkItem>(&json?)?);
            }
            if !linked.iter().any(|item| item.id == node) {
                return Ok(None);
            }
            // An edge out of `node` is recorded on `node` or on the item it points at, and
            // either way that item is linked to `node`.
            for edge in blocking_edges(&linked)
                .into_iter()
                .filter(|(from, _)| *from == node)
            {
                if seen.insert(edge.1) {
                    queue.push_back(edge.1);
                }
                edges.insert(edge);
            }
        }
        Ok(Some(edges))
    }

    /// `id` and the chain of its parents: all that [`crate::domain::graph::check_parent`]
    /// walks when `id` becomes a parent. `None` when the chain leaves the index (a parent
    /// archived, or never created): only the whole model holds the rest of it.
    pub fn ancestry(&self, id: WorkItemId) -> Result<Option<BTreeMap<WorkItemId, WorkItem>>, IndexError> {
        // `UNION` (not `UNION ALL`) ends the walk even on a parent loop a foreign log made.
        let chain = self.items_where(
            "WITH RECURSIVE up(id) AS (SELECT ?1 UNION SELECT items.parent FROM items
                                         JOIN up ON items.id = up.id WHERE items.parent IS NOT NULL)
             SELECT json FROM items WHERE id IN up",
            params![id.number() as i64],
            None,
        )?;
        let whole = chain.contains_key(&id)
            && chain
                .values()
                .all(|item| item.parent.is_none_or(|parent| chain.contains_key(&parent)));
        Ok(whole.then_some(chain))
    }

    /// The first `limit` items of the ready work (see [`ready_and_blocked`]) as it stands at
    /// `now`, in its order, and how many there are in all.
    pub fn ready(&self, limit: usize, now: Option<Timestamp>) -> Result<(Vec<WorkItem>, usize), IndexError> {
        let lapsed_ready = self.lapsed_ready(now)?;
        let total = self.meta("ready")?.map_or(0, |v| v as usize) + lapsed_ready.len();
        let items = self.merge_ready(lapsed_ready, (Vec::new(), Vec::new()), limit)?;
        Ok((items, total))
    }

    /// In the ready order, as it stands at `now`, every ready item `filter` could keep (see
    /// [`Self::candidates`]; the caller's filter decides). Ready rows hold no claim, so
    /// their status and assignee are as stored; an item whose claim ran out is judged on
    /// its own, as in [`Self::ready`].
    pub fn ready_candidates(
        &self,
        filter: &ItemFilter,
        now: Option<Timestamp>,
    ) -> Result<Vec<WorkItem>, IndexError> {
        let lapsed_ready = self.lapsed_ready(now)?;
        self.merge_ready(lapsed_ready, narrowing(filter, Lapse::Never)?, usize::MAX)
    }

    /// The items whose claim ran out by `now` that are ready then, in the ready order. A
    /// lapsed item reads as pending, and may be ready; nothing else moves (it stays open
    /// either way), so those few are judged on their own.
    fn lapsed_ready(&self, now: Option<Timestamp>) -> Result<Vec<WorkItem>, IndexError> {
        let mut lapsed_ready = Vec::new();
        if let Some(now) = now {
            let mut statement = self
                .conn
                .prepare_cached("SELECT id FROM items INDEXED BY items_lapses WHERE lapses_at <= ?1")?;
            let ids: Vec<i64> = statement
                .query_map(params![now.unix_micros()], |row| row.get(0))?
                .collect::<Result<_, _>>()?;
            for number in ids {
                let Some(id) = WorkItemId::new(number as u64) else {
                    continue;
                };
                let near: BTreeMap<WorkItemId, WorkItem> = neighbourhood(&self.conn, id)?
                    .into_iter()
                    .map(|item| (item.id, item.lapsed(now)))
                    .collect();
                if let Some(item) = ready_and_blocked(&near).0.into_iter().find(|item| item.id == id) {
                    lapsed_ready.push(item);
                }
            }
            lapsed_ready.sort_by_key(ready_key);
        }
        Ok(lapsed_ready)
    }

    /// The first `limit` of the stored ready rows meeting `conditions` and of
    /// `lapsed_ready`, merged in the ready order.
    fn merge_ready(
        &self,
        lapsed_ready: Vec<WorkItem>,
        (conditions, values): (Vec<String>, Vec<rusqlite::types::Value>),
        limit: usize,
    ) -> Result<Vec<WorkItem>, IndexError> {
        let narrowed = where_clause(&conditions, "AND");
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT json FROM items INDEXED BY items_ready WHERE ready = 1 {narrowed}
             ORDER BY priority_rank, due IS NULL, due, created_at, id"
        ))?;
        let mut rows = statement.query(rusqlite::params_from_iter(values))?;
        let mut next_row = || -> Result<Option<WorkItem>, IndexError> {
            match rows.next()? {
                Some(row) => Ok(Some(serde_json::from_str(&row.get::<_, String>(0)?)?)),
                None => Ok(None),
            }
        };
        let mut lapsed_ready = lapsed_ready.into_iter().peekable();
        let mut row = next_row()?;
        let mut items = Vec::new();
        while items.len() < limit {
            let take_lapsed = match (&row, lapsed_ready.peek()) {
                (Some(stored), Some(lapsed)) => ready_key(lapsed) < ready_key(stored),
                (None, Some(_)) => true,
                (_, None) => false,
            };
            if take_lapsed {
                items.extend(lapsed_ready.next());
            } else if let Some(item) = row.take() {
                items.push(item);
                row = next_row()?;
            } else {
                break;
            }
        }
        Ok(items)
    }

    /// The first `limit` items `filter` keeps, in id order, and how many it keeps in all,
    /// when SQL can answer the filter exactly (no label, text or overdue test, no sort, and
    /// no claim run out when a status or an assignee is asked); `None` otherwise.
    pub fn page_exact(
        &self,
        filter: &ItemFilter,
        limit: usize,
        now: Option<Timestamp>,
    ) -> Result<Option<(Vec<WorkItem>, usize)>, IndexError> {
        if !self.exact_in_sql(filter, now)? {
            return Ok(None);
        }
        let (conditions, values) = narrowing(filter, Lapse::Never)?;
        let matching = where_clause(&conditions, "WHERE");
        let total = self.count_of(&format!("SELECT COUNT(*) FROM items {matching}"), &values)?;
        let query = format!("SELECT json FROM items {matching} ORDER BY id LIMIT {limit}");
        let items = self.read_items(&query, rusqlite::params_from_iter(values), now)?;
        Ok(Some((items, total)))
    }

    /// As [`Self::page_exact`] for the ready work, in its order; `keep` is the filter's own
    /// test, for the items whose claim ran out (judged on their own, as in [`Self::ready`]).
    pub fn ready_exact(
        &self,
        filter: &ItemFilter,
        keep: impl Fn(&WorkItem) -> bool,
        limit: usize,
        now: Option<Timestamp>,
    ) -> Result<Option<(Vec<WorkItem>, usize)>, IndexError> {
        // Ready rows hold no claim: their status and assignee are as stored, whatever `now`.
        if !self.exact_in_sql(filter, None)? {
            return Ok(None);
        }
        let lapsed_ready: Vec<WorkItem> = self
            .lapsed_ready(now)?
            .into_iter()
            .filter(|item| keep(item))
            .collect();
        let (conditions, values) = narrowing(filter, Lapse::Never)?;
        let matching = where_clause(&conditions, "AND");
        let stored = self.count_of(
            &format!("SELECT COUNT(*) FROM items INDEXED BY items_ready WHERE ready = 1 {matching}"),
            &values,
        )?;
        let total = stored + lapsed_ready.len();
        Ok(Some((
            self.merge_ready(lapsed_ready, (conditions, values), limit)?,
            total,
        )))
    }

    /// True when [`narrowing`] is `filter`'s whole test: no label, text, overdue or conflict test
    /// (narrowed to a superset), no sort, and — when it asks for a status or an assignee —
    /// no claim that ran out by `now` (those read otherwise than stored).
    fn exact_in_sql(&self, filter: &ItemFilter, now: Option<Timestamp>) -> Result<bool, IndexError> {
        let plain = filter.labels.is_empty()
            && filter.search.is_none()
            && filter.overdue_at.is_none()
            && !filter.conflicts
            && filter.sort.is_none()
            && !filter.reverse;
        if !plain {
            return Ok(false);
        }
        let held = !filter.statuses.is_empty() || filter.assignee.is_some();
        Ok(match now {
            Some(now) if held => self.lapsed(now.unix_micros())? == 0,
            _ => true,
        })
    }

    /// In id order, each as it stands at `now`, every item `filter` could keep: its
    /// conditions on columns the index holds narrow the rows in SQL, each to a superset of
    /// what the filter keeps (a label by its JSON text anywhere in the item; an item whose
    /// claim ran out whatever its stored status and assignee), and the caller's filter then
    /// decides. So a list asking for few items decodes few, with the whole model's answer.
    pub fn candidates(
        &self,
        filter: &ItemFilter,
        now: Option<Timestamp>,
    ) -> Result<Vec<WorkItem>, IndexError> {
        let (conditions, values) = narrowing(filter, now.map_or(Lapse::Never, Lapse::By))?;
        let matching = where_clause(&conditions, "WHERE");
        let query = format!("SELECT json FROM items {matching} ORDER BY id");
        self.read_items(&query, rusqlite::params_from_iter(values), now)
    }

    /// What `items blocked` looks at, as it stands at `now`: the items blocked by hand and
    /// every item with a link (an item without one waits on nothing), so both ends of each
    /// link any of them has. [`ready_and_blocked`] over these gives the blocked list the
    /// whole model gives, at the cost of the linked items rather than all of them.
    pub fn blocked_candidates(
        &self,
        now: Option<Timestamp>,
    ) -> Result<BTreeMap<WorkItemId, WorkItem>, IndexError> {
        self.items_where(
            "SELECT json FROM items WHERE id IN (
               SELECT id FROM items INDEXED BY items_status WHERE status = ?1
               UNION SELECT holder FROM links UNION SELECT peer FROM links)",
            params![Status::Blocked.to_string()],
            now,
        )
    }

    /// What `items tree ID` draws, as it stands at `now`: `id`, everything under it, the
    /// chain of its parents, and the items linked to any of those (for their `blocks` and
    /// `blocked by`). [`crate::domain::graph::tree`] focused on `id` gives the same branch
    /// over these as over the whole model.
    pub fn branch(
        &self,
        id: WorkItemId,
        now: Option<Timestamp>,
    ) -> Result<BTreeMap<WorkItemId, WorkItem>, IndexError> {
        // `UNION` (not `UNION ALL`) ends the walks even on a parent loop a foreign log made.
        self.items_where(
            "WITH RECURSIVE
               down(id) AS (SELECT ?1 UNION SELECT items.id FROM items INDEXED BY items_parent
                              JOIN down ON items.parent = down.id),
               up(id) AS (SELECT ?1 UNION SELECT items.parent FROM items JOIN up ON items.id = up.id
                            WHERE items.parent IS NOT NULL),
               branch(id) AS (SELECT id FROM down UNION SELECT id FROM up)
             SELECT json FROM items WHERE id IN (
               SELECT id FROM branch
               UNION SELECT peer FROM links INDEXED BY links_holder WHERE holder IN branch
               UNION SELECT holder FROM links INDEXED BY links_peer WHERE peer IN branch)",
            params![id.number() as i64],
            now,
        )
    }

    fn items_where(
        &self,
        query: &str,
        params: impl rusqlite::Params,
        now: Option<Timestamp>,
    ) -> Result<BTreeMap<WorkItemId, WorkItem>, IndexError> {
        let items = self.read_items(query, params, now)?;
        Ok(items.into_iter().map(|item| (item.id, item)).collect())
    }

    /// The items of `query`'s rows (a `json` column), each as it stands at `now`.
    fn read_items(
        &self,
        query: &str,
        params: impl rusqlite::Params,
        now: Option<Timestamp>,
    ) -> Result<Vec<WorkItem>, IndexError> {
        let mut statement = self.conn.prepare_cached(query)?;
        let rows = statement.query_map(params, |row| row.get::<_, String>(0))?;
        let mut items = Vec::new();
        for json in rows {
            let mut item: WorkItem = serde_json::from_str(&json?)?;
            if let Some(now) = now {
                item.lapse(now);
            }
            items.push(item);
        }
        Ok(items)
    }

    /// The number a `SELECT COUNT(*)` query with these values gives.
    fn count_of(&self, query: &str, values: &[rusqlite::types::Value]) -> Result<usize, IndexError> {
        let count: i64 = self
            .conn
            .query_row(query, rusqlite::params_from_iter(values.iter()), |row| row.get(0))?;
        Ok(count as usize)
    }

    /// Every item, in id order (for checks against the other read paths).
    pub fn all(&self) -> Result<BTreeMap<WorkItemId, WorkItem>, IndexError> {
        let mut statement = self.conn.prepare_cached("SELECT json FROM items ORDER BY id")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        let mut items = BTreeMap::new();
        for json in rows {
            let item: WorkItem = serde_json::from_str(&json?)?;
            items.insert(item.id, item);
        }
        Ok(items)
    }

    /// Streams left out because they cannot be replayed (stream → why).
    pub fn broken(&self) -> Result<BTreeMap<String, String>, IndexError> {
        load_broken(&self.conn)
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
    created_at INTEGER NOT NULL,
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
CREATE INDEX IF NOT EXISTS items_parent ON items (parent);
CREATE INDEX IF NOT EXISTS items_lapses ON items (lapses_at);
CREATE TABLE IF NOT EXISTS links (holder INTEGER NOT NULL, peer INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS links_holder ON links (holder);
CREATE INDEX IF NOT EXISTS links_peer ON links (peer);
CREATE TABLE IF NOT EXISTS broken (stream TEXT PRIMARY KEY, reason TEXT NOT NULL) WITHOUT ROWID;
";

/// The writes of one catch-up, inside its transaction.
struct Writer<'a> {
    tx: &'a Connection,
}

impl Writer<'_> {
    /// Applies the log's events after the checkpoint, page by page.
    fn apply_pages(&self, store: &dyn EventStore) -> Result<(), IndexError> {
        loop {
            let checkpoint = self.meta("checkpoint")?.map_or(0, |v| v as u64);
            let page = store.read_global(checkpoint, PAGE)?;
            if page.is_empty() {
                return Ok(());
            }
            self.apply_page(store, &page)?;
            if page.len() < PAGE {
                return Ok(());
            }
        }
    }

    fn meta(&self, key: &str) -> Result<Option<i64>, IndexError> {
        Ok(self
            .tx
            .query_row("SELECT value FROM meta WHERE key = ?1", params![key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    fn set_meta(&self, key: &str, value: i64) -> Result<(), IndexError> {
        self.tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// True when the log still holds the checkpoint's event at the checkpoint's position.
    fn matches_log(&self, store: &dyn EventStore) -> Result<bool, IndexError> {
        let checkpoint = self.meta("checkpoint")?.map_or(0, |v| v as u64);
        if checkpoint == 0 {
            return Ok(true);
        }
        let (high, low) = (self.meta("event_high")?, self.meta("event_low")?);
        let event = store.read_global(checkpoint - 1, 1)?;
        Ok(event.first().map(|e| split(e.event_id)) == Some((high.unwrap_or(0), low.unwrap_or(0))))
    }

    /// Replaces the whole index with `projection`.
    fn seed(&self, projection: &ItemsProjection) -> Result<(), IndexError> {
        self.tx
            .execute_batch("DELETE FROM items; DELETE FROM links; DELETE FROM broken;")?;
        for item in projection.items.values() {
            self.put(item)?;
        }
        self.put_broken(&projection.broken)?;
        self.set_meta("count", projection.items.len() as i64)?;
        let (ready, _) = ready_and_blocked(&projection.items);
        for item in &ready {
            self.tx.execute(
                "UPDATE items SET ready = 1 WHERE id = ?1",
                params![item.id.number() as i64],
            )?;
        }
        self.set_meta("ready", ready.len() as i64)?;
        self.set_checkpoint(
            projection.checkpoint,
            projection.checkpoint_event(),
            projection.unknown,
        )?;
        self.set_meta("seeded", 1)?;
        Ok(())
    }

    fn set_checkpoint(&self, checkpoint: u64, event: Option<Ulid>, unknown: u64) -> Result<(), IndexError> {
        let (high, low) = event.map_or((0, 0), split);
        self.set_meta("checkpoint", checkpoint as i64)?;
        self.set_meta("event_high", high)?;
        self.set_meta("event_low", low)?;
        self.set_meta("unknown", unknown as i64)?;
        Ok(())
    }

    /// Folds one page of events into the rows of the items it touches.
    fn apply_page(&self, store: &dyn EventStore, page: &[RecordedEvent]) -> Result<(), IndexError> {
        let touched = touched_ids(page);
        let mut items = BTreeMap::new();
        for id in &touched {
            if let Some(item) = self.get(*id)? {
                items.insert(*id, item);
            }
        }
        let before: BTreeSet<WorkItemId> = items.keys().copied().collect();
        // Whose readiness a change can move: the item, its parent, and every item linked to
        // it, before the change and after.
        let mut affected = touched.clone();
        for id in &touched {
            affected.extend(self.neighbours(*id)?);
        }
        let (high, low) = (self.meta("event_high")?, self.meta("event_low")?);
        let event = match (high, low) {
            (Some(high), Some(low)) if (high, low) != (0, 0) => Some(join(high, low)),
            _ => None,
        };
        let mut projection = ItemsProjection::resume(
            self.meta("checkpoint")?.map_or(0, |v| v as u64),
            event,
            self.meta("unknown")?.map_or(0, |v| v as u64),
            items,
            load_broken(self.tx)?,
        );
        for event in page {
            projection.apply(event)?;
        }
        projection.settle(store, None)?;
        let mut count = self.meta("count")?.unwrap_or(0);
        let mut ready = self.meta("ready")?.unwrap_or(0);
        for id in &touched {
            match projection.items.get(id) {
                Some(item) => {
                    self.put(item)?;
                    count += i64::from(!before.contains(id));
                }
                None => {
                    ready -= i64::from(self.delete(*id)?);
                    count -= i64::from(before.contains(id));
                }
            }
        }
        self.tx.execute("DELETE FROM broken", [])?;
        self.put_broken(&projection.broken)?;
        self.set_meta("count", count)?;
        for id in &touched {
            affected.extend(self.neighbours(*id)?);
        }
        for id in affected {
            ready += self.refresh_ready(id)?;
        }
        self.set_meta("ready", ready)?;
        self.set_checkpoint(
            projection.checkpoint,
            projection.checkpoint_event(),
            projection.unknown,
        )?;
        Ok(())
    }

    /// The ids of `id`'s parent, children and linked items, as the rows stand.
    fn neighbours(&self, id: WorkItemId) -> Result<Vec<WorkItemId>, IndexError> {
        let mut statement = self.tx.prepare_cached(
            "SELECT parent FROM items WHERE id = ?1 AND parent IS NOT NULL
             UNION SELECT id FROM items WHERE parent = ?1
             UNION SELECT peer FROM links WHERE holder = ?1
             UNION SELECT holder FROM links WHERE peer = ?1",
        )?;
        let rows = statement.query_map(params![id.number() as i64], |row| row.get::<_, i64>(0))?;
        let mut ids = Vec::new();
        for number in rows {
            ids.extend(WorkItemId::new(number? as u64));
        }
        Ok(ids)
    }

    /// Sets `id`'s ready flag from the domain's rule applied to its neighbourhood (all that
    /// rule looks at for one item); returns how the number of ready items moved.
    fn refresh_ready(&self, id: WorkItemId) -> Result<i64, IndexError> {
        let was: Option<bool> = self
            .tx
            .query_row(
                "SELECT ready FROM items WHERE id = ?1",
                params![id.number() as i64],
                |row| row.get(0),
            )
            .optional()?;
        let Some(was) = was else {
            return Ok(0);
        };
        let near: BTreeMap<WorkItemId, WorkItem> = neighbourhood(self.tx, id)?
            .into_iter()
            .map(|item| (item.id, item))
            .collect();
        let now = ready_and_blocked(&near).0.iter().any(|item| item.id == id);
        if now != was {
            self.tx.execute(
                "UPDATE items SET ready = ?2 WHERE id = ?1",
                params![id.number() as i64, now],
            )?;
        }
        Ok(i64::from(now) - i64::from(was))
    }

    fn get(&self, id: WorkItemId) -> Result<Option<WorkItem>, IndexError> {
        let json: Option<String> = self
            .tx
            .query_row(
                "SELECT json FROM items WHERE id = ?1",
                params![id.number() as i64],
                |row| row.get(0),
            )
            .optional()?;
        Ok(json.map(|json| serde_json::from_str(&json)).transpose()?)
    }

    fn put(&self, item: &WorkItem) -> Result<(), IndexError> {
        let number = item.id.number() as i64;
        let lapses_at = item
            .claim
            .as_ref()
            .filter(|claim| item.status == Status::InProgress && !claim.expired)
            .and_then(|claim| claim.until)
            .map(|until| until.unix_micros());
        self.tx.execute(
            "INSERT INTO items (id, status, parent, lapses_at, priority_rank, due, created_at,
               work_type, priority, assignee, title, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (id) DO UPDATE SET status = excluded.status, parent = excluded.parent,
               lapses_at = excluded.lapses_at, priority_rank = excluded.priority_rank,
               due = excluded.due, created_at = excluded.created_at,
               work_type = excluded.work_type, priority = excluded.priority,
               assignee = excluded.assignee, title = excluded.title, json = excluded.json",
            params![
                number,
                item.status.to_string(),
                item.parent.map(|p| p.number() as i64),
                lapses_at,
                item.priority_rank() as i64,
                item.due.map(|due| due.unix_micros()),
                item.created_at.unix_micros(),
                item.work_type.to_string(),
                item.priority.to_string(),
                item.assignee,
                item.title,
                serde_json::to_string(item)?,
            ],
        )?;
        self.tx
            .execute("DELETE FROM links WHERE holder = ?1", params![number])?;
        for dependency in &item.dependencies {
            self.tx.execute(
                "INSERT INTO links (holder, peer) VALUES (?1, ?2)",
                params![number, dependency.id.number() as i64],
            )?;
        }
        Ok(())
    }

    /// Removes the item's rows; returns whether it was counted as ready.
    fn delete(&self, id: WorkItemId) -> Result<bool, IndexError> {
        let number = id.number() as i64;
        let ready: Option<bool> = self
            .tx
            .query_row("SELECT ready FROM items WHERE id = ?1", params![number], |row| {
                row.get(0)
            })
            .optional()?;
        self.tx
            .execute("DELETE FROM items WHERE id = ?1", params![number])?;
        self.tx
            .execute("DELETE FROM links WHERE holder = ?1", params![number])?;
        Ok(ready == Some(true))
    }

    fn put_broken(&self, broken: &BTreeMap<String, String>) -> Result<(), IndexError> {
        for (stream, reason) in broken {
            self.tx.execute(
                "INSERT INTO broken (stream, reason) VALUES (?1, ?2)",
                params![stream, reason],
            )?;
        }
        Ok(())
    }
}

/// `id`, its parent, its children and the items linked to it either way.
fn neighbourhood(conn: &Connection, id: WorkItemId) -> Result<Vec<WorkItem>, IndexError> {
    let number = id.number() as i64;
    let mut statement = conn.prepare_cached(
        "SELECT json FROM items WHERE id = ?1 OR parent = ?1
           OR id = (SELECT parent FROM items WHERE id = ?1)
           OR id IN (SELECT peer FROM links WHERE holder = ?1)
           OR id IN (SELECT holder FROM links WHERE peer = ?1)
         ORDER BY id",
    )?;
    let rows = statement.query_map(params![number], |row| row.get::<_, String>(0))?;
    let mut items = Vec::new();
    for json in rows {
        items.push(serde_json::from_str(&json?)?);
    }
    Ok(items)
}

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

/// Whether a row whose JSON text is `json` may hold an item a search for `needle` (lower
/// case, printable ASCII but `"` and `\`, all of which JSON writes as they are) keeps:
/// when the text holds the needle in any ASCII case, or any character beyond ASCII —
/// Unicode lower-casing makes ASCII of a few (the Kelvin sign becomes `k`), so such a row
/// is left to the search itself. A superset, never a miss, at memchr's speed rather than
/// decoding every row.
fn may_mention(json: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    !json.is_ascii()
        || memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), json).any(|at| {
            json.get(at..at + needle.len())
                .is_some_and(|window| window.eq_ignore_ascii_case(needle))
        })
}

/// SQL conditions on the `items` table (with their values, in order) that every item
/// `filter` keeps meets, each a superset of the filter's own test (a label by its JSON text
/// anywhere in the item); status and assignee are or'ed with a lapse by `lapse`.
fn narrowing(
    filter: &ItemFilter,
    lapse: Lapse,
) -> Result<(Vec<String>, Vec<rusqlite::types::Value>), IndexError> {
    use rusqlite::types::Value;
    let mut conditions = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut one_of = |column: &str, wanted: Vec<String>, conditions: &mut Vec<String>| {
        if !wanted.is_empty() {
            conditions.push(format!("{column} IN ({})", vec!["?"; wanted.len()].join(", ")));
            values.extend(wanted.into_iter().map(Value::Text));
        }
    };
    one_of(
        "work_type",
        filter.types.iter().map(ToString::to_string).collect(),
        &mut conditions,
    );
    one_of(
        "priority",
        filter.priorities.iter().map(ToString::to_string).collect(),
        &mut conditions,
    );
    let mut held = Vec::new();
    one_of(
        "status",
        filter.statuses.iter().map(ToString::to_string).collect(),
        &mut held,
    );
    match &filter.assignee {
        Some(Assignee::Nobody) => held.push("assignee IS NULL".to_owned()),
        Some(Assignee::Named(who)) => {
            held.push("assignee = ?".to_owned());
            values.push(Value::Text(who.clone()));
        }
        None => {}
    }
    if !held.is_empty() {
        let lapsed = match lapse {
            Lapse::By(now) => {
                values.push(Value::Integer(now.unix_micros()));
                " OR lapses_at <= ?"
            }
            Lapse::Never => "",
        };
        conditions.push(format!("(({}){lapsed})", held.join(" AND ")));
    }
    if let Some(parent) = filter.parent {
        conditions.push("parent = ?".to_owned());
        values.push(Value::Integer(parent.number() as i64));
    }
    for label in &filter.labels {
        conditions.push("instr(json, ?) > 0".to_owned());
        values.push(Value::Text(serde_json::to_string(label)?));
    }
    for before in [filter.due_before, filter.overdue_at].into_iter().flatten() {
        conditions.push("due < ?".to_owned());
        values.push(Value::Integer(before.unix_micros()));
    }
    // A needle JSON would escape (a quote, a backslash, a control character) or that is not
    // ASCII is left to the search alone: its text in the row is not the needle's.
    if let Some(needle) = filter.search.as_deref().map(str::to_lowercase) {
        if needle
            .bytes()
            .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
        {
            conditions.push("jerry_may_mention(json, ?)".to_owned());
            values.push(Value::Text(needle));
        }
    }
    Ok((conditions, values))
}

/// `conditions` joined with `AND`, after `lead` (`WHERE`, or `AND` to extend one); empty
/// for none.
fn where_clause(conditions: &[String], lead: &str) -> String {
    if conditions.is_empty() {
        String::new()
    } else {
        format!("{lead} {}", conditions.join(" AND "))
    }
}

/// The order of ready work: priority, then the earliest due date (none last), then age.
fn ready_key(item: &WorkItem) -> (usize, bool, Option<Timestamp>, Timestamp, WorkItemId) {
    (
        item.priority_rank(),
        item.due.is_none(),
        item.due,
        item.created_at,
        item.id,
    )
}

fn load_broken(conn: &Connection) -> Result<BTreeMap<String, String>, IndexError> {
    let mut statement = conn.prepare_cached("SELECT stream, reason FROM broken")?;
    let rows = statement.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
    let mut broken = BTreeMap::new();
    for row in rows {
        let (stream, reason) = row?;
        broken.insert(stream, reason);
    }
    Ok(broken)
}

/// The items a page of events can change: each event's own item, and the item a
/// renumbering moved away from.
fn touched_ids(page: &[RecordedEvent]) -> BTreeSet<WorkItemId> {
    let mut ids = BTreeSet::new();
    for event in page.iter().filter(|e| e.aggregate_type == AGGREGATE_TYPE) {
        if let Ok(id) = event.aggregate_id.parse() {
            ids.insert(id);
        }
        if let Some(old) = event
            .payload
            .get("old_display_id")
            .and_then(|v| v.as_str())
            .and_then(|v| v.parse().ok())
        {
            ids.insert(old);
        }
    }
    ids
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
