//! Every write a user can ask for ([`Command`]) and how it is carried out: load the
//! aggregate, decide, append with the version that was loaded. A concurrent change between
//! load and append is a conflict, never a silent overwrite. A new variant without its arm
//! in [`CommandDispatcher`]'s `match` does not compile. Only [`super::Session`] dispatches,
//! so no caller can write while skipping the policies.

use std::collections::BTreeSet;

use serde::Serialize;
use ulid::Ulid;

use crate::domain::graph::{
    blocking_edges, check_blocking_cycle, check_parent, edge_for, BlockingEdges, OpenLinks,
};
use crate::domain::{
    Decision, DependencyType, DomainError, ItemRef, NewWorkItem, Priority, QualityGate, Status, WorkItem,
    WorkItemEvent, WorkItemId, WorkType, AGGREGATE_TYPE,
};
use crate::store::{
    EventStore, ExpectedVersion, Metadata, NewEvent, OnceKey, OnceRecord, RecordedEvent, StoreError,
    StreamAppend,
};
use crate::timestamp::Timestamp;

use super::repository::{replay, stream_for, ItemRepository};
use super::{AppError, Clock, IdSource};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    Create(NewWorkItem),
    ChangeStatus {
        item: ItemRef,
        to: Status,
        reason: Option<String>,
    },
    /// Done → in progress; refused from any other status.
    Reopen {
        item: ItemRef,
        reason: Option<String>,
    },
    /// Sets, moves or (with `None`) clears the due date.
    SetDue {
        item: ItemRef,
        due: Option<Timestamp>,
    },
    ChangePriority {
        item: ItemRef,
        to: Priority,
        reason: Option<String>,
    },
    Assign {
        item: ItemRef,
        assignee: Option<String>,
    },
    AddDependency {
        item: ItemRef,
        on: ItemRef,
        kind: DependencyType,
    },
    RemoveDependency {
        item: ItemRef,
        on: ItemRef,
    },
    Edit {
        item: ItemRef,
        title: Option<String>,
        description: Option<String>,
    },
    Label {
        item: ItemRef,
        add: Vec<String>,
        remove: Vec<String>,
    },
    Comment {
        item: ItemRef,
        text: String,
    },
    /// Moves an item under another parent (`None`: to the top).
    Reparent {
        item: ItemRef,
        parent: Option<ItemRef>,
    },
    /// Takes the item for the dispatcher's actor (or renews their claim): in progress,
    /// assigned to them, held for `lease_seconds` after each of their writes (no lease:
    /// until released).
    Claim {
        item: ItemRef,
        lease_seconds: Option<u64>,
    },
    /// Gives an item in progress back: pending, unassigned. Another actor's live claim
    /// needs `force`.
    Release {
        item: ItemRef,
        force: bool,
        reason: Option<String>,
    },
    /// Several changes to one item, decided in order and appended as one write (the MCP
    /// `update` tool). Changes that would change nothing are skipped, unless all would.
    Together(Vec<Command>),
    RecordMetrics {
        item: ItemRef,
        coverage: Option<f64>,
        positive: Option<u32>,
        negative: Option<u32>,
        edge: Option<u32>,
    },
    /// Settles the item's open conflict at `version` (without one: the only one, or with
    /// [`Decision::Keep`] every one) as `decision` says.
    Resolve {
        item: ItemRef,
        version: Option<u64>,
        decision: Decision,
    },
}

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
}

/// Whether a dispatch has looked for a current item index, and what it found.
enum IndexSlot {
    Unasked,
    Absent,
    Current(super::item_index::ItemIndex),
}

impl CommandOutcome {
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
            warm: None,
            model: std::sync::OnceLock::new(),
            caught_up: std::sync::Mutex::new(None),
            open_links: std::sync::OnceLock::new(),
            index: std::sync::Mutex::new(IndexSlot::Unasked),
            consulted: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// Consults `warm` (see [`super::ItemsProjection::warmed`]) instead of loading the cache.
    pub fn with_warm(mut self, warm: Option<&'a std::sync::Mutex<Option<super::ItemsProjection>>>) -> Self {
        self.warm = warm;
        self
    }

    /// The up-to-date items, for the decisions that look beyond one item (links, warnings),
    /// read once per dispatch. Not saved back unless the command writes: a refused command
    /// leaves every file as it was.
    fn read_model(&self) -> Result<std::sync::Arc<super::ItemsModel>, AppError> {
        self.consulted.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(model) = self.model.get() {
            return Ok(model.clone());
        }
        let projection = match self.warm {
            Some(warm) => {
                let mut kept = warm.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                super::ItemsProjection::warmed(&mut kept, self.store)?
            }
            None => {
                let mut projection = super::ItemsProjection::load(self.store);
                if projection.refresh(self.store)? {
                    *self
                        .caught_up
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(projection.clone());
                }
                projection
            }
        };
        let mut items = projection.items;
        // Items the model leaves out because they are archived, but that current items
        // link to: their groups come in whole (links never leave a group), so a decision
        // about links sees every edge a store that never archives would.
        let linked: Vec<WorkItemId> = items
            .values()
            .flat_map(|item| {
                item.parent
                    .into_iter()
                    .chain(item.dependencies.iter().map(|d| d.id))
            })
            .filter(|id| projection.archived.contains(id) && !items.contains_key(id))
            .collect();
        self.add_archived_groups(&mut items, linked)?;
        Ok(self.model.get_or_init(|| std::sync::Arc::new(items)).clone())
    }

