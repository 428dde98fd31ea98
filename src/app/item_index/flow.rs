//! The flow chart's data kept with the index: each item's status steps, and per day what
//! they moved ([`Ledger`]), so `GET /api/flow` reads a few hundred day rows and the latest
//! cycles instead of replaying every stream (368 ms at 10,000 items, growing with the log).
//!
//! Kept only once asked for: the first [`ItemIndex::flow`] reads every stream once (what a
//! flow cost before) and from then on each catch-up moves the steps of the items its page
//! touched — an event appended in item order extends its item's steps, an item the
//! projection reads again whole (events merged from another clone, a restore, a
//! renumbering) has its steps read again from its stream. A reseeded index drops them.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, OptionalExtension};

use crate::app::repository::{stream_for, ItemRepository};
use crate::app::ItemsProjection;
use crate::domain::flow::{cycle_time, day_of, days, CycleTime, DayMoves, Flow, Ledger, MAX_CYCLES};
use crate::domain::{Status, WorkItemId, AGGREGATE_TYPE};
use crate::store::{EventStore, RecordedEvent};
use crate::timestamp::Timestamp;

use super::*;

pub(super) const FLOW_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS flow_items (
    id INTEGER PRIMARY KEY,
    -- The steps, 9 bytes each: the time (microseconds, little-endian) and the status's slot.
    steps BLOB NOT NULL,
    -- Set for a done item that was started: its cycle.
    started INTEGER,
    finished INTEGER
);
CREATE INDEX IF NOT EXISTS flow_cycles ON flow_items (finished, id) WHERE finished IS NOT NULL;
CREATE TABLE IF NOT EXISTS flow_days (
    day INTEGER PRIMARY KEY,
    pending INTEGER NOT NULL, in_progress INTEGER NOT NULL, blocked INTEGER NOT NULL,
    done INTEGER NOT NULL, cancelled INTEGER NOT NULL, deleted INTEGER NOT NULL,
    firsts INTEGER NOT NULL, lasts INTEGER NOT NULL
);
";

type Steps = Vec<(Timestamp, Status)>;

fn encode(steps: &[(Timestamp, Status)]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(steps.len() * 9);
    for &(at, status) in steps {
        bytes.extend_from_slice(&at.unix_micros().to_le_bytes());
        bytes.push(crate::domain::flow::slot(status) as u8);
    }
    bytes
}

/// `None` for bytes [`encode`] did not write (the row is read again from the log).
fn decode(bytes: &[u8]) -> Option<Steps> {
    if bytes.len() % 9 != 0 {
        return None;
    }
    bytes
        .chunks_exact(9)
        .map(|chunk| {
            let micros = i64::from_le_bytes(chunk[..8].try_into().ok()?);
            let status = Status::ALL
                .into_iter()
                .find(|status| crate::domain::flow::slot(*status) == usize::from(chunk[8]))?;
            Some((Timestamp::from_unix_micros(micros)?, status))
        })
        .collect()
}

impl ItemIndex {
    /// The project's flow through `now` (through its last change when `None`), from the
    /// kept steps, which the first call reads from the log.
    pub fn flow(&mut self, store: &dyn EventStore, now: Option<Timestamp>) -> Result<Flow, IndexError> {
        if self.meta("flow")?.is_none() {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let writer = Writer { tx: &tx };
            if writer.meta("flow")?.is_none() {
                writer.seed_flow(store)?;
            }
            tx.commit()?;
        }
        let mut ledger = Ledger::default();
        let mut statement = self.conn.prepare_cached(
            "SELECT day, pending, in_progress, blocked, done, cancelled, deleted, firsts, lasts
             FROM flow_days ORDER BY day",
        )?;
        let rows = statement.query_map([], |row| {
            let mut moves = DayMoves::default();
            for (slot, count) in moves.counts.iter_mut().enumerate() {
                *count = row.get(slot + 1)?;
            }
            moves.firsts = row.get(7)?;
            moves.lasts = row.get(8)?;
            Ok((row.get::<_, i64>(0)?, moves))
        })?;
        for row in rows {
            let (day, moves) = row?;
            ledger.days.insert(day, moves);
        }
        let mut statement = self.conn.prepare_cached(
            "SELECT id, started, finished FROM flow_items WHERE finished IS NOT NULL
             ORDER BY finished DESC, id DESC LIMIT ?1",
        )?;
        let rows = statement.query_map(params![MAX_CYCLES as i64], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, i64>(2)?,
            ))
        })?;
        let mut cycle_times = Vec::with_capacity(MAX_CYCLES);
        for row in rows {
            let (id, started, finished) = row?;
            let (Some(id), Some(started), Some(finished)) = (
                WorkItemId::new(id as u64),
                Timestamp::from_unix_micros(started),
                Timestamp::from_unix_micros(finished),
            ) else {
                continue;
            };
            cycle_times.push(CycleTime {
                id,
                started,
                finished,
                seconds: finished.seconds_since(&started),
            });
        }
        cycle_times.reverse();
        let cycles = usize::try_from(self.meta("cycles")?.unwrap_or(0)).unwrap_or(0);
        Ok(Flow {
            days: days(&ledger, now.map(day_of)),
            cycle_times,
            cycles,
        })
    }
}

