//! Catching up: the writes of one page of events, inside its transaction.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, Connection, OptionalExtension};
use ulid::Ulid;

use crate::domain::graph::ready_and_blocked;
use crate::domain::{Status, WorkItem, WorkItemId, AGGREGATE_TYPE};
use crate::store::{EventStore, RecordedEvent};

use super::*;
use crate::app::event_log::PAGE;
use crate::app::ItemsProjection;

/// The writes of one catch-up, inside its transaction.
pub(super) struct Writer<'a> {
    pub(super) tx: &'a Connection,
}

impl Writer<'_> {
    /// Applies the log's events after the checkpoint, page by page.
    pub(super) fn apply_pages(&self, store: &dyn EventStore) -> Result<(), IndexError> {
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

    pub(super) fn meta(&self, key: &str) -> Result<Option<i64>, IndexError> {
        Ok(self
            .tx
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
            .query_row(params![key], |row| row.get(0))
            .optional()?)
    }

    pub(super) fn set_meta(&self, key: &str, value: i64) -> Result<(), IndexError> {
        self.tx
            .prepare_cached(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![key, value])?;
        Ok(())
    }

    /// True when the log still holds the checkpoint's event at the checkpoint's position.
    pub(super) fn matches_log(&self, store: &dyn EventStore) -> Result<bool, IndexError> {
        let checkpoint = self.meta("checkpoint")?.map_or(0, |v| v as u64);
        if checkpoint == 0 {
            return Ok(true);
        }
        let (high, low) = (self.meta("event_high")?, self.meta("event_low")?);
        let event = store.read_global(checkpoint - 1, 1)?;
        Ok(event.first().map(|e| split(e.event_id)) == Some((high.unwrap_or(0), low.unwrap_or(0))))
    }

    /// Replaces the whole index with `projection`. Deleted items have no row: every read
    /// the index answers (lists, ready, counts) is of items not deleted, and `--status
    /// deleted` reads the whole model.
    pub(super) fn seed(&self, projection: &ItemsProjection) -> Result<(), IndexError> {
        self.tx
            .execute_batch("DELETE FROM items; DELETE FROM links; DELETE FROM broken;")?;
        self.drop_flow()?;
        let mut count = 0;
        for item in projection.items.values().filter(|item| indexed(item)) {
            self.put(item)?;
            count += 1;
        }
        self.put_broken(&projection.broken)?;
        self.set_meta("count", count)?;
        let (ready, _) = ready_and_blocked(&projection.items);
        let mut mark = self
            .tx
            .prepare_cached("UPDATE items SET ready = 1 WHERE id = ?1")?;
        for item in &ready {
            mark.execute(params![item.id.number() as i64])?;
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

    pub(super) fn set_checkpoint(
        &self,
        checkpoint: u64,
        event: Option<Ulid>,
        unknown: u64,
    ) -> Result<(), IndexError> {
        let (high, low) = event.map_or((0, 0), split);
        self.set_meta("checkpoint", checkpoint as i64)?;
        self.set_meta("event_high", high)?;
        self.set_meta("event_low", low)?;
        self.set_meta("unknown", unknown as i64)?;
        Ok(())
    }

    /// Folds one page of events into the rows of the items it touches.
    pub(super) fn apply_page(
        &self,
        store: &dyn EventStore,
        page: &[RecordedEvent],
    ) -> Result<(), IndexError> {
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
        let mut flow = if self.keeps_flow()? {
            Some(FlowPage::start(self, &touched, &before)?)
        } else {
            None
        };
        for event in page {
            projection.apply(event)?;
            if let Some(flow) = &mut flow {
                flow.observe(&projection, event);
            }
        }
        let settled = projection.to_settle().clone();
        projection.settle(store, None)?;
        if let Some(flow) = flow {
            flow.finish(self, store, &projection, &settled)?;
        }
        let mut count = self.meta("count")?.unwrap_or(0);
        let mut ready = self.meta("ready")?.unwrap_or(0);
        for id in &touched {
            match projection.items.get(id).filter(|item| indexed(item)) {
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
    pub(super) fn neighbours(&self, id: WorkItemId) -> Result<Vec<WorkItemId>, IndexError> {
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
    pub(super) fn refresh_ready(&self, id: WorkItemId) -> Result<i64, IndexError> {
        let was: Option<bool> = self
            .tx
            .prepare_cached("SELECT ready FROM items WHERE id = ?1")?
            .query_row(params![id.number() as i64], |row| row.get(0))
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
            self.tx
                .prepare_cached("UPDATE items SET ready = ?2 WHERE id = ?1")?
                .execute(params![id.number() as i64, now])?;
        }
        Ok(i64::from(now) - i64::from(was))
    }

    pub(super) fn get(&self, id: WorkItemId) -> Result<Option<WorkItem>, IndexError> {
        let json: Option<String> = self
            .tx
            .prepare_cached("SELECT json FROM items WHERE id = ?1")?
            .query_row(params![id.number() as i64], |row| row.get(0))
            .optional()?;
        Ok(json.map(|json| serde_json::from_str(&json)).transpose()?)
    }

    pub(super) fn put(&self, item: &WorkItem) -> Result<(), IndexError> {
        let number = item.id.number() as i64;
        let lapses_at = item
            .claim
            .as_ref()
            .filter(|claim| item.status == Status::InProgress && !claim.expired)
            .and_then(|claim| claim.until)
            .map(|until| until.unix_micros());
        // Prepared once a connection (a seed writes 100,000 rows: compiling the statement
        // for each was a third of building the index).
        self.tx
            .prepare_cached(
                "INSERT INTO items (id, status, parent, lapses_at, priority_rank, due, created_at,
               work_type, priority, assignee, title, json, wait, updated_at, status_rank)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
             ON CONFLICT (id) DO UPDATE SET status = excluded.status, parent = excluded.parent,
               lapses_at = excluded.lapses_at, priority_rank = excluded.priority_rank,
               due = excluded.due, created_at = excluded.created_at,
               work_type = excluded.work_type, priority = excluded.priority,
               assignee = excluded.assignee, title = excluded.title, json = excluded.json,
               wait = excluded.wait, updated_at = excluded.updated_at,
               status_rank = excluded.status_rank",
            )?
            .execute(params![
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
                crate::domain::ids::canonically(|| serde_json::to_string(item))?,
                // Only an open item waits (see `WorkItem::waiting_at`).
                item.wait
                    .filter(|_| item.status.is_open())
                    .map(|wait| wait.unix_micros()),
                item.updated_at.unix_micros(),
                Status::ALL
                    .iter()
                    .position(|status| *status == item.status)
                    .unwrap_or(Status::ALL.len()) as i64,
            ])?;
        self.tx
            .prepare_cached("DELETE FROM links WHERE holder = ?1")?
            .execute(params![number])?;
        for dependency in &item.dependencies {
            self.tx
                .prepare_cached("INSERT INTO links (holder, peer) VALUES (?1, ?2)")?
                .execute(params![number, dependency.id.number() as i64])?;
        }
        Ok(())
    }

    /// Removes the item's rows; returns whether it was counted as ready.
    pub(super) fn delete(&self, id: WorkItemId) -> Result<bool, IndexError> {
        let number = id.number() as i64;
        let ready: Option<bool> = self
            .tx
            .prepare_cached("SELECT ready FROM items WHERE id = ?1")?
            .query_row(params![number], |row| row.get(0))
            .optional()?;
        self.tx
            .prepare_cached("DELETE FROM items WHERE id = ?1")?
            .execute(params![number])?;
        self.tx
            .prepare_cached("DELETE FROM links WHERE holder = ?1")?
            .execute(params![number])?;
        Ok(ready == Some(true))
    }

    pub(super) fn put_broken(&self, broken: &BTreeMap<String, String>) -> Result<(), IndexError> {
        for (stream, reason) in broken {
            self.tx
                .prepare_cached("INSERT INTO broken (stream, reason) VALUES (?1, ?2)")?
                .execute(params![stream, reason])?;
        }
        Ok(())
    }
}

/// The items a page of events can change: each event's own item, and the item a
/// renumbering moved away from.
pub(super) fn touched_ids(page: &[RecordedEvent]) -> BTreeSet<WorkItemId> {
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

pub(super) fn load_broken(conn: &Connection) -> Result<BTreeMap<String, String>, IndexError> {
    let mut statement = conn.prepare_cached("SELECT stream, reason FROM broken")?;
    let rows = statement.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)))?;
    let mut broken = BTreeMap::new();
    for row in rows {
        let (stream, reason) = row?;
        broken.insert(stream, reason);
    }
    Ok(broken)
}

/// Whether the item has a row: every item but a deleted one.
fn indexed(item: &WorkItem) -> bool {
    item.status != crate::domain::Status::Deleted
}