    /// [`Self::read_model`] with the groups of `named` items that are archived (the item a
    /// new link points at, a new parent): a link to finished, archived work is decided as
    /// if it were not archived.
    fn read_model_with(&self, named: &[WorkItemId]) -> Result<std::sync::Arc<super::ItemsModel>, AppError> {
        let model = self.read_model()?;
        if named.iter().all(|id| model.contains_key(id)) {
            return Ok(model);
        }
        let mut items = (*model).clone();
        self.add_archived_groups(&mut items, named.iter().copied())?;
        Ok(std::sync::Arc::new(items))
    }

    /// Loads, from their streams, every item archived together with any of `ids`.
    fn add_archived_groups(
        &self,
        items: &mut super::ItemsModel,
        ids: impl IntoIterator<Item = WorkItemId>,
    ) -> Result<(), AppError> {
        let repository = ItemRepository::new(self.store);
        for id in ids {
            if items.contains_key(&id) {
                continue;
            }
            for member in self.store.archived_group(&stream_for(id)?)? {
                if let Some(member_id) = super::repository::id_of_stream(&member) {
                    if let Some(item) = repository.load(member_id)? {
                        items.insert(member_id, item);
                    }
                }
            }
        }
        Ok(())
    }

    /// After a command has written: saves the read model it caught up (as of before its
    /// own events, which the next reader applies). Without this, writes that follow each
    /// other with no read between would each catch up from an ever older cache — at
    /// 100,000 items, a status change of 1,000 ids took 8 s after 35 such commands.
    fn keep_read_model(&self) {
        let caught_up = self
            .caught_up
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        if let Some(projection) = caught_up {
            projection.save(self.store);
        }
        // The item index (where there is one) takes this command's events now, so that the
        // next write finds it current and asks it for links instead of the whole model.
        let mut slot = self
            .index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let kept = match std::mem::replace(&mut *slot, IndexSlot::Absent) {
            // The index this command asked, caught up to before its events: kept, and
            // brought past them.
            IndexSlot::Current(mut index) => index
                .commit()
                .and_then(|()| index.catch_up(self.store))
                .ok()
                .map(|()| index),
            _ if self.consulted.load(std::sync::atomic::Ordering::Relaxed)
                && self
                    .store
                    .cache_file(super::item_index::FILE)
                    .is_some_and(|path| path.exists()) =>
            {
                super::item_index::ItemIndex::current(self.store).ok().flatten()
            }
            _ => None,
        };
        if let Some(index) = kept {
            *slot = IndexSlot::Current(index);
        }
    }

    /// After a command that wrote nothing: what the index caught up for its decisions is
    /// rolled back, and the next command asks again.
    fn forget_index(&self) {
        let mut slot = self
            .index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if matches!(&*slot, IndexSlot::Current(index) if index.is_pending()) {
            *slot = IndexSlot::Unasked;
        }
    }

    /// The open children and the open blockers of `id`: asked of the item index when it
    /// is current (a few rows, whatever the project's size), else found in the whole model.
    fn links_of(&self, id: WorkItemId) -> Result<(Vec<WorkItemId>, Vec<WorkItemId>), AppError> {
        if let Some(found) = self.ask_index(|index| index.open_links(id).map(Some)) {
            return Ok(found);
        }
        let links = self.open_links()?;
        Ok((links.children(id), links.blockers(id)))
    }

    /// What a new link of `target` to `other` is decided on: `other` as it stands, and the
    /// blocking edges a cycle through `edge` (the link's own, if it blocks) could take —
    /// from the item index, walked from the edge's far end, when it can tell; else every
    /// edge of the whole model (at 100,000 items, half a second).
    fn link_graph(
        &self,
        target: WorkItemId,
        other: WorkItemId,
        edge: Option<(WorkItemId, WorkItemId)>,
    ) -> Result<(Option<WorkItem>, BlockingEdges), AppError> {
        let asked = self.ask_index(|index| {
            // An item the index lacks (archived) may hold links no row records.
            let Some(other_item) = index.item(other)? else {
                return Ok(None);
            };
            if index.item(target)?.is_none() {
                return Ok(None);
            }
            let edges = match edge {
                Some((_, to)) => index.blocking_reach(to)?,
                None => Some(BTreeSet::new()),
            };
            Ok(edges.map(|edges| (Some(other_item), edges)))
        });
        if let Some(found) = asked {
            return Ok(found);
        }
        let items = self.read_model_with(&[other, target])?;
        Ok((items.get(&other).cloned(), blocking_edges(items.values())))
    }

    /// `parent` and the chain of its parents, all a new parent link is checked against:
    /// from the item index when it holds the whole chain, else from the whole model.
    fn ancestry(&self, parent: WorkItemId) -> Result<std::sync::Arc<super::ItemsModel>, AppError> {
        match self.ask_index(|index| index.ancestry(parent)) {
            Some(chain) => Ok(std::sync::Arc::new(chain)),
            None => self.read_model_with(&[parent]),
        }
    }

