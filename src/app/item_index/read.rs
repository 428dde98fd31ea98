//! What the index answers: pages, counts, one item and its links, ready work, the
//! whole model; each a query that reads the rows it returns.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, Connection};

use crate::domain::graph::{blocking_edges, ready_and_blocked, BlockingEdges};
use crate::domain::{Status, WorkItem, WorkItemId};
use crate::timestamp::Timestamp;

use super::*;
use crate::app::{AppError, ItemFilter, ItemSummary, SortKey};

impl ItemIndex {
    /// The stored JSON of the first `limit` items in id order, each as it stands at `now`
    /// (a claim that ran out is decoded, lapsed and encoded again; every other row is
    /// passed on as stored). For a list printed whole: nothing is decoded that need not be,
    /// and nothing is held but one row.
    pub fn each_json<E: From<AppError>>(
        &self,
        limit: usize,
        now: Option<Timestamp>,
        open_only: bool,
        mut each: impl FnMut(&str) -> Result<(), E>,
    ) -> Result<usize, E> {
        let now_micros = now.map_or(i64::MIN, |now| now.unix_micros());
        let custom_prefix = crate::domain::ids::shown_prefix() != crate::domain::ids::CANONICAL_PREFIX;
        let query = format!(
            "SELECT json, lapses_at FROM items {} ORDER BY id",
            open_rows(open_only)
        );
        self.each_row(
            &query,
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
                    // Rows hold ids as stored (`WORK-007`): shown with the project's prefix.
                    _ if custom_prefix => {
                        let item: WorkItem = serde_json::from_str(&json)?;
                        serde_json::to_string(&item)?
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
        open_only: bool,
        each: impl FnMut(ItemSummary) -> Result<(), E>,
    ) -> Result<usize, E> {
        let now_micros = now.map_or(i64::MIN, |now| now.unix_micros());
        let query = format!(
            "SELECT id, work_type, priority, status, assignee, due, title, lapses_at, \
             CASE WHEN lapses_at <= ?1 THEN json END FROM items {} ORDER BY id",
            open_rows(open_only)
        );
        self.each_row(
            &query,
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
    pub(super) fn each_row<T, E: From<AppError>>(
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

    /// True when some open item still waits at `at`: only then does hiding the waiting
    /// items change a list (a read through the partial index of waits, a few rows).
    pub fn any_waiting(&self, at: Timestamp) -> Result<bool, IndexError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM items INDEXED BY items_wait WHERE wait > ?1 LIMIT 1",
                params![at.unix_micros()],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// True when `waiting` leaves out no item at all: nothing is hidden, or nothing waits.
    pub fn hides_nothing(&self, waiting: crate::app::Waiting) -> Result<bool, IndexError> {
        Ok(match waiting {
            crate::app::Waiting::Kept => true,
            crate::app::Waiting::Hidden(at) => !self.any_waiting(at)?,
            crate::app::Waiting::Only(_) => false,
        })
    }

    /// How many items the index holds.
    pub fn count(&self) -> Result<usize, IndexError> {
        Ok(self.meta("count")?.map_or(0, |v| v as usize))
    }

    /// How many items are open (pending, in progress or blocked). A claim running out moves
    /// an item from in progress to pending, open either way, so the stored status tells.
    pub fn count_open(&self) -> Result<usize, IndexError> {
        let closed = self.conn.query_row(
            "SELECT COUNT(*) FROM items INDEXED BY items_status WHERE status IN ('done', 'cancelled')",
            [],
            |row| row.get::<_, i64>(0),
        )? as usize;
        Ok(self.count()?.saturating_sub(closed))
    }

    /// The first `limit` items in id order whose status (as they stand at `now`) is one of
    /// `statuses` (any when empty), and how many match in all.
    pub fn page(
        &self,
        statuses: &[Status],
        limit: usize,
        cap: Option<usize>,
        now: Option<Timestamp>,
    ) -> Result<(Vec<WorkItem>, usize, bool), IndexError> {
        let now_micros = now.map_or(i64::MIN, |now| now.unix_micros());
        let lapsed = self.lapsed(now_micros)?;
        let wanted = |status: Status| statuses.is_empty() || statuses.contains(&status);
        // Rows counted per status at most: past them the total is "more than".
        let cap = cap.map(|cap| cap.max(limit));
        let upto = cap.map_or(i64::MAX, |cap| {
            i64::try_from(cap.saturating_add(lapsed + 1)).unwrap_or(i64::MAX)
        });
        // Items whose claim ran out read as pending: they count where pending does.
        let mut total = if statuses.is_empty() {
            self.meta("count")?.map_or(0, |v| v as usize)
        } else {
            let mut total = 0;
            // Each status once: `--status closed --status done` names done twice.
            for status in statuses.iter().collect::<BTreeSet<_>>() {
                total += self.conn.query_row(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM items INDEXED BY items_status WHERE status = ?1 LIMIT ?2)",
                    params![status.to_string(), upto],
                    |row| row.get::<_, i64>(0),
                )? as usize;
            }
            total
        };
        total += lapsed * usize::from(wanted(Status::Pending));
        total = total.saturating_sub(lapsed * usize::from(wanted(Status::InProgress)));
        let (total, capped) = match cap {
            Some(cap) if total > cap => (cap, true),
            _ => (total, false),
        };
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
            return Ok((items, total, capped));
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
        Ok((items, total, capped))
    }

    /// How many items' claims have run out by `now` (stored as still in progress).
    pub(super) fn lapsed(&self, now_micros: i64) -> Result<usize, IndexError> {
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
    pub(super) fn lapsed_ready(&self, now: Option<Timestamp>) -> Result<Vec<WorkItem>, IndexError> {
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
    pub(super) fn merge_ready(
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

    /// The first `limit` items `filter` keeps, in its order, and how many it keeps in all,
    /// when SQL can answer the filter exactly (no label, text or overdue test, and no claim
    /// run out when a status or an assignee is asked, or the sort is by status); `None`
    /// otherwise.
    pub fn page_exact(
        &self,
        filter: &ItemFilter,
        limit: usize,
        now: Option<Timestamp>,
    ) -> Result<Option<(Vec<WorkItem>, usize, bool)>, IndexError> {
        let plain = ItemFilter {
            sort: None,
            reverse: false,
            ..filter.clone()
        };
        if !self.exact_in_sql(&plain, now)? {
            return Ok(None);
        }
        // A sort by status reads the stored status: exact only while no claim has run out
        // (a lapsed claim reads as pending).
        if let (Some(SortKey::Status), Some(now)) = (filter.sort, now) {
            if self.lapsed(now.unix_micros())? != 0 {
                return Ok(None);
            }
        }
        let (conditions, values) = narrowing(filter, Lapse::Never)?;
        let matching = where_clause(&conditions, "WHERE");
        // What waits is few, and found through its own index; without statistics SQLite
        // walked every open item's row through the status index instead (24 ms at 100,000
        // items for the note a plain `items list` prints, against 0.04 ms).
        let items = match filter.waiting {
            crate::app::Waiting::Only(_) => "items INDEXED BY items_wait",
            _ => "items",
        };
        let cap = filter
            .count_up_to
            .filter(|_| filter.limit.is_some())
            .map(|cap| cap.max(limit));
        let (total, capped) = match cap {
            Some(cap) => {
                let counted = self.count_of(
                    &format!(
                        "SELECT COUNT(*) FROM (SELECT 1 FROM {items} {matching} LIMIT {})",
                        // SQLite reads a LIMIT past i64::MAX as a real, and refuses it.
                        cap.saturating_add(1).min(i64::MAX as usize)
                    ),
                    &values,
                )?;
                (counted.min(cap), counted > cap)
            }
            None => (
                self.count_of(&format!("SELECT COUNT(*) FROM {items} {matching}"), &values)?,
                false,
            ),
        };
        let query = match sorted_by(filter.sort, filter.reverse) {
            None => format!("SELECT json FROM {items} {matching} ORDER BY id LIMIT {limit}"),
            // Many matches: the key's index walked in order, stopping at the page's end (no
            // sort of every match: `--sort created --limit 20` at 100,000 items, 370 ms).
            Some((index, order)) if capped || total > SORT_IN_MEMORY => {
                let from =
                    index.map_or_else(|| "items".to_owned(), |index| format!("items INDEXED BY {index}"));
                format!("SELECT json FROM {from} {matching} ORDER BY {order} LIMIT {limit}")
            }
            // Few: the filter's own index finds them and they are sorted, the key's index
            // kept out of it (walking it for a few matches reads every row).
            Some((_, order)) => {
                format!("SELECT json FROM {items} {matching} ORDER BY +{order} LIMIT {limit}")
            }
        };
        let items = self.read_items(&query, rusqlite::params_from_iter(values), now)?;
        Ok(Some((items, total, capped)))
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
    pub(super) fn exact_in_sql(
        &self,
        filter: &ItemFilter,
        now: Option<Timestamp>,
    ) -> Result<bool, IndexError> {
        let plain = filter.labels.is_empty()
            && filter.search.is_none()
            && filter.overdue_at.is_none()
            && filter.stale_before.is_none()
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

    /// [`Self::candidates`] one at a time, while `each` says go on; true if it said stop
    /// (a page that stopped counting).
    pub fn scan_candidates(
        &self,
        filter: &ItemFilter,
        now: Option<Timestamp>,
        mut each: impl FnMut(WorkItem) -> bool,
    ) -> Result<bool, IndexError> {
        let (conditions, values) = narrowing(filter, now.map_or(Lapse::Never, Lapse::By))?;
        let matching = where_clause(&conditions, "WHERE");
        let mut statement = self
            .conn
            .prepare_cached(&format!("SELECT json FROM items {matching} ORDER BY id"))?;
        let mut rows = statement.query(rusqlite::params_from_iter(values))?;
        while let Some(row) = rows.next()? {
            let mut item: WorkItem = serde_json::from_str(&row.get::<_, String>(0)?)?;
            if let Some(now) = now {
                item.lapse(now);
            }
            if !each(item) {
                return Ok(true);
            }
        }
        Ok(false)
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

    pub(super) fn items_where(
        &self,
        query: &str,
        params: impl rusqlite::Params,
        now: Option<Timestamp>,
    ) -> Result<BTreeMap<WorkItemId, WorkItem>, IndexError> {
        let items = self.read_items(query, params, now)?;
        Ok(items.into_iter().map(|item| (item.id, item)).collect())
    }

    /// The items of `query`'s rows (a `json` column), each as it stands at `now`.
    pub(super) fn read_items(
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
    pub(super) fn count_of(
        &self,
        query: &str,
        values: &[rusqlite::types::Value],
    ) -> Result<usize, IndexError> {
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

    /// Every item's id, in order: what a shell completes, without reading one item.
    pub fn ids(&self) -> Result<Vec<WorkItemId>, IndexError> {
        let mut statement = self.conn.prepare_cached("SELECT id FROM items ORDER BY id")?;
        let rows = statement.query_map([], |row| row.get::<_, i64>(0))?;
        let mut ids = Vec::new();
        for number in rows {
            ids.extend(u64::try_from(number?).ok().and_then(WorkItemId::new));
        }
        Ok(ids)
    }

    /// Streams left out because they cannot be replayed (stream → why).
    pub fn broken(&self) -> Result<BTreeMap<String, String>, IndexError> {
        load_broken(&self.conn)
    }
}

/// A row's table columns, checked as they are read (the short ones parsed where SQLite
/// keeps them, without a `String` each).
pub(super) fn summary_of(row: &rusqlite::Row<'_>) -> Result<ItemSummary, IndexError> {
    let bad = |what: &str, value: &str| {
        IndexError::Sqlite(rusqlite::Error::InvalidColumnType(
            0,
            format!("{what} {value}"),
            rusqlite::types::Type::Text,
        ))
    };
    pub(super) fn column<T: std::str::FromStr>(
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
pub(super) fn read_error<E: From<AppError>>(err: impl Into<IndexError>) -> E {
    E::from(AppError::from(err.into()))
}

/// `id`, its parent, its children and the items linked to it either way.
pub(super) fn neighbourhood(conn: &Connection, id: WorkItemId) -> Result<Vec<WorkItem>, IndexError> {
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

/// The order of ready work: priority, then the earliest due date (none last), then age.
pub(super) fn ready_key(item: &WorkItem) -> (usize, bool, Option<Timestamp>, Timestamp, WorkItemId) {
    (
        item.priority_rank(),
        item.due.is_none(),
        item.due,
        item.created_at,
        item.id,
    )
}

/// The `WHERE` that keeps open rows only (exact: a lapsed claim leaves an item open), or
/// nothing.
fn open_rows(open_only: bool) -> &'static str {
    if open_only {
        "WHERE status NOT IN ('done', 'cancelled')"
    } else {
        ""
    }
}

/// Matches a sorted page sorts in memory rather than walk its key's index for.
const SORT_IN_MEMORY: usize = 1000;

/// For a sorted (or reversed) list, the index that holds its order and the `ORDER BY`
/// that gives it, as [`ItemFilter::apply`] sorts: by the key, ties by id, and `reverse`
/// turning the whole order round. `None` for id order.
fn sorted_by(sort: Option<SortKey>, reverse: bool) -> Option<(Option<&'static str>, String)> {
    let (up, down) = if reverse { (" DESC", "") } else { ("", " DESC") };
    Some(match sort {
        None | Some(SortKey::Id) if !reverse => return None,
        None | Some(SortKey::Id) => (None, "id DESC".to_owned()),
        Some(SortKey::Priority) => (Some("items_order_priority"), format!("priority_rank{up}, id{up}")),
        Some(SortKey::Created) => (Some("items_order_created"), format!("created_at{up}, id{up}")),
        // The most recently changed first.
        Some(SortKey::Updated) => (Some("items_order_updated"), format!("updated_at{down}, id{up}")),
        // Those with a date first, earliest first.
        Some(SortKey::Due) => (
            Some("items_order_due"),
            format!("due IS NULL{up}, due{up}, id{up}"),
        ),
        Some(SortKey::Status) => (Some("items_order_status"), format!("status_rank{up}, id{up}")),
    })
}
