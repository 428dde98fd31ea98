//! Every write a user can ask for ([`Command`]) and how it is carried out: load the
//! aggregate, decide, append with the version that was loaded. A concurrent change between
//! load and append is a conflict, never a silent overwrite. A new variant without its arm
//! in [`CommandDispatcher`]'s `match` does not compile. Only [`super::Session`] dispatches,
//! so no caller can write while skipping the policies.

use serde::Serialize;
use ulid::Ulid;

use crate::domain::graph::{blocking_edges, check_blocking_cycle, check_parent, edge_for};
use crate::domain::{
    DependencyType, DomainError, ItemRef, NewWorkItem, Priority, QualityGate, Status, WorkItem,
    WorkItemEvent, WorkItemId, WorkType, AGGREGATE_TYPE,
};
use crate::store::{
    EventStore, ExpectedVersion, Metadata, NewEvent, OnceKey, OnceRecord, RecordedEvent, StoreError,
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
    RecordMetrics {
        item: ItemRef,
        coverage: Option<f64>,
        positive: Option<u32>,
        negative: Option<u32>,
        edge: Option<u32>,
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

/// Something a successful command wants the user to know. Data, not text: each front door
/// words it (and suggests its own next step).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "warning", rename_all = "snake_case")]
pub enum Warning {
    /// `quality_gate = warn`, and the item was completed without quality metrics.
    CompletedWithoutMetrics { item: crate::domain::WorkItemId },
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
        }
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
                    fingerprint: fingerprint(&command, options.expected_version),
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
        let command_id = self.ids.next_ulid().to_string();
        let labels = Labels {
            now: self.clock.now(),
            correlation: options
                .correlation_id
                .clone()
                .unwrap_or_else(|| command_id.clone()),
            causation: options.causation_id.clone().unwrap_or(command_id),
            key: options.idempotency_key.clone(),
        };
        let guard = Guard {
            expected: options.expected_version,
            once: once.as_ref(),
            labels: &labels,
        };
        let result = self.run(command, &guard);
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

    fn run(&self, command: Command, guard: &Guard<'_>) -> Result<CommandOutcome, AppError> {
        match command {
            Command::Create(new) => self.create(new, guard),
            Command::ChangeStatus { item, to, reason } => {
                let gate = self.quality_gate;
                let mut outcome = self.update(item, guard, |current, now| {
                    if to == Status::Done && gate == QualityGate::Enforce && lacks_metrics(current) {
                        return Err(DomainError::QualityGate { id: current.id });
                    }
                    current.change_status(to, reason.clone(), now)
                })?;
                if to == Status::Done
                    && gate == QualityGate::Warn
                    && lacks_metrics(&outcome.item)
                    && !outcome.replayed
                {
                    outcome.warnings.push(Warning::CompletedWithoutMetrics {
                        item: outcome.item.id,
                    });
                }
                Ok(outcome)
            }
            Command::ChangePriority { item, to, reason } => self.update(item, guard, |current, _| {
                current.change_priority(to, reason.clone())
            }),
            Command::Assign { item, assignee } => {
                self.update(item, guard, |current, _| current.assign(assignee.clone()))
            }
            Command::AddDependency { item, on, kind } => {
                let other = self.existing(on)?;
                let items = super::ItemsProjection::current(self.store)?.items;
                self.update(item, guard, |current, _| {
                    let events = current.add_dependency(other, kind)?;
                    if let Some(edge) = edge_for(current.id, other, kind) {
                        check_blocking_cycle(&blocking_edges(items.values()), edge)?;
                    }
                    Ok(events)
                })
            }
            Command::Reparent { item, parent } => {
                let parent = parent.map(|p| self.existing(p)).transpose()?;
                let items = super::ItemsProjection::current(self.store)?.items;
                self.update(item, guard, |current, _| {
                    if let Some(parent) = parent {
                        let parent = items.get(&parent).ok_or(DomainError::MissingCreation {
                            found: format!("no {parent} in the read model"),
                        })?;
                        check_parent(&items, Some(current.id), current.work_type, parent)?;
                    }
                    current.reparent(parent)
                })
            }
            Command::RecordMetrics {
                item,
                coverage,
                positive,
                negative,
                edge,
            } => self.update(item, guard, |current, _| {
                current.record_metrics(coverage, positive, negative, edge)
            }),
            Command::Edit {
                item,
                title,
                description,
            } => self.update(item, guard, |current, _| {
                current.edit(title.clone(), description.clone())
            }),
            Command::Label { item, add, remove } => {
                self.update(item, guard, |current, _| current.relabel(&add, &remove))
            }
            Command::Comment { item, text } => self.update(item, guard, |current, _| {
                current.comment(text.clone(), &self.actor)
            }),
            Command::RemoveDependency { item, on } => {
                let other = ItemRepository::new(self.store).resolve(on)?;
                self.update(item, guard, |current, _| current.remove_dependency(other))
            }
        }
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
        decide: impl Fn(&WorkItem, Timestamp) -> Result<Vec<WorkItemEvent>, DomainError>,
    ) -> Result<CommandOutcome, AppError> {
        let mut attempts = 0;
        loop {
            attempts += 1;
            match self.try_update(item, guard, &decide) {
                Err(AppError::Conflict { .. }) if guard.expected.is_none() && attempts < MAX_ATTEMPTS => {}
                result => return result,
            }
        }
    }

    fn try_update(
        &self,
        item: ItemRef,
        guard: &Guard<'_>,
        decide: &impl Fn(&WorkItem, Timestamp) -> Result<Vec<WorkItemEvent>, DomainError>,
    ) -> Result<CommandOutcome, AppError> {
        let current = ItemRepository::new(self.store).load_ref(item)?;
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
            item.apply(Some(event), version, guard.labels.now);
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
        NewEvent {
            event_id,
            aggregate_type: AGGREGATE_TYPE.to_owned(),
            aggregate_id: id.to_string(),
            event_type: event.event_type().to_owned(),
            schema_version: event.schema_version(),
            timestamp: labels.now,
            payload: event.payload(),
            metadata: Metadata {
                actor: self.actor.clone(),
                correlation_id: Some(labels.correlation.clone()),
                causation_id: Some(labels.causation.clone()),
                idempotency_key: labels.key.clone(),
            },
        }
    }
}

/// A quality gate applies to this item: it is not a spike and has no metrics.
fn lacks_metrics(item: &WorkItem) -> bool {
    item.work_type != WorkType::Spike && item.quality.is_none()
}

/// What guards one command's write.
struct Guard<'g> {
    expected: Option<u64>,
    once: Option<&'g OnceKey>,
    labels: &'g Labels,
}

/// Identifies a command with its arguments, so a reused idempotency key can be told apart
/// from a repeat. Parsed values are compared, so `WORK-7` and `7` are the same request.
fn fingerprint(command: &Command, expected_version: Option<u64>) -> String {
    serde_json::to_string(&(command, expected_version))
        .unwrap_or_else(|_| format!("{command:?}|{expected_version:?}"))
}