    /// Asks the item index when it is current and no warm model is kept (a long-running
    /// front door holds the whole model already). `None` when there is no usable index, it
    /// fails, or `ask` finds it cannot tell: the caller reads the whole model.
    fn ask_index<T>(
        &self,
        ask: impl FnOnce(&super::item_index::ItemIndex) -> Result<Option<T>, super::item_index::IndexError>,
    ) -> Option<T> {
        self.consulted.store(true, std::sync::atomic::Ordering::Relaxed);
        if self.warm.is_some() {
            return None;
        }
        let mut slot = self
            .index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if matches!(*slot, IndexSlot::Unasked) {
            *slot = match super::item_index::ItemIndex::for_write(self.store) {
                Some(index) => IndexSlot::Current(index),
                None => IndexSlot::Absent,
            };
        }
        match &*slot {
            IndexSlot::Current(index) => ask(index).ok().flatten(),
            _ => None,
        }
    }

    /// The open children and blockers of every item in [`Self::read_model`].
    fn open_links(&self) -> Result<std::sync::Arc<OpenLinks>, AppError> {
        if let Some(links) = self.open_links.get() {
            return Ok(links.clone());
        }
        let links = OpenLinks::of(&*self.read_model()?);
        Ok(self.open_links.get_or_init(|| std::sync::Arc::new(links)).clone())
    }

    /// Applies the project's `quality_gate` to completions.
    pub fn with_quality_gate(mut self, gate: QualityGate) -> Self {
        self.quality_gate = gate;
        self
    }

    /// Runs one command. On a refusal nothing is written.
    pub fn dispatch(&self, command: Command, options: WriteOptions) -> Result<CommandOutcome, AppError> {
        let once = match &options.idempotency_key {
            Some(key) => {
                let once = OnceKey {
                    key: key.clone(),
                    fingerprint: options
                        .request
                        .clone()
                        .unwrap_or_else(|| fingerprint(&command, options.expected_version)),
                };
                // A repeat is answered before deciding: the command may no longer be valid
                // now that it has been applied, but its original result still is.
                if let Some(record) = self.store.lookup_once(key)? {
                    record.answer(&once)?;
                    return self.replayed(&record);
                }
                Some(once)
            }
            None => None,
        };
        let labels = self.labels(&options);
        let guard = Guard {
            expected: options.expected_version,
            once: once.as_ref(),
            labels: &labels,
        };
        let result = self.run(command, &guard);
        if result.as_ref().is_ok_and(CommandOutcome::wrote) {
            self.keep_read_model();
        } else {
            self.forget_index();
        }
        match (result, &once) {
            // Another process with the same key may have won while this one decided: the
            // command then fails on the state it left (already done, or a version conflict).
            // If the key now records this very command, its result is the answer.
            (Err(err), Some(once))
                if !matches!(err, AppError::Store(StoreError::IdempotencyKeyReused { .. })) =>
            {
                match self.store.lookup_once(&once.key)? {
                    Some(record) => {
                        record.answer(once)?;
                        self.replayed(&record)
                    }
                    None => Err(err),
                }
            }
            (result, _) => result,
        }
    }

    /// The original result of the request `request` made with idempotency key `key`, if it
    /// was made (a key used for another request is an error).
    pub fn replay_once(&self, key: &str, request: &str) -> Result<Option<CommandOutcome>, AppError> {
        let Some(record) = self.store.lookup_once(key)? else {
            return Ok(None);
        };
        record.answer(&OnceKey {
            key: key.to_owned(),
            fingerprint: request.to_owned(),
        })?;
        self.replayed(&record).map(Some)
    }

    /// One command's time, correlation and causation (this command, unless told otherwise).
    fn labels(&self, options: &WriteOptions) -> Labels {
        let command_id = self.ids.next_ulid().to_string();
        Labels {
            now: self.clock.now(),
            correlation: options
                .correlation_id
                .clone()
                .unwrap_or_else(|| command_id.clone()),
            causation: options.causation_id.clone().unwrap_or(command_id),
            key: options.idempotency_key.clone(),
        }
    }

    fn run(&self, command: Command, guard: &Guard<'_>) -> Result<CommandOutcome, AppError> {
        match self.plan(command)? {
            Plan::Create(new) => self.create(new, guard),
            Plan::Update(prepared) => {
                let mut outcome = self.update(prepared.item, guard, &*prepared.decide)?;
                if !outcome.replayed {
                    outcome.warnings = (prepared.warnings)(&outcome.item);
                }
                Ok(outcome)
            }
        }
    }

