//! Dispatching: a command planned, decided and appended with the version it was decided
//! on, retried on a concurrent change, the policies' and the index's work around it.

use crate::app::repository::{replay, stream_for, ItemRepository};
use crate::app::AppError;
use crate::domain::graph::check_parent;
use crate::domain::{DomainError, ItemRef, NewWorkItem, WorkItem, WorkItemEvent, WorkItemId, AGGREGATE_TYPE};
use crate::store::{Appended, ExpectedVersion, Metadata, NewEvent, OnceKey, StoreError, StreamAppend};
use ulid::Ulid;

use super::*;

impl CommandDispatcher<'_> {
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
            // Already as asked, with a key: another process with the same key may have
            // written it after this one looked the key up. Its record is then the answer (a
            // replay, not "unchanged").
            (Ok(outcome), Some(once)) if outcome.unchanged.is_some() => {
                match self.store.lookup_once(&once.key)? {
                    Some(record) => {
                        record.answer(once)?;
                        self.replayed(&record)
                    }
                    None => Ok(outcome),
                }
            }
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

    /// One command's time, correlation and causation (this command, unless told otherwise).
    pub(super) fn labels(&self, options: &WriteOptions) -> Labels {
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

    pub(super) fn run(&self, command: Command, guard: &Guard<'_>) -> Result<CommandOutcome, AppError> {
        match self.plan(command)? {
            Plan::Create(new) => self.create(new, guard),
            Plan::Update(prepared) => {
                let mut outcome = self.update(prepared.item, guard, &*prepared.decide)?;
                if !outcome.replayed && outcome.unchanged.is_none() {
                    outcome.warnings = (prepared.warnings)(&outcome.item);
                }
                Ok(outcome)
            }
        }
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

    pub(super) fn run_all(
        &self,
        commands: Vec<Command>,
        options: WriteOptions,
    ) -> Result<Vec<CommandOutcome>, AppError> {
        if options.expected_version.is_some() && commands.len() > 1 {
            return Err(AppError::SeveralExpected);
        }
        let mut used = None;
        let once = match &options.idempotency_key {
            Some(key) => {
                let once = OnceKey {
                    key: key.clone(),
                    fingerprint: fingerprint_all(&commands),
                };
                if let Some(record) = self.store.lookup_once(key)? {
                    record.answer(&once)?;
                    used = Some(record);
                }
                Some(once)
            }
            None => None,
        };
        let planned = self.plan_all(commands);
        let (plans, targets) = match (planned, used) {
            (Ok(planned), Some(record)) => return self.replayed_in_order(&record, &planned.0, &planned.1),
            // The items may have moved on since: the original answer, of what was written.
            (Err(_), Some(record)) => return self.replayed_all(&record),
            (planned, None) => planned?,
        };
        let labels = self.labels(&options);
        let (mut attempts, mut moved) = (0, 0);
        loop {
            attempts += 1;
            match self.try_update_all(&plans, options.expected_version, once.as_ref(), &labels) {
                Err(AppError::Conflict { .. })
                    if options.expected_version.is_none() && attempts < MAX_ATTEMPTS => {}
                Err(AppError::Store(StoreError::HeadMoved { .. })) if moved < super::wip::HEAD_ATTEMPTS => {
                    attempts -= 1;
                    moved += 1;
                }
                Err(err) => {
                    // As for one command: a racer with the same key may have won.
                    if let Some(once) = &once {
                        if !matches!(err, AppError::Store(StoreError::IdempotencyKeyReused { .. })) {
                            if let Some(record) = self.store.lookup_once(&once.key)? {
                                record.answer(once)?;
                                return self.replayed_in_order(&record, &plans, &targets);
                            }
                        }
                    }
                    return Err(err);
                }
                // All already as asked: as for one command, a racer with the key may have
                // written them after the key was looked up.
                Ok(outcomes) if outcomes.iter().all(|o| o.unchanged.is_some()) => {
                    if let Some(once) = &once {
                        if let Some(record) = self.store.lookup_once(&once.key)? {
                            record.answer(once)?;
                            return self.replayed_in_order(&record, &plans, &targets);
                        }
                    }
                    return Ok(outcomes);
                }
                Ok(outcomes) => return Ok(outcomes),
            }
        }
    }

    /// Each command planned, with the item it is for (an item named twice is refused).
    fn plan_all(&self, commands: Vec<Command>) -> Result<(Vec<Prepared>, Vec<WorkItemId>), AppError> {
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
        Ok((plans, targets))
    }

    pub(super) fn try_update_all(
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
            match (prepared.decide)(&current, labels.now) {
                Ok(events) => decided.push((current, events, None)),
                // Already as asked: this one writes nothing, the others go ahead.
                Err(err @ DomainError::Unchanged { .. }) => decided.push((current, Vec::new(), Some(err))),
                Err(err) => return Err(err.into()),
            }
        }
        if decided.iter().all(|(_, _, unchanged)| unchanged.is_some()) {
            return Ok(decided
                .into_iter()
                .filter_map(|(current, _, why)| why.map(|why| CommandOutcome::unchanged(current, &why)))
                .collect());
        }
        let mut appends = Vec::with_capacity(decided.len());
        let mut envelopes_of = Vec::with_capacity(decided.len());
        for (current, events, _) in decided.iter().filter(|(_, events, _)| !events.is_empty()) {
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
        let head = if self.wip_limits.is_empty() {
            None
        } else {
            let afters: Vec<WorkItem> = decided
                .iter()
                .map(|(current, events, _)| {
                    let mut after = current.clone();
                    for event in events {
                        after.apply(Some(event), current.version + 1, labels.now, &self.actor);
                    }
                    after
                })
                .collect();
            let moves: Vec<(&WorkItem, &WorkItem)> = decided
                .iter()
                .map(|(current, _, _)| current)
                .zip(afters.iter())
                .collect();
            self.wip_check(&moves, labels.now)?
        };
        let all: Vec<NewEvent> = envelopes_of.iter().flatten().cloned().collect();
        self.checked(&all)?;
        let written = match self.store.append_all_at(appends, once, head) {
            Ok(written) => written,
            Err(StoreError::Conflict { stream, actual, .. }) => {
                let (current, _, _) = decided
                    .iter()
                    .find(|(current, _, _)| stream_for(current.id).is_ok_and(|s| s == stream))
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
                let targets: Vec<WorkItemId> = decided.iter().map(|(current, _, _)| current.id).collect();
                return self.replayed_in_order(&record, plans, &targets);
            }
        }
        let mut outcomes = Vec::with_capacity(decided.len());
        let mut envelopes_of = envelopes_of.into_iter();
        let mut appended_of = written.appended.into_iter();
        for ((current, events, unchanged), prepared) in decided.into_iter().zip(plans) {
            if let Some(why) = unchanged {
                outcomes.push(CommandOutcome::unchanged(current, &why));
                continue;
            }
            let (Some(envelopes), Some(appended)) = (envelopes_of.next(), appended_of.next()) else {
                return Err(AppError::io(
                    "appending several items",
                    std::io::Error::other("the store answered fewer appends than it was given"),
                ));
            };
            let mut outcome = self.written(current, &events, envelopes, &appended, labels.now);
            outcome.warnings = (prepared.warnings)(&outcome.item);
            outcomes.push(outcome);
        }
        Ok(outcomes)
    }

    pub(super) fn existing(&self, item: ItemRef) -> Result<WorkItemId, AppError> {
        let repository = ItemRepository::new(self.store);
        let id = repository.resolve(item)?;
        if !self.store.stream_exists(&stream_for(id)?)? {
            return Err(AppError::ItemNotFound(item));
        }
        // A link to a deleted item, or a child under one, would point out of the work.
        if let Some(found) = repository.load(id)? {
            found.check_not_deleted()?;
        }
        Ok(id)
    }

    pub(super) fn create(&self, new: NewWorkItem, guard: &Guard<'_>) -> Result<CommandOutcome, AppError> {
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
        if self.check.is_some() {
            // The number is taken in the write itself: the check sees the event without it.
            let first = WorkItemId::new(1).ok_or(AppError::SeveralCreates)?;
            let mut event = self.envelope(first, &new.created(first, internal_id), guard.labels, event_id);
            event.aggregate_id = String::new();
            self.checked(std::slice::from_ref(&event))?;
        }
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
            unchanged: None,
        })
    }

    /// Loads, decides and appends against the loaded version. Without an expected version
    /// from the user, losing a race to another writer is not the user's problem: the command
    /// is decided again on the fresh state (which may now refuse it) and retried.
    pub(super) fn update(
        &self,
        item: ItemRef,
        guard: &Guard<'_>,
        decide: &DecideFn,
    ) -> Result<CommandOutcome, AppError> {
        let (mut attempts, mut moved) = (0, 0);
        loop {
            attempts += 1;
            match self.try_update(item, guard, decide) {
                Err(AppError::Conflict { .. }) if guard.expected.is_none() && attempts < MAX_ATTEMPTS => {}
                // Other writes landed between a WIP count and its append: count again.
                Err(AppError::Store(StoreError::HeadMoved { .. })) if moved < super::wip::HEAD_ATTEMPTS => {
                    attempts -= 1;
                    moved += 1;
                }
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
    pub(super) fn load_intact(
        &self,
        repository: &ItemRepository<'_>,
        item: ItemRef,
    ) -> Result<WorkItem, AppError> {
        let (id, version) = match repository.load_ref(item) {
            Ok(current) => (current.id, Some(current)),
            // A file deleted outside jerry: not found, unless the log had seen the item.
            Err(AppError::ItemNotFound(ItemRef::Display(id))) => (id, None),
            Err(err) => return Err(err),
        };
        let loaded = version.as_ref().map_or(0, |current| current.version);
        let stream = crate::app::repository::stream_for(id)?;
        if !self.store.maybe_changed_outside(&stream)? {
            return version.ok_or(AppError::ItemNotFound(item));
        }
        let snapshot = crate::app::Snapshot::load(self.store, &stream).map(|s| s.version);
        let indexed = crate::app::item_index::seen_version(self.store, id);
        let seen = snapshot.into_iter().chain(indexed).max().unwrap_or(0);
        if seen > loaded {
            let holds = self.store.current_version(&stream)?;
            if holds < seen {
                return Err(AppError::Damaged { id, seen, holds });
            }
        }
        version.ok_or(AppError::ItemNotFound(item))
    }

    pub(super) fn try_update(
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
        let decided = match decide(&current, guard.labels.now) {
            Ok(decided) => decided,
            // Already as asked: a success that writes nothing.
            Err(err @ DomainError::Unchanged { .. }) => return Ok(CommandOutcome::unchanged(current, &err)),
            Err(err) => return Err(err.into()),
        };
        let envelopes: Vec<NewEvent> = decided
            .iter()
            .map(|event| self.envelope(current.id, event, guard.labels, self.ids.next_ulid()))
            .collect();
        let stream = stream_for(current.id)?;
        let head = if self.wip_limits.is_empty() {
            None
        } else {
            let mut after = current.clone();
            for event in &decided {
                after.apply(Some(event), current.version + 1, guard.labels.now, &self.actor);
            }
            self.wip_check(&[(&current, &after)], guard.labels.now)?
        };
        self.checked(&envelopes)?;
        let appended = match head {
            None => self.store.append_once(
                &stream,
                envelopes.clone(),
                ExpectedVersion::Exact(expected),
                guard.once,
            ),
            Some(head) => self
                .store
                .append_all_at(
                    vec![StreamAppend {
                        stream: stream.clone(),
                        events: envelopes.clone(),
                        expected: ExpectedVersion::Exact(expected),
                    }],
                    guard.once,
                    Some(head),
                )
                .and_then(|written| {
                    let appended = written
                        .appended
                        .first()
                        .copied()
                        .ok_or_else(|| StoreError::EmptyBatch(stream.clone()))?;
                    Ok(crate::store::Written {
                        appended,
                        replayed: written.replayed,
                    })
                }),
        };
        let written = match appended {
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
        Ok(self.written(current, &decided, envelopes, &written.appended, guard.labels.now))
    }

    /// The item after `events` were appended to it as `envelopes`, the last of them at
    /// `appended`, and those events as recorded.
    fn written(
        &self,
        mut item: WorkItem,
        events: &[WorkItemEvent],
        envelopes: Vec<NewEvent>,
        appended: &Appended,
        now: Timestamp,
    ) -> CommandOutcome {
        let count = events.len() as u64;
        let first_version = appended.version + 1 - count;
        let first_position = appended.position + 1 - count;
        for (event, version) in events.iter().zip(first_version..) {
            item.apply(Some(event), version, now, &self.actor);
        }
        let events = envelopes
            .into_iter()
            .zip(first_version..)
            .zip(first_position..)
            .map(|((event, version), position)| event.recorded(version, position))
            .collect();
        CommandOutcome {
            item,
            events,
            replayed: false,
            warnings: Vec::new(),
            unchanged: None,
        }
    }

    pub(super) fn envelope(
        &self,
        id: WorkItemId,
        event: &WorkItemEvent,
        labels: &Labels,
        event_id: Ulid,
    ) -> NewEvent {
        let metadata = Metadata {
            correlation_id: Some(labels.correlation.clone()),
            causation_id: Some(labels.causation.clone()),
            idempotency_key: labels.key.clone(),
            ..Metadata::by(self.actor.clone())
        };
        crate::app::repository::envelope(id, event, event_id, labels.now, metadata)
    }
}
