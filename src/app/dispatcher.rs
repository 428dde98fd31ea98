//! Routes each command to its handler: load the aggregate, decide, append with the version
//! that was loaded. A concurrent change between load and append is a conflict, never a
//! silent overwrite.

use ulid::Ulid;

use crate::domain::{
    DomainError, ItemRef, NewWorkItem, WorkItem, WorkItemEvent, WorkItemId, AGGREGATE_TYPE, SCHEMA_VERSION,
};
use crate::store::{EventStore, ExpectedVersion, Metadata, NewEvent, StoreError};
use crate::timestamp::Timestamp;

use super::repository::{replay, stream_for, ItemRepository};
use super::{AppError, Clock, Command, CommandOutcome, IdSource};

/// How often a command without an expected version is re-decided after losing a race.
const MAX_ATTEMPTS: u32 = 32;

pub struct CommandDispatcher<'a> {
    store: &'a dyn EventStore,
    clock: &'a dyn Clock,
    ids: &'a dyn IdSource,
    actor: String,
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
        }
    }

    /// Runs one command. With `expected_version`, the item must still be at that version
    /// or the command fails with [`AppError::Conflict`] and writes nothing.
    pub fn dispatch(
        &self,
        command: Command,
        expected_version: Option<u64>,
    ) -> Result<CommandOutcome, AppError> {
        match command {
            Command::Create(new) => self.create(new),
            Command::ChangeStatus { item, to, reason } => {
                self.update(item, expected_version, |current, now| {
                    current.change_status(to, reason.clone(), now)
                })
            }
            Command::ChangePriority { item, to, reason } => {
                self.update(item, expected_version, |current, _| {
                    current.change_priority(to, reason.clone())
                })
            }
            Command::Assign { item, assignee } => self.update(item, expected_version, |current, _| {
                current.assign(assignee.clone())
            }),
            Command::AddDependency { item, on, kind } => {
                let other = self.existing(on)?;
                self.update(item, expected_version, |current, _| {
                    current.add_dependency(other, kind)
                })
            }
            Command::RemoveDependency { item, on } => {
                let other = ItemRepository::new(self.store).resolve(on)?;
                self.update(item, expected_version, |current, _| {
                    current.remove_dependency(other)
                })
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

    fn create(&self, new: NewWorkItem) -> Result<CommandOutcome, AppError> {
        new.validate()?;
        let new = NewWorkItem {
            parent: new
                .parent
                .map(|p| self.existing(ItemRef::Display(p)))
                .transpose()?,
            ..new
        };
        let internal_id = self.ids.next_ulid();
        let now = self.clock.now();
        let correlation = self.ids.next_ulid();
        let mut build = |number: u64| {
            let id = WorkItemId::new(number)
                .ok_or_else(|| StoreError::InvalidStreamId(number.to_string(), "zero"))?;
            let event = new.created(id, internal_id);
            Ok((stream_for(id)?, vec![self.envelope(id, &event, now, correlation)]))
        };
        let created = self.store.create_numbered_stream(AGGREGATE_TYPE, &mut build)?;
        let events = self.store.read_all(&created.stream)?;
        let item = replay(&created.stream, &events)?
            .ok_or(AppError::ItemNotFound(ItemRef::Internal(internal_id)))?;
        Ok(CommandOutcome { item, events })
    }

    /// Loads, decides and appends against the loaded version. Without an expected version
    /// from the user, losing a race to another writer is not the user's problem: the command
    /// is decided again on the fresh state (which may now refuse it) and retried.
    fn update(
        &self,
        item: ItemRef,
        expected_version: Option<u64>,
        decide: impl Fn(&WorkItem, Timestamp) -> Result<Vec<WorkItemEvent>, DomainError>,
    ) -> Result<CommandOutcome, AppError> {
        let mut attempts = 0;
        loop {
            attempts += 1;
            match self.try_update(item, expected_version, &decide) {
                Err(AppError::Conflict { .. }) if expected_version.is_none() && attempts < MAX_ATTEMPTS => {
                    continue
                }
                result => return result,
            }
        }
    }

    fn try_update(
        &self,
        item: ItemRef,
        expected_version: Option<u64>,
        decide: &impl Fn(&WorkItem, Timestamp) -> Result<Vec<WorkItemEvent>, DomainError>,
    ) -> Result<CommandOutcome, AppError> {
        let current = ItemRepository::new(self.store).load_ref(item)?;
        let expected = expected_version.unwrap_or(current.version);
        if expected != current.version {
            return Err(AppError::Conflict {
                id: current.id,
                expected,
                actual: current.version,
            });
        }
        let now = self.clock.now();
        let decided = decide(&current, now)?;
        let correlation = self.ids.next_ulid();
        let envelopes: Vec<NewEvent> = decided
            .iter()
            .map(|event| self.envelope(current.id, event, now, correlation))
            .collect();
        let stream = stream_for(current.id)?;
        let appended = match self
            .store
            .append(&stream, envelopes.clone(), ExpectedVersion::Exact(expected))
        {
            Ok(appended) => appended,
            Err(StoreError::Conflict { actual, .. }) => {
                return Err(AppError::Conflict {
                    id: current.id,
                    expected,
                    actual,
                })
            }
            Err(err) => return Err(err.into()),
        };
        let mut item = current;
        let count = decided.len() as u64;
        let first_version = appended.version + 1 - count;
        let first_position = appended.position + 1 - count;
        for (event, version) in decided.iter().zip(first_version..) {
            item.apply(Some(event), version, now);
        }
        let events = envelopes
            .into_iter()
            .zip(first_version..)
            .zip(first_position..)
            .map(|((event, version), position)| event.recorded(version, position))
            .collect();
        Ok(CommandOutcome { item, events })
    }

    fn envelope(&self, id: WorkItemId, event: &WorkItemEvent, now: Timestamp, correlation: Ulid) -> NewEvent {
        NewEvent {
            event_id: self.ids.next_ulid(),
            aggregate_type: AGGREGATE_TYPE.to_owned(),
            aggregate_id: id.to_string(),
            event_type: event.event_type().to_owned(),
            schema_version: SCHEMA_VERSION,
            timestamp: now,
            payload: event.payload(),
            metadata: Metadata {
                actor: self.actor.clone(),
                correlation_id: Some(correlation.to_string()),
                causation_id: None,
            },
        }
    }
}