    /// Readies a command: resolves the other items it names and loads the read model it
    /// consults, once, however often its decision is retried after a lost race.
    fn plan(&self, command: Command) -> Result<Plan, AppError> {
        let prepared = match command {
            Command::Create(new) => return Ok(Plan::Create(new)),
            Command::Together(commands) => self.together(commands)?,
            Command::ChangeStatus { item, to, reason } => self.status_change(item, to, reason)?,
            Command::Reopen { item, reason } => {
                Prepared::deciding(item, move |current, now| current.reopen(reason.clone(), now))
            }
            Command::SetDue { item, due } => Prepared::deciding(item, move |current, _| current.set_due(due)),
            Command::ChangePriority { item, to, reason } => Prepared::deciding(item, move |current, _| {
                current.change_priority(to, reason.clone())
            }),
            Command::Assign { item, assignee } => {
                Prepared::deciding(item, move |current, _| current.assign(assignee.clone()))
            }
            Command::AddDependency { item, on, kind } => {
                let other = self.existing(on)?;
                let target = ItemRepository::new(self.store).resolve(item)?;
                let (other_item, edges) = self.link_graph(target, other, edge_for(target, other, kind))?;
                // One link per pair: `1 blocked_by 2` and `2 blocks 1` are the same link,
                // and any link between two items is the only one.
                if other_item.is_some_and(|o| o.dependencies.iter().any(|d| d.id == target)) {
                    return Err(DomainError::DuplicateDependency { id: target, other }.into());
                }
                Prepared::deciding(item, move |current, _| {
                    let events = current.add_dependency(other, kind)?;
                    if let Some(edge) = edge_for(current.id, other, kind) {
                        check_blocking_cycle(&edges, edge)?;
                    }
                    Ok(events)
                })
            }
            Command::RemoveDependency { item, on } => {
                // A link is recorded on one of its two items; it can be removed from either.
                let repository = ItemRepository::new(self.store);
                let id = repository.resolve(item)?;
                let other = repository.resolve(on)?;
                let holds = |holder: WorkItemId, peer: WorkItemId| -> Result<bool, AppError> {
                    Ok(repository
                        .load(holder)?
                        .is_some_and(|h| h.dependencies.iter().any(|d| d.id == peer)))
                };
                let (holder, peer) = if !holds(id, other)? && holds(other, id)? {
                    (ItemRef::Display(other), id)
                } else {
                    (item, other)
                };
                Prepared::deciding(holder, move |current, _| current.remove_dependency(peer))
            }
            Command::Reparent { item, parent } => {
                let parent = parent.map(|p| self.existing(p)).transpose()?;
                let ancestry = match parent {
                    Some(parent) => self.ancestry(parent)?,
                    None => std::sync::Arc::default(),
                };
                Prepared::deciding(item, move |current, _| {
                    if let Some(parent) = parent {
                        let parent = ancestry.get(&parent).ok_or(DomainError::MissingCreation {
                            found: format!("no {parent} in the read model"),
                        })?;
                        check_parent(&ancestry, Some(current.id), current.work_type, parent)?;
                    }
                    current.reparent(parent)
                })
            }
            Command::Claim { item, lease_seconds } => {
                let actor = self.actor.clone();
                let blockers = {
                    let id = ItemRepository::new(self.store).resolve(item)?;
                    self.links_of(id)?.1
                };
                Prepared {
                    item,
                    decide: Box::new(move |current, now| {
                        current.claim(&actor, lease_seconds.map(std::time::Duration::from_secs), now)
                    }),
                    warnings: Box::new(move |item| {
                        if blockers.is_empty() {
                            Vec::new()
                        } else {
                            vec![Warning::OpenBlockers {
                                item: item.id,
                                blockers: blockers.clone(),
                            }]
                        }
                    }),
                }
            }
            Command::Release { item, force, reason } => {
                let actor = self.actor.clone();
                Prepared::deciding(item, move |current, now| {
                    current.release(&actor, force, reason.clone(), now)
                })
            }
            Command::RecordMetrics {
                item,
                coverage,
                positive,
                negative,
                edge,
            } => Prepared::deciding(item, move |current, _| {
                current.record_metrics(coverage, positive, negative, edge)
            }),
            Command::Edit {
                item,
                title,
                description,
            } => Prepared::deciding(item, move |current, _| {
                current.edit(title.clone(), description.clone())
            }),
            Command::Label { item, add, remove } => {
                Prepared::deciding(item, move |current, _| current.relabel(&add, &remove))
            }
            Command::Resolve {
                item,
                version,
                decision,
            } => self.resolution(item, version, decision)?,
            Command::Comment { item, text } => {
                let actor = self.actor.clone();
                Prepared::deciding(item, move |current, _| current.comment(text.clone(), &actor))
            }
        };
        Ok(Plan::Update(prepared))
    }

    /// Settling a conflict, with the hierarchy checked as `items parent` checks it when the
    /// decision sets a parent.
    fn resolution(
        &self,
        item: ItemRef,
        version: Option<u64>,
        decision: Decision,
    ) -> Result<Prepared, AppError> {
        let repository = ItemRepository::new(self.store);
        let id = repository.resolve(item)?;
        let now = self.clock.now();
        let parent = repository
            .load(id)?
            .and_then(|current| current.resolve(version, &decision, now).ok())
            .and_then(|events| new_parent(&events));
        let ancestry = match parent {
            Some(parent) => self.ancestry(parent)?,
            None => std::sync::Arc::default(),
        };
        Ok(Prepared::deciding(item, move |current, now| {
            let events = current.resolve(version, &decision, now)?;
            if let Some(parent) = new_parent(&events) {
                let parent = ancestry.get(&parent).ok_or(DomainError::MissingCreation {
                    found: format!("no {parent} in the read model"),
                })?;
                check_parent(&ancestry, Some(current.id), current.work_type, parent)?;
            }
            Ok(events)
        }))
    }

