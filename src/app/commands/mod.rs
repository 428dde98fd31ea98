//! Every write a user can ask for ([`Command`]) and how it is carried out: load the
//! aggregate, decide, append with the version that was loaded. A concurrent change between
//! load and append is a conflict, never a silent overwrite. A new variant without its arm
//! in [`CommandDispatcher`]'s `match` does not compile. Only [`super::Session`] dispatches,
//! so no caller can write while skipping the policies.

use serde::Serialize;

use crate::domain::graph::OpenLinks;
use crate::domain::{DependencyType, QualityGate, WorkItem, WorkItemId};
use crate::store::{EventStore, RecordedEvent};
use crate::timestamp::Timestamp;

use super::{Clock, IdSource};

mod append;
mod command;
mod idempotency;
mod plan;
mod read_model;
mod wip;

pub use command::Command;

/// A check every command's events pass before any is appended (the project's blocking
/// hooks): a refusal writes nothing.
pub trait WriteCheck: Send + Sync {
    fn check(&self, events: &[crate::store::NewEvent]) -> Result<(), super::AppError>;
}
use idempotency::*;
use plan::*;

/// The item after the command, and the events the command appended.
#[derive(Debug, Clone, PartialEq)]
pub struct CommandOutcome {
    pub item: WorkItem,
    pub events: Vec<RecordedEvent>,
    /// True when an idempotency key showed the command was already done: nothing was
    /// written, and this is the original result.
    pub replayed: bool,
    /// What the user should know although the command succeeded.
    pub warnings: Vec<Warning>,
    /// Set when the item already was as asked (`WORK-003 is already in_progress`): the
    /// command succeeded and wrote nothing, so a script can say "make sure it is so".
    pub unchanged: Option<String>,
}

/// Whether a dispatch has looked for a current item index, and what it found.
enum IndexSlot {
    Unasked,
    Absent,
    Current(super::item_index::ItemIndex),
}

impl CommandOutcome {
    /// The answer to a command that found `item` already as it asked: nothing written.
    fn unchanged(item: WorkItem, why: &crate::domain::DomainError) -> Self {
        Self {
            item,
            events: Vec::new(),
            replayed: false,
            warnings: Vec::new(),
            unchanged: Some(why.to_string()),
        }
    }

    /// True when this command appended events (not a repeat answered from its record).
    pub fn wrote(&self) -> bool {
        !self.replayed && !self.events.is_empty()
    }
}

/// Something a successful command wants the user to know. Data, not text: each front door
/// words it (and suggests its own next step).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
pub enum Warning {
    /// `quality_gate = warn`, and the item was completed without quality metrics.
    CompletedWithoutMetrics { item: WorkItemId },
    /// The item was completed while some of its children are still open.
    OpenChildren {
        item: WorkItemId,
        children: Vec<WorkItemId>,
    },
    /// The item was started while items that block it are still open.
    OpenBlockers {
        item: WorkItemId,
        blockers: Vec<WorkItemId>,
    },
}

/// How often a command without an expected version is re-decided after losing a race.
const MAX_ATTEMPTS: u32 = 32;

/// How a write is guarded and labelled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteOptions {
    /// The item must still be at this version, or the write is a conflict.
    pub expected_version: Option<u64>,
    /// Makes the write happen at most once: a repeat with the same key and command writes
    /// nothing and returns the original result.
    pub idempotency_key: Option<String>,
    /// Groups this command's events with others of one request; a new id when absent.
    pub correlation_id: Option<String>,
    /// What caused this command, when not the command itself: the triggering event of a
    /// policy's reaction, the command an undo reverts.
    pub causation_id: Option<String>,
    /// What the idempotency key stands for when it is not the command itself: `items
    /// claim` without an id asks for "the next ready item", whichever it turns out to be.
    pub request: Option<String>,
}

impl WriteOptions {
    pub fn expecting(version: u64) -> Self {
        Self {
            expected_version: Some(version),
            ..Self::default()
        }
    }
}