impl Writer<'_> {
    /// Whether the index keeps the flow (see the module's doc).
    pub(super) fn keeps_flow(&self) -> Result<bool, IndexError> {
        Ok(self.meta("flow")?.is_some())
    }

    /// Forgets the kept flow: read again from the log when next asked for.
    pub(super) fn drop_flow(&self) -> Result<(), IndexError> {
        self.tx.execute_batch(
            "DELETE FROM flow_items; DELETE FROM flow_days;
             DELETE FROM meta WHERE key IN ('flow', 'cycles');",
        )?;
        Ok(())
    }

    /// Reads every item's steps from its stream, up to the checkpoint. Streams the index
    /// holds as broken are left out, as the items are.
    fn seed_flow(&self, store: &dyn EventStore) -> Result<(), IndexError> {
        self.drop_flow()?;
        let checkpoint = self.meta("checkpoint")?.map_or(0, |v| v as u64);
        let broken = load_broken(self.tx)?;
        let repository = ItemRepository::new(store);
        let mut ledger = Ledger::default();
        let mut cycles = 0;
        for (id, stream) in repository.item_streams()? {
            if broken.contains_key(stream.as_str()) {
                continue;
            }
            let steps = match repository.status_steps(&stream, checkpoint) {
                Ok(steps) => steps,
                Err(AppError::CorruptEvent { .. }) => continue,
                Err(err) => return Err(err.into()),
            };
            if steps.is_empty() {
                continue;
            }
            ledger.add(&steps);
            cycles += self.put_steps(id, Some(&steps))?;
        }
        self.move_days(&ledger)?;
        self.set_meta("cycles", cycles)?;
        self.set_meta("flow", 1)?;
        Ok(())
    }

    /// Writes (or with `None` removes) `id`'s steps; returns how the number of cycles moved.
    fn put_steps(&self, id: WorkItemId, steps: Option<&[(Timestamp, Status)]>) -> Result<i64, IndexError> {
        let number = id.number() as i64;
        let had: Option<bool> = self
            .tx
            .prepare_cached("SELECT finished IS NOT NULL FROM flow_items WHERE id = ?1")?
            .query_row(params![number], |row| row.get(0))
            .optional()?;
        let had = had == Some(true);
        let Some(steps) = steps.filter(|steps| !steps.is_empty()) else {
            self.tx
                .prepare_cached("DELETE FROM flow_items WHERE id = ?1")?
                .execute(params![number])?;
            return Ok(-i64::from(had));
        };
        let cycle = cycle_time(id, steps);
        self.tx
            .prepare_cached(
                "INSERT INTO flow_items (id, steps, started, finished) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id) DO UPDATE SET steps = excluded.steps, started = excluded.started,
               finished = excluded.finished",
            )?
            .execute(params![
                number,
                encode(steps),
                cycle.as_ref().map(|c| c.started.unix_micros()),
                cycle.as_ref().map(|c| c.finished.unix_micros()),
            ])?;
        Ok(i64::from(cycle.is_some()) - i64::from(had))
    }

    /// `id`'s kept steps; `None` when it has none (or they do not decode).
    fn steps(&self, id: WorkItemId) -> Result<Option<Steps>, IndexError> {
        let bytes: Option<Vec<u8>> = self
            .tx
            .prepare_cached("SELECT steps FROM flow_items WHERE id = ?1")?
            .query_row(params![id.number() as i64], |row| row.get(0))
            .optional()?;
        Ok(bytes.and_then(|bytes| decode(&bytes)))
    }

    /// Adds `change` to the day rows; a day left changing nothing is removed.
    fn move_days(&self, change: &Ledger) -> Result<(), IndexError> {
        for (&day, moves) in &change.days {
            let row: Option<DayMoves> = self
                .tx
                .prepare_cached(
                    "SELECT pending, in_progress, blocked, done, cancelled, deleted, firsts, lasts
                     FROM flow_days WHERE day = ?1",
                )?
                .query_row(params![day], |row| {
                    let mut moves = DayMoves::default();
                    for (slot, count) in moves.counts.iter_mut().enumerate() {
                        *count = row.get(slot)?;
                    }
                    moves.firsts = row.get(6)?;
                    moves.lasts = row.get(7)?;
                    Ok(moves)
                })
                .optional()?;
            let mut now = row.unwrap_or_default();
            for (total, change) in now.counts.iter_mut().zip(moves.counts) {
                *total += change;
            }
            now.firsts += moves.firsts;
            now.lasts += moves.lasts;
            if now.is_empty() {
                self.tx
                    .prepare_cached("DELETE FROM flow_days WHERE day = ?1")?
                    .execute(params![day])?;
                continue;
            }
            let [pending, in_progress, blocked, done, cancelled, deleted] = now.counts;
            self.tx
                .prepare_cached(
                    "INSERT INTO flow_days (day, pending, in_progress, blocked, done, cancelled, deleted,
                   firsts, lasts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (day) DO UPDATE SET pending = excluded.pending,
                   in_progress = excluded.in_progress, blocked = excluded.blocked,
                   done = excluded.done, cancelled = excluded.cancelled,
                   deleted = excluded.deleted, firsts = excluded.firsts, lasts = excluded.lasts",
                )?
                .execute(params![
                    day,
                    pending,
                    in_progress,
                    blocked,
                    done,
                    cancelled,
                    deleted,
                    now.firsts,
                    now.lasts
                ])?;
        }
        Ok(())
    }
}