    /// One decision made of several, on the same item: each decides on the state the ones
    /// before it leave, and all their events are one append.
    fn together(&self, commands: Vec<Command>) -> Result<Prepared, AppError> {
        let repository = ItemRepository::new(self.store);
        let mut parts = Vec::with_capacity(commands.len());
        let mut target = None;
        for command in commands {
            let Plan::Update(prepared) = self.plan(command)? else {
                return Err(AppError::SeveralCreates);
            };
            let id = repository.resolve(prepared.item)?;
            match target {
                None => target = Some((prepared.item, id)),
                Some((_, first)) if first != id => return Err(AppError::SameItemTwice(id)),
                Some(_) => {}
            }
            parts.push(prepared);
        }
        let Some((item, _)) = target else {
            return Err(AppError::Domain(DomainError::InvalidValue {
                kind: "update",
                input: String::new(),
                expected: "at least one change",
            }));
        };
        let actor = self.actor.clone();
        let parts = std::rc::Rc::new(parts);
        let warn_parts = parts.clone();
        Ok(Prepared {
            item,
            decide: Box::new(move |current, now| {
                let mut state = current.clone();
                let mut events = Vec::new();
                let mut unchanged = None;
                for part in parts.iter() {
                    match (part.decide)(&state, now) {
                        Ok(decided) => {
                            for event in &decided {
                                state.apply(Some(event), state.version + 1, now, &actor);
                            }
                            events.extend(decided);
                        }
                        Err(err @ DomainError::Unchanged { .. }) => {
                            unchanged.get_or_insert(err);
                        }
                        Err(err) => return Err(err),
                    }
                }
                match unchanged {
                    Some(err) if events.is_empty() => Err(err),
                    _ => Ok(events),
                }
            }),
            warnings: Box::new(move |item| {
                warn_parts.iter().flat_map(|part| (part.warnings)(item)).collect()
            }),
        })
    }

    /// A status change, with what the links say about it: completing a parent whose
    /// children are open warns (and is refused under `quality_gate = enforce`, with the
    /// missing metrics); starting an item an open item blocks warns.
    fn status_change(&self, item: ItemRef, to: Status, reason: Option<String>) -> Result<Prepared, AppError> {
        let gate = self.quality_gate;
        let (children, blockers) = if matches!(to, Status::Done | Status::InProgress) {
            let id = ItemRepository::new(self.store).resolve(item)?;
            let (children, blockers) = self.links_of(id)?;
            let children = if to == Status::Done { children } else { Vec::new() };
            let blockers = if to == Status::InProgress {
                blockers
            } else {
                Vec::new()
            };
            (children, blockers)
        } else {
            (Vec::new(), Vec::new())
        };
        let refused_children = children.clone();
        Ok(Prepared {
            item,
            decide: Box::new(move |current, now| {
                if to == Status::Done && gate == QualityGate::Enforce {
                    if lacks_metrics(current) {
                        return Err(DomainError::QualityGate { id: current.id });
                    }
                    if !refused_children.is_empty() {
                        return Err(DomainError::OpenChildren {
                            id: current.id,
                            children: refused_children.clone(),
                        });
                    }
                }
                current.change_status(to, reason.clone(), now)
            }),
            warnings: Box::new(move |item| {
                let mut warnings = Vec::new();
                if to == Status::Done && gate == QualityGate::Warn && lacks_metrics(item) {
                    warnings.push(Warning::CompletedWithoutMetrics { item: item.id });
                }
                if to == Status::Done && !children.is_empty() {
                    warnings.push(Warning::OpenChildren {
                        item: item.id,
                        children: children.clone(),
                    });
                }
                if to == Status::InProgress && !blockers.is_empty() {
                    warnings.push(Warning::OpenBlockers {
                        item: item.id,
                        blockers: blockers.clone(),
                    });
                }
                warnings
            }),
        })
    }

    /// Runs several commands, each on its own item, as one write: each is decided on its
    /// item's current state, and only if every one is accepted are all their events
    /// appended, in one atomic [`EventStore::append_all`] guarded by the versions that were
    /// read. A refusal of any writes nothing; a lost race re-decides them all.
    pub fn dispatch_all(
        &self,
        commands: Vec<Command>,
        options: WriteOptions,
    ) -> Result<Vec<CommandOutcome>, AppError> {
        let result = self.run_all(commands, options);
        if result
            .as_ref()
            .is_ok_and(|outcomes| outcomes.iter().any(CommandOutcome::wrote))
        {
            self.keep_read_model();
        } else {
            self.forget_index();
        }
        result
    }