/// Ties a command's events together: one causation (this command) and one correlation.
struct Labels {
    now: Timestamp,
    correlation: String,
    causation: String,
    key: Option<String>,
}

pub struct CommandDispatcher<'a> {
    store: &'a dyn EventStore,
    clock: &'a dyn Clock,
    ids: &'a dyn IdSource,
    actor: String,
    quality_gate: QualityGate,
    /// The project's `wip_limit.STATUS` settings: the most items one actor may hold in each.
    wip_limits: std::collections::BTreeMap<crate::domain::Status, usize>,
    /// The session's read model kept in memory, when it keeps one (the MCP server).
    warm: Option<&'a std::sync::Mutex<Option<super::ItemsProjection>>>,
    /// The items as the first decision of this dispatch read them: a command naming a
    /// thousand items loads the model once, not a thousand times.
    model: std::sync::OnceLock<std::sync::Arc<super::ItemsModel>>,
    /// That model as a projection caught up from the cache, when that moved it: saved back
    /// once the command has written (see [`Self::keep_read_model`]).
    caught_up: std::sync::Mutex<Option<super::ItemsProjection>>,
    /// Every item's open children and blockers in that model, found once for the same reason.
    open_links: std::sync::OnceLock<std::sync::Arc<OpenLinks>>,
    /// The indexed read model, current or caught up in a transaction kept only if the
    /// command writes (see `ItemIndex::for_write`): an item's links by key instead of the
    /// whole model.
    index: std::sync::Mutex<IndexSlot>,
    /// Whether this dispatch looked beyond its items (links, the model): only such a
    /// write brings the item index up to date after it, for the next one like it. A
    /// create or a comment leaves that to the next read, and stays as cheap as it was.
    consulted: std::sync::atomic::AtomicBool,
    /// Checks the events pass before they are appended, when the project has any.
    check: Option<&'a dyn WriteCheck>,
}

impl<'a> CommandDispatcher<'a> {
    pub fn new(
        store: &'a dyn EventStore,
        clock: &'a dyn Clock,
        ids: &'a dyn IdSource,
        actor: impl Into<String>,
    ) -> Self {
        Self {
            store,
            clock,
            ids,
            actor: actor.into(),
            quality_gate: QualityGate::Off,
            wip_limits: std::collections::BTreeMap::new(),
            warm: None,
            model: std::sync::OnceLock::new(),
            caught_up: std::sync::Mutex::new(None),
            open_links: std::sync::OnceLock::new(),
            index: std::sync::Mutex::new(IndexSlot::Unasked),
            consulted: std::sync::atomic::AtomicBool::new(false),
            check: None,
        }
    }

    /// Runs `check` on every write's events before they are appended.
    pub fn with_check(mut self, check: Option<&'a dyn WriteCheck>) -> Self {
        self.check = check;
        self
    }

    /// The check's verdict on `events`; no check passes everything.
    pub(super) fn checked(&self, events: &[crate::store::NewEvent]) -> Result<(), super::AppError> {
        self.check.map_or(Ok(()), |check| check.check(events))
    }

    /// Consults `warm` (see [`super::ItemsProjection::warmed`]) instead of loading the cache.
    pub fn with_warm(mut self, warm: Option<&'a std::sync::Mutex<Option<super::ItemsProjection>>>) -> Self {
        self.warm = warm;
        self
    }

    /// Applies the project's `quality_gate` to completions.
    pub fn with_quality_gate(mut self, gate: QualityGate) -> Self {
        self.quality_gate = gate;
        self
    }

    /// Applies the project's `wip_limit.STATUS` settings (see `wip.rs`).
    pub fn with_wip_limits(
        mut self,
        limits: std::collections::BTreeMap<crate::domain::Status, usize>,
    ) -> Self {
        self.wip_limits = limits;
        self
    }
}