/// One page's changes to the kept steps: the touched items' steps before it, and as the
/// page's events extend them.
pub(super) struct FlowPage {
    before: BTreeMap<WorkItemId, Option<Steps>>,
    after: BTreeMap<WorkItemId, Steps>,
    /// Items with a row but no kept steps: read from their streams at the end.
    unknown: BTreeSet<WorkItemId>,
}

impl FlowPage {
    /// Reads the kept steps of `touched`; `loaded` are the items the page's projection
    /// starts with.
    pub(super) fn start(
        writer: &Writer<'_>,
        touched: &BTreeSet<WorkItemId>,
        loaded: &BTreeSet<WorkItemId>,
    ) -> Result<Self, IndexError> {
        let mut page = Self {
            before: BTreeMap::new(),
            after: BTreeMap::new(),
            unknown: BTreeSet::new(),
        };
        for &id in touched {
            let steps = writer.steps(id)?;
            if steps.is_none() && loaded.contains(&id) {
                page.unknown.insert(id);
            }
            page.after.insert(id, steps.clone().unwrap_or_default());
            page.before.insert(id, steps);
        }
        Ok(page)
    }

    /// Extends the steps of `event`'s item with the status the projection now holds it in.
    pub(super) fn observe(&mut self, projection: &ItemsProjection, event: &RecordedEvent) {
        if event.aggregate_type != AGGREGATE_TYPE {
            return;
        }
        let Ok(id) = event.aggregate_id.parse::<WorkItemId>() else {
            return;
        };
        let (Some(item), Some(steps)) = (projection.items.get(&id), self.after.get_mut(&id)) else {
            return;
        };
        if steps.last().map(|&(_, status)| status) != Some(item.status) {
            steps.push((event.timestamp, item.status));
        }
    }

    /// Writes the page's steps once `projection` is settled; `settled` are the items it
    /// read again whole (their steps are read again too).
    pub(super) fn finish(
        mut self,
        writer: &Writer<'_>,
        store: &dyn EventStore,
        projection: &ItemsProjection,
        settled: &BTreeSet<WorkItemId>,
    ) -> Result<(), IndexError> {
        let repository = ItemRepository::new(store);
        let mut change = Ledger::default();
        let mut cycles = 0;
        let ids: BTreeSet<WorkItemId> = self.before.keys().chain(settled).copied().collect();
        for id in ids {
            let before = match self.before.remove(&id) {
                Some(before) => before,
                None => writer.steps(id)?,
            };
            let after = if !projection.items.contains_key(&id) {
                None
            } else if settled.contains(&id) || self.unknown.contains(&id) {
                let stream = stream_for(id)?;
                match repository.status_steps(&stream, projection.checkpoint) {
                    Ok(steps) => Some(steps),
                    Err(AppError::CorruptEvent { .. }) => None,
                    Err(err) => return Err(err.into()),
                }
            } else {
                self.after.remove(&id)
            };
            let after = after.filter(|steps| !steps.is_empty());
            if before == after {
                continue;
            }
            if let Some(before) = &before {
                change.remove(before);
            }
            if let Some(after) = &after {
                change.add(after);
            }
            cycles += writer.put_steps(id, after.as_deref())?;
        }
        writer.move_days(&change)?;
        if cycles != 0 {
            let now = writer.meta("cycles")?.unwrap_or(0) + cycles;
            writer.set_meta("cycles", now)?;
        }
        Ok(())
    }
}