    fn run_all(
        &self,
        commands: Vec<Command>,
        options: WriteOptions,
    ) -> Result<Vec<CommandOutcome>, AppError> {
        if options.expected_version.is_some() && commands.len() > 1 {
            return Err(AppError::SeveralExpected);
        }
        let once = match &options.idempotency_key {
            Some(key) => {
                let once = OnceKey {
                    key: key.clone(),
                    fingerprint: fingerprint_all(&commands),
                };
                if let Some(record) = self.store.lookup_once(key)? {
                    record.answer(&once)?;
                    return self.replayed_all(&record);
                }
                Some(once)
            }
            None => None,
        };
        let mut plans = Vec::with_capacity(commands.len());
        for command in commands {
            match self.plan(command)? {
                Plan::Update(prepared) => plans.push(prepared),
                Plan::Create(_) => return Err(AppError::SeveralCreates),
            }
        }
        let repository = ItemRepository::new(self.store);
        let mut targets = Vec::with_capacity(plans.len());
        for prepared in &plans {
            let id = repository.resolve(prepared.item)?;
            if targets.contains(&id) {
                return Err(AppError::SameItemTwice(id));
            }
            targets.push(id);
        }
        let labels = self.labels(&options);
        let mut attempts = 0;
        loop {
            attempts += 1;
            match self.try_update_all(&plans, options.expected_version, once.as_ref(), &labels) {
                Err(AppError::Conflict { .. })
                    if options.expected_version.is_none() && attempts < MAX_ATTEMPTS => {}
                Err(err) => {
                    // As for one command: a racer with the same key may have won.
                    if let Some(once) = &once {
                        if !matches!(err, AppError::Store(StoreError::IdempotencyKeyReused { .. })) {
                            if let Some(record) = self.store.lookup_once(&once.key)? {
                                record.answer(once)?;
                                return self.replayed_all(&record);
                            }
                        }
                    }
                    return Err(err);
                }
                Ok(outcomes) => return Ok(outcomes),
            }
        }
    }

    fn try_update_all(
        &self,
        plans: &[Prepared],
        expected: Option<u64>,
        once: Option<&OnceKey>,
        labels: &Labels,
    ) -> Result<Vec<CommandOutcome>, AppError> {
        let repository = ItemRepository::new(self.store);
        let mut decided = Vec::with_capacity(plans.len());
        for prepared in plans {
            let current = self.load_intact(&repository, prepared.item)?.lapsed(labels.now);
            if let Some(expected) = expected.filter(|e| *e != current.version) {
                return Err(AppError::Conflict {
                    id: current.id,
                    expected,
                    actual: current.version,
                });
            }
            let events = (prepared.decide)(&current, labels.now)?;
            decided.push((current, events));
        }
        let mut appends = Vec::with_capacity(decided.len());
        let mut envelopes_of = Vec::with_capacity(decided.len());
        for (current, events) in &decided {
            let envelopes: Vec<NewEvent> = events
                .iter()
                .map(|event| self.envelope(current.id, event, labels, self.ids.next_ulid()))
                .collect();
            appends.push(StreamAppend {
                stream: stream_for(current.id)?,
                events: envelopes.clone(),
                expected: ExpectedVersion::Exact(current.version),
            });
            envelopes_of.push(envelopes);
        }
        let written = match self.store.append_all(appends, once) {
            Ok(written) => written,
            Err(StoreError::Conflict { stream, actual, .. }) => {
                let (current, _) = decided
                    .iter()
                    .find(|(current, _)| stream_for(current.id).is_ok_and(|s| s == stream))
                    .ok_or(AppError::Store(StoreError::Conflict {
                        stream: stream.clone(),
                        expected: ExpectedVersion::Any,
                        actual,
                    }))?;
                return Err(AppError::Conflict {
                    id: current.id,
                    expected: current.version,
                    actual,
                });
            }
            Err(err) => return Err(err.into()),
        };
        if written.replayed {
            if let Some(record) = once
                .map(|once| self.store.lookup_once(&once.key))
                .transpose()?
                .flatten()
            {
                return self.replayed_all(&record);
            }
        }
        let mut outcomes = Vec::with_capacity(decided.len());
        for (((current, events), envelopes), (appended, prepared)) in decided
            .into_iter()
            .zip(envelopes_of)
            .zip(written.appended.into_iter().zip(plans))
        {
            let mut item = current;
            let count = events.len() as u64;
            let first_version = appended.version + 1 - count;
            let first_position = appended.position + 1 - count;
            for (event, version) in events.iter().zip(first_version..) {
                item.apply(Some(event), version, labels.now, &self.actor);
            }
            let recorded = envelopes
                .into_iter()
                .zip(first_version..)
                .zip(first_position..)
                .map(|((event, version), position)| event.recorded(version, position))
                .collect();
            let warnings = (prepared.warnings)(&item);
            outcomes.push(CommandOutcome {
                item,
                events: recorded,
                replayed: false,
                warnings,
            });
        }
        Ok(outcomes)
    }

    /// The original results of an idempotent multi-item write, one per item.
    fn replayed_all(&self, record: &OnceRecord) -> Result<Vec<CommandOutcome>, AppError> {
        record
            .spans()
            .into_iter()
            .map(|span| {
                let single = OnceRecord {
                    stream: span.stream,
                    first_version: span.first_version,
                    last_version: span.last_version,
                    first_position: span.first_position,
                    last_position: span.last_position,
                    more: Vec::new(),
                    ..record.clone()
                };
                self.replayed(&single)
            })
            .collect()
    }

    fn existing(&self, item: ItemRef) -> Result<WorkItemId, AppError> {
        let repository = ItemRepository::new(self.store);
        let id = repository.resolve(item)?;
        if !self.store.stream_exists(&stream_for(id)?)? {
            return Err(AppError::ItemNotFound(item));
        }
        Ok(id)
    }

    /// When the store says this write's idempotency key was already used, the original result.
    fn original_result(&self, guard: &Guard<'_>) -> Result<Option<CommandOutcome>, AppError> {
        let Some(once) = guard.once else { return Ok(None) };
        match self.store.lookup_once(&once.key)? {
            Some(record) => self.replayed(&record).map(Some),
            None => Ok(None),
        }
    }

    /// The original result of an idempotent write: its events, and the item as they left it.
    fn replayed(&self, record: &OnceRecord) -> Result<CommandOutcome, AppError> {
        let history = self.store.read(&record.stream, 1, record.last_version)?;
        let item = replay(&record.stream, &history)?.ok_or_else(|| AppError::CorruptEvent {
            stream: record.stream.to_string(),
            version: record.first_version,
            source: DomainError::MissingCreation {
                found: "nothing".into(),
            },
        })?;
        let events = history
            .into_iter()
            .filter(|event| event.version >= record.first_version)
            .collect();
        Ok(CommandOutcome {
            item,
            events,
            replayed: true,
            warnings: Vec::new(),
        })
    }

    fn create(&self, new: NewWorkItem, guard: &Guard<'_>) -> Result<CommandOutcome, AppError> {
        new.validate()?;
        let new = NewWorkItem {
            parent: new
                .parent
                .map(|p| self.existing(ItemRef::Display(p)))
                .transpose()?,
            ..new
        };
        if let Some(parent) = new.parent {
            let parent = ItemRepository::new(self.store).load_ref(ItemRef::Display(parent))?;
            check_parent(
                &std::collections::BTreeMap::default(),
                None,
                new.work_type,
                &parent,
            )?;
        }
        let internal_id = self.ids.next_ulid();
        // Allocated once: the store may call `build` for several candidate numbers.
        let event_id = self.ids.next_ulid();
        let mut build = |number: u64| {
            let id = WorkItemId::new(number)
                .ok_or_else(|| StoreError::InvalidStreamId(number.to_string(), "zero"))?;
            let event = new.created(id, internal_id);
            Ok((
                stream_for(id)?,
                vec![self.envelope(id, &event, guard.labels, event_id)],
            ))
        };
        let created = self
            .store
            .create_numbered_stream(AGGREGATE_TYPE, guard.once, &mut build)?;
        if created.replayed {
            if let Some(outcome) = self.original_result(guard)? {
                return Ok(outcome);
            }
        }
        let events = self.store.read(&created.stream, 1, created.version)?;
        let item = replay(&created.stream, &events)?
            .ok_or(AppError::ItemNotFound(ItemRef::Internal(internal_id)))?;
        Ok(CommandOutcome {
            item,
            events,
            replayed: false,
            warnings: Vec::new(),
        })
    }

    /// Loads, decides and appends against the loaded version. Without an expected version
    /// from the user, losing a race to another writer is not the user's problem: the command
    /// is decided again on the fresh state (which may now refuse it) and retried.
    fn update(
        &self,
        item: ItemRef,
        guard: &Guard<'_>,
        decide: &DecideFn,
    ) -> Result<CommandOutcome, AppError> {
        let mut attempts = 0;
        loop {
            attempts += 1;
            match self.try_update(item, guard, decide) {
                Err(AppError::Conflict { .. }) if guard.expected.is_none() && attempts < MAX_ATTEMPTS => {}
                result => return result,
            }
        }
    }

    /// The item a write decides on, refused if its file holds fewer events than the log
    /// had seen of it (a line removed outside jerry, say by `git checkout OLD -- file`, or
    /// the file deleted): the write would land after what is left, as if the lost events
    /// never were. The witnesses are the item's snapshot and the indexed read model, where
    /// they exist, asked only when the store says the file may have been changed outside
    /// it (so a write to an untouched item costs two `stat`s more); a witness ahead of the
    /// file only means damage if the file is still behind once read again (another writer
    /// may have appended meanwhile).
    fn load_intact(&self, repository: &ItemRepository<'_>, item: ItemRef) -> Result<WorkItem, AppError> {
        let (id, version) = match repository.load_ref(item) {
            Ok(current) => (current.id, Some(current)),
            // A file deleted outside jerry: not found, unless the log had seen the item.
            Err(AppError::ItemNotFound(ItemRef::Display(id))) => (id, None),
            Err(err) => return Err(err),
        };
        let loaded = version.as_ref().map_or(0, |current| current.version);
        let stream = super::repository::stream_for(id)?;
        if !self.store.maybe_changed_outside(&stream)? {
            return version.ok_or(AppError::ItemNotFound(item));
        }
        let snapshot = super::Snapshot::load(self.store, &stream).map(|s| s.version);
        let indexed = super::item_index::seen_version(self.store, id);
        let seen = snapshot.into_iter().chain(indexed).max().unwrap_or(0);
        if seen > loaded {
            let holds = self.store.current_version(&stream)?;
            if holds < seen {
                return Err(AppError::Damaged { id, seen, holds });
            }
        }
        version.ok_or(AppError::ItemNotFound(item))
    }

    fn try_update(
        &self,
        item: ItemRef,
        guard: &Guard<'_>,
        decide: &DecideFn,
    ) -> Result<CommandOutcome, AppError> {
        // Decided on the item as it stands now: a lease that ran out has lapsed.
        let current = self
            .load_intact(&ItemRepository::new(self.store), item)?
            .lapsed(guard.labels.now);
        let expected = guard.expected.unwrap_or(current.version);
        if expected != current.version {
            return Err(AppError::Conflict {
                id: current.id,
                expected,
                actual: current.version,
            });
        }
        let decided = decide(&current, guard.labels.now)?;
        let envelopes: Vec<NewEvent> = decided
            .iter()
            .map(|event| self.envelope(current.id, event, guard.labels, self.ids.next_ulid()))
            .collect();
        let stream = stream_for(current.id)?;
        let written = match self.store.append_once(
            &stream,
            envelopes.clone(),
            ExpectedVersion::Exact(expected),
            guard.once,
        ) {
            Ok(written) => written,
            Err(StoreError::Conflict { actual, .. }) => {
                return Err(AppError::Conflict {
                    id: current.id,
                    expected,
                    actual,
                })
            }
            Err(err) => return Err(err.into()),
        };
        if written.replayed {
            if let Some(outcome) = self.original_result(guard)? {
                return Ok(outcome);
            }
        }
        let appended = written.appended;
        let mut item = current;
        let count = decided.len() as u64;
        let first_version = appended.version + 1 - count;
        let first_position = appended.position + 1 - count;
        for (event, version) in decided.iter().zip(first_version..) {
            item.apply(Some(event), version, guard.labels.now, &self.actor);
        }
        let events = envelopes
            .into_iter()
            .zip(first_version..)
            .zip(first_position..)
            .map(|((event, version), position)| event.recorded(version, position))
            .collect();
        Ok(CommandOutcome {
            item,
            events,
            replayed: false,
            warnings: Vec::new(),
        })
    }

    fn envelope(&self, id: WorkItemId, event: &WorkItemEvent, labels: &Labels, event_id: Ulid) -> NewEvent {
        let metadata = Metadata {
            correlation_id: Some(labels.correlation.clone()),
            causation_id: Some(labels.causation.clone()),
            idempotency_key: labels.key.clone(),
            ..Metadata::by(self.actor.clone())
        };
        super::repository::envelope(id, event, event_id, labels.now, metadata)
    }
}

/// A quality gate applies to this item: it is not a spike and has no metrics.
fn lacks_metrics(item: &WorkItem) -> bool {
    item.work_type != WorkType::Spike && item.quality.is_none()
}

/// How a command turns an item's state (and the time) into events, or a refusal.
type DecideFn = dyn Fn(&WorkItem, Timestamp) -> Result<Vec<WorkItemEvent>, DomainError>;

/// What a successful write tells the user, given the item as it left it.
type WarnFn = dyn Fn(&WorkItem) -> Vec<Warning>;

/// A write on one existing item, ready to decide.
struct Prepared {
    item: ItemRef,
    decide: Box<DecideFn>,
    /// What a successful write tells the user, given the item as it left it.
    warnings: Box<WarnFn>,
}

impl Prepared {
    fn deciding(
        item: ItemRef,
        decide: impl Fn(&WorkItem, Timestamp) -> Result<Vec<WorkItemEvent>, DomainError> + 'static,
    ) -> Self {
        Self {
            item,
            decide: Box::new(decide),
            warnings: Box::new(|_| Vec::new()),
        }
    }
}

enum Plan {
    Create(NewWorkItem),
    Update(Prepared),
}

/// What guards one command's write.
struct Guard<'g> {
    expected: Option<u64>,
    once: Option<&'g OnceKey>,
    labels: &'g Labels,
}

/// Identifies a command with its arguments, so a reused idempotency key can be told apart
/// from a repeat. Parsed values are compared, so `WORK-7` and `7` are the same request.
fn fingerprint_all(commands: &[Command]) -> String {
    serde_json::to_string(commands).unwrap_or_else(|_| format!("{commands:?}"))
}

fn fingerprint(command: &Command, expected_version: Option<u64>) -> String {
    serde_json::to_string(&(command, expected_version))
        .unwrap_or_else(|_| format!("{command:?}|{expected_version:?}"))
}

/// The parent a change among `events` sets, if one does.
fn new_parent(events: &[WorkItemEvent]) -> Option<WorkItemId> {
    events.iter().find_map(|event| match event {
        WorkItemEvent::ParentChanged(changed) => changed.new_parent,
        _ => None,
    })
}
